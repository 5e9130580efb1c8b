/* workbench.c - the computed views of the workbench; see workbench.h. */
#include "workbench/workbench.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "workbench/ach.h"
#include "workbench/actor.h"
#include "workbench/assumption.h"

/* Figures are rounded to 6 decimals: stable output, readable numbers. */
static json_t *num(double x)
{
	double r = round(x * 1e6) / 1e6;
	return json_real(r == 0 ? 0 : r);
}

static const char *str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* ---- ACH ---- */

/* The matrix's weights: the defaults, overridden by its "weights". */
static void ach_weights(json_t *m, struct ue_ach_weights *w)
{
	static const char *const rel[] = {"low", "medium", "high"};
	ue_ach_weights_default(w);
	json_t *jw = json_object_get(m, "weights");
	json_t *r = json_object_get(jw, "relevance");
	json_t *g = json_object_get(jw, "credibility");
	for (int i = 0; i < 3; i++)
		if (json_is_number(json_object_get(r, rel[i])))
			w->relevance[i] = json_number_value(json_object_get(r, rel[i]));
	for (int i = 0; i < 6; i++) {
		char k[2] = {(char)('A' + i), 0};
		if (json_is_number(json_object_get(g, k)))
			w->credibility[i] = json_number_value(json_object_get(g, k));
	}
	json_t *out = json_object(), *ro = json_object(), *go = json_object();
	for (int i = 0; i < 3; i++)
		json_object_set_new(ro, rel[i], num(w->relevance[i]));
	for (int i = 0; i < 6; i++) {
		char k[2] = {(char)('A' + i), 0};
		json_object_set_new(go, k, num(w->credibility[i]));
	}
	json_object_set_new(out, "relevance", ro);
	json_object_set_new(out, "credibility", go);
	json_object_set_new(m, "weights", out);
}

/* The labels of the hypotheses flagged in top. */
static json_t *labels_of(json_t *hyp, const unsigned char *top, size_t nh)
{
	json_t *a = json_array();
	for (size_t h = 0; h < nh; h++)
		if (top[h])
			json_array_append(a, json_object_get(json_array_get(hyp, h),
			                                     "label"));
	return a;
}

struct sens_ctx {
	json_t *out, *hyp, *ev;
	size_t nh;
};

static int on_change(void *ctx, const struct ue_ach_change *c)
{
	struct sens_ctx *x = ctx;
	json_t *o = json_object();
	json_object_set(o, "evidence", json_object_get(
	        json_array_get(x->ev, c->evidence), "label"));
	if (c->hypothesis == x->nh) {
		json_object_set_new(o, "change", json_string("removed"));
	} else {
		json_object_set_new(o, "change", json_string("rating"));
		json_object_set(o, "hypothesis", json_object_get(
		        json_array_get(x->hyp, c->hypothesis), "label"));
		json_object_set_new(o, "from", json_string(
		        c->from ? ue_ach_rating_name(c->from) : "N"));
		json_object_set_new(o, "to", json_string(ue_ach_rating_name(c->to)));
	}
	json_object_set_new(o, "top", labels_of(x->hyp, c->top, x->nh));
	json_array_append_new(x->out, o);
	return 0;
}

/* The units of evidence item e (its origins with their reports) appended
 * to units, and described in e's "units" array. */
static ue_status ach_units(struct ue_store *s, json_t *e, size_t ei,
                           const struct ue_ach_weights *w, json_t *groups,
                           json_t *rows, struct ue_ach_unit **units,
                           size_t *nunits, size_t *cap)
{
	json_t *reports = json_object_get(e, "reports");
	json_t *list = json_array();   /* {origin, name, grade, reports} */
	if (json_array_size(reports)) {
		json_t *seen = json_object();   /* origin -> index in list */
		json_t *docs = json_object();   /* origin/doc pairs counted */
		size_t i;
		json_t *r;
		json_array_foreach(reports, i, r) {
			const char *o = str(r, "origin");
			json_t *u = json_array_get(list, (size_t)json_integer_value(
			        json_object_get(seen, o)));
			if (!json_object_get(seen, o)) {
				u = json_pack("{s:s,s:O?,s:O?,s:O?,s:i,s:[]}", "origin", o,
				              "origin_name", json_object_get(r, "origin_name"),
				              "origin_kind", json_object_get(r, "origin_kind"),
				              "reliability", json_object_get(r, "reliability"),
				              "reports", 0, "docs");
				json_object_set_new(seen, o,
				                    json_integer((json_int_t)json_array_size(list)));
				json_array_append_new(list, u);
			}
			char key[1024];
			snprintf(key, sizeof key, "%s\n%s", o, str(r, "doc"));
			if (!json_object_get(docs, key)) {
				json_object_set_new(docs, key, json_true());
				json_object_set_new(u, "reports", json_integer(
				        json_integer_value(json_object_get(u, "reports")) + 1));
				json_array_append(json_object_get(u, "docs"),
				                  json_object_get(r, "doc"));
			}
		}
		json_decref(seen);
		json_decref(docs);
	} else {
		const char *o = str(e, "origin");
		json_t *u;
		if (o) {
			json_t *info = NULL;
			ue_status err = ue_store_origin_info(s, o, &info);
			if (err) {
				json_decref(list);
				return err;
			}
			u = info;
		} else {
			char key[128];
			snprintf(key, sizeof key, "evidence:%.64s", str(e, "label"));
			u = json_pack("{s:s}", "origin", key);
		}
		json_object_set_new(u, "reports", json_integer(1));
		json_object_set_new(u, "docs", json_array());
		json_array_append_new(list, u);
	}
	int rel = ue_ach_relevance_parse(str(e, "relevance"));
	size_t i;
	json_t *u;
	json_array_foreach(list, i, u) {
		const char *grade = str(e, "credibility");
		if (!grade)
			grade = str(u, "reliability");
		if (ue_ach_grade_parse(grade) < 0)
			grade = "F";
		double weight = w->credibility[ue_ach_grade_parse(grade)] *
		                w->relevance[rel < 0 ? 1 : rel];
		const char *o = str(u, "origin");
		json_t *g = json_object_get(groups, o);
		if (!g) {
			g = json_integer((json_int_t)json_array_size(rows));
			json_object_set_new(groups, o, g);
			json_array_append_new(rows, json_pack("{s:s,s:O?,s:O?,s:[],"
			        "s:i,s:[]}", "origin", o,
			        "origin_name", json_object_get(u, "origin_name"),
			        "origin_kind", json_object_get(u, "origin_kind"),
			        "evidence", "reports", 0, "docs"));
		}
		json_t *row = json_array_get(rows, (size_t)json_integer_value(g));
		json_array_append(json_object_get(row, "evidence"),
		                  json_object_get(e, "label"));
		json_object_set_new(row, "reports", json_integer(
		        json_integer_value(json_object_get(row, "reports")) +
		        json_integer_value(json_object_get(u, "reports"))));
		json_array_extend(json_object_get(row, "docs"),
		                  json_object_get(u, "docs"));
		json_object_del(u, "docs");
		json_object_set_new(u, "credibility", json_string(grade));
		json_object_set_new(u, "weight", num(weight));
		if (*nunits == *cap) {
			size_t nc = *cap ? *cap * 2 : 16;
			struct ue_ach_unit *p = realloc(*units, nc * sizeof *p);
			if (!p) {
				json_decref(list);
				return UE_ENOMEM;
			}
			*units = p;
			*cap = nc;
		}
		(*units)[(*nunits)++] = (struct ue_ach_unit){
			ei, (size_t)json_integer_value(g), weight,
			(double)json_integer_value(json_object_get(u, "reports")),
		};
	}
	json_object_set_new(e, "units", list);
	return UE_OK;
}

ue_status ue_wb_ach_view(struct ue_store *s, json_t *m)
{
	struct ue_ach_weights w;
	ach_weights(m, &w);
	json_t *hyp = json_object_get(m, "hypotheses");
	json_t *ev = json_object_get(m, "evidence");
	size_t nh = json_array_size(hyp), ne = json_array_size(ev);
	int *rating = calloc(ne * nh + 1, sizeof *rating);
	double *sc = calloc(2 * nh + 1, sizeof *sc), *inf = sc + nh;
	size_t *order = calloc(nh + 1, sizeof *order);
	unsigned char *top = calloc(2 * nh + 1, 1), *itop = top + nh;
	struct ue_ach_unit *units = NULL;
	size_t nunits = 0, cap = 0;
	json_t *groups = json_object(), *rows = json_array();
	ue_status err = rating && sc && order && top ? UE_OK : UE_ENOMEM;
	size_t i;
	json_t *e;
	json_array_foreach(ev, i, e) {
		for (size_t h = 0; h < nh; h++) {
			const char *l = str(json_array_get(hyp, h), "label");
			int r = ue_ach_rating_parse(str(json_object_get(e, "ratings"), l));
			if (rating)
				rating[i * nh + h] = r < 0 ? UE_ACH_UNRATED : r;
		}
		if (!err)
			err = ach_units(s, e, i, &w, groups, rows, &units, &nunits, &cap);
	}
	double *scratch = NULL;
	if (!err && !(scratch = calloc(json_array_size(rows) * nh + 1,
	                               sizeof *scratch)))
		err = UE_ENOMEM;
	if (err)
		goto out;
	struct ue_ach_model model = {nh, ne, nunits, json_array_size(rows),
	                             rating, units};
	ue_ach_scores(&model, NULL, ne, sc, inf, scratch);
	/* Each row's contribution to each hypothesis: scratch as left by
	 * ue_ach_scores. */
	json_t *row;
	json_array_foreach(rows, i, row) {
		json_t *c = json_object();
		for (size_t h = 0; h < nh; h++)
			json_object_set_new(c, str(json_array_get(hyp, h), "label"),
			                    num(scratch[i * nh + h]));
		json_object_set_new(row, "contributions", c);
	}
	ue_ach_rank(sc, nh, order);
	for (size_t k = 0; k < nh; k++) {
		json_t *h = json_array_get(hyp, order[k]);
		json_object_set_new(h, "score", num(sc[order[k]]));
		json_object_set_new(h, "rank", json_integer((json_int_t)k + 1));
	}
	ue_ach_rank(inf, nh, order);
	for (size_t k = 0; k < nh; k++) {
		json_t *h = json_array_get(hyp, order[k]);
		json_object_set_new(h, "inflated_score", num(inf[order[k]]));
		json_object_set_new(h, "inflated_rank",
		                    json_integer((json_int_t)k + 1));
	}
	ue_ach_top(sc, nh, top);
	ue_ach_top(inf, nh, itop);
	json_array_foreach(ev, i, e)
		json_object_set_new(e, "diagnosticity",
		                    num(ue_ach_diagnosticity(&model, i)));
	double reports = 0;
	for (size_t u = 0; u < nunits; u++)
		reports += units[u].reports;
	json_object_set_new(m, "rows", json_incref(rows));
	json_object_set_new(m, "top", nh ? labels_of(hyp, top, nh) : json_array());
	json_object_set_new(m, "inflation", json_pack("{s:i,s:i,s:o,s:o,s:b}",
	        "rows", (json_int_t)json_array_size(rows),
	        "reports", (json_int_t)reports,
	        "ratio", num(json_array_size(rows) ?
	                     reports / (double)json_array_size(rows) : 0),
	        "top", labels_of(hyp, itop, nh),
	        "top_changes", nh && memcmp(top, itop, nh) != 0));
	struct sens_ctx sx = {json_array(), hyp, ev, nh};
	if (ue_ach_sensitivity(&model, on_change, &sx) < 0)
		err = UE_ENOMEM;
	json_object_set_new(m, "sensitivity", sx.out);
out:
	if (err == UE_ENOMEM)
		ue_store_set_error(s, "out of memory");
	json_decref(groups);
	json_decref(rows);
	free(scratch);
	free(units);
	free(rating);
	free(sc);
	free(order);
	free(top);
	return err;
}

/* ---- key assumptions ---- */

/* The matrix named name, with its view, from cache (loading it once);
 * NULL when there is none. */
static json_t *matrix_named(struct ue_store *s, json_t *cache,
                            const char *name)
{
	json_t *m = json_object_get(cache, name);
	if (m)
		return json_is_object(m) ? m : NULL;
	int64_t id = 0;
	json_t *arr = NULL;
	if (ue_store_wb_find(s, UE_WB_KIND_ACH, name, &id) == UE_OK &&
	    ue_store_wb_load(s, UE_WB_KIND_ACH, id, &arr) == UE_OK &&
	    json_array_size(arr) &&
	    ue_wb_ach_view(s, json_array_get(arr, 0)) == UE_OK)
		m = json_array_get(arr, 0);
	json_object_set(cache, name, m ? m : json_null());
	json_decref(arr);
	return m;
}

ue_status ue_wb_assumption_view(struct ue_store *s, json_t *a)
{
	json_t *cache = json_object();
	json_t *origins = json_object(), *blocs = json_object();
	size_t cap = 16, n = 0;
	const char **ov = malloc(cap * sizeof *ov), **bv = malloc(cap *
	                                                          sizeof *bv);
	json_t *keep = json_array();   /* owns the strings ov and bv point to */
	size_t i;
	json_t *x;
	ue_status err = ov && bv ? UE_OK : UE_ENOMEM;
	json_array_foreach(json_object_get(a, "support"), i, x) {
		json_t *src = x;   /* where the reports are */
		json_t *units = NULL;
		if (json_object_get(x, "matrix")) {
			json_t *m = matrix_named(s, cache, str(x, "matrix"));
			json_t *e = NULL;
			size_t k;
			json_t *y;
			json_array_foreach(json_object_get(m, "evidence"), k, y)
				if (strcmp(str(y, "label"), str(x, "evidence")) == 0)
					e = y;
			if (!e) {
				json_object_set_new(x, "missing", json_true());
				continue;
			}
			src = e;
			units = json_object_get(e, "units");
		}
		json_t *so = json_object();
		json_t *reports = json_object_get(src, "reports");
		size_t k;
		json_t *r;
		/* Reports of a claim, or the units of hand-typed evidence. */
		json_t *list = json_array_size(reports) ? reports : units;
		json_array_foreach(list, k, r) {
			const char *o = str(r, "origin");
			const char *b = str(r, "origin_bloc");
			if (!b)
				b = str(r, "bloc");
			if (!b)
				b = "unknown";
			if (!o)
				continue;
			if (n == cap) {
				cap *= 2;
				const char **p = realloc(ov, cap * sizeof *ov);
				if (p)
					ov = p;
				const char **q = realloc(bv, cap * sizeof *bv);
				if (q)
					bv = q;
				if (!p || !q) {
					err = UE_ENOMEM;
					break;
				}
			}
			json_t *os = json_string(o), *bs = json_string(b);
			json_array_append_new(keep, os);
			json_array_append_new(keep, bs);
			ov[n] = json_string_value(os);
			bv[n++] = json_string_value(bs);
			json_object_set_new(so, o, json_true());
			json_object_set_new(origins, o, json_integer(
			        json_integer_value(json_object_get(origins, o)) + 1));
			json_object_set_new(blocs, b, json_integer(
			        json_integer_value(json_object_get(blocs, b)) + 1));
		}
		json_t *ol = json_array();
		const char *key;
		json_t *v;
		json_object_foreach(so, key, v)
			json_array_append_new(ol, json_string(key));
		json_decref(so);
		json_object_set_new(x, "origins", ol);
	}
	if (!err) {
		size_t no, nb;
		unsigned f = ue_assumption_flags(ov, bv, n, &no, &nb);
		json_t *flags = json_array();
		if (f & UE_KAC_NO_SUPPORT)
			json_array_append_new(flags, json_string("no-support"));
		if (f & UE_KAC_ONE_ORIGIN)
			json_array_append_new(flags, json_string("one-origin"));
		if (f & UE_KAC_ONE_BLOC)
			json_array_append_new(flags, json_string("one-bloc"));
		json_object_set(a, "origins", origins);
		json_object_set(a, "blocs", blocs);
		json_object_set_new(a, "reports", json_integer((json_int_t)n));
		json_object_set_new(a, "flags", flags);
		json_object_set_new(a, "flagged", json_boolean(f != 0));
	} else {
		ue_store_set_error(s, "out of memory");
	}
	free(ov);
	free(bv);
	json_decref(keep);
	json_decref(origins);
	json_decref(blocs);
	json_decref(cache);
	return err;
}

/* ---- actor models ---- */

static json_t *ranking(json_t *opt, const double *u, const size_t *order,
                       size_t no)
{
	json_t *a = json_array();
	for (size_t k = 0; k < no; k++)
		json_array_append_new(a, json_pack("{s:O,s:o,s:i}", "option",
		        json_object_get(json_array_get(opt, order[k]), "label"),
		        "utility", num(u[order[k]]), "rank", (json_int_t)k + 1));
	return a;
}

static json_t *weights_obj(json_t *cri, const double *w, size_t nc)
{
	json_t *o = json_object();
	for (size_t c = 0; c < nc; c++)
		json_object_set_new(o, str(json_array_get(cri, c), "label"),
		                    num(w[c]));
	return o;
}

ue_status ue_wb_actor_view(json_t *a)
{
	json_t *opt = json_object_get(a, "options");
	json_t *cri = json_object_get(a, "criteria");
	json_t *sc = json_object_get(a, "scores");
	size_t no = json_array_size(opt), nc = json_array_size(cri);
	double *score = calloc(no * nc + 1, sizeof *score);
	double *raw = calloc(4 * nc + 1, sizeof *raw), *w = raw + nc,
	       *v = w + nc, *w2 = v + nc;
	double *u = calloc(2 * no + 1, sizeof *u), *ua = u + no;
	size_t *order = calloc(2 * no + 1, sizeof *order), *oa = order + no;
	size_t *rank = calloc(2 * no + 1, sizeof *rank), *ra = rank + no;
	if (!score || !raw || !u || !order || !rank) {
		free(score), free(raw), free(u), free(order), free(rank);
		return UE_ENOMEM;
	}
	for (size_t o = 0; o < no; o++)
		for (size_t c = 0; c < nc; c++) {
			json_t *x = json_object_get(json_object_get(sc,
			        str(json_array_get(opt, o), "label")),
			        str(json_array_get(cri, c), "label"));
			score[o * nc + c] = json_number_value(x);
		}
	struct ue_actor_model m = {no, nc, score};
	int analyst = 0;
	for (size_t c = 0; c < nc; c++) {
		json_t *x = json_array_get(cri, c);
		raw[c] = json_number_value(json_object_get(x, "weight"));
		analyst |= json_object_get(x, "analyst_weight") != NULL;
	}
	if (!no || ue_actor_normalise(raw, nc, w) < 0) {
		json_object_set_new(a, "ranking", json_null());
		json_object_set_new(a, "problem", json_string(no ?
		        "the actor's weights sum to 0: give a criterion a weight" :
		        "the model has no options"));
		goto out;
	}
	json_object_set_new(a, "weights", weights_obj(cri, w, nc));
	ue_actor_utilities(&m, w, u);
	ue_actor_rank(u, no, order);
	for (size_t k = 0; k < no; k++)
		rank[order[k]] = k + 1;
	json_object_set_new(a, "ranking", ranking(opt, u, order, no));
	size_t t = order[0];

	/* The smallest flips of the actor's top option. */
	json_t *one = json_array();
	struct ue_actor_flip1 *f1 = calloc(nc + 1, sizeof *f1);
	size_t *fo = calloc(nc + 1, sizeof *fo), nf = 0;
	for (size_t c = 0; f1 && fo && c < nc; c++) {
		ue_actor_flip_one(&m, w, c, &f1[c]);
		if (!f1[c].possible)
			continue;
		size_t j = nf++;
		while (j > 0 && fabs(f1[fo[j - 1]].delta) > fabs(f1[c].delta)) {
			fo[j] = fo[j - 1];
			j--;
		}
		fo[j] = c;
	}
	for (size_t k = 0; k < nf; k++) {
		size_t c = fo[k];
		json_array_append_new(one, json_pack("{s:O,s:o,s:o,s:o,s:o,s:O}",
		        "criterion", json_object_get(json_array_get(cri, c), "label"),
		        "weight", num(w[c]), "delta", num(f1[c].delta),
		        "new_weight", num(w[c] + f1[c].delta),
		        "share", num(f1[c].share),
		        "becomes", json_object_get(json_array_get(opt, f1[c].becomes),
		                                   "label")));
	}
	free(f1);
	free(fo);
	struct ue_actor_flipv fv;
	ue_actor_flip_vector(&m, w, w2, &fv);
	json_t *flip = json_pack("{s:O,s:o,s:o}", "top",
	        json_object_get(json_array_get(opt, t), "label"),
	        "one_weight", one, "vector", fv.possible ?
	        json_pack("{s:s,s:o,s:o,s:O,s:o}", "norm", "L1",
	                  "shift", num(fv.shift), "l1", num(2 * fv.shift),
	                  "becomes", json_object_get(json_array_get(opt,
	                          fv.becomes), "label"),
	                  "weights", weights_obj(cri, w2, nc)) : json_null());
	json_object_set_new(a, "flip", flip);

	/* The analyst's ranking and the mirror-image gap. */
	for (size_t c = 0; analyst && c < nc; c++)
		raw[c] = json_number_value(json_object_get(json_array_get(cri, c),
		                                           "analyst_weight"));
	if (!analyst || ue_actor_normalise(raw, nc, v) < 0) {
		if (analyst)
			json_object_set_new(a, "problem", json_string(
			        "the analyst's weights sum to 0"));
		goto out;
	}
	json_object_set_new(a, "analyst_weights", weights_obj(cri, v, nc));
	ue_actor_utilities(&m, v, ua);
	ue_actor_rank(ua, no, oa);
	for (size_t k = 0; k < no; k++)
		ra[oa[k]] = k + 1;
	json_object_set_new(a, "analyst_ranking", ranking(opt, ua, oa, no));
	json_t *gopt = json_array(), *gcri = json_array();
	size_t discordant = 0;
	for (size_t o = 0; o < no; o++) {
		json_array_append_new(gopt, json_pack("{s:O,s:i,s:i,s:i}", "option",
		        json_object_get(json_array_get(opt, o), "label"),
		        "actor_rank", (json_int_t)rank[o],
		        "analyst_rank", (json_int_t)ra[o],
		        "shift", (json_int_t)ra[o] - (json_int_t)rank[o]));
		for (size_t p = o + 1; p < no; p++)
			discordant += (rank[o] < rank[p]) != (ra[o] < ra[p]);
	}
	for (size_t c = 0; c < nc; c++)
		json_array_append_new(gcri, json_pack("{s:O,s:o,s:o,s:o}",
		        "criterion", json_object_get(json_array_get(cri, c), "label"),
		        "actor_weight", num(w[c]), "analyst_weight", num(v[c]),
		        "difference", num(v[c] - w[c])));
	json_object_set_new(a, "gap", json_pack("{s:O,s:O,s:b,s:i,s:o,s:o}",
	        "actor_top", json_object_get(json_array_get(opt, t), "label"),
	        "analyst_top", json_object_get(json_array_get(opt, oa[0]),
	                                       "label"),
	        "top_differs", t != oa[0],
	        "discordant_pairs", (json_int_t)discordant,
	        "options", gopt, "criteria", gcri));
out:
	free(score);
	free(raw);
	free(u);
	free(order);
	free(rank);
	return UE_OK;
}

/* ---- everything ---- */

ue_status ue_workbench_json(struct ue_store *s, json_t **out)
{
	static const char *const names[] = {"ach", "assumptions", "actors"};
	json_t *wb = json_object();
	ue_status err = UE_OK;
	*out = NULL;
	for (int k = 0; k < 3 && !err; k++) {
		json_t *items = NULL;
		err = ue_store_wb_load(s, (enum ue_wb_kind)k, 0, &items);
		size_t i;
		json_t *x;
		json_array_foreach(items, i, x) {
			if (err)
				break;
			err = k == 0 ? ue_wb_ach_view(s, x) :
			      k == 1 ? ue_wb_assumption_view(s, x) :
			      ue_wb_actor_view(x);
		}
		if (items)
			json_object_set_new(wb, names[k], items);
	}
	if (err) {
		json_decref(wb);
		return err;
	}
	*out = wb;
	return UE_OK;
}
