/* echo.c - independence measures; see echo.h. */
#include "claims/echo.h"

#include <math.h>

double ue_effective_origins(const double *weight, size_t n)
{
	double total = 0;
	for (size_t i = 0; i < n; i++)
		if (weight[i] > 0)
			total += weight[i];
	if (total <= 0)
		return 0;
	double h = 0;
	for (size_t i = 0; i < n; i++) {
		if (weight[i] <= 0)
			continue;
		double p = weight[i] / total;
		h -= p * log(p);
	}
	return exp(h);
}

double ue_echo_ratio(double reports, double effective)
{
	return reports > 0 && effective > 0 ? reports / effective : 0;
}
