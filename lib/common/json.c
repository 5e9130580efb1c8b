/* json.c - helpers for JSON result rows; see json.h. */
#include "common/json.h"

#include <ctype.h>
#include <stdio.h>

#include "common/buf.h"
#include <stdlib.h>
#include <string.h>

ue_status ue_json_emit(json_t *obj, ue_row_fn fn, void *ctx)
{
	if (!obj)
		return UE_ENOMEM;
	/* 15 significant digits: 2.654, not 2.6539999999999999. */
	char *s = json_dumps(obj, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(obj);
	if (!s)
		return UE_ENOMEM;
	int stop = fn(ctx, s, strlen(s));
	free(s);
	return stop ? UE_ECANCELLED : UE_OK;
}

void ue_json_set_column(json_t *obj, const char *key, sqlite3_stmt *st,
                        int col)
{
	json_t *v;
	switch (sqlite3_column_type(st, col)) {
	case SQLITE_INTEGER:
		v = json_integer(sqlite3_column_int64(st, col));
		break;
	case SQLITE_FLOAT:
		v = json_real(sqlite3_column_double(st, col));
		break;
	case SQLITE_TEXT:
		v = json_stringn((const char *)sqlite3_column_text(st, col),
		                 (size_t)sqlite3_column_bytes(st, col));
		break;
	default:
		v = json_null();
	}
	json_object_set_new(obj, key, v ? v : json_null());
}

json_t *ue_json_list(const char *list)
{
	json_t *arr = json_array();
	for (const char *p = list; p && *p; ) {
		size_t n = strcspn(p, ";");
		const char *a = p, *b = p + n;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (b > a)
			json_array_append_new(arr, json_stringn(a, (size_t)(b - a)));
		p += n + (p[n] == ';');
	}
	return arr;
}

void ue_json_quote(struct ue_buf *out, const char *s)
{
	if (!s) {
		ue_buf_puts(out, "null");
		return;
	}
	ue_buf_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			ue_buf_putc(out, '\\');
			ue_buf_putc(out, (char)c);
		} else if (c < 0x20) {
			ue_buf_printf(out, "\\u%04x", c);
		} else {
			ue_buf_putc(out, (char)c);
		}
	}
	ue_buf_putc(out, '"');
}
