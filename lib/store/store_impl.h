/*
 * store_impl.h - what the SQLite store's files share: the handle and its
 * prepared statements.  Only lib/store/ includes this.
 */
#ifndef UE_STORE_IMPL_H
#define UE_STORE_IMPL_H

#include <sqlite3.h>
#include "store/store.h"

enum stmt_id {
	SQL_DOC_EXISTS,
	SQL_TEXT_FIND,
	SQL_TEXT_ADD,
	SQL_DOC_ADD,
	SQL_ALIAS_FIND,
	SQL_OUTLET_ADD_SEEN,
	SQL_ALIAS_ADD,
	SQL_PAIR_PUT,
	SQL_REUSE_TEXT_PUT,
	SQL_REUSE_DOC_PUT,
	SQL_FEATURES_PUT,
	SQL_ATTRIBUTION_PUT,
	SQL_DOC_BRIEF,
	SQL_COUNT
};

struct ue_store {
	sqlite3 *db;
	sqlite3_stmt *stmt[SQL_COUNT];
	char errmsg[512];
	int in_tx;
};

/* The prepared statement id, reset and with bindings cleared; NULL on
 * failure (the message is set). */
sqlite3_stmt *ue_store_stmt(struct ue_store *s, enum stmt_id id);

/* Records the database's message as the last failure; returns UE_EDB. */
ue_status ue_store_db_error(struct ue_store *s, const char *what);

/* SQL for the bloc of a document whose outlet is joined as ob from the
 * outlet_blocs view: "unknown" when it has no outlet. */
#define DOC_BLOC "coalesce(ob.bloc, 'unknown')"

/* A statement prepared for one use (sqlite3_finalize it), or NULL with
 * the message set. */
sqlite3_stmt *ue_store_prepare(struct ue_store *s, const char *sql);
/* Finalizes st after its last step returned rc: UE_OK when that was
 * SQLITE_DONE or SQLITE_ROW, else the database's error about what. */
ue_status ue_store_finish(struct ue_store *s, sqlite3_stmt *st, int rc,
                          const char *what);

/* Emits every row of st (then finalized) as a JSON object with the given
 * keys, one per column; the columns whose key is listed in json_keys
 * (" a b ") hold JSON text and are embedded.  A database error is
 * reported about what. */
ue_status ue_store_emit_rows(struct ue_store *s, sqlite3_stmt *st,
                             const char *const *keys, int n,
                             const char *json_keys, ue_row_fn fn,
                             void *ctx, const char *what);

/* Binds a string, or NULL when s is NULL. */
int ue_store_bind_text(sqlite3_stmt *st, int i, const char *s);

#endif
