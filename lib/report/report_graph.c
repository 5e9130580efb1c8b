/* report_graph.c - the provenance graph of a story's main claims, as
 * SVG with a table beside it; see report_int.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/html.h"
#include "report/report_int.h"

#define num report_num
#define str report_str

/* Nodes drawn per column of a provenance graph; the rest are summed. */
#define GRAPH_NODES 12
/* Characters of a name shown in a graph node. */
#define GRAPH_LABEL 26

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
		html_text(o, name);
		report_putf(o, " (%lld)</title><rect x=\"%d\" y=\"%.1f\" "
		            "width=\"%d\" height=\"%d\" rx=\"3\"/><text x=\"%d\" "
		            "y=\"%.1f\">", (long long)n, col_x[col],
		            row_y(i) - ROW_H / 2.0 + 2, COL_W, ROW_H - 4,
		            col_x[col] + 5, row_y(i) + 4);
		html_short(o, name, GRAPH_LABEL);
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
		html_text(o, str(first, "origin_name"));
		report_put(o, "</td><td>");
		html_text(o, str(first, "via_outlet"));
		if (*str(first, "via_type")) {
			report_put(o, " <small>(");
			html_text(o, str(first, "via_type"));
			report_put(o, ")</small>");
		}
		report_put(o, "</td><td>");
		json_array_foreach(row, i, e) {
			report_put(o, i ? ", " : "");
			html_text(o, str(e, "outlet"));
			if (num(e, "reports") > 1)
				report_putf(o, " (%lld)", (long long)num(e, "reports"));
		}
		report_put(o, "</td></tr>\n");
	}
	report_put(o, "</table>\n");
	json_decref(rows);
}

void report_html_provenance(struct report_out *o, const json_t *st)
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