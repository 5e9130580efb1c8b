/*
 * reuse.h - the text reuse stage of SPEC §4.2: who copied whom.
 *
 * Works on distinct texts (exact duplicates are aligned once): each new
 * text is tokenised and sketched (a sample of its shingles); an inverted
 * index over all sketches, with a cap on how many texts a shingle may
 * occur in, proposes candidate texts sharing several rare shingles; each
 * candidate pair is verified by alignment (align.h) and its passages are
 * stored.  Document-level results (direction, reuse fraction and class,
 * near-duplicate groups) are then derived for the documents concerned.
 */
#ifndef UE_REUSE_H
#define UE_REUSE_H

#include "store/store.h"

struct ue_reuse_params {
	unsigned threads;        /* worker threads [2] */
	int same_outlet;         /* count reuse within one outlet [0] */
	unsigned sketch_k;       /* content tokens per sketch shingle [2] */
	unsigned sample;         /* keep 1 shingle in `sample` in sketches [1] */
	unsigned max_df;         /* ignore shingles in more texts [20] */
	unsigned min_shared;     /* shared sketch shingles for a candidate [4];
	                            counted up to 255 */
	size_t cache_bytes;      /* memory for prepared texts kept [2 GB] */
	double wholly;           /* reuse_fraction for "wholly" [0.5] */
	double partially;        /* reuse_fraction for "partially" [0.15] */
	double near_dup;         /* both coverages for near-duplicates [0.8] */
	void (*progress)(void *ctx, const char *phase, uint64_t done,
	                 uint64_t total);
	void *ctx;
};

void ue_reuse_params_default(struct ue_reuse_params *p);

struct ue_reuse_summary {
	uint64_t texts_new, candidates, pairs, docs_updated;
};

/* Runs the stage for everything not yet analysed. */
ue_status ue_reuse_run(struct ue_store *s, const struct ue_reuse_params *p,
                       struct ue_reuse_summary *sum);

/*
 * Which of two documents is the source of the other: 1 when a is the
 * source of b, -1 when b is the source of a, 0 when unknown.  The earlier
 * publication is the source; on equal or missing times a wire service is
 * preferred.  *why, when not NULL, receives "time", "wire" or "unknown".
 */
int ue_reuse_direction(const struct ue_doc_meta *a,
                       const struct ue_doc_meta *b, const char **why);

#endif
