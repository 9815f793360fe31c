// SPDX-License-Identifier: Apache-2.0
/*
 * compute.h - the driver of the compute-bound benchmark set (sw/bench/compute/,
 * docs/performance.md "Compute-bound set"): CoreMark-like kinds of work written
 * for this project (CRC, matrix multiply, sort, a state machine, list and
 * string handling), each small enough that its data stays in the 4 KiB data
 * cache, so that the numbers measure the pipeline, not the memory.
 *
 * A kernel source defines, in this order:
 *   #define K_NAME "crc"                 the name printed in the report
 *   #define K_REPS_FULL n / K_REPS_SMALL m   repetitions of the timed work
 *                                        (full size ~0.3-1 M cycles; small
 *                                        for the smoke test in `make test`)
 *   typedef struct kdata { ... } kdata;  one copy's data (static storage,
 *                                        one per copy: two with two harts)
 *   static void     k_setup(kdata *d)    fill the inputs from fixed seeds
 *   static uint32_t k_run(kdata *d, uint32_t reps)    THE TIMED KERNEL:
 *                                        returns the checksum
 *   static uint32_t k_ref(kdata *d, uint32_t reps)    the reference: the
 *                                        same result computed by a second,
 *                                        independently written, straight-
 *                                        forward implementation (a different
 *                                        algorithm where there is one), run
 *                                        untimed on freshly set-up data;
 *                                        returns 0 when a known-answer or
 *                                        property check of its own fails
 *                                        (then the program exits 4)
 * and then includes "compute_main.h", which defines main().
 *
 * Compile-time switches (bench.mk builds one ELF per combination):
 *   COMPUTE_HARTS=2   two copies at the same time, one per hart (own data
 *                     each); default 1
 *   COMPUTE_SMALL=1   K_REPS_SMALL repetitions instead of K_REPS_FULL
 *   COMPUTE_WRONG=1   the expected value is deliberately corrupted (xor 1):
 *                     the program must report MISMATCH and exit 1; the smoke
 *                     test uses it to show that the check can fail
 *   COMPUTE_BARE=1    no runtime, no libc, no counters: for other cores
 *                     (scripts/sim-speed.py runs it on VexRiscv); output by
 *                     byte stores to the console register, the exit code
 *                     is main's return value (tb/vexriscv/crt.S)
 *
 * Report (stdout), parsed by scripts/bench-compute.py:
 *   compute NAME: checksum 0x%08x ok|MISMATCH
 *   compute NAME: cycles N        mcycle across the timed region (with two
 *                                 harts: from before the start of hart 1
 *                                 to after both copies have finished)
 *   compute NAME: instret N       minstret of the timed region, summed over
 *                                 the harts (each hart counts its own)
 *   compute NAME: instret0 N instret1 M   per hart (two harts only)
 * The bare build prints the checksum line only (no counters).
 * Exit code 0 iff every copy's checksum equals its reference; 1 on a
 * mismatch; 3 if no context was free for the second copy; 4 if a
 * reference's own known-answer check failed.
 */
#ifndef COMPUTE_H
#define COMPUTE_H

#include <stddef.h>
#include <stdint.h>

#ifndef COMPUTE_HARTS
#define COMPUTE_HARTS 1
#endif
#ifndef COMPUTE_SMALL
#define COMPUTE_SMALL 0
#endif
#ifndef COMPUTE_WRONG
#define COMPUTE_WRONG 0
#endif
#ifndef COMPUTE_BARE
#define COMPUTE_BARE 0
#endif

#if COMPUTE_HARTS != 1 && COMPUTE_HARTS != 2
#error "COMPUTE_HARTS must be 1 or 2"
#endif
#if COMPUTE_BARE && COMPUTE_HARTS != 1
#error "the bare build (COMPUTE_BARE) runs one copy only"
#endif

/* xorshift32: the same data on every run for a given seed (never 0). */
static inline uint32_t c_rand(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

/* Order-sensitive fold of a word into a checksum. */
static inline uint32_t c_fold(uint32_t acc, uint32_t v)
{
    acc ^= v + 0x9E3779B9u + (acc << 6) + (acc >> 2);
    return acc;
}

#endif /* COMPUTE_H */
