// SPDX-License-Identifier: Apache-2.0
/*
 * model_shim.h - a C interface to the Verilated outrider_soc model.
 *
 * The only C++ in the test bench is behind this header (model_shim.cpp).
 * A model_shim is an opaque handle owning one Voutrider_soc and its own
 * VerilatedContext, so several handles can coexist in one process.
 *
 * What it does: create/destroy, eval, a setter for every input port and a
 * getter for every output port of outrider_soc (ports that are NumCtx wide
 * vectors also have per-context accessors), and opt-in FST tracing.
 * What it does not do: clocking policy, memory, reset sequencing; the
 * caller (tb/lib/outrider_sim.c) drives the ports cycle by cycle.
 *
 * Port widths: retire_pc_o, retire_insn_o and retire_rd_wdata_o are
 * NumCtx*32 = 64 bits (context c in bits [32c+31:32c]); retire_rd_o is
 * NumCtx*5 bits (context c in bits [5c+4:5c]); the NumCtx-wide masks
 * (meip_i, retire_valid_o, retire_rd_we_o, ctx_active_o) have bit c for
 * context c. The shim is built for MODEL_SHIM_NUM_CTX contexts (checked
 * at compile time against the generated model).
 *
 * The retirement port (retire_*, trap_*: docs/verification.md) has
 * per-context getters and model_shim_get_retire().
 *
 * Inputs the caller may leave alone: pex_enable_i starts at 1,
 * perfect_dcache_i at 0, dbg_addr_i at 0.
 *
 * Tracing costs nothing until model_shim_trace_open() is called; after it,
 * every model_shim_trace_dump() writes the signal changes at the given time
 * (in units of the model's time precision, 1 ps by default).
 */
#ifndef MODEL_SHIM_H
#define MODEL_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MODEL_SHIM_NUM_CTX 2

typedef struct model_shim model_shim;

/* All outputs of the model in one struct (one call per cycle in hot loops). */
typedef struct {
    uint32_t imem_req;       /* bit t: lane t fetches (one instruction port per lane) */
    uint32_t imem_addr[MODEL_SHIM_NUM_CTX];
    uint8_t  wb_cyc, wb_stb, wb_we, wb_sel, wb_cti, wb_bte;
    uint32_t wb_adr, wb_dat;
    uint8_t  console_valid, console_data;
    uint8_t  exit_valid, exit_tohost;
    uint32_t exit_value;
    uint32_t retire_valid;   /* bit c: context c retired an instruction */
    uint32_t ctx_active;     /* bit c: context c is running */
    uint32_t ctx_pthread;    /* bit c: context c runs a p-thread */
    uint8_t  pex_event;      /* PexEv* pulses (rtl/include/outrider_defs.svh) */
    uint32_t pex_hold;       /* bit c: p-thread context c held by distance control */
    uint32_t core_ev;        /* outrider_soc core_ev_o: bit c ready, N+c slot lost,
                                2N+c EX redirect (mispredict), 3N+c a branch/jump
                                retired (N = NumCtx) */
    uint8_t  pf_valid, pf_tid, pf_spec;  /* a prefetch hint committed (Zicbop) */
    uint32_t pf_addr;
    /* data cache event pulses (docs/dcache.md "Events") */
    uint8_t  dc_acc_valid, dc_acc_tid, dc_acc_spec, dc_acc_op, dc_acc_cls;
    uint32_t dc_acc_addr;
    uint8_t  dc_fill_valid, dc_fill_tid, dc_fill_spec, dc_fill_pref;
    uint32_t dc_fill_addr;
    uint8_t  dc_wb_valid, dc_wb_tid;
    uint32_t dc_wb_addr;
    uint8_t  dc_evict_valid, dc_evict_useless;
    uint8_t  dc_evict_spared;  /* the victim is not the pseudo-LRU way: that one, an unused
                                * p-thread fill, was spared (docs/dcache.md section 2) */
    uint32_t dc_evict_addr;
    uint32_t dc_mshr_full;   /* bit c: context c is parked for lack of an MSHR */
    uint32_t trap_valid;     /* bit c: context c (a hart) took a trap */
    uint8_t  console_err;    /* with console_valid: the byte is for the error console */
    uint32_t dport_lost;     /* bit c: context c's memory request lost the data-port
                              * arbitration between the lanes (it replays) */
    uint32_t retire_late;    /* bit c: context c retired a load whose value comes later */
    uint32_t late_we;        /* bit c: an outstanding load of context c writes its
                              * register now (late_rd_o, late_wdata_o) */
    uint32_t pipe_valid;     /* dbg_pipe_valid_o: bit 5t+s = lane t's stage s holds an
                              * instruction (MODEL_SHIM_PIPE_*; 0 unless SimDebug) */
    uint32_t pipe_flags[MODEL_SHIM_NUM_CTX];  /* dbg_pipe_flags_o of lane t (MODEL_SHIM_PIPE_*) */
} model_shim_outputs;

/* The retirement port of one context in one cycle (read it with
 * model_shim_get_retire only in cycles where retire_valid or trap_valid has
 * bit c set). */
typedef struct {
    uint8_t  retire;         /* an instruction retired: pc .. addr are valid */
    uint8_t  pthread;        /* the context runs a p-thread (ignore the record) */
    uint8_t  rd_we, rd;
    uint8_t  rd_late;        /* an outstanding load: rd's value comes in a later late write */
    uint32_t pc, insn, rd_wdata;
    uint32_t addr;           /* data address (memory operations) */
    uint8_t  trap;           /* a trap was taken (after the retirement, if any) */
    uint32_t trap_cause, trap_tval;
    uint8_t  late_we, late_rd;   /* an outstanding load writes x[late_rd] now */
    uint32_t late_wdata;
} model_shim_retire;

/* NULL if out of memory. The model's inputs start at 0 (rst_ni low). */
model_shim *model_shim_create(void);
void        model_shim_destroy(model_shim *m);   /* closes any open trace */

void     model_shim_eval(model_shim *m);
unsigned model_shim_num_ctx(const model_shim *m);
/* Non-zero once the design executed $finish. */
int      model_shim_got_finish(const model_shim *m);

/* ---- inputs ---- */
void model_shim_set_clk_i(model_shim *m, unsigned v);
void model_shim_set_rst_ni(model_shim *m, unsigned v);
/* instruction port of lane `lane` (< MODEL_SHIM_NUM_CTX; others ignored) */
void model_shim_set_imem_rdata_i(model_shim *m, unsigned lane, uint32_t v);
void model_shim_set_imem_err_i(model_shim *m, unsigned lane, unsigned v);
void model_shim_set_wb_dat_i(model_shim *m, uint32_t v);
void model_shim_set_wb_ack_i(model_shim *m, unsigned v);
void model_shim_set_wb_err_i(model_shim *m, unsigned v);
void model_shim_set_wb_stall_i(model_shim *m, unsigned v);
void model_shim_set_meip_i(model_shim *m, uint32_t mask);
void model_shim_set_meip_ctx(model_shim *m, unsigned ctx, unsigned v);
void model_shim_set_tohost_en_i(model_shim *m, unsigned v);
void model_shim_set_tohost_addr_i(model_shim *m, uint32_t v);
void model_shim_set_pex_enable_i(model_shim *m, unsigned v);
/* set = 1: pexdist after reset is v (0 = distance control off); set = 0
 * (the default): the RTL's default, half the cache's lines */
void model_shim_set_pex_dist_i(model_shim *m, unsigned set, unsigned v);
void model_shim_set_perfect_dcache_i(model_shim *m, unsigned v);

/* Backdoor lookup of the data cache (outrider_soc dbg_* ports, combinational):
 * sets dbg_addr_i, evaluates the model without a clock edge (twice when the
 * cache holds something: the second time with dbg_addr_i[1:0] = 1, the lanes
 * query) and returns the
 * byte lanes (bit b = byte b, 0xF a whole word) of the word at addr for which
 * the cache holds a newer copy than memory, with *data = those bytes (from a
 * dirty line, the write-back buffer, or posted store bytes of a line in
 * flight), or 0 if it holds none. Call it only between cycles (after a
 * rising edge). */
int      model_shim_dbg_read(model_shim *m, uint32_t addr, uint32_t *data);
/* Non-zero if the cache holds any dirty data (valid between cycles). */
unsigned model_shim_dbg_dirty_any(const model_shim *m);

/* ---- outputs ---- */
uint32_t model_shim_get_imem_req_o(const model_shim *m);   /* bit t: lane t */
uint32_t model_shim_get_imem_addr_o(const model_shim *m, unsigned lane);
unsigned model_shim_get_wb_cyc_o(const model_shim *m);
unsigned model_shim_get_wb_stb_o(const model_shim *m);
unsigned model_shim_get_wb_we_o(const model_shim *m);
uint32_t model_shim_get_wb_adr_o(const model_shim *m);
unsigned model_shim_get_wb_sel_o(const model_shim *m);
uint32_t model_shim_get_wb_dat_o(const model_shim *m);
unsigned model_shim_get_console_valid_o(const model_shim *m);
unsigned model_shim_get_console_data_o(const model_shim *m);
unsigned model_shim_get_exit_valid_o(const model_shim *m);
unsigned model_shim_get_exit_tohost_o(const model_shim *m);
uint32_t model_shim_get_exit_value_o(const model_shim *m);
uint32_t model_shim_get_retire_valid_o(const model_shim *m);
uint64_t model_shim_get_retire_pc_o(const model_shim *m);
uint64_t model_shim_get_retire_insn_o(const model_shim *m);
uint32_t model_shim_get_retire_rd_we_o(const model_shim *m);
uint32_t model_shim_get_retire_rd_o(const model_shim *m);
uint64_t model_shim_get_retire_rd_wdata_o(const model_shim *m);
uint32_t model_shim_get_ctx_active_o(const model_shim *m);

/* Per-context slices of the vector ports (ctx < MODEL_SHIM_NUM_CTX;
 * out-of-range contexts read 0). */
unsigned model_shim_get_retire_valid_ctx(const model_shim *m, unsigned ctx);
uint32_t model_shim_get_retire_pc_ctx(const model_shim *m, unsigned ctx);
uint32_t model_shim_get_retire_insn_ctx(const model_shim *m, unsigned ctx);
unsigned model_shim_get_retire_rd_we_ctx(const model_shim *m, unsigned ctx);
unsigned model_shim_get_retire_rd_ctx(const model_shim *m, unsigned ctx);
uint32_t model_shim_get_retire_rd_wdata_ctx(const model_shim *m, unsigned ctx);
unsigned model_shim_get_ctx_active_ctx(const model_shim *m, unsigned ctx);

/* Fill *o with every output (same values as the getters above). */
void model_shim_get_outputs(const model_shim *m, model_shim_outputs *o);

/* The retirement port of context ctx (< MODEL_SHIM_NUM_CTX) this cycle. */
void model_shim_get_retire(const model_shim *m, unsigned ctx, model_shim_retire *r);
/* Register x[reg] of context ctx as the register file holds it now (a
 * debug read of the bank, valid between cycles; x0 reads 0). */
uint32_t model_shim_read_reg(const model_shim *m, unsigned ctx, unsigned reg);

/* ---- pipeline debug record (outrider_soc dbg_pipe_*, SimDebug = 1) ----
 * What each stage of one issue lane holds in the current cycle (read it
 * after the clk-low evaluation, like the other outputs). Lane t holds only
 * context t's instructions. Stage index: MODEL_SHIM_PIPE_IF ..
 * MODEL_SHIM_PIPE_WB. IF's insn is 0 (the word arrives in ID). */
enum { MODEL_SHIM_PIPE_IF, MODEL_SHIM_PIPE_ID, MODEL_SHIM_PIPE_EX, MODEL_SHIM_PIPE_MEM,
       MODEL_SHIM_PIPE_WB, MODEL_SHIM_PIPE_STAGES };
/* flags: what happens to a stage's instruction at the end of this cycle */
#define MODEL_SHIM_PIPE_IF_KILL    (1u << 0)  /* IF's fetch is squashed */
#define MODEL_SHIM_PIPE_ID_STALL   (1u << 1)  /* ID holds its instruction */
#define MODEL_SHIM_PIPE_ID_KILL    (1u << 2)
#define MODEL_SHIM_PIPE_EX_KILL    (1u << 3)
#define MODEL_SHIM_PIPE_MEM_ADV    (1u << 4)  /* MEM's instruction goes on to WB */
#define MODEL_SHIM_PIPE_MEM_TRAP   (1u << 5)
#define MODEL_SHIM_PIPE_MEM_REPLAY (1u << 6)  /* not accepted by the data side (or a shared
                                               * resource of another lane): re-fetched */
#define MODEL_SHIM_PIPE_WB_PARK    (1u << 7)  /* completes later on the retirement port */
#define MODEL_SHIM_PIPE_WB_ERR     (1u << 8)  /* access fault in WB */
#define MODEL_SHIM_PIPE_HOLD       (1u << 9)  /* the lane holds (MEM lost the data port to
                                               * another lane, or waits behind a WB that
                                               * waits): IF does not fetch, ID, EX and MEM
                                               * keep theirs */
#define MODEL_SHIM_PIPE_WB_KILL    (1u << 10) /* WB's instruction is squashed (the squash a
                                               * cycle after the one before it parked) */
typedef struct {
    uint8_t  valid[MODEL_SHIM_PIPE_STAGES];
    uint8_t  tid[MODEL_SHIM_PIPE_STAGES];
    uint32_t pc[MODEL_SHIM_PIPE_STAGES];
    uint32_t insn[MODEL_SHIM_PIPE_STAGES];
    uint16_t flags;
} model_shim_pipe;
void model_shim_get_pipe(const model_shim *m, unsigned lane, model_shim_pipe *p);

/* The roi CSR (0x7C2, region of interest: sw/include/outrider/roi.h) as the
 * core holds it now (outrider_csr_file's roi_q, read through the model like
 * the register file; valid between cycles). */
unsigned model_shim_roi(const model_shim *m);

/* Context ctx's mtvec and mepc as its CSRs hold them now (read through the
 * model like the register file; valid between cycles). */
void model_shim_trap_csrs(const model_shim *m, unsigned ctx, uint32_t *mtvec, uint32_t *mepc);

/* The model's parameters (outrider_soc params_o: constants of the build). */
typedef struct {
    unsigned num_ctx, pause_cycles, select_policy, store_buf_entries, default_budget;
    unsigned dcache_bytes, dcache_ways, dcache_line, dcache_mshrs, dcache_prefetch;
    unsigned dcache_posted, nb_loads, pex_miss_wait, pex_mshr_reserve;
} model_shim_params;
void model_shim_get_params(const model_shim *m, model_shim_params *p);

/* ---- FST tracing ---- */
/* Open an FST file; 0 on success, -1 if the file cannot be created or a
 * trace is already open. */
int  model_shim_trace_open(model_shim *m, const char *path);
/* Record the current signal values at time t (no-op if no trace is open). */
void model_shim_trace_dump(model_shim *m, uint64_t t);
void model_shim_trace_close(model_shim *m);   /* no-op if none open */
int  model_shim_trace_is_open(const model_shim *m);

#ifdef __cplusplus
}
#endif
#endif
