/* reuse_store.c - the tables of the reuse stage; see store.h. */
#include "store/store_impl.h"

#include "common/buf.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

ue_status ue_store_doc_metas(struct ue_store *s, struct ue_doc_meta **out,
                             size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = ue_store_prepare(s,
	        "SELECT d.doc, d.text, coalesce(d.outlet, 0), d.published_ts,"
	        " coalesce(o.type = 'wire', 0),"
	        " EXISTS (SELECT 1 FROM reuse_docs r WHERE r.doc = d.doc),"
	        " d.id, coalesce(o.name, d.outlet_name, ''), t.bytes"
	        " FROM documents d JOIN texts t ON t.id = d.text"
	        " LEFT JOIN outlets o ON o.id = d.outlet"
	        " ORDER BY d.doc");
	if (!st)
		return UE_EDB;
	size_t alloc = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == alloc) {
			alloc = alloc ? alloc * 2 : 1024;
			struct ue_doc_meta *p = realloc(*out, alloc * sizeof *p);
			if (!p) {
				sqlite3_finalize(st);
				return UE_ENOMEM;
			}
			*out = p;
		}
		struct ue_doc_meta *m = &(*out)[(*n)++];
		m->doc = sqlite3_column_int64(st, 0);
		m->text = sqlite3_column_int64(st, 1);
		m->outlet = sqlite3_column_int64(st, 2);
		m->dated = sqlite3_column_type(st, 3) != SQLITE_NULL;
		m->ts = sqlite3_column_int64(st, 3);
		m->wire = sqlite3_column_int(st, 4);
		m->analysed = sqlite3_column_int(st, 5);
		m->name = strdup((const char *)sqlite3_column_text(st, 6));
		m->outlet_name = strdup((const char *)sqlite3_column_text(st, 7));
		m->bytes = sqlite3_column_int64(st, 8);
		if (!m->name || !m->outlet_name) {
			sqlite3_finalize(st);
			return UE_ENOMEM;
		}
	}
	return ue_store_finish(s, st, rc, "documents");
}

void ue_doc_metas_free(struct ue_doc_meta *m, size_t n)
{
	for (size_t i = 0; m && i < n; i++) {
		free(m[i].name);
		free(m[i].outlet_name);
	}
	free(m);
}

ue_status ue_store_reuse_sketches(struct ue_store *s,
        int (*fn)(void *ctx, int64_t text, uint32_t content_tokens,
                  const uint32_t *keys, size_t n), void *ctx)
{
	sqlite3_stmt *st = ue_store_prepare(s, "SELECT text, content_tokens, sketch"
	                              " FROM reuse_texts ORDER BY text");
	if (!st)
		return UE_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const void *blob = sqlite3_column_blob(st, 2);
		size_t bytes = (size_t)sqlite3_column_bytes(st, 2);
		if (fn(ctx, sqlite3_column_int64(st, 0),
		       (uint32_t)sqlite3_column_int64(st, 1), blob,
		       bytes / sizeof(uint32_t))) {
			sqlite3_finalize(st);
			return UE_ECANCELLED;
		}
	}
	return ue_store_finish(s, st, rc, "sketches");
}

ue_status ue_store_reuse_text_put(struct ue_store *s, int64_t text,
                                  uint32_t content_tokens,
                                  const uint32_t *keys, size_t n)
{
	sqlite3_stmt *st = ue_store_stmt(s, SQL_REUSE_TEXT_PUT);
	if (!st)
		return UE_EDB;
	sqlite3_bind_int64(st, 1, text);
	sqlite3_bind_int64(st, 2, content_tokens);
	sqlite3_bind_blob(st, 3, keys, (int)(n * sizeof *keys), SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? UE_OK : ue_store_db_error(s, "reuse_texts");
}

ue_status ue_store_text_pair_put(struct ue_store *s, int64_t a, int64_t b,
                                 double a_coverage, double b_coverage,
                                 const struct ue_store_passage *p, size_t n)
{
	sqlite3_stmt *st = ue_store_stmt(s, SQL_PAIR_PUT);
	if (!st)
		return UE_EDB;
	struct ue_buf json = UE_BUF_INIT;
	ue_buf_putc(&json, '[');
	for (size_t i = 0; i < n; i++)
		ue_buf_printf(&json, "%s[%u,%u,%u,%u,%u,%u,%u,%u,%.4f]",
		              i ? "," : "", p[i].a_start, p[i].a_end,
		              p[i].b_start, p[i].b_end, p[i].a_first, p[i].a_last,
		              p[i].b_first, p[i].b_last, p[i].score);
	if (ue_buf_putc(&json, ']')) {
		ue_buf_release(&json);
		return UE_ENOMEM;
	}
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	sqlite3_bind_double(st, 3, a_coverage);
	sqlite3_bind_double(st, 4, b_coverage);
	sqlite3_bind_text(st, 5, json.data, (int)json.len, SQLITE_STATIC);
	ue_status err = sqlite3_step(st) == SQLITE_DONE ? UE_OK
	        : ue_store_db_error(s, "text_pairs");
	sqlite3_reset(st);
	ue_buf_release(&json);
	return err;
}

/* Parses a passages column (see the schema) into *v. */
static ue_status parse_passages(const char *json, struct ue_store_passage **v,
                                size_t *n, size_t *alloc)
{
	*n = 0;
	const char *p = json ? strchr(json, '[') : NULL;
	while (p && (p = strchr(p + 1, '['))) {
		struct ue_store_passage x;
		if (sscanf(p, "[%u,%u,%u,%u,%u,%u,%u,%u,%lf]", &x.a_start,
		           &x.a_end, &x.b_start, &x.b_end, &x.a_first, &x.a_last,
		           &x.b_first, &x.b_last, &x.score) != 9)
			return UE_EFORMAT;
		if (*n == *alloc) {
			size_t m = *alloc ? *alloc * 2 : 16;
			struct ue_store_passage *q = realloc(*v, m * sizeof *q);
			if (!q)
				return UE_ENOMEM;
			*v = q;
			*alloc = m;
		}
		(*v)[(*n)++] = x;
	}
	return UE_OK;
}

ue_status ue_store_text_pairs(struct ue_store *s, int64_t text,
        int (*fn)(void *ctx, const struct ue_text_pair *pair), void *ctx)
{
	/* Two indexed lookups for one text; a scan for all. */
	sqlite3_stmt *st = ue_store_prepare(s, text ?
	        "SELECT a_text, b_text, a_coverage, b_coverage, passages"
	        " FROM text_pairs WHERE a_text = ?1 UNION ALL"
	        " SELECT a_text, b_text, a_coverage, b_coverage, passages"
	        " FROM text_pairs WHERE b_text = ?1 AND a_text != ?1"
	        " ORDER BY 1, 2" :
	        "SELECT a_text, b_text, a_coverage, b_coverage, passages"
	        " FROM text_pairs ORDER BY a_text, b_text");
	if (!st)
		return UE_EDB;
	if (text)
		sqlite3_bind_int64(st, 1, text);
	struct ue_store_passage *v = NULL;
	size_t alloc = 0;
	ue_status err = UE_OK;
	int rc;
	while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ue_text_pair pair = {
			.a = sqlite3_column_int64(st, 0),
			.b = sqlite3_column_int64(st, 1),
			.a_coverage = sqlite3_column_double(st, 2),
			.b_coverage = sqlite3_column_double(st, 3),
		};
		err = parse_passages((const char *)sqlite3_column_text(st, 4), &v,
		                     &pair.n, &alloc);
		if (err == UE_EFORMAT)
			ue_store_set_error(s, "text_pairs: malformed passages of "
			                   "texts %lld and %lld", (long long)pair.a,
			                   (long long)pair.b);
		pair.p = v;
		if (!err && fn(ctx, &pair))
			err = UE_ECANCELLED;
	}
	free(v);
	if (err) {
		sqlite3_finalize(st);
		return err;
	}
	return ue_store_finish(s, st, rc, "text_pairs");
}

ue_status ue_store_reuse_tokens(struct ue_store *s, int64_t text,
                                uint32_t *content_tokens)
{
	*content_tokens = 0;
	sqlite3_stmt *st = ue_store_prepare(s, "SELECT content_tokens FROM reuse_texts"
	                              " WHERE text = ?");
	if (!st)
		return UE_EDB;
	sqlite3_bind_int64(st, 1, text);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*content_tokens = (uint32_t)sqlite3_column_int64(st, 0);
	return ue_store_finish(s, st, rc, "reuse_texts");
}

ue_status ue_store_reuse_doc_put(struct ue_store *s, int64_t doc,
                                 double fraction, const char *cls,
                                 const char *sources)
{
	sqlite3_stmt *st = ue_store_stmt(s, SQL_REUSE_DOC_PUT);
	if (!st)
		return UE_EDB;
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_double(st, 2, fraction);
	sqlite3_bind_text(st, 3, cls, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, sources, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? UE_OK : ue_store_db_error(s, "reuse_docs");
}

ue_status ue_store_reuse_doc_group(struct ue_store *s, int64_t doc,
                                   int64_t group)
{
	sqlite3_stmt *st = ue_store_prepare(s, "UPDATE reuse_docs SET near_dup_group = ?"
	                              " WHERE doc = ?");
	if (!st)
		return UE_EDB;
	if (group)
		sqlite3_bind_int64(st, 1, group);
	sqlite3_bind_int64(st, 2, doc);
	return ue_store_finish(s, st, sqlite3_step(st), "reuse_docs");
}

ue_status ue_store_reuse_reset(struct ue_store *s)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE;"
	                 " DELETE FROM text_pairs; DELETE FROM reuse_texts;"
	                 " DELETE FROM reuse_docs; COMMIT;", NULL, NULL, &msg)) {
		ue_store_set_error(s, "reset of the reuse stage: %s",
		                   msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return UE_EDB;
	}
	return UE_OK;
}

/* ---- per-thread readers ---- */

struct ue_store_reader {
	sqlite3 *db;
	sqlite3_stmt *text;
	char lang[16];
};

ue_status ue_store_reader_open(struct ue_store *s,
                               struct ue_store_reader **out)
{
	*out = NULL;
	const char *path = sqlite3_db_filename(s->db, "main");
	struct ue_store_reader *r = calloc(1, sizeof *r);
	if (!r)
		return UE_ENOMEM;
	if (sqlite3_open_v2(path && *path ? path : ":memory:", &r->db,
	                    SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) ||
	    sqlite3_prepare_v2(r->db,
	        "SELECT t.text, (SELECT language FROM documents d"
	        " WHERE d.text = t.id ORDER BY d.doc LIMIT 1)"
	        " FROM texts t WHERE t.id = ?", -1, &r->text, NULL)) {
		ue_store_set_error(s, "cannot open a reader: %s",
		                   r->db ? sqlite3_errmsg(r->db) : "?");
		ue_store_reader_free(r);
		return UE_EDB;
	}
	sqlite3_busy_timeout(r->db, 10000);
	*out = r;
	return UE_OK;
}

void ue_store_reader_free(struct ue_store_reader *r)
{
	if (!r)
		return;
	sqlite3_finalize(r->text);
	sqlite3_close(r->db);
	free(r);
}

ue_status ue_store_reader_text(struct ue_store_reader *r, int64_t text,
                               const char **data, size_t *len,
                               const char **lang)
{
	sqlite3_reset(r->text);
	sqlite3_bind_int64(r->text, 1, text);
	if (sqlite3_step(r->text) != SQLITE_ROW)
		return UE_ENOTFOUND;
	*data = (const char *)sqlite3_column_text(r->text, 0);
	*len = (size_t)sqlite3_column_bytes(r->text, 0);
	const char *l = (const char *)sqlite3_column_text(r->text, 1);
	snprintf(r->lang, sizeof r->lang, "%s", l ? l : "und");
	*lang = r->lang;
	return UE_OK;
}
