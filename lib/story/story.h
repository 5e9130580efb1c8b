/*
 * story.h - the story stage of SPEC §4.3: documents grouped into stories
 * (cluster.h) from the term vectors of their texts and their titles,
 * each story labelled by its most characteristic words and the headline
 * of its most central document.  Stories are recomputed whenever the set
 * of documents has changed since the last run, and only then.
 */
#ifndef UE_STORY_H
#define UE_STORY_H

#include "story/cluster.h"
#include "store/store.h"

struct ue_story_params {
	struct ue_cluster_params cluster;
	unsigned doc_terms;      /* heaviest terms per document [40] */
	double title_weight;     /* a title word counts as this many [3] */
	unsigned label_words;    /* words in a label [4] */
	/* Inverse document frequencies are computed as if the corpus had at
	 * least this many documents [1000], so that in a small corpus about
	 * one subject, the words all of it shares still weigh something. */
	size_t min_corpus;
};

void ue_story_params_default(struct ue_story_params *p);

/* Runs the stage if the documents changed; *stories receives the number
 * of stories when it ran, 0 when nothing had changed. */
ue_status ue_story_run(struct ue_store *s, const struct ue_story_params *p,
                       uint64_t *stories);

#endif
