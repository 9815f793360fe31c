// SPDX-License-Identifier: Apache-2.0
// tb_clint: unit bench for outrider_clint (NumCtx from the NC parameter).
// Checks reset values, msip set/clear (bit 0 only, byte enables), mtimecmp
// lo/hi with byte enables, mtime counting and writes (a write wins over the
// increment), mtip against mtime/mtimecmp, unknown offsets (read 0, writes
// ignored) and the one-cycle registered read timing.
`timescale 1ns/1ps
module tb_clint;
  `include "outrider_defs.svh"
  `include "tb_common.svh"

  parameter int NC = 2;

  logic          clk = 1'b0, rst_n = 1'b0;
  logic          req = 1'b0, we = 1'b0;
  logic [15:0]   addr = '0;
  logic [31:0]   wdata = '0;
  logic [3:0]    be = '0;
  logic [31:0]   rdata;
  logic [NC-1:0] mtip, msip;
  logic [63:0]   mtime;

  always #5 clk = ~clk;

  outrider_clint #(.NumCtx(NC)) u_dut (
    .clk_i (clk), .rst_ni (rst_n), .req_i (req), .we_i (we), .addr_i (addr),
    .wdata_i (wdata), .be_i (be), .rdata_o (rdata),
    .mtip_o (mtip), .msip_o (msip), .mtime_o (mtime)
  );

  // All bus tasks start right after a clock edge (#1) and leave the request
  // asserted for exactly one cycle.
  task automatic wr(input logic [15:0] a, input logic [31:0] d, input logic [3:0] e);
    req = 1'b1; we = 1'b1; addr = a; wdata = d; be = e;
    @(posedge clk); #1;
    req = 1'b0; we = 1'b0; wdata = $random; be = $random;
  endtask

  // Read: rdata is taken in the cycle after the request.
  task automatic rd(input logic [15:0] a, output logic [31:0] d);
    req = 1'b1; we = 1'b0; addr = a; be = 4'hF;
    @(posedge clk); #1;
    req = 1'b0; addr = $random;
    d = rdata;
  endtask

  task automatic expect_rd(input logic [15:0] a, input logic [31:0] exp, input string what);
    logic [31:0] d;
    rd(a, d);
    `CHECK(d == exp, $sformatf("%s: read 0x%04h = 0x%08h, expected 0x%08h", what, a, d, exp))
  endtask

  function automatic logic [15:0] cmp_addr(input int h, input bit hi);
    cmp_addr = ClintMtimecmp + 16'(8 * h) + (hi ? 16'd4 : 16'd0);
  endfunction

  logic [31:0] d;
  logic [63:0] t0, t1;

  initial watchdog("clint", 64'd1_000_000);

  initial begin
    repeat (2) @(posedge clk);
    #1;
    `CHECK(mtime == 64'd0 && msip == '0 && mtip == '0, "reset values of mtime/msip/mtip")
    rst_n = 1'b1;

    // Reset values through the bus.
    for (int h = 0; h < NC; h++) begin
      expect_rd(cmp_addr(h, 0), 32'hFFFF_FFFF, "mtimecmp lo reset");
      expect_rd(cmp_addr(h, 1), 32'hFFFF_FFFF, "mtimecmp hi reset");
      expect_rd(ClintMsip + 16'(4 * h), 32'd0, "msip reset");
    end

    // mtime counts once per cycle.
    t0 = mtime;
    repeat (10) @(posedge clk);
    #1 `CHECK(mtime == t0 + 64'd10, $sformatf("mtime +10 over 10 cycles: %0d -> %0d", t0, mtime))
    // A read returns mtime of the request cycle.
    t0 = mtime;
    rd(ClintMtime, d);
    `CHECK(d == t0[31:0], $sformatf("mtime lo read %0d, expected %0d", d, t0[31:0]))
    expect_rd(ClintMtime + 16'd4, 32'd0, "mtime hi");

    // msip: bit 0 only, byte lane 0 needed.
    for (int h = 0; h < NC; h++) begin
      wr(ClintMsip + 16'(4 * h), 32'hFFFF_FFFF, 4'hF);
      `CHECK(msip == (NC'(1) << h), $sformatf("msip[%0d] set alone: %b", h, msip))
      expect_rd(ClintMsip + 16'(4 * h), 32'd1, "msip reads back bit 0 only");
      wr(ClintMsip + 16'(4 * h), 32'h0000_0000, 4'hE);   // lane 0 not enabled: ignored
      `CHECK(msip[h], "msip write without lane 0 ignored")
      wr(ClintMsip + 16'(4 * h) + 16'd2, 32'h0000_0000, 4'h1);  // byte store, addr[1:0] ignored
      `CHECK(!msip[h], "msip cleared by a byte store")
    end

    // mtimecmp with byte enables, for every context.
    for (int h = 0; h < NC; h++) begin
      wr(cmp_addr(h, 0), 32'h1234_5678, 4'hF);
      wr(cmp_addr(h, 1), 32'h9ABC_DEF0, 4'hF);
      expect_rd(cmp_addr(h, 0), 32'h1234_5678, "mtimecmp lo word write");
      expect_rd(cmp_addr(h, 1), 32'h9ABC_DEF0, "mtimecmp hi word write");
      wr(cmp_addr(h, 0) + 16'd1, 32'hAA00_BB00, 4'b1010);   // lanes 1 and 3
      expect_rd(cmp_addr(h, 0), 32'hAA34_BB78, "mtimecmp lo byte-enabled write");
      wr(cmp_addr(h, 1) + 16'd2, 32'h5555_0000, 4'b1100);   // upper halfword
      expect_rd(cmp_addr(h, 1), 32'h5555_DEF0, "mtimecmp hi halfword write");
    end
    // The other contexts' registers were not disturbed: write distinct values, read all.
    for (int h = 0; h < NC; h++) begin
      wr(cmp_addr(h, 0), 32'h1000 + h, 4'hF);
      wr(cmp_addr(h, 1), 32'h2000 + h, 4'hF);
    end
    for (int h = 0; h < NC; h++) begin
      expect_rd(cmp_addr(h, 0), 32'h1000 + h, "mtimecmp lo independent per context");
      expect_rd(cmp_addr(h, 1), 32'h2000 + h, "mtimecmp hi independent per context");
    end

    // mtime writes: the write wins over the increment in its cycle.
    wr(ClintMtime, 32'hFFFF_FFF0, 4'hF);
    #0 `CHECK(mtime == {32'd0, 32'hFFFF_FFF0}, $sformatf("mtime lo write: %h", mtime))
    @(posedge clk); #1;
    `CHECK(mtime == {32'd0, 32'hFFFF_FFF1}, "mtime counts after a write")
    wr(ClintMtime + 16'd4, 32'h0000_0007, 4'hF);
    `CHECK(mtime == {32'd7, 32'hFFFF_FFF1}, $sformatf("mtime hi write: lo does not count that cycle: %h", mtime))
    repeat (15) @(posedge clk);
    #1 `CHECK(mtime == 64'h0000_0008_0000_0000, $sformatf("carry into mtime hi: %h", mtime))
    wr(ClintMtime + 16'd3, 32'hAB00_0000, 4'h8);              // byte store to the top lane
    `CHECK(mtime[31:24] == 8'hAB && mtime[63:32] == 32'd8, $sformatf("mtime byte write: %h", mtime))

    // mtip: per context, mtime >= mtimecmp (64-bit compare).
    for (int h = 0; h < NC; h++) begin
      wr(cmp_addr(h, 1), 32'hFFFF_FFFF, 4'hF);
      wr(cmp_addr(h, 0), 32'hFFFF_FFFF, 4'hF);
    end
    `CHECK(mtip == '0, "no mtip with mtimecmp all ones")
    wr(ClintMtime + 16'd4, 32'd0, 4'hF);
    wr(ClintMtime, 32'd100, 4'hF);
    // context 0 fires at 110, the others much later.
    wr(cmp_addr(0, 0), 32'd110, 4'hF);
    wr(cmp_addr(0, 1), 32'd0, 4'hF);
    `CHECK(!mtip[0], "mtip[0] low before mtime reaches mtimecmp")
    while (mtime < 64'd109) begin @(posedge clk); #1; end
    `CHECK(mtime == 64'd109 && !mtip[0], "mtip[0] low at mtimecmp-1")
    @(posedge clk); #1;
    `CHECK(mtime == 64'd110 && mtip[0], "mtip[0] high at mtime == mtimecmp")
    for (int h = 1; h < NC; h++) `CHECK(!mtip[h], "other contexts' mtip stay low")
    // The hi word matters: mtimecmp = 2^32 + 5 is far in the future.
    wr(cmp_addr(0, 1), 32'd1, 4'hF);
    `CHECK(!mtip[0], "mtip[0] cleared the cycle after a store moves mtimecmp (hi word)")
    wr(ClintMtime + 16'd4, 32'd1, 4'hF);
    `CHECK(mtip[0], "mtip[0] set when mtime hi reaches mtimecmp hi")
    // Last context: mtimecmp = 0 fires immediately.
    wr(cmp_addr(NC - 1, 1), 32'd0, 4'hF);
    wr(cmp_addr(NC - 1, 0), 32'd0, 4'hF);
    `CHECK(mtip[NC-1], "mtimecmp 0 -> mtip high")

    // Unknown offsets read 0 and ignore writes.
    t0 = mtime;
    wr(16'h3FFC, 32'hFFFF_FFFF, 4'hF);
    wr(16'hBFF0, 32'hFFFF_FFFF, 4'hF);
    wr(cmp_addr(NC, 0), 32'hFFFF_FFFF, 4'hF);            // first mtimecmp beyond NC
    wr(ClintMsip + 16'(4 * NC), 32'hFFFF_FFFF, 4'hF);    // first msip beyond NC
    wr(16'hFFFC, 32'hFFFF_FFFF, 4'hF);
    expect_rd(16'h3FFC, 32'd0, "unknown offset 0x3FFC");
    expect_rd(16'hBFF0, 32'd0, "unknown offset 0xBFF0");
    expect_rd(cmp_addr(NC, 0), 32'd0, "mtimecmp beyond NumCtx");
    expect_rd(ClintMsip + 16'(4 * NC), 32'd0, "msip beyond NumCtx");
    expect_rd(16'hFFFC, 32'd0, "unknown offset 0xFFFC");
    `CHECK(msip == '0, "writes to unknown offsets leave msip alone")
    `CHECK(mtime == t0 + 64'd10, "writes to unknown offsets leave mtime counting")
    for (int h = 0; h < NC; h++) begin
      t1 = 64'd0;
      rd(cmp_addr(h, 0), d); t1[31:0] = d;
      rd(cmp_addr(h, 1), d); t1[63:32] = d;
      `CHECK(t1 == ((h == NC - 1) ? 64'd0 : (h == 0) ? 64'h1_0000_006E : 64'hFFFF_FFFF_FFFF_FFFF),
             $sformatf("mtimecmp[%0d] untouched by unknown-offset writes: %h", h, t1))
    end

    // Read timing: rdata changes only the cycle after the request and
    // returns to 0 in idle cycles and for writes.
    rd(ClintMtime + 16'd4, d);
    @(posedge clk); #1;
    `CHECK(rdata == 32'd0, "rdata 0 in an idle cycle")
    req = 1'b1; we = 1'b0; addr = ClintMtime + 16'd4; be = 4'hF;
    #2 `CHECK(rdata == 32'd0, "rdata does not change in the request cycle")
    @(posedge clk); #1;
    req = 1'b0;
    `CHECK(rdata == 32'd1, "rdata valid the cycle after the request")
    req = 1'b1; we = 1'b1; addr = cmp_addr(0, 0); wdata = 32'h77; be = 4'hF;
    @(posedge clk); #1;
    req = 1'b0; we = 1'b0;
    `CHECK(rdata == 32'd0, "rdata 0 after a write")

    // Reset restores everything.
    #1 rst_n = 1'b0;
    #1 `CHECK(mtime == 64'd0 && msip == '0 && mtip == '0, "asynchronous reset")
    rst_n = 1'b1;
    @(posedge clk); #1;
    expect_rd(cmp_addr(0, 0), 32'hFFFF_FFFF, "mtimecmp after reset");

    finish($sformatf("clint(NumCtx=%0d)", NC));
  end
endmodule
