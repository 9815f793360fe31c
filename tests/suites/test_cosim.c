// SPDX-License-Identifier: Apache-2.0
/*
 * test_cosim.c - the reference ISS (tb/iss/iss.h), build/outrider-iss, the
 * retirement port and lockstep co-simulation (tb/lib/cosim.h), the commit log,
 * and the random programs of tests/gen (fixed seeds at several memory
 * latencies). docs/verification.md describes what is checked.
 *
 * (Every other suite that uses tprog_load already runs in lockstep; this
 * one checks the checker: that a difference is caught and reported, that
 * the standalone ISS behaves like smtsim, that the RTL's commit log equals
 * the ISS's.)
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cosim.h"
#include "iss.h"
#include "tprog.h"
#include "trun.h"

#ifndef SMTSIM_PATH
#error "SMTSIM_PATH must be defined"
#endif
#ifndef ISS_PATH
#error "ISS_PATH (build/outrider-iss) must be defined"
#endif
#ifndef BAD_DIR
#error "BAD_DIR must be defined"
#endif
#ifndef GEN_DIR
#error "GEN_DIR (directory of the random program ELFs) must be defined"
#endif
#ifndef GEN_SEEDS
#error "GEN_SEEDS (the fixed seeds, a string of numbers) must be defined"
#endif

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    assert_non_null(buf);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
            assert_non_null(buf);
        }
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* ---- the ISS on its own ------------------------------------------------- */

/* Run a program on the ISS library; returns whether it exited. */
static int iss_run_prog(const char *name, uint64_t max, int *code, char *console, size_t clen)
{
    char path[1024], err[512];
    tprog_path(name, path, sizeof(path));
    iss_config cfg;
    iss_config_default(&cfg);
    cfg.console = NULL;
    iss *s = iss_create(&cfg, err, sizeof(err));
    assert_non_null(s);
    if (iss_load_elf(s, path) != 0) {
        iss_destroy(s);
        fail_msg("loading %s: %s", path, iss_error(s));
    }
    int exited = iss_run(s, max);
    *code = iss_exit_code(s);
    size_t n = 0;
    const char *con = iss_console(s, &n);
    snprintf(console, clen, "%s", con);
    iss_destroy(s);
    return exited;
}

/* The ISS runs the C programs like the RTL does: same console, same exit. */
static void test_iss_matches_smtsim(void **state)
{
    static const struct { const char *name; int code; } progs[] = {
        {"test_c_printf", 0}, {"test_c_exit", 42}, {"test_c_sort", 0}, {"test_c_harts", 0},
        {"test_irq_timer", 0}, {"test_irq_wfi", 0}, {"test_traps_exc", 0}, {"test_pex_capi", 0},
    };
    static char con_iss[1 << 16];
    for (size_t i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
        int code = -1;
        int exited = iss_run_prog(progs[i].name, 50000000u, &code, con_iss, sizeof(con_iss));
        outrider_sim *sim = tprog_load(state, progs[i].name, NULL);
        tprog_run_expect(sim, progs[i].code);
        size_t n = 0;
        const char *con_rtl = outrider_sim_console(sim, &n);
        print_message("  %-16s ISS exit %d, %zu console bytes\n", progs[i].name, code,
                      strlen(con_iss));
        assert_true(exited);
        assert_int_equal(code, progs[i].code);
        assert_string_equal(con_iss, con_rtl);
    }
}

/* outrider-iss on the command line: exit status, console, limit, bad input. */
static void test_iss_cli(void **state)
{
    (void)state;
    char err[4096], prog[1024], out[] = "/tmp/outrider-iss-out-XXXXXX";
    int ofd = mkstemp(out);
    assert_true(ofd >= 0);
    close(ofd);

    tprog_path("test_c_exit", prog, sizeof(prog));
    const char *a1[] = {"--quiet", prog};
    assert_int_equal(trun(ISS_PATH, a1, 2, out, err, sizeof(err)), 42);
    assert_string_equal(err, "");

    tprog_path("test_c_printf", prog, sizeof(prog));
    const char *a2[] = {"--quiet", prog};
    assert_int_equal(trun(ISS_PATH, a2, 2, out, err, sizeof(err)), 0);
    size_t len = 0;
    char *text = slurp(out, &len);
    assert_true(len > 0);
    free(text);

    tprog_path("test_bad_spin", prog, sizeof(prog));
    const char *a3[] = {"--quiet", "--max-insns", "100000", prog};
    assert_int_equal(trun(ISS_PATH, a3, 4, NULL, err, sizeof(err)), 124);
    assert_non_null(strstr(err, "instruction limit 100000 reached"));

    static const char *bad[] = {"does-not-exist.elf", "empty.elf", "notelf.elf", "trunc100.elf",
                                "truncseg.elf", "rv64.elf", "host.o", "machine.elf", "reloc.o",
                                "entry.elf", "outside.elf", "beyond.elf", "rvc.elf", "rve.elf",
                                "float.elf"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", BAD_DIR, bad[i]);
        const char *a[] = {path};
        int rc = trun(ISS_PATH, a, 1, NULL, err, sizeof(err));
        const char *nl = strchr(err, '\n');
        if (rc != 2 || strncmp(err, "outrider-iss: ", 14) != 0 || !nl || nl[1] != '\0')
            fail_msg("%s: exit %d, stderr [%s] (want 2 and one line)", bad[i], rc, err);
    }
    const char *none[] = {"--quiet"};
    assert_int_equal(trun(ISS_PATH, none, 1, NULL, err, sizeof(err)), 2);
    const char *badopt[] = {"--max-insns", "x", prog};
    assert_int_equal(trun(ISS_PATH, badopt, 3, NULL, err, sizeof(err)), 2);
    const char *unk[] = {"--bogus", prog};
    assert_int_equal(trun(ISS_PATH, unk, 2, NULL, err, sizeof(err)), 2);
    unlink(out);
}

/* ---- the checker checks ------------------------------------------------- */

/* A difference between the RTL and the model stops the run with a report
 * naming the cycle, the context, the pc, the instruction and both values. */
static void test_mismatch_is_caught(void **state)
{
    if (!tprog_cosim_enabled())
        skip();
    outrider_sim *sim = tprog_load(state, "test_c_sort", NULL);
    cosim *co = cosim_of(sim);
    assert_non_null(co);
    /* run until the model has started, then disturb its copy of sp */
    while (cosim_compared(co) < 50)
        assert_int_equal(outrider_sim_step(sim, 1), OUTRIDER_RUNNING);
    iss *model = cosim_model(co);
    iss_set_reg(model, 0, 2, iss_reg(model, 0, 2) + 64);
    outrider_status st = outrider_sim_run(sim);
    assert_int_equal(st, OUTRIDER_STOPPED);
    assert_true(cosim_failed(co));
    const char *rep = cosim_report(co);
    print_message("%s", rep);
    assert_non_null(strstr(rep, "MISMATCH at cycle "));
    assert_non_null(strstr(rep, "context 0, pc 0x8"));
    assert_non_null(strstr(rep, "  RTL:   pc 0x"));
    assert_non_null(strstr(rep, "  model: pc 0x"));
    /* it happened right there, not at the end of the run */
    assert_true(outrider_sim_cycles(sim) < 20000);
    cosim_detach(co);   /* the teardown must not report the deliberate failure */
}

/* A store the model does not see is found by the memory comparison at the
 * end of the run (stores are checked by address per instruction, by data
 * at the end). */
static void test_memory_difference_is_caught(void **state)
{
    if (!tprog_cosim_enabled())
        skip();
    outrider_sim *sim = tprog_load(state, "test_c_sort", NULL);
    cosim *co = cosim_of(sim);
    assert_int_equal(outrider_sim_run(sim), OUTRIDER_EXITED);
    uint32_t page = 0;
    /* the first page the program wrote: change one word of it in the model */
    iss *model = cosim_model(co);
    assert_int_equal(iss_first_written_page(model, &page), 0);
    uint32_t w;
    assert_int_equal(iss_read_mem(model, page + 8, &w, 4), 0);
    w ^= 0x00100000u;
    assert_int_equal(iss_write_mem(model, page + 8, &w, 4), 0);
    assert_int_not_equal(cosim_finish(co), 0);
    print_message("%s", cosim_report(co));
    assert_non_null(strstr(cosim_report(co), "memory word"));
    cosim_detach(co);
}

/* smtsim --commit-log of a single-hart program with no timing-dependent
 * values equals outrider-iss --commit-log, line for line, at any latency. */
static void test_commit_log_equals_iss(void **state)
{
    (void)state;
    static const char *progs[] = {"test_c_sort", "test_isa_mem", "test_traps_exc"};
    char err[4096], prog[1024];
    char la[] = "/tmp/outrider-log-rtl-XXXXXX", lb[] = "/tmp/outrider-log-iss-XXXXXX";
    int fa = mkstemp(la), fb = mkstemp(lb);
    assert_true(fa >= 0 && fb >= 0);
    close(fa);
    close(fb);
    for (size_t i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
        tprog_path(progs[i], prog, sizeof(prog));
        const char *ar[] = {"--quiet", "--mem-latency", "7", "--commit-log", la, prog};
        const char *ai[] = {"--quiet", "--commit-log", lb, prog};
        int rr = trun(SMTSIM_PATH, ar, 6, NULL, err, sizeof(err));
        int ri = trun(ISS_PATH, ai, 4, NULL, err, sizeof(err));
        assert_int_equal(rr, ri);
        size_t na = 0, nb = 0;
        char *a = slurp(la, &na), *b = slurp(lb, &nb);
        print_message("  %-16s %zu bytes of commit log\n", progs[i], na);
        assert_true(na > 100);
        assert_int_equal(strncmp(a, "core   0: 3 0x80000000 (0x", 26), 0);
        if (na != nb || memcmp(a, b, na) != 0)
            fail_msg("%s: the RTL's commit log differs from the ISS's", progs[i]);
        free(a);
        free(b);
    }
    unlink(la);
    unlink(lb);
}

/* ---- programs under co-simulation at several latencies ----------------- */

static void run_cosim(void **state, const char *name, const char *dir, uint32_t latency,
                      int perfect, uint64_t *insns)
{
    outrider_config cfg = tprog_config_latency(latency);
    cfg.perfect_dcache = perfect;
    cfg.max_cycles = 20000000u;
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s.elf", dir, name);
    /* OUTRIDER_COSIM=0 turns it off for the other suites, not here */
    outrider_sim *sim = tprog_load_lockstep_path(state, path, &cfg);
    cosim *co = cosim_of(sim);
    outrider_status st = outrider_sim_run(sim);
    if (st != OUTRIDER_RUNNING)
        cosim_finish(co);
    if (cosim_failed(co))
        fail_msg("%s at latency %u%s:\n%s", name, latency, perfect ? " (perfect)" : "",
                 cosim_report(co));
    if (st != OUTRIDER_EXITED)
        fail_msg("%s at latency %u: did not exit (status %d)", name, latency, (int)st);
    *insns += cosim_compared(co);
}

static void test_programs_at_latencies(void **state)
{
    static const char *progs[] = {
        "test_c_harts", "test_pex_capi", "test_dcache_stress", "test_dcache_lrsc",
        "test_harts_kernel", "test_irq_precise", "test_pex_fwd", "test_pex_seg", "test_isa_misalign",
    };
    static const struct { uint32_t lat; int perfect; } lats[] = {{0, 1}, {1, 0}, {23, 0}};
    uint64_t n = 0;
    for (size_t p = 0; p < sizeof(progs) / sizeof(progs[0]); p++)
        for (size_t l = 0; l < sizeof(lats) / sizeof(lats[0]); l++)
            run_cosim(state, progs[p], PROG_DIR, lats[l].lat, lats[l].perfect, &n);
    print_message("  %zu programs x %zu latencies, %llu instructions compared\n",
                  sizeof(progs) / sizeof(progs[0]), sizeof(lats) / sizeof(lats[0]),
                  (unsigned long long)n);
}

/* The fixed seeds of the random program generator (tests/gen/rvgen.c). */
static void test_random_programs(void **state)
{
    static const struct { uint32_t lat; int perfect; } lats[] = {{0, 1}, {3, 0}, {40, 0}};
    char seeds[] = GEN_SEEDS;
    uint64_t n = 0;
    unsigned progs = 0;
    for (char *tok = strtok(seeds, " "); tok; tok = strtok(NULL, " ")) {
        char name[64];
        snprintf(name, sizeof(name), "rand_%s", tok);
        for (size_t l = 0; l < sizeof(lats) / sizeof(lats[0]); l++)
            run_cosim(state, name, GEN_DIR, lats[l].lat, lats[l].perfect, &n);
        progs++;
    }
    assert_true(progs > 0);
    print_message("  %u random programs x %zu latencies, %llu instructions compared\n", progs,
                  sizeof(lats) / sizeof(lats[0]), (unsigned long long)n);
}

/* ---- directed regressions for mismatches co-simulation found ----------- */

/* A hart started on a context that ran a p-thread must not see that
 * p-thread's buffered stores (tests/programs/cosim_sb_hart.S). */
static void test_regress_sb_hart_start(void **state)
{
    static const int lat[] = {0, 30};
    for (size_t i = 0; i < sizeof(lat) / sizeof(lat[0]); i++) {
        outrider_config cfg = tprog_config_latency((uint32_t)lat[i]);
        outrider_sim *sim = tprog_load(state, "test_cosim_sb_hart", &cfg);
        tprog_run_ok(sim);
        uint32_t r[4];
        tprog_read(sim, "results", 0, r, 4);
        unsigned fails = 0;
        tprog_check("spawn rd", 0, r[0], 1, &fails);
        tprog_check("hart.start rd", 1, r[1], 1, &fails);
        tprog_check("hart's load of the word the p-thread stored", 2, r[2], 0x11223344u, &fails);
        tprog_check("hart's load of the console register", 3, r[3], 0, &fails);
        tprog_checks_done("store buffer after hart.start", fails);
    }
}

/* Posted stores (docs/dcache.md "Posted stores"): a store miss is answered
 * at once, its bytes wait in an MSHR; the other hart reads them after a flag
 * and through one line, in lockstep with the ISS (which performs stores at
 * retirement), at memory latencies where many stores are posted at once
 * (tests/programs/cosim_posted.S). */
static void test_posted_stores_two_harts(void **state)
{
    static const uint32_t lat[] = {1, 23, 100};
    uint64_t n = 0;
    for (size_t i = 0; i < sizeof(lat) / sizeof(lat[0]); i++) {
        outrider_config cfg = tprog_config_latency(lat[i]);
        cfg.max_cycles = 20000000u;
        outrider_sim *sim = tprog_load_lockstep(state, "test_cosim_posted", &cfg);
        cosim *co = cosim_of(sim);
        tprog_run_ok(sim);          /* finishes the lockstep comparison too */
        n += cosim_compared(co);
        uint32_t r[4];
        tprog_read(sim, "results", 0, r, 4);
        unsigned fails = 0;
        tprog_check("phase 1 words wrong", 0, r[0], 0, &fails);
        tprog_check("rounds wrong", 1, r[1], 0, &fails);
        tprog_check("words checked", 2, r[2], 2048, &fails);
        tprog_check("rounds seen", 3, r[3], 24, &fails);
        tprog_checks_done("posted stores seen by the other hart", fails);
        const outrider_stats *st = outrider_sim_stats(sim);
        print_message("  latency %3u: %llu posted stores (context 0)\n", lat[i],
                      (unsigned long long)st->dcache.ctx[0].posted_stores);
    }
    print_message("  %llu instructions compared\n", (unsigned long long)n);
}

/* Context 1 reads pexctl/pexbudget while context 0 writes them
 * (tests/programs/cosim_pexcsr.S). Both lanes access the shared CSRs at
 * their commit point in MEM: a read sees the value from before the cycle,
 * a write takes effect at its end, and a CSR instruction retires in the
 * next cycle. A read of context 1 in MEM together with a write of context 0
 * therefore retires in the same cycle as that write but saw the old value;
 * co-simulation must step the read first (it used to step context 0 first:
 * random seed 20506). A hook in front of co-simulation counts those cycles,
 * so the test shows that the case it is about really happened. */
#define PEXCSR_READS 512u      /* cosim_pexcsr.S: READS */

typedef struct {
    outrider_retire_fn next;
    void              *next_user;
    uint64_t           same_cycle;   /* ctx 1 reads a shared CSR while ctx 0 writes one */
} pexcsr_count;

/* 1: a CSR instruction that only reads pexctl/pexbudget; 2: one that writes them. */
static int pex_csr_kind(uint32_t insn)
{
    unsigned f3 = (insn >> 12) & 7u, csr = insn >> 20, rs1 = (insn >> 15) & 31u;
    if ((insn & 0x7Fu) != 0x73u || f3 == 0 || f3 == 4 ||
        (csr != OUTRIDER_CSR_PEX_CTL && csr != OUTRIDER_CSR_PEX_BUDGET))
        return 0;
    return ((f3 & 3u) == 1 || rs1 != 0) ? 2 : 1;
}

static int pexcsr_hook(void *user, const outrider_retire *recs, unsigned n)
{
    pexcsr_count *pc = user;
    if (n == 2 && recs[0].retire && recs[1].retire && pex_csr_kind(recs[0].insn) == 2 &&
        pex_csr_kind(recs[1].insn) == 1)
        pc->same_cycle++;
    return pc->next ? pc->next(pc->next_user, recs, n) : 0;
}

static void test_regress_pexcsr_race(void **state)
{
    static const uint32_t lat[] = {1, 100};
    for (size_t i = 0; i < sizeof(lat) / sizeof(lat[0]); i++) {
        outrider_config cfg = tprog_config_latency(lat[i]);
        outrider_sim *sim = tprog_load_lockstep(state, "test_cosim_pexcsr", &cfg);
        cosim *co = cosim_of(sim);
        pexcsr_count pc = {0};
        outrider_sim_get_retire_hook(sim, &pc.next, &pc.next_user);
        outrider_sim_set_retire_hook(sim, pexcsr_hook, &pc);
        outrider_status st = outrider_sim_run(sim);
        outrider_sim_set_retire_hook(sim, pc.next, pc.next_user);
        if (st != OUTRIDER_RUNNING)
            cosim_finish(co);
        if (cosim_failed(co)) {
            char rep[1024];
            snprintf(rep, sizeof rep, "%s", cosim_report(co));
            cosim_detach(co);    /* the teardown would report it again */
            fail_msg("latency %u: co-simulation of the shared-CSR race:\n%s", lat[i], rep);
        }
        assert_int_equal(st, OUTRIDER_EXITED);
        assert_int_equal(outrider_sim_exit_code(sim), 0);
        uint32_t r[4];
        tprog_read(sim, "results", 0, r, 4);
        unsigned fails = 0;
        tprog_check("reads of a value nobody wrote", 0, r[0], 0, &fails);
        tprog_check("reads per CSR", 3, r[3], PEXCSR_READS, &fails);
        tprog_checks_done("shared CSR values seen by the reader", fails);
        /* the reader saw both values of each CSR, and the case of the
         * regression (a read and a write in MEM together) happened */
        assert_true(r[1] > 0 && r[1] < PEXCSR_READS);
        assert_true(r[2] > 0 && r[2] < PEXCSR_READS);
        assert_true(pc.same_cycle >= 10);
        print_message("  latency %3u: %u of %u pexctl reads saw 1, %u pexbudget reads the "
                      "second value; %llu cycles with a read and a write in MEM together, "
                      "%llu instructions compared\n",
                      lat[i], r[1], PEXCSR_READS, r[2], (unsigned long long)pc.same_cycle,
                      (unsigned long long)cosim_compared(co));
    }
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_iss_matches_smtsim, tprog_setup, tprog_teardown),
        cmocka_unit_test(test_iss_cli),
        cmocka_unit_test_setup_teardown(test_mismatch_is_caught, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_memory_difference_is_caught, tprog_setup,
                                        tprog_teardown),
        cmocka_unit_test(test_commit_log_equals_iss),
        cmocka_unit_test_setup_teardown(test_programs_at_latencies, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_regress_sb_hart_start, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_posted_stores_two_harts, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_regress_pexcsr_race, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_random_programs, tprog_setup, tprog_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
