// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_ram: one simple dual-port memory of the data cache (a tag
// array or the data array of one way).
//
// - Read port: synchronous, always enabled: rdata_o in cycle N+1 holds the
//   word at raddr_i of cycle N as it was BEFORE a write in cycle N
//   (read-first; the cache forwards its own writes where it needs them).
// - Write port: whole words, we_i/waddr_i/wdata_i, performed at the clock
//   edge ending the cycle.
// - Debug port (DebugPort = 1, simulation): dbg_rdata_o = word at dbg_addr_i,
//   combinational. With DebugPort = 0 it reads 0 and costs nothing, so the
//   memory maps to block RAM (iCE40 SB_RAM40_4K, ECP5 DP16KD/PDPW16KD).
//
// Not here: no reset of the contents (the cache keeps valid bits in
// flip-flops), no byte enables (the cache merges sub-word stores itself).
module outrider_dcache_ram #(
  parameter int Depth     = 64,
  parameter int Width     = 32,
  parameter int DebugPort = 0,
  // derived: do not override
  parameter int AddrW     = (Depth > 1) ? $clog2(Depth) : 1
) (
  input  logic             clk_i,
  input  logic [AddrW-1:0] raddr_i,
  output logic [Width-1:0] rdata_o,
  input  logic             we_i,
  input  logic [AddrW-1:0] waddr_i,
  input  logic [Width-1:0] wdata_i,
  input  logic [AddrW-1:0] dbg_addr_i,
  output logic [Width-1:0] dbg_rdata_o
);
  logic [Width-1:0] mem_q [Depth];

  always_ff @(posedge clk_i) begin
    if (we_i) mem_q[waddr_i] <= wdata_i;
    rdata_o <= mem_q[raddr_i];
  end

  if (DebugPort != 0) begin : g_dbg
    assign dbg_rdata_o = mem_q[dbg_addr_i];
  end else begin : g_no_dbg
    logic unused_dbg;
    assign unused_dbg  = ^dbg_addr_i;
    assign dbg_rdata_o = '0;
  end
endmodule
