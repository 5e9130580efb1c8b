/*
 * record.h - one document as an input parser found it, before it is
 * normalised and stored, and the sink that parsers hand records to.
 *
 * Every format parser (jsonl.c, csv.c, frontmatter.c, html.c, feed.c,
 * warc.c) turns bytes into records and nothing else: normalisation,
 * identity, dates, language and storage happen once, in ingest.c.
 */
#ifndef UE_RECORD_H
#define UE_RECORD_H

#include <stddef.h>
#include <jansson.h>
#include <stdint.h>
#include "unecho/unecho.h"

/* The recognised fields, in the order of the FIELD_* indices. */
enum ue_field {
	UE_F_ID,
	UE_F_OUTLET,
	UE_F_URL,
	UE_F_TITLE,
	UE_F_AUTHOR,
	UE_F_PUBLISHED,
	UE_F_LANGUAGE,
	UE_F_TEXT,
	UE_F_COUNT
};

/* A field's canonical name ("id", "outlet", ...). */
const char *ue_field_name(enum ue_field f);

/*
 * Which field an input key names: the canonical names and their aliases of
 * SPEC §3.1 (source, publisher, link, headline, body, ...), matched without
 * regard to case.  Returns UE_F_COUNT for a key that is not a field.
 */
enum ue_field ue_field_lookup(const char *key, size_t len);

/*
 * Field renames from a --map option ("text=body,outlet=site": the field on
 * the left is read from the input key on the right).  Parsed once, then
 * consulted before the built-in aliases.
 */
struct ue_field_map {
	char *key[UE_F_COUNT];   /* owned; NULL where not renamed */
};

/* Parses spec into map; on a bad spec returns UE_EINVAL and writes a
 * message into err.  spec may be NULL or empty. */
ue_status ue_field_map_parse(struct ue_field_map *map, const char *spec,
                             char *err, size_t errlen);
void ue_field_map_release(struct ue_field_map *map);
/* The field that input key names under map and the built-in aliases, or
 * UE_F_COUNT.  A key renamed to another field no longer names its own. */
enum ue_field ue_field_map_lookup(const struct ue_field_map *map,
                                  const char *key, size_t len);

/*
 * A document as read.  All pointers are borrowed from the parser and valid
 * only during the sink call; a field not present is NULL.  Strings are not
 * yet normalised and may hold invalid UTF-8.  meta_json, when not NULL, is a
 * JSON object text of the fields that are not recognised.
 */
struct ue_record {
	const char *field[UE_F_COUNT];
	size_t field_len[UE_F_COUNT];
	const char *meta_json;
	uint64_t line;          /* 1-based line or record number in its file */
	const char *format;     /* "jsonl", "html", ... */
};

/* Adds key: value (strings, repaired to valid UTF-8 without NUL) to the
 * metadata object *meta, made on first use; the first value of a key is
 * kept. */
ue_status ue_record_meta_add(json_t **meta, const char *key, size_t klen,
                             const char *v, size_t vlen);

/* Sets a field of rec (borrowed pointer). */
static inline void ue_record_set(struct ue_record *rec, enum ue_field f,
                                 const char *s, size_t len)
{
	rec->field[f] = s;
	rec->field_len[f] = len;
}

/*
 * Where parsers deliver.  record() returns UE_OK to go on; any other
 * status stops the parser, which returns it.  reject() reports one bad
 * record (the parser then skips it and goes on).
 */
struct ue_sink {
	void *ctx;
	ue_status (*record)(void *ctx, const struct ue_record *rec);
	void (*reject)(void *ctx, uint64_t line, const char *reason);
	const struct ue_field_map *map;   /* may be NULL */
	size_t max_doc_bytes;             /* parsers reject larger texts */
};

#endif
