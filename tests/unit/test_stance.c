/* test_stance.c - tests of lib/stance: the stance of a body towards a claim. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stance/stance.h"

static struct ue_stance *st;
static struct ue_stance_result res;

static int setup(void **state)
{
	(void)state;
	return ue_stance_new(&st) == UE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ue_stance_free(st);
	return 0;
}

static unsigned classify(const char *claim, const char *body)
{
	assert_int_equal(ue_stance_classify(st, claim, strlen(claim), body,
	                                    strlen(body), "en", &res), UE_OK);
	double sum = 0;
	for (int k = 0; k < UE_STANCE_NLABELS; k++) {
		assert_true(res.score[k] >= 0 && res.score[k] <= 1);
		sum += res.score[k];
	}
	assert_true(sum > 0.999 && sum < 1.001);
	return res.label;
}

/* The passage of the last result is within body and contains want. */
static void passage_has(const char *body, const char *want)
{
	assert_true(res.passage_start < res.passage_end);
	assert_true(res.passage_end <= strlen(body));
	char buf[1024];
	size_t n = res.passage_end - res.passage_start;
	assert_true(n < sizeof buf);
	memcpy(buf, body + res.passage_start, n);
	buf[n] = 0;
	assert_non_null(strstr(buf, want));
}

static const char *const claim =
	"Tiger escaped from Berlin zoo and roams Tiergarten park";

static void test_unrelated(void **state)
{
	(void)state;
	const char *body =
		"The central bank raised interest rates by a quarter point on "
		"Thursday, citing persistent inflation in services. Economists "
		"had expected the move. Mortgage lenders said they would pass the "
		"increase on to borrowers within weeks.";
	assert_int_equal(classify(claim, body), UE_STANCE_UNRELATED);
	assert_true(res.score[UE_STANCE_UNRELATED] > 0.5);
	assert_int_equal(res.passage_start, 0);
	assert_int_equal(res.passage_end, 0);
}

static void test_agree(void **state)
{
	(void)state;
	const char *body =
		"A tiger escaped from the Berlin zoo on Monday and was seen roaming "
		"the Tiergarten park, police confirmed. The tiger escaped through "
		"a damaged fence of its enclosure at the zoo. Officers closed the "
		"Tiergarten park while keepers searched for the tiger. The zoo "
		"confirmed that the animal escaped and said visitors were safe.";
	assert_int_equal(classify(claim, body), UE_STANCE_AGREE);
	passage_has(body, "iger");
}

static void test_disagree(void **state)
{
	(void)state;
	const char *body =
		"Reports that a tiger escaped from the Berlin zoo are false, the zoo "
		"said on Monday. The zoo denied that any tiger had escaped and said "
		"the story roaming the Tiergarten park was a hoax. \"All our tigers "
		"are in their enclosure, this is fake news,\" a spokeswoman said. "
		"Police also denied the claim and said it was not true.";
	assert_int_equal(classify(claim, body), UE_STANCE_DISAGREE);
	assert_true(res.score[UE_STANCE_DISAGREE] > res.score[UE_STANCE_AGREE]);
	passage_has(body, "tiger");
}

static void test_discuss(void **state)
{
	(void)state;
	const char *body =
		"A tiger has reportedly escaped from the Berlin zoo, according to "
		"posts on social media, which claim it was seen in the Tiergarten "
		"park. The reports could not be verified and it is unclear whether "
		"any animal escaped. The zoo did not respond to requests for "
		"comment. Some users suggested the tiger may be a large cat.";
	assert_int_equal(classify(claim, body), UE_STANCE_DISCUSS);
}

struct seen {
	int bias, ov;
	double ov_value;
};

static int note(void *ctx, const char *const *name, const double *value,
                size_t n)
{
	struct seen *seen = ctx;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(name[i], "bias") == 0)
			seen->bias++;
		if (strcmp(name[i], "ov") == 0) {
			seen->ov++;
			seen->ov_value = value[i];
		}
	}
	return 0;
}

/* The features are reported with their names: the overlap of a body that
 * holds most of the claim's words is high. */
static void test_features(void **state)
{
	(void)state;
	struct seen seen = {0, 0, 0};
	const char *body = "A tiger escaped from the Berlin zoo.";
	assert_int_equal(ue_stance_features(st, claim, strlen(claim), body,
	                                    strlen(body), NULL, note, &seen),
	                 UE_OK);
	assert_int_equal(seen.bias, 1);
	assert_int_equal(seen.ov, 1);
	assert_true(seen.ov_value > 0.3 && seen.ov_value <= 1);
}

static int stop(void *ctx, const char *const *name, const double *value,
                size_t n)
{
	(void)ctx;
	(void)name;
	(void)value;
	(void)n;
	return 1;
}

static void test_errors(void **state)
{
	(void)state;
	assert_int_equal(ue_stance_classify(st, NULL, 0, "x", 1, "en", &res),
	                 UE_EINVAL);
	assert_int_equal(res.label, UE_STANCE_UNRELATED);
	assert_int_equal(ue_stance_classify(st, "x", 1, "x", 1, "en", NULL),
	                 UE_EINVAL);
	assert_int_equal(ue_stance_classify(NULL, "x", 1, "x", 1, "en", &res),
	                 UE_EINVAL);
	assert_int_equal(ue_stance_classify(st, "x", UE_STANCE_MAX_CLAIM + 1,
	                                    "x", 1, "en", &res), UE_ELIMIT);
	assert_int_equal(ue_stance_features(st, "x", 1, "y", 1, "en", stop,
	                                    NULL), UE_ECANCELLED);
	/* empty texts and other languages are fine */
	assert_int_equal(classify("", ""), UE_STANCE_UNRELATED);
	const char *ru_claim = "Тигр сбежал из зоопарка";
	const char *ru_body = "Тигр не сбежал из зоопарка.";
	assert_int_equal(ue_stance_classify(st, ru_claim, strlen(ru_claim),
	                                    ru_body, strlen(ru_body), "ru", &res),
	                 UE_OK);
	assert_int_not_equal(res.label, UE_STANCE_UNRELATED);
	assert_string_equal(ue_stance_label_name(UE_STANCE_DISAGREE), "disagree");
	assert_string_equal(ue_stance_label_name(99), "unknown");
	ue_stance_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unrelated),
		cmocka_unit_test(test_agree),
		cmocka_unit_test(test_disagree),
		cmocka_unit_test(test_discuss),
		cmocka_unit_test(test_features),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
