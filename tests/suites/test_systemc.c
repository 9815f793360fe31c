// SPDX-License-Identifier: Apache-2.0
/*
 * test_systemc.c - the SystemC/TLM-2.0 platform (smtsim-sc, tb/sc/,
 * docs/systemc.md) against the C test bench (smtsim), both run as
 * subprocesses:
 *  - equivalence: over the corpus (test programs, pre-execution examples,
 *    two-hart programs, the first cycles of the benchmark kernels, a few
 *    other memory configurations) both print the same stdout, exit with
 *    the same status and write byte-identical statistics JSON (cycles,
 *    retired instructions per context, Wishbone beats and accesses, data
 *    cache and pre-execution counters): the same cycle count exactly;
 *  - the example peripheral: sw/examples/sc_crc.c on smtsim-sc passes its
 *    own check, and every CRC the device returned equals zlib's crc32 of
 *    the same bytes computed here; smtsim (no device) makes it exit 3;
 *  - bad input: exit status 2 and one "smtsim-sc: ..." line saying what
 *    smtsim says; --trace writes an FST without changing the run; SIGINT
 *    gives 130 and still writes the statistics.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <zlib.h>

#include "trun.h"

#ifndef SMTSIM_PATH
#error "SMTSIM_PATH must be defined"
#endif
#ifndef SMTSIM_SC_PATH
#error "SMTSIM_SC_PATH must be defined"
#endif
#ifndef PROG_DIR
#error "PROG_DIR must be defined"
#endif
#ifndef BAD_DIR
#error "BAD_DIR must be defined"
#endif
#ifndef SC_TEST_PROGS
#error "SC_TEST_PROGS (the test program names) must be defined"
#endif

#define EXIT_BAD   2
#define EXIT_LIMIT 124
#define EXIT_INT   130
#define MAX_ARGS   12
#define ERR_LEN    4096

static char work[64];   /* temporary folder of this run */

static int setup_dir(void **state)
{
    (void)state;
    snprintf(work, sizeof work, "/tmp/outrider-sc-XXXXXX");
    return mkdtemp(work) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    static const char *const names[] = { "a.out", "b.out", "a.json", "b.json", "t.fst",
                                         "i.json", "i.err" };
    char path[128];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", work, names[i]);
        unlink(path);
    }
    return rmdir(work) == 0 ? 0 : -1;
}

static void wpath(char *buf, size_t len, const char *name)
{
    int n = snprintf(buf, len, "%s/%s", work, name);
    assert_true(n > 0 && (size_t)n < len);
}

static void prog_path(char *buf, size_t len, const char *name)
{
    int n = snprintf(buf, len, "%s/%s.elf", PROG_DIR, name);
    assert_true(n > 0 && (size_t)n < len);
}

/* Whole file into a malloc'd, NUL-terminated buffer (*len bytes). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s: %s", path, strerror(errno));
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The whole-run "cycles" of a statistics JSON (the first top-level key of
 * that name: it comes before the per-region records). 1 if found. */
static int json_cycles(const char *j, unsigned long long *cycles)
{
    const char *p = strstr(j, "\"cycles\":");
    return p ? sscanf(p, "\"cycles\":%llu", cycles) : 0;
}

static void same_file(const char *what, const char *name, const char *a_path, const char *b_path)
{
    size_t la, lb;
    char *a = slurp(a_path, &la), *b = slurp(b_path, &lb);
    size_t i = 0;
    while (i < la && i < lb && a[i] == b[i])
        i++;
    if (la != lb || i != la) {
        print_error("%s: %s differs at byte %zu (smtsim %zu bytes, smtsim-sc %zu bytes)\n"
                    "  smtsim:    %.300s\n  smtsim-sc: %.300s\n",
                    name, what, i, la, lb, a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
        free(a);
        free(b);
        fail();
    }
    free(a);
    free(b);
}

/* Run prog (a name under PROG_DIR) with the options in opts (NULL-ended) on
 * both simulators; fail unless stdout, exit status and statistics agree.
 * Returns the (common) exit status. */
static int run_both(const char *prog, const char *const *opts)
{
    char elf[512], out[2][128], json[2][128], err[ERR_LEN];
    prog_path(elf, sizeof elf, prog);
    wpath(out[0], sizeof out[0], "a.out");
    wpath(out[1], sizeof out[1], "b.out");
    wpath(json[0], sizeof json[0], "a.json");
    wpath(json[1], sizeof json[1], "b.json");
    int rc[2];
    for (int s = 0; s < 2; s++) {
        const char *args[MAX_ARGS + 4];
        size_t n = 0;
        args[n++] = "--quiet";
        args[n++] = "--stats-json";
        args[n++] = json[s];
        for (size_t i = 0; opts && opts[i]; i++) {
            assert_true(n < MAX_ARGS);
            args[n++] = opts[i];
        }
        args[n++] = elf;
        rc[s] = trun(s ? SMTSIM_SC_PATH : SMTSIM_PATH, args, n, out[s], err, sizeof err);
        if (rc[s] == EXIT_BAD)
            fail_msg("%s: %s: %s", prog, s ? "smtsim-sc" : "smtsim", err);
    }
    if (rc[0] != rc[1])
        fail_msg("%s: exit status smtsim %d, smtsim-sc %d", prog, rc[0], rc[1]);
    same_file("stdout", prog, out[0], out[1]);
    same_file("statistics JSON", prog, json[0], json[1]);
    size_t len;
    char *j = slurp(json[0], &len);
    unsigned long long cycles = 0;
    assert_int_equal(json_cycles(j, &cycles), 1);
    free(j);
    char optstr[160] = "";
    for (size_t i = 0; opts && opts[i]; i++) {
        strncat(optstr, " ", sizeof optstr - strlen(optstr) - 1);
        strncat(optstr, opts[i], sizeof optstr - strlen(optstr) - 1);
    }
    print_message("  %-22s%-44s exit %3d, %8llu cycles: same\n", prog, optstr, rc[0], cycles);
    return rc[0];
}

#define OPTS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Every test program of tests/tests.mk at the default configuration. */
static void test_programs(void **state)
{
    (void)state;
    char names[] = SC_TEST_PROGS;
    unsigned n = 0;
    for (char *tok = strtok(names, " "); tok; tok = strtok(NULL, " ")) {
        char prog[96];
        snprintf(prog, sizeof prog, "test_%s", tok);
        if (strcmp(tok, "bad_spin") == 0)   /* spins forever: the cycle limit */
            assert_int_equal(run_both(prog, OPTS("--max-cycles", "30000")), EXIT_LIMIT);
        else
            run_both(prog, NULL);
        n++;
    }
    assert_true(n >= 20);
}

/* Other memory and core configurations: latency, outstanding limit, the
 * perfect data cache, pre-execution off, a small RAM. */
static void test_configurations(void **state)
{
    (void)state;
    run_both("test_isa_mem", OPTS("--mem-latency", "0"));
    run_both("test_isa_amo", OPTS("--perfect-dcache"));
    run_both("test_c_sort", OPTS("--mem-latency", "7", "--mem-outstanding", "1"));
    run_both("test_harts_smc", OPTS("--mem-latency", "3"));
    run_both("test_irq_timer", OPTS("--mem-latency", "250"));
    run_both("test_c_harts", OPTS("--no-preexec", "--mem-latency", "20"));
    run_both("test_c_exit", OPTS("--ram-size", "32M"));
    /* regions of interest (per-region records in the JSON) and the error
     * console (the runtime's trap report goes to stderr, not stdout) */
    run_both("test_roi_counters", NULL);
    run_both("test_c_trap_report", NULL);
    run_both("twoharts", OPTS("--mem-latency", "1", "--mem-outstanding", "2"));
}

/* The examples: two-hart programs to the end, the pre-execution examples
 * and the long ones for their first cycles (with pre-execution on and off). */
static void test_examples(void **state)
{
    (void)state;
    assert_int_equal(run_both("hello", NULL), 0);
    assert_int_equal(run_both("twoharts", NULL), 0);
    assert_int_equal(run_both("prodcons", NULL), 0);
    assert_int_equal(run_both("heartbeat", NULL), 0);
    assert_int_equal(run_both("pex_list", OPTS("--max-cycles", "100000")), EXIT_LIMIT);
    assert_int_equal(run_both("pex_list", OPTS("--max-cycles", "100000", "--no-preexec")),
                     EXIT_LIMIT);
    assert_int_equal(run_both("pex_hash", OPTS("--max-cycles", "100000")), EXIT_LIMIT);
    assert_int_equal(run_both("pex_tree", OPTS("--max-cycles", "100000")), EXIT_LIMIT);
    assert_int_equal(run_both("listwalk", OPTS("--max-cycles", "100000")), EXIT_LIMIT);
    assert_int_equal(run_both("cpi", OPTS("--max-cycles", "100000")), EXIT_LIMIT);
}

/* The benchmark kernels (sw/bench/, pre-executed and two-hart builds) for
 * their first 40000 cycles: their sizes are fixed in the sources and a
 * whole run takes millions of cycles. */
static void test_bench_kernels(void **state)
{
    (void)state;
    static const char *const progs[] = {
        "bench_list_pex", "bench_tree_pex", "bench_hash_pex", "bench_em3d_pex",
        "bench_mcf_pex", "bench_spmv_pex", "bench_hash_2h", "bench_mcf_2h",
    };
    for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++)
        assert_int_equal(run_both(progs[i], OPTS("--max-cycles", "40000")), EXIT_LIMIT);
}

/* The example peripheral: sc_crc.c checks the device against its own
 * software CRC; here each device result is also checked against zlib. */
static void test_crc_example(void **state)
{
    (void)state;
    char elf[512], out[128], err[ERR_LEN];
    prog_path(elf, sizeof elf, "sc_crc");
    wpath(out, sizeof out, "b.out");
    const char *args[] = { "--quiet", elf };
    assert_int_equal(trun(SMTSIM_SC_PATH, args, 2, out, err, sizeof err), 0);
    size_t len;
    char *text = slurp(out, &len);

    /* the program's buffer: the same LCG as sw/examples/sc_crc.c */
    static uint8_t buf[512 + 8];   /* sc_crc.c: BUF_LEN + 8 */
    uint32_t x = 12345u;
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (uint8_t)(x >> 16);
    }
    unsigned cases = 0, faster = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        unsigned long nbytes, off, dev, count, sw;
        unsigned long long dev_cycles, sw_cycles;
        if (sscanf(line, "sc_crc: %lu bytes at +%lu: device 0x%lx (%lu bytes, %llu cycles), "
                         "software 0x%lx (%llu cycles)",
                   &nbytes, &off, &dev, &count, &dev_cycles, &sw, &sw_cycles) != 7)
            continue;
        assert_true(off + nbytes <= sizeof buf);
        unsigned long ref = crc32(0L, buf + off, (uInt)nbytes);
        if (dev != ref || sw != ref || count != nbytes)
            fail_msg("case %u (%lu bytes at +%lu): device 0x%08lx, software 0x%08lx, zlib 0x%08lx, "
                     "count %lu", cases, nbytes, off, dev, sw, ref, count);
        if (nbytes >= 255)
            faster += dev_cycles < sw_cycles;
        cases++;
    }
    free(text);
    assert_int_equal(cases, 8);
    assert_int_equal(faster, 3);   /* the accelerator beats the loop on long buffers */
    text = slurp(out, &len);
    assert_non_null(strstr(text, "sc_crc: all 8 cases ok\n"));
    free(text);

    /* smtsim has no device in the Ext window (reads 0): the program says so */
    wpath(out, sizeof out, "a.out");
    assert_int_equal(trun(SMTSIM_PATH, args, 2, out, err, sizeof err), 3);
    text = slurp(out, &len);
    assert_non_null(strstr(text, "no CRC device"));
    free(text);
}

/* One line on stderr, starting with prefix; returns the rest (static). */
static const char *one_line(const char *err, const char *prefix)
{
    static char rest[ERR_LEN];
    size_t pl = strlen(prefix), len = strlen(err);
    if (strncmp(err, prefix, pl) != 0 || len == 0 || err[len - 1] != '\n' ||
        strchr(err, '\n') != err + len - 1)
        fail_msg("expected one line starting with '%s', got: %s", prefix, err);
    snprintf(rest, sizeof rest, "%.*s", (int)(len - pl - 1), err + pl);
    return rest;
}

/* Bad input: both exit 2 with the same one-line message (but the name). */
static void test_bad_input(void **state)
{
    (void)state;
    char missing[160], notelf[512], trunc[512], rv64[512], entry[512], good[512];
    wpath(missing, sizeof missing, "no-such-file.elf");
    snprintf(notelf, sizeof notelf, "%s/notelf.elf", BAD_DIR);
    snprintf(trunc, sizeof trunc, "%s/trunc100.elf", BAD_DIR);
    snprintf(rv64, sizeof rv64, "%s/rv64.elf", BAD_DIR);
    snprintf(entry, sizeof entry, "%s/entry.elf", BAD_DIR);
    prog_path(good, sizeof good, "test_isa_alu");
    const char *const cases[][4] = {
        { missing, NULL }, { notelf, NULL }, { trunc, NULL }, { rv64, NULL }, { entry, NULL },
        { "--max-cycles", "12x", good, NULL }, { "--mem-latency", "-1", good, NULL },
        { "--mem-outstanding", "0", good, NULL }, { "--ram-size", "3K", good, NULL },
        { "--bogus", good, NULL }, { "--quiet=1", good, NULL }, { "--trace", "", good, NULL },
        { good, good, NULL }, { "--stats-json", "/nonexistent-dir/s.json", good, NULL },
        { "--max-cycles", NULL },
    };
    char err_c[ERR_LEN], err_sc[ERR_LEN], expect[ERR_LEN];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = 0;
        while (cases[i][n])
            n++;
        assert_int_equal(trun(SMTSIM_PATH, (const char **)cases[i], n, NULL, err_c, sizeof err_c),
                         EXIT_BAD);
        assert_int_equal(trun(SMTSIM_SC_PATH, (const char **)cases[i], n, NULL, err_sc,
                              sizeof err_sc), EXIT_BAD);
        snprintf(expect, sizeof expect, "%s", one_line(err_c, "smtsim: "));
        const char *got = one_line(err_sc, "smtsim-sc: ");
        if (strcmp(expect, got) != 0)
            fail_msg("case %zu: smtsim says '%s', smtsim-sc says '%s'", i, expect, got);
    }
    /* no program: the message names the tool */
    assert_int_equal(trun(SMTSIM_SC_PATH, NULL, 0, NULL, err_sc, sizeof err_sc), EXIT_BAD);
    assert_non_null(strstr(one_line(err_sc, "smtsim-sc: "), "usage: smtsim-sc"));
    /* the options smtsim-sc does not have */
    const char *cosim[] = { "--cosim", good };
    assert_int_equal(trun(SMTSIM_SC_PATH, cosim, 2, NULL, err_sc, sizeof err_sc), EXIT_BAD);
    assert_string_equal(one_line(err_sc, "smtsim-sc: "), "unknown option '--cosim' (try --help)");
    /* a trace file that cannot be created */
    const char *trace[] = { "--trace", "/nonexistent-dir/t.fst", good };
    assert_int_equal(trun(SMTSIM_SC_PATH, trace, 3, NULL, err_sc, sizeof err_sc), EXIT_BAD);
    assert_string_equal(one_line(err_sc, "smtsim-sc: "),
                        "cannot create trace file /nonexistent-dir/t.fst");
}

/* --trace: an FST file, and the run unchanged by it. */
static void test_trace(void **state)
{
    (void)state;
    char elf[512], fst[128], out[128], json[2][128], err[ERR_LEN];
    prog_path(elf, sizeof elf, "test_isa_alu");
    wpath(fst, sizeof fst, "t.fst");
    wpath(out, sizeof out, "b.out");
    wpath(json[0], sizeof json[0], "a.json");
    wpath(json[1], sizeof json[1], "b.json");
    const char *plain[] = { "--quiet", "--stats-json", json[0], elf };
    const char *traced[] = { "--quiet", "--stats-json", json[1], "--trace", fst, elf };
    assert_int_equal(trun(SMTSIM_SC_PATH, plain, 4, out, err, sizeof err), 0);
    assert_int_equal(trun(SMTSIM_SC_PATH, traced, 6, out, err, sizeof err), 0);
    same_file("statistics JSON (traced)", "test_isa_alu", json[0], json[1]);
    size_t len;
    char *f = slurp(fst, &len);
    /* an FST file starts with its header block (block type 0, FST_BL_HDR) */
    assert_true(len > 1000);
    assert_int_equal((unsigned char)f[0], 0);
    free(f);
}

/* SIGINT: exit status 130, a message, the statistics still written. */
static void test_interrupt(void **state)
{
    (void)state;
    char elf[512], json[128], errp[128];
    prog_path(elf, sizeof elf, "test_bad_spin");
    wpath(json, sizeof json, "i.json");
    wpath(errp, sizeof errp, "i.err");
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int nul = open("/dev/null", O_RDWR);
        if (fd < 0 || nul < 0)
            _exit(127);
        dup2(nul, STDIN_FILENO);
        dup2(nul, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        execl(SMTSIM_SC_PATH, SMTSIM_SC_PATH, "--quiet", "--max-cycles", "0", "--stats-json",
              json, elf, (char *)NULL);
        _exit(127);
    }
    struct timespec ts = { 1, 500000000 };   /* let it start and run a little */
    nanosleep(&ts, NULL);
    kill(pid, SIGINT);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        ;
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), EXIT_INT);
    size_t len;
    char *e = slurp(errp, &len);
    assert_non_null(strstr(e, "smtsim-sc: interrupted after "));
    free(e);
    char *j = slurp(json, &len);
    unsigned long long cycles = 0;
    assert_int_equal(json_cycles(j, &cycles), 1);
    assert_true(cycles > 0);
    assert_non_null(strstr(j, "\"status\":\"interrupted\""));
    free(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_programs),
        cmocka_unit_test(test_configurations),
        cmocka_unit_test(test_examples),
        cmocka_unit_test(test_bench_kernels),
        cmocka_unit_test(test_crc_example),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_trace),
        cmocka_unit_test(test_interrupt),
    };
    return cmocka_run_group_tests_name("systemc", tests, setup_dir, remove_dir);
}
