/*
 * api.h - the JSON API of unecho serve under /api/ (docs/api.md).  Each
 * handler composes the library's JSON listings (docs/schema.md) into one
 * reply; none has SQL or analysis of its own.
 */
#ifndef UE_SERVE_API_H
#define UE_SERVE_API_H

#include "route.h"

#include "common/buf.h"

/* ---- for the handlers of api.c and api_wb.c ---- */

/* Appends rows to b as the elements of a JSON array: skips the first
 * `skip`, keeps at most `max` (0: all), counts them all in n. */
struct collect {
	struct ue_buf *b;
	size_t n, kept, skip, max;
	int full;                 /* b reached its cap */
};

/* A ue_row_fn: collects one row into ctx, a struct collect. */
int collect_row(void *ctx, const char *json, size_t len);
/* The status of a listing that collected into k: the cap of the reply
 * counts as UE_ELIMIT. */
ue_status collected(ue_status st, const struct collect *k);

/* Appends `,"name":[rows]` (or without the comma when first), setting st
 * (a ue_status in scope) from call. */
#define LIST(rp, first, name, k, call) do { \
		ue_buf_puts(&(rp)->body, (first) ? "\"" name "\":[" \
		                                 : ",\"" name "\":["); \
		st = collected((call), &(k)); \
		ue_buf_putc(&(rp)->body, ']'); \
	} while (0)

/* ---- handlers ---- */

/* {read_only, token_for_reads, can_change}: what the pages may offer;
 * can_change when the request carries the token and the server is not
 * read-only. */
void api_meta(struct server *srv, ue_corpus *c, const struct request *rq,
              struct reply *rp);

void api_stats(struct server *srv, ue_corpus *c, const struct request *rq,
               struct reply *rp);
/* ?sort=echo|docs|id|first&limit=N&offset=N */
void api_stories(struct server *srv, ue_corpus *c, const struct request *rq,
                 struct reply *rp);
void api_story(struct server *srv, ue_corpus *c, const struct request *rq,
               struct reply *rp);
void api_claim(struct server *srv, ue_corpus *c, const struct request *rq,
               struct reply *rp);
void api_doc(struct server *srv, ue_corpus *c, const struct request *rq,
             struct reply *rp);
/* ?limit=N&offset=N */
void api_origins(struct server *srv, ue_corpus *c, const struct request *rq,
                 struct reply *rp);
void api_origin(struct server *srv, ue_corpus *c, const struct request *rq,
                struct reply *rp);
void api_outlets(struct server *srv, ue_corpus *c, const struct request *rq,
                 struct reply *rp);

#endif
