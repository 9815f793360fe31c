// SPDX-License-Identifier: Apache-2.0
// outrider_mul: the RV32M multiplier of the EX stage (MUL, MULH, MULHSU,
// MULHU): one 33x33 signed multiply with per-operand sign extension, which
// yosys maps to DSP blocks where the device has them (four MULT18X18D on
// ECP5) and their adders.
//
// It is not: the ALU (outrider_alu: the RV32I operations) or the divider
// (outrider_divider, iterative, in WB).
//
// Timing: combinational, single cycle. Its operands are the forwarded
// register values (a multiply never takes the PC or an immediate), and the
// EX stage chooses its result last (outrider_execute), so the DSP blocks
// and their adders are followed by two LUT levels only.
module outrider_mul (
  input  logic        a_signed_i,   // MULH, MULHSU: rs1 is signed
  input  logic        b_signed_i,   // MULH: rs2 is signed
  input  logic        high_i,       // MULH, MULHSU, MULHU: the upper 32 bits
  input  logic [31:0] a_i,          // rs1
  input  logic [31:0] b_i,          // rs2
  output logic [31:0] result_o
);
  logic [32:0] a_ext, b_ext;
  logic [65:0] product;
  assign a_ext    = {a_signed_i & a_i[31], a_i};
  assign b_ext    = {b_signed_i & b_i[31], b_i};
  assign product  = 66'($signed(a_ext) * $signed(b_ext));
  assign result_o = high_i ? product[63:32] : product[31:0];

  logic unused_product;
  assign unused_product = ^product[65:64];
endmodule
