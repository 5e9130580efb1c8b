/* server.c - unecho serve: options, the listening address, the token,
 * start and stop; see server.h. */
#include "server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "guard.h"
#include "http.h"
#include "pool.h"

#define CACHE_BYTES (256u << 20)

/* Splits "ADDR:PORT", "[V6]:PORT" or "PORT" and resolves it (numeric
 * ports; names such as localhost are looked up).  0 on success. */
static int parse_listen(const char *s, struct sockaddr_storage *out,
                        char *host, size_t hostlen)
{
	char buf[256];
	if (strlen(s) >= sizeof buf)
		return -1;
	snprintf(buf, sizeof buf, "%s", s);
	char *addr = "127.0.0.1", *port = buf;
	char *colon = strrchr(buf, ':');
	if (buf[0] == '[') {
		char *close = strchr(buf, ']');
		if (!close || close[1] != ':')
			return -1;
		*close = '\0';
		addr = buf + 1;
		port = close + 2;
	} else if (colon) {
		*colon = '\0';
		addr = buf;
		port = colon + 1;
	}
	if (!*port || strspn(port, "0123456789") != strlen(port) ||
	    atol(port) > 65535)
		return -1;
	struct addrinfo hints = {
		.ai_family = AF_UNSPEC,
		.ai_socktype = SOCK_STREAM,
		.ai_flags = AI_NUMERICSERV | AI_PASSIVE,
	}, *res;
	if (getaddrinfo(*addr ? addr : NULL, port, &hints, &res) != 0)
		return -1;
	memcpy(out, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	snprintf(host, hostlen, "%s%s%s", strchr(addr, ':') ? "[" : "",
	         *addr ? addr : "0.0.0.0", strchr(addr, ':') ? "]" : "");
	return 0;
}

static int is_loopback(const struct sockaddr_storage *a)
{
	if (a->ss_family == AF_INET) {
		const struct sockaddr_in *v4 = (const struct sockaddr_in *)a;
		return (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
	}
	if (a->ss_family == AF_INET6) {
		const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)a;
		return IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr);
	}
	return 0;
}

int server_run(const struct server_options *o)
{
	struct server srv = {.read_only = o->read_only};
	struct sockaddr_storage addr;
	char host[300];
	const char *listen = o->listen ? o->listen : "127.0.0.1:8080";
	if (parse_listen(listen, &addr, host, sizeof host) != 0) {
		fprintf(stderr, "unecho: serve: cannot listen on '%s': give "
		        "ADDR:PORT, e.g. 127.0.0.1:8080\n", listen);
		return 2;
	}
	srv.loopback = is_loopback(&addr);
	if (o->token) {
		if (!guard_token_valid(o->token)) {
			fprintf(stderr, "unecho: serve: a token is 8 to 128 of "
			        "A-Z a-z 0-9 . _ ~ -\n");
			return 2;
		}
		snprintf(srv.token, sizeof srv.token, "%s", o->token);
		srv.token_for_reads = 1;
	} else {
		if (guard_token_new(srv.token, sizeof srv.token) != 0) {
			fprintf(stderr, "unecho: serve: no randomness for a token\n");
			return 3;
		}
		srv.token_for_reads = !srv.loopback;
	}
	if (access(o->db, R_OK | W_OK) != 0) {
		fprintf(stderr, "unecho: serve: no database at %s (see 'unecho "
		        "ingest')\n", o->db);
		return 2;
	}
	unsigned threads = o->threads;
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 && n < 64 ? (unsigned)n : 2;
	}
	char err[512] = "";
	srv.pool = pool_new(o->db, threads, err, sizeof err);
	srv.cache = cache_new(o->db, CACHE_BYTES);
	if (!srv.pool || !srv.cache) {
		fprintf(stderr, "unecho: serve: %s\n", err[0] ? err : "out of memory");
		pool_free(srv.pool);
		cache_free(srv.cache);
		return 3;
	}

	/* The worker threads inherit this mask: only this thread takes the
	 * signals that stop the server. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct MHD_Daemon *d = http_start(&srv, (struct sockaddr *)&addr,
	                                  threads);
	if (!d) {
		fprintf(stderr, "unecho: serve: cannot listen on %s (in use?)\n",
		        listen);
		pool_free(srv.pool);
		cache_free(srv.cache);
		return 3;
	}
	srv.port = http_port(d);
	printf("unecho: serving %s at http://%s:%u/%s\n", o->db, host, srv.port,
	       srv.read_only ? " (read-only)" : "");
	if (srv.token_for_reads)
		printf("unecho: every request needs the token; open "
		       "http://%s:%u/?token=%s\n", host, srv.port, srv.token);
	else if (!srv.read_only)
		printf("unecho: to make changes, open "
		       "http://%s:%u/?token=%s\n", host, srv.port, srv.token);
	fflush(stdout);

	int sig;
	sigwait(&stop, &sig);
	http_stop(d);
	pool_free(srv.pool);
	cache_free(srv.cache);
	return 0;
}
