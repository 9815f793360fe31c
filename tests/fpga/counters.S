// SPDX-License-Identifier: Apache-2.0
/*
 * counters.S - the board test's check that a program started by the boot
 * loader sees the counters as it would right after reset in smtsim: the
 * first instructions read mcycle, minstret and mtime (low words) and
 * print them in hex, one line, then a few more cycles' worth of work is
 * timed the same way. The board test compares the output with smtsim's
 * (the boot ROM's start prologue is calibrated with it, fpga/sim.mk).
 */
    .section .text.init.enter, "ax"
    .globl _start
_start:
    csrr    s0, mcycle
    csrr    s1, minstret
    li      t0, 0x0200BFF8
    lw      s2, 0(t0)
    li      s4, 0x10000000          /* console */
    mv      a0, s0
    jal     hex
    mv      a0, s1
    jal     hex
    mv      a0, s2
    jal     hex
    li      t1, 10
    sb      t1, 0(s4)
    li      t0, 0x10000004
    sw      zero, 0(t0)
1:  j       1b

/* a0 in hex and a space */
hex:
    li      t2, 28
2:  srl     t3, a0, t2
    andi    t3, t3, 15
    li      t4, 10
    blt     t3, t4, 3f
    addi    t3, t3, 'a' - 10 - '0'
3:  addi    t3, t3, '0'
    sb      t3, 0(s4)
    addi    t2, t2, -4
    bgez    t2, 2b
    li      t3, ' '
    sb      t3, 0(s4)
    ret
