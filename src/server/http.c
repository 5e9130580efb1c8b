/* http.c - libmicrohttpd glue: requests, limits, replies and the headers
 * every reply carries; see http.h. */
#include "http.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard.h"
#include "route.h"
#include "server.h"

/* Scripts only from the server itself; 'unsafe-eval' because Vega
 * compiles its expressions with the Function constructor.  No inline
 * script or style, no framing. */
static const char csp[] =
	"default-src 'self'; script-src 'self' 'unsafe-eval'; "
	"style-src 'self'; img-src 'self' data:; connect-src 'self'; "
	"object-src 'none'; base-uri 'none'; form-action 'self'; "
	"frame-ancestors 'none'";

/* What is kept of one request between the calls of the access handler. */
struct state {
	struct ue_buf body;
	int too_big;
};

const char *request_query(const struct request *rq, const char *key)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND,
	                                   key);
}

const char *request_header(const struct request *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

const char *request_cookie(const struct request *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND, name);
}

struct each_query {
	void (*fn)(void *ctx, const char *key, const char *value);
	void *ctx;
};

static enum MHD_Result each_query(void *cls, enum MHD_ValueKind kind,
                                  const char *key, const char *value)
{
	struct each_query *q = cls;
	(void)kind;
	q->fn(q->ctx, key ? key : "", value ? value : "");
	return MHD_YES;
}

void request_each_query(const struct request *rq,
                        void (*fn)(void *ctx, const char *key,
                                   const char *value), void *ctx)
{
	struct each_query q = {fn, ctx};
	MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, each_query,
	                          &q);
}

void reply_error(struct reply *rp, unsigned status, const char *message)
{
	rp->status = status;
	rp->type = "application/json";
	if (rp->release)
		rp->release(rp->release_cls);
	rp->data = NULL;
	rp->release = NULL;
	rp->no_store = 1;
	ue_buf_reset(&rp->body);
	/* message is one of our fixed texts: no escaping needed */
	if (ue_buf_printf(&rp->body, "{\"error\":\"%s\",\"status\":%u}\n",
	                  message, status))
		ue_buf_reset(&rp->body);
}

static void add_headers(struct MHD_Response *r, const struct reply *rp)
{
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	        rp->type ? rp->type : "application/json");
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(r, "Cross-Origin-Resource-Policy",
	                        "same-origin");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
	                        rp->no_store ? "no-store" : "no-cache");
	if (rp->location[0])
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, rp->location);
	if (rp->cookie[0])
		MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, rp->cookie);
	if (rp->status == 405)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW,
		                        rp->allow[0] ? rp->allow : "GET, HEAD");
}

static enum MHD_Result send_reply(struct MHD_Connection *conn,
                                  struct reply *rp)
{
	struct MHD_Response *r;
	if (rp->data && rp->release) {
		r = MHD_create_response_from_buffer_with_free_callback_cls(
		        rp->data_len, (void *)rp->data, rp->release, rp->release_cls);
		if (!r)
			rp->release(rp->release_cls);
	} else if (rp->data) {
		r = MHD_create_response_from_buffer(rp->data_len,
		        (void *)rp->data, MHD_RESPMEM_PERSISTENT);
	} else {
		size_t len = 0;
		char *data = ue_buf_detach(&rp->body, &len);
		r = data ? MHD_create_response_from_buffer(len, data,
		                                           MHD_RESPMEM_MUST_FREE)
		         : MHD_create_response_from_buffer(0, (void *)"",
		                                           MHD_RESPMEM_PERSISTENT);
		if (!r)
			free(data);
	}
	if (!r)
		return MHD_NO;
	add_headers(r, rp);
	enum MHD_Result ret = MHD_queue_response(conn, rp->status, r);
	MHD_destroy_response(r);
	return ret;
}

/* Replies with an error before the request is routed; a 405 names the
 * methods of path (NULL: none known). */
static enum MHD_Result fail_now(struct MHD_Connection *conn, unsigned status,
                                const char *message, const char *path)
{
	struct reply rp = {.status = 200};
	ue_buf_init(&rp.body, HTTP_MAX_REPLY);
	reply_error(&rp, status, message);
	if (status == 405 && path)
		route_allow(path, rp.allow, sizeof rp.allow);
	enum MHD_Result ret = send_reply(conn, &rp);
	ue_buf_release(&rp.body);
	return ret;
}

/* The method as routes know it: HEAD is GET without the body (which
 * libmicrohttpd leaves out); NULL for one we do not serve. */
static const char *known_method(const char *m)
{
	static const char *const methods[] = {"GET", "POST", "PUT", "DELETE"};
	if (strcmp(m, "HEAD") == 0)
		return "GET";
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (strcmp(m, methods[i]) == 0)
			return methods[i];
	return NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
                                  const char *url, const char *method,
                                  const char *version,
                                  const char *upload, size_t *upload_size,
                                  void **con_cls)
{
	struct server *srv = cls;
	struct state *s = *con_cls;
	(void)version;
	if (!s) {
		if (!(s = calloc(1, sizeof *s)))
			return MHD_NO;
		ue_buf_init(&s->body, HTTP_MAX_BODY);
		*con_cls = s;
		/* A body declared too large is refused before it is read. */
		const char *cl = MHD_lookup_connection_value(conn,
		        MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > HTTP_MAX_BODY)
			return fail_now(conn, 413, "request body too large", NULL);
		return MHD_YES;
	}
	if (*upload_size) {
		if (!s->too_big &&
		    ue_buf_append(&s->body, upload, *upload_size) != UE_OK)
			s->too_big = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (s->too_big)
		return fail_now(conn, 413, "request body too large", NULL);
	const char *m = known_method(method);
	if (!m)
		return fail_now(conn, 405, "method not allowed",
		                url && url[0] == '/' ? url : NULL);
	if (!url || url[0] != '/')
		return fail_now(conn, 400, "bad request path", NULL);

	struct request rq = {
		.method = m, .path = url, .arg = "",
		.body = ue_buf_str(&s->body), .body_len = s->body.len,
		.conn = conn,
	};
	struct reply rp = {.status = 200};
	ue_buf_init(&rp.body, HTTP_MAX_REPLY);
	if (guard_check(srv, &rq, &rp) == 0)
		route_dispatch(srv, &rq, &rp);
	enum MHD_Result ret = send_reply(conn, &rp);
	ue_buf_release(&rp.body);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *conn,
                         void **con_cls, enum MHD_RequestTerminationCode t)
{
	(void)cls;
	(void)conn;
	(void)t;
	struct state *s = *con_cls;
	if (s) {
		ue_buf_release(&s->body);
		free(s);
		*con_cls = NULL;
	}
}

struct MHD_Daemon *http_start(struct server *srv,
                              const struct sockaddr *addr, unsigned threads)
{
	/* poll, not epoll: with epoll, libmicrohttpd 0.9.75 keeps a half-closed
	 * connection with an incomplete request until its timeout */
	unsigned flags = MHD_USE_POLL_INTERNAL_THREAD;
	if (addr->sa_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	return MHD_start_daemon(flags, 0, NULL, NULL, on_request, srv,
	        MHD_OPTION_SOCK_ADDR, addr,
	        MHD_OPTION_THREAD_POOL_SIZE, threads,
	        MHD_OPTION_CONNECTION_LIMIT, (unsigned)1024,
	        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)256,
	        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	        MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
	        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	        MHD_OPTION_END);
}

unsigned http_port(struct MHD_Daemon *d)
{
	const union MHD_DaemonInfo *i =
	        MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	return i ? i->port : 0;
}

void http_stop(struct MHD_Daemon *d)
{
	if (d)
		MHD_stop_daemon(d);
}
