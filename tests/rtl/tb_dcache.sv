// SPDX-License-Identifier: Apache-2.0
// tb_dcache: unit bench for outrider_dcache (parameters NC, SIZE, WAYS,
// LINE, MSHRS, PREF), a behavioural Wishbone slave (wb_slave_model: random
// stalls, also in the middle of bursts) and a fake peripheral.
//
// Every context runs random loads (all sizes), stores with byte enables,
// AMOs, LR/SC pairs, fences and peripheral loads on its own words (word
// index modulo NC = context; NC <= words per line) of a small set of lines that all map to a few
// sets, so evictions, write-backs, merges and full MSHRs happen all the
// time; the last context also issues p-thread (spec) loads. Every answer
// is checked against a shadow memory: loads and AMOs return the shadow
// word, a p-thread load returns it or is dropped (0, class "dropped" in the
// access event). Then the backdoor (dbg_*) overlaid on the slave's memory
// must equal the shadow, and after a fence the slave's memory alone must.
// Also checked: one response per request, never in the acceptance cycle,
// ready independent of valid, event sanity (fills and write-backs only of
// RAM lines), and per configuration that drops happen with MSHRS = 1 and
// that prefetch fills happen (random prefetch hints, some to MMIO, in every
// configuration; the next-line prefetcher too with PREF = 1).
// Non-blocking loads (NBL = NbLoads): requests come with dreq_nb_i at
// random; a load answered outstanding is checked against the word its slot
// brings on the fill port (a model of the core's table, see "non-blocking
// loads" below); directed tests D9-D13 (t_nbl). +nb_off holds dreq_nb_i low
// with the same random streams; the "trace:" line (a hash of every cycle's
// answers and bus activity) compares runs (NBL = 0 against +nb_off).
`timescale 1ns/1ps
module tb_dcache;
  `include "outrider_defs.svh"
  `include "tb_common.svh"

  parameter int NC    = 2;
  parameter int SIZE  = 4096;
  parameter int WAYS  = 2;
  parameter int LINE  = 32;
  parameter int MSHRS = 4;
  parameter int PREF  = 0;
  parameter int POSTED = 1;                      // PostedStores
  parameter int NBL    = 1;                      // NbLoads
  parameter int PEXR   = 0;                      // PexMshrReserve
  parameter int PEXW   = 0;                      // PexMissWait
  localparam int TidW   = (NC > 1) ? $clog2(NC) : 1;
  localparam int Stride = SIZE / WAYS;           // bytes between lines of one set
  localparam int Tags   = WAYS + 4;              // lines per set used by the test
  localparam int NSets  = 4;                     // sets used by the test
  // RAM in the slave: at least 16 KiB, and every test line must fit in it
  // (and 40 more lines above them for the directed non-blocking load tests)
  localparam int Span   = (Tags * Stride + NSets * LINE + 40 * LINE) / 4;
  localparam int Words  = (Span > 4096) ? Span : 4096;
  localparam int LW     = 32 - $clog2(LINE);     // bits of a line address
  localparam int WPL    = LINE / 4;
  // a refill slot {MSHR, word of the line}: what an outstanding load waits for
  localparam int MshrW  = (MSHRS > 1) ? $clog2(MSHRS) : 1;
  localparam int WordW  = $clog2(WPL);
  localparam int FillW  = MshrW + WordW;
  localparam int NQ     = 64;                    // bench-side table of outstanding loads
  localparam int NbEnt  = 4;                     // per context, as the core's (SoC NbLoads)
  localparam logic [31:0] Junk = 32'hBAD0_BAD0;
  localparam logic [2:0]  ClsDropped  = 3'd5;
  localparam logic [2:0]  ClsUncached = 3'd6;

  // random stream: xorshift32 (the same in every simulator; Verilator's
  // $random(seed) chains have short cycles); +seed=N picks another stream
  // (the slave's stalls too)
  integer      rnd_seed = 1;
  logic [31:0] rnd_state = 32'h2545_F491;
  function automatic logic [31:0] rnd();
    logic [31:0] x;
    x = rnd_state;
    x = x ^ (x << 13);
    x = x ^ (x >> 17);
    x = x ^ (x << 5);
    rnd_state = x;
    rnd = x;
  endfunction

  logic clk = 1'b0;
  /* verilator lint_off SYNCASYNCNET */
  logic rst_n = 1'b0;
  /* verilator lint_on SYNCASYNCNET */
  always #5 clk = ~clk;

  // ---- DUT ------------------------------------------------------------------
  logic              dreq_valid = 1'b0, dreq_ready;
  logic [TidW-1:0]   dreq_tid = '0;
  logic [2:0]        dreq_op = '0;
  logic [4:0]        dreq_amo = '0;
  logic [31:0]       dreq_addr = '0, dreq_wdata = '0;
  logic [3:0]        dreq_be = '0;
  logic              dreq_spec = 1'b0;
  logic              dreq_nb = 1'b0;
  logic [NC-1:0]     dresp_valid, dresp_err, dresp_nbl;
  logic [NC*32-1:0]  dresp_rdata;
  logic              fill_valid;
  logic [FillW-1:0]  fill_slot;
  logic [31:0]       fill_data;

  logic              wb_cyc, wb_stb, wb_we, wb_ack, wb_err, wb_stall;
  logic [31:0]       wb_adr, wb_dat_w, wb_dat_r;
  logic [3:0]        wb_sel;
  logic [2:0]        wb_cti;
  logic [1:0]        wb_bte;

  logic              per_req, per_we;
  logic [31:0]       per_addr;
  /* verilator lint_off UNUSEDSIGNAL */
  logic [31:0]       per_wdata;                  // the bench sends no peripheral stores
  logic [3:0]        per_be;
  /* verilator lint_on UNUSEDSIGNAL */
  logic [31:0]       per_rdata;

  logic              ev_acc_valid, ev_acc_spec, ev_fill_valid, ev_fill_spec, ev_fill_pref;
  logic [TidW-1:0]   ev_acc_tid, ev_fill_tid, ev_wb_tid;
  logic [2:0]        ev_acc_op, ev_acc_cls;
  logic [31:0]       ev_acc_addr, ev_fill_addr, ev_wb_addr, ev_evict_addr;
  logic              ev_wb_valid, ev_evict_valid, ev_evict_useless, ev_evict_spared;
  logic [NC-1:0]     ev_mshr_full;
  logic [31:0]       dbg_addr = '0, dbg_data;
  logic              dbg_hit, dbg_dirty_any, ev_acc_posted;

  logic        pf_valid = 1'b0;
  logic [31:0] pf_addr = '0, pf_state = 32'h1234_5679;
  logic [15:0] pfill_cnt;
  logic        pex_keep = 1'b0;             // spare unused p-thread fills: random, or set by a test
  bit          keep_rand = 1'b1;
  int          n_hint = 0;
  bit          hints_on = 1'b1;             // off during the directed posted-store tests
  bit          err_ok = 1'b0;               // the slave may answer with an error (D8)
  outrider_dcache #(
    .NumCtx (NC), .SizeBytes (SIZE), .Ways (WAYS), .LineBytes (LINE), .NumMshr (MSHRS),
    .NextLinePrefetch (PREF), .DebugPort (1),
    .PostedStores (POSTED), .NbLoads (NBL), .PexMshrReserve (PEXR), .PexMissWait (PEXW)
  ) u_dut (
    .clk_i (clk), .rst_ni (rst_n),
    .dreq_valid_i (dreq_valid), .dreq_ready_o (dreq_ready), .dreq_tid_i (dreq_tid),
    .dreq_op_i (dreq_op), .dreq_amo_i (dreq_amo), .dreq_addr_i (dreq_addr),
    .dreq_wdata_i (dreq_wdata), .dreq_be_i (dreq_be), .dreq_spec_i (dreq_spec),
    .dresp_valid_o (dresp_valid), .dresp_rdata_o (dresp_rdata), .dresp_err_o (dresp_err),
    .dreq_nb_i (dreq_nb), .dresp_nbl_o (dresp_nbl), .fill_valid_o (fill_valid),
    .fill_slot_o (fill_slot), .fill_data_o (fill_data),
    .wb_cyc_o (wb_cyc), .wb_stb_o (wb_stb), .wb_we_o (wb_we), .wb_adr_o (wb_adr),
    .wb_sel_o (wb_sel), .wb_dat_o (wb_dat_w), .wb_cti_o (wb_cti), .wb_bte_o (wb_bte),
    .wb_dat_i (wb_dat_r), .wb_ack_i (wb_ack), .wb_err_i (wb_err), .wb_stall_i (wb_stall),
    .per_req_o (per_req), .per_we_o (per_we), .per_addr_o (per_addr),
    .per_wdata_o (per_wdata), .per_be_o (per_be), .per_rdata_i (per_rdata),
    .ev_acc_valid_o (ev_acc_valid), .ev_acc_tid_o (ev_acc_tid), .ev_acc_spec_o (ev_acc_spec),
    .ev_acc_op_o (ev_acc_op), .ev_acc_cls_o (ev_acc_cls), .ev_acc_addr_o (ev_acc_addr),
    .ev_fill_valid_o (ev_fill_valid), .ev_fill_tid_o (ev_fill_tid),
    .ev_fill_spec_o (ev_fill_spec), .ev_fill_pref_o (ev_fill_pref),
    .ev_fill_addr_o (ev_fill_addr),
    .ev_wb_valid_o (ev_wb_valid), .ev_wb_tid_o (ev_wb_tid), .ev_wb_addr_o (ev_wb_addr),
    .ev_evict_valid_o (ev_evict_valid), .ev_evict_useless_o (ev_evict_useless),
    .ev_evict_spared_o (ev_evict_spared),
    .ev_evict_addr_o (ev_evict_addr), .ev_mshr_full_o (ev_mshr_full),
    .dbg_addr_i (dbg_addr), .dbg_hit_o (dbg_hit), .dbg_data_o (dbg_data),
    .dbg_dirty_any_o (dbg_dirty_any),
    .pf_valid_i (pf_valid), .pf_addr_i (pf_addr), .pf_tid_i ('0), .pf_spec_i (1'b0),
    .pfill_cnt_o (pfill_cnt), .pex_keep_i (pex_keep)
  );

  // prefetch hints (Zicbop): now and then one for a line of the test's pool
  // (or an MMIO word, which must not reach the bus or the peripheral port),
  // from context 0, on their own random stream; they change only timing
  always @(posedge clk) begin : hints
    logic [31:0] x;
    x = pf_state;
    x = x ^ (x << 13);
    x = x ^ (x >> 17);
    x = x ^ (x << 5);
    pf_state <= x;
    pf_valid <= rst_n && hints_on && (x[3:0] == 4'd0);
    if (keep_rand) pex_keep <= x[28];
    pf_addr  <= (x[7:4] == 4'd0) ? (MmioBase | 32'(x[11:8]) << 2)
                                 : line_addr(int'(x[15:8]) % (WAYS + 4), int'(x[19:16]) % 4) +
                                   32'({x[24:22], 2'b00});
    if (pf_valid) n_hint++;
    if (rst_n) `CHECK(int'(pfill_cnt) <= SIZE / LINE, $sformatf("p-thread line count %0d", pfill_cnt))
  end

  wb_slave_model #(.Base (RamBase), .Words (Words)) u_mem (
    .clk_i (clk), .rst_ni (rst_n), .cyc_i (wb_cyc), .stb_i (wb_stb), .we_i (wb_we),
    .adr_i (wb_adr), .sel_i (wb_sel), .dat_i (wb_dat_w), .dat_o (wb_dat_r),
    .ack_o (wb_ack), .err_o (wb_err), .stall_o (wb_stall)
  );

  // ---- fake peripheral: read data = per_fn(addr) the cycle after the read
  function automatic logic [31:0] per_fn(input logic [31:0] a);
    per_fn = a ^ 32'h5A5A_0000;
  endfunction
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)  per_rdata <= Junk;
    else         per_rdata <= (per_req && !per_we) ? per_fn(per_addr) : Junk;
  end

  // ---- shadow memory: what the program must see --------------------------------
  logic [31:0] shadow [0:Words-1];

  function automatic int widx(input logic [31:0] a);
    widx = (a - RamBase) >> 2;
  endfunction

  // the w-th word (0..WPL-1) of line (tag t, set s) of the test's lines
  function automatic logic [31:0] line_addr(input int t, input int s);
    line_addr = RamBase + 32'(t * Stride + s * LINE);
  endfunction

  function automatic logic [31:0] merge(input logic [31:0] o, input logic [31:0] n,
                                        input logic [3:0] be);
    logic [31:0] m;
    m = o;
    for (int b = 0; b < 4; b++) if (be[b]) m[8*b +: 8] = n[8*b +: 8];
    merge = m;
  endfunction

  function automatic logic [31:0] ref_amo(input logic [4:0] o, input logic [31:0] m,
                                          input logic [31:0] r);
    integer sm, sr;
    sm = m; sr = r;
    case (o)
      AmoAdd:  ref_amo = m + r;
      AmoSwap: ref_amo = r;
      AmoXor:  ref_amo = m ^ r;
      AmoOr:   ref_amo = m | r;
      AmoAnd:  ref_amo = m & r;
      AmoMin:  ref_amo = (sm < sr) ? m : r;
      AmoMax:  ref_amo = (sm > sr) ? m : r;
      AmoMinu: ref_amo = (m < r) ? m : r;
      default: ref_amo = (m > r) ? m : r;
    endcase
  endfunction

  // ---- core-side driver and monitor ----------------------------------------------
  bit [NC-1:0]  want = '0;
  logic [2:0]   rq_op    [0:NC-1];
  logic [4:0]   rq_amo   [0:NC-1];
  logic [31:0]  rq_addr  [0:NC-1];
  logic [31:0]  rq_wdata [0:NC-1];
  logic [3:0]   rq_be    [0:NC-1];
  logic         rq_spec  [0:NC-1];
  logic         rq_nb    [0:NC-1];

  bit [NC-1:0]  outstanding = '0;
  bit [NC-1:0]  resp_got = '0;
  logic [31:0]  resp_rdata [0:NC-1];
  logic         resp_err   [0:NC-1];
  logic [2:0]   last_cls   [0:NC-1];   // class of the context's last access event
  longint       acc_cyc    [0:NC-1];
  longint       resp_cyc   [0:NC-1];   // cycle of the context's last answer
  int           n_posted = 0, max_posted = 0;
  bit           last_posted [0:NC-1];  // the context's last access event was a posted store
  logic [31:0]  watch_line = '1;       // fill_cyc: cycle of the last fill of watch_line
  longint       fill_cyc = 0;
  longint       cyc = 0;
  int           rr = 0;
  int           n_acc = 0, n_drop = 0, n_pref = 0, n_merge = 0, n_wb = 0, n_full = 0;
  int           n_fill = 0, n_evict = 0, n_ready_dep = 0, n_spec_fill = 0, n_useless = 0;
  int           n_resp [0:NC-1];       // answers per context
  event         mon_ev;

  // ---- non-blocking loads: the bench's model of the core's outstanding-load
  // table (outrider_nbl). A load answered outstanding (dresp_nbl) takes an
  // entry {context, address, slot}; it captures the fill-port word of its
  // slot the first time that slot appears after the answer. Expected value
  // (the exact rule): the shadow word when the load was answered. Stores
  // posted before the answer are in the shadow and in the beat; a store
  // to the word after the answer (any context) must not be posted (access
  // event DopStorePosted: a failure): it parks and is performed after the
  // install, so the load never sees it. (The core lets no store of the
  // load's own context to the word go first; the cache does not need that,
  // and the random traffic does not hold such stores back.)
  bit           nb_off = 1'b0;         // +nb_off: dreq_nb_i always low (same random streams)
  bit           quick = 1'b0;          // +quick: a quarter of the random traffic
  bit           nb_on;                 // NBL != 0 and not +nb_off: loads may go outstanding
  logic         resp_nbl [0:NC-1];     // the context's last answer was "outstanding"
  bit           q_v    [0:NQ-1];       // waiting for its beat
  int           q_ctx  [0:NQ-1];
  logic [31:0]  q_addr [0:NQ-1];
  logic [FillW-1:0] q_slot [0:NQ-1];
  logic [31:0]  q_exp  [0:NQ-1];
  longint       q_ans  [0:NQ-1];       // cycle of the outstanding answer
  longint       q_arr  [0:NQ-1];       // cycle its beat came (0: not yet)
  logic [31:0]  q_data [0:NQ-1];       // the word it got
  int           q_next = 0, q_wait = 0;
  int           nbl_idx [0:NC-1];      // entry of the context's last outstanding answer
  int           nb_wait [0:NC-1];      // the context's entries still waiting
  int           n_nbl = 0, n_nbl_got = 0, n_nbl_spec = 0, n_fillport = 0;
  int           n_nbl_post = 0;        // stores to the word of a waiting load (held, not posted)
  longint       nbl_max_wait = 0;
  // a hash of what the cache does every cycle (answers, bus, peripheral
  // port): equal hashes = cycle-identical runs (the NbLoads = 0 check)
  logic [31:0]  trace_h = 32'h811C_9DC5;
  function automatic logic [31:0] fnv(input logic [31:0] h, input logic [31:0] x);
    fnv = (h ^ x) * 32'h0100_0193;
  endfunction

  // ---- replacement (docs/dcache.md "Replacement"): a reference model of the
  // tree pseudo-LRU, fed with the cache's touches (a completed fill, then a
  // hit: each makes its way the most recently used), and the victim it
  // picks for every allocation in stage 1 (the lowest invalid way that may
  // be replaced; else, while pex_keep is high, among the ways that may be
  // replaced and hold no unused p-thread fill, the pseudo-LRU way if it is
  // one, else the lowest of them; else the pseudo-LRU way if it may be
  // replaced, else the lowest way that may be); the model walks the tree
  // with node arithmetic, as the cache did before it was rewritten with
  // constant compares
  localparam int RSets  = SIZE / (LINE * WAYS);
  localparam int RSetW  = $clog2(RSets);
  localparam int RLev   = (WAYS > 1) ? $clog2(WAYS) : 0;
  localparam int RNodes = (WAYS > 1) ? WAYS - 1 : 1;
  logic [RNodes-1:0] ref_tree [RSets];
  int                n_lru_pick = 0;           // victims the tree chose
  int                n_spared   = 0;           // victims other than a p-thread fill the tree chose
  int                ref_good   = 0;           // the cache's p-thread usefulness count (0..63)
  int                n_good_cyc = 0;           // cycles it was at 32 or more
  function automatic int ref_lru(input logic [RNodes-1:0] b);
    int node;
    node = 0;
    for (int l = 0; l < RLev; l++) node = 2 * node + 1 + int'(b[node]);
    ref_lru = node - (WAYS - 1);
  endfunction
  /* verilator lint_off UNUSEDSIGNAL */
  function automatic logic [RNodes-1:0] ref_touch(input logic [RNodes-1:0] b, input int w);
    int node;
    ref_touch = b;
    for (int l = 0; l < RLev; l++) begin
      node = (1 << l) - 1 + (w >> (RLev - l));
      ref_touch[node] = ((w >> (RLev - 1 - l)) & 1) == 0;
    end
  endfunction
  /* verilator lint_on UNUSEDSIGNAL */
  initial for (int i = 0; i < RSets; i++) ref_tree[i] = '0;
  always @(posedge clk) begin : replacement
    int lru, exp, set;
    bit spared;
    logic [WAYS-1:0] av, inv, oth;
    if (rst_n) `CHECK(u_dut.pfill_good == (ref_good >= 32),
                      $sformatf("usefulness of p-thread fills: cache %b, model %0d", u_dut.pfill_good, ref_good))
    if (rst_n && WAYS > 1) begin
      if (u_dut.s1_alloc) begin
        set = int'(u_dut.s1_set);
        av  = u_dut.s1_avail;
        inv = ~u_dut.s1_valid;
        lru = ref_lru(ref_tree[set]);
        oth = (pex_keep && ref_good >= 32) ? (av & ~u_dut.s1_pfill) : av;
        exp = -1;
        spared = 1'b0;
        for (int w = WAYS - 1; w >= 0; w--) if (av[w] && inv[w]) exp = w;
        if (exp < 0 && oth != av && oth != '0) begin
          if (oth[lru]) exp = lru;
          else for (int w = WAYS - 1; w >= 0; w--) if (oth[w]) exp = w;
          spared = av[lru] && exp != lru;
          if (spared) n_spared++;
        end
        if (exp < 0 && av[lru]) begin
          exp = lru;
          n_lru_pick++;
        end
        if (exp < 0) for (int w = WAYS - 1; w >= 0; w--) if (av[w]) exp = w;
        `CHECK(ev_evict_spared == spared,
               $sformatf("replacement in set %0d: spared event %b, expected %b", set, ev_evict_spared, spared))
        `CHECK(int'(u_dut.victim) == exp,
               $sformatf("replacement in set %0d: victim way %0d, expected %0d (may be replaced %b, invalid %b, tree %b)",
                         set, u_dut.victim, exp, av, inv, ref_tree[set]))
      end
      // the usefulness count: +2 per first use of a p-thread fill, -1 per p-thread fill
      if (u_dut.s1_pfill_clr && u_dut.s1_pfill[u_dut.hit_way]) ref_good = (ref_good + 2 > 63) ? 63 : ref_good + 2;
      if (u_dut.fill && u_dut.done_pfill && !u_dut.u_frames.pfill_q[int'(u_dut.done_line[RSetW-1:0]) * WAYS + int'(u_dut.done_way)])
        ref_good = (ref_good == 0) ? 0 : ref_good - 1;
      if (ref_good >= 32) n_good_cyc++;
      if (u_dut.fill)
        ref_tree[int'(u_dut.done_line[RSetW-1:0])] = ref_touch(ref_tree[int'(u_dut.done_line[RSetW-1:0])],
                                                               int'(u_dut.done_way));
      if (u_dut.touch_hit)
        ref_tree[int'(u_dut.s1_set)] = ref_touch(ref_tree[int'(u_dut.s1_set)], int'(u_dut.hit_way));
    end
  end

  assign ev_acc_posted = ev_acc_op == DopStorePosted;
  always @(posedge clk) begin : monitor
    if (rst_n) begin
      if (fill_valid)
        `CHECK(int'(fill_slot[WordW +: MshrW]) < MSHRS, $sformatf("fill slot %h names no MSHR", fill_slot))
      if (ev_acc_valid) begin
        `CHECK(int'(ev_acc_tid) < NC && ev_acc_op != DopFence &&
               (!ev_acc_spec || ev_acc_op == DopLoad || ev_acc_op == DopLr) &&
               ((ev_acc_cls == ClsUncached) ? ((ev_acc_addr & MmioMask) == MmioBase)
                                            : ((ev_acc_addr & RamMask) == RamBase)),
               $sformatf("access event ctx%0d op %0d spec %b class %0d at %h", ev_acc_tid,
                         ev_acc_op, ev_acc_spec, ev_acc_cls, ev_acc_addr))
        last_cls[ev_acc_tid] = ev_acc_cls;
        if (ev_acc_cls == ClsDropped) n_drop++;
        if (ev_acc_cls == 3'd2 || ev_acc_cls == 3'd3) n_merge++;
        if (ev_acc_valid) last_posted[ev_acc_tid] = ev_acc_posted;
        if (ev_acc_posted) begin
          n_posted++;
          `CHECK(POSTED != 0 && !ev_acc_spec,
                 $sformatf("posted access: op %0d spec %b", ev_acc_op, ev_acc_spec))
        end
      end
      // an uncached access goes out only when no posted store of its context waits
      if (per_req)
        `CHECK(u_dut.posted_now[u_dut.u_arb.s0_tid] == 1'b0,
               "a peripheral access while posted stores of its context wait")
      if (ev_fill_valid) begin
        n_fill++;
        if (ev_fill_addr == watch_line) fill_cyc = cyc;
        if (ev_fill_pref) n_pref++;
        if (ev_fill_spec) n_spec_fill++;
        `CHECK(int'(ev_fill_tid) < NC && (!ev_fill_spec || int'(ev_fill_tid) == NC - 1),
               $sformatf("fill attributed to ctx%0d (spec %b)", ev_fill_tid, ev_fill_spec))
        `CHECK((ev_fill_addr & RamMask) == RamBase && ev_fill_addr[$clog2(LINE)-1:0] == '0,
               $sformatf("fill of a line address %h", ev_fill_addr))
      end
      if (ev_wb_valid) begin
        n_wb++;
        `CHECK((ev_wb_addr & RamMask) == RamBase && int'(ev_wb_tid) < NC,
               $sformatf("write-back of %h by ctx%0d", ev_wb_addr, ev_wb_tid))
      end
      if (ev_evict_valid) begin
        n_evict++;
        n_useless += int'(ev_evict_useless);
        `CHECK((ev_evict_addr & RamMask) == RamBase && ev_evict_addr[$clog2(LINE)-1:0] == '0,
               $sformatf("eviction of %h", ev_evict_addr))
      end
      if (per_req) `CHECK(!per_we, "a peripheral store (the bench sends none)")
      if (wb_err && !err_ok) `CHECK(0, "the slave answered with an error")
      if (|ev_mshr_full) n_full++;
      // the fill port: the waiting loads of this slot get their word
      if (fill_valid) begin
        n_fillport++;
        `CHECK(NBL != 0, "fill port active with NbLoads = 0")
        for (int i = 0; i < NQ; i++) begin
          if (q_v[i] && q_slot[i] == fill_slot) begin
            `CHECK(fill_data == q_exp[i],
                   $sformatf("ctx%0d outstanding load %h (slot %h, answered in cycle %0d) got %h, expected %h",
                             q_ctx[i], q_addr[i], q_slot[i], q_ans[i], fill_data, q_exp[i]))
            q_v[i]    = 1'b0;
            q_arr[i]  = cyc;
            q_data[i] = fill_data;
            nb_wait[q_ctx[i]]--;
            q_wait--;
            n_nbl_got++;
            if (cyc - q_ans[i] > nbl_max_wait) nbl_max_wait = cyc - q_ans[i];
          end
        end
      end
      // a store to the word of a waiting load must not be posted (it waits
      // for the install); count the stores that met a waiting load
      if (ev_acc_valid && (ev_acc_posted || ev_acc_op == DopStore)) begin
        for (int i = 0; i < NQ; i++) begin
          if (q_v[i] && q_addr[i][31:2] == ev_acc_addr[31:2]) begin
            `CHECK(!ev_acc_posted,
                   $sformatf("ctx%0d store to %h posted while ctx%0d's outstanding load of it (slot %h) waits",
                             ev_acc_tid, ev_acc_addr, q_ctx[i], q_slot[i]))
            n_nbl_post++;
          end
        end
      end
      trace_h = fnv(trace_h, {16'(dresp_valid), 8'(dresp_err), 8'(dresp_nbl)});
      trace_h = fnv(trace_h, {24'd0, wb_cyc, wb_stb, wb_we, wb_stall, wb_ack, wb_err, per_req, per_we});
      if (wb_stb) trace_h = fnv(trace_h, wb_adr ^ (wb_we ? wb_dat_w : 32'd0));
      if (per_req) trace_h = fnv(trace_h, per_addr);
      begin : count_posted
        int k;
        k = 0;
        for (int m = 0; m < MSHRS; m++)
          if (u_dut.u_mshr.st_q[2*m +: 2] != 2'd0 &&
              u_dut.u_mshr.pmask_q[LINE*m +: LINE] != '0) k++;
        if (k > max_posted) max_posted = k;
      end
      for (int c = 0; c < NC; c++) begin
        if (dresp_nbl[c] && !dresp_valid[c]) `CHECK(0, $sformatf("ctx%0d: dresp_nbl without dresp_valid", c))
        if (dresp_valid[c]) begin
          n_resp[c]++;
          trace_h = fnv(trace_h, dresp_rdata[32*c +: 32]);
          if (!outstanding[c]) begin
            `CHECK(0, $sformatf("ctx%0d: response without an outstanding request", c))
          end else begin
            `CHECK(cyc > acc_cyc[c], $sformatf("ctx%0d: response in the acceptance cycle", c))
            resp_rdata[c]  = dresp_rdata[32*c +: 32];
            resp_err[c]    = dresp_err[c];
            resp_nbl[c]    = dresp_nbl[c];
            resp_got[c]    = 1'b1;
            if (dresp_nbl[c]) nbl_answer(c);
            resp_cyc[c]    = cyc;
            outstanding[c] = 1'b0;
          end
        end
      end
      if (dreq_valid && dreq_ready) begin
        if (outstanding[dreq_tid]) `CHECK(0, $sformatf("ctx%0d: accepted a second request", dreq_tid))
        outstanding[dreq_tid] = 1'b1;
        acc_cyc[dreq_tid]     = cyc;
        want[dreq_tid]        = 1'b0;
        rr                    = (int'(dreq_tid) + 1) % NC;
        n_acc++;
      end
      cyc++;
    end
    -> mon_ev;
  end

  // an outstanding answer to context c (called by the monitor): check it and
  // take an entry of the bench's table
  task automatic nbl_answer(input int c);
    logic [31:0]      r;
    logic [FillW-1:0] slot;
    int               k;
    r    = dresp_rdata[32*c +: 32];
    slot = r[FillW-1:0];
    n_nbl++;
    if (rq_spec[c]) n_nbl_spec++;
    `CHECK(nb_on && rq_nb[c] && rq_op[c] == DopLoad && !dresp_err[c] &&
           (rq_addr[c] & RamMask) == RamBase,
           $sformatf("ctx%0d: outstanding answer to op %0d nb %b at %h (NbLoads %0d, nb_off %b)",
                     c, rq_op[c], rq_nb[c], rq_addr[c], NBL, nb_off))
    `CHECK(r >> FillW == 0 && int'(slot[WordW +: MshrW]) < MSHRS &&
           slot[WordW-1:0] == rq_addr[c][2 +: WordW],
           $sformatf("ctx%0d: outstanding load %h answered with slot %h", c, rq_addr[c], r))
    `CHECK(!(fill_valid && fill_slot == slot),
           $sformatf("ctx%0d: the beat of slot %h came in the cycle of the outstanding answer", c, slot))
    k = -1;
    for (int j = 0; j < NQ; j++)
      if (k < 0 && !q_v[(q_next + j) % NQ]) k = (q_next + j) % NQ;
    if (k < 0) begin
      `CHECK(0, "the bench's table of outstanding loads is full")
    end else begin
      q_v[k]    = 1'b1;
      q_ctx[k]  = c;
      q_addr[k] = rq_addr[c];
      q_slot[k] = slot;
      q_exp[k]  = shadow[widx(rq_addr[c])];
      q_ans[k]  = cyc;
      q_arr[k]  = 0;
      q_data[k] = 32'd0;
      q_next    = (k + 1) % NQ;
      nbl_idx[c] = k;
      nb_wait[c]++;
      q_wait++;
    end
  endtask

  // Wishbone bursts (docs/dcache.md): WPL beats of sel 4'hF, CTI 3'b010 on
  // every beat but the last (3'b111); writes linear from word 0 (BTE 00);
  // reads start at any word and wrap (BTE 01/10/11 for 4/8/16 words), or,
  // for other line sizes, are linear from word 0
  localparam logic       WrapRd  = (WPL == 4) || (WPL == 8) || (WPL == 16);
  localparam logic [1:0] BteWrap = (WPL == 4) ? 2'b01 : ((WPL == 8) ? 2'b10 : 2'b11);
  int          b_beat = 0, b_start = 0, n_bursts = 0;
  logic        b_we = 1'b0;
  // read bursts in flight (first beat presented, last beat not yet answered)
  bit          acc_we [0:255];          // accepted beats not yet answered: a write?
  int          acc_head = 0, acc_cnt = 0, rd_acked = 0, rd_started = 0, rd_done = 0;
  int          rd_ovl_max = 0;
  logic [31:0] b_line = '0;
  string       b_why = "";
  always @(posedge clk) begin : burst_monitor
    int word;
    if (rst_n && (wb_ack || wb_err) && acc_cnt > 0) begin
      if (!acc_we[acc_head]) begin
        rd_acked++;
        if (rd_acked % WPL == 0) rd_done++;
      end
      acc_head = (acc_head + 1) % 256;
      acc_cnt--;
    end
    if (rst_n && wb_cyc && wb_stb && !wb_stall) begin
      word = int'(wb_adr[$clog2(LINE)-1:2]);
      acc_we[(acc_head + acc_cnt) % 256] = wb_we;
      acc_cnt++;
      if (b_beat == 0 && !wb_we) rd_started++;
      if (rd_started - rd_done > rd_ovl_max) rd_ovl_max = rd_started - rd_done;
      if (b_beat == 0) begin
        b_we    = wb_we;
        b_line  = wb_adr & ~32'(LINE - 1);
        b_start = word;
        b_why   = "";
        if (wb_we && word != 0)            b_why = "write burst not from word 0";
        if (!wb_we && !WrapRd && word != 0) b_why = "linear read burst not from word 0";
      end
      if (wb_sel != 4'hF || wb_adr[1:0] != 2'b00) b_why = $sformatf("sel %b", wb_sel);
      if (wb_we != b_we || (wb_adr & ~32'(LINE - 1)) != b_line ||
          word != (wb_we ? b_beat : (b_start + b_beat) % WPL))
        b_why = $sformatf("beat %0d at %h", b_beat, wb_adr);
      if (wb_bte != ((!wb_we && WrapRd) ? BteWrap : 2'b00))
        b_why = $sformatf("BTE %b on beat %0d", wb_bte, b_beat);
      if (wb_cti != ((b_beat == WPL - 1) ? 3'b111 : 3'b010))
        b_why = $sformatf("CTI %b on beat %0d", wb_cti, b_beat);
      b_beat = (b_beat + 1) % WPL;
      if (b_beat == 0) begin
        n_bursts++;
        `CHECK(b_why == "", $sformatf("%s burst of line %h: %s", b_we ? "write" : "read",
                                      b_line, b_why))
      end
    end
  end

  always @(posedge clk) begin : driver
    bit   found;
    /* verilator lint_off UNUSEDSIGNAL */
    int   sel;
    /* verilator lint_on UNUSEDSIGNAL */
    logic r0, r1;
    #1;
    found = 1'b0;
    sel   = 0;
    for (int k = 0; k < NC; k++) begin
      if (!found && want[(rr + k) % NC]) begin
        found = 1'b1;
        sel   = (rr + k) % NC;
      end
    end
    if (found) begin
      dreq_tid   = sel[TidW-1:0];
      dreq_op    = rq_op[sel];
      dreq_amo   = rq_amo[sel];
      dreq_addr  = rq_addr[sel];
      dreq_wdata = rq_wdata[sel];
      dreq_be    = rq_be[sel];
      dreq_spec  = rq_spec[sel];
      dreq_nb    = rq_nb[sel] && !nb_off;
      // ready must not depend on valid
      dreq_valid = 1'b0;
      #1 r0 = dreq_ready;
      dreq_valid = 1'b1;
      #1 r1 = dreq_ready;
      if (r0 != r1) n_ready_dep++;
    end else begin
      dreq_valid = 1'b0;
      // junk on the other request fields while valid is low
      dreq_tid   = TidW'(rnd());
      dreq_op    = 3'(rnd());
      dreq_amo   = 5'(rnd());
      dreq_addr  = rnd();
      dreq_wdata = rnd();
      dreq_be    = 4'(rnd());
      dreq_spec  = 1'(rnd());
      dreq_nb    = 1'(rnd());
    end
  end

  // one request of context c with dreq_nb_i = nb; nbl: answered outstanding
  // (rdata is then the refill slot; the monitor checks the value it gets)
  /* verilator lint_off UNUSEDSIGNAL */        // c indexes arrays of NC entries
  task automatic xact_nb(input int c, input logic [2:0] op, input logic [4:0] amo,
                         input logic [31:0] addr, input logic [31:0] wdata, input logic [3:0] be,
                         input logic spec, input logic nb, output logic [31:0] rdata,
                         output logic err, output logic nbl);
    rq_op[c] = op; rq_amo[c] = amo; rq_addr[c] = addr; rq_wdata[c] = wdata; rq_be[c] = be;
    rq_spec[c] = spec; rq_nb[c] = nb;
    resp_got[c] = 1'b0;
    want[c] = 1'b1;
    while (!resp_got[c]) @(mon_ev);
    rdata = resp_rdata[c];
    err   = resp_err[c];
    nbl   = resp_nbl[c];
  endtask

  task automatic xact(input int c, input logic [2:0] op, input logic [4:0] amo,
                      input logic [31:0] addr, input logic [31:0] wdata, input logic [3:0] be,
                      input logic spec, output logic [31:0] rdata, output logic err);
    logic nbl;
    xact_nb(c, op, amo, addr, wdata, be, spec, 1'b0, rdata, err, nbl);
    `CHECK(!nbl, $sformatf("ctx%0d: outstanding answer to a request without dreq_nb_i", c))
  endtask
  /* verilator lint_on UNUSEDSIGNAL */

  // ---- random traffic of one context ----------------------------------------------
  task automatic t_random(input int c, input int n);
    logic [31:0] a, d, v, exp, prev;
    logic [3:0]  be;
    logic [4:0]  amo_ops [0:8];
    logic        e, nb, nbl;
    int          kind, w, size;
    amo_ops[0] = AmoAdd; amo_ops[1] = AmoSwap; amo_ops[2] = AmoXor; amo_ops[3] = AmoOr;
    amo_ops[4] = AmoAnd; amo_ops[5] = AmoMin; amo_ops[6] = AmoMax; amo_ops[7] = AmoMinu;
    amo_ops[8] = AmoMaxu;
    for (int k = 0; k < n; k++) begin
      kind = $unsigned(rnd()) % 100;
      // the context's own words: w % NC == c (contexts never share a word,
      // so the shadow is exact and an LR/SC pair is never broken by another
      // context's store)
      w    = c + NC * ($unsigned(rnd()) % ((WPL - 1 - c) / NC + 1));
      v    = line_addr($unsigned(rnd()) % Tags, $unsigned(rnd()) % NSets) + 32'(4 * w);
      // a quarter of the accesses go to the context's previous word again
      // (a store or load right after a load that went outstanding)
      size = int'(rnd());
      a    = (k == 0 || size[1:0] != 2'd0) ? v : prev;
      prev = a;
      v    = rnd();
      // dreq_nb_i: like the core, asked while the context's table has room
      // (and now and then for a load without a register, x0, which needs
      // none); also on other operations, which must never go outstanding.
      // An outstanding load's value is checked by the monitor (fill port).
      size = int'(rnd());
      nb   = (size[1:0] != 2'd0) && (nb_wait[c] < NbEnt || size[4:2] == 3'd0);
      if (kind < 30) begin                                   // load
        xact_nb(c, DopLoad, 5'd0, a, 32'd0, 4'hF, 1'b0, nb, d, e, nbl);
        `CHECK(!e && (nbl || d == shadow[widx(a)]),
               $sformatf("ctx%0d load %h = %h, expected %h", c, a, d, shadow[widx(a)]))
      end else if (kind < 58) begin                          // store, 1/2/4 bytes
        size = 1 << ($unsigned(rnd()) % 3);
        if (size == 4) be = 4'hF;
        else if (size == 2) be = 4'b0011 << (2 * ($unsigned(rnd()) % 2));
        else be = 4'b0001 << ($unsigned(rnd()) % 4);
        xact_nb(c, DopStore, 5'd0, a, v, be, 1'b0, nb, d, e, nbl);
        `CHECK(!e && !nbl && d == 32'd0, $sformatf("ctx%0d store %h: err=%b nbl=%b rdata=%h", c, a, e, nbl, d))
        shadow[widx(a)] = merge(shadow[widx(a)], v, be);
      end else if (kind < 70) begin                          // AMO
        logic [4:0] op;
        op  = amo_ops[$unsigned(rnd()) % 9];
        exp = shadow[widx(a)];
        xact_nb(c, DopAmo, op, a, v, 4'hF, 1'b0, nb, d, e, nbl);
        `CHECK(!e && !nbl && d == exp, $sformatf("ctx%0d AMO %b %h = %h, expected %h (nbl %b)", c, op, a, d, exp, nbl))
        shadow[widx(a)] = ref_amo(op, exp, v);
      end else if (kind < 78) begin                          // LR, then SC
        xact_nb(c, DopLr, 5'd0, a, 32'd0, 4'hF, 1'b0, nb, d, e, nbl);
        `CHECK(!e && !nbl && d == shadow[widx(a)], $sformatf("ctx%0d LR %h = %h (nbl %b)", c, a, d, nbl))
        xact_nb(c, DopSc, 5'd0, a, v, 4'hF, 1'b0, nb, d, e, nbl);
        `CHECK(!e && !nbl && d == 32'd0, $sformatf("ctx%0d SC %h: err=%b nbl=%b result %h", c, a, e, nbl, d))
        shadow[widx(a)] = v;
      end else if (kind < 80) begin                          // SC without reservation
        xact_nb(c, DopSc, 5'd0, a, v, 4'hF, 1'b0, nb, d, e, nbl);
        `CHECK(!e && !nbl && d == 32'd1, $sformatf("ctx%0d lone SC %h: err=%b nbl=%b result %h", c, a, e, nbl, d))
      end else if (kind < 82) begin                          // fence
        xact_nb(c, DopFence, 5'd0, a, 32'd0, 4'h0, 1'b0, nb, d, e, nbl);
        `CHECK(!e && !nbl && d == 32'd0, $sformatf("ctx%0d fence: err=%b nbl=%b", c, e, nbl))
      end else if (kind < 86) begin                          // peripheral load
        a = MmioBase + 32'(4 * ($unsigned(rnd()) % 16));
        xact_nb(c, DopLoad, 5'd0, a, 32'd0, 4'hF, 1'b0, nb, d, e, nbl);
        `CHECK(!e && !nbl && d == per_fn(a), $sformatf("ctx%0d peripheral load %h = %h (nbl %b)", c, a, d, nbl))
      end else if (c == NC - 1) begin                        // p-thread load
        xact_nb(c, DopLoad, 5'd0, a, 32'd0, 4'hF, 1'b1, nb, d, e, nbl);
        `CHECK(!e && (nbl || d == shadow[widx(a)] || (PEXW == 0 && d == 32'd0 && last_cls[c] == ClsDropped)),
               $sformatf("ctx%0d spec load %h = %h, expected %h or a drop", c, a, d,
                         shadow[widx(a)]))
      end else begin                                         // plain load again
        xact_nb(c, DopLoad, 5'd0, a, 32'd0, 4'hF, 1'b0, nb, d, e, nbl);
        `CHECK(!e && (nbl || d == shadow[widx(a)]), $sformatf("ctx%0d load %h = %h", c, a, d))
      end
    end
  endtask

  // per-context workers (Icarus 11 cannot fork/join_none task calls)
  int          job_n;
  bit [NC-1:0] job_go = '0;
  for (genvar g = 0; g < NC; g++) begin : g_worker
    initial begin
      forever begin
        wait (job_go[g]);
        t_random(g, job_n);
        job_go[g] = 1'b0;
      end
    end
  end

  // memory's word overlaid with the bytes the backdoor holds (dbg_addr_i[1:0]
  // = 1: the lanes query, dbg_data_o[3:0] = which bytes are the cache's)
  task automatic backdoor_word(input logic [31:0] a, input logic [31:0] mem_w,
                               output logic [31:0] got);
    logic [31:0] d;
    got = mem_w;
    dbg_addr = a;
    #0.1;
    if (dbg_hit) begin
      d = dbg_data;
      dbg_addr = a | 32'd1;
      #0.1;
      `CHECK(dbg_hit && dbg_data[31:4] == '0 && dbg_data[3:0] != 4'd0,
             $sformatf("backdoor lanes query of %h: hit %b lanes %h", a, dbg_hit, dbg_data))
      got = merge(mem_w, d, dbg_data[3:0]);
    end
  endtask

  // the program's view = RAM overlaid with the dirty data the backdoor reports
  task automatic check_view(input string what, input bit backdoor);
    logic [31:0] a, got;
    int bad;
    bad = 0;
    for (int t = 0; t < Tags; t++) begin
      for (int s = 0; s < NSets; s++) begin
        for (int w = 0; w < WPL; w++) begin
          a = line_addr(t, s) + 32'(4 * w);
          got = u_mem.mem[widx(a)];
          if (backdoor) backdoor_word(a, got, got);
          if (got != shadow[widx(a)]) bad++;
        end
      end
    end
    `CHECK(bad == 0, $sformatf("%s: %0d words differ from the shadow", what, bad))
  endtask

  task automatic run_config(input int lat, input int stall, input int maxout, input int n);
    /* verilator lint_off UNUSEDSIGNAL */
    logic [31:0] d;
    /* verilator lint_on UNUSEDSIGNAL */
    logic        e;
    u_mem.latency = lat; u_mem.stall_pct = stall; u_mem.max_out = maxout;
    $display("  %s: latency %0d, stall %0d%%, max in flight %0d", name, lat, stall, maxout);
    job_n  = quick ? n / 4 : n;
    job_go = '1;
    wait (job_go == '0);
    wait_nbl("random traffic");
    repeat (3) @(mon_ev);
    check_view("backdoor view", 1'b1);
    xact(0, DopFence, 5'd0, RamBase, 32'd0, 4'h0, 1'b0, d, e);
    `CHECK(!e, "final fence")
    check_view("memory after a fence", 1'b0);
    `CHECK(!dbg_dirty_any, "nothing dirty after a fence")
  endtask

  // every outstanding load gets its beat (within 20000 cycles)
  task automatic wait_nbl(input string what);
    longint t0;
    t0 = cyc;
    while (q_wait != 0 && cyc - t0 < 20000) @(mon_ev);
    for (int i = 0; i < NQ; i++)
      if (q_v[i]) `CHECK(0, $sformatf("%s: ctx%0d outstanding load %h (slot %h, answered in cycle %0d) never got its beat",
                                      what, q_ctx[i], q_addr[i], q_slot[i], q_ans[i]))
  endtask

  // ---- directed tests of posted stores (docs/dcache.md "Posted stores") -----------
  // (idle for 4 cycles in a row: a next-line prefetch may be queued a
  // cycle after its demand miss completes)
  task automatic wait_idle();
    int quiet;
    quiet = 0;
    while (quiet < 4) begin
      @(mon_ev);
      if (u_dut.u_mshr.st_q != '0 || u_dut.wr_busy || u_dut.vr_active || u_dut.pfq_v ||
          outstanding != '0 || q_wait != 0) quiet = 0;
      else quiet++;
    end
  endtask

  // a store of ctx c; lat = cycles from acceptance to the answer
  task automatic st(input int c, input logic [31:0] a, input logic [31:0] v,
                    input logic [3:0] be, output longint lat);
    logic [31:0] d;
    logic        e;
    xact(c, DopStore, 5'd0, a, v, be, 1'b0, d, e);
    `CHECK(!e && d == 32'd0, $sformatf("ctx%0d store %h: err=%b rdata=%h", c, a, e, d))
    shadow[widx(a)] = merge(shadow[widx(a)], v, be);
    lat = resp_cyc[c] - acc_cyc[c];
  endtask

  task automatic ld_check(input int c, input logic [31:0] a, output longint lat);
    logic [31:0] d;
    logic        e;
    xact(c, DopLoad, 5'd0, a, 32'd0, 4'hF, 1'b0, d, e);
    `CHECK(!e && d == shadow[widx(a)],
           $sformatf("ctx%0d load %h = %h, expected %h", c, a, d, shadow[widx(a)]))
    lat = resp_cyc[c] - acc_cyc[c];
  endtask

  // the backdoor view of one line (RAM overlaid byte by byte) against the shadow
  task automatic view_line(input string what, input logic [31:0] line);
    logic [31:0] a, got;
    int bad;
    bad = 0;
    for (int w = 0; w < WPL; w++) begin
      a = line + 32'(4 * w);
      backdoor_word(a, u_mem.mem[widx(a)], got);
      if (got != shadow[widx(a)]) bad++;
    end
    `CHECK(bad == 0, $sformatf("%s: %0d words of line %h differ in the backdoor view", what, bad, line))
  endtask

  task automatic t_posted();
    localparam longint Lat = 30;
    logic [31:0] a, d, exp;
    logic        e;
    longint      lat, lat2;
    int          c1, n;
    c1 = (NC > 1) ? 1 : 0;
    hints_on = 1'b0;
    u_mem.latency = int'(Lat); u_mem.stall_pct = 0; u_mem.max_out = 64;
    $display("  %s: directed posted-store tests (PostedStores = %0d)", name, POSTED);
    wait_idle();

    // D1: a store miss is answered in stage 1 (posted), or parks (POSTED = 0)
    a = line_addr(0, 5) + 32'(4 * (WPL - 1));
    watch_line = line_addr(0, 5);
    st(0, a, 32'hA1B2_C3D4, 4'b0010, lat);
    if (POSTED != 0 && PREF == 0)
      `CHECK(lat == 1 && last_posted[0], $sformatf("D1: posted store answered after %0d cycles", lat))
    else if (POSTED == 0)
      `CHECK(lat > Lat && !last_posted[0], $sformatf("D1: store miss (not posted) answered after %0d cycles", lat))
    if (POSTED != 0) begin
      // D2: more stores to the line in flight merge (halfword, bytes, newer
      // bytes win), each answered in stage 1; the backdoor sees them
      st(0, a, 32'h1122_3344, 4'b1100, lat);
      if (PREF == 0) `CHECK(lat == 1, $sformatf("D2: merged store answered after %0d cycles", lat))
      st(0, a, 32'h5566_7788, 4'b0010, lat);   // overwrites the byte of D1
      st(0, a, 32'h99AA_BBCC, 4'b0001, lat);
      st(0, line_addr(0, 5), 32'hDEAD_BEEF, 4'b1111, lat2);
      if (PREF == 0) begin
        `CHECK(lat == 1 && lat2 == 1, $sformatf("D2: merged stores answered after %0d/%0d cycles", lat, lat2))
        `CHECK(u_dut.posted_any, "D2: the stores wait in an MSHR")
      end
      view_line("D2 (bytes in an MSHR)", line_addr(0, 5));
      // D3/D4: a load of the other context waits for the line and sees
      // every posted byte; it merged into the MSHR and is answered by the
      // refill beat of its word (early restart, before the line installs)
      ld_check(c1, a, lat);
      `CHECK(lat > 2,
             $sformatf("D3: load of a line in flight answered after %0d cycles", lat))
      if (NC > 1)
        `CHECK(fill_cyc == 0 || fill_cyc >= resp_cyc[c1],
               $sformatf("D4: early restart (answer %0d, fill %0d)", resp_cyc[c1], fill_cyc))
    end
    wait_idle();
    `CHECK(fill_cyc != 0, "D3: the line was installed")
    for (int w = 0; w < WPL; w++) ld_check(0, line_addr(0, 5) + 32'(4 * w), lat);
    `CHECK(u_dut.u_frames.dirty_q[(5 * WAYS) +: WAYS] != '0, "D7: the line installed dirty")
    view_line("D7 (installed line)", line_addr(0, 5));

    // D5: posted stores to up to MSHRS lines in flight at once; one more
    // finds no MSHR and parks as before
    wait_idle();
    max_posted = 0;
    n = 0;
    for (int m = 0; m < MSHRS; m++) begin
      st(0, line_addr(1, 5 + m) + 32'(4 * (m % WPL)), 32'(m) * 32'h0101_0101 + 32'h10, 4'hF, lat);
      if (lat == 1) n++;
    end
    if (POSTED != 0 && PREF == 0) begin
      `CHECK(n == MSHRS, $sformatf("D5: %0d of %0d stores posted at once", n, MSHRS))
      st(c1, line_addr(1, 5 + MSHRS) + 4, 32'h7777_7777, 4'hF, lat);
      `CHECK(lat > 1 && max_posted == MSHRS,
             $sformatf("D5: store with no free MSHR answered after %0d cycles (%0d MSHRs held posted bytes)", lat, max_posted))
    end
    for (int m = 0; m < MSHRS; m++) ld_check(c1, line_addr(1, 5 + m) + 32'(4 * (m % WPL)), lat);

    // D6: an uncached access, an AMO and a fence of a context wait for its
    // own posted stores (the other context's uncached access does not); the
    // fence's write-back carries the posted bytes
    wait_idle();
    st(0, line_addr(2, 5), 32'hCAFE_F00D, 4'b0110, lat);
    a = MmioBase + 32'h8;
    if (NC > 1) begin
      xact(c1, DopLoad, 5'd0, a, 32'd0, 4'hF, 1'b0, d, e);
      `CHECK(!e && d == per_fn(a), $sformatf("D6: peripheral load %h = %h", a, d))
      if (POSTED != 0)
        `CHECK(resp_cyc[c1] - acc_cyc[c1] == 1 && u_dut.posted_any,
               $sformatf("D6: the other context's peripheral load took %0d cycles", resp_cyc[c1] - acc_cyc[c1]))
    end
    xact(0, DopLoad, 5'd0, a, 32'd0, 4'hF, 1'b0, d, e);
    `CHECK(!e && d == per_fn(a), $sformatf("D6: peripheral load %h = %h", a, d))
    if (POSTED != 0)
      `CHECK(resp_cyc[0] - acc_cyc[0] > Lat / 2,
             $sformatf("D6: peripheral load waited %0d cycles for a posted store", resp_cyc[0] - acc_cyc[0]))
    wait_idle();
    st(0, line_addr(3, 5), 32'h0BAD_CAFE, 4'b1001, lat);
    a = line_addr(2, 5) + 32'(4 * (WPL - 1));
    exp = shadow[widx(a)];
    xact(0, DopAmo, AmoAdd, a, 32'd5, 4'hF, 1'b0, d, e);
    `CHECK(!e && d == exp, $sformatf("D6: AMO %h = %h, expected %h", a, d, exp))
    shadow[widx(a)] = exp + 32'd5;
    if (POSTED != 0)
      `CHECK(resp_cyc[0] - acc_cyc[0] > Lat / 2,
             $sformatf("D6: AMO waited %0d cycles for a posted store", resp_cyc[0] - acc_cyc[0]))
    wait_idle();
    st(0, line_addr(4, 5), 32'h1357_9BDF, 4'b1111, lat);
    xact(0, DopFence, 5'd0, RamBase, 32'd0, 4'h0, 1'b0, d, e);
    `CHECK(!e, "D6: fence")
    `CHECK(u_mem.mem[widx(line_addr(4, 5))] == shadow[widx(line_addr(4, 5))] &&
           u_mem.mem[widx(line_addr(2, 5))] == shadow[widx(line_addr(2, 5))],
           "D6: memory after the fence holds the posted bytes")

    // D8: a store beyond the end of memory is not posted (no refill of a
    // line that high has succeeded): it parks and gets its access fault
    wait_idle();
    err_ok = 1'b1;
    a = RamBase + 32'(Words * 4) + 32'(3 * LINE);
    xact(0, DopStore, 5'd0, a, 32'h0102_0304, 4'hF, 1'b0, d, e);
    `CHECK(e && !last_posted[0], $sformatf("D8: store beyond memory: err=%b posted=%b", e, last_posted[0]))
    wait_idle();
    // (with the next-line prefetcher, a prefetch of the line after it may
    // still be answered with an error later: errors stay allowed then)
    if (PREF == 0) err_ok = 1'b0;
    wait_idle();
    hints_on = 1'b1;
  endtask

  // ---- directed tests of non-blocking loads (docs/dcache.md section 18) -----------
  // Fresh lines: above every line the random traffic, the hints and the
  // posted-store tests use (from tag Tags up), every other line (so the
  // next-line prefetcher never brings in a later pick), below the line the
  // tests first load to raise the "known memory" mark (post_ok).
  localparam logic [31:0] FreshBase = RamBase + 32'(Tags * Stride);
  localparam logic [31:0] HighLine  = RamBase + 32'(Words * 4 - 2 * LINE);
  int fresh_k = 0;
  task automatic fresh(output logic [31:0] line);
    line = FreshBase + 32'(2 * fresh_k * LINE);
    fresh_k++;
    `CHECK(line < HighLine, "the directed tests ran out of fresh lines")
  endtask

  // a load (or LR) of context c with dreq_nb_i = nb; a value it got at once
  // is checked here; an outstanding one (nbl, table entry idx) by the monitor
  task automatic ldnb(input int c, input logic [2:0] op, input logic [31:0] a, input logic nb,
                      output logic nbl, output int idx, output longint lat);
    logic [31:0] d;
    logic        e;
    xact_nb(c, op, 5'd0, a, 32'd0, 4'hF, 1'b0, nb, d, e, nbl);
    lat = resp_cyc[c] - acc_cyc[c];
    idx = nbl ? nbl_idx[c] : 0;
    `CHECK(!e && (nbl || d == shadow[widx(a)]),
           $sformatf("ctx%0d load %h = %h, expected %h", c, a, d, shadow[widx(a)]))
  endtask

  // (table indices: only their low bits index)
  /* verilator lint_off UNUSEDSIGNAL */
  // the MSHR of an outstanding load's slot holds its line
  function automatic bit slot_line(input int i, input logic [31:0] a);
    int m;
    m = int'(q_slot[i][WordW +: MshrW]);
    slot_line = u_dut.u_mshr.st_q[2*m +: 2] != 2'd0 &&
                LW'(u_dut.u_mshr.line_q >> (LW * m)) == LW'(a >> (32 - LW));
  endfunction

  task automatic t_nbl();
    localparam longint Lat = 30;
    localparam logic [31:0] V1 = 32'hC0DE_5A17, V2 = 32'h5EED_F00D;
    logic [31:0] line, a, a2, old, d;
    logic        e, nbl, nbl2, nbl3;
    int          i, i2, i3, c1, n, full0, r0, post0;
    longint      lat, lat2, lat3;
    c1 = (NC > 1) ? 1 : 0;
    hints_on = 1'b0;
    u_mem.latency = int'(Lat); u_mem.stall_pct = 0; u_mem.max_out = 64;
    $display("  %s: directed non-blocking load tests (NbLoads = %0d, nb_off %b)", name, NBL, nb_off);
    wait_idle();

    // D12a: a load of a line above the highest one refilled without error
    // parks even with dreq_nb_i; its refill raises that mark over the fresh lines
    a = HighLine + 32'(4 * (WPL - 1));
    ldnb(0, DopLoad, a, 1'b1, nbl, i, lat);
    `CHECK(!nbl && lat > Lat, $sformatf("D12: a load above the known memory: nbl %b after %0d cycles", nbl, lat))
    wait_idle();

    // D9: a load miss with dreq_nb_i is answered outstanding the next cycle
    // with slot {its MSHR, its word}; the beat comes later on the fill port
    // with memory's word; no answer on dresp follows
    fresh(line);
    a  = line + 32'(4 * (WPL - 2));
    r0 = n_resp[0];
    ldnb(0, DopLoad, a, 1'b1, nbl, i, lat);
    if (nb_on) begin
      `CHECK(nbl && lat == 1, $sformatf("D9: load miss with nb: nbl %b after %0d cycles", nbl, lat))
      if (nbl) `CHECK(slot_line(i, a), $sformatf("D9: slot %h does not name the MSHR of line %h", q_slot[i], line))
    end else begin
      `CHECK(!nbl && lat > Lat, $sformatf("D9: load miss (no nb): nbl %b after %0d cycles", nbl, lat))
    end
    wait_idle();
    if (nb_on && nbl)
      `CHECK(q_arr[i] >= q_ans[i] + Lat && q_data[i] == shadow[widx(a)] && q_data[i] == u_mem.mem[widx(a)],
             $sformatf("D9: beat in cycle %0d (answer %0d) with %h, memory %h", q_arr[i], q_ans[i],
                       q_data[i], u_mem.mem[widx(a)]))
    `CHECK(n_resp[0] == r0 + 1, $sformatf("D9: %0d answers on dresp for one load", n_resp[0] - r0))

    // D10: one beat at a time (beats ~Lat apart). A second load to another
    // word of the line in flight: outstanding, same MSHR, its own word; after
    // the first beat, a load of a word not yet written goes outstanding and
    // one of the word already written parks until the install
    wait_idle();
    u_mem.max_out = 1;
    fresh(line);
    a  = line + 32'd4;                   // word 1: the first beat
    a2 = line;                           // word 0: the last beat (wrap) or the first after word 1
    ldnb(0, DopLoad, a, 1'b1, nbl, i, lat);
    ldnb(c1, DopLoad, a2, 1'b1, nbl2, i2, lat2);
    if (nb_on) begin
      `CHECK(nbl && nbl2 && lat == 1 && lat2 == 1 &&
             q_slot[i2] == {q_slot[i][WordW +: MshrW], WordW'(0)} && q_slot[i][WordW-1:0] == WordW'(1),
             $sformatf("D10: two loads of one line: nbl %b/%b after %0d/%0d cycles, slots %h/%h",
                       nbl, nbl2, lat, lat2, q_slot[i], q_slot[i2]))
      while (nbl && q_arr[i] == 0) @(mon_ev);
      ldnb(c1, DopLoad, line + 32'd8, 1'b1, nbl3, i3, lat3);
      `CHECK(nbl3 && lat3 == 1 && q_slot[i3] == {q_slot[i][WordW +: MshrW], WordW'(2)},
             $sformatf("D10: word 2 after the first beat: nbl %b after %0d cycles, slot %h", nbl3, lat3, q_slot[i3]))
      ldnb(0, DopLoad, a, 1'b1, nbl3, i3, lat3);
      `CHECK(!nbl3 && lat3 > 1 && resp_cyc[0] > q_arr[i],
             $sformatf("D10: a load of a word already written: nbl %b after %0d cycles", nbl3, lat3))
    end
    wait_idle();
    u_mem.max_out = 64;

    // D11: a store posted to the line, then a load of that word with nb:
    // outstanding, and its beat carries the stored bytes
    fresh(line);
    a   = line + 32'(4 * (WPL - 1));
    old = shadow[widx(a)];
    st(0, a, V1, 4'b0110, lat);
    ldnb(c1, DopLoad, a, 1'b1, nbl, i, lat2);
    if (nb_on && POSTED != 0)
      `CHECK(nbl && lat2 == 1, $sformatf("D11: load of a posted word: nbl %b after %0d cycles", nbl, lat2))
    wait_idle();
    if (nb_on && nbl)
      `CHECK(q_data[i] == merge(old, V1, 4'b0110) && q_data[i] == shadow[widx(a)],
             $sformatf("D11: the beat of a posted word: %h, expected %h", q_data[i], merge(old, V1, 4'b0110)))
    // ... and a store of another context to the word AFTER the outstanding
    // answer, before the beat (one beat at a time): not posted, it parks
    // until the install; the load gets the value from before the store
    u_mem.max_out = 1;
    fresh(line);
    a  = line;                           // the refill starts at word 0
    a2 = line + 32'(4 * (WPL - 1));      // ... so this word comes last
    ldnb(0, DopLoad, a, 1'b1, nbl, i, lat);
    ldnb(0, DopLoad, a2, 1'b1, nbl2, i2, lat2);
    old   = shadow[widx(a2)];
    post0 = n_nbl_post;
    st(c1, a2, V2, 4'b1001, lat);
    if (nb_on)
      `CHECK(nbl && nbl2 && lat > Lat && !last_posted[c1] && n_nbl_post == post0 + 1 &&
             q_arr[i2] != 0 && resp_cyc[c1] > q_arr[i2],
             $sformatf("D11: store after an outstanding answer: nbl %b/%b, posted %b, answered after %0d cycles",
                       nbl, nbl2, last_posted[c1], lat))
    wait_idle();
    u_mem.max_out = 64;
    if (nb_on && nbl2)
      `CHECK(q_data[i2] == old && shadow[widx(a2)] == merge(old, V2, 4'b1001),
             $sformatf("D11: outstanding load got %h, expected %h (before the later store)", q_data[i2], old))

    // D12: without nb the miss parks; an LR with nb parks; a p-thread load
    // with nb goes outstanding; a load beyond memory with nb parks and faults
    fresh(line);
    ldnb(0, DopLoad, line + 32'd4, 1'b0, nbl, i, lat);
    `CHECK(!nbl && lat > Lat, $sformatf("D12: miss without nb: nbl %b after %0d cycles", nbl, lat))
    wait_idle();
    fresh(line);
    a = line + 32'd8;
    ldnb(0, DopLr, a, 1'b1, nbl, i, lat);
    `CHECK(!nbl && lat > Lat, $sformatf("D12: LR with nb: nbl %b after %0d cycles", nbl, lat))
    xact(0, DopSc, 5'd0, a, shadow[widx(a)], 4'hF, 1'b0, d, e);   // (drop the reservation)
    `CHECK(!e && d == 32'd0, $sformatf("D12: SC after the LR: err %b result %h", e, d))
    wait_idle();
    fresh(line);
    a = line + 32'(4 * (WPL - 1));
    xact_nb(NC - 1, DopLoad, 5'd0, a, 32'd0, 4'hF, 1'b1, 1'b1, d, e, nbl);
    `CHECK(!e && (nb_on ? (nbl && resp_cyc[NC-1] - acc_cyc[NC-1] == 1) : (!nbl && d == shadow[widx(a)])),
           $sformatf("D12: p-thread load miss with nb: nbl %b, %h", nbl, d))
    wait_idle();
    err_ok = 1'b1;
    a = RamBase + 32'(Words * 4) + 32'(3 * LINE);
    xact_nb(0, DopLoad, 5'd0, a, 32'd0, 4'hF, 1'b0, 1'b1, d, e, nbl);
    `CHECK(e && !nbl, $sformatf("D12: load beyond memory with nb: err %b nbl %b", e, nbl))
    wait_idle();
    if (PREF == 0) err_ok = 1'b0;

    // D13: NumMshr loads to different lines outstanding at once from one
    // context (as many read bursts in flight), then one more finds no MSHR
    // and parks
    xact(0, DopFence, 5'd0, RamBase, 32'd0, 4'h0, 1'b0, d, e);    // clean victims only
    wait_idle();
    rd_ovl_max = 0;
    full0 = n_full;
    n = 0;
    for (int m = 0; m < MSHRS; m++) begin
      fresh(line);
      ldnb(0, DopLoad, line + 32'(4 * (m % WPL)), 1'b1, nbl, i, lat);
      if (nbl && lat == 1) n++;
    end
    fresh(line);
    ldnb(0, DopLoad, line + 32'd4, 1'b1, nbl, i, lat);
    if (nb_on && PREF == 0)
      `CHECK(n == MSHRS && !nbl && lat > Lat && n_full > full0,
             $sformatf("D13: %0d of %0d outstanding; one more: nbl %b after %0d cycles, %0d mshr-full cycles",
                       n, MSHRS, nbl, lat, n_full - full0))
    wait_idle();
    if (nb_on && PREF == 0)
      `CHECK(rd_ovl_max == MSHRS, $sformatf("D13: %0d read bursts in flight at once (%0d MSHRs)", rd_ovl_max, MSHRS))
    hints_on = 1'b1;
  endtask
  /* verilator lint_on UNUSEDSIGNAL */

  // ---- directed test: unused p-thread fills are spared (docs/dcache.md section 7) ---
  // In one set: the p-thread loads a line P, context 0 then loads its own
  // Ways lines, one at a time (so one of them has to replace something,
  // and no way is being refilled), and then P. With pex_keep high and the
  // usefulness count at 32 or more (raised first; every P is then used, so
  // it stays there), P is never the victim while a line of context 0 can
  // go: P still hits after context 0's loads. The replacement
  // model above checks every victim; with pex_keep low the same sequence
  // replaces the pseudo-LRU way whatever it holds.
  task automatic t_keep();
    logic [31:0] p;
    logic        e, hit;
    /* verilator lint_off UNUSEDSIGNAL */
    logic [31:0] d;
    longint      lat;
    /* verilator lint_on UNUSEDSIGNAL */
    int          s, spared0, kept, filled;
    bit          pmiss;
    if (NC < 2 || WAYS < 2 || PREF != 0) begin
      $display("  %s: spared p-thread fill tests skipped (one context, one way, or next-line prefetcher)", name);
      return;
    end
    $display("  %s: directed tests of spared p-thread fills", name);
    wait_idle();
    hints_on  = 1'b0;
    keep_rand = 1'b0;
    s         = NSets / 2;
    // raise the usefulness count: the p-thread fills a line and context 0
    // uses it once it is installed (+2 - 1), in another set, over more lines
    // than the set holds
    for (int r = 0; r < 64 && ref_good < 40; r++) begin
      p = line_addr(r % Tags, (s + 1) % NSets);
      xact(NC - 1, DopLoad, 5'd0, p, 32'd0, 4'hF, 1'b1, d, e);
      wait_idle();     // installed (the answer can come with its word, before the line)
      ld_check(0, p, lat);
    end
    `CHECK(ref_good >= 32, $sformatf("K0: usefulness count %0d after used p-thread fills", ref_good))
    for (int phase = 0; phase < 2; phase++) begin
      pex_keep = (phase == 0);
      spared0  = n_spared;
      kept     = 0;
      filled   = 0;
      for (int r = 0; r < 48; r++) begin
        p = line_addr(WAYS + r % 4, s);
        xact(NC - 1, DopLoad, 5'd0, p, 32'd0, 4'hF, 1'b1, d, e);
        `CHECK(!e, $sformatf("K: p-thread load %h: error", p))
        pmiss = (resp_cyc[NC - 1] - acc_cyc[NC - 1]) > 1;   // it filled P (a hit does not)
        if (pmiss) filled++;
        wait_idle();
        for (int t = 0; t < WAYS; t++) begin
          ld_check(0, line_addr(t, s), lat);
          wait_idle();   // a way being refilled cannot be replaced: one at a time
        end
        wait_idle();
        ld_check(0, p, lat);            // a hit answers in the next cycle
        hit = (lat == 1);
        if (phase == 0 && pmiss)
          `CHECK(hit, $sformatf("K1: p-thread line %h replaced while context 0's lines could go", p))
        if (hit) kept++;
        wait_idle();
      end
      $display("  %s: pex_keep %0d: %0d victims spared a p-thread fill, p-thread line present %0d of 48 times (%0d filled by the p-thread)",
               name, pex_keep, n_spared - spared0, kept, filled);
      `CHECK(filled >= 40, $sformatf("K: the p-thread filled P only %0d of 48 times", filled))
      if (phase == 0)
        `CHECK(n_spared > spared0 && ref_good >= 32,
               $sformatf("K1: %0d p-thread fills spared, usefulness count %0d", n_spared - spared0, ref_good))
      else
        `CHECK(n_spared == spared0 && kept < 48,
               $sformatf("K2: pex_keep low: %0d fills spared, P present %0d of 48 times", n_spared - spared0, kept))
    end
    keep_rand = 1'b1;
    hints_on  = 1'b1;
  endtask

  // ---- directed tests of the p-thread MSHR policy (docs/dcache.md section 7) -------
  // one more miss of context 0 to a fresh line that must allocate an MSHR
  // at once: a load with nb answered outstanding, or else a posted store
  task automatic main_alloc(input string what);
    logic [31:0] line;
    logic        nbl;
    /* verilator lint_off UNUSEDSIGNAL */
    int          i;
    /* verilator lint_on UNUSEDSIGNAL */
    longint      lat;
    fresh(line);
    if (nb_on) begin
      ldnb(0, DopLoad, line + 32'd4, 1'b1, nbl, i, lat);
      `CHECK(nbl && lat == 1, $sformatf("%s: main-thread load miss: nbl %b after %0d cycles", what, nbl, lat))
    end else begin
      st(0, line + 32'd4, 32'h600D_0000 ^ line, 4'hF, lat);
      `CHECK(last_posted[0] && lat == 1, $sformatf("%s: main-thread store miss: posted %b after %0d cycles",
                                                   what, last_posted[0], lat))
    end
  endtask

  // P1: context 0 fills all MSHRs but PexMshrReserve; a p-thread load miss
  // (last context) then cannot allocate: PexMissWait = 0 drops it (0 at
  // once, class "dropped"); PexMissWait = 1 parks it (an mshr_full stall of
  // its context, no answer) and
  // P2: while it waits, context 0 still allocates the reserved MSHRs;
  // P3: it completes with memory's word after an MSHR frees, never dropped
  task automatic t_pex_mshr();
    localparam longint Lat = 30;
    logic [31:0] line, pa;
    /* verilator lint_off UNUSEDSIGNAL */
    logic [31:0] d;                      // (the fence's answer)
    int          pt;                     // (a context number: only its low bits index)
    /* verilator lint_on UNUSEDSIGNAL */
    logic        e, full_seen;
    int          drop0;
    longint      t0;
    pt = NC - 1;
    if (NC < 2 || PREF != 0 || (!nb_on && POSTED == 0)) begin
      $display("  %s: p-thread MSHR policy tests skipped (one context, next-line prefetcher, or no way to keep misses in flight)", name);
      return;
    end
    $display("  %s: directed p-thread MSHR policy tests (PexMshrReserve = %0d, PexMissWait = %0d)", name, PEXR, PEXW);
    hints_on = 1'b0;
    u_mem.latency = int'(Lat); u_mem.stall_pct = 0; u_mem.max_out = 64;
    xact(0, DopFence, 5'd0, RamBase, 32'd0, 4'h0, 1'b0, d, e);    // clean victims only
    `CHECK(!e, "P1: fence")
    wait_idle();
    for (int m = 0; m < MSHRS - PEXR; m++) main_alloc("P1 fill");
    `CHECK($countones(u_dut.free_mask) == PEXR,
           $sformatf("P1: %0d MSHRs free after filling all but %0d", $countones(u_dut.free_mask), PEXR))
    // the p-thread's load, sent without waiting for its answer
    fresh(line);
    pa = line + 32'(4 * (WPL - 1));
    drop0 = n_drop;
    rq_op[pt] = DopLoad; rq_amo[pt] = 5'd0; rq_addr[pt] = pa; rq_wdata[pt] = 32'd0; rq_be[pt] = 4'hF;
    rq_spec[pt] = 1'b1; rq_nb[pt] = 1'b1;
    resp_got[pt] = 1'b0;
    want[pt] = 1'b1;
    full_seen = 1'b0;
    t0 = cyc;
    while (!resp_got[pt] && cyc - t0 < 6) begin
      @(mon_ev);
      if (ev_mshr_full[pt]) full_seen = 1'b1;
    end
    if (PEXW == 0) begin
      `CHECK(resp_got[pt] && !resp_err[pt] && !resp_nbl[pt] && resp_rdata[pt] == 32'd0 &&
             last_cls[pt] == ClsDropped && n_drop == drop0 + 1 && resp_cyc[pt] - acc_cyc[pt] == 1,
             $sformatf("P1: p-thread miss with %0d MSHRs free (drop policy): answered %b (%h, class %0d) after %0d cycles",
                       PEXR, resp_got[pt], resp_rdata[pt], last_cls[pt], resp_cyc[pt] - acc_cyc[pt]))
    end else begin
      `CHECK(!resp_got[pt] && outstanding[pt] && full_seen,
             $sformatf("P1: p-thread miss with %0d MSHRs free (wait policy): answered %b, mshr_full seen %b",
                       PEXR, resp_got[pt], full_seen))
      for (int m = 0; m < PEXR; m++) main_alloc("P2 reserved MSHR");
      `CHECK(!resp_got[pt], "P2: the p-thread's miss was answered while every MSHR was busy")
      while (!resp_got[pt] && cyc - t0 < 20000) @(mon_ev);
      `CHECK(resp_got[pt] && !resp_err[pt] && n_drop == drop0 && resp_cyc[pt] - acc_cyc[pt] > Lat,
             $sformatf("P3: the waiting p-thread miss: answered %b err %b after %0d cycles, %0d drops",
                       resp_got[pt], resp_err[pt], resp_cyc[pt] - acc_cyc[pt], n_drop - drop0))
      // an outstanding answer's value is checked by the monitor on the fill port
      if (!resp_nbl[pt])
        `CHECK(resp_rdata[pt] == shadow[widx(pa)] && resp_rdata[pt] == u_mem.mem[widx(pa)],
               $sformatf("P3: the waiting p-thread load got %h, memory %h", resp_rdata[pt], shadow[widx(pa)]))
    end
    wait_idle();
    hints_on = 1'b1;
  endtask

  initial watchdog("dcache", 64'd20_000_000);

  string name;
  initial begin
    name = $sformatf("dcache(NC=%0d SIZE=%0d WAYS=%0d LINE=%0d MSHRS=%0d PREF=%0d POSTED=%0d NBL=%0d PEXR=%0d PEXW=%0d)",
                     NC, SIZE, WAYS, LINE, MSHRS, PREF, POSTED, NBL, PEXR, PEXW);
    if ($value$plusargs("seed=%d", rnd_seed)) $display("  seed %0d", rnd_seed);
    nb_off = $test$plusargs("nb_off");
    quick  = $test$plusargs("quick");
    nb_on  = (NBL != 0) && !nb_off;
    rnd_state  = 32'h2545_F491 ^ (32'(rnd_seed) * 32'h9E37_79B9);
    if (rnd_state == '0) rnd_state = 32'h1;
    u_mem.seed = rnd_seed ^ 32'h5EED;
    for (int i = 0; i < Words; i++) begin
      shadow[i]    = rnd();
      u_mem.mem[i] = shadow[i];
    end
    for (int c = 0; c < NC; c++) last_cls[c] = 3'd0;
    repeat (3) @(posedge clk);
    hints_on = 1'b0;
    rst_n = 1'b1;
    begin : d12_reset
      // D12: the first load after reset parks even with nb (no line is
      // known to be in memory yet)
      logic   nbl;
      /* verilator lint_off UNUSEDSIGNAL */
      int     i;
      /* verilator lint_on UNUSEDSIGNAL */
      longint lat;
      ldnb(0, DopLoad, line_addr(0, 0), 1'b1, nbl, i, lat);
      `CHECK(!nbl && lat > 1, $sformatf("D12: first load after reset: nbl %b after %0d cycles", nbl, lat))
    end
    wait_idle();
    hints_on = 1'b1;
    run_config(1, 0, 64, 1500);
    run_config(3, 30, 4, 1000);
    run_config(20, 10, 2, 600);
    run_config(1, 50, 1, 1000);
    run_config(60, 0, 64, 300);
    t_nbl();
    t_posted();
    t_pex_mshr();
    t_keep();
    run_config(2, 20, 8, 300);
    `CHECK(u_mem.proto_errors == 0, $sformatf("%0d Wishbone protocol errors", u_mem.proto_errors))
    `CHECK(n_ready_dep == 0, $sformatf("ready depended on valid %0d times", n_ready_dep))
    `CHECK(n_fill > 0 && n_evict > 0 && n_wb > 0 && n_merge > 0,
           $sformatf("coverage: %0d fills, %0d evictions, %0d write-backs, %0d merges",
                     n_fill, n_evict, n_wb, n_merge))
    if (MSHRS == 1 && NC > 1 && PEXW == 0)
      `CHECK(n_drop > 0, "p-thread loads were dropped with one MSHR")
    if (PEXW != 0)
      `CHECK(n_drop == 0, $sformatf("%0d p-thread loads dropped with PexMissWait = 1", n_drop))
    `CHECK(n_pref > 0, "prefetch fills (hints, and the next-line prefetcher with PREF = 1)")
    `CHECK(n_hint > 0, "prefetch hints were sent")
    `CHECK(n_bursts > 0, "Wishbone bursts were checked")
    if (WAYS > 1)
      `CHECK(n_lru_pick > 0, $sformatf("%0d victims chosen by the pseudo-LRU tree", n_lru_pick))
    if (WAYS > 1 && NC > 1 && PREF == 0)
      `CHECK(n_spared > 0, $sformatf("%0d unused p-thread fills spared from the pseudo-LRU's choice", n_spared))
    `CHECK(n_spec_fill > 0, "p-thread loads filled lines")
    `CHECK((POSTED != 0) == (n_posted > 0), $sformatf("%0d posted stores", n_posted))
    if (nb_on)
      `CHECK(n_nbl > ((MSHRS > 1) ? 500 : 250) / (quick ? 4 : 1) && n_nbl_got == n_nbl && n_nbl_spec > 0 && n_nbl_post > 0,
             $sformatf("%0d loads outstanding (%0d p-thread), %0d got their beat, %0d stores met a waiting load",
                       n_nbl, n_nbl_spec, n_nbl_got, n_nbl_post))
    else
      `CHECK(n_nbl == 0, $sformatf("%0d loads outstanding with NbLoads = %0d, nb_off %b", n_nbl, NBL, nb_off))
    if (NBL == 0) `CHECK(n_fillport == 0, $sformatf("%0d beats on the fill port with NbLoads = 0", n_fillport))
    $display("  %s: %0d requests, %0d fills (%0d prefetch, %0d p-thread), %0d evictions (%0d unused p-thread lines), %0d write-backs, %0d merges, %0d drops, %0d mshr-full cycles, %0d bursts, %0d posted stores",
             name, n_acc, n_fill, n_pref, n_spec_fill, n_evict, n_useless, n_wb, n_merge, n_drop,
             n_full, n_bursts, n_posted);
    $display("  %s: %0d outstanding loads (%0d p-thread), %0d fill-port beats, %0d stores to the word of a waiting load, longest wait %0d cycles",
             name, n_nbl, n_nbl_spec, n_fillport, n_nbl_post, nbl_max_wait);
    $display("  trace: %0d cycles, hash %h", cyc, trace_h);
    finish(name);
  end
endmodule
