/*
 * jsonl.c - JSON Lines input: one object per line (or one JSON array of
 * objects).  Recognised fields become record fields; the rest is kept as
 * metadata.
 */
#include "ingest/formats.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "text/normalise.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Storage for one record's field values that are not plain JSON strings
 * (numbers, lists of authors), so that the record can borrow them. */
struct scratch {
	struct ue_buf value[UE_F_COUNT];
	struct ue_buf key;
};

/* Joins an array of strings (or objects with "name") with ", ". */
static ue_status join_array(json_t *arr, struct ue_buf *out)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		if (json_is_object(v))
			v = json_object_get(v, "name");
		if (!json_is_string(v))
			continue;
		if (out->len && ue_buf_puts(out, ", "))
			return UE_ENOMEM;
		if (ue_buf_append(out, json_string_value(v), json_string_length(v)))
			return UE_ENOMEM;
	}
	return UE_OK;
}

/* Stores v as the value of field f in rec; returns 0 when v is not a
 * usable value for a field (it then goes to the metadata). */
static int set_field(struct ue_record *rec, struct scratch *s,
                     enum ue_field f, json_t *v)
{
	struct ue_buf *b = &s->value[f];
	ue_buf_reset(b);
	switch (json_typeof(v)) {
	case JSON_STRING:
		ue_record_set(rec, f, json_string_value(v), json_string_length(v));
		return 1;
	case JSON_INTEGER:
		ue_buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		break;
	case JSON_REAL:
		ue_buf_printf(b, "%.17g", json_real_value(v));
		break;
	case JSON_ARRAY:
		if (f != UE_F_AUTHOR || join_array(v, b) || b->len == 0)
			return 0;
		break;
	case JSON_OBJECT:
		if (f != UE_F_AUTHOR && f != UE_F_OUTLET)
			return 0;
		v = json_object_get(v, "name");
		if (!json_is_string(v))
			return 0;
		ue_buf_puts(b, json_string_value(v));
		break;
	case JSON_NULL:
		return 1;   /* present but empty: nothing to keep */
	default:
		return 0;
	}
	ue_record_set(rec, f, ue_buf_str(b), b->len);
	return 1;
}

/* Turns one JSON object into a record and hands it to the sink. */
static ue_status deliver(json_t *obj, uint64_t line,
                         const struct ue_sink *sink, struct scratch *s)
{
	struct ue_record rec = {.line = line, .format = "jsonl"};
	json_t *meta = NULL;
	const char *key;
	size_t klen;
	json_t *v;
	json_object_keylen_foreach(obj, key, klen, v) {
		enum ue_field f = ue_field_map_lookup(sink->map, key, klen);
		if (f != UE_F_COUNT && !rec.field[f] && set_field(&rec, s, f, v))
			continue;
		if (!meta && !(meta = json_object()))
			return UE_ENOMEM;
		json_object_setn(meta, key, klen, v);
	}
	char *meta_json = NULL;
	if (meta) {
		meta_json = json_dumps(meta, JSON_COMPACT);
		json_decref(meta);
		if (!meta_json)
			return UE_ENOMEM;
	}
	rec.meta_json = meta_json;
	ue_status st = sink->record(sink->ctx, &rec);
	free(meta_json);
	return st;
}

/* A file that is one JSON array of objects; records are numbered. */
static ue_status parse_array(struct ue_reader *r, const struct ue_sink *sink,
                             size_t max, struct scratch *s,
                             char *err, size_t errlen)
{
	struct ue_buf all = UE_BUF_INIT;
	ue_status st = ue_reader_slurp(r, &all, max);
	if (st) {
		ue_buf_release(&all);
		if (st == UE_ELIMIT)
			snprintf(err, errlen, "JSON array file larger than the "
			         "limit of %zu bytes; use JSON Lines", max);
		return st;
	}
	const char *json = ue_buf_str(&all);
	size_t jlen = all.len;
	if (jlen >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) {
		json += 3;   /* UTF-8 byte-order mark */
		jlen -= 3;
	}
	json_error_t e;
	json_t *arr = json_loadb(json, jlen, 0, &e);
	ue_buf_release(&all);
	if (!json_is_array(arr)) {
		snprintf(err, errlen, "line %d: invalid JSON: %s", e.line, e.text);
		json_decref(arr);
		return UE_EFORMAT;
	}
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		if (!json_is_object(v)) {
			sink->reject(sink->ctx, i + 1, "array element is not a "
			             "JSON object");
			continue;
		}
		if ((st = deliver(v, i + 1, sink, s)))
			break;
	}
	json_decref(arr);
	return st;
}

/*
 * The fast path for JSON Lines: a scanner for one flat object per line
 * that decodes string values in place of building a jansson tree (which
 * costs more than everything else in an ingest).  Values that are not
 * strings are validated and passed on as their JSON text: to jansson when
 * a field needs them (a list of authors), verbatim into the metadata
 * otherwise.
 */
struct scan {
	const char *p, *end;
	const char *error;       /* the first problem found */
	int depth;
};

static void ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' ||
	                         *s->p == '\r' || *s->p == '\n'))
		s->p++;
}

static int fail(struct scan *s, const char *why)
{
	if (!s->error)
		s->error = why;
	return -1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(p[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static void put_utf8(struct ue_buf *b, unsigned cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	ue_buf_append(b, u, n);
}

/* Decodes the escape at s->p (after the backslash) into out. */
static int unescape(struct scan *s, struct ue_buf *out)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k = s->p < s->end ? strchr(from, *s->p) : NULL;
	if (k && *k) {
		if (out)
			ue_buf_putc(out, to[k - from]);
		s->p++;
		return 0;
	}
	if (s->p >= s->end || *s->p != 'u' || s->end - s->p < 5 ||
	    hex4(s->p + 1) < 0)
		return fail(s, "bad escape in string");
	unsigned cp = (unsigned)hex4(s->p + 1);
	s->p += 5;
	if (cp >= 0xD800 && cp < 0xDC00 && s->end - s->p >= 6 &&
	    s->p[0] == '\\' && s->p[1] == 'u' && hex4(s->p + 2) >= 0xDC00 &&
	    hex4(s->p + 2) < 0xE000) {
		cp = 0x10000 + ((cp - 0xD800) << 10) +
		     ((unsigned)hex4(s->p + 2) - 0xDC00);
		s->p += 6;
	} else if (cp >= 0xD800 && cp < 0xE000) {
		cp = 0xFFFD;   /* a lone surrogate */
	}
	if (out)
		put_utf8(out, cp);
	return 0;
}

/* Reads a string (s->p at its opening quote).  With out, its decoded
 * value is appended there. */
static int string(struct scan *s, struct ue_buf *out)
{
	s->p++;
	for (;;) {
		const char *q = s->p;
		while (q < s->end && *q != '"' && *q != '\\')
			q++;
		if (out && q > s->p)
			ue_buf_append(out, s->p, (size_t)(q - s->p));
		s->p = q;
		if (q >= s->end)
			return fail(s, "unterminated string");
		s->p++;
		if (*q == '"')
			return 0;
		if (unescape(s, out))
			return -1;
	}
}

static int value(struct scan *s);
static int number(struct scan *s);

static int container(struct scan *s, char close)
{
	if (++s->depth > 64)
		return fail(s, "nested too deeply");
	s->p++;
	ws(s);
	if (s->p < s->end && *s->p == close) {
		s->p++;
		s->depth--;
		return 0;
	}
	for (;;) {
		ws(s);
		if (close == '}') {
			if (s->p >= s->end || *s->p != '"' || string(s, NULL))
				return fail(s, "expected a key");
			ws(s);
			if (s->p >= s->end || *s->p != ':')
				return fail(s, "expected ':'");
			s->p++;
			ws(s);
		}
		if (value(s))
			return -1;
		ws(s);
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			continue;
		}
		if (s->p < s->end && *s->p == close) {
			s->p++;
			s->depth--;
			return 0;
		}
		return fail(s, close == '}' ? "expected ',' or '}'"
		                            : "expected ',' or ']'");
	}
}

/* Skips one value, checking that it is well-formed JSON. */
static int value(struct scan *s)
{
	if (s->p >= s->end)
		return fail(s, "expected a value");
	switch (*s->p) {
	case '"': return string(s, NULL);
	case '{': return container(s, '}');
	case '[': return container(s, ']');
	}
	static const char *const lit[] = {"true", "false", "null"};
	for (int i = 0; i < 3; i++) {
		size_t n = strlen(lit[i]);
		if ((size_t)(s->end - s->p) >= n && !memcmp(s->p, lit[i], n)) {
			s->p += n;
			return 0;
		}
	}
	return number(s);
}

static const char *digits(const char *q, const char *end)
{
	while (q < end && *q >= '0' && *q <= '9')
		q++;
	return q;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int number(struct scan *s)
{
	const char *q = s->p, *d;
	if (q < s->end && *q == '-')
		q++;
	if ((d = digits(q, s->end)) == q || (*q == '0' && d > q + 1))
		return fail(s, "expected a value");
	q = d;
	if (q < s->end && *q == '.') {
		if ((d = digits(q + 1, s->end)) == q + 1)
			return fail(s, "bad number");
		q = d;
	}
	if (q < s->end && (*q == 'e' || *q == 'E')) {
		q++;
		if (q < s->end && (*q == '+' || *q == '-'))
			q++;
		if ((d = digits(q, s->end)) == q)
			return fail(s, "bad number");
		q = d;
	}
	s->p = q;
	return 0;
}

/*
 * Appends a key or value as scanned (p, n) to the metadata.  The scanner
 * lets raw control characters, invalid UTF-8 and escaped lone surrogates
 * through inside strings (text fields are repaired when decoded and
 * normalised), but the metadata must be valid JSON that any parser takes:
 * there they become \u escapes and U+FFFD.
 */
static void meta_append(struct ue_buf *meta, const char *p, size_t n)
{
	size_t i = 0, from = 0;
	int in_string = 0;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		size_t len = 1;
		char esc[8];
		const char *fix = NULL;
		if (!in_string || c == '"') {
			in_string ^= c == '"';
		} else if (c == '\\') {
			len = 2;   /* the scanner checked the escape */
			int cp = p[i + 1] == 'u' ? hex4(p + i + 2) : -1;
			int lo = -1;
			if (cp >= 0xD800 && cp < 0xDC00 && n - i >= 12 &&
			    p[i + 6] == '\\' && p[i + 7] == 'u')
				lo = hex4(p + i + 8);
			if (cp >= 0 && lo >= 0xDC00 && lo < 0xE000) {
				len = 12;   /* a surrogate pair */
			} else if (cp >= 0) {
				len = 6;
				if (cp >= 0xD800 && cp < 0xE000)
					fix = "\\ufffd";
			}
		} else if (c < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			fix = esc;
		} else if (c >= 0x80) {
			len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			if (len > n - i || !ue_utf8_valid(p + i, len)) {
				len = 1;
				fix = "\\ufffd";
			}
		}
		if (fix) {
			ue_buf_append(meta, p + from, i - from);
			ue_buf_puts(meta, fix);
			from = i + len;
		}
		i += len;
	}
	if (from < n)
		ue_buf_append(meta, p + from, n - from);
}

/* Scans one line's object into a record, as deliver() does for a jansson
 * object.  Returns UE_EFORMAT with s->error set for malformed input. */
static ue_status scan_object(struct scan *s, uint64_t line,
                             const struct ue_sink *sink, struct scratch *sc,
                             struct ue_buf *meta)
{
	struct ue_record rec = {.line = line, .format = "jsonl"};
	ue_buf_reset(meta);
	ws(s);
	if (s->p >= s->end || *s->p != '{')
		return fail(s, "expected a JSON object"), UE_EFORMAT;
	s->p++;
	ws(s);
	int first = 1;
	while (s->p < s->end && *s->p != '}') {
		if (!first) {
			if (*s->p != ',')
				return fail(s, "expected ',' or '}'"), UE_EFORMAT;
			s->p++;
			ws(s);
		}
		first = 0;
		const char *kstart = s->p;
		if (s->p >= s->end || *s->p != '"')
			return fail(s, "expected a key"), UE_EFORMAT;
		struct ue_buf *key = &sc->key;
		ue_buf_reset(key);
		if (string(s, key))
			return UE_EFORMAT;
		const char *kend = s->p;
		ws(s);
		if (s->p >= s->end || *s->p != ':')
			return fail(s, "expected ':'"), UE_EFORMAT;
		s->p++;
		ws(s);
		enum ue_field f = ue_field_map_lookup(sink->map, key->data,
		                                      key->len);
		const char *vstart = s->p;
		int used = 0;
		if (f != UE_F_COUNT && !rec.field[f] && s->p < s->end &&
		    *s->p == '"') {
			struct ue_buf *b = &sc->value[f];
			ue_buf_reset(b);
			if (string(s, b))
				return UE_EFORMAT;
			ue_record_set(&rec, f, ue_buf_str(b), b->len);
			used = 1;
		} else if (value(s)) {
			return UE_EFORMAT;
		}
		if (!used && f != UE_F_COUNT && !rec.field[f]) {
			/* Numbers, lists of authors...: jansson decodes them. */
			json_t *v = json_loadb(vstart, (size_t)(s->p - vstart),
			                       JSON_DECODE_ANY, NULL);
			used = v && set_field(&rec, sc, f, v);
			json_decref(v);
			if (!v && (*vstart == '-' ||
			           (*vstart >= '0' && *vstart <= '9'))) {
				/* A number too large for jansson (a 20-digit
				 * id): its digits as written. */
				struct ue_buf *b = &sc->value[f];
				ue_buf_reset(b);
				ue_buf_append(b, vstart, (size_t)(s->p - vstart));
				ue_record_set(&rec, f, ue_buf_str(b), b->len);
				used = 1;
			}
		}
		if (!used) {
			ue_buf_putc(meta, meta->len ? ',' : '{');
			meta_append(meta, kstart, (size_t)(kend - kstart));
			ue_buf_putc(meta, ':');
			meta_append(meta, vstart, (size_t)(s->p - vstart));
		}
		ws(s);
	}
	if (s->p >= s->end)
		return fail(s, "unterminated object"), UE_EFORMAT;
	s->p++;
	ws(s);
	if (s->p < s->end)
		return fail(s, "text after the object"), UE_EFORMAT;
	if (meta->len)
		ue_buf_putc(meta, '}');
	rec.meta_json = meta->len ? meta->data : NULL;
	return sink->record(sink->ctx, &rec);
}

static ue_status parse_lines(struct ue_reader *r, const struct ue_sink *sink,
                             size_t max_line, struct scratch *sc)
{
	struct ue_buf line = UE_BUF_INIT, meta = UE_BUF_INIT;
	ue_status st;
	uint64_t n = 0;
	for (;;) {
		st = ue_reader_getline(r, &line, max_line);
		n++;
		if (st == UE_ENOTFOUND) {
			st = UE_OK;
			break;
		}
		if (st == UE_ELIMIT) {
			char msg[128];
			snprintf(msg, sizeof msg, "line longer than the limit of "
			         "%zu bytes", max_line);
			sink->reject(sink->ctx, n, msg);
			continue;
		}
		if (st)
			break;
		struct scan s = {line.data, line.data + line.len, NULL, 0};
		if (n == 1 && line.len >= 3 &&
		    memcmp(line.data, "\xEF\xBB\xBF", 3) == 0)
			s.p += 3;   /* UTF-8 byte-order mark */
		ws(&s);
		if (s.p == s.end)
			continue;   /* blank line */
		st = scan_object(&s, n, sink, sc, &meta);
		if (st == UE_EFORMAT) {
			char msg[128];
			snprintf(msg, sizeof msg, "invalid JSON at column %zu: %s",
			         (size_t)(s.p - line.data) + 1, s.error);
			sink->reject(sink->ctx, n, msg);
			st = UE_OK;
		}
		if (st)
			break;
	}
	ue_buf_release(&line);
	ue_buf_release(&meta);
	return st;
}

ue_status ue_parse_jsonl(struct ue_reader *r, const struct ue_sink *sink,
                         size_t max_line, char *err, size_t errlen)
{
	struct scratch s;
	for (int f = 0; f < UE_F_COUNT; f++)
		ue_buf_init(&s.value[f], 0);
	ue_buf_init(&s.key, 0);
	size_t n;
	const char *head = ue_reader_peek(r, 64, &n);
	size_t i = 0;
	if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (is_blank(head[i]) || head[i] == '\n'))
		i++;
	ue_status st;
	if (i < n && head[i] == '[')
		st = parse_array(r, sink, max_line, &s, err, errlen);
	else
		st = parse_lines(r, sink, max_line, &s);
	for (int f = 0; f < UE_F_COUNT; f++)
		ue_buf_release(&s.value[f]);
	ue_buf_release(&s.key);
	if (st == UE_EIO && err[0] == '\0')
		snprintf(err, errlen, "read error");
	return st;
}
