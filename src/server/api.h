/*
 * api.h - the JSON API of unecho serve under /api/ (docs/api.md).  Each
 * handler composes the library's JSON listings (docs/schema.md) into one
 * reply; none has SQL or analysis of its own.
 */
#ifndef UE_SERVE_API_H
#define UE_SERVE_API_H

#include "route.h"

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
