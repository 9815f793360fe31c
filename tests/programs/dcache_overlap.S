// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_overlap.S - two contexts miss at about the same time.
 * After a barrier (flags `ready1`, `go`), context 0 loads a word of
 * `cold_a` and context 1 a word of `line2`. Built twice: with SAME_LINE
 * line2 = cold_a (the second access must merge into the first's refill),
 * otherwise line2 = cold_b (two refills that must overlap).
 * results[]: 0 what context 0 loaded (cold_a[2]), 1 what context 1
 * loaded (line2[5])
 */
#include "dcache_asm.h"

#ifdef SAME_LINE
#define LINE2 cold_a
#else
#define LINE2 cold_b
#endif

    TEST_START
    HART1_START h1
    WAIT_FLAG ready1
    SET_FLAG go
    la      t0, cold_a
    lw      s0, 8(t0)           /* miss */
    la      s1, results
    sw      s0, 0(s1)
    WAIT_FLAG done1
    EXIT_OK

h1: HART1_PROLOGUE
    SET_FLAG ready1
    WAIT_FLAG go
    la      t0, LINE2
    lw      s0, 20(t0)          /* miss, or merge */
    la      s1, results
    sw      s0, 4(s1)
    SET_FLAG done1
    HART_EXIT

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 2
    WORDS ready1, 1
    WORDS go, 1
    WORDS done1, 1
    COLD_LINE cold_a, 0x21
    COLD_LINE cold_b, 0x22
