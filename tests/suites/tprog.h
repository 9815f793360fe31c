// SPDX-License-Identifier: Apache-2.0
/*
 * tprog.h - running a test program from a cmocka test: create a simulator,
 * load build/prog/<name>.elf, poke inputs into its global arrays, run it
 * with a cycle guard, assert how it ended, read its results back.
 *
 * Every function fails the current cmocka test (fail_msg) on any error, so
 * a test reads as straight-line code. The simulator lives in the test's
 * state (tprog_setup/tprog_teardown), so it is destroyed even when an
 * assertion fails.
 *
 * What it is not: it knows nothing about any particular program; the
 * expected values are computed by each suite.
 */
#ifndef TPROG_H
#define TPROG_H

#include <stddef.h>
#include <stdint.h>
#include "outrider_sim.h"

#ifndef PROG_DIR
#error "PROG_DIR (directory of the test program ELFs) must be defined"
#endif

/* Cycle guard for a run unless the test sets its own. */
#define TPROG_MAX_CYCLES 4000000u
/* Exit codes of tests/programs/test_asm.h. */
#define TPROG_EXIT_BAD_ARG          0x51
#define TPROG_EXIT_TIMEOUT          0x52
#define TPROG_EXIT_UNEXPECTED_TRAP  0x55

/* Every program loaded with tprog_load runs in lockstep with the reference
 * ISS (tb/lib/cosim.h): a mismatch fails the test with the report. Set the
 * environment variable OUTRIDER_COSIM=0 to run without it. */
#define TPROG_COSIM_ENV "OUTRIDER_COSIM"
/* the memory latency of every run built with tprog_config() (default 100) */
#define TPROG_LATENCY_ENV "OUTRIDER_MEM_LATENCY"
int tprog_cosim_enabled(void);

/* cmocka group setup/teardown: the state holds the simulator. */
int tprog_setup(void **state);
int tprog_teardown(void **state);

/* Path of program `name` (PROG_DIR/name.elf) into buf. */
void tprog_path(const char *name, char *buf, size_t len);

/* Default configuration with the cycle guard set and the console only
 * captured (not echoed). */
outrider_config tprog_config(void);
/* tprog_config() with this memory latency (a test that needs a given one,
 * whatever $OUTRIDER_MEM_LATENCY says). */
outrider_config tprog_config_latency(uint32_t mem_latency);

/* Create a simulator with cfg (NULL: tprog_config()) and load the program;
 * the simulator is owned by the test state. */
outrider_sim *tprog_load(void **state, const char *name, const outrider_config *cfg);

/* The same for an ELF given by its path. */
outrider_sim *tprog_load_path(void **state, const char *path, const outrider_config *cfg);

/* tprog_load / tprog_load_path with lockstep co-simulation attached even
 * when OUTRIDER_COSIM=0 turns it off for the other tests (for tests whose
 * subject is the comparison itself): cosim_of(sim) is never NULL. */
outrider_sim *tprog_load_lockstep(void **state, const char *name, const outrider_config *cfg);
outrider_sim *tprog_load_lockstep_path(void **state, const char *path,
                                       const outrider_config *cfg);

/* Run to the end and assert the program exited with `code`. On any other
 * outcome the message names the status, the exit code, the cycle count,
 * an unexpected trap recorded by the program (bad_trap) and the console. */
void tprog_run_expect(outrider_sim *sim, int code);
static inline void tprog_run_ok(outrider_sim *sim) { tprog_run_expect(sim, 0); }

/* Address of a symbol (fails the test if it is missing). */
uint32_t tprog_sym(const outrider_sim *sim, const char *name);
/* Words of the array `sym` starting at word index `first`. */
void tprog_read(const outrider_sim *sim, const char *sym, size_t first, uint32_t *words, size_t n);
void tprog_write(outrider_sim *sim, const char *sym, size_t first, const uint32_t *words, size_t n);
uint32_t tprog_word(const outrider_sim *sim, const char *sym, size_t index);
void tprog_set_word(outrider_sim *sim, const char *sym, size_t index, uint32_t value);
/* Fill n words of `sym` with `value` (a sentinel before the run, so a store
 * that never happens cannot pass for a zero result). */
void tprog_fill(outrider_sim *sim, const char *sym, size_t n, uint32_t value);

/* Compare one word; print a line for a mismatch and count it. */
void tprog_check(const char *what, size_t index, uint32_t got, uint32_t expected, unsigned *fails);
/* Fail the test if any check failed. */
void tprog_checks_done(const char *what, unsigned fails);

#endif
