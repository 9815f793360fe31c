// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_lrsc.S - reservations at the cache, across contexts.
 * Context 0 takes a reservation on `rword` (LR), lets context 1 act, then
 * tries SC:
 *   A: context 1 stored to the same word        -> SC fails (results[0] = 1)
 *   B: context 1 stored to the next word         -> SC succeeds (results[1] = 0)
 *   C: context 1 did an amoadd on the same word  -> SC fails (results[2] = 1)
 *   D: SC again without a new LR                 -> fails (results[4] = 1)
 * results[3] = rword at the end: A wrote 0x11, B's SC 0x88, C added 5:
 * 0x8d. results[5] = rword[1] (0x22, B's store).
 */
#include "dcache_asm.h"

    TEST_START
    HART1_START h1
    WAIT_FLAG ready1
    la      s0, rword
    la      s1, results
    li      s2, 0x88
    lr.w    t0, (s0)            /* A */
    SET_FLAG a_go
    WAIT_FLAG a_done
    sc.w    t2, s2, (s0)
    sw      t2, 0(s1)
    lr.w    t0, (s0)            /* B */
    SET_FLAG b_go
    WAIT_FLAG b_done
    sc.w    t2, s2, (s0)
    sw      t2, 4(s1)
    lr.w    t0, (s0)            /* C */
    SET_FLAG c_go
    WAIT_FLAG c_done
    sc.w    t2, s2, (s0)
    sw      t2, 8(s1)
    lw      t0, 0(s0)
    sw      t0, 12(s1)
    sc.w    t2, s2, (s0)        /* D */
    sw      t2, 16(s1)
    lw      t0, 4(s0)
    sw      t0, 20(s1)
    WAIT_FLAG done1
    EXIT_OK

h1: HART1_PROLOGUE
    la      s0, rword
    SET_FLAG ready1
    WAIT_FLAG a_go
    li      t0, 0x11
    sw      t0, 0(s0)
    SET_FLAG a_done
    WAIT_FLAG b_go
    li      t0, 0x22
    sw      t0, 4(s0)
    SET_FLAG b_done
    WAIT_FLAG c_go
    li      t0, 5
    amoadd.w zero, t0, (s0)
    SET_FLAG c_done
    SET_FLAG done1
    HART_EXIT

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 6
    WORDS ready1, 1
    WORDS a_go, 1
    WORDS a_done, 1
    WORDS b_go, 1
    WORDS b_done, 1
    WORDS c_go, 1
    WORDS c_done, 1
    WORDS done1, 1
    COLD_LINE rword, 0x31
