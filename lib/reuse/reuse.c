/* reuse.c - the text reuse stage; see reuse.h. */
#include "reuse/reuse.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "common/arena.h"
#include "common/radix.h"
#include "reuse/align.h"
#include "reuse/docset.h"
#include "reuse/finish.h"
#include "text/token.h"

void ue_reuse_params_default(struct ue_reuse_params *p)
{
	memset(p, 0, sizeof *p);
	p->threads = 2;
	p->sketch_k = 2;
	p->sample = 1;
	p->max_df = 20;
	p->cache_bytes = (size_t)2 << 30;
	p->min_shared = 4;
	p->wholly = 0.5;
	p->partially = 0.15;
	p->near_dup = 0.8;
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

#define NO_RUN UINT32_MAX
#define NEW_TEXT 0x80000000u     /* in a posting: the text is new */
#define LAST_IN_RUN 0x40000000u  /* in a posting: the run's last */
#define TEXT_BITS 0x3FFFFFFFu    /* in a posting: the text index */
#define MAX_COUNT UINT8_MAX       /* shared keys counted up to this */

/* ---- per-text preparation ---- */

/* A text as the stage knows it. */
struct text {
	int64_t id;
	uint32_t content_tokens;
	uint32_t *keys;      /* sorted sketch keys (in an arena) */
	uint32_t *runs;      /* of a new text: where the index run of each
	                        key starts in stage.post; NO_RUN if the key
	                        is useless (in stage.runs) */
	size_t nkeys;
	int is_new;
	struct ue_seq *seq;  /* kept from preparation while memory allows
	                        (in an arena, without shingles) */
};

#define MAX_WORKERS 64
#define ARENA_BLOCK ((size_t)32 << 20)   /* bytes */

struct stage {
	struct ue_store *store;
	const struct ue_reuse_params *p;
	struct ue_align_params ap;
	struct text *t;          /* every text, by id: t[i] is ds.text[i] */
	size_t nt;
	size_t *new_idx;         /* indices into t of the new texts */
	size_t nnew;
	/* The index: the postings of each useful sketch key (one that 2 to
	 * max_df texts have), a run of text indices each, NEW_TEXT marking
	 * new texts and LAST_IN_RUN a run's last. */
	uint32_t *post;
	uint32_t *runs;          /* the runs of the new texts' keys */
	/* Documents, and the documents of each text (ds.text[i] is t[i]). */
	struct ue_docset ds;
	/* The texts' keys and kept sequences: an arena per worker, the first
	 * also for the keys loaded before the workers start. */
	struct ue_arena arena[MAX_WORKERS];
	/* Work distribution and results. */
	atomic_size_t next;
	atomic_size_t done;
	atomic_size_t cached;    /* bytes of kept sequences */
	pthread_mutex_t lock;
	_Atomic ue_status error;  /* the first failure; workers stop */
	struct pair_out *pairs;
	size_t npairs;
	uint64_t candidates;
};

struct pair_out {
	int64_t a, b;
	double a_cov, b_cov;
	struct ue_store_passage *p;
	size_t n;
};

/* A kept sequence seen through a worker: its own shingle buffer. */
struct view {
	struct ue_seq seq;    /* borrows the kept arrays */
	uint64_t *shingle;
	size_t alloc;
};

/* A worker's state: its tokenizer, reader and scratch. */
struct worker {
	struct stage *st;
	struct ue_tokenizer *tk;
	struct ue_store_reader *rd;
	struct ue_aligner *al;
	struct ue_arena *arena;   /* the stage's, for this worker */
	struct ue_tokens tok;
	struct ue_seq xs, ys;     /* sequences loaded here */
	struct view xv, yv;       /* kept sequences seen here */
	struct ue_passages ps;
	uint32_t *sketch, *scratch;  /* a text's sketch keys, being made */
	size_t sketch_alloc;
	uint8_t *count;           /* shared sketch keys, per text, up to
	                             MAX_COUNT: small, to stay in cache */
	uint32_t *touched;
	size_t ntouched;
	uint64_t candidates;
	struct pair_out *pairs;   /* found by this worker */
	size_t npairs, pairs_alloc;
};

static void fail(struct stage *st, ue_status e)
{
	pthread_mutex_lock(&st->lock);
	if (!st->error)
		st->error = e;
	pthread_mutex_unlock(&st->lock);
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

/* The sequence of text t: kept from preparation (with shingles made in
 * view), or loaded into spare. */
static ue_status sequence(struct worker *w, const struct text *t,
                          struct ue_seq *spare, struct view *view,
                          const struct ue_seq **out)
{
	if (!t->seq) {
		*out = spare;
		return load(w, t->id, spare);
	}
	if (t->seq->n + 1 > view->alloc) {
		uint64_t *p = realloc(view->shingle,
		                      (t->seq->n + 1) * sizeof *p);
		if (!p)
			return UE_ENOMEM;
		view->shingle = p;
		view->alloc = t->seq->n + 1;
	}
	view->seq = *t->seq;
	view->seq.shingle = view->shingle;
	view->seq.nshingles = ue_seq_shingles(t->seq->hash, t->seq->n,
	                                      t->seq->k, view->shingle);
	*out = &view->seq;
	return UE_OK;
}

/* Keeps a copy of a prepared sequence (without its shingles, which are
 * cheap to make again) while within the memory budget. */
static void keep(struct worker *w, struct text *t, const struct ue_seq *s)
{
	struct stage *st = w->st;
	size_t bytes = sizeof *s + s->n * 3 * sizeof(uint32_t);
	if (atomic_fetch_add(&st->cached, bytes) + bytes > st->p->cache_bytes)
		return;
	struct ue_seq *c = ue_arena_alloc(w->arena, sizeof *c);
	uint32_t *v = ue_arena_alloc(w->arena, s->n * 3 * sizeof *v);
	if (!c || !v)
		return;   /* loaded again when needed */
	ue_seq_init(c);
	c->k = s->k;
	c->n = s->n;
	c->hash = v;
	c->start = v + s->n;
	c->end = v + 2 * s->n;
	memcpy(c->hash, s->hash, s->n * sizeof *c->hash);
	memcpy(c->start, s->start, s->n * sizeof *c->start);
	memcpy(c->end, s->end, s->n * sizeof *c->end);
	t->seq = c;
}

/* Sorts keys[0..n) and drops repeats; returns how many are left.  Scratch
 * has room for n. */
static size_t sort_unique(uint32_t *keys, size_t n, uint32_t *scratch)
{
	ue_radix_sort_u32(keys, n, scratch);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || keys[u - 1] != keys[i])
			keys[u++] = keys[i];
	return u;
}

/* The sketch of a prepared text, in its worker's arena: the distinct
 * k-shingles of content tokens whose hash falls in the sample.  Texts
 * sharing several sketch keys that few other texts have are candidates
 * for alignment. */
static ue_status sketch(struct worker *w, const struct ue_seq *seq,
                        struct text *t)
{
	unsigned k = w->st->p->sketch_k, sample = w->st->p->sample;
	if (seq->n + 1 > w->sketch_alloc) {
		uint32_t *a = realloc(w->sketch, (seq->n + 1) * sizeof *a);
		if (a)
			w->sketch = a;
		uint32_t *b = realloc(w->scratch, (seq->n + 1) * sizeof *b);
		if (b)
			w->scratch = b;
		if (!a || !b)
			return UE_ENOMEM;
		w->sketch_alloc = seq->n + 1;
	}
	size_t m = 0;
	for (size_t i = 0; i + k <= seq->n; i++) {
		uint64_t h = 0;
		for (unsigned j = 0; j < k; j++)
			h = ue_shingle_mix(h, seq->hash[i + j]);
		if ((h >> 40) % sample == 0)
			w->sketch[m++] = (uint32_t)h;
	}
	t->nkeys = sort_unique(w->sketch, m, w->scratch);
	t->keys = ue_arena_alloc(w->arena, t->nkeys * sizeof *t->keys);
	if (!t->keys)
		return UE_ENOMEM;
	memcpy(t->keys, w->sketch, t->nkeys * sizeof *t->keys);
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
			e = sketch(w, &w->xs, t);
		if (e) {
			fail(st, e);
			break;
		}
		t->content_tokens = (uint32_t)w->xs.n;
		keep(w, t, &w->xs);
		size_t d = atomic_fetch_add(&st->done, 1) + 1;
		if (d % 64 == 0)
			progress(st, "prepare", d, st->nnew);
	}
	return NULL;
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
	if (w->npairs == w->pairs_alloc) {
		size_t n = w->pairs_alloc ? w->pairs_alloc * 2 : 256;
		struct pair_out *v = realloc(w->pairs, n * sizeof *v);
		if (!v) {
			free(po.p);
			return UE_ENOMEM;
		}
		w->pairs = v;
		w->pairs_alloc = n;
	}
	w->pairs[w->npairs++] = po;
	return UE_OK;
}

/* Phase 2: candidates of one new text, each verified by alignment. */
static ue_status match_text(struct worker *w, size_t xi)
{
	struct stage *st = w->st;
	const struct text *x = &st->t[xi];
	w->ntouched = 0;
	for (size_t k = 0; k < x->nkeys; k++) {
		if (x->runs[k] == NO_RUN)
			continue;
		uint32_t posting;
		const uint32_t *q = st->post + x->runs[k];
		do {
			posting = *q++;
			uint32_t yi = posting & TEXT_BITS;
			/* Each pair once: new texts meet earlier texts only. */
			if (yi == xi || ((posting & NEW_TEXT) && yi > xi))
				continue;
			if (w->count[yi] == 0)
				w->touched[w->ntouched++] = yi;
			if (w->count[yi] < MAX_COUNT)
				w->count[yi]++;
		} while (!(posting & LAST_IN_RUN));
	}
	unsigned min_shared = st->p->min_shared < MAX_COUNT ?
	                      st->p->min_shared : MAX_COUNT;
	const struct ue_seq *xs = NULL, *ys;
	ue_status e = UE_OK;
	for (size_t c = 0; c < w->ntouched && !e; c++) {
		uint32_t yi = w->touched[c];
		if (w->count[yi] < min_shared || !comparable(st, xi, yi))
			continue;
		w->candidates++;
		if (!xs && (e = sequence(w, x, &w->xs, &w->xv, &xs)))
			break;
		if ((e = sequence(w, &st->t[yi], &w->ys, &w->yv, &ys)) ||
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

/* Moves a worker's pairs to the stage. */
static ue_status collect_pairs(struct stage *st, struct worker *w)
{
	if (!w->npairs)
		return UE_OK;
	struct pair_out *v = realloc(st->pairs,
	        (st->npairs + w->npairs) * sizeof *v);
	if (!v)
		return UE_ENOMEM;
	memcpy(v + st->npairs, w->pairs, w->npairs * sizeof *v);
	st->pairs = v;
	st->npairs += w->npairs;
	w->npairs = 0;
	return UE_OK;
}

static void worker_release(struct worker *w)
{
	for (size_t i = 0; i < w->npairs; i++)
		free(w->pairs[i].p);
	free(w->pairs);
	ue_tokenizer_free(w->tk);
	ue_store_reader_free(w->rd);
	ue_aligner_free(w->al);
	ue_tokens_release(&w->tok);
	ue_seq_release(&w->xs);
	ue_seq_release(&w->ys);
	free(w->xv.shingle);
	free(w->yv.shingle);
	free(w->sketch);
	free(w->scratch);
	ue_passages_release(&w->ps);
	free(w->count);
	free(w->touched);
}

static ue_status worker_init(struct worker *w, struct stage *st,
                             struct ue_arena *arena)
{
	memset(w, 0, sizeof *w);
	w->st = st;
	w->arena = arena;
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
	if (n > MAX_WORKERS)
		n = MAX_WORKERS;
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
		ue_status e = worker_init(&w[i], st, &st->arena[i]);
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
		if (collect_pairs(st, &w[i]))
			fail(st, UE_ENOMEM);
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
	t->keys = ue_arena_alloc(&st->arena[0], n * sizeof *keys);
	if (!t->keys)
		return 1;
	memcpy(t->keys, keys, n * sizeof *keys);
	return 0;
}

/* The index spreads its entries into BUCKETS by the keys' top bits, then
 * sorts each bucket by the LOW_BITS others: with 1024 buckets one holds
 * about 20,000 entries for AllSides' 19 million, and stays in cache. */
#define LOW_BITS 22
#define BUCKETS ((size_t)1 << (32 - LOW_BITS))

/* A sketch key of a text, as a posting: the text's index, NEW_TEXT
 * marking a new text. */
struct entry {
	uint32_t key, posting;
};

/* Sorts entries that share the top bits of their keys by the LOW_BITS
 * others, a byte per pass (stable), with scratch room for n. */
static void sort_bucket(struct entry *e, size_t n, struct entry *scratch)
{
	struct entry *from = e, *to = scratch;
	for (int shift = 0; shift < LOW_BITS; shift += 8) {
		size_t count[257] = {0};
		for (size_t i = 0; i < n; i++)
			count[((from[i].key >> shift) & 0xFF) + 1]++;
		for (int b = 0; b < 256; b++)
			count[b + 1] += count[b];
		for (size_t i = 0; i < n; i++)
			to[count[(from[i].key >> shift) & 0xFF]++] = from[i];
		struct entry *x = from;
		from = to;
		to = x;
	}
	if (from != e)   /* an odd number of passes */
		memcpy(e, from, n * sizeof *e);
}

/*
 * Appends to stage.post the runs of the useful keys among n entries
 * sorted by key, and notes in stage.runs where each new text's key has
 * its run: next_run[i] is where new text i's next key is noted, as its
 * keys come in order.  Returns the new end of stage.post.
 */
static size_t add_runs(struct stage *st, const struct entry *e, size_t n,
                       size_t end, uint32_t *next_run)
{
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && e[j].key == e[i].key; j++)
			;
		int useful = j - i >= 2 && j - i <= st->p->max_df;
		uint32_t start = useful ? (uint32_t)end : NO_RUN;
		for (size_t q = i; q < j; q++) {
			if (e[q].posting & NEW_TEXT)
				st->runs[next_run[e[q].posting & TEXT_BITS]++] = start;
			if (useful)
				st->post[end++] = e[q].posting;
		}
		if (useful)
			st->post[end - 1] |= LAST_IN_RUN;
	}
	return end;
}

/*
 * The index: the postings of every useful key, in text order, and for
 * each key of a new text where its run starts.  The entries are spread
 * by the keys' top bits as they are made, then each bucket is sorted by
 * the rest and its runs added while it is in cache.
 */
static ue_status build_index(struct stage *st)
{
	size_t n = 0, nnew_keys = 0, start[BUCKETS + 1] = {0};
	for (size_t i = 0; i < st->nt; i++) {
		const struct text *t = &st->t[i];
		n += t->nkeys;
		nnew_keys += t->is_new ? t->nkeys : 0;
		for (size_t j = 0; j < t->nkeys; j++)
			start[(t->keys[j] >> LOW_BITS) + 1]++;
	}
	if (n >= NO_RUN)   /* runs are 32-bit offsets into post */
		return UE_ENOMEM;
	size_t biggest = 0;
	for (size_t b = 0; b < BUCKETS; b++) {
		biggest = start[b + 1] > biggest ? start[b + 1] : biggest;
		start[b + 1] += start[b];
	}
	/* In huge pages: the index is written and read at random, and with
	 * small pages much of that time goes to TLB misses. */
	struct entry *e = ue_huge_alloc((n + 1) * sizeof *e);
	struct entry *scratch = malloc((biggest + 1) * sizeof *scratch);
	uint32_t *next_run = malloc((st->nt + 1) * sizeof *next_run);
	st->runs = ue_huge_alloc((nnew_keys + 1) * sizeof *st->runs);
	/* Only the part used is touched: room for all is a bound. */
	st->post = ue_huge_alloc((n + 1) * sizeof *st->post);
	ue_status err = UE_ENOMEM;
	if (!e || !scratch || !next_run || !st->runs || !st->post)
		goto done;
	size_t fill[BUCKETS], at = 0;
	memcpy(fill, start, sizeof fill);
	for (size_t i = 0; i < st->nt; i++) {
		struct text *t = &st->t[i];
		uint32_t posting = (uint32_t)i | (t->is_new ? NEW_TEXT : 0);
		if (t->is_new) {
			t->runs = st->runs + at;
			next_run[i] = (uint32_t)at;
			at += t->nkeys;
		}
		for (size_t j = 0; j < t->nkeys; j++)
			e[fill[t->keys[j] >> LOW_BITS]++] = (struct entry){
				t->keys[j], posting};
	}
	/* A text's keys are sorted and unique, so that bucket by bucket its
	 * entries come in the order of its keys. */
	size_t end = 0;
	for (size_t b = 0; b < BUCKETS; b++) {
		size_t m = start[b + 1] - start[b];
		sort_bucket(e + start[b], m, scratch);
		end = add_runs(st, e + start[b], m, end, next_run);
	}
	err = UE_OK;
done:
	free(next_run);
	free(scratch);
	free(e);
	return err;
}

static size_t text_index(const struct stage *st, int64_t id)
{
	return ue_docset_text(&st->ds, id);
}

static int by_texts(const void *x, const void *y)
{
	const struct pair_out *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

/* ---- the stage ---- */

static void stage_release(struct stage *st)
{
	for (size_t i = 0; i < MAX_WORKERS; i++)
		ue_arena_release(&st->arena[i]);
	for (size_t i = 0; i < st->npairs; i++)
		free(st->pairs[i].p);
	free(st->t);
	free(st->new_idx);
	free(st->post);
	free(st->runs);
	ue_docset_release(&st->ds);
	free(st->pairs);
	pthread_mutex_destroy(&st->lock);
}

/* Marks the texts whose documents need their results (re)computed: the
 * new texts, the texts paired with them, and texts with documents not yet
 * done.  Returns how many. */
static size_t mark_affected(struct stage *st, unsigned char *affected)
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
	size_t n = 0;
	for (size_t t = 0; t < st->nt; t++)
		n += affected[t];
	return n;
}

ue_status ue_reuse_run(struct ue_store *s, const struct ue_reuse_params *p,
                       struct ue_reuse_summary *sum)
{
	struct stage st = {.store = s, .p = p};
	pthread_mutex_init(&st.lock, NULL);
	for (size_t i = 0; i < MAX_WORKERS; i++)
		ue_arena_init(&st.arena[i], ARENA_BLOCK);
	ue_align_params_default(&st.ap);
	memset(sum, 0, sizeof *sum);
	ue_status err = ue_docset_load(&st.ds, s);
	if (!err && st.ds.ntext > TEXT_BITS)   /* postings hold text indices */
		err = UE_ENOMEM;
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
	if (!err && st.nnew) {
		progress(&st, "index", 0, 1);
		err = build_index(&st);
	}
	if (!err && st.nnew)
		err = run_workers(&st, match_worker);
	sum->candidates = st.candidates;
	sum->pairs = st.npairs;
	/* 3. Store, then derive the documents' results. */
	progress(&st, "store", 0, 1);
	unsigned char *affected = calloc(st.nt + 1, 1);
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
	if (st.npairs > 1)
		qsort(st.pairs, st.npairs, sizeof *st.pairs, by_texts);
	for (size_t i = 0; !err && i < st.npairs; i++) {
		struct pair_out *po = &st.pairs[i];
		err = ue_store_text_pair_put(s, po->a, po->b, po->a_cov,
		                             po->b_cov, po->p, po->n);
	}
	/* Nothing new, nothing to recompute. */
	size_t naffected = err ? 0 : mark_affected(&st, affected);
	uint32_t *content_tokens = malloc((st.nt + 1) * sizeof *content_tokens);
	if (!err && !content_tokens)
		err = UE_ENOMEM;
	for (size_t t = 0; !err && t < st.nt; t++)
		content_tokens[t] = st.t[t].content_tokens;
	if (!err && naffected)
		err = ue_reuse_finish(s, &st.ds, content_tokens, affected, p,
		                      &sum->docs_updated);
	free(content_tokens);
	if (!err)
		err = ue_store_commit(s);
	else
		ue_store_rollback(s);
	free(affected);
	stage_release(&st);
	return err;
}
