/*
 * pool.h - database handles for the server's worker threads.  Each
 * request borrows one handle (one SQLite connection), so reads run in
 * parallel (the database is in WAL mode); changes hold the write lock,
 * so they are serialised.
 */
#ifndef UE_SERVE_POOL_H
#define UE_SERVE_POOL_H

#include "unecho/unecho.h"

struct pool;

/* Opens n handles on the database at path.  NULL on failure, with a
 * message in err. */
struct pool *pool_new(const char *path, unsigned n, char *err,
                      size_t errlen);
/* Closes every handle; accepts NULL.  No handle may be out. */
void pool_free(struct pool *p);
/* Borrows a handle, waiting while all are out; give it back with
 * pool_put. */
ue_corpus *pool_get(struct pool *p);
void pool_put(struct pool *p, ue_corpus *c);
/* Held around every change to the database. */
void pool_write_lock(struct pool *p);
void pool_write_unlock(struct pool *p);

#endif
