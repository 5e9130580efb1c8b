/*
 * dissent.h - the documents of each story ranked by how far they diverge
 * from its dominant claim (SPEC §4.6): each document's stance towards the
 * story's most reported claim (stance.h), with the passage that supports
 * it.  Score: the probability of "disagree" less half the probability of
 * "agree".  Whether the document reports a denial within the story is
 * given beside it (claim polarity is a cruder signal than stance).
 */
#ifndef UE_DISSENT_H
#define UE_DISSENT_H

#include "store/store.h"

/* One JSON row per document: {story, doc, outlet, bloc, stance, score,
 * disagree, agree, denies, passage_start, passage_end, passage}, each
 * story's documents by score, most dissenting first. */
ue_status ue_dissent_run(struct ue_store *s, int64_t story, ue_row_fn fn,
                         void *ctx);

#endif
