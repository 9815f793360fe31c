// SPDX-License-Identifier: Apache-2.0
/*
 * test_sync.c - the synchronisation library (sw/include/outrider/sync.h,
 * docs/sync.md) on the two harts of the core, programs
 * tests/programs/sync_*.c:
 *  - hart_start/hart_join: refusal while running, own stack and TLS,
 *    restart after join;
 *  - stress: both harts increment shared counters (non-atomic
 *    read-modify-write) under spinlock_t, ticketlock_t, mcslock_t,
 *    SYNC_STRESS_ITERS acquisitions per kind (default 10^4, `make
 *    verify-sync` 10^5): counters exact, every grant logged once;
 *  - FIFO: under continuous contention the ticket and MCS locks alternate
 *    strictly between the harts (recorded grant sequence);
 *  - trylock: never waits on a held lock (cycle bound), succeeds when free,
 *    and trylock-retry loops keep the counters exact;
 *  - spin_lock_irqsave: periodic timer callbacks on both harts and both
 *    main loops share the counters: exact;
 *  - events: wake-up by the other hart's event_set (msip), timeout, wake-up
 *    from a timer callback, already-set/poll/reset, within cycle windows;
 *    the waiter sleeps (wfi) instead of spinning;
 *  - timers: one-shot, periodic (fixed rate), cancel, restart from the
 *    callback, on both harts: the number of firings and their cycles;
 *  - lock-order checker: one report for an inverted pair, silence for a
 *    consistent program;
 *  - the examples sw/examples/prodcons.c (sum, the producer slept) and
 *    heartbeat.c (5 beats exactly one period apart, latency bound).
 * Expected values are computed here from the inputs written into the
 * programs; the cycle windows are bounds documented in docs/sync.md
 * (SYNC_IRQ_LATENCY_MAX), not values copied from a run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tprog.h"

#define SENTINEL 0xA5A5A5A5u
/* Longest time, in cycles, from a timer expiry (mtime >= expiry) or an
 * event_set to the callback's first mtime read / event_wait's return, at
 * the default memory latency (docs/sync.md "Interrupt latency"). */
#define SYNC_IRQ_LATENCY_BOUND 1500u
/* A _trylock on a held lock returns within this many cycles. */
#define SYNC_TRYLOCK_MAX 400u
/* From the mtime read before timer_start to its own mtime read (the start
 * of the delay): the first call on a hart also sets up its interrupts. */
#define TIMER_START_BOUND 1000u
/* The bounds above hold up to the default memory latency; the paths are a
 * handful of cache misses, so at a longer latency (OUTRIDER_MEM_LATENCY,
 * `make dcache-latencies`) they grow in proportion. */
static uint32_t latency_scaled(uint32_t bound)
{
    uint32_t lat = tprog_config().mem_latency;
    return lat <= OUTRIDER_DEFAULT_LATENCY ? bound
                                           : (uint32_t)((uint64_t)bound * lat / OUTRIDER_DEFAULT_LATENCY);
}
#define SYNC_IRQ_LATENCY_MAX latency_scaled(SYNC_IRQ_LATENCY_BOUND)
#define TIMER_START_MAX      latency_scaled(TIMER_START_BOUND)
#define STRESS_DEFAULT 10000u
#define LOG_MAX 262144u

static uint32_t stress_iters(void)
{
    const char *s = getenv("SYNC_STRESS_ITERS");
    if (s != NULL && *s != '\0') {
        char *end;
        unsigned long v = strtoul(s, &end, 10);
        if (*end == '\0' && v >= 2 && v <= LOG_MAX)
            return (uint32_t)v;
        fail_msg("SYNC_STRESS_ITERS=%s: want a number of acquisitions in 2..%u", s, LOG_MAX);
    }
    return STRESS_DEFAULT;
}

static outrider_config sync_config(uint64_t max_cycles)
{
    outrider_config cfg = tprog_config();
    cfg.max_cycles = max_cycles;
    return cfg;
}

/* ---- hart_start / hart_join ------------------------------------------------ */
static void test_hart_start_join(void **state)
{
    uint32_t r[9];
    outrider_sim *sim = tprog_load(state, "test_sync_hart", NULL);
    tprog_fill(sim, "results", 9, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 9);
    uint32_t value = 7 * 3;                 /* round 0: tls 7, k 0 */
    for (uint32_t k = 1; k <= 5; k++)
        value += (7 + k) * 3 + k;           /* fresh TLS block every start */
    unsigned fails = 0;
    tprog_check("first hart_start", 0, r[0], 1, &fails);
    tprog_check("hart_start while the hart runs", 1, r[1], 0, &fails);
    tprog_check("mhartid in fn", 2, r[2], 1, &fails);
    tprog_check("thread-local at fn entry (initial value)", 3, r[3], 7, &fails);
    if (r[4] < 65536 - 1024 || r[4] > 65536 + 1024) {
        print_message("  fn's stack is %u bytes below hart 0's (want ~64 KiB)\n", r[4]);
        fails++;
    }
    tprog_check("value computed over all rounds", 5, r[5], value, &fails);
    tprog_check("restarts right after hart_join", 6, r[6], 5, &fails);
    tprog_check("hart 0's thread-local untouched", 7, r[7], 100, &fails);
    tprog_check("hart_start(NULL)", 8, r[8], 0, &fails);
    tprog_checks_done("hart_start/hart_join", fails);
}

/* ---- lock stress ------------------------------------------------------------ */
enum { KIND_SPIN, KIND_TICKET, KIND_MCS, KIND_IRQSAVE, KIND_TRY, KIND_HELD };
static const char *const kind_name[] = {"spinlock_t", "ticketlock_t", "mcslock_t",
                                        "spin_lock_irqsave", "trylock loops", "held"};

typedef struct {
    uint32_t r[10];
    uint64_t cycles;
} lock_run;

static void run_locks(void **state, uint32_t kind, uint32_t niter, uint32_t cs, uint32_t ncs,
                      uint32_t period, lock_run *out, uint8_t **log, uint32_t *nlog)
{
    uint32_t params[5] = {kind, niter, cs, ncs, period};
    outrider_config cfg = sync_config(0);
    outrider_sim *sim = tprog_load(state, "test_sync_locks", &cfg);
    tprog_write(sim, "params", 0, params, 5);
    tprog_fill(sim, "results", 10, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, out->r, 10);
    out->cycles = outrider_sim_cycles(sim);
    if (log != NULL) {
        uint32_t n = out->r[1] < LOG_MAX ? out->r[1] : LOG_MAX;
        *log = malloc(n + 1);
        assert_non_null(*log);
        assert_int_equal(outrider_sim_read_mem(sim, tprog_sym(sim, "grant_log"), *log, n), 0);
        *nlog = n;
    }
}

/* Longest run of consecutive grants to one hart, and the number of
 * same-hart repeats in the window where both harts still had work: from
 * the first grant to the hart that started second up to the point where
 * either hart has had all its niter grants. */
static void grant_pattern(const uint8_t *log, uint32_t n, uint32_t niter, uint32_t *longest,
                          uint32_t *repeats, uint32_t *window)
{
    uint32_t cnt[3] = {0, 0, 0}, run = 0, first_both = n, end = n;
    *longest = 0;
    *repeats = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t h = log[i] <= 2 ? log[i] : 0;
        cnt[h]++;
        run = (i > 0 && log[i] == log[i - 1]) ? run + 1 : 1;
        if (run > *longest)
            *longest = run;
        if (first_both == n && cnt[1] > 0 && cnt[2] > 0)
            first_both = i;
        if (end == n && (cnt[1] == niter || cnt[2] == niter))
            end = i;
    }
    for (uint32_t i = first_both + 1; i <= end && i < n; i++)
        *repeats += log[i] == log[i - 1];
    *window = end > first_both ? end - first_both : 0;
}

static void stress(void **state, uint32_t kind, int fifo)
{
    uint32_t total = stress_iters(), niter = total / 2;
    lock_run lr;
    uint8_t *log = NULL;
    uint32_t nlog = 0;
    run_locks(state, kind, niter, 10, 2, 0, &lr, &log, &nlog);
    const uint32_t *r = lr.r;
    unsigned fails = 0;
    tprog_check("hart_start", 0, r[0], 1, &fails);
    tprog_check("cnt_a", 1, r[1], 2 * niter, &fails);
    tprog_check("cnt_b", 2, r[2], 2 * niter, &fails);
    tprog_check("acquisitions hart 0", 3, r[3], niter, &fails);
    tprog_check("acquisitions hart 1", 4, r[4], niter, &fails);
    uint32_t per[3] = {0, 0, 0};
    for (uint32_t i = 0; i < nlog; i++)
        per[log[i] <= 2 ? log[i] : 0]++;
    tprog_check("log: grants to hart 0", 0, per[1], niter, &fails);
    tprog_check("log: grants to hart 1", 1, per[2], niter, &fails);
    tprog_check("log: bad entries", 2, per[0], 0, &fails);
    uint32_t longest, repeats, window;
    grant_pattern(log, nlog, niter, &longest, &repeats, &window);
    print_message("  %s: %u acquisitions in %llu cycles (%.1f cycles each), longest run of "
                  "one hart %u, same-hart repeats under contention %u of %u\n",
                  kind_name[kind], 2 * niter, (unsigned long long)lr.cycles,
                  (double)lr.cycles / (2.0 * niter), longest, repeats, window);
    if (fifo) {
        /* FIFO + a critical section longer than the path from unlock to
         * the next request: the other hart is always queued at a release */
        tprog_check("FIFO: same-hart repeats while both contend", 0, repeats, 0, &fails);
        if (window < niter) {
            print_message("  contention window %u grants, want >= %u\n", window, niter);
            fails++;
        }
    }
    free(log);
    tprog_checks_done(kind_name[kind], fails);
}

static void test_spinlock_stress(void **state) { stress(state, KIND_SPIN, 0); }
static void test_ticketlock_stress_fifo(void **state) { stress(state, KIND_TICKET, 1); }
static void test_mcslock_stress_fifo(void **state) { stress(state, KIND_MCS, 1); }

static void test_trylock(void **state)
{
    /* held by the other hart: every call fails, fast */
    uint32_t t[10];
    outrider_sim *sim = tprog_load(state, "test_sync_locks", NULL);
    tprog_set_word(sim, "params", 0, KIND_HELD);
    tprog_fill(sim, "try_res", 10, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "try_res", 0, t, 10);
    unsigned fails = 0;
    for (unsigned k = 0; k < 3; k++) {
        char what[64];
        snprintf(what, sizeof(what), "%s: failed trylocks on a held lock", kind_name[k]);
        tprog_check(what, k, t[k], 8, &fails);
        snprintf(what, sizeof(what), "%s: trylock after release", kind_name[k]);
        tprog_check(what, 6 + k, t[6 + k], 1, &fails);
        print_message("  %s: longest failing trylock %u cycles\n", kind_name[k], t[3 + k]);
        if (t[3 + k] > SYNC_TRYLOCK_MAX) {
            print_message("  %s: a failing trylock took %u cycles (> %u)\n", kind_name[k],
                          t[3 + k], SYNC_TRYLOCK_MAX);
            fails++;
        }
    }
    tprog_check("locks held by hart 1 the whole time", 9, t[9], 1, &fails);
    tprog_checks_done("trylock on a held lock", fails);

    /* trylock-retry loops on both harts, all three kinds */
    uint32_t niter = stress_iters() / 20;
    lock_run lr;
    run_locks(state, KIND_TRY, niter, 10, 2, 0, &lr, NULL, NULL);
    fails = 0;
    tprog_check("cnt_a", 1, lr.r[1], 6 * niter, &fails);
    tprog_check("cnt_b", 2, lr.r[2], 6 * niter, &fails);
    tprog_check("rounds hart 0", 3, lr.r[3], niter, &fails);
    tprog_check("rounds hart 1", 4, lr.r[4], niter, &fails);
    print_message("  trylock loops: %u acquisitions, failed trylocks %u (hart 0) %u (hart 1)\n",
                  6 * niter, lr.r[7], lr.r[8]);
    if (lr.r[7] + lr.r[8] == 0) {
        print_message("  no trylock ever failed: the harts did not contend\n");
        fails++;
    }
    tprog_checks_done("trylock loops", fails);
}

static void test_irqsave_vs_handler(void **state)
{
    uint32_t niter = stress_iters() / 4;
    lock_run lr;
    run_locks(state, KIND_IRQSAVE, niter, 10, 2, 700, &lr, NULL, NULL);
    const uint32_t *r = lr.r;
    unsigned fails = 0;
    uint32_t cb = r[5] + r[6];
    print_message("  %u main-loop acquisitions, %u + %u timer callbacks, %llu cycles\n",
                  2 * niter, r[5], r[6], (unsigned long long)lr.cycles);
    tprog_check("cnt_a", 1, r[1], 2 * niter + cb, &fails);
    tprog_check("cnt_b", 2, r[2], 2 * niter + cb, &fails);
    tprog_check("acquisitions hart 0", 3, r[3], niter, &fails);
    tprog_check("acquisitions hart 1", 4, r[4], niter, &fails);
    /* the timers ran through the whole contended phase */
    uint32_t expect_min = (uint32_t)(lr.cycles / 700 / 4);
    if (r[5] < expect_min || r[6] < expect_min) {
        print_message("  callbacks %u/%u, want >= %u each\n", r[5], r[6], expect_min);
        fails++;
    }
    tprog_checks_done("irqsave vs timer handler", fails);
}

/* ---- events ---------------------------------------------------------------- */
static void test_events(void **state)
{
    const uint32_t set_delay = 3000, timeout = 4000, oneshot = 2500;
    uint32_t p[3] = {set_delay, timeout, oneshot}, res[52];
    outrider_sim *sim = tprog_load(state, "test_sync_events", NULL);
    tprog_write(sim, "params", 0, p, 3);
    tprog_fill(sim, "res", 52, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "res", 0, res, 52);
    unsigned fails = 0;
    tprog_check("hart_start", 51, res[51], 1, &fails);

    /* 1: woken by hart 0's event_set */
    const uint32_t *s1 = &res[8];
    uint32_t lat1 = s1[2] - s1[3], slept1 = s1[2] - s1[1];
    print_message("  wake by event_set: latency %u cycles, slept %u cycles (%u in wfi/pause), "
                  "%u instructions\n", lat1, slept1, s1[5], s1[4]);
    tprog_check("1: event_wait result", 0, s1[0], 1, &fails);
    if ((int32_t)lat1 < 0 || lat1 > SYNC_IRQ_LATENCY_MAX) {
        print_message("  1: wake-up %d cycles after event_set\n", (int32_t)lat1);
        fails++;
    }
    if (slept1 < set_delay) {
        print_message("  1: returned %u cycles after the call, before the set\n", slept1);
        fails++;
    }
    /* it slept: wfi cycles cover nearly all of the wait, few instructions */
    if (s1[5] + SYNC_IRQ_LATENCY_MAX < slept1 || s1[4] > 400) {
        print_message("  1: %u of %u cycles in wfi, %u instructions: the waiter spun\n", s1[5],
                      slept1, s1[4]);
        fails++;
    }

    /* 2: timeout */
    const uint32_t *s2 = &res[16];
    uint32_t el2 = s2[2] - s2[1];
    print_message("  timeout %u: returned after %u cycles (%u in wfi)\n", timeout, el2, s2[5]);
    tprog_check("2: event_wait result (timeout)", 0, s2[0], 0, &fails);
    if (el2 < timeout || el2 > timeout + SYNC_IRQ_LATENCY_MAX) {
        print_message("  2: timed out after %u cycles, want [%u, %u]\n", el2, timeout,
                      timeout + SYNC_IRQ_LATENCY_MAX);
        fails++;
    }
    if (s2[5] + SYNC_IRQ_LATENCY_MAX < timeout) {
        print_message("  2: only %u cycles in wfi\n", s2[5]);
        fails++;
    }

    /* 3: long timeout, set before it */
    const uint32_t *s3 = &res[24];
    uint32_t lat3 = s3[2] - s3[3];
    tprog_check("3: event_wait result (set before the timeout)", 0, s3[0], 1, &fails);
    if ((int32_t)lat3 < 0 || lat3 > SYNC_IRQ_LATENCY_MAX) {
        print_message("  3: wake-up %d cycles after event_set\n", (int32_t)lat3);
        fails++;
    }

    /* 4: hart 0 woken by its own timer callback */
    const uint32_t *s4 = &res[32];
    uint32_t cb_lat = s4[3] - s4[6], lat4 = s4[2] - s4[3];
    print_message("  set from a timer callback: callback %u cycles after expiry, wait returned "
                  "%u cycles later\n", cb_lat, lat4);
    tprog_check("4: event_wait result", 0, s4[0], 1, &fails);
    if (s4[6] - s4[1] > oneshot || (int32_t)cb_lat < 0 || cb_lat > SYNC_IRQ_LATENCY_MAX ||
        (int32_t)lat4 < 0 || lat4 > SYNC_IRQ_LATENCY_MAX) {
        print_message("  4: expiry %u after the wait began, callback latency %d, return %d\n",
                      s4[6] - s4[1], (int32_t)cb_lat, (int32_t)lat4);
        fails++;
    }

    /* 5: already set, poll, reset */
    tprog_check("5: wait on a set event", 48, res[48], 1, &fails);
    tprog_check("5: poll of a reset event", 49, res[49], 0, &fails);
    tprog_check("5: wait after event_reset (times out)", 50, res[50], 0, &fails);
    uint32_t el5 = res[42] - res[41];
    if (el5 < timeout / 4 || el5 > timeout / 4 + SYNC_IRQ_LATENCY_MAX) {
        print_message("  5: timed out after %u cycles, want >= %u\n", el5, timeout / 4);
        fails++;
    }
    tprog_checks_done("events", fails);
}

/* ---- timers ---------------------------------------------------------------- */
static void test_timers(void **state)
{
    const uint32_t P0 = 1500, N0 = 8, D1 = 2600, DC = 5000, P1 = 2200, N1 = 5, DA = 4100;
    uint32_t p[7] = {P0, N0, D1, DC, P1, N1, DA}, res[9];
    outrider_sim *sim = tprog_load(state, "test_sync_timers", NULL);
    tprog_write(sim, "params", 0, p, 7);
    tprog_fill(sim, "res", 9, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "res", 0, res, 9);
    unsigned fails = 0;
    tprog_check("hart_start", 0, res[0], 1, &fails);
    tprog_check("callbacks recorded", 5, res[5], N0 + 1 + N1 + 2, &fails);
    tprog_check("cancel of a pending one-shot", 6, res[6], 1, &fails);
    tprog_check("second cancel", 7, res[7], 0, &fails);
    tprog_check("hart 1 event_wait", 8, res[8], 1, &fails);
    if (res[5] > 64)
        res[5] = 64;
    uint32_t *f = calloc(4 * res[5] + 1, sizeof(uint32_t));
    assert_non_null(f);
    tprog_read(sim, "fire", 0, f, 4 * res[5]);

    /* the program's own computation (hart 0, interrupted by its timers) */
    uint32_t x = 1;
    for (uint32_t n = 0; n < res[2]; n++)
        x = (x * 1103515245u + 12345u) ^ n;
    tprog_check("LCG result on the interrupted hart", 1, res[1], x, &fails);

    uint32_t starts[6];
    tprog_read(sim, "starts", 0, starts, 6);
    uint32_t count[6] = {0}, last_exp[6] = {0}, max_lat = 0, prev_entry = 0;
    for (uint32_t i = 0; i < res[5]; i++) {
        uint32_t id = f[4 * i], entry = f[4 * i + 1], exp = f[4 * i + 2], hart = f[4 * i + 3];
        if (id < 1 || id > 5) {
            print_message("  firing %u: bad timer id %u\n", i, id);
            fails++;
            continue;
        }
        uint32_t lat = entry - exp;
        if ((int32_t)lat < 0 || lat > SYNC_IRQ_LATENCY_MAX) {
            print_message("  firing %u (timer %u): entry %u, expiry %u: latency %d\n", i, id,
                          entry, exp, (int32_t)lat);
            fails++;
        }
        if ((int32_t)lat > (int32_t)max_lat)
            max_lat = lat;
        if (hart != ((id == 4) ? 1u : 0u)) {
            print_message("  timer %u fired on hart %u\n", id, hart);
            fails++;
        }
        uint32_t start = starts[id];
        uint32_t want_first = id == 1 ? P0 : id == 2 ? D1 : id == 4 ? P1 : DA;
        if (count[id] == 0) {
            /* first expiry: start + delay, start read just before timer_start */
            if (exp - start < want_first || exp - start > want_first + TIMER_START_MAX) {
                print_message("  timer %u: first expiry %u cycles after the start, want %u\n",
                              id, exp - start, want_first);
                fails++;
            }
        } else if (id == 1 || id == 4) {
            uint32_t period = id == 1 ? P0 : P1;
            tprog_check("periodic: expiry - previous expiry", i, exp - last_exp[id], period,
                        &fails);
        } else if (id == 5) {
            /* restarted from its own callback: DA after that callback ran */
            if (exp - last_exp[id] < DA || exp - last_exp[id] > DA + SYNC_IRQ_LATENCY_MAX + TIMER_START_MAX) {
                print_message("  restarted one-shot: %u cycles after the first expiry\n",
                              exp - last_exp[id]);
                fails++;
            }
        }
        if (i > 0 && (int32_t)(entry - prev_entry) < 0) {
            print_message("  firing %u recorded before firing %u\n", i, i - 1);
            fails++;
        }
        prev_entry = entry;
        count[id]++;
        last_exp[id] = exp;
    }
    tprog_check("periodic timer hart 0: firings", 1, count[1], N0, &fails);
    tprog_check("one-shot: firings", 2, count[2], 1, &fails);
    tprog_check("cancelled one-shot: firings", 3, count[3], 0, &fails);
    tprog_check("periodic timer hart 1: firings", 4, count[4], N1, &fails);
    tprog_check("restarting one-shot: firings", 5, count[5], 2, &fails);
    print_message("  %u firings, longest latency (expiry to callback) %u cycles\n", res[5],
                  max_lat);
    free(f);
    tprog_checks_done("timers", fails);
}

/* ---- lock-order checker ---------------------------------------------------- */
static void run_lockdep(void **state, uint32_t inverted)
{
    uint32_t r[4];
    outrider_sim *sim = tprog_load(state, "test_sync_lockdep", NULL);
    tprog_set_word(sim, "params", 0, inverted);
    tprog_fill(sim, "results", 4, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 4);
    size_t len = 0;
    const char *con = outrider_sim_console(sim, &len);
    char expect[256] = "";
    if (inverted)
        snprintf(expect, sizeof(expect),
                 "sync: lock order inversion: hart 1 takes A(0x%08x) while holding B(0x%08x); "
                 "the order A(0x%08x) -> B(0x%08x) was seen before\n",
                 tprog_sym(sim, "lock_a"), tprog_sym(sim, "lock_b"), tprog_sym(sim, "lock_a"),
                 tprog_sym(sim, "lock_b"));
    if (len != strlen(expect) || memcmp(con, expect, len) != 0) {
        print_message("console (%zu bytes):\n%s\n--- expected:\n%s\n", len, con, expect);
        fail_msg("lock-order checker output differs");
    }
    unsigned fails = 0;
    tprog_check("hart_start", 0, r[0], 1, &fails);
    tprog_check("reports", 1, r[1], inverted ? 1 : 0, &fails);
    tprog_check("overflow", 2, r[2], 0, &fails);
    tprog_check("counter", 3, r[3], inverted ? 3 : 100, &fails);
    tprog_checks_done("lockdep", fails);
}

static void test_lockdep_inverted(void **state) { run_lockdep(state, 1); }

/* ---- the examples (sw/examples/prodcons.c, heartbeat.c) -------------------- */
static void test_example_prodcons(void **state)
{
    /* N_ITEMS = 200 items i * i, i = 1..200 */
    uint32_t sum = 0;
    for (uint32_t i = 1; i <= 200; i++)
        sum += i * i;
    outrider_sim *sim = tprog_load(state, "prodcons", NULL);
    tprog_run_ok(sim);
    size_t len = 0;
    const char *con = outrider_sim_console(sim, &len);
    char head[128];
    snprintf(head, sizeof(head), "prodcons: 200 items, sum %u (expected %u), producer slept ",
             sum, sum);
    if (len < strlen(head) || strncmp(con, head, strlen(head)) != 0)
        fail_msg("prodcons printed: %s", con);
    unsigned pw = 0, cw = 0;
    if (sscanf(con + strlen(head), "%u times, consumer %u times", &pw, &cw) != 2)
        fail_msg("prodcons printed: %s", con);
    print_message("  producer slept %u times, consumer %u times\n", pw, cw);
    /* the slow-consumer half fills the ring: the producer must have slept */
    assert_true(pw > 0);
}

static void test_example_heartbeat(void **state)
{
    outrider_sim *sim = tprog_load(state, "heartbeat", NULL);
    tprog_run_ok(sim);
    const char *con = outrider_sim_console(sim, NULL);
    /* 5 beats, expiries exactly 20000 cycles apart, each late by at most
     * the latency bound */
    const char *p = con;
    unsigned prev = 0;
    for (unsigned b = 1; b <= 5; b++) {
        unsigned n, when, late;
        int used = 0;
        if (sscanf(p, "beat %u at mtime %u (callback %u cycles after expiry)\n%n", &n, &when,
                   &late, &used) != 3 || used == 0 || n != b)
            fail_msg("heartbeat beat %u: console: %s", b, con);
        if (b > 1)
            assert_int_equal(when - prev, 20000);
        assert_true(late <= SYNC_IRQ_LATENCY_MAX);
        prev = when;
        p += used;
    }
    if (strcmp(p, "heartbeat: 5 beats, period 20000 cycles\n") != 0)
        fail_msg("heartbeat: last line: %s", p);
}
static void test_lockdep_consistent(void **state) { run_lockdep(state, 0); }

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hart_start_join, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_spinlock_stress, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_ticketlock_stress_fifo, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_mcslock_stress_fifo, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_trylock, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_irqsave_vs_handler, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_events, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_timers, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_lockdep_inverted, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_lockdep_consistent, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_example_prodcons, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_example_heartbeat, tprog_setup, tprog_teardown),
    };
    return cmocka_run_group_tests_name("test_sync", tests, NULL, NULL);
}
