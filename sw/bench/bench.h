// SPDX-License-Identifier: Apache-2.0
/*
 * bench.h - what the benchmark kernels (sw/bench/ kernels) share: a fixed-seed
 * PRNG, table-free permutations and hashes, a bump allocator, and the
 * timed main loop with its pre-execution idiom (bench_main.h).
 *
 * A kernel source defines, in this order:
 *   #define K_NAME  "list"          the name printed in the report
 *   typedef struct kstate { ... bench_progress progress; ... } kstate;
 *   static int      k_setup(kstate *s)   build the data from fixed seeds
 *                   (heap only, never the stack) and s->expect, the
 *                   reference checksum, computed without running the
 *                   kernel (from the formulas that generated the data);
 *                   0 on success, non-zero when out of memory
 *   static uint32_t k_items(const kstate *s)   number of work items
 *   static inline uint32_t k_item(kstate *s, uint32_t i, uint32_t acc)
 *                   the main thread's work on item i, folded into acc
 *                   (items run in order 0, 1, ...; the checksum is the
 *                   final acc)
 *   static inline void k_touch(const kstate *s, uint32_t i)
 *                   the p-thread's slice of item i: the loads of k_item
 *                   that decide its misses, nothing stored
 * and then includes "bench_main.h", which defines main().
 *
 * Compile-time switches (bench.mk builds one ELF per combination):
 *   BENCH_PEX=1        pre-executed version: the main loop spawns
 *                      p-threads running k_touch ahead of it (idiom in
 *                      bench_main.h). 0 (default): plain, no spawn, no
 *                      progress store - the code a user would write.
 *   BENCH_HARTS=2      throughput run: two copies of the kernel (own
 *                      data each), one on each context as a full hart.
 *   BENCH_INIT_ONLY=1  build the data and exit: the driver subtracts this
 *                      run's counters to get the kernel's own.
 *
 * Report (stdout), parsed by scripts/bench.py:
 *   bench NAME: checksum 0x%08x ok|MISMATCH
 *   bench NAME: cycles N            (the timed loop only, from mcycle)
 *   bench NAME: instret N           (its main-thread instructions, minstret:
 *                                    the same with pre-execution on or off)
 * Exit code 0 iff every copy's checksum equals its reference.
 */
#ifndef BENCH_H
#define BENCH_H

#define _DEFAULT_SOURCE 1     /* sbrk() under -std=c11 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <outrider/outrider.h>
#include <outrider/preexec.h>

#ifndef BENCH_PEX
#define BENCH_PEX 0
#endif
#ifndef BENCH_HARTS
#define BENCH_HARTS 1
#endif
#ifndef BENCH_INIT_ONLY
#define BENCH_INIT_ONLY 0
#endif

/* The main thread's progress (the item it works on), published for the
 * p-thread in pre-executed builds; a cache line of its own. */
typedef struct {
    volatile uint32_t item;
    uint32_t pad[7];
} bench_progress;

/* xorshift32: the same data on every run for a given seed. */
static inline uint32_t bench_rand(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

/* Value in [0, n) (multiply-high, no division). */
static inline uint32_t bench_below(uint32_t r, uint32_t n)
{
    return (uint32_t)(((uint64_t)r * n) >> 32);
}

/* A fixed pseudo-random word for index i: data and references without
 * tables. */
static inline uint32_t bench_hash(uint32_t i, uint32_t seed)
{
    uint32_t x = i * 0x9E3779B1u + seed;
    x ^= x >> 16;
    x *= 0x85EBCA6Bu;
    x ^= x >> 13;
    x *= 0xC2B2AE35u;
    x ^= x >> 16;
    return x;
}

/* A pseudo-random permutation of [0, 2^bits) (bits 2..31): rounds of
 * x = x * odd + key and x ^= x >> s, each a bijection modulo 2^bits.
 * Scatters nodes over a pool without a permutation table. */
static inline uint32_t bench_permute(uint32_t i, unsigned bits, uint32_t key)
{
    uint32_t mask = (1u << bits) - 1u;
    unsigned sh = bits / 2u + 1u;
    uint32_t x = i & mask;
    for (int r = 0; r < 3; r++) {
        x = (x * 0x2C1B3C6Du + key) & mask;
        x ^= x >> sh;
        key = key * 0x9E3779B1u + 0x7F4A7C15u;
    }
    return x;
}

/* The per-item computation of the kernels: a few ALU operations that
 * fold a loaded value into the running checksum. */
static inline uint32_t bench_mix(uint32_t acc, uint32_t v)
{
    uint32_t x = (acc ^ v) * 0x01000193u;
    x ^= x >> 15;
    return x + (acc << 3) + 0x9E37u;
}

/* size bytes aligned to align (a power of two) from the heap, or NULL.
 * sbrk, not malloc: picolibc's malloc clears memory (costly cycles). The
 * memory is zero (RAM starts zeroed and is never returned). */
static inline void *bench_alloc(size_t size, size_t align)
{
    void *p = sbrk((ptrdiff_t)(size + align - 1));
    if (p == (void *)-1)
        return NULL;
    return (void *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
}

#endif /* BENCH_H */
