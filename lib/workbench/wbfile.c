/* wbfile.c - checking the workbench file; see wbfile.h. */
#include "workbench/wbfile.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "workbench/ach.h"

const char *const ue_wb_section[3] = {"ach", "assumptions", "actors"};

struct chk {
	char *err;
	size_t errlen;
};

static ue_status fail(struct chk *c, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static ue_status fail(struct chk *c, const char *path, const char *fmt, ...)
{
	int n = snprintf(c->err, c->errlen, "%s: ", path);
	if (n >= 0 && (size_t)n < c->errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return UE_EFORMAT;
}

/* Every member of o is one of the names in allowed (" a b c "). */
static ue_status members(struct chk *c, const char *path, json_t *o,
                         const char *allowed)
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		char mark[80];
		snprintf(mark, sizeof mark, " %.64s ", k);
		if (strlen(k) > 64 || !strstr(allowed, mark))
			return fail(c, path, "unknown field '%.64s' (known:%s)", k,
			            allowed);
	}
	return UE_OK;
}

/* Member key of o, when present, is a string: non-empty when need > 0,
 * present too when need is 2. */
static ue_status text(struct chk *c, const char *path, json_t *o,
                      const char *key, int need)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v)) {
		if (v)
			json_object_del(o, key);
		return need == 2 ? fail(c, path, "'%s' is missing", key) : UE_OK;
	}
	if (!json_is_string(v))
		return fail(c, path, "'%s' must be a string", key);
	size_t n = json_string_length(v);
	if (need && n == 0)
		return fail(c, path, "'%s' is empty", key);
	if (n > UE_WB_MAX_TEXT)
		return fail(c, path, "'%s' is longer than %d bytes", key,
		            UE_WB_MAX_TEXT);
	if (strlen(json_string_value(v)) != n)
		return fail(c, path, "'%s' holds a NUL character", key);
	return UE_OK;
}

/* A label: 1 to 64 bytes, no spaces or control characters. */
static ue_status label(struct chk *c, const char *path, json_t *o,
                       const char *key)
{
	ue_status err = text(c, path, o, key, 1);
	json_t *v = json_object_get(o, key);   /* text() drops a null one */
	if (err || !v)
		return err;
	const char *s = json_string_value(v);
	if (strlen(s) > 64)
		return fail(c, path, "'%s' is longer than 64 bytes", key);
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '=')
			return fail(c, path, "'%s' '%s' has a space, '=' or a control"
			            " character", key, s);
	return UE_OK;
}

static ue_status number(struct chk *c, const char *path, json_t *o,
                        const char *key, int need, double min)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v)) {
		if (v)
			json_object_del(o, key);
		return need ? fail(c, path, "'%s' is missing", key) : UE_OK;
	}
	if (!json_is_number(v) || !isfinite(json_number_value(v)))
		return fail(c, path, "'%s' must be a number", key);
	if (json_number_value(v) < min)
		return fail(c, path, "'%s' must be at least %g", key, min);
	return UE_OK;
}

static ue_status array(struct chk *c, const char *path, json_t *o,
                       const char *key, json_t **out)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		json_object_set_new(o, key, v = json_array());
	if (!json_is_array(v))
		return fail(c, path, "'%s' must be an array", key);
	if (json_array_size(v) > UE_WB_MAX_ITEMS)
		return fail(c, path, "'%s' has more than %d items", key,
		            UE_WB_MAX_ITEMS);
	*out = v;
	return UE_OK;
}

/* Labels of list (objects) unique; those missing become PREFIX<n>, n one
 * more than the highest of that form. */
static ue_status labels(struct chk *c, const char *path, const char *key,
                        json_t *list, const char *prefix)
{
	size_t i, j;
	json_t *x, *y;
	long top = 0;
	json_array_foreach(list, i, x) {
		const char *s = json_string_value(json_object_get(x, "label"));
		size_t n = prefix ? strlen(prefix) : 0;
		if (s && prefix && strncmp(s, prefix, n) == 0 && s[n] &&
		    strspn(s + n, "0123456789") == strlen(s + n) && strlen(s) < 12) {
			long v = atol(s + n);
			if (v > top)
				top = v;
		}
	}
	json_array_foreach(list, i, x) {
		if (!json_object_get(x, "label")) {
			char l[32];
			if (!prefix)
				return fail(c, path, "%s[%zu]: 'label' is missing", key, i);
			snprintf(l, sizeof l, "%s%ld", prefix, ++top);
			json_object_set_new(x, "label", json_string(l));
		}
		const char *s = json_string_value(json_object_get(x, "label"));
		for (j = 0; j < i; j++) {
			y = json_array_get(list, j);
			if (strcmp(s, json_string_value(json_object_get(y, "label")))
			    == 0)
				return fail(c, path, "%s[%zu]: label '%s' is used twice",
				            key, i, s);
		}
	}
	return UE_OK;
}

/* The object of list whose label is s, or NULL. */
static json_t *by_label(json_t *list, const char *s)
{
	size_t i;
	json_t *x;
	json_array_foreach(list, i, x)
		if (strcmp(json_string_value(json_object_get(x, "label")), s) == 0)
			return x;
	return NULL;
}

static ue_status reports(struct chk *c, const char *path, json_t *o)
{
	json_t *list = json_object_get(o, "reports");
	if (!list)
		return UE_OK;
	ue_status err = array(c, path, o, "reports", &list);
	size_t i;
	json_t *r;
	json_array_foreach(list, i, r) {
		char p[512];
		snprintf(p, sizeof p, "%s.reports[%zu]", path, i);
		if (err)
			return err;
		if (!json_is_object(r))
			return fail(c, p, "a report must be an object");
		err = members(c, p, r, " doc start end outlet bloc origin "
		              "origin_name origin_kind origin_country origin_bloc "
		              "reliability ");
		static const char *const strs[] = {
			"outlet", "bloc", "origin_name", "origin_kind",
			"origin_country", "origin_bloc",
		};
		if (!err)
			err = text(c, p, r, "doc", 2);
		if (!err)
			err = text(c, p, r, "origin", 2);
		for (int k = 0; k < 6 && !err; k++)
			err = text(c, p, r, strs[k], 0);
		if (!err)
			err = number(c, p, r, "start", 0, 0);
		if (!err)
			err = number(c, p, r, "end", 0, 0);
		json_t *g = json_object_get(r, "reliability");
		if (!err && g && !json_is_null(g)) {
			if (ue_ach_grade_parse(json_string_value(g)) < 0)
				return fail(c, p, "'reliability' must be a grade A to F");
			char up[2] = {(char)toupper((unsigned char)
			                            json_string_value(g)[0]), 0};
			json_object_set_new(r, "reliability", json_string(up));
		} else if (g && json_is_null(g)) {
			json_object_del(r, "reliability");
		}
		for (const char *k = "start"; k; k = *k == 's' ? "end" : NULL) {
			json_t *v = json_object_get(r, k);
			if (v && !json_is_integer(v))
				return fail(c, p, "'%s' must be a whole number", k);
		}
	}
	return err;
}

static ue_status weights(struct chk *c, const char *path, json_t *m)
{
	json_t *w = json_object_get(m, "weights");
	if (!w || json_is_null(w)) {
		json_object_del(m, "weights");
		return UE_OK;
	}
	char p[512];
	snprintf(p, sizeof p, "%s.weights", path);
	if (!json_is_object(w))
		return fail(c, p, "must be an object");
	ue_status err = members(c, p, w, " relevance credibility ");
	json_t *r = json_object_get(w, "relevance");
	json_t *g = json_object_get(w, "credibility");
	if (!err && r) {
		snprintf(p, sizeof p, "%s.weights.relevance", path);
		if (!json_is_object(r))
			return fail(c, p, "must be an object");
		err = members(c, p, r, " low medium high ");
		for (const char *k = "low"; !err && k;
		     k = *k == 'l' ? "medium" : *k == 'm' ? "high" : NULL)
			err = number(c, p, r, k, 0, 0);
	}
	if (!err && g) {
		snprintf(p, sizeof p, "%s.weights.credibility", path);
		if (!json_is_object(g))
			return fail(c, p, "must be an object");
		err = members(c, p, g, " A B C D E F ");
		for (char k[2] = "A"; !err && k[0] <= 'F'; k[0]++)
			err = number(c, p, g, k, 0, 0);
	}
	return err;
}

static ue_status check_ach(struct chk *c, const char *path, json_t *m)
{
	json_t *hyp, *ev;
	ue_status err = members(c, path, m, " id name question weights "
	                        "hypotheses evidence ");
	json_object_del(m, "id");
	if (!err)
		err = text(c, path, m, "name", 2);
	if (!err)
		err = text(c, path, m, "question", 0);
	if (!err)
		err = weights(c, path, m);
	if (!err)
		err = array(c, path, m, "hypotheses", &hyp);
	if (!err)
		err = array(c, path, m, "evidence", &ev);
	if (err)
		return err;
	size_t i;
	json_t *x;
	char p[512];
	json_array_foreach(hyp, i, x) {
		snprintf(p, sizeof p, "%s.hypotheses[%zu]", path, i);
		if (!json_is_object(x))
			return fail(c, p, "a hypothesis must be an object");
		if ((err = members(c, p, x, " label text ")) ||
		    (err = label(c, p, x, "label")) ||
		    (err = text(c, p, x, "text", 2)))
			return err;
	}
	if ((err = labels(c, path, "hypotheses", hyp, "H")))
		return err;
	json_array_foreach(ev, i, x) {
		snprintf(p, sizeof p, "%s.evidence[%zu]", path, i);
		if (!json_is_object(x))
			return fail(c, p, "an evidence item must be an object");
		if ((err = members(c, p, x, " label text claim claim_text origin "
		                   "credibility relevance ratings reports ")) ||
		    (err = label(c, p, x, "label")) ||
		    (err = text(c, p, x, "claim_text", 1)) ||
		    (err = text(c, p, x, "origin", 1)))
			return err;
		int drawn = json_object_get(x, "claim") ||
		            json_object_get(x, "claim_text");
		if ((err = text(c, p, x, "text", drawn ? 0 : 2)))
			return err;
		json_t *cl = json_object_get(x, "claim");
		if (cl && (!json_is_integer(cl) || json_integer_value(cl) < 1))
			return fail(c, p, "'claim' must be a claim id (a whole number"
			            " above 0)");
		json_t *g = json_object_get(x, "credibility");
		if (g && json_is_null(g)) {
			json_object_del(x, "credibility");
		} else if (g) {
			if (ue_ach_grade_parse(json_string_value(g)) < 0)
				return fail(c, p, "'credibility' must be an Admiralty grade"
				            " A to F");
			char up[2] = {(char)toupper((unsigned char)
			                            json_string_value(g)[0]), 0};
			json_object_set_new(x, "credibility", json_string(up));
		}
		json_t *r = json_object_get(x, "relevance");
		if (!r || json_is_null(r)) {
			json_object_set_new(x, "relevance", json_string("medium"));
		} else {
			int v = ue_ach_relevance_parse(json_string_value(r));
			if (v < 0)
				return fail(c, p, "'relevance' must be low, medium or "
				            "high");
			static const char *const names[] = {"low", "medium", "high"};
			json_object_set_new(x, "relevance", json_string(names[v]));
		}
		json_t *rt = json_object_get(x, "ratings");
		if (!rt || json_is_null(rt))
			json_object_set_new(x, "ratings", rt = json_object());
		if (!json_is_object(rt))
			return fail(c, p, "'ratings' must be an object");
		const char *k;
		json_t *v;
		json_object_foreach(rt, k, v) {
			if (!by_label(hyp, k))
				return fail(c, p, "ratings.%.64s: no hypothesis '%.64s' in "
				            "this matrix", k, k);
			int rv = json_is_string(v) ?
			         ue_ach_rating_parse(json_string_value(v)) : -1;
			if (rv < 0)
				return fail(c, p, "ratings.%.64s: unknown rating '%.16s' "
				            "(one of CC, C, N, I, II, NA)", k,
				            json_is_string(v) ? json_string_value(v) : "?");
			json_object_set_new(rt, k,
			                    json_string(ue_ach_rating_name(rv)));
		}
		if ((err = reports(c, p, x)))
			return err;
	}
	return labels(c, path, "evidence", ev, "E");
}

static ue_status check_assumption(struct chk *c, const char *path, json_t *a)
{
	json_t *sup;
	ue_status err = members(c, path, a, " id label text support ");
	json_object_del(a, "id");
	if (!err)
		err = label(c, path, a, "label");
	if (!err)
		err = text(c, path, a, "text", 2);
	if (!err)
		err = array(c, path, a, "support", &sup);
	size_t i;
	json_t *x;
	json_array_foreach(sup, i, x) {
		char p[512];
		snprintf(p, sizeof p, "%s.support[%zu]", path, i);
		if (err)
			return err;
		if (!json_is_object(x))
			return fail(c, p, "support must be an object");
		if ((err = members(c, p, x, " claim claim_text matrix evidence "
		                   "note reports ")) ||
		    (err = text(c, p, x, "claim_text", 1)) ||
		    (err = text(c, p, x, "matrix", 1)) ||
		    (err = label(c, p, x, "evidence")) ||
		    (err = text(c, p, x, "note", 0)))
			return err;
		json_t *cl = json_object_get(x, "claim");
		if (cl && (!json_is_integer(cl) || json_integer_value(cl) < 1))
			return fail(c, p, "'claim' must be a claim id (a whole number"
			            " above 0)");
		int claim = cl || json_object_get(x, "claim_text");
		int ev = json_object_get(x, "matrix") ||
		         json_object_get(x, "evidence");
		if (claim == ev)
			return fail(c, p, "support names a claim ('claim' or "
			            "'claim_text') or an evidence item ('matrix' and "
			            "'evidence'), one of the two");
		if (ev && !(json_object_get(x, "matrix") &&
		            json_object_get(x, "evidence")))
			return fail(c, p, "evidence support needs both 'matrix' and "
			            "'evidence'");
		if ((err = reports(c, p, x)))
			return err;
	}
	return err;
}

static ue_status check_actor(struct chk *c, const char *path, json_t *a)
{
	json_t *opt, *cri;
	ue_status err = members(c, path, a, " id name description analyst "
	                        "options criteria scores ");
	json_object_del(a, "id");
	if (!err)
		err = text(c, path, a, "name", 2);
	if (!err)
		err = text(c, path, a, "description", 0);
	if (!err)
		err = text(c, path, a, "analyst", 1);
	if (!err)
		err = array(c, path, a, "options", &opt);
	if (!err)
		err = array(c, path, a, "criteria", &cri);
	if (err)
		return err;
	size_t i;
	json_t *x;
	char p[512];
	json_array_foreach(opt, i, x) {
		snprintf(p, sizeof p, "%s.options[%zu]", path, i);
		if (!json_is_object(x))
			return fail(c, p, "an option must be an object");
		if ((err = members(c, p, x, " label text ")) ||
		    (err = label(c, p, x, "label")) ||
		    (err = text(c, p, x, "text", 0)))
			return err;
	}
	json_array_foreach(cri, i, x) {
		snprintf(p, sizeof p, "%s.criteria[%zu]", path, i);
		if (!json_is_object(x))
			return fail(c, p, "a criterion must be an object");
		if ((err = members(c, p, x, " label text weight analyst_weight ")) ||
		    (err = label(c, p, x, "label")) ||
		    (err = text(c, p, x, "text", 0)) ||
		    (err = number(c, p, x, "weight", 1, 0)) ||
		    (err = number(c, p, x, "analyst_weight", 0, 0)))
			return err;
	}
	if ((err = labels(c, path, "options", opt, NULL)) ||
	    (err = labels(c, path, "criteria", cri, NULL)))
		return err;
	json_t *sc = json_object_get(a, "scores");
	if (!sc || json_is_null(sc))
		json_object_set_new(a, "scores", sc = json_object());
	if (!json_is_object(sc))
		return fail(c, path, "'scores' must be an object");
	const char *o;
	json_t *row;
	json_object_foreach(sc, o, row) {
		snprintf(p, sizeof p, "%s.scores.%.64s", path, o);
		if (!by_label(opt, o))
			return fail(c, p, "no option '%.64s' in this model", o);
		if (!json_is_object(row))
			return fail(c, p, "must be an object of criterion: score");
		const char *k;
		json_t *v;
		json_object_foreach(row, k, v) {
			if (!by_label(cri, k))
				return fail(c, p, "no criterion '%.64s' in this model", k);
			if (!json_is_number(v) || !isfinite(json_number_value(v)))
				return fail(c, p, "%.64s: a score must be a number", k);
		}
	}
	return UE_OK;
}

ue_status ue_wb_check_item(json_t *item, enum ue_wb_kind kind,
                           const char *path, char *err, size_t errlen)
{
	struct chk c = {err, errlen};
	if (!json_is_object(item))
		return fail(&c, path, "must be an object");
	switch (kind) {
	case UE_WB_KIND_ACH:
		return check_ach(&c, path, item);
	case UE_WB_KIND_ASSUMPTION:
		return check_assumption(&c, path, item);
	default:
		return check_actor(&c, path, item);
	}
}

ue_status ue_wb_check_doc(json_t *doc, unsigned sections, char *err,
                          size_t errlen)
{
	struct chk c = {err, errlen};
	if (!json_is_object(doc))
		return fail(&c, "(top)", "a workbench file is a JSON object");
	ue_status st = members(&c, "(top)", doc, " unecho version ach "
	                       "assumptions actors ");
	if (st)
		return st;
	json_t *v = json_object_get(doc, "version");
	if (v && !(json_is_integer(v) && json_integer_value(v) == 1))
		return fail(&c, "version", "unknown workbench file version (this "
		            "unecho reads version 1)");
	int found = 0;
	for (int k = 0; k < 3; k++) {
		json_t *list = json_object_get(doc, ue_wb_section[k]);
		if (!list || !(sections & (1u << k)))
			continue;
		found = 1;
		if (!json_is_array(list))
			return fail(&c, ue_wb_section[k], "must be an array");
		size_t i;
		json_t *x;
		json_array_foreach(list, i, x) {
			char p[64];
			snprintf(p, sizeof p, "%s[%zu]", ue_wb_section[k], i);
			if ((st = ue_wb_check_item(x, (enum ue_wb_kind)k, p, err,
			                           errlen)))
				return st;
		}
	}
	if (!found)
		return fail(&c, "(top)", "no %s in this file",
		            sections == 1 ? "\"ach\" array" :
		            sections == 2 ? "\"assumptions\" array" :
		            sections == 4 ? "\"actors\" array" :
		            "\"ach\", \"assumptions\" or \"actors\" array");
	return UE_OK;
}
