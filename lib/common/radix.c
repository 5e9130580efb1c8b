/* radix.c - LSD radix sort of 32-bit keys, a byte per pass (radix.h). */
#include "common/radix.h"

#include <string.h>

void ue_radix_sort_u32(uint32_t *v, size_t n, uint32_t *scratch)
{
	if (n < 2)
		return;
	size_t count[4][257];
	memset(count, 0, sizeof count);
	for (size_t i = 0; i < n; i++)   /* all four histograms in one pass */
		for (int d = 0; d < 4; d++)
			count[d][((v[i] >> (8 * d)) & 0xFF) + 1]++;
	uint32_t *from = v, *to = scratch;
	for (int d = 0; d < 4; d++) {
		size_t *c = count[d];
		if (c[((from[0] >> (8 * d)) & 0xFF) + 1] == n)
			continue;   /* every key has this digit: nothing moves */
		for (int b = 0; b < 256; b++)
			c[b + 1] += c[b];
		for (size_t i = 0; i < n; i++)
			to[c[(from[i] >> (8 * d)) & 0xFF]++] = from[i];
		uint32_t *x = from;
		from = to;
		to = x;
	}
	if (from != v)
		memcpy(v, from, n * sizeof *v);
}
