/*
 * guard.h - the security policy of unecho serve, applied to every request
 * before it is routed (docs/api.md, "Security"):
 *   - on a loopback address the Host header must name the loopback
 *     (against DNS rebinding);
 *   - the token, when reads need it (any other address, or --token given),
 *     is taken from "Authorization: Bearer T", the cookie unecho_token, or
 *     ?token=T (a page loaded so sets the cookie and is redirected to the
 *     address without it);
 *   - a change (POST, PUT, DELETE) always needs the token, the header
 *     "X-Unecho: 1" (which a cross-site form cannot send, and a cross-site
 *     script only after a CORS preflight that the server never grants),
 *     and, when the browser sends them, an Origin naming this server and
 *     Sec-Fetch-Site same-origin; with --read-only it is refused.
 */
#ifndef UE_SERVE_GUARD_H
#define UE_SERVE_GUARD_H

#include <stddef.h>

struct server;
struct request;
struct reply;

/* 0 when the request may go on to the routes; else the reply is set (an
 * error, or the redirect that sets the cookie). */
int guard_check(const struct server *srv, const struct request *rq,
                struct reply *rp);

/* Non-zero when the request carries the server's token (header, cookie
 * or query), so that it may make changes. */
int guard_has_token(const struct server *srv, const struct request *rq);

/* Writes a new random token (32 hex digits) to out (at least 33 bytes);
 * non-zero when no randomness was available. */
int guard_token_new(char *out, size_t len);

/* Non-zero when a token given by the user is acceptable: 8 to 128 of the
 * characters A-Z a-z 0-9 . _ ~ - */
int guard_token_valid(const char *token);

#endif
