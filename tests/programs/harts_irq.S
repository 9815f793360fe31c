// SPDX-License-Identifier: Apache-2.0
/*
 * harts_irq.S - interrupts are per hart: context 1, started as a hart,
 * takes a software interrupt sent by context 0 through msip[1] and a timer
 * interrupt from its own mtimecmp[1], in its own handler, while context 0
 * (with MSIE/MTIE/MIE enabled but msip[0] = 0 and mtimecmp[0] = max) takes
 * none. Context 1 waits for both with wfi.
 * results[]:
 *   0  rd of hart.start (1)
 *   1  interrupts taken by context 1 (2)
 *   2, 3  their mcause values (0x80000003 and 0x80000007, either order)
 *   4, 5  mhartid in context 1's handler (1, 1)
 *   6  interrupts taken by context 0 (0)
 *   7  wfi executions on context 1 (>= 1)
 */
#include "test_asm.h"

    TEST_START
    la      t0, h0_handler
    csrw    mtvec, t0
    la      s1, results
    li      t0, MIE_MTIE | MIE_MSIE
    csrw    mie, t0
    IRQ_ON
    la      t1, h1_entry
    HART_START t0, t1, zero
    sw      t0, 0(s1)
    beqz    t0, 1f
    la      t0, h1_ready
    WAIT_NONZERO t0, t3, 100000
    li      t1, CLINT_MSIP1
    li      t2, 1
    sw      t2, 0(t1)
    la      t0, h1_done
    WAIT_NONZERO t0, t3, 200000
1:  IRQ_OFF
    fence   rw, rw
    la      t0, h0_count
    lw      t0, 0(t0)
    sw      t0, 24(s1)
    EXIT_OK

    .balign 4
h0_handler:
    la      t5, h0_count
    lw      t6, 0(t5)
    addi    t6, t6, 1
    sw      t6, 0(t5)
    li      t5, 5                   /* an interrupt storm would never end */
    bltu    t6, t5, 2f
    EXIT_CODE 0x59
2:  li      t5, CLINT_MSIP0         /* silence both sources of hart 0 */
    sw      zero, 0(t5)
    li      t5, CLINT_MTIMECMP0
    li      t6, -1
    sw      t6, 4(t5)
    sw      t6, 0(t5)
    lw      t6, 0(t5)
    mret

/* Context 1: only a0 is defined at entry. */
    .balign 4
h1_entry:
    la      s1, results
    la      t0, h1_handler
    csrw    mtvec, t0
    li      t0, MIE_MTIE | MIE_MSIE
    csrw    mie, t0
    li      t1, CLINT_MTIMECMP1
    sw      zero, 4(t1)
    li      t2, CLINT_MTIME
    lw      t2, 0(t2)
    addi    t2, t2, 400
    sw      t2, 0(t1)
    lw      t2, 0(t1)
    la      t0, h1_ready
    li      t1, 1
    sw      t1, 0(t0)
    /* check-then-wfi with interrupts masked (no lost wake-up); wfi still
     * resumes on a pending enabled source; unmask to take it */
    li      s2, 0                   /* wfi count */
    li      t4, 100
3:  IRQ_OFF
    lw      t0, 4(s1)
    li      t1, 2
    bgeu    t0, t1, 4f
    addi    s2, s2, 1
    wfi
    IRQ_ON
    addi    t4, t4, -1
    bnez    t4, 3b
4:  IRQ_OFF
    sw      s2, 28(s1)
    fence   rw, w
    la      t0, h1_done
    li      t1, 1
    sw      t1, 0(t0)
    HART_EXIT
    EXIT_CODE 0x58

    .balign 4
h1_handler:
    lw      t5, 4(s1)               /* count, index of this entry */
    addi    t6, t5, 1
    sw      t6, 4(s1)
    li      t6, 2
    bgeu    t5, t6, 6f              /* only the first two are logged */
    slli    t5, t5, 2
    add     t5, t5, s1
    csrr    t6, mcause
    sw      t6, 8(t5)
    csrr    t6, mhartid
    sw      t6, 16(t5)
6:  csrr    t6, mcause          /* silence the source that interrupted */
    andi    t6, t6, 0xF
    li      t5, 7
    beq     t6, t5, 8f
    li      t5, CLINT_MSIP1
    sw      zero, 0(t5)
    lw      t6, 0(t5)
    j       7f
8:  li      t5, CLINT_MTIMECMP1
    li      t6, -1
    sw      t6, 4(t5)
    sw      t6, 0(t5)
    lw      t6, 0(t5)
7:  mret

    UNEXPECTED_TRAP_HANDLER
    WORDS h1_ready, 1
    WORDS h1_done, 1
    WORDS h0_count, 1
    WORDS results, 8
