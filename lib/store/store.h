/*
 * store.h - the storage interface: everything libunecho keeps lives behind
 * these functions, implemented over SQLite (store.c, schema.c,
 * listing.c).  The schema is documented for users in docs/schema.md.
 */
#ifndef UE_STORE_H
#define UE_STORE_H

#include <stdint.h>
#include "unecho/unecho.h"

struct ue_store;

/* Opens or creates the database, in WAL mode, and migrates its schema. */
ue_status ue_store_open(const char *path, struct ue_store **out,
                        char *err, size_t errlen);
void ue_store_free(struct ue_store *s);
/* The message of the last failure; owned by s. */
const char *ue_store_errmsg(const struct ue_store *s);
/* Sets the message of the last failure (printf-style). */
void ue_store_set_error(struct ue_store *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

ue_status ue_store_begin(struct ue_store *s);
ue_status ue_store_commit(struct ue_store *s);
ue_status ue_store_rollback(struct ue_store *s);

/* ---- documents ---- */

/* A normalised document ready to store.  Strings are NUL-terminated;
 * NULL means absent. */
struct ue_store_doc {
	const char *id;
	const char *text;
	size_t text_len;
	unsigned char hash[16];      /* XXH3-128 of text */
	const char *outlet_name;     /* as given in input */
	int64_t outlet;              /* outlets.id, 0 when none */
	const char *url, *title, *author;
	const char *published;       /* ISO 8601 UTC */
	int64_t published_ts;        /* valid when published is set */
	const char *language;
	int language_detected;
	const char *meta;            /* JSON object text */
	int64_t ingest_file;
	uint64_t record;
};

/* *exists = 1 when a document with this id is stored. */
ue_status ue_store_doc_exists(struct ue_store *s, const char *id,
                              int *exists);
/* Stores the document (sharing the text row with identical texts). */
ue_status ue_store_doc_add(struct ue_store *s, const struct ue_store_doc *d);

/* ---- outlets and origins ---- */

/* An outlet registry entry; lists are ';'-separated. */
struct ue_outlet_entry {
	const char *name, *domains, *country, *type, *owner, *language;
	const char *aliases;
	int state_affiliated;        /* 1, 0, or -1 unknown */
	const char *source;          /* "builtin" or "import" */
};

/* Adds or updates an outlet, and points its name, aliases and domains to
 * it.  An unknown outlet seen in documents that one of them names is
 * merged into it, with its documents. */
ue_status ue_store_outlet_put(struct ue_store *s,
                              const struct ue_outlet_entry *e);

/*
 * The outlet of a document: looked up by name (alias) and else by the
 * URL's host (and its parent domains).  An outlet not in the registry is
 * added as unknown (source "seen"), named by name or else by host.
 * *outlet is 0 when neither name nor host is given.
 */
ue_status ue_store_outlet_resolve(struct ue_store *s, const char *name,
                                  const char *url, int64_t *outlet);

/* Sets the bloc of a country (ISO 3166 alpha-2). */
ue_status ue_store_bloc_put(struct ue_store *s, const char *country,
                            const char *bloc);

struct ue_origin_entry {
	const char *id, *name, *kind, *country, *reliability, *aliases;
	const char *source;          /* "builtin" or "import" */
};
ue_status ue_store_origin_put(struct ue_store *s,
                              const struct ue_origin_entry *e);

/* The value stored under key in the meta table (a copy to free()), or
 * NULL; and setting it. */
ue_status ue_store_meta_get(struct ue_store *s, const char *key, char **value);
ue_status ue_store_meta_set(struct ue_store *s, const char *key,
                            const char *value);

/* ---- the ingest log ---- */

struct ue_file_counts {
	uint64_t records, added, duplicates, rejected;
};

ue_status ue_store_file_begin(struct ue_store *s, const char *path,
                              const char *format, int64_t *file);
/* Records the counts; status is "running", "done" or "failed". */
ue_status ue_store_file_update(struct ue_store *s, int64_t file,
                               const struct ue_file_counts *c,
                               const char *status, const char *error);
ue_status ue_store_file_reject(struct ue_store *s, int64_t file,
                               uint64_t line, const char *reason);
/* Marks files left "running" by an ingest that did not finish. */
ue_status ue_store_files_interrupted(struct ue_store *s);

/* ---- listing (listing.c): rows as JSON, see docs/schema.md ---- */

ue_status ue_store_stats(struct ue_store *s, ue_row_fn fn, void *ctx);
/* What a reader of a document's report needs to place it: {outlet,
 * outlet_type, bloc, url, title}; *out is NULL when there is no document
 * of that id (json_decref it otherwise).  Quick enough to call per
 * document: the statement is kept prepared. */
struct json_t;
ue_status ue_store_doc_brief(struct ue_store *s, const char *id,
                             struct json_t **out);
ue_status ue_store_docs(struct ue_store *s, const ue_doc_filter *filter,
                        ue_row_fn fn, void *ctx);
ue_status ue_store_outlets(struct ue_store *s, ue_row_fn fn, void *ctx);
ue_status ue_store_origins_known(struct ue_store *s, ue_row_fn fn,
                                 void *ctx);

/* ---- text reuse (reuse_store.c) ---- */

/* What the reuse stage needs of each document. */
struct ue_doc_meta {
	int64_t doc, text, outlet;   /* outlet 0: none */
	int64_t ts;                  /* valid when dated */
	int dated;
	int wire;                    /* its outlet is a wire service */
	int analysed;                /* it has reuse results */
	char *name;                  /* its id (owned) */
	char *outlet_name;           /* canonical, else as given (owned) */
	int64_t bytes;               /* of its text */
};

void ue_doc_metas_free(struct ue_doc_meta *m, size_t n);

/* Every document, in doc order (*out to free()). */
ue_status ue_store_doc_metas(struct ue_store *s, struct ue_doc_meta **out,
                             size_t *n);
/* Calls fn for each prepared text with its sketch (sampled shingle keys);
 * a non-zero return stops with UE_ECANCELLED. */
ue_status ue_store_reuse_sketches(struct ue_store *s,
        int (*fn)(void *ctx, int64_t text, uint32_t content_tokens,
                  const uint32_t *keys, size_t n), void *ctx);
ue_status ue_store_reuse_text_put(struct ue_store *s, int64_t text,
                                  uint32_t content_tokens,
                                  const uint32_t *keys, size_t n);

struct ue_store_passage {
	uint32_t a_start, a_end, b_start, b_end;   /* bytes */
	uint32_t a_first, a_last, b_first, b_last; /* content tokens */
	double score;
};

/* Stores the passages shared by texts a and b (a < b). */
ue_status ue_store_text_pair_put(struct ue_store *s, int64_t a, int64_t b,
                                 double a_coverage, double b_coverage,
                                 const struct ue_store_passage *p, size_t n);

/* One text pair with its passages, as stored. */
struct ue_text_pair {
	int64_t a, b;
	double a_coverage, b_coverage;
	const struct ue_store_passage *p;
	size_t n;
};

/* Calls fn for each stored pair involving text (any text when 0). */
ue_status ue_store_text_pairs(struct ue_store *s, int64_t text,
        int (*fn)(void *ctx, const struct ue_text_pair *pair), void *ctx);
/* Content tokens of a prepared text (0 when not prepared). */
ue_status ue_store_reuse_tokens(struct ue_store *s, int64_t text,
                                uint32_t *content_tokens);
/* Stores a document's reuse fraction, class and sources (JSON). */
ue_status ue_store_reuse_doc_put(struct ue_store *s, int64_t doc,
                                 double fraction, const char *cls,
                                 const char *sources);
/* Sets a document's near-duplicate group (0: none). */
ue_status ue_store_reuse_doc_group(struct ue_store *s, int64_t doc,
                                   int64_t group);

/* Forgets every result of the reuse stage, so that it runs again. */
ue_status ue_store_reuse_reset(struct ue_store *s);

/* ---- per-text features and stories (story_store.c) ---- */

/* Texts that have no features yet, ascending (*out to free()). */
ue_status ue_store_features_pending(struct ue_store *s, int64_t **out,
                                    size_t *n);
/* An attribution relation as stored: byte spans (0,0 when absent) and
 * the names of its kinds. */
struct ue_store_attribution {
	uint32_t source_start, source_end, cue_start, cue_end;
	uint32_t content_start, content_end, resolved_start, resolved_end;
	const char *kind, *source_kind;
	int hedged;
};

/* Stores what the per-text pass found in a text: its term vector and
 * claim mentions (the blobs of termvec.h and mention.h) and its
 * attributions, numbered 0.. in order. */
ue_status ue_store_features_put(struct ue_store *s, int64_t text,
                                const unsigned char *terms, size_t terms_len,
                                const unsigned char *mentions,
                                size_t mentions_len,
                                const struct ue_store_attribution *a,
                                size_t na);

/* How many documents have features, and the last of them. */
ue_status ue_store_featured_docs(struct ue_store *s, uint64_t *docs,
                                 int64_t *last);

/* What story clustering needs of one document. */
struct ue_story_input {
	int64_t doc;
	int64_t ts;                  /* valid when dated */
	int dated;
	const char *title;           /* NULL when none */
	const char *language;
	const unsigned char *terms;  /* its text's term vector blob */
	size_t terms_len;
};

/* Calls fn for every document whose text has features, in doc order;
 * a non-zero return stops with UE_ECANCELLED. */
ue_status ue_store_story_inputs(struct ue_store *s,
        int (*fn)(void *ctx, const struct ue_story_input *in), void *ctx);

struct ue_story_row {
	int64_t id;
	const char *label;
	const char *headline;        /* NULL when none */
	int64_t headline_doc;        /* 0 when none */
};

/* Replaces every story and membership: doc[i] belongs to story[i] with
 * similarity sim[i] to its centroid. */
ue_status ue_store_stories_put(struct ue_store *s,
                               const struct ue_story_row *row, size_t n,
                               const int64_t *doc, const int64_t *story,
                               const double *sim, size_t ndocs);

/* The stories as JSON rows (docs/schema.md), by id; story > 0 selects
 * one. */
ue_status ue_store_stories(struct ue_store *s, int64_t story,
                           ue_row_fn fn, void *ctx);

/* ---- claims, origins and echo (claim_store.c) ---- */

/* What the claims stage needs of one document. */
struct ue_claim_input {
	int64_t doc, text, outlet;   /* outlet 0: none */
	int64_t story;               /* 0: none */
	int64_t ts;                  /* valid when dated */
	int dated;
	const char *outlet_name;     /* canonical, else as given, else "" */
	const unsigned char *mentions;  /* its text's mention blob */
	size_t mentions_len;
};

/* A summary of everything the claims stage reads (documents, stories,
 * reuse results, origins), that changes when any of them does (*out to
 * free()). */
ue_status ue_store_claims_state(struct ue_store *s, char **out);

/* Calls fn for every document whose text has been through the per-text
 * pass, in doc order; non-zero from fn stops with UE_ECANCELLED. */
ue_status ue_store_claim_inputs(struct ue_store *s,
        int (*fn)(void *ctx, const struct ue_claim_input *in), void *ctx);

/* Calls fn for each (copy, source) pair of documents of the reuse
 * stage's results. */
ue_status ue_store_reuse_sources(struct ue_store *s,
        int (*fn)(void *ctx, int64_t copy, int64_t source), void *ctx);

/* Calls fn for each alias of each known origin. */
ue_status ue_store_origin_aliases(struct ue_store *s,
        int (*fn)(void *ctx, const char *alias, const char *id,
                  const char *name, const char *kind, const char *country),
        void *ctx);

struct ue_store_origin {
	int64_t id;
	const char *key, *name, *kind, *specificity, *country, *known;
};

struct ue_store_claim {
	int64_t id, story;           /* story 0: none */
	int64_t rep_text;            /* its representative sentence: bytes */
	uint32_t rep_start, rep_end; /* [rep_start, rep_end) of rep_text */
	const char *polarity, *quantities;  /* quantities: JSON */
	int64_t reports;
	double effective_origins, echo_ratio;
	int64_t first_doc;           /* 0: none */
};

struct ue_store_mention {
	int64_t claim, doc;
	uint32_t start, end;
	int64_t text;                /* of doc */
	int32_t attribution;         /* seq in its text; -1 none */
	int64_t origin;
	int64_t via;                 /* the document it came through; 0 */
};

struct ue_store_story_echo {
	int64_t story, claims, origins;
	double effective_origins, echo_ratio;
};

/* Replaces every claim, mention, found origin and story echo figure. */
ue_status ue_store_claims_put(struct ue_store *s,
        const struct ue_store_origin *o, size_t no,
        const struct ue_store_claim *c, size_t nc,
        const struct ue_store_mention *m, size_t nm,
        const struct ue_store_story_echo *e, size_t ne);

/* What dissent needs of one document of a story. */
struct ue_dissent_input {
	int64_t story;
	const char *doc, *outlet, *bloc, *language;
	const char *text;
	size_t len;
	const char *claim;           /* the story's most reported claim */
	size_t claim_len;
	int denies;                  /* it reports a denial in the story */
	double other_origins;        /* share of its reports in the story on
	                                origins the claim's reports never cite */
	int other_figure;            /* it gives another figure for what the
	                                claim counts, and never the claim */
};

/* Calls fn for every document of the story (every story when 0) that
 * has a claim reported twice or more, in story and document order. */
ue_status ue_store_dissent_inputs(struct ue_store *s, int64_t story,
        int (*fn)(void *ctx, const struct ue_dissent_input *in), void *ctx);

/* Listings as JSON rows (docs/schema.md). */
ue_status ue_store_coverage(struct ue_store *s, const ue_coverage_options *o,
                            ue_row_fn fn, void *ctx);
/* Claims of one story (story > 0), one claim (claim > 0), or resting in
 * part on one found origin (origin: its key, not NULL); the filters
 * combine. */
ue_status ue_store_claims(struct ue_store *s, int64_t story, int64_t claim,
                          const char *origin, ue_row_fn fn, void *ctx);
ue_status ue_store_found_origins(struct ue_store *s, ue_row_fn fn,
                                 void *ctx);
ue_status ue_store_attributions(struct ue_store *s, const char *doc,
                                ue_row_fn fn, void *ctx);

/* ---- framing (story_store.c) ---- */

/* What framing needs of one document. */
struct ue_framing_input {
	int64_t doc, story;          /* story 0: none */
	const char *bloc, *outlet, *country;   /* "" when unknown */
	const unsigned char *terms;  /* its text's term vector blob */
	size_t terms_len;
};

/* Calls fn for every document whose text has features. */
ue_status ue_store_framing_inputs(struct ue_store *s,
        int (*fn)(void *ctx, const struct ue_framing_input *in), void *ctx);

/* A read-only connection for one worker thread. */
struct ue_store_reader;
ue_status ue_store_reader_open(struct ue_store *s,
                               struct ue_store_reader **out);
void ue_store_reader_free(struct ue_store_reader *r);
/* The stored text and the language of its first document; valid until
 * the next call on r. */
ue_status ue_store_reader_text(struct ue_store_reader *r, int64_t text,
                               const char **data, size_t *len,
                               const char **lang);

/* ---- the analyst's workbench (workbench_store.c) ---- */

/* The kinds of workbench item, each kept whole as a JSON object in the
 * shape of the export file (docs/schema.md, "The workbench file"). */
enum ue_wb_kind { UE_WB_KIND_ACH, UE_WB_KIND_ASSUMPTION, UE_WB_KIND_ACTOR };

struct json_t;

/* The items of a kind, by id (one item when id > 0), as a JSON array of
 * objects in the export shape, each with its "id" (*out to json_decref). */
ue_status ue_store_wb_load(struct ue_store *s, enum ue_wb_kind kind,
                           int64_t id, struct json_t **out);
/* Stores a checked item (ue_wb_normalise): a new one when *id is 0, else
 * replacing the contents of item *id; *id receives its id.  UE_EEXIST
 * when its name or label is taken.  Call inside a transaction. */
ue_status ue_store_wb_put(struct ue_store *s, enum ue_wb_kind kind,
                          struct json_t *item, int64_t *id);
/* Deletes item id with everything in it. */
ue_status ue_store_wb_delete(struct ue_store *s, enum ue_wb_kind kind,
                             int64_t id);
/* The id of the item named ref (a name, or a label for assumptions; or
 * an id in decimal); UE_ENOTFOUND with a message when there is none. */
ue_status ue_store_wb_find(struct ue_store *s, enum ue_wb_kind kind,
                           const char *ref, int64_t *id);
/* Renames the matrix that assumption support names. */
ue_status ue_store_wb_rename_matrix(struct ue_store *s, const char *from,
                                    const char *to);

/* A claim's reports as a JSON array of report objects (one per mention:
 * doc, start, end, outlet, bloc, origin, origin_name, origin_kind,
 * origin_country, origin_bloc, reliability) and its text (*text to
 * free()); UE_ENOTFOUND when there is no such claim. */
ue_status ue_store_claim_reports(struct ue_store *s, int64_t claim,
                                 struct json_t **reports, char **text);
/* The most reported claim whose text contains needle (case-sensitive). */
ue_status ue_store_claim_by_text(struct ue_store *s, const char *needle,
                                 int64_t *claim);
/* What is known of the origin key (a found origin key such as
 * "known:kr-nis", or a gazetteer id, which becomes "known:ID"): a JSON
 * object with origin, origin_name, origin_kind, origin_country,
 * origin_bloc and reliability (null where unknown). */
ue_status ue_store_origin_info(struct ue_store *s, const char *key,
                               struct json_t **out);

#endif
