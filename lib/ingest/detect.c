/* detect.c - input format names and detection from content; see formats.h. */
#include "ingest/formats.h"

#include <string.h>
#include <strings.h>

static const char *const format_names[] = {
	[UE_FMT_UNKNOWN] = "unknown", [UE_FMT_JSONL] = "jsonl",
	[UE_FMT_CSV] = "csv", [UE_FMT_TSV] = "tsv", [UE_FMT_TEXT] = "text",
	[UE_FMT_MARKDOWN] = "markdown", [UE_FMT_HTML] = "html",
	[UE_FMT_FEED] = "rss", [UE_FMT_WARC] = "warc",
};

const char *ue_format_name(enum ue_format f)
{
	return f <= UE_FMT_WARC ? format_names[f] : "unknown";
}

enum ue_format ue_format_from_name(const char *name)
{
	static const struct { const char *name; enum ue_format f; } extra[] = {
		{"json", UE_FMT_JSONL}, {"ndjson", UE_FMT_JSONL},
		{"txt", UE_FMT_TEXT}, {"md", UE_FMT_MARKDOWN},
		{"atom", UE_FMT_FEED}, {"feed", UE_FMT_FEED},
		{"htm", UE_FMT_HTML},
	};
	for (int f = UE_FMT_JSONL; f <= UE_FMT_WARC; f++)
		if (strcasecmp(name, format_names[f]) == 0)
			return (enum ue_format)f;
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (strcasecmp(name, extra[i].name) == 0)
			return extra[i].f;
	return UE_FMT_UNKNOWN;
}

ue_parse_fn ue_format_parser(enum ue_format f)
{
	switch (f) {
	case UE_FMT_JSONL: return ue_parse_jsonl;
	case UE_FMT_CSV: return ue_parse_csv;
	case UE_FMT_TSV: return ue_parse_tsv;
	case UE_FMT_TEXT:
	case UE_FMT_MARKDOWN: return ue_parse_text;
	case UE_FMT_HTML: return ue_parse_html;
	case UE_FMT_FEED: return ue_parse_feed;
	case UE_FMT_WARC: return ue_parse_warc;
	case UE_FMT_UNKNOWN: break;
	}
	return NULL;
}

/* Case-insensitive search for needle in the first len bytes of hay. */
static int contains(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (strncasecmp(hay + i, needle, n) == 0)
			return 1;
	return 0;
}

static const char *extension(const char *filename)
{
	if (!filename)
		return "";
	const char *slash = strrchr(filename, '/');
	const char *base = slash ? slash + 1 : filename;
	const char *dot = strrchr(base, '.');
	return dot ? dot + 1 : "";
}

/* The first line looks like a CSV/TSV header naming known fields. */
static enum ue_format header_format(const char *head, size_t len)
{
	const char *nl = memchr(head, '\n', len);
	size_t n = nl ? (size_t)(nl - head) : len;
	size_t tabs = 0, commas = 0;
	for (size_t i = 0; i < n; i++) {
		tabs += head[i] == '\t';
		commas += head[i] == ',';
	}
	char sep = tabs > 0 && tabs >= commas ? '\t' : commas ? ',' : 0;
	if (!sep)
		return UE_FMT_UNKNOWN;
	size_t known = 0, start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || head[i] == sep) {
			size_t a = start, b = i;
			while (a < b && (head[a] == '"' || head[a] == ' '))
				a++;
			while (b > a && (head[b - 1] == '"' || head[b - 1] == ' ' ||
			                 head[b - 1] == '\r'))
				b--;
			known += ue_field_lookup(head + a, b - a) != UE_F_COUNT;
			start = i + 1;
		}
	}
	if (!known)
		return UE_FMT_UNKNOWN;
	return sep == '\t' ? UE_FMT_TSV : UE_FMT_CSV;
}

enum ue_format ue_format_detect(const char *head, size_t len,
                                const char *filename)
{
	size_t i = 0;
	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		i = 3;   /* UTF-8 byte-order mark */
	while (i < len && (head[i] == ' ' || head[i] == '\t' ||
	                   head[i] == '\r' || head[i] == '\n'))
		i++;
	const char *p = head + i;
	size_t n = len - i;
	const char *ext = extension(filename);

	if (n >= 5 && memcmp(p, "WARC/", 5) == 0)
		return UE_FMT_WARC;
	if (n && (*p == '{' || *p == '['))
		return UE_FMT_JSONL;
	if (n && *p == '<') {
		if (contains(p, n, "<rss") || contains(p, n, "<feed") ||
		    contains(p, n, "<rdf:RDF"))
			return UE_FMT_FEED;
		if (contains(p, n, "<html") || contains(p, n, "<!doctype html") ||
		    contains(p, n, "<head") || contains(p, n, "<body") ||
		    contains(p, n, "<article") || contains(p, n, "<p>") ||
		    contains(p, n, "<meta") || contains(p, n, "<div"))
			return UE_FMT_HTML;
	}
	if (n >= 4 && memcmp(p, "---", 3) == 0 && (p[3] == '\n' || p[3] == '\r'))
		return strcasecmp(ext, "txt") == 0 ? UE_FMT_TEXT : UE_FMT_MARKDOWN;
	enum ue_format byname = ue_format_from_name(ext);
	if (byname == UE_FMT_CSV || byname == UE_FMT_TSV) {
		enum ue_format h = header_format(p, n);
		return h != UE_FMT_UNKNOWN ? h : byname;
	}
	if (byname == UE_FMT_MARKDOWN || byname == UE_FMT_TEXT)
		return byname;
	enum ue_format h = header_format(p, n);
	if (h != UE_FMT_UNKNOWN)
		return h;
	if (byname != UE_FMT_UNKNOWN)
		return byname;
	if (strcasecmp(ext, "xml") == 0)
		return UE_FMT_FEED;
	return UE_FMT_TEXT;
}
