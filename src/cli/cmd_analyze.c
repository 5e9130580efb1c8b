/* cmd_analyze.c - unecho analyze: run the analysis stages that are out of
 * date; unecho reuse: list who copied whom. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct analyze_ui {
	struct progress *bar;
	const char *stage;
};

static void on_progress(void *ctx, const char *stage, uint64_t done,
                        uint64_t total)
{
	struct analyze_ui *ui = ctx;
	if (ui->stage != stage) {   /* a new stage: a new bar */
		progress_done(ui->bar);
		ui->bar = progress_new(stage);
		ui->stage = stage;
	}
	progress_update(ui->bar, done, total, done);
}

/* Parses a number in (0, 1]. */
static int parse_fraction(const char *s, double *out)
{
	char *end;
	double x = strtod(s, &end);
	if (*end || !(x > 0) || x > 1)
		return 0;
	*out = x;
	return 1;
}

int cmd_analyze(int argc, char **argv)
{
	static const struct option opts[] = {
		{"threads", required_argument, NULL, 't'},
		{"same-outlet", no_argument, NULL, 's'},
		{"story-threshold", required_argument, NULL, 'S'},
		{"story-window", required_argument, NULL, 'W'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	ue_analyze_options o = {0};
	int json = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 't': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 256) {
				cli_error("--threads needs a number from 1 to 256");
				return EXIT_USAGE;
			}
			o.threads = (unsigned)n;
			break;
		}
		case 's': o.same_outlet = 1; break;
		case 'S':
			if (!parse_fraction(optarg, &o.story_threshold)) {
				cli_error("--story-threshold needs a number above 0 "
				          "and at most 1");
				return EXIT_USAGE;
			}
			break;
		case 'W': {
			char *end;
			o.story_window_days = strtod(optarg, &end);
			if (*end || !(o.story_window_days > 0) ||
			    o.story_window_days > 36500) {
				cli_error("--story-window needs a number of days "
				          "above 0");
				return EXIT_USAGE;
			}
			break;
		}
		case 'j': json = 1; break;
		case 'h':
			printf("usage: unecho analyze [--threads N] [--same-outlet] "
			       "[--story-threshold X] [--story-window DAYS] "
			       "[--json]\n");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	ue_corpus *corpus = cli_open();
	if (!corpus)
		return EXIT_FAILURE_DB;
	struct analyze_ui ui = {0};
	o.on_progress = on_progress;
	o.ctx = &ui;
	ue_analyze_summary s;
	ue_status st = ue_analyze(corpus, &o, &s);
	progress_done(ui.bar);
	int rc = st ? cli_fail(corpus, st, "analyze") : EXIT_OK;
	ue_corpus_free(corpus);
	if (st)
		return rc;
	if (json)
		printf("{\"texts\":%llu,\"candidates\":%llu,\"pairs\":%llu,"
		       "\"documents\":%llu,\"stories\":%llu,\"claims\":%llu,"
		       "\"origins\":%llu}\n",
		       (unsigned long long)s.texts,
		       (unsigned long long)s.candidates,
		       (unsigned long long)s.pairs,
		       (unsigned long long)s.documents,
		       (unsigned long long)s.stories,
		       (unsigned long long)s.claims,
		       (unsigned long long)s.origins);
	else
		printf("reuse: %llu new texts, %llu candidate pairs, %llu pairs "
		       "sharing passages, %llu documents updated\n",
		       (unsigned long long)s.texts,
		       (unsigned long long)s.candidates,
		       (unsigned long long)s.pairs,
		       (unsigned long long)s.documents);
	if (!json && s.stories)
		printf("stories: %llu\n", (unsigned long long)s.stories);
	if (!json && s.claims)
		printf("claims: %llu, resting on %llu origins\n",
		       (unsigned long long)s.claims,
		       (unsigned long long)s.origins);
	return EXIT_OK;
}

static const struct out_column reuse_columns[] = {
	{"source", "SOURCE", 24},
	{"source_outlet", "SOURCE OUTLET", 22},
	{"copy", "COPY", 24},
	{"copy_outlet", "COPY OUTLET", 22},
	{"direction", "BY", 0},
	{"kind", "KIND", 0},
	{"copy_coverage", "COPIED", 0},
	{"source_coverage", "OF SOURCE", 0},
};

int cmd_reuse(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"csv", no_argument, NULL, 'c'},
		{"doc", required_argument, NULL, 'd'},
		{"same-outlet", no_argument, NULL, 's'},
		{"kind", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum out_mode mode = OUT_TABLE;
	ue_reuse_filter f = {0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': mode = OUT_JSON; break;
		case 'c': mode = OUT_CSV; break;
		case 'd': f.doc = optarg; break;
		case 's': f.same_outlet = 1; break;
		case 'k': f.kind = optarg; break;
		case 'h':
			printf("usage: unecho reuse [--json|--csv] [--doc ID] "
			       "[--same-outlet] [--kind copy|quotation]\n");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	ue_corpus *corpus = cli_open();
	if (!corpus)
		return EXIT_FAILURE_DB;
	struct out *o = out_new(mode, reuse_columns,
	        (int)(sizeof reuse_columns / sizeof reuse_columns[0]));
	ue_status st = ue_reuse(corpus, &f, out_row, o);
	out_finish(o);
	int rc = st ? cli_fail(corpus, st, "reuse") : EXIT_OK;
	ue_corpus_free(corpus);
	return rc;
}
