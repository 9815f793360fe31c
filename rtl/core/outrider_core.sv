// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_core: the two-context (NumCtx-context) in-order SMT pipeline.
//
// Five stages shared by all contexts: IF (thread select, fetch address),
// ID (decode, register read, JAL / backward-branch prediction, load-use
// interlock), EX (ALU, multiply, branch resolution, address generation),
// MEM (commit point: traps, interrupts, CSRs, data-side request, context
// control), WB (register write-back, retirement). Every instruction carries
// its context id (tid_*) and results are forwarded only within a context.
//
// Long operations leave the pipeline instead of stalling it: a memory access
// whose answer is not back when it reaches WB, and every divide, "parks" its
// context (its younger instructions are squashed and it stops fetching); the
// answer is later written to that context's register bank through its own
// write port and the context resumes at the next instruction. The other
// context keeps issuing meanwhile. pause and wfi likewise only remove their
// own context from thread selection.
//
// Pre-execution (docs/preexec.md): pex.spawn starts a free context as a
// speculative p-thread at a PC-relative label with a copy of the spawner's
// registers (free contexts' register banks mirror context 0's, so the copy
// costs no cycles). A p-thread never changes architectural state: its
// stores go to a private store buffer (with load forwarding), its loads to
// uncached ranges return 0 without an access, its exceptions stop it
// silently, it takes no interrupts, and CSR writes, AMOs, SC, mret, wfi and
// fence.i have no effect.
//
// This module is wiring only (docs/core.md "Structure"): one module per stage
// and unit, each owning its pipeline register or its state.
//   outrider_fetch      IF: thread select, fetch address; IF/ID register
//   outrider_bpred      IF: BTB, bimodal counters, return-address stacks
//                       (predicts at IF, trains at EX)
//   outrider_decode     ID: decoder, exceptions at decode, static prediction,
//                       load-use interlock; ID/EX register (outrider_idex_t)
//   outrider_regfile    the register banks (read in ID, data in EX)
//   outrider_execute    EX: forwarding, ALU, branches, address generation;
//                       EX/MEM register (outrider_exmem_t)
//   outrider_commit     MEM: the commit point (trap / execute / replay), the
//                       data-side request, CSR access; MEM/WB register
//                       (outrider_memwb_t)
//   outrider_writeback  WB: write-back, retirement, parking and late
//                       completion, register-file write ports, dividers
//   outrider_ctx_ctrl   per-context state, the next-PC priority, flushes,
//                       trap requests, hart.start
//   outrider_preexec    spawn, cancel, budget, p-thread request gating, store
//                       buffers, register mirror, pre-execution events
//   outrider_csr_file   per-context CSRs and pexctl/pexbudget/pexstatus
//
// What it is not: it has no caches and no memory; the instruction port is a
// 1-cycle block-RAM-like port, the data side a request/response interface
// (one outstanding request per context, answered in order per context, in
// any order across contexts) - see outrider_soc.sv and docs/core.md.
module outrider_core #(
  parameter int NumCtx      = 2,
  parameter int PauseCycles = 32,
  parameter int SelectPolicy    = 3,      // outrider_thread_select.sv
  parameter int StoreBufEntries = 8,      // p-thread store buffer, per context
  parameter int DefaultBudget   = 65536,  // pexbudget reset value
  parameter int DefaultPexDist  = 64,     // pexdist reset value (lines; the SoC: half the cache)
  parameter int BranchPredict   = 1,      // outrider_bpred.sv: 1 BTB/bimodal/RAS at IF, 0 static at ID
  parameter int BtbEntries      = 32,
  parameter int BhtEntries      = 128,
  parameter int RasDepth        = 4,
  parameter logic [31:0] BootAddr = 32'h8000_0000, // context 0's PC after reset
  parameter  int TidW       = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,

  output logic                     imem_req_o,
  output logic [31:0]              imem_addr_o,
  input  logic [31:0]              imem_rdata_i,
  input  logic                     imem_err_i,

  output logic                     dreq_valid_o,
  input  logic                     dreq_ready_i,
  output logic [TidW-1:0]          dreq_tid_o,
  output logic [2:0]               dreq_op_o,
  output logic [4:0]               dreq_amo_o,
  output logic [31:0]              dreq_addr_o,
  output logic [31:0]              dreq_wdata_o,
  output logic [3:0]               dreq_be_o,
  output logic                     dreq_spec_o,     // request of a p-thread (pre-execution)
  input  logic [NumCtx-1:0]        dresp_valid_i,
  input  logic [NumCtx*32-1:0]     dresp_rdata_i,
  input  logic [NumCtx-1:0]        dresp_err_i,

  input  logic [NumCtx-1:0]        mtip_i,
  input  logic [NumCtx-1:0]        msip_i,
  input  logic [NumCtx-1:0]        meip_i,
  input  logic [63:0]              mtime_i,

  output logic [NumCtx-1:0]        retire_valid_o,
  output logic [NumCtx*32-1:0]     retire_pc_o,
  output logic [NumCtx*32-1:0]     retire_insn_o,
  output logic [NumCtx-1:0]        retire_rd_we_o,
  output logic [NumCtx*5-1:0]      retire_rd_o,
  output logic [NumCtx*32-1:0]     retire_rd_wdata_o,
  output logic [NumCtx*32-1:0]     retire_addr_o,   // data address of a retiring memory op
  // traps taken by harts (never by p-threads): the trapping instruction does
  // not retire; one per context per cycle, after that cycle's retirement
  output logic [NumCtx-1:0]        trap_valid_o,
  output logic [NumCtx*32-1:0]     trap_cause_o,
  output logic [NumCtx*32-1:0]     trap_tval_o,
  output logic [NumCtx-1:0]        ctx_active_o,
  output logic [NumCtx-1:0]        ctx_pthread_o,   // context runs a p-thread
  output logic [7:0]               pex_event_o,     // PexEv* pulses (outrider_defs.svh)
  input  logic                     pex_enable_i,    // pexctl.enable after reset
  input  logic                     pex_dist_set_i,  // pexdist after reset: pex_dist_i,
  input  logic [15:0]              pex_dist_i,      // ... else DefaultPexDist
  output logic [NumCtx-1:0]        pex_hold_o,      // p-thread held by distance control

  // prefetch hints (Zicbop) to the data cache, and what the cache tells the
  // distance control (docs/preexec.md 4.5)
  output logic                     dpf_valid_o,
  output logic [31:0]              dpf_addr_o,
  output logic [TidW-1:0]          dpf_tid_o,
  output logic                     dpf_spec_o,
  input  logic [15:0]              pfill_cnt_i,
  input  logic                     evict_useless_i,

  // Pipeline debug record (observability only, nothing depends on it): one
  // slot per stage, index 0 IF, 1 ID, 2 EX, 3 MEM, 4 WB; what each stage holds
  // this cycle and what happens to it (flags, DbgPipe* bits below). IF's
  // insn is 0 (the word arrives in ID); its pc is the fetch address.
  output logic [4:0]               dbg_pipe_valid_o,
  output logic [5*TidW-1:0]        dbg_pipe_tid_o,
  output logic [5*32-1:0]          dbg_pipe_pc_o,
  output logic [5*32-1:0]          dbg_pipe_insn_o,
  output logic [15:0]              dbg_pipe_flags_o,
  // data-cache events for the performance counters (docs/core.md): context c's
  // (non-p-thread) access allocated an MSHR / was the first hit on a
  // p-thread-filled line (one-cycle pulses from the data side)
  input  logic [NumCtx-1:0]        hpm_dc_miss_i,
  input  logic [NumCtx-1:0]        hpm_dc_useful_i,
  // issue and branch events per context (this cycle, for the test bench's
  // statistics): [t] context t is ready (eligible to fetch), [NumCtx+t] ...
  // but does not fetch (another context or an ID stall took the slot),
  // [2*NumCtx+t] EX redirects context t (a mispredicted branch or jump),
  // [3*NumCtx+t] context t retires a branch, JAL or JALR
  output logic [4*NumCtx-1:0]      core_ev_o
);
  `include "outrider_isa.svh"

  // ===========================================================================
  // Signals between the stages and units, named by the stage they belong to
  // (_if, _id, _ex, _mem, _wb, _wb2) and indexed by context where per context
  // ===========================================================================
  // context state (outrider_ctx_ctrl)
  logic [NumCtx-1:0]    active, pthread, waiting, sleeping, pausing, ctx_free;
  logic [NumCtx*32-1:0] pc_ctx;
  logic [NumCtx-1:0]    kill_if, kill_id, kill_ex, kill_mem, redirect_ctx;
  logic [NumCtx-1:0]    trap_req, mret_req;
  logic [NumCtx*32-1:0] trap_cause, trap_pc, trap_tval;
  logic                 hs_start;
  logic [TidW-1:0]      hs_tid;

  // IF, ID
  logic [NumCtx-1:0]    eligible_if;
  logic [NumCtx*3-1:0]  inflight;
  logic                 fire_if;
  logic [TidW-1:0]      tid_if;
  logic                 valid_id, ierr_id, stall_id, predict_id;
  logic [TidW-1:0]      tid_id;
  logic [31:0]          pc_id, instr_id, target_id;
  logic [4:0]           rs1_id, rs2_id;
  logic                 pred_if, bp_hit_id, bp_pred_id, taken_ex;
  logic [31:0]          pred_target_if, pred_target_ex;

  // EX
  logic                 valid_ex, live_ex, redirect_ex;
  logic [TidW-1:0]      tid_ex;
  outrider_idex_t       ex_rec;
  logic [31:0]          redirect_pc_ex, rf_rdata_a, rf_rdata_b;

  // MEM
  logic                 valid_mem;
  logic [TidW-1:0]      tid_mem;
  outrider_exmem_t      mem_rec;
  logic                 live_mem, pt_mem, exc_any_mem, trap_mem, go_mem, replay_mem;
  logic                 sleep_mem, retire_mem, req_mem, div_start;
  logic [31:0]          trap_cause_mem, trap_tval_mem;
  logic                 pt_exc_mem, pt_stop_mem, pt_sc_mem, pt_suppressed_mem;
  logic                 sp_start;
  logic [TidW-1:0]      sp_tid;
  logic [NumCtx-1:0]    pt_end, pt_cancel;

  // CSR access of the instruction in MEM, CSR file outputs
  logic [11:0]          csr_addr;
  logic [1:0]           csr_op;
  logic [31:0]          csr_wdata, csr_rdata;
  logic                 csr_write_intent, csr_write, csr_write_pex, csr_illegal;
  logic [NumCtx*32-1:0] trap_vector, csr_mepc, irq_cause;
  logic [NumCtx-1:0]    irq_pending, irq_take;
  logic                 pex_en;
  logic [15:0]          pex_dist;
  logic [31:0]          pex_budget;

  // WB, WB2
  logic                 valid_wb, wb_err, wb_park;
  logic [TidW-1:0]      tid_wb;
  outrider_memwb_t      wb_rec;
  logic [31:0]          wb_value;
  logic                 valid_wb2;
  logic [TidW-1:0]      tid_wb2;
  logic [4:0]           rd_wb2;
  logic [31:0]          data_wb2;
  logic [NumCtx-1:0]    late_done, late_err, pend_store, pend_div, div_busy;
  logic [NumCtx*32-1:0] pend_pc, pend_addr;

  // register file ports, register mirror, store-buffer forwarding
  logic [NumCtx-1:0]    rf_we, own_we, mirror_we;
  logic [NumCtx*5-1:0]  rf_waddr, mirror_waddr;
  logic [NumCtx*32-1:0] rf_wdata, mirror_wdata;
  logic [4:0]           copy_raddr;
  logic [31:0]          copy_rdata;
  logic [NumCtx*4-1:0]  sb_wb_mask, sb_late_mask;
  logic [NumCtx*32-1:0] sb_wb_data, sb_late_data;

  // ===========================================================================
  // IF
  // ===========================================================================
  outrider_fetch #(.NumCtx(NumCtx), .SelectPolicy(SelectPolicy)) u_fetch (
    .clk_i, .rst_ni,
    .active_i     (active),
    .wait_i       (waiting),
    .sleep_i      (sleeping),
    .pausing_i    (pausing | pex_hold_o),   // a held p-thread does not fetch
    .pthread_i    (pthread),
    .inflight_i   (inflight),
    .pc_i         (pc_ctx),
    .pause_ex_i   (valid_ex && ex_rec.pause),
    .tid_ex_i     (tid_ex),
    .pause_mem_i  (valid_mem && mem_rec.pause),
    .tid_mem_i    (tid_mem),
    .stall_id_i   (stall_id),
    .kill_if_i    (kill_if),
    .kill_id_i    (kill_id),
    .imem_req_o,
    .imem_addr_o,
    .imem_rdata_i,
    .imem_err_i,
    .eligible_o   (eligible_if),
    .fire_if_o    (fire_if),
    .tid_if_o     (tid_if),
    .valid_id_o   (valid_id),
    .tid_id_o     (tid_id),
    .pc_id_o      (pc_id),
    .instr_id_o   (instr_id),
    .ierr_id_o    (ierr_id)
  );

  // ===========================================================================
  // branch prediction (predicts at IF, mirrors IF/ID and ID/EX, trains at EX)
  // ===========================================================================
  outrider_bpred #(.NumCtx(NumCtx), .BranchPredict(BranchPredict), .BtbEntries(BtbEntries),
                   .BhtEntries(BhtEntries), .RasDepth(RasDepth)) u_bpred (
    .clk_i, .rst_ni,
    .pc_i             (pc_ctx),
    .fire_if_i        (fire_if),
    .tid_if_i         (tid_if),
    .pred_if_o        (pred_if),
    .pred_target_if_o (pred_target_if),
    .valid_id_i       (valid_id),
    .tid_id_i         (tid_id),
    .pc_id_i          (pc_id),
    .instr_id_i       (instr_id),
    .stall_id_i       (stall_id),
    .predict_id_i     (predict_id),
    .target_id_i      (target_id),
    .bp_hit_id_o      (bp_hit_id),
    .bp_pred_id_o     (bp_pred_id),
    .live_ex_i        (live_ex),
    .tid_ex_i         (tid_ex),
    .ex_i             (ex_rec),
    .taken_ex_i       (taken_ex),
    .target_ex_i      (redirect_pc_ex),
    .pred_target_ex_o (pred_target_ex),
    .kill_id_i        (kill_id),
    .kill_ex_i        (kill_ex),
    .kill_mem_i       (kill_mem)
  );

  // ===========================================================================
  // ID, register file
  // ===========================================================================
  outrider_decode #(.NumCtx(NumCtx)) u_decode (
    .clk_i, .rst_ni,
    .valid_id_i   (valid_id),
    .tid_id_i     (tid_id),
    .pc_id_i      (pc_id),
    .instr_id_i   (instr_id),
    .ierr_id_i    (ierr_id),
    .kill_id_i    (kill_id),
    .bp_hit_id_i  (bp_hit_id),
    .bp_pred_id_i (bp_pred_id),
    .rs1_id_o     (rs1_id),
    .rs2_id_o     (rs2_id),
    .stall_id_o   (stall_id),
    .predict_id_o (predict_id),
    .target_id_o  (target_id),
    .valid_ex_o   (valid_ex),
    .tid_ex_o     (tid_ex),
    .ex_o         (ex_rec)
  );

  outrider_regfile #(.NumCtx(NumCtx)) u_regfile (
    .clk_i,
    .rtid_i       (tid_id),
    .raddr_a_i    (rs1_id),
    .raddr_b_i    (rs2_id),
    .rdata_a_o    (rf_rdata_a),
    .rdata_b_o    (rf_rdata_b),
    .copy_raddr_i (copy_raddr),
    .copy_rdata_o (copy_rdata),
    .we_i         (rf_we),
    .waddr_i      (rf_waddr),
    .wdata_i      (rf_wdata)
  );

  // ===========================================================================
  // EX
  // ===========================================================================
  outrider_execute #(.NumCtx(NumCtx)) u_execute (
    .clk_i, .rst_ni,
    .valid_ex_i       (valid_ex),
    .tid_ex_i         (tid_ex),
    .ex_i             (ex_rec),
    .kill_ex_i        (kill_ex),
    .rf_rdata_a_i     (rf_rdata_a),
    .rf_rdata_b_i     (rf_rdata_b),
    .valid_wb_i       (valid_wb),
    .tid_wb_i         (tid_wb),
    .rd_we_wb_i       (wb_rec.rd_we),
    .rd_wb_i          (wb_rec.rd),
    .wb_value_i       (wb_value),
    .valid_wb2_i      (valid_wb2),
    .tid_wb2_i        (tid_wb2),
    .rd_wb2_i         (rd_wb2),
    .data_wb2_i       (data_wb2),
    .pred_target_ex_i (pred_target_ex),
    .live_ex_o        (live_ex),
    .taken_ex_o       (taken_ex),
    .redirect_ex_o    (redirect_ex),
    .redirect_pc_ex_o (redirect_pc_ex),
    .valid_mem_o      (valid_mem),
    .tid_mem_o        (tid_mem),
    .mem_o            (mem_rec)
  );

  // ===========================================================================
  // MEM: the commit point, the CSR file, pre-execution
  // ===========================================================================
  outrider_commit #(.NumCtx(NumCtx)) u_commit (
    .clk_i, .rst_ni,
    .valid_mem_i         (valid_mem),    .tid_mem_i           (tid_mem),
    .mem_i               (mem_rec),      .kill_mem_i          (kill_mem),
    .pthread_i           (pthread),      .csr_addr_o          (csr_addr),
    .csr_op_o            (csr_op),       .csr_wdata_o         (csr_wdata),
    .csr_write_intent_o  (csr_write_intent), .csr_write_o         (csr_write),
    .csr_write_pex_o     (csr_write_pex), .csr_rdata_i         (csr_rdata),
    .csr_illegal_i       (csr_illegal),  .irq_take_i          (irq_take),
    .irq_pending_i       (irq_pending),  .irq_cause_i         (irq_cause),
    .pt_mem_o            (pt_mem),       .exc_any_mem_o       (exc_any_mem),
    .pt_exc_mem_i        (pt_exc_mem),   .pt_sc_mem_i         (pt_sc_mem),
    .pt_suppressed_mem_i (pt_suppressed_mem), .sp_start_i          (sp_start),
    .sp_tid_i            (sp_tid),       .hs_start_i          (hs_start),
    .hs_tid_i            (hs_tid),       .req_mem_o           (req_mem),
    .dreq_tid_o,                         .dreq_amo_o,
    .dreq_addr_o,                        .dreq_wdata_o,
    .dreq_be_o,                          .dreq_valid_i        (dreq_valid_o),
    .dreq_ready_i,                       .live_mem_o          (live_mem),
    .trap_mem_o          (trap_mem),     .trap_cause_mem_o    (trap_cause_mem),
    .trap_tval_mem_o     (trap_tval_mem), .go_mem_o            (go_mem),
    .replay_mem_o        (replay_mem),   .sleep_mem_o         (sleep_mem),
    .retire_mem_o        (retire_mem),   .div_start_o         (div_start),
    .pf_valid_o          (dpf_valid_o),  .pf_addr_o           (dpf_addr_o),
    .valid_wb_o          (valid_wb),     .tid_wb_o            (tid_wb),
    .wb_o                (wb_rec)
  );

  assign dpf_tid_o  = tid_mem;
  assign dpf_spec_o = pt_mem;

  outrider_csr_file #(.NumCtx(NumCtx), .DefaultBudget(DefaultBudget),
                      .DefaultPexDist(DefaultPexDist)) u_csr_file (
    .clk_i, .rst_ni,
    .tid_mem_i      (tid_mem),           .addr_i         (csr_addr),
    .op_i           (csr_op),            .wdata_i        (csr_wdata),
    .write_intent_i (csr_write_intent),  .write_i        (csr_write),
    .write_pex_i    (csr_write_pex),     .rdata_o        (csr_rdata),
    .illegal_o      (csr_illegal),       .trap_i         (trap_req),
    .trap_cause_i   (trap_cause),        .trap_pc_i      (trap_pc),
    .trap_tval_i    (trap_tval),         .trap_vector_o  (trap_vector),
    .mret_i         (mret_req),          .mepc_o         (csr_mepc),
    .mtip_i,                             .msip_i,
    .meip_i,                             .mtime_i,
    .irq_pending_o  (irq_pending),       .irq_take_o     (irq_take),
    .irq_cause_o    (irq_cause),         .retire_i       (retire_valid_o),
    .ev_mem_wait_i  (waiting & ~pend_div), .ev_redirect_i  (redirect_ctx),
    .ev_idle_i      (sleeping | pausing), .active_i       (active),
    .ev_dc_miss_i   (hpm_dc_miss_i),     .ev_dc_useful_i (hpm_dc_useful_i),
    .pex_event_i    (pex_event_o),
    .pthread_i      (pthread),           .pex_enable_i,
    .pex_en_o       (pex_en),
    .pex_budget_o   (pex_budget),
    .pex_dist_set_i,                     .pex_dist_i,
    .pex_dist_o     (pex_dist)
  );

  outrider_preexec #(.NumCtx(NumCtx), .StoreBufEntries(StoreBufEntries)) u_preexec (
    .clk_i, .rst_ni,
    .active_i            (active),       .pthread_i           (pthread),
    .wait_i              (waiting),      .free_i              (ctx_free),
    .hs_start_i          (hs_start),     .hs_tid_i            (hs_tid),
    .pex_en_i            (pex_en),       .pex_budget_i        (pex_budget),
    .pex_dist_i          (pex_dist),     .pfill_cnt_i,
    .evict_useless_i,                    .hold_o              (pex_hold_o),
    .tid_mem_i           (tid_mem),      .mem_i               (mem_rec),
    .live_mem_i          (live_mem),     .pt_mem_i            (pt_mem),
    .exc_any_mem_i       (exc_any_mem),  .req_mem_i           (req_mem),
    .retire_mem_i        (retire_mem),   .pt_exc_mem_o        (pt_exc_mem),
    .pt_stop_mem_o       (pt_stop_mem),  .pt_sc_mem_o         (pt_sc_mem),
    .pt_suppressed_mem_o (pt_suppressed_mem), .sp_start_o          (sp_start),
    .sp_tid_o            (sp_tid),       .dreq_valid_o,
    .dreq_op_o,                          .dreq_spec_o,
    .valid_wb_i          (valid_wb),     .tid_wb_i            (tid_wb),
    .wb_i                (wb_rec),       .wb_err_i            (wb_err),
    .late_err_i          (late_err),     .pend_addr_i         (pend_addr),
    .sb_wb_mask_o        (sb_wb_mask),   .sb_wb_data_o        (sb_wb_data),
    .sb_late_mask_o      (sb_late_mask), .sb_late_data_o      (sb_late_data),
    .own_we_i            (own_we),       .own_waddr_i         (retire_rd_o),
    .own_wdata_i         (retire_rd_wdata_o), .copy_raddr_o        (copy_raddr),
    .copy_rdata_i        (copy_rdata),   .mirror_we_o         (mirror_we),
    .mirror_waddr_o      (mirror_waddr), .mirror_wdata_o      (mirror_wdata),
    .pt_end_o            (pt_end),       .pt_cancel_o         (pt_cancel),
    .pex_event_o
  );

  // ===========================================================================
  // WB
  // ===========================================================================
  outrider_writeback #(.NumCtx(NumCtx)) u_writeback (
    .clk_i, .rst_ni,
    .valid_wb_i        (valid_wb),       .tid_wb_i          (tid_wb),
    .wb_i              (wb_rec),         .wait_i            (waiting),
    .dresp_valid_i,                      .dresp_rdata_i,
    .dresp_err_i,                        .div_start_i       (div_start),
    .tid_mem_i         (tid_mem),        .div_op_i          (mem_rec.f3[1:0]),
    .div_a_i           (mem_rec.result), .div_b_i           (mem_rec.wdata),
    .div_busy_o        (div_busy),       .sb_wb_mask_i      (sb_wb_mask),
    .sb_wb_data_i      (sb_wb_data),     .sb_late_mask_i    (sb_late_mask),
    .sb_late_data_i    (sb_late_data),   .mirror_we_i       (mirror_we),
    .mirror_waddr_i    (mirror_waddr),   .mirror_wdata_i    (mirror_wdata),
    .hs_start_i        (hs_start),       .hs_tid_i          (hs_tid),
    .hs_arg_i          (mem_rec.wdata),  .wb_err_o          (wb_err),
    .wb_park_o         (wb_park),        .wb_value_o        (wb_value),
    .late_done_o       (late_done),      .late_err_o        (late_err),
    .pend_pc_o         (pend_pc),        .pend_addr_o       (pend_addr),
    .pend_store_o      (pend_store),     .pend_div_o        (pend_div),
    .valid_wb2_o       (valid_wb2),      .tid_wb2_o         (tid_wb2),
    .rd_wb2_o          (rd_wb2),         .data_wb2_o        (data_wb2),
    .rf_we_o           (rf_we),          .rf_waddr_o        (rf_waddr),
    .rf_wdata_o        (rf_wdata),       .own_we_o          (own_we),
    .retire_valid_o,                     .retire_pc_o,
    .retire_insn_o,                      .retire_rd_we_o,
    .retire_rd_o,                        .retire_rd_wdata_o,
    .retire_addr_o
  );

  // ===========================================================================
  // Context control: state, next PC, flushes, traps, hart.start
  // ===========================================================================
  outrider_ctx_ctrl #(.NumCtx(NumCtx), .PauseCycles(PauseCycles), .BootAddr(BootAddr)) u_ctx_ctrl (
    .clk_i, .rst_ni,
    .fire_if_i        (fire_if),         .tid_if_i         (tid_if),
    .pred_if_i        (pred_if),         .pred_target_if_i (pred_target_if),
    .tid_id_i         (tid_id),          .predict_id_i     (predict_id),
    .target_id_i      (target_id),       .tid_ex_i         (tid_ex),
    .redirect_ex_i    (redirect_ex),     .redirect_pc_ex_i (redirect_pc_ex),
    .tid_mem_i        (tid_mem),         .mem_i            (mem_rec),
    .live_mem_i       (live_mem),        .pt_mem_i         (pt_mem),
    .trap_mem_i       (trap_mem),        .trap_cause_mem_i (trap_cause_mem),
    .trap_tval_mem_i  (trap_tval_mem),   .go_mem_i         (go_mem),
    .replay_mem_i     (replay_mem),      .sleep_mem_i      (sleep_mem),
    .retire_mem_i     (retire_mem),      .valid_wb_i       (valid_wb),
    .tid_wb_i         (tid_wb),          .wb_i             (wb_rec),
    .wb_err_i         (wb_err),          .wb_park_i        (wb_park),
    .late_done_i      (late_done),       .late_err_i       (late_err),
    .pend_pc_i        (pend_pc),         .pend_addr_i      (pend_addr),
    .pend_store_i     (pend_store),      .div_busy_i       (div_busy),
    .trap_vector_i    (trap_vector),     .mepc_i           (csr_mepc),
    .irq_pending_i    (irq_pending),     .sp_start_i       (sp_start),
    .sp_tid_i         (sp_tid),          .pt_exc_mem_i     (pt_exc_mem),
    .pt_stop_mem_i    (pt_stop_mem),     .pt_end_i         (pt_end),
    .pt_cancel_i      (pt_cancel),       .dreq_valid_i     (dreq_valid_o),
    .dreq_ready_i,                       .dreq_tid_i       (dreq_tid_o),
    .dresp_valid_i,                      .active_o         (active),
    .pthread_o        (pthread),         .wait_o           (waiting),
    .sleep_o          (sleeping),        .pausing_o        (pausing),
    .pc_o             (pc_ctx),          .free_o           (ctx_free),
    .kill_if_o        (kill_if),         .kill_id_o        (kill_id),
    .kill_ex_o        (kill_ex),         .kill_mem_o       (kill_mem),
    .redirect_ex_o    (redirect_ctx),    .trap_o           (trap_req),
    .trap_cause_o     (trap_cause),      .trap_pc_o        (trap_pc),
    .trap_tval_o      (trap_tval),       .mret_o           (mret_req),
    .hs_start_o       (hs_start),
    .hs_tid_o         (hs_tid)
  );

  // ---- pipeline debug record (docs/debugging.md "Pipeline view") ----------
  // flags: 0 IF squashed (does not reach ID), 1 ID stalls (stays), 2 ID
  // squashed, 3 EX squashed, 4 MEM goes on to WB, 5 MEM traps, 6 MEM replayed
  // (re-fetched), 7 WB parks (completes later on the retirement port),
  // 8 WB access fault; other bits 0. An instruction moves on to the next
  // stage in the next cycle unless its stage's flags say otherwise.
  assign dbg_pipe_valid_o = {valid_wb, valid_mem, valid_ex, valid_id, fire_if};
  assign dbg_pipe_tid_o   = {tid_wb, tid_mem, tid_ex, tid_id, tid_if};
  assign dbg_pipe_pc_o    = {wb_rec.pc, mem_rec.pc, ex_rec.pc, pc_id, imem_addr_o};
  assign dbg_pipe_insn_o  = {wb_rec.insn, mem_rec.insn, ex_rec.insn, instr_id, 32'd0};
  assign dbg_pipe_flags_o = {7'd0, wb_err, wb_park, replay_mem, trap_mem, retire_mem,
                             valid_ex && kill_ex[tid_ex], valid_id && kill_id[tid_id],
                             stall_id, fire_if && kill_if[tid_if]};

  // ---- instructions in flight per context (thread select), events ----------
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      inflight[3*t +: 3] = 3'(valid_id  && (tid_id  == TidW'(t))) +
                           3'(valid_ex  && (tid_ex  == TidW'(t))) +
                           3'(valid_mem && (tid_mem == TidW'(t))) +
                           3'(valid_wb  && (tid_wb  == TidW'(t)));
      core_ev_o[t]            = eligible_if[t];
      core_ev_o[NumCtx + t]   = eligible_if[t] && !(fire_if && (tid_if == TidW'(t)));
      core_ev_o[2*NumCtx + t] = redirect_ctx[t];
      core_ev_o[3*NumCtx + t] = retire_valid_o[t] &&
                                ((retire_insn_o[32*t +: 7] == OpcBranch) ||
                                 (retire_insn_o[32*t +: 7] == OpcJal) ||
                                 (retire_insn_o[32*t +: 7] == OpcJalr));
    end
  end

  assign trap_valid_o  = trap_req;
  assign trap_cause_o  = trap_cause;
  assign trap_tval_o   = trap_tval;
  assign ctx_active_o  = active;
  assign ctx_pthread_o = pthread;

  // fields of the records only some stages read, and EX's liveness (the EX/MEM
  // register takes it inside outrider_execute)
  logic unused_core;
  assign unused_core = ^{trap_pc};
endmodule
