/* story.c - the story stage; see story.h. */
#include "story/story.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/u64map.h"
#include "story/termvec.h"
#include "text/token.h"

void ue_story_params_default(struct ue_story_params *p)
{
	ue_cluster_params_default(&p->cluster);
	p->doc_terms = 40;
	p->title_weight = 3;
	p->label_words = 4;
	p->min_corpus = 1000;
}

/* ---- the stage ---- */

struct sdoc {
	int64_t doc;
	int64_t ts;
	int dated;
	char *title;
	struct ue_wterm *t;    /* counts at first, then weights */
	size_t n;
};

struct stage {
	const struct ue_story_params *p;
	struct sdoc *d;
	size_t n, alloc;
	struct ue_u64map word; /* hash -> offset + 1 in words */
	struct ue_buf words;
	struct ue_tokenizer *tk;
	struct ue_tokens tok;
	struct ue_termvec tv, title;
	ue_status error;
};

static ue_status remember_words(struct stage *st,
                                const struct ue_termvec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		uint64_t *at;
		ue_status e = ue_u64map_slot(&st->word, v->term[i].hash, &at,
		                             NULL);
		if (e)
			return e;
		if (*at)
			continue;
		*at = st->words.len + 1;
		if ((e = ue_buf_append(&st->words, ue_term_word(v, i),
		                       strlen(ue_term_word(v, i)) + 1)))
			return e;
	}
	return UE_OK;
}

static int by_hash(const void *a, const void *b)
{
	const struct ue_wterm *x = a, *y = b;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* The document's terms: its text's counts plus its title's, weighted. */
static ue_status doc_terms(struct stage *st, struct sdoc *d)
{
	size_t n = st->tv.n + st->title.n;
	d->t = malloc((n ? n : 1) * sizeof *d->t);
	if (!d->t)
		return UE_ENOMEM;
	for (size_t i = 0; i < st->tv.n; i++)
		d->t[i] = (struct ue_wterm){st->tv.term[i].hash,
		                            st->tv.term[i].count};
	for (size_t i = 0; i < st->title.n; i++)
		d->t[st->tv.n + i] = (struct ue_wterm){st->title.term[i].hash,
		        st->title.term[i].count * st->p->title_weight};
	qsort(d->t, n, sizeof *d->t, by_hash);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m > 0 && d->t[m - 1].hash == d->t[i].hash)
			d->t[m - 1].w += d->t[i].w;
		else
			d->t[m++] = d->t[i];
	}
	d->n = m;
	return UE_OK;
}

static int collect(void *ctx, const struct ue_story_input *in)
{
	struct stage *st = ctx;
	if (st->n == st->alloc) {
		size_t na = st->alloc ? st->alloc * 2 : 1024;
		struct sdoc *p = realloc(st->d, na * sizeof *p);
		if (!p) {
			st->error = UE_ENOMEM;
			return 1;
		}
		st->d = p;
		st->alloc = na;
	}
	struct sdoc *d = &st->d[st->n];
	memset(d, 0, sizeof *d);
	d->doc = in->doc;
	d->ts = in->ts;
	d->dated = in->dated;
	ue_status e = ue_termvec_unpack(&st->tv, in->terms, in->terms_len);
	st->title.n = 0;
	if (!e && in->title && *in->title) {
		size_t len = strlen(in->title);
		e = ue_tokenize(st->tk, in->title, len, in->language, &st->tok);
		if (!e)
			e = ue_termvec_build(&st->title, in->title, &st->tok, 32);
		if (!e && !(d->title = strdup(in->title)))
			e = UE_ENOMEM;
	}
	if (!e)
		e = remember_words(st, &st->title);
	if (!e)
		e = remember_words(st, &st->tv);
	if (!e)
		e = doc_terms(st, d);
	st->n++;                  /* released with the others even on error */
	if (e) {
		st->error = e;
		return 1;
	}
	return 0;
}

static int by_weight_desc(const void *a, const void *b)
{
	const struct ue_wterm *x = a, *y = b;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* Turns counts into normalised tf-idf weights, keeping the heaviest. */
static ue_status weigh(struct stage *st)
{
	struct ue_u64map df = UE_U64MAP_INIT;
	ue_status e = UE_OK;
	for (size_t i = 0; !e && i < st->n; i++)
		for (size_t k = 0; !e && k < st->d[i].n; k++) {
			uint64_t *v;
			if (!(e = ue_u64map_slot(&df, st->d[i].t[k].hash, &v,
			                         NULL)))
				++*v;
		}
	/* A small corpus is read as a sample of a larger stream: the words
	 * all of it shares still count (see min_corpus). */
	double n = (double)(st->n > st->p->min_corpus ? st->n :
	                    st->p->min_corpus);
	for (size_t i = 0; !e && i < st->n; i++) {
		struct sdoc *d = &st->d[i];
		for (size_t k = 0; k < d->n; k++) {
			double f = (double)*ue_u64map_get(&df, d->t[k].hash);
			d->t[k].w = (1 + log(d->t[k].w)) * log((n + 1) / f);
		}
		qsort(d->t, d->n, sizeof *d->t, by_weight_desc);
		if (d->n > st->p->doc_terms)
			d->n = st->p->doc_terms;
		double norm = 0;
		for (size_t k = 0; k < d->n; k++)
			norm += d->t[k].w * d->t[k].w;
		norm = sqrt(norm);
		for (size_t k = 0; k < d->n; k++)
			d->t[k].w = norm > 0 ? d->t[k].w / norm : 0;
		qsort(d->t, d->n, sizeof *d->t, by_hash);
	}
	ue_u64map_release(&df);
	return e;
}

/* ---- labels and headlines ---- */

struct member {
	uint32_t story;
	uint32_t doc;          /* index into stage.d */
};

static int by_story(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	if (x->story != y->story)
		return x->story < y->story ? -1 : 1;
	return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* The summed vector of members m[0..n), sorted by hash, in *out. */
static ue_status centroid(const struct stage *st, const struct member *m,
                          size_t n, struct ue_wterm **out, size_t *nout)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += st->d[m[i].doc].n;
	struct ue_wterm *c = malloc((total ? total : 1) * sizeof *c);
	if (!c)
		return UE_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct sdoc *d = &st->d[m[i].doc];
		memcpy(c + k, d->t, d->n * sizeof *c);
		k += d->n;
	}
	qsort(c, k, sizeof *c, by_hash);
	size_t u = 0;
	for (size_t i = 0; i < k; i++) {
		if (u > 0 && c[u - 1].hash == c[i].hash)
			c[u - 1].w += c[i].w;
		else
			c[u++] = c[i];
	}
	double norm = 0;
	for (size_t i = 0; i < u; i++)
		norm += c[i].w * c[i].w;
	norm = sqrt(norm);
	for (size_t i = 0; i < u; i++)
		c[i].w = norm > 0 ? c[i].w / norm : 0;
	*out = c;
	*nout = u;
	return UE_OK;
}

/* The label: the centroid's heaviest words, comma-separated. */
static ue_status label_of(const struct stage *st, struct ue_wterm *c,
                          size_t n, struct ue_buf *label)
{
	qsort(c, n, sizeof *c, by_weight_desc);
	ue_buf_reset(label);
	ue_status e = UE_OK;
	for (size_t i = 0, used = 0; !e && i < n &&
	     used < st->p->label_words; i++) {
		const uint64_t *at = ue_u64map_get(&st->word, c[i].hash);
		if (!at || !*at)
			continue;
		if (used++)
			e = ue_buf_puts(label, ", ");
		if (!e)
			e = ue_buf_puts(label, st->words.data + *at - 1);
	}
	qsort(c, n, sizeof *c, by_hash);
	return e;
}

struct output {
	struct ue_story_row *row;
	char **labels;
	int64_t *doc, *story;
	double *sim;
};

static ue_status describe(struct stage *st, const uint32_t *story,
                          size_t nstories, struct output *o)
{
	struct member *m = malloc((st->n ? st->n : 1) * sizeof *m);
	if (!m)
		return UE_ENOMEM;
	for (size_t i = 0; i < st->n; i++)
		m[i] = (struct member){story[i], (uint32_t)i};
	qsort(m, st->n, sizeof *m, by_story);
	struct ue_buf label = UE_BUF_INIT;
	ue_status e = UE_OK;
	size_t at = 0;
	for (size_t s = 0; !e && s < nstories; s++) {
		size_t end = at;
		while (end < st->n && m[end].story == s)
			end++;
		struct ue_wterm *c;
		size_t nc;
		e = centroid(st, m + at, end - at, &c, &nc);
		if (e)
			break;
		double best = -1;
		size_t headline = SIZE_MAX;
		for (size_t i = at; i < end; i++) {
			const struct sdoc *d = &st->d[m[i].doc];
			double sim = ue_wterm_cosine(d->t, d->n, c, nc);
			o->doc[m[i].doc] = d->doc;
			o->story[m[i].doc] = (int64_t)s + 1;
			o->sim[m[i].doc] = sim;
			if (d->title && sim > best) {
				best = sim;
				headline = m[i].doc;
			}
		}
		e = label_of(st, c, nc, &label);
		free(c);
		if (!e && !(o->labels[s] = strdup(ue_buf_str(&label))))
			e = UE_ENOMEM;
		if (!e)
			o->row[s] = (struct ue_story_row){
				.id = (int64_t)s + 1,
				.label = o->labels[s],
				.headline = headline == SIZE_MAX ? NULL :
				            st->d[headline].title,
				.headline_doc = headline == SIZE_MAX ? 0 :
				                st->d[headline].doc,
			};
		at = end;
	}
	ue_buf_release(&label);
	free(m);
	return e;
}

/* What the stories are computed from: the documents with features and
 * the parameters.  The stage runs again when it changes. */
static ue_status state_key(struct ue_store *s, const struct ue_story_params *p,
                           char *key, size_t len)
{
	uint64_t docs;
	int64_t last;
	ue_status e = ue_store_featured_docs(s, &docs, &last);
	if (!e)
		snprintf(key, len, "%llu/%lld/%g/%g/%u/%u/%g",
		         (unsigned long long)docs, (long long)last,
		         p->cluster.threshold, p->cluster.window_days,
		         p->cluster.probe_terms, p->doc_terms, p->title_weight);
	return e;
}

static void stage_release(struct stage *st)
{
	for (size_t i = 0; i < st->n; i++) {
		free(st->d[i].t);
		free(st->d[i].title);
	}
	free(st->d);
	ue_u64map_release(&st->word);
	ue_buf_release(&st->words);
	ue_tokenizer_free(st->tk);
	ue_tokens_release(&st->tok);
	ue_termvec_release(&st->tv);
	ue_termvec_release(&st->title);
}

static ue_status cluster_and_store(struct ue_store *s, struct stage *st,
                                   uint64_t *stories)
{
	size_t n = st->n, nstories = 0;
	struct ue_cluster_doc *cd = malloc((n ? n : 1) * sizeof *cd);
	uint32_t *story = malloc((n ? n : 1) * sizeof *story);
	struct output o = {
		.doc = malloc((n ? n : 1) * sizeof *o.doc),
		.story = malloc((n ? n : 1) * sizeof *o.story),
		.sim = malloc((n ? n : 1) * sizeof *o.sim),
	};
	ue_status e = cd && story && o.doc && o.story && o.sim ? UE_OK :
	              UE_ENOMEM;
	for (size_t i = 0; !e && i < n; i++)
		cd[i] = (struct ue_cluster_doc){st->d[i].t, st->d[i].n,
		                                st->d[i].ts, st->d[i].dated};
	if (!e)
		e = ue_cluster(cd, n, &st->p->cluster, story, &nstories);
	if (!e) {
		o.row = calloc(nstories + 1, sizeof *o.row);
		o.labels = calloc(nstories + 1, sizeof *o.labels);
		e = o.row && o.labels ? UE_OK : UE_ENOMEM;
	}
	if (!e)
		e = describe(st, story, nstories, &o);
	if (!e)
		e = ue_store_stories_put(s, o.row, nstories, o.doc, o.story,
		                         o.sim, n);
	if (!e)
		*stories = nstories;
	for (size_t i = 0; o.labels && i < nstories; i++)
		free(o.labels[i]);
	free(o.labels);
	free(o.row);
	free(o.doc);
	free(o.story);
	free(o.sim);
	free(story);
	free(cd);
	return e;
}

ue_status ue_story_run(struct ue_store *s, const struct ue_story_params *p,
                       uint64_t *stories)
{
	*stories = 0;
	char key[160], *prev = NULL;
	ue_status e = state_key(s, p, key, sizeof key);
	if (!e)
		e = ue_store_meta_get(s, "stories_state", &prev);
	int fresh = !e && prev && strcmp(prev, key) == 0;
	free(prev);
	if (e || fresh)
		return e;
	struct stage st = {.p = p};
	ue_tokens_init(&st.tok);
	ue_termvec_init(&st.tv);
	ue_termvec_init(&st.title);
	ue_buf_init(&st.words, 0);
	e = ue_tokenizer_new(&st.tk);
	if (!e) {
		e = ue_store_story_inputs(s, collect, &st);
		if (e == UE_ECANCELLED && st.error)
			e = st.error;
	}
	if (!e)
		e = weigh(&st);
	if (!e)
		e = cluster_and_store(s, &st, stories);
	if (!e)
		e = ue_store_meta_set(s, "stories_state", key);
	stage_release(&st);
	return e;
}
