// SPDX-License-Identifier: Apache-2.0
// tb_divider: unit bench for outrider_divider. Checks all four operations
// against a reference written from the RISC-V M-extension rules (division
// by zero, signed overflow, directed edge values, random operands), the
// start -> done timing (1 + one step per significant bit of the dividend's
// magnitude, at least one, 32 for a division by zero; busy in between),
// result hold after done, and that a start while busy is ignored.
`timescale 1ns/1ps
module tb_divider;
  `include "outrider_defs.svh"
  `include "tb_common.svh"

  localparam int MaxLatency = 33;   // start cycle -> done cycle, at most
  localparam int NumRandom = 4000;

  logic        clk = 1'b0, rst_n = 1'b0;
  logic        start = 1'b0;
  logic [1:0]  op = '0;
  logic [31:0] a = '0, b = '0;
  logic        busy, done;
  logic [31:0] result;

  always #5 clk = ~clk;

  outrider_divider u_dut (
    .clk_i (clk), .rst_ni (rst_n), .start_i (start), .op_i (op),
    .a_i (a), .b_i (b), .busy_o (busy), .done_o (done), .result_o (result)
  );

  // Reference: the table in the RISC-V M-extension chapter.
  function automatic logic [31:0] ref_div(input logic [1:0] o, input logic [31:0] x,
                                          input logic [31:0] y);
    logic [31:0] r;
    if (y == 32'd0) begin
      r = (o == DivOpDiv || o == DivOpDivu) ? 32'hFFFF_FFFF : x;
    end else if (x == 32'h8000_0000 && y == 32'hFFFF_FFFF && o == DivOpDiv) begin
      r = 32'h8000_0000;
    end else if (x == 32'h8000_0000 && y == 32'hFFFF_FFFF && o == DivOpRem) begin
      r = 32'd0;
    end else begin
      case (o)
        DivOpDiv:  r = $signed(x) / $signed(y);
        DivOpDivu: r = x / y;
        DivOpRem:  r = $signed(x) % $signed(y);
        default:   r = x % y;
      endcase
    end
    ref_div = r;
  endfunction

  // start cycle -> done cycle: 1 + the steps, one per significant bit of
  // the dividend's magnitude (at least one), 32 for a division by zero
  function automatic int ref_latency(input logic [1:0] o, input logic [31:0] x,
                                     input logic [31:0] y);
    logic [31:0] mag;
    int bits;
    mag = ((o == DivOpDiv || o == DivOpRem) && x[31]) ? -x : x;
    bits = 1;
    for (int i = 0; i < 32; i++)
      if (mag[i]) bits = i + 1;
    ref_latency = (y == 32'd0) ? MaxLatency : 1 + bits;
  endfunction

  function automatic string op_name(input logic [1:0] o);
    case (o)
      DivOpDiv:  op_name = "div";
      DivOpDivu: op_name = "divu";
      DivOpRem:  op_name = "rem";
      default:   op_name = "remu";
    endcase
  endfunction

  // Start an operation at the next cycle, wait for done, check the result
  // and the exact latency; busy must be high on every cycle in between.
  task automatic run_op(input logic [1:0] o, input logic [31:0] x, input logic [31:0] y);
    int cycles;
    bit busy_ok;
    logic [31:0] expect_r;
    expect_r = ref_div(o, x, y);
    @(posedge clk); #1;
    start = 1'b1; op = o; a = x; b = y;
    @(posedge clk); #1;
    start = 1'b0; a = $random; b = $random; op = $random;  // operands are only sampled at start
    cycles = 1;
    busy_ok = 1'b1;
    while (!done && cycles < 100) begin
      if (!busy) busy_ok = 1'b0;
      @(posedge clk); #1;
      cycles++;
    end
    `CHECK(done && result == expect_r,
           $sformatf("%s 0x%08h, 0x%08h = 0x%08h, expected 0x%08h", op_name(o), x, y, result, expect_r))
    `CHECK(cycles == ref_latency(o, x, y),
           $sformatf("%s 0x%08h, 0x%08h: latency %0d cycles, expected %0d", op_name(o), x, y,
                     cycles, ref_latency(o, x, y)))
    `CHECK(busy_ok && !busy, "busy_o must be high from the cycle after start until done")
  endtask

  localparam int NumEdge = 12;
  logic [31:0] edge_vals [0:NumEdge-1];

  initial watchdog("divider", 64'd50_000_000);

  initial begin
    edge_vals[0] = 32'd0;           edge_vals[1]  = 32'd1;          edge_vals[2] = 32'd2;
    edge_vals[3] = 32'd7;           edge_vals[4]  = 32'hFFFF_FFFF;  edge_vals[5] = 32'hFFFF_FFFE;
    edge_vals[6] = 32'hFFFF_FFF9;   edge_vals[7]  = 32'h8000_0000;  edge_vals[8] = 32'h8000_0001;
    edge_vals[9] = 32'h7FFF_FFFF;   edge_vals[10] = 32'h0001_0000;  edge_vals[11] = 32'h1234_5678;

    repeat (3) @(posedge clk);
    #1 rst_n = 1'b1;
    `CHECK(!busy && !done, "idle after reset")

    // Named corner cases.
    run_op(DivOpDiv,  32'd20, 32'd0);            // div by zero -> -1
    run_op(DivOpDivu, 32'd20, 32'd0);
    run_op(DivOpRem,  32'hFFFF_FFEC, 32'd0);     // rem by zero -> dividend (-20)
    run_op(DivOpRemu, 32'hFFFF_FFEC, 32'd0);
    run_op(DivOpDiv,  32'h8000_0000, 32'hFFFF_FFFF);  // overflow
    run_op(DivOpRem,  32'h8000_0000, 32'hFFFF_FFFF);
    run_op(DivOpDiv,  32'hFFFF_FFF9, 32'd2);     // -7 / 2 = -3 (round toward zero)
    run_op(DivOpRem,  32'hFFFF_FFF9, 32'd2);     // -7 % 2 = -1
    run_op(DivOpDiv,  32'd7, 32'hFFFF_FFFE);     // 7 / -2 = -3
    run_op(DivOpRem,  32'd7, 32'hFFFF_FFFE);     // 7 % -2 = 1

    // Every pair of edge values, every op.
    for (int o = 0; o < 4; o++)
      for (int i = 0; i < NumEdge; i++)
        for (int j = 0; j < NumEdge; j++)
          run_op(o[1:0], edge_vals[i], edge_vals[j]);

    // Random operands, with small divisors and dividends mixed in.
    for (int n = 0; n < NumRandom; n++) begin
      logic [31:0] x, y;
      x = $random;
      y = $random;
      if (n % 4 == 1) y = y >> (y[4:0]);
      if (n % 4 == 2) x = x >> (x[4:0]);
      if (n % 16 == 3) y = 32'd0;
      run_op(n[1:0], x, y);
    end

    // Result is held after done until the next start.
    run_op(DivOpDivu, 32'd100, 32'd7);
    repeat (5) @(posedge clk);
    #1 `CHECK(result == 32'd14 && !done && !busy, "result held after done")

    // A start while busy is ignored: the first operation completes unchanged.
    @(posedge clk); #1;
    start = 1'b1; op = DivOpDivu; a = 32'd1000; b = 32'd10;
    @(posedge clk); #1;
    start = 1'b1; op = DivOpRemu; a = 32'd77; b = 32'd5;   // ignored
    @(posedge clk); #1;
    start = 1'b0;
    begin
      int cycles;
      cycles = 2;
      while (!done && cycles < 100) begin @(posedge clk); #1; cycles++; end
      `CHECK(done && result == 32'd100, $sformatf("start while busy must be ignored: got %0d", result))
      `CHECK(cycles == ref_latency(DivOpDivu, 32'd1000, 32'd10),
             $sformatf("latency with an ignored start: %0d", cycles))
      @(posedge clk); #1;
      `CHECK(!busy && !done, "no second operation after an ignored start")
    end

    // A start in the done cycle is accepted.
    @(posedge clk); #1;
    start = 1'b1; op = DivOpDivu; a = 32'd90; b = 32'd9;
    @(posedge clk); #1;
    start = 1'b0;
    while (!done) begin @(posedge clk); #1; end
    start = 1'b1; op = DivOpRemu; a = 32'd95; b = 32'd9;   // in the done cycle
    `CHECK(result == 32'd10, "first of back-to-back")
    @(posedge clk); #1;
    start = 1'b0;
    `CHECK(busy, "start in the done cycle accepted")
    while (!done) begin @(posedge clk); #1; end
    `CHECK(result == 32'd5, "second of back-to-back")

    // Asynchronous reset in the middle of an operation.
    @(posedge clk); #1;
    start = 1'b1; op = DivOpDiv; a = 32'd50; b = 32'd5;
    @(posedge clk); #1;
    start = 1'b0;
    repeat (4) @(posedge clk);
    #1 rst_n = 1'b0;
    #1 `CHECK(!busy && !done && result == 32'd0, "reset clears the divider")
    #1 rst_n = 1'b1;
    repeat (40) begin
      @(posedge clk); #1;
      `CHECK(!done, "no done after a reset mid-operation")
    end

    finish("divider");
  end
endmodule
