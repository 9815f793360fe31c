// SPDX-License-Identifier: Apache-2.0
/*
 * harts_smc.S - self-modifying code made visible with fence.i.
 * The test writes three instruction words into `new_insn` before the run
 * (each `addi a0, x0, IMM`).
 * results[]:
 *   0  smc_fn() before any change (1)
 *   1  smc_fn() after storing new_insn[0] over its first instruction + fence.i
 *   2  smc_fn() after storing new_insn[1] + fence.i (a second change)
 *   3  a0 from the instruction right after the fence.i, which was itself
 *      overwritten with new_insn[2] just before the fence.i
 */
#include "test_asm.h"

    TEST_START
    la      s1, results
    la      s2, new_insn
    la      s3, smc_fn

    jal     ra, smc_fn
    sw      a0, 0(s1)

    lw      t1, 0(s2)
    sw      t1, 0(s3)
    fence.i
    jal     ra, smc_fn
    sw      a0, 4(s1)

    lw      t1, 4(s2)
    sw      t1, 0(s3)
    fence.i
    jal     ra, smc_fn
    sw      a0, 8(s1)

    li      a0, 0
    lw      t1, 8(s2)
    la      t2, smc_next
    sw      t1, 0(t2)
    fence.i
smc_next:
    addi    a0, x0, 1
    sw      a0, 12(s1)
    EXIT_OK

    .balign 4
    .globl  smc_fn
smc_fn:
    addi    a0, x0, 1
    ret

    UNEXPECTED_TRAP_HANDLER
    WORDS new_insn, 3
    WORDS results, 4
