// SPDX-License-Identifier: Apache-2.0
/* roi.c - regions of interest (contract in roi.h) and the derived
 * pre-execution metrics (outrider_stats_derive, outrider_sim.h). */
#include "roi.h"

#include <stdlib.h>
#include <string.h>

/* The data-cache and pre-execution blocks hold only uint64_t counters, so
 * they are subtracted as arrays (checked at compile time). */
_Static_assert(sizeof(outrider_dcache_stats) % sizeof(uint64_t) == 0, "dcache stats: counters only");
_Static_assert(sizeof(outrider_preexec_stats) % sizeof(uint64_t) == 0, "preexec stats: counters only");

static void sub_u64s(const void *a, const void *b, void *out, size_t bytes)
{
    const uint64_t *x = a, *y = b;
    uint64_t *o = out;
    for (size_t i = 0; i < bytes / sizeof(uint64_t); i++)
        o[i] = x[i] - y[i];
}

void outrider_stats_sub(const outrider_stats *a, const outrider_stats *b, outrider_stats *out)
{
    outrider_stats r;
    memset(&r, 0, sizeof r);
    r.cycles = a->cycles - b->cycles;
    r.num_ctx = a->num_ctx;
    for (unsigned c = 0; c < OUTRIDER_MAX_CTX; c++)   /* every field is a uint64_t counter */
        sub_u64s(&a->ctx[c], &b->ctx[c], &r.ctx[c], sizeof r.ctx[c]);
    r.wb_reads = a->wb_reads - b->wb_reads;
    r.wb_writes = a->wb_writes - b->wb_writes;
    r.wb_read_accesses = a->wb_read_accesses - b->wb_read_accesses;
    r.wb_write_accesses = a->wb_write_accesses - b->wb_write_accesses;
    sub_u64s(&a->dcache, &b->dcache, &r.dcache, sizeof r.dcache);
    sub_u64s(&a->preexec, &b->preexec, &r.preexec, sizeof r.preexec);
    *out = r;
}

void roi_tracker_init(roi_tracker *t) { memset(t, 0, sizeof *t); }

void roi_tracker_free(roi_tracker *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}

/* room for the closed regions and an open one */
static int reserve(roi_tracker *t)
{
    if (t->n + 1 < t->cap)
        return 0;
    size_t cap = t->cap ? 2 * t->cap : 8;
    outrider_roi *v = realloc(t->v, cap * sizeof *v);
    if (!v)
        return -1;
    t->v = v;
    t->cap = cap;
    return 0;
}

int roi_tracker_cycle(roi_tracker *t, unsigned roi, const outrider_stats *now)
{
    if (roi && !t->active) {
        t->active = 1;
        t->start = *now;
        return 0;
    }
    if (!roi && t->active) {
        t->active = 0;
        if (reserve(t) != 0)
            return -1;
        outrider_roi *r = &t->v[t->n++];
        r->begin_cycle = t->start.cycles;
        r->ended = 1;
        outrider_stats_sub(now, &t->start, &r->stats);
    }
    return 0;
}

const outrider_roi *roi_tracker_list(roi_tracker *t, const outrider_stats *now, size_t *count)
{
    size_t n = t->n;
    if (t->active && reserve(t) == 0) {
        outrider_roi *r = &t->v[n++];
        r->begin_cycle = t->start.cycles;
        r->ended = 0;
        outrider_stats_sub(now, &t->start, &r->stats);
    }
    *count = n;
    return n ? t->v : NULL;
}

static void ratio(uint64_t num, uint64_t den, double *v, int *valid)
{
    *valid = den != 0;
    *v = den ? (double)num / (double)den : 0.0;
}

void outrider_stats_derive(const outrider_stats *st, outrider_derived *d)
{
    const outrider_preexec_stats *p = &st->preexec;
    uint64_t useful = p->useful_fills, late = p->late_fills;
    ratio(useful, useful + late + p->main_load_misses, &d->coverage, &d->coverage_valid);
    ratio(useful + late, p->fills, &d->accuracy, &d->accuracy_valid);
    ratio(late, useful + late, &d->lateness, &d->lateness_valid);
}
