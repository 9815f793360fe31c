// SPDX-License-Identifier: Apache-2.0
/*
 * roi_counters.S - the roi CSR (regions of interest), the cache and
 * pre-execution performance counters (mhpmcounter6..9) and the write
 * suppression of minstret (test_roi).
 * results[]:
 *   0  roi read before any roi_begin (0)
 *   1  roi read inside region 1 (1)
 *   2  roi read after region 1 (0)
 *   3  mhpmcounter6 (data-cache misses of this hart) across NLINES loads,
 *      one per fresh line (NLINES)
 *   4  mhpmcounter9 (refused spawns) across a spawn with pexctl.EN = 0 (1)
 *   5  mhpmcounter8 (spawns) across the same refused spawn (0)
 *   6  mhpmcounter8 across an accepted spawn (1)
 *   7  that spawn's result (the p-thread's context, non-zero)
 *   8  minstret read right after `csrw minstret, zero` (0: the write
 *      replaces the writing instruction's own increment)
 *   9  mhpmevent6 (its event number, 4)
 *  10  mhpmcounter7 (first main-thread hits on p-thread-filled lines) across
 *      loads of NPF lines a p-thread loaded first (NPF)
 *  11  minstreth read right after `csrw minstreth, zero` (0)
 * Regions of interest: region 1 around the NLINES loads; region 2 entered
 * twice (the second roi_begin changes nothing) and left; region 3 still
 * open when the program exits. Exits with 0.
 */
#include "pex_asm.h"

#define NLINES 8
#define NPF    4
#define LINE   32                   /* >= the data cache's line size */
#define CSR_ROI OUTRIDER_CSR_ROI

    TEST_START
    la      s1, results
    PAUSES  4                       /* the register mirror fills after reset */

    /* 0-3: region 1 around NLINES misses */
    csrr    t0, CSR_ROI
    sw      t0, 0(s1)
    csrwi   CSR_ROI, 1
    csrr    t0, CSR_ROI
    sw      t0, 4(s1)
    la      s2, lines
    csrr    s3, mhpmcounter6
    li      t1, NLINES
1:  lw      t0, 0(s2)
    addi    s2, s2, LINE
    addi    t1, t1, -1
    bnez    t1, 1b
    csrr    t0, mhpmcounter6
    sub     t0, t0, s3
    sw      t0, 12(s1)
    csrwi   CSR_ROI, 0
    csrr    t0, CSR_ROI
    sw      t0, 8(s1)

    /* 4-5: a refused spawn */
    csrci   PEX_CSR_CTL, PEX_CTL_EN
    csrr    s3, mhpmcounter9
    csrr    s4, mhpmcounter8
    PEX_SPAWN_AT t0, pt_stop
    csrr    t0, mhpmcounter9
    sub     t0, t0, s3
    sw      t0, 16(s1)
    csrr    t0, mhpmcounter8
    sub     t0, t0, s4
    sw      t0, 20(s1)
    csrsi   PEX_CSR_CTL, PEX_CTL_EN

    /* 6-7: an accepted spawn (region 2: begun twice) */
    csrwi   CSR_ROI, 1
    csrwi   CSR_ROI, 1
    csrr    s4, mhpmcounter8
    SPAWN_RETRY s5, pt_stop
    csrr    t0, mhpmcounter8
    sub     t0, t0, s4
    sw      t0, 24(s1)
    sw      s5, 28(s1)
    SETTLE
    csrwi   CSR_ROI, 0

    /* 8, 11: minstret / minstreth writes */
    csrw    minstret, zero
    csrr    t0, minstret
    sw      t0, 32(s1)
    csrw    minstreth, zero
    csrr    t0, minstreth
    sw      t0, 44(s1)
    /* 9 */
    csrr    t0, mhpmevent6
    sw      t0, 36(s1)

    /* 10: a p-thread loads NPF fresh lines, the main thread waits, then
     * loads them: each is a first hit on a p-thread-filled line */
    csrwi   CSR_ROI, 1              /* region 3: open until the exit */
    SPAWN_RETRY s5, pt_prefetch
    PAUSES  WAIT_PAUSES
    SETTLE
    csrr    s3, mhpmcounter7
    la      s2, pflines
    li      t1, NPF
2:  lw      t0, 0(s2)
    addi    s2, s2, LINE
    addi    t1, t1, -1
    bnez    t1, 2b
    csrr    t0, mhpmcounter7
    sub     t0, t0, s3
    sw      t0, 40(s1)
    EXIT_OK

pt_stop:
    PEX_STOP

pt_prefetch:
    la      t0, pflines
    li      t1, NPF
3:  lw      t2, 0(t0)
    addi    t0, t0, LINE
    addi    t1, t1, -1
    bnez    t1, 3b
    PEX_STOP

    UNEXPECTED_TRAP_HANDLER
    WORDS   results, 12
    /* it records spawn results: not part of test_preexec's on/off corpus */
    WORDS   pex_observes_preexec, 1
    .data
    .balign 64
lines:
    .space  NLINES * LINE
    .balign 64
pflines:
    .space  NPF * LINE
