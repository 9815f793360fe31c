// SPDX-License-Identifier: Apache-2.0
/*
 * event_log.h - a growable array of outrider_event records (the test bench's
 * event log, outrider_sim_events()).
 * What it does not do: decide what is an event (tb/lib/cycle_stats.c does).
 * If memory runs out, further events are dropped and `lost` counts them.
 */
#ifndef EVENT_LOG_H
#define EVENT_LOG_H

#include <stddef.h>
#include <stdint.h>

#include "outrider_sim.h"

typedef struct {
    outrider_event *v;
    size_t          n, cap;
    uint64_t        lost;
} event_log;

void event_log_init(event_log *l);
void event_log_free(event_log *l);
void event_log_clear(event_log *l);
void event_log_push(event_log *l, const outrider_event *e);

#endif
