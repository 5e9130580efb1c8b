/* guard.c - the security policy applied to every request; see guard.h. */
#include "guard.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "http.h"
#include "server.h"

int guard_token_new(char *out, size_t len)
{
	unsigned char r[16];
	if (len < 33 || getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
		return -1;
	for (size_t i = 0; i < sizeof r; i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
	return 0;
}

int guard_token_valid(const char *t)
{
	size_t n = strlen(t);
	if (n < 8 || n > 128)
		return 0;
	return strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                 "0123456789._~-") == n;
}

/* Compares in time independent of where they differ. */
static int same_token(const char *given, const char *token)
{
	size_t n = strlen(token);
	if (!given || strlen(given) != n)
		return 0;
	unsigned char d = 0;
	for (size_t i = 0; i < n; i++)
		d |= (unsigned char)(given[i] ^ token[i]);
	return d == 0;
}

/* Host must be a loopback name with our port (or without a port). */
static int loopback_host(const struct server *srv, const char *host)
{
	static const char *const names[] = {"127.0.0.1", "localhost", "[::1]"};
	if (!host)
		return 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		if (strncasecmp(host, names[i], n) != 0)
			continue;
		if (host[n] == '\0')
			return 1;
		char port[16];
		snprintf(port, sizeof port, ":%u", srv->port);
		if (strcmp(host + n, port) == 0)
			return 1;
	}
	return 0;
}

/* An Origin header, when sent, must be this server as the Host names it. */
static int same_origin(const struct request *rq)
{
	const char *origin = request_header(rq, "Origin");
	const char *host = request_header(rq, "Host");
	const char *site = request_header(rq, "Sec-Fetch-Site");
	if (site && strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0)
		return 0;
	if (!origin)
		return 1;
	if (!host || strncmp(origin, "http://", 7) != 0)
		return 0;
	return strcmp(origin + 7, host) == 0;
}

int guard_has_token(const struct server *srv, const struct request *rq)
{
	const char *auth = request_header(rq, "Authorization");
	return same_token(request_query(rq, "token"), srv->token) ||
	       same_token(request_cookie(rq, "unecho_token"), srv->token) ||
	       (auth && strncmp(auth, "Bearer ", 7) == 0 &&
	        same_token(auth + 7, srv->token));
}

int guard_check(const struct server *srv, const struct request *rq,
                struct reply *rp)
{
	if (srv->loopback && !loopback_host(srv, request_header(rq, "Host"))) {
		reply_error(rp, 421, "the Host header must name the loopback "
		            "address");
		return -1;
	}
	int change = strcmp(rq->method, "GET") != 0;
	int by_query = same_token(request_query(rq, "token"), srv->token);
	int ok = guard_has_token(srv, rq);
	if ((srv->token_for_reads || change) && !ok) {
		reply_error(rp, 401, change ? "changes need the token"
		                            : "this server needs the token");
		return -1;
	}
	if (change) {
		const char *x = request_header(rq, "X-Unecho");
		if (!x || strcmp(x, "1") != 0 || !same_origin(rq)) {
			reply_error(rp, 403, "a change needs the header X-Unecho: 1 "
			            "and the same origin");
			return -1;
		}
		if (srv->read_only) {
			reply_error(rp, 403, "the server is read-only");
			return -1;
		}
	}
	/* A page opened with ?token= sets the cookie and drops the token from
	 * the address bar. */
	if (by_query && !change && strncmp(rq->path, "/api/", 5) != 0 &&
	    strlen(rq->path) < sizeof rp->location) {
		rp->status = 303;
		size_t n = strlen(rq->path);
		int clean = 1;   /* decoded: no control characters in a header */
		for (size_t i = 0; i < n; i++)
			clean &= rq->path[i] > 0x20 && rq->path[i] < 0x7f;
		snprintf(rp->location, sizeof rp->location, "%s",
		         clean ? rq->path : "/");
		snprintf(rp->cookie, sizeof rp->cookie,
		         "unecho_token=%s; Path=/; HttpOnly; SameSite=Strict",
		         srv->token);
		rp->type = "text/plain; charset=utf-8";
		rp->no_store = 1;
		return 1;
	}
	return 0;
}
