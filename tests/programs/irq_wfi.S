// SPDX-License-Identifier: Apache-2.0
/*
 * irq_wfi.S - wfi parks the hart until the timer interrupt is pending.
 * Phase A (mstatus.MIE = 1): WFI_N times: arm mtimecmp = mtime + 200, wfi;
 *   the handler runs (and disarms) before the instruction after wfi.
 * Phase B (mstatus.MIE = 0, mie.MTIE = 1): WFI_N times: arm, wfi; wfi
 *   resumes because MTIP is pending in mip & mie, no handler runs; the
 *   program disarms the timer itself.
 * results[]:
 *   0            wake-ups counted in phase A (WFI_N)
 *   1..WFI_N     handler entries seen right after each phase-A wfi (1, 2, 3)
 *   4..6         phase A: mtime - mtimecmp after each wake-up (>= 0 signed)
 *   7            wake-ups counted in phase B (WFI_N)
 *   8..10        phase B: mtime - mtimecmp after each wake-up (>= 0 signed)
 *   11..13       phase B: mip after each wake-up (MTIP set)
 *   14           handler entries at the end (WFI_N: none in phase B)
 */
#include "test_asm.h"

#define WFI_N 3

.macro ARM_TIMER delta
    li      t1, CLINT_MTIMECMP0
    sw      zero, 4(t1)
    li      t2, CLINT_MTIME
    lw      t2, 0(t2)
    addi    s3, t2, \delta
    sw      s3, 0(t1)
    lw      t2, 0(t1)           /* read back: armed before wfi */
.endm

.macro DISARM_TIMER
    li      t6, CLINT_MTIMECMP0
    li      t5, -1
    sw      t5, 4(t6)
    sw      t5, 0(t6)
    lw      t5, 0(t6)
.endm

    TEST_START
    la      t0, irq_handler
    csrw    mtvec, t0
    la      s1, results
    la      s2, count
    li      t0, MIE_MTIE
    csrw    mie, t0

    /* phase A */
    IRQ_ON
    li      s4, 0               /* wake-ups */
    mv      s5, s1              /* results cursor */
1:  ARM_TIMER 200
    wfi
    addi    s4, s4, 1
    lw      t0, 0(s2)
    sw      t0, 4(s5)
    li      t2, CLINT_MTIME
    lw      t2, 0(t2)
    sub     t2, t2, s3
    sw      t2, 16(s5)
    addi    s5, s5, 4
    li      t0, WFI_N
    bltu    s4, t0, 1b
    sw      s4, 0(s1)

    /* phase B */
    IRQ_OFF
    li      s4, 0
    mv      s5, s1
2:  ARM_TIMER 200
    wfi
    addi    s4, s4, 1
    li      t2, CLINT_MTIME
    lw      t2, 0(t2)
    sub     t2, t2, s3
    sw      t2, 32(s5)
    csrr    t0, mip
    sw      t0, 44(s5)
    DISARM_TIMER
    addi    s5, s5, 4
    li      t0, WFI_N
    bltu    s4, t0, 2b
    sw      s4, 28(s1)
    lw      t0, 0(s2)
    sw      t0, 56(s1)
    EXIT_OK

    .balign 4
irq_handler:
    lw      t5, 0(s2)
    addi    t5, t5, 1
    sw      t5, 0(s2)
    DISARM_TIMER
    mret

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 15
    WORDS count, 1
