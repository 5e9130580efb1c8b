/*
 * fuzz_frontmatter.c - plain text and Markdown with front matter.  The
 * first byte chooses a --map and a small document limit; the rest is the
 * file.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/formats.h"

static size_t sum;

/* Touches every byte of a record and checks its metadata is an object. */
static ue_status on_record(void *ctx, const struct ue_record *rec)
{
	(void)ctx;
	for (int f = 0; f < UE_F_COUNT; f++)
		for (size_t i = 0; i < rec->field_len[f]; i++)
			sum += (unsigned char)rec->field[f][i];
	if (!rec->field[UE_F_TEXT] || rec->line != 1)
		abort();
	if (rec->meta_json) {
		json_t *meta = json_loads(rec->meta_json, 0, NULL);
		if (!json_is_object(meta))
			abort();
		json_decref(meta);
	}
	return UE_OK;
}

static void on_reject(void *ctx, uint64_t line, const char *reason)
{
	(void)ctx;
	sum += line + strlen(reason);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0];
	data++, size--;
	struct ue_field_map map;
	char err[256] = "";
	ue_field_map_parse(&map, flags & 1 ? "title=name,author=by" : NULL, err,
	                   sizeof err);
	struct ue_sink sink = {NULL, on_record, on_reject, &map,
	                       flags & 2 ? 64 : 1 << 20};
	struct ue_reader r;
	ue_reader_init_mem(&r, data, size);
	ue_parse_text(&r, &sink, 1 << 20, err, sizeof err);
	ue_reader_release(&r);
	ue_field_map_release(&map);
	return 0;
}
