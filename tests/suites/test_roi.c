// SPDX-License-Identifier: Apache-2.0
/*
 * test_roi.c - regions of interest, the statistics JSON's status /
 * configuration / version and derived metrics, the performance counters of
 * the cache and pre-execution, minstret write suppression, and the failure
 * reports (unhandled trap, trap loop, the runtime's report on stderr, the
 * cycle-limit hint), through the library and the smtsim / outrider-iss /
 * fpga-load command lines.
 * Programs: tests/programs/roi_*.S, c_trap_report.c (tests/roi.mk).
 */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <setjmp.h>
#include <sha2.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "iss.h"
#include "tprog.h"
#include "trun.h"

#if !defined(SMTSIM_PATH) || !defined(ISS_PATH) || !defined(SRC_DIR) || !defined(BAD_DIR)
#error "SMTSIM_PATH, ISS_PATH, SRC_DIR and BAD_DIR must be defined (tests/roi.mk)"
#endif

#define EXIT_TRAP  4
#define EXIT_LIMIT 124
#define NLINES     8    /* roi_counters.S */
#define NPF        4

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

static void must_contain(const char *what, const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("%s lacks \"%s\": [%s]", what, needle, hay);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- the program's own view: roi CSR, counters, minstret ---------------- */
static void test_counters_and_regions(void **state)
{
    outrider_config cfg = tprog_config();
    outrider_sim *sim = tprog_load(state, "test_roi_counters", &cfg);
    tprog_fill(sim, "results", 12, 0xDEADBEEFu);
    tprog_run_ok(sim);
    uint32_t r[12];
    tprog_read(sim, "results", 0, r, 12);
    unsigned fails = 0;
    tprog_check("roi before roi_begin", 0, r[0], 0, &fails);
    tprog_check("roi inside a region", 1, r[1], 1, &fails);
    tprog_check("roi after roi_end", 2, r[2], 0, &fails);
    tprog_check("mhpmcounter6 (misses) over NLINES fresh lines", 3, r[3], NLINES, &fails);
    tprog_check("mhpmcounter9 (refused) over a refused spawn", 4, r[4], 1, &fails);
    tprog_check("mhpmcounter8 (spawns) over a refused spawn", 5, r[5], 0, &fails);
    tprog_check("mhpmcounter8 (spawns) over an accepted spawn", 6, r[6], 1, &fails);
    tprog_check("minstret right after csrw minstret, zero", 8, r[8], 0, &fails);
    tprog_check("mhpmevent6", 9, r[9], 4, &fails);
    tprog_check("mhpmcounter7 (useful) over NPF prefetched lines", 10, r[10], NPF, &fails);
    tprog_check("minstreth right after csrw minstreth, zero", 11, r[11], 0, &fails);
    if (r[7] == 0 || r[7] >= OUTRIDER_MAX_CTX) {
        print_message("  spawn result %u (want a context)\n", (unsigned)r[7]);
        fails++;
    }
    tprog_checks_done("roi_counters", fails);

    /* three regions: the loads, the spawn (begun twice: one region), the
     * open one at the exit */
    size_t n = 0;
    const outrider_roi *roi = outrider_sim_rois(sim, &n);
    const outrider_stats *all = outrider_sim_stats(sim);
    assert_int_equal(n, 3);
    assert_int_equal(roi[0].ended, 1);
    assert_int_equal(roi[1].ended, 1);
    assert_int_equal(roi[2].ended, 0);
    uint64_t sum = 0, prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        const outrider_stats *s = &roi[i].stats;
        assert_true(s->cycles > 0);
        assert_true(roi[i].begin_cycle >= prev_end);
        prev_end = roi[i].begin_cycle + s->cycles;
        assert_true(s->ctx[0].retired <= s->cycles);
        sum += s->cycles;
    }
    assert_true(prev_end == all->cycles);     /* the open region ends with the run */
    assert_true(sum < all->cycles);
    /* region 1: the NLINES misses are its own, the spawns are not */
    assert_true(roi[0].stats.preexec.main_load_misses >= NLINES);
    assert_true(roi[0].stats.wb_read_accesses >= NLINES);      /* the line fills */
    assert_true(roi[0].stats.wb_read_accesses < all->wb_read_accesses);
    assert_int_equal(roi[0].stats.preexec.spawned, 0);
    assert_int_equal(roi[1].stats.preexec.spawned, 1);
    assert_int_equal(roi[1].stats.preexec.main_load_misses, 0);
    /* region 3: the NPF useful fills, in a region and in the whole run */
    assert_int_equal(roi[2].stats.preexec.useful_fills, NPF);
    assert_int_equal(all->preexec.useful_fills, NPF);
    assert_int_equal(all->preexec.refused, 1);
    /* derived figures: the one formula */
    outrider_derived d;
    outrider_stats_derive(&roi[2].stats, &d);
    const outrider_preexec_stats *p = &roi[2].stats.preexec;
    assert_true(d.coverage_valid && d.accuracy_valid && d.lateness_valid);
    assert_true(d.coverage == (double)p->useful_fills /
                (double)(p->useful_fills + p->late_fills + p->main_load_misses));
    assert_true(d.accuracy == (double)(p->useful_fills + p->late_fills) / (double)p->fills);
    outrider_stats_derive(&roi[0].stats, &d);
    assert_false(d.accuracy_valid);          /* no p-thread fills in region 1 */
}

/* ---- where the cycles go: issue / id_stall / hold / frontend / wait ------- */
#define CY_N1 16   /* roi_cycles.S */
#define CY_N2 48

static uint64_t cycles_sum(const outrider_ctx_stats *t)
{
    return t->issue_cycles + t->id_stall_cycles + t->hold_cycles + t->frontend_cycles +
           t->wait_cycles;
}

/* Every cycle a context runs counts in exactly one class, in the whole run
 * and in every region; the loops of roi_cycles.S cost what docs/core.md's
 * penalty table says, in the class it belongs to. */
static void test_cycle_classes(void **state)
{
    outrider_config cfg = tprog_config();
    outrider_sim *sim = tprog_load(state, "test_roi_cycles", &cfg);
    tprog_run_ok(sim);
    size_t n = 0;
    const outrider_roi *roi = outrider_sim_rois(sim, &n);
    const outrider_stats *all = outrider_sim_stats(sim);
    assert_int_equal(n, 6);
    for (unsigned c = 0; c < all->num_ctx; c++)
        assert_int_equal(cycles_sum(&all->ctx[c]), all->ctx[c].cycles_active);
    for (size_t i = 0; i < n; i++) {
        const outrider_ctx_stats *t = &roi[i].stats.ctx[0];
        assert_int_equal(cycles_sum(t), t->cycles_active);
        assert_int_equal(t->cycles_active, roi[i].stats.cycles);
    }

    /* per kernel: the second region minus the first = CY_N2 - CY_N1 iterations */
    static const struct {
        const char *name;
        uint64_t issue, id_stall, hold;    /* per iteration */
    } k[3] = {
        { "cy_d1 (lw; mul)", 4, 2, 0 },
        { "cy_ls (lw; sw)", 4, 0, 1 },
        { "cy_dv (div; use)", 0, 0, 0 },   /* checked below */
    };
    const uint64_t it = CY_N2 - CY_N1;
    unsigned fails = 0;
    for (unsigned i = 0; i < 3; i++) {
        const outrider_ctx_stats *a = &roi[2 * i].stats.ctx[0], *b = &roi[2 * i + 1].stats.ctx[0];
        uint64_t d_issue = b->issue_cycles - a->issue_cycles,
                 d_stall = b->id_stall_cycles - a->id_stall_cycles,
                 d_hold = b->hold_cycles - a->hold_cycles,
                 d_front = b->frontend_cycles - a->frontend_cycles,
                 d_wait = b->wait_cycles - a->wait_cycles,
                 d_ret = b->retired - a->retired;
        print_message("  %-18s per %llu iterations: issue %llu, id_stall %llu, hold %llu, "
                      "frontend %llu, wait %llu, retired %llu\n", k[i].name,
                      (unsigned long long)it, (unsigned long long)d_issue,
                      (unsigned long long)d_stall, (unsigned long long)d_hold,
                      (unsigned long long)d_front, (unsigned long long)d_wait,
                      (unsigned long long)d_ret);
        fails += d_ret != 4 * it;
        if (i < 2) {
            fails += d_issue != k[i].issue * it;
            fails += d_stall != k[i].id_stall * it;
            fails += d_hold != k[i].hold * it;
            fails += d_front != 0;
            fails += d_wait != 0;
        } else {
            /* the divide (31 steps) parks its context (wait); the
             * instructions behind it are squashed and fetched again (more
             * issues than retirements), the add waits in ID for the result */
            fails += d_wait < 28 * it;
            fails += d_issue <= 4 * it;
        }
    }
    tprog_checks_done("cycle classes", fails);
}

/* ---- the reference ISS: the same CSR, stop at roi_begin, minstret -------- */
static void test_iss_roi(void **state)
{
    (void)state;
    char path[1024], err[512];
    tprog_path("test_roi_counters", path, sizeof path);
    iss_config cfg;
    iss_config_default(&cfg);
    cfg.console = NULL;
    cfg.stop_at_roi = 1;
    iss *s = iss_create(&cfg, err, sizeof err);
    assert_non_null(s);
    assert_int_equal(iss_load_elf(s, path), 0);
    assert_int_equal(iss_roi_active(s), 0);
    /* three roi_begin writes that turn the CSR on (the second write of
     * region 2 finds it on already), then the exit */
    for (int k = 0; k < 3; k++) {
        assert_int_equal(iss_run(s, 10000000u), 2);
        assert_int_equal(iss_roi_active(s), 1);
        uint32_t insn = 0, pc = iss_pc(s, 0) - 4;
        assert_int_equal(iss_read_mem(s, pc, &insn, 4), 0);
        assert_int_equal(insn, 0x7C20D073u);          /* csrwi 0x7c2, 1 */
    }
    assert_int_equal(iss_run(s, 10000000u), 1);
    assert_int_equal(iss_exit_code(s), 0);
    uint32_t results, w;
    assert_int_equal(iss_symbol(s, "results", &results), 0);
    assert_int_equal(iss_read_mem(s, results + 0, &w, 4), 0);
    assert_int_equal(w, 0);
    assert_int_equal(iss_read_mem(s, results + 4, &w, 4), 0);
    assert_int_equal(w, 1);
    assert_int_equal(iss_read_mem(s, results + 8 * 4, &w, 4), 0);
    assert_int_equal(w, 0);                            /* minstret after csrw minstret, zero */
    assert_int_equal(iss_read_mem(s, results + 9 * 4, &w, 4), 0);
    assert_int_equal(w, 4);                            /* mhpmevent6 */
    iss_destroy(s);
}

/* ---- --events-roi: exactly the events of the regions ------------------- */
static void test_events_in_regions(void **state)
{
    outrider_config cfg = tprog_config();
    cfg.event_log = 1;
    outrider_sim *sim = tprog_load(state, "test_roi_counters", &cfg);
    tprog_run_ok(sim);
    size_t n_all = 0, nroi = 0, inside = 0;
    const outrider_event *all = outrider_sim_events(sim, &n_all);
    const outrider_roi *roi = outrider_sim_rois(sim, &nroi);
    outrider_roi regions[8];
    assert_true(nroi <= 8);
    memcpy(regions, roi, nroi * sizeof *roi);
    for (size_t i = 0; i < n_all; i++)
        for (size_t k = 0; k < nroi; k++)
            if (all[i].cycle >= regions[k].begin_cycle &&
                all[i].cycle < regions[k].begin_cycle + regions[k].stats.cycles)
                inside++;
    tprog_teardown(state);
    tprog_setup(state);

    cfg.event_log_roi = 1;
    sim = tprog_load(state, "test_roi_counters", &cfg);
    tprog_run_ok(sim);
    size_t n_roi = 0;
    const outrider_event *ev = outrider_sim_events(sim, &n_roi);
    print_message("  events: %zu in the run, %zu inside regions, %zu with event_log_roi\n", n_all,
                  inside, n_roi);
    assert_true(n_roi > 0 && n_roi < n_all);
    assert_int_equal(n_roi, inside);
    for (size_t i = 0; i < n_roi; i++) {
        int ok = 0;
        for (size_t k = 0; k < nroi; k++)
            ok |= ev[i].cycle >= regions[k].begin_cycle &&
                  ev[i].cycle < regions[k].begin_cycle + regions[k].stats.cycles;
        if (!ok)
            fail_msg("event %zu at cycle %" PRIu64 " is outside every region", i, ev[i].cycle);
    }
}

/* ---- smtsim: statistics JSON (status, config, version, roi, derived) ---- */
static void test_stats_json(void **state)
{
    (void)state;
    char prog[1024], json[] = "/tmp/test_roi_json_XXXXXX", err[8192], ver[256];
    tprog_path("test_roi_counters", prog, sizeof prog);
    int fd = mkstemp(json);
    assert_true(fd >= 0);
    close(fd);
    const char *a[] = {"--quiet", "--mem-latency", "37", "--stats-json", json, prog};
    assert_int_equal(trun(SMTSIM_PATH, a, 6, NULL, err, sizeof err), 0);
    const char *js = slurp(json);
    assert_non_null(js);
    must_contain("stats JSON", js, "{\"status\":\"exited\",\"exit_code\":0,\"version\":\"");
    must_contain("stats JSON", js, "\"mem_latency\":37,");
    must_contain("stats JSON", js, "\"perfect_dcache\":false,\"preexec_at_reset\":true,");
    must_contain("stats JSON", js, "\"ram_size\":16777216,");
    must_contain("stats JSON", js, "\"model\":{\"NumCtx\":2,");
    must_contain("stats JSON", js, "\"DcacheBytes\":");
    char want[1200], hash[SHA256_DIGEST_STRING_LENGTH];
    assert_non_null(SHA256File(prog, hash));
    snprintf(want, sizeof want, "\"elf\":\"%s\",\"elf_sha256\":\"%s\"", prog, hash);
    must_contain("stats JSON", js, want);
    assert_int_equal(count_of(js, "\"begin_cycle\":"), 3);
    assert_int_equal(count_of(js, "\"ended\":false"), 1);
    assert_int_equal(count_of(js, "\"derived\":{\"coverage\":"), 4);   /* run + 3 regions */
    /* the version is smtsim --version's */
    char out[] = "/tmp/test_roi_ver_XXXXXX";
    fd = mkstemp(out);
    assert_true(fd >= 0);
    close(fd);
    const char *v[] = {"--version"};
    assert_int_equal(trun(SMTSIM_PATH, v, 1, out, err, sizeof err), 0);
    const char *vs = slurp(out);
    assert_true(vs && strncmp(vs, "smtsim (Outrider) ", 18) == 0);
    snprintf(ver, sizeof ver, "\"version\":\"%.*s\"", (int)strcspn(vs + 18, "\n"), vs + 18);
    js = slurp(json);
    must_contain("stats JSON", js, ver);
    /* scripts/pexmetrics.py (the Python mirror of the formula) agrees with
     * the JSON's derived figures, whole run and regions */
    const char *py[] = {SRC_DIR "/scripts/pexmetrics.py", "--check", json};
    int rc = trun("/usr/bin/python3", py, 3, NULL, err, sizeof err);
    if (rc != 0)
        fail_msg("pexmetrics.py --check: %d [%s]", rc, err);

    /* --events-roi on the command line: fewer lines than the whole log */
    const char *ev_all[] = {"--quiet", "--events", json, prog};
    assert_int_equal(trun(SMTSIM_PATH, ev_all, 4, NULL, err, sizeof err), 0);
    size_t lines_all = count_of(slurp(json), "\n");
    const char *ev_roi[] = {"--quiet", "--events", json, "--events-roi", prog};
    assert_int_equal(trun(SMTSIM_PATH, ev_roi, 5, NULL, err, sizeof err), 0);
    size_t lines_roi = count_of(slurp(json), "\n");
    print_message("  event log lines: %zu whole run, %zu with --events-roi\n", lines_all, lines_roi);
    assert_true(lines_roi > 1 && lines_roi < lines_all);

    /* a cycle-limit run: status, exit_code null, options recorded, no
     * --max-cycles hint when the limit was the user's */
    char spin[1024];
    tprog_path("test_bad_spin", spin, sizeof spin);
    const char *b[] = {"--quiet", "--max-cycles", "1000", "--perfect-dcache", "--no-preexec",
                       "--stats-json", json, spin};
    assert_int_equal(trun(SMTSIM_PATH, b, 8, NULL, err, sizeof err), EXIT_LIMIT);
    must_contain("stderr", err, "cycle limit 1000 reached");
    assert_null(strstr(err, "--max-cycles"));
    js = slurp(json);
    must_contain("stats JSON", js, "{\"status\":\"cycle_limit\",\"exit_code\":null,");
    must_contain("stats JSON", js, "\"perfect_dcache\":true,\"preexec_at_reset\":false,");
    must_contain("stats JSON", js, "\"max_cycles\":1000,");
    must_contain("stats JSON", js, "\"roi\":[]");
    unlink(json);
    unlink(out);
}

/* ---- failure reports -------------------------------------------------- */
static void test_unhandled_trap(void **state)
{
    (void)state;
    char prog[1024], json[] = "/tmp/test_roi_trap_XXXXXX", err[8192];
    tprog_path("test_roi_early_trap", prog, sizeof prog);
    int fd = mkstemp(json);
    assert_true(fd >= 0);
    close(fd);
    const char *a[] = {"--stats-json", json, prog};
    double t0 = now_s();
    int rc = trun(SMTSIM_PATH, a, 3, NULL, err, sizeof err);
    double secs = now_s() - t0;
    print_message("  exit %d after %.3f s:\n%s", rc, secs, err);
    assert_int_equal(rc, EXIT_TRAP);
    assert_true(secs < 1.0);
    must_contain("stderr", err, "smtsim: unhandled trap (no trap handler installed: mtvec 0x00000000)");
    must_contain("stderr", err, "cause   2 (illegal instruction)");
    must_contain("stderr", err, "<early_fault+0x4>");
    must_contain("stderr", err, "mtval   0x00000000");
    must_contain("stderr", err, "context 0 (hart)");
    assert_null(strstr(err, "cycle limit"));
    const char *js = slurp(json);
    must_contain("stats JSON", js, "{\"status\":\"trap_unhandled\",\"exit_code\":null,");
    unlink(json);

    /* the library: status, trap record */
    outrider_config cfg = tprog_config();
    cfg.max_cycles = 100000;
    char e[256];
    outrider_sim *sim = outrider_sim_create(&cfg, e, sizeof e);
    assert_non_null(sim);
    assert_int_equal(outrider_sim_load_elf(sim, prog), OUTRIDER_OK);
    assert_int_equal(outrider_sim_run(sim), OUTRIDER_TRAP_UNHANDLED);
    outrider_trap_info t;
    assert_int_equal(outrider_sim_trap(sim, &t), 0);
    uint32_t fault;
    assert_int_equal(outrider_sim_symbol(sim, "early_fault", &fault), 0);
    assert_int_equal(t.cause, 2);
    assert_int_equal(t.pc, fault + 4);
    assert_int_equal(t.ctx, 0);
    assert_true(outrider_sim_cycles(sim) < 100);
    assert_string_equal(outrider_sim_status_name(sim), "trap_unhandled");
    outrider_sim_destroy(sim);
}

static void test_trap_loop(void **state)
{
    (void)state;
    char prog[1024], err[8192];
    tprog_path("test_roi_trap_loop", prog, sizeof prog);
    const char *a[] = {prog};
    int rc = trun(SMTSIM_PATH, a, 1, NULL, err, sizeof err);
    print_message("  exit %d:\n%s", rc, err);
    assert_int_equal(rc, EXIT_TRAP);
    must_contain("stderr", err, "smtsim: trap loop (the same trap 16 times in a row");
    must_contain("stderr", err, "(environment call from M-mode)");
    must_contain("stderr", err, "<loop_ecall>");
}

/* The runtime's own report goes to the error console: stderr, not stdout. */
static void test_runtime_report_on_stderr(void **state)
{
    (void)state;
    char prog[1024], out[] = "/tmp/test_roi_out_XXXXXX", err[8192];
    tprog_path("test_c_trap_report", prog, sizeof prog);
    int fd = mkstemp(out);
    assert_true(fd >= 0);
    close(fd);
    static const char report[] = "outrider: unhandled trap: illegal instruction (mcause=0x00000002)";
    const char *tools[] = {SMTSIM_PATH, ISS_PATH};
    for (size_t i = 0; i < 2; i++) {
        const char *a[] = {"--quiet", prog};
        int rc = trun(tools[i], a, 2, out, err, sizeof err);
        const char *so = slurp(out);
        print_message("  %s: exit %d, stdout [%s], stderr [%s]\n", tools[i], rc, so, err);
        assert_int_equal(rc, 99);
        must_contain("stdout", so, "before the trap");
        assert_null(strstr(so, "unhandled trap"));
        must_contain("stderr", err, report);
        must_contain("stderr", err, " mepc=0x");
    }
    unlink(out);
    /* the library keeps the two consoles apart */
    outrider_config cfg = tprog_config();
    char e[256];
    outrider_sim *sim = outrider_sim_create(&cfg, e, sizeof e);
    assert_non_null(sim);
    assert_int_equal(outrider_sim_load_elf(sim, prog), OUTRIDER_OK);
    assert_int_equal(outrider_sim_run(sim), OUTRIDER_EXITED);
    assert_int_equal(outrider_sim_exit_code(sim), 99);
    size_t n = 0;
    must_contain("console", outrider_sim_console(sim, &n), "before the trap");
    assert_null(strstr(outrider_sim_console(sim, &n), "unhandled"));
    must_contain("error console", outrider_sim_console_err(sim, &n), report);
    outrider_sim_destroy(sim);
}

/* fpga-load rejects the same ELF flags before it opens the port. */
static void test_fpga_load_flags(void **state)
{
    (void)state;
    static const char *const files[] = {"rvc.elf", "rve.elf", "float.elf"};
    for (size_t i = 0; i < 3; i++) {
        char path[1024], err[4096];
        snprintf(path, sizeof path, "%s/%s", BAD_DIR, files[i]);
        const char *a[] = {SRC_DIR "/scripts/fpga-load.py", "--port", "/nonexistent-port", path};
        int rc = trun("/usr/bin/python3", a, 4, NULL, err, sizeof err);
        print_message("  fpga-load %s -> %d %s", files[i], rc, err);
        assert_int_equal(rc, 2);
        assert_true(strncmp(err, "fpga-load: ", 11) == 0);
        assert_true(strstr(err, "EF_RISCV") || strstr(err, "floating-point"));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_counters_and_regions, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_cycle_classes, tprog_setup, tprog_teardown),
        cmocka_unit_test(test_iss_roi),
        cmocka_unit_test_setup_teardown(test_events_in_regions, tprog_setup, tprog_teardown),
        cmocka_unit_test(test_stats_json),
        cmocka_unit_test(test_unhandled_trap),
        cmocka_unit_test(test_trap_loop),
        cmocka_unit_test(test_runtime_report_on_stderr),
        cmocka_unit_test(test_fpga_load_flags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
