/* test_frontmatter.c - plain text and Markdown with front matter
 * (lib/ingest/frontmatter.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ingest/formats.h"

#define MAX 16

/* What the parser delivered, copied out of the borrowed records. */
struct got {
	size_t n, nrej;
	char *field[MAX][UE_F_COUNT];
	char *meta[MAX];
	uint64_t line[MAX];
	const char *format[MAX];
	uint64_t rej_line[MAX];
	char *rej[MAX];
	ue_status stop_with;   /* what record() returns */
};

static char *copy(const char *s, size_t len)
{
	return s ? strndup(s, len) : NULL;
}

static ue_status on_record(void *ctx, const struct ue_record *rec)
{
	struct got *g = ctx;
	assert_true(g->n < MAX);
	for (int f = 0; f < UE_F_COUNT; f++)
		g->field[g->n][f] = copy(rec->field[f], rec->field_len[f]);
	g->meta[g->n] = rec->meta_json ? strdup(rec->meta_json) : NULL;
	g->line[g->n] = rec->line;
	g->format[g->n] = rec->format;
	g->n++;
	return g->stop_with;
}

static void on_reject(void *ctx, uint64_t line, const char *reason)
{
	struct got *g = ctx;
	assert_true(g->nrej < MAX);
	g->rej_line[g->nrej] = line;
	g->rej[g->nrej++] = strdup(reason);
}

static void got_free(struct got *g)
{
	for (size_t i = 0; i < g->n; i++) {
		for (int f = 0; f < UE_F_COUNT; f++)
			free(g->field[i][f]);
		free(g->meta[i]);
	}
	for (size_t i = 0; i < g->nrej; i++)
		free(g->rej[i]);
	memset(g, 0, sizeof *g);
}

/* A source that hands out one byte per read, to test chunk boundaries. */
struct trickle {
	const char *p;
	size_t len, off;
};

static long read_trickle(void *ctx, void *buf, size_t len, ue_status *st)
{
	struct trickle *t = ctx;
	(void)st;
	if (t->off == t->len || len == 0)
		return 0;
	*(char *)buf = t->p[t->off++];
	return 1;
}

struct opts {
	const struct ue_field_map *map;
	size_t max_doc, max_line;
	int trickle;
};

static ue_status run_opts(ue_parse_fn parse, const char *in, size_t len,
                          const struct opts *o, struct got *g, char *err)
{
	struct ue_sink sink = {g, on_record, on_reject, o->map,
	                       o->max_doc ? o->max_doc : 1 << 20};
	struct ue_reader r;
	struct trickle t = {in, len, 0};
	if (o->trickle)
		ue_reader_init(&r, read_trickle, &t);
	else
		ue_reader_init_mem(&r, in, len);
	err[0] = '\0';
	ue_status st = parse(&r, &sink, o->max_line ? o->max_line : 1 << 20,
	                     err, 256);
	ue_reader_release(&r);
	return st;
}

/* Runs parse over in with a memory reader and with a one-byte reader,
 * checks that both give the same, and leaves the first result in g. */
static ue_status run_with_len(ue_parse_fn parse, const char *in, size_t len,
                              const struct opts *o, struct got *g, char *err)
{
	struct opts o2 = *o;
	struct got g2 = {.stop_with = g->stop_with};
	char err2[256];
	ue_status st = run_opts(parse, in, len, o, g, err);
	o2.trickle = 1;
	ue_status st2 = run_opts(parse, in, len, &o2, &g2, err2);
	assert_int_equal(st, st2);
	assert_string_equal(err, err2);
	assert_int_equal(g->n, g2.n);
	assert_int_equal(g->nrej, g2.nrej);
	for (size_t i = 0; i < g->n; i++) {
		assert_int_equal(g->line[i], g2.line[i]);
		for (int f = 0; f < UE_F_COUNT; f++) {
			if (!g->field[i][f])
				assert_null(g2.field[i][f]);
			else
				assert_string_equal(g->field[i][f], g2.field[i][f]);
		}
		if (!g->meta[i])
			assert_null(g2.meta[i]);
		else
			assert_string_equal(g->meta[i], g2.meta[i]);
	}
	for (size_t i = 0; i < g->nrej; i++) {
		assert_int_equal(g->rej_line[i], g2.rej_line[i]);
		assert_string_equal(g->rej[i], g2.rej[i]);
	}
	got_free(&g2);
	return st;
}

static ue_status run_with(ue_parse_fn parse, const char *in,
                          const struct opts *o, struct got *g, char *err)
{
	return run_with_len(parse, in, strlen(in), o, g, err);
}

static ue_status run(ue_parse_fn parse, const char *in, struct got *g,
                     char *err)
{
	struct opts o = {0};
	return run_with(parse, in, &o, g, err);
}

#define F(g, i, f) ((g).field[i][UE_F_##f])

static void test_plain(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_text, "Hello world.\n--- not a mark\n",
	                     &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 0);
	assert_string_equal(F(g, 0, TEXT), "Hello world.\n--- not a mark\n");
	assert_null(F(g, 0, TITLE));
	assert_null(g.meta[0]);
	assert_int_equal(g.line[0], 1);
	assert_string_equal(g.format[0], "text");
	got_free(&g);
}

static void test_front_matter(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"---\n"
		"title: \"A \\\"quoted\\\" title\"\n"
		"outlet: 'It''s News'\n"
		"authors: [Ann Lee, \"Bob, Jr.\", 'Cy', ]\n"
		"date: 2024-03-01  # a comment\n"
		"# a comment line\n"
		"\n"
		"tags:\n"
		"  - one\n"
		"  - \"two\"\n"
		"summary: |\n"
		"  line one\n"
		"  line two\n"
		"folded: >-\n"
		"  a\n"
		"  b\n"
		"nested:\n"
		"  inner: x\n"
		"url: http://example.com/a#frag\n"
		"\"lang\": en\n"
		"empty: ''\n"
		"nothing: # only a comment\n"
		"---\n"
		"Body text.\n";
	assert_int_equal(run(ue_parse_text, in, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 0);
	assert_string_equal(F(g, 0, TITLE), "A \"quoted\" title");
	assert_string_equal(F(g, 0, OUTLET), "It's News");
	assert_string_equal(F(g, 0, AUTHOR), "Ann Lee, Bob, Jr., Cy");
	assert_string_equal(F(g, 0, PUBLISHED), "2024-03-01");
	assert_string_equal(F(g, 0, URL), "http://example.com/a#frag");
	assert_string_equal(F(g, 0, LANGUAGE), "en");
	assert_null(F(g, 0, ID));
	assert_string_equal(F(g, 0, TEXT), "Body text.\n");
	assert_string_equal(g.meta[0], "{\"tags\":\"one, two\",\"summary\":"
	                    "\"line one\\nline two\",\"folded\":\"a b\"}");
	got_free(&g);
}

static void test_dash_list(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"---\n"
		"title: T\n"
		"authors:\n"
		"- Ann\n"
		"-\n"
		"- Bob # editor\n"
		"...\n"
		"text\n";
	assert_int_equal(run(ue_parse_text, in, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, AUTHOR), "Ann, Bob");
	assert_string_equal(F(g, 0, TITLE), "T");
	assert_string_equal(F(g, 0, TEXT), "text\n");
	assert_null(g.meta[0]);
	got_free(&g);
}

static void test_unclosed(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_text, "---\ntitle: x\n\nbody\n", &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 1);
	assert_string_equal(g.rej[0],
	                    "front matter starts on line 1 but is never closed");
	got_free(&g);
}

static void test_heading(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_text, "\n# The Title ##\n\nPara one.\n",
	                     &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, TITLE), "The Title");
	assert_string_equal(F(g, 0, TEXT), "\nPara one.\n");
	got_free(&g);

	/* The front matter's title wins and the heading stays in the text. */
	assert_int_equal(run(ue_parse_text, "---\ntitle: FM\n---\n# H\nBody\n",
	                     &g, err), UE_OK);
	assert_string_equal(F(g, 0, TITLE), "FM");
	assert_string_equal(F(g, 0, TEXT), "# H\nBody\n");
	got_free(&g);

	assert_int_equal(run(ue_parse_text, "---\nauthor: A\n---\n# C# and F#\n"
	                     "Body\n", &g, err), UE_OK);
	assert_string_equal(F(g, 0, TITLE), "C# and F#");
	assert_string_equal(F(g, 0, TEXT), "Body\n");
	got_free(&g);

	assert_int_equal(run(ue_parse_text, "#NoSpace\nBody\n", &g, err), UE_OK);
	assert_null(F(g, 0, TITLE));
	assert_string_equal(F(g, 0, TEXT), "#NoSpace\nBody\n");
	got_free(&g);

	assert_int_equal(run(ue_parse_text, "Intro\n# Later heading\n", &g, err),
	                 UE_OK);
	assert_null(F(g, 0, TITLE));
	got_free(&g);
}

static void test_empty(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_text, "---\ntitle: x\n---\n\n  \n", &g,
	                     err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 1);
	assert_string_equal(g.rej[0], "empty document");
	got_free(&g);

	assert_int_equal(run(ue_parse_text, "", &g, err), UE_OK);
	assert_int_equal(g.nrej, 1);
	assert_string_equal(g.rej[0], "empty document");
	got_free(&g);

	assert_int_equal(run(ue_parse_text, "# Only a title\n", &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_string_equal(g.rej[0], "empty document");
	got_free(&g);
}

static void test_map(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct ue_field_map map;
	assert_int_equal(ue_field_map_parse(&map, "title=heading", err,
	                                    sizeof err), UE_OK);
	struct opts o = {.map = &map};
	assert_int_equal(run_with(ue_parse_text, "---\ntitle: T\nheading: H\n"
	                          "---\nbody\n", &o, &g, err), UE_OK);
	assert_string_equal(F(g, 0, TITLE), "H");
	assert_string_equal(g.meta[0], "{\"title\":\"T\"}");
	ue_field_map_release(&map);
	got_free(&g);
}

static void test_bom_crlf(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_text, "\xEF\xBB\xBF---\r\ntitle: T\r\n"
	                     "tags: [a, b]\r\n---\r\nBody\r\n", &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, TITLE), "T");
	assert_string_equal(F(g, 0, TEXT), "Body\r\n");
	assert_string_equal(g.meta[0], "{\"tags\":\"a, b\"}");
	got_free(&g);
}

static void test_duplicates_and_utf8(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_text, "---\ntitle: A\ntitle: B\n"
	                     "note: x\xFFy\nnote: second\n---\nBody", &g, err),
	                 UE_OK);
	assert_string_equal(F(g, 0, TITLE), "A");
	assert_string_equal(F(g, 0, TEXT), "Body");
	assert_string_equal(g.meta[0],
	                    "{\"title\":\"B\",\"note\":\"x\xEF\xBF\xBDy\"}");
	got_free(&g);
}

static void test_max_doc(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct opts o = {.max_doc = 4};
	assert_int_equal(run_with(ue_parse_text, "12345", &o, &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_string_equal(g.rej[0], "text of 5 bytes over the limit of 4 bytes");
	got_free(&g);
	assert_int_equal(run_with(ue_parse_text, "1234", &o, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	got_free(&g);
}

static void test_file_too_large(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	size_t n = ((size_t)16 << 20) + 1;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, 'a', n);
	struct opts o = {.max_doc = 1};
	assert_int_equal(run_opts(ue_parse_text, big, n, &o, &g, err),
	                 UE_ELIMIT);
	assert_string_equal(err, "file larger than the limit of 16777216 bytes");
	free(big);
	got_free(&g);
}

static void test_sink_stops(void **state)
{
	(void)state;
	struct got g = {.stop_with = UE_ECANCELLED};
	char err[256];
	assert_int_equal(run(ue_parse_text, "text", &g, err), UE_ECANCELLED);
	got_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_dash_list),
		cmocka_unit_test(test_unclosed),
		cmocka_unit_test(test_heading),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_bom_crlf),
		cmocka_unit_test(test_duplicates_and_utf8),
		cmocka_unit_test(test_max_doc),
		cmocka_unit_test(test_file_too_large),
		cmocka_unit_test(test_sink_stops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
