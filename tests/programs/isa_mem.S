// SPDX-License-Identifier: Apache-2.0
/*
 * isa_mem.S - loads (sign/zero extension at every byte offset) and stores
 * (byte/half lanes). The test writes `ldata` (8 bytes), `sdata` (11 words
 * of fill pattern) and `svalue` before the run.
 * results[]:
 *   0..7    lb   ldata+0..7
 *   8..15   lbu  ldata+0..7
 *  16..19   lh   ldata+0,2,4,6
 *  20..23   lhu  ldata+0,2,4,6
 *  24..25   lw   ldata+0,4
 *  26       lw   -4(ldata+8)
 *  27       lb   -1(ldata+8)
 *  28       lw   sdata[8]  right after sb svalue -> sdata[8]+1
 *  29       lh   sdata[9]+2 right after sh svalue -> sdata[9]+2
 *  30       lbu  sdata[10]+3 right after sw svalue -> sdata[10]
 * sdata[] after the run:
 *   0..3  sb svalue at byte 0..3 of word 0..3
 *   4, 5  sh svalue at byte 0 of word 4 and byte 2 of word 5
 *   6     sw svalue
 *   7     sb svalue at -1(sdata+32) (byte 3 of word 7)
 */
#include "test_asm.h"

    TEST_START
    la      s0, ldata
    la      s1, results
    la      s2, sdata
    la      t0, svalue
    lw      a1, 0(t0)

    lb      t0, 0(s0)
    sw      t0, 0(s1)
    lb      t0, 1(s0)
    sw      t0, 4(s1)
    lb      t0, 2(s0)
    sw      t0, 8(s1)
    lb      t0, 3(s0)
    sw      t0, 12(s1)
    lb      t0, 4(s0)
    sw      t0, 16(s1)
    lb      t0, 5(s0)
    sw      t0, 20(s1)
    lb      t0, 6(s0)
    sw      t0, 24(s1)
    lb      t0, 7(s0)
    sw      t0, 28(s1)
    lbu     t0, 0(s0)
    sw      t0, 32(s1)
    lbu     t0, 1(s0)
    sw      t0, 36(s1)
    lbu     t0, 2(s0)
    sw      t0, 40(s1)
    lbu     t0, 3(s0)
    sw      t0, 44(s1)
    lbu     t0, 4(s0)
    sw      t0, 48(s1)
    lbu     t0, 5(s0)
    sw      t0, 52(s1)
    lbu     t0, 6(s0)
    sw      t0, 56(s1)
    lbu     t0, 7(s0)
    sw      t0, 60(s1)
    lh      t0, 0(s0)
    sw      t0, 64(s1)
    lh      t0, 2(s0)
    sw      t0, 68(s1)
    lh      t0, 4(s0)
    sw      t0, 72(s1)
    lh      t0, 6(s0)
    sw      t0, 76(s1)
    lhu     t0, 0(s0)
    sw      t0, 80(s1)
    lhu     t0, 2(s0)
    sw      t0, 84(s1)
    lhu     t0, 4(s0)
    sw      t0, 88(s1)
    lhu     t0, 6(s0)
    sw      t0, 92(s1)
    lw      t0, 0(s0)
    sw      t0, 96(s1)
    lw      t0, 4(s0)
    sw      t0, 100(s1)
    addi    t1, s0, 8
    lw      t0, -4(t1)
    sw      t0, 104(s1)
    lb      t0, -1(t1)
    sw      t0, 108(s1)

    sb      a1, 0(s2)
    sb      a1, 5(s2)
    sb      a1, 10(s2)
    sb      a1, 15(s2)
    sh      a1, 16(s2)
    sh      a1, 22(s2)
    sw      a1, 24(s2)
    addi    t1, s2, 32
    sb      a1, -1(t1)

    sb      a1, 33(s2)
    lw      t0, 32(s2)
    sw      t0, 112(s1)
    sh      a1, 38(s2)
    lh      t0, 38(s2)
    sw      t0, 116(s1)
    sw      a1, 40(s2)
    lbu     t0, 43(s2)
    sw      t0, 120(s1)
    EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS ldata, 2
    WORDS svalue, 1
    WORDS sdata, 11
    WORDS results, 31
