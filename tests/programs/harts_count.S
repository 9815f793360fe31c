// SPDX-License-Identifier: Apache-2.0
/*
 * harts_count.S - a shared counter incremented by both harts.
 * The test writes `mode` and `niter` before the run; each hart increments
 * `counter` niter times:
 *   mode 0: amoadd.w
 *   mode 1: lr.w / addi / sc.w retry loop (SC failures counted per hart in
 *           sc_fail[hart])
 *   mode 2: non-atomic lw/addi/sw inside a test-and-test-and-set spin lock
 *           (amoswap.w.aq to take it, fence rw,w + sw zero to release)
 * Context 0 starts context 1, both run the same worker, context 0 waits for
 * context 1's done flag. results[0] = rd of hart.start (1), results[1] =
 * counter at the end (2 * niter), results[2] = lock word at the end (0).
 */
#include "test_asm.h"

    TEST_START
    la      s1, results
    la      t1, h1_entry
    HART_START s3, t1, zero
    sw      s3, 0(s1)
    beqz    s3, 1f
    jal     ra, worker
    la      t0, done
    WAIT_NONZERO t0, t3, 2000000
    fence   rw, rw
1:  la      t0, counter
    lw      t1, 0(t0)
    sw      t1, 4(s1)
    la      t0, lock
    lw      t1, 0(t0)
    sw      t1, 8(s1)
    EXIT_OK

    .balign 4
h1_entry:
    jal     ra, worker
    fence   rw, w
    la      t0, done
    li      t1, 1
    sw      t1, 0(t0)
    HART_EXIT
    EXIT_CODE 0x58

/* worker: increments counter niter times in the selected mode.
 * Uses a0-a5, t0-t5 (no stack). */
    .balign 4
worker:
    la      t0, mode
    lw      a0, 0(t0)
    la      t0, niter
    lw      a1, 0(t0)
    la      t0, counter
    la      t4, lock
    li      a3, 0                   /* SC failures */
    beqz    a1, 9f
    li      t1, 1
    beq     a0, t1, 2f
    li      t1, 2
    beq     a0, t1, 4f

    /* mode 0: amoadd */
    li      t1, 1
1:  amoadd.w x0, t1, (t0)
    addi    a1, a1, -1
    bnez    a1, 1b
    j       9f

    /* mode 1: lr/sc */
2:  lr.w    t2, (t0)
    addi    t2, t2, 1
    sc.w    t3, t2, (t0)
    beqz    t3, 3f
    addi    a3, a3, 1
    j       2b
3:  addi    a1, a1, -1
    bnez    a1, 2b
    j       9f

    /* mode 2: spin lock around a plain read-modify-write */
4:  lw      t5, 0(t4)               /* test ... */
    bnez    t5, 4b
    li      t5, 1
    amoswap.w.aq t5, t5, (t4)       /* ... and set */
    bnez    t5, 4b
    lw      t2, 0(t0)
    addi    t2, t2, 1
    sw      t2, 0(t0)
    fence   rw, w
    sw      zero, 0(t4)
    addi    a1, a1, -1
    bnez    a1, 4b

9:  csrr    t1, mhartid
    slli    t1, t1, 2
    la      t2, sc_fail
    add     t2, t2, t1
    sw      a3, 0(t2)
    ret

    UNEXPECTED_TRAP_HANDLER
    WORDS mode, 1
    WORDS niter, 1
    WORDS done, 1
    WORDS sc_fail, 2
    WORDS results, 3
    .data
    .balign 64
    .globl  counter, lock
counter:
    .word   0
    .balign 64
lock:
    .word   0
