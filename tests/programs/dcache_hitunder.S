// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_hitunder.S - hit under miss across contexts.
 * Context 1 warms the lines `warm` and `stop`, sets `ready`, then loops loading `warm`
 * (hits) and `stop` until `stop` is set, counting iterations. Context 0
 * waits for `ready`, loads the cold line `cold` (a miss), and only then
 * sets `stop`; it waits for context 1 to finish and exits.
 * results[]: 0 the word loaded from cold[3], 1 context 1's iterations,
 *            2 context 1's last load of warm[0]
 */
#include "dcache_asm.h"

    TEST_START
    HART1_START h1
    WAIT_FLAG ready
    la      t0, cold
    lw      s0, 12(t0)          /* the miss */
    la      s1, results
    sw      s0, 0(s1)
    SET_FLAG stop
    WAIT_FLAG done1
    EXIT_OK

h1: HART1_PROLOGUE
    la      s0, warm
    la      s2, stop
    lw      t0, 0(s0)           /* warm both lines of the loop */
    lw      t0, 0(s2)
    SET_FLAG ready
    li      s1, 0
1:  lw      t0, 0(s0)
    addi    s1, s1, 1
    lw      t1, 0(s2)
    beqz    t1, 1b
    la      t2, results
    sw      s1, 4(t2)
    sw      t0, 8(t2)
    SET_FLAG done1
    HART_EXIT

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 3
    WORDS ready, 1
    WORDS done1, 1
    .data
    .balign LINE_ALIGN
    .globl  warm, stop
warm:   .word 0x5a5a0001, 0, 0, 0, 0, 0, 0, 0
    .balign LINE_ALIGN
stop:   .word 0
    COLD_LINE cold, 0x11
