// SPDX-License-Identifier: Apache-2.0
/*
 * roi_trap_loop.S - a trap loop: the handler returns with mret to the
 * instruction that traps (an ecall at `loop_ecall`) without advancing
 * mepc. smtsim must stop after OUTRIDER_TRAP_LOOP_COUNT traps with exit
 * status 4 and a "trap loop" report (test_roi).
 */
    .section .text.init.enter, "ax"
    .globl  _start
_start:
    la      t0, handler
    csrw    mtvec, t0
    .globl  loop_ecall
loop_ecall:
    ecall
1:  j       1b
    .balign 4
handler:
    mret
