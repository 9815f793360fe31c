// SPDX-License-Identifier: Apache-2.0
/*
 * sync_lockdep.c - the lock-order checker (outrider/sync.h).
 * params[0] = 1: an inverted program: hart 0 takes A then B (nested),
 *   later hart 1 takes B then A (one after the other, so no deadlock
 *   happens), twice; the checker must print exactly one report.
 * params[0] = 0: a consistent program: both harts take A then B, A then
 *   C, B then C (all three lock kinds, irqsave too), many times,
 *   concurrently; the checker must stay silent.
 * results[]: 0 hart_start return, 1 sync_lockdep_reports(), 2 overflow,
 *   3 protected counter (both harts, ITER each, consistent program).
 */
#include <stdint.h>

#include "sync_prog.h"

#define ITER 50

uint32_t params[1] = {1};
uint32_t results[4];

spinlock_t lock_a;
ticketlock_t lock_b;
mcslock_t lock_c;
static volatile uint32_t counter;

static void inverted_h1(void *arg)
{
    (void)arg;
    for (int k = 0; k < 2; k++) {
        ticket_lock(&lock_b);
        spin_lock(&lock_a);
        counter++;
        spin_unlock(&lock_a);
        ticket_unlock(&lock_b);
    }
}

static void consistent(void *arg)
{
    (void)arg;
    mcs_node_t n;
    for (int i = 0; i < ITER; i++) {
        irqsave_t f = spin_lock_irqsave(&lock_a);
        ticket_lock(&lock_b);
        counter++;
        ticket_unlock(&lock_b);
        mcs_lock(&lock_c, &n);
        mcs_unlock(&lock_c, &n);
        spin_unlock_irqrestore(&lock_a, f);
        ticket_lock(&lock_b);
        if (mcs_trylock(&lock_c, &n))
            mcs_unlock(&lock_c, &n);
        ticket_unlock(&lock_b);
        sync_delay(i & 7);
    }
}

int main(void)
{
    spin_init(&lock_a);
    ticket_init(&lock_b);
    mcs_init(&lock_c);
    sync_lockdep_name(&lock_a, "A");
    sync_lockdep_name(&lock_b, "B");
    sync_lockdep_name(&lock_c, "C");
    sync_lockdep_enable(1);
    if (params[0]) {
        spin_lock(&lock_a);
        ticket_lock(&lock_b);
        counter++;
        ticket_unlock(&lock_b);
        spin_unlock(&lock_a);
        results[0] = (uint32_t)hart_start(inverted_h1, 0);
        hart_join();
    } else {
        results[0] = (uint32_t)hart_start(consistent, 0);
        consistent(0);
        hart_join();
    }
    results[1] = sync_lockdep_reports();
    results[2] = sync_lockdep_overflow();
    results[3] = counter;
    sync_lockdep_enable(0);
    return results[0] != 0 ? 0 : 3;
}
