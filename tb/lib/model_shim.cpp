// SPDX-License-Identifier: Apache-2.0
// model_shim.cpp - the extern "C" shim over the Verilated outrider_soc
// (see model_shim.h for the contract). The only C++ in the test bench.
// Each handle owns its VerilatedContext, model and (optional) FST writer.
#include "model_shim.h"

#include <cstdio>
#include <memory>
#include <new>
#include <type_traits>

#include "verilated.h"
#include "verilated_fst_c.h"
#include "Voutrider_soc.h"
#include "Voutrider_soc___024root.h"

namespace {
constexpr unsigned kNumCtx = MODEL_SHIM_NUM_CTX;
using Top = Voutrider_soc;
// The vector ports must be what this shim was written for (NumCtx = 2).
static_assert(sizeof(Top::retire_pc_o) == 8, "retire_pc_o is not NumCtx*32 = 64 bits");
static_assert(sizeof(Top::retire_insn_o) == 8, "retire_insn_o is not 64 bits");
static_assert(sizeof(Top::retire_rd_wdata_o) == 8, "retire_rd_wdata_o is not 64 bits");
static_assert(sizeof(Top::retire_rd_o) <= 4, "retire_rd_o is wider than 32 bits");
static_assert(sizeof(Top::retire_addr_o) == 8, "retire_addr_o is not 64 bits");
static_assert(sizeof(Top::trap_cause_o) == 8, "trap_cause_o is not 64 bits");
// the pipeline debug record: five stages per lane of 32-bit pc/insn (NumCtx =
// 2 lanes: 1-bit tids, 16 flag bits per lane)
static_assert(sizeof(Top::dbg_pipe_pc_o) == 5 * kNumCtx * 4, "dbg_pipe_pc_o is not 5 x 2 x 32 bits");
static_assert(sizeof(Top::dbg_pipe_insn_o) == 5 * kNumCtx * 4,
              "dbg_pipe_insn_o is not 5 x 2 x 32 bits");
static_assert(sizeof(Top::dbg_pipe_flags_o) == 4, "dbg_pipe_flags_o is not 2 x 16 bits");
// one instruction port per lane
static_assert(sizeof(Top::imem_addr_o) == 8, "imem_addr_o is not NumCtx*32 = 64 bits");
static_assert(sizeof(Top::imem_rdata_i) == 8, "imem_rdata_i is not 64 bits");

inline uint32_t ctx_mask(unsigned ctx) { return ctx < kNumCtx ? 1u << ctx : 0u; }
inline uint32_t word_of(uint64_t v, unsigned ctx) {
    return ctx < kNumCtx ? static_cast<uint32_t>(v >> (32 * ctx)) : 0u;
}
}  // namespace

struct model_shim {
    std::unique_ptr<VerilatedContext> ctx;
    std::unique_ptr<Top> top;
    std::unique_ptr<VerilatedFstC> fst;
};

extern "C" {

model_shim *model_shim_create(void) {
    model_shim *m = new (std::nothrow) model_shim;
    if (!m) return nullptr;
    try {
        m->ctx.reset(new VerilatedContext);
        m->ctx->randReset(0);  // deterministic: uninitialised state is 0
        m->top.reset(new Top{m->ctx.get(), "TOP"});
    } catch (...) {
        delete m;
        return nullptr;
    }
    Top *t = m->top.get();
    t->clk_i = 0;
    t->rst_ni = 0;
    t->imem_rdata_i = 0;
    t->imem_err_i = 0;
    t->wb_dat_i = 0;
    t->wb_ack_i = 0;
    t->wb_err_i = 0;
    t->wb_stall_i = 0;
    t->meip_i = 0;
    t->tohost_en_i = 0;
    t->tohost_addr_i = 0;
    t->pex_enable_i = 1;
    t->pex_dist_set_i = 0;
    t->pex_dist_i = 0;
    t->perfect_dcache_i = 0;
    t->dbg_addr_i = 0;
    t->ext_rdata_i = 0;   // the Ext window (board devices) is unconnected here
    t->io_ready_i = 1;    // no back-pressure from the console
    return m;
}

void model_shim_destroy(model_shim *m) {
    if (!m) return;
    model_shim_trace_close(m);
    m->top->final();
    delete m;
}

void model_shim_eval(model_shim *m) { m->top->eval(); }
unsigned model_shim_num_ctx(const model_shim *) { return kNumCtx; }
int model_shim_got_finish(const model_shim *m) { return m->ctx->gotFinish() ? 1 : 0; }

// ---- inputs ----
void model_shim_set_clk_i(model_shim *m, unsigned v) { m->top->clk_i = v & 1u; }
void model_shim_set_rst_ni(model_shim *m, unsigned v) { m->top->rst_ni = v & 1u; }
void model_shim_set_imem_rdata_i(model_shim *m, unsigned lane, uint32_t v) {
    if (lane >= kNumCtx) return;
    const unsigned sh = 32 * lane;
    m->top->imem_rdata_i = (m->top->imem_rdata_i & ~(0xFFFFFFFFull << sh)) |
                           (static_cast<uint64_t>(v) << sh);
}
void model_shim_set_imem_err_i(model_shim *m, unsigned lane, unsigned v) {
    if (lane >= kNumCtx) return;
    m->top->imem_err_i = (m->top->imem_err_i & ~ctx_mask(lane)) | ((v & 1u) ? ctx_mask(lane) : 0u);
}
void model_shim_set_wb_dat_i(model_shim *m, uint32_t v) { m->top->wb_dat_i = v; }
void model_shim_set_wb_ack_i(model_shim *m, unsigned v) { m->top->wb_ack_i = v & 1u; }
void model_shim_set_wb_err_i(model_shim *m, unsigned v) { m->top->wb_err_i = v & 1u; }
void model_shim_set_wb_stall_i(model_shim *m, unsigned v) { m->top->wb_stall_i = v & 1u; }
void model_shim_set_meip_i(model_shim *m, uint32_t mask) {
    m->top->meip_i = mask & ((1u << kNumCtx) - 1u);
}
void model_shim_set_meip_ctx(model_shim *m, unsigned ctx, unsigned v) {
    uint32_t mask = m->top->meip_i;
    mask = (v & 1u) ? (mask | ctx_mask(ctx)) : (mask & ~ctx_mask(ctx));
    m->top->meip_i = mask;
}
void model_shim_set_tohost_en_i(model_shim *m, unsigned v) { m->top->tohost_en_i = v & 1u; }
void model_shim_set_tohost_addr_i(model_shim *m, uint32_t v) { m->top->tohost_addr_i = v; }
void model_shim_set_pex_enable_i(model_shim *m, unsigned v) { m->top->pex_enable_i = v & 1u; }
void model_shim_set_pex_dist_i(model_shim *m, unsigned set, unsigned v) {
    m->top->pex_dist_set_i = set & 1u;
    m->top->pex_dist_i = v & 0xFFFFu;
}
void model_shim_set_perfect_dcache_i(model_shim *m, unsigned v) {
    m->top->perfect_dcache_i = v & 1u;
}

int model_shim_dbg_read(model_shim *m, uint32_t addr, uint32_t *data) {
    m->top->dbg_addr_i = addr & ~3u;
    m->top->eval();
    if (!m->top->dbg_hit_o) return 0;
    *data = m->top->dbg_data_o;
    // which bytes are the cache's: the lanes query (dbg_addr_i[1:0] = 1)
    m->top->dbg_addr_i = (addr & ~3u) | 1u;
    m->top->eval();
    unsigned lanes = m->top->dbg_data_o & 0xFu;
    m->top->dbg_addr_i = addr;
    m->top->eval();
    return lanes ? (int)lanes : 0xF;
}
unsigned model_shim_dbg_dirty_any(const model_shim *m) { return m->top->dbg_dirty_any_o; }

// ---- outputs ----
uint32_t model_shim_get_imem_req_o(const model_shim *m) { return m->top->imem_req_o; }
uint32_t model_shim_get_imem_addr_o(const model_shim *m, unsigned lane) {
    return word_of(m->top->imem_addr_o, lane);
}
unsigned model_shim_get_wb_cyc_o(const model_shim *m) { return m->top->wb_cyc_o; }
unsigned model_shim_get_wb_stb_o(const model_shim *m) { return m->top->wb_stb_o; }
unsigned model_shim_get_wb_we_o(const model_shim *m) { return m->top->wb_we_o; }
uint32_t model_shim_get_wb_adr_o(const model_shim *m) { return m->top->wb_adr_o; }
unsigned model_shim_get_wb_sel_o(const model_shim *m) { return m->top->wb_sel_o; }
uint32_t model_shim_get_wb_dat_o(const model_shim *m) { return m->top->wb_dat_o; }
unsigned model_shim_get_console_valid_o(const model_shim *m) { return m->top->console_valid_o; }
unsigned model_shim_get_console_data_o(const model_shim *m) { return m->top->console_data_o; }
unsigned model_shim_get_exit_valid_o(const model_shim *m) { return m->top->exit_valid_o; }
unsigned model_shim_get_exit_tohost_o(const model_shim *m) { return m->top->exit_tohost_o; }
uint32_t model_shim_get_exit_value_o(const model_shim *m) { return m->top->exit_value_o; }
uint32_t model_shim_get_retire_valid_o(const model_shim *m) { return m->top->retire_valid_o; }
uint64_t model_shim_get_retire_pc_o(const model_shim *m) { return m->top->retire_pc_o; }
uint64_t model_shim_get_retire_insn_o(const model_shim *m) { return m->top->retire_insn_o; }
uint32_t model_shim_get_retire_rd_we_o(const model_shim *m) { return m->top->retire_rd_we_o; }
uint32_t model_shim_get_retire_rd_o(const model_shim *m) { return m->top->retire_rd_o; }
uint64_t model_shim_get_retire_rd_wdata_o(const model_shim *m) { return m->top->retire_rd_wdata_o; }
uint32_t model_shim_get_ctx_active_o(const model_shim *m) { return m->top->ctx_active_o; }

unsigned model_shim_get_retire_valid_ctx(const model_shim *m, unsigned ctx) {
    return (m->top->retire_valid_o & ctx_mask(ctx)) ? 1u : 0u;
}
uint32_t model_shim_get_retire_pc_ctx(const model_shim *m, unsigned ctx) {
    return word_of(m->top->retire_pc_o, ctx);
}
uint32_t model_shim_get_retire_insn_ctx(const model_shim *m, unsigned ctx) {
    return word_of(m->top->retire_insn_o, ctx);
}
unsigned model_shim_get_retire_rd_we_ctx(const model_shim *m, unsigned ctx) {
    return (m->top->retire_rd_we_o & ctx_mask(ctx)) ? 1u : 0u;
}
unsigned model_shim_get_retire_rd_ctx(const model_shim *m, unsigned ctx) {
    return ctx < kNumCtx ? (static_cast<uint32_t>(m->top->retire_rd_o) >> (5 * ctx)) & 0x1Fu : 0u;
}
uint32_t model_shim_get_retire_rd_wdata_ctx(const model_shim *m, unsigned ctx) {
    return word_of(m->top->retire_rd_wdata_o, ctx);
}
unsigned model_shim_get_ctx_active_ctx(const model_shim *m, unsigned ctx) {
    return (m->top->ctx_active_o & ctx_mask(ctx)) ? 1u : 0u;
}

void model_shim_get_outputs(const model_shim *m, model_shim_outputs *o) {
    const Top *t = m->top.get();
    o->imem_req = t->imem_req_o;
    for (unsigned l = 0; l < kNumCtx; l++) o->imem_addr[l] = word_of(t->imem_addr_o, l);
    o->wb_cyc = t->wb_cyc_o;
    o->wb_stb = t->wb_stb_o;
    o->wb_we = t->wb_we_o;
    o->wb_sel = t->wb_sel_o;
    o->wb_adr = t->wb_adr_o;
    o->wb_dat = t->wb_dat_o;
    o->console_valid = t->console_valid_o;
    o->console_data = t->console_data_o;
    o->exit_valid = t->exit_valid_o;
    o->exit_tohost = t->exit_tohost_o;
    o->exit_value = t->exit_value_o;
    o->retire_valid = t->retire_valid_o;
    o->late_we = t->late_we_o;
    o->pipe_valid = t->dbg_pipe_valid_o;
    for (unsigned l = 0; l < kNumCtx; l++)
        o->pipe_flags[l] = (t->dbg_pipe_flags_o >> (16 * l)) & 0xFFFFu;
    o->retire_late = t->retire_rd_late_o;
    o->ctx_active = t->ctx_active_o;
    o->wb_cti = t->wb_cti_o;
    o->wb_bte = t->wb_bte_o;
    o->ctx_pthread = t->ctx_pthread_o;
    o->pex_event = t->pex_event_o;
    o->pex_hold = t->pex_hold_o;
    o->core_ev = t->core_ev_o;
    o->pf_valid = t->dpf_valid_o;
    o->pf_tid = t->dpf_tid_o;
    o->pf_spec = t->dpf_spec_o;
    o->pf_addr = t->dpf_addr_o;
    o->dc_acc_valid = t->dc_ev_acc_valid_o;
    o->dc_acc_tid = t->dc_ev_acc_tid_o;
    o->dc_acc_spec = t->dc_ev_acc_spec_o;
    o->dc_acc_op = t->dc_ev_acc_op_o;
    o->dc_acc_cls = t->dc_ev_acc_cls_o;
    o->dc_acc_addr = t->dc_ev_acc_addr_o;
    o->dc_fill_valid = t->dc_ev_fill_valid_o;
    o->dc_fill_tid = t->dc_ev_fill_tid_o;
    o->dc_fill_spec = t->dc_ev_fill_spec_o;
    o->dc_fill_pref = t->dc_ev_fill_pref_o;
    o->dc_fill_addr = t->dc_ev_fill_addr_o;
    o->dc_wb_valid = t->dc_ev_wb_valid_o;
    o->dc_wb_tid = t->dc_ev_wb_tid_o;
    o->dc_wb_addr = t->dc_ev_wb_addr_o;
    o->dc_evict_valid = t->dc_ev_evict_valid_o;
    o->dc_evict_useless = t->dc_ev_evict_useless_o;
    o->dc_evict_spared = t->dc_ev_evict_spared_o;
    o->dc_evict_addr = t->dc_ev_evict_addr_o;
    o->dc_mshr_full = t->dc_ev_mshr_full_o;
    o->trap_valid = t->trap_valid_o;
    o->console_err = t->console_err_o;
    o->dport_lost = t->dport_lost_o;
}

void model_shim_get_retire(const model_shim *m, unsigned ctx, model_shim_retire *r) {
    const Top *t = m->top.get();
    const uint32_t bit = ctx_mask(ctx);
    r->retire = (t->retire_valid_o & bit) ? 1 : 0;
    r->pthread = (t->ctx_pthread_o & bit) ? 1 : 0;
    r->rd_we = (t->retire_rd_we_o & bit) ? 1 : 0;
    r->rd = ctx < kNumCtx ? (static_cast<uint32_t>(t->retire_rd_o) >> (5 * ctx)) & 0x1Fu : 0u;
    r->rd_late = (t->retire_rd_late_o & bit) ? 1 : 0;
    r->late_we = (t->late_we_o & bit) ? 1 : 0;
    r->late_rd = ctx < kNumCtx ? (static_cast<uint32_t>(t->late_rd_o) >> (5 * ctx)) & 0x1Fu : 0u;
    r->late_wdata = word_of(t->late_wdata_o, ctx);
    r->pc = word_of(t->retire_pc_o, ctx);
    r->insn = word_of(t->retire_insn_o, ctx);
    r->rd_wdata = word_of(t->retire_rd_wdata_o, ctx);
    r->addr = word_of(t->retire_addr_o, ctx);
    r->trap = (t->trap_valid_o & bit) ? 1 : 0;
    r->trap_cause = word_of(t->trap_cause_o, ctx);
    r->trap_tval = word_of(t->trap_tval_o, ctx);
}

uint32_t model_shim_read_reg(const model_shim *m, unsigned ctx, unsigned reg) {
    const auto *root = m->top->rootp;
    reg &= 31u;
    if (reg == 0) return 0;
    switch (ctx) {
    case 0: return root->outrider_soc__DOT__u_core__DOT__u_regfile__DOT__g_bank__BRA__0__KET____DOT__mem_a[reg];
    case 1: return root->outrider_soc__DOT__u_core__DOT__u_regfile__DOT__g_bank__BRA__1__KET____DOT__mem_a[reg];
    default: return 0;
    }
}

void model_shim_get_pipe(const model_shim *m, unsigned lane, model_shim_pipe *p) {
    const Top *t = m->top.get();
    constexpr unsigned kTidW = 1;  // $clog2(NumCtx) for NumCtx = 2
    if (lane >= kNumCtx) lane = 0;
    for (unsigned i = 0; i < MODEL_SHIM_PIPE_STAGES; i++) {
        const unsigned slot = MODEL_SHIM_PIPE_STAGES * lane + i;
        p->valid[i] = (t->dbg_pipe_valid_o >> slot) & 1u;
        p->tid[i] = (t->dbg_pipe_tid_o >> (kTidW * slot)) & ((1u << kTidW) - 1u);
        p->pc[i] = t->dbg_pipe_pc_o[slot];
        p->insn[i] = t->dbg_pipe_insn_o[slot];
    }
    p->flags = static_cast<uint16_t>(t->dbg_pipe_flags_o >> (16 * lane));
}

// ---- region of interest, parameters ----
unsigned model_shim_roi(const model_shim *m) {
    return m->top->rootp->outrider_soc__DOT__u_core__DOT__u_csr_file__DOT__roi_q & 1u;
}

void model_shim_trap_csrs(const model_shim *m, unsigned ctx, uint32_t *mtvec, uint32_t *mepc) {
    const auto *root = m->top->rootp;
    switch (ctx) {
    case 0:
        *mtvec = root->outrider_soc__DOT__u_core__DOT__u_csr_file__DOT__g_ctx__BRA__0__KET____DOT__u_csr__DOT__mtvec_q;
        *mepc = root->outrider_soc__DOT__u_core__DOT__u_csr_file__DOT__g_ctx__BRA__0__KET____DOT__u_csr__DOT__mepc_q;
        break;
    case 1:
        *mtvec = root->outrider_soc__DOT__u_core__DOT__u_csr_file__DOT__g_ctx__BRA__1__KET____DOT__u_csr__DOT__mtvec_q;
        *mepc = root->outrider_soc__DOT__u_core__DOT__u_csr_file__DOT__g_ctx__BRA__1__KET____DOT__u_csr__DOT__mepc_q;
        break;
    default:
        *mtvec = *mepc = 0;
        break;
    }
}

void model_shim_get_params(const model_shim *m, model_shim_params *p) {
    const auto &w = m->top->params_o;   // ten 32-bit words, word 0 = NumCtx
    p->num_ctx = w[0];
    p->pause_cycles = w[1];
    p->select_policy = w[2];
    p->store_buf_entries = w[3];
    p->default_budget = w[4];
    p->dcache_bytes = w[5];
    p->dcache_ways = w[6];
    p->dcache_line = w[7];
    p->dcache_mshrs = w[8];
    // word 9: DcachePrefetch | NbLoads << 8 | DcachePosted << 16 |
    // PexMissWait << 20 | PexMshrReserve << 24
    p->dcache_prefetch = w[9] & 0xFFu;
    p->nb_loads = (w[9] >> 8) & 0xFFu;
    p->dcache_posted = (w[9] >> 16) & 0xFu;
    p->pex_miss_wait = (w[9] >> 20) & 0xFu;
    p->pex_mshr_reserve = w[9] >> 24;
}

// ---- FST tracing ----
int model_shim_trace_open(model_shim *m, const char *path) {
    if (m->fst || !path) return -1;
    // The FST writer does not report a file it cannot create: probe first.
    std::FILE *probe = std::fopen(path, "wb");
    if (!probe) return -1;
    std::fclose(probe);
    try {
        m->ctx->traceEverOn(true);
        m->fst.reset(new VerilatedFstC);
        m->top->trace(m->fst.get(), 99);
        m->fst->open(path);
    } catch (...) {
        m->fst.reset();
        return -1;
    }
    if (!m->fst->isOpen()) {
        m->fst.reset();
        return -1;
    }
    return 0;
}

void model_shim_trace_dump(model_shim *m, uint64_t t) {
    if (m->fst) m->fst->dump(t);
}

void model_shim_trace_close(model_shim *m) {
    if (!m->fst) return;
    m->fst->close();
    m->fst.reset();
}

int model_shim_trace_is_open(const model_shim *m) { return m->fst ? 1 : 0; }

}  // extern "C"
