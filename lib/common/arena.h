/*
 * arena.h - memory handed out in pieces from big blocks and given back all
 * at once: for many objects that live exactly as long as one another.
 *
 * Big blocks are placed in huge pages where the system gives them on
 * request: objects read at random across gigabytes then cost fewer TLB
 * misses and page faults.  An arena is not safe to share between threads
 * without a lock; give each thread its own.
 */
#ifndef UE_ARENA_H
#define UE_ARENA_H

#include <stddef.h>

struct ue_arena_block;

struct ue_arena {
	struct ue_arena_block *block;   /* the newest, which is being filled */
	size_t block_bytes;             /* room of a new block */
};

/* An empty arena whose blocks take block_bytes each, header included
 * (an object too big for one gets a block of its own). */
void ue_arena_init(struct ue_arena *a, size_t block_bytes);

/* Room for bytes (none is fine), aligned for any type; NULL without
 * memory.  It lasts until ue_arena_release. */
void *ue_arena_alloc(struct ue_arena *a, size_t bytes);

/* Gives back everything the arena handed out; it is empty again. */
void ue_arena_release(struct ue_arena *a);

/* Room for bytes, aligned to a cache line, and in huge pages where the
 * system gives them on request (for 2 MB or more); freed with free().
 * NULL without memory. */
void *ue_huge_alloc(size_t bytes);

#endif
