// SPDX-License-Identifier: Apache-2.0
/*
 * test_compute.c - smoke test of the compute-bound benchmark set
 * (sw/bench/compute/, docs/performance.md): every kernel, at its small size,
 * through smtsim as a subprocess.
 *
 * Per kernel K (one cmocka test each; the list comes from the build,
 * COMPUTE_KERNEL_LIST):
 *   compute_K_small.elf     under --cosim: exit 0, "checksum 0x... ok",
 *                           cycles and instret of the timed region > 0
 *   compute_K_small_2h.elf  under --cosim: exit 0, the same checksum, and
 *                           each hart retired exactly the one-hart run's
 *                           kernel instructions (the copies do the same work)
 *   compute_K_wrong.elf     the same program with a deliberately wrong
 *                           expected value: exit 1 and "MISMATCH" (the
 *                           check can fail)
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

#include "trun.h"

#ifndef SMTSIM_PATH
#error "SMTSIM_PATH (the smtsim binary) must be defined"
#endif
#ifndef PROG_DIR
#error "PROG_DIR (directory of the built programs) must be defined"
#endif
#ifndef COMPUTE_KERNEL_LIST
#error "COMPUTE_KERNEL_LIST (space-separated kernel names) must be defined"
#endif

#define MAX_KERNELS 16

typedef struct {
    char checksum[16];
    unsigned long long cycles, instret, instret0, instret1;
    int has_checksum, ok, mismatch, has_cycles, has_instret, has_per_hart;
} compute_out;

/* Run smtsim [--cosim] on PROG_DIR/compute_<kernel><suffix>.elf; parse its
 * report into *o; return the exit status. */
static int run_kernel(const char *kernel, const char *suffix, int cosim, compute_out *o)
{
    char elf[512], outp[] = "/tmp/test_compute_XXXXXX", err[4096];
    int n = snprintf(elf, sizeof elf, "%s/compute_%s%s.elf", PROG_DIR, kernel, suffix);
    assert_true(n > 0 && (size_t)n < sizeof elf);
    int fd = mkstemp(outp);
    assert_true(fd >= 0);
    close(fd);
    const char *args[] = { "--quiet", "--max-cycles", "20000000", cosim ? "--cosim" : elf, elf };
    int status = trun(SMTSIM_PATH, args, cosim ? 5 : 4, outp, err, sizeof err);
    memset(o, 0, sizeof *o);
    FILE *f = fopen(outp, "r");
    assert_non_null(f);
    char line[256], sum[16], word[16];
    while (fgets(line, sizeof line, f) != NULL) {
        const char *p = strchr(line, ':');
        if (strncmp(line, "compute ", 8) != 0 || p == NULL)
            continue;
        p++;
        if (sscanf(p, " checksum %15s %15s", sum, word) == 2) {
            snprintf(o->checksum, sizeof o->checksum, "%s", sum);
            o->has_checksum = 1;
            o->ok = strcmp(word, "ok") == 0;
            o->mismatch = strcmp(word, "MISMATCH") == 0;
        } else if (sscanf(p, " cycles %llu", &o->cycles) == 1) {
            o->has_cycles = 1;
        } else if (sscanf(p, " instret0 %llu instret1 %llu", &o->instret0, &o->instret1) == 2) {
            o->has_per_hart = 1;
        } else if (sscanf(p, " instret %llu", &o->instret) == 1) {
            o->has_instret = 1;
        }
    }
    fclose(f);
    unlink(outp);
    print_message("  %-8s %-10s exit %d, checksum %s%s, cycles %llu, instret %llu\n", kernel,
                  suffix, status, o->checksum, o->ok ? " ok" : o->mismatch ? " MISMATCH" : "",
                  o->cycles, o->instret);
    if (err[0])
        print_message("  stderr: %s", err);
    return status;
}

static void test_kernel(void **state)
{
    const char *k = *state;
    compute_out one, two, wrong;

    int st = run_kernel(k, "_small", 1, &one);
    assert_int_equal(st, 0);
    assert_true(one.has_checksum && one.ok);
    assert_true(one.has_cycles && one.has_instret);
    assert_true(one.cycles > 0 && one.instret > 0);

    st = run_kernel(k, "_small_2h", 1, &two);
    assert_int_equal(st, 0);
    assert_true(two.has_checksum && two.ok);
    assert_string_equal(two.checksum, one.checksum);
    assert_true(two.has_per_hart && two.has_cycles);
    assert_int_equal(two.instret0, one.instret);
    assert_int_equal(two.instret1, one.instret);
    assert_int_equal(two.instret, two.instret0 + two.instret1);

    st = run_kernel(k, "_wrong", 0, &wrong);
    assert_int_equal(st, 1);
    assert_true(wrong.has_checksum && wrong.mismatch && !wrong.ok);
    /* the same computation: only the expected value differs */
    assert_string_equal(wrong.checksum, one.checksum);
}

int main(void)
{
    static char names[MAX_KERNELS][32];
    struct CMUnitTest tests[MAX_KERNELS];
    size_t n = 0;
    char list[] = COMPUTE_KERNEL_LIST;
    for (char *tok = strtok(list, " "); tok != NULL; tok = strtok(NULL, " ")) {
        if (n == MAX_KERNELS || strlen(tok) >= sizeof names[0]) {
            fprintf(stderr, "test_compute: too many kernels or a name too long: %s\n", tok);
            return 2;
        }
        snprintf(names[n], sizeof names[n], "%s", tok);
        tests[n] = (struct CMUnitTest){ names[n], test_kernel, NULL, NULL, names[n] };
        n++;
    }
    if (n == 0) {
        fprintf(stderr, "test_compute: no kernels in COMPUTE_KERNEL_LIST\n");
        return 2;
    }
    return _cmocka_run_group_tests("test_compute", tests, n, NULL, NULL);
}
