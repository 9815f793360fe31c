// SPDX-License-Identifier: Apache-2.0
// outrider_alu: the single-cycle integer unit of the EX stage: RV32I
// arithmetic/logic/shift operations and the RV32M multiplications (a full
// 33x33 multiply; yosys maps it to DSP blocks where the device has them).
// Divisions are not here: they are iterative (outrider_divider).
module outrider_alu (
  input  logic [3:0]  op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o
);
  `include "outrider_isa.svh"

  // signed x signed, signed x unsigned and unsigned x unsigned products all
  // come from one 33x33 signed multiply with per-operand sign extension
  logic        a_signed, b_signed;
  logic [32:0] a_ext, b_ext;
  logic [65:0] product;
  assign a_signed = (op_i == AluMulh) || (op_i == AluMulhsu);
  assign b_signed = (op_i == AluMulh);
  assign a_ext    = {a_signed & a_i[31], a_i};
  assign b_ext    = {b_signed & b_i[31], b_i};
  assign product  = 66'($signed(a_ext) * $signed(b_ext));

  logic [4:0] shamt;
  assign shamt = b_i[4:0];

  always_comb begin
    unique case (op_i)
      AluAdd:    result_o = a_i + b_i;
      AluSub:    result_o = a_i - b_i;
      AluSll:    result_o = a_i << shamt;
      AluSlt:    result_o = {31'd0, $signed(a_i) < $signed(b_i)};
      AluSltu:   result_o = {31'd0, a_i < b_i};
      AluXor:    result_o = a_i ^ b_i;
      AluSrl:    result_o = a_i >> shamt;
      AluSra:    result_o = 32'($signed(a_i) >>> shamt);
      AluOr:     result_o = a_i | b_i;
      AluAnd:    result_o = a_i & b_i;
      AluMul:    result_o = product[31:0];
      AluMulh, AluMulhsu, AluMulhu: result_o = product[63:32];
      default:   result_o = a_i + b_i;
    endcase
  end

  logic unused_product;
  assign unused_product = ^product[65:64];
endmodule
