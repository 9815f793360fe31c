// SPDX-License-Identifier: Apache-2.0
// Outrider ISA encodings used by the decoder, ALU and pipeline: included
// inside module bodies (no packages: yosys 0.23 rejects `import`).
/* verilator lint_off UNUSEDPARAM */

// major opcodes
localparam logic [6:0] OpcLoad    = 7'b0000011;
localparam logic [6:0] OpcCustom0 = 7'b0001011;
localparam logic [6:0] OpcMiscMem = 7'b0001111;
localparam logic [6:0] OpcOpImm   = 7'b0010011;
localparam logic [6:0] OpcAuipc   = 7'b0010111;
localparam logic [6:0] OpcStore   = 7'b0100011;
localparam logic [6:0] OpcCustom1 = 7'b0101011;   // pex.spawn (J-type)
localparam logic [6:0] OpcAmo     = 7'b0101111;
localparam logic [6:0] OpcOp      = 7'b0110011;
localparam logic [6:0] OpcLui     = 7'b0110111;
localparam logic [6:0] OpcBranch  = 7'b1100011;
localparam logic [6:0] OpcJalr    = 7'b1100111;
localparam logic [6:0] OpcJal     = 7'b1101111;
localparam logic [6:0] OpcSystem  = 7'b1110011;

localparam logic [6:0] Funct7Alt    = 7'b0100000;
localparam logic [6:0] Funct7MulDiv = 7'b0000001;
localparam logic [4:0] Funct5Lr     = 5'b00010;
localparam logic [4:0] Funct5Sc     = 5'b00011;

// fixed instruction words
localparam logic [31:0] InstrEcall  = 32'h0000_0073;
localparam logic [31:0] InstrEbreak = 32'h0010_0073;
localparam logic [31:0] InstrMret   = 32'h3020_0073;
localparam logic [31:0] InstrWfi    = 32'h1050_0073;
localparam logic [31:0] InstrPause  = 32'h0100_000F;  // fence w,0 (Zihintpause)

// custom-0 hart instructions (docs/memory-map.md)
localparam logic [2:0] CustomF3Hart      = 3'd0;
localparam logic [6:0] CustomF7HartStart = 7'd0;
localparam logic [6:0] CustomF7HartExit  = 7'd1;
// custom-0 pre-execution instructions (docs/preexec.md)
localparam logic [2:0] CustomF3Pex       = 3'd1;
localparam logic [6:0] CustomF7PexStop   = 7'd0;
localparam logic [6:0] CustomF7PexCancel = 7'd1;

// pre-execution CSRs (custom machine CSR space): CsrPex* in outrider_consts.svh

// ALU operations
localparam logic [3:0] AluAdd    = 4'd0;
localparam logic [3:0] AluSub    = 4'd1;
localparam logic [3:0] AluSll    = 4'd2;
localparam logic [3:0] AluSlt    = 4'd3;
localparam logic [3:0] AluSltu   = 4'd4;
localparam logic [3:0] AluXor    = 4'd5;
localparam logic [3:0] AluSrl    = 4'd6;
localparam logic [3:0] AluSra    = 4'd7;
localparam logic [3:0] AluOr     = 4'd8;
localparam logic [3:0] AluAnd    = 4'd9;
localparam logic [3:0] AluMul    = 4'd10;
localparam logic [3:0] AluMulh   = 4'd11;
localparam logic [3:0] AluMulhsu = 4'd12;
localparam logic [3:0] AluMulhu  = 4'd13;

// ALU operand A select
localparam logic [1:0] AluARs1  = 2'd0;
localparam logic [1:0] AluAPc   = 2'd1;
localparam logic [1:0] AluAZero = 2'd2;

// branch funct3
localparam logic [2:0] F3Beq  = 3'd0;
localparam logic [2:0] F3Bne  = 3'd1;
localparam logic [2:0] F3Blt  = 3'd4;
localparam logic [2:0] F3Bge  = 3'd5;
localparam logic [2:0] F3Bltu = 3'd6;
localparam logic [2:0] F3Bgeu = 3'd7;

// load/store funct3 (size in [1:0], unsigned in [2])
localparam logic [1:0] SizeByte = 2'd0;
localparam logic [1:0] SizeHalf = 2'd1;
localparam logic [1:0] SizeWord = 2'd2;

// CSR instruction funct3[1:0]
localparam logic [1:0] CsrOpRw = 2'd1;
localparam logic [1:0] CsrOpRs = 2'd2;
localparam logic [1:0] CsrOpRc = 2'd3;

// exception causes (mcause, interrupt bit clear)
localparam logic [31:0] ExcInstrMisaligned = 32'd0;
localparam logic [31:0] ExcInstrAccess     = 32'd1;
localparam logic [31:0] ExcIllegal         = 32'd2;
localparam logic [31:0] ExcBreakpoint      = 32'd3;
localparam logic [31:0] ExcLoadMisaligned  = 32'd4;
localparam logic [31:0] ExcLoadAccess      = 32'd5;
localparam logic [31:0] ExcStoreMisaligned = 32'd6;
localparam logic [31:0] ExcStoreAccess     = 32'd7;
localparam logic [31:0] ExcEcallM          = 32'd11;

// interrupt numbers (mip/mie bit positions, mcause low bits)
localparam int IrqMsi = 3;
localparam int IrqMti = 7;
localparam int IrqMei = 11;

// Zicbop prefetch.r / prefetch.w: ORI with rd = x0 and imm[4:0] = 1 / 3
// (prefetch.i, imm[4:0] = 0, is an ordinary ORI to x0 here: no operation).
// Architecturally an ORI to x0; the offset is imm[11:5] << 5.
/* verilator lint_off UNUSEDSIGNAL */
function automatic logic is_prefetch_rw(input logic [31:0] insn);
  is_prefetch_rw = (insn[6:0] == OpcOpImm) && (insn[14:12] == 3'd6) && (insn[11:7] == 5'd0) &&
                   ((insn[24:20] == 5'd1) || (insn[24:20] == 5'd3));
endfunction
/* verilator lint_on UNUSEDSIGNAL */

/* verilator lint_on UNUSEDPARAM */
