/* test_quantity.c - tests of lib/claims/quantity.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "claims/quantity.h"
#include "common/buf.h"
#include "text/token.h"

static struct ue_tokenizer *tk;
static struct ue_tokens t;
static struct ue_quantities qs;
static const char *text;

static int setup(void **state)
{
	(void)state;
	ue_tokens_init(&t);
	ue_quantities_init(&qs);
	return ue_tokenizer_new(&tk) == UE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ue_quantities_release(&qs);
	ue_tokens_release(&t);
	ue_tokenizer_free(tk);
	return 0;
}

/* Finds the quantities of s; fails unless there are n of them. */
static void find(const char *s, const char *lang, size_t n)
{
	text = s;
	assert_int_equal(ue_tokenize(tk, s, strlen(s), lang, &t), UE_OK);
	assert_int_equal(ue_quantity_find(s, strlen(s), lang, &t, &qs), UE_OK);
	if (qs.n != n) {
		for (size_t i = 0; i < qs.n; i++)
			print_message("  got \"%.*s\"\n",
			              (int)(qs.q[i].end - qs.q[i].start),
			              s + qs.q[i].start);
	}
	assert_int_equal(qs.n, n);
}

static void same_span(uint32_t start, uint32_t end, const char *want)
{
	char got[256];
	snprintf(got, sizeof got, "%.*s", (int)(end - start), text + start);
	assert_string_equal(got, want);
}

/* Quantity i spans span, is lo..hi with qualifier qual, counts object
 * ("" for none) in unit. */
static void check(size_t i, const char *span, double lo, double hi,
                  const char *qual, const char *object, const char *unit)
{
	assert_true(i < qs.n);
	const struct ue_quantity *q = &qs.q[i];
	same_span(q->start, q->end, span);
	same_span(q->object_start, q->object_end, object);
	assert_true(q->lo == lo);
	assert_true(q->hi == hi);
	assert_string_equal(ue_quantity_qualifier_name(q->qualifier), qual);
	assert_string_equal(q->unit, unit);
	assert_true((q->object_key != 0) == (*object != '\0' ||
	                                      q->object_end > q->object_start));
}

static void test_approximate(void **state)
{
	(void)state;
	find("North Korea has sent around 12,000 troops. Pyongyang dispatched "
	     "some 12,000 soldiers. About 11,000 servicemen, roughly 3,000, "
	     "approximately 500 tanks, an estimated 1,200 drones, nearly 40 "
	     "missiles and almost 1,000 shells.", "en", 8);
	check(0, "around 12,000 troops", 12000, 12000, "approximate", "troops", "");
	check(1, "some 12,000 soldiers", 12000, 12000, "approximate", "soldiers",
	      "");
	check(2, "About 11,000 servicemen", 11000, 11000, "approximate",
	      "servicemen", "");
	check(3, "roughly 3,000", 3000, 3000, "approximate", "", "");
	check(4, "approximately 500 tanks", 500, 500, "approximate", "tanks", "");
	check(5, "an estimated 1,200 drones", 1200, 1200, "approximate", "drones",
	      "");
	check(6, "nearly 40 missiles", 40, 40, "approximate", "missiles", "");
	check(7, "almost 1,000 shells", 1000, 1000, "approximate", "shells", "");
	/* troops, soldiers and servicemen share one object class */
	assert_true(qs.q[0].object_key == qs.q[1].object_key);
	assert_true(qs.q[0].object_key == qs.q[2].object_key);
	assert_string_equal(ue_quantity_object_class(qs.q[0].object_key),
	                    "troops");
	assert_true(qs.q[4].object_key != qs.q[0].object_key);
}

static void test_bounds(void **state)
{
	(void)state;
	find("Up to 12,000 troops; as many as 3,000; no more than 500 men; at "
	     "most 40 tanks. More than 10,000 soldiers, over 200 drones, at "
	     "least 1,000 civilians, in excess of 5,000 refugees, 10,000+ "
	     "workers.", "en", 9);
	check(0, "Up to 12,000 troops", 0, 12000, "upper_bound", "troops", "");
	check(1, "as many as 3,000", 0, 3000, "upper_bound", "", "");
	check(2, "no more than 500 men", 0, 500, "upper_bound", "men", "");
	check(3, "at most 40 tanks", 0, 40, "upper_bound", "tanks", "");
	check(4, "More than 10,000 soldiers", 10000, INFINITY, "lower_bound",
	      "soldiers", "");
	check(5, "over 200 drones", 200, INFINITY, "lower_bound", "drones", "");
	check(6, "at least 1,000 civilians", 1000, INFINITY, "lower_bound",
	      "civilians", "");
	check(7, "in excess of 5,000 refugees", 5000, INFINITY, "lower_bound",
	      "refugees", "");
	check(8, "10,000+ workers", 10000, INFINITY, "lower_bound", "workers", "");
}

static void test_ranges(void **state)
{
	(void)state;
	find("Between 10,000 and 12,000 troops; 10,000-12,000 troops; 10,000 to "
	     "12,000 troops; 10\u201312 thousand soldiers; from 2 to 3 million "
	     "people.", "en", 5);
	check(0, "Between 10,000 and 12,000 troops", 10000, 12000, "range",
	      "troops", "");
	check(1, "10,000-12,000 troops", 10000, 12000, "range", "troops", "");
	check(2, "10,000 to 12,000 troops", 10000, 12000, "range", "troops", "");
	check(3, "10\u201312 thousand soldiers", 10000, 12000, "range", "soldiers",
	      "");
	check(4, "from 2 to 3 million people", 2e6, 3e6, "range", "people", "");
}

static void test_objects(void **state)
{
	(void)state;
	find("A 12,000-strong force arrived with 1,500 special forces soldiers "
	     "and 12,000 North Korean troops fighting near Kursk.", "en", 3);
	check(0, "12,000-strong force", 12000, 12000, "exact", "force", "");
	check(1, "1,500 special forces soldiers", 1500, 1500, "exact", "soldiers",
	      "");
	check(2, "12,000 North Korean troops", 12000, 12000, "exact", "troops", "");
	/* no object after a comma or a verb */
	find("They counted 12,000, the ministry said; 3,000 were killed.", "en", 2);
	check(0, "12,000", 12000, 12000, "exact", "", "");
	check(1, "3,000", 3000, 3000, "exact", "", "");
}

static void test_money_and_units(void **state)
{
	(void)state;
	find("Soldiers are paid $2,000 a month; the EU pledged \u20ac5 million and "
	     "Seoul 3.5 billion won; US$3 bn, 500 million roubles, 20% or 3.5 per "
	     "cent, 40 km and USD 7 million.", "en", 9);
	check(0, "$2,000", 2000, 2000, "exact", "", "USD");
	check(1, "\u20ac5 million", 5e6, 5e6, "exact", "", "EUR");
	check(2, "3.5 billion won", 3.5e9, 3.5e9, "exact", "", "KRW");
	check(3, "US$3 bn", 3e9, 3e9, "exact", "", "USD");
	check(4, "500 million roubles", 5e8, 5e8, "exact", "", "RUB");
	check(5, "20%", 20, 20, "exact", "", "%");
	check(6, "3.5 per cent", 3.5, 3.5, "exact", "", "%");
	check(7, "40 km", 40, 40, "exact", "", "km");
	check(8, "USD 7 million", 7e6, 7e6, "exact", "", "USD");
}

static void test_number_forms(void **state)
{
	(void)state;
	find("12 thousand troops, 1.5 million people, 10K troops, 12.000 soldiers "
	     "and 3.5 tanks, 1.500 million people, 1.5m drones.", "en", 7);
	check(0, "12 thousand troops", 12000, 12000, "exact", "troops", "");
	check(1, "1.5 million people", 1.5e6, 1.5e6, "exact", "people", "");
	check(2, "10K troops", 10000, 10000, "exact", "troops", "");
	check(3, "12.000 soldiers", 12000, 12000, "exact", "soldiers", "");
	check(4, "3.5 tanks", 3.5, 3.5, "exact", "tanks", "");
	check(5, "1.500 million people", 1.5e6, 1.5e6, "exact", "people", "");
	check(6, "1.5m drones", 1.5e6, 1.5e6, "exact", "drones", "");
}

static void test_words(void **state)
{
	(void)state;
	find("Three thousand soldiers, a dozen tanks, hundreds of drones, "
	     "thousands of troops, tens of thousands of people, dozens of "
	     "missiles, several thousand workers, twenty-five hundred refugees "
	     "and hundreds of thousands of civilians.", "en", 9);
	check(0, "Three thousand soldiers", 3000, 3000, "exact", "soldiers", "");
	check(1, "a dozen tanks", 12, 12, "exact", "tanks", "");
	check(2, "hundreds of drones", 200, 999, "approximate", "drones", "");
	check(3, "thousands of troops", 2000, 9999, "approximate", "troops", "");
	check(4, "tens of thousands of people", 20000, 99999, "approximate",
	      "people", "");
	check(5, "dozens of missiles", 24, 99, "approximate", "missiles", "");
	check(6, "several thousand workers", 2000, 9999, "approximate",
	      "workers", "");
	check(7, "twenty-five hundred refugees", 2500, 2500, "exact", "refugees",
	      "");
	check(8, "hundreds of thousands of civilians", 200000, 999999,
	      "approximate", "civilians", "");
}

static void test_not_quantities(void **state)
{
	(void)state;
	find("In 2024, on October 18 at 10:30, page 12 of Article 5 said the "
	     "F-16 and the 1st Army, a 12-year-old and the 2024 election; 18 "
	     "March; No. 7; 2 of the 3; the score was 3-1.", "en", 0);
	/* a year-like number with a qualifier or an object is a count */
	find("About 2000 troops arrived in 2000; 2022-2024; 1990 soldiers.",
	     "en", 2);
	check(0, "About 2000 troops", 2000, 2000, "approximate", "troops", "");
	check(1, "1990 soldiers", 1990, 1990, "exact", "soldiers", "");
}

static void test_russian(void **state)
{
	(void)state;
	find("КНДР направила около 12 тысяч военных в Россию. До 12 000 солдат, "
	     "более 10 тысяч человек, свыше 3 тысяч беспилотников, примерно 500 "
	     "танков, не менее 5 тысяч северокорейских военных.", "ru", 6);
	check(0, "около 12 тысяч военных", 12000, 12000, "approximate", "военных",
	      "");
	check(1, "До 12 000 солдат", 0, 12000, "upper_bound", "солдат", "");
	check(2, "более 10 тысяч человек", 10000, INFINITY, "lower_bound",
	      "человек", "");
	check(3, "свыше 3 тысяч беспилотников", 3000, INFINITY, "lower_bound",
	      "беспилотников", "");
	check(4, "примерно 500 танков", 500, 500, "approximate", "танков", "");
	check(5, "не менее 5 тысяч северокорейских военных", 5000, INFINITY,
	      "lower_bound", "военных", "");
	/* военных, солдат and troops are one class */
	assert_string_equal(ue_quantity_object_class(qs.q[0].object_key),
	                    "troops");
	assert_true(qs.q[0].object_key == qs.q[1].object_key);

	find("От 10 до 12 тысяч военнослужащих, десятки тысяч бойцов, несколько "
	     "тысяч человек, тысячи солдат, полторы тысячи военных; 3,5 млрд "
	     "рублей, 15%, 100 км. В 2024 году 18 октября в 10:30 статья 5.",
	     "ru", 8);
	check(0, "От 10 до 12 тысяч военнослужащих", 10000, 12000, "range",
	      "военнослужащих", "");
	check(1, "десятки тысяч бойцов", 20000, 99999, "approximate", "бойцов", "");
	check(2, "несколько тысяч человек", 2000, 9999, "approximate", "человек",
	      "");
	check(3, "тысячи солдат", 2000, 9999, "approximate", "солдат", "");
	check(4, "полторы тысячи военных", 1500, 1500, "exact", "военных", "");
	check(5, "3,5 млрд рублей", 3.5e9, 3.5e9, "exact", "", "RUB");
	check(6, "15%", 15, 15, "exact", "", "%");
	check(7, "100 км", 100, 100, "exact", "", "km");
}

static void test_korean(void **state)
{
	(void)state;
	find("북한은 1만2천명을 파병했다. 북한군 약 1만 2000명이 도착했다. 최대 "
	     "1만2000명, 3천 명, 1만여 명이 파병됐다.", "ko", 5);
	check(0, "1만2천명", 12000, 12000, "exact", "명", "");
	check(1, "약 1만 2000명", 12000, 12000, "approximate", "북한군", "");
	check(2, "최대 1만2000명", 0, 12000, "upper_bound", "명", "");
	check(3, "3천 명", 3000, 3000, "exact", "명", "");
	check(4, "1만여 명", 10000, 19999, "approximate", "명", "");
	/* 북한군 is troops; the counter 명 counts people */
	assert_string_equal(ue_quantity_object_class(qs.q[1].object_key),
	                    "troops");
	assert_string_equal(ue_quantity_object_class(qs.q[0].object_key),
	                    "people");

	find("1만 명 이상이 숨졌다. 5천명 이하, 2천명까지, 수천 명의 병력, "
	     "1조 2000억 원, 50%, 1만~1만2천명. 2024년 10월 18일 3번째.", "ko", 7);
	check(0, "1만 명 이상", 10000, INFINITY, "lower_bound", "명", "");
	check(1, "5천명 이하", 0, 5000, "upper_bound", "명", "");
	check(2, "2천명까지", 0, 2000, "upper_bound", "명", "");
	check(3, "수천 명의 병력", 2000, 9999, "approximate", "병력", "");
	check(4, "1조 2000억 원", 1.2e12, 1.2e12, "exact", "", "KRW");
	check(5, "50%", 50, 50, "exact", "", "%");
	check(6, "1만~1만2천명", 10000, 12000, "range", "명", "");
}

static void test_json(void **state)
{
	(void)state;
	find("Officials said \"up to 12,000 troops\" and more than 3,000.", "en", 2);
	struct ue_buf b;
	ue_buf_init(&b, 0);
	assert_int_equal(ue_quantity_json(&qs.q[0], text, strlen(text), &b), UE_OK);
	assert_string_equal(ue_buf_str(&b),
	                    "{\"start\":16,\"end\":35,\"text\":\"up to 12,000 troops\","
	                    "\"lo\":0,\"hi\":12000,\"qualifier\":\"upper_bound\","
	                    "\"object\":\"troops\",\"unit\":\"\"}");
	ue_buf_reset(&b);
	assert_int_equal(ue_quantity_json(&qs.q[1], text, strlen(text), &b), UE_OK);
	assert_non_null(strstr(ue_buf_str(&b), "\"lo\":3000,\"hi\":null,"
	                                      "\"qualifier\":\"lower_bound\""));
	/* a full buffer gives its status and leaves no partial object */
	ue_buf_release(&b);
	ue_buf_init(&b, 20);
	assert_int_equal(ue_buf_puts(&b, "[x"), UE_OK);
	assert_int_equal(ue_quantity_json(&qs.q[0], text, strlen(text), &b),
	                 UE_ELIMIT);
	assert_string_equal(ue_buf_str(&b), "[x");
	ue_buf_release(&b);
	/* a span outside the text */
	struct ue_quantity bad = qs.q[0];
	bad.end = 1000;
	ue_buf_init(&b, 0);
	assert_int_equal(ue_quantity_json(&bad, text, strlen(text), &b), UE_EINVAL);
	ue_buf_release(&b);
	assert_string_equal(ue_quantity_qualifier_name(99), "");
}

static void test_cap_and_reuse(void **state)
{
	(void)state;
	/* more quantities than the cap: the first UE_QUANTITY_MAX are kept */
	struct ue_buf b;
	ue_buf_init(&b, 0);
	for (int i = 0; i < UE_QUANTITY_MAX + 10; i++)
		ue_buf_printf(&b, "%d troops. ", 100 + i % 800);
	find(ue_buf_str(&b), "en", UE_QUANTITY_MAX);
	assert_true(qs.truncated);
	check(0, "100 troops", 100, 100, "exact", "troops", "");
	/* the same array, reused for a text with none */
	find("Nothing here.", "en", 0);
	assert_false(qs.truncated);
	ue_buf_release(&b);
	/* empty text, no tokens */
	find("", NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_approximate),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_objects),
		cmocka_unit_test(test_money_and_units),
		cmocka_unit_test(test_number_forms),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_not_quantities),
		cmocka_unit_test(test_russian),
		cmocka_unit_test(test_korean),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_cap_and_reuse),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
