/*
 * echo.h - the independence measures of SPEC §4.5.
 *
 * A claim (or story) has reports, each resting on one or more origins.
 * Its effective number of independent origins is the Hill number of
 * order 1 of the origins' shares of the reports: exp(-sum p ln p).  Forty
 * reports of one briefing give 1; forty reports spread evenly over four
 * origins give 4; thirty-seven of one and one each of three others give
 * about 1.4.  The echo ratio is reports / effective origins.
 */
#ifndef UE_ECHO_H
#define UE_ECHO_H

#include <stddef.h>

/* exp of the Shannon entropy of the shares weight[i] / sum(weight);
 * weights <= 0 are ignored; 0 when there is no positive weight. */
double ue_effective_origins(const double *weight, size_t n);

/* reports / effective; 0 when either is 0. */
double ue_echo_ratio(double reports, double effective);

#endif
