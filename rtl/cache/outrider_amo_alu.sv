// SPDX-License-Identifier: Apache-2.0
// outrider_amo_alu: the "modify" step of a RISC-V word AMO (A extension).
//
// Purely combinational: new_o = op(old_i, operand_i), where old_i is the
// value read from memory and operand_i is rs2. op_i is the AMO funct5
// (AmoAdd .. AmoMaxu from outrider_defs.svh). MIN/MAX compare signed,
// MINU/MAXU unsigned.
//
// What it does not do: LR/SC (they are not read-modify-write) and doubleword
// AMOs (RV32 only). An unknown funct5 yields old_i (memory left unchanged);
// the core decodes AMOs and never sends one.
module outrider_amo_alu (
  input  logic [4:0]  op_i,
  input  logic [31:0] old_i,
  input  logic [31:0] operand_i,
  output logic [31:0] new_o
);
  `include "outrider_defs.svh"

  logic lt_signed, lt_unsigned;
  assign lt_signed   = $signed(old_i) < $signed(operand_i);
  assign lt_unsigned = old_i < operand_i;

  always_comb begin
    case (op_i)
      AmoAdd:  new_o = old_i + operand_i;
      AmoSwap: new_o = operand_i;
      AmoXor:  new_o = old_i ^ operand_i;
      AmoOr:   new_o = old_i | operand_i;
      AmoAnd:  new_o = old_i & operand_i;
      AmoMin:  new_o = lt_signed   ? old_i : operand_i;
      AmoMax:  new_o = lt_signed   ? operand_i : old_i;
      AmoMinu: new_o = lt_unsigned ? old_i : operand_i;
      AmoMaxu: new_o = lt_unsigned ? operand_i : old_i;
      default: new_o = old_i;
    endcase
  end
endmodule
