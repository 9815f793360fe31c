// SPDX-License-Identifier: Apache-2.0
/*
 * sync_locks.c - both harts increment shared counters under one lock kind
 * (outrider/sync.h), niter acquisitions each.
 * Inputs (params[], written by the suite; the defaults are a short run):
 *   0 kind: 0 spinlock_t, 1 ticketlock_t, 2 mcslock_t, 3 spinlock_t with
 *           spin_lock_irqsave while a periodic timer on each hart takes the
 *           same lock in its callback, 4 trylock-retry loops (spinlock_t,
 *           ticketlock_t, mcslock_t in turn: niter each per hart per kind)
 *   1 niter   acquisitions per hart (per kind for kind 4)
 *   2 cs      delay-loop iterations inside the critical section
 *   3 ncs     delay-loop iterations outside it
 *   4 period  timer period in cycles (kind 3)
 * kind 5 (trylock never blocks): hart 1 takes all three locks and holds
 *   them; hart 0 calls each _trylock TRY_N times (all must fail) and
 *   records the longest call in cycles; hart 1 releases; each _trylock must
 *   then succeed at once. try_res[]: 0..2 failed calls per kind (spin,
 *   ticket, mcs), 3..5 longest failing call (cycles), 6..8 _trylock after
 *   the release (1), 9 hart 1 saw the locks held for the whole time (1).
 * Critical section: a non-atomic read-modify-write of cnt_a, a delay, the
 * same on cnt_b, and log[cnt_a before] = hart + 1 (so the log is the grant
 * order: a lost update would leave a 0 and overwrite an entry). Kind 4
 * uses one counter pair per lock (the log only for the first).
 * results[]: 0 hart_start return, 1 cnt_a (sum of the pairs), 2 cnt_b, 3 acquisitions by
 *   hart 0 (main loops), 4 by hart 1, 5 timer callbacks on hart 0,
 *   6 on hart 1, 7 failed trylocks hart 0, 8 failed trylocks hart 1,
 *   9 cycles of the whole run (mtime).
 */
#include <stdint.h>

#include "sync_prog.h"

#define LOG_MAX 262144

uint32_t params[5] = {0, 200, 10, 2, 700};
uint32_t results[10];
uint32_t try_res[10];

#define TRY_N 8
/* initialised, so it is loaded with the ELF instead of being zeroed by crt0 */
uint8_t grant_log[LOG_MAX] = {0xFF};

static spinlock_t slock;
static ticketlock_t tlock;
static mcslock_t mlock;
/* counter pairs: pair 0 for kinds 0-3, pair k for kind 4's lock k */
static volatile uint32_t cnt_a[3], cnt_b[3];
static volatile uint32_t go;

static void critical_pair(unsigned h, unsigned k)
{
    uint32_t a = cnt_a[k];
    if (k == 0 && a < LOG_MAX)
        grant_log[a] = (uint8_t)(h + 1);
    cnt_a[k] = a + 1;
    sync_delay(params[2]);
    uint32_t b = cnt_b[k];
    sync_delay(1);
    cnt_b[k] = b + 1;
}

static void critical(unsigned h)
{
    critical_pair(h, 0);
}

static void tick(void *arg)
{
    uint32_t *count = arg;
    spin_lock(&slock);          /* MIE is off in the handler */
    critical(outrider_mhartid());
    spin_unlock(&slock);
    (*count)++;
}

static void worker(unsigned h)
{
    uint32_t kind = params[0], n = params[1], ncs = params[3];
    uint32_t done = 0, failed = 0;
    sync_timer_t tm = {0};
    mcs_node_t node;

    while (!go)
        outrider_pause();
    if (kind == 3) {
        timer_start_periodic(&tm, params[4], tick, &results[5 + h]);
        outrider_irq_enable();
    }
    for (uint32_t i = 0; i < n; i++) {
        switch (kind) {
        case 0:
            spin_lock(&slock);
            critical(h);
            spin_unlock(&slock);
            break;
        case 1:
            ticket_lock(&tlock);
            critical(h);
            ticket_unlock(&tlock);
            break;
        case 2:
            mcs_lock(&mlock, &node);
            critical(h);
            mcs_unlock(&mlock, &node);
            break;
        case 3: {
            irqsave_t f = spin_lock_irqsave(&slock);
            critical(h);
            spin_unlock_irqrestore(&slock, f);
            break;
        }
        default:
            for (unsigned k = 0; k < 3; k++) {
                int ok;
                do {
                    ok = k == 0 ? spin_trylock(&slock)
                       : k == 1 ? ticket_trylock(&tlock)
                                : mcs_trylock(&mlock, &node);
                    if (!ok) {
                        failed++;
                        outrider_pause();
                    }
                } while (!ok);
                critical_pair(h, k);
                if (k == 0)
                    spin_unlock(&slock);
                else if (k == 1)
                    ticket_unlock(&tlock);
                else
                    mcs_unlock(&mlock, &node);
            }
            break;
        }
        done++;
        sync_delay(ncs);
    }
    if (kind == 3) {
        uint32_t f = outrider_irq_disable();
        timer_cancel(&tm);
        outrider_irq_restore(f);
        outrider_irq_disable();
    }
    results[3 + h] = done;
    results[7 + h] = failed;
}

static volatile uint32_t held, release;

static int try_kind(unsigned k, mcs_node_t *node)
{
    return k == 0 ? spin_trylock(&slock) : k == 1 ? ticket_trylock(&tlock)
                                                   : mcs_trylock(&mlock, node);
}

static void holder(void)
{
    mcs_node_t node;
    spin_lock(&slock);
    ticket_lock(&tlock);
    mcs_lock(&mlock, &node);
    held = 1;
    while (!release)
        outrider_pause();
    try_res[9] = slock.locked == 1 && tlock.next == tlock.owner + 1 && mlock.tail == &node;
    mcs_unlock(&mlock, &node);
    ticket_unlock(&tlock);
    spin_unlock(&slock);
    held = 0;
}

static void trier(void)
{
    mcs_node_t node;
    while (!held)
        outrider_pause();
    for (unsigned k = 0; k < 3; k++) {
        uint32_t fails = 0, longest = 0;
        for (unsigned i = 0; i < TRY_N; i++) {
            uint32_t c0 = csr_read(mcycle);
            int ok = try_kind(k, &node);
            uint32_t c = csr_read(mcycle) - c0;
            fails += !ok;
            if (c > longest)
                longest = c;
        }
        try_res[k] = fails;
        try_res[3 + k] = longest;
    }
    release = 1;
    while (held)
        outrider_pause();
    for (unsigned k = 0; k < 3; k++) {
        try_res[6 + k] = (uint32_t)try_kind(k, &node);
        if (k == 0)
            spin_unlock(&slock);
        else if (k == 1)
            ticket_unlock(&tlock);
        else
            mcs_unlock(&mlock, &node);
    }
}

static void hart1(void *arg)
{
    (void)arg;
    if (params[0] == 5)
        holder();
    else
        worker(1);
}

int main(void)
{
    uint32_t t0 = now32();
    results[5] = results[6] = 0;
    spin_init(&slock);
    ticket_init(&tlock);
    mcs_init(&mlock);
    results[0] = (uint32_t)hart_start(hart1, 0);
    go = 1;
    if (params[0] == 5)
        trier();
    else
        worker(0);
    hart_join();
    results[1] = cnt_a[0] + cnt_a[1] + cnt_a[2];
    results[2] = cnt_b[0] + cnt_b[1] + cnt_b[2];
    results[9] = now32() - t0;
    return results[0] != 0 ? 0 : 3;
}
