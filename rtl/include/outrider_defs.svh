// SPDX-License-Identifier: Apache-2.0
// Outrider shared encodings: included inside module bodies (no packages:
// yosys 0.23 rejects `import`). Every module that includes this file sees
// the same localparams; unused ones are not a lint error.
/* verilator lint_off UNUSEDPARAM */

// The facts shared with the test bench and the software (memory map, data-side
// operations, access classes, pre-execution events, custom CSR numbers) are
// generated from spec/outrider.toml:
`include "outrider_consts.svh"

// The one address decode of the memory map: every RTL unit that asks "where
// does this address go" calls these (docs/memory-map.md).
localparam logic [2:0] RegionNone  = 3'd0;  // unmapped: access fault
localparam logic [2:0] RegionRam   = 3'd1;  // cacheable main memory (Wishbone port)
localparam logic [2:0] RegionClint = 3'd2;  // uncached device: the CLINT
localparam logic [2:0] RegionMmio  = 3'd3;  // uncached device: console, simulation control
localparam logic [2:0] RegionExt   = 3'd4;  // uncached device: the SoC's external peripheral port

function automatic logic [2:0] addr_region(input logic [31:0] a);
  if ((a & RamMask) == RamBase)          addr_region = RegionRam;
  else if ((a & ClintMask) == ClintBase) addr_region = RegionClint;
  else if ((a & MmioMask) == MmioBase)   addr_region = RegionMmio;
  else if ((a & ExtMask) == ExtBase)     addr_region = RegionExt;
  else                                   addr_region = RegionNone;
endfunction
// cacheable main memory
function automatic logic addr_is_ram(input logic [31:0] a);
  addr_is_ram = (addr_region(a) == RegionRam);
endfunction
// an uncached device window (goes to the peripheral port, never cached)
function automatic logic addr_is_io(input logic [31:0] a);
  addr_is_io = (addr_region(a) == RegionClint) || (addr_region(a) == RegionMmio) ||
               (addr_region(a) == RegionExt);
endfunction

// ---- data-side request operations: Dop* in outrider_consts.svh ----------

// AMO funct5 encodings (RISC-V A extension)
localparam logic [4:0] AmoAdd  = 5'b00000;
localparam logic [4:0] AmoSwap = 5'b00001;
localparam logic [4:0] AmoXor  = 5'b00100;
localparam logic [4:0] AmoOr   = 5'b01000;
localparam logic [4:0] AmoAnd  = 5'b01100;
localparam logic [4:0] AmoMin  = 5'b10000;
localparam logic [4:0] AmoMax  = 5'b10100;
localparam logic [4:0] AmoMinu = 5'b11000;
localparam logic [4:0] AmoMaxu = 5'b11100;

// ---- divider operations ---------------------------------------------------
localparam logic [1:0] DivOpDiv  = 2'd0;
localparam logic [1:0] DivOpDivu = 2'd1;
localparam logic [1:0] DivOpRem  = 2'd2;
localparam logic [1:0] DivOpRemu = 2'd3;

/* verilator lint_on UNUSEDPARAM */
