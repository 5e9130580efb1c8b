/*
 * report.h - the echo report (SPEC §6) as JSON or Markdown: the corpus
 * overview, then the stories ranked by echo ratio, each with its coverage
 * by bloc and blindspots, its claims with reports against effective
 * origins and the uptake of each bloc, the documents that dissent from
 * its most reported claim, and the words most distinctive of each bloc's
 * coverage.  The JSON has every story with its coverage and claims (its
 * "claims" is then the array of them, not their count); both formats
 * give the framing and dissent of the first `stories` stories only
 * (framing reads the whole corpus for each, dissent every text of the
 * story).  Both are deterministic.
 */
#ifndef UE_REPORT_H
#define UE_REPORT_H

#include "store/store.h"

struct ue_report_params {
	int markdown;          /* else JSON */
	unsigned stories;      /* stories shown in Markdown, and framed [10] */
	unsigned claims;       /* claims per story [10] */
	unsigned terms;        /* framing words per bloc [8] */
	/* Receives the report in pieces; non-zero stops it. */
	int (*write)(void *ctx, const char *data, size_t len);
	void *ctx;
};

ue_status ue_report_run(struct ue_store *s, const struct ue_report_params *p);

#endif
