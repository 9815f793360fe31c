// SPDX-License-Identifier: Apache-2.0
/*
 * bench_sync_pause.c - the pause benchmark (make bench-sync, docs/sync.md):
 * cycles of a compute kernel on hart 0 while hart 1
 *   mode 0  is free (never started)
 *   mode 1  waits in spin_lock() for a lock hart 0 holds (test-and-test-
 *           and-set with pause and bounded exponential back-off)
 *   mode 2  spins on the lock word with one `pause` per read
 *   mode 3  spins on the lock word without pause (tight load/branch loop)
 *   mode 4  sleeps in event_wait(EVENT_WAIT_FOREVER)
 *   mode 5  spins on the lock word with 8 `pause`s in a row (unrolled, no
 *           loop instructions between them) per read
 * Hart 0 takes the lock, starts hart 1, waits until it is waiting, runs the
 * kernel (mcycle around it), then releases the lock / sets the event.
 * Kernel: params[1] rounds over a 256-word table in the data cache (load,
 * multiply, xor, store): loads, stores and ALU work, no divides.
 * results[]: 0 kernel cycles, 1 kernel checksum, 2 hart_start return,
 *   3 spin iterations of hart 1 (modes 2, 3).
 */
#include <stdint.h>

#include "sync_prog.h"

uint32_t params[2] = {1, 20};
uint32_t results[4];

static uint32_t table[256];
static spinlock_t lock;
static event_t ev;
static volatile uint32_t waiting, spins;

static void hart1(void *arg)
{
    (void)arg;
    uint32_t n = 0;
    waiting = 1;
    switch (params[0]) {
    case 1:
        spin_lock(&lock);
        spin_unlock(&lock);
        break;
    case 2:
        while (__atomic_load_n(&lock.locked, __ATOMIC_RELAXED) != 0) {
            outrider_pause();
            n++;
        }
        break;
    case 3:
        while (__atomic_load_n(&lock.locked, __ATOMIC_RELAXED) != 0)
            n++;
        break;
    case 5:
        while (__atomic_load_n(&lock.locked, __ATOMIC_RELAXED) != 0) {
            __asm__ __volatile__("pause\n\tpause\n\tpause\n\tpause\n\t"
                                 "pause\n\tpause\n\tpause\n\tpause" ::: "memory");
            n++;
        }
        break;
    default:
        (void)event_wait(&ev, EVENT_WAIT_FOREVER);
        break;
    }
    spins = n;
}

static uint32_t kernel(uint32_t rounds)
{
    uint32_t x = 12345;
    for (uint32_t r = 0; r < rounds; r++)
        for (uint32_t i = 0; i < 256; i++) {
            x = x * 1103515245u + table[i];
            table[i] = x ^ (x >> 13);
        }
    return x;
}

int main(void)
{
    for (uint32_t i = 0; i < 256; i++)
        table[i] = i * 2654435761u;
    (void)kernel(1);                    /* warm the cache */
    spin_init(&lock);
    event_init(&ev);
    spin_lock(&lock);
    if (params[0] != 0) {
        results[2] = (uint32_t)hart_start(hart1, 0);
        while (!waiting)
            outrider_pause();
        if (params[0] == 4)
            while ((__atomic_load_n(&ev.waiters, __ATOMIC_ACQUIRE) & 2u) == 0)
                outrider_pause();
        sync_delay(200);                /* hart 1 is in its wait loop */
    }
    uint32_t c0 = csr_read(mcycle);
    uint32_t sum = kernel(params[1]);
    results[0] = csr_read(mcycle) - c0;
    results[1] = sum;
    spin_unlock(&lock);
    event_set(&ev);
    hart_join();
    results[3] = spins;
    return 0;
}
