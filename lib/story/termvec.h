/*
 * termvec.h - a text's characteristic terms: its most frequent content
 * words (stemmed forms, stop words and numbers left out) with their
 * counts and one surface form each, for story clustering and labels.
 * Stored as a compact blob so that stories can be recomputed without
 * tokenising again.
 */
#ifndef UE_TERMVEC_H
#define UE_TERMVEC_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

struct ue_tokens;

struct ue_term {
	uint64_t hash;        /* of the stemmed, case-folded form */
	uint32_t count;       /* occurrences in the text */
	uint32_t word;        /* offset of its surface form in words */
};

struct ue_termvec {
	struct ue_term *term;  /* by count descending, then hash (see
	                          ue_termvec_add) */
	size_t n, alloc;
	char *words;           /* surface forms (lower case), NUL-separated */
	size_t words_len, words_alloc;
};

void ue_termvec_init(struct ue_termvec *v);
void ue_termvec_release(struct ue_termvec *v);

static inline const char *ue_term_word(const struct ue_termvec *v, size_t i)
{
	return v->words + v->term[i].word;
}

/* Replaces v with the max_terms most frequent content terms of the
 * tokens of text (the text they were made from). */
ue_status ue_termvec_build(struct ue_termvec *v, const char *text,
                           const struct ue_tokens *tokens, size_t max_terms);

/* Adds a term (an entity, say) with its count and word; if the hash is
 * there already its count grows.  The order by count is then no longer
 * kept. */
ue_status ue_termvec_add(struct ue_termvec *v, uint64_t hash, uint32_t count,
                         const char *word);

/* Serialises v into a blob (*out to free()). */
ue_status ue_termvec_pack(const struct ue_termvec *v, unsigned char **out,
                          size_t *len);
/* Replaces v with a blob made by ue_termvec_pack; UE_EFORMAT if it is
 * not one. */
ue_status ue_termvec_unpack(struct ue_termvec *v, const unsigned char *blob,
                            size_t len);

#endif
