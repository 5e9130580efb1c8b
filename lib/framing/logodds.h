/*
 * logodds.h - the log-odds ratio with an informative Dirichlet prior
 * (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), for the words that
 * most distinguish one set of documents from another (SPEC §4.6).
 *
 * For word w, groups i and j with counts y (of w) and totals n (of all
 * words), and a prior alpha (the whole corpus's counts scaled to a total
 * alpha0, so alpha_w = alpha0 * corpus count of w / corpus total):
 *
 *   delta = ln((y_i + a_w) / (n_i + a0 - y_i - a_w))
 *         - ln((y_j + a_w) / (n_j + a0 - y_j - a_w))
 *   var   = 1 / (y_i + a_w) + 1 / (y_j + a_w)
 *   z     = delta / sqrt(var)
 *
 * Natural logarithms.  A positive z marks w as distinctive of group i.
 */
#ifndef UE_LOGODDS_H
#define UE_LOGODDS_H

struct ue_logodds {
	double delta, var, z;
};

/* The figures for one word; a_w > 0 and a0 > a_w are expected (a word
 * absent from the corpus has no prior and no figures: all zero). */
struct ue_logodds ue_logodds(double y_i, double n_i, double y_j, double n_j,
                             double a_w, double a0);

#endif
