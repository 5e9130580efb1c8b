/* cmd_workbench.c - what the workbench commands (ach, assumptions, actor)
 * share: their options, export and import; and unecho workbench, the
 * whole workbench as one JSON object. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

int wb_show_row(void *ctx, const char *json, size_t len)
{
	const struct wb_show *show = ctx;
	if (show->mode == OUT_JSON) {
		fwrite(json, 1, len, stdout);
		putchar('\n');
		return ferror(stdout) != 0;
	}
	json_t *item = json_loadb(json, len, 0, NULL);
	if (item)
		show->print(item);
	json_decref(item);
	return 0;
}

const struct wb_sub *wb_dispatch(const char *cmd, const struct wb_sub *subs,
                                 size_t nsubs, const char *usage, int argc,
                                 char **argv, struct wb_opts *o, int *rc)
{
	int words = argc > 1 && argv[1][0] != '-';
	const char *a = words ? argv[1] : "list";
	const struct wb_sub *sub = NULL;
	int two_words = 0;      /* a names subcommands of two words */
	for (size_t i = 0; i < nsubs && !sub; i++) {
		if (strcmp(subs[i].a, a) != 0)
			continue;
		if (!subs[i].b) {
			sub = &subs[i];
			continue;
		}
		two_words = 1;
		if (argc > 2 && strcmp(subs[i].b, argv[2]) == 0) {
			sub = &subs[i];
			words = 2;
		}
	}
	*rc = EXIT_USAGE;
	if (!sub) {
		if (two_words)
			cli_error("%s %s: needs add, edit or remove", cmd, a);
		else
			cli_error("%s: unknown subcommand '%s'", cmd, a);
		fputs(usage, stderr);
		return NULL;
	}
	static char name[64];
	snprintf(name, sizeof name, "%s %s%s%s", cmd, sub->a,
	         sub->b ? " " : "", sub->b ? sub->b : "");
	argc -= words;
	argv += words;
	argv[0] = name;
	if ((*rc = wb_parse(argc, argv, sub->allowed, o)))
		return NULL;
	if (o->help) {
		fputs(usage, stdout);
		return NULL;       /* *rc is EXIT_OK */
	}
	if (o->nargs < sub->min || o->nargs > sub->max) {
		cli_error("usage: unecho %s %s", name, sub->args);
		*rc = EXIT_USAGE;
		return NULL;
	}
	return sub;
}

int wb_parse(int argc, char **argv, const char *allowed, struct wb_opts *o)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"csv", no_argument, NULL, 'c'},
		{"question", required_argument, NULL, 'q'},
		{"weights", required_argument, NULL, 'W'},
		{"name", required_argument, NULL, 'n'},
		{"text", required_argument, NULL, 't'},
		{"label", required_argument, NULL, 'l'},
		{"claim", required_argument, NULL, 'C'},
		{"claim-text", required_argument, NULL, 'T'},
		{"origin", required_argument, NULL, 'O'},
		{"credibility", required_argument, NULL, 'g'},
		{"relevance", required_argument, NULL, 'r'},
		{"description", required_argument, NULL, 'd'},
		{"analyst", required_argument, NULL, 'a'},
		{"weight", required_argument, NULL, 'w'},
		{"analyst-weight", required_argument, NULL, 'A'},
		{"output", required_argument, NULL, 'o'},
		{"matrix", required_argument, NULL, 'm'},
		{"evidence", required_argument, NULL, 'e'},
		{"note", required_argument, NULL, 'N'},
		{"replace", no_argument, NULL, 'R'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof *o);
	int c, idx;
	char *end;
	optind = 1;
	opterr = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, &idx)) != -1) {
		if (c == '?')
			return EXIT_USAGE;
		const char *name = c == 'o' ? "output" : c == 'h' ? "help" : NULL;
		for (int i = 0; !name && opts[i].name; i++)
			if (opts[i].val == c)
				name = opts[i].name;
		char mark[40];
		snprintf(mark, sizeof mark, " %s ", name ? name : "?");
		if (c != 'h' && !strstr(allowed, mark)) {
			cli_error("%s: --%s does not apply here", argv[0], name);
			return EXIT_USAGE;
		}
		switch (c) {
		case 'j': o->mode = OUT_JSON; break;
		case 'c': o->mode = OUT_CSV; break;
		case 'q': o->question = optarg; break;
		case 'W': o->weights = optarg; break;
		case 'n': o->name = optarg; break;
		case 't': o->text = optarg; break;
		case 'l': o->label = optarg; break;
		case 'C':
			o->claim = strtoll(optarg, &end, 10);
			if (*end || o->claim < 1) {
				cli_error("--claim needs a claim id, not '%s'", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'T': o->claim_text = optarg; break;
		case 'O': o->origin = optarg; break;
		case 'g': o->credibility = optarg; break;
		case 'r': o->relevance = optarg; break;
		case 'd': o->description = optarg; break;
		case 'a': o->analyst = optarg; break;
		case 'w':
		case 'A': {
			double v = 0;
			int clear = c == 'A' && *optarg == '\0';
			if (!clear) {
				v = strtod(optarg, &end);
				if (*end || end == optarg || !isfinite(v) || v < 0) {
					cli_error("--%s needs a number of 0 or more, not '%s'",
					          c == 'w' ? "weight" : "analyst-weight",
					          optarg);
					return EXIT_USAGE;
				}
			}
			if (c == 'w') {
				o->weight = v;
				o->has_weight = 1;
			} else {
				o->analyst_weight = clear ? NAN : v;
				o->has_analyst_weight = 1;
			}
			break;
		}
		case 'o': o->output = optarg; break;
		case 'm': o->matrix = optarg; break;
		case 'e': o->evidence = optarg; break;
		case 'N': o->note = optarg; break;
		case 'R': o->replace = 1; break;
		case 'h': o->help = 1; break;
		default: return EXIT_USAGE;
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	return 0;
}

ue_wb_fields wb_fields(const struct wb_opts *o)
{
	ue_wb_fields f = {
		.label = o->label, .text = o->text, .claim = o->claim,
		.claim_text = o->claim_text, .origin = o->origin,
		.credibility = o->credibility, .relevance = o->relevance,
		.weight = o->weight, .analyst_weight = o->analyst_weight,
		.has_weight = o->has_weight,
		.has_analyst_weight = o->has_analyst_weight,
	};
	return f;
}

int wb_fail(ue_corpus *c, ue_status st)
{
	const char *msg = ue_errmsg(c);
	cli_error("%s", msg && *msg ? msg : ue_strerror(st));
	switch (st) {
	case UE_EINVAL:
	case UE_EFORMAT:
	case UE_EIO:
	case UE_ENOTFOUND:
	case UE_EEXIST:
	case UE_ELIMIT:
		return EXIT_USAGE;
	default:
		return EXIT_FAILURE_DB;
	}
}

static int write_file(void *ctx, const char *data, size_t len)
{
	return fwrite(data, 1, len, ctx) != len;
}

int wb_export(unsigned sections, const struct wb_opts *o, const char *name)
{
	FILE *f = o->output ? fopen(o->output, "wb") : stdout;
	if (!f) {
		cli_error("%s: %s", o->output, strerror(errno));
		return EXIT_USAGE;
	}
	ue_corpus *c = cli_open();
	int rc = EXIT_FAILURE_DB;
	if (c) {
		ue_status st = ue_workbench_export(c, sections, name, write_file, f);
		rc = st ? wb_fail(c, st) : EXIT_OK;
		ue_corpus_free(c);
	}
	if (o->output && fclose(f) && rc == EXIT_OK) {
		cli_error("%s: %s", o->output, strerror(errno));
		rc = EXIT_FAILURE_DB;
	}
	return rc;
}

int wb_import(unsigned sections, const struct wb_opts *o)
{
	if (o->nargs != 1) {
		cli_error("import needs one FILE");
		return EXIT_USAGE;
	}
	ue_corpus *c = cli_open();
	if (!c)
		return EXIT_FAILURE_DB;
	size_t n[3];
	ue_status st = ue_workbench_import(c, o->args[0], sections, o->replace,
	                                   n);
	int rc = st ? wb_fail(c, st) : EXIT_OK;
	if (!st)
		printf("imported %zu ACH matri%s, %zu assumption%s, %zu actor "
		       "model%s\n", n[0], n[0] == 1 ? "x" : "ces", n[1],
		       n[1] == 1 ? "" : "s", n[2], n[2] == 1 ? "" : "s");
	ue_corpus_free(c);
	return rc;
}

static int print_line(void *ctx, const char *json, size_t len)
{
	(void)ctx;
	fwrite(json, 1, len, stdout);
	putchar('\n');
	return ferror(stdout) != 0;
}

int cmd_workbench(int argc, char **argv)
{
	struct wb_opts o;
	const char *sub = argc > 1 && argv[1][0] != '-' ? argv[1] : NULL;
	if (sub) {
		argc--;
		argv++;
		argv[0] = "workbench";
	}
	int rc = wb_parse(argc, argv, " json output replace ", &o);
	if (rc)
		return rc;
	if (o.help || (sub && strcmp(sub, "export") && strcmp(sub, "import"))) {
		if (!o.help)
			cli_error("workbench: unknown argument '%s'", sub);
		printf("usage: unecho workbench [--json]\n"
		       "       unecho workbench export [-o FILE]\n"
		       "       unecho workbench import [--replace] FILE\n");
		return o.help ? EXIT_OK : EXIT_USAGE;
	}
	if (sub && strcmp(sub, "export") == 0) {
		if (o.nargs) {
			cli_error("workbench export: unexpected argument '%s'",
			          o.args[0]);
			return EXIT_USAGE;
		}
		return wb_export(UE_WB_ALL, &o, NULL);
	}
	if (sub)
		return wb_import(UE_WB_ALL, &o);
	if (o.nargs) {
		cli_error("workbench: unexpected argument '%s'", o.args[0]);
		return EXIT_USAGE;
	}
	ue_corpus *c = cli_open();
	if (!c)
		return EXIT_FAILURE_DB;
	ue_status st = ue_workbench(c, print_line, NULL);
	rc = st ? wb_fail(c, st) : EXIT_OK;
	ue_corpus_free(c);
	return rc;
}
