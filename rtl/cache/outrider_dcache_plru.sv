// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_plru: replacement state of the data cache: tree pseudo-LRU,
// Ways-1 bits per set in flip-flops (exact LRU for 2 ways).
//
// - Victim choice for set_i (combinational): the lowest-numbered way that is
//   both invalid_i and avail_i; otherwise, among the avail_i ways that are
//   not spare_i, the tree's pseudo-LRU way if it is one of them, else the
//   lowest-numbered of them; only when every avail_i way is spare_i, the
//   pseudo-LRU way if it is avail_i, else the lowest-numbered avail_i way.
//   (spare_i: lines to keep while others can go; the cache passes its
//   unused p-thread fills while the core asks for it, else 0.) found_o is
//   low when no way is avail_i (every way of the set is being refilled or
//   written back: the cache retries later).
// - Two touch ports (a hit and a fill completing in the same cycle): each
//   makes its way the most recently used of its set. Port 1 is applied after
//   port 0.
//
// Timing: victim_o, found_o and spared_o are combinational from set_i, avail_i,
// invalid_i and the tree bits; touches change the bits at the clock edge.
// The bits are kept node by node (tree_q[Sets*n + s]: node n of set s), so
// the victim read takes bit set_i of each node's vector and a touch is a
// one-hot set mask per node, applied to whole vectors; the tree walks
// compare node numbers with constants. (Before, set-major bits read and
// written at NodeN*set, NodeN = 3 with 4 ways, and a node index computed
// at run time made yosys build a multiplier and adders in front of every
// tree bit: with the SoC's 16 KiB 4-way geometry, the cache's longest
// path; docs/dcache.md "Resource cost".)
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
  input  logic [Ways-1:0]  spare_i,
  output logic [WayW-1:0]  victim_o,
  output logic             found_o,
  output logic             spared_o,   // the pseudo-LRU way was passed over: it is spare_i

  input  logic             touch0_i,
  input  logic [SetW-1:0]  touch0_set_i,
  input  logic [WayW-1:0]  touch0_way_i,
  input  logic             touch1_i,
  input  logic [SetW-1:0]  touch1_set_i,
  input  logic [WayW-1:0]  touch1_way_i
);
  localparam int Levels = (Ways > 1) ? $clog2(Ways) : 0;
  localparam int NodeN  = (Ways > 1) ? Ways - 1 : 1;   // tree bits per set (1 unused if direct mapped)

  logic [NodeN*Sets-1:0] tree_q, tree_d;    // node n of set s at Sets*n + s

  // Tree node (1 << l) - 1 + k is the k-th node of level l; the way's bits
  // from the top name the path (node k of level l is on way w's path when
  // w >> (Levels - l) == k). Both functions compare against constants: a
  // node index computed at run time made yosys build an adder (carry
  // chain) in front of every tree bit.
  // pseudo-LRU way of a set's tree bits: each node on the path points to it
  function automatic logic [WayW-1:0] plru_way(input logic [NodeN-1:0] bits);
    logic [WayW-1:0] w;
    logic            b;
    w = '0;
    for (int l = 0; l < Levels; l++) begin
      b = 1'b0;
      for (int k = 0; k < (1 << l); k++)
        if ((w >> (Levels - l)) == WayW'(k)) b = bits[(1 << l) - 1 + k];
      w[Levels - 1 - l] = b;
    end
    plru_way = w;
  endfunction

  // tree bits after an access to way w: every node on its path points away
  function automatic logic [NodeN-1:0] plru_touch(input logic [NodeN-1:0] bits,
                                                  input logic [WayW-1:0] w);
    plru_touch = bits;
    for (int l = 0; l < Levels; l++)
      for (int k = 0; k < (1 << l); k++)
        if ((w >> (Levels - l)) == WayW'(k)) plru_touch[(1 << l) - 1 + k] = !w[Levels - 1 - l];
  endfunction

  always_comb begin : p_victim
    logic [Sets-1:0] nvec;
    logic [WayW-1:0] lru;
    logic            got_inv, got_any, got_oth;
    logic [WayW-1:0] inv_way, any_way, oth_way;
    logic [Ways-1:0] other;
    logic [NodeN-1:0] bits;
    for (int n = 0; n < NodeN; n++) begin
      nvec    = tree_q[Sets*n +: Sets];
      bits[n] = nvec[set_i];
    end
    lru     = plru_way(bits);
    other   = avail_i & ~spare_i;
    got_inv = 1'b0;
    got_any = 1'b0;
    got_oth = 1'b0;
    inv_way = '0;
    any_way = '0;
    oth_way = '0;
    for (int w = Ways - 1; w >= 0; w--) begin
      if (avail_i[w] && invalid_i[w]) begin
        got_inv = 1'b1;
        inv_way = WayW'(w);
      end
      if (avail_i[w]) begin
        got_any = 1'b1;
        any_way = WayW'(w);
      end
      if (other[w]) begin
        got_oth = 1'b1;
        oth_way = WayW'(w);
      end
    end
    found_o  = got_any;
    spared_o = !got_inv && avail_i[lru] && spare_i[lru] && got_oth;
    if (got_inv)            victim_o = inv_way;
    else if (other[lru])    victim_o = lru;
    else if (got_oth)       victim_o = oth_way;
    else if (avail_i[lru])  victim_o = lru;
    else                    victim_o = any_way;
  end

  // a touch: the nodes on the way's path (on) get the values that point
  // away from it (val), in the set's bit of each node's vector; port 0 first,
  // then port 1
  logic [NodeN-1:0] on0, val0, on1, val1;
  assign on0  = plru_touch('0, touch0_way_i) ^ plru_touch('1, touch0_way_i) ^ '1;
  assign val0 = plru_touch('0, touch0_way_i);
  assign on1  = plru_touch('0, touch1_way_i) ^ plru_touch('1, touch1_way_i) ^ '1;
  assign val1 = plru_touch('0, touch1_way_i);
  logic [Sets-1:0] set0, set1;
  assign set0 = touch0_i ? (Sets'(1) << touch0_set_i) : '0;
  assign set1 = touch1_i ? (Sets'(1) << touch1_set_i) : '0;

  always_comb begin : p_touch
    logic [Sets-1:0] nvec;
    tree_d = tree_q;
    if (Ways > 1) begin
      for (int n = 0; n < NodeN; n++) begin
        nvec = tree_q[Sets*n +: Sets];
        if (on0[n]) nvec = val0[n] ? (nvec | set0) : (nvec & ~set0);
        if (on1[n]) nvec = val1[n] ? (nvec | set1) : (nvec & ~set1);
        tree_d[Sets*n +: Sets] = nvec;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) tree_q <= '0;
    else         tree_q <= tree_d;
  end
endmodule
