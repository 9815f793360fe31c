// SPDX-License-Identifier: Apache-2.0
/*
 * mcf.c - an mcf-style network-simplex arc scan (SPEC mcf, the pricing
 * loop primal_bea_mpp): the main thread scans the arc array in order and,
 * for every arc that may enter the basis, computes its reduced cost
 *   red = cost - tail->potential + head->potential
 * and folds the arcs with the wrong sign (the candidates) into the
 * checksum. The p-thread runs the loads of the arcs after the main
 * thread's (the arc, its tail and head nodes).
 *
 * Data: ARCS 32-byte arcs (a 64 KiB array walked in order: a next-line
 * prefetcher's case) pointing at random tail/head nodes among NNODES
 * 32-byte nodes (128 KiB): two independent misses per arc that no
 * prefetcher can guess. Item = one arc.
 *
 * Reference: recomputed from the formulas that generated the arcs and the
 * potentials.
 */
#include "bench.h"

#define K_NAME      "mcf"
#define ARCS        2048u
#define NNODES      4096u           /* 128 KiB of nodes */
#define AT_BASIC    0u                  /* ident: in the basis, skipped */
#define AT_LOWER    1u                  /* at lower bound: enters if red < 0 */
#define AT_UPPER    2u                  /* at upper bound: enters if red > 0 */

typedef struct mnode {
    int32_t potential;
    uint32_t depth;
    struct mnode *pred;
    uint32_t pad[5];
} mnode_t;
_Static_assert(sizeof(mnode_t) == 32, "mnode_t must be one 32-byte line");

typedef struct arc {
    int32_t cost;
    mnode_t *tail, *head;
    uint32_t ident;
    uint32_t flow;
    uint32_t pad[3];
} arc_t;
_Static_assert(sizeof(arc_t) == 32, "arc_t must be one 32-byte line");

typedef struct kstate {
    bench_progress progress;
    arc_t *arcs;
    mnode_t *nodes;
    uint32_t expect;
} kstate;

static int32_t potential_of(uint32_t k) { return (int32_t)(bench_hash(k, 0x9071u) & 0xFFFFFu) - 0x80000; }
static int32_t cost_of(uint32_t a)      { return (int32_t)(bench_hash(a, 0xC057u) & 0xFFFFFu); }
static uint32_t tail_of(uint32_t a)     { return bench_below(bench_hash(a, 0x7A11u), NNODES); }
static uint32_t head_of(uint32_t a)     { return bench_below(bench_hash(a, 0x4EADu), NNODES); }
static uint32_t ident_of(uint32_t a)
{
    uint32_t r = bench_hash(a, 0x1DE7u) & 7u;     /* 1 in 8 basic */
    return r == 0 ? AT_BASIC : r <= 4 ? AT_LOWER : AT_UPPER;
}

/* The pricing rule both the kernel and the reference apply. */
static inline uint32_t price(uint32_t acc, uint32_t a, uint32_t ident, int32_t red)
{
    if ((ident == AT_LOWER && red < 0) || (ident == AT_UPPER && red > 0))
        acc = bench_mix(acc, a ^ (uint32_t)red);
    return acc;
}

static int k_setup(kstate *s)
{
    s->arcs = bench_alloc(sizeof(arc_t) * ARCS, 64);
    s->nodes = bench_alloc(sizeof(mnode_t) * NNODES, 64);
    if (s->arcs == NULL || s->nodes == NULL)
        return 1;
    for (uint32_t k = 0; k < NNODES; k++)
        s->nodes[k].potential = potential_of(k);
    uint32_t acc = 0;
    for (uint32_t a = 0; a < ARCS; a++) {
        arc_t *p = &s->arcs[a];
        p->cost = cost_of(a);
        p->tail = &s->nodes[tail_of(a)];
        p->head = &s->nodes[head_of(a)];
        p->ident = ident_of(a);
        if (p->ident != AT_BASIC)
            acc = price(acc, a, p->ident,
                        cost_of(a) - potential_of(tail_of(a)) + potential_of(head_of(a)));
    }
    s->expect = acc;
    return 0;
}

static uint32_t k_items(const kstate *s)
{
    (void)s;
    return ARCS;
}

static inline uint32_t k_item(kstate *s, uint32_t i, uint32_t acc)
{
    const arc_t *a = &s->arcs[i];
    uint32_t ident = a->ident;
    if (ident == AT_BASIC)
        return acc;
    int32_t red = a->cost - a->tail->potential + a->head->potential;
    return price(acc, i, ident, red);
}

static inline __attribute__((unused)) void k_touch(const kstate *s, uint32_t i)
{
    const arc_t *a = &s->arcs[i];
    if (a->ident != AT_BASIC)
        __asm__ __volatile__("" : : "r"(a->tail->potential), "r"(a->head->potential));
}

#include "bench_main.h"
