// SPDX-License-Identifier: Apache-2.0
/*
 * outrider/roi.h - regions of interest: mark the part of a program whose
 * statistics you want, separately from its initialisation.
 *
 *   roi_begin();          // csrwi roi, 1
 *   ... the measured work ...
 *   roi_end();            // csrwi roi, 0
 *
 * The `roi` CSR (0x7C2, OUTRIDER_CSR_ROI from spec/outrider.toml) is one bit
 * shared by all contexts: reads return bit 0 = inside a region. It has no
 * effect on execution; the simulator watches it:
 * - smtsim's statistics JSON gets one record per region (begin..end, or
 *   begin..program exit) under "roi": cycles, instructions retired per
 *   context, the data-cache and pre-execution counters and the derived
 *   coverage/accuracy/lateness (docs/testbench.md); `--events-roi` limits
 *   the event log to regions;
 * - the reference ISS (outrider-iss) implements the CSR identically and can
 *   stop at roi_begin (iss_config.stop_at_roi).
 * Writing 1 while already inside a region, or 0 outside one, changes
 * nothing (no new region). A p-thread's write is ignored (p-threads never
 * write CSRs, docs/preexec.md). Call them from the main thread (context 0)
 * or any hart: the bit is global.
 *
 * Both are static inline with a "memory" clobber, so the compiler does not
 * move loads and stores across the boundary. Usable from C; assembler code
 * writes `csrwi OUTRIDER_CSR_ROI, 1` / `csrwi OUTRIDER_CSR_ROI, 0`.
 */
#ifndef OUTRIDER_ROI_H
#define OUTRIDER_ROI_H

#include "outrider/consts.h"

#ifndef __ASSEMBLER__

/* Enter a region of interest (roi = 1). */
static inline void roi_begin(void)
{
    __asm__ __volatile__("csrwi %0, 1" : : "i"(OUTRIDER_CSR_ROI) : "memory");
}

/* Leave the region of interest (roi = 0). */
static inline void roi_end(void)
{
    __asm__ __volatile__("csrwi %0, 0" : : "i"(OUTRIDER_CSR_ROI) : "memory");
}

/* 1 inside a region of interest, else 0. */
static inline int roi_active(void)
{
    unsigned v;
    __asm__ __volatile__("csrr %0, %1" : "=r"(v) : "i"(OUTRIDER_CSR_ROI) : "memory");
    return (int)(v & 1u);
}

#endif /* !__ASSEMBLER__ */

#endif /* OUTRIDER_ROI_H */
