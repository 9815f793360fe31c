// SPDX-License-Identifier: Apache-2.0
/*
 * traps_exc.S - synchronous exceptions. Each trigger instruction sits at a
 * global label trig_<k>; the trap handler logs {mcause, mepc, mtval,
 * mstatus} into tlog[k] (in the order traps are taken) and returns with
 * mret to mepc + 4 (to ra for an instruction access fault, whose mepc is
 * the unreachable target). after[k] is set to 1 by the instruction after
 * trigger k; kept[k] holds the destination register of a faulting load
 * (preset to 0x5A5A5A5A: a faulting load must not write it).
 *
 *   k  trigger                                  expected mcause
 *   0  .word 0x00000000                          2
 *   1  .word 0xFFFFFFFF                          2
 *   2  .word 0x043100B3 (OP, funct7 0000010)     2
 *   3  .word 0x00052007 (flw: no F extension)    2
 *   4  csrr t0, 0x180 (satp: no S-mode)          2
 *   5  csrw mhartid, t0 (read-only CSR)          2
 *   6  hart.exit on context 0                    2
 *   7  ecall                                     11
 *   8  ebreak                                    3
 *   9  lw  t0, 1(ext)                            4
 *  10  lh  t0, 1(ext)                            4
 *  11  lhu t0, 3(ext)                            4
 *  12  lw  t0, 2(ext)                            4
 *  13  sw  t1, 2(ext)                            6
 *  14  sh  t1, 1(ext)                            6
 *      (ext = the Ext device window + 0x100: misaligned accesses outside
 *      RAM trap; misaligned RAM accesses complete, isa_misalign.S)
 *  15  lw  t0, 0x40000000                        5
 *  16  sw  t1, 0x40000000                        7
 *  17  lb  t0, 0x00000000                        5
 *  18  lw  t0, 0x81000000 (beyond 16 MiB RAM)    5
 *  19  sw  t1, 0x81000000                        7
 *  20  jalr to 0x40000000                        1 (mepc = 0x40000000)
 *  21  jalr to a 2-aligned address               0 (mepc = the jalr)
 *  22  amoadd.w t0, t1, 2(mis)                   6 or 7
 * mret_mstatus: mstatus read right after the first mret.
 * tcount: number of traps taken.
 */
#include "test_asm.h"

#define NTRIG 23

.macro AFTER k
    sw      s7, 4 * \k(s1)
.endm
.macro KEEP k
    sw      t0, 4 * \k(s2)
.endm

    .text
    .globl  _start
_start:
    la      t0, trap_handler
    csrw    mtvec, t0
    la      s1, after
    la      s2, kept
    la      s3, mis
    li      s9, OUTRIDER_EXT_BASE + 0x100
    li      s7, 1
    li      s6, 0x5A5A5A5A
    li      t1, 0x0BADBEEF
    .globl  trig_0, trig_1, trig_2, trig_3, trig_4, trig_5, trig_6, trig_7
    .globl  trig_8, trig_9, trig_10, trig_11, trig_12, trig_13, trig_14, trig_15
    .globl  trig_16, trig_17, trig_18, trig_19, trig_20, trig_21, trig_22
    .globl  trig_21_target

trig_0: .word 0x00000000
    AFTER 0
    csrr    t0, mstatus
    la      t2, mret_mstatus
    sw      t0, 0(t2)
trig_1: .word 0xFFFFFFFF
    AFTER 1
trig_2: .word 0x043100B3
    AFTER 2
trig_3: .word 0x00052007
    AFTER 3
    mv      t0, s6
trig_4: csrr t0, 0x180
    AFTER 4
    KEEP 4
trig_5: csrw mhartid, t1
    AFTER 5
trig_6: HART_EXIT
    AFTER 6
trig_7: ecall
    AFTER 7
trig_8: ebreak
    AFTER 8

    mv      t0, s6
trig_9: lw t0, 1(s9)
    AFTER 9
    KEEP 9
    mv      t0, s6
trig_10: lh t0, 1(s9)
    AFTER 10
    KEEP 10
    mv      t0, s6
trig_11: lhu t0, 3(s9)
    AFTER 11
    KEEP 11
    mv      t0, s6
trig_12: lw t0, 2(s9)
    AFTER 12
    KEEP 12
trig_13: sw t1, 2(s9)
    AFTER 13
trig_14: sh t1, 1(s9)
    AFTER 14

    li      s4, 0x40000000
    mv      t0, s6
trig_15: lw t0, 0(s4)
    AFTER 15
    KEEP 15
trig_16: sw t1, 0(s4)
    AFTER 16
    mv      t0, s6
trig_17: lb t0, 0(zero)
    AFTER 17
    KEEP 17
    li      s5, 0x81000000
    mv      t0, s6
trig_18: lw t0, 0(s5)
    AFTER 18
    KEEP 18
trig_19: sw t1, 0(s5)
    AFTER 19

    /* instruction access fault: the handler resumes at ra */
trig_20: jalr ra, 0(s4)
    AFTER 20
    /* misaligned jump target (no C extension: 4-byte alignment) */
    la      t2, trig_21_target
    addi    t2, t2, 2
trig_21: jalr ra, 0(t2)
    AFTER 21
    j       1f
trig_21_target:
    nop
    nop
    EXIT_CODE 0x57          /* reached the misaligned target: wrong */
1:
    mv      t0, s6
    addi    s4, s3, 2
trig_22: amoadd.w t0, t1, (s4)
    AFTER 22
    KEEP 22
    EXIT_OK

/* Trap handler: log and skip (uses only t5, t6, s8). */
    .balign 4
trap_handler:
    la      t6, tcount
    lw      t5, 0(t6)
    addi    s8, t5, 1
    sw      s8, 0(t6)
    li      s8, NTRIG + 4
    bltu    t5, s8, 1f
    EXIT_CODE 0x56          /* trap storm */
1:  slli    t5, t5, 4
    la      t6, tlog
    add     t6, t6, t5
    csrr    s8, mcause
    sw      s8, 0(t6)
    csrr    s8, mepc
    sw      s8, 4(t6)
    csrr    s8, mtval
    sw      s8, 8(t6)
    csrr    s8, mstatus
    sw      s8, 12(t6)
    csrr    s8, mcause
    addi    s8, s8, -1
    bnez    s8, 2f
    csrw    mepc, ra        /* instruction access fault: back to the caller */
    mret
2:  csrr    s8, mepc
    addi    s8, s8, 4
    csrw    mepc, s8
    mret

    .data
    .balign 8
    .globl  mis
mis:
    .word   0x11223344, 0x55667788
    WORDS after, NTRIG
    WORDS kept, NTRIG
    WORDS tlog, 4 * (NTRIG + 4)
    WORDS tcount, 1
    WORDS mret_mstatus, 1
