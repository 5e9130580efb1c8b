/*
 * test_story.c - stories: term vectors (counts, surface forms, the blob
 * and its corruption), clustering (topics apart, time windows, undated
 * documents, determinism), and the stage on a small corpus through the
 * public API (listing, docs' story field, reruns only on change).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "story/cluster.h"
#include "story/termvec.h"
#include "text/token.h"
#include "unecho/unecho.h"
#include "testlib.h"

static void build(struct ue_termvec *v, const char *text, size_t max)
{
	struct ue_tokenizer *tk;
	struct ue_tokens t;
	ue_tokens_init(&t);
	assert_int_equal(ue_tokenizer_new(&tk), UE_OK);
	assert_int_equal(ue_tokenize(tk, text, strlen(text), "en", &t), UE_OK);
	assert_int_equal(ue_termvec_build(v, text, &t, max), UE_OK);
	ue_tokens_release(&t);
	ue_tokenizer_free(tk);
}

static void test_termvec_counts(void **state)
{
	(void)state;
	struct ue_termvec v;
	ue_termvec_init(&v);
	build(&v, "Troops moved. The troops and NATO troops; NATO said 12,000 "
	      "were moving.", 3);
	/* Stop words and numbers left out; stems merge moved/moving. */
	assert_int_equal(v.n, 3);
	assert_string_equal(ue_term_word(&v, 0), "troops");
	assert_int_equal(v.term[0].count, 3);
	/* NATO and moved/moving both count 2: the hash decides the order. */
	assert_int_equal(v.term[1].count, 2);
	assert_int_equal(v.term[2].count, 2);
	int nato = strcmp(ue_term_word(&v, 1), "NATO") == 0 ||
	           strcmp(ue_term_word(&v, 2), "NATO") == 0;
	int moved = strcmp(ue_term_word(&v, 1), "moved") == 0 ||
	            strcmp(ue_term_word(&v, 2), "moved") == 0;
	assert_true(nato && moved);
	ue_termvec_release(&v);
}

static void test_termvec_blob(void **state)
{
	(void)state;
	struct ue_termvec v, w;
	ue_termvec_init(&v);
	ue_termvec_init(&w);
	build(&v, "Северная Корея направила войска; войска прибыли.", 10);
	unsigned char *blob;
	size_t len;
	assert_int_equal(ue_termvec_pack(&v, &blob, &len), UE_OK);
	assert_int_equal(ue_termvec_unpack(&w, blob, len), UE_OK);
	assert_int_equal(w.n, v.n);
	for (size_t i = 0; i < v.n; i++) {
		assert_true(w.term[i].hash == v.term[i].hash);
		assert_int_equal(w.term[i].count, v.term[i].count);
		assert_string_equal(ue_term_word(&w, i), ue_term_word(&v, i));
	}
	/* Cut anywhere inside a term: refused, never read past the end. */
	for (size_t cut = 4; cut < len; cut++) {
		ue_status e = ue_termvec_unpack(&w, blob, cut);
		assert_true(e == UE_EFORMAT || e == UE_OK);
	}
	assert_int_equal(ue_termvec_unpack(&w, blob, len - 1), UE_EFORMAT);
	assert_int_equal(ue_termvec_unpack(&w, (const unsigned char *)"XY", 2),
	                 UE_EFORMAT);
	free(blob);
	ue_termvec_release(&v);
	ue_termvec_release(&w);
}

/* A normalised vector over the given term hashes, equally weighted. */
static void vec(struct ue_wterm *t, const uint64_t *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		t[i] = (struct ue_wterm){h[i], 1.0 / __builtin_sqrt((double)n)};
}

#define DAY 86400

static void test_cluster_topics_and_time(void **state)
{
	(void)state;
	/* Hashes sorted ascending within each vector. */
	static const uint64_t war[] = {10, 11, 12, 13};
	static const uint64_t war2[] = {10, 11, 12, 14};
	static const uint64_t film[] = {20, 21, 22, 23};
	struct ue_wterm t[6][4];
	vec(t[0], war, 4);
	vec(t[1], film, 4);
	vec(t[2], war2, 4);
	vec(t[3], film, 4);
	vec(t[4], war, 4);
	vec(t[5], war, 4);
	struct ue_cluster_doc d[6] = {
		{t[0], 4, 0, 1},
		{t[1], 4, 0, 1},
		{t[2], 4, 2 * DAY, 1},     /* same war story, two days on */
		{t[3], 4, DAY, 1},
		{t[4], 4, 400 * DAY, 1},   /* same words, a year later */
		{t[5], 4, 0, 0},           /* undated: content decides */
	};
	struct ue_cluster_params p;
	ue_cluster_params_default(&p);
	uint32_t story[6], again[6];
	size_t n;
	assert_int_equal(ue_cluster(d, 6, &p, story, &n), UE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(story[0], story[2]);
	assert_int_equal(story[1], story[3]);
	assert_int_not_equal(story[0], story[1]);
	assert_int_not_equal(story[4], story[0]);
	assert_true(story[5] == story[0] || story[5] == story[4]);
	/* Numbered by earliest document: the war story (doc 0) first. */
	assert_int_equal(story[0], 0);
	assert_int_equal(ue_cluster(d, 6, &p, again, &n), UE_OK);
	assert_memory_equal(story, again, sizeof story);
	/* A threshold above every similarity: each document alone. */
	p.threshold = 1.01;
	assert_int_equal(ue_cluster(d, 6, &p, story, &n), UE_OK);
	assert_int_equal(n, 6);
	assert_int_equal(ue_cluster(d, 0, &p, story, &n), UE_OK);
	assert_int_equal(n, 0);
}

static void test_cosine(void **state)
{
	(void)state;
	struct ue_wterm a[2] = {{1, 0.6}, {3, 0.8}};
	struct ue_wterm b[2] = {{2, 1.0}, {3, 1.0}};
	assert_true(ue_wterm_cosine(a, 2, b, 2) > 0.799 &&
	            ue_wterm_cosine(a, 2, b, 2) < 0.801);
	assert_true(ue_wterm_cosine(a, 2, a, 0) == 0);
}

/* ---- the stage through the public API ---- */

static const char corpus_jsonl[] =
	"{\"id\":\"w1\",\"outlet\":\"A\",\"published\":\"2024-10-18T02:00:00Z\","
	"\"title\":\"Volcano erupts near fishing village\",\"text\":\"A volcano "
	"erupted near the fishing village of Kolmar on Friday, sending ash over "
	"the harbour. Fishermen fled the harbour as lava reached the shore.\"}\n"
	"{\"id\":\"w2\",\"outlet\":\"B\",\"published\":\"2024-10-19T09:00:00Z\","
	"\"title\":\"Kolmar volcano: ash covers harbour\",\"text\":\"Ash from the "
	"Kolmar volcano covered the harbour on Saturday; fishermen said lava "
	"had reached the shore near the village.\"}\n"
	"{\"id\":\"f1\",\"outlet\":\"C\",\"published\":\"2024-10-18T05:00:00Z\","
	"\"title\":\"Cup final goes to penalties\",\"text\":\"The cup final "
	"between Rovers and Athletic went to penalties after a goalless draw; "
	"the Rovers goalkeeper saved two penalties.\"}\n"
	"{\"id\":\"f2\",\"outlet\":\"D\",\"published\":\"2024-10-18T08:00:00Z\","
	"\"title\":\"Rovers win cup on penalties\",\"text\":\"Rovers won the cup "
	"final on penalties; their goalkeeper saved two penalties after the "
	"goalless draw with Athletic.\"}\n";

static void test_stage(void **state)
{
	(void)state;
	char dir[256], db[300], in[300];
	assert_int_equal(tl_temp_dir(dir, sizeof dir, "story"), 0);
	snprintf(db, sizeof db, "%s/t.db", dir);
	snprintf(in, sizeof in, "%s/in.jsonl", dir);
	tl_write_file(NULL, in, corpus_jsonl, sizeof corpus_jsonl - 1);
	ue_corpus *c;
	char err[256];
	assert_int_equal(ue_corpus_open(db, &c, err, sizeof err), UE_OK);
	const char *paths[] = {in};
	ue_ingest_summary is;
	assert_int_equal(ue_ingest(c, paths, 1, NULL, &is), UE_OK);
	ue_analyze_options o = {.threads = 2};
	ue_analyze_summary s;
	assert_int_equal(ue_analyze(c, &o, &s), UE_OK);
	assert_int_equal(s.stories, 2);
	struct tl_rows r = {0};
	assert_int_equal(ue_docs(c, NULL, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 4);
	assert_non_null(strstr(r.row[0], "\"story\":1"));
	assert_non_null(strstr(r.row[1], "\"story\":1"));
	assert_non_null(strstr(r.row[2], "\"story\":2"));
	assert_non_null(strstr(r.row[3], "\"story\":2"));
	tl_rows_free(&r);
	assert_int_equal(ue_stories(c, 0, tl_on_row, &r), UE_OK);
	assert_int_equal(r.n, 2);
	assert_non_null(strstr(r.row[0], "\"id\":1,\"label\":\""));
	assert_non_null(strstr(r.row[0], "volcano"));
	assert_non_null(strstr(r.row[0], "\"docs\":2,\"outlets\":2,"));
	assert_non_null(strstr(r.row[0], "\"first\":\"2024-10-18T02:00:00Z\","
	                       "\"last\":\"2024-10-19T09:00:00Z\""));
	assert_non_null(strstr(r.row[1], "penalties"));
	tl_rows_free(&r);
	/* Nothing new: the stage does not run again. */
	assert_int_equal(ue_analyze(c, &o, &s), UE_OK);
	assert_int_equal(s.stories, 0);
	ue_corpus_free(c);
	tl_remove_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_termvec_counts),
		cmocka_unit_test(test_termvec_blob),
		cmocka_unit_test(test_cluster_topics_and_time),
		cmocka_unit_test(test_cosine),
		cmocka_unit_test(test_stage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
