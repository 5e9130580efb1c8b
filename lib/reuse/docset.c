/* docset.c - documents grouped by text; see docset.h. */
#include "reuse/docset.h"

#include <stdlib.h>
#include <string.h>

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

size_t ue_docset_text(const struct ue_docset *ds, int64_t id)
{
	size_t lo = 0, hi = ds->ntext;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ds->text[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ds->ntext && ds->text[lo] == id ? lo : (size_t)-1;
}

ue_status ue_docset_load(struct ue_docset *ds, struct ue_store *s)
{
	memset(ds, 0, sizeof *ds);
	ue_status err = ue_store_doc_metas(s, &ds->doc, &ds->n);
	if (err)
		return err;
	ds->text = malloc((ds->n + 1) * sizeof *ds->text);
	ds->by_text = malloc((ds->n + 1) * sizeof *ds->by_text);
	ds->at = calloc(ds->n + 2, sizeof *ds->at);
	if (!ds->text || !ds->by_text || !ds->at) {
		ue_docset_release(ds);
		return UE_ENOMEM;
	}
	for (size_t i = 0; i < ds->n; i++)
		ds->text[i] = ds->doc[i].text;
	if (ds->n > 1)
		qsort(ds->text, ds->n, sizeof *ds->text, cmp_i64);
	for (size_t i = 0; i < ds->n; i++)
		if (ds->ntext == 0 || ds->text[ds->ntext - 1] != ds->text[i])
			ds->text[ds->ntext++] = ds->text[i];
	for (size_t i = 0; i < ds->n; i++)
		ds->at[ue_docset_text(ds, ds->doc[i].text) + 1]++;
	for (size_t t = 0; t < ds->ntext; t++)
		ds->at[t + 1] += ds->at[t];
	uint32_t *fill = calloc(ds->ntext + 1, sizeof *fill);
	if (!fill) {
		ue_docset_release(ds);
		return UE_ENOMEM;
	}
	for (size_t i = 0; i < ds->n; i++) {
		size_t t = ue_docset_text(ds, ds->doc[i].text);
		ds->by_text[ds->at[t] + fill[t]++] = (uint32_t)i;
	}
	free(fill);
	return UE_OK;
}

void ue_docset_release(struct ue_docset *ds)
{
	ue_doc_metas_free(ds->doc, ds->n);
	free(ds->text);
	free(ds->by_text);
	free(ds->at);
	memset(ds, 0, sizeof *ds);
}
