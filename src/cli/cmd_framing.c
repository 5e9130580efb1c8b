/* cmd_framing.c - how groups covered the stories: unecho coverage (with
 * blindspots) and unecho framing (the words most distinctive of each
 * group's coverage). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct out_column columns[] = {
	{"group", "GROUP", 24},
	{"term", "TERM", 24},
	{"z", "Z", 0},
	{"count", "COUNT", 0},
	{"other_count", "OTHERS", 0},
};

static const struct out_column coverage_columns[] = {
	{"story", "STORY", 0},
	{"bloc", "BLOC", 16},
	{"docs", "DOCS", 0},
	{"share", "SHARE", 0},
	{"corpus_share", "CORPUS", 0},
	{"ratio", "RATIO", 0},
	{"blindspot", "BLINDSPOT", 0},
	{"claims_absent", "CLAIMS ABSENT", 30},
};

/* Parses a number above 0 for option name. */
static int positive(const char *name, const char *s, double *out)
{
	char *end;
	*out = strtod(s, &end);
	if (*end || !(*out > 0)) {
		cli_error("%s needs a number above 0, not '%s'", name, s);
		return 0;
	}
	return 1;
}

int cmd_coverage(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"csv", no_argument, NULL, 'c'},
		{"story", required_argument, NULL, 's'},
		{"blindspots", no_argument, NULL, 'B'},
		{"ratio", required_argument, NULL, 'r'},
		{"min-expected", required_argument, NULL, 'm'},
		{"by", required_argument, NULL, 'b'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum out_mode mode = OUT_TABLE;
	ue_coverage_options f = {0};
	double story = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': mode = OUT_JSON; break;
		case 'c': mode = OUT_CSV; break;
		case 's':
			if (!positive("--story", optarg, &story))
				return EXIT_USAGE;
			f.story = (int64_t)story;
			break;
		case 'B': f.blindspots_only = 1; break;
		case 'b': f.by = optarg; break;
		case 'r':
			if (!positive("--ratio", optarg, &f.ratio))
				return EXIT_USAGE;
			break;
		case 'm':
			if (!positive("--min-expected", optarg, &f.min_expected))
				return EXIT_USAGE;
			break;
		case 'h':
			printf("usage: unecho coverage [--story ID] [--by bloc|country|"
			       "type] [--blindspots] [--ratio X] [--min-expected N] "
			       "[--json|--csv]\n");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("coverage: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	ue_corpus *corpus = cli_open();
	if (!corpus)
		return EXIT_FAILURE_DB;
	/* The group's column is named after the grouping. */
	struct out_column cols[sizeof coverage_columns / sizeof *coverage_columns];
	memcpy(cols, coverage_columns, sizeof cols);
	if (f.by && !strcmp(f.by, "country"))
		cols[1] = (struct out_column){"country", "COUNTRY", 16};
	else if (f.by && !strcmp(f.by, "type"))
		cols[1] = (struct out_column){"outlet_type", "TYPE", 16};
	struct out *o = out_new(mode, cols, (int)(sizeof cols / sizeof *cols));
	ue_status st = ue_coverage(corpus, &f, out_row, o);
	out_finish(o);
	int rc = st ? cli_fail(corpus, st, "coverage") : EXIT_OK;
	ue_corpus_free(corpus);
	return rc;
}

int cmd_framing(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"csv", no_argument, NULL, 'c'},
		{"story", required_argument, NULL, 's'},
		{"by", required_argument, NULL, 'B'},
		{"a", required_argument, NULL, 'a'},
		{"b", required_argument, NULL, 'b'},
		{"top", required_argument, NULL, 't'},
		{"alpha0", required_argument, NULL, 'A'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum out_mode mode = OUT_TABLE;
	ue_framing_options f = {0};
	int c;
	char *end;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': mode = OUT_JSON; break;
		case 'c': mode = OUT_CSV; break;
		case 's':
			f.story = strtoll(optarg, &end, 10);
			if (*end || f.story < 1) {
				cli_error("--story needs a positive number, not '%s'",
				          optarg);
				return EXIT_USAGE;
			}
			break;
		case 'B': f.by = optarg; break;
		case 'a': f.a = optarg; break;
		case 'b': f.b = optarg; break;
		case 't': {
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 10000) {
				cli_error("--top needs a number from 1 to 10000");
				return EXIT_USAGE;
			}
			f.top = (unsigned)n;
			break;
		}
		case 'A':
			if (!positive("--alpha0", optarg, &f.alpha0))
				return EXIT_USAGE;
			break;
		case 'h':
			printf("usage: unecho framing [--story ID] "
			       "[--by bloc|outlet|country] [--a FILTER --b FILTER]\n"
			       "                      [--top N] [--alpha0 X] "
			       "[--json|--csv]\n"
			       "a FILTER is FIELD=VALUE, FIELD bloc, outlet or "
			       "country: --a bloc=Western --b bloc=Russian\n");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("framing: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	ue_corpus *corpus = cli_open();
	if (!corpus)
		return EXIT_FAILURE_DB;
	struct out *o = out_new(mode, columns,
	                        (int)(sizeof columns / sizeof columns[0]));
	ue_status st = ue_framing(corpus, &f, out_row, o);
	out_finish(o);
	int rc = st ? cli_fail(corpus, st, "framing") : EXIT_OK;
	ue_corpus_free(corpus);
	return rc;
}
