/* logodds.c - the log-odds ratio with an informative prior; see logodds.h. */
#include "framing/logodds.h"

#include <math.h>

struct ue_logodds ue_logodds(double y_i, double n_i, double y_j, double n_j,
                             double a_w, double a0)
{
	struct ue_logodds r = {0, 0, 0};
	if (!(a_w > 0) || !(a0 > a_w))
		return r;
	double odds_i = (y_i + a_w) / (n_i + a0 - y_i - a_w);
	double odds_j = (y_j + a_w) / (n_j + a0 - y_j - a_w);
	if (!(odds_i > 0) || !(odds_j > 0))
		return r;
	r.delta = log(odds_i) - log(odds_j);
	r.var = 1 / (y_i + a_w) + 1 / (y_j + a_w);
	r.z = r.delta / sqrt(r.var);
	return r;
}
