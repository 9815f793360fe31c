// SPDX-License-Identifier: Apache-2.0
/*
 * em3d.c - an em3d-style bipartite graph update (Olden em3d, the
 * electromagnetic-wave kernel): every E node's value is updated from DEG
 * H nodes, then every H node's from DEG E nodes (the new values):
 *   v -= sum over j of coef[j] * from[j]->value
 * The p-thread runs the loads of the nodes after the main thread's (the
 * node's from-pointers and the values they point at).
 *
 * Data: N E nodes and N H nodes, 32 bytes each (value, DEG coefficients,
 * DEG pointers into the other set), each set a 64 KiB array walked in
 * order; the from-pointers go to random nodes of the other set, so a node
 * costs DEG independent misses plus its own line (the only one a
 * next-line prefetcher can guess). Item = one node (E nodes 0..N-1, then
 * H nodes). Integer arithmetic modulo 2^32 (no floating point on RV32IMA).
 *
 * Reference: recomputed from the formulas that generated the graph (the
 * initial values, the edges and the coefficients), the new E values kept
 * in an 8 KiB scratch array for the H pass.
 */
#include "bench.h"

#define K_NAME      "em3d"
#define N_BITS      11                  /* 2048 nodes per set: 2 x 64 KiB */
#define N           (1u << N_BITS)
#define DEG         4

typedef struct enode {
    uint32_t value;
    uint8_t coef[DEG];
    struct enode *from[DEG];
    uint32_t pad[2];
} enode_t;
_Static_assert(sizeof(enode_t) == 32, "enode_t must be one 32-byte line");

typedef struct kstate {
    bench_progress progress;
    enode_t *e, *h;
    uint32_t expect;
} kstate;

/* Formulas: set 0 = E, set 1 = H. */
static uint32_t init_value(unsigned set, uint32_t i) { return bench_hash(i, 0xE3D0u + set) & 0xFFFFu; }
static uint32_t edge(unsigned set, uint32_t i, unsigned j)
{
    return bench_below(bench_hash(i * DEG + j, 0xED60u + set), N);
}
static uint8_t coef(unsigned set, uint32_t i, unsigned j)
{
    return (uint8_t)((bench_hash(i * DEG + j, 0xC0EFu + set) & 7u) + 1u);
}

static int k_setup(kstate *s)
{
    s->e = bench_alloc(sizeof(enode_t) * N, 64);
    s->h = bench_alloc(sizeof(enode_t) * N, 64);
    uint32_t *e1 = bench_alloc(sizeof(uint32_t) * N, 64);
    if (s->e == NULL || s->h == NULL || e1 == NULL)
        return 1;
    for (unsigned set = 0; set < 2; set++) {
        enode_t *mine = set ? s->h : s->e, *other = set ? s->e : s->h;
        for (uint32_t i = 0; i < N; i++) {
            mine[i].value = init_value(set, i);
            for (unsigned j = 0; j < DEG; j++) {
                mine[i].coef[j] = coef(set, i, j);
                mine[i].from[j] = &other[edge(set, i, j)];
            }
        }
    }
    /* Reference: new E values from the initial H values, then new H
     * values from the new E values, folded in item order. */
    uint32_t acc = 0;
    for (uint32_t i = 0; i < N; i++) {
        uint32_t v = init_value(0, i);
        for (unsigned j = 0; j < DEG; j++)
            v -= coef(0, i, j) * init_value(1, edge(0, i, j));
        e1[i] = v;
        acc = bench_mix(acc, v);
    }
    for (uint32_t i = 0; i < N; i++) {
        uint32_t v = init_value(1, i);
        for (unsigned j = 0; j < DEG; j++)
            v -= coef(1, i, j) * e1[edge(1, i, j)];
        acc = bench_mix(acc, v);
    }
    s->expect = acc;
    return 0;
}

static uint32_t k_items(const kstate *s)
{
    (void)s;
    return 2 * N;
}

static inline enode_t *node_of(const kstate *s, uint32_t i)
{
    return i < N ? &s->e[i] : &s->h[i - N];
}

static inline uint32_t k_item(kstate *s, uint32_t i, uint32_t acc)
{
    enode_t *n = node_of(s, i);
    uint32_t v = n->value;
    for (unsigned j = 0; j < DEG; j++)
        v -= n->coef[j] * n->from[j]->value;
    n->value = v;
    return bench_mix(acc, v);
}

static inline __attribute__((unused)) void k_touch(const kstate *s, uint32_t i)
{
    const enode_t *n = node_of(s, i);
    for (unsigned j = 0; j < DEG; j++)
        __asm__ __volatile__("" : : "r"(n->from[j]->value));
}

#include "bench_main.h"
