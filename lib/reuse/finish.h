/*
 * finish.h - the document-level results of the reuse stage: for each
 * document, the passages it took from earlier documents of other outlets
 * (through its text's stored pairs and its exact duplicates), its reuse
 * fraction, class and sources; and the near-duplicate groups.
 */
#ifndef UE_FINISH_H
#define UE_FINISH_H

#include "reuse/docset.h"
#include "reuse/reuse.h"

/*
 * Recomputes and stores the results of the documents of every text i
 * with affected[i] set (text indices of ds), reading all stored pairs
 * once; content_tokens[i] is text i's count of content tokens.  Every
 * document's near-duplicate group is refreshed.  *updated receives the
 * number of documents whose results were written.
 */
ue_status ue_reuse_finish(struct ue_store *s, const struct ue_docset *ds,
                          const uint32_t *content_tokens,
                          const unsigned char *affected,
                          const struct ue_reuse_params *p,
                          uint64_t *updated);

#endif
