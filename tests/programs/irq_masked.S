// SPDX-License-Identifier: Apache-2.0
/*
 * irq_masked.S - a pending interrupt is not taken while masked.
 * Step 1: mie.MTIE = 1, mstatus.MIE = 0: arm the timer, wait until
 *   mip.MTIP is set, spin 200 more iterations: no handler entry.
 * Step 2: mie = 0, mstatus.MIE = 1: spin 200 iterations: no handler entry.
 * Step 3: set mie.MTIE at unmask_site: the handler runs (and disarms).
 * results[]:
 *   0  handler entries after step 1 (0)
 *   1  mip seen in step 1 (MTIP set)
 *   2  handler entries after step 2 (0)
 *   3  mip in step 2 (MTIP still set)
 *   4  handler entries after step 3 (1)
 *   5  mcause in the handler
 *   6  mepc in the handler (after unmask_site, before unmask_end)
 */
#include "test_asm.h"

    TEST_START
    la      t0, irq_handler
    csrw    mtvec, t0
    la      s1, results
    la      s2, count

    /* step 1 */
    IRQ_OFF
    li      t0, MIE_MTIE
    csrw    mie, t0
    li      t1, CLINT_MTIMECMP0
    sw      zero, 4(t1)
    li      t2, CLINT_MTIME
    lw      t2, 0(t2)
    addi    t2, t2, 100
    sw      t2, 0(t1)
    li      t4, 10000
1:  csrr    t0, mip
    andi    t0, t0, MIE_MTIE
    bnez    t0, 2f
    addi    t4, t4, -1
    bnez    t4, 1b
    EXIT_CODE EXIT_TIMEOUT
2:  li      t4, 200
3:  addi    t4, t4, -1
    bnez    t4, 3b
    csrr    t0, mip
    sw      t0, 4(s1)
    lw      t0, 0(s2)
    sw      t0, 0(s1)

    /* step 2 */
    csrw    mie, zero
    IRQ_ON
    li      t4, 200
4:  addi    t4, t4, -1
    bnez    t4, 4b
    csrr    t0, mip
    sw      t0, 12(s1)
    lw      t0, 0(s2)
    sw      t0, 8(s1)

    /* step 3 */
    li      t0, MIE_MTIE
    .globl  unmask_site, unmask_end
unmask_site:
    csrs    mie, t0
    li      t4, 100
5:  addi    t4, t4, -1
    bnez    t4, 5b
unmask_end:
    IRQ_OFF
    lw      t0, 0(s2)
    sw      t0, 16(s1)
    EXIT_OK

    .balign 4
irq_handler:
    lw      t5, 0(s2)
    addi    t5, t5, 1
    sw      t5, 0(s2)
    csrr    t5, mcause
    sw      t5, 20(s1)
    csrr    t5, mepc
    sw      t5, 24(s1)
    li      t6, CLINT_MTIMECMP0
    li      t5, -1
    sw      t5, 4(t6)
    sw      t5, 0(t6)
    lw      t5, 0(t6)
    mret

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 7
    WORDS count, 1
