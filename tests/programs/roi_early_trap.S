// SPDX-License-Identifier: Apache-2.0
/*
 * roi_early_trap.S - a program that traps before it installs a trap handler
 * (mtvec is still 0 from reset): an illegal instruction at `early_fault`.
 * smtsim must stop at once with exit status 4 and a report naming the
 * cause and the symbol (test_roi).
 */
    .section .text.init.enter, "ax"
    .globl  _start
_start:
    li      t0, 5
    addi    t0, t0, 1
    j       early_fault
    nop
    .globl  early_fault
early_fault:
    nop
    .word   0x00000000              /* illegal (all-zero) instruction at early_fault+4 */
1:  j       1b
