// SPDX-License-Identifier: Apache-2.0
/*
 * prodcons.c - a producer/consumer queue between the two harts
 * (outrider/sync.h, docs/sync.md): hart 1 produces N_ITEMS numbers into a
 * small ring buffer protected by a ticket lock; hart 0 consumes them. The
 * consumer sleeps on the event `not_empty` when the ring is empty, the
 * producer on `not_full` when it is full (manual-reset events: the sleeper
 * resets the event, re-checks the ring under the lock, then waits).
 * The consumer is slow for the first half of the items (the ring fills up
 * and the producer sleeps) and fast for the second (then it may find the
 * ring empty and sleep).
 * Prints the sum of the consumed items and how often each side slept;
 * exits 0 if the sum is right.
 */
#include <stdint.h>
#include <stdio.h>

#include <outrider/sync.h>

#define RING    8
#define N_ITEMS 200

static uint32_t ring[RING];
static uint32_t head, tail;          /* head: next to read, tail: next to write */
static ticketlock_t lock = TICKETLOCK_INIT;
static event_t not_empty = EVENT_INIT, not_full = EVENT_INIT;
static uint32_t producer_waits, consumer_waits;

static void producer(void *arg)
{
    (void)arg;
    for (uint32_t i = 1; i <= N_ITEMS; i++) {
        for (;;) {
            event_reset(&not_full);
            ticket_lock(&lock);
            if (tail - head < RING) {
                ring[tail % RING] = i * i;
                tail++;
                ticket_unlock(&lock);
                break;
            }
            ticket_unlock(&lock);
            producer_waits++;
            (void)event_wait(&not_full, EVENT_WAIT_FOREVER);
        }
        event_set(&not_empty);
    }
}

int main(void)
{
    uint32_t sum = 0, expect = 0;
    for (uint32_t i = 1; i <= N_ITEMS; i++)
        expect += i * i;
    if (!hart_start(producer, NULL)) {
        printf("prodcons: no free context\n");
        return 1;
    }
    for (uint32_t n = 0; n < N_ITEMS; n++) {
        uint32_t v;
        for (;;) {
            event_reset(&not_empty);
            ticket_lock(&lock);
            if (tail != head) {
                v = ring[head % RING];
                head++;
                ticket_unlock(&lock);
                break;
            }
            ticket_unlock(&lock);
            consumer_waits++;
            (void)event_wait(&not_empty, EVENT_WAIT_FOREVER);
        }
        event_set(&not_full);
        sum += v;
        if (n < N_ITEMS / 2)            /* slow consumer: "process" the item */
            for (volatile uint32_t k = 0; k < 100; k++)
                ;
    }
    hart_join();
    printf("prodcons: %u items, sum %lu (expected %lu), producer slept %lu times, "
           "consumer %lu times\n", N_ITEMS, (unsigned long)sum, (unsigned long)expect,
           (unsigned long)producer_waits, (unsigned long)consumer_waits);
    return sum == expect ? 0 : 1;
}
