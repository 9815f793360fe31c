// SPDX-License-Identifier: Apache-2.0
/*
 * rv_ref.h - reference semantics of RV32IMA operations, written from the
 * RISC-V unprivileged specification, used by the suites to compute the
 * results a program must produce. Pure functions, no state.
 *
 * What it is not: not an instruction-set simulator; it covers the single
 * operations the test programs exercise.
 */
#ifndef RV_REF_H
#define RV_REF_H

#include <stdint.h>

/* Register-register operations, in the order isa_alu.S stores them. */
typedef enum {
    RV_ADD, RV_SUB, RV_SLL, RV_SLT, RV_SLTU, RV_XOR, RV_SRL, RV_SRA, RV_OR, RV_AND,
    RV_MUL, RV_MULH, RV_MULHSU, RV_MULHU, RV_DIV, RV_DIVU, RV_REM, RV_REMU,
    RV_NUM_ROPS
} rv_rop;

/* AMO operations, in the order isa_amo.S stores them. */
typedef enum {
    RV_AMOSWAP, RV_AMOADD, RV_AMOXOR, RV_AMOAND, RV_AMOOR,
    RV_AMOMIN, RV_AMOMAX, RV_AMOMINU, RV_AMOMAXU,
    RV_NUM_AMOS
} rv_amo;

/* Branch conditions, in the order isa_branch.S stores them. */
typedef enum { RV_BEQ, RV_BNE, RV_BLT, RV_BGE, RV_BLTU, RV_BGEU, RV_NUM_BRS } rv_br;

const char *rv_rop_name(rv_rop op);
const char *rv_amo_name(rv_amo op);
const char *rv_br_name(rv_br op);

/* rd = a OP b (an immediate operand is passed as its sign-extended value). */
uint32_t rv_rop_eval(rv_rop op, uint32_t a, uint32_t b);
/* The new memory word of an AMO on old memory value `mem` with rs2 `src`. */
uint32_t rv_amo_eval(rv_amo op, uint32_t mem, uint32_t src);
/* 1 if the branch is taken. */
int rv_br_taken(rv_br op, uint32_t a, uint32_t b);

/* Sign-extend the low `bits` bits of v. */
uint32_t rv_sext(uint32_t v, unsigned bits);

/* Encodings (for self-modifying code and mtval checks). */
uint32_t rv_enc_i(uint32_t opcode, unsigned rd, unsigned funct3, unsigned rs1, int32_t imm);
uint32_t rv_enc_addi(unsigned rd, unsigned rs1, int32_t imm);

#endif
