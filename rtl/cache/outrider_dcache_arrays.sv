// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_arrays: the data cache's tag and data memories, one of
// each per way (outrider_dcache_ram: block RAM, synchronous read-first read
// port, whole-word write port), and the choice of their write ports
// (docs/dcache.md "Organisation").
//
// What it does
// - Read: every way's tag at rd_set_i and data word at {rd_set_i,
//   rd_word_i}, for stage 0; the words arrive the next cycle (stage 1).
// - Data write, per way: a refill beat (fill_we_i, way rsp_way_i, the word
//   rsp_idx_i of line rsp_line_i) has the port; otherwise stage 1's write of
//   a hit (s1_write_i to hit_way_i). Stage 1 never writes a way a refill
//   beat writes in the same cycle (it parks instead: outrider_dcache_decide).
// - Tag write: the last refill beat (tag_we_i) writes the line's tag.
// - dbg_*: a second, combinational read port for the debug backdoor
//   (DebugPort = 1 only).
//
// Timing: reads registered inside the memories (one cycle); writes at the
// clock edge; the write-port choice is combinational.
//
// Not here: valid/dirty bits (outrider_dcache_frames), forwarding of the
// last write (outrider_dcache_lookup).
module outrider_dcache_arrays #(
  parameter int Sets      = 64,
  parameter int Ways      = 2,
  parameter int WPL       = 8,
  parameter int TagW      = 21,
  parameter int DebugPort = 0,
  // derived: do not override
  parameter int SetW      = (Sets > 1) ? $clog2(Sets) : 1,
  parameter int WayW      = (Ways > 1) ? $clog2(Ways) : 1,
  parameter int WordW     = (WPL > 1) ? $clog2(WPL) : 1,
  parameter int LineW     = SetW + TagW,
  parameter int DIdxW     = SetW + WordW
) (
  input  logic                 clk_i,
  // stage-0 read
  input  logic [SetW-1:0]      rd_set_i,
  input  logic [WordW-1:0]     rd_word_i,
  output logic [Ways*TagW-1:0] tag_rd_o,
  output logic [Ways*32-1:0]   dat_rd_o,
  // refill beats
  input  logic                 fill_we_i,
  input  logic                 tag_we_i,
  input  logic [WayW-1:0]      rsp_way_i,
  input  logic [LineW-1:0]     rsp_line_i,
  input  logic [WordW-1:0]     rsp_idx_i,
  input  logic [31:0]          rsp_data_i,
  // stage-1 write of a hit
  input  logic                 s1_write_i,
  input  logic [WayW-1:0]      hit_way_i,
  input  logic [SetW-1:0]      s1_set_i,
  input  logic [WordW-1:0]     s1_word_i,
  input  logic [31:0]          s1_wval_i,
  // debug read port
  input  logic [SetW-1:0]      dbg_set_i,
  input  logic [WordW-1:0]     dbg_word_i,
  output logic [Ways*TagW-1:0] dbg_tag_o,
  output logic [Ways*32-1:0]   dbg_dat_o
);
  logic [Ways-1:0]       dwe, twe;
  logic [Ways*DIdxW-1:0] dw_idx;
  logic [Ways*32-1:0]    dw_data;
  logic [SetW-1:0]       tw_set;
  logic [TagW-1:0]       tw_tag;

  always_comb begin : p_array_writes
    logic fw;
    for (int w = 0; w < Ways; w++) begin
      fw = fill_we_i && (rsp_way_i == WayW'(w));
      dwe[w]                   = fw || (s1_write_i && (hit_way_i == WayW'(w)));
      dw_idx[DIdxW*w +: DIdxW] = fw ? {rsp_line_i[SetW-1:0], rsp_idx_i} : {s1_set_i, s1_word_i};
      dw_data[32*w +: 32]      = fw ? rsp_data_i : s1_wval_i;
      twe[w]                   = tag_we_i && (rsp_way_i == WayW'(w));
    end
    tw_set = rsp_line_i[SetW-1:0];
    tw_tag = rsp_line_i[LineW-1 -: TagW];
  end

  for (genvar w = 0; w < Ways; w++) begin : g_way
    outrider_dcache_ram #(.Depth (Sets), .Width (TagW), .DebugPort (DebugPort)) u_tag (
      .clk_i,
      .raddr_i     (rd_set_i),
      .rdata_o     (tag_rd_o[TagW*w +: TagW]),
      .we_i        (twe[w]),
      .waddr_i     (tw_set),
      .wdata_i     (tw_tag),
      .dbg_addr_i  (dbg_set_i),
      .dbg_rdata_o (dbg_tag_o[TagW*w +: TagW])
    );
    outrider_dcache_ram #(.Depth (Sets * WPL), .Width (32), .DebugPort (DebugPort)) u_data (
      .clk_i,
      .raddr_i     ({rd_set_i, rd_word_i}),
      .rdata_o     (dat_rd_o[32*w +: 32]),
      .we_i        (dwe[w]),
      .waddr_i     (dw_idx[DIdxW*w +: DIdxW]),
      .wdata_i     (dw_data[32*w +: 32]),
      .dbg_addr_i  ({dbg_set_i, dbg_word_i}),
      .dbg_rdata_o (dbg_dat_o[32*w +: 32])
    );
  end
endmodule
