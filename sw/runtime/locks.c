// SPDX-License-Identifier: Apache-2.0
/*
 * locks.c - picolibc's retargetable locks, made hart-safe.
 *
 * picolibc's own versions are no-ops (single thread). These replace them
 * (every symbol of libc's lock module is defined here, so that module is
 * never linked) with test-and-test-and-set spin locks that `pause` while
 * waiting. Owner = mhartid + 1 (0 = free). Recursive locks count nested
 * acquisitions by the same hart.
 *
 * Covered: __lock___libc_recursive_mutex (malloc/free, atexit, getenv/
 * setenv, time zone) and locks created by __retarget_lock_init* (allocated
 * with calloc; if that fails the lock is NULL and behaves as a no-op lock,
 * as picolibc's default). Not covered: a trap handler that interrupts its
 * own hart inside malloc and calls malloc again (same owner: re-enters).
 */
#include <stdint.h>
#include <stdlib.h>
#include <sys/lock.h>

#include <outrider/outrider.h>

struct __lock {
    volatile uint32_t owner;    /* 0: free, else mhartid + 1 */
    uint32_t count;             /* recursive depth, owner only */
};

struct __lock __lock___libc_recursive_mutex;

static uint32_t self(void)
{
    return outrider_mhartid() + 1;
}

static int try_take(struct __lock *l, uint32_t me)
{
    uint32_t expected = 0;
    return __atomic_compare_exchange_n(&l->owner, &expected, me, 0,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static void take(struct __lock *l, uint32_t me)
{
    for (;;) {
        if (try_take(l, me))
            return;
        while (__atomic_load_n(&l->owner, __ATOMIC_RELAXED) != 0)
            outrider_pause();
    }
}

static void give(struct __lock *l)
{
    __atomic_store_n(&l->owner, 0, __ATOMIC_RELEASE);
}

void __retarget_lock_init(_LOCK_T *lock)
{
    *lock = calloc(1, sizeof(struct __lock));
}

void __retarget_lock_init_recursive(_LOCK_T *lock)
{
    *lock = calloc(1, sizeof(struct __lock));
}

void __retarget_lock_close(_LOCK_T lock)
{
    free(lock);
}

void __retarget_lock_close_recursive(_LOCK_T lock)
{
    free(lock);
}

void __retarget_lock_acquire(_LOCK_T lock)
{
    if (lock != NULL)
        take(lock, self());
}

int __retarget_lock_try_acquire(_LOCK_T lock)
{
    return lock == NULL || try_take(lock, self());
}

void __retarget_lock_release(_LOCK_T lock)
{
    if (lock != NULL)
        give(lock);
}

void __retarget_lock_acquire_recursive(_LOCK_T lock)
{
    uint32_t me = self();

    if (lock == NULL)
        return;
    if (__atomic_load_n(&lock->owner, __ATOMIC_RELAXED) != me)
        take(lock, me);
    lock->count++;
}

int __retarget_lock_try_acquire_recursive(_LOCK_T lock)
{
    uint32_t me = self();

    if (lock == NULL)
        return 1;
    if (__atomic_load_n(&lock->owner, __ATOMIC_RELAXED) != me && !try_take(lock, me))
        return 0;
    lock->count++;
    return 1;
}

void __retarget_lock_release_recursive(_LOCK_T lock)
{
    if (lock == NULL)
        return;
    if (--lock->count == 0)
        give(lock);
}
