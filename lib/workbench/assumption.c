/* assumption.c - the flags of the Key Assumptions Check; see
 * assumption.h. */
#include "workbench/assumption.h"

#include <string.h>

/* Distinct strings among s[0..n). */
static size_t distinct(const char *const *s, size_t n)
{
	size_t d = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < i && strcmp(s[j], s[i]) != 0)
			j++;
		d += j == i;
	}
	return d;
}

unsigned ue_assumption_flags(const char *const *origin,
                             const char *const *bloc, size_t n,
                             size_t *norigins, size_t *nblocs)
{
	size_t no = distinct(origin, n), nb = distinct(bloc, n);
	if (norigins)
		*norigins = no;
	if (nblocs)
		*nblocs = nb;
	if (n == 0)
		return UE_KAC_NO_SUPPORT;
	return (no == 1 ? UE_KAC_ONE_ORIGIN : 0) |
	       (nb == 1 ? UE_KAC_ONE_BLOC : 0);
}
