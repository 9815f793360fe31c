// SPDX-License-Identifier: Apache-2.0
/*
 * traps_vec.S - mtvec vectored mode: exceptions go to BASE, interrupt
 * cause i to BASE + 4*i. The table has 16 entries; entry k logs
 * {k, mcause, mepc} into vlog[] (in the order taken).
 * Sequence: ecall (exception, entry 0), machine software interrupt via
 * msip[0] (entry 3), machine timer interrupt via mtimecmp[0] (entry 7).
 * vcount: entries logged. mtvec_read: mtvec as read back.
 */
#include "test_asm.h"

    TEST_START
    la      t0, vec_table
    ori     t0, t0, 1
    csrw    mtvec, t0
    csrr    t1, mtvec
    la      t2, mtvec_read
    sw      t1, 0(t2)
    la      s2, vcount

    .globl  vec_ecall
vec_ecall:
    ecall

    /* software interrupt */
    li      t0, MIE_MSIE
    csrw    mie, t0
    IRQ_ON
    li      t1, CLINT_MSIP0
    li      t2, 1
    sw      t2, 0(t1)
    li      t3, 2
    li      t4, 10000
1:  lw      t0, 0(s2)
    beq     t0, t3, 2f
    addi    t4, t4, -1
    bnez    t4, 1b
    EXIT_CODE EXIT_TIMEOUT

    /* timer interrupt */
2:  li      t0, MIE_MTIE
    csrw    mie, t0
    li      t1, CLINT_MTIMECMP0
    sw      zero, 4(t1)
    li      t2, CLINT_MTIME
    lw      t2, 0(t2)
    addi    t2, t2, 100
    sw      t2, 0(t1)
    li      t3, 3
    li      t4, 10000
3:  lw      t0, 0(s2)
    beq     t0, t3, 4f
    addi    t4, t4, -1
    bnez    t4, 3b
    EXIT_CODE EXIT_TIMEOUT
4:  IRQ_OFF
    EXIT_OK

    .balign 256
    .globl  vec_table
vec_table:
    .irp    k, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    j       vec_\k
    .endr

    .irp    k, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
vec_\k:
    li      s8, \k
    j       vec_common
    .endr

/* log {entry, mcause, mepc}; silence the source; return (uses t5, t6, s8-s10) */
vec_common:
    lw      t5, 0(s2)
    addi    t6, t5, 1
    sw      t6, 0(s2)
    li      t6, 8
    bltu    t5, t6, 1f
    EXIT_CODE 0x56
1:  li      t6, 12
    mul     t5, t5, t6
    la      t6, vlog
    add     t6, t6, t5
    sw      s8, 0(t6)
    csrr    s9, mcause
    sw      s9, 4(t6)
    csrr    s10, mepc
    sw      s10, 8(t6)
    bltz    s9, 2f
    addi    s10, s10, 4         /* exception: skip the instruction */
    csrw    mepc, s10
    mret
2:  li      t6, CLINT_MSIP0     /* interrupt: clear both sources */
    sw      zero, 0(t6)
    lw      t5, 0(t6)           /* read back: the clear has landed */
    li      t6, CLINT_MTIMECMP0
    li      t5, -1
    sw      t5, 4(t6)
    sw      t5, 0(t6)
    lw      t5, 0(t6)
    mret

    WORDS vcount, 1
    WORDS vlog, 3 * 8
    WORDS mtvec_read, 1
    UNEXPECTED_TRAP_HANDLER
