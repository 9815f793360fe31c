// SPDX-License-Identifier: Apache-2.0
/* fastfwd.c - fast-forward from the reference ISS into the RTL model
 * through a generated state-restore stub (contract in fastfwd.h). */
#include "fastfwd.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "iss.h"

#define RAM_BASE    ((uint32_t)OUTRIDER_RAM_BASE)
#define CLINT_BASE  ((uint32_t)OUTRIDER_CLINT_BASE)
#define WARM_LINE   16u          /* warming granularity: at most one cache line
                                    (the SoC's lines are 32 bytes or more) */
#define MAX_WARM    4096u
#define RESET_JUMP  8u           /* bytes at the reset pc: the jump to the stub */
#define PAGE        4096u
#define HIST_PER_LINE 64u        /* access history kept per requested line */
#define MAX_STUB    (16u + 2u * 8u + 2u * MAX_WARM + 2u * 24u + 3u * 31u + 4u)

/* CSR numbers (RISC-V privileged spec) */
enum { CSR_MSTATUS = 0x300, CSR_MIE = 0x304, CSR_MTVEC = 0x305, CSR_MSCRATCH = 0x340,
       CSR_MEPC = 0x341, CSR_MCAUSE = 0x342, CSR_MTVAL = 0x343, CSR_MCYCLE = 0xB00,
       CSR_MINSTRET = 0xB02, CSR_MHPM3 = 0xB03, CSR_MCYCLEH = 0xB80, CSR_MINSTRETH = 0xB82,
       CSR_MHPM3H = 0xB83 };
#define MSTATUS_MIE  0x8u
#define MSTATUS_MPIE 0x80u

struct ff_state {
    outrider_sim      *sim;
    outrider_retire_fn prev_fn;
    void              *prev_user;
    bool               hooked, restored;
    uint64_t           switch_cycle;      /* when the target retired */
    uint32_t           target;
    uint32_t           stub_base, stub_len;   /* where the stub is */
    uint8_t           *saved;             /* the ISS's bytes under the stub */
    uint8_t            saved_reset[RESET_JUMP]; /* ... and under the reset jump */
    /* ISS run */
    uint32_t          *hist;              /* ring of recent data lines */
    size_t             hist_n, hist_pos, hist_cap;
};

static void ferr(char *err, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (err && len)
        vsnprintf(err, len, fmt, ap);
    va_end(ap);
}

/* ---- encoders ------------------------------------------------------------ */
static uint32_t i_type(uint32_t op, unsigned rd, unsigned f3, unsigned rs1, int32_t imm)
{
    return ((uint32_t)imm & 0xFFFu) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static uint32_t enc_addi(unsigned rd, unsigned rs1, int32_t imm) { return i_type(0x13, rd, 0, rs1, imm); }
static uint32_t enc_lw(unsigned rd, unsigned rs1, int32_t imm) { return i_type(0x03, rd, 2, rs1, imm); }
static uint32_t enc_csrw(unsigned csr, unsigned rs1) { return i_type(0x73, 0, 1, rs1, (int32_t)csr); }
static uint32_t enc_lui(unsigned rd, uint32_t hi20) { return (hi20 << 12) | rd << 7 | 0x37; }
static uint32_t enc_sw(unsigned rs2, unsigned rs1, int32_t imm)
{
    uint32_t u = (uint32_t)imm & 0xFFFu;
    return (u >> 5) << 25 | rs2 << 20 | rs1 << 15 | 2u << 12 | (u & 31u) << 7 | 0x23;
}
static uint32_t enc_jal0(int32_t off)
{
    uint32_t u = (uint32_t)off;
    return ((u >> 20) & 1u) << 31 | ((u >> 1) & 0x3FFu) << 21 | ((u >> 11) & 1u) << 20 |
           ((u >> 12) & 0xFFu) << 12 | 0x6F;
}
#define ENC_MRET 0x30200073u

typedef struct {
    uint32_t w[MAX_STUB];
    unsigned n;
} stub;

static void emit(stub *s, uint32_t insn) { if (s->n < MAX_STUB) s->w[s->n++] = insn; }

/* rd = v in one or two instructions */
static void emit_li(stub *s, unsigned rd, uint32_t v)
{
    int32_t lo = (int32_t)(v << 20) >> 20;
    uint32_t hi = (v - (uint32_t)lo) >> 12;
    if (hi == 0) {
        emit(s, enc_addi(rd, 0, lo));
        return;
    }
    emit(s, enc_lui(rd, hi & 0xFFFFFu));
    if (lo)
        emit(s, enc_addi(rd, rd, lo));
}

static void emit_csr(stub *s, unsigned csr, uint32_t v)
{
    emit_li(s, 1, v);
    emit(s, enc_csrw(csr, 1));
}

/* ---- the ISS run ----------------------------------------------------------- */
static void on_commit(void *user, const iss_commit *c)
{
    ff_state *ff = user;
    if (!c->mem || c->trap || c->mem_addr < RAM_BASE)
        return;
    uint32_t line = c->mem_addr & ~(WARM_LINE - 1u);
    size_t last = (ff->hist_pos + ff->hist_cap - 1) % ff->hist_cap;
    if (ff->hist_n && ff->hist[last] == line)
        return;
    ff->hist[ff->hist_pos] = line;
    ff->hist_pos = (ff->hist_pos + 1) % ff->hist_cap;
    if (ff->hist_n < ff->hist_cap)
        ff->hist_n++;
}

/* roi_begin (<outrider/roi.h>): csrrwi/csrrsi rd, roi, uimm with bit 0 set */
static bool is_roi_begin(uint32_t insn)
{
    unsigned f3 = (insn >> 12) & 7u;
    return (insn & 0x7Fu) == 0x73 && (insn >> 20) == OUTRIDER_CSR_ROI &&
           (f3 == 5 || f3 == 6) && ((insn >> 15) & 1u);
}

static int stop_at_roi(void *user, const iss *s, unsigned h)
{
    (void)user;
    uint32_t w;
    return iss_read_mem(s, iss_pc(s, h), &w, 4) == 0 && is_roi_begin(w);
}

static void copy_page(void *user, uint32_t page)
{
    void **a = user;
    const iss *is = a[0];
    outrider_sim *sim = a[1];
    uint8_t buf[4096];
    if (iss_read_mem(is, page, buf, sizeof buf) == 0)
        outrider_sim_write_mem(sim, page, buf, sizeof buf);
}

/* The last n distinct lines, oldest first, none overlapping the stub
 * [lo, hi) or the reset jump. */
static unsigned warm_set(const ff_state *ff, unsigned n, uint32_t lo, uint32_t hi, uint32_t *out)
{
    unsigned k = 0;
    for (size_t i = 0; i < ff->hist_n && k < n; i++) {
        uint32_t line = ff->hist[(ff->hist_pos + ff->hist_cap - 1 - i) % ff->hist_cap];
        if ((line + WARM_LINE > lo && line < hi) || line < RAM_BASE + RESET_JUMP)
            continue;
        bool dup = false;
        for (unsigned j = 0; j < k && !dup; j++)
            dup = out[j] == line;
        if (!dup)
            out[k++] = line;
    }
    for (unsigned i = 0; i < k / 2; i++) {   /* oldest first: the newest end up most recent */
        uint32_t t = out[i];
        out[i] = out[k - 1 - i];
        out[k - 1 - i] = t;
    }
    return k;
}

/* Build the stub for context 0. *warmed: lines loaded. */
static void build_stub(stub *st, const iss *is, uint32_t base, uint32_t target,
                       const uint32_t *lines, unsigned nlines, bool use_mret)
{
    iss_csrs c;
    iss_get_csrs(is, 0, &c);
    uint64_t mtime, cmp[ISS_NUM_HARTS];
    uint32_t msip[ISS_NUM_HARTS];
    iss_get_clint(is, &mtime, cmp, msip);
    uint32_t pexctl, pexbudget;
    iss_get_pex(is, &pexctl, &pexbudget);
    st->n = 0;

    /* CLINT through x2 (base) and x1 (value) */
    emit_li(st, 2, CLINT_BASE);
    for (unsigned h = 0; h < ISS_NUM_HARTS; h++) {
        int32_t off = (int32_t)(OUTRIDER_CLINT_OFF_MTIMECMP + 8u * h);
        if (cmp[h] != UINT64_MAX) {
            emit_li(st, 1, (uint32_t)cmp[h]);
            emit(st, enc_lui(3, (uint32_t)off >> 12));   /* x3 = base + off (off >= 2 KiB) */
            emit(st, 0x00000033u | 3u << 7 | 3u << 15 | 2u << 20);   /* add x3, x3, x2 */
            emit(st, enc_sw(1, 3, (int32_t)(off & 0xFFF)));
            emit_li(st, 1, (uint32_t)(cmp[h] >> 32));
            emit(st, enc_sw(1, 3, (int32_t)(off & 0xFFF) + 4));
        }
        if (msip[h]) {
            emit_li(st, 1, msip[h]);
            emit(st, enc_sw(1, 2, (int32_t)(OUTRIDER_CLINT_OFF_MSIP + 4u * h)));
        }
    }
    if (mtime) {
        uint32_t off = OUTRIDER_CLINT_OFF_MTIME;
        emit(st, enc_lui(3, (off + 0x800u) >> 12));
        emit(st, 0x00000033u | 3u << 7 | 3u << 15 | 2u << 20);       /* add x3, x3, x2 */
        int32_t lo = (int32_t)(off << 20) >> 20;
        emit_li(st, 1, (uint32_t)(mtime >> 32));
        emit(st, enc_sw(1, 3, lo + 4));
        emit_li(st, 1, (uint32_t)mtime);
        emit(st, enc_sw(1, 3, lo));
    }
    /* warm the data cache: oldest first */
    for (unsigned i = 0; i < nlines; i++) {
        int32_t lo = (int32_t)(lines[i] << 20) >> 20;
        emit(st, enc_lui(2, ((lines[i] - (uint32_t)lo) >> 12) & 0xFFFFFu));
        emit(st, enc_lw(0, 2, lo));
    }
    /* CSRs through x1; interrupts stay disabled until the end */
    emit_csr(st, CSR_MTVEC, c.mtvec);
    emit_csr(st, CSR_MEPC, use_mret ? target : c.mepc);
    emit_csr(st, CSR_MCAUSE, c.mcause);
    emit_csr(st, CSR_MTVAL, c.mtval);
    emit_csr(st, CSR_MSCRATCH, c.mscratch);
    emit_csr(st, CSR_MIE, c.mie);
    for (unsigned i = 0; i < 3; i++) {
        emit_csr(st, CSR_MHPM3 + i, (uint32_t)c.hpm[i]);
        emit_csr(st, CSR_MHPM3H + i, (uint32_t)(c.hpm[i] >> 32));
    }
    emit_csr(st, OUTRIDER_CSR_PEX_BUDGET, pexbudget);
    emit_csr(st, OUTRIDER_CSR_PEX_CTL, pexctl);
    uint32_t ms = c.mstatus & ~(MSTATUS_MIE | MSTATUS_MPIE);
    if (use_mret)
        ms |= (c.mstatus & MSTATUS_MIE) ? MSTATUS_MPIE : 0;   /* mret: MIE = MPIE */
    else
        ms |= c.mstatus & MSTATUS_MPIE;
    emit_csr(st, CSR_MSTATUS, ms);
    /* counters: what retires after the minstret write is added back in */
    unsigned tail = 0;
    for (unsigned r = 1; r < 32; r++) {
        uint32_t v = iss_reg(is, 0, r);
        int32_t lo = (int32_t)(v << 20) >> 20;
        tail += ((v - (uint32_t)lo) >> 12) == 0 ? 1 : (lo ? 2 : 1);
    }
    bool roi = iss_roi_active(is) != 0;
    tail += 1 + (roi ? 1u : 0u);   /* csrwi roi, 1; the final jal / mret */
    uint64_t cyc = c.mcycle - tail, ret = c.minstret - tail;
    emit_csr(st, CSR_MCYCLEH, (uint32_t)(cyc >> 32));
    emit_csr(st, CSR_MCYCLE, (uint32_t)cyc);
    emit_csr(st, CSR_MINSTRETH, (uint32_t)(ret >> 32));
    emit_li(st, 1, (uint32_t)ret);
    emit(st, enc_csrw(CSR_MINSTRET, 1));
    for (unsigned r = 1; r < 32; r++)
        emit_li(st, r, iss_reg(is, 0, r));
    if (roi)   /* inside a region of interest: csrwi roi, 1 */
        emit(st, i_type(0x73, 0, 5, 1, OUTRIDER_CSR_ROI));
    if (use_mret) {
        emit(st, ENC_MRET);
    } else {
        uint32_t pc = base + 4u * st->n;
        emit(st, enc_jal0((int32_t)(target - pc)));
    }
}

static void put32(uint8_t *p, uint32_t w)
{
    for (unsigned b = 0; b < 4; b++)
        p[b] = (uint8_t)(w >> (8 * b));
}

static void mark_page(void *user, uint32_t page)
{
    uint8_t *written = ((void **)user)[0];
    written[(page - RAM_BASE) / PAGE] = 1;
}

/* A place for `len` bytes of stub: whole pages the program has never written
 * and that hold only zeros (no code, no initialised data), the first above
 * the target pc, else the first above the reset jump. 0 if none. */
static uint32_t find_free(const iss *is, uint32_t ram_size, const uint8_t *written,
                          uint32_t target, uint32_t len)
{
    uint32_t npages = ram_size / PAGE, need = (len + PAGE - 1) / PAGE;
    uint32_t first[2] = { (target - RAM_BASE) / PAGE + 1, 1 };
    uint8_t buf[PAGE];
    for (unsigned pass = 0; pass < 2; pass++) {
        uint32_t run = 0;
        for (uint32_t p = first[pass]; p < npages; p++) {
            bool ok = !written[p] && iss_read_mem(is, RAM_BASE + p * PAGE, buf, PAGE) == 0;
            for (uint32_t i = 0; ok && i < PAGE; i++)
                ok = buf[i] == 0;
            run = ok ? run + 1 : 0;
            if (run == need)
                return RAM_BASE + (p + 1 - need) * PAGE;
        }
    }
    return 0;
}

/* ---- the switch ------------------------------------------------------------- */
static void restore(ff_state *ff)
{
    outrider_sim_write_mem(ff->sim, ff->stub_base, ff->saved, ff->stub_len);
    outrider_sim_write_mem(ff->sim, RAM_BASE, ff->saved_reset, RESET_JUMP);
    ff->restored = true;
    outrider_sim_set_retire_hook(ff->sim, ff->prev_fn, ff->prev_user);
    ff->hooked = false;
}

static int on_retire(void *user, const outrider_retire *recs, unsigned n)
{
    ff_state *ff = user;
    outrider_retire_fn prev = ff->prev_fn;
    void *prev_user = ff->prev_user;
    for (unsigned i = 0; i < n && !ff->restored; i++) {
        const outrider_retire *r = &recs[i];
        if (r->ctx == 0 && !r->pthread && ((r->retire && r->pc == ff->target) || r->trap)) {
            ff->switch_cycle = r->cycle;
            restore(ff);
        }
    }
    return prev ? prev(prev_user, recs, n) : 0;
}

ff_state *ff_prepare(outrider_sim *sim, const outrider_config *cfg, const char *elf,
                     const ff_options *opt, ff_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    if (opt->warm_lines > MAX_WARM) {
        ferr(err, errlen, "--warm-cache: at most %u lines", MAX_WARM);
        return NULL;
    }
    ff_state *ff = calloc(1, sizeof *ff);
    if (!ff) {
        ferr(err, errlen, "out of memory");
        return NULL;
    }
    ff->sim = sim;
    ff->hist_cap = (opt->warm_lines ? opt->warm_lines : 1) * HIST_PER_LINE;
    ff->hist = calloc(ff->hist_cap, sizeof *ff->hist);
    iss_config ic;
    iss_config_default(&ic);
    ic.ram_size = cfg->ram_size;
    ic.console = opt->console;
    ic.pex_enabled = !cfg->no_preexec;
    if (opt->warm_lines) {
        ic.on_commit = on_commit;
        ic.commit_user = ff;
    }
    if (opt->to_roi)
        ic.stop_before = stop_at_roi;
    iss *is = ff->hist ? iss_create(&ic, err, errlen) : NULL;
    if (!is) {
        if (!ff->hist)
            ferr(err, errlen, "out of memory");
        ff_destroy(ff);
        return NULL;
    }
    if (iss_load_elf(is, elf) != 0) {
        ferr(err, errlen, "%s", iss_error(is));
        goto fail;
    }
    int rc = iss_run(is, opt->to_roi ? 0 : opt->insns);
    res->iss_insns = iss_instructions(is);
    if (rc == 1 || iss_exited(is)) {
        res->exited = 1;
        res->exit_code = iss_exit_code(is);
        iss_destroy(is);
        free(ff->hist);
        ff->hist = NULL;
        return ff;
    }
    if (opt->to_roi && rc != 2) {
        ferr(err, errlen, "fast-forward: the program never reached roi_begin");
        goto fail;
    }
    if (iss_hart_running(is, 1)) {
        ferr(err, errlen, "fast-forward: context 1 runs at the switch point (after %" PRIu64
             " instructions); switching two harts is not supported: choose a point before "
             "hart.start or after its hart.exit", res->iss_insns);
        goto fail;
    }
    if (iss_hart_sleeping(is, 0)) {
        ferr(err, errlen, "fast-forward: context 0 waits in wfi at the switch point; choose "
             "another instruction count");
        goto fail;
    }
    /* the stub: where, and then again without the warm lines it overlaps */
    uint32_t target = iss_pc(is, 0);
    if (target < RAM_BASE + RESET_JUMP) {
        ferr(err, errlen, "fast-forward: the switch point pc 0x%08" PRIx32 " is the reset pc; "
             "switch later", target);
        goto fail;
    }
    iss_csrs c;
    iss_get_csrs(is, 0, &c);
    stub *stp = malloc(sizeof *stp);
    uint32_t *lines = calloc(opt->warm_lines ? opt->warm_lines : 1, sizeof *lines);
    uint8_t *written = calloc(cfg->ram_size / PAGE, 1);
    uint8_t *bytes = malloc(4 * MAX_STUB);
    if (!lines || !stp || !written || !bytes) {
        free(lines);
        free(stp);
        free(written);
        free(bytes);
        ferr(err, errlen, "out of memory");
        goto fail;
    }
    bool mret = (c.mstatus & MSTATUS_MIE) != 0;
    unsigned nl = warm_set(ff, opt->warm_lines, 0, 0, lines);
    build_stub(stp, is, RAM_BASE, target, lines, nl, mret);
    void *wargs[2] = { written, NULL };
    iss_for_each_written_page(is, mark_page, wargs);
    uint32_t base = find_free(is, cfg->ram_size, written, target, 4u * stp->n);
    free(written);
    if (!base) {
        ferr(err, errlen, "fast-forward: no unused memory (never written, all zero) for the "
             "state-restore stub's %u bytes", 4u * stp->n);
        free(lines);
        free(stp);
        free(bytes);
        goto fail;
    }
    nl = warm_set(ff, opt->warm_lines, base, base + 4u * stp->n, lines);
    int64_t jump = (int64_t)target - (int64_t)(base + 4u * stp->n - 4u);
    if (jump < -(1 << 20) || jump >= (1 << 20))
        mret = true;   /* the target is out of jal range */
    build_stub(stp, is, base, target, lines, nl, mret);
    free(lines);
    /* memory: what the ISS wrote; then the stub and the reset jump */
    void *args[2] = { is, sim };
    iss_for_each_written_page(is, copy_page, args);
    ff->stub_base = base;
    ff->stub_len = 4u * stp->n;
    ff->saved = malloc(ff->stub_len);
    if (!ff->saved || iss_read_mem(is, base, ff->saved, ff->stub_len) != 0 ||
        iss_read_mem(is, RAM_BASE, ff->saved_reset, RESET_JUMP) != 0) {
        free(bytes);
        free(stp);
        ferr(err, errlen, "out of memory");
        goto fail;
    }
    for (unsigned i = 0; i < stp->n; i++)
        put32(bytes + 4 * i, stp->w[i]);
    outrider_sim_write_mem(sim, base, bytes, ff->stub_len);
    /* reset pc: jal x0, stub, or lui x1 + jalr x0 (x1 is set by the stub) */
    int64_t to_stub = (int64_t)base - (int64_t)RAM_BASE;
    int32_t lo = (int32_t)(base << 20) >> 20;
    uint32_t rj[2] = { enc_jal0((int32_t)to_stub), enc_addi(0, 0, 0) };
    if (to_stub >= (1 << 20)) {
        rj[0] = enc_lui(1, ((base - (uint32_t)lo) >> 12) & 0xFFFFFu);
        rj[1] = i_type(0x67, 0, 0, 1, lo);   /* jalr x0, lo(x1) */
    }
    put32(bytes, rj[0]);
    put32(bytes + 4, rj[1]);
    outrider_sim_write_mem(sim, RAM_BASE, bytes, RESET_JUMP);
    free(bytes);
    ff->target = target;
    res->target_pc = target;
    res->stub_insns = stp->n;
    res->warmed = nl;
    res->stub_base = base;
    free(stp);
    outrider_sim_get_retire_hook(sim, &ff->prev_fn, &ff->prev_user);
    outrider_sim_set_retire_hook(sim, on_retire, ff);
    ff->hooked = true;
    iss_destroy(is);
    free(ff->hist);
    ff->hist = NULL;
    return ff;
fail:
    iss_destroy(is);
    ff_destroy(ff);
    return NULL;
}

int ff_restored(const ff_state *ff) { return ff && ff->restored; }
uint64_t ff_switch_cycle(const ff_state *ff) { return ff ? ff->switch_cycle : 0; }

void ff_destroy(ff_state *ff)
{
    if (!ff)
        return;
    if (ff->hooked)
        outrider_sim_set_retire_hook(ff->sim, ff->prev_fn, ff->prev_user);
    free(ff->saved);
    free(ff->hist);
    free(ff);
}
