/* test_html.c - article extraction and the HTML page parser (html.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/formats.h"
#include "ingest/html.h"
#include "testlib.h"

/* Runs ue_parse_html once over len bytes of page, from memory. */
static ue_status parse_page(const char *page, size_t len, size_t max_doc,
                            struct tl_got *g, char *err)
{
	struct tl_opts o = {.max_doc = max_doc};
	return tl_parse(ue_parse_html, page, len, &o, g, err);
}

/* Extracts page into d (a fresh doc the caller releases). */
static void extract(const char *page, struct ue_html_doc *d)
{
	ue_html_doc_init(d);
	assert_int_equal(ue_html_extract(page, strlen(page), d), UE_OK);
}

static void assert_no(const struct ue_html_doc *d, const char *what)
{
	if (strstr(ue_buf_str(&d->text), what))
		fail_msg("text holds \"%s\":\n%s", what, ue_buf_str(&d->text));
}

/* ------------------------------------------------------------------ */

static const char meta_page[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\n"
	"<title>Ceasefire talks resume | Example Times</title>\n"
	"<meta property=\"og:title\" content=\"Ceasefire talks resume in Doha\">\n"
	"<meta property=\"og:site_name\" content=\"Example Times\">\n"
	"<meta property=\"og:url\" content=\"https://example.com/og\">\n"
	"<meta property=\"article:published_time\" "
	"content=\"2024-03-14T07:31:00Z\">\n"
	"<meta name=\"author\" content=\"Jane  Doe\">\n"
	"<link rel=\"canonical\" href=\"https://example.com/world/talks\">\n"
	"</head><body><article>\n"
	"<p>Negotiators returned to Doha on Thursday for a new round of talks, "
	"officials said.</p>\n"
	"<p>The talks are expected to last several days.</p>\n"
	"</article></body></html>\n";

static void test_meta_tags(void **state)
{
	(void)state;
	struct ue_html_doc d;
	extract(meta_page, &d);
	assert_string_equal(ue_buf_str(&d.title), "Ceasefire talks resume in Doha");
	assert_string_equal(ue_buf_str(&d.author), "Jane Doe");
	assert_string_equal(ue_buf_str(&d.published), "2024-03-14T07:31:00Z");
	assert_string_equal(ue_buf_str(&d.url), "https://example.com/world/talks");
	assert_string_equal(ue_buf_str(&d.outlet), "Example Times");
	assert_string_equal(ue_buf_str(&d.language), "en-GB");
	assert_string_equal(ue_buf_str(&d.text),
		"Negotiators returned to Doha on Thursday for a new round of "
		"talks, officials said.\n\n"
		"The talks are expected to last several days.");
	ue_html_doc_release(&d);
}

static void test_title_site_suffix(void **state)
{
	(void)state;
	static const char *const pages[] = {
		"<title>Floods hit the north | Daily Bugle</title>"
		"<meta property='og:site_name' content='Daily Bugle'>",
		"<title>\n  Floods hit the north - Daily Bugle\n</title>"
		"<meta property='og:site_name' content='Daily Bugle'>",
		"<title>Floods hit the north \xe2\x80\x94 DAILY BUGLE</title>"
		"<meta property='og:site_name' content='Daily Bugle'>",
		"<title>Floods hit the north</title>",
	};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct ue_html_doc d;
		extract(pages[i], &d);
		assert_string_equal(ue_buf_str(&d.title), "Floods hit the north");
		ue_html_doc_release(&d);
	}
	/* A different suffix stays. */
	struct ue_html_doc d;
	extract("<title>Floods | Weather desk</title>"
	        "<meta property='og:site_name' content='Daily Bugle'>", &d);
	assert_string_equal(ue_buf_str(&d.title), "Floods | Weather desk");
	ue_html_doc_release(&d);
}

#define LONG_BODY \
	"SEOUL, March 2 (Yonhap) -- North Korea fired a short-range " \
	"ballistic missile into the East Sea on Saturday, the Joint Chiefs " \
	"of Staff said.\n\nThe launch came days after the allies began their " \
	"annual springtime exercise, which the North condemns as a rehearsal " \
	"for invasion."

static void test_json_ld_article(void **state)
{
	(void)state;
	const char *page =
		"<html><head><script type=\"application/ld+json\">\n"
		"{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
		"\"headline\":\"N. Korea fires missile\","
		"\"datePublished\":\"2024-03-02T09:10:00+09:00\","
		"\"author\":[{\"@type\":\"Person\",\"name\":\"Kim Soo-yeon\"},"
		"\"Lee Ji-ho\"],"
		"\"publisher\":{\"@type\":\"Organization\",\"name\":\"Yonhap\"},"
		"\"mainEntityOfPage\":{\"@id\":\"https://en.yna.example/1\"},"
		"\"inLanguage\":\"en\","
		"\"articleBody\":\"" "SEOUL, March 2 (Yonhap) -- North Korea fired "
		"a short-range ballistic missile into the East Sea on Saturday, the "
		"Joint Chiefs of Staff said.\\n\\nThe launch came days after the "
		"allies began their annual springtime exercise, which the North "
		"condemns as a rehearsal for invasion." "\"}\n"
		"</script></head><body><div class=\"teaser\"><p>This paragraph "
		"is only a teaser of the article on the page.</p></div></body></html>";
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.title), "N. Korea fires missile");
	assert_string_equal(ue_buf_str(&d.author), "Kim Soo-yeon, Lee Ji-ho");
	assert_string_equal(ue_buf_str(&d.published), "2024-03-02T09:10:00+09:00");
	assert_string_equal(ue_buf_str(&d.url), "https://en.yna.example/1");
	assert_string_equal(ue_buf_str(&d.outlet), "Yonhap");
	assert_string_equal(ue_buf_str(&d.language), "en");
	assert_string_equal(ue_buf_str(&d.text), LONG_BODY);
	ue_html_doc_release(&d);
}

/* Yoast-style @graph: authors and publisher are @id references, the
 * headline carries an entity, and a short articleBody is not used. */
static void test_json_ld_graph(void **state)
{
	(void)state;
	const char *page =
		"<html><head><script type='application/ld+json' class='yoast'>"
		"{\"@context\":\"https://schema.org\",\"@graph\":["
		"{\"@type\":\"WebPage\",\"@id\":\"https://b.example/x/\","
		"\"name\":\"Not this\"},"
		"{\"@type\":[\"Article\",\"NewsArticle\"],"
		"\"headline\":\"Officials deny report &#8211; again\","
		"\"datePublished\":\"2024-02-01T10:00:00+00:00\","
		"\"author\":{\"@id\":\"https://b.example/#/person/1\"},"
		"\"publisher\":{\"@id\":\"https://b.example/#org\"},"
		"\"url\":\"https://b.example/x/\",\"articleBody\":\"Too short.\"},"
		"{\"@type\":\"Organization\",\"@id\":\"https://b.example/#org\","
		"\"name\":\"Daily Bugle\"},"
		"{\"@type\":\"Person\",\"@id\":\"https://b.example/#/person/1\","
		"\"name\":\"Ann Smith\"}]}"
		"</script></head><body><div class='entry-content'>"
		"<p>Government officials on Monday denied a newspaper report about "
		"the operation.</p></div></body></html>";
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.title),
	                    "Officials deny report \xe2\x80\x93 again");
	assert_string_equal(ue_buf_str(&d.author), "Ann Smith");
	assert_string_equal(ue_buf_str(&d.published), "2024-02-01T10:00:00+00:00");
	assert_string_equal(ue_buf_str(&d.url), "https://b.example/x/");
	assert_string_equal(ue_buf_str(&d.outlet), "Daily Bugle");
	assert_string_equal(ue_buf_str(&d.text),
		"Government officials on Monday denied a newspaper report about "
		"the operation.");
	ue_html_doc_release(&d);
}

/* A top-level array, a type given as a URL, raw newlines inside strings
 * and an HTML comment around the JSON. */
static void test_json_ld_array(void **state)
{
	(void)state;
	const char *page =
		"<script type=\"application/ld+json\"><!--\n"
		"[{\"@type\":\"WebSite\",\"name\":\"Site\"},"
		"{\"@type\":\"http://schema.org/ReportageNewsArticle\","
		"\"headline\":\"Line\none\",\"author\":\"Reporter One\","
		"\"publisher\":\"Wire Service\","
		"\"mainEntityOfPage\":\"https://w.example/a\"}]\n-->"
		"</script><p>Body text of the reportage article goes here.</p>";
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.title), "Line one");
	assert_string_equal(ue_buf_str(&d.author), "Reporter One");
	assert_string_equal(ue_buf_str(&d.outlet), "Wire Service");
	assert_string_equal(ue_buf_str(&d.url), "https://w.example/a");
	assert_string_equal(ue_buf_str(&d.text),
	                    "Body text of the reportage article goes here.");
	ue_html_doc_release(&d);
}

static const char boiler_page[] =
	"<html><head><title>Launch</title><style>p{color:red}</style>"
	"<script>var s = 'SCRIPT TEXT';</script></head>\n"
	"<body class=\"layout-with-sidebar\">\n"
	"<div id=\"cookie-banner\"><p>We use cookies to improve your "
	"experience. By continuing you accept our COOKIE POLICY.</p>"
	"<button>Accept</button></div>\n"
	"<header class=\"site-header\"><a href=\"/\">Example</a>"
	"<nav><ul><li><a href=\"/w\">NAV WORLD</a></li>"
	"<li><a href=\"/p\">NAV POLITICS</a></li></ul></nav></header>\n"
	"<div class=\"page\"><main><article>\n"
	"<h1>Missile launch reported</h1>\n"
	"<div class=\"byline\">By BYLINE NAME</div>\n"
	"<div class=\"socialShare\"><a href=\"#\">SHARE ON X</a></div>\n"
	"<div class=\"article-body\">\n"
	"<p>North Korea fired what appeared to be a ballistic missile on "
	"Thursday, the Joint Chiefs of Staff said.</p>\n"
	"<div class=\"ad-slot\"><p>ADVERTISEMENT from our sponsors, "
	"scroll to continue reading.</p></div>\n"
	"<p>The missile flew about 600 km, the JCS said in a text message "
	"to <a href=\"/r\">reporters</a>.</p>\n"
	"<h2>Series of tests</h2>\n"
	"<p>Analysts said the launch appeared timed to coincide with joint "
	"military exercises.</p>\n"
	"<aside class=\"related-stories\"><h3>RELATED</h3><ul>"
	"<li><a href=\"/a\">RELATED STORY ONE about cruise missiles</a></li>"
	"<li><a href=\"/b\">RELATED STORY TWO about artillery</a></li>"
	"</ul></aside>\n"
	"<p hidden>HIDDEN PARAGRAPH that a reader never sees on the page.</p>\n"
	"</div>\n"
	"<div class=\"newsletter-signup\"><p>Sign up for our NEWSLETTER to "
	"get the best stories every morning.</p></div>\n"
	"</article></main>\n"
	"<aside class=\"sidebar\"><h3>Most read</h3><p>SIDEBAR story summary "
	"that is long and should never appear in the article.</p></aside>\n"
	"</div>\n"
	"<div id=\"comments\"><p>COMMENT by a reader who has a lot to say "
	"about this article and says it at length.</p></div>\n"
	"<footer><p>FOOTER copyright 2024 Example Times. All rights reserved "
	"everywhere.</p></footer>\n"
	"</body></html>\n";

static void test_boilerplate(void **state)
{
	(void)state;
	struct ue_html_doc d;
	extract(boiler_page, &d);
	assert_string_equal(ue_buf_str(&d.text),
		"North Korea fired what appeared to be a ballistic missile on "
		"Thursday, the Joint Chiefs of Staff said.\n\n"
		"The missile flew about 600 km, the JCS said in a text message "
		"to reporters.\n\n"
		"Series of tests\n\n"
		"Analysts said the launch appeared timed to coincide with joint "
		"military exercises.");
	static const char *const junk[] = {
		"SCRIPT", "color:red", "COOKIE", "Accept", "NAV", "BYLINE",
		"SHARE", "ADVERTISEMENT", "RELATED", "HIDDEN", "NEWSLETTER",
		"SIDEBAR", "Most read", "COMMENT", "FOOTER",
	};
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
		assert_no(&d, junk[i]);
	ue_html_doc_release(&d);
}

/* Related teasers marked up as <article> cards do not pass for the
 * article, and "article-body" is never taken for boilerplate. */
static void test_article_cards(void **state)
{
	(void)state;
	const char *page =
		"<body><div class=\"main-with-sidebar\">"
		"<article class=\"article-body\"><p>The central bank raised its "
		"key rate by a quarter point on Wednesday.</p><p>It said inflation "
		"remained too high and further rises were possible.</p></article>"
		"<section class=\"more\"><article class=\"card\"><p>Short teaser "
		"one.</p></article><article class=\"card\"><p>Short teaser "
		"two.</p></article></section></div></body>";
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.text),
		"The central bank raised its key rate by a quarter point on "
		"Wednesday.\n\nIt said inflation remained too high and further "
		"rises were possible.");
	ue_html_doc_release(&d);
}

/* A link or span inside a sentence is text, whatever its class. */
static void test_inline_junk_class(void **state)
{
	(void)state;
	const char *page =
		"<article><p>The report was first carried by <a class=\"social-link\" "
		"href=\"/r\">Reuters</a> and later <span class=\"share-quote\">"
		"confirmed</span> by officials.</p><div><span class=\"share\">"
		"Share</span></div></article>";
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.text),
		"The report was first carried by Reuters and later confirmed by "
		"officials.");
	ue_html_doc_release(&d);
}

static void test_br_and_entities(void **state)
{
	(void)state;
	const char *page =
		"<body><div id=story><p>Caf&eacute; &amp; bar&nbsp;owners said "
		"&ldquo;no&rdquo; &lt;again&gt;.<br>Second line<br/><br>"
		"after two breaks&#x21;</p>\n<pre>  keep   this\n  spacing</pre>"
		"<p>  spaces   \t and\n newlines   collapse  </p></div></body>";
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.text),
		"Caf\xc3\xa9 & bar owners said \xe2\x80\x9cno\xe2\x80\x9d "
		"<again>.\nSecond line\n\nafter two breaks!\n\n"
		"  keep   this\n  spacing\n\n"
		"spaces and newlines collapse");
	ue_html_doc_release(&d);
}

/* Old layouts: text in table cells and <font>, paragraphs made of <br>s. */
static void test_table_layout(void **state)
{
	(void)state;
	const char *page =
		"<html><body><table><tr><td class=nav><a href=1>Home</a> | "
		"<a href=2>News</a></td><td><font size=3>PYONGYANG, March 2 (KCNA) "
		"-- The statement follows in a plain table layout.<br><br>The "
		"second paragraph is separated by two line breaks.</font></td>"
		"</tr></table></body></html>";
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.text),
		"PYONGYANG, March 2 (KCNA) -- The statement follows in a plain "
		"table layout.\n\nThe second paragraph is separated by two line "
		"breaks.");
	ue_html_doc_release(&d);
}

static void test_broken_markup(void **state)
{
	(void)state;
	const char *page =
		"<html><body><article><p>First paragraph is not closed<p>Second "
		"<b>bold <i>nested</b> text</i> here</span></div><p>Third after "
		"stray end tags<table><td>cell text in a table</table><p>Unclosed "
		"<a href='x'>link</a> text and <a href='y'>more";
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.text),
		"First paragraph is not closed\n\n"
		"Second bold nested text here\n\n"
		"Third after stray end tags\n\n"
		"cell text in a table\n\n"
		"Unclosed link text and more");
	ue_html_doc_release(&d);
}

static void test_dates(void **state)
{
	(void)state;
	struct ue_html_doc d;
	extract("<time datetime='2020-01-01'>outside</time><article><time "
	        "datetime='2024-05-06T07:08:09Z'>6 May</time><p>Text.</p>"
	        "</article>", &d);
	assert_string_equal(ue_buf_str(&d.published), "2024-05-06T07:08:09Z");
	ue_html_doc_release(&d);
	extract("<meta name='pubdate' content='2024-01-02'><span "
	        "itemprop='datePublished' content='2023-12-31'></span>", &d);
	assert_string_equal(ue_buf_str(&d.published), "2023-12-31");
	ue_html_doc_release(&d);
	extract("<meta name='date' content=' 2024-01-02 '>", &d);
	assert_string_equal(ue_buf_str(&d.published), "2024-01-02");
	ue_html_doc_release(&d);
}

/* A relative canonical link loses to an absolute og:url; og:locale is
 * the language when <html> has none. */
static void test_url_and_language(void **state)
{
	(void)state;
	struct ue_html_doc d;
	extract("<link rel='canonical' href='/news/1'><meta property='og:url' "
	        "content='https://n.example/news/1'><meta property='og:locale' "
	        "content='ru_RU'>", &d);
	assert_string_equal(ue_buf_str(&d.url), "https://n.example/news/1");
	assert_string_equal(ue_buf_str(&d.language), "ru_RU");
	ue_html_doc_release(&d);
}

static void test_charset(void **state)
{
	(void)state;
	/* "Новости" and a paragraph in windows-1251. */
	const char *page =
		"<html><head><meta http-equiv='Content-Type' "
		"content='text/html; charset=windows-1251'><title>\xcd\xee\xe2"
		"\xee\xf1\xf2\xe8</title></head><body><p>\xcf\xf0\xe5\xe7\xe8\xe4"
		"\xe5\xed\xf2 \xe7\xe0\xff\xe2\xe8\xeb.</p></body></html>";
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.title),
	                    "\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8");
	assert_string_equal(ue_buf_str(&d.text),
	                    "\xd0\x9f\xd1\x80\xd0\xb5\xd0\xb7\xd0\xb8\xd0\xb4\xd0\xb5"
	                    "\xd0\xbd\xd1\x82 \xd0\xb7\xd0\xb0\xd1\x8f\xd0\xb2\xd0\xb8"
	                    "\xd0\xbb.");
	ue_html_doc_release(&d);
	/* Valid UTF-8 wins over a wrong declaration. */
	extract("<meta charset='iso-8859-1'><p>Caf\xc3\xa9</p>", &d);
	assert_string_equal(ue_buf_str(&d.text), "Caf\xc3\xa9");
	ue_html_doc_release(&d);
}

/* A hostile page of deeply nested elements finishes (gumbo's time grows
 * with depth × tags) and still yields its text. */
static void test_deep_nesting(void **state)
{
	(void)state;
	size_t n = 200000;
	const char *tail = "<p>Deep text at the bottom of the page.</p>";
	char *page = malloc(n * 5 + strlen(tail) + 1);
	assert_non_null(page);
	for (size_t i = 0; i < n; i++)
		memcpy(page + i * 5, "<div>", 5);
	strcpy(page + n * 5, tail);
	struct ue_html_doc d;
	extract(page, &d);
	assert_string_equal(ue_buf_str(&d.text),
	                    "Deep text at the bottom of the page.");
	ue_html_doc_release(&d);
	free(page);
}

static void test_empty_page(void **state)
{
	(void)state;
	struct ue_html_doc d;
	extract("", &d);
	assert_int_equal(d.text.len, 0);
	assert_int_equal(d.title.len, 0);
	ue_html_doc_release(&d);
	extract("<html><head><script>x()</script></head><body> \n</body>", &d);
	assert_int_equal(d.text.len, 0);
	ue_html_doc_release(&d);
}

/* ------------------------------------------------------------------ */

static void fragment(const char *html, const char *want)
{
	struct ue_buf out = UE_BUF_INIT;
	assert_int_equal(ue_html_fragment_text(html, strlen(html), &out), UE_OK);
	assert_string_equal(ue_buf_str(&out), want);
	ue_buf_release(&out);
}

static void test_fragment_text(void **state)
{
	(void)state;
	fragment("<p>One <b>bold</b> line.</p><p>Two<br>lines.</p>"
	         "<ul><li>item a</li><li>item b</li></ul>",
	         "One bold line.\n\nTwo\nlines.\n\nitem a\n\nitem b");
	/* No boilerplate scoring: links and short text stay. */
	fragment("<div class='share'><a href='x'>Read more</a></div>",
	         "Read more");
	/* Escaped once more than it should be. */
	fragment("&lt;p&gt;Escaped &amp;amp; para&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;",
	         "Escaped & para\n\nTwo");
	/* Plain text keeps its lines. */
	fragment("  Plain text,\n  second line.\n\n\n Next   paragraph &amp; end. ",
	         "Plain text,\nsecond line.\n\nNext paragraph & end.");
	fragment("a < b and c > d", "a < b and c > d");
	fragment("", "");
	fragment("<script>alert(1)</script><style>p{}</style>Visible",
	         "Visible");
}

static void test_fragment_appends(void **state)
{
	(void)state;
	struct ue_buf out = UE_BUF_INIT;
	ue_buf_puts(&out, "before|");
	assert_int_equal(ue_html_fragment_text("<p>a</p><p>b</p>", 16, &out),
	                 UE_OK);
	assert_string_equal(ue_buf_str(&out), "before|a\n\nb");
	ue_buf_release(&out);
}

/* ------------------------------------------------------------------ */

static void test_parse_html_record(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_page(meta_page, strlen(meta_page), 1 << 20, &g,
	                            err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.line[0], 1);
	assert_string_equal(g.format[0], "html");
	assert_null(TL_F(g, 0, ID));
	assert_string_equal(TL_F(g, 0, TITLE), "Ceasefire talks resume in Doha");
	assert_string_equal(TL_F(g, 0, AUTHOR), "Jane Doe");
	assert_string_equal(TL_F(g, 0, PUBLISHED), "2024-03-14T07:31:00Z");
	assert_string_equal(TL_F(g, 0, URL), "https://example.com/world/talks");
	assert_string_equal(TL_F(g, 0, OUTLET), "Example Times");
	assert_string_equal(TL_F(g, 0, LANGUAGE), "en-GB");
	assert_string_equal(TL_F(g, 0, TEXT),
		"Negotiators returned to Doha on Thursday for a new round of "
		"talks, officials said.\n\n"
		"The talks are expected to last several days.");
	tl_got_free(&g);
}

static void test_parse_html_absent_fields(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	const char *page = "<p>Just one paragraph of text.</p>";
	assert_int_equal(parse_page(page, strlen(page), 1 << 20, &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 1);
	for (int f = 0; f < UE_F_TEXT; f++)
		assert_null(g.field[0][f]);
	assert_string_equal(TL_F(g, 0, TEXT),
	                    "Just one paragraph of text.");
	tl_got_free(&g);
}

static void test_parse_html_no_text(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	const char *page = "<html><head><title>Only a title</title></head>"
	                   "<body><nav><a href=/>Home</a></nav></body></html>";
	assert_int_equal(parse_page(page, strlen(page), 1 << 20, &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 1);
	assert_string_equal(g.rej[0],
	                    "no article text found in HTML page");
	tl_got_free(&g);
	assert_int_equal(parse_page("", 0, 1 << 20, &g, err), UE_OK);
	assert_int_equal(g.nrej, 1);
	tl_got_free(&g);
}

static void test_parse_html_too_long(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_page(meta_page, strlen(meta_page), 50, &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 1);
	assert_string_equal(g.rej[0], "document text is 128 bytes, "
	                    "over the limit of 50 bytes");
	tl_got_free(&g);
}

/* A page larger than the slurp cap fails the file. */
static void test_parse_html_page_limit(void **state)
{
	(void)state;
	size_t n = (16u << 20) + 10;
	char *page = malloc(n);
	assert_non_null(page);
	memset(page, 'x', n);
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_page(page, n, 1000, &g, err),
	                 UE_ELIMIT);
	assert_string_equal(err, "HTML page larger than the limit of 16777216 "
	                    "bytes");
	assert_int_equal(g.n + g.nrej, 0);
	free(page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meta_tags),
		cmocka_unit_test(test_title_site_suffix),
		cmocka_unit_test(test_json_ld_article),
		cmocka_unit_test(test_json_ld_graph),
		cmocka_unit_test(test_json_ld_array),
		cmocka_unit_test(test_boilerplate),
		cmocka_unit_test(test_article_cards),
		cmocka_unit_test(test_inline_junk_class),
		cmocka_unit_test(test_br_and_entities),
		cmocka_unit_test(test_table_layout),
		cmocka_unit_test(test_broken_markup),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_url_and_language),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_empty_page),
		cmocka_unit_test(test_fragment_text),
		cmocka_unit_test(test_fragment_appends),
		cmocka_unit_test(test_parse_html_record),
		cmocka_unit_test(test_parse_html_absent_fields),
		cmocka_unit_test(test_parse_html_no_text),
		cmocka_unit_test(test_parse_html_too_long),
		cmocka_unit_test(test_parse_html_page_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
