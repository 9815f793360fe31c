// SPDX-License-Identifier: Apache-2.0
/* cosim.c - lockstep co-simulation of the RTL with the reference ISS
 * (contract in cosim.h). */
#include "cosim.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "iss.h"

#define REPORT_LEN 2048
#define PAGE       4096u

struct cosim {
    outrider_sim         *sim;
    iss                  *model;
    FILE                 *log;
    const outrider_retire *cur;    /* the record being checked (timing values) */
    uint64_t              compared;
    uint32_t              ram_size;
    int                   ram_loaded;
    int                   failed;
    char                  report[REPORT_LEN];
    /* outstanding loads: the value the model loaded into x[r] of context c
     * (bit r of late_pending[c]), checked when the RTL writes it */
    uint32_t              late_pending[OUTRIDER_MAX_CTX];
    uint32_t              late_value[OUTRIDER_MAX_CTX][32];
    uint32_t              late_pc[OUTRIDER_MAX_CTX][32];    /* the load, for the report */
    uint32_t              late_insn[OUTRIDER_MAX_CTX][32];
    uint64_t              late_cycle[OUTRIDER_MAX_CTX][32];
};

static void fail(cosim *c, const outrider_retire *r, const char *fmt, ...)
{
    if (c->failed)
        return;
    c->failed = 1;
    int n = 0;
    if (r)
        n = snprintf(c->report, sizeof c->report,
                     "cosim: MISMATCH at cycle %" PRIu64 ", context %u, pc 0x%08" PRIx32
                     ", insn 0x%08" PRIx32 ": ",
                     r->cycle, r->ctx, r->retire ? r->pc : iss_pc(c->model, r->ctx),
                     r->retire ? r->insn : 0u);
    else
        n = snprintf(c->report, sizeof c->report, "cosim: MISMATCH after the run: ");
    if (n < 0 || (size_t)n >= sizeof c->report)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->report + n, sizeof c->report - (size_t)n, fmt, ap);
    va_end(ap);
}

static uint32_t timing_value(void *user, unsigned hart, iss_timing_kind kind, uint32_t v)
{
    cosim *c = user;
    (void)hart;
    (void)kind;
    (void)v;
    return c->cur ? c->cur->rd_wdata : v;
}

static void describe_rtl(const outrider_retire *r, char *buf, size_t len)
{
    int n = snprintf(buf, len, "pc 0x%08" PRIx32 " insn 0x%08" PRIx32, r->pc, r->insn);
    if (n >= 0 && (size_t)n < len && r->rd_we)
        n += snprintf(buf + n, len - (size_t)n, " x%u = 0x%08" PRIx32, r->rd, r->rd_wdata);
    if (n >= 0 && (size_t)n < len)
        snprintf(buf + n, len - (size_t)n, " (addr 0x%08" PRIx32 ")", r->addr);
}

static void describe_iss(const iss_commit *m, char *buf, size_t len)
{
    if (m->trap) {
        snprintf(buf, len, "pc 0x%08" PRIx32 " insn 0x%08" PRIx32 " TRAP cause 0x%" PRIx32
                 " tval 0x%08" PRIx32, m->pc, m->insn, m->cause, m->tval);
        return;
    }
    int n = snprintf(buf, len, "pc 0x%08" PRIx32 " insn 0x%08" PRIx32, m->pc, m->insn);
    if (n >= 0 && (size_t)n < len && m->rd_we)
        n += snprintf(buf + n, len - (size_t)n, " x%u = 0x%08" PRIx32, m->rd, m->rd_value);
    if (n >= 0 && (size_t)n < len && m->mem)
        snprintf(buf + n, len - (size_t)n, " (addr 0x%08" PRIx32 ")", m->mem_addr);
}

static void sync_regs(cosim *c, unsigned ctx)
{
    for (unsigned r = 1; r < 32; r++)
        iss_set_reg(c->model, ctx, r, outrider_sim_read_reg(c->sim, ctx, r));
    iss_clear_sync(c->model, ctx);
}

static void check_retire(cosim *c, const outrider_retire *r)
{
    iss_commit m;
    char a[256], b[256];
    if (!iss_hart_running(c->model, r->ctx)) {
        describe_rtl(r, a, sizeof a);
        fail(c, r, "the RTL retired an instruction on a context the model does not run\n"
                   "  RTL:   %s\n  model: hart %u not running\n", a, r->ctx);
        return;
    }
    if (iss_needs_sync(c->model, r->ctx))
        sync_regs(c, r->ctx);
    c->cur = r;
    iss_step(c->model, r->ctx, &m);
    c->cur = NULL;
    c->compared++;
    const char *what = NULL;
    if (m.trap)
        what = "the model trapped where the RTL retired";
    else if (m.pc != r->pc)
        what = "pc";
    else if (m.insn != r->insn)
        what = "instruction word";
    else if (m.rd_we != r->rd_we || (m.rd_we && m.rd != r->rd))
        what = "destination register";
    else if (m.rd_we && !r->rd_late && m.rd_value != r->rd_wdata)
        what = "rd value";
    else if (r->rd_late && !m.rd_we)
        what = "an outstanding load without a destination register";
    else if (m.mem && m.mem_addr != r->addr)
        what = "data address";
    if (what) {
        describe_rtl(r, a, sizeof a);
        describe_iss(&m, b, sizeof b);
        fail(c, r, "%s\n  RTL:   %s\n  model: %s\n", what, a, b);
        return;
    }
    /* A younger write to a register drops an older outstanding load's late
     * write (docs/core.md "Non-blocking loads"): the model's value of the
     * register is now this instruction's, and no late write may follow
     * for the older load. */
    if (m.rd_we && !r->rd_late)
        c->late_pending[r->ctx] &= ~(1u << m.rd);
    if (r->rd_late) {
        c->late_pending[r->ctx] |= 1u << m.rd;
        c->late_value[r->ctx][m.rd] = m.rd_value;
        c->late_pc[r->ctx][m.rd] = r->pc;
        c->late_insn[r->ctx][m.rd] = r->insn;
        c->late_cycle[r->ctx][m.rd] = r->cycle;
    }
    if (c->log) {
        char line[192];
        if (iss_format_commit(&m, line, sizeof line) > 0)
            fprintf(c->log, "%s\n", line);
    }
}

static void check_trap(cosim *c, const outrider_retire *r)
{
    if (!iss_hart_running(c->model, r->ctx)) {
        fail(c, r, "the RTL took a trap (cause 0x%" PRIx32 ") on a context the model does not run\n",
             r->trap_cause);
        return;
    }
    if (iss_needs_sync(c->model, r->ctx))
        sync_regs(c, r->ctx);
    c->compared++;
    if (r->trap_cause & 0x80000000u) {
        iss_interrupt(c->model, r->ctx, r->trap_cause);
        return;
    }
    iss_commit m;
    c->cur = r;
    iss_step(c->model, r->ctx, &m);
    c->cur = NULL;
    if (!m.trap || m.cause != r->trap_cause || m.tval != r->trap_tval) {
        char b[256];
        describe_iss(&m, b, sizeof b);
        fail(c, r, "trap\n  RTL:   TRAP cause 0x%" PRIx32 " tval 0x%08" PRIx32 "\n  model: %s\n",
             r->trap_cause, r->trap_tval, b);
    }
}

/* A store-like instruction (store, SC, AMO) or a load-like one (load, LR, AMO). */
static int is_storeish(uint32_t insn)
{
    unsigned opc = insn & 0x7F;
    return opc == 0x23 || (opc == 0x2F && (insn >> 27) != 0x02);
}

static int is_loadish(uint32_t insn)
{
    unsigned opc = insn & 0x7F;
    return opc == 0x03 || opc == 0x2F;
}

/* A CSR instruction on a CSR all contexts share (pexctl, pexbudget, roi,
 * pexdist; pexstatus is read-only and its value comes from the RTL):
 * SHARED_CSR_READ if it only reads it, SHARED_CSR_WRITE if it writes it
 * (csrrw/csrrwi always, csrrs/csrrc with rs1 != x0, csrrsi/csrrci with a
 * non-zero immediate), else 0. */
enum { SHARED_CSR_READ = 1, SHARED_CSR_WRITE = 2 };

static int shared_csr_access(uint32_t insn)
{
    const unsigned f3 = (insn >> 12) & 7u, csr = insn >> 20, rs1 = (insn >> 15) & 31u;
    if ((insn & 0x7F) != 0x73 || f3 == 0 || f3 == 4)
        return 0;
    if (csr != OUTRIDER_CSR_PEX_CTL && csr != OUTRIDER_CSR_PEX_BUDGET &&
        csr != OUTRIDER_CSR_ROI && csr != OUTRIDER_CSR_PEX_DIST)
        return 0;
    return ((f3 & 3u) == 1 || rs1 != 0) ? SHARED_CSR_WRITE : SHARED_CSR_READ;
}

static void check_record(cosim *c, const outrider_retire *r);

/* an outstanding load's register write: the value the model loaded when the
 * load retired */
static void check_late(cosim *c, const outrider_retire *r)
{
    const unsigned ctx = r->ctx, rd = r->late_rd & 31u;
    if (!(c->late_pending[ctx] & (1u << rd))) {
        fail(c, r, "a late register write x%u = 0x%08" PRIx32 " without an outstanding load\n",
             rd, r->late_wdata);
        return;
    }
    c->late_pending[ctx] &= ~(1u << rd);
    if (c->late_value[ctx][rd] != r->late_wdata) {
        /* the report names the load (pc, instruction), not what retires now */
        outrider_retire load = *r;
        load.retire = 1;
        load.pc = c->late_pc[ctx][rd];
        load.insn = c->late_insn[ctx][rd];
        fail(c, &load, "outstanding load's value (the load retired at cycle %" PRIu64
                       ", its register was written at cycle %" PRIu64 ")\n"
                       "  RTL:   x%u = 0x%08" PRIx32 " (late write)\n"
                       "  model: x%u = 0x%08" PRIx32 "\n",
             c->late_cycle[ctx][rd], r->cycle, rd, r->late_wdata, rd, c->late_value[ctx][rd]);
    }
}

static int on_retire(void *user, const outrider_retire *recs, unsigned n)
{
    cosim *c = user;
    if (c->failed)
        return 1;
    /* Records are checked in context order, with two exceptions, both for
     * two harts retiring in the same cycle:
     * - a store-like access and the other hart's load: the store was
     *   performed first (a load answered in the same cycle as another
     *   context's store to that line merged behind it), so the model sees
     *   it first;
     * - a write of a shared CSR and the other hart's read of one: a CSR
     *   instruction retires in the cycle after its MEM stage (the commit
     *   point), so both were in MEM together; the read there saw the value
     *   from before that cycle, the write (at most one per cycle: the core
     *   replays a second) took effect at its end. The read goes first. */
    const int both = n == 2 && recs[1].retire && recs[0].retire && !recs[0].pthread &&
                     !recs[1].pthread;
    if (both && ((is_storeish(recs[1].insn) && is_loadish(recs[0].insn) &&
                  !is_storeish(recs[0].insn)) ||
                 (shared_csr_access(recs[1].insn) == SHARED_CSR_READ &&
                  shared_csr_access(recs[0].insn) == SHARED_CSR_WRITE))) {
        check_record(c, &recs[1]);
        if (!c->failed)
            check_record(c, &recs[0]);
        return c->failed;
    }
    for (unsigned i = 0; i < n && !c->failed; i++)
        check_record(c, &recs[i]);
    return c->failed;
}

static void load_ram_once(cosim *c)
{
    if (!c->ram_loaded) {
        /* pick up what was written into RAM before the run */
        c->ram_loaded = 1;
        void *buf = malloc(c->ram_size);
        if (buf && outrider_sim_read_ram(c->sim, OUTRIDER_RAM_BASE, buf, c->ram_size) == 0)
            iss_write_mem(c->model, OUTRIDER_RAM_BASE, buf, c->ram_size);
        free(buf);
    }
}

static void check_record(cosim *c, const outrider_retire *r)
{
    load_ram_once(c);
    if (r->pthread)
        return;     /* p-threads retire nothing architectural */
    if (r->late_we)
        check_late(c, r);
    if (r->retire && !c->failed)
        check_retire(c, r);
    if (r->trap && !c->failed)
        check_trap(c, r);
}

cosim *cosim_attach(outrider_sim *sim, const outrider_config *ocfg, const char *elf_path,
                    FILE *commit_log, char *err, size_t errlen)
{
    cosim *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    iss_config cfg;
    iss_config_default(&cfg);
    cfg.ram_size = ocfg->ram_size;
    cfg.pex_enabled = !ocfg->no_preexec;
    cfg.console = NULL;
    cfg.console_err = NULL;   /* the RTL side prints it */
    cfg.lockstep = 1;
    cfg.timing = timing_value;
    cfg.timing_user = c;
    c->model = iss_create(&cfg, err, errlen);
    if (!c->model) {
        free(c);
        return NULL;
    }
    if (iss_load_elf(c->model, elf_path) != 0) {
        snprintf(err, errlen, "%s", iss_error(c->model));
        iss_destroy(c->model);
        free(c);
        return NULL;
    }
    c->sim = sim;
    c->log = commit_log;
    c->ram_size = ocfg->ram_size;
    outrider_sim_set_retire_hook(sim, on_retire, c);
    return c;
}

typedef struct {
    cosim   *c;
    uint8_t  a[PAGE], b[PAGE];
} page_cmp;

static void compare_page(void *user, uint32_t page)
{
    page_cmp *p = user;
    cosim *c = p->c;
    if (c->failed)
        return;
    if (iss_read_mem(c->model, page, p->a, PAGE) != 0 ||
        outrider_sim_read_mem(c->sim, page, p->b, PAGE) != 0)
        return;
    if (memcmp(p->a, p->b, PAGE) == 0)
        return;
    for (uint32_t i = 0; i < PAGE; i += 4) {
        if (memcmp(p->a + i, p->b + i, 4) != 0) {
            uint32_t va, vb;
            memcpy(&va, p->a + i, 4);
            memcpy(&vb, p->b + i, 4);
            fail(c, NULL, "memory word 0x%08" PRIx32 ": RTL 0x%08" PRIx32 ", model 0x%08" PRIx32 "\n",
                 page + i, vb, va);
            return;
        }
    }
}

int cosim_finish(cosim *c)
{
    if (c->failed)
        return 1;
    page_cmp *p = malloc(sizeof *p);
    if (!p)
        return 0;
    p->c = c;
    iss_for_each_written_page(c->model, compare_page, p);
    free(p);
    if (c->failed)
        return 1;
    size_t rl = 0, ml = 0;
    const char *rc = outrider_sim_console(c->sim, &rl);
    const char *mc = iss_console(c->model, &ml);
    /* the model sees a console byte when its store retires, the RTL when
     * the store is performed: the model's output is a prefix of the RTL's */
    if (ml > rl || memcmp(rc, mc, ml) != 0)
        fail(c, NULL, "console output differs (RTL %zu bytes, model %zu bytes)\n", rl, ml);
    else if (iss_exited(c->model) && iss_exit_code(c->model) != outrider_sim_exit_code(c->sim))
        fail(c, NULL, "exit code: RTL %d, model %d\n", outrider_sim_exit_code(c->sim),
             iss_exit_code(c->model));
    return c->failed;
}

int cosim_failed(const cosim *c) { return c->failed; }
const char *cosim_report(const cosim *c) { return c->report; }
uint64_t cosim_compared(const cosim *c) { return c->compared; }

void cosim_detach(cosim *c)
{
    if (!c)
        return;
    outrider_sim_set_retire_hook(c->sim, NULL, NULL);
    iss_destroy(c->model);
    free(c);
}

cosim *cosim_of(const outrider_sim *sim)
{
    outrider_retire_fn fn;
    void *user;
    outrider_sim_get_retire_hook(sim, &fn, &user);
    return fn == on_retire ? user : NULL;
}

iss *cosim_model(cosim *c) { return c->model; }
