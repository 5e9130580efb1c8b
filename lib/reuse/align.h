/*
 * align.h - passage-level alignment of two token sequences (SPEC §4.2).
 *
 * Both texts are reduced to their content tokens (stop words and
 * punctuation left out, stemmed forms); each run of k consecutive content
 * tokens is a shingle.  Shingles shared by the two texts are seeds; seeds
 * that follow each other in both texts with small gaps are chained into a
 * passage, so that a passage survives small edits (a changed word, an
 * inserted clause) and reordered paragraphs become separate passages.
 */
#ifndef UE_ALIGN_H
#define UE_ALIGN_H

#include <stddef.h>
#include <stdint.h>
#include "text/token.h"

struct ue_align_params {
	unsigned k;            /* content tokens per shingle [3] */
	unsigned max_gap;      /* content tokens between chained seeds [8] */
	unsigned min_seeds;    /* seeds for a passage [2] */
	unsigned min_tokens;   /* content tokens in a passage, each side [6] */
	unsigned max_repeat;   /* skip shingles repeated more in a text [4] */
};

void ue_align_params_default(struct ue_align_params *p);

/* A document prepared for alignment: its content tokens and shingles. */
struct ue_seq {
	const struct ue_tokens *tok;  /* borrowed */
	uint32_t *content;            /* token index of each content token */
	uint64_t *shingle;            /* shingle hash at each content index */
	size_t n;                     /* content tokens */
	size_t nshingles;             /* n - k + 1, or 0 */
	size_t alloc;
};

void ue_seq_init(struct ue_seq *s);
void ue_seq_release(struct ue_seq *s);
/* Prepares s from tokens (kept borrowed: they must outlive s's use). */
ue_status ue_seq_build(struct ue_seq *s, const struct ue_tokens *tok,
                       unsigned k);

/* A passage found in both texts: byte spans and content-token spans. */
struct ue_passage {
	uint32_t a_start, a_end, b_start, b_end;     /* bytes */
	uint32_t a_first, a_last, b_first, b_last;   /* content tokens */
	uint32_t seeds;
	double score;   /* share of b's passage tokens inside seeds (0..1] */
};

struct ue_passages {
	struct ue_passage *v;
	size_t n, alloc;
};

void ue_passages_release(struct ue_passages *p);

/* Scratch reused between alignments (one per thread). */
struct ue_aligner;
ue_status ue_aligner_new(struct ue_aligner **out);
void ue_aligner_free(struct ue_aligner *al);

/*
 * Finds the passages of b that align with a, in order of b, into out
 * (replacing its contents).  Passages do not overlap in b.
 */
ue_status ue_align(struct ue_aligner *al, const struct ue_seq *a,
                   const struct ue_seq *b, const struct ue_align_params *p,
                   struct ue_passages *out);

#endif
