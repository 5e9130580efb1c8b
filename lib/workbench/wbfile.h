/*
 * wbfile.h - the workbench file: the JSON shape in which ACH matrices, key
 * assumptions and actor models are exported, imported and kept (documented
 * in docs/schema.md, "The workbench file").  Checking needs no database,
 * so that the parser can be fuzzed alone.
 */
#ifndef UE_WBFILE_H
#define UE_WBFILE_H

#include <jansson.h>
#include <stddef.h>

#include "store/store.h"

/* Limits: items of each list, and bytes of one text. */
#define UE_WB_MAX_ITEMS 10000
#define UE_WB_MAX_TEXT 65536
/* The largest workbench file read [64 MiB]. */
#define UE_WB_MAX_FILE (64u << 20)

/*
 * Checks one item of a kind and brings it to its stored form: ratings and
 * grades upper case, labels given to hypotheses (H1, H2...), evidence
 * (E1...) and assumptions (A1...) that lack one, relevance "medium" by
 * default, an "id" member removed.  On failure returns UE_EFORMAT with a
 * message "PATH: problem" in err, PATH naming the place (for example
 * "ach[0].evidence[2].ratings.H9"), and the item may be half changed.
 */
ue_status ue_wb_check_item(json_t *item, enum ue_wb_kind kind,
                           const char *path, char *err, size_t errlen);

/*
 * Checks a whole workbench document: an object with the optional arrays
 * "ach", "assumptions" and "actors" (and optionally "unecho": "workbench",
 * "version": 1).  sections (1 ach, 2 assumptions, 4 actors) says which
 * arrays are wanted; one of them must be present.  Errors as above.
 */
ue_status ue_wb_check_doc(json_t *doc, unsigned sections, char *err,
                          size_t errlen);

/* The section names, by kind. */
extern const char *const ue_wb_section[3];

#endif
