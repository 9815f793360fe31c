// SPDX-License-Identifier: Apache-2.0
/*
 * outrider/hart.h - run a function on a free hardware context as a full hart.
 *
 * Contract:
 * - outrider_hart_start(h, fn, arg) fills the start record *h and executes
 *   `hart.start` (docs/memory-map.md). If a context is free it starts running
 *   the runtime's hart entry (sw/runtime/crt0.S: _hart_entry), which sets
 *   sp (stack top = __ram_end - mhartid * __stack_size), gp, tp (its own TLS
 *   block, freshly initialised: thread-local variables such as errno start
 *   from their initial values), mtvec (the default trap vector), calls
 *   fn(arg), sets h->done = 1 (release) and executes `hart.exit`.
 *   Returns the started context's id (non-zero, = its mhartid), or 0 if no
 *   context was free (or h/fn is NULL); then *h is left unused.
 * - *h must stay alive and untouched until outrider_hart_join(h) returns.
 * - outrider_hart_join(h) spins with `pause` until h->done, then returns
 *   (acquire: everything fn wrote is visible). The context returns to the
 *   free pool a few cycles after `done` is set, so a start immediately
 *   after a join may still be refused: retry, or use outrider_hart_start_wait.
 * - fn must return to end the hart; if it calls exit() the whole program
 *   (simulation) ends. A trap on the started hart goes to the default trap
 *   handler (prints and ends the simulation) unless fn installs a vector.
 * - The libc lock (malloc, atexit, ...) is hart-safe; stdout is unbuffered
 *   and not locked, so printf from two harts may interleave characters.
 */
#ifndef OUTRIDER_HART_H
#define OUTRIDER_HART_H

#include <outrider/outrider.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    void (*fn)(void *);
    void *arg;
    volatile int done;
} outrider_hart_t;

/* Start fn(arg) on a free context. Returns its context id (> 0), or 0. */
int outrider_hart_start(outrider_hart_t *h, void (*fn)(void *), void *arg);

/* Like outrider_hart_start, but retries up to `tries` times (pausing in
 * between) while no context is free. Returns the context id or 0. */
int outrider_hart_start_wait(outrider_hart_t *h, void (*fn)(void *), void *arg,
                             unsigned tries);

/* Non-zero once fn has returned on the started hart (acquire). */
int outrider_hart_done(const outrider_hart_t *h);

/* Wait (pause loop) until fn has returned on the started hart. */
void outrider_hart_join(outrider_hart_t *h);

/* The calling hart's id (mhartid; 0 for the main context). */
unsigned outrider_hartid(void);

#ifdef __cplusplus
}
#endif
#endif /* OUTRIDER_HART_H */
