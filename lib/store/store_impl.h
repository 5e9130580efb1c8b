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

/* Binds a string, or NULL when s is NULL. */
int ue_store_bind_text(sqlite3_stmt *st, int i, const char *s);

#endif
