/*
 * textpass.h - the per-text pass of `unecho analyze`: every text not yet
 * seen is read and tokenised once, on worker threads, and what the later
 * stages need of it is computed and stored: its term vector (with the
 * entities it names) for stories, its attributions, and its claim
 * mentions (with their quantities and entities) for claims.  Texts are handled in batches, each stored in one transaction,
 * so that an interrupted pass resumes where it stopped.
 */
#ifndef UE_TEXTPASS_H
#define UE_TEXTPASS_H

#include "store/store.h"

struct ue_textpass_params {
	unsigned threads;        /* worker threads [2] */
	void (*progress)(void *ctx, const char *phase, uint64_t done,
	                 uint64_t total);
	void *ctx;
};

/* Runs the pass over the texts without features; *texts receives how
 * many were done. */
ue_status ue_textpass_run(struct ue_store *s,
                          const struct ue_textpass_params *p,
                          uint64_t *texts);

#endif
