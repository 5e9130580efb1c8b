/*
 * robust.c - the robustness test of unecho serve: thousands of malformed,
 * truncated and random requests over raw sockets, with a valid request
 * every so often; the server must keep answering correctly.  With the
 * server's token in $UNECHO_TOKEN, some are ACH rating edits with mangled
 * bodies (they change the database: give it a copy).
 *   robust PORT [COUNT] [SEED]
 * Exit 0 when every valid request got 200 with the statistics, and the
 * server still answers at the end.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static unsigned short port;
static const char *token;         /* $UNECHO_TOKEN, or NULL */
static unsigned long long rng = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (unsigned)(rng % n) : 0;
}

static int connect_server(long wait_us)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct timeval tv = {.tv_sec = wait_us / 1000000,
	                     .tv_usec = wait_us % 1000000};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* Sends len bytes (and half-closes when shut: a request left open waits
 * for the server's timeout instead), reads the answer into out
 * (at most cap - 1 bytes), waiting wait_us at most for each; returns the bytes read, -1 when no connection. */
static long exchange(const char *req, size_t len, int shut, char *out,
                     size_t cap, long wait_us)
{
	int fd = connect_server(wait_us);
	if (fd < 0)
		return -1;
	size_t off = 0;
	while (off < len) {
		ssize_t n = send(fd, req + off, len - off, MSG_NOSIGNAL);
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (shut)
		shutdown(fd, SHUT_WR);
	size_t got = 0;
	for (;;) {
		ssize_t n = recv(fd, out + got, cap - 1 - got, 0);
		if (n <= 0)
			break;
		got += (size_t)n;
		if (got == cap - 1)
			break;
	}
	out[got] = '\0';
	close(fd);
	return (long)got;
}

static const char *const pieces[] = {
	"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT",
	"G\x00T", "/", "/api/", "/api/stories/", "/api/docs/", "/static/",
	"/api/claims/", "/api/origins/", "..", "%", "%2e", "%00", "%zz", "?",
	"&", "=", "token=", "limit=", "offset=", "sort=", "-1", "0",
	"99999999999999999999999", " ", "  ", "\t", "\r\n", "\n", "\r",
	"HTTP/1.1", "HTTP/1.0", "HTTP/9.9", "HTTP/", "Host: ", "127.0.0.1",
	"Content-Length: ", "Transfer-Encoding: chunked", "Cookie: ", ":",
	"Authorization: Bearer ", "X-Unecho: 1", "Origin: ", "\xff\xfe",
	"\xc3\x28", "A", "<script>", "\"", "'", "{", "}", "[", "]",
	"/api/ach/", "/api/ach/1", "/ratings", "/api/actors/", "/api/meta",
	"/api/workbench", "/api/assumptions", "E1", "H2", "II", "NA", "*",
};

/* The pieces of a rating edit's body. */
static const char *const body_pieces[] = {
	"{", "}", "\"evidence\"", "\"hypothesis\"", "\"rating\"", ":", ",",
	"\"E1\"", "\"E99\"", "\"H1\"", "\"H2\"", "\"*\"", "\"I\"", "\"II\"",
	"\"CC\"", "\"\"", "null", "1", "[", "]", "\"x\"", "\"\\u0000\"",
	"\xff", "\"\xc3\x28\"",
};

/* An authorised PUT of a rating with a body of random pieces (or the
 * valid one), to a random matrix. */
static size_t make_edit(char *buf, size_t cap)
{
	char body[512];
	size_t b = 0;
	if (rnd(4) == 0) {
		b = (size_t)snprintf(body, sizeof body, "{\"evidence\":\"E%u\","
		        "\"hypothesis\":\"H%u\",\"rating\":\"%s\"}", 1 + rnd(9),
		        1 + rnd(5), rnd(2) ? "I" : "C");
	} else {
		for (unsigned k = rnd(16); k > 0; k--) {
			const char *p = body_pieces[rnd(sizeof body_pieces /
			                                sizeof body_pieces[0])];
			if (b + strlen(p) >= sizeof body)
				break;
			memcpy(body + b, p, strlen(p));
			b += strlen(p);
		}
	}
	int n = snprintf(buf, cap, "PUT /api/ach/%s/ratings HTTP/1.1\r\n"
	        "Host: 127.0.0.1:%u\r\nAuthorization: Bearer %s\r\n"
	        "X-Unecho: 1\r\nContent-Length: %zu\r\n\r\n",
	        rnd(4) ? "1" : "2", port, token, b);
	if (n < 0 || (size_t)n + b >= cap)
		return 0;
	memcpy(buf + n, body, b);
	return (size_t)n + b;
}

/* A request made of random pieces, random bytes, or a valid request
 * mangled. */
static size_t make_request(char *buf, size_t cap)
{
	size_t n = 0;
	if (token && rnd(5) == 0)
		return make_edit(buf, cap);
	switch (rnd(4)) {
	case 0:   /* random bytes */
		for (n = rnd(600); n < cap && n > 0; n--)
			buf[n - 1] = (char)rnd(256);
		n = rnd(600);
		if (n > cap)
			n = cap;
		for (size_t i = 0; i < n; i++)
			buf[i] = (char)rnd(256);
		return n;
	case 1: { /* random pieces */
		unsigned k = 1 + rnd(40);
		for (unsigned i = 0; i < k; i++) {
			const char *p = pieces[rnd(sizeof pieces / sizeof pieces[0])];
			size_t len = strlen(p) ? strlen(p) : 1;
			if (n + len >= cap)
				break;
			memcpy(buf + n, p, len);
			n += len;
		}
		return n;
	}
	case 2: { /* a request line with a random target, maybe truncated */
		n = (size_t)snprintf(buf, cap, "%s /%s%s%s HTTP/1.1\r\nHost: "
		        "127.0.0.1:%u\r\n%s\r\n",
		        pieces[rnd(8)], rnd(2) ? "api/" : "",
		        pieces[rnd(sizeof pieces / sizeof pieces[0])],
		        pieces[rnd(sizeof pieces / sizeof pieces[0])], port,
		        rnd(3) ? "" : "Content-Length: 5\r\n");
		if (n >= cap)
			n = cap - 1;
		return rnd(3) ? n : rnd((unsigned)n + 1);
	}
	default: { /* a huge header or a huge target */
		n = (size_t)snprintf(buf, cap, "GET /api/stats?%s HTTP/1.1\r\n"
		                     "Host: 127.0.0.1:%u\r\nX-Big: ", "a=b", port);
		size_t big = rnd(2) ? 70000 : 2000;
		for (size_t i = 0; i < big && n < cap - 4; i++)
			buf[n++] = (char)('a' + rnd(26));
		memcpy(buf + n, "\r\n\r\n", 4);
		return n + 4;
	}
	}
}

static int valid_request(char *out, size_t cap)
{
	char req[128];
	int n = snprintf(req, sizeof req, "GET /api/stats HTTP/1.1\r\nHost: "
	                 "127.0.0.1:%u\r\nConnection: close\r\n\r\n", port);
	long got = exchange(req, (size_t)n, 1, out, cap, 10000000);
	return got > 0 && strncmp(out, "HTTP/1.1 200", 12) == 0 &&
	       strstr(out, "\"documents\":") != NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: robust PORT [COUNT] [SEED]\n");
		return 2;
	}
	port = (unsigned short)atoi(argv[1]);
	token = getenv("UNECHO_TOKEN");
	int count = argc > 2 ? atoi(argv[2]) : 3000;
	if (argc > 3)
		rng ^= strtoull(argv[3], NULL, 10) * 2654435761ULL;
	static char req[80000], out[1 << 16];
	int bad = 0, answered = 0;
	for (int i = 0; i < count; i++) {
		size_t n = make_request(req, sizeof req);
		/* one in fifty is left open, to be timed out by the server */
		long got = exchange(req, n, rnd(50) != 0, out, sizeof out, 300000);
		if (got < 0) {
			fprintf(stderr, "request %d: no connection\n", i);
			bad++;
			continue;
		}
		if (got > 0) {
			answered++;
			/* an answer is HTTP, and an error is never a 5xx */
			if (strncmp(out, "HTTP/1.", 7) != 0 || out[9] == '5') {
				fprintf(stderr, "request %d: bad answer %.40s\n", i, out);
				bad++;
			}
		}
		if (i % 100 == 99 && !valid_request(out, sizeof out)) {
			fprintf(stderr, "request %d: the valid request failed\n", i);
			bad++;
		}
	}
	if (!valid_request(out, sizeof out)) {
		fprintf(stderr, "the server does not answer at the end\n");
		bad++;
	}
	printf("%d requests, %d answered, %d problems\n", count, answered, bad);
	return bad ? 1 : 0;
}
