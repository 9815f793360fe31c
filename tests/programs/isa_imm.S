// SPDX-License-Identifier: Apache-2.0
/*
 * isa_imm.S - register-immediate ALU operations with edge immediates.
 * For each value in `values` (nvalues of them, written by the test) it
 * stores IMM_NOPS words into `results`, in the order of the IOP lines
 * below (tests/suites/test_isa.c holds the same table and computes each
 * result in C).
 */
#include "test_asm.h"

#define IMM_MAX_VALUES 64
#define IMM_NOPS       31

.macro IOP op, imm, idx
    \op     t0, a0, \imm
    sw      t0, 4 * \idx(s1)
.endm

    TEST_START
    la      s0, values
    la      s1, results
    la      t0, nvalues
    lw      s2, 0(t0)
    li      t0, IMM_MAX_VALUES
    bleu    s2, t0, 1f
    EXIT_CODE EXIT_BAD_ARG
1:  beqz    s2, 2f
    lw      a0, 0(s0)
    IOP addi,  0,      0
    IOP addi,  1,      1
    IOP addi,  -1,     2
    IOP addi,  2047,   3
    IOP addi,  -2048,  4
    IOP slti,  0,      5
    IOP slti,  -1,     6
    IOP slti,  2047,   7
    IOP slti,  -2048,  8
    IOP sltiu, 0,      9
    IOP sltiu, 1,      10
    IOP sltiu, -1,     11
    IOP sltiu, 2047,   12
    IOP xori,  -1,     13
    IOP xori,  0x555,  14
    IOP xori,  -2048,  15
    IOP ori,   0,      16
    IOP ori,   0x0F0,  17
    IOP ori,   -2048,  18
    IOP andi,  -1,     19
    IOP andi,  0x7FF,  20
    IOP andi,  -2048,  21
    IOP slli,  0,      22
    IOP slli,  1,      23
    IOP slli,  31,     24
    IOP srli,  0,      25
    IOP srli,  1,      26
    IOP srli,  31,     27
    IOP srai,  0,      28
    IOP srai,  1,      29
    IOP srai,  31,     30
    addi    s0, s0, 4
    addi    s1, s1, IMM_NOPS * 4
    addi    s2, s2, -1
    j       1b
2:  EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS nvalues, 1
    WORDS values, IMM_MAX_VALUES
    WORDS results, IMM_NOPS * IMM_MAX_VALUES
