// SPDX-License-Identifier: Apache-2.0
/*
 * pex_plain.c - the seed's pattern written plainly, nothing tuned: lists of
 * 96 one-line (32-byte) nodes; the main thread does about 100 instructions
 * of work per node of list i; before that it spawns one p-thread that walks
 * list i+1 and stops. No pause, no skip-ahead, no budget, no prefetch
 * hints: whether the p-thread helps is up to the hardware (the distance
 * control of docs/preexec.md 4.5 holds a p-thread that runs too far ahead).
 *
 *   for each list i:
 *       pex_spawn(walk, list i+1)
 *       sum += work(list i)
 *
 * Nodes are scattered over a 128 KiB pool (32 times the default 4 KiB data
 * cache) by a fixed permutation. Prints the checksum (identical with and
 * without pre-execution) and, with pex_example_report = 1, the cycles of
 * the walks. Returns 0 only if the checksum equals the reference, computed
 * while the lists are built, without following a pointer.
 */
#include "pex_common.h"

#ifndef LISTS
#define LISTS       40
#endif
#define NODES       96
#define POOL_BITS   12              /* 4096 node slots, 128 KiB */
#define WORK_ITERS  20              /* ~5 instructions each: ~100 per node */

_Static_assert(LISTS * NODES <= (1u << POOL_BITS), "the pool is too small");

typedef struct node {
    struct node *next;
    uint32_t value;
    uint32_t pad[6];            /* 32 bytes */
} node_t;

_Static_assert(sizeof(node_t) == 32, "node_t must be 32 bytes");

static uint32_t work_step(uint32_t acc, uint32_t v)
{
    uint32_t x = v ^ acc;
    for (int k = 0; k < WORK_ITERS; k++)
        x = (x * 33u) ^ (x >> 7) ^ (uint32_t)k;
    return acc * 31u + x;
}

static __attribute__((noinline)) uint32_t work_list(const node_t *head)
{
    uint32_t acc = 0;
    for (const node_t *n = head; n != NULL; n = n->next)
        acc = work_step(acc, n->value);
    return acc;
}

/* The p-thread: the loop over the next list, reduced to its loads. */
static void walk(void *head)
{
    for (const node_t *n = head; n != NULL; n = n->next)
        __asm__ __volatile__("" : : "r"(n->value));
}

int main(void)
{
    node_t *pool = pex_alloc(sizeof(node_t) << POOL_BITS, 64);
    node_t *heads[LISTS];

    if (pool == NULL) {
        printf("pex_plain: out of memory\n");
        return 2;
    }
    pex_prng rng = { 0x2545F491u };
    uint32_t expect = 0;
    for (uint32_t l = 0; l < LISTS; l++) {
        uint32_t acc = 0;
        for (uint32_t k = 0; k < NODES; k++) {
            uint32_t i = l * NODES + k;
            node_t *n = &pool[pex_permute(i, POOL_BITS, 0x91A1)];
            n->value = pex_prng_next(&rng);
            n->next = (k + 1 < NODES) ? &pool[pex_permute(i + 1, POOL_BITS, 0x91A1)] : NULL;
            acc = work_step(acc, n->value);
        }
        heads[l] = &pool[pex_permute(l * NODES, POOL_BITS, 0x91A1)];
        expect = expect * 0x01000193u ^ acc;
    }

    unsigned spawns = 0;
    uint64_t t0 = pex_timer();
    uint32_t sum = 0;
    for (uint32_t l = 0; l < LISTS; l++) {
        if (l + 1 < LISTS)
            pex_count(&spawns, pex_spawn(walk, heads[l + 1]));
        sum = sum * 0x01000193u ^ work_list(heads[l]);
    }
    uint64_t t1 = pex_timer();

    if (pex_example_report)
        printf("pex_plain: %d lists x %d nodes, ~100 instructions per node\n", LISTS, NODES);
    return pex_report("pex_plain", sum, expect, t0, t1, spawns, LISTS - 1);
}
