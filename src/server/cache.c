/* cache.c - values kept until the database changes; see cache.h. */
#include "cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SLOTS 1024            /* entries at most (a power of two) */

struct entry {
	struct cache_val val;     /* first: a cache_val * is an entry * */
	unsigned refs;            /* the table's reference and borrowers' */
	char *key;
	struct cache *owner;
};

struct cache {
	pthread_mutex_t lock;
	char *db, *wal;
	uint64_t stamp;           /* the state the values were computed on */
	atomic_uint_fast64_t gen; /* changes made by the server, counted */
	size_t bytes, cap, n;
	struct entry *slot[SLOTS];
};

struct cache *cache_new(const char *db_path, size_t cap)
{
	struct cache *c = calloc(1, sizeof *c);
	size_t n = strlen(db_path);
	if (!c || !(c->db = strdup(db_path)) || !(c->wal = malloc(n + 5))) {
		if (c)
			free(c->db);
		free(c);
		return NULL;
	}
	memcpy(c->wal, db_path, n);
	memcpy(c->wal + n, "-wal", 5);
	c->cap = cap;
	atomic_init(&c->gen, 0);
	pthread_mutex_init(&c->lock, NULL);
	return c;
}

static void unref(struct cache *c, struct entry *e)
{
	(void)c;
	if (--e->refs == 0) {
		free((char *)e->val.data);
		free(e->key);
		free(e);
	}
}

/* Drops every entry; the caller holds the lock. */
static void clear_locked(struct cache *c)
{
	for (size_t i = 0; i < SLOTS; i++)
		if (c->slot[i]) {
			unref(c, c->slot[i]);
			c->slot[i] = NULL;
		}
	c->bytes = c->n = 0;
}

void cache_free(struct cache *c)
{
	if (!c)
		return;
	clear_locked(c);
	pthread_mutex_destroy(&c->lock);
	free(c->db);
	free(c->wal);
	free(c);
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h;
}

/* The database's files as they are now, and the server's own changes
 * (which file times, of coarse resolution, may not tell apart). */
uint64_t cache_stamp(struct cache *c)
{
	uint64_t h = mix(1, (uint64_t)atomic_load(&c->gen));
	const char *paths[2] = {c->db, c->wal};
	for (int i = 0; i < 2; i++) {
		struct stat st;
		if (stat(paths[i], &st) != 0)
			continue;
		h = mix(h, (uint64_t)st.st_ino);
		h = mix(h, (uint64_t)st.st_size);
		h = mix(h, (uint64_t)st.st_mtim.tv_sec);
		h = mix(h, (uint64_t)st.st_mtim.tv_nsec);
	}
	return h;
}

static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

/* The slot of key, or the empty slot where it would go; NULL when the
 * table is full.  The caller holds the lock. */
static struct entry **find(struct cache *c, const char *key)
{
	size_t i = hash(key) & (SLOTS - 1);
	for (size_t k = 0; k < SLOTS; k++, i = (i + 1) & (SLOTS - 1))
		if (!c->slot[i] || strcmp(c->slot[i]->key, key) == 0)
			return &c->slot[i];
	return NULL;
}

const struct cache_val *cache_get(struct cache *c, const char *key)
{
	uint64_t now = cache_stamp(c);
	struct entry *e = NULL;
	pthread_mutex_lock(&c->lock);
	if (now != c->stamp) {
		clear_locked(c);
		c->stamp = now;
	}
	struct entry **slot = find(c, key);
	if (slot && *slot) {
		e = *slot;
		e->refs++;
	}
	pthread_mutex_unlock(&c->lock);
	return e ? &e->val : NULL;
}

void cache_release(struct cache *c, const struct cache_val *v)
{
	if (!v)
		return;
	pthread_mutex_lock(&c->lock);
	unref(c, (struct entry *)v);
	pthread_mutex_unlock(&c->lock);
}

void cache_release_value(void *v)
{
	if (v)
		cache_release(((struct entry *)v)->owner, v);
}

void cache_put(struct cache *c, const char *key, const char *data,
               size_t len, uint64_t stamp)
{
	if (len > c->cap / 4)
		return;
	struct entry *e = calloc(1, sizeof *e);
	char *copy = malloc(len + 1);
	if (!e || !copy || !(e->key = strdup(key))) {
		free(e);
		free(copy);
		return;
	}
	memcpy(copy, data, len);
	copy[len] = '\0';
	e->val.data = copy;
	e->val.len = len;
	e->refs = 1;
	e->owner = c;
	pthread_mutex_lock(&c->lock);
	if (stamp != c->stamp || cache_stamp(c) != stamp) {
		unref(c, e);
		pthread_mutex_unlock(&c->lock);
		return;
	}
	if (c->bytes + len > c->cap || c->n + 1 > SLOTS / 2)
		clear_locked(c);
	struct entry **slot = find(c, key);
	if (*slot) {              /* another thread stored it meanwhile */
		c->bytes -= (*slot)->val.len;
		c->n--;
		unref(c, *slot);
	}
	*slot = e;
	c->bytes += len;
	c->n++;
	pthread_mutex_unlock(&c->lock);
}

void cache_clear(struct cache *c)
{
	atomic_fetch_add(&c->gen, 1);
	pthread_mutex_lock(&c->lock);
	clear_locked(c);
	c->stamp = 0;
	pthread_mutex_unlock(&c->lock);
}
