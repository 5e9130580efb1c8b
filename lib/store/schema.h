/*
 * schema.h - the versioned database schema and its migrations.
 * PRAGMA user_version holds the version; each migration moves it by one,
 * inside a transaction.  docs/schema.md documents the result.
 */
#ifndef UE_SCHEMA_H
#define UE_SCHEMA_H

#include <sqlite3.h>
#include "unecho/unecho.h"

/* Brings db up to the current version; UE_ESCHEMA if it is newer. */
ue_status ue_schema_migrate(sqlite3 *db, char *err, size_t errlen);

#endif
