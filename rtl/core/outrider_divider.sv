// SPDX-License-Identifier: Apache-2.0
// outrider_divider: iterative radix-2 divider for the RV32M DIV/DIVU/REM/REMU
// instructions.
//
// What it does
// - One restoring-division step per cycle on the operand magnitudes, then a
//   sign fix. Steps for the dividend's leading zero bits are skipped (they
//   only shift zeros: the partial remainder stays 0, below any divisor but
//   0), so an operation takes one step per significant bit of the
//   dividend's magnitude (at least one), and all 32 for a division by zero.
//   Timing: start_i sampled in cycle T (while not busy) -> busy_o high in
//   cycles T+1 .. T+S -> done_o (one-cycle pulse) in cycle T+S+1 with
//   result_o valid, S = the steps (1..32: `k % 9` with k < 64 takes 6, a
//   dividend of 2^31 or more 32). result_o holds its value until the next
//   accepted start.
// - RISC-V corner cases exactly as the ISA manual specifies:
//     x / 0           -> quotient all ones (DIV and DIVU), remainder = x;
//     -2^31 / -1 (DIV) -> quotient -2^31, remainder 0.
//   Both fall out of the unsigned algorithm on magnitudes; the only special
//   rule is "never negate the quotient of a division by zero".
//
// What it does not do
// - No radix-4 steps and no early end at the divisor's size: one quotient bit
//   per cycle.
// - start_i while busy_o is high is ignored (the core never does it); a new
//   start in the done_o cycle is accepted.
// - No flush input: the core drops an unwanted result by ignoring done_o.
module outrider_divider (
  input  logic        clk_i,
  input  logic        rst_ni,

  input  logic        start_i,
  input  logic [1:0]  op_i,      // DivOpDiv / DivOpDivu / DivOpRem / DivOpRemu
  input  logic [31:0] a_i,       // dividend
  input  logic [31:0] b_i,       // divisor

  output logic        busy_o,
  output logic        done_o,    // one-cycle pulse, result_o valid
  output logic [31:0] result_o
);
  `include "outrider_defs.svh"

  localparam int Steps = 32;
  localparam int CntW  = $clog2(Steps);
  localparam logic [CntW-1:0] LastStep = CntW'(Steps - 1);

  logic            busy_q, busy_d;
  logic            done_q, done_d;
  logic [CntW-1:0] cnt_q, cnt_d;
  logic [31:0]     rem_q, rem_d;     // partial remainder
  logic [31:0]     quo_q, quo_d;     // dividend bits shifting out, quotient bits in
  logic [31:0]     dvs_q, dvs_d;     // divisor magnitude
  logic            neg_q, neg_d;     // negate the final result
  logic            want_rem_q, want_rem_d;
  logic [31:0]     result_q, result_d;

  // Operand magnitudes and signs at start.
  logic        is_signed, a_neg, b_neg, want_rem;
  logic [31:0] a_abs, b_abs;
  assign is_signed = (op_i == DivOpDiv) || (op_i == DivOpRem);
  assign want_rem  = (op_i == DivOpRem) || (op_i == DivOpRemu);
  assign a_neg     = is_signed & a_i[31];
  assign b_neg     = is_signed & b_i[31];
  assign a_abs     = a_neg ? (~a_i + 32'd1) : a_i;
  assign b_abs     = b_neg ? (~b_i + 32'd1) : b_i;

  // Steps skipped at start: the dividend magnitude's leading zeros (at most
  // 31: a zero dividend takes one step), none for a division by zero (every
  // step "fits" and sets a quotient bit). The dividend starts shifted by as
  // many bits as the skipped steps would have shifted out.
  logic [CntW-1:0] skip;
  always_comb begin
    skip = CntW'(Steps - 1);
    for (int i = 0; i < Steps - 1; i++)
      if (a_abs[i + 1]) skip = CntW'(Steps - 2 - i);
    if (b_abs == 32'd0) skip = '0;
  end

  // One restoring step: shift the next dividend bit into the remainder and
  // subtract the divisor if it fits.
  logic [32:0] rem_shift;
  logic [33:0] diff;
  logic        fits;
  logic        unused_diff;
  logic [31:0] step_rem, step_quo, step_res;
  assign rem_shift = {rem_q, quo_q[31]};
  assign diff      = {1'b0, rem_shift} - {2'b00, dvs_q};
  assign fits      = ~diff[33];
  assign unused_diff = diff[32];   // 0 whenever the difference is used
  assign step_rem  = fits ? diff[31:0] : rem_shift[31:0];
  assign step_quo  = {quo_q[30:0], fits};
  assign step_res  = want_rem_q ? step_rem : step_quo;

  always_comb begin
    busy_d     = busy_q;
    done_d     = 1'b0;
    cnt_d      = cnt_q;
    rem_d      = rem_q;
    quo_d      = quo_q;
    dvs_d      = dvs_q;
    neg_d      = neg_q;
    want_rem_d = want_rem_q;
    result_d   = result_q;

    if (busy_q) begin
      rem_d = step_rem;
      quo_d = step_quo;
      cnt_d = cnt_q + 1'b1;
      if (cnt_q == LastStep) begin
        busy_d   = 1'b0;
        done_d   = 1'b1;
        result_d = neg_q ? (~step_res + 32'd1) : step_res;
      end
    end else if (start_i) begin
      busy_d     = 1'b1;
      cnt_d      = skip;
      rem_d      = '0;
      quo_d      = a_abs << skip;
      dvs_d      = b_abs;
      want_rem_d = want_rem;
      // Remainder takes the dividend's sign; the quotient is negative when
      // the signs differ, except for a division by zero (all ones).
      neg_d      = want_rem ? a_neg : ((a_neg ^ b_neg) && (b_i != 32'd0));
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      busy_q     <= 1'b0;
      done_q     <= 1'b0;
      cnt_q      <= '0;
      rem_q      <= '0;
      quo_q      <= '0;
      dvs_q      <= '0;
      neg_q      <= 1'b0;
      want_rem_q <= 1'b0;
      result_q   <= '0;
    end else begin
      busy_q     <= busy_d;
      done_q     <= done_d;
      cnt_q      <= cnt_d;
      rem_q      <= rem_d;
      quo_q      <= quo_d;
      dvs_q      <= dvs_d;
      neg_q      <= neg_d;
      want_rem_q <= want_rem_d;
      result_q   <= result_d;
    end
  end

  assign busy_o   = busy_q;
  assign done_o   = done_q;
  assign result_o = result_q;
endmodule
