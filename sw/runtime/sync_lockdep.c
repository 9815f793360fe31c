// SPDX-License-Identifier: Apache-2.0
/*
 * sync_lockdep.c - the debug lock-order checker of outrider/sync.h.
 *
 * Per hart: the locks it holds (a small stack). Shared: the ordered pairs
 * (A held while B taken) seen so far, under an internal spin lock taken
 * with interrupts disabled (so timer callbacks may use checked locks).
 * A report is one console line, written while holding that lock, so the
 * two harts' reports never interleave.
 */
#include <stddef.h>

#include <outrider/sync.h>

#include "sync_internal.h"

#define NAMES 16

typedef struct {
    const void *a, *b;               /* a was held while b was taken */
    uint32_t reported;
} lock_pair;

typedef struct {
    const void *lock;
    const char *name;
} lock_name;

volatile uint32_t sync__lockdep_on;

static volatile uint32_t ld_lock;    /* the checker's own lock, not checked */
static const void *ld_held[OUTRIDER_NUM_CTX][SYNC_LOCKDEP_HELD];
static uint32_t ld_nheld[OUTRIDER_NUM_CTX];
static lock_pair ld_pairs[SYNC_LOCKDEP_PAIRS];
static uint32_t ld_npairs;
static lock_name ld_names[NAMES];
static uint32_t ld_reports, ld_overflow;

static uint32_t ld_enter(void)
{
    uint32_t f = outrider_irq_disable();
    while (__atomic_exchange_n(&ld_lock, 1, __ATOMIC_ACQUIRE) != 0)
        while (__atomic_load_n(&ld_lock, __ATOMIC_RELAXED) != 0)
            outrider_pause();
    return f;
}

static void ld_leave(uint32_t f)
{
    __atomic_store_n(&ld_lock, 0, __ATOMIC_RELEASE);
    outrider_irq_restore(f);
}

void sync_lockdep_enable(int on)
{
    __atomic_store_n(&sync__lockdep_on, on ? 1u : 0u, __ATOMIC_SEQ_CST);
}

void sync_lockdep_name(const void *lock, const char *name)
{
    uint32_t f = ld_enter();
    for (unsigned i = 0; i < NAMES; i++)
        if (ld_names[i].lock == lock || ld_names[i].lock == NULL) {
            ld_names[i].lock = lock;
            ld_names[i].name = name;
            break;
        }
    ld_leave(f);
}

uint32_t sync_lockdep_reports(void)
{
    return __atomic_load_n(&ld_reports, __ATOMIC_ACQUIRE);
}

uint32_t sync_lockdep_overflow(void)
{
    return __atomic_load_n(&ld_overflow, __ATOMIC_ACQUIRE);
}

static void put_hex(uint32_t v)
{
    outrider_puts("0x");
    for (int s = 28; s >= 0; s -= 4)
        outrider_putc("0123456789abcdef"[(v >> s) & 15u]);
}

static void put_lock(const void *lock)
{
    const char *name = "lock";
    for (unsigned i = 0; i < NAMES; i++)
        if (ld_names[i].lock == lock) {
            name = ld_names[i].name;
            break;
        }
    outrider_puts(name);
    outrider_putc('(');
    put_hex((uint32_t)(uintptr_t)lock);
    outrider_putc(')');
}

static lock_pair *find_pair(const void *a, const void *b)
{
    for (uint32_t i = 0; i < ld_npairs; i++)
        if (ld_pairs[i].a == a && ld_pairs[i].b == b)
            return &ld_pairs[i];
    return NULL;
}

void sync__lockdep_acquire(const void *lock, int check)
{
    unsigned h = outrider_mhartid();
    uint32_t f = ld_enter();
    if (check) {
        for (uint32_t i = 0; i < ld_nheld[h]; i++) {
            const void *held = ld_held[h][i];
            if (held == lock)
                continue;
            lock_pair *inv = find_pair(lock, held);
            if (inv != NULL && !inv->reported) {
                inv->reported = 1;
                ld_reports++;
                outrider_puts("sync: lock order inversion: hart ");
                outrider_putc((char)('0' + h));
                outrider_puts(" takes ");
                put_lock(lock);
                outrider_puts(" while holding ");
                put_lock(held);
                outrider_puts("; the order ");
                put_lock(lock);
                outrider_puts(" -> ");
                put_lock(held);
                outrider_puts(" was seen before\n");
            }
            if (find_pair(held, lock) == NULL) {
                if (ld_npairs < SYNC_LOCKDEP_PAIRS) {
                    ld_pairs[ld_npairs].a = held;
                    ld_pairs[ld_npairs].b = lock;
                    ld_pairs[ld_npairs].reported = 0;
                    ld_npairs++;
                } else {
                    ld_overflow++;
                }
            }
        }
    }
    if (ld_nheld[h] < SYNC_LOCKDEP_HELD)
        ld_held[h][ld_nheld[h]++] = lock;
    else
        ld_overflow++;
    ld_leave(f);
}

void sync__lockdep_release(const void *lock)
{
    unsigned h = outrider_mhartid();
    uint32_t f = ld_enter();
    for (uint32_t i = ld_nheld[h]; i-- > 0;)
        if (ld_held[h][i] == lock) {
            for (uint32_t j = i; j + 1 < ld_nheld[h]; j++)
                ld_held[h][j] = ld_held[h][j + 1];
            ld_nheld[h]--;
            break;
        }
    ld_leave(f);
}
