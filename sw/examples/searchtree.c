// SPDX-License-Identifier: Apache-2.0
/*
 * searchtree.c - a researcher-sized program: build a 20000-node binary
 * search tree (random insertion order, nodes from malloc), then look up a
 * stream of keys. Only the lookups are the measured region of interest
 * (roi_begin/roi_end, <outrider/roi.h>): smtsim's statistics JSON reports
 * the region's cycles, misses and pre-execution figures apart from the
 * build, which takes most of the run.
 *
 * Pre-execution, used the plain way (docs/preexec.md): every AHEAD
 * lookups the main thread spawns a p-thread that runs the next AHEAD
 * lookups and throws the results away; by the time the main thread gets
 * there the nodes on those paths are (ideally) in the data cache. A
 * refused spawn changes nothing but speed: the checksum is the same with
 * and without pre-execution (smtsim --no-preexec).
 *
 * Prints the checksum and the region's cycle count (mcycle); returns 0 if
 * every present key was found and every absent one was not.
 *
 *   make prog SRC=sw/examples/searchtree.c      (or make sw-examples)
 *   build/smtsim --stats-json st.json build/prog/searchtree.elf
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <outrider/outrider.h>
#include <outrider/preexec.h>
#include <outrider/roi.h>

#ifndef NODES
#define NODES   20000
#endif
#ifndef LOOKUPS
#define LOOKUPS 2000
#endif
#ifndef AHEAD
#define AHEAD   4          /* lookups per p-thread */
#endif

typedef struct node {
    uint32_t     key, value;
    struct node *left, *right;
} node;

static node     *root;
static uint32_t  keys[NODES];      /* the inserted keys, in insertion order */
static uint32_t  queries[LOOKUPS];

static uint32_t rng_state = 0x2545F491u;
static uint32_t rng(void)           /* xorshift32 */
{
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return rng_state = x;
}

static uint32_t value_of(uint32_t key) { return key * 2654435761u ^ 0x5bd1e995u; }

/* Insert key (keys are distinct); 0 on success. */
static int insert(uint32_t key)
{
    node *n = malloc(sizeof *n);
    if (!n)
        return -1;
    n->key = key;
    n->value = value_of(key);
    n->left = n->right = NULL;
    node **link = &root;
    while (*link)
        link = key < (*link)->key ? &(*link)->left : &(*link)->right;
    *link = n;
    return 0;
}

/* The lookup both threads run: the node of key, or NULL. Loads only. */
static const node *search(uint32_t key)
{
    const node *n = root;
    while (n && n->key != key)
        n = key < n->key ? n->left : n->right;
    return n;
}

/* The p-thread: the next AHEAD lookups, results dropped. */
static void look_ahead(void *arg)
{
    const uint32_t *q = arg;
    for (int i = 0; i < AHEAD; i++) {
        const node *n = search(q[i]);
        __asm__ __volatile__("" : : "r"(n));
    }
}

int main(void)
{
    /* keys: odd, distinct ((i+1) * 2c mod 2^32 with c odd is distinct for
     * i+1 < 2^31), in a scrambled order; queries: 3 of 4 present keys, the
     * rest even (absent) */
    for (uint32_t i = 0; i < NODES; i++) {
        keys[i] = (i + 1) * (2u * 0x9E3779B1u) + 1u;
        if (insert(keys[i]) != 0) {
            printf("searchtree: out of memory after %u nodes\n", (unsigned)i);
            return 2;
        }
    }
    for (uint32_t q = 0; q < LOOKUPS; q++) {
        uint32_t r = rng();
        queries[q] = (r & 3u) ? keys[rng() % NODES] : (r & ~1u);
    }

    uint32_t sum = 0, bad = 0;
    uint64_t t0 = outrider_cycles();
    roi_begin();
    for (uint32_t q = 0; q < LOOKUPS; q++) {
        if (q % AHEAD == 0 && q + AHEAD < LOOKUPS)
            pex_spawn(look_ahead, &queries[q + AHEAD]);
        const node *n = search(queries[q]);
        int present = (queries[q] & 1u) != 0;
        if ((n != NULL) != present || (n && n->value != value_of(queries[q])))
            bad++;
        sum = sum * 31u + (n ? n->value : 0u);
    }
    roi_end();
    uint64_t cycles = outrider_cycles() - t0;

    printf("searchtree: %d nodes, %d lookups: checksum 0x%08x, %u wrong, %llu cycles in the region\n",
           NODES, LOOKUPS, (unsigned)sum, (unsigned)bad, (unsigned long long)cycles);
    return bad ? 1 : 0;
}
