// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_writeback: the WB stage of outrider_core: register write-back,
// retirement, parking and late completion, and the per-context dividers.
//
// An instruction in WB completes if it waits for nothing or its answer (data
// side or divider) arrives now; it then writes its context's register bank
// and retires. A memory operation whose answer is not back, and every
// divide still running, parks: wb_park_o (outrider_ctx_ctrl squashes the
// context's younger instructions and stops its fetch) and the instruction is
// kept in the context's parked-instruction record (pend_*). When the answer
// comes (late_done_o) the record retires through the context's own register
// write port, never colliding with another context's write-back. An access
// fault in the answer (wb_err_o, late_err_o) does not retire: the context
// traps (outrider_ctx_ctrl) or, a p-thread, stops (outrider_preexec). Loads
// of a p-thread see its own buffered stores (the store-buffer lookups come
// from outrider_preexec). The register-file write ports are driven here: a
// context's own result, else a register-mirror write (outrider_preexec), and
// hart.start's argument in a0 of the started context. The WB2 register holds
// the value written this cycle for forwarding around the synchronous read.
//
// It does not decide whether an instruction commits (outrider_commit) and
// owns no context state but the parked records.
//
// Timing: wb_value_o, the retirement ports and the register-file write ports
// are combinational from the MEM/WB register, the parked records and this
// cycle's data-side answer (dresp_*_i); divides take ~33 cycles
// (outrider_divider).
module outrider_writeback #(
  parameter int NumCtx = 2,
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  input  logic                 valid_wb_i,
  input  logic [TidW-1:0]      tid_wb_i,
  input  outrider_memwb_t      wb_i,
  input  logic [NumCtx-1:0]    wait_i,        // wait_q[t]: context parked (outrider_ctx_ctrl)

  input  logic [NumCtx-1:0]    dresp_valid_i,
  input  logic [NumCtx*32-1:0] dresp_rdata_i,
  input  logic [NumCtx-1:0]    dresp_err_i,

  // divide started at the commit point (outrider_commit)
  input  logic                 div_start_i,
  input  logic [TidW-1:0]      tid_mem_i,
  input  logic [1:0]           div_op_i,
  input  logic [31:0]          div_a_i,
  input  logic [31:0]          div_b_i,
  output logic [NumCtx-1:0]    div_busy_o,

  // store-buffer forwarding (outrider_preexec): bytes buffered for the word
  // in WB and for each context's parked load
  input  logic [NumCtx*4-1:0]  sb_wb_mask_i,
  input  logic [NumCtx*32-1:0] sb_wb_data_i,
  input  logic [NumCtx*4-1:0]  sb_late_mask_i,
  input  logic [NumCtx*32-1:0] sb_late_data_i,

  // other register writes: mirror (outrider_preexec), hart.start's a0
  input  logic [NumCtx-1:0]    mirror_we_i,
  input  logic [NumCtx*5-1:0]  mirror_waddr_i,
  input  logic [NumCtx*32-1:0] mirror_wdata_i,
  input  logic                 hs_start_i,
  input  logic [TidW-1:0]      hs_tid_i,
  input  logic [31:0]          hs_arg_i,

  output logic                 wb_err_o,      // the answer in WB is an access fault
  output logic                 wb_park_o,     // the instruction in WB parks its context
  output logic [31:0]          wb_value_o,    // its rd value (forwarding)
  output logic [NumCtx-1:0]    late_done_o,   // a parked instruction completes now
  output logic [NumCtx-1:0]    late_err_o,    // ... with an access fault
  output logic [NumCtx*32-1:0] pend_pc_o,     // parked records (traps, counters, lookups)
  output logic [NumCtx*32-1:0] pend_addr_o,
  output logic [NumCtx-1:0]    pend_store_o,
  output logic [NumCtx-1:0]    pend_div_o,

  // WB2: the register write of the cycle before (forwarding)
  output logic                 valid_wb2_o,
  output logic [TidW-1:0]      tid_wb2_o,
  output logic [4:0]           rd_wb2_o,
  output logic [31:0]          data_wb2_o,

  // register-file write ports
  output logic [NumCtx-1:0]    rf_we_o,
  output logic [NumCtx*5-1:0]  rf_waddr_o,
  output logic [NumCtx*32-1:0] rf_wdata_o,
  output logic [NumCtx-1:0]    own_we_o,      // a context's own register write

  output logic [NumCtx-1:0]    retire_valid_o,
  output logic [NumCtx*32-1:0] retire_pc_o,
  output logic [NumCtx*32-1:0] retire_insn_o,
  output logic [NumCtx-1:0]    retire_rd_we_o,
  output logic [NumCtx*5-1:0]  retire_rd_o,
  output logic [NumCtx*32-1:0] retire_rd_wdata_o,
  output logic [NumCtx*32-1:0] retire_addr_o
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"
  `include "outrider_core_funcs.svh"

  localparam logic [4:0] RegA0 = 5'd10;

  logic [NumCtx-1:0] div_done;
  logic [31:0]       div_result [NumCtx];

  // ---- the instruction in WB -------------------------------------------------
  logic resp_now_wb, complete_wb, err_wb, park_wb;
  assign resp_now_wb = wb_i.div ? div_done[tid_wb_i] : dresp_valid_i[tid_wb_i];
  assign complete_wb = valid_wb_i && (!wb_i.wait_resp || resp_now_wb);
  assign err_wb      = valid_wb_i && wb_i.wait_resp && wb_i.memop && resp_now_wb &&
                       dresp_err_i[tid_wb_i];
  assign park_wb     = valid_wb_i && wb_i.wait_resp && !resp_now_wb;

  logic [31:0] value_wb;
  always_comb begin
    if (wb_i.wait_resp && wb_i.div) value_wb = div_result[tid_wb_i];
    else if (wb_i.wait_resp)        value_wb = load_extract(wb_i.f3, wb_i.addr[1:0],
                                        sb_merge(dresp_rdata_i[32*tid_wb_i +: 32],
                                                 sb_wb_mask_i[4*tid_wb_i +: 4],
                                                 sb_wb_data_i[32*tid_wb_i +: 32]));
    else                            value_wb = wb_i.result;
  end

  assign wb_err_o   = err_wb;
  assign wb_park_o  = park_wb;
  assign wb_value_o = value_wb;

  // ---- parked-instruction records -------------------------------------------
  logic [31:0] pend_pc_q   [NumCtx];
  logic [31:0] pend_insn_q [NumCtx];
  logic [31:0] pend_addr_q [NumCtx];
  logic [4:0]  pend_rd_q   [NumCtx];
  logic [NumCtx-1:0] pend_rd_we_q, pend_div_q, pend_store_q;

  always_ff @(posedge clk_i) begin
    for (int t = 0; t < NumCtx; t++) begin
      if (park_wb && (tid_wb_i == TidW'(t))) begin
        pend_pc_q[t]    <= wb_i.pc;
        pend_insn_q[t]  <= wb_i.insn;
        pend_addr_q[t]  <= wb_i.addr;
        pend_rd_q[t]    <= wb_i.rd;
        pend_rd_we_q[t] <= wb_i.rd_we;
        pend_div_q[t]   <= wb_i.div;
        pend_store_q[t] <= wb_i.store;
      end
    end
  end

  // late completion of parked instructions
  logic [NumCtx-1:0] late_done, late_err;
  logic [31:0]       late_value [NumCtx];
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      late_done[t]  = wait_i[t] && (pend_div_q[t] ? div_done[t] : dresp_valid_i[t]);
      late_err[t]   = late_done[t] && !pend_div_q[t] && dresp_err_i[t];
      late_value[t] = pend_div_q[t] ? div_result[t]
                    : load_extract(pend_insn_q[t][14:12], pend_addr_q[t][1:0],
                                   sb_merge(dresp_rdata_i[32*t +: 32], sb_late_mask_i[4*t +: 4],
                                            sb_late_data_i[32*t +: 32]));
      pend_pc_o[32*t +: 32]   = pend_pc_q[t];
      pend_addr_o[32*t +: 32] = pend_addr_q[t];
    end
  end
  assign late_done_o  = late_done;
  assign late_err_o   = late_err;
  assign pend_store_o = pend_store_q;
  assign pend_div_o   = pend_div_q;

  // ---- retirement and register writes ------------------------------------------
  logic [NumCtx-1:0] from_wb;   // context t retires from the WB stage
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      from_wb[t] = complete_wb && !err_wb && (tid_wb_i == TidW'(t));
      retire_valid_o[t]             = from_wb[t] || (late_done[t] && !late_err[t]);
      retire_pc_o[32*t +: 32]       = from_wb[t] ? wb_i.pc : pend_pc_q[t];
      retire_insn_o[32*t +: 32]     = from_wb[t] ? wb_i.insn : pend_insn_q[t];
      retire_rd_we_o[t]             = from_wb[t] ? wb_i.rd_we : pend_rd_we_q[t];
      retire_rd_o[5*t +: 5]         = from_wb[t] ? wb_i.rd : pend_rd_q[t];
      retire_rd_wdata_o[32*t +: 32] = from_wb[t] ? value_wb : late_value[t];
      retire_addr_o[32*t +: 32]     = from_wb[t] ? wb_i.addr : pend_addr_q[t];
      own_we_o[t]                   = retire_valid_o[t] && retire_rd_we_o[t];
    end
  end

  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      rf_we_o[t]             = own_we_o[t];
      rf_waddr_o[5*t +: 5]   = retire_rd_o[5*t +: 5];
      rf_wdata_o[32*t +: 32] = retire_rd_wdata_o[32*t +: 32];
      if (mirror_we_i[t]) begin
        rf_we_o[t]             = 1'b1;
        rf_waddr_o[5*t +: 5]   = mirror_waddr_i[5*t +: 5];
        rf_wdata_o[32*t +: 32] = mirror_wdata_i[32*t +: 32];
      end
      // hart.start passes its argument in a0 of the started context
      if (hs_start_i && (hs_tid_i == TidW'(t))) begin
        rf_we_o[t]             = 1'b1;
        rf_waddr_o[5*t +: 5]   = RegA0;
        rf_wdata_o[32*t +: 32] = hs_arg_i;
      end
    end
  end

  // ---- WB2 ------------------------------------------------------------------------
  logic            valid_wb2_q;
  logic [TidW-1:0] tid_wb2_q;
  logic [4:0]      rd_wb2_q;
  logic [31:0]     data_wb2_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) valid_wb2_q <= 1'b0;
    else         valid_wb2_q <= complete_wb && !err_wb && wb_i.rd_we;
  end

  always_ff @(posedge clk_i) begin
    tid_wb2_q  <= tid_wb_i;
    rd_wb2_q   <= wb_i.rd;
    data_wb2_q <= value_wb;
  end

  assign valid_wb2_o = valid_wb2_q;
  assign tid_wb2_o   = tid_wb2_q;
  assign rd_wb2_o    = rd_wb2_q;
  assign data_wb2_o  = data_wb2_q;

  // ---- dividers, one per context ---------------------------------------------------
  for (genvar t = 0; t < NumCtx; t++) begin : g_div
    outrider_divider u_div (
      .clk_i, .rst_ni,
      .start_i  (div_start_i && (tid_mem_i == TidW'(t))),
      .op_i     (div_op_i),
      .a_i      (div_a_i),
      .b_i      (div_b_i),
      .busy_o   (div_busy_o[t]),
      .done_o   (div_done[t]),
      .result_o (div_result[t])
    );
  end

  `include "outrider_assert.svh"
  `OR_ASSERT(!(wb_err_o && wb_park_o), "an instruction in WB either parks or gets its answer")
endmodule
