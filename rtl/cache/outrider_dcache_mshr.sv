// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_mshr: the data cache's miss status holding registers (the
// MSHR file) and the bus job queue that serves them in allocation order
// (docs/dcache.md "MSHRs", "Bus sequencer").
//
// What it does
// - NumMshr entries. Each holds the line address, the way it will fill,
//   whether that way's old line (address vic) must be written back first,
//   the context and p-thread flag of the allocating access, the critical
//   word, "a non-p-thread access wants it" (touch), the error flag and the
//   prefetch flag. States (mshr_state_e):
//     MsFree -> MsQueued   allocation (alloc_i) into the lowest free entry
//                          (free_id_o); MsIssued at once if the sequencer
//                          hands the read burst over in that cycle
//     MsQueued -> MsIssued the sequencer hands the read burst to the bus
//                          master (issue_i)
//     MsIssued -> MsDone   the last refill beat arrives (rsp_last_i)
//     MsDone -> MsFree     the next cycle: the line is installed (or, with
//                          an error, dropped) and the waiters wake
// - Views of this cycle: the entry in MsDone (done_*_o, at most one), the
//   lowest free entry, which entries are free (free_mask_o), the entry holding stage 1's line (match_*_o: merge),
//   the ways of stage 1's set an entry owns (own_w_o: not replaceable),
//   "a victim write-back is still to be copied" (mswb_any_o), the entry of
//   a refill beat (rsp_way_o, rsp_line_o) and the fields the sequencer and
//   the events read.
// - The job queue: ids of entries waiting for the sequencer, oldest at the
//   head (head_*_o). Pushed at allocation unless handed over at once,
//   popped by the sequencer (job_pop_i).
//
// - Posted stores (PostedStores = 1): per entry a line of bytes, a byte
//   mask, the words the refill has written so far and the contexts that
//   posted. A posted store (post_i) writes its bytes into entry post_id_i
//   (an allocation in the same cycle clears the entry first); each refill
//   beat leaves as fill_data_o with the entry's bytes of that word over it;
//   match_word_done_o says stage 1's word of the matching entry is written
//   already (too late to post into); posted_ctx_o: contexts with posted
//   bytes in an entry not yet installing; done_posted_o: the installing
//   entry has posted bytes (the line installs dirty); dbg_*: posted bytes
//   of a word for the debug backdoor. With PostedStores = 0 none of it is
//   built (the outputs are 0, fill_data_o = rsp_data_i).
//
// Timing: every output is combinational from the state (and the id/set/line
// inputs); entries and the queue change at the clock edge.
//
// Not here: no bus access (outrider_dcache_seq, outrider_dcache_wbm), no
// choice of the way (outrider_dcache_plru), no parked requests.
module outrider_dcache_mshr #(
  parameter int NumMshr = 4,
  parameter int Ways    = 2,
  parameter int LineW   = 27,
  parameter int SetW    = 6,
  parameter int WordW   = 3,
  parameter int TidW    = 1,
  parameter int WPL     = 8,     // words per line (posted-store buffers)
  parameter int NumCtx  = 2,
  parameter int PostedStores = 1,
  parameter int NbLoads = 1,        // 1: match_word_done_o/post_ok_o also for non-blocking loads
  // derived: do not override
  parameter int MshrW   = (NumMshr > 1) ? $clog2(NumMshr) : 1,
  parameter int WayW    = (Ways > 1) ? $clog2(Ways) : 1
) (
  input  logic              clk_i,
  input  logic              rst_ni,

  // allocation (stage 1)
  input  logic              alloc_i,
  input  logic              alloc_issued_i,  // handed to the bus master in this cycle
  input  logic [LineW-1:0]  alloc_line_i,
  input  logic [WayW-1:0]   alloc_way_i,
  input  logic              alloc_wb_i,      // the victim is dirty: write back first
  input  logic [LineW-1:0]  alloc_vic_i,     // victim line address
  input  logic              alloc_spec_i,
  input  logic [TidW-1:0]   alloc_tid_i,
  input  logic              alloc_pref_i,    // next-line prefetch
  input  logic [WordW-1:0]  alloc_word_i,    // critical word
  input  logic              touch_i,         // a non-p-thread access merges into match_id_o
  output logic              free_v_o,
  output logic [MshrW-1:0]  free_id_o,
  output logic [NumMshr-1:0] free_mask_o,    // entry m is free (p-thread reserve, outrider_dcache)

  // lookup of stage 1's line and set
  input  logic [LineW-1:0]  s1_line_i,
  output logic              match_o,         // the line is in flight in an entry
  output logic [MshrW-1:0]  match_id_o,
  output logic              match_done_o,    // ... which installs it this cycle
  output logic              match_err_o,
  output logic              match_spec_o,    // ... allocated by a p-thread
  output logic [Ways-1:0]   own_w_o,         // ways of stage 1's set owned by an entry

  // refill beats (outrider_dcache_wbm)
  input  logic              rsp_valid_i,
  input  logic [MshrW-1:0]  rsp_id_i,
  input  logic              rsp_err_i,
  input  logic              rsp_last_i,
  output logic [WayW-1:0]   rsp_way_o,
  output logic [LineW-1:0]  rsp_line_o,

  // completion: the entry in MsDone
  output logic              done_v_o,
  output logic [MshrW-1:0]  done_id_o,
  output logic              done_err_o,
  output logic [LineW-1:0]  done_line_o,
  output logic [WayW-1:0]   done_way_o,
  output logic [TidW-1:0]   done_tid_o,
  output logic              done_spec_o,
  output logic              done_pref_o,
  output logic              done_pfill_o,    // p-thread fill nobody else wanted yet

  // bus sequencer
  output logic              head_v_o,        // the job queue is not empty
  output logic [MshrW-1:0]  head_id_o,
  output logic              head_wb_o,
  output logic [LineW-1:0]  head_line_o,
  output logic [WordW-1:0]  head_word_o,
  output logic [WayW-1:0]   head_way_o,
  output logic [LineW-1:0]  head_vic_o,
  output logic [TidW-1:0]   head_tid_o,
  input  logic              job_pop_i,
  input  logic [MshrW-1:0]  cur_id_i,        // the sequencer's current entry
  output logic [LineW-1:0]  cur_line_o,
  output logic [WordW-1:0]  cur_word_o,
  input  logic              issue_i,         // read burst of issue_id_i handed over
  input  logic [MshrW-1:0]  issue_id_i,
  input  logic              wb_clr_i,        // victim of wb_clr_id_i copied out
  input  logic [MshrW-1:0]  wb_clr_id_i,
  output logic              mswb_any_o,

  // posted stores (PostedStores = 1): a store answered in stage 1 records
  // its bytes in the entry it allocates or merges into (post_id_i); the
  // refill beats are merged with them (fill_data_o) and the line installs
  // dirty (done_posted_o)
  input  logic              post_i,
  input  logic [MshrW-1:0]  post_id_i,
  input  logic [WordW-1:0]  post_word_i,
  input  logic [TidW-1:0]   post_tid_i,
  input  logic [31:0]       post_data_i,
  input  logic [3:0]        post_be_i,
  input  logic [WordW-1:0]  s1_word_i,
  // non-blocking loads: a load answered outstanding on word s1_word_i of
  // entry nbl_id_i; match_nbl_word_o: stage 1's word of the matching entry
  // has such a load (a store to it is not posted: it waits for the install,
  // so the load gets the value from before the store)
  input  logic              nbl_i,
  input  logic [MshrW-1:0]  nbl_id_i,
  output logic              match_nbl_word_o,
  output logic              match_word_done_o, // stage 1's word of match_id_o is (being) written
  output logic              post_ok_o,         // stage 1's line is known to be in memory
  output logic              posted_any_o,      // an entry not yet installing holds posted bytes
  output logic [NumCtx-1:0] posted_ctx_o,      // ... posted by context c
  output logic [NumMshr-1:0] posted_m_o,       // ... entry m
  output logic              done_posted_o,     // the installing entry holds posted bytes
  input  logic [WordW-1:0]  rsp_idx_i,
  input  logic [31:0]       rsp_data_i,
  output logic [31:0]       fill_data_o,       // refill beat with the posted bytes over it
  // debug backdoor: posted bytes of a word
  input  logic [LineW-1:0]  dbg_line_i,
  input  logic [WordW-1:0]  dbg_word_i,
  output logic [3:0]        dbg_be_o,
  output logic [31:0]       dbg_data_o
);
  `include "outrider_assert.svh"

  typedef enum logic [1:0] {
    MsFree   = 2'd0,
    MsQueued = 2'd1,   // waiting for the bus sequencer
    MsIssued = 2'd2,   // read burst presented, beats arriving
    MsDone   = 2'd3    // last beat written: installs the line this cycle
  } mshr_state_e;

  localparam int JobCW = $clog2(NumMshr + 1);

  // ---- state (entry m at bits [W*m +: W] of each field) ---------------------------
  logic [NumMshr*2-1:0]     st_q, st_d;           // mshr_state_e per entry
  logic [NumMshr*LineW-1:0] line_q, line_d;
  logic [NumMshr*WayW-1:0]  way_q, way_d;
  logic [NumMshr-1:0]       wb_q, wb_d;           // victim needs a write-back first
  logic [NumMshr*LineW-1:0] vic_q, vic_d;         // victim line address
  logic [NumMshr-1:0]       spec_q, spec_d;       // allocated by a p-thread
  logic [NumMshr*TidW-1:0]  tid_q, tid_d;
  logic [NumMshr-1:0]       touch_q, touch_d;     // a non-p-thread access wants it
  logic [NumMshr-1:0]       err_q, err_d;
  logic [NumMshr-1:0]       pref_q, pref_d;       // next-line prefetch
  logic [NumMshr*WordW-1:0] word_q, word_d;       // critical word: the refill starts there
  // posted stores: per entry a line of bytes, their mask, and which words
  // the refill has already written into the data array
  localparam int LB = WPL * 4;
  logic [NumMshr*LB*8-1:0]  pbuf_q, pbuf_d;
  logic [NumMshr*LB-1:0]    pmask_q, pmask_d;
  logic [NumMshr*WPL-1:0]   bw_q, bw_d;
  logic [NumMshr*NumCtx-1:0] pctx_q, pctx_d;      // contexts whose stores are posted here
  // bus jobs (MSHR ids in allocation order, head at entry 0)
  logic [NumMshr*MshrW-1:0] job_q, job_d;
  logic [JobCW-1:0]         job_cnt_q, job_cnt_d;

  // ---- views -----------------------------------------------------------------------
  always_comb begin : p_view
    done_v_o   = 1'b0;
    done_id_o  = '0;
    free_v_o   = 1'b0;
    free_id_o  = '0;
    mswb_any_o = 1'b0;
    for (int m = NumMshr - 1; m >= 0; m--) begin
      if (st_q[2*m +: 2] == MsDone) begin
        done_v_o  = 1'b1;
        done_id_o = MshrW'(m);
      end
      if (st_q[2*m +: 2] == MsFree) begin
        free_v_o  = 1'b1;
        free_id_o = MshrW'(m);
      end
      if ((st_q[2*m +: 2] != MsFree) && wb_q[m]) mswb_any_o = 1'b1;
    end
    done_err_o = err_q[done_id_o];
  end
  for (genvar g = 0; g < NumMshr; g++) begin : g_free_mask
    assign free_mask_o[g] = (st_q[2*g +: 2] == MsFree);
  end

  assign done_line_o  = line_q[LineW*done_id_o +: LineW];
  assign done_way_o   = way_q[WayW*done_id_o +: WayW];
  assign done_tid_o   = tid_q[TidW*done_id_o +: TidW];
  assign done_spec_o  = spec_q[done_id_o];
  assign done_pref_o  = pref_q[done_id_o];
  assign done_pfill_o = spec_q[done_id_o] && !touch_q[done_id_o];

  always_comb begin : p_lookup
    logic [SetW-1:0] s1_set;
    s1_set   = s1_line_i[SetW-1:0];
    match_o    = 1'b0;
    match_id_o = '0;
    for (int m = NumMshr - 1; m >= 0; m--) begin
      if ((st_q[2*m +: 2] != MsFree) && (line_q[LineW*m +: LineW] == s1_line_i)) begin
        match_o    = 1'b1;
        match_id_o = MshrW'(m);
      end
    end
    for (int w = 0; w < Ways; w++) begin
      own_w_o[w] = 1'b0;
      for (int m = 0; m < NumMshr; m++) begin
        if ((st_q[2*m +: 2] != MsFree) && (line_q[LineW*m +: SetW] == s1_set) &&
            (way_q[WayW*m +: WayW] == WayW'(w)))
          own_w_o[w] = 1'b1;
      end
    end
  end
  assign match_done_o = (st_q[2*match_id_o +: 2] == MsDone);
  assign match_err_o  = err_q[match_id_o];
  assign match_spec_o = spec_q[match_id_o];

  // line of the entry a refill beat belongs to: a mux over the entries (an
  // index like LineW*rsp_id + SetW made yosys build a multiplier: ECP5 DSPs)
  always_comb begin : p_rsp_line
    rsp_line_o = line_q[LineW-1:0];
    for (int m = 1; m < NumMshr; m++) begin
      if (rsp_id_i == MshrW'(m)) rsp_line_o = line_q[LineW*m +: LineW];
    end
  end
  assign rsp_way_o = way_q[WayW*rsp_id_i +: WayW];

  assign head_v_o    = (job_cnt_q != '0);
  assign head_id_o   = job_q[MshrW-1:0];
  assign head_wb_o   = wb_q[job_q[MshrW-1:0]];
  assign head_line_o = line_q[LineW*job_q[MshrW-1:0] +: LineW];
  assign head_word_o = word_q[WordW*job_q[MshrW-1:0] +: WordW];
  assign head_way_o  = way_q[WayW*job_q[MshrW-1:0] +: WayW];
  assign head_vic_o  = vic_q[LineW*job_q[MshrW-1:0] +: LineW];
  assign head_tid_o  = tid_q[TidW*job_q[MshrW-1:0] +: TidW];
  assign cur_line_o  = line_q[LineW*cur_id_i +: LineW];
  assign cur_word_o  = word_q[WordW*cur_id_i +: WordW];

  // ---- next state --------------------------------------------------------------------
  // entries are written by comparing each entry's (constant) number with the
  // narrow ids of this cycle's events, so no wide variable-index decoders are built
  always_comb begin : p_entries
    st_d    = st_q;
    line_d  = line_q;
    way_d   = way_q;
    wb_d    = wb_q;
    vic_d   = vic_q;
    spec_d  = spec_q;
    tid_d   = tid_q;
    touch_d = touch_q;
    err_d   = err_q;
    pref_d  = pref_q;
    word_d  = word_q;
    pbuf_d  = pbuf_q;
    pmask_d = pmask_q;
    bw_d    = bw_q;
    pctx_d  = pctx_q;
    for (int m = 0; m < NumMshr; m++) begin
      if (rsp_valid_i && (rsp_id_i == MshrW'(m))) begin
        for (int k = 0; k < WPL; k++) if (rsp_idx_i == WordW'(k)) bw_d[WPL*m + k] = 1'b1;
        if (rsp_err_i)  err_d[m] = 1'b1;
        if (rsp_last_i) st_d[2*m +: 2] = MsDone;
      end
      if (done_v_o && (done_id_o == MshrW'(m))) st_d[2*m +: 2] = MsFree;
      if (touch_i && (match_id_o == MshrW'(m))) touch_d[m] = 1'b1;
      if (issue_i && (issue_id_i == MshrW'(m))) st_d[2*m +: 2] = MsIssued;
      if (wb_clr_i && (wb_clr_id_i == MshrW'(m))) wb_d[m] = 1'b0;
      if (alloc_i && (free_id_o == MshrW'(m))) begin
        st_d[2*m +: 2]           = MsQueued;
        line_d[LineW*m +: LineW] = alloc_line_i;
        way_d[WayW*m +: WayW]    = alloc_way_i;
        wb_d[m]                  = alloc_wb_i;
        vic_d[LineW*m +: LineW]  = alloc_vic_i;
        spec_d[m]                = alloc_spec_i;
        tid_d[TidW*m +: TidW]    = alloc_tid_i;
        touch_d[m]               = !alloc_spec_i && !alloc_pref_i;
        err_d[m]                 = 1'b0;
        pref_d[m]                = alloc_pref_i;
        word_d[WordW*m +: WordW] = alloc_word_i;
        pmask_d[LB*m +: LB]      = '0;
        bw_d[WPL*m +: WPL]       = '0;
        pctx_d[NumCtx*m +: NumCtx] = '0;
        if (alloc_issued_i) st_d[2*m +: 2] = MsIssued;
      end
      if ((PostedStores != 0) && post_i && (post_id_i == MshrW'(m))) begin
        for (int c = 0; c < NumCtx; c++) if (post_tid_i == TidW'(c)) pctx_d[NumCtx*m + c] = 1'b1;
        for (int k = 0; k < WPL; k++) begin
          if (post_word_i == WordW'(k)) begin
            for (int b = 0; b < 4; b++) begin
              if (post_be_i[b]) begin
                pmask_d[LB*m + 4*k + b]          = 1'b1;
                pbuf_d[8*(LB*m + 4*k + b) +: 8]  = post_data_i[8*b +: 8];
              end
            end
          end
        end
      end
    end
  end

  // ---- what posted stores and non-blocking loads need --------------------------
  if ((PostedStores != 0) || (NbLoads != 0)) begin : g_known
    // Memory is one contiguous range from RamBase whose size only memory
    // knows (it answers an access beyond it with an error, the access
    // fault of the instruction). A store is posted, and a load answered as
    // outstanding, only for a line at or below the highest line a refill
    // has read without error, so an access beyond the end of memory still
    // parks and faults precisely.
    logic [LineW-1:0] hi_q;
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni)                                            hi_q <= '0;
      else if (done_v_o && !done_err_o && (done_line_o > hi_q)) hi_q <= done_line_o;
    end
    assign post_ok_o = (s1_line_i <= hi_q);

    // stage 1's word of the matching entry is written (or is being written now)
    always_comb begin : p_word_done
      match_word_done_o = 1'b0;
      for (int m = 0; m < NumMshr; m++) begin
        for (int k = 0; k < WPL; k++) begin
          if ((match_id_o == MshrW'(m)) && (s1_word_i == WordW'(k)) &&
              (bw_q[WPL*m + k] || (rsp_valid_i && (rsp_id_i == MshrW'(m)) && (rsp_idx_i == WordW'(k)))))
            match_word_done_o = 1'b1;
        end
      end
    end
  end else begin : g_unknown
    assign match_word_done_o = 1'b0;
    assign post_ok_o         = 1'b0;
  end

  if (NbLoads != 0) begin : g_nbl_words
    // words of each entry with an outstanding load (bit WPL*m + k), changed
    // by whole-vector masks: an allocation clears its entry's bits, a
    // non-blocking load sets its word's bit (a loop testing every word of
    // every entry was that many tests per cycle in simulation)
    logic [NumMshr*WPL-1:0] nblw_q, nblw_clr, nblw_set;
    always_comb begin : p_nblw_clr
      nblw_clr = '0;
      for (int m = 0; m < NumMshr; m++)
        if (alloc_i && (free_id_o == MshrW'(m))) nblw_clr[WPL*m +: WPL] = '1;
    end
    assign nblw_set = nbl_i ? ((NumMshr*WPL)'(1) << {nbl_id_i, s1_word_i}) : '0;
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) nblw_q <= '0;
      else         nblw_q <= (nblw_q & ~nblw_clr) | nblw_set;
    end
    always_comb begin : p_nbl_word
      match_nbl_word_o = 1'b0;
      for (int m = 0; m < NumMshr; m++)
        for (int k = 0; k < WPL; k++)
          if ((match_id_o == MshrW'(m)) && (s1_word_i == WordW'(k)) && nblw_q[WPL*m + k])
            match_nbl_word_o = 1'b1;
    end
  end else begin : g_no_nbl_words
    assign match_nbl_word_o = 1'b0;
    logic unused_nbl;
    assign unused_nbl = ^{nbl_i, nbl_id_i};
  end

  // ---- posted stores: views -------------------------------------------------------
  if (PostedStores != 0) begin : g_posted
    always_comb begin : p_posted
      posted_any_o      = 1'b0;
      posted_ctx_o      = '0;
      posted_m_o        = '0;
      done_posted_o     = 1'b0;
      for (int m = 0; m < NumMshr; m++) begin
        if (((st_q[2*m +: 2] == MsQueued) || (st_q[2*m +: 2] == MsIssued)) &&
            (pmask_q[LB*m +: LB] != '0)) begin
          posted_any_o = 1'b1;
          posted_m_o[m] = 1'b1;
          posted_ctx_o = posted_ctx_o | pctx_q[NumCtx*m +: NumCtx];
        end
        if ((done_id_o == MshrW'(m)) && (pmask_q[LB*m +: LB] != '0)) done_posted_o = done_v_o;
      end
    end
    // the refill beat with the entry's posted bytes of its word over it: the
    // word is indexed by {entry, word} (powers of two: a balanced multiplexer;
    // a loop of ifs over every word of every entry mapped into a chain)
    logic [3:0]  rsp_be;
    logic [31:0] rsp_buf;
    assign rsp_be  = pmask_q[4*{rsp_id_i, rsp_idx_i} +: 4];
    assign rsp_buf = pbuf_q[32*{rsp_id_i, rsp_idx_i} +: 32];
    for (genvar b = 0; b < 4; b++) begin : g_fill_byte
      assign fill_data_o[8*b +: 8] = rsp_be[b] ? rsp_buf[8*b +: 8] : rsp_data_i[8*b +: 8];
    end

    // the debug backdoor's view, in a block of its own: dbg_* come from the
    // test bench's inputs, and a simulator re-evaluates whatever shares a
    // process with them whenever inputs are applied (fill_data_o feeds the
    // data answers and the core). The word is indexed, not found by a loop
    // over every word of every entry: Verilator evaluates this block in its
    // input region, twice per cycle, and the unrolled loop (NumMshr * WPL
    // line compares) was the bulk of that region (docs/performance.md
    // "Simulation speed"). Only the debug backdoor reads it.
    always_comb begin : p_posted_dbg
      logic [3:0] dbe;
      dbe        = '0;
      dbg_be_o   = '0;
      dbg_data_o = '0;
      for (int m = 0; m < NumMshr; m++) begin
        if ((st_q[2*m +: 2] != MsFree) && (line_q[LineW*m +: LineW] == dbg_line_i) &&
            (32'(dbg_word_i) < WPL)) begin
          dbe      = pmask_q[LB*m + 4*32'(dbg_word_i) +: 4];
          dbg_be_o = dbe;
          for (int b = 0; b < 4; b++)
            if (dbe[b]) dbg_data_o[8*b +: 8] = pbuf_q[8*(LB*m + 4*32'(dbg_word_i) + b) +: 8];
        end
      end
    end
  end else begin : g_no_posted
    assign posted_any_o      = 1'b0;
    assign posted_ctx_o      = '0;
    assign posted_m_o        = '0;
    assign done_posted_o     = 1'b0;
    assign fill_data_o       = rsp_data_i;
    assign dbg_be_o          = '0;
    assign dbg_data_o        = '0;
    logic unused_posted;
    assign unused_posted = ^{post_i, post_id_i, post_word_i, post_tid_i, pctx_q, post_data_i, post_be_i, s1_word_i,
                             rsp_idx_i, dbg_line_i, dbg_word_i, pbuf_q, pmask_q, bw_q};
  end

  // job queue: pop at the sequencer, push at allocation
  always_comb begin : p_jobs
    job_d     = job_q;
    job_cnt_d = job_cnt_q;
    if (job_pop_i) begin
      job_d     = job_q >> MshrW;
      job_cnt_d = job_cnt_q - 1'b1;
    end
    if (alloc_i && !alloc_issued_i) begin
      // (a compare per slot: MshrW*job_cnt_d as a part-select base made
      // yosys build a multiplier when MshrW is not a power of two)
      for (int k = 0; k < NumMshr; k++) if (job_cnt_d == JobCW'(k)) job_d[MshrW*k +: MshrW] = free_id_o;
      job_cnt_d = job_cnt_d + 1'b1;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      st_q      <= '0;
      line_q    <= '0;
      way_q     <= '0;
      wb_q      <= '0;
      vic_q     <= '0;
      spec_q    <= '0;
      tid_q     <= '0;
      touch_q   <= '0;
      err_q     <= '0;
      pref_q    <= '0;
      word_q    <= '0;
      pbuf_q    <= '0;
      pmask_q   <= '0;
      bw_q      <= '0;
      pctx_q    <= '0;
      job_q     <= '0;
      job_cnt_q <= '0;
    end else begin
      st_q      <= st_d;
      line_q    <= line_d;
      way_q     <= way_d;
      wb_q      <= wb_d;
      vic_q     <= vic_d;
      spec_q    <= spec_d;
      tid_q     <= tid_d;
      touch_q   <= touch_d;
      err_q     <= err_d;
      pref_q    <= pref_d;
      word_q    <= word_d;
      pbuf_q    <= pbuf_d;
      pmask_q   <= pmask_d;
      bw_q      <= bw_d;
      pctx_q    <= pctx_d;
      job_q     <= job_d;
      job_cnt_q <= job_cnt_d;
    end
  end

  // ---- invariants -------------------------------------------------------------------
  // two entries that are not free never hold the same line (merging, not a
  // second refill); at most one entry installs its line per cycle
  function automatic logic line_dup(input logic [NumMshr*2-1:0] st,
                                    input logic [NumMshr*LineW-1:0] line);
    line_dup = 1'b0;
    for (int m = 0; m < NumMshr; m++) begin
      for (int n = m + 1; n < NumMshr; n++) begin
        if ((st[2*m +: 2] != MsFree) && (st[2*n +: 2] != MsFree) &&
            (line[LineW*m +: LineW] == line[LineW*n +: LineW]))
          line_dup = 1'b1;
      end
    end
  endfunction
  function automatic int n_done(input logic [NumMshr*2-1:0] st);
    n_done = 0;
    for (int m = 0; m < NumMshr; m++) if (st[2*m +: 2] == MsDone) n_done = n_done + 1;
  endfunction
`ifndef FORMAL_SKIP_MSHR
  `OR_ASSERT(!line_dup(st_q, line_q), "two MSHRs hold the same line")
`endif
`ifndef FORMAL_SKIP_LIVE
  `OR_ASSERT(n_done(st_q) <= 1, "two MSHRs install their line in one cycle")
  `OR_ASSERT(32'(job_cnt_q) <= NumMshr, "more bus jobs than MSHRs")
`endif
endmodule
