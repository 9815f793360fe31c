// SPDX-License-Identifier: Apache-2.0
/*
 * irq_precise.S - precise interrupts: the kernel of kernel_asm.h runs while
 * the machine timer interrupts it every few dozen cycles (the delay varies
 * so interrupts land on every kind of instruction: div, mul, loads, stores,
 * branches). The handler touches only t5, t6 (and saves t4 in memory); an
 * instruction lost or executed twice changes the kernel's result.
 * The test writes blk = {x, y, head, iters} and the list in `nodes`.
 * results[]: 0 interrupts taken (> 0), 1 mcause of the last one.
 * out = the kernel's {h, x, y, scratch}.
 */
#include "test_asm.h"
#include "kernel_asm.h"

#define FIRST_DELAY 40

    TEST_START
    la      t0, irq_handler
    csrw    mtvec, t0
    li      t1, CLINT_MTIMECMP0
    sw      zero, 4(t1)
    li      t2, CLINT_MTIME
    lw      t2, 0(t2)
    addi    t2, t2, FIRST_DELAY
    sw      t2, 0(t1)
    li      t0, MIE_MTIE
    csrw    mie, t0
    IRQ_ON
    la      a0, blk
    la      a1, out
    jal     ra, kernel
    IRQ_OFF
    li      t1, CLINT_MTIMECMP0
    li      t2, -1
    sw      t2, 4(t1)
    sw      t2, 0(t1)
    EXIT_OK

    KERNEL_ROUTINE

/* Count, re-arm with a delay of 23 + (count * 13) % 64 cycles. */
    .balign 4
irq_handler:
    la      t6, save_t4
    sw      t4, 0(t6)
    la      t6, results
    lw      t5, 0(t6)
    addi    t5, t5, 1
    sw      t5, 0(t6)
    csrr    t4, mcause
    sw      t4, 4(t6)
    slli    t4, t5, 3
    add     t4, t4, t5
    add     t4, t4, t5
    add     t4, t4, t5
    add     t4, t4, t5              /* count * 13 */
    andi    t4, t4, 63
    addi    t4, t4, 23
    li      t6, CLINT_MTIME
    lw      t5, 0(t6)
    add     t5, t5, t4
    li      t6, CLINT_MTIMECMP0
    sw      t5, 0(t6)
    lw      t5, 0(t6)               /* read back: re-armed before mret */
    la      t6, save_t4
    lw      t4, 0(t6)
    mret

    UNEXPECTED_TRAP_HANDLER
    WORDS save_t4, 1
    WORDS results, 2
    WORDS blk, 4
    WORDS out, 4
    WORDS nodes, 2 * 16
