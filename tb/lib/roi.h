// SPDX-License-Identifier: Apache-2.0
/*
 * roi.h - regions of interest: per-region statistics from the roi CSR.
 *
 * The simulator calls roi_tracker_cycle() once per cycle, after the clock
 * edge, with the roi CSR's value and the run's statistics so far. On a 0->1
 * change it snapshots the statistics (the region starts with the next
 * cycle); on 1->0 it closes the region: the region's counters are the
 * difference between the statistics now and the snapshot. A region still
 * open is reported with the difference up to now (ended = 0).
 * What it does not do: read the model (the caller passes the bit), write
 * JSON (stats_json.c).
 */
#ifndef ROI_H
#define ROI_H

#include <stddef.h>

#include "outrider_sim.h"

typedef struct {
    outrider_roi  *v;         /* closed regions, then the open one (if any) */
    size_t         n, cap;    /* n: closed regions */
    int            active;    /* a region is open */
    outrider_stats start;     /* statistics at the open region's start */
} roi_tracker;

void roi_tracker_init(roi_tracker *t);
void roi_tracker_free(roi_tracker *t);
/* 0, or -1 if out of memory (the region is then lost). */
int  roi_tracker_cycle(roi_tracker *t, unsigned roi, const outrider_stats *now);
/* Every region including an open one (its counters up to `now`). */
const outrider_roi *roi_tracker_list(roi_tracker *t, const outrider_stats *now, size_t *count);

/* out = a - b, counter by counter (cycles, per-context retired and active
 * cycles, Wishbone, data cache, pre-execution); exit_code 0, num_ctx of a. */
void outrider_stats_sub(const outrider_stats *a, const outrider_stats *b, outrider_stats *out);

#endif
