// SPDX-License-Identifier: Apache-2.0
/* sim_version.c - outrider_sim_version() (outrider_sim.h). OUTRIDER_VERSION
 * is `git describe --always --dirty` when tb/tb.mk built this file. */
#include "outrider_sim.h"

#ifndef OUTRIDER_VERSION
#define OUTRIDER_VERSION "unknown"
#endif

const char *outrider_sim_version(void) { return OUTRIDER_VERSION; }
