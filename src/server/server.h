/*
 * server.h - unecho serve: the web application over one database.
 *
 * The server is a few small modules, each with its own header:
 *   server.c  options, the listening address, the token, start and stop
 *   http.c    libmicrohttpd glue: requests, limits, replies, headers
 *   guard.c   the security policy: Host, token, cross-site changes
 *   route.c   the route table: method and path to a handler
 *   api.c     the JSON API under /api/ (docs/api.md)
 *   api_wb.c  its workbench part: ACH, assumptions, actors; rating edits
 *   assets.c  the embedded front-end files of web/
 *   pool.c    database handles for the worker threads; writes serialised
 *   cache.c   responses kept until the database changes
 */
#ifndef UE_SERVE_SERVER_H
#define UE_SERVE_SERVER_H

#include <stddef.h>

/* What `unecho serve` was asked for. */
struct server_options {
	const char *db;          /* the database path */
	const char *listen;      /* "ADDR:PORT"; NULL: 127.0.0.1:8080 */
	const char *token;       /* NULL: none given (one is generated) */
	int read_only;           /* refuse every change */
	unsigned threads;        /* worker threads; 0: one per core */
};

struct pool;
struct cache;

/* The running server, shared (read-only after start) by the modules. */
struct server {
	char token[129];         /* given or generated */
	int token_for_reads;     /* every request needs the token */
	int loopback;            /* listening on a loopback address */
	int read_only;
	unsigned port;           /* the bound port */
	struct pool *pool;
	struct cache *cache;
};

/* Runs the server until SIGINT or SIGTERM.  Prints the address and the
 * token on stdout, problems on stderr; returns the program's exit code
 * (0, or 2 for bad options, 3 when the server could not start). */
int server_run(const struct server_options *o);

#endif
