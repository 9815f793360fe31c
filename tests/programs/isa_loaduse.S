// SPDX-License-Identifier: Apache-2.0
/*
 * isa_loaduse.S - the load-use rows of docs/core.md's penalty table
 * ("Hazards and penalties"), measured in cycles (mcycle) on four loops, each
 * a function K(a0 = iterations, a1 = where to store the cycle count) like
 * isa_bpred.S's: mcycle is read before and after the loop only.
 *
 * Every kernel runs three times: cold, then warm with LU_N1 and LU_N2
 * iterations; results[3k+0..2] as in isa_bpred.S. The suite (test_isa.c,
 * test_load_use_penalties) takes the steady cost per iteration (warm(N2) -
 * warm(N1)) and compares it with the instructions of the loop plus the
 * table's stall. The loaded word is in the data cache after the cold run.
 *
 * Kernels (a0 counts down to 0; the bnez back is predicted after the cold run):
 *   0 lu_d1   lw; add using it at once          (load result used by the next instruction)
 *   1 lu_d2   lw; addi; add using it            (... by the one after)
 *   2 lu_d3   lw; addi; addi; add using it      (no stall)
 *   3 lu_csr  csrr mscratch; add using it       (a CSR read used by the next instruction)
 *   4 lu_ll   lw; lw (independent)              (a load right behind a load in WB: goes on)
 *   5 lu_sl   sw; lw (another word)             (... behind a store: goes on)
 *   6 lu_lc   lw; csrr mscratch                 (a CSR access right behind a load in WB)
 *   7 lu_lx   lw; addi; addi (independent)      (plain instructions pass a load in WB)
 *   8 lu_bd1  lw; bne using it (not taken)      (a reader that is not an ALU instruction:
 *   9 lu_bd2  lw; addi; bne using it             the word-load forward is for the ALU only)
 *  10 lu_hd1  lh; add using it                  (a load that is not an aligned word)
 *  11 lu_ad1  lw; lw with it as the address     (an address)
 *  12 lu_md1  lw; mul using it                  (the multiplier)
 *  13 lu_ls   lw; sw (another word)             (a store right behind a load in WB: waits)
 *  14 lu_ss   sw; sw (another word)             (a store behind a store: waits)
 *  15 lu_lc2  lw; add using it; add using that  (the late ALU's result to a late ALU reader)
 *  16 lu_lb   lw; add using it; bne using that  (... to a branch: waits for WB2)
 */
#include "test_asm.h"

#define LU_N1 10
#define LU_N2 20
#define LU_KERNELS 17

.macro KERNEL name
    .balign 128
    .skip   64
\name:
.endm

/* the loop is done: store the cycles since t0 at 0(a1) and return */
.macro KERNEL_END
    csrr    t1, mcycle
    sub     t1, t1, t0
    sw      t1, 0(a1)
    ret
.endm

    TEST_START
    la      s5, word
    la      s0, results
    la      s1, kernels
    li      s3, LU_KERNELS
    /* bring the result words' lines into the data cache first: a kernel's
     * result store that missed would refill its line (posted) during a
     * later kernel's timed loop, whose stores then wait for the refill */
    mv      t2, s0
    li      t3, 3 * LU_KERNELS
2:  lw      t4, 0(t2)
    addi    t2, t2, 4
    addi    t3, t3, -1
    bnez    t3, 2b
1:  lw      s4, 0(s1)
    li      a0, LU_N1
    mv      a1, s0
    jalr    ra, 0(s4)           /* cold */
    li      a0, LU_N1
    addi    a1, s0, 4
    jalr    ra, 0(s4)           /* warm, N1 */
    li      a0, LU_N2
    addi    a1, s0, 8
    jalr    ra, 0(s4)           /* warm, N2 */
    addi    s0, s0, 12
    addi    s1, s1, 4
    addi    s3, s3, -1
    bnez    s3, 1b
    EXIT_OK

    KERNEL  lu_d1
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    add     t3, t2, t2
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_d2
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    addi    a0, a0, -1
    add     t3, t2, t2
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_d3
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    addi    a0, a0, -1
    addi    a2, a2, 1
    add     t3, t2, t2
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_csr
    csrr    t0, mcycle
1:  csrr    t2, mscratch
    add     t3, t2, t2
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_ll
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    lw      t4, 4(s5)
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_sl
    csrr    t0, mcycle
1:  sw      a0, 4(s5)
    lw      t2, 0(s5)
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_lc
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    csrr    t4, mscratch
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_lx
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    addi    a2, a2, 1
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_bd1
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    bne     t2, s5, 2f
2:  addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_bd2
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    addi    a0, a0, -1
    beq     t2, s5, 2f
2:  bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_hd1
    csrr    t0, mcycle
1:  lh      t2, 0(s5)
    add     t3, t2, t2
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_ad1
    csrr    t0, mcycle
1:  lw      t2, 8(s5)
    lw      t4, 0(t2)
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_md1
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    mul     t3, t2, t2
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_ls
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    sw      a0, 4(s5)
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_ss
    csrr    t0, mcycle
1:  sw      a0, 4(s5)
    sw      a0, 4(s5)
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_lc2
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    add     t3, t2, t2
    add     t4, t3, t3
    addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    KERNEL  lu_lb
    csrr    t0, mcycle
1:  lw      t2, 0(s5)
    add     t3, t2, t2
    bne     t3, s5, 2f
2:  addi    a0, a0, -1
    bnez    a0, 1b
    KERNEL_END

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 3 * LU_KERNELS
    .data
    .balign 4
kernels:
    .word   lu_d1, lu_d2, lu_d3, lu_csr, lu_ll, lu_sl, lu_lc, lu_lx
    .word   lu_bd1, lu_bd2, lu_hd1, lu_ad1, lu_md1, lu_ls, lu_ss, lu_lc2, lu_lb
word:
    .word   0x12345678, 0, word
