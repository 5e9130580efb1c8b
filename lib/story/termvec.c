/* termvec.c - a text's characteristic terms; see termvec.h. */
#include "story/termvec.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common/bytes.h"
#include "text/token.h"

/* Surface forms longer than this are cut (at a character boundary). */
#define MAX_WORD 48

void ue_termvec_init(struct ue_termvec *v)
{
	memset(v, 0, sizeof *v);
}

void ue_termvec_release(struct ue_termvec *v)
{
	free(v->term);
	free(v->words);
	ue_termvec_init(v);
}

static int is_content(const struct ue_token *t)
{
	return !(t->flags & (UE_TOK_STOP | UE_TOK_NUMBER)) && t->form_len > 1;
}

static int by_count(const void *a, const void *b)
{
	const struct ue_term *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* Makes room in v->words for a word of len bytes and its NUL. */
static ue_status reserve_words(struct ue_termvec *v, size_t len)
{
	if (v->words_len + len + 1 <= v->words_alloc)
		return UE_OK;
	size_t n = v->words_alloc ? v->words_alloc * 2 : 1024;
	while (n < v->words_len + len + 1)
		n *= 2;
	char *p = realloc(v->words, n);
	if (!p)
		return UE_ENOMEM;
	v->words = p;
	v->words_alloc = n;
	return UE_OK;
}

/* Appends the surface form of text[start, end) to v->words: ASCII
 * letters lowered unless the word is all capitals (an acronym). */
static ue_status add_word(struct ue_termvec *v, const char *s, size_t len,
                          uint32_t *at)
{
	if (len > MAX_WORD) {
		len = MAX_WORD;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	ue_status e = reserve_words(v, len);
	if (e)
		return e;
	int acronym = len > 1;
	for (size_t i = 0; i < len && acronym; i++)
		if (islower((unsigned char)s[i]))
			acronym = 0;
	char *out = v->words + v->words_len;
	for (size_t i = 0; i < len; i++)
		out[i] = acronym ? s[i] : (char)tolower((unsigned char)s[i]);
	out[len] = '\0';
	*at = (uint32_t)v->words_len;
	v->words_len += len + 1;
	return UE_OK;
}

ue_status ue_termvec_build(struct ue_termvec *v, const char *text,
                           const struct ue_tokens *tokens, size_t max_terms)
{
	v->n = 0;
	v->words_len = 0;
	size_t cap = 64;
	while (cap < tokens->n * 2)
		cap *= 2;
	/* Open addressing: slot holds term index + 1. */
	uint32_t *slot = calloc(cap, sizeof *slot);
	struct ue_term *all = malloc((tokens->n + 1) * sizeof *all);
	uint32_t *first = malloc((tokens->n + 1) * sizeof *first);
	ue_status e = slot && all && first ? UE_OK : UE_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; !e && i < tokens->n; i++) {
		const struct ue_token *t = &tokens->tok[i];
		if (!is_content(t))
			continue;
		size_t h = (size_t)t->hash & (cap - 1);
		while (slot[h] && all[slot[h] - 1].hash != t->hash)
			h = (h + 1) & (cap - 1);
		if (slot[h]) {
			all[slot[h] - 1].count++;
			continue;
		}
		all[n] = (struct ue_term){t->hash, 1, 0};
		first[n] = (uint32_t)i;
		slot[h] = (uint32_t)++n;
	}
	if (!e) {
		/* Remember each term's first token through its word field
		 * before sorting moves it. */
		for (size_t i = 0; i < n; i++)
			all[i].word = first[i];
		qsort(all, n, sizeof *all, by_count);
		if (n > max_terms)
			n = max_terms;
		if (n > v->alloc) {
			struct ue_term *p = realloc(v->term, n * sizeof *p);
			if (!p)
				e = UE_ENOMEM;
			else {
				v->term = p;
				v->alloc = n;
			}
		}
	}
	for (size_t i = 0; !e && i < n; i++) {
		const struct ue_token *t = &tokens->tok[all[i].word];
		v->term[i] = all[i];
		e = add_word(v, text + t->start, t->end - t->start,
		             &v->term[i].word);
	}
	if (!e)
		v->n = n;
	free(slot);
	free(all);
	free(first);
	return e;
}

ue_status ue_termvec_add(struct ue_termvec *v, uint64_t hash, uint32_t count,
                         const char *word)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->term[i].hash == hash) {
			v->term[i].count += count;
			return UE_OK;
		}
	if (v->n == v->alloc) {
		size_t na = v->alloc ? v->alloc * 2 : 16;
		struct ue_term *p = realloc(v->term, na * sizeof *p);
		if (!p)
			return UE_ENOMEM;
		v->term = p;
		v->alloc = na;
	}
	struct ue_term *t = &v->term[v->n];
	t->hash = hash;
	t->count = count;
	ue_status e = add_word(v, word, strlen(word), &t->word);
	if (!e)
		v->n++;
	return e;
}

/* Blob layout: "TV1", then per term: hash (8 bytes LE), count (4 bytes
 * LE), word length (1 byte), word bytes. */
ue_status ue_termvec_pack(const struct ue_termvec *v, unsigned char **out,
                          size_t *len)
{
	size_t n = 3;
	for (size_t i = 0; i < v->n; i++)
		n += 13 + strlen(ue_term_word(v, i));
	unsigned char *p = malloc(n);
	if (!p)
		return UE_ENOMEM;
	memcpy(p, "TV1", 3);
	size_t at = 3;
	for (size_t i = 0; i < v->n; i++) {
		const char *w = ue_term_word(v, i);
		size_t wl = strlen(w);
		ue_put_le(p + at, v->term[i].hash, 8);
		ue_put_le(p + at + 8, v->term[i].count, 4);
		p[at + 12] = (unsigned char)wl;
		memcpy(p + at + 13, w, wl);
		at += 13 + wl;
	}
	*out = p;
	*len = n;
	return UE_OK;
}

ue_status ue_termvec_unpack(struct ue_termvec *v, const unsigned char *blob,
                            size_t len)
{
	v->n = 0;
	v->words_len = 0;
	if (len < 3 || memcmp(blob, "TV1", 3) != 0)
		return UE_EFORMAT;
	size_t at = 3;
	while (at < len) {
		if (len - at < 13 || len - at - 13 < blob[at + 12])
			return UE_EFORMAT;
		if (v->n == v->alloc) {
			size_t na = v->alloc ? v->alloc * 2 : 64;
			struct ue_term *p = realloc(v->term, na * sizeof *p);
			if (!p)
				return UE_ENOMEM;
			v->term = p;
			v->alloc = na;
		}
		struct ue_term *t = &v->term[v->n];
		t->hash = ue_get_le(blob + at, 8);
		t->count = (uint32_t)ue_get_le(blob + at + 8, 4);
		size_t wl = blob[at + 12];
		ue_status e = reserve_words(v, wl);
		if (e)
			return e;
		memcpy(v->words + v->words_len, blob + at + 13, wl);
		v->words[v->words_len + wl] = '\0';
		t->word = (uint32_t)v->words_len;
		v->words_len += wl + 1;
		v->n++;
		at += 13 + wl;
	}
	return UE_OK;
}
