// SPDX-License-Identifier: Apache-2.0
/*
 * listwalk.c - the demo's pointer-chasing kernel.
 *
 * Builds LISTS singly linked lists of NODES_PER_LIST nodes each; the nodes
 * are 64-byte records whose order in memory is a fixed-seed random
 * permutation of a pool spread over a few MiB (much larger than the data
 * cache), so every step of a walk is a dependent load that likely misses.
 * Then walks every list ROUNDS times, summing a field, and prints the
 * checksum and the cycles (mcycle) the walks took. The expected checksum
 * is summed while the lists are built, and compared.
 *
 * Memory comes from sbrk(), not malloc(): picolibc's malloc clears new
 * memory, which for a few MiB costs more cycles than the walks themselves.
 */
#define _DEFAULT_SOURCE 1     /* sbrk() under -std=c11 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <outrider/outrider.h>

#define LISTS           4
#define NODES_PER_LIST  8192
#define NODES           (LISTS * NODES_PER_LIST)    /* 32 Ki x 64 B = 2 MiB */
#define ROUNDS          2

typedef struct node {
    struct node *next;
    uint32_t value;
    uint32_t pad[14];           /* one node per 64-byte line */
} node_t;

_Static_assert(sizeof(node_t) == 64, "node_t must be 64 bytes");

/* xorshift32 with a fixed seed: the same lists on every run. */
static uint32_t prng_state = 0x2545F491u;

static uint32_t prng_next(void)
{
    uint32_t x = prng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    prng_state = x;
    return x;
}

/* Uniform-enough value in [0, n) without a division (multiply-high). */
static uint32_t prng_below(uint32_t n)
{
    return (uint32_t)(((uint64_t)prng_next() * n) >> 32);
}

/* Fisher-Yates shuffle of 0..n-1. */
static void shuffle(uint32_t *perm, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        perm[i] = i;
    for (uint32_t i = n - 1; i > 0; i--) {
        uint32_t j = prng_below(i + 1);
        uint32_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
}

/* size bytes aligned to align (a power of two) from the heap, or NULL. */
static void *arena_alloc(size_t size, size_t align)
{
    void *p = sbrk((ptrdiff_t)(size + align - 1));
    if (p == (void *)-1)
        return NULL;
    return (void *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
}

static uint32_t walk(const node_t *head)
{
    uint32_t sum = 0;
    for (const node_t *n = head; n != NULL; n = n->next)
        sum += n->value;
    return sum;
}

int main(void)
{
    node_t *pool = arena_alloc(sizeof(node_t) * NODES, sizeof(node_t));
    uint32_t *perm = arena_alloc(sizeof(uint32_t) * NODES, sizeof(uint32_t));
    node_t *heads[LISTS];

    if (pool == NULL || perm == NULL) {
        printf("listwalk: out of memory (%u bytes of nodes)\n",
               (unsigned)(sizeof(node_t) * NODES));
        return 1;
    }

    /* List l is nodes perm[l*N .. l*N+N-1] in that order. */
    shuffle(perm, NODES);
    uint32_t expect = 0;
    for (uint32_t l = 0; l < LISTS; l++) {
        for (uint32_t k = 0; k < NODES_PER_LIST; k++) {
            uint32_t i = l * NODES_PER_LIST + k;
            node_t *n = &pool[perm[i]];
            n->value = prng_next() & 0xFFFF;
            n->next = (k + 1 < NODES_PER_LIST) ? &pool[perm[i + 1]] : NULL;
            expect += n->value;
        }
        heads[l] = &pool[perm[l * NODES_PER_LIST]];
    }
    expect *= ROUNDS;

    uint64_t t0 = outrider_cycles();
    uint32_t sum = 0;
    for (uint32_t r = 0; r < ROUNDS; r++)
        for (uint32_t l = 0; l < LISTS; l++)
            sum += walk(heads[l]);
    uint64_t t1 = outrider_cycles();

    uint64_t steps = (uint64_t)ROUNDS * NODES;
    printf("listwalk: %d lists x %d nodes x %d rounds over %u KiB\n",
           LISTS, NODES_PER_LIST, ROUNDS, (unsigned)(sizeof(node_t) * NODES / 1024));
    printf("listwalk: checksum 0x%08lx (%s)\n", (unsigned long)sum,
           sum == expect ? "ok" : "MISMATCH");
    printf("listwalk: %llu cycles, %llu.%02llu cycles/node\n",
           (unsigned long long)(t1 - t0),
           (unsigned long long)((t1 - t0) / steps),
           (unsigned long long)((t1 - t0) % steps * 100 / steps));
    return sum == expect ? 0 : 2;
}
