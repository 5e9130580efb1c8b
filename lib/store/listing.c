/* listing.c - the listings of stats, documents, outlets and origins as
 * JSON rows (field names documented in docs/schema.md); see store.h. */
#include "store/store_impl.h"

#include <string.h>

#include "common/json.h"

/* A one-row, one-column query's value as JSON. */
static json_t *scalar(struct ue_store *s, const char *sql)
{
	sqlite3_stmt *st = ue_store_prepare(s, sql);
	json_t *obj = json_object(), *v = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		ue_json_set_column(obj, "v", st, 0);
		v = json_incref(json_object_get(obj, "v"));
	}
	sqlite3_finalize(st);
	json_decref(obj);
	return v ? v : json_null();
}

/* A two-column query (label, count) as a JSON object. */
static json_t *counts(struct ue_store *s, const char *sql)
{
	json_t *obj = json_object();
	sqlite3_stmt *st = ue_store_prepare(s, sql);
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		json_object_set_new(obj, k ? k : "unknown",
		                    json_integer(sqlite3_column_int64(st, 1)));
	}
	sqlite3_finalize(st);
	return obj;
}

ue_status ue_store_stats(struct ue_store *s, ue_row_fn fn, void *ctx)
{
	json_t *o = json_object();
	json_object_set_new(o, "documents",
	        scalar(s, "SELECT count(*) FROM documents"));
	json_object_set_new(o, "distinct_texts",
	        scalar(s, "SELECT count(DISTINCT text) FROM documents"));
	json_object_set_new(o, "duplicate_groups",
	        scalar(s, "SELECT count(*) FROM duplicate_groups"));
	json_object_set_new(o, "outlets",
	        scalar(s, "SELECT count(DISTINCT outlet) FROM documents"));
	json_object_set_new(o, "blocs", counts(s,
	        "SELECT " DOC_BLOC " AS b, count(*) FROM documents d"
	        " LEFT JOIN outlet_blocs ob ON ob.id = d.outlet"
	        " GROUP BY b ORDER BY count(*) DESC, b"));
	json_object_set_new(o, "languages", counts(s,
	        "SELECT coalesce(language, 'und') AS l, count(*) FROM documents"
	        " GROUP BY l ORDER BY count(*) DESC, l"));
	json_object_set_new(o, "first",
	        scalar(s, "SELECT published FROM documents WHERE published_ts ="
	                  " (SELECT min(published_ts) FROM documents) LIMIT 1"));
	json_object_set_new(o, "last",
	        scalar(s, "SELECT published FROM documents WHERE published_ts ="
	                  " (SELECT max(published_ts) FROM documents) LIMIT 1"));
	json_object_set_new(o, "undated", scalar(s,
	        "SELECT count(*) FROM documents WHERE published IS NULL"));
	json_object_set_new(o, "unknown_outlets", scalar(s,
	        "SELECT count(DISTINCT d.outlet) FROM documents d"
	        " JOIN outlet_blocs ob ON ob.id = d.outlet"
	        " WHERE ob.bloc = 'unknown'"));
	json_object_set_new(o, "bytes", scalar(s,
	        "SELECT coalesce(sum(t.bytes), 0) FROM documents d"
	        " JOIN texts t ON t.id = d.text"));
	if (sqlite3_errcode(s->db) != SQLITE_OK &&
	    sqlite3_errcode(s->db) != SQLITE_ROW &&
	    sqlite3_errcode(s->db) != SQLITE_DONE) {
		json_decref(o);
		return ue_store_db_error(s, "stats");
	}
	return ue_json_emit(o, fn, ctx);
}

ue_status ue_store_doc_brief(struct ue_store *s, const char *id,
                             json_t **out)
{
	*out = NULL;
	sqlite3_stmt *st = ue_store_stmt(s, SQL_DOC_BRIEF);
	if (!st)
		return UE_EDB;
	ue_store_bind_text(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return UE_OK;
	if (rc != SQLITE_ROW)
		return ue_store_db_error(s, "document");
	static const char *const keys[] = {
		"outlet", "outlet_type", "bloc", "url", "title",
	};
	json_t *o = json_object();
	if (!o)
		return UE_ENOMEM;
	for (int i = 0; i < 5; i++)
		ue_json_set_column(o, keys[i], st, i);
	sqlite3_reset(st);
	*out = o;
	return UE_OK;
}

ue_status ue_store_docs(struct ue_store *s, const ue_doc_filter *f,
                        ue_row_fn fn, void *ctx)
{
	static const ue_doc_filter all;
	if (!f)
		f = &all;
	/* One document is found by its id's index (an OR would scan). */
#define DOCS_SQL(one_doc) \
	        "SELECT d.id, coalesce(ob.name, d.outlet_name), " DOC_BLOC "," \
	        " ob.country, ob.type, d.url, d.title, d.author, d.published," \
	        " d.language, t.bytes," \
	        " CASE WHEN (SELECT count(*) FROM documents x" \
	        "   WHERE x.text = d.text) > 1 THEN d.text END," \
	        " r.reuse_fraction, r.reuse_class, r.sources, r.near_dup_group," \
	        " sd.story, CASE WHEN ?4 THEN t.text END" \
	        " FROM documents d JOIN texts t ON t.id = d.text" \
	        " LEFT JOIN outlet_blocs ob ON ob.id = d.outlet" \
	        " LEFT JOIN reuse_docs r ON r.doc = d.doc" \
	        " LEFT JOIN story_docs sd ON sd.doc = d.doc" \
	        " WHERE (?1 IS NULL OR d.outlet IN (SELECT outlet FROM" \
	        "   outlet_aliases WHERE alias = ?1) OR d.outlet_name = ?1)" \
	        " AND (?2 IS NULL OR " DOC_BLOC " = ?2 COLLATE NOCASE)" \
	        " AND (?5 = 0 OR sd.story = ?5)" \
	        " AND " one_doc " ORDER BY d.doc"
	sqlite3_stmt *st = ue_store_prepare(s, f->id ? DOCS_SQL("d.id = ?3")
	                                             : DOCS_SQL("?3 IS NULL"));
#undef DOCS_SQL
	if (!st)
		return UE_EDB;
	ue_store_bind_text(st, 1, f->outlet);
	ue_store_bind_text(st, 2, f->bloc);
	ue_store_bind_text(st, 3, f->id);
	sqlite3_bind_int(st, 4, f->with_text);
	sqlite3_bind_int64(st, 5, f->story);
	static const char *const keys[] = {
		"id", "outlet", "bloc", "country", "outlet_type", "url", "title",
		"author", "published", "language", "bytes", "dup_group",
		"reuse_fraction", "reuse_class", "reuse_sources", "near_dup_group",
		"story", "text",
	};
	ue_status err = UE_OK;
	int rc;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = json_object();
		for (int i = 0; i < 17 + !!f->with_text; i++) {
			if (i == 14) {   /* stored as JSON text */
				const char *src = (const char *)
				        sqlite3_column_text(st, i);
				json_t *v = src ? json_loads(src, 0, NULL) : NULL;
				json_object_set_new(o, keys[i], v ? v : json_array());
				continue;
			}
			ue_json_set_column(o, keys[i], st, i);
		}
		err = ue_json_emit(o, fn, ctx);
	}
	if (!err && rc != SQLITE_DONE)
		err = ue_store_db_error(s, "documents");
	sqlite3_finalize(st);
	return err;
}

ue_status ue_store_outlets(struct ue_store *s, ue_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT ob.name, ob.domains, ob.country, ob.bloc, ob.type,"
	        " ob.state_affiliated, ob.owner, ob.language,"
	        " (SELECT group_concat(alias, ';') FROM (SELECT alias FROM"
	        "   outlet_aliases a WHERE a.outlet = ob.id AND alias != ob.name"
	        "   ORDER BY alias)),"
	        " CASE ob.source WHEN 'seen' THEN 0 ELSE 1 END,"
	        " (SELECT count(*) FROM documents d WHERE d.outlet = ob.id)"
	        " FROM outlet_blocs ob ORDER BY ob.name COLLATE NOCASE");
	if (!st)
		return UE_EDB;
	ue_status err = UE_OK;
	int rc;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = json_object();
		ue_json_set_column(o, "name", st, 0);
		json_object_set_new(o, "domains",
		        ue_json_list((const char *)sqlite3_column_text(st, 1)));
		ue_json_set_column(o, "country", st, 2);
		ue_json_set_column(o, "bloc", st, 3);
		ue_json_set_column(o, "type", st, 4);
		json_object_set_new(o, "state_affiliated",
		        sqlite3_column_type(st, 5) == SQLITE_NULL ? json_null() :
		        json_boolean(sqlite3_column_int(st, 5)));
		ue_json_set_column(o, "owner", st, 6);
		ue_json_set_column(o, "language", st, 7);
		json_object_set_new(o, "aliases",
		        ue_json_list((const char *)sqlite3_column_text(st, 8)));
		json_object_set_new(o, "known",
		        json_boolean(sqlite3_column_int(st, 9)));
		ue_json_set_column(o, "documents", st, 10);
		err = ue_json_emit(o, fn, ctx);
	}
	if (!err && rc != SQLITE_DONE)
		err = ue_store_db_error(s, "outlets");
	sqlite3_finalize(st);
	return err;
}

ue_status ue_store_origins_known(struct ue_store *s, ue_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT o.id, o.name, o.kind, o.country, o.reliability,"
	        " (SELECT group_concat(alias, ';') FROM (SELECT alias FROM"
	        "   origin_aliases a WHERE a.origin = o.id AND alias != o.name"
	        "   ORDER BY alias)), o.source"
	        " FROM origins o ORDER BY o.id");
	if (!st)
		return UE_EDB;
	ue_status err = UE_OK;
	int rc;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = json_object();
		ue_json_set_column(o, "id", st, 0);
		ue_json_set_column(o, "name", st, 1);
		ue_json_set_column(o, "kind", st, 2);
		ue_json_set_column(o, "country", st, 3);
		ue_json_set_column(o, "reliability", st, 4);
		json_object_set_new(o, "aliases",
		        ue_json_list((const char *)sqlite3_column_text(st, 5)));
		ue_json_set_column(o, "source", st, 6);
		err = ue_json_emit(o, fn, ctx);
	}
	if (!err && rc != SQLITE_DONE)
		err = ue_store_db_error(s, "origins");
	sqlite3_finalize(st);
	return err;
}
