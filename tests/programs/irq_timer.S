// SPDX-License-Identifier: Apache-2.0
/*
 * irq_timer.S - machine timer interrupt from the CLINT (mtimecmp[0]).
 * The program touches results[] (so no cache miss follows the arming, at
 * any memory latency), arms mtimecmp = mtime + 300, enables mie.MTIE and
 * mstatus.MIE and spins (between spin_start and spin_end) until the
 * handler has run. The handler disarms the timer.
 * results[]:
 *   0  number of handler entries (1)
 *   1  mcause in the handler
 *   2  mepc in the handler
 *   3  mtime (low word) read in the handler
 *   4  the mtimecmp value armed
 *   5  mip read in the handler (MTIP set)
 *   6  mip after the handler disarmed the timer (MTIP clear)
 *   7  mstatus in the handler (MIE clear, MPIE set)
 *   8  mstatus after the interrupt returned (MIE set again)
 */
#include "test_asm.h"

    TEST_START
    la      t0, irq_handler
    csrw    mtvec, t0
    la      s1, results

    lw      t0, 0(s1)           /* bring results[] into the cache first: */
    lw      t0, 32(s1)          /* no miss between arming and the spin */
    li      t1, CLINT_MTIMECMP0
    sw      zero, 4(t1)
    li      t2, CLINT_MTIME
    lw      t2, 0(t2)
    addi    t2, t2, 300
    sw      t2, 0(t1)
    sw      t2, 16(s1)
    li      t0, MIE_MTIE
    csrs    mie, t0
    IRQ_ON

    li      t4, 20000
    .globl  spin_start, spin_end
spin_start:
    lw      t0, 0(s1)
    bnez    t0, 1f
    addi    t4, t4, -1
    bnez    t4, spin_start
spin_end:
    EXIT_CODE EXIT_TIMEOUT
1:  csrr    t0, mstatus
    sw      t0, 32(s1)
    IRQ_OFF
    EXIT_OK

    .balign 4
irq_handler:
    lw      t5, 0(s1)
    addi    t5, t5, 1
    sw      t5, 0(s1)
    li      t6, 1
    bne     t5, t6, 2f          /* record the first entry only */
    csrr    t5, mcause
    sw      t5, 4(s1)
    csrr    t5, mepc
    sw      t5, 8(s1)
    li      t6, CLINT_MTIME
    lw      t5, 0(t6)
    sw      t5, 12(s1)
    csrr    t5, mip
    sw      t5, 20(s1)
    csrr    t5, mstatus
    sw      t5, 28(s1)
2:  li      t6, CLINT_MTIMECMP0
    li      t5, -1
    sw      t5, 4(t6)
    sw      t5, 0(t6)
    lw      t5, 0(t6)           /* read back: the disarm has landed */
    csrr    t5, mip
    sw      t5, 24(s1)
    mret

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 9
