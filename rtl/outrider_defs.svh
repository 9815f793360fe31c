// Outrider shared encodings: included inside module bodies (no packages:
// yosys 0.23 rejects `import`). Every module that includes this file sees
// the same localparams; unused ones are not a lint error.
/* verilator lint_off UNUSEDPARAM */

// ---- memory map -----------------------------------------------------------
localparam logic [31:0] ClintBase  = 32'h0200_0000;
localparam logic [31:0] ClintMask  = 32'hFFFF_0000;  // 64 KiB window
localparam logic [31:0] MmioBase   = 32'h1000_0000;
localparam logic [31:0] MmioMask   = 32'hFFFF_F000;  // 4 KiB window
localparam logic [31:0] RamBase    = 32'h8000_0000;
localparam logic [31:0] RamMask    = 32'h8000_0000;  // upper 2 GiB; size checked by the memory
// board devices of an FPGA top (boot ROM, UART, latency register, LEDs:
// docs/fpga-uart.md); the simulation top leaves the port unconnected
localparam logic [31:0] ExtBase    = 32'h2000_0000;
localparam logic [31:0] ExtMask    = 32'hFFFF_0000;  // 64 KiB window

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

// MMIO register offsets
localparam logic [11:0] MmioConsoleTx = 12'h000;
localparam logic [11:0] MmioSimExit   = 12'h004;

// CLINT register offsets (SiFive layout)
localparam logic [15:0] ClintMsip     = 16'h0000;
localparam logic [15:0] ClintMtimecmp = 16'h4000;
localparam logic [15:0] ClintMtime    = 16'hBFF8;

// ---- data-side request operations (core -> data side) --------------------
localparam logic [2:0] DopLoad  = 3'd0;
localparam logic [2:0] DopStore = 3'd1;
localparam logic [2:0] DopLr    = 3'd2;
localparam logic [2:0] DopSc    = 3'd3;
localparam logic [2:0] DopAmo   = 3'd4;
localparam logic [2:0] DopFence = 3'd5;  // answered once earlier writes are visible to fetch

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

// ---- pre-execution event pulses (core -> test bench), bit positions -------
localparam int PexEvW             = 8;
localparam int PexEvSpawn         = 0;  // a p-thread was spawned
localparam int PexEvRefused       = 1;  // a spawn was refused
localparam int PexEvCancel        = 2;  // a running p-thread was cancelled
localparam int PexEvBudgetStop    = 3;  // a p-thread stopped at its instruction budget
localparam int PexEvExcStop       = 4;  // a p-thread stopped on an exception / overflow
localparam int PexEvStop          = 5;  // a p-thread executed pex.stop
localparam int PexEvStoreBuffered = 6;  // a p-thread store went to its store buffer
localparam int PexEvMmioSuppressed= 7;  // a p-thread load to an uncached range returned 0

/* verilator lint_on UNUSEDPARAM */
