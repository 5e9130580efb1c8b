/*
 * fuzz_html.c - the HTML page parser (ue_parse_html) and the fragment
 * reader (ue_html_fragment_text) on arbitrary bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/formats.h"
#include "ingest/html.h"

#define MAX_DOC 4096

static volatile unsigned sum;

/* Reads every byte the parser hands over, so that ASan sees any that
 * are not there, and checks what a record promises. */
static ue_status touch(void *ctx, const struct ue_record *rec)
{
	(void)ctx;
	if (!rec->field[UE_F_TEXT] || rec->field_len[UE_F_TEXT] == 0 ||
	    rec->field_len[UE_F_TEXT] > MAX_DOC || rec->line != 1 ||
	    strcmp(rec->format, "html") != 0)
		abort();
	for (int f = 0; f < UE_F_COUNT; f++)
		for (size_t i = 0; rec->field[f] && i < rec->field_len[f]; i++)
			sum += (unsigned char)rec->field[f][i];
	sum += (unsigned)rec->line + (unsigned)strlen(rec->format);
	if (rec->meta_json)
		sum += (unsigned)strlen(rec->meta_json);
	return UE_OK;
}

static void reject(void *ctx, uint64_t line, const char *reason)
{
	(void)ctx;
	sum += (unsigned)line + (unsigned)strlen(reason);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ue_reader r;
	ue_reader_init_mem(&r, data, size);
	/* A small document limit takes the over-limit path now and then. */
	struct ue_sink sink = {NULL, touch, reject, NULL, MAX_DOC};
	char err[256];
	ue_parse_html(&r, &sink, 1 << 20, err, sizeof err);
	ue_reader_release(&r);

	struct ue_buf out = UE_BUF_INIT;
	ue_html_fragment_text((const char *)data, size, &out);
	for (size_t i = 0; i < out.len; i++)
		sum += (unsigned char)out.data[i];
	ue_buf_release(&out);
	return 0;
}
