/*
 * assumption.h - the Key Assumptions Check (SPEC 5): an assumption is
 * flagged when nothing supports it, or when all of its support rests on
 * one origin or on one bloc.
 */
#ifndef UE_ASSUMPTION_H
#define UE_ASSUMPTION_H

#include <stddef.h>

enum {
	UE_KAC_NO_SUPPORT = 1,
	UE_KAC_ONE_ORIGIN = 2,
	UE_KAC_ONE_BLOC = 4,
};

/* The flags of an assumption whose support rests on n reports, report i
 * on origin[i] from bloc[i] (strings compared exactly); *norigins and
 * *nblocs (either may be NULL) receive the distinct counts. */
unsigned ue_assumption_flags(const char *const *origin,
                             const char *const *bloc, size_t n,
                             size_t *norigins, size_t *nblocs);

#endif
