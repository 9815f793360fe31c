// SPDX-License-Identifier: Apache-2.0
/*
 * isa_fwd.S - back-to-back dependent instructions (operand forwarding) and
 * load-use chains. The test writes `inputs` (x, y) and a linked list
 * (`head` -> nodes of {next, value}) before the run.
 * results[]:
 *   0, 1   fibonacci-like chain: a = x, b = y, 24 steps of (a, b) = (b, a + b),
 *          three dependent adds per loop iteration; results a, b
 *   2      t0 = x + y; t1 = t0 - y; t2 = t0 ^ t1; t3 = t2 << t0;
 *          t4 = t3 | t1; t5 = t4 >>a t2   (distance-1/2/3 dependencies): t5
 *   3..7   m0 = x * y; m1 = mulh(m0, m0); m2 = m1 * m0; m3 = divu(m2, y | 1);
 *          m4 = rem(m3, m0)
 *   8, 9   list walk: h = h * 31 + value over the list; node count
 *  10      lw of the first node's value stored right away (load -> store data)
 *  11      x stored through a pointer that was stored and reloaded (load ->
 *          store address)
 *  12      marker 0x600D written by a function reached through a reloaded
 *          pointer (load -> jalr)
 *  13      csrw mscratch, x; csrr; addi 1  (x + 1)
 *  14      1 if `sub t0, x, x; beqz t0` was taken
 *  15, 16  amoadd.w t0, y, (slot = x); t1 = t0 + t0: t1 and the slot
 */
#include "test_asm.h"

    TEST_START
    la      s1, results
    la      t0, inputs
    lw      a0, 0(t0)
    lw      a1, 4(t0)

    /* 0, 1: 24 steps, three per iteration */
    mv      t0, a0
    mv      t1, a1
    li      t3, 8
1:  add     t2, t0, t1
    add     t0, t1, t2
    add     t1, t2, t0
    addi    t3, t3, -1
    bnez    t3, 1b
    sw      t0, 0(s1)
    sw      t1, 4(s1)

    /* 2 */
    add     t0, a0, a1
    sub     t1, t0, a1
    xor     t2, t0, t1
    sll     t3, t2, t0
    or      t4, t3, t1
    sra     t5, t4, t2
    sw      t5, 8(s1)

    /* 3..7 */
    mul     t0, a0, a1
    mulh    t1, t0, t0
    mul     t2, t1, t0
    ori     t6, a1, 1
    divu    t3, t2, t6
    rem     t4, t3, t0
    sw      t0, 12(s1)
    sw      t1, 16(s1)
    sw      t2, 20(s1)
    sw      t3, 24(s1)
    sw      t4, 28(s1)

    /* 8, 9: list walk, every load feeding the next instruction */
    la      t0, head
    lw      t0, 0(t0)
    li      s5, 0
    li      s6, 0
    li      s7, 31
2:  lw      t1, 4(t0)
    mul     s5, s5, s7
    add     s5, s5, t1
    addi    s6, s6, 1
    lw      t0, 0(t0)
    bnez    t0, 2b
    sw      s5, 32(s1)
    sw      s6, 36(s1)

    /* 10: load -> store data */
    la      t0, head
    lw      t0, 0(t0)
    lw      t1, 4(t0)
    sw      t1, 40(s1)

    /* 11: store a pointer, reload it, store through it */
    la      t0, slot
    addi    t1, s1, 44
    sw      t1, 0(t0)
    lw      t2, 0(t0)
    sw      a0, 0(t2)

    /* 12: store a code pointer, reload it, call through it */
    la      t0, slot
    la      t1, 3f
    sw      t1, 0(t0)
    lw      t2, 0(t0)
    jalr    ra, 0(t2)
    j       4f
3:  li      t0, 0x600D
    sw      t0, 48(s1)
    ret
4:
    /* 13 */
    csrw    mscratch, a0
    csrr    t0, mscratch
    addi    t0, t0, 1
    sw      t0, 52(s1)

    /* 14 */
    li      t1, 0
    sub     t0, a0, a0
    beqz    t0, 5f
    j       6f
5:  li      t1, 1
6:  sw      t1, 56(s1)

    /* 15, 16 */
    la      t2, slot
    sw      a0, 0(t2)
    amoadd.w t0, a1, (t2)
    add     t1, t0, t0
    sw      t1, 60(s1)
    lw      t3, 0(t2)
    sw      t3, 64(s1)
    EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS inputs, 2
    WORDS head, 1
    WORDS nodes, 2 * 32
    WORDS slot, 1
    WORDS results, 17
