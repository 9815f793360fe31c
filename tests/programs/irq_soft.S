// SPDX-License-Identifier: Apache-2.0
/*
 * irq_soft.S - machine software interrupt through the CLINT msip register.
 * results[]:
 *   0  mip after msip[0] = 1 with mstatus.MIE = 0 (MSIP set, not taken)
 *   1  msip[0] read back (1)
 *   2  mcause in the handler
 *   3  mepc in the handler
 *   4  mip after the handler cleared msip[0] (MSIP clear)
 *   5  number of handler entries (1)
 *   6  mip of hart 0 after msip[1] = 1 (MSIP clear: another hart's bit)
 *   7  handler entries after that (still 1)
 */
#include "test_asm.h"

    TEST_START
    la      t0, irq_handler
    csrw    mtvec, t0
    la      s1, results
    la      s2, count

    li      t0, MIE_MSIE
    csrw    mie, t0
    li      t1, CLINT_MSIP0
    li      t2, 1
    sw      t2, 0(t1)
    lw      t3, 0(t1)           /* read back: the store has landed */
    sw      t3, 4(s1)
    csrr    t0, mip
    sw      t0, 0(s1)

    .globl  enable_site, wait_end
enable_site:
    IRQ_ON
    li      t4, 1000
1:  lw      t0, 0(s2)
    bnez    t0, 2f
    addi    t4, t4, -1
    bnez    t4, 1b
wait_end:
    EXIT_CODE EXIT_TIMEOUT
2:  lw      t0, 0(s2)
    sw      t0, 20(s1)

    /* msip of hart 1 must not interrupt hart 0 */
    li      t1, CLINT_MSIP1
    li      t2, 1
    sw      t2, 0(t1)
    lw      t3, 0(t1)
    li      t4, 50
3:  addi    t4, t4, -1
    bnez    t4, 3b
    csrr    t0, mip
    sw      t0, 24(s1)
    lw      t0, 0(s2)
    sw      t0, 28(s1)
    sw      zero, 0(t1)
    IRQ_OFF
    EXIT_OK

    .balign 4
irq_handler:
    lw      t5, 0(s2)
    addi    t5, t5, 1
    sw      t5, 0(s2)
    csrr    t5, mcause
    sw      t5, 8(s1)
    csrr    t5, mepc
    sw      t5, 12(s1)
    li      t6, CLINT_MSIP0
    sw      zero, 0(t6)
    lw      t5, 0(t6)
    csrr    t5, mip
    sw      t5, 16(s1)
    mret

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 8
    WORDS count, 1
