/*
 * api_wb.h - the analyst's workbench in the JSON API (docs/api.md): ACH
 * matrices, key assumptions and actor models as the library shows them
 * (docs/schema.md, "The workbench"), and the edit of an ACH rating.  The
 * computed views (scores, inflation, sensitivity, flags, rankings) are the
 * library's; nothing is computed here.
 */
#ifndef UE_SERVE_API_WB_H
#define UE_SERVE_API_WB_H

#include "route.h"

/* {ach, assumptions, actors}: everything, as `unecho workbench --json`. */
void api_workbench(struct server *srv, ue_corpus *c,
                   const struct request *rq, struct reply *rp);
/* {matrices: [...]}: the rows of `ach list --json`. */
void api_ach_list(struct server *srv, ue_corpus *c,
                  const struct request *rq, struct reply *rp);
/* The matrix named by rq->arg (id or name), as `ach show --json`. */
void api_ach(struct server *srv, ue_corpus *c, const struct request *rq,
             struct reply *rp);
/* PUT {"evidence": "E1", "hypothesis": "H2", "rating": "I"}: rates one
 * cell ("*" for every hypothesis; rating "" or null clears it) and
 * answers with the matrix as GET gives it.  400 for a malformed body, an
 * unknown rating, evidence item or hypothesis; 404 for no such matrix. */
void api_ach_rate(struct server *srv, ue_corpus *c,
                  const struct request *rq, struct reply *rp);
/* {assumptions: [...]}: as `assumptions --json`, with their flags. */
void api_assumptions(struct server *srv, ue_corpus *c,
                     const struct request *rq, struct reply *rp);
/* {actors: [...]}: the rows of `actor list --json`. */
void api_actor_list(struct server *srv, ue_corpus *c,
                    const struct request *rq, struct reply *rp);
/* The actor model named by rq->arg (id or name), as `actor show --json`. */
void api_actor(struct server *srv, ue_corpus *c, const struct request *rq,
               struct reply *rp);

#endif
