/*
 * provenance.h - the provenance of a claim: how its reports reached each
 * outlet, as counted edges origin -> intermediary -> outlet.  The
 * intermediary is the outlet of the document a report copied the claim
 * from (its mention's "via"), often a wire; a report with no via came
 * straight from its origin.
 */
#ifndef UE_PROVENANCE_H
#define UE_PROVENANCE_H

#include <jansson.h>

#include "store/store.h"

/* Documents already looked up, by id: {"outlet", "outlet_type", "bloc",
 * "url", "title"}.  Owned by the caller (a JSON object; json_decref). */
typedef json_t provenance_docs;

/* The document's row from the cache, looking it up (with the store)
 * on first use; NULL if there is no such document or on failure (*e). */
const json_t *provenance_doc(struct ue_store *s, provenance_docs *docs,
                             const char *id, ue_status *e);

/* The edges of one claim row (with "origins" and "mentions"), each
 * {"claim", "origin", "origin_name", "origin_kind", "via_outlet",
 * "via_type", "outlet", "outlet_type", "bloc", "reports"} where reports
 * counts distinct documents and via_* are null for direct reports; most
 * reports first, then by names.  Appended to edges. */
ue_status provenance_edges(struct ue_store *s, provenance_docs *docs,
                           const json_t *claim, json_t *edges);

#endif
