/*
 * docset.h - every document's metadata in memory, grouped by text, for
 * the stages that work on texts but report on documents.
 */
#ifndef UE_DOCSET_H
#define UE_DOCSET_H

#include "store/store.h"

struct ue_docset {
	struct ue_doc_meta *doc;   /* in doc order */
	size_t n;
	int64_t *text;             /* distinct text ids, ascending */
	size_t ntext;
	uint32_t *by_text;         /* doc indices grouped by text */
	uint32_t *at;              /* ntext + 1 offsets into by_text */
};

ue_status ue_docset_load(struct ue_docset *ds, struct ue_store *s);
void ue_docset_release(struct ue_docset *ds);

/* The index of text id in ds->text, or (size_t)-1. */
size_t ue_docset_text(const struct ue_docset *ds, int64_t id);

/* The documents of text index t: ds->by_text[ds->at[t] .. ds->at[t+1]). */

#endif
