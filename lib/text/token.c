/*
 * token.c - tokenisation, case folding, stemming and sentence splitting of
 * SPEC §4.1; see token.h.
 *
 * One pass over the bytes finds the tokens.  ASCII is classified by a
 * table, other code points by a table of the Basic Multilingual Plane
 * built once from utf8proc's categories.  Runs of letters and digits are
 * words; Han, kana and the South-East Asian scripts written without
 * spaces are handed, one run at a time, to ICU's dictionary word break;
 * Hangul words lose a trailing particle (see strip_particle()).
 *
 * A word's form is its Unicode full case folding (marks kept: stripping
 * them would turn Cyrillic й into и), with typographic apostrophes and
 * hyphens made ASCII and invisible joiners dropped, stemmed by Snowball
 * when it has a stemmer for the language.  Forms are cached per tokenizer
 * by (language, raw word): news repeats its words, so most words cost one
 * hash and one probe.  A second, fast pass splits sentences.
 *
 * Decisions worth knowing:
 *   - "U.S.", "e.g.", "J.R.R." (single letters joined by dots) are one
 *     token whose span ends before the final dot: form "u.s", not stemmed.
 *   - Numbers keep , and . between digits: "12,000" is one token.  Its
 *     form drops separators that group thousands ("12,000" and "12.000"
 *     give "12000") and writes a decimal separator as "." ("3.5" and
 *     "3,5" give "3.5").  A number with separators ends at a letter
 *     ("3.5bn" is "3.5" and "bn"); plain digits and letters mix ("19th").
 *   - Apostrophes join letters ("don't", "O'Brien"); hyphens join letters
 *     and digits ("twenty-one", "COVID-19").  In French, Italian and
 *     Catalan an elided article or pronoun is its own token ("l'", "qu'").
 *   - Soft hyphens, ZWJ, ZWNJ and word joiners between letters stay in
 *     the token's span and are left out of its form ("news\u00ADpaper" is
 *     "newspaper").
 *   - Thai, Lao, Khmer and Myanmar runs go to ICU too; their tokens, like
 *     Chinese and Japanese ones, carry UE_TOK_CJK.
 *   - Runs longer than MAX_TOKEN bytes are cut into pieces of at most that
 *     length at character boundaries, so every word byte stays in a token.
 *   - Invalid UTF-8 bytes and U+FFFD are separators, never token content.
 *   - A sentence ends after . ! ? ... and any closing quotes or brackets
 *     when whitespace and then anything but a lower-case letter follow,
 *     unless the full stop ends an abbreviation or an initial (see
 *     after_abbrev()); after 。！？ always; and at blank lines.  Its span
 *     is trimmed of whitespace.
 */
#include "text/token.h"

#include "common/arena.h"

#include <libstemmer.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ubrk.h>
#include <unicode/utypes.h>
#include <utf8proc.h>
#define XXH_INLINE_ALL      /* short keys: let the compiler inline XXH3 */
#include <xxhash.h>

#define MAX_TOKEN 256             /* bytes */
#define MAX_FOLD (MAX_TOKEN * 5)  /* a folded token, generously */
#define MAX_LANGS 32
#define CACHE_MIN_SLOTS 4096
#define CACHE_MAX_SLOTS (1u << 18)  /* 16 MB of slots, 196k words */
#define CACHE_MAX_ARENA (8u << 20)  /* for words too long to sit inline */
#define INLINE_BYTES 36

/* Character classes. */
enum {
	C_OTHER,   /* punctuation, symbols, invalid bytes */
	C_SPACE,
	C_ALPHA,   /* letters */
	C_MARK,    /* combining marks: part of a word */
	C_DIGIT,
	C_APOS,    /* ' and ’ ʼ: join letters */
	C_HYPHEN,  /* - and U+2010, U+2011: join letters and digits */
	C_DOT,
	C_COMMA,
	C_IGNORE,  /* soft hyphen, ZWJ, ZWNJ, word joiner: kept inside words,
	            * dropped from forms */
	C_DICT,    /* Han, kana, Thai, Lao, Khmer, Myanmar: ICU segments */
	C_HANGUL,
};

/* What a word seen so far contains. */
enum {
	S_ALPHA = 1,
	S_DIGIT = 2,
	S_JOIN = 4,   /* an apostrophe, hyphen or joiner */
	S_SEP = 8,    /* a , or . between digits */
	S_DOTS = 16,  /* a . between single letters: an abbreviation */
	S_HANGUL = 32,  /* a Hangul word */
};

struct lang_slot {
	char code[4];           /* "" for unknown */
	struct sb_stemmer *sb;  /* NULL when Snowball has none */
	unsigned char tried;    /* sb looked for */
	unsigned char elide;    /* French-like elision: l' d' qu' */
};

/*
 * A cached form: one cache line holding the key (the raw word) and the
 * form, inline when they fit in INLINE_BYTES, else in the arena.
 */
struct centry {
	uint64_t key_hash;
	uint64_t form_hash;
	uint16_t key_len;      /* 0: empty slot */
	uint16_t form_len;
	uint8_t lang;
	uint8_t flags;
	uint16_t unused;
	uint32_t off;          /* in the arena when not inline */
	char data[INLINE_BYTES];
};
_Static_assert(sizeof(struct centry) == 64, "a cache entry is a cache line");

struct ue_tokenizer {
	struct lang_slot lang[MAX_LANGS];
	unsigned nlang;
	struct centry *cache;
	size_t cache_slots, cache_count;
	char *arena;
	size_t arena_len, arena_alloc;
	UBreakIterator *brk[2];     /* "zh", "ja" */
	unsigned char brk_tried[2];
	UChar *u16;                 /* a dictionary run in UTF-16 */
	uint32_t *u16_off;          /* byte offset of each UTF-16 unit */
	size_t u16_alloc;
	char fold[MAX_FOLD + 8];    /* scratch: the folded word */
	char form[MAX_FOLD + 8];    /* scratch: a number's form */
};

/* ------------------------------------------------------------------ */
/* Character classes                                                    */
/* ------------------------------------------------------------------ */

static unsigned char bmp_class[0x10000];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static void build_abbrevs(void);

static int in_dict_script(int32_t cp)
{
	return (cp >= 0x0E00 && cp <= 0x0EFF) ||    /* Thai, Lao */
	       (cp >= 0x1000 && cp <= 0x109F) ||    /* Myanmar */
	       (cp >= 0x1780 && cp <= 0x17FF) ||    /* Khmer */
	       (cp >= 0x3005 && cp <= 0x3007) ||    /* 々 〆 〇 */
	       (cp >= 0x3021 && cp <= 0x3029) ||
	       (cp >= 0x3031 && cp <= 0x3035) ||    /* kana repeat marks */
	       (cp >= 0x303B && cp <= 0x303C) ||
	       (cp >= 0x3040 && cp <= 0x30FF) ||    /* Hiragana, Katakana */
	       (cp >= 0x31F0 && cp <= 0x31FF) ||
	       (cp >= 0x3400 && cp <= 0x4DBF) ||    /* Han */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFF66 && cp <= 0xFF9F) ||    /* half-width kana */
	       (cp >= 0x20000 && cp <= 0x323AF);
}

static int in_hangul(int32_t cp)
{
	return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
	       (cp >= 0x3131 && cp <= 0x318E) || (cp >= 0xA960 && cp <= 0xA97F) ||
	       (cp >= 0xD7B0 && cp <= 0xD7FF);
}

static int classify(int32_t cp)
{
	switch (cp) {
	case '\'': case 0x2018: case 0x2019: case 0x02BC: case 0xFF07:
		return C_APOS;
	case '-': case 0x2010: case 0x2011:
		return C_HYPHEN;
	case '.':
		return C_DOT;
	case ',':
		return C_COMMA;
	case 0x00AD: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
		return C_IGNORE;
	case '\t': case '\n': case '\v': case '\f': case '\r': case 0x85:
		return C_SPACE;
	}
	utf8proc_category_t cat = utf8proc_category(cp);
	int letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
	int mark = cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
	if (in_hangul(cp) && letter)
		return C_HANGUL;
	if (in_dict_script(cp) && (letter || mark || cat == UTF8PROC_CATEGORY_NL))
		return C_DICT;
	if (letter)
		return C_ALPHA;
	if (mark)
		return C_MARK;
	if (cat == UTF8PROC_CATEGORY_ND)
		return C_DIGIT;
	if (cat >= UTF8PROC_CATEGORY_ZS && cat <= UTF8PROC_CATEGORY_ZP)
		return C_SPACE;
	return C_OTHER;
}

/* Builds the tables shared by all tokenizers, once. */
static void build_tables(void)
{
	for (int32_t cp = 0; cp < 0x10000; cp++)
		bmp_class[cp] = (unsigned char)(cp >= 0xD800 && cp < 0xE000 ?
		                                C_OTHER : classify(cp));
	build_abbrevs();
}

/*
 * Decodes the code point at s (n > 0 bytes available) into *cp and
 * returns its length; an invalid or truncated sequence gives U+FFFD and
 * length 1.
 */
static size_t decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	*cp = 0xFFFD;
	if (c < 0xC2 || c > 0xF4)
		return 1;
	if (c < 0xE0) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 1;
		*cp = (int32_t)(((c & 0x1F) << 6) | (s[1] & 0x3F));
		return 2;
	}
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
			return 1;
		*cp = (int32_t)(((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) |
		                (s[2] & 0x3F));
		return 3;
	}
	if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
	    (s[3] & 0xC0) != 0x80 || (c == 0xF0 && s[1] < 0x90) ||
	    (c == 0xF4 && s[1] > 0x8F))
		return 1;
	*cp = (int32_t)(((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) |
	                ((s[2] & 0x3F) << 6) | (s[3] & 0x3F));
	return 4;
}

static int class_of(int32_t cp)
{
	return cp < 0x10000 ? bmp_class[cp] : classify(cp);
}

/* The class of the character at s[i] (C_OTHER past the end), its length
 * in *l. */
static int class_at(const unsigned char *s, size_t len, size_t i, size_t *l)
{
	if (i >= len) {
		*l = 0;
		return C_OTHER;
	}
	if (s[i] < 0x80) {
		*l = 1;
		return bmp_class[s[i]];
	}
	int32_t cp;
	*l = decode(s + i, len - i, &cp);
	return class_of(cp);
}

static int is_word_class(int k)
{
	return k == C_ALPHA || k == C_MARK || k == C_DIGIT;
}

/* ------------------------------------------------------------------ */
/* Results                                                              */
/* ------------------------------------------------------------------ */

void ue_tokens_init(struct ue_tokens *t)
{
	memset(t, 0, sizeof *t);
}

void ue_tokens_release(struct ue_tokens *t)
{
	free(t->tok);
	free(t->forms);
	free(t->sent);
	ue_tokens_init(t);
}

static ue_status grow(void **p, size_t *alloc, size_t need, size_t size)
{
	if (need <= *alloc)
		return UE_OK;
	size_t n = *alloc ? *alloc : 256;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			return UE_ENOMEM;
		n *= 2;
	}
	void *q = realloc(*p, n * size);
	if (!q)
		return UE_ENOMEM;
	*p = q;
	*alloc = n;
	return UE_OK;
}

/* Appends a token of span [start, end) with form (flen bytes). */
static ue_status push(struct ue_tokens *out, size_t start, size_t end,
                      const char *form, size_t flen, unsigned flags,
                      uint64_t hash)
{
	if (out->forms_len + flen + 1 > UINT32_MAX)
		return UE_ELIMIT;
	if (out->n == out->alloc &&
	    grow((void **)&out->tok, &out->alloc, out->n + 1, sizeof *out->tok))
		return UE_ENOMEM;
	if (out->forms_len + flen + 1 > out->forms_alloc &&
	    grow((void **)&out->forms, &out->forms_alloc,
	         out->forms_len + flen + 1, 1))
		return UE_ENOMEM;
	struct ue_token *t = &out->tok[out->n++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->sentence = 0;
	t->form = (uint32_t)out->forms_len;
	t->form_len = (uint32_t)flen;
	t->flags = flags;
	t->hash = hash;
	memcpy(out->forms + out->forms_len, form, flen);
	out->forms_len += flen;
	out->forms[out->forms_len++] = '\0';
	return UE_OK;
}

/* ------------------------------------------------------------------ */
/* Tokenizer                                                            */
/* ------------------------------------------------------------------ */

ue_status ue_tokenizer_new(struct ue_tokenizer **out)
{
	pthread_once(&tables_once, build_tables);
	*out = calloc(1, sizeof **out);
	if (!*out)
		return UE_ENOMEM;
	(*out)->nlang = 1;      /* slot 0: unknown language */
	return UE_OK;
}

void ue_tokenizer_free(struct ue_tokenizer *tk)
{
	if (!tk)
		return;
	for (unsigned i = 0; i < tk->nlang; i++)
		if (tk->lang[i].sb)
			sb_stemmer_delete(tk->lang[i].sb);
	for (int i = 0; i < 2; i++)
		if (tk->brk[i])
			ubrk_close(tk->brk[i]);
	free(tk->cache);
	free(tk->arena);
	free(tk->u16);
	free(tk->u16_off);
	free(tk);
}

/* The slot of lang: its leading letters, lower-cased ("en-US" is "en");
 * slot 0 when unknown or when the table is full. */
static unsigned lang_slot(struct ue_tokenizer *tk, const char *lang)
{
	char code[4] = "";
	size_t n = 0;
	if (lang)
		for (; n < 4; n++) {
			char c = lang[n];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c < 'a' || c > 'z')
				break;
			if (n == 3)
				return 0;
			code[n] = c;
		}
	if (n < 2 || strcmp(code, "und") == 0)
		return 0;
	for (unsigned i = 1; i < tk->nlang; i++)
		if (strcmp(tk->lang[i].code, code) == 0)
			return i;
	if (tk->nlang == MAX_LANGS)
		return 0;
	struct lang_slot *s = &tk->lang[tk->nlang];
	memcpy(s->code, code, sizeof code);
	s->elide = !strcmp(code, "fr") || !strcmp(code, "it") ||
	           !strcmp(code, "ca");
	return tk->nlang++;
}

static struct sb_stemmer *stemmer(struct lang_slot *s)
{
	if (!s->tried && s->code[0]) {
		s->tried = 1;
		s->sb = sb_stemmer_new(s->code, "UTF_8");
	}
	return s->sb;
}

/* ------------------------------------------------------------------ */
/* The form cache                                                       */
/* ------------------------------------------------------------------ */

static void cache_clear(struct ue_tokenizer *tk)
{
	if (tk->cache)
		memset(tk->cache, 0, tk->cache_slots * sizeof *tk->cache);
	tk->cache_count = 0;
	tk->arena_len = 0;
}

/* The key and form bytes of e, one after the other. */
static const char *centry_bytes(const struct ue_tokenizer *tk,
                                const struct centry *e)
{
	return e->key_len + e->form_len <= INLINE_BYTES ? e->data :
	       tk->arena + e->off;
}

static int same_bytes(const char *a, const char *b, size_t n)
{
	for (; n >= 8; n -= 8, a += 8, b += 8) {
		uint64_t x, y;
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
			return 0;
	}
	for (; n; n--)
		if (*a++ != *b++)
			return 0;
	return 1;
}

static struct centry *cache_find(struct ue_tokenizer *tk, unsigned lang,
                                 const char *key, size_t n, uint64_t h)
{
	if (!tk->cache)
		return NULL;
	size_t mask = tk->cache_slots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct centry *e = &tk->cache[i];
		if (!e->key_len)
			return NULL;
		if (e->key_hash == h && e->key_len == n && e->lang == lang &&
		    same_bytes(centry_bytes(tk, e), key, n))
			return e;
	}
}

static struct centry *cache_slot(struct centry *tab, size_t slots,
                                 uint64_t h)
{
	size_t mask = slots - 1;
	size_t i = h & mask;
	while (tab[i].key_len)
		i = (i + 1) & mask;
	return &tab[i];
}

/*
 * A zeroed table of slots.  Big tables are placed in huge pages: words
 * probe them at random, and with 4 KB pages every rare word would also
 * cost a TLB miss.
 */
static struct centry *alloc_slots(size_t slots)
{
	size_t bytes = slots * sizeof(struct centry);
	struct centry *tab = ue_huge_alloc(bytes);
	if (tab)
		memset(tab, 0, bytes);
	return tab;
}

/* Makes room for one more entry: doubles the table, or clears the cache
 * when it is at its size limit.  Non-zero without memory. */
static int cache_make_room(struct ue_tokenizer *tk, size_t bytes)
{
	if (bytes > INLINE_BYTES) {
		if (tk->arena_len + bytes > CACHE_MAX_ARENA)
			cache_clear(tk);
		if (tk->arena_len + bytes > tk->arena_alloc &&
		    grow((void **)&tk->arena, &tk->arena_alloc,
		         tk->arena_len + bytes, 1))
			return -1;
	}
	if (tk->cache && (tk->cache_count + 1) * 4 <= tk->cache_slots * 3)
		return 0;
	if (tk->cache_slots >= CACHE_MAX_SLOTS) {
		cache_clear(tk);
		return 0;
	}
	size_t slots = tk->cache_slots ? tk->cache_slots * 2 : CACHE_MIN_SLOTS;
	struct centry *tab = alloc_slots(slots);
	if (!tab)
		return -1;
	for (size_t i = 0; i < tk->cache_slots; i++)
		if (tk->cache[i].key_len)
			*cache_slot(tab, slots, tk->cache[i].key_hash) =
				tk->cache[i];
	free(tk->cache);
	tk->cache = tab;
	tk->cache_slots = slots;
	return 0;
}

/* Remembers key → form; failing to (no memory) only costs speed. */
static void cache_add(struct ue_tokenizer *tk, unsigned lang, const char *key,
                      size_t n, uint64_t h, const char *form, size_t flen,
                      uint64_t form_hash, unsigned flags)
{
	if (cache_make_room(tk, n + flen))
		return;
	struct centry *e = cache_slot(tk->cache, tk->cache_slots, h);
	*e = (struct centry){h, form_hash, (uint16_t)n, (uint16_t)flen,
	                     (uint8_t)lang, (uint8_t)flags, 0, 0, {0}};
	char *dst = e->data;
	if (n + flen > INLINE_BYTES) {
		e->off = (uint32_t)tk->arena_len;
		dst = tk->arena + tk->arena_len;
		tk->arena_len += n + flen;
	}
	memcpy(dst, key, n);
	memcpy(dst + n, form, flen);
	tk->cache_count++;
}

/* ------------------------------------------------------------------ */
/* Forms                                                                */
/* ------------------------------------------------------------------ */

/*
 * Writes the case folding of s (n bytes, valid UTF-8 word) to tk->fold
 * and returns its length: ASCII by table, the rest by utf8proc's full case
 * folding; apostrophes and hyphens become ASCII, joiners are dropped.
 */
static size_t fold(struct ue_tokenizer *tk, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	for (size_t i = 0; i < n && o + 16 <= MAX_FOLD;) {
		if (p[i] < 0x80) {
			unsigned char c = p[i++];
			tk->fold[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		int32_t cp, buf[8];
		i += decode(p + i, n - i, &cp);
		int k = class_of(cp);
		if (k == C_IGNORE)
			continue;
		if (k == C_APOS || k == C_HYPHEN) {
			tk->fold[o++] = k == C_APOS ? '\'' : '-';
			continue;
		}
		utf8proc_ssize_t m = utf8proc_decompose_char(cp, buf, 8,
		                                             UTF8PROC_CASEFOLD,
		                                             NULL);
		if (m < 1 || m > 3) {
			buf[0] = cp;
			m = 1;
		}
		for (utf8proc_ssize_t j = 0; j < m; j++)
			o += (size_t)utf8proc_encode_char(
				buf[j], (utf8proc_uint8_t *)tk->fold + o);
	}
	tk->fold[o] = '\0';
	return o;
}

static size_t strip_particle(const char *s, size_t n);

/*
 * Computes the form of the word s (n bytes, what seen says) in language
 * slot lang into *form (owned by tk or s) and *flen; returns its flags,
 * or -1 without memory.  Hangul words are Korean whatever the language.
 * Abbreviations with inner dots ("u.s") are not stemmed: Snowball would
 * take their final letter for a suffix.
 */
static int word_form(struct ue_tokenizer *tk, unsigned lang, const char *s,
                     size_t n, unsigned seen, const char **form,
                     size_t *flen)
{
	if (seen & S_HANGUL) {
		*form = s;
		*flen = strip_particle(s, n);
		return UE_TOK_HANGUL |
		       (ue_stopword("ko", s, n) || ue_stopword("ko", s, *flen) ?
		        UE_TOK_STOP : 0);
	}
	*flen = fold(tk, s, n);
	*form = tk->fold;
	struct lang_slot *ls = &tk->lang[lang];
	int flags = ue_stopword(ls->code, *form, *flen) ? UE_TOK_STOP : 0;
	struct sb_stemmer *sb = (seen & S_DOTS) ? NULL : stemmer(ls);
	if (sb) {
		const sb_symbol *st = sb_stemmer_stem(
			sb, (const sb_symbol *)*form, (int)*flen);
		if (!st)
			return -1;
		int sl = sb_stemmer_length(sb);
		if (sl > 0 && (size_t)sl <= MAX_FOLD) {
			*form = (const char *)st;
			*flen = (size_t)sl;
		}
	}
	return flags;
}

/* Appends the word [start, end) (hash h of its bytes), its form taken
 * from the cache or computed and cached. */
static ue_status emit_word(struct ue_tokenizer *tk, unsigned lang,
                           const char *text, size_t start, size_t end,
                           unsigned seen, uint64_t h, struct ue_tokens *out)
{
	const char *s = text + start;
	size_t n = end - start;
	struct centry *e = cache_find(tk, lang, s, n, h);
	if (e)
		return push(out, start, end, centry_bytes(tk, e) + e->key_len,
		            e->form_len, e->flags, e->form_hash);
	const char *form;
	size_t flen;
	int flags = word_form(tk, lang, s, n, seen, &form, &flen);
	if (flags < 0)
		return UE_ENOMEM;
	uint64_t fh = XXH3_64bits(form, flen);
	cache_add(tk, lang, s, n, h, form, flen, fh, (unsigned)flags);
	return push(out, start, end, form, flen, (unsigned)flags, fh);
}

/*
 * The form of a number with separators: thousands groupings are dropped
 * and the decimal separator becomes ".".  With two kinds of separator
 * the last one is the decimal ("1,234.56", "1.234,56"); with one kind it
 * groups thousands when every group after the first has three digits and
 * the first has one to three, not starting with 0 ("12,000", "1.234.567");
 * otherwise every separator is kept as "." ("3.5", "0.125", "1.2.3").
 * Non-ASCII digits are kept as they are.
 */
static size_t number_form(char *dst, const char *s, size_t n)
{
	size_t nsep = 0, last = n, first_group = 0;
	int mixed = 0, groups3 = 1;
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ',' || s[i] == '.') {
			if (nsep == 0)
				first_group = run;
			else if (run != 3)
				groups3 = 0;
			if (last < n && s[last] != s[i])
				mixed = 1;
			last = i;
			nsep++;
			run = 0;
		} else if (!((unsigned char)s[i] & 0x80) ||
		           ((unsigned char)s[i] & 0xC0) == 0xC0) {
			run++;
		}
	}
	if (run != 3)
		groups3 = 0;
	int grouping = !mixed && groups3 && first_group >= 1 && first_group <= 3 &&
	               !(s[0] == '0');
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != ',' && s[i] != '.')
			dst[o++] = s[i];
		else if (mixed ? i == last : !grouping)
			dst[o++] = '.';
	}
	return o;
}

static ue_status emit_number(struct ue_tokenizer *tk, const char *text,
                             size_t start, size_t end, unsigned seen,
                             struct ue_tokens *out)
{
	const char *s = text + start;
	size_t n = end - start;
	const char *form = s;
	if (seen & S_SEP) {
		n = number_form(tk->form, s, n);
		form = tk->form;
	}
	return push(out, start, end, form, n, UE_TOK_NUMBER,
	            XXH3_64bits(form, n));
}

/* ------------------------------------------------------------------ */
/* Words of alphabetic scripts                                          */
/* ------------------------------------------------------------------ */

static const char *const elisions[] = {
	"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
	"puisqu", "quoiqu", "un", "dell", "all", "dall", "nell", "sull",
	"coll", "quell", "quest", "nessun", NULL,
};

/* Non-zero when s (n bytes) is an elided word, compared ASCII-blind to
 * case. */
static int is_elision(const char *s, size_t n)
{
	for (int i = 0; elisions[i]; i++)
		if (strlen(elisions[i]) == n && strncasecmp(elisions[i], s, n) == 0)
			return 1;
	return 0;
}

/* Non-zero when the letter ending at s[j] (exclusive) is a whole
 * segment: preceded by the word's start or a dot. */
static int single_letter_before(const unsigned char *s, size_t start, size_t j)
{
	size_t b = j - 1;
	while (b > start && (s[b] & 0xC0) == 0x80)
		b--;
	return b == start || s[b - 1] == '.';
}

/*
 * Finds the end of the word starting at s[i] (a letter, mark or digit)
 * and what it contains (*seen_out, S_*).  With elide, an elided article
 * or pronoun ends with its apostrophe ("l'").
 */
static size_t scan_word(const unsigned char *s, size_t len, size_t i,
                        int elide, unsigned *seen_out)
{
	size_t j = i, max = i + MAX_TOKEN;
	unsigned seen = 0;
	int prev = C_OTHER;
	for (;;) {
		/* ASCII letters and digits without number separators. */
		while (j < len && j < max && s[j] < 0x80 &&
		       (bmp_class[s[j]] == C_ALPHA || bmp_class[s[j]] == C_DIGIT)) {
			int k = bmp_class[s[j]];
			if ((seen & S_SEP) && k != C_DIGIT)
				goto done;
			seen |= k == C_ALPHA ? S_ALPHA : S_DIGIT;
			prev = k;
			j++;
		}
		size_t l, l2, l3;
		int k = class_at(s, len, j, &l);
		if (is_word_class(k)) {
			if (j + l > max || ((seen & S_SEP) && k != C_DIGIT))
				break;
			seen |= k == C_DIGIT ? S_DIGIT : S_ALPHA;
			prev = k;
			j += l;
			continue;
		}
		if (k < C_APOS || k > C_IGNORE)
			break;
		int n = class_at(s, len, j + l, &l2);
		int ok = 0;
		unsigned add = 0;
		switch (k) {
		case C_APOS:
			if (elide && (prev == C_ALPHA || prev == C_MARK) &&
			    !(seen & ~S_ALPHA) &&
			    is_elision((const char *)s + i, j - i)) {
				if (j + l <= max)
					j += l;
				goto done;
			}
			ok = (prev == C_ALPHA || prev == C_MARK) && n == C_ALPHA &&
			     !(seen & (S_SEP | S_DOTS));
			add = S_JOIN;
			break;
		case C_HYPHEN:
		case C_IGNORE:
			ok = is_word_class(prev) && is_word_class(n) &&
			     !(seen & (S_SEP | S_DOTS));
			add = S_JOIN;
			break;
		case C_COMMA:
			ok = prev == C_DIGIT && n == C_DIGIT &&
			     !(seen & (S_ALPHA | S_JOIN));
			add = S_SEP;
			break;
		case C_DOT:
			if (prev == C_DIGIT && n == C_DIGIT &&
			    !(seen & (S_ALPHA | S_JOIN))) {
				ok = 1;
				add = S_SEP;
			} else if (prev == C_ALPHA && n == C_ALPHA &&
			           !(seen & (S_DIGIT | S_JOIN | S_SEP)) &&
			           single_letter_before(s, i, j) &&
			           !is_word_class(class_at(s, len, j + l + l2,
			                                   &l3))) {
				ok = 1;
				add = S_DOTS;
			}
			break;
		}
		if (!ok || j + l + l2 > max)
			break;
		seen |= add;
		prev = n;
		j += l + l2;
		seen |= n == C_DIGIT ? S_DIGIT : S_ALPHA;
	}
done:
	*seen_out = seen;
	return j;
}

/* ------------------------------------------------------------------ */
/* Korean                                                               */
/* ------------------------------------------------------------------ */

/*
 * Korean attaches particles and verb endings to words (북한은 "North
 * Korea" + topic marker).  A Hangul word's form drops the longest
 * trailing particle or ending of the list below, provided a stem is left:
 * at least one syllable for endings of two or three syllables, at least
 * two for one-syllable particles (which would otherwise eat the last
 * syllable of short nouns: 사과 "apple" is not 사 + 과 "and").  Only one
 * ending is removed.  The list is short on purpose: frequent case
 * particles, the copula and the commonest 하다/되다 endings, so that
 * 파병했다, 파병한다 and 파병하는 all give 파병.  A heuristic, not a
 * morphological analyser: what matters for reuse is that the same word
 * gets the same form in every text.
 */
static const char *const particles[] = {
	/* three syllables */
	"에서는", "에게서", "으로는", "으로서", "으로써", "이라고", "이라는",
	"이라며", "이었다", "하였다", "되었다", "했으며", "에서도", "에서의",
	"까지는", "부터는", "에게는", "했지만", "한다고", "했다고",
	/* two syllables */
	"에서", "에게", "께서", "한테", "으로", "부터", "까지", "보다", "처럼",
	"마저", "조차", "라고", "라는", "라며", "이다", "였다", "했다", "한다",
	"하는", "하고", "하며", "했고", "하여", "해서", "된다", "되는", "됐다",
	"이며", "이고", "에는", "에도", "와의", "과의", "로서", "로써", "로는",
	"이나",
	/* one syllable */
	"은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "로", "도",
	"만",
	NULL,
};

/* The length of the stem of the Hangul word s (n bytes). */
static size_t strip_particle(const char *s, size_t n)
{
	for (int i = 0; particles[i]; i++) {
		size_t pl = strlen(particles[i]);
		size_t min_rest = pl == 3 ? 6 : 3;   /* syllables are 3 bytes */
		if (n >= pl + min_rest && memcmp(s + n - pl, particles[i], pl) == 0)
			return n - pl;
	}
	return n;
}

/* ------------------------------------------------------------------ */
/* Chinese, Japanese and other scripts without spaces                   */
/* ------------------------------------------------------------------ */

static UBreakIterator *break_iterator(struct ue_tokenizer *tk, unsigned lang)
{
	int ja = strcmp(tk->lang[lang].code, "ja") == 0;
	if (!tk->brk_tried[ja]) {
		UErrorCode err = U_ZERO_ERROR;
		tk->brk_tried[ja] = 1;
		tk->brk[ja] = ubrk_open(UBRK_WORD, ja ? "ja" : "zh", NULL, 0, &err);
		if (U_FAILURE(err)) {
			if (tk->brk[ja])
				ubrk_close(tk->brk[ja]);
			tk->brk[ja] = NULL;
		}
	}
	return tk->brk[ja];
}

/* Appends [start, end) of a dictionary-script run as tokens of at most
 * MAX_TOKEN bytes each. */
static ue_status emit_piece(struct ue_tokenizer *tk, unsigned lang,
                            const char *text, size_t start, size_t end,
                            struct ue_tokens *out)
{
	while (start < end) {
		size_t e = end;
		if (e - start > MAX_TOKEN) {
			e = start + MAX_TOKEN;
			while (e > start && ((unsigned char)text[e] & 0xC0) == 0x80)
				e--;
		}
		const char *s = text + start;
		unsigned flags = UE_TOK_CJK;
		if (ue_stopword(tk->lang[lang].code, s, e - start))
			flags |= UE_TOK_STOP;
		ue_status st = push(out, start, e, s, e - start, flags,
		                    XXH3_64bits(s, e - start));
		if (st)
			return st;
		start = e;
	}
	return UE_OK;
}

/* Converts text[start, end) to UTF-16 in tk->u16, noting each unit's byte
 * offset; returns the number of units or -1 without memory. */
static long to_utf16(struct ue_tokenizer *tk, const char *text, size_t start,
                     size_t end)
{
	size_t need = (end - start) + 1;
	if (need > tk->u16_alloc) {
		UChar *u = realloc(tk->u16, need * sizeof *u);
		if (!u)
			return -1;
		tk->u16 = u;
		uint32_t *o = realloc(tk->u16_off, need * sizeof *o);
		if (!o)
			return -1;
		tk->u16_off = o;
		tk->u16_alloc = need;
	}
	const unsigned char *s = (const unsigned char *)text;
	size_t n = 0;
	for (size_t i = start; i < end;) {
		int32_t cp;
		size_t l = decode(s + i, end - i, &cp);
		tk->u16_off[n] = (uint32_t)i;
		if (cp >= 0x10000) {
			tk->u16[n++] = (UChar)(0xD7C0 + (cp >> 10));
			tk->u16_off[n] = (uint32_t)i;
			tk->u16[n++] = (UChar)(0xDC00 | (cp & 0x3FF));
		} else {
			tk->u16[n++] = (UChar)cp;
		}
		i += l;
	}
	tk->u16_off[n] = (uint32_t)end;
	return (long)n;
}

/*
 * Segments the run text[start, end) of dictionary-script letters with
 * ICU.  Without ICU's iterator (no data), each character is a token.
 */
static ue_status emit_dict_run(struct ue_tokenizer *tk, unsigned lang,
                               const char *text, size_t start, size_t end,
                               struct ue_tokens *out)
{
	UBreakIterator *bi = break_iterator(tk, lang);
	long n = bi && end - start < INT32_MAX / 2 ?
	         to_utf16(tk, text, start, end) : 0;
	if (n < 0)
		return UE_ENOMEM;
	UErrorCode err = U_ZERO_ERROR;
	if (n > 0)
		ubrk_setText(bi, tk->u16, (int32_t)n, &err);
	if (n == 0 || U_FAILURE(err)) {
		const unsigned char *s = (const unsigned char *)text;
		for (size_t i = start; i < end;) {
			int32_t cp;
			size_t l = decode(s + i, end - i, &cp);
			ue_status st = emit_piece(tk, lang, text, i, i + l, out);
			if (st)
				return st;
			i += l;
		}
		return UE_OK;
	}
	int32_t a = ubrk_first(bi);
	for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
		if (a >= 0 && b > a && b <= n) {
			ue_status st = emit_piece(tk, lang, text, tk->u16_off[a],
			                          tk->u16_off[b], out);
			if (st)
				return st;
		}
		a = b;
	}
	return UE_OK;
}

/* ------------------------------------------------------------------ */
/* Sentences                                                            */
/* ------------------------------------------------------------------ */

enum { A_NUM = 1, A_WEAK = 2 };

/*
 * Abbreviations after which a full stop does not end a sentence, as
 * written (case matters: "Ill." is Illinois, "ill." is not).  A_NUM:
 * only before a number ("No. 10").  A_WEAK: a sentence still ends when a
 * capital follows ("... and so on, etc. The").  Words with inner dots
 * (U.S., e.g., z.B., т.е.) and single capitals (initials) are handled by
 * rule, not listed.
 */
static const struct {
	const char *word;
	int flags;
} abbrevs[] = {
	/* English titles and ranks */
	{"Mr", 0}, {"Mrs", 0}, {"Ms", 0}, {"Dr", 0}, {"Prof", 0}, {"Sen", 0},
	{"Rep", 0}, {"Reps", 0}, {"Gov", 0}, {"Gen", 0}, {"Lt", 0}, {"Col", 0},
	{"Sgt", 0}, {"Capt", 0}, {"Adm", 0}, {"Cmdr", 0}, {"Maj", 0},
	{"Rev", 0}, {"Hon", 0}, {"Pres", 0}, {"Supt", 0}, {"Atty", 0},
	{"St", 0}, {"Jr", 0}, {"Sr", 0}, {"Mt", 0}, {"Ft", 0},
	/* companies and Latin */
	{"Inc", 0}, {"Ltd", 0}, {"Co", 0}, {"Corp", 0}, {"Bros", 0},
	{"vs", 0}, {"v", 0}, {"etc", A_WEAK}, {"approx", 0}, {"cf", 0},
	{"No", A_NUM}, {"Nos", A_NUM}, {"no", A_NUM}, {"Vol", A_NUM},
	{"vol", A_NUM}, {"Art", A_NUM}, {"Fig", A_NUM}, {"p", A_NUM},
	{"pp", A_NUM},
	/* months and days */
	{"Jan", 0}, {"Feb", 0}, {"Mar", 0}, {"Apr", 0}, {"Jun", 0},
	{"Jul", 0}, {"Aug", 0}, {"Sep", 0}, {"Sept", 0}, {"Oct", 0},
	{"Nov", 0}, {"Dec", 0}, {"Mon", 0}, {"Tue", 0}, {"Tues", 0},
	{"Wed", 0}, {"Thu", 0}, {"Thur", 0}, {"Thurs", 0}, {"Fri", 0},
	/* US states as news datelines write them ("JACKSON, Miss. (AP)") */
	{"Ala", 0}, {"Ariz", 0}, {"Ark", 0}, {"Calif", 0}, {"Colo", 0},
	{"Conn", 0}, {"Del", 0}, {"Fla", 0}, {"Ga", 0}, {"Ill", 0},
	{"Ind", 0}, {"Kan", 0}, {"Ky", 0}, {"La", 0}, {"Md", 0}, {"Mass", 0},
	{"Mich", 0}, {"Minn", 0}, {"Miss", 0}, {"Mo", 0}, {"Mont", 0},
	{"Neb", 0}, {"Nev", 0}, {"Okla", 0}, {"Ore", 0}, {"Pa", 0},
	{"Tenn", 0}, {"Tex", 0}, {"Vt", 0}, {"Va", 0}, {"Wash", 0},
	{"Wis", 0}, {"Wyo", 0},
	/* German, French, Spanish, Italian, Portuguese, Dutch */
	{"Nr", A_NUM}, {"bzw", 0}, {"ca", 0}, {"usw", A_WEAK}, {"vgl", 0},
	{"Mio", 0}, {"Mrd", 0}, {"Hr", 0}, {"Fr", 0}, {"Str", 0},
	{"Mme", 0}, {"Mmes", 0}, {"Mlle", 0}, {"Mgr", 0}, {"env", 0},
	{"Sra", 0}, {"Srta", 0}, {"Dña", 0}, {"Ud", 0}, {"Uds", 0},
	{"Avda", 0}, {"núm", A_NUM}, {"Sig", 0}, {"Sigg", 0}, {"Dott", 0},
	{"Ing", 0}, {"Avv", 0}, {"Dra", 0}, {"dhr", 0}, {"mevr", 0},
	/* Russian and Ukrainian */
	{"г", 0}, {"гг", 0}, {"ул", 0}, {"им", 0}, {"стр", 0}, {"млн", 0},
	{"млрд", 0}, {"тыс", 0}, {"руб", 0}, {"долл", 0}, {"проф", 0},
	{"акад", 0}, {"пр", 0}, {"др", A_WEAK}, {"см", 0}, {"ст", 0},
	{"обл", 0}, {"р", 0}, {"вул", 0}, {"грн", 0}, {"тис", 0},
	{NULL, 0},
};

#define ABBREV_SLOTS 512     /* power of two, over twice the list */
static uint16_t abbrev_slot[ABBREV_SLOTS];   /* index + 1; 0: empty */

static void build_abbrevs(void)
{
	for (int i = 0; abbrevs[i].word; i++) {
		size_t n = strlen(abbrevs[i].word);
		uint64_t h = XXH3_64bits(abbrevs[i].word, n);
		size_t k = h & (ABBREV_SLOTS - 1);
		while (abbrev_slot[k])
			k = (k + 1) & (ABBREV_SLOTS - 1);
		abbrev_slot[k] = (uint16_t)(i + 1);
	}
}

/* The index of w (n bytes) in abbrevs[], or -1. */
static int find_abbrev(const char *w, size_t n)
{
	uint64_t h = XXH3_64bits(w, n);
	for (size_t k = h & (ABBREV_SLOTS - 1); abbrev_slot[k];
	     k = (k + 1) & (ABBREV_SLOTS - 1)) {
		const char *a = abbrevs[abbrev_slot[k] - 1].word;
		if (strncmp(a, w, n) == 0 && a[n] == '\0')
			return abbrev_slot[k] - 1;
	}
	return -1;
}

/* Dotted abbreviations that often end sentences. */
static const char *const weak_dotted[] = {
	"a.m", "p.m", "т.д", "т.п", "і.т.д", NULL,
};

static int is_space_at(const unsigned char *s, size_t len, size_t i,
                       size_t *l)
{
	return class_at(s, len, i, l) == C_SPACE;
}

/* The general category of the code point at s[i]. */
static utf8proc_category_t category_at(const unsigned char *s, size_t len,
                                       size_t i)
{
	int32_t cp;
	decode(s + i, len - i, &cp);
	return utf8proc_category(cp);
}

/*
 * Non-zero when the full stop at s[dot] follows an abbreviation or an
 * initial, so that it does not end the sentence; next is the first
 * character after the following spaces.
 */
static int after_abbrev(const unsigned char *s, size_t len, size_t dot,
                        size_t next)
{
	size_t b = dot, l;
	int dotted = 0, letters = 0, digits = 0;
	while (b > 0 && dot - b < 32) {
		size_t p = b - 1;
		while (p > 0 && (s[p] & 0xC0) == 0x80)
			p--;
		int k = class_at(s, len, p, &l);
		if (k == C_DOT)
			dotted = 1;
		else if (k == C_ALPHA || k == C_MARK)
			letters += k == C_ALPHA;
		else if (k == C_DIGIT)
			digits++;
		else
			break;
		b = p;
	}
	if (b == dot || dot - b >= 32 || s[b] == '.' || (dotted && digits))
		return 0;
	utf8proc_category_t nc = category_at(s, len, next);
	int next_upper = nc == UTF8PROC_CATEGORY_LU || nc == UTF8PROC_CATEGORY_LT;
	int next_digit = nc == UTF8PROC_CATEGORY_ND;
	const char *w = (const char *)s + b;
	size_t n = dot - b;
	if (dotted) {
		for (int i = 0; weak_dotted[i]; i++)
			if (strlen(weak_dotted[i]) == n &&
			    !memcmp(weak_dotted[i], w, n))
				return !next_upper;
		return 1;
	}
	if (letters == 1 && !digits &&
	    category_at(s, len, b) == UTF8PROC_CATEGORY_LU)
		return 1;   /* an initial: J. R. Smith */
	int a = find_abbrev(w, n);
	if (a < 0)
		return 0;
	if (abbrevs[a].flags & A_NUM)
		return next_digit;
	if (abbrevs[a].flags & A_WEAK)
		return !next_upper;
	return 1;
}

/* Terminators: 0 none, 1 Western (. ! ? …), 2 CJK (。！？｡); 3 for a
 * full stop. */
static int terminator_at(const unsigned char *s, size_t len, size_t i,
                         size_t *l)
{
	*l = 1;
	switch (s[i]) {
	case '.':
		return 3;
	case '!': case '?':
		return 1;
	}
	int32_t cp;
	*l = decode(s + i, len - i, &cp);
	switch (cp) {
	case 0x2026: case 0x203C: case 0x2047: case 0x2048: case 0x2049:
		return 1;
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61:
		return 2;
	}
	return 0;
}

static int is_closer(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case ')': case ']': case '}': case 0x2019:
	case 0x201D: case 0x00BB: case 0x203A: case 0x300D: case 0x300F:
	case 0xFF09: case 0x300B: case 0x3009: case 0x3011: case 0xFF63:
	case 0x3015: case 0xFF3D:
		return 1;
	}
	return 0;
}

static ue_status add_sentence(struct ue_tokens *out, const unsigned char *s,
                              size_t len, size_t a, size_t b)
{
	size_t l;
	while (a < b && is_space_at(s, len, a, &l))
		a += l;
	while (b > a) {
		size_t p = b - 1;
		while (p > a && (s[p] & 0xC0) == 0x80)
			p--;
		if (!is_space_at(s, len, p, &l))
			break;
		b = p;
	}
	if (a >= b)
		return UE_OK;
	if (grow((void **)&out->sent, &out->sent_alloc, out->nsent + 1,
	         sizeof *out->sent))
		return UE_ENOMEM;
	out->sent[out->nsent].start = (uint32_t)a;
	out->sent[out->nsent].end = (uint32_t)b;
	out->nsent++;
	return UE_OK;
}

/* Bytes that may start a terminator or a paragraph break. */
static const unsigned char interesting[256] = {
	['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1,
	[0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/*
 * Where the sentence ending with the terminator at s[i] ends (after its
 * closing quotes and brackets), or 0 when it does not end there.  *resume
 * is where to look for the next terminator.
 */
static size_t sentence_end(const unsigned char *s, size_t len, size_t i,
                           size_t *resume)
{
	size_t l, j = i;
	int kind, cjk = 0, dots = 0, others = 0;
	while (j < len && (kind = terminator_at(s, len, j, &l)) != 0) {
		cjk |= kind == 2;
		dots += kind == 3;
		others += kind != 3;
		j += l;
	}
	*resume = j;
	size_t k = j;
	while (k < len) {
		int32_t cp;
		l = decode(s + k, len - k, &cp);
		if (!is_closer(cp))
			break;
		k += l;
	}
	if (cjk)
		return k;
	if (k < len && !is_space_at(s, len, k, &l))
		return 0;
	size_t m = k;
	while (m < len && is_space_at(s, len, m, &l))
		m += l;
	if (m >= len)
		return k;
	if (category_at(s, len, m) == UTF8PROC_CATEGORY_LL)
		return 0;
	if (dots == 1 && others == 0 && after_abbrev(s, len, i, m))
		return 0;
	return k;
}

/* Non-zero when the newline at s[i] starts a blank line; *after is the
 * byte after the blank line's newline. */
static int blank_line(const unsigned char *s, size_t len, size_t i,
                      size_t *after)
{
	size_t j = i + 1;
	while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
		j++;
	if (j < len && s[j] == '\n') {
		*after = j + 1;
		return 1;
	}
	return 0;
}

static ue_status split_sentences(const unsigned char *s, size_t len,
                                 struct ue_tokens *out)
{
	size_t from = 0, i = 0;
	ue_status st;
	while (i < len) {
		while (i < len && !interesting[s[i]])
			i++;
		if (i >= len)
			break;
		size_t l, end, resume;
		if (s[i] == '\n') {
			if (blank_line(s, len, i, &resume)) {
				if ((st = add_sentence(out, s, len, from, i)))
					return st;
				from = i = resume;
			} else {
				i++;
			}
			continue;
		}
		if (!terminator_at(s, len, i, &l)) {
			i++;
			continue;
		}
		end = sentence_end(s, len, i, &resume);
		if (end) {
			if ((st = add_sentence(out, s, len, from, end)))
				return st;
			from = end;
			i = end > resume ? end : resume;
		} else {
			i = resume;
		}
	}
	return add_sentence(out, s, len, from, len);
}

/* Gives each token the index of the sentence that holds its start. */
static void assign_sentences(struct ue_tokens *out)
{
	size_t s = 0;
	for (size_t i = 0; i < out->n; i++) {
		while (s + 1 < out->nsent && out->sent[s].end <= out->tok[i].start)
			s++;
		out->tok[i].sentence = (uint32_t)s;
	}
}

/* ------------------------------------------------------------------ */
/* The pass                                                             */
/* ------------------------------------------------------------------ */

/*
 * Words wait in a short queue between being found and being emitted, so
 * that their cache slots can be fetched from memory in the meantime: the
 * rare words of a text miss the processor's caches.
 */
#define AHEAD 4

struct pending {
	size_t start, end;
	uint64_t hash;
	unsigned seen;
};

struct queue {
	struct pending w[AHEAD];
	unsigned head, n;
};

static void enqueue(struct ue_tokenizer *tk, unsigned lang, struct queue *q,
                    const char *text, size_t start, size_t end,
                    unsigned seen)
{
	struct pending *p = &q->w[(q->head + q->n++) % AHEAD];
	p->start = start;
	p->end = end;
	p->seen = seen;
	p->hash = XXH3_64bits_withSeed(text + start, end - start, lang);
	if (tk->cache)
		__builtin_prefetch(&tk->cache[p->hash & (tk->cache_slots - 1)]);
}

/* Emits queued words, in order, until keep are left. */
static ue_status drain(struct ue_tokenizer *tk, unsigned lang,
                       struct queue *q, const char *text, unsigned keep,
                       struct ue_tokens *out)
{
	while (q->n > keep) {
		struct pending *p = &q->w[q->head];
		ue_status st = emit_word(tk, lang, text, p->start, p->end,
		                         p->seen, p->hash, out);
		if (st)
			return st;
		q->head = (q->head + 1) % AHEAD;
		q->n--;
	}
	return UE_OK;
}

/* The end of the run of class k (Hangul or dictionary script) starting
 * at s[i]; Hangul words stop at MAX_TOKEN bytes. */
static size_t run_end(const unsigned char *s, size_t len, size_t i, int k)
{
	size_t j = i, l, max = k == C_HANGUL ? MAX_TOKEN : SIZE_MAX;
	while (j < len && class_at(s, len, j, &l) == k && j + l - i <= max)
		j += l;
	return j;
}

static ue_status tokenize(struct ue_tokenizer *tk, const char *text,
                          size_t len, unsigned lang, struct ue_tokens *out)
{
	const unsigned char *s = (const unsigned char *)text;
	int elide = tk->lang[lang].elide;
	struct queue q = {.n = 0};
	ue_status st = UE_OK;
	size_t i = 0;
	while (i < len && !st) {
		size_t l = 1, j;
		int k;
		if (s[i] < 0x80) {
			k = bmp_class[s[i]];
			if (k != C_ALPHA && k != C_DIGIT) {
				i++;
				continue;
			}
		} else {
			k = class_at(s, len, i, &l);
		}
		j = i + l;
		unsigned seen = S_HANGUL;
		if (is_word_class(k) || k == C_HANGUL) {
			if (k == C_HANGUL)
				j = run_end(s, len, i, k);
			else
				j = scan_word(s, len, i, elide, &seen);
			if (!(seen & S_DIGIT) || (seen & (S_ALPHA | S_JOIN))) {
				if (q.n == AHEAD)
					st = drain(tk, lang, &q, text, AHEAD - 1, out);
				if (!st)
					enqueue(tk, lang, &q, text, i, j, seen);
			} else if (!(st = drain(tk, lang, &q, text, 0, out))) {
				st = emit_number(tk, text, i, j, seen, out);
			}
		} else if (k == C_DICT) {
			j = run_end(s, len, i, k);
			if (!(st = drain(tk, lang, &q, text, 0, out)))
				st = emit_dict_run(tk, lang, text, i, j, out);
		}
		i = j;
	}
	if (!st)
		st = drain(tk, lang, &q, text, 0, out);
	return st;
}

ue_status ue_tokenize(struct ue_tokenizer *tk, const char *text, size_t len,
                      const char *lang, struct ue_tokens *out)
{
	out->n = out->forms_len = out->nsent = 0;
	if (len >= UINT32_MAX)
		return UE_ELIMIT;
	if (len && !text)
		return UE_EINVAL;
	if (!len)
		return UE_OK;
	ue_status st = tokenize(tk, text, len, lang_slot(tk, lang), out);
	if (!st)
		st = split_sentences((const unsigned char *)text, len, out);
	if (!st && out->n && !out->nsent)
		st = add_sentence(out, (const unsigned char *)text, len, 0, len);
	if (st) {
		out->n = out->forms_len = out->nsent = 0;
		return st;
	}
	assign_sentences(out);
	return UE_OK;
}
