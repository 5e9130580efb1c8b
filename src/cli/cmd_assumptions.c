/* cmd_assumptions.c - unecho assumptions: the Key Assumptions Check
 * (SPEC 5): assumptions with the claims and evidence that support them,
 * flagged when nothing supports them or all support rests on one origin
 * or one bloc. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
	"usage: unecho assumptions [list] [--json|--csv]\n"
	"       unecho assumptions add TEXT [--label L]\n"
	"       unecho assumptions edit LABEL [--text TEXT] [--label NEW]\n"
	"       unecho assumptions remove LABEL\n"
	"       unecho assumptions show LABEL [--json]\n"
	"       unecho assumptions support LABEL (--claim ID | --claim-text TEXT"
	" |\n"
	"                --matrix MATRIX --evidence LABEL) [--note TEXT]\n"
	"       unecho assumptions unsupport LABEL N\n"
	"       unecho assumptions export [-o FILE]\n"
	"       unecho assumptions import [--replace] FILE\n";

static const struct out_column columns[] = {
	{"label", "LABEL", 0},
	{"flags", "FLAGS", 24},
	{"reports", "REPORTS", 0},
	{"origins", "ORIGINS", 40},
	{"blocs", "BLOCS", 30},
	{"text", "ASSUMPTION", 50},
};

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static void print_assumption(json_t *a)
{
	char *flags = json_dumps(json_object_get(a, "flags"), JSON_COMPACT);
	char *blocs = json_dumps(json_object_get(a, "blocs"), JSON_COMPACT);
	printf("%s: %s\nflags: %s\nblocs: %s\nsupport:\n", str(a, "label"),
	       str(a, "text"), flags ? flags : "", blocs ? blocs : "");
	free(flags);
	free(blocs);
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(a, "support"), i, x) {
		char what[256];
		if (json_object_get(x, "matrix"))
			snprintf(what, sizeof what, "evidence %s of '%s'%s",
			         str(x, "evidence"), str(x, "matrix"),
			         json_is_true(json_object_get(x, "missing")) ?
			         " (missing)" : "");
		else
			snprintf(what, sizeof what, "claim %lld (%zu reports)",
			         (long long)json_integer_value(json_object_get(x,
			                 "claim")),
			         json_array_size(json_object_get(x, "reports")));
		char *o = json_dumps(json_object_get(x, "origins"), JSON_COMPACT);
		printf("  %zu. %s; origins %s%s%s\n", i + 1, what, o ? o : "[]",
		       *str(x, "note") ? "; " : "", str(x, "note"));
		free(o);
	}
	if (!json_array_size(json_object_get(a, "support")))
		printf("  (none)\n");
}

enum what { LIST, ADD, EDIT, REMOVE, SHOW, SUPPORT, UNSUPPORT, EXPORT,
            IMPORT };

static const struct wb_sub subs[] = {
	{"list", NULL, LIST, " json csv ", 0, 0, ""},
	{"add", NULL, ADD, " label ", 1, 1, "TEXT"},
	{"edit", NULL, EDIT, " label text ", 1, 1, "LABEL"},
	{"remove", NULL, REMOVE, "", 1, 1, "LABEL"},
	{"show", NULL, SHOW, " json ", 1, 1, "LABEL"},
	{"support", NULL, SUPPORT, " claim claim-text matrix evidence note ",
	 1, 1, "LABEL (--claim ID | --claim-text TEXT | --matrix M --evidence E)"},
	{"unsupport", NULL, UNSUPPORT, "", 2, 2, "LABEL N"},
	{"export", NULL, EXPORT, " output ", 0, 0, ""},
	{"import", NULL, IMPORT, " replace ", 1, 1, "FILE"},
};

int cmd_assumptions(int argc, char **argv)
{
	struct wb_opts o;
	int rc;
	const struct wb_sub *sub = wb_dispatch("assumptions", subs,
	                                       sizeof subs / sizeof *subs,
	                                       usage_text, argc, argv, &o, &rc);
	if (!sub)
		return rc;
	if (sub->what == EXPORT)
		return wb_export(UE_WB_ASSUMPTIONS, &o, NULL);
	if (sub->what == IMPORT)
		return wb_import(UE_WB_ASSUMPTIONS, &o);
	size_t n = 0;
	if (sub->what == SUPPORT &&
	    (!!o.claim + !!o.claim_text + !!(o.matrix || o.evidence) != 1 ||
	     (!o.matrix != !o.evidence))) {
		cli_error("assumptions support: give --claim, --claim-text, or "
		          "--matrix with --evidence");
		return EXIT_USAGE;
	}
	if (sub->what == UNSUPPORT) {
		char *end;
		long v = strtol(o.args[1], &end, 10);
		if (*end || v < 1) {
			cli_error("assumptions unsupport: N is the support's number "
			          "(1, 2...), not '%s'", o.args[1]);
			return EXIT_USAGE;
		}
		n = (size_t)v;
	}
	ue_corpus *c = cli_open();
	if (!c)
		return EXIT_FAILURE_DB;
	ue_wb_fields f = wb_fields(&o);
	char label[80] = "";
	ue_status st = UE_OK;
	struct out *out;
	switch (sub->what) {
	case LIST:
		out = out_new(o.mode, columns, 6);
		st = ue_assumptions(c, NULL, out_row, out);
		out_finish(out);
		break;
	case ADD:
		f.text = o.args[0];
		st = ue_assumption_add(c, &f, label, sizeof label);
		break;
	case EDIT:
		st = ue_assumption_edit(c, o.args[0], &f);
		break;
	case REMOVE:
		st = ue_assumption_remove(c, o.args[0]);
		break;
	case SHOW:
		st = ue_assumptions(c, o.args[0], wb_show_row,
		                    &(struct wb_show){o.mode, print_assumption});
		break;
	case SUPPORT:
		f.text = o.note;
		st = ue_assumption_support(c, o.args[0], &f, o.matrix, o.evidence);
		break;
	case UNSUPPORT:
		st = ue_assumption_unsupport(c, o.args[0], n);
		break;
	default:
		break;
	}
	rc = st ? wb_fail(c, st) : EXIT_OK;
	if (!st && *label)
		printf("%s\n", label);
	ue_corpus_free(c);
	return rc;
}
