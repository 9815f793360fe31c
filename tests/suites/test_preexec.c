// SPDX-License-Identifier: Apache-2.0
/*
 * test_preexec.c - software-controlled pre-execution (docs/preexec.md) on
 * assembled and compiled programs (tests/programs/pex_*.S, the examples
 * sw/examples/pex_*.c):
 *  - the headline check: in the seed's traversal (pex_seg.S) every line the
 *    main thread loads in the pre-executed segment was filled by the
 *    p-thread before the main thread's access (event log, per line), and
 *    the main thread's misses there drop by >= 80% against the same binary
 *    with pre-execution disabled;
 *  - spawn, refusal (busy, context running as a hart, disabled by pexctl or
 *    by the test bench), stop, cancel, budget stop, exception stops, each
 *    freeing the context; what a p-thread sees (pex_basic.S); the C
 *    interface of outrider/preexec.h (pex_capi.c);
 *  - stores, AMOs, SC, CSR writes, ecall, MMIO loads and console/exit
 *    stores of p-threads leave no trace (pex_notrace.S, on vs off);
 *  - store-buffer forwarding: a p-thread that spills and reloads through
 *    the stack fills exactly the lines the main thread then loads
 *    (pex_fwd.S);
 *  - the invariant over the program corpus: every test_*.elf the suite
 *    finds in the program directory and the pre-execution examples give
 *    the same exit code, console output, retired counts and RAM with
 *    pre-execution enabled and disabled. Programs that look at spawn
 *    results or pexstatus on purpose are left out: the list
 *    observes_preexec below, or any program defining the symbol
 *    pex_observes_preexec. The examples pex_list, pex_hash and pex_tree run
 *    in their small builds (pex_*_small, tests/preexec.mk); with
 *    PEX_FULL_EXAMPLES=1 in the environment (`make verify-preexec`) in
 *    their full sizes. A program that never ends (bad_spin.S, the cycle
 *    limit's test program) is compared over its first SPIN_CYCLES cycles.
 * Expected values are computed here from what the suite wrote into the
 * programs, never copied from a run. Runs use the configuration's default
 * memory latency (100, or $OUTRIDER_MEM_LATENCY).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tprog.h"

#define SENTINEL        0xA5A5A5A5u
#define NODE_BYTES      64          /* list nodes: word 0 next, word 1 value */
#define PAGE_BYTES      4096        /* <= the data cache size (16 KiB default; at least 4 KiB) */
#define POOL_PAGES      16          /* `pool` of pex_seg.S / pex_fwd.S: 64 KiB */
#define SLOTS_PER_PAGE  (PAGE_BYTES / NODE_BYTES)
#define EXAMPLE_CYCLES  40000000u   /* cycle guard of an example run */
#define CORPUS_CYCLES   2000000u    /* cycle guard of a test program in the corpus */
#define CHUNK_CYCLES    250000u     /* event log drained this often */
#define SPIN_CYCLES     50000u      /* cycle guard of a corpus program that never ends */

/* 1: the full-size examples (PEX_FULL_EXAMPLES=1, make verify-preexec);
 * 0: their small builds pex_*_small (make test). Set in main(). */
static int full_examples;

/* The build of example `base` (pex_list, pex_hash, pex_tree) this run uses. */
static const char *example_name(const char *base)
{
    static const char *const small[][2] = {
        { "pex_list", "pex_list_small" },
        { "pex_hash", "pex_hash_small" },
        { "pex_tree", "pex_tree_small" },
    };
    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++)
        if (strcmp(base, small[i][0]) == 0)
            return full_examples ? small[i][0] : small[i][1];
    fail_msg("no small build of the example %s", base);
    return base;
}

/* ---- small utilities ------------------------------------------------------ */

/* xorshift32: the suite's own fixed-seed generator. */
static uint32_t rng_next(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

static uint32_t rng_below(uint32_t *s, uint32_t n)
{
    return (uint32_t)(((uint64_t)rng_next(s) * n) >> 32);
}

static outrider_config pex_config(int preexec, int events, uint64_t max_cycles)
{
    outrider_config cfg = tprog_config();
    cfg.no_preexec = !preexec;
    cfg.event_log = events;
    cfg.max_cycles = max_cycles;
    return cfg;
}

static void write_word(outrider_sim *sim, uint32_t addr, uint32_t v)
{
    if (outrider_sim_write_mem(sim, addr, &v, sizeof v) != 0)
        fail_msg("cannot write RAM at 0x%08x", addr);
}

static const outrider_preexec_stats *pex_stats(const outrider_sim *sim)
{
    return &outrider_sim_stats(sim)->preexec;
}

static void print_pex(const char *what, const outrider_sim *sim)
{
    const outrider_preexec_stats *p = pex_stats(sim);
    print_message("  %s: %llu cycles; spawned %llu refused %llu, p-thread insns %llu, "
                  "fills %llu useful %llu late %llu useless %llu, main loads %llu misses %llu\n",
                  what, (unsigned long long)outrider_sim_cycles(sim),
                  (unsigned long long)p->spawned, (unsigned long long)p->refused,
                  (unsigned long long)p->instructions, (unsigned long long)p->fills,
                  (unsigned long long)p->useful_fills, (unsigned long long)p->late_fills,
                  (unsigned long long)p->useless_fills, (unsigned long long)p->main_loads,
                  (unsigned long long)p->main_load_misses);
}

/* ---- linked lists written into a program's `pool` before the run ---------- */

/* Node addresses chosen so that no two lines used by the run share an
 * offset within a PAGE_BYTES page: with any geometry of a data cache of at
 * least PAGE_BYTES (a set then takes at most max(1, PAGE_BYTES / way size)
 * <= ways of those offsets), no set holds more lines than it has ways, so
 * nothing the test looks at is evicted by a conflict. Offsets of the program's own data
 * (`avoid`) are left out. */
typedef struct {
    uint32_t pool;
    uint32_t used[SLOTS_PER_PAGE];  /* slot taken */
    uint32_t rng;
} node_alloc;

static void node_alloc_init(node_alloc *na, const outrider_sim *sim, const char *const *avoid)
{
    memset(na, 0, sizeof(*na));
    na->pool = tprog_sym(sim, "pool");
    na->rng = 0x9E3779B9u;
    assert_int_equal(na->pool % PAGE_BYTES, 0);
    for (size_t i = 0; avoid[i] != NULL; i++) {
        uint32_t a = tprog_sym(sim, avoid[i]);
        /* the symbol's first 64 bytes: one or two slots */
        na->used[(a % PAGE_BYTES) / NODE_BYTES] = 1;
        na->used[((a + NODE_BYTES - 1) % PAGE_BYTES) / NODE_BYTES] = 1;
    }
}

static uint32_t node_alloc_next(node_alloc *na)
{
    uint32_t free_slots = 0;
    for (uint32_t s = 0; s < SLOTS_PER_PAGE; s++)
        free_slots += !na->used[s];
    if (free_slots == 0)
        fail_msg("node_alloc: no free line offsets left");
    uint32_t k = rng_below(&na->rng, free_slots), slot = 0;
    for (slot = 0; slot < SLOTS_PER_PAGE; slot++)
        if (!na->used[slot] && k-- == 0)
            break;
    na->used[slot] = 1;
    uint32_t page = rng_below(&na->rng, POOL_PAGES);
    return na->pool + page * PAGE_BYTES + slot * NODE_BYTES;
}

/* A list of n nodes (addresses into nodes[], values into values[]) written
 * into RAM; returns its head. */
static uint32_t make_list(outrider_sim *sim, node_alloc *na, uint32_t *nodes, uint32_t *values,
                          size_t n)
{
    for (size_t i = 0; i < n; i++) {
        nodes[i] = node_alloc_next(na);
        values[i] = rng_next(&na->rng) & 0x00FFFFFFu;
    }
    for (size_t i = 0; i < n; i++) {
        write_word(sim, nodes[i], i + 1 < n ? nodes[i + 1] : 0);
        write_word(sim, nodes[i] + 4, values[i]);
    }
    return nodes[0];
}

/* ---- event log queries ---------------------------------------------------- */

/* First main-thread (non-p-thread) load of the node at `node` (its first
 * NODE_BYTES bytes): index into ev, or -1. */
static long first_main_load(const outrider_event *ev, size_t n, uint32_t node)
{
    for (size_t i = 0; i < n; i++)
        if (ev[i].kind == OUTRIDER_EV_LOAD && !ev[i].spec && ev[i].ctx == 0 &&
            ev[i].addr >= node && ev[i].addr < node + NODE_BYTES)
            return (long)i;
    return -1;
}

/* First fill of the line holding `node` (nodes are NODE_BYTES-aligned, so
 * for any line size up to NODE_BYTES that line starts at `node`) caused by
 * a p-thread (spec) or anyone (spec < 0); -1 if none. */
static long first_fill(const outrider_event *ev, size_t n, uint32_t node, int spec)
{
    for (size_t i = 0; i < n; i++)
        if (ev[i].kind == OUTRIDER_EV_FILL && ev[i].addr == node &&
            (spec < 0 || ev[i].spec == (uint8_t)spec))
            return (long)i;
    return -1;
}

/* Main-thread loads of the nodes that were not served from the cache:
 * misses, merges into a line in flight, late p-thread fills. */
static unsigned main_misses_on(const outrider_event *ev, size_t n, const uint32_t *nodes,
                               size_t nn)
{
    unsigned misses = 0;
    for (size_t i = 0; i < n; i++) {
        if (ev[i].kind != OUTRIDER_EV_LOAD || ev[i].spec || ev[i].ctx != 0)
            continue;
        if (ev[i].cls != OUTRIDER_CLS_MISS && ev[i].cls != OUTRIDER_CLS_MERGE &&
            ev[i].cls != OUTRIDER_CLS_LATE)
            continue;
        for (size_t k = 0; k < nn; k++)
            if (ev[i].addr >= nodes[k] && ev[i].addr < nodes[k] + NODE_BYTES)
                misses++;
    }
    return misses;
}

/* Every node was filled by a p-thread at a cycle before the main thread's
 * first access to it, and that access was a useful hit. Prints every line
 * that is not, and fails. */
static void expect_filled_early(const outrider_event *ev, size_t n, const uint32_t *nodes,
                                size_t nn, const char *what)
{
    unsigned bad = 0;
    for (size_t k = 0; k < nn; k++) {
        long m = first_main_load(ev, n, nodes[k]);
        long f = first_fill(ev, n, nodes[k], 1);
        long any = first_fill(ev, n, nodes[k], -1);
        if (m >= 0 && f >= 0 && ev[f].cycle < ev[m].cycle && any == f &&
            ev[m].cls == OUTRIDER_CLS_USEFUL)
            continue;
        if (bad++ < 20)
            print_message("  %s node %zu line 0x%08x: p-thread fill %s%llu, main access %s%llu "
                          "(%s), first fill by %s\n", what, k, nodes[k],
                          f >= 0 ? "@" : "none ", f >= 0 ? (unsigned long long)ev[f].cycle : 0ull,
                          m >= 0 ? "@" : "none ", m >= 0 ? (unsigned long long)ev[m].cycle : 0ull,
                          m >= 0 ? outrider_access_class_name(ev[m].cls) : "-",
                          any < 0 ? "nobody" : ev[any].spec ? "the p-thread" : "the main thread");
    }
    if (bad != 0)
        fail_msg("%s: %u of %zu lines were not filled by the p-thread before the main "
                 "thread's access", what, bad, nn);
}

/* ---- the headline check: the seed's traversal (pex_seg.S) ----------------- */

#define SEG_A_NODES 32
#define SEG_B_NODES 16
#define SEG_WORK    2               /* divisions per node of list A */

typedef struct {
    uint32_t a_nodes[SEG_A_NODES], a_values[SEG_A_NODES];
    uint32_t b_nodes[SEG_B_NODES], b_values[SEG_B_NODES];
    uint32_t sum_a, sum_b;
} seg_lists;

static void seg_setup(outrider_sim *sim, seg_lists *L)
{
    static const char *const avoid[] = { "results", "args", NULL };
    node_alloc na;
    node_alloc_init(&na, sim, avoid);
    uint32_t ha = make_list(sim, &na, L->a_nodes, L->a_values, SEG_A_NODES);
    uint32_t hb = make_list(sim, &na, L->b_nodes, L->b_values, SEG_B_NODES);
    uint32_t args[3] = { ha, hb, SEG_WORK };
    tprog_write(sim, "args", 0, args, 3);
    tprog_fill(sim, "results", 2, SENTINEL);
    L->sum_a = L->sum_b = 0;
    for (size_t i = 0; i < SEG_A_NODES; i++) {
        uint32_t v = L->a_values[i];
        for (int k = 0; k < SEG_WORK; k++)
            v += v / 7u;
        L->sum_a += v;
    }
    for (size_t i = 0; i < SEG_B_NODES; i++)
        L->sum_b += L->b_values[i];
}

static unsigned seg_run(void **state, int preexec, seg_lists *L)
{
    outrider_config cfg = pex_config(preexec, 1, TPROG_MAX_CYCLES);
    outrider_sim *sim = tprog_load(state, "test_pex_seg", &cfg);
    seg_setup(sim, L);
    tprog_run_ok(sim);
    assert_int_equal(tprog_word(sim, "results", 0), L->sum_a);
    assert_int_equal(tprog_word(sim, "results", 1), L->sum_b);
    print_pex(preexec ? "pre-execution" : "--no-preexec", sim);

    size_t n = 0;
    const outrider_event *ev = outrider_sim_events(sim, &n);
    assert_non_null(ev);
    const outrider_preexec_stats *p = pex_stats(sim);
    if (preexec) {
        assert_int_equal(p->spawned, 1);
        assert_int_equal(p->refused, 0);
        assert_int_equal(p->stops, 1);          /* PreExecute_Stop at the end of segment 206 */
        expect_filled_early(ev, n, L->b_nodes, SEG_B_NODES, "segment 206");
    } else {
        assert_int_equal(p->spawned, 0);
        assert_int_equal(p->refused, 1);
        assert_int_equal(p->instructions, 0);
        assert_int_equal(p->fills, 0);
    }
    return main_misses_on(ev, n, L->b_nodes, SEG_B_NODES);
}

static void test_headline_seed_traversal(void **state)
{
    seg_lists on, off;
    unsigned miss_off = seg_run(state, 0, &off);
    unsigned miss_on = seg_run(state, 1, &on);
    print_message("  main-thread misses in segment 206: %u without, %u with pre-execution\n",
                  miss_off, miss_on);
    /* the same lists both times, all cold without pre-execution */
    assert_memory_equal(on.b_nodes, off.b_nodes, sizeof(on.b_nodes));
    assert_true(miss_off >= SEG_B_NODES);
    if (miss_on * 5 > miss_off)
        fail_msg("misses dropped from %u to %u: less than 80%%", miss_off, miss_on);
}

/* ---- store-buffer forwarding (pex_fwd.S) ----------------------------------- */

#define FWD_NODES   16
#define FWD_WAIT    400             /* pauses (~32 cycles each) before the main walk */

typedef struct {
    uint32_t nodes[FWD_NODES], values[FWD_NODES];
    uint32_t sum;
} fwd_list;

static void fwd_setup(outrider_sim *sim, fwd_list *L)
{
    static const char *const avoid[] = { "results", "args", "stack", NULL };
    node_alloc na;
    node_alloc_init(&na, sim, avoid);
    uint32_t head = make_list(sim, &na, L->nodes, L->values, FWD_NODES);
    L->sum = 0;
    for (size_t i = 0; i < FWD_NODES; i++)
        L->sum += L->values[i];
    uint32_t args[2] = { head, FWD_WAIT };
    tprog_write(sim, "args", 0, args, 2);
    tprog_fill(sim, "results", 1, SENTINEL);
}

static void test_forwarding_spilled_walk(void **state)
{
    outrider_config cfg = pex_config(1, 1, TPROG_MAX_CYCLES);
    outrider_sim *sim = tprog_load(state, "test_pex_fwd", &cfg);
    fwd_list L;
    fwd_setup(sim, &L);
    const uint32_t *nodes = L.nodes;
    uint32_t sum = L.sum;
    tprog_run_ok(sim);
    print_pex("pex_fwd", sim);
    assert_int_equal(tprog_word(sim, "results", 0), sum);

    const outrider_preexec_stats *p = pex_stats(sim);
    assert_int_equal(p->spawned, 1);
    assert_int_equal(p->stops, 1);              /* it walked to the end, no exception */
    assert_int_equal(p->exception_stops, 0);
    assert_true(p->stores_buffered >= 2 * FWD_NODES);

    size_t n = 0;
    const outrider_event *ev = outrider_sim_events(sim, &n);
    expect_filled_early(ev, n, nodes, FWD_NODES, "spilled walk");
    /* and nothing else: every p-thread fill is a node or the stack */
    uint32_t stack = tprog_sym(sim, "stack"), stack_top = tprog_sym(sim, "stack_top");
    unsigned stray = 0;
    for (size_t i = 0; i < n; i++) {
        if (ev[i].kind != OUTRIDER_EV_FILL || !ev[i].spec)
            continue;
        int ok = ev[i].addr >= (stack & ~(uint32_t)(NODE_BYTES - 1)) && ev[i].addr < stack_top;
        for (size_t k = 0; k < FWD_NODES && !ok; k++)
            ok = ev[i].addr == nodes[k];
        if (!ok && stray++ < 10)
            print_message("  stray p-thread fill of line 0x%08x at cycle %llu\n", ev[i].addr,
                          (unsigned long long)ev[i].cycle);
    }
    if (stray != 0)
        fail_msg("%u p-thread fills outside the list and the stack: reloads of spilled "
                 "values were not forwarded", stray);
}

/* ---- pex_misalign.S: misaligned accesses in a p-thread and the main thread */

static uint32_t le_at(const uint8_t *b, unsigned n)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v |= (uint32_t)b[i] << (8 * i);
    return v;
}

/* One run: the main thread's results and dst, the p-thread statistics. */
static void misalign_run(void **state, int preexec, const uint8_t buf[64], uint32_t res[6],
                         uint32_t dst[16], outrider_preexec_stats *ps)
{
    outrider_config cfg = pex_config(preexec, 0, TPROG_MAX_CYCLES);
    outrider_sim *sim = tprog_load(state, "test_pex_misalign", &cfg);
    uint32_t w[16];
    for (unsigned i = 0; i < 16; i++)
        w[i] = le_at(buf + 4 * i, 4);
    tprog_write(sim, "buf", 0, w, 16);
    tprog_fill(sim, "dst", 16, 0xA5A5A5A5u);
    tprog_fill(sim, "results", 6, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, res, 6);
    tprog_read(sim, "dst", 0, dst, 16);
    *ps = *pex_stats(sim);
}

static void test_misaligned_pthread(void **state)
{
    uint8_t buf[64], dst[64];
    uint32_t seed = 0x2545F491u;
    for (unsigned i = 0; i < 64; i++)
        buf[i] = (uint8_t)rng_next(&seed);
    buf[2] |= 0x80;                 /* lh buf+1 is negative */
    memset(dst, 0xA5, sizeof(dst));

    /* expected values of the main thread (pex_misalign.S header) */
    uint32_t exp[6];
    exp[0] = (uint32_t)(int32_t)(int16_t)le_at(buf + 1, 2);
    buf[1] = 0x57;
    buf[2] = 0x13;
    exp[1] = 0x1357;
    exp[2] = le_at(buf + 5, 2);
    exp[3] = le_at(buf + 3, 4);
    uint32_t c = 0;
    for (unsigned i = 0; i < 8; i++) {
        uint32_t v = le_at(buf + 1 + 4 * i, 4);
        c = c * 31u + v;
        memcpy(dst + 3 + 4 * i, buf + 1 + 4 * i, 4);
    }
    exp[4] = c;
    buf[7] = 0x57;
    buf[8] = 0x13;
    exp[5] = le_at(buf + 6, 4);

    /* the buffer as the test writes it (undo the stores above) */
    uint8_t in[64];
    seed = 0x2545F491u;
    for (unsigned i = 0; i < 64; i++)
        in[i] = (uint8_t)rng_next(&seed);
    in[2] |= 0x80;

    uint32_t on[6], off[6], don[16], doff[16];
    outrider_preexec_stats pon, poff;
    misalign_run(state, 1, in, on, don, &pon);
    misalign_run(state, 0, in, off, doff, &poff);
    print_message("  pre-execution on: spawned %llu, exception stops %llu, stores buffered %llu, "
                  "p-thread insns %llu\n", (unsigned long long)pon.spawned,
                  (unsigned long long)pon.exception_stops, (unsigned long long)pon.stores_buffered,
                  (unsigned long long)pon.instructions);
    unsigned fails = 0;
    for (size_t i = 0; i < 6; i++) {
        tprog_check("main thread, pre-execution on", i, on[i], exp[i], &fails);
        tprog_check("main thread, pre-execution off", i, off[i], exp[i], &fails);
    }
    for (size_t i = 0; i < 16; i++) {
        tprog_check("dst, pre-execution on", i, don[i], le_at(dst + 4 * i, 4), &fails);
        tprog_check("dst, pre-execution off", i, doff[i], le_at(dst + 4 * i, 4), &fails);
    }
    tprog_checks_done("misaligned accesses with and without a p-thread", fails);
    /* the p-thread ran its accesses inside a word (one store buffered) and
     * stopped silently at the first word-crossing load */
    assert_int_equal(pon.spawned, 1);
    assert_int_equal(pon.exception_stops, 1);
    assert_int_equal(pon.stops, 0);
    assert_true(pon.stores_buffered >= 1);
    assert_int_equal(poff.spawned, 0);
}

/* ---- pex_basic.S: spawn, refusal, stop, cancel, budget, exceptions -------- */

#define BASIC_N 49

static void test_spawn_stop_cancel_refuse(void **state)
{
    outrider_config cfg = pex_config(1, 1, TPROG_MAX_CYCLES);
    outrider_sim *sim = tprog_load(state, "test_pex_basic", &cfg);
    uint32_t data_before[16];
    tprog_read(sim, "data", 0, data_before, 16);
    tprog_fill(sim, "results", BASIC_N, SENTINEL);
    tprog_fill(sim, "spawn_rd", BASIC_N, SENTINEL);
    tprog_run_ok(sim);
    print_pex("pex_basic", sim);

    uint32_t r[BASIC_N], rd[BASIC_N], data_after[16];
    tprog_read(sim, "results", 0, r, BASIC_N);
    tprog_read(sim, "spawn_rd", 0, rd, BASIC_N);
    tprog_read(sim, "data", 0, data_after, 16);
    unsigned fails = 0;

    /* spawn, second spawn refused while busy, pexstatus, cancel, respawn */
    tprog_check("first spawn rd", 0, r[0], 1, &fails);
    tprog_check("spawn while a p-thread runs", 1, r[1], 0, &fails);
    tprog_check("pexstatus with a p-thread", 2, r[2], 0x00020003u, &fails);
    tprog_check("pexstatus after cancel", 3, r[3], 0x00000001u, &fails);
    if (r[4] < 1 || r[4] > 1000)
        tprog_check("spawn attempts after cancel (1..1000)", 4, r[4], 1, &fails);
    tprog_check("spawn after cancel rd", 5, r[5], 1, &fails);
    tprog_check("pexbudget read back", 8, r[8], 100, &fails);
    if (r[19] < 1 || r[19] > 1000)
        tprog_check("register-check spawn attempts (1..1000)", 19, r[19], 1, &fails);

    /* verdicts: 1 = the p-thread was alive after the wait */
    static const struct {
        unsigned idx, alive;
        const char *what;
    } v[] = {
        { 6, 0, "pex.stop ends the p-thread" },
        { 7, 0, "budget 100 ends an endless loop" },
        { 9, 1, "budget 0: the endless loop runs on" },
        { 10, 0, "illegal instruction stops it" },
        { 11, 0, "a word-crossing misaligned load stops it" },
        { 12, 0, "load outside RAM/MMIO/CLINT stops it" },
        { 13, 0, "ecall stops it" },
        { 14, 0, "ebreak stops it" },
        { 15, 0, "fetch outside RAM stops it" },
        { 16, 0, "hart.exit ends it" },
        { 17, 1, "mhartid is 1" },
        { 18, 1, "registers copied at the spawn" },
        { 20, 1, "registers written while busy reach the bank (mirror copy)" },
        { 21, 1, "pex.spawn in a p-thread is refused" },
        { 22, 1, "hart.start in a p-thread is refused" },
        { 23, 1, "store-buffer forwarding of a word" },
        { 24, 1, "byte/halfword merge and forwarding" },
        { 25, 1, "eight words buffered, merged, reloaded" },
        { 26, 0, "a ninth word overflows: stop" },
        { 27, 1, "AMO is a plain load" },
        { 28, 1, "LR loads, SC fails" },
        { 29, 1, "CSR writes have no effect" },
        { 30, 1, "MMIO/CLINT loads return 0" },
        { 31, 1, "wfi, mret, fence.i have no effect" },
        { 32, 0, "negative control" },
        { 43, 1, "an enabled, pending interrupt of context 1 is not taken" },
        { 44, 1, "a late answer after cancel does not reach the next p-thread" },
        { 46, 1, "cancel while a miss waits for an MSHR; the next p-thread is clean" },
        { 45, 1, "registers a p-thread wrote are the spawner's again in the next" },
        { 47, 0, "budget 100 taken at the spawn: a later write of 0 does not lift it" },
        { 48, 1, "budget 0 taken at the spawn: a later write of 100 does not impose it" },
    };
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        tprog_check(v[i].what, v[i].idx, r[v[i].idx], v[i].alive, &fails);
        /* and each was spawned (a second spawn after the previous ended) */
        tprog_check("its spawn's rd", v[i].idx, rd[v[i].idx], 1, &fails);
    }
    tprog_check("spawn after a p-thread cleared pexctl", 33, r[33], 1, &fails);
    tprog_check("spawn while context 1 runs as a hart", 34, r[34], 0, &fails);
    tprog_check("pexstatus with a hart on context 1", 35, r[35], 0x00000003u, &fails);
    tprog_check("hart.start while a p-thread runs", 36, r[36], 0, &fails);
    tprog_check("spawn with pexctl.EN = 0", 37, r[37], 0, &fails);
    tprog_check("pexctl after csrci", 38, r[38], 0, &fails);
    tprog_check("pexstatus after the refused spawn", 39, r[39], 0x00000001u, &fails);
    tprog_check("spawn after re-enabling", 40, r[40], 1, &fails);
    tprog_check("mscratch of context 0", 41, r[41], 0x0BADF00Du, &fails);
    tprog_check("mtvec of context 0", 42, r[42], tprog_sym(sim, "unexpected_trap"), &fails);
    for (size_t i = 0; i < 16; i++)
        tprog_check("data[] untouched by p-threads", i, data_after[i], data_before[i], &fails);
    /* 46 really cancelled a p-thread whose miss waited for an MSHR (parked,
     * not dropped): context 1 had MSHR-full cycles (when memory is slow
     * enough for the 8 posted stores to be in flight together) */
    if (cfg.mem_latency >= 20 && outrider_sim_stats(sim)->dcache.ctx[1].mshr_full_stall_cycles == 0)
        tprog_check("context 1 MSHR-full cycles (46: > 0)", 46, 0, 1, &fails);

    /* the stop counters: exactly the checks that must end a p-thread */
    const outrider_preexec_stats *p = pex_stats(sim);
    tprog_check("budget stops (7, 47)", 0, (uint32_t)p->budget_stops, 2, &fails);
    tprog_check("exception stops (10-15, 26)", 0, (uint32_t)p->exception_stops, 7, &fails);
    tprog_check("stops (6, 16, 32)", 0, (uint32_t)p->stops, 3, &fails);
    if (p->cancelled < 10)
        tprog_check("cancelled (>= 10)", 0, (uint32_t)p->cancelled, 10, &fails);

    /* the event log tells the same story as the counters, event by event */
    size_t n = 0;
    const outrider_event *ev = outrider_sim_events(sim, &n);
    uint32_t per_kind[OUTRIDER_PEX_EVENTS] = { 0 };
    for (size_t i = 0; i < n; i++)
        if (ev[i].kind == OUTRIDER_EV_PEX && ev[i].cls < OUTRIDER_PEX_EVENTS)
            per_kind[ev[i].cls]++;
    const struct { unsigned ev; const char *name; uint64_t count; } log_vs_stats[] = {
        { OUTRIDER_PEX_SPAWN, "spawn", p->spawned },
        { OUTRIDER_PEX_REFUSED, "refused", p->refused },
        { OUTRIDER_PEX_CANCEL, "cancel", p->cancelled },
        { OUTRIDER_PEX_BUDGET_STOP, "budget_stop", p->budget_stops },
        { OUTRIDER_PEX_EXC_STOP, "exc_stop", p->exception_stops },
        { OUTRIDER_PEX_STOP, "stop", p->stops },
        { OUTRIDER_PEX_STORE_BUFFERED, "store_buffered", p->stores_buffered },
        { OUTRIDER_PEX_MMIO_SUPPRESSED, "mmio_suppressed", p->mmio_loads_suppressed },
    };
    for (size_t i = 0; i < sizeof log_vs_stats / sizeof log_vs_stats[0]; i++) {
        assert_string_equal(outrider_pex_event_name(log_vs_stats[i].ev), log_vs_stats[i].name);
        tprog_check(log_vs_stats[i].name, log_vs_stats[i].ev, per_kind[log_vs_stats[i].ev],
                    (uint32_t)log_vs_stats[i].count, &fails);
    }
    tprog_check("spawn events (>= 10)", 0, per_kind[OUTRIDER_PEX_SPAWN] >= 10, 1, &fails);
    tprog_checks_done("pex_basic", fails);
}

/* The C interface of outrider/preexec.h (pex_capi.c). */
static void test_c_interface(void **state)
{
    outrider_config cfg = pex_config(1, 0, TPROG_MAX_CYCLES);
    outrider_sim *sim = tprog_load(state, "test_pex_capi", &cfg);
    tprog_fill(sim, "results", 15, SENTINEL);
    tprog_run_ok(sim);
    print_pex("pex_capi", sim);
    static const uint32_t expect[15] = {
        0, 0, 1, 1000,      /* enable/enabled, spawn while disabled, budget */
        1, 1, 0,            /* spawn(fn, arg): fn got arg; cancel ends it */
        1, 0,               /* pex_stop() inside fn */
        1, 0,               /* budget stop */
        1, 1,               /* fn calling a function */
        1, 1,               /* fn with an array on its stack */
    };
    uint32_t r[15];
    tprog_read(sim, "results", 0, r, 15);
    unsigned fails = 0;
    for (size_t i = 0; i < 15; i++)
        tprog_check("pex_capi results", i, r[i], expect[i], &fails);
    const outrider_preexec_stats *p = pex_stats(sim);
    tprog_check("budget stops", 0, (uint32_t)p->budget_stops, 1, &fails);
    tprog_check("exception stops", 0, (uint32_t)p->exception_stops, 0, &fails);
    tprog_check("stops (pex_stop)", 0, (uint32_t)p->stops, 1, &fails);
    tprog_checks_done("pex_capi", fails);
}

/* Pre-execution disabled by the test bench (--no-preexec): every spawn
 * refused, no p-thread instruction, and the program's result unchanged. */
static void test_disabled_refuses_all(void **state)
{
    outrider_config cfg = pex_config(0, 0, EXAMPLE_CYCLES);
    outrider_sim *sim = tprog_load(state, example_name("pex_list"), &cfg);
    tprog_run_ok(sim);
    size_t len = 0;
    const char *con = outrider_sim_console(sim, &len);
    const outrider_preexec_stats *p = pex_stats(sim);
    print_pex("pex_list --no-preexec", sim);
    if (strstr(con, "checksum") == NULL || strstr(con, "(ok)") == NULL ||
        strstr(con, "pre-execution disabled, 0 of ") == NULL)
        fail_msg("unexpected console output:\n%s", con);
    assert_int_equal(p->spawned, 0);
    assert_true(p->refused > 0);
    assert_int_equal(p->instructions, 0);
    assert_int_equal(p->fills, 0);
    assert_int_equal(p->useful_fills, 0);
}

/* ---- the invariant: pre-execution on vs off ------------------------------- */

/* 64-byte blocks the main thread stored to (hash set, open addressing) */
typedef struct {
    uint32_t *v;
    size_t n, cap;
} block_set;

static void block_set_add(block_set *s, uint32_t block)
{
    if (2 * (s->n + 1) > s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 1024;
        uint32_t *v = calloc(cap, sizeof(uint32_t));
        assert_non_null(v);
        for (size_t i = 0; i < s->cap; i++) {
            if (s->v[i] == 0)
                continue;
            size_t h = (s->v[i] * 2654435761u) & (cap - 1);
            while (v[h] != 0)
                h = (h + 1) & (cap - 1);
            v[h] = s->v[i];
        }
        free(s->v);
        s->v = v;
        s->cap = cap;
    }
    size_t h = (block * 2654435761u) & (s->cap - 1);
    while (s->v[h] != 0) {
        if (s->v[h] == block)
            return;
        h = (h + 1) & (s->cap - 1);
    }
    s->v[h] = block;
    s->n++;
}

typedef struct {
    outrider_status status;
    int exit_code;
    char *console;
    size_t console_len;
    uint64_t cycles;
    uint64_t retired[OUTRIDER_MAX_CTX];
    uint64_t nb_loads;          /* outstanding (non-blocking) loads of the harts */
    uint64_t ram_hash;
    outrider_preexec_stats pex;
} run_result;

/* FNV-1a over 32-bit words. */
static uint64_t hash_words(const uint32_t *w, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= w[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Run to the end, draining the event log every CHUNK_CYCLES to collect the
 * blocks the program stored to; the RAM hash is over RAM as the program
 * sees it (dirty cached data overlaid on those blocks). */
static void run_and_record(outrider_sim *sim, uint32_t ram_size, run_result *r)
{
    block_set stored = { NULL, 0, 0 };
    outrider_status st;
    do {
        st = outrider_sim_step(sim, CHUNK_CYCLES);
        size_t n = 0;
        const outrider_event *ev = outrider_sim_events(sim, &n);
        for (size_t i = 0; i < n; i++)
            if (ev[i].kind == OUTRIDER_EV_STORE && ev[i].addr >= OUTRIDER_RAM_BASE)
                block_set_add(&stored, ev[i].addr & ~(uint32_t)63);
        outrider_sim_clear_events(sim);
    } while (st == OUTRIDER_RUNNING);

    memset(r, 0, sizeof(*r));
    r->status = st;
    r->exit_code = outrider_sim_exit_code(sim);
    const char *con = outrider_sim_console(sim, &r->console_len);
    r->console = malloc(r->console_len + 1);
    assert_non_null(r->console);
    memcpy(r->console, con, r->console_len);
    r->console[r->console_len] = '\0';
    const outrider_stats *s = outrider_sim_stats(sim);
    r->cycles = s->cycles;
    for (unsigned c = 0; c < OUTRIDER_MAX_CTX; c++) {
        r->retired[c] = s->ctx[c].retired;
        r->nb_loads += s->ctx[c].nb_loads;
    }
    r->pex = s->preexec;

    uint32_t *ram = malloc(ram_size);
    assert_non_null(ram);
    assert_int_equal(outrider_sim_read_ram(sim, OUTRIDER_RAM_BASE, ram, ram_size), 0);
    for (size_t i = 0; i < stored.cap; i++) {
        uint32_t b = stored.v[i];
        if (b == 0 || b - OUTRIDER_RAM_BASE >= ram_size)
            continue;
        assert_int_equal(outrider_sim_read_mem(sim, b, (uint8_t *)ram + (b - OUTRIDER_RAM_BASE),
                                               64), 0);
    }
    r->ram_hash = hash_words(ram, ram_size / 4);
    free(ram);
    free(stored.v);
}

typedef struct {
    const char *name;
    int example;           /* an sw/examples program: pex_example_report = 0 */
} corpus_prog;

/* Inputs of the programs whose suite writes them before the run. */
static void corpus_inputs(outrider_sim *sim, const corpus_prog *p)
{
    if (p->example) {
        tprog_set_word(sim, "pex_example_report", 0, 0);
    } else if (strcmp(p->name, "test_pex_seg") == 0) {
        seg_lists L;
        seg_setup(sim, &L);
    } else if (strcmp(p->name, "test_pex_fwd") == 0) {
        fwd_list L;
        fwd_setup(sim, &L);
    }
}

/* Programs that spin until the cycle limit on purpose: compared over their
 * first SPIN_CYCLES cycles (both runs must stop at the limit, with the same
 * retired counts, console and RAM), not over the whole CORPUS_CYCLES. */
static const char *const never_ends[] = {
    "test_bad_spin",        /* test_badinput's cycle-limit program */
    NULL,
};

/* Run `name` with pre-execution on or off. */
static void corpus_run(void **state, const corpus_prog *p, int preexec, run_result *r)
{
    uint64_t guard = p->example ? EXAMPLE_CYCLES : CORPUS_CYCLES;
    for (size_t i = 0; never_ends[i] != NULL; i++)
        if (strcmp(p->name, never_ends[i]) == 0)
            guard = SPIN_CYCLES;
    outrider_config cfg = pex_config(preexec, 1, guard);
    outrider_sim *sim = tprog_load(state, p->name, &cfg);
    corpus_inputs(sim, p);
    run_and_record(sim, cfg.ram_size, r);
}

/* Programs that observe pre-execution on purpose (spawn results, pexstatus,
 * pexctl) and so differ with it off by design: these, and any program that
 * defines the symbol PEX_OBSERVER_SYMBOL, are left out of the corpus. */
#define PEX_OBSERVER_SYMBOL "pex_observes_preexec"
static const char *const observes_preexec[] = {
    "test_pex_basic",       /* records spawn results and pexstatus */
    "test_dcache_pthread",  /* retries spawns until accepted, records rd */
    NULL,
};

static int is_excluded(void **state, const char *name)
{
    for (size_t i = 0; observes_preexec[i] != NULL; i++)
        if (strcmp(name, observes_preexec[i]) == 0)
            return 1;
    uint32_t addr;
    return outrider_sim_symbol(tprog_load(state, name, NULL), PEX_OBSERVER_SYMBOL, &addr) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- prefetch hints and distance control (docs/preexec.md 4.5) ---------- */

typedef struct {
    int exit_code;
    char console[128];
    uint64_t cycles, retired0;
    outrider_preexec_stats pex;
    outrider_dcache_stats dc;
    unsigned hold_events, nonram_hints, nonram_loads, nonram_bus, nonram_fills;
    unsigned spared_events;      /* evict records with OUTRIDER_EVF_SPARED */
} hint_run;

static void run_collect(outrider_sim *sim, hint_run *r)
{
    outrider_status st;
    memset(r, 0, sizeof(*r));
    do {
        st = outrider_sim_step(sim, CHUNK_CYCLES);
        size_t n = 0;
        const outrider_event *ev = outrider_sim_events(sim, &n);
        for (size_t i = 0; i < n; i++) {
            int ram = ev[i].addr >= OUTRIDER_RAM_BASE;
            r->hold_events += ev[i].kind == OUTRIDER_EV_PEX && ev[i].cls == OUTRIDER_PEX_HOLD;
            r->nonram_hints += ev[i].kind == OUTRIDER_EV_PREFETCH && !ram;
            r->nonram_loads += ev[i].kind == OUTRIDER_EV_LOAD && !ram;
            r->nonram_bus += ev[i].kind == OUTRIDER_EV_BUS && !ram;
            r->nonram_fills += ev[i].kind == OUTRIDER_EV_FILL && !ram;
            r->spared_events += ev[i].kind == OUTRIDER_EV_EVICT &&
                                (ev[i].flags & OUTRIDER_EVF_SPARED) != 0;
        }
        outrider_sim_clear_events(sim);
    } while (st == OUTRIDER_RUNNING);
    assert_int_equal(st, OUTRIDER_EXITED);
    r->exit_code = outrider_sim_exit_code(sim);
    size_t len = 0;
    const char *con = outrider_sim_console(sim, &len);
    snprintf(r->console, sizeof r->console, "%.*s", (int)len, con);
    const outrider_stats *s = outrider_sim_stats(sim);
    r->cycles = s->cycles;
    r->retired0 = s->ctx[0].retired;
    r->pex = s->preexec;
    r->dc = s->dcache;
}

/* prefetch.r/.w fill lines without blocking or trapping; hints to MMIO,
 * CLINT and unmapped addresses touch nothing; results identical without */
static void test_prefetch_hints(void **state)
{
    hint_run r[2];
    for (int on = 1; on >= 0; on--) {
        outrider_config cfg = pex_config(1, 1, EXAMPLE_CYCLES);
        outrider_sim *sim = tprog_load(state, "prefetch", &cfg);
        tprog_set_word(sim, "prefetch_on", 0, (uint32_t)on);
        run_collect(sim, &r[on]);
        assert_int_equal(r[on].exit_code, 0);
    }
    print_message("  with hints: %llu cycles, %llu hints, %llu prefetch fills, %llu misses; "
                  "without: %llu cycles, %llu misses\n",
                  (unsigned long long)r[1].cycles, (unsigned long long)r[1].dc.prefetch_hints,
                  (unsigned long long)r[1].dc.prefetch_fills,
                  (unsigned long long)r[1].pex.main_load_misses, (unsigned long long)r[0].cycles,
                  (unsigned long long)r[0].pex.main_load_misses);
    assert_string_equal(r[1].console, r[0].console);
    assert_true(r[1].dc.prefetch_hints > 500);          /* 2 per record but the last, + 3 */
    assert_int_equal(r[0].dc.prefetch_hints, 0);
    assert_true(r[1].dc.prefetch_fills > 100);
    assert_int_equal(r[0].dc.prefetch_fills, 0);
    assert_true(r[1].pex.main_load_misses * 2 < r[0].pex.main_load_misses);
    assert_true(r[1].cycles < r[0].cycles);
    assert_int_equal(r[1].nonram_hints, 3);              /* issued, committed, no trap */
    assert_int_equal(r[1].nonram_loads, 0);
    assert_int_equal(r[1].nonram_bus, 0);
    assert_int_equal(r[1].nonram_fills, 0);
}

/* The plain seed pattern (sw/examples/pex_plain.c, 6 lists): the p-thread
 * runs far ahead, the distance control holds it (pexdist 64), pexdist = 0
 * never does; the main thread's results are the same in every run.
 * pexdist is pinned to 64 lines (the default of a 4 KiB cache, half its
 * lines): the default, half of the model's lines, is 256 with the 16 KiB
 * cache, more than one 96-line list, so there a p-thread one list ahead is
 * never held, which is the point of the larger cache but not this test's. */
static void test_distance_hold(void **state)
{
    hint_run dflt, off, nopex;
    hint_run *runs[3] = { &dflt, &off, &nopex };
    for (int i = 0; i < 3; i++) {
        outrider_config cfg = pex_config(i != 2, 1, EXAMPLE_CYCLES);
        cfg.pex_dist_set = i != 2;
        cfg.pex_dist = i == 0 ? 64 : 0;
        outrider_sim *sim = tprog_load(state, "pex_plain_small", &cfg);
        tprog_set_word(sim, "pex_example_report", 0, 0);
        run_collect(sim, runs[i]);
        assert_int_equal(runs[i]->exit_code, 0);
    }
    print_message("  pexdist 64: %llu cycles, %llu held cycles (%llu holds), %llu unused "
                  "evictions; pexdist 0: %llu cycles, %llu unused evictions; off: %llu cycles\n",
                  (unsigned long long)dflt.cycles, (unsigned long long)dflt.pex.throttled_cycles,
                  (unsigned long long)dflt.pex.holds, (unsigned long long)dflt.pex.useless_fills,
                  (unsigned long long)off.cycles, (unsigned long long)off.pex.useless_fills,
                  (unsigned long long)nopex.cycles);
    assert_true(dflt.pex.spawned > 0);
    assert_true(dflt.pex.throttled_cycles > 0);
    assert_true(dflt.pex.holds > 0);
    assert_int_equal(dflt.hold_events, dflt.pex.holds);
    assert_int_equal(off.pex.throttled_cycles, 0);
    assert_int_equal(off.hold_events, 0);
    assert_int_equal(nopex.pex.throttled_cycles, 0);
    assert_string_equal(dflt.console, nopex.console);
    assert_string_equal(off.console, nopex.console);
    assert_true(dflt.retired0 == nopex.retired0 && off.retired0 == nopex.retired0);
}

/* Sparing unused p-thread fills (docs/dcache.md section 2, docs/preexec.md
 * 4.6). pex_plain_small with the default pexdist: some evictions pass over
 * the pseudo-LRU way's unused p-thread fill, fewer fills are evicted unused
 * and the run is faster than with pexdist = 0 (which turns sparing off with
 * distance control). test_pex_wrong, whose p-threads load lines the main
 * thread never reads, with a pexdist that never holds them (1024): the
 * usefulness count keeps sparing off, so nothing is spared. The main
 * thread's results are those without pre-execution in every run. */
static void test_spare_fills(void **state)
{
    static const struct { const char *prog; int pex; int dist_set; unsigned dist; } runs[] = {
        { "pex_plain_small", 1, 0, 0 },   /* the default pexdist */
        { "pex_plain_small", 1, 1, 0 },   /* distance control (and sparing) off */
        { "pex_plain_small", 0, 0, 0 },
        { "test_pex_wrong",  1, 1, 1024 },
        { "test_pex_wrong",  0, 0, 0 },
    };
    hint_run r[5];
    for (int i = 0; i < 5; i++) {
        outrider_config cfg = pex_config(runs[i].pex, 1, EXAMPLE_CYCLES);
        cfg.pex_dist_set = runs[i].dist_set;
        cfg.pex_dist = runs[i].dist;
        outrider_sim *sim = tprog_load(state, runs[i].prog, &cfg);
        if (strcmp(runs[i].prog, "pex_plain_small") == 0)
            tprog_set_word(sim, "pex_example_report", 0, 0);
        run_collect(sim, &r[i]);
        assert_int_equal(r[i].exit_code, 0);
        assert_int_equal(r[i].spared_events, r[i].pex.spared_fills);
    }
    print_message("  pex_plain_small: default %llu cycles, %llu spared, %llu evicted unused; "
                  "pexdist 0: %llu cycles, %llu spared, %llu evicted unused\n",
                  (unsigned long long)r[0].cycles, (unsigned long long)r[0].pex.spared_fills,
                  (unsigned long long)r[0].pex.useless_fills, (unsigned long long)r[1].cycles,
                  (unsigned long long)r[1].pex.spared_fills,
                  (unsigned long long)r[1].pex.useless_fills);
    print_message("  test_pex_wrong (pexdist 1024): %llu spawns, %llu fills, %llu evicted unused, "
                  "%llu spared, %llu cycles (%llu without pre-execution)\n",
                  (unsigned long long)r[3].pex.spawned, (unsigned long long)r[3].pex.fills,
                  (unsigned long long)r[3].pex.useless_fills,
                  (unsigned long long)r[3].pex.spared_fills, (unsigned long long)r[3].cycles,
                  (unsigned long long)r[4].cycles);
    assert_true(r[0].pex.spawned > 0 && r[0].pex.spared_fills > 0);
    assert_int_equal(r[1].pex.spared_fills, 0);
    assert_true(r[0].pex.useless_fills < r[1].pex.useless_fills);
    assert_true(r[0].cycles < r[1].cycles);
    assert_true(r[3].pex.spawned > 4 && r[3].pex.fills > 500);
    assert_true(r[3].pex.useless_fills > r[3].pex.fills / 2);
    assert_int_equal(r[3].pex.spared_fills, 0);
    assert_int_equal(r[3].pex.throttled_cycles, 0);
    for (int i = 0; i < 5; i++) {
        int ref = i < 3 ? 2 : 4;      /* the run without pre-execution */
        assert_string_equal(r[i].console, r[ref].console);
        assert_true(r[i].retired0 == r[ref].retired0);
    }
}

static void test_invariant_corpus(void **state)
{
    /* every test_*.elf in PROG_DIR, sorted, then the examples */
    DIR *d = opendir(PROG_DIR);
    if (d == NULL)
        fail_msg("cannot open the program directory %s", PROG_DIR);
    char **names = NULL;
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (strncmp(e->d_name, "test_", 5) != 0 || len < 5 || strcmp(e->d_name + len - 4, ".elf"))
            continue;
        char *s = strndup(e->d_name, len - 4);
        assert_non_null(s);
        if (is_excluded(state, s)) {
            free(s);
            continue;
        }
        names = realloc(names, (nn + 1) * sizeof(*names));
        assert_non_null(names);
        names[nn++] = s;
    }
    closedir(d);
    qsort(names, nn, sizeof(*names), cmp_str);
    if (nn < 10)
        fail_msg("only %zu test programs found in %s: build them first (make tests-build)", nn,
                 PROG_DIR);

    const char *const examples[] = { example_name("pex_list"), example_name("pex_hash"),
                                     example_name("pex_tree"), "pex_plain_small" };
    size_t total = nn + sizeof(examples) / sizeof(examples[0]);
    unsigned bad = 0, with_pthreads = 0, with_nbl = 0;
    for (size_t i = 0; i < total; i++) {
        corpus_prog p = { i < nn ? names[i] : examples[i - nn], i >= nn };
        run_result on, off;
        corpus_run(state, &p, 1, &on);
        corpus_run(state, &p, 0, &off);
        const char *diff = NULL;
        if (on.status != off.status)
            diff = "end status";
        else if (on.exit_code != off.exit_code)
            diff = "exit code";
        else if (on.console_len != off.console_len ||
                 memcmp(on.console, off.console, on.console_len) != 0)
            diff = "console output";
        else if (memcmp(on.retired, off.retired, sizeof(on.retired)) != 0)
            diff = "retired instructions";
        else if (on.ram_hash != off.ram_hash)
            diff = "RAM contents";
        else if (off.pex.spawned != 0 || off.pex.instructions != 0)
            diff = "p-threads ran with pre-execution disabled";
        else if (p.example && (on.exit_code != 0 || on.pex.spawned == 0))
            diff = "example failed or spawned nothing";
        print_message("  %-22s exit %3d, retired %8llu/%llu, cycles %9llu on, %9llu off, "
                      "%4llu p-threads, outstanding loads %llu/%llu (%llu off): %s%s\n",
                      p.name, on.exit_code,
                      (unsigned long long)on.retired[0], (unsigned long long)on.retired[1],
                      (unsigned long long)on.cycles, (unsigned long long)off.cycles,
                      (unsigned long long)on.pex.spawned, (unsigned long long)on.nb_loads,
                      (unsigned long long)on.pex.nb_loads, (unsigned long long)off.nb_loads,
                      diff ? "DIFFERENT " : "same", diff ? diff : "");
        if (diff != NULL)
            bad++;
        with_pthreads += on.pex.spawned != 0;
        with_nbl += on.nb_loads != 0 && on.pex.nb_loads != 0 && off.nb_loads != 0;
        free(on.console);
        free(off.console);
    }
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    free(names);
    if (bad != 0)
        fail_msg("%u of %zu programs differ with pre-execution on and off", bad, total);
    /* the comparison means something only where p-threads ran */
    assert_true(with_pthreads >= 6);
    /* ... and for non-blocking loads only where the main thread and the
     * p-threads both had loads outstanding (the four examples; docs/core.md
     * "Non-blocking loads": a p-thread's outstanding loads must not change
     * the main thread's) */
    print_message("  %u programs with outstanding loads in the main thread and the p-threads\n",
                  with_nbl);
    assert_true(with_nbl >= 4);
}

/* pex_notrace.S: on vs off identical, expected values, counters. */
static void test_notrace(void **state)
{
    run_result on, off;
    corpus_prog p = { "test_pex_notrace", 0 };
    corpus_run(state, &p, 0, &off);
    corpus_run(state, &p, 1, &on);
    outrider_sim *sim = tprog_load(state, "test_pex_notrace", NULL);   /* symbols only */
    static const char expect_console[] = "notrace: ok\n";

    unsigned fails = 0;
    const run_result *rs[2] = { &off, &on };
    for (int k = 0; k < 2; k++) {
        const run_result *r = rs[k];
        if (r->status != OUTRIDER_EXITED || r->exit_code != 0)
            fail_msg("pex_notrace (pre-execution %s) ended with status %d, exit code %d",
                     k ? "on" : "off", (int)r->status, r->exit_code);
        if (strcmp(r->console, expect_console) != 0)
            fail_msg("pex_notrace (pre-execution %s): console '%s', expected '%s'",
                     k ? "on" : "off", r->console, expect_console);
    }
    tprog_check("retired", 0, (uint32_t)on.retired[0], (uint32_t)off.retired[0], &fails);
    tprog_check("RAM hash (low)", 0, (uint32_t)on.ram_hash, (uint32_t)off.ram_hash, &fails);
    tprog_check("RAM hash (high)", 0, (uint32_t)(on.ram_hash >> 32),
                (uint32_t)(off.ram_hash >> 32), &fails);

    /* all three p-threads ran to their intended ends */
    uint32_t insns = (tprog_sym(sim, "pt_one_end") - tprog_sym(sim, "pt_one")) / 4 +
                     (tprog_sym(sim, "pt_two_end") - tprog_sym(sim, "pt_two")) / 4 +
                     (tprog_sym(sim, "pt_three_end") - tprog_sym(sim, "pt_three")) / 4;
    tprog_check("spawned", 0, (uint32_t)on.pex.spawned, 3, &fails);
    tprog_check("exception stops (ecall, overflow)", 0, (uint32_t)on.pex.exception_stops, 2,
                &fails);
    tprog_check("stops", 0, (uint32_t)on.pex.stops, 1, &fails);
    tprog_check("p-thread instructions", 0, (uint32_t)on.pex.instructions, insns, &fails);
    tprog_check("stores buffered", 0, (uint32_t)on.pex.stores_buffered, 22, &fails);
    tprog_check("MMIO loads suppressed", 0, (uint32_t)on.pex.mmio_loads_suppressed, 7, &fails);
    tprog_check("spawned (off)", 0, (uint32_t)off.pex.spawned, 0, &fails);
    free(on.console);
    free(off.console);
    tprog_checks_done("pex_notrace", fails);

    /* and the values themselves (from the run with pre-execution on) */
    outrider_config cfg = pex_config(1, 0, TPROG_MAX_CYCLES);
    sim = tprog_load(state, "test_pex_notrace", &cfg);
    uint32_t data[4];
    tprog_read(sim, "data", 0, data, 4);
    tprog_fill(sim, "results", 12, SENTINEL);
    tprog_run_ok(sim);
    uint32_t r[12];
    tprog_read(sim, "results", 0, r, 12);
    for (size_t i = 0; i < 4; i++) {
        tprog_check("data seen by the main thread", i, r[i], data[i], &fails);
        tprog_check("data at the end", i, tprog_word(sim, "data", i), data[i], &fails);
    }
    tprog_check("mscratch", 4, r[4], 0x0BADF00Du, &fails);
    tprog_check("mtvec", 5, r[5], tprog_sym(sim, "unexpected_trap"), &fails);
    tprog_check("mie", 6, r[6], 0, &fails);
    tprog_check("mip (no msip/mtimecmp from the p-threads)", 7, r[7] & 0x88u, 0, &fails);
    tprog_check("mstatus.MIE", 8, r[8] & 0x8u, 0, &fails);
    tprog_check("patched code unchanged", 9, r[9], 0x600D, &fails);
    tprog_check("pexbudget", 10, r[10], 65536, &fails);
    tprog_check("mcycle running", 11, r[11], 1, &fails);
    tprog_checks_done("pex_notrace values", fails);
}

int main(void)
{
    const char *full = getenv("PEX_FULL_EXAMPLES");
    full_examples = full != NULL && strcmp(full, "1") == 0;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_headline_seed_traversal, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_forwarding_spilled_walk, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_spawn_stop_cancel_refuse, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_misaligned_pthread, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_c_interface, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_disabled_refuses_all, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_notrace, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_prefetch_hints, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_distance_hold, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_spare_fills, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_invariant_corpus, tprog_setup, tprog_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
