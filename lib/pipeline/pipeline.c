/* pipeline.c - the analysis stages in order; see pipeline.h. */
#include "pipeline/pipeline.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "claims/claims_stage.h"
#include "pipeline/textpass.h"
#include "reuse/reuse.h"
#include "story/story.h"

static void relay(void *ctx, const char *phase, uint64_t done,
                  uint64_t total)
{
	const ue_analyze_options *o = ctx;
	o->on_progress(o->ctx, phase, done, total);
}

/* Reuse found under the other same-outlet setting is redone. */
static ue_status reuse_setting(struct ue_store *s, int same_outlet)
{
	char *prev = NULL;
	ue_status e = ue_store_meta_get(s, "reuse_same_outlet", &prev);
	const char *want = same_outlet ? "1" : "0";
	if (!e && prev && strcmp(prev, want) != 0)
		e = ue_store_reuse_reset(s);
	free(prev);
	if (!e)
		e = ue_store_meta_set(s, "reuse_same_outlet", want);
	return e;
}

ue_status ue_pipeline_run(struct ue_store *s, const ue_analyze_options *o,
                          ue_analyze_summary *summary)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = o->threads ? o->threads :
	                   cores > 0 ? (unsigned)cores : 1;
	void (*progress)(void *, const char *, uint64_t, uint64_t) =
	        o->on_progress ? relay : NULL;

	struct ue_reuse_params rp;
	ue_reuse_params_default(&rp);
	rp.threads = threads;
	rp.same_outlet = o->same_outlet;
	rp.progress = progress;
	rp.ctx = (void *)o;
	unsigned stages = o->stages ? o->stages : UE_STAGE_ALL;
	struct ue_reuse_summary rs = {0};
	ue_status e = UE_OK;
	if (stages & UE_STAGE_REUSE) {
		e = reuse_setting(s, o->same_outlet);
		if (!e)
			e = ue_reuse_run(s, &rp, &rs);
	}

	struct ue_textpass_params tp = {threads, progress, (void *)o};
	uint64_t featured = 0;
	if (!e && (stages & (UE_STAGE_STORIES | UE_STAGE_CLAIMS)))
		e = ue_textpass_run(s, &tp, &featured);

	struct ue_story_params sp;
	ue_story_params_default(&sp);
	if (o->story_threshold > 0)
		sp.cluster.threshold = o->story_threshold;
	if (o->story_window_days > 0)
		sp.cluster.window_days = o->story_window_days;
	uint64_t stories = 0;
	if (!e && (stages & UE_STAGE_STORIES)) {
		if (progress)
			progress((void *)o, "stories", 0, 1);
		e = ue_story_run(s, &sp, &stories);
		if (!e && progress)
			progress((void *)o, "stories", 1, 1);
	}

	struct ue_claim_params cp;
	ue_claim_params_default(&cp);
	struct ue_claims_summary cs = {0};
	if (!e && (stages & UE_STAGE_CLAIMS)) {
		if (progress)
			progress((void *)o, "claims", 0, 1);
		e = ue_claims_run(s, &cp, &cs);
		if (!e && progress)
			progress((void *)o, "claims", 1, 1);
	}

	if (summary) {
		summary->texts = rs.texts_new;
		summary->candidates = rs.candidates;
		summary->pairs = rs.pairs;
		summary->documents = rs.docs_updated;
		summary->stories = stories;
		summary->claims = cs.claims;
		summary->origins = cs.origins;
	}
	return e;
}
