/* quotes.c - finding the quotations of a text (quotes.h). */
#include "text/quotes.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

void ue_quotes_init(struct ue_quotes *q)
{
	memset(q, 0, sizeof *q);
}

void ue_quotes_release(struct ue_quotes *q)
{
	free(q->v);
	memset(q, 0, sizeof *q);
}

static ue_status push(struct ue_quotes *q, struct ue_quote cur)
{
	if (q->n == q->alloc) {
		size_t n = q->alloc ? 2 * q->alloc : 16;
		struct ue_quote *v = realloc(q->v, n * sizeof *v);
		if (!v)
			return UE_ENOMEM;
		q->v = v;
		q->alloc = n;
	}
	q->v[q->n++] = cur;
	return UE_OK;
}

/* The code point at text[i], its length in *n; -1 when invalid (n 1). */
static int32_t cp_at(const char *text, size_t len, size_t i, int *n)
{
	*n = 1;
	if ((unsigned char)text[i] < 0x80)
		return (unsigned char)text[i];
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
	                                      (utf8proc_ssize_t)(len - i), &c);
	if (k <= 0)
		return -1;
	*n = (int)k;
	return c;
}

/* The marks that may close a quotation opened by c (up to three; ''
 * stands for two apostrophes); 0 when c opens none. */
static int closers(int32_t c, int two, int32_t close[3])
{
	close[0] = close[1] = close[2] = 0;
	if (c == 0x201C) {         /* “...”, and “...“ or “..." in some texts */
		close[0] = 0x201D;
		close[1] = 0x201C;
		close[2] = '"';
	} else if (c == '"') {     /* "...", and "...” in careless texts */
		close[0] = '"';
		close[1] = 0x201D;
	} else if (c == 0xAB) {    /* «...» */
		close[0] = 0xBB;
	} else if (c == 0x201E) {  /* „...“ and „...” */
		close[0] = 0x201C;
		close[1] = 0x201D;
	} else if (two) {          /* ''...'' */
		close[0] = '\'';
	}
	return close[0] != 0;
}

/* Whether code point c is a letter or a digit (not the end: c < 0). */
static int alnum(int32_t c)
{
	if (c < 0)
		return 0;
	utf8proc_category_t k = utf8proc_category(c);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
	       (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO);
}

/* The code point after the one of n bytes at t[i]; -1 at the end. */
static int32_t cp_after(const char *t, size_t len, size_t i, int n)
{
	int m;
	return i + (size_t)n < len ? cp_at(t, len, i + (size_t)n, &m) : -1;
}

/* Whether the single mark c opens a quotation: ‘ or ', after the start, a
 * space or an opening bracket or dash, and before a letter or digit. */
static int single_opens(int32_t c, int32_t before, int32_t after)
{
	int open_before = before < 0 || before == ' ' || before == '\n' ||
	                  before == '\t' || before == '(' || before == '[' ||
	                  before == 0x2014 || before == 0x2013 || before == 0xA0;
	return (c == 0x2018 || c == '\'') && open_before && alnum(after);
}

/* Whether the single mark c closes a quotation: ’ or ', after a non-space
 * and not before a letter or digit (that is an apostrophe). */
static int single_closes(int32_t c, int32_t before, int32_t after)
{
	return (c == 0x2019 || c == '\'') && before != ' ' && before != '\n' &&
	       !alnum(after);
}

ue_status ue_quotes_find(const char *t, size_t len, unsigned flags,
                         struct ue_quotes *out)
{
	out->n = 0;
	int open = 0, single = 0;
	int32_t close[3] = {0, 0, 0}, before = -1;
	struct ue_quote cur = {0, 0, 0, 0};
	for (size_t i = 0; i < len; ) {
		int n;
		int32_t c = cp_at(t, len, i, &n);
		int two = c == '\'' && i + 1 < len && t[i + 1] == '\'';
		int32_t after = (flags & UE_QUOTES_SINGLE) &&
		                (c == '\'' || c == 0x2018 || c == 0x2019)
		                ? cp_after(t, len, i, n) : -1;
		if (open && single) {
			if (c == '\n') {   /* left open: an apostrophe after all */
				open = single = 0;
			} else if (single_closes(c, before, after)) {
				cur.end = (uint32_t)i;
				cur.close = (uint32_t)(i + (size_t)n);
				if (cur.end > cur.start && push(out, cur))
					return UE_ENOMEM;
				open = single = 0;
			}
			before = c;
			i += (size_t)n;
			continue;
		}
		int closes = close[0] == '\'' ? two
		           : c == close[0] || c == close[1] || c == close[2];
		if (open && (c == '\n' || closes)) {
			cur.end = (uint32_t)i;
			cur.close = (uint32_t)(c == '\n' ? i : i + (two ? 2 : n));
			if (cur.end > cur.start && push(out, cur))
				return UE_ENOMEM;
			open = 0;
			before = c;
			i = cur.close > i ? cur.close : i + (size_t)n;
			continue;
		}
		if (!open && !closers(c, two, close))
			single = (flags & UE_QUOTES_SINGLE) &&
			         single_opens(c, before, after);
		if (!open && (close[0] || single)) {
			open = 1;
			cur.open = (uint32_t)i;
			i += two ? 2 : (size_t)n;
			cur.start = (uint32_t)i;
			before = c;
			continue;
		}
		before = c;
		i += (size_t)n;
	}
	if (open && !single && len > cur.start) {
		cur.end = cur.close = (uint32_t)len;
		if (push(out, cur))
			return UE_ENOMEM;
	}
	return UE_OK;
}

size_t ue_quotes_overlap(const struct ue_quotes *q, uint32_t start,
                         uint32_t end)
{
	size_t lo = 0, hi = q->n, inside = 0;
	while (lo < hi) {   /* the first quotation closing after start */
		size_t mid = (lo + hi) / 2;
		if (q->v[mid].close <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < q->n && q->v[k].open < end; k++) {
		uint32_t a = q->v[k].open > start ? q->v[k].open : start;
		uint32_t b = q->v[k].close < end ? q->v[k].close : end;
		if (b > a)
			inside += b - a;
	}
	return inside;
}
