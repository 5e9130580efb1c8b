/*
 * postings.h - an inverted index from 64-bit keys (words, entities,
 * figures) to the ids of the groups holding them (stories, claims), with
 * each key's document frequency, for the stages that cluster in time
 * order: ids are appended as groups gain a key, so the latest are last.
 */
#ifndef UE_POSTINGS_H
#define UE_POSTINGS_H

#include <stddef.h>
#include <stdint.h>
#include "common/u64map.h"

struct ue_posting {
	uint32_t *id;          /* in order of addition */
	uint32_t n, alloc;
	uint32_t df;           /* items with the key, counted by the user */
};

struct ue_postings {
	struct ue_u64map index;   /* key -> position in p */
	struct ue_posting *p;
	size_t n, alloc;
};

#define UE_POSTINGS_INIT {UE_U64MAP_INIT, NULL, 0, 0}

void ue_postings_release(struct ue_postings *ps);

/* The posting of key, added empty if absent; valid until the next key
 * is added. */
ue_status ue_postings_get(struct ue_postings *ps, uint64_t key,
                          struct ue_posting **out);

/* The posting of key, or NULL. */
struct ue_posting *ue_postings_find(const struct ue_postings *ps,
                                    uint64_t key);

/* Appends id unless it is already the last. */
ue_status ue_posting_add(struct ue_posting *p, uint32_t id);

/*
 * Finding candidates: the ids that appear in the most of some postings,
 * looking only at the last `depth` ids of each (the latest groups).
 * A probe keeps per-id scratch: reserve room for every id first.
 */
struct ue_probe {
	uint32_t *seen;        /* per id: the stamp of the last run */
	uint8_t *hits;         /* per id: postings it appeared in */
	size_t alloc;
	uint32_t stamp;
	uint64_t *cand;        /* (255 - hits) << 32 | id */
	size_t cand_alloc;
};

void ue_probe_release(struct ue_probe *pr);

/* Makes room for ids below n. */
ue_status ue_probe_reserve(struct ue_probe *pr, size_t n);

/* Writes to out (at most max) the ids found in the last depth ids of
 * p[0..np), those in the most postings first, then by id; *nout receives
 * how many.  At most 255 postings are counted. */
ue_status ue_probe_run(struct ue_probe *pr, const struct ue_posting *const *p,
                       size_t np, uint32_t depth, uint32_t *out, size_t max,
                       size_t *nout);

#endif
