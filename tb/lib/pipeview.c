// SPDX-License-Identifier: Apache-2.0
/* pipeview.c - Konata log writer over the pipeline debug record (contract
 * in pipeview.h). */
#include "pipeview.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define NSTAGE MODEL_SHIM_PIPE_STAGES
#define MAX_CTX MODEL_SHIM_NUM_CTX

typedef struct {
    bool     live;
    bool     pthread;
    uint8_t  tid;
    uint32_t pc;
    uint64_t id;
} slot;

struct pipeview {
    FILE            *out;
    bool             started, finished;
    uint64_t         cycle;          /* cycle of the last command written */
    uint64_t         next_id, retire_id, mismatches;
    slot             st[MAX_CTX][NSTAGE];  /* what each lane's stages held last cycle */
    model_shim_pipe  prev[MAX_CTX];        /* last cycle's record, per lane */
    bool             have_prev;
    uint64_t         prev_cycle;     /* the cycle of prev */
    slot             parked[MAX_CTX];
};

static const char *const stage_name[NSTAGE] = { "F", "D", "X", "M", "W" };

pipeview *pipeview_create(FILE *out)
{
    pipeview *pv = calloc(1, sizeof *pv);
    if (!pv)
        return NULL;
    pv->out = out;
    fputs("Kanata\t0004\n", out);
    return pv;
}

void pipeview_destroy(pipeview *pv) { free(pv); }
uint64_t pipeview_instructions(const pipeview *pv) { return pv->next_id; }
uint64_t pipeview_mismatches(const pipeview *pv) { return pv->mismatches; }

/* Bring the log's clock to `cycle` before writing a command. */
static void at(pipeview *pv, uint64_t cycle)
{
    if (!pv->started) {
        fprintf(pv->out, "C=\t%" PRIu64 "\n", cycle);
        pv->started = true;
        pv->cycle = cycle;
    } else if (cycle > pv->cycle) {
        fprintf(pv->out, "C\t%" PRIu64 "\n", cycle - pv->cycle);
        pv->cycle = cycle;
    }
}

static slot new_insn(pipeview *pv, uint64_t cycle, uint8_t tid, uint32_t pc, uint32_t insn,
                     bool pthread, bool known_insn)
{
    slot s = { .live = true, .pthread = pthread, .tid = tid, .pc = pc, .id = pv->next_id++ };
    at(pv, cycle);
    fprintf(pv->out, "I\t%" PRIu64 "\t%" PRIu64 "\t%u\n", s.id, s.id, (unsigned)tid);
    if (known_insn)
        fprintf(pv->out, "L\t%" PRIu64 "\t0\t%sc%u %08" PRIx32 " %08" PRIx32 "\n", s.id,
                pthread ? "P " : "", (unsigned)tid, pc, insn);
    else
        fprintf(pv->out, "L\t%" PRIu64 "\t0\t%sc%u %08" PRIx32 " \n", s.id, pthread ? "P " : "",
                (unsigned)tid, pc);
    if (pthread)
        fprintf(pv->out, "S\t%" PRIu64 "\t1\tpthread\n", s.id);
    return s;
}

static void stage(pipeview *pv, uint64_t cycle, const slot *s, const char *name)
{
    at(pv, cycle);
    fprintf(pv->out, "S\t%" PRIu64 "\t0\t%s\n", s->id, name);
}

/* The instruction word is known from ID on: label it once. */
static void label_insn(pipeview *pv, const slot *s, uint32_t insn)
{
    fprintf(pv->out, "L\t%" PRIu64 "\t0\t%08" PRIx32 "\n", s->id, insn);
}

static void retire(pipeview *pv, uint64_t cycle, slot *s)
{
    at(pv, cycle);
    fprintf(pv->out, "R\t%" PRIu64 "\t%" PRIu64 "\t0\n", s->id, pv->retire_id++);
    s->live = false;
}

static void squash(pipeview *pv, uint64_t cycle, slot *s, const char *why)
{
    at(pv, cycle);
    fprintf(pv->out, "L\t%" PRIu64 "\t1\tsquashed: %s\n", s->id, why);
    fprintf(pv->out, "R\t%" PRIu64 "\t%" PRIu64 "\t1\n", s->id, pv->retire_id);
    s->live = false;
}

/* Which instruction of last cycle should be in stage i of lane l now (NULL:
 * none). */
static slot *expected(pipeview *pv, unsigned l, unsigned i)
{
    const model_shim_pipe *p = &pv->prev[l];
    slot *st = pv->st[l];
    if (!pv->have_prev || i == MODEL_SHIM_PIPE_IF)
        return NULL;
    switch (i) {
    case MODEL_SHIM_PIPE_ID:
        if (st[MODEL_SHIM_PIPE_ID].live && (p->flags & MODEL_SHIM_PIPE_ID_STALL) &&
            !(p->flags & MODEL_SHIM_PIPE_ID_KILL))
            return &st[MODEL_SHIM_PIPE_ID];
        if (st[MODEL_SHIM_PIPE_IF].live && !(p->flags & MODEL_SHIM_PIPE_IF_KILL))
            return &st[MODEL_SHIM_PIPE_IF];
        return NULL;
    case MODEL_SHIM_PIPE_EX:
        if (st[MODEL_SHIM_PIPE_EX].live && (p->flags & MODEL_SHIM_PIPE_HOLD) &&
            !(p->flags & MODEL_SHIM_PIPE_EX_KILL))
            return &st[MODEL_SHIM_PIPE_EX];
        if (st[MODEL_SHIM_PIPE_ID].live && !(p->flags & MODEL_SHIM_PIPE_ID_STALL) &&
            !(p->flags & MODEL_SHIM_PIPE_ID_KILL))
            return &st[MODEL_SHIM_PIPE_ID];
        return NULL;
    case MODEL_SHIM_PIPE_MEM:
        if (st[MODEL_SHIM_PIPE_MEM].live && (p->flags & MODEL_SHIM_PIPE_HOLD))
            return &st[MODEL_SHIM_PIPE_MEM];
        if (st[MODEL_SHIM_PIPE_EX].live && !(p->flags & MODEL_SHIM_PIPE_EX_KILL))
            return &st[MODEL_SHIM_PIPE_EX];
        return NULL;
    default:
        if (st[MODEL_SHIM_PIPE_MEM].live && (p->flags & MODEL_SHIM_PIPE_MEM_ADV))
            return &st[MODEL_SHIM_PIPE_MEM];
        return NULL;
    }
}

void pipeview_cycle(pipeview *pv, const model_shim *m, uint64_t cycle)
{
    if (pv->finished)
        return;
    if (pv->have_prev && cycle != pv->prev_cycle + 1) {
        /* a gap (cycles not traced, --trace-roi): what was in flight is
         * closed, the next cycle starts afresh */
        for (unsigned l = 0; l < MAX_CTX; l++)
            for (unsigned i = 0; i < NSTAGE; i++)
                if (pv->st[l][i].live)
                    squash(pv, pv->prev_cycle + 1, &pv->st[l][i], "left the traced cycles");
        for (unsigned c = 0; c < MAX_CTX; c++)
            if (pv->parked[c].live)
                squash(pv, pv->prev_cycle + 1, &pv->parked[c], "left the traced cycles");
        pv->have_prev = false;
    }
    model_shim_outputs o;
    model_shim_get_outputs(m, &o);
    uint32_t retire_mask = o.retire_valid, trap_mask = o.trap_valid;
    model_shim_pipe lanes[MAX_CTX];

    /* lane l holds only context l's instructions: each lane is followed on
     * its own */
    for (unsigned l = 0; l < MAX_CTX; l++) {
        model_shim_pipe *pp = &lanes[l];
        model_shim_get_pipe(m, l, pp);
        const model_shim_pipe p = *pp;
        const model_shim_pipe *q = &pv->prev[l];
        slot *st = pv->st[l];

        /* 1. last cycle's fates: squashes that leave the pipeline */
        if (pv->have_prev) {
            slot *s;
            if ((s = &st[MODEL_SHIM_PIPE_IF])->live && (q->flags & MODEL_SHIM_PIPE_IF_KILL))
                squash(pv, cycle, s, "IF (redirect)");
            if ((s = &st[MODEL_SHIM_PIPE_ID])->live && (q->flags & MODEL_SHIM_PIPE_ID_KILL))
                squash(pv, cycle, s, "ID (redirect)");
            if ((s = &st[MODEL_SHIM_PIPE_EX])->live && (q->flags & MODEL_SHIM_PIPE_EX_KILL))
                squash(pv, cycle, s, "EX (redirect)");
            if ((s = &st[MODEL_SHIM_PIPE_MEM])->live &&
                !(q->flags & (MODEL_SHIM_PIPE_MEM_ADV | MODEL_SHIM_PIPE_HOLD)))
                squash(pv, cycle, s,
                       (q->flags & MODEL_SHIM_PIPE_MEM_TRAP) ? "MEM (trap)"
                       : (q->flags & MODEL_SHIM_PIPE_MEM_REPLAY)
                           ? "MEM (replay: data side busy, or another lane)"
                           : "MEM (squashed or p-thread stop)");
        }

        /* 2. this cycle's stages, oldest first (each takes its instruction
         *    from the stage before it, or keeps its own) */
        slot now[NSTAGE];
        for (int i = NSTAGE - 1; i >= 0; i--) {
            now[i] = (slot){ 0 };
            if (!p.valid[i])
                continue;
            slot *e = expected(pv, l, (unsigned)i);
            bool same_stage = e == &st[i];
            if (e && e->live && e->tid == p.tid[i] && e->pc == p.pc[i]) {
                now[i] = *e;
                e->live = false;             /* moved (or kept): not squashed below */
                if (!same_stage) {
                    stage(pv, cycle, &now[i], stage_name[i]);
                    if (i == MODEL_SHIM_PIPE_ID)
                        label_insn(pv, &now[i], p.insn[i]);
                }
                continue;
            }
            if (e && e->live) {
                pv->mismatches++;
                squash(pv, cycle, e, "lost track (pipeview mismatch)");
            }
            bool pt = (o.ctx_pthread >> p.tid[i]) & 1u;
            now[i] = new_insn(pv, cycle, p.tid[i], p.pc[i], p.insn[i], pt,
                              i != MODEL_SHIM_PIPE_IF);
            if (i != MODEL_SHIM_PIPE_IF && pv->have_prev)
                pv->mismatches++;
            stage(pv, cycle, &now[i], stage_name[i]);
        }
        /* whatever was expected to move on but did not appear */
        for (unsigned i = 0; i < NSTAGE; i++)
            if (st[i].live)
                squash(pv, cycle, &st[i], "vanished");

        /* 3. WB's fate this cycle */
        slot *wb = &now[MODEL_SHIM_PIPE_WB];
        if (wb->live && (p.flags & MODEL_SHIM_PIPE_WB_KILL)) {
            /* the squash after WB: it went on while the one before it parked
             * (or left a load outstanding that a younger one reads) */
            squash(pv, cycle, wb, "WB (squash after the instruction before it)");
        }
        if (wb->live) {
            unsigned c = wb->tid;
            if (pv->parked[c].live)   /* a new instruction of that context: the old one is gone */
                squash(pv, cycle, &pv->parked[c], "parked instruction abandoned");
            if (p.flags & MODEL_SHIM_PIPE_WB_PARK) {
                pv->parked[c] = *wb;
                fprintf(pv->out, "S\t%" PRIu64 "\t0\tWp\n", wb->id);
                wb->live = false;
            } else if (p.flags & MODEL_SHIM_PIPE_WB_ERR) {
                squash(pv, cycle, wb, "WB (access fault)");
            } else if (retire_mask & (1u << c)) {
                model_shim_retire r;
                model_shim_get_retire(m, c, &r);
                if (r.retire && r.pc == wb->pc) {
                    retire(pv, cycle, wb);
                    retire_mask &= ~(1u << c);
                }
            }
            if (wb->live) {   /* neither retired nor parked: should not happen */
                pv->mismatches++;
                squash(pv, cycle, wb, "WB without retirement");
            }
        }
        for (unsigned i = 0; i < NSTAGE; i++)
            st[i] = now[i];
    }

    /* 4. the parked instructions */
    for (unsigned c = 0; c < MAX_CTX; c++) {
        slot *pk = &pv->parked[c];
        if (!pk->live)
            continue;
        if (retire_mask & (1u << c)) {
            model_shim_retire r;
            model_shim_get_retire(m, c, &r);
            if (r.retire && r.pc == pk->pc)
                retire(pv, cycle, pk);
        } else if (trap_mask & (1u << c)) {
            squash(pv, cycle, pk, "late access fault");
        }
    }

    for (unsigned l = 0; l < MAX_CTX; l++)
        pv->prev[l] = lanes[l];
    pv->prev_cycle = cycle;
    pv->have_prev = true;
}

int pipeview_finish(pipeview *pv, uint64_t cycle)
{
    if (pv->finished)
        return ferror(pv->out) ? -1 : 0;
    for (unsigned l = 0; l < MAX_CTX; l++)
        for (unsigned i = 0; i < NSTAGE; i++)
            if (pv->st[l][i].live)
                squash(pv, cycle, &pv->st[l][i], "in flight at the end of the log");
    for (unsigned c = 0; c < MAX_CTX; c++)
        if (pv->parked[c].live)
            squash(pv, cycle, &pv->parked[c], "in flight at the end of the log");
    pv->finished = true;
    fflush(pv->out);
    return ferror(pv->out) ? -1 : 0;
}
