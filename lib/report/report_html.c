/*
 * report_html.c - the echo report as one self-contained HTML file; see
 * report_int.h.
 *
 * Everything from the corpus is hostile.  It reaches the page in three
 * ways only: as HTML-escaped text, as a link whose address is checked to
 * be http(s) and escaped, and inside the chart specifications, a JSON
 * block (not a script) in which '<', '>' and '&' are \u-escaped, drawn by
 * Vega as SVG text.  On top of that, the Content-Security-Policy lets no
 * script run but the four embedded ones, identified by their SHA-256
 * (computed at build time), and lets the page fetch nothing at all.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/builtin.h"
#include "report/html.h"
#include "report/report_int.h"
#include "report/script_hashes.h"

#define num report_num
#define str report_str

/* The scripts, in load order; each must have a hash in ue_script_hashes. */
static const char *const scripts[] = {
	"vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "report.js",
};

/* "#ID label" for a chart's category, the label cut to 60 bytes at a
 * character boundary. */
static void label_of(char *buf, size_t size, const json_t *row,
                     const char *key)
{
	const char *label = str(row, key);
	size_t n = strlen(label);
	if (n > 60) {
		n = 60;
		while (n && ((unsigned char)label[n] & 0xC0) == 0x80)
			n--;
	}
	snprintf(buf, size, "#%lld %.*s", (long long)num(row, "id"), (int)n,
	         label);
}

static json_t *stories_chart(const struct report_data *d)
{
	json_t *values = json_array();
	size_t i;
	json_t *st;
	json_array_foreach(d->stories, i, st) {
		if (i == d->shown)
			break;
		char label[96];
		label_of(label, sizeof label, st, "label");
		html_add_pair(values, label, "documents", num(st, "docs"));
		html_add_pair(values, label, "effective origins",
		              num(st, "effective_origins"));
	}
	return html_paired_bars(values, "story", "documents");
}

static json_t *corpus_chart(const json_t *overview)
{
	json_t *values = json_array();
	const char *bloc;
	json_t *n;
	json_object_foreach(json_object_get(overview, "blocs"), bloc, n)
		json_array_append_new(values, json_pack("{s:s,s:O}", "bloc", bloc,
		                                        "documents", n));
	return json_pack(
		"{s:i,s:{s:o},s:s,s:{s:{s:s,s:s,s:s},s:{s:s,s:s,s:s},"
		"s:[{s:s},{s:s}]}}",
		"width", 360, "data", "values", values, "mark", "bar",
		"encoding",
		"y", "field", "bloc", "type", "nominal", "sort", "-x",
		"x", "field", "documents", "type", "quantitative", "title",
		"documents",
		"tooltip", "field", "bloc", "field", "documents");
}

static json_t *coverage_chart(const json_t *story)
{
	json_t *values = json_array();
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(story, "coverage"), i, row) {
		html_add_pair(values, str(row, "bloc"), "share of the story",
		              num(row, "share"));
		html_add_pair(values, str(row, "bloc"), "share of the corpus",
		              num(row, "corpus_share"));
	}
	json_t *spec = html_paired_bars(values, "bloc", "share");
	json_t *x = json_object_get(json_object_get(spec, "encoding"), "x");
	json_object_set_new(x, "axis", json_pack("{s:s}", "format", "%"));
	return spec;
}

static json_t *claims_chart(const json_t *story, unsigned max)
{
	json_t *values = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(story, "claims"), i, c) {
		if (i == max)
			break;
		char label[16];
		snprintf(label, sizeof label, "#%lld", (long long)num(c, "id"));
		html_add_pair(values, label, "reports", num(c, "reports"));
		html_add_pair(values, label, "effective origins",
		              num(c, "effective_origins"));
	}
	return html_paired_bars(values, "claim", "reports");
}

/* Each claim's first appearance in each bloc. */
static json_t *timeline_chart(const json_t *story, unsigned max)
{
	json_t *values = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(story, "claims"), i, c) {
		if (i == max)
			break;
		char label[16];
		snprintf(label, sizeof label, "#%lld", (long long)num(c, "id"));
		const char *bloc;
		json_t *when;
		json_object_foreach(json_object_get(c, "bloc_first_seen"), bloc,
		                    when)
			json_array_append_new(values, json_pack(
				"{s:s,s:s,s:O}", "claim", label, "bloc", bloc,
				"first seen", when));
	}
	return json_pack(
		"{s:i,s:{s:o},s:{s:s,s:b,s:i},s:{s:{s:s,s:s,s:s},"
		"s:{s:s,s:s,s:n},s:{s:s,s:s,s:{s:s}},"
		"s:[{s:s},{s:s},{s:s,s:s,s:s}]}}",
		"width", 360, "data", "values", values, "mark", "type", "point",
		"filled", 1, "size", 80,
		"encoding",
		"x", "field", "first seen", "type", "temporal", "title",
		"first seen (UTC)",
		"y", "field", "claim", "type", "nominal", "sort",
		"color", "field", "bloc", "type", "nominal", "legend", "orient",
		"bottom",
		"tooltip", "field", "claim", "field", "bloc", "field",
		"first seen", "type", "temporal", "format", "%Y-%m-%d %H:%M");
}

/* ---- page parts ---- */

static void overview(struct report_out *o, const struct report_data *d,
                     json_t *specs)
{
	const json_t *st = json_array_get(d->overview, 0);
	report_put(o, "<section id=\"overview\">\n<h2>The corpus</h2>\n<p>");
	report_putf(o, "%lld documents (%lld distinct texts) from %lld "
	            "outlets, ", (long long)num(st, "documents"),
	            (long long)num(st, "distinct_texts"),
	            (long long)num(st, "outlets"));
	html_when(o, str(st, "first"));
	report_put(o, " to ");
	html_when(o, str(st, "last"));
	report_putf(o, "; %zu stories.</p>\n<div class=\"pair\">\n",
	            json_array_size(d->stories));
	html_chart_box(o, "chart-corpus", "documents by bloc");
	html_add_chart(specs, "chart-corpus", corpus_chart(st));
	report_put(o, "<table><caption>Documents by bloc</caption>\n"
	           "<tr><th>bloc</th><th class=\"n\">documents</th></tr>\n");
	const char *key;
	json_t *n;
	json_object_foreach(json_object_get(st, "blocs"), key, n) {
		report_put(o, "<tr><td>");
		html_text(o, key);
		report_putf(o, "</td><td class=\"n\">%lld</td></tr>\n",
		            (long long)json_integer_value(n));
	}
	report_put(o, "</table>\n</div>\n<p>Languages: ");
	size_t i = 0;
	json_object_foreach(json_object_get(st, "languages"), key, n) {
		report_put(o, i++ ? ", " : "");
		html_text(o, key);
		report_putf(o, " %lld", (long long)json_integer_value(n));
	}
	report_put(o, i ? ".</p>\n" : "none.</p>\n");
	report_put(o, "</section>\n");
}

static void story_index(struct report_out *o, const struct report_data *d,
                        json_t *specs)
{
	report_putf(o, "<section id=\"stories\">\n<h2>Stories by echo ratio</h2>"
	            "\n<p>The %zu stories with the highest echo ratio: their "
	            "documents over the effective number of independent origins "
	            "they rest on. The JSON report has all %zu.</p>\n"
	            "<div class=\"pair\">\n", d->shown,
	            json_array_size(d->stories));
	html_chart_box(o, "chart-stories", "documents against effective origins");
	html_add_chart(specs, "chart-stories", stories_chart(d));
	report_put(o, "<table><caption>Stories</caption>\n<tr><th>story</th>"
	           "<th class=\"n\">documents</th><th class=\"n\">outlets</th>"
	           "<th class=\"n\">effective origins</th>"
	           "<th class=\"n\">echo ratio</th></tr>\n");
	size_t i;
	json_t *st;
	json_array_foreach(d->stories, i, st) {
		if (i == d->shown)
			break;
		long long id = (long long)num(st, "id");
		report_putf(o, "<tr><td><a href=\"#story-%lld\">#%lld ", id, id);
		html_text(o, str(st, "label"));
		report_putf(o, "</a></td><td class=\"n\">%lld</td>"
		            "<td class=\"n\">%lld</td><td class=\"n\">%.2f</td>"
		            "<td class=\"n\">%.2f</td></tr>\n",
		            (long long)num(st, "docs"), (long long)num(st, "outlets"),
		            num(st, "effective_origins"), num(st, "echo_ratio"));
	}
	report_put(o, "</table>\n</div>\n</section>\n");
}

/* Documents a bloc needs in a story before the claims it leaves out are
 * worth saying. */
#define ABSENT_MIN_DOCS 3

/* Whether the claim is among the first max of the story (shown). */
static int shown_claim(const json_t *st, json_int_t id, unsigned max)
{
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(st, "claims"), i, c) {
		if (i == max)
			break;
		if ((json_int_t)num(c, "id") == id)
			return 1;
	}
	return 0;
}

/* "BLOC covers the story but never reports claims #A, #B." for the shown
 * claims it leaves out. */
static void absent_claims(struct report_out *o, const json_t *st,
                          const json_t *row)
{
	unsigned max = o->p->claims ? o->p->claims : 10;
	if (num(row, "docs") < ABSENT_MIN_DOCS)
		return;
	size_t k, said = 0;
	json_t *c;
	json_array_foreach(json_object_get(row, "claims_absent"), k, c) {
		json_int_t id = json_integer_value(c);
		if (!shown_claim(st, id, max))
			continue;
		if (!said++) {
			report_put(o, "<li>");
			html_text(o, str(row, "bloc"));
			report_put(o, " covers the story but never reports ");
		}
		report_putf(o, "%s<a href=\"#claim-%lld\">#%lld</a>",
		            said > 1 ? ", " : "", (long long)id, (long long)id);
	}
	if (said)
		report_put(o, ".</li>\n");
}

static void coverage(struct report_out *o, const json_t *st, json_t *specs)
{
	long long id = (long long)num(st, "id");
	char chart[48];
	snprintf(chart, sizeof chart, "chart-coverage-%lld", id);
	report_put(o, "<h3>Coverage by bloc</h3>\n<div class=\"pair\">\n");
	html_chart_box(o, chart, "share of the story against share of the corpus");
	html_add_chart(specs, chart, coverage_chart(st));
	report_put(o, "<table><caption>Coverage</caption>\n<tr><th>bloc</th>"
	           "<th class=\"n\">documents</th><th class=\"n\">share</th>"
	           "<th class=\"n\">corpus share</th><th>blindspot</th></tr>\n");
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(st, "coverage"), i, row) {
		int blind = json_is_true(json_object_get(row, "blindspot"));
		report_put(o, blind ? "<tr class=\"blind\"><td>" : "<tr><td>");
		html_text(o, str(row, "bloc"));
		report_putf(o, "</td><td class=\"n\">%lld</td><td class=\"n\">",
		            (long long)num(row, "docs"));
		html_pct(o, num(row, "share"));
		report_put(o, "</td><td class=\"n\">");
		html_pct(o, num(row, "corpus_share"));
		report_put(o, blind ? "</td><td>blindspot</td></tr>\n"
		                    : "</td><td></td></tr>\n");
	}
	report_put(o, "</table>\n</div>\n");
	/* Blindspots and absent claims, said in words. */
	report_put(o, "<ul class=\"notes\">\n");
	json_array_foreach(json_object_get(st, "coverage"), i, row) {
		if (json_is_true(json_object_get(row, "blindspot"))) {
			report_put(o, "<li><strong>Blindspot:</strong> ");
			html_text(o, str(row, "bloc"));
			report_putf(o, " has %lld of the story's documents where its "
			            "share of the corpus would give %.1f.</li>\n",
			            (long long)num(row, "docs"), num(row, "expected"));
		}
		absent_claims(o, st, row);
	}
	report_put(o, "</ul>\n");
}

static void claims(struct report_out *o, const json_t *st, json_t *specs)
{
	unsigned max = o->p->claims ? o->p->claims : 10;
	const json_t *all = json_object_get(st, "claims");
	char chart[48];
	snprintf(chart, sizeof chart, "chart-claims-%lld",
	         (long long)num(st, "id"));
	report_putf(o, "<h3>Claims: reports against effective origins</h3>\n"
	            "<p>%zu claims reported more than once%s.</p>\n",
	            json_array_size(all),
	            json_array_size(all) > max ? "; the most reported shown" : "");
	if (!json_array_size(all))
		return;
	report_put(o, "<div class=\"pair\">\n");
	html_chart_box(o, chart, "reports against effective origins per claim");
	html_add_chart(specs, chart, claims_chart(st, max));
	report_put(o, "<table class=\"claims\"><caption>Claims</caption>\n"
	           "<tr><th>claim</th><th class=\"n\">reports</th>"
	           "<th class=\"n\">effective origins</th>"
	           "<th class=\"n\">echo</th><th>origins</th></tr>\n");
	size_t i;
	json_t *c;
	json_array_foreach(all, i, c) {
		if (i == max)
			break;
		long long id = (long long)num(c, "id");
		report_putf(o, "<tr id=\"claim-%lld\"><td><b>#%lld</b> ", id, id);
		if (report_denies(c))
			report_put(o, "<em>(denial)</em> ");
		html_short(o, str(c, "text"), 240);
		report_putf(o, "</td><td class=\"n\">%lld</td><td class=\"n\">%.2f"
		            "</td><td class=\"n\">%.2f</td><td>",
		            (long long)num(c, "reports"),
		            num(c, "effective_origins"), num(c, "echo_ratio"));
		size_t k;
		json_t *org;
		json_array_foreach(json_object_get(c, "origins"), k, org) {
			if (k == 3) {
				report_putf(o, "; %zu more", json_array_size(
				            json_object_get(c, "origins")) - 3);
				break;
			}
			report_put(o, k ? "; " : "");
			html_text(o, str(org, "name"));
			report_putf(o, " (%lld)", (long long)num(org, "reports"));
		}
		report_put(o, "</td></tr>\n");
	}
	report_put(o, "</table>\n</div>\n");
}

static void reasons(struct report_out *o, const json_t *row)
{
	report_put(o, "stance: ");
	html_text(o, str(row, "stance"));
	size_t i;
	json_t *why;
	json_array_foreach(json_object_get(row, "reasons"), i, why) {
		const char *w = json_string_value(why);
		if (w && strcmp(w, "disagrees")) {
			report_put(o, "; ");
			html_text(o, w);
		}
	}
}

static void dissent(struct report_out *o, const json_t *st)
{
	const json_t *rows = json_object_get(st, "dissent");
	if (!json_array_size(rows))
		return;
	report_put(o, "<h3>Dissent from the most reported claim</h3>\n"
	           "<ol class=\"dissent\">\n");
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		report_put(o, "<li><p><b>");
		html_text(o, str(r, "outlet"));
		report_put(o, "</b> (");
		html_text(o, str(r, "bloc"));
		report_put(o, "), ");
		const char *url = str(r, "url"), *title = str(r, "title");
		if (html_safe_link(url)) {
			report_put(o, "<a rel=\"noopener noreferrer\" href=\"");
			html_text(o, url);
			report_put(o, "\">");
			html_text(o, *title ? title : str(r, "doc"));
			report_put(o, "</a>");
		} else {
			html_text(o, *title ? title : str(r, "doc"));
		}
		report_putf(o, ": dissent %.2f (", num(r, "score"));
		reasons(o, r);
		report_put(o, ")</p>\n<blockquote>");
		html_text(o, str(r, "passage"));
		report_put(o, "</blockquote></li>\n");
	}
	report_put(o, "</ol>\n");
}

static void framing(struct report_out *o, const json_t *st)
{
	const json_t *rows = json_object_get(st, "framing");
	if (!json_array_size(rows))
		return;
	report_put(o, "<h3>Distinctive words by bloc</h3>\n<table class=\"terms\">"
	           "<caption>Words by z-score of the log-odds ratio against the "
	           "rest of the story</caption>\n");
	const char *group = NULL;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		if (!group || strcmp(group, str(r, "group"))) {
			report_put(o, group ? "</td></tr>\n<tr><th>" : "<tr><th>");
			html_text(o, str(r, "group"));
			report_put(o, "</th><td>");
			group = str(r, "group");
		} else {
			report_put(o, ", ");
		}
		report_put(o, "<span title=\"z ");
		report_putf(o, "%.2f\">", num(r, "z"));
		html_text(o, str(r, "term"));
		report_put(o, "</span>");
	}
	report_put(o, "</td></tr>\n</table>\n");
}

static void timeline(struct report_out *o, const json_t *st, json_t *specs)
{
	unsigned max = o->p->claims ? o->p->claims : 10;
	const json_t *all = json_object_get(st, "claims");
	if (!json_array_size(all))
		return;
	char chart[48];
	snprintf(chart, sizeof chart, "chart-timeline-%lld",
	         (long long)num(st, "id"));
	report_put(o, "<h3>Timeline</h3>\n<div class=\"pair\">\n");
	html_chart_box(o, chart, "first appearance of each claim in each bloc");
	html_add_chart(specs, chart, timeline_chart(st, max));
	report_put(o, "<table><caption>First appearance, and each bloc's lag"
	           "</caption>\n<tr><th>claim</th><th>first seen</th>"
	           "<th>lag by bloc (hours)</th></tr>\n");
	size_t i;
	json_t *c;
	json_array_foreach(all, i, c) {
		if (i == max)
			break;
		report_putf(o, "<tr><td>#%lld</td><td>", (long long)num(c, "id"));
		html_when(o, str(c, "first_seen"));
		report_put(o, "</td><td>");
		const char *bloc;
		json_t *lag;
		size_t k = 0;
		json_object_foreach(json_object_get(c, "bloc_lag_hours"), bloc, lag) {
			report_put(o, k++ ? ", " : "");
			html_text(o, bloc);
			report_putf(o, " %.1f", json_number_value(lag));
		}
		report_put(o, "</td></tr>\n");
	}
	report_put(o, "</table>\n</div>\n");
}

static void story(struct report_out *o, const json_t *st, json_t *specs)
{
	long long id = (long long)num(st, "id");
	report_putf(o, "<section class=\"story\" id=\"story-%lld\">\n"
	            "<h2>Story %lld: ", id, id);
	html_text(o, str(st, "label"));
	report_put(o, "</h2>\n");
	if (*str(st, "headline")) {
		report_put(o, "<p class=\"headline\">");
		html_text(o, str(st, "headline"));
		report_put(o, "</p>\n");
	}
	report_putf(o, "<p>%lld documents from %lld outlets, ",
	            (long long)num(st, "docs"), (long long)num(st, "outlets"));
	html_when(o, str(st, "first"));
	report_put(o, " to ");
	html_when(o, str(st, "last"));
	report_putf(o, ". They rest on <b>%.2f</b> effective origins: echo "
	            "ratio <b>%.2f</b>.</p>\n", num(st, "effective_origins"),
	            num(st, "echo_ratio"));
	coverage(o, st, specs);
	claims(o, st, specs);
	report_html_provenance(o, st);
	dissent(o, st);
	framing(o, st);
	timeline(o, st, specs);
	report_put(o, "</section>\n");
}

/* ---- the page ---- */

static const char *script_hash(const char *name)
{
	for (const struct ue_script_hash *h = ue_script_hashes; h->name; h++)
		if (!strcmp(h->name, name))
			return h->sha256;
	return NULL;
}

static const struct ue_builtin_file *asset(struct report_out *o,
                                           const char *name)
{
	const struct ue_builtin_file *f = ue_builtin_find(name);
	if (!f && !o->error)
		o->error = UE_ENOTFOUND;
	return f;
}

static void head(struct report_out *o)
{
	report_put(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	           "<meta charset=\"utf-8\">\n"
	           "<meta name=\"viewport\" content=\"width=device-width, "
	           "initial-scale=1\">\n"
	           "<meta http-equiv=\"Content-Security-Policy\" content=\""
	           "default-src 'none'; img-src data:; style-src "
	           "'unsafe-inline'; base-uri 'none'; form-action 'none'; "
	           "script-src 'unsafe-eval'");
	for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++) {
		const char *hash = script_hash(scripts[i]);
		if (!hash && !o->error)
			o->error = UE_ENOTFOUND;
		report_put(o, " '");
		report_put(o, hash ? hash : "");
		report_put(o, "'");
	}
	report_put(o, "\">\n<title>The echo report</title>\n<style>\n");
	const struct ue_builtin_file *css = asset(o, "report.css");
	if (css)
		report_putn(o, css->data, css->len);
	report_put(o, "</style>\n</head>\n");
}

/* The embedded scripts, verbatim (their hashes are of these bytes). */
static void scripts_tail(struct report_out *o)
{
	for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++) {
		const struct ue_builtin_file *js = asset(o, scripts[i]);
		if (!js)
			continue;
		report_put(o, "<script>");
		report_putn(o, js->data, js->len);
		report_put(o, "</script>\n");
	}
}

ue_status report_write_html(struct report_out *o, const struct report_data *d)
{
	json_t *specs = json_object();
	if (!specs)
		return UE_ENOMEM;
	head(o);
	report_put(o, "<body>\n<header>\n<h1>The echo report</h1>\n<p>Count "
	           "origins, not articles: stories are ranked by how many "
	           "documents rest on how few independent origins.</p>\n"
	           "<nav><a href=\"#overview\">corpus</a> <a href=\"#stories\">"
	           "stories</a>");
	size_t i;
	json_t *st;
	json_array_foreach(d->stories, i, st) {
		if (i == d->shown)
			break;
		long long id = (long long)num(st, "id");
		report_putf(o, " <a href=\"#story-%lld\">#%lld</a>", id, id);
	}
	const json_t *wb = d->workbench;
	if (json_array_size(json_object_get(wb, "ach")) ||
	    json_array_size(json_object_get(wb, "assumptions")) ||
	    json_array_size(json_object_get(wb, "actors")))
		report_put(o, " <a href=\"#workbench\">workbench</a>");
	report_put(o, "</nav>\n</header>\n<main>\n");
	overview(o, d, specs);
	story_index(o, d, specs);
	json_array_foreach(d->stories, i, st) {
		if (i == d->shown)
			break;
		story(o, st, specs);
	}
	report_html_workbench(o, d->workbench, specs);
	report_put(o, "</main>\n<footer><p>Made by unecho. Charts are drawn "
	           "with Vega-Lite, embedded; this file needs no network."
	           "</p></footer>\n<script type=\"application/json\" "
	           "id=\"ue-charts\">");
	html_json_block(o, specs);
	report_put(o, "</script>\n");
	scripts_tail(o);
	report_put(o, "</body>\n</html>\n");
	json_decref(specs);
	return o->error;
}
