/*
 * framing.h - the words that most distinguish each group's coverage
 * (SPEC §4.6): groups of documents by bloc, outlet or country, each
 * against the rest, or two sets chosen with filters, compared by the
 * log-odds ratio with an informative Dirichlet prior (logodds.h).  Counts
 * are those of each document's characteristic words (its text's 64 most
 * frequent content words, stems with one surface form each, from the
 * per-text pass); the prior is the same counts over the whole corpus.
 */
#ifndef UE_FRAMING_H
#define UE_FRAMING_H

#include "store/store.h"

/* Emits one JSON row per distinctive word of each group: {group, term,
 * z, delta, count, other_count}, groups in name order (a then b with
 * filters), words by z.  UE_EINVAL (with the store's message set) for a
 * bad option. */
ue_status ue_framing_run(struct ue_store *s, const ue_framing_options *o,
                         ue_row_fn fn, void *ctx);

/* The bloc framing of each of n stories (ids), as ue_framing_run gives
 * it for one story with top words per group, in one pass over the
 * corpus; each row also has "story".  Groups by story in the order
 * given, then by name. */
ue_status ue_framing_stories(struct ue_store *s, const int64_t *stories,
                             size_t n, unsigned top, ue_row_fn fn, void *ctx);

#endif
