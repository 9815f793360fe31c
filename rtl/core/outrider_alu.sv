// SPDX-License-Identifier: Apache-2.0
// outrider_alu: the single-cycle integer unit of the EX stage: RV32I
// arithmetic/logic/shift operations. The RV32M multiplications are not here
// (outrider_mul, beside it in EX: result_o is 0 for them), nor the
// divisions (outrider_divider, iterative).
//
// Built for a late operand (outrider_execute forwards a word load's answer
// into a_i/b_i late in the cycle): one adder serves add, sub, slt and sltu
// (a + ~b + 1 for the last three; the compares from its carry and sign), the
// logic operations are one LUT per bit, and the result is an AND-OR of the
// four kinds under selects that depend on op_i only (a register in EX), so
// after the adder's carry chain or the shifter there are about two LUT
// levels, not the chain of a case statement.
module outrider_alu (
  input  logic [3:0]  op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  input  logic [4:0]  shamt_i,   // b_i[4:0], but never the late operand (outrider_execute)
  output logic [31:0] result_o
);
  `include "outrider_isa.svh"

  // selects (from op_i only)
  logic sub, sel_sum, sel_lt, sel_sll, sel_sr, sel_logic, lt_signed, sr_arith, log_xor, log_or;
  assign sub       = (op_i == AluSub) || (op_i == AluSlt) || (op_i == AluSltu);
  assign sel_sum   = (op_i == AluAdd) || (op_i == AluSub) || (op_i > AluMulhu);
  assign sel_lt    = (op_i == AluSlt) || (op_i == AluSltu);
  assign lt_signed = (op_i == AluSlt);
  assign sel_sll   = (op_i == AluSll);
  assign sel_sr    = (op_i == AluSrl) || (op_i == AluSra);
  assign sr_arith  = (op_i == AluSra);
  assign sel_logic = (op_i == AluXor) || (op_i == AluOr) || (op_i == AluAnd);
  assign log_xor   = (op_i == AluXor);
  assign log_or    = (op_i == AluOr);

  // add / subtract / compare: one adder. a < b when a + ~b + 1 carries
  // nothing out; for slt with both sign bits flipped first (a signed compare
  // is the unsigned compare of the operands offset by 2^31), so the compare
  // is the carry alone, one LUT from the end of the chain
  logic [31:0] a_add, b_add;
  logic [32:0] sum;
  logic        lt;
  assign a_add = {a_i[31] ^ lt_signed, a_i[30:0]};
  assign b_add = {b_i[31] ^ lt_signed, b_i[30:0]} ^ {32{sub}};
  assign sum   = {1'b0, a_add} + {1'b0, b_add} + 33'(sub);
  assign lt    = !sum[32];

  // shifts
  logic [31:0] sll, sr;
  assign sll = a_i << shamt_i;
  assign sr  = 32'($signed({sr_arith && a_i[31], a_i}) >>> shamt_i);

  // logic: xor, or, and
  logic [31:0] logic_r;
  assign logic_r = log_xor ? (a_i ^ b_i) : (log_or ? (a_i | b_i) : (a_i & b_i));

  // the sum and the compare last: they come from the carry chain (keep: so
  // the mapper does not fold them into the shifters' multiplexers; it sees
  // the chain's outputs as arriving early)
  (* keep *) logic [31:0] res_rest;
  assign res_rest = ({32{sel_sll}}   & sll) |
                    ({32{sel_sr}}    & sr) |
                    ({32{sel_logic}} & logic_r);
  assign result_o = sel_sum ? sum[31:0] : (sel_lt ? {31'd0, lt} : res_rest);
endmodule
