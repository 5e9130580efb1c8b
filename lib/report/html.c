/* html.c - writing HTML and chart specifications for the report; see
 * html.h. */
#include "report/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- escaping ---- */

/* Text as HTML text or attribute value. */
void html_text(struct report_out *o, const char *s)
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
void html_short(struct report_out *o, const char *s, size_t max)
{
	size_t chars = 0, i = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == max)
			break;
	}
	if (!s[i]) {
		html_text(o, s);
		return;
	}
	char *cut = strndup(s, i);
	if (!cut) {
		o->error = o->error ? o->error : UE_ENOMEM;
		return;
	}
	html_text(o, cut);
	report_put(o, "\xE2\x80\xA6");
	free(cut);
}

/* A time as stored ("2024-10-18T01:31:00Z") as "2024-10-18 01:31 UTC";
 * anything else as it is. */
void html_when(struct report_out *o, const char *iso)
{
	size_t n = strlen(iso);
	if (n == 20 && iso[10] == 'T' && iso[19] == 'Z') {
		report_putn(o, iso, 10);
		report_put(o, " ");
		report_putn(o, iso + 11, 5);
		report_put(o, " UTC");
	} else {
		html_text(o, *iso ? iso : "undated");
	}
}

/* Whether an address from the corpus may be a link: http or https. */
int html_safe_link(const char *url)
{
	return !strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8);
}

/* A JSON value for a <script type="application/json"> block: nothing in
 * it can close the element or open a comment. */
void html_json_block(struct report_out *o, const json_t *v)
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
void html_add_chart(json_t *specs, const char *id, json_t *spec)
{
	json_object_set_new(specs, id, spec ? spec : json_null());
}

/* Bars of two measures per category, side by side: values are
 * {category, measure, value}. */
json_t *html_paired_bars(json_t *values, const char *category,
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

void html_add_pair(json_t *values, const char *category,
                   const char *measure, double value)
{
	json_array_append_new(values, json_pack("{s:s,s:s,s:f}", "category",
	                                        category, "measure", measure,
	                                        "value", value));
}

void html_chart_box(struct report_out *o, const char *id, const char *what)
{
	report_putf(o, "<figure class=\"chart\" id=\"%s\" aria-label=\"", id);
	html_text(o, what);
	report_put(o, "\"></figure>\n");
}

void html_pct(struct report_out *o, double share)
{
	report_putf(o, "%.1f%%", 100 * share);
}
