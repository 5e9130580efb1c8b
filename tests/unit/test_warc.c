/* test_warc.c - WARC input (lib/ingest/warc.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>

#include "ingest/formats.h"
#include "testlib.h"

static const char page[] =
	"<!DOCTYPE html>\n<html lang=\"en\"><head><title>Story title</title>\n"
	"</head><body><nav><a href=\"/\">Home</a></nav><article>\n"
	"<p>Paragraph one of the story, which is long enough to look like the "
	"main text of a news article about the harbour.</p>\n"
	"<p>Paragraph two goes on about the harbour and the boats that were "
	"seen there on Tuesday morning by several witnesses.</p>\n"
	"</article></body></html>\n";

static const char dated_page[] =
	"<html><head><title>Dated</title><meta property=\"article:published_"
	"time\" content=\"2024-05-06T07:08:09Z\"></head><body><article>\n"
	"<p>A dated story with a paragraph long enough to be the article text "
	"that the extractor keeps for the reader.</p>\n"
	"<p>Another paragraph of the dated story, again with enough words in "
	"it to count as text.</p>\n</article></body></html>\n";

/* Appends a WARC record: the version line, the header lines given (each
 * ending in CR LF), Content-Length, then the block and two CR LFs. */
static void add(struct ue_buf *b, const char *headers, const void *block,
                size_t len)
{
	ue_buf_printf(b, "WARC/1.0\r\n%sContent-Length: %zu\r\n\r\n", headers,
	              len);
	ue_buf_append(b, block, len);
	ue_buf_puts(b, "\r\n\r\n");
}

/* Appends a response record for uri with the HTTP head and body given. */
static void add_response(struct ue_buf *b, const char *uri,
                         const char *http_head, const void *body,
                         size_t len)
{
	struct ue_buf h = UE_BUF_INIT, blk = UE_BUF_INIT;
	ue_buf_printf(&h, "WARC-Type: response\r\nWARC-Target-URI: %s\r\n"
	              "WARC-Date: 2024-01-01T00:00:00Z\r\n"
	              "WARC-Record-ID: <urn:uuid:1>\r\n"
	              "Content-Type: application/http; msgtype=response\r\n",
	              uri);
	ue_buf_puts(&blk, http_head);
	ue_buf_append(&blk, body, len);
	add(b, h.data, blk.data, blk.len);
	ue_buf_release(&h);
	ue_buf_release(&blk);
}

static void add_page(struct ue_buf *b, const char *uri)
{
	add_response(b, uri, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
	             page, strlen(page));
}

/* Compresses s with zlib window bits wbits (31: gzip, 15: zlib, -15: raw
 * deflate). */
static void compress_to(struct ue_buf *out, const void *s, size_t n,
                        int wbits)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, wbits, 8,
	                              Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&z, n);
	assert_int_equal(ue_buf_reserve(out, cap), UE_OK);
	z.next_in = (Bytef *)s;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)out->data;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	out->len = cap - z.avail_out;
	deflateEnd(&z);
}

/* Chunks s into pieces of size k, with a chunk extension on the first. */
static void chunk(struct ue_buf *out, const char *s, size_t n, size_t k)
{
	for (size_t i = 0; i < n; i += k) {
		size_t m = n - i < k ? n - i : k;
		ue_buf_printf(out, "%zx%s\r\n", m, i ? "" : ";ext=1");
		ue_buf_append(out, s + i, m);
		ue_buf_puts(out, "\r\n");
	}
	ue_buf_puts(out, "0\r\nX-Trailer: y\r\n\r\n");
}

static ue_status run_buf(struct ue_buf *b, struct tl_got *g, char *err)
{
	struct tl_opts o = {.max_doc = 1 << 20};
	return tl_run_len(ue_parse_warc, b->data, b->len, &o, g, err);
}

static void test_basic(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT;
	add(&b, "WARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\n",
	    "software: test\r\n", 16);
	add(&b, "WARC-Type: request\r\nWARC-Target-URI: http://a.test/x\r\n"
	    "Content-Type: application/http; msgtype=request\r\n",
	    "GET /x HTTP/1.1\r\nHost: a.test\r\n\r\n", 33);
	add_page(&b, "<http://a.test/x>");
	add(&b, "WARC-Type: metadata\r\nContent-Type: application/warc-fields\r\n",
	    "via: x\r\n", 8);
	add_page(&b, "http://a.test/y");
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[0], 3);
	assert_string_equal(g.format[0], "warc");
	assert_string_equal(TL_F(g, 0, URL), "http://a.test/x");
	assert_string_equal(TL_F(g, 0, TITLE), "Story title");
	assert_string_equal(TL_F(g, 0, PUBLISHED), "2024-01-01T00:00:00Z");
	assert_non_null(strstr(TL_F(g, 0, TEXT), "Paragraph one of the story"));
	assert_non_null(strstr(TL_F(g, 0, TEXT), "Paragraph two goes on"));
	assert_null(strstr(TL_F(g, 0, TEXT), "Home"));
	assert_null(TL_F(g, 0, ID));
	assert_null(g.meta[0]);
	assert_int_equal(g.line[1], 5);
	assert_string_equal(TL_F(g, 1, URL), "http://a.test/y");
	ue_buf_release(&b);
	tl_got_free(&g);
}

static void test_chunked_gzip(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT, gz = UE_BUF_INIT, body = UE_BUF_INIT;
	compress_to(&gz, dated_page, strlen(dated_page), 31);
	chunk(&body, gz.data, gz.len, 37);
	add_response(&b, "http://b.test/gz", "HTTP/1.1 200 OK\r\n"
	             "Content-Type: text/html; charset=utf-8\r\n"
	             "Transfer-Encoding: chunked\r\n"
	             "Content-Encoding: gzip\r\n\r\n", body.data, body.len);
	/* A crawler that de-chunked the body but kept the header. */
	add_response(&b, "http://b.test/plain", "HTTP/1.1 200 OK\r\n"
	             "Transfer-Encoding: chunked\r\n\r\n", page, strlen(page));
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[0], 1);
	assert_string_equal(TL_F(g, 0, URL), "http://b.test/gz");
	assert_string_equal(TL_F(g, 0, TITLE), "Dated");
	assert_string_equal(TL_F(g, 0, PUBLISHED), "2024-05-06T07:08:09Z");
	assert_non_null(strstr(TL_F(g, 0, TEXT), "A dated story with a paragraph"));
	assert_string_equal(TL_F(g, 1, TITLE), "Story title");
	ue_buf_release(&b);
	ue_buf_release(&gz);
	ue_buf_release(&body);
	tl_got_free(&g);
}

static void test_deflate(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT, zl = UE_BUF_INIT, raw = UE_BUF_INIT;
	const char *head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
	                   "Content-Encoding: deflate\r\n\r\n";
	compress_to(&zl, page, strlen(page), 15);
	compress_to(&raw, page, strlen(page), -15);
	add_response(&b, "http://c.test/zlib", head, zl.data, zl.len);
	add_response(&b, "http://c.test/raw", head, raw.data, raw.len);
	/* Cut short: what was decoded is kept. */
	add_response(&b, "http://c.test/cut", head, zl.data, zl.len - 6);
	add_response(&b, "http://c.test/bad", head, "not compressed", 14);
	add_response(&b, "http://c.test/br", "HTTP/1.1 200 OK\r\n"
	             "Content-Type: text/html\r\nContent-Encoding: br\r\n\r\n",
	             "xx", 2);
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(TL_F(g, 0, URL), "http://c.test/zlib");
	assert_string_equal(TL_F(g, 1, URL), "http://c.test/raw");
	assert_string_equal(TL_F(g, 0, TEXT), TL_F(g, 1, TEXT));
	assert_string_equal(TL_F(g, 2, URL), "http://c.test/cut");
	assert_non_null(strstr(TL_F(g, 2, TEXT), "Paragraph one"));
	assert_int_equal(g.nrej, 2);
	assert_int_equal(g.rej_line[0], 4);
	assert_string_equal(g.rej[0], "WARC record 4: body is not valid gzip or "
	                    "deflate data");
	assert_int_equal(g.rej_line[1], 5);
	assert_string_equal(g.rej[1], "WARC record 5: unsupported "
	                    "Content-Encoding br");
	ue_buf_release(&b);
	ue_buf_release(&zl);
	ue_buf_release(&raw);
	tl_got_free(&g);
}

static void test_skipped(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT;
	add_response(&b, "http://d.test/404", "HTTP/1.1 404 Not Found\r\n"
	             "Content-Type: text/html\r\n\r\n", page, strlen(page));
	add_response(&b, "http://d.test/301", "HTTP/1.1 301 Moved\r\n"
	             "Location: /x\r\n\r\n", "", 0);
	add_response(&b, "http://d.test/png", "HTTP/1.1 200 OK\r\n"
	             "Content-Type: image/png\r\n\r\n", "\x89PNG", 4);
	add_response(&b, "http://d.test/txt", "HTTP/1.1 200 OK\r\n\r\n",
	             "plain words", 11);
	add(&b, "WARC-Type: revisit\r\nWARC-Target-URI: http://d.test/\r\n"
	    "Content-Type: application/http; msgtype=response\r\n",
	    "HTTP/1.1 200 OK\r\n\r\n", 19);
	add(&b, "WARC-Type: resource\r\nWARC-Target-URI: http://d.test/r.txt\r\n"
	    "Content-Type: text/plain\r\n", "hello", 5);
	add(&b, "WARC-Type: response\r\nContent-Type: text/dns\r\n",
	    "a.test. A 1.2.3.4", 17);
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 0);
	tl_got_free(&g);

	/* An HTML resource, and a response without Content-Type that is
	 * HTML by its look (HTTP/2 status line, LF line ends). */
	ue_buf_reset(&b);
	add(&b, "WARC-Type: resource\r\nWARC-Target-URI: file:///p.html\r\n"
	    "WARC-Date: 2023-02-03T04:05:06Z\r\n"
	    "Content-Type: text/html;charset=utf-8\r\n", page, strlen(page));
	add_response(&b, "http://d.test/h2", "HTTP/2 200\n\n", page,
	             strlen(page));
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(TL_F(g, 0, URL), "file:///p.html");
	assert_string_equal(TL_F(g, 0, PUBLISHED), "2023-02-03T04:05:06Z");
	assert_string_equal(TL_F(g, 1, URL), "http://d.test/h2");
	ue_buf_release(&b);
	tl_got_free(&g);
}

static void test_garbage(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT;
	ue_buf_puts(&b, "\r\n");
	add_page(&b, "http://e.test/1");
	ue_buf_puts(&b, "garbage line\r\nmore garbage\r\nWARC/ no\r\n");
	add_page(&b, "http://e.test/2");
	ue_buf_puts(&b, "\r\n\r\n\r\n");
	add_page(&b, "http://e.test/3");
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.line[1], 2);
	assert_string_equal(TL_F(g, 1, URL), "http://e.test/2");
	assert_int_equal(g.line[2], 3);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 2);
	assert_string_equal(g.rej[0],
	                    "WARC record 2: expected a WARC/ version line");
	ue_buf_release(&b);
	tl_got_free(&g);
}

static void test_truncated(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT;
	add_page(&b, "http://f.test/1");
	size_t whole = b.len;
	add_page(&b, "http://f.test/2");
	size_t second = b.len - whole;
	b.len = whole + second - 100;   /* the last 100 bytes are missing */
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 1);
	assert_int_equal(g.rej_line[0], 2);
	size_t block = strlen(page) + strlen("HTTP/1.1 200 OK\r\n"
	                                     "Content-Type: text/html\r\n\r\n");
	char want[128];
	snprintf(want, sizeof want, "WARC record 2: truncated: block of %zu "
	         "bytes, %zu present", block, block - 96);
	assert_string_equal(g.rej[0], want);
	tl_got_free(&g);

	b.len = whole + 40;   /* inside the header */
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.nrej, 1);
	assert_string_equal(g.rej[0], "WARC record 2: truncated in the header");
	ue_buf_release(&b);
	tl_got_free(&g);
}

static void test_bad_headers(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT;
	ue_buf_puts(&b, "WARC/1.1\r\nWARC-Type: response\r\n\r\nlost block\r\n"
	            "\r\n");
	add_page(&b, "http://g.test/2");
	ue_buf_puts(&b, "WARC/1.1\r\nContent-Length: 12x\r\n\r\nlost\r\n\r\n");
	ue_buf_puts(&b, "WARC/1.1\r\nContent-Length: 99999999999999999999\r\n"
	            "\r\n");
	ue_buf_puts(&b, "WARC/1.1\r\n");
	for (int i = 0; i < 300; i++)
		ue_buf_puts(&b, "X-Many: header\r\n");
	ue_buf_puts(&b, "\r\n");
	add_page(&b, "http://g.test/6");
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.line[0], 2);
	assert_int_equal(g.line[1], 6);
	assert_string_equal(TL_F(g, 1, URL), "http://g.test/6");
	assert_int_equal(g.nrej, 4);
	assert_string_equal(g.rej[0], "WARC record 1: no Content-Length");
	assert_string_equal(g.rej[1], "WARC record 3: bad Content-Length");
	assert_string_equal(g.rej[2], "WARC record 4: bad Content-Length");
	assert_string_equal(g.rej[3], "WARC record 5: more than 256 header "
	                    "lines");
	ue_buf_release(&b);
	tl_got_free(&g);
}

static void test_old_version_lf(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT, blk = UE_BUF_INIT;
	ue_buf_puts(&blk, "HTTP/1.0 200 OK\nContent-Type: text/html\n\n");
	ue_buf_puts(&blk, page);
	ue_buf_printf(&b, "WARC/0.18\nWARC-Type: response\n"
	              "WARC-Target-URI: http://h.test/\nContent-Length: %zu\n\n",
	              blk.len);
	ue_buf_append(&b, blk.data, blk.len);
	ue_buf_puts(&b, "\n\n");
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.nrej, 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(TL_F(g, 0, URL), "http://h.test/");
	assert_null(TL_F(g, 0, PUBLISHED));
	ue_buf_release(&b);
	ue_buf_release(&blk);
	tl_got_free(&g);
}

static void test_limits(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT, blk = UE_BUF_INIT, gz = UE_BUF_INIT;
	/* A block over 16 MB (the floor of 4 x max_doc) is skipped. */
	size_t big = ((size_t)16 << 20) + 1;
	assert_int_equal(ue_buf_reserve(&blk, big), UE_OK);
	memset(blk.data, 'x', big);
	blk.len = big;
	add(&b, "WARC-Type: response\r\n", blk.data, blk.len);
	/* A body that inflates past the limit. */
	size_t zeros = (size_t)20 << 20;
	memset(blk.data, 0, big);
	char *z = calloc(1, zeros);
	assert_non_null(z);
	compress_to(&gz, z, zeros, 31);
	free(z);
	add_response(&b, "http://i.test/bomb", "HTTP/1.1 200 OK\r\n"
	             "Content-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n",
	             gz.data, gz.len);
	add_page(&b, "http://i.test/3");
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.line[0], 3);
	assert_int_equal(g.nrej, 2);
	assert_string_equal(g.rej[0], "WARC record 1: block of 16777217 bytes "
	                    "over the limit");
	assert_string_equal(g.rej[1], "WARC record 2: decompressed body over the "
	                    "limit of 16777216 bytes");
	tl_got_free(&g);

	/* max_doc_bytes applies to the extracted text. */
	ue_buf_reset(&b);
	add_page(&b, "http://i.test/4");
	struct tl_opts o = {.max_doc = 20};
	assert_int_equal(tl_run_len(ue_parse_warc, b.data, b.len, &o, &g, err),
	                 UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 1);
	assert_non_null(strstr(g.rej[0], "WARC record 1: text of "));
	assert_non_null(strstr(g.rej[0], " bytes over the limit of 20 bytes"));
	ue_buf_release(&b);
	ue_buf_release(&blk);
	ue_buf_release(&gz);
	tl_got_free(&g);
}

static void test_no_text(void **state)
{
	(void)state;
	struct tl_got g = {0};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT;
	const char *empty = "<html><head><title>t</title></head><body></body>"
	                    "</html>";
	add_response(&b, "http://j.test/", "HTTP/1.1 200 OK\r\nContent-Type: "
	             "text/html\r\n\r\n", empty, strlen(empty));
	add_response(&b, "http://j.test/x", "garbage\r\n\r\n", page,
	             strlen(page));
	assert_int_equal(run_buf(&b, &g, err), UE_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(g.nrej, 2);
	assert_string_equal(g.rej[0], "WARC record 1: no article text in the "
	                    "page");
	assert_string_equal(g.rej[1], "WARC record 2: response without an HTTP "
	                    "status line");
	ue_buf_release(&b);
	tl_got_free(&g);
}

static void test_sink_stops(void **state)
{
	(void)state;
	struct tl_got g = {.stop_with = UE_ECANCELLED};
	char err[TL_ERRLEN];
	struct ue_buf b = UE_BUF_INIT;
	add_page(&b, "http://k.test/1");
	add_page(&b, "http://k.test/2");
	assert_int_equal(run_buf(&b, &g, err), UE_ECANCELLED);
	assert_int_equal(g.n, 1);
	ue_buf_release(&b);
	tl_got_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_chunked_gzip),
		cmocka_unit_test(test_deflate),
		cmocka_unit_test(test_skipped),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_headers),
		cmocka_unit_test(test_old_version_lf),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_no_text),
		cmocka_unit_test(test_sink_stops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
