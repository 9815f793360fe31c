// SPDX-License-Identifier: Apache-2.0
/*
 * test_irq.c - machine timer and software interrupts from the CLINT, wfi,
 * masking (programs irq_timer.S, irq_soft.S, irq_wfi.S, irq_masked.S).
 * Expected values follow the RISC-V privileged specification and the
 * CLINT layout of docs/memory-map.md.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "kernel_ref.h"
#include "tprog.h"

#define SENTINEL     0xA5A5A5A5u
#define CAUSE_MSI    0x80000003u
#define CAUSE_MTI    0x80000007u
#define MIP_MSIP     0x8u
#define MIP_MTIP     0x80u
#define MSTATUS_MIE  0x8u
#define MSTATUS_MPIE 0x80u

static void test_timer_interrupt(void **state)
{
    uint32_t r[9];
    outrider_sim *sim = tprog_load(state, "test_irq_timer", NULL);
    tprog_fill(sim, "results", 9, SENTINEL);
    tprog_set_word(sim, "results", 0, 0);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 9);
    uint32_t lo = tprog_sym(sim, "spin_start"), hi = tprog_sym(sim, "spin_end");

    unsigned fails = 0;
    tprog_check("handler entries", 0, r[0], 1, &fails);
    tprog_check("mcause", 1, r[1], CAUSE_MTI, &fails);
    if (r[2] < lo || r[2] > hi) {
        print_message("  mepc 0x%08x outside the spin loop [0x%08x, 0x%08x]\n", r[2], lo, hi);
        fails++;
    }
    if ((int32_t)(r[3] - r[4]) < 0) {
        print_message("  taken at mtime 0x%08x, before mtimecmp 0x%08x\n", r[3], r[4]);
        fails++;
    }
    tprog_check("mip.MTIP in the handler", 5, r[5] & MIP_MTIP, MIP_MTIP, &fails);
    tprog_check("mip.MTIP after disarming", 6, r[6] & MIP_MTIP, 0, &fails);
    tprog_check("mstatus.MIE in the handler", 7, r[7] & MSTATUS_MIE, 0, &fails);
    tprog_check("mstatus.MPIE in the handler", 7, r[7] & MSTATUS_MPIE, MSTATUS_MPIE, &fails);
    tprog_check("mstatus.MIE after mret", 8, r[8] & MSTATUS_MIE, MSTATUS_MIE, &fails);
    tprog_checks_done("timer interrupt", fails);
}

static void test_software_interrupt(void **state)
{
    uint32_t r[8];
    outrider_sim *sim = tprog_load(state, "test_irq_soft", NULL);
    tprog_fill(sim, "results", 8, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 8);
    uint32_t lo = tprog_sym(sim, "enable_site"), hi = tprog_sym(sim, "wait_end");

    unsigned fails = 0;
    tprog_check("mip.MSIP pending while masked", 0, r[0] & MIP_MSIP, MIP_MSIP, &fails);
    tprog_check("msip[0] read back", 1, r[1], 1, &fails);
    tprog_check("mcause", 2, r[2], CAUSE_MSI, &fails);
    if (r[3] <= lo || r[3] > hi) {
        print_message("  mepc 0x%08x not after the enabling csrs (0x%08x..0x%08x]\n", r[3], lo,
                      hi);
        fails++;
    }
    tprog_check("mip.MSIP after clearing msip[0]", 4, r[4] & MIP_MSIP, 0, &fails);
    tprog_check("handler entries", 5, r[5], 1, &fails);
    tprog_check("hart 0 mip.MSIP after msip[1] = 1", 6, r[6] & MIP_MSIP, 0, &fails);
    tprog_check("handler entries after msip[1] = 1", 7, r[7], 1, &fails);
    tprog_checks_done("software interrupt", fails);
}

#define WFI_N 3

static void test_wfi_wakeup(void **state)
{
    uint32_t r[15];
    outrider_sim *sim = tprog_load(state, "test_irq_wfi", NULL);
    tprog_fill(sim, "results", 15, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 15);

    unsigned fails = 0;
    tprog_check("phase A wake-ups", 0, r[0], WFI_N, &fails);
    for (unsigned i = 0; i < WFI_N; i++) {
        tprog_check("phase A: handler ran before the instruction after wfi", 1 + i, r[1 + i],
                    i + 1, &fails);
        if ((int32_t)r[4 + i] < 0) {
            print_message("  phase A wake-up %u at mtime - mtimecmp = %d (woke early)\n", i,
                          (int32_t)r[4 + i]);
            fails++;
        }
        if ((int32_t)r[8 + i] < 0) {
            print_message("  phase B wake-up %u at mtime - mtimecmp = %d (woke early)\n", i,
                          (int32_t)r[8 + i]);
            fails++;
        }
        tprog_check("phase B: mip.MTIP after wake-up", 11 + i, r[11 + i] & MIP_MTIP, MIP_MTIP,
                    &fails);
    }
    tprog_check("phase B wake-ups", 7, r[7], WFI_N, &fails);
    tprog_check("handler entries (none in phase B)", 14, r[14], WFI_N, &fails);
    tprog_checks_done("wfi", fails);
}

static void test_masked_interrupts(void **state)
{
    uint32_t r[7];
    outrider_sim *sim = tprog_load(state, "test_irq_masked", NULL);
    tprog_fill(sim, "results", 7, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, r, 7);
    uint32_t lo = tprog_sym(sim, "unmask_site"), hi = tprog_sym(sim, "unmask_end");

    unsigned fails = 0;
    tprog_check("entries with mstatus.MIE = 0", 0, r[0], 0, &fails);
    tprog_check("mip.MTIP pending with mstatus.MIE = 0", 1, r[1] & MIP_MTIP, MIP_MTIP, &fails);
    tprog_check("entries with mie.MTIE = 0", 2, r[2], 0, &fails);
    tprog_check("mip.MTIP pending with mie.MTIE = 0", 3, r[3] & MIP_MTIP, MIP_MTIP, &fails);
    tprog_check("entries after unmasking", 4, r[4], 1, &fails);
    tprog_check("mcause", 5, r[5], CAUSE_MTI, &fails);
    if (r[6] <= lo || r[6] > hi) {
        print_message("  mepc 0x%08x not after the unmasking csrs (0x%08x..0x%08x]\n", r[6], lo,
                      hi);
        fails++;
    }
    tprog_checks_done("masking", fails);
}

/* ---- irq_precise.S ------------------------------------------------------ */
#define PRECISE_ITERS 30

static void run_precise(void **state, uint32_t seed, uint32_t mem_latency)
{
    kernel_in in;
    uint32_t exp[4], got[4], r[2];
    kernel_input(&in, seed, PRECISE_ITERS);
    kernel_model(&in, exp);

    outrider_config cfg = tprog_config_latency(mem_latency);
    outrider_sim *sim = tprog_load(state, "test_irq_precise", &cfg);
    kernel_setup(sim, "blk", "nodes", &in);
    tprog_fill(sim, "out", 4, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "out", 0, got, 4);
    tprog_read(sim, "results", 0, r, 2);
    print_message("  memory latency %u: %u timer interrupts during the kernel, %llu cycles\n",
                  mem_latency, r[0], (unsigned long long)outrider_sim_cycles(sim));
    unsigned fails = 0;
    static const char *const what[4] = {"hash", "x", "y", "stored-and-reloaded hash"};
    for (unsigned k = 0; k < 4; k++)
        tprog_check(what[k], k, got[k], exp[k], &fails);
    tprog_checks_done("kernel under interrupts", fails);
    /* the run is long enough for dozens of interrupts; fewer than 10 would
     * mean the test did not exercise what it claims */
    assert_true(r[0] >= 10);
    assert_int_equal(r[1], CAUSE_MTI);
}

static void test_precise_interrupts(void **state)
{
    run_precise(state, 7, 0);
    run_precise(state, 8, 3);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);   /* keep cmocka's stdout/stderr lines in order */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_timer_interrupt, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_software_interrupt, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_wfi_wakeup, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_masked_interrupts, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_precise_interrupts, tprog_setup, tprog_teardown),
    };
    return cmocka_run_group_tests_name("test_irq", tests, NULL, NULL);
}
