// SPDX-License-Identifier: Apache-2.0
// outrider_regfile: the integer register files of all hardware contexts.
//
// One bank of 32 x 32-bit registers per context. Each bank has its own write
// port, so a context's late result (a load that waited on memory, a divide)
// can be written while the pipeline writes back another context's result in
// the same cycle. Two read ports, shared by all banks, read the context named
// by rtid_i.
//
// Reads are synchronous: addresses presented in cycle N give data in cycle
// N+1 (what block RAM gives; this is what lets yosys map the banks to
// SB_RAM40_4K / DP16KD). A read in the same cycle as a write to the same
// register returns the NEW value: the write's data is kept a cycle beside
// the RAM and chosen after it (write-first, so the pipeline can write a
// retirement's register a cycle after WB, from WB2, outrider_writeback).
// x0 reads as zero; writes to x0 are dropped.
//
// A third read port, copy_raddr_i/copy_rdata_o, reads context 0's bank only
// (a third copy of that bank); the core's pre-execution logic uses it to keep
// free contexts' banks a copy of context 0's registers, so a spawned p-thread
// starts with them at once. It returns the OLD value on a read in the cycle
// of a write to the same register (the copy engine knows: outrider_preexec).
//
// Timing: the write port goes to the RAM and to 32 + 2 flip-flops per bank;
// the read data is a mux of a flip-flop and the RAM's registered output,
// selected by a flip-flop (one LUT level, with x0's zero).
module outrider_regfile #(
  parameter int NumCtx = 2
) (
  input  logic                   clk_i,

  input  logic [NumCtx*5-1:0]    raddr_a_i,
  input  logic [NumCtx*5-1:0]    raddr_b_i,
  output logic [NumCtx*32-1:0]   rdata_a_o,
  output logic [NumCtx*32-1:0]   rdata_b_o,

  input  logic [4:0]             copy_raddr_i,
  output logic [31:0]            copy_rdata_o,

  input  logic [NumCtx-1:0]      we_i,
  input  logic [NumCtx*5-1:0]    waddr_i,
  input  logic [NumCtx*32-1:0]   wdata_i
);

  for (genvar c = 0; c < NumCtx; c++) begin : g_bank
    // Two copies of the bank (one per read port), written identically.
    // public for the test bench's lockstep co-simulation (tb/model_shim.cpp
    // reads a started hart's registers); no effect on synthesis
    logic [31:0] mem_a [32] /* verilator public_flat_rd */;
    logic [31:0] mem_b [32];
    logic [4:0]  waddr, raddr_a, raddr_b;
    logic [31:0] wdata, bank_a_q, bank_b_q, wdata_q;
    logic        zero_a_q, zero_b_q, byp_a_q, byp_b_q;   // byp: read the write's data
    assign waddr   = waddr_i[c*5 +: 5];
    assign wdata   = wdata_i[c*32 +: 32];
    assign raddr_a = raddr_a_i[c*5 +: 5];
    assign raddr_b = raddr_b_i[c*5 +: 5];

    always_ff @(posedge clk_i) begin
      if (we_i[c] && (waddr != 5'd0)) begin
        mem_a[waddr] <= wdata;
        mem_b[waddr] <= wdata;
      end
      bank_a_q <= mem_a[raddr_a];
      bank_b_q <= mem_b[raddr_b];
      zero_a_q <= (raddr_a == 5'd0);
      zero_b_q <= (raddr_b == 5'd0);
      byp_a_q  <= we_i[c] && (waddr == raddr_a);
      byp_b_q  <= we_i[c] && (waddr == raddr_b);
      wdata_q  <= wdata;
    end
    assign rdata_a_o[c*32 +: 32] = zero_a_q ? 32'd0 : (byp_a_q ? wdata_q : bank_a_q);
    assign rdata_b_o[c*32 +: 32] = zero_b_q ? 32'd0 : (byp_b_q ? wdata_q : bank_b_q);

    if (c == 0) begin : g_copy_port
      logic [31:0] mem_c [32];
      logic [31:0] copy_q;
      always_ff @(posedge clk_i) begin
        if (we_i[c] && (waddr != 5'd0)) mem_c[waddr] <= wdata;
        copy_q <= mem_c[copy_raddr_i];
      end
      assign copy_rdata_o = copy_q;
    end
  end

endmodule
