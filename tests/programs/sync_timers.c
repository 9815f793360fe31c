// SPDX-License-Identifier: Apache-2.0
/*
 * sync_timers.c - one-shot and periodic timers (outrider/sync.h) on both
 * harts, multiplexed on each hart's mtimecmp.
 * Inputs params[]: 0 period of hart 0's periodic timer, 1 its number of
 * firings (the callback cancels it at the last one), 2 delay of hart 0's
 * one-shot timer, 3 delay of a one-shot that is cancelled before it
 * expires, 4 period of hart 1's periodic timer, 5 its firings, 6 delay of
 * a second one-shot on hart 0 that restarts itself once from its callback.
 * Hart 0 computes (an LCG loop, result in res[1]) while its timers fire;
 * hart 1 sleeps in event_wait until its periodic callback sets the event.
 * fire[] records, for every callback, 4 words: timer id (1 periodic h0,
 * 2 one-shot h0, 3 cancelled one-shot, 4 periodic h1, 5 restarting
 * one-shot), mtime at callback entry, timer_expiry(), hart.
 * res[]: 0 hart_start return, 1 LCG result, 2 LCG iterations, 3 start
 * time on hart 0 (mtime just before its first timer_start), 4 the same on
 * hart 1, 5 callbacks recorded, 6 timer_cancel of the pending one-shot
 * (1), 7 timer_cancel of it again (0), 8 event_wait result on hart 1.
 * starts[id]: mtime just before the first timer_start of timer id.
 */
#include <stdint.h>

#include "sync_prog.h"

#define FIRE_MAX 256

uint32_t params[7] = {1500, 8, 2600, 5000, 2200, 5, 4100};
uint32_t res[9];
uint32_t fire[4 * FIRE_MAX];
uint32_t starts[6];                 /* mtime just before timer id's first start */

static sync_timer_t per0, one0, dead0, per1, again0;
static volatile uint32_t nfire, per0_left, per1_left, again_left;
static spinlock_t rec_lock;
static event_t h1_done, h0_done, never;

static void record(uint32_t id, const sync_timer_t *t)
{
    uint32_t now = now32();
    spin_lock(&rec_lock);           /* both harts' callbacks record */
    uint32_t i = nfire;
    if (i < FIRE_MAX) {
        fire[4 * i + 0] = id;
        fire[4 * i + 1] = now;
        fire[4 * i + 2] = (uint32_t)timer_expiry(t);
        fire[4 * i + 3] = outrider_mhartid();
        nfire = i + 1;
    }
    spin_unlock(&rec_lock);
}

static void cb_per0(void *arg)
{
    (void)arg;
    record(1, &per0);
    if (--per0_left == 0) {
        timer_cancel(&per0);
        event_set(&h0_done);
    }
}

static void cb_one0(void *arg)
{
    (void)arg;
    record(2, &one0);
}

static void cb_dead0(void *arg)
{
    (void)arg;
    record(3, &dead0);
}

static void cb_again0(void *arg)
{
    (void)arg;
    record(5, &again0);
    if (again_left-- > 0)
        timer_start_oneshot(&again0, params[6], cb_again0, 0);
}

static void cb_per1(void *arg)
{
    (void)arg;
    record(4, &per1);
    if (--per1_left == 0) {
        timer_cancel(&per1);
        event_set(&h1_done);
    }
}

static void hart1(void *arg)
{
    (void)arg;
    per1_left = params[5];
    res[4] = starts[4] = now32();
    timer_start_periodic(&per1, params[4], cb_per1, 0);
    res[8] = (uint32_t)event_wait(&h1_done, EVENT_WAIT_FOREVER);
}

int main(void)
{
    spin_init(&rec_lock);
    event_init(&h0_done);
    event_init(&h1_done);
    event_init(&never);
    per0_left = params[1];
    again_left = 1;
    res[0] = (uint32_t)hart_start(hart1, 0);
    if (res[0] == 0)
        return 3;

    res[3] = starts[1] = now32();
    timer_start_periodic(&per0, params[0], cb_per0, 0);
    starts[2] = now32();
    timer_start_oneshot(&one0, params[2], cb_one0, 0);
    starts[3] = now32();
    timer_start_oneshot(&dead0, params[3], cb_dead0, 0);
    starts[5] = now32();
    timer_start_oneshot(&again0, params[6], cb_again0, 0);
    outrider_irq_enable();
    res[6] = (uint32_t)timer_cancel(&dead0);
    res[7] = (uint32_t)timer_cancel(&dead0);

    /* compute until the periodic timer has fired params[1] times */
    uint32_t x = 1, n = 0;
    while (!event_is_set(&h0_done)) {
        x = (x * 1103515245u + 12345u) ^ n;
        n++;
    }
    /* the restarting one-shot may still be pending: sleep until it fired
     * twice (again_left wraps to UINT32_MAX then) */
    while (again_left != UINT32_MAX)
        (void)event_wait(&never, 1000);
    outrider_irq_disable();
    res[1] = x;
    res[2] = n;
    hart_join();
    res[5] = nfire;
    return 0;
}
