// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_smc.S - code written through the (write-back) data cache runs
 * after fence.i. The program writes `addi a0, zero, 42; ret` into
 * `code_buf`, executes fence.i and calls it; then patches the immediate to
 * 43 (the line is cached now), fence.i, calls again. Before the second
 * fence.i it also stores 0xC0FFEE to `other` (another dirty line that the
 * fence must write back too).
 * results[]: 0 first call (42), 1 second call (43)
 */
#include "dcache_asm.h"

#define INSN_LI_A0(v) (((v) << 20) | (10 << 7) | 0x13)   /* addi a0, zero, v */
#define INSN_RET      0x00008067                         /* jalr x0, 0(ra) */

    TEST_START
    la      s0, code_buf
    la      s1, results
    li      t0, INSN_LI_A0(42)
    sw      t0, 0(s0)
    li      t0, INSN_RET
    sw      t0, 4(s0)
    fence.i
    jalr    ra, 0(s0)
    sw      a0, 0(s1)
    li      t0, INSN_LI_A0(43)
    sw      t0, 0(s0)
    la      t1, other
    li      t0, 0xC0FFEE
    sw      t0, 0(t1)
    fence.i
    jalr    ra, 0(s0)
    sw      a0, 4(s1)
    EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 2
    .data
    .balign LINE_ALIGN
    .globl  code_buf, other
code_buf: .space LINE_ALIGN
other:    .space LINE_ALIGN
