/*
 * feed.c - RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one record per item or
 * entry.
 *
 * The feed is streamed through expat in chunks and only the item being
 * read is kept.  Elements are matched by namespace and local name, so
 * <content:encoded>, <dc:creator> and Atom's <link href> are found under
 * any prefix.  Entity declarations are refused outright: a feed has no
 * use for them, and they are how "billion laughs" documents explode.
 * References to undeclared entities (&nbsp; in a sloppy feed) are passed
 * on for the HTML reader to decode, never expanded by expat.
 */
#include "ingest/formats.h"
#include "ingest/html.h"

#include <errno.h>
#include <expat.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHUNK (64 * 1024)
#define NS_SEP '|'

enum ns { NS_CORE, NS_DC, NS_CONTENT, NS_FEEDBURNER, NS_OTHER };

/* What an item's elements are kept in. */
enum slot {
	I_TITLE, I_LINK, I_LINK_ANY, I_ORIG_LINK, I_ABOUT, I_GUID,
	I_PUBDATE, I_PUBLISHED, I_DCDATE, I_UPDATED,
	I_AUTHOR, I_CREATOR,
	I_ENCODED, I_CONTENT, I_DESCRIPTION,
	I_SOURCE, I_LANG,
	I_COUNT
};

struct item {
	struct ue_buf s[I_COUNT];
	int guid_link;        /* the guid may serve as the link */
	int over;             /* a field went over the limit */
	uint64_t line;
};

struct feed {
	XML_Parser p;
	const struct ue_sink *sink;
	struct item it;
	struct ue_buf title, lang;     /* the channel's */
	struct ue_buf out[UE_F_COUNT]; /* the record's one-line fields */
	struct ue_buf text;
	int depth;
	int atom;             /* the root is an Atom <feed> */
	int chan_depth;       /* of <channel> or <feed>; 0 outside */
	int item_depth;       /* of the open item; 0 outside */
	int author_depth;     /* of an Atom <author> being read */
	int source_depth;     /* of an Atom <source> being read */
	/* The element whose text is being captured, and into what. */
	struct ue_buf *cur;
	int cur_depth;
	size_t cur_start;     /* where this capture began in *cur */
	size_t cur_text;      /* where its text began (after a separator) */
	int cur_xhtml;        /* its text is XHTML: re-escape it */
	XML_Index last_event; /* byte index of the last event seen */
	ue_status st;         /* set when a handler stopped the parser */
	char msg[200];
};

/* ------------------------------------------------------------------ */
/* Names                                                                */
/* ------------------------------------------------------------------ */

static int has(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(s + i, needle, n))
			return 1;
	return 0;
}

/* The namespace of an expat name ("URI|local"), and its local part. */
static enum ns ns_of(const char *name, const char **local)
{
	const char *bar = strrchr(name, NS_SEP);
	if (!bar) {
		*local = name;
		return NS_CORE;
	}
	*local = bar + 1;
	size_t n = (size_t)(bar - name);
	if (has(name, n, "purl.org/dc/"))
		return NS_DC;
	if (has(name, n, "purl.org/rss/1.0/modules/content"))
		return NS_CONTENT;
	if (has(name, n, "feedburner"))
		return NS_FEEDBURNER;
	if (has(name, n, "www.w3.org/2005/Atom") ||
	    has(name, n, "purl.org/atom/ns") || has(name, n, "purl.org/rss/") ||
	    has(name, n, "my.netscape.com/rdf/simple") ||
	    has(name, n, "backend.userland.com/rss") ||
	    has(name, n, "www.w3.org/1999/02/22-rdf-syntax-ns"))
		return NS_CORE;
	return NS_OTHER;
}

static int is(enum ns ns, const char *local, enum ns want, const char *name)
{
	return ns == want && !strcmp(local, name);
}

/* An attribute by its local name (any namespace), or NULL. */
static const char *att(const XML_Char **atts, const char *local)
{
	for (; atts && atts[0]; atts += 2) {
		const char *bar = strrchr(atts[0], NS_SEP);
		if (!strcmp(bar ? bar + 1 : atts[0], local))
			return atts[1];
	}
	return NULL;
}

/* xml:lang, which expat names by the XML namespace. */
static const char *xml_lang(const XML_Char **atts)
{
	for (; atts && atts[0]; atts += 2)
		if (!strcmp(atts[0], "http://www.w3.org/XML/1998/namespace|lang"))
			return atts[1];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Capturing text                                                       */
/* ------------------------------------------------------------------ */

/* Stops the parser with status st and message msg (may be NULL). */
static void fail(struct feed *f, ue_status st, const char *msg)
{
	if (f->st)
		return;
	f->st = st;
	if (msg)
		snprintf(f->msg, sizeof f->msg, "line %lu: %s",
		         (unsigned long)XML_GetCurrentLineNumber(f->p), msg);
	XML_StopParser(f->p, XML_FALSE);
}

/* Appends to the capture; an item field that overflows marks the item. */
static void put(struct feed *f, const char *s, size_t len)
{
	ue_status st = ue_buf_append(f->cur, s, len);
	if (st == UE_ELIMIT)
		f->it.over = 1;
	else if (st)
		fail(f, st, ue_strerror(st));
}

static void put_escaped(struct feed *f, const char *s, size_t len)
{
	size_t from = 0;
	for (size_t i = 0; i < len; i++) {
		const char *e = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" :
		                s[i] == '>' ? "&gt;" : NULL;
		if (!e)
			continue;
		put(f, s + from, i - from);
		put(f, e, strlen(e));
		from = i + 1;
	}
	put(f, s + from, len - from);
}

/* Starts capturing the text of the element just opened into b; sep
 * goes between this and an earlier value (a second author). */
static void capture(struct feed *f, struct ue_buf *b, const char *sep,
                    int xhtml)
{
	f->cur = b;
	f->cur_depth = f->depth;
	f->cur_start = b->len;
	f->cur_xhtml = xhtml;
	if (sep && b->len)
		put(f, sep, strlen(sep));
	f->cur_text = b->len;
}

static int is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

static void end_capture(struct feed *f)
{
	struct ue_buf *b = f->cur;
	/* Nothing came (or only spaces): drop the separator too. */
	if (is_blank(ue_buf_str(b) + f->cur_text, b->len - f->cur_text)) {
		b->len = f->cur_start;
		if (b->data)
			b->data[b->len] = '\0';
	}
	f->cur = NULL;
}

static int is_void(const char *local)
{
	static const char *const voids[] = {
		"br", "img", "hr", "input", "meta", "link", "wbr", "area",
		"base", "col", "embed", "source", "track", "param", NULL,
	};
	for (int i = 0; voids[i]; i++)
		if (!strcmp(local, voids[i]))
			return 1;
	return 0;
}

/* Markup inside captured content (Atom XHTML, or HTML left unescaped in
 * a description) is written back as tags for the HTML reader. */
static void put_tag(struct feed *f, const char *name, int end)
{
	const char *bar = strrchr(name, NS_SEP);
	const char *local = bar ? bar + 1 : name;
	if (end && is_void(local))
		return;
	put(f, end ? "</" : "<", end ? 2 : 1);
	put(f, local, strlen(local));
	put(f, ">", 1);
}

/* ------------------------------------------------------------------ */
/* Items                                                                */
/* ------------------------------------------------------------------ */

static void item_reset(struct item *it)
{
	for (int i = 0; i < I_COUNT; i++)
		ue_buf_reset(&it->s[i]);
	it->guid_link = 0;
	it->over = 0;
	it->line = 0;
}

/* Sets an empty item field to an attribute value. */
static void set(struct feed *f, enum slot s, const char *value)
{
	if (!value || f->it.s[s].len)
		return;
	ue_status st = ue_buf_puts(&f->it.s[s], value);
	if (st == UE_ELIMIT)
		f->it.over = 1;
	else if (st)
		fail(f, st, ue_strerror(st));
}

static void begin_item(struct feed *f, const XML_Char **atts)
{
	item_reset(&f->it);
	f->item_depth = f->depth;
	f->it.line = XML_GetCurrentLineNumber(f->p);
	set(f, I_ABOUT, att(atts, "about"));
	set(f, I_LANG, xml_lang(atts));
}

/* <link>: Atom's carries href and rel (alternate by default); RSS's has
 * the URL as text. */
static void item_link(struct feed *f, const XML_Char **atts)
{
	struct item *it = &f->it;
	const char *href = att(atts, "href"), *rel = att(atts, "rel");
	if (!href) {
		if (!it->s[I_LINK].len)
			capture(f, &it->s[I_LINK], NULL, 0);
		return;
	}
	set(f, !rel || !strcmp(rel, "alternate") ? I_LINK : I_LINK_ANY, href);
}

/* Content elements: type="xhtml" holds markup, src= holds nothing. */
static void item_content(struct feed *f, enum slot s, const XML_Char **atts)
{
	const char *type = att(atts, "type");
	if (att(atts, "src") || f->it.s[s].len)
		return;
	capture(f, &f->it.s[s], NULL, type && !strcmp(type, "xhtml"));
}

static void item_child(struct feed *f, enum ns ns, const char *local,
                       const XML_Char **atts)
{
	struct item *it = &f->it;
	static const struct {
		enum ns ns;
		const char *name;
		enum slot slot;
	} simple[] = {
		{NS_CORE, "title", I_TITLE}, {NS_CORE, "pubDate", I_PUBDATE},
		{NS_CORE, "published", I_PUBLISHED}, {NS_CORE, "issued", I_PUBLISHED},
		{NS_DC, "date", I_DCDATE}, {NS_CORE, "updated", I_UPDATED},
		{NS_CORE, "modified", I_UPDATED}, {NS_FEEDBURNER, "origLink", I_ORIG_LINK},
		{NS_DC, "language", I_LANG},
	};
	for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
		if (is(ns, local, simple[i].ns, simple[i].name)) {
			if (!it->s[simple[i].slot].len)
				capture(f, &it->s[simple[i].slot], NULL, 0);
			return;
		}
	if (is(ns, local, NS_CORE, "link")) {
		item_link(f, atts);
	} else if (is(ns, local, NS_CORE, "guid") || is(ns, local, NS_CORE, "id")) {
		const char *perma = att(atts, "isPermaLink");
		if (!it->s[I_GUID].len) {
			it->guid_link = !perma || strcasecmp(perma, "false") != 0;
			capture(f, &it->s[I_GUID], NULL, 0);
		}
	} else if (is(ns, local, NS_CORE, "author")) {
		if (f->atom)
			f->author_depth = f->depth;
		else
			capture(f, &it->s[I_AUTHOR], ", ", 0);
	} else if (is(ns, local, NS_DC, "creator")) {
		capture(f, &it->s[I_CREATOR], ", ", 0);
	} else if (is(ns, local, NS_CONTENT, "encoded")) {
		item_content(f, I_ENCODED, atts);
	} else if (is(ns, local, NS_CORE, "content")) {
		item_content(f, I_CONTENT, atts);
	} else if (is(ns, local, NS_CORE, "description") ||
	           is(ns, local, NS_CORE, "summary")) {
		item_content(f, I_DESCRIPTION, atts);
	} else if (is(ns, local, NS_CORE, "source")) {
		if (f->atom)
			f->source_depth = f->depth;
		else if (!it->s[I_SOURCE].len)
			capture(f, &it->s[I_SOURCE], NULL, 0);
	}
}

/* Sets out to s on one line: whitespace runs made one space, trimmed;
 * with html, entities and markup are read first (titles are often
 * escaped twice). */
static ue_status one_line(struct ue_buf *out, const struct ue_buf *s, int html)
{
	ue_buf_reset(out);
	struct ue_buf tmp = UE_BUF_INIT;
	const char *p = ue_buf_str(s);
	size_t len = s->len;
	if (html && (memchr(p, '&', len) || memchr(p, '<', len))) {
		ue_status st = ue_html_fragment_text(p, len, &tmp);
		if (st) {
			ue_buf_release(&tmp);
			return st;
		}
		p = ue_buf_str(&tmp);
		len = tmp.len;
	}
	ue_status st = UE_OK;
	int space = 0;
	for (size_t i = 0; i < len && !st; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && out->len)
			st = ue_buf_putc(out, ' ');
		space = 0;
		if (!st)
			st = ue_buf_putc(out, (char)c);
	}
	ue_buf_release(&tmp);
	return st;
}

/* The first slot of list (ending with I_COUNT) that has a value. */
static const struct ue_buf *first(const struct item *it, const enum slot *list)
{
	for (; *list != I_COUNT; list++)
		if (it->s[*list].len)
			return &it->s[*list];
	return NULL;
}

static int is_url(const struct ue_buf *b)
{
	const char *s = ue_buf_str(b);
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

/* Fills f->out[field] from b (when not NULL). */
static ue_status set_out(struct feed *f, enum ue_field field,
                         const struct ue_buf *b, int html)
{
	if (!b)
		return UE_OK;
	return one_line(&f->out[field], b, html);
}

static ue_status item_fields(struct feed *f)
{
	static const enum slot links[] = {I_ORIG_LINK, I_LINK, I_LINK_ANY,
	                                  I_COUNT};
	static const enum slot dates[] = {I_PUBDATE, I_PUBLISHED, I_DCDATE,
	                                  I_UPDATED, I_COUNT};
	static const enum slot authors[] = {I_CREATOR, I_AUTHOR, I_COUNT};
	struct item *it = &f->it;
	const struct ue_buf *link = first(it, links);
	if (!link && it->guid_link && is_url(&it->s[I_GUID]))
		link = &it->s[I_GUID];
	if (!link && is_url(&it->s[I_ABOUT]))
		link = &it->s[I_ABOUT];
	const struct ue_buf *outlet = it->s[I_SOURCE].len ? &it->s[I_SOURCE] :
	                              f->title.len ? &f->title : NULL;
	const struct ue_buf *lang = it->s[I_LANG].len ? &it->s[I_LANG] :
	                            f->lang.len ? &f->lang : NULL;
	for (int i = 0; i < UE_F_COUNT; i++)
		ue_buf_reset(&f->out[i]);
	ue_status st;
	if ((st = set_out(f, UE_F_TITLE, &it->s[I_TITLE], 1)) ||
	    (st = set_out(f, UE_F_URL, link, 0)) ||
	    (st = set_out(f, UE_F_PUBLISHED, first(it, dates), 0)) ||
	    (st = set_out(f, UE_F_AUTHOR, first(it, authors), 1)) ||
	    (st = set_out(f, UE_F_OUTLET, outlet, 1)) ||
	    (st = set_out(f, UE_F_LANGUAGE, lang, 0)) ||
	    (st = set_out(f, UE_F_ID, &it->s[I_GUID], 0)))
		return st;
	/* The guid is an id of its own only when it is not the link. */
	const struct ue_buf *id = &f->out[UE_F_ID], *url = &f->out[UE_F_URL];
	if (id->len == url->len && !memcmp(ue_buf_str(id), ue_buf_str(url), id->len))
		ue_buf_reset(&f->out[UE_F_ID]);
	return UE_OK;
}

/* The item's text: content:encoded, else Atom content, else the
 * description or summary, read as HTML. */
static ue_status item_text(struct feed *f)
{
	static const enum slot texts[] = {I_ENCODED, I_CONTENT, I_DESCRIPTION,
	                                  I_COUNT};
	struct item *it = &f->it;
	ue_buf_reset(&f->text);
	for (const enum slot *s = texts; *s != I_COUNT; s++) {
		const struct ue_buf *b = &it->s[*s];
		if (!b->len)
			continue;
		ue_status st = ue_html_fragment_text(b->data, b->len, &f->text);
		if (st || f->text.len)
			return st;
	}
	return UE_OK;
}

static void reject(struct feed *f, const char *reason)
{
	f->sink->reject(f->sink->ctx, f->it.line, reason);
}

/* Hands the item just closed to the sink (or rejects it). */
static void end_item(struct feed *f)
{
	const struct ue_sink *sink = f->sink;
	char msg[128];
	f->item_depth = 0;
	f->author_depth = f->source_depth = 0;
	if (f->it.over) {
		snprintf(msg, sizeof msg, "feed item is over the limit of %zu "
		         "bytes", sink->max_doc_bytes);
		reject(f, msg);
		return;
	}
	ue_status st = item_text(f);
	if (!st && f->text.len == 0) {
		reject(f, "feed item has no text");
		return;
	}
	if (!st && sink->max_doc_bytes && f->text.len > sink->max_doc_bytes) {
		snprintf(msg, sizeof msg, "document text is %zu bytes, over the "
		         "limit of %zu bytes", f->text.len, sink->max_doc_bytes);
		reject(f, msg);
		return;
	}
	if (!st)
		st = item_fields(f);
	if (st) {
		fail(f, st, ue_strerror(st));
		return;
	}
	struct ue_record rec = {.line = f->it.line, .format = "rss"};
	for (int i = 0; i < UE_F_COUNT; i++)
		if (f->out[i].len)
			ue_record_set(&rec, (enum ue_field)i, f->out[i].data,
			              f->out[i].len);
	ue_record_set(&rec, UE_F_TEXT, f->text.data, f->text.len);
	if ((st = sink->record(sink->ctx, &rec)))
		fail(f, st, NULL);
}

/* ------------------------------------------------------------------ */
/* expat handlers                                                       */
/* ------------------------------------------------------------------ */

static void touch(struct feed *f)
{
	f->last_event = XML_GetCurrentByteIndex(f->p);
}

/* The root element says which kind of feed this is. */
static void on_root(struct feed *f, enum ns ns, const char *local,
                    const XML_Char **atts)
{
	const char *lang = xml_lang(atts);
	if (ns == NS_CORE && !strcmp(local, "feed")) {
		f->atom = 1;
		f->chan_depth = 1;
	} else if (!(ns == NS_CORE && (!strcmp(local, "rss") ||
	             !strcmp(local, "RDF") || !strcmp(local, "channel")))) {
		char msg[120];
		snprintf(msg, sizeof msg, "not an RSS or Atom feed (the root "
		         "element is <%.60s>)", local);
		fail(f, UE_EFORMAT, msg);
		return;
	}
	if (!strcmp(local, "channel"))
		f->chan_depth = 1;
	if (lang && ue_buf_puts(&f->lang, lang) == UE_ENOMEM)
		fail(f, UE_ENOMEM, ue_strerror(UE_ENOMEM));
}

/* An element outside any item: the channel, its title and language. */
static void on_channel(struct feed *f, enum ns ns, const char *local,
                       const XML_Char **atts)
{
	if (ns == NS_CORE && (!strcmp(local, "item") || !strcmp(local, "entry"))) {
		begin_item(f, atts);
	} else if (ns == NS_CORE && !strcmp(local, "channel") && !f->chan_depth) {
		f->chan_depth = f->depth;
	} else if (f->chan_depth && f->depth == f->chan_depth + 1) {
		if (is(ns, local, NS_CORE, "title") && !f->title.len)
			capture(f, &f->title, NULL, 0);
		else if ((is(ns, local, NS_CORE, "language") ||
		          is(ns, local, NS_DC, "language")) && !f->lang.len)
			capture(f, &f->lang, NULL, 0);
	}
}

static void XMLCALL on_start(void *ud, const XML_Char *name,
                             const XML_Char **atts)
{
	struct feed *f = ud;
	touch(f);
	f->depth++;
	if (f->cur) {
		put_tag(f, name, 0);
		return;
	}
	const char *local;
	enum ns ns = ns_of(name, &local);
	if (f->depth == 1)
		on_root(f, ns, local, atts);
	else if (!f->item_depth)
		on_channel(f, ns, local, atts);
	else if (f->depth == f->item_depth + 1)
		item_child(f, ns, local, atts);
	else if (f->author_depth && f->depth == f->author_depth + 1 &&
	         is(ns, local, NS_CORE, "name"))
		capture(f, &f->it.s[I_AUTHOR], ", ", 0);
	else if (f->source_depth && f->depth == f->source_depth + 1 &&
	         is(ns, local, NS_CORE, "title") && !f->it.s[I_SOURCE].len)
		capture(f, &f->it.s[I_SOURCE], NULL, 0);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	struct feed *f = ud;
	touch(f);
	if (f->cur && f->depth > f->cur_depth)
		put_tag(f, name, 1);
	else if (f->cur)
		end_capture(f);
	else if (f->item_depth && f->depth == f->item_depth)
		end_item(f);
	if (f->depth == f->author_depth)
		f->author_depth = 0;
	if (f->depth == f->source_depth)
		f->source_depth = 0;
	if (f->depth == f->chan_depth && !f->atom)
		f->chan_depth = 0;
	f->depth--;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct feed *f = ud;
	touch(f);
	if (!f->cur || len <= 0)
		return;
	if (f->cur_xhtml)
		put_escaped(f, s, (size_t)len);
	else
		put(f, s, (size_t)len);
}

/* A reference to an entity no one declared (RSS 0.91 names a DTD of
 * HTML's, sloppy feeds use them anyway): kept as written, for the HTML
 * reader to decode. */
static void XMLCALL on_skipped(void *ud, const XML_Char *name, int is_param)
{
	struct feed *f = ud;
	touch(f);
	if (!f->cur || is_param)
		return;
	put(f, "&", 1);
	put(f, name, strlen(name));
	put(f, ";", 1);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param,
                              const XML_Char *value, int value_len,
                              const XML_Char *base, const XML_Char *system_id,
                              const XML_Char *public_id,
                              const XML_Char *notation)
{
	(void)name, (void)is_param, (void)value, (void)value_len, (void)base;
	(void)system_id, (void)public_id, (void)notation;
	fail(ud, UE_EFORMAT, "XML entity declarations are not allowed "
	     "(entity expansion disabled)");
}

/* ------------------------------------------------------------------ */
/* Encodings expat does not know                                        */
/* ------------------------------------------------------------------ */

/* expat reads UTF-8, UTF-16, ISO-8859-1 and ASCII; other encodings
 * (windows-1251, KOI8-R, Shift_JIS, EUC-KR, GBK, Big5...) are described
 * to it byte by byte with iconv's help. */
struct encoding {
	iconv_t cd;
	int len[256];         /* sequence length by first byte */
};

/* The code point of the n bytes at s, or -1. */
static int decode(iconv_t cd, const char *s, size_t n)
{
	unsigned char out[8];
	char *in = (char *)s, *o = (char *)out;
	size_t left = n, room = sizeof out;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &in, &left, &o, &room) == (size_t)-1)
		return errno == EINVAL ? -2 : -1;
	if (left || sizeof out - room != 4 || out[3])
		return -1;
	return out[0] | out[1] << 8 | out[2] << 16;
}

static int XMLCALL convert(void *data, const char *s)
{
	struct encoding *e = data;
	int cp = decode(e->cd, s, (size_t)e->len[(unsigned char)*s]);
	return cp < 0 ? -1 : cp;
}

static void XMLCALL release(void *data)
{
	struct encoding *e = data;
	iconv_close(e->cd);
	free(e);
}

/* The length of the sequences that start with byte b (2 or 3), found
 * by trying trail bytes; 0 when none decodes. */
static int probe(iconv_t cd, unsigned char b)
{
	char s[3] = {(char)b};
	for (int n = 2; n <= 3; n++)
		for (int t = 0x40; t <= 0xFE; t++) {
			s[1] = s[2] = (char)t;
			if (decode(cd, s, (size_t)n) >= 0)
				return n;
		}
	return 0;
}

/* The label mapped as browsers map it (WHATWG Encoding). */
static const char *iconv_label(const char *name)
{
	if (!strcasecmp(name, "gb2312") || !strcasecmp(name, "x-gbk"))
		return "GBK";
	if (!strcasecmp(name, "euc-kr"))
		return "CP949";
	if (!strcasecmp(name, "shift_jis") || !strcasecmp(name, "sjis"))
		return "CP932";
	if (!strcasecmp(name, "big5"))
		return "BIG5-HKSCS";
	return name;
}

static int XMLCALL on_encoding(void *ud, const XML_Char *name,
                               XML_Encoding *info)
{
	(void)ud;
	struct encoding *e = malloc(sizeof *e);
	if (!e)
		return XML_STATUS_ERROR;
	e->cd = iconv_open("UTF-32LE", iconv_label(name));
	if (e->cd == (iconv_t)-1) {
		free(e);
		return XML_STATUS_ERROR;
	}
	for (int b = 0; b < 256; b++) {
		char c = (char)b;
		int cp = decode(e->cd, &c, 1);
		e->len[b] = cp >= 0 ? 1 : cp == -2 ? probe(e->cd, (unsigned char)b) : 0;
		info->map[b] = e->len[b] == 1 ? (cp > 0xFFFF ? -1 : cp) :
		               e->len[b] ? -e->len[b] : -1;
	}
	info->data = e;
	info->convert = convert;
	info->release = release;
	return XML_STATUS_OK;
}

/* ------------------------------------------------------------------ */
/* The parser                                                           */
/* ------------------------------------------------------------------ */

static void feed_init(struct feed *f, const struct ue_sink *sink)
{
	memset(f, 0, sizeof *f);
	f->sink = sink;
	/* Raw item fields may hold markup around the text: allow for it. */
	size_t cap = sink->max_doc_bytes;
	cap = cap > SIZE_MAX / 4 ? 0 : cap * 4;
	for (int i = 0; i < I_COUNT; i++)
		ue_buf_init(&f->it.s[i], cap);
	ue_buf_init(&f->title, cap);
	ue_buf_init(&f->lang, cap);
}

static void feed_release(struct feed *f)
{
	for (int i = 0; i < I_COUNT; i++)
		ue_buf_release(&f->it.s[i]);
	for (int i = 0; i < UE_F_COUNT; i++)
		ue_buf_release(&f->out[i]);
	ue_buf_release(&f->title);
	ue_buf_release(&f->lang);
	ue_buf_release(&f->text);
	if (f->p)
		XML_ParserFree(f->p);
}

static XML_Parser make_parser(struct feed *f)
{
	XML_Parser p = XML_ParserCreateNS(NULL, NS_SEP);
	if (!p)
		return NULL;
	XML_SetUserData(p, f);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetSkippedEntityHandler(p, on_skipped);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	/* As if every feed named an external DTD that is never read: an
	 * undeclared &nbsp; is then skipped (kept for the HTML reader by
	 * on_skipped) rather than fatal, as in sloppy feeds it often is. */
	XML_UseForeignDTD(p, XML_TRUE);
	XML_SetUnknownEncodingHandler(p, on_encoding, NULL);
	return p;
}

/* The status and message for a parse that stopped early. */
static ue_status stopped(struct feed *f, char *err, size_t errlen)
{
	if (f->st) {
		if (f->msg[0])
			snprintf(err, errlen, "%s", f->msg);
		return f->st;
	}
	enum XML_Error e = XML_GetErrorCode(f->p);
	snprintf(err, errlen, "line %lu: %s",
	         (unsigned long)XML_GetCurrentLineNumber(f->p), XML_ErrorString(e));
	return e == XML_ERROR_NO_MEMORY ? UE_ENOMEM : UE_EFORMAT;
}

/* Feeds the whole input to expat, chunk by chunk. */
static ue_status run(struct feed *f, struct ue_reader *r, size_t max_token,
                     char *err, size_t errlen)
{
	XML_Index fed = 0;
	for (;;) {
		void *buf = XML_GetBuffer(f->p, CHUNK);
		if (!buf) {
			snprintf(err, errlen, "%s", ue_strerror(UE_ENOMEM));
			return UE_ENOMEM;
		}
		long n = ue_reader_read(r, buf, CHUNK);
		if (n < 0) {
			ue_status st = r->error ? r->error : UE_EIO;
			snprintf(err, errlen, "cannot read feed: %s", ue_strerror(st));
			return st;
		}
		if (XML_ParseBuffer(f->p, (int)n, n == 0) != XML_STATUS_OK)
			return stopped(f, err, errlen);
		fed += n;
		/* expat holds an unfinished token (a tag, a comment) whole. */
		if (max_token && fed - f->last_event > (XML_Index)max_token) {
			snprintf(err, errlen, "line %lu: XML token longer than the "
			         "limit of %zu bytes",
			         (unsigned long)XML_GetCurrentLineNumber(f->p), max_token);
			return UE_ELIMIT;
		}
		if (n == 0)
			return UE_OK;
	}
}

ue_status ue_parse_feed(struct ue_reader *r, const struct ue_sink *sink,
                        size_t max_line, char *err, size_t errlen)
{
	struct feed f;
	feed_init(&f, sink);
	ue_status st = UE_ENOMEM;
	if ((f.p = make_parser(&f)))
		st = run(&f, r, max_line, err, errlen);
	else
		snprintf(err, errlen, "%s", ue_strerror(st));
	feed_release(&f);
	return st;
}
