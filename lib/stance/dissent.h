/*
 * dissent.h - the documents of each story ranked by how far they diverge
 * from its dominant claim, the story's most reported one (SPEC §4.6):
 *
 *   score = P(disagree) - P(agree)/2          its stance (stance.h)
 *         + 0.1 if it reports a denial within the story
 *         + 0.1 if it gives another figure for what the claim counts
 *               (and never the claim's own)
 *         + 0.1 x the share of its reports in the story that rest on
 *               origins the claim's reports never cite
 *         + 0.05 x P(unrelated)               little overlap with it
 *
 * Stance leads: the other signals are cruder (a denial may be of another
 * charge, another figure may count a part) and mostly order the
 * documents that merely discuss the claim.  Each row has the passage
 * that best supports the stance and the reasons that apply, in words.
 */
#ifndef UE_DISSENT_H
#define UE_DISSENT_H

#include "store/store.h"

/* One JSON row per document: {story, doc, outlet, bloc, stance, score,
 * disagree, agree, unrelated, denies, other_figure, other_origins,
 * reasons, passage_start, passage_end, passage}, each story's documents
 * by score, most dissenting first. */
ue_status ue_dissent_run(struct ue_store *s, int64_t story, ue_row_fn fn,
                         void *ctx);

#endif
