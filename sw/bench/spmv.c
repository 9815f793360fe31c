// SPDX-License-Identifier: Apache-2.0
/*
 * spmv.c - sparse matrix times vector in CSR form, the indirect access
 * a[b[i]]: for each row r, y = sum over k in the row of val[k] * x[col[k]],
 * folded into the checksum. col[] and val[] are walked in order (a
 * next-line prefetcher's case); x[col[k]] is a gather at random over a
 * 128 KiB vector that no prefetcher can guess. The p-thread runs the
 * gathers of the rows after the main thread's.
 *
 * Data: ROWS rows of 4..11 non-zeros (about 7.5 on average), columns at
 * random in [0, XN). Item = one row.
 *
 * Reference: recomputed from the formulas that generated the matrix and
 * the vector.
 */
#include "bench.h"

#define K_NAME      "spmv"
#define ROWS        1024u
#define XN          32768u              /* 128 KiB vector */
#define MAX_NNZ     (ROWS * 11u)

typedef struct kstate {
    bench_progress progress;
    uint32_t *rowptr;                   /* ROWS + 1 */
    uint32_t *col, *val, *x;
    uint32_t expect;
} kstate;

static uint32_t rowlen_of(uint32_t r) { return 4u + (bench_hash(r, 0x5EA5u) & 7u); }
static uint32_t col_of(uint32_t k)    { return bench_below(bench_hash(k, 0xC011u), XN); }
static uint32_t val_of(uint32_t k)    { return bench_hash(k, 0x7A1Eu) & 0xFFu; }
static uint32_t x_of(uint32_t j)      { return bench_hash(j, 0x0EC7u) & 0xFFFFu; }

static int k_setup(kstate *s)
{
    s->rowptr = bench_alloc(sizeof(uint32_t) * (ROWS + 1), 64);
    s->col = bench_alloc(sizeof(uint32_t) * MAX_NNZ, 64);
    s->val = bench_alloc(sizeof(uint32_t) * MAX_NNZ, 64);
    s->x = bench_alloc(sizeof(uint32_t) * XN, 64);
    if (s->rowptr == NULL || s->col == NULL || s->val == NULL || s->x == NULL)
        return 1;
    for (uint32_t j = 0; j < XN; j++)
        s->x[j] = x_of(j);
    uint32_t k = 0, acc = 0;
    for (uint32_t r = 0; r < ROWS; r++) {
        uint32_t y = 0;
        s->rowptr[r] = k;
        for (uint32_t end = k + rowlen_of(r); k < end; k++) {
            s->col[k] = col_of(k);
            s->val[k] = val_of(k);
            y += val_of(k) * x_of(col_of(k));
        }
        acc = bench_mix(acc, y);
    }
    s->rowptr[ROWS] = k;
    s->expect = acc;
    return 0;
}

static uint32_t k_items(const kstate *s)
{
    (void)s;
    return ROWS;
}

static inline uint32_t k_item(kstate *s, uint32_t r, uint32_t acc)
{
    uint32_t y = 0;
    for (uint32_t k = s->rowptr[r], end = s->rowptr[r + 1]; k < end; k++)
        y += s->val[k] * s->x[s->col[k]];
    return bench_mix(acc, y);
}

static inline __attribute__((unused)) void k_touch(const kstate *s, uint32_t r)
{
    for (uint32_t k = s->rowptr[r], end = s->rowptr[r + 1]; k < end; k++)
        __asm__ __volatile__("" : : "r"(s->x[s->col[k]]));
}

#include "bench_main.h"
