/*
 * quotes.h - the quotations of a text: “...”, "...", «...», „...“ and
 * ''...''; a quotation left open ends with its paragraph (the next
 * newline).  Single quotes, ‘...’ and '...', as British papers use them,
 * only on request: they are also apostrophes, so one opens only before a
 * letter or digit after a space, closes only where no letter or digit
 * follows, and one left open at the end of its paragraph is no quotation
 * ('90s).  Single quotes inside a double quotation are part of it.
 */
#ifndef UE_QUOTES_H
#define UE_QUOTES_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

struct ue_quote {
	uint32_t open;         /* byte of the opening mark */
	uint32_t start, end;   /* the quoted text */
	uint32_t close;        /* after the closing mark (= end if none) */
};

/* The quotations of a text, in order; they do not overlap. */
struct ue_quotes {
	struct ue_quote *v;
	size_t n, alloc;
};

void ue_quotes_init(struct ue_quotes *q);
void ue_quotes_release(struct ue_quotes *q);

enum {
	UE_QUOTES_SINGLE = 1,   /* single quotation marks too */
};

/* Finds the quotations of text (len bytes, UTF-8; invalid bytes are
 * skipped) into out, replacing its contents; flags: UE_QUOTES_*. */
ue_status ue_quotes_find(const char *text, size_t len, unsigned flags,
                         struct ue_quotes *out);

/* How many bytes of [start, end) lie inside quotation marks (between a
 * quotation's opening mark and its close, marks included). */
size_t ue_quotes_overlap(const struct ue_quotes *q, uint32_t start,
                         uint32_t end);

#endif
