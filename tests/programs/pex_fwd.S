// SPDX-License-Identifier: Apache-2.0
/*
 * pex_fwd.S - store-buffer forwarding in a p-thread: `walk` sums a linked
 * list the way unoptimised compiled code does, keeping the node pointer
 * and the sum in stack slots (spill after every update, reload before
 * every use) and saving ra in its frame. The main thread spawns a p-thread
 * that calls `walk` on the list, waits, then calls `walk` itself. The
 * p-thread's spills go to its store buffer (3 words) and its reloads must
 * be forwarded from there; otherwise it would reload what memory holds and
 * chase different addresses. The suite checks on the event log that the
 * p-thread filled exactly the list's lines (and the stack's), each before
 * the main thread's access.
 *
 * The suite builds the list in `pool` (64-byte nodes: word 0 next, word 1
 * value) before the run and writes args[]: 0 head, 1 pauses to wait
 * before the main thread's walk. results[0] = the main thread's sum.
 * The main thread never looks at the spawn result.
 */
#include "pex_asm.h"

#define POOL_BYTES  (64 * 1024)

    TEST_START
    la      sp, stack_top
    la      s1, results
    la      s2, args
    lw      a0, 0(s2)
    lw      s3, 4(s2)
    la      t0, pool                /* keeps `pool` in the link (--gc-sections) */
    PAUSES  4
    PEX_SPAWN_AT s0, pt_walk
    beqz    s3, 2f
1:  pause                           /* wait args[1] pauses */
    addi    s3, s3, -1
    bnez    s3, 1b
2:  lw      a0, 0(s2)
    call    walk
    sw      a0, 0(s1)
    EXIT_OK

    .balign 4
pt_walk:
    call    walk
    PEX_STOP

/* a0 = list head -> a0 = sum of the values; n at 8(sp), sum at 4(sp) */
    .globl  walk
walk:
    addi    sp, sp, -16
    sw      ra, 12(sp)
    sw      a0, 8(sp)
    sw      zero, 4(sp)
3:  lw      t0, 8(sp)
    beqz    t0, 4f
    lw      t1, 4(t0)
    lw      t2, 4(sp)
    add     t2, t2, t1
    sw      t2, 4(sp)
    lw      t0, 8(sp)
    lw      t0, 0(t0)
    sw      t0, 8(sp)
    j       3b
4:  lw      a0, 4(sp)
    lw      ra, 12(sp)
    addi    sp, sp, 16
    ret

    UNEXPECTED_TRAP_HANDLER

    WORDS   results, 1
    WORDS   args, 2

    .bss
    .balign 64
    .globl  stack
stack:
    .space  64                      /* one line: walk's frame is 16 bytes */
    .globl  stack_top
stack_top:
    .balign 4096
    .globl  pool
pool:
    .space  POOL_BYTES
