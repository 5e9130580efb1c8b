/*
 * http.h - the HTTP layer of unecho serve, over libmicrohttpd: the
 * request and reply that handlers see, and the daemon.  Every reply gets
 * the security headers (Content-Security-Policy and the rest, docs/api.md);
 * request bodies and headers have hard limits.
 */
#ifndef UE_SERVE_HTTP_H
#define UE_SERVE_HTTP_H

#include <stddef.h>
#include <sys/socket.h>

#include "common/buf.h"

struct MHD_Connection;
struct server;

#define HTTP_MAX_BODY (64 * 1024)        /* a request body */
#define HTTP_MAX_REPLY (256u << 20)      /* a reply built by a handler */

struct request {
	const char *method;      /* GET (also for HEAD), POST, PUT, DELETE */
	const char *path;        /* decoded, without the query */
	const char *arg;         /* after a prefix route's pattern; "" */
	const char *body;        /* the body (NUL-terminated); "" */
	size_t body_len;
	struct MHD_Connection *conn;
};

struct reply {
	unsigned status;         /* 200 unless set */
	const char *type;        /* Content-Type; JSON unless set */
	struct ue_buf body;      /* what a handler writes */
	const char *data;        /* data sent instead of body: static, */
	size_t data_len;
	void (*release)(void *); /* or given back by release(release_cls) */
	void *release_cls;       /* once sent */
	int no_store;            /* Cache-Control: no-store (API) */
	char location[256];      /* a redirect's target, "" when none */
	char cookie[200];        /* a Set-Cookie value, "" when none */
	char allow[40];          /* a 405's Allow header; "": GET, HEAD */
};

/* A query parameter, a header or a cookie of the request; NULL when
 * absent. */
const char *request_query(const struct request *rq, const char *key);
const char *request_header(const struct request *rq, const char *name);
const char *request_cookie(const struct request *rq, const char *name);

/* Calls fn for each query parameter of the request, in order. */
void request_each_query(const struct request *rq,
                        void (*fn)(void *ctx, const char *key,
                                   const char *value), void *ctx);

/* Replaces the reply by {"error": message, "status": status}.  message is
 * a fixed text, never internals or request data. */
void reply_error(struct reply *rp, unsigned status, const char *message);

/* Starts the daemon on addr with threads worker threads, handing requests
 * to the guard and the routes of srv; NULL on failure. */
struct MHD_Daemon *http_start(struct server *srv,
                              const struct sockaddr *addr, unsigned threads);
/* The port the daemon listens on. */
unsigned http_port(struct MHD_Daemon *d);
void http_stop(struct MHD_Daemon *d);

#endif
