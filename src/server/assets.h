/*
 * assets.h - the front-end files of web/ and the chart libraries from npm,
 * embedded at build time (tools/embed.c), served by name only: nothing is
 * read from the file system, so no path can leave the table.
 */
#ifndef UE_SERVE_ASSETS_H
#define UE_SERVE_ASSETS_H

#include "route.h"

/* GET / : the application's page (web/index.html). */
void assets_index(struct server *srv, ue_corpus *c, const struct request *rq,
                  struct reply *rp);
/* GET /static/NAME : one embedded file, or 404. */
void assets_file(struct server *srv, ue_corpus *c, const struct request *rq,
                 struct reply *rp);

#endif
