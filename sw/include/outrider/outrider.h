// SPDX-License-Identifier: Apache-2.0
/*
 * outrider/outrider.h - the Outrider platform for bare-metal programs.
 *
 * Contract:
 * - The memory map of docs/memory-map.md as plain constants (usable from C
 *   and from .S files: no casts, no suffixes outside the C-only part).
 * - C-only part (not under __ASSEMBLER__): MMIO/CLINT accessors, CSR access
 *   by name, 64-bit counter readers, console byte output, simulation exit,
 *   `pause`/`wfi`, interrupt-enable helpers, the current hart's timer
 *   compare and the software interrupt (msip) of any hart, trap vector
 *   installation. Everything is static inline except the symbols provided
 *   by the runtime (sw/runtime/): outrider_default_trap_vector.
 * - Machine mode only. All helpers act on the calling hart unless they take
 *   a hart number.
 * Not here: the hart start/join API (outrider/hart.h), assembler macros for
 * the custom instructions (outrider/asm.h).
 */
#ifndef OUTRIDER_OUTRIDER_H
#define OUTRIDER_OUTRIDER_H

/* ---- Memory map (docs/memory-map.md) ----
 * The bases, masks and register offsets come from spec/outrider.toml through
 * the generated outrider/consts.h (OUTRIDER_RAM_BASE, OUTRIDER_CLINT_BASE,
 * OUTRIDER_MMIO_BASE, OUTRIDER_*_OFF_*); these are the addresses built from them. */
#include "outrider/consts.h"
/* OUTRIDER_RAM_DEFAULT_SIZE (consts.h): 16 MiB; link with
 * -Wl,--defsym=__ram_size=N to match smtsim --ram-size */
#define OUTRIDER_NUM_CTX             2           /* hardware contexts = harts */

#define OUTRIDER_CLINT_MSIP(h)       (OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MSIP + 4 * (h))
#define OUTRIDER_CLINT_MTIMECMP_LO(h) (OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIMECMP + 8 * (h))
#define OUTRIDER_CLINT_MTIMECMP_HI(h) (OUTRIDER_CLINT_MTIMECMP_LO(h) + 4)
#define OUTRIDER_CLINT_MTIME_LO      (OUTRIDER_CLINT_BASE + OUTRIDER_CLINT_OFF_MTIME)
#define OUTRIDER_CLINT_MTIME_HI      (OUTRIDER_CLINT_MTIME_LO + 4)

#define OUTRIDER_CONSOLE_TX          (OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_CONSOLE_TX)
#define OUTRIDER_SIM_EXIT            (OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_SIM_EXIT)
/* the error console: bytes stored here go to stderr under smtsim/outrider-iss */
#define OUTRIDER_CONSOLE_ERR         (OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_CONSOLE_ERR)

/* Exit code of the runtime's default trap handler. */
#define OUTRIDER_TRAP_EXIT_CODE      99

/* ---- CSR bits ---- */
#define OUTRIDER_MSTATUS_MIE         (1 << 3)
#define OUTRIDER_MSTATUS_MPIE        (1 << 7)
#define OUTRIDER_MIE_MSIE            (1 << 3)   /* software interrupt (msip) */
#define OUTRIDER_MIE_MTIE            (1 << 7)   /* timer interrupt (mtimecmp) */
#define OUTRIDER_MIE_MEIE            (1 << 11)  /* external interrupt */
#define OUTRIDER_MCAUSE_INTERRUPT    0x80000000
#define OUTRIDER_IRQ_M_SOFT          3          /* mcause code, interrupt set */
#define OUTRIDER_IRQ_M_TIMER         7
#define OUTRIDER_IRQ_M_EXT           11
#define OUTRIDER_EXC_INSN_MISALIGNED 0          /* mcause codes, exceptions */
#define OUTRIDER_EXC_INSN_FAULT      1
#define OUTRIDER_EXC_ILLEGAL_INSN    2
#define OUTRIDER_EXC_BREAKPOINT      3
#define OUTRIDER_EXC_LOAD_MISALIGNED 4
#define OUTRIDER_EXC_LOAD_FAULT      5
#define OUTRIDER_EXC_STORE_MISALIGNED 6
#define OUTRIDER_EXC_STORE_FAULT     7
#define OUTRIDER_EXC_ECALL_M         11

#ifndef __ASSEMBLER__

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- CSR access by name: csr_read(mcycle), csr_write(mtvec, v),
 *      csr_set(mie, bits), csr_clear(mstatus, bits), csr_swap(mscratch, v).
 *      csr_set/csr_clear/csr_swap return the old value. ---- */
#define OUTRIDER_STR_(x) #x
#define OUTRIDER_STR(x)  OUTRIDER_STR_(x)

#define csr_read(csr) __extension__({                                     \
        uint32_t csr_v_;                                                  \
        __asm__ __volatile__("csrr %0, " OUTRIDER_STR(csr)                \
                             : "=r"(csr_v_) : : "memory");                \
        csr_v_; })

#define csr_write(csr, val) do {                                          \
        uint32_t csr_w_ = (uint32_t)(val);                                \
        __asm__ __volatile__("csrw " OUTRIDER_STR(csr) ", %0"             \
                             : : "rK"(csr_w_) : "memory");                \
    } while (0)

#define csr_set(csr, bits) __extension__({                                \
        uint32_t csr_o_, csr_b_ = (uint32_t)(bits);                       \
        __asm__ __volatile__("csrrs %0, " OUTRIDER_STR(csr) ", %1"        \
                             : "=r"(csr_o_) : "rK"(csr_b_) : "memory");   \
        csr_o_; })

#define csr_clear(csr, bits) __extension__({                              \
        uint32_t csr_o_, csr_b_ = (uint32_t)(bits);                       \
        __asm__ __volatile__("csrrc %0, " OUTRIDER_STR(csr) ", %1"        \
                             : "=r"(csr_o_) : "rK"(csr_b_) : "memory");   \
        csr_o_; })

#define csr_swap(csr, val) __extension__({                                \
        uint32_t csr_o_, csr_n_ = (uint32_t)(val);                        \
        __asm__ __volatile__("csrrw %0, " OUTRIDER_STR(csr) ", %1"        \
                             : "=r"(csr_o_) : "rK"(csr_n_) : "memory");   \
        csr_o_; })

/* ---- MMIO ---- */
static inline void outrider_mmio_write32(uint32_t addr, uint32_t v)
{
    *(volatile uint32_t *)(uintptr_t)addr = v;
}

static inline uint32_t outrider_mmio_read32(uint32_t addr)
{
    return *(volatile uint32_t *)(uintptr_t)addr;
}

static inline void outrider_mmio_write8(uint32_t addr, uint8_t v)
{
    *(volatile uint8_t *)(uintptr_t)addr = v;
}

/* ---- Hart id, counters (64-bit, consistent hi/lo reads on RV32) ---- */
static inline unsigned outrider_mhartid(void)
{
    return csr_read(mhartid);
}

static inline uint64_t outrider_cycles(void)
{
    uint32_t hi, lo, hi2;
    do {
        hi  = csr_read(mcycleh);
        lo  = csr_read(mcycle);
        hi2 = csr_read(mcycleh);
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t outrider_instret(void)
{
    uint32_t hi, lo, hi2;
    do {
        hi  = csr_read(minstreth);
        lo  = csr_read(minstret);
        hi2 = csr_read(minstreth);
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

/* CLINT mtime (one tick per core clock cycle). */
static inline uint64_t outrider_time(void)
{
    uint32_t hi, lo, hi2;
    do {
        hi  = outrider_mmio_read32(OUTRIDER_CLINT_MTIME_HI);
        lo  = outrider_mmio_read32(OUTRIDER_CLINT_MTIME_LO);
        hi2 = outrider_mmio_read32(OUTRIDER_CLINT_MTIME_HI);
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

/* ---- Console and simulation control ---- */
static inline void outrider_putc(char c)
{
    outrider_mmio_write8(OUTRIDER_CONSOLE_TX, (uint8_t)c);
}

/* Write a NUL-terminated string byte by byte (no newline added, no libc). */
static inline void outrider_puts(const char *s)
{
    while (*s)
        outrider_putc(*s++);
}

/* ---- Hints ---- */
/* `pause` (Zihintpause): give up this context's issue slots for a while. */
static inline void outrider_pause(void)
{
#ifdef __riscv_zihintpause
    __asm__ __volatile__("pause" ::: "memory");
#else
    __asm__ __volatile__(".insn i 0x0F, 0, x0, x0, 0x010" ::: "memory");
#endif
}

/* `wfi`: park this hart until an interrupt is pending in mie & mip. */
static inline void outrider_wfi(void)
{
    __asm__ __volatile__("wfi" ::: "memory");
}

/* End the simulation with exit code `code` (SIM_EXIT). Interrupts of the
 * calling hart are disabled; the hart then sleeps forever. */
static inline __attribute__((noreturn)) void outrider_exit(int code)
{
    csr_clear(mstatus, OUTRIDER_MSTATUS_MIE);
    outrider_mmio_write32(OUTRIDER_SIM_EXIT, (uint32_t)code);
    for (;;)
        outrider_wfi();
}

/* ---- Interrupts (calling hart) ---- */
/* Global enable (mstatus.MIE). disable returns the previous state for
 * outrider_irq_restore(). */
static inline void outrider_irq_enable(void)
{
    (void)csr_set(mstatus, OUTRIDER_MSTATUS_MIE);
}

static inline uint32_t outrider_irq_disable(void)
{
    return csr_clear(mstatus, OUTRIDER_MSTATUS_MIE) & OUTRIDER_MSTATUS_MIE;
}

static inline void outrider_irq_restore(uint32_t prev)
{
    if (prev & OUTRIDER_MSTATUS_MIE)
        (void)csr_set(mstatus, OUTRIDER_MSTATUS_MIE);
}

/* Individual sources (mie bits: OUTRIDER_MIE_MTIE, _MSIE, _MEIE). */
static inline void outrider_irq_source_enable(uint32_t mie_bits)
{
    (void)csr_set(mie, mie_bits);
}

static inline void outrider_irq_source_disable(uint32_t mie_bits)
{
    (void)csr_clear(mie, mie_bits);
}

/* ---- CLINT: timer compare of the calling hart, msip of any hart ---- */
/* Set mtimecmp[mhartid] = when. The timer interrupt is pending while
 * mtime >= mtimecmp. Written high-word-first with an all-ones guard so that
 * no intermediate value raises a spurious interrupt. */
static inline void outrider_timer_set(uint64_t when)
{
    unsigned h = outrider_mhartid();
    outrider_mmio_write32(OUTRIDER_CLINT_MTIMECMP_HI(h), 0xFFFFFFFFu);
    outrider_mmio_write32(OUTRIDER_CLINT_MTIMECMP_LO(h), (uint32_t)when);
    outrider_mmio_write32(OUTRIDER_CLINT_MTIMECMP_HI(h), (uint32_t)(when >> 32));
}

/* Disarm the calling hart's timer (mtimecmp = all ones). */
static inline void outrider_timer_clear(void)
{
    outrider_timer_set(~(uint64_t)0);
}

static inline void outrider_msip_set(unsigned hart)
{
    outrider_mmio_write32(OUTRIDER_CLINT_MSIP(hart), 1);
}

static inline void outrider_msip_clear(unsigned hart)
{
    outrider_mmio_write32(OUTRIDER_CLINT_MSIP(hart), 0);
}

/* ---- Traps ----
 * Every hart starts with mtvec = outrider_default_trap_vector (set by the
 * runtime's crt0 and hart entry): it prints
 *   "outrider: unhandled trap: illegal instruction (mcause=0x00000002)
 *    mepc=0x... mtval=0x... hart=N" (one line)
 * on the error console (OUTRIDER_CONSOLE_ERR: stderr in simulation) and ends
 * the simulation with OUTRIDER_TRAP_EXIT_CODE. It
 * uses no stack and writes no RAM, so it works even with a corrupt sp.
 *
 * To handle traps yourself, install a vector on the hart that should take
 * them (mtvec is per hart) with outrider_trap_vector_set(). A vector is
 * either an assembly routine or a C function declared
 *   __attribute__((interrupt("machine"))) void my_vector(void);
 * (gcc saves/restores the registers it uses and returns with mret). It must
 * be 4-byte aligned (true for all code: the core has no C extension); the
 * helper installs it in direct mode. Returns the previous mtvec value, which
 * can be handed back to outrider_trap_vector_restore(). */
void outrider_default_trap_vector(void);

static inline uint32_t outrider_trap_vector_set(void (*vector)(void))
{
    return csr_swap(mtvec, (uint32_t)(uintptr_t)vector & ~3u);
}

static inline void outrider_trap_vector_restore(uint32_t prev_mtvec)
{
    csr_write(mtvec, prev_mtvec);
}

#ifdef __cplusplus
}
#endif

#endif /* !__ASSEMBLER__ */
#endif /* OUTRIDER_OUTRIDER_H */
