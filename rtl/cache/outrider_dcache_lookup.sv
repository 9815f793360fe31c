// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_lookup: stage 1 of the data cache, first half: the tag
// compare over the ways and the data each way holds for stage 1's word
// (docs/dcache.md "Pipeline").
//
// What it does
// - hit_o / hit_way_o: a valid way of stage 1's set whose tag (read in
//   stage 0) matches; hit_data_o: that way's word.
// - Forwarding: the memories read first, so the data-array write stage 1
//   made in the previous cycle (s1_write_i, kept in the lw_* register) is
//   forwarded to this stage 1 when it is the same way and word (dat_fwd_o,
//   which the victim reader also captures from).
// - avail_o: ways of stage 1's set that may be replaced: not owned by an
//   MSHR (own_w_i) and not being copied out by the victim reader.
//
// Timing: all outputs combinational from the array read data, the frame
// bits and the lw_* register; lw_* updates at the clock edge.
//
// Not here: no decision (outrider_dcache_decide), no MSHR match
// (outrider_dcache_mshr), no victim choice (outrider_dcache_plru).
module outrider_dcache_lookup #(
  parameter int Ways  = 2,
  parameter int SetW  = 6,
  parameter int WordW = 3,
  parameter int TagW  = 21,
  // derived: do not override
  parameter int WayW  = (Ways > 1) ? $clog2(Ways) : 1,
  parameter int DIdxW = SetW + WordW
) (
  input  logic               clk_i,
  input  logic               rst_ni,
  input  logic [SetW-1:0]    s1_set_i,
  input  logic [WordW-1:0]   s1_word_i,
  input  logic [TagW-1:0]    s1_tag_i,
  input  logic [Ways-1:0]    s1_valid_i,   // frame valid bits of stage 1's set
  input  logic [Ways*TagW-1:0] tag_rd_i,   // tag memories, read in stage 0
  input  logic [Ways*32-1:0] dat_raw_i,    // data memories, read in stage 0
  input  logic [Ways-1:0]    own_w_i,      // ways owned by an MSHR
  input  logic               vr_active_i,  // the victim reader copies way vr_way_i of vr_set_i
  input  logic [SetW-1:0]    vr_set_i,
  input  logic [WayW-1:0]    vr_way_i,
  input  logic               s1_write_i,   // stage 1 writes way hit_way_o now
  input  logic [31:0]        s1_wval_i,
  output logic               hit_o,
  output logic [WayW-1:0]    hit_way_o,
  output logic [31:0]        hit_data_o,
  output logic [Ways*32-1:0] dat_fwd_o,
  output logic [Ways-1:0]    avail_o
);
  // last data-array write of stage 1
  logic              lw_v_q;
  logic [WayW-1:0]   lw_way_q;
  logic [DIdxW-1:0]  lw_idx_q;
  logic [31:0]       lw_data_q;
  logic [Ways-1:0]   hit_w, resv_w;

  always_comb begin : p_lookup
    hit_o     = 1'b0;
    hit_way_o = '0;
    for (int w = 0; w < Ways; w++) begin
      hit_w[w]  = s1_valid_i[w] && (tag_rd_i[TagW*w +: TagW] == s1_tag_i);
      dat_fwd_o[32*w +: 32] = (lw_v_q && (lw_way_q == WayW'(w)) &&
                               (lw_idx_q == {s1_set_i, s1_word_i}))
                              ? lw_data_q : dat_raw_i[32*w +: 32];
      // ways that may not be replaced: owned by an MSHR or being copied out
      resv_w[w]  = (vr_active_i && (vr_set_i == s1_set_i) && (vr_way_i == WayW'(w))) || own_w_i[w];
      avail_o[w] = !resv_w[w];
    end
    for (int w = Ways - 1; w >= 0; w--) begin
      if (hit_w[w]) begin
        hit_o     = 1'b1;
        hit_way_o = WayW'(w);
      end
    end
    hit_data_o = dat_fwd_o[32*hit_way_o +: 32];
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      lw_v_q    <= 1'b0;
      lw_way_q  <= '0;
      lw_idx_q  <= '0;
      lw_data_q <= '0;
    end else begin
      lw_v_q    <= s1_write_i;
      lw_way_q  <= hit_way_o;
      lw_idx_q  <= {s1_set_i, s1_word_i};
      lw_data_q <= s1_wval_i;
    end
  end
endmodule
