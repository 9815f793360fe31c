// SPDX-License-Identifier: Apache-2.0
/*
 * sync_trap.S - sync_trap_vector, the trap vector the sync library
 * installs on a hart (outrider/sync.h, sync_irq_init).
 *
 * Saves the caller-saved registers on the interrupted code's stack (M-mode
 * only: sp is always valid), calls sync_irq_dispatch(mcause) for an
 * interrupt, restores and returns with mret. An exception, or an interrupt
 * the library does not handle, goes to the runtime's default vector
 * (report on the console, exit 99); registers do not matter there.
 * Interrupts stay disabled in the handler (mstatus.MIE = 0 on entry).
 */
#include <outrider/asm.h>

#define FRAME 64

    .section .text.sync_trap_vector, "ax", @progbits
    .globl sync_trap_vector
    .type  sync_trap_vector, @function
    .p2align 2
sync_trap_vector:
    addi sp, sp, -FRAME
    sw   ra,  0(sp)
    sw   t0,  4(sp)
    sw   t1,  8(sp)
    sw   t2, 12(sp)
    sw   a0, 16(sp)
    sw   a1, 20(sp)
    sw   a2, 24(sp)
    sw   a3, 28(sp)
    sw   a4, 32(sp)
    sw   a5, 36(sp)
    sw   a6, 40(sp)
    sw   a7, 44(sp)
    sw   t3, 48(sp)
    sw   t4, 52(sp)
    sw   t5, 56(sp)
    sw   t6, 60(sp)
    csrr a0, mcause
    bgez a0, 1f                     /* exception */
    call sync_irq_dispatch
    beqz a0, 1f                     /* an interrupt we do not handle */
    lw   ra,  0(sp)
    lw   t0,  4(sp)
    lw   t1,  8(sp)
    lw   t2, 12(sp)
    lw   a0, 16(sp)
    lw   a1, 20(sp)
    lw   a2, 24(sp)
    lw   a3, 28(sp)
    lw   a4, 32(sp)
    lw   a5, 36(sp)
    lw   a6, 40(sp)
    lw   a7, 44(sp)
    lw   t3, 48(sp)
    lw   t4, 52(sp)
    lw   t5, 56(sp)
    lw   t6, 60(sp)
    addi sp, sp, FRAME
    mret
1:  addi sp, sp, FRAME
    j    outrider_default_trap_vector
    .size sync_trap_vector, . - sync_trap_vector
