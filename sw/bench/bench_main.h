// SPDX-License-Identifier: Apache-2.0
/*
 * bench_main.h - main() of a benchmark kernel (see bench.h for what the
 * kernel defines first). Included once, at the end of the kernel source.
 *
 * The timed loop runs k_item for items 0..n-1. In the pre-executed build
 * (BENCH_PEX=1) it also runs the pre-execution idiom, BENCH_IDIOM:
 *
 *   1 "chunk": every K_CHUNK items the main thread spawns a p-thread that
 *     runs k_touch over the next K_CHUNK items (the seed's figure: work on
 *     chunk c while a p-thread walks chunk c+1). Refused while the
 *     previous one still runs.
 *   2 "runner" (default): one long p-thread, spawned at the start and
 *     re-spawned (attempted every K_CHUNK items, refused while it runs)
 *     if it ended. The main thread publishes the item it works on
 *     (s->progress, one store per item, a cache hit); the p-thread runs
 *     k_touch on items ahead of it (how far ahead is left to the
 *     hardware's distance control, pexdist: docs/preexec.md 4.5; with
 *     K_AHEAD > 0 it also throttles itself with `pause` beyond K_AHEAD
 *     items ahead), and when the main thread has caught up with it (the
 *     p-thread is at most K_NEAR items ahead), it skips to K_LEAD items
 *     past the main thread: a p-thread level with the main thread only
 *     duplicates its misses (the main thread merges into them, "late"),
 *     one further ahead misses in parallel with it. Loads do not block
 *     (a context waits only when it reads a loaded register), so the
 *     independent loads of an item overlap, but a chain (each address the
 *     value of the load before) still has one miss in flight per context:
 *     for the chase kernels the best this can do is two parallel miss
 *     streams, the main thread's and the p-thread's. No instruction budget
 *     (pexbudget 0). docs/performance.md has the measurements behind
 *     the defaults (K_NEAR 1, K_LEAD 3, K_AHEAD 0: a software throttle at
 *     8 items bound in em3d and spmv and cost them 6% and 2%; none at all
 *     measures the same as one at 16 or 32).
 *
 * BENCH_TOUCH2=1 (the chase kernels list, tree and hash define k_touch2):
 * the runner touches two items at once, k_touch2(s, i, i + 1), whose loop
 * advances both chains in turn. Each chain is serial, but the two are
 * independent, so with non-blocking loads the p-thread has a miss of each
 * in flight: the "two chains interleaved" slice of docs/preexec.md. Built
 * as bench_K_pex2 (make bench-touch2), not part of the suite's numbers.
 *
 * The main thread's computation does not depend on whether a spawn was
 * accepted: with `smtsim --no-preexec` the same binary computes the same
 * checksum (the p-thread invariant), only without help.
 */
#ifndef BENCH_MAIN_H
#define BENCH_MAIN_H

#ifndef BENCH_IDIOM
#define BENCH_IDIOM 2
#endif
#ifndef K_CHUNK
#define K_CHUNK 4
#endif
#ifndef K_AHEAD
#define K_AHEAD 0               /* 0: no software throttle */
#endif
#ifndef K_LEAD
#define K_LEAD 3
#endif
#ifndef K_NEAR
#define K_NEAR 1
#endif
#ifndef BENCH_TOUCH2
#define BENCH_TOUCH2 0
#endif
#if BENCH_TOUCH2 && (!BENCH_PEX || BENCH_IDIOM != 2)
#error "BENCH_TOUCH2 is a variant of the runner (BENCH_PEX=1, BENCH_IDIOM=2)"
#endif

#if BENCH_PEX && BENCH_HARTS != 1
#error "the two-hart throughput run is built plain (BENCH_PEX=0)"
#endif
#if BENCH_HARTS != 1 && BENCH_HARTS != 2
#error "BENCH_HARTS must be 1 or 2"
#endif

#if BENCH_HARTS == 2
#include <outrider/hart.h>
#endif
#include <outrider/roi.h>

#if BENCH_PEX
/* The kernel state the p-thread works on (set before the timed loop). */
static const kstate *bench_pex_state;

#if BENCH_IDIOM == 1
static void bench_ahead(void *arg)
{
    const kstate *s = bench_pex_state;
    uint32_t n = k_items(s), from = (uint32_t)(uintptr_t)arg;
    uint32_t to = from + K_CHUNK < n ? from + K_CHUNK : n;
    for (uint32_t i = from; i < to; i++)
        k_touch(s, i);
}
#elif BENCH_IDIOM == 2
static void bench_ahead(void *arg)
{
    const kstate *s = bench_pex_state;
    uint32_t n = k_items(s);
    for (uint32_t i = (uint32_t)(uintptr_t)arg; i < n; i++) {
        uint32_t m = s->progress.item;
        if (i <= m + K_NEAR)
            i = m + 1 + K_LEAD;         /* caught up: skip ahead */
#if K_AHEAD > 0
        while (i > s->progress.item + K_AHEAD)
            outrider_pause();           /* far enough ahead: wait */
#endif
        if (i >= n)
            break;
#if BENCH_TOUCH2
        if (i + 1 < n) {
            k_touch2(s, i, i + 1);      /* two chains, interleaved */
            i++;
            continue;
        }
#endif
        k_touch(s, i);
    }
}
#else
#error "BENCH_IDIOM must be 1 (chunk) or 2 (runner)"
#endif
#endif /* BENCH_PEX */

static __attribute__((noinline, unused)) uint32_t bench_loop(kstate *s)
{
    uint32_t n = k_items(s), acc = 0;
#if BENCH_PEX
    bench_pex_state = s;
    pex_set_budget(0);
#endif
    for (uint32_t i = 0; i < n; i++) {
#if BENCH_PEX && BENCH_IDIOM == 1
        if (i % K_CHUNK == 0)
            (void)pex_spawn(bench_ahead, (void *)(uintptr_t)(i + K_CHUNK));
#elif BENCH_PEX && BENCH_IDIOM == 2
        s->progress.item = i;
        if (i % K_CHUNK == 0)
            (void)pex_spawn(bench_ahead, (void *)(uintptr_t)(i + 1));
#endif
        acc = k_item(s, i, acc);
    }
#if BENCH_PEX
    pex_cancel();
#endif
    return acc;
}

static kstate *bench_new_state(void)
{
    kstate *s = bench_alloc(sizeof(kstate), 64);
    if (s == NULL || k_setup(s) != 0) {
        printf("bench %s: out of memory\n", K_NAME);
        return NULL;
    }
    return s;
}

#if BENCH_HARTS == 2
static uint32_t bench_sum1;
static void bench_hart(void *arg)
{
    bench_sum1 = bench_loop(arg);
}
#endif

int main(void)
{
    kstate *s0 = bench_new_state();
    if (s0 == NULL)
        return 2;
#if BENCH_INIT_ONLY
    printf("bench %s: data built\n", K_NAME);
    return 0;
#else
#if BENCH_HARTS == 2
    kstate *s1 = bench_new_state();
    outrider_hart_t h;
    if (s1 == NULL)
        return 2;
    uint64_t i0 = outrider_instret(), t0 = outrider_cycles();
    if (outrider_hart_start_wait(&h, bench_hart, s1, 1000) == 0) {
        printf("bench %s: no free context for the second copy\n", K_NAME);
        return 3;
    }
    uint32_t sum = bench_loop(s0);
    outrider_hart_join(&h);
    uint64_t t1 = outrider_cycles(), i1 = outrider_instret();
    int ok = sum == s0->expect && bench_sum1 == s1->expect;
#else
    /* the timed loop is the region of interest: --stats-json's "roi" record
     * has the kernel's own counters, and --fast-forward skips the data
     * building (scripts/bench-geom.py) */
    roi_begin();
    uint64_t i0 = outrider_instret(), t0 = outrider_cycles();
    uint32_t sum = bench_loop(s0);
    uint64_t t1 = outrider_cycles(), i1 = outrider_instret();
    roi_end();
    int ok = sum == s0->expect;
#endif
    printf("bench %s: checksum 0x%08lx %s\n", K_NAME, (unsigned long)sum, ok ? "ok" : "MISMATCH");
    printf("bench %s: cycles %llu\n", K_NAME, (unsigned long long)(t1 - t0));
    printf("bench %s: instret %llu\n", K_NAME, (unsigned long long)(i1 - i0));
    return ok ? 0 : 1;
#endif
}

#endif /* BENCH_MAIN_H */
