/* wbedit.c - the public functions of the workbench (unecho.h): each change
 * loads an item whole, edits it as JSON, checks it (wbfile.c), draws what
 * it needs from claims and origins, and stores it back, in one
 * transaction. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/json.h"
#include "corpus.h"
#include "workbench/ach.h"
#include "workbench/wbfile.h"
#include "workbench/workbench.h"

static const char *str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* ---- drawing on claims and origins ---- */

/* Copies the reports of the claim x names (claim or claim_text) into x,
 * unless it has them; with text, the claim's text becomes x's text when
 * it has none.  Messages start with where. */
static ue_status resolve_claim(struct ue_store *s, json_t *x, int text,
                               const char *where)
{
	const char *needle = str(x, "claim_text");
	int64_t claim = json_integer_value(json_object_get(x, "claim"));
	if (json_object_get(x, "reports") || (!claim && !needle))
		return UE_OK;
	ue_status err = claim ? UE_OK : ue_store_claim_by_text(s, needle, &claim);
	json_t *reports = NULL;
	char *ctext = NULL;
	if (!err)
		err = ue_store_claim_reports(s, claim, &reports, &ctext);
	if (err) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", ue_store_errmsg(s));
		ue_store_set_error(s, "%s: %s", where, msg);
		return err;
	}
	json_object_set_new(x, "claim", json_integer(claim));
	json_object_del(x, "claim_text");
	json_object_set_new(x, "reports", reports);
	if (text && !str(x, "text"))
		json_object_set_new(x, "text", json_string(ctext));
	free(ctext);
	return UE_OK;
}

static ue_status resolve(struct ue_store *s, json_t *item,
                         enum ue_wb_kind kind, const char *where)
{
	char w[600];
	size_t i;
	json_t *x;
	ue_status err = UE_OK;
	const char *list = kind == UE_WB_KIND_ACH ? "evidence" :
	                   kind == UE_WB_KIND_ASSUMPTION ? "support" : NULL;
	json_array_foreach(json_object_get(item, list), i, x) {
		snprintf(w, sizeof w, "%s.%s[%zu]", where, list, i);
		if ((err = resolve_claim(s, x, kind == UE_WB_KIND_ACH, w)))
			return err;
		const char *o = str(x, "origin");
		if (kind == UE_WB_KIND_ACH && o && !json_object_get(x, "reports")) {
			json_t *info = NULL;
			if ((err = ue_store_origin_info(s, o, &info)))
				return err;
			json_object_set(x, "origin", json_object_get(info, "origin"));
			json_decref(info);
		}
	}
	return UE_OK;
}

/* ---- one change, in one transaction ---- */

typedef ue_status (*change_fn)(struct ue_store *s, json_t *item, void *arg);

/* The name of an item, for messages. */
static const char *item_name(json_t *item, enum ue_wb_kind kind)
{
	const char *n = str(item, kind == UE_WB_KIND_ASSUMPTION ? "label" :
	                    "name");
	return n ? n : "?";
}

/*
 * Applies fn to the item ref names (a new empty item when ref is NULL),
 * then checks, resolves and stores it.
 */
static ue_status apply(ue_corpus *c, enum ue_wb_kind kind, const char *ref,
                       change_fn fn, void *arg)
{
	struct ue_store *s = ue_corpus_store(c);
	ue_status err = ue_store_begin(s);
	if (err)
		return err;
	int64_t id = 0;
	json_t *arr = NULL, *item = NULL;
	if (ref && !(err = ue_store_wb_find(s, kind, ref, &id)) &&
	    !(err = ue_store_wb_load(s, kind, id, &arr)))
		item = json_incref(json_array_get(arr, 0));
	else if (!ref)
		item = json_object();
	json_decref(arr);
	char *before = NULL;
	if (!err && item)
		before = strdup(item_name(item, kind));
	if (!err && !item)
		err = UE_ENOTFOUND;
	if (!err)
		err = fn(s, item, arg);
	if (!err) {
		char msg[768];
		char where[160];
		snprintf(where, sizeof where, "'%.100s'", item_name(item, kind));
		if ((err = ue_wb_check_item(item, kind, where, msg, sizeof msg)))
			ue_store_set_error(s, "%s", msg);
	}
	if (!err)
		err = resolve(s, item, kind, item_name(item, kind));
	if (!err)
		err = ue_store_wb_put(s, kind, item, &id);
	if (!err && kind == UE_WB_KIND_ACH && before &&
	    strcmp(before, item_name(item, kind)) != 0)
		err = ue_store_wb_rename_matrix(s, before, item_name(item, kind));
	free(before);
	json_decref(item);
	if (err) {
		ue_store_rollback(s);
		return err;
	}
	return ue_store_commit(s);
}

/* ---- helpers for changes ---- */

static void set_text(json_t *o, const char *key, const char *v)
{
	if (!v)
		return;
	if (*v)
		json_object_set_new(o, key, json_string(v));
	else
		json_object_del(o, key);
}

/* The element of item's list with that label; UE_ENOTFOUND with a
 * message when there is none. */
static ue_status element(struct ue_store *s, json_t *item, const char *list,
                         const char *what, const char *label, size_t *at)
{
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(item, list), i, x) {
		const char *l = str(x, "label");
		if (l && label && strcmp(l, label) == 0) {
			*at = i;
			return UE_OK;
		}
	}
	ue_store_set_error(s, "no %s '%s' in '%s'", what, label ? label : "",
	                   str(item, "name"));
	return UE_ENOTFOUND;
}

/* Renames or removes (to NULL) member from in the objects that are the
 * values of obj (actor scores: option -> {criterion: score}) or in obj
 * itself (depth 0). */
static void rekey(json_t *obj, const char *from, const char *to, int depth)
{
	if (depth) {
		const char *k;
		json_t *v;
		json_object_foreach(obj, k, v)
			rekey(v, from, to, 0);
		return;
	}
	json_t *v = json_object_get(obj, from);
	if (!v)
		return;
	json_incref(v);
	json_object_del(obj, from);
	if (to)
		json_object_set(obj, to, v);
	json_decref(v);
}

/* The fields of f as members of x. */
static void fields(json_t *x, const ue_wb_fields *f, int evidence)
{
	set_text(x, "label", f->label);
	set_text(x, "text", f->text);
	if (evidence) {
		if (f->claim > 0 || f->claim_text) {
			json_object_del(x, "reports");
			json_object_del(x, "claim");
			json_object_del(x, "claim_text");
			if (f->claim > 0)
				json_object_set_new(x, "claim", json_integer(f->claim));
			else
				set_text(x, "claim_text", f->claim_text);
		}
		set_text(x, "origin", f->origin);
		set_text(x, "credibility", f->credibility);
		set_text(x, "relevance", f->relevance);
	}
	if (f->has_weight)
		json_object_set_new(x, "weight", json_real(f->weight));
	if (f->has_analyst_weight) {
		if (isnan(f->analyst_weight))
			json_object_del(x, "analyst_weight");
		else
			json_object_set_new(x, "analyst_weight",
			                    json_real(f->analyst_weight));
	}
}

/* ---- lists inside an item: hypotheses, evidence, options, criteria ---- */

enum list_op { ADD, EDIT, REMOVE };

struct list_arg {
	enum list_op op;
	const char *list, *what, *label;
	const ue_wb_fields *f;
	char *label_out;
	size_t labellen;
};

/* Keeps a matrix's ratings, an actor's scores and its lists in step when
 * an element is renamed or removed (to NULL). */
static void relabel(json_t *item, const char *list, const char *from,
                    const char *to)
{
	size_t i;
	json_t *e;
	if (strcmp(list, "hypotheses") == 0)
		json_array_foreach(json_object_get(item, "evidence"), i, e)
			rekey(json_object_get(e, "ratings"), from, to, 0);
	else if (strcmp(list, "options") == 0)
		rekey(json_object_get(item, "scores"), from, to, 0);
	else if (strcmp(list, "criteria") == 0)
		rekey(json_object_get(item, "scores"), from, to, 1);
}

static ue_status list_change(struct ue_store *s, json_t *item, void *p)
{
	struct list_arg *a = p;
	json_t *list = json_object_get(item, a->list);
	size_t at = 0;
	if (!list)
		json_object_set_new(item, a->list, list = json_array());
	if (a->op == ADD) {
		json_t *x = json_object();
		fields(x, a->f, strcmp(a->list, "evidence") == 0);
		json_array_append_new(list, x);
		return UE_OK;
	}
	ue_status err = element(s, item, a->list, a->what, a->label, &at);
	if (err)
		return err;
	json_t *x = json_array_get(list, at);
	if (a->op == REMOVE) {
		relabel(item, a->list, a->label, NULL);
		json_array_remove(list, at);
		return UE_OK;
	}
	if (a->f->label && strcmp(a->f->label, a->label) != 0)
		relabel(item, a->list, a->label, a->f->label);
	fields(x, a->f, strcmp(a->list, "evidence") == 0);
	return UE_OK;
}

/* Runs a list change on the item ref names; a new element's label goes
 * to label_out. */
static ue_status list_apply(ue_corpus *c, enum ue_wb_kind kind,
                            const char *ref, struct list_arg *a)
{
	static const ue_wb_fields none;
	if (!a->f)
		a->f = &none;
	ue_status err = apply(c, kind, ref, list_change, a);
	if (err || a->op != ADD || !a->label_out)
		return err;
	/* The label it was given: the last element's, as stored. */
	struct ue_store *s = ue_corpus_store(c);
	int64_t id;
	json_t *arr = NULL;
	if (!ue_store_wb_find(s, kind, ref, &id) &&
	    !ue_store_wb_load(s, kind, id, &arr)) {
		json_t *list = json_object_get(json_array_get(arr, 0), a->list);
		const char *l = str(json_array_get(list, json_array_size(list) - 1),
		                    "label");
		snprintf(a->label_out, a->labellen, "%s", l ? l : "");
	}
	json_decref(arr);
	return UE_OK;
}

/* ---- ACH ---- */

struct top_arg {
	const char *name, *question, *weights, *description, *analyst;
};

/* Parses "low=0.5,A=1" into m's weights. */
static ue_status parse_weights(struct ue_store *s, json_t *m,
                               const char *spec)
{
	json_t *w = json_object_get(m, "weights");
	if (!w)
		json_object_set_new(m, "weights", w = json_object());
	char *copy = strdup(spec), *save = NULL;
	if (!copy)
		return UE_ENOMEM;
	for (char *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '='), *end;
		double v = eq ? strtod(eq + 1, &end) : 0;
		if (eq)
			*eq = '\0';
		int rel = ue_ach_relevance_parse(tok);
		int grade = ue_ach_grade_parse(tok);
		if (!eq || *end || end == eq + 1 || !isfinite(v) || v < 0 ||
		    (rel < 0 && grade < 0)) {
			ue_store_set_error(s, "bad weight '%s' in '%s': give "
			                   "low|medium|high|A..F=NUMBER (>= 0)", tok,
			                   spec);
			free(copy);
			return UE_EINVAL;
		}
		static const char *const names[] = {"low", "medium", "high"};
		const char *group = rel >= 0 ? "relevance" : "credibility";
		json_t *g = json_object_get(w, group);
		if (!g)
			json_object_set_new(w, group, g = json_object());
		char key[2] = {(char)('A' + grade), 0};
		json_object_set_new(g, rel >= 0 ? names[rel] : key, json_real(v));
	}
	free(copy);
	return UE_OK;
}

static ue_status top_change(struct ue_store *s, json_t *item, void *p)
{
	struct top_arg *a = p;
	set_text(item, "name", a->name);
	set_text(item, "question", a->question);
	set_text(item, "description", a->description);
	set_text(item, "analyst", a->analyst);
	return a->weights ? parse_weights(s, item, a->weights) : UE_OK;
}

ue_status ue_ach_new(ue_corpus *c, const char *name, const char *question,
                     const char *weights)
{
	struct top_arg a = {name ? name : "", question, weights, NULL, NULL};
	return apply(c, UE_WB_KIND_ACH, NULL, top_change, &a);
}

ue_status ue_ach_edit(ue_corpus *c, const char *matrix, const char *name,
                      const char *question, const char *weights)
{
	struct top_arg a = {name, question, weights, NULL, NULL};
	return apply(c, UE_WB_KIND_ACH, matrix, top_change, &a);
}

static ue_status delete_item(ue_corpus *c, enum ue_wb_kind kind,
                             const char *ref)
{
	struct ue_store *s = ue_corpus_store(c);
	int64_t id;
	ue_status err = ue_store_wb_find(s, kind, ref, &id);
	return err ? err : ue_store_wb_delete(s, kind, id);
}

ue_status ue_ach_delete(ue_corpus *c, const char *matrix)
{
	return delete_item(c, UE_WB_KIND_ACH, matrix);
}

/* Calls view on each item of a kind (one when ref is not NULL) and emits
 * it whole (full) or as a summary row. */
static ue_status listing(ue_corpus *c, enum ue_wb_kind kind, const char *ref,
                         int full, ue_row_fn fn, void *ctx)
{
	struct ue_store *s = ue_corpus_store(c);
	int64_t id = 0;
	json_t *arr = NULL;
	ue_status err = ref ? ue_store_wb_find(s, kind, ref, &id) : UE_OK;
	if (!err)
		err = ue_store_wb_load(s, kind, id, &arr);
	size_t i;
	json_t *x;
	json_array_foreach(arr, i, x) {
		if (err)
			break;
		err = kind == UE_WB_KIND_ACH ? ue_wb_ach_view(s, x) :
		      kind == UE_WB_KIND_ASSUMPTION ? ue_wb_assumption_view(s, x) :
		      ue_wb_actor_view(x);
		if (err)
			break;
		json_t *row = json_incref(x);
		if (!full && kind == UE_WB_KIND_ACH) {
			json_decref(row);
			row = json_pack("{s:O,s:O,s:O?,s:i,s:i,s:O,s:O}", "id",
			        json_object_get(x, "id"), "name",
			        json_object_get(x, "name"), "question",
			        json_object_get(x, "question"), "hypotheses",
			        (json_int_t)json_array_size(json_object_get(x,
			                "hypotheses")),
			        "evidence", (json_int_t)json_array_size(
			                json_object_get(x, "evidence")),
			        "top", json_object_get(x, "top"), "inflated_top",
			        json_object_get(json_object_get(x, "inflation"),
			                        "top"));
		} else if (!full) {
			json_t *g = json_object_get(x, "gap");
			json_t *r = json_array_get(json_object_get(x, "ranking"), 0);
			json_decref(row);
			row = json_pack("{s:O,s:O,s:O?,s:i,s:i,s:O?,s:O?}", "id",
			        json_object_get(x, "id"), "name",
			        json_object_get(x, "name"), "description",
			        json_object_get(x, "description"), "options",
			        (json_int_t)json_array_size(json_object_get(x,
			                "options")),
			        "criteria", (json_int_t)json_array_size(
			                json_object_get(x, "criteria")),
			        "top", json_object_get(r, "option"), "analyst_top",
			        json_object_get(g, "analyst_top"));
		}
		err = ue_json_emit(row, fn, ctx);
	}
	json_decref(arr);
	return err;
}

ue_status ue_ach_list(ue_corpus *c, ue_row_fn fn, void *ctx)
{
	return listing(c, UE_WB_KIND_ACH, NULL, 0, fn, ctx);
}

ue_status ue_ach_show(ue_corpus *c, const char *matrix, ue_row_fn fn,
                      void *ctx)
{
	return listing(c, UE_WB_KIND_ACH, matrix ? matrix : "", 1, fn, ctx);
}

#define LIST_FNS(fn_add, fn_edit, fn_remove, kind, list, what)            \
ue_status fn_add(ue_corpus *c, const char *ref, const ue_wb_fields *f,    \
                 char *out, size_t outlen)                                \
{                                                                         \
	struct list_arg a = {ADD, list, what, NULL, f, out, outlen};          \
	return list_apply(c, kind, ref, &a);                                  \
}                                                                         \
ue_status fn_edit(ue_corpus *c, const char *ref, const char *label,       \
                  const ue_wb_fields *f)                                  \
{                                                                         \
	struct list_arg a = {EDIT, list, what, label, f, NULL, 0};            \
	return list_apply(c, kind, ref, &a);                                  \
}                                                                         \
ue_status fn_remove(ue_corpus *c, const char *ref, const char *label)     \
{                                                                         \
	struct list_arg a = {REMOVE, list, what, label, NULL, NULL, 0};       \
	return list_apply(c, kind, ref, &a);                                  \
}

LIST_FNS(ue_ach_hypothesis_add, ue_ach_hypothesis_edit,
         ue_ach_hypothesis_remove, UE_WB_KIND_ACH, "hypotheses",
         "hypothesis")
LIST_FNS(ue_ach_evidence_add, ue_ach_evidence_edit, ue_ach_evidence_remove,
         UE_WB_KIND_ACH, "evidence", "evidence item")

static ue_status option_add(ue_corpus *c, const char *ref,
                            const ue_wb_fields *f, char *out, size_t n);
static ue_status criterion_add(ue_corpus *c, const char *ref,
                               const ue_wb_fields *f, char *out, size_t n);
LIST_FNS(option_add, ue_actor_option_edit, ue_actor_option_remove,
         UE_WB_KIND_ACTOR, "options", "option")
LIST_FNS(criterion_add, ue_actor_criterion_edit, ue_actor_criterion_remove,
         UE_WB_KIND_ACTOR, "criteria", "criterion")

ue_status ue_actor_option_add(ue_corpus *c, const char *actor,
                              const ue_wb_fields *f)
{
	return option_add(c, actor, f, NULL, 0);
}

ue_status ue_actor_criterion_add(ue_corpus *c, const char *actor,
                                 const ue_wb_fields *f)
{
	return criterion_add(c, actor, f, NULL, 0);
}

struct rate_arg {
	const char *evidence, *hypothesis, *rating;
};

static ue_status rate_change(struct ue_store *s, json_t *m, void *p)
{
	struct rate_arg *a = p;
	size_t e, h;
	ue_status err = element(s, m, "evidence", "evidence item", a->evidence,
	                        &e);
	if (!err && a->hypothesis)
		err = element(s, m, "hypotheses", "hypothesis", a->hypothesis, &h);
	if (err)
		return err;
	if (a->rating && *a->rating && ue_ach_rating_parse(a->rating) < 0) {
		ue_store_set_error(s, "unknown rating '%s' (one of CC, C, N, I, "
		                   "II, NA)", a->rating);
		return UE_EINVAL;
	}
	json_t *ev = json_array_get(json_object_get(m, "evidence"), e);
	json_t *r = json_object_get(ev, "ratings");
	if (!r)
		json_object_set_new(ev, "ratings", r = json_object());
	size_t i;
	json_t *x;
	json_array_foreach(json_object_get(m, "hypotheses"), i, x) {
		const char *l = str(x, "label");
		if (a->hypothesis && strcmp(l, a->hypothesis) != 0)
			continue;
		if (a->rating && *a->rating)
			json_object_set_new(r, l, json_string(a->rating));
		else
			json_object_del(r, l);
	}
	return UE_OK;
}

ue_status ue_ach_rate(ue_corpus *c, const char *matrix, const char *evidence,
                      const char *hypothesis, const char *rating)
{
	struct rate_arg a = {evidence, hypothesis, rating};
	return apply(c, UE_WB_KIND_ACH, matrix, rate_change, &a);
}

/* ---- key assumptions ---- */

static ue_status fields_change(struct ue_store *s, json_t *item, void *p)
{
	(void)s;
	fields(item, p, 0);
	return UE_OK;
}

/* Assumptions are items of their own: a new one is labelled after the
 * highest A<n>. */
ue_status ue_assumption_add(ue_corpus *c, const ue_wb_fields *f,
                            char *label_out, size_t labellen)
{
	struct ue_store *s = ue_corpus_store(c);
	char label[32];
	ue_wb_fields g = *f;
	if (!g.label) {
		json_t *arr = NULL;
		ue_status err = ue_store_wb_load(s, UE_WB_KIND_ASSUMPTION, 0, &arr);
		if (err)
			return err;
		long top = 0;
		size_t i;
		json_t *x;
		json_array_foreach(arr, i, x) {
			const char *l = str(x, "label");
			if (l[0] == 'A' && l[1] && strspn(l + 1, "0123456789") ==
			    strlen(l + 1) && strlen(l) < 12 && atol(l + 1) > top)
				top = atol(l + 1);
		}
		json_decref(arr);
		snprintf(label, sizeof label, "A%ld", top + 1);
		g.label = label;
	}
	ue_status err = apply(c, UE_WB_KIND_ASSUMPTION, NULL, fields_change, &g);
	if (!err && label_out)
		snprintf(label_out, labellen, "%s", g.label);
	return err;
}

ue_status ue_assumption_edit(ue_corpus *c, const char *label,
                             const ue_wb_fields *f)
{
	return apply(c, UE_WB_KIND_ASSUMPTION, label, fields_change,
	             (void *)f);
}

ue_status ue_assumption_remove(ue_corpus *c, const char *label)
{
	return delete_item(c, UE_WB_KIND_ASSUMPTION, label);
}

struct support_arg {
	const ue_wb_fields *f;
	const char *matrix, *evidence;
	size_t remove;   /* 1-based; 0 adds */
};

static ue_status support_change(struct ue_store *s, json_t *a, void *p)
{
	struct support_arg *x = p;
	json_t *list = json_object_get(a, "support");
	if (!list)
		json_object_set_new(a, "support", list = json_array());
	if (x->remove) {
		if (x->remove > json_array_size(list)) {
			ue_store_set_error(s, "assumption '%s' has %zu support%s, "
			                   "not %zu", str(a, "label"),
			                   json_array_size(list),
			                   json_array_size(list) == 1 ? "" : "s",
			                   x->remove);
			return UE_ENOTFOUND;
		}
		json_array_remove(list, x->remove - 1);
		return UE_OK;
	}
	json_t *o = json_object();
	json_array_append_new(list, o);
	if (x->matrix || x->evidence) {
		/* The evidence must exist now (it may go later: then the
		 * support shows as missing). */
		int64_t id;
		json_t *arr = NULL;
		size_t at;
		ue_status err = ue_store_wb_find(s, UE_WB_KIND_ACH, x->matrix, &id);
		if (!err)
			err = ue_store_wb_load(s, UE_WB_KIND_ACH, id, &arr);
		if (!err)
			err = element(s, json_array_get(arr, 0), "evidence",
			              "evidence item", x->evidence, &at);
		if (!err)
			json_object_set(o, "matrix",
			                json_object_get(json_array_get(arr, 0), "name"));
		json_decref(arr);
		if (err)
			return err;
		set_text(o, "evidence", x->evidence);
	} else if (x->f->claim > 0) {
		json_object_set_new(o, "claim", json_integer(x->f->claim));
	} else {
		set_text(o, "claim_text", x->f->claim_text);
	}
	set_text(o, "note", x->f->text);
	return UE_OK;
}

ue_status ue_assumption_support(ue_corpus *c, const char *label,
                                const ue_wb_fields *f, const char *matrix,
                                const char *evidence)
{
	struct support_arg a = {f, matrix, evidence, 0};
	return apply(c, UE_WB_KIND_ASSUMPTION, label, support_change, &a);
}

ue_status ue_assumption_unsupport(ue_corpus *c, const char *label, size_t n)
{
	static const ue_wb_fields none;
	struct support_arg a = {&none, NULL, NULL, n ? n : (size_t)-1};
	return apply(c, UE_WB_KIND_ASSUMPTION, label, support_change, &a);
}

ue_status ue_assumptions(ue_corpus *c, const char *label, ue_row_fn fn,
                         void *ctx)
{
	return listing(c, UE_WB_KIND_ASSUMPTION, label, 1, fn, ctx);
}

/* ---- actor models ---- */

ue_status ue_actor_new(ue_corpus *c, const char *name,
                       const char *description, const char *analyst)
{
	struct top_arg a = {name ? name : "", NULL, NULL, description, analyst};
	return apply(c, UE_WB_KIND_ACTOR, NULL, top_change, &a);
}

ue_status ue_actor_edit(ue_corpus *c, const char *actor, const char *name,
                        const char *description, const char *analyst)
{
	struct top_arg a = {name, NULL, NULL, description, analyst};
	return apply(c, UE_WB_KIND_ACTOR, actor, top_change, &a);
}

ue_status ue_actor_delete(ue_corpus *c, const char *actor)
{
	return delete_item(c, UE_WB_KIND_ACTOR, actor);
}

ue_status ue_actor_list(ue_corpus *c, ue_row_fn fn, void *ctx)
{
	return listing(c, UE_WB_KIND_ACTOR, NULL, 0, fn, ctx);
}

ue_status ue_actor_show(ue_corpus *c, const char *actor, ue_row_fn fn,
                        void *ctx)
{
	return listing(c, UE_WB_KIND_ACTOR, actor ? actor : "", 1, fn, ctx);
}

struct score_arg {
	const char *option, *criterion;
	double score;
};

static ue_status score_change(struct ue_store *s, json_t *a, void *p)
{
	struct score_arg *x = p;
	size_t at;
	ue_status err = element(s, a, "options", "option", x->option, &at);
	if (!err)
		err = element(s, a, "criteria", "criterion", x->criterion, &at);
	if (err)
		return err;
	if (!isfinite(x->score)) {
		ue_store_set_error(s, "a score must be a finite number");
		return UE_EINVAL;
	}
	json_t *sc = json_object_get(a, "scores");
	if (!sc)
		json_object_set_new(a, "scores", sc = json_object());
	json_t *row = json_object_get(sc, x->option);
	if (!row)
		json_object_set_new(sc, x->option, row = json_object());
	json_object_set_new(row, x->criterion, json_real(x->score));
	return UE_OK;
}

ue_status ue_actor_score(ue_corpus *c, const char *actor, const char *option,
                         const char *criterion, double score)
{
	struct score_arg a = {option, criterion, score};
	return apply(c, UE_WB_KIND_ACTOR, actor, score_change, &a);
}

/* ---- the workbench file ---- */

ue_status ue_workbench_export(ue_corpus *c, unsigned sections,
                              const char *name,
                              int (*write)(void *ctx, const char *data,
                                           size_t len),
                              void *ctx)
{
	struct ue_store *s = ue_corpus_store(c);
	json_t *doc = json_pack("{s:s,s:i}", "unecho", "workbench", "version", 1);
	ue_status err = UE_OK;
	for (int k = 0; k < 3 && !err; k++) {
		if (!(sections & (1u << k)))
			continue;
		int64_t id = 0;
		json_t *arr = NULL;
		if (name)
			err = ue_store_wb_find(s, (enum ue_wb_kind)k, name, &id);
		if (!err)
			err = ue_store_wb_load(s, (enum ue_wb_kind)k, id, &arr);
		size_t i;
		json_t *x;
		json_array_foreach(arr, i, x)
			json_object_del(x, "id");
		if (arr)
			json_object_set_new(doc, ue_wb_section[k], arr);
	}
	char *text = err ? NULL : json_dumps(doc, JSON_INDENT(2) |
	                                     JSON_REAL_PRECISION(15));
	json_decref(doc);
	if (err)
		return err;
	if (!text)
		return UE_ENOMEM;
	size_t n = strlen(text);
	text[n] = '\n';   /* json_dumps's NUL becomes the final newline */
	int stop = write(ctx, text, n + 1);
	free(text);
	return stop ? UE_ECANCELLED : UE_OK;
}

/* Reads a whole file of at most UE_WB_MAX_FILE bytes. */
static ue_status slurp(struct ue_store *s, const char *path, char **out,
                       size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		ue_store_set_error(s, "%s: %s", path, strerror(errno));
		return UE_EIO;
	}
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n > UE_WB_MAX_FILE) {
			fclose(f);
			free(buf);
			ue_store_set_error(s, "%s: larger than %u MiB", path,
			                   UE_WB_MAX_FILE >> 20);
			return UE_ELIMIT;
		}
		if (n == cap) {
			char *p = realloc(buf, cap *= 2);
			if (!p)
				free(buf);
			buf = p;
		}
	}
	int bad = ferror(f);
	fclose(f);
	if (!buf)
		return UE_ENOMEM;
	if (bad) {
		free(buf);
		ue_store_set_error(s, "%s: read error", path);
		return UE_EIO;
	}
	*out = buf;
	*len = n;
	return UE_OK;
}

ue_status ue_workbench_import(ue_corpus *c, const char *path,
                              unsigned sections, int replace,
                              size_t counts[3])
{
	struct ue_store *s = ue_corpus_store(c);
	char *data = NULL;
	size_t len = 0;
	if (counts)
		counts[0] = counts[1] = counts[2] = 0;
	ue_status err = slurp(s, path, &data, &len);
	if (err)
		return err;
	json_error_t je;
	json_t *doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	free(data);
	if (!doc) {
		ue_store_set_error(s, "%s:%d:%d: %s", path, je.line, je.column,
		                   je.text);
		return UE_EFORMAT;
	}
	char msg[768];
	if ((err = ue_wb_check_doc(doc, sections, msg, sizeof msg))) {
		ue_store_set_error(s, "%s: %s", path, msg);
		json_decref(doc);
		return err;
	}
	if ((err = ue_store_begin(s))) {
		json_decref(doc);
		return err;
	}
	for (int k = 0; k < 3 && !err; k++) {
		if (!(sections & (1u << k)))
			continue;
		size_t i;
		json_t *x;
		json_array_foreach(json_object_get(doc, ue_wb_section[k]), i, x) {
			enum ue_wb_kind kind = (enum ue_wb_kind)k;
			char where[600];
			snprintf(where, sizeof where, "%s: %s[%zu]", path,
			         ue_wb_section[k], i);
			int64_t id = 0;
			const char *name = item_name(x, kind);
			if (ue_store_wb_find(s, kind, name, &id) == UE_EDB) {
				err = UE_EDB;
				break;
			}
			if (id && !replace) {
				ue_store_set_error(s, "%s: '%s' exists (delete it, or "
				                   "import with --replace)", where, name);
				err = UE_EEXIST;
				break;
			}
			if ((err = resolve(s, x, kind, where)))
				break;
			if ((err = ue_store_wb_put(s, kind, x, &id))) {
				snprintf(msg, sizeof msg, "%s", ue_store_errmsg(s));
				ue_store_set_error(s, "%s: %s", where, msg);
				break;
			}
			if (counts)
				counts[k]++;
		}
	}
	json_decref(doc);
	if (err) {
		ue_store_rollback(s);
		if (counts)
			counts[0] = counts[1] = counts[2] = 0;
		return err;
	}
	return ue_store_commit(s);
}

ue_status ue_workbench(ue_corpus *c, ue_row_fn fn, void *ctx)
{
	json_t *wb = NULL;
	ue_status err = ue_workbench_json(ue_corpus_store(c), &wb);
	return err ? err : ue_json_emit(wb, fn, ctx);
}
