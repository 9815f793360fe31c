// SPDX-License-Identifier: Apache-2.0
/*
 * outrider_sc.h - a C interface to the SystemC/TLM-2.0 virtual platform of
 * the Outrider SoC (tb/sc/outrider_sc_platform.h; docs/systemc.md).
 *
 * The platform: the SoC verilated with `verilator --sc` inside the
 * outrider_sc_core module (TLM-2.0 initiator sockets for RAM and the Ext
 * window), a TLM memory target, the simulation-control device (console,
 * exit) and the example CRC-32 peripheral in the Ext window. This header is
 * what the command-line tool smtsim-sc (tb/sc/smtsim_sc.c, C) uses; it
 * reuses the C test bench's configuration, status and statistics types
 * (outrider_sim.h) so both simulators are driven and report alike.
 *
 * Contract:
 *  - One platform per process: SystemC has one simulation kernel per
 *    process and a kernel that stopped cannot start again, so a second
 *    outrider_sc_create() fails ("a SystemC platform was already created").
 *  - Configuration fields used: ram_size, mem_latency, mem_outstanding,
 *    max_cycles, trace_path, console, perfect_dcache, no_preexec, event_log
 *    (the log is kept, outrider_sc_events(); smtsim-sc does not print it).
 *    (progress is the caller's business.)
 *  - Cycles, exit codes, console output, statistics and the event log mean
 *    exactly what they mean for outrider_sim (outrider_sim.h): the same
 *    program with the same configuration gives the same values.
 *  - Errors: one-line messages (no trailing newline), like outrider_sim.
 */
#ifndef OUTRIDER_SC_H
#define OUTRIDER_SC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "outrider_sim.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct outrider_sc outrider_sc;

/* smtsim's defaults (outrider_config_default without the C library): 16 MiB
 * RAM, latency OUTRIDER_DEFAULT_LATENCY, 4 accesses in flight, a 100M-cycle
 * limit, console to stdout, the cache, pre-execution enabled. */
void outrider_sc_config_default(outrider_config *cfg);

/* Elaborate the platform (model in reset). NULL on failure with the reason in
 * err (errlen bytes). */
outrider_sc *outrider_sc_create(const outrider_config *cfg, char *err, size_t errlen);
/* Flushes the console, closes the trace. The kernel stays (see above). */
void         outrider_sc_destroy(outrider_sc *sc);

/* Load an ELF into the TLM memory (tb/common/elf_load.c, same checks and
 * messages as outrider_sim_load_elf). OUTRIDER_OK or a negative outrider_err. */
int outrider_sc_load_elf(outrider_sc *sc, const char *path);

/* Simulate at most n more cycles (fewer if the program exits or the cycle
 * limit is reached). */
outrider_status outrider_sc_step(outrider_sc *sc, uint64_t n);

int                   outrider_sc_exit_code(const outrider_sc *sc);
uint64_t              outrider_sc_cycles(const outrider_sc *sc);
const outrider_stats *outrider_sc_stats(const outrider_sc *sc);
/* The statistics JSON of smtsim (tb/lib/stats_json.h): status, configuration,
 * model parameters, ELF path and SHA-256, version, regions of interest. */
int                   outrider_sc_write_stats_json(const outrider_sc *sc, FILE *out);
/* "running", "exited", "cycle_limit", ... or the name set below. */
const char           *outrider_sc_status_name(const outrider_sc *sc);
/* Record why the caller stopped the run (smtsim-sc: "interrupted"). */
void                  outrider_sc_set_status_name(outrider_sc *sc, const char *name);
const char           *outrider_sc_console(const outrider_sc *sc, size_t *len);
const outrider_event *outrider_sc_events(const outrider_sc *sc, size_t *count);
const char           *outrider_sc_error(const outrider_sc *sc);

#ifdef __cplusplus
}
#endif
#endif
