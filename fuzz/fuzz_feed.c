/*
 * fuzz_feed.c - the RSS and Atom parser (ue_parse_feed) on arbitrary bytes,
 * read once from memory and once a few bytes at a time: both readings
 * must deliver the same records.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/formats.h"

#define MAX_DOC 2048

static volatile unsigned sum;

/* Reads every byte the parser hands over, so that ASan sees any that
 * are not there, and checks what a record promises. */
static ue_status touch(void *ctx, const struct ue_record *rec)
{
	unsigned *count = ctx;
	if (!rec->field[UE_F_TEXT] || rec->field_len[UE_F_TEXT] == 0 ||
	    rec->field_len[UE_F_TEXT] > MAX_DOC || rec->line == 0 ||
	    strcmp(rec->format, "rss") != 0)
		abort();
	for (int f = 0; f < UE_F_COUNT; f++)
		for (size_t i = 0; rec->field[f] && i < rec->field_len[f]; i++)
			sum += (unsigned char)rec->field[f][i];
	sum += (unsigned)rec->line;
	if (rec->meta_json)
		sum += (unsigned)strlen(rec->meta_json);
	(*count)++;
	return UE_OK;
}

static void reject(void *ctx, uint64_t line, const char *reason)
{
	unsigned *count = ctx;
	sum += (unsigned)line + (unsigned)strlen(reason);
	(*count)++;
}

struct trickle {
	const uint8_t *p;
	size_t len, step;
};

static long trickle_read(void *ctx, void *buf, size_t len, ue_status *st)
{
	(void)st;
	struct trickle *t = ctx;
	size_t n = t->len < t->step ? t->len : t->step;
	if (n > len)
		n = len;
	memcpy(buf, t->p, n);
	t->p += n;
	t->len -= n;
	return (long)n;
}

/* Parses from r; returns the status, *count the records and rejects. */
static ue_status run(struct ue_reader *r, unsigned *count)
{
	struct ue_sink sink = {count, touch, reject, NULL, MAX_DOC};
	char err[256];
	ue_status st = ue_parse_feed(r, &sink, 1 << 16, err, sizeof err);
	ue_reader_release(r);
	return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ue_reader r;
	unsigned whole = 0, pieces = 0;
	ue_reader_init_mem(&r, data, size);
	ue_status a = run(&r, &whole);
	struct trickle t = {data, size, 1 + size % 13};
	ue_reader_init(&r, trickle_read, &t);
	ue_status b = run(&r, &pieces);
	/* Only the token limit may be seen at different points. */
	if (a != UE_ELIMIT && b != UE_ELIMIT && (a != b || whole != pieces))
		abort();
	return 0;
}
