/* order.c - time order; see order.h. */
#include "common/order.h"

#include <stdlib.h>

struct when {
	int64_t ts;
	uint32_t undated, index;
};

static int by_time(const void *a, const void *b)
{
	const struct when *x = a, *y = b;
	if (x->undated != y->undated)
		return x->undated < y->undated ? -1 : 1;
	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

ue_status ue_time_order(const int64_t *ts, const unsigned char *dated,
                        size_t n, uint32_t *order)
{
	struct when *w = malloc((n ? n : 1) * sizeof *w);
	if (!w)
		return UE_ENOMEM;
	for (size_t i = 0; i < n; i++)
		w[i] = (struct when){dated[i] ? ts[i] : 0, !dated[i], (uint32_t)i};
	qsort(w, n, sizeof *w, by_time);
	for (size_t i = 0; i < n; i++)
		order[i] = w[i].index;
	free(w);
	return UE_OK;
}
