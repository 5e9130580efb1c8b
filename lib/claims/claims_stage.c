/* claims_stage.c - claims, origins and echo; see claims_stage.h. */
#include "claims/claims_stage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <utf8proc.h>

#include "attrib/attrib.h"
#include "claims/echo.h"
#include "claims/gazetteer.h"
#include "claims/quantity.h"
#include "common/buf.h"
#include "common/order.h"
#include "common/u64map.h"

/* ---- what the stage holds ---- */

struct cdoc {
	int64_t doc, text, outlet, story, ts;
	int dated;
	char *outlet_name;
	size_t first, n;          /* its mentions: stage.m[first .. first+n) */
	uint32_t *source;         /* documents it copied from (indices) */
	size_t nsource, source_alloc;
};

struct known {
	char *id, *name, *kind, *country;
};

struct origin {
	char *key, *name;
	const char *kind, *specificity;   /* static or owned by known */
	char *country;
	const char *known;
};

struct stage {
	struct cdoc *d;
	size_t nd, d_alloc;
	struct ue_mentions m;     /* every mention, by document */
	uint32_t *mdoc;           /* document of each mention */
	struct ue_mentions scratch;
	struct ue_u64map doc_index;   /* doc rowid -> index + 1 */
	struct ue_gazetteer *gaz;
	struct known *k;
	size_t nk, k_alloc;
	struct origin *o;
	size_t no, o_alloc;
	struct ue_u64map origin_by_key;   /* key hash -> index */
	uint32_t *claim;          /* per mention */
	uint32_t *origin;         /* per mention */
	uint32_t *via;            /* per mention: source doc index + 1, 0 */
	ue_status error;
};

/* ---- loading ---- */

static int add_doc(void *ctx, const struct ue_claim_input *in)
{
	struct stage *st = ctx;
	if (st->nd == st->d_alloc) {
		size_t na = st->d_alloc ? st->d_alloc * 2 : 1024;
		struct cdoc *p = realloc(st->d, na * sizeof *p);
		if (!p)
			goto nomem;
		st->d = p;
		st->d_alloc = na;
	}
	ue_status e = ue_mentions_unpack(&st->scratch, in->mentions,
	                                 in->mentions_len);
	if (e == UE_EFORMAT)
		st->scratch.n = 0;    /* a damaged blob: no mentions */
	else if (e)
		goto fail;
	struct cdoc *d = &st->d[st->nd];
	memset(d, 0, sizeof *d);
	d->doc = in->doc;
	d->text = in->text;
	d->outlet = in->outlet;
	d->story = in->story;
	d->ts = in->ts;
	d->dated = in->dated;
	d->first = st->m.n;
	d->n = st->scratch.n;
	if (!(d->outlet_name = strdup(in->outlet_name ? in->outlet_name : "")))
		goto nomem;
	st->nd++;
	for (size_t i = 0; i < st->scratch.n; i++) {
		if (st->m.n == st->m.alloc) {
			size_t na = st->m.alloc ? st->m.alloc * 2 : 4096;
			struct ue_mention *p = realloc(st->m.m, na * sizeof *p);
			uint32_t *q = realloc(st->mdoc, na * sizeof *q);
			if (p)
				st->m.m = p;
			if (q)
				st->mdoc = q;
			if (!p || !q)
				goto nomem;
			st->m.alloc = na;
		}
		st->mdoc[st->m.n] = (uint32_t)(st->nd - 1);
		st->m.m[st->m.n++] = st->scratch.m[i];
	}
	uint64_t *v;
	if ((e = ue_u64map_slot(&st->doc_index, (uint64_t)in->doc, &v, NULL)))
		goto fail;
	*v = st->nd;
	return 0;
nomem:
	e = UE_ENOMEM;
fail:
	st->error = e;
	return 1;
}

static int add_source(void *ctx, int64_t copy, int64_t source)
{
	struct stage *st = ctx;
	const uint64_t *a = ue_u64map_get(&st->doc_index, (uint64_t)copy);
	const uint64_t *b = ue_u64map_get(&st->doc_index, (uint64_t)source);
	if (!a || !b)
		return 0;
	struct cdoc *d = &st->d[*a - 1];
	if (d->nsource == d->source_alloc) {
		size_t na = d->source_alloc ? d->source_alloc * 2 : 4;
		uint32_t *p = realloc(d->source, na * sizeof *p);
		if (!p) {
			st->error = UE_ENOMEM;
			return 1;
		}
		d->source = p;
		d->source_alloc = na;
	}
	d->source[d->nsource++] = (uint32_t)(*b - 1);
	return 0;
}

static int add_alias(void *ctx, const char *alias, const char *id,
                     const char *name, const char *kind, const char *country)
{
	struct stage *st = ctx;
	if (st->nk == 0 || strcmp(st->k[st->nk - 1].id, id) != 0) {
		if (st->nk == st->k_alloc) {
			size_t na = st->k_alloc ? st->k_alloc * 2 : 256;
			struct known *p = realloc(st->k, na * sizeof *p);
			if (!p)
				goto nomem;
			st->k = p;
			st->k_alloc = na;
		}
		struct known *k = &st->k[st->nk];
		k->id = strdup(id);
		k->name = strdup(name ? name : id);
		k->kind = strdup(kind ? kind : "other");
		k->country = country && *country ? strdup(country) : NULL;
		st->nk++;
		if (!k->id || !k->name || !k->kind ||
		    (country && *country && !k->country))
			goto nomem;
	}
	ue_status e = ue_gazetteer_add(st->gaz, alias, (uint32_t)(st->nk - 1));
	if (e) {
		st->error = e;
		return 1;
	}
	return 0;
nomem:
	st->error = UE_ENOMEM;
	return 1;
}

/* ---- origins ---- */

static uint64_t key_hash(const char *key)
{
	uint64_t h = 1469598103934665603ull;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return h;
}

/* The origin with this key, made with the given fields if new. */
static ue_status origin_get(struct stage *st, const char *key,
                            const char *name, const char *kind,
                            const char *specificity, const char *country,
                            const char *known, uint32_t *out)
{
	uint64_t *v;
	int added;
	ue_status e = ue_u64map_slot(&st->origin_by_key, key_hash(key), &v,
	                             &added);
	if (e)
		return e;
	if (!added && strcmp(st->o[*v].key, key) == 0) {
		*out = (uint32_t)*v;
		return UE_OK;
	}
	if (!added)   /* a 64-bit hash collision: keep the first origin */
		return *out = (uint32_t)*v, UE_OK;
	if (st->no == st->o_alloc) {
		size_t na = st->o_alloc ? st->o_alloc * 2 : 256;
		struct origin *p = realloc(st->o, na * sizeof *p);
		if (!p)
			return UE_ENOMEM;
		st->o = p;
		st->o_alloc = na;
	}
	struct origin *o = &st->o[st->no];
	o->key = strdup(key);
	o->name = strdup(name);
	o->kind = kind;
	o->specificity = specificity;
	o->country = country ? strdup(country) : NULL;
	o->known = known;
	if (!o->key || !o->name || (country && !o->country)) {
		free(o->key);
		free(o->name);
		free(o->country);
		return UE_ENOMEM;
	}
	*v = st->no;
	*out = (uint32_t)st->no++;
	return UE_OK;
}

/* A source name folded for keys: case-folded, spaces collapsed, a leading
 * article and a trailing possessive dropped. */
static char *normalise_name(const char *s)
{
	utf8proc_uint8_t *f = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, -1, &f,
	                 UTF8PROC_NULLTERM | UTF8PROC_STABLE |
	                 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0) {
		free(f);
		return NULL;
	}
	char *p = (char *)f, *w = p;
	const char *r = p;
	while (*r == ' ' || *r == '\n')
		r++;
	if (strncmp(r, "the ", 4) == 0)
		r += 4;
	else if (strncmp(r, "a ", 2) == 0)
		r += 2;
	int space = 0;
	for (; *r; r++) {
		if (*r == ' ' || *r == '\n' || *r == '\t') {
			space = 1;
			continue;
		}
		if (space && w > p)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	size_t n = strlen(p);
	if (n > 2 && strcmp(p + n - 2, "'s") == 0)
		p[n - 2] = '\0';
	return p;
}

static ue_status origin_named(struct stage *st, const struct ue_mention *m,
                              uint32_t *out)
{
	char *norm = normalise_name(m->source);
	if (!norm)
		return UE_ENOMEM;
	int person = m->source_kind == UE_SOURCE_PERSON;
	struct ue_buf key = UE_BUF_INIT;
	ue_status e = ue_buf_printf(&key, "%s:%s", person ? "person" : "org",
	                            norm);
	if (!e)
		e = origin_get(st, ue_buf_str(&key), m->source,
		               person ? "person" : "organisation",
		               person ? "named person" : "named organisation",
		               NULL, NULL, out);
	ue_buf_release(&key);
	free(norm);
	return e;
}

static ue_status origin_anonymous(struct stage *st, const struct cdoc *d,
                                  const struct ue_mention *m, uint32_t *out)
{
	char *norm = normalise_name(m->source);
	if (!norm)
		return UE_ENOMEM;
	struct ue_buf key = UE_BUF_INIT, name = UE_BUF_INIT;
	ue_status e = ue_buf_printf(&key, "anonymous:%lld:%s",
	                            (long long)(d->outlet ? d->outlet : -d->doc),
	                            norm);
	if (!e)
		e = ue_buf_printf(&name, "%s (in %s)", m->source,
		                  *d->outlet_name ? d->outlet_name : "unknown");
	if (!e)
		e = origin_get(st, ue_buf_str(&key), ue_buf_str(&name),
		               "anonymous", "anonymous", NULL, NULL, out);
	ue_buf_release(&key);
	ue_buf_release(&name);
	free(norm);
	return e;
}

static ue_status origin_outlet(struct stage *st, const struct cdoc *d,
                               uint32_t *out)
{
	struct ue_buf key = UE_BUF_INIT, name = UE_BUF_INIT;
	ue_status e = ue_buf_printf(&key, "outlet:%lld",
	                            (long long)(d->outlet ? d->outlet : -d->doc));
	if (!e)
		e = ue_buf_printf(&name, "%s (own reporting)",
		                  *d->outlet_name ? d->outlet_name :
		                  "unknown outlet");
	if (!e)
		e = origin_get(st, ue_buf_str(&key), ue_buf_str(&name), "outlet",
		               "unattributed", NULL, NULL, out);
	ue_buf_release(&key);
	ue_buf_release(&name);
	return e;
}

static ue_status origin_known(struct stage *st, uint32_t k, uint32_t *out)
{
	const struct known *x = &st->k[k];
	struct ue_buf key = UE_BUF_INIT;
	ue_status e = ue_buf_printf(&key, "known:%s", x->id);
	if (!e)
		e = origin_get(st, ue_buf_str(&key), x->name, x->kind,
		               strcmp(x->kind, "person") == 0 ? "named person" :
		               "named organisation", x->country, x->id, out);
	ue_buf_release(&key);
	return e;
}

/* The origin of the same claim in a document d copied from, if any. */
static int inherited(const struct ue_u64map *resolved, const struct cdoc *d,
                     uint32_t claim, uint32_t *origin, uint32_t *via)
{
	for (size_t i = 0; i < d->nsource; i++) {
		uint64_t k = (uint64_t)claim << 32 | d->source[i];
		const uint64_t *v = ue_u64map_get(resolved, k);
		if (v) {
			*origin = (uint32_t)*v;
			*via = d->source[i] + 1;
			return 1;
		}
	}
	return 0;
}

static ue_status resolve_one(struct stage *st, struct ue_u64map *resolved,
                             size_t di, size_t mi)
{
	const struct cdoc *d = &st->d[di];
	const struct ue_mention *m = &st->m.m[mi];
	uint32_t o = UINT32_MAX, via = 0;
	ue_status e = UE_OK;
	int named = m->source_kind == UE_SOURCE_PERSON ||
	            m->source_kind == UE_SOURCE_ORG;
	if (m->source[0]) {
		uint32_t k = ue_gazetteer_find(st->gaz, m->source,
		                               strlen(m->source));
		if (k != UE_GAZ_NONE)
			e = origin_known(st, k, &o);
		else if (named)
			e = origin_named(st, m, &o);
	}
	if (!e && o == UINT32_MAX &&
	    !inherited(resolved, d, st->claim[mi], &o, &via)) {
		if (m->source[0] && m->source_kind == UE_SOURCE_ANONYMOUS)
			e = origin_anonymous(st, d, m, &o);
		else
			e = origin_outlet(st, d, &o);
	}
	if (e)
		return e;
	st->origin[mi] = o;
	st->via[mi] = via;
	uint64_t *v;
	int added;
	e = ue_u64map_slot(resolved, (uint64_t)st->claim[mi] << 32 | di, &v,
	                   &added);
	if (!e && added)
		*v = o;
	return e;
}

/* Documents in time order (undated last). */
static uint32_t *time_order(const struct stage *st)
{
	uint32_t *order = malloc((st->nd + 1) * sizeof *order);
	int64_t *ts = malloc((st->nd + 1) * sizeof *ts);
	unsigned char *dated = malloc(st->nd + 1);
	ue_status e = order && ts && dated ? UE_OK : UE_ENOMEM;
	for (size_t i = 0; !e && i < st->nd; i++) {
		ts[i] = st->d[i].ts;
		dated[i] = (unsigned char)st->d[i].dated;
	}
	if (!e)
		e = ue_time_order(ts, dated, st->nd, order);
	free(ts);
	free(dated);
	if (e) {
		free(order);
		return NULL;
	}
	return order;
}

static ue_status resolve_origins(struct stage *st, const uint32_t *order)
{
	struct ue_u64map resolved = UE_U64MAP_INIT;
	ue_status e = UE_OK;
	for (size_t k = 0; !e && k < st->nd; k++) {
		const struct cdoc *d = &st->d[order[k]];
		for (size_t i = 0; !e && i < d->n; i++)
			e = resolve_one(st, &resolved, order[k], d->first + i);
	}
	ue_u64map_release(&resolved);
	return e;
}

/* ---- clustering ---- */

static ue_status cluster(struct stage *st, const struct ue_claim_params *p,
                         size_t *nclaims)
{
	size_t n = st->m.n;
	struct ue_claim_item *it = malloc((n + 1) * sizeof *it);
	st->claim = malloc((n + 1) * sizeof *st->claim);
	st->origin = malloc((n + 1) * sizeof *st->origin);
	st->via = calloc(n + 1, sizeof *st->via);
	if (!it || !st->claim || !st->origin || !st->via) {
		free(it);
		return UE_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const struct cdoc *d = &st->d[st->mdoc[i]];
		it[i] = (struct ue_claim_item){&st->m.m[i], d->ts, d->dated};
	}
	ue_status e = ue_claims_cluster(it, n, p, st->claim, nclaims);
	free(it);
	return e;
}

/* ---- figures ---- */

/* The origins of each (claim or story, document) report: collected as
 * (group, doc, origin) triples, sorted, then weighed. */
struct triple {
	uint32_t group, doc, origin;
};

static int by_triple(const void *a, const void *b)
{
	const struct triple *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return x->origin < y->origin ? -1 : x->origin > y->origin;
}

/* Figures of one group: reports, distinct origins, effective origins. */
struct figures {
	size_t reports, origins;
	double effective;
};

/* Weighs triples t[0..n) of one group: each report shares one unit among
 * its distinct origins. */
static ue_status weigh(const struct triple *t, size_t n, double *w,
                       uint32_t *touched, struct figures *f)
{
	size_t nt = 0;
	f->reports = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && t[j].doc == t[i].doc)
			j++;
		/* t is sorted, so duplicates of an origin are adjacent. */
		size_t k = 0;
		for (size_t x = i; x < j; x++)
			if (x == i || t[x].origin != t[x - 1].origin)
				k++;
		for (size_t x = i; x < j; x++) {
			if (x > i && t[x].origin == t[x - 1].origin)
				continue;
			if (w[t[x].origin] == 0)
				touched[nt++] = t[x].origin;
			w[t[x].origin] += 1.0 / (double)k;
		}
		f->reports++;
		i = j;
	}
	double *v = malloc((nt + 1) * sizeof *v);
	if (!v)
		return UE_ENOMEM;
	for (size_t i = 0; i < nt; i++) {
		v[i] = w[touched[i]];
		w[touched[i]] = 0;
	}
	f->origins = nt;
	f->effective = ue_effective_origins(v, nt);
	free(v);
	return UE_OK;
}

static void free_claims(struct ue_store_claim *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++)
		free((char *)c[i].quantities);
	free(c);
}

/* A number as JSON: an integer when it is one, null when infinite. */
static json_t *number(double x)
{
	if (!(x < 1e300))
		return json_null();
	if (x == (double)(long long)x)
		return json_integer((json_int_t)x);
	return json_real(x);
}

static ue_status quantities_json(const struct ue_mention *m, char **out)
{
	json_t *a = json_array();
	for (size_t i = 0; i < m->nqty; i++) {
		const struct ue_mention_qty *q = &m->qty[i];
		const char *cls = ue_quantity_object_class(q->object);
		json_t *o = json_object();
		json_object_set_new(o, "lo", number(q->lo));
		json_object_set_new(o, "hi", number(q->hi));
		json_object_set_new(o, "qualifier", json_string(
		        ue_quantity_qualifier_name(q->qualifier)));
		json_object_set_new(o, "object",
		                    cls ? json_string(cls) : json_null());
		json_array_append_new(a, o);
	}
	*out = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return *out ? UE_OK : UE_ENOMEM;
}

/* Everything the stage writes, in the store's terms. */
struct output {
	struct ue_store_origin *o;
	struct ue_store_claim *c;
	size_t nc;
	struct ue_store_mention *m;
	struct ue_store_story_echo *x;
	size_t nx;
};

/* Claims ordered by reports (most first), then by first appearance. */
struct rank {
	uint32_t claim;
	uint32_t reports;
};

static int by_rank(const void *a, const void *b)
{
	const struct rank *x = a, *y = b;
	if (x->reports != y->reports)
		return x->reports > y->reports ? -1 : 1;
	return x->claim < y->claim ? -1 : x->claim > y->claim;
}

/* The most common story among the documents of triples t[0..n). */
static int64_t majority_story(const struct stage *st, const struct triple *t,
                              size_t n)
{
	int64_t best = 0;
	size_t best_n = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t s = st->d[t[i].doc].story;
		if (!s || (i > 0 && t[i].doc == t[i - 1].doc))
			continue;
		size_t c = 0;
		for (size_t j = 0; j < n; j++)
			if ((j == 0 || t[j].doc != t[j - 1].doc) &&
			    st->d[t[j].doc].story == s)
				c++;
		if (c > best_n || (c == best_n && s < best)) {
			best = s;
			best_n = c;
		}
	}
	return best;
}

static ue_status claim_figures(struct stage *st, size_t nclaims,
                               const uint32_t *first, struct output *out)
{
	size_t n = st->m.n;
	struct triple *t = malloc((n + 1) * sizeof *t);
	double *w = calloc(st->no + 1, sizeof *w);
	uint32_t *touched = malloc((st->no + 1) * sizeof *touched);
	struct rank *rank = malloc((nclaims + 1) * sizeof *rank);
	uint32_t *id = malloc((nclaims + 1) * sizeof *id);
	out->c = calloc(nclaims + 1, sizeof *out->c);
	ue_status e = t && w && touched && rank && id && out->c ? UE_OK :
	              UE_ENOMEM;
	for (size_t i = 0; !e && i < n; i++)
		t[i] = (struct triple){st->claim[i], st->mdoc[i], st->origin[i]};
	if (!e)
		qsort(t, n, sizeof *t, by_triple);
	/* Figures per claim, in claim order. */
	for (size_t i = 0, c = 0; !e && i < n; c++) {
		size_t j = i;
		while (j < n && t[j].group == t[i].group)
			j++;
		struct figures f;
		e = weigh(t + i, j - i, w, touched, &f);
		const struct ue_mention *rep = &st->m.m[first[c]];
		const struct cdoc *rd = &st->d[st->mdoc[first[c]]];
		struct ue_store_claim *x = &out->c[c];
		x->story = majority_story(st, t + i, j - i);
		x->rep_text = rd->text;
		x->rep_start = rep->sent_start;
		x->rep_end = rep->sent_end;
		x->polarity = rep->polarity < 0 ? "denies" : "asserts";
		x->reports = (int64_t)f.reports;
		x->effective_origins = f.effective;
		x->echo_ratio = ue_echo_ratio((double)f.reports, f.effective);
		x->first_doc = rd->doc;
		if (!e)
			e = quantities_json(rep, (char **)&x->quantities);
		rank[c] = (struct rank){(uint32_t)c, (uint32_t)f.reports};
		i = j;
	}
	if (!e) {
		qsort(rank, nclaims, sizeof *rank, by_rank);
		for (size_t r = 0; r < nclaims; r++)
			id[rank[r].claim] = (uint32_t)r + 1;
		for (size_t c = 0; c < nclaims; c++)
			out->c[c].id = id[c];
		out->nc = nclaims;
		out->m = calloc(n + 1, sizeof *out->m);
		if (!out->m)
			e = UE_ENOMEM;
	}
	for (size_t i = 0; !e && i < n; i++) {
		const struct cdoc *d = &st->d[st->mdoc[i]];
		const struct ue_mention *m = &st->m.m[i];
		out->m[i] = (struct ue_store_mention){
			.claim = id[st->claim[i]],
			.doc = d->doc,
			.start = m->start,
			.end = m->end,
			.text = d->text,
			.attribution = m->attribution,
			.origin = (int64_t)st->origin[i] + 1,
			.via = st->via[i] ? st->d[st->via[i] - 1].doc : 0,
		};
	}
	free(t);
	free(w);
	free(touched);
	free(rank);
	free(id);
	return e;
}

/* Per story: each document rests on the origins of its reports of claims
 * that other documents report too (a claim of its own alone is its own
 * reporting), weighed as for claims. */
static ue_status story_figures(struct stage *st, struct output *out)
{
	size_t cap = st->m.n + st->nd + 1;
	struct triple *t = malloc(cap * sizeof *t);
	if (!t)
		return UE_ENOMEM;
	size_t n = 0;
	ue_status e = UE_OK;
	for (size_t di = 0; !e && di < st->nd; di++) {
		const struct cdoc *d = &st->d[di];
		if (!d->story)
			continue;
		size_t shared = 0;
		for (size_t i = 0; i < d->n; i++) {
			size_t mi = d->first + i;
			if (out->c[st->claim[mi]].reports < 2)
				continue;
			t[n++] = (struct triple){(uint32_t)d->story, (uint32_t)di,
			                         st->origin[mi]};
			shared++;
		}
		if (shared == 0) {
			uint32_t o;
			e = origin_outlet(st, d, &o);
			t[n++] = (struct triple){(uint32_t)d->story, (uint32_t)di, o};
		}
	}
	double *w = calloc(st->no + 1, sizeof *w);
	uint32_t *touched = malloc((st->no + 1) * sizeof *touched);
	out->x = calloc(n + 1, sizeof *out->x);
	struct ue_u64map claims = UE_U64MAP_INIT;   /* story -> claims */
	if (!e && (!w || !touched || !out->x))
		e = UE_ENOMEM;
	for (size_t c = 0; !e && c < out->nc; c++) {
		uint64_t *v;
		if (out->c[c].story &&
		    !(e = ue_u64map_slot(&claims, (uint64_t)out->c[c].story, &v,
		                         NULL)))
			++*v;
	}
	if (!e)
		qsort(t, n, sizeof *t, by_triple);
	for (size_t i = 0; !e && i < n;) {
		size_t j = i;
		while (j < n && t[j].group == t[i].group)
			j++;
		struct figures f;
		e = weigh(t + i, j - i, w, touched, &f);
		struct ue_store_story_echo *x = &out->x[out->nx++];
		x->story = t[i].group;
		x->origins = (int64_t)f.origins;
		x->effective_origins = f.effective;
		x->echo_ratio = ue_echo_ratio((double)f.reports, f.effective);
		const uint64_t *nc = ue_u64map_get(&claims, (uint64_t)x->story);
		x->claims = nc ? (int64_t)*nc : 0;
		i = j;
	}
	ue_u64map_release(&claims);
	free(t);
	free(w);
	free(touched);
	return e;
}

/* The first mention of each claim in time order (its representative). */
static ue_status first_mentions(const struct stage *st, const uint32_t *order,
                                size_t nclaims, uint32_t **out)
{
	uint32_t *first = malloc((nclaims + 1) * sizeof *first);
	if (!first)
		return UE_ENOMEM;
	for (size_t c = 0; c < nclaims; c++)
		first[c] = UINT32_MAX;
	for (size_t k = 0; k < st->nd; k++) {
		const struct cdoc *d = &st->d[order[k]];
		for (size_t i = 0; i < d->n; i++) {
			uint32_t c = st->claim[d->first + i];
			if (first[c] == UINT32_MAX)
				first[c] = (uint32_t)(d->first + i);
		}
	}
	*out = first;
	return UE_OK;
}

/* Stores the claims reported by at least min_reports documents (ranked
 * first, so their ids run 1..) with their mentions and origins. */
static ue_status store_all(struct ue_store *s, struct stage *st,
                           struct output *out, unsigned min_reports,
                           uint64_t *stored, uint64_t *stored_origins)
{
	out->o = calloc(st->no + 1, sizeof *out->o);
	struct ue_store_claim *c = malloc((out->nc + 1) * sizeof *c);
	struct ue_store_mention *m = malloc((st->m.n + 1) * sizeof *m);
	int64_t *id = calloc(st->no + 1, sizeof *id);   /* stored origin ids */
	ue_status e = out->o && c && m && id ? UE_OK : UE_ENOMEM;
	size_t nc = 0, nm = 0, no = 0;
	for (size_t i = 0; !e && i < out->nc; i++)
		if (out->c[i].reports >= (int64_t)min_reports)
			c[nc++] = out->c[i];
	for (size_t i = 0; !e && i < st->m.n; i++) {
		if (out->c[st->claim[i]].reports < (int64_t)min_reports)
			continue;
		m[nm] = out->m[i];
		int64_t *o = &id[m[nm].origin - 1];
		if (!*o) {
			const struct origin *x = &st->o[m[nm].origin - 1];
			*o = (int64_t)++no;
			out->o[no - 1] = (struct ue_store_origin){*o, x->key,
			        x->name, x->kind, x->specificity, x->country,
			        x->known};
		}
		m[nm++].origin = *o;
	}
	if (!e)
		e = ue_store_claims_put(s, out->o, no, c, nc, m, nm, out->x,
		                        out->nx);
	*stored_origins = no;
	free(id);
	*stored = nc;
	free(c);
	free(m);
	return e;
}

static ue_status load(struct ue_store *s, struct stage *st)
{
	ue_status e = ue_gazetteer_new(&st->gaz);
	if (!e)
		e = ue_store_origin_aliases(s, add_alias, st);
	if (!e)
		e = ue_gazetteer_ready(st->gaz);
	if (!e)
		e = ue_store_claim_inputs(s, add_doc, st);
	if (!e)
		e = ue_store_reuse_sources(s, add_source, st);
	if (e == UE_ECANCELLED && st->error)
		e = st->error;
	return e;
}

static void stage_release(struct stage *st, struct output *out)
{
	for (size_t i = 0; i < st->nd; i++) {
		free(st->d[i].outlet_name);
		free(st->d[i].source);
	}
	free(st->d);
	ue_mentions_release(&st->m);
	ue_mentions_release(&st->scratch);
	free(st->mdoc);
	ue_u64map_release(&st->doc_index);
	ue_gazetteer_free(st->gaz);
	for (size_t i = 0; i < st->nk; i++) {
		free(st->k[i].id);
		free(st->k[i].name);
		free(st->k[i].kind);
		free(st->k[i].country);
	}
	free(st->k);
	for (size_t i = 0; i < st->no; i++) {
		free(st->o[i].key);
		free(st->o[i].name);
		free(st->o[i].country);
	}
	free(st->o);
	ue_u64map_release(&st->origin_by_key);
	free(st->claim);
	free(st->origin);
	free(st->via);
	free(out->o);
	free_claims(out->c, out->nc);
	free(out->m);
	free(out->x);
}

ue_status ue_claims_run(struct ue_store *s, const struct ue_claim_params *p,
                        struct ue_claims_summary *sum)
{
	memset(sum, 0, sizeof *sum);
	char *state = NULL, *prev = NULL, key[512];
	ue_status e = ue_store_claims_state(s, &state);
	if (!e) {
		snprintf(key, sizeof key, "%s/%g/%g/%g/%g/%g/%u", state,
		         p->threshold, p->w_entity, p->w_quantity, p->w_terms,
		         p->window_days, p->min_reports);
		e = ue_store_meta_get(s, "claims_state", &prev);
	}
	int fresh = !e && prev && strcmp(prev, key) == 0;
	free(state);
	free(prev);
	if (e || fresh)
		return e;
	struct stage st = {0};
	struct output out = {0};
	uint32_t *order = NULL, *first = NULL;
	size_t nclaims = 0;
	ue_mentions_init(&st.m);
	ue_mentions_init(&st.scratch);
	e = load(s, &st);
	if (!e)
		e = cluster(&st, p, &nclaims);
	if (!e && !(order = time_order(&st)))
		e = UE_ENOMEM;
	if (!e)
		e = first_mentions(&st, order, nclaims, &first);
	if (!e)
		e = resolve_origins(&st, order);
	if (!e)
		e = claim_figures(&st, nclaims, first, &out);
	if (!e)
		e = story_figures(&st, &out);
	uint64_t stored = 0, origins = 0;
	if (!e)
		e = store_all(s, &st, &out, p->min_reports, &stored, &origins);
	if (!e)
		e = ue_store_meta_set(s, "claims_state", key);
	if (!e) {
		sum->mentions = st.m.n;
		sum->claims = stored;
		sum->origins = origins;
	}
	free(order);
	free(first);
	stage_release(&st, &out);
	return e;
}
