/* gazetteer.c - known origins by name; see gazetteer.h. */
#include "claims/gazetteer.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Folded text longer than this is looked up in its first part only. */
#define MAX_SPAN 1024

struct alias {
	char *folded;
	size_t len;
	uint32_t origin;
	int hangul_end;       /* may be followed by a particle */
};

/* Aliases bucketed by their first two folded bytes. */
struct ue_gazetteer {
	struct alias *a;
	size_t n, alloc;
	uint32_t *bucket_at;  /* 65537 offsets into order, built lazily */
	uint32_t *order;
	int built;
};

/* Case-folds s into a malloc'd string (*len bytes); NULL on failure. */
static char *fold(const char *s, size_t n, size_t *len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s,
	        (utf8proc_ssize_t)n, &out,
	        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (r < 0) {
		free(out);
		return NULL;
	}
	*len = (size_t)r;
	return (char *)out;
}

ue_status ue_gazetteer_new(struct ue_gazetteer **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? UE_OK : UE_ENOMEM;
}

void ue_gazetteer_free(struct ue_gazetteer *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++)
		free(g->a[i].folded);
	free(g->a);
	free(g->bucket_at);
	free(g->order);
	free(g);
}

static int ends_in_hangul(const char *s, size_t len)
{
	/* Hangul syllables U+AC00..U+D7A3: EA B0 80 .. ED 9E A3. */
	if (len < 3)
		return 0;
	const unsigned char *p = (const unsigned char *)s + len - 3;
	return (p[0] >= 0xEA && p[0] <= 0xED) && (p[1] & 0xC0) == 0x80 &&
	       (p[2] & 0xC0) == 0x80;
}

ue_status ue_gazetteer_add(struct ue_gazetteer *g, const char *alias,
                           uint32_t origin)
{
	size_t len;
	char *f = fold(alias, strlen(alias), &len);
	if (!f)
		return UE_ENOMEM;
	if (len < 2) {
		free(f);
		return UE_OK;
	}
	if (g->n == g->alloc) {
		size_t na = g->alloc ? g->alloc * 2 : 256;
		struct alias *p = realloc(g->a, na * sizeof *p);
		if (!p) {
			free(f);
			return UE_ENOMEM;
		}
		g->a = p;
		g->alloc = na;
	}
	g->a[g->n++] = (struct alias){f, len, origin, ends_in_hangul(f, len)};
	g->built = 0;
	return UE_OK;
}

static unsigned key2(const char *s)
{
	return (unsigned)(unsigned char)s[0] << 8 | (unsigned char)s[1];
}

static ue_status build(struct ue_gazetteer *g)
{
	free(g->bucket_at);
	free(g->order);
	g->bucket_at = calloc(65537, sizeof *g->bucket_at);
	g->order = malloc((g->n + 1) * sizeof *g->order);
	if (!g->bucket_at || !g->order)
		return UE_ENOMEM;
	for (size_t i = 0; i < g->n; i++)
		g->bucket_at[key2(g->a[i].folded) + 1]++;
	for (size_t k = 0; k < 65536; k++)
		g->bucket_at[k + 1] += g->bucket_at[k];
	uint32_t *fill = malloc(65536 * sizeof *fill);
	if (!fill)
		return UE_ENOMEM;
	memcpy(fill, g->bucket_at, 65536 * sizeof *fill);
	for (size_t i = 0; i < g->n; i++)
		g->order[fill[key2(g->a[i].folded)]++] = (uint32_t)i;
	free(fill);
	g->built = 1;
	return UE_OK;
}

/* Whether the character that ends just before f[i] (or begins at f[i])
 * is a letter or digit: word boundaries in any script. */
static int is_alnum_cp(utf8proc_int32_t c)
{
	utf8proc_category_t k = utf8proc_category(c);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
	       (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME) ||
	       (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO);
}

static int alnum_before(const char *f, size_t i)
{
	if (i == 0)
		return 0;
	size_t j = i - 1;
	while (j > 0 && ((unsigned char)f[j] & 0xC0) == 0x80)
		j--;
	utf8proc_int32_t c;
	if (utf8proc_iterate((const utf8proc_uint8_t *)f + j,
	                     (utf8proc_ssize_t)(i - j), &c) < 0)
		return 0;
	return is_alnum_cp(c);
}

static int alnum_at(const char *f, size_t i, size_t len)
{
	utf8proc_int32_t c;
	if (i >= len || utf8proc_iterate((const utf8proc_uint8_t *)f + i,
	                                 (utf8proc_ssize_t)(len - i), &c) < 0)
		return 0;
	return is_alnum_cp(c);
}

ue_status ue_gazetteer_ready(struct ue_gazetteer *g)
{
	return build(g);
}

uint32_t ue_gazetteer_find(const struct ue_gazetteer *g, const char *text,
                           size_t len)
{
	if (!g->built)
		return UE_GAZ_NONE;
	size_t flen;
	char *f = fold(text, len < MAX_SPAN ? len : MAX_SPAN, &flen);
	if (!f)
		return UE_GAZ_NONE;
	uint32_t best = UE_GAZ_NONE;
	size_t best_len = 0;
	for (size_t i = 0; i + 1 < flen; i++) {
		if (((unsigned char)f[i] & 0xC0) == 0x80 || alnum_before(f, i))
			continue;     /* not the start of a word */
		unsigned k = key2(f + i);
		for (uint32_t j = g->bucket_at[k]; j < g->bucket_at[k + 1]; j++) {
			const struct alias *a = &g->a[g->order[j]];
			if (a->len <= best_len || a->len > flen - i ||
			    memcmp(f + i, a->folded, a->len) != 0)
				continue;
			size_t e = i + a->len;
			if (alnum_at(f, e, flen) && !a->hangul_end)
				continue;
			best = a->origin;
			best_len = a->len;
		}
	}
	free(f);
	return best;
}
