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
#include "report/report_int.h"
#include "report/script_hashes.h"

#define num report_num
#define str report_str

/* The scripts, in load order; each must have a hash in ue_script_hashes. */
static const char *const scripts[] = {
	"vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "report.js",
};

/* Nodes drawn per column of a provenance graph; the rest are summed. */
#define GRAPH_NODES 12
/* Characters of a name shown in a graph node. */
#define GRAPH_LABEL 26

/* ---- escaping ---- */

/* Text as HTML text or attribute value. */
static void text(struct report_out *o, const char *s)
{
	const char *run = s;
	for (; *s; s++) {
		const char *rep = NULL;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		}
		if (rep) {
			report_putn(o, run, (size_t)(s - run));
			report_put(o, rep);
			run = s + 1;
		}
	}
	report_putn(o, run, (size_t)(s - run));
}

/* At most max characters of s as text, with an ellipsis when cut. */
static void short_text(struct report_out *o, const char *s, size_t max)
{
	size_t chars = 0, i = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == max)
			break;
	}
	if (!s[i]) {
		text(o, s);
		return;
	}
	char *cut = strndup(s, i);
	if (!cut) {
		o->error = o->error ? o->error : UE_ENOMEM;
		return;
	}
	text(o, cut);
	report_put(o, "\xE2\x80\xA6");
	free(cut);
}

/* A time as stored ("2024-10-18T01:31:00Z") as "2024-10-18 01:31 UTC";
 * anything else as it is. */
static void when(struct report_out *o, const char *iso)
{
	size_t n = strlen(iso);
	if (n == 20 && iso[10] == 'T' && iso[19] == 'Z') {
		report_putn(o, iso, 10);
		report_put(o, " ");
		report_putn(o, iso + 11, 5);
		report_put(o, " UTC");
	} else {
		text(o, *iso ? iso : "undated");
	}
}

/* Whether an address from the corpus may be a link: http or https. */
static int safe_link(const char *url)
{
	return !strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8);
}

/* A JSON value for a <script type="application/json"> block: nothing in
 * it can close the element or open a comment. */
static void json_block(struct report_out *o, const json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(6));
	if (!s) {
		o->error = o->error ? o->error : UE_ENOMEM;
		return;
	}
	const char *run = s, *p = s;
	for (; *p; p++) {
		const char *rep = *p == '<' ? "\\u003c" : *p == '>' ? "\\u003e" :
		                  *p == '&' ? "\\u0026" : NULL;
		if (rep) {
			report_putn(o, run, (size_t)(p - run));
			report_put(o, rep);
			run = p + 1;
		}
	}
	report_putn(o, run, (size_t)(p - run));
	free(s);
}

/* ---- the chart specifications (Vega-Lite) ---- */

/* Adds spec under the element id to specs (taking it). */
static void add_chart(json_t *specs, const char *id, json_t *spec)
{
	json_object_set_new(specs, id, spec ? spec : json_null());
}

/* Bars of two measures per category, side by side: values are
 * {category, measure, value}. */
static json_t *paired_bars(json_t *values, const char *category,
                           const char *value_title)
{
	return json_pack(
		"{s:i,s:{s:o},s:s,s:{s:{s:s,s:s,s:s,s:n,s:{s:i}},"
		"s:{s:s,s:s,s:s},s:{s:s,s:n},"
		"s:{s:s,s:s,s:{s:s},s:s},s:[{s:s,s:s},{s:s,s:s},{s:s,s:s}]}}",
		"width", 360, "data", "values", values, "mark", "bar",
		"encoding",
		"y", "field", "category", "type", "nominal", "title", category,
		"sort", "axis", "labelLimit", 220,
		"x", "field", "value", "type", "quantitative", "title",
		value_title,
		"yOffset", "field", "measure", "sort",
		"color", "field", "measure", "type", "nominal", "legend",
		"orient", "bottom", "title", "",
		"tooltip", "field", "category", "type", "nominal", "field",
		"measure", "type", "nominal", "field", "value", "type",
		"quantitative");
}

static void add_pair(json_t *values, const char *category,
                     const char *measure, double value)
{
	json_array_append_new(values, json_pack("{s:s,s:s,s:f}", "category",
	                                        category, "measure", measure,
	                                        "value", value));
}

/* "#ID label" for a chart's category. */
static void label_of(char *buf, size_t size, const json_t *row,
                     const char *key)
{
	snprintf(buf, size, "#%lld %.60s", (long long)num(row, "id"),
	         str(row, key));
	/* Never end inside a UTF-8 sequence. */
	size_t n = strlen(buf);
	while (n && ((unsigned char)buf[n - 1] & 0x80)) {
		size_t start = n - 1;
		while (start && ((unsigned char)buf[start] & 0xC0) == 0x80)
			start--;
		unsigned char lead = (unsigned char)buf[start];
		size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
		if (n - start == need)
			break;
		buf[n = start] = '\0';
	}
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
		add_pair(values, label, "documents", num(st, "docs"));
		add_pair(values, label, "effective origins",
		         num(st, "effective_origins"));
	}
	return paired_bars(values, "story", "documents");
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
		add_pair(values, str(row, "bloc"), "share of the story",
		         num(row, "share"));
		add_pair(values, str(row, "bloc"), "share of the corpus",
		         num(row, "corpus_share"));
	}
	json_t *spec = paired_bars(values, "bloc", "share");
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
		add_pair(values, label, "reports", num(c, "reports"));
		add_pair(values, label, "effective origins",
		         num(c, "effective_origins"));
	}
	return paired_bars(values, "claim", "reports");
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

static void chart_box(struct report_out *o, const char *id, const char *what)
{
	report_putf(o, "<figure class=\"chart\" id=\"%s\" aria-label=\"", id);
	text(o, what);
	report_put(o, "\"></figure>\n");
}

static void pct(struct report_out *o, double share)
{
	report_putf(o, "%.1f%%", 100 * share);
}

static void overview(struct report_out *o, const struct report_data *d,
                     json_t *specs)
{
	const json_t *st = json_array_get(d->overview, 0);
	report_put(o, "<section id=\"overview\">\n<h2>The corpus</h2>\n<p>");
	report_putf(o, "%lld documents (%lld distinct texts) from %lld "
	            "outlets, ", (long long)num(st, "documents"),
	            (long long)num(st, "distinct_texts"),
	            (long long)num(st, "outlets"));
	when(o, str(st, "first"));
	report_put(o, " to ");
	when(o, str(st, "last"));
	report_putf(o, "; %zu stories.</p>\n<div class=\"pair\">\n",
	            json_array_size(d->stories));
	chart_box(o, "chart-corpus", "documents by bloc");
	add_chart(specs, "chart-corpus", corpus_chart(st));
	report_put(o, "<table><caption>Documents by bloc</caption>\n"
	           "<tr><th>bloc</th><th class=\"n\">documents</th></tr>\n");
	const char *key;
	json_t *n;
	json_object_foreach(json_object_get(st, "blocs"), key, n) {
		report_put(o, "<tr><td>");
		text(o, key);
		report_putf(o, "</td><td class=\"n\">%lld</td></tr>\n",
		            (long long)json_integer_value(n));
	}
	report_put(o, "</table>\n</div>\n<p>Languages: ");
	size_t i = 0;
	json_object_foreach(json_object_get(st, "languages"), key, n) {
		report_put(o, i++ ? ", " : "");
		text(o, key);
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
	chart_box(o, "chart-stories", "documents against effective origins");
	add_chart(specs, "chart-stories", stories_chart(d));
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
		text(o, str(st, "label"));
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
			text(o, str(row, "bloc"));
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
	chart_box(o, chart, "share of the story against share of the corpus");
	add_chart(specs, chart, coverage_chart(st));
	report_put(o, "<table><caption>Coverage</caption>\n<tr><th>bloc</th>"
	           "<th class=\"n\">documents</th><th class=\"n\">share</th>"
	           "<th class=\"n\">corpus share</th><th>blindspot</th></tr>\n");
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(st, "coverage"), i, row) {
		int blind = json_is_true(json_object_get(row, "blindspot"));
		report_put(o, blind ? "<tr class=\"blind\"><td>" : "<tr><td>");
		text(o, str(row, "bloc"));
		report_putf(o, "</td><td class=\"n\">%lld</td><td class=\"n\">",
		            (long long)num(row, "docs"));
		pct(o, num(row, "share"));
		report_put(o, "</td><td class=\"n\">");
		pct(o, num(row, "corpus_share"));
		report_put(o, blind ? "</td><td>blindspot</td></tr>\n"
		                    : "</td><td></td></tr>\n");
	}
	report_put(o, "</table>\n</div>\n");
	/* Blindspots and absent claims, said in words. */
	report_put(o, "<ul class=\"notes\">\n");
	json_array_foreach(json_object_get(st, "coverage"), i, row) {
		if (json_is_true(json_object_get(row, "blindspot"))) {
			report_put(o, "<li><strong>Blindspot:</strong> ");
			text(o, str(row, "bloc"));
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
	chart_box(o, chart, "reports against effective origins per claim");
	add_chart(specs, chart, claims_chart(st, max));
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
		short_text(o, str(c, "text"), 240);
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
			text(o, str(org, "name"));
			report_putf(o, " (%lld)", (long long)num(org, "reports"));
		}
		report_put(o, "</td></tr>\n");
	}
	report_put(o, "</table>\n</div>\n");
}

/* ---- the provenance graph ---- */

static const char *const kinds[] = {
	"intelligence", "government", "military", "wire", "outlet",
	"organisation", "person", "anonymous",
};

static const char *kind_class(const char *kind)
{
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (!strcmp(kind, kinds[i]))
			return kinds[i];
	return "other";
}

/* One column of the graph: node names by total reports, the first
 * GRAPH_NODES drawn and the rest summed into one. */
struct column {
	json_t *total;    /* name -> reports */
	json_t *row;      /* name -> row drawn (0-based) */
	size_t rows;
};

static void column_add(struct column *c, const char *name, json_int_t n)
{
	json_t *have = json_object_get(c->total, name);
	json_object_set_new(c->total, name, json_integer(
	                    n + (have ? json_integer_value(have) : 0)));
}

static int by_total(const void *a, const void *b)
{
	const json_t *x = *(const json_t *const *)a, *y = *(const json_t *const *)b;
	json_int_t nx = json_integer_value(json_array_get(x, 1));
	json_int_t ny = json_integer_value(json_array_get(y, 1));
	if (nx != ny)
		return nx > ny ? -1 : 1;
	return strcmp(json_string_value(json_array_get(x, 0)),
	              json_string_value(json_array_get(y, 0)));
}

/* Orders the column's nodes; returns them as [name, reports] pairs. */
static json_t *column_order(struct column *c)
{
	size_t n = json_object_size(c->total), i = 0;
	json_t **v = malloc((n + 1) * sizeof *v), *out = json_array(), *count;
	const char *name;
	if (!v || !out) {
		free(v);
		return out;
	}
	json_object_foreach(c->total, name, count)
		v[i++] = json_pack("[s,O]", name, count);
	qsort(v, n, sizeof *v, by_total);
	for (i = 0; i < n; i++) {
		const char *key = json_string_value(json_array_get(v[i], 0));
		size_t row = i < GRAPH_NODES ? i : GRAPH_NODES;
		json_object_set_new(c->row, key, json_integer((json_int_t)row));
		json_array_append_new(out, v[i]);
	}
	c->rows = n < GRAPH_NODES ? n : GRAPH_NODES + 1;
	free(v);
	return out;
}

static size_t column_row(const struct column *c, const char *name)
{
	return (size_t)json_integer_value(json_object_get(c->row, name));
}

#define ROW_H 22
#define TOP 28
static const int col_x[3] = {8, 300, 592};
#define COL_W 200

static double row_y(size_t row)
{
	return TOP + ROW_H * (double)row + ROW_H / 2.0;
}

static void graph_nodes(struct report_out *o, int col, const json_t *order,
                        const char *heading)
{
	report_putf(o, "<text class=\"head\" x=\"%d\" y=\"16\">%s</text>\n",
	            col_x[col], heading);
	size_t i, more = 0;
	json_int_t more_reports = 0;
	json_t *pair;
	json_array_foreach(order, i, pair) {
		const char *name = json_string_value(json_array_get(pair, 0));
		json_int_t n = json_integer_value(json_array_get(pair, 1));
		if (i >= GRAPH_NODES) {
			more++;
			more_reports += n;
			continue;
		}
		report_put(o, "<g><title>");
		text(o, name);
		report_putf(o, " (%lld)</title><rect x=\"%d\" y=\"%.1f\" "
		            "width=\"%d\" height=\"%d\" rx=\"3\"/><text x=\"%d\" "
		            "y=\"%.1f\">", (long long)n, col_x[col],
		            row_y(i) - ROW_H / 2.0 + 2, COL_W, ROW_H - 4,
		            col_x[col] + 5, row_y(i) + 4);
		short_text(o, name, GRAPH_LABEL);
		report_putf(o, " (%lld)</text></g>\n", (long long)n);
	}
	if (more)
		report_putf(o, "<text class=\"more\" x=\"%d\" y=\"%.1f\">+ %zu "
		            "more (%lld)</text>\n", col_x[col] + 5,
		            row_y(GRAPH_NODES) + 4, more, (long long)more_reports);
}

static void graph_edge(struct report_out *o, int from_col, size_t from,
                       int to_col, size_t to, json_int_t n, const char *kind)
{
	double x1 = col_x[from_col] + COL_W, x2 = col_x[to_col];
	double y1 = row_y(from), y2 = row_y(to), mid = (x1 + x2) / 2;
	double w = 1.5 + 1.5 * sqrt((double)n);
	report_putf(o, "<path class=\"k-%s\" d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f "
	            "%.1f %.1f\" stroke-width=\"%.1f\"/>\n", kind_class(kind),
	            x1, y1, mid, y1, mid, y2, x2, y2, w > 14 ? 14 : w);
}

/* The graph of the story's provenance edges, as inline SVG. */
static void graph_svg(struct report_out *o, const json_t *edges)
{
	struct column col[3];
	for (int c = 0; c < 3; c++)
		col[c] = (struct column){json_object(), json_object(), 0};
	size_t i;
	json_t *e;
	json_array_foreach(edges, i, e) {
		json_int_t n = json_integer_value(json_object_get(e, "reports"));
		column_add(&col[0], str(e, "origin_name"), n);
		if (*str(e, "via_outlet"))
			column_add(&col[1], str(e, "via_outlet"), n);
		column_add(&col[2], str(e, "outlet"), n);
	}
	json_t *order[3];
	size_t rows = 1;
	for (int c = 0; c < 3; c++) {
		order[c] = column_order(&col[c]);
		rows = col[c].rows > rows ? col[c].rows : rows;
	}
	report_putf(o, "<svg class=\"graph\" viewBox=\"0 0 800 %zu\" "
	            "role=\"img\" aria-label=\"provenance graph\">\n",
	            (size_t)TOP + ROW_H * rows + 8);
	report_put(o, "<g class=\"edges\">\n");
	json_array_foreach(edges, i, e) {
		json_int_t n = json_integer_value(json_object_get(e, "reports"));
		size_t from = column_row(&col[0], str(e, "origin_name"));
		size_t to = column_row(&col[2], str(e, "outlet"));
		const char *kind = str(e, "origin_kind");
		if (*str(e, "via_outlet")) {
			size_t via = column_row(&col[1], str(e, "via_outlet"));
			graph_edge(o, 0, from, 1, via, n, kind);
			graph_edge(o, 1, via, 2, to, n, kind);
		} else {
			graph_edge(o, 0, from, 2, to, n, kind);
		}
	}
	report_put(o, "</g>\n");
	graph_nodes(o, 0, order[0], "origin");
	graph_nodes(o, 1, order[1], "copied through");
	graph_nodes(o, 2, order[2], "reporting outlet");
	report_put(o, "</svg>\n");
	for (int c = 0; c < 3; c++) {
		json_decref(order[c]);
		json_decref(col[c].total);
		json_decref(col[c].row);
	}
}

/* The edges as a table, one row per claim, origin and intermediary with
 * the outlets it reached. */
static void provenance_table(struct report_out *o, const json_t *edges)
{
	json_t *rows = json_object();   /* key -> [edge, ...], first seen first */
	struct ue_buf key = UE_BUF_INIT;
	size_t i;
	json_t *e;
	json_array_foreach(edges, i, e) {
		ue_buf_reset(&key);
		if (ue_buf_printf(&key, "%lld\x1f%s\x1f%s", (long long)num(e, "claim"),
		                  str(e, "origin_name"), str(e, "via_outlet")))
			break;
		json_t *row = json_object_get(rows, key.data);
		if (!row)
			json_object_set_new(rows, key.data, row = json_array());
		json_array_append(row, e);
	}
	ue_buf_release(&key);
	report_put(o, "<table><caption>Provenance</caption>\n<tr>"
	           "<th>claim</th><th>origin</th><th>copied through</th>"
	           "<th>outlets reached (reports)</th></tr>\n");
	const char *k;
	json_t *row;
	json_object_foreach(rows, k, row) {
		const json_t *first = json_array_get(row, 0);
		report_putf(o, "<tr><td>#%lld</td><td>", (long long)num(first, "claim"));
		text(o, str(first, "origin_name"));
		report_put(o, "</td><td>");
		text(o, str(first, "via_outlet"));
		if (*str(first, "via_type")) {
			report_put(o, " <small>(");
			text(o, str(first, "via_type"));
			report_put(o, ")</small>");
		}
		report_put(o, "</td><td>");
		json_array_foreach(row, i, e) {
			report_put(o, i ? ", " : "");
			text(o, str(e, "outlet"));
			if (num(e, "reports") > 1)
				report_putf(o, " (%lld)", (long long)num(e, "reports"));
		}
		report_put(o, "</td></tr>\n");
	}
	report_put(o, "</table>\n");
	json_decref(rows);
}

static void provenance(struct report_out *o, const json_t *st)
{
	const json_t *edges = json_object_get(st, "provenance");
	if (!json_array_size(edges))
		return;
	report_put(o, "<h3>Provenance of the main claims</h3>\n<p>How the "
	           "reports of claims ");
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(st, "claims"), i, c) {
		if (i == 3)
			break;
		long long id = (long long)num(c, "id");
		report_putf(o, "%s<a href=\"#claim-%lld\">#%lld</a>", i ? ", " : "",
		            id, id);
	}
	report_put(o, " reached each outlet: from their origin, directly or "
	           "through the outlet whose text they copied.</p>\n"
	           "<div class=\"pair wide\">\n");
	graph_svg(o, edges);
	provenance_table(o, edges);
	report_put(o, "</div>\n");
}

/* Why a document dissents, in words: its stance, then the reasons. */
static void reasons(struct report_out *o, const json_t *row)
{
	report_put(o, "stance: ");
	text(o, str(row, "stance"));
	size_t i;
	json_t *why;
	json_array_foreach(json_object_get(row, "reasons"), i, why) {
		const char *w = json_string_value(why);
		if (w && strcmp(w, "disagrees")) {
			report_put(o, "; ");
			text(o, w);
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
		text(o, str(r, "outlet"));
		report_put(o, "</b> (");
		text(o, str(r, "bloc"));
		report_put(o, "), ");
		const char *url = str(r, "url"), *title = str(r, "title");
		if (safe_link(url)) {
			report_put(o, "<a rel=\"noopener noreferrer\" href=\"");
			text(o, url);
			report_put(o, "\">");
			text(o, *title ? title : str(r, "doc"));
			report_put(o, "</a>");
		} else {
			text(o, *title ? title : str(r, "doc"));
		}
		report_putf(o, ": dissent %.2f (", num(r, "score"));
		reasons(o, r);
		report_put(o, ")</p>\n<blockquote>");
		text(o, str(r, "passage"));
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
			text(o, str(r, "group"));
			report_put(o, "</th><td>");
			group = str(r, "group");
		} else {
			report_put(o, ", ");
		}
		report_put(o, "<span title=\"z ");
		report_putf(o, "%.2f\">", num(r, "z"));
		text(o, str(r, "term"));
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
	chart_box(o, chart, "first appearance of each claim in each bloc");
	add_chart(specs, chart, timeline_chart(st, max));
	report_put(o, "<table><caption>First appearance, and each bloc's lag"
	           "</caption>\n<tr><th>claim</th><th>first seen</th>"
	           "<th>lag by bloc (hours)</th></tr>\n");
	size_t i;
	json_t *c;
	json_array_foreach(all, i, c) {
		if (i == max)
			break;
		report_putf(o, "<tr><td>#%lld</td><td>", (long long)num(c, "id"));
		when(o, str(c, "first_seen"));
		report_put(o, "</td><td>");
		const char *bloc;
		json_t *lag;
		size_t k = 0;
		json_object_foreach(json_object_get(c, "bloc_lag_hours"), bloc, lag) {
			report_put(o, k++ ? ", " : "");
			text(o, bloc);
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
	text(o, str(st, "label"));
	report_put(o, "</h2>\n");
	if (*str(st, "headline")) {
		report_put(o, "<p class=\"headline\">");
		text(o, str(st, "headline"));
		report_put(o, "</p>\n");
	}
	report_putf(o, "<p>%lld documents from %lld outlets, ",
	            (long long)num(st, "docs"), (long long)num(st, "outlets"));
	when(o, str(st, "first"));
	report_put(o, " to ");
	when(o, str(st, "last"));
	report_putf(o, ". They rest on <b>%.2f</b> effective origins: echo "
	            "ratio <b>%.2f</b>.</p>\n", num(st, "effective_origins"),
	            num(st, "echo_ratio"));
	coverage(o, st, specs);
	claims(o, st, specs);
	provenance(o, st);
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
	report_put(o, "</nav>\n</header>\n<main>\n");
	overview(o, d, specs);
	story_index(o, d, specs);
	json_array_foreach(d->stories, i, st) {
		if (i == d->shown)
			break;
		story(o, st, specs);
	}
	report_put(o, "</main>\n<footer><p>Made by unecho. Charts are drawn "
	           "with Vega-Lite, embedded; this file needs no network."
	           "</p></footer>\n<script type=\"application/json\" "
	           "id=\"ue-charts\">");
	json_block(o, specs);
	report_put(o, "</script>\n");
	scripts_tail(o);
	report_put(o, "</body>\n</html>\n");
	json_decref(specs);
	return o->error;
}
