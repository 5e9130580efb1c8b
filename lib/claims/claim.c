/* claim.c - clustering mentions into claims; see claim.h. */
#include "claims/claim.h"

#include <stdlib.h>
#include <string.h>

#include "common/order.h"
#include "common/postings.h"

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


struct cl {
	uint32_t first, last;     /* member item indices */
	int64_t t0, t1;           /* dated span */
	int dated;
};

struct state {
	const struct ue_claim_item *item;
	size_t n;
	const struct ue_claim_params *p;
	struct ue_postings keys;  /* key -> df and the claims having it */
	struct ue_probe probe;
	struct cl *c;
	size_t nc, c_alloc;
	uint32_t max_df;
	int64_t window;
};

static ue_status count_df(struct state *s)
{
	uint64_t k[MAX_KEYS];
	for (size_t i = 0; i < s->n; i++) {
		size_t nk = keys_of(s->item[i].m, k);
		for (size_t j = 0; j < nk; j++) {
			struct ue_posting *p;
			ue_status e = ue_postings_get(&s->keys, k[j], &p);
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

/* Adds mention idx to claim ci; post[0..np) are the postings of its
 * keys (see postings_of). */
static ue_status join(struct state *s, uint32_t ci, size_t idx,
                      struct ue_posting *const *post, size_t np)
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
	for (size_t j = 0; j < np; j++) {
		/* A key no other mention has never finds a candidate. */
		struct ue_posting *p = post[j];
		if (p->df >= 2 && p->df <= s->max_df) {
			ue_status e = ue_posting_add(p, ci);
			if (e)
				return e;
		}
	}
	return UE_OK;
}

static ue_status claim_new(struct state *s, size_t idx, uint32_t *out)
{
	if (s->nc == s->c_alloc) {
		size_t na = s->c_alloc ? s->c_alloc * 2 : 1024;
		struct cl *p = realloc(s->c, na * sizeof *p);
		if (!p)
			return UE_ENOMEM;
		s->c = p;
		s->c_alloc = na;
	}
	ue_status e = ue_probe_reserve(&s->probe, s->nc + 1);
	if (e)
		return e;
	s->c[s->nc] = (struct cl){(uint32_t)idx, (uint32_t)idx, 0, 0, 0};
	*out = (uint32_t)s->nc++;
	return UE_OK;
}

/* Keys with their document frequency, rarest first. */
struct probe_key {
	uint32_t df;
	const struct ue_posting *p;
};

static int by_df(const void *a, const void *b)
{
	const struct probe_key *x = a, *y = b;
	if (x->df != y->df)
		return x->df < y->df ? -1 : 1;
	return x->p < y->p ? -1 : x->p > y->p;
}

/* The postings of mention m's keys (all counted by count_df, so all
 * there and stable from then on); returns how many. */
static size_t postings_of(const struct state *s, const struct ue_mention *m,
                          struct ue_posting **post)
{
	uint64_t k[MAX_KEYS];
	size_t nk = keys_of(m, k), np = 0;
	for (size_t j = 0; j < nk; j++)
		if ((post[np] = ue_postings_find(&s->keys, k[j])))
			np++;
	return np;
}

static ue_status best_claim(struct state *s, size_t idx,
                            struct ue_posting *const *post, size_t npost,
                            uint32_t *best)
{
	*best = UINT32_MAX;
	double best_sim = 0;
	const struct ue_claim_item *it = &s->item[idx];
	struct probe_key pk[MAX_KEYS];
	size_t np = 0;
	for (size_t j = 0; j < npost; j++) {
		const struct ue_posting *p = post[j];
		if (p->df <= s->max_df && p->n)
			pk[np++] = (struct probe_key){p->df, p};
	}
	qsort(pk, np, sizeof *pk, by_df);
	const struct ue_posting *probe[PROBE_KEYS];
	size_t nprobe = np < PROBE_KEYS ? np : PROBE_KEYS;
	for (size_t j = 0; j < nprobe; j++)
		probe[j] = pk[j].p;
	/* Only the claims sharing the most probe keys are compared. */
	uint32_t cand[COMPARED];
	size_t nc;
	ue_status e = ue_probe_run(&s->probe, probe, nprobe, PROBE_DEPTH,
	                           cand, COMPARED, &nc);
	for (size_t i = 0; !e && i < nc; i++) {
		uint32_t ci = cand[i];
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
	return e;
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
	uint32_t *order = malloc(n * sizeof *order);
	int64_t *ts = malloc(n * sizeof *ts);
	unsigned char *dated = malloc(n);
	ue_status e = order && ts && dated ? count_df(&s) : UE_ENOMEM;
	for (size_t i = 0; !e && i < n; i++) {
		ts[i] = item[i].ts;
		dated[i] = (unsigned char)item[i].dated;
	}
	if (!e)
		e = ue_time_order(ts, dated, n, order);
	for (size_t k = 0; !e && k < n; k++) {
		size_t idx = order[k];
		struct ue_posting *post[MAX_KEYS];
		size_t np = postings_of(&s, item[idx].m, post);
		uint32_t best;
		e = best_claim(&s, idx, post, np, &best);
		if (!e && best == UINT32_MAX)
			e = claim_new(&s, idx, &best);
		if (!e)
			e = join(&s, best, idx, post, np);
		claim[idx] = best;
	}
	/* Claims are created in time order: numbered by earliest mention. */
	if (!e)
		*nclaims = s.nc;
	ue_postings_release(&s.keys);
	ue_probe_release(&s.probe);
	free(s.c);
	free(order);
	free(ts);
	free(dated);
	return e;
}
