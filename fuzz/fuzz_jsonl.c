/*
 * fuzz_jsonl.c - JSON Lines and JSON array files.  The first byte chooses
 * a reader that hands out a few bytes at a time, a --map and a small line
 * limit; the rest is the file.  Every record's metadata must be a valid
 * JSON object (RFC 8259: UTF-8, no raw control characters).
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/formats.h"

static size_t sum;

/*
 * A strict check of JSON (RFC 8259, without the lone surrogates that
 * I-JSON forbids), as jansson is not one: it refuses valid texts
 * ("\u0000" in a key, numbers past a machine word).
 */
struct text {
	const unsigned char *p, *end;
	int depth;
};

static void ws(struct text *t)
{
	while (t->p < t->end && (*t->p == ' ' || *t->p == '\t' ||
	                         *t->p == '\n' || *t->p == '\r'))
		t->p++;
}

/* Length of the UTF-8 sequence at p, or 0 when it is not valid. */
static size_t utf8(const unsigned char *p, const unsigned char *end)
{
	unsigned c = p[0], cp, n;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (unsigned i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

/* The four hex digits at t->p + off, or -1. */
static long hex4(const struct text *t, long off)
{
	if (t->end - t->p < off + 4)
		return -1;
	char hex[5];
	memcpy(hex, t->p + off, 4);
	hex[4] = '\0';
	if (strspn(hex, "0123456789abcdefABCDEF") != 4)
		return -1;
	return strtol(hex, NULL, 16);
}

static int string(struct text *t)
{
	if (t->p >= t->end || *t->p != '"')
		return 0;
	t->p++;
	while (t->p < t->end && *t->p != '"') {
		if (*t->p < 0x20)
			return 0;
		if (*t->p == '\\') {
			if (++t->p >= t->end)
				return 0;
			if (*t->p == 'u') {
				long cp = hex4(t, 1), lo = -1;
				if (cp < 0)
					return 0;
				if (cp >= 0xD800 && cp < 0xDC00 &&
				    t->end - t->p >= 11 && t->p[5] == '\\' &&
				    t->p[6] == 'u')
					lo = hex4(t, 7);
				if (lo >= 0xDC00 && lo < 0xE000)
					t->p += 6;
				else if (cp >= 0xD800 && cp < 0xE000)
					return 0;   /* a lone surrogate */
				t->p += 5;
			} else if (strchr("\"\\/bfnrt", *t->p) && *t->p) {
				t->p++;
			} else {
				return 0;
			}
			continue;
		}
		size_t n = utf8(t->p, t->end);
		if (!n)
			return 0;
		t->p += n;
	}
	if (t->p >= t->end)
		return 0;
	t->p++;
	return 1;
}

static int digits(struct text *t)
{
	const unsigned char *start = t->p;
	while (t->p < t->end && *t->p >= '0' && *t->p <= '9')
		t->p++;
	return t->p > start;
}

static int number(struct text *t)
{
	if (t->p < t->end && *t->p == '-')
		t->p++;
	if (t->p < t->end && *t->p == '0')
		t->p++;
	else if (!digits(t))
		return 0;
	if (t->p < t->end && *t->p == '.') {
		t->p++;
		if (!digits(t))
			return 0;
	}
	if (t->p < t->end && (*t->p == 'e' || *t->p == 'E')) {
		t->p++;
		if (t->p < t->end && (*t->p == '+' || *t->p == '-'))
			t->p++;
		if (!digits(t))
			return 0;
	}
	return 1;
}

static int value(struct text *t)
{
	ws(t);
	if (t->p >= t->end || ++t->depth > 200)
		return 0;
	int ok = 1;
	if (*t->p == '{' || *t->p == '[') {
		unsigned char close = *t->p == '{' ? '}' : ']';
		t->p++;
		ws(t);
		if (t->p < t->end && *t->p == close) {
			t->p++;
		} else {
			for (;;) {
				if (close == '}') {
					ws(t);
					if (!string(t))
						return 0;
					ws(t);
					if (t->p >= t->end || *t->p++ != ':')
						return 0;
				}
				if (!value(t))
					return 0;
				ws(t);
				if (t->p < t->end && *t->p == ',') {
					t->p++;
					continue;
				}
				if (t->p >= t->end || *t->p++ != close)
					return 0;
				break;
			}
		}
	} else if (*t->p == '"') {
		ok = string(t);
	} else if ((size_t)(t->end - t->p) >= 4 && !memcmp(t->p, "true", 4)) {
		t->p += 4;
	} else if ((size_t)(t->end - t->p) >= 5 && !memcmp(t->p, "false", 5)) {
		t->p += 5;
	} else if ((size_t)(t->end - t->p) >= 4 && !memcmp(t->p, "null", 4)) {
		t->p += 4;
	} else {
		ok = number(t);
	}
	t->depth--;
	return ok;
}

/* s is one JSON object and nothing else. */
static int json_object_text(const char *s)
{
	struct text t = {(const unsigned char *)s,
	                 (const unsigned char *)s + strlen(s), 0};
	ws(&t);
	if (t.p >= t.end || *t.p != '{' || !value(&t))
		return 0;
	ws(&t);
	return t.p == t.end;
}

/* Touches every byte of a record and checks its metadata. */
static ue_status on_record(void *ctx, const struct ue_record *rec)
{
	(void)ctx;
	for (int f = 0; f < UE_F_COUNT; f++)
		for (size_t i = 0; i < rec->field_len[f]; i++)
			sum += (unsigned char)rec->field[f][i];
	if (rec->line == 0 || strcmp(rec->format, "jsonl") != 0)
		abort();
	if (rec->meta_json) {
		if (!json_object_text(rec->meta_json))
			abort();
		/* jansson agrees, but for what it cannot hold. */
		json_error_t e;
		json_t *meta = json_loads(rec->meta_json, JSON_ALLOW_NUL, &e);
		if (!meta && json_error_code(&e) != json_error_null_byte_in_key &&
		    json_error_code(&e) != json_error_numeric_overflow)
			abort();
		if (meta && !json_is_object(meta))
			abort();
		json_decref(meta);
	}
	return UE_OK;
}

static void on_reject(void *ctx, uint64_t line, const char *reason)
{
	(void)ctx;
	if (line == 0)
		abort();
	sum += line + strlen(reason);
}

struct trickle {
	const uint8_t *p;
	size_t len, off, step;
};

static long read_trickle(void *ctx, void *buf, size_t len, ue_status *st)
{
	struct trickle *t = ctx;
	(void)st;
	size_t n = t->len - t->off;
	if (n > t->step)
		n = t->step;
	if (n > len)
		n = len;
	memcpy(buf, t->p + t->off, n);
	t->off += n;
	return (long)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0];
	data++, size--;
	struct ue_field_map map;
	char err[256] = "";
	ue_field_map_parse(&map, flags & 2 ? "text=body,title=text" : NULL, err,
	                   sizeof err);
	struct ue_sink sink = {NULL, on_record, on_reject, &map, 1 << 20};
	struct ue_reader r;
	struct trickle t = {data, size, 0, (flags >> 4) + 1};
	if (flags & 1)
		ue_reader_init(&r, read_trickle, &t);
	else
		ue_reader_init_mem(&r, data, size);
	ue_parse_jsonl(&r, &sink, flags & 4 ? 64 : 1 << 20, err, sizeof err);
	ue_reader_release(&r);
	ue_field_map_release(&map);
	return 0;
}
