// SPDX-License-Identifier: Apache-2.0
/*
 * sync_event.c - events, timers and the per-hart interrupt plumbing of
 * outrider/sync.h.
 *
 * Per hart: a list of pending timers sorted by expiry and the deadline of
 * the event_wait in progress (if any); mtimecmp is always programmed with
 * the earlier of the two. The timer interrupt runs every expired timer
 * (re-queueing periodic ones at expiry + period) and reprograms mtimecmp;
 * the software interrupt only clears the hart's msip (its purpose is to
 * end a `wfi`). Both are handled with interrupts disabled; the timer list
 * of a hart is only touched by that hart with interrupts disabled, so it
 * needs no lock.
 */
#include <stddef.h>

#include <outrider/sync.h>

#define NEVER UINT64_MAX

typedef struct {
    sync_timer_t *head;              /* pending timers, earliest first */
    uint64_t wake_at;                /* event_wait deadline, NEVER: none */
    uint32_t inited;
} sync_hart_state;

static sync_hart_state sync_hs[OUTRIDER_NUM_CTX];

/* Called by hart_start's trampoline on a freshly started hart. */
void sync__hart_reset(void);
void sync__hart_reset(void)
{
    sync_hart_state *s = &sync_hs[outrider_mhartid()];
    s->head = NULL;
    s->wake_at = NEVER;
    s->inited = 0;
}

static void program_timer(sync_hart_state *s)
{
    uint64_t next = s->wake_at;
    if (s->head != NULL && s->head->expiry < next)
        next = s->head->expiry;
    outrider_timer_set(next);
}

void sync_irq_init(void)
{
    uint32_t f = outrider_irq_disable();
    unsigned h = outrider_mhartid();
    sync_hart_state *s = &sync_hs[h];
    if (!s->inited) {
        s->head = NULL;
        s->wake_at = NEVER;
        outrider_timer_clear();
        outrider_msip_clear(h);
        if (csr_read(mtvec) == (uint32_t)(uintptr_t)outrider_default_trap_vector)
            outrider_trap_vector_set(sync_trap_vector);
        outrider_irq_source_enable(OUTRIDER_MIE_MTIE | OUTRIDER_MIE_MSIE);
        s->inited = 1;
    }
    outrider_irq_restore(f);
}

/* ---- timer list (interrupts disabled by the callers) ---- */
static void list_insert(sync_hart_state *s, sync_timer_t *t)
{
    sync_timer_t **pp = &s->head;
    while (*pp != NULL && (*pp)->expiry <= t->expiry)  /* FIFO among equals */
        pp = &(*pp)->next;
    t->next = *pp;
    *pp = t;
}

static void list_remove(sync_hart_state *s, sync_timer_t *t)
{
    for (sync_timer_t **pp = &s->head; *pp != NULL; pp = &(*pp)->next)
        if (*pp == t) {
            *pp = t->next;
            t->next = NULL;
            return;
        }
}

static void timer_irq(sync_hart_state *s)
{
    for (;;) {
        uint64_t now = outrider_time();
        if (s->wake_at <= now)
            s->wake_at = NEVER;         /* the waiter sees its timeout */
        sync_timer_t *t = s->head;
        if (t == NULL || t->expiry > now)
            break;
        s->head = t->next;
        t->next = NULL;
        uint64_t served = t->expiry;
        uint32_t gen = t->gen;
        if (t->period == 0)
            t->pending = 0;
        t->cb(t->arg);
        /* periodic: re-queue unless the callback cancelled or restarted it */
        if (t->period != 0 && t->gen == gen) {
            t->expiry = served + t->period;
            list_insert(s, t);
        }
    }
    program_timer(s);
}

int sync_irq_dispatch(uint32_t mcause)
{
    sync_hart_state *s = &sync_hs[outrider_mhartid()];
    if (mcause == (OUTRIDER_MCAUSE_INTERRUPT | OUTRIDER_IRQ_M_TIMER)) {
        timer_irq(s);
        return 1;
    }
    if (mcause == (OUTRIDER_MCAUSE_INTERRUPT | OUTRIDER_IRQ_M_SOFT)) {
        outrider_msip_clear(outrider_mhartid());
        return 1;
    }
    return 0;
}

/* ---- timers ---- */
static void timer_start(sync_timer_t *t, uint64_t delay, uint64_t period,
                        void (*cb)(void *), void *arg)
{
    sync_irq_init();
    uint32_t f = outrider_irq_disable();
    unsigned h = outrider_mhartid();
    sync_hart_state *s = &sync_hs[h];
    if (t->pending && t->hart == h)
        list_remove(s, t);
    t->gen++;
    t->cb = cb;
    t->arg = arg;
    t->period = period;
    t->hart = h;
    uint64_t now = outrider_time();
    t->expiry = delay > NEVER - now ? NEVER : now + delay;
    t->pending = 1;
    list_insert(s, t);
    program_timer(s);
    outrider_irq_restore(f);
}

void timer_start_oneshot(sync_timer_t *t, uint64_t delay_cycles, void (*cb)(void *), void *arg)
{
    timer_start(t, delay_cycles, 0, cb, arg);
}

void timer_start_periodic(sync_timer_t *t, uint64_t period_cycles, void (*cb)(void *), void *arg)
{
    timer_start(t, period_cycles, period_cycles == 0 ? 1 : period_cycles, cb, arg);
}

int timer_cancel(sync_timer_t *t)
{
    uint32_t f = outrider_irq_disable();
    sync_hart_state *s = &sync_hs[outrider_mhartid()];
    int was = t->pending != 0;
    if (was) {
        list_remove(s, t);
        t->pending = 0;
        t->gen++;                       /* a periodic callback in progress */
        program_timer(s);
    }
    outrider_irq_restore(f);
    return was;
}

uint64_t timer_expiry(const sync_timer_t *t)
{
    return t->expiry;
}

/* ---- events ---- */
void event_init(event_t *e)
{
    e->waiters = 0;
    __atomic_store_n(&e->signaled, 0, __ATOMIC_SEQ_CST);
}

void event_reset(event_t *e)
{
    __atomic_store_n(&e->signaled, 0, __ATOMIC_SEQ_CST);
}

int event_is_set(const event_t *e)
{
    return __atomic_load_n(&e->signaled, __ATOMIC_ACQUIRE) != 0;
}

void event_set(event_t *e)
{
    /* signaled before waiters is read; a waiter publishes itself before it
     * reads signaled: one of the two sees the other */
    (void)__atomic_exchange_n(&e->signaled, 1, __ATOMIC_SEQ_CST);
    uint32_t w = __atomic_load_n(&e->waiters, __ATOMIC_SEQ_CST);
    unsigned me = outrider_mhartid();
    for (unsigned h = 0; h < OUTRIDER_NUM_CTX; h++)
        if ((w & (1u << h)) != 0 && h != me)
            outrider_msip_set(h);
}

int event_wait(event_t *e, uint64_t timeout_cycles)
{
    if (event_is_set(e))
        return 1;
    if (timeout_cycles == 0)
        return 0;
    sync_irq_init();
    uint32_t f = outrider_irq_disable();
    unsigned h = outrider_mhartid();
    sync_hart_state *s = &sync_hs[h];
    uint32_t bit = 1u << h;
    uint64_t now = outrider_time();
    uint64_t deadline = timeout_cycles > NEVER - now ? NEVER : now + timeout_cycles;
    int r;

    (void)__atomic_fetch_or(&e->waiters, bit, __ATOMIC_SEQ_CST);
    for (;;) {
        if (__atomic_load_n(&e->signaled, __ATOMIC_SEQ_CST) != 0) {
            r = 1;
            break;
        }
        if (outrider_time() >= deadline) {
            r = 0;
            break;
        }
        if (s->wake_at != deadline) {
            s->wake_at = deadline;
            program_timer(s);
        }
        /* with MIE off, wfi resumes when (mip & mie) != 0 without taking
         * the interrupt; the window below takes it (clears msip, runs
         * expired timers, reprograms mtimecmp) */
        outrider_wfi();
        outrider_irq_enable();
        (void)outrider_irq_disable();
    }
    (void)__atomic_fetch_and(&e->waiters, ~bit, __ATOMIC_SEQ_CST);
    if (s->wake_at != NEVER) {
        s->wake_at = NEVER;
        program_timer(s);
    }
    outrider_irq_restore(f);
    if (r)
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return r;
}
