/* actor.c - the arithmetic of actor models; see actor.h. */
#include "workbench/actor.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int ue_actor_normalise(const double *raw, size_t n, double *w)
{
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(raw[i]) || raw[i] < 0)
			return -1;
		sum += raw[i];
	}
	if (!(sum > 0))
		return -1;
	for (size_t i = 0; i < n; i++)
		w[i] = raw[i] / sum;
	return 0;
}

void ue_actor_utilities(const struct ue_actor_model *m, const double *w,
                        double *u)
{
	for (size_t o = 0; o < m->no; o++) {
		u[o] = 0;
		for (size_t c = 0; c < m->nc; c++)
			u[o] += w[c] * m->score[o * m->nc + c];
	}
}

void ue_actor_rank(const double *u, size_t no, size_t *order)
{
	for (size_t i = 0; i < no; i++) {
		size_t j = i;
		while (j > 0 && u[order[j - 1]] < u[i]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
}

/* The top option under w. */
static size_t top_option(const struct ue_actor_model *m, const double *w)
{
	size_t best = 0;
	double bu = -INFINITY;
	for (size_t o = 0; o < m->no; o++) {
		double u = 0;
		for (size_t c = 0; c < m->nc; c++)
			u += w[c] * m->score[o * m->nc + c];
		if (u > bu) {
			bu = u;
			best = o;
		}
	}
	return best;
}

static double utility(const struct ue_actor_model *m, const double *w,
                      size_t o)
{
	double u = 0;
	for (size_t c = 0; c < m->nc; c++)
		u += w[c] * m->score[o * m->nc + c];
	return u;
}

void ue_actor_flip_one(const struct ue_actor_model *m, const double *w,
                       size_t c, struct ue_actor_flip1 *out)
{
	memset(out, 0, sizeof *out);
	size_t t = top_option(m, w);
	double ut = utility(m, w, t);
	for (size_t k = 0; k < m->no; k++) {
		if (k == t)
			continue;
		/* U_k + delta s_kc >= U_t + delta s_tc: delta * diff >= gap. */
		double gap = ut - utility(m, w, k);
		double diff = m->score[k * m->nc + c] - m->score[t * m->nc + c];
		double delta;
		if (gap <= 0)
			delta = 0;
		else if (diff == 0)
			continue;
		else
			delta = gap / diff;
		if (delta < -w[c] || 1 + delta <= 1e-12)
			continue;
		if (!out->possible || fabs(delta) < fabs(out->delta)) {
			out->possible = 1;
			out->delta = delta;
			out->becomes = k;
		}
	}
	if (out->possible)
		out->share = (w[c] + out->delta) / (1 + out->delta);
}

/* Sorting criteria by d ascending, ties by index. */
struct by_d {
	double d;
	size_t c;
};

static int cmp_d(const void *a, const void *b)
{
	const struct by_d *x = a, *y = b;
	if (x->d != y->d)
		return x->d < y->d ? -1 : 1;
	return x->c < y->c ? -1 : x->c > y->c;
}

/* The least weight to move (into *moved, w' into wk) for k to draw level
 * with t; 0 when it cannot. */
static int level_with(const struct ue_actor_model *m, const double *w,
                      size_t t, size_t k, struct by_d *d, double *wk,
                      double *moved)
{
	size_t nc = m->nc, best = 0;
	double gain_needed = 0;
	for (size_t c = 0; c < nc; c++) {
		d[c].d = m->score[k * nc + c] - m->score[t * nc + c];
		d[c].c = c;
		gain_needed -= d[c].d * w[c];
		if (d[c].d > d[best].d)
			best = c;
	}
	memcpy(wk, w, nc * sizeof *wk);
	*moved = 0;
	if (gain_needed <= 0)
		return 1;
	double dmax = d[best].d;
	qsort(d, nc, sizeof *d, cmp_d);
	for (size_t i = 0; i < nc && gain_needed > 1e-15; i++) {
		size_t c = d[i].c;
		double per = dmax - d[i].d;
		if (c == best || per <= 0 || w[c] <= 0)
			continue;
		double take = w[c];
		if (take * per > gain_needed)
			take = gain_needed / per;
		wk[c] -= take;
		wk[best] += take;
		*moved += take;
		gain_needed -= take * per;
	}
	return gain_needed <= 1e-12;
}

void ue_actor_flip_vector(const struct ue_actor_model *m, const double *w,
                          double *w_new, struct ue_actor_flipv *out)
{
	memset(out, 0, sizeof *out);
	size_t nc = m->nc;
	struct by_d *d = malloc((nc + 1) * sizeof *d);
	double *wk = malloc((nc + 1) * sizeof *wk);
	if (!d || !wk) {
		free(d);
		free(wk);
		return;
	}
	size_t t = top_option(m, w);
	for (size_t k = 0; k < m->no; k++) {
		double moved;
		if (k == t || !level_with(m, w, t, k, d, wk, &moved))
			continue;
		if (!out->possible || moved < out->shift - 1e-15) {
			out->possible = 1;
			out->shift = moved;
			out->becomes = k;
			memcpy(w_new, wk, nc * sizeof *wk);
		}
	}
	free(d);
	free(wk);
}
