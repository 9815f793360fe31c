// SPDX-License-Identifier: Apache-2.0
/*
 * sort.c - sorting 320 words: quicksort with an explicit stack (median of
 * three, insertion sort below 12 elements), data-dependent branches.
 *
 * Timed: K_REPS rounds; round r fills the array from a xorshift stream
 * seeded by r (part of the timed work), sorts it ascending and folds
 * every 8th element of the sorted array into the checksum.
 * Reference: the same rounds sorted with Shell sort (Ciura's gaps), a
 * different algorithm, then checked to be in ascending order with the
 * same sum and xor of the elements as the unsorted input.
 * Data per copy: 1280 bytes + a 64-entry stack.
 */
#include "compute.h"

#define K_NAME       "sort"
#define K_REPS_FULL  16u
#define K_REPS_SMALL 1u
#define NELEM        320
#define SMALL_PART   12

typedef struct kdata {
    uint32_t v[NELEM];
    int32_t  stack[64];
} kdata;

static void k_setup(kdata *d)
{
    for (int i = 0; i < NELEM; i++)
        d->v[i] = 0;
}

static void fill(uint32_t *v, uint32_t r)
{
    uint32_t seed = 0x9E3779B9u ^ (r * 0x85EBCA6Bu);
    if (seed == 0)
        seed = 1;
    for (int i = 0; i < NELEM; i++)
        v[i] = c_rand(&seed) >> (r & 7u);    /* more duplicates in some rounds */
}

static inline void swap(uint32_t *v, int i, int j)
{
    uint32_t t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static void quicksort(uint32_t *v, int32_t *stack)
{
    int sp = 0;
    stack[sp++] = 0;
    stack[sp++] = NELEM - 1;
    while (sp > 0) {
        int hi = stack[--sp], lo = stack[--sp];
        while (hi - lo >= SMALL_PART) {
            int mid = lo + (hi - lo) / 2;
            if (v[mid] < v[lo]) swap(v, mid, lo);
            if (v[hi] < v[lo]) swap(v, hi, lo);
            if (v[hi] < v[mid]) swap(v, hi, mid);
            uint32_t p = v[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (v[i] < p) i++;
                while (v[j] > p) j--;
                if (i <= j) {
                    swap(v, i, j);
                    i++;
                    j--;
                }
            }
            /* push the larger part, loop on the smaller: stack depth <= log2 */
            if (j - lo > hi - i) {
                stack[sp++] = lo;
                stack[sp++] = j;
                lo = i;
            } else {
                stack[sp++] = i;
                stack[sp++] = hi;
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            uint32_t x = v[i];
            int j = i - 1;
            while (j >= lo && v[j] > x) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
    }
}

static uint32_t fold_sorted(uint32_t acc, const uint32_t *v)
{
    for (int i = 0; i < NELEM; i += 8)
        acc = c_fold(acc, v[i]);
    return acc;
}

static __attribute__((noinline)) uint32_t k_run(kdata *d, uint32_t reps)
{
    uint32_t acc = 0;
    for (uint32_t r = 0; r < reps; r++) {
        fill(d->v, r);
        quicksort(d->v, d->stack);
        acc = fold_sorted(acc, d->v);
    }
    return acc;
}

static uint32_t k_ref(kdata *d, uint32_t reps)
{
    static const int gaps[] = { 132, 57, 23, 10, 4, 1 };
    uint32_t acc = 0;
    for (uint32_t r = 0; r < reps; r++) {
        fill(d->v, r);
        uint32_t sum0 = 0, xor0 = 0, sum1 = 0, xor1 = 0;
        for (int i = 0; i < NELEM; i++) {
            sum0 += d->v[i];
            xor0 ^= d->v[i];
        }
        for (unsigned g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
            int gap = gaps[g];
            for (int i = gap; i < NELEM; i++) {
                uint32_t x = d->v[i];
                int j = i;
                for (; j >= gap && d->v[j - gap] > x; j -= gap)
                    d->v[j] = d->v[j - gap];
                d->v[j] = x;
            }
        }
        for (int i = 0; i < NELEM; i++) {
            if (i > 0 && d->v[i - 1] > d->v[i])
                return 0;
            sum1 += d->v[i];
            xor1 ^= d->v[i];
        }
        if (sum0 != sum1 || xor0 != xor1)
            return 0;
        acc = fold_sorted(acc, d->v);
    }
    return acc;
}

#include "compute_main.h"
