// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_seq: the data cache's bus sequencer and victim reader:
// what goes to the burst master next, and the copy of dirty lines into its
// write-back buffer (docs/dcache.md "Bus sequencer").
//
// What it does
// - Serves the MSHR job queue in order (head_*_i). An entry whose victim is
//   clean: its read burst goes to the bus master (rd_*_o) as soon as the
//   master takes it. An entry with a dirty victim: the victim reader first
//   copies the old line into the write-back buffer, then the read burst is
//   issued (the master sends the write-back ahead of it).
// - With nothing queued, a fresh allocation of stage 1 with a clean victim
//   goes to the bus master in the very cycle it is made (alloc_issued_o).
// - With nothing queued, takes the flush engine's candidate (a dirty line
//   of the set being walked) and copies it out the same way.
// - Victim reader: asks stage 0 for the arrays one word per cycle (vr_want_o;
//   vr_prio_o once it has waited a cycle) and captures each word in stage 1
//   into the write-back buffer (wbuf_*_o); the last word commits the buffer
//   (wb_done_o: the line is clean now). vr_active_o/vr_set_o/vr_way_o: the
//   way being copied (not replaceable, not writable meanwhile).
// States (sq_e): SqIdle -> SqVicRead (copy a victim) -> SqRead (issue the
// MSHR's read burst) -> SqIdle; a flushed line goes SqVicRead -> SqIdle.
//
// Timing: rd_*_o, job_pop_o, issue_*_o and the wbuf_*_o are combinational
// from the state and this cycle's inputs; state changes at the clock edge.
// A copy takes WPL stage-0 slots and captures WPL words one cycle later.
//
// Not here: the Wishbone protocol and the write-back buffer itself
// (outrider_dcache_wbm), MSHR state (outrider_dcache_mshr), the choice of
// lines to flush (outrider_dcache_flush).
module outrider_dcache_seq #(
  parameter int Ways    = 2,
  parameter int WPL     = 8,
  parameter int SetW    = 6,
  parameter int TagW    = 21,
  parameter int MshrW   = 2,
  parameter int TidW    = 1,
  // derived: do not override
  parameter int WayW    = (Ways > 1) ? $clog2(Ways) : 1,
  parameter int WordW   = (WPL > 1) ? $clog2(WPL) : 1,
  parameter int LineW   = SetW + TagW,
  parameter int CapW    = $clog2(WPL + 1)
) (
  input  logic               clk_i,
  input  logic               rst_ni,

  // MSHR job queue and entries
  input  logic               head_v_i,
  input  logic [MshrW-1:0]   head_id_i,
  input  logic               head_wb_i,
  input  logic [LineW-1:0]   head_line_i,
  input  logic [WordW-1:0]   head_word_i,
  input  logic [WayW-1:0]    head_way_i,
  input  logic [LineW-1:0]   head_vic_i,
  input  logic [TidW-1:0]    head_tid_i,
  output logic               job_pop_o,
  output logic [MshrW-1:0]   cur_id_o,       // the entry being served
  input  logic [LineW-1:0]   cur_line_i,
  input  logic [WordW-1:0]   cur_word_i,
  output logic               issue_o,        // read burst of issue_id_o handed over
  output logic [MshrW-1:0]   issue_id_o,
  output logic               wb_clr_o,       // victim of cur_id_o copied out

  // this cycle's allocation (stage 1)
  input  logic               alloc_i,
  input  logic               alloc_wb_i,
  input  logic [LineW-1:0]   alloc_line_i,
  input  logic [MshrW-1:0]   alloc_id_i,
  input  logic [WordW-1:0]   alloc_word_i,
  output logic               alloc_issued_o,

  // flush engine
  input  logic               fl_walk_i,
  input  logic               fl_cand_i,
  input  logic [SetW-1:0]    fl_set_i,
  input  logic [WayW-1:0]    fl_way_i,
  input  logic [TidW-1:0]    fl_tid_i,

  // victim reader: stage 0 slots, stage 1 captures
  output logic               vr_want_o,
  output logic               vr_prio_o,
  input  logic               vr_go_i,        // stage 0 reads the next word now
  input  logic               vr_cap_i,       // stage 1 holds a victim word now
  input  logic [WordW-1:0]   s1_word_i,
  input  logic [Ways*32-1:0] dat_fwd_i,
  input  logic [Ways*TagW-1:0] tag_rd_i,
  output logic               vr_active_o,
  output logic [SetW-1:0]    vr_set_o,
  output logic [WayW-1:0]    vr_way_o,
  output logic [WordW-1:0]   vr_word_o,
  output logic [LineW-1:0]   vr_line_o,
  output logic [TidW-1:0]    vr_tid_o,
  output logic               wb_done_o,      // the last word is captured

  // burst master (outrider_dcache_wbm)
  output logic               wbuf_we_o,
  output logic [WordW-1:0]   wbuf_idx_o,
  output logic [31:0]        wbuf_data_o,
  output logic               wbuf_commit_o,
  input  logic               wbuf_valid_i,
  output logic               rd_valid_o,
  input  logic               rd_ready_i,
  output logic [LineW-1:0]   rd_line_o,
  output logic [MshrW-1:0]   rd_id_o,
  output logic [WordW-1:0]   rd_word_o
);
  typedef enum logic [1:0] {
    SqIdle    = 2'd0,
    SqVicRead = 2'd1,  // copying a dirty line into the write-back buffer
    SqRead    = 2'd2   // handing the MSHR's read burst to the bus master
  } sq_e;

  sq_e              sq_q, sq_d;
  logic [MshrW-1:0] sq_id_q, sq_id_d;
  logic             sq_mshr_q, sq_mshr_d;    // job of an MSHR (else of the flush engine)
  logic [SetW-1:0]  vr_set_q, vr_set_d;
  logic [WayW-1:0]  vr_way_q, vr_way_d;
  logic [LineW-1:0] vr_line_q, vr_line_d;
  logic [TidW-1:0]  vr_tid_q, vr_tid_d;
  logic [CapW-1:0]  vr_iss_q, vr_iss_d;      // words read
  logic [CapW-1:0]  vr_cap_q, vr_cap_d;      // words captured
  logic             vr_prio_q, vr_prio_d;
  logic             vr_want, vr_cap_last;

  // the tag of the way being copied: a mux over the ways (no TagW*way
  // part-select base, which yosys builds as a multiplier)
  logic [TagW-1:0] vr_tag;
  always_comb begin : p_vr_tag
    vr_tag = tag_rd_i[TagW-1:0];
    for (int w = 1; w < Ways; w++) if (vr_way_q == WayW'(w)) vr_tag = tag_rd_i[TagW*w +: TagW];
  end

  assign vr_want     = (sq_q == SqVicRead) && (vr_iss_q < CapW'(WPL));
  assign vr_cap_last = vr_cap_i && (vr_cap_q == CapW'(WPL - 1));

  always_comb begin : p_next
    sq_d      = sq_q;
    sq_id_d   = sq_id_q;
    sq_mshr_d = sq_mshr_q;
    vr_set_d  = vr_set_q;
    vr_way_d  = vr_way_q;
    vr_line_d = vr_line_q;
    vr_tid_d  = vr_tid_q;
    vr_iss_d  = vr_iss_q + (vr_go_i ? CapW'(1) : CapW'(0));
    vr_cap_d  = vr_cap_q + (vr_cap_i ? CapW'(1) : CapW'(0));
    vr_prio_d = vr_want && !vr_go_i;
    job_pop_o = 1'b0;
    issue_o   = 1'b0;
    wb_clr_o  = 1'b0;
    rd_valid_o = 1'b0;
    rd_line_o  = cur_line_i;
    rd_id_o    = sq_id_q;
    rd_word_o  = cur_word_i;
    alloc_issued_o = 1'b0;
    case (sq_q)
      SqIdle: begin
        if (head_v_i && !head_wb_i) begin
          // no victim to write back: the refill goes to the bus master now
          rd_valid_o = 1'b1;
          rd_line_o  = head_line_i;
          rd_id_o    = head_id_i;
          rd_word_o  = head_word_i;
          if (rd_ready_i) begin
            job_pop_o = 1'b1;
            issue_o   = 1'b1;
            sq_id_d   = head_id_i;
          end
        end else if (head_v_i && !wbuf_valid_i) begin
          job_pop_o = 1'b1;
          sq_id_d   = head_id_i;
          sq_mshr_d = 1'b1;
          vr_set_d  = head_line_i[SetW-1:0];
          vr_way_d  = head_way_i;
          vr_line_d = head_vic_i;
          vr_tid_d  = head_tid_i;
          vr_iss_d  = '0;
          vr_cap_d  = '0;
          sq_d      = SqVicRead;
        end else if (!head_v_i && alloc_i && !alloc_wb_i) begin
          // a fresh allocation with nothing queued: straight to the bus
          rd_valid_o     = 1'b1;
          rd_line_o      = alloc_line_i;
          rd_id_o        = alloc_id_i;
          rd_word_o      = alloc_word_i;
          alloc_issued_o = rd_ready_i;
        end else if (!head_v_i && fl_walk_i && fl_cand_i && !wbuf_valid_i) begin
          sq_mshr_d = 1'b0;
          vr_set_d  = fl_set_i;
          vr_way_d  = fl_way_i;
          vr_tid_d  = fl_tid_i;
          vr_iss_d  = '0;
          vr_cap_d  = '0;
          sq_d      = SqVicRead;
        end
      end
      SqVicRead: begin
        // the line address of a flushed line comes with its first word
        if (vr_cap_i && (vr_cap_q == '0) && !sq_mshr_q)
          vr_line_d = {vr_tag, vr_set_q};
        if (vr_cap_last) begin
          wb_clr_o = sq_mshr_q;
          if (sq_mshr_q) sq_d = SqRead;
          else           sq_d = SqIdle;
        end
      end
      SqRead: begin
        rd_valid_o = 1'b1;
        if (rd_ready_i) begin
          issue_o = 1'b1;
          sq_d    = SqIdle;
        end
      end
      default: sq_d = SqIdle;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      sq_q      <= SqIdle;
      sq_id_q   <= '0;
      sq_mshr_q <= 1'b0;
      vr_set_q  <= '0;
      vr_way_q  <= '0;
      vr_line_q <= '0;
      vr_tid_q  <= '0;
      vr_iss_q  <= '0;
      vr_cap_q  <= '0;
      vr_prio_q <= 1'b0;
    end else begin
      sq_q      <= sq_d;
      sq_id_q   <= sq_id_d;
      sq_mshr_q <= sq_mshr_d;
      vr_set_q  <= vr_set_d;
      vr_way_q  <= vr_way_d;
      vr_line_q <= vr_line_d;
      vr_tid_q  <= vr_tid_d;
      vr_iss_q  <= vr_iss_d;
      vr_cap_q  <= vr_cap_d;
      vr_prio_q <= vr_prio_d;
    end
  end

  assign cur_id_o    = sq_id_q;
  assign issue_id_o  = sq_id_d;
  assign vr_want_o   = vr_want;
  assign vr_prio_o   = vr_prio_q;
  assign vr_active_o = (sq_q == SqVicRead);
  assign vr_set_o    = vr_set_q;
  assign vr_way_o    = vr_way_q;
  assign vr_word_o   = vr_iss_q[WordW-1:0];
  assign vr_line_o   = vr_line_q;
  assign vr_tid_o    = vr_tid_q;
  assign wb_done_o   = vr_cap_last;

  // victim reader: capture in stage 1
  assign wbuf_we_o     = vr_cap_i;
  assign wbuf_idx_o    = s1_word_i;
  assign wbuf_data_o   = dat_fwd_i[32*vr_way_q +: 32];
  assign wbuf_commit_o = vr_cap_last;
endmodule
