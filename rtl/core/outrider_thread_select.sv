// SPDX-License-Identifier: Apache-2.0
// outrider_thread_select: picks which context fetches this cycle.
//
// Policies (parameter Policy):
//   SelectRoundRobin (0) - the eligible context after the one picked last;
//   SelectMainFirst  (1) - contexts flagged in prio_i (the harts: contexts
//                          not running a pre-execution thread) before the
//                          others, round-robin within each group (default);
//   SelectCtx0First  (2) - the lowest-numbered eligible context;
//   any other value      - round-robin (3 was "fewest instructions in
//                          flight" on the single shared pipeline; with one
//                          issue lane per context the requesters carry no
//                          in-flight count, so it is round-robin).
// With one eligible context it is picked every cycle, so a lone thread
// issues at full rate. It knows nothing about why a context is ineligible.
module outrider_thread_select #(
  parameter int NumCtx = 2,
  parameter int Policy = 1,
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic              clk_i,
  input  logic              rst_ni,
  input  logic [NumCtx-1:0] eligible_i,
  input  logic [NumCtx-1:0] prio_i,      // preferred contexts (SelectMainFirst)
  input  logic              advance_i,   // the pick was used this cycle
  output logic              valid_o,
  output logic [TidW-1:0]   tid_o
);
  localparam int SelectMainFirst  = 1;   // 0 is round-robin
  localparam int SelectCtx0First  = 2;

  logic [TidW-1:0]   last_q;
  logic [NumCtx-1:0] pool;

  always_comb begin
    pool = eligible_i;
    if ((Policy == SelectMainFirst) && ((eligible_i & prio_i) != '0)) pool = eligible_i & prio_i;
  end

  always_comb begin
    valid_o = 1'b0;
    tid_o   = '0;
    if (Policy == SelectCtx0First) begin
      for (int i = NumCtx - 1; i >= 0; i--) begin
        if (pool[i]) begin
          valid_o = 1'b1;
          tid_o   = TidW'(i);
        end
      end
    end else begin
      // scan from last+1 upwards, wrapping; the first hit wins
      for (int k = NumCtx; k >= 1; k--) begin
        if (pool[(32'(last_q) + 32'(k)) % NumCtx]) begin
          valid_o = 1'b1;
          tid_o   = TidW'((32'(last_q) + 32'(k)) % NumCtx);
        end
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)                    last_q <= '0;
    else if (advance_i && valid_o)  last_q <= tid_o;
  end

  `include "outrider_assert.svh"
  `OR_ASSERT(valid_o == (eligible_i != '0), "a context is picked exactly when one is eligible")
  `OR_ASSERT(!valid_o || eligible_i[tid_o], "the picked context is eligible")
endmodule
