// SPDX-License-Identifier: Apache-2.0
// tb_checkers: the protocol checkers of rtl/check/ catch what they claim to.
// One Verilator --binary build; the run's case comes from +case=N:
//   0  a clean Wishbone burst (stall, accept, ack) and clean core <-> data
//      side traffic (accept, answer a cycle later, back-to-back answer+accept,
//      a load accepted while the request before it is unanswered)
//      -> the run ends with "tb_checkers: clean"
//   1..5  one Wishbone violation each, 6..10 one data-side violation each
//   (8: an outstanding answer to a request that did not ask for one, 9: an
//   outstanding answer with an access fault; the clean run has one that did;
//   10: a store with no byte lane enabled; the clean run's has one)
//      -> the run must stop with the checker's message (rtl_unit.mk checks
//         the message, the exit status and that "clean" is never printed)
module tb_checkers ();
  logic clk = 1'b0, rst_n = 1'b0;
  always #5 clk = ~clk;

  logic        cyc = 0, stb = 0, we = 0, ack = 0, err = 0, stall = 0;
  logic [31:0] adr = '0, dat = '0;
  logic [3:0]  sel = '0;
  logic [2:0]  cti = '0;
  logic        dvalid = 0, dready = 0;
  logic        dtid = 0;
  logic [1:0]  dresp = '0, derr = '0, dnbl = '0;
  logic [2:0]  dop = 3'd0;                  // DopLoad
  logic        dnb = 0;
  logic [3:0]  dbe = 4'd0;
  int          c;

  outrider_wb_checker u_wb (
    .clk_i (clk), .rst_ni (rst_n), .cyc_i (cyc), .stb_i (stb), .we_i (we), .adr_i (adr),
    .sel_i (sel), .dat_i (dat), .cti_i (cti), .ack_i (ack), .err_i (err), .stall_i (stall)
  );
  outrider_dside_checker #(.NumCtx (2)) u_ds (
    .clk_i (clk), .rst_ni (rst_n), .dreq_valid_i (dvalid), .dreq_ready_i (dready),
    .dreq_tid_i (dtid), .dreq_op_i (dop), .dreq_be_i (dbe), .dreq_nb_i (dnb), .dresp_valid_i (dresp),
    .dresp_err_i (derr), .dresp_nbl_i (dnbl)
  );

  initial begin
    if (!$value$plusargs("case=%d", c)) c = 0;
    @(negedge clk); rst_n = 1'b1;
    // Wishbone: a two-beat burst, the first beat stalled for a cycle
    @(negedge clk); cyc = 1; stb = 1; adr = 32'h8000_0100; cti = 3'b010; stall = 1;
                    if (c == 4) begin cyc = 0; end
    @(negedge clk); if (c == 1) adr = 32'h8000_0104;     // changed while stalled
    @(negedge clk); stall = 0; cyc = 1;
    @(negedge clk); adr = 32'h8000_0104; cti = 3'b111; ack = 1;
                    if (c == 3) err = 1;                  // ACK and ERR together
    @(negedge clk); stb = 0; ack = 1; err = 0;
                    if (c == 5) cyc = 0;                  // CYC dropped, one beat outstanding
    @(negedge clk); ack = 0; cyc = 0;
                    if (c == 2) begin cyc = 1; ack = 1; end  // response without a request
    @(negedge clk); ack = 0; cyc = 0;
    // data side: context 0 accepted, answered a cycle later; context 1
    // accepted, then answered in the same cycle a new request is accepted
    // (context 0's load asks for a non-blocking answer and gets one;
    // context 1's first request is a byte store)
    @(negedge clk); dvalid = 1; dready = 1; dtid = 0; dnb = 1;
    @(negedge clk); dvalid = 0; dnb = 0; dresp = 2'b01; dnbl = 2'b01;
                    if (c == 6) begin dresp = 2'b10; dnbl = 2'b00; end  // context 1 answered, never asked
                    if (c == 9) derr = 2'b01;             // outstanding, and a fault
    @(negedge clk); dresp = 2'b00; dnbl = 2'b00; derr = 2'b00; dvalid = 1; dready = 1; dtid = 1;
                    dop = 3'd1; dbe = 4'b0100;            // DopStore, lane 2
                    if (c == 10) dbe = 4'b0000;           // a store of no byte
    @(negedge clk); dresp = 2'b10; dvalid = 1; dready = 1; dtid = 1;   // answer + next accept
                    dop = 3'd0; dbe = 4'd0;               // a load (its lanes do not matter)
                    if (c == 7) begin                     // a second store accepted, first unanswered
                      dresp = 2'b00; dop = 3'd1; dbe = 4'b0001;  // (a load is allowed: the cache drops it)
                    end
    @(negedge clk); dresp = 2'b00; dvalid = 0; dready = 0;
    @(negedge clk); dresp = 2'b10;
                    if (c == 8) dnbl = 2'b10;             // outstanding, but it did not ask
    @(negedge clk); dresp = 2'b00; dnbl = 2'b00;
    // a load accepted while the context's request before it is unanswered
    // (the data cache drops it): allowed; the first one's answer follows
    @(negedge clk); dvalid = 1; dready = 1; dtid = 0; dop = 3'd0;
    @(negedge clk); dvalid = 1; dready = 1; dtid = 0; dop = 3'd0;
    @(negedge clk); dvalid = 0; dready = 0; dresp = 2'b01;
    @(negedge clk); dresp = 2'b00;
    @(negedge clk); @(negedge clk);
    $display("tb_checkers: clean (case %0d)", c);
    $finish;
  end
endmodule
