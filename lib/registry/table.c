/* table.c - delimited tables with a header; see table.h. */
#include "registry/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/buf.h"

/* Reads one field starting at *p; returns it (owned) and advances *p past
 * it and its separator.  *eol is set at the end of the line. */
static char *field(const char **p, const char *end, char sep, int *eol,
                   uint64_t *line)
{
	struct ue_buf b = UE_BUF_INIT;
	const char *s = *p;
	if (sep == ',' && s < end && *s == '"') {
		s++;
		while (s < end) {
			if (*s == '"') {
				if (s + 1 < end && s[1] == '"') {
					ue_buf_putc(&b, '"');
					s += 2;
					continue;
				}
				s++;
				break;
			}
			if (*s == '\n')
				(*line)++;
			ue_buf_putc(&b, *s++);
		}
	}
	while (s < end && *s != sep && *s != '\n')
		ue_buf_putc(&b, *s++);
	while (b.len && (b.data[b.len - 1] == '\r' || b.data[b.len - 1] == ' '))
		b.data[--b.len] = '\0';
	*eol = s >= end || *s == '\n';
	*p = s < end ? s + 1 : end;
	char *out = ue_buf_detach(&b, NULL);
	char *trim = out;
	while (*trim == ' ')
		trim++;
	if (trim != out)
		memmove(out, trim, strlen(trim) + 1);
	return out;
}

static int push(char ***v, size_t *n, size_t *alloc, char *s)
{
	if (*n == *alloc) {
		size_t a = *alloc ? *alloc * 2 : 64;
		char **p = realloc(*v, a * sizeof *p);
		if (!p)
			return -1;
		*v = p;
		*alloc = a;
	}
	(*v)[(*n)++] = s;
	return 0;
}

ue_status ue_table_parse(struct ue_table *t, const char *data, size_t len,
                         void (*bad)(void *ctx, uint64_t line,
                                     const char *reason),
                         void *ctx, char *err, size_t errlen)
{
	memset(t, 0, sizeof *t);
	const char *p = data, *end = data + len;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	uint64_t line = 1;
	/* Skip comments and blank lines before the header. */
	while (p < end && (*p == '#' || *p == '\n' || *p == '\r')) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
		line++;
	}
	if (p >= end) {
		snprintf(err, errlen, "no header row");
		return UE_EFORMAT;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	char sep = memchr(p, '\t', (size_t)((nl ? nl : end) - p)) ? '\t' : ',';
	size_t hdr_alloc = 0, cell_alloc = 0, line_alloc = 0, ncells = 0;
	int eol = 0;
	while (!eol) {
		if (push(&t->header, &t->cols, &hdr_alloc,
		         field(&p, end, sep, &eol, &line)))
			goto nomem;
	}
	line++;
	char **row = calloc(t->cols, sizeof *row);
	if (!row)
		goto nomem;
	while (p < end) {
		uint64_t start = line;
		if (*p == '#' || *p == '\n' || *p == '\r') {
			nl = memchr(p, '\n', (size_t)(end - p));
			p = nl ? nl + 1 : end;
			line++;
			continue;
		}
		size_t n = 0;
		eol = 0;
		while (!eol) {
			char *f = field(&p, end, sep, &eol, &line);
			if (n < t->cols)
				row[n] = f;
			else
				free(f);
			n++;
		}
		line++;
		if (n != t->cols) {
			char msg[96];
			snprintf(msg, sizeof msg, "expected %zu fields, found %zu",
			         t->cols, n);
			if (bad)
				bad(ctx, start, msg);
			for (size_t i = 0; i < n && i < t->cols; i++)
				free(row[i]);
			continue;
		}
		for (size_t i = 0; i < n; i++)
			if (push(&t->cell, &ncells, &cell_alloc, row[i])) {
				free(row);
				goto nomem;
			}
		if (t->rows == line_alloc) {
			line_alloc = line_alloc ? line_alloc * 2 : 64;
			uint64_t *l = realloc(t->line, line_alloc * sizeof *l);
			if (!l) {
				free(row);
				goto nomem;
			}
			t->line = l;
		}
		t->line[t->rows++] = start;
	}
	free(row);
	return UE_OK;
nomem:
	ue_table_release(t);
	return UE_ENOMEM;
}

void ue_table_release(struct ue_table *t)
{
	for (size_t i = 0; i < t->rows * t->cols; i++)
		free(t->cell[i]);
	for (size_t i = 0; i < t->cols; i++)
		free(t->header[i]);
	free(t->cell);
	free(t->header);
	free(t->line);
	memset(t, 0, sizeof *t);
}

int ue_table_column(const struct ue_table *t, const char *name)
{
	for (size_t i = 0; i < t->cols; i++)
		if (strcasecmp(t->header[i], name) == 0)
			return (int)i;
	return -1;
}

const char *ue_table_get(const struct ue_table *t, size_t row, int col)
{
	if (col < 0 || row >= t->rows)
		return NULL;
	const char *s = t->cell[row * t->cols + (size_t)col];
	return *s ? s : NULL;
}
