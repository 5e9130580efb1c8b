/*
 * actor.h - the arithmetic of actor models (red-hat analysis, SPEC 5):
 * options scored on criteria, ranked under a weight vector, and the
 * smallest change to the weights that flips the top option.  Pure
 * functions over arrays.
 *
 * Weights are non-negative and normalised to sum to 1; an option's
 * utility is the weighted sum of its scores, U_o = sum_c w_c s_oc.  The
 * highest utility ranks first, ties broken by index.  A flip is the point
 * at which another option draws level with the top one: any further
 * change in the same direction puts it ahead.
 */
#ifndef UE_ACTOR_H
#define UE_ACTOR_H

#include <stddef.h>

struct ue_actor_model {
	size_t no, nc;          /* options, criteria */
	const double *score;    /* no * nc: score[o * nc + c] */
};

/* w[i] = raw[i] / sum(raw).  Returns -1 (w untouched) when a weight is
 * negative or not finite, or they sum to 0; else 0. */
int ue_actor_normalise(const double *raw, size_t n, double *w);

/* u[o] = sum_c w[c] * score[o][c] for every option. */
void ue_actor_utilities(const struct ue_actor_model *m, const double *w,
                        double *u);

/* order[0..no) = the options by utility, highest first, ties by index. */
void ue_actor_rank(const double *u, size_t no, size_t *order);

/*
 * One weight alone.  Criterion c's weight w_c (of a normalised w) becomes
 * w_c + delta, the others staying as they are, and the vector is then
 * renormalised; the option `becomes` draws level with the top one.  Among
 * every competitor, the delta of smallest size (the first to draw level
 * as w_c moves up or down) is chosen; share is the criterion's normalised
 * weight afterwards, (w_c + delta) / (1 + delta).  A weight may fall to 0
 * but not below, and not every weight may become 0.
 */
struct ue_actor_flip1 {
	int possible;           /* 0: no value of w_c flips the top */
	double delta, share;
	size_t becomes;
};
void ue_actor_flip_one(const struct ue_actor_model *m, const double *w,
                       size_t c, struct ue_actor_flip1 *out);

/*
 * The whole vector, in the L1 norm: the normalised vector w' nearest to w
 * in sum |w'_c - w_c| with some other option level with the top one.
 * shift = half that distance: the share of the total weight moved from
 * some criteria to others.  Exact: for competitor k with d = s_k - s_top
 * and gap g = -d.w, weight moved from criterion i to criterion j gains
 * d_j - d_i per unit, so the best is to move it to the j of highest d_j
 * from the criteria of lowest d_i first (a fractional knapsack: for any
 * change moving m in all, the gain is at most m * max d - (the least d.N
 * over N <= w, sum N = m), which this greedy order attains); the smallest
 * m whose gain reaches g is the answer for k, and the flip is the k of
 * smallest m.  w_new receives w' (nc values).
 */
struct ue_actor_flipv {
	int possible;
	double shift;           /* = L1 distance / 2 */
	size_t becomes;
};
void ue_actor_flip_vector(const struct ue_actor_model *m, const double *w,
                          double *w_new, struct ue_actor_flipv *out);

#endif
