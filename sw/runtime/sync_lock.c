// SPDX-License-Identifier: Apache-2.0
/*
 * sync_lock.c - the spin locks of outrider/sync.h: test-and-test-and-set
 * with pause and bounded exponential back-off, its interrupt-saving form,
 * the ticket lock and the MCS queued lock. Every waiting loop executes
 * `pause` (docs/sync.md: why, and what it costs the sibling hart).
 */
#include <stddef.h>

#include <outrider/sync.h>

#include "sync_internal.h"

/* ---- test-and-test-and-set ---------------------------------------------- */
void spin_init(spinlock_t *l)
{
    __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

static inline int spin_try_raw(spinlock_t *l)
{
    return __atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE) == 0;
}

#define PAUSE1 "pause\n\t"
#define PAUSE2 PAUSE1 PAUSE1
#define PAUSE4 PAUSE2 PAUSE2

/* n = 1, 2, 4 or 8 pauses back to back: no loop instructions between them,
 * so the sibling hart gets nearly every slot (docs/sync.md, benchmark). */
static inline void pause_burst(unsigned n)
{
    if (n & 8u)
        __asm__ __volatile__(PAUSE4 PAUSE4 ::: "memory");
    if (n & 4u)
        __asm__ __volatile__(PAUSE4 ::: "memory");
    if (n & 2u)
        __asm__ __volatile__(PAUSE2 ::: "memory");
    if (n & 1u)
        __asm__ __volatile__(PAUSE1 ::: "memory");
}

static void spin_wait_raw(spinlock_t *l)
{
    unsigned backoff = 1;
    for (;;) {
        if (spin_try_raw(l))
            return;
        /* test: read (a cache hit) until it looks free, with a burst of
         * 1, 2, 4, ... SPIN_BACKOFF_MAX pauses between reads */
        while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED) != 0) {
            pause_burst(backoff);
            if (backoff < SPIN_BACKOFF_MAX)
                backoff <<= 1;
        }
    }
}

void spin_lock(spinlock_t *l)
{
    SYNC_LOCKDEP_ACQUIRE(l, 1);
    spin_wait_raw(l);
}

int spin_trylock(spinlock_t *l)
{
    if (__atomic_load_n(&l->locked, __ATOMIC_RELAXED) != 0 || !spin_try_raw(l))
        return 0;
    SYNC_LOCKDEP_ACQUIRE(l, 0);
    return 1;
}

void spin_unlock(spinlock_t *l)
{
    SYNC_LOCKDEP_RELEASE(l);
    __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

irqsave_t spin_lock_irqsave(spinlock_t *l)
{
    irqsave_t flags = outrider_irq_disable();
    spin_lock(l);
    return flags;
}

int spin_trylock_irqsave(spinlock_t *l, irqsave_t *flags)
{
    irqsave_t f = outrider_irq_disable();
    if (spin_trylock(l)) {
        *flags = f;
        return 1;
    }
    outrider_irq_restore(f);
    return 0;
}

void spin_unlock_irqrestore(spinlock_t *l, irqsave_t flags)
{
    spin_unlock(l);
    outrider_irq_restore(flags);
}

/* ---- ticket lock --------------------------------------------------------- */
void ticket_init(ticketlock_t *l)
{
    l->next = 0;
    __atomic_store_n(&l->owner, 0, __ATOMIC_RELEASE);
}

void ticket_lock(ticketlock_t *l)
{
    SYNC_LOCKDEP_ACQUIRE(l, 1);
    uint32_t me = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);
    /* With two harts at most one is ahead of us: a plain pause loop. */
    while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != me)
        outrider_pause();
}

int ticket_trylock(ticketlock_t *l)
{
    /* Free iff next == owner; take ticket `owner` only if nobody took it
     * meanwhile (owner cannot move while nobody holds the lock). */
    uint32_t o = __atomic_load_n(&l->owner, __ATOMIC_RELAXED);
    if (__atomic_load_n(&l->next, __ATOMIC_RELAXED) != o)
        return 0;
    if (!__atomic_compare_exchange_n(&l->next, &o, o + 1, 0, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        return 0;
    SYNC_LOCKDEP_ACQUIRE(l, 0);
    return 1;
}

void ticket_unlock(ticketlock_t *l)
{
    SYNC_LOCKDEP_RELEASE(l);
    /* only the holder writes owner */
    __atomic_store_n(&l->owner, l->owner + 1, __ATOMIC_RELEASE);
}

/* ---- MCS queued lock ----------------------------------------------------- */
void mcs_init(mcslock_t *l)
{
    __atomic_store_n(&l->tail, NULL, __ATOMIC_RELEASE);
}

void mcs_lock(mcslock_t *l, mcs_node_t *node)
{
    SYNC_LOCKDEP_ACQUIRE(l, 1);
    node->next = NULL;
    node->locked = 1;
    mcs_node_t *pred = __atomic_exchange_n(&l->tail, node, __ATOMIC_ACQ_REL);
    if (pred == NULL)
        return;
    __atomic_store_n(&pred->next, node, __ATOMIC_RELEASE);
    while (__atomic_load_n(&node->locked, __ATOMIC_ACQUIRE) != 0)
        outrider_pause();
}

int mcs_trylock(mcslock_t *l, mcs_node_t *node)
{
    mcs_node_t *expected = NULL;
    node->next = NULL;
    node->locked = 0;
    if (__atomic_load_n(&l->tail, __ATOMIC_RELAXED) != NULL ||
        !__atomic_compare_exchange_n(&l->tail, &expected, node, 0, __ATOMIC_ACQ_REL,
                                     __ATOMIC_RELAXED))
        return 0;
    SYNC_LOCKDEP_ACQUIRE(l, 0);
    return 1;
}

void mcs_unlock(mcslock_t *l, mcs_node_t *node)
{
    SYNC_LOCKDEP_RELEASE(l);
    mcs_node_t *succ = __atomic_load_n(&node->next, __ATOMIC_ACQUIRE);
    if (succ == NULL) {
        mcs_node_t *expected = node;
        if (__atomic_compare_exchange_n(&l->tail, &expected, NULL, 0, __ATOMIC_RELEASE,
                                        __ATOMIC_RELAXED))
            return;                         /* nobody queued behind us */
        /* a successor swapped the tail but has not linked itself yet */
        while ((succ = __atomic_load_n(&node->next, __ATOMIC_ACQUIRE)) == NULL)
            outrider_pause();
    }
    __atomic_store_n(&succ->locked, 0, __ATOMIC_RELEASE);
}
