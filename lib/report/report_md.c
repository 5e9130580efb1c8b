/* report_md.c - the echo report as Markdown; see report_int.h. */
#include <string.h>

#include "report/report_int.h"

#define num report_num
#define str report_str

/* Corpus text as Markdown text: markup characters escaped, HTML's
 * special characters as entities, line breaks as spaces. */
static void put_text(struct report_out *o, const char *s)
{
	for (; s && *s && !o->error; s++) {
		char c = *s;
		if (c == '<')
			report_put(o, "&lt;");
		else if (c == '>')
			report_put(o, "&gt;");
		else if (c == '&')
			report_put(o, "&amp;");
		else if (c == '\n' || c == '\r' || c == '\t')
			report_put(o, " ");
		else {
			if (strchr("\\`*_{}[]()#+-.!|~", c))
				report_put(o, "\\");
			char one[2] = {c, 0};
			report_put(o, one);
		}
	}
}

static void md_story(struct report_out *o, const json_t *st)
{
	report_putf(o, "\n## Story %lld: ", (long long)num(st, "id"));
	put_text(o, str(st, "label"));
	report_put(o, "\n\n");
	if (*str(st, "headline")) {
		report_put(o, "*");
		put_text(o, str(st, "headline"));
		report_put(o, "*\n\n");
	}
	report_putf(o, "%lld documents from %lld outlets, %s to %s; %zu claims "
	            "reported more than once; the documents rest on %.2f effective "
	            "origins: echo ratio %.2f.\n",
	            (long long)num(st, "docs"), (long long)num(st, "outlets"),
	            str(st, "first"), str(st, "last"),
	            json_array_size(json_object_get(st, "claims")),
	            num(st, "effective_origins"), num(st, "echo_ratio"));
	report_put(o, "\n| bloc | documents | share | corpus share | blindspot |\n"
	           "|---|---:|---:|---:|---|\n");
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(st, "coverage"), i, row) {
		report_put(o, "| ");
		put_text(o, str(row, "bloc"));
		report_putf(o, " | %lld | %.1f%% | %.1f%% | %s |\n",
		            (long long)num(row, "docs"), 100 * num(row, "share"),
		            100 * num(row, "corpus_share"),
		            json_is_true(json_object_get(row, "blindspot")) ?
		            "**yes**" : "");
	}
	report_put(o, "\n| claim | reports | effective origins | echo | origins |\n"
	           "|---|---:|---:|---:|---|\n");
	unsigned shown = 0, max = o->p->claims ? o->p->claims : 10;
	json_array_foreach(json_object_get(st, "claims"), i, row) {
		if (shown++ == max)
			break;
		report_put(o, "| ");
		if (report_denies(row))
			report_put(o, "(denial) ");
		put_text(o, str(row, "text"));
		report_putf(o, " | %lld | %.2f | %.2f | ", (long long)num(row, "reports"),
		            num(row, "effective_origins"), num(row, "echo_ratio"));
		size_t k;
		json_t *org;
		json_array_foreach(json_object_get(row, "origins"), k, org) {
			if (k == 3)
				break;
			if (k)
				report_put(o, "; ");
			put_text(o, str(org, "name"));
			report_putf(o, " (%lld)", (long long)num(org, "reports"));
		}
		report_put(o, " |\n");
	}
	json_t *dissent = json_object_get(st, "dissent");
	if (json_array_size(dissent)) {
		report_put(o, "\nDissent from the most reported claim:\n\n");
		json_array_foreach(dissent, i, row) {
			report_put(o, "- ");
			put_text(o, str(row, "outlet"));
			report_put(o, " (");
			put_text(o, str(row, "bloc"));
			report_put(o, "; stance: ");
			put_text(o, str(row, "stance"));
			size_t k;
			json_t *why;
			json_array_foreach(json_object_get(row, "reasons"), k, why) {
				if (strcmp(json_string_value(why), "disagrees")) {
					report_put(o, "; ");
					put_text(o, json_string_value(why));
				}
			}
			report_put(o, "): ");
			put_text(o, str(row, "passage"));
			report_put(o, "\n");
		}
	}
	report_put(o, "\nDistinctive words by bloc:\n\n");
	const char *group = NULL;
	json_array_foreach(json_object_get(st, "framing"), i, row) {
		if (!group || strcmp(group, str(row, "group"))) {
			report_put(o, group ? "\n- " : "- ");
			put_text(o, str(row, "group"));
			report_put(o, ": ");
			group = str(row, "group");
		} else {
			report_put(o, ", ");
		}
		put_text(o, str(row, "term"));
	}
	report_put(o, group ? "\n" : "(none)\n");
}

static void md_ach(struct report_out *o, const json_t *m)
{
	report_putf(o, "\n### ACH %lld: ", (long long)num(m, "id"));
	put_text(o, str(m, "name"));
	report_put(o, "\n\n| rank | hypothesis | score | every report counted |\n"
	           "|---:|---|---:|---:|\n");
	size_t i;
	json_t *h;
	json_array_foreach(json_object_get(m, "hypotheses"), i, h) {
		report_putf(o, "| %lld | ", (long long)num(h, "rank"));
		put_text(o, str(h, "label"));
		report_put(o, " ");
		put_text(o, str(h, "text"));
		report_putf(o, " | %.2f | %.2f |\n", num(h, "score"),
		            num(h, "inflated_score"));
	}
	const json_t *inf = json_object_get(m, "inflation");
	report_putf(o, "\nEcho inflation: %lld reports rest on %lld origins "
	            "(%.2f per origin); counting every report %s.\n",
	            (long long)num(inf, "reports"), (long long)num(inf, "rows"),
	            num(inf, "ratio"),
	            json_is_true(json_object_get(inf, "top_changes")) ?
	            "changes which hypothesis ranks first" :
	            "leaves the same hypothesis first");
	report_putf(o, "%zu changes of one evidence item would alter which "
	            "hypothesis ranks first.\n",
	            json_array_size(json_object_get(m, "sensitivity")));
}

static void md_workbench(struct report_out *o, const json_t *wb)
{
	const json_t *matrices = json_object_get(wb, "ach");
	const json_t *assumed = json_object_get(wb, "assumptions");
	const json_t *actors = json_object_get(wb, "actors");
	if (!json_array_size(matrices) && !json_array_size(assumed) &&
	    !json_array_size(actors))
		return;
	report_put(o, "\n## The analyst's workbench\n");
	size_t i, k;
	json_t *x, *v;
	json_array_foreach(matrices, i, x)
		md_ach(o, x);
	if (json_array_size(assumed))
		report_put(o, "\n### Key assumptions\n\n");
	json_array_foreach(assumed, i, x) {
		report_put(o, "- ");
		put_text(o, str(x, "label"));
		report_put(o, " ");
		put_text(o, str(x, "text"));
		report_putf(o, ": %lld reports", (long long)num(x, "reports"));
		json_array_foreach(json_object_get(x, "flags"), k, v) {
			report_put(o, k ? ", " : "; **flagged: ");
			put_text(o, json_string_value(v));
		}
		report_put(o, json_array_size(json_object_get(x, "flags")) ?
		           "**\n" : "\n");
	}
	json_array_foreach(actors, i, x) {
		report_put(o, "\n### Actor model: ");
		put_text(o, str(x, "name"));
		report_put(o, "\n\nBy its own weights: ");
		json_array_foreach(json_object_get(x, "ranking"), k, v) {
			report_put(o, k ? ", " : "");
			put_text(o, str(v, "option"));
			report_putf(o, " %.2f", num(v, "utility"));
		}
		report_put(o, ".\n");
		if (json_array_size(json_object_get(x, "analyst_ranking"))) {
			report_put(o, "By the analyst's: ");
			json_array_foreach(json_object_get(x, "analyst_ranking"), k, v) {
				report_put(o, k ? ", " : "");
				put_text(o, str(v, "option"));
				report_putf(o, " %.2f", num(v, "utility"));
			}
			report_put(o, ".\n");
		}
		const json_t *vec = json_object_get(json_object_get(x, "flip"),
		                                    "vector");
		if (json_is_object(vec)) {
			report_putf(o, "Moving %.3f of its weight (L1) would let ",
			            num(vec, "shift"));
			put_text(o, str(vec, "becomes"));
			report_put(o, " draw level.\n");
		}
	}
}

ue_status report_write_md(struct report_out *o, const struct report_data *d)
{
	const json_t *st = json_array_get(d->overview, 0);
	report_put(o, "# The echo report\n\n");
	report_putf(o, "%lld documents (%lld distinct texts) from %lld outlets, "
	            "%s to %s.\n", (long long)num(st, "documents"),
	            (long long)num(st, "distinct_texts"),
	            (long long)num(st, "outlets"), str(st, "first"),
	            str(st, "last"));
	report_put(o, "Stories are ranked by echo ratio: reports over the effective "
	           "number of independent origins they rest on.\n");
	size_t i;
	json_t *row;
	json_array_foreach(d->stories, i, row) {
		if (i == d->shown)
			break;
		md_story(o, row);
	}
	md_workbench(o, d->workbench);
	return o->error;
}

