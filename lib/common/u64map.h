/*
 * u64map.h - a hash map from 64-bit keys (already well mixed, e.g. XXH3
 * hashes of words) to 64-bit values, with open addressing.  Every key is
 * allowed, 0 included.
 */
#ifndef UE_U64MAP_H
#define UE_U64MAP_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

struct ue_u64map {
	uint64_t *key;
	uint64_t *value;
	unsigned char *used;
	size_t cap, n;
};

#define UE_U64MAP_INIT {NULL, NULL, NULL, 0, 0}

void ue_u64map_release(struct ue_u64map *m);

/* The value of key, inserted as 0 if absent (*added says which); the
 * pointer is valid until the next insertion. */
ue_status ue_u64map_slot(struct ue_u64map *m, uint64_t key,
                         uint64_t **value, int *added);

/* The value of key, or NULL when absent. */
const uint64_t *ue_u64map_get(const struct ue_u64map *m, uint64_t key);

#endif
