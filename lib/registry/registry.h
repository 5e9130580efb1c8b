/*
 * registry.h - the outlet registry, country-to-bloc mapping and origin
 * gazetteer (SPEC §3.2, §3.3): the built-in data files of data/ (embedded
 * in the library) and the files users import.
 */
#ifndef UE_REGISTRY_H
#define UE_REGISTRY_H

#include "store/store.h"

/* The embedded copy of a data file (outlets.tsv, ...), or NULL. */
const char *ue_builtin_data(const char *name, size_t *len);

/*
 * The ISO 3166 alpha-2 code for a country code or name as found in data
 * ("US", "usa", "United States", "South Korea"...), or NULL.  Static.
 */
const char *ue_country_code(const char *name);

/* Loads the built-in registries into the store when they are missing or
 * have changed since they were loaded (entries users imported win). */
ue_status ue_registry_sync(struct ue_store *s);

/* Imports outlets or origins from a CSV/TSV file (see ue_import_options);
 * every row is checked, bad rows reported and skipped. */
ue_status ue_registry_import_outlets(struct ue_store *s, const char *path,
                                     const ue_import_options *o,
                                     uint64_t *count);
ue_status ue_registry_import_origins(struct ue_store *s, const char *path,
                                     const ue_import_options *o,
                                     uint64_t *count);

#endif
