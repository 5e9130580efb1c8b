/*
 * test_claims.c - the claims layer: effective origins and echo ratios
 * against numbers worked out by hand, the gazetteer, the mention blob,
 * mention finding, claim similarity and clustering (paraphrase through
 * aliases and quantities joins; denials and other figures stay apart).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "attrib/attrib.h"
#include "claims/claim.h"
#include "claims/echo.h"
#include "claims/entities.h"
#include "claims/gazetteer.h"
#include "claims/mention.h"
#include "claims/quantity.h"
#include "text/token.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-9)

static void test_effective_origins(void **state)
{
	(void)state;
	/* Forty reports of one briefing: one origin. */
	double one[] = {40};
	NEAR(ue_effective_origins(one, 1), 1.0);
	/* Forty spread evenly over four: four. */
	double four[] = {10, 10, 10, 10};
	NEAR(ue_effective_origins(four, 4), 4.0);
	/* 37, 1, 1, 1: H = -(0.925 ln 0.925 + 3 * 0.025 ln 0.025)
	 *              = 0.0721144 + 0.2766660 = 0.3487804; exp = 1.417338 */
	double skew[] = {37, 1, 1, 1};
	assert_true(fabs(ue_effective_origins(skew, 4) - 1.417338) < 1e-6);
	/* Shares, not counts, matter; zero and negative weights are left out. */
	double halves[] = {0.5, 0.5, 0, -3};
	NEAR(ue_effective_origins(halves, 4), 2.0);
	NEAR(ue_effective_origins(NULL, 0), 0.0);
	/* Echo ratio: 40 reports over 1.417338 effective origins. */
	assert_true(fabs(ue_echo_ratio(40, 1.417338) - 28.22192) < 1e-4);
	NEAR(ue_echo_ratio(5, 0), 0.0);
	NEAR(ue_echo_ratio(0, 2), 0.0);
}

static void test_gazetteer(void **state)
{
	(void)state;
	struct ue_gazetteer *g;
	assert_int_equal(ue_gazetteer_new(&g), UE_OK);
	assert_int_equal(ue_gazetteer_add(g, "National Intelligence Service", 0),
	                 UE_OK);
	assert_int_equal(ue_gazetteer_add(g, "NIS", 0), UE_OK);
	assert_int_equal(ue_gazetteer_add(g, "국정원", 0), UE_OK);
	assert_int_equal(ue_gazetteer_add(g, "Kremlin", 1), UE_OK);
	assert_int_equal(ue_gazetteer_add(g, "ГУР", 2), UE_OK);
	assert_int_equal(ue_gazetteer_add(g, "Pentagon", 3), UE_OK);
	assert_int_equal(ue_gazetteer_add(g, "Pentagon Papers Archive", 4),
	                 UE_OK);
	assert_int_equal(ue_gazetteer_add(g, "x", 5), UE_OK);   /* too short */
	/* Nothing is found before the lookup is made ready. */
	assert_int_equal(ue_gazetteer_find(g, "NIS", 3), UE_GAZ_NONE);
	assert_int_equal(ue_gazetteer_ready(g), UE_OK);
	const char *s = "South Korea's National Intelligence Service (NIS)";
	assert_int_equal(ue_gazetteer_find(g, s, strlen(s)), 0);
	s = "the kremlin's spokesman";          /* case and possessive */
	assert_int_equal(ue_gazetteer_find(g, s, strlen(s)), 1);
	s = "국정원은";                          /* a particle after Hangul */
	assert_int_equal(ue_gazetteer_find(g, s, strlen(s)), 0);
	s = "по данным «ГУР»";                   /* punctuation around */
	assert_int_equal(ue_gazetteer_find(g, s, strlen(s)), 2);
	s = "VANISH";                            /* not inside a word */
	assert_int_equal(ue_gazetteer_find(g, s, strlen(s)), UE_GAZ_NONE);
	s = "the Pentagon Papers Archive said";  /* the longest wins */
	assert_int_equal(ue_gazetteer_find(g, s, strlen(s)), 4);
	s = "Pentagonal";
	assert_int_equal(ue_gazetteer_find(g, s, strlen(s)), UE_GAZ_NONE);
	assert_int_equal(ue_gazetteer_find(g, "", 0), UE_GAZ_NONE);
	ue_gazetteer_free(g);
}

/* A mention with the given signature. */
static struct ue_mention mention(int polarity, const uint64_t *ent,
                                 size_t ne, const uint64_t *term, size_t nt,
                                 double qty, uint64_t object)
{
	struct ue_mention m;
	memset(&m, 0, sizeof m);
	m.attribution = -1;
	m.polarity = (int8_t)polarity;
	memcpy(m.entity, ent, ne * sizeof *ent);
	m.nentity = (uint8_t)ne;
	memcpy(m.term, term, nt * sizeof *term);
	m.nterm = (uint8_t)nt;
	if (qty > 0) {
		m.qty[0] = (struct ue_mention_qty){qty, qty, object, UE_QTY_APPROX};
		m.nqty = 1;
	}
	return m;
}

static void test_similarity(void **state)
{
	(void)state;
	struct ue_claim_params p;
	ue_claim_params_default(&p);
	static const uint64_t nk[] = {100}, nk_ru[] = {100, 200};
	static const uint64_t t1[] = {1, 2, 3, 4}, t2[] = {3, 4, 5, 6, 7, 8};
	/* Same entity, same figure and object, half the smaller term set:
	 * 0.4 * 1 + 0.4 * 1 + 0.35 * 2/4 = 0.975. */
	struct ue_mention a = mention(1, nk, 1, t1, 4, 12000, 7);
	struct ue_mention b = mention(1, nk_ru, 2, t2, 6, 12000, 7);
	NEAR(ue_claim_similarity(&p, &a, &b), 0.975);
	NEAR(ue_claim_similarity(&p, &b, &a), 0.975);
	/* A denial of it: nothing in common. */
	struct ue_mention d = mention(-1, nk, 1, t1, 4, 12000, 7);
	NEAR(ue_claim_similarity(&p, &a, &d), 0.0);
	/* Another figure of the same object conflicts: 10,000 troops. */
	struct ue_mention c = mention(1, nk, 1, t1, 4, 10000, 7);
	NEAR(ue_claim_similarity(&p, &a, &c), 0.0);
	/* A figure of another object, or none, neither agrees nor
	 * conflicts: 0.4 + 0.35 = 0.75. */
	struct ue_mention e = mention(1, nk, 1, t1, 4, 10000, 9);
	NEAR(ue_claim_similarity(&p, &a, &e), 0.75);
	struct ue_mention f = mention(1, nk, 1, t1, 4, 0, 0);
	NEAR(ue_claim_similarity(&p, &a, &f), 0.75);
	/* A figure without an object agrees with one that has it. */
	struct ue_mention g = mention(1, nk, 1, t2, 0, 12000, 0);
	NEAR(ue_claim_similarity(&p, &a, &g), 0.8);
}

static void test_cluster(void **state)
{
	(void)state;
	struct ue_claim_params p;
	ue_claim_params_default(&p);
	static const uint64_t nk[] = {100}, other[] = {300};
	static const uint64_t t1[] = {1, 2, 3}, t2[] = {4, 5, 6},
	                      t3[] = {7, 8, 9};
	struct ue_mention m[6];
	m[0] = mention(1, nk, 1, t1, 3, 12000, 7);   /* the claim */
	m[1] = mention(1, nk, 1, t2, 3, 12000, 7);   /* paraphrased */
	m[2] = mention(-1, nk, 1, t1, 3, 12000, 7);  /* denied */
	m[3] = mention(1, nk, 1, t1, 3, 10000, 7);   /* another figure */
	m[4] = mention(1, other, 1, t3, 3, 0, 0);    /* another claim */
	m[5] = mention(1, nk, 1, t2, 3, 12000, 7);   /* a year later */
	struct ue_claim_item it[6];
	const int64_t day = 86400;
	for (int i = 0; i < 6; i++)
		it[i] = (struct ue_claim_item){&m[i], i * day, 1};
	it[5].ts = 400 * day;
	uint32_t claim[6];
	size_t n;
	assert_int_equal(ue_claims_cluster(it, 6, &p, claim, &n), UE_OK);
	assert_int_equal(n, 5);
	assert_int_equal(claim[0], 0);
	assert_int_equal(claim[1], 0);
	assert_int_not_equal(claim[2], 0);
	assert_int_not_equal(claim[3], 0);
	assert_int_not_equal(claim[3], claim[2]);
	assert_int_not_equal(claim[5], 0);
	assert_int_equal(ue_claims_cluster(it, 0, &p, claim, &n), UE_OK);
	assert_int_equal(n, 0);
}

static void test_mention_blob(void **state)
{
	(void)state;
	static const uint64_t ent[] = {5, 9}, term[] = {11, 12, 13};
	struct ue_mentions ms, back;
	ue_mentions_init(&ms);
	ue_mentions_init(&back);
	ms.m = calloc(2, sizeof *ms.m);
	ms.n = ms.alloc = 2;
	ms.m[0] = mention(1, ent, 2, term, 3, 12000, 7);
	ms.m[0].start = 10;
	ms.m[0].end = 40;
	ms.m[0].attribution = 3;
	ms.m[0].qty[0].qualifier = UE_QTY_UPPER;
	ms.m[0].qty[0].lo = 0;
	ms.m[0].qty[0].hi = INFINITY;
	snprintf(ms.m[0].source, sizeof ms.m[0].source, "국정원");
	ms.m[1] = mention(-1, ent, 0, term, 0, 0, 0);
	unsigned char *blob;
	size_t len;
	assert_int_equal(ue_mentions_pack(&ms, &blob, &len), UE_OK);
	assert_int_equal(ue_mentions_unpack(&back, blob, len), UE_OK);
	assert_int_equal(back.n, 2);
	const struct ue_mention *x = &back.m[0];
	assert_int_equal(x->start, 10);
	assert_int_equal(x->end, 40);
	assert_int_equal(x->attribution, 3);
	assert_string_equal(x->source, "국정원");
	assert_int_equal(x->nentity, 2);
	assert_true(x->entity[1] == 9);
	assert_int_equal(x->nterm, 3);
	assert_true(x->term[2] == 13);
	assert_int_equal(x->nqty, 1);
	assert_true(isinf(x->qty[0].hi));
	assert_int_equal(back.m[1].polarity, -1);
	assert_int_equal(back.m[1].attribution, -1);
	/* Every cut is refused, never read past. */
	for (size_t cut = 0; cut < len; cut++) {
		ue_status e = ue_mentions_unpack(&back, blob, cut);
		assert_int_equal(e, UE_EFORMAT);
	}
	blob[7 + 23] = 200;   /* a source longer than allowed */
	assert_int_equal(ue_mentions_unpack(&back, blob, len), UE_EFORMAT);
	assert_int_equal(back.n, 0);
	free(blob);
	ue_mentions_release(&ms);
	ue_mentions_release(&back);
}

/* Finds the mentions of an English text with the real extractors. */
static void find(const char *text, struct ue_mentions *out)
{
	struct ue_tokenizer *tk;
	struct ue_tokens tok;
	struct ue_attrib *ax;
	struct ue_attributions at;
	struct ue_quantities qs;
	struct ue_entities *set;
	struct ue_entity_mentions em;
	char err[128];
	size_t len = strlen(text);
	ue_tokens_init(&tok);
	ue_attributions_init(&at);
	ue_quantities_init(&qs);
	ue_entity_mentions_init(&em);
	assert_int_equal(ue_tokenizer_new(&tk), UE_OK);
	assert_int_equal(ue_attrib_new(&ax), UE_OK);
	assert_int_equal(ue_entities_new(&set, err, sizeof err), UE_OK);
	assert_int_equal(ue_tokenize(tk, text, len, "en", &tok), UE_OK);
	assert_int_equal(ue_attrib_extract(ax, text, len, "en", &tok, &at),
	                 UE_OK);
	assert_int_equal(ue_quantity_find(text, len, "en", &tok, &qs), UE_OK);
	assert_int_equal(ue_entities_find(set, text, len, &tok, &em), UE_OK);
	struct ue_entity_span es[64];
	size_t ne = em.n < 64 ? em.n : 64;
	for (size_t i = 0; i < ne; i++)
		es[i] = (struct ue_entity_span){em.m[i].start, em.m[i].end,
		        ue_entity_key(ue_entities_get(set, em.m[i].entity)->id),
		        ue_entities_get(set, em.m[i].entity)->kind ==
		        UE_ENTITY_PERSON};
	struct ue_mention_input in = {text, len, "en", &tok, &at, &qs, es, ne};
	assert_int_equal(ue_mentions_find(&in, out), UE_OK);
	ue_entity_mentions_release(&em);
	ue_entities_free(set);
	ue_quantities_release(&qs);
	ue_attributions_release(&at);
	ue_attrib_free(ax);
	ue_tokens_release(&tok);
	ue_tokenizer_free(tk);
}

static void test_mentions_find(void **state)
{
	(void)state;
	struct ue_mentions a, b, c;
	ue_mentions_init(&a);
	ue_mentions_init(&b);
	ue_mentions_init(&c);
	find("Pyongyang dispatched some 12,000 soldiers to Russia, "
	     "South Korea's spy agency said on Friday.", &a);
	find("North Korea has sent around 12,000 troops to Russia, "
	     "Seoul's spy agency said.", &b);
	find("The Kremlin denied that North Korea had sent 12,000 troops "
	     "to Russia.", &c);
	struct ue_mentions d;
	ue_mentions_init(&d);
	find("North Korea said the troops would serve not only Russia but "
	     "also its own army.", &d);
	assert_true(a.n >= 1 && b.n >= 1 && c.n >= 1);
	/* The statement, its source as written, one quantity. */
	assert_string_equal(a.m[0].source, "South Korea's spy agency");
	assert_int_equal(a.m[0].nqty, 1);
	assert_true(a.m[0].qty[0].lo == 12000);
	assert_int_equal(a.m[0].polarity, 1);
	assert_int_equal(c.m[0].polarity, -1);
	/* "not only ... but also" asserts; a country says as an
	 * organisation, not a person. */
	assert_true(d.n >= 1);
	assert_int_equal(d.m[0].polarity, 1);
	assert_int_equal(d.m[0].source_kind, UE_SOURCE_ORG);
	ue_mentions_release(&d);
	/* Pyongyang = North Korea, soldiers = troops: the same claim. */
	struct ue_claim_params p;
	ue_claim_params_default(&p);
	assert_true(ue_claim_similarity(&p, &a.m[0], &b.m[0]) >= p.threshold);
	assert_true(ue_claim_similarity(&p, &a.m[0], &c.m[0]) == 0);
	ue_mentions_release(&a);
	ue_mentions_release(&b);
	ue_mentions_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_effective_origins),
		cmocka_unit_test(test_gazetteer),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_cluster),
		cmocka_unit_test(test_mention_blob),
		cmocka_unit_test(test_mentions_find),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
