// SPDX-License-Identifier: Apache-2.0
/*
 * test_asm.h - shared definitions for the raw assembly test programs in
 * tests/programs/ (included by each .S file; preprocessed by gcc).
 *
 * Convention (docs/memory-map.md is the contract for every address here):
 * - a program defines `_start` as the first instruction of its only .text
 *   (linked at 0x8000_0000 by the software kit's raw-program rule);
 * - it writes what it computed into a global word array `results` (and
 *   sometimes reads operands from a global array the C test writes before
 *   the run); the cmocka suite computes the expected values itself;
 * - it ends with EXIT_OK (SIM_EXIT <- 0). A failure the program detects by
 *   itself ends with a non-zero code (EXIT_* below); an unexpected trap is
 *   recorded in `bad_trap` (mcause, mepc, mtval) and exits with
 *   EXIT_UNEXPECTED_TRAP.
 *
 * What it is not: no stack, no C runtime; the programs use t5/t6 only in
 * the EXIT macros and the trap handlers below.
 */
#ifndef TEST_ASM_H
#define TEST_ASM_H

/* ---- memory map (docs/memory-map.md) ----------------------------------- */
#include <outrider/consts.h>      /* generated from spec/outrider.toml */
#define CONSOLE_TX_ADDR   (OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_CONSOLE_TX)
#define SIM_EXIT_ADDR     (OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_SIM_EXIT)
#define CLINT_BASE        OUTRIDER_CLINT_BASE
#define CLINT_MSIP0       (OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MSIP)
#define CLINT_MSIP1       (CLINT_MSIP0 + 4)
#define CLINT_MTIMECMP0   (OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIMECMP)
#define CLINT_MTIMECMP1   (CLINT_MTIMECMP0 + 8)
#define CLINT_MTIME       (OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIME)

/* ---- CSR bits ---------------------------------------------------------- */
#define MSTATUS_MIE   0x00000008
#define MSTATUS_MPIE  0x00000080
#define MSTATUS_MPP   0x00001800
#define MIE_MSIE      0x00000008
#define MIE_MTIE      0x00000080

/* ---- exit codes a program uses for failures it detects itself ---------- */
#define EXIT_BAD_ARG          0x51  /* an operand count written by the test is too big */
#define EXIT_TIMEOUT          0x52  /* a bounded wait loop ran out */
#define EXIT_UNEXPECTED_TRAP  0x55  /* a trap nobody expected; see bad_trap */

/* HART_START rd, rs1, rs2 and HART_EXIT (custom-0 hart instructions). */
#include <outrider/asm.h>

/* ---- ending a run ------------------------------------------------------ */
/* Exit with the value of register `reg` as the exit code. */
.macro EXIT_REG reg
    li      t6, SIM_EXIT_ADDR
    sw      \reg, 0(t6)
99: j       99b
.endm
/* Exit with the constant `code`. */
.macro EXIT_CODE code
    li      t5, \code
    EXIT_REG t5
.endm
.macro EXIT_OK
    EXIT_REG zero
.endm

/* Global interrupt enable/disable (register forms of csrs/csrc; the
 * immediate forms are tested on their own in traps_csr.S). Clobber t6. */
.macro IRQ_ON
    li      t6, MSTATUS_MIE
    csrs    mstatus, t6
.endm
.macro IRQ_OFF
    li      t6, MSTATUS_MIE
    csrc    mstatus, t6
.endm

/* Program entry: `_start`, trap vector set to unexpected_trap. */
.macro TEST_START
    .text
    .globl  _start
_start:
    la      t0, unexpected_trap
    csrw    mtvec, t0
.endm

/* The handler for traps a program does not expect (direct mode: 4-aligned).
 * Place once per program, after its code. */
.macro UNEXPECTED_TRAP_HANDLER
    .text
    .balign 4
    .globl  unexpected_trap
unexpected_trap:
    la      t6, bad_trap
    csrr    t5, mcause
    sw      t5, 0(t6)
    csrr    t5, mepc
    sw      t5, 4(t6)
    csrr    t5, mtval
    sw      t5, 8(t6)
    EXIT_CODE EXIT_UNEXPECTED_TRAP
    .data
    .balign 4
    .globl  bad_trap
bad_trap:
    .word   0, 0, 0
    .text
.endm

/* A bounded spin: wait until the word at address register `areg` is
 * non-zero, at most `limit` polls, else exit with EXIT_TIMEOUT.
 * Clobbers t5 and `tmp`. */
.macro WAIT_NONZERO areg, tmp, limit
    li      t5, \limit
98: lw      \tmp, 0(\areg)
    bnez    \tmp, 97f
    addi    t5, t5, -1
    bnez    t5, 98b
    EXIT_CODE EXIT_TIMEOUT
97:
.endm

/* Declare a global word array `name` of `n` words in .data (zeroed). */
.macro WORDS name, n
    .data
    .balign 4
    .globl  \name
\name:
    .space  4 * (\n)
    .text
.endm

#endif
