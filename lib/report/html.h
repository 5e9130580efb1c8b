/*
 * html.h - writing the HTML report's pieces: corpus text made safe for
 * HTML, and the Vega-Lite specifications of its charts.  Everything from
 * the corpus goes through html_text (or html_short, html_when); a link
 * from the corpus only when html_safe_link allows it.
 */
#ifndef UE_HTML_H
#define UE_HTML_H

#include "report/report_int.h"

/* Text as HTML text or attribute value: & < > " ' escaped. */
void html_text(struct report_out *o, const char *s);
/* At most max characters of s, with an ellipsis when cut. */
void html_short(struct report_out *o, const char *s, size_t max);
/* A stored time ("2024-10-18T01:31:00Z") as "2024-10-18 01:31 UTC";
 * anything else as text ("undated" when empty). */
void html_when(struct report_out *o, const char *iso);
/* Whether an address may be a link: http or https only. */
int html_safe_link(const char *url);
/* v as the content of a <script type="application/json"> element:
 * '<', '>' and '&' \u-escaped, so nothing can end it. */
void html_json_block(struct report_out *o, const json_t *v);
/* A share as a percentage with one decimal. */
void html_pct(struct report_out *o, double share);

/* An empty figure for the chart of that id; what describes it. */
void html_chart_box(struct report_out *o, const char *id, const char *what);
/* Adds spec (taken) to specs under the figure's id. */
void html_add_chart(json_t *specs, const char *id, json_t *spec);
/* Bars of two measures per category, side by side, from values
 * {category, measure, value} (taken); categories in the order given. */
json_t *html_paired_bars(json_t *values, const char *category,
                         const char *value_title);
/* Appends {category, measure, value} to values. */
void html_add_pair(json_t *values, const char *category,
                   const char *measure, double value);

#endif
