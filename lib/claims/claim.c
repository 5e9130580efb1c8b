/* claim.c - clustering mentions into claims; see claim.h. */
#include "claims/claim.h"

#include <stdlib.h>
#include <string.h>

#include "common/u64map.h"

void ue_claim_params_default(struct ue_claim_params *p)
{
	p->threshold = 0.5;
	p->w_entity = 0.4;
	p->w_quantity = 0.4;
	p->w_terms = 0.35;
	p->window_days = 30;
	p->max_df = 0;
	p->min_reports = 2;
}

/* Shared members of two sorted sets over the smaller one's size. */
static double containment(const uint64_t *a, size_t na, const uint64_t *b,
                          size_t nb)
{
	if (!na || !nb)
		return 0;
	size_t i = 0, j = 0, shared = 0;
	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
			i++, j++, shared++;
	}
	return (double)shared / (double)(na < nb ? na : nb);
}

static int overlap(const struct ue_mention_qty *x,
                   const struct ue_mention_qty *y)
{
	return x->lo <= y->hi && y->lo <= x->hi;
}

/* 1 when the quantities agree, -1 when they conflict, 0 otherwise. */
static int quantities(const struct ue_mention *a, const struct ue_mention *b)
{
	int agree = 0, conflict = 0;
	for (size_t i = 0; i < a->nqty; i++)
		for (size_t j = 0; j < b->nqty; j++) {
			const struct ue_mention_qty *x = &a->qty[i], *y = &b->qty[j];
			int same_object = x->object && x->object == y->object;
			if (overlap(x, y) && (same_object || !x->object ||
			                      !y->object))
				agree = 1;
			else if (same_object)
				conflict = 1;
		}
	return agree ? 1 : conflict ? -1 : 0;
}

double ue_claim_similarity(const struct ue_claim_params *p,
                           const struct ue_mention *a,
                           const struct ue_mention *b)
{
	if (a->polarity != b->polarity)
		return 0;
	int q = quantities(a, b);
	if (q < 0)
		return 0;
	return p->w_entity * containment(a->entity, a->nentity, b->entity,
	                                 b->nentity) +
	       p->w_quantity * (q > 0) +
	       p->w_terms * containment(a->term, a->nterm, b->term, b->nterm);
}

/* ---- blocking keys: entities, quantity values and rare terms ---- */

#define MAX_KEYS (UE_MENTION_MAX_ENTITIES + 2 * UE_MENTION_MAX_QUANTITIES + \
                  UE_MENTION_MAX_TERMS)

static uint64_t mix(uint64_t x, uint64_t salt)
{
	x ^= salt;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	return x ^ (x >> 33);
}

static size_t keys_of(const struct ue_mention *m, uint64_t *k)
{
	size_t n = 0;
	for (size_t i = 0; i < m->nentity; i++)
		k[n++] = mix(m->entity[i], 1);
	for (size_t i = 0; i < m->nqty; i++) {
		k[n++] = mix((uint64_t)m->qty[i].lo, 2);
		if (m->qty[i].hi != m->qty[i].lo && m->qty[i].hi < 1e18)
			k[n++] = mix((uint64_t)m->qty[i].hi, 2);
	}
	for (size_t i = 0; i < m->nterm; i++)
		k[n++] = mix(m->term[i], 3);
	return n;
}

/* Keys of a mention that find candidates: its rarest ones, rare enough. */
#define PROBE_KEYS 4
/* Only the latest claims of a key are looked at: mentions come in time
 * order, so older ones are mostly out of the window anyway. */
#define PROBE_DEPTH 32
/* Of those, the claims sharing the most probe keys are compared. */
#define COMPARED 8

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

struct posting {
	uint32_t *claim;
	uint32_t n, alloc;
	uint32_t df;
};

struct cl {
	uint32_t first, last;     /* member item indices */
	int64_t t0, t1;           /* dated span */
	int dated;
};

struct state {
	const struct ue_claim_item *item;
	size_t n;
	const struct ue_claim_params *p;
	struct ue_u64map keys;    /* key -> posting index */
	struct posting *post;
	size_t npost, post_alloc;
	struct cl *c;
	size_t nc, c_alloc;
	uint32_t *seen;
	uint8_t *hits;            /* per claim: probe keys shared */
	uint64_t cand[PROBE_KEYS * PROBE_DEPTH];
	uint32_t stamp;
	uint32_t max_df;
	int64_t window;
};

static ue_status posting_of(struct state *s, uint64_t key, struct posting **out)
{
	uint64_t *v;
	int added;
	ue_status e = ue_u64map_slot(&s->keys, key, &v, &added);
	if (e)
		return e;
	if (added) {
		if (s->npost == s->post_alloc) {
			size_t na = s->post_alloc ? s->post_alloc * 2 : 1024;
			struct posting *p = realloc(s->post, na * sizeof *p);
			if (!p)
				return UE_ENOMEM;
			s->post = p;
			s->post_alloc = na;
		}
		memset(&s->post[s->npost], 0, sizeof s->post[s->npost]);
		*v = s->npost++;
	}
	*out = &s->post[*v];
	return UE_OK;
}

static ue_status count_df(struct state *s)
{
	uint64_t k[MAX_KEYS];
	for (size_t i = 0; i < s->n; i++) {
		size_t nk = keys_of(s->item[i].m, k);
		for (size_t j = 0; j < nk; j++) {
			struct posting *p;
			ue_status e = posting_of(s, k[j], &p);
			if (e)
				return e;
			p->df++;
		}
	}
	return UE_OK;
}

static int in_window(const struct state *s, const struct cl *c,
                     const struct ue_claim_item *it)
{
	if (!it->dated || !c->dated)
		return 1;
	return it->ts >= c->t0 - s->window && it->ts <= c->t1 + s->window;
}

static ue_status join(struct state *s, uint32_t ci, size_t idx)
{
	struct cl *c = &s->c[ci];
	const struct ue_claim_item *it = &s->item[idx];
	c->last = (uint32_t)idx;
	if (it->dated) {
		if (!c->dated || it->ts < c->t0)
			c->t0 = it->ts;
		if (!c->dated || it->ts > c->t1)
			c->t1 = it->ts;
		c->dated = 1;
	}
	uint64_t k[MAX_KEYS];
	size_t nk = keys_of(it->m, k);
	for (size_t j = 0; j < nk; j++) {
		struct posting *p;
		ue_status e = posting_of(s, k[j], &p);
		if (e)
			return e;
		if (p->df > s->max_df || (p->n && p->claim[p->n - 1] == ci))
			continue;
		if (p->n == p->alloc) {
			uint32_t na = p->alloc ? p->alloc * 2 : 4;
			uint32_t *q = realloc(p->claim, na * sizeof *q);
			if (!q)
				return UE_ENOMEM;
			p->claim = q;
			p->alloc = na;
		}
		p->claim[p->n++] = ci;
	}
	return UE_OK;
}

static ue_status claim_new(struct state *s, size_t idx, uint32_t *out)
{
	if (s->nc == s->c_alloc) {
		size_t na = s->c_alloc ? s->c_alloc * 2 : 1024;
		struct cl *p = realloc(s->c, na * sizeof *p);
		uint32_t *q = realloc(s->seen, na * sizeof *q);
		uint8_t *h = realloc(s->hits, na);
		if (p)
			s->c = p;
		if (q)
			s->seen = q;
		if (h)
			s->hits = h;
		if (!p || !q || !h)
			return UE_ENOMEM;
		s->c_alloc = na;
	}
	s->c[s->nc] = (struct cl){(uint32_t)idx, (uint32_t)idx, 0, 0, 0};
	s->seen[s->nc] = 0;
	*out = (uint32_t)s->nc++;
	return UE_OK;
}

static int by_df(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;   /* (df, posting index) pairs */
	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

static ue_status best_claim(struct state *s, size_t idx, uint32_t *best)
{
	*best = UINT32_MAX;
	double best_sim = 0;
	if (++s->stamp == 0) {
		memset(s->seen, 0, s->nc * sizeof *s->seen);
		s->stamp = 1;
	}
	const struct ue_claim_item *it = &s->item[idx];
	uint64_t k[MAX_KEYS], probe[MAX_KEYS][2];
	size_t nk = keys_of(it->m, k), np = 0;
	for (size_t j = 0; j < nk; j++) {
		const uint64_t *v = ue_u64map_get(&s->keys, k[j]);
		if (v && s->post[*v].df <= s->max_df && s->post[*v].n) {
			probe[np][0] = s->post[*v].df;
			probe[np++][1] = *v;
		}
	}
	qsort(probe, np, sizeof probe[0], by_df);
	/* Count the probe keys each recent claim shares; compare in full
	 * only those sharing the most. */
	size_t nc = 0;
	for (size_t j = 0; j < np && j < PROBE_KEYS; j++) {
		const struct posting *p = &s->post[probe[j][1]];
		uint32_t from = p->n > PROBE_DEPTH ? p->n - PROBE_DEPTH : 0;
		for (uint32_t i = p->n; i-- > from;) {
			uint32_t ci = p->claim[i];
			if (s->seen[ci] == s->stamp) {
				s->hits[ci]++;
				continue;
			}
			s->seen[ci] = s->stamp;
			s->hits[ci] = 1;
			s->cand[nc++] = ci;
		}
	}
	for (size_t i = 0; i < nc; i++)
		s->cand[i] |= (uint64_t)(255 - s->hits[s->cand[i]]) << 32;
	qsort(s->cand, nc, sizeof *s->cand, cmp_u64);
	for (size_t i = 0; i < nc && i < COMPARED; i++) {
		uint32_t ci = (uint32_t)s->cand[i];
		const struct cl *c = &s->c[ci];
		if (!in_window(s, c, it))
			continue;
		double a = ue_claim_similarity(s->p, it->m, s->item[c->first].m);
		double b = c->last == c->first ? 0 :
		        ue_claim_similarity(s->p, it->m, s->item[c->last].m);
		double sim = a > b ? a : b;
		if (sim > best_sim || (sim == best_sim && ci < *best)) {
			best_sim = sim;
			*best = ci;
		}
	}
	if (best_sim < s->p->threshold)
		*best = UINT32_MAX;
	return UE_OK;
}

struct when {
	int64_t ts;
	uint32_t undated, index;
};

static int by_time(const void *a, const void *b)
{
	const struct when *x = a, *y = b;
	if (x->undated != y->undated)
		return x->undated < y->undated ? -1 : 1;
	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

ue_status ue_claims_cluster(const struct ue_claim_item *item, size_t n,
                            const struct ue_claim_params *p,
                            uint32_t *claim, size_t *nclaims)
{
	*nclaims = 0;
	if (n == 0)
		return UE_OK;
	struct state s = {.item = item, .n = n, .p = p};
	s.window = (int64_t)(p->window_days * 86400.0);
	s.max_df = p->max_df ? p->max_df : 2000;
	struct when *w = malloc(n * sizeof *w);
	ue_status e = w ? count_df(&s) : UE_ENOMEM;
	if (!e) {
		for (size_t i = 0; i < n; i++)
			w[i] = (struct when){item[i].dated ? item[i].ts : 0,
			                     !item[i].dated, (uint32_t)i};
		qsort(w, n, sizeof *w, by_time);
	}
	for (size_t k = 0; !e && k < n; k++) {
		size_t idx = w[k].index;
		uint32_t best;
		e = best_claim(&s, idx, &best);
		if (!e && best == UINT32_MAX)
			e = claim_new(&s, idx, &best);
		if (!e)
			e = join(&s, best, idx);
		claim[idx] = best;
	}
	/* Claims are created in time order: numbered by earliest mention. */
	if (!e)
		*nclaims = s.nc;
	for (size_t i = 0; i < s.npost; i++)
		free(s.post[i].claim);
	free(s.post);
	free(s.c);
	free(s.seen);
	free(s.hits);
	ue_u64map_release(&s.keys);
	free(w);
	return e;
}
