/*
 * cache.h - values computed from the database (responses, sorted
 * listings), kept until the database changes.  A change is seen from the
 * database file and its write-ahead log (their size and modification
 * time), so a write by another process (unecho analyze) empties the cache
 * too.  Bounded: when the values outgrow the cap the cache is emptied.
 */
#ifndef UE_SERVE_CACHE_H
#define UE_SERVE_CACHE_H

#include <stddef.h>
#include <stdint.h>

struct cache;

/* A cached value: len bytes of data plus a NUL.  Shared: give it back
 * with cache_release. */
struct cache_val {
	size_t len;
	const char *data;
};

/* A cache for the database at db_path holding at most cap bytes; NULL
 * when out of memory. */
struct cache *cache_new(const char *db_path, size_t cap);
void cache_free(struct cache *c);   /* accepts NULL; no value may be out */

/* The state of the database now: pass it to cache_put with a value
 * computed after this call. */
uint64_t cache_stamp(struct cache *c);
/* The value under key, or NULL (also when the database changed since it
 * was stored). */
const struct cache_val *cache_get(struct cache *c, const char *key);
void cache_release(struct cache *c, const struct cache_val *v);
/* The same for a callback that gets only the value (v, as void *). */
void cache_release_value(void *v);
/* Stores a copy of data under key, unless the database changed since
 * stamp; a failure to store is silent (the value is recomputed later). */
void cache_put(struct cache *c, const char *key, const char *data,
               size_t len, uint64_t stamp);
/* Empties the cache after a change made by the server, and counts the
 * change in the stamp: a value computed before it is never stored. */
void cache_clear(struct cache *c);

#endif
