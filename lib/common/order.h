/*
 * order.h - putting items in time order, as the stages that read a
 * corpus the way it appeared do: dated items by time, then the undated,
 * ties kept in input order.
 */
#ifndef UE_ORDER_H
#define UE_ORDER_H

#include <stddef.h>
#include <stdint.h>
#include "unecho/unecho.h"

/* Fills order[0..n) with the indices of items by ts[i] (valid when
 * dated[i]); UE_ENOMEM is the only failure. */
ue_status ue_time_order(const int64_t *ts, const unsigned char *dated,
                        size_t n, uint32_t *order);

#endif
