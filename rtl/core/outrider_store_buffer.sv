// SPDX-License-Identifier: Apache-2.0
// outrider_store_buffer: the private store buffer of one context's
// pre-execution thread (p-thread).
//
// A p-thread's stores never reach the cache, memory or the bus; they land
// here, one word-aligned entry per distinct word (a later store to the same
// word merges its bytes), so that the p-thread's own later loads see them
// (forwarding: loads merge the buffered bytes over the word memory
// returned). Capacity is Entries words; a store that needs a new entry when
// all are in use does not fit (fits_o low) and the core stops the p-thread
// (docs/preexec.md, "Store buffer overflow"). clear_i empties it (when the
// context is started, by pex.spawn or hart.start).
//
// It is not a write buffer for harts and never drains anywhere.
module outrider_store_buffer #(
  parameter int Entries = 8
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        clear_i,

  // store (MEM stage): fits_o is combinational from addr_i
  input  logic        write_i,
  input  logic [31:0] addr_i,
  input  logic [31:0] wdata_i,   // already in its byte lanes
  input  logic [3:0]  be_i,
  output logic        fits_o,

  // two lookups (WB stage, late completion): bytes buffered for the word
  input  logic [31:0] lookup_a_addr_i,
  output logic [3:0]  lookup_a_mask_o,
  output logic [31:0] lookup_a_data_o,
  input  logic [31:0] lookup_b_addr_i,
  output logic [3:0]  lookup_b_mask_o,
  output logic [31:0] lookup_b_data_o
);
  logic [Entries-1:0] valid_q;
  logic [29:0]        waddr_q [Entries];
  logic [31:0]        data_q  [Entries];
  logic [3:0]         mask_q  [Entries];

  // the entry this store goes to: its word's entry, else the first free one
  logic                    hit, free_found;
  logic [$clog2(Entries > 1 ? Entries : 2)-1:0] hit_idx, free_idx;
  always_comb begin
    hit        = 1'b0;
    hit_idx    = '0;
    free_found = 1'b0;
    free_idx   = '0;
    for (int e = Entries - 1; e >= 0; e--) begin
      if (valid_q[e]) begin
        if (waddr_q[e] == addr_i[31:2]) begin
          hit     = 1'b1;
          hit_idx = e[$bits(hit_idx)-1:0];
        end
      end else begin
        free_found = 1'b1;
        free_idx   = e[$bits(free_idx)-1:0];
      end
    end
  end
  assign fits_o = hit || free_found;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_q <= '0;
    end else if (clear_i) begin
      valid_q <= '0;
    end else if (write_i && !hit && free_found) begin
      valid_q[free_idx] <= 1'b1;
    end
  end

  always_ff @(posedge clk_i) begin
    if (write_i && hit) begin
      for (int b = 0; b < 4; b++) begin
        if (be_i[b]) data_q[hit_idx][8*b +: 8] <= wdata_i[8*b +: 8];
      end
      mask_q[hit_idx] <= mask_q[hit_idx] | be_i;
    end else if (write_i && free_found) begin
      waddr_q[free_idx] <= addr_i[31:2];
      data_q[free_idx]  <= wdata_i;
      mask_q[free_idx]  <= be_i;
    end
  end

  // the lookups: at most one valid entry holds a word (a store to a
  // buffered word merges into its entry), so the answer is an OR of the
  // matching entries, not a priority chain (valid tested first, alone: the
  // same logic, but a simulator skips the address compares of empty
  // entries, and the buffer is empty whenever no p-thread stores)
  always_comb begin
    lookup_a_mask_o = 4'd0;
    lookup_a_data_o = 32'd0;
    lookup_b_mask_o = 4'd0;
    lookup_b_data_o = 32'd0;
    for (int e = 0; e < Entries; e++) begin
      if (valid_q[e]) begin
        if (waddr_q[e] == lookup_a_addr_i[31:2]) begin
          lookup_a_mask_o = lookup_a_mask_o | mask_q[e];
          lookup_a_data_o = lookup_a_data_o | data_q[e];
        end
        if (waddr_q[e] == lookup_b_addr_i[31:2]) begin
          lookup_b_mask_o = lookup_b_mask_o | mask_q[e];
          lookup_b_data_o = lookup_b_data_o | data_q[e];
        end
      end
    end
  end

`ifdef OUTRIDER_ASSERT
  // no two valid entries hold the same word (what makes the OR above a
  // selection): a store merges into its word's entry or takes a free one
  // for a word no entry holds (simulation only, like the check of
  // outrider_dcache_frames: the pairwise compares are not logic to build)
  logic dup;
  always_comb begin
    dup = 1'b0;
    for (int e = 0; e < Entries; e++)
      for (int f = e + 1; f < Entries; f++)
        if (valid_q[e] && valid_q[f] && (waddr_q[e] == waddr_q[f])) dup = 1'b1;
  end
  `include "outrider_assert.svh"
  `OR_ASSERT(!dup, "two store-buffer entries hold the same word")
`endif

  logic unused_addr;
  assign unused_addr = ^{addr_i[1:0], lookup_a_addr_i[1:0], lookup_b_addr_i[1:0]};
endmodule
