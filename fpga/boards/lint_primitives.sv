// SPDX-License-Identifier: Apache-2.0
// lint_primitives: behavioural stand-ins for the vendor primitives the board
// tops instantiate (ECP5 EHXPLLL, iCE40 SB_PLL40_CORE), only so that
// `make fpga-lint` can run Verilator and Icarus over the board tops (yosys
// has the real cells). The PLL passes its input clock through and reports
// lock at once. Never synthesised; parameters and most inputs are unused.
/* verilator lint_off DECLFILENAME */
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off UNUSEDSIGNAL */
module EHXPLLL #(
  parameter PLLRST_ENA = "DISABLED", parameter INTFB_WAKE = "DISABLED",
  parameter STDBY_ENABLE = "DISABLED", parameter DPHASE_SOURCE = "DISABLED",
  parameter OUTDIVIDER_MUXA = "DIVA", parameter OUTDIVIDER_MUXB = "DIVB",
  parameter OUTDIVIDER_MUXC = "DIVC", parameter OUTDIVIDER_MUXD = "DIVD",
  parameter CLKI_DIV = 1, parameter CLKFB_DIV = 1, parameter FEEDBK_PATH = "CLKOP",
  parameter CLKOP_ENABLE = "ENABLED", parameter CLKOP_DIV = 8,
  parameter CLKOP_CPHASE = 0, parameter CLKOP_FPHASE = 0
) (
  input  RST, STDBY, CLKI, CLKFB, PHASESEL0, PHASESEL1, PHASEDIR, PHASESTEP,
  input  PHASELOADREG, PLLWAKESYNC, ENCLKOP, ENCLKOS, ENCLKOS2, ENCLKOS3,
  output CLKOP, CLKOS, CLKOS2, CLKOS3, LOCK, INTLOCK, REFCLK, CLKINTFB
);
  assign CLKOP = CLKI;
  assign {CLKOS, CLKOS2, CLKOS3, REFCLK, CLKINTFB} = {5{CLKI}};
  assign {LOCK, INTLOCK} = 2'b11;
endmodule

module SB_PLL40_CORE #(
  parameter FEEDBACK_PATH = "SIMPLE", parameter DIVR = 4'b0000, parameter DIVF = 7'b0000000,
  parameter DIVQ = 3'b000, parameter FILTER_RANGE = 3'b000
) (
  input        REFERENCECLK, EXTFEEDBACK, BYPASS, RESETB, LATCHINPUTVALUE, SDI, SCLK,
  input  [7:0] DYNAMICDELAY,
  output       PLLOUTCORE, PLLOUTGLOBAL, LOCK, SDO
);
  assign {PLLOUTCORE, PLLOUTGLOBAL} = {2{REFERENCECLK}};
  assign {LOCK, SDO} = 2'b10;
endmodule
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on UNUSEDPARAM */
/* verilator lint_on DECLFILENAME */
