// SPDX-License-Identifier: Apache-2.0
/* cycle_stats.c - see cycle_stats.h. */
#include "cycle_stats.h"


/* Data-side operation codes (rtl/include/outrider_defs.svh Dop*) = OUTRIDER_OP_*. */
static int is_load_op(unsigned op) { return op == OUTRIDER_OP_LOAD || op == OUTRIDER_OP_LR; }

static void put(event_log *log, uint64_t cycle, unsigned kind, unsigned ctx, unsigned spec,
                uint32_t addr, unsigned op, unsigned cls, unsigned flags)
{
    outrider_event e = {
        .cycle = cycle, .addr = addr, .kind = (uint8_t)kind, .ctx = (uint8_t)ctx,
        .spec = (uint8_t)spec, .op = (uint8_t)op, .cls = (uint8_t)cls, .flags = (uint8_t)flags,
    };
    event_log_push(log, &e);
}

static void access_event(outrider_stats *st, const model_shim_outputs *o, uint64_t cycle,
                         event_log *log)
{
    unsigned c = o->dc_acc_tid < OUTRIDER_MAX_CTX ? o->dc_acc_tid : 0;
    unsigned cls = o->dc_acc_cls;
    int load = is_load_op(o->dc_acc_op);
    int posted = o->dc_acc_op == OUTRIDER_OP_STORE_POSTED;   /* a store answered as posted */
    outrider_dcache_ctx_stats *d = &st->dcache.ctx[c];
    if (cls == OUTRIDER_CLS_UNCACHED) {
        d->uncached++;
    } else {
        if (load) {
            d->loads++;
            if (cls == OUTRIDER_CLS_MISS || cls == OUTRIDER_CLS_DROPPED)
                d->load_misses++;
        } else {
            d->stores++;
            if (cls == OUTRIDER_CLS_MISS)
                d->store_misses++;
            if (posted)
                d->posted_stores++;
        }
        if (cls == OUTRIDER_CLS_MERGE || cls == OUTRIDER_CLS_LATE)
            d->mshr_merges++;
        if (cls == OUTRIDER_CLS_USEFUL)
            st->preexec.useful_fills++;
        if (cls == OUTRIDER_CLS_LATE)
            st->preexec.late_fills++;
        if (load && !o->dc_acc_spec) {
            st->preexec.main_loads++;
            if (cls == OUTRIDER_CLS_MISS)
                st->preexec.main_load_misses++;
        }
    }
    if (log)
        put(log, cycle, load ? OUTRIDER_EV_LOAD : OUTRIDER_EV_STORE, c, o->dc_acc_spec,
            o->dc_acc_addr, o->dc_acc_op, cls, 0);
}

static void pex_events(outrider_stats *st, unsigned bits, uint64_t cycle, event_log *log)
{
    outrider_preexec_stats *p = &st->preexec;
    p->spawned += (bits >> OUTRIDER_PEX_SPAWN) & 1u;
    p->refused += (bits >> OUTRIDER_PEX_REFUSED) & 1u;
    p->cancelled += (bits >> OUTRIDER_PEX_CANCEL) & 1u;
    p->budget_stops += (bits >> OUTRIDER_PEX_BUDGET_STOP) & 1u;
    p->exception_stops += (bits >> OUTRIDER_PEX_EXC_STOP) & 1u;
    p->stops += (bits >> OUTRIDER_PEX_STOP) & 1u;
    p->stores_buffered += (bits >> OUTRIDER_PEX_STORE_BUFFERED) & 1u;
    p->mmio_loads_suppressed += (bits >> OUTRIDER_PEX_MMIO_SUPPRESSED) & 1u;
    if (log)
        for (unsigned b = 0; b < OUTRIDER_PEX_EVENTS; b++)
            if ((bits >> b) & 1u)
                put(log, cycle, OUTRIDER_EV_PEX, 0, 0, 0, 0, b, 0);
}

/* Where context c's cycle goes, by what its lane's ID stage does (lane c holds
 * only context c's instructions): the lane holds; ID stalls; ID passes an
 * instruction to EX; or ID has nothing (empty or squashed), then by whether
 * the context could fetch the cycle before (ready_prev: its IF was eligible). */
static void cycle_class(outrider_ctx_stats *s, const model_shim_outputs *o, unsigned c,
                        unsigned ready_prev)
{
    unsigned flags = c < MODEL_SHIM_NUM_CTX ? o->pipe_flags[c] : 0;
    unsigned id = (o->pipe_valid >> (MODEL_SHIM_PIPE_STAGES * c + MODEL_SHIM_PIPE_ID)) & 1u;
    if (flags & MODEL_SHIM_PIPE_HOLD)
        s->hold_cycles++;
    else if (id && !(flags & MODEL_SHIM_PIPE_ID_KILL) && (flags & MODEL_SHIM_PIPE_ID_STALL))
        s->id_stall_cycles++;
    else if (id && !(flags & MODEL_SHIM_PIPE_ID_KILL))
        s->issue_cycles++;
    else if (ready_prev)
        s->frontend_cycles++;
    else
        s->wait_cycles++;
}

void cycle_stats_sample(outrider_stats *st, const model_shim_outputs *o, uint64_t cycle,
                        wb_mem_event bus, const wb_mem_req *bus_req, event_log *log)
{
    for (unsigned c = 0; c < st->num_ctx; c++) {
        unsigned retired = (o->retire_valid >> c) & 1u, late = (o->retire_late >> c) & 1u;
        if ((o->ctx_pthread >> c) & 1u) {
            st->preexec.instructions += retired;
            st->preexec.nb_loads += late;
        } else {
            st->ctx[c].retired += retired;
            st->ctx[c].nb_loads += late;
        }
        st->ctx[c].cycles_active += (o->ctx_active >> c) & 1u;
        unsigned dlost = (o->dport_lost >> c) & 1u;
        st->ctx[c].dport_lost += dlost;
        if ((o->ctx_pthread >> c) & 1u)
            st->preexec.no_slot_cycles += dlost;
        unsigned n = st->num_ctx, ready = (o->core_ev >> c) & 1u,
                 lost = (o->core_ev >> (n + c)) & 1u;
        if ((o->ctx_pthread >> c) & 1u) {
            st->preexec.ready_cycles += ready;
            st->preexec.slot_lost_cycles += lost;
        } else {
            st->ctx[c].ready_cycles += ready;
            st->ctx[c].slot_lost_cycles += lost;
            st->ctx[c].mispredicts += (o->core_ev >> (2 * n + c)) & 1u;
            st->ctx[c].branches += (o->core_ev >> (3 * n + c)) & 1u;
        }
        if ((o->ctx_active >> c) & 1u)
            cycle_class(&st->ctx[c], o, c, (st->ready_prev >> c) & 1u);
    }
    st->ready_prev = o->core_ev & ((1u << st->num_ctx) - 1u);
    if (o->pex_event)
        pex_events(st, o->pex_event, cycle, log);
    for (unsigned c = 0; c < st->num_ctx; c++) {
        unsigned held = (o->pex_hold >> c) & 1u, was = (st->pex_hold_prev >> c) & 1u;
        st->preexec.throttled_cycles += held;
        st->preexec.holds += held && !was;
        if (log && held != was)
            put(log, cycle, OUTRIDER_EV_PEX, c, 1, 0, 0,
                held ? OUTRIDER_PEX_HOLD : OUTRIDER_PEX_RELEASE, 0);
    }
    st->pex_hold_prev = o->pex_hold;
    if (o->pf_valid) {
        st->dcache.prefetch_hints++;
        if (log)
            put(log, cycle, OUTRIDER_EV_PREFETCH, o->pf_tid, o->pf_spec, o->pf_addr, 0, 0, 0);
    }
    if (o->dc_acc_valid)
        access_event(st, o, cycle, log);
    if (o->dc_fill_valid) {
        st->dcache.fills++;
        st->dcache.prefetch_fills += o->dc_fill_pref;
        st->preexec.fills += o->dc_fill_spec;
        if (log)
            put(log, cycle, OUTRIDER_EV_FILL, o->dc_fill_tid, o->dc_fill_spec, o->dc_fill_addr, 0,
                0, o->dc_fill_pref ? OUTRIDER_EVF_PREFETCH : 0);
    }
    if (o->dc_wb_valid) {
        unsigned c = o->dc_wb_tid < OUTRIDER_MAX_CTX ? o->dc_wb_tid : 0;
        st->dcache.ctx[c].writebacks++;
        st->dcache.writebacks++;
        if (log)
            put(log, cycle, OUTRIDER_EV_WRITEBACK, c, 0, o->dc_wb_addr, 0, 0, 0);
    }
    if (o->dc_evict_valid) {
        st->dcache.evictions++;
        st->preexec.useless_fills += o->dc_evict_useless;
        st->preexec.spared_fills += o->dc_evict_spared;
        if (log)
            put(log, cycle, OUTRIDER_EV_EVICT, 0, 0, o->dc_evict_addr, 0, 0,
                (o->dc_evict_useless ? OUTRIDER_EVF_USELESS : 0u) |
                (o->dc_evict_spared ? OUTRIDER_EVF_SPARED : 0u));
    }
    if (o->dc_mshr_full) {
        st->dcache.mshr_full_stall_cycles++;
        for (unsigned c = 0; c < st->num_ctx; c++) {
            if ((o->dc_mshr_full >> c) & 1u) {
                st->dcache.ctx[c].mshr_full_stall_cycles++;
                if (log)
                    put(log, cycle, OUTRIDER_EV_MSHR_FULL, c, 0, 0, 0, 0, 0);
            }
        }
    }
    if (log && bus == WB_MEM_ACCESS)
        put(log, cycle, OUTRIDER_EV_BUS, 0, 0, bus_req->adr, bus_req->we, 0,
            bus_req->cti == 2 ? OUTRIDER_EVF_BURST : 0);
}
