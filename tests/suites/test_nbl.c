// SPDX-License-Identifier: Apache-2.0
/*
 * test_nbl.c - non-blocking loads at the core level (docs/core.md
 * "Non-blocking loads"; docs/verification.md "Non-blocking loads"):
 *  - tests/programs/cosim_nbl.S in lockstep with the reference ISS at memory
 *    latencies 1, 23 and 100: it exits 0 (its own checks and checksum),
 *    co-simulation finds no mismatch (every late register write carries the
 *    value the ISS loaded), and the statistics show the outstanding loads it
 *    was written to cause; with --perfect-dcache none is outstanding;
 *  - the retirement port: every retirement with rd_late is followed by
 *    exactly one late write of that context and register unless a younger
 *    instruction that writes the register retires first (then the load's
 *    write is dropped and must never come), no late write comes without
 *    an outstanding load, and no instruction of the context that reads
 *    the register retires before its write (the scoreboard), on
 *    memory-bound programs with p-threads (pex_plain_small, pex_list_small)
 *    and on cosim_nbl; the checker's own negative cases;
 *  - tests/programs/cosim_nbl_waw.S in lockstep: a gather loop whose
 *    misses all load into one register overlaps them (a cycle bound), and
 *    younger writes of an outstanding load's register win;
 *  - a load outstanding while the other hart stores to its word
 *    (tests/programs/cosim_nbl_race.S as nbl_race.elf): legal values only,
 *    and in lockstep co-simulation agrees (test_race_lockstep).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cosim.h"
#include "tprog.h"

/* tests/programs/cosim_nbl.S: values it checks (its NCHECKS), and a lower
 * bound for its outstanding loads. A load can be answered outstanding only
 * if it is a plain load into a register (not x0), in RAM, not crossing a
 * word, and its line is in flight when it reaches the cache with its word
 * not yet written. Counted from the program, at most: S1 12 + 4 + 1 + 8,
 * S2 15 (20 less lw at offsets 1-3, lh and lhu at 3), S3 5, S4 6, S5 6,
 * S6 13, S7 4 per round x 6 = 24, S8 2 per iteration x 8 = 16: 110, plus
 * polls of `flag` while its line is first in flight. One is refused when
 * the context's 4 entries or the cache's MSHRs are all taken, or its word
 * has arrived already; the minimum asks for two thirds of the 110.
 * Measured (2026-12-06, 8 MSHRs): 101 at latency 1, 98 at 23, 100 at 100. */
#define NBL_CHECKS      124u
#define NBL_MIN         73u

static void check_nbl_results(outrider_sim *sim, const char *what)
{
    uint32_t r[13];
    tprog_read(sim, "results", 0, r, 13);
    unsigned fails = 0;
    static const char *const sec[7] = {
        "S1 wrong values (independent misses)", "S2 wrong values (widths, offsets)",
        "S3 wrong values (load, then store)", "S4 wrong values (store, then load in flight)",
        "S5 wrong values (WAW)", "S6 wrong values (fence/AMO/LR-SC/console/CLINT/ecall)",
        "S7 wrong values (two harts)",
    };
    for (unsigned i = 0; i < 7; i++)
        tprog_check(sec[i], i, r[i], 0, &fails);
    tprog_check("values checked", 7, r[7], NBL_CHECKS, &fails);
    tprog_check("checksum of loaded = of expected values", 8, r[8], r[9], &fails);
    tprog_check("ecall traps", 10, r[10], 1, &fails);
    tprog_check("timer interrupts", 11, r[11], 1, &fails);
    tprog_check("S8 wrong values (timer interrupt)", 12, r[12], 0, &fails);
    tprog_checks_done(what, fails);
    size_t n = 0;
    const char *con = outrider_sim_console(sim, &n);
    assert_int_equal(n, 4);
    assert_memory_equal(con, "nbl\n", 4);
}

/* cosim_nbl at three latencies, in lockstep with the ISS. */
static void test_cosim_nbl_latencies(void **state)
{
    static const uint32_t lat[] = {1, 23, 100};
    uint64_t compared = 0;
    for (size_t i = 0; i < sizeof(lat) / sizeof(lat[0]); i++) {
        outrider_config cfg = tprog_config_latency(lat[i]);
        cfg.max_cycles = 2000000u;
        outrider_sim *sim = tprog_load_lockstep(state, "test_cosim_nbl", &cfg);
        cosim *co = cosim_of(sim);
        tprog_run_ok(sim);          /* finishes the lockstep comparison too */
        assert_false(cosim_failed(co));
        compared += cosim_compared(co);
        char what[64];
        snprintf(what, sizeof what, "cosim_nbl at latency %u", lat[i]);
        check_nbl_results(sim, what);
        const outrider_stats *st = outrider_sim_stats(sim);
        const outrider_dcache_ctx_stats *dc = &st->dcache.ctx[0];
        print_message("  latency %3u: %llu cycles, %llu outstanding loads (context 0), "
                      "%llu load misses, %llu merges\n", lat[i],
                      (unsigned long long)st->cycles, (unsigned long long)st->ctx[0].nb_loads,
                      (unsigned long long)dc->load_misses, (unsigned long long)dc->mshr_merges);
        assert_true(st->ctx[0].nb_loads >= NBL_MIN);
        /* an outstanding load is a miss or a merge into a line in flight */
        assert_true(st->ctx[0].nb_loads <= dc->load_misses + dc->mshr_merges);
        /* context 1's hart loads nothing into a register; no p-threads */
        assert_int_equal(st->ctx[1].nb_loads, 0);
        assert_int_equal(st->preexec.nb_loads, 0);
    }
    print_message("  %llu instructions and traps compared\n", (unsigned long long)compared);
}

/* tests/programs/cosim_nbl_waw.S: outstanding loads and younger writes of
 * their register, in lockstep at latencies 23 and 100. Its gather loop
 * (NLINES misses, all into t1, as a compiler writes it) must overlap the
 * misses: with a write-after-write stall in ID each load waited for the
 * previous one and the loop took NLINES times a miss (measured with the
 * stall, 2026-12-06: 1,728 cycles at latency 100, 497 at 23); now the
 * misses overlap (559 and 178 cycles). The bound asserted: two thirds of
 * NLINES x latency (1,066 and 245). */
#define WAW_NLINES  16u
#define WAW_CHECKS  (WAW_NLINES + 7u)
static void test_waw_overlaps(void **state)
{
    static const uint32_t lat[] = {23, 100};
    for (size_t i = 0; i < sizeof(lat) / sizeof(lat[0]); i++) {
        outrider_config cfg = tprog_config_latency(lat[i]);
        outrider_sim *sim = tprog_load_lockstep(state, "test_cosim_nbl_waw", &cfg);
        cosim *co = cosim_of(sim);
        tprog_run_ok(sim);
        assert_false(cosim_failed(co));
        uint32_t r[3];
        tprog_read(sim, "results", 0, r, 3);
        const outrider_stats *st = outrider_sim_stats(sim);
        print_message("  latency %3u: gather loop of %u misses into one register: %u cycles; "
                      "%llu outstanding loads\n", lat[i], WAW_NLINES, r[1],
                      (unsigned long long)st->ctx[0].nb_loads);
        assert_int_equal(r[0], 0);
        assert_int_equal(r[2], WAW_CHECKS);
        assert_true(r[1] < WAW_NLINES * lat[i] * 2u / 3u);
        assert_true(st->ctx[0].nb_loads >= WAW_NLINES);
    }
}

/* The perfect data cache answers every access like a hit: nothing is
 * outstanding, and the program's results are the same. */
static void test_perfect_dcache_none(void **state)
{
    outrider_config cfg = tprog_config();
    cfg.perfect_dcache = 1;
    outrider_sim *sim = tprog_load(state, "test_cosim_nbl", &cfg);
    tprog_run_ok(sim);
    check_nbl_results(sim, "cosim_nbl with the perfect data cache");
    const outrider_stats *st = outrider_sim_stats(sim);
    assert_int_equal(st->ctx[0].nb_loads, 0);
    assert_int_equal(st->ctx[1].nb_loads, 0);
    assert_int_equal(st->preexec.nb_loads, 0);
}

/* ---- the retirement port's late writes ---------------------------------- */

/* Whether instruction `insn` reads its rs1 / rs2 field (the decoder's
 * rs1_used/rs2_used, rtl/core/outrider_decoder.sv; custom-0 counted as
 * reading both: hart.start does, the others encode x0). */
static void reads_regs(uint32_t insn, int *rs1, int *rs2)
{
    uint32_t opc = insn & 0x7f, f3 = (insn >> 12) & 7, f5 = insn >> 27;
    *rs1 = *rs2 = 0;
    switch (opc) {
    case 0x63: case 0x23: case 0x33: case 0x0b:   /* branch, store, op, custom-0 */
        *rs1 = *rs2 = 1;
        break;
    case 0x67: case 0x03: case 0x13:              /* jalr, load, op-imm */
        *rs1 = 1;
        break;
    case 0x2f:                                    /* AMO: LR reads no rs2 */
        *rs1 = 1;
        *rs2 = f5 != 0x02;
        break;
    case 0x73:                                    /* CSRRW/S/C read rs1 */
        *rs1 = f3 != 0 && f3 != 4 && !(f3 & 4);
        break;
    default:
        break;
    }
}

typedef struct {
    outrider_retire_fn next;     /* the hook installed before (co-simulation) */
    void *next_user;
    uint32_t pending[OUTRIDER_MAX_CTX];      /* hart: registers with a load outstanding */
    uint32_t pending_pt[OUTRIDER_MAX_CTX];   /* the same for p-thread loads */
    uint64_t late_loads[OUTRIDER_MAX_CTX], late_writes[OUTRIDER_MAX_CTX];
    uint64_t dropped[OUTRIDER_MAX_CTX];      /* loads whose write a younger write dropped */
    uint64_t pt_late_loads, pt_late_writes, readers_checked;
    uint64_t exc_pending, irq_pending;       /* traps taken with loads outstanding */
    unsigned errors;
    char first_error[256];
} late_check;

static void late_error(late_check *lc, const outrider_retire *r, const char *fmt, unsigned reg)
{
    if (lc->errors++ == 0) {
        char msg[128];
        snprintf(msg, sizeof msg, fmt, reg);
        snprintf(lc->first_error, sizeof lc->first_error,
                 "cycle %llu, context %u, pc 0x%08x, insn 0x%08x: %s",
                 (unsigned long long)r->cycle, r->ctx, r->pc, r->insn, msg);
    }
}

/* a trap taken while the context has loads outstanding */
static void count_trap(late_check *lc, const outrider_retire *r)
{
    if (r->trap && lc->pending[r->ctx]) {
        if (r->trap_cause & 0x80000000u)
            lc->irq_pending++;
        else
            lc->exc_pending++;
    }
}

static void late_record(late_check *lc, const outrider_retire *r)
{
    const unsigned c = r->ctx;
    if (r->pthread) {
        /* a p-thread's entries are dropped when it ends: a load may never
         * be written, but no write comes without a load */
        if (r->late_we) {
            if (!(lc->pending_pt[c] & (1u << r->late_rd)))
                late_error(lc, r, "p-thread late write of x%u without an outstanding load",
                           r->late_rd);
            lc->pending_pt[c] &= ~(1u << r->late_rd);
            lc->pt_late_writes++;
        }
        if (r->retire && r->rd_late) {
            lc->pending_pt[c] |= 1u << r->rd;
            lc->pt_late_loads++;
        }
        return;
    }
    lc->pending_pt[c] = 0;       /* a hart now: the last p-thread's entries are gone */
    /* the late write of an older load comes before this cycle's retirement */
    if (r->late_we) {
        if (r->late_rd == 0 || !(lc->pending[c] & (1u << r->late_rd)))
            late_error(lc, r, "late write of x%u without an outstanding load", r->late_rd);
        lc->pending[c] &= ~(1u << r->late_rd);
        lc->late_writes[c]++;
    }
    if (!r->retire) {
        count_trap(lc, r);
        return;
    }
    int u1, u2;
    reads_regs(r->insn, &u1, &u2);
    unsigned rs1 = (r->insn >> 15) & 31, rs2 = (r->insn >> 20) & 31;
    if (lc->pending[c]) {
        lc->readers_checked++;
        if (u1 && (lc->pending[c] & (1u << rs1)))
            late_error(lc, r, "reads x%u before its outstanding load wrote it", rs1);
        if (u2 && (lc->pending[c] & (1u << rs2)))
            late_error(lc, r, "reads x%u before its outstanding load wrote it", rs2);
    }
    /* a younger write of the register (also a younger outstanding load)
     * drops the older load's write: it must not come any more */
    if (r->rd_we && (lc->pending[c] & (1u << r->rd))) {
        lc->pending[c] &= ~(1u << r->rd);
        lc->dropped[c]++;
    }
    if (r->rd_late) {
        if (!r->rd_we || r->rd == 0)
            late_error(lc, r, "an outstanding load without a destination register (x%u)",
                       r->rd);
        lc->pending[c] |= 1u << r->rd;
        lc->late_loads[c]++;
    }
    count_trap(lc, r);    /* a trap in the record comes after its retirement */
}

static int late_hook(void *user, const outrider_retire *recs, unsigned n)
{
    late_check *lc = user;
    for (unsigned i = 0; i < n; i++)
        late_record(lc, &recs[i]);
    return lc->next ? lc->next(lc->next_user, recs, n) : 0;
}

/* The checker itself: records made up to break each rule are caught. */
static void test_late_checker_catches(void **state)
{
    (void)state;
    /* lw a0, 0(a1); add a2, a0, a3; lw a0, 4(a1); addi a0, zero, 1 */
    const uint32_t lw_a0 = 0x0005a503, add_a2 = 0x00d50633, lw4_a0 = 0x0045a503,
                   li_a0 = 0x00100513, sw_a0 = 0x00a5a023, lr_a4 = 0x1005a72f;
    const outrider_retire load = {.retire = 1, .rd_we = 1, .rd = 10, .insn = lw_a0,
                                  .rd_late = 1},
                          late = {.late_we = 1, .late_rd = 10, .late_wdata = 5},
                          use = {.retire = 1, .rd_we = 1, .rd = 12, .insn = add_a2},
                          load2 = {.retire = 1, .rd_we = 1, .rd = 10, .insn = lw4_a0,
                                   .rd_late = 1},
                          waw = {.retire = 1, .rd_we = 1, .rd = 10, .insn = li_a0},
                          store = {.retire = 1, .insn = sw_a0},
                          lr = {.retire = 1, .rd_we = 1, .rd = 14, .insn = lr_a4};
    late_check lc;
    /* in order: load, an LR reading another register, the late write,
     * then a reader of a0 (add) and a store of a0 */
    memset(&lc, 0, sizeof lc);
    late_record(&lc, &load);
    late_record(&lc, &lr);
    late_record(&lc, &late);
    late_record(&lc, &use);
    late_record(&lc, &store);
    assert_int_equal(lc.errors, 0);
    assert_int_equal(lc.late_loads[0], 1);
    assert_int_equal(lc.late_writes[0], 1);
    /* a reader before the write (rs1 of add) */
    memset(&lc, 0, sizeof lc);
    late_record(&lc, &load);
    late_record(&lc, &use);
    assert_int_equal(lc.errors, 1);
    print_message("  %s\n", lc.first_error);
    assert_non_null(strstr(lc.first_error, "reads x10"));
    /* a store whose data register (rs2) is outstanding */
    memset(&lc, 0, sizeof lc);
    late_record(&lc, &load);
    late_record(&lc, &store);
    assert_int_equal(lc.errors, 1);
    /* a younger write (WAW) drops the load's write: it must not come after */
    memset(&lc, 0, sizeof lc);
    late_record(&lc, &load);
    late_record(&lc, &waw);
    assert_int_equal(lc.errors, 0);
    assert_int_equal(lc.dropped[0], 1);
    assert_int_equal(lc.pending[0], 0);
    late_record(&lc, &late);
    assert_int_equal(lc.errors, 1);
    assert_non_null(strstr(lc.first_error, "without an outstanding load"));
    /* a second outstanding load to the register: one write, the second's */
    memset(&lc, 0, sizeof lc);
    late_record(&lc, &load);
    late_record(&lc, &load2);
    late_record(&lc, &late);
    assert_int_equal(lc.errors, 0);
    assert_int_equal(lc.dropped[0], 1);
    late_record(&lc, &late);
    assert_int_equal(lc.errors, 1);
    /* a late write without a load, and one too many */
    memset(&lc, 0, sizeof lc);
    late_record(&lc, &late);
    assert_int_equal(lc.errors, 1);
    assert_non_null(strstr(lc.first_error, "without an outstanding load"));
    memset(&lc, 0, sizeof lc);
    late_record(&lc, &load);
    late_record(&lc, &late);
    late_record(&lc, &late);
    assert_int_equal(lc.errors, 1);
    /* a late write in the same record as a retirement comes first */
    memset(&lc, 0, sizeof lc);
    late_record(&lc, &load);
    outrider_retire both = use;
    both.late_we = 1;
    both.late_rd = 10;
    late_record(&lc, &both);
    assert_int_equal(lc.errors, 0);
    /* a load outstanding at the end is seen by the caller (pending) */
    memset(&lc, 0, sizeof lc);
    late_record(&lc, &load);
    assert_int_equal(lc.pending[0], 1u << 10);
}

static void late_port_run(void **state, const char *name, uint32_t latency, late_check *lc)
{
    outrider_config cfg = tprog_config_latency(latency);
    cfg.max_cycles = 4000000u;
    outrider_sim *sim = tprog_load(state, name, &cfg);
    if (strncmp(name, "pex_", 4) == 0)
        tprog_set_word(sim, "pex_example_report", 0, 0);
    memset(lc, 0, sizeof(*lc));
    outrider_sim_get_retire_hook(sim, &lc->next, &lc->next_user);
    outrider_sim_set_retire_hook(sim, late_hook, lc);
    tprog_run_ok(sim);
    const outrider_stats *st = outrider_sim_stats(sim);
    print_message("  %-16s latency %3u: context 0: %llu outstanding loads, %llu late writes, "
                  "%llu dropped; "
                  "p-threads: %llu, %llu; %llu retirements, %llu exceptions, %llu interrupts "
                  "with loads outstanding\n",
                  name, latency, (unsigned long long)lc->late_loads[0],
                  (unsigned long long)lc->late_writes[0], (unsigned long long)lc->dropped[0],
                  (unsigned long long)lc->pt_late_loads,
                  (unsigned long long)lc->pt_late_writes,
                  (unsigned long long)lc->readers_checked, (unsigned long long)lc->exc_pending,
                  (unsigned long long)lc->irq_pending);
    if (lc->errors)
        fail_msg("%s: %u retirement-port errors, the first at %s", name, lc->errors,
                 lc->first_error);
    for (unsigned c = 0; c < OUTRIDER_MAX_CTX; c++) {
        /* the exit (an access outside RAM) waits for every outstanding load */
        if (lc->pending[c])
            fail_msg("%s: context %u ended with loads outstanding (x mask 0x%08x)", name, c,
                     lc->pending[c]);
        assert_int_equal(lc->late_loads[c], lc->late_writes[c] + lc->dropped[c]);
        /* the counter and the port agree */
        assert_int_equal(st->ctx[c].nb_loads, lc->late_loads[c]);
    }
    assert_int_equal(st->preexec.nb_loads, lc->pt_late_loads);
    assert_true(lc->pt_late_writes <= lc->pt_late_loads);
    assert_true(lc->late_loads[0] > 0);
    assert_true(lc->readers_checked > 0);
}

static void test_retire_port_late_writes(void **state)
{
    late_check *lc = calloc(1, sizeof(*lc));
    assert_non_null(lc);
    /* a memory-bound program whose main thread and p-threads both have
     * loads outstanding */
    late_port_run(state, "pex_plain_small", 100, lc);
    uint64_t pt = lc->pt_late_loads, ptw = lc->pt_late_writes;
    late_port_run(state, "pex_list_small", 100, lc);     /* 127 p-threads */
    pt += lc->pt_late_loads;
    ptw += lc->pt_late_writes;
    late_port_run(state, "test_cosim_nbl", 100, lc);
    /* the ecall right behind a load, and the timer interrupt 40 cycles
     * into S8's loop of misses, come while loads are outstanding */
    assert_true(lc->exc_pending >= 1);
    assert_true(lc->irq_pending >= 1);
    late_port_run(state, "test_cosim_nbl", 1, lc);
    /* younger writes drop outstanding loads' writes */
    late_port_run(state, "test_cosim_nbl_waw", 100, lc);
    assert_true(lc->dropped[0] >= WAW_NLINES);
    free(lc);
    assert_true(pt > 0);
    assert_true(ptw > 0);
}

/* ---- a load outstanding while the other hart stores to its word -------- */

/* tests/programs/cosim_nbl_race.S without co-simulation: every round's
 * load returns 0 or the other hart's value (both are sequentially
 * consistent outcomes) and the loads were outstanding. (Which one depends
 * on timing: the cache does not post a store into a word an outstanding
 * load waits for, so a store the cache takes after the load's answer is
 * not seen; one it took before is.) */
static void test_race_values_legal(void **state)
{
    static const uint32_t lat[] = {23, 100};
    for (size_t i = 0; i < sizeof(lat) / sizeof(lat[0]); i++) {
        outrider_config cfg = tprog_config_latency(lat[i]);
        outrider_sim *sim = tprog_load(state, "nbl_race", &cfg);
        cosim_detach(cosim_of(sim));
        tprog_run_ok(sim);
        uint32_t r[3];
        tprog_read(sim, "results", 0, r, 3);
        print_message("  latency %3u: %u of %u rounds saw the other hart's store, %llu "
                      "outstanding loads\n", lat[i], r[1], r[2],
                      (unsigned long long)outrider_sim_stats(sim)->ctx[0].nb_loads);
        assert_int_equal(r[0], 0);
        assert_int_equal(r[2], 24);
        assert_true(outrider_sim_stats(sim)->ctx[0].nb_loads >= 24);
    }
}

/* The same program in lockstep: a store of the other hart to the word of
 * an outstanding load is not posted into the line in flight (docs/dcache.md
 * section 18), so the load's late value is the one the ISS loaded when the
 * load retired, and co-simulation agrees. (Without that rule the load got
 * the store's value, legal but in a different order than the cache
 * answered the two accesses, and co-simulation reported it.) */
static void test_race_lockstep(void **state)
{
    outrider_config cfg = tprog_config_latency(100);
    outrider_sim *sim = tprog_load_lockstep(state, "nbl_race", &cfg);
    cosim *co = cosim_of(sim);
    outrider_status st = outrider_sim_run(sim);
    if (st != OUTRIDER_RUNNING)
        cosim_finish(co);
    if (cosim_failed(co)) {
        char rep[1024];
        snprintf(rep, sizeof rep, "%s", cosim_report(co));
        cosim_detach(co);    /* the teardown would report it again */
        fail_msg("co-simulation of the race:\n%s", rep);
    }
    assert_int_equal(st, OUTRIDER_EXITED);
    assert_int_equal(outrider_sim_exit_code(sim), 0);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_cosim_nbl_latencies, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_perfect_dcache_none, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_waw_overlaps, tprog_setup, tprog_teardown),
        cmocka_unit_test(test_late_checker_catches),
        cmocka_unit_test_setup_teardown(test_retire_port_late_writes, tprog_setup,
                                        tprog_teardown),
        cmocka_unit_test_setup_teardown(test_race_values_legal, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_race_lockstep, tprog_setup,
                                        tprog_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
