// SPDX-License-Identifier: Apache-2.0
/*
 * outrider/asm.h - assembler macros for Outrider's custom instructions,
 * for .S files (preprocessed by gcc). Includes outrider/outrider.h, so the
 * memory-map constants (OUTRIDER_CONSOLE_TX, OUTRIDER_SIM_EXIT, ...) are
 * available too.
 *
 * Contract (encodings in docs/memory-map.md, opcode custom-0, R-type):
 *   HART_START rd, rs1, rs2   start a free context as a hart at PC rs1 with
 *                             a0 = rs2; rd = its context id, or 0 if none
 *                             was free.
 *   HART_EXIT                 the executing hart stops, its context becomes
 *                             free (illegal instruction on context 0).
 * Registers are written as in any instruction: `HART_START t0, t1, a0`.
 */
#ifndef OUTRIDER_ASM_H
#define OUTRIDER_ASM_H

#include <outrider/outrider.h>

#ifdef __ASSEMBLER__

.macro HART_START rd, rs1, rs2
    .insn r CUSTOM_0, 0, 0x00, \rd, \rs1, \rs2
.endm

.macro HART_EXIT
    .insn r CUSTOM_0, 0, 0x01, x0, x0, x0
.endm

#endif /* __ASSEMBLER__ */
#endif /* OUTRIDER_ASM_H */
