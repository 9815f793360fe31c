// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_evict.S - a dirty line is evicted, written back and read back.
 * `stride` = cache bytes / ways and `others` = ways + 1 are written by the
 * test from the model's geometry (the values below: a 4 KiB 2-way cache),
 * so area, area + stride, ..., area + others * stride map to the same set
 * (`area` is 64 KiB: (others + 1) * stride must not exceed it).
 * 1. store pattern[0..7] into line A = area (dirty);
 * 2. load lines A + k * stride, k = 1..others: more lines than the set
 *    has ways, so A is evicted (written back) on the way;
 * 3. load A's 8 words back into results[0..7] (a refill from memory);
 * 4. store pattern2[0..7] into A (dirty again, left in the cache at exit).
 * results[8] = mhpmcounter3 (cycles parked waiting for the data side).
 */
#include "dcache_asm.h"

    TEST_START
    la      s0, area
    la      s1, stride
    lw      s1, 0(s1)
    la      s2, pattern
    li      t0, 0
1:  add     t1, s2, t0          /* 1. */
    lw      t2, 0(t1)
    add     t1, s0, t0
    sw      t2, 0(t1)
    addi    t0, t0, 4
    li      t3, 32
    bltu    t0, t3, 1b
    la      t0, others              /* 2. */
    lw      t0, 0(t0)
    mv      t1, s0
4:  add     t1, t1, s1
    lw      t2, 0(t1)
    addi    t0, t0, -1
    bnez    t0, 4b
    la      s3, results         /* 3. */
    li      t0, 0
2:  add     t1, s0, t0
    lw      t2, 0(t1)
    add     t1, s3, t0
    sw      t2, 0(t1)
    addi    t0, t0, 4
    li      t3, 32
    bltu    t0, t3, 2b
    la      s2, pattern2        /* 4. */
    li      t0, 0
3:  add     t1, s2, t0
    lw      t2, 0(t1)
    add     t1, s0, t0
    sw      t2, 0(t1)
    addi    t0, t0, 4
    li      t3, 32
    bltu    t0, t3, 3b
    csrr    t0, mhpmcounter3
    sw      t0, 32(s3)
    EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 9
    .data
    .balign 4
    .globl  stride, others, pattern, pattern2
stride:   .word 2048
others:   .word 3
pattern:  .word 1, 2, 3, 4, 5, 6, 7, 8
pattern2: .word 9, 10, 11, 12, 13, 14, 15, 16
    .section .data.area, "aw"
    .balign 4096
    .globl  area
area:   .space 16 * 4096
