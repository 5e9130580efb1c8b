/* reuse.c - the text reuse stage; see reuse.h. */
#include "reuse/reuse.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/json.h"
#include "reuse/align.h"
#include "reuse/docset.h"
#include "text/token.h"

void ue_reuse_params_default(struct ue_reuse_params *p)
{
	memset(p, 0, sizeof *p);
	p->threads = 2;
	p->sketch_k = 4;
	p->sample = 2;
	p->max_df = 50;
	p->cache_bytes = (size_t)1 << 30;
	p->min_shared = 2;
	p->wholly = 0.5;
	p->partially = 0.15;
	p->near_dup = 0.8;
	if (getenv("UE_SK")) p->sketch_k = atoi(getenv("UE_SK")); /*TMP*/
	if (getenv("UE_SAMPLE")) p->sample = atoi(getenv("UE_SAMPLE")); /*TMP*/
	if (getenv("UE_MINSHARED")) p->min_shared = atoi(getenv("UE_MINSHARED")); /*TMP*/
	if (getenv("UE_MAXDF")) p->max_df = atoi(getenv("UE_MAXDF")); /*TMP*/
}

int ue_reuse_direction(const struct ue_doc_meta *a,
                       const struct ue_doc_meta *b, const char **why)
{
	const char *w = "unknown";
	int dir = 0;
	if (a->dated && b->dated && a->ts != b->ts) {
		dir = a->ts < b->ts ? 1 : -1;
		w = "time";
	} else if (a->wire != b->wire) {
		dir = a->wire ? 1 : -1;
		w = "wire";
	}
	if (why)
		*why = w;
	return dir;
}

#define UE_REUSE_MAX_SOURCES 20   /* sources listed per document */

/* ---- per-text preparation ---- */

/* A text as the stage knows it. */
struct text {
	int64_t id;
	uint32_t content_tokens;
	uint32_t *keys;      /* sorted sketch keys (owned) */
	size_t nkeys;
	int is_new;
	struct ue_seq *seq;  /* kept from preparation while memory allows */
};

struct stage {
	struct ue_store *store;
	const struct ue_reuse_params *p;
	struct ue_align_params ap;
	struct text *t;          /* all prepared texts, by id */
	size_t nt;
	size_t *new_idx;         /* indices into t of the new texts */
	size_t nnew;
	/* The index: postings of each sketch key. */
	uint32_t *ukey;          /* distinct keys, sorted */
	uint32_t *run;           /* nukeys + 1 offsets into post */
	uint32_t *post;          /* text indices */
	size_t nukeys;
	/* Documents, and the documents of each text (ds.text[i] is t[i]). */
	struct ue_docset ds;
	/* Work distribution and results. */
	atomic_size_t next;
	atomic_size_t done;
	atomic_size_t cached;    /* bytes of kept sequences */
	pthread_mutex_t lock;
	ue_status error;
	struct pair_out *pairs;
	size_t npairs, pairs_alloc;
	uint64_t candidates;
};

struct pair_out {
	int64_t a, b;
	double a_cov, b_cov;
	struct ue_store_passage *p;
	size_t n;
};

/* A worker's state: its tokenizer, reader and scratch. */
struct worker {
	struct stage *st;
	struct ue_tokenizer *tk;
	struct ue_store_reader *rd;
	struct ue_aligner *al;
	struct ue_tokens tok;
	struct ue_seq xs, ys;
	struct ue_passages ps;
	uint16_t *count;
	uint32_t *touched;
	size_t ntouched;
	uint64_t candidates;
};

static void fail(struct stage *st, ue_status e)
{
	pthread_mutex_lock(&st->lock);
	if (!st->error)
		st->error = e;
	pthread_mutex_unlock(&st->lock);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Tokenises a text and prepares its sequence in seq. */
static ue_status load(struct worker *w, int64_t text, struct ue_seq *seq)
{
	const char *data, *lang;
	size_t len;
	ue_status e = ue_store_reader_text(w->rd, text, &data, &len, &lang);
	if (!e)
		e = ue_tokenize(w->tk, data, len, lang, &w->tok);
	if (!e)
		e = ue_seq_build(seq, &w->tok, w->st->ap.k);
	return e;
}

/* The sequence of text t: kept from preparation, or loaded into spare. */
static ue_status sequence(struct worker *w, const struct text *t,
                          struct ue_seq *spare, const struct ue_seq **out)
{
	if (t->seq) {
		*out = t->seq;
		return UE_OK;
	}
	*out = spare;
	return load(w, t->id, spare);
}

/* Keeps a copy of a prepared sequence while within the memory budget. */
static void keep(struct stage *st, struct text *t, const struct ue_seq *s)
{
	size_t bytes = ue_seq_bytes(s);
	if (atomic_fetch_add(&st->cached, bytes) + bytes > st->p->cache_bytes)
		return;
	struct ue_seq *c = malloc(sizeof *c);
	if (!c)
		return;
	ue_seq_init(c);
	c->k = s->k;
	c->n = s->n;
	c->nshingles = s->nshingles;
	c->alloc = s->n + 1;
	c->hash = malloc(c->alloc * sizeof *c->hash);
	c->start = malloc(c->alloc * sizeof *c->start);
	c->end = malloc(c->alloc * sizeof *c->end);
	c->shingle = malloc(c->alloc * sizeof *c->shingle);
	if (!c->hash || !c->start || !c->end || !c->shingle) {
		ue_seq_release(c);
		free(c);
		return;
	}
	memcpy(c->hash, s->hash, s->n * sizeof *c->hash);
	memcpy(c->start, s->start, s->n * sizeof *c->start);
	memcpy(c->end, s->end, s->n * sizeof *c->end);
	memcpy(c->shingle, s->shingle, s->nshingles * sizeof *c->shingle);
	t->seq = c;
}

/* The sketch: the distinct k-shingles of content tokens whose hash falls
 * in the sample.  Longer than the alignment's shingles, so that a shared
 * sketch key is evidence of copying rather than of a common phrase. */
static ue_status sketch(const struct ue_seq *seq, unsigned k,
                        unsigned sample, uint32_t **keys, size_t *n)
{
	*keys = malloc((seq->n + 1) * sizeof **keys);
	if (!*keys)
		return UE_ENOMEM;
	size_t m = 0;
	for (size_t i = 0; i + k <= seq->n; i++) {
		uint64_t h = 0;
		for (unsigned j = 0; j < k; j++)
			h = ue_shingle_mix(h, seq->hash[i + j]);
		if ((h >> 40) % sample == 0)
			(*keys)[m++] = (uint32_t)h;
	}
	qsort(*keys, m, sizeof **keys, cmp_u32);
	size_t u = 0;
	for (size_t i = 0; i < m; i++)
		if (u == 0 || (*keys)[u - 1] != (*keys)[i])
			(*keys)[u++] = (*keys)[i];
	*n = u;
	return UE_OK;
}

static void progress(struct stage *st, const char *phase, size_t done,
                     size_t total)
{
	if (!st->p->progress)
		return;
	pthread_mutex_lock(&st->lock);
	st->p->progress(st->p->ctx, phase, done, total);
	pthread_mutex_unlock(&st->lock);
}

/* Phase 1: sketches of the new texts. */
static void *prepare_worker(void *arg)
{
	struct worker *w = arg;
	struct stage *st = w->st;
	size_t i;
	while (!st->error && (i = atomic_fetch_add(&st->next, 1)) < st->nnew) {
		struct text *t = &st->t[st->new_idx[i]];
		ue_status e = load(w, t->id, &w->xs);
		if (!e)
			e = sketch(&w->xs, st->p->sketch_k, st->p->sample, &t->keys,
			           &t->nkeys);
		if (e) {
			fail(st, e);
			break;
		}
		t->content_tokens = (uint32_t)w->xs.n;
		keep(st, t, &w->xs);
		size_t d = atomic_fetch_add(&st->done, 1) + 1;
		if (d % 64 == 0)
			progress(st, "prepare", d, st->nnew);
	}
	return NULL;
}

static size_t find_key(const struct stage *st, uint32_t key)
{
	size_t lo = 0, hi = st->nukeys;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (st->ukey[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < st->nukeys && st->ukey[lo] == key ? lo : (size_t)-1;
}

/* Whether some document of text x and some of text y may be compared:
 * of different outlets unless same_outlet. */
static int comparable(const struct stage *st, size_t x, size_t y)
{
	if (st->p->same_outlet)
		return 1;
	const struct ue_docset *ds = &st->ds;
	for (uint32_t i = ds->at[x]; i < ds->at[x + 1]; i++)
		for (uint32_t j = ds->at[y]; j < ds->at[y + 1]; j++) {
			const struct ue_doc_meta *a = &ds->doc[ds->by_text[i]];
			const struct ue_doc_meta *b = &ds->doc[ds->by_text[j]];
			if (a->outlet != b->outlet || !a->outlet)
				return 1;
		}
	return 0;
}

/* Share of content tokens of one side covered by the passages. */
static double coverage(const struct ue_passages *ps, int b_side, size_t n)
{
	if (!n)
		return 0;
	size_t covered = 0;
	uint32_t end = 0;   /* passages are sorted by b; a may overlap */
	for (size_t i = 0; i < ps->n; i++) {
		uint32_t f = b_side ? ps->v[i].b_first : ps->v[i].a_first;
		uint32_t l = b_side ? ps->v[i].b_last : ps->v[i].a_last;
		if (b_side) {
			covered += l - f + 1;
			continue;
		}
		if (l + 1 <= end)
			continue;
		covered += l + 1 - (f > end ? f : end);
		end = l + 1;
	}
	return covered > n ? 1.0 : (double)covered / (double)n;
}

static ue_status emit(struct worker *w, const struct text *x,
                      const struct text *y, const struct ue_seq *xs,
                      const struct ue_seq *ys)
{
	struct stage *st = w->st;
	/* Passages were found with a = y, b = x; store them with a < b. */
	int swap = y->id > x->id;
	struct pair_out po = {
		.a = swap ? x->id : y->id, .b = swap ? y->id : x->id,
		.n = w->ps.n,
	};
	double ycov = coverage(&w->ps, 0, ys->n);
	double xcov = coverage(&w->ps, 1, xs->n);
	po.a_cov = swap ? xcov : ycov;
	po.b_cov = swap ? ycov : xcov;
	po.p = malloc(po.n * sizeof *po.p);
	if (!po.p)
		return UE_ENOMEM;
	for (size_t i = 0; i < po.n; i++) {
		const struct ue_passage *q = &w->ps.v[i];
		struct ue_store_passage sp = {
			q->a_start, q->a_end, q->b_start, q->b_end,
			q->a_first, q->a_last, q->b_first, q->b_last, q->score,
		};
		if (swap)
			sp = (struct ue_store_passage){
				q->b_start, q->b_end, q->a_start, q->a_end,
				q->b_first, q->b_last, q->a_first, q->a_last, q->score,
			};
		po.p[i] = sp;
	}
	pthread_mutex_lock(&st->lock);
	if (st->npairs == st->pairs_alloc) {
		size_t n = st->pairs_alloc ? st->pairs_alloc * 2 : 256;
		struct pair_out *v = realloc(st->pairs, n * sizeof *v);
		if (!v) {
			pthread_mutex_unlock(&st->lock);
			free(po.p);
			return UE_ENOMEM;
		}
		st->pairs = v;
		st->pairs_alloc = n;
	}
	st->pairs[st->npairs++] = po;
	pthread_mutex_unlock(&st->lock);
	return UE_OK;
}

/* Phase 2: candidates of one new text, each verified by alignment. */
static ue_status match_text(struct worker *w, size_t xi)
{
	struct stage *st = w->st;
	const struct text *x = &st->t[xi];
	w->ntouched = 0;
	for (size_t k = 0; k < x->nkeys; k++) {
		size_t u = find_key(st, x->keys[k]);
		if (u == (size_t)-1)
			continue;
		uint32_t df = st->run[u + 1] - st->run[u];
		if (df < 2 || df > st->p->max_df)
			continue;
		for (uint32_t q = st->run[u]; q < st->run[u + 1]; q++) {
			uint32_t yi = st->post[q];
			/* Each pair once: new texts meet earlier texts only. */
			if (yi == xi || (st->t[yi].is_new && yi > xi))
				continue;
			if (w->count[yi]++ == 0)
				w->touched[w->ntouched++] = yi;
		}
	}
	const struct ue_seq *xs = NULL, *ys;
	ue_status e = UE_OK;
	qsort(w->touched, w->ntouched, sizeof *w->touched, cmp_u32);
	for (size_t c = 0; c < w->ntouched && !e; c++) {
		uint32_t yi = w->touched[c];
		if (w->count[yi] < st->p->min_shared || !comparable(st, xi, yi))
			continue;
		w->candidates++;
		if (!xs && (e = sequence(w, x, &w->xs, &xs)))
			break;
		if ((e = sequence(w, &st->t[yi], &w->ys, &ys)) ||
		    (e = ue_align(w->al, ys, xs, &st->ap, &w->ps)))
			break;
		if (w->ps.n)
			e = emit(w, x, &st->t[yi], xs, ys);
	}
	for (size_t c = 0; c < w->ntouched; c++)
		w->count[w->touched[c]] = 0;
	return e;
}

static void *match_worker(void *arg)
{
	struct worker *w = arg;
	struct stage *st = w->st;
	size_t i;
	while (!st->error && (i = atomic_fetch_add(&st->next, 1)) < st->nnew) {
		ue_status e = match_text(w, st->new_idx[i]);
		if (e) {
			fail(st, e);
			break;
		}
		size_t d = atomic_fetch_add(&st->done, 1) + 1;
		if (d % 64 == 0)
			progress(st, "align", d, st->nnew);
	}
	return NULL;
}

static void worker_release(struct worker *w)
{
	ue_tokenizer_free(w->tk);
	ue_store_reader_free(w->rd);
	ue_aligner_free(w->al);
	ue_tokens_release(&w->tok);
	ue_seq_release(&w->xs);
	ue_seq_release(&w->ys);
	ue_passages_release(&w->ps);
	free(w->count);
	free(w->touched);
}

static ue_status worker_init(struct worker *w, struct stage *st)
{
	memset(w, 0, sizeof *w);
	w->st = st;
	ue_tokens_init(&w->tok);
	ue_seq_init(&w->xs);
	ue_seq_init(&w->ys);
	ue_status e;
	if ((e = ue_tokenizer_new(&w->tk)) ||
	    (e = ue_store_reader_open(st->store, &w->rd)) ||
	    (e = ue_aligner_new(&w->al)))
		return e;
	w->count = calloc(st->nt + 1, sizeof *w->count);
	w->touched = malloc((st->nt + 1) * sizeof *w->touched);
	return w->count && w->touched ? UE_OK : UE_ENOMEM;
}

/* Runs fn on the stage's threads over the new texts. */
static ue_status run_workers(struct stage *st, void *(*fn)(void *))
{
	unsigned n = st->p->threads ? st->p->threads : 1;
	if (n > 64)
		n = 64;
	struct worker *w = calloc(n, sizeof *w);
	pthread_t *tid = calloc(n, sizeof *tid);
	if (!w || !tid) {
		free(w);
		free(tid);
		return UE_ENOMEM;
	}
	atomic_store(&st->next, 0);
	atomic_store(&st->done, 0);
	unsigned started = 0;
	for (unsigned i = 0; i < n && !st->error; i++) {
		ue_status e = worker_init(&w[i], st);
		if (e) {
			fail(st, e);
			worker_release(&w[i]);
			break;
		}
		if (pthread_create(&tid[i], NULL, fn, &w[i])) {
			fail(st, UE_ENOMEM);
			worker_release(&w[i]);
			break;
		}
		started++;
	}
	for (unsigned i = 0; i < started; i++) {
		pthread_join(tid[i], NULL);
		st->candidates += w[i].candidates;
		worker_release(&w[i]);
	}
	free(w);
	free(tid);
	return st->error;
}

/* ---- building the index ---- */

static int add_old(void *ctx, int64_t id, uint32_t content_tokens,
                   const uint32_t *keys, size_t n)
{
	struct stage *st = ctx;
	size_t i = ue_docset_text(&st->ds, id);
	if (i == (size_t)-1)
		return 0;   /* a text no document uses any more */
	struct text *t = &st->t[i];
	t->is_new = 0;
	t->content_tokens = content_tokens;
	t->nkeys = n;
	t->keys = malloc((n + 1) * sizeof *keys);
	if (!t->keys)
		return 1;
	memcpy(t->keys, keys, n * sizeof *keys);
	return 0;
}

struct entry {
	uint32_t key, text;
};

/* Sorts entries by key with a radix sort (stable, 4 passes of 8 bits). */
static ue_status sort_entries(struct entry *e, size_t n)
{
	struct entry *tmp = malloc((n + 1) * sizeof *tmp);
	if (!tmp)
		return UE_ENOMEM;
	for (int shift = 0; shift < 32; shift += 8) {
		size_t count[257] = {0};
		for (size_t i = 0; i < n; i++)
			count[((e[i].key >> shift) & 0xFF) + 1]++;
		for (int b = 0; b < 256; b++)
			count[b + 1] += count[b];
		for (size_t i = 0; i < n; i++)
			tmp[count[(e[i].key >> shift) & 0xFF]++] = e[i];
		memcpy(e, tmp, n * sizeof *e);
	}
	free(tmp);
	return UE_OK;
}

static ue_status build_index(struct stage *st)
{
	size_t n = 0;
	for (size_t i = 0; i < st->nt; i++)
		n += st->t[i].nkeys;
	struct entry *e = malloc((n + 1) * sizeof *e);
	if (!e)
		return UE_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < st->nt; i++)
		for (size_t j = 0; j < st->t[i].nkeys; j++)
			e[k++] = (struct entry){st->t[i].keys[j], (uint32_t)i};
	ue_status err = sort_entries(e, n);
	st->ukey = malloc((n + 1) * sizeof *st->ukey);
	st->run = malloc((n + 2) * sizeof *st->run);
	st->post = malloc((n + 1) * sizeof *st->post);
	if (err || !st->ukey || !st->run || !st->post) {
		free(e);
		return UE_ENOMEM;
	}
	st->nukeys = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || e[i].key != e[i - 1].key) {
			st->ukey[st->nukeys] = e[i].key;
			st->run[st->nukeys++] = (uint32_t)i;
		}
		st->post[i] = e[i].text;
	}
	st->run[st->nukeys] = (uint32_t)n;
	free(e);
	return UE_OK;
}

static size_t text_index(const struct stage *st, int64_t id)
{
	return ue_docset_text(&st->ds, id);
}

/* ---- document-level results ---- */

/* A run of content tokens of a document taken from source document src. */
struct interval {
	uint32_t first, last;
	uint32_t src;    /* the source: index into st->ds.doc */
};

struct doc_acc {
	struct interval *v;
	size_t n, alloc;
};

struct doc_pass {
	struct stage *st;
	size_t ti;                /* the text being finished */
	struct doc_acc *acc;      /* one per document of that text */
	ue_status error;
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

static int may_pair(const struct stage *st, const struct ue_doc_meta *a,
                    const struct ue_doc_meta *b)
{
	return st->p->same_outlet || !a->outlet || a->outlet != b->outlet;
}

/* Adds the passages that the documents of text ti took from the earlier
 * documents of another text: other's passages are pair's. */
static int take_from(struct doc_pass *dp, size_t other,
                     const struct ue_text_pair *pair, int mine_a)
{
	struct stage *st = dp->st;
	const struct ue_docset *ds = &st->ds;
	uint32_t lo = ds->at[dp->ti];
	for (uint32_t i = lo; i < ds->at[dp->ti + 1]; i++) {
		const struct ue_doc_meta *d = &ds->doc[ds->by_text[i]];
		for (uint32_t j = ds->at[other]; j < ds->at[other + 1]; j++) {
			const struct ue_doc_meta *e = &ds->doc[ds->by_text[j]];
			if (e == d || !may_pair(st, e, d) ||
			    ue_reuse_direction(e, d, NULL) <= 0)
				continue;
			struct doc_acc *a = &dp->acc[i - lo];
			uint32_t total = st->t[dp->ti].content_tokens;
			if (!pair) {   /* an exact duplicate: all of it */
				if (total && add_interval(a, 0, total - 1,
				                          ds->by_text[j]))
					return -1;
				continue;
			}
			for (size_t k = 0; k < pair->n; k++) {
				const struct ue_store_passage *q = &pair->p[k];
				if (add_interval(a, mine_a ? q->a_first : q->b_first,
				                 mine_a ? q->a_last : q->b_last,
				                 ds->by_text[j]))
					return -1;
			}
		}
	}
	return 0;
}

static int collect_pair(void *ctx, const struct ue_text_pair *pair)
{
	struct doc_pass *dp = ctx;
	int mine_a = pair->a == dp->st->t[dp->ti].id;
	size_t other = text_index(dp->st, mine_a ? pair->b : pair->a);
	if (other != (size_t)-1 && take_from(dp, other, pair, mine_a)) {
		dp->error = UE_ENOMEM;
		return 1;
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
static ue_status sources_json(struct stage *st, struct doc_acc *a,
                              uint32_t total, struct ue_buf *out)
{
	ue_buf_reset(out);
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
	qsort(src, ns, sizeof *src, by_covered);
	ue_buf_putc(out, '[');
	for (size_t i = 0; i < ns && i < UE_REUSE_MAX_SOURCES; i++) {
		const struct ue_doc_meta *m = &st->ds.doc[src[i].src];
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
static ue_status finish_text(struct stage *st, size_t ti, struct ue_buf *json)
{
	const struct ue_docset *ds = &st->ds;
	uint32_t lo = ds->at[ti], hi = ds->at[ti + 1];
	if (lo == hi)
		return UE_OK;
	struct doc_pass dp = {st, ti, calloc(hi - lo, sizeof *dp.acc), UE_OK};
	if (!dp.acc)
		return UE_ENOMEM;
	ue_status err = take_from(&dp, ti, NULL, 0) ? UE_ENOMEM : UE_OK;
	if (!err)
		err = ue_store_text_pairs(st->store, st->t[ti].id, collect_pair,
		                          &dp);
	if (!err)
		err = dp.error;
	uint32_t total = st->t[ti].content_tokens;
	for (uint32_t i = lo; i < hi && !err; i++) {
		struct doc_acc *a = &dp.acc[i - lo];
		err = sources_json(st, a, total, json);
		qsort(a->v, a->n, sizeof *a->v, by_first);
		double f = share(union_len(a->v, a->n), total);
		if (!err)
			err = ue_store_reuse_doc_put(st->store,
			        ds->doc[ds->by_text[i]].doc, f,
			        reuse_class(st->p, f), ue_buf_str(json));
	}
	for (uint32_t i = lo; i < hi; i++)
		free(dp.acc[i - lo].v);
	free(dp.acc);
	return err;
}

static int by_texts(const void *x, const void *y)
{
	const struct pair_out *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

/* ---- near-duplicate groups ---- */

struct groups {
	struct stage *st;
	uint32_t *parent;
};

static uint32_t root(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

static int join_near_dups(void *ctx, const struct ue_text_pair *pair)
{
	struct groups *g = ctx;
	double t = g->st->p->near_dup;
	if (pair->a_coverage < t || pair->b_coverage < t)
		return 0;
	size_t a = text_index(g->st, pair->a), b = text_index(g->st, pair->b);
	if (a == (size_t)-1 || b == (size_t)-1)
		return 0;
	uint32_t ra = root(g->parent, (uint32_t)a);
	uint32_t rb = root(g->parent, (uint32_t)b);
	/* The root is the smallest text index: groups are named by it. */
	if (ra < rb)
		g->parent[rb] = ra;
	else
		g->parent[ra] = rb;
	return 0;
}

/* Names each document's near-duplicate group: the id of the first text of
 * a set of texts joined by pairs that cover most of both sides. */
static ue_status near_dup_groups(struct stage *st)
{
	struct groups g = {st, malloc((st->nt + 1) * sizeof *g.parent)};
	unsigned char *big = calloc(st->nt + 1, 1);
	if (!g.parent || !big) {
		free(g.parent);
		free(big);
		return UE_ENOMEM;
	}
	for (size_t i = 0; i < st->nt; i++)
		g.parent[i] = (uint32_t)i;
	ue_status err = ue_store_text_pairs(st->store, 0, join_near_dups, &g);
	for (size_t i = 0; i < st->nt; i++)
		if (root(g.parent, (uint32_t)i) != i)
			big[root(g.parent, (uint32_t)i)] = 1;
	for (size_t d = 0; !err && d < st->ds.n; d++) {
		size_t t = text_index(st, st->ds.doc[d].text);
		if (t == (size_t)-1)
			continue;
		uint32_t r = root(g.parent, (uint32_t)t);
		err = ue_store_reuse_doc_group(st->store, st->ds.doc[d].doc,
		                               big[r] ? st->t[r].id : 0);
	}
	free(g.parent);
	free(big);
	return err;
}

/* ---- the stage ---- */

static void stage_release(struct stage *st)
{
	for (size_t i = 0; i < st->nt; i++) {
		free(st->t[i].keys);
		if (st->t[i].seq)
			ue_seq_release(st->t[i].seq);
		free(st->t[i].seq);
	}
	for (size_t i = 0; i < st->npairs; i++)
		free(st->pairs[i].p);
	free(st->t);
	free(st->new_idx);
	free(st->ukey);
	free(st->run);
	free(st->post);
	ue_docset_release(&st->ds);
	free(st->pairs);
	pthread_mutex_destroy(&st->lock);
}

/* Texts whose documents need their results (re)computed: the new texts,
 * the texts paired with them, and texts with documents not yet done. */
static ue_status mark_affected(struct stage *st, unsigned char *affected)
{
	for (size_t i = 0; i < st->nnew; i++)
		affected[st->new_idx[i]] = 1;
	for (size_t d = 0; d < st->ds.n; d++)
		if (!st->ds.doc[d].analysed) {
			size_t t = text_index(st, st->ds.doc[d].text);
			if (t != (size_t)-1)
				affected[t] = 1;
		}
	for (size_t i = 0; i < st->npairs; i++) {
		size_t a = text_index(st, st->pairs[i].a);
		size_t b = text_index(st, st->pairs[i].b);
		if (a != (size_t)-1)
			affected[a] = 1;
		if (b != (size_t)-1)
			affected[b] = 1;
	}
	return UE_OK;
}

ue_status ue_reuse_run(struct ue_store *s, const struct ue_reuse_params *p,
                       struct ue_reuse_summary *sum)
{
	struct stage st = {.store = s, .p = p};
	pthread_mutex_init(&st.lock, NULL);
	ue_align_params_default(&st.ap);
	memset(sum, 0, sizeof *sum);
	ue_status err = ue_docset_load(&st.ds, s);
	if (!err && !(st.t = calloc(st.ds.ntext + 1, sizeof *st.t)))
		err = UE_ENOMEM;
	for (size_t i = 0; !err && i < st.ds.ntext; i++)
		st.t[i] = (struct text){.id = st.ds.text[i], .is_new = 1};
	st.nt = st.ds.ntext;
	if (!err)
		err = ue_store_reuse_sketches(s, add_old, &st);
	if (!err && !(st.new_idx = malloc((st.nt + 1) * sizeof *st.new_idx)))
		err = UE_ENOMEM;
	for (size_t i = 0; !err && i < st.nt; i++)
		if (st.t[i].is_new)
			st.new_idx[st.nnew++] = i;
	sum->texts_new = st.nnew;
	/* 1. Sketch the new texts. */
	if (!err && st.nnew)
		err = run_workers(&st, prepare_worker);
	/* 2. Index every sketch; align each new text with its candidates. */
	if (!err && st.nnew)
		err = build_index(&st);
	if (!err && st.nnew)
		err = run_workers(&st, match_worker);
	sum->candidates = st.candidates;
	sum->pairs = st.npairs;
	/* 3. Store, then derive the documents' results. */
	unsigned char *affected = calloc(st.nt + 1, 1);
	struct ue_buf json = UE_BUF_INIT;
	if (!err && !affected)
		err = UE_ENOMEM;
	if (!err)
		err = ue_store_begin(s);
	for (size_t i = 0; !err && i < st.nnew; i++) {
		struct text *t = &st.t[st.new_idx[i]];
		err = ue_store_reuse_text_put(s, t->id, t->content_tokens,
		                              t->keys, t->nkeys);
	}
	/* Threads finish in any order: store pairs in a stable one. */
	qsort(st.pairs, st.npairs, sizeof *st.pairs, by_texts);
	for (size_t i = 0; !err && i < st.npairs; i++) {
		struct pair_out *po = &st.pairs[i];
		err = ue_store_text_pair_put(s, po->a, po->b, po->a_cov,
		                             po->b_cov, po->p, po->n);
	}
	if (!err)
		err = mark_affected(&st, affected);
	for (size_t t = 0; !err && t < st.nt; t++) {
		if (!affected[t])
			continue;
		err = finish_text(&st, t, &json);
		sum->docs_updated += st.ds.at[t + 1] - st.ds.at[t];
		if (t % 256 == 0)
			progress(&st, "documents", t, st.nt);
	}
	if (!err && st.npairs)
		err = near_dup_groups(&st);
	if (!err)
		err = ue_store_commit(s);
	else
		ue_store_rollback(s);
	free(affected);
	ue_buf_release(&json);
	stage_release(&st);
	return err;
}
