// SPDX-License-Identifier: Apache-2.0
/* trap_watch.c - unhandled traps and trap loops (contract in trap_watch.h). */
#include "trap_watch.h"

#include <stdio.h>
#include <string.h>

#define INSN_MRET 0x30200073u

void trap_watch_init(trap_watch *w) { memset(w, 0, sizeof *w); }

const char *outrider_trap_cause_name(uint32_t cause)
{
    static const char *const exc[] = {
        "instruction address misaligned", "instruction access fault", "illegal instruction",
        "breakpoint", "load address misaligned", "load access fault",
        "store/AMO address misaligned", "store/AMO access fault", "environment call from U-mode",
        "environment call from S-mode", "reserved", "environment call from M-mode",
    };
    if (cause & 0x80000000u) {
        switch (cause & 0x7FFFFFFFu) {
        case 3: return "machine software interrupt";
        case 7: return "machine timer interrupt";
        case 11: return "machine external interrupt";
        default: return "unknown interrupt";
        }
    }
    return cause < sizeof exc / sizeof exc[0] ? exc[cause] : "unknown";
}

/* The address a trap with this cause goes to. */
static uint32_t vector_of(uint32_t mtvec, uint32_t cause)
{
    uint32_t base = mtvec & ~3u;
    if ((cause & 0x80000000u) && (mtvec & 3u) == 1u)
        return base + ((cause & 0x3FFFFFFFu) << 2);
    return base;
}

int trap_watch_sample(trap_watch *w, model_shim *m, const model_shim_outputs *o, unsigned num_ctx)
{
    w->pend_mask = 0;
    for (unsigned c = 0; c < num_ctx && c < OUTRIDER_MAX_CTX; c++) {
        uint32_t bit = 1u << c;
        /* a retirement in the same cycle comes before the trap */
        if ((o->retire_valid & bit) && !(o->ctx_pthread & bit))
            w->after_mret[c] = model_shim_get_retire_insn_ctx(m, c) == INSN_MRET;
        if (!(o->trap_valid & bit))
            continue;
        model_shim_retire r;
        model_shim_get_retire(m, c, &r);
        w->pend_mask |= bit;
        w->pend_cause[c] = r.trap_cause;
        w->pend_tval[c] = r.trap_tval;
        w->pend_after_mret[c] = w->after_mret[c];
        w->after_mret[c] = 0;
    }
    return w->pend_mask != 0;
}

outrider_status trap_watch_check(trap_watch *w, model_shim *m, const elf_image *img,
                                 uint64_t cycle, outrider_trap_info *info)
{
    for (unsigned c = 0; c < OUTRIDER_MAX_CTX; c++) {
        if (!(w->pend_mask & (1u << c)))
            continue;
        uint32_t mtvec, mepc, cause = w->pend_cause[c];
        model_shim_trap_csrs(m, c, &mtvec, &mepc);
        *info = (outrider_trap_info){ .ctx = c, .cause = cause, .pc = mepc,
                                      .tval = w->pend_tval[c], .mtvec = mtvec, .cycle = cycle };
        if (!elf_image_is_code(img, vector_of(mtvec, cause)))
            return OUTRIDER_TRAP_UNHANDLED;
        if (cause & 0x80000000u) {
            /* an interrupt is no fault of the instruction at mepc: a busy
             * timer may hit the same spin loop pc any number of times */
            w->repeat[c] = 0;
        } else if (w->pend_after_mret[c] && w->repeat[c] && w->cause[c] == cause &&
                   w->pc[c] == mepc) {
            if (++w->repeat[c] >= OUTRIDER_TRAP_LOOP_COUNT)
                return OUTRIDER_TRAP_LOOP;
        } else {
            w->repeat[c] = 1;
            w->cause[c] = cause;
            w->pc[c] = mepc;
        }
    }
    w->pend_mask = 0;
    return OUTRIDER_RUNNING;
}

static int where(const elf_image *img, uint32_t addr, char *buf, size_t len)
{
    uint32_t off = 0;
    const char *sym = elf_image_symbolize(img, addr, &off);
    if (!sym)
        return snprintf(buf, len, "0x%08x", (unsigned)addr);
    if (off == 0)
        return snprintf(buf, len, "0x%08x <%s>", (unsigned)addr, sym);
    return snprintf(buf, len, "0x%08x <%s+0x%x>", (unsigned)addr, sym, (unsigned)off);
}

int trap_watch_report(outrider_status st, const outrider_trap_info *t, const elf_image *img,
                      const char *prefix, char *buf, size_t len)
{
    char pc[160], vec[160];
    where(img, t->pc, pc, sizeof pc);
    where(img, vector_of(t->mtvec, t->cause), vec, sizeof vec);
    const char *what = st == OUTRIDER_TRAP_LOOP ? "trap loop" : "unhandled trap";
    char why[256];
    if (st == OUTRIDER_TRAP_LOOP)
        snprintf(why, sizeof why, "the same trap %u times in a row, the handler at %s returns "
                 "to the trapping instruction", (unsigned)OUTRIDER_TRAP_LOOP_COUNT, vec);
    else if ((t->mtvec & ~3u) == 0)
        snprintf(why, sizeof why, "no trap handler installed: mtvec 0x%08x", (unsigned)t->mtvec);
    else
        snprintf(why, sizeof why, "no trap handler: mtvec 0x%08x does not point into the "
                 "program's code", (unsigned)t->mtvec);
    return snprintf(buf, len,
                    "%s: %s (%s)\n"
                    "  cause   %u%s (%s)\n"
                    "  pc      %s\n"
                    "  mtval   0x%08x\n"
                    "  context %u (hart), cycle %llu\n",
                    prefix, what, why, (unsigned)(t->cause & 0x7FFFFFFFu),
                    (t->cause & 0x80000000u) ? " (interrupt)" : "",
                    outrider_trap_cause_name(t->cause), pc, (unsigned)t->tval, t->ctx,
                    (unsigned long long)t->cycle);
}
