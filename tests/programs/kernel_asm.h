// SPDX-License-Identifier: Apache-2.0
/*
 * kernel_asm.h - the dependent-instruction kernel shared by harts_kernel.S
 * and irq_precise.S (tests/suites/kernel_ref.c is its model on the host).
 *
 * kernel(in = a0, out = a1), in = {x, y, head, iters}, a linked list of
 * {next, value} nodes at head; per iteration (iters times):
 *   (a, b) = (x, y); 24 steps of (a, b) = (b, a + b)       h ^= b
 *   m0 = x*y; m1 = mulh(m0,m0); m2 = m1*m0; m3 = divu(m2, y|1);
 *   m4 = rem(m3, m0)                                       h += m4
 *   for each list node: h = h * 31 + value                 (load-use chain)
 *   out[3] = h; h += out[3] (store then load back)         h = 2h
 *   x += h; y ^= h << 1
 * out = {h, x, y, scratch}. Uses a2, a3, t0-t4, s5-s7 and ra; no stack;
 * never touches t5/t6 (free for trap handlers).
 */
#ifndef KERNEL_ASM_H
#define KERNEL_ASM_H

.macro KERNEL_ROUTINE
    .balign 4
kernel:
    lw      a2, 0(a0)               /* x */
    lw      a3, 4(a0)               /* y */
    lw      s7, 12(a0)              /* iterations */
    li      s6, 0                   /* h */
    li      s5, 31
    beqz    s7, 9f
2:  mv      t0, a2
    mv      t1, a3
    li      t3, 8
3:  add     t2, t0, t1
    add     t0, t1, t2
    add     t1, t2, t0
    addi    t3, t3, -1
    bnez    t3, 3b
    xor     s6, s6, t1
    mul     t0, a2, a3
    mulh    t1, t0, t0
    mul     t2, t1, t0
    ori     t4, a3, 1
    divu    t3, t2, t4
    rem     t4, t3, t0
    add     s6, s6, t4
    lw      t0, 8(a0)               /* list head */
4:  lw      t1, 4(t0)
    mul     s6, s6, s5
    add     s6, s6, t1
    lw      t0, 0(t0)
    bnez    t0, 4b
    sw      s6, 12(a1)
    lw      t0, 12(a1)
    add     s6, s6, t0
    add     a2, a2, s6
    slli    t1, s6, 1
    xor     a3, a3, t1
    addi    s7, s7, -1
    bnez    s7, 2b
9:  sw      s6, 0(a1)
    sw      a2, 4(a1)
    sw      a3, 8(a1)
    ret

.endm

#endif
