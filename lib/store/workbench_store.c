/* workbench_store.c - the analyst's workbench kept in SQLite: ACH
 * matrices, key assumptions and actor models, each loaded and stored whole
 * in the JSON shape of the export file; see store.h. */
#include "store/store_impl.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/json.h"

/* Prepares sql and binds the arguments that types lists: 's' a string
 * (NULL binds NULL), 'i' an int64_t, 'd' a double, 'j' a JSON value (a
 * string, number or null, bound as such). */
static sqlite3_stmt *prep(struct ue_store *s, const char *sql,
                          const char *types, ...)
{
	sqlite3_stmt *st = ue_store_prepare(s, sql);
	if (!st)
		return NULL;
	va_list ap;
	va_start(ap, types);
	for (int i = 0; types[i]; i++) {
		if (types[i] == 's') {
			ue_store_bind_text(st, i + 1, va_arg(ap, const char *));
		} else if (types[i] == 'i') {
			sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
		} else if (types[i] == 'd') {
			sqlite3_bind_double(st, i + 1, va_arg(ap, double));
		} else {
			json_t *v = va_arg(ap, json_t *);
			if (json_is_string(v))
				ue_store_bind_text(st, i + 1, json_string_value(v));
			else if (json_is_integer(v))
				sqlite3_bind_int64(st, i + 1, json_integer_value(v));
			else if (json_is_number(v))
				sqlite3_bind_double(st, i + 1, json_number_value(v));
		}
	}
	va_end(ap);
	return st;
}

/* Runs a prepared statement to its end; *rowid (when not NULL) receives
 * the id it inserted.  A constraint failure is UE_EEXIST. */
static ue_status done(struct ue_store *s, sqlite3_stmt *st, int64_t *rowid,
                      const char *what)
{
	if (!st)
		return UE_EDB;
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT) {
		ue_store_set_error(s, "%s: %s", what, sqlite3_errmsg(s->db));
		return UE_EEXIST;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return ue_store_db_error(s, what);
	if (rowid)
		*rowid = sqlite3_last_insert_rowid(s->db);
	return UE_OK;
}

/* The current row of st as an object with the given keys, leaving out
 * NULL columns; a key starting with '@' holds JSON text. */
static json_t *row_obj(sqlite3_stmt *st, const char *const *keys, int n)
{
	json_t *o = json_object();
	for (int i = 0; i < n; i++) {
		if (sqlite3_column_type(st, i) == SQLITE_NULL)
			continue;
		if (keys[i][0] == '@') {
			json_t *v = json_loads((const char *)
			        sqlite3_column_text(st, i), JSON_DECODE_ANY, NULL);
			if (v)
				json_object_set_new(o, keys[i] + 1, v);
			continue;
		}
		ue_json_set_column(o, keys[i], st, i);
	}
	return o;
}

/* Every row of st (finalized here) appended to arr as objects. */
static ue_status rows(struct ue_store *s, sqlite3_stmt *st, json_t *arr,
                      const char *const *keys, int n, const char *what)
{
	if (!st)
		return UE_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(arr, row_obj(st, keys, n));
	return ue_store_finish(s, st, rc, what);
}

static const char *const report_keys[] = {
	"doc", "start", "end", "outlet", "bloc", "origin", "origin_name",
	"origin_kind", "origin_country", "origin_bloc", "reliability",
};
#define REPORT_COLS "doc, start, end, outlet, bloc, origin, origin_name," \
	" origin_kind, origin_country, origin_bloc, reliability"

static ue_status reports_of(struct ue_store *s, const char *owner,
                            int64_t id, json_t *into)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT " REPORT_COLS " FROM wb_reports"
	         " WHERE %s = ? ORDER BY id", owner);
	json_t *arr = json_array();
	ue_status err = rows(s, prep(s, sql, "i", id), arr, report_keys, 11,
	                     "workbench reports");
	if (json_array_size(arr))
		json_object_set(into, "reports", arr);
	json_decref(arr);
	return err;
}

static ue_status put_reports(struct ue_store *s, const char *owner,
                             int64_t id, json_t *reports)
{
	char sql[256];
	snprintf(sql, sizeof sql, "INSERT INTO wb_reports(%s, " REPORT_COLS
	         ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", owner);
	size_t i;
	json_t *r;
	json_array_foreach(reports, i, r) {
#define F(k) json_object_get(r, k)
		ue_status err = done(s, prep(s, sql, "ijjjjjjjjjjj", id, F("doc"),
		        F("start"), F("end"), F("outlet"), F("bloc"), F("origin"),
		        F("origin_name"), F("origin_kind"), F("origin_country"),
		        F("origin_bloc"), F("reliability")), NULL, "report");
#undef F
		if (err)
			return err;
	}
	return UE_OK;
}

/* ---- ACH matrices ---- */

static ue_status load_ach(struct ue_store *s, json_t *m)
{
	int64_t id = json_integer_value(json_object_get(m, "id"));
	static const char *const hkeys[] = {"label", "text"};
	json_t *hyp = json_array(), *ev = json_array();
	json_object_set_new(m, "hypotheses", hyp);
	json_object_set_new(m, "evidence", ev);
	ue_status err = rows(s, prep(s, "SELECT label, text FROM ach_hypotheses"
	        " WHERE matrix = ? ORDER BY id", "i", id), hyp, hkeys, 2,
	        "hypotheses");
	static const char *const ekeys[] = {
		"id", "label", "text", "claim", "origin", "credibility",
		"relevance",
	};
	if (!err)
		err = rows(s, prep(s, "SELECT id, label, text, claim, origin,"
		        " credibility, relevance FROM ach_evidence WHERE matrix = ?"
		        " ORDER BY id", "i", id), ev, ekeys, 7, "evidence");
	size_t i;
	json_t *e;
	json_array_foreach(ev, i, e) {
		if (err)
			break;
		int64_t eid = json_integer_value(json_object_get(e, "id"));
		json_object_del(e, "id");
		json_t *ratings = json_object();
		json_object_set_new(e, "ratings", ratings);
		sqlite3_stmt *st = prep(s, "SELECT h.label, r.rating FROM"
		        " ach_ratings r JOIN ach_hypotheses h ON h.id = r.hypothesis"
		        " WHERE r.evidence = ? ORDER BY h.id", "i", eid);
		int rc = SQLITE_DONE;
		while (st && (rc = sqlite3_step(st)) == SQLITE_ROW)
			json_object_set_new(ratings,
			        (const char *)sqlite3_column_text(st, 0),
			        json_string((const char *)sqlite3_column_text(st, 1)));
		err = st ? ue_store_finish(s, st, rc, "ratings") : UE_EDB;
		if (!err)
			err = reports_of(s, "evidence", eid, e);
	}
	return err;
}

static ue_status put_ach(struct ue_store *s, json_t *m, int64_t *id)
{
#define F(o, k) json_object_get(o, k)
	json_t *w = F(m, "weights");
	char *weights = w ? json_dumps(w, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	ue_status err;
	if (*id) {
		err = done(s, prep(s, "UPDATE ach_matrices SET name = ?,"
		        " question = ?, weights = ? WHERE id = ?", "jjsi",
		        F(m, "name"), F(m, "question"), weights, *id), NULL,
		        "an ACH matrix of that name exists");
		if (!err)
			err = done(s, prep(s, "DELETE FROM ach_hypotheses WHERE"
			        " matrix = ?", "i", *id), NULL, "hypotheses");
		if (!err)
			err = done(s, prep(s, "DELETE FROM ach_evidence WHERE"
			        " matrix = ?", "i", *id), NULL, "evidence");
	} else {
		err = done(s, prep(s, "INSERT INTO ach_matrices(name, question,"
		        " weights) VALUES (?, ?, ?)", "jjs", F(m, "name"),
		        F(m, "question"), weights), id,
		        "an ACH matrix of that name exists");
	}
	free(weights);
	json_t *hid = json_object();   /* label -> id */
	size_t i;
	json_t *h, *e;
	json_array_foreach(F(m, "hypotheses"), i, h) {
		int64_t rid = 0;
		if (!err)
			err = done(s, prep(s, "INSERT INTO ach_hypotheses(matrix,"
			        " label, text) VALUES (?, ?, ?)", "ijj", *id,
			        F(h, "label"), F(h, "text")), &rid, "hypothesis");
		json_object_set_new(hid, json_string_value(F(h, "label")) ?
		        json_string_value(F(h, "label")) : "",
		        json_integer(rid));
	}
	json_array_foreach(F(m, "evidence"), i, e) {
		int64_t eid = 0;
		if (err)
			break;
		err = done(s, prep(s, "INSERT INTO ach_evidence(matrix, label,"
		        " text, claim, origin, credibility, relevance)"
		        " VALUES (?, ?, ?, ?, ?, ?, coalesce(?, 'medium'))",
		        "ijjjjjj", *id, F(e, "label"), F(e, "text"), F(e, "claim"),
		        F(e, "origin"), F(e, "credibility"), F(e, "relevance")),
		        &eid, "evidence");
		const char *k;
		json_t *r;
		json_object_foreach(F(e, "ratings"), k, r) {
			if (err)
				break;
			err = done(s, prep(s, "INSERT INTO ach_ratings(evidence,"
			        " hypothesis, rating) VALUES (?, ?, ?)", "ijj", eid,
			        F(hid, k), r), NULL, "rating");
		}
		if (!err && F(e, "reports"))
			err = put_reports(s, "evidence", eid, F(e, "reports"));
	}
	json_decref(hid);
	return err;
}

/* ---- key assumptions ---- */

static ue_status load_assumption(struct ue_store *s, json_t *a)
{
	int64_t id = json_integer_value(json_object_get(a, "id"));
	json_t *sup = json_array();
	json_object_set_new(a, "support", sup);
	static const char *const keys[] = {
		"id", "claim", "matrix", "evidence", "note",
	};
	ue_status err = rows(s, prep(s, "SELECT id, claim, matrix, evidence,"
	        " note FROM assumption_support WHERE assumption = ?"
	        " ORDER BY id", "i", id), sup, keys, 5, "support");
	size_t i;
	json_t *x;
	json_array_foreach(sup, i, x) {
		int64_t sid = json_integer_value(json_object_get(x, "id"));
		json_object_del(x, "id");
		if (!err)
			err = reports_of(s, "support", sid, x);
	}
	return err;
}

static ue_status put_assumption(struct ue_store *s, json_t *a, int64_t *id)
{
	ue_status err;
	if (*id) {
		err = done(s, prep(s, "UPDATE assumptions SET label = ?, text = ?"
		        " WHERE id = ?", "jji", F(a, "label"), F(a, "text"), *id),
		        NULL, "an assumption of that label exists");
		if (!err)
			err = done(s, prep(s, "DELETE FROM assumption_support WHERE"
			        " assumption = ?", "i", *id), NULL, "support");
	} else {
		err = done(s, prep(s, "INSERT INTO assumptions(label, text)"
		        " VALUES (?, ?)", "jj", F(a, "label"), F(a, "text")), id,
		        "an assumption of that label exists");
	}
	size_t i;
	json_t *x;
	json_array_foreach(F(a, "support"), i, x) {
		int64_t sid = 0;
		if (!err)
			err = done(s, prep(s, "INSERT INTO assumption_support("
			        "assumption, claim, matrix, evidence, note)"
			        " VALUES (?, ?, ?, ?, ?)", "ijjjj", *id, F(x, "claim"),
			        F(x, "matrix"), F(x, "evidence"), F(x, "note")), &sid,
			        "support");
		if (!err && F(x, "reports"))
			err = put_reports(s, "support", sid, F(x, "reports"));
	}
	return err;
}

/* ---- actor models ---- */

static ue_status load_actor(struct ue_store *s, json_t *a)
{
	int64_t id = json_integer_value(json_object_get(a, "id"));
	json_t *opt = json_array(), *cri = json_array(), *sc = json_object();
	json_object_set_new(a, "options", opt);
	json_object_set_new(a, "criteria", cri);
	json_object_set_new(a, "scores", sc);
	static const char *const okeys[] = {"label", "text"};
	static const char *const ckeys[] = {
		"label", "text", "weight", "analyst_weight",
	};
	ue_status err = rows(s, prep(s, "SELECT label, text FROM actor_options"
	        " WHERE actor = ? ORDER BY id", "i", id), opt, okeys, 2,
	        "options");
	if (!err)
		err = rows(s, prep(s, "SELECT label, text, weight, analyst_weight"
		        " FROM actor_criteria WHERE actor = ? ORDER BY id", "i", id),
		        cri, ckeys, 4, "criteria");
	if (err)
		return err;
	sqlite3_stmt *st = prep(s, "SELECT o.label, c.label, x.score"
	        " FROM actor_scores x JOIN actor_options o ON o.id = x.option"
	        " JOIN actor_criteria c ON c.id = x.criterion"
	        " WHERE o.actor = ? ORDER BY o.id, c.id", "i", id);
	int rc = SQLITE_DONE;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *o = (const char *)sqlite3_column_text(st, 0);
		json_t *row = json_object_get(sc, o);
		if (!row)
			json_object_set_new(sc, o, row = json_object());
		json_object_set_new(row, (const char *)sqlite3_column_text(st, 1),
		                    json_real(sqlite3_column_double(st, 2)));
	}
	return st ? ue_store_finish(s, st, rc, "scores") : UE_EDB;
}

static ue_status put_actor(struct ue_store *s, json_t *a, int64_t *id)
{
	ue_status err;
	if (*id) {
		err = done(s, prep(s, "UPDATE actors SET name = ?, description = ?,"
		        " analyst = ? WHERE id = ?", "jjji", F(a, "name"),
		        F(a, "description"), F(a, "analyst"), *id), NULL,
		        "an actor model of that name exists");
		if (!err)
			err = done(s, prep(s, "DELETE FROM actor_options WHERE"
			        " actor = ?", "i", *id), NULL, "options");
		if (!err)
			err = done(s, prep(s, "DELETE FROM actor_criteria WHERE"
			        " actor = ?", "i", *id), NULL, "criteria");
	} else {
		err = done(s, prep(s, "INSERT INTO actors(name, description,"
		        " analyst) VALUES (?, ?, ?)", "jjj", F(a, "name"),
		        F(a, "description"), F(a, "analyst")), id,
		        "an actor model of that name exists");
	}
	json_t *oid = json_object(), *cid = json_object();
	size_t i;
	json_t *x;
	json_array_foreach(F(a, "options"), i, x) {
		int64_t rid = 0;
		if (!err)
			err = done(s, prep(s, "INSERT INTO actor_options(actor, label,"
			        " text) VALUES (?, ?, ?)", "ijj", *id, F(x, "label"),
			        F(x, "text")), &rid, "option");
		json_object_set_new(oid, json_string_value(F(x, "label")),
		                    json_integer(rid));
	}
	json_array_foreach(F(a, "criteria"), i, x) {
		int64_t rid = 0;
		if (!err)
			err = done(s, prep(s, "INSERT INTO actor_criteria(actor, label,"
			        " text, weight, analyst_weight) VALUES (?, ?, ?, ?, ?)",
			        "ijjjj", *id, F(x, "label"), F(x, "text"),
			        F(x, "weight"), F(x, "analyst_weight")), &rid,
			        "criterion");
		json_object_set_new(cid, json_string_value(F(x, "label")),
		                    json_integer(rid));
	}
	const char *o, *c;
	json_t *row, *v;
	json_object_foreach(F(a, "scores"), o, row)
		json_object_foreach(row, c, v)
			if (!err)
				err = done(s, prep(s, "INSERT INTO actor_scores(option,"
				        " criterion, score) VALUES (?, ?, ?)", "jjj",
				        F(oid, o), F(cid, c), v), NULL, "score");
	json_decref(oid);
	json_decref(cid);
	return err;
#undef F
}

/* ---- the kinds together ---- */

static const struct kind {
	const char *table, *name_col, *what, *select;
	const char *const *keys;
	int nkeys;
	ue_status (*load)(struct ue_store *s, json_t *item);
	ue_status (*put)(struct ue_store *s, json_t *item, int64_t *id);
} kinds[] = {
	{"ach_matrices", "name", "ACH matrix",
	 "SELECT id, name, question, weights FROM ach_matrices",
	 (const char *const[]){"id", "name", "question", "@weights"}, 4,
	 load_ach, put_ach},
	{"assumptions", "label", "assumption",
	 "SELECT id, label, text FROM assumptions",
	 (const char *const[]){"id", "label", "text"}, 3,
	 load_assumption, put_assumption},
	{"actors", "name", "actor model",
	 "SELECT id, name, description, analyst FROM actors",
	 (const char *const[]){"id", "name", "description", "analyst"}, 4,
	 load_actor, put_actor},
};

ue_status ue_store_wb_load(struct ue_store *s, enum ue_wb_kind kind,
                           int64_t id, json_t **out)
{
	const struct kind *k = &kinds[kind];
	char sql[256];
	snprintf(sql, sizeof sql, "%s WHERE ?1 = 0 OR id = ?1 ORDER BY id",
	         k->select);
	json_t *arr = json_array();
	ue_status err = rows(s, prep(s, sql, "i", id), arr, k->keys, k->nkeys,
	                     k->what);
	size_t i;
	json_t *item;
	json_array_foreach(arr, i, item)
		if (!err)
			err = k->load(s, item);
	if (err) {
		json_decref(arr);
		arr = NULL;
	}
	*out = arr;
	return err;
}

ue_status ue_store_wb_put(struct ue_store *s, enum ue_wb_kind kind,
                          json_t *item, int64_t *id)
{
	return kinds[kind].put(s, item, id);
}

ue_status ue_store_wb_delete(struct ue_store *s, enum ue_wb_kind kind,
                             int64_t id)
{
	char sql[128];
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?",
	         kinds[kind].table);
	return done(s, prep(s, sql, "i", id), NULL, kinds[kind].what);
}

ue_status ue_store_wb_find(struct ue_store *s, enum ue_wb_kind kind,
                           const char *ref, int64_t *id)
{
	const struct kind *k = &kinds[kind];
	char sql[256];
	/* The name first: a matrix may be called "2". */
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE %s = ?1 UNION ALL"
	         " SELECT id FROM %s WHERE CAST(id AS TEXT) = ?1 LIMIT 1",
	         k->table, k->name_col, k->table);
	sqlite3_stmt *st = prep(s, sql, "s", ref ? ref : "");
	if (!st)
		return UE_EDB;
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	ue_status err = ue_store_finish(s, st, rc, k->what);
	if (!err && !*id) {
		ue_store_set_error(s, "no %s '%s'", k->what, ref ? ref : "");
		return UE_ENOTFOUND;
	}
	return err;
}

ue_status ue_store_wb_rename_matrix(struct ue_store *s, const char *from,
                                    const char *to)
{
	return done(s, prep(s, "UPDATE assumption_support SET matrix = ?"
	        " WHERE matrix = ?", "ss", to, from), NULL, "support");
}

/* ---- what evidence draws on: claims and origins ---- */

#define CLAIM_TEXT "CAST(substr(CAST(t.text AS BLOB), c.rep_start + 1," \
	" c.rep_end - c.rep_start) AS TEXT)"

ue_status ue_store_claim_reports(struct ue_store *s, int64_t claim,
                                 json_t **reports, char **text)
{
	*reports = NULL;
	*text = NULL;
	sqlite3_stmt *st = prep(s, "SELECT " CLAIM_TEXT " FROM claims c"
	        " JOIN texts t ON t.id = c.rep_text WHERE c.id = ?", "i", claim);
	if (!st)
		return UE_EDB;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*text = strdup((const char *)sqlite3_column_text(st, 0));
	ue_status err = ue_store_finish(s, st, rc, "claim");
	if (err)
		return err;
	if (rc != SQLITE_ROW) {
		ue_store_set_error(s, "no claim %lld (see 'unecho claims')",
		                   (long long)claim);
		return UE_ENOTFOUND;
	}
	json_t *arr = json_array();
	err = rows(s, prep(s, "SELECT d.id, m.start, m.end,"
	        " coalesce(ob.name, d.outlet_name), " DOC_BLOC ", o.key, o.name,"
	        " o.kind, coalesce(o.country, g.country), b.bloc, g.reliability"
	        " FROM claim_mentions m JOIN documents d ON d.doc = m.doc"
	        " JOIN found_origins o ON o.id = m.origin"
	        " LEFT JOIN outlet_blocs ob ON ob.id = d.outlet"
	        " LEFT JOIN origins g ON g.id = o.known"
	        " LEFT JOIN blocs b ON b.country = coalesce(o.country, g.country)"
	        " WHERE m.claim = ? ORDER BY d.published_ts IS NULL,"
	        " d.published_ts, d.doc, m.start", "i", claim), arr, report_keys,
	        11, "claim reports");
	if (err) {
		json_decref(arr);
		free(*text);
		*text = NULL;
		return err;
	}
	*reports = arr;
	return UE_OK;
}

ue_status ue_store_claim_by_text(struct ue_store *s, const char *needle,
                                 int64_t *claim)
{
	sqlite3_stmt *st = prep(s, "SELECT c.id FROM claims c JOIN texts t"
	        " ON t.id = c.rep_text WHERE instr(" CLAIM_TEXT ", ?) > 0"
	        " ORDER BY c.id LIMIT 1", "s", needle);
	if (!st)
		return UE_EDB;
	int rc = sqlite3_step(st);
	*claim = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	ue_status err = ue_store_finish(s, st, rc, "claim");
	if (!err && !*claim) {
		ue_store_set_error(s, "no claim's text contains '%s'", needle);
		return UE_ENOTFOUND;
	}
	return err;
}

ue_status ue_store_origin_info(struct ue_store *s, const char *key,
                               json_t **out)
{
	*out = NULL;
	sqlite3_stmt *st = prep(s, "SELECT CASE WHEN instr(?1, ':') = 0 AND"
	        " EXISTS (SELECT 1 FROM origins WHERE id = ?1)"
	        " THEN 'known:' || ?1 ELSE ?1 END", "s", key);
	if (!st)
		return UE_EDB;
	int rc = sqlite3_step(st);
	char *norm = rc == SQLITE_ROW ?
	        strdup((const char *)sqlite3_column_text(st, 0)) : NULL;
	ue_status err = ue_store_finish(s, st, rc, "origin");
	if (err || !norm) {
		free(norm);
		return err ? err : UE_ENOMEM;
	}
	static const char *const keys[] = {
		"origin", "origin_name", "origin_kind", "origin_country",
		"origin_bloc", "reliability",
	};
	json_t *arr = json_array();
	err = rows(s, prep(s, "SELECT ?1, coalesce(f.name, g.name),"
	        " coalesce(f.kind, g.kind), coalesce(f.country, g.country),"
	        " b.bloc, g.reliability FROM (SELECT 1)"
	        " LEFT JOIN found_origins f ON f.key = ?1"
	        " LEFT JOIN origins g ON g.id = CASE WHEN ?1 LIKE 'known:%'"
	        "  THEN substr(?1, 7) ELSE f.known END"
	        " LEFT JOIN blocs b ON b.country = coalesce(f.country, g.country)",
	        "s", norm), arr, keys, 6, "origin");
	free(norm);
	if (!err)
		*out = json_incref(json_array_get(arr, 0));
	json_decref(arr);
	return err;
}
