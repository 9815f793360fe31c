// SPDX-License-Identifier: Apache-2.0
/*
 * pex_seg.S - the traversal of the pre-execution seed (its Figure 3), the
 * program of the headline check. Two program segments: segment 204 works
 * on list A (a pointer walk with `work` divisions per node), segment 206
 * walks list B. The main thread executes PreExecute_Start(LIST2) (pex.spawn
 * to the label of segment 206) before segment 204, so a p-thread walks
 * list B while the main thread works on list A; PreExecute_Stop() (pex.stop)
 * at the end of segment 206 ends the p-thread and is a no-op in the main
 * thread. The main thread then walks list B itself and should find every
 * node in the data cache.
 *
 * The suite builds both lists in `pool` (64-byte nodes: word 0 next, word 1
 * value) before the run and writes args[]:
 *   0 head of list A, 1 head of list B, 2 divisions per node of list A
 * results[]: 0 list A's sum of (value + work), 1 list B's sum of values.
 * The main thread never looks at the spawn result: with pre-execution on
 * and off it retires the same instructions.
 */
#include "pex_asm.h"

#define POOL_BYTES  (64 * 1024)

    TEST_START
    la      s1, results
    la      s2, args
    lw      s3, 0(s2)               /* head of list A */
    lw      s4, 4(s2)               /* head of list B */
    lw      s5, 8(s2)               /* divisions per node of list A */
    li      s6, 7
    la      t0, pool                /* keeps `pool` in the link (--gc-sections) */
    PAUSES  4                       /* the register mirror fills after reset */

    mv      t1, s4                  /* live-in of segment 206 */
    PEX_SPAWN_AT s0, LIST2          /* PreExecute_Start(LIST2) */

    /* segment 204: work on list A */
    li      s7, 0
    mv      t0, s3
1:  beqz    t0, 3f
    lw      t2, 4(t0)
    mv      t3, s5
2:  beqz    t3, 4f
    divu    t4, t2, s6
    add     t2, t2, t4
    addi    t3, t3, -1
    j       2b
4:  add     s7, s7, t2
    lw      t0, 0(t0)
    j       1b
3:  sw      s7, 0(s1)
    mv      t1, s4

    /* segment 206: walk list B (t1 = its head) */
    .globl  LIST2
LIST2:
    li      s8, 0
5:  beqz    t1, 6f
    lw      t2, 4(t1)
    add     s8, s8, t2
    lw      t1, 0(t1)
    j       5b
6:  PEX_STOP                        /* PreExecute_Stop() */
    sw      s8, 4(s1)
    EXIT_OK

    UNEXPECTED_TRAP_HANDLER

    WORDS   results, 2
    WORDS   args, 3

    .bss
    .balign 4096
    .globl  pool
pool:
    .space  POOL_BYTES
