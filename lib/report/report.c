/* report.c - the echo report as JSON or Markdown; see report.h. */
#include "report/report.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/u64map.h"
#include "framing/framing.h"
#include "stance/dissent.h"

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
	return ue_store_claims(s, *(int64_t *)arg, 0, fn, ctx);
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

static ue_status list_framing(struct ue_store *s, void *arg, ue_row_fn fn,
                              void *ctx)
{
	return ue_framing_run(s, arg, fn, ctx);
}

static double num(const json_t *o, const char *key)
{
	return json_number_value(json_object_get(o, key));
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

/* Hands each row of rows to the story it names (its "story" field), as
 * an element of that story's array field key. */
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

/* Every story's coverage and claims; the framing of the first `framed`
 * stories of rank (framing reads the whole corpus each time). */
static ue_status details(struct ue_store *s, const struct ue_report_params *p,
                         json_t *rank, size_t framed)
{
	int64_t all = 0;
	json_t *cov = NULL, *claims = NULL;
	ue_status e = gather(list_coverage, s, &all, &cov);
	if (!e)
		e = gather(list_claims, s, &all, &claims);
	if (!e)
		e = distribute(cov, rank, "coverage");
	if (!e)
		e = distribute(claims, rank, "claims");
	json_decref(cov);
	json_decref(claims);
	size_t i;
	json_t *story;
	json_array_foreach(rank, i, story) {
		if (e || i == framed)
			break;
		ue_framing_options f = {.story = (int64_t)num(story, "id"),
		                        .top = p->terms ? p->terms : 8};
		json_t *framing, *dissent;
		int64_t id = f.story;
		if (!(e = gather(list_framing, s, &f, &framing)))
			json_object_set_new(story, "framing", framing);
		if (!e && !(e = gather(list_dissent, s, &id, &dissent))) {
			/* The most dissenting few, those with some dissent. */
			size_t keep = 0;
			while (keep < json_array_size(dissent) && keep < DISSENT &&
			       num(json_array_get(dissent, keep), "score") > 0)
				keep++;
			while (json_array_size(dissent) > keep)
				json_array_remove(dissent, keep);
			json_object_set_new(story, "dissent", dissent);
		}
	}
	return e;
}

/* ---- writing ---- */

struct out {
	const struct ue_report_params *p;
	struct ue_buf b;
	ue_status error;
};

static void put(struct out *o, const char *s)
{
	if (!o->error)
		o->error = ue_buf_puts(&o->b, s);
}

static void putf(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void putf(struct out *o, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	put(o, tmp);
}

/* Corpus text as Markdown text: markup characters escaped, HTML's
 * special characters as entities, line breaks as spaces. */
static void put_text(struct out *o, const char *s)
{
	for (; s && *s && !o->error; s++) {
		char c = *s;
		if (c == '<')
			put(o, "&lt;");
		else if (c == '>')
			put(o, "&gt;");
		else if (c == '&')
			put(o, "&amp;");
		else if (c == '\n' || c == '\r' || c == '\t')
			put(o, " ");
		else {
			if (strchr("\\`*_{}[]()#+-.!|~", c))
				put(o, "\\");
			char one[2] = {c, 0};
			put(o, one);
		}
	}
}

static const char *str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static void md_story(struct out *o, const json_t *st)
{
	const struct ue_report_params *p = o->p;
	putf(o, "\n## Story %lld: ", (long long)num(st, "id"));
	put_text(o, str(st, "label"));
	put(o, "\n\n");
	if (*str(st, "headline")) {
		put(o, "*");
		put_text(o, str(st, "headline"));
		put(o, "*\n\n");
	}
	putf(o, "%lld documents from %lld outlets, %s to %s; %zu claims "
	     "reported more than once; the documents rest on %.2f effective "
	     "origins: echo ratio %.2f.\n",
	     (long long)num(st, "docs"), (long long)num(st, "outlets"),
	     str(st, "first"), str(st, "last"),
	     json_array_size(json_object_get(st, "claims")),
	     num(st, "effective_origins"), num(st, "echo_ratio"));
	put(o, "\n| bloc | documents | share | corpus share | blindspot |\n"
	       "|---|---:|---:|---:|---|\n");
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(st, "coverage"), i, row) {
		put(o, "| ");
		put_text(o, str(row, "bloc"));
		putf(o, " | %lld | %.1f%% | %.1f%% | %s |\n",
		     (long long)num(row, "docs"), 100 * num(row, "share"),
		     100 * num(row, "corpus_share"),
		     json_is_true(json_object_get(row, "blindspot")) ?
		     "**yes**" : "");
	}
	put(o, "\n| claim | reports | effective origins | echo | origins |\n"
	       "|---|---:|---:|---:|---|\n");
	unsigned shown = 0, max = p->claims ? p->claims : 10;
	json_array_foreach(json_object_get(st, "claims"), i, row) {
		if (shown++ == max)
			break;
		put(o, "| ");
		if (json_is_string(json_object_get(row, "polarity")) &&
		    !strcmp(str(row, "polarity"), "denies"))
			put(o, "(denial) ");
		put_text(o, str(row, "text"));
		putf(o, " | %lld | %.2f | %.2f | ", (long long)num(row, "reports"),
		     num(row, "effective_origins"), num(row, "echo_ratio"));
		size_t k;
		json_t *org;
		json_array_foreach(json_object_get(row, "origins"), k, org) {
			if (k == 3)
				break;
			if (k)
				put(o, "; ");
			put_text(o, str(org, "name"));
			putf(o, " (%lld)", (long long)num(org, "reports"));
		}
		put(o, " |\n");
	}
	json_t *dissent = json_object_get(st, "dissent");
	if (json_array_size(dissent)) {
		put(o, "\nDissent from the most reported claim:\n\n");
		json_array_foreach(dissent, i, row) {
			put(o, "- ");
			put_text(o, str(row, "outlet"));
			putf(o, " (%s, ", str(row, "stance"));
			put_text(o, str(row, "bloc"));
			put(o, "): ");
			put_text(o, str(row, "passage"));
			put(o, "\n");
		}
	}
	put(o, "\nDistinctive words by bloc:\n\n");
	const char *group = NULL;
	json_array_foreach(json_object_get(st, "framing"), i, row) {
		if (!group || strcmp(group, str(row, "group"))) {
			put(o, group ? "\n- " : "- ");
			put_text(o, str(row, "group"));
			put(o, ": ");
			group = str(row, "group");
		} else {
			put(o, ", ");
		}
		put_text(o, str(row, "term"));
	}
	put(o, group ? "\n" : "(none)\n");
}

static ue_status write_md(struct out *o, const json_t *overview,
                          const json_t *stories)
{
	const json_t *st = json_array_get(overview, 0);
	put(o, "# The echo report\n\n");
	putf(o, "%lld documents (%lld distinct texts) from %lld outlets, "
	     "%s to %s.\n", (long long)num(st, "documents"),
	     (long long)num(st, "distinct_texts"),
	     (long long)num(st, "outlets"), str(st, "first"),
	     str(st, "last"));
	put(o, "Stories are ranked by echo ratio: reports over the effective "
	       "number of independent origins they rest on.\n");
	size_t i;
	json_t *row;
	unsigned max = o->p->stories ? o->p->stories : 10;
	json_array_foreach(stories, i, row) {
		if (i == max)
			break;
		md_story(o, row);
	}
	return o->error;
}

static ue_status flush(struct out *o)
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
	json_t *overview = NULL, *stories = NULL, *rank = NULL;
	ue_status e = gather(list_stats, s, NULL, &overview);
	if (!e)
		e = gather(list_stories, s, NULL, &stories);
	if (!e && !(rank = ranked(stories)))
		e = UE_ENOMEM;
	if (!e)
		e = details(s, p, rank, p->stories ? p->stories : 10);
	struct out o = {.p = p};
	ue_buf_init(&o.b, 0);
	if (!e && p->markdown) {
		e = write_md(&o, overview, rank);
	} else if (!e) {
		json_t *doc = json_pack("{s:O,s:O}", "overview",
		                        json_array_get(overview, 0), "stories",
		                        rank);
		char *text = doc ? json_dumps(doc, JSON_INDENT(1) |
		                              JSON_REAL_PRECISION(15)) : NULL;
		if (!text)
			e = UE_ENOMEM;
		else {
			put(&o, text);
			put(&o, "\n");
		}
		free(text);
		json_decref(doc);
	}
	if (!e)
		e = flush(&o);
	ue_buf_release(&o.b);
	json_decref(overview);
	json_decref(stories);
	json_decref(rank);
	return e;
}
