// SPDX-License-Identifier: Apache-2.0
/*
 * twoharts.c - run a function on the second hardware context as a full
 * hart while the main hart works too, then join and check both results.
 * Console lines are serialised with a small spin lock (amoswap + pause) so
 * the two harts' printf output does not interleave.
 */
#include <stdint.h>
#include <stdio.h>

#include <outrider/hart.h>

#define WORK_N 2000

static volatile uint32_t print_lock;

static void lock(void)
{
    while (__atomic_exchange_n(&print_lock, 1, __ATOMIC_ACQUIRE) != 0)
        while (print_lock != 0)
            outrider_pause();
}

static void unlock(void)
{
    __atomic_store_n(&print_lock, 0, __ATOMIC_RELEASE);
}

/* Sum of i*i for i in [from, to): each hart does half of the range. */
typedef struct {
    uint32_t from, to;
    uint64_t result;
    unsigned hart;
} work_t;

static void work(void *p)
{
    work_t *w = p;
    uint64_t s = 0;

    w->hart = outrider_hartid();
    for (uint32_t i = w->from; i < w->to; i++)
        s += (uint64_t)i * i;
    w->result = s;

    lock();
    printf("hart %u: sum of squares [%lu, %lu) = %llu\n", w->hart,
           (unsigned long)w->from, (unsigned long)w->to, (unsigned long long)s);
    unlock();
}

int main(void)
{
    outrider_hart_t h;
    work_t mine = { 0, WORK_N / 2, 0, 0 };
    work_t theirs = { WORK_N / 2, WORK_N, 0, 0 };

    int ctx = outrider_hart_start(&h, work, &theirs);
    lock();
    printf("hart %u: started context %d\n", outrider_hartid(), ctx);
    unlock();
    if (ctx == 0) {
        printf("twoharts: no free context\n");
        return 1;
    }

    work(&mine);
    outrider_hart_join(&h);

    uint64_t expect = 0;
    for (uint32_t i = 0; i < WORK_N; i++)
        expect += (uint64_t)i * i;
    uint64_t total = mine.result + theirs.result;
    printf("twoharts: total %llu (%s), second half ran on hart %u\n",
           (unsigned long long)total, total == expect ? "ok" : "MISMATCH",
           theirs.hart);
    return (total == expect && theirs.hart == (unsigned)ctx) ? 0 : 2;
}
