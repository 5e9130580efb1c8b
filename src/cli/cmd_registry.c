/* cmd_registry.c - unecho outlets and unecho origins: list the registries
 * and import users' files into them. */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const struct out_column outlet_columns[] = {
	{"name", "NAME", 32},
	{"country", "CC", 0},
	{"bloc", "BLOC", 14},
	{"type", "TYPE", 0},
	{"known", "KNOWN", 0},
	{"documents", "DOCS", 0},
	{"domains", "DOMAINS", 40},
};

static const struct out_column found_columns[] = {
	{"id", "ID", 36},
	{"name", "NAME", 40},
	{"kind", "KIND", 0},
	{"specificity", "SPECIFICITY", 0},
	{"claims", "CLAIMS", 0},
	{"reports", "REPORTS", 0},
	{"outlets", "OUTLETS", 0},
};

static const struct out_column origin_columns[] = {
	{"id", "ID", 28},
	{"name", "NAME", 40},
	{"kind", "KIND", 0},
	{"country", "CC", 0},
	{"reliability", "REL", 0},
};

static void on_reject(void *ctx, const char *file, uint64_t line,
                      const char *reason)
{
	int *n = ctx;
	if ((*n)++ < 10)
		fprintf(stderr, "unecho: %s:%llu: %s\n", file,
		        (unsigned long long)line, reason);
}

typedef ue_status (*import_fn)(ue_corpus *, const char *,
                               const ue_import_options *, uint64_t *);
typedef ue_status (*list_fn)(ue_corpus *, ue_row_fn, void *);

static int run_import(import_fn fn, const char *what, int argc, char **argv,
                      const char *map)
{
	if (argc != 1) {
		cli_error("%s import needs one FILE", what);
		return EXIT_USAGE;
	}
	ue_corpus *c = cli_open();
	if (!c)
		return EXIT_FAILURE_DB;
	int rejected = 0;
	ue_import_options o = {map, on_reject, &rejected};
	uint64_t n = 0;
	ue_status st = fn(c, argv[0], &o, &n);
	int rc = st ? cli_fail(c, st, "import") : EXIT_OK;
	if (!st) {
		printf("imported %llu %s", (unsigned long long)n, what);
		if (rejected)
			printf(", rejected %d rows", rejected);
		putchar('\n');
		if (rejected)
			rc = EXIT_REJECTED;
	}
	ue_corpus_free(c);
	return rc;
}

static int run_list(list_fn fn, enum out_mode mode,
                    const struct out_column *cols, int ncols)
{
	ue_corpus *c = cli_open();
	if (!c)
		return EXIT_FAILURE_DB;
	struct out *o = out_new(mode, cols, ncols);
	ue_status st = fn(c, out_row, o);
	out_finish(o);
	int rc = st ? cli_fail(c, st, "list") : EXIT_OK;
	ue_corpus_free(c);
	return rc;
}

/* Shared option parsing: --json, --csv, --map, --known.  Returns 0 to go
 * on, or 1 with the exit code in *rc (after --help or a bad option). */
struct reg_opts {
	enum out_mode mode;
	const char *map;
	int known;
};

static int parse(int argc, char **argv, struct reg_opts *r, const char *help,
                 int *rc)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"csv", no_argument, NULL, 'c'},
		{"map", required_argument, NULL, 'm'},
		{"known", no_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': r->mode = OUT_JSON; break;
		case 'c': r->mode = OUT_CSV; break;
		case 'm': r->map = optarg; break;
		case 'k': r->known = 1; break;
		case 'h':
			printf("%s", help);
			*rc = EXIT_OK;
			return 1;
		default:
			*rc = EXIT_USAGE;
			return 1;
		}
	}
	return 0;
}

/* What a registry command lists: the registry itself, and (if any)
 * what analysis found, shown unless --known is given. */
struct listing {
	list_fn known, found;
	const struct out_column *known_cols, *found_cols;
	int nknown, nfound;
};

/* The subcommand: "import FILE", or the listing. */
static int run(int argc, char **argv, const char *what, const char *help,
               import_fn import, const struct listing *l)
{
	struct reg_opts r = {OUT_TABLE, NULL, 0};
	int rc;
	if (parse(argc, argv, &r, help, &rc))
		return rc;
	if (optind < argc && strcmp(argv[optind], "import") == 0)
		return run_import(import, what, argc - optind - 1,
		                  argv + optind + 1, r.map);
	if (optind < argc) {
		cli_error("%s: unknown argument '%s'", what, argv[optind]);
		return EXIT_USAGE;
	}
	if (l->found && !r.known)
		return run_list(l->found, r.mode, l->found_cols, l->nfound);
	return run_list(l->known, r.mode, l->known_cols, l->nknown);
}

int cmd_outlets(int argc, char **argv)
{
	return run(argc, argv, "outlets",
	        "usage: unecho outlets [--json|--csv]\n"
	        "       unecho outlets import [--map FIELD=COL,...] FILE\n"
	        "fields: name domains country type state_affiliated owner "
	        "language aliases\n",
	        ue_outlets_import, &(struct listing){
	                ue_outlets, NULL, outlet_columns, NULL,
	                (int)(sizeof outlet_columns / sizeof outlet_columns[0]),
	                0});
}

/* unecho origins: the origins the claims stage found; with --known, the
 * gazetteer. */
int cmd_origins(int argc, char **argv)
{
	return run(argc, argv, "origins",
	        "usage: unecho origins [--json|--csv]\n"
	        "       unecho origins --known [--json|--csv]\n"
	        "       unecho origins import [--map FIELD=COL,...] FILE\n"
	        "fields: id name kind country reliability aliases\n",
	        ue_origins_import, &(struct listing){
	                ue_origins_known, ue_origins_found, origin_columns,
	                found_columns,
	                (int)(sizeof origin_columns / sizeof origin_columns[0]),
	                (int)(sizeof found_columns / sizeof found_columns[0])});
}
