/* test_align.c - passage alignment (lib/reuse/align.c) over tokens from
 * lib/text/token.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "reuse/align.h"

static struct ue_tokenizer *tk;
static struct ue_aligner *al;

static int setup(void **state)
{
	(void)state;
	if (ue_tokenizer_new(&tk) != UE_OK || ue_aligner_new(&al) != UE_OK)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	ue_tokenizer_free(tk);
	ue_aligner_free(al);
	return 0;
}

/* Prepares text for alignment with the default shingle size. */
static void prepare(struct ue_seq *s, const char *text)
{
	struct ue_tokens t;
	ue_tokens_init(&t);
	assert_int_equal(ue_tokenize(tk, text, strlen(text), "en", &t), UE_OK);
	ue_seq_init(s);
	struct ue_align_params p;
	ue_align_params_default(&p);
	assert_int_equal(ue_seq_build(s, &t, p.k), UE_OK);
	ue_tokens_release(&t);
}

/* The passages of b that align with a, with the default parameters. */
static void align(const char *a, const char *b, struct ue_passages *out)
{
	struct ue_seq sa, sb;
	prepare(&sa, a);
	prepare(&sb, b);
	struct ue_align_params p;
	ue_align_params_default(&p);
	memset(out, 0, sizeof *out);
	assert_int_equal(ue_align(al, &sa, &sb, &p, out), UE_OK);
	ue_seq_release(&sa);
	ue_seq_release(&sb);
}

/* Byte offset of the first occurrence of needle in hay. */
static uint32_t at(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);
	assert_non_null(p);
	return (uint32_t)(p - hay);
}

/* Text between two offsets, for readable failures. */
static char *span(const char *text, uint32_t from, uint32_t to)
{
	static char buf[1024];
	snprintf(buf, sizeof buf, "%.*s", (int)(to - from), text + from);
	return buf;
}

/* Both paragraphs start and end with content words, so that a passage
 * copied whole spans them exactly (less the final full stop). */
static const char p1[] =
	"Pyongyang dispatched roughly fifteen hundred special forces soldiers "
	"toward Vladivostok aboard Russian navy transport vessels, according "
	"to intelligence officials briefing reporters in Seoul on Friday.";
static const char p2[] =
	"Satellite imagery analysed by independent researchers showed unusual "
	"construction activity near the Yongbyon nuclear complex throughout "
	"September, suggesting expanded uranium enrichment capacity.";

static void test_seq(void **state)
{
	(void)state;
	struct ue_seq s;
	prepare(&s, "The troops of the North went to the front.");
	/* Stop words are left out: troops, north, went, front. */
	assert_int_equal(s.n, 4);
	assert_int_equal(s.nshingles, 3);
	assert_int_equal(s.k, 2);
	assert_int_equal(s.start[0], 4);
	assert_int_equal(s.end[0], 10);
	assert_int_equal(s.start[3], 36);
	assert_int_equal(s.end[3], 41);
	ue_seq_release(&s);
	prepare(&s, "The");
	assert_int_equal(s.n, 0);
	assert_int_equal(s.nshingles, 0);
	ue_seq_release(&s);
}

static void test_verbatim(void **state)
{
	(void)state;
	char a[1024], b[1024];
	snprintf(a, sizeof a, "Markets in Tokyo closed higher amid strong export "
	         "figures. %s Analysts expect further sanctions debates at the "
	         "United Nations.", p1);
	snprintf(b, sizeof b, "Weather forecasters predicted heavy snowfall "
	         "across northern provinces. %s Meanwhile, football supporters "
	         "celebrated a dramatic championship victory.", p1);
	struct ue_passages out;
	align(a, b, &out);
	assert_int_equal(out.n, 1);
	const struct ue_passage *v = &out.v[0];
	uint32_t pa = at(a, p1), pb = at(b, p1);
	uint32_t len = (uint32_t)strlen(p1) - 1;   /* without the full stop */
	assert_string_equal(span(b, v->b_start, v->b_end), span(b, pb, pb + len));
	assert_int_equal(v->a_start, pa);
	assert_int_equal(v->a_end, pa + len);
	assert_int_equal(v->b_start, pb);
	assert_int_equal(v->b_end, pb + len);
	assert_true(v->score == 1.0);
	assert_true(v->seeds >= 3);
	/* Content-token spans agree with the byte spans' lengths. */
	assert_int_equal(v->a_last - v->a_first, v->b_last - v->b_first);
	ue_passages_release(&out);

	/* The other way round: the same passage. */
	align(b, a, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.v[0].a_start, pb);
	assert_int_equal(out.v[0].b_start, pa);
	assert_int_equal(out.v[0].b_end, pa + len);
	ue_passages_release(&out);
}

static void test_whole_text(void **state)
{
	(void)state;
	struct ue_passages out;
	align(p2, p2, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.v[0].a_start, 0);
	assert_int_equal(out.v[0].b_start, 0);
	assert_int_equal(out.v[0].b_end, strlen(p2) - 1);
	assert_true(out.v[0].score == 1.0);
	ue_passages_release(&out);
}

static void test_reordered(void **state)
{
	(void)state;
	char a[1024], b[1024];
	snprintf(a, sizeof a, "%s\n\n%s", p1, p2);
	snprintf(b, sizeof b, "%s\n\n%s", p2, p1);
	struct ue_passages out;
	align(a, b, &out);
	assert_int_equal(out.n, 2);
	uint32_t n1 = (uint32_t)strlen(p1), n2 = (uint32_t)strlen(p2);
	/* In order of b: p2 first, found at the end of a. */
	assert_int_equal(out.v[0].b_start, 0);
	assert_int_equal(out.v[0].b_end, n2 - 1);
	assert_int_equal(out.v[0].a_start, n1 + 2);
	assert_int_equal(out.v[0].a_end, n1 + 2 + n2 - 1);
	assert_int_equal(out.v[1].b_start, n2 + 2);
	assert_int_equal(out.v[1].b_end, n2 + 2 + n1 - 1);
	assert_int_equal(out.v[1].a_start, 0);
	assert_int_equal(out.v[1].a_end, n1 - 1);
	assert_true(out.v[0].b_last < out.v[1].b_first);
	ue_passages_release(&out);
}

static void test_one_word_changed(void **state)
{
	(void)state;
	char a[1024], b[1024], edited[512];
	/* "special" becomes "elite", in the middle of the paragraph. */
	const char *word = strstr(p1, "special");
	snprintf(edited, sizeof edited, "%.*selite%s", (int)(word - p1), p1,
	         word + strlen("special"));
	snprintf(a, sizeof a, "Markets in Tokyo closed higher. %s", p1);
	snprintf(b, sizeof b, "Weather forecasters predicted snowfall. %s",
	         edited);
	struct ue_passages out;
	align(a, b, &out);
	assert_true(out.n >= 1);
	uint32_t pa = at(a, p1), pb = at(b, edited);
	uint32_t changed = at(b, "elite");
	/* The passages run from the first word to the last... */
	assert_int_equal(out.v[0].b_start, pb);
	assert_int_equal(out.v[0].a_start, pa);
	assert_int_equal(out.v[out.n - 1].b_end, pb + strlen(edited) - 1);
	assert_int_equal(out.v[out.n - 1].a_end, pa + strlen(p1) - 1);
	/* ...and one of them covers the changed word. */
	int covered = 0;
	for (size_t i = 0; i < out.n; i++)
		covered |= out.v[i].b_start <= changed &&
		           out.v[i].b_end >= changed + 5;
	assert_true(covered);
	/* With the default fill gap the edit does not split the passage, but
	 * its token is not inside any seed. */
	assert_int_equal(out.n, 1);
	assert_true(out.v[0].score < 1.0);
	assert_true(out.v[0].score > 0.9);
	ue_passages_release(&out);
}

static void test_unrelated(void **state)
{
	(void)state;
	struct ue_passages out;
	align(p1, p2, &out);
	assert_int_equal(out.n, 0);
	align("Markets in Tokyo closed higher amid strong export figures.",
	      "Weather forecasters predicted heavy snowfall across northern "
	      "provinces.", &out);
	assert_int_equal(out.n, 0);
	/* Empty and stop-word-only texts. */
	align("", p1, &out);
	assert_int_equal(out.n, 0);
	align(p1, "the of and", &out);
	assert_int_equal(out.n, 0);
	ue_passages_release(&out);
}

static void test_too_short(void **state)
{
	(void)state;
	/* Four shared content words: shingles match, but a passage needs six
	 * content tokens. */
	struct ue_passages out;
	align("Officials said Yongbyon reactor output doubled, citing sources.",
	      "Critics doubted claims Yongbyon reactor output doubled lately.",
	      &out);
	assert_int_equal(out.n, 0);
	ue_passages_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seq),
		cmocka_unit_test(test_verbatim),
		cmocka_unit_test(test_whole_text),
		cmocka_unit_test(test_reordered),
		cmocka_unit_test(test_one_word_changed),
		cmocka_unit_test(test_unrelated),
		cmocka_unit_test(test_too_short),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
