/*
 * test_workbench.c - the analyst's workbench: ACH scores, collapse by
 * origin, diagnosticity and sensitivity, actor-model flips and the Key
 * Assumptions Check flags against numbers worked out by hand; and the
 * public API: editing, export then import, and bad input changing
 * nothing.
 */
#include <jansson.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "unecho/unecho.h"
#include "workbench/ach.h"
#include "workbench/actor.h"
#include "workbench/assumption.h"
#include "workbench/wbfile.h"
#include "testlib.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-6)

/*
 * Two hypotheses, three items, default weights (C 0.6, B 0.8, A 1;
 * medium 1, high sqrt 2 = 1.414214):
 *   E0  H1 I,  H2 C   origin X (C, medium: w 0.6), 10 reports
 *   E1  H1 II, H2 N   origin X (w 0.6), 5 reports; origin Y (B: w 0.8), 1
 *   E2  H1 C,  H2 I   origin Z (A, high: w 1.414214), 1 report
 * Collapsed, a row per origin, the most inconsistent of its items:
 *   X: H1 min(0.6 * -1, 0.6 * -2) = -1.2     H2 0
 *   Y: H1 0.8 * -2 = -1.6                    H2 0
 *   Z: H1 0                                   H2 -1.414214
 *   H1 = -2.8, H2 = -1.414214: H2 first.
 * Inflated, every report a row:
 *   H1 = 10 * -0.6 + 5 * -1.2 + 1 * -1.6 = -13.6;  H2 = -1.414214.
 */
static const int rating3[] = {
	UE_ACH_I, UE_ACH_C,
	UE_ACH_II, UE_ACH_N,
	UE_ACH_C, UE_ACH_I,
};
static const struct ue_ach_unit units3[] = {
	{0, 0, 0.6, 10}, {1, 0, 0.6, 5}, {1, 1, 0.8, 1}, {2, 2, M_SQRT2, 1},
};
static const struct ue_ach_model model3 = {2, 3, 4, 3, rating3, units3};

static void test_ach_scores(void **state)
{
	(void)state;
	double sc[2], inf[2], scratch[6];
	ue_ach_scores(&model3, NULL, 3, sc, inf, scratch);
	NEAR(sc[0], -2.8);
	NEAR(sc[1], -1.414214);
	NEAR(inf[0], -13.6);
	NEAR(inf[1], -1.414214);
	/* The rows' contributions are left in scratch. */
	NEAR(scratch[0], -1.2);
	NEAR(scratch[2], -1.6);
	NEAR(scratch[5], -1.414214);
	size_t order[2];
	ue_ach_rank(sc, 2, order);
	assert_int_equal(order[0], 1);
	unsigned char top[2];
	assert_int_equal(ue_ach_top(sc, 2, top), 1);
	assert_true(top[1] && !top[0]);
	/* Leaving out E1: X keeps E0's -0.6 and Y is empty, H1 = -0.6. */
	ue_ach_scores(&model3, NULL, 1, sc, inf, scratch);
	NEAR(sc[0], -0.6);
	NEAR(inf[0], -6);
	/* Ties rank by index. */
	double tie[3] = {-1, 0, 0};
	size_t o3[3];
	ue_ach_rank(tie, 3, o3);
	assert_true(o3[0] == 1 && o3[1] == 2 && o3[2] == 0);
	assert_int_equal(ue_ach_top(tie, 3, (unsigned char[3]){0}), 2);
}

static void test_ach_collapse(void **state)
{
	(void)state;
	/* Forty echoes of one briefing weigh as one: one item, one origin,
	 * 40 reports, rated I against H1 (w 0.6): collapsed -0.6, inflated
	 * 40 * -0.6 = -24. */
	const int r[] = {UE_ACH_I, UE_ACH_C};
	const struct ue_ach_unit u[] = {{0, 0, 0.6, 40}};
	const struct ue_ach_model m = {2, 1, 1, 1, r, u};
	double sc[2], inf[2], scratch[2];
	ue_ach_scores(&m, NULL, 1, sc, inf, scratch);
	NEAR(sc[0], -0.6);
	NEAR(inf[0], -24);
	/* Two items of the same origin, I and N: the row is -0.6, not -1.2
	 * and not diluted to -0.3. */
	const int r2[] = {UE_ACH_I, UE_ACH_N};
	const struct ue_ach_unit u2[] = {{0, 0, 0.6, 1}, {1, 0, 0.6, 1}};
	const struct ue_ach_model m2 = {1, 2, 2, 1, r2, u2};
	ue_ach_scores(&m2, NULL, 2, sc, NULL, scratch);
	NEAR(sc[0], -0.6);
}

static void test_ach_diagnosticity(void **state)
{
	(void)state;
	/* E0 I/C: 1 - (-1) = 2.  A row CC, N, II, NA: 2 - (-2) = 4 (NA left
	 * out); all C: 0; one rated cell: 0. */
	assert_true(ue_ach_diagnosticity(&model3, 0) == 2);
	const int r[] = {UE_ACH_CC, UE_ACH_N, UE_ACH_II, UE_ACH_NA,
	                 UE_ACH_C, UE_ACH_C, UE_ACH_C, UE_ACH_C,
	                 UE_ACH_I, UE_ACH_NA, UE_ACH_UNRATED, UE_ACH_NA};
	const struct ue_ach_model m = {4, 3, 0, 0, r, NULL};
	assert_true(ue_ach_diagnosticity(&m, 0) == 4);
	assert_true(ue_ach_diagnosticity(&m, 1) == 0);
	assert_true(ue_ach_diagnosticity(&m, 2) == 0);
}

struct changes {
	int n;
	char what[8][32];
};

static int keep_change(void *ctx, const struct ue_ach_change *c)
{
	struct changes *x = ctx;
	if (x->n < 8)
		snprintf(x->what[x->n++], 32, "E%zu %s %s>%s top%s%s", c->evidence,
		         c->hypothesis == 2 ? "-" : c->hypothesis ? "H2" : "H1",
		         ue_ach_rating_name(c->from), ue_ach_rating_name(c->to),
		         c->top[0] ? " H1" : "", c->top[1] ? " H2" : "");
	return 0;
}

static void test_ach_sensitivity(void **state)
{
	(void)state;
	/* By hand, from the scores above (H1 -2.8, H2 -1.414214):
	 *  - without E0: X keeps E1's -1.2; nothing changes.
	 *  - without E1: H1 = -0.6 > H2: H1 first.
	 *  - without E2: H2 = 0; H2 stays first.
	 *  - E0's I on H1 one step either way: X keeps E1's -1.2.
	 *  - E1 on H1 II -> I: X -0.6, Y -0.8, H1 -1.4 > -1.414214: H1.
	 *  - E1 on H2 N -> I: H2 = -0.6 - 0.8 - 1.414214 = -2.814214 < -2.8.
	 *  - E2 on H2 I -> II: H2 = -2.828427 < -2.8: H1; I -> N: H2 0.
	 *  - Steps between CC, C and N change nothing and are not tried. */
	struct changes x = {0};
	assert_int_equal(ue_ach_sensitivity(&model3, keep_change, &x), 0);
	assert_int_equal(x.n, 4);
	assert_string_equal(x.what[0], "E1 - > top H1");
	assert_string_equal(x.what[1], "E1 H1 II>I top H1");
	assert_string_equal(x.what[2], "E1 H2 N>I top H1");
	assert_string_equal(x.what[3], "E2 H2 I>II top H1");
}

static void test_ach_ratings(void **state)
{
	(void)state;
	assert_int_equal(ue_ach_rating_parse("ii"), UE_ACH_II);
	assert_int_equal(ue_ach_rating_parse("NA"), UE_ACH_NA);
	assert_int_equal(ue_ach_rating_parse("X"), -1);
	assert_int_equal(ue_ach_rating_parse(""), -1);
	assert_int_equal(ue_ach_rating_step(UE_ACH_CC, 1), -1);
	assert_int_equal(ue_ach_rating_step(UE_ACH_N, 1), UE_ACH_C);
	assert_int_equal(ue_ach_rating_step(UE_ACH_N, 0), UE_ACH_I);
	assert_int_equal(ue_ach_rating_step(UE_ACH_NA, 0), -1);
	assert_int_equal(ue_ach_grade_parse("c"), 2);
	assert_int_equal(ue_ach_grade_parse("G"), -1);
	assert_int_equal(ue_ach_relevance_parse("HIGH"), 2);
	struct ue_ach_weights w;
	ue_ach_weights_default(&w);
	NEAR(w.relevance[0], 0.707107);
	NEAR(w.relevance[2], 1.414214);
	NEAR(w.credibility[5], 0.5);
}

static void test_actor_flips(void **state)
{
	(void)state;
	/* A = (10, 0), B = (0, 10), raw weights (3, 1): w = (0.75, 0.25),
	 * U_A = 7.5, U_B = 2.5, gap 5.
	 *  one weight: c0 by delta with -10 delta >= 5: -0.5 (0.75 -> 0.25,
	 *  share 0.25 / 0.5 = 0.5); c1 by +0.5 (share 0.75 / 1.5 = 0.5).
	 *  vector: d = (-10, 10), weight from c0 to c1 gains 20 a unit:
	 *  5 / 20 = 0.25 moved, w' = (0.5, 0.5), L1 0.5. */
	const double s[] = {10, 0, 0, 10};
	const struct ue_actor_model m = {2, 2, s};
	const double raw[] = {3, 1};
	double w[2], wn[2];
	assert_int_equal(ue_actor_normalise(raw, 2, w), 0);
	NEAR(w[0], 0.75);
	struct ue_actor_flip1 f;
	ue_actor_flip_one(&m, w, 0, &f);
	assert_true(f.possible);
	NEAR(f.delta, -0.5);
	NEAR(f.share, 0.5);
	assert_int_equal(f.becomes, 1);
	ue_actor_flip_one(&m, w, 1, &f);
	NEAR(f.delta, 0.5);
	NEAR(f.share, 0.5);
	struct ue_actor_flipv v;
	ue_actor_flip_vector(&m, w, wn, &v);
	assert_true(v.possible);
	NEAR(v.shift, 0.25);
	NEAR(wn[0], 0.5);
	NEAR(wn[1], 0.5);

	/* The demo's Pyongyang (data/demo/workbench.json), weights 25, 20,
	 * 15, 20, 5, 15 (/100) on currency, technology, oil, regime,
	 * attrition, experience:
	 *   send    9 8 7 4 2 9  U = 2.25+1.6+1.05+0.8+0.1+1.35 = 7.15
	 *   workers 6 3 5 6 8 2  U = 1.5+0.6+0.75+1.2+0.4+0.3   = 4.75
	 *   hold    2 2 3 6 9 1  U = 0.5+0.4+0.45+1.2+0.45+0.15 = 3.15
	 * Attrition alone: workers - send = 6 a unit, gap 2.4: delta 0.4,
	 * share 0.45 / 1.4 = 0.321429 (hold: 7, gap 4: 0.571, later).
	 * Vector: d(workers) = (-3, -5, -2, 2, 6, -7), to attrition, from
	 * experience first (13 a unit: 0.15 gives 1.95), then technology
	 * (11 a unit: 0.45 / 11 = 0.040909): 0.190909.  d(hold) = (-7, -6,
	 * -4, 2, 7, -8): experience 15 * 0.15 = 2.25, currency 14 a unit:
	 * 1.75 / 14 = 0.125: 0.275.  So workers, 0.190909. */
	const double p[] = {9, 8, 7, 4, 2, 9, 6, 3, 5, 6, 8, 2, 2, 2, 3, 6, 9, 1};
	const struct ue_actor_model pm = {3, 6, p};
	const double praw[] = {25, 20, 15, 20, 5, 15};
	double pw[6], pn[6], u[3];
	size_t order[3];
	assert_int_equal(ue_actor_normalise(praw, 6, pw), 0);
	ue_actor_utilities(&pm, pw, u);
	NEAR(u[0], 7.15);
	NEAR(u[1], 4.75);
	NEAR(u[2], 3.15);
	ue_actor_rank(u, 3, order);
	assert_true(order[0] == 0 && order[1] == 1 && order[2] == 2);
	ue_actor_flip_one(&pm, pw, 4, &f);
	NEAR(f.delta, 0.4);
	NEAR(f.share, 0.321429);
	assert_int_equal(f.becomes, 1);
	ue_actor_flip_one(&pm, pw, 5, &f);   /* lowering experience: no */
	assert_false(f.possible);
	ue_actor_flip_vector(&pm, pw, pn, &v);
	NEAR(v.shift, 0.190909);
	assert_int_equal(v.becomes, 1);
	NEAR(pn[5], 0);
	NEAR(pn[4], 0.05 + 0.190909);
	double un[3];
	ue_actor_utilities(&pm, pn, un);
	NEAR(un[0], un[1]);

	/* A dominated option can never be top. */
	const double dom[] = {5, 5, 1, 1};
	const struct ue_actor_model dm = {2, 2, dom};
	ue_actor_flip_vector(&dm, w, wn, &v);
	assert_false(v.possible);
	const double zero[] = {0, 0};
	assert_int_equal(ue_actor_normalise(zero, 2, w), -1);
}

static void test_assumption_flags(void **state)
{
	(void)state;
	const char *o[] = {"nis", "nis", "hur"};
	const char *b[] = {"South Korean", "South Korean", "Ukrainian"};
	size_t no, nb;
	assert_int_equal(ue_assumption_flags(o, b, 3, &no, &nb), 0);
	assert_true(no == 2 && nb == 2);
	assert_int_equal(ue_assumption_flags(o, b, 2, NULL, NULL),
	                 UE_KAC_ONE_ORIGIN | UE_KAC_ONE_BLOC);
	const char *b2[] = {"Western", "Western"};
	const char *o2[] = {"dod", "state"};
	assert_int_equal(ue_assumption_flags(o2, b2, 2, NULL, NULL),
	                 UE_KAC_ONE_BLOC);
	assert_int_equal(ue_assumption_flags(NULL, NULL, 0, NULL, NULL),
	                 UE_KAC_NO_SUPPORT);
}

/* ---- through the public API ---- */

struct text {
	char *p;
	size_t n;
};

static int grow(void *ctx, const char *data, size_t len)
{
	struct text *t = ctx;
	t->p = realloc(t->p, t->n + len + 1);
	memcpy(t->p + t->n, data, len);
	t->n += len;
	t->p[t->n] = '\0';
	return 0;
}

static json_t *show(ue_corpus *c, const char *matrix)
{
	struct tl_rows r = {0};
	assert_int_equal(ue_ach_show(c, matrix, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 1);
	json_t *m = json_loads(r.row[0], 0, NULL);
	tl_rows_free(&r);
	assert_non_null(m);
	return m;
}

static double score_of(json_t *m, const char *h)
{
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(m, "hypotheses"), i, x)
		if (strcmp(json_string_value(json_object_get(x, "label")), h) == 0)
			return json_number_value(json_object_get(x, "score"));
	fail();
	return 0;
}

static void test_api(void **state)
{
	(void)state;
	char dir[256], db[300], file[300], bad[300];
	assert_int_equal(tl_temp_dir(dir, sizeof dir, "workbench"), 0);
	snprintf(db, sizeof db, "%s/t.db", dir);
	snprintf(file, sizeof file, "%s/wb.json", dir);
	snprintf(bad, sizeof bad, "%s/bad.json", dir);
	ue_corpus *c;
	char err[256], label[16];
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_OK);

	assert_int_equal(ue_ach_new(c, "M", "Why?", "high=2,F=0.25"), UE_OK);
	assert_int_equal(ue_ach_new(c, "M", NULL, NULL), UE_EEXIST);
	ue_wb_fields h = {.text = "one"};
	assert_int_equal(ue_ach_hypothesis_add(c, "M", &h, label, sizeof label),
	                 UE_OK);
	assert_string_equal(label, "H1");
	h.text = "two";
	assert_int_equal(ue_ach_hypothesis_add(c, "1", &h, label, sizeof label),
	                 UE_OK);
	assert_string_equal(label, "H2");
	/* By hand: E1 has no origin (grade F, 0.25 here) and is high (2):
	 * w 0.5, I against H1: -0.5.  E2 rests on kr-nis (C 0.6), medium:
	 * II against H2: -1.2. */
	ue_wb_fields e = {.text = "typed", .relevance = "high"};
	assert_int_equal(ue_ach_evidence_add(c, "M", &e, label, sizeof label),
	                 UE_OK);
	assert_string_equal(label, "E1");
	ue_wb_fields e2 = {.text = "from NIS", .origin = "kr-nis"};
	assert_int_equal(ue_ach_evidence_add(c, "M", &e2, label, sizeof label),
	                 UE_OK);
	assert_int_equal(ue_ach_rate(c, "M", "E1", "H1", "i"), UE_OK);
	assert_int_equal(ue_ach_rate(c, "M", "E2", NULL, "C"), UE_OK);
	assert_int_equal(ue_ach_rate(c, "M", "E2", "H2", "II"), UE_OK);
	assert_int_equal(ue_ach_rate(c, "M", "E2", "H9", "I"), UE_ENOTFOUND);
	assert_string_equal(ue_errmsg(c), "no hypothesis 'H9' in 'M'");
	assert_int_equal(ue_ach_rate(c, "M", "E2", "H1", "Q"), UE_EINVAL);
	json_t *m = show(c, "M");
	NEAR(score_of(m, "H1"), -0.5);
	NEAR(score_of(m, "H2"), -1.2);
	json_t *top = json_object_get(m, "top");
	assert_string_equal(json_string_value(json_array_get(top, 0)), "H1");
	json_t *e2j = json_array_get(json_object_get(m, "evidence"), 1);
	assert_string_equal(json_string_value(json_object_get(e2j, "origin")),
	                    "known:kr-nis");
	assert_true(json_number_value(json_object_get(e2j, "diagnosticity"))
	            == 3);
	json_decref(m);

	/* Export, delete, import: the same export again. */
	struct text t1 = {0}, t2 = {0};
	assert_int_equal(ue_workbench_export(c, UE_WB_ALL, NULL, grow, &t1),
	                 UE_OK);
	tl_write_file(NULL, file, t1.p, t1.n);
	size_t n[3];
	assert_int_equal(ue_workbench_import(c, file, UE_WB_ACH, 0, n),
	                 UE_EEXIST);
	assert_int_equal(ue_ach_delete(c, "M"), UE_OK);
	assert_int_equal(ue_workbench_import(c, file, UE_WB_ACH, 0, n), UE_OK);
	assert_int_equal(n[0], 1);
	assert_int_equal(ue_workbench_export(c, UE_WB_ALL, NULL, grow, &t2),
	                 UE_OK);
	assert_string_equal(t1.p, t2.p);
	/* --replace replaces it in place. */
	assert_int_equal(ue_workbench_import(c, file, UE_WB_ACH, 1, n), UE_OK);
	free(t2.p);
	t2 = (struct text){0};
	assert_int_equal(ue_workbench_export(c, UE_WB_ALL, NULL, grow, &t2),
	                 UE_OK);
	assert_string_equal(t1.p, t2.p);
	free(t2.p);

	/* Bad input: a clear message naming file and place, and nothing
	 * changed. */
	static const struct {
		const char *json, *msg;
	} cases[] = {
		{"{\"ach\": [{\"name\": \"N\", \"hypotheses\": [{\"text\": \"a\"}],"
		 " \"evidence\": [{\"text\": \"e\", \"ratings\": {\"H1\": \"X\"}}]}]}",
		 ": ach[0].evidence[0]: ratings.H1: unknown rating 'X' (one of CC, "
		 "C, N, I, II, NA)"},
		{"{\"ach\": [{\"name\": \"N\", \"hypotheses\": [{\"text\": \"a\"}],"
		 " \"evidence\": [{\"text\": \"e\", \"ratings\": {\"H2\": \"I\"}}]}]}",
		 ": ach[0].evidence[0]: ratings.H2: no hypothesis 'H2' in this "
		 "matrix"},
		{"{\"ach\": [{\"name\": \"N\",\n \"hypotheses\": [}]}",
		 ":2:17: "},
		{"{\"ach\": [{\"name\": \"N\"}, {\"name\": \"M\"}]}",
		 ": ach[1]: 'M' exists (delete it, or import with --replace)"},
		{"{\"ach\": [{\"name\": \"N\", \"evidence\": [{\"claim\": 7}]}]}",
		 ": ach[0].evidence[0]: no claim 7 (see 'unecho claims')"},
		{"{\"ach\": [{\"name\": \"N\", \"hypotheses\": [{\"text\": \"a\", "
		 "\"lable\": \"H\"}]}]}",
		 ": ach[0].hypotheses[0]: unknown field 'lable'"},
		{"[]", ": (top): a workbench file is a JSON object"},
		{"{\"actors\": []}", ": (top): no \"ach\" array in this file"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tl_write_file(NULL, bad, cases[i].json, strlen(cases[i].json));
		ue_status st = ue_workbench_import(c, bad, UE_WB_ACH, 0, n);
		assert_true(st == UE_EFORMAT || st == UE_EEXIST ||
		            st == UE_ENOTFOUND);
		char want[512];
		snprintf(want, sizeof want, "%s%s", bad, cases[i].msg);
		if (strncmp(ue_errmsg(c), want, strlen(want)) != 0) {
			print_error("case %zu: got '%s', want '%s'\n", i,
			            ue_errmsg(c), want);
			fail();
		}
		t2 = (struct text){0};
		assert_int_equal(ue_workbench_export(c, UE_WB_ALL, NULL, grow,
		                                     &t2), UE_OK);
		assert_string_equal(t1.p, t2.p);
		free(t2.p);
	}
	free(t1.p);

	/* Assumptions: typed evidence alone is one origin. */
	ue_wb_fields a = {.text = "it happened"};
	assert_int_equal(ue_assumption_add(c, &a, label, sizeof label), UE_OK);
	assert_string_equal(label, "A1");
	struct tl_rows r = {0};
	assert_int_equal(ue_assumptions(c, "A1", tl_on_row, &r), UE_OK);
	assert_non_null(strstr(r.row[0], "\"flags\":[\"no-support\"]"));
	tl_rows_free(&r);
	ue_wb_fields none = {0};
	assert_int_equal(ue_assumption_support(c, "A1", &none, "M", "E2"),
	                 UE_OK);
	assert_int_equal(ue_assumption_support(c, "A1", &none, "M", "E9"),
	                 UE_ENOTFOUND);
	assert_int_equal(ue_assumptions(c, "A1", tl_on_row, &r), UE_OK);
	assert_non_null(strstr(r.row[0], "\"flags\":[\"one-origin\","
	                                 "\"one-bloc\"]"));
	assert_non_null(strstr(r.row[0], "\"origins\":{\"known:kr-nis\":1}"));
	tl_rows_free(&r);
	/* Renaming the matrix keeps the support. */
	assert_int_equal(ue_ach_edit(c, "M", "M2", NULL, NULL), UE_OK);
	assert_int_equal(ue_assumptions(c, "A1", tl_on_row, &r), UE_OK);
	assert_non_null(strstr(r.row[0], "\"matrix\":\"M2\""));
	assert_null(strstr(r.row[0], "missing"));
	tl_rows_free(&r);

	/* Actors: the two-option example above. */
	assert_int_equal(ue_actor_new(c, "X", NULL, "analyst"), UE_OK);
	ue_wb_fields o = {.label = "A"};
	assert_int_equal(ue_actor_option_add(c, "X", &o), UE_OK);
	o.label = "B";
	assert_int_equal(ue_actor_option_add(c, "X", &o), UE_OK);
	ue_wb_fields k = {.label = "c0", .weight = 3, .has_weight = 1,
	                  .analyst_weight = 1, .has_analyst_weight = 1};
	assert_int_equal(ue_actor_criterion_add(c, "X", &k), UE_OK);
	k.label = "c1";
	k.weight = 1;
	k.analyst_weight = 3;
	assert_int_equal(ue_actor_criterion_add(c, "X", &k), UE_OK);
	assert_int_equal(ue_actor_score(c, "X", "A", "c0", 10), UE_OK);
	assert_int_equal(ue_actor_score(c, "X", "B", "c1", 10), UE_OK);
	assert_int_equal(ue_actor_score(c, "X", "C", "c1", 10), UE_ENOTFOUND);
	assert_int_equal(ue_actor_show(c, "X", tl_on_row, &r), UE_OK);
	assert_non_null(strstr(r.row[0], "\"top_differs\":true"));
	assert_non_null(strstr(r.row[0], "\"shift\":0.25"));
	tl_rows_free(&r);
	/* Renaming an option keeps its scores. */
	ue_wb_fields rn = {.label = "A2"};
	assert_int_equal(ue_actor_option_edit(c, "X", "A", &rn), UE_OK);
	assert_int_equal(ue_actor_show(c, "X", tl_on_row, &r), UE_OK);
	assert_non_null(strstr(r.row[0], "\"A2\":{\"c0\":10.0}"));
	tl_rows_free(&r);
	assert_int_equal(ue_workbench(c, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 1);
	assert_non_null(strstr(r.row[0], "{\"ach\":[{\"id\":"));
	tl_rows_free(&r);
	ue_corpus_free(c);
	tl_remove_tree(dir);
}

/* The file checker alone, as the fuzz target runs it. */
static void test_check(void **state)
{
	(void)state;
	char err[256];
	json_t *d = json_loads("{\"ach\": [{\"name\": \"x\", \"hypotheses\": "
	        "[{\"label\": \"H3\", \"text\": \"a\"}, {\"text\": \"b\"}], "
	        "\"evidence\": [{\"text\": \"e\", \"credibility\": \"b\", "
	        "\"ratings\": {\"H3\": \"cc\"}}]}]}", 0, NULL);
	assert_int_equal(ue_wb_check_doc(d, UE_WB_ALL, err, sizeof err), UE_OK);
	json_t *m = json_array_get(json_object_get(d, "ach"), 0);
	json_t *h = json_array_get(json_object_get(m, "hypotheses"), 1);
	assert_string_equal(json_string_value(json_object_get(h, "label")), "H4");
	json_t *e = json_array_get(json_object_get(m, "evidence"), 0);
	assert_string_equal(json_string_value(json_object_get(e, "label")), "E1");
	assert_string_equal(json_string_value(json_object_get(e, "credibility")),
	                    "B");
	assert_string_equal(json_string_value(json_object_get(e, "relevance")),
	                    "medium");
	assert_string_equal(json_string_value(json_object_get(
	        json_object_get(e, "ratings"), "H3")), "CC");
	json_decref(d);
	d = json_loads("{\"actors\": [{\"name\": \"p\", \"options\": [{\"label\":"
	        " \"a\"}], \"criteria\": [{\"label\": \"c\", \"weight\": -1}]}]}",
	        0, NULL);
	assert_int_equal(ue_wb_check_doc(d, UE_WB_ALL, err, sizeof err),
	                 UE_EFORMAT);
	assert_string_equal(err, "actors[0].criteria[0]: 'weight' must be at "
	                    "least 0");
	json_decref(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ach_scores),
		cmocka_unit_test(test_ach_collapse),
		cmocka_unit_test(test_ach_diagnosticity),
		cmocka_unit_test(test_ach_sensitivity),
		cmocka_unit_test(test_ach_ratings),
		cmocka_unit_test(test_actor_flips),
		cmocka_unit_test(test_assumption_flags),
		cmocka_unit_test(test_api),
		cmocka_unit_test(test_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
