// SPDX-License-Identifier: Apache-2.0
// outrider_fpga_rom: the boot ROM of the FPGA top, Bytes bytes (32-bit
// words) loaded at elaboration from the $readmemh file InitHex (word-
// addressed, word 0 first: objcopy -O verilog --verilog-data-width 4).
// Two read ports: A for instruction fetch, B for data loads (the boot
// loader reads its constants through the Ext window). What it is not:
// writable.
// Timing: both ports register their read: data the cycle after the request;
// the output holds while the port is not enabled.
module outrider_fpga_rom #(
  parameter int Bytes   = 4096,
  parameter     InitHex = "bootrom.hex",
  // derived: do not override
  parameter int AddrW   = $clog2(Bytes / 4)
) (
  input  logic             clk_i,
  input  logic             a_en_i,
  input  logic [AddrW-1:0] a_addr_i,
  output logic [31:0]      a_rdata_o,
  input  logic             b_en_i,
  input  logic [AddrW-1:0] b_addr_i,
  output logic [31:0]      b_rdata_o
);
  logic [31:0] mem_q [Bytes / 4];

  initial begin
    for (int i = 0; i < Bytes / 4; i++) mem_q[i] = 32'd0;
    $readmemh(InitHex, mem_q);
  end

  always_ff @(posedge clk_i) begin
    if (a_en_i) a_rdata_o <= mem_q[a_addr_i];
  end
  always_ff @(posedge clk_i) begin
    if (b_en_i) b_rdata_o <= mem_q[b_addr_i];
  end
endmodule
