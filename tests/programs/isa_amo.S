// SPDX-License-Identifier: Apache-2.0
/*
 * isa_amo.S - A extension on one hart: LR/SC success and failure, every AMO.
 * lrsc[] (fixed operands, see the comments below):
 *   0  sc.w with no reservation (first LR/SC of the run): rd (non-zero)
 *   1  memory after it (0x11111111, unchanged)
 *   2  lr.w value (0x11111111)
 *   3  sc.w right after: rd (0)
 *   4  memory after it (0x22222222)
 *   5  a second sc.w without a new lr: rd (non-zero)
 *   6  memory (0x22222222)
 *   7  lr.w A; sc.w B (B 4 KiB away): rd (non-zero)
 *   8  B unchanged (0x33333333)
 *   9  lr.w of 0x80000000 returns it unchanged
 *  10  lr.w.aq + sc.w.rl: rd (0)
 *  11  memory after it (0x44444444)
 *  12  amoadd.w x0, 5, (slot = 10): memory (15)
 *  13, 14  amoswap.w t0, t0, (slot = 7) with t0 = 9: t0 (7), memory (9)
 *  15  lr.w, sc.w: value lr returned when the word is 0x55555555
 * results[]: for each pair (init, operand) in `amo_in` (namo of them,
 * written by the test) and each op in the order
 *   amoswap amoadd amoxor amoand amoor amomin amomax amominu amomaxu
 * two words: the value rd received (old) and the memory word afterwards.
 */
#include "test_asm.h"

#define AMO_MAX_PAIRS 64
#define AMO_NOPS      9

.macro AMO op, idx
    sw      a0, 0(s3)
    \op     t0, a1, (s3)
    lw      t1, 0(s3)
    sw      t0, 8 * \idx(s1)
    sw      t1, 8 * \idx + 4(s1)
.endm

    TEST_START
    la      s2, lrsc
    la      s3, slot
    la      s4, far_b

    li      t1, 0x11111111
    sw      t1, 0(s3)
    li      t2, 0x22222222
    sc.w    t0, t2, (s3)
    sw      t0, 0(s2)
    lw      t0, 0(s3)
    sw      t0, 4(s2)
    lr.w    t0, (s3)
    sw      t0, 8(s2)
    sc.w    t0, t2, (s3)
    sw      t0, 12(s2)
    lw      t0, 0(s3)
    sw      t0, 16(s2)
    li      t3, 0x99999999
    sc.w    t0, t3, (s3)
    sw      t0, 20(s2)
    lw      t0, 0(s3)
    sw      t0, 24(s2)

    li      t1, 0x33333333
    sw      t1, 0(s4)
    lr.w    t0, (s3)
    sc.w    t0, t3, (s4)
    sw      t0, 28(s2)
    lw      t0, 0(s4)
    sw      t0, 32(s2)

    li      t1, 0x80000000
    sw      t1, 0(s3)
    lr.w    t0, (s3)
    sw      t0, 36(s2)
    li      t1, 0x44444444
    lr.w.aq t0, (s3)
    sc.w.rl t0, t1, (s3)
    sw      t0, 40(s2)
    lw      t0, 0(s3)
    sw      t0, 44(s2)

    li      t1, 10
    sw      t1, 0(s3)
    li      t1, 5
    amoadd.w x0, t1, (s3)
    lw      t0, 0(s3)
    sw      t0, 48(s2)
    li      t1, 7
    sw      t1, 0(s3)
    li      t0, 9
    amoswap.w t0, t0, (s3)
    sw      t0, 52(s2)
    lw      t0, 0(s3)
    sw      t0, 56(s2)
    li      t1, 0x55555555
    sw      t1, 0(s3)
    lr.w    t0, (s3)
    sc.w    t2, t0, (s3)
    sw      t0, 60(s2)

    /* every AMO over the test's operand pairs */
    la      s0, amo_in
    la      s1, results
    la      t0, namo
    lw      s5, 0(t0)
    li      t0, AMO_MAX_PAIRS
    bleu    s5, t0, 1f
    EXIT_CODE EXIT_BAD_ARG
1:  beqz    s5, 2f
    lw      a0, 0(s0)
    lw      a1, 4(s0)
    AMO amoswap.w, 0
    AMO amoadd.w,  1
    AMO amoxor.w,  2
    AMO amoand.w,  3
    AMO amoor.w,   4
    AMO amomin.w,  5
    AMO amomax.w,  6
    AMO amominu.w, 7
    AMO amomaxu.w, 8
    addi    s0, s0, 8
    addi    s1, s1, AMO_NOPS * 8
    addi    s5, s5, -1
    j       1b
2:  EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS lrsc, 16
    WORDS slot, 1
    .data
    .space  4096
    WORDS far_b, 1
    WORDS namo, 1
    WORDS amo_in, 2 * AMO_MAX_PAIRS
    WORDS results, 2 * AMO_NOPS * AMO_MAX_PAIRS
