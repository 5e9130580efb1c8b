/*
 * cluster.h - grouping documents into stories (SPEC §4.3): single-pass
 * clustering of weighted term vectors in time order, then one round of
 * reassignment to the finished centroids to undo the order's accidents.
 *
 * A document joins the story whose centroid is most similar (cosine) if
 * the similarity reaches the threshold and its time falls within the
 * window around the story's first and last documents; otherwise it
 * starts a story of its own.  A story can thus span days or weeks as
 * long as its coverage keeps going, while two events with shared
 * vocabulary far apart in time stay apart.  Undated documents are
 * judged on content alone.  Candidate stories are found through the
 * document's heaviest rare terms: among the latest stories having each,
 * the dozen sharing the most are compared in full.
 */
#ifndef UE_CLUSTER_H
#define UE_CLUSTER_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

/* One weighted term; vectors are sorted by hash and L2-normalised. */
struct ue_wterm {
	uint64_t hash;
	double w;
};

struct ue_cluster_doc {
	const struct ue_wterm *t;
	size_t n;
	int64_t ts;           /* seconds; valid when dated */
	int dated;
};

struct ue_cluster_params {
	double threshold;     /* cosine to join a story [0.2] */
	double window_days;   /* time window around a story [7] */
	unsigned probe_terms; /* heaviest terms used to find stories [10] */
	unsigned max_df;      /* terms in more documents don't probe [0: 5%,
	                         at least 50] */
};

void ue_cluster_params_default(struct ue_cluster_params *p);

/*
 * Clusters n documents: story[i] receives the story of document i,
 * numbered 0.. in order of their earliest document; *nstories their
 * count.  Deterministic for the same input.
 */
ue_status ue_cluster(const struct ue_cluster_doc *doc, size_t n,
                     const struct ue_cluster_params *p, uint32_t *story,
                     size_t *nstories);

/* The cosine of two sorted, normalised vectors. */
double ue_wterm_cosine(const struct ue_wterm *a, size_t na,
                       const struct ue_wterm *b, size_t nb);

#endif
