/* finish.c - document-level results of the reuse stage; see finish.h. */
#include "reuse/finish.h"

#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/json.h"

#define MAX_SOURCES 20   /* sources listed per document */

/* A stored pair touching an affected text, kept in memory. */
struct kept {
	uint32_t a, b;                 /* text indices */
	struct ue_store_passage *p;
	size_t n;
};

struct finisher {
	struct ue_store *store;
	const struct ue_docset *ds;
	const uint32_t *content_tokens;
	const unsigned char *affected;
	const struct ue_reuse_params *p;
	struct kept *kept;
	size_t nkept, kept_alloc;
	uint32_t *by_text, *at;        /* kept pairs of each text */
	uint32_t *parent;              /* near-duplicate union-find */
	ue_status error;
};

/* ---- near-duplicate groups ---- */

static uint32_t root(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

static void join(uint32_t *parent, uint32_t a, uint32_t b)
{
	uint32_t ra = root(parent, a), rb = root(parent, b);
	/* The root is the smaller text index: groups are named by it. */
	if (ra < rb)
		parent[rb] = ra;
	else
		parent[ra] = rb;
}

/* ---- reading the pairs ---- */

static int scan_pair(void *ctx, const struct ue_text_pair *pair)
{
	struct finisher *f = ctx;
	size_t a = ue_docset_text(f->ds, pair->a);
	size_t b = ue_docset_text(f->ds, pair->b);
	if (a == (size_t)-1 || b == (size_t)-1)
		return 0;
	if (pair->a_coverage >= f->p->near_dup &&
	    pair->b_coverage >= f->p->near_dup)
		join(f->parent, (uint32_t)a, (uint32_t)b);
	if (!f->affected[a] && !f->affected[b])
		return 0;
	if (f->nkept == f->kept_alloc) {
		size_t n = f->kept_alloc ? f->kept_alloc * 2 : 1024;
		struct kept *v = realloc(f->kept, n * sizeof *v);
		if (!v)
			goto nomem;
		f->kept = v;
		f->kept_alloc = n;
	}
	struct kept *k = &f->kept[f->nkept];
	k->a = (uint32_t)a;
	k->b = (uint32_t)b;
	k->n = pair->n;
	k->p = malloc((pair->n + 1) * sizeof *k->p);
	if (!k->p)
		goto nomem;
	if (pair->n)
		memcpy(k->p, pair->p, pair->n * sizeof *k->p);
	f->nkept++;
	return 0;
nomem:
	f->error = UE_ENOMEM;
	return 1;
}

/* Lists the kept pairs of each text (a pair appears under both). */
static ue_status index_kept(struct finisher *f)
{
	size_t nt = f->ds->ntext;
	f->at = calloc(nt + 2, sizeof *f->at);
	f->by_text = malloc((2 * f->nkept + 1) * sizeof *f->by_text);
	uint32_t *fill = calloc(nt + 1, sizeof *fill);
	if (!f->at || !f->by_text || !fill) {
		free(fill);
		return UE_ENOMEM;
	}
	for (size_t i = 0; i < f->nkept; i++) {
		f->at[f->kept[i].a + 1]++;
		f->at[f->kept[i].b + 1]++;
	}
	for (size_t t = 0; t < nt; t++)
		f->at[t + 1] += f->at[t];
	for (size_t i = 0; i < f->nkept; i++) {
		uint32_t a = f->kept[i].a, b = f->kept[i].b;
		f->by_text[f->at[a] + fill[a]++] = (uint32_t)i;
		f->by_text[f->at[b] + fill[b]++] = (uint32_t)i;
	}
	free(fill);
	return UE_OK;
}

/* ---- one text's documents ---- */

/* A run of content tokens of a document taken from source document src. */
struct interval {
	uint32_t first, last;
	uint32_t src;    /* the source: index into ds->doc */
};

struct doc_acc {
	struct interval *v;
	size_t n, alloc;
};

static int add_interval(struct doc_acc *a, uint32_t f, uint32_t l,
                        uint32_t src)
{
	if (a->n == a->alloc) {
		size_t n = a->alloc ? a->alloc * 2 : 16;
		struct interval *v = realloc(a->v, n * sizeof *v);
		if (!v)
			return -1;
		a->v = v;
		a->alloc = n;
	}
	a->v[a->n++] = (struct interval){f, l, src};
	return 0;
}

static int may_pair(const struct ue_reuse_params *p,
                    const struct ue_doc_meta *a, const struct ue_doc_meta *b)
{
	return p->same_outlet || !a->outlet || a->outlet != b->outlet;
}

/*
 * Adds to acc (one per document of text ti) what they took from the
 * earlier documents of text other: the passages of k (seen from ti), or
 * the whole text when k is NULL (other == ti: exact duplicates).
 */
static int take_from(const struct finisher *f, size_t ti, size_t other,
                     const struct kept *k, struct doc_acc *acc)
{
	const struct ue_docset *ds = f->ds;
	int mine_a = k && k->a == ti;
	uint32_t total = f->content_tokens[ti];
	for (uint32_t i = ds->at[ti]; i < ds->at[ti + 1]; i++) {
		const struct ue_doc_meta *d = &ds->doc[ds->by_text[i]];
		struct doc_acc *a = &acc[i - ds->at[ti]];
		for (uint32_t j = ds->at[other]; j < ds->at[other + 1]; j++) {
			const struct ue_doc_meta *e = &ds->doc[ds->by_text[j]];
			if (e == d || !may_pair(f->p, e, d) ||
			    ue_reuse_direction(e, d, NULL) <= 0)
				continue;
			if (!k) {
				if (total && add_interval(a, 0, total - 1,
				                          ds->by_text[j]))
					return -1;
				continue;
			}
			for (size_t x = 0; x < k->n; x++) {
				const struct ue_store_passage *q = &k->p[x];
				if (add_interval(a, mine_a ? q->a_first : q->b_first,
				                 mine_a ? q->a_last : q->b_last,
				                 ds->by_text[j]))
					return -1;
			}
		}
	}
	return 0;
}

static int by_src_first(const void *x, const void *y)
{
	const struct interval *a = x, *b = y;
	if (a->src != b->src)
		return a->src < b->src ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

static int by_first(const void *x, const void *y)
{
	const struct interval *a = x, *b = y;
	return a->first < b->first ? -1 : a->first > b->first;
}

/* Tokens covered by v[0..n) (sorted by first). */
static uint64_t union_len(const struct interval *v, size_t n)
{
	uint64_t covered = 0;
	uint32_t end = 0;   /* one past the last covered token */
	for (size_t i = 0; i < n; i++) {
		uint32_t f = v[i].first, l = v[i].last + 1;
		if (l <= end)
			continue;
		covered += l - (f > end ? f : end);
		end = l;
	}
	return covered;
}

static double share(uint64_t covered, uint32_t total)
{
	return !total ? 0 : covered >= total ? 1.0 : (double)covered / total;
}

struct source {
	uint32_t src;
	double covered;
};

static int by_covered(const void *x, const void *y)
{
	const struct source *a = x, *b = y;
	if (a->covered != b->covered)
		return a->covered > b->covered ? -1 : 1;
	return a->src < b->src ? -1 : a->src > b->src;
}

/* The document's sources as stored: JSON [{doc, outlet, covered}]. */
static ue_status sources_json(const struct ue_docset *ds, struct doc_acc *a,
                              uint32_t total, struct ue_buf *out)
{
	ue_buf_reset(out);
	if (a->n > 1)
		qsort(a->v, a->n, sizeof *a->v, by_src_first);
	struct source *src = malloc((a->n + 1) * sizeof *src);
	if (!src)
		return UE_ENOMEM;
	size_t ns = 0;
	for (size_t i = 0; i < a->n; ) {
		size_t j = i;
		while (j < a->n && a->v[j].src == a->v[i].src)
			j++;
		src[ns++] = (struct source){a->v[i].src,
		        share(union_len(a->v + i, j - i), total)};
		i = j;
	}
	if (ns > 1)
		qsort(src, ns, sizeof *src, by_covered);
	ue_buf_putc(out, '[');
	for (size_t i = 0; i < ns && i < MAX_SOURCES; i++) {
		const struct ue_doc_meta *m = &ds->doc[src[i].src];
		ue_buf_puts(out, i ? ",{\"doc\":" : "{\"doc\":");
		ue_json_quote(out, m->name);
		ue_buf_puts(out, ",\"outlet\":");
		ue_json_quote(out, m->outlet_name);
		ue_buf_printf(out, ",\"covered\":%.4f}", src[i].covered);
	}
	free(src);
	return ue_buf_putc(out, ']');
}

static const char *reuse_class(const struct ue_reuse_params *p, double f)
{
	return f >= p->wholly ? "wholly" : f >= p->partially ? "partially"
	                                                     : "none";
}

/* Computes and stores the reuse of every document of text ti. */
static ue_status finish_text(struct finisher *f, size_t ti,
                             struct ue_buf *json)
{
	const struct ue_docset *ds = f->ds;
	uint32_t lo = ds->at[ti], hi = ds->at[ti + 1];
	struct doc_acc *acc = calloc(hi - lo + 1, sizeof *acc);
	if (!acc)
		return UE_ENOMEM;
	ue_status err = take_from(f, ti, ti, NULL, acc) ? UE_ENOMEM : UE_OK;
	for (uint32_t x = f->at[ti]; !err && x < f->at[ti + 1]; x++) {
		const struct kept *k = &f->kept[f->by_text[x]];
		size_t other = k->a == ti ? k->b : k->a;
		if (take_from(f, ti, other, k, acc))
			err = UE_ENOMEM;
	}
	uint32_t total = f->content_tokens[ti];
	for (uint32_t i = lo; i < hi && !err; i++) {
		struct doc_acc *a = &acc[i - lo];
		err = sources_json(ds, a, total, json);
		if (a->n > 1)
			qsort(a->v, a->n, sizeof *a->v, by_first);
		double share_ = share(union_len(a->v, a->n), total);
		if (!err)
			err = ue_store_reuse_doc_put(f->store,
			        ds->doc[ds->by_text[i]].doc, share_,
			        reuse_class(f->p, share_), ue_buf_str(json));
	}
	for (uint32_t i = lo; i < hi; i++)
		free(acc[i - lo].v);
	free(acc);
	return err;
}

/* Stores every document's near-duplicate group: the first text of a set
 * of texts joined by pairs that cover most of both sides. */
static ue_status store_groups(struct finisher *f)
{
	const struct ue_docset *ds = f->ds;
	unsigned char *grouped = calloc(ds->ntext + 1, 1);
	if (!grouped)
		return UE_ENOMEM;
	for (size_t t = 0; t < ds->ntext; t++)
		if (root(f->parent, (uint32_t)t) != t)
			grouped[root(f->parent, (uint32_t)t)] = 1;
	ue_status err = UE_OK;
	for (size_t t = 0; t < ds->ntext && !err; t++) {
		uint32_t r = root(f->parent, (uint32_t)t);
		for (uint32_t i = ds->at[t]; i < ds->at[t + 1] && !err; i++)
			err = ue_store_reuse_doc_group(f->store,
			        ds->doc[ds->by_text[i]].doc,
			        grouped[r] ? ds->text[r] : 0);
	}
	free(grouped);
	return err;
}

ue_status ue_reuse_finish(struct ue_store *s, const struct ue_docset *ds,
                          const uint32_t *content_tokens,
                          const unsigned char *affected,
                          const struct ue_reuse_params *p,
                          uint64_t *updated)
{
	struct finisher f = {
		.store = s, .ds = ds, .content_tokens = content_tokens,
		.affected = affected, .p = p,
	};
	*updated = 0;
	f.parent = malloc((ds->ntext + 1) * sizeof *f.parent);
	if (!f.parent)
		return UE_ENOMEM;
	for (size_t t = 0; t < ds->ntext; t++)
		f.parent[t] = (uint32_t)t;
	ue_status err = ue_store_text_pairs(s, 0, scan_pair, &f);
	if (err == UE_ECANCELLED)
		err = f.error;
	if (!err)
		err = index_kept(&f);
	struct ue_buf json = UE_BUF_INIT;
	for (size_t t = 0; t < ds->ntext && !err; t++)
		if (affected[t]) {
			err = finish_text(&f, t, &json);
			*updated += ds->at[t + 1] - ds->at[t];
		}
	if (!err)
		err = store_groups(&f);
	ue_buf_release(&json);
	for (size_t i = 0; i < f.nkept; i++)
		free(f.kept[i].p);
	free(f.kept);
	free(f.by_text);
	free(f.at);
	free(f.parent);
	return err;
}
