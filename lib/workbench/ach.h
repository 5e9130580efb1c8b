/*
 * ach.h - the arithmetic of Analysis of Competing Hypotheses (SPEC 5):
 * ratings, weights, the weighted inconsistency score with evidence
 * collapsed by origin, diagnosticity and sensitivity.  Pure functions
 * over arrays; nothing here touches the database.
 *
 * The model.  A matrix has nh hypotheses and ne evidence items; item e
 * rates hypothesis h with rating[e * nh + h].  Each item rests on one or
 * more origins: a unit is one (item, origin) pair with its weight
 * (credibility weight x relevance weight) and the number of reports of
 * that item from that origin (1 for an item typed by hand).  Units of the
 * same origin form a group: one row of the collapsed matrix.
 *
 *   inconsistency(r) = -1 for I, -2 for II, 0 otherwise
 *   collapsed score(h) = sum over groups g of
 *                        min over units u in g of w_u * inc(r_{e(u),h})
 *   inflated score(h)  = sum over units u of reports_u * w_u * inc(...)
 *
 * A group is as inconsistent with h as the most inconsistent of the
 * evidence resting on its origin: forty echoes of one briefing, or one
 * origin's many statements, weigh as one row, and adding an origin's
 * harmless statements never dilutes its inconsistent one.  The inflated
 * score counts every report as a row of its own.  Scores are <= 0; the
 * least inconsistent hypothesis (highest score) ranks first, ties broken
 * by index.
 */
#ifndef UE_ACH_H
#define UE_ACH_H

#include <stddef.h>

/* Ratings; UE_ACH_UNRATED is a cell nobody rated (counts as 0). */
enum ue_ach_rating {
	UE_ACH_UNRATED = 0,
	UE_ACH_CC,   /* very consistent */
	UE_ACH_C,    /* consistent */
	UE_ACH_N,    /* neutral */
	UE_ACH_I,    /* inconsistent */
	UE_ACH_II,   /* very inconsistent */
	UE_ACH_NA,   /* not applicable */
};

/* The rating named s ("CC", "C", "N", "I", "II", "NA", any case), or -1. */
int ue_ach_rating_parse(const char *s);
/* The name of rating r ("" for UE_ACH_UNRATED). */
const char *ue_ach_rating_name(int r);
/* -1 for I, -2 for II, 0 for any other rating. */
double ue_ach_inconsistency(int r);
/* The rating one step up (towards CC) or down (towards II) on the scale
 * II < I < N < C < CC; -1 past either end or for NA and unrated. */
int ue_ach_rating_step(int r, int up);

/* Weights: relevance low, medium, high [1/sqrt 2, 1, sqrt 2] and the
 * credibility of the Admiralty grades A..F [1, .8, .6, .4, .2, .5]. */
struct ue_ach_weights {
	double relevance[3];
	double credibility[6];
};
void ue_ach_weights_default(struct ue_ach_weights *w);
/* 0 low, 1 medium, 2 high, or -1; and the grade A..F as 0..5, or -1. */
int ue_ach_relevance_parse(const char *s);
int ue_ach_grade_parse(const char *s);

struct ue_ach_unit {
	size_t evidence;     /* its item */
	size_t group;        /* its origin's row, 0..ngroups-1 */
	double weight;       /* credibility x relevance */
	double reports;      /* reports of the item from this origin */
};

struct ue_ach_model {
	size_t nh, ne, nunits, ngroups;
	const int *rating;                 /* ne * nh */
	const struct ue_ach_unit *unit;
};

/*
 * Scores of every hypothesis into collapsed[nh] and inflated[nh] (either
 * may be NULL).  rating overrides m->rating when not NULL; the item
 * `skip` (ne or more: none) is left out.  scratch holds ngroups * nh
 * doubles and gets overwritten.
 */
void ue_ach_scores(const struct ue_ach_model *m, const int *rating,
                   size_t skip, double *collapsed, double *inflated,
                   double *scratch);

/* Orders the nh hypotheses by score, highest first, ties by index. */
void ue_ach_rank(const double *score, size_t nh, size_t *order);

/* The hypotheses whose score is within 1e-9 of the highest: top[h] = 1
 * for those, 0 for the others.  Returns how many. */
size_t ue_ach_top(const double *score, size_t nh, unsigned char *top);

/*
 * Diagnosticity of item e: the range (highest minus lowest) of the values
 * CC 2, C 1, N 0, I -1, II -2 of its ratings across the hypotheses,
 * leaving out NA and unrated cells; 0 with fewer than two rated cells.
 * From 0 (the same rating everywhere: no help in choosing) to 4.
 */
double ue_ach_diagnosticity(const struct ue_ach_model *m, size_t e);

/* One change that alters which hypotheses rank first. */
struct ue_ach_change {
	size_t evidence;
	size_t hypothesis;   /* nh for a removal */
	int from, to;        /* ratings; 0 for a removal */
	unsigned char *top;  /* nh flags: the top after the change (owned by
	                      * the caller of ue_ach_sensitivity) */
};

/*
 * Sensitivity: for each item, whether leaving it out, or moving one of its
 * ratings one step up or down (ue_ach_rating_step), changes the set of
 * hypotheses that rank first on the collapsed scores.  Calls fn for each
 * such change in item, then hypothesis, then down-before-up order; fn
 * returns non-zero to stop.  Returns -1 when out of memory, else 0.
 */
int ue_ach_sensitivity(const struct ue_ach_model *m,
                       int (*fn)(void *ctx, const struct ue_ach_change *c),
                       void *ctx);

#endif
