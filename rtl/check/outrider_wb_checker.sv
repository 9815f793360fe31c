// SPDX-License-Identifier: Apache-2.0
// outrider_wb_checker: protocol checker for a Wishbone B4 pipelined master
// port (the SoC's RAM port, docs/dcache.md "Bus"): STB only inside CYC; a
// request held while the slave stalls keeps its address, direction, select,
// data and cycle type; ACK and ERR never together, only inside CYC and only
// for requests accepted earlier or in the same cycle; CYC stays high while
// responses are outstanding.
//
// What it is: assertions only (OR_ASSERT, rtl/include/outrider_assert.svh)
// and the registers they need (outstanding count, the held request). The SoC
// instantiates it only when OUTRIDER_ASSERT or FORMAL is defined: every
// simulation the test bench runs checks its Wishbone port; synthesis never
// sees it.
//
// What it is not: no check of the slave's data, of burst address sequences
// (CTI/BTE values other than "held while stalled"), or of liveness.
//
// Timing: samples at every rising edge out of reset. MaxOut bounds the
// outstanding count it can track (the cache issues at most one line burst).
module outrider_wb_checker #(
  parameter int MaxOut = 64
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        cyc_i,
  input  logic        stb_i,
  input  logic        we_i,
  input  logic [31:0] adr_i,
  input  logic [3:0]  sel_i,
  input  logic [31:0] dat_i,     // master write data
  input  logic [2:0]  cti_i,
  input  logic        ack_i,
  input  logic        err_i,
  input  logic        stall_i
);
  `include "outrider_assert.svh"

  localparam int CntW = $clog2(MaxOut + 1);

  logic [CntW-1:0] out_q;        // requests accepted and not yet answered
  logic            held_q;       // last cycle a request was stalled
  logic            we_q;
  logic [31:0]     adr_q, dat_q;
  logic [3:0]      sel_q;
  logic [2:0]      cti_q;
  logic            accept, resp;

  assign accept = cyc_i && stb_i && !stall_i;
  assign resp   = ack_i || err_i;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      out_q  <= '0;
      held_q <= 1'b0;
      we_q   <= 1'b0;
      adr_q  <= '0;
      dat_q  <= '0;
      sel_q  <= '0;
      cti_q  <= '0;
    end else begin
      out_q  <= out_q + CntW'(accept) - CntW'(resp);
      held_q <= cyc_i && stb_i && stall_i;
      we_q   <= we_i;
      adr_q  <= adr_i;
      dat_q  <= dat_i;
      sel_q  <= sel_i;
      cti_q  <= cti_i;
    end
  end

  `OR_ASSERT(!stb_i || cyc_i, "wishbone: STB outside CYC")
  `OR_ASSERT(!(ack_i && err_i), "wishbone: ACK and ERR together")
  `OR_ASSERT(!resp || cyc_i, "wishbone: a response outside CYC")
  `OR_ASSERT(!resp || (out_q != '0) || accept, "wishbone: a response without an accepted request")
  `OR_ASSERT((out_q == '0) || cyc_i, "wishbone: CYC dropped with responses outstanding")
  `OR_ASSERT(!held_q || (stb_i && (we_i == we_q) && (adr_i == adr_q) && (sel_i == sel_q) &&
                         (cti_i == cti_q) && (!we_i || (dat_i == dat_q))),
             "wishbone: a stalled request changed before it was accepted")
endmodule
