/* test_jsonl.c - JSON Lines and JSON array input (lib/ingest/jsonl.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ingest/formats.h"

#define MAX 16

/* What the parser delivered, copied out of the borrowed records. */
struct got {
	size_t n, nrej;
	char *field[MAX][UE_F_COUNT];
	size_t len[MAX][UE_F_COUNT];
	char *meta[MAX];
	uint64_t line[MAX];
	const char *format[MAX];
	uint64_t rej_line[MAX];
	char *rej[MAX];
	ue_status stop_with;   /* what record() returns */
};

static char *copy(const char *s, size_t len)
{
	if (!s)
		return NULL;
	char *p = malloc(len + 1);
	assert_non_null(p);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static ue_status on_record(void *ctx, const struct ue_record *rec)
{
	struct got *g = ctx;
	assert_true(g->n < MAX);
	for (int f = 0; f < UE_F_COUNT; f++) {
		g->field[g->n][f] = copy(rec->field[f], rec->field_len[f]);
		g->len[g->n][f] = rec->field_len[f];
	}
	g->meta[g->n] = rec->meta_json ? strdup(rec->meta_json) : NULL;
	g->line[g->n] = rec->line;
	g->format[g->n] = rec->format;
	g->n++;
	return g->stop_with;
}

static void on_reject(void *ctx, uint64_t line, const char *reason)
{
	struct got *g = ctx;
	assert_true(g->nrej < MAX);
	g->rej_line[g->nrej] = line;
	g->rej[g->nrej++] = strdup(reason);
}

static void got_free(struct got *g)
{
	for (size_t i = 0; i < g->n; i++) {
		for (int f = 0; f < UE_F_COUNT; f++)
			free(g->field[i][f]);
		free(g->meta[i]);
	}
	for (size_t i = 0; i < g->nrej; i++)
		free(g->rej[i]);
	memset(g, 0, sizeof *g);
}

/* A source that hands out one byte per read, to test chunk boundaries. */
struct trickle {
	const char *p;
	size_t len, off;
};

static long read_trickle(void *ctx, void *buf, size_t len, ue_status *st)
{
	struct trickle *t = ctx;
	(void)st;
	if (t->off == t->len || len == 0)
		return 0;
	*(char *)buf = t->p[t->off++];
	return 1;
}

struct opts {
	const struct ue_field_map *map;
	size_t max_line;
	int trickle;
};

static ue_status run_opts(const char *in, size_t len, const struct opts *o,
                          struct got *g, char *err)
{
	struct ue_sink sink = {g, on_record, on_reject, o->map, 1 << 20};
	struct ue_reader r;
	struct trickle t = {in, len, 0};
	if (o->trickle)
		ue_reader_init(&r, read_trickle, &t);
	else
		ue_reader_init_mem(&r, in, len);
	err[0] = '\0';
	ue_status st = ue_parse_jsonl(&r, &sink,
	                              o->max_line ? o->max_line : 1 << 20,
	                              err, 256);
	ue_reader_release(&r);
	return st;
}

static void same_str(const char *a, const char *b)
{
	if (!a)
		assert_null(b);
	else
		assert_string_equal(a, b);
}

/* Runs the parser over in with a memory reader and with a one-byte
 * reader, checks that both give the same, and leaves the first in g. */
static ue_status run_len(const char *in, size_t len, const struct opts *o,
                         struct got *g, char *err)
{
	struct opts o2 = *o;
	struct got g2 = {.stop_with = g->stop_with};
	char err2[256];
	ue_status st = run_opts(in, len, o, g, err);
	o2.trickle = 1;
	ue_status st2 = run_opts(in, len, &o2, &g2, err2);
	assert_int_equal(st, st2);
	assert_string_equal(err, err2);
	assert_int_equal(g->n, g2.n);
	assert_int_equal(g->nrej, g2.nrej);
	for (size_t i = 0; i < g->n; i++) {
		assert_int_equal(g->line[i], g2.line[i]);
		for (int f = 0; f < UE_F_COUNT; f++) {
			same_str(g->field[i][f], g2.field[i][f]);
			assert_int_equal(g->len[i][f], g2.len[i][f]);
		}
		same_str(g->meta[i], g2.meta[i]);
	}
	for (size_t i = 0; i < g->nrej; i++) {
		assert_int_equal(g->rej_line[i], g2.rej_line[i]);
		assert_string_equal(g->rej[i], g2.rej[i]);
	}
	got_free(&g2);
	return st;
}

static ue_status run_with(const char *in, const struct opts *o,
                          struct got *g, char *err)
{
	return run_len(in, strlen(in), o, g, err);
}

static ue_status run(const char *in, struct got *g, char *err)
{
	struct opts o = {0};
	return run_with(in, &o, g, err);
}

#define F(g, i, f) ((g).field[i][UE_F_##f])

static void test_fields(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"{\"id\": \"a1\", \"outlet\": \"Reuters\", \"url\": \"https://x/1\", "
		"\"title\": \"T\", \"author\": \"Ann\", \"published\": "
		"\"2024-10-18\", \"language\": \"en\", \"text\": \"Body one\"}\n"
		"{\"text\":\"Body two\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_string_equal(err, "");
	assert_int_equal(g.n, 2);
	assert_int_equal(g.nrej, 0);
	assert_string_equal(F(g, 0, ID), "a1");
	assert_string_equal(F(g, 0, OUTLET), "Reuters");
	assert_string_equal(F(g, 0, URL), "https://x/1");
	assert_string_equal(F(g, 0, TITLE), "T");
	assert_string_equal(F(g, 0, AUTHOR), "Ann");
	assert_string_equal(F(g, 0, PUBLISHED), "2024-10-18");
	assert_string_equal(F(g, 0, LANGUAGE), "en");
	assert_string_equal(F(g, 0, TEXT), "Body one");
	assert_null(g.meta[0]);
	assert_int_equal(g.line[0], 1);
	assert_string_equal(g.format[0], "jsonl");
	assert_string_equal(F(g, 1, TEXT), "Body two");
	assert_null(F(g, 1, ID));
	assert_null(F(g, 1, TITLE));
	assert_int_equal(g.line[1], 2);
	got_free(&g);
}

static void test_aliases(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"{\"Source\":\"S\",\"link\":\"L\",\"headline\":\"H\",\"byline\":\"B\","
		"\"date\":\"D\",\"lang\":\"fr\",\"articleBody\":\"X\"}\n"
		"{\"publisher\":\"P\",\"pubDate\":\"D2\",\"body\":\"Y\","
		"\"content\":\"Z\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 0, OUTLET), "S");
	assert_string_equal(F(g, 0, URL), "L");
	assert_string_equal(F(g, 0, TITLE), "H");
	assert_string_equal(F(g, 0, AUTHOR), "B");
	assert_string_equal(F(g, 0, PUBLISHED), "D");
	assert_string_equal(F(g, 0, LANGUAGE), "fr");
	assert_string_equal(F(g, 0, TEXT), "X");
	assert_null(g.meta[0]);
	/* The first key for a field wins; the others are metadata. */
	assert_string_equal(F(g, 1, OUTLET), "P");
	assert_string_equal(F(g, 1, PUBLISHED), "D2");
	assert_string_equal(F(g, 1, TEXT), "Y");
	assert_string_equal(g.meta[1], "{\"content\":\"Z\"}");
	got_free(&g);
}

static void test_numbers(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"{\"id\": 42, \"text\": \"a\"}\n"
		"{\"id\": -7, \"text\": \"b\", \"published\": 1729233000}\n"
		"{\"id\": 1.5, \"text\": \"c\"}\n"
		"{\"id\": 2e3, \"text\": \"d\"}\n"
		"{\"id\": 12345678901234567890, \"text\": \"e\"}\n"
		"{\"id\": -1e999, \"text\": \"f\", \"n\": 1e999}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 6);
	assert_string_equal(F(g, 0, ID), "42");
	assert_string_equal(F(g, 1, ID), "-7");
	assert_string_equal(F(g, 1, PUBLISHED), "1729233000");
	assert_string_equal(F(g, 2, ID), "1.5");
	assert_string_equal(F(g, 3, ID), "2000");
	/* Numbers too large for a machine word keep their digits. */
	assert_string_equal(F(g, 4, ID), "12345678901234567890");
	assert_string_equal(F(g, 5, ID), "-1e999");
	for (int i = 0; i < 5; i++)
		assert_null(g.meta[i]);
	assert_string_equal(g.meta[5], "{\"n\":1e999}");
	got_free(&g);
}

static void test_authors(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"{\"authors\": [\"Ann Lee\", \"Bo Kim\", \"Cy\"], \"text\": \"a\"}\n"
		"{\"author\": [{\"name\": \"Ann\", \"url\": \"u\"}, 7, \"Bo\"], "
		"\"text\": \"b\"}\n"
		"{\"author\": {\"@type\": \"Person\", \"name\": \"Dee\"}, "
		"\"text\": \"c\"}\n"
		"{\"authors\": [], \"text\": \"d\"}\n"
		"{\"author\": [\"Solo\"], \"text\": \"e\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 5);
	assert_string_equal(F(g, 0, AUTHOR), "Ann Lee, Bo Kim, Cy");
	assert_null(g.meta[0]);
	assert_string_equal(F(g, 1, AUTHOR), "Ann, Bo");
	assert_string_equal(F(g, 2, AUTHOR), "Dee");
	/* No names: kept as metadata. */
	assert_null(F(g, 3, AUTHOR));
	assert_string_equal(g.meta[3], "{\"authors\":[]}");
	assert_string_equal(F(g, 4, AUTHOR), "Solo");
	got_free(&g);
}

static void test_values_not_fields(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"{\"title\": null, \"text\": \"a\"}\n"
		"{\"title\": true, \"text\": \"b\", \"url\": [\"x\"]}\n"
		"{\"outlet\": {\"name\": \"Reuters\"}, \"text\": \"c\", "
		"\"url\": {\"name\": \"n\"}}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	/* null: present but empty. */
	assert_null(F(g, 0, TITLE));
	assert_null(g.meta[0]);
	/* A value a field cannot take goes to the metadata as it is. */
	assert_null(F(g, 1, TITLE));
	assert_null(F(g, 1, URL));
	assert_string_equal(g.meta[1], "{\"title\":true,\"url\":[\"x\"]}");
	/* An object with a name is an outlet (or an author), nothing else. */
	assert_string_equal(F(g, 2, OUTLET), "Reuters");
	assert_null(F(g, 2, URL));
	assert_string_equal(g.meta[2], "{\"url\":{\"name\": \"n\"}}");
	got_free(&g);
}

static void test_meta(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"{\"section\": \"world\", \"text\": \"a\", \"n\": 3, "
		"\"ok\": false, \"none\": null, \"f\": -0.5e-3}\n"
		"{\"text\": \"b\", \"extra\": {\"a\": [1, 2, {\"b\": null}], "
		"\"c\": {}}, \"list\": [ ]}\n"
		"{\"text\": \"c\", \"k\\u00e9y\": \"v\\n\\\"q\\\"\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(F(g, 0, TEXT), "a");
	assert_string_equal(g.meta[0], "{\"section\":\"world\",\"n\":3,"
	                    "\"ok\":false,\"none\":null,\"f\":-0.5e-3}");
	/* Nested values are kept exactly as written. */
	assert_string_equal(g.meta[1], "{\"extra\":{\"a\": [1, 2, {\"b\": "
	                    "null}], \"c\": {}},\"list\":[ ]}");
	/* Keys and strings keep their escapes. */
	assert_string_equal(g.meta[2],
	                    "{\"k\\u00e9y\":\"v\\n\\\"q\\\"\"}");
	for (int i = 0; i < 3; i++) {
		json_error_t e;
		json_t *m = json_loads(g.meta[i], 0, &e);
		assert_true(json_is_object(m));
		json_decref(m);
	}
	got_free(&g);
}

static void test_escapes(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"{\"text\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end\"}\n"
		"{\"text\": \"caf\\u00e9 \\u20AC \\u0041\"}\n"
		"{\"text\": \"smile \\ud83d\\ude00!\"}\n"
		"{\"text\": \"lone \\ud800x \\udc00y \\ud83d\\u0041z\"}\n"
		"{\"text\": \"end \\ud83d\"}\n"
		"{\"text\": \"raw \xc3\xa9 \xff\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.n, 6);
	assert_string_equal(F(g, 0, TEXT), "q\" b\\ s/ \b\f\n\r\t end");
	assert_string_equal(F(g, 1, TEXT), "caf\xc3\xa9 \xe2\x82\xac A");
	assert_string_equal(F(g, 2, TEXT), "smile \xf0\x9f\x98\x80!");
	/* Lone surrogates become U+FFFD. */
	assert_string_equal(F(g, 3, TEXT), "lone \xef\xbf\xbdx \xef\xbf\xbdy "
	                    "\xef\xbf\xbd" "Az");
	assert_string_equal(F(g, 4, TEXT), "end \xef\xbf\xbd");
	/* Raw bytes are passed on as they are (repaired later). */
	assert_string_equal(F(g, 5, TEXT), "raw \xc3\xa9 \xff");
	got_free(&g);
}

static void test_escaped_nul(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run("{\"text\": \"a\\u0000b\"}\n", &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.len[0][UE_F_TEXT], 3);
	assert_memory_equal(F(g, 0, TEXT), "a\0b", 3);
	got_free(&g);
}

static void test_bom_and_blank_lines(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"\xEF\xBB\xBF{\"text\": \"first\"}\r\n"
		"\n"
		"   \t\r\n"
		"{\"text\": \"fourth\"}\n"
		"\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 0, TEXT), "first");
	assert_int_equal(g.line[0], 1);
	assert_string_equal(F(g, 1, TEXT), "fourth");
	assert_int_equal(g.line[1], 4);
	got_free(&g);

	/* A BOM after the first line is not skipped. */
	in = "{\"text\": \"a\"}\n\xEF\xBB\xBF{\"text\": \"b\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "invalid JSON at column 1: expected a "
	                    "JSON object");
	got_free(&g);
}

static void test_invalid_lines(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"{\"text\": \"unterminated\n"          /* 1 */
		"{\"text\": \"ok 2\"}\n"               /* 2 */
		"{\"text\":}\n"                        /* 3 */
		"{\"text\":\"a\\x\"}\n"                /* 4 */
		"{\"text\":\"a\"} x\n"                 /* 5 */
		"{\"text\":\"a\" \"b\":1}\n"           /* 6 */
		"{text:1}\n"                           /* 7 */
		"{\"a\" 1}\n"                          /* 8 */
		"{\"a\":[1,}\n"                        /* 9 */
		"{\"a\":01}\n"                         /* 10 */
		"{\"a\":1.}\n"                         /* 11 */
		"{\"a\":tru}\n"                        /* 12 */
		"{\"text\":\"a\"\n"                    /* 13 */
		"{\"text\": \"ok 14\"}\n";             /* 14 */
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_string_equal(err, "");
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 0, TEXT), "ok 2");
	assert_int_equal(g.line[0], 2);
	assert_string_equal(F(g, 1, TEXT), "ok 14");
	assert_int_equal(g.line[1], 14);
	static const char *const want[] = {
		"invalid JSON at column 23: unterminated string",
		"invalid JSON at column 9: expected a value",
		"invalid JSON at column 12: bad escape in string",
		"invalid JSON at column 14: text after the object",
		"invalid JSON at column 13: expected ',' or '}'",
		"invalid JSON at column 2: expected a key",
		"invalid JSON at column 6: expected ':'",
		"invalid JSON at column 9: expected a value",
		"invalid JSON at column 6: expected a value",
		"invalid JSON at column 6: bad number",
		"invalid JSON at column 6: expected a value",
		"invalid JSON at column 12: unterminated object",
	};
	assert_int_equal(g.nrej, 12);
	for (size_t i = 0; i < 12; i++) {
		assert_int_equal(g.rej_line[i], i < 1 ? 1 : i + 2);
		assert_string_equal(g.rej[i], want[i]);
	}
	got_free(&g);
}

static void test_not_objects(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"{\"text\": \"a\"}\n"
		"[{\"text\": \"in an array\"}]\n"
		"\"just a string\"\n"
		"42\n"
		"null\n"
		"{\"text\": \"b\"}";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[1], 6);
	assert_int_equal(g.nrej, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(g.rej_line[i], i + 2);
		assert_string_equal(g.rej[i], "invalid JSON at column 1: "
		                    "expected a JSON object");
	}
	got_free(&g);
}

static void test_deep_nesting(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	char in[512];
	/* 64 levels inside the value are fine, 65 are not. */
	size_t n = (size_t)snprintf(in, sizeof in, "{\"text\":\"a\",\"x\":");
	for (int i = 0; i < 64; i++)
		in[n++] = '[';
	for (int i = 0; i < 64; i++)
		in[n++] = ']';
	n += (size_t)snprintf(in + n, sizeof in - n, "}\n{\"text\":\"b\",\"x\":");
	for (int i = 0; i < 65; i++)
		in[n++] = '[';
	for (int i = 0; i < 65; i++)
		in[n++] = ']';
	snprintf(in + n, sizeof in - n, "}\n");
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, TEXT), "a");
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "invalid JSON at column 81: nested too "
	                    "deeply");
	got_free(&g);
}

static void test_line_too_long(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct opts o = {.max_line = 30};
	const char *in =
		"{\"text\": \"short\"}\n"
		"{\"text\": \"this line is much longer than thirty\"}\n"
		"{\"text\": \"next\"}\n"
		"{\"text\": \"and the last one is too long\"}";
	assert_int_equal(run_with(in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 0, TEXT), "short");
	assert_string_equal(F(g, 1, TEXT), "next");
	assert_int_equal(g.line[1], 3);
	assert_int_equal(g.nrej, 2);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "line longer than the limit of 30 bytes");
	assert_int_equal(g.rej_line[1], 4);
	assert_string_equal(g.rej[1], "line longer than the limit of 30 bytes");
	got_free(&g);
}

static void test_array(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"\xEF\xBB\xBF \n[\n"
		"  {\"id\": 1, \"headline\": \"One\", \"body\": \"first\", "
		"\"tags\": [\"a\", \"b\"]},\n"
		"  \"not an object\",\n"
		"  {\"text\": \"third\", \"authors\": [\"A\", {\"name\": \"B\"}], "
		"\"x\": {\"y\": 1}}\n"
		"]\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_string_equal(err, "");
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 0, ID), "1");
	assert_string_equal(F(g, 0, TITLE), "One");
	assert_string_equal(F(g, 0, TEXT), "first");
	assert_string_equal(g.meta[0], "{\"tags\":[\"a\",\"b\"]}");
	assert_int_equal(g.line[0], 1);
	assert_string_equal(g.format[0], "jsonl");
	assert_string_equal(F(g, 1, TEXT), "third");
	assert_string_equal(F(g, 1, AUTHOR), "A, B");
	assert_string_equal(g.meta[1], "{\"x\":{\"y\":1}}");
	assert_int_equal(g.line[1], 3);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "array element is not a JSON object");
	got_free(&g);
}

static void test_array_errors(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run("[{\"text\": \"a\"},\n{\"text\": ", &g, err),
	                 UE_EFORMAT);
	assert_string_equal(err, "line 2: invalid JSON: unexpected token near "
	                    "end of file");
	assert_int_equal(g.n, 0);
	got_free(&g);

	struct opts o = {.max_line = 20};
	assert_int_equal(run_with("[{\"text\": \"more than twenty\"}]", &o, &g,
	                          err), UE_ELIMIT);
	assert_string_equal(err, "JSON array file larger than the limit of 20 "
	                    "bytes; use JSON Lines");
	assert_int_equal(g.n, 0);
	got_free(&g);

	assert_int_equal(run("[]", &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 0);
	got_free(&g);
}

static void test_map(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct ue_field_map map;
	assert_int_equal(ue_field_map_parse(&map, "text=story,outlet=site",
	                                    err, sizeof err), UE_OK);
	struct opts o = {.map = &map};
	const char *in =
		"{\"story\": \"S\", \"text\": \"T\", \"site\": \"O\", "
		"\"source\": \"X\"}\n";
	assert_int_equal(run_with(in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, TEXT), "S");
	assert_string_equal(F(g, 0, OUTLET), "O");
	/* Renamed fields are no longer read from their own keys. */
	assert_string_equal(g.meta[0], "{\"text\":\"T\",\"source\":\"X\"}");
	got_free(&g);

	/* The same in a JSON array file. */
	in = "[{\"story\": \"S\", \"text\": \"T\", \"site\": \"O\"}]";
	assert_int_equal(run_with(in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, TEXT), "S");
	assert_string_equal(F(g, 0, OUTLET), "O");
	assert_string_equal(g.meta[0], "{\"text\":\"T\"}");
	got_free(&g);
	ue_field_map_release(&map);
}

static void test_sink_stops(void **state)
{
	(void)state;
	struct got g = {.stop_with = UE_ECANCELLED};
	char err[256];
	const char *in = "{\"text\": \"a\"}\n{\"text\": \"b\"}\n";
	assert_int_equal(run(in, &g, err), UE_ECANCELLED);
	assert_int_equal(g.n, 1);
	got_free(&g);
	g.stop_with = UE_ECANCELLED;
	assert_int_equal(run("[{\"text\": \"a\"}, {\"text\": \"b\"}]", &g, err),
	                 UE_ECANCELLED);
	assert_int_equal(g.n, 1);
	got_free(&g);
}

static void test_empty(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run("", &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(run("\n\n  \n", &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 0);
	/* An object without any field is still a record. */
	assert_int_equal(run("{}\n{ }", &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	for (int f = 0; f < UE_F_COUNT; f++)
		assert_null(F(g, 0, ID + f));
	assert_null(g.meta[0]);
	got_free(&g);
}

static void test_raw_bytes(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	/* Raw control characters and invalid UTF-8 are let through in
	 * fields (the normaliser repairs them) and escaped in the metadata,
	 * which stays valid JSON. */
	static const char in[] =
		"{\"text\": \"a\0b\tc\"}\n"
		"{\"text\": \"t\", \"te\0xt\": 1, \"k\tey\": \"v\x01\xff\xc3\xa9"
		"\xe2\x82\", \"x\": [\"\x7f\\\"\xed\xa0\x80\"], "
		"\"s\": \"\\ud83d\\ude00 \\ud800\\u0041 \\udc00 \\ud83d\"}\n";
	assert_int_equal(run_len(in, sizeof in - 1, &(struct opts){0}, &g, err),
	                 UE_OK);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.len[0][UE_F_TEXT], 5);
	assert_memory_equal(F(g, 0, TEXT), "a\0b\tc", 5);
	assert_null(g.meta[0]);
	assert_string_equal(g.meta[1], "{\"te\\u0000xt\":1,\"k\\u0009ey\":"
	                    "\"v\\u0001\\ufffd\xc3\xa9\\ufffd\\ufffd\","
	                    "\"x\":[\"\x7f\\\"\\ufffd\\ufffd\\ufffd\"],"
	                    "\"s\":\"\\ud83d\\ude00 \\ufffd\\u0041 \\ufffd "
	                    "\\ufffd\"}");
	/* Less its "\u0000" key (which jansson cannot hold), jansson reads
	 * it. */
	char rest[256];
	snprintf(rest, sizeof rest, "{%s", strchr(g.meta[1], ',') + 1);
	json_t *m = json_loads(rest, 0, NULL);
	assert_true(json_is_object(m));
	assert_int_equal(json_object_size(m), 3);
	json_decref(m);
	got_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_authors),
		cmocka_unit_test(test_values_not_fields),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_escaped_nul),
		cmocka_unit_test(test_bom_and_blank_lines),
		cmocka_unit_test(test_invalid_lines),
		cmocka_unit_test(test_not_objects),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_line_too_long),
		cmocka_unit_test(test_array),
		cmocka_unit_test(test_array_errors),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_sink_stops),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_raw_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
