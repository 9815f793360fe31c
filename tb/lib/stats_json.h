/*
 * stats_json.h - write outrider_stats as one JSON object (one line, no
 * spaces, a trailing newline):
 *   {"cycles":N,"exit_code":N,
 *    "threads":[{"retired":N,"cycles_active":N},...],
 *    "wishbone":{"reads":N,"writes":N,"read_accesses":N,"write_accesses":N},
 *    "dcache":{"threads":[{"loads":N,"stores":N,"load_misses":N,"store_misses":N,
 *                          "mshr_merges":N,"writebacks":N,"mshr_full_stall_cycles":N,
 *                          "uncached":N},...],
 *              "fills":N,"prefetch_fills":N,"evictions":N,"writebacks":N,
 *              "mshr_full_stall_cycles":N},
 *    "preexec":{"spawned":N,"refused":N,"cancelled":N,"budget_stops":N,
 *               "exception_stops":N,"stops":N,"stores_buffered":N,
 *               "mmio_loads_suppressed":N,"instructions":N,"fills":N,
 *               "useful_fills":N,"late_fills":N,"useless_fills":N,
 *               "main_loads":N,"main_load_misses":N}}
 * One "threads" entry per context in both lists. Meanings: outrider_sim.h,
 * docs/dcache.md "Counters", docs/preexec.md section 6.
 * What it does not do: parse JSON or derive ratios (coverage, accuracy...).
 */
#ifndef STATS_JSON_H
#define STATS_JSON_H

#include <stdio.h>

#include "outrider_sim.h"

/* 0 on success, -1 if writing to out failed. */
int stats_json_write(const outrider_stats *st, FILE *out);

#endif
