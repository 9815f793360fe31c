// SPDX-License-Identifier: Apache-2.0
/*
 * traps_csr.S - CSR instructions and machine CSRs of context 0 (no trap is
 * expected: any trap exits with EXIT_UNEXPECTED_TRAP).
 * results[]:
 *   0  mhartid                        1  misa
 *   2  mscratch after csrw 0x12345678
 *   3  csrrw  t0, mscratch, 0xCAFEBABE: old     4  mscratch after
 *   5  csrrs  t0, mscratch, 0x0000F00F: old     6  mscratch after
 *   7  csrrc  t0, mscratch, 0xFF000000: old     8  mscratch after
 *   9  csrrwi t0, mscratch, 21: old             10 mscratch after
 *  11  csrrsi t0, mscratch, 0x0A: old           12 mscratch after
 *  13  csrrci t0, mscratch, 0x11: old           14 mscratch after
 *  15, 16  mcycle before / after a 50-iteration loop
 *  17, 18  minstret, then minstret again after exactly 10 nops
 *  19  rdcycle after 16          20  rdinstret after 18
 *  21  mcycleh                   22  rdcycleh
 *  23  mcycle read right after csrw mcycle, zero
 *  24  mtvec after writing trap_vec | 1 (vectored)   25  mtvec after writing trap_vec
 *  26  mstatus after csrs MIE (then cleared again)
 *  27  mie after writing 0xFFFFFFFF (then cleared)
 *  28  mepc after writing 0x80001237
 *  29  csrrsi t0, mhartid, 0 (no write, so no trap): t0
 *  30, 31, 32  rdtime, CLINT mtime (low word), rdtime
 */
#include "test_asm.h"

    TEST_START
    la      s1, results

    csrr    t0, mhartid
    sw      t0, 0(s1)
    csrr    t0, misa
    sw      t0, 4(s1)

    li      t1, 0x12345678
    csrw    mscratch, t1
    csrr    t0, mscratch
    sw      t0, 8(s1)
    li      t1, 0xCAFEBABE
    csrrw   t0, mscratch, t1
    sw      t0, 12(s1)
    csrr    t0, mscratch
    sw      t0, 16(s1)
    li      t1, 0x0000F00F
    csrrs   t0, mscratch, t1
    sw      t0, 20(s1)
    csrr    t0, mscratch
    sw      t0, 24(s1)
    li      t1, 0xFF000000
    csrrc   t0, mscratch, t1
    sw      t0, 28(s1)
    csrr    t0, mscratch
    sw      t0, 32(s1)
    csrrwi  t0, mscratch, 21
    sw      t0, 36(s1)
    csrr    t0, mscratch
    sw      t0, 40(s1)
    csrrsi  t0, mscratch, 0x0A
    sw      t0, 44(s1)
    csrr    t0, mscratch
    sw      t0, 48(s1)
    csrrci  t0, mscratch, 0x11
    sw      t0, 52(s1)
    csrr    t0, mscratch
    sw      t0, 56(s1)

    csrr    t0, mcycle
    li      t1, 50
1:  addi    t1, t1, -1
    bnez    t1, 1b
    csrr    t2, mcycle
    sw      t0, 60(s1)
    sw      t2, 64(s1)

    csrr    t0, minstret
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    nop
    csrr    t2, minstret
    sw      t0, 68(s1)
    sw      t2, 72(s1)
    rdcycle t0
    sw      t0, 76(s1)
    rdinstret t0
    sw      t0, 80(s1)
    csrr    t0, mcycleh
    sw      t0, 84(s1)
    rdcycleh t0
    sw      t0, 88(s1)
    csrw    mcycle, zero
    csrr    t0, mcycle
    sw      t0, 92(s1)

    la      t1, trap_vec
    ori     t2, t1, 1
    csrw    mtvec, t2
    csrr    t0, mtvec
    sw      t0, 96(s1)
    csrw    mtvec, t1
    csrr    t0, mtvec
    sw      t0, 100(s1)
    la      t0, unexpected_trap
    csrw    mtvec, t0

    csrsi   mstatus, MSTATUS_MIE
    csrr    t0, mstatus
    csrci   mstatus, MSTATUS_MIE
    sw      t0, 104(s1)
    li      t1, -1
    csrw    mie, t1
    csrr    t0, mie
    csrw    mie, zero
    sw      t0, 108(s1)
    li      t1, 0x80001237
    csrw    mepc, t1
    csrr    t0, mepc
    sw      t0, 112(s1)
    li      t0, 0x5A5A5A5A
    csrrsi  t0, mhartid, 0
    sw      t0, 116(s1)

    rdtime  t0
    li      t1, CLINT_MTIME
    lw      t1, 0(t1)
    rdtime  t2
    sw      t0, 120(s1)
    sw      t1, 124(s1)
    sw      t2, 128(s1)
    EXIT_OK

    .balign 256
trap_vec:
    EXIT_CODE EXIT_UNEXPECTED_TRAP

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 33
