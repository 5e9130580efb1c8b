/*
 * fuzz_archive.c - compression and archives (unwrap.c over libarchive):
 * every member is read to its end under the limits of a real ingest
 * (64 MB out of a member, ratio 100).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/unwrap.h"

static size_t sum;

static ue_status on_member(void *ctx, const char *name, struct ue_reader *r)
{
	(void)ctx;
	sum += strlen(name);
	size_t n;
	const char *head = ue_reader_peek(r, 512, &n);
	for (size_t i = 0; i < n; i++)
		sum += (unsigned char)head[i];
	static char buf[64 * 1024];
	long got;
	uint64_t total = 0;
	while ((got = ue_reader_read(r, buf, sizeof buf)) > 0) {
		sum += (unsigned char)buf[got - 1];
		total += (uint64_t)got;
	}
	if (total > (64u << 20))
		abort();   /* the limit did not hold */
	return got < 0 ? r->error : UE_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct ue_unwrap_limits lim = {64u << 20, 100, NULL};
	char err[256];
	ue_status st = ue_unwrap_mem(data, size, &lim, on_member, NULL, err,
	                             sizeof err);
	if ((st == UE_EFORMAT || st == UE_ELIMIT) && !err[0])
		abort();   /* failures come with a message */
	return 0;
}
