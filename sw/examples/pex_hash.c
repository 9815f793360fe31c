// SPDX-License-Identifier: Apache-2.0
/*
 * pex_hash.c - hash-chain probing with pre-execution: the main thread looks
 * up a stream of keys in batches of BATCH; before it works on batch b it
 * spawns a p-thread that runs the probes of batch b+1 (bucket load, chain
 * walk until the key matches), so that the buckets and chain entries the
 * main thread will load next are already in the data cache.
 *
 *   for each batch b:
 *       pex_spawn(probe_ahead, keys of b+1)  refused while the previous
 *                                            p-thread still runs
 *       for each key of batch b: look it up, fold (found value, work) into sum
 *
 * Table: NBUCKETS chained buckets, ENTRIES 32-byte entries scattered by a
 * fixed pseudo-random permutation over a pool of ENTRIES * 32 bytes
 * (64 KiB), an average chain of ENTRIES / NBUCKETS. Queries: 3 of 4 are
 * keys of the table, the others keys that are not in it (the key encoding
 * below keeps them apart), so lookups end both ways. The main thread's
 * work per query (WORK_DIVS divisions) stands for what it computes with
 * the value it found; the p-thread keeps ahead while that takes longer
 * than a lookup's misses.
 *
 * The reference checksum is folded from the query list alone: the value
 * a query must find is known from how the query was drawn (entry j's value
 * is a fixed function of j), no table walk.
 * Prints the checksum (identical with and without pre-execution) and, with
 * pex_example_report = 1, the cycles of the lookups; returns 0 only if the
 * checksum matches.
 */
#include "pex_common.h"

#ifndef ENTRY_BITS
#define ENTRY_BITS  11              /* 2048 entries */
#endif
#ifndef NBUCKETS
#define NBUCKETS    512             /* a power of two */
#endif
#ifndef QUERIES
#define QUERIES     512
#endif
#ifndef BATCH
#define BATCH       4
#endif
#ifndef WORK_DIVS
#define WORK_DIVS   10
#endif
#define ENTRIES     (1u << ENTRY_BITS)
#define MAX_DIVS    16
#define BUCKET_BITS (__builtin_ctz(NBUCKETS))
#define NOT_FOUND   0xFFFFFFFFu

_Static_assert((NBUCKETS & (NBUCKETS - 1)) == 0, "NBUCKETS must be a power of two");
_Static_assert(QUERIES % BATCH == 0, "QUERIES must be a multiple of BATCH");
_Static_assert(WORK_DIVS <= MAX_DIVS, "WORK_DIVS must be at most 16");

typedef struct entry {
    struct entry *next;
    uint32_t key;
    uint32_t value;
    uint32_t pad[5];            /* 32 bytes */
} entry_t;

_Static_assert(sizeof(entry_t) == 32, "entry_t must be 32 bytes");

/* The table, read by the main thread and (through gp) by the p-thread. */
static entry_t **buckets;

static volatile uint32_t work_div[MAX_DIVS] = { 7, 13, 31, 11, 5, 17, 23, 3,
                                                19, 29, 37, 41, 43, 47, 53, 59 };

/* A bijection of 32-bit words: distinct inputs give distinct keys. */
static uint32_t scramble(uint32_t x)
{
    x *= 0x9E3779B1u;
    x ^= x >> 15;
    x *= 0x85EBCA77u;
    x ^= x >> 13;
    return x;
}

/* Key of entry j (odd input) and a key that is in no entry (even input). */
static uint32_t key_present(uint32_t j) { return scramble(2u * j + 1u); }
static uint32_t key_absent(uint32_t m)  { return scramble(2u * m); }

static uint32_t bucket_of(uint32_t key)
{
    return (key * 0x2C1B3C6Du) >> (32 - BUCKET_BITS);
}

/* Value stored with entry j. */
static uint32_t value_of(uint32_t j)
{
    return pex_hash32(j, 0xA5A5) & 0x7FFFFFFFu;   /* never NOT_FOUND */
}

static uint32_t work_step(uint32_t acc, uint32_t v, const uint32_t div[MAX_DIVS])
{
    uint32_t x = v ^ (acc << 7) ^ (acc >> 25);
    for (int k = 0; k < WORK_DIVS; k++)
        x += x / div[k];
    return acc * 33u + x;
}

/* The lookup both threads run: value of `key`, or NOT_FOUND. */
static inline uint32_t lookup(uint32_t key)
{
    for (const entry_t *e = buckets[bucket_of(key)]; e != NULL; e = e->next)
        if (e->key == key)
            return e->value;
    return NOT_FOUND;
}

/* The p-thread: the probes of one batch, results dropped. */
static void probe_ahead(void *arg)
{
    const uint32_t *keys = arg;
    for (int q = 0; q < BATCH; q++) {
        uint32_t v = lookup(keys[q]);
        __asm__ __volatile__("" : : "r"(v));
    }
}

static __attribute__((noinline)) uint32_t work_batch(uint32_t acc, const uint32_t *keys,
                                                     const uint32_t div[MAX_DIVS])
{
    for (int q = 0; q < BATCH; q++)
        acc = work_step(acc, lookup(keys[q]), div);
    return acc;
}

int main(void)
{
    entry_t *pool = pex_alloc(sizeof(entry_t) * ENTRIES, 64);
    uint32_t *keys = pex_alloc(sizeof(uint32_t) * QUERIES, sizeof(uint32_t));
    buckets = pex_alloc(sizeof(entry_t *) * NBUCKETS, 64);
    uint32_t div[MAX_DIVS];

    if (pool == NULL || keys == NULL || buckets == NULL) {
        printf("pex_hash: out of memory\n");
        return 2;
    }
    for (int k = 0; k < MAX_DIVS; k++)
        div[k] = work_div[k];

    /* Entry j (key_present(j), value_of(j)) lives at pool[pex_permute(j)],
     * pushed on the front of its bucket's chain (the heap is zero: every
     * chain starts empty). */
    for (uint32_t j = 0; j < ENTRIES; j++) {
        entry_t *e = &pool[pex_permute(j, ENTRY_BITS, 0xC0FFEE)];
        uint32_t key = key_present(j);
        e->key = key;
        e->value = value_of(j);
        e->next = buckets[bucket_of(key)];
        buckets[bucket_of(key)] = e;
    }

    /* Queries, and the reference folded from what each one must find. */
    pex_prng rng = { 0x6A09E667u };
    uint32_t expect = 0;
    for (uint32_t q = 0; q < QUERIES; q++) {
        uint32_t r = pex_prng_next(&rng);
        uint32_t want;
        if ((r & 3u) != 0) {
            uint32_t j = pex_prng_below(&rng, ENTRIES);
            keys[q] = key_present(j);
            want = value_of(j);
        } else {
            keys[q] = key_absent(pex_prng_next(&rng));
            want = NOT_FOUND;
        }
        expect = work_step(expect, want, div);
    }

    unsigned spawns = 0;
    uint64_t t0 = pex_timer();
    uint32_t sum = 0;
    for (uint32_t b = 0; b < QUERIES / BATCH; b++) {
        if (b + 1 < QUERIES / BATCH)
            pex_count(&spawns, pex_spawn(probe_ahead, &keys[(b + 1) * BATCH]));
        sum = work_batch(sum, &keys[b * BATCH], div);
    }
    uint64_t t1 = pex_timer();

    if (pex_example_report)
        printf("pex_hash: %u entries (%u KiB) in %d buckets, %d queries in batches of %d\n",
               ENTRIES, (unsigned)(sizeof(entry_t) * ENTRIES / 1024), NBUCKETS, QUERIES,
               BATCH);
    return pex_report("pex_hash", sum, expect, t0, t1, spawns, QUERIES / BATCH - 1);
}
