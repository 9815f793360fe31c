// SPDX-License-Identifier: Apache-2.0
// outrider_fpga_ram: the on-chip RAM of the FPGA top, one dual-port block
// RAM of Bytes bytes (32-bit words). Port A reads only (instruction fetch),
// port B reads or writes with byte enables (data, behind the latency stage).
// What it is not: initialised (the boot loader fills it over the UART) or
// defined on a read of a word written in the same cycle (a port A read of a
// word port B writes in that cycle returns either value, and so does port
// B's own read data on a write; the core never fetches a word while it is
// stored: fence.i orders stores before fetches, and the latency stage
// answers writes with 0).
// Timing: both ports register their read: data the cycle after the request;
// the output holds while the port is not enabled.
module outrider_fpga_ram #(
  parameter int Bytes = 65536,
  // derived: do not override
  parameter int AddrW = $clog2(Bytes / 4)
) (
  input  logic             clk_i,
  // port A: read
  input  logic             a_en_i,
  input  logic [AddrW-1:0] a_addr_i,
  output logic [31:0]      a_rdata_o,
  // port B: read/write
  input  logic             b_en_i,
  input  logic [3:0]       b_we_i,
  input  logic [AddrW-1:0] b_addr_i,
  input  logic [31:0]      b_wdata_i,
  output logic [31:0]      b_rdata_o
);
  // no_rw_check: the ports never need a defined value when a word is read
  // in the cycle it is written (port B answers writes with 0; port A and B
  // never meet, see above), so yosys maps the array to true-dual-port block
  // RAM (ECP5: 32 DP16KD for 64 KiB) instead of duplicating it per read port
  (* no_rw_check *)
  logic [31:0] mem_q [Bytes / 4];

  always_ff @(posedge clk_i) begin
    if (a_en_i) a_rdata_o <= mem_q[a_addr_i];
  end

  always_ff @(posedge clk_i) begin
    if (b_en_i) begin
      for (int i = 0; i < 4; i++) begin
        if (b_we_i[i]) mem_q[b_addr_i][8*i +: 8] <= b_wdata_i[8*i +: 8];
      end
      b_rdata_o <= mem_q[b_addr_i];
    end
  end
endmodule
