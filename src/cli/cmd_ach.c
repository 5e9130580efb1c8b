/* cmd_ach.c - unecho ach: Analysis of Competing Hypotheses, with evidence
 * collapsed by origin (SPEC 5). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
	"usage: unecho ach [list] [--json|--csv]\n"
	"       unecho ach new NAME [--question TEXT] [--weights SPEC]\n"
	"       unecho ach edit MATRIX [--name NAME] [--question TEXT] "
	"[--weights SPEC]\n"
	"       unecho ach delete MATRIX\n"
	"       unecho ach show MATRIX [--json]\n"
	"       unecho ach hypothesis add MATRIX TEXT [--label L]\n"
	"       unecho ach hypothesis edit MATRIX LABEL [--text TEXT] "
	"[--label NEW]\n"
	"       unecho ach hypothesis remove MATRIX LABEL\n"
	"       unecho ach evidence add MATRIX [TEXT] [--claim ID | "
	"--claim-text TEXT]\n"
	"                [--origin ORIGIN] [--credibility A-F] "
	"[--relevance low|medium|high] [--label L]\n"
	"       unecho ach evidence edit MATRIX LABEL [--text TEXT] "
	"[the options of add]\n"
	"       unecho ach evidence remove MATRIX LABEL\n"
	"       unecho ach rate MATRIX EVIDENCE HYPOTHESIS=RATING...\n"
	"       unecho ach export [MATRIX] [-o FILE]\n"
	"       unecho ach import [--replace] FILE\n"
	"RATING is CC, C, N, I, II or NA (empty clears it; HYPOTHESIS * rates "
	"every one);\n"
	"SPEC sets weights: low=0.5,medium=1,high=2,A=1,...,F=0.5\n";

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

/* Prints rows (an array of objects) as a table with these columns. */
static void table(json_t *rows, const struct out_column *cols, int n)
{
	struct out *o = out_new(OUT_TABLE, cols, n);
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		char *s = json_dumps(r, JSON_COMPACT);
		if (s)
			out_row(o, s, strlen(s));
		free(s);
	}
	out_finish(o);
}

static char *fmt(double x)
{
	char *s = malloc(32);
	if (s)
		snprintf(s, 32, "%.3f", x);
	return s;
}

static void set_num(json_t *o, const char *k, json_t *v)
{
	char *s = fmt(json_number_value(v));
	json_object_set_new(o, k, json_string(s ? s : ""));
	free(s);
}

/* The matrix as tables, for reading. */
static void print_matrix(json_t *m)
{
	printf("ACH matrix %lld: %s\n", (long long)json_integer_value(
	        json_object_get(m, "id")), str(m, "name"));
	if (*str(m, "question"))
		printf("question: %s\n", str(m, "question"));
	json_t *hyp = json_object_get(m, "hypotheses");
	json_t *ev = json_object_get(m, "evidence");
	size_t nh = json_array_size(hyp), i, k;
	json_t *x, *y;

	printf("\nHypotheses, least inconsistent first (score: evidence "
	       "collapsed by origin;\ninflated: as if every report counted)\n");
	json_t *rows = json_array();
	for (size_t rank = 1; rank <= nh; rank++)
		json_array_foreach(hyp, i, x) {
			if (json_integer_value(json_object_get(x, "rank")) !=
			    (json_int_t)rank)
				continue;
			json_t *r = json_pack("{s:I,s:O}", "rank", (json_int_t)rank,
			                      "label", json_object_get(x, "label"));
			set_num(r, "score", json_object_get(x, "score"));
			set_num(r, "inflated", json_object_get(x, "inflated_score"));
			json_object_set(r, "inflated_rank",
			                json_object_get(x, "inflated_rank"));
			json_object_set(r, "text", json_object_get(x, "text"));
			json_array_append_new(rows, r);
		}
	static const struct out_column hcols[] = {
		{"rank", "RANK", 0}, {"label", "HYP", 0}, {"score", "SCORE", 0},
		{"inflated", "INFLATED", 0}, {"inflated_rank", "INF.RANK", 0},
		{"text", "TEXT", 60},
	};
	table(rows, hcols, 6);
	json_decref(rows);

	printf("\nEvidence (DIAG: diagnosticity, 0 to 4)\n");
	struct out_column *cols = calloc(nh + 6, sizeof *cols);
	int nc = 0;
	cols[nc++] = (struct out_column){"label", "EV", 0};
	json_array_foreach(hyp, i, x) {
		const char *l = str(x, "label");
		cols[nc++] = (struct out_column){l, l, 0};
	}
	cols[nc++] = (struct out_column){"rel", "REL", 0};
	cols[nc++] = (struct out_column){"diag", "DIAG", 0};
	cols[nc++] = (struct out_column){"origins", "ORIGINS (REPORTS, GRADE)", 40};
	cols[nc++] = (struct out_column){"text", "TEXT", 50};
	rows = json_array();
	json_array_foreach(ev, i, x) {
		json_t *r = json_pack("{s:O,s:O,s:O}", "label",
		        json_object_get(x, "label"), "rel",
		        json_object_get(x, "relevance"), "text",
		        json_object_get(x, "text"));
		json_array_foreach(hyp, k, y) {
			const char *l = str(y, "label");
			const char *v = str(json_object_get(x, "ratings"), l);
			json_object_set_new(r, l, json_string(*v ? v : "-"));
		}
		set_num(r, "diag", json_object_get(x, "diagnosticity"));
		json_t *ol = json_array();
		json_array_foreach(json_object_get(x, "units"), k, y) {
			char buf[300];
			snprintf(buf, sizeof buf, "%s %lld %s", str(y, "origin"),
			         (long long)json_integer_value(json_object_get(y,
			                 "reports")), str(y, "credibility"));
			json_array_append_new(ol, json_string(buf));
		}
		json_object_set_new(r, "origins", ol);
		json_array_append_new(rows, r);
	}
	table(rows, cols, nc);
	json_decref(rows);

	printf("\nRows collapsed by origin, each weighing as one (the "
	       "contribution of each to\neach hypothesis's score)\n");
	nc = 0;
	cols[nc++] = (struct out_column){"origin", "ORIGIN", 36};
	cols[nc++] = (struct out_column){"evidence", "EVIDENCE", 20};
	cols[nc++] = (struct out_column){"reports", "REPORTS", 0};
	json_array_foreach(hyp, i, x) {
		const char *l = str(x, "label");
		cols[nc++] = (struct out_column){l, l, 0};
	}
	rows = json_array();
	json_array_foreach(json_object_get(m, "rows"), i, x) {
		json_t *r = json_pack("{s:O,s:O,s:O}", "origin",
		        json_object_get(x, "origin"), "evidence",
		        json_object_get(x, "evidence"), "reports",
		        json_object_get(x, "reports"));
		json_array_foreach(hyp, k, y)
			set_num(r, str(y, "label"), json_object_get(
			        json_object_get(x, "contributions"), str(y, "label")));
		json_array_append_new(rows, r);
	}
	table(rows, cols, nc);
	json_decref(rows);
	free(cols);

	json_t *inf = json_object_get(m, "inflation");
	char *top = json_dumps(json_object_get(m, "top"), JSON_COMPACT);
	char *itop = json_dumps(json_object_get(inf, "top"), JSON_COMPACT);
	printf("\nEcho inflation: %lld reports rest on %lld origin rows (%.2f "
	       "per row); the top is %s\ncollapsed, %s if every report "
	       "counted%s.\n",
	       (long long)json_integer_value(json_object_get(inf, "reports")),
	       (long long)json_integer_value(json_object_get(inf, "rows")),
	       json_number_value(json_object_get(inf, "ratio")),
	       top ? top : "", itop ? itop : "",
	       json_is_true(json_object_get(inf, "top_changes")) ?
	       ": the echo changes the answer" : "");
	free(top);
	free(itop);

	json_t *sens = json_object_get(m, "sensitivity");
	printf("\nSensitivity: ");
	if (!json_array_size(sens))
		printf("no single removal or one-step rating change alters the "
		       "top.\n");
	else
		printf("changes that alter the top\n");
	json_array_foreach(sens, i, x) {
		char *t = json_dumps(json_object_get(x, "top"), JSON_COMPACT);
		if (strcmp(str(x, "change"), "removed") == 0)
			printf("  %s removed: top %s\n", str(x, "evidence"), t ? t : "");
		else
			printf("  %s on %s %s -> %s: top %s\n", str(x, "evidence"),
			       str(x, "hypothesis"), str(x, "from"), str(x, "to"),
			       t ? t : "");
		free(t);
	}
}

/* Rates with HYP=RATING operands. */
static ue_status rate(ue_corpus *c, const struct wb_opts *o)
{
	ue_status st = UE_OK;
	for (int i = 2; i < o->nargs && !st; i++) {
		char *arg = o->args[i], *eq = strchr(arg, '=');
		if (!eq) {
			cli_error("ach rate: '%s' is not HYPOTHESIS=RATING", arg);
			return UE_EINVAL;
		}
		*eq = '\0';
		st = ue_ach_rate(c, o->args[0], o->args[1],
		                 strcmp(arg, "*") ? arg : NULL, eq + 1);
		*eq = '=';
	}
	return st;
}

enum what { LIST, NEW, EDIT, DELETE, SHOW, H_ADD, H_EDIT, H_REMOVE, E_ADD,
            E_EDIT, E_REMOVE, RATE, EXPORT, IMPORT };

static const struct wb_sub subs[] = {
	{"list", NULL, LIST, " json csv ", 0, 0, ""},
	{"new", NULL, NEW, " question weights ", 1, 1, "NAME"},
	{"edit", NULL, EDIT, " name question weights ", 1, 1, "MATRIX"},
	{"delete", NULL, DELETE, "", 1, 1, "MATRIX"},
	{"show", NULL, SHOW, " json ", 1, 1, "MATRIX"},
	{"hypothesis", "add", H_ADD, " label ", 2, 2, "MATRIX TEXT"},
	{"hypothesis", "edit", H_EDIT, " label text ", 2, 2, "MATRIX LABEL"},
	{"hypothesis", "remove", H_REMOVE, "", 2, 2, "MATRIX LABEL"},
	{"evidence", "add", E_ADD, " label claim claim-text origin credibility "
	 "relevance ", 1, 2, "MATRIX [TEXT]"},
	{"evidence", "edit", E_EDIT, " label text claim claim-text origin "
	 "credibility relevance ", 2, 2, "MATRIX LABEL"},
	{"evidence", "remove", E_REMOVE, "", 2, 2, "MATRIX LABEL"},
	{"rate", NULL, RATE, "", 3, 1000, "MATRIX EVIDENCE HYP=RATING..."},
	{"export", NULL, EXPORT, " output ", 0, 1, "[MATRIX]"},
	{"import", NULL, IMPORT, " replace ", 1, 1, "FILE"},
};

int cmd_ach(int argc, char **argv)
{
	struct wb_opts o;
	int rc;
	const struct wb_sub *sub = wb_dispatch("ach", subs,
	                                       sizeof subs / sizeof *subs,
	                                       usage_text, argc, argv, &o, &rc);
	if (!sub)
		return rc;
	if (sub->what == EXPORT)
		return wb_export(UE_WB_ACH, &o, o.nargs ? o.args[0] : NULL);
	if (sub->what == IMPORT)
		return wb_import(UE_WB_ACH, &o);
	if (sub->what == E_ADD && o.nargs == 2)
		o.text = o.args[1];
	if (sub->what == E_ADD && !o.text && !o.claim && !o.claim_text) {
		cli_error("ach evidence add: give a TEXT, --claim or --claim-text");
		return EXIT_USAGE;
	}
	ue_corpus *c = cli_open();
	if (!c)
		return EXIT_FAILURE_DB;
	ue_wb_fields f = wb_fields(&o);
	char label[80] = "";
	ue_status st = UE_OK;
	struct out *out = NULL;
	static const struct out_column cols[] = {
		{"id", "ID", 0}, {"name", "NAME", 40}, {"hypotheses", "HYP", 0},
		{"evidence", "EVIDENCE", 0}, {"top", "TOP", 0},
		{"inflated_top", "TOP IF EVERY REPORT COUNTED", 0},
	};
	switch (sub->what) {
	case LIST:
		out = out_new(o.mode, cols, 6);
		st = ue_ach_list(c, out_row, out);
		out_finish(out);
		break;
	case NEW:
		st = ue_ach_new(c, o.args[0], o.question, o.weights);
		break;
	case EDIT:
		st = ue_ach_edit(c, o.args[0], o.name, o.question, o.weights);
		break;
	case DELETE:
		st = ue_ach_delete(c, o.args[0]);
		break;
	case SHOW:
		st = ue_ach_show(c, o.args[0], wb_show_row,
		                 &(struct wb_show){o.mode, print_matrix});
		break;
	case H_ADD:
		f.text = o.args[1];
		st = ue_ach_hypothesis_add(c, o.args[0], &f, label, sizeof label);
		break;
	case H_EDIT:
		st = ue_ach_hypothesis_edit(c, o.args[0], o.args[1], &f);
		break;
	case H_REMOVE:
		st = ue_ach_hypothesis_remove(c, o.args[0], o.args[1]);
		break;
	case E_ADD:
		st = ue_ach_evidence_add(c, o.args[0], &f, label, sizeof label);
		break;
	case E_EDIT:
		st = ue_ach_evidence_edit(c, o.args[0], o.args[1], &f);
		break;
	case E_REMOVE:
		st = ue_ach_evidence_remove(c, o.args[0], o.args[1]);
		break;
	case RATE:
		st = rate(c, &o);
		break;
	default:
		break;
	}
	if (st == UE_EINVAL && !*ue_errmsg(c))
		rc = EXIT_USAGE;
	else
		rc = st ? wb_fail(c, st) : EXIT_OK;
	if (!st && *label)
		printf("%s\n", label);
	ue_corpus_free(c);
	return rc;
}
