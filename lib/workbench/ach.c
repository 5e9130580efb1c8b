/* ach.c - the arithmetic of ACH; see ach.h. */
#include "workbench/ach.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const rating_names[] = {"", "CC", "C", "N", "I", "II",
                                           "NA"};

int ue_ach_rating_parse(const char *s)
{
	for (int r = UE_ACH_CC; s && r <= UE_ACH_NA; r++)
		if (strcasecmp(s, rating_names[r]) == 0)
			return r;
	return -1;
}

const char *ue_ach_rating_name(int r)
{
	return r >= 0 && r <= UE_ACH_NA ? rating_names[r] : "";
}

double ue_ach_inconsistency(int r)
{
	return r == UE_ACH_I ? -1 : r == UE_ACH_II ? -2 : 0;
}

int ue_ach_rating_step(int r, int up)
{
	if (r < UE_ACH_CC || r > UE_ACH_II)
		return -1;
	/* CC..II are 1..5, so up (towards CC) is one less. */
	int to = up ? r - 1 : r + 1;
	return to >= UE_ACH_CC && to <= UE_ACH_II ? to : -1;
}

void ue_ach_weights_default(struct ue_ach_weights *w)
{
	static const struct ue_ach_weights def = {
		{M_SQRT1_2, 1, M_SQRT2},
		{1, 0.8, 0.6, 0.4, 0.2, 0.5},
	};
	*w = def;
}

int ue_ach_relevance_parse(const char *s)
{
	static const char *const names[] = {"low", "medium", "high"};
	for (int i = 0; s && i < 3; i++)
		if (strcasecmp(s, names[i]) == 0)
			return i;
	return -1;
}

int ue_ach_grade_parse(const char *s)
{
	if (!s || !s[0] || s[1])
		return -1;
	int c = s[0] & ~0x20;   /* upper case */
	return c >= 'A' && c <= 'F' ? c - 'A' : -1;
}

void ue_ach_scores(const struct ue_ach_model *m, const int *rating,
                   size_t skip, double *collapsed, double *inflated,
                   double *scratch)
{
	size_t nh = m->nh;
	if (!rating)
		rating = m->rating;
	for (size_t i = 0; i < m->ngroups * nh; i++)
		scratch[i] = 0;
	for (size_t h = 0; h < nh; h++) {
		if (collapsed)
			collapsed[h] = 0;
		if (inflated)
			inflated[h] = 0;
	}
	for (size_t i = 0; i < m->nunits; i++) {
		const struct ue_ach_unit *u = &m->unit[i];
		if (u->evidence == skip)
			continue;
		for (size_t h = 0; h < nh; h++) {
			double v = u->weight *
			           ue_ach_inconsistency(rating[u->evidence * nh + h]);
			double *g = &scratch[u->group * nh + h];
			if (v < *g)
				*g = v;
			if (inflated)
				inflated[h] += u->reports * v;
		}
	}
	if (collapsed)
		for (size_t g = 0; g < m->ngroups; g++)
			for (size_t h = 0; h < nh; h++)
				collapsed[h] += scratch[g * nh + h];
}

void ue_ach_rank(const double *score, size_t nh, size_t *order)
{
	/* Insertion in index order, passing only strictly lower scores: ties
	 * keep index order. */
	for (size_t i = 0; i < nh; i++) {
		size_t j = i;
		while (j > 0 && score[order[j - 1]] < score[i]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
}

size_t ue_ach_top(const double *score, size_t nh, unsigned char *top)
{
	double best = -INFINITY;
	size_t n = 0;
	for (size_t h = 0; h < nh; h++)
		if (score[h] > best)
			best = score[h];
	for (size_t h = 0; h < nh; h++) {
		top[h] = score[h] >= best - 1e-9;
		n += top[h];
	}
	return n;
}

double ue_ach_diagnosticity(const struct ue_ach_model *m, size_t e)
{
	double lo = 3, hi = -3;
	size_t n = 0;
	for (size_t h = 0; h < m->nh; h++) {
		int r = m->rating[e * m->nh + h];
		if (r < UE_ACH_CC || r > UE_ACH_II)
			continue;
		double v = UE_ACH_N - r;   /* CC 2 .. II -2 */
		if (v < lo)
			lo = v;
		if (v > hi)
			hi = v;
		n++;
	}
	return n < 2 ? 0 : hi - lo;
}

int ue_ach_sensitivity(const struct ue_ach_model *m,
                       int (*fn)(void *ctx, const struct ue_ach_change *c),
                       void *ctx)
{
	size_t nh = m->nh, cells = m->ne * nh;
	double *score = malloc((nh + m->ngroups * nh + 1) * sizeof *score);
	double *scratch = score + nh;
	unsigned char *top0 = malloc(2 * nh + 1), *top = top0 + nh;
	int *rating = malloc((cells + 1) * sizeof *rating);
	if (!score || !top0 || !rating) {
		free(score);
		free(top0);
		free(rating);
		return -1;
	}
	memcpy(rating, m->rating, cells * sizeof *rating);
	ue_ach_scores(m, NULL, m->ne, score, NULL, scratch);
	ue_ach_top(score, nh, top0);
	int stop = 0;
	for (size_t e = 0; e < m->ne && !stop; e++) {
		ue_ach_scores(m, NULL, e, score, NULL, scratch);
		ue_ach_top(score, nh, top);
		if (memcmp(top, top0, nh) != 0) {
			struct ue_ach_change c = {e, nh, 0, 0, top};
			stop = fn(ctx, &c);
		}
		for (size_t h = 0; h < nh && !stop; h++) {
			int from = m->rating[e * nh + h];
			for (int up = 0; up < 2 && !stop; up++) {
				int to = ue_ach_rating_step(from, up);
				if (to < 0 || ue_ach_inconsistency(to) ==
				    ue_ach_inconsistency(from))
					continue;
				rating[e * nh + h] = to;
				ue_ach_scores(m, rating, m->ne, score, NULL, scratch);
				rating[e * nh + h] = from;
				ue_ach_top(score, nh, top);
				if (memcmp(top, top0, nh) != 0) {
					struct ue_ach_change c = {e, h, from, to, top};
					stop = fn(ctx, &c);
				}
			}
		}
	}
	free(score);
	free(top0);
	free(rating);
	return 0;
}
