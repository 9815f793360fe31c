// SPDX-License-Identifier: Apache-2.0
/* rv_ref.c - see rv_ref.h. */
#include "rv_ref.h"

static const char *const rop_names[RV_NUM_ROPS] = {
    "add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
    "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"
};
static const char *const amo_names[RV_NUM_AMOS] = {
    "amoswap", "amoadd", "amoxor", "amoand", "amoor",
    "amomin", "amomax", "amominu", "amomaxu"
};
static const char *const br_names[RV_NUM_BRS] = {
    "beq", "bne", "blt", "bge", "bltu", "bgeu"
};

const char *rv_rop_name(rv_rop op) { return op < RV_NUM_ROPS ? rop_names[op] : "?"; }
const char *rv_amo_name(rv_amo op) { return op < RV_NUM_AMOS ? amo_names[op] : "?"; }
const char *rv_br_name(rv_br op)   { return op < RV_NUM_BRS ? br_names[op] : "?"; }

uint32_t rv_sext(uint32_t v, unsigned bits)
{
    uint32_t m = 1u << (bits - 1);
    v &= (bits >= 32) ? 0xFFFFFFFFu : ((1u << bits) - 1u);
    return (v ^ m) - m;
}

/* Arithmetic shift right without relying on implementation-defined >> of
 * negative values. */
static uint32_t sra32(uint32_t a, unsigned sh)
{
    uint32_t r = a >> sh;
    if ((a & 0x80000000u) && sh != 0)
        r |= ~(0xFFFFFFFFu >> sh);
    return r;
}

static int64_t s64(uint32_t v) { return (int64_t)(int32_t)v; }

uint32_t rv_rop_eval(rv_rop op, uint32_t a, uint32_t b)
{
    unsigned sh = b & 31u;
    switch (op) {
    case RV_ADD:  return a + b;
    case RV_SUB:  return a - b;
    case RV_SLL:  return a << sh;
    case RV_SLT:  return (int32_t)a < (int32_t)b;
    case RV_SLTU: return a < b;
    case RV_XOR:  return a ^ b;
    case RV_SRL:  return a >> sh;
    case RV_SRA:  return sra32(a, sh);
    case RV_OR:   return a | b;
    case RV_AND:  return a & b;
    case RV_MUL:  return (uint32_t)((uint64_t)a * b);
    case RV_MULH: return (uint32_t)((uint64_t)(s64(a) * s64(b)) >> 32);
    case RV_MULHSU: return (uint32_t)((uint64_t)(s64(a) * (int64_t)b) >> 32);
    case RV_MULHU: return (uint32_t)(((uint64_t)a * b) >> 32);
    case RV_DIV:
        if (b == 0) return 0xFFFFFFFFu;
        if (a == 0x80000000u && b == 0xFFFFFFFFu) return a;
        return (uint32_t)(s64(a) / s64(b));
    case RV_DIVU: return b == 0 ? 0xFFFFFFFFu : a / b;
    case RV_REM:
        if (b == 0) return a;
        if (a == 0x80000000u && b == 0xFFFFFFFFu) return 0;
        return (uint32_t)(s64(a) % s64(b));
    case RV_REMU: return b == 0 ? a : a % b;
    default: return 0xDEADDEADu;
    }
}

uint32_t rv_amo_eval(rv_amo op, uint32_t mem, uint32_t src)
{
    switch (op) {
    case RV_AMOSWAP: return src;
    case RV_AMOADD:  return mem + src;
    case RV_AMOXOR:  return mem ^ src;
    case RV_AMOAND:  return mem & src;
    case RV_AMOOR:   return mem | src;
    case RV_AMOMIN:  return (int32_t)mem < (int32_t)src ? mem : src;
    case RV_AMOMAX:  return (int32_t)mem > (int32_t)src ? mem : src;
    case RV_AMOMINU: return mem < src ? mem : src;
    case RV_AMOMAXU: return mem > src ? mem : src;
    default: return 0xDEADDEADu;
    }
}

int rv_br_taken(rv_br op, uint32_t a, uint32_t b)
{
    switch (op) {
    case RV_BEQ:  return a == b;
    case RV_BNE:  return a != b;
    case RV_BLT:  return (int32_t)a < (int32_t)b;
    case RV_BGE:  return (int32_t)a >= (int32_t)b;
    case RV_BLTU: return a < b;
    case RV_BGEU: return a >= b;
    default: return -1;
    }
}

uint32_t rv_enc_i(uint32_t opcode, unsigned rd, unsigned funct3, unsigned rs1, int32_t imm)
{
    return ((uint32_t)imm << 20) | ((rs1 & 31u) << 15) | ((funct3 & 7u) << 12) |
           ((rd & 31u) << 7) | (opcode & 0x7Fu);
}

uint32_t rv_enc_addi(unsigned rd, unsigned rs1, int32_t imm)
{
    return rv_enc_i(0x13u, rd, 0u, rs1, imm);
}
