/* story_store.c - the tables of per-text features and stories; see
 * store.h. */
#include "store/store_impl.h"

#include <stdlib.h>
#include <string.h>


ue_status ue_store_features_pending(struct ue_store *s, int64_t **out,
                                    size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT id FROM texts t WHERE NOT EXISTS"
	        " (SELECT 1 FROM text_features f WHERE f.text = t.id)"
	        " ORDER BY id");
	if (!st)
		return UE_EDB;
	size_t alloc = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == alloc) {
			alloc = alloc ? alloc * 2 : 1024;
			int64_t *p = realloc(*out, alloc * sizeof *p);
			if (!p) {
				sqlite3_finalize(st);
				return UE_ENOMEM;
			}
			*out = p;
		}
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	return ue_store_finish(s, st, rc, "texts");
}

ue_status ue_store_features_put(struct ue_store *s, int64_t text,
                                const unsigned char *terms, size_t terms_len,
                                const unsigned char *mentions,
                                size_t mentions_len,
                                const struct ue_store_attribution *a,
                                size_t na)
{
	sqlite3_stmt *st = ue_store_stmt(s, SQL_FEATURES_PUT);
	if (!st)
		return UE_EDB;
	sqlite3_bind_int64(st, 1, text);
	sqlite3_bind_blob(st, 2, terms, (int)terms_len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, mentions, (int)mentions_len, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return ue_store_db_error(s, "text_features");
	for (size_t i = 0; i < na; i++) {
		if (!(st = ue_store_stmt(s, SQL_ATTRIBUTION_PUT)))
			return UE_EDB;
		const struct ue_store_attribution *x = &a[i];
		sqlite3_bind_int64(st, 1, text);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		const uint32_t v[8] = {
			x->source_start, x->source_end, x->cue_start, x->cue_end,
			x->content_start, x->content_end, x->resolved_start,
			x->resolved_end,
		};
		for (int k = 0; k < 8; k += 2)
			if (v[k + 1] > v[k] || k == 4) {
				sqlite3_bind_int64(st, 3 + k, v[k]);
				sqlite3_bind_int64(st, 4 + k, v[k + 1]);
			}
		ue_store_bind_text(st, 11, x->kind);
		ue_store_bind_text(st, 12, x->source_kind);
		sqlite3_bind_int(st, 13, x->hedged);
		if (sqlite3_step(st) != SQLITE_DONE)
			return ue_store_db_error(s, "attributions");
	}
	return UE_OK;
}

ue_status ue_store_featured_docs(struct ue_store *s, uint64_t *docs,
                                 int64_t *last)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT count(*), coalesce(max(d.doc), 0) FROM documents d"
	        " JOIN text_features f ON f.text = d.text");
	if (!st)
		return UE_EDB;
	int rc = sqlite3_step(st);
	*docs = (uint64_t)sqlite3_column_int64(st, 0);
	*last = sqlite3_column_int64(st, 1);
	return ue_store_finish(s, st, rc, "documents");
}

ue_status ue_store_story_inputs(struct ue_store *s,
        int (*fn)(void *ctx, const struct ue_story_input *in), void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT d.doc, d.published_ts, d.title, d.language, f.terms"
	        " FROM documents d JOIN text_features f ON f.text = d.text"
	        " ORDER BY d.doc");
	if (!st)
		return UE_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ue_story_input in = {
			.doc = sqlite3_column_int64(st, 0),
			.dated = sqlite3_column_type(st, 1) != SQLITE_NULL,
			.ts = sqlite3_column_int64(st, 1),
			.title = (const char *)sqlite3_column_text(st, 2),
			.language = (const char *)sqlite3_column_text(st, 3),
			.terms = sqlite3_column_blob(st, 4),
			.terms_len = (size_t)sqlite3_column_bytes(st, 4),
		};
		if (fn(ctx, &in)) {
			sqlite3_finalize(st);
			return UE_ECANCELLED;
		}
	}
	return ue_store_finish(s, st, rc, "documents");
}

ue_status ue_store_stories_put(struct ue_store *s,
                               const struct ue_story_row *row, size_t n,
                               const int64_t *doc, const int64_t *story,
                               const double *sim, size_t ndocs)
{
	ue_status e = ue_store_begin(s);
	if (e)
		return e;
	char *msg = NULL;
	/* The claims stage's figures per story go with the stories. */
	if (sqlite3_exec(s->db, "DELETE FROM story_docs; DELETE FROM stories;"
	                 " DELETE FROM meta WHERE key = 'claims_state';",
	                 NULL, NULL, &msg)) {
		ue_store_set_error(s, "stories: %s", msg ? msg : "?");
		sqlite3_free(msg);
		ue_store_rollback(s);
		return UE_EDB;
	}
	sqlite3_stmt *a = ue_store_prepare(s,
	        "INSERT INTO stories(id, label, headline, headline_doc)"
	        " VALUES (?, ?, ?, nullif(?, 0))");
	sqlite3_stmt *b = ue_store_prepare(s,
	        "INSERT INTO story_docs(doc, story, similarity) VALUES (?, ?, ?)");
	e = a && b ? UE_OK : UE_EDB;
	for (size_t i = 0; !e && i < n; i++) {
		sqlite3_reset(a);
		sqlite3_bind_int64(a, 1, row[i].id);
		ue_store_bind_text(a, 2, row[i].label);
		ue_store_bind_text(a, 3, row[i].headline);
		sqlite3_bind_int64(a, 4, row[i].headline_doc);
		if (sqlite3_step(a) != SQLITE_DONE)
			e = ue_store_db_error(s, "stories");
	}
	for (size_t i = 0; !e && i < ndocs; i++) {
		sqlite3_reset(b);
		sqlite3_bind_int64(b, 1, doc[i]);
		sqlite3_bind_int64(b, 2, story[i]);
		sqlite3_bind_double(b, 3, sim[i]);
		if (sqlite3_step(b) != SQLITE_DONE)
			e = ue_store_db_error(s, "story_docs");
	}
	sqlite3_finalize(a);
	sqlite3_finalize(b);
	if (e) {
		ue_store_rollback(s);
		return e;
	}
	return ue_store_commit(s);
}

ue_status ue_store_stories(struct ue_store *s, int64_t story,
                           ue_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT s.id, s.label, s.headline, hd.id,"
	        " (SELECT count(*) FROM story_docs x WHERE x.story = s.id),"
	        " (SELECT count(DISTINCT coalesce(d.outlet, -d.doc))"
	        "   FROM story_docs x JOIN documents d ON d.doc = x.doc"
	        "   WHERE x.story = s.id),"
	        " (SELECT json_group_object(bloc, n) FROM"
	        "   (SELECT " DOC_BLOC " AS bloc, count(*) AS n"
	        "    FROM story_docs x JOIN documents d ON d.doc = x.doc"
	        "    LEFT JOIN outlet_blocs ob ON ob.id = d.outlet"
	        "    WHERE x.story = s.id GROUP BY 1 ORDER BY 2 DESC, 1)),"
	        " (SELECT min(d.published) FROM story_docs x"
	        "   JOIN documents d ON d.doc = x.doc WHERE x.story = s.id),"
	        " (SELECT max(d.published) FROM story_docs x"
	        "   JOIN documents d ON d.doc = x.doc WHERE x.story = s.id),"
	        " coalesce(s.claims, 0), coalesce(s.origins, 0),"
	        " round(coalesce(s.effective_origins, 0), 3),"
	        " round(coalesce(s.echo_ratio, 0), 3),"
	        " (SELECT json_group_object(kind, share) FROM"
	        "   (SELECT o.kind AS kind, round(count(DISTINCT m.doc) * 1.0 /"
	        "     (SELECT count(*) FROM story_docs y WHERE y.story = s.id),"
	        "     3) AS share"
	        "    FROM claim_mentions m JOIN claims c ON c.id = m.claim"
	        "    JOIN found_origins o ON o.id = m.origin"
	        "    WHERE c.story = s.id GROUP BY 1 ORDER BY 2 DESC, 1)),"
	        " (SELECT json_group_object(bloc, first) FROM"
	        "   (SELECT " DOC_BLOC " AS bloc, min(d.published) AS first"
	        "    FROM story_docs x JOIN documents d ON d.doc = x.doc"
	        "    LEFT JOIN outlet_blocs ob ON ob.id = d.outlet"
	        "    WHERE x.story = s.id AND d.published IS NOT NULL"
	        "    GROUP BY 1 ORDER BY 2, 1))"
	        " FROM stories s LEFT JOIN documents hd ON hd.doc = s.headline_doc"
	        " WHERE ?1 = 0 OR s.id = ?1 ORDER BY s.id");
	if (!st)
		return UE_EDB;
	sqlite3_bind_int64(st, 1, story);
	static const char *const keys[] = {
		"id", "label", "headline", "headline_doc", "docs", "outlets",
		"blocs", "first", "last", "claims", "origins",
		"effective_origins", "echo_ratio", "origin_kinds",
		"bloc_first_seen",
	};
	return ue_store_emit_rows(s, st, keys, 15, " blocs origin_kinds "
	                          "bloc_first_seen ", fn, ctx, "stories");
}

ue_status ue_store_framing_inputs(struct ue_store *s,
        int (*fn)(void *ctx, const struct ue_framing_input *in), void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT d.doc, coalesce(sd.story, 0), " DOC_BLOC ","
	        " coalesce(ob.name, d.outlet_name, ''), coalesce(ob.country, ''),"
	        " f.terms"
	        " FROM documents d JOIN text_features f ON f.text = d.text"
	        " LEFT JOIN outlet_blocs ob ON ob.id = d.outlet"
	        " LEFT JOIN story_docs sd ON sd.doc = d.doc ORDER BY d.doc");
	if (!st)
		return UE_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ue_framing_input in = {
			.doc = sqlite3_column_int64(st, 0),
			.story = sqlite3_column_int64(st, 1),
			.bloc = (const char *)sqlite3_column_text(st, 2),
			.outlet = (const char *)sqlite3_column_text(st, 3),
			.country = (const char *)sqlite3_column_text(st, 4),
			.terms = sqlite3_column_blob(st, 5),
			.terms_len = (size_t)sqlite3_column_bytes(st, 5),
		};
		if (fn(ctx, &in)) {
			sqlite3_finalize(st);
			return UE_ECANCELLED;
		}
	}
	return ue_store_finish(s, st, rc, "documents");
}
