// SPDX-License-Identifier: Apache-2.0
/*
 * test_dcache.c - the data cache (rtl/cache/outrider_dcache.sv, docs/dcache.md)
 * seen from programs: cycle-level checks on deterministic runs through the
 * test bench's event log, correctness checks (write-back, MMIO bypass,
 * reservations, fence.i, p-thread attribution, perfect-cache mode), and a
 * randomized two-context stress test against a reference model.
 *
 * Geometry: the model's own (the SoC's default cache unless the suite is
 * linked with a variant), read from its parameters (model_geometry); the
 * programs that depend on it get the set stride and way count from the test
 * and say so. 32-byte lines (DC_LINE).
 * Environment: DCACHE_STRESS_SEEDS (number of random seeds, default
 * STRESS_SEEDS_DEFAULT), DCACHE_STRESS_SEED0 (first seed, default 1).
 */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tprog.h"
#include "../programs/dcache_stress_params.h"

#define DC_LINE        32u
#define LINE_OF(a)     ((a) & ~(DC_LINE - 1))
#define DC_AREA_BYTES  65536u   /* `area` (dcache_evict.S), `region` (dcache_pthread.S) */

#define CLINT_BASE     ((uint32_t)OUTRIDER_CLINT_BASE)
#define MMIO_BASE      ((uint32_t)OUTRIDER_MMIO_BASE)
#define CLINT_MTIME    (CLINT_BASE + OUTRIDER_CLINT_OFF_MTIME)

#define STRESS_SEEDS_DEFAULT 24u

/* ---- helpers ------------------------------------------------------------ */

static outrider_config cfg_lat(uint32_t latency)
{
    outrider_config cfg = tprog_config_latency(latency);
    cfg.event_log = 1;
    return cfg;
}

static const outrider_event *events(const outrider_sim *sim, size_t *n)
{
    const outrider_event *ev = outrider_sim_events(sim, n);
    return ev;
}

/* First event of `kind` (ctx < 0: any context) on the line/word `addr`
 * (line compare when `line` is set), at or after index *from; returns its
 * index or -1. */
static long find_event(const outrider_sim *sim, unsigned kind, int ctx, uint32_t addr, int line,
                       size_t from)
{
    size_t n;
    const outrider_event *ev = events(sim, &n);
    for (size_t i = from; i < n; i++) {
        if (ev[i].kind != kind || (ctx >= 0 && ev[i].ctx != (unsigned)ctx))
            continue;
        if (line ? LINE_OF(ev[i].addr) == LINE_OF(addr) : ev[i].addr == addr)
            return (long)i;
    }
    return -1;
}

/* Print the cache events (not bus/pex ones) of the log, at most 80. */
static void print_events(const outrider_sim *sim)
{
    size_t n;
    unsigned shown = 0;
    const outrider_event *ev = events(sim, &n);
    for (size_t i = 0; i < n && shown < 80; i++) {
        const outrider_event *e = &ev[i];
        if (e->kind == OUTRIDER_EV_PEX)
            continue;
        shown++;
        print_message("    %8" PRIu64 " %-9s ctx%u spec%u 0x%08x op%u %s\n", e->cycle,
                      outrider_event_kind_name(e->kind), e->ctx, e->spec, e->addr, e->op,
                      (e->kind == OUTRIDER_EV_LOAD || e->kind == OUTRIDER_EV_STORE)
                          ? outrider_access_class_name(e->cls) : "-");
    }
}

static const outrider_event *need_event(const outrider_sim *sim, unsigned kind, int ctx,
                                        uint32_t addr, int line, const char *what)
{
    long i = find_event(sim, kind, ctx, addr, line, 0);
    if (i < 0) {
        print_events(sim);
        fail_msg("no %s event (%s) for 0x%08x", outrider_event_kind_name(kind), what, addr);
    }
    size_t n;
    return &events(sim, &n)[i];
}

static unsigned count_events(const outrider_sim *sim, unsigned kind, uint32_t line_addr)
{
    size_t n;
    unsigned k = 0;
    const outrider_event *ev = events(sim, &n);
    for (size_t i = 0; i < n; i++)
        if (ev[i].kind == kind && LINE_OF(ev[i].addr) == LINE_OF(line_addr))
            k++;
    return k;
}

/* Word i of a COLD_LINE with tag k (tests/programs/dcache_asm.h). */
static uint32_t cold_word(uint32_t tag, uint32_t i) { return (tag << 12) + i; }

/* ---- hit under miss ------------------------------------------------------- */

/* Context 1 keeps retiring (hits) while context 0 waits on a miss: counted
 * cycle by cycle between context 0's miss and the refill of its line. */
static void test_hit_under_miss(void **state)
{
    const uint32_t lat = 100;
    outrider_config cfg = cfg_lat(lat);
    outrider_sim *sim = tprog_load(state, "test_dcache_hitunder", &cfg);
    uint32_t cold = tprog_sym(sim, "cold");

    uint64_t t_miss = 0, t_fill = 0, r_miss = 0, r_fill = 0;
    int phase = 0;
    while (phase < 2) {
        if (outrider_sim_step(sim, 1) != OUTRIDER_RUNNING)
            fail_msg("program ended before the miss/refill was seen (phase %d)", phase);
        const outrider_stats *st = outrider_sim_stats(sim);
        if (phase == 0) {
            long i = find_event(sim, OUTRIDER_EV_LOAD, 0, cold + 12, 0, 0);
            if (i >= 0) {
                size_t n;
                const outrider_event *e = &events(sim, &n)[i];
                assert_int_equal(e->cls, OUTRIDER_CLS_MISS);
                t_miss = e->cycle;
                r_miss = st->ctx[1].retired;
                phase = 1;
            }
        } else {
            long i = find_event(sim, OUTRIDER_EV_FILL, -1, cold, 1, 0);
            if (i >= 0) {
                size_t n;
                t_fill = events(sim, &n)[i].cycle;
                r_fill = st->ctx[1].retired;
                phase = 2;
            }
        }
    }
    tprog_run_ok(sim);

    /* context 1's accesses while context 0 waited: all hits */
    size_t n;
    const outrider_event *ev = events(sim, &n);
    unsigned hits = 0, others = 0;
    for (size_t i = 0; i < n; i++) {
        if (ev[i].cycle <= t_miss || ev[i].cycle >= t_fill || ev[i].ctx != 1 ||
            (ev[i].kind != OUTRIDER_EV_LOAD && ev[i].kind != OUTRIDER_EV_STORE))
            continue;
        if (ev[i].cls == OUTRIDER_CLS_HIT)
            hits++;
        else
            others++;
    }
    uint64_t wait = t_fill - t_miss, ret = r_fill - r_miss;
    print_message("  latency %u: context 0 waited %" PRIu64 " cycles; meanwhile context 1 "
                  "retired %" PRIu64 " instructions with %u hits\n", lat, wait, ret, hits);
    assert_true(wait >= lat);
    assert_int_equal(others, 0);
    assert_true(ret >= wait / 3);     /* ctx 1's loop: 4 instructions in ~6 cycles */
    assert_true(hits >= wait / 8);
    assert_int_equal(tprog_word(sim, "results", 0), cold_word(0x11, 3));
    assert_true(tprog_word(sim, "results", 1) >= wait / 8);
    assert_int_equal(tprog_word(sim, "results", 2), 0x5a5a0001u);
}

/* ---- miss under miss, merging ---------------------------------------------- */

static void run_overlap(void **state, uint32_t lat)
{
    outrider_config cfg = cfg_lat(lat);
    outrider_sim *sim = tprog_load(state, "test_dcache_overlap", &cfg);
    tprog_run_ok(sim);
    uint32_t a = tprog_sym(sim, "cold_a"), b = tprog_sym(sim, "cold_b");
    const outrider_event *ma = need_event(sim, OUTRIDER_EV_LOAD, 0, a + 8, 0, "ctx 0 load");
    const outrider_event *mb = need_event(sim, OUTRIDER_EV_LOAD, 1, b + 20, 0, "ctx 1 load");
    assert_int_equal(ma->cls, OUTRIDER_CLS_MISS);
    assert_int_equal(mb->cls, OUTRIDER_CLS_MISS);
    const outrider_event *fa = need_event(sim, OUTRIDER_EV_FILL, -1, a, 1, "refill a");
    const outrider_event *fb = need_event(sim, OUTRIDER_EV_FILL, -1, b, 1, "refill b");
    const outrider_event *ba = need_event(sim, OUTRIDER_EV_BUS, -1, a, 1, "bus read a");
    const outrider_event *bb = need_event(sim, OUTRIDER_EV_BUS, -1, b, 1, "bus read b");
    uint64_t first = ma->cycle < mb->cycle ? ma->cycle : mb->cycle;
    uint64_t last = fa->cycle > fb->cycle ? fa->cycle : fb->cycle;
    uint64_t first_fill = fa->cycle < fb->cycle ? fa->cycle : fb->cycle;
    uint64_t last_bus = ba->cycle > bb->cycle ? ba->cycle : bb->cycle;
    print_message("  latency %u: misses at %" PRIu64 "/%" PRIu64 ", refills at %" PRIu64 "/%" PRIu64
                  ": both served in %" PRIu64 " cycles\n",
                  lat, ma->cycle, mb->cycle, fa->cycle, fb->cycle, last - first);
    /* both refills are on the bus before the first one completes ... */
    assert_true(last_bus < first_fill);
    /* ... so the pair costs about one latency, well under two */
    assert_true(last - first < lat + lat / 2);
    assert_true(last - first >= lat);
    assert_int_equal(tprog_word(sim, "results", 0), cold_word(0x21, 2));
    assert_int_equal(tprog_word(sim, "results", 1), cold_word(0x22, 5));
}

static void test_miss_overlap_100(void **state) { run_overlap(state, 100); }
static void test_miss_overlap_300(void **state) { run_overlap(state, 300); }

static void test_merge_in_flight(void **state)
{
    outrider_config cfg = cfg_lat(100);
    outrider_sim *sim = tprog_load(state, "test_dcache_merge", &cfg);
    tprog_run_ok(sim);
    uint32_t a = tprog_sym(sim, "cold_a");
    const outrider_event *l0 = need_event(sim, OUTRIDER_EV_LOAD, 0, a + 8, 0, "ctx 0 load");
    const outrider_event *l1 = need_event(sim, OUTRIDER_EV_LOAD, 1, a + 20, 0, "ctx 1 load");
    const outrider_event *f = need_event(sim, OUTRIDER_EV_FILL, -1, a, 1, "refill");
    print_message("  ctx0 %s at %" PRIu64 ", ctx1 %s at %" PRIu64 ", refill at %" PRIu64 "\n",
                  outrider_access_class_name(l0->cls), l0->cycle,
                  outrider_access_class_name(l1->cls), l1->cycle, f->cycle);
    /* one of them missed, the other merged into that refill */
    assert_true((l0->cls == OUTRIDER_CLS_MISS && l1->cls == OUTRIDER_CLS_MERGE) ||
                (l1->cls == OUTRIDER_CLS_MISS && l0->cls == OUTRIDER_CLS_MERGE));
    assert_int_equal(count_events(sim, OUTRIDER_EV_BUS, a), 1);   /* one refill on the bus */
    assert_int_equal(count_events(sim, OUTRIDER_EV_FILL, a), 1);
    assert_true(outrider_sim_stats(sim)->dcache.ctx[l0->cls == OUTRIDER_CLS_MERGE ? 0 : 1]
                    .mshr_merges >= 1);
    assert_int_equal(tprog_word(sim, "results", 0), cold_word(0x21, 2));
    assert_int_equal(tprog_word(sim, "results", 1), cold_word(0x21, 5));
}

/* ---- eviction and write-back ------------------------------------------------ */

/* The model's data-cache geometry (outrider_soc's DcacheBytes, DcacheWays,
 * DcacheLine), read from its statistics JSON ("config"."model"). */
static unsigned json_uint(const char *buf, const char *key)
{
    const char *p = strstr(buf, key);
    if (p == NULL)
        fail_msg("stats JSON lacks %s", key);
    return (unsigned)strtoul(p + strlen(key), NULL, 10);
}

static void model_geometry(const outrider_sim *sim, uint32_t *set_stride, uint32_t *ways)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(outrider_sim_write_stats_json(sim, f), OUTRIDER_OK);
    char buf[8192];
    rewind(f);
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    unsigned bytes = json_uint(buf, "\"DcacheBytes\":"), w = json_uint(buf, "\"DcacheWays\":");
    assert_int_equal(json_uint(buf, "\"DcacheLine\":"), DC_LINE);
    assert_true(w >= 1 && bytes % w == 0);
    /* the SoC's p-thread miss policy as params_o reports it: a p-thread miss
     * waits, DcacheMshrs / 4 MSHRs kept for the harts (outrider_soc) */
    assert_int_equal(json_uint(buf, "\"PexMissWait\":"), 1);
    assert_int_equal(json_uint(buf, "\"PexMshrReserve\":"), json_uint(buf, "\"DcacheMshrs\":") / 4);
    *set_stride = bytes / w;
    *ways = w;
}

static void run_evict(void **state, uint32_t lat, int perfect)
{
    outrider_config cfg = cfg_lat(lat);
    cfg.perfect_dcache = perfect;
    outrider_sim *sim = tprog_load(state, "test_dcache_evict", &cfg);
    uint32_t stride, ways;
    model_geometry(sim, &stride, &ways);
    assert_true((ways + 2) * stride <= DC_AREA_BYTES);
    tprog_set_word(sim, "stride", 0, stride);
    tprog_set_word(sim, "others", 0, ways + 1);
    tprog_run_ok(sim);
    uint32_t area = tprog_sym(sim, "area");
    uint32_t res[9], ram[8], mem[8];
    tprog_read(sim, "results", 0, res, 9);
    assert_int_equal(outrider_sim_read_ram(sim, area, ram, sizeof ram), 0);
    assert_int_equal(outrider_sim_read_mem(sim, area, mem, sizeof mem), 0);
    unsigned fails = 0;
    for (unsigned i = 0; i < 8; i++) {
        tprog_check("read back after eviction", i, res[i], i + 1, &fails);
        tprog_check("program's view at exit", i, mem[i], i + 9, &fails);
        if (!perfect)
            tprog_check("RAM: the written-back line", i, ram[i], i + 1, &fails);
    }
    tprog_checks_done("eviction", fails);
    if (perfect) {
        /* the uncached path: every access behaves as a hit, never parks */
        assert_int_equal(res[8], 0);
        size_t n;
        const outrider_event *ev = events(sim, &n);
        for (size_t i = 0; i < n; i++) {
            assert_int_not_equal(ev[i].kind, OUTRIDER_EV_FILL);
            if (ev[i].kind == OUTRIDER_EV_LOAD || ev[i].kind == OUTRIDER_EV_STORE)
                assert_int_equal(ev[i].cls, OUTRIDER_CLS_HIT);
        }
        return;
    }
    const outrider_event *wb = need_event(sim, OUTRIDER_EV_WRITEBACK, 0, area, 1, "line A");
    const outrider_event *ev = need_event(sim, OUTRIDER_EV_EVICT, -1, area, 1, "line A");
    assert_true(ev->cycle <= wb->cycle);
    assert_true(find_event(sim, OUTRIDER_EV_BUS, -1, area, 1, 0) >= 0);
    assert_true(res[8] > 0 || lat == 0);   /* mhpmcounter3: parked on the misses */
    /* line A is dirty in the cache at exit: RAM has the old data, the
     * backdoor read sees the program's stores */
    for (unsigned i = 0; i < 8; i++)
        assert_int_not_equal(ram[i], mem[i]);
    const outrider_stats *st = outrider_sim_stats(sim);
    assert_true(st->dcache.ctx[0].writebacks >= 1);
    assert_true(st->dcache.evictions >= 1);
}

static void test_evict_writeback_0(void **state) { run_evict(state, 0, 0); }
static void test_evict_writeback_1(void **state) { run_evict(state, 1, 0); }
static void test_evict_writeback_100(void **state) { run_evict(state, 100, 0); }
static void test_perfect_dcache(void **state) { run_evict(state, 100, 1); }

/* ---- uncached ---------------------------------------------------------------- */

static int is_uncached(uint32_t a)
{
    return (a & 0xFFFF0000u) == CLINT_BASE || (a & 0xFFFFF000u) == MMIO_BASE;
}

static void test_mmio_bypass(void **state)
{
    outrider_config cfg = cfg_lat(100);
    outrider_sim *sim = tprog_load(state, "test_dcache_mmio", &cfg);
    tprog_run_ok(sim);
    uint32_t r[4];
    tprog_read(sim, "results", 0, r, 4);
    assert_true(r[1] - r[0] >= 40);            /* mtime read twice: not a cached copy */
    assert_int_equal(r[2], 0x12345678u);
    assert_int_equal(r[3], 1);
    size_t clen = 0;
    const char *con = outrider_sim_console(sim, &clen);
    assert_int_equal(clen, 3);
    assert_memory_equal(con, "ok\n", 3);

    size_t n;
    const outrider_event *ev = events(sim, &n);
    unsigned unc_loads = 0, unc_stores = 0;
    for (size_t i = 0; i < n; i++) {
        const outrider_event *e = &ev[i];
        if (e->kind == OUTRIDER_EV_LOAD || e->kind == OUTRIDER_EV_STORE) {
            if (is_uncached(e->addr)) {
                assert_int_equal(e->cls, OUTRIDER_CLS_UNCACHED);
                unc_loads += e->kind == OUTRIDER_EV_LOAD;
                unc_stores += e->kind == OUTRIDER_EV_STORE;
            } else {
                assert_int_not_equal(e->cls, OUTRIDER_CLS_UNCACHED);
            }
        }
        if (e->kind == OUTRIDER_EV_FILL || e->kind == OUTRIDER_EV_BUS ||
            e->kind == OUTRIDER_EV_WRITEBACK || e->kind == OUTRIDER_EV_EVICT)
            assert_false(is_uncached(e->addr));
    }
    assert_int_equal(unc_loads, 4);       /* mtime x2, mtimecmp1, msip1 */
    assert_int_equal(unc_stores, 8);      /* mtimecmp1 x2, msip1 x2, console x3, SIM_EXIT */
    const outrider_stats *st = outrider_sim_stats(sim);
    assert_int_equal(st->dcache.ctx[0].uncached, 12);
}

/* ---- reservations, fence.i ---------------------------------------------------- */

static void test_lrsc_across_contexts(void **state)
{
    outrider_config cfg = cfg_lat(50);
    outrider_sim *sim = tprog_load(state, "test_dcache_lrsc", &cfg);
    tprog_run_ok(sim);
    uint32_t r[6];
    tprog_read(sim, "results", 0, r, 6);
    unsigned fails = 0;
    tprog_check("SC after the other context stored to the word", 0, r[0], 1, &fails);
    tprog_check("SC after the other context stored to the next word", 1, r[1], 0, &fails);
    tprog_check("SC after the other context's AMO on the word", 2, r[2], 1, &fails);
    tprog_check("word at the end", 3, r[3], 0x8d, &fails);
    tprog_check("SC without a reservation", 4, r[4], 1, &fails);
    tprog_check("next word", 5, r[5], 0x22, &fails);
    tprog_checks_done("LR/SC", fails);
}

static void test_fence_i_writes_back(void **state)
{
    outrider_config cfg = cfg_lat(100);
    outrider_sim *sim = tprog_load(state, "test_dcache_smc", &cfg);
    tprog_run_ok(sim);
    assert_int_equal(tprog_word(sim, "results", 0), 42);
    assert_int_equal(tprog_word(sim, "results", 1), 43);
    uint32_t other = tprog_sym(sim, "other"), code = tprog_sym(sim, "code_buf"), w = 0;
    assert_int_equal(outrider_sim_read_ram(sim, other, &w, 4), 0);
    assert_int_equal(w, 0xC0FFEEu);       /* in RAM itself: the fence wrote it back */
    assert_true(count_events(sim, OUTRIDER_EV_WRITEBACK, code) >= 2);
}

/* ---- p-thread attribution ------------------------------------------------------- */

#define PT_OFF_P   512u
#define PT_OFF_L   1024u

static void run_pthread(void **state, int no_preexec)
{
    outrider_config cfg = cfg_lat(100);
    cfg.no_preexec = no_preexec;
    outrider_sim *sim = tprog_load(state, "test_dcache_pthread", &cfg);
    uint32_t stride, ways;
    model_geometry(sim, &stride, &ways);
    assert_true(ways * stride + 2 * DC_LINE <= DC_AREA_BYTES);
    tprog_set_word(sim, "stride", 0, stride);
    tprog_set_word(sim, "ways", 0, ways);
    tprog_run_ok(sim);
    uint32_t region = tprog_sym(sim, "region");
    uint32_t res[4];
    assert_int_equal(outrider_sim_read_mem(sim, region + 1536, res, sizeof res), 0);
    uint32_t sum = 0;
    for (unsigned i = 0; i < 8; i++)
        sum += 0x7000u + (PT_OFF_P + 64 * i) / 4;
    assert_int_equal(res[1], sum);
    assert_int_equal(res[3], 0x7000u + PT_OFF_L / 4);
    const outrider_stats *st = outrider_sim_stats(sim);
    if (no_preexec) {
        assert_int_equal(res[0], 0);
        assert_int_equal(res[2], 0);
        assert_int_equal(st->preexec.fills, 0);
        assert_int_equal(st->preexec.useful_fills, 0);
        assert_true(st->preexec.refused >= 2);
        return;
    }
    assert_int_equal(res[0], 1);
    assert_int_equal(res[2], 1);
    for (unsigned i = 0; i < 8; i++) {
        uint32_t p = region + PT_OFF_P + 64 * i;
        const outrider_event *f = need_event(sim, OUTRIDER_EV_FILL, 1, p, 1, "p-thread fill");
        assert_int_equal(f->spec, 1);
        const outrider_event *l = need_event(sim, OUTRIDER_EV_LOAD, 0, p, 0, "main load");
        assert_int_equal(l->spec, 0);
        assert_int_equal(l->cls, OUTRIDER_CLS_USEFUL);
    }
    for (unsigned u = 0; u < 2; u++) {
        const outrider_event *e = need_event(sim, OUTRIDER_EV_EVICT, -1, region + 32 * u, 1,
                                             "p-thread line evicted unused");
        assert_true(e->flags & OUTRIDER_EVF_USELESS);
    }
    const outrider_event *late = need_event(sim, OUTRIDER_EV_LOAD, 0, region + PT_OFF_L, 0,
                                            "main load of L");
    assert_int_equal(late->cls, OUTRIDER_CLS_LATE);
    assert_int_equal(st->preexec.spawned, 2);
    assert_int_equal(st->preexec.fills, 11);
    assert_int_equal(st->preexec.useful_fills, 8);
    assert_int_equal(st->preexec.useless_fills, 2);
    assert_int_equal(st->preexec.late_fills, 1);
    assert_true(st->preexec.instructions > 0);
    assert_int_equal(st->dcache.ctx[1].loads, 11);
}

static void test_pthread_attribution(void **state) { run_pthread(state, 0); }
static void test_pthread_disabled(void **state) { run_pthread(state, 1); }

/* ---- statistics JSON ------------------------------------------------------------ */

static void test_stats_json(void **state)
{
    outrider_config cfg = cfg_lat(100);
    outrider_sim *sim = tprog_load(state, "test_dcache_merge", &cfg);
    tprog_run_ok(sim);
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(outrider_sim_write_stats_json(sim, f), OUTRIDER_OK);
    char buf[4096];
    rewind(f);
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    static const char *const keys[] = {
        "\"dcache\":{\"threads\":[{\"loads\":", "\"stores\":", "\"load_misses\":",
        "\"store_misses\":", "\"mshr_merges\":", "\"writebacks\":",
        "\"mshr_full_stall_cycles\":", "\"preexec\":{\"spawned\":0", "\"useful_fills\":",
        "\"late_fills\":", "\"useless_fills\":", "\"main_loads\":", "\"main_load_misses\":",
        "\"instructions\":0", "\"wishbone\":{\"reads\":",
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!strstr(buf, keys[i]))
            fail_msg("stats JSON lacks %s: %s", keys[i], buf);
    /* the numbers are the library's counters */
    const outrider_stats *st = outrider_sim_stats(sim);
    char want[160];
    snprintf(want, sizeof want, "{\"loads\":%" PRIu64 ",\"stores\":%" PRIu64
             ",\"load_misses\":%" PRIu64 ",\"store_misses\":%" PRIu64 ",\"mshr_merges\":%" PRIu64,
             st->dcache.ctx[1].loads, st->dcache.ctx[1].stores, st->dcache.ctx[1].load_misses,
             st->dcache.ctx[1].store_misses, st->dcache.ctx[1].mshr_merges);
    if (!strstr(buf, want))
        fail_msg("stats JSON lacks %s: %s", want, buf);
    assert_true(st->dcache.ctx[0].load_misses + st->dcache.ctx[1].load_misses >= 1);
    assert_true(st->dcache.ctx[0].mshr_merges + st->dcache.ctx[1].mshr_merges >= 1);
}

/* ---- pointer chasing (measurement; asserts only the walk's result) -------------- */

#define CHASE_NODES 1024u
#define CHASE_HOP   389u
#define CHASE_STEPS 2000u

static void run_chase(void **state, const char *prog, unsigned harts)
{
    outrider_config cfg = cfg_lat(100);
    cfg.event_log = 0;
    outrider_sim *sim = tprog_load(state, prog, &cfg);
    tprog_run_ok(sim);
    uint32_t r[5];
    tprog_read(sim, "results", 0, r, 5);
    uint32_t lists = tprog_sym(sim, "lists");
    uint32_t fin = (CHASE_STEPS * CHASE_HOP) % CHASE_NODES * 64u;
    assert_int_equal(r[4], CHASE_STEPS);
    assert_int_equal(r[1], lists + fin);
    print_message("  latency 100, %u context(s): context 0 %.1f cycles/hop", harts,
                  (double)r[0] / CHASE_STEPS);
    if (harts == 2) {
        assert_int_equal(r[3], lists + CHASE_NODES * 64u + fin);
        print_message(", context 1 %.1f cycles/hop", (double)r[2] / CHASE_STEPS);
    }
    print_message("\n");
}

static void test_chase_one(void **state) { run_chase(state, "test_dcache_chase1", 1); }
static void test_chase_two(void **state) { run_chase(state, "test_dcache_chase2", 2); }

/* ---- randomized stress ------------------------------------------------------------ */

typedef struct {
    uint32_t state;
} rng;

static uint32_t rnd(rng *r)
{
    /* xorshift32 */
    uint32_t x = r->state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return r->state = x;
}
static uint32_t rnd_below(rng *r, uint32_t n) { return rnd(r) % n; }

/* the two shared counters (word offsets into the arena) */
static const uint32_t counter_off[2] = {
    0 * STRESS_REGION_SIZE + 0 * 32 + 0 * 4,
    2 * STRESS_REGION_SIZE + 1 * 32 + 3 * 4,
};

static int is_counter(uint32_t off)
{
    return off == counter_off[0] || off == counter_off[1];
}

/* A random word offset owned by context c: word index parity = c. */
static uint32_t private_word(rng *r, unsigned c)
{
    for (;;) {
        uint32_t reg = rnd_below(r, STRESS_REGIONS), line = rnd_below(r, STRESS_LINES);
        uint32_t w = 2 * rnd_below(r, 4) + c;
        uint32_t off = reg * STRESS_REGION_SIZE + line * 32 + w * 4;
        if (!is_counter(off))
            return off;
    }
}

typedef struct {
    uint32_t op[STRESS_MAX_OPS], val[STRESS_MAX_OPS];
    unsigned n;
} op_list;

static void gen_ops(rng *r, unsigned c, unsigned n, op_list *l)
{
    l->n = n;
    for (unsigned i = 0; i < n; i++) {
        uint32_t k = rnd_below(r, 100), code, off = private_word(r, c), val = rnd(r);
        if (k < 36) {
            code = rnd_below(r, 5);                        /* loads */
        } else if (k < 66) {
            code = SOP_SW + rnd_below(r, 3);               /* stores */
        } else if (k < 80) {
            code = SOP_AMOADD + rnd_below(r, 9);           /* AMOs */
        } else if (k < 85) {
            code = SOP_LRSC;
        } else if (k < 95) {
            code = rnd_below(r, 2) ? SOP_CNT_ADD : SOP_CNT_LOAD;
            off = counter_off[rnd_below(r, 2)];
        } else if (k < 96) {
            code = SOP_FENCEI;
        } else {
            code = SOP_DELAY;
            val = rnd_below(r, 64);
        }
        if (code == SOP_LH || code == SOP_LHU || code == SOP_SH)
            off += 2 * rnd_below(r, 2);
        if (code == SOP_LB || code == SOP_LBU || code == SOP_SB)
            off += rnd_below(r, 4);
        l->op[i] = code | off << 8;
        l->val[i] = val;
    }
}

static uint32_t rd32(const uint8_t *m, uint32_t off)
{
    return (uint32_t)m[off] | (uint32_t)m[off + 1] << 8 | (uint32_t)m[off + 2] << 16 |
           (uint32_t)m[off + 3] << 24;
}
static void wr32(uint8_t *m, uint32_t off, uint32_t v)
{
    for (unsigned b = 0; b < 4; b++)
        m[off + b] = (uint8_t)(v >> (8 * b));
}

static uint32_t amo_ref(uint32_t code, uint32_t old, uint32_t v)
{
    switch (code) {
    case SOP_AMOADD:  return old + v;
    case SOP_AMOSWAP: return v;
    case SOP_AMOXOR:  return old ^ v;
    case SOP_AMOOR:   return old | v;
    case SOP_AMOAND:  return old & v;
    case SOP_AMOMIN:  return (int32_t)old < (int32_t)v ? old : v;
    case SOP_AMOMAX:  return (int32_t)old > (int32_t)v ? old : v;
    case SOP_AMOMINU: return old < v ? old : v;
    default:          return old > v ? old : v;
    }
}

/* Replay context c's list on the reference arena; check its log. Counter
 * ops: own half = own increments so far, other half never decreases. */
static unsigned check_ctx(unsigned c, const op_list *l, const uint32_t *log, uint8_t *ref,
                          uint32_t *own_incs)
{
    unsigned fails = 0;
    uint32_t other_seen[2] = { 0, 0 };
    unsigned sh_own = 16 * c, sh_other = 16 * (1 - c);
    for (unsigned i = 0; i < l->n; i++) {
        uint32_t code = l->op[i] & 0xFF, off = l->op[i] >> 8, v = l->val[i];
        uint32_t w = off & ~3u, b = off & 3u, old = rd32(ref, w);
        uint32_t exp0 = 0, exp1 = 0;
        switch (code) {
        case SOP_LW:  exp0 = old; break;
        case SOP_LH:  exp0 = (uint32_t)(int32_t)(int16_t)(old >> (8 * b)); break;
        case SOP_LHU: exp0 = (old >> (8 * b)) & 0xFFFFu; break;
        case SOP_LB:  exp0 = (uint32_t)(int32_t)(int8_t)(old >> (8 * b)); break;
        case SOP_LBU: exp0 = (old >> (8 * b)) & 0xFFu; break;
        case SOP_SW:  wr32(ref, w, v); break;
        case SOP_SH:  ref[off] = (uint8_t)v; ref[off + 1] = (uint8_t)(v >> 8); break;
        case SOP_SB:  ref[off] = (uint8_t)v; break;
        case SOP_LRSC: exp0 = old; exp1 = 0; wr32(ref, w, v); break;
        case SOP_CNT_ADD:
        case SOP_CNT_LOAD: {
            unsigned k = w == counter_off[0] ? 0 : 1;
            uint32_t got = log[2 * i];
            uint32_t own = (got >> sh_own) & 0xFFFFu, oth = (got >> sh_other) & 0xFFFFu;
            if (own != own_incs[k] || oth < other_seen[k]) {
                if (fails < 20)
                    print_message("  ctx%u op %u: counter %u read 0x%08x: own %u (expected %u), "
                                  "other %u (seen %u before)\n", c, i, k, got, own, own_incs[k],
                                  oth, other_seen[k]);
                fails++;
            }
            other_seen[k] = oth;
            if (code == SOP_CNT_ADD)
                own_incs[k]++;
            continue;
        }
        case SOP_FENCEI:
        case SOP_DELAY:
            break;
        default:
            exp0 = old;
            wr32(ref, w, amo_ref(code, old, v));
            break;
        }
        if (log[2 * i] != exp0 || log[2 * i + 1] != exp1) {
            if (fails < 20)
                print_message("  ctx%u op %u (code %u, offset 0x%x, value 0x%08x): logged "
                              "0x%08x/0x%08x, expected 0x%08x/0x%08x\n", c, i, code, off, v,
                              log[2 * i], log[2 * i + 1], exp0, exp1);
            fails++;
        }
    }
    return fails;
}

static const uint32_t stress_latencies[] = { 0, 1, 2, 3, 5, 10, 30, 100, 300 };

static unsigned run_stress_seed(void **state, uint32_t seed, uint64_t *cycles)
{
    static op_list lists[2];
    static uint32_t logs[2][2 * STRESS_MAX_OPS];
    static uint8_t ref[STRESS_ARENA_BYTES], init[STRESS_ARENA_BYTES], got[STRESS_ARENA_BYTES];
    rng r = { seed * 2654435761u + 12345u };
    for (int i = 0; i < 8; i++)
        rnd(&r);
    outrider_config cfg = tprog_config();
    cfg.mem_latency = stress_latencies[rnd_below(&r, sizeof stress_latencies /
                                                     sizeof stress_latencies[0])];
    cfg.mem_outstanding = 1 + rnd_below(&r, 4);
    unsigned n0 = 150 + rnd_below(&r, 250), n1 = 150 + rnd_below(&r, 250);
    gen_ops(&r, 0, n0, &lists[0]);
    gen_ops(&r, 1, n1, &lists[1]);
    for (unsigned i = 0; i < STRESS_ARENA_BYTES; i += 4)
        wr32(init, i, rnd(&r));
    wr32(init, counter_off[0], 0);
    wr32(init, counter_off[1], 0);
    uint32_t final_fence = rnd_below(&r, 2);

    outrider_sim *sim = tprog_load(state, "test_dcache_stress", &cfg);
    uint32_t arena = tprog_sym(sim, "arena");
    assert_int_equal(outrider_sim_write_mem(sim, arena, init, sizeof init), 0);
    tprog_write(sim, "ops", 0, lists[0].op, n0);
    tprog_write(sim, "ops", STRESS_MAX_OPS, lists[1].op, n1);
    tprog_write(sim, "vals", 0, lists[0].val, n0);
    tprog_write(sim, "vals", STRESS_MAX_OPS, lists[1].val, n1);
    tprog_set_word(sim, "nops", 0, n0);
    tprog_set_word(sim, "nops", 1, n1);
    tprog_set_word(sim, "final_fence", 0, final_fence);
    tprog_run_ok(sim);
    tprog_read(sim, "logs", 0, logs[0], 2 * n0);
    tprog_read(sim, "logs", 2 * STRESS_MAX_OPS, logs[1], 2 * n1);

    memcpy(ref, init, sizeof ref);
    uint32_t incs[2][2] = { { 0, 0 }, { 0, 0 } };
    unsigned fails = check_ctx(0, &lists[0], logs[0], ref, incs[0]);
    fails += check_ctx(1, &lists[1], logs[1], ref, incs[1]);
    for (unsigned k = 0; k < 2; k++)
        wr32(ref, counter_off[k], incs[0][k] + (incs[1][k] << 16));

    /* final memory as the program sees it (cache overlaid) and, after a
     * final fence.i, in RAM itself */
    for (int pass = 0; pass < (final_fence ? 2 : 1); pass++) {
        int rc = pass ? outrider_sim_read_ram(sim, arena, got, sizeof got)
                      : outrider_sim_read_mem(sim, arena, got, sizeof got);
        assert_int_equal(rc, 0);
        for (uint32_t w = 0; w < STRESS_ARENA_BYTES; w += 4) {
            if (rd32(got, w) != rd32(ref, w)) {
                if (fails < 20)
                    print_message("  %s arena+0x%x: 0x%08x, expected 0x%08x\n",
                                  pass ? "RAM" : "memory", w, rd32(got, w), rd32(ref, w));
                fails++;
            }
        }
    }
    *cycles += outrider_sim_cycles(sim);
    if (fails)
        print_message("  seed %u: latency %u, outstanding %u, %u+%u ops, final fence %u, "
                      "%" PRIu64 " cycles: %u mismatches\n", seed, cfg.mem_latency,
                      cfg.mem_outstanding, n0, n1, final_fence, outrider_sim_cycles(sim), fails);
    return fails;
}

static unsigned env_unsigned(const char *name, unsigned def)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return def;
    char *end = NULL;
    unsigned long n = strtoul(v, &end, 10);
    if (*end != '\0')
        fail_msg("%s='%s' is not a decimal number", name, v);
    return (unsigned)n;
}

static void test_stress_random(void **state)
{
    unsigned seeds = env_unsigned("DCACHE_STRESS_SEEDS", STRESS_SEEDS_DEFAULT);
    unsigned seed0 = env_unsigned("DCACHE_STRESS_SEED0", 1);
    unsigned bad = 0;
    uint64_t cycles = 0;
    for (unsigned s = seed0; s < seed0 + seeds; s++)
        if (run_stress_seed(state, s, &cycles) != 0)
            bad++;
    print_message("  %u seeds from %u, %" PRIu64 " cycles in all, %u failed\n", seeds, seed0,
                  cycles, bad);
    if (bad)
        fail_msg("%u of %u seeds failed (rerun one with DCACHE_STRESS_SEED0=N "
                 "DCACHE_STRESS_SEEDS=1)", bad, seeds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hit_under_miss, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_miss_overlap_100, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_miss_overlap_300, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_merge_in_flight, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_evict_writeback_0, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_evict_writeback_1, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_evict_writeback_100, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_perfect_dcache, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_mmio_bypass, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_lrsc_across_contexts, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_fence_i_writes_back, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_pthread_attribution, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_pthread_disabled, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_stats_json, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_chase_one, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_chase_two, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_stress_random, tprog_setup, tprog_teardown),
    };
    return cmocka_run_group_tests_name("test_dcache", tests, NULL, NULL);
}
