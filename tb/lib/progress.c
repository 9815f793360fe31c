// SPDX-License-Identifier: Apache-2.0
/* progress.c - progress lines for long runs (contract in progress.h). */
#define _POSIX_C_SOURCE 200809L
#include "progress.h"

#include <inttypes.h>
#include <time.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void progress_init(progress *p, FILE *out)
{
    p->out = out;
    p->start = p->last = 0.0;
    p->start_cycles = p->last_cycles = 0;
    p->next_check = PROGRESS_CHECK_CYCLES;
    p->printed = 0;
}

void progress_begin(progress *p, uint64_t cycles)
{
    if (!p->out)
        return;
    p->start = p->last = now_s();
    p->start_cycles = p->last_cycles = cycles;
    p->next_check = cycles + PROGRESS_CHECK_CYCLES;
}

void progress_tick(progress *p, uint64_t cycles)
{
    if (!p->out || cycles < p->next_check)
        return;
    p->next_check = cycles + PROGRESS_CHECK_CYCLES;
    double t = now_s();
    if (t - p->last < 1.0)
        return;
    double rate = (double)(cycles - p->last_cycles) / (t - p->last);
    fprintf(p->out, "\rsmtsim: %" PRIu64 " cycles, %.2f Mcycles/s, %.0f s   ",
            cycles, rate * 1e-6, t - p->start);
    fflush(p->out);
    p->last = t;
    p->last_cycles = cycles;
    p->printed = 1;
}

void progress_finish(progress *p) { progress_clear(p); }

void progress_clear(progress *p)
{
    if (!p->out || !p->printed)
        return;
    fprintf(p->out, "\r%79s\r", "");
    fflush(p->out);
    p->printed = 0;
}
