// SPDX-License-Identifier: Apache-2.0
/*
 * isa_branch.S - conditional branches, taken and not taken, with forward
 * and backward targets.
 * For each pair (a, b) in `pairs` (npairs, written by the test) it stores
 * BR_NRES words into `results`: 1 if the branch was taken, else 0, for
 *   beq bne blt bge bltu bgeu  with a forward target, then
 *   beq bne blt bge bltu bgeu  with a backward target.
 * `shadow` receives, after the loop, the number of instructions executed
 * in the shadow of taken branches and jumps (must be 0).
 */
#include "test_asm.h"

#define BR_MAX_PAIRS 128
#define BR_NRES      12

.macro BR_FWD br, idx
    li      t0, 0
    \br     a0, a1, 81f
    j       82f
81: li      t0, 1
82: sw      t0, 4 * \idx(s1)
.endm

.macro BR_BWD br, idx
    li      t0, 0
    j       83f
84: li      t0, 1
    j       85f
83: \br     a0, a1, 84b
85: sw      t0, 4 * \idx(s1)
.endm

    TEST_START
    la      s0, pairs
    la      s1, results
    la      t0, npairs
    lw      s2, 0(t0)
    li      t0, BR_MAX_PAIRS
    bleu    s2, t0, 1f
    EXIT_CODE EXIT_BAD_ARG
1:  beqz    s2, 2f
    lw      a0, 0(s0)
    lw      a1, 4(s0)
    BR_FWD beq,  0
    BR_FWD bne,  1
    BR_FWD blt,  2
    BR_FWD bge,  3
    BR_FWD bltu, 4
    BR_FWD bgeu, 5
    BR_BWD beq,  6
    BR_BWD bne,  7
    BR_BWD blt,  8
    BR_BWD bge,  9
    BR_BWD bltu, 10
    BR_BWD bgeu, 11
    addi    s0, s0, 8
    addi    s1, s1, BR_NRES * 4
    addi    s2, s2, -1
    j       1b

    /* shadow of taken branches/jumps: nothing after them may execute */
2:  li      s3, 0
    beq     x0, x0, 3f
    addi    s3, s3, 1
    addi    s3, s3, 1
    addi    s3, s3, 1
3:  bne     s3, x0, 4f      /* not taken */
    jal     x0, 5f
    addi    s3, s3, 1
    addi    s3, s3, 1
4:  addi    s3, s3, 16      /* reached only if the bne above was taken */
5:  la      t0, 6f
    jalr    x0, 0(t0)
    addi    s3, s3, 1
    addi    s3, s3, 1
6:  bltu    x0, s3, 7f      /* not taken while s3 == 0 */
    blt     s3, x0, 7f      /* not taken */
    bge     s3, x0, 8f      /* taken */
7:  addi    s3, s3, 1
8:  la      t0, shadow
    sw      s3, 0(t0)
    EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS npairs, 1
    WORDS pairs, 2 * BR_MAX_PAIRS
    WORDS results, BR_NRES * BR_MAX_PAIRS
    .data
    .globl  shadow
shadow:
    .word   0xFFFFFFFF
