// SPDX-License-Identifier: Apache-2.0
/*
 * isa_stale_btb.S - an instruction that is no branch or jump but hits a
 * stale BTB entry predicted taken, and traps (docs/core.md "Branch
 * prediction"): EX redirects it to PC + 4 without waiting for its own
 * checks, and the trap in MEM follows; the program must see exactly the
 * trap, at the right PC, and go on after it.
 *
 * `code_buf` first holds `j .+8; li a0, 1; ret` and is called four times
 * (the jump trains its BTB entry: taken to code_buf + 8, so a0 stays 0).
 * Then its first word becomes a misaligned `amoadd.w a1, a2, (a3)`
 * (fence.i; the BTB keeps the entry) and it is called once more: the AMO
 * hits the stale entry, traps (store/AMO address misaligned), the handler
 * skips it, `li a0, 1; ret` run.
 * results[]:
 *   0  a0 after the trained calls (0)
 *   1  a0 after the call with the AMO (1)
 *   2  mcause (6)       3  mepc - code_buf (0)
 *   4  mtval - amo_word (2)
 *   5  amo_word after (unchanged: 0x11223344)
 *   6  a1 after (unchanged: 0x5A5A5A5A)
 *   7  mhpmcounter4 (EX redirects) over the AMO's call (>= 1: the stale
 *      prediction was resolved by a redirect)
 */
#include "test_asm.h"

#define INSN_J8       0x0080006f                         /* jal x0, .+8 */
#define INSN_LI_A0(v) (((v) << 20) | (10 << 7) | 0x13)   /* addi a0, zero, v */
#define INSN_RET      0x00008067                         /* jalr x0, 0(ra) */
/* amoadd.w a1, a2, (a3) */
#define INSN_AMOADD   ((12 << 20) | (13 << 15) | (2 << 12) | (11 << 7) | 0x2f)

    TEST_START
    la      s0, code_buf
    la      s1, results
    la      t0, expected_trap
    csrw    mtvec, t0
    li      t0, INSN_J8
    sw      t0, 0(s0)
    li      t0, INSN_LI_A0(1)
    sw      t0, 4(s0)
    li      t0, INSN_RET
    sw      t0, 8(s0)
    fence.i
    li      a0, 0
    li      s2, 4
1:  jalr    ra, 0(s0)
    addi    s2, s2, -1
    bnez    s2, 1b
    sw      a0, 0(s1)

    li      t0, INSN_AMOADD
    sw      t0, 0(s0)
    fence.i
    la      a3, amo_word
    addi    a3, a3, 2
    li      a2, 5
    li      a1, 0x5A5A5A5A
    li      a0, 0
    csrr    s3, mhpmcounter4
    jalr    ra, 0(s0)
    csrr    s4, mhpmcounter4
    sw      a0, 4(s1)
    sub     s4, s4, s3
    sw      s4, 28(s1)
    la      t0, amo_word
    lw      t1, 0(t0)
    sw      t1, 20(s1)
    sw      a1, 24(s1)
    EXIT_OK

/* the expected trap: log it, skip the instruction */
    .balign 4
expected_trap:
    csrr    t5, mcause
    sw      t5, 8(s1)
    csrr    t5, mepc
    sub     t6, t5, s0
    sw      t6, 12(s1)
    addi    t5, t5, 4
    csrw    mepc, t5
    csrr    t5, mtval
    la      t6, amo_word
    sub     t5, t5, t6
    sw      t5, 16(s1)
    mret

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 8
    .data
    .balign 4
    .globl  amo_word
amo_word: .word 0x11223344, 0
    .balign 64
    .globl  code_buf
code_buf: .space 64
