// SPDX-License-Identifier: Apache-2.0
/*
 * cycle_stats.h - turn one cycle's model outputs into statistics and events.
 *
 * Called once per simulated cycle with the outputs sampled in that cycle
 * (model_shim_get_outputs) and what the memory model accepted. It updates:
 *  - per-context retired (only retirements of contexts that are not
 *    p-threads in that cycle) and cycles_active;
 *  - the dcache counters from the cache's event pulses;
 *  - the preexec counters from pex_event and the p-thread retirements and
 *    the cache events (definitions in docs/preexec.md section 6 and
 *    docs/dcache.md "Counters");
 * and, when log is non-NULL, appends the cycle's events to it.
 * What it does not do: drive the model, or count Wishbone beats (wb_mem does).
 */
#ifndef CYCLE_STATS_H
#define CYCLE_STATS_H

#include <stdint.h>

#include "event_log.h"
#include "model_shim.h"
#include "outrider_sim.h"
#include "wb_mem.h"

void cycle_stats_sample(outrider_stats *st, const model_shim_outputs *o, uint64_t cycle,
                        wb_mem_event bus, const wb_mem_req *bus_req, event_log *log);

#endif
