/* test_record.c - field names, aliases, --map renames and metadata
 * (lib/ingest/record.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ingest/record.h"

static enum ue_field lookup(const char *key)
{
	return ue_field_lookup(key, strlen(key));
}

static enum ue_field map_lookup(const struct ue_field_map *map,
                                const char *key)
{
	return ue_field_map_lookup(map, key, strlen(key));
}

static void test_names(void **state)
{
	(void)state;
	static const char *const want[] = {
		"id", "outlet", "url", "title", "author", "published", "language",
		"text",
	};
	for (int f = 0; f < UE_F_COUNT; f++) {
		assert_string_equal(ue_field_name((enum ue_field)f), want[f]);
		assert_int_equal(lookup(want[f]), f);
	}
	assert_string_equal(ue_field_name(UE_F_COUNT), "?");
}

static void test_aliases(void **state)
{
	(void)state;
	/* SPEC §3.1 */
	static const struct { const char *key; enum ue_field f; } cases[] = {
		{"source", UE_F_OUTLET}, {"publisher", UE_F_OUTLET},
		{"source_name", UE_F_OUTLET},
		{"link", UE_F_URL},
		{"headline", UE_F_TITLE},
		{"authors", UE_F_AUTHOR}, {"byline", UE_F_AUTHOR},
		{"date", UE_F_PUBLISHED}, {"published_at", UE_F_PUBLISHED},
		{"pubdate", UE_F_PUBLISHED}, {"datetime", UE_F_PUBLISHED},
		{"lang", UE_F_LANGUAGE},
		{"body", UE_F_TEXT}, {"content", UE_F_TEXT},
		{"articleBody", UE_F_TEXT}, {"story_text", UE_F_TEXT},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(lookup(cases[i].key), cases[i].f);
}

static void test_case_insensitive(void **state)
{
	(void)state;
	assert_int_equal(lookup("TEXT"), UE_F_TEXT);
	assert_int_equal(lookup("Headline"), UE_F_TITLE);
	assert_int_equal(lookup("ARTICLEBODY"), UE_F_TEXT);
	assert_int_equal(lookup("Published_At"), UE_F_PUBLISHED);
	assert_int_equal(lookup("uRl"), UE_F_URL);
}

static void test_not_fields(void **state)
{
	(void)state;
	assert_int_equal(lookup(""), UE_F_COUNT);
	assert_int_equal(lookup("texts"), UE_F_COUNT);
	assert_int_equal(lookup("tex"), UE_F_COUNT);
	assert_int_equal(lookup("section"), UE_F_COUNT);
	assert_int_equal(lookup("source name"), UE_F_COUNT);
	assert_int_equal(lookup(" text"), UE_F_COUNT);
	/* Only len bytes count. */
	assert_int_equal(ue_field_lookup("textual", 4), UE_F_TEXT);
	assert_int_equal(ue_field_lookup("id", 1), UE_F_COUNT);
	/* No map: the aliases alone. */
	assert_int_equal(map_lookup(NULL, "body"), UE_F_TEXT);
	assert_int_equal(map_lookup(NULL, "other"), UE_F_COUNT);
}

static void test_map_parse(void **state)
{
	(void)state;
	struct ue_field_map map;
	char err[256] = "";
	assert_int_equal(ue_field_map_parse(&map, "text=story,outlet=site",
	                                    err, sizeof err), UE_OK);
	assert_string_equal(err, "");
	assert_string_equal(map.key[UE_F_TEXT], "story");
	assert_string_equal(map.key[UE_F_OUTLET], "site");
	assert_null(map.key[UE_F_TITLE]);
	assert_null(map.key[UE_F_ID]);
	ue_field_map_release(&map);
	assert_null(map.key[UE_F_TEXT]);

	/* Field names are case-insensitive; empty entries are skipped; a
	 * later entry for the same field wins; '=' may appear in the key. */
	assert_int_equal(ue_field_map_parse(&map, ",TITLE=Head,,title=h2,"
	                                    "id=a=b,", err, sizeof err), UE_OK);
	assert_string_equal(map.key[UE_F_TITLE], "h2");
	assert_string_equal(map.key[UE_F_ID], "a=b");
	ue_field_map_release(&map);

	assert_int_equal(ue_field_map_parse(&map, NULL, err, sizeof err), UE_OK);
	for (int f = 0; f < UE_F_COUNT; f++)
		assert_null(map.key[f]);
	assert_int_equal(ue_field_map_parse(&map, "", err, sizeof err), UE_OK);
	for (int f = 0; f < UE_F_COUNT; f++)
		assert_null(map.key[f]);
	ue_field_map_release(&map);
}

static void test_map_parse_errors(void **state)
{
	(void)state;
	struct ue_field_map map;
	char err[256];
	static const struct { const char *spec, *msg; } cases[] = {
		{"text", "bad --map entry 'text': expected FIELD=COLUMN"},
		{"text=", "bad --map entry 'text=': expected FIELD=COLUMN"},
		{"=body", "bad --map entry '=body': expected FIELD=COLUMN"},
		{"title=h,text", "bad --map entry 'text': expected FIELD=COLUMN"},
		{"body=story", "bad --map entry 'body=story': unknown field "
		 "'body' (fields: id, outlet, url, title, author, published, "
		 "language, text)"},
		{"text=a,colour=c", "bad --map entry 'colour=c': unknown field "
		 "'colour' (fields: id, outlet, url, title, author, published, "
		 "language, text)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		err[0] = '\0';
		assert_int_equal(ue_field_map_parse(&map, cases[i].spec, err,
		                                    sizeof err), UE_EINVAL);
		assert_string_equal(err, cases[i].msg);
		/* Nothing is left allocated. */
		for (int f = 0; f < UE_F_COUNT; f++)
			assert_null(map.key[f]);
	}
	/* A message cut to the buffer is still a string. */
	char small[10];
	assert_int_equal(ue_field_map_parse(&map, "xyz", small, sizeof small),
	                 UE_EINVAL);
	assert_string_equal(small, "bad --map");
}

static void test_map_lookup(void **state)
{
	(void)state;
	struct ue_field_map map;
	char err[256];
	assert_int_equal(ue_field_map_parse(&map, "text=story,title=text",
	                                    err, sizeof err), UE_OK);
	assert_int_equal(map_lookup(&map, "story"), UE_F_TEXT);
	assert_int_equal(map_lookup(&map, "STORY"), UE_F_TEXT);
	/* "text" now names the title, not the text. */
	assert_int_equal(map_lookup(&map, "text"), UE_F_TITLE);
	/* The text's other aliases no longer name it, nor does the title's
	 * own key or its aliases. */
	assert_int_equal(map_lookup(&map, "body"), UE_F_COUNT);
	assert_int_equal(map_lookup(&map, "title"), UE_F_COUNT);
	assert_int_equal(map_lookup(&map, "headline"), UE_F_COUNT);
	/* Fields not renamed keep their keys and aliases. */
	assert_int_equal(map_lookup(&map, "link"), UE_F_URL);
	assert_int_equal(map_lookup(&map, "id"), UE_F_ID);
	assert_int_equal(map_lookup(&map, "story_text"), UE_F_COUNT);
	ue_field_map_release(&map);

	/* A key renamed to another field: outlet read from "site", and
	 * "source" (an outlet alias) is no longer read. */
	assert_int_equal(ue_field_map_parse(&map, "outlet=site", err,
	                                    sizeof err), UE_OK);
	assert_int_equal(map_lookup(&map, "site"), UE_F_OUTLET);
	assert_int_equal(map_lookup(&map, "outlet"), UE_F_COUNT);
	assert_int_equal(map_lookup(&map, "source"), UE_F_COUNT);
	assert_int_equal(map_lookup(&map, "text"), UE_F_TEXT);
	ue_field_map_release(&map);
}

static char *dump(json_t *meta)
{
	return json_dumps(meta, JSON_COMPACT);
}

static void test_meta_add(void **state)
{
	(void)state;
	json_t *meta = NULL;
	assert_int_equal(ue_record_meta_add(&meta, "section", 7, "world", 5),
	                 UE_OK);
	assert_non_null(meta);
	assert_int_equal(ue_record_meta_add(&meta, "tags", 4, "a;b", 3), UE_OK);
	/* The first value of a key is kept. */
	assert_int_equal(ue_record_meta_add(&meta, "section", 7, "sport", 5),
	                 UE_OK);
	/* Only klen and vlen bytes are taken. */
	assert_int_equal(ue_record_meta_add(&meta, "empty-ish", 5, "xyz", 0),
	                 UE_OK);
	char *s = dump(meta);
	assert_string_equal(s, "{\"section\":\"world\",\"tags\":\"a;b\","
	                    "\"empty\":\"\"}");
	free(s);
	json_decref(meta);
}

static void test_meta_add_repairs(void **state)
{
	(void)state;
	json_t *meta = NULL;
	/* Invalid UTF-8 becomes U+FFFD, NUL and control characters go. */
	assert_int_equal(ue_record_meta_add(&meta, "k\xff", 2, "a\0b\x01" "c",
	                                    5), UE_OK);
	assert_int_equal(ue_record_meta_add(&meta, "caf\xc3\xa9", 5,
	                                    "\xe2\x82\xac 5", 5), UE_OK);
	char *s = dump(meta);
	assert_string_equal(s, "{\"k\xef\xbf\xbd\":\"abc\","
	                    "\"caf\xc3\xa9\":\"\xe2\x82\xac 5\"}");
	free(s);
	json_decref(meta);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_case_insensitive),
		cmocka_unit_test(test_not_fields),
		cmocka_unit_test(test_map_parse),
		cmocka_unit_test(test_map_parse_errors),
		cmocka_unit_test(test_map_lookup),
		cmocka_unit_test(test_meta_add),
		cmocka_unit_test(test_meta_add_repairs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
