// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_dbg: the data cache's debug backdoor (DebugPort = 1,
// simulation only; docs/dcache.md "Debug backdoor"): the newest copy of a
// word the cache holds dirty.
//
// What it does: hit_o/data_o for the word whose tag is tag_i, from a dirty
// way of its set (the arrays' debug read port, dirty bits from the frames)
// or, failing that, from the write-back buffer (wb_hit_i/wb_data_i); a
// dirty way wins over the buffer (it is newer); posted store bytes of a
// line in flight (post_be_i/post_data_i, from the MSHR file) win over both,
// byte by byte: the lanes query says which bytes of data_o are the cache's (the others
// are memory's; asked with lanes_q_i: data_o[3:0], bit b = byte b).
// dirty_any_o: a dirty line, a full write-back buffer or posted store
// bytes exist.
//
// Timing: combinational. With DebugPort = 0 every output is 0 and the
// inputs are left unused (nothing is built).
//
// Not here: the read ports themselves (outrider_dcache_arrays,
// outrider_dcache_wbm).
module outrider_dcache_dbg #(
  parameter int Ways      = 2,
  parameter int TagW      = 21,
  parameter int DebugPort = 0
) (
  input  logic [TagW-1:0]      tag_i,       // tag of the address asked for
  input  logic [Ways-1:0]      dirty_i,     // dirty bits of its set
  input  logic [Ways*TagW-1:0] way_tag_i,   // tags of its set
  input  logic [Ways*32-1:0]   way_data_i,  // its word in every way
  input  logic                 dirty_any_i, // any frame dirty
  input  logic                 wb_valid_i,  // the write-back buffer is full
  input  logic                 wb_hit_i,    // ... and holds the word
  input  logic [31:0]          wb_data_i,
  input  logic [3:0]           post_be_i,   // posted store bytes of the word (in an MSHR)
  input  logic [31:0]          post_data_i,
  input  logic                 posted_any_i, // posted store bytes anywhere
  input  logic                 lanes_q_i,   // a lanes query: data_o[3:0] = the cache's bytes
  output logic                 hit_o,
  output logic [31:0]          data_o,
  output logic                 dirty_any_o
);
  if (DebugPort != 0) begin : g_debug
    logic [3:0] be;
    always_comb begin : p_debug
      hit_o       = 1'b0;
      data_o      = 32'd0;
      be        = 4'd0;
      dirty_any_o = dirty_any_i || wb_valid_i || posted_any_i;
      if (wb_hit_i) begin
        hit_o  = 1'b1;
        data_o = wb_data_i;
      end
      for (int w = 0; w < Ways; w++) begin
        if (dirty_i[w] && (way_tag_i[TagW*w +: TagW] == tag_i)) begin
          hit_o  = 1'b1;
          data_o = way_data_i[32*w +: 32];
        end
      end
      if (hit_o) be = 4'hF;
      // a line in flight: posted bytes over the write-back buffer's copy
      // (or, for the other bytes, memory: be says which)
      for (int b = 0; b < 4; b++) begin
        if (post_be_i[b]) begin
          be[b]         = 1'b1;
          data_o[8*b +: 8] = post_data_i[8*b +: 8];
        end
      end
      hit_o = (be != 4'd0);
      if (lanes_q_i) data_o = {28'd0, be};
    end
  end else begin : g_no_debug
    assign hit_o       = 1'b0;
    assign data_o      = 32'd0;
    assign dirty_any_o = 1'b0;
    logic unused_dbg;
    assign unused_dbg = ^{tag_i, dirty_i, way_tag_i, way_data_i, dirty_any_i, wb_valid_i, wb_hit_i,
                          wb_data_i, post_be_i, post_data_i, posted_any_i, lanes_q_i};
  end
endmodule
