/*
 * date.h - publication dates of SPEC §3.1: ISO 8601, RFC 2822 and the
 * common formats of news sites, all converted to UTC.
 */
#ifndef UE_DATE_H
#define UE_DATE_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

/*
 * Parses s.  On success *ts receives the time in seconds since 1970 UTC
 * (a date without a time is taken as midnight UTC) and *has_time whether a
 * time of day was given.  Accepted, among others:
 *   2024-11-10, 2024-11-10T14:03:00Z, 2024-11-10 14:03:00+09:00,
 *   20241110, Sun, 10 Nov 2024 14:03:00 GMT (RFC 2822, with zone names),
 *   November 10, 2024, 10 November 2024, Nov. 10, 2024 2:03 PM EST,
 *   2024/11/10, 10.11.2024 (day first), 10/11/2024 is rejected as ambiguous
 *   unless one part exceeds 12, unix timestamps of 9-10 digits.
 * Years outside 1800..2200 and impossible dates are rejected with
 * UE_EFORMAT.
 */
ue_status ue_date_parse(const char *s, size_t len, int64_t *ts, int *has_time);

/* Writes ts as "YYYY-MM-DD" (has_time == 0) or "YYYY-MM-DDTHH:MM:SSZ". */
void ue_date_format(int64_t ts, int has_time, char out[32]);

#endif
