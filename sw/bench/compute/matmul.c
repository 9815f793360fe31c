// SPDX-License-Identifier: Apache-2.0
/*
 * matmul.c - integer matrix multiply, 12 x 12 words (wrapping 32-bit
 * arithmetic): the inner loop is load, load, multiply, add.
 *
 * Timed: K_REPS rounds of C = A * B (row-by-column dot products, i-j-k
 * order, a register accumulator), then A = C + (i*N + j) ^ r so that each
 * round depends on the previous one. Checksum: the final C folded in
 * row-major order.
 * Reference: the same rounds in i-k-j order (C zeroed, then each A[i][k]
 * times row k of B added into row i of C), after checking that the
 * identity matrix times B gives B.
 * Data per copy: three 576-byte matrices.
 */
#include "compute.h"

#define K_NAME       "matmul"
#define K_REPS_FULL  48u
#define K_REPS_SMALL 2u
#define N            12

typedef struct kdata {
    uint32_t a[N][N], b[N][N], c[N][N];
} kdata;

static void k_setup(kdata *d)
{
    uint32_t seed = 0xC0FFEEu;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            d->a[i][j] = c_rand(&seed) & 0xFFFFu;
            d->b[i][j] = c_rand(&seed) & 0xFFFFu;
            d->c[i][j] = 0;
        }
}

static uint32_t fold_c(const kdata *d)
{
    uint32_t acc = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            acc = c_fold(acc, d->c[i][j]);
    return acc;
}

static __attribute__((noinline)) uint32_t k_run(kdata *d, uint32_t reps)
{
    for (uint32_t r = 0; r < reps; r++) {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                uint32_t s = 0;
                for (int k = 0; k < N; k++)
                    s += d->a[i][k] * d->b[k][j];
                d->c[i][j] = s;
            }
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                d->a[i][j] = d->c[i][j] + ((uint32_t)(i * N + j) ^ r);
    }
    return fold_c(d);
}

/* Reference: C = A * B row by row, i-k-j order. */
static void mul_ikj(uint32_t c[N][N], uint32_t a[N][N], uint32_t b[N][N])
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            c[i][j] = 0;
        for (int k = 0; k < N; k++) {
            uint32_t aik = a[i][k];
            for (int j = 0; j < N; j++)
                c[i][j] += aik * b[k][j];
        }
    }
}

static uint32_t k_ref(kdata *d, uint32_t reps)
{
    static uint32_t id[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            id[i][j] = i == j;
    mul_ikj(d->c, id, d->b);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            if (d->c[i][j] != d->b[i][j])
                return 0;
    for (uint32_t r = 0; r < reps; r++) {
        mul_ikj(d->c, d->a, d->b);
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                d->a[i][j] = d->c[i][j] + ((uint32_t)(i * N + j) ^ r);
    }
    return fold_c(d);
}

#include "compute_main.h"
