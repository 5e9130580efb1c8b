/* cmd_docs.c - unecho docs: list documents. */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"

static const struct out_column columns[] = {
	{"id", "ID", 24},
	{"outlet", "OUTLET", 24},
	{"bloc", "BLOC", 12},
	{"published", "PUBLISHED", 0},
	{"language", "LANG", 0},
	{"bytes", "BYTES", 0},
	{"dup_group", "DUP", 0},
	{"title", "TITLE", 60},
};

int cmd_docs(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"csv", no_argument, NULL, 'c'},
		{"outlet", required_argument, NULL, 'o'},
		{"bloc", required_argument, NULL, 'b'},
		{"doc", required_argument, NULL, 'd'},
		{"text", no_argument, NULL, 't'},
		{"story", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum out_mode mode = OUT_TABLE;
	ue_doc_filter f = {0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': mode = OUT_JSON; break;
		case 'c': mode = OUT_CSV; break;
		case 'o': f.outlet = optarg; break;
		case 'b': f.bloc = optarg; break;
		case 'd': f.id = optarg; break;
		case 't': f.with_text = 1; break;
		case 's': {
			char *end;
			long long v = strtoll(optarg, &end, 10);
			if (*end || v < 1) {
				cli_error("--story needs a positive number, not '%s'",
				          optarg);
				return EXIT_USAGE;
			}
			f.story = v;
			break;
		}
		case 'h':
			printf("usage: unecho docs [--json|--csv] [--outlet NAME] "
			       "[--bloc BLOC] [--doc ID] [--story ID] [--text]\n");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("docs: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	ue_corpus *corpus = cli_open();
	if (!corpus)
		return EXIT_FAILURE_DB;
	struct out *o = out_new(mode, columns,
	                        (int)(sizeof columns / sizeof columns[0]));
	ue_status st = ue_docs(corpus, &f, out_row, o);
	int rows = out_rows(o);
	out_finish(o);
	int rc = st ? cli_fail(corpus, st, "docs") : EXIT_OK;
	if (!st && f.id && rows == 0) {
		cli_error("no document '%s'", f.id);
		rc = EXIT_USAGE;
	}
	ue_corpus_free(corpus);
	return rc;
}
