// SPDX-License-Identifier: Apache-2.0
// outrider_dcache: the shared, non-blocking, write-back data cache of the
// Outrider core. It sits behind the core's data port (same core-side ports
// as outrider_dbiu, plus dreq_spec_i) and in front of a Wishbone B4
// pipelined master (line bursts) and the peripheral port (CLINT, MMIO).
// docs/dcache.md is the full description; the contract in short:
//
// Organisation
// - SizeBytes / Ways / LineBytes (powers of two; at least 2 sets and 2 words
//   per line; Ways = 1 is direct mapped; NumMshr >= 1; checked at
//   elaboration). Tags and data in synchronous block RAMs (one tag and one data
//   memory per way, outrider_dcache_ram); valid, dirty, "p-thread filled"
//   and tree pseudo-LRU bits in flip-flops.
// - Write-back, write-allocate. Replacement: an invalid way, else pseudo-LRU
//   (exact LRU for 2 ways), never a way with a refill or write-back in
//   progress.
//
// Pipeline (one request per cycle)
// - Stage 0 (acceptance): the arrays are read at the request's set/word.
//   Sources by priority: the victim reader when it has waited a cycle, a
//   parked request being replayed, a new core request, a next-line prefetch
//   probe, the victim reader.
// - Stage 1 (the next cycle): tag compare; a hit answers in this cycle
//   (loads: the word; stores, SC and AMOs write the array now). A miss
//   allocates an MSHR (or merges into the MSHR of a line already in
//   flight) and PARKS the request (unless it is a posted store, below); when the refill completes the request is
//   replayed through stage 0 and then hits. Uncached (CLINT/MMIO) loads and
//   stores go to the peripheral port at acceptance and answer in stage 1.
//   A context with a parked request never blocks the other context.
// - Posted stores (PostedStores = 1): a plain store of the main thread that
//   misses (allocates, or finds its line in flight before the refill wrote
//   its word) is answered in stage 1; its bytes wait in the MSHR's line
//   buffer and are merged into the refill beats, and the line installs
//   dirty. Every other access to a line in flight still parks until the
//   install. An uncached access, a fence, an LR, SC or AMO of a context
//   waits (parks, RtWait) while that context has posted stores in flight.
//   PostedStores = 0: store misses park as before, cycle for cycle.
// - Non-blocking loads (NbLoads = 1): a new plain load that comes with
//   dreq_nb_i and would allocate or merge under the posted-store conditions
//   is answered in stage 1 as outstanding (dresp_nbl_o, rdata = its refill
//   slot {MSHR, word}); the refill beat that writes its word is on the fill
//   port (fill_valid_o, fill_slot_o, fill_data_o with the posted bytes
//   merged) in that cycle, and the core takes its value from there.
//   NbLoads = 0 or dreq_nb_i low: load misses park as before.
//
// Core-side contract (as outrider_dbiu, see there, but narrower):
// dreq_ready_o depends on dreq_tid_i and internal state, never on
// dreq_valid_i nor on the answers of this cycle; it is low for a context
// whose request is outstanding (also in the cycle that answers it: the
// next request of the context is taken from the cycle after), and while a
// replay or a starved victim read takes the arrays. Exactly one dresp_valid_o[c] per
// accepted request, never in the acceptance cycle; rdata: raw word for loads
// and LR, old word for AMOs, 0/1 for SC success/failure, 0 otherwise. A
// store (DopStore) has at least one byte lane enabled in dreq_be_i (the
// core's byte enables, and both halves outrider_dside_split makes of a
// word-crossing one, always have one); formal/dcache_formal.sv assumes it.
//
// Atomics: LR sets the context's reservation (word address) when it hits;
// SC succeeds when the reservation is valid and on the same word (it is then
// a full-word store); a store, successful SC or AMO performed by one context
// clears the other contexts' reservations on that word. AMOs are performed
// in stage 1 of a hit (read, outrider_amo_alu, write in one cycle).
//
// Fence (DopFence, sent for fence.i): answered once every line that was
// dirty is written back and acknowledged (the instruction port reads memory).
//
// P-thread requests (dreq_spec_i): loads and LR fill the cache like other
// loads, the fill attributed to the p-thread (no reservation is set); a
// p-thread miss allocates an MSHR only while more than PexMshrReserve are
// free. One that cannot allocate (too few free MSHRs, or no replaceable way)
// is, with PexMissWait = 0, DROPPED at its first lookup: answered in stage 1
// with 0 (a replayed one waits); with PexMissWait = 1 it parks until any
// MSHR completes and retries, like a hart's miss (never dropped).
// Other p-thread operations, and p-thread loads outside RAM, are answered
// with 0 and have no effect (the core never sends them).
//
// Next-line prefetch (NextLinePrefetch = 1): a demand allocation queues the
// next line (one entry, newest wins); the probe takes stage 0 when it is
// idle and an MSHR is free, and allocates if the line is neither present
// nor in flight. Prefetch hints (pf_valid_i: Zicbop prefetch.r/.w from the
// core, always on) write the same queue when their line is in RAM and are
// dropped otherwise; nobody waits for them.
//
// pfill_cnt_o: lines a p-thread filled that no other access has used yet
// (the core's p-thread distance control, docs/preexec.md 4.5). While
// pex_keep_i is high (from a register in the core: a p-thread runs and is
// not held) and more than about half of the recent p-thread fills were
// used, such lines are replaced only when the set has no other candidate
// (docs/dcache.md section 2, docs/preexec.md 4.6).
//
// Events (one-cycle pulses for the test bench, see docs/dcache.md): one
// access per cycle (ev_acc_*), one fill (ev_fill_*), one write-back
// (ev_wb_*), one eviction (ev_evict_*), per-context "parked for lack of an
// MSHR" (ev_mshr_full_o).
//
// Not here: no coherence with other masters, no byte-granular dirty bits
// (posted bytes are byte-granular only while in the MSHR),
// no early restart except for plain loads (the refill starts at the
// missing word; stores, LR, SC and AMOs replay after the whole line),
// no ECC, no physical memory protection.
//
// Structure (this module wires the engines; docs/dcache.md "Structure"):
//   outrider_dcache_arb     stage 0: core port, ready/answers, source
//                           priority, routing, the stage-1 register
//   outrider_dcache_arrays  tag and data memories per way, write-port choice
//   outrider_dcache_lookup  stage 1: tag compare, write forwarding, ways
//                           that may be replaced
//   outrider_dcache_decide  stage 1: hit / merge / allocate / drop / park,
//                           answers, access class (with outrider_amo_alu)
//   outrider_dcache_frames  valid, dirty, p-thread-filled bits per frame
//   outrider_dcache_plru    replacement: tree pseudo-LRU, victim choice
//   outrider_dcache_mshr    MSHR file (mshr_state_e) and bus job queue
//   outrider_dcache_park    parked-request table: wake-up, replay, early
//                           restart, fence answers
//   outrider_dcache_resv    LR/SC reservations
//   outrider_dcache_seq     bus sequencer and victim reader
//   outrider_dcache_flush   flush engine (fence.i)
//   outrider_dcache_pfq     next-line prefetch queue
//   outrider_dcache_wbm     Wishbone B4 burst master, write-back buffer
//   outrider_dcache_dbg     debug backdoor (simulation)
// Events and the cache-wide invariants are here.
module outrider_dcache #(
  parameter int NumCtx           = 2,
  parameter int SizeBytes        = 4096,
  parameter int Ways             = 2,
  parameter int LineBytes        = 32,
  parameter int NumMshr          = 4,
  parameter int NextLinePrefetch = 0,   // 1: a demand miss also fetches the next line
  parameter int DebugPort        = 0,   // 1: dbg_* backdoor lookup (simulation)
  parameter int PostedStores     = 1,   // 1: store misses are answered at once (posted)
  parameter int NbLoads          = 1,   // 1: load misses may be answered as outstanding
  // p-thread misses (docs/dcache.md section 7): a p-thread's missing load
  // allocates an MSHR only while more than PexMshrReserve are free
  // (0 <= PexMshrReserve < NumMshr); when it cannot allocate, PexMissWait = 0
  // drops it (answered 0, class "dropped"), 1 parks it like a hart's miss
  parameter int PexMshrReserve   = 0,
  parameter int PexMissWait      = 0,
  // derived: do not override
  parameter int TidW             = (NumCtx > 1) ? $clog2(NumCtx) : 1,
  // a refill slot {MSHR, word of the line}: names the beat that answers an
  // outstanding load
  parameter int FillW            = ((NumMshr > 1) ? $clog2(NumMshr) : 1) + $clog2(LineBytes / 4)
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // core side
  input  logic                 dreq_valid_i,
  output logic                 dreq_ready_o,
  input  logic [TidW-1:0]      dreq_tid_i,
  input  logic [2:0]           dreq_op_i,
  input  logic [4:0]           dreq_amo_i,
  input  logic [31:0]          dreq_addr_i,
  input  logic [31:0]          dreq_wdata_i,
  input  logic [3:0]           dreq_be_i,
  input  logic                 dreq_spec_i,
  input  logic                 dreq_nb_i,       // a plain load the core can take as outstanding
  output logic [NumCtx-1:0]    dresp_valid_o,
  output logic [NumCtx*32-1:0] dresp_rdata_o,
  output logic [NumCtx-1:0]    dresp_err_o,
  output logic [NumCtx-1:0]    dresp_nbl_o,     // with dresp_valid_o: outstanding, rdata = refill slot
  // refill beats (the word each beat writes, posted bytes merged): the
  // answers of outstanding loads, one word per cycle
  output logic                 fill_valid_o,
  output logic [FillW-1:0]     fill_slot_o,
  output logic [31:0]          fill_data_o,

  // Wishbone B4 pipelined master (RAM): line bursts
  output logic                 wb_cyc_o,
  output logic                 wb_stb_o,
  output logic                 wb_we_o,
  output logic [31:0]          wb_adr_o,
  output logic [3:0]           wb_sel_o,
  output logic [31:0]          wb_dat_o,
  output logic [2:0]           wb_cti_o,
  output logic [1:0]           wb_bte_o,
  input  logic [31:0]          wb_dat_i,
  input  logic                 wb_ack_i,
  input  logic                 wb_err_i,
  input  logic                 wb_stall_i,

  // peripheral port (CLINT, MMIO): read data the cycle after per_req_o
  output logic                 per_req_o,
  output logic                 per_we_o,
  output logic [31:0]          per_addr_o,
  output logic [31:0]          per_wdata_o,
  output logic [3:0]           per_be_o,
  input  logic [31:0]          per_rdata_i,

  // events (pulses)
  output logic                 ev_acc_valid_o,   // a load/store/LR/SC/AMO classified
  output logic [TidW-1:0]      ev_acc_tid_o,
  output logic                 ev_acc_spec_o,
  output logic [2:0]           ev_acc_op_o,      // Dop* code (DopStorePosted: a posted store)
  output logic [2:0]           ev_acc_cls_o,     // DcCls* (docs/dcache.md)
  output logic [31:0]          ev_acc_addr_o,
  output logic                 ev_fill_valid_o,  // a line was installed
  output logic [TidW-1:0]      ev_fill_tid_o,
  output logic                 ev_fill_spec_o,
  output logic                 ev_fill_pref_o,   // by the next-line prefetcher
  output logic [31:0]          ev_fill_addr_o,   // line address (byte)
  output logic                 ev_wb_valid_o,    // a dirty line was copied out for write-back
  output logic [TidW-1:0]      ev_wb_tid_o,
  output logic [31:0]          ev_wb_addr_o,
  output logic                 ev_evict_valid_o, // a valid line was chosen as victim
  output logic                 ev_evict_useless_o,
  output logic                 ev_evict_spared_o, // ... instead of the pseudo-LRU way's unused p-thread fill
  output logic [31:0]          ev_evict_addr_o,
  output logic [NumCtx-1:0]    ev_mshr_full_o,   // context parked: no free MSHR

  // prefetch hints (Zicbop prefetch.r/.w from the core): fetch the line of
  // pf_addr_i if it is in RAM and not present; never answered, never blocks
  input  logic                 pf_valid_i,
  input  logic [31:0]          pf_addr_i,
  input  logic [TidW-1:0]      pf_tid_i,
  input  logic                 pf_spec_i,       // from a p-thread
  // lines a p-thread filled that no other access has used yet (they are
  // counted as they are filled, used or evicted: docs/preexec.md 4.5)
  output logic [15:0]          pfill_cnt_o,
  input  logic                 pex_keep_i,      // spare those lines when replacing

  // debug backdoor (DebugPort = 1): the newest copy of a word the cache
  // holds dirty (in a line, in the write-back buffer, posted bytes in an
  // MSHR); dbg_addr_i[1:0] = 1 asks which bytes of it are the cache's
  // (dbg_data_o[3:0]; the others are memory's)
  input  logic [31:0]          dbg_addr_i,
  output logic                 dbg_hit_o,
  output logic [31:0]          dbg_data_o,
  output logic                 dbg_dirty_any_o
);
  `include "outrider_defs.svh"
  `include "outrider_dcache_defs.svh"
  `include "outrider_assert.svh"

  // ---- geometry ----------------------------------------------------------------
  localparam int WPL    = LineBytes / 4;
  localparam int Sets   = SizeBytes / (LineBytes * Ways);
  localparam int OffW   = $clog2(LineBytes);
  // (the guards let unsupported sizes reach the parameter checks below)
  localparam int WordW  = (WPL > 1) ? $clog2(WPL) : 1;
  localparam int SetW   = (Sets > 1) ? $clog2(Sets) : 1;
  localparam int TagW   = 32 - OffW - SetW;
  localparam int LineW  = 32 - OffW;
  localparam int WayW   = (Ways > 1) ? $clog2(Ways) : 1;
  localparam int MshrW  = (NumMshr > 1) ? $clog2(NumMshr) : 1;

  // ---- parameter checks: elaboration errors in Verilator and yosys (Icarus 11
  // cannot parse an elaboration-time $error); docs/dcache.md lists the rules
`ifndef __ICARUS__
  if ((Ways < 1) || ((Ways & (Ways - 1)) != 0)) begin : g_bad_ways
    $error("outrider_dcache: Ways must be a power of two (1 = direct mapped)");
  end
  if ((LineBytes < 8) || ((LineBytes & (LineBytes - 1)) != 0)) begin : g_bad_line
    $error("outrider_dcache: LineBytes must be a power of two, at least 8 (2 words)");
  end
  if (((SizeBytes & (SizeBytes - 1)) != 0) || (SizeBytes < 2 * LineBytes * Ways)) begin : g_bad_size
    $error("outrider_dcache: SizeBytes must be a power of two, at least 2 sets (2 * LineBytes * Ways)");
  end
  if ((NumMshr < 1) || (NumCtx < 1)) begin : g_bad_count
    $error("outrider_dcache: NumMshr and NumCtx must be at least 1");
  end
  if ((NextLinePrefetch != 0) && (NextLinePrefetch != 1)) begin : g_bad_pref
    $error("outrider_dcache: NextLinePrefetch must be 0 or 1");
  end
  if ((NbLoads != 0) && (NbLoads != 1)) begin : g_bad_nb
    $error("outrider_dcache: NbLoads must be 0 or 1");
  end
  if ((PostedStores != 0) && (PostedStores != 1)) begin : g_bad_posted
    $error("outrider_dcache: PostedStores must be 0 or 1");
  end
  if ((PexMissWait != 0) && (PexMissWait != 1)) begin : g_bad_pexwait
    $error("outrider_dcache: PexMissWait must be 0 or 1");
  end
  if ((PexMshrReserve < 0) || (PexMshrReserve >= NumMshr)) begin : g_bad_pexres
    $error("outrider_dcache: PexMshrReserve must be at least 0 and below NumMshr");
  end
`endif

  // ---- wires between the engines, by the engine that drives them ------------------
  // stage 0 (arb): what takes the arrays, the stage-1 register
  logic                 vr_go, replay_go, probe_go, s1_v, s1_cls;
  logic [SetW-1:0]      rd_set;
  logic [WordW-1:0]     rd_word;
  logic [1:0]           s1_src;
  logic [TidW-1:0]      s1_tid;
  logic [ReqW-1:0]      s1_req;
  logic [RouteW-1:0]    s1_route;
  // field views of the stage-1 request
  logic [31:0]          s1_addr;
  logic [2:0]           s1_op;
  logic                 s1_spec;
  logic [SetW-1:0]      s1_set;
  logic [WordW-1:0]     s1_word;
  logic [TagW-1:0]      s1_tag;
  logic [LineW-1:0]     s1_line;
  assign s1_addr = s1_req[ReqAddrLsb +: 32];
  assign s1_op   = s1_req[ReqOpLsb +: 3];
  assign s1_spec = s1_req[ReqSpecLsb];
  assign s1_set  = s1_addr[OffW +: SetW];
  assign s1_word = s1_addr[2 +: WordW];
  assign s1_tag  = s1_addr[31 -: TagW];
  assign s1_line = s1_addr[31:OffW];
  // arrays, lookup, replacement
  logic [Ways*TagW-1:0] tag_rd, dbg_tag;
  logic [Ways*32-1:0]   dat_raw, dbg_dat, dat_fwd;
  logic                 hit, victim_found;
  logic [WayW-1:0]      hit_way, victim;
  logic [31:0]          hit_data;
  logic [Ways-1:0]      s1_avail;
  // decide
  logic                 s1_resp, s1_err, s1_write, s1_ev, s1_alloc, s1_alloc_pref, s1_merge;
  logic                 s1_park, s1_park_rdy, s1_park_cls, s1_park_full, s1_park_own;
  logic                 s1_lr_set, s1_resv_clr, s1_kill, s1_pfill_clr, touch_hit;
  logic [31:0]          s1_rdata, s1_wval;
  logic                 s1_post;
  logic [MshrW-1:0]     s1_post_id;
  // posted stores (MSHR file)
  logic                 posted_any, done_posted, match_word_done, post_ok;
  logic [NumCtx-1:0]    posted_ctx, posted_now;   // contexts with posted stores (now: or posting)
  logic [NumMshr-1:0]   posted_m;
  logic [31:0]          fill_data, dbg_post_data;
  logic [3:0]           dbg_post_be;
  logic [1:0]           s1_park_wait;
  logic [MshrW-1:0]     s1_park_id;
  logic [2:0]           s1_ev_cls;
  // frames
  logic [Ways-1:0]      s1_valid, s1_dirty, s1_pfill, fl_valid, fl_dirty, dbg_dirty;
  logic                 pfill_good;   // p-thread fills lately mostly used
  logic                 victim_spared; // the victim is not the pseudo-LRU way: that one is spared
  logic                 dirty_any;
  // MSHRs and the job queue
  logic                 free_v, match, match_done, match_err, match_spec, mswb_any;
  logic                 done_v, done_err, done_spec, done_pref, done_pfill, head_v, head_wb;
  logic [MshrW-1:0]     free_id, match_id, done_id, head_id;
  logic [NumMshr-1:0]   free_mask;
  logic                 pex_room;     // a p-thread miss may allocate (more than PexMshrReserve free)
  logic [Ways-1:0]      own_w;
  logic [WayW-1:0]      rsp_way, done_way, head_way;
  logic [LineW-1:0]     rsp_line, done_line, head_line, head_vic, cur_line;
  logic [WordW-1:0]     head_word, cur_word;
  logic [TidW-1:0]      done_tid, head_tid;
  // parked requests, reservations
  logic                 replay_any, replay_cls, sc_ok;
  logic [TidW-1:0]      replay_tid;
  logic [ReqW-1:0]      replay_req;
  logic [NumCtx-1:0]    fence_wait, pend_resp, pend_resp_err;
  logic [NumCtx*32-1:0] pend_resp_data;
  // sequencer and victim reader, flush engine, prefetch queue
  logic                 job_pop, issue, wb_clr, alloc_issued, vr_want, vr_prio, vr_active, vr_done;
  logic                 fl_arm, fl_done, fl_walk, fl_cand, pfq_v, pfq_spec;
  logic [MshrW-1:0]     cur_id, issue_id;
  logic [SetW-1:0]      vr_set, fl_set;
  logic [WayW-1:0]      vr_way, fl_way;
  logic [WordW-1:0]     vr_word;
  logic [LineW-1:0]     vr_line, pfq_line;
  logic [TidW-1:0]      vr_tid, fl_tid, pfq_tid;
  // burst master
  logic                 wbuf_we, wbuf_commit, wbuf_valid, rd_valid, rd_ready, wr_busy;
  logic                 rsp_valid, rsp_err, rsp_last, dbg_wb_hit;
  logic [WordW-1:0]     wbuf_idx, rd_word_c, rsp_idx;
  logic [31:0]          wbuf_data, rsp_data, dbg_wb_data;
  logic [LineW-1:0]     rd_line;
  logic [MshrW-1:0]     rd_id, rsp_id;
  // debug address
  logic [SetW-1:0]      dbg_set;
  logic [WordW-1:0]     dbg_word;
  assign dbg_set  = dbg_addr_i[OffW +: SetW];
  assign dbg_word = dbg_addr_i[2 +: WordW];

  // ---- glue ---------------------------------------------------------------------
  logic             fill_we;                  // a refill beat is written this cycle
  logic             s1_nb, s1_nbl;            // non-blocking load: may be / is answered outstanding
  logic             match_nbl_word;           // an outstanding load waits for stage 1's word
  logic             fill;                     // a refill completes without error
  logic             alloc_wb;                 // the allocation's victim is dirty
  logic [LineW-1:0] alloc_vic;                // ... and its line address
  logic             vr_cap;                   // stage 1 holds a victim word
  assign fill_we   = rsp_valid && !rsp_err;
  // the fill port: outstanding loads (NbLoads) take their word from it
  assign fill_valid_o = (NbLoads != 0) && fill_we;
  assign fill_slot_o  = FillW'({rsp_id, rsp_idx});
  assign fill_data_o  = fill_data;
  assign fill      = done_v && !done_err;
  assign alloc_wb  = s1_valid[victim] && s1_dirty[victim];
  // the victim's tag: a mux over the ways (TagW*victim as a part-select
  // base made yosys build a multiplier when TagW is not a power of two)
  logic [TagW-1:0]  victim_tag;
  always_comb begin : p_victim_tag
    victim_tag = tag_rd[TagW-1:0];
    for (int w = 1; w < Ways; w++) if (victim == WayW'(w)) victim_tag = tag_rd[TagW*w +: TagW];
  end
  assign alloc_vic = {victim_tag, s1_set};
  assign vr_cap    = s1_v && (s1_src == SrcVr);
  always_comb begin : p_posted_now
    posted_now = posted_ctx;
    for (int c = 0; c < NumCtx; c++) if (s1_post && (s1_tid == TidW'(c))) posted_now[c] = 1'b1;
  end

  // ---- stage 0 ------------------------------------------------------------------
  outrider_dcache_arb #(
    .NumCtx (NumCtx), .OffW (OffW), .SetW (SetW),
    .WordW (WordW), .LineW (LineW), .TagW (TagW)
  ) u_arb (
    .clk_i, .rst_ni,
    .dreq_valid_i, .dreq_ready_o, .dreq_tid_i, .dreq_op_i, .dreq_amo_i, .dreq_addr_i,
    .dreq_wdata_i, .dreq_be_i, .dreq_spec_i, .dreq_nb_i, .dresp_valid_o, .dresp_rdata_o,
    .dresp_err_o, .dresp_nbl_o, .s1_nb_o (s1_nb), .s1_nbl_i (s1_nbl),
    .per_req_o, .per_we_o, .per_addr_o, .per_wdata_o, .per_be_o, .replay_any_i (replay_any),
    .replay_tid_i (replay_tid), .replay_req_i (replay_req), .replay_cls_i (replay_cls),
    .vr_want_i (vr_want), .vr_prio_i (vr_prio), .vr_set_i (vr_set), .vr_word_i (vr_word),
    .pfq_v_i (pfq_v), .pfq_line_i (pfq_line), .pfq_tid_i (pfq_tid), .pfq_spec_i (pfq_spec),
    .free_v_i (free_v), .posted_i (posted_now), .vr_go_o (vr_go), .replay_go_o (replay_go), .probe_go_o (probe_go),
    .rd_set_o (rd_set), .rd_word_o (rd_word), .s1_v_o (s1_v), .s1_src_o (s1_src),
    .s1_tid_o (s1_tid), .s1_req_o (s1_req), .s1_route_o (s1_route), .s1_cls_o (s1_cls),
    .s1_resp_i (s1_resp), .s1_err_i (s1_err), .s1_rdata_i (s1_rdata), .pend_resp_i (pend_resp),
    .pend_resp_err_i (pend_resp_err), .pend_resp_data_i (pend_resp_data)
  );

  outrider_dcache_arrays #(
    .Sets (Sets), .Ways (Ways), .WPL (WPL), .TagW (TagW), .DebugPort (DebugPort)
  ) u_arrays (
    .clk_i, .rd_set_i (rd_set), .rd_word_i (rd_word), .tag_rd_o (tag_rd), .dat_rd_o (dat_raw),
    .fill_we_i (fill_we), .tag_we_i (rsp_valid && rsp_last), .rsp_way_i (rsp_way),
    .rsp_line_i (rsp_line), .rsp_idx_i (rsp_idx), .rsp_data_i (fill_data), .s1_write_i (s1_write),
    .hit_way_i (hit_way), .s1_set_i (s1_set), .s1_word_i (s1_word), .s1_wval_i (s1_wval),
    .dbg_set_i (dbg_set), .dbg_word_i (dbg_word), .dbg_tag_o (dbg_tag), .dbg_dat_o (dbg_dat)
  );

  // ---- stage 1 ------------------------------------------------------------------
  outrider_dcache_lookup #(
    .Ways (Ways), .SetW (SetW), .WordW (WordW), .TagW (TagW)
  ) u_lookup (
    .clk_i, .rst_ni,
    .s1_set_i (s1_set), .s1_word_i (s1_word), .s1_tag_i (s1_tag), .s1_valid_i (s1_valid),
    .tag_rd_i (tag_rd), .dat_raw_i (dat_raw), .own_w_i (own_w), .vr_active_i (vr_active),
    .vr_set_i (vr_set), .vr_way_i (vr_way), .s1_write_i (s1_write), .s1_wval_i (s1_wval),
    .hit_o (hit), .hit_way_o (hit_way), .hit_data_o (hit_data), .dat_fwd_o (dat_fwd),
    .avail_o (s1_avail)
  );

  outrider_dcache_plru #(.Sets (Sets), .Ways (Ways)) u_plru (
    .clk_i, .rst_ni,
    .set_i (s1_set), .avail_i (s1_avail), .invalid_i (~s1_valid),
    .spare_i ((pex_keep_i && pfill_good) ? s1_pfill : '0), .victim_o (victim),
    .found_o (victim_found), .spared_o (victim_spared), .touch0_i (fill), .touch0_set_i (done_line[SetW-1:0]),
    .touch0_way_i (done_way), .touch1_i (touch_hit), .touch1_set_i (s1_set), .touch1_way_i (hit_way)
  );

  outrider_dcache_decide #(
    .Ways (Ways), .OffW (OffW), .SetW (SetW), .MshrW (MshrW), .PostedStores (PostedStores),
    .NbLoads (NbLoads), .PexMissWait (PexMissWait)
  ) u_decide (
    .s1_v_i (s1_v), .s1_src_i (s1_src), .s1_req_i (s1_req), .s1_route_i (s1_route),
    .s1_cls_i (s1_cls), .s1_nb_i (s1_nb), .nbl_o (s1_nbl), .hit_i (hit), .hit_way_i (hit_way), .hit_data_i (hit_data), .dat_fwd_i (dat_fwd),
    .s1_pfill_i (s1_pfill), .victim_found_i (victim_found), .match_i (match),
    .match_id_i (match_id), .match_done_i (match_done), .match_err_i (match_err),
    .match_spec_i (match_spec), .free_v_i (free_v), .free_id_i (free_id), .done_v_i (done_v),
    .pex_room_i (pex_room), .match_word_done_i (match_word_done), .match_nbl_word_i (match_nbl_word), .post_ok_i (post_ok), .fill_we_i (fill_we), .rsp_way_i (rsp_way), .rsp_id_i (rsp_id), .vr_active_i (vr_active),
    .vr_set_i (vr_set), .vr_way_i (vr_way), .sc_ok_i (sc_ok), .per_rdata_i, .s1_resp_o (s1_resp),
    .s1_err_o (s1_err), .s1_rdata_o (s1_rdata), .s1_write_o (s1_write), .s1_wval_o (s1_wval),
    .park_o (s1_park), .park_rdy_o (s1_park_rdy), .park_wait_o (s1_park_wait),
    .park_id_o (s1_park_id), .park_cls_o (s1_park_cls), .park_full_o (s1_park_full),
    .park_own_o (s1_park_own), .alloc_o (s1_alloc), .alloc_pref_o (s1_alloc_pref),
    .merge_o (s1_merge), .post_o (s1_post), .post_id_o (s1_post_id), .ev_o (s1_ev), .ev_cls_o (s1_ev_cls), .lr_set_o (s1_lr_set),
    .resv_clr_o (s1_resv_clr), .kill_o (s1_kill), .pfill_clr_o (s1_pfill_clr),
    .touch_hit_o (touch_hit)
  );

  outrider_dcache_frames #(.Sets (Sets), .Ways (Ways)) u_frames (
    .clk_i, .rst_ni,
    .s1_set_i (s1_set), .hit_way_i (hit_way), .s1_write_i (s1_write), .pfill_clr_i (s1_pfill_clr),
    .alloc_i (s1_alloc), .victim_i (victim), .s1_valid_o (s1_valid), .s1_dirty_o (s1_dirty),
    .s1_pfill_o (s1_pfill), .fill_i (fill), .fill_set_i (done_line[SetW-1:0]),
    .fill_way_i (done_way), .fill_pf_i (done_pfill), .fill_dirty_i (done_posted), .wb_done_i (vr_done), .vr_set_i (vr_set),
    .vr_way_i (vr_way), .fl_set_i (fl_set), .fl_valid_o (fl_valid), .fl_dirty_o (fl_dirty), .dbg_set_i (dbg_set), .dbg_dirty_o (dbg_dirty), .dirty_any_o (dirty_any),
    .pfill_cnt_o, .pfill_good_o (pfill_good)
  );

  outrider_dcache_resv #(.NumCtx (NumCtx)) u_resv (
    .clk_i, .rst_ni,
    .tid_i (s1_tid), .word_i (s1_addr[31:2]), .sc_ok_o (sc_ok), .lr_set_i (s1_lr_set),
    .clr_i (s1_resv_clr), .kill_i (s1_kill)
  );

  // ---- misses ------------------------------------------------------------------
  // The p-thread reserve: a p-thread's miss may allocate only while more than
  // PexMshrReserve MSHRs are free (0: while any is, the plain free_v)
  localparam int FreeCntW = $clog2(NumMshr + 1);
  if (PexMshrReserve == 0) begin : g_pex_room_any
    assign pex_room = free_v;
    logic unused_free_mask;
    assign unused_free_mask = ^free_mask;
  end else begin : g_pex_room_cnt
    logic [FreeCntW-1:0] n_free;
    always_comb begin : p_n_free
      n_free = '0;
      for (int m = 0; m < NumMshr; m++) n_free = n_free + FreeCntW'(free_mask[m]);
    end
    assign pex_room = (n_free > FreeCntW'(PexMshrReserve));
  end

  outrider_dcache_mshr #(
    .NumMshr (NumMshr), .Ways (Ways), .LineW (LineW), .SetW (SetW), .WordW (WordW),
    .TidW (TidW), .WPL (WPL), .NumCtx (NumCtx), .PostedStores (PostedStores),
    .NbLoads (NbLoads)
  ) u_mshr (
    .clk_i, .rst_ni,
    .alloc_i (s1_alloc), .alloc_issued_i (alloc_issued), .alloc_line_i (s1_line),
    .alloc_way_i (victim), .alloc_wb_i (alloc_wb), .alloc_vic_i (alloc_vic),
    .alloc_spec_i (s1_spec), .alloc_tid_i (s1_tid), .alloc_pref_i (s1_alloc_pref),
    .alloc_word_i (s1_word), .touch_i (s1_merge && !s1_spec), .free_v_o (free_v),
    .free_id_o (free_id), .free_mask_o (free_mask), .s1_line_i (s1_line), .match_o (match), .match_id_o (match_id),
    .match_done_o (match_done), .match_err_o (match_err), .match_spec_o (match_spec),
    .own_w_o (own_w), .rsp_valid_i (rsp_valid), .rsp_id_i (rsp_id), .rsp_err_i (rsp_err),
    .rsp_last_i (rsp_last), .rsp_way_o (rsp_way), .rsp_line_o (rsp_line), .done_v_o (done_v),
    .done_id_o (done_id), .done_err_o (done_err), .done_line_o (done_line), .done_way_o (done_way),
    .done_tid_o (done_tid), .done_spec_o (done_spec), .done_pref_o (done_pref),
    .done_pfill_o (done_pfill), .head_v_o (head_v), .head_id_o (head_id), .head_wb_o (head_wb),
    .head_line_o (head_line), .head_word_o (head_word), .head_way_o (head_way),
    .head_vic_o (head_vic), .head_tid_o (head_tid), .job_pop_i (job_pop), .cur_id_i (cur_id),
    .cur_line_o (cur_line), .cur_word_o (cur_word), .issue_i (issue), .issue_id_i (issue_id),
    .wb_clr_i       (wb_clr),
    .wb_clr_id_i    (cur_id),
    .mswb_any_o (mswb_any),
    .post_i (s1_post), .post_id_i (s1_post_id), .post_word_i (s1_word), .post_tid_i (s1_tid),
    .post_data_i (s1_req[ReqWdataLsb +: 32]), .post_be_i (s1_req[ReqBeLsb +: 4]),
    .s1_word_i (s1_word), .nbl_i (s1_nbl), .nbl_id_i (s1_post_id),
    .match_nbl_word_o (match_nbl_word), .match_word_done_o (match_word_done), .post_ok_o (post_ok), .posted_any_o (posted_any), .posted_ctx_o (posted_ctx), .posted_m_o (posted_m),
    .done_posted_o (done_posted), .rsp_idx_i (rsp_idx), .rsp_data_i (rsp_data),
    .fill_data_o (fill_data), .dbg_line_i (dbg_addr_i[31:OffW]), .dbg_word_i (dbg_word),
    .dbg_be_o (dbg_post_be), .dbg_data_o (dbg_post_data)
  );

  outrider_dcache_park #(.NumCtx (NumCtx), .MshrW (MshrW), .WordW (WordW)) u_park (
    .clk_i, .rst_ni,
    .park_i (s1_park), .s1_tid_i (s1_tid), .s1_req_i (s1_req), .park_rdy_i (s1_park_rdy),
    .park_wait_i (s1_park_wait), .park_id_i (s1_park_id), .park_cls_i (s1_park_cls),
    .park_full_i (s1_park_full), .park_own_i (s1_park_own), .replay_any_o (replay_any),
    .replay_tid_o (replay_tid), .replay_req_o (replay_req), .replay_cls_o (replay_cls),
    .replay_go_i (replay_go), .done_v_i (done_v), .done_id_i (done_id), .done_err_i (done_err),
    .rsp_valid_i (rsp_valid), .rsp_id_i (rsp_id), .rsp_idx_i (rsp_idx), .rsp_data_i (fill_data),
    .rsp_err_i (rsp_err), .fence_wait_o (fence_wait), .fl_arm_i (fl_arm), .fl_done_i (fl_done),
    .pend_resp_o (pend_resp), .pend_resp_err_o (pend_resp_err), .pend_resp_data_o (pend_resp_data),
    .mshr_full_o (ev_mshr_full_o)
  );

  outrider_dcache_pfq #(
    .NextLinePrefetch (NextLinePrefetch), .OffW (OffW), .TidW (TidW)
  ) u_pfq (
    .clk_i, .rst_ni,
    .demand_alloc_i (s1_alloc && !s1_alloc_pref), .line_i (s1_line), .tid_i (s1_tid),
    .spec_i (s1_spec), .hint_i (pf_valid_i), .hint_line_i (pf_addr_i[31:OffW]),
    .hint_tid_i (pf_tid_i), .hint_spec_i (pf_spec_i), .probe_go_i (probe_go), .v_o (pfq_v), .line_o (pfq_line), .tid_o (pfq_tid),
    .spec_o (pfq_spec)
  );

  // ---- the bus side -------------------------------------------------------------
  outrider_dcache_seq #(
    .Ways (Ways), .WPL (WPL), .SetW (SetW), .TagW (TagW), .MshrW (MshrW), .TidW (TidW)
  ) u_seq (
    .clk_i, .rst_ni,
    .head_v_i (head_v), .head_id_i (head_id), .head_wb_i (head_wb), .head_line_i (head_line),
    .head_word_i (head_word), .head_way_i (head_way), .head_vic_i (head_vic),
    .head_tid_i (head_tid), .job_pop_o (job_pop), .cur_id_o (cur_id), .cur_line_i (cur_line),
    .cur_word_i (cur_word), .issue_o (issue), .issue_id_o (issue_id), .wb_clr_o (wb_clr),
    .alloc_i (s1_alloc), .alloc_wb_i (alloc_wb), .alloc_line_i (s1_line), .alloc_id_i (free_id),
    .alloc_word_i (s1_word), .alloc_issued_o (alloc_issued), .fl_walk_i (fl_walk),
    .fl_cand_i (fl_cand), .fl_set_i (fl_set), .fl_way_i (fl_way), .fl_tid_i (fl_tid),
    .vr_want_o (vr_want), .vr_prio_o (vr_prio), .vr_go_i (vr_go), .vr_cap_i (vr_cap),
    .s1_word_i (s1_word), .dat_fwd_i (dat_fwd), .tag_rd_i (tag_rd), .vr_active_o (vr_active),
    .vr_set_o (vr_set), .vr_way_o (vr_way), .vr_word_o (vr_word), .vr_line_o (vr_line),
    .vr_tid_o (vr_tid), .wb_done_o (vr_done),
    .wbuf_we_o (wbuf_we), .wbuf_idx_o (wbuf_idx), .wbuf_data_o (wbuf_data),
    .wbuf_commit_o (wbuf_commit), .wbuf_valid_i (wbuf_valid), .rd_valid_o (rd_valid),
    .rd_ready_i (rd_ready), .rd_line_o (rd_line), .rd_id_o (rd_id), .rd_word_o (rd_word_c)
  );

  outrider_dcache_flush #(
    .NumCtx (NumCtx), .NumMshr (NumMshr), .MshrW (MshrW), .Sets (Sets), .Ways (Ways)
  ) u_flush (
    .clk_i, .rst_ni,
    .fence_wait_i (fence_wait), .fl_arm_o (fl_arm), .fl_done_o (fl_done), .fl_walk_o (fl_walk),
    .fl_set_o (fl_set), .fl_tid_o (fl_tid), .fl_valid_i (fl_valid), .fl_dirty_i (fl_dirty),
    .fl_cand_o (fl_cand), .fl_way_o (fl_way), .vr_active_i (vr_active), .vr_set_i (vr_set),
    .vr_way_i (vr_way), .mswb_any_i (mswb_any), .wr_busy_i (wr_busy),
    .posted_m_i (posted_m), .done_v_i (done_v), .done_id_i (done_id)
  );

  outrider_dcache_wbm #(
    .WPL (WPL), .LineW (LineW), .IdW (MshrW), .BurstDepth (NumMshr + 2)
  ) u_wbm (
    .clk_i, .rst_ni,
    .wbuf_we_i (wbuf_we), .wbuf_idx_i (wbuf_idx), .wbuf_data_i (wbuf_data),
    .wbuf_commit_i (wbuf_commit), .wbuf_line_i (vr_line), .wbuf_valid_o (wbuf_valid),
    .rd_valid_i (rd_valid), .rd_ready_o (rd_ready), .rd_line_i (rd_line), .rd_id_i (rd_id),
    .rd_word_i (rd_word_c), .rsp_valid_o (rsp_valid), .rsp_id_o (rsp_id), .rsp_idx_o (rsp_idx),
    .rsp_data_o (rsp_data), .rsp_err_o (rsp_err), .rsp_last_o (rsp_last), .wr_busy_o (wr_busy),
    .dbg_line_i (dbg_addr_i[31:OffW]), .dbg_word_i (dbg_word), .dbg_hit_o (dbg_wb_hit),
    .dbg_data_o (dbg_wb_data),
    .wb_cyc_o, .wb_stb_o, .wb_we_o, .wb_adr_o, .wb_sel_o, .wb_dat_o, .wb_cti_o, .wb_bte_o,
    .wb_dat_i, .wb_ack_i, .wb_err_i, .wb_stall_i
  );

  // ---- events -------------------------------------------------------------------
  assign ev_acc_valid_o     = s1_ev;
  assign ev_acc_tid_o       = s1_tid;
  assign ev_acc_spec_o      = s1_spec;
  assign ev_acc_op_o        = s1_post ? DopStorePosted : s1_op;
  assign ev_acc_cls_o       = s1_ev_cls;
  assign ev_acc_addr_o      = s1_addr;
  assign ev_fill_valid_o    = fill;
  assign ev_fill_tid_o      = done_tid;
  assign ev_fill_spec_o     = done_spec;
  assign ev_fill_pref_o     = done_pref;
  assign ev_fill_addr_o     = {done_line, {OffW{1'b0}}};
  assign ev_wb_valid_o      = vr_done;
  assign ev_wb_tid_o        = vr_tid;
  assign ev_wb_addr_o       = {vr_line, {OffW{1'b0}}};
  assign ev_evict_valid_o   = s1_alloc && s1_valid[victim];
  assign ev_evict_useless_o = s1_pfill[victim];
  assign ev_evict_spared_o  = victim_spared;
  assign ev_evict_addr_o    = {victim_tag, s1_set, {OffW{1'b0}}};

  // ---- debug backdoor -----------------------------------------------------------
  outrider_dcache_dbg #(.Ways (Ways), .TagW (TagW), .DebugPort (DebugPort)) u_dbg (
    .tag_i (dbg_addr_i[31 -: TagW]), .dirty_i (dbg_dirty), .way_tag_i (dbg_tag),
    .way_data_i (dbg_dat), .dirty_any_i (dirty_any), .wb_valid_i (wbuf_valid),
    .wb_hit_i (dbg_wb_hit), .wb_data_i (dbg_wb_data), .post_be_i (dbg_post_be),
    .post_data_i (dbg_post_data), .posted_any_i (posted_any || done_posted),
    .lanes_q_i (dbg_addr_i[1:0] == 2'd1), .hit_o (dbg_hit_o), .data_o (dbg_data_o),
    .dirty_any_o (dbg_dirty_any_o)
  );

  logic unused_sig;
  assign unused_sig = ^{pf_addr_i[OffW-1:0]};

  // ---- invariants (rtl/include/outrider_assert.svh) -------------------------------
  // a p-thread's request never writes the data array or dirties a line
  // (formal/dcache_induct.ys proves it by induction, given that the core
  // sends p-thread loads only: outrider_core's FORMAL block proves that)
`ifndef FORMAL_SKIP_SPEC
  `OR_ASSERT(!(s1_write && s1_spec), "a p-thread request writes the data array")
`endif
`ifndef FORMAL_SKIP_LIVE
  // stage 1 answers or parks a request, never both; it allocates only with a
  // free MSHR; a write never meets a refill beat of the same way
  `OR_ASSERT(!(s1_resp && s1_park), "stage 1 answers and parks one request")
  `OR_ASSERT(!s1_alloc || free_v, "an allocation without a free MSHR")
  `OR_ASSERT(!(s1_write && fill_we && (rsp_way == hit_way)), "a stage-1 write meets a refill beat")
  // posted stores: only plain stores of the main thread, and the refill of
  // a line holding posted bytes never fails (RAM never answers with an
  // error; if it did, the retired store's bytes would be lost)
  `OR_ASSERT(!s1_post || ((s1_op == DopStore) && !s1_spec), "a posted access that is not a plain store")
`ifndef FORMAL
  // (simulation only: the formal environments let memory answer any beat
  // with an error, also for a line it answered before)
  `OR_ASSERT(!(done_v && done_err && done_posted), "a refill holding posted store bytes failed: the bytes are lost")
`endif
  // ordering: an uncached access, LR, SC or AMO is performed (answered in
  // stage 1) only when no posted store of its context waits in an MSHR
  // (fences: the flush engine waits for every posted store in flight).
  // Checked from reset by formal/dcache_mshr.ys too; it relies on a store
  // having a byte lane enabled (core-side contract above): a store with
  // none posts no bytes, so its context is not counted as having posted
  // stores, until another context's bytes in the same MSHR made it count
  // after its next uncached access had already been routed.
  `OR_ASSERT(!(s1_v && ((s1_src == SrcReq) || (s1_src == SrcReplay)) && posted_ctx[s1_tid] &&
               s1_resp && ((s1_route == RtPer) ||
                           ((s1_route == RtRam) && ((s1_op == DopLr) || (s1_op == DopSc) ||
                                                    (s1_op == DopAmo))))),
             "an ordered access performed while posted stores wait in an MSHR")
`endif
endmodule
