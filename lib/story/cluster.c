/* cluster.c - grouping documents into stories; see cluster.h. */
#include "story/cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/order.h"
#include "common/postings.h"

void ue_cluster_params_default(struct ue_cluster_params *p)
{
	p->threshold = 0.2;
	p->window_days = 7;
	p->probe_terms = 10;
	p->max_df = 0;
}

double ue_wterm_cosine(const struct ue_wterm *a, size_t na,
                       const struct ue_wterm *b, size_t nb)
{
	double dot = 0;
	size_t i = 0, j = 0;
	while (i < na && j < nb) {
		if (a[i].hash < b[j].hash)
			i++;
		else if (a[i].hash > b[j].hash)
			j++;
		else
			dot += a[i++].w * b[j++].w;
	}
	return dot;
}

/* Stories looked at per probe term: the latest that have it. */
#define PROBE_DEPTH 64
/* Candidate stories compared in full: those sharing the most probe
 * terms. */
#define COMPARED 12

/* ---- stories: summed member vectors ---- */

struct centroid {
	struct ue_wterm *t;    /* sorted by hash; weights summed */
	size_t n, alloc;
	double norm2;
	int64_t first, last;   /* over dated members */
	int dated;
	uint32_t size;
	uint32_t order;        /* smallest member index */
};

struct state {
	const struct ue_cluster_doc *doc;
	size_t n;
	const struct ue_cluster_params *p;
	struct ue_postings terms;  /* term -> df and the stories having it */
	struct centroid *c;
	size_t nc, c_alloc;
	struct ue_probe probe;
	uint32_t max_df;
	int64_t window;
};

static double centroid_get(const struct centroid *c, uint64_t hash)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->t[mid].hash < hash)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n && c->t[lo].hash == hash ? c->t[lo].w : 0;
}

static double similarity(const struct centroid *c,
                         const struct ue_cluster_doc *d)
{
	if (c->norm2 <= 0)
		return 0;
	double dot = 0;
	for (size_t i = 0; i < d->n; i++)
		dot += d->t[i].w * centroid_get(c, d->t[i].hash);
	return dot / sqrt(c->norm2);
}

static int in_window(const struct state *s, const struct centroid *c,
                     const struct ue_cluster_doc *d)
{
	if (!d->dated || !c->dated)
		return 1;
	return d->ts >= c->first - s->window && d->ts <= c->last + s->window;
}

/* Adds document d (index di) to story ci, merging its terms in. */
static ue_status centroid_add(struct state *s, uint32_t ci, size_t di)
{
	struct centroid *c = &s->c[ci];
	const struct ue_cluster_doc *d = &s->doc[di];
	size_t need = c->n + d->n;
	if (need > c->alloc) {
		struct ue_wterm *p = realloc(c->t, need * sizeof *p);
		if (!p)
			return UE_ENOMEM;
		c->t = p;
		c->alloc = need;
	}
	/* Count the shared terms, then merge from the back in place. */
	size_t shared = 0;
	for (size_t a = 0, b = 0; a < c->n && b < d->n;) {
		if (c->t[a].hash < d->t[b].hash)
			a++;
		else if (c->t[a].hash > d->t[b].hash)
			b++;
		else
			a++, b++, shared++;
	}
	size_t i = c->n, j = d->n, out = c->n + d->n - shared;
	size_t total = out;
	while (j > 0) {
		const struct ue_wterm *x = &d->t[j - 1];
		if (i > 0 && c->t[i - 1].hash > x->hash) {
			c->t[--out] = c->t[--i];
		} else if (i > 0 && c->t[i - 1].hash == x->hash) {
			double old = c->t[i - 1].w;
			c->norm2 += 2 * old * x->w + x->w * x->w;
			c->t[--out] = (struct ue_wterm){x->hash, old + x->w};
			i--;
			j--;
		} else {
			c->norm2 += x->w * x->w;
			c->t[--out] = *x;
			j--;
			struct ue_posting *p;
			ue_status e = ue_postings_get(&s->terms, x->hash, &p);
			if (!e)
				e = ue_posting_add(p, ci);
			if (e)
				return e;
		}
	}
	c->n = total;
	if (d->dated) {
		if (!c->dated || d->ts < c->first)
			c->first = d->ts;
		if (!c->dated || d->ts > c->last)
			c->last = d->ts;
		c->dated = 1;
	}
	if (!c->size || di < c->order)
		c->order = (uint32_t)di;
	c->size++;
	return UE_OK;
}

static ue_status story_new(struct state *s, uint32_t *out)
{
	if (s->nc == s->c_alloc) {
		size_t na = s->c_alloc ? s->c_alloc * 2 : 256;
		struct centroid *p = realloc(s->c, na * sizeof *p);
		if (!p)
			return UE_ENOMEM;
		s->c = p;
		s->c_alloc = na;
	}
	ue_status e = ue_probe_reserve(&s->probe, s->nc + 1);
	if (e)
		return e;
	memset(&s->c[s->nc], 0, sizeof s->c[s->nc]);
	*out = (uint32_t)s->nc++;
	return UE_OK;
}


static int by_weight_desc(const void *a, const void *b)
{
	const struct ue_wterm *x = *(const struct ue_wterm *const *)a;
	const struct ue_wterm *y = *(const struct ue_wterm *const *)b;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* The story most similar to d among those sharing a probe term, if it
 * reaches the threshold; *best = UINT32_MAX otherwise. */
static ue_status best_story(struct state *s, const struct ue_cluster_doc *d,
                            uint32_t *best, double *best_sim)
{
	*best = UINT32_MAX;
	*best_sim = 0;
	const struct ue_wterm *order[64];
	size_t np = d->n < 64 ? d->n : 64;
	for (size_t i = 0; i < np; i++)
		order[i] = &d->t[i];
	if (d->n > 64) {
		/* Weights, not hashes, decide which terms probe. */
		const struct ue_wterm **all = malloc(d->n * sizeof *all);
		if (!all)
			return UE_ENOMEM;
		for (size_t i = 0; i < d->n; i++)
			all[i] = &d->t[i];
		qsort(all, d->n, sizeof *all, by_weight_desc);
		memcpy(order, all, np * sizeof *order);
		free(all);
	} else {
		qsort(order, np, sizeof *order, by_weight_desc);
	}
	/* The stories sharing the most probe terms, among the latest
	 * having each (stories are made in time order: the latest are the
	 * ones in the window), are compared in full. */
	const struct ue_posting *probe[64];
	size_t nprobe = 0;
	for (size_t i = 0; i < np && nprobe < s->p->probe_terms &&
	     nprobe < 64; i++) {
		const struct ue_posting *t = ue_postings_find(&s->terms,
		                                              order[i]->hash);
		if (t && t->df <= s->max_df)
			probe[nprobe++] = t;
	}
	uint32_t cand[COMPARED];
	size_t nc;
	ue_status e = ue_probe_run(&s->probe, probe, nprobe, PROBE_DEPTH,
	                           cand, COMPARED, &nc);
	if (e)
		return e;
	for (size_t i = 0; i < nc; i++) {
		uint32_t ci = cand[i];
		const struct centroid *c = &s->c[ci];
		if (!c->size || !in_window(s, c, d))
			continue;
		double sim = similarity(c, d);
		if (sim > *best_sim || (sim == *best_sim && ci < *best)) {
			*best_sim = sim;
			*best = ci;
		}
	}
	if (*best_sim < s->p->threshold)
		*best = UINT32_MAX;
	return UE_OK;
}

/* Documents in time order (see order.h). */
static ue_status time_order(const struct ue_cluster_doc *doc, size_t n,
                            uint32_t *order)
{
	int64_t *ts = malloc((n ? n : 1) * sizeof *ts);
	unsigned char *dated = malloc(n ? n : 1);
	ue_status e = ts && dated ? UE_OK : UE_ENOMEM;
	for (size_t i = 0; !e && i < n; i++) {
		ts[i] = doc[i].ts;
		dated[i] = (unsigned char)doc[i].dated;
	}
	if (!e)
		e = ue_time_order(ts, dated, n, order);
	free(ts);
	free(dated);
	return e;
}

static void stories_release(struct state *s)
{
	for (size_t i = 0; i < s->nc; i++)
		free(s->c[i].t);
	s->nc = 0;
	ue_postings_release(&s->terms);
}

static ue_status terms_init(struct state *s)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < s->doc[i].n; k++) {
			struct ue_posting *p;
			ue_status e = ue_postings_get(&s->terms,
			                              s->doc[i].t[k].hash, &p);
			if (e)
				return e;
			p->df++;
		}
	return UE_OK;
}

/* One pass: each document (in time order) joins its best story, or
 * starts one.  With fixed (a previous pass's stories), documents are
 * judged against those and the new stories are built afresh. */
static ue_status assign(struct state *s, const uint32_t *order,
                        uint32_t *story)
{
	for (size_t k = 0; k < s->n; k++) {
		size_t di = order[k];
		uint32_t best;
		double sim;
		ue_status e = best_story(s, &s->doc[di], &best, &sim);
		if (!e && best == UINT32_MAX)
			e = story_new(s, &best);
		if (!e)
			e = centroid_add(s, best, di);
		if (e)
			return e;
		story[di] = best;
	}
	return UE_OK;
}

/* Reassigns every document to the most similar story of the first pass,
 * then rebuilds the stories from the new assignment. */
static ue_status refine(struct state *s, const uint32_t *order,
                        uint32_t *story)
{
	uint32_t *next = malloc(s->n * sizeof *next);
	if (!next)
		return UE_ENOMEM;
	ue_status e = UE_OK;
	for (size_t k = 0; k < s->n && !e; k++) {
		size_t di = order[k];
		uint32_t best;
		double sim;
		e = best_story(s, &s->doc[di], &best, &sim);
		next[di] = best == UINT32_MAX ? story[di] : best;
	}
	if (!e) {
		/* Rebuild: the same numbers, so that story[] stays valid. */
		size_t nc = s->nc;
		stories_release(s);
		e = terms_init(s);
		for (size_t i = 0; i < nc && !e; i++) {
			uint32_t ci;
			e = story_new(s, &ci);
		}
		for (size_t k = 0; k < s->n && !e; k++) {
			size_t di = order[k];
			story[di] = next[di];
			e = centroid_add(s, story[di], di);
		}
	}
	free(next);
	return e;
}

/* Numbers the non-empty stories 0.. by their earliest document. */
static ue_status renumber(struct state *s, const uint32_t *order,
                          uint32_t *story, size_t *nstories)
{
	uint32_t *map = malloc((s->nc + 1) * sizeof *map);
	if (!map)
		return UE_ENOMEM;
	for (size_t i = 0; i < s->nc; i++)
		map[i] = UINT32_MAX;
	uint32_t next = 0;
	for (size_t k = 0; k < s->n; k++) {
		uint32_t *m = &map[story[order[k]]];
		if (*m == UINT32_MAX)
			*m = next++;
	}
	for (size_t i = 0; i < s->n; i++)
		story[i] = map[story[i]];
	*nstories = next;
	free(map);
	return UE_OK;
}

ue_status ue_cluster(const struct ue_cluster_doc *doc, size_t n,
                     const struct ue_cluster_params *p, uint32_t *story,
                     size_t *nstories)
{
	*nstories = 0;
	if (n == 0)
		return UE_OK;
	struct state s = {.doc = doc, .n = n, .p = p};
	s.window = (int64_t)(p->window_days * 86400.0);
	s.max_df = p->max_df ? p->max_df : (uint32_t)(n / 20);
	if (!p->max_df && s.max_df < 50)
		s.max_df = 50;
	uint32_t *order = malloc(n * sizeof *order);
	ue_status e = order ? terms_init(&s) : UE_ENOMEM;
	if (!e)
		e = time_order(doc, n, order);
	if (!e)
		e = assign(&s, order, story);
	if (!e)
		e = refine(&s, order, story);
	if (!e)
		e = renumber(&s, order, story, nstories);
	stories_release(&s);
	free(s.c);
	ue_probe_release(&s.probe);
	free(order);
	return e;
}
