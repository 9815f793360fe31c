// SPDX-License-Identifier: Apache-2.0
/*
 * test_debug.c - the debug views and fast-forward (docs/debugging.md):
 *  - fast-forward (tb/lib/fastfwd.h): a run that switches from the reference
 *    ISS to the RTL (after N instructions, in the middle of loops; before
 *    roi_begin; with a warmed cache) ends with the same console output, exit
 *    code, registers and memory as the full RTL run; what it refuses;
 *    smtsim --fast-forward;
 *  - the pipeline view (tb/lib/pipeview.h): every instruction the
 *    retirement port reports appears exactly once as retired in the Konata
 *    log, in program order per context; a mispredicted branch shows squashed
 *    instructions; p-thread instructions are marked;
 *  - the trace window: the FST of a window is much smaller and holds only
 *    the window's time (read back with Verilator's fstapi);
 *  - the GTKWave save files (docs/gtkwave/NAME.gtkw) name signals the FST has.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "fastfwd.h"
#include "fstapi.h"
#include "tprog.h"
#include "trun.h"

#ifndef SMTSIM_PATH
#error "SMTSIM_PATH must be defined"
#endif
#ifndef GTKW_DIR
#error "GTKW_DIR (docs/gtkwave) must be defined"
#endif

#define RAM_BASE ((uint32_t)OUTRIDER_RAM_BASE)
#define STACK_CHECK (64u * 1024u)

/* What a run leaves behind, for comparing two runs. */
typedef struct {
    outrider_status st;
    int      exit_code;
    char     console[4096];
    uint32_t regs[32];
    uint64_t img_hash;      /* FNV-1a over the image (RAM base to __heap_start) */
    uint64_t stack_hash;    /* ... over the top 64 KiB (context 0's stack) */
    uint64_t cycles;
    uint64_t main_misses;
    uint64_t misses_after;  /* main-thread load misses after the switch */
    size_t   nrois;         /* regions of interest the RTL saw */
    uint64_t roi_retired;   /* context 0's instructions in the first one */
} outcome;

static uint64_t fnv(uint64_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

/* Main-thread load misses from cycle `from` on (the event log). */
static uint64_t misses_from(const outrider_sim *sim, uint64_t from)
{
    size_t n = 0;
    const outrider_event *ev = outrider_sim_events(sim, &n);
    uint64_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (ev[i].kind == OUTRIDER_EV_LOAD && !ev[i].spec && ev[i].cycle > from &&
            ev[i].cls == OUTRIDER_CLS_MISS)
            m++;
    return m;
}

static void capture(outrider_sim *sim, const outrider_config *cfg, outcome *o)
{
    const outrider_stats *s = outrider_sim_stats(sim);
    o->exit_code = outrider_sim_exit_code(sim);
    o->cycles = s->cycles;
    o->main_misses = s->preexec.main_load_misses;
    const outrider_roi *rois = outrider_sim_rois(sim, &o->nrois);
    o->roi_retired = o->nrois ? rois[0].stats.ctx[0].retired : 0;
    size_t len = 0;
    const char *con = outrider_sim_console(sim, &len);
    snprintf(o->console, sizeof o->console, "%s", con ? con : "");
    for (unsigned r = 0; r < 32; r++)
        o->regs[r] = outrider_sim_read_reg(sim, 0, r);
    uint32_t end;
    if (outrider_sim_symbol(sim, "__heap_start", &end) != 0)
        end = RAM_BASE + 64u * 1024u;
    size_t n = end - RAM_BASE;
    uint8_t *buf = malloc(n > STACK_CHECK ? n : STACK_CHECK);
    assert_non_null(buf);
    uint64_t h = 0xcbf29ce484222325ull;
    assert_int_equal(outrider_sim_read_mem(sim, RAM_BASE, buf, n), 0);
    o->img_hash = fnv(h, buf, n);
    uint32_t top = RAM_BASE + cfg->ram_size - STACK_CHECK;
    assert_int_equal(outrider_sim_read_mem(sim, top, buf, STACK_CHECK), 0);
    o->stack_hash = fnv(h, buf, STACK_CHECK);
    free(buf);
}

static outrider_config quiet_config(void)
{
    outrider_config cfg = tprog_config();
    cfg.console = NULL;
    cfg.max_cycles = 20000000u;
    cfg.event_log = 1;
    return cfg;
}

/* A full RTL run of program `name` (build/prog/NAME.elf). */
static void full_run(const char *name, outcome *o)
{
    outrider_config cfg = quiet_config();
    char path[512], err[256];
    tprog_path(name, path, sizeof path);
    outrider_sim *sim = outrider_sim_create(&cfg, err, sizeof err);
    assert_non_null(sim);
    assert_int_equal(outrider_sim_load_elf(sim, path), OUTRIDER_OK);
    o->st = outrider_sim_run(sim);
    assert_int_equal(o->st, OUTRIDER_EXITED);
    capture(sim, &cfg, o);
    outrider_sim_destroy(sim);
}

/* A fast-forwarded run; the ISS part's console goes to a temporary file so
 * that the whole console can be compared. Returns 0, or -1 with err set when
 * ff_prepare refused (nothing run). */
static int ff_run(const char *name, uint64_t insns, int to_roi, unsigned warm, outcome *o,
                  ff_result *fr, char *err, size_t errlen)
{
    outrider_config cfg = quiet_config();
    char path[512];
    tprog_path(name, path, sizeof path);
    outrider_sim *sim = outrider_sim_create(&cfg, err, errlen);
    assert_non_null(sim);
    assert_int_equal(outrider_sim_load_elf(sim, path), OUTRIDER_OK);
    FILE *iss_con = tmpfile();
    assert_non_null(iss_con);
    ff_options opt = { .insns = insns, .to_roi = to_roi, .warm_lines = warm, .console = iss_con };
    ff_state *ff = ff_prepare(sim, &cfg, path, &opt, fr, err, errlen);
    if (!ff) {
        fclose(iss_con);
        outrider_sim_destroy(sim);
        return -1;
    }
    if (!fr->exited) {
        o->st = outrider_sim_run(sim);
        assert_int_equal(o->st, OUTRIDER_EXITED);
        assert_true(ff_restored(ff));
        capture(sim, &cfg, o);
        o->misses_after = misses_from(sim, ff_switch_cycle(ff));
    } else {
        memset(o, 0, sizeof *o);
        o->exit_code = fr->exit_code;
    }
    /* console = the ISS part + the RTL part */
    char first[4096];
    rewind(iss_con);
    size_t n = fread(first, 1, sizeof first - 1, iss_con);
    first[n] = '\0';
    fclose(iss_con);
    char whole[sizeof first + sizeof o->console];
    snprintf(whole, sizeof whole, "%s%s", first, fr->exited ? "" : o->console);
    snprintf(o->console, sizeof o->console, "%.*s", (int)(sizeof o->console - 1), whole);
    ff_destroy(ff);
    outrider_sim_destroy(sim);
    return 0;
}

/* check_stack: also the stack (not for a program that keeps cycle counts
 * there: pex_list times its phases with mcycle) */
static void assert_same_mem(const outcome *full, const outcome *ff, int check_stack)
{
    assert_string_equal(ff->console, full->console);
    assert_int_equal(ff->exit_code, full->exit_code);
    for (unsigned r = 1; r < 32; r++)
        if (ff->regs[r] != full->regs[r])
            fail_msg("x%u: fast-forwarded 0x%08x, full run 0x%08x", r, ff->regs[r],
                     full->regs[r]);
    assert_true(ff->img_hash == full->img_hash);
    if (check_stack)
        assert_true(ff->stack_hash == full->stack_hash);
}

static void assert_same(const outcome *full, const outcome *ff) { assert_same_mem(full, ff, 1); }

/* c_sort: switches in the middle of the LCG loop, of qsort and of the CRC. */
static void test_ff_count_matches_full_run(void **state)
{
    (void)state;
    outcome full, ff;
    full_run("test_c_sort", &full);
    const uint64_t points[] = { 3000, 20011, 45007 };
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
        ff_result fr;
        char err[256];
        if (ff_run("test_c_sort", points[i], 0, 0, &ff, &fr, err, sizeof err) != 0)
            fail_msg("fast-forward %llu: %s", (unsigned long long)points[i], err);
        assert_false(fr.exited);
        assert_int_equal(fr.iss_insns, points[i]);
        assert_same(&full, &ff);
        /* the RTL did less: the ISS ran the first part */
        assert_true(ff.cycles < full.cycles);
    }
}

/* The pre-execution example: the RTL part spawns p-threads again. */
/* Replace the number before every " cycles;" in a console text by '#'s:
 * pex_list prints the cycles of its timed phase, which depend on what the
 * cache holds at the switch point. */
static void mask_cycles(char *con)
{
    for (char *p = strstr(con, " cycles;"); p != NULL; p = strstr(p + 1, " cycles;"))
        for (char *q = p - 1; q >= con && *q >= '0' && *q <= '9'; q--)
            *q = '#';
}

static void test_ff_preexec_example(void **state)
{
    (void)state;
    outcome full, ff;
    /* pex_list with 128 lists (pex_list_small, tests/preexec.mk): about
     * 147000 instructions, of which the last ~37000 walk the lists; the
     * switch falls in the list build, so the walks and their spawns run on
     * the RTL (the full-size example, 256 lists switched after 150000, was
     * the same test at twice the cycles) */
    full_run("pex_list_small", &full);
    ff_result fr;
    char err[256];
    if (ff_run("pex_list_small", 75011, 0, 0, &ff, &fr, err, sizeof err) != 0)
        fail_msg("%s", err);
    /* The printed cycle count may differ: the full run's cache still holds
     * lines (some dirty) from before the switch point, the fast-forwarded
     * run starts cold. With a 4 KiB cache nothing survived and the counts
     * were equal; with the 16 KiB default they differ by a few dozen
     * cycles in 370000. Everything else must be identical. */
    assert_non_null(strstr(full.console, " cycles;"));
    mask_cycles(full.console);
    mask_cycles(ff.console);
    assert_same_mem(&full, &ff, 0);
}

/* Fast-forward to roi_begin: the long initialisation runs on the ISS. */
static void test_ff_to_roi(void **state)
{
    (void)state;
    outcome full, ff;
    full_run("test_ff_tree", &full);
    ff_result fr;
    char err[256];
    if (ff_run("test_ff_tree", 0, 1, 0, &ff, &fr, err, sizeof err) != 0)
        fail_msg("%s", err);
    assert_same(&full, &ff);
    assert_true(ff.cycles * 4 < full.cycles);   /* most of the work was the build */
    /* the RTL executed roi_begin itself: the same region, instruction for
     * instruction */
    assert_int_equal(full.nrois, 1);
    assert_int_equal(ff.nrois, 1);
    assert_true(full.roi_retired > 1000);
    assert_int_equal(ff.roi_retired, full.roi_retired);
}

/* A warmed cache: the same results, fewer main-thread misses after the
 * switch (in qsort) than with a cold cache. */
static void test_ff_warm_cache(void **state)
{
    (void)state;
    outcome full, cold, warm;
    full_run("test_c_sort", &full);
    ff_result fr;
    char err[256];
    if (ff_run("test_c_sort", 30011, 0, 0, &cold, &fr, err, sizeof err) != 0)
        fail_msg("%s", err);
    if (ff_run("test_c_sort", 30011, 0, 64, &warm, &fr, err, sizeof err) != 0)
        fail_msg("%s", err);
    assert_same(&full, &warm);
    assert_true(fr.warmed >= 32);
    if (warm.misses_after * 2 > cold.misses_after)
        fail_msg("main-thread misses after the switch: warmed %llu, cold %llu",
                 (unsigned long long)warm.misses_after, (unsigned long long)cold.misses_after);
}

static void test_ff_refusals_and_early_exit(void **state)
{
    (void)state;
    outcome o;
    ff_result fr;
    char err[256];
    /* the switch point at the reset pc (where the jump to the stub goes) */
    assert_int_equal(ff_run("test_c_sort", 1, 0, 0, &o, &fr, err, sizeof err), -1);
    assert_non_null(strstr(err, "is the reset pc"));
    /* two harts running at the switch point (hart 1 runs from about
     * instruction 4900 of c_harts on) */
    assert_int_equal(ff_run("test_c_harts", 6000, 0, 0, &o, &fr, err, sizeof err), -1);
    assert_non_null(strstr(err, "context 1 runs"));
    /* a program without roi_begin runs to its end in the ISS */
    outcome sorted;
    full_run("test_c_sort", &sorted);
    assert_int_equal(ff_run("test_c_sort", 0, 1, 0, &o, &fr, err, sizeof err), 0);
    assert_true(fr.exited);
    assert_int_equal(o.exit_code, sorted.exit_code);
    assert_string_equal(o.console, sorted.console);
    /* the program ends in the ISS: its exit code */
    outcome full;
    full_run("test_c_exit", &full);
    assert_int_equal(ff_run("test_c_exit", 100000000, 0, 0, &o, &fr, err, sizeof err), 0);
    assert_true(fr.exited);
    assert_int_equal(o.exit_code, full.exit_code);
}

/* smtsim: same stdout and exit status; bad combinations are exit 2. */
static void test_ff_smtsim(void **state)
{
    (void)state;
    char path[512], err[2048], out1[] = "/tmp/test_debug_ffXXXXXX", out2[] = "/tmp/test_debug_ffXXXXXX";
    tprog_path("test_c_sort", path, sizeof path);
    int fd1 = mkstemp(out1), fd2 = mkstemp(out2);
    assert_true(fd1 >= 0 && fd2 >= 0);
    close(fd1);
    close(fd2);
    const char *full[] = { "--quiet", path };
    int rc_full = trun(SMTSIM_PATH, full, 2, out1, err, sizeof err);
    const char *ff[] = { "--quiet", "--fast-forward", "20011", "--warm-cache", "16", path };
    int rc_ff = trun(SMTSIM_PATH, ff, 6, out2, err, sizeof err);
    assert_int_equal(rc_ff, rc_full);
    char a[4096] = "", b[4096] = "";
    FILE *f = fopen(out1, "r");
    assert_non_null(f);
    size_t na = fread(a, 1, sizeof a - 1, f);
    fclose(f);
    f = fopen(out2, "r");
    assert_non_null(f);
    size_t nb = fread(b, 1, sizeof b - 1, f);
    fclose(f);
    a[na] = b[nb] = '\0';
    assert_true(na > 0);
    assert_string_equal(b, a);
    unlink(out1);
    unlink(out2);
    const char *bad1[] = { "--warm-cache", "4", path };
    assert_int_equal(trun(SMTSIM_PATH, bad1, 3, NULL, err, sizeof err), 2);
    assert_non_null(strstr(err, "--warm-cache needs --fast-forward"));
    const char *bad2[] = { "--fast-forward", "10", "--cosim", path };
    assert_int_equal(trun(SMTSIM_PATH, bad2, 4, NULL, err, sizeof err), 2);
    const char *bad3[] = { "--trace-from", "10", path };
    assert_int_equal(trun(SMTSIM_PATH, bad3, 3, NULL, err, sizeof err), 2);
    const char *bad4[] = { "--trace", "/tmp/x.fst", "--trace-from", "10", "--trace-to", "5", path };
    assert_int_equal(trun(SMTSIM_PATH, bad4, 7, NULL, err, sizeof err), 2);
}

/* ---- pipeline view ---------------------------------------------------------- */
#define MAX_RET 200000
typedef struct {
    uint32_t pc[2][MAX_RET];
    size_t   n[2];
} retired_log;

static int collect(void *user, const outrider_retire *r, unsigned n)
{
    retired_log *l = user;
    for (unsigned i = 0; i < n; i++)
        if (r[i].retire && !r[i].pthread && l->n[r[i].ctx] < MAX_RET)
            l->pc[r[i].ctx][l->n[r[i].ctx]++] = r[i].pc;
    return 0;
}

/* Parse a Konata log: the retired (type 0) records' context and pc in
 * retirement order, squashes, p-thread records, stage order checks. */
typedef struct {
    size_t   retired[2], squashed, redirect_squashes, pthread_records, bad_stage_order;
    size_t   records;
} kstats;

#define MAX_IDS 400000
static void parse_konata(const char *path, retired_log *out, kstats *k)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[256];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "Kanata\t0004\n");
    static uint32_t pc[MAX_IDS];
    static uint8_t ctx[MAX_IDS], pt[MAX_IDS], last_stage[MAX_IDS], done[MAX_IDS], named[MAX_IDS];
    memset(done, 0, sizeof done);
    memset(k, 0, sizeof *k);
    out->n[0] = out->n[1] = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long long id, b;
        unsigned c;
        char text[200];
        if (sscanf(line, "I\t%llu\t%llu\t%u", &id, &b, &c) == 3) {
            assert_true(id < MAX_IDS);
            ctx[id] = (uint8_t)c;
            pt[id] = 0;
            last_stage[id] = 0;
            named[id] = 0;
            k->records++;
        } else if (sscanf(line, "L\t%llu\t0\t%199[^\n]", &id, text) == 2 && !named[id]) {
            /* the first type-0 label: "[P ]c<ctx> <pc> [insn]"; later ones
             * add the instruction word */
            named[id] = 1;
            unsigned cc;
            unsigned pcv;
            const char *t = text;
            if (strncmp(t, "P ", 2) == 0) {
                pt[id] = 1;
                k->pthread_records++;
                t += 2;
            }
            if (sscanf(t, "c%u %x", &cc, &pcv) == 2)
                pc[id] = pcv;
        } else if (sscanf(line, "S\t%llu\t0\t%199s", &id, text) == 2) {
            static const char order[] = "FDXMW";
            const char *p = strchr(order, text[0]);
            uint8_t st = p ? (uint8_t)(p - order + 1) : 0;
            if (strcmp(text, "Wp") == 0)
                st = 5;
            if (st < last_stage[id])
                k->bad_stage_order++;
            last_stage[id] = st;
        } else if (sscanf(line, "L\t%llu\t1\t%199[^\n]", &id, text) == 2) {
            if (strstr(text, "redirect"))
                k->redirect_squashes++;
        } else if (sscanf(line, "R\t%llu\t%llu\t%u", &id, &b, &c) == 3) {
            assert_false(done[id]);   /* one R per instruction */
            done[id] = 1;
            if (c == 1) {
                k->squashed++;
            } else if (!pt[id]) {
                assert_int_equal(last_stage[id], 5);   /* retired from WB */
                if (out->n[ctx[id]] < MAX_RET)
                    out->pc[ctx[id]][out->n[ctx[id]]++] = pc[id];
                k->retired[ctx[id]]++;
            }
        }
    }
    fclose(f);
}

static void pipeview_check(const char *prog, kstats *k)
{
    outrider_config cfg = quiet_config();
    char path[512], err[256], log[] = "/tmp/test_debug_pvXXXXXX";
    int fd = mkstemp(log);
    assert_true(fd >= 0);
    close(fd);
    tprog_path(prog, path, sizeof path);
    outrider_sim *sim = outrider_sim_create(&cfg, err, sizeof err);
    assert_non_null(sim);
    assert_int_equal(outrider_sim_load_elf(sim, path), OUTRIDER_OK);
    retired_log *port = calloc(1, sizeof *port), *view = calloc(1, sizeof *view);
    assert_true(port && view);
    outrider_sim_set_retire_hook(sim, collect, port);
    assert_int_equal(outrider_sim_pipeview_open(sim, log), OUTRIDER_OK);
    assert_int_equal(outrider_sim_run(sim), OUTRIDER_EXITED);
    assert_int_equal(outrider_sim_pipeview_mismatches(sim), 0);
    assert_int_equal(outrider_sim_pipeview_close(sim), OUTRIDER_OK);
    outrider_sim_destroy(sim);
    parse_konata(log, view, k);
    for (unsigned c = 0; c < 2; c++) {
        assert_int_equal(view->n[c], port->n[c]);
        for (size_t i = 0; i < port->n[c]; i++)
            if (view->pc[c][i] != port->pc[c][i])
                fail_msg("ctx%u retirement %zu: view pc %08x, port pc %08x", c, i,
                         view->pc[c][i], port->pc[c][i]);
    }
    assert_int_equal(k->bad_stage_order, 0);
    assert_true(port->n[0] > 0);
    free(port);
    free(view);
    unlink(log);
}

static void test_pipeview_retirements_and_squashes(void **state)
{
    (void)state;
    kstats k;
    pipeview_check("test_isa_branch", &k);   /* mispredicted branches */
    assert_true(k.redirect_squashes > 0);
    assert_true(k.squashed >= k.redirect_squashes);
    /* branches predicted at IF (BTB, counters, RAS): 40 JALRs to a wrong
     * target and 39 wrong directions in isa_bpred.S, each squashing the
     * wrong-path instruction(s) fetched behind it */
    pipeview_check("test_isa_bpred", &k);
    assert_true(k.redirect_squashes >= 79);
    assert_true(k.squashed >= k.redirect_squashes);
    pipeview_check("test_harts_basic", &k);  /* two harts */
    assert_true(k.retired[1] > 0);
    pipeview_check("test_pex_basic", &k);    /* p-threads */
    assert_true(k.pthread_records > 0);
    /* non-blocking loads: a load answered as outstanding retires from WB
     * (no park flag) and squashes its context's younger instructions, which
     * are fetched again (cosim_nbl: 81 such loads, two harts; dcache_pthread:
     * p-threads with outstanding loads; docs/core.md "Non-blocking loads") */
    pipeview_check("test_cosim_nbl", &k);
    assert_true(k.retired[1] > 0);
    assert_true(k.squashed > 81);
    pipeview_check("test_dcache_pthread", &k);
    assert_true(k.pthread_records > 0);
}

/* --trace-roi: the pipeline view holds the region's cycles only */
static void test_trace_roi(void **state)
{
    (void)state;
    outrider_config cfg = quiet_config();
    char path[512], err[256], log[] = "/tmp/test_debug_roiXXXXXX";
    int fd = mkstemp(log);
    assert_true(fd >= 0);
    close(fd);
    tprog_path("test_ff_tree", path, sizeof path);
    outrider_sim *sim = outrider_sim_create(&cfg, err, sizeof err);
    assert_non_null(sim);
    assert_int_equal(outrider_sim_load_elf(sim, path), OUTRIDER_OK);
    assert_int_equal(outrider_sim_pipeview_open(sim, log), OUTRIDER_OK);
    outrider_sim_set_trace_roi(sim, 1);
    assert_int_equal(outrider_sim_run(sim), OUTRIDER_EXITED);
    size_t n;
    const outrider_roi *r = outrider_sim_rois(sim, &n);
    assert_int_equal(n, 1);
    uint64_t b = r[0].begin_cycle, e = b + r[0].stats.cycles, total = outrider_sim_cycles(sim);
    uint64_t retired_in_roi = r[0].stats.ctx[0].retired;
    assert_int_equal(outrider_sim_pipeview_close(sim), OUTRIDER_OK);
    outrider_sim_destroy(sim);
    /* every command at a cycle inside the region (the last, closing the
     * log at the end of the run, aside) */
    FILE *f = fopen(log, "r");
    assert_non_null(f);
    char line[256];
    uint64_t cyc = 0, first = UINT64_MAX, last = 0, retired = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long long v, a, c;
        if (sscanf(line, "C=\t%llu", &v) == 1)
            cyc = v;
        else if (line[0] == 'C' && sscanf(line, "C\t%llu", &v) == 1)
            cyc += v;
        else if (line[0] == 'I' || line[0] == 'S') {
            if (cyc < first)
                first = cyc;
            if (cyc > last)
                last = cyc;
        } else if (sscanf(line, "R\t%llu\t%llu\t%llu", &v, &a, &c) == 3 && c == 0) {
            retired++;
        }
    }
    fclose(f);
    unlink(log);
    assert_true(e < total);
    assert_true(first >= b);
    assert_true(last < e);
    /* about the region's instructions (its ends cut a few in flight) */
    assert_true(retired + 8 >= retired_in_roi && retired <= retired_in_roi + 8);
}

/* ---- FST: trace window, GTKWave save files ------------------------------------ */
static long file_size(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

typedef struct { uint64_t tmin, tmax; uint64_t n; } tspan;

static void on_change(void *user, uint64_t time, fstHandle facidx, const unsigned char *value)
{
    (void)facidx;
    (void)value;
    tspan *s = user;
    if (time < s->tmin)
        s->tmin = time;
    if (time > s->tmax)
        s->tmax = time;
    s->n++;
}

/* Times (ps) of the value changes in an FST after the reset (time >= 40 ns). */
static tspan fst_span(const char *path)
{
    void *ctx = fstReaderOpen(path);
    assert_non_null(ctx);
    fstReaderSetFacProcessMaskAll(ctx);
    tspan s = { UINT64_MAX, 0, 0 };
    fstReaderIterBlocks(ctx, on_change, &s, NULL);
    fstReaderClose(ctx);
    return s;
}

#define CYCLE_PS 10000ull
#define RESET_PS (4ull * CYCLE_PS)

static void test_trace_window(void **state)
{
    (void)state;
    char path[512], err[2048];
    tprog_path("test_c_sort", path, sizeof path);
    const char *full_fst = "/tmp/test_debug_full.fst", *win_fst = "/tmp/test_debug_win.fst";
    const char *a[] = { "--quiet", "--trace", full_fst, path };
    assert_int_equal(trun(SMTSIM_PATH, a, 4, NULL, err, sizeof err), 0);
    const char *b[] = { "--quiet", "--trace", win_fst, "--trace-from", "20000", "--trace-to",
                        "21000", path };
    assert_int_equal(trun(SMTSIM_PATH, b, 8, NULL, err, sizeof err), 0);
    long fs = file_size(full_fst), ws = file_size(win_fst);
    assert_true(fs > 0 && ws > 0);
    if (ws * 10 > fs)
        fail_msg("window FST %ld bytes, full FST %ld bytes: not much smaller", ws, fs);
    tspan s = fst_span(win_fst);
    tspan f = fst_span(full_fst);
    /* the full trace covers the whole run; the window only [20000, 21000) */
    assert_true(f.tmax > RESET_PS + 21000 * CYCLE_PS);
    uint64_t lo = RESET_PS + 20000 * CYCLE_PS, hi = RESET_PS + 21000 * CYCLE_PS;
    /* changes after the reset: all inside the window */
    void *ctx = fstReaderOpen(win_fst);
    assert_non_null(ctx);
    fstReaderClose(ctx);
    assert_true(s.tmax < hi);
    assert_true(s.tmax >= hi - CYCLE_PS);
    /* something was recorded at the window's start */
    assert_true(s.n > 100);
    (void)lo;
    unlink(full_fst);
    unlink(win_fst);
}

/* every signal named in the docs/gtkwave save files exists in an FST of the SoC */
static char **fst_names(const char *path, size_t *count)
{
    void *ctx = fstReaderOpen(path);
    assert_non_null(ctx);
    size_t cap = 4096, n = 0;
    char **v = malloc(cap * sizeof *v);
    char scope[1024] = "";
    struct fstHier *h;
    while ((h = fstReaderIterateHier(ctx))) {
        if (h->htyp == FST_HT_SCOPE) {
            size_t l = strlen(scope);
            snprintf(scope + l, sizeof scope - l, "%s%s", l ? "." : "", h->u.scope.name);
        } else if (h->htyp == FST_HT_UPSCOPE) {
            char *dot = strrchr(scope, '.');
            if (dot)
                *dot = '\0';
            else
                scope[0] = '\0';
        } else if (h->htyp == FST_HT_VAR) {
            if (n == cap)
                v = realloc(v, (cap *= 2) * sizeof *v);
            char full[1400];
            snprintf(full, sizeof full, "%s.%s", scope, h->u.var.name);
            char *sp = strchr(full, ' ');   /* "name [31:0]" */
            if (sp)
                *sp = '\0';
            v[n++] = strdup(full);
        }
    }
    fstReaderClose(ctx);
    *count = n;
    return v;
}

static void test_gtkw_signals_exist(void **state)
{
    (void)state;
    char path[512], err[2048];
    tprog_path("test_pex_basic", path, sizeof path);
    const char *fst = "/tmp/test_debug_gtkw.fst";
    const char *a[] = { "--quiet", "--trace", fst, "--trace-to", "200", path };
    assert_int_equal(trun(SMTSIM_PATH, a, 6, NULL, err, sizeof err), 0);
    size_t n;
    char **names = fst_names(fst, &n);
    assert_true(n > 500);
    const char *files[] = { "pipeline.gtkw", "dcache.gtkw", "preexec.gtkw" };
    size_t checked = 0;
    for (size_t i = 0; i < 3; i++) {
        char gp[600], line[512];
        snprintf(gp, sizeof gp, "%s/%s", GTKW_DIR, files[i]);
        FILE *g = fopen(gp, "r");
        if (!g)
            fail_msg("cannot open %s", gp);
        size_t in_file = 0;
        while (fgets(line, sizeof line, g)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (!line[0] || strchr("[*@-", line[0]))
                continue;
            char *br = strchr(line, '[');   /* "TOP.x.sig[31:0]" */
            if (br)
                *br = '\0';
            int found = 0;
            for (size_t j = 0; j < n && !found; j++)
                found = strcmp(names[j], line) == 0;
            if (!found)
                fail_msg("%s names %s, which the FST does not have", files[i], line);
            in_file++;
        }
        fclose(g);
        assert_true(in_file >= 5);
        checked += in_file;
    }
    assert_true(checked > 20);
    for (size_t j = 0; j < n; j++)
        free(names[j]);
    free(names);
    unlink(fst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ff_count_matches_full_run),
        cmocka_unit_test(test_ff_preexec_example),
        cmocka_unit_test(test_ff_to_roi),
        cmocka_unit_test(test_ff_warm_cache),
        cmocka_unit_test(test_ff_refusals_and_early_exit),
        cmocka_unit_test(test_ff_smtsim),
        cmocka_unit_test(test_pipeview_retirements_and_squashes),
        cmocka_unit_test(test_trace_window),
        cmocka_unit_test(test_trace_roi),
        cmocka_unit_test(test_gtkw_signals_exist),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
