/* cmd_report.c - unecho report: the echo report as JSON, Markdown or
 * HTML. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static int write_file(void *ctx, const char *data, size_t len)
{
	return fwrite(data, 1, len, ctx) != len;
}

/* The format a file name asks for: by its extension, else JSON. */
static const char *format_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (dot && (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm")))
		return "html";
	if (dot && !strcasecmp(dot, ".md"))
		return "md";
	return "json";
}

int cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"stories", required_argument, NULL, 's'},
		{"claims", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	ue_report_options r = {0};
	const char *path = NULL;
	int c;
	char *end;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'o': path = optarg; break;
		case 'f': r.format = optarg; break;
		case 's':
		case 'c': {
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 100000) {
				cli_error("--%s needs a number from 1 to 100000",
				          c == 's' ? "stories" : "claims");
				return EXIT_USAGE;
			}
			*(c == 's' ? &r.stories : &r.claims) = (unsigned)n;
			break;
		}
		case 'h':
			printf("usage: unecho report [-o FILE] [--format json|md|html] "
			       "[--stories N] [--claims N]\n"
			       "The format defaults to the extension of FILE (.html, "
			       ".md), else json.\n");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error("report: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	if (!r.format && path)
		r.format = format_of(path);
	if (r.format && strcmp(r.format, "json") && strcmp(r.format, "md") &&
	    strcmp(r.format, "html")) {
		cli_error("--format must be json, md or html, not '%s'", r.format);
		return EXIT_USAGE;
	}
	FILE *f = path ? fopen(path, "wb") : stdout;
	if (!f) {
		cli_error("%s: %s", path, strerror(errno));
		return EXIT_USAGE;
	}
	ue_corpus *corpus = cli_open();
	if (!corpus) {
		if (path)
			fclose(f);
		return EXIT_FAILURE_DB;
	}
	r.write = write_file;
	r.ctx = f;
	ue_status st = ue_report(corpus, &r);
	int rc = st ? cli_fail(corpus, st, "report") : EXIT_OK;
	if (path && fclose(f) && !st) {
		cli_error("%s: %s", path, strerror(errno));
		rc = EXIT_FAILURE_DB;
	}
	ue_corpus_free(corpus);
	if (!st && path)
		fprintf(stderr, "unecho: report written to %s\n", path);
	return rc;
}
