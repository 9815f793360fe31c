// SPDX-License-Identifier: Apache-2.0
/*
 * trap.S - the runtime's default trap vector.
 *
 * outrider_default_trap_vector (installed in mtvec, direct mode, by crt0.S
 * on every hart) reports any trap (exception or interrupt) on the error
 * console (MMIO console_err: stderr under smtsim and outrider-iss), with the
 * cause by name:
 *   outrider: unhandled trap: environment call from M-mode (mcause=0x0000000b) mepc=0x80000124 mtval=0x00000000 hart=0
 * and ends the simulation with exit code OUTRIDER_TRAP_EXIT_CODE (99).
 * It uses registers only: no stack, no RAM writes (it reads its message
 * text from .rodata), so it also reports traps caused by a broken sp.
 * Programs that want to handle traps install their own vector with
 * outrider_trap_vector_set() (outrider/outrider.h).
 */
#include <outrider/asm.h>

    .section .text.outrider_trap, "ax", @progbits
    .globl outrider_default_trap_vector
    .type  outrider_default_trap_vector, @function
    .p2align 2
outrider_default_trap_vector:
    csrr s2, mcause
    csrr s3, mepc
    csrr s4, mtval
    csrr s5, mhartid
    li   t6, OUTRIDER_CONSOLE_ERR

    la   a0, .Lmsg_trap
    jal  ra, .Lputs
    /* the cause's name: .Lexc_names[code] or .Lirq_names[code], code < 16 */
    slli t1, s2, 1
    srli t1, t1, 1                  /* code = mcause without the interrupt bit */
    la   a0, .Lname_unknown
    li   t2, 16
    bgeu t1, t2, 7f
    la   t2, .Lexc_names
    bgez s2, 8f
    la   t2, .Lirq_names
8:  slli t1, t1, 2
    add  t2, t2, t1
    lw   a0, 0(t2)
7:  jal  ra, .Lputs
    la   a0, .Lmsg_cause
    jal  ra, .Lputs
    mv   a0, s2
    jal  ra, .Lputhex
    la   a0, .Lmsg_close
    jal  ra, .Lputs
    la   a0, .Lmsg_epc
    jal  ra, .Lputs
    mv   a0, s3
    jal  ra, .Lputhex
    la   a0, .Lmsg_tval
    jal  ra, .Lputs
    mv   a0, s4
    jal  ra, .Lputhex
    la   a0, .Lmsg_hart
    jal  ra, .Lputs
    mv   a0, s5
    jal  ra, .Lputdec
    li   t0, '\n'
    sb   t0, 0(t6)

    li   t0, OUTRIDER_SIM_EXIT
    li   t1, OUTRIDER_TRAP_EXIT_CODE
    sw   t1, 0(t0)
1:  wfi
    j    1b

/* Print the NUL-terminated string at a0. Clobbers a0, t0. */
.Lputs:
    lbu  t0, 0(a0)
    beqz t0, 2f
    sb   t0, 0(t6)
    addi a0, a0, 1
    j    .Lputs
2:  ret

/* Print a0 as 8 lower-case hex digits. Clobbers t0-t2. */
.Lputhex:
    li   t1, 28
3:  srl  t0, a0, t1
    andi t0, t0, 15
    li   t2, 10
    bltu t0, t2, 4f
    addi t0, t0, 'a' - '0' - 10
4:  addi t0, t0, '0'
    sb   t0, 0(t6)
    addi t1, t1, -4
    bgez t1, 3b
    ret

/* Print a0 in unsigned decimal. Clobbers a0, t0-t3. */
.Lputdec:
    li   t1, 1                      /* t1 = largest power of 10 <= a0 */
    li   t3, 10
5:  divu t0, a0, t1
    bltu t0, t3, 6f
    mul  t1, t1, t3
    j    5b
6:  divu t0, a0, t1
    remu a0, a0, t1
    addi t0, t0, '0'
    sb   t0, 0(t6)
    divu t1, t1, t3
    bnez t1, 6b
    ret
    .size outrider_default_trap_vector, . - outrider_default_trap_vector

    .section .rodata.outrider_trap, "a", @progbits
.Lmsg_trap:  .asciz "outrider: unhandled trap: "
.Lmsg_cause: .asciz " (mcause=0x"
.Lmsg_close: .asciz ")"
.Lmsg_epc:   .asciz " mepc=0x"
.Lmsg_tval:  .asciz " mtval=0x"
.Lmsg_hart:  .asciz " hart="

/* Cause names (the privileged spec's table, machine mode). */
.Lname_unknown: .asciz "unknown cause"
.Lexc_0:  .asciz "instruction address misaligned"
.Lexc_1:  .asciz "instruction access fault"
.Lexc_2:  .asciz "illegal instruction"
.Lexc_3:  .asciz "breakpoint"
.Lexc_4:  .asciz "load address misaligned"
.Lexc_5:  .asciz "load access fault"
.Lexc_6:  .asciz "store/AMO address misaligned"
.Lexc_7:  .asciz "store/AMO access fault"
.Lexc_8:  .asciz "environment call from U-mode"
.Lexc_11: .asciz "environment call from M-mode"
.Lirq_3:  .asciz "machine software interrupt"
.Lirq_7:  .asciz "machine timer interrupt"
.Lirq_11: .asciz "machine external interrupt"
    .p2align 2
.Lexc_names:
    .word .Lexc_0, .Lexc_1, .Lexc_2, .Lexc_3, .Lexc_4, .Lexc_5, .Lexc_6, .Lexc_7
    .word .Lexc_8, .Lname_unknown, .Lname_unknown, .Lexc_11
    .word .Lname_unknown, .Lname_unknown, .Lname_unknown, .Lname_unknown
.Lirq_names:
    .word .Lname_unknown, .Lname_unknown, .Lname_unknown, .Lirq_3
    .word .Lname_unknown, .Lname_unknown, .Lname_unknown, .Lirq_7
    .word .Lname_unknown, .Lname_unknown, .Lname_unknown, .Lirq_11
    .word .Lname_unknown, .Lname_unknown, .Lname_unknown, .Lname_unknown
