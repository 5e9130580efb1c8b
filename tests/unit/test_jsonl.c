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
#include "testlib.h"

/* The tl_run family (testlib.h) over ue_parse_jsonl. */
static ue_status run_len(const char *in, size_t len, const struct tl_opts *o,
                         struct tl_got *g, char *err)
{
	return tl_run_len(ue_parse_jsonl, in, len, o, g, err);
}

static ue_status run_with(const char *in, const struct tl_opts *o,
                          struct tl_got *g, char *err)
{
	return tl_run_with(ue_parse_jsonl, in, o, g, err);
}

static ue_status run(const char *in, struct tl_got *g, char *err)
{
	return tl_run(ue_parse_jsonl, in, g, err);
}

static void test_fields(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"{\"id\": \"a1\", \"outlet\": \"Reuters\", \"url\": \"https://x/1\", "
		"\"title\": \"T\", \"author\": \"Ann\", \"published\": "
		"\"2024-10-18\", \"language\": \"en\", \"text\": \"Body one\"}\n"
		"{\"text\":\"Body two\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_string_equal(err, "");
	assert_int_equal(g.n, 2);
	assert_int_equal(g.nrej, 0);
	assert_string_equal(TL_F(g, 0, ID), "a1");
	assert_string_equal(TL_F(g, 0, OUTLET), "Reuters");
	assert_string_equal(TL_F(g, 0, URL), "https://x/1");
	assert_string_equal(TL_F(g, 0, TITLE), "T");
	assert_string_equal(TL_F(g, 0, AUTHOR), "Ann");
	assert_string_equal(TL_F(g, 0, PUBLISHED), "2024-10-18");
	assert_string_equal(TL_F(g, 0, LANGUAGE), "en");
	assert_string_equal(TL_F(g, 0, TEXT), "Body one");
	assert_null(g.meta[0]);
	assert_int_equal(g.line[0], 1);
	assert_string_equal(g.format[0], "jsonl");
	assert_string_equal(TL_F(g, 1, TEXT), "Body two");
	assert_null(TL_F(g, 1, ID));
	assert_null(TL_F(g, 1, TITLE));
	assert_int_equal(g.line[1], 2);
	tl_got_free(&g);
}

static void test_aliases(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"{\"Source\":\"S\",\"link\":\"L\",\"headline\":\"H\",\"byline\":\"B\","
		"\"date\":\"D\",\"lang\":\"fr\",\"articleBody\":\"X\"}\n"
		"{\"publisher\":\"P\",\"pubDate\":\"D2\",\"body\":\"Y\","
		"\"content\":\"Z\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(TL_F(g, 0, OUTLET), "S");
	assert_string_equal(TL_F(g, 0, URL), "L");
	assert_string_equal(TL_F(g, 0, TITLE), "H");
	assert_string_equal(TL_F(g, 0, AUTHOR), "B");
	assert_string_equal(TL_F(g, 0, PUBLISHED), "D");
	assert_string_equal(TL_F(g, 0, LANGUAGE), "fr");
	assert_string_equal(TL_F(g, 0, TEXT), "X");
	assert_null(g.meta[0]);
	/* The first key for a field wins; the others are metadata. */
	assert_string_equal(TL_F(g, 1, OUTLET), "P");
	assert_string_equal(TL_F(g, 1, PUBLISHED), "D2");
	assert_string_equal(TL_F(g, 1, TEXT), "Y");
	assert_string_equal(g.meta[1], "{\"content\":\"Z\"}");
	tl_got_free(&g);
}

static void test_numbers(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"{\"id\": 42, \"text\": \"a\"}\n"
		"{\"id\": -7, \"text\": \"b\", \"published\": 1729233000}\n"
		"{\"id\": 1.5, \"text\": \"c\"}\n"
		"{\"id\": 2e3, \"text\": \"d\"}\n"
		"{\"id\": 12345678901234567890, \"text\": \"e\"}\n"
		"{\"id\": -1e999, \"text\": \"f\", \"n\": 1e999}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 6);
	assert_string_equal(TL_F(g, 0, ID), "42");
	assert_string_equal(TL_F(g, 1, ID), "-7");
	assert_string_equal(TL_F(g, 1, PUBLISHED), "1729233000");
	assert_string_equal(TL_F(g, 2, ID), "1.5");
	assert_string_equal(TL_F(g, 3, ID), "2000");
	/* Numbers too large for a machine word keep their digits. */
	assert_string_equal(TL_F(g, 4, ID), "12345678901234567890");
	assert_string_equal(TL_F(g, 5, ID), "-1e999");
	for (int i = 0; i < 5; i++)
		assert_null(g.meta[i]);
	assert_string_equal(g.meta[5], "{\"n\":1e999}");
	tl_got_free(&g);
}

static void test_authors(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
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
	assert_string_equal(TL_F(g, 0, AUTHOR), "Ann Lee, Bo Kim, Cy");
	assert_null(g.meta[0]);
	assert_string_equal(TL_F(g, 1, AUTHOR), "Ann, Bo");
	assert_string_equal(TL_F(g, 2, AUTHOR), "Dee");
	/* No names: kept as metadata. */
	assert_null(TL_F(g, 3, AUTHOR));
	assert_string_equal(g.meta[3], "{\"authors\":[]}");
	assert_string_equal(TL_F(g, 4, AUTHOR), "Solo");
	tl_got_free(&g);
}

static void test_values_not_fields(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"{\"title\": null, \"text\": \"a\"}\n"
		"{\"title\": true, \"text\": \"b\", \"url\": [\"x\"]}\n"
		"{\"outlet\": {\"name\": \"Reuters\"}, \"text\": \"c\", "
		"\"url\": {\"name\": \"n\"}}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	/* null: present but empty. */
	assert_null(TL_F(g, 0, TITLE));
	assert_null(g.meta[0]);
	/* A value a field cannot take goes to the metadata as it is. */
	assert_null(TL_F(g, 1, TITLE));
	assert_null(TL_F(g, 1, URL));
	assert_string_equal(g.meta[1], "{\"title\":true,\"url\":[\"x\"]}");
	/* An object with a name is an outlet (or an author), nothing else. */
	assert_string_equal(TL_F(g, 2, OUTLET), "Reuters");
	assert_null(TL_F(g, 2, URL));
	assert_string_equal(g.meta[2], "{\"url\":{\"name\": \"n\"}}");
	tl_got_free(&g);
}

static void test_meta(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"{\"section\": \"world\", \"text\": \"a\", \"n\": 3, "
		"\"ok\": false, \"none\": null, \"f\": -0.5e-3}\n"
		"{\"text\": \"b\", \"extra\": {\"a\": [1, 2, {\"b\": null}], "
		"\"c\": {}}, \"list\": [ ]}\n"
		"{\"text\": \"c\", \"k\\u00e9y\": \"v\\n\\\"q\\\"\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(TL_F(g, 0, TEXT), "a");
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
	tl_got_free(&g);
}

static void test_escapes(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
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
	assert_string_equal(TL_F(g, 0, TEXT), "q\" b\\ s/ \b\f\n\r\t end");
	assert_string_equal(TL_F(g, 1, TEXT), "caf\xc3\xa9 \xe2\x82\xac A");
	assert_string_equal(TL_F(g, 2, TEXT), "smile \xf0\x9f\x98\x80!");
	/* Lone surrogates become U+FFFD. */
	assert_string_equal(TL_F(g, 3, TEXT), "lone \xef\xbf\xbdx \xef\xbf\xbdy "
	                    "\xef\xbf\xbd" "Az");
	assert_string_equal(TL_F(g, 4, TEXT), "end \xef\xbf\xbd");
	/* Raw bytes are passed on as they are (repaired later). */
	assert_string_equal(TL_F(g, 5, TEXT), "raw \xc3\xa9 \xff");
	tl_got_free(&g);
}

static void test_escaped_nul(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(run("{\"text\": \"a\\u0000b\"}\n", &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.len[0][UE_F_TEXT], 3);
	assert_memory_equal(TL_F(g, 0, TEXT), "a\0b", 3);
	tl_got_free(&g);
}

static void test_bom_and_blank_lines(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"\xEF\xBB\xBF{\"text\": \"first\"}\r\n"
		"\n"
		"   \t\r\n"
		"{\"text\": \"fourth\"}\n"
		"\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(TL_F(g, 0, TEXT), "first");
	assert_int_equal(g.line[0], 1);
	assert_string_equal(TL_F(g, 1, TEXT), "fourth");
	assert_int_equal(g.line[1], 4);
	tl_got_free(&g);

	/* A BOM after the first line is not skipped. */
	in = "{\"text\": \"a\"}\n\xEF\xBB\xBF{\"text\": \"b\"}\n";
	assert_int_equal(run(in, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "invalid JSON at column 1: expected a "
	                    "JSON object");
	tl_got_free(&g);
}

static void test_invalid_lines(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
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
	assert_string_equal(TL_F(g, 0, TEXT), "ok 2");
	assert_int_equal(g.line[0], 2);
	assert_string_equal(TL_F(g, 1, TEXT), "ok 14");
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
	tl_got_free(&g);
}

static void test_not_objects(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
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
	tl_got_free(&g);
}

static void test_deep_nesting(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
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
	assert_string_equal(TL_F(g, 0, TEXT), "a");
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "invalid JSON at column 81: nested too "
	                    "deeply");
	tl_got_free(&g);
}

static void test_line_too_long(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct tl_opts o = {.max_line = 30};
	const char *in =
		"{\"text\": \"short\"}\n"
		"{\"text\": \"this line is much longer than thirty\"}\n"
		"{\"text\": \"next\"}\n"
		"{\"text\": \"and the last one is too long\"}";
	assert_int_equal(run_with(in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(TL_F(g, 0, TEXT), "short");
	assert_string_equal(TL_F(g, 1, TEXT), "next");
	assert_int_equal(g.line[1], 3);
	assert_int_equal(g.nrej, 2);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "line longer than the limit of 30 bytes");
	assert_int_equal(g.rej_line[1], 4);
	assert_string_equal(g.rej[1], "line longer than the limit of 30 bytes");
	tl_got_free(&g);
}

static void test_array(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
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
	assert_string_equal(TL_F(g, 0, ID), "1");
	assert_string_equal(TL_F(g, 0, TITLE), "One");
	assert_string_equal(TL_F(g, 0, TEXT), "first");
	assert_string_equal(g.meta[0], "{\"tags\":[\"a\",\"b\"]}");
	assert_int_equal(g.line[0], 1);
	assert_string_equal(g.format[0], "jsonl");
	assert_string_equal(TL_F(g, 1, TEXT), "third");
	assert_string_equal(TL_F(g, 1, AUTHOR), "A, B");
	assert_string_equal(g.meta[1], "{\"x\":{\"y\":1}}");
	assert_int_equal(g.line[1], 3);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "array element is not a JSON object");
	tl_got_free(&g);
}

static void test_array_errors(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(run("[{\"text\": \"a\"},\n{\"text\": ", &g, err),
	                 UE_EFORMAT);
	assert_string_equal(err, "line 2: invalid JSON: unexpected token near "
	                    "end of file");
	assert_int_equal(g.n, 0);
	tl_got_free(&g);

	struct tl_opts o = {.max_line = 20};
	assert_int_equal(run_with("[{\"text\": \"more than twenty\"}]", &o, &g,
	                          err), UE_ELIMIT);
	assert_string_equal(err, "JSON array file larger than the limit of 20 "
	                    "bytes; use JSON Lines");
	assert_int_equal(g.n, 0);
	tl_got_free(&g);

	assert_int_equal(run("[]", &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 0);
	tl_got_free(&g);
}

static void test_map(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_field_map map;
	assert_int_equal(ue_field_map_parse(&map, "text=story,outlet=site",
	                                    err, sizeof err), UE_OK);
	struct tl_opts o = {.map = &map};
	const char *in =
		"{\"story\": \"S\", \"text\": \"T\", \"site\": \"O\", "
		"\"source\": \"X\"}\n";
	assert_int_equal(run_with(in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, TEXT), "S");
	assert_string_equal(TL_F(g, 0, OUTLET), "O");
	/* Renamed fields are no longer read from their own keys. */
	assert_string_equal(g.meta[0], "{\"text\":\"T\",\"source\":\"X\"}");
	tl_got_free(&g);

	/* The same in a JSON array file. */
	in = "[{\"story\": \"S\", \"text\": \"T\", \"site\": \"O\"}]";
	assert_int_equal(run_with(in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, TEXT), "S");
	assert_string_equal(TL_F(g, 0, OUTLET), "O");
	assert_string_equal(g.meta[0], "{\"text\":\"T\"}");
	tl_got_free(&g);
	ue_field_map_release(&map);
}

static void test_sink_stops(void **state)
{
	(void)state;
	struct tl_got g = {.stop_with = UE_ECANCELLED};
	char err[TL_ERRLEN];
	const char *in = "{\"text\": \"a\"}\n{\"text\": \"b\"}\n";
	assert_int_equal(run(in, &g, err), UE_ECANCELLED);
	assert_int_equal(g.n, 1);
	tl_got_free(&g);
	g.stop_with = UE_ECANCELLED;
	assert_int_equal(run("[{\"text\": \"a\"}, {\"text\": \"b\"}]", &g, err),
	                 UE_ECANCELLED);
	assert_int_equal(g.n, 1);
	tl_got_free(&g);
}

static void test_empty(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
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
		assert_null(TL_F(g, 0, ID + f));
	assert_null(g.meta[0]);
	tl_got_free(&g);
}

static void test_raw_bytes(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	/* Raw control characters and invalid UTF-8 are let through in
	 * fields (the normaliser repairs them) and escaped in the metadata,
	 * which stays valid JSON. */
	static const char in[] =
		"{\"text\": \"a\0b\tc\"}\n"
		"{\"text\": \"t\", \"te\0xt\": 1, \"k\tey\": \"v\x01\xff\xc3\xa9"
		"\xe2\x82\", \"x\": [\"\x7f\\\"\xed\xa0\x80\"], "
		"\"s\": \"\\ud83d\\ude00 \\ud800\\u0041 \\udc00 \\ud83d\"}\n";
	assert_int_equal(run_len(in, sizeof in - 1, &(struct tl_opts){0}, &g, err),
	                 UE_OK);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.len[0][UE_F_TEXT], 5);
	assert_memory_equal(TL_F(g, 0, TEXT), "a\0b\tc", 5);
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
	tl_got_free(&g);
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
