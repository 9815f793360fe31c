// SPDX-License-Identifier: Apache-2.0
// outrider_nbl: the outstanding-load table of the core (non-blocking loads,
// docs/core.md "Non-blocking loads"): Entries entries per context and the
// scoreboard made of them.
//
// What it does
// - A load the data cache answered as outstanding (dresp_nbl: its line is
//   being refilled, the beat of its word will bring the value) retires in
//   WB without writing its register; WB hands it here (new_i[t]): the
//   refill slot {MSHR, word} that will carry its word, its destination
//   register, size/sign and byte offset, the word address (store
//   ordering) and, for a p-thread, the bytes its store buffer held for the
//   word at that moment. It takes the lowest free entry of the context.
// - Every cycle the cache's fill port carries one refill beat; an entry
//   waiting for that slot captures the word (arrived).
// - An arrived entry is written to its context's register bank when WB
//   leaves the bank's write port free this cycle (port_free_i[t]: no
//   retirement write, no mirror or hart.start write), the lowest arrived
//   entry first; the entry is then free.
// - busy_o[t] is the scoreboard: bit r is set while an entry of context t
//   will write register r (from entry state only: a write clears it in the
//   next cycle, when the bank already holds the value, so the ID stage's
//   synchronous read after the stall sees it). free_o[t]: context t can
//   take another outstanding load (a request sent now is answered next
//   cycle, so one free entry counts only when WB holds no load that may
//   take it, wb_load_i[t]); any_o[t]: it has one. st_hit_o[t]: the
//   word address st_addr_i[t] (lane t's memory operation in MEM) matches an
//   entry of context t that has not arrived (compared on address bits
//   [13:2], so a false match only makes the store wait).
// - clear_i[t] drops every entry of context t (a p-thread that ends: its
//   registers are dead; the answers still fill the cache).
// - A younger write to an entry's register makes the entry's value dead:
//   when context t retires an instruction that writes register kill_rd_i[t]
//   (kill_i[t]: a result written in WB, a parked instruction's late
//   completion, or a younger load answered outstanding, which takes a new
//   entry), every older entry of context t for that register is dropped
//   (its word still fills the cache; the register is never written with
//   it): from the next cycle it counts as free, and no output sees it (the
//   drop is registered, dead_q). So ID need not stop an instruction that
//   only writes a busy register (write-after-write): only readers wait.
//
// It is not: the decision to ask for a non-blocking answer (outrider_core),
// the ordering rules (outrider_core: what waits in MEM while entries are
// outstanding), or the cache side (outrider_dcache: dresp_nbl_o, fill_*).
//
// Timing: new entries, captures and drops take effect at the clock edge; we_o,
// waddr_o, wdata_o are combinational from the entries and port_free_i;
// busy_o, free_o, any_o from the entries only; st_hit_o from the entries
// and st_addr_i.
module outrider_nbl #(
  parameter int NumCtx  = 2,
  parameter int Entries = 4,    // outstanding loads per context (at least 1)
  parameter int FillW   = 5,    // refill slot width (outrider_dcache FillW)
  // derived: do not override
  parameter int TidW    = (NumCtx > 1) ? $clog2(NumCtx) : 1,
  parameter int EntW    = (Entries > 1) ? $clog2(Entries) : 1
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,

  input  logic [NumCtx-1:0]        new_i,
  input  logic [NumCtx*FillW-1:0]  new_slot_i,
  input  logic [NumCtx*5-1:0]      new_rd_i,
  input  logic [NumCtx*3-1:0]      new_f3_i,
  input  logic [NumCtx*32-1:0]     new_addr_i,
  input  logic [NumCtx*4-1:0]      new_sb_mask_i,
  input  logic [NumCtx*32-1:0]     new_sb_data_i,

  input  logic                     fill_valid_i,
  input  logic [FillW-1:0]         fill_slot_i,
  input  logic [31:0]              fill_data_i,

  input  logic [NumCtx-1:0]        clear_i,
  // context t retires an instruction that writes register kill_rd_i[t] now
  input  logic [NumCtx-1:0]        kill_i,
  input  logic [NumCtx*5-1:0]      kill_rd_i,
  // lane t's WB holds a load that may take an entry this cycle (free_o
  // keeps one entry for it: the request MEM sends now is answered next cycle)
  input  logic [NumCtx-1:0]        wb_load_i,

  input  logic [NumCtx-1:0]        port_free_i,
  output logic [NumCtx-1:0]        we_o,
  output logic [NumCtx*5-1:0]      waddr_o,
  output logic [NumCtx*32-1:0]     wdata_o,

  output logic [NumCtx-1:0]        free_o,
  output logic [NumCtx-1:0]        any_o,
  output logic [NumCtx*32-1:0]     busy_o,
  input  logic [NumCtx*32-1:0]     st_addr_i,
  output logic [NumCtx-1:0]        st_hit_o
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"
  `include "outrider_core_funcs.svh"

  localparam int N = NumCtx * Entries;

  logic [N-1:0]  valid_q, arrived_q;
  // dead_q: entries a retiring younger write of their register dropped in
  // the cycle before (kill_i); they are invalid from then on (live) and
  // cleared at the next edge, so whether the write retires (the data side's
  // answer) reaches only these flip-flops
  logic [N-1:0]  dead_q, live;
  assign live = valid_q & ~dead_q;
  logic [FillW-1:0] slot_q [N];
  logic [4:0]    rd_q     [N];
  logic [2:0]    f3_q     [N];
  logic [1:0]    off_q    [N];
  logic [11:0]   word_q   [N];
  logic [3:0]    sbm_q    [N];
  logic [31:0]   sbd_q    [N];
  logic [31:0]   data_q   [N];

  // per context: the entry a new load takes, the entry written now
  logic [NumCtx-1:0] has_free, has_two, has_arr;
  logic [EntW-1:0]   new_k [NumCtx];
  logic [EntW-1:0]   wr_k  [NumCtx];
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      has_free[t] = 1'b0;
      has_two[t]  = 1'b0;
      has_arr[t]  = 1'b0;
      new_k[t]    = '0;
      wr_k[t]     = '0;
      any_o[t]    = 1'b0;
      st_hit_o[t] = 1'b0;
      busy_o[32*t +: 32] = '0;
      for (int k = Entries - 1; k >= 0; k--) begin
        if (!live[Entries*t + k]) begin
          if (has_free[t]) has_two[t] = 1'b1;
          has_free[t] = 1'b1;
          new_k[t]    = EntW'(k);
        end
        if (live[Entries*t + k] && arrived_q[Entries*t + k]) begin
          has_arr[t] = 1'b1;
          wr_k[t]    = EntW'(k);
        end
      end
      for (int k = 0; k < Entries; k++) begin
        if (live[Entries*t + k]) begin
          any_o[t] = 1'b1;
          busy_o[32*t + 32'(rd_q[Entries*t + k])] = 1'b1;
          if (!arrived_q[Entries*t + k] && (word_q[Entries*t + k] == st_addr_i[32*t + 2 +: 12]))
            st_hit_o[t] = 1'b1;
        end
      end
      free_o[t] = has_two[t] || (has_free[t] && !wb_load_i[t]);
    end
  end

  // the register write of each context
  logic [Entries*NumCtx-1:0] wr_now;
  always_comb begin
    wr_now = '0;
    for (int t = 0; t < NumCtx; t++) begin
      we_o[t]                = has_arr[t] && port_free_i[t];
      waddr_o[5*t +: 5]      = rd_q[Entries*t + 32'(wr_k[t])];
      wdata_o[32*t +: 32]    = load_extract(f3_q[Entries*t + 32'(wr_k[t])],
                                            off_q[Entries*t + 32'(wr_k[t])],
                                            sb_merge(data_q[Entries*t + 32'(wr_k[t])],
                                                     sbm_q[Entries*t + 32'(wr_k[t])],
                                                     sbd_q[Entries*t + 32'(wr_k[t])]));
      if (we_o[t]) wr_now[Entries*t + 32'(wr_k[t])] = 1'b1;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_q   <= '0;
      arrived_q <= '0;
      dead_q    <= '0;
    end else begin
      for (int t = 0; t < NumCtx; t++) begin
        for (int k = 0; k < Entries; k++) begin
          dead_q[Entries*t + k] <= kill_i[t] && !clear_i[t] && live[Entries*t + k] &&
                                   (rd_q[Entries*t + k] == kill_rd_i[5*t +: 5]);
          if (clear_i[t] || wr_now[Entries*t + k]) begin
            valid_q[Entries*t + k]   <= 1'b0;
            arrived_q[Entries*t + k] <= 1'b0;
          end else if (new_i[t] && (new_k[t] == EntW'(k))) begin
            valid_q[Entries*t + k]   <= 1'b1;
            arrived_q[Entries*t + k] <= 1'b0;
          end else if (dead_q[Entries*t + k]) begin
            valid_q[Entries*t + k]   <= 1'b0;
            arrived_q[Entries*t + k] <= 1'b0;
          end else if (live[Entries*t + k] && !arrived_q[Entries*t + k] && fill_valid_i &&
                       (fill_slot_i == slot_q[Entries*t + k])) begin
            arrived_q[Entries*t + k] <= 1'b1;
          end
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    for (int t = 0; t < NumCtx; t++) begin
      for (int k = 0; k < Entries; k++) begin
        if (new_i[t] && (new_k[t] == EntW'(k))) begin
          slot_q[Entries*t + k] <= new_slot_i[FillW*t +: FillW];
          rd_q[Entries*t + k]   <= new_rd_i[5*t +: 5];
          f3_q[Entries*t + k]   <= new_f3_i[3*t +: 3];
          off_q[Entries*t + k]  <= new_addr_i[32*t +: 2];
          word_q[Entries*t + k] <= new_addr_i[32*t + 2 +: 12];
          // context 0 has no store buffer (it never runs a p-thread)
          sbm_q[Entries*t + k]  <= (t == 0) ? 4'd0 : new_sb_mask_i[4*t +: 4];
          sbd_q[Entries*t + k]  <= (t == 0) ? 32'd0 : new_sb_data_i[32*t +: 32];
        end
        if (live[Entries*t + k] && !arrived_q[Entries*t + k] && fill_valid_i &&
            (fill_slot_i == slot_q[Entries*t + k]))
          data_q[Entries*t + k] <= fill_data_i;
      end
    end
  end

  logic unused_nbl;
  assign unused_nbl = ^{new_addr_i, st_addr_i, new_sb_mask_i[3:0], new_sb_data_i[31:0]};

  `include "outrider_assert.svh"
  // at most one entry per register and context (a new entry drops older ones
  // for the same register in the cycle it is taken): a property of the
  // reachable states, so checked in simulation only (the core's formal
  // check proves its assertions from every state)
`ifdef OUTRIDER_ASSERT
  logic [NumCtx-1:0] dup_rd;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      dup_rd[t] = 1'b0;
      for (int k = 0; k < Entries; k++)
        for (int j = k + 1; j < Entries; j++)
          if (live[Entries*t + k] && live[Entries*t + j] &&
              (rd_q[Entries*t + k] == rd_q[Entries*t + j]))
            dup_rd[t] = 1'b1;
    end
  end

  `OR_ASSERT(dup_rd == '0, "one outstanding load per register and context")
`endif
  // the data side's contract (the core's formal environment drives these
  // inputs freely, so they are checked in simulation only)
`ifndef FORMAL
  for (genvar t = 0; t < NumCtx; t++) begin : g_chk
    `OR_ASSERT(!new_i[t] || has_free[t], "an outstanding load finds a free entry")
    `OR_ASSERT(!new_i[t] || !fill_valid_i || (fill_slot_i != new_slot_i[FillW*t +: FillW]),
               "an outstanding load's word does not arrive in the cycle it is answered")
  end
`endif
endmodule
