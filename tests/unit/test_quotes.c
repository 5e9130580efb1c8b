/* test_quotes.c - tests of lib/text/quotes.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "text/quotes.h"

static struct ue_quotes q;

static void find_with(const char *s, unsigned flags)
{
	assert_int_equal(ue_quotes_find(s, strlen(s), flags, &q), UE_OK);
}

static void find(const char *s)
{
	find_with(s, 0);
}

/* The quoted text of quotation i. */
static void assert_quote(const char *s, size_t i, const char *want)
{
	assert_true(i < q.n);
	assert_int_equal(q.v[i].end - q.v[i].start, strlen(want));
	assert_memory_equal(s + q.v[i].start, want, strlen(want));
}

static void test_marks(void **state)
{
	(void)state;
	const char *s = "He said \"no\", then “yes” and «da», „ja“ and ''ok''.";
	find(s);
	assert_int_equal(q.n, 5);
	assert_quote(s, 0, "no");
	assert_quote(s, 1, "yes");
	assert_quote(s, 2, "da");
	assert_quote(s, 3, "ja");
	assert_quote(s, 4, "ok");
	assert_int_equal(q.v[0].open, 8);
	assert_int_equal(q.v[0].close, 12);   /* after the closing mark */
}

static void test_apostrophes_and_open_quotes(void **state)
{
	(void)state;
	/* Single quotes are apostrophes; an open quotation ends with its
	 * paragraph; careless closers are accepted. */
	const char *s = "It's Trump's \"war\n\nNext “one\" here";
	find(s);
	assert_int_equal(q.n, 2);
	assert_quote(s, 0, "war");
	assert_int_equal(q.v[0].close, q.v[0].end);   /* no closing mark */
	assert_quote(s, 1, "one");
	find("no quotations at all, isn't it");
	assert_int_equal(q.n, 0);
}

static void test_single_quotes(void **state)
{
	(void)state;
	/* British quotations, among apostrophes: won't, the players' union,
	 * '90s (left open in its paragraph: no quotation), rock 'n' roll
	 * (taken for a quotation of "n"; a heuristic has its limits). */
	const char *s = "'We won't stop,' she said of the players' union. "
	                "‘It’s over’, he added.\nIn the '90s it was big.\n"
	                "Rock 'n' roll.\n\"Say 'no' twice\" is one quotation.";
	find(s);
	assert_int_equal(q.n, 1);   /* without the flag: the double one */
	find_with(s, UE_QUOTES_SINGLE);
	assert_int_equal(q.n, 4);
	assert_quote(s, 0, "We won't stop,");
	assert_quote(s, 1, "It’s over");
	assert_quote(s, 2, "n");
	assert_quote(s, 3, "Say 'no' twice");
}

static void test_overlap(void **state)
{
	(void)state;
	const char *s = "ab \"cdef\" gh \"ij\" kl";
	find(s);   /* marks at 3..9 and 13..17 */
	assert_int_equal(ue_quotes_overlap(&q, 0, (uint32_t)strlen(s)), 6 + 4);
	assert_int_equal(ue_quotes_overlap(&q, 5, 15), 4 + 2);
	assert_int_equal(ue_quotes_overlap(&q, 0, 3), 0);
	assert_int_equal(ue_quotes_overlap(&q, 9, 13), 0);
	assert_int_equal(ue_quotes_overlap(&q, 14, 14), 0);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	const char s[] = "\"a\xff\xfe b\" \xe2\x80";
	assert_int_equal(ue_quotes_find(s, sizeof s - 1, 0, &q), UE_OK);
	assert_int_equal(q.n, 1);
	assert_quote(s, 0, "a\xff\xfe b");
}

int main(void)
{
	ue_quotes_init(&q);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_apostrophes_and_open_quotes),
		cmocka_unit_test(test_single_quotes),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_invalid_utf8),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	ue_quotes_release(&q);
	return rc;
}
