/* test_frontmatter.c - plain text and Markdown with front matter
 * (lib/ingest/frontmatter.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ingest/formats.h"
#include "testlib.h"

static void test_plain(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_text, "Hello world.\n--- not a mark\n",
	                        &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 0);
	assert_string_equal(TL_F(g, 0, TEXT), "Hello world.\n--- not a mark\n");
	assert_null(TL_F(g, 0, TITLE));
	assert_null(g.meta[0]);
	assert_int_equal(g.line[0], 1);
	assert_string_equal(g.format[0], "text");
	tl_got_free(&g);
}

static void test_front_matter(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"---\n"
		"title: \"A \\\"quoted\\\" title\"\n"
		"outlet: 'It''s News'\n"
		"authors: [Ann Lee, \"Bob, Jr.\", 'Cy', ]\n"
		"date: 2024-03-01  # a comment\n"
		"# a comment line\n"
		"\n"
		"tags:\n"
		"  - one\n"
		"  - \"two\"\n"
		"summary: |\n"
		"  line one\n"
		"  line two\n"
		"folded: >-\n"
		"  a\n"
		"  b\n"
		"nested:\n"
		"  inner: x\n"
		"url: http://example.com/a#frag\n"
		"\"lang\": en\n"
		"empty: ''\n"
		"nothing: # only a comment\n"
		"---\n"
		"Body text.\n";
	assert_int_equal(tl_run(ue_parse_text, in, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 0);
	assert_string_equal(TL_F(g, 0, TITLE), "A \"quoted\" title");
	assert_string_equal(TL_F(g, 0, OUTLET), "It's News");
	assert_string_equal(TL_F(g, 0, AUTHOR), "Ann Lee, Bob, Jr., Cy");
	assert_string_equal(TL_F(g, 0, PUBLISHED), "2024-03-01");
	assert_string_equal(TL_F(g, 0, URL), "http://example.com/a#frag");
	assert_string_equal(TL_F(g, 0, LANGUAGE), "en");
	assert_null(TL_F(g, 0, ID));
	assert_string_equal(TL_F(g, 0, TEXT), "Body text.\n");
	assert_string_equal(g.meta[0], "{\"tags\":\"one, two\",\"summary\":"
	                    "\"line one\\nline two\",\"folded\":\"a b\"}");
	tl_got_free(&g);
}

static void test_dash_list(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"---\n"
		"title: T\n"
		"authors:\n"
		"- Ann\n"
		"-\n"
		"- Bob # editor\n"
		"...\n"
		"text\n";
	assert_int_equal(tl_run(ue_parse_text, in, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, AUTHOR), "Ann, Bob");
	assert_string_equal(TL_F(g, 0, TITLE), "T");
	assert_string_equal(TL_F(g, 0, TEXT), "text\n");
	assert_null(g.meta[0]);
	tl_got_free(&g);
}

static void test_unclosed(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_text, "---\ntitle: x\n\nbody\n", &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 1);
	assert_string_equal(g.rej[0],
	                    "front matter starts on line 1 but is never closed");
	tl_got_free(&g);
}

static void test_heading(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_text, "\n# The Title ##\n\nPara one.\n",
	                        &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, TITLE), "The Title");
	assert_string_equal(TL_F(g, 0, TEXT), "\nPara one.\n");
	tl_got_free(&g);

	/* The front matter's title wins and the heading stays in the text. */
	assert_int_equal(tl_run(ue_parse_text, "---\ntitle: FM\n---\n# H\nBody\n",
	                        &g, err), UE_OK);
	assert_string_equal(TL_F(g, 0, TITLE), "FM");
	assert_string_equal(TL_F(g, 0, TEXT), "# H\nBody\n");
	tl_got_free(&g);

	assert_int_equal(tl_run(ue_parse_text, "---\nauthor: A\n---\n# C# and F#\n"
	                        "Body\n", &g, err), UE_OK);
	assert_string_equal(TL_F(g, 0, TITLE), "C# and F#");
	assert_string_equal(TL_F(g, 0, TEXT), "Body\n");
	tl_got_free(&g);

	assert_int_equal(tl_run(ue_parse_text, "#NoSpace\nBody\n", &g, err), UE_OK);
	assert_null(TL_F(g, 0, TITLE));
	assert_string_equal(TL_F(g, 0, TEXT), "#NoSpace\nBody\n");
	tl_got_free(&g);

	assert_int_equal(tl_run(ue_parse_text, "Intro\n# Later heading\n", &g, err),
	                 UE_OK);
	assert_null(TL_F(g, 0, TITLE));
	tl_got_free(&g);
}

static void test_empty(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_text, "---\ntitle: x\n---\n\n  \n", &g,
	                        err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 1);
	assert_string_equal(g.rej[0], "empty document");
	tl_got_free(&g);

	assert_int_equal(tl_run(ue_parse_text, "", &g, err), UE_OK);
	assert_int_equal(g.nrej, 1);
	assert_string_equal(g.rej[0], "empty document");
	tl_got_free(&g);

	assert_int_equal(tl_run(ue_parse_text, "# Only a title\n", &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_string_equal(g.rej[0], "empty document");
	tl_got_free(&g);
}

static void test_map(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_field_map map;
	assert_int_equal(ue_field_map_parse(&map, "title=heading", err,
	                                    sizeof err), UE_OK);
	struct tl_opts o = {.map = &map};
	assert_int_equal(tl_run_with(ue_parse_text, "---\ntitle: T\nheading: H\n"
	                             "---\nbody\n", &o, &g, err), UE_OK);
	assert_string_equal(TL_F(g, 0, TITLE), "H");
	assert_string_equal(g.meta[0], "{\"title\":\"T\"}");
	ue_field_map_release(&map);
	tl_got_free(&g);
}

static void test_bom_crlf(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_text, "\xEF\xBB\xBF---\r\ntitle: T\r\n"
	                        "tags: [a, b]\r\n---\r\nBody\r\n", &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, TITLE), "T");
	assert_string_equal(TL_F(g, 0, TEXT), "Body\r\n");
	assert_string_equal(g.meta[0], "{\"tags\":\"a, b\"}");
	tl_got_free(&g);
}

static void test_duplicates_and_utf8(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_text, "---\ntitle: A\ntitle: B\n"
	                        "note: x\xFFy\nnote: second\n---\nBody", &g, err),
	                 UE_OK);
	assert_string_equal(TL_F(g, 0, TITLE), "A");
	assert_string_equal(TL_F(g, 0, TEXT), "Body");
	assert_string_equal(g.meta[0],
	                    "{\"title\":\"B\",\"note\":\"x\xEF\xBF\xBDy\"}");
	tl_got_free(&g);
}

static void test_max_doc(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct tl_opts o = {.max_doc = 4};
	assert_int_equal(tl_run_with(ue_parse_text, "12345", &o, &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_string_equal(g.rej[0], "text of 5 bytes over the limit of 4 bytes");
	tl_got_free(&g);
	assert_int_equal(tl_run_with(ue_parse_text, "1234", &o, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	tl_got_free(&g);
}

static void test_file_too_large(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	size_t n = ((size_t)16 << 20) + 1;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, 'a', n);
	struct tl_opts o = {.max_doc = 1};
	assert_int_equal(tl_parse(ue_parse_text, big, n, &o, &g, err),
	                 UE_ELIMIT);
	assert_string_equal(err, "file larger than the limit of 16777216 bytes");
	free(big);
	tl_got_free(&g);
}

static void test_sink_stops(void **state)
{
	(void)state;
	struct tl_got g = {.stop_with = UE_ECANCELLED};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_text, "text", &g, err), UE_ECANCELLED);
	tl_got_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_dash_list),
		cmocka_unit_test(test_unclosed),
		cmocka_unit_test(test_heading),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_bom_crlf),
		cmocka_unit_test(test_duplicates_and_utf8),
		cmocka_unit_test(test_max_doc),
		cmocka_unit_test(test_file_too_large),
		cmocka_unit_test(test_sink_stops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
