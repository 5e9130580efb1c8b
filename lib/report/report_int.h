/*
 * report_int.h - what the report's writers share: the gathered report
 * (jansson values, as docs/schema.md describes them), an output buffer
 * that remembers its first error, and accessors that read a missing field
 * as 0 or "".
 */
#ifndef UE_REPORT_INT_H
#define UE_REPORT_INT_H

#include <jansson.h>

#include "common/buf.h"
#include "report/report.h"

/* The report as gathered: overview is the stats row; stories are ranked
 * by echo ratio, the first `shown` of them with framing, dissent and
 * provenance. */
struct report_data {
	json_t *overview;
	json_t *stories;
	size_t shown;
	json_t *workbench;     /* as ue_workbench_json gives it */
};

struct report_out {
	const struct ue_report_params *p;
	struct ue_buf b;
	ue_status error;       /* the first failure; later writes do nothing */
};

void report_put(struct report_out *o, const char *s);
void report_putn(struct report_out *o, const char *s, size_t len);
void report_putf(struct report_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

double report_num(const json_t *obj, const char *key);
const char *report_str(const json_t *obj, const char *key);
/* Whether the claim row denies (polarity "denies"). */
int report_denies(const json_t *claim);

/* The HTML of a story's provenance graph, with its table. */
void report_html_provenance(struct report_out *o, const json_t *story);

/* The HTML of the analyst's workbench (nothing when it is empty); its
 * charts' specifications go to specs. */
void report_html_workbench(struct report_out *o, const json_t *wb,
                           json_t *specs);

/* The writers: each appends the whole report to o. */
ue_status report_write_md(struct report_out *o, const struct report_data *d);
ue_status report_write_html(struct report_out *o,
                            const struct report_data *d);

#endif
