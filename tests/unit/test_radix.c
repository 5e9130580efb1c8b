/* test_radix.c - tests of lib/common/radix.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/radix.h"

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Sorts n keys made by next() both ways and compares. */
static void check(size_t n, uint32_t (*next)(size_t i))
{
	uint32_t *v = malloc((n + 1) * sizeof *v);
	uint32_t *want = malloc((n + 1) * sizeof *want);
	uint32_t *scratch = malloc((n + 1) * sizeof *scratch);
	assert_non_null(v);
	assert_non_null(want);
	assert_non_null(scratch);
	for (size_t i = 0; i < n; i++)
		v[i] = want[i] = next(i);
	qsort(want, n, sizeof *want, cmp_u32);
	ue_radix_sort_u32(v, n, scratch);
	if (n)
		assert_memory_equal(v, want, n * sizeof *v);
	free(v);
	free(want);
	free(scratch);
}

static uint32_t random_key(size_t i)
{
	uint64_t x = (i + 1) * 0x9e3779b97f4a7c15ULL;
	return (uint32_t)(x >> 29);
}

static uint32_t few_values(size_t i)
{
	return (uint32_t)(i % 7) << 24 | 0x00ABCD00u;   /* one digit varies */
}

static uint32_t descending(size_t i)
{
	return UINT32_MAX - (uint32_t)i;
}

static void test_sorts(void **state)
{
	(void)state;
	size_t sizes[] = {0, 1, 2, 3, 17, 256, 1000, 100000};
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		check(sizes[k], random_key);
		check(sizes[k], few_values);
		check(sizes[k], descending);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sorts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
