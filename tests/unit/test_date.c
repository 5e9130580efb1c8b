/* test_date.c - tests of lib/text/date.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "text/date.h"

/* Parses s and formats the result; "ERR" when it is rejected. */
static const char *parse(const char *s, char out[32])
{
	int64_t ts = -1;
	int has_time = -1;
	if (ue_date_parse(s, strlen(s), &ts, &has_time) != UE_OK) {
		strcpy(out, "ERR");
		return out;
	}
	ue_date_format(ts, has_time, out);
	return out;
}

struct pair {
	const char *in;
	const char *out;
};

static void check(const struct pair *cases, size_t n)
{
	char out[32];
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		parse(cases[i].in, out);
		if (strcmp(out, cases[i].out)) {
			print_error("\"%s\": expected %s, got %s\n", cases[i].in,
				    cases[i].out, out);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

#define CHECK(cases) check(cases, sizeof cases / sizeof cases[0])

static void test_iso(void **state)
{
	static const struct pair cases[] = {
		{"2024-11-10", "2024-11-10"},
		{"2024-11-10T14:03:00Z", "2024-11-10T14:03:00Z"},
		{"2024-11-10T14:03:00z", "2024-11-10T14:03:00Z"},
		{"2024-11-10 14:03:00+09:00", "2024-11-10T05:03:00Z"},
		{"2024-11-10T14:03:00.123+0900", "2024-11-10T05:03:00Z"},
		{"2024-11-10T14:03:00,5-05:00", "2024-11-10T19:03:00Z"},
		{"2024-11-10T14:03:00-05", "2024-11-10T19:03:00Z"},
		{"2024-11-10T14:03:00+05:30", "2024-11-10T08:33:00Z"},
		{"2024-11-10T14:03Z", "2024-11-10T14:03:00Z"},
		{"2024-11-10 14:03", "2024-11-10T14:03:00Z"},
		{"2024-11-10T00:30:00+01:00", "2024-11-09T23:30:00Z"},
		{"2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00Z"},
		{"20241110", "2024-11-10"},
		{"20241110T140300Z", "2024-11-10T14:03:00Z"},
		{"20241110T1403+0100", "2024-11-10T13:03:00Z"},
		{"  2024-11-10  ", "2024-11-10"},
		{"2024-11-10 14:03:00 UTC", "2024-11-10T14:03:00Z"},
		{"2024-11-10 14:03:00 GMT+9", "2024-11-10T05:03:00Z"},
		{"2024-11-10 14:03:00 UTC-05:00", "2024-11-10T19:03:00Z"},
		{"2024-11-10T23:59:60Z", "2024-11-11T00:00:00Z"},
	};
	(void)state;
	CHECK(cases);
}

static void test_rfc2822(void **state)
{
	static const struct pair cases[] = {
		{"Sun, 10 Nov 2024 14:03:00 GMT", "2024-11-10T14:03:00Z"},
		{"Sun, 10 Nov 2024 14:03:00 +0000", "2024-11-10T14:03:00Z"},
		{"Sun, 10 Nov 2024 14:03:00 -0800 (PST)", "2024-11-10T22:03:00Z"},
		{"Sun, 10 Nov 2024 14:03:00 UT", "2024-11-10T14:03:00Z"},
		{"Sun, 10 Nov 2024 14:03 EST", "2024-11-10T19:03:00Z"},
		{"Sun, 10 Nov 2024 14:03:00 EDT", "2024-11-10T18:03:00Z"},
		{"10 Nov 2024 14:03:00 CST", "2024-11-10T20:03:00Z"},
		{"10 Nov 2024 14:03:00 CDT", "2024-11-10T19:03:00Z"},
		{"10 Nov 2024 14:03:00 MST", "2024-11-10T21:03:00Z"},
		{"10 Nov 2024 14:03:00 MDT", "2024-11-10T20:03:00Z"},
		{"10 Nov 2024 14:03:00 PST", "2024-11-10T22:03:00Z"},
		{"10 Nov 2024 14:03:00 PDT", "2024-11-10T21:03:00Z"},
		{"10 Nov 2024 14:03:00 BST", "2024-11-10T13:03:00Z"},
		{"10 Nov 2024 14:03:00 CET", "2024-11-10T13:03:00Z"},
		{"10 Jul 2024 14:03:00 CEST", "2024-07-10T12:03:00Z"},
		{"10 Nov 2024 14:03:00 MSK", "2024-11-10T11:03:00Z"},
		{"10 Nov 2024 14:03:00 KST", "2024-11-10T05:03:00Z"},
		{"10 Nov 2024 14:03:00 JST", "2024-11-10T05:03:00Z"},
		{"Sun, 10 Nov 24 14:03:00 GMT", "2024-11-10T14:03:00Z"},
		{"Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z"},
		{"Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37Z"},
		{"Fri, 07 Jan 2000 02:49:00 +0000", "2000-01-07T02:49:00Z"},
	};
	(void)state;
	CHECK(cases);
}

static void test_news(void **state)
{
	static const struct pair cases[] = {
		{"November 10, 2024", "2024-11-10"},
		{"10 November 2024", "2024-11-10"},
		{"10 Nov 2024", "2024-11-10"},
		{"Nov 10, 2024", "2024-11-10"},
		{"Nov. 10, 2024", "2024-11-10"},
		{"NOVEMBER 10, 2024", "2024-11-10"},
		{"November 10th, 2024", "2024-11-10"},
		{"the 1st of November 2024", "2024-11-01"},
		{"Nov. 10, 2024 2:03 PM EST", "2024-11-10T19:03:00Z"},
		{"Nov. 10, 2024 2:03 p.m. EST", "2024-11-10T19:03:00Z"},
		{"November 10 2024 at 2:03 p.m. ET", "2024-11-10T19:03:00Z"},
		{"July 4, 2024 at 9:15 a.m. ET", "2024-07-04T13:15:00Z"},
		{"July 4, 2024 at 9:15 a.m. PT", "2024-07-04T16:15:00Z"},
		{"January 4, 2024 9:15 AM PT", "2024-01-04T17:15:00Z"},
		{"Nov 10, 2024 12:05 am", "2024-11-10T00:05:00Z"},
		{"Nov 10, 2024 12:05 pm", "2024-11-10T12:05:00Z"},
		{"Nov 10, 2024 2pm", "2024-11-10T14:00:00Z"},
		{"Nov 10, 2024 2 PM ET", "2024-11-10T19:00:00Z"},
		{"Thursday, November 7, 2024", "2024-11-07"},
		{"Thu, Nov 7, 2024", "2024-11-07"},
		{"2024 Nov 10", "2024-11-10"},
		{"Updated: Nov 10, 2024", "2024-11-10"},
		{"Published 10 November 2024, 14:03 GMT", "2024-11-10T14:03:00Z"},
		{"2024/11/10", "2024-11-10"},
		{"2024/11/10 14:03", "2024-11-10T14:03:00Z"},
		{"2024.11.10", "2024-11-10"},
		{"2024. 11. 10.", "2024-11-10"},
		{"10.11.2024", "2024-11-10"},
		{"10.11.2024 14:03", "2024-11-10T14:03:00Z"},
		{"10.11.24", "2024-11-10"},
		{"25/12/2024", "2024-12-25"},
		{"12/25/2024", "2024-12-25"},
		{"25/12/99", "1999-12-25"},
		{"12/25/99", "1999-12-25"},
		{"05/05/2024", "2024-05-05"},
		{"25-12-2024", "2024-12-25"},
	};
	(void)state;
	CHECK(cases);
}

/* US Eastern and Pacific time follow daylight saving rules of the year. */
static void test_us_daylight(void **state)
{
	static const struct pair cases[] = {
		/* 2024: DST from 10 March to 3 November */
		{"March 9, 2024 12:00 ET", "2024-03-09T17:00:00Z"},
		{"March 10, 2024 12:00 ET", "2024-03-10T16:00:00Z"},
		{"November 2, 2024 12:00 ET", "2024-11-02T16:00:00Z"},
		{"November 3, 2024 12:00 ET", "2024-11-03T17:00:00Z"},
		{"November 3, 2024 0:30 ET", "2024-11-03T04:30:00Z"},
		/* 2005: first Sunday of April to last Sunday of October */
		{"April 2, 2005 12:00 ET", "2005-04-02T17:00:00Z"},
		{"April 3, 2005 12:00 ET", "2005-04-03T16:00:00Z"},
		{"October 29, 2005 12:00 PT", "2005-10-29T19:00:00Z"},
		{"October 30, 2005 12:00 PT", "2005-10-30T20:00:00Z"},
		/* no daylight time before 1967 */
		{"July 4, 1950 12:00 ET", "1950-07-04T17:00:00Z"},
		{"July 4, 2024 12:00 CT", "2024-07-04T17:00:00Z"},
		{"July 4, 2024 12:00 MT", "2024-07-04T18:00:00Z"},
	};
	(void)state;
	CHECK(cases);
}

static void test_other_languages(void **state)
{
	static const struct pair cases[] = {
		{"2024년 11월 10일", "2024-11-10"},
		{"2024년 11월 10일 (일)", "2024-11-10"},
		{"2024년 11월 10일 오후 2:03", "2024-11-10T14:03:00Z"},
		{"2024년 11월 10일 오후 2시 3분 KST", "2024-11-10T05:03:00Z"},
		{"2024년 11월 10일 14시 03분", "2024-11-10T14:03:00Z"},
		{"2024-11-10 오전 9:30", "2024-11-10T09:30:00Z"},
		{"2024年11月10日", "2024-11-10"},
		{"2024年11月10日 14:03", "2024-11-10T14:03:00Z"},
		{"2024年11月10日（日）", "2024-11-10"},
		{"2024年11月10日 星期日", "2024-11-10"},
		{"2024年11月10日星期日", "2024-11-10"},
		{"２０２４年１１月１０日", "2024-11-10"},
		{"2024年11月10日 下午2时03分", "2024-11-10T14:03:00Z"},
		{"10 ноября 2024", "2024-11-10"},
		{"10 ноября 2024 г.", "2024-11-10"},
		{"10 ноября 2024 года, 14:03", "2024-11-10T14:03:00Z"},
		{"10 ноября 2024 года в 14:03 МСК", "2024-11-10T11:03:00Z"},
		{"1 января 2000", "2000-01-01"},
		{"10 Ноябрь 2024", "2024-11-10"},
		{"10 листопада 2024", "2024-11-10"},
		{"10 novembre 2024", "2024-11-10"},
		{"le 10 novembre 2024 à 14h03", "2024-11-10T14:03:00Z"},
		{"1er décembre 2024", "2024-12-01"},
		{"10. November 2024", "2024-11-10"},
		{"Sonntag, 10. November 2024 um 14:03 Uhr", "2024-11-10T14:03:00Z"},
		{"10. März 2024", "2024-03-10"},
		{"10 de noviembre de 2024", "2024-11-10"},
		{"10 novembro 2024", "2024-11-10"},
		{"10 maggio 2024", "2024-05-10"},
		{"10 mei 2024", "2024-05-10"},
	};
	(void)state;
	CHECK(cases);
}

static void test_timestamps(void **state)
{
	static const struct pair cases[] = {
		{"1731247380", "2024-11-10T14:03:00Z"},
		{"1731247380123", "2024-11-10T14:03:00Z"},
		{"946684800", "2000-01-01T00:00:00Z"},
		{"123456789", "1973-11-29T21:33:09Z"},
		{"100000000000", "1973-03-03T09:46:40Z"},
	};
	static const struct pair rejected[] = {
		{"9999999999", "ERR"},                      /* 2286 */
		{"12345678901", "ERR"},                     /* 11 digits */
		{"12345678901234", "ERR"},
		{"12345", "ERR"},
	};
	(void)state;
	CHECK(cases);
	CHECK(rejected);
}

static void test_leap_years(void **state)
{
	static const struct pair cases[] = {
		{"2024-02-29", "2024-02-29"},
		{"2000-02-29", "2000-02-29"},
		{"1996-02-29", "1996-02-29"},
		{"2023-02-29", "ERR"},
		{"1900-02-29", "ERR"},
		{"2100-02-29", "ERR"},
		{"2024-02-30", "ERR"},
		{"Feb 30, 2024", "ERR"},
		{"29 Feb 2024", "2024-02-29"},
		{"29 Feb 2023", "ERR"},
		{"2024-04-31", "ERR"},
		{"2024-04-30", "2024-04-30"},
		{"2024-12-31", "2024-12-31"},
		{"2024-13-01", "ERR"},
		{"2024-00-10", "ERR"},
		{"2024-11-00", "ERR"},
		{"2024-11-32", "ERR"},
	};
	(void)state;
	CHECK(cases);
}

static void test_rejected(void **state)
{
	static const char *const bad[] = {
		"", "   ", "yesterday", "3 hours ago", "Nov 10", "November 2024",
		"2024", "2024-11", "10/11/2024", "07/01/00", "01/02/03",
		"1799-12-31", "2201-01-01", "0000-01-01", "Nov 10, 1799",
		"2024-11-10T24:00:00Z", "2024-11-10T14:60:00Z",
		"2024-11-10T14:03:61Z", "2024-11-10T14:03:00+19:00",
		"2024-11-10T14:03:00+0960", "13:03 pm Nov 10, 2024",
		"0:30 am Nov 10, 2024", "2024-11-10 10 Nov 2024",
		"Nov Dec 10 2024", "2024-11-10 foo", "the president said",
		"10 11 2024", "2024/11-10", "2024-11-10T14", "20241310",
		"2024年11月", "11月10日", "\xff\xfe", "2024-11-10\xc0\xaf",
		"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 "
		"25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40",
	};
	char out[32];
	int bad_count = 0;
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		parse(bad[i], out);
		if (strcmp(out, "ERR")) {
			print_error("\"%s\": expected ERR, got %s\n", bad[i], out);
			bad_count++;
		}
	}
	assert_int_equal(bad_count, 0);
	/* NULL input, outputs left alone on failure */
	int64_t ts = 42;
	int ht = 7;
	assert_int_equal(ue_date_parse(NULL, 0, &ts, &ht), UE_EFORMAT);
	assert_int_equal(ue_date_parse("nope", 4, &ts, &ht), UE_EFORMAT);
	assert_int_equal(ts, 42);
	assert_int_equal(ht, 7);
	/* a too long string */
	char longs[400];
	memset(longs, ' ', sizeof longs);
	memcpy(longs + 300, "2024-11-10", 10);
	assert_int_equal(ue_date_parse(longs, sizeof longs, &ts, &ht),
			 UE_EFORMAT);
}

/* The length is honoured; the string need not be NUL-terminated. */
static void test_length(void **state)
{
	int64_t ts;
	int ht;
	(void)state;
	assert_int_equal(ue_date_parse("2024-11-10T14:03:00Zjunk", 20, &ts, &ht),
			 UE_OK);
	assert_int_equal(ts, 1731247380);
	assert_int_equal(ht, 1);
	assert_int_equal(ue_date_parse("2024-11-10 and more", 10, &ts, &ht),
			 UE_OK);
	assert_int_equal(ts, 1731196800);
	assert_int_equal(ht, 0);
	/* a NUL byte inside is just a separator that fits no date */
	assert_int_equal(ue_date_parse("2024\0" "11-10", 10, &ts, &ht),
			 UE_EFORMAT);
}

static void test_values(void **state)
{
	int64_t ts;
	int ht;
	(void)state;
	assert_int_equal(ue_date_parse("1970-01-01", 10, &ts, &ht), UE_OK);
	assert_int_equal(ts, 0);
	assert_int_equal(ue_date_parse("1969-12-31T23:59:59Z", 20, &ts, &ht),
			 UE_OK);
	assert_int_equal(ts, -1);
	assert_int_equal(ue_date_parse("1800-01-01", 10, &ts, &ht), UE_OK);
	assert_int_equal(ts, -5364662400LL);
	assert_int_equal(ue_date_parse("2200-12-31", 10, &ts, &ht), UE_OK);
	assert_int_equal(ts, 7289568000LL);
	/* a date without a time is midnight UTC, whatever the zone */
	assert_int_equal(ue_date_parse("10 Nov 2024 EST", 15, &ts, &ht), UE_OK);
	assert_int_equal(ts, 1731196800);
	assert_int_equal(ht, 0);
	/* outputs may be NULL */
	assert_int_equal(ue_date_parse("2024-11-10", 10, NULL, NULL), UE_OK);
}

static void test_format(void **state)
{
	char out[32];
	(void)state;
	ue_date_format(0, 0, out);
	assert_string_equal(out, "1970-01-01");
	ue_date_format(0, 1, out);
	assert_string_equal(out, "1970-01-01T00:00:00Z");
	ue_date_format(-1, 1, out);
	assert_string_equal(out, "1969-12-31T23:59:59Z");
	ue_date_format(951782400, 0, out);
	assert_string_equal(out, "2000-02-29");
	ue_date_format(1731247380, 1, out);
	assert_string_equal(out, "2024-11-10T14:03:00Z");
	ue_date_format(-5364662400LL, 1, out);
	assert_string_equal(out, "1800-01-01T00:00:00Z");
	/* extreme values do not overflow the buffer */
	ue_date_format(INT64_MAX, 1, out);
	assert_true(strlen(out) < 32);
	ue_date_format(INT64_MIN, 1, out);
	assert_true(strlen(out) < 32);
}

/* Every day from 1800 to 2200 survives format and parse. */
static void test_round_trip(void **state)
{
	char out[32];
	int64_t ts;
	int ht;
	(void)state;
	for (int64_t t = -5364662400LL; t <= 7289568000LL; t += 86400 + 3661) {
		ue_date_format(t, 1, out);
		assert_int_equal(ue_date_parse(out, strlen(out), &ts, &ht), UE_OK);
		assert_int_equal(ts, t);
		assert_int_equal(ht, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_rfc2822),
		cmocka_unit_test(test_news),
		cmocka_unit_test(test_us_daylight),
		cmocka_unit_test(test_other_languages),
		cmocka_unit_test(test_timestamps),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_rejected),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
