/*
 * json.h - small helpers for writing result rows with jansson.
 */
#ifndef UE_JSON_H
#define UE_JSON_H

#include <jansson.h>
#include <sqlite3.h>
#include "unecho/unecho.h"

/* Serialises obj compactly (keys in insertion order), hands it to fn and
 * releases obj.  Returns UE_ECANCELLED when fn asks to stop. */
ue_status ue_json_emit(json_t *obj, ue_row_fn fn, void *ctx);

/* Sets key to column col of a result row: a string, an integer, a real,
 * or null, as the column holds. */
void ue_json_set_column(json_t *obj, const char *key, sqlite3_stmt *st,
                        int col);

/* Splits a ';'-separated list into a JSON array of trimmed strings. */
json_t *ue_json_list(const char *list);

/* Appends s (NUL-terminated UTF-8, or NULL for null) to out as a JSON
 * string. */
struct ue_buf;
void ue_json_quote(struct ue_buf *out, const char *s);

#endif
