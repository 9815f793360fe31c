// SPDX-License-Identifier: Apache-2.0
/*
 * bad_spin.S - a program that never halts (for the cycle-limit tests).
 */
    .section .text.init.enter, "ax"
    .globl  _start
_start:
    addi    t0, t0, 1
    j       _start
