/* api_wb.c - the workbench's part of the JSON API; see api_wb.h. */
#include "api_wb.h"

#include <jansson.h>
#include <string.h>

#include "api.h"
#include "http.h"

/* ---- reading ---- */

typedef ue_status (*lister)(ue_corpus *, ue_row_fn, void *);
typedef ue_status (*shower)(ue_corpus *, const char *, ue_row_fn, void *);

/* Replies {"name": [rows of fn]}. */
static void list_reply(ue_corpus *c, struct reply *rp, const char *name,
                       lister fn)
{
	struct collect k = {.b = &rp->body};
	ue_status st = ue_buf_printf(&rp->body, "{\"%s\":[", name);
	if (!st)
		st = collected(fn(c, collect_row, &k), &k);
	if (!st)
		st = ue_buf_puts(&rp->body, "]}");
	if (st)
		route_fail(rp, c, st);
}

/* Appends the one object fn shows for the item called name; UE_ENOTFOUND
 * when there is none. */
static ue_status show_item(ue_corpus *c, struct reply *rp, shower fn,
                           const char *name)
{
	struct collect k = {.b = &rp->body, .max = 1};
	ue_status st = collected(fn(c, name, collect_row, &k), &k);
	return !st && k.n == 0 ? UE_ENOTFOUND : st;
}

static void show_reply(ue_corpus *c, struct reply *rp, shower fn,
                       const char *name)
{
	ue_status st = show_item(c, rp, fn, name);
	if (st)
		route_fail(rp, c, st);
}

void api_workbench(struct server *srv, ue_corpus *c,
                   const struct request *rq, struct reply *rp)
{
	(void)srv;
	(void)rq;
	struct collect k = {.b = &rp->body, .max = 1};
	ue_status st = collected(ue_workbench(c, collect_row, &k), &k);
	if (st)
		route_fail(rp, c, st);
}

void api_ach_list(struct server *srv, ue_corpus *c,
                  const struct request *rq, struct reply *rp)
{
	(void)srv;
	(void)rq;
	list_reply(c, rp, "matrices", ue_ach_list);
}

void api_ach(struct server *srv, ue_corpus *c, const struct request *rq,
             struct reply *rp)
{
	(void)srv;
	show_reply(c, rp, ue_ach_show, rq->arg);
}

/* Every assumption: ue_assumptions as a lister. */
static ue_status all_assumptions(ue_corpus *c, ue_row_fn fn, void *ctx)
{
	return ue_assumptions(c, NULL, fn, ctx);
}

void api_assumptions(struct server *srv, ue_corpus *c,
                     const struct request *rq, struct reply *rp)
{
	(void)srv;
	(void)rq;
	list_reply(c, rp, "assumptions", all_assumptions);
}

void api_actor_list(struct server *srv, ue_corpus *c,
                    const struct request *rq, struct reply *rp)
{
	(void)srv;
	(void)rq;
	list_reply(c, rp, "actors", ue_actor_list);
}

void api_actor(struct server *srv, ue_corpus *c, const struct request *rq,
               struct reply *rp)
{
	(void)srv;
	show_reply(c, rp, ue_actor_show, rq->arg);
}

/* ---- rating a cell ---- */

struct rating {
	const char *evidence, *hypothesis, *rating;
};

/* A non-empty string field of o, or NULL. */
static const char *label_field(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s && *s ? s : NULL;
}

/* Reads the body into r (pointing into *root, to json_decref()); NULL,
 * or the fixed message of a 400. */
static const char *parse_rating(const struct request *rq, struct rating *r,
                                json_t **root)
{
	static const char shape[] = "the body must be a JSON object "
	        "{evidence, hypothesis, rating}";
	json_t *o = *root = json_loadb(rq->body, rq->body_len,
	                               JSON_REJECT_DUPLICATES, NULL);
	if (!json_is_object(o))
		return shape;
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v)
		if (strcmp(key, "evidence") && strcmp(key, "hypothesis") &&
		    strcmp(key, "rating"))
			return shape;
	r->evidence = label_field(o, "evidence");
	r->hypothesis = label_field(o, "hypothesis");
	if (!r->evidence || !r->hypothesis)
		return "evidence and hypothesis must be labels such as E1 and H2";
	json_t *rating = json_object_get(o, "rating");
	if (!json_is_string(rating) && !json_is_null(rating))
		return "a rating is CC, C, N, I, II, NA, or empty to clear it";
	r->rating = json_string_value(rating);   /* NULL clears too */
	if (strcmp(r->hypothesis, "*") == 0)
		r->hypothesis = NULL;                /* every hypothesis */
	return NULL;
}

/* Whether labels (an array of objects with "label") has label. */
static int has_label(json_t *items, const char *label)
{
	size_t i;
	json_t *x;
	json_array_foreach(items, i, x)
		if (json_is_string(json_object_get(x, "label")) &&
		    strcmp(json_string_value(json_object_get(x, "label")),
		           label) == 0)
			return 1;
	return 0;
}

/* After the rating found nothing: says whether the matrix, the evidence
 * item or the hypothesis is missing. */
static void rate_not_found(ue_corpus *c, const char *matrix,
                           const struct rating *r, struct reply *rp)
{
	ue_status st = show_item(c, rp, ue_ach_show, matrix);
	json_t *m = st ? NULL : json_loadb(rp->body.data, rp->body.len, 0, NULL);
	if (st == UE_ENOTFOUND)
		reply_error(rp, 404, "no such matrix");
	else if (!m)
		route_fail(rp, c, st ? st : UE_ENOMEM);
	else if (!has_label(json_object_get(m, "evidence"), r->evidence))
		reply_error(rp, 400, "no such evidence item in this matrix");
	else
		reply_error(rp, 400, "no such hypothesis in this matrix");
	json_decref(m);
}

void api_ach_rate(struct server *srv, ue_corpus *c,
                  const struct request *rq, struct reply *rp)
{
	(void)srv;
	struct rating r = {0};
	json_t *root = NULL;
	const char *bad = parse_rating(rq, &r, &root);
	ue_status st = bad ? UE_OK : ue_ach_rate(c, rq->arg, r.evidence,
	                                         r.hypothesis, r.rating);
	if (bad)
		reply_error(rp, 400, bad);
	else if (st == UE_ENOTFOUND)
		rate_not_found(c, rq->arg, &r, rp);
	else if (st == UE_EINVAL)
		reply_error(rp, 400, "a rating is CC, C, N, I, II, NA, or empty "
		            "to clear it");
	else if (st || (st = show_item(c, rp, ue_ach_show, rq->arg)))
		route_fail(rp, c, st);
	json_decref(root);
}
