// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_wbm: the data cache's Wishbone B4 pipelined burst master.
// It moves whole lines: write bursts (write-backs) out of its one-line
// write-back buffer, and read bursts (refills) whose beats it hands back to
// the cache as they arrive.
//
// Bursts (docs/dcache.md "Wishbone")
// - WPL beats of 32 bits (sel 4'hF); CTI 3'b010 (incrementing burst) on
//   every beat but the last, 3'b111 (end of burst) on the last.
// - Write bursts: linear from word 0 of the line, BTE 2'b00.
// - Read bursts start at the requested ("critical") word and wrap around
//   the line (BTE 2'b01 / 2'b10 / 2'b11 for 4 / 8 / 16 beats); with any
//   other line size they are linear from word 0 (BTE 2'b00). Each answer
//   is tagged with the word it carries (rsp_idx_o).
// - Beats are presented back to back (one per cycle unless wb_stall_i);
//   the next burst may follow in the very next cycle, so several bursts
//   can be in flight (up to BurstDepth awaiting answers).
// - Answers (ack or err) come in order; each beat gets exactly one. A read
//   beat's answer is registered and passed on as rsp_* in the cycle AFTER
//   it arrives: no combinational path leads from wb_ack_i, wb_err_i or
//   wb_dat_i into the cache (the refill write, the MSHRs, the early restart
//   of a parked load, the core's stall logic). Write answers are only
//   counted (wr_busy_o); a write error is ignored (a line the cache holds
//   came from RAM).
// - Order: a committed write-back goes out before any read burst accepted
//   after the commit. Read bursts go out in the order they were accepted.
//
// Write-back buffer
// - Filled word by word (wbuf_we_i) while wbuf_valid_o is low, then
//   wbuf_commit_i with the line address makes it valid; it stays valid
//   until the slave has accepted the burst's last beat (the data is then in
//   memory as far as the cache is concerned).
// - dbg_*: combinational lookup of the buffer for the test bench backdoor.
//
// Not here: no knowledge of sets, ways or MSHRs (rd_id_i is opaque), no
// single-beat (uncached) accesses, no bus lock.
module outrider_dcache_wbm #(
  parameter int WPL        = 8,     // words per line (>= 2, a power of two)
  parameter int LineW      = 27,    // line address bits (32 - log2(line bytes))
  parameter int IdW        = 2,
  parameter int BurstDepth = 6,     // bursts in flight (presented, not fully answered)
  // derived: do not override
  parameter int WordW      = (WPL > 1) ? $clog2(WPL) : 1
) (
  input  logic              clk_i,
  input  logic              rst_ni,

  // write-back buffer
  input  logic              wbuf_we_i,
  input  logic [WordW-1:0]  wbuf_idx_i,
  input  logic [31:0]       wbuf_data_i,
  input  logic              wbuf_commit_i,
  input  logic [LineW-1:0]  wbuf_line_i,
  output logic              wbuf_valid_o,

  // read bursts
  input  logic              rd_valid_i,
  output logic              rd_ready_o,
  input  logic [LineW-1:0]  rd_line_i,
  input  logic [IdW-1:0]    rd_id_i,
  input  logic [WordW-1:0]  rd_word_i,      // critical word: the burst starts there

  // read beats as they arrive
  output logic              rsp_valid_o,
  output logic [IdW-1:0]    rsp_id_o,
  output logic [WordW-1:0]  rsp_idx_o,
  output logic [31:0]       rsp_data_o,
  output logic              rsp_err_o,
  output logic              rsp_last_o,

  // a write-back is buffered, being sent or not yet fully answered
  output logic              wr_busy_o,

  // debug lookup of the write-back buffer
  input  logic [LineW-1:0]  dbg_line_i,
  input  logic [WordW-1:0]  dbg_word_i,
  output logic              dbg_hit_o,
  output logic [31:0]       dbg_data_o,

  // Wishbone B4 pipelined master
  output logic              wb_cyc_o,
  output logic              wb_stb_o,
  output logic              wb_we_o,
  output logic [31:0]       wb_adr_o,
  output logic [3:0]        wb_sel_o,
  output logic [31:0]       wb_dat_o,
  output logic [2:0]        wb_cti_o,
  output logic [1:0]        wb_bte_o,
  input  logic [31:0]       wb_dat_i,
  input  logic              wb_ack_i,
  input  logic              wb_err_i,
  input  logic              wb_stall_i
);
  localparam int CntW = $clog2(BurstDepth + 1);
  localparam int EntW = IdW + WordW + 1;         // {write, start word, id}
  // wrapping read bursts where Wishbone has a burst type for the line size
  localparam logic       Wrap    = (WPL == 4) || (WPL == 8) || (WPL == 16);
  localparam logic [1:0] BteWrap = (WPL == 4) ? 2'b01 : ((WPL == 8) ? 2'b10 : 2'b11);
  localparam logic [2:0] CtiIncr = 3'b010;
  localparam logic [2:0] CtiEnd  = 3'b111;
  localparam logic [WordW-1:0] LastWord = WordW'(WPL - 1);

  // ---- write-back buffer -----------------------------------------------------
  logic [31:0]      wbuf_q [WPL];
  logic             wbuf_valid_q, wbuf_valid_d;
  logic             wbuf_sent_q, wbuf_sent_d;    // its burst has started
  logic [LineW-1:0] wbuf_line_q;

  always_ff @(posedge clk_i) begin
    if (wbuf_we_i) wbuf_q[wbuf_idx_i] <= wbuf_data_i;
  end
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)            wbuf_line_q <= '0;
    else if (wbuf_commit_i) wbuf_line_q <= wbuf_line_i;
  end

  // ---- request side: the current burst and the request register -------------
  logic             bact_q, bact_d;              // beats of the current burst remain
  logic             bwe_q, bwe_d;
  logic [LineW-1:0] bline_q, bline_d;
  logic [WordW-1:0] bbeat_q, bbeat_d;            // beats presented so far
  logic [WordW-1:0] bword_q, bword_d;            // word of the next beat
  logic             bwrap_q, bwrap_d;            // current burst wraps

  logic             stb_q, stb_d;
  logic             we_q, we_d;
  logic [31:0]      adr_q, adr_d;
  logic [31:0]      dat_q, dat_d;
  logic             last_q, last_d;
  logic             wrap_q, wrap_d;               // the presented beat's burst wraps

  // bursts presented and not fully answered, head at entry 0
  logic [BurstDepth*EntW-1:0] fifo_q, fifo_d;
  logic [CntW-1:0]            cnt_q, cnt_d;
  logic [WordW-1:0]           rbeat_q, rbeat_d;  // next answer's beat index

  logic adv, can_start, start_wr, start_rd;
  assign adv       = !stb_q || !wb_stall_i;      // the register is free after this cycle
  assign can_start = adv && !bact_q && (cnt_q < CntW'(BurstDepth));
  assign start_wr  = can_start && wbuf_valid_q && !wbuf_sent_q;
  assign start_rd  = can_start && !(wbuf_valid_q && !wbuf_sent_q) && rd_valid_i;
  assign rd_ready_o = can_start && !(wbuf_valid_q && !wbuf_sent_q);

  // ---- answers -----------------------------------------------------------------
  logic             done, head_we;
  logic [IdW-1:0]   head_id;
  logic [WordW-1:0] head_word;
  assign done      = (wb_ack_i || wb_err_i) && (cnt_q != '0);
  assign head_we   = fifo_q[IdW+WordW];
  assign head_word = fifo_q[IdW +: WordW];
  assign head_id   = fifo_q[IdW-1:0];

  // the answer register: a read beat reaches the cache one cycle after the
  // bus delivered it (the bursts-in-flight bookkeeping below still counts
  // the answer in the cycle it arrives)
  logic             rsp_valid_q;
  logic [IdW-1:0]   rsp_id_q;
  logic [WordW-1:0] rsp_idx_q;
  logic [31:0]      rsp_data_q;
  logic             rsp_err_q, rsp_last_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rsp_valid_q <= 1'b0;
      rsp_id_q    <= '0;
      rsp_idx_q   <= '0;
      rsp_err_q   <= 1'b0;
      rsp_last_q  <= 1'b0;
    end else begin
      rsp_valid_q <= done && !head_we;
      rsp_id_q    <= head_id;
      rsp_idx_q   <= head_word + rbeat_q;     // wraps modulo WPL
      rsp_err_q   <= wb_err_i;
      rsp_last_q  <= (rbeat_q == LastWord);
    end
  end
  // the data word needs no reset (qualified by rsp_valid_o)
  always_ff @(posedge clk_i) rsp_data_q <= wb_dat_i;

  assign rsp_valid_o = rsp_valid_q;
  assign rsp_id_o    = rsp_id_q;
  assign rsp_idx_o   = rsp_idx_q;
  assign rsp_data_o  = rsp_data_q;
  assign rsp_err_o   = rsp_err_q;
  assign rsp_last_o  = rsp_last_q;

  always_comb begin : p_next
    logic             pushed;
    logic [WordW-1:0] start;
    bact_d  = bact_q;
    bwe_d   = bwe_q;
    bline_d = bline_q;
    bbeat_d = bbeat_q;
    bword_d = bword_q;
    bwrap_d = bwrap_q;
    wrap_d  = wrap_q;
    stb_d   = stb_q && wb_stall_i;
    we_d    = we_q;
    adr_d   = adr_q;
    dat_d   = dat_q;
    last_d  = last_q;
    wbuf_valid_d = wbuf_valid_q;
    wbuf_sent_d  = wbuf_sent_q;
    pushed  = 1'b0;
    start   = (start_rd && Wrap) ? rd_word_i : '0;

    if (adv && bact_q) begin
      // next beat of the current burst
      stb_d   = 1'b1;
      we_d    = bwe_q;
      adr_d   = {bline_q, bword_q, 2'b00};
      dat_d   = wbuf_q[bword_q];
      last_d  = (bbeat_q == LastWord);
      wrap_d  = bwrap_q;
      bbeat_d = bbeat_q + 1'b1;
      bword_d = bword_q + 1'b1;
      if (bbeat_q == LastWord) bact_d = 1'b0;
    end else if (start_wr || start_rd) begin
      stb_d   = 1'b1;
      we_d    = start_wr;
      bwe_d   = start_wr;
      bline_d = start_wr ? wbuf_line_q : rd_line_i;
      adr_d   = {start_wr ? wbuf_line_q : rd_line_i, start, 2'b00};
      dat_d   = wbuf_q[0];
      last_d  = 1'b0;
      wrap_d  = start_rd && Wrap;
      bwrap_d = start_rd && Wrap;
      bbeat_d = WordW'(1);
      bword_d = start + 1'b1;
      bact_d  = 1'b1;
      pushed  = 1'b1;
      if (start_wr) wbuf_sent_d = 1'b1;
    end

    // the write-back buffer is free once its last beat is taken
    if (stb_q && !wb_stall_i && we_q && last_q) begin
      wbuf_valid_d = 1'b0;
      wbuf_sent_d  = 1'b0;
    end
    if (wbuf_commit_i) wbuf_valid_d = 1'b1;

    // bursts in flight
    fifo_d  = fifo_q;
    cnt_d   = cnt_q;
    rbeat_d = rbeat_q;
    if (done) begin
      rbeat_d = rbeat_q + 1'b1;
      if (rbeat_q == LastWord) begin
        rbeat_d = '0;
        fifo_d  = fifo_q >> EntW;
        cnt_d   = cnt_q - 1'b1;
      end
    end
    if (pushed) begin
      // entry cnt_d, written through a compare per entry (EntW*cnt_d as an
      // index made yosys build a multiplier)
      for (int i = 0; i < BurstDepth; i++) begin
        if (cnt_d == CntW'(i))
          fifo_d[EntW*i +: EntW] = {start_wr, start, start_wr ? {IdW{1'b0}} : rd_id_i};
      end
      cnt_d = cnt_d + 1'b1;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      bact_q       <= 1'b0;
      bwe_q        <= 1'b0;
      bline_q      <= '0;
      bbeat_q      <= '0;
      bword_q      <= '0;
      bwrap_q      <= 1'b0;
      wrap_q       <= 1'b0;
      stb_q        <= 1'b0;
      we_q         <= 1'b0;
      adr_q        <= '0;
      dat_q        <= '0;
      last_q       <= 1'b0;
      fifo_q       <= '0;
      cnt_q        <= '0;
      rbeat_q      <= '0;
      wbuf_valid_q <= 1'b0;
      wbuf_sent_q  <= 1'b0;
    end else begin
      bact_q       <= bact_d;
      bwe_q        <= bwe_d;
      bline_q      <= bline_d;
      bbeat_q      <= bbeat_d;
      bword_q      <= bword_d;
      bwrap_q      <= bwrap_d;
      wrap_q       <= wrap_d;
      stb_q        <= stb_d;
      we_q         <= we_d;
      adr_q        <= adr_d;
      dat_q        <= dat_d;
      last_q       <= last_d;
      fifo_q       <= fifo_d;
      cnt_q        <= cnt_d;
      rbeat_q      <= rbeat_d;
      wbuf_valid_q <= wbuf_valid_d;
      wbuf_sent_q  <= wbuf_sent_d;
    end
  end

  // a write burst is buffered, being presented, or awaiting answers
  always_comb begin : p_wr_busy
    wr_busy_o = wbuf_valid_q;
    for (int i = 0; i < BurstDepth; i++) begin
      if ((CntW'(i) < cnt_q) && fifo_q[EntW*i + IdW + WordW]) wr_busy_o = 1'b1;
    end
  end

  assign wbuf_valid_o = wbuf_valid_q;
  assign dbg_hit_o    = wbuf_valid_q && (wbuf_line_q == dbg_line_i);
  assign dbg_data_o   = wbuf_q[dbg_word_i];

  assign wb_cyc_o = stb_q || (cnt_q != '0);
  assign wb_stb_o = stb_q;
  assign wb_we_o  = we_q;
  assign wb_adr_o = adr_q;
  assign wb_sel_o = 4'hF;
  assign wb_dat_o = dat_q;
  assign wb_cti_o = last_q ? CtiEnd : CtiIncr;
  assign wb_bte_o = wrap_q ? BteWrap : 2'b00;

endmodule
