// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_execute: the EX stage of outrider_core and the EX/MEM register.
//
// Forwards operands (from MEM, WB and the cycle after WB, only from the same
// context; a MEM result that is not known yet is never forwarded: decode's
// interlock took care of it; a word load's answer in WB to the ALU only), runs the ALU (outrider_alu, single-cycle
// multiply included; a late ALU instruction only passes its operands on),
// resolves branches and jumps, generates data addresses,
// byte enables and store lanes, checks jump-target and data alignment, and
// reports a wrong prediction (redirect_ex_o with the PC to fetch instead,
// redirect_pc_ex_o): the wrong direction, or a taken branch or jump that was
// predicted to another target (pred_target_ex_i: a stale BTB entry, a JALR
// whose target changed, a RAS that did not hold the return address). The EX/MEM register (mem_o: outrider_exmem_t,
// valid_mem_o, tid_mem_o) has no enable: MEM never stalls.
//
// It does not commit anything: exceptions found here are recorded for the
// commit point; divides are only passed on (outrider_writeback runs them).
//
// Timing: everything here is combinational from the ID/EX register, the
// register-file data (synchronous read, available in EX) and the forwarding
// sources, which are all registers (MEM: the EX/MEM register; WB: the
// MEM/WB register's result; WB2), with one exception: a hart's aligned word
// load in WB forwards the data side's answer (lf_data_i, late in the cycle)
// into the ALU's operands only, chosen last by a select from registers, and
// the ALU's result is chosen last into the EX/MEM register. Every other
// reader of a data-side value gets it from WB2 (decode's interlock), so the
// answer reaches no compare, address, redirect or exception. hold_i (the
// lane's MEM lost the data port) keeps EX and the EX/MEM register.
module outrider_execute #(
  parameter int NumCtx = 2,
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  input  logic                 valid_ex_i,
  input  logic [TidW-1:0]      tid_ex_i,
  input  outrider_idex_t       ex_i,
  input  logic [NumCtx-1:0]    kill_ex_i,    // squash the context's instruction in EX
  input  logic [31:0]          rf_rdata_a_i, // register file, read in ID
  input  logic [31:0]          rf_rdata_b_i,

  // forwarding sources: WB (outrider_commit's MEM/WB register: its result,
  // rd_we_wb_i only when that is the rd value, i.e. not a data-side or divide
  // value) and the cycle after WB (outrider_writeback)
  input  logic                 valid_wb_i,
  input  logic [TidW-1:0]      tid_wb_i,
  input  logic                 rd_we_wb_i,
  input  logic [4:0]           rd_wb_i,
  input  logic [31:0]          wb_value_i,
  input  logic                 valid_wb2_i,  // the register file is written now
  input  logic [TidW-1:0]      tid_wb2_i,
  input  logic [4:0]           rd_wb2_i,
  input  logic [31:0]          data_wb2_i,
  // the word load in WB whose value comes with this cycle's answer
  // (lf_wb_i, rd_wb_i; lf_data_i: the answer): forwarded only into the ALU
  input  logic                 lf_wb_i,
  input  logic [31:0]          lf_data_i,

  input  logic [31:0]          pred_target_ex_i, // where ex_i.pred sent the context (outrider_bpred)
  // the lane holds (MEM lost the data port): EX and MEM keep their
  // instructions; EX's operands are kept from the first held cycle on
  input  logic                 hold_i,

  output logic                 live_ex_o,        // valid and not squashed
  output logic                 taken_ex_o,       // a taken branch or jump (to redirect_pc_ex_o)
  output logic                 redirect_ex_o,    // wrong prediction: fetch redirect_pc_ex_o
  output logic [31:0]          redirect_pc_ex_o,

  // the EX/MEM register
  output logic                 valid_mem_o,
  output logic [TidW-1:0]      tid_mem_o,
  output outrider_exmem_t      mem_o
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"

  logic            valid_mem_q;
  logic [TidW-1:0] tid_mem_q;
  outrider_exmem_t mem_q, mem_d;

  function automatic logic [31:0] forward(input logic [4:0] rs, input logic [31:0] rf_val,
      input logic mem_hit_ok, input logic [31:0] mem_val,
      input logic wb_hit_ok, input logic [31:0] wb_val,
      input logic wb2_hit_ok, input logic [31:0] wb2_val);
    if (rs == 5'd0)      forward = 32'd0;
    else if (mem_hit_ok) forward = mem_val;
    else if (wb_hit_ok)  forward = wb_val;
    else if (wb2_hit_ok) forward = wb2_val;
    else                 forward = rf_val;
  endfunction

  logic mem_fwd_ok, wb_fwd_ok, wb2_fwd_ok;
  assign mem_fwd_ok = valid_mem_q && (tid_mem_q == tid_ex_i) && mem_q.rd_we && !mem_q.late;
  assign wb_fwd_ok  = valid_wb_i && (tid_wb_i == tid_ex_i) && rd_we_wb_i;
  assign wb2_fwd_ok = valid_wb2_i && (tid_wb2_i == tid_ex_i);

  logic [31:0] rs1_fwd, rs2_fwd, rs1_ex, rs2_ex;
  assign rs1_fwd = forward(ex_i.rs1, rf_rdata_a_i,
                          mem_fwd_ok && (mem_q.rd == ex_i.rs1), mem_q.result,
                          wb_fwd_ok && (rd_wb_i == ex_i.rs1), wb_value_i,
                          wb2_fwd_ok && (rd_wb2_i == ex_i.rs1), data_wb2_i);
  assign rs2_fwd = forward(ex_i.rs2, rf_rdata_b_i,
                          mem_fwd_ok && (mem_q.rd == ex_i.rs2), mem_q.result,
                          wb_fwd_ok && (rd_wb_i == ex_i.rs2), wb_value_i,
                          wb2_fwd_ok && (rd_wb2_i == ex_i.rs2), data_wb2_i);

  // The ALU's operands: the same, but a word load in WB forwards its
  // answer here (after MEM's value, before WB2's). Only the ALU sees it:
  // decode lets only an ALU instruction follow such a load this closely,
  // and the answer's cone stays off the compare, the address adder, the
  // multiplier and the redirect.
  logic        lf_hit1, lf_hit2;
  logic [31:0] rs1_lf, rs2_lf;
  assign lf_hit1 = valid_wb_i && lf_wb_i && (tid_wb_i == tid_ex_i) && (rd_wb_i == ex_i.rs1) &&
                   (ex_i.rs1 != 5'd0) && !(mem_fwd_ok && (mem_q.rd == ex_i.rs1));
  assign lf_hit2 = valid_wb_i && lf_wb_i && (tid_wb_i == tid_ex_i) && (rd_wb_i == ex_i.rs2) &&
                   (ex_i.rs2 != 5'd0) && !(mem_fwd_ok && (mem_q.rd == ex_i.rs2));
  assign rs1_lf  = lf_hit1 ? lf_data_i : rs1_fwd;   // (only for the held copy below)
  assign rs2_lf  = lf_hit2 ? lf_data_i : rs2_fwd;

  // While the lane holds, the forwarding sources drain (WB and WB2 move on):
  // the operands forwarded in the first held cycle are kept and used until
  // the instruction leaves EX (with the load's answer if it was forwarded:
  // its reader is an ALU instruction, which uses the operands nowhere else)
  logic        op_held_q;
  logic [31:0] rs1_held_q, rs2_held_q;
  assign rs1_ex  = op_held_q ? rs1_held_q : rs1_fwd;
  assign rs2_ex  = op_held_q ? rs2_held_q : rs2_fwd;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) op_held_q <= 1'b0;
    else         op_held_q <= hold_i;
  end
  always_ff @(posedge clk_i) begin
    if (hold_i && !op_held_q) begin
      rs1_held_q <= rs1_lf;
      rs2_held_q <= rs2_lf;
    end
  end

  // the answer is chosen last, by a select from registers (the answer
  // arrives late in the cycle: one LUT level before the ALU)
  logic [31:0] alu_a_reg, alu_a, alu_b_reg, alu_b, alu_result;
  logic        lf_a, lf_b;
  always_comb begin
    unique case (ex_i.alu_a_sel)
      AluAPc:   alu_a_reg = ex_i.pc;
      AluAZero: alu_a_reg = 32'd0;
      default:  alu_a_reg = rs1_ex;
    endcase
  end
  assign lf_a  = lf_hit1 && !op_held_q && (ex_i.alu_a_sel == AluARs1);
  assign lf_b  = lf_hit2 && !op_held_q && !ex_i.alu_b_imm;
  assign alu_a = lf_a ? lf_data_i : alu_a_reg;
  assign alu_b_reg = ex_i.alu_b_imm ? ex_i.imm : rs2_ex;
  assign alu_b     = lf_b ? lf_data_i : alu_b_reg;

  outrider_alu u_alu (
    .op_i     (ex_i.alu_op),
    .a_i      (alu_a),
    .b_i      (alu_b),
    .shamt_i  (alu_b_reg[4:0]),   // a shift amount is never the late operand (decode)
    .result_o (alu_result)
  );

  // the multiplier takes the forwarded registers directly and its result
  // is chosen last (mul_ex, from the ID/EX register), so the DSP blocks'
  // adders are followed by two LUT levels into the EX/MEM register
  logic [31:0] mul_result;
  logic        mul_ex;
  outrider_mul u_mul (
    .a_signed_i ((ex_i.alu_op == AluMulh) || (ex_i.alu_op == AluMulhsu)),
    .b_signed_i (ex_i.alu_op == AluMulh),
    .high_i     (ex_i.alu_op != AluMul),
    .a_i        (rs1_ex),
    .b_i        (rs2_ex),
    .result_o   (mul_result)
  );
  assign mul_ex = ((ex_i.alu_op == AluMul) || (ex_i.alu_op == AluMulh) ||
                   (ex_i.alu_op == AluMulhsu) || (ex_i.alu_op == AluMulhu)) &&
                  (ex_i.alu_a_sel == AluARs1) && !ex_i.alu_b_imm &&
                  !(ex_i.jal || ex_i.jalr || ex_i.csr || ex_i.hstart || ex_i.div) && !ex_i.exc;

  // branch resolution
  logic eq_ex, lt_ex, ltu_ex, cond_ex, taken_ex;
  assign eq_ex  = (rs1_ex == rs2_ex);
  assign lt_ex  = $signed(rs1_ex) < $signed(rs2_ex);
  assign ltu_ex = rs1_ex < rs2_ex;
  always_comb begin
    unique case (ex_i.f3)
      F3Beq:   cond_ex = eq_ex;
      F3Bne:   cond_ex = !eq_ex;
      F3Blt:   cond_ex = lt_ex;
      F3Bge:   cond_ex = !lt_ex;
      F3Bltu:  cond_ex = ltu_ex;
      default: cond_ex = !ltu_ex;
    endcase
  end
  assign taken_ex = ex_i.jal || ex_i.jalr || (ex_i.branch && cond_ex);

  logic [31:0] target_ex, link_ex;
  assign target_ex = ex_i.jalr ? ((rs1_ex + ex_i.imm) & ~32'd1) : (ex_i.pc + ex_i.imm);
  assign link_ex   = ex_i.pc + 32'd4;

  // address generation and alignment
  logic [31:0] addr_ex;
  logic [1:0]  size_ex;
  logic        misaligned_ex, is_load_ex;
  // the data address has its own adder: the ALU's result mux (with the
  // multiplier behind it) stays off the path to the alignment check, the
  // exceptions and the redirect. Every memory operation's address is
  // rs1 + imm (AMOs, LR/SC: imm = 0; prefetch.r/.w: the line offset), the
  // same sum the ALU computes for it (AluAdd with the immediate).
  assign addr_ex    = rs1_ex + ex_i.imm;
  assign size_ex    = (ex_i.mem_op == DopLoad || ex_i.mem_op == DopStore) ? ex_i.f3[1:0] : SizeWord;
  assign is_load_ex = (ex_i.mem_op == DopLoad) || (ex_i.mem_op == DopLr);
  always_comb begin
    unique case (size_ex)
      SizeByte: misaligned_ex = 1'b0;
      SizeHalf: misaligned_ex = addr_ex[0];
      default:  misaligned_ex = (addr_ex[1:0] != 2'b00);
    endcase
    if (!ex_i.mem || (ex_i.mem_op == DopFence) || (((ex_i.mem_op == DopLoad) || (ex_i.mem_op == DopStore)) && addr_is_ram(addr_ex))) misaligned_ex = 1'b0;  // misaligned plain RAM accesses: outrider_dside_split
  end

  logic [3:0]  be_ex;
  logic [31:0] wdata_ex;
  always_comb begin
    unique case (size_ex)
      SizeByte: be_ex = 4'b0001 << addr_ex[1:0];
      SizeHalf: be_ex = (4'b0011 << addr_ex[1:0]) | (4'b0011 >> (3'd4 - {1'b0, addr_ex[1:0]}));  // rotated: lane = address[1:0]
      default:  be_ex = 4'b1111;
    endcase
    wdata_ex = (ex_i.mem_op == DopStore) ? 32'({rs2_ex, rs2_ex} >> (6'd32 - {addr_ex[1:0], 3'b000})) : rs2_ex;  // rotated left
  end

  // exceptions found in EX (only if none came from ID)
  logic        exc_ex;
  logic [31:0] exc_cause_ex, exc_tval_ex;
  always_comb begin
    exc_ex       = ex_i.exc;
    exc_cause_ex = ex_i.exc_cause;
    exc_tval_ex  = ex_i.exc_tval;
    if (!ex_i.exc) begin
      if (taken_ex && target_ex[1]) begin
        exc_ex       = 1'b1;
        exc_cause_ex = ExcInstrMisaligned;
        exc_tval_ex  = target_ex;
      end else if (misaligned_ex) begin
        exc_ex       = 1'b1;
        exc_cause_ex = is_load_ex ? ExcLoadMisaligned : ExcStoreMisaligned;
        exc_tval_ex  = addr_ex;
      end
    end
  end

  // EX result (keep: the ALU's result meets the others in one last LUT level)
  (* keep *) logic [31:0] result_other;
  logic        alu_ex;   // the ALU's result goes to MEM (no EX exception is possible then)
  assign alu_ex = !(ex_i.jal || ex_i.jalr || ex_i.branch || ex_i.csr || ex_i.hstart || ex_i.div || ex_i.mem ||
                    ex_i.exc || mul_ex || ex_i.lalu);
  logic [31:0] result_ex;
  always_comb begin
    if (ex_i.jal || ex_i.jalr)        result_ex = link_ex;
    else if (ex_i.csr)                result_ex = ex_i.f3[2] ? {27'd0, ex_i.zimm} : rs1_ex;
    else if (ex_i.hstart || ex_i.div) result_ex = rs1_ex;
    else                              result_ex = alu_result;
  end

  // a late ALU instruction (ex_i.lalu, outrider_decode) carries its operands
  // instead: a in result, b in wdata; the one that comes from WB2 is garbage
  // here and replaced in WB (outrider_writeback)
  assign result_other = ex_i.lalu ? alu_a_reg : (mul_ex ? mul_result : (exc_ex ? 32'd0 : result_ex));

  // redirect on a wrong prediction. A branch or jump redirects unless it
  // traps (an exception from ID, or a taken target that is not 4-byte
  // aligned); any other instruction (cti_ex low) was predicted wrongly
  // exactly when it was predicted taken (a stale BTB entry) and then goes
  // on to pc + 4 without asking whether it traps in EX: the data address's
  // misalignment check (an adder, a range compare) stays off the redirect,
  // which only a memory operation could need and which changes nothing
  // there (the trap in MEM squashes what the redirect fetched, a cycle later)
  logic cti_ex;
  assign cti_ex           = ex_i.jal || ex_i.jalr || ex_i.branch;
  assign live_ex_o        = valid_ex_i && !kill_ex_i[tid_ex_i] && !hold_i;   // goes on now
  assign redirect_ex_o    = live_ex_o && !ex_i.exc &&
                            (cti_ex ? (!(taken_ex && target_ex[1]) &&
                                       ((taken_ex != ex_i.pred) ||
                                        (taken_ex && (target_ex != pred_target_ex_i))))
                                    : ex_i.pred);
  assign taken_ex_o       = taken_ex;
  assign redirect_pc_ex_o = taken_ex ? target_ex : link_ex;

  // ---- EX/MEM register -------------------------------------------------------
  always_comb begin
    mem_d.pc         = ex_i.pc;
    mem_d.insn       = ex_i.insn;
    // (a multiply's EX exception can only come from ID: no branch, no access)
    // the ALU's result is chosen last too (alu_ex, from registers)
    mem_d.result     = alu_ex ? alu_result : result_other;
    mem_d.wdata      = ex_i.lalu ? alu_b_reg : wdata_ex;
    mem_d.be         = be_ex;
    mem_d.rd         = ex_i.rd;
    mem_d.amo        = ex_i.amo;
    mem_d.rd_we      = ex_i.rd_we && !exc_ex;
    mem_d.late       = ex_i.late;
    mem_d.lalu       = ex_i.lalu;
    mem_d.lalu_a     = ex_i.lalu_a;
    mem_d.lalu_b     = ex_i.lalu_b;
    mem_d.alu_op     = ex_i.alu_op;
    mem_d.mem        = ex_i.mem && !exc_ex;
    mem_d.div        = ex_i.div && !exc_ex;
    mem_d.csr        = ex_i.csr && !exc_ex;
    mem_d.mret       = ex_i.mret && !exc_ex;
    mem_d.wfi        = ex_i.wfi && !exc_ex;
    mem_d.fencei     = ex_i.fencei && !exc_ex;
    mem_d.pause      = ex_i.pause && !exc_ex;
    mem_d.hstart     = ex_i.hstart && !exc_ex;
    mem_d.hexit      = ex_i.hexit && !exc_ex;
    mem_d.pex_spawn  = ex_i.pex_spawn && !exc_ex;
    mem_d.pex_stop   = ex_i.pex_stop && !exc_ex;
    mem_d.pex_cancel = ex_i.pex_cancel && !exc_ex;
    mem_d.f3         = ex_i.f3;
    mem_d.mem_op     = ex_i.mem_op;
    mem_d.exc        = exc_ex;
    mem_d.exc_cause  = exc_cause_ex;
    mem_d.exc_tval   = exc_tval_ex;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)     valid_mem_q <= 1'b0;
    else if (!hold_i) valid_mem_q <= live_ex_o;
  end

  always_ff @(posedge clk_i) begin
    if (!hold_i) begin
      tid_mem_q <= tid_ex_i;
      mem_q     <= mem_d;
    end
  end

  assign valid_mem_o = valid_mem_q;
  assign tid_mem_o   = tid_mem_q;
  assign mem_o       = mem_q;

  `include "outrider_assert.svh"
  `OR_ASSERT(!redirect_ex_o || live_ex_o, "only a live instruction redirects")
  // every multiply the decoder produces has register operands (so its
  // result is chosen last): a property of the decoder, checked in simulation
`ifdef OUTRIDER_ASSERT
  `OR_ASSERT(!(valid_ex_i && !ex_i.exc && (ex_i.alu_op >= AluMul) && (ex_i.alu_op <= AluMulhu)) || mul_ex,
             "a multiply in EX takes the multiplier's result")
`endif
endmodule
