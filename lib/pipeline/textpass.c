/* textpass.c - the per-text pass; see textpass.h. */
#include "pipeline/textpass.h"

#include <pthread.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "attrib/attrib.h"
#include "claims/entities.h"
#include "claims/mention.h"
#include "claims/quantity.h"
#include "story/termvec.h"
#include "text/token.h"

/* Terms kept per text. */
#define TEXT_TERMS 64
/* What an entity mention and a counted quantity count for in the term
 * vector, against 1 for a word. */
#define ENTITY_WEIGHT 2
#define QUANTITY_WEIGHT 2
/* Texts per batch (and per transaction). */
#define BATCH 1024

/* What the pass computed for one text. */
struct result {
	unsigned char *terms, *mentions;
	size_t terms_len, mentions_len;
	struct ue_store_attribution *attrib;
	size_t nattrib;
};

struct pass {
	struct ue_store *store;
	const struct ue_entities *entities;
	uint64_t *entity_key;    /* per entity: hash of its id */
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
	struct ue_attrib *ax;
	struct ue_tokens tok;
	struct ue_termvec tv;
	struct ue_attributions at;
	struct ue_quantities qs;
	struct ue_entity_mentions em;
	struct ue_entity_span *es;
	size_t es_alloc;
	struct ue_mentions ms;
};

/* The entities found, as mention.h wants them, and added to the term
 * vector: a story's reports in several languages share them. */
static ue_status entity_terms(struct worker *w)
{
	const struct pass *p = w->pass;
	if (w->em.n > w->es_alloc) {
		struct ue_entity_span *x = realloc(w->es, w->em.n * sizeof *x);
		if (!x)
			return UE_ENOMEM;
		w->es = x;
		w->es_alloc = w->em.n;
	}
	ue_status e = UE_OK;
	for (size_t i = 0; !e && i < w->em.n; i++) {
		const struct ue_entity_mention *m = &w->em.m[i];
		uint64_t key = p->entity_key[m->entity];
		const struct ue_entity *x = ue_entities_get(p->entities, m->entity);
		w->es[i] = (struct ue_entity_span){m->start, m->end, key,
		                                   x->kind == UE_ENTITY_PERSON};
		e = ue_termvec_add(&w->tv, key, ENTITY_WEIGHT, x->name);
	}
	return e;
}

/* Counted quantities ("12,000 troops", "1만2천명") as terms: figures
 * are shared across languages too. */
static ue_status quantity_terms(struct worker *w)
{
	ue_status e = UE_OK;
	for (size_t i = 0; !e && i < w->qs.n; i++) {
		const struct ue_quantity *q = &w->qs.q[i];
		if (!ue_quantity_object_class(q->object_key) || q->lo < 100)
			continue;
		char word[64];
		snprintf(word, sizeof word, "%.0f", q->lo);
		uint64_t key = XXH3_64bits(word, strlen(word));
		e = ue_termvec_add(&w->tv, key, QUANTITY_WEIGHT, word);
	}
	return e;
}

static ue_status keep_attributions(struct worker *w, struct result *r)
{
	r->nattrib = w->at.n;
	if (!w->at.n)
		return UE_OK;
	r->attrib = malloc(w->at.n * sizeof *r->attrib);
	if (!r->attrib)
		return UE_ENOMEM;
	for (size_t i = 0; i < w->at.n; i++) {
		const struct ue_attribution *a = &w->at.v[i];
		r->attrib[i] = (struct ue_store_attribution){
			a->source_start, a->source_end, a->cue_start, a->cue_end,
			a->content_start, a->content_end, a->resolved_start,
			a->resolved_end, ue_attrib_kind_name(a->kind),
			ue_source_kind_name(a->source_kind), a->hedged};
	}
	return UE_OK;
}

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
		e = ue_entities_find(w->pass->entities, data, len, &w->tok,
		                     &w->em);
	if (!e)
		e = entity_terms(w);
	if (!e)
		e = ue_quantity_find(data, len, lang, &w->tok, &w->qs);
	if (!e)
		e = quantity_terms(w);
	if (!e)
		e = ue_termvec_pack(&w->tv, &r->terms, &r->terms_len);
	if (!e) {
		e = ue_attrib_extract(w->ax, data, len, lang, &w->tok, &w->at);
		if (e == UE_ELIMIT) {        /* a huge text: no attributions */
			w->at.n = 0;
			e = UE_OK;
		}
	}
	if (!e) {
		struct ue_mention_input in = {data, len, lang, &w->tok, &w->at,
		                              &w->qs, w->es, w->em.n};
		e = ue_mentions_find(&in, &w->ms);
	}
	if (!e)
		e = ue_mentions_pack(&w->ms, &r->mentions, &r->mentions_len);
	if (!e)
		e = keep_attributions(w, r);
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
	ue_attrib_free(w->ax);
	ue_tokens_release(&w->tok);
	ue_termvec_release(&w->tv);
	ue_attributions_release(&w->at);
	ue_quantities_release(&w->qs);
	ue_entity_mentions_release(&w->em);
	free(w->es);
	ue_mentions_release(&w->ms);
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
	for (size_t i = 0; !e && i < p->n; i++) {
		const struct result *r = &p->out[i];
		e = ue_store_features_put(s, p->text[i], r->terms, r->terms_len,
		                          r->mentions, r->mentions_len,
		                          r->attrib, r->nattrib);
	}
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
	struct ue_entities *entities = NULL;
	uint64_t *keys = NULL;
	char err[256];
	e = ue_entities_new(&entities, err, sizeof err);
	if (e) {
		if (e == UE_EFORMAT)
			ue_store_set_error(s, "built-in entities: %s", err);
		free(ids);
		return e;
	}
	size_t ne = ue_entities_count(entities);
	if (!(keys = malloc((ne + 1) * sizeof *keys))) {
		ue_entities_free(entities);
		free(ids);
		return UE_ENOMEM;
	}
	for (size_t i = 0; i < ne; i++)
		keys[i] = ue_entity_key(ue_entities_get(entities, i)->id);
	unsigned nt = params->threads ? params->threads : 1;
	if (nt > 64)
		nt = 64;
	struct worker w[64];
	struct result *out = calloc(BATCH, sizeof *out);
	struct pass p = {.store = s, .entities = entities,
	                 .entity_key = keys, .out = out};
	unsigned ready = 0;
	e = out ? UE_OK : UE_ENOMEM;
	while (!e && ready < nt) {
		struct worker *x = &w[ready];
		memset(x, 0, sizeof *x);
		x->pass = &p;
		ue_tokens_init(&x->tok);
		ue_termvec_init(&x->tv);
		ue_attributions_init(&x->at);
		ue_quantities_init(&x->qs);
		ue_entity_mentions_init(&x->em);
		ue_mentions_init(&x->ms);
		if ((e = ue_tokenizer_new(&x->tk)) ||
		    (e = ue_store_reader_open(s, &x->rd)) ||
		    (e = ue_attrib_new(&x->ax)))
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
		for (size_t i = 0; i < p.n; i++) {
			free(out[i].terms);
			free(out[i].mentions);
			free(out[i].attrib);
		}
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
	free(keys);
	ue_entities_free(entities);
	return e;
}
