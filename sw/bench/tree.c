// SPDX-License-Identifier: Apache-2.0
/*
 * tree.c - binary-search-tree lookups with random keys: the main thread
 * searches QUERIES keys in turn (3 of 4 present), folding each found value
 * into the checksum; the p-thread runs the searches of the queries after
 * the main thread's.
 *
 * Tree: NODES 32-byte nodes, a balanced BST over keys 4i or 4i+2 (i the
 * node's sorted index; odd query keys are certainly absent), the nodes
 * scattered over a 128 KiB pool by a fixed pseudo-random permutation.
 * Depth NODE_BITS+1: each lookup is a serial chain of about 12 dependent
 * node loads, the top few levels mostly cached. Item = one query.
 *
 * Reference: folded from the query list alone (the value a query must
 * find is a fixed function of the index it was drawn from).
 */
#include "bench.h"

#define K_NAME      "tree"
#define NODE_BITS   12                  /* 4096 nodes */
#define TNODES      (1u << NODE_BITS)
#define QUERIES     1024u
#define NOT_FOUND   0xFFFFFFFFu

typedef struct tnode {
    uint32_t key;
    struct tnode *left, *right;
    uint32_t value;
    uint32_t pad[4];
} tnode_t;
_Static_assert(sizeof(tnode_t) == 32, "tnode_t must be one 32-byte line");

typedef struct kstate {
    bench_progress progress;
    tnode_t *root;
    uint32_t *keys;
    uint32_t expect;
} kstate;

static uint32_t key_of(uint32_t i)
{
    return 4u * i + 2u * (bench_hash(i, 0x1234) & 1u);
}

static uint32_t value_of(uint32_t i)
{
    return bench_hash(i, 0xBEEF) & 0x7FFFFFFFu;     /* never NOT_FOUND */
}

/* Balanced subtree over sorted indices [lo, hi); recursion depth 13. */
static tnode_t *build(tnode_t *pool, uint32_t lo, uint32_t hi)
{
    if (lo >= hi)
        return NULL;
    uint32_t mid = lo + (hi - lo) / 2;
    tnode_t *n = &pool[bench_permute(mid, NODE_BITS, 0xFACE)];
    n->key = key_of(mid);
    n->value = value_of(mid);
    n->left = build(pool, lo, mid);
    n->right = build(pool, mid + 1, hi);
    return n;
}

static int k_setup(kstate *s)
{
    tnode_t *pool = bench_alloc(sizeof(tnode_t) * TNODES, 64);
    s->keys = bench_alloc(sizeof(uint32_t) * QUERIES, 64);
    if (pool == NULL || s->keys == NULL)
        return 1;
    s->root = build(pool, 0, TNODES);
    uint32_t seed = 0xBB67AE85u, acc = 0;
    for (uint32_t q = 0; q < QUERIES; q++) {
        uint32_t r = bench_rand(&seed), want;
        if ((r & 3u) != 0) {
            uint32_t i = bench_below(bench_rand(&seed), TNODES);
            s->keys[q] = key_of(i);
            want = value_of(i);
        } else {
            s->keys[q] = bench_below(bench_rand(&seed), 4u * TNODES) | 1u;
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

static inline uint32_t search(const tnode_t *n, uint32_t key)
{
    while (n != NULL) {
        if (key == n->key)
            return n->value;
        n = key < n->key ? n->left : n->right;
    }
    return NOT_FOUND;
}

static inline uint32_t k_item(kstate *s, uint32_t i, uint32_t acc)
{
    return bench_mix(acc, search(s->root, s->keys[i]));
}

static inline __attribute__((unused)) void k_touch(const kstate *s, uint32_t i)
{
    uint32_t v = search(s->root, s->keys[i]);
    __asm__ __volatile__("" : : "r"(v));
}

/* two searches at once: one level of each path in turn. Both nodes' keys
 * are loaded before either is compared, so that both misses are in flight
 * together (a compare waits for its load) */
static inline __attribute__((unused)) void k_touch2(const kstate *s, uint32_t i, uint32_t j)
{
    uint32_t ka = s->keys[i], kb = s->keys[j];
    const tnode_t *a = s->root, *b = s->root;
    while (a != NULL || b != NULL) {
        uint32_t xa = a != NULL ? a->key : ka, xb = b != NULL ? b->key : kb;
        if (a != NULL)
            a = ka == xa ? NULL : ka < xa ? a->left : a->right;
        if (b != NULL)
            b = kb == xb ? NULL : kb < xb ? b->left : b->right;
    }
}

#include "bench_main.h"
