// SPDX-License-Identifier: Apache-2.0
// outrider_ecp5_pll: the ECP5 boards' clock, a 25 MHz oscillator through
// the EHXPLLL to 16.667 MHz (`ecppll -i 25 -o 16.667`: CLKI_DIV 3,
// CLKFB_DIV 2, CLKOP_DIV 36; VCO 600 MHz, PFD 8.33 MHz). The FREQUENCY_PIN
// attributes give nextpnr the clock constraint. Why 16.667 MHz: docs/fpga.md
// ("Why 16.667 MHz").
//
// What it is not: no other output frequencies (a board with another
// oscillator or clock needs its own settings), no dynamic phase control.
// Timing: locked_o rises some microseconds after the oscillator runs; the
// board top ANDs it into the reset.
module outrider_ecp5_pll (
  input  logic clk25_i,
  output logic clk_o,
  output logic locked_o
);
  /* verilator lint_off PINCONNECTEMPTY */
  (* FREQUENCY_PIN_CLKI = "25" *)
  (* FREQUENCY_PIN_CLKOP = "16.6667" *)
  (* ICP_CURRENT = "12" *) (* LPF_RESISTOR = "8" *)
  (* MFG_ENABLE_FILTEROPAMP = "1" *) (* MFG_GMCREF_SEL = "2" *)
  EHXPLLL #(
    .PLLRST_ENA("DISABLED"), .INTFB_WAKE("DISABLED"), .STDBY_ENABLE("DISABLED"),
    .DPHASE_SOURCE("DISABLED"),
    .OUTDIVIDER_MUXA("DIVA"), .OUTDIVIDER_MUXB("DIVB"),
    .OUTDIVIDER_MUXC("DIVC"), .OUTDIVIDER_MUXD("DIVD"),
    .CLKI_DIV(3), .CLKFB_DIV(2), .FEEDBK_PATH("CLKOP"),
    .CLKOP_ENABLE("ENABLED"), .CLKOP_DIV(36), .CLKOP_CPHASE(17), .CLKOP_FPHASE(0)
  ) u_pll (
    .RST(1'b0), .STDBY(1'b0), .CLKI(clk25_i), .CLKOP(clk_o), .CLKFB(clk_o),
    .PHASESEL0(1'b0), .PHASESEL1(1'b0), .PHASEDIR(1'b1), .PHASESTEP(1'b1),
    .PHASELOADREG(1'b1), .PLLWAKESYNC(1'b0),
    .ENCLKOP(1'b0), .ENCLKOS(1'b0), .ENCLKOS2(1'b0), .ENCLKOS3(1'b0),
    .LOCK(locked_o),
    .CLKOS(), .CLKOS2(), .CLKOS3(), .INTLOCK(), .REFCLK(), .CLKINTFB()
  );
  /* verilator lint_on PINCONNECTEMPTY */
endmodule
