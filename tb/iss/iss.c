// SPDX-License-Identifier: Apache-2.0
/* iss.c - the Outrider reference ISS (contract in iss.h). The rules it
 * follows are those of docs/core.md (decode legality, trap causes and
 * priorities, CSRs), docs/memory-map.md (regions, CLINT, MMIO, tohost) and
 * docs/preexec.md (the architectural effect of the custom instructions). */
#include "iss.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "console_buf.h"
#include "elf_load.h"
#include <outrider/consts.h>

#include "outrider_err.h"
#include "wb_mem.h"

/* the memory map (spec/outrider.toml, <outrider/consts.h>) */
#define RAM_BASE   ((uint32_t)OUTRIDER_RAM_BASE)
#define CLINT_BASE ((uint32_t)OUTRIDER_CLINT_BASE)
#define CLINT_MASK ((uint32_t)OUTRIDER_CLINT_MASK)
#define MMIO_BASE  ((uint32_t)OUTRIDER_MMIO_BASE)
#define MMIO_MASK  ((uint32_t)OUTRIDER_MMIO_MASK)
/* the Ext window (an FPGA top's board devices): nothing behind it in
 * simulation, loads read 0 and stores are ignored, as in the RTL SoC */
#define EXT_BASE   ((uint32_t)OUTRIDER_EXT_BASE)
#define EXT_MASK   ((uint32_t)OUTRIDER_EXT_MASK)
#define PAGE_SHIFT 12
#define ISS_NUM_HPM 7        /* mhpmcounter3..9 exist (docs/core.md) */
#define HPM_LAST (3 + ISS_NUM_HPM - 1)

enum {
    EXC_IMISALIGN = 0, EXC_IACCESS = 1, EXC_ILLEGAL = 2, EXC_BREAK = 3,
    EXC_LMISALIGN = 4, EXC_LACCESS = 5, EXC_SMISALIGN = 6, EXC_SACCESS = 7, EXC_ECALL = 11
};
#define IRQ_MSI 3
#define IRQ_MTI 7
#define IRQ_MEI 11
#define MIE_MASK ((1u << IRQ_MSI) | (1u << IRQ_MTI) | (1u << IRQ_MEI))
#define MISA_VALUE (0x40000000u | 1u | (1u << 8) | (1u << 12) | (1u << 23))

typedef struct {
    uint32_t x[32];
    uint32_t pc;
    bool     running, sleeping, need_sync;
    bool     mie_bit, mpie;
    uint32_t mie, mtvec, mscratch, mepc, mcause, mtval;
    uint64_t mcycle, minstret, hpm[ISS_NUM_HPM];   /* mhpmcounter3..9 (no events counted here) */
    bool     resv_valid;
    uint32_t resv_addr;      /* word address */
} hart;

struct iss {
    iss_config  cfg;
    wb_mem     *mem;
    uint8_t    *ram;
    uint32_t    ram_size;
    elf_image   image;
    bool        loaded, has_tohost;
    uint32_t    tohost;
    hart        h[ISS_NUM_HARTS];
    bool        multi;                 /* hart 1 has been started */
    uint32_t    msip[ISS_NUM_HARTS];
    uint64_t    mtimecmp[ISS_NUM_HARTS];
    uint64_t    mtime;
    uint32_t    pexctl, pexbudget, pexdist;
    uint32_t    roi;                   /* roi CSR: bit 0 = inside a region */
    bool        exited;
    int         exit_code;
    uint64_t    insns;
    console_buf console;
    console_buf console_err;           /* the error console (MMIO console_err) */
    uint8_t    *written;               /* one byte per RAM page */
    char        err[512];
};

void iss_config_default(iss_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->ram_size = (uint32_t)OUTRIDER_RAM_DEFAULT_SIZE;
    cfg->console = stdout;
    cfg->console_err = stderr;
    cfg->pex_enabled = 1;
}

iss *iss_create(const iss_config *cfg, char *err, size_t errlen)
{
    iss_config d;
    if (!cfg) {
        iss_config_default(&d);
        cfg = &d;
    }
    if (cfg->ram_size == 0 || cfg->ram_size % 4096 != 0 || cfg->ram_size > (1u << 30)) {
        if (err && errlen)
            snprintf(err, errlen, "ram_size must be a non-zero multiple of 4 KiB, at most 1 GiB");
        return NULL;
    }
    iss *s = calloc(1, sizeof *s);
    if (!s) {
        if (err && errlen)
            snprintf(err, errlen, "out of memory");
        return NULL;
    }
    s->cfg = *cfg;
    s->ram_size = cfg->ram_size;
    s->mem = wb_mem_create(RAM_BASE, cfg->ram_size, 0, 1);
    s->written = calloc(cfg->ram_size >> PAGE_SHIFT, 1);
    if (!s->mem || !s->written) {
        if (err && errlen)
            snprintf(err, errlen, "out of memory (RAM of %u bytes)", (unsigned)cfg->ram_size);
        iss_destroy(s);
        return NULL;
    }
    s->ram = wb_mem_bytes(s->mem);
    console_buf_init(&s->console, cfg->console);
    console_buf_init(&s->console_err, cfg->console_err);
    for (unsigned i = 0; i < ISS_NUM_HARTS; i++) {
        s->h[i].pc = RAM_BASE;
        s->mtimecmp[i] = UINT64_MAX;
    }
    s->h[0].running = true;
    s->pexctl = cfg->pex_enabled ? 1 : 0;
    s->pexbudget = 65536;
    s->pexdist = 64;   /* the SoC default: half the 4 KiB cache's lines */
    return s;
}

void iss_destroy(iss *s)
{
    if (!s)
        return;
    if (s->cfg.console)
        fflush(s->cfg.console);
    if (s->cfg.console_err)
        fflush(s->cfg.console_err);
    wb_mem_destroy(s->mem);
    elf_image_free(&s->image);
    console_buf_free(&s->console);
    console_buf_free(&s->console_err);
    free(s->written);
    free(s);
}

int iss_load_elf(iss *s, const char *path)
{
    elf_image img;
    int rc = elf_load(path, s->mem, RAM_BASE, &img, s->err, sizeof s->err);
    if (rc != OUTRIDER_OK)
        return rc;
    elf_image_free(&s->image);
    s->image = img;
    s->loaded = true;
    s->has_tohost = elf_image_lookup(&s->image, "tohost", &s->tohost) == 0;
    s->err[0] = '\0';
    return OUTRIDER_OK;
}

const char *iss_error(const iss *s) { return s->err; }

int iss_symbol(const iss *s, const char *name, uint32_t *addr)
{
    return s->loaded ? elf_image_lookup(&s->image, name, addr) : -1;
}

/* ---- memory ------------------------------------------------------------ */

static inline bool in_ram(const iss *s, uint32_t a, unsigned size)
{
    return a >= RAM_BASE && (uint64_t)(a - RAM_BASE) + size <= s->ram_size;
}

static inline uint32_t ram_rd(const iss *s, uint32_t a, unsigned size)
{
    const uint8_t *p = s->ram + (a - RAM_BASE);
    uint32_t v = p[0];
    if (size > 1)
        v |= (uint32_t)p[1] << 8;
    if (size > 2)
        v |= (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return v;
}

static inline void ram_wr(iss *s, uint32_t a, unsigned size, uint32_t v)
{
    uint8_t *p = s->ram + (a - RAM_BASE);
    p[0] = (uint8_t)v;
    if (size > 1)
        p[1] = (uint8_t)(v >> 8);
    if (size > 2) {
        p[2] = (uint8_t)(v >> 16);
        p[3] = (uint8_t)(v >> 24);
    }
    s->written[(a - RAM_BASE) >> PAGE_SHIFT] = 1;
}

static uint32_t clint_read_word(const iss *s, uint32_t off)
{
    uint32_t w = off >> 2;
    for (unsigned h = 0; h < ISS_NUM_HARTS; h++) {
        if (w == h)
            return s->msip[h];
        if (w == 0x1000 + 2 * h)
            return (uint32_t)s->mtimecmp[h];
        if (w == 0x1000 + 2 * h + 1)
            return (uint32_t)(s->mtimecmp[h] >> 32);
    }
    if (w == 0xBFF8 >> 2)
        return (uint32_t)s->mtime;
    if (w == 0xBFFC >> 2)
        return (uint32_t)(s->mtime >> 32);
    return 0;
}

static uint32_t merge_be(uint32_t old, uint32_t neu, unsigned be)
{
    for (unsigned b = 0; b < 4; b++)
        if (be & (1u << b))
            old = (old & ~(0xFFu << (8 * b))) | (neu & (0xFFu << (8 * b)));
    return old;
}

/* wdata already in its byte lanes, be the byte enables */
static void clint_write(iss *s, uint32_t off, uint32_t wdata, unsigned be)
{
    uint32_t w = off >> 2;
    for (unsigned h = 0; h < ISS_NUM_HARTS; h++) {
        if (w == h && (be & 1))
            s->msip[h] = wdata & 1;
        if (w == 0x1000 + 2 * h)
            s->mtimecmp[h] = (s->mtimecmp[h] & ~0xFFFFFFFFull) |
                             merge_be((uint32_t)s->mtimecmp[h], wdata, be);
        if (w == 0x1000 + 2 * h + 1)
            s->mtimecmp[h] = (s->mtimecmp[h] & 0xFFFFFFFFull) |
                             (uint64_t)merge_be((uint32_t)(s->mtimecmp[h] >> 32), wdata, be) << 32;
    }
    if (w == 0xBFF8 >> 2)
        s->mtime = (s->mtime & ~0xFFFFFFFFull) | merge_be((uint32_t)s->mtime, wdata, be);
    if (w == 0xBFFC >> 2)
        s->mtime = (s->mtime & 0xFFFFFFFFull) |
                   (uint64_t)merge_be((uint32_t)(s->mtime >> 32), wdata, be) << 32;
}

static void mmio_write(iss *s, uint32_t off, uint32_t wdata, unsigned be)
{
    unsigned lane = (be & 1) ? 0 : (be & 2) ? 1 : (be & 4) ? 2 : 3;
    if ((off >> 2) == (OUTRIDER_MMIO_OFF_CONSOLE_TX >> 2) && be) {
        console_buf_put(&s->console, (uint8_t)(wdata >> (8 * lane)));
    } else if ((off >> 2) == (OUTRIDER_MMIO_OFF_CONSOLE_ERR >> 2) && be) {
        console_buf_put(&s->console_err, (uint8_t)(wdata >> (8 * lane)));
    } else if ((off >> 2) == (OUTRIDER_MMIO_OFF_SIM_EXIT >> 2) && be == 0xF) {
        s->exited = true;
        s->exit_code = (int)wdata;
    }
}

static uint32_t timing(iss *s, unsigned h, iss_timing_kind k, uint32_t v, iss_commit *c)
{
    if (!s->cfg.timing)
        return v;
    c->timing = 1;
    return s->cfg.timing(s->cfg.timing_user, h, k, v);
}

/* A plain load: 0 and *v, or the exception cause. */
static int load(iss *s, unsigned h, uint32_t a, unsigned size, uint32_t *v, iss_commit *c)
{
    if (in_ram(s, a, size)) {
        *v = ram_rd(s, a, size);
        return 0;
    }
    uint32_t word;
    if ((a & CLINT_MASK) == CLINT_BASE) {
        word = clint_read_word(s, a & 0xFFFF);
        word >>= 8 * (a & 3);
        if (size == 1)
            word &= 0xFF;
        else if (size == 2)
            word &= 0xFFFF;
        *v = timing(s, h, ISS_TIMING_CLINT, word, c);
        return 0;
    }
    if ((a & MMIO_MASK) == MMIO_BASE || (a & EXT_MASK) == EXT_BASE) {
        *v = 0;
        return 0;
    }
    return EXC_LACCESS;
}

/* A store from another hart (or this one) to word a: break the other
 * harts' reservations on it. */
static void break_resv(iss *s, unsigned h, uint32_t a)
{
    for (unsigned o = 0; o < ISS_NUM_HARTS; o++)
        if (o != h && s->h[o].resv_valid && s->h[o].resv_addr == (a >> 2))
            s->h[o].resv_valid = false;
}

static int store(iss *s, unsigned h, uint32_t a, unsigned size, uint32_t v)
{
    if (in_ram(s, a, size)) {
        ram_wr(s, a, size, v);
        break_resv(s, h, a);
        if (s->has_tohost && a == s->tohost && size == 4 && v != 0) {
            s->exited = true;
            s->exit_code = v == 1 ? 0 : (int)(v >> 1);
        }
        return 0;
    }
    unsigned be = (size == 1 ? 1u : size == 2 ? 3u : 0xFu) << (a & 3);
    uint32_t lanes = v << (8 * (a & 3));
    if ((a & CLINT_MASK) == CLINT_BASE) {
        clint_write(s, a & 0xFFFF, lanes, be);
        return 0;
    }
    if ((a & MMIO_MASK) == MMIO_BASE) {
        mmio_write(s, a & 0xFFF, lanes, be);
        return 0;
    }
    if ((a & EXT_MASK) == EXT_BASE)
        return 0;
    return EXC_SACCESS;
}

/* Misaligned plain loads and stores (docs/core.md "Misaligned loads and
 * stores"). Inside the RAM region they are performed; elsewhere they trap
 * address-misaligned (misaligned_traps). One that crosses a word is done as
 * the hardware does it (outrider_dside_split): the bytes of the first word,
 * then those of the next one; an access fault in either part is reported with
 * the instruction's address, and a store whose second word faults has
 * written the first word's bytes. */
static inline bool misaligned_traps(uint32_t a)
{
    return (a & OUTRIDER_RAM_MASK) != OUTRIDER_RAM_BASE;
}

static inline bool crosses_word(uint32_t a, unsigned size)
{
    return (a & 3) + size > 4;
}

static int load_split(const iss *s, uint32_t a, unsigned size, uint32_t *v)
{
    unsigned n1 = 4 - (a & 3);
    uint32_t r = 0;
    if (!in_ram(s, a, n1) || !in_ram(s, a + n1, size - n1))
        return EXC_LACCESS;
    for (unsigned i = 0; i < size; i++)
        r |= (uint32_t)s->ram[a + i - RAM_BASE] << (8 * i);
    *v = r;
    return 0;
}

static int store_split(iss *s, unsigned h, uint32_t a, unsigned size, uint32_t v)
{
    unsigned n1 = 4 - (a & 3);
    if (!in_ram(s, a, n1))
        return EXC_SACCESS;
    for (unsigned i = 0; i < n1; i++)
        ram_wr(s, a + i, 1, v >> (8 * i));
    break_resv(s, h, a);
    if (!in_ram(s, a + n1, size - n1))
        return EXC_SACCESS;
    for (unsigned i = n1; i < size; i++)
        ram_wr(s, a + i, 1, v >> (8 * i));
    break_resv(s, h, a + n1);
    return 0;
}

/* ---- CSRs --------------------------------------------------------------- */

static uint32_t mip_of(const iss *s, unsigned h)
{
    return (s->msip[h] ? 1u << IRQ_MSI : 0) | (s->mtime >= s->mtimecmp[h] ? 1u << IRQ_MTI : 0);
}

static uint32_t mstatus_of(const hart *t)
{
    return 0x1800u | (t->mpie ? 0x80u : 0) | (t->mie_bit ? 0x8u : 0);
}

/* Read CSR a of hart h: 0 and *v, or -1 if the address is not implemented.
 * *tm is set for values that depend on timing. */
static int csr_read(iss *s, unsigned h, unsigned a, uint32_t *v, bool *tm)
{
    hart *t = &s->h[h];
    *tm = false;
    unsigned idx = a & 31;
    switch (a) {
    case 0x300: *v = mstatus_of(t); return 0;
    case 0x301: *v = MISA_VALUE; return 0;
    case 0x304: *v = t->mie; return 0;
    case 0x305: *v = t->mtvec; return 0;
    case 0x310: case 0x320: *v = 0; return 0;
    case 0x340: *v = t->mscratch; return 0;
    case 0x341: *v = t->mepc; return 0;
    case 0x342: *v = t->mcause; return 0;
    case 0x343: *v = t->mtval; return 0;
    case 0x344: *v = mip_of(s, h); *tm = true; return 0;
    case 0xB00: case 0xC00: *v = (uint32_t)t->mcycle; *tm = true; return 0;
    case 0xB80: case 0xC80: *v = (uint32_t)(t->mcycle >> 32); *tm = true; return 0;
    case 0xB02: case 0xC02: *v = (uint32_t)t->minstret; *tm = true; return 0;
    case 0xB82: case 0xC82: *v = (uint32_t)(t->minstret >> 32); *tm = true; return 0;
    case 0xC01: *v = (uint32_t)s->mtime; *tm = true; return 0;
    case 0xC81: *v = (uint32_t)(s->mtime >> 32); *tm = true; return 0;
    case 0xF11: case 0xF12: case 0xF13: case 0xF15: *v = 0; return 0;
    case 0xF14: *v = h; return 0;
    case OUTRIDER_CSR_PEX_CTL: *v = s->pexctl; return 0;
    case OUTRIDER_CSR_PEX_BUDGET: *v = s->pexbudget; return 0;
    case OUTRIDER_CSR_ROI: *v = s->roi; return 0;
    /* pexdist's reset value depends on the model's cache (and smtsim
       --pexdist): in lockstep the model's value is taken, like a counter */
    case OUTRIDER_CSR_PEX_DIST: *v = s->pexdist; *tm = true; return 0;
    case OUTRIDER_CSR_PEX_STATUS: {
        uint32_t act = 0;
        for (unsigned i = 0; i < ISS_NUM_HARTS; i++)
            act |= s->h[i].running ? 1u << i : 0;
        *v = act;
        *tm = true;
        return 0;
    }
    default: break;
    }
    unsigned hi7 = a >> 5;
    if (hi7 == 0x58 || hi7 == 0x60 || hi7 == 0x5C || hi7 == 0x64) {   /* (m)hpmcounter(h) */
        if (idx < 3)
            return -1;
        bool high = hi7 == 0x5C || hi7 == 0x64;
        *v = idx <= HPM_LAST ? (uint32_t)(high ? t->hpm[idx - 3] >> 32 : t->hpm[idx - 3]) : 0;
        *tm = idx <= HPM_LAST;
        return 0;
    }
    if (hi7 == 0x19) {                                                 /* mhpmevent */
        if (idx < 3)
            return -1;
        *v = idx <= HPM_LAST ? idx - 2 : 0;
        return 0;
    }
    return -1;
}

static void csr_write(iss *s, unsigned h, unsigned a, uint32_t w)
{
    hart *t = &s->h[h];
    unsigned idx = a & 31;
    switch (a) {
    case 0x300: t->mie_bit = (w >> 3) & 1; t->mpie = (w >> 7) & 1; return;
    case 0x304: t->mie = w & MIE_MASK; return;
    case 0x305: t->mtvec = w & ~2u; return;
    case 0x340: t->mscratch = w; return;
    case 0x341: t->mepc = w & ~3u; return;
    case 0x342: t->mcause = w; return;
    case 0x343: t->mtval = w; return;
    case 0xB00: t->mcycle = (t->mcycle & ~0xFFFFFFFFull) | w; return;
    case 0xB80: t->mcycle = (t->mcycle & 0xFFFFFFFFull) | (uint64_t)w << 32; return;
    case 0xB02: t->minstret = (t->minstret & ~0xFFFFFFFFull) | w; return;
    case 0xB82: t->minstret = (t->minstret & 0xFFFFFFFFull) | (uint64_t)w << 32; return;
    case OUTRIDER_CSR_PEX_CTL: s->pexctl = w & 1; return;
    case OUTRIDER_CSR_PEX_BUDGET: s->pexbudget = w; return;
    case OUTRIDER_CSR_ROI: s->roi = w & 1; return;
    case OUTRIDER_CSR_PEX_DIST: s->pexdist = w & 0xFFFFu; return;
    default: break;
    }
    if ((a >> 5) == 0x58 && idx >= 3 && idx <= HPM_LAST)
        t->hpm[idx - 3] = (t->hpm[idx - 3] & ~0xFFFFFFFFull) | w;
    else if ((a >> 5) == 0x5C && idx >= 3 && idx <= HPM_LAST)
        t->hpm[idx - 3] = (t->hpm[idx - 3] & 0xFFFFFFFFull) | (uint64_t)w << 32;
}

/* ---- traps ---------------------------------------------------------------- */

static void take_trap(iss *s, unsigned h, uint32_t cause, uint32_t tval, iss_commit *c)
{
    hart *t = &s->h[h];
    c->trap = 1;
    c->cause = cause;
    c->tval = tval;
    c->rd_we = 0;
    c->mem = 0;
    t->mepc = t->pc & ~3u;
    t->mcause = cause;
    t->mtval = tval;
    t->mpie = t->mie_bit;
    t->mie_bit = false;
    uint32_t base = t->mtvec & ~3u;
    t->pc = ((cause & 0x80000000u) && (t->mtvec & 3) == 1) ? base + ((cause & 0x3FFFFFFFu) << 2)
                                                            : base;
}

void iss_interrupt(iss *s, unsigned h, uint32_t cause)
{
    iss_commit c;
    memset(&c, 0, sizeof c);
    s->h[h].sleeping = false;
    take_trap(s, h, cause, 0, &c);
}

/* Interrupt to take now on hart h (standalone), or 0. */
static uint32_t pending_irq(const iss *s, unsigned h)
{
    const hart *t = &s->h[h];
    uint32_t p = mip_of(s, h) & t->mie;
    if (!p || !t->mie_bit)
        return 0;
    if (p & (1u << IRQ_MEI))
        return 0x80000000u | IRQ_MEI;
    if (p & (1u << IRQ_MSI))
        return 0x80000000u | IRQ_MSI;
    return 0x80000000u | IRQ_MTI;
}

/* ---- execution ------------------------------------------------------------ */

static inline int32_t sext(uint32_t v, unsigned bits)
{
    return (int32_t)(v << (32 - bits)) >> (32 - bits);
}

static uint32_t amo_op(unsigned f5, uint32_t old, uint32_t b)
{
    switch (f5) {
    case 0x00: return old + b;
    case 0x01: return b;
    case 0x04: return old ^ b;
    case 0x08: return old | b;
    case 0x0C: return old & b;
    case 0x10: return (int32_t)old < (int32_t)b ? old : b;
    case 0x14: return (int32_t)old > (int32_t)b ? old : b;
    case 0x18: return old < b ? old : b;
    default:   return old > b ? old : b;
    }
}

static bool amo_legal(unsigned f5)
{
    return f5 == 0x00 || f5 == 0x01 || f5 == 0x04 || f5 == 0x08 || f5 == 0x0C || f5 == 0x10 ||
           f5 == 0x14 || f5 == 0x18 || f5 == 0x1C;
}

#define ILLEGAL() do { take_trap(s, h, EXC_ILLEGAL, insn, c); goto done; } while (0)
#define TRAP(cause, tval) do { take_trap(s, h, (cause), (tval), c); goto done; } while (0)

int iss_step(iss *s, unsigned h, iss_commit *c)
{
    memset(c, 0, sizeof *c);
    if (h >= ISS_NUM_HARTS || !s->h[h].running)
        return -1;
    hart *t = &s->h[h];
    c->hart = (uint8_t)h;
    c->pc = t->pc;
    s->insns++;
    if (!s->cfg.lockstep) {
        uint32_t irq = pending_irq(s, h);
        if (irq) {
            take_trap(s, h, irq, 0, c);
            return 0;
        }
    }
    if (!in_ram(s, t->pc, 4)) {
        take_trap(s, h, EXC_IACCESS, t->pc, c);
        return 0;
    }
    uint32_t insn = ram_rd(s, t->pc, 4);
    c->insn = insn;
    unsigned opc = insn & 0x7F, rd = (insn >> 7) & 31, f3 = (insn >> 12) & 7;
    unsigned rs1 = (insn >> 15) & 31, rs2 = (insn >> 20) & 31, f7 = insn >> 25;
    uint32_t a = t->x[rs1], b = t->x[rs2];
    uint32_t imm_i = (uint32_t)sext(insn >> 20, 12);
    uint32_t npc = t->pc + 4;
    uint32_t res = 0;
    bool wr = false;
    bool count = true;   /* minstret counts this instruction (not when it writes minstret) */

    if ((insn & 3) != 3)
        ILLEGAL();
    switch (opc) {
    case 0x37: res = insn & 0xFFFFF000u; wr = true; break;             /* LUI */
    case 0x17: res = t->pc + (insn & 0xFFFFF000u); wr = true; break;   /* AUIPC */
    case 0x6F: {                                                       /* JAL */
        uint32_t imm = (uint32_t)sext(((insn >> 31) << 20) | (((insn >> 12) & 0xFF) << 12) |
                                      (((insn >> 20) & 1) << 11) | (((insn >> 21) & 0x3FF) << 1), 21);
        uint32_t tgt = t->pc + imm;
        if (tgt & 2)
            TRAP(EXC_IMISALIGN, tgt);
        res = npc;
        wr = true;
        npc = tgt;
        break;
    }
    case 0x67: {                                                       /* JALR */
        if (f3 != 0)
            ILLEGAL();
        uint32_t tgt = (a + imm_i) & ~1u;
        if (tgt & 2)
            TRAP(EXC_IMISALIGN, tgt);
        res = npc;
        wr = true;
        npc = tgt;
        break;
    }
    case 0x63: {                                                       /* branches */
        bool take;
        switch (f3) {
        case 0: take = a == b; break;
        case 1: take = a != b; break;
        case 4: take = (int32_t)a < (int32_t)b; break;
        case 5: take = (int32_t)a >= (int32_t)b; break;
        case 6: take = a < b; break;
        case 7: take = a >= b; break;
        default: ILLEGAL();
        }
        if (take) {
            uint32_t imm = (uint32_t)sext(((insn >> 31) << 12) | (((insn >> 7) & 1) << 11) |
                                          (((insn >> 25) & 0x3F) << 5) | (((insn >> 8) & 0xF) << 1), 13);
            uint32_t tgt = t->pc + imm;
            if (tgt & 2)
                TRAP(EXC_IMISALIGN, tgt);
            npc = tgt;
        }
        break;
    }
    case 0x03: {                                                       /* loads */
        if (f3 == 3 || f3 == 6 || f3 == 7)
            ILLEGAL();
        unsigned size = 1u << (f3 & 3);
        uint32_t ad = a + imm_i, v;
        if ((ad & (size - 1)) && misaligned_traps(ad))
            TRAP(EXC_LMISALIGN, ad);
        c->mem = 1;
        c->mem_addr = ad;
        c->mem_size = (uint8_t)size;
        int e = crosses_word(ad, size) ? load_split(s, ad, size, &v) : load(s, h, ad, size, &v, c);
        if (e)
            TRAP(e, ad);
        res = f3 == 0 ? (uint32_t)sext(v, 8) : f3 == 1 ? (uint32_t)sext(v, 16) : v;
        wr = true;
        break;
    }
    case 0x23: {                                                       /* stores */
        if (f3 > 2)
            ILLEGAL();
        unsigned size = 1u << f3;
        uint32_t ad = a + (uint32_t)sext(((insn >> 25) << 5) | ((insn >> 7) & 31), 12);
        if ((ad & (size - 1)) && misaligned_traps(ad))
            TRAP(EXC_SMISALIGN, ad);
        uint32_t v = size == 4 ? b : b & ((1u << (8 * size)) - 1);
        c->mem = c->mem_store = 1;
        c->mem_addr = ad;
        c->mem_size = (uint8_t)size;
        c->mem_wdata = v;
        int e = crosses_word(ad, size) ? store_split(s, h, ad, size, v) : store(s, h, ad, size, v);
        if (e)
            TRAP(e, ad);
        break;
    }
    case 0x13: {                                                       /* OP-IMM */
        unsigned sh = rs2;
        switch (f3) {
        case 0: res = a + imm_i; break;
        case 2: res = (int32_t)a < (int32_t)imm_i; break;
        case 3: res = a < imm_i; break;
        case 4: res = a ^ imm_i; break;
        case 6: res = a | imm_i; break;
        case 7: res = a & imm_i; break;
        case 1:
            if (f7 != 0)
                ILLEGAL();
            res = a << sh;
            break;
        default:
            if (f7 == 0x20)
                res = (uint32_t)((int32_t)a >> sh);
            else if (f7 == 0)
                res = a >> sh;
            else
                ILLEGAL();
            break;
        }
        wr = true;
        break;
    }
    case 0x33: {                                                       /* OP */
        if (f7 == 1) {
            int64_t sa = (int32_t)a, sb = (int32_t)b;
            switch (f3) {
            case 0: res = a * b; break;
            case 1: res = (uint32_t)((uint64_t)(sa * sb) >> 32); break;
            case 2: res = (uint32_t)((uint64_t)(sa * (int64_t)(uint64_t)b) >> 32); break;
            case 3: res = (uint32_t)(((uint64_t)a * b) >> 32); break;
            case 4:
                res = b == 0 ? 0xFFFFFFFFu
                      : (a == 0x80000000u && b == 0xFFFFFFFFu) ? a
                      : (uint32_t)((int32_t)a / (int32_t)b);
                break;
            case 5: res = b == 0 ? 0xFFFFFFFFu : a / b; break;
            case 6:
                res = b == 0 ? a
                      : (a == 0x80000000u && b == 0xFFFFFFFFu) ? 0
                      : (uint32_t)((int32_t)a % (int32_t)b);
                break;
            default: res = b == 0 ? a : a % b; break;
            }
        } else if (f7 == 0 || (f7 == 0x20 && (f3 == 0 || f3 == 5))) {
            switch (f3) {
            case 0: res = f7 ? a - b : a + b; break;
            case 1: res = a << (b & 31); break;
            case 2: res = (int32_t)a < (int32_t)b; break;
            case 3: res = a < b; break;
            case 4: res = a ^ b; break;
            case 5: res = f7 ? (uint32_t)((int32_t)a >> (b & 31)) : a >> (b & 31); break;
            case 6: res = a | b; break;
            default: res = a & b; break;
            }
        } else {
            ILLEGAL();
        }
        wr = true;
        break;
    }
    case 0x2F: {                                                       /* AMO */
        unsigned f5 = insn >> 27;
        if (f3 != 2)
            ILLEGAL();
        bool lr = f5 == 0x02, sc = f5 == 0x03;
        if (lr && rs2 != 0)
            ILLEGAL();
        if (!lr && !sc && !amo_legal(f5))
            ILLEGAL();
        if (a & 3)
            TRAP(lr ? EXC_LMISALIGN : EXC_SMISALIGN, a);
        if (!in_ram(s, a, 4))
            TRAP(lr ? EXC_LACCESS : EXC_SACCESS, a);
        c->mem = 1;
        c->mem_addr = a;
        c->mem_size = 4;
        if (lr) {
            res = ram_rd(s, a, 4);
            t->resv_valid = true;
            t->resv_addr = a >> 2;
        } else if (sc) {
            uint32_t ok = t->resv_valid && t->resv_addr == (a >> 2) ? 0 : 1;
            if (s->multi)
                ok = timing(s, h, ISS_TIMING_SC, ok, c) ? 1 : 0;
            t->resv_valid = false;
            if (ok == 0) {
                ram_wr(s, a, 4, b);
                break_resv(s, h, a);
                c->mem_store = 1;
                c->mem_wdata = b;
                if (s->has_tohost && a == s->tohost && b != 0) {
                    s->exited = true;
                    s->exit_code = b == 1 ? 0 : (int)(b >> 1);
                }
            }
            res = ok;
        } else {
            uint32_t old = ram_rd(s, a, 4);
            uint32_t nv = amo_op(f5, old, b);
            ram_wr(s, a, 4, nv);
            break_resv(s, h, a);
            c->mem_store = 1;
            c->mem_wdata = nv;
            res = old;
        }
        wr = true;
        break;
    }
    case 0x0F:                                                         /* FENCE, FENCE.I, PAUSE */
        if (f3 > 1)
            ILLEGAL();
        break;
    case 0x73: {                                                       /* SYSTEM */
        if (f3 == 0) {
            if (insn == 0x00000073)
                TRAP(EXC_ECALL, 0);
            if (insn == 0x00100073)
                TRAP(EXC_BREAK, t->pc);
            if (insn == 0x30200073) {                                  /* MRET */
                npc = t->mepc;
                t->mie_bit = t->mpie;
                t->mpie = true;
                break;
            }
            if (insn == 0x10500073) {                                  /* WFI */
                if (!s->cfg.lockstep && !(mip_of(s, h) & t->mie))
                    t->sleeping = true;
                break;
            }
            ILLEGAL();
        }
        if (f3 == 4)
            ILLEGAL();
        unsigned addr = insn >> 20;
        bool intent = (f3 & 3) == 1 || rs1 != 0;
        uint32_t old;
        bool tm;
        if (csr_read(s, h, addr, &old, &tm) != 0)
            ILLEGAL();
        if ((addr >> 10) == 3 && intent)
            ILLEGAL();
        if (tm)
            old = timing(s, h, ISS_TIMING_CSR, old, c);
        uint32_t src = (f3 & 4) ? rs1 : a;
        if (intent) {
            uint32_t nv = (f3 & 3) == 1 ? src : (f3 & 3) == 2 ? old | src : old & ~src;
            uint32_t roi_was = s->roi;
            csr_write(s, h, addr, nv);
            c->roi_on = !roi_was && s->roi;
            c->roi_off = roi_was && !s->roi;
            /* a write to minstret(h) replaces this instruction's own increment
             * (privileged spec); mcycle(h) is advanced by iss_run before the
             * step, so a write to it already wins */
            count = addr != 0xB02 && addr != 0xB82;
        }
        res = old;
        wr = true;
        break;
    }
    case 0x0B: {                                                       /* custom-0 */
        if (f3 == 0 && f7 == 0) {                                      /* hart.start */
            unsigned free_h = 0;
            for (unsigned i = 1; i < ISS_NUM_HARTS && !free_h; i++)
                if (!s->h[i].running)
                    free_h = i;
            res = timing(s, h, ISS_TIMING_HART_START, free_h, c);
            if (res != 0 && res < ISS_NUM_HARTS && !s->h[res].running) {
                hart *n = &s->h[res];
                /* a started context's registers other than a0 are undefined:
                 * the RTL's free banks mirror context 0's (docs/preexec.md
                 * 4.1), and a lockstep harness copies the RTL's bank */
                memcpy(n->x, s->h[0].x, sizeof n->x);
                n->x[10] = b;
                n->pc = a;
                n->running = true;
                n->sleeping = false;
                n->need_sync = s->cfg.timing != NULL;
                n->resv_valid = false;
                s->multi = true;
                c->started = 1;
            } else {
                res = 0;
            }
            wr = true;
        } else if (f3 == 0 && f7 == 1) {                               /* hart.exit */
            if (h == 0)
                ILLEGAL();
            t->running = false;
        } else if (f3 == 1 && (f7 == 0 || f7 == 1)) {                  /* pex.stop, pex.cancel */
        } else {
            ILLEGAL();
        }
        break;
    }
    case 0x2B:                                                         /* pex.spawn */
        res = timing(s, h, ISS_TIMING_SPAWN, 0, c);
        wr = true;
        break;
    default:
        ILLEGAL();
    }
    if (wr && rd != 0) {
        t->x[rd] = res;
        c->rd_we = 1;
        c->rd = (uint8_t)rd;
        c->rd_value = res;
    }
    t->pc = npc;
    if (count)
        t->minstret++;
done:
    return 0;
}

int iss_run(iss *s, uint64_t max_insns)
{
    uint64_t idle = 0;   /* ticks in which every hart slept */
    while (!s->exited) {
        bool any = false;
        for (unsigned h = 0; h < ISS_NUM_HARTS && !s->exited; h++) {
            hart *t = &s->h[h];
            t->mcycle++;
            if (!t->running)
                continue;
            if (t->sleeping) {
                if (!(mip_of(s, h) & t->mie))
                    continue;
                t->sleeping = false;
            }
            any = true;
            if (max_insns && s->insns + idle >= max_insns)
                return 0;
            if (s->cfg.stop_before && s->cfg.stop_before(s->cfg.stop_user, s, h))
                return 2;
            iss_commit c;
            iss_step(s, h, &c);
            if (s->cfg.on_commit)
                s->cfg.on_commit(s->cfg.commit_user, &c);
            if (c.roi_on && s->cfg.stop_at_roi) {
                if (s->cfg.console)
                    fflush(s->cfg.console);
                return 2;
            }
        }
        s->mtime++;
        if (!any && max_insns) {
            /* everything asleep: time still passes; count it against the limit */
            if (s->insns + ++idle >= max_insns)
                return 0;
        }
        if (!any && !s->h[0].running && !s->h[1].running)
            return 0;
    }
    if (s->cfg.console)
        fflush(s->cfg.console);
    if (s->cfg.console_err)
        fflush(s->cfg.console_err);
    return 1;
}

bool iss_exited(const iss *s) { return s->exited; }
int iss_roi_active(const iss *s) { return (int)(s->roi & 1); }
int iss_exit_code(const iss *s) { return s->exit_code; }
uint64_t iss_instructions(const iss *s) { return s->insns; }
bool iss_hart_running(const iss *s, unsigned h) { return h < ISS_NUM_HARTS && s->h[h].running; }
uint32_t iss_pc(const iss *s, unsigned h) { return s->h[h].pc; }
uint32_t iss_reg(const iss *s, unsigned h, unsigned r) { return s->h[h].x[r & 31]; }
void iss_set_reg(iss *s, unsigned h, unsigned r, uint32_t v)
{
    if (r & 31)
        s->h[h].x[r & 31] = v;
}
void iss_get_csrs(const iss *s, unsigned h, iss_csrs *o)
{
    const hart *t = &s->h[h];
    o->mstatus = mstatus_of(t);
    o->mie = t->mie;
    o->mtvec = t->mtvec;
    o->mepc = t->mepc;
    o->mcause = t->mcause;
    o->mtval = t->mtval;
    o->mscratch = t->mscratch;
    o->mcycle = t->mcycle;
    o->minstret = t->minstret;
    memcpy(o->hpm, t->hpm, sizeof o->hpm);
}

void iss_get_clint(const iss *s, uint64_t *mtime, uint64_t mtimecmp[ISS_NUM_HARTS],
                   uint32_t msip[ISS_NUM_HARTS])
{
    *mtime = s->mtime;
    for (unsigned h = 0; h < ISS_NUM_HARTS; h++) {
        mtimecmp[h] = s->mtimecmp[h];
        msip[h] = s->msip[h];
    }
}

void iss_get_pex(const iss *s, uint32_t *ctl, uint32_t *budget)
{
    *ctl = s->pexctl;
    *budget = s->pexbudget;
}

bool iss_hart_sleeping(const iss *s, unsigned h) { return s->h[h].sleeping; }

bool iss_needs_sync(const iss *s, unsigned h) { return s->h[h].need_sync; }
void iss_clear_sync(iss *s, unsigned h) { s->h[h].need_sync = false; }
const char *iss_console(const iss *s, size_t *len) { return console_buf_str(&s->console, len); }
const char *iss_console_err(const iss *s, size_t *len)
{
    return console_buf_str(&s->console_err, len);
}

int iss_read_mem(const iss *s, uint32_t addr, void *buf, size_t len)
{
    return wb_mem_read(s->mem, addr, buf, len);
}

int iss_write_mem(iss *s, uint32_t addr, const void *buf, size_t len)
{
    return wb_mem_write(s->mem, addr, buf, len);
}

void iss_for_each_written_page(const iss *s, void (*fn)(void *user, uint32_t page), void *user)
{
    for (uint32_t p = 0; p < (s->ram_size >> PAGE_SHIFT); p++)
        if (s->written[p])
            fn(user, RAM_BASE + (p << PAGE_SHIFT));
}

int iss_first_written_page(const iss *s, uint32_t *page)
{
    for (uint32_t p = 0; p < (s->ram_size >> PAGE_SHIFT); p++) {
        if (s->written[p]) {
            *page = RAM_BASE + (p << PAGE_SHIFT);
            return 0;
        }
    }
    return -1;
}

int iss_format_commit(const iss_commit *c, char *buf, size_t len)
{
    if (c->trap) {
        if (len)
            buf[0] = '\0';
        return 0;
    }
    int n = snprintf(buf, len, "core %3u: 3 0x%08x (0x%08x)", (unsigned)c->hart, c->pc, c->insn);
    if (n < 0 || (size_t)n >= len)
        return n;
    if (c->rd_we)
        n += snprintf(buf + n, len - (size_t)n, " x%-2u 0x%08x", (unsigned)c->rd, c->rd_value);
    if (c->mem && (size_t)n < len) {
        n += snprintf(buf + n, len - (size_t)n, " mem 0x%08x", c->mem_addr);
        if (c->mem_store && (size_t)n < len)
            n += snprintf(buf + n, len - (size_t)n, " 0x%0*x", 2 * c->mem_size, c->mem_wdata);
    }
    return n;
}
