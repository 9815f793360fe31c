// SPDX-License-Identifier: Apache-2.0
/*
 * pex_tree.c - binary-search-tree lookups with pre-execution: the main
 * thread searches a stream of random keys in batches of BATCH; before it
 * works on batch b it spawns a p-thread that runs the searches of batch
 * b+1, so the tree nodes on their paths are in the data cache when the
 * main thread follows them.
 *
 *   for each batch b:
 *       pex_spawn(search_ahead, keys of b+1)  refused while the previous
 *                                             p-thread still runs
 *       for each key of batch b: search it, fold (found value, work) into sum
 *
 * Tree: NODES 32-byte nodes, a balanced BST over the keys of node indices
 * 0..NODES-1 (key i = 4i or 4i+2, so the keys are sorted by index, even,
 * distinct), the nodes scattered by a fixed pseudo-random permutation over
 * a pool of NODES * 32 bytes (64 KiB), depth log2(NODES)+1. Odd query keys
 * are certainly absent; 3 of 4 queries are present keys. The main
 * thread's work per query (WORK_DIVS divisions) stands for what it
 * computes with the value it found.
 *
 * The reference checksum is folded from the query list alone (the value a
 * query must find is a fixed function of the index it was drawn from). Prints the checksum
 * (identical with and without pre-execution) and, with
 * pex_example_report = 1, the cycles of the searches; returns 0 only if the
 * checksum matches.
 */
#include "pex_common.h"

#ifndef NODE_BITS
#define NODE_BITS   11              /* 2048 nodes */
#endif
#ifndef QUERIES
#define QUERIES     512
#endif
#ifndef BATCH
#define BATCH       2
#endif
#ifndef WORK_DIVS
#define WORK_DIVS   12
#endif
#define NODES       (1u << NODE_BITS)
#define MAX_DIVS    16
#define NOT_FOUND   0xFFFFFFFFu

_Static_assert(QUERIES % BATCH == 0, "QUERIES must be a multiple of BATCH");
_Static_assert(WORK_DIVS <= MAX_DIVS, "WORK_DIVS must be at most 16");

typedef struct tnode {
    uint32_t key;
    struct tnode *left, *right;
    uint32_t value;
    uint32_t pad[4];            /* 32 bytes */
} tnode_t;

_Static_assert(sizeof(tnode_t) == 32, "tnode_t must be 32 bytes");

static tnode_t *root;

static volatile uint32_t work_div[MAX_DIVS] = { 7, 13, 31, 11, 5, 17, 23, 3,
                                                19, 29, 37, 41, 43, 47, 53, 59 };

/* Key and value of the node with sorted index i. */
static uint32_t key_of(uint32_t i)
{
    return 4u * i + 2u * (pex_hash32(i, 0x1234) & 1u);
}

static uint32_t value_of(uint32_t i)
{
    return pex_hash32(i, 0xBEEF) & 0x7FFFFFFFu;   /* never NOT_FOUND */
}

static uint32_t work_step(uint32_t acc, uint32_t v, const uint32_t div[MAX_DIVS])
{
    uint32_t x = v ^ (acc << 3) ^ (acc >> 29);
    for (int k = 0; k < WORK_DIVS; k++)
        x += x / div[k];
    return acc * 37u + x;
}

/* The search both threads run: value of `key`, or NOT_FOUND. */
static inline uint32_t search(uint32_t key)
{
    const tnode_t *n = root;
    while (n != NULL) {
        if (key == n->key)
            return n->value;
        n = key < n->key ? n->left : n->right;
    }
    return NOT_FOUND;
}

/* The p-thread: the searches of one batch, results dropped. */
static void search_ahead(void *arg)
{
    const uint32_t *keys = arg;
    for (int q = 0; q < BATCH; q++) {
        uint32_t v = search(keys[q]);
        __asm__ __volatile__("" : : "r"(v));
    }
}

static __attribute__((noinline)) uint32_t work_batch(uint32_t acc, const uint32_t *keys,
                                                     const uint32_t div[MAX_DIVS])
{
    for (int q = 0; q < BATCH; q++)
        acc = work_step(acc, search(keys[q]), div);
    return acc;
}

/* Balanced subtree over sorted indices [lo, hi): node i lives at
 * pool[pex_permute(i)]. Recursion depth NODE_BITS + 1. */
static tnode_t *build(tnode_t *pool, uint32_t lo, uint32_t hi)
{
    if (lo >= hi)
        return NULL;
    uint32_t mid = lo + (hi - lo) / 2;
    tnode_t *n = &pool[pex_permute(mid, NODE_BITS, 0xFACE)];
    n->key = key_of(mid);
    n->value = value_of(mid);
    n->left = build(pool, lo, mid);
    n->right = build(pool, mid + 1, hi);
    return n;
}

int main(void)
{
    tnode_t *pool = pex_alloc(sizeof(tnode_t) * NODES, 64);
    uint32_t *keys = pex_alloc(sizeof(uint32_t) * QUERIES, sizeof(uint32_t));
    uint32_t div[MAX_DIVS];

    if (pool == NULL || keys == NULL) {
        printf("pex_tree: out of memory\n");
        return 2;
    }
    for (int k = 0; k < MAX_DIVS; k++)
        div[k] = work_div[k];
    root = build(pool, 0, NODES);

    /* Queries, and the reference folded from what each one must find. */
    pex_prng rng = { 0xBB67AE85u };
    uint32_t expect = 0;
    for (uint32_t q = 0; q < QUERIES; q++) {
        uint32_t r = pex_prng_next(&rng);
        uint32_t want;
        if ((r & 3u) != 0) {
            uint32_t i = pex_prng_below(&rng, NODES);
            keys[q] = key_of(i);
            want = value_of(i);
        } else {
            keys[q] = pex_prng_below(&rng, 4u * NODES) | 1u;     /* odd: absent */
            want = NOT_FOUND;
        }
        expect = work_step(expect, want, div);
    }

    unsigned spawns = 0;
    uint64_t t0 = pex_timer();
    uint32_t sum = 0;
    for (uint32_t b = 0; b < QUERIES / BATCH; b++) {
        if (b + 1 < QUERIES / BATCH)
            pex_count(&spawns, pex_spawn(search_ahead, &keys[(b + 1) * BATCH]));
        sum = work_batch(sum, &keys[b * BATCH], div);
    }
    uint64_t t1 = pex_timer();

    if (pex_example_report)
        printf("pex_tree: %u nodes (%u KiB), depth %d, %d queries in batches of %d\n", NODES,
               (unsigned)(sizeof(tnode_t) * NODES / 1024), NODE_BITS + 1, QUERIES, BATCH);
    return pex_report("pex_tree", sum, expect, t0, t1, spawns, QUERIES / BATCH - 1);
}
