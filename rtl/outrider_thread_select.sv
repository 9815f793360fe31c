// outrider_thread_select: picks which context fetches this cycle.
//
// Policies (parameter MainFirst):
//   0 - round-robin: the eligible context after the one picked last;
//   1 - main-thread-first: the lowest-numbered eligible context (context 0,
//       the main thread, always wins when it can fetch).
// With one eligible context it is picked every cycle, so a lone thread
// issues at full rate. It knows nothing about why a context is ineligible.
module outrider_thread_select #(
  parameter int NumCtx    = 2,
  parameter bit          MainFirst = 1'b0,
  parameter  int TidW     = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic              clk_i,
  input  logic              rst_ni,
  input  logic [NumCtx-1:0] eligible_i,
  input  logic              advance_i,   // the pick was used this cycle
  output logic              valid_o,
  output logic [TidW-1:0]   tid_o
);
  logic [TidW-1:0] last_q;

  always_comb begin
    valid_o = 1'b0;
    tid_o   = '0;
    if (MainFirst) begin
      for (int i = NumCtx - 1; i >= 0; i--) begin
        if (eligible_i[i]) begin
          valid_o = 1'b1;
          tid_o   = TidW'(i);
        end
      end
    end else begin
      // scan from last+1 upwards, wrapping; the first hit wins
      for (int k = NumCtx; k >= 1; k--) begin
        if (eligible_i[(32'(last_q) + 32'(k)) % NumCtx]) begin
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
endmodule
