/* test_csv.c - CSV and TSV input (lib/ingest/csv.c). */
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

static void test_basic(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_csv, "id,title,text\n1,Hello,Body one\n"
	                     "2,World,Body two\n", &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.nrej, 0);
	assert_string_equal(F(g, 0, ID), "1");
	assert_string_equal(F(g, 0, TITLE), "Hello");
	assert_string_equal(F(g, 0, TEXT), "Body one");
	assert_null(F(g, 0, URL));
	assert_null(g.meta[0]);
	assert_int_equal(g.line[0], 2);
	assert_string_equal(g.format[0], "csv");
	assert_string_equal(F(g, 1, TEXT), "Body two");
	assert_int_equal(g.line[1], 3);
	got_free(&g);
}

static void test_quoted_multiline(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"title,text\n"
		"\"A, \"\"quoted\"\" title\",\"first line\n"
		"second, with comma\n"
		"\"\"third\"\"\"\n"
		"Next,\"\"\n"
		"Last,plain\n";
	assert_int_equal(run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 0, TITLE), "A, \"quoted\" title");
	assert_string_equal(F(g, 0, TEXT),
	                    "first line\nsecond, with comma\n\"third\"");
	assert_int_equal(g.line[0], 2);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 5);
	assert_string_equal(g.rej[0], "no text");
	assert_string_equal(F(g, 1, TITLE), "Last");
	assert_int_equal(g.line[1], 6);
	got_free(&g);
}

static void test_bom_crlf(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in = "\xEF\xBB\xBFtitle,text\r\nA,\"x\r\ny\"\r\n\r\nB,z\r\n";
	assert_int_equal(run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 0, TITLE), "A");
	assert_string_equal(F(g, 0, TEXT), "x\r\ny");
	assert_int_equal(g.line[0], 2);
	assert_string_equal(F(g, 1, TITLE), "B");
	assert_string_equal(F(g, 1, TEXT), "z");
	assert_int_equal(g.line[1], 5);
	assert_null(g.meta[1]);
	got_free(&g);
}

static void test_no_final_newline(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_csv, "text\na\n\"b\"", &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 1, TEXT), "b");
	got_free(&g);
}

static void test_aliases(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"Headline, body ,source,Link,byline,date,lang,id\n"
		"H,B,S,http://x/1,Ann,2024-01-02,en,7\n";
	assert_int_equal(run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, TITLE), "H");
	assert_string_equal(F(g, 0, TEXT), "B");
	assert_string_equal(F(g, 0, OUTLET), "S");
	assert_string_equal(F(g, 0, URL), "http://x/1");
	assert_string_equal(F(g, 0, AUTHOR), "Ann");
	assert_string_equal(F(g, 0, PUBLISHED), "2024-01-02");
	assert_string_equal(F(g, 0, LANGUAGE), "en");
	assert_string_equal(F(g, 0, ID), "7");
	assert_null(g.meta[0]);
	got_free(&g);
}

static void test_map(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct ue_field_map map;
	assert_int_equal(ue_field_map_parse(&map, "text=story,outlet=site",
	                                    err, sizeof err), UE_OK);
	struct opts o = {.map = &map};
	const char *in = "site,story,text,body\nS,the story,other,b\n";
	assert_int_equal(run_with(ue_parse_csv, in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, OUTLET), "S");
	assert_string_equal(F(g, 0, TEXT), "the story");
	/* Once text is read from "story", "text" and "body" are metadata. */
	assert_string_equal(g.meta[0], "{\"text\":\"other\",\"body\":\"b\"}");
	ue_field_map_release(&map);
	got_free(&g);
}

static void test_duplicate_field_columns(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_csv, "text,body\none,two\n", &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, TEXT), "one");
	assert_string_equal(g.meta[0], "{\"body\":\"two\"}");
	got_free(&g);
}

static void test_meta(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"text,tags,score,tags\n"
		"T,\"a,b\",5,c\n"
		"U,,,\n"
		"V,\xFF\xC3\xA9,,\n";
	assert_int_equal(run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.meta[0], "{\"tags\":\"a,b\",\"score\":\"5\"}");
	assert_null(g.meta[1]);
	assert_string_equal(g.meta[2], "{\"tags\":\"\xEF\xBF\xBD\xC3\xA9\"}");
	got_free(&g);

	/* NUL bytes, which jansson would not read back, are dropped. */
	static const char nul[] = "text,a\0b\nT,v\0w\n";
	struct opts o = {0};
	assert_int_equal(run_with_len(ue_parse_csv, nul, sizeof nul - 1, &o, &g,
	                              err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.meta[0], "{\"ab\":\"vw\"}");
	got_free(&g);
}

static void test_too_long(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct opts o = {.max_line = 20};
	const char *in =
		"text\n"
		"short\n"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
		"ok\n";
	assert_int_equal(run_with(ue_parse_csv, in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 0, TEXT), "short");
	assert_string_equal(F(g, 1, TEXT), "ok");
	assert_int_equal(g.line[1], 4);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 3);
	assert_string_equal(g.rej[0], "record longer than the limit of 20 bytes");
	got_free(&g);
}

static void test_too_long_multiline(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct opts o = {.max_line = 20};
	/* Twenty bytes exactly fit, inner newlines counted. */
	const char *in =
		"text\n"
		"\"aaaaaaaaa\nbbbbbbbb\"\n"
		"\"aaaaaaaaa\nbbbbbbbbbbb\nccc\"\n"
		"good\n";
	assert_int_equal(run_with(ue_parse_csv, in, &o, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(F(g, 0, TEXT), "aaaaaaaaa\nbbbbbbbb");
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 4);
	assert_string_equal(g.rej[0], "record longer than the limit of 20 bytes");
	/* Reading goes on at the next line, inside the lost field. */
	assert_string_equal(F(g, 1, TEXT), "ccc\"");
	assert_int_equal(g.line[1], 6);
	assert_string_equal(F(g, 2, TEXT), "good");
	assert_int_equal(g.line[2], 7);
	got_free(&g);
}

static void test_field_counts(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"title,text\n"
		"a,b,c\n"
		"a,b,\n"
		"a,b,,\n"
		"onlyone\n"
		",\n";
	assert_int_equal(run(ue_parse_csv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[0], 3);
	assert_int_equal(g.line[1], 4);
	assert_int_equal(g.nrej, 3);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "expected 2 fields, found 3");
	assert_int_equal(g.rej_line[1], 5);
	assert_string_equal(g.rej[1], "no text");
	assert_int_equal(g.rej_line[2], 6);
	assert_string_equal(g.rej[2], "no text");
	got_free(&g);

	assert_int_equal(run(ue_parse_csv, "text,title\nx\n", &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, TEXT), "x");
	assert_null(F(g, 0, TITLE));
	got_free(&g);
}

static void test_unterminated(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_csv, "text\nok\n\"never closed\nmore\n",
	                     &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_string_equal(F(g, 0, TEXT), "ok");
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 3);
	assert_string_equal(g.rej[0], "unterminated quoted field");
	got_free(&g);

	assert_int_equal(run(ue_parse_csv, "\"text\n", &g, err), UE_EFORMAT);
	assert_string_equal(err, "unterminated quoted field in the header row");
	got_free(&g);
}

static void test_quote_inside_field(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_csv, "text,n\n5\" screen,1\n\"a\"b,2\n",
	                     &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(F(g, 0, TEXT), "5\" screen");
	assert_string_equal(F(g, 1, TEXT), "ab");
	got_free(&g);
}

static void test_no_text_column(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_csv, "a,b,c\n1,2,3\n", &g, err),
	                 UE_EFORMAT);
	assert_string_equal(err, "no text column in header (columns: a, b, c); "
	                    "use --map text=COLUMN");
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 0);
	got_free(&g);
}

static void test_empty_and_blank(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_csv, "", &g, err), UE_OK);
	assert_int_equal(g.n + g.nrej, 0);
	assert_int_equal(run(ue_parse_csv, "\n\ntext\n\nA\n\n\nB", &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[0], 5);
	assert_int_equal(g.line[1], 8);
	got_free(&g);
}

static void test_header_too_long(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct opts o = {.max_line = 8};
	assert_int_equal(run_with(ue_parse_csv, "title,text\nA,B\n", &o, &g,
	                          err), UE_ELIMIT);
	assert_string_equal(err, "header row longer than the limit of 8 bytes");
	got_free(&g);
}

static void test_max_doc(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	struct opts o = {.max_doc = 4};
	assert_int_equal(run_with(ue_parse_csv, "text\nabcd\nabcde\n", &o, &g,
	                          err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 3);
	assert_string_equal(g.rej[0], "text of 5 bytes over the limit of 4 bytes");
	got_free(&g);
}

static void test_sink_stops(void **state)
{
	(void)state;
	struct got g = {.stop_with = UE_ECANCELLED};
	char err[256];
	assert_int_equal(run(ue_parse_csv, "text\na\nb\n", &g, err),
	                 UE_ECANCELLED);
	assert_int_equal(g.n, 1);
	got_free(&g);
}

static void test_tsv(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	const char *in =
		"title\ttext\tnote\r\n"
		"A\t\"quoted \"\"x\"\"\"\tn1\r\n"
		"B\tplain \"q\", here\t\r\n"
		"C\t\"a\tb\"\tn\n"
		"D\t\"x\n";
	assert_int_equal(run(ue_parse_tsv, in, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.format[0], "tsv");
	assert_string_equal(F(g, 0, TITLE), "A");
	assert_string_equal(F(g, 0, TEXT), "quoted \"x\"");
	assert_string_equal(g.meta[0], "{\"note\":\"n1\"}");
	assert_string_equal(F(g, 1, TEXT), "plain \"q\", here");
	assert_null(g.meta[1]);
	/* No quoting in TSV: a tab inside quotes still separates. */
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 4);
	assert_string_equal(g.rej[0], "expected 3 fields, found 4");
	assert_string_equal(F(g, 2, TEXT), "\"x");
	assert_int_equal(g.line[2], 5);
	got_free(&g);
}

static void test_tsv_no_text(void **state)
{
	(void)state;
	struct got g = {0};
	char err[256];
	assert_int_equal(run(ue_parse_tsv, "x\ty\n", &g, err), UE_EFORMAT);
	assert_string_equal(err, "no text column in header (columns: x, y); "
	                    "use --map text=COLUMN");
	got_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_quoted_multiline),
		cmocka_unit_test(test_bom_crlf),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_duplicate_field_columns),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_too_long_multiline),
		cmocka_unit_test(test_field_counts),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_quote_inside_field),
		cmocka_unit_test(test_no_text_column),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_header_too_long),
		cmocka_unit_test(test_max_doc),
		cmocka_unit_test(test_sink_stops),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_tsv_no_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
