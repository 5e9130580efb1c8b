/* test_attrib.c - tests of lib/attrib: attribution relations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "attrib/attrib.h"

static struct ue_attrib *ax;
static struct ue_attributions rel;
static const char *text;

static int setup(void **state)
{
	(void)state;
	ue_attributions_init(&rel);
	return ue_attrib_new(&ax) == UE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ue_attributions_release(&rel);
	ue_attrib_free(ax);
	return 0;
}

static void extract(const char *s, const char *lang)
{
	text = s;
	assert_int_equal(ue_attrib_extract(ax, s, strlen(s), lang, NULL, &rel),
	                 UE_OK);
}

/* The span [a, b) of the text is exactly want ("" for none). */
static void span_is(uint32_t a, uint32_t b, const char *want)
{
	char got[512];
	assert_true(b >= a && b - a < sizeof got);
	memcpy(got, text + a, b - a);
	got[b - a] = 0;
	assert_string_equal(got, want);
}

/* The relation whose cue is cue (the first), or fails. */
static const struct ue_attribution *by_cue(const char *cue)
{
	for (size_t i = 0; i < rel.n; i++) {
		const struct ue_attribution *r = &rel.v[i];
		if (r->cue_end - r->cue_start == strlen(cue) &&
		    !memcmp(text + r->cue_start, cue, strlen(cue)))
			return r;
	}
	fail_msg("no relation with cue '%s' (%zu relations)", cue, rel.n);
	return NULL;
}

static void test_said_possessive_source(void **state)
{
	(void)state;
	extract("North Korea has sent 12,000 troops to Russia, South Korea's "
	        "spy agency said on Friday.", "en");
	assert_int_equal(rel.n, 1);
	const struct ue_attribution *r = by_cue("said");
	span_is(r->source_start, r->source_end, "South Korea's spy agency");
	span_is(r->content_start, r->content_end,
	        "North Korea has sent 12,000 troops to Russia");
	assert_int_equal(r->kind, UE_ATTRIB_SAID);
	assert_int_equal(r->source_kind, UE_SOURCE_ORG);
	assert_int_equal(r->hedged, 0);
}

static void test_according_to(void **state)
{
	(void)state;
	extract("According to the Pentagon, the troops arrived in Kursk.", NULL);
	const struct ue_attribution *r = by_cue("According to");
	span_is(r->source_start, r->source_end, "the Pentagon");
	span_is(r->content_start, r->content_end, "the troops arrived in Kursk");
	assert_int_equal(r->kind, UE_ATTRIB_ACCORDING_TO);
	assert_string_equal(ue_attrib_kind_name(r->kind), "according-to");
	assert_string_equal(ue_source_kind_name(r->source_kind),
	                    "organisation");
}

static void test_inverted_quote(void **state)
{
	(void)state;
	extract("\xe2\x80\x9cWe will respond,\xe2\x80\x9d said Defence Minister "
	        "Shin Won-sik.", "en");
	const struct ue_attribution *r = by_cue("said");
	span_is(r->source_start, r->source_end, "Defence Minister Shin Won-sik");
	span_is(r->content_start, r->content_end,
	        "\xe2\x80\x9cWe will respond,\xe2\x80\x9d");
	assert_int_equal(r->source_kind, UE_SOURCE_PERSON);
}

static void test_split_quote(void **state)
{
	(void)state;
	extract("\"We are ready,\" he said, \"and we will win.\"", "en");
	assert_int_equal(rel.n, 1);
	const struct ue_attribution *r = by_cue("said");
	span_is(r->source_start, r->source_end, "he");
	span_is(r->content_start, r->content_end,
	        "\"We are ready,\" he said, \"and we will win.\"");
	assert_int_equal(r->source_kind, UE_SOURCE_PRONOUN);
}

static void test_anonymous_and_hedge(void **state)
{
	(void)state;
	extract("Officials speaking on condition of anonymity said the units "
	        "reportedly suffered losses.", "en");
	const struct ue_attribution *r = by_cue("said");
	span_is(r->source_start, r->source_end,
	        "Officials speaking on condition of anonymity");
	span_is(r->content_start, r->content_end,
	        "the units reportedly suffered losses");
	assert_int_equal(r->source_kind, UE_SOURCE_ANONYMOUS);
	assert_int_equal(r->hedged, 1);
	/* a long anonymous description is not resolved */
	assert_int_equal(r->resolved_end, 0);
}

static void test_not_verified(void **state)
{
	(void)state;
	extract("The Pentagon said 3,000 soldiers were killed, a figure that "
	        "could not be independently verified.", "en");
	const struct ue_attribution *r = by_cue("said");
	span_is(r->source_start, r->source_end, "The Pentagon");
	assert_int_equal(r->hedged, 1);
}

static void test_pronoun_resolution(void **state)
{
	(void)state;
	extract("Defence Minister Shin Won-sik said the troops were in Kursk.\n\n"
	        "He told reporters that the talks had failed.", "en");
	assert_int_equal(rel.n, 2);
	const struct ue_attribution *r = by_cue("told");
	span_is(r->source_start, r->source_end, "He");
	span_is(r->resolved_start, r->resolved_end,
	        "Defence Minister Shin Won-sik");
	span_is(r->content_start, r->content_end, "the talks had failed");
	assert_int_equal(r->kind, UE_ATTRIB_TOLD);
	assert_int_equal(r->source_kind, UE_SOURCE_PRONOUN);
}

static void test_relative_clause(void **state)
{
	(void)state;
	extract("Kim Jong Un, who rarely speaks in public, said the army was "
	        "ready.", "en");
	const struct ue_attribution *r = by_cue("said");
	span_is(r->source_start, r->source_end,
	        "Kim Jong Un, who rarely speaks in public");
	span_is(r->content_start, r->content_end, "the army was ready");
	assert_int_equal(r->source_kind, UE_SOURCE_PERSON);
}

static void test_nested_cue_dropped(void **state)
{
	(void)state;
	/* a cue inside a quotation or inside another content is not one */
	extract("Crawford said, \"Marla called and said she could not come.\"",
	        "en");
	assert_int_equal(rel.n, 1);
	const struct ue_attribution *r = by_cue("said");
	span_is(r->source_start, r->source_end, "Crawford");
	span_is(r->content_start, r->content_end,
	        "\"Marla called and said she could not come.\"");
}

static void test_russian(void **state)
{
	(void)state;
	extract("По словам министра обороны, войска прибыли в Курск. "
	        "Шойгу заявил, что армия готова. "
	        "«Мы ответим», — сказал Песков.", "ru");
	assert_int_equal(rel.n, 3);
	const struct ue_attribution *r = by_cue("По словам");
	assert_int_equal(r->kind, UE_ATTRIB_ACCORDING_TO);
	span_is(r->source_start, r->source_end, "министра обороны");
	span_is(r->content_start, r->content_end, "войска прибыли в Курск");
	r = by_cue("заявил");
	span_is(r->source_start, r->source_end, "Шойгу");
	span_is(r->content_start, r->content_end, "армия готова");
	assert_int_equal(r->source_kind, UE_SOURCE_PERSON);
	r = by_cue("сказал");
	span_is(r->source_start, r->source_end, "Песков");
	span_is(r->content_start, r->content_end, "«Мы ответим»");
}

static void test_korean(void **state)
{
	(void)state;
	extract("국가정보원에 따르면 북한은 1만2천 명을 파병했다. "
	        "국방부는 북한군이 쿠르스크에 도착했다고 밝혔다. "
	        "\"우리는 대응할 것\"이라고 그는 말했다.", "ko");
	assert_int_equal(rel.n, 3);
	const struct ue_attribution *r = by_cue("에 따르면");
	assert_int_equal(r->kind, UE_ATTRIB_ACCORDING_TO);
	span_is(r->source_start, r->source_end, "국가정보원");
	assert_int_equal(r->source_kind, UE_SOURCE_ORG);
	span_is(r->content_start, r->content_end, "북한은 1만2천 명을 파병했다");
	r = by_cue("밝혔다");
	span_is(r->source_start, r->source_end, "국방부");
	span_is(r->content_start, r->content_end,
	        "북한군이 쿠르스크에 도착했다고");
	r = by_cue("말했다");
	span_is(r->source_start, r->source_end, "그");
	assert_int_equal(r->source_kind, UE_SOURCE_PRONOUN);
	span_is(r->resolved_start, r->resolved_end, "국방부");
	span_is(r->content_start, r->content_end, "\"우리는 대응할 것\"이라고");
}

static void test_outer_report_wins(void **state)
{
	(void)state;
	/* the reporting verb at the end wins over the inner state verb */
	extract("North Korea has decided to send about 12,000 troops, including "
	        "special forces, to help Russia in its war against Ukraine, "
	        "South Korea's National Intelligence Service (NIS) said on "
	        "Friday.", "en");
	assert_int_equal(rel.n, 1);
	const struct ue_attribution *r = by_cue("said");
	span_is(r->source_start, r->source_end,
	        "South Korea's National Intelligence Service (NIS)");
	span_is(r->content_start, r->content_end,
	        "North Korea has decided to send about 12,000 troops, including "
	        "special forces, to help Russia in its war against Ukraine");
	assert_int_equal(r->kind, UE_ATTRIB_SAID);
	assert_int_equal(r->source_kind, UE_SOURCE_ORG);
}

static void test_dateline(void **state)
{
	(void)state;
	extract("SEOUL, Oct. 18 (PPA) -- North Korea has decided to dispatch some "
	        "12,000 troops, or four brigades, to support Russia's war in "
	        "Ukraine, and the first contingent has already left for Russia, "
	        "the National Intelligence Service (NIS) said Friday.", "en");
	assert_int_equal(rel.n, 1);
	const struct ue_attribution *r = by_cue("said");
	span_is(r->source_start, r->source_end,
	        "the National Intelligence Service (NIS)");
	span_is(r->content_start, r->content_end,
	        "North Korea has decided to dispatch some 12,000 troops, or four "
	        "brigades, to support Russia's war in Ukraine, and the first "
	        "contingent has already left for Russia");
}

static void test_nominal_resolved(void **state)
{
	(void)state;
	extract("South Korea's National Intelligence Service said on Friday that "
	        "North Korea had sent special forces to Russia.\n\n"
	        "The spy agency said the deployment was already under way.",
	        "en");
	assert_int_equal(rel.n, 2);
	const struct ue_attribution *r = &rel.v[0];
	span_is(r->source_start, r->source_end,
	        "South Korea's National Intelligence Service");
	span_is(r->content_start, r->content_end,
	        "North Korea had sent special forces to Russia");
	r = &rel.v[1];
	span_is(r->cue_start, r->cue_end, "said");
	span_is(r->source_start, r->source_end, "The spy agency");
	assert_int_equal(r->source_kind, UE_SOURCE_NOMINAL);
	span_is(r->resolved_start, r->resolved_end,
	        "South Korea's National Intelligence Service");
	span_is(r->content_start, r->content_end,
	        "the deployment was already under way");
}

static void test_dismissed_as(void **state)
{
	(void)state;
	extract("Kremlin spokesman Dmitry Peskov dismissed the reports as "
	        "\"another fake\".", "en");
	assert_int_equal(rel.n, 1);
	const struct ue_attribution *r = by_cue("dismissed");
	span_is(r->source_start, r->source_end, "Kremlin spokesman Dmitry Peskov");
	span_is(r->content_start, r->content_end,
	        "the reports as \"another fake\"");
	assert_int_equal(r->source_kind, UE_SOURCE_PERSON);
}

static void test_according_to_acronym(void **state)
{
	(void)state;
	extract("According to HUR, the North Korean soldiers are being trained "
	        "in the Far East.", "en");
	assert_int_equal(rel.n, 1);
	const struct ue_attribution *r = by_cue("According to");
	span_is(r->source_start, r->source_end, "HUR");
	assert_int_equal(r->source_kind, UE_SOURCE_ORG);
	span_is(r->content_start, r->content_end,
	        "the North Korean soldiers are being trained in the Far East");
}

static void test_russian_inverted(void **state)
{
	(void)state;
	extract("Об этом сообщила в пятницу Национальная служба разведки Южной "
	        "Кореи.", "ru");
	assert_int_equal(rel.n, 1);
	const struct ue_attribution *r = by_cue("сообщила");
	span_is(r->source_start, r->source_end,
	        "Национальная служба разведки Южной Кореи");
	span_is(r->content_start, r->content_end, "Об этом");
	extract("По данным южнокорейской разведки, КНДР отправила в Россию "
	        "12 тысяч военных.", "ru");
	assert_int_equal(rel.n, 1);
	r = by_cue("По данным");
	assert_int_equal(r->kind, UE_ATTRIB_ACCORDING_TO);
	span_is(r->source_start, r->source_end, "южнокорейской разведки");
	span_is(r->content_start, r->content_end,
	        "КНДР отправила в Россию 12 тысяч военных");
}

static void test_korean_date(void **state)
{
	(void)state;
	extract("국가정보원은 18일 북한이 러시아에 1만2천 명 규모의 특수부대를 "
	        "파병하기로 결정했다고 밝혔다.", "ko");
	assert_int_equal(rel.n, 1);
	const struct ue_attribution *r = by_cue("밝혔다");
	span_is(r->source_start, r->source_end, "국가정보원");
	assert_int_equal(r->source_kind, UE_SOURCE_ORG);
	span_is(r->content_start, r->content_end,
	        "북한이 러시아에 1만2천 명 규모의 특수부대를 파병하기로 결정했다고");
}

static void test_paragraph_quote(void **state)
{
	(void)state;
	const char *s = "Defence Minister Shin Won-sik said the troops were in "
	                "Kursk.\n\n\"They will be sent to the front within "
	                "weeks.\"\n\nThe ministry gave no figures.";
	extract(s, "en");
	assert_int_equal(rel.n, 1);   /* off by default */
	ue_attrib_set_flags(ax, UE_ATTRIB_QUOTES);
	extract(s, "en");
	ue_attrib_set_flags(ax, 0);
	assert_int_equal(rel.n, 2);
	const struct ue_attribution *r = &rel.v[1];
	assert_int_equal(r->kind, UE_ATTRIB_QUOTE);
	assert_int_equal(r->cue_end, 0);
	span_is(r->content_start, r->content_end,
	        "\"They will be sent to the front within weeks.\"");
	span_is(r->resolved_start, r->resolved_end,
	        "Defence Minister Shin Won-sik");
	assert_string_equal(ue_attrib_kind_name(r->kind), "quote");
}

static void test_edges(void **state)
{
	(void)state;
	extract("", "en");
	assert_int_equal(rel.n, 0);
	extract("said", "en");
	extract("\"\"\"", "en");
	assert_int_equal(rel.n, 0);
	/* languages without cues give nothing */
	extract("Le ministre a dit que les troupes sont arrivées.", "fr");
	assert_int_equal(rel.n, 0);
	assert_string_equal(ue_attrib_kind_name(200), "unknown");
	assert_string_equal(ue_source_kind_name(200), "unknown");
	assert_int_equal(ue_attrib_extract(ax, NULL, 3, "en", NULL, &rel),
	                 UE_EINVAL);
}

static int count_features(void *ctx, uint32_t start, uint32_t end,
                          const char *const *feat, size_t nfeat)
{
	(void)start;
	(void)end;
	assert_true(nfeat >= 3);
	assert_string_equal(feat[nfeat - 1], "b");
	(*(int *)ctx)++;
	return 0;
}

static void test_features(void **state)
{
	(void)state;
	int n = 0;
	const char *s = "He said \"this is quoted\" today.";
	assert_int_equal(ue_attrib_features(ax, s, strlen(s), "en", NULL,
	                                    count_features, &n), UE_OK);
	assert_int_equal(n, 3);   /* words inside the quotation are left out */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_said_possessive_source),
		cmocka_unit_test(test_according_to),
		cmocka_unit_test(test_inverted_quote),
		cmocka_unit_test(test_split_quote),
		cmocka_unit_test(test_anonymous_and_hedge),
		cmocka_unit_test(test_not_verified),
		cmocka_unit_test(test_pronoun_resolution),
		cmocka_unit_test(test_relative_clause),
		cmocka_unit_test(test_nested_cue_dropped),
		cmocka_unit_test(test_russian),
		cmocka_unit_test(test_korean),
		cmocka_unit_test(test_outer_report_wins),
		cmocka_unit_test(test_dateline),
		cmocka_unit_test(test_nominal_resolved),
		cmocka_unit_test(test_dismissed_as),
		cmocka_unit_test(test_according_to_acronym),
		cmocka_unit_test(test_russian_inverted),
		cmocka_unit_test(test_korean_date),
		cmocka_unit_test(test_paragraph_quote),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_features),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
