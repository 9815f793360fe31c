// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_plru: replacement state of the data cache: tree pseudo-LRU,
// Ways-1 bits per set in flip-flops (exact LRU for 2 ways).
//
// - Victim choice for set_i (combinational): the lowest-numbered way that is
//   both invalid_i and avail_i; otherwise the tree's pseudo-LRU way if it is
//   avail_i; otherwise the lowest-numbered avail_i way; found_o is low when
//   no way is avail_i (every way of the set is being refilled or written
//   back: the cache retries later).
// - Two touch ports (a hit and a fill completing in the same cycle): each
//   makes its way the most recently used of its set. Port 1 is applied after
//   port 0.
//
// Not here: no knowledge of tags or dirty bits. Ways must be a power of two
// (1 allowed: direct mapped, no state).
module outrider_dcache_plru #(
  parameter int Sets = 64,
  parameter int Ways = 2,
  // derived: do not override
  parameter int SetW = (Sets > 1) ? $clog2(Sets) : 1,
  parameter int WayW = (Ways > 1) ? $clog2(Ways) : 1
) (
  input  logic             clk_i,
  input  logic             rst_ni,

  input  logic [SetW-1:0]  set_i,
  input  logic [Ways-1:0]  avail_i,
  input  logic [Ways-1:0]  invalid_i,
  output logic [WayW-1:0]  victim_o,
  output logic             found_o,

  input  logic             touch0_i,
  input  logic [SetW-1:0]  touch0_set_i,
  input  logic [WayW-1:0]  touch0_way_i,
  input  logic             touch1_i,
  input  logic [SetW-1:0]  touch1_set_i,
  input  logic [WayW-1:0]  touch1_way_i
);
  localparam int Levels = (Ways > 1) ? $clog2(Ways) : 0;
  localparam int NodeN  = (Ways > 1) ? Ways - 1 : 1;   // tree bits per set (1 unused if direct mapped)

  logic [Sets*NodeN-1:0] tree_q, tree_d;

  // pseudo-LRU way of a set's tree bits
  function automatic logic [WayW-1:0] plru_way(input logic [NodeN-1:0] bits);
    int node;
    node = 0;
    for (int l = 0; l < Levels; l++) begin
      node = 2 * node + 1 + (bits[node] ? 1 : 0);
    end
    plru_way = WayW'(node - (Ways - 1));
  endfunction

  // tree bits after an access to way w: every node on its path points away
  /* verilator lint_off UNUSEDSIGNAL */
  function automatic logic [NodeN-1:0] plru_touch(input logic [NodeN-1:0] bits,
                                                  input logic [WayW-1:0] w);
    int node, wi;
    plru_touch = bits;
    wi = {{(32-WayW){1'b0}}, w};
    for (int l = 0; l < Levels; l++) begin
      node = (1 << l) - 1 + (wi >> (Levels - l));
      plru_touch[node] = !(((wi >> (Levels - 1 - l)) & 1) != 0);
    end
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */

  always_comb begin : p_victim
    logic [WayW-1:0] lru;
    logic            got_inv, got_any;
    logic [WayW-1:0] inv_way, any_way;
    lru     = plru_way(tree_q[NodeN*set_i +: NodeN]);
    got_inv = 1'b0;
    got_any = 1'b0;
    inv_way = '0;
    any_way = '0;
    for (int w = Ways - 1; w >= 0; w--) begin
      if (avail_i[w] && invalid_i[w]) begin
        got_inv = 1'b1;
        inv_way = WayW'(w);
      end
      if (avail_i[w]) begin
        got_any = 1'b1;
        any_way = WayW'(w);
      end
    end
    found_o = got_any;
    if (got_inv)            victim_o = inv_way;
    else if (avail_i[lru])  victim_o = lru;
    else                    victim_o = any_way;
  end

  // each port's new bits are computed once, then written into its set
  logic [NodeN-1:0] new0, new1, new01;
  assign new0  = plru_touch(tree_q[NodeN*touch0_set_i +: NodeN], touch0_way_i);
  assign new1  = plru_touch(tree_q[NodeN*touch1_set_i +: NodeN], touch1_way_i);
  assign new01 = plru_touch(new0, touch1_way_i);    // both ports on one set

  always_comb begin : p_touch
    tree_d = tree_q;
    if (Ways > 1) begin
      if (touch0_i && touch1_i && (touch0_set_i == touch1_set_i)) begin
        tree_d[NodeN*touch0_set_i +: NodeN] = new01;
      end else begin
        if (touch0_i) tree_d[NodeN*touch0_set_i +: NodeN] = new0;
        if (touch1_i) tree_d[NodeN*touch1_set_i +: NodeN] = new1;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) tree_q <= '0;
    else         tree_q <= tree_d;
  end
endmodule
