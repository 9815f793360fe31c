// SPDX-License-Identifier: Apache-2.0
/*
 * sync_hart.c - hart_start/hart_join of outrider/sync.h, on top of the
 * start record API of outrider/hart.h (one record: with two contexts there
 * is at most one started hart at a time). The started hart runs a
 * trampoline that resets the library's per-hart state (timers, interrupt
 * set-up) of its context before calling fn(arg).
 */
#include <stddef.h>

#include <outrider/hart.h>
#include <outrider/sync.h>

/* Pauses hart_start waits for the context of a hart that has returned. */
#define HART_FREE_TRIES 64

void sync__hart_reset(void);         /* sync_event.c */

static outrider_hart_t sync_hart_rec;
static int sync_hart_started;        /* sync_hart_rec holds a started hart */
static void (*sync_hart_fn)(void *);
static void *sync_hart_arg;

static void sync_hart_tramp(void *unused)
{
    (void)unused;
    sync__hart_reset();
    sync_hart_fn(sync_hart_arg);
}

int hart_start(void (*fn)(void *), void *arg)
{
    if (fn == NULL)
        return 0;
    if (sync_hart_started && !outrider_hart_done(&sync_hart_rec))
        return 0;                           /* still running */
    sync_hart_fn = fn;
    sync_hart_arg = arg;
    /* A hart that has returned frees its context a few cycles later. */
    int ctx = outrider_hart_start_wait(&sync_hart_rec, sync_hart_tramp, NULL,
                                       sync_hart_started ? HART_FREE_TRIES : 1);
    /* On refusal the record was reset but no hart runs from it. */
    sync_hart_started = ctx != 0;
    return ctx;
}

void hart_join(void)
{
    if (sync_hart_started)
        outrider_hart_join(&sync_hart_rec);
}
