/*
 * route.h - the route table of unecho serve: each method and path goes to
 * one handler.  A route marked ROUTE_DB gets a database handle from the
 * pool; ROUTE_WRITE also holds the write lock and empties the cache after
 * it (the guard has already checked the token and the origin);
 * ROUTE_CACHE keeps a GET's reply until the database changes.
 */
#ifndef UE_SERVE_ROUTE_H
#define UE_SERVE_ROUTE_H

#include "unecho/unecho.h"

struct server;
struct request;
struct reply;

/* A pattern is a path, or with ROUTE_PREFIX a prefix whose rest is
 * rq->arg; a '*' in a prefix pattern stands for the argument in the
 * middle ("/api/ach/ * /ratings" without the spaces). */
enum {
	ROUTE_PREFIX = 1,   /* pattern is a prefix; the rest is rq->arg */
	ROUTE_DB = 2,       /* needs a database handle */
	ROUTE_WRITE = 4,    /* changes the database */
	ROUTE_CACHE = 8,    /* the reply may be cached */
};

/* A handler fills rp (status 200 and a JSON body unless it says
 * otherwise); c is NULL for routes without ROUTE_DB. */
typedef void (*route_fn)(struct server *srv, ue_corpus *c,
                         const struct request *rq, struct reply *rp);

struct route {
	const char *method;
	const char *pattern;
	unsigned flags;
	route_fn fn;
};

/* Finds the route of rq and runs it: 404 when no pattern matches, 405
 * (with the Allow header of the path) when one matches with another
 * method. */
void route_dispatch(struct server *srv, struct request *rq,
                    struct reply *rp);

/* Maps a library status to the reply's HTTP status and a fixed message
 * (one table for the whole server); details go to stderr for 5xx only. */
void route_fail(struct reply *rp, ue_corpus *c, ue_status st);

/* Writes the methods the routes take on path to out ("GET, HEAD, PUT"),
 * for the Allow header; "" when no route matches it. */
void route_allow(const char *path, char *out, size_t len);

#endif
