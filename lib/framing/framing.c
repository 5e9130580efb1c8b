/* framing.c - distinctive words of groups of documents; see framing.h. */
#include "framing/framing.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/buf.h"
#include "common/json.h"
#include "common/u64map.h"
#include "framing/logodds.h"
#include "story/termvec.h"

enum field { BY_BLOC, BY_OUTLET, BY_COUNTRY };

/* A filter FIELD=VALUE. */
struct filter {
	enum field field;
	const char *value;
};

struct word {
	double corpus;          /* count over the whole corpus */
	uint32_t text;          /* offset of its surface form in words */
};

/* A group: its story (an index into state.stories; 0 with one story or
 * none), its name, total count, and the words it has. */
struct group {
	uint32_t story;
	char *name;
	double total;
	uint32_t *word;
	size_t nword, alloc;
};

struct state {
	const ue_framing_options *o;
	enum field by;
	struct filter a, b;
	int two_sets;
	struct ue_u64map word_of;   /* term hash -> index into w */
	struct word *w;
	size_t nw, w_alloc;
	struct ue_buf words;
	double corpus_total;
	struct group *group;
	size_t ngroup, group_alloc;
	struct ue_u64map count;     /* group << 32 | word -> count (as bits) */
	/* Several stories at once: their ids, and id -> index + 1. */
	const int64_t *stories;
	size_t nstories;
	struct ue_u64map story_at;
	/* story index << 32 | word -> count over the story's groups */
	struct ue_u64map grouped;
	struct ue_termvec tv;
	ue_status error;
};

static int parse_field(const char *s, size_t n, enum field *f)
{
	if (n == 4 && !strncmp(s, "bloc", 4))
		*f = BY_BLOC;
	else if (n == 6 && !strncmp(s, "outlet", 6))
		*f = BY_OUTLET;
	else if (n == 7 && !strncmp(s, "country", 7))
		*f = BY_COUNTRY;
	else
		return 0;
	return 1;
}

static int parse_filter(const char *s, struct filter *f)
{
	const char *eq = s ? strchr(s, '=') : NULL;
	if (!eq || !eq[1] || !parse_field(s, (size_t)(eq - s), &f->field))
		return 0;
	f->value = eq + 1;
	return 1;
}

static const char *field_of(const struct ue_framing_input *in, enum field f)
{
	return f == BY_BLOC ? in->bloc : f == BY_OUTLET ? in->outlet :
	       in->country;
}

static int matches(const struct ue_framing_input *in, const struct filter *f)
{
	return strcasecmp(field_of(in, f->field), f->value) == 0;
}

/* The index of a group by story and name, added if new. */
static ue_status group_of(struct state *st, uint32_t story, const char *name,
                          uint32_t *out)
{
	for (size_t i = 0; i < st->ngroup; i++)
		if (st->group[i].story == story &&
		    strcmp(st->group[i].name, name) == 0)
			return *out = (uint32_t)i, UE_OK;
	if (st->ngroup == st->group_alloc) {
		size_t na = st->group_alloc ? st->group_alloc * 2 : 16;
		struct group *g = realloc(st->group, na * sizeof *g);
		if (!g)
			return UE_ENOMEM;
		st->group = g;
		st->group_alloc = na;
	}
	struct group *g = &st->group[st->ngroup];
	memset(g, 0, sizeof *g);
	g->story = story;
	if (!(g->name = strdup(name)))
		return UE_ENOMEM;
	*out = (uint32_t)st->ngroup++;
	return UE_OK;
}

static ue_status word_index(struct state *st, size_t t, uint32_t *out)
{
	uint64_t *v;
	int added;
	ue_status e = ue_u64map_slot(&st->word_of, st->tv.term[t].hash, &v,
	                             &added);
	if (e)
		return e;
	if (added) {
		if (st->nw == st->w_alloc) {
			size_t na = st->w_alloc ? st->w_alloc * 2 : 4096;
			struct word *p = realloc(st->w, na * sizeof *p);
			if (!p)
				return UE_ENOMEM;
			st->w = p;
			st->w_alloc = na;
		}
		const char *word = ue_term_word(&st->tv, t);
		st->w[st->nw] = (struct word){0, (uint32_t)st->words.len};
		if ((e = ue_buf_append(&st->words, word, strlen(word) + 1)))
			return e;
		*v = st->nw++;
	}
	*out = (uint32_t)*v;
	return UE_OK;
}

/* Adds c to the count of key in map (counts are doubles kept as bits). */
static ue_status add_to(struct ue_u64map *map, uint64_t key, double c,
                        int *added)
{
	uint64_t *v;
	ue_status e = ue_u64map_slot(map, key, &v, added);
	if (e)
		return e;
	double x;
	memcpy(&x, v, sizeof x);
	x += c;
	memcpy(v, &x, sizeof x);
	return UE_OK;
}

static double get_from(const struct ue_u64map *map, uint64_t key)
{
	const uint64_t *v = ue_u64map_get(map, key);
	double x = 0;
	if (v)
		memcpy(&x, v, sizeof x);
	return x;
}

static ue_status add_count(struct state *st, uint32_t g, uint32_t w,
                           double c)
{
	int added;
	ue_status e = add_to(&st->count, (uint64_t)g << 32 | w, c, &added);
	if (e)
		return e;
	struct group *gr = &st->group[g];
	gr->total += c;
	if (added) {
		if (gr->nword == gr->alloc) {
			size_t na = gr->alloc ? gr->alloc * 2 : 256;
			uint32_t *p = realloc(gr->word, na * sizeof *p);
			if (!p)
				return UE_ENOMEM;
			gr->word = p;
			gr->alloc = na;
		}
		gr->word[gr->nword++] = w;
	}
	return UE_OK;
}

static double count_of(const struct state *st, uint32_t g, uint32_t w)
{
	return get_from(&st->count, (uint64_t)g << 32 | w);
}

/* The groups a document belongs to (at most two), and their story. */
static ue_status groups_of(struct state *st, const struct ue_framing_input *in,
                           uint32_t *g, size_t *n, uint32_t *story)
{
	*n = 0;
	*story = 0;
	if (st->nstories) {
		const uint64_t *at = ue_u64map_get(&st->story_at,
		                                   (uint64_t)in->story);
		if (!at)
			return UE_OK;
		*story = (uint32_t)(*at - 1);
	} else if (st->o->story && in->story != st->o->story) {
		return UE_OK;
	}
	ue_status e = UE_OK;
	if (st->two_sets) {
		if (matches(in, &st->a))
			g[(*n)++] = 0;
		if (matches(in, &st->b))
			g[(*n)++] = 1;
		return UE_OK;
	}
	const char *name = field_of(in, st->by);
	if (*name)
		e = group_of(st, *story, name, &g[(*n)++]);
	return e;
}

static int collect(void *ctx, const struct ue_framing_input *in)
{
	struct state *st = ctx;
	ue_status e = ue_termvec_unpack(&st->tv, in->terms, in->terms_len);
	if (e == UE_EFORMAT)
		return 0;            /* a damaged vector: the document is left out */
	uint32_t g[2], story;
	size_t ng = 0;
	if (!e)
		e = groups_of(st, in, g, &ng, &story);
	for (size_t t = 0; !e && t < st->tv.n; t++) {
		uint32_t w;
		double c = st->tv.term[t].count;
		if (!(e = word_index(st, t, &w))) {
			st->w[w].corpus += c;
			st->corpus_total += c;
		}
		for (size_t k = 0; !e && k < ng; k++)
			e = add_count(st, g[k], w, c);
		if (!e && ng)
			e = add_to(&st->grouped, (uint64_t)story << 32 | w, c,
			           NULL);
	}
	if (e) {
		st->error = e;
		return 1;
	}
	return 0;
}

struct scored {
	uint32_t w;
	double yi, yj;
	struct ue_logodds lo;
};

static int by_z(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	if (x->lo.z != y->lo.z)
		return x->lo.z > y->lo.z ? -1 : 1;
	return x->w < y->w ? -1 : x->w > y->w;
}

static double round3(double x)
{
	return round(x * 1000) / 1000;
}

/* Scores the words of group i against group j (j < 0: every other
 * group), and emits the top ones (sign -1: those most distinctive of j,
 * scanning j's words). */
static ue_status emit_group(struct state *st, uint32_t i, int j, int sign,
                            const char *name, struct scored *sc,
                            ue_row_fn fn, void *ctx)
{
	uint32_t story = st->group[i].story;
	double all = 0;
	for (size_t g = 0; g < st->ngroup; g++)
		if (st->group[g].story == story)
			all += st->group[g].total;
	double ni = st->group[i].total;
	double nj = j >= 0 ? st->group[j].total : all - ni;
	double a0 = st->o->alpha0 > 0 ? st->o->alpha0 : 1000;
	unsigned min = st->o->min_count ? st->o->min_count : 3;
	const struct group *scan = sign > 0 ? &st->group[i] : &st->group[j];
	size_t n = 0;
	for (size_t k = 0; k < scan->nword; k++) {
		uint32_t w = scan->word[k];
		double yi = count_of(st, i, w);
		double yj = j >= 0 ? count_of(st, (uint32_t)j, w) :
		            get_from(&st->grouped, (uint64_t)story << 32 | w) - yi;
		if (yi + yj < min)
			continue;
		double aw = a0 * st->w[w].corpus / st->corpus_total;
		struct ue_logodds lo = ue_logodds(yi, ni, yj, nj, aw, a0);
		lo.delta *= sign;
		lo.z *= sign;
		if (lo.z > 0)
			sc[n++] = (struct scored){w, sign > 0 ? yi : yj,
			                          sign > 0 ? yj : yi, lo};
	}
	qsort(sc, n, sizeof *sc, by_z);
	unsigned top = st->o->top ? st->o->top : 15;
	ue_status e = UE_OK;
	for (size_t k = 0; !e && k < n && k < top; k++) {
		json_t *o = json_object();
		if (st->nstories)
			json_object_set_new(o, "story",
			                    json_integer(st->stories[story]));
		json_object_set_new(o, "group", json_string(name));
		json_object_set_new(o, "term", json_string(st->words.data +
		                                           st->w[sc[k].w].text));
		json_object_set_new(o, "z", json_real(round3(sc[k].lo.z)));
		json_object_set_new(o, "delta", json_real(round3(sc[k].lo.delta)));
		json_object_set_new(o, "count", json_integer((json_int_t)sc[k].yi));
		json_object_set_new(o, "other_count",
		                    json_integer((json_int_t)sc[k].yj));
		e = ue_json_emit(o, fn, ctx);
	}
	return e;
}

static int by_story_name(const void *a, const void *b)
{
	const struct group *const *x = a, *const *y = b;
	if ((*x)->story != (*y)->story)
		return (*x)->story < (*y)->story ? -1 : 1;
	return strcmp((*x)->name, (*y)->name);
}

static ue_status emit_all(struct state *st, ue_row_fn fn, void *ctx)
{
	struct scored *sc = malloc((st->nw + 1) * sizeof *sc);
	if (!sc)
		return UE_ENOMEM;
	ue_status e = UE_OK;
	if (st->two_sets) {
		e = emit_group(st, 0, 1, 1, st->o->a, sc, fn, ctx);
		if (!e)
			e = emit_group(st, 0, 1, -1, st->o->b, sc, fn, ctx);
	} else {
		/* By story, then in name order. */
		const struct group **order = malloc((st->ngroup + 1) *
		                                    sizeof *order);
		if (!order)
			e = UE_ENOMEM;
		for (size_t g = 0; !e && g < st->ngroup; g++)
			order[g] = &st->group[g];
		if (!e)
			qsort(order, st->ngroup, sizeof *order, by_story_name);
		for (size_t k = 0; !e && k < st->ngroup; k++)
			e = emit_group(st, (uint32_t)(order[k] - st->group), -1, 1,
			               order[k]->name, sc, fn, ctx);
		free(order);
	}
	free(sc);
	return e;
}

/* Reads the corpus once and emits what st asks for. */
static ue_status run(struct ue_store *s, struct state *st, ue_row_fn fn,
                     void *ctx)
{
	const ue_framing_options *o = st->o;
	ue_termvec_init(&st->tv);
	ue_buf_init(&st->words, 0);
	uint32_t g;
	ue_status e = UE_OK;
	if (st->two_sets && !(e = group_of(st, 0, o->a, &g)))
		e = group_of(st, 0, o->b, &g);
	for (size_t k = 0; !e && k < st->nstories; k++) {
		uint64_t *v;
		if (!(e = ue_u64map_slot(&st->story_at, (uint64_t)st->stories[k],
		                         &v, NULL)))
			*v = k + 1;
	}
	if (!e) {
		e = ue_store_framing_inputs(s, collect, st);
		if (e == UE_ECANCELLED && st->error)
			e = st->error;
	}
	if (!e && st->corpus_total > 0)
		e = emit_all(st, fn, ctx);
	for (size_t i = 0; i < st->ngroup; i++) {
		free(st->group[i].name);
		free(st->group[i].word);
	}
	free(st->group);
	free(st->w);
	ue_buf_release(&st->words);
	ue_u64map_release(&st->word_of);
	ue_u64map_release(&st->count);
	ue_u64map_release(&st->story_at);
	ue_u64map_release(&st->grouped);
	ue_termvec_release(&st->tv);
	return e;
}

ue_status ue_framing_run(struct ue_store *s, const ue_framing_options *o,
                         ue_row_fn fn, void *ctx)
{
	struct state st = {.o = o};
	const char *by = o->by ? o->by : "bloc";
	if (!parse_field(by, strlen(by), &st.by)) {
		ue_store_set_error(s, "--by must be bloc, outlet or country, "
		                   "not '%s'", by);
		return UE_EINVAL;
	}
	if ((o->a != NULL) != (o->b != NULL)) {
		ue_store_set_error(s, "give both --a and --b, or neither");
		return UE_EINVAL;
	}
	if (o->a) {
		if (!parse_filter(o->a, &st.a) || !parse_filter(o->b, &st.b)) {
			ue_store_set_error(s, "a filter is FIELD=VALUE with FIELD "
			                   "bloc, outlet or country: '%s'",
			                   parse_filter(o->a, &st.a) ? o->b : o->a);
			return UE_EINVAL;
		}
		if (strcmp(o->a, o->b) == 0) {
			ue_store_set_error(s, "--a and --b are the same set");
			return UE_EINVAL;
		}
		st.two_sets = 1;
	}
	return run(s, &st, fn, ctx);
}

ue_status ue_framing_stories(struct ue_store *s, const int64_t *stories,
                             size_t n, unsigned top, ue_row_fn fn, void *ctx)
{
	ue_framing_options o = {.top = top};
	struct state st = {.o = &o, .by = BY_BLOC, .stories = stories,
	                   .nstories = n};
	return n ? run(s, &st, fn, ctx) : UE_OK;
}
