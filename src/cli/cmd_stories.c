/* cmd_stories.c - unecho stories, claims and dissent: the echo, measured,
 * and what breaks from it. */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"

static const struct out_column story_columns[] = {
	{"id", "ID", 0},
	{"docs", "DOCS", 0},
	{"outlets", "OUTLETS", 0},
	{"claims", "CLAIMS", 0},
	{"effective_origins", "EFF.ORIGINS", 0},
	{"echo_ratio", "ECHO", 0},
	{"first", "FIRST", 0},
	{"label", "LABEL", 30},
	{"headline", "HEADLINE", 50},
};

static const struct out_column dissent_columns[] = {
	{"story", "STORY", 0},
	{"doc", "DOC", 20},
	{"outlet", "OUTLET", 22},
	{"bloc", "BLOC", 12},
	{"stance", "STANCE", 0},
	{"score", "SCORE", 0},
	{"passage", "PASSAGE", 60},
};

static const struct out_column claim_columns[] = {
	{"id", "ID", 0},
	{"story", "STORY", 0},
	{"reports", "REPORTS", 0},
	{"effective_origins", "EFF.ORIGINS", 0},
	{"echo_ratio", "ECHO", 0},
	{"polarity", "POLARITY", 0},
	{"first_seen", "FIRST", 0},
	{"text", "CLAIM", 70},
};

/* Parses a positive id for option name; 0 when it is not one. */
static int64_t parse_id(const char *name, const char *s)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (*end || v < 1) {
		cli_error("%s needs a positive number, not '%s'", name, s);
		return 0;
	}
	return v;
}

/* What one of these listings is: its name, usage, table, whether it
 * takes --claim and --origin, and how it lists what f selects. */
struct listing {
	const char *name, *usage, *item;
	const struct out_column *cols;
	int ncols;
	int takes_claim;
	ue_status (*list)(ue_corpus *c, const ue_claim_filter *f, ue_row_fn fn,
	                  void *ctx);
};

static ue_status list_stories(ue_corpus *c, const ue_claim_filter *f,
                              ue_row_fn fn, void *ctx)
{
	return ue_stories(c, f->story, fn, ctx);
}

static ue_status list_dissent(ue_corpus *c, const ue_claim_filter *f,
                              ue_row_fn fn, void *ctx)
{
	return ue_dissent(c, f->story, fn, ctx);
}

static int run(int argc, char **argv, const struct listing *l)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"csv", no_argument, NULL, 'c'},
		{"story", required_argument, NULL, 's'},
		{"claim", required_argument, NULL, 'C'},
		{"origin", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum out_mode mode = OUT_TABLE;
	ue_claim_filter f = {0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': mode = OUT_JSON; break;
		case 'c': mode = OUT_CSV; break;
		case 's':
			if (!(f.story = parse_id("--story", optarg)))
				return EXIT_USAGE;
			break;
		case 'C':
		case 'o':
			if (!l->takes_claim) {
				cli_error("%s: no option --%s", l->name,
				          c == 'C' ? "claim" : "origin");
				return EXIT_USAGE;
			}
			if (c == 'o')
				f.origin = optarg;
			else if (!(f.claim = parse_id("--claim", optarg)))
				return EXIT_USAGE;
			break;
		case 'h':
			printf("%s", l->usage);
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("%s: unexpected argument '%s'", l->name, argv[optind]);
		return EXIT_USAGE;
	}
	ue_corpus *corpus = cli_open();
	if (!corpus)
		return EXIT_FAILURE_DB;
	struct out *o = out_new(mode, l->cols, l->ncols);
	ue_status st = l->list(corpus, &f, out_row, o);
	int rows = out_rows(o);
	out_finish(o);
	int rc = st ? cli_fail(corpus, st, l->name) : EXIT_OK;
	int64_t one = f.claim ? f.claim : l->takes_claim ? 0 : f.story;
	if (!st && one && rows == 0) {
		cli_error("no %s %lld (run 'unecho analyze' first?)", l->item,
		          (long long)one);
		rc = EXIT_USAGE;
	} else if (!st && f.origin && rows == 0) {
		cli_error("no claim rests on origin '%s' (see 'unecho origins')",
		          f.origin);
		rc = EXIT_USAGE;
	}
	ue_corpus_free(corpus);
	return rc;
}

int cmd_stories(int argc, char **argv)
{
	static const struct listing l = {
		"stories", "usage: unecho stories [--json|--csv] [--story ID]\n",
		"story", story_columns,
		(int)(sizeof story_columns / sizeof story_columns[0]), 0,
		list_stories,
	};
	return run(argc, argv, &l);
}

int cmd_claims(int argc, char **argv)
{
	static const struct listing l = {
		"claims", "usage: unecho claims [--json|--csv] [--story ID] "
		"[--claim ID] [--origin KEY]\n",
		"claim", claim_columns,
		(int)(sizeof claim_columns / sizeof claim_columns[0]), 1,
		ue_claims_where,
	};
	return run(argc, argv, &l);
}

int cmd_dissent(int argc, char **argv)
{
	static const struct listing l = {
		"dissent", "usage: unecho dissent [--json|--csv] [--story ID]\n",
		"story", dissent_columns,
		(int)(sizeof dissent_columns / sizeof dissent_columns[0]), 0,
		list_dissent,
	};
	return run(argc, argv, &l);
}
