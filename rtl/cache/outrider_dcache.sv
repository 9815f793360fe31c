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
//   flight) and PARKS the request; when the refill completes the request is
//   replayed through stage 0 and then hits. Uncached (CLINT/MMIO) loads and
//   stores go to the peripheral port at acceptance and answer in stage 1.
//   A context with a parked request never blocks the other context.
//
// Core-side contract (as outrider_dbiu, see there): dreq_ready_o depends on
// dreq_tid_i, internal state and the answers of this cycle, never on
// dreq_valid_i; it is low for a context whose request is outstanding unless
// that request is answered in this very cycle, and while a replay or a
// starved victim read takes the arrays. Exactly one dresp_valid_o[c] per
// accepted request, never in the acceptance cycle; rdata: raw word for loads
// and LR, old word for AMOs, 0/1 for SC success/failure, 0 otherwise.
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
// p-thread miss that finds no free MSHR or no replaceable way at its first
// lookup is DROPPED: answered in stage 1 with 0 (a replayed one waits).
// Other p-thread operations, and p-thread loads outside RAM, are answered
// with 0 and have no effect (the core never sends them).
//
// Next-line prefetch (NextLinePrefetch = 1): a demand allocation queues the
// next line (one entry, newest wins); the probe takes stage 0 when it is
// idle and an MSHR is free, and allocates if the line is neither present
// nor in flight.
//
// Events (one-cycle pulses for the test bench, see docs/dcache.md): one
// access per cycle (ev_acc_*), one fill (ev_fill_*), one write-back
// (ev_wb_*), one eviction (ev_evict_*), per-context "parked for lack of an
// MSHR" (ev_mshr_full_o).
//
// Not here: no coherence with other masters, no byte-granular dirty bits,
// no early restart except for plain loads (the refill starts at the
// missing word; stores, LR, SC and AMOs replay after the whole line),
// no ECC, no physical memory protection.
module outrider_dcache #(
  parameter int NumCtx           = 2,
  parameter int SizeBytes        = 4096,
  parameter int Ways             = 2,
  parameter int LineBytes        = 32,
  parameter int NumMshr          = 4,
  parameter int NextLinePrefetch = 0,   // 1: a demand miss also fetches the next line
  parameter int DebugPort        = 0,   // 1: dbg_* backdoor lookup (simulation)
  // derived from NumCtx: do not override
  parameter int TidW             = (NumCtx > 1) ? $clog2(NumCtx) : 1
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
  output logic [NumCtx-1:0]    dresp_valid_o,
  output logic [NumCtx*32-1:0] dresp_rdata_o,
  output logic [NumCtx-1:0]    dresp_err_o,

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
  output logic [2:0]           ev_acc_op_o,      // Dop* code
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
  output logic [31:0]          ev_evict_addr_o,
  output logic [NumCtx-1:0]    ev_mshr_full_o,   // context parked: no free MSHR

  // debug backdoor (DebugPort = 1): the newest copy of a word the cache
  // holds dirty (in a line or in the write-back buffer)
  input  logic [31:0]          dbg_addr_i,
  output logic                 dbg_hit_o,
  output logic [31:0]          dbg_data_o,
  output logic                 dbg_dirty_any_o
);
  `include "outrider_defs.svh"

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
  localparam int Frames = Sets * Ways;
  localparam int FrameW = $clog2(Frames);
  localparam int DIdxW  = SetW + WordW;
  localparam int JobCW  = $clog2(NumMshr + 1);
  localparam int CapW   = $clog2(WPL + 1);
  localparam logic [SetW-1:0]  LastSet  = SetW'(Sets - 1);

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
`endif

  // access classes of ev_acc_cls_o: DcCls* (outrider_consts.svh, from spec/outrider.toml)

  // ---- request record -------------------------------------------------------------
  typedef struct packed {
    logic [2:0]  op;
    logic [4:0]  amo;
    logic [31:0] addr;
    logic [31:0] wdata;
    logic [3:0]  be;
    logic        spec;
  } req_t;
  localparam int ReqW = 3 + 5 + 32 + 32 + 4 + 1;   // width of req_t (yosys 0.23 lacks $bits(type))

  typedef enum logic [2:0] {
    RtRam,     // cacheable
    RtPer,     // peripheral port
    RtErr,     // access fault, answered in stage 1
    RtNop,     // answered in stage 1 with 0, no effect (p-thread non-loads)
    RtFence    // parks until the flush engine is done
  } route_e;

  typedef enum logic [1:0] {
    SrcReq,    // a new core request
    SrcReplay, // a parked request again
    SrcProbe,  // next-line prefetch probe
    SrcVr      // victim reader: one word of a line to write back
  } src_e;

  typedef enum logic [1:0] {
    WaitMshr,  // for MSHR pend_id to complete
    WaitAny,   // for any MSHR to complete (none free / no way)
    WaitFence  // for the flush engine
  } wait_e;

  localparam logic [1:0] MsFree   = 2'd0;
  localparam logic [1:0] MsQueued = 2'd1;   // waiting for the bus sequencer
  localparam logic [1:0] MsIssued = 2'd2;   // read burst presented, beats arriving
  localparam logic [1:0] MsDone   = 2'd3;   // last beat written: installs the line this cycle

  typedef enum logic [1:0] {
    SqIdle,
    SqVicRead,  // copying a dirty line into the write-back buffer
    SqRead      // handing the MSHR's read burst to the bus master
  } sq_e;

  typedef enum logic [1:0] {
    FlIdle,
    FlWalk,     // visiting every set, writing back dirty lines
    FlDrain     // waiting for write-backs in progress to be acknowledged
  } fl_e;

  // ---- state ----------------------------------------------------------------------
  logic [NumCtx-1:0]      busy_q, busy_d;

  // stage 1
  logic                   s1_v_q, s1_v_d;
  src_e                   s1_src_q, s1_src_d;
  logic [TidW-1:0]        s1_tid_q, s1_tid_d;
  req_t                   s1_req_q, s1_req_d;
  route_e                 s1_route_q, s1_route_d;
  logic                   s1_cls_q, s1_cls_d;     // already classified (event sent)

  // parked requests, one per context
  logic [NumCtx-1:0]      pend_v_q, pend_v_d;
  logic [NumCtx-1:0]      pend_rdy_q, pend_rdy_d;
  logic [NumCtx*2-1:0]    pend_wait_q, pend_wait_d;
  logic [NumCtx*MshrW-1:0] pend_id_q, pend_id_d;
  logic [NumCtx-1:0]      pend_cls_q, pend_cls_d;
  logic [NumCtx-1:0]      pend_full_q, pend_full_d;
  logic [NumCtx-1:0]      pend_own_q, pend_own_d;      // waits for its own line (errors reach it)
  logic [NumCtx*ReqW-1:0] pend_req_q, pend_req_d;
  logic [NumCtx-1:0]      fence_armed_q, fence_armed_d;

  // reservations
  logic [NumCtx-1:0]      resv_v_q, resv_v_d;
  logic [NumCtx*30-1:0]   resv_addr_q, resv_addr_d;

  // per-frame state (frame = set * Ways + way)
  logic [Frames-1:0]      valid_q, valid_d;
  logic [Frames-1:0]      dirty_q, dirty_d;
  logic [Frames-1:0]      pfill_q, pfill_d;        // p-thread filled, untouched by others

  // last data-array write of stage 1 (forwarded to the next stage 1)
  logic                   lw_v_q, lw_v_d;
  logic [WayW-1:0]        lw_way_q, lw_way_d;
  logic [DIdxW-1:0]       lw_idx_q, lw_idx_d;
  logic [31:0]            lw_data_q, lw_data_d;

  // MSHRs
  logic [NumMshr*2-1:0]     ms_st_q, ms_st_d;
  logic [NumMshr*LineW-1:0] ms_line_q, ms_line_d;
  logic [NumMshr*WayW-1:0]  ms_way_q, ms_way_d;
  logic [NumMshr-1:0]       ms_wb_q, ms_wb_d;      // victim needs a write-back first
  logic [NumMshr*LineW-1:0] ms_vic_q, ms_vic_d;    // victim line address
  logic [NumMshr-1:0]       ms_spec_q, ms_spec_d;  // allocated by a p-thread
  logic [NumMshr*TidW-1:0]  ms_tid_q, ms_tid_d;
  logic [NumMshr-1:0]       ms_touch_q, ms_touch_d; // a non-p-thread access wants it
  logic [NumMshr-1:0]       ms_err_q, ms_err_d;
  logic [NumMshr-1:0]       ms_pref_q, ms_pref_d;  // next-line prefetch
  logic [NumMshr*WordW-1:0] ms_word_q, ms_word_d;  // critical word: the refill starts there

  // bus jobs (MSHR ids in allocation order, head at entry 0)
  logic [NumMshr*MshrW-1:0] job_q, job_d;
  logic [JobCW-1:0]         job_cnt_q, job_cnt_d;

  // bus sequencer and victim reader
  sq_e                    sq_q, sq_d;
  logic [MshrW-1:0]       sq_id_q, sq_id_d;
  logic                   sq_mshr_q, sq_mshr_d;    // job of an MSHR (else of the flush engine)
  logic [SetW-1:0]        vr_set_q, vr_set_d;
  logic [WayW-1:0]        vr_way_q, vr_way_d;
  logic [LineW-1:0]       vr_line_q, vr_line_d;
  logic [TidW-1:0]        vr_tid_q, vr_tid_d;
  logic [CapW-1:0]        vr_iss_q, vr_iss_d;      // words read
  logic [CapW-1:0]        vr_cap_q, vr_cap_d;      // words captured
  logic                   vr_prio_q, vr_prio_d;

  // flush engine
  fl_e                    fl_q, fl_d;
  logic [SetW-1:0]        fl_set_q, fl_set_d;
  logic [TidW-1:0]        fl_tid_q, fl_tid_d;

  // next-line prefetch queue (one entry)
  logic                   pfq_v_q, pfq_v_d;
  logic [LineW-1:0]       pfq_line_q, pfq_line_d;
  logic [TidW-1:0]        pfq_tid_q, pfq_tid_d;
  logic                   pfq_spec_q, pfq_spec_d;

  // ---- helpers ----------------------------------------------------------------------

  function automatic route_e route_of(input logic [2:0] op, input logic [31:0] addr,
                                     input logic spec);
    route_of = RtErr;
    case (op)
      DopLoad, DopLr: begin
        if (spec && addr_is_ram(addr))              route_of = RtRam;
        else if (spec)                         route_of = RtNop;
        else if (addr_is_io(addr) && (op == DopLoad)) route_of = RtPer;
        else if (addr_is_ram(addr))                 route_of = RtRam;
      end
      DopStore: begin
        if (spec)              route_of = RtNop;
        else if (addr_is_io(addr)) route_of = RtPer;
        else if (addr_is_ram(addr)) route_of = RtRam;
      end
      DopSc, DopAmo: begin
        if (spec)              route_of = RtNop;
        else if (addr_is_ram(addr)) route_of = RtRam;
      end
      DopFence: begin
        if (spec) route_of = RtNop;
        else      route_of = RtFence;
      end
      default:  route_of = RtErr;
    endcase
  endfunction

  function automatic logic [31:0] merge_be(input logic [31:0] old, input logic [31:0] nw,
                                           input logic [3:0] be);
    for (int b = 0; b < 4; b++) begin
      merge_be[8*b +: 8] = be[b] ? nw[8*b +: 8] : old[8*b +: 8];
    end
  endfunction

  // ---- arrays ---------------------------------------------------------------------
  logic [SetW-1:0]      rd_set;                // stage-0 read address
  logic [WordW-1:0]     rd_word;
  logic [Ways*TagW-1:0] tag_rd;
  logic [Ways*32-1:0]   dat_raw;
  logic [Ways-1:0]      dwe, twe;
  logic [Ways*DIdxW-1:0] dw_idx;
  logic [Ways*32-1:0]   dw_data;
  logic [SetW-1:0]      tw_set;
  logic [TagW-1:0]      tw_tag;
  logic [SetW-1:0]      dbg_set;
  logic [WordW-1:0]     dbg_word;
  logic [Ways*TagW-1:0] dbg_tag;
  logic [Ways*32-1:0]   dbg_dat;

  assign dbg_set  = dbg_addr_i[OffW +: SetW];
  assign dbg_word = dbg_addr_i[2 +: WordW];

  for (genvar w = 0; w < Ways; w++) begin : g_way
    outrider_dcache_ram #(.Depth (Sets), .Width (TagW), .DebugPort (DebugPort)) u_tag (
      .clk_i,
      .raddr_i     (rd_set),
      .rdata_o     (tag_rd[TagW*w +: TagW]),
      .we_i        (twe[w]),
      .waddr_i     (tw_set),
      .wdata_i     (tw_tag),
      .dbg_addr_i  (dbg_set),
      .dbg_rdata_o (dbg_tag[TagW*w +: TagW])
    );
    outrider_dcache_ram #(.Depth (Sets * WPL), .Width (32), .DebugPort (DebugPort)) u_data (
      .clk_i,
      .raddr_i     ({rd_set, rd_word}),
      .rdata_o     (dat_raw[32*w +: 32]),
      .we_i        (dwe[w]),
      .waddr_i     (dw_idx[DIdxW*w +: DIdxW]),
      .wdata_i     (dw_data[32*w +: 32]),
      .dbg_addr_i  ({dbg_set, dbg_word}),
      .dbg_rdata_o (dbg_dat[32*w +: 32])
    );
  end

  // ---- bus master ------------------------------------------------------------------
  logic             wbuf_we, wbuf_commit, wbuf_valid;
  logic [WordW-1:0] wbuf_idx;
  logic [31:0]      wbuf_data;
  logic             rd_valid, rd_ready;
  logic [LineW-1:0] rd_line;
  logic [MshrW-1:0] rd_id;
  logic [WordW-1:0] rd_word_c;
  logic             rsp_valid, rsp_err, rsp_last;
  logic [MshrW-1:0] rsp_id;
  logic [WordW-1:0] rsp_idx;
  logic [31:0]      rsp_data;
  logic             wr_busy;
  logic             dbg_wb_hit;
  logic [31:0]      dbg_wb_data;

  outrider_dcache_wbm #(
    .WPL (WPL), .LineW (LineW), .IdW (MshrW), .BurstDepth (NumMshr + 2)
  ) u_wbm (
    .clk_i, .rst_ni,
    .wbuf_we_i     (wbuf_we),
    .wbuf_idx_i    (wbuf_idx),
    .wbuf_data_i   (wbuf_data),
    .wbuf_commit_i (wbuf_commit),
    .wbuf_line_i   (vr_line_q),
    .wbuf_valid_o  (wbuf_valid),
    .rd_valid_i    (rd_valid),
    .rd_ready_o    (rd_ready),
    .rd_line_i     (rd_line),
    .rd_id_i       (rd_id),
    .rd_word_i     (rd_word_c),
    .rsp_valid_o   (rsp_valid),
    .rsp_id_o      (rsp_id),
    .rsp_idx_o     (rsp_idx),
    .rsp_data_o    (rsp_data),
    .rsp_err_o     (rsp_err),
    .rsp_last_o    (rsp_last),
    .wr_busy_o     (wr_busy),
    .dbg_line_i    (dbg_addr_i[31:OffW]),
    .dbg_word_i    (dbg_word),
    .dbg_hit_o     (dbg_wb_hit),
    .dbg_data_o    (dbg_wb_data),
    .wb_cyc_o, .wb_stb_o, .wb_we_o, .wb_adr_o, .wb_sel_o, .wb_dat_o, .wb_cti_o, .wb_bte_o,
    .wb_dat_i, .wb_ack_i, .wb_err_i, .wb_stall_i
  );

  // ---- MSHR views ---------------------------------------------------------------------
  logic             done_v, done_err;          // an MSHR installs its line this cycle
  logic [MshrW-1:0] done_id;
  logic             free_v;                    // a free MSHR exists
  logic [MshrW-1:0] free_id;
  logic             mswb_any;                  // a victim write-back is still to be copied

  always_comb begin : p_mshr_view
    done_v   = 1'b0;
    done_id  = '0;
    free_v   = 1'b0;
    free_id  = '0;
    mswb_any = 1'b0;
    for (int m = NumMshr - 1; m >= 0; m--) begin
      if (ms_st_q[2*m +: 2] == MsDone) begin
        done_v  = 1'b1;
        done_id = MshrW'(m);
      end
      if (ms_st_q[2*m +: 2] == MsFree) begin
        free_v  = 1'b1;
        free_id = MshrW'(m);
      end
      if ((ms_st_q[2*m +: 2] != MsFree) && ms_wb_q[m]) mswb_any = 1'b1;
    end
    done_err = ms_err_q[done_id];
  end

  // ---- stage 0: source selection ---------------------------------------------------------
  logic              vr_want, vr_go, replay_any, replay_go, probe_go, accept, tid_ok;
  logic [TidW-1:0]   replay_tid;
  req_t              replay_req, dreq_req;
  logic [NumCtx-1:0] resp_now;                // dresp_valid_o, for the ready rule

  assign vr_want = (sq_q == SqVicRead) && (vr_iss_q < CapW'(WPL));

  // A parked request wakes when the MSHR it waits for installs its line
  // (that very cycle: its replay reads the arrays after the last beat was
  // written), or, waiting for resources, when any MSHR does; a plain load
  // is answered directly by the refill beat carrying its word (early
  // restart; the refill starts at the word the miss asked for).
  logic [NumCtx-1:0] wake_now, wake_err, early;
  // field views of the parked requests (continuous assignments: Icarus
  // cannot take struct members or constant part-selects inside always_*)
  logic [NumCtx*3-1:0]     pend_op;
  logic [NumCtx*WordW-1:0] pend_word;
  for (genvar g = 0; g < NumCtx; g++) begin : g_pend_view
    // bit offsets into the packed req_t (yosys 0.23 cannot take a member of
    // a struct declared inside a generate block)
    localparam int OpLsb   = ReqW * g + ReqW - 3;
    localparam int AddrLsb = ReqW * g + 1 + 4 + 32;
    assign pend_op[3*g +: 3]           = pend_req_q[OpLsb +: 3];
    assign pend_word[WordW*g +: WordW] = pend_req_q[AddrLsb + 2 +: WordW];
  end

  always_comb begin : p_wake
    logic mine;
    for (int c = 0; c < NumCtx; c++) begin
      mine = (pend_wait_q[2*c +: 2] == WaitMshr);
      wake_now[c] = pend_v_q[c] && !pend_rdy_q[c] && done_v &&
                    ((pend_wait_q[2*c +: 2] == WaitAny) ||
                     (mine && (pend_id_q[MshrW*c +: MshrW] == done_id) &&
                      !(done_err && pend_own_q[c])));
      wake_err[c] = pend_v_q[c] && !pend_rdy_q[c] && done_v && mine && pend_own_q[c] &&
                    (pend_id_q[MshrW*c +: MshrW] == done_id) && done_err;
      early[c]    = pend_v_q[c] && !pend_rdy_q[c] && mine && pend_own_q[c] &&
                    rsp_valid && !rsp_err && (pend_id_q[MshrW*c +: MshrW] == rsp_id) &&
                    (pend_op[3*c +: 3] == DopLoad) && (pend_word[WordW*c +: WordW] == rsp_idx);
    end
  end

  always_comb begin : p_replay_pick
    replay_any = 1'b0;
    replay_tid = '0;
    for (int c = NumCtx - 1; c >= 0; c--) begin
      if (pend_v_q[c] && (pend_rdy_q[c] || wake_now[c])) begin
        replay_any = 1'b1;
        replay_tid = TidW'(c);
      end
    end
  end
  assign replay_req = pend_req_q[ReqW*replay_tid +: ReqW];

  assign dreq_req = {dreq_op_i, dreq_amo_i, dreq_addr_i, dreq_wdata_i, dreq_be_i, dreq_spec_i};
  assign tid_ok    = (32'(dreq_tid_i) < NumCtx);
  assign replay_go = replay_any && !(vr_want && vr_prio_q);
  assign dreq_ready_o = tid_ok && !replay_any && !(vr_want && vr_prio_q) &&
                        (!busy_q[dreq_tid_i] || resp_now[dreq_tid_i]);
  assign accept    = dreq_valid_i && dreq_ready_o;
  assign vr_go     = vr_want && (vr_prio_q || (!replay_any && !accept));
  // the probe waits in its queue for an idle stage 0 and a free MSHR (with
  // one MSHR the miss that queued it holds the MSHR until its refill ends)
  assign probe_go  = (NextLinePrefetch != 0) && pfq_v_q && free_v && !replay_any && !accept &&
                     !vr_want;

  req_t        s0_req;
  route_e      s0_route;
  logic [31:0] s0_addr;
  logic [2:0]  s0_op;
  logic        s0_spec;
  assign s0_req   = replay_go ? replay_req : dreq_req;
  assign s0_addr  = s0_req.addr;
  assign s0_op    = s0_req.op;
  assign s0_spec  = s0_req.spec;
  assign s0_route = route_of(s0_op, s0_addr, s0_spec);

  // what enters stage 1 next cycle (victim reads and probes carry their own)
  req_t s1_req_n;
  assign s1_req_n = vr_go ? {DopLoad, 5'd0, {TagW{1'b0}}, vr_set_q, vr_iss_q[WordW-1:0], 2'b00,
                             32'd0, 4'd0, 1'b0}
                  : (probe_go ? {DopLoad, 5'd0, pfq_line_q, {OffW{1'b0}}, 32'd0, 4'd0, pfq_spec_q}
                              : s0_req);

  always_comb begin : p_stage0
    if (vr_go) begin
      rd_set  = vr_set_q;
      rd_word = vr_iss_q[WordW-1:0];
    end else if (replay_go || accept) begin
      rd_set  = s0_addr[OffW +: SetW];
      rd_word = s0_addr[2 +: WordW];
    end else if (probe_go) begin
      rd_set  = pfq_line_q[SetW-1:0];
      rd_word = '0;
    end else begin
      rd_set  = dreq_addr_i[OffW +: SetW];
      rd_word = dreq_addr_i[2 +: WordW];
    end
  end

  // peripheral accesses go out at acceptance; the answer is read in stage 1
  assign per_req_o   = accept && (s0_route == RtPer);
  assign per_we_o    = (dreq_op_i == DopStore);
  assign per_addr_o  = dreq_addr_i;
  assign per_wdata_o = dreq_wdata_i;
  assign per_be_o    = dreq_be_i;

  // ---- stage 1: lookup ----------------------------------------------------------------------
  logic [SetW-1:0]   s1_set;
  logic [WordW-1:0]  s1_word;
  logic [TagW-1:0]   s1_tag;
  logic [LineW-1:0]  s1_line;
  logic [Ways-1:0]   s1_valid, s1_dirty, s1_pfill, hit_w, resv_w, s1_avail;
  logic              hit;
  logic [WayW-1:0]   hit_way;
  logic [Ways*32-1:0] dat_fwd;
  logic [31:0]       hit_data;
  logic              match;                    // line in flight in an MSHR
  logic [MshrW-1:0]  match_id;
  logic [WayW-1:0]   victim;
  logic              victim_found;

  // field views of the stage-1 request
  logic [31:0]       s1_addr, s1_wdata;
  logic [2:0]        s1_op;
  logic [4:0]        s1_amo;
  logic [3:0]        s1_be;
  logic              s1_spec;
  assign s1_addr  = s1_req_q.addr;
  assign s1_wdata = s1_req_q.wdata;
  assign s1_op    = s1_req_q.op;
  assign s1_amo   = s1_req_q.amo;
  assign s1_be    = s1_req_q.be;
  assign s1_spec  = s1_req_q.spec;
  assign s1_set  = s1_addr[OffW +: SetW];
  assign s1_word = s1_addr[2 +: WordW];
  assign s1_tag  = s1_addr[31 -: TagW];
  assign s1_line = s1_addr[31:OffW];

  assign s1_valid = valid_q[Ways*s1_set +: Ways];
  assign s1_dirty = dirty_q[Ways*s1_set +: Ways];
  assign s1_pfill = pfill_q[Ways*s1_set +: Ways];

  always_comb begin : p_lookup
    hit      = 1'b0;
    hit_way  = '0;
    match    = 1'b0;
    match_id = '0;
    for (int w = 0; w < Ways; w++) begin
      hit_w[w]    = s1_valid[w] && (tag_rd[TagW*w +: TagW] == s1_tag);
      dat_fwd[32*w +: 32] = (lw_v_q && (lw_way_q == WayW'(w)) && (lw_idx_q == {s1_set, s1_word}))
                            ? lw_data_q : dat_raw[32*w +: 32];
      // ways that may not be replaced: owned by an MSHR or being copied out
      resv_w[w]   = (sq_q == SqVicRead) && (vr_set_q == s1_set) && (vr_way_q == WayW'(w));
      for (int m = 0; m < NumMshr; m++) begin
        if ((ms_st_q[2*m +: 2] != MsFree) && (ms_line_q[LineW*m +: SetW] == s1_set) &&
            (ms_way_q[WayW*m +: WayW] == WayW'(w)))
          resv_w[w] = 1'b1;
      end
      s1_avail[w] = !resv_w[w];
    end
    for (int w = Ways - 1; w >= 0; w--) begin
      if (hit_w[w]) begin
        hit     = 1'b1;
        hit_way = WayW'(w);
      end
    end
    hit_data = dat_fwd[32*hit_way +: 32];
    for (int m = NumMshr - 1; m >= 0; m--) begin
      if ((ms_st_q[2*m +: 2] != MsFree) && (ms_line_q[LineW*m +: LineW] == s1_line)) begin
        match    = 1'b1;
        match_id = MshrW'(m);
      end
    end
  end

  // replacement state
  logic              touch_hit, touch_fill;
  logic [SetW-1:0]   fill_set;
  logic [WayW-1:0]   fill_way;
  outrider_dcache_plru #(.Sets (Sets), .Ways (Ways)) u_plru (
    .clk_i, .rst_ni,
    .set_i        (s1_set),
    .avail_i      (s1_avail),
    .invalid_i    (~s1_valid),
    .victim_o     (victim),
    .found_o      (victim_found),
    .touch0_i     (touch_fill),
    .touch0_set_i (fill_set),
    .touch0_way_i (fill_way),
    .touch1_i     (touch_hit),
    .touch1_set_i (s1_set),
    .touch1_way_i (hit_way)
  );

  logic [31:0] amo_new;
  outrider_amo_alu u_amo_alu (
    .op_i      (s1_amo),
    .old_i     (hit_data),
    .operand_i (s1_wdata),
    .new_o     (amo_new)
  );

  // ---- stage 1: decision ---------------------------------------------------------------
  logic             fill_we;                  // a refill beat is written this cycle
  logic [WayW-1:0]  rsp_way;
  assign fill_we = rsp_valid && !rsp_err;
  assign rsp_way = ms_way_q[WayW*rsp_id +: WayW];

  logic              s1_live;                 // a core request (new or replayed) in stage 1
  logic              s1_resp, s1_err;
  logic [31:0]       s1_rdata;
  logic              s1_write;                // data-array write of a hit
  logic [31:0]       s1_wval;
  logic              s1_park, s1_park_rdy, s1_park_cls, s1_park_full, s1_park_own;
  wait_e             s1_park_wait;
  logic [MshrW-1:0]  s1_park_id;
  logic              s1_alloc, s1_alloc_pref, s1_merge;
  logic              s1_ev;                   // access event
  logic [2:0]        s1_ev_cls;
  logic              s1_lr_set, s1_resv_clr, s1_kill;
  logic              s1_pfill_clr;

  always_comb begin : p_decide
    logic ld, st, sc, amo, sc_ok, wr_op, conflict;
    logic [NumCtx-1:0] tid_oh;
    s1_live      = s1_v_q && ((s1_src_q == SrcReq) || (s1_src_q == SrcReplay));
    s1_resp      = 1'b0;
    s1_err       = 1'b0;
    s1_rdata     = 32'd0;
    s1_write     = 1'b0;
    s1_wval      = merge_be(hit_data, s1_wdata, s1_be);
    s1_park      = 1'b0;
    s1_park_rdy  = 1'b0;
    s1_park_cls  = s1_cls_q;
    s1_park_full = 1'b0;
    s1_park_own  = 1'b0;
    s1_merge     = 1'b0;
    s1_park_wait = WaitAny;
    s1_park_id   = '0;
    s1_alloc     = 1'b0;
    s1_alloc_pref = 1'b0;
    s1_ev        = 1'b0;
    s1_ev_cls    = DcClsHit;
    s1_lr_set    = 1'b0;
    s1_resv_clr  = 1'b0;
    s1_kill      = 1'b0;
    s1_pfill_clr = 1'b0;
    touch_hit    = 1'b0;

    for (int c = 0; c < NumCtx; c++) tid_oh[c] = (s1_tid_q == TidW'(c));
    ld    = (s1_op == DopLoad) || (s1_op == DopLr);
    st    = (s1_op == DopStore);
    sc    = (s1_op == DopSc);
    amo   = (s1_op == DopAmo);
    sc_ok = 1'b0;                          // (a mux, not a 30*tid multiplier)
    for (int c = 0; c < NumCtx; c++) begin
      if (tid_oh[c] && resv_v_q[c] && (resv_addr_q[30*c +: 30] == s1_addr[31:2])) sc_ok = 1'b1;
    end
    wr_op = st || amo || (sc && sc_ok);
    conflict = wr_op && ((fill_we && (rsp_way == hit_way)) ||
                         ((sq_q == SqVicRead) && (vr_set_q == s1_set) && (vr_way_q == hit_way)));

    if (s1_live) begin
      case (s1_route_q)
        RtPer: begin
          s1_resp   = 1'b1;
          s1_rdata  = (s1_op == DopLoad) ? per_rdata_i : 32'd0;
          s1_ev     = 1'b1;
          s1_ev_cls = DcClsUncached;
        end
        RtErr: begin
          s1_resp = 1'b1;
          s1_err  = 1'b1;
        end
        RtNop: begin
          s1_resp = 1'b1;
        end
        RtFence: begin
          s1_park      = 1'b1;
          s1_park_wait = WaitFence;
        end
        default: begin  // RtRam
          if (sc && !sc_ok) begin
            s1_resp     = 1'b1;
            s1_rdata    = 32'd1;
            s1_resv_clr = 1'b1;
          end else if (hit) begin
            if (conflict) begin
              // the way's write port is taken by a refill (wait for that
              // refill to end) or the line is being copied out (retry)
              s1_park = 1'b1;
              if (fill_we && (rsp_way == hit_way)) begin
                s1_park_wait = WaitMshr;
                s1_park_id   = rsp_id;
              end else begin
                s1_park_rdy  = 1'b1;
              end
            end else begin
              s1_resp   = 1'b1;
              touch_hit = 1'b1;
              s1_ev     = !s1_cls_q;
              s1_ev_cls = (!s1_spec && s1_pfill[hit_way]) ? DcClsUseful : DcClsHit;
              if (!s1_spec) s1_pfill_clr = 1'b1;
              if (ld) begin
                s1_rdata  = hit_data;
                s1_lr_set = (s1_op == DopLr) && !s1_spec;
              end
              if (amo) begin
                s1_rdata = hit_data;
                s1_wval  = amo_new;
              end
              if (sc) begin
                s1_wval     = s1_wdata;
                s1_resv_clr = 1'b1;
              end
              if (wr_op) begin
                s1_write = 1'b1;
                s1_kill  = 1'b1;
              end
            end
          end else if (match) begin
            if ((ms_st_q[2*match_id +: 2] == MsDone) && ms_err_q[match_id]) begin
              s1_resp = 1'b1;
              s1_err  = 1'b1;
            end else begin
              s1_park      = 1'b1;
              s1_merge     = 1'b1;
              s1_park_wait = WaitMshr;
              s1_park_own  = 1'b1;
              s1_park_id   = match_id;
              s1_park_rdy  = (ms_st_q[2*match_id +: 2] == MsDone);
              s1_park_cls  = 1'b1;
              s1_ev       = !s1_cls_q;
              s1_ev_cls   = (!s1_spec && ms_spec_q[match_id]) ? DcClsLate : DcClsMerge;
            end
          end else if (free_v && victim_found) begin
            s1_alloc     = 1'b1;
            s1_park      = 1'b1;
            s1_park_wait = WaitMshr;
            s1_park_own  = 1'b1;
            s1_park_id   = free_id;
            s1_park_cls  = 1'b1;
            s1_ev       = !s1_cls_q;
            s1_ev_cls   = DcClsMiss;
          end else if (s1_spec && !s1_cls_q) begin
            // dropped: never delay anyone for a p-thread. Only at its first
            // lookup: a p-thread request that already allocated or merged
            // (and was counted as a miss) waits like any other if its line
            // was evicted again before its replay, so that an answer of 0
            // always comes with a "dropped" access event
            s1_resp   = 1'b1;
            s1_ev     = 1'b1;
            s1_ev_cls = DcClsDropped;
          end else begin
            s1_park      = 1'b1;
            s1_park_wait = WaitAny;
            s1_park_rdy  = done_v;
            s1_park_full = !free_v;
          end
        end
      endcase
    end else if (s1_v_q && (s1_src_q == SrcProbe)) begin
      if (!hit && !match && free_v && victim_found) begin
        s1_alloc      = 1'b1;
        s1_alloc_pref = 1'b1;
      end
    end
  end

  // ---- responses ---------------------------------------------------------------------------
  logic [NumCtx-1:0] pend_resp, pend_resp_err;
  logic [NumCtx*32-1:0] pend_resp_data;

  always_comb begin : p_resp
    logic mine;
    for (int c = 0; c < NumCtx; c++) begin
      mine = s1_resp && (s1_tid_q == TidW'(c));
      resp_now[c]               = mine || pend_resp[c];
      dresp_valid_o[c]          = resp_now[c];
      dresp_err_o[c]            = (mine && s1_err) || pend_resp_err[c];
      dresp_rdata_o[32*c +: 32] = mine ? (s1_err ? 32'd0 : s1_rdata) : pend_resp_data[32*c +: 32];
    end
  end

  // ---- flush engine view ------------------------------------------------------------------
  logic            fl_cand;
  logic [WayW-1:0] fl_way;
  logic            fl_take;          // the sequencer takes the flush candidate now
  logic            fl_drained;

  logic [Ways-1:0] fl_valid, fl_dirty;
  assign fl_valid = valid_q[Ways*fl_set_q +: Ways];
  assign fl_dirty = dirty_q[Ways*fl_set_q +: Ways];

  always_comb begin : p_flush_view
    fl_cand = 1'b0;
    fl_way  = '0;
    for (int w = Ways - 1; w >= 0; w--) begin
      if (fl_valid[w] && fl_dirty[w] &&
          !((sq_q == SqVicRead) && (vr_set_q == fl_set_q) && (vr_way_q == WayW'(w)))) begin
        fl_cand = 1'b1;
        fl_way  = WayW'(w);
      end
    end
    fl_drained = (sq_q != SqVicRead) && !mswb_any && !wr_busy;
  end

  // ---- next state -----------------------------------------------------------------------------
  logic             vr_cap, vr_cap_last;
  logic             job_pop;
  logic             sq_issued;                // the read burst of MSHR sq_id_d is handed over
  logic             alloc_issued;             // this cycle's allocation went straight to the bus
  logic             alloc_wb;                 // its victim needs a write-back
  assign alloc_wb = s1_valid[victim] && s1_dirty[victim];
  logic             sq_wb_clr;                // the victim of MSHR sq_id_q is copied out

  always_comb begin : p_next
    logic [NumCtx-1:0] tid_oh;
    logic              any_fence;
    for (int c = 0; c < NumCtx; c++) tid_oh[c] = (s1_tid_q == TidW'(c));
    any_fence = 1'b0;

    // --- stage 1 register
    s1_v_d     = vr_go || replay_go || accept || probe_go;
    if (vr_go)          s1_src_d = SrcVr;
    else if (replay_go) s1_src_d = SrcReplay;
    else if (accept)    s1_src_d = SrcReq;
    else                s1_src_d = SrcProbe;
    s1_tid_d   = replay_go ? replay_tid : (probe_go ? pfq_tid_q : dreq_tid_i);
    s1_req_d   = s1_req_n;
    s1_route_d = s0_route;
    s1_cls_d   = replay_go ? pend_cls_q[replay_tid] : 1'b0;
    if (!vr_go && probe_go) s1_route_d = RtRam;

    // --- outstanding requests
    busy_d = busy_q & ~resp_now;
    if (accept) begin
      for (int c = 0; c < NumCtx; c++) if (dreq_tid_i == TidW'(c)) busy_d[c] = 1'b1;
    end

    // --- parked requests
    pend_v_d      = pend_v_q;
    pend_rdy_d    = pend_rdy_q;
    pend_wait_d   = pend_wait_q;
    pend_id_d     = pend_id_q;
    pend_cls_d    = pend_cls_q;
    pend_full_d   = pend_full_q;
    pend_own_d    = pend_own_q;
    pend_req_d    = pend_req_q;
    pend_resp     = '0;
    pend_resp_err = '0;
    fence_armed_d = fence_armed_q;
    pend_resp_data = '0;
    for (int c = 0; c < NumCtx; c++) begin
      if (wake_now[c]) pend_rdy_d[c] = 1'b1;
      if (wake_err[c]) begin
        pend_v_d[c]      = 1'b0;       // the refill failed: access fault
        pend_resp[c]     = 1'b1;
        pend_resp_err[c] = 1'b1;
      end
      if (early[c]) begin
        pend_v_d[c]      = 1'b0;       // answered by the refill beat
        pend_resp[c]     = 1'b1;
        pend_resp_data[32*c +: 32] = rsp_data;
      end
    end
    if (replay_go) begin
      for (int c = 0; c < NumCtx; c++) if (replay_tid == TidW'(c)) pend_v_d[c] = 1'b0;
    end
    if (s1_park) begin
      for (int c = 0; c < NumCtx; c++) begin
        if (tid_oh[c]) begin
          pend_v_d[c]                   = 1'b1;
          pend_rdy_d[c]                 = s1_park_rdy;
          pend_wait_d[2*c +: 2]         = s1_park_wait;
          pend_id_d[MshrW*c +: MshrW]   = s1_park_id;
          pend_cls_d[c]                 = s1_park_cls;
          pend_full_d[c]                = s1_park_full;
          pend_own_d[c]                 = s1_park_own;
          pend_req_d[ReqW*c +: ReqW]    = s1_req_q;
          fence_armed_d[c]              = 1'b0;
        end
      end
    end

    // --- reservations
    resv_v_d    = resv_v_q;
    resv_addr_d = resv_addr_q;
    if (s1_kill) begin
      for (int c = 0; c < NumCtx; c++) begin
        if (!tid_oh[c] && (resv_addr_q[30*c +: 30] == s1_addr[31:2])) resv_v_d[c] = 1'b0;
      end
    end
    if (s1_resv_clr) resv_v_d = resv_v_d & ~tid_oh;
    if (s1_lr_set) begin
      resv_v_d = resv_v_d | tid_oh;
      for (int c = 0; c < NumCtx; c++) begin
        if (tid_oh[c]) resv_addr_d[30*c +: 30] = s1_addr[31:2];
      end
    end


    lw_v_d    = s1_write;
    lw_way_d  = hit_way;
    lw_idx_d  = {s1_set, s1_word};
    lw_data_d = s1_wval;

    // --- MSHR events (the entries are written in p_entries)
    job_d      = job_q;
    job_cnt_d  = job_cnt_q;

    touch_fill = done_v && !done_err;
    fill_set   = ms_line_q[LineW*done_id +: SetW];
    fill_way   = ms_way_q[WayW*done_id +: WayW];
    sq_issued  = 1'b0;
    sq_wb_clr  = 1'b0;

    // --- next-line prefetch queue
    pfq_v_d    = pfq_v_q && !probe_go;
    pfq_line_d = pfq_line_q;
    pfq_tid_d  = pfq_tid_q;
    pfq_spec_d = pfq_spec_q;
    if ((NextLinePrefetch != 0) && s1_alloc && !s1_alloc_pref &&
        addr_is_ram({s1_line + 1'b1, {OffW{1'b0}}})) begin
      pfq_v_d    = 1'b1;
      pfq_line_d = s1_line + 1'b1;
      pfq_tid_d  = s1_tid_q;
      pfq_spec_d = s1_spec;
    end

    // --- bus sequencer and victim reader
    sq_d      = sq_q;
    sq_id_d   = sq_id_q;
    sq_mshr_d = sq_mshr_q;
    vr_set_d  = vr_set_q;
    vr_way_d  = vr_way_q;
    vr_line_d = vr_line_q;
    vr_tid_d  = vr_tid_q;
    vr_iss_d  = vr_iss_q + (vr_go ? CapW'(1) : CapW'(0));
    vr_cap_d  = vr_cap_q + (vr_cap ? CapW'(1) : CapW'(0));
    vr_prio_d = vr_want && !vr_go;
    job_pop   = 1'b0;
    fl_take   = 1'b0;
    rd_valid  = 1'b0;
    rd_line   = ms_line_q[LineW*sq_id_q +: LineW];
    rd_id     = sq_id_q;
    rd_word_c = ms_word_q[WordW*sq_id_q +: WordW];
    alloc_issued = 1'b0;
    case (sq_q)
      SqIdle: begin
        if ((job_cnt_q != '0) && !ms_wb_q[job_q[MshrW-1:0]]) begin
          // no victim to write back: the refill goes to the bus master now
          rd_valid  = 1'b1;
          rd_line   = ms_line_q[LineW*job_q[MshrW-1:0] +: LineW];
          rd_id     = job_q[MshrW-1:0];
          rd_word_c = ms_word_q[WordW*job_q[MshrW-1:0] +: WordW];
          if (rd_ready) begin
            job_pop   = 1'b1;
            sq_issued = 1'b1;
            sq_id_d   = job_q[MshrW-1:0];
          end
        end else if ((job_cnt_q != '0) && !wbuf_valid) begin
          job_pop   = 1'b1;
          sq_id_d   = job_q[MshrW-1:0];
          sq_mshr_d = 1'b1;
          vr_set_d  = ms_line_q[LineW*job_q[MshrW-1:0] +: SetW];
          vr_way_d  = ms_way_q[WayW*job_q[MshrW-1:0] +: WayW];
          vr_line_d = ms_vic_q[LineW*job_q[MshrW-1:0] +: LineW];
          vr_tid_d  = ms_tid_q[TidW*job_q[MshrW-1:0] +: TidW];
          vr_iss_d  = '0;
          vr_cap_d  = '0;
          sq_d      = SqVicRead;
        end else if ((job_cnt_q == '0) && s1_alloc && !alloc_wb) begin
          // a fresh allocation with nothing queued: straight to the bus
          rd_valid     = 1'b1;
          rd_line      = s1_line;
          rd_id        = free_id;
          rd_word_c    = s1_word;
          alloc_issued = rd_ready;
        end else if ((job_cnt_q == '0) && (fl_q == FlWalk) && fl_cand && !wbuf_valid) begin
          fl_take   = 1'b1;
          sq_mshr_d = 1'b0;
          vr_set_d  = fl_set_q;
          vr_way_d  = fl_way;
          vr_tid_d  = fl_tid_q;
          vr_iss_d  = '0;
          vr_cap_d  = '0;
          sq_d      = SqVicRead;
        end
      end
      SqVicRead: begin
        // the line address of a flushed line comes with its first word
        if (vr_cap && (vr_cap_q == '0) && !sq_mshr_q)
          vr_line_d = {tag_rd[TagW*vr_way_q +: TagW], vr_set_q};
        if (vr_cap_last) begin
          sq_wb_clr = sq_mshr_q;
          if (sq_mshr_q) sq_d = SqRead;
          else           sq_d = SqIdle;
        end
      end
      SqRead: begin
        rd_valid = 1'b1;
        if (rd_ready) begin
          sq_issued = 1'b1;
          sq_d = SqIdle;
        end
      end
      default: sq_d = SqIdle;
    endcase

    // --- job queue: pop at the sequencer, push at allocation
    if (job_pop) begin
      job_d     = job_q >> MshrW;
      job_cnt_d = job_cnt_q - 1'b1;
    end
    if (s1_alloc && !alloc_issued) begin
      job_d[MshrW*job_cnt_d +: MshrW] = free_id;
      job_cnt_d = job_cnt_d + 1'b1;
    end

    // --- flush engine
    fl_d     = fl_q;
    fl_set_d = fl_set_q;
    fl_tid_d = fl_tid_q;
    case (fl_q)
      FlIdle: begin
        for (int c = NumCtx - 1; c >= 0; c--) begin
          if (pend_v_q[c] && (pend_wait_q[2*c +: 2] == WaitFence)) begin
            fence_armed_d[c] = 1'b1;
            fl_tid_d = TidW'(c);
            any_fence = 1'b1;
          end
        end
        if (any_fence) begin
          fl_d     = FlWalk;
          fl_set_d = '0;
        end
      end
      FlWalk: begin
        if (!fl_cand) begin
          if (fl_set_q == LastSet) fl_d = FlDrain;
          else                     fl_set_d = fl_set_q + 1'b1;
        end
      end
      FlDrain: begin
        if (fl_drained) begin
          fl_d = FlIdle;
          for (int c = 0; c < NumCtx; c++) begin
            if (pend_v_q[c] && (pend_wait_q[2*c +: 2] == WaitFence) &&
                fence_armed_q[c]) begin
              pend_v_d[c]      = 1'b0;
              pend_resp[c]     = 1'b1;
              fence_armed_d[c] = 1'b0;
            end
          end
        end
      end
      default: fl_d = FlIdle;
    endcase
  end

  // MSHR entries and frame state: written by comparing each entry's / frame's
  // (constant) number with the narrow indices of this cycle's events, so no
  // wide variable-index decoders are built
  always_comb begin : p_entries
    ms_st_d    = ms_st_q;
    ms_line_d  = ms_line_q;
    ms_way_d   = ms_way_q;
    ms_wb_d    = ms_wb_q;
    ms_vic_d   = ms_vic_q;
    ms_spec_d  = ms_spec_q;
    ms_tid_d   = ms_tid_q;
    ms_touch_d = ms_touch_q;
    ms_err_d   = ms_err_q;
    ms_pref_d  = ms_pref_q;
    ms_word_d  = ms_word_q;
    for (int m = 0; m < NumMshr; m++) begin
      if (rsp_valid && (rsp_id == MshrW'(m))) begin
        if (rsp_err)  ms_err_d[m] = 1'b1;
        if (rsp_last) ms_st_d[2*m +: 2] = MsDone;
      end
      if (done_v && (done_id == MshrW'(m))) ms_st_d[2*m +: 2] = MsFree;
      if (s1_merge && !s1_spec && (match_id == MshrW'(m))) ms_touch_d[m] = 1'b1;
      if (sq_issued && (sq_id_d == MshrW'(m))) ms_st_d[2*m +: 2] = MsIssued;
      if (sq_wb_clr && (sq_id_q == MshrW'(m))) ms_wb_d[m] = 1'b0;
      if (s1_alloc && (free_id == MshrW'(m))) begin
        ms_st_d[2*m +: 2]          = MsQueued;
        ms_line_d[LineW*m +: LineW] = s1_line;
        ms_way_d[WayW*m +: WayW]   = victim;
        ms_wb_d[m]                 = alloc_wb;
        ms_vic_d[LineW*m +: LineW] = {tag_rd[TagW*victim +: TagW], s1_set};
        ms_spec_d[m]               = s1_spec;
        ms_tid_d[TidW*m +: TidW]   = s1_tid_q;
        ms_touch_d[m]              = !s1_spec && !s1_alloc_pref;
        ms_err_d[m]                = 1'b0;
        ms_pref_d[m]               = s1_alloc_pref;
        ms_word_d[WordW*m +: WordW] = s1_word;
        if (alloc_issued) ms_st_d[2*m +: 2] = MsIssued;
      end
    end
  end

  logic fill_pf;
  assign fill_pf = ms_spec_q[done_id] && !ms_touch_q[done_id];

  // frame index {set, way} (no wide arithmetic: cheap decoders in synthesis,
  // single-bit updates in simulation)
  function automatic logic [FrameW-1:0] fidx(input logic [SetW-1:0] st, input logic [WayW-1:0] w);
    if (Ways > 1) fidx = FrameW'({st, w});
    else          fidx = FrameW'(st);
  endfunction

  always_comb begin : p_frames
    valid_d = valid_q;
    dirty_d = dirty_q;
    pfill_d = pfill_q;
    if (s1_write)     dirty_d[fidx(s1_set, hit_way)] = 1'b1;
    if (s1_pfill_clr) pfill_d[fidx(s1_set, hit_way)] = 1'b0;
    if (s1_alloc) begin
      valid_d[fidx(s1_set, victim)] = 1'b0;
      pfill_d[fidx(s1_set, victim)] = 1'b0;
    end
    if (touch_fill) begin
      valid_d[fidx(fill_set, fill_way)] = 1'b1;
      dirty_d[fidx(fill_set, fill_way)] = 1'b0;
      pfill_d[fidx(fill_set, fill_way)] = fill_pf;
    end
    if (vr_cap_last) dirty_d[fidx(vr_set_q, vr_way_q)] = 1'b0;
  end

  // victim reader: capture in stage 1
  assign vr_cap      = s1_v_q && (s1_src_q == SrcVr);
  assign vr_cap_last = vr_cap && (vr_cap_q == CapW'(WPL - 1));
  assign wbuf_we     = vr_cap;
  assign wbuf_idx    = s1_word;
  assign wbuf_data   = dat_fwd[32*vr_way_q +: 32];
  assign wbuf_commit = vr_cap_last;

  logic unused_sig;
  assign unused_sig = fl_take ^ (^dbg_addr_i[1:0]) ^ (^s0_addr[31:OffW+SetW]) ^ (^s0_addr[1:0]) ^
                      (^s1_addr[1:0]);

  // ---- array writes -----------------------------------------------------------------------
  // line of the MSHR the refill beat belongs to: a mux over the entries (an
  // index like LineW*rsp_id + SetW made yosys build a multiplier: ECP5 DSPs)
  logic [LineW-1:0] rsp_line;
  always_comb begin : p_rsp_line
    rsp_line = ms_line_q[LineW-1:0];
    for (int m = 1; m < NumMshr; m++) begin
      if (rsp_id == MshrW'(m)) rsp_line = ms_line_q[LineW*m +: LineW];
    end
  end

  always_comb begin : p_array_writes
    logic fw;
    for (int w = 0; w < Ways; w++) begin
      fw = fill_we && (rsp_way == WayW'(w));
      dwe[w]                   = fw || (s1_write && (hit_way == WayW'(w)));
      dw_idx[DIdxW*w +: DIdxW] = fw ? {rsp_line[SetW-1:0], rsp_idx} : {s1_set, s1_word};
      dw_data[32*w +: 32]      = fw ? rsp_data : s1_wval;
      twe[w]                   = rsp_valid && rsp_last && (rsp_way == WayW'(w));
    end
    tw_set = rsp_line[SetW-1:0];
    tw_tag = rsp_line[LineW-1 -: TagW];
  end

  // ---- registers -----------------------------------------------------------------------------
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      busy_q        <= '0;
      s1_v_q        <= 1'b0;
      s1_src_q      <= SrcReq;
      s1_tid_q      <= '0;
      s1_req_q      <= '0;
      s1_route_q    <= RtNop;
      s1_cls_q      <= 1'b0;
      pend_v_q      <= '0;
      pend_rdy_q    <= '0;
      pend_wait_q   <= '0;
      pend_id_q     <= '0;
      pend_cls_q    <= '0;
      pend_full_q   <= '0;
      pend_own_q    <= '0;
      pend_req_q    <= '0;
      fence_armed_q <= '0;
      resv_v_q      <= '0;
      resv_addr_q   <= '0;
      valid_q       <= '0;
      dirty_q       <= '0;
      pfill_q       <= '0;
      lw_v_q        <= 1'b0;
      lw_way_q      <= '0;
      lw_idx_q      <= '0;
      lw_data_q     <= '0;
      ms_st_q       <= '0;
      ms_line_q     <= '0;
      ms_way_q      <= '0;
      ms_wb_q       <= '0;
      ms_vic_q      <= '0;
      ms_spec_q     <= '0;
      ms_tid_q      <= '0;
      ms_touch_q    <= '0;
      ms_err_q      <= '0;
      ms_pref_q     <= '0;
      ms_word_q     <= '0;
      job_q         <= '0;
      job_cnt_q     <= '0;
      sq_q          <= SqIdle;
      sq_id_q       <= '0;
      sq_mshr_q     <= 1'b0;
      vr_set_q      <= '0;
      vr_way_q      <= '0;
      vr_line_q     <= '0;
      vr_tid_q      <= '0;
      vr_iss_q      <= '0;
      vr_cap_q      <= '0;
      vr_prio_q     <= 1'b0;
      fl_q          <= FlIdle;
      fl_set_q      <= '0;
      fl_tid_q      <= '0;
      pfq_v_q       <= 1'b0;
      pfq_line_q    <= '0;
      pfq_tid_q     <= '0;
      pfq_spec_q    <= 1'b0;
    end else begin
      busy_q        <= busy_d;
      s1_v_q        <= s1_v_d;
      s1_src_q      <= s1_src_d;
      s1_tid_q      <= s1_tid_d;
      s1_req_q      <= s1_req_d;
      s1_route_q    <= s1_route_d;
      s1_cls_q      <= s1_cls_d;
      pend_v_q      <= pend_v_d;
      pend_rdy_q    <= pend_rdy_d;
      pend_wait_q   <= pend_wait_d;
      pend_id_q     <= pend_id_d;
      pend_cls_q    <= pend_cls_d;
      pend_full_q   <= pend_full_d;
      pend_own_q    <= pend_own_d;
      pend_req_q    <= pend_req_d;
      fence_armed_q <= fence_armed_d;
      resv_v_q      <= resv_v_d;
      resv_addr_q   <= resv_addr_d;
      valid_q       <= valid_d;
      dirty_q       <= dirty_d;
      pfill_q       <= pfill_d;
      lw_v_q        <= lw_v_d;
      lw_way_q      <= lw_way_d;
      lw_idx_q      <= lw_idx_d;
      lw_data_q     <= lw_data_d;
      ms_st_q       <= ms_st_d;
      ms_line_q     <= ms_line_d;
      ms_way_q      <= ms_way_d;
      ms_wb_q       <= ms_wb_d;
      ms_vic_q      <= ms_vic_d;
      ms_spec_q     <= ms_spec_d;
      ms_tid_q      <= ms_tid_d;
      ms_touch_q    <= ms_touch_d;
      ms_err_q      <= ms_err_d;
      ms_pref_q     <= ms_pref_d;
      ms_word_q     <= ms_word_d;
      job_q         <= job_d;
      job_cnt_q     <= job_cnt_d;
      sq_q          <= sq_d;
      sq_id_q       <= sq_id_d;
      sq_mshr_q     <= sq_mshr_d;
      vr_set_q      <= vr_set_d;
      vr_way_q      <= vr_way_d;
      vr_line_q     <= vr_line_d;
      vr_tid_q      <= vr_tid_d;
      vr_iss_q      <= vr_iss_d;
      vr_cap_q      <= vr_cap_d;
      vr_prio_q     <= vr_prio_d;
      fl_q          <= fl_d;
      fl_set_q      <= fl_set_d;
      fl_tid_q      <= fl_tid_d;
      pfq_v_q       <= pfq_v_d;
      pfq_line_q    <= pfq_line_d;
      pfq_tid_q     <= pfq_tid_d;
      pfq_spec_q    <= pfq_spec_d;
    end
  end

  // ---- events -------------------------------------------------------------------------------------
  assign ev_acc_valid_o     = s1_ev;
  assign ev_acc_tid_o       = s1_tid_q;
  assign ev_acc_spec_o      = s1_spec;
  assign ev_acc_op_o        = s1_op;
  assign ev_acc_cls_o       = s1_ev_cls;
  assign ev_acc_addr_o      = s1_addr;
  assign ev_fill_valid_o    = done_v && !done_err;
  assign ev_fill_tid_o      = ms_tid_q[TidW*done_id +: TidW];
  assign ev_fill_spec_o     = ms_spec_q[done_id];
  assign ev_fill_pref_o     = ms_pref_q[done_id];
  assign ev_fill_addr_o     = {ms_line_q[LineW*done_id +: LineW], {OffW{1'b0}}};
  assign ev_wb_valid_o      = vr_cap_last;
  assign ev_wb_tid_o        = vr_tid_q;
  assign ev_wb_addr_o       = {vr_line_q, {OffW{1'b0}}};
  assign ev_evict_valid_o   = s1_alloc && s1_valid[victim];
  assign ev_evict_useless_o = s1_pfill[victim];
  assign ev_evict_addr_o    = {tag_rd[TagW*victim +: TagW], s1_set, {OffW{1'b0}}};
  assign ev_mshr_full_o     = pend_v_q & pend_full_q;

  // ---- debug backdoor -------------------------------------------------------------------------------
  logic [Ways-1:0] dbg_dirty;
  assign dbg_dirty = dirty_q[Ways*dbg_set +: Ways];

  logic [TagW-1:0] dbg_t;
  assign dbg_t = dbg_addr_i[31 -: TagW];

  if (DebugPort != 0) begin : g_debug
    always_comb begin : p_debug
      dbg_hit_o       = 1'b0;
      dbg_data_o      = 32'd0;
      dbg_dirty_any_o = (|dirty_q) || wbuf_valid;
      if (dbg_wb_hit) begin
        dbg_hit_o  = 1'b1;
        dbg_data_o = dbg_wb_data;
      end
      for (int w = 0; w < Ways; w++) begin
        if (dbg_dirty[w] && (dbg_tag[TagW*w +: TagW] == dbg_t)) begin
          dbg_hit_o  = 1'b1;
          dbg_data_o = dbg_dat[32*w +: 32];
        end
      end
    end
  end else begin : g_no_debug
    assign dbg_hit_o       = 1'b0;
    assign dbg_data_o      = 32'd0;
    assign dbg_dirty_any_o = 1'b0;
    logic unused_dbg;
    assign unused_dbg = ^{dbg_dirty, dbg_t, dbg_wb_hit, dbg_wb_data, dbg_tag, dbg_dat};
  end

`ifdef FORMAL
  // ===========================================================================
  // Formal properties (formal/, docs/verification.md "Formal"; read only by
  // yosys -formal)
  // ===========================================================================
  // an MSHR never holds two entries for the same line
`ifndef FORMAL_SKIP_MSHR
  always_comb begin
    if (rst_ni) begin
      for (int m = 0; m < NumMshr; m++) begin
        for (int n = m + 1; n < NumMshr; n++) begin
          assert (!((ms_st_q[2*m +: 2] != MsFree) && (ms_st_q[2*n +: 2] != MsFree) &&
                    (ms_line_q[LineW*m +: LineW] == ms_line_q[LineW*n +: LineW])));
        end
      end
    end
  end
`endif
  // a store, successful SC or AMO of one context leaves no other context
  // holding a reservation on that word
  logic            f_kill_q;
  logic [29:0]     f_kill_word_q;
  logic [TidW-1:0] f_kill_tid_q;
  always_ff @(posedge clk_i) begin
    f_kill_q      <= rst_ni && s1_kill;
    f_kill_word_q <= s1_addr[31:2];
    f_kill_tid_q  <= s1_tid_q;
  end
`ifndef FORMAL_SKIP_RESV
  always_comb begin
    if (rst_ni && f_kill_q) begin
      for (int c = 0; c < NumCtx; c++) begin
        if (TidW'(c) != f_kill_tid_q) begin
          assert (!(resv_v_q[c] && (resv_addr_q[30*c +: 30] == f_kill_word_q)));
        end
      end
    end
  end
`endif
  // a p-thread's request never writes the data array or dirties a line
  // (given that the core sends p-thread loads only: outrider_core's FORMAL
  // block proves it; formal/dcache_formal.sv assumes it)
`ifndef FORMAL_SKIP_SPEC
  always_comb begin
    if (rst_ni && s1_write) assert (!s1_spec);
  end
`endif
`endif
endmodule
