/*
 * stopwords.c - stop word lists per language; see ue_stopword() in
 * token.h.
 *
 * The lists are the plain files data/stopwords/stop-LANG.txt (one word
 * per line, '#' starts a comment), embedded in the library by
 * tools/embed.c.  On first use every list is case-folded into one static
 * hash set keyed by (language, word); lookups never allocate.
 */
#include "text/token.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "common/builtin.h"

#define MAX_LANGS 32
#define SLOTS 16384             /* power of two, well above the word count */
#define POOL_SIZE (192 * 1024)  /* bytes of folded words */
#define MAX_WORD 64


struct entry {
	uint64_t hash;
	uint32_t off;
	uint16_t len;    /* 0: empty slot */
	uint8_t lang;
};

static struct entry table[SLOTS];
static size_t nwords;
static char pool[POOL_SIZE];
static size_t pool_len;
static char langs[MAX_LANGS][4];
static unsigned nlangs;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Writes lang's code (its leading 2-3 letters, lower case) to code;
 * non-zero when it has one. */
static int lang_code(const char *lang, char code[4])
{
	size_t n = 0;
	for (; lang && n < 4; n++) {
		char c = lang[n];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z')
			break;
		if (n == 3)
			return 0;
		code[n] = c;
	}
	code[n] = '\0';
	return n >= 2;
}

static int lang_index(const char *code)
{
	for (unsigned i = 0; i < nlangs; i++)
		if (strcmp(langs[i], code) == 0)
			return (int)i;
	return -1;
}

static struct entry *find(unsigned lang, const char *w, size_t n, uint64_t h)
{
	for (size_t i = h & (SLOTS - 1);; i = (i + 1) & (SLOTS - 1)) {
		struct entry *e = &table[i];
		if (!e->len || (e->hash == h && e->len == n && e->lang == lang &&
		                memcmp(pool + e->off, w, n) == 0))
			return e;
	}
}

/* Adds the case folding of w (n bytes) to lang's list. */
static void add_word(unsigned lang, const char *w, size_t n)
{
	utf8proc_uint8_t *f = NULL;
	utf8proc_ssize_t fl = utf8proc_map((const utf8proc_uint8_t *)w,
	                                   (utf8proc_ssize_t)n, &f,
	                                   UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
	if (fl > 0 && fl <= MAX_WORD && pool_len + (size_t)fl <= POOL_SIZE &&
	    nwords < SLOTS / 2) {
		uint64_t h = XXH3_64bits_withSeed(f, (size_t)fl, lang);
		struct entry *e = find(lang, (const char *)f, (size_t)fl, h);
		if (!e->len) {
			memcpy(pool + pool_len, f, (size_t)fl);
			*e = (struct entry){h, (uint32_t)pool_len, (uint16_t)fl,
			                    (uint8_t)lang};
			pool_len += (size_t)fl;
			nwords++;
		}
	}
	free(f);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Adds each word of a list file (data, len bytes) to lang's list. */
static void add_list(unsigned lang, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *hash = memchr(p, '#', (size_t)(eol - p));
		const char *a = p, *b = hash ? hash : eol;
		while (a < b && is_blank(*a))
			a++;
		while (b > a && is_blank(b[-1]))
			b--;
		if (b > a)
			add_word(lang, a, (size_t)(b - a));
		p = eol + 1;
	}
}

/* Loads every embedded "stop-LANG.txt". */
static void load(void)
{
	for (const struct ue_builtin_file *f = ue_builtin_files; f->name; f++) {
		size_t n = strlen(f->name);
		char code[4];
		if (n < 11 || n > 12 || strncmp(f->name, "stop-", 5) != 0 ||
		    strcmp(f->name + n - 4, ".txt") != 0)
			continue;
		char tag[4] = "";
		memcpy(tag, f->name + 5, n - 9);
		if (!lang_code(tag, code) || nlangs == MAX_LANGS)
			continue;
		int li = lang_index(code);
		if (li < 0) {
			li = (int)nlangs++;
			memcpy(langs[li], code, sizeof code);
		}
		add_list((unsigned)li, f->data, f->len);
	}
}

int ue_stopword(const char *lang, const char *form, size_t len)
{
	char code[4];
	if (!form || !len || len > MAX_WORD || !lang_code(lang, code))
		return 0;
	pthread_once(&once, load);
	int li = lang_index(code);
	if (li < 0)
		return 0;
	uint64_t h = XXH3_64bits_withSeed(form, len, (uint64_t)li);
	return find((unsigned)li, form, len, h)->len != 0;
}
