// SPDX-License-Identifier: Apache-2.0
/*
 * pex_list.c - the figure of the pre-execution seed (PreExecute_Start(LIST2)
 * ... PreExecute_Stop()): while the main thread works on list i, a
 * pre-execution thread runs the loop over list i+1 ahead of it, so that
 * when the main thread gets to list i+1 its nodes are in the data cache.
 *
 *   for each list i:
 *       pex_spawn(walk_ahead, list i+1)  PreExecute_Start(LIST2)
 *       sum += work(list i)              the main thread's segment
 *
 * walk_ahead is the loop of the next segment reduced to what decides its
 * misses (the `next` chain and the loads of the values); it returns and
 * the trampoline executes pex.stop (PreExecute_Stop). A spawn is refused
 * while the previous p-thread still runs (it is then still ahead on list
 * i: nothing to cancel) and always with pre-execution disabled (smtsim
 * --no-preexec): the same binary then runs plain.
 *
 * Data: LISTS lists of NODES nodes, 32-byte nodes (one line of the default
 * data cache) scattered over a pool of LISTS * NODES * 32 bytes (64 KiB,
 * 16 times a 4 KiB data cache) by a fixed pseudo-random permutation, so a
 * node the p-thread has not fetched misses. The main thread's work per
 * node (WORK_DIVS divisions, the "computation" of the segment) is what
 * gives the p-thread issue slots and the time to run ahead: the p-thread
 * keeps ahead while a node's work takes longer than a miss.
 *
 * Prints the checksum (identical with and without pre-execution) and, with
 * pex_example_report = 1 (pex_common.h), the cycles of the walks. Returns 0
 * only if the checksum equals the reference, which is folded over the
 * values in construction order while the lists are built, without
 * following a single pointer.
 */
#include "pex_common.h"

#ifndef LIST_BITS
#define LIST_BITS   8               /* 256 lists */
#endif
#ifndef NODES
#define NODES       8
#endif
#ifndef WORK_DIVS
#define WORK_DIVS   4
#endif
#define LISTS       (1u << LIST_BITS)
#define POOL_NODES  (LISTS * NODES)
#define MAX_DIVS    8

_Static_assert((NODES & (NODES - 1)) == 0, "NODES must be a power of two");
_Static_assert(WORK_DIVS <= MAX_DIVS, "WORK_DIVS must be at most 8");

typedef struct node {
    struct node *next;
    uint32_t value;
    uint32_t pad[6];            /* 32 bytes */
} node_t;

_Static_assert(sizeof(node_t) == 32, "node_t must be 32 bytes");

/* Divisors of the per-node work, read at run time (no strength reduction). */
static volatile uint32_t work_div[MAX_DIVS] = { 7, 13, 31, 11, 5, 17, 23, 3 };

/* The main thread's computation on one value: WORK_DIVS divisions. */
static uint32_t work_step(uint32_t acc, uint32_t v, const uint32_t div[MAX_DIVS])
{
    uint32_t x = v ^ (acc << 5) ^ (acc >> 27);
    for (int k = 0; k < WORK_DIVS; k++)
        x += x / div[k];
    return acc * 31u + x;
}

/* Segment 204 for list `head`: the main thread's work on one list. */
static __attribute__((noinline)) uint32_t work_list(const node_t *head,
                                                    const uint32_t div[MAX_DIVS])
{
    uint32_t acc = 0;
    for (const node_t *n = head; n != NULL; n = n->next)
        acc = work_step(acc, n->value, div);
    return acc;
}

/* The p-thread: segment 206 reduced to its loads. Runs from the
 * trampoline with a copy of the main thread's registers; stores nothing. */
static void walk_ahead(void *head)
{
    for (const node_t *n = head; n != NULL; n = n->next)
        __asm__ __volatile__("" : : "r"(n->value));
}

int main(void)
{
    node_t *pool = pex_alloc(sizeof(node_t) * POOL_NODES, 64);
    node_t *heads[LISTS];
    uint32_t div[MAX_DIVS];

    if (pool == NULL) {
        printf("pex_list: out of memory\n");
        return 2;
    }
    for (int k = 0; k < MAX_DIVS; k++)
        div[k] = work_div[k];

    /* Node k of list l is pool[pex_permute(l * NODES + k)]. The reference
     * folds each list's values in that order as they are made. */
    const unsigned bits = LIST_BITS + __builtin_ctz(NODES);
    pex_prng rng = { 0x2545F491u };
    uint32_t expect = 0;
    for (uint32_t l = 0; l < LISTS; l++) {
        uint32_t acc = 0;
        for (uint32_t k = 0; k < NODES; k++) {
            uint32_t i = l * NODES + k;
            node_t *n = &pool[pex_permute(i, bits, 0x5EED)];
            n->value = pex_prng_next(&rng);
            n->next = (k + 1 < NODES) ? &pool[pex_permute(i + 1, bits, 0x5EED)] : NULL;
            acc = work_step(acc, n->value, div);
        }
        heads[l] = &pool[pex_permute(l * NODES, bits, 0x5EED)];
        expect = expect * 0x01000193u ^ acc;
    }

    unsigned spawns = 0;
    uint64_t t0 = pex_timer();
    uint32_t sum = 0;
    for (uint32_t l = 0; l < LISTS; l++) {
        if (l + 1 < LISTS)
            pex_count(&spawns, pex_spawn(walk_ahead, heads[l + 1]));
        sum = sum * 0x01000193u ^ work_list(heads[l], div);
    }
    uint64_t t1 = pex_timer();

    if (pex_example_report)
        printf("pex_list: %u lists x %d nodes (%u KiB), %d divisions per node\n", LISTS, NODES,
               (unsigned)(sizeof(node_t) * POOL_NODES / 1024), WORK_DIVS);
    return pex_report("pex_list", sum, expect, t0, t1, spawns, LISTS - 1);
}
