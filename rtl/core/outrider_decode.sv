// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_decode: the ID stage of outrider_core and the ID/EX register.
//
// Decodes the word in ID (outrider_decoder), finds the exceptions known at
// decode (fetch access fault, illegal instruction, ecall, ebreak), predicts
// JAL and backward branches taken (static prediction: predict_id_o with
// target_id_o; outrider_ctx_ctrl redirects the context's fetch) unless IF's
// predictor (outrider_bpred) hit its BTB (bp_hit_id_i; ex_o.pred then
// records IF's prediction, bp_pred_id_i), and holds
// the instruction in ID when it needs the result of a load, CSR read or AMO
// of the same context in EX, or of a load, LR, SC or AMO in MEM (load-use
// interlock, stall_id_o: the data side's answer is forwarded only from WB2),
// and as long as it reads a register an outstanding load of its context
// will write (the scoreboard busy_i, outrider_nbl; the lane clears the bits
// of registers a younger instruction in EX, MEM or WB writes, whose value
// the instruction gets by forwarding). Writing such a register does not
// wait: the writer's retirement drops the older load's write.
// With LateAlu = 1 a hart's ALU instruction (OP-IMM, or OP without the M
// extension) right behind a data-side value in EX (a load, LR, SC, AMO, or
// another such late ALU instruction) does not wait: it goes on marked lalu,
// EX carries its other operand, and outrider_writeback computes it in WB
// with the loaded value from the WB2 register (the load is there then: the
// two move on together, and whatever takes the load from WB takes the
// reader too). Its own readers wait for WB2 as a load's do.
// The register-file read addresses go out in ID (rs1_id_o/rs2_id_o: the
// register file is synchronous, the data arrive in EX). The ID/EX register
// (ex_o: outrider_idex_t, valid_ex_o, tid_ex_o) is loaded whenever ID does
// not stall.
//
// It does not forward, resolve branches or know about traps beyond
// recording the exception for the commit point.
//
// Timing: stall_id_o, predict_id_o and the read addresses are combinational
// from the IF/ID, ID/EX and EX/MEM registers and the instruction word.
module outrider_decode #(
  parameter int LateAlu = 0,   // 1: an ALU reader right behind a load goes on, to the late ALU
  parameter int NumCtx = 2,
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  input  logic                 valid_id_i,
  input  logic [TidW-1:0]      tid_id_i,
  input  logic [31:0]          pc_id_i,
  input  logic [31:0]          instr_id_i,
  input  logic                 ierr_id_i,
  input  logic [NumCtx-1:0]    kill_id_i,    // squash the context's instruction in ID
  input  logic                 bp_hit_id_i,  // IF's BTB knew it: no static guess (outrider_bpred)
  input  logic                 bp_pred_id_i, // IF predicted it taken
  input  logic                 hold_i,       // the lane holds (MEM lost the data port)
  input  logic [31:0]          busy_i,       // scoreboard: registers outstanding loads will write
  input  logic [NumCtx-1:0]    kill_ex_i,    // squash the context's instruction in EX
  // the instruction in MEM gets its rd value from the data side (a load,
  // LR, SC or AMO): not forwarded from WB (the data side's answer reaches no
  // EX operand in the cycle it arrives), so its readers wait one more cycle
  input  logic                 valid_mem_i,
  input  logic                 dside_rd_mem_i,
  input  logic [4:0]           rd_mem_i,
  // ... except a hart's aligned word load (lf_mem_i): its value reaches an
  // ALU instruction in EX straight from the answer (outrider_execute), so
  // an ALU reader does not wait for it here
  input  logic                 lf_mem_i,
  // the lane's context runs a p-thread: no late ALU (a p-thread's last
  // instruction within its budget waits in MEM behind a WB that waits,
  // outrider_commit, and would lose the WB2 value it reads)
  input  logic                 pthread_i,

  output logic [4:0]           rs1_id_o,     // register-file read addresses
  output logic [4:0]           rs2_id_o,
  output logic                 stall_id_o,   // ID holds: load-use interlock, scoreboard, or the lane holds
  output logic                 predict_id_o, // predicted taken: fetch target_id_o next
  output logic [31:0]          target_id_o,

  // the ID/EX register
  output logic                 valid_ex_o,
  output logic [TidW-1:0]      tid_ex_o,
  output outrider_idex_t       ex_o
);
  // With --assert, the Verilator 5.006 linter reports these functions as hiding
  // themselves in the second lane's copy of this module (a false VARHIDDEN)
  /* verilator lint_off VARHIDDEN */
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"
  /* verilator lint_on VARHIDDEN */

  logic        dec_illegal, dec_rs1_used, dec_rs2_used, dec_rd_we, dec_alu_b_imm;
  logic [4:0]  dec_rs1, dec_rs2, dec_rd, dec_amo_op;
  logic [31:0] dec_imm;
  logic [3:0]  dec_alu_op;
  logic [1:0]  dec_alu_a_sel;
  logic        dec_branch, dec_jal, dec_jalr, dec_mem, dec_late, dec_div, dec_csr;
  logic        dec_ecall, dec_ebreak, dec_mret, dec_wfi, dec_fencei, dec_pause;
  logic        dec_hstart, dec_hexit, dec_pex_spawn, dec_pex_stop, dec_pex_cancel;
  logic [2:0]  dec_f3, dec_mem_op;

  outrider_decoder u_decoder (
    .instr_i       (instr_id_i),
    .illegal_o     (dec_illegal),
    .rs1_o         (dec_rs1),
    .rs2_o         (dec_rs2),
    .rd_o          (dec_rd),
    .rs1_used_o    (dec_rs1_used),
    .rs2_used_o    (dec_rs2_used),
    .rd_we_o       (dec_rd_we),
    .imm_o         (dec_imm),
    .alu_op_o      (dec_alu_op),
    .alu_a_sel_o   (dec_alu_a_sel),
    .alu_b_imm_o   (dec_alu_b_imm),
    .branch_o      (dec_branch),
    .jal_o         (dec_jal),
    .jalr_o        (dec_jalr),
    .funct3_o      (dec_f3),
    .mem_o         (dec_mem),
    .mem_op_o      (dec_mem_op),
    .amo_op_o      (dec_amo_op),
    .late_result_o (dec_late),
    .div_o         (dec_div),
    .csr_o         (dec_csr),
    .ecall_o       (dec_ecall),
    .ebreak_o      (dec_ebreak),
    .mret_o        (dec_mret),
    .wfi_o         (dec_wfi),
    .fencei_o      (dec_fencei),
    .pause_o       (dec_pause),
    .hart_start_o  (dec_hstart),
    .hart_exit_o   (dec_hexit),
    .pex_spawn_o   (dec_pex_spawn),
    .pex_stop_o    (dec_pex_stop),
    .pex_cancel_o  (dec_pex_cancel)
  );

  assign rs1_id_o = dec_rs1;
  assign rs2_id_o = dec_rs2;

  // exceptions known at decode
  logic        exc_id;
  logic [31:0] exc_cause_id, exc_tval_id;
  always_comb begin
    exc_id       = 1'b1;
    exc_cause_id = ExcIllegal;
    exc_tval_id  = instr_id_i;
    if (ierr_id_i) begin
      exc_cause_id = ExcInstrAccess;
      exc_tval_id  = pc_id_i;
    end else if (dec_illegal) begin
      exc_cause_id = ExcIllegal;
    end else if (dec_ecall) begin
      exc_cause_id = ExcEcallM;
      exc_tval_id  = 32'd0;
    end else if (dec_ebreak) begin
      exc_cause_id = ExcBreakpoint;
      exc_tval_id  = pc_id_i;
    end else begin
      exc_id = 1'b0;
    end
  end

  // static prediction: JAL always, backward branches taken, unless IF's
  // branch predictor already decided (a BTB hit, taken or not)
  assign target_id_o  = pc_id_i + dec_imm;
  assign predict_id_o = valid_id_i && !exc_id && !target_id_o[1] && !bp_hit_id_i &&
                        (dec_jal || (dec_branch && dec_imm[31]));

  // ---- ID/EX register --------------------------------------------------------
  logic            valid_ex_q;
  logic [TidW-1:0] tid_ex_q;
  outrider_idex_t  ex_q, ex_d;

  // load-use interlock: the EX instruction's result comes only after MEM;
  // a data-side value (load, LR, SC, AMO) only from WB2, after WB, but an
  // aligned word load's to an ALU instruction from WB's answer
  logic load_use, load_use_ex, load_use_mem;
  assign load_use_ex  = valid_ex_q && (tid_ex_q == tid_id_i) && ex_q.late &&
                        ex_q.rd_we && ((dec_rs1_used && (dec_rs1 == ex_q.rd)) ||
                                       (dec_rs2_used && (dec_rs2 == ex_q.rd)));
  // an ALU instruction: OP-IMM, or OP without the M extension (its operands
  // go only into the ALU, never into a compare, an address or the
  // multiplier), and not a shift by the loaded register (the shift amount
  // does not take the forward either)
  logic alu_class_id, alu_only_id;
  assign alu_class_id = (instr_id_i[6:0] == 7'b0010011) ||
                        ((instr_id_i[6:0] == 7'b0110011) && (instr_id_i[31:25] != 7'b0000001));
  assign alu_only_id  = alu_class_id &&
                        !((instr_id_i[6:0] == 7'b0110011) && (instr_id_i[13:12] == 2'b01) &&
                          (dec_rs2 == rd_mem_i));
  logic mem_match;   // reads the data-side value of the instruction in MEM
  assign mem_match    = valid_mem_i && dside_rd_mem_i && (rd_mem_i != 5'd0) &&
                        ((dec_rs1_used && (dec_rs1 == rd_mem_i)) ||
                         (dec_rs2_used && (dec_rs2 == rd_mem_i)));
  assign load_use_mem = mem_match && !(lf_mem_i && alu_only_id);
  // the late ALU: an ALU instruction whose only wait is for a data-side
  // value (or a late ALU result) in EX takes that value in WB, from WB2
  logic late_cap_id, late_src_ex, lalu_id, lalu_a_id, lalu_b_id;
  assign late_cap_id = (LateAlu != 0) && !pthread_i && alu_class_id;   // shifts too
  assign late_src_ex = (ex_q.mem || ex_q.lalu) && (ex_q.rd != 5'd0);
  // (not when the other operand is MEM's data-side value: with
  // LoadForward it would come from the word-load forward into EX's ALU,
  // which a late instruction does not use)
  assign lalu_id     = late_cap_id && late_src_ex && load_use_ex && !mem_match && !exc_id;
  assign lalu_a_id   = dec_rs1_used && (dec_rs1 == ex_q.rd);
  assign lalu_b_id   = dec_rs2_used && (dec_rs2 == ex_q.rd) && !dec_alu_b_imm;
  assign load_use     = valid_id_i && ((load_use_ex && !lalu_id) || load_use_mem);
  // scoreboard (non-blocking loads, outrider_nbl): an instruction that reads
  // a register an outstanding load will write waits here; one that only
  // writes it goes on (its retirement drops the older load's write)
  logic nbl_wait;
  assign nbl_wait   = valid_id_i && ((dec_rs1_used && busy_i[dec_rs1]) ||
                                     (dec_rs2_used && busy_i[dec_rs2]));
  assign stall_id_o = load_use || nbl_wait || hold_i;

  always_comb begin
    ex_d.pc         = pc_id_i;
    ex_d.insn       = instr_id_i;
    ex_d.imm        = dec_imm;
    ex_d.rs1        = dec_rs1_used ? dec_rs1 : 5'd0;
    ex_d.zimm       = dec_rs1;   // CSR[RSC]I immediate
    ex_d.rs2        = dec_rs2_used ? dec_rs2 : 5'd0;
    ex_d.rd         = dec_rd;
    ex_d.amo        = dec_amo_op;
    ex_d.rd_we      = dec_rd_we && !exc_id;
    ex_d.late       = dec_late || lalu_id;   // its readers wait for WB2
    ex_d.lalu       = lalu_id;
    ex_d.lalu_a     = lalu_id && lalu_a_id;
    ex_d.lalu_b     = lalu_id && lalu_b_id;
    ex_d.pred       = predict_id_o || bp_pred_id_i;
    ex_d.alu_op     = dec_alu_op;
    ex_d.alu_a_sel  = dec_alu_a_sel;
    ex_d.alu_b_imm  = dec_alu_b_imm;
    ex_d.branch     = dec_branch && !exc_id;
    ex_d.jal        = dec_jal && !exc_id;
    ex_d.jalr       = dec_jalr && !exc_id;
    ex_d.mem        = dec_mem && !exc_id;
    ex_d.div        = dec_div && !exc_id;
    ex_d.csr        = dec_csr && !exc_id;
    ex_d.mret       = dec_mret && !exc_id;
    ex_d.wfi        = dec_wfi && !exc_id;
    ex_d.fencei     = dec_fencei && !exc_id;
    ex_d.pause      = dec_pause && !exc_id;
    ex_d.hstart     = dec_hstart && !exc_id;
    ex_d.hexit      = dec_hexit && !exc_id;
    ex_d.pex_spawn  = dec_pex_spawn && !exc_id;
    ex_d.pex_stop   = dec_pex_stop && !exc_id;
    ex_d.pex_cancel = dec_pex_cancel && !exc_id;
    ex_d.f3         = dec_f3;
    ex_d.mem_op     = dec_mem_op;
    ex_d.exc        = exc_id;
    ex_d.exc_cause  = exc_cause_id;
    ex_d.exc_tval   = exc_tval_id;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)     valid_ex_q <= 1'b0;
    else if (hold_i) valid_ex_q <= valid_ex_q && !kill_ex_i[tid_ex_q];   // EX keeps its own
    else             valid_ex_q <= valid_id_i && !stall_id_o && !kill_id_i[tid_id_i];
  end

  always_ff @(posedge clk_i) begin
    if (!stall_id_o) begin
      tid_ex_q <= tid_id_i;
      ex_q     <= ex_d;
    end
  end

  assign valid_ex_o = valid_ex_q;
  assign tid_ex_o   = tid_ex_q;
  assign ex_o       = ex_q;

  `include "outrider_assert.svh"
  `OR_ASSERT(!load_use || valid_id_i, "the load-use interlock stalls only an instruction in ID")
  `OR_ASSERT(!load_use_ex || (valid_ex_q && (tid_ex_q == tid_id_i)),
             "the load-use interlock only matches the same context")
  `OR_ASSERT(!load_use_mem || valid_mem_i, "the MEM interlock matches only a valid instruction")
  `OR_ASSERT(!(valid_id_i && lalu_id) || (lalu_a_id || lalu_b_id),
             "a late ALU instruction takes at least one operand from WB2")
endmodule
