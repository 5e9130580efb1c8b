/*
 * fuzz_date.c - publication dates on arbitrary bytes.
 *
 * A date that parses formats back to a string that parses to the same
 * time, as long as the UTC result is still within the accepted years.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t ts = 0, ts2 = 0;
	int has_time = -1, has_time2 = -1;
	char out[32];

	if (ue_date_parse((const char *)data, size, &ts, &has_time) != UE_OK)
		return 0;
	if (has_time != 0 && has_time != 1)
		abort();
	if (!has_time && ts % 86400 != 0)
		abort();
	ue_date_format(ts, has_time, out);
	if (strlen(out) != (has_time ? 20u : 10u))
		abort();
	ue_status st = ue_date_parse(out, strlen(out), &ts2, &has_time2);
	int year = atoi(out);
	if (year >= 1800 && year <= 2200) {
		if (st != UE_OK || ts2 != ts || has_time2 != has_time)
			abort();
	}
	return 0;
}
