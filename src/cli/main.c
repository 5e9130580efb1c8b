/*
 * main.c - the unecho program: global options and subcommand dispatch.
 * Each subcommand lives in its own cmd_*.c file.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *cli_db_path = "unecho.db";

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"ingest", cmd_ingest, "read documents into the database"},
	{"analyze", cmd_analyze, "run the analysis stages that are out of date"},
	{"stats", cmd_stats, "corpus statistics"},
	{"docs", cmd_docs, "list documents"},
	{"reuse", cmd_reuse, "list who copied whom, passage by passage"},
	{"attributions", cmd_attributions, "who is said to have said what"},
	{"stance", cmd_stance, "the stance of documents towards claims"},
	{"stories", cmd_stories, "list the stories"},
	{"claims", cmd_claims, "list the claims with their origins and echo"},
	{"coverage", cmd_coverage, "each story's coverage by bloc; blindspots"},
	{"dissent", cmd_dissent, "documents ranked by dissent from their story"},
	{"framing", cmd_framing, "the words most distinctive of each group"},
	{"report", cmd_report, "the echo report, as JSON or Markdown"},
	{"ach", cmd_ach, "analysis of competing hypotheses, evidence by origin"},
	{"assumptions", cmd_assumptions, "the key assumptions check"},
	{"actor", cmd_actor, "actor models: options by the actor's own values"},
	{"workbench", cmd_workbench, "the whole workbench; export and import"},
	{"outlets", cmd_outlets, "list outlets, or import them from a file"},
	{"origins", cmd_origins, "list known origins, or import them"},
	{"serve", cmd_serve, "the web application over the database"},
};

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("unecho: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

ue_corpus *cli_open(void)
{
	ue_corpus *c;
	char err[512];
	ue_status st = ue_corpus_open(cli_db_path, &c, err, sizeof err);
	if (st) {
		cli_error("%s", err[0] ? err : ue_strerror(st));
		return NULL;
	}
	return c;
}

int cli_fail(ue_corpus *c, ue_status st, const char *what)
{
	const char *msg = ue_errmsg(c);
	cli_error("%s: %s", what, msg && *msg ? msg : ue_strerror(st));
	switch (st) {
	case UE_EINVAL:
	case UE_EFORMAT:
	case UE_EIO:
	case UE_ENOTFOUND:
	case UE_EEXIST:
		return EXIT_USAGE;
	default:
		return EXIT_FAILURE_DB;
	}
}

static void usage(FILE *f)
{
	fprintf(f, "usage: unecho [--db PATH] COMMAND [OPTIONS] [ARGS]\n\n"
	        "Count origins, not articles.\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nglobal options:\n"
	        "  --db PATH    the database (default $UNECHO_DB, else ./unecho.db)\n"
	        "  --help       this help; 'unecho COMMAND --help' for a command\n"
	        "  --version    the version\n\n"
	        "See unecho(1) for everything.\n");
}

int main(int argc, char **argv)
{
	const char *env = getenv("UNECHO_DB");
	if (env && *env)
		cli_db_path = env;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 == argc) {
				cli_error("--db needs a PATH");
				return EXIT_USAGE;
			}
			cli_db_path = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			cli_db_path = argv[i] + 5;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--version")) {
			printf("unecho %s (schema %d)\n", UE_VERSION,
			       ue_schema_version());
			return EXIT_OK;
		} else {
			cli_error("unknown option '%s'", argv[i]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i == argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
		if (strcmp(argv[i], commands[k].name) == 0) {
			/* getopt names the program in its messages */
			argv[i] = "unecho";
			return commands[k].run(argc - i, argv + i);
		}
	cli_error("'%s' is not a command; see 'unecho --help'", argv[i]);
	return EXIT_USAGE;
}
