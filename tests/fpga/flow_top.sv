// SPDX-License-Identifier: Apache-2.0
// flow_top: the smallest design with the shape of a board top (a PLL whose
// output is the clock of a submodule, renamed by flattening), for
// tests/fpga/test_fpga_flow.py. flow_top_nopll: the same without a PLL.
module flow_counter (
  input  logic       clk_i,
  input  logic       rst_ni,
  output logic [7:0] led_o
);
  logic [23:0] count_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) count_q <= '0;
    else         count_q <= count_q + 24'd1;
  end
  assign led_o = count_q[23:16];
endmodule

module flow_top (
  input  logic       clk_12mhz,
  output logic [7:0] led
);
  logic clk, locked;
  /* verilator lint_off PINCONNECTEMPTY */
  SB_PLL40_CORE #(
    .FEEDBACK_PATH("SIMPLE"),
    .DIVR(4'b0000), .DIVF(7'b1010100), .DIVQ(3'b110), .FILTER_RANGE(3'b001)
  ) u_pll (
    .REFERENCECLK(clk_12mhz), .PLLOUTGLOBAL(clk), .LOCK(locked),
    .EXTFEEDBACK(1'b0), .DYNAMICDELAY(8'h00), .BYPASS(1'b0), .RESETB(1'b1),
    .LATCHINPUTVALUE(1'b0), .SDI(1'b0), .SCLK(1'b0),
    .PLLOUTCORE(), .SDO()
  );
  /* verilator lint_on PINCONNECTEMPTY */
  flow_counter u_fpga (.clk_i(clk), .rst_ni(locked), .led_o(led));
endmodule

module flow_top_nopll (
  input  logic       clk_12mhz,
  output logic [7:0] led
);
  flow_counter u_fpga (.clk_i(clk_12mhz), .rst_ni(1'b1), .led_o(led));
endmodule
