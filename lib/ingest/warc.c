/*
 * warc.c - WARC 1.0 and 1.1 (and 0.18) input: each 2xx HTML response,
 * and each HTML resource record, becomes a document whose URL is the
 * WARC-Target-URI.  Other records (warcinfo, request, metadata, revisit,
 * responses that are not HTML or not 2xx) are skipped without a word.
 *
 * Records are read one at a time, so only a record's block is limited.
 * They are numbered from 1 in the file and that number is the record's
 * line.  HTTP bodies are de-chunked and gzip/deflate decoded (with limits
 * on size and ratio) before the page goes to ue_html_extract.  .warc.gz
 * files are decompressed before they get here.
 */
#include "ingest/formats.h"
#include "ingest/html.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#define ZLIB_CONST
#include <zlib.h>

#define MAX_HEAD_LINE ((size_t)64 << 10)
#define MAX_HEAD_LINES 256
#define MIN_BLOCK_CAP ((size_t)16 << 20)
#define MAX_RATIO 1000
#define ABSURD_LENGTH ((uint64_t)1 << 40)   /* no record is a terabyte */

/* The WARC header fields that matter here; the first of each counts. */
struct head {
	struct ue_buf type, uri, date, content_type;
	uint64_t length;
	int has_length, bad_length;
};

/* One parse. */
struct warc {
	struct ue_reader *r;
	const struct ue_sink *sink;
	size_t max_block;        /* larger blocks are skipped */
	uint64_t n;              /* records seen so far */
	int ended;               /* input ended inside a record */
	struct ue_buf line;
	struct head h;
	struct ue_buf block;     /* the record's block */
	struct ue_buf dechunked;
	struct ue_buf inflated;
};

/* What an HTTP response's head says. */
struct http {
	int status;
	const char *type, *encoding;   /* NULL when absent */
	size_t type_len, encoding_len;
	int chunked;
	const char *body;
	size_t body_len;
};

static void reject(struct warc *w, uint64_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reports record n as rejected, "WARC record N: " before the reason. */
static void reject(struct warc *w, uint64_t n, const char *fmt, ...)
{
	char msg[256];
	int k = snprintf(msg, sizeof msg, "WARC record %" PRIu64 ": ", n);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg + k, sizeof msg - (size_t)k, fmt, ap);
	va_end(ap);
	w->sink->reject(w->sink->ctx, n, msg);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_space((*s)[0]))
		(*s)++, (*n)--;
	while (*n && is_space((*s)[*n - 1]))
		(*n)--;
}

/* s (n bytes) is word, without regard to case. */
static int is(const char *s, size_t n, const char *word)
{
	return n == strlen(word) && strncasecmp(s, word, n) == 0;
}

/* The media type of a Content-Type value, without parameters. */
static void media_type(const char **s, size_t *n)
{
	const char *semi = memchr(*s, ';', *n);
	if (semi)
		*n = (size_t)(semi - *s);
	trim(s, n);
}

static int is_html_type(const char *s, size_t n)
{
	media_type(&s, &n);
	return is(s, n, "text/html") || is(s, n, "application/xhtml+xml");
}

/* The first bytes of s look like an HTML page. */
static int looks_like_html(const char *s, size_t n)
{
	static const char *const starts[] = {
		"<!doctype html", "<html", "<head", "<body", "<!--", "<meta",
		"<title",
	};
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, n -= 3;
	trim(&s, &n);
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		size_t k = strlen(starts[i]);
		if (n >= k && strncasecmp(s, starts[i], k) == 0)
			return 1;
	}
	return 0;
}

/* A decimal number of at most ABSURD_LENGTH; 0 when s is not one. */
static int parse_length(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (uint64_t)(s[i] - '0');
		if (v > ABSURD_LENGTH)
			return 0;
	}
	*out = v;
	return 1;
}

static void head_reset(struct head *h)
{
	ue_buf_reset(&h->type);
	ue_buf_reset(&h->uri);
	ue_buf_reset(&h->date);
	ue_buf_reset(&h->content_type);
	h->length = 0;
	h->has_length = h->bad_length = 0;
}

/* Keeps a header value when it is the first of its name. */
static ue_status keep(struct ue_buf *b, const char *v, size_t n)
{
	return b->len ? UE_OK : ue_buf_append(b, v, n);
}

/* One "Name: value" line of a WARC header. */
static ue_status head_field(struct head *h, const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n);
	if (!colon)
		return UE_OK;
	const char *name = s, *v = colon + 1;
	size_t nlen = (size_t)(colon - s), vlen = n - nlen - 1;
	trim(&name, &nlen);
	trim(&v, &vlen);
	if (is(name, nlen, "WARC-Type"))
		return keep(&h->type, v, vlen);
	if (is(name, nlen, "WARC-Target-URI"))
		return keep(&h->uri, v, vlen);
	if (is(name, nlen, "WARC-Date"))
		return keep(&h->date, v, vlen);
	if (is(name, nlen, "Content-Type"))
		return keep(&h->content_type, v, vlen);
	if (is(name, nlen, "Content-Length") && !h->has_length &&
	    !h->bad_length) {
		h->has_length = parse_length(v, vlen, &h->length);
		h->bad_length = !h->has_length;
	}
	return UE_OK;
}

/* A line that starts a record: "WARC/" and a version number. */
static int is_version(const struct ue_buf *line)
{
	return line->len > 5 && memcmp(line->data, "WARC/", 5) == 0 &&
	       line->data[5] >= '0' && line->data[5] <= '9';
}

static int is_blank_line(const struct ue_buf *line)
{
	return line->len == 0 || (line->len == 1 && line->data[0] == '\r');
}

/*
 * Reads up to the next version line.  Blank lines are passed over; other
 * lines are reported once (unless quiet: the record before was already
 * rejected).  Returns UE_ENOTFOUND at the end of input.
 */
static ue_status find_version(struct warc *w, int quiet)
{
	for (;;) {
		ue_status st = ue_reader_getline(w->r, &w->line, MAX_HEAD_LINE);
		if (st && (st != UE_ELIMIT || w->r->error))
			return st;
		if (!st && is_version(&w->line))
			return UE_OK;
		if (!st && is_blank_line(&w->line))
			continue;
		if (!quiet)
			reject(w, w->n + 1, "expected a WARC/ version line");
		quiet = 1;
	}
}

/*
 * Reads the header lines of record w->n into w->h.  Sets *bad for a bad
 * header (rejected; the caller looks for the next record) and w->ended
 * when input ends (rejected as truncated).  Fails only on read errors.
 */
static ue_status read_head(struct warc *w, int *bad)
{
	*bad = 1;
	head_reset(&w->h);
	for (int i = 0;; i++) {
		if (i == MAX_HEAD_LINES) {
			reject(w, w->n, "more than %d header lines",
			       MAX_HEAD_LINES);
			return UE_OK;
		}
		ue_status st = ue_reader_getline(w->r, &w->line, MAX_HEAD_LINE);
		if (st == UE_ENOTFOUND) {
			reject(w, w->n, "truncated in the header");
			w->ended = 1;
			return UE_OK;
		}
		if (st == UE_ELIMIT && !w->r->error) {
			reject(w, w->n, "header line longer than %zu bytes",
			       MAX_HEAD_LINE);
			return UE_OK;
		}
		if (st)
			return st;
		if (is_blank_line(&w->line))
			break;
		if ((st = head_field(&w->h, w->line.data, w->line.len)))
			return st;
	}
	if (!w->h.has_length) {
		reject(w, w->n, "%s Content-Length",
		       w->h.bad_length ? "bad" : "no");
		return UE_OK;
	}
	*bad = 0;
	return UE_OK;
}

static void truncated(struct warc *w, uint64_t want, uint64_t got)
{
	w->ended = 1;
	reject(w, w->n, "truncated: block of %" PRIu64 " bytes, %" PRIu64
	       " present", want, got);
}

/* Reads and drops len bytes; sets w->ended (rejected) when input ends. */
static ue_status skip(struct warc *w, uint64_t len)
{
	char buf[16384];
	uint64_t left = len;
	while (left) {
		size_t want = left < sizeof buf ? (size_t)left : sizeof buf;
		long k = ue_reader_read(w->r, buf, want);
		if (k < 0)
			return w->r->error;
		if (k == 0) {
			truncated(w, len, len - left);
			return UE_OK;
		}
		left -= (uint64_t)k;
	}
	return UE_OK;
}

/* Reads the block (len bytes, at most max_block) into w->block, growing
 * it as bytes arrive; sets w->ended (rejected) when input ends first. */
static ue_status read_block(struct warc *w, size_t len)
{
	struct ue_buf *b = &w->block;
	ue_buf_reset(b);
	while (b->len < len) {
		size_t want = len - b->len < 65536 ? len - b->len : 65536;
		ue_status st = ue_buf_reserve(b, want);
		if (st)
			return st;
		long k = ue_reader_read(w->r, b->data + b->len, want);
		if (k < 0)
			return w->r->error;
		if (k == 0) {
			truncated(w, len, b->len);
			return UE_OK;
		}
		b->len += (size_t)k;
		b->data[b->len] = '\0';
	}
	return UE_OK;
}

/* Whether a record may hold a page: a response carrying HTTP, or a
 * resource that is HTML. */
static int is_candidate(const struct head *h)
{
	const char *ct = ue_buf_str(&h->content_type);
	size_t n = h->content_type.len;
	media_type(&ct, &n);
	if (is(h->type.data, h->type.len, "response"))
		return n == 0 || (is(ct, n, "application/http") &&
		                  !strstr(ue_buf_str(&h->content_type),
		                          "msgtype=request"));
	if (is(h->type.data, h->type.len, "resource"))
		return is_html_type(ct, n);
	return 0;
}

/* The line at *off of s without its CR LF; moves *off past it.  Returns
 * 0 when no LF is left. */
static int http_line(const char *s, size_t n, size_t *off, const char **line,
                     size_t *len)
{
	const char *nl = *off < n ? memchr(s + *off, '\n', n - *off) : NULL;
	if (!nl)
		return 0;
	*line = s + *off;
	*len = (size_t)(nl - *line);
	if (*len && (*line)[*len - 1] == '\r')
		(*len)--;
	*off = (size_t)(nl - s) + 1;
	return 1;
}

/* Splits an HTTP response into status, the headers that matter and the
 * body.  Returns 0 when it does not start with an HTTP status line. */
static int parse_http(const char *s, size_t n, struct http *h)
{
	memset(h, 0, sizeof *h);
	size_t off = 0, len;
	const char *line;
	if (!http_line(s, n, &off, &line, &len) || len < 5 ||
	    memcmp(line, "HTTP/", 5) != 0)
		return 0;
	const char *sp = memchr(line, ' ', len);
	if (!sp || line + len - sp < 4)
		return 0;
	for (int i = 1; i <= 3; i++) {
		if (sp[i] < '0' || sp[i] > '9')
			return 0;
		h->status = h->status * 10 + (sp[i] - '0');
	}
	while (http_line(s, n, &off, &line, &len) && len) {
		const char *colon = memchr(line, ':', len);
		if (!colon)
			continue;
		const char *name = line, *v = colon + 1;
		size_t nlen = (size_t)(colon - line), vlen = len - nlen - 1;
		trim(&name, &nlen);
		trim(&v, &vlen);
		if (is(name, nlen, "Content-Type") && !h->type)
			h->type = v, h->type_len = vlen;
		else if (is(name, nlen, "Content-Encoding") && !h->encoding)
			h->encoding = v, h->encoding_len = vlen;
		else if (is(name, nlen, "Transfer-Encoding") && vlen >= 7)
			h->chunked |= is(v + vlen - 7, 7, "chunked");
	}
	h->body = s + off;
	h->body_len = n - off;
	return 1;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/*
 * De-chunks a "Transfer-Encoding: chunked" body into out.  A body that
 * does not start with a chunk size was de-chunked by the crawler already
 * and is taken as it is; one cut short keeps the chunks before the cut.
 */
static ue_status dechunk(const char *s, size_t n, struct ue_buf *out)
{
	size_t i = 0;
	for (int first = 1; i < n; first = 0) {
		size_t size = 0, digits = 0;
		int v;
		for (; i < n && (v = hex_value(s[i])) >= 0; i++, digits++) {
			if (size > SIZE_MAX >> 4)
				return UE_OK;
			size = size << 4 | (size_t)v;
		}
		int ends = i < n && s[i] && strchr("\r\n; \t", s[i]);
		if (!digits || !ends)
			return first ? ue_buf_append(out, s, n) : UE_OK;
		const char *nl = memchr(s + i, '\n', n - i);
		if (!nl || size == 0)
			return UE_OK;
		i = (size_t)(nl - s) + 1;
		size_t take = size < n - i ? size : n - i;
		if (ue_buf_append(out, s + i, take))
			return UE_ENOMEM;
		i += take;
		i += i < n && s[i] == '\r';
		i += i < n && s[i] == '\n';
	}
	return UE_OK;
}

/*
 * Inflates in into out with zlib window bits wbits, writing at most limit
 * bytes.  A stream cut short keeps what it gave.  Returns UE_ELIMIT past
 * the limit, UE_EFORMAT for data that is not what wbits says.
 */
static ue_status inflate_with(const char *in, size_t n, int wbits,
                              size_t limit, struct ue_buf *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, wbits) != Z_OK)
		return UE_ENOMEM;
	ue_buf_reset(out);
	ue_status st = UE_OK;
	size_t off = 0;
	int ret = Z_OK;
	while (ret != Z_STREAM_END) {
		if (z.avail_in == 0 && off < n) {
			size_t k = n - off < (1u << 30) ? n - off : (1u << 30);
			z.next_in = (const Bytef *)in + off;
			z.avail_in = (uInt)k;
			off += k;
		}
		if (out->len > limit) {
			st = UE_ELIMIT;
			break;
		}
		size_t room = limit + 1 - out->len < 65536 ?
		              limit + 1 - out->len : 65536;
		if ((st = ue_buf_reserve(out, room)))
			break;
		z.next_out = (Bytef *)out->data + out->len;
		z.avail_out = (uInt)room;
		ret = inflate(&z, Z_NO_FLUSH);
		size_t made = room - z.avail_out;
		out->len += made;
		if (ret == Z_NEED_DICT || ret == Z_DATA_ERROR) {
			st = UE_EFORMAT;
			break;
		}
		if (ret == Z_MEM_ERROR) {
			st = UE_ENOMEM;
			break;
		}
		if (ret == Z_BUF_ERROR && z.avail_in == 0 && off == n)
			break;   /* cut short */
	}
	if (out->data)
		out->data[out->len] = '\0';
	inflateEnd(&z);
	return st;
}

/* Decodes a gzip or deflate body (zlib-wrapped, or raw as some servers
 * send it) into out; a size limit of max_block and MAX_RATIO. */
static ue_status decode(struct warc *w, const char *in, size_t n,
                        struct ue_buf *out)
{
	size_t limit = w->max_block;
	if (n < limit / MAX_RATIO)
		limit = n * MAX_RATIO;
	ue_status st = inflate_with(in, n, 15 + 32, limit, out);
	if (st == UE_EFORMAT && out->len == 0)
		st = inflate_with(in, n, -15, limit, out);
	if (st == UE_ELIMIT)
		reject(w, w->n, "decompressed body over the limit of %zu bytes",
		       limit);
	else if (st == UE_EFORMAT)
		reject(w, w->n, "body is not valid gzip or deflate data");
	return st;
}

/*
 * The page of a response record: 2xx, HTML, de-chunked and decoded.
 * Returns UE_ENOTFOUND when the record holds no page (rejected if it
 * should have), or UE_ENOMEM.
 */
static ue_status response_page(struct warc *w, const char **page,
                               size_t *len)
{
	struct http h;
	if (!parse_http(ue_buf_str(&w->block), w->block.len, &h)) {
		reject(w, w->n, "response without an HTTP status line");
		return UE_ENOTFOUND;
	}
	if (h.status < 200 || h.status > 299 ||
	    (h.type && !is_html_type(h.type, h.type_len)))
		return UE_ENOTFOUND;
	*page = h.body;
	*len = h.body_len;
	ue_buf_reset(&w->dechunked);
	if (h.chunked) {
		if (dechunk(*page, *len, &w->dechunked))
			return UE_ENOMEM;
		*page = ue_buf_str(&w->dechunked);
		*len = w->dechunked.len;
	}
	const char *enc = h.encoding;
	size_t elen = h.encoding_len;
	if (enc && elen && !is(enc, elen, "identity")) {
		if (!is(enc, elen, "gzip") && !is(enc, elen, "x-gzip") &&
		    !is(enc, elen, "deflate")) {
			reject(w, w->n, "unsupported Content-Encoding %.*s",
			       elen > 40 ? 40 : (int)elen, enc);
			return UE_ENOTFOUND;
		}
		ue_status st = decode(w, *page, *len, &w->inflated);
		if (st)
			return st == UE_ENOMEM ? st : UE_ENOTFOUND;
		*page = ue_buf_str(&w->inflated);
		*len = w->inflated.len;
	}
	if (!h.type && !looks_like_html(*page, *len))
		return UE_ENOTFOUND;
	return UE_OK;
}

/* The target URI without the <> of WARC/1.0 examples. */
static void target_uri(const struct ue_buf *b, const char **s, size_t *n)
{
	*s = ue_buf_str(b);
	*n = b->len;
	if (*n >= 2 && (*s)[0] == '<' && (*s)[*n - 1] == '>')
		(*s)++, *n -= 2;
	trim(s, n);
}

static void set_buf(struct ue_record *rec, enum ue_field f,
                    const struct ue_buf *b)
{
	if (b->len)
		ue_record_set(rec, f, b->data, b->len);
}

/* Hands a page's article to the sink, or rejects the page. */
static ue_status deliver_doc(struct warc *w, const struct ue_html_doc *d)
{
	size_t max_doc = w->sink->max_doc_bytes;
	if (d->text.len == 0) {
		reject(w, w->n, "no article text in the page");
		return UE_OK;
	}
	if (max_doc && d->text.len > max_doc) {
		reject(w, w->n, "text of %zu bytes over the limit of %zu bytes",
		       d->text.len, max_doc);
		return UE_OK;
	}
	struct ue_record rec = {.line = w->n, .format = "warc"};
	const char *uri;
	size_t ulen;
	target_uri(&w->h.uri, &uri, &ulen);
	if (ulen)
		ue_record_set(&rec, UE_F_URL, uri, ulen);
	else
		set_buf(&rec, UE_F_URL, &d->url);
	set_buf(&rec, UE_F_TITLE, &d->title);
	set_buf(&rec, UE_F_AUTHOR, &d->author);
	set_buf(&rec, UE_F_OUTLET, &d->outlet);
	set_buf(&rec, UE_F_LANGUAGE, &d->language);
	set_buf(&rec, UE_F_PUBLISHED, d->published.len ? &d->published
	                                               : &w->h.date);
	set_buf(&rec, UE_F_TEXT, &d->text);
	return w->sink->record(w->sink->ctx, &rec);
}

/* Extracts the article from a page and delivers it. */
static ue_status deliver(struct warc *w, const char *page, size_t len)
{
	struct ue_html_doc d;
	ue_html_doc_init(&d);
	ue_status st = ue_html_extract(page, len, &d);
	if (!st)
		st = deliver_doc(w, &d);
	ue_html_doc_release(&d);
	return st;
}

/* The record's block, once its header is read: skipped, or read and
 * turned into a document. */
static ue_status read_body(struct warc *w)
{
	uint64_t len = w->h.length;
	if (!is_candidate(&w->h))
		return skip(w, len);
	if (len > w->max_block) {
		reject(w, w->n, "block of %" PRIu64 " bytes over the limit",
		       len);
		return skip(w, len);
	}
	ue_status st = read_block(w, (size_t)len);
	if (st || w->ended)
		return st;
	const char *page = ue_buf_str(&w->block);
	size_t plen = w->block.len;
	if (is(w->h.type.data, w->h.type.len, "response") &&
	    (st = response_page(w, &page, &plen)))
		return st == UE_ENOTFOUND ? UE_OK : st;
	return deliver(w, page, plen);
}

/* The largest block read: four times a document, at least 16 MB. */
static size_t block_cap(size_t max_doc)
{
	if (max_doc > SIZE_MAX / 4)
		return SIZE_MAX;
	return max_doc * 4 > MIN_BLOCK_CAP ? max_doc * 4 : MIN_BLOCK_CAP;
}

static void warc_init(struct warc *w, struct ue_reader *r,
                      const struct ue_sink *sink)
{
	memset(w, 0, sizeof *w);
	w->r = r;
	w->sink = sink;
	w->max_block = block_cap(sink->max_doc_bytes);
	struct ue_buf *bufs[] = {
		&w->line, &w->h.type, &w->h.uri, &w->h.date, &w->h.content_type,
		&w->block, &w->dechunked, &w->inflated,
	};
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		ue_buf_init(bufs[i], 0);
}

static void warc_release(struct warc *w)
{
	struct ue_buf *bufs[] = {
		&w->line, &w->h.type, &w->h.uri, &w->h.date, &w->h.content_type,
		&w->block, &w->dechunked, &w->inflated,
	};
	for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
		ue_buf_release(bufs[i]);
}

ue_status ue_parse_warc(struct ue_reader *r, const struct ue_sink *sink,
                        size_t max_line, char *err, size_t errlen)
{
	(void)max_line;   /* header lines have their own limit */
	struct warc w;
	warc_init(&w, r, sink);
	ue_status st = UE_OK;
	int bad = 0;
	while (!w.ended && !(st = find_version(&w, bad))) {
		w.n++;
		st = read_head(&w, &bad);
		if (!st && !bad && !w.ended)
			st = read_body(&w);
		if (st)
			break;
	}
	if (st == UE_ENOTFOUND)
		st = UE_OK;
	if (st && r->error && err[0] == '\0')
		snprintf(err, errlen, "read error: %s", ue_strerror(st));
	warc_release(&w);
	return st;
}
