// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_pfq: the data cache's next-line prefetch queue, one entry, also
// the queue of the core's prefetch hints
// (docs/dcache.md "Next-line prefetch"). Used when NextLinePrefetch = 1.
//
// What it does
// - Every demand miss that allocates an MSHR (demand_alloc_i, main thread
//   or p-thread) queues the next line (line + 1) if it is in RAM; a newer
//   miss replaces a queued line. The entry carries the context and
//   p-thread flag of that miss (the fill is attributed to them).
// - The arbiter sends the entry into stage 0 as a probe (probe_go_i) when
//   stage 0 is idle and an MSHR is free; the probe leaves the queue then,
//   whether or not stage 1 allocates for it.
//
// - A prefetch hint of the core (hint_i: Zicbop prefetch.r/prefetch.w,
//   docs/dcache.md "Prefetch hints") writes the entry too, whatever
//   NextLinePrefetch is, if its line is in RAM (others are dropped here); it
//   wins over a next-line entry queued in the same cycle.
//
// Timing: outputs are the register; updates at the clock edge (a miss
// queued in cycle t can be probed in cycle t+1).
//
// Not here: the probe's lookup and allocation (outrider_dcache_decide).
module outrider_dcache_pfq #(
  parameter int NextLinePrefetch = 0,
  parameter int OffW             = 5,
  parameter int TidW             = 1,
  // derived: do not override
  parameter int LineW            = 32 - OffW
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  input  logic             demand_alloc_i,  // a demand miss allocates an MSHR
  input  logic [LineW-1:0] line_i,          // ... for this line
  input  logic [TidW-1:0]  tid_i,
  input  logic             spec_i,
  input  logic             hint_i,          // a prefetch hint for this line
  input  logic [LineW-1:0] hint_line_i,
  input  logic [TidW-1:0]  hint_tid_i,
  input  logic             hint_spec_i,
  input  logic             probe_go_i,      // the entry enters stage 0 now
  output logic             v_o,
  output logic [LineW-1:0] line_o,
  output logic [TidW-1:0]  tid_o,
  output logic             spec_o
);
  `include "outrider_defs.svh"

  logic             v_q, v_d;
  logic [LineW-1:0] line_q, line_d;
  logic [TidW-1:0]  tid_q, tid_d;
  logic             spec_q, spec_d;

  always_comb begin : p_next
    v_d    = v_q && !probe_go_i;
    line_d = line_q;
    tid_d  = tid_q;
    spec_d = spec_q;
    if ((NextLinePrefetch != 0) && demand_alloc_i &&
        addr_is_ram({line_i + 1'b1, {OffW{1'b0}}})) begin
      v_d    = 1'b1;
      line_d = line_i + 1'b1;
      tid_d  = tid_i;
      spec_d = spec_i;
    end
    if (hint_i && addr_is_ram({hint_line_i, {OffW{1'b0}}})) begin
      v_d    = 1'b1;
      line_d = hint_line_i;
      tid_d  = hint_tid_i;
      spec_d = hint_spec_i;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      v_q    <= 1'b0;
      line_q <= '0;
      tid_q  <= '0;
      spec_q <= 1'b0;
    end else begin
      v_q    <= v_d;
      line_q <= line_d;
      tid_q  <= tid_d;
      spec_q <= spec_d;
    end
  end

  assign v_o    = v_q;
  assign line_o = line_q;
  assign tid_o  = tid_q;
  assign spec_o = spec_q;
endmodule
