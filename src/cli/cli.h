/*
 * cli.h - what the subcommands of the unecho program share.
 */
#ifndef UE_CLI_H
#define UE_CLI_H

#include <stdio.h>
#include "unecho/unecho.h"

/* Exit codes, documented in unecho(1). */
enum {
	EXIT_OK = 0,
	EXIT_REJECTED = 1,   /* some input records were rejected */
	EXIT_USAGE = 2,      /* bad usage, or nothing could be read */
	EXIT_FAILURE_DB = 3, /* the database or the system failed */
};

/* The database path: --db, else $UNECHO_DB, else ./unecho.db. */
extern const char *cli_db_path;

/* Prints "unecho: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Opens the corpus or prints why not (NULL). */
ue_corpus *cli_open(void);

/* Prints a failure of a library call on c and returns the exit code. */
int cli_fail(ue_corpus *c, ue_status st, const char *what);

/* ---- output.c: rows as a table, JSON Lines or CSV ---- */

enum out_mode { OUT_TABLE, OUT_JSON, OUT_CSV };

struct out_column {
	const char *key;     /* field of the JSON row */
	const char *title;   /* column heading */
	int max_width;       /* truncate wider values in tables; 0: no limit */
};

struct out;
/* A writer for rows with the given columns (used by tables and CSV; JSON
 * Lines prints every field). */
struct out *out_new(enum out_mode mode, const struct out_column *cols,
                    int ncols);
/* A ue_row_fn: takes one JSON row. */
int out_row(void *out, const char *json, size_t len);
/* How many rows o has taken. */
int out_rows(const struct out *o);
/* Prints what is buffered (tables are aligned at the end) and frees. */
void out_finish(struct out *o);

/* ---- progress.c ---- */

/* A progress bar on stderr when it is a terminal; silent otherwise. */
struct progress;
struct progress *progress_new(const char *label);
void progress_update(struct progress *p, uint64_t done, uint64_t total,
                     uint64_t items);
void progress_done(struct progress *p);

/* ---- subcommands ---- */

int cmd_ingest(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_docs(int argc, char **argv);
int cmd_outlets(int argc, char **argv);
int cmd_origins(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_reuse(int argc, char **argv);
int cmd_attributions(int argc, char **argv);
int cmd_stance(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_claims(int argc, char **argv);
int cmd_dissent(int argc, char **argv);
int cmd_framing(int argc, char **argv);
int cmd_coverage(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_ach(int argc, char **argv);
int cmd_assumptions(int argc, char **argv);
int cmd_actor(int argc, char **argv);
int cmd_workbench(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* ---- cmd_workbench.c: what the workbench commands share ---- */

/* The options of every workbench command; each command takes the ones
 * it lists. */
struct wb_opts {
	enum out_mode mode;
	const char *question, *weights, *name, *text, *label, *claim_text;
	const char *origin, *credibility, *relevance, *description, *analyst;
	const char *output, *matrix, *evidence, *note;
	int64_t claim;
	double weight, analyst_weight;
	int has_weight, has_analyst_weight, replace, help;
	char **args;        /* the operands */
	int nargs;
};

/* Parses argv (argv[0] the command's name, for messages) taking only the
 * long options named in allowed (" json question "); 0 on success, else
 * the exit code after printing why. */
int wb_parse(int argc, char **argv, const char *allowed,
             struct wb_opts *o);
/* A subcommand of ach, assumptions or actor: its words ("evidence" "add",
 * or one word with b NULL), what it does (the command's own code), the
 * options it takes, how many operands, and their usage. */
struct wb_sub {
	const char *a, *b;
	int what;
	const char *allowed;
	int min, max;
	const char *args;
};

/* Finds the subcommand of command cmd named by argv among subs (none
 * named: "list"), parses its options into o and checks its operands.
 * Returns it, or NULL with *rc the exit code (EXIT_OK after printing
 * help) when there is nothing more to do. */
const struct wb_sub *wb_dispatch(const char *cmd, const struct wb_sub *subs,
                                 size_t nsubs, const char *usage, int argc,
                                 char **argv, struct wb_opts *o, int *rc);
/* What `show` prints of an item: as JSON with --json, else by print. */
struct json_t;
struct wb_show {
	enum out_mode mode;
	void (*print)(struct json_t *item);
};
/* A ue_row_fn for `show`; ctx is a struct wb_show. */
int wb_show_row(void *ctx, const char *json, size_t len);
/* The fields of o for the library. */
ue_wb_fields wb_fields(const struct wb_opts *o);
/* Prints a failure and returns the exit code, as cli_fail but naming no
 * operation: the library's message says it all. */
int wb_fail(ue_corpus *c, ue_status st);
/* Export and import of the given sections (UE_WB_*), for the commands. */
int wb_export(unsigned sections, const struct wb_opts *o, const char *name);
int wb_import(unsigned sections, const struct wb_opts *o);

#endif
