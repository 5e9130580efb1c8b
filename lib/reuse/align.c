/* align.c - seed-and-chain passage alignment; see align.h. */
#include "reuse/align.h"

#include <stdlib.h>
#include <string.h>

void ue_align_params_default(struct ue_align_params *p)
{
	p->k = 2;
	p->max_gap = 20;
	p->min_seeds = 3;
	p->min_tokens = 6;
	p->max_repeat = 4;
	p->fill_gap = 4;
	p->min_run = 5;
	p->min_evidence = 12;
	p->min_cover = 0.1;
}

void ue_seq_init(struct ue_seq *s)
{
	memset(s, 0, sizeof *s);
}

void ue_seq_release(struct ue_seq *s)
{
	free(s->hash);
	free(s->start);
	free(s->end);
	free(s->shingle);
	ue_seq_init(s);
}

uint64_t ue_shingle_mix(uint64_t h, uint64_t x)
{
	h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdULL;
}

static ue_status seq_reserve(struct ue_seq *s, size_t n)
{
	if (n <= s->alloc)
		return UE_OK;
	uint32_t *h = realloc(s->hash, n * sizeof *h);
	if (h)
		s->hash = h;
	uint32_t *a = realloc(s->start, n * sizeof *a);
	if (a)
		s->start = a;
	uint32_t *e = realloc(s->end, n * sizeof *e);
	if (e)
		s->end = e;
	uint64_t *sh = realloc(s->shingle, n * sizeof *sh);
	if (sh)
		s->shingle = sh;
	if (!h || !a || !e || !sh)
		return UE_ENOMEM;
	s->alloc = n;
	return UE_OK;
}

ue_status ue_seq_build(struct ue_seq *s, const struct ue_tokens *tok,
                       unsigned k)
{
	s->n = s->nshingles = 0;
	s->k = k;
	size_t n = 0;
	for (size_t i = 0; i < tok->n; i++)
		n += !(tok->tok[i].flags & UE_TOK_STOP);
	if (seq_reserve(s, n + 1))
		return UE_ENOMEM;
	for (size_t i = 0; i < tok->n; i++) {
		const struct ue_token *t = &tok->tok[i];
		if (t->flags & UE_TOK_STOP)
			continue;
		s->hash[s->n] = (uint32_t)(t->hash ^ t->hash >> 32);
		s->start[s->n] = t->start;
		s->end[s->n++] = t->end;
	}
	s->nshingles = ue_seq_shingles(s->hash, s->n, k, s->shingle);
	return UE_OK;
}

size_t ue_seq_shingles(const uint32_t *hash, size_t n, unsigned k,
                       uint64_t *out)
{
	if (k == 0 || n < k)
		return 0;
	for (size_t i = 0; i + k <= n; i++) {
		uint64_t h = 0;
		for (unsigned j = 0; j < k; j++)
			h = ue_shingle_mix(h, hash[i + j]);
		out[i] = h;
	}
	return n - k + 1;
}

void ue_passages_release(struct ue_passages *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* ---- the aligner's scratch ---- */

struct match {
	uint32_t i, j;
};

struct chain {
	uint32_t first_i, first_j, last_i, last_j;
	uint32_t seeds;
	uint32_t id;            /* creation order: seed_chain's values */
};

struct ue_aligner {
	/* a's shingles: open addressing on hash, positions chained. */
	uint64_t *key;
	int32_t *head, *count;
	size_t slots;
	int32_t *next;
	size_t next_alloc;
	struct match *m;
	size_t nm, m_alloc;
	struct chain *open, *done;
	size_t nopen, open_alloc, ndone, done_alloc;
	uint32_t *seed_chain;    /* for each match: the id of its chain */
	size_t seed_chain_alloc;
	uint32_t *order;         /* matches grouped by chain, in order of j */
	size_t order_alloc;
	uint32_t *chain_at;      /* chain id -> first index into order */
	size_t chain_at_alloc;
	unsigned char *covered;
	size_t covered_alloc;
};

ue_status ue_aligner_new(struct ue_aligner **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? UE_OK : UE_ENOMEM;
}

void ue_aligner_free(struct ue_aligner *al)
{
	if (!al)
		return;
	free(al->key);
	free(al->head);
	free(al->count);
	free(al->next);
	free(al->m);
	free(al->open);
	free(al->done);
	free(al->seed_chain);
	free(al->order);
	free(al->chain_at);
	free(al->covered);
	free(al);
}

static int grow(void **p, size_t *alloc, size_t need, size_t size)
{
	if (need <= *alloc)
		return 0;
	size_t n = *alloc ? *alloc : 64;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return -1;
	*p = q;
	*alloc = n;
	return 0;
}

/* Indexes a's shingles. */
static ue_status index_a(struct ue_aligner *al, const struct ue_seq *a)
{
	size_t slots = 64;
	while (slots < a->nshingles * 2)
		slots *= 2;
	if (slots > al->slots) {
		free(al->key);
		free(al->head);
		free(al->count);
		al->key = malloc(slots * sizeof *al->key);
		al->head = malloc(slots * sizeof *al->head);
		al->count = malloc(slots * sizeof *al->count);
		if (!al->key || !al->head || !al->count) {
			al->slots = 0;
			return UE_ENOMEM;
		}
		al->slots = slots;
	}
	slots = al->slots;
	memset(al->head, -1, slots * sizeof *al->head);
	if (grow((void **)&al->next, &al->next_alloc, a->nshingles + 1,
	         sizeof *al->next))
		return UE_ENOMEM;
	/* Insert from the end so that each chain lists positions in order. */
	for (size_t i = a->nshingles; i-- > 0; ) {
		uint64_t h = a->shingle[i];
		size_t s = (size_t)(h >> 7) & (slots - 1);
		while (al->head[s] >= 0 && al->key[s] != h)
			s = (s + 1) & (slots - 1);
		if (al->head[s] < 0) {
			al->key[s] = h;
			al->count[s] = 0;
			al->next[i] = -1;
		} else {
			al->next[i] = al->head[s];
		}
		al->head[s] = (int32_t)i;
		al->count[s]++;
	}
	return UE_OK;
}

static ue_status find_matches(struct ue_aligner *al, const struct ue_seq *a,
                              const struct ue_seq *b, unsigned max_repeat)
{
	al->nm = 0;
	size_t mask = al->slots - 1;
	for (size_t j = 0; j < b->nshingles; j++) {
		uint64_t h = b->shingle[j];
		size_t s = (size_t)(h >> 7) & mask;
		while (al->head[s] >= 0 && al->key[s] != h)
			s = (s + 1) & mask;
		if (al->head[s] < 0 || al->count[s] > (int32_t)max_repeat)
			continue;
		for (int32_t i = al->head[s]; i >= 0; i = al->next[i]) {
			if (grow((void **)&al->m, &al->m_alloc, al->nm + 1,
			         sizeof *al->m))
				return UE_ENOMEM;
			al->m[al->nm++] = (struct match){(uint32_t)i, (uint32_t)j};
		}
	}
	(void)a;
	return UE_OK;
}

static ue_status close_chain(struct ue_aligner *al, size_t idx)
{
	if (grow((void **)&al->done, &al->done_alloc, al->ndone + 1,
	         sizeof *al->done))
		return UE_ENOMEM;
	al->done[al->ndone++] = al->open[idx];
	al->open[idx] = al->open[--al->nopen];
	return UE_OK;
}

/* Lists the seeds of each chain together (counting sort by chain id,
 * keeping the order of j within a chain). */
static ue_status group_seeds(struct ue_aligner *al, uint32_t nchains)
{
	if (grow((void **)&al->order, &al->order_alloc, al->nm + 1,
	         sizeof *al->order) ||
	    grow((void **)&al->chain_at, &al->chain_at_alloc, nchains + 2,
	         sizeof *al->chain_at))
		return UE_ENOMEM;
	memset(al->chain_at, 0, (nchains + 2) * sizeof *al->chain_at);
	for (size_t x = 0; x < al->nm; x++)
		al->chain_at[al->seed_chain[x] + 1]++;
	for (uint32_t c = 0; c < nchains; c++)
		al->chain_at[c + 1] += al->chain_at[c];
	for (size_t x = 0; x < al->nm; x++)
		al->order[al->chain_at[al->seed_chain[x]]++] = (uint32_t)x;
	/* chain_at[c] now ends chain c: shift back to starts. */
	memmove(al->chain_at + 1, al->chain_at, nchains * sizeof *al->chain_at);
	al->chain_at[0] = 0;
	return UE_OK;
}

/* Chains the matches (in order of j) into runs with small gaps. */
static ue_status chain_matches(struct ue_aligner *al, unsigned gap)
{
	al->nopen = al->ndone = 0;
	uint32_t ids = 0;
	if (grow((void **)&al->seed_chain, &al->seed_chain_alloc, al->nm + 1,
	         sizeof *al->seed_chain))
		return UE_ENOMEM;
	for (size_t x = 0; x < al->nm; x++) {
		struct match m = al->m[x];
		/* Close chains that can no longer be extended. */
		for (size_t c = 0; c < al->nopen; )
			if (al->open[c].last_j + gap < m.j) {
				if (close_chain(al, c))
					return UE_ENOMEM;
			} else {
				c++;
			}
		size_t best = (size_t)-1;
		uint32_t best_d = UINT32_MAX;
		for (size_t c = 0; c < al->nopen; c++) {
			struct chain *ch = &al->open[c];
			if (m.j <= ch->last_j || m.i <= ch->last_i ||
			    m.i > ch->last_i + gap)
				continue;
			uint32_t d = (m.i - ch->last_i) + (m.j - ch->last_j);
			if (d < best_d) {
				best_d = d;
				best = c;
			}
		}
		if (best != (size_t)-1) {
			al->open[best].last_i = m.i;
			al->open[best].last_j = m.j;
			al->open[best].seeds++;
			al->seed_chain[x] = al->open[best].id;
			continue;
		}
		if (grow((void **)&al->open, &al->open_alloc, al->nopen + 1,
		         sizeof *al->open))
			return UE_ENOMEM;
		al->seed_chain[x] = ids;
		al->open[al->nopen++] = (struct chain){m.i, m.j, m.i, m.j, 1,
		                                       ids++};
	}
	while (al->nopen)
		if (close_chain(al, 0))
			return UE_ENOMEM;
	return group_seeds(al, ids);
}

static int by_seeds(const void *x, const void *y)
{
	const struct chain *a = x, *b = y;
	if (a->seeds != b->seeds)
		return a->seeds < b->seeds ? 1 : -1;
	return a->first_j < b->first_j ? -1 : a->first_j > b->first_j;
}

/* The share of b's content tokens from first to last inside seeds that
 * belong to this passage's span. */
static double density(struct ue_aligner *al, uint32_t first, uint32_t last)
{
	size_t n = 0;
	for (uint32_t t = first; t <= last; t++)
		n += al->covered[t];
	return (double)n / (double)(last - first + 1);
}

/* Adds the passages of one chain: its runs of seeds that follow each other
 * closely (within p->fill_gap content tokens on both sides), so that
 * coverage counts matched text and small edits between, not everything a
 * chain spans. */
static ue_status segments(struct ue_aligner *al, const struct ue_seq *a,
                          const struct ue_seq *b, const struct chain *ch,
                          const struct ue_align_params *p,
                          struct ue_passages *out)
{
	uint32_t from = al->chain_at[ch->id];
	uint32_t to = al->chain_at[ch->id + 1];
	unsigned k = p->k;
	int64_t prev_b_last = -1;   /* segments must not overlap in b */
	for (uint32_t x = from; x < to; ) {
		if ((int64_t)al->m[al->order[x]].j <= prev_b_last) {
			x++;   /* a jump in a alone: b goes on from before */
			continue;
		}
		struct match first = al->m[al->order[x]], last = first;
		uint32_t seeds = 1, y = x + 1;
		for (; y < to; y++) {
			struct match m = al->m[al->order[y]];
			if (m.j > last.j + k + p->fill_gap ||
			    m.i > last.i + k + p->fill_gap || m.i <= last.i)
				break;
			last = m;
			seeds++;
		}
		x = y;
		uint32_t a_last = last.i + k - 1, b_last = last.j + k - 1;
		prev_b_last = b_last;
		if (grow((void **)&out->v, &out->alloc, out->n + 1,
		         sizeof *out->v))
			return UE_ENOMEM;
		out->v[out->n++] = (struct ue_passage){
			.a_start = a->start[first.i], .a_end = a->end[a_last],
			.b_start = b->start[first.j], .b_end = b->end[b_last],
			.a_first = first.i, .a_last = a_last,
			.b_first = first.j, .b_last = b_last,
			.seeds = seeds,
			.score = density(al, first.j, b_last),
		};
	}
	return UE_OK;
}

static int by_b(const void *x, const void *y)
{
	const struct ue_passage *a = x, *b = y;
	return a->b_first < b->b_first ? -1 : a->b_first > b->b_first;
}

ue_status ue_align(struct ue_aligner *al, const struct ue_seq *a,
                   const struct ue_seq *b, const struct ue_align_params *p,
                   struct ue_passages *out)
{
	out->n = 0;
	if (!a->nshingles || !b->nshingles)
		return UE_OK;
	ue_status st;
	if ((st = index_a(al, a)) ||
	    (st = find_matches(al, a, b, p->max_repeat)) ||
	    (st = chain_matches(al, p->max_gap)))
		return st;
	if (grow((void **)&al->covered, &al->covered_alloc, b->n + 1, 1))
		return UE_ENOMEM;
	memset(al->covered, 0, b->n);
	for (size_t x = 0; x < al->nm; x++)
		for (unsigned t = 0; t < p->k; t++)
			al->covered[al->m[x].j + t] = 1;
	if (al->ndone > 1)
		qsort(al->done, al->ndone, sizeof *al->done, by_seeds);
	unsigned k = p->k;
	size_t accepted = 0;   /* chains taken; their b ranges follow */
	for (size_t c = 0; c < al->ndone; c++) {
		struct chain *ch = &al->done[c];
		uint32_t a_last = ch->last_i + k - 1, b_last = ch->last_j + k - 1;
		if (ch->seeds < p->min_seeds ||
		    a_last - ch->first_i + 1 < p->min_tokens ||
		    b_last - ch->first_j + 1 < p->min_tokens)
			continue;
		int overlaps = 0;
		for (size_t q = 0; q < accepted && !overlaps; q++)
			overlaps = ch->first_j <= al->done[q].last_j + k - 1 &&
			           b_last >= al->done[q].first_j;
		if (overlaps)
			continue;
		size_t before = out->n;
		if ((st = segments(al, a, b, ch, p, out)))
			return st;
		/* A chain of short scattered matches (shared names and stock
		 * phrases) is not a passage: one run must be long enough. */
		uint32_t longest = 0;
		for (size_t q = before; q < out->n; q++)
			if (out->v[q].b_last - out->v[q].b_first + 1 > longest)
				longest = out->v[q].b_last - out->v[q].b_first + 1;
		if (longest < p->min_run) {
			out->n = before;
			continue;
		}
		al->done[accepted++] = *ch;
	}
	/* The pair itself needs evidence of shared text, not of a shared
	 * topic: one passage with many matched tokens, or passages covering
	 * a good share of one of the texts. */
	double evidence = 0, covered = 0;
	for (size_t q = 0; q < out->n; q++) {
		uint32_t len = out->v[q].b_last - out->v[q].b_first + 1;
		if (out->v[q].score * len > evidence)
			evidence = out->v[q].score * len;
		covered += len;
	}
	double shorter = (double)(a->n < b->n ? a->n : b->n);
	if (evidence < p->min_evidence &&
	    covered < p->min_cover * (shorter > 0 ? shorter : 1))
		out->n = 0;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, by_b);
	return UE_OK;
}
