/* textpass.c - the per-text pass; see textpass.h. */
#include "pipeline/textpass.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "story/termvec.h"
#include "text/token.h"

/* Terms kept per text. */
#define TEXT_TERMS 64
/* Texts per batch (and per transaction). */
#define BATCH 1024

/* What the pass computed for one text. */
struct result {
	unsigned char *terms;
	size_t terms_len;
};

struct pass {
	struct ue_store *store;
	const int64_t *text;     /* this batch */
	struct result *out;
	size_t n;
	atomic_size_t next;
	_Atomic ue_status error;
};

struct worker {
	struct pass *pass;
	struct ue_tokenizer *tk;
	struct ue_store_reader *rd;
	struct ue_tokens tok;
	struct ue_termvec tv;
};

static ue_status one_text(struct worker *w, size_t i)
{
	const char *data, *lang;
	size_t len;
	struct result *r = &w->pass->out[i];
	ue_status e = ue_store_reader_text(w->rd, w->pass->text[i], &data,
	                                   &len, &lang);
	if (!e)
		e = ue_tokenize(w->tk, data, len, lang, &w->tok);
	if (!e)
		e = ue_termvec_build(&w->tv, data, &w->tok, TEXT_TERMS);
	if (!e)
		e = ue_termvec_pack(&w->tv, &r->terms, &r->terms_len);
	return e;
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct pass *p = w->pass;
	size_t i;
	while (!p->error && (i = atomic_fetch_add(&p->next, 1)) < p->n) {
		ue_status e = one_text(w, i);
		if (e) {
			ue_status none = UE_OK;
			atomic_compare_exchange_strong(&p->error, &none, e);
		}
	}
	return NULL;
}

static void worker_release(struct worker *w)
{
	ue_tokenizer_free(w->tk);
	ue_store_reader_free(w->rd);
	ue_tokens_release(&w->tok);
	ue_termvec_release(&w->tv);
}

/* Computes one batch on n threads. */
static ue_status compute(struct pass *p, struct worker *w, unsigned n)
{
	pthread_t tid[64];
	unsigned started = 0;
	atomic_store(&p->next, 0);
	for (unsigned i = 0; i < n; i++) {
		if (pthread_create(&tid[i], NULL, work, &w[i])) {
			p->error = UE_ENOMEM;
			break;
		}
		started++;
	}
	for (unsigned i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	return p->error;
}

static ue_status store_batch(struct ue_store *s, const struct pass *p)
{
	ue_status e = ue_store_begin(s);
	for (size_t i = 0; !e && i < p->n; i++)
		e = ue_store_features_put(s, p->text[i], p->out[i].terms,
		                          p->out[i].terms_len);
	if (e) {
		ue_store_rollback(s);
		return e;
	}
	return ue_store_commit(s);
}

ue_status ue_textpass_run(struct ue_store *s,
                          const struct ue_textpass_params *params,
                          uint64_t *texts)
{
	*texts = 0;
	int64_t *ids;
	size_t n;
	ue_status e = ue_store_features_pending(s, &ids, &n);
	if (e || n == 0) {
		free(ids);
		return e;
	}
	unsigned nt = params->threads ? params->threads : 1;
	if (nt > 64)
		nt = 64;
	struct worker w[64];
	struct result *out = calloc(BATCH, sizeof *out);
	struct pass p = {.store = s, .out = out};
	unsigned ready = 0;
	e = out ? UE_OK : UE_ENOMEM;
	while (!e && ready < nt) {
		struct worker *x = &w[ready];
		memset(x, 0, sizeof *x);
		x->pass = &p;
		ue_tokens_init(&x->tok);
		ue_termvec_init(&x->tv);
		if ((e = ue_tokenizer_new(&x->tk)) ||
		    (e = ue_store_reader_open(s, &x->rd)))
			worker_release(x);
		else
			ready++;
	}
	for (size_t at = 0; !e && at < n; at += BATCH) {
		p.text = ids + at;
		p.n = n - at < BATCH ? n - at : BATCH;
		memset(out, 0, BATCH * sizeof *out);
		e = compute(&p, w, ready);
		if (!e)
			e = store_batch(s, &p);
		for (size_t i = 0; i < p.n; i++)
			free(out[i].terms);
		if (!e) {
			*texts += p.n;
			if (params->progress)
				params->progress(params->ctx, "texts", *texts, n);
		}
	}
	for (unsigned i = 0; i < ready; i++)
		worker_release(&w[i]);
	free(out);
	free(ids);
	return e;
}
