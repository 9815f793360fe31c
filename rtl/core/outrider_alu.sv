// SPDX-License-Identifier: Apache-2.0
// outrider_alu: the single-cycle integer unit of the EX stage: RV32I
// arithmetic/logic/shift operations. The RV32M multiplications are not here
// (outrider_mul, beside it in EX: result_o is 0 for them), nor the
// divisions (outrider_divider, iterative).
module outrider_alu (
  input  logic [3:0]  op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o
);
  `include "outrider_isa.svh"

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
      AluMul, AluMulh, AluMulhsu, AluMulhu: result_o = 32'd0;   // outrider_mul
      default:   result_o = a_i + b_i;
    endcase
  end
endmodule
