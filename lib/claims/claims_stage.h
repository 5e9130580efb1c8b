/*
 * claims_stage.h - the claims stage of `unecho analyze` (SPEC §4.4, §4.5):
 * the mentions found by the per-text pass are clustered into claims
 * (claim.h); each report of a claim gets its origin; and each claim and
 * story gets its echo figures (echo.h).
 *
 * The origin of a mention, in order:
 *  1. its attributed source, when it names a known origin of the
 *     gazetteer (the origins registry: "South Korea's spy agency" is
 *     kr-nis); a pronoun or description ("he", "the agency") counts
 *     through the named source it refers to;
 *  2. an unknown named source: a person or organisation becomes an origin
 *     of its own, keyed by its name;
 *  3. the origin of the same claim in a document this one copied from
 *     (the reuse stage's sources, followed back along chains);
 *  4. an anonymous source ("officials said"): an origin of its own for
 *     each outlet that cites it;
 *  5. otherwise the outlet's own reporting.
 *
 * Only claims reported by at least two documents are kept (min_reports):
 * a statement made once is no echo, and a large corpus has hundreds of
 * thousands of them.  The stage runs again whenever documents, stories, reuse results or the
 * gazetteer changed.
 */
#ifndef UE_CLAIMS_STAGE_H
#define UE_CLAIMS_STAGE_H

#include "claims/claim.h"
#include "store/store.h"

struct ue_claims_summary {
	uint64_t mentions, claims, origins;
};

ue_status ue_claims_run(struct ue_store *s, const struct ue_claim_params *p,
                        struct ue_claims_summary *sum);

#endif
