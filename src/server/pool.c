/* pool.c - database handles for the worker threads; see pool.h. */
#include "pool.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct pool {
	pthread_mutex_t lock;
	pthread_cond_t freed;
	pthread_mutex_t write;
	unsigned n, nfree;
	ue_corpus **all, **free;   /* every handle; the stack of free ones */
};

struct pool *pool_new(const char *path, unsigned n, char *err,
                      size_t errlen)
{
	struct pool *p = calloc(1, sizeof *p);
	if (!p || !(p->all = calloc(n, sizeof *p->all)) ||
	    !(p->free = calloc(n, sizeof *p->free))) {
		snprintf(err, errlen, "out of memory");
		if (p) {
			free(p->all);
			free(p);
		}
		return NULL;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->freed, NULL);
	pthread_mutex_init(&p->write, NULL);
	for (; p->n < n; p->n++) {
		if (ue_corpus_open(path, &p->all[p->n], err, errlen)) {
			pool_free(p);
			return NULL;
		}
		p->free[p->nfree++] = p->all[p->n];
	}
	return p;
}

void pool_free(struct pool *p)
{
	if (!p)
		return;
	for (unsigned i = 0; i < p->n; i++)
		ue_corpus_free(p->all[i]);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->freed);
	pthread_mutex_destroy(&p->write);
	free(p->all);
	free(p->free);
	free(p);
}

ue_corpus *pool_get(struct pool *p)
{
	pthread_mutex_lock(&p->lock);
	while (p->nfree == 0)
		pthread_cond_wait(&p->freed, &p->lock);
	ue_corpus *c = p->free[--p->nfree];
	pthread_mutex_unlock(&p->lock);
	return c;
}

void pool_put(struct pool *p, ue_corpus *c)
{
	pthread_mutex_lock(&p->lock);
	p->free[p->nfree++] = c;
	pthread_cond_signal(&p->freed);
	pthread_mutex_unlock(&p->lock);
}

void pool_write_lock(struct pool *p)
{
	pthread_mutex_lock(&p->write);
}

void pool_write_unlock(struct pool *p)
{
	pthread_mutex_unlock(&p->write);
}
