// SPDX-License-Identifier: Apache-2.0
/*
 * sync_hart.c - hart_start/hart_join (outrider/sync.h): a second start
 * while the hart runs is refused, the hart has its own stack and a fresh
 * TLS block, join waits for fn to return, the context can be started again
 * right after a join (ROUNDS times), join without a hart returns.
 * results[]: 0 first start, 1 start while running (0), 2 mhartid seen by
 *   fn, 3 tls value seen by fn at entry (initial 7), 4 fn's stack pointer
 *   distance below hart 0's (bytes), 5 sum of the values fn computed over
 *   all rounds, 6 successful restarts, 7 hart 0's tls value at the end,
 *   8 hart_start(NULL) (0).
 */
#include <stdint.h>

#include "sync_prog.h"

#define ROUNDS 5

uint32_t results[9];
static _Thread_local uint32_t tls = 7;
static volatile uint32_t sp_h1, stop, value;

static void fn(void *arg)
{
    uint32_t k = (uint32_t)(uintptr_t)arg;
    uint32_t local;
    if (k == 0) {
        results[2] = outrider_mhartid();
        results[3] = tls;
        sp_h1 = (uint32_t)(uintptr_t)&local;
        while (!stop)
            outrider_pause();
    }
    tls += k;
    value += tls * 3 + k;           /* written by one hart at a time */
}

int main(void)
{
    uint32_t local;
    tls = 100;
    results[0] = (uint32_t)hart_start(fn, 0);
    results[1] = (uint32_t)hart_start(fn, (void *)1);
    while (sp_h1 == 0)
        outrider_pause();
    results[4] = (uint32_t)(uintptr_t)&local - sp_h1;
    stop = 1;
    hart_join();
    uint32_t ok = 0;
    for (uint32_t k = 1; k <= ROUNDS; k++) {
        if (hart_start(fn, (void *)(uintptr_t)k) != 0)
            ok++;
        hart_join();
    }
    hart_join();
    results[5] = value;
    results[6] = ok;
    results[7] = tls;
    results[8] = (uint32_t)hart_start(0, 0);
    return 0;
}
