/* test_arena.c - tests of lib/common/arena.c. */
#include <setjmp.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/arena.h"

/* Pieces are aligned, do not overlap, and keep what is written to them
 * while more are handed out, across many blocks. */
static void test_pieces_are_separate(void **state)
{
	(void)state;
	struct ue_arena a;
	ue_arena_init(&a, 4096);
	enum { N = 2000 };
	unsigned char *p[N];
	size_t len[N];
	for (size_t i = 0; i < N; i++) {
		len[i] = (i * 37) % 301;   /* 0 to 300 bytes */
		p[i] = ue_arena_alloc(&a, len[i]);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % alignof(max_align_t), 0);
		memset(p[i], (int)(i & 0xFF), len[i]);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t j = 0; j < len[i]; j++)
			assert_int_equal(p[i][j], i & 0xFF);
	ue_arena_release(&a);
	assert_null(a.block);
}

/* An object bigger than a block gets one of its own, and the block being
 * filled goes on: the next small piece follows the last one. */
static void test_big_objects(void **state)
{
	(void)state;
	struct ue_arena a;
	ue_arena_init(&a, 1024);
	unsigned char *small = ue_arena_alloc(&a, 16);
	unsigned char *big = ue_arena_alloc(&a, 100000);
	unsigned char *next = ue_arena_alloc(&a, 16);
	assert_non_null(small);
	assert_non_null(big);
	assert_non_null(next);
	memset(big, 7, 100000);
	assert_ptr_equal(next, small + 16);
	/* Huge-page sized, as the index asks: usable, freed with free(). */
	unsigned char *huge = ue_huge_alloc((size_t)5 << 20);
	assert_non_null(huge);
	memset(huge, 1, (size_t)5 << 20);
	free(huge);
	unsigned char *line = ue_huge_alloc(100);   /* small: a cache line */
	assert_non_null(line);
	assert_int_equal((uintptr_t)line % 64, 0);
	free(line);
	ue_arena_release(&a);
	/* Released, it hands out again, even nothing. */
	assert_non_null(ue_arena_alloc(&a, 10));
	assert_non_null(ue_arena_alloc(&a, 0));
	ue_arena_release(&a);
}

/* Sizes near SIZE_MAX fail cleanly. */
static void test_impossible_size(void **state)
{
	(void)state;
	struct ue_arena a;
	ue_arena_init(&a, 4096);
	assert_null(ue_arena_alloc(&a, SIZE_MAX));
	assert_null(ue_arena_alloc(&a, SIZE_MAX - 8));
	ue_arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_are_separate),
		cmocka_unit_test(test_big_objects),
		cmocka_unit_test(test_impossible_size),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
