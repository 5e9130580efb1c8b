/*
 * pipeline.h - `unecho analyze`: the stages in order, each doing only
 * what is out of date: text reuse (reuse.h), the per-text pass
 * (textpass.h) and stories (story.h).
 */
#ifndef UE_PIPELINE_H
#define UE_PIPELINE_H

#include "store/store.h"

ue_status ue_pipeline_run(struct ue_store *s, const ue_analyze_options *o,
                          ue_analyze_summary *summary);

#endif
