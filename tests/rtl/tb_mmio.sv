// SPDX-License-Identifier: Apache-2.0
// tb_mmio: unit bench for outrider_mmio. Checks console pulses (word,
// halfword and byte stores, the lowest enabled lane; the error console's
// pulses with console_err_o), SIM_EXIT pulses (word
// stores only), that pulses last exactly one cycle and are registered (the
// cycle after the store), that loads and other offsets have no effect, and
// that reads return 0.
`timescale 1ns/1ps
module tb_mmio;
  `include "outrider_defs.svh"
  `include "tb_common.svh"

  logic        clk = 1'b0, rst_n = 1'b0;
  logic        req = 1'b0, we = 1'b0;
  logic [11:0] addr = '0;
  logic [31:0] wdata = '0;
  logic [3:0]  be = '0;
  logic [31:0] rdata;
  logic        con_valid, con_err, exit_valid;
  logic [7:0]  con_data;
  logic [31:0] exit_value;

  always #5 clk = ~clk;

  outrider_mmio u_dut (
    .clk_i (clk), .rst_ni (rst_n), .req_i (req), .we_i (we), .addr_i (addr),
    .wdata_i (wdata), .be_i (be), .rdata_o (rdata),
    .console_valid_o (con_valid), .console_data_o (con_data), .console_err_o (con_err),
    .exit_valid_o (exit_valid), .exit_value_o (exit_value)
  );

  // Count pulses (one per cycle in which valid is high).
  integer n_con = 0, n_exit = 0;
  always @(posedge clk) begin
    if (con_valid) n_con = n_con + 1;
    if (exit_valid) n_exit = n_exit + 1;
  end

  // One-cycle access starting right after a clock edge; afterwards we are in
  // the cycle following the access (where the pulse must be).
  task automatic access(input logic w, input logic [11:0] a, input logic [31:0] d,
                        input logic [3:0] e);
    req = 1'b1; we = w; addr = a; wdata = d; be = e;
    @(posedge clk); #1;
    req = 1'b0; we = 1'b0; wdata = $random; be = $random; addr = $random;
  endtask

  task automatic expect_console(input logic [11:0] a, input logic [31:0] d,
                                input logic [3:0] e, input logic [7:0] ch);
    access(1'b1, a, d, e);
    `CHECK(con_valid && con_data == ch && !exit_valid,
           $sformatf("console store be=%b data=%h: valid=%b byte=%h, expected %h", e, d, con_valid, con_data, ch))
    @(posedge clk); #1;
    `CHECK(!con_valid, "console pulse lasts one cycle")
  endtask

  integer c0, e0;

  initial watchdog("mmio", 64'd1_000_000);

  initial begin
    repeat (2) @(posedge clk);
    #1 `CHECK(!con_valid && !exit_valid && rdata == 32'd0, "reset state")
    rst_n = 1'b1;
    @(posedge clk); #1;

    // Registered: no pulse in the request cycle itself.
    req = 1'b1; we = 1'b1; addr = MmioConsoleTx; wdata = 32'h40; be = 4'h1;
    #2 `CHECK(!con_valid, "no console pulse in the store cycle")
    @(posedge clk); #1;
    req = 1'b0; we = 1'b0;
    `CHECK(con_valid && con_data == 8'h40, "console pulse the cycle after the store")
    @(posedge clk); #1;
    req = 1'b1; we = 1'b1; addr = MmioSimExit; wdata = 32'h7; be = 4'hF;
    #2 `CHECK(!exit_valid, "no exit pulse in the store cycle")
    @(posedge clk); #1;
    req = 1'b0; we = 1'b0;
    `CHECK(exit_valid && exit_value == 32'h7, "exit pulse the cycle after the store")
    @(posedge clk); #1;

    expect_console(MmioConsoleTx,         32'h4443_4241, 4'hF, 8'h41);   // sw: lane 0
    expect_console(MmioConsoleTx,         32'h0000_0A0A, 4'h3, 8'h0A);   // sh to offset 0
    expect_console(MmioConsoleTx,         32'h0000_0048, 4'h1, 8'h48);   // sb to offset 0
    expect_console(MmioConsoleTx + 12'd1, 32'h0000_6900, 4'h2, 8'h69);   // sb to offset 1: lane 1
    expect_console(MmioConsoleTx + 12'd2, 32'h0021_0000, 4'h4, 8'h21);   // sb to offset 2
    expect_console(MmioConsoleTx + 12'd3, 32'h7A00_0000, 4'h8, 8'h7A);   // sb to offset 3
    expect_console(MmioConsoleTx + 12'd2, 32'h5A59_0000, 4'hC, 8'h59);   // sh to offset 2

    // The error console: the same pulse with console_err_o high; the normal
    // console's pulses have it low.
    access(1'b1, MmioConsoleErr, 32'h0000_0045, 4'h1);
    `CHECK(con_valid && con_err && con_data == 8'h45, "error-console store pulses with console_err_o")
    access(1'b1, MmioConsoleTx, 32'h0000_0046, 4'h1);
    `CHECK(con_valid && !con_err && con_data == 8'h46, "console store after it: console_err_o low")
    access(1'b1, MmioConsoleErr + 12'd1, 32'h0000_4700, 4'h2);
    `CHECK(con_valid && con_err && con_data == 8'h47, "error console: lowest enabled lane")
    @(posedge clk); #1;   // let the monitor count the last pulse

    // Back-to-back console stores give back-to-back pulses.
    c0 = n_con;
    req = 1'b1; we = 1'b1; addr = MmioConsoleTx; be = 4'h1; wdata = 32'h31;
    @(posedge clk); #1;
    wdata = 32'h32;
    `CHECK(con_valid && con_data == 8'h31, "first of back-to-back console stores")
    @(posedge clk); #1;
    req = 1'b0; we = 1'b0;
    `CHECK(con_valid && con_data == 8'h32, "second of back-to-back console stores")
    @(posedge clk); #1;
    `CHECK(n_con == c0 + 2 && !con_valid, "exactly two console pulses")

    // SIM_EXIT: word store only.
    access(1'b1, MmioSimExit, 32'h0000_0003, 4'hF);
    `CHECK(exit_valid && exit_value == 32'd3 && !con_valid, "SIM_EXIT word store pulses with its value")
    @(posedge clk); #1;
    `CHECK(!exit_valid && exit_value == 32'd3, "exit pulse lasts one cycle, value held")
    e0 = n_exit;
    access(1'b1, MmioSimExit, 32'hFFFF_FFFF, 4'h1);
    access(1'b1, MmioSimExit + 12'd2, 32'hFFFF_FFFF, 4'hC);
    `CHECK(n_exit == e0 && !exit_valid, "narrow stores to SIM_EXIT are ignored")
    access(1'b1, MmioSimExit, 32'hDEAD_BEEF, 4'hF);
    `CHECK(exit_valid && exit_value == 32'hDEAD_BEEF, "second SIM_EXIT value")

    // Loads and other offsets: no effect, reads 0.
    @(posedge clk); #1;   // let the monitor count the last pulse
    c0 = n_con; e0 = n_exit;
    access(1'b0, MmioConsoleTx, 32'h41, 4'hF);
    `CHECK(rdata == 32'd0, "console read returns 0")
    access(1'b0, MmioSimExit, 32'h1, 4'hF);
    `CHECK(rdata == 32'd0, "SIM_EXIT read returns 0")
    access(1'b1, 12'h00C, 32'h41, 4'hF);
    access(1'b1, 12'hFFC, 32'h41, 4'hF);
    access(1'b1, MmioConsoleTx, 32'h41, 4'h0);   // no lane enabled
    access(1'b0, 12'h100, 32'h0, 4'hF);
    `CHECK(rdata == 32'd0, "unknown offset reads 0")
    @(posedge clk); #1;
    `CHECK(n_con == c0 && n_exit == e0, "loads, unknown offsets and empty stores have no effect")

    // Reset clears pulses and held values.
    access(1'b1, MmioSimExit, 32'h55, 4'hF);
    rst_n = 1'b0;
    #1 `CHECK(!exit_valid && exit_value == 32'd0 && con_data == 8'd0, "asynchronous reset")
    rst_n = 1'b1;

    finish("mmio");
  end
endmodule
