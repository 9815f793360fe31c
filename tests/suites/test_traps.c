// SPDX-License-Identifier: Apache-2.0
/*
 * test_traps.c - machine-mode traps and CSRs (programs traps_exc.S,
 * traps_csr.S, traps_vec.S): mcause/mepc/mtval of every synchronous
 * exception class, mret, mstatus stacking, vectored mtvec, CSR read/write
 * semantics and counters. Expected values follow the RISC-V privileged
 * specification and are computed here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <outrider/consts.h>

#include "rv_ref.h"
#include "tprog.h"

#define SENTINEL 0xA5A5A5A5u
#define NTRIG    23
#define MSTATUS_MIE  0x8u
#define MSTATUS_MPIE 0x80u
#define MSTATUS_MPP  0x1800u
#define CAUSE_IRQ    0x80000000u

#define EXT_MIS    (OUTRIDER_EXT_BASE + 0x100u)  /* traps_exc.S: s9 */
#define OPC_SYSTEM 0x73u
#define REG_T0 5u
#define REG_T1 6u

/* What traps_exc.S must log for trigger k. mtval_alt: a second legal value
 * (the privileged spec lets breakpoints and fetch faults report 0). */
typedef struct {
    const char *what;
    uint32_t cause, cause_alt;
    uint32_t mtval, mtval_alt;
    int check_mtval;
    int has_alt_cause, has_alt_mtval;
} trap_exp;

typedef struct {
    uint32_t log[4 * (NTRIG + 4)];
    uint32_t after[NTRIG];
    uint32_t kept[NTRIG];
    uint32_t count;
    uint32_t mret_mstatus;
    uint32_t mis[2];
    uint32_t trig[NTRIG];
    trap_exp exp[NTRIG];
} exc_run;

static void exc_expectations(exc_run *r, uint32_t mis, uint32_t t21_target)
{
    trap_exp *e = r->exp;
    memset(e, 0, sizeof(r->exp));
#define EXP(k, w, c, mt) do { e[k].what = (w); e[k].cause = (c); e[k].mtval = (mt); e[k].check_mtval = 1; } while (0)
    EXP(0, "illegal: all-zero word", 2, 0x00000000u);
    EXP(1, "illegal: all-ones word", 2, 0xFFFFFFFFu);
    EXP(2, "illegal: OP funct7=0000010", 2, 0x043100B3u);
    EXP(3, "illegal: flw (no F)", 2, 0x00052007u);
    EXP(4, "illegal: unknown CSR satp", 2, rv_enc_i(OPC_SYSTEM, REG_T0, 2, 0, 0x180));
    EXP(5, "illegal: write to read-only mhartid", 2, rv_enc_i(OPC_SYSTEM, 0, 1, REG_T1, 0xF14));
    EXP(6, "illegal: hart.exit on context 0", 2, (1u << 25) | 0x0Bu);
    EXP(7, "ecall", 11, 0);
    EXP(8, "ebreak", 3, 0);
    e[8].has_alt_mtval = 1;
    e[8].mtval_alt = r->trig[8];
    /* misaligned outside RAM (the Ext window) still traps; in RAM it
     * completes (test_isa's test_misaligned_ram) */
    EXP(9, "lw misaligned +1 (Ext)", 4, EXT_MIS + 1);
    EXP(10, "lh misaligned +1 (Ext)", 4, EXT_MIS + 1);
    EXP(11, "lhu misaligned +3 (Ext)", 4, EXT_MIS + 3);
    EXP(12, "lw misaligned +2 (Ext)", 4, EXT_MIS + 2);
    EXP(13, "sw misaligned +2 (Ext)", 6, EXT_MIS + 2);
    EXP(14, "sh misaligned +1 (Ext)", 6, EXT_MIS + 1);
    EXP(15, "lw unmapped 0x40000000", 5, 0x40000000u);
    EXP(16, "sw unmapped 0x40000000", 7, 0x40000000u);
    EXP(17, "lb unmapped 0x0", 5, 0);
    EXP(18, "lw beyond RAM 0x81000000", 5, 0x81000000u);
    EXP(19, "sw beyond RAM 0x81000000", 7, 0x81000000u);
    EXP(20, "fetch unmapped 0x40000000", 1, 0x40000000u);
    e[20].has_alt_mtval = 1;
    e[20].mtval_alt = 0;
    EXP(21, "jump to a 2-aligned target", 0, t21_target + 2);
    EXP(22, "amoadd.w misaligned +2", 6, mis + 2);
    e[22].has_alt_cause = 1;
    e[22].cause_alt = 7;
#undef EXP
}

static void run_exc(void **state, exc_run *r)
{
    outrider_sim *sim = tprog_load(state, "test_traps_exc", NULL);
    tprog_fill(sim, "after", NTRIG, 0);
    tprog_fill(sim, "kept", NTRIG, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "tlog", 0, r->log, 4 * (NTRIG + 4));
    tprog_read(sim, "after", 0, r->after, NTRIG);
    tprog_read(sim, "kept", 0, r->kept, NTRIG);
    tprog_read(sim, "mis", 0, r->mis, 2);
    r->count = tprog_word(sim, "tcount", 0);
    r->mret_mstatus = tprog_word(sim, "mret_mstatus", 0);
    for (unsigned k = 0; k < NTRIG; k++) {
        char name[16];
        snprintf(name, sizeof(name), "trig_%u", k);
        r->trig[k] = tprog_sym(sim, name);
    }
    exc_expectations(r, tprog_sym(sim, "mis"), tprog_sym(sim, "trig_21_target"));
    if (r->count != NTRIG)
        print_message("  %u traps taken, expected %u\n", r->count, NTRIG);
}

/* Check triggers first..last: mcause, mepc, mtval, mstatus in the handler,
 * the instruction after it ran. */
static void check_triggers(const exc_run *r, unsigned first, unsigned last)
{
    unsigned fails = 0;
    for (unsigned k = first; k <= last; k++) {
        const trap_exp *e = &r->exp[k];
        if (k >= r->count) {
            print_message("  [%u] %s: no trap logged\n", k, e->what);
            fails++;
            continue;
        }
        const uint32_t *l = &r->log[4 * k];
        uint32_t mepc_exp = (k == 20) ? 0x40000000u : r->trig[k];
        int ok_cause = l[0] == e->cause || (e->has_alt_cause && l[0] == e->cause_alt);
        int ok_mtval = !e->check_mtval || l[2] == e->mtval ||
                       (e->has_alt_mtval && l[2] == e->mtval_alt);
        int ok_mepc = l[1] == mepc_exp;
        int ok_mstatus = (l[3] & MSTATUS_MPP) == MSTATUS_MPP && (l[3] & MSTATUS_MIE) == 0;
        int ok_after = r->after[k] == 1;
        if (!(ok_cause && ok_mtval && ok_mepc && ok_mstatus && ok_after)) {
            print_message("  [%u] %s: mcause %u (exp %u) mepc 0x%08x (exp 0x%08x) "
                          "mtval 0x%08x (exp 0x%08x) mstatus 0x%08x%s\n",
                          k, e->what, l[0], e->cause, l[1], mepc_exp, l[2], e->mtval, l[3],
                          ok_after ? "" : " - did not resume after the instruction");
            fails++;
        }
    }
    assert_int_equal(fails, 0);
}

static void check_kept(const exc_run *r, const unsigned *ks, size_t n)
{
    unsigned fails = 0;
    for (size_t i = 0; i < n; i++)
        tprog_check("destination of a faulting instruction is unchanged", ks[i],
                    r->kept[ks[i]], 0x5A5A5A5Au, &fails);
    tprog_checks_done("faulting destination registers", fails);
}

static void test_illegal_instruction(void **state)
{
    static exc_run r;
    run_exc(state, &r);
    check_triggers(&r, 0, 6);
    static const unsigned ks[] = {4};
    check_kept(&r, ks, 1);
}

static void test_ecall_ebreak(void **state)
{
    static exc_run r;
    run_exc(state, &r);
    check_triggers(&r, 7, 8);
}

static void test_misaligned(void **state)
{
    static exc_run r;
    run_exc(state, &r);
    check_triggers(&r, 9, 14);
    check_triggers(&r, 21, 22);
    static const unsigned ks[] = {9, 10, 11, 12, 22};
    check_kept(&r, ks, 5);
    /* the misaligned AMO wrote nothing */
    assert_int_equal(r.mis[0], 0x11223344u);
    assert_int_equal(r.mis[1], 0x55667788u);
}

static void test_access_fault(void **state)
{
    static exc_run r;
    run_exc(state, &r);
    check_triggers(&r, 15, 20);
    static const unsigned ks[] = {15, 17, 18};
    check_kept(&r, ks, 3);
}

static void test_mret_and_mstatus(void **state)
{
    static exc_run r;
    run_exc(state, &r);
    assert_int_equal(r.count, NTRIG);
    for (unsigned k = 0; k < NTRIG; k++)
        assert_int_equal(r.after[k], 1);
    /* mret: MIE <- MPIE (0 here), MPIE <- 1, MPP stays M (only mode) */
    assert_int_equal(r.mret_mstatus & MSTATUS_MIE, 0);
    assert_int_equal(r.mret_mstatus & MSTATUS_MPIE, MSTATUS_MPIE);
    assert_int_equal(r.mret_mstatus & MSTATUS_MPP, MSTATUS_MPP);
}

/* ---- traps_csr.S -------------------------------------------------------- */
static void test_csr_access(void **state)
{
    uint32_t v[33];
    outrider_sim *sim = tprog_load(state, "test_traps_csr", NULL);
    tprog_fill(sim, "results", 33, SENTINEL);
    tprog_run_ok(sim);
    tprog_read(sim, "results", 0, v, 33);
    unsigned fails = 0;

    tprog_check("mhartid", 0, v[0], 0, &fails);
    uint32_t misa = v[1];
    const uint32_t ima = (1u << ('I' - 'A')) | (1u << ('M' - 'A')) | (1u << ('A' - 'A'));
    tprog_check("misa.MXL (XLEN=32)", 1, misa >> 30, 1, &fails);
    tprog_check("misa I, M, A", 1, misa & ima, ima, &fails);
    tprog_check("misa F, D clear", 1, misa & ((1u << ('F' - 'A')) | (1u << ('D' - 'A'))), 0, &fails);

    uint32_t ms = 0x12345678u;
    tprog_check("csrw/csrr mscratch", 2, v[2], ms, &fails);
    tprog_check("csrrw old", 3, v[3], ms, &fails);
    ms = 0xCAFEBABEu;
    tprog_check("csrrw new", 4, v[4], ms, &fails);
    tprog_check("csrrs old", 5, v[5], ms, &fails);
    ms |= 0x0000F00Fu;
    tprog_check("csrrs new", 6, v[6], ms, &fails);
    tprog_check("csrrc old", 7, v[7], ms, &fails);
    ms &= ~0xFF000000u;
    tprog_check("csrrc new", 8, v[8], ms, &fails);
    tprog_check("csrrwi old", 9, v[9], ms, &fails);
    ms = 21;
    tprog_check("csrrwi new", 10, v[10], ms, &fails);
    tprog_check("csrrsi old", 11, v[11], ms, &fails);
    ms |= 0x0Au;
    tprog_check("csrrsi new", 12, v[12], ms, &fails);
    tprog_check("csrrci old", 13, v[13], ms, &fails);
    ms &= ~0x11u;
    tprog_check("csrrci new", 14, v[14], ms, &fails);

    if (v[16] - v[15] < 100u) {
        print_message("  mcycle advanced %u over a 100-instruction loop\n", v[16] - v[15]);
        fails++;
    }
    /* a CSR read sees the count before its own instruction retires: the
     * second read follows the first read and 10 nops */
    tprog_check("minstret delta over csrr + 10 nops", 17, v[18] - v[17], 11, &fails);
    if ((int32_t)(v[19] - v[16]) <= 0) {
        print_message("  rdcycle 0x%08x not after mcycle 0x%08x\n", v[19], v[16]);
        fails++;
    }
    if ((int32_t)(v[20] - v[18]) <= 0) {
        print_message("  rdinstret 0x%08x not after minstret 0x%08x\n", v[20], v[18]);
        fails++;
    }
    tprog_check("mcycleh (short run)", 21, v[21], 0, &fails);
    tprog_check("rdcycleh (short run)", 22, v[22], 0, &fails);
    if (v[23] >= 16u) {
        print_message("  mcycle read 0x%08x right after csrw mcycle, zero\n", v[23]);
        fails++;
    }
    uint32_t tv = tprog_sym(sim, "trap_vec");
    tprog_check("mtvec vectored", 24, v[24], tv | 1u, &fails);
    tprog_check("mtvec direct", 25, v[25], tv, &fails);
    tprog_check("mstatus.MIE set", 26, v[26] & MSTATUS_MIE, MSTATUS_MIE, &fails);
    tprog_check("mie WARL (MSIE|MTIE|MEIE)", 27, v[27], 0x888u, &fails);
    tprog_check("mepc low bits cleared", 28, v[28], 0x80001234u, &fails);
    tprog_check("csrrsi mhartid, 0", 29, v[29], 0, &fails);
    if (!(v[30] <= v[31] && v[31] <= v[32] && v[30] < v[32])) {
        print_message("  rdtime 0x%08x, mtime 0x%08x, rdtime 0x%08x not increasing\n", v[30],
                      v[31], v[32]);
        fails++;
    }
    tprog_checks_done("CSR accesses", fails);
}

/* ---- traps_vec.S -------------------------------------------------------- */
static void test_mtvec_vectored(void **state)
{
    uint32_t log[3 * 8];
    outrider_sim *sim = tprog_load(state, "test_traps_vec", NULL);
    tprog_run_ok(sim);
    uint32_t base = tprog_sym(sim, "vec_table");
    assert_int_equal(tprog_word(sim, "mtvec_read", 0), base | 1u);
    assert_int_equal(tprog_word(sim, "vcount", 0), 3);
    tprog_read(sim, "vlog", 0, log, 3 * 8);
    unsigned fails = 0;
    tprog_check("ecall: vector entry (BASE)", 0, log[0], 0, &fails);
    tprog_check("ecall: mcause", 0, log[1], 11, &fails);
    tprog_check("ecall: mepc", 0, log[2], tprog_sym(sim, "vec_ecall"), &fails);
    tprog_check("software irq: vector entry", 1, log[3], 3, &fails);
    tprog_check("software irq: mcause", 1, log[4], CAUSE_IRQ | 3u, &fails);
    tprog_check("timer irq: vector entry", 2, log[6], 7, &fails);
    tprog_check("timer irq: mcause", 2, log[7], CAUSE_IRQ | 7u, &fails);
    tprog_checks_done("vectored mtvec", fails);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);   /* keep cmocka's stdout/stderr lines in order */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_illegal_instruction, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_ecall_ebreak, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_misaligned, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_access_fault, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_mret_and_mstatus, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_csr_access, tprog_setup, tprog_teardown),
        cmocka_unit_test_setup_teardown(test_mtvec_vectored, tprog_setup, tprog_teardown),
    };
    return cmocka_run_group_tests_name("test_traps", tests, NULL, NULL);
}
