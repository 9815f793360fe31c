// SPDX-License-Identifier: Apache-2.0
// tb_amo_alu: unit bench for outrider_amo_alu. Every AMO funct5 against a
// reference (directed signed/unsigned edge values and random operands), and
// an unknown funct5 returning the old value.
`timescale 1ns/1ps
module tb_amo_alu;
  `include "outrider_defs.svh"
  `include "tb_common.svh"

  logic [4:0]  op;
  logic [31:0] old_v, opnd, new_v;

  outrider_amo_alu u_dut (.op_i (op), .old_i (old_v), .operand_i (opnd), .new_o (new_v));

  localparam int NumOps = 9;
  logic [4:0] ops [0:NumOps-1];

  function automatic logic [31:0] ref_amo(input logic [4:0] o, input logic [31:0] m,
                                          input logic [31:0] r);
    integer sm, sr;
    sm = m;
    sr = r;
    case (o)
      AmoAdd:  ref_amo = m + r;
      AmoSwap: ref_amo = r;
      AmoXor:  ref_amo = m ^ r;
      AmoOr:   ref_amo = m | r;
      AmoAnd:  ref_amo = m & r;
      AmoMin:  ref_amo = (sm <= sr) ? m : r;
      AmoMax:  ref_amo = (sm >= sr) ? m : r;
      AmoMinu: ref_amo = ({1'b0, m} <= {1'b0, r}) ? m : r;
      AmoMaxu: ref_amo = ({1'b0, m} >= {1'b0, r}) ? m : r;
      default: ref_amo = m;
    endcase
  endfunction

  task automatic check(input logic [4:0] o, input logic [31:0] m, input logic [31:0] r);
    logic [31:0] e;
    op = o; old_v = m; opnd = r;
    #1;
    e = ref_amo(o, m, r);
    `CHECK(new_v == e, $sformatf("amo funct5=%b old=%h operand=%h: %h, expected %h", o, m, r, new_v, e))
  endtask

  localparam int NumEdge = 8;
  logic [31:0] edges [0:NumEdge-1];

  initial begin
    ops[0] = AmoAdd; ops[1] = AmoSwap; ops[2] = AmoXor; ops[3] = AmoOr; ops[4] = AmoAnd;
    ops[5] = AmoMin; ops[6] = AmoMax;  ops[7] = AmoMinu; ops[8] = AmoMaxu;
    edges[0] = 32'd0; edges[1] = 32'd1; edges[2] = 32'hFFFF_FFFF; edges[3] = 32'h8000_0000;
    edges[4] = 32'h7FFF_FFFF; edges[5] = 32'h8000_0001; edges[6] = 32'd5; edges[7] = 32'hFFFF_FFFB;

    // A few hand-computed cases, so the reference itself is checked.
    check(AmoMin,  32'hFFFF_FFFF, 32'd1);  `CHECK(new_v == 32'hFFFF_FFFF, "min(-1, 1) = -1")
    check(AmoMinu, 32'hFFFF_FFFF, 32'd1);  `CHECK(new_v == 32'd1, "minu(0xffffffff, 1) = 1")
    check(AmoMax,  32'h8000_0000, 32'd0);  `CHECK(new_v == 32'd0, "max(-2^31, 0) = 0")
    check(AmoMaxu, 32'h8000_0000, 32'd0);  `CHECK(new_v == 32'h8000_0000, "maxu(2^31, 0) = 2^31")
    check(AmoAdd,  32'hFFFF_FFFF, 32'd2);  `CHECK(new_v == 32'd1, "add wraps")

    for (int k = 0; k < NumOps; k++)
      for (int i = 0; i < NumEdge; i++)
        for (int j = 0; j < NumEdge; j++)
          check(ops[k], edges[i], edges[j]);
    for (int n = 0; n < 2000; n++) check(ops[n % NumOps], $random, $random);

    // Unknown funct5 (e.g. LR/SC encodings) leaves memory unchanged.
    check(5'b00010, 32'h1234_5678, 32'h9999_9999);
    check(5'b00011, 32'h1234_5678, 32'h9999_9999);
    `CHECK(new_v == 32'h1234_5678, "unknown funct5 returns old value")

    finish("amo_alu");
  end
endmodule
