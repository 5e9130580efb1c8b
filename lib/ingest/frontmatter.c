/*
 * frontmatter.c - plain text and Markdown: one document per file, with
 * optional front matter, a first line "---" followed by "key: value" lines
 * and closed by a line "---" or "...".
 *
 * The YAML subset: values plain, 'single' ('' for a quote) or "double"
 * quoted (backslash escapes); lists "[a, b]" or "- item" lines under an
 * empty key, joined with ", "; block scalars "|" and ">" (the indented
 * lines after them, joined with newlines or spaces); "#" comments.
 * Indented "key: value" lines (nested maps) are ignored.  Keys naming a
 * field (with --map) fill it; the others go to the metadata as strings.
 *
 * When the front matter gives no title and the body's first non-blank line
 * is a "# Heading", that heading is the title and not part of the text.
 */
#include "ingest/formats.h"
#include "text/normalise.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_FILE_CAP ((size_t)16 << 20)

/* A key whose value is on the lines after it. */
enum pending { NONE, LIST, LITERAL, FOLDED };

/* What the front matter says. */
struct matter {
	const struct ue_field_map *map;
	struct ue_buf value[UE_F_COUNT];
	int set[UE_F_COUNT];
	json_t *meta;
	enum pending pending;
	const char *key;         /* the pending key (in the file's bytes) */
	size_t klen;
	struct ue_buf acc;       /* the value being read */
};

static void matter_init(struct matter *m, const struct ue_field_map *map)
{
	memset(m, 0, sizeof *m);
	m->map = map;
	for (int f = 0; f < UE_F_COUNT; f++)
		ue_buf_init(&m->value[f], 0);
	ue_buf_init(&m->acc, 0);
}

static void matter_release(struct matter *m)
{
	for (int f = 0; f < UE_F_COUNT; f++)
		ue_buf_release(&m->value[f]);
	ue_buf_release(&m->acc);
	json_decref(m->meta);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_space(s[i]) && s[i] != '\n')
			return 0;
	return 1;
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_space((*s)[0]))
		(*s)++, (*n)--;
	while (*n && is_space((*s)[*n - 1]))
		(*n)--;
}

/* The line at *off of s (without its LF); moves *off past it.  Returns 0
 * at the end of s. */
static int next_line(const char *s, size_t n, size_t *off, const char **line,
                     size_t *len)
{
	if (*off >= n)
		return 0;
	const char *p = s + *off;
	const char *nl = memchr(p, '\n', n - *off);
	*line = p;
	*len = nl ? (size_t)(nl - p) : n - *off;
	*off += *len + (nl != NULL);
	return 1;
}

/* The line is exactly mark, apart from trailing blanks. */
static int is_mark(const char *s, size_t n, const char *mark)
{
	trim(&s, &n);
	return n == strlen(mark) && memcmp(s, mark, n) == 0;
}


/* Appends a "double quoted" scalar (s after the opening quote). */
static ue_status double_quoted(const char *s, size_t n, struct ue_buf *out)
{
	for (size_t i = 0; i < n && s[i] != '"'; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < n) {
			c = s[++i];
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
		}
		if (ue_buf_putc(out, c))
			return UE_ENOMEM;
	}
	return UE_OK;
}

/* Appends a 'single quoted' scalar (s after the opening quote). */
static ue_status single_quoted(const char *s, size_t n, struct ue_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\'' && (i + 1 == n || s[i + 1] != '\''))
			break;
		if (ue_buf_putc(out, s[i]))
			return UE_ENOMEM;
		i += s[i] == '\'';
	}
	return UE_OK;
}

/* Appends a scalar: quoted, or plain up to a " #" comment. */
static ue_status scalar(const char *s, size_t n, struct ue_buf *out)
{
	trim(&s, &n);
	if (n && s[0] == '"')
		return double_quoted(s + 1, n - 1, out);
	if (n && s[0] == '\'')
		return single_quoted(s + 1, n - 1, out);
	for (size_t i = 1; i < n; i++)
		if (s[i] == '#' && is_space(s[i - 1])) {
			n = i;
			break;
		}
	trim(&s, &n);
	return ue_buf_append(out, s, n);
}

/* Appends a list item, after ", " when out has some already; an empty
 * item adds nothing. */
static ue_status item(const char *s, size_t n, struct ue_buf *out)
{
	size_t was = out->len;
	if (was && ue_buf_puts(out, ", "))
		return UE_ENOMEM;
	size_t before = out->len;
	if (scalar(s, n, out))
		return UE_ENOMEM;
	if (out->len == before) {
		out->len = was;
		if (out->data)
			out->data[was] = '\0';
	}
	return UE_OK;
}

/* Appends the items of a flow list (s after the "["), joined by ", ". */
static ue_status flow_list(const char *s, size_t n, struct ue_buf *out)
{
	size_t i = 0;
	while (i < n && s[i] != ']') {
		size_t start = i;
		char quote = 0;
		for (; i < n; i++) {
			if (quote) {
				quote = s[i] == quote ? 0 : quote;
			} else if ((s[i] == '"' || s[i] == '\'') &&
			           blank(s + start, i - start)) {
				quote = s[i];
			} else if (s[i] == ',' || s[i] == ']') {
				break;
			}
		}
		if (item(s + start, i - start, out))
			return UE_ENOMEM;
		i += i < n && s[i] == ',';
	}
	return UE_OK;
}

/* Stores a key's value in its field (the first value wins) or the
 * metadata. */
static ue_status commit(struct matter *m, const char *key, size_t klen,
                        const struct ue_buf *v)
{
	if (!v->len)
		return UE_OK;
	enum ue_field f = ue_field_map_lookup(m->map, key, klen);
	if (f == UE_F_COUNT || m->set[f])
		return ue_record_meta_add(&m->meta, key, klen, v->data, v->len);
	m->set[f] = 1;
	return ue_buf_append(&m->value[f], v->data, v->len);
}

/* Ends the pending key's value, if any. */
static ue_status flush(struct matter *m)
{
	ue_status st = UE_OK;
	if (m->pending != NONE)
		st = commit(m, m->key, m->klen, &m->acc);
	m->pending = NONE;
	ue_buf_reset(&m->acc);
	return st;
}

/* A line of a "|" or ">" block scalar. */
static ue_status block_line(struct matter *m, const char *s, size_t n)
{
	if (!n)
		return UE_OK;
	char join = m->pending == LITERAL ? '\n' : ' ';
	if (m->acc.len && ue_buf_putc(&m->acc, join))
		return UE_ENOMEM;
	return ue_buf_append(&m->acc, s, n);
}

/* The value is "|" or ">", perhaps with a chomping or indent indicator. */
static int block_indicator(const char *v, size_t n)
{
	if (n > 3 || (v[0] != '|' && v[0] != '>'))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!strchr("+-0123456789", v[i]))
			return 0;
	return 1;
}

/* Reads "key: value"; a line without a key is ignored. */
static ue_status key_line(struct matter *m, const char *s, size_t n)
{
	size_t colon = 0;
	while (colon < n && !(s[colon] == ':' &&
	                      (colon + 1 == n || is_space(s[colon + 1]))))
		colon++;
	if (colon == n)
		return UE_OK;
	const char *key = s, *v = s + colon + 1;
	size_t klen = colon, vlen = n - colon - 1;
	trim(&key, &klen);
	if (klen >= 2 && (key[0] == '"' || key[0] == '\'') &&
	    key[klen - 1] == key[0])
		key++, klen -= 2;
	trim(&v, &vlen);
	m->key = key;
	m->klen = klen;
	if (vlen == 0 || v[0] == '#') {   /* nothing, or only a comment */
		m->pending = LIST;
		return UE_OK;
	}
	if (block_indicator(v, vlen)) {
		m->pending = v[0] == '|' ? LITERAL : FOLDED;
		return UE_OK;
	}
	ue_status st = v[0] == '[' ? flow_list(v + 1, vlen - 1, &m->acc)
	                           : scalar(v, vlen, &m->acc);
	return st ? st : commit(m, key, klen, &m->acc);
}

/* One line of the front matter. */
static ue_status matter_line(struct matter *m, const char *s, size_t n)
{
	size_t indent = 0;
	while (indent < n && (s[indent] == ' ' || s[indent] == '\t'))
		indent++;
	const char *t = s + indent;
	size_t tn = n - indent;
	trim(&t, &tn);
	if ((m->pending == LITERAL || m->pending == FOLDED) && (indent || !tn))
		return block_line(m, t, tn);
	if (!tn || t[0] == '#')
		return UE_OK;
	if (m->pending == LIST && t[0] == '-' && (tn == 1 || is_space(t[1])))
		return item(t + 1, tn - 1, &m->acc);
	if (indent)
		return UE_OK;   /* a nested map */
	ue_status st = flush(m);
	if (!st)
		st = key_line(m, t, tn);
	if (!st && m->pending == NONE)
		ue_buf_reset(&m->acc);
	return st;
}

/*
 * Reads the front matter at the start of s, if any, and sets *body to
 * where the body starts.  Returns UE_EFORMAT when it is never closed.
 */
static ue_status front_matter(struct matter *m, const char *s, size_t n,
                              size_t *body)
{
	size_t off = 0, len;
	const char *line;
	*body = 0;
	if (!next_line(s, n, &off, &line, &len) || !is_mark(line, len, "---"))
		return UE_OK;
	while (next_line(s, n, &off, &line, &len)) {
		if (is_mark(line, len, "---") || is_mark(line, len, "...")) {
			*body = off;
			return flush(m);
		}
		ue_status st = matter_line(m, line, len);
		if (st)
			return st;
	}
	return UE_EFORMAT;
}

/* Takes a "# Heading" first line of the body as the title: sets it and
 * moves *body past it. */
static void heading(struct ue_record *rec, const char **body, size_t *n)
{
	size_t off = 0, len;
	const char *line;
	while (next_line(*body, *n, &off, &line, &len)) {
		const char *t = line;
		size_t tn = len;
		trim(&t, &tn);
		if (!tn)
			continue;
		if (len < 2 || memcmp(line, "# ", 2) != 0)
			return;
		t = line + 2;
		tn = len - 2;
		trim(&t, &tn);
		size_t k = tn;
		while (k && t[k - 1] == '#')
			k--;
		if (k == 0 || t[k - 1] == ' ')
			tn = k;   /* "# Title ##": a closing sequence */
		trim(&t, &tn);
		if (tn) {
			ue_record_set(rec, UE_F_TITLE, t, tn);
			*body += off;
			*n -= off;
		}
		return;
	}
}

static ue_status deliver(struct matter *m, const char *body, size_t n,
                         const struct ue_sink *sink)
{
	struct ue_record rec = {.line = 1, .format = "text"};
	for (int f = 0; f < UE_F_COUNT; f++)
		if (m->set[f])
			ue_record_set(&rec, (enum ue_field)f, m->value[f].data,
			              m->value[f].len);
	if (!rec.field[UE_F_TITLE])
		heading(&rec, &body, &n);
	if (blank(body, n)) {
		sink->reject(sink->ctx, 1, "empty document");
		return UE_OK;
	}
	if (sink->max_doc_bytes && n > sink->max_doc_bytes) {
		char msg[128];
		snprintf(msg, sizeof msg, "text of %zu bytes over the limit of "
		         "%zu bytes", n, sink->max_doc_bytes);
		sink->reject(sink->ctx, 1, msg);
		return UE_OK;
	}
	ue_record_set(&rec, UE_F_TEXT, body, n);
	char *meta_json = NULL;
	if (m->meta && !(meta_json = json_dumps(m->meta, JSON_COMPACT)))
		return UE_ENOMEM;
	rec.meta_json = meta_json;
	ue_status st = sink->record(sink->ctx, &rec);
	free(meta_json);
	return st;
}

/* The largest file read: four times a document, at least 16 MB. */
static size_t file_cap(size_t max_doc)
{
	if (max_doc > SIZE_MAX / 4)
		return SIZE_MAX;
	return max_doc * 4 > MIN_FILE_CAP ? max_doc * 4 : MIN_FILE_CAP;
}

ue_status ue_parse_text(struct ue_reader *r, const struct ue_sink *sink,
                        size_t max_line, char *err, size_t errlen)
{
	(void)max_line;   /* the file is read whole */
	struct ue_buf all = UE_BUF_INIT;
	size_t cap = file_cap(sink->max_doc_bytes);
	ue_status st = ue_reader_slurp(r, &all, cap);
	if (st) {
		if (r->error && err[0] == '\0')
			snprintf(err, errlen, "read error: %s",
			         ue_strerror(st));
		else if (!r->error && st == UE_ELIMIT)
			snprintf(err, errlen, "file larger than the limit of "
			         "%zu bytes", cap);
		ue_buf_release(&all);
		return st;
	}
	const char *s = ue_buf_str(&all);
	size_t n = all.len;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, n -= 3;   /* UTF-8 byte-order mark */
	struct matter m;
	matter_init(&m, sink->map);
	size_t body;
	st = front_matter(&m, s, n, &body);
	if (st == UE_EFORMAT) {
		sink->reject(sink->ctx, 1, "front matter starts on line 1 "
		             "but is never closed");
		st = UE_OK;
	} else if (!st) {
		st = deliver(&m, s + body, n - body, sink);
	}
	matter_release(&m);
	ue_buf_release(&all);
	return st;
}
