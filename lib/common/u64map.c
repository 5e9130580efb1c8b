/* u64map.c - a hash map of 64-bit keys; see u64map.h. */
#include "common/u64map.h"

#include <stdlib.h>

void ue_u64map_release(struct ue_u64map *m)
{
	free(m->key);
	free(m->value);
	free(m->used);
	*m = (struct ue_u64map)UE_U64MAP_INIT;
}

static size_t home(uint64_t key, size_t cap)
{
	return (size_t)((key ^ (key >> 29)) * 0x9E3779B97F4A7C15ull >> 7) &
	       (cap - 1);
}

static ue_status grow(struct ue_u64map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	uint64_t *k = malloc(cap * sizeof *k), *v = malloc(cap * sizeof *v);
	unsigned char *u = calloc(cap, 1);
	if (!k || !v || !u) {
		free(k);
		free(v);
		free(u);
		return UE_ENOMEM;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->used[i])
			continue;
		size_t j = home(m->key[i], cap);
		while (u[j])
			j = (j + 1) & (cap - 1);
		u[j] = 1;
		k[j] = m->key[i];
		v[j] = m->value[i];
	}
	free(m->key);
	free(m->value);
	free(m->used);
	m->key = k;
	m->value = v;
	m->used = u;
	m->cap = cap;
	return UE_OK;
}

ue_status ue_u64map_slot(struct ue_u64map *m, uint64_t key,
                         uint64_t **value, int *added)
{
	if ((m->n + 1) * 4 > m->cap * 3) {
		ue_status e = grow(m);
		if (e)
			return e;
	}
	size_t i = home(key, m->cap);
	while (m->used[i] && m->key[i] != key)
		i = (i + 1) & (m->cap - 1);
	if (added)
		*added = !m->used[i];
	if (!m->used[i]) {
		m->used[i] = 1;
		m->key[i] = key;
		m->value[i] = 0;
		m->n++;
	}
	*value = &m->value[i];
	return UE_OK;
}

const uint64_t *ue_u64map_get(const struct ue_u64map *m, uint64_t key)
{
	if (!m->cap)
		return NULL;
	size_t i = home(key, m->cap);
	while (m->used[i] && m->key[i] != key)
		i = (i + 1) & (m->cap - 1);
	return m->used[i] ? &m->value[i] : NULL;
}
