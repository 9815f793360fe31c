// SPDX-License-Identifier: Apache-2.0
/*
 * progress.h - "still running" lines on a stream (stderr) for long runs:
 * at most one carriage-return line per second with the cycle count and the
 * simulation rate, starting only once a run has taken a second, so short
 * runs print nothing. progress_clear()/progress_finish() erase the line.
 * Callers call progress_tick() often (it is cheap: it reads the clock only
 * every PROGRESS_CHECK_CYCLES cycles).
 * What it does not do: decide whether the stream is a terminal (the caller
 * enables it or not).
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <stdint.h>
#include <stdio.h>

#define PROGRESS_CHECK_CYCLES 65536u

typedef struct {
    FILE    *out;          /* NULL: disabled */
    double   start, last;  /* seconds (monotonic clock) */
    uint64_t start_cycles, last_cycles, next_check;
    int      printed;
} progress;

void progress_init(progress *p, FILE *out);            /* out NULL: disabled */
void progress_begin(progress *p, uint64_t cycles);     /* a run starts */
void progress_tick(progress *p, uint64_t cycles);
/* Erase the progress line if one is shown (before other output to the
 * same terminal); the next tick may print again. */
void progress_clear(progress *p);
void progress_finish(progress *p);   /* end of a run: progress_clear() */

#endif
