// SPDX-License-Identifier: Apache-2.0
// outrider_dside_checker: protocol checker for the core <-> data-side
// interface (dreq_* / dresp_*), the contract stated in outrider_dcache.sv and
// outrider_dbiu.sv: per context at most one request outstanding; exactly one
// response per accepted request, never in the acceptance cycle; a new request
// of a context is accepted only when it has none outstanding or the
// outstanding one is answered in that very cycle, or it is a load (which the
// cache drops, unanswered, when the outstanding one is not answered then); the thread id is in range;
// a store has at least one byte lane enabled (formal/dcache_formal.sv
// assumes it); an answer marked outstanding (dresp_nbl_i, non-blocking
// loads) only for a plain load that came with dreq_nb_i, and never with an
// access fault.
//
// What it is: assertions only (OR_ASSERT, rtl/include/outrider_assert.svh),
// plus the one flip-flop per context they need (the outstanding flag). The
// SoC instantiates it only when OUTRIDER_ASSERT or FORMAL is defined, so
// every simulation the test bench runs checks the interface and synthesis
// never sees it.
//
// What it is not: no checks of the data values (co-simulation against the
// reference ISS does that, docs/verification.md) and no liveness bound (the
// formal response check in formal/ gives one).
//
// Timing: samples at every rising edge out of reset.
module outrider_dside_checker #(
  parameter int NumCtx = 2,
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic              clk_i,
  input  logic              rst_ni,
  input  logic              dreq_valid_i,
  input  logic              dreq_ready_i,
  input  logic [TidW-1:0]   dreq_tid_i,
  input  logic [2:0]        dreq_op_i,
  input  logic [3:0]        dreq_be_i,
  input  logic              dreq_nb_i,
  input  logic [NumCtx-1:0] dresp_valid_i,
  input  logic [NumCtx-1:0] dresp_err_i,
  input  logic [NumCtx-1:0] dresp_nbl_i
);
  `include "outrider_defs.svh"
  `include "outrider_assert.svh"

  logic [NumCtx-1:0] out_q;     // context c has an accepted request not yet answered
  logic [NumCtx-1:0] acc;       // accepted this cycle, per context
  logic [NumCtx-1:0] nb_q;      // ... and that request may be answered outstanding

  always_comb begin
    for (int c = 0; c < NumCtx; c++) acc[c] = dreq_valid_i && dreq_ready_i && (dreq_tid_i == TidW'(c));
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) out_q <= '0;
    else         out_q <= acc | (out_q & ~dresp_valid_i);
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) nb_q <= '0;
    else begin
      for (int c = 0; c < NumCtx; c++)
        // (a load taken while the first is unanswered is dropped: the first's flag stays)
        if (acc[c] && !(out_q[c] && !dresp_valid_i[c])) nb_q[c] <= dreq_nb_i && (dreq_op_i == DopLoad);
    end
  end

  `OR_ASSERT(!dreq_valid_i || (32'(dreq_tid_i) < NumCtx), "dreq: thread id out of range")
  `OR_ASSERT(!(dreq_valid_i && (dreq_op_i == DopStore)) || (dreq_be_i != 4'd0),
             "dreq: a store with no byte lane enabled")
  `OR_ASSERT((dresp_valid_i & ~out_q) == '0, "dresp: a response without an outstanding request (or in the acceptance cycle)")
  `OR_ASSERT(((acc & out_q & ~dresp_valid_i) == '0) || (dreq_op_i == DopLoad),
             "dreq: a second request accepted while the first is unanswered (not a load)")
  `OR_ASSERT((dresp_nbl_i & ~(dresp_valid_i & out_q & nb_q & ~dresp_err_i)) == '0,
             "dresp: an outstanding answer for a request that is not a plain load with dreq_nb, or with a fault")
endmodule
