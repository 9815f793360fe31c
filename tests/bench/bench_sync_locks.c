// SPDX-License-Identifier: Apache-2.0
/*
 * bench_sync_locks.c - lock throughput and latency (make bench-sync):
 * params[]: 0 kind (0 spinlock_t, 1 ticketlock_t, 2 mcslock_t),
 *   1 acquisitions per hart, 2 harts (1 or 2), 3 delay-loop iterations in
 *   the critical section, 4 outside it.
 * Each acquisition's lock call (lock() to its return) is timed with
 * mcycle. results[]: 0 cycles from the start of hart 0's loop until both
 * harts are done (hart 1 is started before), 1 counter, 2/3 summed lock-call cycles of
 * hart 0/1, 4/5 longest lock call of hart 0/1, 6 hart_start return.
 */
#include <stdint.h>

#include "sync_prog.h"

uint32_t params[5] = {0, 100, 2, 4, 4};
uint32_t results[7];

static spinlock_t slock;
static ticketlock_t tlock;
static mcslock_t mlock;
static volatile uint32_t counter, go;

static void loop(unsigned h)
{
    uint32_t kind = params[0], n = params[1], cs = params[3], ncs = params[4];
    uint32_t sum = 0, longest = 0;
    mcs_node_t node;
    while (!go)
        outrider_pause();
    for (uint32_t i = 0; i < n; i++) {
        uint32_t c0 = csr_read(mcycle);
        if (kind == 0)
            spin_lock(&slock);
        else if (kind == 1)
            ticket_lock(&tlock);
        else
            mcs_lock(&mlock, &node);
        uint32_t c = csr_read(mcycle) - c0;
        sum += c;
        if (c > longest)
            longest = c;
        counter++;
        sync_delay(cs);
        if (kind == 0)
            spin_unlock(&slock);
        else if (kind == 1)
            ticket_unlock(&tlock);
        else
            mcs_unlock(&mlock, &node);
        sync_delay(ncs);
    }
    results[2 + h] = sum;
    results[4 + h] = longest;
}

static void hart1(void *arg)
{
    (void)arg;
    loop(1);
}

int main(void)
{
    if (params[2] == 2)
        results[6] = (uint32_t)hart_start(hart1, 0);
    uint32_t c0 = csr_read(mcycle);
    go = 1;
    loop(0);
    hart_join();
    results[0] = csr_read(mcycle) - c0;
    results[1] = counter;
    return 0;
}
