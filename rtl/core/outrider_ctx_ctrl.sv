// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_ctx_ctrl: context control of outrider_core: the state of every
// hardware context and where each one fetches next.
//
// Per context t it keeps whether the context runs (active_q[t]), runs a
// p-thread (pthread_q[t]), is parked on a late result (wait_q[t]), sleeps in
// wfi (sleep_q[t]), pauses (pause_q[t], PauseCycles down to 0), and its next
// fetch PC (pc_q[t]). It raises the flushes (which stage squashes which
// context's younger instructions: kill_*_o), the trap and mret requests to
// the context's CSRs, tracks the data-side request each context has
// outstanding, knows which contexts are free, and runs hart.start (the
// lowest free context starts at rs1 with a0 = rs2).
//
// The squash that follows WB is a cycle late and comes from a register
// (kill_wb_q): when the instruction in WB parks, gets an access fault, or is
// a load answered as outstanding that a younger instruction reads, the
// younger instructions of its context (which moved on meanwhile: only
// plain ones could leave MEM, outrider_commit) are squashed in the next
// cycle, in every stage including WB, and the context re-fetches from the
// PC recorded with it (the next instruction, or the trap vector). So the
// data side's answer reaches no squash, no next PC and no stage of this
// cycle (docs/core.md "The squash after WB").
//
// The next PC of a context, highest priority first (p_next_pc below):
//   1. the context is started (pex.spawn, hart.start): the start PC;
//   2. a parked instruction completes with an access fault: trap vector;
//   3. the squash after WB (kill_wb_q): the recorded PC (the instruction
//      after the one that parked or left a load outstanding, or the trap
//      vector after an access fault);
//   4. MEM: trap -> trap vector; replay -> the instruction again;
//      mret -> mepc; fence.i, pause, wfi, hart.exit -> the next instruction;
//   5. EX: wrong prediction -> the resolved target / fall-through;
//   6. ID: predicted taken (JAL, backward branch) -> the target;
//   7. IF: fetched -> the predicted target (outrider_bpred: BTB hit of a
//      jump, a return or a branch predicted taken), else PC + 4;
//   8. otherwise unchanged.
// An older stage's redirect wins because it squashes the younger ones.
//
// Every context has its own issue lane (lane t holds only context t's
// instructions), so each stage input comes per lane: fire_if_i[t] is "lane
// t fetched", trap_mem_i[t] "the instruction in lane t's MEM traps", and so
// on. A started context's PC comes from the record in the starting lane's
// MEM stage (lane 0 for pex.spawn, hs_lane_o for hart.start).
//
// It does not decide whether an instruction traps or commits (outrider_commit),
// nor when a p-thread starts or stops (outrider_preexec: sp_start_i, pt_end_i).
//
// Timing: all outputs are combinational from the pipeline registers, the
// stage decisions of this cycle and the state registers here; next state at
// the clock edge.
module outrider_ctx_ctrl #(
  parameter int NumCtx      = 2,
  parameter int PauseCycles = 32,
  parameter logic [31:0] BootAddr = 32'h8000_0000,
  parameter int TidW        = (NumCtx > 1) ? $clog2(NumCtx) : 1,
  parameter int ExW         = `OR_EXMEM_W,
  parameter int WbW         = `OR_MEMWB_W
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // IF, ID, EX of each lane
  input  logic [NumCtx-1:0]    fire_if_i,
  input  logic [NumCtx-1:0]    pred_if_i,        // IF's predictor: fetch pred_target_if_i next
  input  logic [NumCtx*32-1:0] pred_target_if_i,
  input  logic [NumCtx-1:0]    predict_id_i,
  input  logic [NumCtx*32-1:0] target_id_i,
  input  logic [NumCtx-1:0]    redirect_ex_i,
  input  logic [NumCtx*32-1:0] redirect_pc_ex_i,

  // MEM of each lane (outrider_commit)
  input  logic [NumCtx*ExW-1:0] mem_i,
  input  logic [NumCtx-1:0]    live_mem_i,
  input  logic [NumCtx-1:0]    pt_mem_i,
  input  logic [NumCtx-1:0]    trap_mem_i,
  input  logic [NumCtx*32-1:0] trap_cause_mem_i,
  input  logic [NumCtx*32-1:0] trap_tval_mem_i,
  input  logic [NumCtx-1:0]    go_mem_i,
  input  logic [NumCtx-1:0]    replay_mem_i,
  input  logic [NumCtx-1:0]    sleep_mem_i,
  input  logic [NumCtx-1:0]    retire_mem_i,
  input  logic [NumCtx-1:0]    hold_mem_i,       // the lane holds (MEM lost the data port)

  // WB of each lane (outrider_commit's MEM/WB register, outrider_writeback)
  input  logic [NumCtx-1:0]    valid_wb_i,
  input  logic [NumCtx-1:0]    valid_wb2_i,    // WB2 writes a register (outrider_writeback)
  input  logic [NumCtx*WbW-1:0] wb_i,
  input  logic [NumCtx-1:0]    wb_err_i,
  input  logic [NumCtx-1:0]    wb_park_i,
  input  logic [NumCtx-1:0]    wb_nbl_i,      // the load in WB is outstanding (outrider_nbl)
  input  logic [NumCtx-1:0]    nbl_any_i,     // the context has outstanding loads
  input  logic [NumCtx-1:0]    late_done_i,
  input  logic [NumCtx-1:0]    late_err_i,
  input  logic [NumCtx*32-1:0] pend_pc_i,
  input  logic [NumCtx*32-1:0] pend_addr_i,
  input  logic [NumCtx-1:0]    pend_store_i,
  input  logic [NumCtx-1:0]    div_busy_i,

  // CSR file
  input  logic [NumCtx*32-1:0] trap_vector_i,   // the vector of MEM's trap cause
  input  logic [NumCtx*32-1:0] exc_vector_i,    // every exception's (an access fault's)
  input  logic [NumCtx*32-1:0] mepc_i,
  input  logic [NumCtx-1:0]    irq_pending_i,

  // pre-execution (outrider_preexec)
  input  logic                 sp_start_i,     // lane 0's pex.spawn starts context sp_tid_i
  input  logic [TidW-1:0]      sp_tid_i,
  input  logic [NumCtx-1:0]    pt_exc_mem_i,   // the p-thread in MEM stops (exception)
  input  logic [NumCtx-1:0]    pt_stop_mem_i,  // ... after this instruction (stop, budget)
  input  logic [NumCtx-1:0]    pt_end_i,       // the p-thread ends (stop or cancel)
  input  logic [NumCtx-1:0]    pt_cancel_i,    // ... because it was cancelled

  // data-side handshake (which context has a request outstanding)
  input  logic                 dreq_valid_i,
  input  logic                 dreq_ready_i,
  input  logic [TidW-1:0]      dreq_tid_i,
  input  logic [NumCtx-1:0]    dresp_valid_i,

  // context state
  output logic [NumCtx-1:0]    active_o,
  output logic [NumCtx-1:0]    pthread_o,
  output logic [NumCtx-1:0]    wait_o,
  output logic [NumCtx-1:0]    sleep_o,
  output logic [NumCtx-1:0]    pausing_o,
  output logic [NumCtx*32-1:0] pc_o,
  output logic [NumCtx-1:0]    free_o,         // free: nothing of it in flight

  // flushes: squash the context's instruction in that stage
  output logic [NumCtx-1:0]    kill_if_o,
  output logic [NumCtx-1:0]    kill_id_o,
  output logic [NumCtx-1:0]    kill_ex_o,
  output logic [NumCtx-1:0]    kill_mem_o,
  output logic [NumCtx-1:0]    kill_wb_o,      // the squash after WB (a register)
  output logic [NumCtx-1:0]    redirect_ex_o,  // per context: EX redirect (hpm4)

  // to the CSR files
  output logic [NumCtx-1:0]    trap_o,
  output logic [NumCtx*32-1:0] trap_cause_o,
  output logic [NumCtx*32-1:0] trap_pc_o,
  output logic [NumCtx*32-1:0] trap_tval_o,
  output logic [NumCtx-1:0]    mret_o,

  // hart.start
  output logic                 hs_start_o,
  output logic [TidW-1:0]      hs_tid_o,       // the started context
  output logic [TidW-1:0]      hs_lane_o       // the lane (context) that starts it
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"
  `include "outrider_core_funcs.svh"

  localparam int PauseW = $clog2(PauseCycles + 1);

  logic [NumCtx-1:0] active_q, active_d;   // running (hart or p-thread)
  logic [NumCtx-1:0] pthread_q, pthread_d; // running a p-thread
  logic [NumCtx-1:0] wait_q, wait_d;       // parked on a late result
  logic [NumCtx-1:0] sleep_q, sleep_d;     // in wfi
  logic [PauseW-1:0] pause_q [NumCtx];
  logic [PauseW-1:0] pause_d [NumCtx];
  logic [31:0]       pc_q [NumCtx];        // next fetch PC
  logic [31:0]       pc_d [NumCtx];
  logic [NumCtx-1:0] mem_busy_q;           // a data-side request is outstanding
  logic [NumCtx-1:0] kill_wb_q;            // squash the context's younger instructions now
  logic [31:0]       kill_pc_q [NumCtx];   // ... and fetch from here

  logic [31:0] trap_vector [NumCtx];
  logic [31:0] exc_vector  [NumCtx];
  logic [31:0] mepc        [NumCtx];
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      trap_vector[t] = trap_vector_i[32*t +: 32];
      exc_vector[t]  = exc_vector_i[32*t +: 32];
      mepc[t]        = mepc_i[32*t +: 32];
    end
  end

  // lane t's records, field by field (Icarus cannot select a member of an
  // element of an array of structs)
  logic [31:0]       m_pc [NumCtx];
  logic [31:0]       m_result [NumCtx];
  logic [31:0]       w_pc [NumCtx];
  logic [31:0]       w_addr [NumCtx];
  logic [NumCtx-1:0] m_mret, m_fencei, m_pause, m_hexit, m_hstart, w_store;
  outrider_exmem_t   mrec;   // temporaries inside the loop
  outrider_memwb_t   wrec;
  always_comb begin
    mrec = '0;
    wrec = '0;
    for (int t = 0; t < NumCtx; t++) begin
      mrec        = mem_i[ExW*t +: ExW];
      wrec        = wb_i[WbW*t +: WbW];
      m_pc[t]     = mrec.pc;
      m_result[t] = mrec.result;
      m_mret[t]   = mrec.mret;
      m_fencei[t] = mrec.fencei;
      m_pause[t]  = mrec.pause;
      m_hexit[t]  = mrec.hexit;
      m_hstart[t] = mrec.hstart;
      w_pc[t]     = wrec.pc;
      w_addr[t]   = wrec.addr;
      w_store[t]  = wrec.store;
    end
  end

  // ---- flushes, by the stage that raises them --------------------------------
  // the squash after WB, for the next cycle: WB parks, faults, or leaves a
  // load outstanding that a younger instruction reads
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) kill_wb_q <= '0;
    else         kill_wb_q <= wb_park_i | wb_nbl_i | wb_err_i;
  end
  always_ff @(posedge clk_i) begin
    for (int t = 0; t < NumCtx; t++)
      kill_pc_q[t] <= wb_err_i[t] ? exc_vector[t] : w_pc[t] + 32'd4;
  end

  logic [NumCtx-1:0] mem_redirects;   // the instruction in MEM sends its context elsewhere
  logic [NumCtx-1:0] mem_commits_flush;
  logic [NumCtx-1:0] flush_wb, flush_mem, flush_ex, flush_id;
  always_comb begin : p_flush
    for (int t = 0; t < NumCtx; t++) begin
      mem_redirects[t]     = trap_mem_i[t] || replay_mem_i[t] || (m_mret[t] && !pt_mem_i[t]) ||
                             m_fencei[t] || m_pause[t] || sleep_mem_i[t] || m_hexit[t];
      mem_commits_flush[t] = go_mem_i[t] && ((m_mret[t] && !pt_mem_i[t]) || m_fencei[t] ||
                                             m_pause[t] || sleep_mem_i[t] || m_hexit[t] ||
                                             pt_stop_mem_i[t]);
      // a parked context has nothing in its lane (its younger instructions
      // were squashed and it fetches nothing), so late_err_i squashes nothing
      flush_wb[t]  = kill_wb_q[t];
      flush_mem[t] = (live_mem_i[t] && (trap_mem_i[t] || pt_exc_mem_i[t] || replay_mem_i[t] ||
                                        mem_commits_flush[t])) ||
                     pt_cancel_i[t];
    end
  end
  // the squash after WB takes WB's and MEM's instructions alike
  assign kill_wb_o  = flush_wb;
  assign kill_mem_o = flush_wb;
  assign kill_ex_o  = flush_wb | flush_mem;
  assign flush_ex   = redirect_ex_i;
  assign kill_id_o  = kill_ex_o | flush_ex;
  assign flush_id   = predict_id_i & ~kill_id_o;
  assign kill_if_o     = kill_id_o | flush_id;
  assign redirect_ex_o = flush_ex;

  // ---- trap and mret requests ----------------------------------------------------
  always_comb begin : p_trap
    for (int t = 0; t < NumCtx; t++) begin
      trap_o[t]                = 1'b0;
      trap_cause_o[32*t +: 32] = trap_cause_mem_i[32*t +: 32];
      trap_pc_o[32*t +: 32]    = m_pc[t];
      trap_tval_o[32*t +: 32]  = trap_tval_mem_i[32*t +: 32];
      if (late_err_i[t]) begin
        trap_o[t]                = !pthread_q[t];
        trap_cause_o[32*t +: 32] = pend_store_i[t] ? ExcStoreAccess : ExcLoadAccess;
        trap_pc_o[32*t +: 32]    = pend_pc_i[32*t +: 32];
        trap_tval_o[32*t +: 32]  = pend_addr_i[32*t +: 32];
      end else if (wb_err_i[t]) begin
        trap_o[t]                = !pthread_q[t];
        trap_cause_o[32*t +: 32] = w_store[t] ? ExcStoreAccess : ExcLoadAccess;
        trap_pc_o[32*t +: 32]    = w_pc[t];
        trap_tval_o[32*t +: 32]  = w_addr[t];
      end else if (trap_mem_i[t]) begin
        trap_o[t] = 1'b1;
      end
      mret_o[t] = go_mem_i[t] && m_mret[t] && !pt_mem_i[t];
    end
  end

  // ---- free contexts, hart.start ---------------------------------------------------
  always_comb begin
    for (int c = 0; c < NumCtx; c++) begin
      free_o[c] = !active_q[c] && !wait_q[c] && !valid_wb_i[c] && !valid_wb2_i[c] &&
                  !nbl_any_i[c] &&
                  !mem_busy_q[c] && !div_busy_i[c];
    end
  end

  // the lowest free context; a p-thread's hart.start is refused; the core
  // replays a lane's hart.start when a lower lane has one in MEM too, so at
  // most one lane starts a hart per cycle (the lowest, should two arrive)
  logic [NumCtx-1:0] hs_try;
  logic              hs_found, hs_any, hs_multi;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) hs_try[t] = retire_mem_i[t] && m_hstart[t] && !pt_mem_i[t];
    hs_multi = 1'b0;
    for (int t = 1; t < NumCtx; t++) begin
      for (int u = 0; u < NumCtx; u++) if ((u < t) && hs_try[t] && hs_try[u]) hs_multi = 1'b1;
    end
  end
  assign {hs_found, hs_tid_o}  = lowest_set(free_o);
  assign {hs_any, hs_lane_o}   = lowest_set(hs_try);
  assign hs_start_o = hs_any && hs_found;

  // ---- next state ------------------------------------------------------------------
  logic [NumCtx-1:0] start, commit_mem;
  logic [31:0]       start_pc;   // the start PC of this cycle's spawn or hart.start
  always_comb begin
    start_pc = sp_start_i ? m_result[0] : m_result[hs_lane_o];
    for (int t = 0; t < NumCtx; t++) begin
      start[t]      = (sp_start_i && (sp_tid_i == TidW'(t))) ||
                      (hs_start_o && (hs_tid_o == TidW'(t)));
      commit_mem[t] = retire_mem_i[t];   // lane t's MEM instruction goes on to WB
    end
  end

  // the next PC, as an explicit priority (see the header)
  always_comb begin : p_next_pc
    for (int t = 0; t < NumCtx; t++) begin
      if (start[t])                                  pc_d[t] = start_pc;
      else if (late_err_i[t])                        pc_d[t] = exc_vector[t];
      else if (kill_wb_q[t])                         pc_d[t] = kill_pc_q[t];
      else if (live_mem_i[t] && mem_redirects[t] && !hold_mem_i[t]) begin
        if (trap_mem_i[t])                           pc_d[t] = trap_vector[t];
        else if (replay_mem_i[t])                    pc_d[t] = m_pc[t];
        else if (m_mret[t] && !pt_mem_i[t])          pc_d[t] = mepc[t];
        else                                         pc_d[t] = m_pc[t] + 32'd4;
      end
      else if (flush_ex[t])                          pc_d[t] = redirect_pc_ex_i[32*t +: 32];
      else if (flush_id[t])                          pc_d[t] = target_id_i[32*t +: 32];
      else if (fire_if_i[t] && pred_if_i[t])         pc_d[t] = pred_target_if_i[32*t +: 32];
      else if (fire_if_i[t])                         pc_d[t] = pc_q[t] + 32'd4;
      else                                           pc_d[t] = pc_q[t];
    end
  end

  // the rest of the context state, also highest priority first
  always_comb begin : p_next_state
    for (int t = 0; t < NumCtx; t++) begin
      // running, and as what
      if (start[t])                                  active_d[t] = 1'b1;
      else if (pt_end_i[t])                          active_d[t] = 1'b0;
      else if (commit_mem[t] && m_hexit[t])          active_d[t] = 1'b0;
      else                                           active_d[t] = active_q[t];

      if (sp_start_i && (sp_tid_i == TidW'(t)))      pthread_d[t] = 1'b1;
      else if (hs_start_o && (hs_tid_o == TidW'(t))) pthread_d[t] = 1'b0;
      else                                           pthread_d[t] = pthread_q[t];

      // parked: a cancelled p-thread leaves its outstanding access behind
      if (pt_cancel_i[t])                            wait_d[t] = 1'b0;
      else if (late_done_i[t])                       wait_d[t] = 1'b0;
      else if (wb_park_i[t] && !wb_err_i[t])         wait_d[t] = 1'b1;
      else                                           wait_d[t] = wait_q[t];

      // wfi: until an interrupt is pending
      if (start[t] || pt_end_i[t])                   sleep_d[t] = 1'b0;
      else if (commit_mem[t] && sleep_mem_i[t])      sleep_d[t] = 1'b1;
      else                                           sleep_d[t] = sleep_q[t] && !irq_pending_i[t];

      // pause: PauseCycles cycles without issue slots
      if (start[t] || pt_end_i[t])                   pause_d[t] = '0;
      else if (commit_mem[t] && m_pause[t])          pause_d[t] = PauseW'(PauseCycles);
      else if (pause_q[t] != '0)                     pause_d[t] = pause_q[t] - PauseW'(1);
      else                                           pause_d[t] = pause_q[t];
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      active_q   <= {{(NumCtx-1){1'b0}}, 1'b1};   // context 0 runs, the others are free
      pthread_q  <= '0;
      wait_q     <= '0;
      sleep_q    <= '0;
      mem_busy_q <= '0;
      for (int t = 0; t < NumCtx; t++) begin
        pause_q[t] <= '0;
        pc_q[t]    <= BootAddr;
      end
    end else begin
      active_q  <= active_d;
      pthread_q <= pthread_d;
      wait_q    <= wait_d;
      sleep_q   <= sleep_d;
      for (int t = 0; t < NumCtx; t++) begin
        pause_q[t]    <= pause_d[t];
        pc_q[t]       <= pc_d[t];
        mem_busy_q[t] <= (mem_busy_q[t] && !dresp_valid_i[t]) ||
                         (dreq_valid_i && dreq_ready_i && (dreq_tid_i == TidW'(t)));
      end
    end
  end

  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      pausing_o[t]      = (pause_q[t] != '0);
      pc_o[32*t +: 32]  = pc_q[t];
    end
  end
  assign active_o  = active_q;
  assign pthread_o = pthread_q;
  assign wait_o    = wait_q;
  assign sleep_o   = sleep_q;

  // fields of the records context control does not read
  logic unused_ctx;
  assign unused_ctx = ^{mem_i, wb_i, mrec, wrec, hs_multi};   // hs_multi: the assertion

  `include "outrider_assert.svh"
  for (genvar t = 0; t < NumCtx; t++) begin : g_assert
    `OR_ASSERT(!(pthread_q[t] && trap_o[t]), "a p-thread never takes a trap")
    `OR_ASSERT(!(pthread_q[t] && mret_o[t]), "a p-thread never executes mret")
  end
  `OR_ASSERT(!hs_start_o || free_o[hs_tid_o], "hart.start starts a free context")
  `OR_ASSERT(!hs_multi, "at most one lane starts a hart per cycle")
  `OR_ASSERT((kill_mem_o & ~kill_ex_o) == '0 && (kill_ex_o & ~kill_id_o) == '0 &&
             (kill_id_o & ~kill_if_o) == '0, "a flush squashes every younger stage")
endmodule
