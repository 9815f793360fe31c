// SPDX-License-Identifier: Apache-2.0
/*
 * sync_events.c - event_t and event_wait (outrider/sync.h) across the two
 * harts. Input: params[0] = the delay (cycles) before hart 0 sets the
 * event hart 1 sleeps on, params[1] = the timeout of the scenario that
 * times out, params[2] = the one-shot delay of scenario 4.
 * Scenarios (hart 1 waits unless said otherwise):
 *   1 wait FOREVER, hart 0 sets the event params[0] cycles after hart 1
 *     registered as a waiter
 *   2 wait with timeout params[1] on an event nobody sets
 *   3 wait with a long timeout, set after params[0] cycles (signalled)
 *   4 hart 0 waits; a one-shot timer of hart 0 sets the event from its
 *     callback params[2] cycles after the start
 *   5 an event already set: returns 1 at once; poll (timeout 0) of a reset
 *     event returns 0; event_reset then wait with timeout params[1] / 4
 *     times out
 * res[] (per scenario s, 8 words at 8*s):
 *   +0 return value of event_wait, +1 mtime at the call, +2 mtime after
 *   the return, +3 mtime just before event_set (1, 3: hart 0; 4: the
 *   callback), +4 instructions retired by the waiter during the call,
 *   +5 the waiter's cycles in pause/wfi (mhpmcounter5) during the call,
 *   +6 expiry of the timer (4)
 * res[48..50] (scenario 5): already-set wait, poll, reset-then-wait.
 * res[51] hart_start return.
 */
#include <stdint.h>

#include "sync_prog.h"

uint32_t params[3] = {3000, 4000, 2500};
uint32_t res[52];

static event_t ev[6];
static volatile uint32_t phase;

static inline uint32_t hpm5(void)
{
    return csr_read(mhpmcounter5);
}

static void timed_wait(unsigned s, event_t *e, uint64_t timeout)
{
    uint32_t *r = &res[8 * s];
    uint32_t i0 = csr_read(minstret), p0 = hpm5();
    r[1] = now32();
    r[0] = (uint32_t)event_wait(e, timeout);
    r[2] = now32();
    r[4] = csr_read(minstret) - i0;
    r[5] = hpm5() - p0;
}

static void wait_phase(uint32_t p)
{
    while (__atomic_load_n(&phase, __ATOMIC_ACQUIRE) != p)
        outrider_pause();
}

static void hart1(void *arg)
{
    (void)arg;
    timed_wait(1, &ev[1], EVENT_WAIT_FOREVER);
    phase = 2;
    timed_wait(2, &ev[2], params[1]);
    phase = 3;
    timed_wait(3, &ev[3], 100u * params[1]);
    phase = 4;
}

/* Hart 0: set ev[s] params[0] cycles after hart 1 became a waiter. */
static void set_later(unsigned s)
{
    while ((__atomic_load_n(&ev[s].waiters, __ATOMIC_ACQUIRE) & 2u) == 0)
        outrider_pause();
    uint32_t t = now32();
    while (now32() - t < params[0])
        sync_delay(10);
    res[8 * s + 3] = now32();
    event_set(&ev[s]);
}

static sync_timer_t tm;

static void set_from_timer(void *arg)
{
    res[8 * 4 + 3] = now32();
    res[8 * 4 + 6] = (uint32_t)timer_expiry(&tm);
    event_set(arg);
}

int main(void)
{
    for (unsigned i = 0; i < 6; i++)
        event_init(&ev[i]);
    res[51] = (uint32_t)hart_start(hart1, 0);
    if (res[51] == 0)
        return 3;
    set_later(1);
    wait_phase(2);                  /* scenario 2: nobody sets ev[2] */
    set_later(3);
    wait_phase(4);
    hart_join();

    timer_start_oneshot(&tm, params[2], set_from_timer, &ev[4]);
    timed_wait(4, &ev[4], EVENT_WAIT_FOREVER);

    event_set(&ev[5]);
    res[48] = (uint32_t)event_wait(&ev[5], 10);
    event_reset(&ev[5]);
    res[49] = (uint32_t)event_wait(&ev[5], 0);
    timed_wait(5, &ev[5], params[1] / 4);
    res[50] = res[8 * 5];
    return 0;
}
