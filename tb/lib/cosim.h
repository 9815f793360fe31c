// SPDX-License-Identifier: Apache-2.0
/*
 * cosim.h - lockstep co-simulation: the reference ISS (tb/iss/iss.h) checks
 * every instruction the RTL retires (docs/verification.md).
 *
 * cosim_attach() loads the same ELF into an ISS and installs itself as the
 * retirement hook of an outrider_sim. For every record of a hart (p-thread
 * records are ignored) it steps the ISS's hart of that context and compares
 * pc, instruction, destination register and value, and the data address;
 * for a trap record it checks that the ISS takes the same exception (or
 * injects the interrupt the RTL took). Values that depend on timing (CSR
 * reads of mip/counters/time/pexstatus, CLINT loads, pex.spawn and
 * hart.start results, SC results once both harts run) are taken from the
 * RTL. A hart started by hart.start gets the RTL's register bank at its
 * first record. The first difference stops the run (the hook returns
 * non-zero) and is described by cosim_report().
 *
 * cosim_finish() after the run compares the RAM pages the ISS wrote with
 * what the RTL's memory holds (cache included) and the console output.
 *
 * Optionally every retired instruction is written to a commit log in the
 * format of Spike's --log-commits ("core   0: 3 0xPC (0xINSN) xRD 0xVAL
 * mem 0xADDR [0xDATA]").
 */
#ifndef COSIM_H
#define COSIM_H

#include <stdint.h>
#include <stdio.h>

#include "outrider_sim.h"

typedef struct cosim cosim;

/* NULL on failure (message in err). cfg: the configuration sim was created
 * with (RAM size, pre-execution enabled at reset). commit_log may be NULL. */
cosim *cosim_attach(outrider_sim *sim, const outrider_config *cfg, const char *elf_path,
                    FILE *commit_log, char *err, size_t errlen);
/* End-of-run checks; 0 if everything matched (also earlier). */
int         cosim_finish(cosim *c);
int         cosim_failed(const cosim *c);
/* Multi-line description of the first mismatch ("" if none). */
const char *cosim_report(const cosim *c);
uint64_t    cosim_compared(const cosim *c);   /* instructions and traps compared */
void        cosim_detach(cosim *c);           /* removes the hook, frees */
/* The ISS it drives (tests use it to check that a difference is caught). */
struct iss *cosim_model(cosim *c);
/* The cosim attached to sim, or NULL. */
cosim      *cosim_of(const outrider_sim *sim);

#endif
