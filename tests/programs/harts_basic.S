// SPDX-License-Identifier: Apache-2.0
/*
 * harts_basic.S - hart.start / hart.exit on context 1 (docs/memory-map.md).
 * The test writes `args` (two argument values) before the run.
 * results[]:
 *   0  rd of the first hart.start (context id 1)
 *   1  rd of a second hart.start while context 1 still runs (0: refused)
 *   2  mhartid read on the started hart (1)
 *   3  a0 on the started hart (args[0])
 *   4  mhartid on context 0 (0)
 *   5  hart.start attempts after context 1 executed hart.exit until one
 *      succeeded (>= 1, at most 1000)
 *   6  rd of that successful hart.start (1)
 *   7  a0 on the restarted hart (args[1])
 *   8  mhartid on the restarted hart (1)
 * The restarted hart also takes a trap of its own (ecall with its own
 * mtvec) and uses its own mscratch:
 *   9  mcause seen by its handler (11)
 *  10  mepc seen by its handler (h1_ecall)
 *  11  mhartid in its handler (1)
 *  12  context 0's mtvec after that (still unexpected_trap)
 *  13  context 0's mscratch (0x11111111, written before the start)
 *  14  context 1's mscratch read back (0x22222222)
 */
#include "test_asm.h"

#define START_TRIES 1000

    TEST_START
    li      t0, 0x11111111
    csrw    mscratch, t0
    la      s1, results
    la      s2, args
    la      t1, h1_first
    lw      t2, 0(s2)
    HART_START s3, t1, t2
    HART_START s4, t1, t2
    sw      s3, 0(s1)
    sw      s4, 4(s1)
    csrr    t0, mhartid
    sw      t0, 16(s1)
    fence   rw, rw
    la      t0, go
    li      t3, 1
    sw      t3, 0(t0)
    la      t0, done1
    WAIT_NONZERO t0, t3, 100000

    /* context 1 has executed (or is about to execute) hart.exit: retry */
    la      t1, h1_second
    lw      t2, 4(s2)
    li      s5, 0
1:  addi    s5, s5, 1
    HART_START s6, t1, t2
    bnez    s6, 2f
    li      t0, START_TRIES
    bltu    s5, t0, 1b
2:  sw      s5, 20(s1)
    sw      s6, 24(s1)
    beqz    s6, 3f
    la      t0, done2
    WAIT_NONZERO t0, t3, 100000
    fence   rw, rw
    csrr    t0, mtvec
    sw      t0, 48(s1)
    csrr    t0, mscratch
    sw      t0, 52(s1)
3:  EXIT_OK

/* Context 1, first start: only a0 is defined. */
    .balign 4
h1_first:
    la      t1, results
    csrr    t0, mhartid
    sw      t0, 8(t1)
    sw      a0, 12(t1)
    la      t2, go
    WAIT_NONZERO t2, t3, 100000
    fence   rw, rw
    la      t2, done1
    li      t3, 1
    sw      t3, 0(t2)
    HART_EXIT
    EXIT_CODE 0x58              /* hart.exit returned: wrong */

/* Context 1, second start. */
    .balign 4
h1_second:
    la      t1, results
    sw      a0, 28(t1)
    csrr    t0, mhartid
    sw      t0, 32(t1)
    la      t0, h1_trap
    csrw    mtvec, t0
    li      t0, 0x22222222
    csrw    mscratch, t0
    .globl  h1_ecall
h1_ecall:
    ecall
    csrr    t0, mscratch
    sw      t0, 56(t1)
    fence   rw, rw
    la      t2, done2
    li      t3, 1
    sw      t3, 0(t2)
    HART_EXIT
    EXIT_CODE 0x58

/* Context 1's own trap handler: record, skip the ecall. */
    .balign 4
h1_trap:
    la      t5, results
    csrr    t6, mcause
    sw      t6, 36(t5)
    csrr    t6, mepc
    sw      t6, 40(t5)
    csrr    t6, mhartid
    sw      t6, 44(t5)
    csrr    t6, mepc
    addi    t6, t6, 4
    csrw    mepc, t6
    mret

    UNEXPECTED_TRAP_HANDLER
    WORDS args, 2
    WORDS go, 1
    WORDS done1, 1
    WORDS done2, 1
    WORDS results, 15
