// SPDX-License-Identifier: Apache-2.0
/*
 * heartbeat.c - a periodic timer drives a heartbeat (outrider/sync.h,
 * docs/sync.md): every PERIOD cycles the timer callback counts a beat and
 * sets an event; the main loop sleeps in event_wait between beats and
 * prints each one with the mtime of its expiry and how late the callback
 * ran. After BEATS beats the timer is cancelled.
 */
#include <stdint.h>
#include <stdio.h>

#include <outrider/sync.h>

#define PERIOD 20000u
#define BEATS  5

static sync_timer_t beat_timer;
static event_t beat = EVENT_INIT;
static volatile uint32_t beats;
static volatile uint32_t late[BEATS + 1], when[BEATS + 1];

static void on_beat(void *arg)
{
    (void)arg;
    uint32_t n = beats + 1;
    if (n <= BEATS) {
        when[n] = (uint32_t)timer_expiry(&beat_timer);
        late[n] = (uint32_t)outrider_time() - when[n];
    }
    beats = n;
    if (n == BEATS)
        timer_cancel(&beat_timer);
    event_set(&beat);
}

int main(void)
{
    timer_start_periodic(&beat_timer, PERIOD, on_beat, NULL);
    for (uint32_t seen = 0; seen < BEATS;) {
        if (!event_wait(&beat, 4 * PERIOD)) {
            printf("heartbeat: missed a beat\n");
            return 1;
        }
        event_reset(&beat);
        while (seen < beats && seen < BEATS) {
            seen++;
            printf("beat %lu at mtime %lu (callback %lu cycles after expiry)\n",
                   (unsigned long)seen, (unsigned long)when[seen], (unsigned long)late[seen]);
        }
    }
    printf("heartbeat: %u beats, period %u cycles\n", BEATS, PERIOD);
    return 0;
}
