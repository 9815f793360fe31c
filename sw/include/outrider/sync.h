// SPDX-License-Identifier: Apache-2.0
/*
 * outrider/sync.h - synchronisation between the two harts of one Outrider
 * core: hart start/join, spin locks (test-and-test-and-set, ticket, queued
 * MCS), an interrupt-safe lock, events and timers, and a debug lock-order
 * checker. The chapter docs/sync.md explains the semantics and gives the
 * measured costs.
 *
 * Contract (summary; details at each declaration):
 * - Machine mode, OUTRIDER_NUM_CTX harts. Every function may be called on
 *   any hart. Lock and event objects live in ordinary (cacheable) RAM and
 *   must be initialised with their _init function (or be zero: a zeroed
 *   spinlock_t/ticketlock_t/mcslock_t/event_t is a valid initialised one).
 * - Locks are not recursive; unlocking a lock the caller does not hold is
 *   undefined. _trylock never waits: it returns 1 (acquired) or 0.
 *   Acquire/release ordering: everything written before an _unlock is
 *   visible to the next holder after its _lock/_trylock.
 * - Events and timers use the calling hart's machine timer and software
 *   interrupts. The first event_wait/timer_start on a hart installs the
 *   library's trap vector (sync_trap_vector) on that hart and enables
 *   mie.MTIE|MSIE; exceptions and other interrupts still go to the
 *   runtime's default handler (report and exit 99). A program with its own
 *   trap vector calls sync_irq_dispatch(mcause) from it for those two
 *   interrupts instead, after calling sync_irq_init() on that hart.
 * - Timer callbacks run in interrupt context on the hart that started the
 *   timer, with interrupts disabled: they may use spin_lock_irqsave locks,
 *   event_set, timer_start/cancel on that hart; they must not wait.
 * - Not re-entrant from interrupt handlers: hart_start/join, event_wait,
 *   the plain _lock functions on a lock that the interrupted code may hold
 *   (use spin_lock_irqsave for such data).
 */
#ifndef OUTRIDER_SYNC_H
#define OUTRIDER_SYNC_H

#include <stdint.h>

#include <outrider/outrider.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Harts --------------------------------------------------------------
 * hart_start runs fn(arg) on the free context as a full hart with its own
 * stack (__ram_end - mhartid * __stack_size) and freshly initialised TLS
 * block (outrider/hart.h has the low-level form). Returns non-zero (the
 * context id) on success, 0 if no context is free (a hart started earlier
 * still running, or a p-thread using the context). If the previously
 * started hart has returned but its context is not yet back in the free
 * pool (a few cycles), hart_start waits for it.
 * hart_join waits, with `pause`, until the most recently started hart's
 * fn has returned (acquire: all its writes are visible); it returns at once
 * if none was started. The context goes back to the free pool when fn
 * returns. Call both from one hart (normally hart 0). */
int  hart_start(void (*fn)(void *), void *arg);
void hart_join(void);

/* ---- Spin locks ---------------------------------------------------------
 * spinlock_t: test-and-test-and-set. The waiter reads the lock word (a
 * cache hit while it stays locked) and executes `pause` between reads,
 * with bounded exponential back-off: bursts of 1, 2, 4, ... SPIN_BACKOFF_MAX
 * (a power of two, at most 8) back-to-back pauses between reads, so a
 * waiting hart leaves almost all issue slots to the holder. Not fair (the
 * releasing hart may re-acquire first). */
#define SPIN_BACKOFF_MAX 8

typedef struct {
    volatile uint32_t locked;        /* 0 free, 1 held */
} spinlock_t;

#define SPINLOCK_INIT { 0 }
void spin_init(spinlock_t *l);
void spin_lock(spinlock_t *l);
int  spin_trylock(spinlock_t *l);
void spin_unlock(spinlock_t *l);

/* Interrupt-safe variant: masks machine interrupts (mstatus.MIE) on the
 * calling hart, then takes the lock; spin_unlock_irqrestore releases it
 * and restores the previous MIE state. Use it for data shared with an
 * interrupt handler (timer callbacks): the handler takes the same lock with
 * spin_lock_irqsave (or plain spin_lock: MIE is already off in a handler). */
typedef uint32_t irqsave_t;
irqsave_t spin_lock_irqsave(spinlock_t *l);
int       spin_trylock_irqsave(spinlock_t *l, irqsave_t *flags);
void      spin_unlock_irqrestore(spinlock_t *l, irqsave_t flags);

/* ticketlock_t: FIFO. _lock takes a ticket (amoadd) and waits, with
 * `pause`, until `owner` reaches it; harts are served in the order they
 * took their tickets. _trylock takes a ticket only if the lock is free. */
typedef struct {
    volatile uint32_t next;          /* next ticket to hand out */
    volatile uint32_t owner;         /* ticket being served */
} ticketlock_t;

#define TICKETLOCK_INIT { 0, 0 }
void ticket_init(ticketlock_t *l);
void ticket_lock(ticketlock_t *l);
int  ticket_trylock(ticketlock_t *l);
void ticket_unlock(ticketlock_t *l);

/* mcslock_t: queued (Mellor-Crummey/Scott), FIFO. Each waiter spins, with
 * `pause`, on its own queue node, provided by the caller (on its stack, as
 * the seed's in-stack queued spin locks). The node passed to _unlock must
 * be the one passed to the matching _lock/_trylock and must stay alive and
 * untouched until _unlock returns. */
typedef struct mcs_node {
    struct mcs_node *volatile next;
    volatile uint32_t locked;
} mcs_node_t;

typedef struct {
    mcs_node_t *volatile tail;       /* NULL: free */
} mcslock_t;

#define MCSLOCK_INIT { 0 }
void mcs_init(mcslock_t *l);
void mcs_lock(mcslock_t *l, mcs_node_t *node);
int  mcs_trylock(mcslock_t *l, mcs_node_t *node);
void mcs_unlock(mcslock_t *l, mcs_node_t *node);

/* ---- Events -------------------------------------------------------------
 * A notification (manual-reset) event: event_set makes it signalled and
 * wakes every hart waiting on it; it stays signalled until event_reset.
 * event_wait returns 1 at once if the event is signalled; otherwise the
 * hart sleeps in `wfi` (no issue slots used) until event_set on the other
 * hart sends it a software interrupt (CLINT msip), a timer callback on its
 * own hart sets the event, or timeout_cycles (mtime ticks = core cycles)
 * have passed: then it returns 0. EVENT_WAIT_FOREVER: no timeout; 0: poll.
 * event_wait enables interrupts on the calling hart while it sleeps (its
 * timers keep running), and restores mstatus.MIE before returning. It must
 * not be called from an interrupt handler. event_set/event_reset may be. */
#define EVENT_WAIT_FOREVER UINT64_MAX

typedef struct {
    volatile uint32_t signaled;      /* 0 / 1 */
    volatile uint32_t waiters;       /* bit h: hart h is in event_wait */
} event_t;

#define EVENT_INIT { 0, 0 }
void event_init(event_t *e);
void event_set(event_t *e);
void event_reset(event_t *e);
int  event_is_set(const event_t *e);
int  event_wait(event_t *e, uint64_t timeout_cycles);

/* ---- Timers -------------------------------------------------------------
 * Software timers of the calling hart, multiplexed on its mtimecmp: any
 * number per hart, kept in a list sorted by expiry. A one-shot timer fires
 * once, delay_cycles after the start; a periodic one first fires
 * period_cycles after the start, then every period_cycles (fixed rate:
 * expiry k is start + k * period however late callback k-1 ran; an expiry
 * that is already past when the previous callback returns fires at once).
 * cb(arg) runs in the timer interrupt handler of that hart (see above).
 * Starting a timer that is pending restarts it. timer_cancel stops a
 * pending timer (also from its own callback) and returns 1, or 0 if it was
 * not pending. A timer_t must be started and cancelled on one hart and
 * stay alive while pending. timer_expiry() is the mtime value the current
 * (or next) expiry is scheduled for: inside a callback, that of the expiry
 * being served, so the callback can measure its own latency. */
typedef struct sync_timer {
    struct sync_timer *next;
    uint64_t expiry;                 /* mtime of the next expiry */
    uint64_t period;                 /* 0: one-shot */
    void (*cb)(void *);
    void *arg;
    uint32_t pending;
    uint32_t hart;
    uint32_t gen;                    /* bumped by start/cancel */
} sync_timer_t;

/* `timer_t` is the short name. It is a macro because <time.h> and
 * <sys/types.h> declare a POSIX timer_t: include those BEFORE this header,
 * or define SYNC_NO_TIMER_T to use only sync_timer_t. */
#ifndef SYNC_NO_TIMER_T
#define timer_t sync_timer_t
#endif

void timer_start_oneshot(sync_timer_t *t, uint64_t delay_cycles, void (*cb)(void *), void *arg);
void timer_start_periodic(sync_timer_t *t, uint64_t period_cycles, void (*cb)(void *), void *arg);
int  timer_cancel(sync_timer_t *t);
uint64_t timer_expiry(const sync_timer_t *t);

/* ---- Interrupt plumbing (normally automatic) ----------------------------
 * sync_irq_init: install sync_trap_vector on the calling hart (if mtvec is
 * the runtime's default vector), clear its msip, disarm its mtimecmp, set
 * mie.MTIE|MSIE (mstatus.MIE is not changed). Idempotent per hart.
 * sync_irq_dispatch: handle machine timer/software interrupt `mcause` on
 * the calling hart (for programs with their own vector); returns 1 if it
 * was one of those two, 0 otherwise. */
void sync_irq_init(void);
int  sync_irq_dispatch(uint32_t mcause);
void sync_trap_vector(void);

/* ---- Lock-order checker (debug) -----------------------------------------
 * Off by default (a lock operation then costs one extra load). When on,
 * every lock operation (all three kinds, irqsave included) records, per
 * hart, which locks are held; taking lock B while holding lock A records
 * the order A -> B. When a hart takes B while holding A after the order
 * B -> A has been recorded (on any hart, at any earlier time, even if no
 * deadlock happened), the checker prints once per pair:
 *   sync: lock order inversion: hart 1 takes B(0x80001238) while holding
 *   A(0x80001230); the order B -> A was seen before
 * (one line; names from sync_lockdep_name, or "lock"). Successful trylocks
 * count as held but do not check the order (they cannot deadlock).
 * Capacity: SYNC_LOCKDEP_HELD locks held per hart, SYNC_LOCKDEP_PAIRS
 * distinct ordered pairs (more are counted in overflow, not checked).
 * sync_lockdep_reports() is the number of inversions reported so far. */
#define SYNC_LOCKDEP_HELD  8
#define SYNC_LOCKDEP_PAIRS 64

void     sync_lockdep_enable(int on);
void     sync_lockdep_name(const void *lock, const char *name);
uint32_t sync_lockdep_reports(void);
uint32_t sync_lockdep_overflow(void);

#ifdef __cplusplus
}
#endif
#endif /* OUTRIDER_SYNC_H */
