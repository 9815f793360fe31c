// SPDX-License-Identifier: Apache-2.0
/*
 * test_badinput.c - bad input gets a clear error and a defined exit status,
 * never a crash or a hang: through the smtsim command line (run as a
 * subprocess: exit status 2, or 124 at the cycle limit, and exactly one
 * "smtsim: ..." line on stderr) and through the library
 * (outrider_sim_load_elf error codes, a one-line message, a usable handle).
 * The bad files are generated at build time in BAD_DIR (tests/tests.mk).
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

#include "tprog.h"
#include "trun.h"

#ifndef SMTSIM_PATH
#error "SMTSIM_PATH (the smtsim binary) must be defined"
#endif
#ifndef BAD_DIR
#error "BAD_DIR (directory of the generated bad inputs) must be defined"
#endif

#define EXIT_BAD   2
#define EXIT_LIMIT 124
#define HOST_EXE   "/bin/true"

static void bad_path(const char *name, char *buf, size_t len)
{
    int n = snprintf(buf, len, "%s/%s", BAD_DIR, name);
    assert_true(n > 0 && (size_t)n < len);
}

/* Run smtsim with args; stdout to /dev/null, stderr captured into err. */
static int run_smtsim(const char **args, size_t nargs, char *err, size_t errlen)
{
    return trun(SMTSIM_PATH, args, nargs, NULL, err, errlen);
}

/* Exactly one line, "smtsim: " and some text, ending in a newline. */
static void assert_one_smtsim_line(const char *err, const char *what)
{
    size_t len = strlen(err);
    const char *nl = strchr(err, '\n');
    if (strncmp(err, "smtsim: ", 8) != 0 || len <= 9 || nl == NULL || nl != err + len - 1)
        fail_msg("%s: stderr is not one \"smtsim: ...\" line: [%s]", what, err);
}

static void expect_cli(const char *what, const char **args, size_t nargs, int status)
{
    char err[4096];
    int got = run_smtsim(args, nargs, err, sizeof(err));
    print_message("  %-34s -> %d  %s", what, got, err[0] ? err : "(no stderr)\n");
    if (got != status)
        fail_msg("%s: smtsim exit status %d, expected %d (stderr: %s)", what, got, status, err);
    assert_one_smtsim_line(err, what);
}

static void expect_cli_file(const char *what, const char *file, int status)
{
    char path[1024];
    bad_path(file, path, sizeof(path));
    const char *args[] = {path};
    expect_cli(what, args, 1, status);
}

/* ---- command line: files ------------------------------------------------ */
static void test_cli_bad_files(void **state)
{
    (void)state;
    expect_cli_file("missing file", "does-not-exist.elf", EXIT_BAD);
    expect_cli_file("empty file", "empty.elf", EXIT_BAD);
    expect_cli_file("text file", "notelf.elf", EXIT_BAD);
    expect_cli_file("truncated to 100 bytes", "trunc100.elf", EXIT_BAD);
    expect_cli_file("truncated mid-segment", "truncseg.elf", EXIT_BAD);
    expect_cli_file("mid-segment, no section headers", "truncseg_nosh.elf", EXIT_BAD);
    expect_cli_file("64-bit RISC-V ELF", "rv64.elf", EXIT_BAD);
    expect_cli_file("host object", "host.o", EXIT_BAD);
    expect_cli_file("e_machine = x86", "machine.elf", EXIT_BAD);
    expect_cli_file("RISC-V relocatable object", "reloc.o", EXIT_BAD);
    expect_cli_file("entry point 0x40000000", "entry.elf", EXIT_BAD);
    expect_cli_file("segment at 0x40000000", "outside.elf", EXIT_BAD);
    expect_cli_file("segment at 0x90000000", "beyond.elf", EXIT_BAD);
    expect_cli_file("compressed (EF_RISCV_RVC)", "rvc.elf", EXIT_BAD);
    expect_cli_file("RV32E (EF_RISCV_RVE)", "rve.elf", EXIT_BAD);
    expect_cli_file("double-float ABI", "float.elf", EXIT_BAD);
    const char *dir[] = {BAD_DIR};
    expect_cli("a directory", dir, 1, EXIT_BAD);
    if (access(HOST_EXE, R_OK) == 0) {
        const char *host[] = {HOST_EXE};
        expect_cli("host executable " HOST_EXE, host, 1, EXIT_BAD);
    }
    char far[1024];
    bad_path("far.elf", far, sizeof(far));
    const char *small[] = {"--ram-size", "64K", far};
    expect_cli("segment beyond --ram-size 64K", small, 3, EXIT_BAD);
}

/* ---- command line: options ---------------------------------------------- */
static void test_cli_bad_options(void **state)
{
    (void)state;
    char good[1024];
    tprog_path("test_bad_tiny", good, sizeof(good));
    const char *a1[] = {"--max-cycles", "abc", good};
    expect_cli("--max-cycles abc", a1, 3, EXIT_BAD);
    const char *a2[] = {"--mem-latency", "-1", good};
    expect_cli("--mem-latency -1", a2, 3, EXIT_BAD);
    const char *a3[] = {"--no-such-option", good};
    expect_cli("unknown option", a3, 2, EXIT_BAD);
    const char *a4[] = {"--ram-size", "3000", good};
    expect_cli("--ram-size 3000", a4, 3, EXIT_BAD);
    const char *a5[] = {"--mem-outstanding", "0", good};
    expect_cli("--mem-outstanding 0", a5, 3, EXIT_BAD);
    const char *a6[] = {good, "--max-cycles"};
    expect_cli("option without its value", a6, 2, EXIT_BAD);
    const char *a7[] = {"--quiet"};
    expect_cli("no program", a7, 1, EXIT_BAD);
    const char *a8[] = {good, good};
    expect_cli("two programs", a8, 2, EXIT_BAD);
    const char *a9[] = {"--max-cycles", "99999999999999999999999", good};
    expect_cli("--max-cycles overflow", a9, 3, EXIT_BAD);
}

/* ---- command line: good programs, cycle limit ---------------------------- */
static void test_cli_cycle_limit_and_controls(void **state)
{
    (void)state;
    char spin[1024], good[1024], far[1024], err[4096];
    tprog_path("test_bad_spin", spin, sizeof(spin));
    tprog_path("test_bad_tiny", good, sizeof(good));
    bad_path("far.elf", far, sizeof(far));

    const char *q[] = {"--quiet", "--max-cycles", "10000", spin};
    expect_cli("never halts, --max-cycles 10000", q, 4, EXIT_LIMIT);
    char errq[4096];
    (void)run_smtsim(q, 4, errq, sizeof(errq));
    assert_non_null(strstr(errq, "cycle limit"));

    /* without --quiet: a summary line may follow, but every line is smtsim's */
    const char *v[] = {"--max-cycles", "10000", spin};
    assert_int_equal(run_smtsim(v, 3, err, sizeof(err)), EXIT_LIMIT);
    for (const char *line = err; *line; ) {
        if (strncmp(line, "smtsim: ", 8) != 0)
            fail_msg("stderr line not from smtsim: [%s]", line);
        const char *nl = strchr(line, '\n');
        assert_non_null(nl);
        line = nl + 1;
    }

    /* controls: the same kind of files, well formed, run fine */
    const char *g[] = {"--quiet", good};
    assert_int_equal(run_smtsim(g, 2, err, sizeof(err)), 0);
    assert_string_equal(err, "");
    const char *f[] = {"--quiet", far};
    assert_int_equal(run_smtsim(f, 2, err, sizeof(err)), 0);
    assert_string_equal(err, "");
}

/* ---- library ------------------------------------------------------------ */
typedef struct {
    const char *file;        /* in BAD_DIR, or an absolute path */
    int         err, err_alt;
    uint32_t    ram_size;    /* 0: default */
} lib_case;

static void test_lib_load_errors(void **state)
{
    (void)state;
    static const lib_case cases[] = {
        {"does-not-exist.elf", OUTRIDER_ERR_FILE, OUTRIDER_ERR_FILE, 0},
        {"", OUTRIDER_ERR_FILE, OUTRIDER_ERR_ELF, 0},                 /* the directory */
        {"empty.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"notelf.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"trunc100.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"truncseg.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"truncseg_nosh.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"rv64.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"host.o", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"machine.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"reloc.o", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"entry.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_SEGMENT, 0},
        {"outside.elf", OUTRIDER_ERR_SEGMENT, OUTRIDER_ERR_SEGMENT, 0},
        {"beyond.elf", OUTRIDER_ERR_SEGMENT, OUTRIDER_ERR_SEGMENT, 0},
        {"far.elf", OUTRIDER_ERR_SEGMENT, OUTRIDER_ERR_SEGMENT, 64u * 1024u},
        {"rvc.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"rve.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {"float.elf", OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
        {HOST_EXE, OUTRIDER_ERR_ELF, OUTRIDER_ERR_ELF, 0},
    };
    char good[1024];
    tprog_path("test_bad_tiny", good, sizeof(good));
    unsigned fails = 0;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const lib_case *c = &cases[i];
        char path[1024];
        if (c->file[0] == '/') {
            if (access(c->file, R_OK) != 0)
                continue;
            snprintf(path, sizeof(path), "%s", c->file);
        } else {
            bad_path(c->file, path, sizeof(path));
        }
        outrider_config cfg = tprog_config();
        cfg.max_cycles = 100000;
        if (c->ram_size)
            cfg.ram_size = c->ram_size;
        char cerr[256] = "";
        outrider_sim *sim = outrider_sim_create(&cfg, cerr, sizeof(cerr));
        if (sim == NULL)
            fail_msg("outrider_sim_create: %s", cerr);
        int rc = outrider_sim_load_elf(sim, path);
        const char *msg = outrider_sim_error(sim);
        print_message("  load %-24s -> %d  %s\n", c->file[0] ? c->file : "(directory)", rc,
                      msg ? msg : "(null)");
        if (rc != c->err && rc != c->err_alt) {
            print_message("  ^ expected %d\n", c->err);
            fails++;
        }
        if (msg == NULL || msg[0] == '\0' || strchr(msg, '\n') != NULL) {
            print_message("  ^ message must be one non-empty line\n");
            fails++;
        }
        /* the handle stays usable: a good program loads and runs after it */
        if (c->ram_size == 0) {
            int rc2 = outrider_sim_load_elf(sim, good);
            outrider_status st = rc2 == OUTRIDER_OK ? outrider_sim_run(sim) : OUTRIDER_RUNNING;
            if (rc2 != OUTRIDER_OK || st != OUTRIDER_EXITED || outrider_sim_exit_code(sim) != 0) {
                print_message("  ^ a good program after it: load %d, status %d, exit %d (%s)\n",
                              rc2, (int)st, outrider_sim_exit_code(sim),
                              outrider_sim_error(sim));
                fails++;
            }
        }
        outrider_sim_destroy(sim);
    }
    assert_int_equal(fails, 0);
}

static void test_lib_cycle_limit(void **state)
{
    outrider_config cfg = tprog_config();
    cfg.max_cycles = 10000;
    outrider_sim *sim = tprog_load(state, "test_bad_spin", &cfg);
    assert_int_equal(outrider_sim_run(sim), OUTRIDER_CYCLE_LIMIT);
    uint64_t c = outrider_sim_cycles(sim);
    if (c < 10000 || c > 10000 + 16)
        fail_msg("stopped after %llu cycles with max_cycles 10000", (unsigned long long)c);
}

static void test_lib_bad_config(void **state)
{
    (void)state;
    outrider_config cfg;
    outrider_config_default(&cfg);
    cfg.mem_outstanding = 0;
    char err[256] = "";
    outrider_sim *sim = outrider_sim_create(&cfg, err, sizeof(err));
    if (sim != NULL) {
        outrider_sim_destroy(sim);
        fail_msg("outrider_sim_create accepted mem_outstanding = 0");
    }
    print_message("  mem_outstanding = 0: %s\n", err);
    assert_true(err[0] != '\0' && strchr(err, '\n') == NULL);

    outrider_config_default(&cfg);
    cfg.ram_size = 0;
    err[0] = '\0';
    sim = outrider_sim_create(&cfg, err, sizeof(err));
    if (sim != NULL) {
        outrider_sim_destroy(sim);
        fail_msg("outrider_sim_create accepted ram_size = 0");
    }
    print_message("  ram_size = 0: %s\n", err);
    assert_true(err[0] != '\0' && strchr(err, '\n') == NULL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);   /* keep cmocka's stdout/stderr lines in order */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cli_bad_files),
        cmocka_unit_test(test_cli_bad_options),
        cmocka_unit_test(test_cli_cycle_limit_and_controls),
        cmocka_unit_test(test_lib_load_errors),
        cmocka_unit_test_setup_teardown(test_lib_cycle_limit, tprog_setup, tprog_teardown),
        cmocka_unit_test(test_lib_bad_config),
    };
    return cmocka_run_group_tests_name("test_badinput", tests, NULL, NULL);
}
