// SPDX-License-Identifier: Apache-2.0
/*
 * isa_bpred.S - the branch penalties of docs/core.md ("Branch prediction"),
 * measured in cycles (mcycle) on five small loops, each a function
 * K(a0 = iterations, a1 = where to store the cycle count) that reads mcycle
 * before and after its loop only (both reads at the commit point, so the
 * count is the pipeline's time between them, set-up and call excluded).
 *
 * Every kernel runs three times: cold (its branches have never been seen by
 * the predictors), then warm with KB_N1 and KB_N2 iterations. results[3k+0]
 * = cold(N1), [3k+1] = warm(N1), [3k+2] = warm(N2). The suite
 * (test_isa.c, test_branch_penalties) derives from them the steady cost per
 * iteration (warm(N2) - warm(N1)) and the one-time cost of the cold
 * predictor (cold(N1) - warm(N1)), and compares them with what the penalty
 * table says.
 *
 * Kernels (the loop counter a0 counts down to 0):
 *   0 kb_loop    addi; bnez back                  (taken backward branch)
 *   1 kb_jal     addi; j over one word; bnez back (JAL)
 *   2 kb_call    addi; jal ra leaf; bnez back; leaf: addi; ret   (call/return)
 *   3 kb_jalr    addi; andi; slli; add; jalr to one of two targets,
 *                alternating (always a wrong target); bnez back
 *   4 kb_alt     addi; andi; beqz forward, taken every other iteration
 *                (a bimodal counter mispredicts every one); bnez back
 */
#include "test_asm.h"

#define KB_N1 10
#define KB_N2 20
#define KB_KERNELS 5

/* Kernels start at word 16 of a 128-byte block: with the default BTB (32
 * entries, indexed by PC[6:2]) their branches never share an entry with
 * the three call sites of the driver loop below (words 11, 14, 17 of the
 * first block), which run between a kernel's three runs. */
.macro KERNEL name
    .balign 128
    .skip   64
\name:
.endm

    TEST_START
    la      s0, results
    la      s1, kernels
    li      s3, KB_KERNELS
1:  lw      s4, 0(s1)
    li      a0, KB_N1
    mv      a1, s0
    jalr    ra, 0(s4)           /* cold */
    li      a0, KB_N1
    addi    a1, s0, 4
    jalr    ra, 0(s4)           /* warm, N1 */
    li      a0, KB_N2
    addi    a1, s0, 8
    jalr    ra, 0(s4)           /* warm, N2 */
    addi    s0, s0, 12
    addi    s1, s1, 4
    addi    s3, s3, -1
    bnez    s3, 1b
    EXIT_OK

    KERNEL  kb_loop
    csrr    t0, mcycle
1:  addi    a0, a0, -1
    bnez    a0, 1b
    csrr    t1, mcycle
    sub     t1, t1, t0
    sw      t1, 0(a1)
    ret

    KERNEL  kb_jal
    csrr    t0, mcycle
1:  addi    a0, a0, -1
    j       2f
    addi    a2, a2, 1           /* never executed */
2:  bnez    a0, 1b
    csrr    t1, mcycle
    sub     t1, t1, t0
    sw      t1, 0(a1)
    ret

    KERNEL  kb_call
    mv      s11, ra
    csrr    t0, mcycle
1:  addi    a0, a0, -1
    jal     ra, kb_leaf
    bnez    a0, 1b
    csrr    t1, mcycle
    sub     t1, t1, t0
    sw      t1, 0(a1)
    jalr    x0, 0(s11)
kb_leaf:
    addi    a2, a2, 1
    ret

    KERNEL  kb_jalr
    la      s2, 3f
    csrr    t0, mcycle
1:  addi    a0, a0, -1
    andi    t2, a0, 1
    slli    t2, t2, 3
    add     t3, s2, t2
    jalr    x0, 0(t3)           /* a0 even: 3f, odd: 3f + 8 */
3:  addi    a4, a4, 1
    j       2f
    addi    a5, a5, 1           /* 3f + 8 */
2:  bnez    a0, 1b
    csrr    t1, mcycle
    sub     t1, t1, t0
    sw      t1, 0(a1)
    ret

    KERNEL  kb_alt
    csrr    t0, mcycle
1:  addi    a0, a0, -1
    andi    t2, a0, 1
    beqz    t2, 2f              /* taken when a0 is even */
    addi    a3, a3, 1
2:  bnez    a0, 1b
    csrr    t1, mcycle
    sub     t1, t1, t0
    sw      t1, 0(a1)
    ret

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 3 * KB_KERNELS
    .data
    .balign 4
kernels:
    .word   kb_loop, kb_jal, kb_call, kb_jalr, kb_alt
