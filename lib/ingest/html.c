/*
 * html.c - article extraction from HTML pages, and the HTML page parser.
 *
 * gumbo parses any bytes into a tree (it never fails on bad markup).  The
 * tree is read twice: once for what the page says about itself (meta tags,
 * JSON-LD, <title>), once to cut its visible text into paragraphs.  The
 * paragraphs are then scored readability-style: each one credits the
 * elements around it with its text, less its links, and the best-credited
 * element is taken to be the article.
 */
#include "ingest/formats.h"
#include "ingest/html.h"

#include <errno.h>
#include <gumbo.h>
#include <iconv.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NONE ((size_t)-1)
#define MAX_DEPTH 1024        /* tree levels read; deeper nodes are ignored */
#define MAX_OPEN 256          /* elements left open before gumbo sees them */
#define MIN_PARA 20           /* bytes of text for a paragraph to score */
#define RESCUE 400            /* paragraph bytes that keep a layout block */
#define LD_BODY_MIN 200       /* JSON-LD articleBody used from this size */
#define MAX_PAGE ((size_t)1 << 30)

/* ------------------------------------------------------------------ */
/* Small string helpers                                                 */
/* ------------------------------------------------------------------ */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(unsigned char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

/* Bytes of whitespace (ASCII or a no-break space) at s, or 0. */
static size_t space_at(const char *s, size_t len)
{
	if (is_space((unsigned char)*s))
		return 1;
	if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

/* Appends s to b with whitespace runs made one space, trimmed. */
static ue_status put_squashed(struct ue_buf *b, const char *s, size_t len)
{
	size_t start = b->len;
	int space = 0;
	for (size_t i = 0; i < len;) {
		size_t ws = space_at(s + i, len - i);
		if (ws) {
			space = 1;
			i += ws;
			continue;
		}
		if (space && b->len > start && ue_buf_putc(b, ' '))
			return UE_ENOMEM;
		space = 0;
		if (ue_buf_putc(b, s[i++]))
			return UE_ENOMEM;
	}
	return UE_OK;
}

/* The first needle in s[0..len), or NULL. */
static const char *find(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = s; (size_t)(s + len - p) >= n; p++) {
		if (!(p = memchr(p, needle[0], (size_t)(s + len - p) - n + 1)))
			return NULL;
		if (!memcmp(p, needle, n))
			return p;
	}
	return NULL;
}

/* Whether s holds needle, ignoring case. */
static int contains_ci(const char *s, const char *needle)
{
	size_t n = strlen(needle);
	for (; *s; s++)
		if (!strncasecmp(s, needle, n))
			return 1;
	return 0;
}

/* Whether s looks like markup: '<' then a letter, '/' or '!'. */
static int has_markup(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while ((p = memchr(p, '<', (size_t)(end - p))) && p + 1 < end) {
		unsigned char c = (unsigned char)p[1];
		if (is_alpha(c) || c == '/' || c == '!')
			return 1;
		p++;
	}
	return 0;
}

/* Whether token t (n bytes) is word w; a w ending in '*' is a prefix. */
static int token_is(const char *t, size_t n, const char *w)
{
	size_t k = strlen(w);
	if (k && w[k - 1] == '*')
		return n >= k - 1 && strncasecmp(t, w, k - 1) == 0;
	return n == k && strncasecmp(t, w, n) == 0;
}

/* Whether s (a class or id) holds one of words as a token: tokens are
 * split at non-alphanumerics and at camelCase humps. */
static int has_token(const char *s, const char *const *words)
{
	for (const char *p = s; *p;) {
		while (*p && !is_alnum((unsigned char)*p))
			p++;
		const char *q = p;
		while (is_alnum((unsigned char)*q) &&
		       !(q > p && q[-1] >= 'a' && q[-1] <= 'z' &&
		         *q >= 'A' && *q <= 'Z'))
			q++;
		size_t n = (size_t)(q - p);
		for (size_t i = 0; n && words[i]; i++)
			if (token_is(p, n, words[i]))
				return 1;
		p = q;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Preparing the bytes: charset and nesting depth                      */
/* ------------------------------------------------------------------ */

/* Whether s is valid UTF-8; a sequence cut off at the very end (a page
 * truncated in transit) still counts. */
static int is_utf8(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		size_t n = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 :
		           c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
		if (!n)
			return 0;
		for (size_t k = 1; k < n; k++)
			if (i + k < len && (s[i + k] & 0xC0) != 0x80)
				return 0;
		i += n;
	}
	return 1;
}

/* The charset a <meta> near the start of the page declares, copied into
 * name; 0 when there is none. */
static int sniff_charset(const char *s, size_t len, char *name, size_t cap)
{
	if (len > 4096)
		len = 4096;
	for (size_t i = 0; i + 7 < len; i++) {
		if (strncasecmp(s + i, "charset", 7) != 0)
			continue;
		size_t k = i + 7;
		while (k < len && is_space((unsigned char)s[k]))
			k++;
		if (k >= len || s[k] != '=')
			continue;
		k++;
		while (k < len && (is_space((unsigned char)s[k]) || s[k] == '"' ||
		                   s[k] == '\''))
			k++;
		size_t n = 0;
		while (k < len && n + 1 < cap && (is_alnum((unsigned char)s[k]) ||
		       s[k] == '-' || s[k] == '_' || s[k] == '.' || s[k] == ':'))
			name[n++] = s[k++];
		name[n] = '\0';
		if (n)
			return 1;
	}
	return 0;
}

/* The iconv name for a declared charset, as browsers read it (WHATWG
 * Encoding); NULL for UTF-8 and its aliases. */
static const char *iconv_name(const char *cs)
{
	static const struct { const char *label, *name; } labels[] = {
		{"utf-8", NULL}, {"utf8", NULL}, {"unicode-1-1-utf-8", NULL},
		{"utf-16", NULL}, {"utf-16le", NULL}, {"utf-16be", NULL},
		{"x-user-defined", NULL},
		{"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
		{"latin1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"},
		{"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
		{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
		{"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"},
		{"shift_jis", "CP932"}, {"sjis", "CP932"}, {"x-sjis", "CP932"},
		{"ms_kanji", "CP932"}, {"big5", "BIG5-HKSCS"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcasecmp(cs, labels[i].label) == 0)
			return labels[i].name;
	return cs;
}

/* Converts s from charset from to UTF-8 into out; bytes that are not in
 * the charset become U+FFFD.  UE_EINVAL when iconv does not know it. */
static ue_status to_utf8(const char *s, size_t len, const char *from,
                         struct ue_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return UE_EINVAL;
	ue_status st = UE_OK;
	char *in = (char *)s;
	size_t left = len;
	while (left && !st) {
		if ((st = ue_buf_reserve(out, left * 2 + 16)))
			break;
		char *o = out->data + out->len;
		size_t room = out->alloc - out->len - 1;
		size_t r = iconv(cd, &in, &left, &o, &room);
		out->len = (size_t)(o - out->data);
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		st = ue_buf_append(out, "\xEF\xBF\xBD", 3);
		in++;
		left--;
	}
	iconv_close(cd);
	if (!st && out->data)
		out->data[out->len] = '\0';
	return st;
}

/*
 * Pages that are not UTF-8 but say what they are get converted into conv.
 * A page that is valid UTF-8 is left alone whatever it declares (a wrong
 * declaration is far more common than Latin-1 text that happens to be
 * valid UTF-8).  Sets *s and *len to what should be parsed.
 */
static ue_status decode_page(const char **s, size_t *len, struct ue_buf *conv)
{
	const unsigned char *u = (const unsigned char *)*s;
	if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*s += 3;
		*len -= 3;
		return UE_OK;
	}
	const char *from = NULL;
	char cs[48];
	if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	                  (u[0] == 0xFE && u[1] == 0xFF)))
		from = "UTF-16";
	else if (!is_utf8(u, *len) && sniff_charset(*s, *len, cs, sizeof cs))
		from = iconv_name(cs);
	if (!from)
		return UE_OK;
	ue_status st = to_utf8(*s, *len, from, conv);
	if (st == UE_EINVAL) {
		ue_buf_reset(conv);
		return UE_OK;
	}
	if (!st) {
		*s = ue_buf_str(conv);
		*len = conv->len;
	}
	return st;
}

enum tag_kind { TK_NORMAL, TK_VOID, TK_AUTO, TK_RAW, TK_FOREIGN, TK_STOP };

/* How the depth guard counts a tag name (lower case). */
static enum tag_kind tag_kind(const char *name)
{
	static const char *const voids[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input",
		"link", "meta", "param", "source", "track", "wbr", "keygen",
		"basefont", "bgsound", "frame", "image", NULL,
	};
	/* Closed by their next sibling, or ignored out of place: these do
	 * not deepen the tree. */
	static const char *const autos[] = {
		"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
		"thead", "tbody", "tfoot", "caption", "colgroup", "rb", "rt",
		"rp", "rtc", "html", "head", "body", NULL,
	};
	static const char *const raws[] = {
		"script", "style", "textarea", "title", "xmp", "iframe",
		"noembed", "noframes", NULL,
	};
	for (int i = 0; voids[i]; i++)
		if (!strcmp(name, voids[i]))
			return TK_VOID;
	for (int i = 0; autos[i]; i++)
		if (!strcmp(name, autos[i]))
			return TK_AUTO;
	for (int i = 0; raws[i]; i++)
		if (!strcmp(name, raws[i]))
			return TK_RAW;
	if (!strcmp(name, "svg") || !strcmp(name, "math"))
		return TK_FOREIGN;
	if (!strcmp(name, "plaintext"))
		return TK_STOP;
	return TK_NORMAL;
}

/* The index of the '>' that ends the tag whose attributes start at i
 * (quoted values may hold '>'), or len. */
static size_t tag_end(const char *s, size_t i, size_t len)
{
	char quote = 0;
	for (; i < len; i++) {
		if (quote) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '>') {
			return i;
		} else if ((s[i] == '"' || s[i] == '\'') && i > 0 &&
		           s[i - 1] == '=') {
			quote = s[i];
		}
	}
	return len;
}

/* Where the raw text of element name (script, style...) starting at i
 * ends: at its end tag, or len. */
static size_t raw_end(const char *s, size_t i, size_t len, const char *name)
{
	size_t n = strlen(name);
	for (; i + 2 + n <= len; i++)
		if (s[i] == '<' && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, n) == 0)
			return i;
	return len;
}

struct guard {
	const char *s;
	size_t len;
	struct ue_buf *copy;  /* made at the first tag blanked */
	int depth, excess, foreign;
};

/* Blanks the tag at s[from..to] out (in the copy). */
static ue_status blank(struct guard *g, size_t from, size_t to)
{
	if (!g->copy->len) {
		ue_status st = ue_buf_append(g->copy, g->s, g->len);
		if (st)
			return st;
	}
	if (to >= g->len)
		to = g->len - 1;
	memset(g->copy->data + from, ' ', to - from + 1);
	return UE_OK;
}

/* Counts one tag (the name at s[ns..ne), the whole tag s[lt..gt]). */
static ue_status count_tag(struct guard *g, size_t lt, size_t ns, size_t ne,
                           size_t gt, int end, size_t *next)
{
	char name[16];
	size_t n = ne - ns < sizeof name - 1 ? ne - ns : sizeof name - 1;
	for (size_t i = 0; i < n; i++) {
		char c = g->s[ns + i];
		name[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	name[n] = '\0';
	enum tag_kind k = ne - ns < sizeof name - 1 ? tag_kind(name) : TK_NORMAL;
	int selfclose = gt < g->len && gt > ne && g->s[gt - 1] == '/';
	*next = gt + 1;
	if (k == TK_STOP && !end) {
		*next = g->len;
		return UE_OK;
	}
	if (k == TK_RAW && !end) {
		*next = raw_end(g->s, gt + 1, g->len, name);
		return UE_OK;
	}
	if (k == TK_VOID || k == TK_AUTO || k == TK_RAW)
		return UE_OK;
	if (end) {
		if (k == TK_FOREIGN && g->foreign)
			g->foreign--;
		if (g->excess) {
			g->excess--;
			return blank(g, lt, gt);
		}
		if (g->depth)
			g->depth--;
		return UE_OK;
	}
	if (selfclose && (g->foreign || k == TK_FOREIGN))
		return UE_OK;
	if (g->depth >= MAX_OPEN) {
		g->excess++;
		return blank(g, lt, gt);
	}
	g->depth++;
	if (k == TK_FOREIGN)
		g->foreign++;
	return UE_OK;
}

/*
 * gumbo scans its stack of open elements for most tags, so its time grows
 * with tags × depth: a page of a million unclosed <div>s would take hours.
 * Real pages nest a few dozen levels.  Start tags that would leave more
 * than MAX_OPEN elements open are blanked out in copy (their text stays);
 * copy is left empty when nothing had to change.
 */
static ue_status limit_depth(const char *s, size_t len, struct ue_buf *copy)
{
	struct guard g = {s, len, copy, 0, 0, 0};
	size_t i = 0;
	while (i < len) {
		const char *lt = memchr(s + i, '<', len - i);
		if (!lt || (size_t)(lt - s) + 1 >= len)
			break;
		i = (size_t)(lt - s);
		if (s[i + 1] == '!' || s[i + 1] == '?') {
			int comment = i + 3 < len && s[i + 2] == '-' && s[i + 3] == '-';
			const char *e = comment ? find(s + i + 4, len - i - 4, "-->")
			                        : memchr(s + i, '>', len - i);
			i = e ? (size_t)(e - s) + 1 : len;
			continue;
		}
		int end = s[i + 1] == '/';
		size_t ns = i + 1 + (size_t)end;
		if (ns >= len || !is_alpha((unsigned char)s[ns])) {
			i++;
			continue;
		}
		size_t ne = ns;
		while (ne < len && !is_space((unsigned char)s[ne]) && s[ne] != '/' &&
		       s[ne] != '>')
			ne++;
		ue_status st = count_tag(&g, i, ns, ne, tag_end(s, ne, len), end, &i);
		if (st)
			return st;
	}
	return UE_OK;
}

/* ------------------------------------------------------------------ */
/* Tree helpers                                                         */
/* ------------------------------------------------------------------ */

static const char *attr(const GumboNode *n, const char *name)
{
	const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes,
	                                              name);
	return a ? a->value : NULL;
}

static int attr_is(const GumboNode *n, const char *name, const char *value)
{
	const char *v = attr(n, name);
	return v && strcasecmp(v, value) == 0;
}

/* Whether a space-separated attribute (itemprop, rel) holds word. */
static int attr_has(const GumboNode *n, const char *name, const char *word)
{
	const char *v = attr(n, name);
	size_t w = strlen(word);
	while (v && *v) {
		while (is_space((unsigned char)*v))
			v++;
		size_t k = 0;
		while (v[k] && !is_space((unsigned char)v[k]))
			k++;
		if (k == w && strncasecmp(v, word, w) == 0)
			return 1;
		v += k;
	}
	return 0;
}

static int is_html(const GumboNode *n, GumboTag tag)
{
	return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag &&
	       n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

/* Appends the text below n (all of it, markup ignored). */
static ue_status node_text(const GumboNode *n, struct ue_buf *out, int depth)
{
	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
	    n->type == GUMBO_NODE_CDATA)
		return ue_buf_puts(out, n->v.text.text);
	if (n->type != GUMBO_NODE_ELEMENT || depth > MAX_DEPTH)
		return UE_OK;
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length; i++) {
		ue_status st = node_text(kids->data[i], out, depth + 1);
		if (st)
			return st;
	}
	return UE_OK;
}

/* Parses len bytes of HTML; NULL when out of memory. */
static GumboOutput *parse(const char *s, size_t len)
{
	GumboOptions opt = kGumboDefaultOptions;
	opt.max_errors = 0;   /* we never read them */
	return gumbo_parse_with_options(&opt, s, len);
}

static void parse_free(GumboOutput *out)
{
	if (out)
		gumbo_destroy_output(&kGumboDefaultOptions, out);
}

/* ------------------------------------------------------------------ */
/* Paragraphs                                                           */
/* ------------------------------------------------------------------ */

/* One run of text between block boundaries. */
struct para {
	size_t off, len;      /* its text in page.text */
	size_t links;         /* bytes of it inside links */
	size_t owner;         /* the innermost block around it (a cand) */
	double eff;           /* what it is worth to the blocks around it */
	int anon;             /* it sits beside block siblings */
};

/* One element read, in document order. */
struct cand {
	const GumboNode *node;
	size_t parent;
	size_t end;           /* one past its last descendant */
	double credit;        /* from the paragraphs below it */
	double inner;         /* eff of the paragraphs within */
	size_t text, links;   /* paragraph bytes within, and in links */
	int has_block;        /* has block children */
};

struct page {
	struct cand *cand;
	size_t ncand, acand;
	struct para *para;
	size_t npara, apara;
	struct ue_buf text;   /* the paragraphs' texts back to back */
	/* The paragraph being written runs from cur to text.len. */
	size_t cur, cur_links;
	int space, newlines;  /* separators owed before the next word */
	int in_link, in_pre;
	size_t owner;         /* the innermost open block */
	double eff_sum;       /* running totals over the paragraphs */
	size_t text_sum, links_sum;
	int lenient;          /* drop no layout blocks, classes or ids */
	ue_status st;
};

/* What the walk can roll back when a block turns out to be boilerplate. */
struct mark {
	size_t ncand, npara, text_len, cur, cur_links;
	int space, newlines;
	double eff_sum;
	size_t text_sum, links_sum;
};

static void page_init(struct page *pg, int lenient)
{
	memset(pg, 0, sizeof *pg);
	pg->owner = NONE;
	pg->lenient = lenient;
}

static void page_release(struct page *pg)
{
	free(pg->cand);
	free(pg->para);
	ue_buf_release(&pg->text);
}

static void page_reset(struct page *pg, int lenient)
{
	pg->ncand = pg->npara = 0;
	ue_buf_reset(&pg->text);
	pg->cur = pg->cur_links = 0;
	pg->space = pg->newlines = pg->in_link = pg->in_pre = 0;
	pg->owner = NONE;
	pg->eff_sum = 0;
	pg->text_sum = pg->links_sum = 0;
	pg->lenient = lenient;
}

static void grow(struct page *pg, void **arr, size_t *alloc, size_t n,
                 size_t size)
{
	if (n < *alloc)
		return;
	size_t a = *alloc ? *alloc * 2 : 256;
	void *p = a < SIZE_MAX / size ? realloc(*arr, a * size) : NULL;
	if (!p) {
		pg->st = UE_ENOMEM;
		return;
	}
	*arr = p;
	*alloc = a;
}

static int is_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
	case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
	case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
	case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND:
	case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
	case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
	case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD:
	case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_LISTING:
	case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
		return 1;
	default:
		return 0;
	}
}

/* Elements whose content is never text a reader sees. */
static int is_invisible(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
	case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_INPUT: case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST:
	case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET:
	case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_MAP: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
	case GUMBO_TAG_NOEMBED:
		return 1;
	default:
		return 0;
	}
}

/* Boilerplate words that no amount of text redeems ('*': any ending). */
static const char *const junk_words[] = {
	"ad", "ads", "advert*", "breadcrumb*", "byline", "comment",
	"comments", "consent", "cookie*", "disqus*", "gdpr", "login",
	"modal", "newsletter*", "outbrain*", "paywall*", "popular", "popup",
	"promo", "promos", "promotion*", "recommend*", "related*", "share*",
	"sharing", "signin", "signup", "social*", "sponsor*", "subscri*",
	"taboola*", "trending*",
	NULL,
};

/* Layout words: dropped unless the block holds a lot of paragraphs. */
static const char *const layout_words[] = {
	"banner", "footer", "header", "hidden", "masthead", "menu", "nav",
	"navbar", "navigation", "pager", "pagination", "sidebar", "tags",
	"toolbar", "widget", NULL,
};

static int named(const GumboNode *n, const char *const *words)
{
	const char *c = attr(n, "class"), *id = attr(n, "id");
	return (c && has_token(c, words)) || (id && has_token(id, words));
}

static int is_hidden(const GumboNode *n)
{
	const char *style = attr(n, "style");
	if (attr(n, "hidden") || attr_is(n, "aria-hidden", "true"))
		return 1;
	if (!style)
		return 0;
	for (const char *p = style; (p = strchr(p, ':')); p++) {
		const char *v = p + 1;
		while (is_space((unsigned char)*v))
			v++;
		if (!strncasecmp(v, "none", 4) && p - style >= 7 &&
		    !strncasecmp(p - 7, "display", 7))
			return 1;
	}
	return 0;
}

/* Whether n is an element that paragraph text runs through. */
static int holds_text(const GumboNode *n)
{
	switch (n->v.element.tag) {
	case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
	case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_PRE: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
	case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_FIGCAPTION:
		return 1;
	default:
		return 0;
	}
}

/*
 * Whether element n, with no article found below it, is boilerplate to
 * leave out; inner is the paragraph text it holds, parent its parent.  A
 * link or span inside a sentence stays whatever its class says.
 */
static int is_junk(const struct page *pg, const GumboNode *n, double inner,
                   const GumboNode *parent)
{
	if (pg->lenient)
		return 0;
	switch (n->v.element.tag) {
	case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_MAIN:
	case GUMBO_TAG_ARTICLE:
		return 0;
	default:
		break;
	}
	if (is_hidden(n))
		return 1;
	if (!is_block(n->v.element.tag) && parent && holds_text(parent))
		return 0;
	if (named(n, junk_words))
		return 1;
	if (inner >= RESCUE)
		return 0;
	switch (n->v.element.tag) {
	case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_MENU:
		return 1;
	default:
		return named(n, layout_words);
	}
}

/* Whether n is (or says it is) the article itself. */
static int is_main(const GumboNode *n, double inner)
{
	GumboTag t = n->v.element.tag;
	return t == GUMBO_TAG_MAIN || attr_is(n, "role", "main") ||
	       attr_has(n, "itemprop", "articleBody") ||
	       (t == GUMBO_TAG_ARTICLE && inner >= RESCUE);
}

/* What a paragraph whose innermost block is tag is worth per byte. */
static double weight(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_H1:
		return 0;
	case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
	case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_TH:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
		return 0.5;
	default:
		return 1;
	}
}

static void append(struct page *pg, const char *s, size_t len)
{
	if (!pg->st)
		pg->st = ue_buf_append(&pg->text, s, len);
}

/* Appends one word (or, in <pre>, any text) to the paragraph, after the
 * separator it is owed. */
static void put_word(struct page *pg, const char *s, size_t len)
{
	if (pg->text.len > pg->cur) {
		if (pg->newlines)
			append(pg, "\n\n", pg->newlines > 1 ? 2 : 1);
		else if (pg->space)
			append(pg, " ", 1);
	}
	pg->space = pg->newlines = 0;
	append(pg, s, len);
	if (pg->in_link)
		pg->cur_links += len;
}

/* Appends visible text, whitespace collapsed outside <pre>. */
static void put_text(struct page *pg, const char *s, size_t len)
{
	if (pg->in_pre) {
		if (len)
			put_word(pg, s, len);
		return;
	}
	for (size_t i = 0; i < len && !pg->st;) {
		size_t ws = space_at(s + i, len - i);
		if (ws) {
			pg->space = 1;
			i += ws;
			continue;
		}
		size_t j = i + 1;
		while (j < len && !space_at(s + j, len - j))
			j++;
		put_word(pg, s + i, j - i);
		i = j;
	}
}

/* Ends the paragraph being written (without the newlines a <pre> may
 * end with). */
static void flush(struct page *pg, int anon)
{
	while (pg->text.len > pg->cur &&
	       is_space((unsigned char)pg->text.data[pg->text.len - 1]))
		pg->text.data[--pg->text.len] = '\0';
	size_t len = pg->text.len - pg->cur;
	if (len && !pg->st) {
		grow(pg, (void **)&pg->para, &pg->apara, pg->npara, sizeof *pg->para);
		if (pg->st)
			return;
		struct para *p = &pg->para[pg->npara++];
		p->off = pg->cur;
		p->len = len;
		p->links = pg->cur_links < len ? pg->cur_links : len;
		p->owner = pg->owner;
		p->anon = anon;
		double w = anon || pg->owner == NONE ? 1 :
		           weight(pg->cand[pg->owner].node->v.element.tag);
		p->eff = len >= MIN_PARA && p->links * 2 <= len ?
		         w * (double)(len - p->links) : 0;
		pg->eff_sum += p->eff;
		pg->text_sum += len;
		pg->links_sum += p->links;
	}
	pg->cur = pg->text.len;
	pg->cur_links = 0;
	pg->space = pg->newlines = 0;
}

static void save(const struct page *pg, struct mark *m)
{
	m->ncand = pg->ncand;
	m->npara = pg->npara;
	m->text_len = pg->text.len;
	m->cur = pg->cur;
	m->cur_links = pg->cur_links;
	m->space = pg->space;
	m->newlines = pg->newlines;
	m->eff_sum = pg->eff_sum;
	m->text_sum = pg->text_sum;
	m->links_sum = pg->links_sum;
}

static void restore(struct page *pg, const struct mark *m)
{
	pg->ncand = m->ncand;
	pg->npara = m->npara;
	pg->text.len = m->text_len;
	if (pg->text.data)
		pg->text.data[pg->text.len] = '\0';
	pg->cur = m->cur;
	pg->cur_links = m->cur_links;
	pg->space = m->space;
	pg->newlines = m->newlines;
	pg->eff_sum = m->eff_sum;
	pg->text_sum = m->text_sum;
	pg->links_sum = m->links_sum;
}

static size_t add_cand(struct page *pg, const GumboNode *n, size_t parent)
{
	grow(pg, (void **)&pg->cand, &pg->acand, pg->ncand, sizeof *pg->cand);
	if (pg->st)
		return NONE;
	struct cand *c = &pg->cand[pg->ncand];
	memset(c, 0, sizeof *c);
	c->node = n;
	c->parent = parent;
	return pg->ncand++;
}

static int walk(struct page *pg, const GumboNode *n, size_t parent, int depth);

static int walk_children(struct page *pg, const GumboNode *n, size_t self,
                         int depth)
{
	int found = 0;
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length && !pg->st; i++)
		found |= walk(pg, kids->data[i], self, depth + 1);
	return found;
}

/*
 * Cuts the visible text below n into paragraphs and records every element
 * as a cand.  A block that turns out to be boilerplate is rolled back once
 * its contents are known.  Returns whether an article was found below n.
 */
static int walk(struct page *pg, const GumboNode *n, size_t parent, int depth)
{
	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
	    n->type == GUMBO_NODE_CDATA) {
		put_text(pg, n->v.text.text, strlen(n->v.text.text));
		return 0;
	}
	if (n->type != GUMBO_NODE_ELEMENT || depth > MAX_DEPTH)
		return 0;
	const GumboElement *e = &n->v.element;
	if (e->tag == GUMBO_TAG_BR) {
		if (pg->text.len > pg->cur)
			pg->newlines++;
		return 0;
	}
	if (is_invisible(e->tag) || e->tag_namespace != GUMBO_NAMESPACE_HTML)
		return 0;
	int block = is_block(e->tag);
	if (block) {
		if (pg->owner != NONE)
			pg->cand[pg->owner].has_block = 1;
		flush(pg, 1);
	}
	struct mark m;
	save(pg, &m);
	size_t self = add_cand(pg, n, parent);
	if (self == NONE)
		return 0;
	size_t owner = pg->owner;
	int link = e->tag == GUMBO_TAG_A;
	int pre = e->tag == GUMBO_TAG_PRE || e->tag == GUMBO_TAG_LISTING ||
	          e->tag == GUMBO_TAG_PLAINTEXT || e->tag == GUMBO_TAG_XMP;
	if (block)
		pg->owner = self;
	pg->in_link += link;
	pg->in_pre += pre;
	int found = walk_children(pg, n, self, depth);
	if (block)
		flush(pg, pg->cand[self].has_block);
	pg->in_link -= link;
	pg->in_pre -= pre;
	pg->owner = owner;
	if (pg->st)
		return found;
	struct cand *c = &pg->cand[self];
	c->end = pg->ncand;
	c->inner = pg->eff_sum - m.eff_sum;
	c->text = pg->text_sum - m.text_sum;
	c->links = pg->links_sum - m.links_sum;
	if (is_main(n, c->inner))
		found = 1;
	if (!found && is_junk(pg, n, c->inner,
	                      parent == NONE ? NULL : pg->cand[parent].node))
		restore(pg, &m);
	return found;
}

/* Cuts the whole tree into paragraphs. */
static ue_status cut(struct page *pg, const GumboNode *root, int lenient)
{
	page_reset(pg, lenient);
	walk(pg, root, NONE, 0);
	flush(pg, 1);
	return pg->st;
}

/* ------------------------------------------------------------------ */
/* Choosing the article                                                 */
/* ------------------------------------------------------------------ */

static const char *const good_words[] = {
	"article", "body", "content", "entry", "main", "post", "story",
	"text", NULL,
};

static double bonus(const GumboNode *n)
{
	double b = 1;
	if (attr_has(n, "itemprop", "articleBody"))
		b *= 1.5;
	if (n->v.element.tag == GUMBO_TAG_ARTICLE)
		b *= 1.25;
	if (named(n, good_words))
		b *= 1.1;
	return b;
}

/* Each paragraph credits the block that holds it fully, its parent half
 * and its grandparent a quarter; returns the best cand, or NONE. */
static size_t best_cand(struct page *pg)
{
	for (size_t i = 0; i < pg->npara; i++) {
		const struct para *p = &pg->para[i];
		if (p->eff <= 0 || p->owner == NONE)
			continue;
		size_t c = p->anon ? p->owner : pg->cand[p->owner].parent;
		double f = 1;
		for (int k = 0; k < 3 && c != NONE; k++, f /= 2) {
			pg->cand[c].credit += p->eff * f;
			c = pg->cand[c].parent;
		}
	}
	size_t best = NONE;
	double top = 0;
	for (size_t i = 0; i < pg->ncand; i++) {
		const struct cand *c = &pg->cand[i];
		if (c->credit <= 0)
			continue;
		double ld = c->text ? (double)c->links / (double)c->text : 0;
		double s = c->credit * (1 - ld) * bonus(c->node);
		if (s > top) {
			top = s;
			best = i;
		}
	}
	return best;
}

/* Widens the article to its parent while that adds little paragraph text
 * (a standfirst or a headline beside the body, not a column of teasers). */
static size_t widen(const struct page *pg, size_t c)
{
	for (;;) {
		size_t p = pg->cand[c].parent;
		if (p == NONE)
			return c;
		GumboTag t = pg->cand[p].node->v.element.tag;
		if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML)
			return c;
		if (pg->cand[p].inner > pg->cand[c].inner * 1.25)
			return c;
		c = p;
	}
}

/* Appends paragraph p to out, after a blank line when out has text. */
static ue_status put_para(const struct page *pg, const struct para *p,
                          struct ue_buf *out, size_t start)
{
	if (out->len > start && ue_buf_append(out, "\n\n", 2))
		return UE_ENOMEM;
	return ue_buf_append(out, pg->text.data + p->off, p->len);
}

/* Whether paragraph p is part of the article: in the best block, any
 * paragraph that is not mostly links; in the block it was widened to,
 * only paragraphs that scored (not a headline, a date or a teaser). */
static int in_article(const struct page *pg, const struct para *p,
                      size_t best, size_t wide)
{
	if (p->owner == NONE || p->links * 2 > p->len)
		return 0;
	if (best == NONE)
		return pg->cand[p->owner].node->v.element.tag == GUMBO_TAG_P;
	if (p->owner >= best && p->owner < pg->cand[best].end)
		return 1;
	return p->eff > 0 && p->owner >= wide && p->owner < pg->cand[wide].end;
}

/* Writes the article's paragraphs (all paragraphs of <p> when nothing
 * scored). */
static ue_status write_article(struct page *pg, struct ue_buf *out)
{
	size_t best = best_cand(pg), start = out->len;
	size_t wide = best == NONE ? NONE : widen(pg, best);
	for (size_t i = 0; i < pg->npara; i++) {
		const struct para *p = &pg->para[i];
		if (!in_article(pg, p, best, wide))
			continue;
		ue_status st = put_para(pg, p, out, start);
		if (st)
			return st;
	}
	return UE_OK;
}

/* The visible text of a whole tree, paragraph by paragraph; with
 * no_links, without the paragraphs that are mostly links. */
static ue_status write_all(const struct page *pg, struct ue_buf *out,
                           int no_links)
{
	size_t start = out->len;
	for (size_t i = 0; i < pg->npara; i++) {
		const struct para *p = &pg->para[i];
		if (no_links && p->links * 2 > p->len)
			continue;
		ue_status st = put_para(pg, p, out, start);
		if (st)
			return st;
	}
	return UE_OK;
}

/* The article text of a page; boilerplate dropped, and when that leaves
 * nothing, read again without dropping any; and when no paragraph
 * scores even then, whatever text is not links. */
static ue_status article_text(const GumboNode *root, struct ue_buf *out)
{
	struct page pg;
	page_init(&pg, 0);
	ue_status st = cut(&pg, root, 0);
	if (!st)
		st = write_article(&pg, out);
	if (!st && out->len == 0 && !(st = cut(&pg, root, 1)))
		st = write_article(&pg, out);
	if (!st && out->len == 0)
		st = write_all(&pg, out, 1);
	page_release(&pg);
	return st;
}

/* ------------------------------------------------------------------ */
/* Fragments                                                            */
/* ------------------------------------------------------------------ */

/* Plain text: line breaks kept, spaces collapsed, blank lines between
 * paragraphs made exactly one. */
static ue_status plain_text(const char *s, size_t len, struct ue_buf *out)
{
	size_t start = out->len;
	int space = 0, newlines = 0;
	for (size_t i = 0; i < len; i++) {
		size_t ws = space_at(s + i, len - i);
		if (ws) {
			if (s[i] == '\n')
				newlines++;
			else
				space = 1;
			i += ws - 1;
			continue;
		}
		ue_status st = UE_OK;
		if (out->len > start && newlines)
			st = ue_buf_append(out, "\n\n", newlines > 1 ? 2 : 1);
		else if (out->len > start && space)
			st = ue_buf_putc(out, ' ');
		if (st || (st = ue_buf_putc(out, s[i])))
			return st;
		space = newlines = 0;
	}
	return UE_OK;
}

/* The text of markup-free HTML: entities decoded, nothing else. */
static ue_status decode_entities(const char *s, size_t len, struct ue_buf *out)
{
	if (!memchr(s, '&', len))
		return ue_buf_append(out, s, len);
	GumboOutput *g = parse(s, len);
	if (!g)
		return UE_ENOMEM;
	ue_status st = node_text(g->root, out, 0);
	parse_free(g);
	return st;
}

/* The visible text of HTML with markup, paragraph by paragraph. */
static ue_status markup_text(const char *s, size_t len, struct ue_buf *out)
{
	struct ue_buf copy = UE_BUF_INIT;
	ue_status st = limit_depth(s, len, &copy);
	if (st) {
		ue_buf_release(&copy);
		return st;
	}
	if (copy.len)
		s = copy.data;
	GumboOutput *g = parse(s, len);
	if (!g) {
		ue_buf_release(&copy);
		return UE_ENOMEM;
	}
	struct page pg;
	page_init(&pg, 1);
	st = cut(&pg, g->root, 1);
	if (!st)
		st = write_all(&pg, out, 0);
	page_release(&pg);
	parse_free(g);
	ue_buf_release(&copy);
	return st;
}

ue_status ue_html_fragment_text(const char *html, size_t len,
                                struct ue_buf *out)
{
	if (len > MAX_PAGE)
		return UE_ELIMIT;
	if (has_markup(html, len))
		return markup_text(html, len, out);
	/* No tags: plain text, or HTML escaped once more ("&lt;p&gt;"). */
	struct ue_buf plain = UE_BUF_INIT;
	ue_status st = decode_entities(html, len, &plain);
	if (!st) {
		if (has_markup(plain.data ? plain.data : "", plain.len))
			st = markup_text(plain.data, plain.len, out);
		else
			st = plain_text(ue_buf_str(&plain), plain.len, out);
	}
	ue_buf_release(&plain);
	return st;
}

/* ------------------------------------------------------------------ */
/* Metadata                                                             */
/* ------------------------------------------------------------------ */

/* Where each piece of metadata was found; the first one found wins. */
enum slot {
	S_OG_TITLE, S_LD_HEADLINE, S_TITLE,
	S_LD_AUTHOR, S_NAME_AUTHOR, S_ART_AUTHOR,
	S_PUB_TIME, S_LD_DATE, S_ITEMPROP_DATE, S_META_DATE, S_TIME,
	S_CANONICAL, S_OG_URL, S_LD_URL,
	S_OG_SITE, S_LD_PUBLISHER,
	S_HTML_LANG, S_LD_LANG, S_OG_LOCALE, S_META_LANG,
	S_LD_BODY,
	S_COUNT
};

struct meta {
	struct ue_buf s[S_COUNT];
	int have_ld;          /* an article was found in JSON-LD */
	ue_status st;
};

static const struct {
	const char *key;
	enum slot slot;
} meta_keys[] = {
	{"og:title", S_OG_TITLE},
	{"og:site_name", S_OG_SITE},
	{"og:url", S_OG_URL},
	{"og:locale", S_OG_LOCALE},
	{"article:published_time", S_PUB_TIME},
	{"og:article:published_time", S_PUB_TIME},
	{"article:published", S_PUB_TIME},
	{"article:author", S_ART_AUTHOR},
	{"og:article:author", S_ART_AUTHOR},
	{"author", S_NAME_AUTHOR}, {"dc.creator", S_NAME_AUTHOR},
	{"dcterms.creator", S_NAME_AUTHOR}, {"parsely-author", S_NAME_AUTHOR},
	{"sailthru.author", S_NAME_AUTHOR},
	{"date", S_META_DATE}, {"pubdate", S_META_DATE},
	{"publishdate", S_META_DATE}, {"publish-date", S_META_DATE},
	{"publish_date", S_META_DATE}, {"dc.date", S_META_DATE},
	{"dc.date.issued", S_META_DATE}, {"dcterms.date", S_META_DATE},
	{"dcterms.issued", S_META_DATE}, {"dcterms.created", S_META_DATE},
	{"parsely-pub-date", S_META_DATE}, {"sailthru.date", S_META_DATE},
	{"datepublished", S_ITEMPROP_DATE},
	{"content-language", S_META_LANG}, {"language", S_META_LANG},
};

/* Sets slot s to value unless it already has one.  Text from JSON-LD may
 * carry entities or markup (set html). */
static void set_slot(struct meta *m, enum slot s, const char *v, size_t len,
                     int html)
{
	struct ue_buf *b = &m->s[s];
	if (b->len || m->st || !v)
		return;
	if (html && (memchr(v, '&', len) || has_markup(v, len)))
		m->st = ue_html_fragment_text(v, len, b);
	else
		m->st = ue_buf_append(b, v, len);
	/* A value of nothing but spaces counts as none. */
	size_t i = 0;
	while (i < b->len && is_space((unsigned char)b->data[i]))
		i++;
	if (i == b->len)
		ue_buf_reset(b);
}

/* Adds another author to an author slot (meta tags may repeat). */
static void add_author(struct meta *m, enum slot s, const char *v)
{
	struct ue_buf *b = &m->s[s];
	if (!*v || m->st || (b->len && strstr(b->data, v)))
		return;
	if (b->len && ue_buf_append(b, ", ", 2))
		m->st = UE_ENOMEM;
	else
		m->st = ue_buf_puts(b, v);
}

static void read_meta(struct meta *m, const GumboNode *n)
{
	const char *key = attr(n, "property");
	if (!key)
		key = attr(n, "name");
	if (!key)
		key = attr(n, "itemprop");
	if (!key)
		key = attr(n, "http-equiv");
	const char *v = attr(n, "content");
	if (!key || !v)
		return;
	for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++) {
		if (strcasecmp(key, meta_keys[i].key) != 0)
			continue;
		enum slot s = meta_keys[i].slot;
		/* article:author is often a profile URL, not a name. */
		if (s == S_ART_AUTHOR && strstr(v, "://"))
			return;
		if (s == S_ART_AUTHOR || s == S_NAME_AUTHOR)
			add_author(m, s, v);
		else
			set_slot(m, s, v, strlen(v), 0);
		return;
	}
}

/* JSON-LD ----------------------------------------------------------- */

static int is_article_type(const json_t *type)
{
	static const char *const types[] = {
		"Article", "NewsArticle", "ReportageNewsArticle",
		"AnalysisNewsArticle", "BackgroundNewsArticle",
		"OpinionNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle",
		"BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "Report",
		"ScholarlyArticle", "TechArticle", "SatiricalArticle",
		"DiscussionForumPosting", NULL,
	};
	if (json_is_array(type)) {
		size_t i;
		json_t *t;
		json_array_foreach(type, i, t)
			if (is_article_type(t))
				return 1;
		return 0;
	}
	if (!json_is_string(type))
		return 0;
	/* "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle" */
	const char *s = json_string_value(type);
	const char *slash = strrchr(s, '/'), *colon = strrchr(s, ':');
	if (slash && slash > s)
		s = slash + 1;
	else if (colon)
		s = colon + 1;
	for (int i = 0; types[i]; i++)
		if (strcasecmp(s, types[i]) == 0)
			return 1;
	return 0;
}

/* The first article object in v: v itself, an element of an array, a
 * member of @graph or the mainEntity of a page. */
static json_t *find_article(json_t *v, int depth)
{
	if (depth > 16)
		return NULL;
	if (json_is_array(v)) {
		size_t i;
		json_t *e, *a;
		json_array_foreach(v, i, e)
			if ((a = find_article(e, depth + 1)))
				return a;
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	if (is_article_type(json_object_get(v, "@type")))
		return v;
	json_t *a = find_article(json_object_get(v, "@graph"), depth + 1);
	return a ? a : find_article(json_object_get(v, "mainEntity"), depth + 1);
}

/* The object with "@id" id (and a name) in doc, the whole JSON-LD text:
 * authors and publishers are often references into @graph. */
static json_t *find_id(json_t *v, const char *id, int depth)
{
	if (depth > 16)
		return NULL;
	if (json_is_array(v)) {
		size_t i;
		json_t *e, *o;
		json_array_foreach(v, i, e)
			if ((o = find_id(e, id, depth + 1)))
				return o;
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	const char *vid = json_string_value(json_object_get(v, "@id"));
	if (vid && !strcmp(vid, id) && json_is_string(json_object_get(v, "name")))
		return v;
	return find_id(json_object_get(v, "@graph"), id, depth + 1);
}

/* The name of a person or organisation: a string, or an object with a
 * name (or an @id that leads to one). */
static const char *ld_name(json_t *v, json_t *doc)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (!json_is_object(v))
		return NULL;
	json_t *name = json_object_get(v, "name");
	if (json_is_string(name))
		return json_string_value(name);
	const char *id = json_string_value(json_object_get(v, "@id"));
	json_t *o = id ? find_id(doc, id, 0) : NULL;
	return o ? json_string_value(json_object_get(o, "name")) : NULL;
}

static void ld_string(struct meta *m, enum slot s, json_t *v)
{
	if (json_is_string(v))
		set_slot(m, s, json_string_value(v), json_string_length(v), 1);
}

static void ld_authors(struct meta *m, json_t *v, json_t *doc)
{
	struct ue_buf names = UE_BUF_INIT;
	size_t i, n = json_is_array(v) ? json_array_size(v) : 1;
	for (i = 0; i < n && !m->st; i++) {
		const char *name = ld_name(json_is_array(v) ?
		                           json_array_get(v, i) : v, doc);
		if (!name || !*name)
			continue;
		if (names.len && ue_buf_append(&names, ", ", 2))
			m->st = UE_ENOMEM;
		else
			m->st = ue_buf_puts(&names, name);
	}
	set_slot(m, S_LD_AUTHOR, names.data, names.len, 1);
	ue_buf_release(&names);
}

static void ld_fields(struct meta *m, json_t *a, json_t *doc)
{
	ld_string(m, S_LD_HEADLINE, json_object_get(a, "headline"));
	ld_string(m, S_LD_HEADLINE, json_object_get(a, "name"));
	ld_string(m, S_LD_DATE, json_object_get(a, "datePublished"));
	ld_string(m, S_LD_DATE, json_object_get(a, "dateCreated"));
	ld_authors(m, json_object_get(a, "author"), doc);
	const char *pub = ld_name(json_object_get(a, "publisher"), doc);
	if (pub)
		set_slot(m, S_LD_PUBLISHER, pub, strlen(pub), 1);
	ld_string(m, S_LD_URL, json_object_get(a, "url"));
	json_t *page = json_object_get(a, "mainEntityOfPage");
	if (json_is_object(page))
		page = json_object_get(page, "@id");
	ld_string(m, S_LD_URL, page);
	ld_string(m, S_LD_BODY, json_object_get(a, "articleBody"));
	ld_string(m, S_LD_LANG, json_object_get(a, "inLanguage"));
}

/* Parses the text of a JSON-LD script, forgiving the usual slips: an
 * HTML comment or CDATA wrapped around it, raw newlines in strings. */
static json_t *ld_parse(const char *s, size_t len)
{
	size_t a = 0, b = len;
	while (a < len && s[a] != '{' && s[a] != '[')
		a++;
	while (b > a && s[b - 1] != '}' && s[b - 1] != ']')
		b--;
	if (a >= b)
		return NULL;
	json_error_t e;
	json_t *v = json_loadb(s + a, b - a, 0, &e);
	if (v)
		return v;
	char *copy = malloc(b - a);
	if (!copy)
		return NULL;
	for (size_t i = a; i < b; i++)
		copy[i - a] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
	v = json_loadb(copy, b - a, 0, &e);
	free(copy);
	return v;
}

static void read_ld(struct meta *m, const GumboNode *script)
{
	if (m->have_ld || script->v.element.children.length == 0)
		return;
	const GumboNode *t = script->v.element.children.data[0];
	if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_WHITESPACE)
		return;
	json_t *doc = ld_parse(t->v.text.text, strlen(t->v.text.text));
	json_t *a = find_article(doc, 0);
	if (a) {
		m->have_ld = 1;
		ld_fields(m, a, doc);
	}
	json_decref(doc);
}

/* Date of the element that itemprop="datePublished" marks. */
static void read_itemprop_date(struct meta *m, const GumboNode *n)
{
	const char *v = attr(n, "content");
	if (!v)
		v = attr(n, "datetime");
	if (v) {
		set_slot(m, S_ITEMPROP_DATE, v, strlen(v), 0);
		return;
	}
	struct ue_buf t = UE_BUF_INIT;
	if (!(m->st = node_text(n, &t, 0)))
		set_slot(m, S_ITEMPROP_DATE, t.data, t.len, 0);
	ue_buf_release(&t);
}

static void read_element(struct meta *m, const GumboNode *n, int in_article)
{
	switch (n->v.element.tag) {
	case GUMBO_TAG_HTML: {
		const char *lang = attr(n, "lang");
		if (lang)
			set_slot(m, S_HTML_LANG, lang, strlen(lang), 0);
		break;
	}
	case GUMBO_TAG_META:
		read_meta(m, n);
		break;
	case GUMBO_TAG_LINK: {
		const char *href = attr(n, "href");
		if (href && attr_has(n, "rel", "canonical"))
			set_slot(m, S_CANONICAL, href, strlen(href), 0);
		break;
	}
	case GUMBO_TAG_TITLE:
		if (!m->s[S_TITLE].len)
			m->st = node_text(n, &m->s[S_TITLE], 0);
		break;
	case GUMBO_TAG_SCRIPT: {
		const char *type = attr(n, "type");
		if (type && contains_ci(type, "ld+json"))
			read_ld(m, n);
		break;
	}
	case GUMBO_TAG_TIME: {
		const char *dt = attr(n, "datetime");
		if (dt && in_article)
			set_slot(m, S_TIME, dt, strlen(dt), 0);
		break;
	}
	default:
		break;
	}
	if (n->v.element.tag != GUMBO_TAG_META &&
	    attr_has(n, "itemprop", "datePublished"))
		read_itemprop_date(m, n);
}

static void read_tree(struct meta *m, const GumboNode *n, int depth,
                      int in_article)
{
	if (n->type != GUMBO_NODE_ELEMENT || depth > MAX_DEPTH || m->st ||
	    n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
		return;
	if (is_html(n, GUMBO_TAG_ARTICLE) ||
	    attr_has(n, "itemprop", "articleBody"))
		in_article = 1;
	read_element(m, n, in_article);
	const GumboVector *kids = &n->v.element.children;
	for (unsigned i = 0; i < kids->length; i++)
		read_tree(m, kids->data[i], depth + 1, in_article);
}

/* Filling the document ------------------------------------------------ */

/* Sets out to the first slot of list (ending with S_COUNT) that has a
 * value, on one line. */
static ue_status pick(struct ue_buf *out, struct meta *m, const enum slot *list)
{
	for (; *list != S_COUNT; list++)
		if (m->s[*list].len)
			return put_squashed(out, m->s[*list].data, m->s[*list].len);
	return UE_OK;
}

/* Where title ends in " | site" (or " - site"...), the length without
 * that; len when it does not. */
static size_t strip_site(const char *title, size_t len, const char *site,
                         size_t slen)
{
	static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ",
	                                   " \xe2\x80\x94 ", " :: ", " \xc2\xb7 ",
	                                   NULL};
	if (!slen || slen >= len)
		return len;
	for (int i = 0; seps[i]; i++) {
		size_t n = strlen(seps[i]);
		if (len < slen + n + 1)
			continue;
		size_t at = len - slen - n;
		if (!memcmp(title + at, seps[i], n) &&
		    !strncasecmp(title + at + n, site, slen))
			return at;
	}
	return len;
}

/* Whether url is absolute (has a scheme). */
static int is_absolute(const struct ue_buf *url)
{
	return url->len && strstr(url->data, "://");
}

static ue_status fill(struct ue_html_doc *d, struct meta *m)
{
	static const enum slot title[] = {S_OG_TITLE, S_LD_HEADLINE, S_TITLE,
	                                  S_COUNT};
	static const enum slot author[] = {S_LD_AUTHOR, S_NAME_AUTHOR,
	                                   S_ART_AUTHOR, S_COUNT};
	static const enum slot date[] = {S_PUB_TIME, S_LD_DATE, S_ITEMPROP_DATE,
	                                 S_META_DATE, S_TIME, S_COUNT};
	static const enum slot url[] = {S_CANONICAL, S_OG_URL, S_LD_URL,
	                                S_COUNT};
	static const enum slot outlet[] = {S_OG_SITE, S_LD_PUBLISHER, S_COUNT};
	static const enum slot lang[] = {S_HTML_LANG, S_LD_LANG, S_OG_LOCALE,
	                                 S_META_LANG, S_COUNT};
	/* A relative canonical link loses to an absolute og:url. */
	if (!is_absolute(&m->s[S_CANONICAL]) &&
	    (is_absolute(&m->s[S_OG_URL]) || is_absolute(&m->s[S_LD_URL])))
		ue_buf_reset(&m->s[S_CANONICAL]);
	ue_status st;
	if ((st = pick(&d->title, m, title)) || (st = pick(&d->author, m, author)) ||
	    (st = pick(&d->published, m, date)) || (st = pick(&d->url, m, url)) ||
	    (st = pick(&d->outlet, m, outlet)) ||
	    (st = pick(&d->language, m, lang)))
		return st;
	size_t n = strip_site(d->title.data, d->title.len, d->outlet.data,
	                      d->outlet.len);
	if (n < d->title.len) {
		d->title.len = n;
		d->title.data[n] = '\0';
	}
	return UE_OK;
}

/* Whether the JSON-LD body is the whole article rather than a teaser. */
static int ld_body_usable(const struct ue_buf *b)
{
	return b->len >= LD_BODY_MIN;
}

/* ------------------------------------------------------------------ */
/* The interface                                                        */
/* ------------------------------------------------------------------ */

void ue_html_doc_init(struct ue_html_doc *d)
{
	ue_buf_init(&d->title, 0);
	ue_buf_init(&d->author, 0);
	ue_buf_init(&d->published, 0);
	ue_buf_init(&d->url, 0);
	ue_buf_init(&d->outlet, 0);
	ue_buf_init(&d->language, 0);
	ue_buf_init(&d->text, 0);
}

void ue_html_doc_release(struct ue_html_doc *d)
{
	ue_buf_release(&d->title);
	ue_buf_release(&d->author);
	ue_buf_release(&d->published);
	ue_buf_release(&d->url);
	ue_buf_release(&d->outlet);
	ue_buf_release(&d->language);
	ue_buf_release(&d->text);
}

static void doc_reset(struct ue_html_doc *d)
{
	ue_buf_reset(&d->title);
	ue_buf_reset(&d->author);
	ue_buf_reset(&d->published);
	ue_buf_reset(&d->url);
	ue_buf_reset(&d->outlet);
	ue_buf_reset(&d->language);
	ue_buf_reset(&d->text);
}

/* Reads the metadata and the text of a parsed page into d. */
static ue_status extract_tree(const GumboNode *root, struct ue_html_doc *d)
{
	struct meta m;
	memset(&m, 0, sizeof m);
	read_tree(&m, root, 0, 0);
	ue_status st = m.st;
	if (!st)
		st = fill(d, &m);
	if (!st && ld_body_usable(&m.s[S_LD_BODY]))
		st = ue_buf_append(&d->text, m.s[S_LD_BODY].data,
		                   m.s[S_LD_BODY].len);
	else if (!st)
		st = article_text(root, &d->text);
	for (int i = 0; i < S_COUNT; i++)
		ue_buf_release(&m.s[i]);
	return st;
}

ue_status ue_html_extract(const char *html, size_t len, struct ue_html_doc *d)
{
	doc_reset(d);
	if (len > MAX_PAGE)
		return UE_ELIMIT;
	struct ue_buf conv = UE_BUF_INIT, copy = UE_BUF_INIT;
	ue_status st = decode_page(&html, &len, &conv);
	if (!st)
		st = limit_depth(html, len, &copy);
	GumboOutput *g = NULL;
	if (!st && !(g = parse(copy.len ? copy.data : html, len)))
		st = UE_ENOMEM;
	if (!st)
		st = extract_tree(g->root, d);
	parse_free(g);
	ue_buf_release(&conv);
	ue_buf_release(&copy);
	return st;
}

/* ------------------------------------------------------------------ */
/* The HTML page parser                                                 */
/* ------------------------------------------------------------------ */

#define MIN_PAGE_CAP ((size_t)16 << 20)

static ue_status deliver(const struct ue_html_doc *d,
                         const struct ue_sink *sink)
{
	struct ue_record rec = {.line = 1, .format = "html"};
	const struct ue_buf *f[UE_F_COUNT] = {
		[UE_F_OUTLET] = &d->outlet, [UE_F_URL] = &d->url,
		[UE_F_TITLE] = &d->title, [UE_F_AUTHOR] = &d->author,
		[UE_F_PUBLISHED] = &d->published, [UE_F_LANGUAGE] = &d->language,
		[UE_F_TEXT] = &d->text,
	};
	for (int i = 0; i < UE_F_COUNT; i++)
		if (f[i] && f[i]->len)
			ue_record_set(&rec, (enum ue_field)i, f[i]->data, f[i]->len);
	return sink->record(sink->ctx, &rec);
}

ue_status ue_parse_html(struct ue_reader *r, const struct ue_sink *sink,
                        size_t max_line, char *err, size_t errlen)
{
	(void)max_line;
	size_t max = sink->max_doc_bytes;
	max = max > SIZE_MAX / 4 ? SIZE_MAX : max * 4;
	if (max < MIN_PAGE_CAP)
		max = MIN_PAGE_CAP;
	struct ue_buf page = UE_BUF_INIT;
	ue_status st = ue_reader_slurp(r, &page, max);
	if (st) {
		if (st == UE_ELIMIT)
			snprintf(err, errlen, "HTML page larger than the limit of "
			         "%zu bytes", max);
		else
			snprintf(err, errlen, "cannot read HTML page: %s",
			         ue_strerror(st));
		ue_buf_release(&page);
		return st;
	}
	struct ue_html_doc d;
	ue_html_doc_init(&d);
	st = ue_html_extract(ue_buf_str(&page), page.len, &d);
	ue_buf_release(&page);
	if (st) {
		snprintf(err, errlen, "cannot extract HTML page: %s",
		         ue_strerror(st));
	} else if (d.text.len == 0) {
		sink->reject(sink->ctx, 1, "no article text found in HTML page");
	} else if (sink->max_doc_bytes && d.text.len > sink->max_doc_bytes) {
		char msg[128];
		snprintf(msg, sizeof msg, "document text is %zu bytes, over the "
		         "limit of %zu bytes", d.text.len, sink->max_doc_bytes);
		sink->reject(sink->ctx, 1, msg);
	} else {
		st = deliver(&d, sink);
	}
	ue_html_doc_release(&d);
	return st;
}
