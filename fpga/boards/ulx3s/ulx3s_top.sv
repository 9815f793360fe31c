// SPDX-License-Identifier: Apache-2.0
// ulx3s_top: Outrider on the ULX3S (ECP5 LFE5U-85F, CABGA381, 25 MHz
// oscillator). Pins: ulx3s.lpf. Flow: fpga/fpga.mk, docs/fpga.md.
//
// Clock: the 25 MHz oscillator through the EHXPLLL to ClkHz. The divider
// values come from `ecppll -i 25 -o 16.667` (yowasp-ecppll): CLKI_DIV 3,
// CLKFB_DIV 2, CLKOP_DIV 36 (VCO 600 MHz, PFD 8.33 MHz) gives 16.667 MHz.
// Why 16.667 MHz: the measured Fmax of the whole FPGA top on this device
// is 19-20 MHz over seeds (docs/fpga.md, make fpga-report); 16.667 MHz is
// the next PLL setting below it that keeps ~15 % margin on every seed.
// Reset: BTN_PWRn (btn[0], active low) AND the PLL lock; outrider_fpga
// synchronises it.
module ulx3s_top #(
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
  input  logic       clk_25mhz,
  input  logic [0:0] btn,
  input  logic       ftdi_txd,     // FPGA receives
  output logic       ftdi_rxd,     // FPGA transmits
  output logic [7:0] led,
  output logic       wifi_gpio0
);
  localparam int ClkHz = 16_666_667;

  logic clk, locked;

  outrider_ecp5_pll u_pll (.clk25_i(clk_25mhz), .clk_o(clk), .locked_o(locked));

`ifdef FPGA_YARDSTICK
  // make fpga-report only: VexRiscv_Full in the same shell, same pins and clock
  vexriscv_soc #(.ClkHz(ClkHz), .Baud(115200), .RamBytes(RamBytes), .BootRomHex(BootRomHex)) u_fpga (
    .clk_i(clk), .rst_ni(btn[0] && locked),
    .uart_rx_i(ftdi_txd), .uart_tx_o(ftdi_rxd), .led_o(led)
  );
`else
  outrider_fpga #(
    .ClkHz(ClkHz), .Baud(115200), .RamBytes(RamBytes), .NumCtx(NumCtx),
    .DcacheBytes(DcacheBytes), .DcacheWays(DcacheWays), .DcacheMshrs(DcacheMshrs),
    .PexMshrReserve(PexMshrReserve), .PexMissWait(PexMissWait),
    .StoreBufEntries(StoreBufEntries), .MemWaitStates(MemWaitStates),
    .BootRomHex(BootRomHex)
  ) u_fpga (
    .clk_i(clk), .rst_ni(btn[0] && locked),
    .uart_rx_i(ftdi_txd), .uart_tx_o(ftdi_rxd), .led_o(led)
  );
`endif

  assign wifi_gpio0 = 1'b1;
endmodule
