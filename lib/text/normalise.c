/*
 * normalise.c - text normalisation of SPEC §3.1; see normalise.h.
 *
 * One pass over the input repairs UTF-8, drops control characters, turns
 * CR and CRLF into LF and copies everything else to the output.  Runs of
 * plain ASCII are copied whole.  NFC is applied only where it can change
 * something: the output is cut into segments that each begin with a
 * "stable starter" (a character that NFC leaves alone and that never
 * combines with what precedes it), and only a segment holding some other
 * character goes through utf8proc.  Most news text, accents and curly
 * quotes included, never reaches utf8proc at all.
 */
#include "text/normalise.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define NFC_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)
#define CACHE_SIZE 64           /* power of two */
#define SMALL_SEGMENT 128       /* code points normalised on the stack */

struct norm {
	struct ue_buf *out;
	size_t start;           /* where this call's output begins in out */
	size_t seg;             /* where the current NFC segment begins */
	int dirty;              /* the segment holds a non-stable character */
	int line;               /* one-line mode */
	int space;              /* line mode: a whitespace run is pending */
	/* nfc_stable() answers for decomposable characters, by code point */
	uint32_t cache_cp[CACHE_SIZE];
	unsigned char cache_val[CACHE_SIZE];
};

/*
 * The length of the valid UTF-8 sequence at s (n > 0 bytes available),
 * storing its code point in *cp; 0 when the sequence is invalid (overlong,
 * surrogate, beyond U+10FFFF, truncated or a stray byte).
 */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return 0;
	if (c < 0xE0) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = (uint32_t)(c & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
			return 0;
		*cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		      (s[2] & 0x3F);
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
			return 0;
		*cp = (uint32_t)(c & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
		      (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		return 4;
	}
	return 0;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Non-zero when one of the eight bytes of x is not printable ASCII. */
static inline int word_unplain(uint64_t x)
{
	uint64_t lt20 = (x - ONES * 0x20) & ~x;
	uint64_t is7f = ((x ^ (ONES * 0x7F)) - ONES) & ~(x ^ (ONES * 0x7F));
	return ((x | lt20 | is7f) & HIGHS) != 0;
}

/* Bytes that text mode copies as they are: printable ASCII, tab, LF. */
static inline int plain_byte(unsigned c)
{
	return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
}

/* The end of the run of plain bytes that begins at s[i]. */
static size_t plain_run(const unsigned char *s, size_t i, size_t len)
{
	for (;;) {
		while (i + 8 <= len) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (word_unplain(x))
				break;
			i += 8;
		}
		size_t stop = i + 8 < len ? i + 8 : len;
		while (i < stop && plain_byte(s[i]))
			i++;
		if (i < stop || i == len)
			return i;
	}
}

static inline int graph_byte(unsigned c)
{
	return c > ' ' && c < 0x7F;
}

/*
 * Line mode: the end of the run that begins at graphic ASCII s[i] and
 * holds only graphic ASCII and single spaces between them.
 */
static size_t line_run(const unsigned char *s, size_t i, size_t len)
{
	while (i < len) {
		if (graph_byte(s[i]))
			i++;
		else if (s[i] == ' ' && i + 1 < len && graph_byte(s[i + 1]))
			i += 2;
		else
			break;
	}
	return i;
}

/* Unicode White_Space, apart from the C0 and C1 controls. */
static int is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == 0xA0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/*
 * Characters with combining class 0 that can be the second half of a
 * canonical composition (NFC_Quick_Check=Maybe): vowel signs of Indic
 * scripts, Hangul jungseong and jongseong, and a few more.
 */
static int composes_with_previous(uint32_t cp)
{
	switch (cp) {
	case 0x09BE: case 0x09D7: case 0x0B3E: case 0x0B56: case 0x0B57:
	case 0x0BBE: case 0x0BD7: case 0x0C56: case 0x0CC2: case 0x0CD5:
	case 0x0CD6: case 0x0D3E: case 0x0D57: case 0x0DCA: case 0x0DCF:
	case 0x0DDF: case 0x102E: case 0x1B35:
		return 1;
	}
	return (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2);
}

/*
 * Non-zero when cp (>= U+0300) is a stable starter: NFC maps it to itself,
 * no character before it can combine with it, and it is not reordered.
 * Conservative: a zero answer only makes a segment longer.
 */
static int nfc_stable(struct norm *nm, uint32_t cp)
{
	/* The supplementary planes below the emoji: rare scripts, some of
	 * whose vowel signs compose; leave them all to utf8proc. */
	if (cp >= 0x10000 && cp < 0x1F000)
		return 0;
	if (composes_with_previous(cp))
		return 0;
	const utf8proc_property_t *p = utf8proc_get_property((int32_t)cp);
	if (p->combining_class)
		return 0;
	if (p->decomp_seqindex == UINT16_MAX || p->decomp_type)
		return 1;       /* no canonical decomposition */

	/* Decomposable: stable when it recomposes to itself (é, й, ά do;
	 * singletons like U+212B and composition exclusions do not). */
	unsigned h = (cp ^ (cp >> 6)) & (CACHE_SIZE - 1);
	if (nm->cache_cp[h] == cp)
		return nm->cache_val[h];
	utf8proc_int32_t d[8];
	utf8proc_ssize_t n = utf8proc_decompose_char((int32_t)cp, d, 8,
						     UTF8PROC_DECOMPOSE, NULL);
	int ok = 0;
	if (n > 0 && n <= 8) {
		n = utf8proc_normalize_utf32(d, n, NFC_OPTIONS);
		ok = n == 1 && d[0] == (utf8proc_int32_t)cp;
	}
	nm->cache_cp[h] = cp;
	nm->cache_val[h] = (unsigned char)ok;
	return ok;
}

/* Replaces out[seg..len) by its NFC. */
static ue_status flush(struct norm *nm)
{
	struct ue_buf *out = nm->out;
	const utf8proc_uint8_t *src = (const utf8proc_uint8_t *)out->data + nm->seg;
	utf8proc_ssize_t srclen = (utf8proc_ssize_t)(out->len - nm->seg);
	utf8proc_int32_t cps[SMALL_SEGMENT];
	unsigned char tmp[SMALL_SEGMENT * 4];
	utf8proc_uint8_t *big = NULL;
	const void *res;
	size_t reslen;

	nm->dirty = 0;
	utf8proc_ssize_t n = utf8proc_decompose(src, srclen, cps, SMALL_SEGMENT,
						NFC_OPTIONS);
	if (n >= 0 && n <= SMALL_SEGMENT) {
		n = utf8proc_normalize_utf32(cps, n, NFC_OPTIONS);
		if (n < 0)
			return UE_OK;   /* cannot happen on valid UTF-8 */
		reslen = 0;
		for (utf8proc_ssize_t k = 0; k < n; k++)
			reslen += (size_t)utf8proc_encode_char(cps[k], tmp + reslen);
		res = tmp;
	} else {
		n = utf8proc_map(src, srclen, &big, NFC_OPTIONS);
		if (n == UTF8PROC_ERROR_NOMEM)
			return UE_ENOMEM;
		if (n < 0)
			return UE_OK;
		res = big;
		reslen = (size_t)n;
	}
	out->len = nm->seg;
	ue_status st = ue_buf_append(out, res, reslen);
	free(big);
	return st;
}

/* Appends the n bytes of one character; stable says it is a stable starter. */
static ue_status emit(struct norm *nm, const void *p, size_t n, int stable)
{
	ue_status st;

	if (nm->space) {
		nm->space = 0;
		if (nm->out->len > nm->start && (st = emit(nm, " ", 1, 1)))
			return st;
	}
	if (stable) {
		if (nm->dirty && (st = flush(nm)))
			return st;
		nm->seg = nm->out->len;
	} else {
		nm->dirty = 1;
	}
	return ue_buf_append(nm->out, p, n);
}

static ue_status run(struct norm *nm, const unsigned char *s, size_t len)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	ue_status st = UE_OK;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];

		if (!nm->line && plain_byte(c)) {
			size_t j = plain_run(s, i, len);
			if (nm->dirty && (st = flush(nm)))
				return st;
			if ((st = ue_buf_append(nm->out, s + i, j - i)))
				return st;
			nm->seg = nm->out->len - 1;
			i = j;
			continue;
		}
		if (nm->line && c > ' ' && c < 0x7F) {
			size_t j = line_run(s, i, len);
			if ((st = emit(nm, s + i, 1, 1)))
				return st;
			if ((st = ue_buf_append(nm->out, s + i + 1, j - i - 1)))
				return st;
			nm->seg = nm->out->len - 1;
			i = j;
			continue;
		}
		if (c < 0x80) {
			i++;
			if (nm->line) {
				if (c == ' ' || (c >= '\t' && c <= '\r'))
					nm->space = 1;
			} else if (c == '\r') {
				if (i == len || s[i] != '\n')
					st = emit(nm, "\n", 1, 1);
			}
			/* other controls are dropped */
			if (st)
				return st;
			continue;
		}

		uint32_t cp;
		size_t n = decode(s + i, len - i, &cp);
		if (!n) {
			st = emit(nm, fffd, 3, 1);
			i++;
		} else if (cp < 0xA0 || cp == 0xFEFF) {
			if (cp == 0x85 && nm->line)
				nm->space = 1;
			i += n;         /* C1 control or byte order mark */
		} else if (nm->line && is_space_cp(cp)) {
			nm->space = 1;
			i += n;
		} else {
			st = emit(nm, s + i, n, cp < 0x300 || nfc_stable(nm, cp));
			i += n;
		}
		if (st)
			return st;
	}
	if (nm->dirty)
		st = flush(nm);
	return st;
}

/* The length of the whitespace character at s (n bytes), or 0. */
static size_t space_at(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t k = decode(s, n, &cp);
	return k && (is_space_cp(cp) || cp == '\n' || cp == '\t') ? k : 0;
}

/* Trims whitespace around out[start..len); the text is valid UTF-8. */
static void trim(struct ue_buf *out, size_t start)
{
	unsigned char *s = (unsigned char *)out->data;
	size_t end = out->len, k;

	if (end == start)
		return;
	while (end > start) {
		size_t b = end - 1;
		while (b > start && (s[b] & 0xC0) == 0x80)
			b--;
		if (!space_at(s + b, end - b))
			break;
		end = b;
	}
	size_t lead = start;
	while (lead < end && (k = space_at(s + lead, end - lead)))
		lead += k;
	if (lead > start)
		memmove(s + start, s + lead, end - lead);
	out->len = start + (end - lead);
	out->data[out->len] = '\0';
}

static ue_status normalise(const char *s, size_t len, struct ue_buf *out,
			   int line)
{
	struct norm nm;
	ue_status st;

	/* ASCII whitespace and controls at either end would be dropped or
	 * trimmed anyway; leaving them out keeps them from counting against
	 * out's cap */
	while (len && ((unsigned char)*s <= ' ' || *s == 0x7F))
		s++, len--;
	while (len && ((unsigned char)s[len - 1] <= ' ' || s[len - 1] == 0x7F))
		len--;
	memset(&nm, 0, sizeof nm);
	nm.out = out;
	nm.start = nm.seg = out->len;
	nm.line = line;
	/* Output is usually no longer than input; the cap may still allow
	 * the result when it refuses this guess. */
	st = ue_buf_reserve(out, len);
	if (st == UE_ENOMEM)
		return st;
	st = run(&nm, (const unsigned char *)s, len);
	if (st) {
		out->len = nm.start;
		if (out->data)
			out->data[out->len] = '\0';
		return st;
	}
	trim(out, nm.start);
	/* an empty result still leaves out a valid string */
	if (!out->data)
		return ue_buf_append(out, "", 0);
	out->data[out->len] = '\0';
	return UE_OK;
}

ue_status ue_text_normalise(const char *s, size_t len, struct ue_buf *out)
{
	return normalise(s, len, out, 0);
}

ue_status ue_text_normalise_line(const char *s, size_t len,
				 struct ue_buf *out)
{
	return normalise(s, len, out, 1);
}

int ue_utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		if (i + 8 <= len) {
			uint64_t x;
			memcpy(&x, u + i, 8);
			if (!(x & HIGHS)) {
				i += 8;
				continue;
			}
		}
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = decode(u + i, len - i, &cp);
		if (!n)
			return 0;
		i += n;
	}
	return 1;
}
