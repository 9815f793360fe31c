// SPDX-License-Identifier: Apache-2.0
/*
 * c_harts.c - two harts running compiled C (outrider/hart.h).
 * Context 1 sums the upper half of `data`, context 0 the lower half; both
 * increment a C11 atomic counter C_HARTS_INC times and a _Thread_local
 * variable (initial value 5) C_HARTS_TLS_INC times.
 * results[] = {start return value, sum, main mhartid, worker mhartid,
 *              atomic counter, main's tls value, worker's tls value}
 * data[i] = i * i + 7 for i < C_HARTS_N.
 */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#include <outrider/hart.h>

#define C_HARTS_N       512
#define C_HARTS_INC     300
#define C_HARTS_TLS_INC 10

uint32_t data[C_HARTS_N];
uint32_t results[7];
static atomic_uint counter;
static _Thread_local uint32_t tls_var = 5;

typedef struct {
    unsigned from, to;
    uint32_t sum;
    unsigned hart;
    uint32_t tls;
} work_t;

static void work(void *p)
{
    work_t *w = p;
    uint32_t s = 0;
    w->hart = outrider_hartid();
    for (unsigned i = w->from; i < w->to; i++)
        s += data[i];
    for (unsigned i = 0; i < C_HARTS_INC; i++)
        atomic_fetch_add_explicit(&counter, 1u, memory_order_relaxed);
    for (unsigned i = 0; i < C_HARTS_TLS_INC; i++)
        tls_var++;
    w->tls = tls_var;
    w->sum = s;
}

int main(void)
{
    outrider_hart_t h;
    work_t mine = {0, C_HARTS_N / 2, 0, 99, 0};
    work_t theirs = {C_HARTS_N / 2, C_HARTS_N, 0, 99, 0};

    for (unsigned i = 0; i < C_HARTS_N; i++)
        data[i] = i * i + 7;
    int ctx = outrider_hart_start(&h, work, &theirs);
    work(&mine);
    if (ctx != 0)
        outrider_hart_join(&h);

    results[0] = (uint32_t)ctx;
    results[1] = mine.sum + theirs.sum;
    results[2] = mine.hart;
    results[3] = theirs.hart;
    results[4] = atomic_load(&counter);
    results[5] = mine.tls;
    results[6] = theirs.tls;
    printf("two harts: sum %lu counter %lu\n", (unsigned long)results[1],
           (unsigned long)results[4]);
    return 0;
}
