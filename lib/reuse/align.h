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
	unsigned k;            /* content tokens per shingle [2] */
	unsigned max_gap;      /* content tokens between chained seeds [20] */
	unsigned min_seeds;    /* seeds for a passage [3] */
	unsigned min_tokens;   /* content tokens in a passage, each side [6] */
	unsigned max_repeat;   /* skip shingles repeated more in a text [4] */
	unsigned fill_gap;     /* passages bridge gaps this short [4] */
	unsigned min_run;      /* content tokens of a chain's longest run [5] */
	unsigned min_evidence; /* matched content tokens in a pair's best
	                          passage [12], unless ... */
	double min_cover;      /* ... its passages cover this share of the
	                          shorter text [0.1] */
};

void ue_align_params_default(struct ue_align_params *p);

/* A text prepared for alignment: its content tokens (hashes of their
 * forms and byte spans) and its shingles.  Self-contained, so that the
 * tokens themselves need not be kept. */
struct ue_seq {
	uint32_t *hash;       /* content token form hashes */
	uint32_t *start;      /* byte span of each content token */
	uint32_t *end;
	uint64_t *shingle;    /* hash of the k tokens from each position */
	size_t n;             /* content tokens */
	size_t nshingles;     /* n - k + 1, or 0 */
	size_t alloc;
	unsigned k;
};

/* Folds token hash x into shingle hash h (order matters). */
uint64_t ue_shingle_mix(uint64_t h, uint64_t x);

void ue_seq_init(struct ue_seq *s);
void ue_seq_release(struct ue_seq *s);
/* Writes the hash of each run of k of the n token hashes to out (room
 * for n); returns how many, 0 when n < k. */
size_t ue_seq_shingles(const uint32_t *hash, size_t n, unsigned k,
                       uint64_t *out);

/* Prepares s from the tokens of a text, with k-token shingles. */
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
