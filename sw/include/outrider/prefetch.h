// SPDX-License-Identifier: Apache-2.0
/*
 * outrider/prefetch.h - the standard cache-block prefetch hints (Zicbop
 * prefetch.r / prefetch.w) from C.
 *
 *   void prefetch_r(const void *p)  the line holding p will be read soon
 *   void prefetch_w(const void *p)  the line holding p will be written soon
 *
 * Encoding: ORI with rd = x0 and imm[4:0] = 1 (prefetch.r) or 3
 * (prefetch.w); the address is rs1 + (imm[11:5] << 5), here rs1 = p and
 * offset 0. gcc 12 and binutils 2.40 have no Zicbop mnemonics, so the
 * functions emit the ORI itself. For the ISA it is an ORI to x0: no
 * architectural effect on any RISC-V core (the ISS and cosim need nothing).
 *
 * On Outrider (docs/dcache.md "Prefetch hints"): the data cache fetches the
 * line in the background through its prefetch queue; the hint never traps,
 * never waits (the issuing context goes on at once), is dropped when the
 * address is not in RAM (the CLINT, MMIO and unmapped addresses are never
 * touched), when the line is present or in flight, or when no MSHR or way
 * is free; a newer hint replaces one still queued. prefetch.w fetches the
 * line like prefetch.r (no ownership to take: one cache). A p-thread may
 * use them (docs/preexec.md 4.2): the fill is attributed to the p-thread.
 * Counted in `smtsim --stats-json` (dcache.prefetch_hints, fills in
 * dcache.prefetch_fills) and the event log (`prefetch` records).
 */
#ifndef OUTRIDER_PREFETCH_H
#define OUTRIDER_PREFETCH_H

static inline void prefetch_r(const void *p)
{
    __asm__ __volatile__("ori x0, %0, 1" : : "r"(p) : "memory");
}

static inline void prefetch_w(const void *p)
{
    __asm__ __volatile__("ori x0, %0, 3" : : "r"(p) : "memory");
}

#endif
