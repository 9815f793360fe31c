// SPDX-License-Identifier: Apache-2.0
// outrider_clint: CLINT-style timer and software-interrupt block (SiFive
// layout, docs/memory-map.md), one msip and one mtimecmp per context.
//
// Register map (offsets in the 64 KiB window, word registers):
//   ClintMsip     + 4*h       msip[h]           bit 0 only, reset 0
//   ClintMtimecmp + 8*h (+4)  mtimecmp[h] lo/hi reset all ones
//   ClintMtime        (+4)    mtime lo/hi       reset 0
// Other offsets read 0 and ignore writes. Registers are decoded on the word
// address (addr_i[15:2]); addr_i[1:0] are ignored and be_i selects the bytes
// written (the data is already in its byte lanes), so byte and halfword
// stores work. Reads return the whole word.
//
// Timing
// - A request in cycle N (req_i) writes at the end of N; rdata_o in cycle
//   N+1 holds the word read in cycle N (0 for writes and idle cycles).
// - mtime counts +1 every cycle. In a cycle where either half of mtime is
//   written, mtime does not count: the written bytes take the new value and
//   the other bytes keep their old value ("the write wins").
// - mtip_o[h] = (mtime >= mtimecmp[h]) is COMBINATIONAL from the registers
//   (no input-to-output path): a store that moves mtimecmp clears mtip the
//   cycle after the store, i.e. by the time its response reaches the core.
//   msip_o and mtime_o are the registers themselves.
//
// Not here: no mtime prescaler (it counts core clocks), no access-size
// checks, no bus errors.
module outrider_clint #(
  parameter int NumCtx = 2
) (
  input  logic              clk_i,
  input  logic              rst_ni,

  input  logic              req_i,
  input  logic              we_i,
  input  logic [15:0]       addr_i,
  input  logic [31:0]       wdata_i,
  input  logic [3:0]        be_i,
  output logic [31:0]       rdata_o,

  output logic [NumCtx-1:0] mtip_o,
  output logic [NumCtx-1:0] msip_o,
  output logic [63:0]       mtime_o
);
  `include "outrider_defs.svh"

  localparam logic [13:0] MsipWord     = ClintMsip[15:2];
  localparam logic [13:0] MtimecmpWord = ClintMtimecmp[15:2];
  localparam logic [13:0] MtimeWord    = ClintMtime[15:2];

  logic [NumCtx-1:0]    msip_q, msip_d;
  logic [NumCtx*64-1:0] mtimecmp_q, mtimecmp_d;
  logic [63:0]          mtime_q, mtime_d;
  logic [31:0]          rdata_q, rdata_d;

  // Byte-lane merge of a write into an old word.
  function automatic logic [31:0] merge_be(input logic [31:0] old_w,
                                           input logic [31:0] new_w,
                                           input logic [3:0]  be);
    logic [31:0] m;
    m = old_w;
    for (int b = 0; b < 4; b++) begin
      if (be[b]) m[8*b +: 8] = new_w[8*b +: 8];
    end
    merge_be = m;
  endfunction

  logic [13:0] word;
  logic        wr, rd, wr_msip, msip_bit;
  logic [31:0] mtime_lo, mtime_hi;
  logic        unused_addr;
  assign word        = addr_i[15:2];
  assign wr_msip     = req_i & we_i & be_i[0];   // msip needs byte lane 0
  assign msip_bit    = wdata_i[0];
  assign mtime_lo    = mtime_q[31:0];
  assign mtime_hi    = mtime_q[63:32];
  assign unused_addr = ^addr_i[1:0];   // registers are word-decoded
  assign wr   = req_i &  we_i;
  assign rd   = req_i & ~we_i;

  always_comb begin : p_regs
    logic [13:0] cmp_lo, cmp_hi, msip_w;

    msip_d     = msip_q;
    mtimecmp_d = mtimecmp_q;
    rdata_d    = 32'd0;
    mtime_d    = mtime_q + 64'd1;   // overridden below by a write

    for (int h = 0; h < NumCtx; h++) begin
      msip_w = MsipWord + 14'(h);
      cmp_lo = MtimecmpWord + 14'(2 * h);
      cmp_hi = cmp_lo + 14'd1;
      if (word == msip_w) begin
        if (wr_msip) msip_d[h] = msip_bit;
        if (rd) rdata_d = {31'd0, msip_q[h]};
      end
      if (word == cmp_lo) begin
        if (wr) mtimecmp_d[64*h +: 32] = merge_be(mtimecmp_q[64*h +: 32], wdata_i, be_i);
        if (rd) rdata_d = mtimecmp_q[64*h +: 32];
      end
      if (word == cmp_hi) begin
        if (wr) mtimecmp_d[64*h+32 +: 32] = merge_be(mtimecmp_q[64*h+32 +: 32], wdata_i, be_i);
        if (rd) rdata_d = mtimecmp_q[64*h+32 +: 32];
      end
    end

    if (word == MtimeWord) begin
      if (wr) mtime_d = {mtime_hi, merge_be(mtime_lo, wdata_i, be_i)};
      if (rd) rdata_d = mtime_lo;
    end
    if (word == MtimeWord + 14'd1) begin
      if (wr) mtime_d = {merge_be(mtime_hi, wdata_i, be_i), mtime_lo};
      if (rd) rdata_d = mtime_hi;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      msip_q     <= '0;
      mtimecmp_q <= '1;
      mtime_q    <= '0;
      rdata_q    <= '0;
    end else begin
      msip_q     <= msip_d;
      mtimecmp_q <= mtimecmp_d;
      mtime_q    <= mtime_d;
      rdata_q    <= rdata_d;
    end
  end

  always_comb begin : p_mtip
    for (int h = 0; h < NumCtx; h++) begin
      mtip_o[h] = (mtime_q >= mtimecmp_q[64*h +: 64]);
    end
  end

  assign msip_o  = msip_q;
  assign mtime_o = mtime_q;
  assign rdata_o = rdata_q;
endmodule
