/* test_feed.c - RSS and Atom feeds (feed.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/formats.h"
#include "testlib.h"

/* Parses feed from memory and again in 3-byte pieces, so that every
 * element and entity is split across reads somewhere: both must agree. */
static ue_status parse_feed(const char *feed, size_t max_doc,
                            struct tl_got *g, char *err)
{
	struct tl_opts o = {.max_doc = max_doc, .step = 3};
	return tl_run_with(ue_parse_feed, feed, &o, g, err);
}

static void assert_field(const struct tl_got *g, size_t i, enum ue_field f,
                         const char *want)
{
	static const char *const names[UE_F_COUNT] = {
		"id", "outlet", "url", "title", "author", "published", "language",
		"text",
	};
	if (!want) {
		if (g->field[i][f])
			fail_msg("%s: \"%s\", expected none", names[f],
			         g->field[i][f]);
		return;
	}
	if (!g->field[i][f])
		fail_msg("%s: none, expected \"%s\"", names[f], want);
	assert_string_equal(g->field[i][f], want);
}

/* ------------------------------------------------------------------ */

static const char rss2[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
	"     xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	"     xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
	"<channel>\n"
	"  <title>Example Wire &amp; Co</title>\n"
	"  <link>https://wire.example/</link>\n"
	"  <atom:link href=\"https://wire.example/feed\" rel=\"self\"/>\n"
	"  <language>en-us</language>\n"
	"  <image><title>Logo</title><url>https://wire.example/l.png</url></image>\n"
	"  <item>\n"                                              /* line 11 */
	"    <title>Ministry denies &lt;b&gt;report&lt;/b&gt;</title>\n"
	"    <link>\n      https://wire.example/2024/denies\n    </link>\n"
	"    <guid isPermaLink=\"false\">wire-12345</guid>\n"
	"    <pubDate>Mon, 04 Mar 2024 09:15:00 +0000</pubDate>\n"
	"    <dc:creator><![CDATA[Jane Doe]]></dc:creator>\n"
	"    <dc:creator>John Roe</dc:creator>\n"
	"    <description>&lt;p&gt;Short teaser&lt;/p&gt;</description>\n"
	"    <content:encoded><![CDATA[<p>The ministry on Monday denied the "
	"report.</p><p>A spokesman said &ldquo;nothing&rdquo; happened.<br/>"
	"More later.</p>]]></content:encoded>\n"
	"  </item>\n"
	"  <item>\n"                                              /* line 23 */
	"    <title>Second item</title>\n"
	"    <guid>https://wire.example/2024/second</guid>\n"
	"    <author>desk@wire.example (Desk)</author>\n"
	"    <description>&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; "
	"description.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description>\n"
	"    <source url=\"https://other.example/rss\">Other Outlet</source>\n"
	"  </item>\n"
	"</channel>\n"
	"</rss>\n";

static void test_rss2(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(rss2, 1 << 20, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.nrej, 0);
	size_t i = 0;
	assert_int_equal(g.line[i], 11);
	assert_string_equal(g.format[i], "rss");
	assert_field(&g, i, UE_F_ID, "wire-12345");
	assert_field(&g, i, UE_F_OUTLET, "Example Wire & Co");
	assert_field(&g, i, UE_F_URL, "https://wire.example/2024/denies");
	assert_field(&g, i, UE_F_TITLE, "Ministry denies report");
	assert_field(&g, i, UE_F_AUTHOR, "Jane Doe, John Roe");
	assert_field(&g, i, UE_F_PUBLISHED, "Mon, 04 Mar 2024 09:15:00 +0000");
	assert_field(&g, i, UE_F_LANGUAGE, "en-us");
	assert_field(&g, i, UE_F_TEXT,
	             "The ministry on Monday denied the report."
	             "\n\nA spokesman said \xe2\x80\x9cnothing\xe2\x80\x9d "
	             "happened.\nMore later.");
	i = 1;
	assert_int_equal(g.line[i], 23);
	/* A permalink guid is the link, and then not an id of its own. */
	assert_field(&g, i, UE_F_ID, NULL);
	assert_field(&g, i, UE_F_URL, "https://wire.example/2024/second");
	assert_field(&g, i, UE_F_OUTLET, "Other Outlet");
	assert_field(&g, i, UE_F_TITLE, "Second item");
	assert_field(&g, i, UE_F_AUTHOR, "desk@wire.example (Desk)");
	assert_field(&g, i, UE_F_PUBLISHED, NULL);
	assert_field(&g, i, UE_F_TEXT, "Escaped HTML description.\n\nTwo.");
	tl_got_free(&g);
}

/* HTML escaped twice, and plain text with its own paragraphs. */
static void test_rss_descriptions(void **state)
{
	(void)state;
	const char *feed =
		"<rss><channel><title>T</title>\n"
		"<item><description>&amp;lt;p&amp;gt;Twice &amp;amp;amp; escaped"
		"&amp;lt;/p&amp;gt;</description></item>\n"
		"<item><description>Plain line one.\nLine two.\n\n  Next "
		"paragraph.  </description></item>\n"
		"</channel></rss>";
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_field(&g, 0, UE_F_TEXT, "Twice & escaped");
	assert_field(&g, 1, UE_F_TEXT,
	             "Plain line one.\nLine two.\n\nNext paragraph.");
	assert_field(&g, 1, UE_F_TITLE, NULL);
	assert_field(&g, 1, UE_F_URL, NULL);
	tl_got_free(&g);
}

static const char atom[] =
	"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	"<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n"
	"  <title type=\"text\">Beispiel Nachrichten</title>\n"
	"  <author><name>Feed Author</name></author>\n"
	"  <entry>\n"                                             /* line 5 */
	"    <title type=\"html\">Kanzler &amp;amp; Minister</title>\n"
	"    <link rel=\"self\" href=\"https://b.example/self/1\"/>\n"
	"    <link rel=\"alternate\" type=\"text/html\" href=\"https://b.example/a/1\"/>\n"
	"    <id>tag:b.example,2024:1</id>\n"
	"    <updated>2024-03-02T12:00:00+01:00</updated>\n"
	"    <published>2024-03-01T12:00:00+01:00</published>\n"
	"    <author><name>Anna Schmidt</name><uri>https://b.example/anna</uri></author>\n"
	"    <author><name>Bernd Meier</name></author>\n"
	"    <summary>Kurzfassung.</summary>\n"
	"    <content type=\"html\">&lt;p&gt;Erster Absatz.&lt;/p&gt;&lt;p&gt;"
	"Zweiter Absatz.&lt;/p&gt;</content>\n"
	"  </entry>\n"
	"  <entry xml:lang=\"en\">\n"                             /* line 17 */
	"    <title>XHTML entry</title>\n"
	"    <link href=\"https://b.example/a/2\"/>\n"
	"    <id>https://b.example/a/2</id>\n"
	"    <updated>2024-03-03T00:00:00Z</updated>\n"
	"    <source><id>urn:x</id><title>Original Source</title></source>\n"
	"    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
	"<p>A <b>bold</b> claim &amp; 1 &lt; 2.</p><p>Line<br/>two</p></div>"
	"</content>\n"
	"  </entry>\n"
	"  <entry>\n"                                             /* line 25 */
	"    <title>Summary only</title>\n"
	"    <link rel=\"enclosure\" href=\"https://b.example/a/3.mp3\"/>\n"
	"    <content src=\"https://b.example/a/3.html\"/>\n"
	"    <summary>Nur eine Zusammenfassung.</summary>\n"
	"  </entry>\n"
	"</feed>\n";

static void test_atom(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(atom, 1 << 20, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.nrej, 0);
	size_t i = 0;
	assert_int_equal(g.line[i], 5);
	assert_field(&g, i, UE_F_ID, "tag:b.example,2024:1");
	assert_field(&g, i, UE_F_OUTLET, "Beispiel Nachrichten");
	assert_field(&g, i, UE_F_URL, "https://b.example/a/1");
	assert_field(&g, i, UE_F_TITLE, "Kanzler & Minister");
	assert_field(&g, i, UE_F_AUTHOR, "Anna Schmidt, Bernd Meier");
	assert_field(&g, i, UE_F_PUBLISHED, "2024-03-01T12:00:00+01:00");
	assert_field(&g, i, UE_F_LANGUAGE, "de");
	assert_field(&g, i, UE_F_TEXT, "Erster Absatz.\n\nZweiter Absatz.");
	i = 1;
	assert_int_equal(g.line[i], 17);
	assert_field(&g, i, UE_F_ID, NULL);
	assert_field(&g, i, UE_F_URL, "https://b.example/a/2");
	assert_field(&g, i, UE_F_OUTLET, "Original Source");
	assert_field(&g, i, UE_F_AUTHOR, NULL);
	assert_field(&g, i, UE_F_PUBLISHED, "2024-03-03T00:00:00Z");
	assert_field(&g, i, UE_F_LANGUAGE, "en");
	assert_field(&g, i, UE_F_TEXT, "A bold claim & 1 < 2.\n\nLine\ntwo");
	i = 2;
	assert_int_equal(g.line[i], 25);
	assert_field(&g, i, UE_F_URL, "https://b.example/a/3.mp3");
	assert_field(&g, i, UE_F_TEXT, "Nur eine Zusammenfassung.");
	tl_got_free(&g);
}

static void test_rdf(void **state)
{
	(void)state;
	const char *feed =
		"<?xml version=\"1.0\"?>\n"
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
		"  xmlns=\"http://purl.org/rss/1.0/\"\n"
		"  xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
		"<channel rdf:about=\"https://r.example/\">\n"
		"  <title>RDF News</title><link>https://r.example/</link>\n"
		"  <description>About</description><dc:language>ja</dc:language>\n"
		"  <items><rdf:Seq><rdf:li rdf:resource=\"https://r.example/1\"/>"
		"</rdf:Seq></items>\n"
		"</channel>\n"
		"<item rdf:about=\"https://r.example/1\">\n"           /* line 10 */
		"  <title>RDF item</title>\n"
		"  <description>Plain text description.</description>\n"
		"  <dc:date>2024-01-05T10:00:00+09:00</dc:date>\n"
		"  <dc:creator>Taro Yamada</dc:creator>\n"
		"</item>\n"
		"</rdf:RDF>\n";
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	size_t i = 0;
	assert_int_equal(g.line[i], 10);
	assert_field(&g, i, UE_F_ID, NULL);
	assert_field(&g, i, UE_F_OUTLET, "RDF News");
	assert_field(&g, i, UE_F_URL, "https://r.example/1");
	assert_field(&g, i, UE_F_TITLE, "RDF item");
	assert_field(&g, i, UE_F_AUTHOR, "Taro Yamada");
	assert_field(&g, i, UE_F_PUBLISHED, "2024-01-05T10:00:00+09:00");
	assert_field(&g, i, UE_F_LANGUAGE, "ja");
	assert_field(&g, i, UE_F_TEXT, "Plain text description.");
	tl_got_free(&g);
}

static void test_entity_bomb(void **state)
{
	(void)state;
	const char *feed =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE rss [\n"
		" <!ENTITY lol \"lol\">\n"
		" <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		" <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
		"]>\n"
		"<rss><channel><item><title>&lol3;</title>"
		"<description>&lol3;</description></item></channel></rss>\n";
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err),
	                 UE_EFORMAT);
	assert_string_equal(err, "line 3: XML entity declarations are not "
	                    "allowed (entity expansion disabled)");
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 0);
	tl_got_free(&g);
	/* Parameter entities too. */
	feed = "<!DOCTYPE rss [<!ENTITY % pe \"x\">]><rss/>";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err),
	                 UE_EFORMAT);
	assert_string_equal(err, "line 1: XML entity declarations are not "
	                    "allowed (entity expansion disabled)");
	tl_got_free(&g);
}

/* RSS 0.91's DOCTYPE declares HTML's entities in an external DTD that is
 * never read: its &eacute; still comes out right. */
static void test_rss091_doctype(void **state)
{
	(void)state;
	const char *feed =
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
		"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
		" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
		"<rss version=\"0.91\"><channel><title>Old</title>\n"
		"<item><title>Caf&eacute; \xe9</title><link>http://o.example/1</link>"
		"<description>Old &eacute; style</description></item>\n"
		"</channel></rss>\n";
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_field(&g, 0, UE_F_TITLE, "Caf\xc3\xa9 \xc3\xa9");
	assert_field(&g, 0, UE_F_TEXT, "Old \xc3\xa9 style");
	tl_got_free(&g);
}

static void test_malformed_after_two(void **state)
{
	(void)state;
	const char *feed =
		"<rss><channel><title>T</title>\n"
		"<item><title>One</title><description>first</description></item>\n"
		"<item><title>Two</title><description>second</description></item>\n"
		"<item><title>Three</title><description>third</item>\n"
		"</channel></rss>\n";
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err),
	                 UE_EFORMAT);
	assert_string_equal(err, "line 4: mismatched tag");
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[0], 2);
	assert_field(&g, 0, UE_F_TEXT, "first");
	assert_int_equal(g.line[1], 3);
	assert_field(&g, 1, UE_F_TEXT, "second");
	tl_got_free(&g);
}

static void test_no_text_rejected(void **state)
{
	(void)state;
	const char *feed =
		"<rss><channel>\n"
		"<item>\n"
		"  <title>Headline only</title>\n"
		"  <link>https://x.example/1</link>\n"
		"</item>\n"
		"<item><description> <![CDATA[ <p> </p> ]]> </description></item>\n"
		"<item><description>kept</description></item>\n"
		"</channel></rss>\n";
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err), UE_OK);
	assert_int_equal(g.nrej, 2);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0], "feed item has no text");
	assert_int_equal(g.rej_line[1], 6);
	assert_string_equal(g.rej[1], "feed item has no text");
	assert_int_equal(g.n, 1);
	assert_int_equal(g.line[0], 7);
	assert_field(&g, 0, UE_F_OUTLET, NULL);
	tl_got_free(&g);
}

static void test_item_over_limit(void **state)
{
	(void)state;
	const char *feed =
		"<rss><channel>\n"
		"<item><description>0123456789 0123456789 0123456789</description>"
		"</item>\n"
		"<item><description>&lt;p&gt;0123456789&lt;/p&gt;"
		"&lt;p&gt;0123456789&lt;/p&gt;</description></item>\n"
		"<item><description>short</description></item>\n"
		"</channel></rss>\n";
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 20, &g, err), UE_OK);
	assert_int_equal(g.nrej, 2);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0],
	                    "document text is 32 bytes, over the limit of 20 bytes");
	assert_int_equal(g.rej_line[1], 3);
	assert_string_equal(g.rej[1],
	                    "document text is 22 bytes, over the limit of 20 bytes");
	assert_int_equal(g.n, 1);
	assert_field(&g, 0, UE_F_TEXT, "short");
	tl_got_free(&g);
	/* Raw content past four times the limit is not even kept. */
	char big[256];
	snprintf(big, sizeof big, "<rss><item><description>%0100d</description>"
	         "</item></rss>", 0);
	assert_int_equal(parse_feed(big, 20, &g, err), UE_OK);
	assert_int_equal(g.nrej, 1);
	assert_string_equal(g.rej[0],
	                    "feed item is over the limit of 20 bytes");
	tl_got_free(&g);
}

static void test_sink_stops(void **state)
{
	(void)state;
	const char *feed =
		"<rss><channel>"
		"<item><description>a</description></item>"
		"<item><description>b</description></item>"
		"<item><description>c</description></item>"
		"</channel></rss>";
	struct tl_got g = {.stop_with = UE_ECANCELLED, .stop_after = 2};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err),
	                 UE_ECANCELLED);
	assert_int_equal(g.n, 2);
	tl_got_free(&g);
}

static void test_not_a_feed(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed("<html><body><p>x</p></body></html>", 1 << 20,
	                            &g, err), UE_EFORMAT);
	assert_string_equal(err, "line 1: not an RSS or Atom feed (the root "
	                    "element is <html>)");
	assert_int_equal(parse_feed("", 1 << 20, &g, err),
	                 UE_EFORMAT);
	assert_string_equal(err, "line 1: no element found");
	assert_int_equal(parse_feed("<rss><channel><item></channel>", 1 << 20,
	                            &g, err), UE_EFORMAT);
	assert_string_equal(err, "line 1: mismatched tag");
	assert_int_equal(g.n + g.nrej, 0);
}

/* HTML entities no DTD declares are read as HTML, not fatal. */
static void test_undeclared_entities(void **state)
{
	(void)state;
	const char *feed =
		"<rss><channel><title>Caf&eacute;&nbsp;News</title>\n"
		"<item><title>A&nbsp;&mdash;&nbsp;B &amp; C</title>"
		"<description>x&nbsp;y &lt;b&gt;&hellip;&lt;/b&gt;</description>"
		"</item></channel></rss>";
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_field(&g, 0, UE_F_OUTLET, "Caf\xc3\xa9 News");
	assert_field(&g, 0, UE_F_TITLE, "A \xe2\x80\x94 B & C");
	assert_field(&g, 0, UE_F_TEXT, "x y \xe2\x80\xa6");
	tl_got_free(&g);
}

/* An encoding expat does not know itself: windows-1251. */
static void test_encoding(void **state)
{
	(void)state;
	const char *feed =
		"<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n"
		"<rss><channel><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title>"
		"<item><description>\xd2\xe5\xea\xf1\xf2</description></item>"
		"</channel></rss>";
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_field(&g, 0, UE_F_OUTLET,
	             "\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8");
	assert_field(&g, 0, UE_F_TEXT,
	             "\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82");
	tl_got_free(&g);
	/* One iconv does not know either fails the file. */
	feed = "<?xml version=\"1.0\" encoding=\"x-no-such\"?><rss/>";
	assert_int_equal(parse_feed(feed, 1 << 20, &g, err),
	                 UE_EFORMAT);
	tl_got_free(&g);
}

/* A token held whole (here a comment) may not grow past max_line. */
static void test_token_limit(void **state)
{
	(void)state;
	size_t n = 3 << 20;
	char *feed = malloc(n + 64);
	assert_non_null(feed);
	memset(feed, 'x', n + 9);
	memcpy(feed, "<rss><!--", 9);
	memcpy(feed + 9 + n, "--></rss>", 10);
	struct tl_got g = {0};
	char err[TL_ERRLEN] = "";
	assert_int_equal(tl_parse(ue_parse_feed, feed, strlen(feed), NULL, &g,
	                          err), UE_ELIMIT);
	assert_string_equal(err, "line 1: XML token longer than the limit of "
	                    "1048576 bytes");
	free(feed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss2),
		cmocka_unit_test(test_rss_descriptions),
		cmocka_unit_test(test_atom),
		cmocka_unit_test(test_rdf),
		cmocka_unit_test(test_entity_bomb),
		cmocka_unit_test(test_rss091_doctype),
		cmocka_unit_test(test_malformed_after_two),
		cmocka_unit_test(test_no_text_rejected),
		cmocka_unit_test(test_item_over_limit),
		cmocka_unit_test(test_sink_stops),
		cmocka_unit_test(test_not_a_feed),
		cmocka_unit_test(test_undeclared_entities),
		cmocka_unit_test(test_encoding),
		cmocka_unit_test(test_token_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
