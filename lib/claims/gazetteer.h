/*
 * gazetteer.h - finding known origins by their names in a source span:
 * "South Korea's National Intelligence Service (NIS)" names kr-nis,
 * "по данным ГУР" names ua-hur, "국정원은" names kr-nis.  Matching is on
 * case-folded text, at word boundaries (an alias ending in Hangul may be
 * followed by a particle), and the longest alias found wins.
 */
#ifndef UE_GAZETTEER_H
#define UE_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

#define UE_GAZ_NONE UINT32_MAX

struct ue_gazetteer;

ue_status ue_gazetteer_new(struct ue_gazetteer **out);
void ue_gazetteer_free(struct ue_gazetteer *g);

/* Adds an alias (UTF-8) of origin number origin.  Aliases under two
 * bytes once folded are ignored. */
ue_status ue_gazetteer_add(struct ue_gazetteer *g, const char *alias,
                           uint32_t origin);

/* Prepares the lookup once every alias is added (and again after adding
 * more); until then nothing is found. */
ue_status ue_gazetteer_ready(struct ue_gazetteer *g);

/* The origin with the longest alias found in text[0, len) (UTF-8), or
 * UE_GAZ_NONE.  Reentrant: many threads may look up at once. */
uint32_t ue_gazetteer_find(const struct ue_gazetteer *g, const char *text,
                           size_t len);

#endif
