// SPDX-License-Identifier: Apache-2.0
/*
 * roi_cycles.S - where a context's cycles go (the statistics' issue /
 * id_stall / hold / frontend / wait cycles, docs/testbench.md "Where the
 * cycles go"), measured on three loops of known cost (test_roi).
 *
 * Each kernel K(a0 = iterations) runs once untimed (cache, predictor and
 * return stack warm), then in a region of interest with CY_N1 iterations,
 * then in another with CY_N2: six regions, two per kernel, in the order
 * below. The suite compares the two regions of a kernel: their difference is
 * CY_N2 - CY_N1 iterations of the loop, the rest of each region being the
 * same instructions on the same warm state.
 *
 *   0 cy_d1  lw; mul using it at once    4 instructions, ID stalls 2 cycles
 *                                        (docs/core.md's load-use row; a
 *                                        multiply: an ALU reader would go
 *                                        on to the late ALU)
 *   1 cy_ls  lw; sw                      4 instructions, the lane holds 1
 *                                        cycle (a store behind a load in WB)
 *   2 cy_dv  div; add using it           4 instructions; the divide parks the
 *                                        context (31 steps for a 31-bit
 *                                        dividend: wait)
 * Exits with 0.
 */
#include "test_asm.h"

#define CY_N1 16
#define CY_N2 48
#define CSR_ROI OUTRIDER_CSR_ROI

    TEST_START
    la      s5, word
    la      s1, kernels
    li      s3, 3
1:  lw      s4, 0(s1)
    li      a0, CY_N1
    jalr    ra, 0(s4)           /* warm */
    li      a0, CY_N1
    csrwi   CSR_ROI, 1
    jalr    ra, 0(s4)
    csrwi   CSR_ROI, 0
    li      a0, CY_N2
    csrwi   CSR_ROI, 1
    jalr    ra, 0(s4)
    csrwi   CSR_ROI, 0
    addi    s1, s1, 4
    addi    s3, s3, -1
    bnez    s3, 1b
    EXIT_OK

    .balign 64
cy_d1:
1:  lw      t2, 0(s5)
    mul     t3, t2, t2
    addi    a0, a0, -1
    bnez    a0, 1b
    ret

    .balign 64
cy_ls:
1:  lw      t2, 0(s5)
    sw      a0, 4(s5)
    addi    a0, a0, -1
    bnez    a0, 1b
    ret

    .balign 64
cy_dv:
    li      t5, 7
    li      t6, 0x7FFFFFFF      /* 31 significant bits: 31 divider steps */
1:  div     t2, t6, t5
    add     t3, t2, t2
    addi    a0, a0, -1
    bnez    a0, 1b
    ret

    UNEXPECTED_TRAP_HANDLER
    .data
    .balign 4
kernels:
    .word   cy_d1, cy_ls, cy_dv
word:
    .word   0x12345678, 0
