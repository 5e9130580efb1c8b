/* test_detect.c - format names and detection from content
 * (lib/ingest/detect.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ingest/formats.h"

static enum ue_format detect(const char *head, const char *filename)
{
	return ue_format_detect(head, strlen(head), filename);
}

static void test_warc(void **state)
{
	(void)state;
	assert_int_equal(detect("WARC/1.0\r\nWARC-Type: warcinfo\r\n", NULL),
	                 UE_FMT_WARC);
	assert_int_equal(detect("WARC/1.1\r\n", "crawl.txt"), UE_FMT_WARC);
	assert_int_equal(detect("\r\n\r\nWARC/0.17\n", NULL), UE_FMT_WARC);
	/* Not quite. */
	assert_int_equal(detect("WARC 1.0\n", NULL), UE_FMT_TEXT);
}

static void test_json(void **state)
{
	(void)state;
	assert_int_equal(detect("{\"text\": \"a\"}\n{\"text\": \"b\"}\n", NULL),
	                 UE_FMT_JSONL);
	assert_int_equal(detect("[{\"text\": \"a\"},\n", NULL), UE_FMT_JSONL);
	assert_int_equal(detect("\n\t  {\"id\":1}", "x.txt"), UE_FMT_JSONL);
	/* Content wins over a misleading name. */
	assert_int_equal(detect("{\"id\":1}", "data.csv"), UE_FMT_JSONL);
}

static void test_feeds(void **state)
{
	(void)state;
	assert_int_equal(detect("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
	                        "<channel>", NULL), UE_FMT_FEED);
	assert_int_equal(detect("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	                        "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
	                        NULL), UE_FMT_FEED);
	assert_int_equal(detect("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf="
	                        "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	                        "xmlns=\"http://purl.org/rss/1.0/\">", NULL),
	                 UE_FMT_FEED);
	assert_int_equal(detect("<RSS version=\"0.91\">", NULL), UE_FMT_FEED);
	/* Unknown XML: by its name, else text. */
	assert_int_equal(detect("<?xml version=\"1.0\"?><catalog/>", "a.xml"),
	                 UE_FMT_FEED);
	assert_int_equal(detect("<?xml version=\"1.0\"?><catalog/>", NULL),
	                 UE_FMT_TEXT);
}

static void test_html(void **state)
{
	(void)state;
	static const char *const heads[] = {
		"<!DOCTYPE html>\n<html lang=\"en\">",
		"<!doctype HTML><title>x</title>",
		"<html><body>x</body></html>",
		"<HEAD><title>x</title></HEAD>",
		"<body class=\"article\">",
		"<article><h1>Title</h1>",
		"<p>Just a paragraph.</p>",
		"<meta charset=\"utf-8\">",
		"<div id=\"main\">",
		"<!-- saved page -->\n<html>",
	};
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
		assert_int_equal(detect(heads[i], NULL), UE_FMT_HTML);
	/* A page that links to its feed is still a page. */
	assert_int_equal(detect("<html><link rel=alternate href=/rss>", NULL),
	                 UE_FMT_HTML);
	/* Markup that is neither: by name. */
	assert_int_equal(detect("<span>x</span>", "page.htm"), UE_FMT_HTML);
	assert_int_equal(detect("<span>x</span>", "page.html"), UE_FMT_HTML);
	assert_int_equal(detect("<span>x</span>", NULL), UE_FMT_TEXT);
}

static void test_front_matter(void **state)
{
	(void)state;
	const char *fm = "---\ntitle: Hello\noutlet: Reuters\n---\nBody.\n";
	assert_int_equal(detect(fm, NULL), UE_FMT_MARKDOWN);
	assert_int_equal(detect(fm, "post.md"), UE_FMT_MARKDOWN);
	assert_int_equal(detect(fm, "post.txt"), UE_FMT_TEXT);
	assert_int_equal(detect("---\r\ntitle: x\r\n---\r\n", NULL),
	                 UE_FMT_MARKDOWN);
	/* A rule, not front matter. */
	assert_int_equal(detect("----\nabc\n", NULL), UE_FMT_TEXT);
	assert_int_equal(detect("--- abc\n", NULL), UE_FMT_TEXT);
	/* Markdown by name. */
	assert_int_equal(detect("# Heading\n\nText.\n", "notes.md"),
	                 UE_FMT_MARKDOWN);
	assert_int_equal(detect("# Heading\n\nText.\n", "notes.markdown"),
	                 UE_FMT_MARKDOWN);
}

static void test_delimited(void **state)
{
	(void)state;
	assert_int_equal(detect("id,title,text\n1,a,b\n", NULL), UE_FMT_CSV);
	assert_int_equal(detect("\"Headline\",\"Body\"\r\n", NULL), UE_FMT_CSV);
	assert_int_equal(detect("x,y,source\n", NULL), UE_FMT_CSV);
	assert_int_equal(detect("id\ttitle\ttext\n1\ta\tb\n", NULL), UE_FMT_TSV);
	/* More tabs than commas: tabs separate. */
	assert_int_equal(detect("title\ttext, with comma\tdate\n", NULL),
	                 UE_FMT_TSV);
	/* No known field: not a header. */
	assert_int_equal(detect("alpha,beta,gamma\n1,2,3\n", NULL), UE_FMT_TEXT);
	assert_int_equal(detect("Hello, world. This is prose, really.\n", NULL),
	                 UE_FMT_TEXT);
	/* The name says CSV: the header decides between CSV and TSV. */
	assert_int_equal(detect("alpha,beta\n", "a.csv"), UE_FMT_CSV);
	assert_int_equal(detect("title\tbody\n", "a.csv"), UE_FMT_TSV);
	assert_int_equal(detect("alpha\tbeta\n", "a.tsv"), UE_FMT_TSV);
	assert_int_equal(detect("alpha,beta\n", "DIR/A.TSV"), UE_FMT_TSV);
	/* A header in a .txt file is still text. */
	assert_int_equal(detect("title,text\n", "a.txt"), UE_FMT_TEXT);
}

static void test_text(void **state)
{
	(void)state;
	assert_int_equal(detect("Just some words.\nMore words.\n", NULL),
	                 UE_FMT_TEXT);
	assert_int_equal(detect("", NULL), UE_FMT_TEXT);
	assert_int_equal(detect("   \n\n", NULL), UE_FMT_TEXT);
	assert_int_equal(detect("plain", "file.unknown"), UE_FMT_TEXT);
	/* An extension that names a format. */
	assert_int_equal(detect("plain", "dump.warc"), UE_FMT_WARC);
	assert_int_equal(detect("plain", "dump.json"), UE_FMT_JSONL);
	assert_int_equal(detect("plain", "feed.atom"), UE_FMT_FEED);
	/* A dot in a folder name is not an extension. */
	assert_int_equal(detect("plain", "v1.2/readme"), UE_FMT_TEXT);
}

static void test_bom(void **state)
{
	(void)state;
	assert_int_equal(detect("\xEF\xBB\xBF{\"text\":\"a\"}", NULL),
	                 UE_FMT_JSONL);
	assert_int_equal(detect("\xEF\xBB\xBFtitle,text\n", NULL), UE_FMT_CSV);
	assert_int_equal(detect("\xEF\xBB\xBF<!DOCTYPE html>", NULL),
	                 UE_FMT_HTML);
	assert_int_equal(detect("\xEF\xBB\xBF---\ntitle: a\n---\n", NULL),
	                 UE_FMT_MARKDOWN);
	assert_int_equal(detect("\xEF\xBB\xBFWARC/1.0\r\n", NULL), UE_FMT_WARC);
	/* Only the BOM. */
	assert_int_equal(detect("\xEF\xBB\xBF", NULL), UE_FMT_TEXT);
}

static void test_length_respected(void **state)
{
	(void)state;
	/* Only len bytes are looked at. */
	const char *s = "Hello {\"a\":1}";
	assert_int_equal(ue_format_detect(s + 6, 0, NULL), UE_FMT_TEXT);
	assert_int_equal(ue_format_detect(s + 6, 1, NULL), UE_FMT_JSONL);
	assert_int_equal(ue_format_detect("<p>", 2, NULL), UE_FMT_TEXT);
	assert_int_equal(ue_format_detect("WARC/", 4, NULL), UE_FMT_TEXT);
}

static void test_names(void **state)
{
	(void)state;
	static const struct { const char *name; enum ue_format f; } cases[] = {
		{"jsonl", UE_FMT_JSONL}, {"JSON", UE_FMT_JSONL},
		{"ndjson", UE_FMT_JSONL}, {"csv", UE_FMT_CSV}, {"Tsv", UE_FMT_TSV},
		{"text", UE_FMT_TEXT}, {"txt", UE_FMT_TEXT},
		{"markdown", UE_FMT_MARKDOWN}, {"md", UE_FMT_MARKDOWN},
		{"html", UE_FMT_HTML}, {"HTM", UE_FMT_HTML}, {"rss", UE_FMT_FEED},
		{"atom", UE_FMT_FEED}, {"feed", UE_FMT_FEED},
		{"warc", UE_FMT_WARC},
		{"unknown", UE_FMT_UNKNOWN}, {"xml", UE_FMT_UNKNOWN},
		{"", UE_FMT_UNKNOWN}, {"jsonl ", UE_FMT_UNKNOWN},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(ue_format_from_name(cases[i].name), cases[i].f);
	static const char *const names[] = {
		"unknown", "jsonl", "csv", "tsv", "text", "markdown", "html", "rss",
		"warc",
	};
	for (int f = UE_FMT_UNKNOWN; f <= UE_FMT_WARC; f++) {
		assert_string_equal(ue_format_name((enum ue_format)f), names[f]);
		if (f != UE_FMT_UNKNOWN)
			assert_int_equal(ue_format_from_name(names[f]), f);
	}
	assert_string_equal(ue_format_name((enum ue_format)42), "unknown");
}

static void test_parsers(void **state)
{
	(void)state;
	assert_ptr_equal(ue_format_parser(UE_FMT_JSONL), ue_parse_jsonl);
	assert_ptr_equal(ue_format_parser(UE_FMT_CSV), ue_parse_csv);
	assert_ptr_equal(ue_format_parser(UE_FMT_TSV), ue_parse_tsv);
	assert_ptr_equal(ue_format_parser(UE_FMT_TEXT), ue_parse_text);
	assert_ptr_equal(ue_format_parser(UE_FMT_MARKDOWN), ue_parse_text);
	assert_ptr_equal(ue_format_parser(UE_FMT_HTML), ue_parse_html);
	assert_ptr_equal(ue_format_parser(UE_FMT_FEED), ue_parse_feed);
	assert_ptr_equal(ue_format_parser(UE_FMT_WARC), ue_parse_warc);
	assert_null(ue_format_parser(UE_FMT_UNKNOWN));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warc),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_feeds),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_delimited),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_length_respected),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_parsers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
