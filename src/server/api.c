/* api.c - the JSON API under /api/ (docs/api.md); see api.h. */
#include "api.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cache.h"
#include "guard.h"
#include "http.h"
#include "server.h"

/* ---- collecting the library's rows (api.h) ---- */

int collect_row(void *ctx, const char *json, size_t len)
{
	struct collect *k = ctx;
	if (k->n++ < k->skip || (k->max && k->kept >= k->max))
		return 0;
	if ((k->kept && ue_buf_putc(k->b, ',')) ||
	    ue_buf_append(k->b, json, len)) {
		k->full = 1;
		return 1;
	}
	k->kept++;
	return 0;
}

ue_status collected(ue_status st, const struct collect *k)
{
	return k->full ? UE_ELIMIT : st;
}

/* ---- parameters ---- */

/* A positive decimal id; 0 when s is not one. */
static int64_t parse_id(const char *s)
{
	if (!s || *s < '1' || *s > '9' || strlen(s) > 18)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	return *end || errno ? 0 : v;
}

/* A count parameter: def when absent, -1 when malformed or over max. */
static long long count_param(const struct request *rq, const char *name,
                             long long def, long long max)
{
	const char *s = request_query(rq, name);
	if (!s)
		return def;
	if (!*s || strlen(s) > 12 || strspn(s, "0123456789") != strlen(s))
		return -1;
	long long v = strtoll(s, NULL, 10);
	return v > max ? -1 : v;
}

/* ---- handlers ---- */

void api_meta(struct server *srv, ue_corpus *c, const struct request *rq,
              struct reply *rp)
{
	int change = !srv->read_only && guard_has_token(srv, rq);
	if (ue_buf_printf(&rp->body, "{\"read_only\":%s,\"token_for_reads\":%s,"
	                  "\"can_change\":%s}", srv->read_only ? "true" : "false",
	                  srv->token_for_reads ? "true" : "false",
	                  change ? "true" : "false"))
		route_fail(rp, c, UE_ENOMEM);
	rp->no_store = 1;
}

void api_stats(struct server *srv, ue_corpus *c, const struct request *rq,
               struct reply *rp)
{
	(void)srv;
	(void)rq;
	struct collect k = {.b = &rp->body};
	ue_status st = collected(ue_stats(c, collect_row, &k), &k);
	if (st)
		route_fail(rp, c, st);
}

/* One story row and what its order needs. */
struct story_row {
	char *json;
	size_t len;
	double echo;
	int64_t docs, id;
	const char *first;        /* into json_first, "" when undated */
	char json_first[40];
};

struct story_rows {
	struct story_row *v;
	size_t n, alloc;
	int failed;
};

static int add_story(void *ctx, const char *json, size_t len)
{
	struct story_rows *s = ctx;
	if (s->n == s->alloc) {
		size_t alloc = s->alloc ? 2 * s->alloc : 256;
		struct story_row *v = realloc(s->v, alloc * sizeof *v);
		if (!v)
			return s->failed = 1;
		s->v = v;
		s->alloc = alloc;
	}
	struct story_row *r = &s->v[s->n];
	json_t *o = json_loadb(json, len, 0, NULL);
	if (!o || !(r->json = malloc(len + 1))) {
		json_decref(o);
		return s->failed = 1;
	}
	memcpy(r->json, json, len + 1);
	r->len = len;
	r->echo = json_number_value(json_object_get(o, "echo_ratio"));
	r->docs = json_integer_value(json_object_get(o, "docs"));
	r->id = json_integer_value(json_object_get(o, "id"));
	const char *first = json_string_value(json_object_get(o, "first"));
	snprintf(r->json_first, sizeof r->json_first, "%s", first ? first : "");
	json_decref(o);
	s->n++;
	return 0;
}

static int cmp_id(const struct story_row *a, const struct story_row *b)
{
	return (a->id > b->id) - (a->id < b->id);
}

/* The report's ranking: echo ratio, then documents, then id. */
static int by_echo(const void *x, const void *y)
{
	const struct story_row *a = x, *b = y;
	if (a->echo != b->echo)
		return a->echo < b->echo ? 1 : -1;
	if (a->docs != b->docs)
		return a->docs < b->docs ? 1 : -1;
	return cmp_id(a, b);
}

static int by_docs(const void *x, const void *y)
{
	const struct story_row *a = x, *b = y;
	if (a->docs != b->docs)
		return a->docs < b->docs ? 1 : -1;
	return cmp_id(a, b);
}

static int by_first(const void *x, const void *y)
{
	const struct story_row *a = x, *b = y;
	int d = strcmp(a->json_first, b->json_first);
	return d ? d : cmp_id(a, b);
}

static int by_id(const void *x, const void *y)
{
	return cmp_id(x, y);
}

/* Every story, one JSON row a line, in the order asked for: from the
 * cache, else listed, sorted and cached.  *out is released with
 * cache_release when *val is set, else freed. */
static ue_status sorted_stories(struct server *srv, ue_corpus *c,
                                const char *sort, const struct cache_val **val,
                                char **out, size_t *len)
{
	static const struct {
		const char *name;
		int (*cmp)(const void *, const void *);
	} sorts[] = {
		{"echo", by_echo}, {"docs", by_docs}, {"first", by_first},
		{"id", by_id},
	};
	int (*cmp)(const void *, const void *) = NULL;
	for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++)
		if (strcmp(sort, sorts[i].name) == 0)
			cmp = sorts[i].cmp;
	if (!cmp)
		return UE_EINVAL;
	char key[64];
	snprintf(key, sizeof key, "#stories-by-%s", sort);
	if ((*val = cache_get(srv->cache, key))) {
		*out = (char *)(*val)->data;
		*len = (*val)->len;
		return UE_OK;
	}
	uint64_t stamp = cache_stamp(srv->cache);
	struct story_rows s = {0};
	ue_status st = ue_stories(c, 0, add_story, &s);
	if (s.failed)
		st = UE_ENOMEM;
	struct ue_buf b = UE_BUF_INIT;
	if (!st) {
		qsort(s.v, s.n, sizeof *s.v, cmp);
		for (size_t i = 0; !st && i < s.n; i++)
			if ((st = ue_buf_append(&b, s.v[i].json, s.v[i].len)) == UE_OK)
				st = ue_buf_putc(&b, '\n');
	}
	for (size_t i = 0; i < s.n; i++)
		free(s.v[i].json);
	free(s.v);
	if (st) {
		ue_buf_release(&b);
		return st;
	}
	cache_put(srv->cache, key, ue_buf_str(&b), b.len, stamp);
	*out = ue_buf_detach(&b, len);
	if (!*out)
		*out = calloc(1, 1);
	return *out ? UE_OK : UE_ENOMEM;
}

void api_stories(struct server *srv, ue_corpus *c, const struct request *rq,
                 struct reply *rp)
{
	const char *sort = request_query(rq, "sort");
	long long limit = count_param(rq, "limit", 100, 100000);
	long long offset = count_param(rq, "offset", 0, 1000000000);
	if (limit < 0 || offset < 0) {
		reply_error(rp, 400, "limit and offset must be whole numbers");
		return;
	}
	if (!sort)
		sort = "echo";
	const struct cache_val *val = NULL;
	char *rows;
	size_t len;
	ue_status st = sorted_stories(srv, c, sort, &val, &rows, &len);
	if (st == UE_EINVAL) {
		reply_error(rp, 400, "sort must be echo, docs, first or id");
		return;
	}
	if (st) {
		route_fail(rp, c, st);
		return;
	}
	size_t total = 0;
	for (size_t i = 0; i < len; i++)
		total += rows[i] == '\n';
	ue_buf_printf(&rp->body, "{\"total\":%zu,\"offset\":%lld,\"limit\":%lld,"
	              "\"sort\":\"%s\",\"stories\":[", total, offset, limit, sort);
	const char *p = rows, *end = rows + len;
	for (long long i = 0; p < end && i < offset + limit; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (i >= offset) {
			if (i > offset)
				ue_buf_putc(&rp->body, ',');
			ue_buf_append(&rp->body, p, (size_t)(nl - p));
		}
		p = nl + 1;
	}
	if (ue_buf_puts(&rp->body, "]}"))
		route_fail(rp, c, UE_ELIMIT);
	if (val)
		cache_release(srv->cache, val);
	else
		free(rows);
}

void api_story(struct server *srv, ue_corpus *c, const struct request *rq,
               struct reply *rp)
{
	(void)srv;
	int64_t id = parse_id(rq->arg);
	if (!id) {
		reply_error(rp, 400, "a story id is a positive number");
		return;
	}
	ue_status st;
	struct collect story = {.b = &rp->body, .max = 1};
	ue_buf_puts(&rp->body, "{\"story\":");
	st = collected(ue_stories(c, id, collect_row, &story), &story);
	if (!st && story.n == 0)
		st = UE_ENOTFOUND;
	struct collect cov = {.b = &rp->body}, cl = {.b = &rp->body},
	        dis = {.b = &rp->body, .max = 30}, fr = {.b = &rp->body},
	        docs = {.b = &rp->body, .max = 5000};
	ue_coverage_options co = {.story = id};
	if (!st)
		LIST(rp, 0, "coverage", cov, ue_coverage(c, &co, collect_row, &cov));
	if (!st)
		LIST(rp, 0, "claims", cl, ue_claims(c, id, 0, collect_row, &cl));
	if (!st)
		LIST(rp, 0, "dissent", dis, ue_dissent(c, id, collect_row, &dis));
	if (!st) {
		/* Framing needs enough words; a story too small for it has
		 * none rather than an error. */
		size_t mark = rp->body.len;
		ue_framing_options fo = {.story = id, .by = "bloc", .top = 10};
		LIST(rp, 0, "framing", fr, ue_framing(c, &fo, collect_row, &fr));
		if (st == UE_EINVAL) {
			rp->body.len = mark;
			rp->body.data[mark] = '\0';
			st = ue_buf_puts(&rp->body, ",\"framing\":[]");
		}
	}
	ue_doc_filter df = {.story = id};
	if (!st)
		LIST(rp, 0, "docs", docs, ue_docs(c, &df, collect_row, &docs));
	if (!st)
		st = ue_buf_putc(&rp->body, '}');
	if (st)
		route_fail(rp, c, st);
}

/* The documents a claim's page names: its reports and what they came
 * through.  Most are in the claim's story, listed at once; the others one
 * by one. */
struct wanted {
	json_t *ids;              /* object used as a set of document ids */
	struct collect k;
};

/* The id of a docs row, which comes first ({"id":"...",...}); a copy to
 * json_decref(), or NULL. */
static json_t *row_id(const char *json, size_t len)
{
	if (len < 7 || strncmp(json, "{\"id\":", 6) != 0)
		return NULL;
	return json_loadb(json + 6, len - 6,
	                  JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, NULL);
}

static int add_wanted(void *ctx, const char *json, size_t len)
{
	struct wanted *w = ctx;
	json_t *v = row_id(json, len);
	const char *id = json_string_value(v);
	int rc = 0;
	if (id && json_object_get(w->ids, id)) {
		json_object_del(w->ids, id);
		rc = collect_row(&w->k, json, len);
	}
	json_decref(v);
	return rc;
}

void api_claim(struct server *srv, ue_corpus *c, const struct request *rq,
               struct reply *rp)
{
	(void)srv;
	int64_t id = parse_id(rq->arg);
	if (!id) {
		reply_error(rp, 400, "a claim id is a positive number");
		return;
	}
	struct collect k = {.b = &rp->body, .max = 1};
	ue_buf_puts(&rp->body, "{\"claim\":");
	size_t mark = rp->body.len;
	ue_status st = collected(ue_claims(c, 0, id, collect_row, &k), &k);
	if (!st && k.n == 0)
		st = UE_ENOTFOUND;
	json_t *claim = st ? NULL : json_loadb(rp->body.data + mark,
	                                       rp->body.len - mark, 0, NULL);
	struct wanted w = {.ids = json_object(), .k = {.b = &rp->body}};
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(claim, "mentions"), i, m) {
		const char *d = json_string_value(json_object_get(m, "doc"));
		const char *v = json_string_value(json_object_get(m, "via"));
		if (d)
			json_object_set_new(w.ids, d, json_true());
		if (v)
			json_object_set_new(w.ids, v, json_true());
	}
	if (!st) {
		ue_doc_filter df = {
			.story = json_integer_value(json_object_get(claim, "story")),
		};
		ue_buf_puts(&rp->body, ",\"docs\":[");
		if (df.story)
			st = collected(ue_docs(c, &df, add_wanted, &w), &w.k);
		/* the rest: a few one by one (a copy of the keys: add_wanted
		 * deletes them), else in one pass over every document */
		if (!st && json_object_size(w.ids) > 5) {
			ue_doc_filter all = {0};
			st = collected(ue_docs(c, &all, add_wanted, &w), &w.k);
		}
		json_t *rest = json_deep_copy(w.ids);
		const char *key;
		json_t *v;
		json_object_foreach(rest, key, v) {
			if (st)
				break;
			ue_doc_filter one = {.id = key};
			st = collected(ue_docs(c, &one, add_wanted, &w), &w.k);
		}
		json_decref(rest);
		if (!st)
			st = ue_buf_puts(&rp->body, "]}");
	}
	json_decref(w.ids);
	json_decref(claim);
	if (st)
		route_fail(rp, c, st);
}

void api_doc(struct server *srv, ue_corpus *c, const struct request *rq,
             struct reply *rp)
{
	(void)srv;
	ue_doc_filter df = {.id = rq->arg, .with_text = 1};
	struct collect doc = {.b = &rp->body, .max = 1};
	ue_buf_puts(&rp->body, "{\"doc\":");
	ue_status st = collected(ue_docs(c, &df, collect_row, &doc), &doc);
	if (!st && doc.n == 0)
		st = UE_ENOTFOUND;
	struct collect re = {.b = &rp->body, .max = 1000},
	        at = {.b = &rp->body, .max = 10000};
	ue_reuse_filter rf = {.doc = rq->arg};
	if (!st)
		LIST(rp, 0, "reuse", re, ue_reuse(c, &rf, collect_row, &re));
	if (!st)
		LIST(rp, 0, "attributions", at,
		     ue_attributions(c, rq->arg, collect_row, &at));
	if (!st)
		st = ue_buf_putc(&rp->body, '}');
	if (st)
		route_fail(rp, c, st);
}

void api_origins(struct server *srv, ue_corpus *c, const struct request *rq,
                 struct reply *rp)
{
	(void)srv;
	long long limit = count_param(rq, "limit", 100, 100000);
	long long offset = count_param(rq, "offset", 0, 1000000000);
	if (limit < 0 || offset < 0) {
		reply_error(rp, 400, "limit and offset must be whole numbers");
		return;
	}
	/* limit=0 asks for the count only */
	struct collect k = {.b = &rp->body,
	                    .skip = limit ? (size_t)offset : SIZE_MAX,
	                    .max = (size_t)limit};
	ue_buf_puts(&rp->body, "{\"origins\":[");
	ue_status st = collected(ue_origins_found(c, collect_row, &k), &k);
	if (!st)
		st = ue_buf_printf(&rp->body, "],\"total\":%zu,\"offset\":%lld,"
		                   "\"limit\":%lld}", k.n, offset, limit);
	if (st)
		route_fail(rp, c, st);
}

/* Finds the origin named by id (its key), gazetteer id or name. */
struct find_origin {
	const char *want;
	json_t *found;
};

static int match_origin(void *ctx, const char *json, size_t len)
{
	struct find_origin *f = ctx;
	json_t *o = json_loadb(json, len, 0, NULL);
	const char *id = json_string_value(json_object_get(o, "id"));
	const char *known = json_string_value(json_object_get(o, "known"));
	const char *name = json_string_value(json_object_get(o, "name"));
	if ((id && strcmp(id, f->want) == 0) ||
	    (known && strcmp(known, f->want) == 0) ||
	    (name && strcasecmp(name, f->want) == 0)) {
		f->found = o;
		return 1;
	}
	json_decref(o);
	return 0;
}

/* The claims resting on one origin, each without its mentions but with
 * the reports it has from that origin. */
struct origin_claims {
	const char *key;
	struct collect k;
};

static int add_origin_claim(void *ctx, const char *json, size_t len)
{
	struct origin_claims *oc = ctx;
	json_t *o = json_loadb(json, len, 0, NULL);
	size_t i;
	json_t *x;
	int rc = 0;
	json_array_foreach(json_object_get(o, "origins"), i, x) {
		const char *id = json_string_value(json_object_get(x, "id"));
		if (!id || strcmp(id, oc->key) != 0)
			continue;
		json_object_set(o, "origin_reports", json_object_get(x, "reports"));
		json_object_del(o, "mentions");
		char *s = json_dumps(o, JSON_COMPACT);
		rc = s ? collect_row(&oc->k, s, strlen(s)) : 1;
		free(s);
		break;
	}
	json_decref(o);
	return rc;
}

static int match_known(void *ctx, const char *json, size_t len)
{
	struct find_origin *f = ctx;
	json_t *o = json_loadb(json, len, 0, NULL);
	const char *id = json_string_value(json_object_get(o, "id"));
	if (id && strcmp(id, f->want) == 0) {
		f->found = o;
		return 1;
	}
	json_decref(o);
	return 0;
}

void api_origin(struct server *srv, ue_corpus *c, const struct request *rq,
                struct reply *rp)
{
	(void)srv;
	struct find_origin f = {.want = rq->arg};
	ue_status st = ue_origins_found(c, match_origin, &f);
	if (f.found)
		st = UE_OK;
	else if (!st)
		st = UE_ENOTFOUND;
	struct find_origin g = {0};
	const char *known = json_string_value(json_object_get(f.found, "known"));
	if (!st && known) {
		g.want = known;
		st = ue_origins_known(c, match_known, &g);
		if (st == UE_ECANCELLED)
			st = UE_OK;
	}
	char *origin = f.found ? json_dumps(f.found, JSON_COMPACT) : NULL;
	char *entry = g.found ? json_dumps(g.found, JSON_COMPACT) : NULL;
	struct origin_claims oc = {
		.key = json_string_value(json_object_get(f.found, "id")),
		.k = {.b = &rp->body, .max = 1000},
	};
	ue_claim_filter cf = {.origin = oc.key};
	if (!st && !origin)
		st = UE_ENOMEM;
	if (!st) {
		ue_buf_printf(&rp->body, "{\"origin\":%s,\"known\":%s", origin,
		              entry ? entry : "null");
		LIST(rp, 0, "claims", oc.k,
		     ue_claims_where(c, &cf, add_origin_claim, &oc));
		if (!st)
			st = ue_buf_putc(&rp->body, '}');
	}
	free(origin);
	free(entry);
	json_decref(f.found);
	json_decref(g.found);
	if (st)
		route_fail(rp, c, st);
}

void api_outlets(struct server *srv, ue_corpus *c, const struct request *rq,
                 struct reply *rp)
{
	(void)srv;
	(void)rq;
	struct collect k = {.b = &rp->body};
	ue_buf_puts(&rp->body, "{\"outlets\":[");
	ue_status st = collected(ue_outlets(c, collect_row, &k), &k);
	if (!st)
		st = ue_buf_puts(&rp->body, "]}");
	if (st)
		route_fail(rp, c, st);
}
