// SPDX-License-Identifier: Apache-2.0
// outrider_dside_split: misaligned plain loads and stores in hardware. A leaf
// between the core's data port and the data side (outrider_dcache, or
// outrider_dbiu in perfect mode); outrider_soc instantiates it.
//
// What it does: a load or store whose bytes cross a word boundary (lw at
// address offsets 1..3, lh/lhu/sh at offset 3) is sent to the data side as
// two aligned word requests of the same context, in address order: the
// first word with the lanes at and above the address offset, then (once the
// first is answered without an error) the next word with the lanes below
// it. The two answers become one answer to the core. Everything else (every
// aligned access, a misaligned one inside one word such as lh at offset 1,
// LR/SC/AMO/fence) passes through unchanged, in the same cycle.
//
// Lane convention (what the core sends and expects, docs/core.md "Data-side
// interface"): a byte at address a travels in lane a[1:0]. For an access
// that crosses a word the core rotates the store data and the byte enables
// (be = 4'b1001 for sh at offset 3, 4'b1111 for lw at offsets 1..3) and
// rotates the raw answer back (outrider_core_funcs.svh load_extract). So a
// request crosses a word exactly when it has enabled lanes below its offset,
// (be & ~(4'hF << addr[1:0])) != 0, and the merged answer takes those lanes
// from the second word and the others from the first.
//
// Contract, core side: the data port's (outrider_dcache.sv header): ready_o
// never depends on valid_i (only on c_tid_i, state here and the data side's
// ready; not on this cycle's answers: a context whose access is split is
// not ready until the cycle after its answer); at most one request per context
// outstanding; exactly one answer per accepted request, never in the
// acceptance cycle. A split request answers with the second word's answer
// (at the earliest three cycles after acceptance): rdata merged as above,
// err from the second word. If the first word errs the second is not sent
// and the error is the answer (a store then wrote nothing; when only the
// second word errs, the first word's bytes of a store are written: the
// access is not atomic, as the ISA allows). Data side: the same contract is
// respected (one request per context outstanding there too).
//
// Priority: a pending second word goes first (lowest context first); while
// one is pending the core's port is not ready (the core replays).
//
// Not handled here: misaligned LR/SC/AMO and misaligned accesses outside
// RAM trap in the core (outrider_execute); a p-thread never sends a
// word-crossing access (outrider_preexec stops it first).
module outrider_dside_split #(
  parameter int NumCtx = 2,
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // core side
  input  logic                 c_valid_i,
  output logic                 c_ready_o,
  input  logic [TidW-1:0]      c_tid_i,
  input  logic [2:0]           c_op_i,
  input  logic [4:0]           c_amo_i,
  input  logic [31:0]          c_addr_i,
  input  logic [31:0]          c_wdata_i,
  input  logic [3:0]           c_be_i,
  input  logic                 c_spec_i,
  input  logic                 c_nb_i,        // may be answered outstanding (non-blocking load)
  output logic [NumCtx-1:0]    c_resp_valid_o,
  output logic [NumCtx*32-1:0] c_resp_rdata_o,
  output logic [NumCtx-1:0]    c_resp_err_o,
  output logic [NumCtx-1:0]    c_resp_nbl_o,

  // data side
  output logic                 d_valid_o,
  input  logic                 d_ready_i,
  output logic [TidW-1:0]      d_tid_o,
  output logic [2:0]           d_op_o,
  output logic [4:0]           d_amo_o,
  output logic [31:0]          d_addr_o,
  output logic [31:0]          d_wdata_o,
  output logic [3:0]           d_be_o,
  output logic                 d_spec_o,
  output logic                 d_nb_o,
  input  logic [NumCtx-1:0]    d_resp_valid_i,
  input  logic [NumCtx*32-1:0] d_resp_rdata_i,
  input  logic [NumCtx-1:0]    d_resp_err_i,
  input  logic [NumCtx-1:0]    d_resp_nbl_i   // (never for a split access: d_nb_o is low)
);
  `include "outrider_defs.svh"

  // per context: first word outstanding, second word to send, second word outstanding
  logic [NumCtx-1:0] w1_q, p2_q, w2_q;
  logic [29:0]       addr2_q  [NumCtx];   // word address of the second word
  logic [3:0]        be2_q    [NumCtx];   // its lanes
  logic [31:0]       wdata_q  [NumCtx];
  logic [2:0]        op_q     [NumCtx];
  logic [NumCtx-1:0] spec_q;
  logic [31:0]       rdata1_q [NumCtx];   // the first word's answer

  // the core's request: does it cross a word?
  logic [3:0] lo_lanes;
  logic       plain, split;
  assign lo_lanes = ~(4'hF << c_addr_i[1:0]);
  assign plain    = (c_op_i == DopLoad) || (c_op_i == DopStore);
  assign split    = plain && ((c_be_i & lo_lanes) != 4'd0);

  // a pending second word: the lowest context
  logic            any2;
  logic [TidW-1:0] sel2;
  always_comb begin
    any2 = 1'b0;
    sel2 = '0;
    for (int t = NumCtx - 1; t >= 0; t--) begin
      if (p2_q[t]) begin
        any2 = 1'b1;
        sel2 = TidW'(t);
      end
    end
  end

  // answers to the core
  logic [NumCtx-1:0] busy;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      // the first word's good answer is kept, not passed on
      c_resp_valid_o[t] = d_resp_valid_i[t] && !(w1_q[t] && !d_resp_err_i[t]);
      c_resp_err_o[t]   = d_resp_err_i[t];
      c_resp_nbl_o[t]   = d_resp_nbl_i[t];
      for (int b = 0; b < 4; b++) begin
        c_resp_rdata_o[32*t + 8*b +: 8] = (w2_q[t] && !be2_q[t][b]) ? rdata1_q[t][8*b +: 8]
                                                                    : d_resp_rdata_i[32*t + 8*b +: 8];
      end
      // also in the cycle of the split access's answer: ready comes from
      // registers only (the core never asks in its answer's cycle)
      busy[t] = p2_q[t] || w1_q[t] || w2_q[t];
    end
  end

  // the request to the data side: a pending second word, else the core's
  assign c_ready_o = !any2 && d_ready_i && !busy[c_tid_i];
  // (a core request the port is not ready for because of a split access of
  // its context does not go out either)
  assign d_valid_o = any2 || (c_valid_i && !busy[c_tid_i]);
  assign d_tid_o   = any2 ? sel2 : c_tid_i;
  assign d_op_o    = any2 ? op_q[sel2] : c_op_i;
  assign d_amo_o   = any2 ? 5'd0 : c_amo_i;
  assign d_addr_o  = any2 ? {addr2_q[sel2], 2'b00}
                          : (split ? {c_addr_i[31:2], 2'b00} : c_addr_i);
  assign d_wdata_o = any2 ? wdata_q[sel2] : c_wdata_i;
  assign d_be_o    = any2 ? be2_q[sel2] : (split ? (c_be_i & ~lo_lanes) : c_be_i);
  assign d_spec_o  = any2 ? spec_q[sel2] : c_spec_i;
  assign d_nb_o    = !any2 && c_nb_i && !split;   // the halves of a split access block

  logic acc_c, acc2;
  assign acc_c = c_valid_i && c_ready_o;
  assign acc2  = any2 && d_ready_i;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      w1_q <= '0;
      p2_q <= '0;
      w2_q <= '0;
    end else begin
      for (int t = 0; t < NumCtx; t++) begin
        if (acc_c && (c_tid_i == TidW'(t))) begin
          w1_q[t] <= split;
          p2_q[t] <= 1'b0;
          w2_q[t] <= 1'b0;
        end else if (acc2 && (sel2 == TidW'(t))) begin
          p2_q[t] <= 1'b0;
          w2_q[t] <= 1'b1;
        end else if (d_resp_valid_i[t]) begin
          p2_q[t] <= w1_q[t] && !d_resp_err_i[t];
          w1_q[t] <= 1'b0;
          w2_q[t] <= 1'b0;
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    for (int t = 0; t < NumCtx; t++) begin
      if (acc_c && split && (c_tid_i == TidW'(t))) begin
        addr2_q[t] <= c_addr_i[31:2] + 30'd1;
        be2_q[t]   <= c_be_i & lo_lanes;
        wdata_q[t] <= c_wdata_i;
        op_q[t]    <= c_op_i;
        spec_q[t]  <= c_spec_i;
      end
      if (d_resp_valid_i[t] && w1_q[t]) rdata1_q[t] <= d_resp_rdata_i[32*t +: 32];
    end
  end

  `include "outrider_assert.svh"
  `OR_ASSERT(!(acc_c && split && c_spec_i), "a p-thread never sends a word-crossing access")
  `OR_ASSERT(!(acc_c && split && !addr_is_ram(c_addr_i)), "only RAM accesses are split")
  `OR_ASSERT((w1_q & p2_q) == '0 && (w1_q & w2_q) == '0 && (p2_q & w2_q) == '0,
             "a context is in one split state at a time")
endmodule
