/*
 * claim.h - clustering claim mentions into claims (SPEC §4.4): the same
 * assertion made in different documents, across paraphrase.
 *
 * Two mentions state the same claim when their polarity agrees and their
 * similarity reaches the threshold:
 *
 *   similarity = w_entity   * containment of their entity sets
 *              + w_quantity * [their quantities agree]
 *              + w_terms    * containment of their content terms
 *
 * (containment = shared / smaller set; an empty set shares nothing).
 * Quantities agree when a pair of them has overlapping ranges and the same
 * object class, or one of them has no object; two quantities of the same
 * object class whose ranges do not overlap ("10,000 troops" against
 * "12,000 troops") make the mentions different claims whatever else they
 * share.  "Pyongyang dispatched some 12,000 soldiers" and "North Korea has
 * sent around 12,000 troops" share their entity (through the aliases) and
 * their quantity (soldiers and troops are one class): 0.4 + 0.4 = 0.8.
 *
 * Mentions are taken in time order; each joins the claim whose first or
 * latest mention is most similar (if within the time window), or starts
 * a new claim.  Candidate claims are those sharing one of the mention's
 * four rarest keys (entities, quantity values, content terms), among the
 * latest claims holding that key; the eight sharing the most keys are
 * compared.
 */
#ifndef UE_CLAIM_H
#define UE_CLAIM_H

#include <stddef.h>
#include <stdint.h>
#include "claims/mention.h"

struct ue_claim_params {
	double threshold;      /* similarity to join a claim [0.5] */
	double w_entity;       /* [0.4] */
	double w_quantity;     /* [0.4] */
	double w_terms;        /* [0.35] */
	double window_days;    /* time window around a claim [30] */
	unsigned max_df;       /* keys in more mentions don't find
	                          candidates [0: 2000] */
	unsigned min_reports;  /* documents reporting a claim for it to be
	                          kept [2]: a statement made once is no echo */
};

void ue_claim_params_default(struct ue_claim_params *p);

/* One mention to cluster, with when its document appeared. */
struct ue_claim_item {
	const struct ue_mention *m;
	int64_t ts;            /* valid when dated */
	int dated;
};

/* The similarity of two mentions (0 when their polarities differ or
 * their quantities conflict). */
double ue_claim_similarity(const struct ue_claim_params *p,
                           const struct ue_mention *a,
                           const struct ue_mention *b);

/* Clusters n mentions: claim[i] receives the claim of mention i,
 * numbered 0.. by earliest mention; *nclaims their count. */
ue_status ue_claims_cluster(const struct ue_claim_item *item, size_t n,
                            const struct ue_claim_params *p,
                            uint32_t *claim, size_t *nclaims);

#endif
