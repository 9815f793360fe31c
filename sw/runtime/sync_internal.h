// SPDX-License-Identifier: Apache-2.0
/*
 * sync_internal.h - what the sync*.c modules of the runtime share (not an
 * installed header): the lock-order checker's hooks, called by every lock
 * operation when sync__lockdep_on is set.
 *   sync__lockdep_acquire(lock, check): the calling hart is about to hold
 *     `lock` (check = 1: a waiting acquisition, the order against every
 *     lock it holds is checked and recorded; 0: a successful trylock, only
 *     recorded as held).
 *   sync__lockdep_release(lock): the calling hart no longer holds it.
 */
#ifndef OUTRIDER_SYNC_INTERNAL_H
#define OUTRIDER_SYNC_INTERNAL_H

#include <stdint.h>

extern volatile uint32_t sync__lockdep_on;
void sync__lockdep_acquire(const void *lock, int check);
void sync__lockdep_release(const void *lock);

#define SYNC_LOCKDEP_ACQUIRE(l, check)                                    \
    do {                                                                  \
        if (__builtin_expect(sync__lockdep_on != 0, 0))                   \
            sync__lockdep_acquire((l), (check));                          \
    } while (0)
#define SYNC_LOCKDEP_RELEASE(l)                                           \
    do {                                                                  \
        if (__builtin_expect(sync__lockdep_on != 0, 0))                   \
            sync__lockdep_release((l));                                   \
    } while (0)

#endif
