// SPDX-License-Identifier: Apache-2.0
// colorlight_i5_top: Outrider on the Colorlight i5 v7.0 (ECP5 LFE5U-25F,
// CABGA381, 25 MHz oscillator) plugged into its extension board (USB serial
// and the reset button are there). Pins: colorlight_i5.lpf. Flow:
// fpga/fpga.mk, docs/fpga.md.
//
// Clock: as on the ULX3S, 25 MHz through the EHXPLLL to 16.667 MHz
// (`ecppll -i 25 -o 16.667`: CLKI_DIV 3, CLKFB_DIV 2, CLKOP_DIV 36, VCO
// 600 MHz); the frequency is justified by the measured Fmax in docs/fpga.md.
// Reset: cpu_reset_n (extension-board button, active low) AND the PLL lock.
// The module has a single LED: it shows led_o[7] (the heartbeat).
module colorlight_i5_top #(
  parameter int NumCtx        = 2,
  parameter int DcacheBytes   = 4096,
  parameter int DcacheWays    = 2,
  parameter int DcacheMshrs   = 4,
  parameter int PexMshrReserve = DcacheMshrs / 4,  // as outrider_soc: a quarter of the MSHRs
  parameter int PexMissWait   = 1,
  parameter int StoreBufEntries = 8,
  parameter int RamBytes      = 65536,
  parameter int MemWaitStates = 0,
  parameter     BootRomHex    = "bootrom.hex"
) (
  input  logic clk25,
  input  logic cpu_reset_n,
  input  logic serial_rx,
  output logic serial_tx,
  output logic user_led_n
);
  localparam int ClkHz = 16_666_667;

  logic clk, locked;
  /* verilator lint_off UNUSEDSIGNAL */
  logic [7:0] led;   // one LED on this module: led[7], the heartbeat
  /* verilator lint_on UNUSEDSIGNAL */

  outrider_ecp5_pll u_pll (.clk25_i(clk25), .clk_o(clk), .locked_o(locked));

`ifdef FPGA_YARDSTICK
  // make fpga-report only: VexRiscv_Full in the same shell, same pins and clock
  vexriscv_soc #(.ClkHz(ClkHz), .Baud(115200), .RamBytes(RamBytes), .BootRomHex(BootRomHex)) u_fpga (
    .clk_i(clk), .rst_ni(cpu_reset_n && locked),
    .uart_rx_i(serial_rx), .uart_tx_o(serial_tx), .led_o(led)
  );
`else
  outrider_fpga #(
    .ClkHz(ClkHz), .Baud(115200), .RamBytes(RamBytes), .NumCtx(NumCtx),
    .DcacheBytes(DcacheBytes), .DcacheWays(DcacheWays), .DcacheMshrs(DcacheMshrs),
    .PexMshrReserve(PexMshrReserve), .PexMissWait(PexMissWait),
    .StoreBufEntries(StoreBufEntries), .MemWaitStates(MemWaitStates),
    .BootRomHex(BootRomHex)
  ) u_fpga (
    .clk_i(clk), .rst_ni(cpu_reset_n && locked),
    .uart_rx_i(serial_rx), .uart_tx_o(serial_tx), .led_o(led)
  );
`endif

  assign user_led_n = !led[7];
endmodule
