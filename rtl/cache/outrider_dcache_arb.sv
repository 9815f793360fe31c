// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_arb: stage 0 of the data cache: the core-side port and the
// choice of what reads the arrays this cycle, and the stage-1 register.
//
// What it does
// - Picks one source per cycle for the tag/data array read, by priority
//   (docs/dcache.md "Pipeline"): the victim reader when it has waited a
//   cycle (vr_prio_i), a parked request being replayed, a new core request
//   (accept = dreq_valid_i && dreq_ready_o), a next-line prefetch probe
//   (when stage 0 is otherwise idle and an MSHR is free), the victim reader.
//   At most one of vr_go_o, replay_go_o, accept, probe_go_o is high.
// - Routes the request (route_of: RAM, peripheral, fault, no effect, fence)
//   and sends a peripheral access out on per_* in the cycle stage 0 takes
//   it. An uncached access, LR, SC or AMO of a context with posted
//   stores in flight (posted_i) is routed RtWait instead (it parks in
//   stage 1 and comes back as a replay: docs/dcache.md "Posted stores").
// - Holds the stage-1 register (s1_*_o): what stage 1 looks at next cycle.
// - Tracks the outstanding request of each context (busy) and merges this
//   cycle's answers: stage 1's (s1_resp_i) and the parked-request table's
//   (pend_resp_i) into dresp_*_o. A new core request's dreq_nb_i goes to
//   stage 1 with it (s1_nb_o); stage 1 may answer it "outstanding"
//   (s1_nbl_i -> dresp_nbl_o: a non-blocking load, docs/dcache.md section 18). dreq_ready_o depends on dreq_tid_i,
//   dreq_op_i/addr_i/spec_i and state, never on dreq_valid_i nor on this cycle's answers.
// - Takes a context's plain load to RAM also in the cycle its previous
//   request is in stage 1; drops it (it does not enter stage 1: no answer,
//   no effect) when that previous request is not answered there (it parks).
//
// Timing: combinational from the inputs to dreq_ready_o, dresp_*_o, the
// array read address (rd_set_o, rd_word_o), the go signals and per_*_o;
// the stage-1 register and busy flags update at the clock edge.
//
// Not here: no lookup or decision (outrider_dcache_lookup/_decide), no
// parked-request state (outrider_dcache_park): a replay is offered by the
// table and taken here.
module outrider_dcache_arb #(
  parameter int NumCtx           = 2,
  parameter int OffW             = 5,    // log2(line bytes)
  parameter int SetW             = 6,
  parameter int WordW            = 3,
  parameter int LineW            = 27,
  parameter int TagW             = 21,
  // derived: do not override
  parameter int TidW             = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // core request port
  input  logic                 dreq_valid_i,
  output logic                 dreq_ready_o,
  input  logic [TidW-1:0]      dreq_tid_i,
  input  logic [2:0]           dreq_op_i,
  input  logic [4:0]           dreq_amo_i,
  input  logic [31:0]          dreq_addr_i,
  input  logic [31:0]          dreq_wdata_i,
  input  logic [3:0]           dreq_be_i,
  input  logic                 dreq_spec_i,
  input  logic                 dreq_nb_i,      // the core can take a non-blocking answer
  output logic [NumCtx-1:0]    dresp_valid_o,
  output logic [NumCtx*32-1:0] dresp_rdata_o,
  output logic [NumCtx-1:0]    dresp_err_o,
  output logic [NumCtx-1:0]    dresp_nbl_o,    // the answer is "outstanding" (stage 1's s1_nbl_i)

  // peripheral port (request at acceptance)
  output logic                 per_req_o,
  output logic                 per_we_o,
  output logic [31:0]          per_addr_o,
  output logic [31:0]          per_wdata_o,
  output logic [3:0]           per_be_o,

  // sources: parked-request table, victim reader, prefetch queue
  input  logic                 replay_any_i,   // a parked request is ready to replay
  input  logic [TidW-1:0]      replay_tid_i,
  input  logic [ReqW-1:0]      replay_req_i,
  input  logic                 replay_cls_i,   // already classified
  input  logic                 vr_want_i,      // the victim reader has a word to read
  input  logic                 vr_prio_i,      // ... and has waited a cycle
  input  logic [SetW-1:0]      vr_set_i,
  input  logic [WordW-1:0]     vr_word_i,
  input  logic                 pfq_v_i,
  input  logic [LineW-1:0]     pfq_line_i,
  input  logic [TidW-1:0]      pfq_tid_i,
  input  logic                 pfq_spec_i,
  input  logic                 free_v_i,       // an MSHR is free
  input  logic [NumCtx-1:0]    posted_i,       // the context's posted stores wait in an MSHR (or post now)

  // what takes stage 0
  output logic                 vr_go_o,
  output logic                 replay_go_o,
  output logic                 probe_go_o,
  output logic [SetW-1:0]      rd_set_o,       // array read address
  output logic [WordW-1:0]     rd_word_o,

  // stage-1 register
  output logic                 s1_v_o,
  output logic [1:0]           s1_src_o,       // Src*
  output logic [TidW-1:0]      s1_tid_o,
  output logic [ReqW-1:0]      s1_req_o,
  output logic [RouteW-1:0]    s1_route_o,     // Rt*
  output logic                 s1_cls_o,       // already classified (event sent)

  // this cycle's answers
  output logic                 s1_nb_o,        // stage 1's request came with dreq_nb_i
  input  logic                 s1_nbl_i,       // stage 1's answer: the load is outstanding
  input  logic                 s1_resp_i,      // stage 1 answers context s1_tid_o
  input  logic                 s1_err_i,
  input  logic [31:0]          s1_rdata_i,
  input  logic [NumCtx-1:0]    pend_resp_i,    // the parked-request table answers
  input  logic [NumCtx-1:0]    pend_resp_err_i,
  input  logic [NumCtx*32-1:0] pend_resp_data_i
);
  `include "outrider_defs.svh"
  `include "outrider_dcache_defs.svh"
  `include "outrider_assert.svh"

  function automatic logic [RouteW-1:0] route_of(input logic [2:0] op, input logic [31:0] addr,
                                                input logic spec);
    route_of = RtErr;
    case (op)
      DopLoad, DopLr: begin
        if (spec && addr_is_ram(addr))                route_of = RtRam;
        else if (spec)                                route_of = RtNop;
        else if (addr_is_io(addr) && (op == DopLoad)) route_of = RtPer;
        else if (addr_is_ram(addr))                   route_of = RtRam;
      end
      DopStore: begin
        if (spec)                   route_of = RtNop;
        else if (addr_is_io(addr))  route_of = RtPer;
        else if (addr_is_ram(addr)) route_of = RtRam;
      end
      DopSc, DopAmo: begin
        if (spec)                   route_of = RtNop;
        else if (addr_is_ram(addr)) route_of = RtRam;
      end
      DopFence: begin
        if (spec) route_of = RtNop;
        else      route_of = RtFence;
      end
      default:  route_of = RtErr;
    endcase
  endfunction

  // ---- state -------------------------------------------------------------------
  logic [NumCtx-1:0]   busy_q, busy_d;     // a request of the context is outstanding
  logic                s1_v_q, s1_v_d;
  logic [1:0]          s1_src_q, s1_src_d;
  logic [TidW-1:0]     s1_tid_q, s1_tid_d;
  logic [ReqW-1:0]     s1_req_q, s1_req_d;
  logic [RouteW-1:0]   s1_route_q, s1_route_d;
  logic                s1_cls_q, s1_cls_d;
  logic                s1_nb_q;            // a new core request that may be answered outstanding

  // ---- source selection --------------------------------------------------------
  logic              accept, tid_ok, vr_go, replay_go, probe_go;
  logic [NumCtx-1:0] resp_now;             // dresp_valid_o
  req_t              dreq_req;

  assign dreq_req  = {dreq_op_i, dreq_amo_i, dreq_be_i, dreq_spec_i, dreq_wdata_i, dreq_addr_i};
  assign tid_ok    = (32'(dreq_tid_i) < NumCtx);
  assign replay_go = replay_any_i && !(vr_want_i && vr_prio_i);
  // a context's next request is taken from the cycle after its answer (not
  // in the answer's cycle: ready then depends on registers only, not on
  // this cycle's lookup), except a plain load to RAM (d2_ok): that one is
  // taken in the cycle its context's previous request is in stage 1, and
  // if the previous one is not answered now (it parks) the load is dropped:
  // it does not enter stage 1 (drop_now clears s1_v_d: the late answer ends
  // in that flip-flop), so it gets no answer and has no effect; the core
  // squashes it anyway (docs/dcache.md "Pipeline")
  logic d2_ok, drop_now;
  assign d2_ok = s1_v_q && (s1_src_q == SrcReq) && (s1_tid_q == dreq_tid_i) &&
                 (dreq_op_i == DopLoad) && !dreq_spec_i && addr_is_ram(dreq_addr_i);
  assign dreq_ready_o = tid_ok && !replay_any_i && !(vr_want_i && vr_prio_i) &&
                        (!busy_q[dreq_tid_i] || d2_ok);
  assign accept    = dreq_valid_i && dreq_ready_o;
  assign vr_go     = vr_want_i && (vr_prio_i || (!replay_any_i && !accept));
  // the probe waits in its queue for an idle stage 0 and a free MSHR (with
  // one MSHR the miss that queued it holds the MSHR until its refill ends)
  assign probe_go  = pfq_v_i && free_v_i && !replay_any_i && !accept &&
                     !vr_want_i;
  assign vr_go_o     = vr_go;
  assign replay_go_o = replay_go;
  assign probe_go_o  = probe_go;

  req_t              s0_req;
  logic [RouteW-1:0] s0_route;
  logic [31:0]       s0_addr;
  logic [2:0]        s0_op;
  logic              s0_spec;
  logic [TidW-1:0]   s0_tid;
  assign s0_req   = replay_go ? replay_req_i : dreq_req;
  assign s0_tid   = replay_go ? replay_tid_i : dreq_tid_i;
  assign s0_addr  = s0_req.addr;
  assign s0_op    = s0_req.op;
  assign s0_spec  = s0_req.spec;
  // ordering after posted stores (docs/dcache.md "Posted stores"): an
  // uncached access, an LR, SC or AMO is not performed while a
  // posted store of the same context still waits in an MSHR; it goes to
  // stage 1 as RtWait and parks there until an MSHR completes
  logic [RouteW-1:0] s0_route_raw;
  logic              s0_ordered;
  assign s0_route_raw = route_of(s0_op, s0_addr, s0_spec);
  assign s0_ordered   = (s0_route_raw == RtPer) ||
                        ((s0_route_raw == RtRam) &&
                         ((s0_op == DopLr) || (s0_op == DopSc) || (s0_op == DopAmo)));
  assign s0_route     = (posted_i[s0_tid] && s0_ordered) ? RtWait : s0_route_raw;

  // what enters stage 1 next cycle (victim reads and probes carry their own)
  req_t s1_req_n;
  assign s1_req_n = vr_go ? {DopLoad, 5'd0, 4'd0, 1'b0, 32'd0,
                             {TagW{1'b0}}, vr_set_i, vr_word_i, 2'b00}
                  : (probe_go ? {DopLoad, 5'd0, 4'd0, pfq_spec_i, 32'd0, pfq_line_i, {OffW{1'b0}}}
                              : s0_req);

  // The array read address: the core's request's when it is accepted or
  // nothing else reads; otherwise the victim read's, the replay's or the
  // probe's. Written with accept (the core's valid: the latest of these
  // inputs, behind the core's commit decision) as the last select: the
  // other sources' choice (alt) is made without it, from what they would do
  // if the core's request were not taken; when it is taken none of them
  // goes (dreq_ready_o excludes a replay and a victim read with priority,
  // and the others yield to it).
  logic              alt_vr, alt_replay, alt_probe, alt;
  logic [SetW-1:0]   alt_set;
  logic [WordW-1:0]  alt_word;
  assign alt_vr     = vr_want_i && (vr_prio_i || !replay_any_i);
  assign alt_replay = replay_go;
  assign alt_probe  = pfq_v_i && free_v_i && !replay_any_i && !vr_want_i;
  assign alt        = alt_vr || alt_replay || alt_probe;
  always_comb begin : p_stage0
    if (alt_vr) begin
      alt_set  = vr_set_i;
      alt_word = vr_word_i;
    end else if (alt_replay) begin
      alt_set  = s0_addr[OffW +: SetW];   // the replay's (replay_go)
      alt_word = s0_addr[2 +: WordW];
    end else begin
      alt_set  = pfq_line_i[SetW-1:0];
      alt_word = '0;
    end
    rd_set_o  = (alt && !accept) ? alt_set  : dreq_addr_i[OffW +: SetW];
    rd_word_o = (alt && !accept) ? alt_word : dreq_addr_i[2 +: WordW];
  end

  // peripheral accesses go out when stage 0 takes them (at acceptance, or at
  // the replay of one that waited for posted stores); the answer is read in
  // stage 1
  assign per_req_o   = (accept || replay_go) && !vr_go && (s0_route == RtPer);
  assign per_we_o    = (s0_op == DopStore);
  assign per_addr_o  = s0_addr;
  assign per_wdata_o = s0_req.wdata;
  assign per_be_o    = s0_req.be;

  // ---- answers -----------------------------------------------------------------
  always_comb begin : p_resp
    logic mine;
    for (int c = 0; c < NumCtx; c++) begin
      mine = s1_resp_i && (s1_tid_q == TidW'(c));
      resp_now[c]               = mine || pend_resp_i[c];
      dresp_valid_o[c]          = resp_now[c];
      dresp_err_o[c]            = (mine && s1_err_i) || pend_resp_err_i[c];
      dresp_nbl_o[c]            = mine && s1_nbl_i;
      dresp_rdata_o[32*c +: 32] = mine ? (s1_err_i ? 32'd0 : s1_rdata_i)
                                       : pend_resp_data_i[32*c +: 32];
    end
  end

  // ---- next state --------------------------------------------------------------
  // a load taken while its context's previous request is in stage 1 and
  // not answered there: dropped (see d2_ok)
  assign drop_now = accept && busy_q[dreq_tid_i] && !resp_now[dreq_tid_i];

  always_comb begin : p_next
    s1_v_d     = (vr_go || replay_go || accept || probe_go) && !drop_now;
    if (vr_go)          s1_src_d = SrcVr;
    else if (replay_go) s1_src_d = SrcReplay;
    else if (accept)    s1_src_d = SrcReq;
    else                s1_src_d = SrcProbe;
    s1_tid_d   = replay_go ? replay_tid_i : (probe_go ? pfq_tid_i : dreq_tid_i);
    s1_req_d   = s1_req_n;
    s1_route_d = s0_route;
    s1_cls_d   = replay_go ? replay_cls_i : 1'b0;
    if (!vr_go && probe_go) s1_route_d = RtRam;

    busy_d = busy_q & ~resp_now;
    if (accept) begin
      for (int c = 0; c < NumCtx; c++) if (dreq_tid_i == TidW'(c)) busy_d[c] = 1'b1;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      busy_q     <= '0;
      s1_v_q     <= 1'b0;
      s1_src_q   <= SrcReq;
      s1_tid_q   <= '0;
      s1_req_q   <= '0;
      s1_route_q <= RtNop;
      s1_cls_q   <= 1'b0;
      s1_nb_q    <= 1'b0;
    end else begin
      s1_nb_q    <= accept && !vr_go && dreq_nb_i;
      busy_q     <= busy_d;
      s1_v_q     <= s1_v_d;
      s1_src_q   <= s1_src_d;
      s1_tid_q   <= s1_tid_d;
      s1_req_q   <= s1_req_d;
      s1_route_q <= s1_route_d;
      s1_cls_q   <= s1_cls_d;
    end
  end

  assign s1_v_o     = s1_v_q;
  assign s1_src_o   = s1_src_q;
  assign s1_tid_o   = s1_tid_q;
  assign s1_req_o   = s1_req_q;
  assign s1_route_o = s1_route_q;
  assign s1_cls_o   = s1_cls_q;
  assign s1_nb_o    = s1_nb_q;

  logic unused_addr;
  assign unused_addr = (^s0_addr[31:OffW+SetW]) ^ (^s0_addr[1:0]);

  // ---- invariants ----------------------------------------------------------------
`ifndef FORMAL_SKIP_LIVE
  // one source takes the arrays at a time
  `OR_ASSERT(4'(vr_go) + 4'(replay_go) + 4'(accept) + 4'(probe_go) <= 4'd1, "stage 0: more than one source takes the arrays")
  `OR_ASSERT(accept ? !(alt_vr && vr_prio_i) && !alt_replay
                    : (vr_go == alt_vr) && (probe_go == (alt_probe && !alt_vr)),
             "the read address's late select: an accepted request excludes the other sources' choice")
  // an answer only for a context with an accepted request outstanding
  `OR_ASSERT((resp_now & ~busy_q) == '0, "an answer without an accepted request")
  // a request taken while its context's previous one is outstanding is a
  // plain load to RAM, taken while that one is in stage 1
  `OR_ASSERT(!(accept && busy_q[dreq_tid_i]) || d2_ok, "a second request of a context that is not a plain load")
`endif
endmodule
