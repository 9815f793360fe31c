// SPDX-License-Identifier: Apache-2.0
/*
 * pex_common.h - what the pre-execution examples (pex_list.c, pex_hash.c,
 * pex_tree.c) share: a fixed-seed PRNG, a table-free permutation, a bump
 * allocator on sbrk(), the timed-section helpers and the report switch. Header-only; included by
 * exactly one source per program.
 *
 * Report switch: `pex_example_report` (a global word, 1 by default).
 * With 1 an example prints its cycles and how many spawns were accepted.
 * A test bench that compares runs with pre-execution on and off writes 0
 * into it before the run: the example then reads no cycle counter, does
 * not count spawns and prints only what is identical either way (its
 * checksum), so its main thread retires the same instructions and leaves
 * the same RAM in both runs.
 */
#ifndef PEX_COMMON_H
#define PEX_COMMON_H

#define _DEFAULT_SOURCE 1     /* sbrk() under -std=c11 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <outrider/outrider.h>
#include <outrider/preexec.h>

volatile uint32_t pex_example_report = 1;

/* xorshift32: the same data on every run for a given seed. */
typedef struct {
    uint32_t s;
} pex_prng;

static inline uint32_t pex_prng_next(pex_prng *p)
{
    uint32_t x = p->s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    p->s = x;
    return x;
}

/* Value in [0, n) (multiply-high, no division). */
static inline uint32_t pex_prng_below(pex_prng *p, uint32_t n)
{
    return (uint32_t)(((uint64_t)pex_prng_next(p) * n) >> 32);
}

/* A pseudo-random permutation of [0, 2^bits) (bits 1..31): element i goes
 * to pex_permute(i, bits, key). Rounds of x = x * odd + key and
 * x ^= x >> s, each a bijection modulo 2^bits. Used to scatter nodes over
 * a pool without a permutation table (whose own random accesses would
 * miss in the cache while the data is built). */
static inline uint32_t pex_permute(uint32_t i, unsigned bits, uint32_t key)
{
    uint32_t mask = (1u << bits) - 1u;
    unsigned s = bits / 2u + 1u;
    uint32_t x = i & mask;
    for (int r = 0; r < 3; r++) {
        x = (x * 0x2C1B3C6Du + key) & mask;
        x ^= x >> s;
        key = key * 0x9E3779B1u + 0x7F4A7C15u;
    }
    return x;
}

/* A fixed pseudo-random word for index i (reference data without tables). */
static inline uint32_t pex_hash32(uint32_t i, uint32_t seed)
{
    uint32_t x = i * 0x9E3779B1u + seed;
    x ^= x >> 16;
    x *= 0x85EBCA6Bu;
    x ^= x >> 13;
    x *= 0xC2B2AE35u;
    x ^= x >> 16;
    return x;
}

/* size bytes aligned to align (a power of two) from the heap, or NULL.
 * sbrk, not malloc: picolibc's malloc clears memory, which costs more
 * cycles than the kernels. The memory is zero (RAM starts zeroed). */
static inline void *pex_alloc(size_t size, size_t align)
{
    void *p = sbrk((ptrdiff_t)(size + align - 1));
    if (p == (void *)-1)
        return NULL;
    return (void *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
}

/* Cycle counter for the timed section, 0 when not reporting. */
static inline uint64_t pex_timer(void)
{
    return pex_example_report ? outrider_cycles() : 0;
}

/* Count an accepted spawn only when reporting (see the report switch). */
static inline void pex_count(unsigned *n, int ctx)
{
    if (pex_example_report && ctx != 0)
        (*n)++;
}

/* The common report; returns the exit code (0 iff sum == expect). */
static inline int pex_report(const char *name, uint32_t sum, uint32_t expect,
                             uint64_t t0, uint64_t t1, unsigned spawns, unsigned attempts)
{
    printf("%s: checksum 0x%08lx (%s)\n", name, (unsigned long)sum,
           sum == expect ? "ok" : "MISMATCH");
    if (pex_example_report)
        printf("%s: %llu cycles; pre-execution %s, %u of %u spawns accepted\n", name,
               (unsigned long long)(t1 - t0), pex_enabled() ? "enabled" : "disabled",
               spawns, attempts);
    return sum == expect ? 0 : 1;
}

#endif /* PEX_COMMON_H */
