/*
 * report.h - the echo report (SPEC §6) as JSON, Markdown or HTML: the
 * corpus overview, then the stories ranked by echo ratio, each with its
 * coverage by bloc and blindspots, its claims with reports against
 * effective origins and the uptake of each bloc, the documents that
 * dissent from its most reported claim, the provenance of its main claims
 * and the words most distinctive of each bloc's coverage.  The JSON has
 * every story with its coverage and claims (its "claims" is then the
 * array of them, not their count); framing, dissent and provenance are
 * there for the first `stories` stories only (framing reads the whole
 * corpus for each, dissent every text of the story), which are also the
 * stories Markdown and HTML show.  All three end with the analyst's
 * workbench: ACH matrices, key assumptions and actor models.  Every
 * format is deterministic.
 */
#ifndef UE_REPORT_H
#define UE_REPORT_H

#include "store/store.h"

enum ue_report_format { UE_REPORT_JSON, UE_REPORT_MD, UE_REPORT_HTML };

struct ue_report_params {
	enum ue_report_format format;
	unsigned stories;      /* stories shown, and framed [10] */
	unsigned claims;       /* claims per story shown in MD and HTML [10] */
	unsigned terms;        /* framing words per bloc [8] */
	/* Receives the report in pieces; non-zero stops it. */
	int (*write)(void *ctx, const char *data, size_t len);
	void *ctx;
};

ue_status ue_report_run(struct ue_store *s, const struct ue_report_params *p);

#endif
