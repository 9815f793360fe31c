// SPDX-License-Identifier: Apache-2.0
/*
 * trap_watch.h - stop a run that can only end at the cycle limit because a
 * hart trapped with no handler, or is stuck in a trap loop; describe it.
 *
 * Definitions (also in docs/testbench.md "Failure reports"):
 * - unhandled trap: a hart takes a trap while its mtvec's base (mtvec with
 *   the mode bits cleared; the vectored entry for an interrupt) is not
 *   inside an executable (PF_X) loadable segment of the ELF. At reset mtvec
 *   is 0, which is never in RAM, so a program that traps before installing
 *   a handler stops at its first trap.
 * - trap loop: a hart takes OUTRIDER_TRAP_LOOP_COUNT exceptions in a row
 *   with the same cause and pc, each entered right after that hart retired
 *   an mret (its handler returns to the instruction that traps again), with
 *   no interrupt between them (interrupts never count as a loop).
 * trap_watch_sample() runs once per cycle before the clock edge (the
 * retirement port is valid then), trap_watch_check() after it, when the
 * sample saw a trap (mepc then holds the trapping pc).
 * What it does not do: stop the model (the caller does), look at p-threads
 * (they never trap).
 */
#ifndef TRAP_WATCH_H
#define TRAP_WATCH_H

#include <stddef.h>
#include <stdint.h>

#include "elf_load.h"
#include "model_shim.h"
#include "outrider_sim.h"

typedef struct {
    uint32_t cause[OUTRIDER_MAX_CTX], pc[OUTRIDER_MAX_CTX];
    unsigned repeat[OUTRIDER_MAX_CTX];     /* traps in a row at (cause, pc) after an mret */
    uint8_t  after_mret[OUTRIDER_MAX_CTX]; /* the hart's last retired instruction was mret */
    /* this cycle's traps (trap_watch_sample -> trap_watch_check) */
    uint32_t pend_mask;
    uint32_t pend_cause[OUTRIDER_MAX_CTX], pend_tval[OUTRIDER_MAX_CTX];
    uint8_t  pend_after_mret[OUTRIDER_MAX_CTX];
} trap_watch;

void trap_watch_init(trap_watch *w);
/* Before the edge: note retirements (mret) and traps of this cycle.
 * Returns non-zero if a hart trapped (then call trap_watch_check). */
int trap_watch_sample(trap_watch *w, model_shim *m, const model_shim_outputs *o, unsigned num_ctx);
/* After the edge: OUTRIDER_RUNNING, or OUTRIDER_TRAP_UNHANDLED /
 * OUTRIDER_TRAP_LOOP with *info. */
outrider_status trap_watch_check(trap_watch *w, model_shim *m, const elf_image *img,
                                 uint64_t cycle, outrider_trap_info *info);
/* The report (outrider_sim_trap_report's format); returns its length. */
int trap_watch_report(outrider_status st, const outrider_trap_info *t, const elf_image *img,
                      const char *prefix, char *buf, size_t len);

#endif
