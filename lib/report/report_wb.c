/* report_wb.c - the analyst's workbench in the HTML report: each ACH
 * matrix with its scores collapsed by origin beside the inflated ones,
 * the key assumptions with their flags, and each actor model's rankings,
 * mirror-image gap and what flips its choice; see report_int.h.  The
 * fields are those of ue_workbench_json (docs/schema.md). */
#include <stdio.h>
#include <string.h>

#include "report/html.h"
#include "report/report_int.h"

#define num report_num
#define str report_str

/* Labels of a JSON array of strings, comma-separated. */
static void labels(struct report_out *o, const json_t *array)
{
	size_t i;
	json_t *v;
	json_array_foreach(array, i, v) {
		report_put(o, i ? ", " : "");
		html_text(o, json_string_value(v) ? json_string_value(v) : "");
	}
}

static json_t *scores_chart(const json_t *matrix)
{
	json_t *values = json_array();
	size_t i;
	json_t *h;
	json_array_foreach(json_object_get(matrix, "hypotheses"), i, h) {
		html_add_pair(values, str(h, "label"), "collapsed by origin",
		              num(h, "score"));
		html_add_pair(values, str(h, "label"), "every report counted",
		              num(h, "inflated_score"));
	}
	return html_paired_bars(values, "hypothesis",
	                        "inconsistency score (0 is best)");
}

static void hypotheses(struct report_out *o, const json_t *m, json_t *specs)
{
	char chart[48];
	snprintf(chart, sizeof chart, "chart-ach-%lld", (long long)num(m, "id"));
	report_put(o, "<div class=\"pair\">\n");
	html_chart_box(o, chart, "inconsistency scores, collapsed and inflated");
	html_add_chart(specs, chart, scores_chart(m));
	report_put(o, "<table><caption>Hypotheses, least inconsistent first"
	           "</caption>\n<tr><th class=\"n\">rank</th><th>hypothesis</th>"
	           "<th class=\"n\">score</th><th class=\"n\">every report "
	           "counted</th></tr>\n");
	size_t i;
	json_t *h;
	json_array_foreach(json_object_get(m, "hypotheses"), i, h) {
		report_putf(o, "<tr><td class=\"n\">%lld</td><td><b>",
		            (long long)num(h, "rank"));
		html_text(o, str(h, "label"));
		report_put(o, "</b> ");
		html_text(o, str(h, "text"));
		report_putf(o, "</td><td class=\"n\">%.2f</td><td class=\"n\">%.2f "
		            "(rank %lld)</td></tr>\n", num(h, "score"),
		            num(h, "inflated_score"),
		            (long long)num(h, "inflated_rank"));
	}
	report_put(o, "</table>\n</div>\n");
}

static void evidence(struct report_out *o, const json_t *m)
{
	const json_t *hyps = json_object_get(m, "hypotheses");
	report_put(o, "<table class=\"ach\"><caption>Evidence and ratings "
	           "(diagnosticity: how far an item's ratings differ across "
	           "hypotheses, 0 to 4)</caption>\n<tr><th>evidence</th>");
	size_t i, k;
	json_t *h, *e;
	json_array_foreach(hyps, k, h) {
		report_put(o, "<th>");
		html_text(o, str(h, "label"));
		report_put(o, "</th>");
	}
	report_put(o, "<th>relevance</th><th class=\"n\">diagnosticity</th>"
	           "</tr>\n");
	json_array_foreach(json_object_get(m, "evidence"), i, e) {
		report_put(o, "<tr><td><b>");
		html_text(o, str(e, "label"));
		report_put(o, "</b> ");
		html_short(o, str(e, "text"), 160);
		if (num(e, "claim") > 0)
			report_putf(o, " <small>(claim #%lld)</small>",
			            (long long)num(e, "claim"));
		report_put(o, "</td>");
		const json_t *ratings = json_object_get(e, "ratings");
		json_array_foreach(hyps, k, h) {
			const char *r = str(ratings, str(h, "label"));
			report_put(o, "<td class=\"rating r-");
			/* The class from a fixed set; the rating as text. */
			report_put(o, !strcmp(r, "CC") ? "cc" : !strcmp(r, "C") ? "c" :
			              !strcmp(r, "I") ? "i" : !strcmp(r, "II") ? "ii" :
			              "n");
			report_put(o, "\">");
			html_text(o, r);
			report_put(o, "</td>");
		}
		report_put(o, "<td>");
		html_text(o, str(e, "relevance"));
		report_putf(o, "</td><td class=\"n\">%.1f</td></tr>\n",
		            num(e, "diagnosticity"));
	}
	report_put(o, "</table>\n");
}

static void origin_rows(struct report_out *o, const json_t *m)
{
	const json_t *inf = json_object_get(m, "inflation");
	report_putf(o, "<p><b>Echo inflation:</b> %lld reports rest on %lld "
	            "origins, %.2f reports per origin. Each origin's evidence "
	            "weighs as one row below; counting every report instead ",
	            (long long)num(inf, "reports"), (long long)num(inf, "rows"),
	            num(inf, "ratio"));
	report_put(o, json_is_true(json_object_get(inf, "top_changes")) ?
	           "changes which hypothesis ranks first.</p>\n" :
	           "leaves the same hypothesis first, with inflated margins."
	           "</p>\n");
	report_put(o, "<table><caption>Evidence collapsed by origin</caption>\n"
	           "<tr><th>origin</th><th>evidence</th>"
	           "<th class=\"n\">reports</th></tr>\n");
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(m, "rows"), i, r) {
		report_put(o, "<tr><td>");
		html_text(o, *str(r, "origin_name") ? str(r, "origin_name")
		                                    : str(r, "origin"));
		report_put(o, "</td><td>");
		labels(o, json_object_get(r, "evidence"));
		report_putf(o, "</td><td class=\"n\">%lld</td></tr>\n",
		            (long long)num(r, "reports"));
	}
	report_put(o, "</table>\n");
}

static void sensitivity(struct report_out *o, const json_t *m)
{
	const json_t *changes = json_object_get(m, "sensitivity");
	if (!json_array_size(changes)) {
		report_put(o, "<p><b>Sensitivity:</b> no single removal or "
		           "one-step rating change alters which hypothesis ranks "
		           "first.</p>\n");
		return;
	}
	report_put(o, "<p><b>Sensitivity:</b> these changes would alter which "
	           "hypothesis ranks first:</p>\n<ul class=\"notes\">\n");
	size_t i;
	json_t *c;
	json_array_foreach(changes, i, c) {
		report_put(o, "<li>");
		html_text(o, str(c, "evidence"));
		if (!strcmp(str(c, "change"), "removed")) {
			report_put(o, " removed");
		} else {
			report_put(o, " on ");
			html_text(o, str(c, "hypothesis"));
			report_put(o, " rated ");
			html_text(o, str(c, "to"));
			report_put(o, " instead of ");
			html_text(o, str(c, "from"));
		}
		report_put(o, ": first would be ");
		labels(o, json_object_get(c, "top"));
		report_put(o, "</li>\n");
	}
	report_put(o, "</ul>\n");
}

static void ach(struct report_out *o, const json_t *m, json_t *specs)
{
	report_putf(o, "<h3>ACH %lld: ", (long long)num(m, "id"));
	html_text(o, str(m, "name"));
	report_put(o, "</h3>\n");
	if (*str(m, "question")) {
		report_put(o, "<p class=\"headline\">");
		html_text(o, str(m, "question"));
		report_put(o, "</p>\n");
	}
	hypotheses(o, m, specs);
	evidence(o, m);
	origin_rows(o, m);
	sensitivity(o, m);
}

static void assumptions(struct report_out *o, const json_t *all)
{
	if (!json_array_size(all))
		return;
	report_put(o, "<h3>Key assumptions</h3>\n<table><caption>Flagged when "
	           "nothing supports them, or all their support rests on one "
	           "origin or one bloc</caption>\n<tr><th>assumption</th>"
	           "<th class=\"n\">reports</th><th class=\"n\">origins</th>"
	           "<th>blocs</th><th>flags</th></tr>\n");
	size_t i;
	json_t *a;
	json_array_foreach(all, i, a) {
		int flagged = json_is_true(json_object_get(a, "flagged"));
		report_put(o, flagged ? "<tr class=\"blind\"><td><b>" : "<tr><td><b>");
		html_text(o, str(a, "label"));
		report_put(o, "</b> ");
		html_text(o, str(a, "text"));
		report_putf(o, "</td><td class=\"n\">%lld</td><td class=\"n\">%zu"
		            "</td><td>", (long long)num(a, "reports"),
		            json_object_size(json_object_get(a, "origins")));
		const char *bloc;
		json_t *n;
		size_t k = 0;
		json_object_foreach(json_object_get(a, "blocs"), bloc, n) {
			report_put(o, k++ ? ", " : "");
			html_text(o, bloc);
			report_putf(o, " %lld", (long long)json_integer_value(n));
		}
		report_put(o, "</td><td>");
		labels(o, json_object_get(a, "flags"));
		report_put(o, "</td></tr>\n");
	}
	report_put(o, "</table>\n");
}

/* Utility and rank of option in a ranking array. */
static const json_t *ranked_as(const json_t *ranking, const char *option)
{
	size_t i;
	json_t *r;
	json_array_foreach(ranking, i, r)
		if (!strcmp(str(r, "option"), option))
			return r;
	return NULL;
}

static void actor_flips(struct report_out *o, const json_t *flip)
{
	report_put(o, "<p><b>What would flip its choice of ");
	html_text(o, str(flip, "top"));
	report_put(o, ":</b></p>\n<ul class=\"notes\">\n");
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(flip, "one_weight"), i, f) {
		report_put(o, "<li>");
		html_text(o, str(f, "criterion"));
		report_putf(o, " alone, its weight from %.3f to %.3f (%.3f of the "
		            "total once renormalised): ", num(f, "weight"),
		            num(f, "new_weight"), num(f, "share"));
		html_text(o, str(f, "becomes"));
		report_put(o, " draws level</li>\n");
	}
	const json_t *v = json_object_get(flip, "vector");
	if (json_is_object(v)) {
		report_putf(o, "<li>the whole weight vector: moving %.3f of the "
		            "weight (L1) lets ", num(v, "shift"));
		html_text(o, str(v, "becomes"));
		report_put(o, " draw level</li>\n");
	}
	report_put(o, "</ul>\n");
}

static void actor(struct report_out *o, const json_t *a)
{
	report_put(o, "<h3>Actor model: ");
	html_text(o, str(a, "name"));
	report_put(o, "</h3>\n");
	if (*str(a, "description")) {
		report_put(o, "<p class=\"headline\">");
		html_text(o, str(a, "description"));
		report_put(o, "</p>\n");
	}
	const json_t *mine = json_object_get(a, "ranking");
	const json_t *theirs = json_object_get(a, "analyst_ranking");
	report_put(o, "<table><caption>Options by the actor's own weights");
	if (json_array_size(theirs)) {
		report_put(o, " and by the ");
		html_text(o, *str(a, "analyst") ? str(a, "analyst") : "analyst");
		report_put(o, "'s");
	}
	report_put(o, "</caption>\n<tr><th>option</th><th class=\"n\">actor"
	           "</th>");
	if (json_array_size(theirs))
		report_put(o, "<th class=\"n\">analyst</th>");
	report_put(o, "</tr>\n");
	size_t i;
	json_t *r;
	json_array_foreach(mine, i, r) {
		report_put(o, "<tr><td>");
		html_text(o, str(r, "option"));
		report_putf(o, "</td><td class=\"n\">%.2f (%lld)</td>",
		            num(r, "utility"), (long long)num(r, "rank"));
		const json_t *t = ranked_as(theirs, str(r, "option"));
		if (t)
			report_putf(o, "<td class=\"n\">%.2f (%lld)</td>",
			            num(t, "utility"), (long long)num(t, "rank"));
		report_put(o, "</tr>\n");
	}
	report_put(o, "</table>\n");
	const json_t *gap = json_object_get(a, "gap");
	if (json_is_object(gap)) {
		report_put(o, "<p><b>Mirror-image gap:</b> ");
		if (json_is_true(json_object_get(gap, "top_differs"))) {
			report_put(o, "the actor would choose ");
			html_text(o, str(gap, "actor_top"));
			report_put(o, "; judged by the analyst's values, ");
			html_text(o, str(gap, "analyst_top"));
		} else {
			report_put(o, "both weight sets choose ");
			html_text(o, str(gap, "actor_top"));
		}
		report_putf(o, " (%lld pairs of options ranked the other way)."
		            "</p>\n", (long long)num(gap, "discordant_pairs"));
	}
	if (json_is_object(json_object_get(a, "flip")))
		actor_flips(o, json_object_get(a, "flip"));
}

void report_html_workbench(struct report_out *o, const json_t *wb,
                           json_t *specs)
{
	const json_t *matrices = json_object_get(wb, "ach");
	const json_t *assumed = json_object_get(wb, "assumptions");
	const json_t *actors = json_object_get(wb, "actors");
	if (!json_array_size(matrices) && !json_array_size(assumed) &&
	    !json_array_size(actors))
		return;
	report_put(o, "<section id=\"workbench\">\n<h2>The analyst's workbench"
	           "</h2>\n");
	size_t i;
	json_t *x;
	json_array_foreach(matrices, i, x)
		ach(o, x, specs);
	assumptions(o, assumed);
	json_array_foreach(actors, i, x)
		actor(o, x);
	report_put(o, "</section>\n");
}
