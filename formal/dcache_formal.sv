// SPDX-License-Identifier: Apache-2.0
// dcache_formal: the formal environment of outrider_dcache (make formal,
// docs/verification.md "Formal").
//
// A small cache (64 bytes, 2 ways, 8-byte lines, 2 MSHRs) behind a Wishbone
// slave that never stalls and acknowledges every accepted beat the next
// cycle; the core side is free except for what the core guarantees: a
// p-thread (spec) request is a load, operations are the six Dop* codes, a
// store has a byte lane enabled.
// Reset is held in the first cycle. The cache's own FORMAL block holds the
// MSHR, reservation and p-thread properties; this wrapper adds "every
// accepted request is answered, within Bound cycles, exactly once" (but a
// load taken while its context's previous request is still unanswered,
// which the cache drops unanswered).
module dcache_formal #(
  parameter int Bound   = 24,
  parameter bit NoFence = 1'b0,  // 1: no fence requests (their answer waits for
                                 // every dirty line: a bound that scales with the cache)
  parameter bit OneCtx  = 1'b0   // 1: only context 0 sends requests (no interference)
) (
  input  logic        clk_i,
  input  logic        dreq_valid_i,
  input  logic        dreq_tid_i,
  input  logic [2:0]  dreq_op_i,
  input  logic [4:0]  dreq_amo_i,
  input  logic [31:0] dreq_addr_i,
  input  logic [31:0] dreq_wdata_i,
  input  logic [3:0]  dreq_be_i,
  input  logic        dreq_spec_i,
  input  logic [31:0] wb_dat_i,
  input  logic [31:0] per_rdata_i,
  // prefetch hints: any address, any context, any cycle
  input  logic        pf_valid_i,
  input  logic [31:0] pf_addr_i,
  input  logic        pf_tid_i,
  input  logic        pf_spec_i,
  input  logic        pex_keep_i     // any value, any cycle: it only chooses among victims
);
  logic f_init_q = 1'b1;
  always_ff @(posedge clk_i) f_init_q <= 1'b0;
  logic rst_ni;
  assign rst_ni = !f_init_q;

  // what the core guarantees
  always_comb begin
    assume (dreq_op_i <= 3'd5);
    if (dreq_valid_i && dreq_spec_i) assume (dreq_op_i == 3'd0);
    // a store enables at least one byte lane (outrider_dcache.sv's port
    // contract: outrider_execute's byte enables and both halves of a split
    // access always have one; the data-side checker asserts it in every
    // simulation). Without this, a store with no lanes posted into an MSHR
    // counts its context as having posted stores only once another
    // context's bytes land in that MSHR, after the context's next uncached
    // access was routed past them: the ordering assertion's counterexample
    // at step 11 (docs/dcache.md section 17).
    if (dreq_valid_i && (dreq_op_i == 3'd1)) assume (dreq_be_i != 4'd0);
    if (NoFence) assume (dreq_op_i != 3'd5);
    if (OneCtx) assume (dreq_tid_i == 1'b0);
    if (OneCtx) assume (!pf_valid_i || (pf_tid_i == 1'b0));
  end

  logic        dreq_ready;
  logic [1:0]  resp_valid, resp_err;
  logic [63:0] resp_rdata;
  logic        wb_cyc, wb_stb, wb_we;
  logic [31:0] wb_adr, wb_dat;
  logic [3:0]  wb_sel;
  logic [2:0]  wb_cti;
  logic [1:0]  wb_bte;
  logic        per_req, per_we;
  logic [31:0] per_addr, per_wdata;
  logic [3:0]  per_be;

  // Wishbone slave: no stall, one ack per accepted beat, the next cycle
  logic ack_q;
  always_ff @(posedge clk_i) ack_q <= rst_ni && wb_cyc && wb_stb;

  // p-thread misses: dropped (the module's default), or with FORMAL_PEX_WAIT
  // waiting above a reserve of one MSHR (the SoC's policy for 2..7 MSHRs, docs/dcache.md 7)
`ifdef FORMAL_PEX_WAIT
  localparam int PexWait = 1, PexReserve = 1;
`else
  localparam int PexWait = 0, PexReserve = 0;
`endif
  outrider_dcache #(
    .NumCtx (2), .SizeBytes (64), .Ways (2), .LineBytes (8), .NumMshr (2),
    .PexMshrReserve (PexReserve), .PexMissWait (PexWait)
  ) dut (
    .clk_i, .rst_ni,
    .dreq_valid_i, .dreq_ready_o (dreq_ready), .dreq_tid_i, .dreq_op_i, .dreq_amo_i,
    .dreq_addr_i, .dreq_wdata_i, .dreq_be_i, .dreq_spec_i,
    .dresp_valid_o (resp_valid), .dresp_rdata_o (resp_rdata), .dresp_err_o (resp_err),
    .dreq_nb_i (1'b0), .dresp_nbl_o (), .fill_valid_o (), .fill_slot_o (), .fill_data_o (),
    .wb_cyc_o (wb_cyc), .wb_stb_o (wb_stb), .wb_we_o (wb_we), .wb_adr_o (wb_adr),
    .wb_sel_o (wb_sel), .wb_dat_o (wb_dat), .wb_cti_o (wb_cti), .wb_bte_o (wb_bte),
    .wb_dat_i, .wb_ack_i (ack_q && wb_cyc), .wb_err_i (1'b0), .wb_stall_i (1'b0),
    .per_req_o (per_req), .per_we_o (per_we), .per_addr_o (per_addr),
    .per_wdata_o (per_wdata), .per_be_o (per_be), .per_rdata_i,
    .ev_acc_valid_o (), .ev_acc_tid_o (), .ev_acc_spec_o (), .ev_acc_op_o (), .ev_acc_cls_o (),
    .ev_acc_addr_o (), .ev_fill_valid_o (), .ev_fill_tid_o (), .ev_fill_spec_o (),
    .ev_fill_pref_o (), .ev_fill_addr_o (), .ev_wb_valid_o (), .ev_wb_tid_o (),
    .ev_wb_addr_o (), .ev_evict_valid_o (), .ev_evict_useless_o (), .ev_evict_spared_o (), .ev_evict_addr_o (),
    .ev_mshr_full_o (), .dbg_addr_i (32'd0), .dbg_hit_o (), .dbg_data_o (),
    .dbg_dirty_any_o (),
    .pf_valid_i, .pf_addr_i, .pf_tid_i, .pf_spec_i, .pfill_cnt_o (),
    .pex_keep_i
  );

  // every accepted request is answered once, within Bound cycles
  logic [1:0] pend_q;
  logic [7:0] age_q [2];
  logic       accept;
  assign accept = dreq_valid_i && dreq_ready;
  always_ff @(posedge clk_i) begin
    for (int c = 0; c < 2; c++) begin
      if (!rst_ni) begin
        pend_q[c] <= 1'b0;
        age_q[c]  <= 8'd0;
      end else if (accept && (dreq_tid_i == c[0]) && (!pend_q[c] || resp_valid[c])) begin
        pend_q[c] <= 1'b1;
        age_q[c]  <= 8'd0;
      end else if (accept && (dreq_tid_i == c[0])) begin
        // a load taken while the previous request is unanswered: the cache
        // drops it (no answer); the previous one keeps its age
        age_q[c]  <= age_q[c] + 8'd1;
      end else if (resp_valid[c]) begin
        pend_q[c] <= 1'b0;
      end else if (pend_q[c]) begin
        age_q[c] <= age_q[c] + 8'd1;
      end
    end
  end
  always_comb begin
    if (rst_ni) begin
      for (int c = 0; c < 2; c++) begin
        assert (!resp_valid[c] || pend_q[c]);          // no answer without a request
        assert (!pend_q[c] || (age_q[c] < 8'(Bound))); // no request left unanswered
      end
      // the core never has two requests of a context outstanding, but for a
      // load taken while the previous one is in stage 1 (dropped if that
      // one is not answered then)
      if (accept) assert (!pend_q[dreq_tid_i] || resp_valid[dreq_tid_i] ||
                          (dreq_op_i == 3'd0));
    end
  end
endmodule
