/*
 * csv.c - CSV (RFC 4180) and TSV input with a header row.  The header's
 * column names are matched against the fields (and --map); the other
 * columns go to the metadata.  The file is read one record at a time, so
 * only a record's size is limited (max_line), never the file's.
 *
 * Choices for rows that do not fit the header: a row with fewer fields
 * than the header has the missing ones empty; a row with more is rejected
 * unless the extra fields are all empty (a trailing separator).  An empty
 * cell is an absent field and is left out of the metadata.  Blank lines
 * between records are skipped.  In CSV a quote inside an unquoted field,
 * or text after a closing quote, is kept as text.  TSV has no quoting,
 * except that a field wrapped whole in double quotes loses them (and ""
 * inside it becomes ").
 */
#include "ingest/formats.h"
#include "text/normalise.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOM "\xEF\xBB\xBF"   /* UTF-8 byte-order mark */

enum state { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED };

/* What next_record found. */
enum outcome { RECORD, END, TOO_LONG, UNTERMINATED, FAILED };

/* The dialect, the header and the record being read of one file. */
struct table {
	char sep;
	int quoting;             /* CSV quotes; TSV has none */
	const char *format;
	struct ue_buf line;      /* the current physical line */
	struct ue_buf data;      /* the record's fields, back to back */
	size_t *end;             /* where each field ends in data */
	size_t nfields, alloc;
	enum state state;
	uint64_t lineno;         /* physical lines read so far */
	uint64_t first;          /* the line the current record starts on */
	struct ue_buf names;     /* the header's column names, back to back */
	size_t *name_end;
	enum ue_field *field;    /* each column's field; UE_F_COUNT: metadata */
	size_t ncols;
};

static void table_init(struct table *t, char sep, int quoting,
                       const char *format)
{
	memset(t, 0, sizeof *t);
	t->sep = sep;
	t->quoting = quoting;
	t->format = format;
	ue_buf_init(&t->line, 0);
	ue_buf_init(&t->data, 0);
	ue_buf_init(&t->names, 0);
}

static void table_release(struct table *t)
{
	ue_buf_release(&t->line);
	ue_buf_release(&t->data);
	ue_buf_release(&t->names);
	free(t->end);
	free(t->name_end);
	free(t->field);
}

/* Field i of a record stored as bytes plus end offsets. */
static const char *cell(const struct ue_buf *b, const size_t *end, size_t i,
                        size_t *len)
{
	size_t start = i ? end[i - 1] : 0;
	*len = end[i] - start;
	return ue_buf_str(b) + start;
}

/* A TSV field wrapped whole in quotes: drops them and undoubles "". */
static void unwrap_quotes(struct table *t, size_t start)
{
	char *s = t->data.data + start;
	size_t n = t->data.len - start, out = 0;
	if (n < 2 || s[0] != '"' || s[n - 1] != '"')
		return;
	for (size_t i = 1; i + 1 < n; i++) {
		s[out++] = s[i];
		if (s[i] == '"' && s[i + 1] == '"' && i + 2 < n)
			i++;
	}
	t->data.len = start + out;
	t->data.data[t->data.len] = '\0';
}

static ue_status end_field(struct table *t)
{
	if (!t->quoting)
		unwrap_quotes(t, t->nfields ? t->end[t->nfields - 1] : 0);
	if (t->nfields == t->alloc) {
		size_t n = t->alloc ? t->alloc * 2 : 16;
		size_t *p = realloc(t->end, n * sizeof *p);
		if (!p)
			return UE_ENOMEM;
		t->end = p;
		t->alloc = n;
	}
	t->end[t->nfields++] = t->data.len;
	t->state = FIELD_START;
	return UE_OK;
}

/* Appends bytes up to the first stop byte (or all n); returns how many
 * were taken, or SIZE_MAX when out of memory. */
static size_t take_until(struct table *t, const char *p, size_t n, char stop)
{
	const char *hit = memchr(p, stop, n);
	size_t k = hit ? (size_t)(hit - p) : n;
	return ue_buf_append(&t->data, p, k) ? SIZE_MAX : k;
}

/*
 * Splits one physical line (without its LF) into fields, going on with a
 * quoted field left open by the line before.  *more is set when a quoted
 * field is still open at the end of the line.
 */
static ue_status split_line(struct table *t, const char *p, size_t n,
                            int *more)
{
	int cr = n && p[n - 1] == '\r';
	n -= cr;
	size_t i = 0, k;
	while (i < n) {
		switch (t->state) {
		case FIELD_START:
			if (t->quoting && p[i] == '"') {
				t->state = QUOTED;
				i++;
				break;
			}
			t->state = UNQUOTED;
			/* fall through */
		case UNQUOTED:
			k = take_until(t, p + i, n - i, t->sep);
			if (k == SIZE_MAX)
				return UE_ENOMEM;
			i += k;
			if (i < n) {
				if (end_field(t))
					return UE_ENOMEM;
				i++;
			}
			break;
		case QUOTED:
			k = take_until(t, p + i, n - i, '"');
			if (k == SIZE_MAX)
				return UE_ENOMEM;
			i += k;
			if (i < n) {
				t->state = QUOTE_IN_QUOTED;
				i++;
			}
			break;
		case QUOTE_IN_QUOTED:
			if (p[i] == '"') {
				if (ue_buf_putc(&t->data, '"'))
					return UE_ENOMEM;
				t->state = QUOTED;
				i++;
			} else {
				t->state = UNQUOTED;  /* "a"b: the b is kept */
			}
			break;
		}
	}
	*more = t->state == QUOTED;
	if (*more)
		return ue_buf_append(&t->data, cr ? "\r\n" : "\n", 1 + cr);
	return end_field(t);
}

/*
 * Reads the next record into t->nfields fields.  A record longer than
 * max_line bytes is skipped up to the end of the physical line where it
 * went over (TOO_LONG); a quote still open at the end of input gives
 * UNTERMINATED.  t->first is the record's line in both cases.  FAILED
 * leaves the status in *st.
 */
static enum outcome next_record(struct table *t, struct ue_reader *r,
                                size_t max_line, ue_status *st)
{
	ue_buf_reset(&t->data);
	t->nfields = 0;
	t->state = FIELD_START;
	size_t used = 0;   /* the record's bytes so far, inner LFs included */
	for (;;) {
		if (used > max_line)
			return TOO_LONG;
		*st = ue_reader_getline(r, &t->line, max_line - used);
		if (*st == UE_ENOTFOUND) {
			*st = UE_OK;
			return used ? UNTERMINATED : END;
		}
		if (*st && (*st != UE_ELIMIT || r->error))
			return FAILED;
		t->lineno++;
		if (!used)
			t->first = t->lineno;
		if (*st == UE_ELIMIT) {
			*st = UE_OK;
			return TOO_LONG;
		}
		const char *p = ue_buf_str(&t->line);
		size_t n = t->line.len;
		if (t->lineno == 1 && n >= 3 && memcmp(p, BOM, 3) == 0) {
			p += 3;
			n -= 3;
		}
		if (!used && (n == 0 || (n == 1 && p[0] == '\r')))
			continue;   /* blank line */
		int more;
		if ((*st = split_line(t, p, n, &more)))
			return FAILED;
		if (!more)
			return RECORD;
		used += t->line.len + 1;
	}
}

static void trim(const char **s, size_t *n)
{
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* The header's columns as the fail message lists them. */
static void no_text_column(struct table *t, char *err, size_t errlen)
{
	struct ue_buf cols = UE_BUF_INIT;
	for (size_t i = 0; i < t->ncols; i++) {
		size_t n;
		const char *s = cell(&t->names, t->name_end, i, &n);
		ue_buf_printf(&cols, "%s%.*s", i ? ", " : "", (int)n, s);
	}
	snprintf(err, errlen, "no text column in header (columns: %s); use "
	         "--map text=COLUMN", ue_buf_str(&cols));
	ue_buf_release(&cols);
}

/* Takes the record just read as the header and maps its columns; the
 * first column naming a field gets it, later ones go to the metadata. */
static ue_status map_header(struct table *t, const struct ue_sink *sink,
                            char *err, size_t errlen)
{
	struct ue_buf b = t->names;
	t->names = t->data;
	t->data = b;
	t->name_end = t->end;
	t->ncols = t->nfields;
	t->end = NULL;
	t->alloc = 0;
	t->field = malloc(t->ncols * sizeof *t->field);
	if (!t->field)
		return UE_ENOMEM;
	int seen[UE_F_COUNT] = {0};
	for (size_t i = 0; i < t->ncols; i++) {
		size_t n;
		const char *s = cell(&t->names, t->name_end, i, &n);
		trim(&s, &n);
		enum ue_field f = ue_field_map_lookup(sink->map, s, n);
		if (f != UE_F_COUNT && seen[f])
			f = UE_F_COUNT;
		else if (f != UE_F_COUNT)
			seen[f] = 1;
		t->field[i] = f;
	}
	if (!seen[UE_F_TEXT]) {
		no_text_column(t, err, errlen);
		return UE_EFORMAT;
	}
	return UE_OK;
}

/* Reads and maps the header; UE_ENOTFOUND for an empty file. */
static ue_status read_header(struct table *t, struct ue_reader *r,
                             const struct ue_sink *sink, size_t max_line,
                             char *err, size_t errlen)
{
	ue_status st;
	switch (next_record(t, r, max_line, &st)) {
	case RECORD:
		return map_header(t, sink, err, errlen);
	case END:
		return UE_ENOTFOUND;
	case TOO_LONG:
		snprintf(err, errlen, "header row longer than the limit of %zu "
		         "bytes", max_line);
		return UE_ELIMIT;
	case UNTERMINATED:
		snprintf(err, errlen, "unterminated quoted field in the header "
		         "row");
		return UE_EFORMAT;
	case FAILED:
		break;
	}
	return st;
}


static void reject(const struct ue_sink *sink, uint64_t line,
                   const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void reject(const struct ue_sink *sink, uint64_t line,
                   const char *fmt, ...)
{
	char msg[128];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sink->reject(sink->ctx, line, msg);
}

/* A row's field count is acceptable: not more than the header's, except
 * for empty fields after the last column. */
static int fits_header(const struct table *t)
{
	for (size_t i = t->ncols; i < t->nfields; i++)
		if (t->end[i] != t->end[i - 1])
			return 0;
	return 1;
}

/* Turns the record just read into a ue_record and hands it to the sink. */
static ue_status deliver(struct table *t, const struct ue_sink *sink)
{
	if (!fits_header(t)) {
		reject(sink, t->first, "expected %zu fields, found %zu",
		       t->ncols, t->nfields);
		return UE_OK;
	}
	struct ue_record rec = {.line = t->first, .format = t->format};
	size_t n = t->nfields < t->ncols ? t->nfields : t->ncols;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *v = cell(&t->data, t->end, i, &len);
		if (len && t->field[i] != UE_F_COUNT)
			ue_record_set(&rec, t->field[i], v, len);
	}
	size_t text_len = rec.field_len[UE_F_TEXT];
	if (!rec.field[UE_F_TEXT]) {
		reject(sink, t->first, "no text");
		return UE_OK;
	}
	if (sink->max_doc_bytes && text_len > sink->max_doc_bytes) {
		reject(sink, t->first, "text of %zu bytes over the limit of "
		       "%zu bytes", text_len, sink->max_doc_bytes);
		return UE_OK;
	}
	json_t *meta = NULL;
	ue_status st = UE_OK;
	for (size_t i = 0; i < n && !st; i++) {
		size_t len, klen;
		const char *v = cell(&t->data, t->end, i, &len);
		const char *k = cell(&t->names, t->name_end, i, &klen);
		trim(&k, &klen);
		if (len && t->field[i] == UE_F_COUNT)
			st = ue_record_meta_add(&meta, k, klen, v, len);
	}
	char *meta_json = NULL;
	if (!st && meta && !(meta_json = json_dumps(meta, JSON_COMPACT)))
		st = UE_ENOMEM;
	json_decref(meta);
	rec.meta_json = meta_json;
	if (!st)
		st = sink->record(sink->ctx, &rec);
	free(meta_json);
	return st;
}

static ue_status parse_table(struct table *t, struct ue_reader *r,
                             const struct ue_sink *sink, size_t max_line,
                             char *err, size_t errlen)
{
	ue_status st = read_header(t, r, sink, max_line, err, errlen);
	if (st)
		return st == UE_ENOTFOUND ? UE_OK : st;
	for (;;) {
		switch (next_record(t, r, max_line, &st)) {
		case RECORD:
			st = deliver(t, sink);
			break;
		case END:
			return UE_OK;
		case TOO_LONG:
			reject(sink, t->first, "record longer than the "
			       "limit of %zu bytes", max_line);
			break;
		case UNTERMINATED:
			reject(sink, t->first, "unterminated quoted field");
			break;
		case FAILED:
			break;
		}
		if (st)
			return st;
	}
}

/* The CSV and TSV front door: one table parse with its dialect. */
static ue_status parse(struct ue_reader *r, const struct ue_sink *sink,
                       size_t max_line, char *err, size_t errlen,
                       char sep, int quoting, const char *format)
{
	struct table t;
	table_init(&t, sep, quoting, format);
	ue_status st = parse_table(&t, r, sink, max_line, err, errlen);
	table_release(&t);
	if (st && r->error && err[0] == '\0')
		snprintf(err, errlen, "read error: %s", ue_strerror(st));
	return st;
}

ue_status ue_parse_csv(struct ue_reader *r, const struct ue_sink *sink,
                       size_t max_line, char *err, size_t errlen)
{
	return parse(r, sink, max_line, err, errlen, ',', 1, "csv");
}

ue_status ue_parse_tsv(struct ue_reader *r, const struct ue_sink *sink,
                       size_t max_line, char *err, size_t errlen)
{
	return parse(r, sink, max_line, err, errlen, '\t', 0, "tsv");
}
