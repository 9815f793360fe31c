// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_decide: stage 1 of the data cache, second half: what
// happens to the request in stage 1 (docs/dcache.md "Pipeline", the table
// of cases).
//
// What it does, for a core request (new or replayed) by its route:
// - peripheral: answered with per_rdata_i (load) or 0; fault: answered with
//   an error; no effect (p-thread non-loads): answered with 0; fence: parks
//   for the flush engine.
// - RAM: a failing SC is answered 1. A hit is answered now: a load or LR
//   returns the word, a store, successful SC or AMO writes the data array
//   (s1_write_o, s1_wval_o; the AMO through outrider_amo_alu, one per way
//   on that way's word, the hit way's result taken), unless the
//   way's write port is taken by a refill beat or the line is being copied
//   out (then it parks). A miss merges into the MSHR its line is in flight
//   in, allocates a free MSHR and way (a p-thread request only while
//   pex_room_i: more MSHRs are free than its reserve), is dropped (a
//   p-thread request at its first lookup, PexMissWait = 0), or parks until
//   any MSHR completes (with PexMissWait = 1 also a p-thread request).
// - Posted stores (PostedStores = 1): a plain store of the main thread that
//   would allocate, or merge into an MSHR that is not installing, has not
//   failed and has not yet written the store's word, to a line known to be
//   in memory (post_ok_i), is answered now
//   (post_o, post_id_o: the MSHR that records its bytes) instead of
//   parking. Non-blocking loads (NbLoads = 1): a new plain load the core can
//   take as outstanding (s1_nb_i), under the same conditions, is answered
//   now with nbl_o and the refill slot {MSHR, word} in s1_rdata_o; the
//   refill beat of that word answers it later on the cache's fill port.
//   RtWait (an ordered access of a context with posted stores,
//   decided in stage 0) parks until any MSHR completes.
// - It classifies the access once (ev_*_o) and tells the reservation unit
//   what to do (lr_set_o, resv_clr_o, kill_o).
// For a prefetch probe: allocate if the line is neither present nor in
// flight and a way may be replaced (a p-thread's hint only while
// pex_room_i); otherwise it is dropped, never parked. Victim reads are not
// decided here.
//
// Timing: purely combinational (stage 1 has no state of its own beyond the
// stage-1 register in outrider_dcache_arb).
//
// Not here: the tag compare (outrider_dcache_lookup), the MSHR, frame and
// parked-request state (their modules act on these outputs).
module outrider_dcache_decide #(
  parameter int Ways    = 2,
  parameter int OffW    = 5,
  parameter int SetW    = 6,
  parameter int MshrW   = 2,
  parameter int PostedStores = 1,
  parameter int NbLoads = 1,
  parameter int PexMissWait = 0,   // 1: a p-thread miss that cannot allocate parks (0: dropped)
  // derived: do not override
  parameter int WayW    = (Ways > 1) ? $clog2(Ways) : 1
) (
  // stage-1 register
  input  logic              s1_v_i,
  input  logic [1:0]        s1_src_i,
  input  logic [ReqW-1:0]   s1_req_i,
  input  logic [RouteW-1:0] s1_route_i,
  input  logic              s1_cls_i,
  input  logic              s1_nb_i,        // a new request the core can take as outstanding
  // lookup
  input  logic              hit_i,
  input  logic [WayW-1:0]   hit_way_i,
  input  logic [31:0]       hit_data_i,
  input  logic [Ways*32-1:0] dat_fwd_i,     // every way's word (hit_data_i is the hit way's)
  input  logic [Ways-1:0]   s1_pfill_i,     // "p-thread filled" bits of stage 1's set
  input  logic              victim_found_i,
  // MSHRs
  input  logic              match_i,
  input  logic [MshrW-1:0]  match_id_i,
  input  logic              match_done_i,
  input  logic              match_err_i,
  input  logic              match_spec_i,
  input  logic              free_v_i,
  input  logic [MshrW-1:0]  free_id_i,
  input  logic              done_v_i,
  input  logic              pex_room_i,     // a p-thread miss may allocate (above the reserve)
  input  logic              match_word_done_i, // the refill has written stage 1's word
  input  logic              match_nbl_word_i,  // an outstanding load waits for stage 1's word
  input  logic              post_ok_i,      // stage 1's line is known to be in memory
  // write-port conflicts: a refill beat, the victim reader
  input  logic              fill_we_i,
  input  logic [WayW-1:0]   rsp_way_i,
  input  logic [MshrW-1:0]  rsp_id_i,
  input  logic              vr_active_i,
  input  logic [SetW-1:0]   vr_set_i,
  input  logic [WayW-1:0]   vr_way_i,
  input  logic              sc_ok_i,        // the SC's reservation holds
  input  logic [31:0]       per_rdata_i,

  // answer
  output logic              s1_resp_o,
  output logic              s1_err_o,
  output logic [31:0]       s1_rdata_o,
  // data-array write of a hit
  output logic              s1_write_o,
  output logic [31:0]       s1_wval_o,
  // park
  output logic              park_o,
  output logic              park_rdy_o,
  output logic [1:0]        park_wait_o,
  output logic [MshrW-1:0]  park_id_o,
  output logic              park_cls_o,
  output logic              park_full_o,
  output logic              park_own_o,
  // MSHR allocation / merge
  output logic              alloc_o,
  output logic              alloc_pref_o,
  output logic              merge_o,
  // non-blocking load: answered now as outstanding (s1_rdata_o carries the
  // refill slot {MSHR, word} whose beat will bring its word)
  output logic              nbl_o,
  // posted store: answered now, its bytes recorded in MSHR post_id_o
  output logic              post_o,
  output logic [MshrW-1:0]  post_id_o,
  // access event
  output logic              ev_o,
  output logic [2:0]        ev_cls_o,
  // reservations, frame bits, replacement
  output logic              lr_set_o,
  output logic              resv_clr_o,
  output logic              kill_o,
  output logic              pfill_clr_o,
  output logic              touch_hit_o
);
  `include "outrider_defs.svh"
  `include "outrider_dcache_defs.svh"

  function automatic logic [31:0] merge_be(input logic [31:0] old, input logic [31:0] nw,
                                           input logic [3:0] be);
    for (int b = 0; b < 4; b++) begin
      merge_be[8*b +: 8] = be[b] ? nw[8*b +: 8] : old[8*b +: 8];
    end
  endfunction

  // field views of the stage-1 request
  req_t              s1_req;
  logic [31:0]       s1_addr, s1_wdata;
  logic [2:0]        s1_op;
  logic [4:0]        s1_amo;
  logic [3:0]        s1_be;
  logic              s1_spec;
  logic [SetW-1:0]   s1_set;
  assign s1_req   = s1_req_i;
  assign s1_addr  = s1_req.addr;
  assign s1_wdata = s1_req.wdata;
  assign s1_op    = s1_req.op;
  assign s1_amo   = s1_req.amo;
  assign s1_be    = s1_req.be;
  assign s1_spec  = s1_req.spec;
  assign s1_set   = s1_addr[OffW +: SetW];
  logic [OffW-3:0]   s1_word;
  assign s1_word  = s1_addr[2 +: OffW-2];

  // the AMO's new value, computed for every way's word (dat_fwd_i) and then
  // taken from the hit way: the ALU's adder and compares run in parallel
  // with the tag compare instead of after it (with 4 ways the ALU after
  // hit_data was the cache's longest path; docs/dcache.md "Resource cost")
  logic [Ways*32-1:0] amo_new_w;
  logic [31:0]        amo_new;
  for (genvar w = 0; w < Ways; w++) begin : g_amo
    outrider_amo_alu u_amo_alu (
      .op_i      (s1_amo),
      .old_i     (dat_fwd_i[32*w +: 32]),
      .operand_i (s1_wdata),
      .new_o     (amo_new_w[32*w +: 32])
    );
  end
  assign amo_new = amo_new_w[32*hit_way_i +: 32];

  logic s1_live;                 // a core request (new or replayed) in stage 1

  always_comb begin : p_decide
    logic ld, st, sc, amo, wr_op, conflict, nb, can_alloc;
    s1_live      = s1_v_i && ((s1_src_i == SrcReq) || (s1_src_i == SrcReplay));
    s1_resp_o    = 1'b0;
    s1_err_o     = 1'b0;
    s1_rdata_o   = 32'd0;
    s1_write_o   = 1'b0;
    s1_wval_o    = merge_be(hit_data_i, s1_wdata, s1_be);
    park_o       = 1'b0;
    park_rdy_o   = 1'b0;
    park_cls_o   = s1_cls_i;
    park_full_o  = 1'b0;
    park_own_o   = 1'b0;
    merge_o      = 1'b0;
    park_wait_o  = WaitAny;
    park_id_o    = '0;
    alloc_o      = 1'b0;
    alloc_pref_o = 1'b0;
    post_o       = 1'b0;
    post_id_o    = match_i ? match_id_i : free_id_i;
    nbl_o        = 1'b0;
    ev_o         = 1'b0;
    ev_cls_o     = DcClsHit;
    lr_set_o     = 1'b0;
    resv_clr_o   = 1'b0;
    kill_o       = 1'b0;
    pfill_clr_o  = 1'b0;
    touch_hit_o  = 1'b0;

    ld    = (s1_op == DopLoad) || (s1_op == DopLr);
    st    = (s1_op == DopStore);
    sc    = (s1_op == DopSc);
    amo   = (s1_op == DopAmo);
    wr_op = st || amo || (sc && sc_ok_i);
    nb    = (NbLoads != 0) && s1_nb_i && (s1_src_i == SrcReq) && (s1_op == DopLoad) && post_ok_i;
    // an MSHR and a way for this miss (a p-thread's only above its reserve)
    can_alloc = free_v_i && victim_found_i && (!s1_spec || pex_room_i);
    conflict = wr_op && ((fill_we_i && (rsp_way_i == hit_way_i)) ||
                         (vr_active_i && (vr_set_i == s1_set) && (vr_way_i == hit_way_i)));

    if (s1_live) begin
      case (s1_route_i)
        RtPer: begin
          s1_resp_o  = 1'b1;
          s1_rdata_o = (s1_op == DopLoad) ? per_rdata_i : 32'd0;
          ev_o       = 1'b1;
          ev_cls_o   = DcClsUncached;
        end
        RtErr: begin
          s1_resp_o = 1'b1;
          s1_err_o  = 1'b1;
        end
        RtNop: begin
          s1_resp_o = 1'b1;
        end
        RtFence: begin
          park_o      = 1'b1;
          park_wait_o = WaitFence;
        end
        RtWait: begin
          // ordered after posted stores still in an MSHR (stage 0 saw
          // them): wait for an MSHR to complete, then look again
          park_o      = 1'b1;
          park_wait_o = WaitAny;
          park_rdy_o  = done_v_i;
        end
        default: begin  // RtRam
          if (sc && !sc_ok_i) begin
            s1_resp_o  = 1'b1;
            s1_rdata_o = 32'd1;
            resv_clr_o = 1'b1;
          end else if (hit_i) begin
            if (conflict) begin
              // the way's write port is taken by a refill (wait for that
              // refill to end) or the line is being copied out (retry)
              park_o = 1'b1;
              if (fill_we_i && (rsp_way_i == hit_way_i)) begin
                park_wait_o = WaitMshr;
                park_id_o   = rsp_id_i;
              end else begin
                park_rdy_o  = 1'b1;
              end
            end else begin
              s1_resp_o   = 1'b1;
              touch_hit_o = 1'b1;
              ev_o        = !s1_cls_i;
              ev_cls_o    = (!s1_spec && s1_pfill_i[hit_way_i]) ? DcClsUseful : DcClsHit;
              if (!s1_spec) pfill_clr_o = 1'b1;
              if (ld) begin
                s1_rdata_o = hit_data_i;
                lr_set_o   = (s1_op == DopLr) && !s1_spec;
              end
              if (amo) begin
                s1_rdata_o = hit_data_i;
                s1_wval_o  = amo_new;
              end
              if (sc) begin
                s1_wval_o  = s1_wdata;
                resv_clr_o = 1'b1;
              end
              if (wr_op) begin
                s1_write_o = 1'b1;
                kill_o     = 1'b1;
              end
            end
          end else if (match_i) begin
            if (match_done_i && match_err_i) begin
              s1_resp_o = 1'b1;
              s1_err_o  = 1'b1;
            end else if ((PostedStores != 0) && st && !s1_spec && post_ok_i && !match_done_i &&
                         !match_err_i && !match_word_done_i && !match_nbl_word_i) begin
              // posted: the store's bytes wait in the MSHR, the store is done
              s1_resp_o   = 1'b1;
              post_o      = 1'b1;
              merge_o     = 1'b1;
              kill_o      = 1'b1;
              ev_o        = !s1_cls_i;
              ev_cls_o    = (match_spec_i) ? DcClsLate : DcClsMerge;
            end else if (nb && !match_done_i && !match_err_i && !match_word_done_i) begin
              // non-blocking: the refill beat of its word will answer it
              s1_resp_o   = 1'b1;
              s1_rdata_o  = 32'({match_id_i, s1_word});
              nbl_o       = 1'b1;
              merge_o     = 1'b1;
              ev_o        = !s1_cls_i;
              ev_cls_o    = (!s1_spec && match_spec_i) ? DcClsLate : DcClsMerge;
            end else begin
              park_o      = 1'b1;
              merge_o     = 1'b1;
              park_wait_o = WaitMshr;
              park_own_o  = 1'b1;
              park_id_o   = match_id_i;
              park_rdy_o  = match_done_i;
              park_cls_o  = 1'b1;
              ev_o        = !s1_cls_i;
              ev_cls_o    = (!s1_spec && match_spec_i) ? DcClsLate : DcClsMerge;
            end
          end else if (free_v_i && victim_found_i && (PostedStores != 0) && st && !s1_spec &&
                       post_ok_i) begin
            alloc_o     = 1'b1;
            s1_resp_o   = 1'b1;
            post_o      = 1'b1;
            kill_o      = 1'b1;
            ev_o        = !s1_cls_i;
            ev_cls_o    = DcClsMiss;
          end else if (can_alloc && nb) begin
            alloc_o     = 1'b1;
            s1_resp_o   = 1'b1;
            s1_rdata_o  = 32'({free_id_i, s1_word});
            nbl_o       = 1'b1;
            ev_o        = !s1_cls_i;
            ev_cls_o    = DcClsMiss;
          end else if (can_alloc) begin
            alloc_o     = 1'b1;
            park_o      = 1'b1;
            park_wait_o = WaitMshr;
            park_own_o  = 1'b1;
            park_id_o   = free_id_i;
            park_cls_o  = 1'b1;
            ev_o        = !s1_cls_i;
            ev_cls_o    = DcClsMiss;
          end else if (s1_spec && !s1_cls_i && (PexMissWait == 0)) begin
            // dropped (PexMissWait = 0): never delay anyone for a p-thread.
            // Only at its first lookup: a p-thread request that already
            // allocated or merged (and was counted as a miss) waits like any
            // other if its line was evicted again before its replay, so that
            // an answer of 0 always comes with a "dropped" access event
            s1_resp_o = 1'b1;
            ev_o      = 1'b1;
            ev_cls_o  = DcClsDropped;
          end else begin
            // wait for any MSHR to complete, then look again (a p-thread's
            // miss with PexMissWait = 1 too: it parks in its own context's
            // entry and takes no MSHR while it waits)
            park_o      = 1'b1;
            park_wait_o = WaitAny;
            park_rdy_o  = done_v_i;
            park_full_o = !free_v_i || (s1_spec && !pex_room_i);
          end
        end
      endcase
    end else if (s1_v_i && (s1_src_i == SrcProbe)) begin
      // (a p-thread's hint only above the reserve; a probe never waits)
      if (!hit_i && !match_i && can_alloc) begin
        alloc_o      = 1'b1;
        alloc_pref_o = 1'b1;
      end
    end
  end

  logic unused_addr;
  assign unused_addr = (^s1_addr[31:OffW+SetW]) ^ (^s1_addr[OffW-1:0]);

endmodule
