/*
 * unecho.h - the one public interface of libunecho.
 *
 * libunecho stores a corpus of news reports in one SQLite database and
 * analyses where their claims come from.  It never prints, exits or aborts:
 * every function reports failure through an enum ue_status, and a handle
 * keeps a human-readable message for the last failure (ue_errmsg()).
 *
 * Listing functions hand each result row to a callback as one line of
 * compact JSON whose field names are documented in docs/schema.md; the
 * text is owned by the library and valid only during the callback.
 */
#ifndef UNECHO_H
#define UNECHO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define UE_VERSION "0.1.0"

typedef enum ue_status {
	UE_OK = 0,
	UE_ENOMEM,       /* out of memory */
	UE_EIO,          /* a file could not be read or written */
	UE_EINVAL,       /* bad argument or option */
	UE_EFORMAT,      /* malformed input */
	UE_ELIMIT,       /* input exceeds a configured limit */
	UE_EDB,          /* the database failed */
	UE_ENOTFOUND,    /* no such item */
	UE_EEXIST,       /* already present */
	UE_ESCHEMA,      /* database from a newer unecho */
	UE_ECANCELLED,   /* a callback asked to stop */
} ue_status;

/* A short English description of a status; never NULL. */
const char *ue_strerror(ue_status status);

/* ------------------------------------------------------------------ */
/* Corpus: the database handle                                          */
/* ------------------------------------------------------------------ */

typedef struct ue_corpus ue_corpus;

/*
 * Opens (creating it when absent) the database at path and brings its
 * schema up to date.  On success *out owns the handle; release it with
 * ue_corpus_free().  On failure *out is NULL and, if err is not NULL, a
 * message of at most errlen bytes is written there.
 */
ue_status ue_corpus_open(const char *path, ue_corpus **out,
                         char *err, size_t errlen);

/* Closes the database and frees the handle; accepts NULL. */
void ue_corpus_free(ue_corpus *corpus);

/* The message of the last failure on this handle; never NULL. */
const char *ue_errmsg(const ue_corpus *corpus);

/* The schema version this library writes. */
int ue_schema_version(void);

/* Receives one result row as compact JSON (len bytes, NUL-terminated).
 * Returning non-zero stops the listing with UE_ECANCELLED. */
typedef int (*ue_row_fn)(void *ctx, const char *json, size_t len);

/* ------------------------------------------------------------------ */
/* Ingest                                                               */
/* ------------------------------------------------------------------ */

typedef struct ue_ingest_options {
	/* Force a format ("jsonl", "csv", "tsv", "text", "markdown", "html",
	 * "rss", "warc"); NULL detects it from each file's content. */
	const char *format;
	/* Field renames for CSV and JSON input: "text=body,outlet=site". */
	const char *map;
	/* Hard limits; zero means the default given in brackets. */
	size_t max_doc_bytes;           /* one document's text [10 MB] */
	size_t max_line_bytes;          /* one input line or record [64 MB] */
	uint64_t max_decompressed;      /* bytes out of one input file [16 GB] */
	unsigned max_ratio;             /* decompressed / compressed [1000] */
	/* Called now and then with input bytes consumed so far and the total
	 * size of the named files (0 when unknown, e.g. stdin). */
	void (*on_progress)(void *ctx, uint64_t done, uint64_t total,
	                    uint64_t records);
	/* Called for each rejected record or unreadable file.  line is the
	 * 1-based line or record number, 0 when the whole file failed. */
	void (*on_reject)(void *ctx, const char *file, uint64_t line,
	                  const char *reason);
	void *ctx;
} ue_ingest_options;

typedef struct ue_ingest_summary {
	uint64_t files;       /* input files (archive members count each) */
	uint64_t files_failed;
	uint64_t records;     /* records read */
	uint64_t added;       /* new documents stored */
	uint64_t duplicates;  /* already stored (same id) */
	uint64_t rejected;    /* records refused, each reported */
	uint64_t bytes_text;  /* bytes of stored text added */
} ue_ingest_summary;

/*
 * Reads every path (a file, a folder searched recursively, or "-" for
 * standard input) and stores its documents.  Work is committed in batches:
 * an interrupted ingest leaves a consistent database and running it again
 * completes it without storing anything twice.  Bad records are reported
 * through on_reject and skipped; the status is UE_OK unless the database
 * failed or an option is invalid.  summary may be NULL.
 */
ue_status ue_ingest(ue_corpus *corpus, const char *const *paths, size_t npaths,
                    const ue_ingest_options *options,
                    ue_ingest_summary *summary);

/* ------------------------------------------------------------------ */
/* Analysis                                                             */
/* ------------------------------------------------------------------ */

/* The stages of analysis, for ue_analyze_options.stages. */
enum {
	UE_STAGE_REUSE = 1,    /* text reuse */
	UE_STAGE_STORIES = 2,  /* the per-text pass and stories */
	UE_STAGE_CLAIMS = 4,   /* the per-text pass, claims, origins, echo */
	UE_STAGE_ALL = 7,
};

typedef struct ue_analyze_options {
	unsigned threads;     /* worker threads; 0: one per core */
	/* UE_STAGE_* bits of the stages to run; 0 runs all.  A stage left
	 * out keeps its earlier results, which the later stages use. */
	unsigned stages;
	int same_outlet;      /* count reuse within one outlet too */
	/* Stories: the cosine similarity to join a story [0.2] and the time
	 * window in days around it [7]; zero means the default. */
	double story_threshold;
	double story_window_days;
	/* Called now and then from the analysing thread(s), one at a time. */
	void (*on_progress)(void *ctx, const char *stage, uint64_t done,
	                    uint64_t total);
	void *ctx;
} ue_analyze_options;

typedef struct ue_analyze_summary {
	uint64_t texts;        /* texts analysed for the first time */
	uint64_t candidates;   /* text pairs proposed for alignment */
	uint64_t pairs;        /* text pairs found sharing passages */
	uint64_t documents;    /* documents whose reuse was (re)computed */
	uint64_t stories;      /* stories found, 0 when they were current */
	uint64_t claims;       /* claims found, 0 when they were current */
	uint64_t origins;      /* origins found, 0 when they were current */
} ue_analyze_summary;

/*
 * Runs every analysis stage that is out of date, incrementally: only new
 * documents, and the old ones they affect, are processed.  Changing
 * same_outlet from the previous run recomputes the reuse stage.
 */
ue_status ue_analyze(ue_corpus *corpus, const ue_analyze_options *options,
                     ue_analyze_summary *summary);

/* ------------------------------------------------------------------ */
/* Listing                                                              */
/* ------------------------------------------------------------------ */

/* Corpus statistics as one JSON object (see docs/schema.md). */
ue_status ue_stats(ue_corpus *corpus, ue_row_fn fn, void *ctx);

typedef struct ue_doc_filter {
	const char *outlet;   /* canonical outlet name or alias; NULL: any */
	const char *bloc;     /* bloc label; NULL: any */
	const char *id;       /* one document; NULL: any */
	int with_text;        /* include the stored text */
	int64_t story;        /* documents of one story; 0: any */
} ue_doc_filter;

/* One JSON object per document, in ingest order. */
ue_status ue_docs(ue_corpus *corpus, const ue_doc_filter *filter,
                  ue_row_fn fn, void *ctx);

typedef struct ue_reuse_filter {
	const char *doc;      /* pairs of this document only; NULL: all */
	int same_outlet;      /* include pairs within one outlet */
	const char *kind;     /* "copy" or "quotation" only; NULL: both */
} ue_reuse_filter;

/* One JSON object per pair of documents sharing text (docs/schema.md). */
ue_status ue_reuse(ue_corpus *corpus, const ue_reuse_filter *filter,
                   ue_row_fn fn, void *ctx);

/* One JSON object per story (docs/schema.md), by id; story > 0 selects
 * one. */
ue_status ue_stories(ue_corpus *corpus, int64_t story, ue_row_fn fn,
                     void *ctx);

/* One JSON object per claim (docs/schema.md), by id (most reported
 * first); story > 0 selects a story's claims, claim > 0 one claim. */
ue_status ue_claims(ue_corpus *corpus, int64_t story, int64_t claim,
                    ue_row_fn fn, void *ctx);
/* Claims chosen by every filter given (0 or NULL: any). */
typedef struct ue_claim_filter {
	int64_t story;        /* of this story */
	int64_t claim;        /* this claim */
	const char *origin;   /* with a report resting on the found origin
	                         of this key, as in ue_origins_found() */
} ue_claim_filter;

/* The claims of filter, the same way as ue_claims(). */
ue_status ue_claims_where(ue_corpus *corpus, const ue_claim_filter *filter,
                          ue_row_fn fn, void *ctx);

/* Every origin the claims stage found, most reported first. */
ue_status ue_origins_found(ue_corpus *corpus, ue_row_fn fn, void *ctx);

/* Every attribution relation, of one document (its id) or of all (NULL),
 * in document and text order. */
ue_status ue_attributions(ue_corpus *corpus, const char *doc, ue_row_fn fn,
                          void *ctx);

/* Coverage and blindspots (SPEC 4.6): for each story and bloc, its
 * documents, its share of the story against its share of the corpus, and
 * whether the story is a blindspot of the bloc: its share under
 * `ratio` of its corpus share [0.2] when at least `min_expected`
 * documents [5] would be expected at its corpus share. */
typedef struct ue_coverage_options {
	int64_t story;        /* one story; 0: all */
	double ratio;         /* [0.2] */
	double min_expected;  /* [5] */
	int blindspots_only;
	/* Groups: "bloc" (default), "country" or "type" (the outlet's); each
	 * row names its group under "bloc", "country" or "outlet_type". */
	const char *by;
} ue_coverage_options;

ue_status ue_coverage(ue_corpus *corpus, const ue_coverage_options *options,
                      ue_row_fn fn, void *ctx);

/* Framing (SPEC 4.6): the words most distinctive of groups of documents,
 * by the log-odds ratio with an informative Dirichlet prior. */
typedef struct ue_framing_options {
	int64_t story;        /* within one story; 0: the whole corpus */
	/* Groups: by "bloc" (default), "outlet" or "country", each against
	 * the rest; or two sets chosen with filters FIELD=VALUE (fields bloc,
	 * outlet, country), a against b. */
	const char *by;
	const char *a, *b;
	double alpha0;        /* the prior's total [1000] */
	unsigned top;         /* words per group [15] */
	unsigned min_count;   /* in both groups together [3] */
} ue_framing_options;

/* One JSON object per distinctive word (docs/schema.md).  UE_EINVAL with
 * a message for a bad option or filter. */
ue_status ue_framing(ue_corpus *corpus, const ue_framing_options *options,
                     ue_row_fn fn, void *ctx);

/* Dissent (SPEC 4.6): the documents of each story (or one), ranked by
 * how far they diverge from its most reported claim, with the passage
 * that shows it (docs/schema.md). */
ue_status ue_dissent(ue_corpus *corpus, int64_t story, ue_row_fn fn,
                     void *ctx);

/* The echo report (docs/schema.md): JSON with everything, or Markdown or
 * one self-contained HTML file (charts drawn offline) for reading. */
typedef struct ue_report_options {
	const char *format;   /* "json" (default), "md" or "html" */
	unsigned stories;     /* stories shown in Markdown and HTML, with
	                         their framing, dissent and provenance [10] */
	unsigned claims;      /* claims per story in Markdown and HTML [10] */
	/* Receives the report in pieces; non-zero stops it. */
	int (*write)(void *ctx, const char *data, size_t len);
	void *ctx;
} ue_report_options;

ue_status ue_report(ue_corpus *corpus, const ue_report_options *options);

/* ------------------------------------------------------------------ */
/* Outlets and origins                                                  */
/* ------------------------------------------------------------------ */

/* Options for importing registry files (CSV or TSV with a header). */
typedef struct ue_import_options {
	const char *map;      /* column renames: "name=source,country=country" */
	void (*on_reject)(void *ctx, const char *file, uint64_t line,
	                  const char *reason);
	void *ctx;
} ue_import_options;

/* Every known and every unknown outlet, one JSON object each. */
ue_status ue_outlets(ue_corpus *corpus, ue_row_fn fn, void *ctx);

/* Adds or overrides outlets from a file; *count receives rows applied. */
ue_status ue_outlets_import(ue_corpus *corpus, const char *path,
                            const ue_import_options *options,
                            uint64_t *count);

/* The origin gazetteer (known origins), one JSON object each. */
ue_status ue_origins_known(ue_corpus *corpus, ue_row_fn fn, void *ctx);

/* Adds or overrides origins from a file; *count receives rows applied. */
ue_status ue_origins_import(ue_corpus *corpus, const char *path,
                            const ue_import_options *options,
                            uint64_t *count);

/* ------------------------------------------------------------------ */
/* The analyst's workbench (SPEC 5)                                     */
/* ------------------------------------------------------------------ */
/*
 * ACH matrices, key assumptions and actor models, kept in the database.
 * A matrix or an actor model is named by its name (or its id in decimal);
 * hypotheses, evidence, assumptions, options and criteria by their label
 * ("H1", "E2", "A1", "send"...).  Every change is one transaction: when a
 * function fails nothing has changed, and ue_errmsg() says why.  The JSON
 * of the listings, of show and of the workbench file is documented in
 * docs/schema.md.  Label outputs (label_out, labellen bytes, may be NULL)
 * receive the label given to a new item.
 */

/* The fields of a workbench item; NULL (or has_* 0) leaves a field as it
 * is when editing, and takes the default when adding.  An empty string
 * clears an optional field (question, description, origin, credibility,
 * analyst weight). */
typedef struct ue_wb_fields {
	const char *label;        /* add: NULL numbers it (H1, E1, A1) */
	const char *text;
	/* ACH evidence: drawn from a claim (its id, or the first claim whose
	 * text contains claim_text), its origin (a gazetteer id such as
	 * "kr-nis" or a found origin key), an Admiralty grade A-F that
	 * overrides its origin's, and its relevance (low, medium, high). */
	int64_t claim;
	const char *claim_text;
	const char *origin, *credibility, *relevance;
	/* Actor criteria: the actor's and the analyst's weights (>= 0). */
	double weight, analyst_weight;
	int has_weight, has_analyst_weight;
} ue_wb_fields;

/* A new ACH matrix.  weights (may be NULL) overrides the relevance and
 * credibility weights: "low=0.5,high=2,A=1,F=0.3". */
ue_status ue_ach_new(ue_corpus *corpus, const char *name,
                     const char *question, const char *weights);
/* Renames a matrix, or changes its question or weights (NULL: as is). */
ue_status ue_ach_edit(ue_corpus *corpus, const char *matrix,
                      const char *name, const char *question,
                      const char *weights);
ue_status ue_ach_delete(ue_corpus *corpus, const char *matrix);
/* One JSON object per matrix: id, name, question, hypotheses, evidence,
 * top. */
ue_status ue_ach_list(ue_corpus *corpus, ue_row_fn fn, void *ctx);
/* One JSON object: the matrix with its scores, echo inflation,
 * diagnosticity and sensitivity. */
ue_status ue_ach_show(ue_corpus *corpus, const char *matrix, ue_row_fn fn,
                      void *ctx);
ue_status ue_ach_hypothesis_add(ue_corpus *corpus, const char *matrix,
                                const ue_wb_fields *f, char *label_out,
                                size_t labellen);
ue_status ue_ach_hypothesis_edit(ue_corpus *corpus, const char *matrix,
                                 const char *label, const ue_wb_fields *f);
ue_status ue_ach_hypothesis_remove(ue_corpus *corpus, const char *matrix,
                                   const char *label);
/* Evidence typed by hand (text) or drawn from a claim (claim or
 * claim_text; its reports are copied with their origins and blocs, and
 * its text is the default text). */
ue_status ue_ach_evidence_add(ue_corpus *corpus, const char *matrix,
                              const ue_wb_fields *f, char *label_out,
                              size_t labellen);
ue_status ue_ach_evidence_edit(ue_corpus *corpus, const char *matrix,
                               const char *label, const ue_wb_fields *f);
ue_status ue_ach_evidence_remove(ue_corpus *corpus, const char *matrix,
                                 const char *label);
/* Rates evidence against hypothesis: CC, C, N, I, II or NA; NULL or ""
 * clears the cell.  hypothesis NULL rates every hypothesis. */
ue_status ue_ach_rate(ue_corpus *corpus, const char *matrix,
                      const char *evidence, const char *hypothesis,
                      const char *rating);

/* Key assumptions: each with the claims and evidence that support it. */
ue_status ue_assumption_add(ue_corpus *corpus, const ue_wb_fields *f,
                            char *label_out, size_t labellen);
ue_status ue_assumption_edit(ue_corpus *corpus, const char *label,
                             const ue_wb_fields *f);
ue_status ue_assumption_remove(ue_corpus *corpus, const char *label);
/* Adds support: a claim (f->claim or f->claim_text), or the evidence
 * item `evidence` of `matrix`; f->text is a note (may be NULL). */
ue_status ue_assumption_support(ue_corpus *corpus, const char *label,
                                const ue_wb_fields *f, const char *matrix,
                                const char *evidence);
/* Removes the n-th (1-based) support of an assumption. */
ue_status ue_assumption_unsupport(ue_corpus *corpus, const char *label,
                                  size_t n);
/* One JSON object per assumption (one when label is not NULL), with its
 * origins, blocs and flags. */
ue_status ue_assumptions(ue_corpus *corpus, const char *label, ue_row_fn fn,
                         void *ctx);

/* Actor models: options scored on criteria under the actor's weights and
 * the analyst's.  analyst names whose weights those are. */
ue_status ue_actor_new(ue_corpus *corpus, const char *name,
                       const char *description, const char *analyst);
ue_status ue_actor_edit(ue_corpus *corpus, const char *actor,
                        const char *name, const char *description,
                        const char *analyst);
ue_status ue_actor_delete(ue_corpus *corpus, const char *actor);
/* One JSON object per model: id, name, options, criteria, top. */
ue_status ue_actor_list(ue_corpus *corpus, ue_row_fn fn, void *ctx);
/* One JSON object: the model with its rankings, mirror-image gap and the
 * smallest weight changes that flip the actor's top option. */
ue_status ue_actor_show(ue_corpus *corpus, const char *actor, ue_row_fn fn,
                        void *ctx);
ue_status ue_actor_option_add(ue_corpus *corpus, const char *actor,
                              const ue_wb_fields *f);
ue_status ue_actor_option_edit(ue_corpus *corpus, const char *actor,
                               const char *label, const ue_wb_fields *f);
ue_status ue_actor_option_remove(ue_corpus *corpus, const char *actor,
                                 const char *label);
ue_status ue_actor_criterion_add(ue_corpus *corpus, const char *actor,
                                 const ue_wb_fields *f);
ue_status ue_actor_criterion_edit(ue_corpus *corpus, const char *actor,
                                  const char *label, const ue_wb_fields *f);
ue_status ue_actor_criterion_remove(ue_corpus *corpus, const char *actor,
                                    const char *label);
/* Scores an option on a criterion. */
ue_status ue_actor_score(ue_corpus *corpus, const char *actor,
                         const char *option, const char *criterion,
                         double score);

/* The sections of the workbench file. */
enum {
	UE_WB_ACH = 1,
	UE_WB_ASSUMPTIONS = 2,
	UE_WB_ACTORS = 4,
	UE_WB_ALL = 7,
};

/* Writes the workbench file (JSON) of the given sections, or of the one
 * matrix or actor model called name when name is not NULL (sections then
 * UE_WB_ACH or UE_WB_ACTORS), to write. */
ue_status ue_workbench_export(ue_corpus *corpus, unsigned sections,
                              const char *name,
                              int (*write)(void *ctx, const char *data,
                                           size_t len),
                              void *ctx);

/* Imports the given sections of the workbench file at path, all or
 * nothing: a malformed file, an unknown rating, a missing hypothesis or
 * claim, or a name already taken (unless replace, which replaces the item
 * of that name) fails with a message naming the file and the place
 * ("wb.json:3:14: ..." or "wb.json: ach[0].evidence[2]...").  counts
 * (may be NULL) receives the items imported of each kind. */
ue_status ue_workbench_import(ue_corpus *corpus, const char *path,
                              unsigned sections, int replace,
                              size_t counts[3]);

/* The whole workbench as one JSON object {"ach", "assumptions",
 * "actors"}, every item with its computed view. */
ue_status ue_workbench(ue_corpus *corpus, ue_row_fn fn, void *ctx);

#ifdef __cplusplus
}
#endif
#endif /* UNECHO_H */
