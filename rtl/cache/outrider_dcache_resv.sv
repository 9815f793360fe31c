// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_resv: the LR/SC reservations of the data cache, one per
// context (docs/dcache.md "Atomics and fences").
//
// What it does
// - A reservation is a word address (addr[31:2]) and a valid bit.
// - sc_ok_o: the context in stage 1 (tid_i) holds a valid reservation on
//   the word of stage 1 (word_i): its SC succeeds.
// - lr_set_i: an LR that hit (never a p-thread's) sets the reservation of
//   tid_i on word_i. clr_i: every SC clears tid_i's own reservation.
//   kill_i: a store, successful SC or AMO of tid_i clears every OTHER
//   context's reservation on word_i.
//
// Timing: sc_ok_o is combinational from tid_i/word_i and the state; the
// updates take effect at the clock edge (an SC in the cycle after an LR
// sees the reservation).
//
// Not here: eviction does not clear a reservation (the cache is the only
// master of RAM on the data side); the decision to set/clear/kill is
// stage 1's (outrider_dcache_decide).
module outrider_dcache_resv #(
  parameter int NumCtx = 2,
  // derived: do not override
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  input  logic [TidW-1:0] tid_i,
  input  logic [29:0]     word_i,
  output logic            sc_ok_o,
  input  logic            lr_set_i,
  input  logic            clr_i,
  input  logic            kill_i
);
  logic [NumCtx-1:0]    v_q, v_d;
  logic [NumCtx*30-1:0] addr_q, addr_d;
  logic [NumCtx-1:0]    tid_oh;

  always_comb begin : p_sc_ok
    for (int c = 0; c < NumCtx; c++) tid_oh[c] = (tid_i == TidW'(c));
    sc_ok_o = 1'b0;                        // (a mux, not a 30*tid multiplier)
    for (int c = 0; c < NumCtx; c++) begin
      if (tid_oh[c] && v_q[c] && (addr_q[30*c +: 30] == word_i)) sc_ok_o = 1'b1;
    end
  end

  always_comb begin : p_next
    v_d    = v_q;
    addr_d = addr_q;
    if (kill_i) begin
      for (int c = 0; c < NumCtx; c++) begin
        if (!tid_oh[c] && (addr_q[30*c +: 30] == word_i)) v_d[c] = 1'b0;
      end
    end
    if (clr_i) v_d = v_d & ~tid_oh;
    if (lr_set_i) begin
      v_d = v_d | tid_oh;
      for (int c = 0; c < NumCtx; c++) begin
        if (tid_oh[c]) addr_d[30*c +: 30] = word_i;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      v_q    <= '0;
      addr_q <= '0;
    end else begin
      v_q    <= v_d;
      addr_q <= addr_d;
    end
  end

`ifdef FORMAL
  // (formal/dcache_induct.ys) a store, successful SC or AMO of one context
  // leaves no other context holding a reservation on that word
  logic            f_kill_q;
  logic [29:0]     f_kill_word_q;
  logic [TidW-1:0] f_kill_tid_q;
  always_ff @(posedge clk_i) begin
    f_kill_q      <= rst_ni && kill_i;
    f_kill_word_q <= word_i;
    f_kill_tid_q  <= tid_i;
  end
`ifndef FORMAL_SKIP_RESV
  always_comb begin
    if (rst_ni && f_kill_q) begin
      for (int c = 0; c < NumCtx; c++) begin
        if (TidW'(c) != f_kill_tid_q) begin
          assert (!(v_q[c] && (addr_q[30*c +: 30] == f_kill_word_q)));
        end
      end
    end
  end
`endif
`endif
endmodule
