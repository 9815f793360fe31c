// SPDX-License-Identifier: Apache-2.0
/*
 * pex_asm.h - shared macros of the pre-execution test programs
 * (tests/programs/pex_*.S), on top of test_asm.h and outrider/preexec.h.
 *
 * A p-thread cannot write anything the main thread can see (that is the
 * point), so most checks use its *lifetime* as a one-bit channel: the
 * p-thread runs its check and then either spins with `pause` (PT_PASS:
 * it stays alive until cancelled) or executes pex.stop (PT_FAIL). Any
 * exception inside the check also ends it, so "alive after the wait"
 * can only mean "the check passed". The main thread spawns it
 * (SPAWN_RETRY), waits WAIT_PAUSES `pause`s (VERDICT), records whether
 * context 1 still runs a p-thread (pexstatus: active and p-thread bits),
 * cancels it and waits until it has ended (SETTLE).
 *
 * Registers: the macros use t3, t4, t5, t6 (t5/t6 also in test_asm.h's
 * EXIT macros); the programs keep their own state in s-registers.
 */
#ifndef PEX_ASM_H
#define PEX_ASM_H

#include "test_asm.h"
#include <outrider/preexec.h>

#define SPAWN_TRIES       1000   /* a context frees ~32 cycles after its last instruction */
#define SETTLE_POLLS      1000
#define WAIT_PAUSES       64     /* ~2000 cycles: time for a p-thread's check */

/* `n` pauses (n >= 1): the main thread gives its issue slots away for a
 * fixed number of its own instructions. Clobbers t4. */
.macro PAUSES n
    li      t4, \n
98: pause
    addi    t4, t4, -1
    bnez    t4, 98b
.endm

/* rd = pex.spawn at label, retried up to SPAWN_TRIES times while refused;
 * t3 = the number of attempts. rd = 0 if every attempt was refused. */
.macro SPAWN_RETRY rd, label
    li      t3, 0
96: addi    t3, t3, 1
    PEX_SPAWN_AT \rd, \label
    bnez    \rd, 95f
    li      t4, SPAWN_TRIES
    bltu    t3, t4, 96b
95:
.endm

/* t4 = 1 if context 1 runs a p-thread (pexstatus: active and p-thread;
 * the p-thread bit alone may stay set after the p-thread has ended).
 * Clobbers t5. */
.macro PT_ALIVE
    csrr    t4, PEX_CSR_STATUS
    srli    t5, t4, PEX_STATUS_PTHREAD_SHIFT
    and     t4, t4, t5
    srli    t4, t4, 1
    andi    t4, t4, 1
.endm

/* Wait until context 1 runs no p-thread (at most SETTLE_POLLS pauses),
 * else exit with EXIT_TIMEOUT. Clobbers t3, t4, t5. */
.macro SETTLE
    li      t3, SETTLE_POLLS
94: PT_ALIVE
    beqz    t4, 93f
    pause
    addi    t3, t3, -1
    bnez    t3, 94b
    EXIT_CODE EXIT_TIMEOUT
93:
.endm

/* Wait WAIT_PAUSES pauses, store 1 in results[idx] (s1 = results) if the
 * p-thread is still alive, 0 if it ended; cancel it; SETTLE. */
.macro VERDICT idx
    PAUSES  WAIT_PAUSES
    PT_ALIVE
    sw      t4, 4*(\idx)(s1)
    PEX_CANCEL
    SETTLE
.endm

/* Spawn the check at `label` (retrying), store its rd in spawn_rd[idx]
 * (the program defines that word array) and the verdict in results[idx]. */
.macro CHECK idx, label
    SPAWN_RETRY t6, \label
    la      t4, spawn_rd
    sw      t6, 4*(\idx)(t4)
    VERDICT \idx
.endm

/* P-thread endings: stay alive (check passed) or stop (failed). */
.macro PT_PASS
97: pause
    j       97b
.endm
.macro PT_FAIL
    PEX_STOP
97: j       97b                     /* not reached */
.endm

#endif
