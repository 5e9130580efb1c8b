/*
 * test_framing.c - the log-odds ratio with an informative Dirichlet prior
 * against numbers worked out by hand, and the framing listing on a small
 * corpus through the public API.
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

#include "framing/framing.h"
#include "framing/logodds.h"
#include "store/store.h"
#include "unecho/unecho.h"
#include "testlib.h"

#define NEAR(a, b, eps) assert_true(fabs((a) - (b)) < (eps))

static void test_logodds_by_hand(void **state)
{
	(void)state;
	/* y_i = 10, n_i = 1000, y_j = 2, n_j = 800, a_w = 0.5, a0 = 100:
	 *   odds_i = 10.5 / (1000 + 100 - 10 - 0.5) = 10.5 / 1089.5
	 *          = 0.00963745
	 *   odds_j = 2.5 / (800 + 100 - 2 - 0.5) = 2.5 / 897.5 = 0.00278552
	 *   delta  = ln 0.00963745 - ln 0.00278552
	 *          = -4.642099 - (-5.883322) = 1.241223
	 *   var    = 1/10.5 + 1/2.5 = 0.0952381 + 0.4 = 0.4952381
	 *   z      = 1.241223 / 0.7037316 = 1.763774 */
	struct ue_logodds r = ue_logodds(10, 1000, 2, 800, 0.5, 100);
	NEAR(r.delta, 1.241223, 1e-6);
	NEAR(r.var, 0.4952381, 1e-7);
	NEAR(r.z, 1.763774, 1e-6);
	/* Swapping the groups flips the signs, not the variance. */
	struct ue_logodds s = ue_logodds(2, 800, 10, 1000, 0.5, 100);
	NEAR(s.delta, -r.delta, 1e-12);
	NEAR(s.z, -r.z, 1e-12);
	NEAR(s.var, r.var, 1e-12);
	/* Equal rates, equal sizes: nothing distinctive. */
	struct ue_logodds e = ue_logodds(5, 500, 5, 500, 1, 50);
	NEAR(e.delta, 0, 1e-12);
	NEAR(e.z, 0, 1e-12);
	/* No prior (a word the corpus never had): no figures. */
	struct ue_logodds z = ue_logodds(5, 500, 1, 500, 0, 50);
	assert_true(z.delta == 0 && z.var == 0 && z.z == 0);
}

static const char corpus[] =
	"{\"id\":\"w1\",\"outlet\":\"Reuters\",\"published\":\"2024-10-18T02:00:00Z\","
	"\"text\":\"Troops deployed; the troops crossed the border as troops "
	"massed. Officials said the troops deployed overnight.\"}\n"
	"{\"id\":\"w2\",\"outlet\":\"The New York Times\","
	"\"published\":\"2024-10-18T04:00:00Z\",\"text\":\"Troops and more "
	"troops: the deployment of troops was confirmed by officials.\"}\n"
	"{\"id\":\"r1\",\"outlet\":\"TASS\",\"published\":\"2024-10-18T05:00:00Z\","
	"\"text\":\"Provocation, a Western provocation: officials called the "
	"reports a provocation and a fake, a provocation again.\"}\n";

static void test_framing_listing(void **state)
{
	(void)state;
	char dir[256], db[300], in[300];
	assert_int_equal(tl_temp_dir(dir, sizeof dir, "framing"), 0);
	snprintf(db, sizeof db, "%s/t.db", dir);
	snprintf(in, sizeof in, "%s/in.jsonl", dir);
	tl_write_file(NULL, in, corpus, sizeof corpus - 1);
	ue_corpus *c;
	char err[256];
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_OK);
	const char *paths[] = {in};
	ue_ingest_summary is;
	assert_int_equal(ue_ingest(c, paths, 1, NULL, &is), UE_OK);
	ue_analyze_options ao = {.threads = 1};
	assert_int_equal(ue_analyze(c, &ao, NULL), UE_OK);

	/* Western against Russian: troops against provocation. */
	ue_framing_options f = {.a = "bloc=Western", .b = "bloc=Russian",
	                        .top = 1, .min_count = 2};
	struct tl_rows r = {0};
	assert_int_equal(ue_framing(c, &f, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 2);
	assert_non_null(strstr(r.row[0], "\"group\":\"bloc=Western\","
	                                 "\"term\":\"troops\""));
	assert_non_null(strstr(r.row[1], "\"group\":\"bloc=Russian\","
	                                 "\"term\":\"provocation\""));
	tl_rows_free(&r);

	/* By bloc, each against the rest, in bloc order. */
	ue_framing_options g = {.top = 1, .min_count = 2};
	assert_int_equal(ue_framing(c, &g, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 2);
	assert_non_null(strstr(r.row[0], "\"group\":\"Russian\""));
	assert_non_null(strstr(r.row[1], "\"group\":\"Western\""));
	tl_rows_free(&r);

	/* Bad options: clear errors, nothing listed. */
	ue_framing_options bad = {.by = "colour"};
	assert_int_equal(ue_framing(c, &bad, tl_on_row, &r), UE_EINVAL);
	assert_string_equal(ue_errmsg(c), "--by must be bloc, outlet or "
	                    "country, not 'colour'");
	ue_framing_options half = {.a = "bloc=Western"};
	assert_int_equal(ue_framing(c, &half, tl_on_row, &r), UE_EINVAL);
	ue_framing_options nofield = {.a = "Western", .b = "bloc=Russian"};
	assert_int_equal(ue_framing(c, &nofield, tl_on_row, &r), UE_EINVAL);
	assert_int_equal(r.n, 0);
	ue_corpus_free(c);

	/* Several stories in one pass give what each gives alone, with
	 * "story" added. */
	struct ue_store *s;
	assert_int_equal(ue_store_open(db, &s, err, sizeof err), UE_OK);
	int64_t ids[2] = {2, 1};
	struct tl_rows both = {0}, one = {0};
	assert_int_equal(ue_framing_stories(s, ids, 2, 3, tl_on_row, &both),
	                 UE_OK);
	size_t k = 0;
	for (size_t i = 0; i < 2; i++) {
		ue_framing_options alone = {.story = ids[i], .top = 3};
		assert_int_equal(ue_framing_run(s, &alone, tl_on_row, &one),
		                 UE_OK);
		char prefix[32];
		snprintf(prefix, sizeof prefix, "{\"story\":%lld,",
		         (long long)ids[i]);
		for (size_t j = 0; j < one.n; j++, k++) {
			assert_true(k < both.n);
			assert_memory_equal(both.row[k], prefix, strlen(prefix));
			assert_string_equal(both.row[k] + strlen(prefix),
			                    one.row[j] + 1);
		}
		tl_rows_free(&one);
	}
	assert_int_equal(k, both.n);
	assert_true(k > 0);
	tl_rows_free(&both);
	ue_store_free(s);
	tl_remove_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_logodds_by_hand),
		cmocka_unit_test(test_framing_listing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
