// SPDX-License-Identifier: Apache-2.0
/*
 * harts_kernel.S - both contexts run the same dependent-instruction kernel
 * at the same time, on different inputs, with the same register numbers:
 * a result forwarded, a load answered or a store buffered for the wrong
 * context would show up as a wrong hash.
 * The test writes two blocks blk0/blk1 = {x, y, head, iters} and two linked
 * lists (nodes0/nodes1 of {next, value}). Context 0 starts context 1 with
 * a0 = &blk1 and runs the kernel on blk0 itself.
 * The kernel is described in kernel_asm.h.
 * results[0] = rd of hart.start (1).
 */
#include "test_asm.h"
#include "kernel_asm.h"

    TEST_START
    la      s1, results
    la      t1, h1_entry
    la      a0, blk1
    HART_START t0, t1, a0
    sw      t0, 0(s1)
    beqz    t0, 1f
    la      a0, blk0
    la      a1, out0
    jal     ra, kernel
    la      t0, done
    WAIT_NONZERO t0, t3, 2000000
1:  EXIT_OK

    .balign 4
h1_entry:
    la      a1, out1
    jal     ra, kernel
    fence   rw, w
    la      t0, done
    li      t1, 1
    sw      t1, 0(t0)
    HART_EXIT
    EXIT_CODE 0x58

    KERNEL_ROUTINE

    UNEXPECTED_TRAP_HANDLER
    WORDS done, 1
    WORDS results, 1
    WORDS blk0, 4
    WORDS blk1, 4
    WORDS out0, 4
    WORDS out1, 4
    WORDS nodes0, 2 * 16
    WORDS nodes1, 2 * 16
