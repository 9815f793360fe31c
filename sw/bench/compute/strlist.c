// SPDX-License-Identifier: Apache-2.0
/*
 * strlist.c - list and string handling: short names kept in a sorted
 * singly linked list, walked, reversed, filtered and concatenated.
 *
 * Timed: K_REPS rounds; round r
 *   1. writes 48 names of 3..10 letters from 'a'..'h' (many shared
 *      prefixes, some duplicates) into a pool of nodes,
 *   2. inserts each into a list kept in ascending string order (after the
 *      names equal to it: stable),
 *   3. walks it folding (string hash + position),
 *   4. reverses it in place and walks it folding (length ^ position),
 *   5. unlinks the names starting with letter 'a' + r mod 8,
 *   6. concatenates the remaining names, comma-separated, into a buffer
 *      and folds the buffer's length and hash.
 * Reference: the same rounds on an array of node indices (stable insertion
 * sort with a compare written differently, forward and backward index
 * walks, an array filter), after a known-answer check of the compare.
 * Data per copy: 48 16-byte nodes + a 544-byte buffer.
 */
#include "compute.h"

#define K_NAME       "strlist"
#define K_REPS_FULL  20u
#define K_REPS_SMALL 1u
#define NNODES       48
#define NAME_MAX     11          /* 10 letters + NUL */
#define BUF_BYTES    544

typedef struct node {
    struct node *next;
    char name[12];
} node;

typedef struct kdata {
    node pool[NNODES];
    char buf[BUF_BYTES];
} kdata;

static void k_setup(kdata *d)
{
    for (int i = 0; i < NNODES; i++) {
        d->pool[i].next = NULL;
        d->pool[i].name[0] = 0;
    }
    d->buf[0] = 0;
}

static void make_names(kdata *d, uint32_t r)
{
    uint32_t seed = 0x51D0u + r * 0x2545F491u;
    if (seed == 0)
        seed = 1;
    for (int i = 0; i < NNODES; i++) {
        uint32_t x = c_rand(&seed);
        int len = 3 + (int)(x % 8u);
        x >>= 3;
        for (int k = 0; k < len; k++) {
            if (k % 9 == 8)
                x = c_rand(&seed);
            d->pool[i].name[k] = (char)('a' + (x & 7u));
            x >>= 3;
        }
        d->pool[i].name[len] = 0;
    }
}

static int str_cmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (int)(uint8_t)*a - (int)(uint8_t)*b;
}

static uint32_t str_len(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (uint32_t)(p - s);
}

static uint32_t str_hash(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static char *str_append(char *dst, const char *src)
{
    while ((*dst = *src) != 0) {
        dst++;
        src++;
    }
    return dst;
}

static __attribute__((noinline)) uint32_t k_run(kdata *d, uint32_t reps)
{
    uint32_t acc = 0;
    for (uint32_t r = 0; r < reps; r++) {
        make_names(d, r);
        node head = { NULL, { 0 } };
        for (int i = 0; i < NNODES; i++) {
            node *n = &d->pool[i], *p = &head;
            while (p->next != NULL && str_cmp(p->next->name, n->name) <= 0)
                p = p->next;
            n->next = p->next;
            p->next = n;
        }
        uint32_t pos = 0;
        for (node *p = head.next; p != NULL; p = p->next)
            acc = c_fold(acc, str_hash(p->name) + pos++);
        node *rev = NULL;
        while (head.next != NULL) {
            node *n = head.next;
            head.next = n->next;
            n->next = rev;
            rev = n;
        }
        pos = 0;
        for (node *p = rev; p != NULL; p = p->next)
            acc = c_fold(acc, str_len(p->name) ^ pos++);
        char drop = (char)('a' + (r & 7u));
        node **link = &rev;
        while (*link != NULL) {
            if ((*link)->name[0] == drop)
                *link = (*link)->next;
            else
                link = &(*link)->next;
        }
        char *e = d->buf;
        *e = 0;
        for (node *p = rev; p != NULL; p = p->next) {
            e = str_append(e, p->name);
            if (p->next != NULL)
                e = str_append(e, ",");
        }
        acc = c_fold(acc, str_len(d->buf));
        acc = c_fold(acc, str_hash(d->buf));
    }
    return acc;
}

/* Reference compare: index by index, the shorter string first on a tie. */
static int ref_cmp(const char *a, const char *b)
{
    for (int i = 0;; i++) {
        unsigned ca = (uint8_t)a[i], cb = (uint8_t)b[i];
        if (ca != cb)
            return ca < cb ? -1 : 1;
        if (ca == 0)
            return 0;
    }
}

static uint32_t ref_hash_range(const char *s, uint32_t n, uint32_t h)
{
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

static uint32_t k_ref(kdata *d, uint32_t reps)
{
    if (ref_cmp("ab", "abc") >= 0 || ref_cmp("b", "abc") <= 0 || ref_cmp("abc", "abc") != 0 ||
        str_cmp("ab", "abc") >= 0 || str_cmp("b", "abc") <= 0 || str_cmp("abc", "abc") != 0)
        return 0;
    uint32_t acc = 0;
    int idx[NNODES];
    for (uint32_t r = 0; r < reps; r++) {
        make_names(d, r);
        for (int i = 0; i < NNODES; i++) {
            int j = i;
            while (j > 0 && ref_cmp(d->pool[idx[j - 1]].name, d->pool[i].name) > 0) {
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = i;
        }
        for (int i = 0; i < NNODES; i++) {
            const char *s = d->pool[idx[i]].name;
            uint32_t n = 0;
            while (s[n])
                n++;
            acc = c_fold(acc, ref_hash_range(s, n, 2166136261u) + (uint32_t)i);
        }
        for (int i = 0; i < NNODES; i++) {
            const char *s = d->pool[idx[NNODES - 1 - i]].name;
            uint32_t n = 0;
            while (s[n])
                n++;
            acc = c_fold(acc, n ^ (uint32_t)i);
        }
        char drop = (char)('a' + (r & 7u));
        uint32_t total = 0, h = 2166136261u;
        int first = 1;
        for (int i = NNODES - 1; i >= 0; i--) {
            const char *s = d->pool[idx[i]].name;
            if (s[0] == drop)
                continue;
            if (!first) {
                h = ref_hash_range(",", 1, h);
                total++;
            }
            first = 0;
            uint32_t n = 0;
            while (s[n])
                n++;
            h = ref_hash_range(s, n, h);
            total += n;
        }
        acc = c_fold(acc, total);
        acc = c_fold(acc, h);
    }
    return acc;
}

#include "compute_main.h"
