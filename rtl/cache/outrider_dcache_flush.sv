// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_flush: the data cache's flush engine, which makes a fence
// (DopFence, sent for fence.i) wait until every dirty line is in memory
// (docs/dcache.md "Atomics and fences").
//
// What it does
// - FlIdle: when a fence is parked (fence_wait_i), arms every parked fence
//   (fl_arm_o, the parked-request table keeps the flags) and starts a walk
//   at set 0, on behalf of the lowest such context (fl_tid_o: the context
//   the write-back events name); first, if MSHRs hold posted store bytes
//   (posted_m_i), FlPost.
// - FlPost: waits until every MSHR that held posted bytes when the fence
//   started has installed its line (done_v_i/done_id_i; the line is then
//   dirty, and the walk writes it back). Stores posted later are not
//   waited for, so a context that keeps posting cannot starve a fence.
// - FlWalk: offers the sequencer one dirty valid way of the current set at
//   a time (fl_cand_o, fl_way_o: the lowest such way not already being
//   copied out); moves to the next set when none is left; after the last
//   set, FlDrain. Lines stay valid, now clean.
// - FlDrain: waits until no victim copy or MSHR victim write-back is
//   pending and the bus master has no write-back in progress, then answers
//   every armed fence (fl_done_o) and goes idle. Fences that parked during
//   the walk were not armed: they wait for the next walk.
//
// Timing: fl_cand_o/fl_way_o combinational from the frame bits of fl_set_o
// (fl_valid_i, fl_dirty_i) and the victim reader; fl_arm_o/fl_done_o from
// the state; the state changes at the clock edge. A walk visits one set per
// cycle when it has nothing to write back.
//
// Not here: the copies themselves (outrider_dcache_seq), the fences' answers
// (outrider_dcache_park).
module outrider_dcache_flush #(
  parameter int NumCtx = 2,
  parameter int NumMshr = 4,
  parameter int MshrW  = 2,
  parameter int Sets   = 64,
  parameter int Ways   = 2,
  // derived: do not override
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1,
  parameter int SetW   = (Sets > 1) ? $clog2(Sets) : 1,
  parameter int WayW   = (Ways > 1) ? $clog2(Ways) : 1
) (
  input  logic              clk_i,
  input  logic              rst_ni,
  input  logic [NumCtx-1:0] fence_wait_i,   // a fence is parked, per context
  output logic              fl_arm_o,
  output logic              fl_done_o,
  output logic              fl_walk_o,
  output logic [SetW-1:0]   fl_set_o,
  output logic [TidW-1:0]   fl_tid_o,
  input  logic [Ways-1:0]   fl_valid_i,     // frame bits of set fl_set_o
  input  logic [Ways-1:0]   fl_dirty_i,
  output logic              fl_cand_o,      // a dirty line of the set to write back
  output logic [WayW-1:0]   fl_way_o,
  input  logic              vr_active_i,    // the victim reader copies way vr_way_i of vr_set_i
  input  logic [SetW-1:0]   vr_set_i,
  input  logic [WayW-1:0]   vr_way_i,
  input  logic              mswb_any_i,     // an MSHR victim is still to be copied
  input  logic              wr_busy_i,      // the bus master has a write-back in progress
  input  logic [NumMshr-1:0] posted_m_i,    // MSHRs holding posted store bytes (not installing)
  input  logic              done_v_i,       // an MSHR installs its line this cycle
  input  logic [MshrW-1:0]  done_id_i
);
  typedef enum logic [1:0] {
    FlIdle  = 2'd0,
    FlWalk  = 2'd1,   // visiting every set, writing back dirty lines
    FlDrain = 2'd2,   // waiting for write-backs in progress to be acknowledged
    FlPost  = 2'd3    // waiting for the posted stores in flight at the start to install
  } fl_e;

  localparam logic [SetW-1:0] LastSet = SetW'(Sets - 1);

  fl_e             fl_q, fl_d;
  logic [SetW-1:0] fl_set_q, fl_set_d;
  logic [TidW-1:0] fl_tid_q, fl_tid_d;
  logic            fl_drained;
  logic [NumMshr-1:0] pend_q, pend_d;   // FlPost: MSHRs still to install
  logic [NumMshr-1:0] done_m;
  always_comb begin : p_done_m
    for (int m = 0; m < NumMshr; m++) done_m[m] = done_v_i && (done_id_i == MshrW'(m));
  end

  always_comb begin : p_cand
    fl_cand_o = 1'b0;
    fl_way_o  = '0;
    for (int w = Ways - 1; w >= 0; w--) begin
      if (fl_valid_i[w] && fl_dirty_i[w] &&
          !(vr_active_i && (vr_set_i == fl_set_q) && (vr_way_i == WayW'(w)))) begin
        fl_cand_o = 1'b1;
        fl_way_o  = WayW'(w);
      end
    end
    fl_drained = !vr_active_i && !mswb_any_i && !wr_busy_i;
  end

  always_comb begin : p_next
    fl_d     = fl_q;
    fl_set_d = fl_set_q;
    fl_tid_d = fl_tid_q;
    pend_d   = pend_q & ~done_m;
    case (fl_q)
      FlIdle: begin
        for (int c = NumCtx - 1; c >= 0; c--) begin
          if (fence_wait_i[c]) fl_tid_d = TidW'(c);
        end
        if (fence_wait_i != '0) begin
          // posted stores in flight now (their fences' own included) are
          // waited for first: their lines then install dirty and the walk
          // writes them back; later ones are not (no starvation)
          if (posted_m_i != '0) fl_d = FlPost;
          else                  fl_d = FlWalk;
          fl_set_d = '0;
          pend_d   = posted_m_i;
        end
      end
      FlPost: begin
        if (pend_d == '0) fl_d = FlWalk;
      end
      FlWalk: begin
        if (!fl_cand_o) begin
          if (fl_set_q == LastSet) fl_d = FlDrain;
          else                     fl_set_d = fl_set_q + 1'b1;
        end
      end
      FlDrain: begin
        if (fl_drained) fl_d = FlIdle;
      end
      default: fl_d = FlIdle;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      fl_q     <= FlIdle;
      fl_set_q <= '0;
      fl_tid_q <= '0;
      pend_q   <= '0;
    end else begin
      fl_q     <= fl_d;
      fl_set_q <= fl_set_d;
      fl_tid_q <= fl_tid_d;
      pend_q   <= pend_d;
    end
  end

  assign fl_arm_o  = (fl_q == FlIdle);
  assign fl_done_o = (fl_q == FlDrain) && fl_drained;
  assign fl_walk_o = (fl_q == FlWalk);
  assign fl_set_o  = fl_set_q;
  assign fl_tid_o  = fl_tid_q;
endmodule
