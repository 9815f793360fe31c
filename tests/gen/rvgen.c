// SPDX-License-Identifier: Apache-2.0
/*
 * rvgen.c - random (but valid and terminating) Outrider test programs, for
 * lockstep co-simulation (docs/verification.md "Random programs").
 *
 *   rvgen SEED [--items N] > prog.S      (then the raw-program link rule)
 *
 * The same seed always gives the same program. A program is straight-line
 * code made of random "items": ALU and multiply/divide on edge values,
 * loads/stores of every width over four 64-byte regions that map to the same
 * data-cache set (2 KiB apart: more lines than ways), forward branches and
 * jumps, bounded loops, CSR reads and harmless CSR writes, traps that return
 * (ecall, ebreak, illegal instructions, faulting accesses, misaligned
 * LR/SC/AMOs and misaligned jump targets, writes to read-only CSRs),
 * misaligned loads and stores in RAM (they complete, also across a word and
 * a line: docs/core.md), LR/SC and AMOs, pause,
 * MMIO and CLINT loads, console output, timer and software interrupts, wfi,
 * and pre-execution: pex.spawn of random p-thread bodies (with stores,
 * MMIO loads, faults, loops, refused spawns, endless loops cut by a small
 * budget), pex.cancel, pexctl/pexbudget writes. Some seeds also start
 * context 1 as a second hart with its own random body and data regions.
 *
 * Register use: x3 (gp) belongs to the trap handler, x31 (t6) is the
 * address temporary (the handler saves and restores it through mscratch),
 * x4 (tp) counts loops, x8/x9 (s0/s1) hold the region bases, x2 (sp) the
 * hart.start result; every other register is random data. The program never
 * writes its own code, so no fence.i is needed.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <outrider/consts.h>   /* the memory map, from spec/outrider.toml */

/* the device addresses the programs touch, as the generated assembler spells them */
#define S_EXIT   "OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_SIM_EXIT"
#define S_CONS   "OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_CONSOLE_TX"
#define S_MSIP0  "OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MSIP"
#define S_MTCMP0 "OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIMECMP"
#define S_MTIME  "OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIME"

#define MAX_PT 64

typedef struct {
    uint64_t s;
    unsigned label;
    unsigned npt;             /* p-thread bodies referenced so far */
    uint32_t data0;           /* this hart's region base */
    int      hart1;           /* generating hart 1's body */
    int      in_pt;           /* generating a p-thread body */
    int      depth;           /* loop / branch nesting */
} gen;

static uint64_t rnd(gen *g)
{
    g->s ^= g->s >> 12;
    g->s ^= g->s << 25;
    g->s ^= g->s >> 27;
    return g->s * 0x2545F4914F6CDD1Dull;
}
static unsigned below(gen *g, unsigned n) { return (unsigned)(rnd(g) % n); }
static int chance(gen *g, unsigned pct) { return below(g, 100) < pct; }

static void out(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}

/* data registers */
static const unsigned pool[] = {1, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                                20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30};
#define NPOOL (sizeof pool / sizeof pool[0])
static unsigned reg(gen *g) { return pool[below(g, NPOOL)]; }
/* destination: sometimes x0 */
static unsigned rd(gen *g) { return chance(g, 4) ? 0 : reg(g); }

static uint32_t edge(gen *g)
{
    static const uint32_t e[] = {0, 1, 2, 0xFFFFFFFFu, 0x80000000u, 0x7FFFFFFFu, 0xFFFFFFFEu,
                                 0x80000001u, 31, 32, 0xFFFF, 0x10000, 0x8000, 0xFF, 0x80};
    if (chance(g, 60))
        return e[below(g, sizeof e / sizeof e[0])];
    return (uint32_t)rnd(g);
}

static int32_t imm12(gen *g)
{
    static const int32_t e[] = {0, 1, -1, 2047, -2048, 31, 0x7F, -0x80};
    return chance(g, 40) ? e[below(g, sizeof e / sizeof e[0])] : (int32_t)below(g, 4096) - 2048;
}

static void item(gen *g);

static void alu(gen *g)
{
    static const char *rr[] = {"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and"};
    static const char *ri[] = {"addi", "slti", "sltiu", "xori", "ori", "andi"};
    static const char *sh[] = {"slli", "srli", "srai"};
    switch (below(g, 6)) {
    case 0: case 1:
        out("    %s x%u, x%u, x%u\n", rr[below(g, 10)], rd(g), reg(g), reg(g));
        break;
    case 2:
        out("    %s x%u, x%u, %d\n", ri[below(g, 6)], rd(g), reg(g), imm12(g));
        break;
    case 3:
        out("    %s x%u, x%u, %u\n", sh[below(g, 3)], rd(g), reg(g), below(g, 32));
        break;
    case 4:
        out("    %s x%u, 0x%x\n", chance(g, 50) ? "lui" : "auipc", rd(g), below(g, 1u << 20));
        break;
    default:
        out("    li x%u, 0x%08" PRIx32 "\n", reg(g), edge(g));
        break;
    }
}

static void muldiv(gen *g)
{
    static const char *op[] = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
    if (chance(g, 30)) {        /* the classic corner cases */
        unsigned a = reg(g), b = reg(g);
        while (b == a)
            b = reg(g);
        out("    li x%u, 0x%08" PRIx32 "\n", a, chance(g, 50) ? 0x80000000u : edge(g));
        out("    li x%u, 0x%08" PRIx32 "\n", b, chance(g, 50) ? (chance(g, 50) ? 0u : 0xFFFFFFFFu)
                                                          : edge(g));
        out("    %s x%u, x%u, x%u\n", op[below(g, 8)], rd(g), a, b);
        return;
    }
    out("    %s x%u, x%u, x%u\n", op[below(g, 8)], rd(g), reg(g), reg(g));
}

/* An address in one of the four conflicting regions: "OFF(xBASE)". */
static void region_addr(gen *g, unsigned align, char *buf, size_t len)
{
    unsigned k = below(g, 4);
    unsigned off = below(g, 64) & ~(align - 1);
    int rel = (k & 1) ? (int)off : (int)off - 0x800;
    snprintf(buf, len, "%d(x%u)", rel, (k & 2) ? 9 : 8);
}

static void load_store(gen *g)
{
    static const char *ld[] = {"lb", "lbu", "lh", "lhu", "lw"};
    static const unsigned lsz[] = {1, 1, 2, 2, 4};
    static const char *st[] = {"sb", "sh", "sw"};
    char a[32];
    if (chance(g, 50)) {
        unsigned i = below(g, 5);
        region_addr(g, lsz[i], a, sizeof a);
        out("    %s x%u, %s\n", ld[i], rd(g), a);
    } else {
        unsigned i = below(g, 3);
        region_addr(g, 1u << i, a, sizeof a);
        out("    %s x%u, %s\n", st[i], reg(g), a);
    }
}

/* x31 = the address of an aligned word in a region */
static void word_addr_x31(gen *g)
{
    out("    li x31, 0x%08" PRIx32 "\n", g->data0 + 0x800u * below(g, 4) + 4u * below(g, 16));
}

static void atomics(gen *g)
{
    static const char *amo[] = {"amoadd.w", "amoswap.w", "amoxor.w", "amoor.w", "amoand.w",
                                "amomin.w", "amomax.w", "amominu.w", "amomaxu.w"};
    word_addr_x31(g);
    switch (below(g, 3)) {
    case 0:
        out("    lr.w x%u, (x31)\n", rd(g));
        if (chance(g, 70))
            alu(g);
        if (chance(g, 20))
            word_addr_x31(g);
        out("    sc.w x%u, x%u, (x31)\n", rd(g), reg(g));
        break;
    case 1:
        out("    sc.w x%u, x%u, (x31)\n", rd(g), reg(g));
        break;
    default:
        out("    %s x%u, x%u, (x31)\n", amo[below(g, 9)], rd(g), reg(g));
        break;
    }
}

static void csr_read(gen *g)
{
    static const char *c[] = {"mstatus", "misa", "mie", "mtvec", "mscratch", "mepc", "mcause",
                              "mtval", "mhartid", "mcycle", "minstret", "cycle", "time",
                              "instret", "mip", "0x7c0", "0x7c1", "0xfc0", "mhpmcounter3",
                              "hpmcounter4", "mhpmcounter5", "mhpmevent3", "mhpmevent4",
                              "mvendorid", "marchid", "mimpid", "mcycleh", "mhpmcounter9",
                              "mstatush", "mcountinhibit", "timeh", "instreth"};
    out("    csrr x%u, %s\n", rd(g), c[below(g, sizeof c / sizeof c[0])]);
}

static void csr_write(gen *g)
{
    static const char *c[] = {"mtval", "mcause", "mepc", "mip", "misa", "mcountinhibit"};
    static const char *op[] = {"csrrw", "csrrs", "csrrc"};
    const char *t = c[below(g, sizeof c / sizeof c[0])];
    if (chance(g, 50))
        out("    %s x%u, %s, x%u\n", op[below(g, 3)], rd(g), t, reg(g));
    else
        out("    %si x%u, %s, %u\n", op[below(g, 3)], rd(g), t, below(g, 32));
}

static void trap(gen *g)
{
    unsigned k = below(g, 12);
    if (k == 10 && g->hart1)
        k = 0;   /* hart.exit is legal on context 1: it would end the hart */
    switch (k) {
    case 0: out("    ecall\n"); break;
    case 1: out("    ebreak\n"); break;
    case 2: out("    .word 0x%08x\n", chance(g, 50) ? 0u : 0xFFFFFFFFu); break;
    case 3: out("    .word 0x02001013\n"); break;              /* slli with funct7 != 0 */
    case 4: /* misaligned load (in RAM: completes; offsets 29..31 cross a line) */
        out("    li x31, 0x%08" PRIx32 "\n", g->data0 + 1u + 2u * below(g, 16));
        out("    %s x%u, 0(x31)\n", chance(g, 50) ? "lw" : (chance(g, 50) ? "lh" : "lhu"), rd(g));
        break;
    case 5: /* misaligned store (in RAM: completes) */
        out("    li x31, 0x%08" PRIx32 "\n", g->data0 + 1u + below(g, 31));
        out("    %s x%u, 0(x31)\n", chance(g, 50) ? "sw" : "sh", reg(g));
        break;
    case 6: /* access faults: nothing mapped there, or beyond RAM */
        out("    li x31, 0x%08x\n", chance(g, 50) ? 0x40000000u : 0x00000100u);
        out("    %s x%u, 0(x31)\n", chance(g, 50) ? "lw" : "sw", reg(g));
        break;
    case 7: /* jump to a misaligned target */
        out("    la x31, L%u\n", g->label);
        out("    jalr x%u, 2(x31)\n", rd(g));
        out("L%u:\n", g->label++);
        break;
    case 8: out("    csrw cycle, x%u\n", reg(g)); break;        /* read-only CSR */
    case 9: out("    csrr x%u, 0x7ff\n", rd(g)); break;        /* no such CSR */
    case 10: out("    .insn r CUSTOM_0, 0, 1, x0, x0, x0\n"); break; /* hart.exit on ctx 0 */
    default: /* misaligned AMO / LR */
        out("    li x31, 0x%08" PRIx32 "\n", g->data0 + 2u);
        out("    %s x%u, x%u, (x31)\n", chance(g, 50) ? "amoadd.w" : "sc.w", rd(g), reg(g));
        break;
    }
}

static void io_load(gen *g)
{
    static const uint32_t a[] = {
        OUTRIDER_MMIO_BASE, OUTRIDER_MMIO_BASE + 4u, OUTRIDER_MMIO_BASE + 0x10u,
        OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIME, OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIME + 4u,
        OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MSIP, OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIMECMP,
        OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIMECMP + 4u,
        OUTRIDER_EXT_BASE, OUTRIDER_EXT_BASE + 0x8004u};   /* Ext: reads 0 in simulation */
    out("    li x31, 0x%08" PRIx32 "\n", a[below(g, sizeof a / sizeof a[0])]);
    out("    %s x%u, 0(x31)\n", chance(g, 80) ? "lw" : "lbu", rd(g));
}

static void console(gen *g)
{
    out("    li x31, " S_CONS "\n");
    out("    sb x%u, 0(x31)\n", reg(g));
}

static void branch(gen *g)
{
    static const char *b[] = {"beq", "bne", "blt", "bge", "bltu", "bgeu"};
    unsigned l = g->label++;
    if (chance(g, 20))
        out("    jal x%u, L%u\n", rd(g), l);
    else if (chance(g, 10))
        out("    la x31, L%u\n    jalr x%u, 0(x31)\n", l, rd(g));
    else
        out("    %s x%u, x%u, L%u\n", b[below(g, 6)], reg(g), reg(g), l);
    g->depth++;
    for (unsigned n = 1 + below(g, 3); n > 0; n--)
        item(g);
    g->depth--;
    out("L%u:\n", l);
}

static void loop(gen *g)
{
    unsigned l = g->label++;
    out("    li x4, %u\n", 1 + below(g, 6));
    out("L%u:\n", l);
    g->depth++;
    for (unsigned n = 2 + below(g, 6); n > 0; n--)
        item(g);
    g->depth--;
    out("    addi x4, x4, -1\n");
    out("    bnez x4, L%u\n", l);
}

static void spawn(gen *g)
{
    if (g->npt >= MAX_PT)
        return;
    out("    .insn j CUSTOM_1, x%u, pt_%u\n", rd(g), g->npt++);
}

static void pex_misc(gen *g)
{
    switch (below(g, 5)) {
    case 0: out("    .insn r CUSTOM_0, 1, 1, x0, x0, x0\n"); break;    /* pex.cancel */
    case 1: out("    .insn r CUSTOM_0, 1, 0, x0, x0, x0\n"); break;    /* pex.stop: nop in a hart */
    case 2: out("    csrwi 0x7c0, %u\n", chance(g, 75) ? 1u : 0u); break;   /* pexctl */
    case 3: out("    li x31, %u\n    csrw 0x7c1, x31\n", chance(g, 30) ? 0u : 4u + below(g, 60));
        break;
    default: out("    csrr x%u, 0xfc0\n", rd(g)); break;
    }
}

/* hart 0 only: interrupts (the handler turns each off again) */
static void irq(gen *g)
{
    switch (below(g, 4)) {
    case 0: /* timer interrupt a little later */
    case 1:
        out("    li x31, " S_MTIME "\n    lw x3, 0(x31)\n");
        out("    addi x3, x3, %u\n", 5 + below(g, 120));
        out("    li x31, " S_MTCMP0 "\n    sw x3, 0(x31)\n    sw zero, 4(x31)\n");
        out("    li x31, 0x80\n    csrs mie, x31\n    csrsi mstatus, 8\n");
        break;
    case 2: /* software interrupt now */
        out("    li x31, 0x8\n    csrs mie, x31\n    csrsi mstatus, 8\n");
        out("    li x31, " S_MSIP0 "\n    li x3, 1\n    sw x3, 0(x31)\n");
        break;
    default: /* wfi woken by the timer, interrupts masked */
        out("    csrci mstatus, 8\n");
        out("    li x31, " S_MTIME "\n    lw x3, 0(x31)\n    addi x3, x3, %u\n",
            5 + below(g, 60));
        out("    li x31, " S_MTCMP0 "\n    sw x3, 0(x31)\n    sw zero, 4(x31)\n");
        out("    li x31, 0x80\n    csrs mie, x31\n    wfi\n");
        out("    li x31, " S_MTCMP0 " + 4\n    li x3, -1\n    sw x3, 0(x31)\n");
        break;
    }
}

static void item(gen *g)
{
    unsigned r = below(g, 100);
    if (g->in_pt) {   /* p-thread bodies: no timing games, anything else goes */
        if (r < 30) alu(g);
        else if (r < 38) muldiv(g);
        else if (r < 58) load_store(g);
        else if (r < 62) atomics(g);
        else if (r < 66) io_load(g);
        else if (r < 69) csr_write(g);
        else if (r < 72) csr_read(g);
        else if (r < 75) spawn(g);
        else if (r < 77) out("    .insn r CUSTOM_0, 0, 0, x%u, x%u, x%u\n", rd(g), reg(g), reg(g));
        else if (r < 79) out("    pause\n");
        else if (r < 80) out("    fence.i\n");
        else if (r < 83 && g->depth < 2) loop(g);
        else if (r < 86 && g->depth < 2) branch(g);
        else if (r < 88) console(g);
        else alu(g);
        return;
    }
    if (r < 24) alu(g);
    else if (r < 32) muldiv(g);
    else if (r < 52) load_store(g);
    else if (r < 57) atomics(g);
    else if (r < 61) csr_read(g);
    else if (r < 63) csr_write(g);
    else if (r < 67) trap(g);
    else if (r < 70 && g->depth < 2) branch(g);
    else if (r < 73 && g->depth < 1) loop(g);
    else if (r < 75) io_load(g);
    else if (r < 76) console(g);
    else if (r < 77) out("    pause\n");
    else if (r < 82 && !g->hart1) spawn(g);
    else if (r < 85) pex_misc(g);
    else if (r < 87 && !g->hart1 && g->depth == 0) irq(g);
    else if (r < 88) out("    fence\n");
    else alu(g);
}

static void init_regs(gen *g)
{
    for (unsigned i = 0; i < NPOOL; i++)
        out("    li x%u, 0x%08" PRIx32 "\n", pool[i], edge(g));
    out("    li x8, 0x%08" PRIx32 "\n    li x9, 0x%08" PRIx32 "\n", g->data0 + 0x800u,
        g->data0 + 0x1800u);
}

int main(int argc, char **argv)
{
    char *end = NULL;
    if (argc < 2 || !*argv[1] || (strtoull(argv[1], &end, 0), *end != '\0')) {
        fprintf(stderr, "usage: rvgen SEED [--items N] > prog.S\n");
        return 2;
    }
    uint64_t seed = strtoull(argv[1], NULL, 0);
    unsigned items = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--items") == 0 && i + 1 < argc) {
            items = (unsigned)strtoul(argv[++i], &end, 0);
            if (*end != '\0' || items == 0 || items > 100000) {
                fprintf(stderr, "rvgen: --items wants a number from 1 to 100000\n");
                return 2;
            }
        } else {
            fprintf(stderr, "rvgen: unknown argument '%s'\n", argv[i]);
            return 2;
        }
    }
    gen g = {.s = seed * 0x9E3779B97F4A7C15ull + 0x1234567u};
    for (int i = 0; i < 4; i++)
        rnd(&g);
    if (!items)
        items = 60 + below(&g, 120);
    int two_harts = chance(&g, 30);

    out("/* rvgen %" PRIu64 ": %u items%s (generated: do not edit) */\n", seed, items,
        two_harts ? ", two harts" : "");
    out("#include <outrider/asm.h>\n#include <outrider/consts.h>\n    .text\n    .globl _start\n_start:\n");
    out("    la x3, trap_handler\n    csrw mtvec, x3\n");
    g.data0 = 0x80100000u;
    init_regs(&g);
    out("    li x2, 0\n");
    unsigned start_at = two_harts ? below(&g, items / 2 + 1) : items + 1;
    for (unsigned i = 0; i < items; i++) {
        if (i == start_at) {
            out("    .insn r CUSTOM_0, 1, 1, x0, x0, x0\n");   /* cancel a p-thread first */
            out("    la x31, hart1_entry\n    li x3, 0x%08" PRIx32 "\n", (uint32_t)rnd(&g));
            out("    HART_START x2, x31, x3\n");
        }
        item(&g);
    }
    /* wait for hart 1 if it was started, then end */
    out("    csrci mstatus, 8\n");
    out("    beqz x2, done\n    li x31, 0x80300000\nwait1:\n    lw x4, 0(x31)\n    pause\n"
        "    beqz x4, wait1\n");
    out("done:\n    li x31, " S_EXIT "\n    sw zero, 0(x31)\n1:  j 1b\n\n");

    /* the trap handler: exceptions resume after the instruction, interrupts
     * are turned off (msip cleared, mtimecmp at its maximum) */
    out("trap_handler:\n    csrw mscratch, x31\n    csrr x3, mcause\n    bltz x3, 1f\n"
        "    csrr x3, mepc\n    addi x3, x3, 4\n    csrw mepc, x3\n    csrr x3, mtval\n"
        "    csrr x31, mscratch\n    mret\n"
        "1:  li x31, " S_MSIP0 "\n    sw zero, 0(x31)\n    li x3, -1\n"
        "    li x31, " S_MTCMP0 " + 4\n    sw x3, 0(x31)\n    csrr x31, mscratch\n    mret\n\n");

    /* p-thread bodies (generating one may reference further ones) */
    g.in_pt = 1;
    for (unsigned p = 0; p < g.npt; p++) {
        out("pt_%u:\n", p);
        unsigned n = 2 + below(&g, 20);
        for (unsigned i = 0; i < n; i++)
            item(&g);
        if (chance(&g, 10))
            out("pt_spin_%u:\n    addi x5, x5, 1\n    j pt_spin_%u\n", p, p);   /* until its budget */
        else if (chance(&g, 10))
            out("    lw x5, 0(x0)\n");                    /* ends by a fault */
        out("    .insn r CUSTOM_0, 1, 0, x0, x0, x0\n");  /* pex.stop */
        out("1:  j 1b\n");
    }
    g.in_pt = 0;

    /* hart 1: its own regions, no interrupts; sets the done flag, exits */
    out("hart1_entry:\n    la x3, trap_handler\n    csrw mtvec, x3\n");
    g.hart1 = 1;
    g.data0 = 0x80200000u;
    init_regs(&g);
    for (unsigned i = 0, n = items / 2 + 1; i < n; i++)
        item(&g);
    out("    li x31, 0x80300000\n    li x3, 1\n    amoswap.w x0, x3, (x31)\n");
    out("    .insn r CUSTOM_0, 0, 1, x0, x0, x0\n1:  j 1b\n");
    return 0;
}
