// SPDX-License-Identifier: Apache-2.0
/*
 * harts_pause.S - `pause` gives issue slots to the other context.
 * Context 1 runs a fixed register-only compute loop (`niter` iterations,
 * written by the test) and measures it with mcycle; context 0 meanwhile
 * spins on the `done` flag, with `pause` in its loop when `use_pause`
 * (written by the test) is non-zero, without otherwise.
 * results[]: 0 rd of hart.start (1), 1 compute-loop cycles on context 1,
 *            2 the loop's result (x_{i+1} = (x_i * 1103515245 + 1234) ^ i,
 *              x_0 = 1), 3 spin iterations of context 0
 */
#include "test_asm.h"

    TEST_START
    la      s1, results
    la      t0, use_pause
    lw      s2, 0(t0)
    la      s3, done
    li      s4, 0
    la      t1, h1_entry
    HART_START t0, t1, zero
    sw      t0, 0(s1)
    beqz    t0, 3f
    beqz    s2, 2f
1:  addi    s4, s4, 1               /* spin with pause */
    lw      t0, 0(s3)
    bnez    t0, 3f
    pause
    j       1b
2:  addi    s4, s4, 1               /* spin without pause */
    lw      t0, 0(s3)
    bnez    t0, 3f
    j       2b
3:  fence   rw, rw
    sw      s4, 12(s1)
    EXIT_OK

    .balign 4
h1_entry:
    la      t0, niter
    lw      a1, 0(t0)
    li      a2, 1
    li      a3, 1103515245
    li      a4, 0
    csrr    t1, mcycle
    beqz    a1, 5f
4:  mul     a2, a2, a3
    addi    a2, a2, 1234
    xor     a2, a2, a4
    addi    a4, a4, 1
    bne     a4, a1, 4b
5:  csrr    t2, mcycle
    sub     t2, t2, t1
    la      t0, results
    sw      t2, 4(t0)
    sw      a2, 8(t0)
    fence   rw, w
    la      t0, done
    li      t1, 1
    sw      t1, 0(t0)
    HART_EXIT
    EXIT_CODE 0x58

    UNEXPECTED_TRAP_HANDLER
    WORDS use_pause, 1
    WORDS niter, 1
    WORDS done, 1
    WORDS results, 4
