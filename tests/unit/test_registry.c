/* test_registry.c - delimited tables (lib/registry/table.c) and country
 * names (lib/registry/countries.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "registry/registry.h"
#include "registry/table.h"
#include "testlib.h"

static ue_status parse(struct ue_table *t, const char *s, struct tl_got *b,
                       char *err)
{
	err[0] = '\0';
	return ue_table_parse(t, s, strlen(s), tl_on_reject, b, err, 256);
}

/* Cell (row, col) is s (NULL: empty). */
static void cell(const struct ue_table *t, size_t row, int col,
                 const char *s)
{
	const char *got = ue_table_get(t, row, col);
	if (!s)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, s);
	}
}

static void test_tsv(void **state)
{
	(void)state;
	struct ue_table t;
	struct tl_got b = {0};
	char err[256];
	const char *in =
		"name\tdomains\tcountry\n"
		"Reuters\treuters.com\tGB\n"
		"Yonhap\tyna.co.kr;en.yna.co.kr\tKR\n"
		"No Domain\t\tUS\n";
	assert_int_equal(parse(&t, in, &b, err), UE_OK);
	assert_int_equal(b.nrej, 0);
	assert_int_equal(t.cols, 3);
	assert_int_equal(t.rows, 3);
	assert_string_equal(t.header[0], "name");
	assert_string_equal(t.header[2], "country");
	assert_int_equal(ue_table_column(&t, "domains"), 1);
	assert_int_equal(ue_table_column(&t, "COUNTRY"), 2);
	assert_int_equal(ue_table_column(&t, "owner"), -1);
	cell(&t, 0, 0, "Reuters");
	cell(&t, 1, 1, "yna.co.kr;en.yna.co.kr");
	cell(&t, 2, 1, NULL);   /* empty */
	cell(&t, 2, 2, "US");
	assert_int_equal(t.line[0], 2);
	assert_int_equal(t.line[2], 4);
	/* Out of range. */
	assert_null(ue_table_get(&t, 0, -1));
	assert_null(ue_table_get(&t, 3, 0));
	ue_table_release(&t);
	assert_int_equal(t.rows, 0);
	assert_null(t.cell);
}

static void test_tsv_quotes_literal(void **state)
{
	(void)state;
	/* In TSV, quotes are part of the text and commas are not special. */
	struct ue_table t;
	struct tl_got b = {0};
	char err[256];
	assert_int_equal(parse(&t, "a\tb\n\"x, y\"\tz\n", &b, err), UE_OK);
	assert_int_equal(t.rows, 1);
	cell(&t, 0, 0, "\"x, y\"");
	cell(&t, 0, 1, "z");
	ue_table_release(&t);
}

static void test_csv_quotes(void **state)
{
	(void)state;
	struct ue_table t;
	struct tl_got b = {0};
	char err[256];
	const char *in =
		"name,aliases,owner\n"
		"\"Reuters\",\"Thomson Reuters; Reuters News\",\"Thomson, Inc.\"\n"
		"\"The \"\"Times\"\"\",,\"\"\n"
		"\"Two\nlines\",b,c\n"
		"  padded  , \"quoted\" ,x\r\n"
		"last,row,here";
	assert_int_equal(parse(&t, in, &b, err), UE_OK);
	assert_int_equal(b.nrej, 0);
	assert_int_equal(t.cols, 3);
	assert_int_equal(t.rows, 5);
	cell(&t, 0, 0, "Reuters");
	cell(&t, 0, 1, "Thomson Reuters; Reuters News");
	cell(&t, 0, 2, "Thomson, Inc.");
	cell(&t, 1, 0, "The \"Times\"");
	cell(&t, 1, 1, NULL);
	cell(&t, 1, 2, NULL);
	cell(&t, 2, 0, "Two\nlines");
	cell(&t, 2, 1, "b");
	/* Spaces around a field and a CR before the LF are trimmed. */
	cell(&t, 3, 0, "padded");
	cell(&t, 3, 1, "\"quoted\"");
	cell(&t, 3, 2, "x");
	cell(&t, 4, 2, "here");
	/* A quoted field spanning lines moves the line count on. */
	assert_int_equal(t.line[0], 2);
	assert_int_equal(t.line[1], 3);
	assert_int_equal(t.line[2], 4);
	assert_int_equal(t.line[3], 6);
	assert_int_equal(t.line[4], 7);
	ue_table_release(&t);
}

static void test_comments_and_blank_lines(void **state)
{
	(void)state;
	struct ue_table t;
	struct tl_got b = {0};
	char err[256];
	const char *in =
		"\xEF\xBB\xBF# a comment\n"
		"\n"
		"# another\n"
		"code\tname\n"
		"# within the rows\n"
		"US\tUnited States\n"
		"\n"
		"\r\n"
		"KR\tSouth Korea\n";
	assert_int_equal(parse(&t, in, &b, err), UE_OK);
	assert_int_equal(b.nrej, 0);
	assert_int_equal(t.cols, 2);
	assert_string_equal(t.header[0], "code");
	assert_int_equal(t.rows, 2);
	cell(&t, 0, 1, "United States");
	assert_int_equal(t.line[0], 6);
	cell(&t, 1, 0, "KR");
	assert_int_equal(t.line[1], 9);
	ue_table_release(&t);
}

static void test_field_counts(void **state)
{
	(void)state;
	struct ue_table t;
	struct tl_got b = {0};
	char err[256];
	const char *in =
		"a,b,c\n"
		"1,2,3\n"
		"1,2\n"
		"1,2,3,4\n"
		"\"multi\nline\",2\n"
		"x,y,z\n"
		"only\n";
	assert_int_equal(parse(&t, in, &b, err), UE_OK);
	assert_int_equal(t.rows, 2);
	cell(&t, 0, 0, "1");
	cell(&t, 1, 0, "x");
	assert_int_equal(t.line[1], 7);
	assert_int_equal(b.nrej, 4);
	assert_int_equal(b.rej_line[0], 3);
	assert_string_equal(b.rej[0], "expected 3 fields, found 2");
	assert_int_equal(b.rej_line[1], 4);
	assert_string_equal(b.rej[1], "expected 3 fields, found 4");
	assert_int_equal(b.rej_line[2], 5);
	assert_string_equal(b.rej[2], "expected 3 fields, found 2");
	assert_int_equal(b.rej_line[3], 8);
	assert_string_equal(b.rej[3], "expected 3 fields, found 1");
	ue_table_release(&t);
	tl_got_free(&b);

	/* Without a callback bad rows are still left out. */
	assert_int_equal(ue_table_parse(&t, in, strlen(in), NULL, NULL, err,
	                                sizeof err), UE_OK);
	assert_int_equal(t.rows, 2);
	ue_table_release(&t);
}

static void test_no_header(void **state)
{
	(void)state;
	struct ue_table t;
	struct tl_got b = {0};
	char err[256];
	assert_int_equal(parse(&t, "", &b, err), UE_EFORMAT);
	assert_string_equal(err, "no header row");
	assert_int_equal(parse(&t, "# only\n# comments\n\n", &b, err),
	                 UE_EFORMAT);
	assert_string_equal(err, "no header row");
	/* A header and nothing else is an empty table. */
	assert_int_equal(parse(&t, "name,country", &b, err), UE_OK);
	assert_int_equal(t.cols, 2);
	assert_int_equal(t.rows, 0);
	assert_string_equal(t.header[1], "country");
	ue_table_release(&t);
}

static void test_builtin_data(void **state)
{
	(void)state;
	/* The embedded registries parse, with the columns the loader uses. */
	static const struct { const char *file, *col; } files[] = {
		{"outlets.tsv", "aliases"}, {"origins.tsv", "kind"},
		{"blocs.tsv", "bloc"}, {"countries.tsv", "code"},
	};
	for (size_t i = 0; i < 4; i++) {
		size_t len = 0;
		const char *data = ue_builtin_data(files[i].file, &len);
		assert_non_null(data);
		assert_true(len > 100);
		struct ue_table t;
		struct tl_got b = {0};
		char err[256];
		assert_int_equal(ue_table_parse(&t, data, len, tl_on_reject,
		                                &b, err, sizeof err), UE_OK);
		assert_int_equal(b.nrej, 0);
		assert_true(t.rows > 10);
		assert_true(ue_table_column(&t, files[i].col) >= 0);
		ue_table_release(&t);
	}
	size_t len;
	assert_null(ue_builtin_data("nothing.tsv", &len));
}

static void test_country_code(void **state)
{
	(void)state;
	static const struct { const char *name, *code; } cases[] = {
		{"US", "US"}, {"us", "US"}, {"usa", "US"}, {"USA", "US"},
		{"United States", "US"}, {"united states of america", "US"},
		{"U.S.", "US"}, {"  United States  ", "US"},
		{"usa (44/180 press freedom)", "US"}, {"usa|", "US"},
		{"South Korea", "KR"}, {"korea", "KR"}, {"Republic of Korea", "KR"},
		{"korea, republic of", "KR"}, {"korea (south)", "KR"},
		{"dprk", "KP"}, {"North Korea", "KP"}, {"korea (north)", "KP"},
		{"GB", "GB"}, {"Russia", "RU"}, {"Åland Islands", "AX"},
		{"UAE", "AE"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *code = ue_country_code(cases[i].name);
		assert_non_null(code);
		assert_string_equal(code, cases[i].code);
	}
	assert_null(ue_country_code(NULL));
	assert_null(ue_country_code(""));
	assert_null(ue_country_code("   "));
	assert_null(ue_country_code("Atlantis"));
	assert_null(ue_country_code("XX"));
	assert_null(ue_country_code("(us)"));
	assert_null(ue_country_code("united"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_tsv_quotes_literal),
		cmocka_unit_test(test_csv_quotes),
		cmocka_unit_test(test_comments_and_blank_lines),
		cmocka_unit_test(test_field_counts),
		cmocka_unit_test(test_no_header),
		cmocka_unit_test(test_builtin_data),
		cmocka_unit_test(test_country_code),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
