/* cmd_ingest.c - unecho ingest: read documents into the database. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define SHOW_REJECTS 10

struct ingest_ui {
	struct progress *bar;
	uint64_t rejects;
	int quiet;
};

static void on_progress(void *ctx, uint64_t done, uint64_t total,
                        uint64_t records)
{
	struct ingest_ui *ui = ctx;
	progress_update(ui->bar, done, total, records);
}

static void on_reject(void *ctx, const char *file, uint64_t line,
                      const char *reason)
{
	struct ingest_ui *ui = ctx;
	if (ui->rejects++ >= SHOW_REJECTS || ui->quiet)
		return;
	if (ui->bar)
		fputs("\r\033[K", stderr);   /* the bar redraws below */
	if (line)
		fprintf(stderr, "unecho: %s:%llu: %s\n", file,
		        (unsigned long long)line, reason);
	else
		fprintf(stderr, "unecho: %s: %s\n", file, reason);
}

/* Parses a size such as 10M, 512k or 1G. */
static int parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s)
		return -1;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if ((*end == 'b' || *end == 'B') && end[1] == '\0')
		end++;
	if (*end || v == 0)
		return -1;
	*out = v;
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: unecho ingest [OPTIONS] PATH...\n\n"
	"Reads documents from files, folders (recursively) or '-' (stdin):\n"
	"JSON Lines, CSV/TSV, text/Markdown, HTML, RSS/Atom, WARC, also inside\n"
	".gz .zst .xz .bz2 .tar .zip.\n\n"
	"  --format FMT          force a format: jsonl csv tsv text markdown html rss warc\n"
	"  --map FIELD=COL,...   read FIELD from input column/key COL\n"
	"  --max-doc-size SIZE   largest document text (default 10M)\n"
	"  --max-line SIZE       longest input line or record (default 64M)\n"
	"  --max-decompressed SIZE  most bytes out of one file (default 16G)\n"
	"  --max-ratio N         most decompressed bytes per compressed byte (default 1000)\n"
	"  --json                print the summary as JSON\n"
	"  -q, --quiet           print no rejection messages\n");
}

static void summary_text(const ue_ingest_summary *s, uint64_t shown)
{
	printf("files       %llu\n", (unsigned long long)s->files);
	if (s->files_failed)
		printf("unreadable  %llu\n", (unsigned long long)s->files_failed);
	printf("records     %llu\n", (unsigned long long)s->records);
	printf("added       %llu\n", (unsigned long long)s->added);
	printf("duplicates  %llu\n", (unsigned long long)s->duplicates);
	printf("rejected    %llu\n", (unsigned long long)s->rejected);
	printf("text        %.1f MB\n", s->bytes_text / 1e6);
	if (s->rejected > shown && shown)
		printf("(the first %llu rejections were shown; all are in the "
		       "ingest_rejections table)\n", (unsigned long long)shown);
}

int cmd_ingest(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"map", required_argument, NULL, 'm'},
		{"max-doc-size", required_argument, NULL, 'D'},
		{"max-line", required_argument, NULL, 'L'},
		{"max-decompressed", required_argument, NULL, 'Z'},
		{"max-ratio", required_argument, NULL, 'R'},
		{"json", no_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	ue_ingest_options o = {0};
	struct ingest_ui ui = {0};
	int json = 0, c;
	uint64_t v;
	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'f': o.format = optarg; break;
		case 'm': o.map = optarg; break;
		case 'j': json = 1; break;
		case 'q': ui.quiet = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		case 'D': case 'L': case 'Z': case 'R':
			if (parse_size(optarg, &v)) {
				cli_error("bad size '%s' (examples: 10M, 512k, 1G)",
				          optarg);
				return EXIT_USAGE;
			}
			if (c == 'D') o.max_doc_bytes = (size_t)v;
			if (c == 'L') o.max_line_bytes = (size_t)v;
			if (c == 'Z') o.max_decompressed = v;
			if (c == 'R') o.max_ratio = (unsigned)v;
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind == argc) {
		cli_error("ingest needs at least one PATH (a file, a folder or -)");
		usage(stderr);
		return EXIT_USAGE;
	}
	ue_corpus *corpus = cli_open();
	if (!corpus)
		return EXIT_FAILURE_DB;
	ui.bar = progress_new("ingest");
	o.on_progress = on_progress;
	o.on_reject = on_reject;
	o.ctx = &ui;
	ue_ingest_summary s;
	ue_status st = ue_ingest(corpus, (const char *const *)argv + optind,
	                         (size_t)(argc - optind), &o, &s);
	progress_done(ui.bar);
	if (st) {
		int rc = cli_fail(corpus, st, "ingest");
		ue_corpus_free(corpus);
		return rc;
	}
	ue_corpus_free(corpus);
	if (json)
		printf("{\"files\":%llu,\"files_failed\":%llu,\"records\":%llu,"
		       "\"added\":%llu,\"duplicates\":%llu,\"rejected\":%llu,"
		       "\"bytes\":%llu}\n",
		       (unsigned long long)s.files,
		       (unsigned long long)s.files_failed,
		       (unsigned long long)s.records,
		       (unsigned long long)s.added,
		       (unsigned long long)s.duplicates,
		       (unsigned long long)s.rejected,
		       (unsigned long long)s.bytes_text);
	else
		summary_text(&s, ui.quiet ? 0 : SHOW_REJECTS);
	if (s.files == 0) {
		cli_error("no files to read in the given paths");
		return EXIT_USAGE;
	}
	if (s.records == 0 && s.files_failed)
		return EXIT_USAGE;    /* nothing could be read */
	return s.rejected ? EXIT_REJECTED : EXIT_OK;
}
