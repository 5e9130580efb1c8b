/* test_entities.c - tests of lib/claims/entities.c and data/entities.tsv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "claims/entities.h"
#include "text/token.h"
#include "testlib.h"

static struct ue_entities *set;
static struct ue_tokenizer *tk;
static struct ue_tokens t;
static struct ue_entity_mentions ms;
static const char *text;

static int setup(void **state)
{
	(void)state;
	char err[256] = "";
	ue_tokens_init(&t);
	ue_entity_mentions_init(&ms);
	if (ue_entities_new(&set, err, sizeof err) != UE_OK) {
		print_error("%s\n", err);
		return -1;
	}
	return ue_tokenizer_new(&tk) == UE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	ue_entity_mentions_release(&ms);
	ue_tokens_release(&t);
	ue_tokenizer_free(tk);
	ue_entities_free(set);
	return 0;
}

/* Finds the mentions in s; fails unless there are n. */
static void find_in(const struct ue_entities *es, const char *s,
                    const char *lang, size_t n)
{
	text = s;
	assert_int_equal(ue_tokenize(tk, s, strlen(s), lang, &t), UE_OK);
	assert_int_equal(ue_entities_find(es, s, strlen(s), &t, &ms), UE_OK);
	if (ms.n != n)
		for (size_t i = 0; i < ms.n; i++)
			print_message("  got \"%.*s\" %s\n",
			              (int)(ms.m[i].end - ms.m[i].start),
			              s + ms.m[i].start,
			              ue_entities_get(es, ms.m[i].entity)->id);
	assert_int_equal(ms.n, n);
}

static void find(const char *s, const char *lang, size_t n)
{
	find_in(set, s, lang, n);
}

/* Mention i spans span and is the entity id. */
static void check(size_t i, const char *span, const char *id)
{
	assert_true(i < ms.n);
	char got[256];
	snprintf(got, sizeof got, "%.*s", (int)(ms.m[i].end - ms.m[i].start),
	         text + ms.m[i].start);
	assert_string_equal(got, span);
	assert_string_equal(ue_entities_get(set, ms.m[i].entity)->id, id);
}

static void test_loaded(void **state)
{
	(void)state;
	/* every country of countries.tsv plus the hand-written rows */
	assert_true(ue_entities_count(set) >= 300);
	assert_true(ue_entities_alias_count(set) >= 1000);
	uint32_t nk = ue_entities_index(set, "north-korea");
	assert_true(nk != UE_ENTITY_NONE);
	const struct ue_entity *e = ue_entities_get(set, nk);
	assert_string_equal(e->name, "North Korea");
	assert_string_equal(ue_entity_kind_name(e->kind), "country");
	assert_string_equal(e->country, "KP");
	assert_int_equal(e->parent, UE_ENTITY_NONE);
	/* the Pentagon is a body of the US government */
	uint32_t dod = ue_entities_index(set, "us-dod");
	assert_true(dod != UE_ENTITY_NONE);
	e = ue_entities_get(set, dod);
	assert_string_equal(ue_entity_kind_name(e->kind), "government");
	assert_int_equal(e->parent, ue_entities_index(set, "united-states"));
	assert_string_equal(ue_entities_get(set, ue_entities_index(set, "france"))
	                        ->country, "FR");
	assert_int_equal(ue_entities_index(set, "no-such-thing"), UE_ENTITY_NONE);
	assert_null(ue_entities_get(set, ue_entities_count(set)));
	assert_string_equal(ue_entity_kind_name(UE_ENTITY_PLACE), "place");
	assert_string_equal(ue_entity_kind_name(42), "");
}

static void test_english(void **state)
{
	(void)state;
	find("Pyongyang dispatched some 12,000 soldiers, North Korea has sent "
	     "around 12,000 troops, the DPRK said, and the Democratic People's "
	     "Republic of Korea confirmed it.", "en", 4);
	check(0, "Pyongyang", "north-korea");
	check(1, "North Korea", "north-korea");
	check(2, "DPRK", "north-korea");
	check(3, "Democratic People's Republic of Korea", "north-korea");

	/* possessives; metonyms; the longest alias wins */
	find("North Korea's troops, Pyongyang's envoy, the Kremlin's reply, the "
	     "Pentagon, the White House and the Washington Post; Kim Jong Un and "
	     "Kim Jong-un; South Korea's spy agency; Zelenskyy's aide.", "en", 10);
	check(0, "North Korea", "north-korea");
	check(1, "Pyongyang", "north-korea");
	check(2, "the Kremlin", "russia");
	check(3, "the Pentagon", "us-dod");
	check(4, "the White House", "united-states");
	check(5, "the Washington Post", "washington-post");
	check(6, "Kim Jong Un", "kim-jong-un");
	check(7, "Kim Jong-un", "kim-jong-un");
	check(8, "South Korea's spy agency", "kr-nis");
	check(9, "Zelenskyy", "zelensky");
}

static void test_case_and_words(void **state)
{
	(void)state;
	/* short aliases only with their case; never inside another word */
	find("The US and the UN told us; un, Us, anti-Kremlin Russiagate "
	     "Koreans at Washingtonville.", "en", 2);
	check(0, "US", "united-states");
	check(1, "UN", "un");
	find("The U.S. and NATO, Nato and nato; XI and Xi.", "en", 5);
	check(0, "U.S", "united-states");
	check(1, "NATO", "nato");
	check(2, "Nato", "nato");
	check(3, "nato", "nato");
	check(4, "Xi", "xi-jinping");
	/* a name across a sentence end is no name */
	find("He went north. Korea is far.", "en", 1);
	check(0, "Korea", "south-korea");
}

static void test_russian(void **state)
{
	(void)state;
	/* inflected forms match the nominative aliases */
	find("Войска Северной Кореи прибыли в Курскую область, заявил Кремль. По "
	     "данным ГУР, КНДР отправила солдат; Зеленский обвинил Путина, "
	     "в Киеве и Пхеньяне молчат, Москвой.", "ru", 10);
	check(0, "Северной Кореи", "north-korea");
	check(1, "Курскую область", "kursk");
	check(2, "Кремль", "russia");
	check(3, "ГУР", "ua-hur");
	check(4, "КНДР", "north-korea");
	check(5, "Зеленский", "zelensky");
	check(6, "Путина", "putin");
	check(7, "Киеве", "ukraine");
	check(8, "Пхеньяне", "north-korea");
	check(9, "Москвой", "russia");
	/* a derived word is not the name: россиян, киевский */
	find("Россияне и киевские власти.", "ru", 0);
	find("Київ заявив, що у Києві знають.", "uk", 2);
	check(0, "Київ", "ukraine");
	check(1, "Києві", "ukraine");
}

static void test_korean(void **state)
{
	(void)state;
	/* particles are not part of the mention */
	find("북한은 러시아에 병력을 파병했다고 국정원이 밝혔다. 크렘린은 "
	     "부인했다. 김정은과 푸틴, 김정은 위원장. 북한군이 이동했다.", "ko", 8);
	check(0, "북한", "north-korea");
	check(1, "러시아", "russia");
	check(2, "국정원", "kr-nis");
	check(3, "크렘린", "russia");
	check(4, "김정은", "kim-jong-un");
	check(5, "푸틴", "putin");
	check(6, "김정은", "kim-jong-un");
	check(7, "북한군", "kp-kpa");
	find("朝鲜向俄罗斯派兵。", "zh", 2);
	check(0, "朝鲜", "north-korea");
	check(1, "俄罗斯", "russia");
}

static void test_user_rows(void **state)
{
	(void)state;
	char err[256];
	struct ue_entities *es;
	assert_int_equal(ue_entities_new(&es, err, sizeof err), UE_OK);
	size_t before = ue_entities_count(es);
	const char *rows =
		"# a user's file\n"
		"id\tname\tkind\tcountry\tparent\taliases\n"
		"kp-8th-corps\t8th Army Corps\tgovernment\tkp\tkp-kpa\t"
		"8th Corps;제8군단\n"
		"north-korea\t\t\t\t\tHermit Kingdom\n";
	assert_int_equal(ue_entities_add(es, rows, strlen(rows), "mine.tsv", err,
	                                 sizeof err), UE_OK);
	assert_int_equal(ue_entities_count(es), before + 1);
	uint32_t c = ue_entities_index(es, "kp-8th-corps");
	assert_true(c != UE_ENTITY_NONE);
	assert_string_equal(ue_entities_get(es, c)->country, "KP");
	assert_int_equal(ue_entities_get(es, c)->parent,
	                 ue_entities_index(es, "kp-kpa"));
	find_in(es, "The Hermit Kingdom sent its 8th Corps.", "en", 2);
	assert_int_equal(ms.m[0].entity, ue_entities_index(es, "north-korea"));
	assert_int_equal(ms.m[1].entity, c);
	/* the name stays when a row leaves it empty */
	assert_string_equal(
		ue_entities_get(es, ue_entities_index(es, "north-korea"))->name,
		"North Korea");

	/* bad rows: nothing is added, the error names file and line */
	const char *bad_kind = "id\tname\tkind\nx\tX\tplanet\n";
	assert_int_equal(ue_entities_add(es, bad_kind, strlen(bad_kind), "b.tsv",
	                                 err, sizeof err), UE_EFORMAT);
	assert_string_equal(err, "b.tsv:2: unknown kind 'planet'");
	const char *bad_parent =
		"id\tname\tkind\tparent\n\n# c\ny\tY\tperson\tnobody\n";
	assert_int_equal(ue_entities_add(es, bad_parent, strlen(bad_parent),
	                                 "p.tsv", err, sizeof err), UE_EFORMAT);
	assert_string_equal(err, "p.tsv:4: unknown parent 'nobody'");
	const char *no_header = "# only a comment\n";
	assert_int_equal(ue_entities_add(es, no_header, strlen(no_header), "h.tsv",
	                                 err, sizeof err), UE_OK);
	const char *bad_header = "a\tb\n1\t2\n";
	assert_int_equal(ue_entities_add(es, bad_header, strlen(bad_header),
	                                 "h.tsv", err, sizeof err), UE_EFORMAT);
	const char *new_without_kind = "id\tname\tkind\nz\tZ\t\n";
	assert_int_equal(ue_entities_add(es, new_without_kind,
	                                 strlen(new_without_kind), "k.tsv", err,
	                                 sizeof err), UE_EFORMAT);
	assert_int_equal(ue_entities_count(es), before + 1);
	assert_int_equal(ue_entities_index(es, "x"), UE_ENTITY_NONE);

	/* a parent defined later in the same file; from a file */
	char path[256];
	assert_int_equal(tl_temp_file(path, sizeof path, "entities"), 0);
	const char *later = "id\tname\tkind\tparent\taliases\n"
	                    "child\tChild Body\tgovernment\tmother\tChildco\n"
	                    "mother\tMother Body\tgovernment\t\tMotherco\n";
	tl_write_file(NULL, path, later, strlen(later));
	assert_int_equal(ue_entities_add_file(es, path, err, sizeof err), UE_OK);
	assert_int_equal(ue_entities_get(es, ue_entities_index(es, "child"))->parent,
	                 ue_entities_index(es, "mother"));
	remove(path);
	assert_int_equal(ue_entities_add_file(es, "/nonexistent/x.tsv", err,
	                                      sizeof err), UE_EIO);
	ue_entities_free(es);
	ue_entities_free(NULL);
}

static void test_no_text(void **state)
{
	(void)state;
	find("", NULL, 0);
	find("... ,,, !!!", "en", 0);
	/* reuse after a text with mentions */
	find("Seoul and Tokyo and Beijing and Kyiv and Kiev.", "en", 5);
	check(0, "Seoul", "south-korea");
	check(1, "Tokyo", "japan");
	check(2, "Beijing", "china");
	check(3, "Kyiv", "ukraine");
	check(4, "Kiev", "ukraine");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loaded),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_case_and_words),
		cmocka_unit_test(test_russian),
		cmocka_unit_test(test_korean),
		cmocka_unit_test(test_user_rows),
		cmocka_unit_test(test_no_text),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
