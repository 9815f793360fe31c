// SPDX-License-Identifier: Apache-2.0
/*
 * crt0.S - program entry points of the Outrider runtime.
 *
 * _start (context 0, reset PC 0x8000_0000, placed first by outrider.ld):
 *   gp, sp (hart 0 stack top = __ram_end), mtvec = default trap vector,
 *   zero .bss (which includes the per-hart TLS blocks), tp = TLS block 0
 *   initialised from the template, constructors (__libc_init_array),
 *   exit(main(0, 0)).
 *
 * _hart_entry (a context started by `hart.start` with a0 = outrider_hart_t *):
 *   gp, sp = __ram_end - mhartid * __stack_size, mtvec = default trap vector,
 *   tp = TLS block mhartid (initialised), fn(arg), done = 1 (after a
 *   fence rw,w), `hart.exit`. Does not return.
 *
 * Not here: the trap vector (trap.S), stdio (console.c), _exit (exit.c).
 */
#include <outrider/asm.h>

/* Offsets in outrider_hart_t (outrider/hart.h). */
#define HART_T_FN    0
#define HART_T_ARG   4
#define HART_T_DONE  8

/* reg = absolute value of a link-time constant symbol (no PC-relative). */
.macro LOAD_ABS reg, sym
    lui  \reg, %hi(\sym)
    addi \reg, \reg, %lo(\sym)
.endm

/* gp must be loaded without relaxation (it would be relative to itself). */
.macro LOAD_GP
    .option push
    .option norelax
    la   gp, __global_pointer$
    .option pop
.endm

/* sp = __outrider_stack_top - hart * __outrider_stack_size; clobbers tmp. */
.macro SET_SP hart, tmp
    LOAD_ABS \tmp, __outrider_stack_size
    mul  \tmp, \hart, \tmp
    LOAD_ABS sp, __outrider_stack_top
    sub  sp, sp, \tmp
.endm

/* tp = a0 = __outrider_tls_blocks + hart * __outrider_tls_stride; clobbers tmp. */
.macro SET_TP hart, tmp
    LOAD_ABS \tmp, __outrider_tls_stride
    mul  \tmp, \hart, \tmp
    la   a0, __outrider_tls_blocks
    add  a0, a0, \tmp
    mv   tp, a0
.endm

    .section .text.init.enter, "ax", @progbits
    .globl _start
    .type  _start, @function
_start:
    LOAD_GP
    csrr t0, mhartid
    SET_SP t0, t1
    la   t1, outrider_default_trap_vector
    csrw mtvec, t1

    /* Zero .bss (word aligned by outrider.ld). */
    la   t1, __outrider_bss_start
    la   t2, __outrider_bss_end
    bgeu t1, t2, 2f
1:  sw   zero, 0(t1)
    addi t1, t1, 4
    bltu t1, t2, 1b
2:
    csrr t0, mhartid
    SET_TP t0, t1
    call _init_tls                  /* a0 = this hart's block */

    call __libc_init_array

    li   a0, 0
    li   a1, 0
    call main
    call exit                       /* never returns */
3:  wfi
    j    3b
    .size _start, . - _start

    .section .text._hart_entry, "ax", @progbits
    .globl _hart_entry
    .type  _hart_entry, @function
    .p2align 2
_hart_entry:
    LOAD_GP
    mv   s0, a0                     /* s0 = outrider_hart_t * */
    csrr s1, mhartid
    SET_SP s1, t1
    la   t1, outrider_default_trap_vector
    csrw mtvec, t1
    SET_TP s1, t1
    call _init_tls

    lw   t0, HART_T_FN(s0)
    lw   a0, HART_T_ARG(s0)
    jalr t0

    fence rw, w                     /* release: fn's stores before done */
    li   t0, 1
    sw   t0, HART_T_DONE(s0)
    HART_EXIT
4:  wfi                             /* not reached */
    j    4b
    .size _hart_entry, . - _hart_entry
