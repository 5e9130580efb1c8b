/* test_csv.c - CSV and TSV input (lib/ingest/csv.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ingest/formats.h"
#include "testlib.h"

static void test_basic(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_csv, "id,title,text\n1,Hello,Body one\n"
	                        "2,World,Body two\n", &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.nrej, 0);
	assert_string_equal(TL_F(g, 0, ID), "1");
	assert_string_equal(TL_F(g, 0, TITLE), "Hello");
	assert_string_equal(TL_F(g, 0, TEXT), "Body one");
	assert_null(TL_F(g, 0, URL));
	assert_null(g.meta[0]);
	assert_int_equal(g.line[0], 2);
	assert_string_equal(g.format[0], "csv");
	assert_string_equal(TL_F(g, 1, TEXT), "Body two");
	assert_int_equal(g.line[1], 3);
	tl_got_free(&g);
}

static void test_quoted_multiline(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"title,text\n"
		"\"A, \"\"quoted\"\" title\",\"first line\n"
		"second, with comma\n"
		"\"\"third\"\"\"\n"
		"Next,\"\"\n"
		"Last,plain\n";
	assert_int_equal(tl_run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(TL_F(g, 0, TITLE), "A, \"quoted\" title");
	assert_string_equal(TL_F(g, 0, TEXT),
	                    "first line\nsecond, with comma\n\"third\"");
	assert_int_equal(g.line[0], 2);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 5);
	assert_string_equal(g.rej[0], "no text");
	assert_string_equal(TL_F(g, 1, TITLE), "Last");
	assert_int_equal(g.line[1], 6);
	tl_got_free(&g);
}

static void test_bom_crlf(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in = "\xEF\xBB\xBFtitle,text\r\nA,\"x\r\ny\"\r\n\r\nB,z\r\n";
	assert_int_equal(tl_run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(TL_F(g, 0, TITLE), "A");
	assert_string_equal(TL_F(g, 0, TEXT), "x\r\ny");
	assert_int_equal(g.line[0], 2);
	assert_string_equal(TL_F(g, 1, TITLE), "B");
	assert_string_equal(TL_F(g, 1, TEXT), "z");
	assert_int_equal(g.line[1], 5);
	assert_null(g.meta[1]);
	tl_got_free(&g);
}

static void test_no_final_newline(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_csv, "text\na\n\"b\"", &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(TL_F(g, 1, TEXT), "b");
	tl_got_free(&g);
}

static void test_aliases(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"Headline, body ,source,Link,byline,date,lang,id\n"
		"H,B,S,http://x/1,Ann,2024-01-02,en,7\n";
	assert_int_equal(tl_run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, TITLE), "H");
	assert_string_equal(TL_F(g, 0, TEXT), "B");
	assert_string_equal(TL_F(g, 0, OUTLET), "S");
	assert_string_equal(TL_F(g, 0, URL), "http://x/1");
	assert_string_equal(TL_F(g, 0, AUTHOR), "Ann");
	assert_string_equal(TL_F(g, 0, PUBLISHED), "2024-01-02");
	assert_string_equal(TL_F(g, 0, LANGUAGE), "en");
	assert_string_equal(TL_F(g, 0, ID), "7");
	assert_null(g.meta[0]);
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
	const char *in = "site,story,text,body\nS,the story,other,b\n";
	assert_int_equal(tl_run_with(ue_parse_csv, in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, OUTLET), "S");
	assert_string_equal(TL_F(g, 0, TEXT), "the story");
	/* Once text is read from "story", "text" and "body" are metadata. */
	assert_string_equal(g.meta[0], "{\"text\":\"other\",\"body\":\"b\"}");
	ue_field_map_release(&map);
	tl_got_free(&g);
}

static void test_duplicate_field_columns(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_csv, "text,body\none,two\n", &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, TEXT), "one");
	assert_string_equal(g.meta[0], "{\"body\":\"two\"}");
	tl_got_free(&g);
}

static void test_meta(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"text,tags,score,tags\n"
		"T,\"a,b\",5,c\n"
		"U,,,\n"
		"V,\xFF\xC3\xA9,,\n";
	assert_int_equal(tl_run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.meta[0], "{\"tags\":\"a,b\",\"score\":\"5\"}");
	assert_null(g.meta[1]);
	assert_string_equal(g.meta[2], "{\"tags\":\"\xEF\xBF\xBD\xC3\xA9\"}");
	tl_got_free(&g);

	/* NUL bytes, which jansson would not read back, are dropped. */
	static const char nul[] = "text,a\0b\nT,v\0w\n";
	struct tl_opts o = {0};
	assert_int_equal(tl_run_len(ue_parse_csv, nul, sizeof nul - 1, &o, &g,
	                            err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.meta[0], "{\"ab\":\"vw\"}");
	tl_got_free(&g);
}

static void test_too_long(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct tl_opts o = {.max_line = 20};
	const char *in =
		"text\n"
		"short\n"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
		"ok\n";
	assert_int_equal(tl_run_with(ue_parse_csv, in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(TL_F(g, 0, TEXT), "short");
	assert_string_equal(TL_F(g, 1, TEXT), "ok");
	assert_int_equal(g.line[1], 4);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 3);
	assert_string_equal(g.rej[0], "record longer than the limit of 20 bytes");
	tl_got_free(&g);
}

static void test_too_long_multiline(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct tl_opts o = {.max_line = 20};
	/* Twenty bytes exactly fit, inner newlines counted. */
	const char *in =
		"text\n"
		"\"aaaaaaaaa\nbbbbbbbb\"\n"
		"\"aaaaaaaaa\nbbbbbbbbbbb\nccc\"\n"
		"good\n";
	assert_int_equal(tl_run_with(ue_parse_csv, in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(TL_F(g, 0, TEXT), "aaaaaaaaa\nbbbbbbbb");
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 4);
	assert_string_equal(g.rej[0], "record longer than the limit of 20 bytes");
	/* Reading goes on at the next line, inside the lost field. */
	assert_string_equal(TL_F(g, 1, TEXT), "ccc\"");
	assert_int_equal(g.line[1], 6);
	assert_string_equal(TL_F(g, 2, TEXT), "good");
	assert_int_equal(g.line[2], 7);
	tl_got_free(&g);
}

static void test_field_counts(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"title,text\n"
		"a,b,c\n"
		"a,b,\n"
		"a,b,,\n"
		"onlyone\n"
		",\n";
	assert_int_equal(tl_run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[0], 3);
	assert_int_equal(g.line[1], 4);
	assert_int_equal(g.nrej, 3);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "expected 2 fields, found 3");
	assert_int_equal(g.rej_line[1], 5);
	assert_string_equal(g.rej[1], "no text");
	assert_int_equal(g.rej_line[2], 6);
	assert_string_equal(g.rej[2], "no text");
	tl_got_free(&g);

	assert_int_equal(tl_run(ue_parse_csv, "text,title\nx\n", &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, TEXT), "x");
	assert_null(TL_F(g, 0, TITLE));
	tl_got_free(&g);
}

static void test_unterminated(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_csv, "text\nok\n\"never closed\nmore\n",
	                        &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, TEXT), "ok");
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 3);
	assert_string_equal(g.rej[0], "unterminated quoted field");
	tl_got_free(&g);

	assert_int_equal(tl_run(ue_parse_csv, "\"text\n", &g, err), UE_EFORMAT);
	assert_string_equal(err, "unterminated quoted field in the header row");
	tl_got_free(&g);
}

static void test_quote_inside_field(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_csv, "text,n\n5\" screen,1\n\"a\"b,2\n",
	                        &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(TL_F(g, 0, TEXT), "5\" screen");
	assert_string_equal(TL_F(g, 1, TEXT), "ab");
	tl_got_free(&g);
}

static void test_no_text_column(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_csv, "a,b,c\n1,2,3\n", &g, err),
	                 UE_EFORMAT);
	assert_string_equal(err, "no text column in header (columns: a, b, c); "
	                    "use --map text=COLUMN");
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 0);
	tl_got_free(&g);
}

static void test_empty_and_blank(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_csv, "", &g, err), UE_OK);
	assert_int_equal(g.n + g.nrej, 0);
	assert_int_equal(tl_run(ue_parse_csv, "\n\ntext\n\nA\n\n\nB", &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[0], 5);
	assert_int_equal(g.line[1], 8);
	tl_got_free(&g);
}

static void test_header_too_long(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct tl_opts o = {.max_line = 8};
	assert_int_equal(tl_run_with(ue_parse_csv, "title,text\nA,B\n", &o, &g,
	                             err), UE_ELIMIT);
	assert_string_equal(err, "header row longer than the limit of 8 bytes");
	tl_got_free(&g);
}

static void test_max_doc(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct tl_opts o = {.max_doc = 4};
	assert_int_equal(tl_run_with(ue_parse_csv, "text\nabcd\nabcde\n", &o, &g,
	                             err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 3);
	assert_string_equal(g.rej[0], "text of 5 bytes over the limit of 4 bytes");
	tl_got_free(&g);
}

static void test_sink_stops(void **state)
{
	(void)state;
	struct tl_got g = {.stop_with = UE_ECANCELLED};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_csv, "text\na\nb\n", &g, err),
	                 UE_ECANCELLED);
	assert_int_equal(g.n, 1);
	tl_got_free(&g);
}

static void test_tsv(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	const char *in =
		"title\ttext\tnote\r\n"
		"A\t\"quoted \"\"x\"\"\"\tn1\r\n"
		"B\tplain \"q\", here\t\r\n"
		"C\t\"a\tb\"\tn\n"
		"D\t\"x\n";
	assert_int_equal(tl_run(ue_parse_tsv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.format[0], "tsv");
	assert_string_equal(TL_F(g, 0, TITLE), "A");
	assert_string_equal(TL_F(g, 0, TEXT), "quoted \"x\"");
	assert_string_equal(g.meta[0], "{\"note\":\"n1\"}");
	assert_string_equal(TL_F(g, 1, TEXT), "plain \"q\", here");
	assert_null(g.meta[1]);
	/* No quoting in TSV: a tab inside quotes still separates. */
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 4);
	assert_string_equal(g.rej[0], "expected 3 fields, found 4");
	assert_string_equal(TL_F(g, 2, TEXT), "\"x");
	assert_int_equal(g.line[2], 5);
	tl_got_free(&g);
}

static void test_tsv_no_text(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	assert_int_equal(tl_run(ue_parse_tsv, "x\ty\n", &g, err), UE_EFORMAT);
	assert_string_equal(err, "no text column in header (columns: x, y); "
	                    "use --map text=COLUMN");
	tl_got_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_quoted_multiline),
		cmocka_unit_test(test_bom_crlf),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_duplicate_field_columns),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_too_long_multiline),
		cmocka_unit_test(test_field_counts),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_quote_inside_field),
		cmocka_unit_test(test_no_text_column),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_header_too_long),
		cmocka_unit_test(test_max_doc),
		cmocka_unit_test(test_sink_stops),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_tsv_no_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
