// SPDX-License-Identifier: Apache-2.0
/*
 * hash.c - hash-chain probing: the main thread looks up QUERIES keys in a
 * chained hash table (3 of 4 present), folding each found value into the
 * checksum; the p-thread runs the probes of the queries after the main
 * thread's (bucket load, chain walk until the key matches).
 *
 * Table: NBUCKETS buckets (a 4 KiB array) over ENTRIES 32-byte entries
 * scattered over a 128 KiB pool by a fixed pseudo-random permutation, an
 * average chain of 4. A probe is a short serial chain: bucket, then each
 * entry until the key matches (all of the chain for absent keys). Item =
 * one query.
 *
 * Reference: folded from the query list alone (entry j's key and value
 * are fixed functions of j).
 */
#include "bench.h"

#define K_NAME      "hash"
#define ENTRY_BITS  12                  /* 4096 entries */
#define ENTRIES     (1u << ENTRY_BITS)
#define BUCKET_BITS 10                  /* 1024 buckets */
#define NBUCKETS    (1u << BUCKET_BITS)
#define QUERIES     2048u
#define NOT_FOUND   0xFFFFFFFFu

typedef struct entry {
    struct entry *next;
    uint32_t key;
    uint32_t value;
    uint32_t pad[5];
} entry_t;
_Static_assert(sizeof(entry_t) == 32, "entry_t must be one 32-byte line");

typedef struct kstate {
    bench_progress progress;
    entry_t **buckets;
    uint32_t *keys;
    uint32_t expect;
} kstate;

/* A bijection of 32-bit words: distinct inputs give distinct keys. */
static uint32_t scramble(uint32_t x)
{
    x *= 0x9E3779B1u;
    x ^= x >> 15;
    x *= 0x85EBCA77u;
    x ^= x >> 13;
    return x;
}

static uint32_t key_present(uint32_t j) { return scramble(2u * j + 1u); }
static uint32_t key_absent(uint32_t m)  { return scramble(2u * m); }

static inline uint32_t bucket_of(uint32_t key)
{
    return (key * 0x2C1B3C6Du) >> (32 - BUCKET_BITS);
}

static uint32_t value_of(uint32_t j)
{
    return bench_hash(j, 0xA5A5) & 0x7FFFFFFFu;     /* never NOT_FOUND */
}

static int k_setup(kstate *s)
{
    entry_t *pool = bench_alloc(sizeof(entry_t) * ENTRIES, 64);
    s->buckets = bench_alloc(sizeof(entry_t *) * NBUCKETS, 64);
    s->keys = bench_alloc(sizeof(uint32_t) * QUERIES, 64);
    if (pool == NULL || s->buckets == NULL || s->keys == NULL)
        return 1;
    for (uint32_t j = 0; j < ENTRIES; j++) {
        entry_t *e = &pool[bench_permute(j, ENTRY_BITS, 0xC0FFEE)];
        uint32_t key = key_present(j);
        e->key = key;
        e->value = value_of(j);
        e->next = s->buckets[bucket_of(key)];
        s->buckets[bucket_of(key)] = e;
    }
    uint32_t seed = 0x6A09E667u, acc = 0;
    for (uint32_t q = 0; q < QUERIES; q++) {
        uint32_t r = bench_rand(&seed), want;
        if ((r & 3u) != 0) {
            uint32_t j = bench_below(bench_rand(&seed), ENTRIES);
            s->keys[q] = key_present(j);
            want = value_of(j);
        } else {
            s->keys[q] = key_absent(bench_rand(&seed));
            want = NOT_FOUND;
        }
        acc = bench_mix(acc, want);
    }
    s->expect = acc;
    return 0;
}

static uint32_t k_items(const kstate *s)
{
    (void)s;
    return QUERIES;
}

static inline uint32_t lookup(const kstate *s, uint32_t key)
{
    for (const entry_t *e = s->buckets[bucket_of(key)]; e != NULL; e = e->next)
        if (e->key == key)
            return e->value;
    return NOT_FOUND;
}

static inline uint32_t k_item(kstate *s, uint32_t i, uint32_t acc)
{
    return bench_mix(acc, lookup(s, s->keys[i]));
}

static inline __attribute__((unused)) void k_touch(const kstate *s, uint32_t i)
{
    uint32_t v = lookup(s, s->keys[i]);
    __asm__ __volatile__("" : : "r"(v));
}

/* two lookups at once: one entry of each chain in turn. Both entries'
 * keys are loaded before either is compared, so that both misses are in
 * flight together (a compare waits for its load) */
static inline __attribute__((unused)) void k_touch2(const kstate *s, uint32_t i, uint32_t j)
{
    uint32_t ka = s->keys[i], kb = s->keys[j];
    const entry_t *a = s->buckets[bucket_of(ka)], *b = s->buckets[bucket_of(kb)];
    while (a != NULL || b != NULL) {
        uint32_t xa = a != NULL ? a->key : ka, xb = b != NULL ? b->key : kb;
        if (a != NULL)
            a = xa == ka ? NULL : a->next;
        if (b != NULL)
            b = xb == kb ? NULL : b->next;
    }
}

#include "bench_main.h"
