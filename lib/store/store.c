/* store.c - the SQLite store: opening, transactions, documents, outlets,
 * origins and the ingest log; see store.h. */
#include "store/store_impl.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/json.h"
#include "store/schema.h"

static const char *const sql_text[SQL_COUNT] = {
	[SQL_DOC_EXISTS] = "SELECT 1 FROM documents WHERE id = ?",
	[SQL_TEXT_FIND] = "SELECT id FROM texts WHERE hash = ?",
	[SQL_TEXT_ADD] = "INSERT INTO texts(hash, bytes, text) VALUES (?, ?, ?)",
	[SQL_DOC_ADD] =
		"INSERT INTO documents(id, text, outlet_name, outlet, url, title,"
		" author, published, published_ts, language, language_detected,"
		" meta, ingest_file, record)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[SQL_ALIAS_FIND] =
		"SELECT a.outlet, o.source FROM outlet_aliases a"
		" JOIN outlets o ON o.id = a.outlet WHERE a.alias = ?",
	[SQL_OUTLET_ADD_SEEN] =
		"INSERT INTO outlets(name, domains, source) VALUES (?, ?, 'seen')",
	[SQL_ALIAS_ADD] =
		"INSERT OR IGNORE INTO outlet_aliases(alias, outlet) VALUES (?, ?)",
	[SQL_PAIR_PUT] =
		"INSERT OR REPLACE INTO text_pairs(a_text, b_text, a_coverage,"
		" b_coverage, passages) VALUES (?, ?, ?, ?, ?)",
	[SQL_REUSE_TEXT_PUT] =
		"INSERT OR REPLACE INTO reuse_texts(text, content_tokens, sketch)"
		" VALUES (?, ?, ?)",
	[SQL_REUSE_DOC_PUT] =
		"INSERT INTO reuse_docs(doc, reuse_fraction, reuse_class, sources)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT(doc) DO UPDATE SET"
		" reuse_fraction = ?2, reuse_class = ?3, sources = ?4",
	[SQL_FEATURES_PUT] =
		"INSERT OR REPLACE INTO text_features(text, terms, mentions)"
		" VALUES (?, ?, ?)",
	[SQL_ATTRIBUTION_PUT] =
		"INSERT OR REPLACE INTO attributions(text, seq, source_start,"
		" source_end, cue_start, cue_end, content_start, content_end,"
		" resolved_start, resolved_end, kind, source_kind, hedged)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	[SQL_DOC_BRIEF] =
		"SELECT coalesce(ob.name, d.outlet_name), ob.type, " DOC_BLOC ","
		" d.url, d.title FROM documents d"
		" LEFT JOIN outlet_blocs ob ON ob.id = d.outlet WHERE d.id = ?",
};

ue_status ue_store_db_error(struct ue_store *s, const char *what)
{
	snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", what,
	         sqlite3_errmsg(s->db));
	return UE_EDB;
}

void ue_store_set_error(struct ue_store *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
	va_end(ap);
}

const char *ue_store_errmsg(const struct ue_store *s)
{
	return s->errmsg;
}

sqlite3_stmt *ue_store_stmt(struct ue_store *s, enum stmt_id id)
{
	if (!s->stmt[id] &&
	    sqlite3_prepare_v3(s->db, sql_text[id], -1, SQLITE_PREPARE_PERSISTENT,
	                       &s->stmt[id], NULL) != SQLITE_OK) {
		ue_store_db_error(s, "prepare");
		return NULL;
	}
	sqlite3_reset(s->stmt[id]);
	sqlite3_clear_bindings(s->stmt[id]);
	return s->stmt[id];
}

int ue_store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC)
	         : sqlite3_bind_null(st, i);
}

ue_status ue_store_open(const char *path, struct ue_store **out,
                        char *err, size_t errlen)
{
	*out = NULL;
	struct ue_store *s = calloc(1, sizeof *s);
	if (!s)
		return UE_ENOMEM;
	int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE |
	                         SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot open database %s: %s", path,
		         s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		ue_store_free(s);
		return UE_EDB;
	}
	sqlite3_busy_timeout(s->db, 10000);
	char *msg = NULL;
	if (sqlite3_exec(s->db, "PRAGMA journal_mode = WAL;"
	                 "PRAGMA synchronous = NORMAL;"
	                 "PRAGMA foreign_keys = ON;"
	                 "PRAGMA cache_size = -65536;", NULL, NULL, &msg)) {
		snprintf(err, errlen, "cannot open database %s: %s", path,
		         msg ? msg : "?");
		sqlite3_free(msg);
		ue_store_free(s);
		return UE_EDB;
	}
	ue_status st = ue_schema_migrate(s->db, err, errlen);
	if (st) {
		ue_store_free(s);
		return st;
	}
	*out = s;
	return UE_OK;
}

void ue_store_free(struct ue_store *s)
{
	if (!s)
		return;
	if (s->in_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	for (int i = 0; i < SQL_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s);
}

static ue_status exec(struct ue_store *s, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		ue_store_set_error(s, "%s: %s", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return UE_EDB;
	}
	return UE_OK;
}

ue_status ue_store_begin(struct ue_store *s)
{
	ue_status st = exec(s, "BEGIN IMMEDIATE");
	s->in_tx = st == UE_OK;
	return st;
}

ue_status ue_store_commit(struct ue_store *s)
{
	ue_status st = exec(s, "COMMIT");
	if (st == UE_OK)
		s->in_tx = 0;
	return st;
}

ue_status ue_store_rollback(struct ue_store *s)
{
	s->in_tx = 0;
	return exec(s, "ROLLBACK");
}

/* Runs a one-off statement with string parameters (NULL binds NULL). */
static ue_status run(struct ue_store *s, const char *sql, int n,
                     const char *const *params, int64_t *rowid)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return ue_store_db_error(s, "prepare");
	for (int i = 0; i < n; i++)
		ue_store_bind_text(st, i + 1, params[i]);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return ue_store_db_error(s, "update");
	if (rowid)
		*rowid = sqlite3_last_insert_rowid(s->db);
	return UE_OK;
}

/* ---- documents ---- */

ue_status ue_store_doc_exists(struct ue_store *s, const char *id, int *exists)
{
	sqlite3_stmt *st = ue_store_stmt(s, SQL_DOC_EXISTS);
	if (!st)
		return UE_EDB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return ue_store_db_error(s, "document lookup");
	*exists = rc == SQLITE_ROW;
	return UE_OK;
}

static ue_status text_id(struct ue_store *s, const struct ue_store_doc *d,
                         int64_t *id)
{
	sqlite3_stmt *st = ue_store_stmt(s, SQL_TEXT_FIND);
	if (!st)
		return UE_EDB;
	sqlite3_bind_blob(st, 1, d->hash, sizeof d->hash, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		return UE_OK;
	}
	if (rc != SQLITE_DONE)
		return ue_store_db_error(s, "text lookup");
	if (!(st = ue_store_stmt(s, SQL_TEXT_ADD)))
		return UE_EDB;
	sqlite3_bind_blob(st, 1, d->hash, sizeof d->hash, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)d->text_len);
	sqlite3_bind_text(st, 3, d->text, (int)d->text_len, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return ue_store_db_error(s, "text insert");
	*id = sqlite3_last_insert_rowid(s->db);
	return UE_OK;
}

ue_status ue_store_doc_add(struct ue_store *s, const struct ue_store_doc *d)
{
	int64_t text = 0;
	ue_status err = text_id(s, d, &text);
	if (err)
		return err;
	sqlite3_stmt *st = ue_store_stmt(s, SQL_DOC_ADD);
	if (!st)
		return UE_EDB;
	ue_store_bind_text(st, 1, d->id);
	sqlite3_bind_int64(st, 2, text);
	ue_store_bind_text(st, 3, d->outlet_name);
	if (d->outlet)
		sqlite3_bind_int64(st, 4, d->outlet);
	ue_store_bind_text(st, 5, d->url);
	ue_store_bind_text(st, 6, d->title);
	ue_store_bind_text(st, 7, d->author);
	ue_store_bind_text(st, 8, d->published);
	if (d->published)
		sqlite3_bind_int64(st, 9, d->published_ts);
	ue_store_bind_text(st, 10, d->language);
	sqlite3_bind_int(st, 11, d->language_detected);
	ue_store_bind_text(st, 12, d->meta);
	if (d->ingest_file)
		sqlite3_bind_int64(st, 13, d->ingest_file);
	sqlite3_bind_int64(st, 14, (sqlite3_int64)d->record);
	if (sqlite3_step(st) != SQLITE_DONE)
		return ue_store_db_error(s, "document insert");
	return UE_OK;
}

/* ---- outlets ---- */

/* The outlet an alias points to (0: none) and whether it is "seen". */
static ue_status alias_find(struct ue_store *s, const char *alias,
                            int64_t *outlet, int *seen)
{
	*outlet = 0;
	*seen = 0;
	sqlite3_stmt *st = ue_store_stmt(s, SQL_ALIAS_FIND);
	if (!st)
		return UE_EDB;
	sqlite3_bind_text(st, 1, alias, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*outlet = sqlite3_column_int64(st, 0);
		*seen = strcmp((const char *)sqlite3_column_text(st, 1),
		               "seen") == 0;
	} else if (rc != SQLITE_DONE) {
		return ue_store_db_error(s, "alias lookup");
	}
	return UE_OK;
}

static ue_status alias_add(struct ue_store *s, const char *alias,
                           int64_t outlet)
{
	sqlite3_stmt *st = ue_store_stmt(s, SQL_ALIAS_ADD);
	if (!st)
		return UE_EDB;
	sqlite3_bind_text(st, 1, alias, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, outlet);
	if (sqlite3_step(st) != SQLITE_DONE)
		return ue_store_db_error(s, "alias insert");
	return UE_OK;
}

/* Copies the host of url, lower case and without "www.", into host. */
static int url_host(const char *url, char *host, size_t len)
{
	if (!url)
		return 0;
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	const char *at = strpbrk(p, "@/");
	if (at && *at == '@')
		p = at + 1;
	size_t n = strcspn(p, ":/?#");
	if (n == 0 || n >= len)
		return 0;
	for (size_t i = 0; i < n; i++)
		host[i] = (char)tolower((unsigned char)p[i]);
	host[n] = '\0';
	if (strncmp(host, "www.", 4) == 0)
		memmove(host, host + 4, n - 3);
	return strchr(host, '.') != NULL;
}

ue_status ue_store_outlet_resolve(struct ue_store *s, const char *name,
                                  const char *url, int64_t *outlet)
{
	*outlet = 0;
	int seen;
	ue_status err;
	if (name && *name && (err = alias_find(s, name, outlet, &seen)))
		return err;
	if (*outlet)
		return UE_OK;
	char host[256];
	int has_host = url_host(url, host, sizeof host);
	for (const char *h = host; has_host && h; ) {
		if ((err = alias_find(s, h, outlet, &seen)))
			return err;
		if (*outlet)
			return UE_OK;
		h = strchr(h, '.');
		if (h && strchr(h + 1, '.'))
			h++;
		else
			h = NULL;   /* stop at the registrable domain */
	}
	const char *label = name && *name ? name : has_host ? host : NULL;
	if (!label)
		return UE_OK;
	sqlite3_stmt *st = ue_store_stmt(s, SQL_OUTLET_ADD_SEEN);
	if (!st)
		return UE_EDB;
	sqlite3_bind_text(st, 1, label, -1, SQLITE_STATIC);
	ue_store_bind_text(st, 2, has_host ? host : NULL);
	if (sqlite3_step(st) != SQLITE_DONE)
		return ue_store_db_error(s, "outlet insert");
	*outlet = sqlite3_last_insert_rowid(s->db);
	if ((err = alias_add(s, label, *outlet)))
		return err;
	if (has_host && (err = alias_add(s, host, *outlet)))
		return err;
	return UE_OK;
}

/* Moves the documents of an unknown outlet to another and drops it. */
static ue_status merge_seen(struct ue_store *s, int64_t seen, int64_t into)
{
	char a[32], b[32];
	snprintf(a, sizeof a, "%lld", (long long)into);
	snprintf(b, sizeof b, "%lld", (long long)seen);
	const char *p[] = {a, b};
	ue_status err = run(s, "UPDATE documents SET outlet = ?1 WHERE outlet = ?2",
	                    2, p, NULL);
	if (!err)
		err = run(s, "DELETE FROM outlets WHERE id = ?2", 2, p, NULL);
	return err;
}

/* Points alias at outlet, taking it from whatever it named before. */
static ue_status alias_claim(struct ue_store *s, const char *alias,
                             int64_t outlet)
{
	int64_t old;
	int seen;
	ue_status err = alias_find(s, alias, &old, &seen);
	if (err || old == outlet)
		return err;
	if (old && seen)
		err = merge_seen(s, old, outlet);
	else if (old) {
		char o[32];
		snprintf(o, sizeof o, "%lld", (long long)outlet);
		const char *p[] = {o, alias};
		err = run(s, "UPDATE outlet_aliases SET outlet = ?1 WHERE alias = ?2",
		          2, p, NULL);
		return err;
	}
	if (!err)
		err = alias_add(s, alias, outlet);
	return err;
}

/* Calls fn for each trimmed item of a ';'-separated list. */
static ue_status each_item(struct ue_store *s, const char *list,
                           int64_t outlet,
                           ue_status (*fn)(struct ue_store *, const char *,
                                           int64_t))
{
	if (!list)
		return UE_OK;
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ";");
		const char *a = p, *b = p + n;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (b > a) {
			char item[512];
			snprintf(item, sizeof item, "%.*s", (int)(b - a), a);
			ue_status err = fn(s, item, outlet);
			if (err)
				return err;
		}
		p += n + (p[n] == ';');
	}
	return UE_OK;
}

ue_status ue_store_outlet_put(struct ue_store *s,
                              const struct ue_outlet_entry *e)
{
	int64_t id = 0;
	int seen = 0;
	ue_status err = alias_find(s, e->name, &id, &seen);
	if (err)
		return err;
	char sa[8];
	snprintf(sa, sizeof sa, "%d", e->state_affiliated);
	const char *p[] = {
		e->name, e->domains, e->country, e->type,
		e->state_affiliated < 0 ? NULL : sa, e->owner, e->language,
		e->source, NULL,
	};
	char idbuf[32];
	if (id) {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
		p[8] = idbuf;
		/* Keep the stored name when the entry names it by an alias,
		 * unless the stored one is only a name seen in documents. */
		err = run(s, "UPDATE outlets SET"
		          " name = CASE WHEN source = 'seen' OR name = ?1"
		          "   THEN ?1 ELSE name END,"
		          " domains = coalesce(?2, domains),"
		          " country = coalesce(?3, country), type = coalesce(?4, type),"
		          " state_affiliated = coalesce(?5, state_affiliated),"
		          " owner = coalesce(?6, owner),"
		          " language = coalesce(?7, language), source = ?8"
		          " WHERE id = ?9"
		          /* what users imported wins over built-in data */
		          "   AND NOT (source = 'import' AND ?8 = 'builtin')",
		          9, p, NULL);
	} else {
		err = run(s, "INSERT INTO outlets(name, domains, country, type,"
		          " state_affiliated, owner, language, source)"
		          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", 8, p, &id);
	}
	if (!err)
		err = alias_claim(s, e->name, id);
	if (!err)
		err = each_item(s, e->aliases, id, alias_claim);
	if (!err)
		err = each_item(s, e->domains, id, alias_claim);
	return err;
}

ue_status ue_store_bloc_put(struct ue_store *s, const char *country,
                            const char *bloc)
{
	const char *p[] = {country, bloc};
	return run(s, "INSERT OR REPLACE INTO blocs(country, bloc) VALUES (?, ?)",
	           2, p, NULL);
}

/* ---- origins ---- */

static ue_status origin_alias(struct ue_store *s, const char *alias,
                              const char *origin)
{
	const char *p[] = {alias, origin};
	return run(s, "INSERT OR REPLACE INTO origin_aliases(alias, origin)"
	           " VALUES (?, ?)", 2, p, NULL);
}

ue_status ue_store_origin_put(struct ue_store *s,
                              const struct ue_origin_entry *e)
{
	const char *p[] = {e->id, e->name, e->kind, e->country,
	                   e->reliability ? e->reliability : "F", e->source};
	ue_status err = run(s, "INSERT INTO origins(id, name, kind, country,"
	                    " reliability, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	                    " ON CONFLICT(id) DO UPDATE SET name = ?2, kind = ?3,"
	                    " country = ?4, reliability = ?5, source = ?6",
	                    6, p, NULL);
	if (!err)
		err = origin_alias(s, e->name, e->id);
	const char *list = e->aliases;
	while (!err && list && *list) {
		size_t n = strcspn(list, ";");
		char item[512];
		snprintf(item, sizeof item, "%.*s", (int)n, list);
		if (item[0])
			err = origin_alias(s, item, e->id);
		list += n + (list[n] == ';');
	}
	return err;
}

/* ---- meta ---- */

ue_status ue_store_meta_get(struct ue_store *s, const char *key, char **value)
{
	*value = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?",
	                       -1, &st, NULL) != SQLITE_OK)
		return ue_store_db_error(s, "prepare");
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	ue_status err = UE_OK;
	if (rc == SQLITE_ROW) {
		*value = strdup((const char *)sqlite3_column_text(st, 0));
		if (!*value)
			err = UE_ENOMEM;
	} else if (rc != SQLITE_DONE) {
		err = ue_store_db_error(s, "meta lookup");
	}
	sqlite3_finalize(st);
	return err;
}

ue_status ue_store_meta_set(struct ue_store *s, const char *key,
                            const char *value)
{
	const char *p[] = {key, value};
	return run(s, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
	           2, p, NULL);
}

/* ---- the ingest log ---- */

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

ue_status ue_store_file_begin(struct ue_store *s, const char *path,
                              const char *format, int64_t *file)
{
	char now[32];
	now_iso(now);
	const char *p[] = {path, format, now};
	return run(s, "INSERT INTO ingest_files(path, format, started, status)"
	           " VALUES (?, ?, ?, 'running')", 3, p, file);
}

ue_status ue_store_file_update(struct ue_store *s, int64_t file,
                               const struct ue_file_counts *c,
                               const char *status, const char *error)
{
	char now[32], v[5][24];
	now_iso(now);
	snprintf(v[0], sizeof v[0], "%llu", (unsigned long long)c->records);
	snprintf(v[1], sizeof v[1], "%llu", (unsigned long long)c->added);
	snprintf(v[2], sizeof v[2], "%llu", (unsigned long long)c->duplicates);
	snprintf(v[3], sizeof v[3], "%llu", (unsigned long long)c->rejected);
	snprintf(v[4], sizeof v[4], "%lld", (long long)file);
	int running = strcmp(status, "running") == 0;
	const char *p[] = {v[0], v[1], v[2], v[3], status,
	                   running ? NULL : now, error, v[4]};
	return run(s, "UPDATE ingest_files SET records = ?1, added = ?2,"
	           " duplicates = ?3, rejected = ?4, status = ?5, finished = ?6,"
	           " error = ?7 WHERE id = ?8", 8, p, NULL);
}

ue_status ue_store_file_reject(struct ue_store *s, int64_t file,
                               uint64_t line, const char *reason)
{
	char f[24], l[24];
	snprintf(f, sizeof f, "%lld", (long long)file);
	snprintf(l, sizeof l, "%llu", (unsigned long long)line);
	const char *p[] = {f, l, reason};
	return run(s, "INSERT INTO ingest_rejections(file, line, reason)"
	           " VALUES (?, ?, ?)", 3, p, NULL);
}

ue_status ue_store_files_interrupted(struct ue_store *s)
{
	return run(s, "UPDATE ingest_files SET status = 'interrupted'"
	           " WHERE status = 'running'", 0, NULL, NULL);
}

sqlite3_stmt *ue_store_prepare(struct ue_store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		ue_store_db_error(s, "query");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

ue_status ue_store_finish(struct ue_store *s, sqlite3_stmt *st, int rc,
                          const char *what)
{
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return ue_store_db_error(s, what);
	return UE_OK;
}

ue_status ue_store_emit_rows(struct ue_store *s, sqlite3_stmt *st,
                             const char *const *keys, int n,
                             const char *json_keys, ue_row_fn fn,
                             void *ctx, const char *what)
{
	ue_status err = UE_OK;
	int rc;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = json_object();
		for (int i = 0; i < n; i++) {
			char mark[64];
			snprintf(mark, sizeof mark, " %s ", keys[i]);
			if (strstr(json_keys, mark)) {
				const char *src = (const char *)
				        sqlite3_column_text(st, i);
				json_t *v = src ? json_loads(src, JSON_DECODE_ANY,
				                             NULL) : NULL;
				json_object_set_new(o, keys[i], v ? v : json_null());
				continue;
			}
			ue_json_set_column(o, keys[i], st, i);
		}
		err = ue_json_emit(o, fn, ctx);
	}
	if (!err && rc != SQLITE_DONE)
		err = ue_store_db_error(s, what);
	sqlite3_finalize(st);
	return err;
}
