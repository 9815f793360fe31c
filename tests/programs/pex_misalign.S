// SPDX-License-Identifier: Apache-2.0
/*
 * pex_misalign.S - misaligned accesses in a p-thread and in the main thread
 * (docs/preexec.md: a p-thread's misaligned access inside one word works
 * like any access, store-buffer forwarding included; one that crosses a
 * word stops the p-thread silently). The main thread spawns a p-thread that
 * runs `kernel` (its stored values differ: they add mhartid), gives it
 * time, then runs `kernel` itself. Its results must be the same with
 * pre-execution on and off (the suite runs both).
 *
 * The suite writes `buf` (64 bytes) and `dst` (64 bytes) before the run.
 * results[] (the main thread's):
 *   0  lh  buf+1 before any store (inside a word)
 *   1  lh  buf+1 after sh 0x1357 there (inside a word)
 *   2  lhu buf+5 (inside a word)
 *   3  lw  buf+3 (crosses a word: a p-thread stops here)
 *   4  checksum c = c*31 + lw(buf + 1 + 4i), i = 0..7, each also stored
 *      with sw to dst + 3 + 4i
 *   5  lw  buf+6 after sh 0x1357 at buf+7 (crosses a word)
 */
#include "pex_asm.h"

    TEST_START
    la      s1, results
    la      s2, buf
    la      s3, dst
    PAUSES  4
    PEX_SPAWN_AT s0, pt_kernel
    PAUSES  16
    jal     ra, kernel
    EXIT_OK

    .balign 4
pt_kernel:
    jal     ra, kernel
    PEX_STOP

/* the same code for both; a2 = mhartid makes the p-thread's stores differ */
kernel:
    csrr    a2, mhartid
    lh      t0, 1(s2)
    sw      t0, 0(s1)
    li      t1, 0x1357
    add     t1, t1, a2
    sh      t1, 1(s2)
    lh      t0, 1(s2)
    sw      t0, 4(s1)
    lhu     t0, 5(s2)
    sw      t0, 8(s1)
    lw      t0, 3(s2)
    sw      t0, 12(s1)
    addi    a3, s2, 1
    addi    a4, s3, 3
    li      a5, 8
    li      a6, 0
    li      a7, 31
1:  lw      t0, 0(a3)
    sw      t0, 0(a4)
    mul     a6, a6, a7
    add     a6, a6, t0
    addi    a3, a3, 4
    addi    a4, a4, 4
    addi    a5, a5, -1
    bnez    a5, 1b
    sw      a6, 16(s1)
    sh      t1, 7(s2)
    lw      t0, 6(s2)
    sw      t0, 20(s1)
    ret

    UNEXPECTED_TRAP_HANDLER

    .data
    .balign 32
    .globl  buf, dst
buf:
    .space  64
dst:
    .space  64
    WORDS   results, 6
