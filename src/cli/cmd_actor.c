/* cmd_actor.c - unecho actor: actor models (red-hat analysis, SPEC 5):
 * options ranked by the actor's own weights beside an analyst's, the
 * mirror-image gap, and the smallest weight changes that flip the
 * actor's choice. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
	"usage: unecho actor [list] [--json|--csv]\n"
	"       unecho actor new NAME [--description TEXT] [--analyst WHO]\n"
	"       unecho actor edit ACTOR [--name NAME] [--description TEXT] "
	"[--analyst WHO]\n"
	"       unecho actor delete ACTOR\n"
	"       unecho actor show ACTOR [--json]\n"
	"       unecho actor option add ACTOR LABEL [--text TEXT]\n"
	"       unecho actor option edit ACTOR LABEL [--label NEW] "
	"[--text TEXT]\n"
	"       unecho actor option remove ACTOR LABEL\n"
	"       unecho actor criterion add ACTOR LABEL --weight W "
	"[--analyst-weight W] [--text TEXT]\n"
	"       unecho actor criterion edit ACTOR LABEL [--weight W] "
	"[--analyst-weight W] [--label NEW] [--text TEXT]\n"
	"       unecho actor criterion remove ACTOR LABEL\n"
	"       unecho actor score ACTOR OPTION CRITERION=SCORE...\n"
	"       unecho actor export [ACTOR] [-o FILE]\n"
	"       unecho actor import [--replace] FILE\n";

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static void print_ranking(const char *title, json_t *r)
{
	size_t i;
	json_t *x;
	printf("%s\n", title);
	json_array_foreach(r, i, x)
		printf("  %lld. %-24s %.3f\n", (long long)json_integer_value(
		       json_object_get(x, "rank")), str(x, "option"),
		       json_number_value(json_object_get(x, "utility")));
}

static void print_actor(json_t *a)
{
	printf("actor model %lld: %s\n", (long long)json_integer_value(
	       json_object_get(a, "id")), str(a, "name"));
	if (*str(a, "description"))
		printf("%s\n", str(a, "description"));
	if (*str(a, "problem"))
		printf("problem: %s\n", str(a, "problem"));
	json_t *cri = json_object_get(a, "criteria");
	json_t *w = json_object_get(a, "weights");
	json_t *v = json_object_get(a, "analyst_weights");
	size_t i;
	json_t *x;
	printf("\n%-28s %8s %8s\n", "CRITERION", "ACTOR", v ? "ANALYST" : "");
	json_array_foreach(cri, i, x) {
		const char *l = str(x, "label");
		printf("%-28s %8.3f", l, json_number_value(json_object_get(w, l)));
		if (v)
			printf(" %8.3f", json_number_value(json_object_get(v, l)));
		putchar('\n');
	}
	putchar('\n');
	print_ranking("ranking by the actor's weights:",
	              json_object_get(a, "ranking"));
	if (json_object_get(a, "analyst_ranking")) {
		char title[200];
		snprintf(title, sizeof title, "ranking by the %s's weights:",
		         *str(a, "analyst") ? str(a, "analyst") : "analyst");
		print_ranking(title, json_object_get(a, "analyst_ranking"));
		json_t *g = json_object_get(a, "gap");
		printf("mirror-image gap: %s; %lld pair%s of options ranked the "
		       "other way\n",
		       json_is_true(json_object_get(g, "top_differs")) ?
		       "the top options differ" : "the same top option",
		       (long long)json_integer_value(json_object_get(g,
		               "discordant_pairs")),
		       json_integer_value(json_object_get(g, "discordant_pairs"))
		       == 1 ? "" : "s");
	}
	json_t *f = json_object_get(a, "flip");
	if (!f)
		return;
	printf("\nwhat flips the actor's choice of %s:\n", str(f, "top"));
	json_array_foreach(json_object_get(f, "one_weight"), i, x)
		printf("  %-24s alone: weight %.3f %s %.3f (share %.3f): %s "
		       "draws level\n", str(x, "criterion"),
		       json_number_value(json_object_get(x, "weight")),
		       json_number_value(json_object_get(x, "delta")) < 0 ?
		       "down to" : "up to",
		       json_number_value(json_object_get(x, "new_weight")),
		       json_number_value(json_object_get(x, "share")),
		       str(x, "becomes"));
	json_t *vec = json_object_get(f, "vector");
	if (json_is_object(vec))
		printf("  whole vector (L1): move %.3f of the weight: %s draws "
		       "level\n", json_number_value(json_object_get(vec, "shift")),
		       str(vec, "becomes"));
	else
		printf("  no change of weights flips it\n");
}

static ue_status score(ue_corpus *c, const struct wb_opts *o)
{
	ue_status st = UE_OK;
	for (int i = 2; i < o->nargs && !st; i++) {
		char *arg = o->args[i], *eq = strchr(arg, '='), *end;
		double v = eq ? strtod(eq + 1, &end) : 0;
		if (!eq || *end || end == eq + 1 || !isfinite(v)) {
			cli_error("actor score: '%s' is not CRITERION=NUMBER", arg);
			return UE_EINVAL;
		}
		*eq = '\0';
		st = ue_actor_score(c, o->args[0], o->args[1], arg, v);
		*eq = '=';
	}
	return st;
}

enum what { LIST, NEW, EDIT, DELETE, SHOW, O_ADD, O_EDIT, O_REMOVE, C_ADD,
            C_EDIT, C_REMOVE, SCORE, EXPORT, IMPORT };

static const struct wb_sub subs[] = {
	{"list", NULL, LIST, " json csv ", 0, 0, ""},
	{"new", NULL, NEW, " description analyst ", 1, 1, "NAME"},
	{"edit", NULL, EDIT, " name description analyst ", 1, 1, "ACTOR"},
	{"delete", NULL, DELETE, "", 1, 1, "ACTOR"},
	{"show", NULL, SHOW, " json ", 1, 1, "ACTOR"},
	{"option", "add", O_ADD, " text ", 2, 2, "ACTOR LABEL"},
	{"option", "edit", O_EDIT, " label text ", 2, 2, "ACTOR LABEL"},
	{"option", "remove", O_REMOVE, "", 2, 2, "ACTOR LABEL"},
	{"criterion", "add", C_ADD, " text weight analyst-weight ", 2, 2,
	 "ACTOR LABEL --weight W"},
	{"criterion", "edit", C_EDIT, " label text weight analyst-weight ", 2,
	 2, "ACTOR LABEL"},
	{"criterion", "remove", C_REMOVE, "", 2, 2, "ACTOR LABEL"},
	{"score", NULL, SCORE, "", 3, 1000, "ACTOR OPTION CRITERION=SCORE..."},
	{"export", NULL, EXPORT, " output ", 0, 1, "[ACTOR]"},
	{"import", NULL, IMPORT, " replace ", 1, 1, "FILE"},
};

int cmd_actor(int argc, char **argv)
{
	struct wb_opts o;
	int rc;
	const struct wb_sub *sub = wb_dispatch("actor", subs,
	                                       sizeof subs / sizeof *subs,
	                                       usage_text, argc, argv, &o, &rc);
	if (!sub)
		return rc;
	if (sub->what == C_ADD && !o.has_weight) {
		cli_error("actor criterion add: needs --weight W (the actor's)");
		return EXIT_USAGE;
	}
	if (sub->what == EXPORT)
		return wb_export(UE_WB_ACTORS, &o, o.nargs ? o.args[0] : NULL);
	if (sub->what == IMPORT)
		return wb_import(UE_WB_ACTORS, &o);
	ue_corpus *c = cli_open();
	if (!c)
		return EXIT_FAILURE_DB;
	ue_wb_fields f = wb_fields(&o);
	ue_status st = UE_OK;
	struct out *out;
	static const struct out_column cols[] = {
		{"id", "ID", 0}, {"name", "NAME", 30}, {"options", "OPTIONS", 0},
		{"criteria", "CRITERIA", 0}, {"top", "ACTOR'S TOP", 24},
		{"analyst_top", "ANALYST'S TOP", 24},
	};
	if (sub->what == O_ADD || sub->what == C_ADD)
		f.label = o.args[1];
	switch (sub->what) {
	case LIST:
		out = out_new(o.mode, cols, 6);
		st = ue_actor_list(c, out_row, out);
		out_finish(out);
		break;
	case NEW:
		st = ue_actor_new(c, o.args[0], o.description, o.analyst);
		break;
	case EDIT:
		st = ue_actor_edit(c, o.args[0], o.name, o.description, o.analyst);
		break;
	case DELETE:
		st = ue_actor_delete(c, o.args[0]);
		break;
	case SHOW:
		st = ue_actor_show(c, o.args[0], wb_show_row,
		                   &(struct wb_show){o.mode, print_actor});
		break;
	case O_ADD:
		st = ue_actor_option_add(c, o.args[0], &f);
		break;
	case O_EDIT:
		st = ue_actor_option_edit(c, o.args[0], o.args[1], &f);
		break;
	case O_REMOVE:
		st = ue_actor_option_remove(c, o.args[0], o.args[1]);
		break;
	case C_ADD:
		st = ue_actor_criterion_add(c, o.args[0], &f);
		break;
	case C_EDIT:
		st = ue_actor_criterion_edit(c, o.args[0], o.args[1], &f);
		break;
	case C_REMOVE:
		st = ue_actor_criterion_remove(c, o.args[0], o.args[1]);
		break;
	case SCORE:
		st = score(c, &o);
		break;
	default:
		break;
	}
	if (st == UE_EINVAL && !*ue_errmsg(c))
		rc = EXIT_USAGE;
	else
		rc = st ? wb_fail(c, st) : EXIT_OK;
	ue_corpus_free(c);
	return rc;
}
