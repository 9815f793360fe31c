// SPDX-License-Identifier: Apache-2.0
/*
 * pipeview.h - a Konata pipeline log (Kanata format 0004) from the SoC's
 * pipeline debug record (model_shim_get_pipe, outrider_soc dbg_pipe_*).
 *
 * One record per instruction of both contexts: `I` when it is fetched,
 * stages F (IF), D (ID), X (EX), M (MEM), W (WB), and Wp while it is parked
 * in WB waiting for its memory answer or divide; `R ... 0` when it retires
 * (on the retirement port), `R ... 1` when it is squashed (a redirect, a
 * trap, a replay, a p-thread stop, or still in flight when the log ends).
 * The thread column of `I` is the context; a p-thread's instructions carry
 * "P" in their label and a lane-1 stage "pthread" over their whole life.
 * Labels: "c<ctx> <pc> <insn>" (type 0), the fate of a squashed instruction
 * (type 1). Cycles need not be contiguous: at a gap (a trace window or
 * --trace-roi) what was in flight is closed as squashed ("left the traced
 * cycles") and the next traced cycle starts afresh.
 *
 * The core has one issue lane per context (lane t holds only context t's
 * instructions); each lane's five stages are followed on their own. The
 * instructions are followed through the stages with the record's own
 * movement rules (an instruction moves on unless its stage's flags say it
 * stalls or is squashed); the pc and context of each stage are checked
 * against the instruction expected there, and a disagreement is counted
 * (pipeview_mismatches) and the stage's content started as a new record.
 *
 * Not thread-safe; one per simulator handle. No globals.
 */
#ifndef PIPEVIEW_H
#define PIPEVIEW_H

#include <stdint.h>
#include <stdio.h>

#include "model_shim.h"

typedef struct pipeview pipeview;

/* Writes the header at once; `out` stays the caller's (not closed). NULL if
 * out of memory. */
pipeview *pipeview_create(FILE *out);
/* One cycle: the pipeline record and the retirement/trap ports of the model
 * after the clk-low evaluation of cycle `cycle`. */
void      pipeview_cycle(pipeview *pv, const model_shim *m, uint64_t cycle);
/* End the log: every instruction still in flight is closed as squashed
 * ("in flight at the end"). Returns 0, or -1 if writing failed. The handle
 * stays valid (further cycles are ignored) until pipeview_destroy. */
int       pipeview_finish(pipeview *pv, uint64_t cycle);
void      pipeview_destroy(pipeview *pv);
/* Records written (instructions), retired, squashed; tracking mismatches. */
uint64_t  pipeview_instructions(const pipeview *pv);
uint64_t  pipeview_mismatches(const pipeview *pv);

#endif
