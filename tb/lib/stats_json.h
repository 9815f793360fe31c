// SPDX-License-Identifier: Apache-2.0
/*
 * stats_json.h - write outrider_stats as one JSON object (one line, no
 * spaces, a trailing newline):
 *   {"status":"exited","exit_code":N|null,"version":"...","cycles":N,
 *    "threads":[{"retired":N,"cycles_active":N,...,"nb_loads":N},...],
 *    "wishbone":{"reads":N,"writes":N,"read_accesses":N,"write_accesses":N},
 *    "dcache":{"threads":[{"loads":N,"stores":N,"load_misses":N,"store_misses":N,
 *                          "mshr_merges":N,"writebacks":N,"mshr_full_stall_cycles":N,
 *                          "uncached":N,"posted_stores":N},...],
 *              "fills":N,"prefetch_fills":N,"evictions":N,"writebacks":N,
 *              "mshr_full_stall_cycles":N},
 *    "preexec":{"spawned":N,"refused":N,"cancelled":N,"budget_stops":N,
 *               "exception_stops":N,"stops":N,"stores_buffered":N,
 *               "mmio_loads_suppressed":N,"instructions":N,"fills":N,
 *               "useful_fills":N,"late_fills":N,"useless_fills":N,"spared_fills":N,
 *               "main_loads":N,"main_load_misses":N,...,"nb_loads":N},
 *    "derived":{"coverage":X|null,"accuracy":X|null,"lateness":X|null},
 *    "config":{"mem_latency":N,"mem_outstanding":N,"perfect_dcache":B,
 *              "preexec_at_reset":B,"ram_size":N,"max_cycles":N,
 *              "model":{"NumCtx":N,...,"DcachePrefetch":N,"DcachePosted":N,"NbLoads":N},
 *              "elf":"path"|null,"elf_sha256":"hex"|null},
 *    "roi":[{"begin_cycle":N,"ended":B,"cycles":N,"threads":[...],
 *            "wishbone":{...},"dcache":{...},"preexec":{...},"derived":{...}},...]}
 * One "threads" entry per context in every list. exit_code is null unless
 * the program exited. "derived" uses outrider_stats_derive (the one
 * formula). Meanings: outrider_sim.h, docs/testbench.md, docs/dcache.md
 * "Counters", docs/preexec.md section 6.
 * What it does not do: parse JSON.
 */
#ifndef STATS_JSON_H
#define STATS_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "model_shim.h"
#include "outrider_sim.h"

/* What the JSON records besides the counters. */
typedef struct {
    const char            *status;      /* outrider_sim_status_name */
    int                    exited;      /* exit_code is meaningful */
    const char            *version;     /* outrider_sim_version */
    const outrider_config *cfg;
    model_shim_params      params;
    const char            *elf_path;    /* NULL: none loaded */
    const char            *elf_sha256;  /* hex, NULL or "": unknown */
    const outrider_roi    *rois;
    size_t                 nrois;
} stats_json_info;

/* 0 on success, -1 if writing to out failed. */
int stats_json_write(const outrider_stats *st, const stats_json_info *info, FILE *out);

#endif
