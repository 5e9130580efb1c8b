/* arena.c - block allocation of objects freed together (arena.h). */
#include "common/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#define HUGE_PAGE ((size_t)2 << 20)
#define CACHE_LINE 64
#define ALIGN alignof(max_align_t)

struct ue_arena_block {
	struct ue_arena_block *prev;
	size_t used, room;   /* bytes of data */
	alignas(max_align_t) unsigned char data[];
};

void *ue_huge_alloc(size_t bytes)
{
	void *p = NULL;
	if (posix_memalign(&p, bytes < HUGE_PAGE ? CACHE_LINE : HUGE_PAGE,
	                   bytes ? bytes : 1))
		return NULL;
#ifdef MADV_HUGEPAGE
	if (bytes >= HUGE_PAGE)   /* only advice: failure is fine */
		madvise(p, bytes, MADV_HUGEPAGE);
#endif
	return p;
}

void ue_arena_init(struct ue_arena *a, size_t block_bytes)
{
	a->block = NULL;
	a->block_bytes = block_bytes;
}

void *ue_arena_alloc(struct ue_arena *a, size_t bytes)
{
	size_t need = (bytes + ALIGN - 1) / ALIGN * ALIGN;
	if (need < bytes)
		return NULL;
	struct ue_arena_block *b = a->block;
	if (!b || b->room - b->used < need) {
		/* A block and its header fill block_bytes, in whole pages. */
		size_t usual = a->block_bytes > sizeof *b ?
		               a->block_bytes - sizeof *b : 0;
		size_t room = need > usual ? need : usual;
		if (room > SIZE_MAX - sizeof *b)
			return NULL;
		b = ue_huge_alloc(sizeof *b + room);
		if (!b)
			return NULL;
		b->used = 0;
		b->room = room;
		/* A big object's own block goes behind the newest, which goes
		 * on filling. */
		if (a->block && room > usual) {
			b->prev = a->block->prev;
			a->block->prev = b;
		} else {
			b->prev = a->block;
			a->block = b;
		}
	}
	void *p = b->data + b->used;
	b->used += need;
	return p;
}

void ue_arena_release(struct ue_arena *a)
{
	while (a->block) {
		struct ue_arena_block *prev = a->block->prev;
		free(a->block);
		a->block = prev;
	}
}
