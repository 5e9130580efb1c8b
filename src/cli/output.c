/* output.c - result rows as aligned tables, JSON Lines or CSV. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cli.h"

struct out {
	int taken;        /* rows taken so far */
	enum out_mode mode;
	const struct out_column *cols;
	int ncols;
	json_t *rows;     /* tables: buffered to align the columns */
};

struct out *out_new(enum out_mode mode, const struct out_column *cols,
                    int ncols)
{
	struct out *o = calloc(1, sizeof *o);
	if (!o)
		return NULL;
	o->mode = mode;
	o->cols = cols;
	o->ncols = ncols;
	o->rows = json_array();
	if (mode == OUT_CSV) {
		for (int i = 0; i < ncols; i++)
			printf("%s%s", i ? "," : "", cols[i].key);
		putchar('\n');
	}
	return o;
}

/* A field as display text: strings as they are, arrays joined with ", ",
 * objects as "key: n" pairs, null as "". */
static char *cell(json_t *v)
{
	if (!v || json_is_null(v))
		return strdup("");
	if (json_is_string(v))
		return strdup(json_string_value(v));
	if (json_is_array(v) && json_array_size(v) &&
	    json_is_string(json_array_get(v, 0))) {
		size_t n = 1, i;
		json_t *x;
		json_array_foreach(v, i, x)
			n += strlen(json_string_value(x) ? json_string_value(x) : "")
			     + 2;
		char *s = calloc(1, n);
		json_array_foreach(v, i, x) {
			if (i)
				strcat(s, ", ");
			strcat(s, json_string_value(x) ? json_string_value(x) : "");
		}
		return s;
	}
	if (json_is_object(v)) {
		const char *k;
		json_t *x;
		size_t n = 1;
		json_object_foreach(v, k, x)
			n += strlen(k) + 24;
		char *s = calloc(1, n);
		json_object_foreach(v, k, x) {
			char part[64];
			snprintf(part, sizeof part, "%s%s %lld", *s ? ", " : "", k,
			         (long long)json_integer_value(x));
			strncat(s, part, n - strlen(s) - 1);
		}
		return s;
	}
	return json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT |
	                  JSON_REAL_PRECISION(6));
}

/* Display width of a UTF-8 string (wide characters count two). */
static int width(const char *s, int limit, size_t *bytes)
{
	int w = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t off = 0, len = strlen(s);
	while (off < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + off, (utf8proc_ssize_t)
		                                      (len - off), &cp);
		if (n <= 0)
			n = 1, cp = '?';
		int cw = cp == '\n' || cp == '\t' ? 1 : utf8proc_charwidth(cp);
		if (limit && w + cw > limit)
			break;
		w += cw;
		off += (size_t)n;
	}
	if (bytes)
		*bytes = off;
	return w;
}

int out_rows(const struct out *o)
{
	return o ? o->taken : 0;
}

int out_row(void *ctx, const char *json, size_t len)
{
	struct out *o = ctx;
	o->taken++;
	if (o->mode == OUT_JSON) {
		fwrite(json, 1, len, stdout);
		putchar('\n');
		return ferror(stdout) != 0;
	}
	json_t *row = json_loadb(json, len, 0, NULL);
	if (!row)
		return 0;
	if (o->mode == OUT_TABLE) {
		json_array_append_new(o->rows, row);
		return 0;
	}
	for (int i = 0; i < o->ncols; i++) {
		char *s = cell(json_object_get(row, o->cols[i].key));
		if (i)
			putchar(',');
		if (strpbrk(s, ",\"\n\r")) {
			putchar('"');
			for (char *p = s; *p; p++) {
				if (*p == '"')
					putchar('"');
				putchar(*p);
			}
			putchar('"');
		} else {
			fputs(s, stdout);
		}
		free(s);
	}
	putchar('\n');
	json_decref(row);
	return ferror(stdout) != 0;
}

static void print_cell(const char *s, int w, int limit, int last)
{
	size_t bytes;
	int shown = width(s, limit, &bytes);
	int cut = bytes < strlen(s);
	for (size_t i = 0; i < bytes; i++)
		putchar(s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
	if (cut) {
		fputs("…", stdout);
		shown++;
	}
	if (!last)
		for (int i = shown; i < w + 2; i++)
			putchar(' ');
}

void out_finish(struct out *o)
{
	if (!o)
		return;
	if (o->mode == OUT_TABLE && json_array_size(o->rows)) {
		int *w = calloc((size_t)o->ncols, sizeof *w);
		size_t r;
		json_t *row;
		for (int i = 0; i < o->ncols; i++)
			w[i] = width(o->cols[i].title, 0, NULL);
		json_array_foreach(o->rows, r, row)
			for (int i = 0; i < o->ncols; i++) {
				char *s = cell(json_object_get(row, o->cols[i].key));
				int cw = width(s, o->cols[i].max_width, NULL);
				if (o->cols[i].max_width &&
				    width(s, 0, NULL) > o->cols[i].max_width)
					cw++;
				if (cw > w[i])
					w[i] = cw;
				free(s);
			}
		for (int i = 0; i < o->ncols; i++)
			print_cell(o->cols[i].title, w[i], 0, i == o->ncols - 1);
		putchar('\n');
		json_array_foreach(o->rows, r, row) {
			for (int i = 0; i < o->ncols; i++) {
				char *s = cell(json_object_get(row, o->cols[i].key));
				print_cell(s, w[i], o->cols[i].max_width,
				           i == o->ncols - 1);
				free(s);
			}
			putchar('\n');
		}
		free(w);
	}
	json_decref(o->rows);
	free(o);
}
