// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_core: the two-context (NumCtx-context) in-order SMT core.
//
// One five-stage issue lane per context (outrider_lane): IF (fetch address),
// ID (decode, register read, JAL / backward-branch prediction, load-use
// interlock), EX (ALU, multiply, branch resolution, address generation),
// MEM (commit point: traps, interrupts, CSRs, data-side request, context
// control), WB (register write-back, retirement). Lane t holds only context
// t's instructions, so every context issues one instruction in every cycle
// it has one (simultaneous multithreading: up to NumCtx instructions per
// cycle in total); results are forwarded within a lane. The lanes share the
// register file (a bank and its read ports per context), the CSR file (an
// access port per lane), write-back (the dividers), context control,
// pre-execution and the ONE data port: the core arbitrates the lanes'
// committing memory requests (SelectPolicy, outrider_thread_select), and a
// lane that loses holds for the cycle (its MEM asks again in the next one).
// Writes to the shared pre-execution CSRs and hart.start take one lane per
// cycle: a higher lane's replays while a lower lane's is in MEM.
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
//   outrider_lane       one issue lane (wiring of the five modules below)
//   outrider_fetch      IF: fetch address; IF/ID register
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
// What it is not: it has no caches and no memory; the instruction ports (one
// per lane) are 1-cycle block-RAM-like ports, the data side a request/response interface
// (one outstanding request per context, answered in order per context, in
// any order across contexts) - see outrider_soc.sv and docs/core.md.
module outrider_core #(
  parameter int NumCtx      = 2,
  parameter int PauseCycles = 32,
  parameter int SelectPolicy    = 1,      // data-port arbitration (outrider_thread_select.sv)
  parameter int StoreBufEntries = 8,      // p-thread store buffer, per context
  parameter int DefaultBudget   = 65536,  // pexbudget reset value
  parameter int DefaultPexDist  = 64,     // pexdist reset value (lines; the SoC: half the cache)
  parameter int BranchPredict   = 1,      // outrider_bpred.sv: 1 BTB/bimodal/RAS at IF, 0 static at ID
  parameter int BtbEntries      = 32,
  parameter int BhtEntries      = 128,
  parameter int RasDepth        = 4,
  parameter int LoadForward     = 0,      // 1: the word-load forward into the ALU (outrider_lane)
  parameter int LateAlu         = 0,      // 1: the late ALU in WB for a load's ALU reader (outrider_decode)
  parameter int NbLoads         = 4,      // outstanding loads per context (outrider_nbl); 0: loads block
  parameter int FillW           = 5,      // the data cache's refill-slot width (outrider_dcache FillW)
  parameter logic [31:0] BootAddr = 32'h8000_0000, // context 0's PC after reset
  parameter  int TidW       = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,

  // one instruction port per lane (lane t = context t)
  output logic [NumCtx-1:0]        imem_req_o,
  output logic [NumCtx*32-1:0]     imem_addr_o,
  input  logic [NumCtx*32-1:0]     imem_rdata_i,
  input  logic [NumCtx-1:0]        imem_err_i,

  output logic                     dreq_valid_o,
  input  logic                     dreq_ready_i,
  output logic [TidW-1:0]          dreq_tid_o,
  output logic [2:0]               dreq_op_o,
  output logic [4:0]               dreq_amo_o,
  output logic [31:0]              dreq_addr_o,
  output logic [31:0]              dreq_wdata_o,
  output logic [3:0]               dreq_be_o,
  output logic                     dreq_spec_o,     // request of a p-thread (pre-execution)
  output logic                     dreq_nb_o,       // a plain load that may be answered outstanding
  input  logic [NumCtx-1:0]        dresp_valid_i,
  input  logic [NumCtx*32-1:0]     dresp_rdata_i,
  // the data side takes a context's plain load in the cycle it answers that
  // context's previous request (and drops it when it does not answer then):
  // the data cache does; tie to 0 for a data side that does not
  input  logic                     dreq_d2_i,
  input  logic [NumCtx-1:0]        dresp_err_i,
  input  logic [NumCtx-1:0]        dresp_nbl_i,     // the answer: outstanding, rdata = refill slot
  // the data cache's refill beats: outstanding loads take their word here
  input  logic                     fill_valid_i,
  input  logic [FillW-1:0]         fill_slot_i,
  input  logic [31:0]              fill_data_i,

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
  // a retiring load whose value comes later (an outstanding load): its
  // register is written when late_we_o[c] names it (retire_rd_wdata_o is
  // not its value); late writes of one context come in any order
  output logic [NumCtx-1:0]        retire_rd_late_o,
  output logic [NumCtx-1:0]        late_we_o,
  output logic [NumCtx*5-1:0]      late_rd_o,
  output logic [NumCtx*32-1:0]     late_wdata_o,
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
  output logic                     pex_keep_o,      // the data cache spares unused p-thread fills

  // prefetch hints (Zicbop) to the data cache, and what the cache tells the
  // distance control (docs/preexec.md 4.5)
  output logic                     dpf_valid_o,
  output logic [31:0]              dpf_addr_o,
  output logic [TidW-1:0]          dpf_tid_o,
  output logic                     dpf_spec_o,
  input  logic [15:0]              pfill_cnt_i,
  input  logic                     evict_useless_i,

  // Pipeline debug record (observability only, nothing depends on it): one
  // slot per lane and stage, slot 5*t + s for lane t, stage s (0 IF, 1 ID,
  // 2 EX, 3 MEM, 4 WB); what each stage holds this cycle and what happens to
  // it (flags of lane t at [16*t +: 16], bits below). IF's insn is 0 (the
  // word arrives in ID); its pc is the fetch address.
  output logic [5*NumCtx-1:0]      dbg_pipe_valid_o,
  output logic [5*NumCtx*TidW-1:0] dbg_pipe_tid_o,
  output logic [5*NumCtx*32-1:0]   dbg_pipe_pc_o,
  output logic [5*NumCtx*32-1:0]   dbg_pipe_insn_o,
  output logic [16*NumCtx-1:0]     dbg_pipe_flags_o,
  // per context: its lane had a committing memory request that lost the
  // data-port arbitration this cycle (it replays); for the statistics
  output logic [NumCtx-1:0]        dport_lost_o,
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
  localparam int ExW = `OR_EXMEM_W;
  localparam int WbW = `OR_MEMWB_W;
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"

  // ===========================================================================
  // Signals between the lanes and the shared units, per lane (lane t =
  // context t) as vectors; records as flat vectors (lane t at [W*t +: W])
  // ===========================================================================
  // context state (outrider_ctx_ctrl)
  logic [NumCtx-1:0]    active, pthread, waiting, sleeping, pausing, ctx_free;
  logic [NumCtx*32-1:0] pc_ctx;
  logic [NumCtx-1:0]    kill_if, kill_id, kill_ex, kill_mem, kill_wb, redirect_ctx;
  logic [NumCtx-1:0]    wb_hold, pt_last;
  logic [NumCtx-1:0]    retire_rd;   // WB retires now, as a CSR read in MEM sees it
  logic [NumCtx-1:0]    trap_req, mret_req;
  logic [NumCtx*32-1:0] trap_cause, trap_pc, trap_tval;
  logic                 hs_start;
  logic [TidW-1:0]      hs_tid, hs_lane;

  // IF, ID, EX
  logic [NumCtx-1:0]    fire_if, pred_if, stall_id, predict_id, redirect_ex;
  logic [NumCtx*32-1:0] pred_target_if, target_id, redirect_pc_ex;
  logic [NumCtx*5-1:0]  rs1_id, rs2_id;
  logic [NumCtx*32-1:0] rf_rdata_a, rf_rdata_b;
  logic [NumCtx-1:0]    eligible_if;   // lane t's context could fetch

  // MEM
  logic [NumCtx-1:0]    valid_mem, live_mem, pt_mem, exc_any_mem, trap_mem, go_mem, replay_mem;
  logic [NumCtx-1:0]    sleep_mem, retire_mem, req_mem, div_start, pf_valid;
  logic [NumCtx*ExW-1:0] mem_rec;
  logic [NumCtx*32-1:0] trap_cause_mem, trap_tval_mem, pf_addr;
  logic [NumCtx-1:0]    pt_exc_mem, pt_stop_mem, pt_sc_mem, pt_suppressed_mem;
  logic                 sp_start;
  logic [TidW-1:0]      sp_tid;
  logic [NumCtx-1:0]    pt_end, pt_cancel, conflict;

  // each lane's data-side request, gated (outrider_preexec) and arbitrated
  logic [NumCtx-1:0]    lane_dreq, lane_spec, lane_ready;
  logic [NumCtx-1:0]    mem_cand, dport_cand;   // lanes that may ask for the data port
  logic [NumCtx-1:0]    pt_gate_ok;
  logic [NumCtx*3-1:0]  lane_op;
  logic [NumCtx*5-1:0]  lane_amo;
  logic [NumCtx*32-1:0] lane_addr, lane_wdata;
  logic [NumCtx*4-1:0]  lane_be;
  logic                 grant_valid;
  logic [TidW-1:0]      grant;

  // CSR access of each lane's MEM instruction, CSR file outputs
  logic [NumCtx*12-1:0] csr_addr;
  logic [NumCtx*2-1:0]  csr_op;
  logic [NumCtx*32-1:0] csr_wdata, csr_rdata;
  logic [NumCtx-1:0]    csr_write_intent, csr_write, csr_write_pex, csr_illegal, csr_shared;
  logic [NumCtx*32-1:0] trap_vector, exc_vector, csr_mepc, irq_cause;
  logic [NumCtx-1:0]    irq_pending, irq_take;
  logic                 pex_en;
  logic [15:0]          pex_dist;
  logic [31:0]          pex_budget;

  // WB, WB2
  logic [NumCtx-1:0]    valid_wb, wb_err, wb_park, valid_wb2;
  logic [NumCtx*WbW-1:0] wb_rec;
  logic [NumCtx*32-1:0] data_wb2;
  logic [NumCtx*5-1:0]  rd_wb2;
  logic [NumCtx-1:0]    late_done, late_err, pend_store, pend_div, div_busy;
  logic [NumCtx*32-1:0] pend_pc, pend_addr;

  // register file ports, register mirror, store-buffer forwarding
  logic [NumCtx-1:0]    rf_we, own_we, mirror_we;
  logic [NumCtx*5-1:0]  rf_waddr, mirror_waddr, own_waddr;
  logic [NumCtx*32-1:0] rf_wdata, mirror_wdata, own_wdata;

  // non-blocking loads (outrider_nbl in outrider_writeback)
  logic [NumCtx-1:0]    nbl_free, nbl_any, nbl_st_hit, nbl_clear, nbl_wait, wb_nbl, lane_nb, wb_dep;
  logic [NumCtx*32-1:0] nbl_busy, nbl_st_addr;
  logic [4:0]           copy_raddr;
  logic [31:0]          copy_rdata;
  logic [NumCtx*4-1:0]  sb_wb_mask, sb_late_mask;
  logic [NumCtx*32-1:0] sb_wb_data, sb_late_data;

  // debug record per lane
  logic [4*NumCtx-1:0]  dbg_valid;
  logic [4*NumCtx*32-1:0] dbg_pc, dbg_insn;
  logic [7*NumCtx-1:0]  dbg_flags;

  // ===========================================================================
  // the issue lanes
  // ===========================================================================
  genvar gl;
  for (gl = 0; gl < NumCtx; gl++) begin : g_lane
    outrider_lane #(.NumCtx(NumCtx), .Lane(gl), .BranchPredict(BranchPredict), .LoadForward(LoadForward), .LateAlu(LateAlu),
                    .BtbEntries(BtbEntries), .BhtEntries(BhtEntries),
                    .RasDepth(RasDepth)) u_lane (
      .clk_i, .rst_ni,
      .active_i            (active),
      .wait_i              (waiting),
      .sleep_i             (sleeping),
      .pausing_i           (pausing | pex_hold_o),   // a held p-thread does not fetch
      .pthread_i           (pthread),
      .pc_i                (pc_ctx),
      .kill_if_i           (kill_if),
      .kill_id_i           (kill_id),
      .kill_ex_i           (kill_ex),
      .kill_mem_i          (kill_mem),
      .imem_req_o          (imem_req_o[gl]),
      .imem_addr_o         (imem_addr_o[32*gl +: 32]),
      .imem_rdata_i        (imem_rdata_i[32*gl +: 32]),
      .imem_err_i          (imem_err_i[gl]),
      .eligible_o          (eligible_if[gl]),
      .fire_if_o           (fire_if[gl]),
      .pred_if_o           (pred_if[gl]),
      .pred_target_if_o    (pred_target_if[32*gl +: 32]),
      .stall_id_o          (stall_id[gl]),
      .predict_id_o        (predict_id[gl]),
      .target_id_o         (target_id[32*gl +: 32]),
      .redirect_ex_o       (redirect_ex[gl]),
      .redirect_pc_ex_o    (redirect_pc_ex[32*gl +: 32]),
      .rs1_id_o            (rs1_id[5*gl +: 5]),
      .rs2_id_o            (rs2_id[5*gl +: 5]),
      .rf_rdata_a_i        (rf_rdata_a[32*gl +: 32]),
      .rf_rdata_b_i        (rf_rdata_b[32*gl +: 32]),
      .valid_wb2_i         (valid_wb2[gl]),
      .rd_wb2_i            (rd_wb2[5*gl +: 5]),
      .data_wb2_i          (data_wb2[32*gl +: 32]),
      .dresp_rdata_i       (dresp_rdata_i[32*gl +: 32]),
      .d2_en_i             (dreq_d2_i),
      .csr_addr_o          (csr_addr[12*gl +: 12]),
      .csr_op_o            (csr_op[2*gl +: 2]),
      .csr_wdata_o         (csr_wdata[32*gl +: 32]),
      .csr_write_intent_o  (csr_write_intent[gl]),
      .csr_write_o         (csr_write[gl]),
      .csr_write_pex_o     (csr_write_pex[gl]),
      .csr_rdata_i         (csr_rdata[32*gl +: 32]),
      .csr_illegal_i       (csr_illegal[gl]),
      .irq_take_i          (irq_take),
      .irq_pending_i       (irq_pending),
      .irq_cause_i         (irq_cause),
      .pt_exc_mem_i        (pt_exc_mem[gl]),
      .pt_sc_mem_i         (pt_sc_mem[gl]),
      .pt_suppressed_mem_i (pt_suppressed_mem[gl]),
      .sp_start_i          (sp_start && (gl == 0)),
      .sp_tid_i            (sp_tid),
      .hs_start_i          (hs_start && (hs_lane == TidW'(gl))),
      .hs_tid_i            (hs_tid),
      .conflict_i          (conflict[gl] || nbl_wait[gl]),
      .nbl_busy_i          (nbl_busy[32*gl +: 32]),
      .wb_dep_o            (wb_dep[gl]),
      .hold_i              (dport_lost_o[gl]),
      .pt_last_i           (pt_last[gl]),
      .wb_hold_o           (wb_hold[gl]),
      .req_mem_o           (req_mem[gl]),
      .dreq_amo_o          (lane_amo[5*gl +: 5]),
      .dreq_addr_o         (lane_addr[32*gl +: 32]),
      .dreq_wdata_o        (lane_wdata[32*gl +: 32]),
      .dreq_be_o           (lane_be[4*gl +: 4]),
      .dreq_valid_i        (lane_dreq[gl]),
      .dreq_ready_i        (lane_ready[gl]),
      .pf_valid_o          (pf_valid[gl]),
      .pf_addr_o           (pf_addr[32*gl +: 32]),
      .live_mem_o          (live_mem[gl]),
      .mem_cand_o          (mem_cand[gl]),
      .pt_mem_o            (pt_mem[gl]),
      .exc_any_mem_o       (exc_any_mem[gl]),
      .trap_mem_o          (trap_mem[gl]),
      .trap_cause_mem_o    (trap_cause_mem[32*gl +: 32]),
      .trap_tval_mem_o     (trap_tval_mem[32*gl +: 32]),
      .go_mem_o            (go_mem[gl]),
      .replay_mem_o        (replay_mem[gl]),
      .sleep_mem_o         (sleep_mem[gl]),
      .retire_mem_o        (retire_mem[gl]),
      .div_start_o         (div_start[gl]),
      .valid_mem_o         (valid_mem[gl]),
      .mem_o               (mem_rec[ExW*gl +: ExW]),
      .valid_wb_o          (valid_wb[gl]),
      .wb_o                (wb_rec[WbW*gl +: WbW]),
      .dbg_valid_o         (dbg_valid[4*gl +: 4]),
      .dbg_pc_o            (dbg_pc[128*gl +: 128]),
      .dbg_insn_o          (dbg_insn[128*gl +: 128]),
      .dbg_flags_o         (dbg_flags[7*gl +: 7])
    );
  end

  // ===========================================================================
  // lane conflicts: the shared pre-execution CSRs and hart.start / pex.spawn
  // take one lane per cycle; a higher lane's replays while a lower lane's is
  // in MEM (decided from what the instructions are, not from whether they
  // commit, so no path runs back from the commit decisions)
  // ===========================================================================
  logic [NumCtx-1:0] shared_wr, start_try;
  logic [NumCtx-1:0] m_csr, m_hstart, m_spawn;
  logic [31:0]       m_wdata [NumCtx];
  logic [31:0]       m_result [NumCtx];
  logic [2:0]        m_f3 [NumCtx];
  // (and what the non-blocking-load ordering below looks at)
  logic [NumCtx-1:0] m_mem, m_fence, m_hexit, m_rdw, m_ram;
  logic [2:0]        m_op [NumCtx];
  outrider_exmem_t   mrec;   // a temporary inside the loop
  always_comb begin
    mrec = '0;
    for (int t = 0; t < NumCtx; t++) begin
      mrec        = mem_rec[ExW*t +: ExW];
      m_csr[t]    = mrec.csr;
      m_hstart[t] = mrec.hstart;
      m_spawn[t]  = mrec.pex_spawn;
      m_wdata[t]  = mrec.wdata;
      m_result[t] = mrec.result;
      m_f3[t]     = mrec.f3;
      m_mem[t]    = mrec.mem;
      m_op[t]     = mrec.mem_op;
      m_hexit[t]  = mrec.hexit;
      m_rdw[t]    = mrec.rd_we && (mrec.rd != 5'd0);
      // a FENCE whose predecessor set has R or I (pause, fence w,0, orders no load)
      m_fence[t]  = (mrec.insn[6:0] == 7'b0001111) && (mrec.insn[14:12] == 3'b000) &&
                    (mrec.insn[25] || mrec.insn[27]);
      m_ram[t]    = addr_is_ram(mrec.result);
      nbl_st_addr[32*t +: 32] = mrec.result;
    end
  end
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      shared_wr[t] = live_mem[t] && !pthread[t] && m_csr[t] && csr_write_intent[t] &&
                     csr_shared[t];
      start_try[t] = live_mem[t] && !pthread[t] && (m_hstart[t] || (m_spawn[t] && (t == 0)));
      conflict[t]  = 1'b0;
      for (int u = 0; u < NumCtx; u++) begin
        if ((u < t) && ((shared_wr[t] && shared_wr[u]) || (start_try[t] && start_try[u]))) conflict[t] = 1'b1;
      end
    end
  end

  // ===========================================================================
  // non-blocking loads: what waits in MEM while a context has outstanding
  // loads (docs/core.md "Non-blocking loads"). The instruction replays (as
  // for a lane conflict: decided from what it is, never from commit
  // decisions) until the loads it must follow have written their registers:
  // a FENCE ordering reads (predecessor R or I), fence.i, LR, SC or AMO,
  // any access outside RAM (console, exit, CLINT, MMIO), hart.exit, and
  // context 0's pex.spawn (the p-thread starts with context 0's registers)
  // wait for all of them; a hart's store waits for those to its word (bits
  // [13:2]) that have not arrived. A plain load may be answered
  // outstanding (dreq_nb_o) when its context has a free entry or it writes
  // no register.
  // ===========================================================================
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      nbl_wait[t] = live_mem[t] && nbl_any[t] &&
                    (m_fence[t] || m_hexit[t] || (m_spawn[t] && (t == 0)) ||
                     (m_mem[t] && ((m_op[t] == DopLr) || (m_op[t] == DopSc) ||
                                   (m_op[t] == DopAmo) || (m_op[t] == DopFence) || !m_ram[t] ||
                                   ((m_op[t] == DopStore) && !pthread[t] && nbl_st_hit[t]))));
      lane_nb[t]  = (NbLoads > 0) && (lane_op[3*t +: 3] == DopLoad) && (!m_rdw[t] || nbl_free[t]);
      nbl_clear[t] = pt_end[t] || (sp_start && (sp_tid == TidW'(t))) ||
                     (hs_start && (hs_tid == TidW'(t)));
    end
  end
  assign dreq_nb_o = lane_nb[grant];

  // ===========================================================================
  // the data port: one request per cycle from the lanes' committing memory
  // operations (after the p-thread gating). SelectPolicy picks among the
  // lanes that may ask (outrider_thread_select: 0 round-robin, 1 harts
  // before p-threads, 2 lowest lane first): dport_cand, a memory operation
  // in MEM that is valid, not squashed, not waiting behind WB and not
  // gated (a p-thread's store or access outside RAM never goes out), all
  // from registers. The request goes out when the chosen lane's commit
  // decision sends it (lane_dreq); the others hold (dport_lost_o: their IF,
  // ID, EX and MEM keep their instructions) and ask again next cycle. So
  // the request's address, context and data are chosen without waiting for
  // the commit decisions (traps, replays, the p-thread budget), which only
  // decide whether it goes. (When the chosen lane's instruction does not go
  // after all, an asking lane that was not chosen waits a cycle it could
  // have used: both lanes must then hold a memory operation in MEM.)
  // ===========================================================================
  assign dport_cand = mem_cand & pt_gate_ok;   // the p-thread gating: outrider_preexec
  outrider_thread_select #(.NumCtx(NumCtx), .Policy(SelectPolicy)) u_dport_arb (
    .clk_i, .rst_ni,
    .eligible_i (dport_cand),
    .prio_i     (~pthread),
    .advance_i  (dreq_valid_o && dreq_ready_i),
    .valid_o    (grant_valid),
    .tid_o      (grant)
  );

  assign dreq_valid_o = grant_valid && lane_dreq[grant];
  assign dreq_tid_o   = grant;
  assign dreq_op_o    = lane_op[3*grant +: 3];
  assign dreq_spec_o  = lane_spec[grant];
  assign dreq_amo_o   = lane_amo[5*grant +: 5];
  assign dreq_addr_o  = lane_addr[32*grant +: 32];
  assign dreq_wdata_o = lane_wdata[32*grant +: 32];
  assign dreq_be_o    = lane_be[4*grant +: 4];
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      lane_ready[t]   = dreq_valid_o && (grant == TidW'(t)) && dreq_ready_i;
      dport_lost_o[t] = lane_dreq[t] && !(grant_valid && (grant == TidW'(t)));
    end
  end

  // prefetch hints: one per cycle to the cache, the lowest lane's (a hint;
  // a dropped one changes nothing but timing)
  logic            pf_any;
  logic [TidW-1:0] pf_lane;
  always_comb begin
    pf_any  = 1'b0;
    pf_lane = '0;
    for (int t = NumCtx - 1; t >= 0; t--) begin
      if (pf_valid[t]) begin
        pf_any  = 1'b1;
        pf_lane = TidW'(t);
      end
    end
  end
  assign dpf_valid_o = pf_any;
  assign dpf_addr_o  = pf_addr[32*pf_lane +: 32];
  assign dpf_tid_o   = pf_lane;
  assign dpf_spec_o  = pthread[pf_lane];

  // ===========================================================================
  // register file
  // ===========================================================================
  outrider_regfile #(.NumCtx(NumCtx)) u_regfile (
    .clk_i,
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
  // CSR file, pre-execution
  // ===========================================================================
  outrider_csr_file #(.NumCtx(NumCtx), .DefaultBudget(DefaultBudget),
                      .DefaultPexDist(DefaultPexDist)) u_csr_file (
    .clk_i, .rst_ni,
    .addr_i         (csr_addr),
    .op_i           (csr_op),            .wdata_i        (csr_wdata),
    .write_intent_i (csr_write_intent),  .write_i        (csr_write),
    .write_pex_i    (csr_write_pex),     .rdata_o        (csr_rdata),
    .illegal_o      (csr_illegal),       .pex_csr_o      (csr_shared),
    .trap_i         (trap_req),
    .trap_cause_i   (trap_cause),        .trap_pc_i      (trap_pc),
    .trap_tval_i    (trap_tval),         .trap_vector_o  (trap_vector),
    .vec_cause_i    (trap_cause_mem),    .exc_vector_o   (exc_vector),
    .mret_i         (mret_req),          .mepc_o         (csr_mepc),
    .mtip_i,                             .msip_i,
    .meip_i,                             .mtime_i,
    .irq_pending_o  (irq_pending),       .irq_take_o     (irq_take),
    .irq_cause_o    (irq_cause),         .retire_i       (retire_valid_o),
    .retire_rd_i    (retire_rd),
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
    .wait_i              (waiting | nbl_any), .free_i              (ctx_free),
    .hs_start_i          (hs_start),     .hs_tid_i            (hs_tid),
    .pex_en_i            (pex_en),       .pex_budget_i        (pex_budget),
    .pex_dist_i          (pex_dist),     .pfill_cnt_i,
    .evict_useless_i,                    .hold_o              (pex_hold_o),
    .keep_o              (pex_keep_o),
    .mem_i               (mem_rec),
    .live_mem_i          (live_mem),     .pt_mem_i            (pt_mem),
    .exc_any_mem_i       (exc_any_mem),  .req_mem_i           (req_mem),
    .retire_mem_i        (retire_mem),   .pt_exc_mem_o        (pt_exc_mem),
    .pt_stop_mem_o       (pt_stop_mem),  .pt_sc_mem_o         (pt_sc_mem),
    .pt_last_o           (pt_last),      .kill_wb_i           (kill_wb),
    .pt_suppressed_mem_o (pt_suppressed_mem), .sp_start_o          (sp_start),
    .sp_tid_o            (sp_tid),       .dreq_valid_o        (lane_dreq),
    .pt_gate_ok_o        (pt_gate_ok),
    .dreq_op_o           (lane_op),      .dreq_spec_o         (lane_spec),
    .valid_wb_i          (valid_wb),
    .wb_i                (wb_rec),       .wb_err_i            (wb_err),
    .late_err_i          (late_err),     .pend_addr_i         (pend_addr),
    .sb_wb_mask_o        (sb_wb_mask),   .sb_wb_data_o        (sb_wb_data),
    .sb_late_mask_o      (sb_late_mask), .sb_late_data_o      (sb_late_data),
    .own_we_i            (own_we),       .own_waddr_i         (own_waddr),
    .own_wdata_i         (own_wdata),    .copy_raddr_o        (copy_raddr),
    .valid_wb2_i         (valid_wb2),
    .copy_rdata_i        (copy_rdata),   .mirror_we_o         (mirror_we),
    .mirror_waddr_o      (mirror_waddr), .mirror_wdata_o      (mirror_wdata),
    .pt_end_o            (pt_end),       .pt_cancel_o         (pt_cancel),
    .pex_event_o
  );

  // ===========================================================================
  // WB
  // ===========================================================================
  logic [NumCtx*2-1:0]  div_op;
  logic [NumCtx*32-1:0] div_a, div_b;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      div_op[2*t +: 2]  = m_f3[t][1:0];
      div_a[32*t +: 32] = m_result[t];
      div_b[32*t +: 32] = m_wdata[t];
    end
  end

  outrider_writeback #(.NumCtx(NumCtx), .NbLoads(NbLoads), .LateAlu(LateAlu), .FillW(FillW)) u_writeback (
    .clk_i, .rst_ni,
    .valid_wb_i        (valid_wb),       .kill_wb_i         (kill_wb),
    .wb_i              (wb_rec),         .wait_i            (waiting),
    .dresp_valid_i,                      .dresp_rdata_i,
    .dresp_err_i,                        .dresp_nbl_i,
    .fill_valid_i,                       .fill_slot_i,
    .fill_data_i,                        .nbl_clear_i       (nbl_clear),
    .nbl_st_addr_i     (nbl_st_addr),    .nbl_st_hit_o      (nbl_st_hit),
    .nbl_free_o        (nbl_free),       .nbl_any_o         (nbl_any),
    .nbl_busy_o        (nbl_busy),       .wb_nbl_o          (wb_nbl),
    .wb_dep_i          (wb_dep),
    .late_we_o,                          .late_rd_o,
    .late_wdata_o,                       .retire_rd_late_o,
    .own_waddr_o       (own_waddr),      .own_wdata_o       (own_wdata),
    .div_start_i       (div_start),
    .div_op_i          (div_op),
    .div_a_i           (div_a),          .div_b_i           (div_b),
    .div_busy_o        (div_busy),       .sb_wb_mask_i      (sb_wb_mask),
    .sb_wb_data_i      (sb_wb_data),     .sb_late_mask_i    (sb_late_mask),
    .sb_late_data_i    (sb_late_data),   .mirror_we_i       (mirror_we),
    .mirror_waddr_i    (mirror_waddr),   .mirror_wdata_i    (mirror_wdata),
    .hs_start_i        (hs_start),       .hs_tid_i          (hs_tid),
    .hs_arg_i          (m_wdata[hs_lane]), .wb_err_o          (wb_err),
    .wb_park_o         (wb_park),
    .late_done_o       (late_done),      .late_err_o        (late_err),
    .pend_pc_o         (pend_pc),        .pend_addr_o       (pend_addr),
    .pend_store_o      (pend_store),     .pend_div_o        (pend_div),
    .valid_wb2_o       (valid_wb2),
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
    .fire_if_i        (fire_if),
    .pred_if_i        (pred_if),         .pred_target_if_i (pred_target_if),
    .predict_id_i     (predict_id),
    .target_id_i      (target_id),
    .redirect_ex_i    (redirect_ex),     .redirect_pc_ex_i (redirect_pc_ex),
    .mem_i            (mem_rec),
    .live_mem_i       (live_mem),        .pt_mem_i         (pt_mem),
    .trap_mem_i       (trap_mem),        .trap_cause_mem_i (trap_cause_mem),
    .trap_tval_mem_i  (trap_tval_mem),   .go_mem_i         (go_mem),
    .replay_mem_i     (replay_mem),      .sleep_mem_i      (sleep_mem),
    .retire_mem_i     (retire_mem),      .hold_mem_i       (dport_lost_o),
    .valid_wb_i       (valid_wb),        .valid_wb2_i      (valid_wb2),
    .wb_i             (wb_rec),
    .wb_err_i         (wb_err),          .wb_park_i        (wb_park),
    .wb_nbl_i         (wb_nbl),          .nbl_any_i        (nbl_any),
    .late_done_i      (late_done),       .late_err_i       (late_err),
    .pend_pc_i        (pend_pc),         .pend_addr_i      (pend_addr),
    .pend_store_i     (pend_store),      .div_busy_i       (div_busy),
    .trap_vector_i    (trap_vector),     .mepc_i           (csr_mepc),
    .exc_vector_i     (exc_vector),
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
    .kill_wb_o        (kill_wb),
    .redirect_ex_o    (redirect_ctx),    .trap_o           (trap_req),
    .trap_cause_o     (trap_cause),      .trap_pc_o        (trap_pc),
    .trap_tval_o      (trap_tval),       .mret_o           (mret_req),
    .hs_start_o       (hs_start),
    .hs_tid_o         (hs_tid),          .hs_lane_o        (hs_lane)
  );

  // ---- pipeline debug record (docs/debugging.md "Pipeline view") ----------
  // per lane t, slots 5*t .. 5*t+4 (IF..WB), flags at [16*t +: 16]: 0 IF
  // squashed (does not reach ID), 1 ID stalls (stays), 2 ID squashed, 3 EX
  // squashed, 4 MEM goes on to WB, 5 MEM traps, 6 MEM replayed (re-fetched),
  // 7 WB parks (completes later on the retirement port), 8 WB access fault,
  // 9 the lane holds (MEM lost the data port, or waits behind a WB that
  // waits: IF does not fetch, ID, EX and MEM keep their instructions), 10 WB
  // squashed (the squash after WB: the instruction before it parked or left
  // a load outstanding); other bits 0. An instruction moves on to the next
  // stage in the next cycle unless its stage's flags say otherwise.
  outrider_memwb_t wrec;   // a temporary inside the loop
  always_comb begin
    wrec = '0;
    for (int t = 0; t < NumCtx; t++) begin
      wrec = wb_rec[WbW*t +: WbW];
      dbg_pipe_valid_o[5*t +: 5]            = {valid_wb[t], dbg_valid[4*t +: 4]};
      dbg_pipe_pc_o[160*t +: 160]           = {wrec.pc, dbg_pc[128*t +: 128]};
      dbg_pipe_insn_o[160*t +: 160]         = {wrec.insn, dbg_insn[128*t +: 128]};
      dbg_pipe_flags_o[16*t +: 16]          = {5'd0, valid_wb[t] && kill_wb[t],
                                               dport_lost_o[t] || wb_hold[t], wb_err[t],
                                               wb_park[t], dbg_flags[7*t +: 7]};
      for (int s = 0; s < 5; s++) dbg_pipe_tid_o[TidW*(5*t + s) +: TidW] = TidW'(t);
    end
  end

  // ---- the retirement a CSR read of minstret counts ----------------------------
  // A CSR instruction goes on from MEM only behind a WB instruction that does
  // not wait for an answer (outrider_commit), so whether WB retires in that
  // cycle is known from registers: valid, not waiting, not squashed
  outrider_memwb_t rrec;   // a temporary inside the loop
  logic [NumCtx-1:0] csr_go;
  always_comb begin
    rrec = '0;
    for (int t = 0; t < NumCtx; t++) begin
      rrec         = wb_rec[WbW*t +: WbW];
      retire_rd[t] = valid_wb[t] && !rrec.wait_resp && !kill_wb[t];
      csr_go[t]    = retire_mem[t] && m_csr[t];
    end
  end

  // ---- issue and branch events per context (statistics) -----------------------
  // lane t issues context t: it loses its slot only to an ID stall or a
  // data-port hold
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      core_ev_o[t]            = eligible_if[t];
      core_ev_o[NumCtx + t]   = eligible_if[t] && !fire_if[t];
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

  // fields of the records only some units read
  logic unused_core;
  assign unused_core = ^{trap_pc, valid_mem, stall_id, mrec, wrec, rrec, csr_go};

  `include "outrider_assert.svh"
  `OR_ASSERT(!dreq_valid_o || lane_dreq[dreq_tid_o], "the data port serves a lane that asks")
  `OR_ASSERT((lane_dreq & ~dport_cand) == '0, "a lane that asks for the data port is a candidate")
  `OR_ASSERT((lane_ready & ~lane_dreq) == '0, "only the granted lane's request is accepted")
  // a property of the reachable states (a parked context has nothing in MEM),
  // so checked in simulation only
`ifdef OUTRIDER_ASSERT
  `OR_ASSERT((csr_go & (retire_rd ^ retire_valid_o)) == '0,
             "a CSR read in MEM counts WB's retirement exactly")
`endif
endmodule
