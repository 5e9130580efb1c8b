/* provenance.c - a claim's reports as origin -> intermediary -> outlet
 * edges; see provenance.h. */
#include "report/provenance.h"

#include <stdlib.h>
#include <string.h>

#include "common/buf.h"

const json_t *provenance_doc(struct ue_store *s, provenance_docs *docs,
                             const char *id, ue_status *e)
{
	json_t *have = json_object_get(docs, id);
	if (have)
		return json_is_object(have) ? have : NULL;
	json_t *row;
	if ((*e = ue_store_doc_brief(s, id, &row)))
		return NULL;
	if (json_object_set_new(docs, id, row ? row : json_null())) {
		*e = UE_ENOMEM;
		return NULL;
	}
	return row;
}

static const char *field(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s ? s : "";
}

/* Most reports first, then origin, intermediary and outlet by name. */
static int by_reports(const void *a, const void *b)
{
	const json_t *x = *(const json_t *const *)a, *y = *(const json_t *const *)b;
	json_int_t rx = json_integer_value(json_object_get(x, "reports"));
	json_int_t ry = json_integer_value(json_object_get(y, "reports"));
	if (rx != ry)
		return rx > ry ? -1 : 1;
	static const char *const keys[] = {"origin_name", "via_outlet", "outlet"};
	for (size_t i = 0; i < 3; i++) {
		int c = strcmp(field(x, keys[i]), field(y, keys[i]));
		if (c)
			return c;
	}
	return 0;
}

static ue_status sorted_into(json_t *found, json_t *edges)
{
	size_t n = json_object_size(found), i = 0;
	json_t **v = malloc((n + 1) * sizeof *v), *edge;
	const char *key;
	if (!v)
		return UE_ENOMEM;
	json_object_foreach(found, key, edge)
		v[i++] = edge;
	qsort(v, n, sizeof *v, by_reports);
	ue_status e = UE_OK;
	for (i = 0; i < n && !e; i++)
		if (json_array_append(edges, v[i]))
			e = UE_ENOMEM;
	free(v);
	return e;
}

/* The origin row of the claim with that id, or NULL. */
static const json_t *origin_of(const json_t *claim, const char *id)
{
	size_t i;
	const json_t *o;
	json_array_foreach(json_object_get(claim, "origins"), i, o)
		if (!strcmp(field(o, "id"), id))
			return o;
	return NULL;
}

ue_status provenance_edges(struct ue_store *s, provenance_docs *docs,
                           const json_t *claim, json_t *edges)
{
	json_t *found = json_object(), *seen = json_object();
	struct ue_buf key = UE_BUF_INIT;
	ue_status e = found && seen ? UE_OK : UE_ENOMEM;
	size_t i;
	const json_t *m;
	json_array_foreach(json_object_get(claim, "mentions"), i, m) {
		if (e)
			break;
		const char *origin = field(m, "origin"), *via = field(m, "via");
		const json_t *doc = provenance_doc(s, docs, field(m, "doc"), &e);
		const json_t *through = *via ? provenance_doc(s, docs, via, &e)
		                             : NULL;
		if (e || !doc)
			continue;
		const json_t *o = origin_of(claim, origin);
		const char *via_outlet = through ? field(through, "outlet") : "";
		ue_buf_reset(&key);
		if ((e = ue_buf_printf(&key, "%s\x1f%s\x1f%s", origin, via_outlet,
		                       field(doc, "outlet"))))
			break;
		json_t *edge = json_object_get(found, key.data);
		if (!edge) {
			edge = json_pack("{s:O,s:s,s:s,s:s,s:O?,s:O?,s:O,s:O,s:O,"
			                 "s:i}",
			                 "claim", json_object_get(claim, "id"),
			                 "origin", origin,
			                 "origin_name", o ? field(o, "name") : origin,
			                 "origin_kind", o ? field(o, "kind") : "",
			                 "via_outlet",
			                 through ? json_object_get(through, "outlet")
			                         : NULL,
			                 "via_type",
			                 through ? json_object_get(through,
			                                           "outlet_type")
			                         : NULL,
			                 "outlet", json_object_get(doc, "outlet"),
			                 "outlet_type",
			                 json_object_get(doc, "outlet_type"),
			                 "bloc", json_object_get(doc, "bloc"),
			                 "reports", 0);
			if (!edge || json_object_set_new(found, key.data, edge)) {
				e = UE_ENOMEM;
				break;
			}
		}
		/* Each document counts once per edge. */
		if ((e = ue_buf_printf(&key, "\x1f%s", field(m, "doc"))))
			break;
		if (json_object_get(seen, key.data))
			continue;
		json_object_set_new(seen, key.data, json_true());
		json_t *n = json_object_get(edge, "reports");
		json_integer_set(n, json_integer_value(n) + 1);
	}
	if (!e)
		e = sorted_into(found, edges);
	ue_buf_release(&key);
	json_decref(found);
	json_decref(seen);
	return e;
}
