// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_bpred: the branch predictor of outrider_core's front end
// (docs/core.md "Branch prediction").
//
// Three structures:
//   - a branch target buffer (BtbEntries, direct-mapped, indexed by PC[.:2],
//     tagged with the PC bits above the index XOR-folded to TagW bits,
//     shared by all contexts: no context
//     id in the tag, so a p-thread running the main thread's code warms the
//     entries the main thread uses). An entry holds the target (word
//     address) and the kind of the instruction: conditional branch, jump
//     (JAL, JALR), return (JALR rs1 = ra/t0, rd = x0);
//   - a bimodal direction predictor (BhtEntries 2-bit counters indexed by
//     PC[.:2], shared), read for a BTB hit of a conditional branch;
//   - a return-address stack per context (RasDepth entries, circular): ID
//     pushes PC + 4 for a JAL/JALR with rd = ra/t0 and pops for a return.
//
// Prediction at IF: each context's registered fetch PC (pc_q[t]) looks up
// the BTB and the counters in the same cycle (one asynchronous read port
// per context: distributed RAM on ECP5). pred_if_o says that the context
// fetching now (tid_if_i) goes next to pred_target_if_o instead of PC + 4:
// a BTB hit that is a jump, a return (target: the top of that context's
// RAS) or a branch whose counter says taken.
//
// It mirrors the IF/ID and ID/EX registers for what the prediction needs
// later (hit, counter, predicted target), so the stage modules carry only
// two bits (ID: bp_hit_id_o, "the BTB knew this instruction": decode then
// makes no static guess of its own; bp_pred_id_o, "IF predicted taken"). pred_target_ex_o is the target the
// instruction in EX was predicted to go to (IF's or ID's), which EX checks.
//
// Training at EX (live instructions without an exception; p-threads train
// too; the writes happen a cycle later, from registers): a taken branch or jump writes its BTB entry; an instruction that
// hit the BTB but is no branch or jump (a stale entry) clears it; every
// branch updates its counter. The RAS pointer of each context is restored
// when an older stage redirects the context (kill_*_i): to the value after
// the redirecting instruction's own push/pop (checkpoints that follow the
// instruction down to WB and one cycle past it: the squash after WB,
// kill_mem_i, comes a cycle after the instruction that causes it left WB,
// so it restores that one's checkpoint), so squashed wrong-path calls and
// returns do not
// unbalance it (wrong-path pushes may still overwrite entries).
//
// With BranchPredict = 0 nothing is predicted at IF (outputs constant, no
// arrays): ID's static prediction alone, the scheme before this module.
//
// Timing: pred_if_o / pred_target_if_o are combinational from pc_q (state
// registers), the arrays and tid_if_i (thread select); the rest is
// registered, the arrays' write enables and data too.
module outrider_bpred #(
  parameter int NumCtx        = 2,
  parameter int BranchPredict = 1,
  parameter int BtbEntries    = 32,
  parameter int BhtEntries    = 128,
  parameter int RasDepth      = 4,
  parameter int TidW          = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // IF
  input  logic [NumCtx*32-1:0] pc_i,           // pc_q[t]
  input  logic                 fire_if_i,
  input  logic [TidW-1:0]      tid_if_i,
  output logic                 pred_if_o,      // the fetching context goes to pred_target_if_o
  output logic [31:0]          pred_target_if_o,

  // ID
  input  logic                 valid_id_i,
  input  logic [TidW-1:0]      tid_id_i,
  input  logic [31:0]          pc_id_i,
  input  logic [31:0]          instr_id_i,
  input  logic                 stall_id_i,
  input  logic                 predict_id_i,   // ID's static prediction
  input  logic [31:0]          target_id_i,
  output logic                 bp_hit_id_o,    // IF's BTB hit for the instruction in ID
  output logic                 bp_pred_id_o,   // IF predicted the instruction in ID taken

  // EX
  input  logic                 live_ex_i,
  input  logic [TidW-1:0]      tid_ex_i,
  input  outrider_idex_t       ex_i,
  input  logic                 taken_ex_i,
  input  logic [31:0]          target_ex_i,    // resolved target (valid when taken)
  output logic [31:0]          pred_target_ex_o,

  // flushes (outrider_ctx_ctrl)
  input  logic [NumCtx-1:0]    kill_id_i,      // EX or older redirects the context
  input  logic [NumCtx-1:0]    kill_ex_i,      // MEM or older
  input  logic [NumCtx-1:0]    kill_mem_i,     // the instruction that left WB last cycle
  input  logic                 hold_i          // the lane holds: EX and MEM keep theirs
);
  localparam int BtbIdxW = (BtbEntries > 1) ? $clog2(BtbEntries) : 1;
  localparam int BhtIdxW = (BhtEntries > 1) ? $clog2(BhtEntries) : 1;
  localparam int RasW    = (RasDepth > 1) ? $clog2(RasDepth) : 1;
  localparam int TagW    = 10;
  localparam logic [1:0] KindBranch = 2'd0;
  localparam logic [1:0] KindJump   = 2'd1;
  localparam logic [1:0] KindReturn = 2'd2;

  // the tag: the TagW PC bits above the index, with the PC bits above those
  // folded in by XOR (so code at the same offset in the boot ROM and in RAM
  // does not share entries)
  function automatic logic [TagW-1:0] btb_tag(input logic [31:0] pc);
    logic [4*TagW-1:0] hi;
    hi = (4*TagW)'({32'd0, pc} >> (2 + BtbIdxW));
    btb_tag = hi[TagW-1:0] ^ hi[2*TagW-1:TagW] ^ hi[3*TagW-1:2*TagW] ^ hi[4*TagW-1:3*TagW];
  endfunction

  function automatic logic is_link(input logic [4:0] r);
    is_link = (r == 5'd1) || (r == 5'd5);
  endfunction

  // the IF/ID and ID/EX mirrors
  logic        pred_id_q, hit_id_q;
  logic [1:0]  ctr_id_q;
  logic [31:0] ptgt_id_q;
  logic        hit_ex_q;
  logic [1:0]  ctr_ex_q;
  logic [31:0] ptgt_ex_q;

  if (BranchPredict != 0) begin : g_bp
    // ---- arrays ---------------------------------------------------------------
    logic [TagW+30+2-1:0] btb_mem [BtbEntries];   // {tag, target[31:2], kind}
    logic [BtbEntries-1:0] btb_valid_q;
    logic [1:0]           bht_mem [BhtEntries];
    logic [29:0]          ras_q   [NumCtx*RasDepth];   // context t: [t*RasDepth +: RasDepth]
    logic [RasW-1:0]      ras_ptr_q [NumCtx];

    // ---- IF: one lookup per context, on its registered PC ---------------------
    logic [NumCtx-1:0] hit_c, pred_c;
    logic [1:0]        ctr_c  [NumCtx];
    logic [31:0]       tgt_c  [NumCtx];
    logic [31:0]          pc_c [NumCtx];
    logic [BtbIdxW-1:0]   bi_c [NumCtx];
    logic [TagW+30+2-1:0] e_c  [NumCtx];
    logic [29:0]          top_c [NumCtx];
    logic [RasW-1:0]      ras_top [NumCtx];
    always_comb begin
      for (int t = 0; t < NumCtx; t++) ras_top[t] = ras_ptr_q[t] - RasW'(1);
    end
    always_comb begin
      for (int t = 0; t < NumCtx; t++) begin
        pc_c[t]   = pc_i[32*t +: 32];
        bi_c[t]   = pc_c[t][2 +: BtbIdxW];
        e_c[t]    = btb_mem[bi_c[t]];
        ctr_c[t]  = bht_mem[pc_c[t][2 +: BhtIdxW]];
        top_c[t]  = ras_q[t*RasDepth + 32'(ras_top[t])];
        hit_c[t]  = btb_valid_q[bi_c[t]] && (e_c[t][32 +: TagW] == btb_tag(pc_c[t]));
        pred_c[t] = hit_c[t] && ((e_c[t][1:0] != KindBranch) || ctr_c[t][1]);
        tgt_c[t]  = (e_c[t][1:0] == KindReturn) ? {top_c[t], 2'b00} : {e_c[t][2 +: 30], 2'b00};
      end
    end
    assign pred_if_o        = pred_c[tid_if_i];
    assign pred_target_if_o = tgt_c[tid_if_i];

    always_ff @(posedge clk_i) begin
      if (fire_if_i) begin
        ctr_id_q  <= ctr_c[tid_if_i];
        ptgt_id_q <= tgt_c[tid_if_i];
      end
      if (!stall_id_i) begin
        hit_ex_q  <= hit_id_q;
        ctr_ex_q  <= ctr_id_q;
        ptgt_ex_q <= pred_id_q ? ptgt_id_q : target_id_i;
      end
    end
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        pred_id_q <= 1'b0;
        hit_id_q  <= 1'b0;
      end else if (fire_if_i) begin
        pred_id_q <= pred_c[tid_if_i];
        hit_id_q  <= hit_c[tid_if_i];
      end
    end

    // ---- ID: the return-address stacks ------------------------------------------
    logic        jal_id, jalr_id, push_id, pop_id, act_id;
    assign jal_id  = (instr_id_i[6:0] == 7'b1101111);
    assign jalr_id = (instr_id_i[6:0] == 7'b1100111) && (instr_id_i[14:12] == 3'b000);
    assign push_id = (jal_id || jalr_id) && is_link(instr_id_i[11:7]);
    assign pop_id  = jalr_id && is_link(instr_id_i[19:15]) && (instr_id_i[11:7] == 5'd0);
    assign act_id  = valid_id_i && !stall_id_i && !kill_id_i[tid_id_i];

    // the pointer after ID's push/pop, and its checkpoints down to WB
    logic [RasW-1:0] ptr_after_id, ptr_ex_q, ptr_mem_q, ptr_wb_q, ptr_wb2_q;
    always_comb begin
      ptr_after_id = ras_ptr_q[tid_id_i];
      if (push_id)     ptr_after_id = ptr_after_id + RasW'(1);
      else if (pop_id) ptr_after_id = ptr_after_id - RasW'(1);
    end
    always_ff @(posedge clk_i) begin
      if (!stall_id_i) ptr_ex_q <= ptr_after_id;
      if (!hold_i) ptr_mem_q <= ptr_ex_q;   // EX/MEM loads unless the lane holds
      // MEM/WB loads every cycle
      ptr_wb_q  <= ptr_mem_q;
      ptr_wb2_q <= ptr_wb_q;
    end

    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        for (int t = 0; t < NumCtx; t++) begin
          ras_ptr_q[t] <= '0;
          for (int i = 0; i < RasDepth; i++) ras_q[t*RasDepth + i] <= '0;
        end
      end else begin
        for (int t = 0; t < NumCtx; t++) begin
          if (kill_mem_i[t])     ras_ptr_q[t] <= ptr_wb2_q;
          else if (kill_ex_i[t]) ras_ptr_q[t] <= ptr_mem_q;
          else if (kill_id_i[t]) ras_ptr_q[t] <= ptr_ex_q;
          else if (act_id && (tid_id_i == TidW'(t))) begin
            ras_ptr_q[t] <= ptr_after_id;
            if (push_id) ras_q[t*RasDepth + 32'(ras_ptr_q[t])] <= pc_id_i[31:2] + 30'd1;
          end
        end
      end
    end

    // ---- EX: training ---------------------------------------------------------
    logic                 ctrl_ex, ret_ex, btb_we, btb_clr, bht_we;
    logic [BtbIdxW-1:0]   btb_widx;
    logic [1:0]           ctr_new;
    assign ctrl_ex  = ex_i.branch || ex_i.jal || ex_i.jalr;
    assign ret_ex   = ex_i.jalr && is_link(ex_i.insn[19:15]) && (ex_i.rd == 5'd0);
    assign btb_we   = live_ex_i && !ex_i.exc && ctrl_ex && taken_ex_i;
    assign btb_clr  = live_ex_i && hit_ex_q && !ctrl_ex;
    assign bht_we   = live_ex_i && !ex_i.exc && ex_i.branch;
    assign btb_widx = ex_i.pc[2 +: BtbIdxW];
    always_comb begin
      if (!hit_ex_q)                     ctr_new = taken_ex_i ? 2'b10 : 2'b01;
      else if (taken_ex_i)               ctr_new = (ctr_ex_q == 2'b11) ? 2'b11 : ctr_ex_q + 2'd1;
      else                               ctr_new = (ctr_ex_q == 2'b00) ? 2'b00 : ctr_ex_q - 2'd1;
    end

    // The training is registered and written a cycle after EX: the write
    // enables come from flip-flops, not from the commit decision and the
    // lane's hold (live_ex_i), which arrive late in the cycle (the routed
    // critical path ended at the BTB's write enable). A lookup in that one
    // cycle still sees the entry before the update.
    logic                 tr_btb_we_q, tr_btb_clr_q, tr_bht_we_q;
    logic [BtbIdxW-1:0]   tr_btb_idx_q;
    logic [BhtIdxW-1:0]   tr_bht_idx_q;
    logic [TagW+30+2-1:0] tr_btb_e_q;
    logic [1:0]           tr_ctr_q;
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        tr_btb_we_q  <= 1'b0;
        tr_btb_clr_q <= 1'b0;
        tr_bht_we_q  <= 1'b0;
      end else begin
        tr_btb_we_q  <= btb_we;
        tr_btb_clr_q <= btb_clr;
        tr_bht_we_q  <= bht_we;
      end
    end
    always_ff @(posedge clk_i) begin
      tr_btb_idx_q <= btb_widx;
      tr_bht_idx_q <= ex_i.pc[2 +: BhtIdxW];
      tr_btb_e_q   <= {btb_tag(ex_i.pc), target_ex_i[31:2],
                       ex_i.branch ? KindBranch : (ret_ex ? KindReturn : KindJump)};
      tr_ctr_q     <= ctr_new;
    end

    always_ff @(posedge clk_i) begin
      if (tr_btb_we_q) btb_mem[tr_btb_idx_q] <= tr_btb_e_q;
      if (tr_bht_we_q) bht_mem[tr_bht_idx_q] <= tr_ctr_q;
    end
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni)           btb_valid_q <= '0;
      else if (tr_btb_we_q)  btb_valid_q[tr_btb_idx_q] <= 1'b1;
      else if (tr_btb_clr_q) btb_valid_q[tr_btb_idx_q] <= 1'b0;
    end

    logic unused_bp;
    assign unused_bp = ^{tid_ex_i, predict_id_i, pc_id_i[1:0], instr_id_i[31:20], ex_i, target_ex_i[1:0]};
  end else begin : g_nobp
    assign pred_if_o        = 1'b0;
    assign pred_target_if_o = 32'd0;
    assign pred_id_q = 1'b0;
    assign hit_id_q  = 1'b0;
    assign ctr_id_q  = 2'b00;
    assign ptgt_id_q = 32'd0;
    assign hit_ex_q  = 1'b0;
    assign ctr_ex_q  = 2'b00;
    always_ff @(posedge clk_i) begin
      if (!stall_id_i) ptgt_ex_q <= target_id_i;
    end
    logic unused_nobp;
    assign unused_nobp = ^{pc_i, fire_if_i, tid_if_i, valid_id_i, tid_id_i, pc_id_i, instr_id_i,
                           predict_id_i, live_ex_i, tid_ex_i, ex_i, taken_ex_i, target_ex_i,
                           kill_id_i, kill_ex_i, kill_mem_i, hold_i, hit_id_q, ctr_id_q, ptgt_id_q,
                           hit_ex_q, ctr_ex_q, rst_ni};
  end

  assign bp_hit_id_o      = hit_id_q;
  assign bp_pred_id_o     = pred_id_q;
  assign pred_target_ex_o = ptgt_ex_q;

  `include "outrider_assert.svh"
  `OR_ASSERT(!pred_if_o || (pred_target_if_o[1:0] == 2'b00), "a predicted target is word-aligned")
endmodule
