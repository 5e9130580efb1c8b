/* postings.c - an inverted index of 64-bit keys; see postings.h. */
#include "common/postings.h"

#include <stdlib.h>
#include <string.h>

void ue_postings_release(struct ue_postings *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->p[i].id);
	free(ps->p);
	ue_u64map_release(&ps->index);
	*ps = (struct ue_postings)UE_POSTINGS_INIT;
}

ue_status ue_postings_get(struct ue_postings *ps, uint64_t key,
                          struct ue_posting **out)
{
	uint64_t *v;
	int added;
	ue_status e = ue_u64map_slot(&ps->index, key, &v, &added);
	if (e)
		return e;
	if (added) {
		if (ps->n == ps->alloc) {
			size_t na = ps->alloc ? ps->alloc * 2 : 1024;
			struct ue_posting *p = realloc(ps->p, na * sizeof *p);
			if (!p)
				return UE_ENOMEM;
			ps->p = p;
			ps->alloc = na;
		}
		memset(&ps->p[ps->n], 0, sizeof ps->p[ps->n]);
		*v = ps->n++;
	}
	*out = &ps->p[*v];
	return UE_OK;
}

struct ue_posting *ue_postings_find(const struct ue_postings *ps,
                                    uint64_t key)
{
	const uint64_t *v = ue_u64map_get(&ps->index, key);
	return v ? &ps->p[*v] : NULL;
}

ue_status ue_posting_add(struct ue_posting *p, uint32_t id)
{
	if (p->n && p->id[p->n - 1] == id)
		return UE_OK;
	if (p->n == p->alloc) {
		uint32_t na = p->alloc ? p->alloc * 2 : 4;
		uint32_t *q = realloc(p->id, na * sizeof *q);
		if (!q)
			return UE_ENOMEM;
		p->id = q;
		p->alloc = na;
	}
	p->id[p->n++] = id;
	return UE_OK;
}

void ue_probe_release(struct ue_probe *pr)
{
	free(pr->seen);
	free(pr->hits);
	free(pr->cand);
	memset(pr, 0, sizeof *pr);
}

ue_status ue_probe_reserve(struct ue_probe *pr, size_t n)
{
	if (n <= pr->alloc)
		return UE_OK;
	size_t na = pr->alloc ? pr->alloc : 256;
	while (na < n)
		na *= 2;
	uint32_t *s = realloc(pr->seen, na * sizeof *s);
	if (s)
		pr->seen = s;
	uint8_t *h = realloc(pr->hits, na);
	if (h)
		pr->hits = h;
	if (!s || !h)
		return UE_ENOMEM;
	memset(pr->seen + pr->alloc, 0, (na - pr->alloc) * sizeof *s);
	pr->alloc = na;
	return UE_OK;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

ue_status ue_probe_run(struct ue_probe *pr, const struct ue_posting *const *p,
                       size_t np, uint32_t depth, uint32_t *out, size_t max,
                       size_t *nout)
{
	*nout = 0;
	if (np > 255)
		np = 255;
	size_t need = np * depth;
	if (need > pr->cand_alloc) {
		uint64_t *c = realloc(pr->cand, need * sizeof *c);
		if (!c)
			return UE_ENOMEM;
		pr->cand = c;
		pr->cand_alloc = need;
	}
	if (++pr->stamp == 0) {
		memset(pr->seen, 0, pr->alloc * sizeof *pr->seen);
		pr->stamp = 1;
	}
	size_t nc = 0;
	for (size_t j = 0; j < np; j++) {
		uint32_t from = p[j]->n > depth ? p[j]->n - depth : 0;
		for (uint32_t i = p[j]->n; i-- > from;) {
			uint32_t id = p[j]->id[i];
			if (id >= pr->alloc)
				continue;    /* not reserved: never counted */
			if (pr->seen[id] == pr->stamp) {
				pr->hits[id]++;
				continue;
			}
			pr->seen[id] = pr->stamp;
			pr->hits[id] = 1;
			pr->cand[nc++] = id;
		}
	}
	for (size_t i = 0; i < nc; i++)
		pr->cand[i] |= (uint64_t)(255 - pr->hits[pr->cand[i]]) << 32;
	if (nc > 1)
		qsort(pr->cand, nc, sizeof *pr->cand, cmp_u64);
	for (size_t i = 0; i < nc && i < max; i++)
		out[(*nout)++] = (uint32_t)pr->cand[i];
	return UE_OK;
}
