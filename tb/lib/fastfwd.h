// SPDX-License-Identifier: Apache-2.0
/*
 * fastfwd.h - fast-forward: run a program's start on the reference ISS
 * (tb/iss), then continue it cycle by cycle on the RTL model.
 *
 * How the state gets into the RTL (no backdoor into the model): the RTL
 * starts from reset and executes a generated state-restore stub (the
 * instruction port reads the test bench's memory image directly, there is
 * no instruction cache). RAM first gets every page the ISS wrote. The stub
 * goes to whole pages the program never wrote and that hold only zeros (the
 * first above the switch point's pc), and the reset pc gets a jump to it
 * (jal, or lui x1 + jalr). The stub sets the CLINT (mtimecmp, msip, mtime;
 * uncached stores), warms the data cache with loads (`lw x0`) of the blocks
 * the ISS touched last (optional, none overlapping the stub or the reset
 * jump), sets the CSRs (mtvec, mepc, mcause, mtval, mscratch, mie,
 * mhpmcounter3..5, pexbudget, pexctl, mstatus, mcycle, minstret) through
 * x1, then x1..x31, `csrwi roi, 1` when the ISS is inside a region of
 * interest, and jumps to the switch point (`jal x0`, or `mret` when
 * interrupts are enabled there or the target is out of jal range: the
 * interrupt enable then takes effect exactly at the target). When context 0
 * retires the instruction at the target (or takes a trap), the bytes under
 * the stub and the reset jump are restored (retirement hook, chained to any
 * hook already set).
 *
 * The switch point: with to_roi, the ISS stops BEFORE the first roi_begin
 * (csrwi roi with bit 0 set), so the RTL executes it; with insns, after that
 * many instructions (both harts). The ISS runs with p-threads refused
 * (pex.spawn returns 0).
 *
 * What the program observes after the switch: every register, pc and the
 * CSRs above as the ISS had them, and memory; minstret = the ISS's count +
 * what it retires after the switch (exact); mcycle = the ISS's count (one
 * per ISS step) + the RTL cycles after the switch, give or take a few
 * cycles; mtime = the ISS's mtime + the RTL cycles since the stub's mtime
 * store; an LR reservation is lost; the cache is cold (or warmed: clean
 * lines). With `mret` at the end, mepc reads the target and mstatus.MPIE 1
 * until the next trap (which overwrites both before a handler can read
 * them). docs/debugging.md has the details.
 *
 * Refused, with a one-line message: a switch point where context 1 runs
 * (two harts), context 0 waiting in wfi, a target in the first two words of
 * RAM (the reset jump), no free pages for the stub.
 */
#ifndef FASTFWD_H
#define FASTFWD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "outrider_sim.h"

typedef struct {
    uint64_t insns;       /* switch after this many ISS instructions (0: not this way) */
    int      to_roi;      /* switch before the first roi_begin (csrwi roi, 1);
                             a program without one ends in the ISS (exited) */
    unsigned warm_lines;  /* data-cache lines to load from the ISS's last accesses */
    FILE    *console;     /* the ISS part's console output (NULL: kept only) */
} ff_options;

typedef struct {
    int      exited;      /* the program ended during fast-forward */
    int      exit_code;
    uint64_t iss_insns;   /* instructions the ISS executed */
    uint32_t target_pc;   /* where the RTL continues */
    uint32_t stub_base;   /* where the stub was placed */
    unsigned stub_insns;  /* the stub's length */
    unsigned warmed;      /* lines loaded by the stub */
} ff_result;

typedef struct ff_state ff_state;

/* Run the ISS on `elf` (already loaded into `sim`, which has not started)
 * to the switch point, copy its memory into sim's RAM, write the stub and
 * install the retirement hook (chained to any hook already set). NULL on
 * error (message in err). If res->exited the program ended in the ISS: do
 * not run sim. Keep the state until the run ends, then ff_destroy. */
ff_state *ff_prepare(outrider_sim *sim, const outrider_config *cfg, const char *elf,
                     const ff_options *opt, ff_result *res, char *err, size_t errlen);
/* 1 once the stub's bytes have been restored. */
int       ff_restored(const ff_state *ff);
/* The cycle in which the first instruction at the target retired (the end
 * of the stub; valid once ff_restored). */
uint64_t  ff_switch_cycle(const ff_state *ff);
/* Removes the hook if still installed (restoring the previous one). */
void      ff_destroy(ff_state *ff);

#endif
