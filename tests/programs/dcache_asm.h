// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_asm.h - shared definitions of the data cache test programs
 * (tests/programs/dcache_*.S), on top of test_asm.h.
 *
 * COLD_LINE name: a word array of one cache line (LINE_BYTES, default 32)
 * alone in its own LINE_ALIGN-aligned block, so the first access to it is
 * a miss and nothing else shares the line. Its words hold 0x1000*k + i
 * (k a per-line tag, i the word index) so a test can check what a load
 * returned without writing RAM first.
 * HART1_START label: start context 1 at `label` (a0 = 1); exits with
 * EXIT_TIMEOUT if no context is free. Clobbers t0-t2.
 * HART1_PROLOGUE: first code of context 1: its own trap vector.
 */
#ifndef DCACHE_ASM_H
#define DCACHE_ASM_H

#include "test_asm.h"

#define LINE_ALIGN 64   /* >= the cache's line size (32 by default) */

.macro COLD_LINE name, tag
    .section .data.\name, "aw"
    .balign LINE_ALIGN
    .globl  \name
\name:
    .word   (\tag << 12) + 0, (\tag << 12) + 1, (\tag << 12) + 2, (\tag << 12) + 3
    .word   (\tag << 12) + 4, (\tag << 12) + 5, (\tag << 12) + 6, (\tag << 12) + 7
    .space  LINE_ALIGN - 32
    .text
.endm

.macro HART1_START label
    la      t1, \label
    li      t2, 1
    HART_START t0, t1, t2
    bnez    t0, 96f
    EXIT_CODE EXIT_TIMEOUT
96:
.endm

.macro HART1_PROLOGUE
    la      t0, unexpected_trap
    csrw    mtvec, t0
.endm

/* Set the word at `sym` to 1 (a flag for the other context). Clobbers t5/t6. */
.macro SET_FLAG sym
    la      t6, \sym
    li      t5, 1
    sw      t5, 0(t6)
.endm

/* Wait (bounded) until the word at `sym` is non-zero. Clobbers t4/t5/t6. */
.macro WAIT_FLAG sym
    la      t6, \sym
    WAIT_NONZERO t6, t4, 1000000
.endm

#endif
