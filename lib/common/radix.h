/*
 * radix.h - sorting unsigned 32-bit keys without a comparison callback:
 * a least-significant-digit radix sort, linear in n, for the hot paths
 * that sort many small or large arrays of keys.
 */
#ifndef UE_RADIX_H
#define UE_RADIX_H

#include <stddef.h>
#include <stdint.h>

/* Sorts v[0..n) ascending; scratch has room for n keys. */
void ue_radix_sort_u32(uint32_t *v, size_t n, uint32_t *scratch);

#endif
