// SPDX-License-Identifier: Apache-2.0
/*
 * isa_misc.S - writes to x0 are ignored; LUI and AUIPC.
 * results[]:
 *   0..7   x0 read back after writes to it by addi, lui, auipc, add, lw,
 *          jal, jalr and csrrw (each stored with `sw x0`)
 *   8      addi t0, x0, 5 right after those writes (5)
 *   9      the word `lw x0` read from (proves the load really executed)
 *  10..14  lui 0x12345 / 0xFFFFF / 0x80000 / 0 / 1
 *  15..17  auipc 0 / 1 / 0xFFFFF at labels auipc_0 / auipc_1 / auipc_2
 *  18      lui+addi pair building 0xDEADBEEF (li with a negative low part)
 */
#include "test_asm.h"

    TEST_START
    la      s1, results
    li      t1, 0x1234
    la      s2, x0_src

    addi    x0, x0, 123
    sw      x0, 0(s1)
    lui     x0, 0x12345
    sw      x0, 4(s1)
    auipc   x0, 0x1
    sw      x0, 8(s1)
    add     x0, t1, t1
    sw      x0, 12(s1)
    lw      x0, 0(s2)
    sw      x0, 16(s1)
    jal     x0, 1f
1:  sw      x0, 20(s1)
    la      t2, 2f
    jalr    x0, 0(t2)
2:  sw      x0, 24(s1)
    csrrw   x0, mscratch, t1
    sw      x0, 28(s1)
    addi    t0, x0, 5
    sw      t0, 32(s1)
    lw      t0, 0(s2)
    sw      t0, 36(s1)

    lui     t0, 0x12345
    sw      t0, 40(s1)
    lui     t0, 0xFFFFF
    sw      t0, 44(s1)
    lui     t0, 0x80000
    sw      t0, 48(s1)
    lui     t0, 0
    sw      t0, 52(s1)
    lui     t0, 1
    sw      t0, 56(s1)

    .globl  auipc_0, auipc_1, auipc_2
auipc_0:
    auipc   t0, 0
    sw      t0, 60(s1)
auipc_1:
    auipc   t0, 1
    sw      t0, 64(s1)
auipc_2:
    auipc   t0, 0xFFFFF
    sw      t0, 68(s1)

    lui     t0, %hi(0xDEADBEEF)
    addi    t0, t0, %lo(0xDEADBEEF)
    sw      t0, 72(s1)
    EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    .data
    .balign 4
    .globl  x0_src
x0_src:
    .word   0xCAFEF00D
    WORDS results, 19
