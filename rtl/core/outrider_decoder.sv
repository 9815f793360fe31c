// SPDX-License-Identifier: Apache-2.0
// outrider_decoder: combinational RV32IMA + Zicsr + Zifencei + Zihintpause
// decoder, plus Outrider's custom-0 hart instructions (docs/memory-map.md).
//
// It only classifies the instruction word and extracts fields; it holds no
// state and knows nothing about contexts. Anything not listed in the ISA the
// core implements sets illegal_o (the pipeline turns that into a precise
// illegal-instruction trap with mtval = the instruction word).
module outrider_decoder (
  input  logic [31:0] instr_i,

  output logic        illegal_o,
  output logic [4:0]  rs1_o,
  output logic [4:0]  rs2_o,
  output logic [4:0]  rd_o,
  output logic        rs1_used_o,
  output logic        rs2_used_o,
  output logic        rd_we_o,        // writes a non-zero rd
  output logic [31:0] imm_o,

  output logic [3:0]  alu_op_o,
  output logic [1:0]  alu_a_sel_o,    // AluA* below
  output logic        alu_b_imm_o,    // operand b is the immediate

  output logic        branch_o,
  output logic        jal_o,
  output logic        jalr_o,
  output logic [2:0]  funct3_o,

  output logic        mem_o,          // goes to the data side
  output logic [2:0]  mem_op_o,       // Dop* (outrider_defs.svh)
  output logic [4:0]  amo_op_o,
  output logic        late_result_o,  // rd is known only after the MEM stage

  output logic        div_o,
  output logic        csr_o,
  output logic        ecall_o,
  output logic        ebreak_o,
  output logic        mret_o,
  output logic        wfi_o,
  output logic        fencei_o,
  output logic        pause_o,
  output logic        hart_start_o,
  output logic        hart_exit_o,
  output logic        pex_spawn_o,
  output logic        pex_stop_o,
  output logic        pex_cancel_o
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"

  logic [6:0] opcode, funct7;
  logic [2:0] funct3;
  logic [4:0] funct5;
  assign opcode = instr_i[6:0];
  assign funct3 = instr_i[14:12];
  assign funct7 = instr_i[31:25];
  assign funct5 = instr_i[31:27];

  assign rs1_o    = instr_i[19:15];
  assign rs2_o    = instr_i[24:20];
  assign rd_o     = instr_i[11:7];
  assign funct3_o = funct3;
  assign amo_op_o = funct5;

  logic [31:0] imm_i_type, imm_s_type, imm_b_type, imm_u_type, imm_j_type;
  assign imm_i_type = {{20{instr_i[31]}}, instr_i[31:20]};
  assign imm_s_type = {{20{instr_i[31]}}, instr_i[31:25], instr_i[11:7]};
  assign imm_b_type = {{19{instr_i[31]}}, instr_i[31], instr_i[7], instr_i[30:25],
                       instr_i[11:8], 1'b0};
  assign imm_u_type = {instr_i[31:12], 12'd0};
  assign imm_j_type = {{11{instr_i[31]}}, instr_i[31], instr_i[19:12], instr_i[20],
                       instr_i[30:21], 1'b0};

  logic writes_rd;

  always_comb begin
    illegal_o     = 1'b0;
    rs1_used_o    = 1'b0;
    rs2_used_o    = 1'b0;
    writes_rd     = 1'b0;
    imm_o         = imm_i_type;
    alu_op_o      = AluAdd;
    alu_a_sel_o   = AluARs1;
    alu_b_imm_o   = 1'b1;
    branch_o      = 1'b0;
    jal_o         = 1'b0;
    jalr_o        = 1'b0;
    mem_o         = 1'b0;
    mem_op_o      = DopLoad;
    late_result_o = 1'b0;
    div_o         = 1'b0;
    csr_o         = 1'b0;
    ecall_o       = 1'b0;
    ebreak_o      = 1'b0;
    mret_o        = 1'b0;
    wfi_o         = 1'b0;
    fencei_o      = 1'b0;
    pause_o       = 1'b0;
    hart_start_o  = 1'b0;
    hart_exit_o   = 1'b0;
    pex_spawn_o   = 1'b0;
    pex_stop_o    = 1'b0;
    pex_cancel_o  = 1'b0;

    unique case (opcode)
      OpcLui: begin
        writes_rd   = 1'b1;
        imm_o       = imm_u_type;
        alu_a_sel_o = AluAZero;
      end
      OpcAuipc: begin
        writes_rd   = 1'b1;
        imm_o       = imm_u_type;
        alu_a_sel_o = AluAPc;
      end
      OpcJal: begin
        writes_rd = 1'b1;
        jal_o     = 1'b1;
        imm_o     = imm_j_type;
      end
      OpcJalr: begin
        writes_rd  = 1'b1;
        jalr_o     = 1'b1;
        rs1_used_o = 1'b1;
        illegal_o  = (funct3 != 3'd0);
      end
      OpcBranch: begin
        branch_o   = 1'b1;
        rs1_used_o = 1'b1;
        rs2_used_o = 1'b1;
        imm_o      = imm_b_type;
        illegal_o  = (funct3 == 3'd2) || (funct3 == 3'd3);
      end
      OpcLoad: begin
        writes_rd     = 1'b1;
        rs1_used_o    = 1'b1;
        mem_o         = 1'b1;
        mem_op_o      = DopLoad;
        late_result_o = 1'b1;
        illegal_o     = (funct3 == 3'd3) || (funct3 == 3'd6) || (funct3 == 3'd7);
      end
      OpcStore: begin
        rs1_used_o = 1'b1;
        rs2_used_o = 1'b1;
        mem_o      = 1'b1;
        mem_op_o   = DopStore;
        imm_o      = imm_s_type;
        illegal_o  = (funct3 > 3'd2);
      end
      OpcOpImm: begin
        writes_rd  = 1'b1;
        rs1_used_o = 1'b1;
        unique case (funct3)
          3'd0: alu_op_o = AluAdd;
          3'd2: alu_op_o = AluSlt;
          3'd3: alu_op_o = AluSltu;
          3'd4: alu_op_o = AluXor;
          3'd6: alu_op_o = AluOr;
          3'd7: alu_op_o = AluAnd;
          3'd1: begin
            alu_op_o  = AluSll;
            illegal_o = (funct7 != 7'd0);
          end
          default: begin  // 3'd5
            alu_op_o  = (funct7 == Funct7Alt) ? AluSra : AluSrl;
            illegal_o = (funct7 != 7'd0) && (funct7 != Funct7Alt);
          end
        endcase
        // Zicbop prefetch.r/.w (ORI x0 with imm[4:0] = 1/3): the result
        // goes to x0, so EX may compute the line address rs1 + imm[11:5]<<5
        // instead; outrider_commit sends it to the data cache as a hint
        if (is_prefetch_rw(instr_i)) begin
          alu_op_o = AluAdd;
          imm_o    = {imm_i_type[31:5], 5'd0};
        end
      end
      OpcOp: begin
        writes_rd   = 1'b1;
        rs1_used_o  = 1'b1;
        rs2_used_o  = 1'b1;
        alu_b_imm_o = 1'b0;
        if (funct7 == Funct7MulDiv) begin
          unique case (funct3)
            3'd0: alu_op_o = AluMul;
            3'd1: alu_op_o = AluMulh;
            3'd2: alu_op_o = AluMulhsu;
            3'd3: alu_op_o = AluMulhu;
            default: begin
              div_o         = 1'b1;
              late_result_o = 1'b1;
            end
          endcase
        end else begin
          unique case (funct3)
            3'd0: alu_op_o = (funct7 == Funct7Alt) ? AluSub : AluAdd;
            3'd1: alu_op_o = AluSll;
            3'd2: alu_op_o = AluSlt;
            3'd3: alu_op_o = AluSltu;
            3'd4: alu_op_o = AluXor;
            3'd5: alu_op_o = (funct7 == Funct7Alt) ? AluSra : AluSrl;
            3'd6: alu_op_o = AluOr;
            default: alu_op_o = AluAnd;
          endcase
          illegal_o = !((funct7 == 7'd0) ||
                        ((funct7 == Funct7Alt) && ((funct3 == 3'd0) || (funct3 == 3'd5))));
        end
      end
      OpcAmo: begin
        writes_rd     = 1'b1;
        rs1_used_o    = 1'b1;
        mem_o         = 1'b1;
        late_result_o = 1'b1;
        imm_o         = 32'd0;
        if (funct5 == Funct5Lr) begin
          mem_op_o  = DopLr;
          illegal_o = (rs2_o != 5'd0);
        end else if (funct5 == Funct5Sc) begin
          mem_op_o   = DopSc;
          rs2_used_o = 1'b1;
        end else begin
          mem_op_o   = DopAmo;
          rs2_used_o = 1'b1;
          illegal_o  = !((funct5 == AmoAdd) || (funct5 == AmoSwap) || (funct5 == AmoXor) ||
                         (funct5 == AmoOr)  || (funct5 == AmoAnd)  || (funct5 == AmoMin) ||
                         (funct5 == AmoMax) || (funct5 == AmoMinu) || (funct5 == AmoMaxu));
        end
        if (funct3 != 3'd2) illegal_o = 1'b1;
      end
      OpcMiscMem: begin
        if (funct3 == 3'd1) begin
          fencei_o = 1'b1;       // FENCE.I: also a data-side fence
          mem_o    = 1'b1;
          mem_op_o = DopFence;
        end else if (funct3 == 3'd0) begin
          pause_o = (instr_i == InstrPause);  // other FENCEs: nothing to order here
        end else begin
          illegal_o = 1'b1;
        end
      end
      OpcSystem: begin
        if (funct3 == 3'd0) begin
          unique case (instr_i)
            InstrEcall:  ecall_o  = 1'b1;
            InstrEbreak: ebreak_o = 1'b1;
            InstrMret:   mret_o   = 1'b1;
            InstrWfi:    wfi_o    = 1'b1;
            default:     illegal_o = 1'b1;
          endcase
        end else if (funct3 == 3'd4) begin
          illegal_o = 1'b1;
        end else begin
          csr_o         = 1'b1;
          writes_rd     = 1'b1;
          late_result_o = 1'b1;
          rs1_used_o    = !funct3[2];     // CSRR[WSC]I use the rs1 field as an immediate
        end
      end
      OpcCustom0: begin
        if ((funct3 == CustomF3Hart) && (funct7 == CustomF7HartStart)) begin
          hart_start_o  = 1'b1;
          writes_rd     = 1'b1;
          late_result_o = 1'b1;
          rs1_used_o    = 1'b1;
          rs2_used_o    = 1'b1;
        end else if ((funct3 == CustomF3Hart) && (funct7 == CustomF7HartExit)) begin
          hart_exit_o = 1'b1;
        end else if ((funct3 == CustomF3Pex) && (funct7 == CustomF7PexStop)) begin
          pex_stop_o = 1'b1;
        end else if ((funct3 == CustomF3Pex) && (funct7 == CustomF7PexCancel)) begin
          pex_cancel_o = 1'b1;
        end else begin
          illegal_o = 1'b1;
        end
      end
      OpcCustom1: begin      // pex.spawn rd, label: rd = context or 0
        pex_spawn_o   = 1'b1;
        writes_rd     = 1'b1;
        late_result_o = 1'b1;
        imm_o         = imm_j_type;
        alu_a_sel_o   = AluAPc;   // the ALU computes the p-thread's start PC
      end
      default: illegal_o = 1'b1;
    endcase

    if (instr_i[1:0] != 2'b11) illegal_o = 1'b1;  // no compressed instructions
  end

  assign rd_we_o = writes_rd && (rd_o != 5'd0) && !illegal_o;
endmodule
