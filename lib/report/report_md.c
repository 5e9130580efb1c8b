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
	return o->error;
}

