// SPDX-License-Identifier: Apache-2.0
/*
 * ff_tree.c - a program with a long initialisation and a short region of
 * interest, for fast-forward (tests/suites/test_debug.c, docs/debugging.md):
 * builds a binary search tree of FF_TREE_N nodes from pseudo-random keys
 * (the initialisation: most of the instructions), then, between roi_begin
 * and roi_end, looks up FF_TREE_LOOKUPS keys (half of them present) and
 * prints how many it found and a checksum, then minstret (a fast-forwarded
 * run must print the full run's count: the ISS's part + the RTL's).
 * Exit code: found & 0x7F.
 * Globals read by the test: `results` = {found, checksum}.
 */
#include <stdint.h>
#include <stdio.h>

#include <outrider/roi.h>

/* 2000 nodes: about 840000 cycles, of which the part from roi_begin on is
 * about 145000 when fast-forwarded (test_ff_to_roi wants less than a
 * quarter); 1500 would leave too little margin (4.3x), 3000 took 1.6 M. */
#ifndef FF_TREE_N
#define FF_TREE_N 2000
#endif
#define FF_TREE_LOOKUPS 400

typedef struct node {
    uint32_t key, value;
    struct node *left, *right;
} node;

static node pool[FF_TREE_N];
uint32_t results[2];

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s;
}

static node *insert(node *root, node *n)
{
    node **p = &root;
    while (*p)
        p = n->key < (*p)->key ? &(*p)->left : &(*p)->right;
    *p = n;
    return root;
}

int main(void)
{
    uint32_t s = 2024u;
    node *root = NULL;
    printf("building %u nodes\n", (unsigned)FF_TREE_N);
    for (unsigned i = 0; i < FF_TREE_N; i++) {
        pool[i].key = lcg(&s) >> 8;
        pool[i].value = i * 7u + 1u;
        root = insert(root, &pool[i]);
    }

    roi_begin();
    uint32_t found = 0, sum = 0, q = 2024u;
    for (unsigned i = 0; i < FF_TREE_LOOKUPS; i++) {
        /* even i: a key that is in the tree (the same LCG sequence) */
        uint32_t k = lcg(&q) >> 8;
        if (i & 1u)
            k ^= 0x5A5A5Au;
        const node *n = root;
        while (n && n->key != k)
            n = k < n->key ? n->left : n->right;
        if (n) {
            found++;
            sum = sum * 31u + n->value;
        }
    }
    roi_end();

    results[0] = found;
    results[1] = sum;
    uint32_t instret;
    __asm__ __volatile__("csrr %0, minstret" : "=r"(instret));
    printf("found %lu checksum %08lx\n", (unsigned long)found, (unsigned long)sum);
    printf("instret %lu\n", (unsigned long)instret);
    return (int)(found & 0x7Fu);
}
