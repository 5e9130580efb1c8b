/*
 * attrib.c - the attribution extractor (see attrib.h).
 *
 * One pass over the words of a text marks quotations and scores each
 * word outside them as a cue (function words such as "has", "about" only
 * next to another cue); runs of cue words become cues.  For each cue the
 * source is read leftwards to the start of its noun phrase ("Spokeswoman
 * Haley Morris says"), past auxiliaries and "on Friday", appositions ("X,
 * Romney's deputy director, said") and parentheses ("the Service (NIS)
 * said"); or rightwards after a reporting verb ("..., said Morris, a
 * spokeswoman"), after "according to"/"citing", after "by" in a passive
 * ("was claimed by the Islamic State").  The content is the quotation
 * that ends next to the source or cue, else the rest of the sentence up
 * to the next clause with its own cue (", the report said", "and said",
 * ", according to"), else the sentence before the source ("..., officials
 * said on Friday"), a dateline ("SEOUL, Oct. 18 (Yonhap) --") left out.
 * Lines that open with a name and a colon ("Paul Ryan: ...") and a name
 * before a colon and a quotation are relations too.
 *
 * Each word belongs to one relation, as in annotated news: reporting
 * relations (said, told, according to) are placed first and win over the
 * inner states and other cues inside them; the rest follow, cut where they
 * reach into one placed before (choose()).  Pronouns and descriptions are
 * resolved to the nearest earlier named source.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "attrib/attrib.h"
#include "attrib/attrib_int.h"
#include "common/builtin.h"
#include "text/quotes.h"


#define MAX_LOW 64        /* bytes of a word's lower-case form kept */
#define MAX_FEAT 8
#define FEAT_LEN 160
#define MAX_NP 8          /* words of a source read from a cue */
#define MAX_APPOSITIVE 25 /* words of ", who ..." skipped leftwards */

#define UFILTER_WORDS 1024   /* 65536 bits */

enum lang { L_EN, L_RU, L_KO, L_NONE };

struct word {
	uint32_t start, end;
	uint32_t low;          /* offset in ax->low */
	uint32_t sent;
	uint16_t lowlen;
	uint8_t cap;           /* starts with an upper-case letter */
	uint8_t inq;           /* inside a quotation */
	uint8_t cue;
};

struct ue_attrib {
	struct ue_tokenizer *tk;   /* made on first need */
	struct ue_tokens own;
	struct word *w;
	size_t nw, walloc;
	char *low;
	size_t lowlen, lowalloc;
	struct ue_quotes quotes;
	struct ue_attribution *sel;   /* the relations kept by choose() */
	size_t selalloc;
	unsigned flags;               /* UE_ATTRIB_* options */
	/* the model: open addressing on XXH3 of feature names */
	uint64_t *keys;
	float *vals;
	size_t mask;
	/* one bit per hash of the "u=WORD" keys: most words of a text are
	 * ruled out here without touching the table */
	uint64_t ufilter[UFILTER_WORDS];
	float threshold;
	char feat[MAX_FEAT][FEAT_LEN];
	size_t featlen[MAX_FEAT];
	const char *featp[MAX_FEAT];
	const char *text;
	size_t len;
	enum lang lang;
};

/* ------------------------------------------------------------------ */
/* small helpers                                                        */

static ue_status grow(void **p, size_t *alloc, size_t need, size_t size)
{
	if (need <= *alloc)
		return UE_OK;
	size_t n = *alloc ? *alloc : 64;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return UE_ENOMEM;
	*p = q;
	*alloc = n;
	return UE_OK;
}

void ue_attributions_init(struct ue_attributions *a)
{
	memset(a, 0, sizeof *a);
}

void ue_attributions_release(struct ue_attributions *a)
{
	free(a->v);
	memset(a, 0, sizeof *a);
}

static const char *const kind_names[UE_ATTRIB_NKINDS] = {
	"said", "according-to", "citing", "told", "quote", "hedge",
	"state", "other",
};
static const char *const source_names[UE_SOURCE_NKINDS] = {
	"none", "person", "organisation", "anonymous", "pronoun", "nominal",
};

const char *ue_attrib_kind_name(unsigned kind)
{
	return kind < UE_ATTRIB_NKINDS ? kind_names[kind] : "unknown";
}

const char *ue_source_kind_name(unsigned kind)
{
	return kind < UE_SOURCE_NKINDS ? source_names[kind] : "unknown";
}

/* The code point at text[i] (len bytes in all), its length in *n; -1 for
 * an invalid sequence (n = 1). */
static int32_t cp_at(const char *text, size_t len, size_t i, int *n)
{
	if ((unsigned char)text[i] < 0x80) {
		*n = 1;
		return (unsigned char)text[i];
	}
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
	                                      (utf8proc_ssize_t)(len - i), &c);
	if (k <= 0) {
		*n = 1;
		return -1;
	}
	*n = (int)k;
	return c;
}

static int is_space_cp(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000;
}

/* ------------------------------------------------------------------ */
/* the model                                                            */

static uint64_t fhash(const char *s, size_t n)
{
	uint64_t h = XXH3_64bits(s, n);
	return h ? h : 1;
}

static float model_get(const struct ue_attrib *ax, const char *s, size_t n)
{
	if (!ax->keys)
		return 0;
	uint64_t h = fhash(s, n);
	for (size_t i = h & ax->mask;; i = (i + 1) & ax->mask) {
		if (ax->keys[i] == h)
			return ax->vals[i];
		if (!ax->keys[i])
			return 0;
	}
}

static void model_put(struct ue_attrib *ax, uint64_t h, float v)
{
	size_t i = h & ax->mask;
	while (ax->keys[i] && ax->keys[i] != h)
		i = (i + 1) & ax->mask;
	ax->keys[i] = h;
	ax->vals[i] = v;
}

/* For each word of the model, the highest score any context can give it
 * (its own weight, suffix and bias plus the best previous and next word
 * and the capital features), under the key "u=WORD": words that cannot
 * reach the threshold are not scored at all (most words of a text). */
static ue_status model_bounds(struct ue_attrib *ax, const char *data,
                              size_t len)
{
	for (const char *p = data, *end = data + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		const char *tab = memchr(p, '\t', (size_t)(nl - p));
		size_t fl = tab ? (size_t)(tab - p) : 0;
		float v = tab ? strtof(tab + 1, NULL) : 0;
		/* the best previous (next) word of each word: "P=W" ("N=W") */
		if (fl > 2 && fl < FEAT_LEN && (p[0] == 'p' || p[0] == 'n') &&
		    p[1] == '=' && v > 0) {
			char key[FEAT_LEN];
			const char *bar = p[0] == 'p' ? NULL : memchr(p, '|', fl);
			if (p[0] == 'p')
				for (const char *c = tab; c > p; c--)
					if (c[-1] == '|') {
						bar = c - 1;
						break;
					}
			if (bar) {
				const char *w = p[0] == 'p' ? bar + 1 : p + 2;
				size_t wn = p[0] == 'p' ? (size_t)(tab - bar - 1)
				                        : (size_t)(bar - p - 2);
				key[0] = p[0] == 'p' ? 'P' : 'N';
				key[1] = '=';
				memcpy(key + 2, w, wn);
				if (model_get(ax, key, wn + 2) < v)
					model_put(ax, fhash(key, wn + 2), v);
			}
		}
		p = nl + 1;
	}
	for (const char *p = data, *end = data + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		const char *tab = memchr(p, '\t', (size_t)(nl - p));
		if (tab && tab - p > 2 && p[0] == 'w' && p[1] == '=') {
			char key[FEAT_LEN];
			size_t wn = (size_t)(tab - p - 2);
			if (wn + 8 >= FEAT_LEN)
				goto next;
			const char *w = p + 2;
			/* the suffix feature is the word's own: its weight, not
			 * the largest of any suffix */
			size_t sb = wn, cps = 0;
			while (sb > 0 && cps < 3) {
				sb--;
				if (((unsigned char)w[sb] & 0xC0) != 0x80)
					cps++;
			}
			memcpy(key, "s=", 2);
			memcpy(key + 2, w + sb, wn - sb);
			float u = model_get(ax, p, (size_t)(tab - p)) +
			          model_get(ax, "b", 1) +
			          model_get(ax, key, wn - sb + 2);
			memcpy(key + 2, w, wn);
			memcpy(key, "P=", 2);
			u += model_get(ax, key, wn + 2);
			memcpy(key, "N=", 2);
			u += model_get(ax, key, wn + 2);
			memcpy(key + 1, "pc|", 3);
			memcpy(key + 4, w, wn);
			float v = model_get(ax, key + 1, wn + 3);
			u += v > 0 ? v : 0;
			memcpy(key, "cap|", 4);
			v = model_get(ax, key, wn + 4);
			u += v > 0 ? v : 0;
			memcpy(key, "u=", 2);
			memcpy(key + 2, w, wn);
			uint64_t h = fhash(key, wn + 2);
			model_put(ax, h, u);
			if (u >= ax->threshold)
				ax->ufilter[(h >> 6) % UFILTER_WORDS] |= 1ull << (h & 63);
		}
next:
		p = nl + 1;
	}
	return UE_OK;
}

static ue_status model_load(struct ue_attrib *ax, const char *data,
                            size_t len)
{
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += data[i] == '\n';
	size_t cap = 16;
	while (cap < lines * 3 + 2)
		cap *= 2;
	ax->keys = calloc(cap, sizeof *ax->keys);
	ax->vals = calloc(cap, sizeof *ax->vals);
	if (!ax->keys || !ax->vals)
		return UE_ENOMEM;
	ax->mask = cap - 1;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		const char *tab = memchr(p, '\t', (size_t)(nl - p));
		if (*p != '#' && tab) {
			char num[32];
			size_t k = (size_t)(nl - tab - 1);
			if (k == 0 || k >= sizeof num)
				return UE_EFORMAT;
			memcpy(num, tab + 1, k);
			num[k] = 0;
			char *e;
			float v = strtof(num, &e);
			if (*e || !isfinite(v))
				return UE_EFORMAT;
			size_t n = (size_t)(tab - p);
			if (n == 10 && memcmp(p, "@threshold", 10) == 0) {
				ax->threshold = v;
			} else {
				uint64_t h = fhash(p, n);
				size_t i = h & ax->mask;
				while (ax->keys[i] && ax->keys[i] != h)
					i = (i + 1) & ax->mask;
				ax->keys[i] = h;
				ax->vals[i] = v;
			}
		}
		p = nl + 1;
	}
	return model_bounds(ax, data, len);
}

ue_status ue_attrib_new(struct ue_attrib **out)
{
	*out = NULL;
	struct ue_attrib *ax = calloc(1, sizeof *ax);
	if (!ax)
		return UE_ENOMEM;
	ue_tokens_init(&ax->own);
	for (int i = 0; i < MAX_FEAT; i++)
		ax->featp[i] = ax->feat[i];
	ue_status st = UE_OK;
	const struct ue_builtin_file *f = ue_builtin_find("cue-en.tsv");
	if (f)
		st = model_load(ax, f->data, f->len);
	if (st) {
		ue_attrib_free(ax);
		return st;
	}
	*out = ax;
	return UE_OK;
}

void ue_attrib_set_flags(struct ue_attrib *ax, unsigned flags)
{
	if (ax)
		ax->flags = flags;
}

void ue_attrib_free(struct ue_attrib *ax)
{
	if (!ax)
		return;
	if (ax->tk)
		ue_tokenizer_free(ax->tk);
	ue_tokens_release(&ax->own);
	free(ax->w);
	free(ax->low);
	ue_quotes_release(&ax->quotes);
	free(ax->sel);
	free(ax->keys);
	free(ax->vals);
	free(ax);
}

/* ------------------------------------------------------------------ */
/* words and quotations                                                 */

static const char *LOW(const struct ue_attrib *ax, size_t i)
{
	return ax->low + ax->w[i].low;
}

#define WEQ(ax, i, s) \
	((ax)->w[i].lowlen == sizeof(s) - 1 && \
	 memcmp(LOW(ax, i), s, sizeof(s) - 1) == 0)

static ue_status add_low(struct ue_attrib *ax, struct word *w)
{
	if (grow((void **)&ax->low, &ax->lowalloc, ax->lowlen + MAX_LOW + 8, 1))
		return UE_ENOMEM;
	char *o = ax->low + ax->lowlen;
	size_t k = 0;
	int first = 1;
	for (size_t i = w->start; i < w->end;) {
		int n;
		int32_t c = cp_at(ax->text, ax->len, i, &n);
		i += (size_t)n;
		if (c < 0)
			continue;
		if (c < 0x80) {   /* ASCII: the common case */
			if (first) {
				w->cap = c >= 'A' && c <= 'Z';
				first = 0;
			}
			if (k + 1 > MAX_LOW)
				break;
			o[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		if (first) {
			w->cap = utf8proc_isupper(c) ? 1 : 0;
			first = 0;
		}
		if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
			c = '\'';
		else
			c = utf8proc_tolower(c);
		utf8proc_uint8_t buf[4];
		utf8proc_ssize_t m = utf8proc_encode_char(c, buf);
		if (k + (size_t)m > MAX_LOW)
			break;
		memcpy(o + k, buf, (size_t)m);
		k += (size_t)m;
	}
	o[k] = 0;
	w->low = (uint32_t)ax->lowlen;
	w->lowlen = (uint16_t)k;
	ax->lowlen += k + 1;
	return UE_OK;
}

static ue_status build_words(struct ue_attrib *ax, const struct ue_tokens *tok)
{
	ax->nw = 0;
	ax->lowlen = 0;
	if (grow((void **)&ax->w, &ax->walloc, tok->n + 1, sizeof *ax->w))
		return UE_ENOMEM;
	size_t qi = 0;
	for (size_t i = 0; i < tok->n; i++) {
		const struct ue_token *k = &tok->tok[i];
		if (k->end > ax->len || k->start >= k->end)
			return UE_EINVAL;
		struct word *w = &ax->w[ax->nw];
		memset(w, 0, sizeof *w);
		w->start = k->start;
		w->end = k->end;
		w->sent = k->sentence;
		while (qi < ax->quotes.n && ax->quotes.v[qi].end <= w->start)
			qi++;
		w->inq = qi < ax->quotes.n && ax->quotes.v[qi].start <= w->start;
		if (add_low(ax, w))
			return UE_ENOMEM;
		ax->nw++;
	}
	return UE_OK;
}

/* The first (last: from_end) non-space code point in text[a, b), or 0. */
static int32_t gap_char(const struct ue_attrib *ax, size_t a, size_t b,
                        int from_end, size_t *at)
{
	if (!from_end) {
		for (size_t i = a; i < b;) {
			int n;
			int32_t c = cp_at(ax->text, ax->len, i, &n);
			if (!is_space_cp(c)) {
				if (at)
					*at = i;
				return c;
			}
			i += (size_t)n;
		}
		return 0;
	}
	for (size_t i = b; i > a;) {
		size_t j = i - 1;
		while (j > a && ((unsigned char)ax->text[j] & 0xC0) == 0x80)
			j--;
		int n;
		int32_t c = cp_at(ax->text, ax->len, j, &n);
		if (!is_space_cp(c)) {
			if (at)
				*at = j;
			return c;
		}
		i = j;
	}
	return 0;
}

/* Punctuation between words i-1 and i (0: only spaces). */
static int32_t punct_before(const struct ue_attrib *ax, size_t i)
{
	size_t a = i ? ax->w[i - 1].end : 0;
	return gap_char(ax, a, ax->w[i].start, 1, NULL);
}

static int32_t punct_after(const struct ue_attrib *ax, size_t i)
{
	size_t b = i + 1 < ax->nw ? ax->w[i + 1].start : ax->len;
	return gap_char(ax, ax->w[i].end, b, 0, NULL);
}

/* The gap between words i-1 and i holds the ASCII character ch. */
static int gap_has(const struct ue_attrib *ax, size_t i, char ch)
{
	size_t a = i ? ax->w[i - 1].end : 0;
	return memchr(ax->text + a, ch, ax->w[i].start - a) != NULL;
}

/* A punctuation mark as a feature token; quotes and dashes folded. */
static size_t punct_name(int32_t c, char *out)
{
	switch (c) {
	case '"': case 0x201C: case 0x201D: case 0xAB: case 0xBB:
	case 0x201E:
		c = '"';
		break;
	case 0x2018: case 0x2019: case '`':
		c = '\'';
		break;
	case 0x2013: case 0x2014: case 0x2012: case 0x2015:
		c = '-';
		break;
	default:
		break;
	}
	if (c < 0)
		c = 0xFFFD;
	return (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)out);
}

/* ------------------------------------------------------------------ */
/* features and scores (English)                                        */

static size_t cat(char *dst, size_t at, const char *s, size_t n)
{
	if (at + n >= FEAT_LEN)
		n = at < FEAT_LEN - 1 ? FEAT_LEN - 1 - at : 0;
	memcpy(dst + at, s, n);
	return at + n;
}

/* Writes the features of word i into ax->feat; returns how many. */
static size_t features(struct ue_attrib *ax, size_t i)
{
	const struct word *w = &ax->w[i];
	const char *lw = LOW(ax, i);
	size_t ln = w->lowlen;
	char prev[MAX_LOW + 8], next[MAX_LOW + 8];
	size_t pn, nn;
	int32_t pc = punct_before(ax, i);
	if (pc) {
		pn = punct_name(pc, prev);
	} else if (i == 0 || ax->w[i - 1].sent != w->sent) {
		memcpy(prev, "<s>", 3);
		pn = 3;
	} else {
		pn = ax->w[i - 1].lowlen < MAX_LOW ? ax->w[i - 1].lowlen : MAX_LOW;
		memcpy(prev, LOW(ax, i - 1), pn);
	}
	int32_t nc = punct_after(ax, i);
	if (nc) {
		nn = punct_name(nc, next);
	} else if (i + 1 == ax->nw || ax->w[i + 1].sent != w->sent) {
		memcpy(next, "</s>", 4);
		nn = 4;
	} else {
		nn = ax->w[i + 1].lowlen < MAX_LOW ? ax->w[i + 1].lowlen : MAX_LOW;
		memcpy(next, LOW(ax, i + 1), nn);
	}
	if (pn > MAX_LOW)
		pn = MAX_LOW;
	if (nn > MAX_LOW)
		nn = MAX_LOW;
	size_t k = 0, n;
	char *f;
	f = ax->feat[k++];
	n = cat(f, 0, "w=", 2);
	n = cat(f, n, lw, ln);
	f[n] = 0;
	ax->featlen[k - 1] = n;
	f = ax->feat[k++];
	n = cat(f, 0, "p=", 2);
	n = cat(f, n, prev, pn);
	n = cat(f, n, "|", 1);
	n = cat(f, n, lw, ln);
	f[n] = 0;
	ax->featlen[k - 1] = n;
	f = ax->feat[k++];
	n = cat(f, 0, "n=", 2);
	n = cat(f, n, lw, ln);
	n = cat(f, n, "|", 1);
	n = cat(f, n, next, nn);
	f[n] = 0;
	ax->featlen[k - 1] = n;
	/* the last three code points */
	size_t s = ln, cps = 0;
	while (s > 0 && cps < 3) {
		s--;
		if (((unsigned char)lw[s] & 0xC0) != 0x80)
			cps++;
	}
	f = ax->feat[k++];
	n = cat(f, 0, "s=", 2);
	n = cat(f, n, lw + s, ln - s);
	f[n] = 0;
	ax->featlen[k - 1] = n;
	if (!pc && i > 0 && ax->w[i - 1].sent == w->sent && ax->w[i - 1].cap) {
		f = ax->feat[k++];
		n = cat(f, 0, "pc|", 3);
		n = cat(f, n, lw, ln);
		f[n] = 0;
		ax->featlen[k - 1] = n;
	}
	if (w->cap) {
		f = ax->feat[k++];
		n = cat(f, 0, "cap|", 4);
		n = cat(f, n, lw, ln);
		f[n] = 0;
		ax->featlen[k - 1] = n;
	}
	f = ax->feat[k++];
	f[0] = 'b';
	f[1] = 0;
	ax->featlen[k - 1] = 1;
	return k;
}

static int same_sent(const struct ue_attrib *ax, size_t i, size_t j)
{
	return ax->w[i].sent == ax->w[j].sent;
}

/* A word the model does not know as a cue, or that no context can make
 * one, is not one: 0.  Most words of a text stop at the filter. */
static int may_be_cue(const struct ue_attrib *ax, size_t i)
{
	char key[MAX_LOW + 4];
	memcpy(key, "u=", 2);
	memcpy(key + 2, LOW(ax, i), ax->w[i].lowlen);
	uint64_t h = fhash(key, ax->w[i].lowlen + 2);
	if (!(ax->ufilter[(h >> 6) % UFILTER_WORDS] & (1ull << (h & 63))))
		return 0;
	float u = model_get(ax, key, ax->w[i].lowlen + 2);
	return u != 0 && u >= ax->threshold;
}

/* Word i is a cue by its score in context (may_be_cue() holds). */
static int is_cue(struct ue_attrib *ax, size_t i)
{
	size_t k = features(ax, i);
	float z = 0;
	for (size_t j = 0; j < k; j++)
		z += model_get(ax, ax->feat[j], ax->featlen[j]);
	return z >= ax->threshold;
}

/* Either neighbour of word i, in its sentence with no punctuation
 * between, is a cue (dir < 0: the one before, > 0: the one after). */
static int next_to_cue(const struct ue_attrib *ax, size_t i, int dir)
{
	if (dir < 0)
		return i > 0 && ax->w[i - 1].cue == 1 && same_sent(ax, i - 1, i) &&
		       !punct_before(ax, i);
	return i + 1 < ax->nw && ax->w[i + 1].cue == 1 &&
	       same_sent(ax, i, i + 1) && !punct_after(ax, i);
}

/* English cue words.  Function words ("has", "also", "about") are only
 * parts of longer cues: they are scored only next to a cue, first
 * leftwards ("has also said") then rightwards ("talked about"). */
static void mark_en(struct ue_attrib *ax)
{
	enum { NO = 0, YES = 1, LATER = 2, SEEN = 3 };
	for (size_t i = 0; i < ax->nw; i++) {
		struct word *w = &ax->w[i];
		if (w->inq || !may_be_cue(ax, i) ||
		    attrib_is_weekday(LOW(ax, i), w->lowlen))   /* said Friday */
			continue;
		if (attrib_is_function(LOW(ax, i), w->lowlen))
			w->cue = LATER;
		else
			w->cue = is_cue(ax, i) ? YES : NO;
	}
	for (size_t i = ax->nw; i > 0; i--)
		if (ax->w[i - 1].cue == LATER && next_to_cue(ax, i - 1, 1))
			ax->w[i - 1].cue = is_cue(ax, i - 1) ? YES : SEEN;
	for (size_t i = 0; i < ax->nw; i++)
		if (ax->w[i].cue == LATER && next_to_cue(ax, i, -1))
			ax->w[i].cue = is_cue(ax, i) ? YES : SEEN;
	for (size_t i = 0; i < ax->nw; i++)
		if (ax->w[i].cue != YES)
			ax->w[i].cue = NO;
}

static ue_status prepare(struct ue_attrib *ax, const char *text, size_t len,
                         const char *lang, const struct ue_tokens *tok)
{
	if (!ax || (!text && len))
		return UE_EINVAL;
	if (len > UE_ATTRIB_MAX_TEXT)
		return UE_ELIMIT;
	ax->text = text ? text : "";
	ax->len = len;
	if (!lang || !*lang || !strcmp(lang, "en") || !strcmp(lang, "und"))
		ax->lang = L_EN;
	else if (!strcmp(lang, "ru"))
		ax->lang = L_RU;
	else if (!strcmp(lang, "ko"))
		ax->lang = L_KO;
	else
		ax->lang = L_NONE;
	if (!tok) {
		ue_status st;
		if (!ax->tk && (st = ue_tokenizer_new(&ax->tk)))
			return st;
		st = ue_tokenize(ax->tk, ax->text, len, lang, &ax->own);
		if (st)
			return st;
		tok = &ax->own;
	}
	ue_status st = ue_quotes_find(ax->text, ax->len, 0, &ax->quotes);
	if (st)
		return st;
	return build_words(ax, tok);
}

ue_status ue_attrib_features(struct ue_attrib *ax, const char *text,
                             size_t len, const char *lang,
                             const struct ue_tokens *tok,
                             ue_attrib_feature_fn fn, void *ctx)
{
	ue_status st = prepare(ax, text, len, lang, tok);
	if (st)
		return st;
	for (size_t i = 0; i < ax->nw; i++) {
		if (ax->w[i].inq)
			continue;
		size_t k = features(ax, i);
		if (fn(ctx, ax->w[i].start, ax->w[i].end, ax->featp, k))
			return UE_ECANCELLED;
	}
	return UE_OK;
}

/* ------------------------------------------------------------------ */
/* relations                                                            */

struct span {
	size_t a, b;   /* words a..b inclusive; a > b: none */
};

static int is_pronoun_word(const struct ue_attrib *ax, size_t i)
{
	return attrib_is_pronoun(LOW(ax, i), ax->w[i].lowlen);
}

/* The gap between words i and i+1 holds nothing but spaces, or a period
 * after a short capitalised word ("Sen. Graham", "Mr. Trump"). */
static int np_glue(const struct ue_attrib *ax, size_t i)
{
	int32_t c = punct_after(ax, i);
	if (!c)
		return 1;
	if (c == '.' && ax->w[i].cap && ax->w[i].end - ax->w[i].start <= 4)
		return 1;
	return 0;
}

/* The noun phrase that ends with word j, read leftwards. */
static struct span np_left(const struct ue_attrib *ax, size_t j)
{
	struct span s = {j, j};
	if (is_pronoun_word(ax, j))
		return s;
	if (attrib_is_left_stop(LOW(ax, j), ax->w[j].lowlen) ||
	    ax->w[j].cue) {
		s.a = 1;
		s.b = 0;
		return s;
	}
	size_t k = j;
	while (k > 0 && j - k + 1 < MAX_NP && same_sent(ax, k - 1, k) &&
	       np_glue(ax, k - 1) && !ax->w[k - 1].cue && !ax->w[k - 1].inq) {
		const char *lw = LOW(ax, k - 1);
		size_t n = ax->w[k - 1].lowlen;
		/* officials speaking on condition of anonymity said */
		if (attrib_is_left_stop(lw, n) &&
		    !(WEQ(ax, k - 1, "on") && WEQ(ax, k, "condition")))
			break;
		if (attrib_is_pronoun(lw, n) && !(n == 3 && !memcmp(lw, "his", 3)) &&
		    !(n == 3 && !memcmp(lw, "her", 3)) &&
		    !(n == 5 && !memcmp(lw, "their", 5)) &&
		    !(n == 3 && !memcmp(lw, "its", 3)))
			break;
		k--;
	}
	s.a = k;
	/* "the statement": a determiner alone is no source */
	if (s.a == s.b && attrib_is_determiner(LOW(ax, j), ax->w[j].lowlen))
		s.a = s.b + 1;
	return s;
}

/* The noun phrase that starts with word i, read rightwards; it must start
 * like a name or a description. */
static struct span np_right(const struct ue_attrib *ax, size_t i, int loose)
{
	struct span s = {1, 0};
	if (i >= ax->nw || ax->w[i].inq)
		return s;
	const char *lw = LOW(ax, i);
	size_t n = ax->w[i].lowlen;
	if (!loose && !ax->w[i].cap && !attrib_is_determiner(lw, n) &&
	    !attrib_is_anonymous(lw, n) && !attrib_is_org(lw, n) &&
	    !attrib_is_title(lw, n) && !(n == 6 && !memcmp(lw, "former", 6)))
		return s;
	if (attrib_is_right_stop(lw, n) && !attrib_is_determiner(lw, n))
		return s;
	size_t k = i;
	while (k + 1 < ax->nw && k - i + 1 < MAX_NP && same_sent(ax, k, k + 1) &&
	       np_glue(ax, k) && !ax->w[k + 1].inq && !ax->w[k + 1].cue) {
		const char *l2 = LOW(ax, k + 1);
		size_t n2 = ax->w[k + 1].lowlen;
		if (attrib_is_right_stop(l2, n2) && !(n2 == 2 && !memcmp(l2, "of", 2)))
			break;
		if (ax->lang == L_RU && (n2 == 6 && !memcmp(l2, "что", 6)))
			break;
		k++;
	}
	s.a = i;
	s.b = k;
	return s;
}

static const char *const ko_orgs[] = {
	"통신", "국방부", "정부", "정보원", "국정원", "합참", "외교부", "통일부",
	"뉴스", "일보", "신문", "방송", "부처", "대변인실", "위원회", "청와대",
	"대통령실", "군", NULL,
};

static uint8_t source_kind(const struct ue_attrib *ax, struct span s)
{
	if (s.a > s.b)
		return UE_SOURCE_NONE;
	if (s.a == s.b && is_pronoun_word(ax, s.a))
		return UE_SOURCE_PRONOUN;
	int named = 0, anon = 0, org = 0, acronym = 0;
	for (size_t i = s.a; i <= s.b; i++) {
		const char *lw = LOW(ax, i);
		size_t n = ax->w[i].lowlen;
		if (attrib_is_anonymous(lw, n))
			anon = 1;
		if (attrib_is_org(lw, n))
			org = 1;
		int first = i == 0 || !same_sent(ax, i - 1, i);
		if (ax->w[i].cap && !attrib_is_determiner(lw, n) &&
		    !(first && (attrib_is_anonymous(lw, n) ||
		                attrib_is_org(lw, n)))) {
			named = 1;
			/* all capitals, two or more letters: an acronym */
			int caps = 0;
			for (size_t b = ax->w[i].start; b < ax->w[i].end;) {
				int m;
				int32_t c = cp_at(ax->text, ax->len, b, &m);
				b += (size_t)m;
				if (!utf8proc_isupper(c)) {
					caps = -1;
					break;
				}
				caps++;
			}
			acronym |= caps >= 2;
		}
	}
	if (ax->lang == L_KO) {
		/* Korean nouns compound: 국가정보원, 조선중앙통신 */
		for (size_t i = s.a; i <= s.b; i++)
			for (const char *const *o = ko_orgs; *o; o++)
				if (strstr(LOW(ax, i), *o))
					org = 1;
		if (anon)
			return UE_SOURCE_ANONYMOUS;
		if (org)
			return UE_SOURCE_ORG;
		const char *lw = LOW(ax, s.a);
		if (!strncmp(lw, "그는", 6) || !strncmp(lw, "그가", 6) ||
		    !strncmp(lw, "그녀", 6) || !strncmp(lw, "그들", 6))
			return UE_SOURCE_PRONOUN;
		return UE_SOURCE_PERSON;
	}
	/* a title and then a name: Kremlin spokesman Dmitry Peskov */
	for (size_t i = s.a; i < s.b; i++)
		if (attrib_is_title(LOW(ax, i), ax->w[i].lowlen) &&
		    ax->w[s.b].cap && ax->w[i + 1].cap && !acronym &&
		    !attrib_is_org(LOW(ax, s.b), ax->w[s.b].lowlen))
			return UE_SOURCE_PERSON;
	if (anon && !named)
		return UE_SOURCE_ANONYMOUS;
	if (org || acronym)
		return named ? UE_SOURCE_ORG : UE_SOURCE_NOMINAL;
	if (named)
		return UE_SOURCE_PERSON;
	if (anon)
		return UE_SOURCE_ANONYMOUS;
	return UE_SOURCE_NOMINAL;
}

static int has(const struct ue_attrib *ax, size_t a, size_t b,
               const char *const *words)
{
	for (size_t i = a; i <= b && i < ax->nw; i++)
		for (const char *const *p = words; *p; p++) {
			const char *e = *p, *lw = LOW(ax, i);
			size_t n = ax->w[i].lowlen, k = 0;
			while (k < n && e[k] == lw[k])
				k++;
			if (k == n && e[n] == 0)
				return 1;
		}
	return 0;
}

static const char *const w_according[] = {"according", "по", "как", NULL};
static const char *const w_citing[] = {"citing", "cited", "ссылкой", NULL};
static const char *const w_told[] = {"told", "tell", "tells", "telling",
                                     NULL};
static const char *const w_state[] = {
	"think", "thinks", "thought", "believe", "believes", "believed",
	"want", "wants", "wanted", "hope", "hopes", "hoped", "hoping", "fear",
	"fears", "feared", "plan", "plans", "planned", "expect", "expects",
	"expected", "feel", "feels", "felt", "know", "knows", "knew",
	"worried", "wish", "wishes", "prefer", "prefers", "considered",
	"see", "sees", "saw", "seemed", "seems", "appears", "appeared",
	"считает", "полагает", "уверен", NULL,
};
static const char *const w_other[] = {
	"statement", "report", "reports", "interview", "speech", "remarks",
	"comments", "claim", "claims", "criticism", "endorsement", "poll",
	"survey", "study", "tweet", "letter", "message", NULL,
};
static const char *const w_that[] = {"that", "что", ":", NULL};

static uint8_t cue_kind(const struct ue_attrib *ax, size_t a, size_t b)
{
	if (has(ax, a, b, w_according))
		return UE_ATTRIB_ACCORDING_TO;
	if (has(ax, a, b, w_citing))
		return UE_ATTRIB_CITING;
	if (has(ax, a, b, w_told))
		return UE_ATTRIB_TOLD;
	if (has(ax, a, b, w_state))
		return UE_ATTRIB_STATE;
	if (has(ax, a, b, w_other))
		return UE_ATTRIB_OTHER;
	if (a == b && attrib_is_hedge(LOW(ax, a), ax->w[a].lowlen))
		return UE_ATTRIB_HEDGE;
	return UE_ATTRIB_SAID;
}

/* First and last words of sentence of word i. */
static void sent_words(const struct ue_attrib *ax, size_t i, size_t *first,
                       size_t *last)
{
	size_t a = i, b = i;
	while (a > 0 && same_sent(ax, a - 1, i))
		a--;
	while (b + 1 < ax->nw && same_sent(ax, b + 1, i))
		b++;
	*first = a;
	*last = b;
}

/* The first quotation that opens at or after byte pos, or ax->quotes.n. */
static size_t quote_from(const struct ue_attrib *ax, size_t pos)
{
	size_t lo = 0, hi = ax->quotes.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ax->quotes.v[mid].open < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The quotation that ends just before byte pos (only spaces, commas and
 * dashes between), or -1. */
static long quote_before(const struct ue_attrib *ax, size_t pos, size_t lo)
{
	/* quotations closed by pos: all before the first opened at pos */
	for (size_t k = quote_from(ax, pos); k > 0; k--) {
		const struct ue_quote *q = &ax->quotes.v[k - 1];
		if (q->close > pos)
			continue;
		if (q->open < lo)
			return -1;
		for (size_t i = q->close; i < pos;) {
			int n;
			int32_t c = cp_at(ax->text, ax->len, i, &n);
			if (!is_space_cp(c) && c != ',' && c != 0x2014 &&
			    c != 0x2013 && c != '-' && c != ':')
				return -1;
			i += (size_t)n;
		}
		return (long)(k - 1);
	}
	return -1;
}

/* The quotation that opens just after byte pos (spaces, commas, colons
 * between), or -1. */
static long quote_after(const struct ue_attrib *ax, size_t pos, size_t hi)
{
	for (size_t k = quote_from(ax, pos); k < ax->quotes.n; k++) {
		const struct ue_quote *q = &ax->quotes.v[k];
		if (q->open > hi)
			return -1;
		for (size_t i = pos; i < q->open;) {
			int n;
			int32_t c = cp_at(ax->text, ax->len, i, &n);
			if (!is_space_cp(c) && c != ',' && c != ':' && c != 0x2014 &&
			    c != 0x2013 && c != '-')
				return -1;
			i += (size_t)n;
		}
		return (long)k;
	}
	return -1;
}

/* Trims spaces and , ; : . - from the end of [a, b) (keeps a closing
 * quote with what it closes) and spaces/punctuation from the start. */
static void trim(const struct ue_attrib *ax, uint32_t *a, uint32_t *b)
{
	while (*b > *a) {
		size_t j = *b - 1;
		while (j > *a && ((unsigned char)ax->text[j] & 0xC0) == 0x80)
			j--;
		int n;
		int32_t c = cp_at(ax->text, ax->len, j, &n);
		if (is_space_cp(c) || c == ',' || c == ';' || c == ':' ||
		    c == '.' || c == 0x2014 || c == 0x2013 || c == '-' ||
		    c == '(')
			*b = (uint32_t)j;
		else
			break;
	}
	while (*a < *b) {
		int n;
		int32_t c = cp_at(ax->text, ax->len, *a, &n);
		if (is_space_cp(c) || c == ',' || c == ';' || c == ':' ||
		    c == 0x2014 || c == 0x2013 || c == '-' || c == ')')
			*a += (uint32_t)n;
		else
			break;
	}
}

/* Word i is written in capitals only, two letters or more. */
static int all_caps(const struct ue_attrib *ax, size_t i)
{
	int caps = 0;
	for (size_t b = ax->w[i].start; b < ax->w[i].end;) {
		int m;
		int32_t c = cp_at(ax->text, ax->len, b, &m);
		b += (size_t)m;
		if (!utf8proc_isupper(c))
			return 0;
		caps++;
	}
	return caps >= 2;
}

/* The first word after a dateline that opens the paragraph of word
 * first ("SEOUL, Oct. 18 (Yonhap) -- ", "WASHINGTON (Reuters) - "), or
 * first itself. */
static size_t skip_dateline(const struct ue_attrib *ax, size_t first)
{
	if (first > 0 && !memchr(ax->text + ax->w[first - 1].end, '\n',
	                         ax->w[first].start - ax->w[first - 1].end))
		return first;
	if (!all_caps(ax, first))
		return first;
	for (size_t k = first; k < first + 12 && k + 1 < ax->nw &&
	                       same_sent(ax, k, k + 1); k++) {
		/* a dash before a space: " -- ", ") - ", " — " */
		size_t a = ax->w[k].end, b = ax->w[k + 1].start;
		if (b > a + 1 && is_space_cp((unsigned char)ax->text[b - 1])) {
			size_t at;
			int32_t c = gap_char(ax, a, b, 1, &at);
			if (c == '-' || c == 0x2014 || c == 0x2013)
				return k + 1;
		}
		if (ax->w[k + 1].inq)
			break;
	}
	return first;
}

static uint32_t sent_start(const struct ue_attrib *ax, size_t first)
{
	first = skip_dateline(ax, first);
	/* a sentence may open with a quotation mark before its first word */
	uint32_t s = ax->w[first].start;
	size_t lo = first ? ax->w[first - 1].end : 0;
	size_t k = quote_from(ax, lo);
	if (k < ax->quotes.n && ax->quotes.v[k].open < s)
		return ax->quotes.v[k].open;
	return s;
}

static uint32_t sent_end(const struct ue_attrib *ax, size_t last)
{
	uint32_t e = ax->w[last].end;
	/* keep a closing quotation mark that ends the sentence */
	size_t lo = 0, hi = ax->quotes.n;
	while (lo < hi) {   /* quotations are ordered and do not overlap */
		size_t mid = lo + (hi - lo) / 2;
		if (ax->quotes.v[mid].end < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ax->quotes.n && ax->quotes.v[lo].open < e) {
		size_t nx = last + 1 < ax->nw ? ax->w[last + 1].start : ax->len;
		if (ax->quotes.v[lo].close <= nx)
			return ax->quotes.v[lo].close;
	}
	return e;
}

static int hedged_sentence(const struct ue_attrib *ax, size_t first,
                           size_t last)
{
	for (size_t i = first; i <= last; i++) {
		const char *lw = LOW(ax, i);
		size_t n = ax->w[i].lowlen;
		if (attrib_is_hedge(lw, n))
			return 1;
		if ((n == 8 && !memcmp(lw, "verified", 8)) ||
		    (n == 9 && !memcmp(lw, "confirmed", 9)) ||
		    (n == 6 && !memcmp(lw, "verify", 6)) ||
		    (n == 7 && !memcmp(lw, "confirm", 7))) {
			for (size_t j = i; j > first && i - j < 5; j--) {
				const char *l2 = LOW(ax, j - 1);
				size_t n2 = ax->w[j - 1].lowlen;
				if ((n2 == 3 && !memcmp(l2, "not", 3)) ||
				    (n2 == 6 && !memcmp(l2, "cannot", 6)) ||
				    (n2 == 8 && !memcmp(l2, "couldn't", 8)) ||
				    (n2 == 6 && !memcmp(l2, "unable", 6)))
					return 1;
			}
		}
		/* не удалось проверить / 확인되지 */
		if (!strncmp(lw, "확인되지", 12) || !strncmp(lw, "проверить", 18))
			return 1;
	}
	return 0;
}

static ue_status push(struct ue_attributions *out, const struct ue_attribution *r)
{
	if (out->n >= UE_ATTRIB_MAX_RELATIONS)
		return UE_OK;
	if (grow((void **)&out->v, &out->alloc, out->n + 1, sizeof *out->v))
		return UE_ENOMEM;
	out->v[out->n++] = *r;
	return UE_OK;
}

/* The source of the nearest earlier relation that a pronoun or
 * description may refer to. */
static void resolve(const struct ue_attributions *out, struct ue_attribution *r)
{
	if (r->source_kind != UE_SOURCE_PRONOUN &&
	    r->source_kind != UE_SOURCE_NOMINAL &&
	    r->source_kind != UE_SOURCE_ANONYMOUS)
		return;
	/* "officials" may stand for an organisation named before; a longer
	 * anonymous description stands for itself */
	if (r->source_kind == UE_SOURCE_ANONYMOUS &&
	    r->source_end - r->source_start > 24)
		return;
	int want_org = r->source_kind != UE_SOURCE_PRONOUN;
	for (size_t k = out->n; k > 0 && out->n - k < 32; k--) {
		const struct ue_attribution *p = &out->v[k - 1];
		if (p->source_kind == UE_SOURCE_PERSON && !want_org) {
			r->resolved_start = p->source_start;
			r->resolved_end = p->source_end;
			return;
		}
		if (p->source_kind == UE_SOURCE_ORG) {
			r->resolved_start = p->source_start;
			r->resolved_end = p->source_end;
			return;
		}
		if (p->resolved_end && p->source_kind == r->source_kind) {
			r->resolved_start = p->resolved_start;
			r->resolved_end = p->resolved_end;
			return;
		}
	}
}

static void set_source(const struct ue_attrib *ax, struct ue_attribution *r,
                       struct span s)
{
	if (s.a > s.b) {
		r->source_start = r->source_end = 0;
		r->source_kind = UE_SOURCE_NONE;
		return;
	}
	r->source_start = ax->w[s.a].start;
	r->source_end = ax->w[s.b].end;
	r->source_kind = source_kind(ax, s);
}

/* Content to the right of word i (exclusive) up to the sentence end or the
 * next independent clause. */
static void content_right(const struct ue_attrib *ax, size_t i, size_t last,
                          struct ue_attribution *r)
{
	size_t j = i + 1;
	if (j > last) {
		r->content_start = r->content_end = 0;
		return;
	}
	/* told reporters that ...; said that ... */
	for (size_t k = j; k <= last && k < j + 5; k++)
		if (has(ax, k, k, w_that) && k < last) {
			int clean = 1;
			for (size_t m = j; m < k; m++)
				if (punct_after(ax, m))
					clean = 0;
			if (clean || k == j)
				j = k + 1;
			break;
		}
	uint32_t a = ax->w[j].start;
	/* an opening quotation mark right before */
	long q = quote_after(ax, ax->w[j - 1].end, a);
	if (q >= 0)
		a = ax->quotes.v[q].open;
	uint32_t b = sent_end(ax, last);
	/* a quotation that runs on past the sentence */
	if (q >= 0 && ax->quotes.v[q].close > b)
		b = ax->quotes.v[q].close;
	/* "..., according to the report": a relation of its own */
	for (size_t k = j + 1; k + 1 <= last; k++)
		if (WEQ(ax, k, "according") && WEQ(ax, k + 1, "to") &&
		    gap_has(ax, k, ',') && !ax->w[k].inq) {
			if (ax->w[k - 1].end < b)
				b = ax->w[k - 1].end;
			last = k - 1;
			break;
		}
	/* stop before the next independent clause with its own cue */
	for (size_t k = j + 1; k <= last; k++) {
		if (!ax->w[k].cue || ax->w[k].inq)
			continue;
		int32_t c = 0;
		size_t m = k;
		while (m > j && !(c = punct_before(ax, m)) && m + 6 > k &&
		       !has(ax, m - 1, m - 1, w_that) &&
		       !(ax->w[m - 1].lowlen == 3 && !memcmp(LOW(ax, m - 1), "and", 3)) &&
		       !(ax->w[m - 1].lowlen == 3 && !memcmp(LOW(ax, m - 1), "but", 3)))
			m--;
		/* ", the report said", ", in which she called for" */
		int comma = c && m > j && m + 6 > k && gap_has(ax, m, ',');
		if (comma) {
			b = ax->w[m].start;
			break;
		}
		/* "... and said that B": a second relation */
		if (m == k && k > j + 1 && (WEQ(ax, k - 1, "and") ||
		                            WEQ(ax, k - 1, "but"))) {
			b = ax->w[k - 1].start;
			break;
		}
		if (c == ';' || (m > j && (WEQ(ax, m - 1, "and") ||
		                           WEQ(ax, m - 1, "but")) &&
		                 punct_before(ax, m - 1) == ',')) {
			b = ax->w[m - 1].start;
			if (c == ';')
				b = ax->w[m].start;
			break;
		}
		break;
	}
	trim(ax, &a, &b);
	r->content_start = a;
	r->content_end = b;
}

static void content_left(const struct ue_attrib *ax, size_t first,
                         uint32_t before, struct ue_attribution *r)
{
	uint32_t a = sent_start(ax, first);
	uint32_t b = before;
	trim(ax, &a, &b);
	if (b <= a)
		b = a = 0;
	r->content_start = a;
	r->content_end = b;
}

static size_t word_at(const struct ue_attrib *ax, uint32_t pos);

/* English and Russian: one relation per cue run [ca, cb]. */
static ue_status relate(struct ue_attrib *ax, size_t ca, size_t cb,
                        struct ue_attributions *out)
{
	struct ue_attribution r;
	memset(&r, 0, sizeof r);
	size_t first, last;
	sent_words(ax, ca, &first, &last);
	r.cue_start = ax->w[ca].start;
	r.cue_end = ax->w[cb].end;
	r.kind = cue_kind(ax, ca, cb);
	r.hedged = (uint8_t)hedged_sentence(ax, first, last);
	struct span none = {1, 0};

	if (r.kind == UE_ATTRIB_HEDGE) {
		set_source(ax, &r, none);
		uint32_t a = sent_start(ax, first), b = sent_end(ax, last);
		trim(ax, &a, &b);
		r.content_start = a;
		r.content_end = b;
		r.hedged = 1;
		return push(out, &r);
	}
	if (r.kind == UE_ATTRIB_ACCORDING_TO || r.kind == UE_ATTRIB_CITING) {
		struct span s = np_right(ax, cb + 1, 1);
		set_source(ax, &r, s);
		size_t after = s.a <= s.b ? s.b : cb;
		int at_start = ca == first;
		if (at_start && after < last) {
			content_right(ax, after, last, &r);
		} else {
			long q = quote_before(ax, r.cue_start, sent_start(ax, first));
			if (q >= 0) {
				r.content_start = ax->quotes.v[q].open;
				r.content_end = ax->quotes.v[q].close;
			} else {
				content_left(ax, first, r.cue_start, &r);
			}
		}
		return push(out, &r);
	}

	/* a verb or noun cue: the source on the left, past auxiliaries */
	struct span s = none;
	int paren = 0;
	size_t j = ca;
	for (;;) {
		if (j > first && !punct_before(ax, j) &&
		    attrib_is_aux(LOW(ax, j - 1), ax->w[j - 1].lowlen)) {
			j--;
		} else if (j > first + 2 && !punct_before(ax, j) &&
		           (WEQ(ax, j - 1, "morning") || WEQ(ax, j - 1, "evening") ||
		            WEQ(ax, j - 1, "afternoon") || WEQ(ax, j - 1, "night")) &&
		           !punct_before(ax, j - 1) &&
		           attrib_is_weekday(LOW(ax, j - 2), ax->w[j - 2].lowlen)) {
			j--;   /* X on Thursday evening said */
		} else if (j > first + 1 && !punct_before(ax, j) &&
		           attrib_is_weekday(LOW(ax, j - 1), ax->w[j - 1].lowlen)) {
			/* X on Tuesday said */
			j--;
			if (!punct_before(ax, j) && WEQ(ax, j - 1, "on"))
				j--;
		} else {
			break;
		}
	}
	int32_t gap = j > first ? punct_before(ax, j) : 0;
	if (j > first && !gap) {
		s = np_left(ax, j - 1);
	} else if (j > first && gap == ',') {
		/* X, who ..., said / X, a spokeswoman, said / X, Romney's
		 * deputy director, said: the nearest comma that opens an
		 * apposition after a name */
		for (size_t k = j - 1; k > first && j - k < MAX_APPOSITIVE; k--) {
			if (ax->w[k].inq || ax->w[k].cue)
				break;
			if (punct_before(ax, k) != ',')
				continue;
			const char *lk = LOW(ax, k);
			size_t nk = ax->w[k].lowlen;
			int opens = WEQ(ax, k, "who") || WEQ(ax, k, "which") ||
			            WEQ(ax, k, "whose") || WEQ(ax, k, "for") ||
			            attrib_is_determiner(lk, nk) ||
			            attrib_is_title(lk, nk) || WEQ(ax, k, "former") ||
			            (ax->w[k].cap && !is_pronoun_word(ax, k));
			if (!opens)
				continue;
			struct span h = np_left(ax, k - 1);
			if (h.a <= h.b && (ax->w[h.a].cap || is_pronoun_word(ax, h.a)) &&
			    (h.a == first || punct_before(ax, h.a) ||
			     attrib_is_left_stop(LOW(ax, h.a - 1),
			                         ax->w[h.a - 1].lowlen))) {
				s = h;
				s.b = j - 1;
				break;
			}
		}
	} else if (j > first && gap == ')') {
		/* the National Intelligence Service (NIS) said */
		size_t k = j - 1;
		while (k > first && j - k < 6 && !punct_before(ax, k))
			k--;
		if (k > first && punct_before(ax, k) == '(') {
			struct span h = np_left(ax, k - 1);
			if (h.a <= h.b) {
				s = h;
				s.b = j - 1;
				paren = 1;
			}
		}
	}
	/* Об этом сообщила в пятницу служба разведки: the content before
	 * the verb, its subject after it */
	if (ax->lang == L_RU && s.a <= s.b &&
	    attrib_ru_anaphor(LOW(ax, s.b), ax->w[s.b].lowlen)) {
		size_t k = cb + 1;
		while (k <= last && !punct_before(ax, k) &&
		       attrib_ru_time(LOW(ax, k), ax->w[k].lowlen))
			k++;
		struct span h = k <= last && !punct_before(ax, k)
		                ? np_right(ax, k, 0) : none;
		if (h.a <= h.b) {
			set_source(ax, &r, h);
			r.content_start = ax->w[s.a].start;
			r.content_end = ax->w[s.b].end;
			return push(out, &r);
		}
	}
	/* was claimed by the Islamic State: the source after "by" */
	if (s.a > s.b || (s.a <= s.b && !ax->w[s.a].cap &&
	                  !is_pronoun_word(ax, s.a))) {
		size_t k = cb + 1;
		if (k <= last && WEQ(ax, k, "by") && !punct_before(ax, k) &&
		    k > ca && (WEQ(ax, ca, "was") || WEQ(ax, ca, "were") ||
		               WEQ(ax, ca, "been") || WEQ(ax, ca, "is") ||
		               WEQ(ax, ca, "are") || WEQ(ax, ca, "be") ||
		               (ca > first && (WEQ(ax, ca - 1, "was") ||
		                               WEQ(ax, ca - 1, "were") ||
		                               WEQ(ax, ca - 1, "been") ||
		                               WEQ(ax, ca - 1, "is") ||
		                               WEQ(ax, ca - 1, "are") ||
		                               WEQ(ax, ca - 1, "be"))))) {
			struct span h = np_right(ax, k + 1, 1);
			if (h.a <= h.b) {
				set_source(ax, &r, h);
				content_left(ax, first, ax->w[ca > first &&
				             attrib_is_aux(LOW(ax, ca - 1),
				                           ax->w[ca - 1].lowlen) ?
				             ca - 1 : ca].start, &r);
				if (r.content_end <= r.content_start)
					return UE_OK;
				return push(out, &r);
			}
		}
	}
	int inverted = 0;
	/* "said Morris" but not "to describe Donald Trump": only reporting
	 * verbs take their source after them */
	int reporting = ax->lang != L_EN;
	for (size_t k = ca; k <= cb; k++)
		reporting |= attrib_is_report(LOW(ax, k), ax->w[k].lowlen);
	if (s.a > s.b && cb + 1 <= last && !punct_after(ax, cb) && reporting) {
		s = np_right(ax, cb + 1, 0);
		inverted = s.a <= s.b;
		/* ", said Barney Frank, a former congressman." */
		if (inverted && s.b < last && punct_after(ax, s.b) == ',' &&
		    (attrib_is_determiner(LOW(ax, s.b + 1), ax->w[s.b + 1].lowlen) ||
		     WEQ(ax, s.b + 1, "who") ||
		     attrib_is_title(LOW(ax, s.b + 1), ax->w[s.b + 1].lowlen))) {
			size_t k = s.b + 1;
			while (k < last && !ax->w[k + 1].inq && !ax->w[k + 1].cue)
				k++;
			if (k == last)
				s.b = last;
		}
	}
	set_source(ax, &r, s);
	if (paren && r.source_end < ax->len && ax->text[r.source_end] == ')')
		r.source_end++;
	size_t tail = inverted ? s.b : cb;   /* last word of source + cue */
	uint32_t head = s.a <= s.b && !inverted ? r.source_start : r.cue_start;
	long q = quote_before(ax, head, sent_start(ax, first) > 0 ?
	                      sent_start(ax, first) - 1 : 0);
	if (q < 0 && first > 0)
		q = quote_before(ax, head, 0);
	if (q >= 0 && ax->quotes.v[q].close + 4 >= head - (head > 0)) {
		r.content_start = ax->quotes.v[q].open;
		r.content_end = ax->quotes.v[q].close;
		/* "A," he said, "B." */
		long q2 = quote_after(ax, ax->w[tail].end,
		                      tail + 1 < ax->nw ? ax->w[tail + 1].start
		                                        : ax->len);
		if (q2 >= 0)
			r.content_end = ax->quotes.v[q2].close;
	} else {
		/* what follows, unless the cue ends its sentence */
		size_t rest = last > tail ? last - tail : 0;
		int before_comma = head > ax->w[first].start &&
		                   (s.a <= s.b && !inverted ? s.a : ca) > first &&
		                   punct_before(ax, s.a <= s.b && !inverted ? s.a : ca) == ',';
		/* "..., the agency said in a statement on Friday." */
		int adjunct = before_comma && rest > 0 && rest <= 10 &&
		              !punct_after(ax, tail) &&
		              attrib_is_adjunct(LOW(ax, tail + 1),
		                                ax->w[tail + 1].lowlen) &&
		              word_at(ax, head) >= first + 4;
		for (size_t k = tail + 1; adjunct && k <= last; k++)
			if (ax->w[k].inq || WEQ(ax, k, "that") ||
			    (k > tail + 1 && punct_before(ax, k) == ','))
				adjunct = 0;
		if ((rest <= 2 || (before_comma && rest <= 4) || adjunct) &&
		    head > ax->w[first].start)
			content_left(ax, first, head, &r);
		else
			content_right(ax, tail, last, &r);
	}
	if (r.content_end <= r.content_start && r.source_end == 0)
		return UE_OK;
	return push(out, &r);
}

/* Korean: X에 따르면 ...; X는 ... 밝혔다/말했다. */
static ue_status relate_ko(struct ue_attrib *ax, size_t c,
                           struct ue_attributions *out)
{
	struct ue_attribution r;
	memset(&r, 0, sizeof r);
	size_t first, last;
	sent_words(ax, c, &first, &last);
	r.hedged = (uint8_t)hedged_sentence(ax, first, last);
	const char *lw = LOW(ax, c);
	static const char ttareumyeon[] = "따르면";
	static const char e[] = "에";
	if (!strncmp(lw, ttareumyeon, sizeof ttareumyeon - 1) && c > first) {
		const struct word *p = &ax->w[c - 1];
		size_t pn = p->end - p->start;
		if (pn <= 3 || memcmp(ax->text + p->end - 3, e, 3))
			return UE_OK;
		r.kind = UE_ATTRIB_ACCORDING_TO;
		r.cue_start = p->end - 3;
		r.cue_end = ax->w[c].end;
		size_t a = c - 1;
		while (a > first && c - a < 4 && !punct_before(ax, a))
			a--;
		struct span s = {a, c - 1};
		r.source_kind = source_kind(ax, s);
		r.source_start = ax->w[a].start;
		r.source_end = p->end - 3;
		if (c < last) {
			uint32_t ca = ax->w[c + 1].start, cb = sent_end(ax, last);
			trim(ax, &ca, &cb);
			r.content_start = ca;
			r.content_end = cb;
		}
		return push(out, &r);
	}
	r.kind = UE_ATTRIB_SAID;
	r.cue_start = ax->w[c].start;
	r.cue_end = ax->w[c].end;
	/* the subject: a word ending in 은/는/이/가, at the sentence start or
	 * right before the verb */
	static const char *const particles[] = {"은", "는", "이", "가"};
	size_t subj = (size_t)-1;
	for (size_t k = first; k < c && k < first + 5; k++) {
		const struct word *w = &ax->w[k];
		if (w->inq || w->end - w->start <= 3)
			continue;
		for (int p = 0; p < 4; p++)
			if (!memcmp(ax->text + w->end - 3, particles[p], 3)) {
				subj = k;
				break;
			}
		if (subj != (size_t)-1)
			break;
	}
	if (subj == (size_t)-1 && c > first) {
		const struct word *w = &ax->w[c - 1];
		if (!w->inq && w->end - w->start > 3)
			for (int p = 0; p < 4; p++)
				if (!memcmp(ax->text + w->end - 3, particles[p], 3))
					subj = c - 1;
	}
	if (subj != (size_t)-1) {
		size_t a = subj;
		/* a subject at the sentence start may have words before its
		 * particle: 미국 국방부는 */
		while (a > first && subj - a < 3 && subj < first + 4 &&
		       !punct_before(ax, a) && !ax->w[a - 1].inq)
			a--;
		struct span s = {a, subj};
		r.source_kind = source_kind(ax, s);
		r.source_start = ax->w[a].start;
		r.source_end = ax->w[subj].end - 3;
	}
	long q = -1;
	for (size_t k = 0; k < ax->quotes.n; k++)
		if (ax->quotes.v[k].open >= ax->w[first].start - (first ? 0 : 0) &&
		    ax->quotes.v[k].close <= r.cue_start && ax->quotes.v[k].open + 0 <
		    r.cue_start && ax->quotes.v[k].open >= (first ? ax->w[first - 1].end : 0))
			q = (long)k;
	uint32_t ca, cb;
	if (q >= 0) {
		ca = ax->quotes.v[q].open;
		cb = ax->quotes.v[q].close;
	} else if (subj != (size_t)-1 && subj + 1 < c) {
		/* 국가정보원은 18일 ...: the date is no part of the content */
		size_t k = subj + 1;
		for (;;) {
			/* the whole chunk up to the next space: 18일 may be
			 * tokenised as 18 + 일 */
			size_t e = ax->w[k].start;
			while (e < ax->len && !is_space_cp((unsigned char)ax->text[e]))
				e++;
			if (!attrib_ko_time(ax->text + ax->w[k].start,
			                    e - ax->w[k].start))
				break;
			while (k + 1 < c && ax->w[k].start < e)
				k++;
			if (ax->w[k].start < e)
				break;
		}
		ca = ax->w[k].start;
		cb = ax->w[c - 1].end;
	} else if (subj == c - 1 && c > first) {
		ca = sent_start(ax, first);
		cb = ax->w[subj > first ? subj : first].start;
	} else {
		ca = sent_start(ax, first);
		cb = r.cue_start;
	}
	trim(ax, &ca, &cb);
	if (cb <= ca)
		return UE_OK;
	r.content_start = ca;
	r.content_end = cb;
	return push(out, &r);
}

/* Russian multi-word cues: по словам / по данным / по информации X, как
 * сообщает X, со ссылкой на X.  Marks the words; returns the last. */
static size_t ru_phrase(struct ue_attrib *ax, size_t i)
{
	if (i + 1 >= ax->nw || !same_sent(ax, i, i + 1) || punct_after(ax, i))
		return 0;
	const char *a = LOW(ax, i), *b = LOW(ax, i + 1);
	if (!strcmp(a, "по") && (!strcmp(b, "словам") || !strcmp(b, "данным") ||
	                         !strcmp(b, "информации") ||
	                         !strcmp(b, "сведениям") || !strcmp(b, "оценкам")))
		return i + 1;
	if (!strcmp(a, "как") && attrib_ru_verb(b, ax->w[i + 1].lowlen))
		return i + 1;
	if (!strcmp(a, "со") && !strcmp(b, "ссылкой") && i + 2 < ax->nw &&
	    !strcmp(LOW(ax, i + 2), "на"))
		return i + 2;
	return 0;
}

/* "Paul Ryan: FBI Decision Defies Explanation", "Q: And the wall?": a
 * line that opens with a short name and a colon. */
static ue_status headlines(struct ue_attrib *ax, struct ue_attributions *out)
{
	for (size_t i = 0; i < ax->nw; i++) {
		if (i > 0 && !memchr(ax->text + ax->w[i - 1].end, '\n',
		                     ax->w[i].start - ax->w[i - 1].end))
			continue;
		/* a name, or a headline in title case up to the colon */
		size_t k = i;
		while (k < i + 8 && k + 1 < ax->nw && !ax->w[k].inq &&
		       (ax->w[k].cap || (k > i && attrib_is_function(LOW(ax, k),
		                                          ax->w[k].lowlen))) &&
		       np_glue(ax, k) && same_sent(ax, k, k + 1))
			k++;
		if (k >= ax->nw || !ax->w[k].cap || ax->w[k].inq ||
		    k + 1 >= ax->nw || !same_sent(ax, k, k + 1))
			continue;
		size_t at;
		uint32_t a = ax->w[k].end, b = ax->w[k + 1].start;
		if (gap_char(ax, a, b, 0, &at) != ':' || at != a ||
		    memchr(ax->text + a, '\n', b - a))
			continue;
		struct ue_attribution r;
		memset(&r, 0, sizeof r);
		struct span sp = {i, k};
		set_source(ax, &r, sp);
		r.cue_start = a;
		r.cue_end = a + 1;
		r.kind = UE_ATTRIB_SAID;
		size_t first, last;
		sent_words(ax, k + 1, &first, &last);
		uint32_t ca = b, cb = sent_end(ax, last);
		trim(ax, &ca, &cb);
		if (cb <= ca)
			continue;
		r.content_start = ca;
		r.content_end = cb;
		ue_status st = push(out, &r);
		if (st)
			return st;
	}
	/* the laugh line: "..."; pollster Daron Shaw: "..." */
	for (size_t q = 0; q < ax->quotes.n; q++) {
		size_t at;
		uint32_t open = ax->quotes.v[q].open;
		if (open == 0 || gap_char(ax, 0, open, 1, &at) != ':')
			continue;
		size_t k = word_at(ax, at);
		if (k == 0 || ax->w[k - 1].end != at || ax->w[k - 1].inq ||
		    ax->w[k - 1].cue || memchr(ax->text + at, '\n', open - at))
			continue;
		struct span sp = np_left(ax, k - 1);
		if (sp.a > sp.b)
			continue;
		struct ue_attribution r;
		memset(&r, 0, sizeof r);
		set_source(ax, &r, sp);
		r.cue_start = (uint32_t)at;
		r.cue_end = (uint32_t)at + 1;
		r.kind = UE_ATTRIB_SAID;
		r.content_start = open;
		r.content_end = ax->quotes.v[q].close;
		ue_status st = push(out, &r);
		if (st)
			return st;
	}
	return UE_OK;
}

/* ------------------------------------------------------------------ */
/* choosing among the candidate relations                               */

/* The first word that starts at or after byte pos. */
static size_t word_at(const struct ue_attrib *ax, uint32_t pos)
{
	size_t lo = 0, hi = ax->nw;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ax->w[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* 0 for a reporting cue (said, told, according to), 1 for any other:
 * reporting relations are placed first and win over the inner states
 * and other cues they contain. */
static int rank(const struct ue_attrib *ax, const struct ue_attribution *r)
{
	if (ax->lang != L_EN)
		return r->kind == UE_ATTRIB_STATE;
	if (r->kind == UE_ATTRIB_ACCORDING_TO || r->kind == UE_ATTRIB_CITING ||
	    r->kind == UE_ATTRIB_TOLD)
		return 0;
	for (size_t i = word_at(ax, r->cue_start);
	     i < ax->nw && ax->w[i].start < r->cue_end; i++)
		if (attrib_is_report(LOW(ax, i), ax->w[i].lowlen))
			return 0;
	return 1;
}

static int in_span(uint32_t pos, uint32_t a, uint32_t b)
{
	return a <= pos && pos < b;
}

/* Does relation r take any byte of [a, b)?  Sets *first to the earliest
 * such span start of r. */
static int takes(const struct ue_attribution *r, uint32_t a, uint32_t b)
{
	return (r->cue_end > a && r->cue_start < b) ||
	       (r->source_end > a && r->source_start < b) ||
	       (r->content_end > a && r->content_start < b);
}

static int by_cue_start(const void *x, const void *y)
{
	const struct ue_attribution *a = x, *b = y;
	/* a quotation without a cue stands where it starts */
	uint32_t ka = a->cue_end ? a->cue_start : a->content_start;
	uint32_t kb = b->cue_end ? b->cue_start : b->content_start;
	return ka < kb ? -1 : ka > kb;
}

/*
 * Each word belongs to one relation.  Reporting relations are taken
 * first, then the others, each in text order; a relation whose cue lies
 * in one already taken is dropped, and the source and content of a later
 * one are cut where they reach into one taken before.  The kept ones are
 * sorted by cue and their pronouns and descriptions resolved.
 */
static ue_status choose(struct ue_attrib *ax, struct ue_attributions *out)
{
	size_t n = out->n;
	if (grow((void **)&ax->sel, &ax->selalloc, n + 1, sizeof *ax->sel))
		return UE_ENOMEM;
	struct ue_attribution *keep = ax->sel;
	size_t nk = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			struct ue_attribution r = out->v[i];
			if (rank(ax, &r) != pass)
				continue;
			int ok = 1;
			for (size_t k = 0; k < nk && ok; k++) {
				const struct ue_attribution *p = &keep[k];
				if (takes(p, r.cue_start, r.cue_end))
					ok = 0;
				if (!ok)
					break;
				/* cut the content where it reaches into p */
				if (r.content_end > r.content_start &&
				    takes(p, r.content_start, r.content_end)) {
					uint32_t lo = UINT32_MAX;
					if (p->source_end > r.content_start &&
					    p->source_start < lo && p->source_end)
						lo = p->source_start;
					if (p->cue_end > r.content_start && p->cue_start < lo)
						lo = p->cue_start;
					if (p->content_end > r.content_start &&
					    p->content_start < lo && p->content_end)
						lo = p->content_start;
					if (lo <= r.content_start ||
					    r.content_end <= r.cue_start ||
					    in_span(r.cue_start, lo, r.content_end))
						r.content_start = r.content_end = 0;
					else {
						r.content_end = lo;
						trim(ax, &r.content_start, &r.content_end);
						if (r.content_end <= r.content_start)
							r.content_start = r.content_end = 0;
					}
				}
				if (r.source_end > r.source_start &&
				    takes(p, r.source_start, r.source_end)) {
					r.source_start = r.source_end = 0;
					r.source_kind = UE_SOURCE_NONE;
				}
			}
			if (!ok || (r.content_end <= r.content_start &&
			            r.source_end <= r.source_start &&
			            r.kind != UE_ATTRIB_HEDGE))
				continue;
			/* another relation's parts may now reach into r */
			keep[nk++] = r;
		}
	}
	/* quotations that stand as sentences of their own, taken by no
	 * relation: UE_ATTRIB_QUOTE, their speaker found below */
	for (size_t q = 0; (ax->flags & UE_ATTRIB_QUOTES) && q < ax->quotes.n &&
	                   nk < UE_ATTRIB_MAX_RELATIONS; q++) {
		const struct ue_quote *qt = &ax->quotes.v[q];
		size_t i = word_at(ax, qt->start);
		if (i >= ax->nw || qt->end - qt->start < 24 ||
		    (i > 0 && same_sent(ax, i - 1, i) &&
		     ax->w[i - 1].end > qt->open && !ax->w[i - 1].inq))
			continue;
		/* nothing but the quotation in its sentence(s) */
		size_t f, l;
		sent_words(ax, i, &f, &l);
		if (f < i && ax->w[i - 1].end > qt->open)
			continue;
		size_t e = word_at(ax, qt->close);
		if (e < ax->nw && e > 0 && same_sent(ax, e - 1, e) &&
		    ax->w[e].start < ax->len && !ax->w[e].inq)
			continue;
		int taken = 0;
		for (size_t k = 0; k < nk && !taken; k++)
			taken = takes(&keep[k], qt->open, qt->close);
		if (taken)
			continue;
		if (grow((void **)&ax->sel, &ax->selalloc, nk + 1, sizeof *ax->sel))
			return UE_ENOMEM;
		keep = ax->sel;
		struct ue_attribution r;
		memset(&r, 0, sizeof r);
		r.kind = UE_ATTRIB_QUOTE;
		r.content_start = qt->open;
		r.content_end = qt->close;
		keep[nk++] = r;
	}
	qsort(keep, nk, sizeof *keep, by_cue_start);
	if (grow((void **)&out->v, &out->alloc, nk + 1, sizeof *out->v))
		return UE_ENOMEM;
	out->n = 0;
	for (size_t k = 0; k < nk; k++) {
		struct ue_attribution r = keep[k];
		r.resolved_start = r.resolved_end = 0;
		if (r.kind != UE_ATTRIB_QUOTE)
			resolve(out, &r);
		out->v[out->n++] = r;
	}
	/* the speaker of a quotation: the source of the relation just
	 * before it (what it resolves to, for "he"), else of the one that
	 * follows it closely; without one the quotation is dropped */
	size_t m = 0;
	for (size_t k = 0; k < out->n; k++) {
		struct ue_attribution r = out->v[k];
		if (r.kind == UE_ATTRIB_QUOTE) {
			const struct ue_attribution *p = m ? &out->v[m - 1] : NULL;
			const struct ue_attribution *nx =
				k + 1 < out->n && out->v[k + 1].kind != UE_ATTRIB_QUOTE
				? &out->v[k + 1] : NULL;
			if (p && p->source_end && p->content_end <= r.content_start &&
			    r.content_start - p->content_end < 400) {
				r.resolved_start = p->resolved_end ? p->resolved_start
				                                   : p->source_start;
				r.resolved_end = p->resolved_end ? p->resolved_end
				                                 : p->source_end;
			} else if (nx && nx->source_end &&
			           nx->cue_start >= r.content_end &&
			           nx->cue_start - r.content_end < 120) {
				r.resolved_start = nx->resolved_end ? nx->resolved_start
				                                    : nx->source_start;
				r.resolved_end = nx->resolved_end ? nx->resolved_end
				                                  : nx->source_end;
			} else {
				continue;
			}
		}
		out->v[m++] = r;
	}
	out->n = m;
	return UE_OK;
}

ue_status ue_attrib_extract(struct ue_attrib *ax, const char *text,
                            size_t len, const char *lang,
                            const struct ue_tokens *tok,
                            struct ue_attributions *out)
{
	if (!out)
		return UE_EINVAL;
	out->n = 0;
	ue_status st = prepare(ax, text, len, lang, tok);
	if (st)
		return st;
	if (ax->lang == L_NONE)
		return UE_OK;
	/* mark cue words */
	if (ax->lang == L_EN)
		mark_en(ax);
	for (size_t i = 0; i < ax->nw; i++) {
		struct word *w = &ax->w[i];
		if (w->inq)
			continue;
		if (ax->lang == L_EN) {
			break;
		} else if (ax->lang == L_RU) {
			size_t e = ru_phrase(ax, i);
			if (e) {
				for (size_t k = i; k <= e; k++)
					ax->w[k].cue = 1;
				i = e;
				continue;
			}
			w->cue = (uint8_t)attrib_ru_verb(LOW(ax, i), w->lowlen);
		} else {
			w->cue = (uint8_t)(attrib_ko_verb(LOW(ax, i), w->lowlen) ||
			                   !strncmp(LOW(ax, i), "따르면", 9));
		}
	}
	/* runs of cue words, in order */
	for (size_t i = 0; i < ax->nw; i++) {
		if (!ax->w[i].cue)
			continue;
		size_t j = i;
		while (j + 1 < ax->nw && ax->w[j + 1].cue && same_sent(ax, j, j + 1) &&
		       !punct_after(ax, j) && ax->lang != L_KO)
			j++;
		/* "also", "has", "about" alone are parts of cues, never cues */
		if (ax->lang == L_EN) {
			size_t k = i;
			while (k <= j && attrib_is_function(LOW(ax, k), ax->w[k].lowlen))
				k++;
			if (k > j) {
				for (k = i; k <= j; k++)
					ax->w[k].cue = 0;
				i = j;
				continue;
			}
		}
		st = ax->lang == L_KO ? relate_ko(ax, i, out)
		                      : relate(ax, i, j, out);
		if (st) {
			out->n = 0;
			return st;
		}
		i = j;
	}
	if (ax->lang == L_EN && (st = headlines(ax, out))) {
		out->n = 0;
		return st;
	}
	st = choose(ax, out);
	if (st)
		out->n = 0;
	return st;
}
