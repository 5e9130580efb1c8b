/*
 * ingest.h - the ingest driver: walks the input paths, unwraps archives,
 * detects formats, runs the parsers and stores what they find, with
 * normalisation, identity, dates and language applied once, here.
 */
#ifndef UE_INGEST_H
#define UE_INGEST_H

#include "store/store.h"

/* See ue_ingest() in unecho.h. */
ue_status ue_ingest_run(struct ue_store *s, const char *const *paths,
                        size_t npaths, const ue_ingest_options *options,
                        ue_ingest_summary *summary);

/* Default limits. */
#define UE_DEFAULT_MAX_DOC ((size_t)10 << 20)
#define UE_DEFAULT_MAX_LINE ((size_t)64 << 20)
#define UE_DEFAULT_MAX_DECOMPRESSED ((uint64_t)16 << 30)
#define UE_DEFAULT_MAX_RATIO 1000u

#endif
