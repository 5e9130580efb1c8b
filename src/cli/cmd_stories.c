/* cmd_stories.c - unecho stories: list the stories. */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"

static const struct out_column story_columns[] = {
	{"id", "ID", 0},
	{"docs", "DOCS", 0},
	{"outlets", "OUTLETS", 0},
	{"first", "FIRST", 0},
	{"label", "LABEL", 36},
	{"headline", "HEADLINE", 60},
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

int cmd_stories(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"csv", no_argument, NULL, 'c'},
		{"story", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum out_mode mode = OUT_TABLE;
	int64_t story = 0;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': mode = OUT_JSON; break;
		case 'c': mode = OUT_CSV; break;
		case 's':
			if (!(story = parse_id("--story", optarg)))
				return EXIT_USAGE;
			break;
		case 'h':
			printf("usage: unecho stories [--json|--csv] [--story ID]\n");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("stories: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	ue_corpus *corpus = cli_open();
	if (!corpus)
		return EXIT_FAILURE_DB;
	struct out *o = out_new(mode, story_columns,
	                        (int)(sizeof story_columns /
	                              sizeof story_columns[0]));
	ue_status st = ue_stories(corpus, story, out_row, o);
	int rows = out_rows(o);
	out_finish(o);
	int rc = st ? cli_fail(corpus, st, "stories") : EXIT_OK;
	if (!st && story && rows == 0) {
		cli_error("no story %lld (run 'unecho analyze' first?)",
		          (long long)story);
		rc = EXIT_USAGE;
	}
	ue_corpus_free(corpus);
	return rc;
}
