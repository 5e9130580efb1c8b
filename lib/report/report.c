/* report.c - gathers the echo report and writes it as JSON, or hands it
 * to the Markdown or HTML writer; see report.h. */
#include "report/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/u64map.h"
#include "framing/framing.h"
#include "report/provenance.h"
#include "report/report_int.h"
#include "stance/dissent.h"
#include "workbench/workbench.h"

/* ---- reading fields ---- */

double report_num(const json_t *obj, const char *key)
{
	return json_number_value(json_object_get(obj, key));
}

const char *report_str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s ? s : "";
}

int report_denies(const json_t *claim)
{
	return !strcmp(report_str(claim, "polarity"), "denies");
}

#define num report_num

/* ---- gathering the listings ---- */

static int into_array(void *ctx, const char *json, size_t len)
{
	json_t *row = json_loadb(json, len, 0, NULL);
	if (!row || json_array_append_new(ctx, row))
		return 1;
	return 0;
}

static ue_status gather(ue_status (*list)(struct ue_store *, void *,
                                          ue_row_fn, void *),
                        struct ue_store *s, void *arg, json_t **out)
{
	*out = json_array();
	if (!*out)
		return UE_ENOMEM;
	ue_status e = list(s, arg, into_array, *out);
	return e == UE_ECANCELLED ? UE_ENOMEM : e;
}

static ue_status list_stats(struct ue_store *s, void *arg, ue_row_fn fn,
                            void *ctx)
{
	(void)arg;
	return ue_store_stats(s, fn, ctx);
}

static ue_status list_stories(struct ue_store *s, void *arg, ue_row_fn fn,
                              void *ctx)
{
	(void)arg;
	return ue_store_stories(s, 0, fn, ctx);
}

static ue_status list_claims(struct ue_store *s, void *arg, ue_row_fn fn,
                             void *ctx)
{
	return ue_store_claims(s, *(int64_t *)arg, 0, NULL, fn, ctx);
}

static ue_status list_coverage(struct ue_store *s, void *arg, ue_row_fn fn,
                               void *ctx)
{
	ue_coverage_options o = {.story = *(int64_t *)arg};
	return ue_store_coverage(s, &o, fn, ctx);
}

static ue_status list_dissent(struct ue_store *s, void *arg, ue_row_fn fn,
                              void *ctx)
{
	return ue_dissent_run(s, *(int64_t *)arg, fn, ctx);
}

/* The framing of stories: arg is {ids, n, top}. */
struct framing_arg {
	const int64_t *ids;
	size_t n;
	unsigned top;
};

static ue_status list_framing(struct ue_store *s, void *arg, ue_row_fn fn,
                              void *ctx)
{
	const struct framing_arg *a = arg;
	return ue_framing_stories(s, a->ids, a->n, a->top, fn, ctx);
}

/* Stories by echo ratio, then documents, then id. */
static int by_echo(const void *a, const void *b)
{
	const json_t *x = *(const json_t *const *)a, *y = *(const json_t *const *)b;
	double ex = num(x, "echo_ratio"), ey = num(y, "echo_ratio");
	if (ex != ey)
		return ex > ey ? -1 : 1;
	double dx = num(x, "docs"), dy = num(y, "docs");
	if (dx != dy)
		return dx > dy ? -1 : 1;
	return num(x, "id") < num(y, "id") ? -1 : 1;
}

static json_t *ranked(json_t *stories)
{
	size_t n = json_array_size(stories);
	json_t **v = malloc((n + 1) * sizeof *v);
	json_t *out = json_array();
	if (!v || !out) {
		free(v);
		json_decref(out);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		v[i] = json_array_get(stories, i);
	qsort(v, n, sizeof *v, by_echo);
	for (size_t i = 0; i < n; i++)
		json_array_append(out, v[i]);
	free(v);
	return out;
}

/* Dissenting documents kept per story. */
#define DISSENT 5
/* The main claims of a story, whose provenance is traced. */
#define MAIN_CLAIMS 3

/* Hands each row of rows to the story it names (its "story" field), as
 * an element of that story's array field key (made, empty, for every
 * story without one: a count there is replaced). */
static ue_status distribute(json_t *rows, json_t *rank, const char *key)
{
	struct ue_u64map at = UE_U64MAP_INIT;   /* story id -> rank + 1 */
	size_t i;
	json_t *row;
	ue_status e = UE_OK;
	json_array_foreach(rank, i, row) {
		uint64_t *v;
		if ((e = ue_u64map_slot(&at, (uint64_t)num(row, "id"), &v, NULL)))
			break;
		*v = i + 1;
		if (!json_is_array(json_object_get(row, key)))
			json_object_set_new(row, key, json_array());
	}
	json_array_foreach(rows, i, row) {
		if (e)
			break;
		const uint64_t *v = ue_u64map_get(&at, (uint64_t)num(row, "story"));
		if (v)
			json_array_append(json_object_get(json_array_get(rank, *v - 1),
			                                  key), row);
	}
	ue_u64map_release(&at);
	return e;
}

/* The framing by bloc of the stories of top, in one pass over the
 * corpus. */
static ue_status add_framing(struct ue_store *s,
                             const struct ue_report_params *p, json_t *top)
{
	size_t n = json_array_size(top);
	int64_t *ids = malloc((n + 1) * sizeof *ids);
	if (!ids)
		return UE_ENOMEM;
	for (size_t i = 0; i < n; i++)
		ids[i] = (int64_t)num(json_array_get(top, i), "id");
	struct framing_arg a = {ids, n, p->terms ? p->terms : 8};
	json_t *rows = NULL;
	ue_status e = gather(list_framing, s, &a, &rows);
	if (!e)
		e = distribute(rows, top, "framing");
	json_decref(rows);
	free(ids);
	return e;
}

/* The coverage and claims of one story (or all when 0), each handed to
 * its story among stories. */
static ue_status coverage_and_claims(struct ue_store *s, int64_t story,
                                     json_t *stories)
{
	json_t *cov = NULL, *claims = NULL;
	ue_status e = gather(list_coverage, s, &story, &cov);
	if (!e)
		e = gather(list_claims, s, &story, &claims);
	if (!e)
		e = distribute(cov, stories, "coverage");
	if (!e)
		e = distribute(claims, stories, "claims");
	json_decref(cov);
	json_decref(claims);
	return e;
}

/* The story's most dissenting few (those with some dissent), each with
 * its document's title and address. */
static ue_status add_dissent(struct ue_store *s, provenance_docs *docs,
                             json_t *story)
{
	int64_t id = (int64_t)num(story, "id");
	json_t *dissent;
	ue_status e = gather(list_dissent, s, &id, &dissent);
	if (e)
		return e;
	size_t keep = 0;
	while (keep < json_array_size(dissent) && keep < DISSENT &&
	       num(json_array_get(dissent, keep), "score") > 0)
		keep++;
	while (json_array_size(dissent) > keep)
		json_array_remove(dissent, keep);
	size_t i;
	json_t *row;
	json_array_foreach(dissent, i, row) {
		const json_t *doc = provenance_doc(s, docs, report_str(row, "doc"),
		                                   &e);
		if (e)
			break;
		json_object_set(row, "title", doc ? json_object_get(doc, "title")
		                                  : json_null());
		json_object_set(row, "url", doc ? json_object_get(doc, "url")
		                                : json_null());
	}
	json_object_set_new(story, "dissent", dissent);
	return e;
}

/* The provenance edges of the story's main claims. */
static ue_status add_provenance(struct ue_store *s, provenance_docs *docs,
                                json_t *story)
{
	json_t *edges = json_array();
	if (!edges || json_object_set_new(story, "provenance", edges))
		return UE_ENOMEM;
	size_t i;
	json_t *claim;
	ue_status e = UE_OK;
	json_array_foreach(json_object_get(story, "claims"), i, claim) {
		if (e || i == MAIN_CLAIMS)
			break;
		e = provenance_edges(s, docs, claim, edges);
	}
	return e;
}

/* The coverage and claims of every story for JSON (of the stories shown
 * otherwise), and the framing, dissent and provenance of the first
 * `shown` stories of rank. */
static ue_status details(struct ue_store *s, const struct ue_report_params *p,
                         json_t *rank, size_t shown)
{
	/* The stories shown: the same objects as in rank. */
	json_t *top = json_array(), *docs = json_object();
	ue_status e = top && docs ? UE_OK : UE_ENOMEM;
	for (size_t i = 0; !e && i < shown && i < json_array_size(rank); i++)
		if (json_array_append(top, json_array_get(rank, i)))
			e = UE_ENOMEM;
	size_t i;
	json_t *story;
	if (!e && p->format == UE_REPORT_JSON) {
		e = coverage_and_claims(s, 0, rank);
	} else {
		/* Only the stories shown need them. */
		json_array_foreach(top, i, story) {
			if (e)
				break;
			e = coverage_and_claims(s, (int64_t)num(story, "id"), top);
		}
	}
	if (!e)
		e = add_framing(s, p, top);
	json_array_foreach(top, i, story) {
		if (e)
			break;
		e = add_dissent(s, docs, story);
		if (!e)
			e = add_provenance(s, docs, story);
	}
	json_decref(top);
	json_decref(docs);
	return e;
}

/* ---- writing ---- */

void report_putn(struct report_out *o, const char *s, size_t len)
{
	if (!o->error)
		o->error = ue_buf_append(&o->b, s, len);
	/* Long reports leave in pieces. */
	if (!o->error && o->b.len >= 1u << 20) {
		if (o->p->write(o->p->ctx, o->b.data, o->b.len))
			o->error = UE_ECANCELLED;
		ue_buf_reset(&o->b);
	}
}

void report_put(struct report_out *o, const char *s)
{
	report_putn(o, s, strlen(s));
}

void report_putf(struct report_out *o, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof tmp && !o->error)
		o->error = UE_ELIMIT;
	report_put(o, tmp);
}

static ue_status write_json(struct report_out *o, const struct report_data *d)
{
	json_t *doc = json_pack("{s:O,s:O,s:O}", "overview",
	                        json_array_get(d->overview, 0), "stories",
	                        d->stories, "workbench", d->workbench);
	char *text = doc ? json_dumps(doc, JSON_INDENT(1) |
	                              JSON_REAL_PRECISION(15)) : NULL;
	json_decref(doc);
	if (!text)
		return UE_ENOMEM;
	report_put(o, text);
	report_put(o, "\n");
	free(text);
	return o->error;
}

static ue_status flush(struct report_out *o)
{
	if (o->error)
		return o->error;
	if (o->b.len && o->p->write(o->p->ctx, o->b.data, o->b.len))
		return UE_ECANCELLED;
	ue_buf_reset(&o->b);
	return UE_OK;
}

ue_status ue_report_run(struct ue_store *s, const struct ue_report_params *p)
{
	struct report_data d = {.shown = p->stories ? p->stories : 10};
	json_t *stories = NULL;
	ue_status e = gather(list_stats, s, NULL, &d.overview);
	if (!e)
		e = gather(list_stories, s, NULL, &stories);
	if (!e && !(d.stories = ranked(stories)))
		e = UE_ENOMEM;
	if (!e)
		e = details(s, p, d.stories, d.shown);
	if (!e)
		e = ue_workbench_json(s, &d.workbench);
	if (d.shown > json_array_size(d.stories))
		d.shown = json_array_size(d.stories);
	struct report_out o = {.p = p};
	ue_buf_init(&o.b, 0);
	if (!e) {
		switch (p->format) {
		case UE_REPORT_JSON: e = write_json(&o, &d); break;
		case UE_REPORT_MD: e = report_write_md(&o, &d); break;
		case UE_REPORT_HTML: e = report_write_html(&o, &d); break;
		}
	}
	if (!e)
		e = flush(&o);
	ue_buf_release(&o.b);
	json_decref(d.overview);
	json_decref(stories);
	json_decref(d.stories);
	json_decref(d.workbench);
	return e;
}
