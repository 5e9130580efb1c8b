/*
 * test_reuse.c - the reuse stage on the bundled demo corpus: the
 * differential test (candidate generation finds every pair that
 * exhaustive all-pairs alignment finds), incremental runs, and the
 * document results of known copies.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "reuse/align.h"
#include "reuse/docset.h"
#include "store/store.h"
#include "text/token.h"
#include "unecho/unecho.h"
#include "testlib.h"

static char db_path[256];

/* Ingests the demo corpus (some of it first, the rest later when part is
 * 1 or 2) into the test database. */
static void ingest_demo(ue_corpus *c, int part)
{
	const char *src = getenv("UNECHO_SOURCE");
	char a[512], b[512], d[512], e[512];
	snprintf(a, sizeof a, "%s/data/demo/reports.jsonl", src ? src : ".");
	snprintf(b, sizeof b, "%s/data/demo/html", src ? src : ".");
	snprintf(d, sizeof d, "%s/data/demo/feeds", src ? src : ".");
	snprintf(e, sizeof e, "%s/data/demo/outlets.tsv", src ? src : ".");
	if (part != 2) {
		uint64_t n;
		assert_int_equal(ue_outlets_import(c, e, NULL, &n), UE_OK);
	}
	const char *first[] = {b, d};
	const char *second[] = {a};
	ue_ingest_summary s;
	if (part == 1)
		assert_int_equal(ue_ingest(c, first, 2, NULL, &s), UE_OK);
	else if (part == 2)
		assert_int_equal(ue_ingest(c, second, 1, NULL, &s), UE_OK);
	else {
		const char *all[] = {a, b, d};
		assert_int_equal(ue_ingest(c, all, 3, NULL, &s), UE_OK);
	}
	assert_int_equal(s.rejected, 0);
}

struct pairset {
	int64_t (*v)[2];
	size_t n, alloc;
};

static void add_pair(struct pairset *ps, int64_t a, int64_t b)
{
	if (ps->n == ps->alloc) {
		ps->alloc = ps->alloc ? ps->alloc * 2 : 64;
		ps->v = realloc(ps->v, ps->alloc * sizeof *ps->v);
		assert_non_null(ps->v);
	}
	ps->v[ps->n][0] = a;
	ps->v[ps->n++][1] = b;
}

static int has_pair(const struct pairset *ps, int64_t a, int64_t b)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i][0] == a && ps->v[i][1] == b)
			return 1;
	return 0;
}

static int collect(void *ctx, const struct ue_text_pair *p)
{
	add_pair(ctx, p->a, p->b);
	return 0;
}

/* Two texts may be compared when some documents of theirs are of
 * different outlets (the stage's default). */
static int comparable(const struct ue_docset *ds, size_t x, size_t y)
{
	for (uint32_t i = ds->at[x]; i < ds->at[x + 1]; i++)
		for (uint32_t j = ds->at[y]; j < ds->at[y + 1]; j++) {
			const struct ue_doc_meta *a = &ds->doc[ds->by_text[i]];
			const struct ue_doc_meta *b = &ds->doc[ds->by_text[j]];
			if (!a->outlet || a->outlet != b->outlet)
				return 1;
		}
	return 0;
}

/* Every pair of texts that exhaustive alignment finds sharing passages is
 * among the pairs the stage found through its candidates. */
static void test_candidates_find_all_pairs(void **state)
{
	(void)state;
	tl_db_remove(db_path);
	ue_corpus *c;
	assert_int_equal(ue_corpus_open(db_path, &c, NULL, 0), UE_OK);
	ingest_demo(c, 0);
	ue_analyze_summary sum;
	assert_int_equal(ue_analyze(c, NULL, &sum), UE_OK);
	assert_true(sum.pairs > 0);
	ue_corpus_free(c);

	struct ue_store *s;
	char err[256];
	assert_int_equal(ue_store_open(db_path, &s, err, sizeof err), UE_OK);
	struct pairset stage = {0}, all = {0};
	assert_int_equal(ue_store_text_pairs(s, 0, collect, &stage), UE_OK);
	struct ue_docset ds;
	assert_int_equal(ue_docset_load(&ds, s), UE_OK);
	struct ue_store_reader *rd;
	assert_int_equal(ue_store_reader_open(s, &rd), UE_OK);
	struct ue_tokenizer *tk;
	assert_int_equal(ue_tokenizer_new(&tk), UE_OK);
	struct ue_aligner *al;
	assert_int_equal(ue_aligner_new(&al), UE_OK);
	struct ue_align_params ap;
	ue_align_params_default(&ap);

	/* Every text's sequence. */
	struct ue_seq *seq = calloc(ds.ntext, sizeof *seq);
	struct ue_tokens tok;
	ue_tokens_init(&tok);
	for (size_t t = 0; t < ds.ntext; t++) {
		const char *data, *lang;
		size_t len;
		assert_int_equal(ue_store_reader_text(rd, ds.text[t], &data, &len,
		                                      &lang), UE_OK);
		assert_int_equal(ue_tokenize(tk, data, len, lang, &tok), UE_OK);
		ue_seq_init(&seq[t]);
		assert_int_equal(ue_seq_build(&seq[t], &tok, ap.k), UE_OK);
	}
	struct ue_passages ps = {0};
	for (size_t x = 0; x < ds.ntext; x++)
		for (size_t y = x + 1; y < ds.ntext; y++) {
			if (!comparable(&ds, x, y))
				continue;
			assert_int_equal(ue_align(al, &seq[x], &seq[y], &ap, &ps),
			                 UE_OK);
			if (ps.n)
				add_pair(&all, ds.text[x], ds.text[y]);
		}
	assert_true(all.n > 0);
	for (size_t i = 0; i < all.n; i++) {
		if (!has_pair(&stage, all.v[i][0], all.v[i][1]))
			fail_msg("texts %lld and %lld share passages but were not "
			         "proposed as candidates", (long long)all.v[i][0],
			         (long long)all.v[i][1]);
	}
	printf("# exhaustive alignment: %zu pairs; the stage found %zu\n",
	       all.n, stage.n);

	for (size_t t = 0; t < ds.ntext; t++)
		ue_seq_release(&seq[t]);
	free(seq);
	ue_tokens_release(&tok);
	ue_passages_release(&ps);
	ue_aligner_free(al);
	ue_tokenizer_free(tk);
	ue_store_reader_free(rd);
	ue_docset_release(&ds);
	ue_store_free(s);
	free(stage.v);
	free(all.v);
	tl_db_remove(db_path);
}

struct rows {
	char *text;
	size_t len;
};

static int keep_rows(void *ctx, const char *json, size_t len)
{
	struct rows *r = ctx;
	r->text = realloc(r->text, r->len + len + 2);
	memcpy(r->text + r->len, json, len);
	r->len += len;
	r->text[r->len++] = '\n';
	r->text[r->len] = '\0';
	return 0;
}

/* Analysing in two steps gives what analysing at once gives. */
static void test_incremental_equals_full(void **state)
{
	(void)state;
	struct rows once = {0}, twice = {0};
	ue_corpus *c;
	ue_doc_filter f = {0};

	tl_db_remove(db_path);
	assert_int_equal(ue_corpus_open(db_path, &c, NULL, 0), UE_OK);
	ingest_demo(c, 1);
	ingest_demo(c, 2);
	assert_int_equal(ue_analyze(c, NULL, NULL), UE_OK);
	assert_int_equal(ue_docs(c, &f, keep_rows, &once), UE_OK);
	ue_corpus_free(c);

	tl_db_remove(db_path);
	assert_int_equal(ue_corpus_open(db_path, &c, NULL, 0), UE_OK);
	ingest_demo(c, 1);
	ue_analyze_summary s1, s2, s3;
	assert_int_equal(ue_analyze(c, NULL, &s1), UE_OK);
	ingest_demo(c, 2);
	assert_int_equal(ue_analyze(c, NULL, &s2), UE_OK);
	assert_int_equal(ue_docs(c, &f, keep_rows, &twice), UE_OK);
	/* Nothing new: nothing to do. */
	assert_int_equal(ue_analyze(c, NULL, &s3), UE_OK);
	assert_int_equal(s3.texts, 0);
	assert_int_equal(s3.candidates, 0);
	assert_int_equal(s3.documents, 0);
	ue_corpus_free(c);

	assert_true(s1.texts > 0 && s2.texts > 0);
	assert_string_equal(once.text, twice.text);
	free(once.text);
	free(twice.text);
	tl_db_remove(db_path);
}

int main(void)
{
	snprintf(db_path, sizeof db_path, "/tmp/unecho-test-reuse-%d.db",
	         (int)getpid());
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_candidates_find_all_pairs),
		cmocka_unit_test(test_incremental_equals_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
