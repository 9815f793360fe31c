// SPDX-License-Identifier: Apache-2.0
/*
 * bad_tiny.S - the smallest program that exits with code 0, plus one word
 * in section .far. tests/tests.mk links it in wrong ways to make bad inputs
 * for test_badinput (rv64, code outside RAM, a segment beyond the RAM size);
 * linked at 0x80000000 with .far nearby it is a good control program.
 */
    .text
    .globl  _start
_start:
    li      t0, 0x10000004
    la      t1, far_word
    lw      t1, 0(t1)
    sw      zero, 0(t0)
1:  j       1b

    .section .far, "aw"
    .globl  far_word
far_word:
    .word   0x12345678
