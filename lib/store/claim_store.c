/* claim_store.c - the tables of claims, their mentions, the origins found
 * and the attributions; see store.h. */
#include "store/store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "common/json.h"

ue_status ue_store_claims_state(struct ue_store *s, char **out)
{
	*out = NULL;
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT (SELECT count(*) || '.' || coalesce(max(d.doc), 0)"
	        "   FROM documents d JOIN text_features f ON f.text = d.text)"
	        " || '/' || (SELECT count(*) || '.' ||"
	        "   coalesce(sum(story * 7919 + doc), 0) FROM story_docs)"
	        " || '/' || (SELECT count(*) || '.' ||"
	        "   coalesce(sum(length(sources)), 0) FROM reuse_docs)"
	        " || '/' || (SELECT count(*) FROM origin_aliases)"
	        " || '.' || (SELECT count(*) FROM origins)");
	if (!st)
		return UE_EDB;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW &&
	    !(*out = strdup((const char *)sqlite3_column_text(st, 0)))) {
		sqlite3_finalize(st);
		return UE_ENOMEM;
	}
	return ue_store_finish(s, st, rc, "claims state");
}

ue_status ue_store_claim_inputs(struct ue_store *s,
        int (*fn)(void *ctx, const struct ue_claim_input *in), void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT d.doc, d.text, coalesce(d.outlet, 0),"
	        " coalesce(sd.story, 0), d.published_ts,"
	        " coalesce(o.name, d.outlet_name, ''), f.mentions"
	        " FROM documents d JOIN text_features f ON f.text = d.text"
	        " LEFT JOIN outlets o ON o.id = d.outlet"
	        " LEFT JOIN story_docs sd ON sd.doc = d.doc"
	        " ORDER BY d.doc");
	if (!st)
		return UE_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ue_claim_input in = {
			.doc = sqlite3_column_int64(st, 0),
			.text = sqlite3_column_int64(st, 1),
			.outlet = sqlite3_column_int64(st, 2),
			.story = sqlite3_column_int64(st, 3),
			.dated = sqlite3_column_type(st, 4) != SQLITE_NULL,
			.ts = sqlite3_column_int64(st, 4),
			.outlet_name = (const char *)sqlite3_column_text(st, 5),
			.mentions = sqlite3_column_blob(st, 6),
			.mentions_len = (size_t)sqlite3_column_bytes(st, 6),
		};
		if (fn(ctx, &in)) {
			sqlite3_finalize(st);
			return UE_ECANCELLED;
		}
	}
	return ue_store_finish(s, st, rc, "documents");
}

ue_status ue_store_reuse_sources(struct ue_store *s,
        int (*fn)(void *ctx, int64_t copy, int64_t source), void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT r.doc, src.doc FROM reuse_docs r,"
	        " json_each(coalesce(r.sources, '[]')) j"
	        " JOIN documents src ON src.id = json_extract(j.value, '$.doc')"
	        " ORDER BY r.doc, src.doc");
	if (!st)
		return UE_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(ctx, sqlite3_column_int64(st, 0),
		       sqlite3_column_int64(st, 1))) {
			sqlite3_finalize(st);
			return UE_ECANCELLED;
		}
	return ue_store_finish(s, st, rc, "reuse_docs");
}

ue_status ue_store_origin_aliases(struct ue_store *s,
        int (*fn)(void *ctx, const char *alias, const char *id,
                  const char *name, const char *kind, const char *country),
        void *ctx)
{
	/* The canonical name counts as an alias too. */
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT a.alias, o.id, o.name, o.kind, o.country"
	        " FROM (SELECT alias, origin FROM origin_aliases"
	        "       UNION SELECT name, id FROM origins) a"
	        " JOIN origins o ON o.id = a.origin ORDER BY o.id, a.alias");
	if (!st)
		return UE_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(ctx, (const char *)sqlite3_column_text(st, 0),
		       (const char *)sqlite3_column_text(st, 1),
		       (const char *)sqlite3_column_text(st, 2),
		       (const char *)sqlite3_column_text(st, 3),
		       (const char *)sqlite3_column_text(st, 4))) {
			sqlite3_finalize(st);
			return UE_ECANCELLED;
		}
	return ue_store_finish(s, st, rc, "origins");
}

/* The SQL for text bytes [start, end) of t.text, as text. */
#define SPAN(start, end) \
	"CAST(substr(CAST(t.text AS BLOB), " start " + 1, " end " - " start \
	") AS TEXT)"

static ue_status exec(struct ue_store *s, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg)) {
		ue_store_set_error(s, "claims: %s", msg ? msg : "?");
		sqlite3_free(msg);
		return UE_EDB;
	}
	return UE_OK;
}

static ue_status put_origins(struct ue_store *s,
                             const struct ue_store_origin *o, size_t n)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "INSERT INTO found_origins(id, key, name, kind, specificity,"
	        " country, known) VALUES (?, ?, ?, ?, ?, ?, ?)");
	ue_status e = st ? UE_OK : UE_EDB;
	for (size_t i = 0; !e && i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, o[i].id);
		ue_store_bind_text(st, 2, o[i].key);
		ue_store_bind_text(st, 3, o[i].name);
		ue_store_bind_text(st, 4, o[i].kind);
		ue_store_bind_text(st, 5, o[i].specificity);
		ue_store_bind_text(st, 6, o[i].country);
		ue_store_bind_text(st, 7, o[i].known);
		if (sqlite3_step(st) != SQLITE_DONE)
			e = ue_store_db_error(s, "found_origins");
	}
	sqlite3_finalize(st);
	return e;
}

static ue_status put_claims(struct ue_store *s,
                            const struct ue_store_claim *c, size_t n)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "INSERT INTO claims(id, story, rep_text, rep_start, rep_end,"
	        " polarity, quantities, reports, effective_origins, echo_ratio,"
	        " first_doc, first_seen)"
	        " VALUES (?1, nullif(?2, 0), ?10, ?11, ?12, ?4, ?5, ?6, ?7, ?8,"
	        " nullif(?9, 0), (SELECT published FROM documents"
	        "  WHERE doc = ?9))");
	ue_status e = st ? UE_OK : UE_EDB;
	for (size_t i = 0; !e && i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, c[i].id);
		sqlite3_bind_int64(st, 2, c[i].story);
		sqlite3_bind_int64(st, 10, c[i].rep_text);
		sqlite3_bind_int64(st, 11, c[i].rep_start);
		sqlite3_bind_int64(st, 12, c[i].rep_end);
		ue_store_bind_text(st, 4, c[i].polarity);
		ue_store_bind_text(st, 5, c[i].quantities);
		sqlite3_bind_int64(st, 6, c[i].reports);
		sqlite3_bind_double(st, 7, c[i].effective_origins);
		sqlite3_bind_double(st, 8, c[i].echo_ratio);
		sqlite3_bind_int64(st, 9, c[i].first_doc);
		if (sqlite3_step(st) != SQLITE_DONE)
			e = ue_store_db_error(s, "claims");
	}
	sqlite3_finalize(st);
	return e;
}

static ue_status put_mentions(struct ue_store *s,
                              const struct ue_store_mention *m, size_t n)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "INSERT INTO claim_mentions(claim, doc, start, end, attribution,"
	        " origin, via) VALUES (?, ?, ?, ?, ?, ?, nullif(?, 0))");
	ue_status e = st ? UE_OK : UE_EDB;
	for (size_t i = 0; !e && i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, m[i].claim);
		sqlite3_bind_int64(st, 2, m[i].doc);
		sqlite3_bind_int64(st, 3, m[i].start);
		sqlite3_bind_int64(st, 4, m[i].end);
		if (m[i].attribution >= 0)
			sqlite3_bind_int64(st, 5, m[i].attribution);
		else
			sqlite3_bind_null(st, 5);
		sqlite3_bind_int64(st, 6, m[i].origin);
		sqlite3_bind_int64(st, 7, m[i].via);
		if (sqlite3_step(st) != SQLITE_DONE)
			e = ue_store_db_error(s, "claim_mentions");
	}
	sqlite3_finalize(st);
	return e;
}

static ue_status put_story_echo(struct ue_store *s,
                                const struct ue_store_story_echo *x,
                                size_t n)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "UPDATE stories SET claims = ?2, origins = ?3,"
	        " effective_origins = ?4, echo_ratio = ?5 WHERE id = ?1");
	ue_status e = st ? UE_OK : UE_EDB;
	for (size_t i = 0; !e && i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, x[i].story);
		sqlite3_bind_int64(st, 2, x[i].claims);
		sqlite3_bind_int64(st, 3, x[i].origins);
		sqlite3_bind_double(st, 4, x[i].effective_origins);
		sqlite3_bind_double(st, 5, x[i].echo_ratio);
		if (sqlite3_step(st) != SQLITE_DONE)
			e = ue_store_db_error(s, "stories");
	}
	sqlite3_finalize(st);
	return e;
}

ue_status ue_store_claims_put(struct ue_store *s,
        const struct ue_store_origin *o, size_t no,
        const struct ue_store_claim *c, size_t nc,
        const struct ue_store_mention *m, size_t nm,
        const struct ue_store_story_echo *x, size_t nx)
{
	ue_status e = ue_store_begin(s);
	if (e)
		return e;
	e = exec(s, "DELETE FROM claim_mentions; DELETE FROM claims;"
	            " DELETE FROM found_origins;"
	            " UPDATE stories SET claims = NULL, origins = NULL,"
	            " effective_origins = NULL, echo_ratio = NULL;");
	if (!e)
		e = put_origins(s, o, no);
	if (!e)
		e = put_claims(s, c, nc);
	if (!e)
		e = put_mentions(s, m, nm);
	if (!e)
		e = put_story_echo(s, x, nx);
	if (e) {
		ue_store_rollback(s);
		return e;
	}
	return ue_store_commit(s);
}

/* ---- listings ---- */

/* Documents of claim c.id, with their outlets' blocs. */
#define CLAIM_DOCS \
	" FROM claim_mentions m JOIN documents d ON d.doc = m.doc" \
	" LEFT JOIN outlet_blocs ob ON ob.id = d.outlet WHERE m.claim = c.id"

ue_status ue_store_claims(struct ue_store *s, int64_t story, int64_t claim,
                          const char *origin, ue_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT c.id, c.story, " SPAN("c.rep_start", "c.rep_end") ","
	        " c.polarity, c.quantities,"
	        " c.reports,"
	        " (SELECT count(DISTINCT coalesce(d.outlet, -d.doc))" CLAIM_DOCS "),"
	        " (SELECT json_group_object(bloc, n) FROM"
	        "   (SELECT " DOC_BLOC " AS bloc, count(DISTINCT d.doc) AS n"
	        CLAIM_DOCS " GROUP BY 1 ORDER BY 2 DESC, 1)),"
	        " (SELECT json_group_array(json_object('id', o.key, 'name',"
	        "   o.name, 'kind', o.kind, 'specificity', o.specificity,"
	        "   'country', o.country, 'reports', x.n)) FROM"
	        "   (SELECT m.origin AS oid, count(DISTINCT m.doc) AS n"
	        "    FROM claim_mentions m WHERE m.claim = c.id"
	        "    GROUP BY m.origin ORDER BY 2 DESC, 1) x"
	        "   JOIN found_origins o ON o.id = x.oid),"
	        " (SELECT json_group_object(kind, round(share, 3)) FROM"
	        "   (SELECT o.kind AS kind,"
	        "     count(DISTINCT m.doc) * 1.0 / c.reports AS share"
	        "    FROM claim_mentions m JOIN found_origins o"
	        "    ON o.id = m.origin WHERE m.claim = c.id"
	        "    GROUP BY 1 ORDER BY 2 DESC, 1)),"
	        " round(c.effective_origins, 3), round(c.echo_ratio, 3),"
	        " c.first_seen, fd.id,"
	        " (SELECT json_group_object(bloc, first) FROM"
	        "   (SELECT " DOC_BLOC " AS bloc, min(d.published) AS first"
	        CLAIM_DOCS " AND d.published IS NOT NULL"
	        "    GROUP BY 1 ORDER BY 2, 1)),"
	        " (SELECT json_group_object(bloc, round((julianday(first)"
	        "   - julianday(c.first_seen)) * 24, 2)) FROM"
	        "   (SELECT " DOC_BLOC " AS bloc, min(d.published) AS first"
	        CLAIM_DOCS " AND d.published IS NOT NULL"
	        "    GROUP BY 1 ORDER BY 2, 1)),"
	        " (SELECT json_group_array(json_object('doc', x.id, 'start',"
	        "   x.start, 'end', x.end, 'origin', x.okey, 'via', x.via,"
	        "   'source_start', x.ss, 'source_end', x.se,"
	        "   'cue_start', x.cs, 'cue_end', x.ce)) FROM"
	        "   (SELECT d.id AS id, m.start AS start, m.end AS end,"
	        "     o.key AS okey, vd.id AS via, a.source_start AS ss,"
	        "     a.source_end AS se, a.cue_start AS cs, a.cue_end AS ce"
	        "    FROM claim_mentions m JOIN documents d ON d.doc = m.doc"
	        "    JOIN found_origins o ON o.id = m.origin"
	        "    LEFT JOIN documents vd ON vd.doc = m.via"
	        "    LEFT JOIN attributions a ON a.text = d.text"
	        "     AND a.seq = m.attribution"
	        "    WHERE m.claim = c.id"
	        "    ORDER BY d.published_ts IS NULL, d.published_ts, d.doc,"
	        "     m.start) x)"
	        " FROM claims c JOIN texts t ON t.id = c.rep_text"
	        " LEFT JOIN documents fd ON fd.doc = c.first_doc"
	        " WHERE (?1 = 0 OR c.story = ?1) AND (?2 = 0 OR c.id = ?2)"
	        " AND (?3 IS NULL OR c.id IN (SELECT m.claim FROM claim_mentions m"
	        "  JOIN found_origins o ON o.id = m.origin WHERE o.key = ?3))"
	        " ORDER BY c.id");
	if (!st)
		return UE_EDB;
	sqlite3_bind_int64(st, 1, story);
	sqlite3_bind_int64(st, 2, claim);
	if (origin)
		sqlite3_bind_text(st, 3, origin, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 3);
	static const char *const keys[] = {
		"id", "story", "text", "polarity", "quantities", "reports",
		"outlets", "blocs", "origins", "origin_kinds",
		"effective_origins", "echo_ratio", "first_seen", "first_doc",
		"bloc_first_seen", "bloc_lag_hours", "mentions",
	};
	return ue_store_emit_rows(s, st, keys, 17, " quantities blocs origins "
	                 "origin_kinds bloc_first_seen bloc_lag_hours mentions ",
	                 fn, ctx, "claims");
}

ue_status ue_store_dissent_inputs(struct ue_store *s, int64_t story,
        int (*fn)(void *ctx, const struct ue_dissent_input *in), void *ctx)
{
	/* Each story's most reported asserting claim (the lowest id is the
	 * most reported), as the text of its first report. */
	sqlite3_stmt *st = ue_store_prepare(s,
	        "WITH top AS (SELECT c.story, min(c.id) AS claim FROM claims c"
	        "   WHERE c.polarity = 'asserts' AND c.story IS NOT NULL"
	        "   AND (?1 = 0 OR c.story = ?1) GROUP BY c.story)"
	        " SELECT top.story, d.id, coalesce(ob.name, d.outlet_name, ''),"
	        "  " DOC_BLOC ", coalesce(d.language, 'und'), t.text,"
	        "  (SELECT CAST(substr(CAST(rt.text AS BLOB), c.rep_start + 1,"
	        "    c.rep_end - c.rep_start) AS TEXT) FROM claims c"
	        "    JOIN texts rt ON rt.id = c.rep_text WHERE c.id = top.claim),"
	        "  EXISTS (SELECT 1 FROM claim_mentions m JOIN claims c"
	        "   ON c.id = m.claim WHERE m.doc = d.doc"
	        "   AND c.story = top.story AND c.polarity = 'denies'),"
	        /* The share of its reports in the story resting on origins
	         * the top claim's reports never cite. */
	        "  coalesce((SELECT avg(m.origin NOT IN (SELECT t.origin"
	        "    FROM claim_mentions t WHERE t.claim = top.claim))"
	        "   FROM claim_mentions m JOIN claims c ON c.id = m.claim"
	        "   WHERE m.doc = d.doc AND c.story = top.story), 0),"
	        /* Another figure for an object the top claim counts, from a
	         * document that never reports the top claim. */
	        "  NOT EXISTS (SELECT 1 FROM claim_mentions t"
	        "   WHERE t.claim = top.claim AND t.doc = d.doc)"
	        "  AND EXISTS (SELECT 1 FROM claim_mentions m"
	        "   JOIN claims c ON c.id = m.claim JOIN claims tc"
	        "   ON tc.id = top.claim, json_each(c.quantities) q,"
	        "   json_each(tc.quantities) tq"
	        "   WHERE m.doc = d.doc AND c.story = top.story"
	        "   AND q.value ->> 'object' = tq.value ->> 'object'"
	        "   AND (q.value ->> 'hi' < tq.value ->> 'lo'"
	        "    OR q.value ->> 'lo' > tq.value ->> 'hi'))"
	        " FROM top JOIN story_docs sd ON sd.story = top.story"
	        " JOIN documents d ON d.doc = sd.doc"
	        " JOIN texts t ON t.id = d.text"
	        " LEFT JOIN outlet_blocs ob ON ob.id = d.outlet"
	        " ORDER BY top.story, d.doc");
	if (!st)
		return UE_EDB;
	sqlite3_bind_int64(st, 1, story);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ue_dissent_input in = {
			.story = sqlite3_column_int64(st, 0),
			.doc = (const char *)sqlite3_column_text(st, 1),
			.outlet = (const char *)sqlite3_column_text(st, 2),
			.bloc = (const char *)sqlite3_column_text(st, 3),
			.language = (const char *)sqlite3_column_text(st, 4),
			.text = (const char *)sqlite3_column_text(st, 5),
			.len = (size_t)sqlite3_column_bytes(st, 5),
			.claim = (const char *)sqlite3_column_text(st, 6),
			.claim_len = (size_t)sqlite3_column_bytes(st, 6),
			.denies = sqlite3_column_int(st, 7),
			.other_origins = sqlite3_column_double(st, 8),
			.other_figure = sqlite3_column_int(st, 9),
		};
		if (!in.claim)
			continue;
		if (fn(ctx, &in)) {
			sqlite3_finalize(st);
			return UE_ECANCELLED;
		}
	}
	return ue_store_finish(s, st, rc, "dissent");
}

/* Coverage by the group expression GROUP (of a document d and its outlet
 * ob); the group's column is "bloc". */
#define COVERAGE_SQL(GROUP) \
	"WITH doc_bloc AS MATERIALIZED (SELECT d.doc, " GROUP \
	"   AS bloc FROM documents d LEFT JOIN outlet_blocs ob" \
	"   ON ob.id = d.outlet)," \
	" claim_bloc AS MATERIALIZED (SELECT DISTINCT m.claim," \
	"   b.bloc FROM claim_mentions m JOIN doc_bloc b" \
	"   ON b.doc = m.doc)," \
	" corpus AS (SELECT bloc, count(*) AS n FROM doc_bloc GROUP BY 1)," \
	" total AS (SELECT count(*) AS n FROM documents)," \
	" per AS (SELECT sd.story, b.bloc, count(*) AS n" \
	"   FROM story_docs sd JOIN doc_bloc b ON b.doc = sd.doc" \
	"   GROUP BY 1, 2)," \
	" size AS (SELECT story, count(*) AS n FROM story_docs" \
	"   GROUP BY 1)," \
	" cov AS (SELECT s.id AS story, c.bloc AS bloc," \
	"   coalesce(p.n, 0) AS docs, z.n AS story_docs," \
	"   coalesce(p.n, 0) * 1.0 / z.n AS share," \
	"   c.n * 1.0 / t.n AS corpus_share," \
	"   z.n * c.n * 1.0 / t.n AS expected" \
	"   FROM stories s JOIN size z ON z.story = s.id" \
	"   CROSS JOIN corpus c CROSS JOIN total t" \
	"   LEFT JOIN per p ON p.story = s.id AND p.bloc = c.bloc" \
	"   WHERE ?1 = 0 OR s.id = ?1)" \
	" SELECT story, bloc, docs, story_docs, round(share, 4)," \
	"  round(corpus_share, 4), round(expected, 2)," \
	"  CASE WHEN corpus_share > 0" \
	"   THEN round(share / corpus_share, 3) END," \
	"  CASE WHEN share < ?2 * corpus_share AND expected >= ?3" \
	"   THEN 'true' ELSE 'false' END," \
	"  CASE WHEN docs > 0 THEN (SELECT json_group_array(id) FROM" \
	"   (SELECT c.id FROM claims c WHERE c.story = cov.story" \
	"    AND NOT EXISTS (SELECT 1 FROM claim_bloc cb" \
	"     WHERE cb.claim = c.id AND cb.bloc = cov.bloc)" \
	"    ORDER BY c.id)) ELSE '[]' END" \
	" FROM cov WHERE (docs > 0 OR expected >= ?3)" \
	" AND (?4 = 0 OR (share < ?2 * corpus_share AND expected >= ?3))" \
	" ORDER BY story, docs DESC, bloc"

ue_status ue_store_coverage(struct ue_store *s, const ue_coverage_options *o,
                            ue_row_fn fn, void *ctx)
{
	/* The groupings: the name, the row's key for the group, the SQL. */
	static const struct {
		const char *by, *key, *sql;
	} groupings[] = {
		{"bloc", "bloc", COVERAGE_SQL(DOC_BLOC)},
		{"country", "country",
		 COVERAGE_SQL("coalesce(nullif(ob.country, ''), 'unknown')")},
		{"type", "outlet_type",
		 COVERAGE_SQL("coalesce(nullif(ob.type, ''), 'unknown')")},
	};
	const char *by = o->by ? o->by : "bloc";
	size_t g = 0;
	while (g < 3 && strcmp(groupings[g].by, by))
		g++;
	if (g == 3) {
		ue_store_set_error(s, "--by must be bloc, country or type, not "
		                   "'%s'", by);
		return UE_EINVAL;
	}
	sqlite3_stmt *st = ue_store_prepare(s, groupings[g].sql);
	if (!st)
		return UE_EDB;
	sqlite3_bind_int64(st, 1, o->story);
	sqlite3_bind_double(st, 2, o->ratio > 0 ? o->ratio : 0.2);
	sqlite3_bind_double(st, 3, o->min_expected > 0 ? o->min_expected : 5);
	sqlite3_bind_int(st, 4, o->blindspots_only);
	const char *keys[] = {
		"story", groupings[g].key, "docs", "story_docs", "share",
		"corpus_share", "expected", "ratio", "blindspot", "claims_absent",
	};
	return ue_store_emit_rows(s, st, keys, 10, " blindspot claims_absent ",
	                          fn, ctx, "coverage");
}
#undef COVERAGE_SQL

ue_status ue_store_found_origins(struct ue_store *s, ue_row_fn fn,
                                 void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT o.key, o.name, o.kind, o.specificity, o.country,"
	        " o.known,"
	        " (SELECT count(DISTINCT m.claim) FROM claim_mentions m"
	        "   WHERE m.origin = o.id),"
	        " (SELECT count(DISTINCT m.doc) FROM claim_mentions m"
	        "   WHERE m.origin = o.id) AS reports,"
	        " (SELECT count(DISTINCT coalesce(d.outlet, -d.doc))"
	        "   FROM claim_mentions m JOIN documents d ON d.doc = m.doc"
	        "   WHERE m.origin = o.id),"
	        " (SELECT json_group_object(bloc, n) FROM"
	        "   (SELECT " DOC_BLOC " AS bloc, count(DISTINCT d.doc) AS n"
	        "    FROM claim_mentions m JOIN documents d ON d.doc = m.doc"
	        "    LEFT JOIN outlet_blocs ob ON ob.id = d.outlet"
	        "    WHERE m.origin = o.id GROUP BY 1 ORDER BY 2 DESC, 1))"
	        " FROM found_origins o ORDER BY reports DESC, o.key");
	if (!st)
		return UE_EDB;
	static const char *const keys[] = {
		"id", "name", "kind", "specificity", "country", "known",
		"claims", "reports", "outlets", "blocs",
	};
	return ue_store_emit_rows(s, st, keys, 10, " blocs ", fn, ctx, "origins");
}

ue_status ue_store_attributions(struct ue_store *s, const char *doc,
                                ue_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT d.id, a.source_start, a.source_end, a.cue_start,"
	        " a.cue_end, a.content_start, a.content_end, a.kind,"
	        " a.source_kind, a.hedged,"
	        " " SPAN("a.source_start", "a.source_end") ","
	        " " SPAN("a.cue_start", "a.cue_end") ","
	        " " SPAN("a.resolved_start", "a.resolved_end") ","
	        " (SELECT o.key FROM claim_mentions m JOIN found_origins o"
	        "   ON o.id = m.origin WHERE m.doc = d.doc"
	        "   AND m.attribution = a.seq LIMIT 1)"
	        " FROM documents d JOIN attributions a ON a.text = d.text"
	        " JOIN texts t ON t.id = d.text"
	        " WHERE (?1 IS NULL OR d.id = ?1) ORDER BY d.doc, a.seq");
	if (!st)
		return UE_EDB;
	ue_store_bind_text(st, 1, doc);
	static const char *const keys[] = {
		"doc", "source_start", "source_end", "cue_start", "cue_end",
		"content_start", "content_end", "kind", "source_kind", "hedged",
		"source", "cue", "resolved", "origin",
	};
	return ue_store_emit_rows(s, st, keys, 14, "", fn, ctx, "attributions");
}
