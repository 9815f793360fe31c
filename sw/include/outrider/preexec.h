// SPDX-License-Identifier: Apache-2.0
/*
 * outrider/preexec.h - software-controlled pre-execution (the "Xpex"
 * extension, docs/preexec.md): run a portion of the program ahead of the
 * main thread on a free hardware context, so that its cache misses are
 * resolved before the main thread gets there.
 *
 * C interface (static inline, plus the trampoline in sw/runtime/preexec.S):
 *   int  pex_spawn(fn, arg)  start a p-thread running fn(arg); it executes
 *                            `pex.stop` when fn returns. Returns the
 *                            p-thread's context id (non-zero) if spawned, 0
 *                            if refused: pre-execution disabled, no free
 *                            context (the other context runs a hart or a
 *                            p-thread, or freed less than ~32 cycles ago
 *                            and its register mirror is still refilling),
 *                            or the caller is not context 0 / is itself a
 *                            p-thread. A refused spawn has no other effect:
 *                            a program must compute the same thing either
 *                            way (it runs plain, only slower).
 *   void pex_stop(void)      end the calling p-thread (no-op in a hart).
 *   void pex_cancel(void)    kill the p-thread this hart spawned, if it is
 *                            still running (no-op otherwise).
 *   void pex_enable(int on)  pexctl.EN = on != 0 (every spawn is refused
 *                            while 0). `smtsim --no-preexec` starts with 0.
 *   int  pex_enabled(void)   pexctl.EN.
 *   void pex_set_budget(n)   pexbudget = n: a p-thread stops itself after
 *                            committing n instructions (0 = no budget;
 *                            reset value 65536); each p-thread takes the
 *                            value in force at its spawn.
 *   unsigned pex_budget(void), unsigned pex_status(void) (pexstatus:
 *                            bits [1:0] context active, [17:16] p-thread).
 *   int  pex_running(void)   non-zero while some context runs a p-thread
 *                            (pexstatus: active and p-thread).
 *
 * Assembler interface (.S files, preprocessed; after #include):
 *   PEX_SPAWN_AT rd, label   pex.spawn: p-thread at `label` (PC-relative,
 *                            +-1 MiB), rd = context id or 0 if refused
 *   PEX_STOP                 pex.stop
 *   PEX_CANCEL               pex.cancel
 *   PEX_CSR_CTL / PEX_CSR_BUDGET / PEX_CSR_STATUS   CSR numbers
 *
 * The p-thread contract (what fn, or the code at `label`, may rely on):
 * - It starts with a copy of every register of the spawner as of the spawn
 *   (sp, gp, tp, s-registers, the C arguments...): live-ins need no
 *   copying. pex_spawn passes fn/arg in a0/a1 to the trampoline, which
 *   moves sp down by PEX_RED_ZONE bytes (keeping 16-byte alignment) and
 *   calls fn(arg). mhartid reads the p-thread's context id.
 * - It is speculative and invisible: its stores go to a private store
 *   buffer (its own later loads see them, nobody else does) and never
 *   reach memory; AMOs/LR are plain loads, SC fails, CSR writes, ecall,
 *   ebreak, mret, wfi, fence.i do nothing, loads from MMIO/CLINT (console,
 *   exit, timer) return 0 and touch no device, an exception or a load
 *   outside RAM/MMIO/CLINT ends it silently. Interrupts never reach it.
 *   So fn cannot return results, print, lock or exit; it can only load
 *   (and so fill the data cache for the main thread).
 * - The store buffer holds 8 distinct words (StoreBufEntries); a store
 *   needing a ninth ends the p-thread (an "exception stop"). Keep fn's
 *   stack use small: a leaf function that keeps its locals in registers
 *   (normal at -O2) stores nothing at all; each callee frame spends one
 *   entry per saved register.
 * - It competes for the pipeline only in cycles the main thread cannot use
 *   (main-thread-first select), and ends at pex_stop/return of fn, at its
 *   instruction budget, on an exception, or when the spawner cancels it.
 *   Only one p-thread runs at a time with two contexts; spawning again
 *   while one runs is refused. A loop that spawns once per work item can
 *   let that happen (the running p-thread is still ahead of the main
 *   thread); pex_cancel() is for a p-thread that has fallen behind or is
 *   no longer wanted. A context frees once the p-thread's last access has
 *   drained and its register mirror has refilled (~32 cycles), so a spawn
 *   right after a stop or cancel may still be refused.
 * - A program must compute the same thing whether a spawn is accepted or
 *   refused; its main thread should not branch on the result except to
 *   report it (sw/examples/pex_*.c).
 * - The main thread ending (exit) ends the run, p-thread or not.
 */
#ifndef OUTRIDER_PREEXEC_H
#define OUTRIDER_PREEXEC_H

#include <outrider/outrider.h>

/* CSR numbers (docs/preexec.md section 3). */
/* (the numbers come from spec/outrider.toml through outrider/consts.h) */
#define PEX_CSR_CTL      OUTRIDER_CSR_PEX_CTL      /* pexctl 0x7C0: bit 0 EN */
#define PEX_CSR_BUDGET   OUTRIDER_CSR_PEX_BUDGET   /* pexbudget 0x7C1: instruction budget, 0 = none */
#define PEX_CSR_STATUS   OUTRIDER_CSR_PEX_STATUS   /* pexstatus 0xFC0 (read-only) */
#define PEX_CTL_EN       1
#define PEX_STATUS_ACTIVE_SHIFT   0
#define PEX_STATUS_PTHREAD_SHIFT  16
#define PEX_DEFAULT_BUDGET        65536
#define PEX_STORE_BUF_WORDS       8

/* Bytes the trampoline moves sp down before calling fn (a multiple of 16). */
#define PEX_RED_ZONE     128

#ifdef __ASSEMBLER__

/* pex.spawn rd, label: J-type, opcode custom-1, PC-relative label. */
.macro PEX_SPAWN_AT rd, label
    .insn j CUSTOM_1, \rd, \label
.endm

.macro PEX_STOP
    .insn r CUSTOM_0, 1, 0x00, x0, x0, x0
.endm

.macro PEX_CANCEL
    .insn r CUSTOM_0, 1, 0x01, x0, x0, x0
.endm

#else /* C */

#ifdef __cplusplus
extern "C" {
#endif

/* The runtime's trampoline (sw/runtime/preexec.S): a0 = fn, a1 = arg,
 * sp -= PEX_RED_ZONE, fn(arg), pex.stop. Not callable from a hart. */
void __pex_trampoline(void);

static inline int pex_spawn(void (*fn)(void *), void *arg)
{
    register void (*fn_a0)(void *) __asm__("a0") = fn;
    register void *arg_a1 __asm__("a1") = arg;
    int ctx;
    /* "memory": everything the main thread stored before the spawn is in
     * memory (or its cache) when the p-thread reads it. */
    __asm__ __volatile__(".insn j CUSTOM_1, %0, __pex_trampoline"
                         : "=r"(ctx)
                         : "r"(fn_a0), "r"(arg_a1)
                         : "memory");
    return ctx;
}

static inline void pex_stop(void)
{
    __asm__ __volatile__(".insn r CUSTOM_0, 1, 0x00, x0, x0, x0" ::: "memory");
}

static inline void pex_cancel(void)
{
    __asm__ __volatile__(".insn r CUSTOM_0, 1, 0x01, x0, x0, x0" ::: "memory");
}

static inline void pex_enable(int on)
{
    if (on)
        (void)csr_set(PEX_CSR_CTL, PEX_CTL_EN);
    else
        (void)csr_clear(PEX_CSR_CTL, PEX_CTL_EN);
}

static inline int pex_enabled(void)
{
    return (int)(csr_read(PEX_CSR_CTL) & PEX_CTL_EN);
}

static inline void pex_set_budget(unsigned n)
{
    csr_write(PEX_CSR_BUDGET, n);
}

static inline unsigned pex_budget(void)
{
    return csr_read(PEX_CSR_BUDGET);
}

static inline unsigned pex_status(void)
{
    return csr_read(PEX_CSR_STATUS);
}

static inline int pex_running(void)
{
    unsigned s = pex_status();
    return (s & (s >> PEX_STATUS_PTHREAD_SHIFT) & 0xFFFFu) != 0;   /* active and a p-thread */
}

#ifdef __cplusplus
}
#endif

#endif /* __ASSEMBLER__ */
#endif /* OUTRIDER_PREEXEC_H */
