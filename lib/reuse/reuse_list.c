/* reuse_list.c - the document pairs of `unecho reuse`: stored text pairs
 * and exact duplicates, seen from their documents. */
#include "reuse/reuse_list.h"

#include <jansson.h>
#include <string.h>

#include "common/json.h"
#include "reuse/docset.h"
#include "reuse/reuse.h"
#include "text/quotes.h"

/* A passage is a shared quotation when at least this share of it lies
 * inside quotation marks in both texts; a pair is of kind "quotation"
 * when shared quotations make up at least this share of its passages'
 * bytes in the copy. */
#define QUOTATION_SHARE 0.5

/* The quotations of one stored text, kept while its pairs are listed. */
struct text_quotes {
	int64_t text;
	struct ue_quotes q;
};

struct lister {
	const struct ue_docset *ds;
	int same_outlet;
	int kind;          /* list only this kind of pair; -1: any */
	int64_t only;      /* list pairs of this doc only; 0: all */
	struct ue_store_reader *rd;
	struct text_quotes tq[2];
	ue_row_fn fn;
	void *ctx;
	ue_status error;
};

static const char *const kind_names[] = {"copy", "quotation"};

/* The quotations of text, in one of the lister's two slots. */
static ue_status quotes_of(struct lister *l, int64_t text, int slot,
                           const struct ue_quotes **out)
{
	struct text_quotes *t = &l->tq[slot];
	if (t->text != text) {
		const char *data, *lang;
		size_t len;
		ue_status e = ue_store_reader_text(l->rd, text, &data, &len, &lang);
		if (!e)
			e = ue_quotes_find(data, len, UE_QUOTES_SINGLE, &t->q);
		t->text = e ? 0 : text;
		if (e)
			return e;
	}
	*out = &t->q;
	return UE_OK;
}

/* Share of [start, end) inside quotation marks. */
static double quoted(const struct ue_quotes *q, uint32_t start, uint32_t end)
{
	if (!q || end <= start)
		return 0;
	return (double)ue_quotes_overlap(q, start, end) / (double)(end - start);
}

/* Bytes of a pair's passages in the copy: all, and in shared quotations. */
struct quoted_bytes {
	size_t all, quoted;
};

/* One passage, counted in *qb. */
static json_t *passage(uint32_t ss, uint32_t se, uint32_t cs, uint32_t ce,
                       double score, const struct ue_quotes *sq,
                       const struct ue_quotes *cq, struct quoted_bytes *qb)
{
	double qs = quoted(sq, ss, se), qc = quoted(cq, cs, ce);
	double share = qs < qc ? qs : qc;
	qb->all += ce - cs;
	if (share >= QUOTATION_SHARE)
		qb->quoted += ce - cs;
	json_t *o = json_object();
	json_object_set_new(o, "source_start", json_integer(ss));
	json_object_set_new(o, "source_end", json_integer(se));
	json_object_set_new(o, "copy_start", json_integer(cs));
	json_object_set_new(o, "copy_end", json_integer(ce));
	json_object_set_new(o, "score", json_real(score));
	json_object_set_new(o, "quoted", json_real(share));
	return o;
}

/* Emits documents a (of the pair's a side) and b as source and copy;
 * qa and qb are the quotations of their texts (NULL for the same text). */
static int emit(struct lister *l, const struct ue_doc_meta *a,
                const struct ue_doc_meta *b, const struct ue_text_pair *pair,
                const struct ue_quotes *qa, const struct ue_quotes *qb)
{
	if (l->only && a->doc != l->only && b->doc != l->only)
		return 0;
	if (!l->same_outlet && a->outlet && a->outlet == b->outlet)
		return 0;
	const char *why;
	int flip = ue_reuse_direction(a, b, &why) < 0;
	const struct ue_doc_meta *src = flip ? b : a, *cp = flip ? a : b;
	json_t *o = json_object();
	json_object_set_new(o, "source", json_string(src->name));
	json_object_set_new(o, "copy", json_string(cp->name));
	json_object_set_new(o, "source_outlet", json_string(src->outlet_name));
	json_object_set_new(o, "copy_outlet", json_string(cp->outlet_name));
	json_object_set_new(o, "direction", json_string(why));
	json_t *ps = json_array();
	struct quoted_bytes qbytes = {0, 0};
	if (pair) {
		double ca = pair->a_coverage, cb = pair->b_coverage;
		json_object_set_new(o, "source_coverage", json_real(flip ? cb : ca));
		json_object_set_new(o, "copy_coverage", json_real(flip ? ca : cb));
		for (size_t i = 0; i < pair->n; i++) {
			const struct ue_store_passage *p = &pair->p[i];
			json_array_append_new(ps, flip
			        ? passage(p->b_start, p->b_end, p->a_start, p->a_end,
			                  p->score, qb, qa, &qbytes)
			        : passage(p->a_start, p->a_end, p->b_start, p->b_end,
			                  p->score, qa, qb, &qbytes));
		}
	} else {   /* the same text */
		json_object_set_new(o, "source_coverage", json_real(1.0));
		json_object_set_new(o, "copy_coverage", json_real(1.0));
		json_array_append_new(ps, passage(0, (uint32_t)src->bytes, 0,
		                                  (uint32_t)cp->bytes, 1.0, NULL,
		                                  NULL, &qbytes));
	}
	int quotation = qbytes.quoted > 0 &&
	                qbytes.quoted >= QUOTATION_SHARE * (double)qbytes.all;
	if (l->kind >= 0 && l->kind != quotation) {
		json_decref(o);
		json_decref(ps);
		return 0;
	}
	json_object_set_new(o, "passages", ps);
	json_object_set_new(o, "kind", json_string(kind_names[quotation]));
	json_object_set_new(o, "exact", json_boolean(!pair));
	ue_status e = ue_json_emit(o, l->fn, l->ctx);
	if (e) {
		l->error = e;
		return 1;
	}
	return 0;
}

static int each_pair(void *ctx, const struct ue_text_pair *pair)
{
	struct lister *l = ctx;
	const struct ue_docset *ds = l->ds;
	size_t a = ue_docset_text(ds, pair->a), b = ue_docset_text(ds, pair->b);
	if (a == (size_t)-1 || b == (size_t)-1)
		return 0;
	const struct ue_quotes *qa = NULL, *qb = NULL;
	for (uint32_t i = ds->at[a]; i < ds->at[a + 1]; i++)
		for (uint32_t j = ds->at[b]; j < ds->at[b + 1]; j++) {
			const struct ue_doc_meta *x = &ds->doc[ds->by_text[i]];
			const struct ue_doc_meta *y = &ds->doc[ds->by_text[j]];
			if (!qa && ((l->error = quotes_of(l, pair->a, 0, &qa)) ||
			            (l->error = quotes_of(l, pair->b, 1, &qb))))
				return 1;
			if (emit(l, x, y, pair, qa, qb))
				return 1;
		}
	return 0;
}

/* The publications of one text, pairwise. */
static int same_text(struct lister *l, size_t t)
{
	const struct ue_docset *ds = l->ds;
	for (uint32_t i = ds->at[t]; i < ds->at[t + 1]; i++)
		for (uint32_t j = i + 1; j < ds->at[t + 1]; j++)
			if (emit(l, &ds->doc[ds->by_text[i]],
			         &ds->doc[ds->by_text[j]], NULL, NULL, NULL))
				return 1;
	return 0;
}

ue_status ue_reuse_list(struct ue_store *s, const char *doc_id,
                        int same_outlet, const char *kind, ue_row_fn fn,
                        void *ctx)
{
	struct lister l = {.same_outlet = same_outlet, .kind = -1, .fn = fn,
	                   .ctx = ctx};
	if (kind) {
		for (int k = 0; k < 2; k++)
			if (!strcmp(kind, kind_names[k]))
				l.kind = k;
		if (l.kind < 0) {
			ue_store_set_error(s, "unknown kind of reuse '%s' (copy or "
			                   "quotation)", kind);
			return UE_EINVAL;
		}
	}
	struct ue_docset ds;
	ue_status err = ue_docset_load(&ds, s);
	if (err)
		return err;
	if ((err = ue_store_reader_open(s, &l.rd))) {
		ue_docset_release(&ds);
		return err;
	}
	ue_quotes_init(&l.tq[0].q);
	ue_quotes_init(&l.tq[1].q);
	l.ds = &ds;
	int64_t text = 0;
	if (doc_id) {
		for (size_t i = 0; i < ds.n && !l.only; i++)
			if (strcmp(ds.doc[i].name, doc_id) == 0) {
				l.only = ds.doc[i].doc;
				text = ds.doc[i].text;
			}
		if (!l.only) {
			ue_store_set_error(s, "no document '%s'", doc_id);
			ue_docset_release(&ds);
			return UE_ENOTFOUND;
		}
	}
	for (size_t t = 0; t < ds.ntext && !l.error; t++)
		if ((!text || ds.text[t] == text) && same_text(&l, t))
			break;
	if (!l.error)
		err = ue_store_text_pairs(s, text, each_pair, &l);
	if (l.error)
		err = l.error;
	ue_quotes_release(&l.tq[0].q);
	ue_quotes_release(&l.tq[1].q);
	ue_store_reader_free(l.rd);
	ue_docset_release(&ds);
	return err;
}
