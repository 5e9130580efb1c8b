/* route.c - the route table and dispatch; see route.h. */
#include "route.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "api_wb.h"
#include "assets.h"
#include "cache.h"
#include "http.h"
#include "pool.h"
#include "server.h"

static const struct route routes[] = {
	{"GET", "/", 0, assets_index},
	{"GET", "/index.html", 0, assets_index},
	{"GET", "/static/", ROUTE_PREFIX, assets_file},
	{"GET", "/api/meta", 0, api_meta},
	{"GET", "/api/stats", ROUTE_DB | ROUTE_CACHE, api_stats},
	{"GET", "/api/stories", ROUTE_DB | ROUTE_CACHE, api_stories},
	{"GET", "/api/stories/", ROUTE_PREFIX | ROUTE_DB | ROUTE_CACHE,
	 api_story},
	{"GET", "/api/claims/", ROUTE_PREFIX | ROUTE_DB | ROUTE_CACHE,
	 api_claim},
	{"GET", "/api/docs/", ROUTE_PREFIX | ROUTE_DB | ROUTE_CACHE, api_doc},
	{"GET", "/api/origins", ROUTE_DB | ROUTE_CACHE, api_origins},
	{"GET", "/api/origins/", ROUTE_PREFIX | ROUTE_DB | ROUTE_CACHE,
	 api_origin},
	{"GET", "/api/outlets", ROUTE_DB | ROUTE_CACHE, api_outlets},
	/* the analyst's workbench */
	{"GET", "/api/workbench", ROUTE_DB | ROUTE_CACHE, api_workbench},
	{"GET", "/api/ach", ROUTE_DB | ROUTE_CACHE, api_ach_list},
	{"GET", "/api/ach/", ROUTE_PREFIX | ROUTE_DB | ROUTE_CACHE, api_ach},
	{"PUT", "/api/ach/*/ratings", ROUTE_PREFIX | ROUTE_DB | ROUTE_WRITE,
	 api_ach_rate},
	{"GET", "/api/assumptions", ROUTE_DB | ROUTE_CACHE, api_assumptions},
	{"GET", "/api/actors", ROUTE_DB | ROUTE_CACHE, api_actor_list},
	{"GET", "/api/actors/", ROUTE_PREFIX | ROUTE_DB | ROUTE_CACHE,
	 api_actor},
};

#define NROUTES (sizeof routes / sizeof routes[0])

static const struct {
	ue_status st;
	unsigned http;
	const char *message;
} statuses[] = {
	{UE_ENOTFOUND, 404, "not found"},
	{UE_EINVAL, 400, "bad request"},
	{UE_EFORMAT, 400, "bad request"},
	{UE_EEXIST, 409, "already exists"},
	{UE_ELIMIT, 413, "the answer is too large"},
	{UE_ENOMEM, 503, "out of memory"},
	{UE_ESCHEMA, 500, "the database is from a newer unecho"},
};

void route_fail(struct reply *rp, ue_corpus *c, ue_status st)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].st == st) {
			reply_error(rp, statuses[i].http, statuses[i].message);
			return;
		}
	fprintf(stderr, "unecho: serve: %s\n",
	        c && *ue_errmsg(c) ? ue_errmsg(c) : ue_strerror(st));
	reply_error(rp, 500, "internal error");
}

/* Whether path matches r: *arg and *arglen are what the prefix, or the
 * '*' of the pattern, stands for (not NUL-terminated before a suffix). */
static int matches(const struct route *r, const char *path, const char **arg,
                   size_t *arglen)
{
	*arg = "";
	*arglen = 0;
	if (!(r->flags & ROUTE_PREFIX))
		return strcmp(path, r->pattern) == 0;
	const char *star = strchr(r->pattern, '*');
	size_t head = star ? (size_t)(star - r->pattern) : strlen(r->pattern);
	size_t tail = star ? strlen(star + 1) : 0;
	size_t n = strlen(path);
	if (n <= head + tail || strncmp(path, r->pattern, head) != 0 ||
	    (tail && strcmp(path + n - tail, star + 1) != 0))
		return 0;
	*arg = path + head;
	*arglen = n - head - tail;
	return 1;
}

void route_allow(const char *path, char *out, size_t len)
{
	static const char *const methods[] = {"GET", "PUT", "POST", "DELETE"};
	size_t used = 0;
	if (len)
		out[0] = '\0';
	for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++)
		for (size_t i = 0; i < NROUTES; i++) {
			const char *arg;
			size_t arglen;
			if (strcmp(routes[i].method, methods[m]) != 0 ||
			    !matches(&routes[i], path, &arg, &arglen))
				continue;
			int w = snprintf(out + used, len - used, "%s%s",
			                 used ? ", " : "",
			                 m == 0 ? "GET, HEAD" : methods[m]);
			if (w > 0 && (size_t)w < len - used)
				used += (size_t)w;
			break;
		}
}

/* The cache key of a GET: its path and query arguments (not the token). */
static void add_arg(void *ctx, const char *key, const char *value)
{
	struct ue_buf *b = ctx;
	if (strcmp(key, "token") != 0)
		ue_buf_printf(b, "&%s=%s", key, value);
}

static void run(struct server *srv, const struct route *r,
                struct request *rq, struct reply *rp)
{
	struct ue_buf key = UE_BUF_INIT;
	const struct cache_val *hit = NULL;
	uint64_t stamp = 0;
	int cache = (r->flags & ROUTE_CACHE) && srv->cache;
	if (cache) {
		ue_buf_init(&key, 16384);
		ue_buf_puts(&key, rq->path);
		request_each_query(rq, add_arg, &key);
		if (key.len >= 16000)   /* capped: keep no such key */
			cache = 0;
		else if ((hit = cache_get(srv->cache, ue_buf_str(&key)))) {
			/* sent from the cache, given back once sent */
			rp->data = hit->data;
			rp->data_len = hit->len;
			rp->release = cache_release_value;
			rp->release_cls = (void *)hit;
			rp->no_store = 1;
			ue_buf_release(&key);
			return;
		}
		stamp = cache_stamp(srv->cache);
	}
	ue_corpus *c = NULL;
	if (r->flags & ROUTE_DB)
		c = pool_get(srv->pool);
	if (r->flags & ROUTE_WRITE)
		pool_write_lock(srv->pool);
	if (r->flags & ROUTE_DB)
		rp->no_store = 1;
	r->fn(srv, c, rq, rp);
	if (r->flags & ROUTE_WRITE) {
		if (srv->cache)
			cache_clear(srv->cache);
		pool_write_unlock(srv->pool);
	}
	if (c)
		pool_put(srv->pool, c);
	if (cache && rp->status == 200 && !rp->data)
		cache_put(srv->cache, ue_buf_str(&key), rp->body.data
		          ? rp->body.data : "", rp->body.len, stamp);
	ue_buf_release(&key);
}

void route_dispatch(struct server *srv, struct request *rq,
                    struct reply *rp)
{
	int path_known = 0;
	for (size_t i = 0; i < NROUTES; i++) {
		const char *arg;
		size_t arglen;
		if (!matches(&routes[i], rq->path, &arg, &arglen))
			continue;
		path_known = 1;
		if (strcmp(routes[i].method, rq->method) != 0)
			continue;
		/* an argument before a suffix is copied to end it */
		char *copy = NULL;
		if (arg[arglen] && !(copy = strndup(arg, arglen))) {
			reply_error(rp, 503, "out of memory");
			return;
		}
		rq->arg = copy ? copy : arg;
		run(srv, &routes[i], rq, rp);
		rq->arg = "";
		free(copy);
		return;
	}
	if (path_known) {
		reply_error(rp, 405, "method not allowed");
		route_allow(rq->path, rp->allow, sizeof rp->allow);
	} else {
		reply_error(rp, 404, "not found");
	}
}
