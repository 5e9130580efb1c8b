/*
 * reuse_list.h - listing the reuse between documents (`unecho reuse`).
 */
#ifndef UE_REUSE_LIST_H
#define UE_REUSE_LIST_H

#include "store/store.h"

/*
 * One JSON row per pair of documents sharing passages (field names in
 * docs/schema.md): every pair, or those of the document with id doc_id.
 * Pairs within one outlet are left out unless same_outlet.  Each passage
 * tells how much of it is quoted in both texts; a pair whose passages are
 * mostly shared quotations is of kind "quotation", any other "copy".  kind,
 * when not NULL, lists only pairs of that kind (UE_EINVAL for another
 * word).
 */
ue_status ue_reuse_list(struct ue_store *s, const char *doc_id,
                        int same_outlet, const char *kind, ue_row_fn fn,
                        void *ctx);

#endif
