// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_chase.S - pointer chasing: the memory-latency-bound loop of the
 * cache measurements (docs/dcache.md). Each list has CHASE_NODES nodes,
 * one per 64 bytes (every node in its own line; 64 KiB per list, far more
 * than the cache), linked in the order i -> (i + CHASE_HOP) mod
 * CHASE_NODES. Built with CHASE_HARTS=1, context 0 walks list 0; with
 * CHASE_HARTS=2 context 1 walks list 1 at the same time (started as a
 * hart). Lists are built and written back (fence.i) before the timed
 * walk of CHASE_STEPS hops.
 * results[]: 0 context 0's cycles for the walk, 1 context 0's final node,
 *            2 context 1's cycles, 3 context 1's final node, 4 CHASE_STEPS
 */
#include "dcache_asm.h"

#ifndef CHASE_HARTS
#define CHASE_HARTS 1
#endif
#define CHASE_NODES 1024
#define CHASE_HOP   389        /* odd: one cycle through all nodes */
#define CHASE_STEPS 2000
#define NODE_BYTES  64
#define LIST_BYTES  (CHASE_NODES * NODE_BYTES)

/* build list at base register \b: node i -> node (i + HOP) mod NODES */
.macro BUILD b
    li      t0, 0
80: li      t1, CHASE_HOP
    add     t1, t1, t0
    li      t2, CHASE_NODES - 1
    and     t1, t1, t2
    slli    t1, t1, 6
    add     t1, t1, \b
    slli    t2, t0, 6
    add     t2, t2, \b
    sw      t1, 0(t2)
    addi    t0, t0, 1
    li      t2, CHASE_NODES
    bltu    t0, t2, 80b
.endm

/* walk from \b; cycles -> \cyc, final node -> \fin */
.macro WALK b, cyc, fin
    mv      a0, \b
    li      t0, CHASE_STEPS
    csrr    t1, mcycle
81: lw      a0, 0(a0)
    addi    t0, t0, -1
    bnez    t0, 81b
    csrr    t2, mcycle
    sub     \cyc, t2, t1
    mv      \fin, a0
.endm

    TEST_START
    la      s0, lists
    la      s9, results
    BUILD   s0
#if CHASE_HARTS == 2
    li      t3, LIST_BYTES
    add     s1, s0, t3
    BUILD   s1
#endif
    fence.i                     /* write the lists back: no dirty victims later */
    li      t0, CHASE_STEPS
    sw      t0, 16(s9)
#if CHASE_HARTS == 2
    HART1_START h1
    WAIT_FLAG ready1
    SET_FLAG go
#endif
    WALK    s0, s2, s3
    sw      s2, 0(s9)
    sw      s3, 4(s9)
#if CHASE_HARTS == 2
    WAIT_FLAG done1
#endif
    EXIT_OK

#if CHASE_HARTS == 2
h1: HART1_PROLOGUE
    la      s0, lists
    li      t3, LIST_BYTES
    add     s1, s0, t3
    la      s9, results
    SET_FLAG ready1
    WAIT_FLAG go
    WALK    s1, s2, s3
    sw      s2, 8(s9)
    sw      s3, 12(s9)
    SET_FLAG done1
    HART_EXIT
#endif

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 5
    WORDS ready1, 1
    WORDS go, 1
    WORDS done1, 1
    .section .bss.lists, "aw", @nobits
    .balign 4096
    .globl  lists
lists:  .space 2 * LIST_BYTES
