/*
 * workbench.h - the analyst's workbench inside the library: the computed
 * views of ACH matrices, key assumptions and actor models, and the whole
 * workbench as one JSON value (for the report).  The public functions
 * are in unecho.h; their fields are documented in docs/schema.md.
 */
#ifndef UE_WORKBENCH_H
#define UE_WORKBENCH_H

#include <jansson.h>

#include "store/store.h"

/* Adds to a stored item (ue_store_wb_load) what is computed from it:
 * scores, inflation and sensitivity of a matrix; origins, blocs and flags
 * of an assumption; rankings, gap and flips of an actor model. */
ue_status ue_wb_ach_view(struct ue_store *s, json_t *matrix);
ue_status ue_wb_assumption_view(struct ue_store *s, json_t *assumption);
ue_status ue_wb_actor_view(json_t *actor);

/*
 * The whole workbench: {"ach": [...], "assumptions": [...], "actors":
 * [...]}, every item with its computed view, in id order.  *out is to
 * json_decref; on failure it is NULL and the store's message says why.
 */
ue_status ue_workbench_json(struct ue_store *s, json_t **out);

#endif
