// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_park: the data cache's parked-request table, one entry per
// context: a request that stage 1 could not finish waits here and is
// replayed through stage 0 (docs/dcache.md "Parking and replay").
//
// What it does
// - Stage 1 parks its request (park_i, for context s1_tid_i) with what it
//   waits for: its own MSHR or the MSHR its line is in flight in (WaitMshr,
//   park_id_i), any MSHR to complete (WaitAny: none free or no way), or
//   the flush engine (WaitFence); park_rdy_i: replay at once.
// - Wakes an entry when the MSHR it waits for installs its line (done_v_i,
//   that very cycle) or, for WaitAny, when any MSHR does. A woken entry is
//   offered for replay (replay_*_o, lowest context first); the arbiter
//   takes it (replay_go_i) when the victim reader does not have priority.
// - Answers a parked request itself (pend_resp_*_o) when
//     the refill it waits for (its own or merged) failed: access fault;
//     the refill beat carrying the word of a parked plain load arrives
//     (early restart: answered with rsp_data_i);
//     the flush engine is done (fences armed by fl_arm_i, answered by
//     fl_done_i: a fence that parks during a walk waits for the next one).
// - mshr_full_o: entries parked because no MSHR was free (event pulses).
//
// Timing: wake-up, the replay offer and the answers are combinational from
// the MSHR and refill-beat inputs; entries change at the clock edge. An
// entry parked in cycle t can be replayed in cycle t+1 at the earliest.
//
// Not here: no decision about what to park (outrider_dcache_decide), no
// MSHR state: the table only compares MSHR ids.
module outrider_dcache_park #(
  parameter int NumCtx  = 2,
  parameter int MshrW   = 2,
  parameter int WordW   = 3,
  // derived: do not override
  parameter int TidW    = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // stage 1 parks its request
  input  logic                 park_i,
  input  logic [TidW-1:0]      s1_tid_i,
  input  logic [ReqW-1:0]      s1_req_i,
  input  logic                 park_rdy_i,    // replay at once
  input  logic [1:0]           park_wait_i,   // Wait*
  input  logic [MshrW-1:0]     park_id_i,
  input  logic                 park_cls_i,    // classified (event sent)
  input  logic                 park_full_i,   // parked for lack of an MSHR
  input  logic                 park_own_i,    // waits for its own line (errors reach it)

  // replay offer and its acceptance by stage 0
  output logic                 replay_any_o,
  output logic [TidW-1:0]      replay_tid_o,
  output logic [ReqW-1:0]      replay_req_o,
  output logic                 replay_cls_o,
  input  logic                 replay_go_i,

  // MSHR completion and refill beats
  input  logic                 done_v_i,      // an MSHR installs its line (or failed)
  input  logic [MshrW-1:0]     done_id_i,
  input  logic                 done_err_i,
  input  logic                 rsp_valid_i,
  input  logic [MshrW-1:0]     rsp_id_i,
  input  logic [WordW-1:0]     rsp_idx_i,
  input  logic [31:0]          rsp_data_i,
  input  logic                 rsp_err_i,

  // flush engine
  output logic [NumCtx-1:0]    fence_wait_o,  // a fence is parked
  input  logic                 fl_arm_i,      // arm every parked fence
  input  logic                 fl_done_i,     // answer every armed fence

  // answers
  output logic [NumCtx-1:0]    pend_resp_o,
  output logic [NumCtx-1:0]    pend_resp_err_o,
  output logic [NumCtx*32-1:0] pend_resp_data_o,

  output logic [NumCtx-1:0]    mshr_full_o
);
  `include "outrider_defs.svh"
  `include "outrider_dcache_defs.svh"

  // ---- entries -------------------------------------------------------------------
  logic [NumCtx-1:0]       v_q, v_d;
  logic [NumCtx-1:0]       rdy_q, rdy_d;
  logic [NumCtx*2-1:0]     wait_q, wait_d;
  logic [NumCtx*MshrW-1:0] id_q, id_d;
  logic [NumCtx-1:0]       cls_q, cls_d;
  logic [NumCtx-1:0]       full_q, full_d;
  logic [NumCtx-1:0]       own_q, own_d;
  logic [NumCtx*ReqW-1:0]  req_q, req_d;
  logic [NumCtx-1:0]       armed_q, armed_d;     // fence armed for the current walk

  // field views of the parked requests (continuous assignments: Icarus
  // cannot take struct members or constant part-selects inside always_*)
  logic [NumCtx*3-1:0]     pend_op;
  logic [NumCtx*WordW-1:0] pend_word;
  for (genvar g = 0; g < NumCtx; g++) begin : g_pend_view
    assign pend_op[3*g +: 3]           = req_q[ReqW * g + ReqOpLsb +: 3];
    assign pend_word[WordW*g +: WordW] = req_q[ReqW * g + ReqAddrLsb + 2 +: WordW];
    assign fence_wait_o[g]             = v_q[g] && (wait_q[2*g +: 2] == WaitFence);
  end

  // ---- wake-up -------------------------------------------------------------------
  // A parked request wakes when the MSHR it waits for installs its line
  // (that very cycle: its replay reads the arrays after the last beat was
  // written), or, waiting for resources, when any MSHR does; a plain load
  // is answered directly by the refill beat carrying its word (early
  // restart; the refill starts at the word the miss asked for).
  logic [NumCtx-1:0] wake_now, wake_err, early;

  always_comb begin : p_wake
    logic mine;
    for (int c = 0; c < NumCtx; c++) begin
      mine = (wait_q[2*c +: 2] == WaitMshr);
      wake_now[c] = v_q[c] && !rdy_q[c] && done_v_i &&
                    ((wait_q[2*c +: 2] == WaitAny) ||
                     (mine && (id_q[MshrW*c +: MshrW] == done_id_i) &&
                      !(done_err_i && own_q[c])));
      wake_err[c] = v_q[c] && !rdy_q[c] && done_v_i && mine && own_q[c] &&
                    (id_q[MshrW*c +: MshrW] == done_id_i) && done_err_i;
      early[c]    = v_q[c] && !rdy_q[c] && mine && own_q[c] &&
                    rsp_valid_i && !rsp_err_i && (id_q[MshrW*c +: MshrW] == rsp_id_i) &&
                    (pend_op[3*c +: 3] == DopLoad) && (pend_word[WordW*c +: WordW] == rsp_idx_i);
    end
  end

  always_comb begin : p_replay_pick
    replay_any_o = 1'b0;
    replay_tid_o = '0;
    for (int c = NumCtx - 1; c >= 0; c--) begin
      if (v_q[c] && (rdy_q[c] || wake_now[c])) begin
        replay_any_o = 1'b1;
        replay_tid_o = TidW'(c);
      end
    end
  end
  assign replay_req_o = req_q[ReqW*replay_tid_o +: ReqW];
  assign replay_cls_o = cls_q[replay_tid_o];

  // ---- next state ----------------------------------------------------------------
  always_comb begin : p_next
    v_d     = v_q;
    rdy_d   = rdy_q;
    wait_d  = wait_q;
    id_d    = id_q;
    cls_d   = cls_q;
    full_d  = full_q;
    own_d   = own_q;
    req_d   = req_q;
    armed_d = armed_q;
    pend_resp_o      = '0;
    pend_resp_err_o  = '0;
    pend_resp_data_o = '0;
    for (int c = 0; c < NumCtx; c++) begin
      if (wake_now[c]) rdy_d[c] = 1'b1;
      if (wake_err[c]) begin
        v_d[c]             = 1'b0;       // the refill failed: access fault
        pend_resp_o[c]     = 1'b1;
        pend_resp_err_o[c] = 1'b1;
      end
      if (early[c]) begin
        v_d[c]         = 1'b0;           // answered by the refill beat
        pend_resp_o[c] = 1'b1;
        pend_resp_data_o[32*c +: 32] = rsp_data_i;
      end
    end
    if (replay_go_i) begin
      for (int c = 0; c < NumCtx; c++) if (replay_tid_o == TidW'(c)) v_d[c] = 1'b0;
    end
    if (park_i) begin
      for (int c = 0; c < NumCtx; c++) begin
        if (s1_tid_i == TidW'(c)) begin
          v_d[c]                 = 1'b1;
          rdy_d[c]               = park_rdy_i;
          wait_d[2*c +: 2]       = park_wait_i;
          id_d[MshrW*c +: MshrW] = park_id_i;
          cls_d[c]               = park_cls_i;
          full_d[c]              = park_full_i;
          own_d[c]               = park_own_i;
          req_d[ReqW*c +: ReqW]  = s1_req_i;
          armed_d[c]             = 1'b0;
        end
      end
    end
    // fences: armed when a walk starts, answered when it has drained
    for (int c = 0; c < NumCtx; c++) begin
      if (fl_arm_i && fence_wait_o[c]) armed_d[c] = 1'b1;
    end
    if (fl_done_i) begin
      for (int c = 0; c < NumCtx; c++) begin
        if (fence_wait_o[c] && armed_q[c]) begin
          v_d[c]         = 1'b0;
          pend_resp_o[c] = 1'b1;
          armed_d[c]     = 1'b0;
        end
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      v_q     <= '0;
      rdy_q   <= '0;
      wait_q  <= '0;
      id_q    <= '0;
      cls_q   <= '0;
      full_q  <= '0;
      own_q   <= '0;
      req_q   <= '0;
      armed_q <= '0;
    end else begin
      v_q     <= v_d;
      rdy_q   <= rdy_d;
      wait_q  <= wait_d;
      id_q    <= id_d;
      cls_q   <= cls_d;
      full_q  <= full_d;
      own_q   <= own_d;
      req_q   <= req_d;
      armed_q <= armed_d;
    end
  end

  assign mshr_full_o = v_q & full_q;
endmodule
