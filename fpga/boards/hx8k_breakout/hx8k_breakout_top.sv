// SPDX-License-Identifier: Apache-2.0
// hx8k_breakout_top: Outrider on the Lattice iCE40-HX8K Breakout Board
// (iCE40HX8K-CT256, 12 MHz oscillator). Pins: hx8k_breakout.pcf. Flow:
// fpga/fpga.mk, docs/fpga.md.
//
// The full core does not fit an HX8K: fpga/boards/hx8k_breakout/board.mk
// selects the smallest configuration the RTL accepts, and `make fpga
// BOARD=hx8k_breakout` stops after packing with the utilisation when even
// that does not fit (docs/fpga.md, "iCE40").
//
// Clock: 12 MHz through the SB_PLL40_CORE. The iCE40 PLL cannot go below
// 16 MHz; `icepll -i 12 -o 16` gives DIVR 0, DIVF 84, DIVQ 6, FILTER_RANGE 1
// = 15.9375 MHz, the lowest setting (an HX part is slower than an ECP5,
// where the core reaches ~20 MHz).
// Reset: the board has no user button; the PLL lock is the reset.
module hx8k_breakout_top #(
  parameter int NumCtx        = 1,
  parameter int DcacheBytes   = 64,     // 2 sets x 32-byte line x 1 way: the minimum
  parameter int DcacheWays    = 1,
  parameter int DcacheMshrs   = 1,
  parameter int PexMshrReserve = DcacheMshrs / 4,  // as outrider_soc: a quarter of the MSHRs
  parameter int PexMissWait   = 1,
  parameter int StoreBufEntries = 1,
  parameter int RamBytes      = 8192,
  parameter int MemWaitStates = 0,
  parameter     BootRomHex    = "bootrom.hex"
) (
  input  logic       clk_12mhz,
  input  logic       uart_rx,
  output logic       uart_tx,
  output logic [7:0] led
);
  localparam int ClkHz = 15_937_500;

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

`ifdef FPGA_YARDSTICK
  // make fpga-report only: VexRiscv_Full in the same shell, same pins and clock
  vexriscv_soc #(.ClkHz(ClkHz), .Baud(115200), .RamBytes(RamBytes), .BootRomHex(BootRomHex)) u_fpga (
    .clk_i(clk), .rst_ni(locked),
    .uart_rx_i(uart_rx), .uart_tx_o(uart_tx), .led_o(led)
  );
`else
  outrider_fpga #(
    .ClkHz(ClkHz), .Baud(115200), .RamBytes(RamBytes), .NumCtx(NumCtx),
    .DcacheBytes(DcacheBytes), .DcacheWays(DcacheWays), .DcacheMshrs(DcacheMshrs),
    .PexMshrReserve(PexMshrReserve), .PexMissWait(PexMissWait),
    .StoreBufEntries(StoreBufEntries), .MemWaitStates(MemWaitStates),
    .BootRomHex(BootRomHex)
  ) u_fpga (
    .clk_i(clk), .rst_ni(locked),
    .uart_rx_i(uart_rx), .uart_tx_o(uart_tx), .led_o(led)
  );
`endif
endmodule
