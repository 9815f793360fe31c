// SPDX-License-Identifier: Apache-2.0
/*
 * isa_alu.S - register-register ALU and M-extension operations.
 * For each operand pair (a, b) in `pairs` (npairs of them, written by the
 * test before the run) it stores, in this order, into `results`:
 *   add sub sll slt sltu xor srl sra or and
 *   mul mulh mulhsu mulhu div divu rem remu
 * (ALU_NOPS = 18 words per pair). The test computes the RISC-V result of
 * each operation in C.
 */
#include "test_asm.h"

#define ALU_MAX_PAIRS 512
#define ALU_NOPS      18

    TEST_START
    la      s0, pairs
    la      s1, results
    la      t0, npairs
    lw      s2, 0(t0)
    li      t0, ALU_MAX_PAIRS
    bleu    s2, t0, 1f
    EXIT_CODE EXIT_BAD_ARG
1:  beqz    s2, 2f
    lw      a0, 0(s0)
    lw      a1, 4(s0)
    add     t0, a0, a1
    sw      t0, 0(s1)
    sub     t0, a0, a1
    sw      t0, 4(s1)
    sll     t0, a0, a1
    sw      t0, 8(s1)
    slt     t0, a0, a1
    sw      t0, 12(s1)
    sltu    t0, a0, a1
    sw      t0, 16(s1)
    xor     t0, a0, a1
    sw      t0, 20(s1)
    srl     t0, a0, a1
    sw      t0, 24(s1)
    sra     t0, a0, a1
    sw      t0, 28(s1)
    or      t0, a0, a1
    sw      t0, 32(s1)
    and     t0, a0, a1
    sw      t0, 36(s1)
    mul     t0, a0, a1
    sw      t0, 40(s1)
    mulh    t0, a0, a1
    sw      t0, 44(s1)
    mulhsu  t0, a0, a1
    sw      t0, 48(s1)
    mulhu   t0, a0, a1
    sw      t0, 52(s1)
    div     t0, a0, a1
    sw      t0, 56(s1)
    divu    t0, a0, a1
    sw      t0, 60(s1)
    rem     t0, a0, a1
    sw      t0, 64(s1)
    remu    t0, a0, a1
    sw      t0, 68(s1)
    addi    s0, s0, 8
    addi    s1, s1, ALU_NOPS * 4
    addi    s2, s2, -1
    j       1b
2:  EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS npairs, 1
    WORDS pairs, 2 * ALU_MAX_PAIRS
    WORDS results, ALU_NOPS * ALU_MAX_PAIRS
