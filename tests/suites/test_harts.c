// SPDX-License-Identifier: Apache-2.0
/*
 * test_harts.c - context 1 as a second hart (programs harts_*.S):
 * hart.start/hart.exit semantics, own mhartid, atomics and a spin lock
 * across the two harts, `pause` giving up the spinner's own issue slots, fence.i with
 * self-modifying code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "kernel_ref.h"
#include "rv_ref.h"
#include "tprog.h"

#define SENTINEL 0xA5A5A5A5u
#define REG_A0   10u

static void test_hart_start_exit(void **state)
{
    const uint32_t args[2] = {0xA0A01234u, 0x5EC00D01u};
    uint32_t r[15];
    outrider_sim *sim = tprog_load(state, "test_harts_basic", NULL);
    tprog_write(sim, "args", 0, args, 2);
    tprog_fill(sim, "results", 15, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 15);

    unsigned fails = 0;
    tprog_check("first hart.start: context id", 0, r[0], 1, &fails);
    tprog_check("hart.start while context 1 runs: refused", 1, r[1], 0, &fails);
    tprog_check("mhartid on the started hart", 2, r[2], 1, &fails);
    tprog_check("a0 on the started hart", 3, r[3], args[0], &fails);
    tprog_check("mhartid on context 0", 4, r[4], 0, &fails);
    if (r[5] < 1 || r[5] > 1000) {
        print_message("  %u hart.start attempts after hart.exit\n", r[5]);
        fails++;
    }
    tprog_check("hart.start after hart.exit: context id", 6, r[6], 1, &fails);
    tprog_check("a0 on the restarted hart", 7, r[7], args[1], &fails);
    tprog_check("mhartid on the restarted hart", 8, r[8], 1, &fails);
    tprog_check("context 1 trap: mcause (ecall)", 9, r[9], 11, &fails);
    tprog_check("context 1 trap: mepc", 10, r[10], tprog_sym(sim, "h1_ecall"), &fails);
    tprog_check("context 1 trap: mhartid in handler", 11, r[11], 1, &fails);
    tprog_check("context 0 mtvec unchanged", 12, r[12], tprog_sym(sim, "unexpected_trap"),
                &fails);
    tprog_check("context 0 mscratch unchanged", 13, r[13], 0x11111111u, &fails);
    tprog_check("context 1 mscratch", 14, r[14], 0x22222222u, &fails);
    tprog_checks_done("hart.start/hart.exit", fails);

    const outrider_stats *st = outrider_sim_stats(sim);
    assert_non_null(st);
    assert_true(st->num_ctx >= 2);
    assert_true(st->ctx[1].retired > 0);
}

static void test_per_hart_interrupts(void **state)
{
    uint32_t r[8];
    outrider_sim *sim = tprog_load(state, "test_harts_irq", NULL);
    tprog_fill(sim, "results", 8, SENTINEL);
    tprog_set_word(sim, "results", 1, 0);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 8);
    unsigned fails = 0;
    tprog_check("hart.start", 0, r[0], 1, &fails);
    tprog_check("interrupts taken by context 1", 1, r[1], 2, &fails);
    int both = (r[2] == 0x80000003u && r[3] == 0x80000007u) ||
               (r[2] == 0x80000007u && r[3] == 0x80000003u);
    if (!both) {
        print_message("  context 1 mcause values 0x%08x, 0x%08x: want the software and the "
                      "timer interrupt\n", r[2], r[3]);
        fails++;
    }
    tprog_check("mhartid in context 1's handler", 4, r[4], 1, &fails);
    tprog_check("mhartid in context 1's handler", 5, r[5], 1, &fails);
    tprog_check("interrupts taken by context 0", 6, r[6], 0, &fails);
    if (r[7] == 0 || r[7] == SENTINEL) {
        print_message("  context 1 executed wfi %u times\n", r[7]);
        fails++;
    }
    tprog_checks_done("per-hart interrupts", fails);
}

/* ---- harts_kernel.S ------------------------------------------------------ */
#define KERNEL_ITERS 12

static void run_kernels(void **state, uint32_t mem_latency)
{
    kernel_in in[2];
    kernel_input(&in[0], 1, KERNEL_ITERS);
    kernel_input(&in[1], 2, KERNEL_ITERS);
    outrider_config cfg = tprog_config_latency(mem_latency);
    outrider_sim *sim = tprog_load(state, "test_harts_kernel", &cfg);
    kernel_setup(sim, "blk0", "nodes0", &in[0]);
    kernel_setup(sim, "blk1", "nodes1", &in[1]);
    tprog_fill(sim, "out0", 4, SENTINEL);
    tprog_fill(sim, "out1", 4, SENTINEL);
    tprog_run_ok(sim);
    assert_int_equal(tprog_word(sim, "results", 0), 1);

    unsigned fails = 0;
    static const char *const outs[2] = {"out0", "out1"};
    static const char *const what[4] = {"hash", "x", "y", "stored-and-reloaded hash"};
    for (unsigned h = 0; h < 2; h++) {
        uint32_t exp[4], got[4];
        kernel_model(&in[h], exp);
        tprog_read(sim, outs[h], 0, got, 4);
        for (unsigned k = 0; k < 4; k++) {
            char label[64];
            snprintf(label, sizeof(label), "context %u %s", h, what[k]);
            tprog_check(label, k, got[k], exp[k], &fails);
        }
    }
    tprog_checks_done("concurrent kernels", fails);
}

/* Both contexts interleave in the pipeline with the same register numbers. */
static void test_concurrent_kernels(void **state)
{
    run_kernels(state, 0);
    run_kernels(state, 3);
}

#define COUNT_N 200

static void run_count(void **state, uint32_t mode, const char *what, uint32_t mem_latency)
{
    uint32_t r[3], fails_sc[2];
    outrider_config cfg = tprog_config_latency(mem_latency);
    outrider_sim *sim = tprog_load(state, "test_harts_count", &cfg);
    tprog_set_word(sim, "mode", 0, mode);
    tprog_set_word(sim, "niter", 0, COUNT_N);
    tprog_fill(sim, "results", 3, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 3);
    tprog_read(sim, "sc_fail", 0, fails_sc, 2);
    print_message("  %s, memory latency %u: counter %u (expected %u), SC failures hart0 %u "
                  "hart1 %u, %llu cycles\n", what, mem_latency, r[1], 2 * COUNT_N,
                  fails_sc[0], fails_sc[1],
                  (unsigned long long)outrider_sim_cycles(sim));
    assert_int_equal(r[0], 1);
    assert_int_equal(r[1], 2 * COUNT_N);
    assert_int_equal(r[2], 0);
    const outrider_stats *st = outrider_sim_stats(sim);
    assert_true(st->ctx[1].retired > 0);
}

static void run_count_latencies(void **state, uint32_t mode, const char *what)
{
    run_count(state, mode, what, 0);
    run_count(state, mode, what, 4);
}

static void test_counter_amoadd(void **state) { run_count_latencies(state, 0, "amoadd.w"); }
static void test_counter_lrsc(void **state) { run_count_latencies(state, 1, "lr.w/sc.w"); }
static void test_counter_spinlock(void **state) { run_count_latencies(state, 2, "spin lock"); }

#define PAUSE_NITER 300

static uint32_t pause_loop_result(uint32_t n)
{
    uint32_t x = 1;
    for (uint32_t i = 0; i < n; i++)
        x = (x * 1103515245u + 1234u) ^ i;
    return x;
}

static void run_pause(void **state, uint32_t use_pause, uint32_t *cycles, uint32_t *spins)
{
    uint32_t r[4];
    outrider_sim *sim = tprog_load(state, "test_harts_pause", NULL);
    tprog_set_word(sim, "use_pause", 0, use_pause);
    tprog_set_word(sim, "niter", 0, PAUSE_NITER);
    tprog_fill(sim, "results", 4, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 4);
    assert_int_equal(r[0], 1);
    assert_int_equal(r[2], pause_loop_result(PAUSE_NITER));
    *cycles = r[1];
    *spins = r[3];
    print_message("  spinner %s pause: compute loop %u cycles, %u spin iterations\n",
                  use_pause ? "with" : "without", r[1], r[3]);
}

/* Deterministic simulation. Each context has its own issue lane
 * (docs/core.md "Issue lanes"): context 0's spin loop takes no issue slot
 * from the compute loop on context 1, with or without `pause`, so the
 * compute loop is not slower with the plain spinner; and `pause` makes the
 * spinner give up its own slots: it spins far fewer times meanwhile. */
static void test_pause_yields(void **state)
{
    uint32_t c_spin = 0, c_pause = 0, n_spin = 0, n_pause = 0;
    run_pause(state, 0, &c_spin, &n_spin);
    run_pause(state, 1, &c_pause, &n_pause);
    if (c_pause > c_spin)
        fail_msg("compute loop: %u cycles with a pause spinner, %u without", c_pause, c_spin);
    if (!(2 * n_pause < n_spin))
        fail_msg("spinner: %u iterations with pause, %u without", n_pause, n_spin);
}

static void test_fence_i_smc(void **state)
{
    const int32_t imm[3] = {0x123, -77, 0x2AB};
    uint32_t insn[3], r[4];
    for (int i = 0; i < 3; i++)
        insn[i] = rv_enc_addi(REG_A0, 0, imm[i]);
    outrider_sim *sim = tprog_load(state, "test_harts_smc", NULL);
    tprog_write(sim, "new_insn", 0, insn, 3);
    tprog_fill(sim, "results", 4, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 4);
    unsigned fails = 0;
    tprog_check("before modification", 0, r[0], 1, &fails);
    tprog_check("after first store + fence.i", 1, r[1], (uint32_t)imm[0], &fails);
    tprog_check("after second store + fence.i", 2, r[2], (uint32_t)imm[1], &fails);
    tprog_check("instruction right after fence.i", 3, r[3], (uint32_t)imm[2], &fails);
    tprog_checks_done("fence.i", fails);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);   /* keep cmocka's stdout/stderr lines in order */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hart_start_exit, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_per_hart_interrupts, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_kernels, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_counter_amoadd, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_counter_lrsc, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_counter_spinlock, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_pause_yields, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_fence_i_smc, tprog_setup, tprog_teardown),
    };
    return cmocka_run_group_tests_name("test_harts", tests, NULL, NULL);
}
