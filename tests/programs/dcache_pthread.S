// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_pthread.S - fills by a p-thread are attributed to it, and the
 * main thread's later accesses are classified (useful / late / useless).
 * Layout (all in `region`, 8 KiB aligned, 64 KiB; `stride` = cache bytes /
 * ways and `ways` are written by the test from the model's geometry, so
 * offsets 0, stride, 2 * stride, ... share a set; the values below are a
 * 4 KiB 2-way cache's):
 *   +0, +32            U0, U1: loaded by p-thread 1 only, later evicted by
 *                      the main thread's loads of +k*stride (+32), k = 1..ways:
 *                      useless
 *   +512 + 64*i, i<8   P0..P7: loaded by p-thread 1, then by main: useful
 *   +1024              L: loaded by p-thread 2; main loads it ~64 cycles
 *                      later, while the refill is in flight: late
 *   +1536              results
 * results[]: 0, 2 the two pex.spawn results (context 1); 1 sum of
 *            P0..P7's first words; 3 L's first word
 */
#include "dcache_asm.h"
#include <outrider/preexec.h>

#define OFF_P   512
#define OFF_L   1024
#define OFF_RES 1536

.macro SPAWN rd, label
    li      t3, 1000
90: PEX_SPAWN_AT \rd, \label
    bnez    \rd, 91f
    addi    t3, t3, -1
    bnez    t3, 90b
91:
.endm

.macro PAUSE_N n
    li      t4, \n
92: pause
    addi    t4, t4, -1
    bnez    t4, 92b
.endm

    TEST_START
    la      s0, region
    li      s1, OFF_RES
    add     s1, s1, s0
    SPAWN   s2, pt1
    sw      s2, 0(s1)
    PAUSE_N 100                 /* ~3200 cycles: p-thread 1 fills 10 lines */
    li      t0, 0               /* main uses P0..P7 */
    li      t1, OFF_P
    add     t1, t1, s0
    li      t2, 8
1:  lw      t3, 0(t1)
    add     t0, t0, t3
    addi    t1, t1, 64
    addi    t2, t2, -1
    bnez    t2, 1b
    sw      t0, 4(s1)
    la      t4, stride          /* evict U0 and U1 */
    lw      t3, 0(t4)
    lw      t4, 4(t4)           /* ways */
    mv      t1, s0
2:  add     t1, t1, t3
    lw      t2, 0(t1)
    lw      t2, 32(t1)
    addi    t4, t4, -1
    bnez    t4, 2b
    SPAWN   s3, pt2
    sw      s3, 8(s1)
    PAUSE_N 2                   /* let p-thread 2 issue its load first */
    li      t1, OFF_L
    add     t1, t1, s0
    lw      t0, 0(t1)           /* late: merges into p-thread 2's refill */
    sw      t0, 12(s1)
    EXIT_OK

pt1:                            /* registers copied from the spawner: s0 */
    lw      t0, 0(s0)
    lw      t0, 32(s0)
    li      t1, OFF_P
    add     t1, t1, s0
    lw      t0, 0(t1)
    lw      t0, 64(t1)
    lw      t0, 128(t1)
    lw      t0, 192(t1)
    lw      t0, 256(t1)
    lw      t0, 320(t1)
    lw      t0, 384(t1)
    lw      t0, 448(t1)
    PEX_STOP

pt2:
    li      t1, OFF_L
    add     t1, t1, s0
    lw      t0, 0(t1)
    PEX_STOP

    UNEXPECTED_TRAP_HANDLER
    .section .data.region, "aw"
    .balign 8192
    .globl  region
region:
    .set    i, 0
    .rept   8192 / 4
    .word   0x7000 + i
    .set    i, i + 1
    .endr
    .space  65536 - 8192        /* the evicting lines (up to 8 ways x 8 KiB) */
    .data
    .balign 4
    .globl  stride, ways
stride: .word 2048
ways:   .word 2
