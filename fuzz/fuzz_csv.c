/*
 * fuzz_csv.c - CSV and TSV parsers.  The first byte chooses the dialect,
 * a small record limit, a --map and a reader that hands out a few bytes
 * at a time; the rest is the file.
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
	if (!rec->field[UE_F_TEXT] || rec->line == 0)
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

struct trickle {
	const uint8_t *p;
	size_t len, off, step;
};

static long read_trickle(void *ctx, void *buf, size_t len, ue_status *st)
{
	struct trickle *t = ctx;
	(void)st;
	size_t n = t->len - t->off;
	if (n > t->step)
		n = t->step;
	if (n > len)
		n = len;
	memcpy(buf, t->p + t->off, n);
	t->off += n;
	return (long)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0];
	data++, size--;
	struct ue_field_map map;
	char err[256] = "";
	ue_field_map_parse(&map, flags & 4 ? "text=b,title=text" : NULL, err,
	                   sizeof err);
	struct ue_sink sink = {NULL, on_record, on_reject, &map,
	                       flags & 8 ? 16 : 1 << 20};
	struct ue_reader r;
	struct trickle t = {data, size, 0, (flags >> 4) + 1};
	if (flags & 2)
		ue_reader_init(&r, read_trickle, &t);
	else
		ue_reader_init_mem(&r, data, size);
	ue_parse_fn parse = flags & 1 ? ue_parse_tsv : ue_parse_csv;
	parse(&r, &sink, flags & 0x80 ? 32 : 1 << 20, err, sizeof err);
	ue_reader_release(&r);
	ue_field_map_release(&map);
	return 0;
}
