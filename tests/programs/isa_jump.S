// SPDX-License-Identifier: Apache-2.0
/*
 * isa_jump.S - JAL and JALR link values and targets.
 * results[]:
 *   0  ra  of `jal ra` at jal_site               (jal_site + 4)
 *   1  t1  of `jal t1` at jal_t1_site            (jal_t1_site + 4)
 *   2  ra  of `jalr ra, 0(t0)` at jalr_site      (jalr_site + 4)
 *   3  ra  of jalr to an odd address (bit 0 must be cleared) at jalr_odd_site
 *   4  ra  of jalr with offset -16 at jalr_neg_site
 *   5  t1  of `jalr t1, 0(t1)` (rd == rs1) at jalr_same_site
 *   6  ra  of jalr whose rs1 + 3 is odd at jalr_off3_site
 *   7  ra  of a backward `jal ra` at jal_back_site
 *   8  bit mask of targets reached (0xFF when all eight jumps landed)
 *   9  bit mask of shadow instructions executed (0)
 *  10  address of the target reached by jalr_same_site (via auipc there)
 */
#include "test_asm.h"

    TEST_START
    la      s1, results
    li      s3, 0
    li      s4, 0

    .globl  jal_site, jal_t1_site, jalr_site, jalr_odd_site, jalr_neg_site
    .globl  jalr_same_site, jalr_same_tgt, jalr_off3_site, jal_back_site
jal_site:
    jal     ra, 1f
    ori     s4, s4, 0x01
1:  sw      ra, 0(s1)
    ori     s3, s3, 0x01

jal_t1_site:
    jal     t1, 1f
    ori     s4, s4, 0x02
1:  sw      t1, 4(s1)
    ori     s3, s3, 0x02

    la      t0, 1f
jalr_site:
    jalr    ra, 0(t0)
    ori     s4, s4, 0x04
1:  sw      ra, 8(s1)
    ori     s3, s3, 0x04

    la      t0, 1f
    addi    t0, t0, 1
jalr_odd_site:
    jalr    ra, 0(t0)
    ori     s4, s4, 0x08
1:  sw      ra, 12(s1)
    ori     s3, s3, 0x08

    la      t0, 1f + 16
jalr_neg_site:
    jalr    ra, -16(t0)
    ori     s4, s4, 0x10
1:  sw      ra, 16(s1)
    ori     s3, s3, 0x10

    la      t1, jalr_same_tgt
jalr_same_site:
    jalr    t1, 0(t1)
    ori     s4, s4, 0x20
jalr_same_tgt:
    auipc   t2, 0
    sw      t1, 20(s1)
    sw      t2, 40(s1)
    ori     s3, s3, 0x20

    la      t0, 1f - 2
jalr_off3_site:
    jalr    ra, 3(t0)
    ori     s4, s4, 0x40
1:  sw      ra, 24(s1)
    ori     s3, s3, 0x40

    j       2f
1:  sw      ra, 28(s1)
    ori     s3, s3, 0x80
    j       3f
2:
jal_back_site:
    jal     ra, 1b
    ori     s4, s4, 0x80
3:  sw      s3, 32(s1)
    sw      s4, 36(s1)
    EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 11
