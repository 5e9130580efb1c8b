/*
 * quantity.h - quantities with their objects in a stored text (SPEC §4.4):
 * "about 12,000 troops", "up to 3,000", "$2,000 a month", "около 12 тысяч
 * военных", "1만2천명", each normalised to a range with a qualifier, so
 * that the claims stage can tell whether two reports give the same figure.
 *
 * Normalisation (lo, hi):
 *   exact        "12,000 troops"              lo = hi = 12000
 *   approximate  "about 12,000", "약 1만명"     lo = hi = 12000; vague
 *                multitudes are ranges: "dozens of" 24..99, "hundreds of"
 *                200..999, "thousands of" / "several thousand" / "수천"
 *                2000..9999, "tens of thousands of" 20000..99999 (2 to 10
 *                times the base, less one); "N-odd" and Korean "N여"
 *                ("1만여") N..N+place-1 (place: the value of the last unit
 *                named, 1만여 → 10000..19999)
 *   upper_bound  "up to 12,000", "до", "최대", "이하", "까지"  lo = 0, hi = N
 *   lower_bound  "more than 10,000", "свыше", "이상", "10,000+"  lo = N,
 *                hi = INFINITY
 *   range        "between 10,000 and 12,000", "10,000-12,000", "10 to 12
 *                thousand", "от 10 до 12 тысяч", "1만~1만2천"  lo..hi
 *
 * Numbers: digits with "," "." or (thin, no-break) space thousands
 * separators ("12,000", "12.000", "12 000"); a single separator followed by
 * three digits is a decimal point only before a multiplier ("1.500
 * million"); "3.5" and "3,5" are decimals.  Multipliers: thousand, million,
 * billion, trillion, k, m, bn, mn, тыс., тысяч, млн, млрд, трлн, and the
 * Korean units 십 백 천 만 억 조.  English and Russian number words ("three
 * thousand", "a dozen", "двенадцать тысяч", "полторы тысячи").
 *
 * Left out: years (a bare 1800-2100 with a year word or preposition around
 * it, or with nothing counted after it), dates next to a month name,
 * clock times, ordinals, designations ("F-16", "No. 5", "page 12", "Article
 * 5"), and bare numbers under 10 with no object, unit or qualifier.
 */
#ifndef UE_QUANTITY_H
#define UE_QUANTITY_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"
#include "text/token.h"

enum ue_qualifier {
	UE_QTY_EXACT = 0,
	UE_QTY_APPROX,
	UE_QTY_UPPER,      /* 0..N */
	UE_QTY_LOWER,      /* N..INFINITY */
	UE_QTY_RANGE,
};

struct ue_quantity {
	uint32_t start, end;       /* the whole expression, qualifier and
	                            * object included: "up to 12,000 troops" */
	uint32_t object_start, object_end;  /* the counted object's head
	                            * noun ("soldiers" in "1,500 special forces
	                            * soldiers"); 0, 0 when none */
	double lo, hi;             /* hi is INFINITY for a lower bound */
	uint8_t qualifier;         /* enum ue_qualifier */
	uint64_t object_key;       /* the object's class: troops, soldiers,
	                            * военных and 병력 share one; otherwise a
	                            * hash of its form; 0 when none */
	char unit[8];              /* "USD" "EUR" "GBP" "JPY" "CNY" "KRW" "RUB"
	                            * "UAH" "%" "km" "mi" "t", or "" */
};

/* The quantities of one text, in text order.  Reuse between calls; release
 * with ue_quantities_release(). */
struct ue_quantities {
	struct ue_quantity *q;
	size_t n, alloc;
	int truncated;             /* the text had more than UE_QUANTITY_MAX */
};

#define UE_QUANTITY_MAX 4096   /* quantities kept per text */

void ue_quantities_init(struct ue_quantities *qs);
void ue_quantities_release(struct ue_quantities *qs);

/*
 * Finds the quantities of text (len bytes of valid UTF-8, written in lang,
 * an ISO 639-1 code or NULL) given its tokens t (from ue_tokenize() on the
 * same text and language), replacing the contents of out.  Work is linear
 * in the tokens; at most UE_QUANTITY_MAX are kept (out->truncated is then
 * set).  Returns UE_ENOMEM (out then empty) or UE_OK.  Reentrant.
 */
ue_status ue_quantity_find(const char *text, size_t len, const char *lang,
                           const struct ue_tokens *t,
                           struct ue_quantities *out);

/* "exact", "approximate", "upper_bound", "lower_bound", "range"; "" for
 * an unknown value.  Static. */
const char *ue_quantity_qualifier_name(unsigned qualifier);

/* The name of the object class key stands for ("troops", "people", ...),
 * or NULL when key is not a class of the synonym table.  Static. */
const char *ue_quantity_object_class(uint64_t key);

/*
 * Appends q, found in text (len bytes), to out as one JSON object:
 * {"start":6,"end":27,"text":"up to 12,000 troops","lo":0,"hi":12000,
 *  "qualifier":"upper_bound","object":"troops","unit":""}
 * "hi" is null for an open upper bound; "object" is "" when none.
 * Returns UE_ENOMEM or UE_ELIMIT from the buffer, UE_EINVAL when q's spans
 * lie outside text, else UE_OK.
 */
struct ue_buf;
ue_status ue_quantity_json(const struct ue_quantity *q, const char *text,
                           size_t len, struct ue_buf *out);

#endif
