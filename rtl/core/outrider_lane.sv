// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_lane: one issue lane of outrider_core: the pipeline of context
// Lane (IF, ID, EX, MEM and the MEM/WB register), wiring only.
//
// outrider_core has one lane per context (docs/core.md "Issue lanes"): lane
// t holds only context t's instructions, so every context issues in every
// cycle it has an instruction, and the stage modules are the single-pipeline
// ones with their context ids tied to the constant Lane:
//   outrider_fetch    IF: the context masks restricted to this lane's
//                     context, so it fetches whenever the context is
//                     eligible; the instruction port is this lane's own
//   outrider_bpred    this lane's BTB, counters and return-address stack
//                     (per-context predictors)
//   outrider_decode   ID, the ID/EX register
//   outrider_execute  EX (forwarding from this lane's MEM, WB and WB2)
//   outrider_commit   MEM, the commit point and the MEM/WB register
// What the lanes share stays in outrider_core: the register file (bank t
// read by lane t), the CSR file (an access port per lane), write-back and
// the dividers (per-lane WB inputs), context control, pre-execution, and the
// one data port (the core arbitrates the lanes' requests; a lane that loses
// holds: hold_i keeps its IF, ID, EX and MEM for the cycle and MEM asks
// again in the next one). The lane holds the same way while its MEM waits
// behind a WB instruction that waits for its answer (outrider_commit:
// wb_hold; only plain instructions pass it).
//
// The records the shared units read (the EX/MEM and MEM/WB registers) leave
// as flat vectors (mem_o, wb_o) the units take per lane.
//
// Timing: as the stage modules it instantiates.
module outrider_lane #(
  parameter int NumCtx        = 2,
  parameter int Lane          = 0,
  parameter int BranchPredict = 1,
  parameter int BtbEntries    = 32,
  parameter int BhtEntries    = 128,
  parameter int RasDepth      = 4,
  parameter int LoadForward   = 0,   // 1: the word-load forward (below)
  parameter int LateAlu       = 0,   // 1: the late ALU (outrider_decode, outrider_writeback)
  parameter int TidW          = (NumCtx > 1) ? $clog2(NumCtx) : 1,
  parameter int ExW           = `OR_EXMEM_W,
  parameter int WbW           = `OR_MEMWB_W
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // context state (outrider_ctx_ctrl), all contexts
  input  logic [NumCtx-1:0]    active_i,
  input  logic [NumCtx-1:0]    wait_i,
  input  logic [NumCtx-1:0]    sleep_i,
  input  logic [NumCtx-1:0]    pausing_i,
  input  logic [NumCtx-1:0]    pthread_i,
  input  logic [NumCtx*32-1:0] pc_i,
  input  logic [NumCtx-1:0]    kill_if_i,
  input  logic [NumCtx-1:0]    kill_id_i,
  input  logic [NumCtx-1:0]    kill_ex_i,
  input  logic [NumCtx-1:0]    kill_mem_i,

  // this lane's instruction port
  output logic                 imem_req_o,
  output logic [31:0]          imem_addr_o,
  input  logic [31:0]          imem_rdata_i,
  input  logic                 imem_err_i,

  // IF, ID, EX decisions (outrider_ctx_ctrl)
  output logic                 eligible_o,   // this lane's context could fetch (statistics)
  output logic                 fire_if_o,
  output logic                 pred_if_o,
  output logic [31:0]          pred_target_if_o,
  output logic                 stall_id_o,
  output logic                 predict_id_o,
  output logic [31:0]          target_id_o,
  output logic                 redirect_ex_o,
  output logic [31:0]          redirect_pc_ex_o,

  // register file: this lane's bank
  output logic [4:0]           rs1_id_o,
  output logic [4:0]           rs2_id_o,
  input  logic [31:0]          rf_rdata_a_i,
  input  logic [31:0]          rf_rdata_b_i,

  // this lane's WB value and WB2 (outrider_writeback), for forwarding
  input  logic                 valid_wb2_i,
  input  logic [4:0]           rd_wb2_i,
  input  logic [31:0]          data_wb2_i,
  // the data side's answer word for this lane's context, this cycle: the
  // value of a word load in WB, forwarded to an ALU instruction in EX
  input  logic [31:0]          dresp_rdata_i,
  // the data side takes a plain load in the cycle it answers the context's
  // previous request (outrider_soc: the data cache, not the perfect stand-in)
  input  logic                 d2_en_i,

  // CSR file: this lane's access port
  output logic [11:0]          csr_addr_o,
  output logic [1:0]           csr_op_o,
  output logic [31:0]          csr_wdata_o,
  output logic                 csr_write_intent_o,
  output logic                 csr_write_o,
  output logic                 csr_write_pex_o,
  input  logic [31:0]          csr_rdata_i,
  input  logic                 csr_illegal_i,
  input  logic [NumCtx-1:0]    irq_take_i,
  input  logic [NumCtx-1:0]    irq_pending_i,
  input  logic [NumCtx*32-1:0] irq_cause_i,

  // pre-execution (outrider_preexec) for this lane, starts by this lane
  input  logic                 pt_exc_mem_i,
  input  logic                 pt_sc_mem_i,
  input  logic                 pt_suppressed_mem_i,
  input  logic                 sp_start_i,     // this lane's pex.spawn started sp_tid_i
  input  logic [TidW-1:0]      sp_tid_i,
  input  logic                 hs_start_i,     // this lane's hart.start started hs_tid_i
  input  logic [TidW-1:0]      hs_tid_i,
  input  logic                 conflict_i,     // replay: a lower lane holds a shared resource
  input  logic                 hold_i,         // the request lost the data port: the lane holds
  input  logic                 pt_last_i,      // the p-thread's next instruction is its last
  output logic                 wb_hold_o,      // MEM waits behind WB: the lane holds
  input  logic [31:0]          nbl_busy_i,     // scoreboard of this lane's context (outrider_nbl)
  // an instruction in ID or EX reads the register of the load in WB (if
  // that load is answered outstanding, the younger ones are squashed)
  output logic                 wb_dep_o,

  // this lane's data-side request (valid gated by outrider_preexec, accepted
  // after the core's arbitration)
  output logic                 req_mem_o,
  output logic [4:0]           dreq_amo_o,
  output logic [31:0]          dreq_addr_o,
  output logic [31:0]          dreq_wdata_o,
  output logic [3:0]           dreq_be_o,
  input  logic                 dreq_valid_i,
  input  logic                 dreq_ready_i,
  output logic                 pf_valid_o,
  output logic [31:0]          pf_addr_o,

  // the commit decision
  output logic                 live_mem_o,
  output logic                 mem_cand_o,   // may ask for the data port (outrider_commit)
  output logic                 pt_mem_o,
  output logic                 exc_any_mem_o,
  output logic                 trap_mem_o,
  output logic [31:0]          trap_cause_mem_o,
  output logic [31:0]          trap_tval_mem_o,
  output logic                 go_mem_o,
  output logic                 replay_mem_o,
  output logic                 sleep_mem_o,
  output logic                 retire_mem_o,
  output logic                 div_start_o,

  // the EX/MEM and MEM/WB registers
  output logic                 valid_mem_o,
  output logic [ExW-1:0]       mem_o,
  output logic                 valid_wb_o,
  output logic [WbW-1:0]       wb_o,

  // pipeline debug record of this lane's IF..MEM (docs/debugging.md)
  output logic [3:0]           dbg_valid_o,
  output logic [4*32-1:0]      dbg_pc_o,
  output logic [4*32-1:0]      dbg_insn_o,
  output logic [6:0]           dbg_flags_o     // IF squashed, ID stalls, ID squashed,
                                               // EX squashed, MEM retires, traps, replays
);
  `include "outrider_defs.svh"
  localparam logic [TidW-1:0] Tid = TidW'(Lane);
  localparam logic [NumCtx-1:0] Mine = NumCtx'(1) << Lane;

  logic            valid_id, ierr_id, bp_hit_id, bp_pred_id, valid_ex, live_ex, taken_ex;
  logic [31:0]     pc_id, instr_id, pred_target_ex;
  logic [TidW-1:0] tid_if_unused, tid_id_unused, tid_ex_unused, tid_mem_unused, tid_wb_unused;
  logic [TidW-1:0] dreq_tid_unused;
  outrider_idex_t  ex_rec, ex_raw;
  outrider_exmem_t mem_rec, mem_raw;
  outrider_memwb_t wb_rec, wb_raw;
  // The stages' records as every reader sees them. With LateAlu = 0 no
  // instruction is marked late (outrider_decode), but the marks are pipeline
  // register bits synthesis cannot prove constant: they are tied to 0 here,
  // so the late ALU's logic in EX, MEM and WB (outrider_writeback) and their
  // operand multiplexers are removed from the netlist.
  localparam bit LateOn = (LateAlu != 0);
  always_comb begin
    ex_rec         = ex_raw;
    ex_rec.lalu    = ex_raw.lalu && LateOn;
    ex_rec.lalu_a  = ex_raw.lalu_a && LateOn;
    ex_rec.lalu_b  = ex_raw.lalu_b && LateOn;
    mem_rec        = mem_raw;
    mem_rec.lalu   = mem_raw.lalu && LateOn;
    mem_rec.lalu_a = mem_raw.lalu_a && LateOn;
    mem_rec.lalu_b = mem_raw.lalu_b && LateOn;
    wb_rec         = wb_raw;
    wb_rec.lalu    = wb_raw.lalu && LateOn;
    wb_rec.lalu_a  = wb_raw.lalu_a && LateOn;
    wb_rec.lalu_b  = wb_raw.lalu_b && LateOn;
  end
  logic            valid_mem, valid_wb;
  // the lane holds: MEM lost the data port, or waits behind WB
  logic            hold;
  assign hold = hold_i || wb_hold_o;

  assign mem_o = mem_rec;
  assign wb_o  = wb_rec;
  assign valid_mem_o = valid_mem;
  assign valid_wb_o  = valid_wb;

  // ---- IF ----------------------------------------------------------------------
  logic [NumCtx-1:0] eligible_all;
  assign eligible_o = eligible_all[Lane];

  outrider_fetch #(.NumCtx(NumCtx), .SelectPolicy(0)) u_fetch (
    .clk_i, .rst_ni,
    .active_i     (active_i & Mine),   // this lane's context only
    .wait_i,
    .sleep_i,
    .pausing_i,
    .pthread_i,
    .pc_i,
    .pause_ex_i   (valid_ex && ex_rec.pause),
    .tid_ex_i     (Tid),
    .pause_mem_i  (valid_mem && mem_rec.pause),
    .tid_mem_i    (Tid),
    .stall_id_i   (stall_id_o),
    .kill_if_i,
    .kill_id_i,
    .imem_req_o,
    .imem_addr_o,
    .imem_rdata_i,
    .imem_err_i,
    .eligible_o   (eligible_all),
    .fire_if_o,
    .tid_if_o     (tid_if_unused),
    .valid_id_o   (valid_id),
    .tid_id_o     (tid_id_unused),
    .pc_id_o      (pc_id),
    .instr_id_o   (instr_id),
    .ierr_id_o    (ierr_id)
  );

  outrider_bpred #(.NumCtx(NumCtx), .BranchPredict(BranchPredict), .BtbEntries(BtbEntries),
                   .BhtEntries(BhtEntries), .RasDepth(RasDepth)) u_bpred (
    .clk_i, .rst_ni,
    .pc_i,
    .fire_if_i        (fire_if_o),
    .tid_if_i         (Tid),
    .pred_if_o,
    .pred_target_if_o,
    .valid_id_i       (valid_id),
    .tid_id_i         (Tid),
    .pc_id_i          (pc_id),
    .instr_id_i       (instr_id),
    .stall_id_i       (stall_id_o),
    .predict_id_i     (predict_id_o),
    .target_id_i      (target_id_o),
    .bp_hit_id_o      (bp_hit_id),
    .bp_pred_id_o     (bp_pred_id),
    .live_ex_i        (live_ex),
    .tid_ex_i         (Tid),
    .ex_i             (ex_rec),
    .taken_ex_i       (taken_ex),
    .target_ex_i      (redirect_pc_ex_o),
    .pred_target_ex_o (pred_target_ex),
    .kill_id_i        (kill_id_i & Mine),
    .kill_ex_i        (kill_ex_i & Mine),
    .kill_mem_i       (kill_mem_i & Mine),   // the squash after WB
    .hold_i           (hold)
  );

  // ---- the word-load forward (docs/core.md "Hazards and penalties") ---------------
  // With LoadForward = 1 (off by default: the answer's cone then reaches the
  // ALU; routed, that cost more Fmax than it saved cycles). A hart's aligned LW in MEM: its value arrives with the answer while it
  // is in WB, and goes straight into the ALU of an ALU instruction in EX
  // (lf_wb_q: the same load, now in WB). When the answer does not bring the
  // value (a miss parks, an outstanding answer, an access fault), the squash
  // after WB takes the reader (wb_dep_o names it; a park or a fault squashes
  // every younger instruction).
  logic lf_mem, lf_wb_q;
  assign lf_mem = (LoadForward != 0) &&
                  valid_mem && mem_rec.mem && mem_rec.rd_we && (mem_rec.mem_op == DopLoad) &&
                  (mem_rec.f3 == 3'b010) && (mem_rec.result[1:0] == 2'b00) && !pthread_i[Lane];
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) lf_wb_q <= 1'b0;
    else         lf_wb_q <= lf_mem && !hold;   // MEM/WB loads every cycle: whether the load went on
  end

  // ---- ID ----------------------------------------------------------------------
  outrider_decode #(.NumCtx(NumCtx), .LateAlu(LateAlu)) u_decode (
    .clk_i, .rst_ni,
    .valid_id_i   (valid_id),
    .tid_id_i     (Tid),
    .pc_id_i      (pc_id),
    .instr_id_i   (instr_id),
    .ierr_id_i    (ierr_id),
    .kill_id_i,
    .bp_hit_id_i  (bp_hit_id),
    .bp_pred_id_i (bp_pred_id),
    .hold_i       (hold),
    .busy_i       (nbl_busy_i & ~shadow),
    .kill_ex_i,
    .valid_mem_i    (valid_mem),
    .pthread_i      (pthread_i[Lane]),
    .dside_rd_mem_i ((mem_rec.mem || mem_rec.lalu) && mem_rec.rd_we),   // its value only from WB2
    .rd_mem_i       (mem_rec.rd),
    .lf_mem_i       (lf_mem),
    .rs1_id_o,
    .rs2_id_o,
    .stall_id_o,
    .predict_id_o,
    .target_id_o,
    .valid_ex_o   (valid_ex),
    .tid_ex_o     (tid_ex_unused),
    .ex_o         (ex_raw)
  );

  // ---- EX ----------------------------------------------------------------------
  outrider_execute #(.NumCtx(NumCtx)) u_execute (
    .clk_i, .rst_ni,
    .valid_ex_i       (valid_ex),
    .tid_ex_i         (Tid),
    .ex_i             (ex_rec),
    .kill_ex_i,
    .rf_rdata_a_i,
    .rf_rdata_b_i,
    .valid_wb_i       (valid_wb),
    .tid_wb_i         (Tid),
    // WB forwards only values it holds in its register (the MEM/WB record's
    // result): a data-side value (load, LR, SC, AMO) or a divide's comes
    // from WB2 once written; only an aligned word load's answer goes to the
    // ALU's operands directly (lf_*)
    .rd_we_wb_i       (wb_rec.rd_we && !wb_rec.wait_resp && !wb_rec.lalu),
    .rd_wb_i          (wb_rec.rd),
    .wb_value_i       (wb_rec.result),
    .valid_wb2_i,
    .tid_wb2_i        (Tid),
    .rd_wb2_i,
    .data_wb2_i,
    .lf_wb_i          (lf_wb_q && valid_wb && wb_rec.wait_resp),
    .lf_data_i        (dresp_rdata_i),
    .pred_target_ex_i (pred_target_ex),
    .hold_i           (hold),
    .live_ex_o        (live_ex),
    .taken_ex_o       (taken_ex),
    .redirect_ex_o,
    .redirect_pc_ex_o,
    .valid_mem_o      (valid_mem),
    .tid_mem_o        (tid_mem_unused),
    .mem_o            (mem_raw)
  );

  // ---- MEM ---------------------------------------------------------------------
  outrider_commit #(.NumCtx(NumCtx)) u_commit (
    .clk_i, .rst_ni,
    .valid_mem_i         (valid_mem),     .tid_mem_i           (Tid),
    .mem_i               (mem_rec),       .kill_mem_i,
    .pthread_i,                           .csr_addr_o,
    .csr_op_o,                            .csr_wdata_o,
    .csr_write_intent_o,                  .csr_write_o,
    .csr_write_pex_o,                     .csr_rdata_i,
    .csr_illegal_i,                       .irq_take_i,
    .irq_pending_i,                       .irq_cause_i,
    .pt_mem_o,                            .exc_any_mem_o,
    .pt_exc_mem_i,                        .pt_sc_mem_i,
    .pt_suppressed_mem_i,                 .sp_start_i,
    .sp_tid_i,                            .hs_start_i,
    .hs_tid_i,                            .req_mem_o,
    .dreq_tid_o          (dreq_tid_unused), .dreq_amo_o,
    .dreq_addr_o,                         .dreq_wdata_o,
    .dreq_be_o,                           .dreq_valid_i,
    .dreq_ready_i,                        .conflict_i,
    .hold_i,
    // (an instruction the squash after WB takes is not waited for: a load
    // that went on behind a parked request is in WB then, and MEM must not
    // hold the squashed instruction behind it)
    .wb_wait_i           (valid_wb && wb_rec.wait_resp && !kill_mem_i[Lane]),
    .wb_d2_i             (wb_rec.memop && !wb_rec.div),
    .wb_size_i           (wb_rec.f3[1:0]),
    .wb_alo_i            (wb_rec.addr[1:0]),
    .d2_en_i,
    .pt_last_i,
    .wb_hold_o,
    .live_mem_o,
    .mem_cand_o,
    .trap_mem_o,                          .trap_cause_mem_o,
    .trap_tval_mem_o,                     .go_mem_o,
    .replay_mem_o,                        .sleep_mem_o,
    .retire_mem_o,                        .div_start_o,
    .pf_valid_o,                          .pf_addr_o,
    .valid_wb_o          (valid_wb),      .tid_wb_o            (tid_wb_unused),
    .wb_o                (wb_raw)
  );

  // ---- younger instructions that depend on the load in WB ------------------------
  // (register fields compared from the pipeline registers only; ID's raw
  // fields, so an instruction that does not read a field may match: a
  // needless squash, never a missed one). Only readers: MEM's instruction
  // reads it only if it is a late ALU instruction (the load-use interlock
  // kept every other reader a stage behind; a late one reads the value the
  // instruction right before it leaves in WB2, so it reads this load), and a
  // younger write of the register drops the load's late write when it
  // retires (outrider_nbl).
  logic [4:0] wrd;
  assign wrd      = wb_rec.rd;
  assign wb_dep_o = (valid_id && ((instr_id[19:15] == wrd) || (instr_id[24:20] == wrd))) ||
                    (valid_ex && ((ex_rec.rs1 == wrd) || (ex_rec.rs2 == wrd))) ||
                    (valid_mem && mem_rec.lalu);   // the late ALU reads it in WB

  // ---- registers a younger instruction in EX, MEM or WB writes ---------------------
  // An outstanding load's register that such an instruction writes is not
  // busy for ID: the reader gets the younger value by forwarding (EX, MEM,
  // WB, WB2), and the writer's retirement drops the load's write before it
  // could land after it (outrider_nbl). A writer that parks, traps or is
  // squashed takes the reader with it.
  logic [31:0] shadow;
  always_comb begin
    shadow = '0;
    if (valid_ex && ex_rec.rd_we)   shadow[ex_rec.rd]  = 1'b1;
    if (valid_mem && mem_rec.rd_we) shadow[mem_rec.rd] = 1'b1;
    if (valid_wb && wb_rec.rd_we)   shadow[wb_rec.rd]  = 1'b1;
  end

  // ---- debug record ------------------------------------------------------------
  assign dbg_valid_o = {valid_mem, valid_ex, valid_id, fire_if_o};
  assign dbg_pc_o    = {mem_rec.pc, ex_rec.pc, pc_id, imem_addr_o};
  assign dbg_insn_o  = {mem_rec.insn, ex_rec.insn, instr_id, 32'd0};
  assign dbg_flags_o = {replay_mem_o, trap_mem_o, retire_mem_o, valid_ex && kill_ex_i[Lane],
                        valid_id && kill_id_i[Lane], stall_id_o, fire_if_o && kill_if_i[Lane]};

  // the context ids the stage modules carry are this lane's by construction
  logic unused_lane;
  assign unused_lane = ^{tid_if_unused, tid_id_unused, tid_ex_unused, tid_mem_unused,
                         tid_wb_unused, dreq_tid_unused};
endmodule
