/* dissent.c - documents ranked by dissent; see dissent.h. */
#include "stance/dissent.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/json.h"
#include "stance/stance.h"

struct row {
	int64_t story;
	double score;
	json_t *obj;
};

struct state {
	struct ue_stance *st;
	struct row *r;
	size_t n, alloc;
	ue_status error;
};

/* What each divergence adds to the stance part of the score. */
#define W_DENIES 0.1
#define W_FIGURE 0.1
#define W_ORIGINS 0.1
#define W_UNRELATED 0.05

static double round3(double x)
{
	return round(x * 1000) / 1000;
}

static int one(void *ctx, const struct ue_dissent_input *in)
{
	struct state *s = ctx;
	struct ue_stance_result res;
	ue_status e = ue_stance_classify(s->st, in->claim, in->claim_len,
	                                 in->text, in->len, in->language, &res);
	if (e == UE_ELIMIT)
		return 0;               /* a huge document is left out */
	if (!e && s->n == s->alloc) {
		size_t na = s->alloc ? s->alloc * 2 : 256;
		struct row *p = realloc(s->r, na * sizeof *p);
		if (!p)
			e = UE_ENOMEM;
		else {
			s->r = p;
			s->alloc = na;
		}
	}
	if (e) {
		s->error = e;
		return 1;
	}
	double dis = res.score[UE_STANCE_DISAGREE];
	double agree = res.score[UE_STANCE_AGREE];
	double unrelated = res.score[UE_STANCE_UNRELATED];
	double score = dis - agree / 2 + W_DENIES * in->denies +
	               W_FIGURE * in->other_figure +
	               W_ORIGINS * in->other_origins + W_UNRELATED * unrelated;
	json_t *o = json_object(), *why = json_array();
	if (res.label == UE_STANCE_DISAGREE)
		json_array_append_new(why, json_string("disagrees"));
	if (in->denies)
		json_array_append_new(why, json_string("reports a denial"));
	if (in->other_figure)
		json_array_append_new(why, json_string("another figure"));
	if (in->other_origins >= 0.5)
		json_array_append_new(why, json_string("other origins"));
	if (res.label == UE_STANCE_UNRELATED)
		json_array_append_new(why, json_string("little overlap"));
	json_object_set_new(o, "story", json_integer(in->story));
	json_object_set_new(o, "doc", json_string(in->doc));
	json_object_set_new(o, "outlet", json_string(in->outlet));
	json_object_set_new(o, "bloc", json_string(in->bloc));
	json_object_set_new(o, "stance",
	                    json_string(ue_stance_label_name(res.label)));
	json_object_set_new(o, "score", json_real(round3(score)));
	json_object_set_new(o, "disagree", json_real(round3(dis)));
	json_object_set_new(o, "agree", json_real(round3(agree)));
	json_object_set_new(o, "unrelated", json_real(round3(unrelated)));
	json_object_set_new(o, "denies", json_boolean(in->denies));
	json_object_set_new(o, "other_figure", json_boolean(in->other_figure));
	json_object_set_new(o, "other_origins",
	                    json_real(round3(in->other_origins)));
	json_object_set_new(o, "reasons", why);
	json_object_set_new(o, "passage_start", json_integer(res.passage_start));
	json_object_set_new(o, "passage_end", json_integer(res.passage_end));
	json_object_set_new(o, "passage", json_stringn(in->text +
	        res.passage_start, res.passage_end - res.passage_start));
	s->r[s->n++] = (struct row){in->story, score, o};
	return 0;
}

static int by_story_score(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->story != y->story)
		return x->story < y->story ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(json_string_value(json_object_get(x->obj, "doc")),
	              json_string_value(json_object_get(y->obj, "doc")));
}

ue_status ue_dissent_run(struct ue_store *s, int64_t story, ue_row_fn fn,
                         void *ctx)
{
	struct state st = {0};
	ue_status e = ue_stance_new(&st.st);
	if (!e) {
		e = ue_store_dissent_inputs(s, story, one, &st);
		if (e == UE_ECANCELLED && st.error)
			e = st.error;
	}
	if (!e && st.n > 1)
		qsort(st.r, st.n, sizeof *st.r, by_story_score);
	size_t i = 0;
	for (; !e && i < st.n; i++)
		e = ue_json_emit(st.r[i].obj, fn, ctx);   /* releases it */
	for (; i < st.n; i++)
		json_decref(st.r[i].obj);
	free(st.r);
	ue_stance_free(st.st);
	return e;
}
