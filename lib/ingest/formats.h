/*
 * formats.h - the input format parsers and format detection.
 *
 * Each parser reads one file (or archive member) from a reader and hands
 * every record to the sink.  It reports bad records through sink->reject
 * with their line or record number and goes on; it returns UE_OK at the
 * end of input, the sink's status if the sink stopped it, or a status for
 * input it cannot read at all (UE_EFORMAT, UE_ELIMIT, UE_EIO).  When it
 * fails it writes a short reason into err (errlen bytes).
 */
#ifndef UE_FORMATS_H
#define UE_FORMATS_H

#include "ingest/reader.h"
#include "ingest/record.h"

enum ue_format {
	UE_FMT_UNKNOWN,
	UE_FMT_JSONL,
	UE_FMT_CSV,
	UE_FMT_TSV,
	UE_FMT_TEXT,
	UE_FMT_MARKDOWN,
	UE_FMT_HTML,
	UE_FMT_FEED,      /* RSS 2.0, RSS 1.0 (RDF) or Atom */
	UE_FMT_WARC,
};

/* The format's name as --format spells it, and back (UE_FMT_UNKNOWN). */
const char *ue_format_name(enum ue_format f);
enum ue_format ue_format_from_name(const char *name);

/* Guesses the format from the first bytes of content and, when content
 * is not conclusive, the file name (may be NULL). */
enum ue_format ue_format_detect(const char *head, size_t len,
                                const char *filename);

typedef ue_status (*ue_parse_fn)(struct ue_reader *r,
                                 const struct ue_sink *sink,
                                 size_t max_line, char *err, size_t errlen);

/* One JSON object per line; a file that starts with '[' is read as one
 * JSON array of objects instead. */
ue_status ue_parse_jsonl(struct ue_reader *r, const struct ue_sink *sink,
                         size_t max_line, char *err, size_t errlen);
/* CSV (RFC 4180, quoted fields may span lines) with a header row. */
ue_status ue_parse_csv(struct ue_reader *r, const struct ue_sink *sink,
                       size_t max_line, char *err, size_t errlen);
/* Tab-separated values with a header row. */
ue_status ue_parse_tsv(struct ue_reader *r, const struct ue_sink *sink,
                       size_t max_line, char *err, size_t errlen);
/* Plain text or Markdown, with optional "---" front matter. */
ue_status ue_parse_text(struct ue_reader *r, const struct ue_sink *sink,
                        size_t max_line, char *err, size_t errlen);
/* One HTML page: metadata from meta tags and JSON-LD, main text without
 * boilerplate. */
ue_status ue_parse_html(struct ue_reader *r, const struct ue_sink *sink,
                        size_t max_line, char *err, size_t errlen);
/* RSS or Atom: one record per item or entry. */
ue_status ue_parse_feed(struct ue_reader *r, const struct ue_sink *sink,
                        size_t max_line, char *err, size_t errlen);
/* WARC: one record per HTML response. */
ue_status ue_parse_warc(struct ue_reader *r, const struct ue_sink *sink,
                        size_t max_line, char *err, size_t errlen);

/* The parser of a format, or NULL. */
ue_parse_fn ue_format_parser(enum ue_format f);

#endif
