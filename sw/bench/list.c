// SPDX-License-Identifier: Apache-2.0
/*
 * list.c - linked-list traversal over many lists (the seed's figure): the
 * main thread walks LISTS lists of NODES nodes in turn, folding every
 * node's value into the checksum; the p-thread walks the lists after the
 * one the main thread is on.
 *
 * Data: LISTS * NODES 32-byte nodes (one cache line each) scattered over a
 * 128 KiB pool (8 times the 16 KiB data cache) by a fixed pseudo-random
 * permutation, so every node the p-thread has not fetched misses. Each
 * walk is a serial chain: a node's address is known only once the
 * previous node has arrived. Item = one list.
 *
 * Reference: the values folded in construction order while the lists are
 * built (no pointer followed).
 */
#include "bench.h"

#define K_NAME      "list"
#define LIST_BITS   9                   /* 512 lists */
#define NODE_BITS   3                   /* of 8 nodes */
#define LISTS       (1u << LIST_BITS)
#define NODES       (1u << NODE_BITS)
#define POOL_BITS   (LIST_BITS + NODE_BITS)

typedef struct node {
    struct node *next;
    uint32_t value;
    uint32_t pad[6];
} node_t;
_Static_assert(sizeof(node_t) == 32, "node_t must be one 32-byte line");

typedef struct kstate {
    bench_progress progress;
    node_t *heads[LISTS];
    uint32_t expect;
} kstate;

static int k_setup(kstate *s)
{
    node_t *pool = bench_alloc(sizeof(node_t) << POOL_BITS, 64);
    if (pool == NULL)
        return 1;
    uint32_t seed = 0x2545F491u, acc = 0;
    for (uint32_t l = 0; l < LISTS; l++) {
        for (uint32_t k = 0; k < NODES; k++) {
            uint32_t i = l * NODES + k;
            node_t *n = &pool[bench_permute(i, POOL_BITS, 0x5EED)];
            n->value = bench_rand(&seed);
            n->next = k + 1 < NODES ? &pool[bench_permute(i + 1, POOL_BITS, 0x5EED)] : NULL;
            acc = bench_mix(acc, n->value);
        }
        s->heads[l] = &pool[bench_permute(l * NODES, POOL_BITS, 0x5EED)];
    }
    s->expect = acc;
    return 0;
}

static uint32_t k_items(const kstate *s)
{
    (void)s;
    return LISTS;
}

static inline uint32_t k_item(kstate *s, uint32_t i, uint32_t acc)
{
    for (const node_t *n = s->heads[i]; n != NULL; n = n->next)
        acc = bench_mix(acc, n->value);
    return acc;
}

static inline __attribute__((unused)) void k_touch(const kstate *s, uint32_t i)
{
    for (const node_t *n = s->heads[i]; n != NULL; n = n->next)
        __asm__ __volatile__("" : : "r"(n->value));
}

/* two lists at once: one step of each in turn, so that the p-thread has a
 * miss of each in flight (the next pointers of two lists are independent) */
static inline __attribute__((unused)) void k_touch2(const kstate *s, uint32_t i, uint32_t j)
{
    const node_t *a = s->heads[i], *b = s->heads[j];
    while (a != NULL || b != NULL) {
        if (a != NULL)
            a = a->next;
        if (b != NULL)
            b = b->next;
    }
}

#include "bench_main.h"
