// SPDX-License-Identifier: Apache-2.0
// outrider_dbiu: uncached data-side bus interface unit. The SoC keeps it
// next to the data cache (outrider_dcache, same core-side ports) as the
// "perfect cache" path (outrider_soc perfect_dcache_i): behind a slave that
// answers in the cycle after it accepts a beat, loads and stores complete in
// the cycle after acceptance, exactly like cache hits.
//
// Core-side contract (kept by the data cache too)
// - Request: dreq_* with dreq_valid_i; accepted in a cycle where
//   dreq_valid_i && dreq_ready_o. dreq_ready_o depends on dreq_tid_i,
//   dreq_op_i, dreq_addr_i, wb_stall_i and internal state only, never on
//   dreq_valid_i. It is low for a context that already has a request
//   outstanding (unless that request is answered in this very cycle: a
//   context may follow an answer with its next request at once; so
//   dreq_ready_o may depend on wb_ack_i/wb_err_i), for a dreq_tid_i >=
//   NumCtx, while an AMO is in progress
//   (any context), and for a Wishbone-bound request while the Wishbone
//   request register holds a beat the slave is stalling.
// - Response: exactly one dresp_valid_o[c] pulse per accepted request of
//   context c, never in the acceptance cycle; responses of different
//   contexts may coincide. dresp_rdata_o[32c+:32] is: the raw bus word for
//   loads and LR (the core extracts and sign-extends), 0 / 1 for SC
//   success / failure, the OLD memory word for AMOs, 0 for stores and fences
//   and whenever dresp_err_o[c] is set (access fault).
// - Addresses are byte addresses. addr[1:0] are ignored on the bus (word
//   aligned beats); loads, LR and AMOs read the whole word (sel 4'hF,
//   dreq_be_i ignored),
//   stores write dreq_be_i lanes of dreq_wdata_i (already in their lanes),
//   SC and the AMO write beat write the whole word. The core checks
//   alignment.
//
// Routing (decided at acceptance, masks from outrider_defs.svh)
// - CLINT or MMIO window, load/store: peripheral port. per_req_o is a
//   one-cycle pulse in the acceptance cycle (combinational from dreq_*);
//   the response carries per_rdata_i (loads) in the next cycle.
// - RAM window: Wishbone B4 pipelined, single-beat transactions.
// - Anything else, and LR/SC/AMO outside RAM (the peripherals do not
//   support atomics), and the unused op codes: error response the next
//   cycle, no bus or peripheral access.
// - Fence: response the next cycle (nothing is buffered here; a context's
//   stores are complete when their responses arrive).
//
// Wishbone
// - A load/store/LR/SC beat accepted while the request register is empty is
//   presented in the acceptance cycle itself (wb_stb_o, wb_adr_o, ... are
//   then combinational from dreq_*); if the slave stalls it, the request
//   register holds it from the next cycle on.
// - One request register (stb held while wb_stall_i; refilled in the cycle
//   its beat is taken, so beats can go out back to back), then an in-order FIFO
//   of NumCtx entries recording which context each accepted beat belongs
//   to, so up to NumCtx beats (one per context) are in flight and misses of
//   different contexts overlap. wb_cyc_o is high while a beat is presented
//   or in flight.
// - Responses are COMBINATIONAL from wb_ack_i/wb_err_i/wb_dat_i: the core
//   sees dresp_valid_o in the cycle the ack arrives (no extra cycle).
// - The slave must answer a beat no earlier than the cycle after it accepted
//   it (stb && !stall), acks/errs in order. Stray acks with nothing in
//   flight are ignored. wb_err_i gives dresp_err_o for that context.
//
// LR/SC (one reservation per context: valid + word address)
// - LR: a read that sets the context's reservation (at acceptance).
// - SC: reservation valid and on the same word -> Wishbone write, response
//   0; otherwise no bus access, response 1 the next cycle. Either way the
//   context's reservation is cleared.
// - At acceptance, a store, a successful SC or an AMO of context i to word A
//   clears every OTHER context's reservation on A (context i's own store
//   keeps its reservation). Acceptance order is bus order, so this is exact.
//
// AMO (atomic read-modify-write, word only)
// - Accepted like other requests; from acceptance until its write beat is
//   acknowledged no request of any context is accepted. If beats of other
//   contexts are still presented or in flight it first waits for them to
//   drain; then it issues a read beat, computes the new value with
//   outrider_amo_alu and issues a write beat. wb_cyc_o stays high from the
//   read to the write (a Wishbone bus lock on a shared interconnect).
// - Response: the old value, in the cycle the write is acknowledged. A read
//   error ends the AMO with an error response and no write.
//
// Latency (acceptance cycle -> response cycle) with a slave that answers L
// cycles after accepting a beat and does not stall, the bus idle: loads,
// stores, LR and successful SC L (a beat behind another one in the request
// register: L+1); AMO 2L+2 (plus any drain: an AMO always takes two beats);
// peripheral accesses, fences, errors and failed SC 1.
//
// Not here: no caching, no store buffering, no write merging, no
// misalignment handling, no physical memory protection.
module outrider_dbiu #(
  parameter int NumCtx = 2,
  // derived from NumCtx: do not override
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // core side
  input  logic                 dreq_valid_i,
  output logic                 dreq_ready_o,
  input  logic [TidW-1:0]      dreq_tid_i,
  input  logic [2:0]           dreq_op_i,      // DopLoad .. DopFence
  input  logic [4:0]           dreq_amo_i,     // AMO funct5 (DopAmo only)
  input  logic [31:0]          dreq_addr_i,
  input  logic [31:0]          dreq_wdata_i,
  input  logic [3:0]           dreq_be_i,
  output logic [NumCtx-1:0]    dresp_valid_o,
  output logic [NumCtx*32-1:0] dresp_rdata_o,
  output logic [NumCtx-1:0]    dresp_err_o,

  // Wishbone B4 pipelined master (RAM)
  output logic                 wb_cyc_o,
  output logic                 wb_stb_o,
  output logic                 wb_we_o,
  output logic [31:0]          wb_adr_o,
  output logic [3:0]           wb_sel_o,
  output logic [31:0]          wb_dat_o,
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
  input  logic [31:0]          per_rdata_i
);
  `include "outrider_defs.svh"

  localparam int Depth = NumCtx;               // Wishbone beats in flight, one per context
  localparam int CntW  = $clog2(Depth + 1);
  localparam int EntW  = TidW + 1;             // FIFO entry {returns data, context}

  // Where an accepted request goes.
  typedef enum logic [1:0] {
    ClsImm,   // answered next cycle from the dbiu itself (fence, error, SC failure)
    ClsPer,   // peripheral port
    ClsWb,    // one Wishbone beat
    ClsAmo    // Wishbone read + write under the AMO sequencer
  } cls_e;

  typedef enum logic [1:0] {
    AmoIdle,
    AmoDrain,  // accepted while other contexts' beats are in flight; waiting
    AmoRead,   // read beat presented or in flight
    AmoWrite   // write beat presented or in flight
  } amo_st_e;

  // ---- state ---------------------------------------------------------------
  logic [NumCtx-1:0]    busy_q, busy_d;            // request outstanding
  logic [NumCtx-1:0]    resv_valid_q, resv_valid_d;
  logic [NumCtx*30-1:0] resv_addr_q, resv_addr_d;  // word addresses

  // next-cycle response generated here (at most one request accepted per cycle)
  logic                 imm_valid_q, imm_valid_d;
  logic [TidW-1:0]      imm_tid_q, imm_tid_d;
  logic                 imm_err_q, imm_err_d;
  logic                 imm_scfail_q, imm_scfail_d;
  logic                 imm_per_q, imm_per_d;      // return per_rdata_i

  // Wishbone request register
  logic                 stb_q, stb_d;
  logic                 we_q, we_d;
  logic [29:0]          adr_q, adr_d;
  logic [3:0]           sel_q, sel_d;
  logic [31:0]          dat_q, dat_d;
  logic [TidW-1:0]      beat_tid_q, beat_tid_d;
  logic                 beat_rd_q, beat_rd_d;      // response carries wb_dat_i

  // in-order FIFO of accepted beats, head at entry 0
  logic [Depth*EntW-1:0] fifo_q, fifo_d;
  logic [CntW-1:0]       cnt_q, cnt_d;

  // AMO sequencer
  amo_st_e              amo_st_q, amo_st_d;
  logic [TidW-1:0]      amo_tid_q, amo_tid_d;
  logic [4:0]           amo_op_q, amo_op_d;
  logic [29:0]          amo_adr_q, amo_adr_d;
  logic [31:0]          amo_opnd_q, amo_opnd_d;
  logic [31:0]          amo_old_q, amo_old_d;

  // ---- request decode --------------------------------------------------------
  logic              is_ram, is_per;
  logic [29:0]       req_word;
  logic [NumCtx-1:0] tid_oh;       // one-hot dreq_tid_i; all zero when out of range
  logic [NumCtx-1:0] resv_match;   // reservation valid on the requested word
  logic              sel_busy, sel_resv;

  assign is_ram   = addr_is_ram(dreq_addr_i);
  assign is_per   = addr_is_io(dreq_addr_i);
  assign req_word = dreq_addr_i[31:2];

  always_comb begin : p_ctx_decode
    for (int c = 0; c < NumCtx; c++) begin
      tid_oh[c]     = (dreq_tid_i == TidW'(c));
      resv_match[c] = resv_valid_q[c] && (resv_addr_q[30*c +: 30] == req_word);
    end
  end
  assign sel_busy = |(busy_q & tid_oh);
  assign sel_resv = |(resv_match & tid_oh);

  cls_e cls;
  logic imm_err, imm_scfail;

  always_comb begin : p_classify
    cls        = ClsImm;
    imm_err    = 1'b0;
    imm_scfail = 1'b0;
    case (dreq_op_i)
      DopLoad, DopStore: begin
        if (is_per)      cls = ClsPer;
        else if (is_ram) cls = ClsWb;
        else             imm_err = 1'b1;
      end
      DopLr: begin
        if (is_ram) cls = ClsWb;
        else        imm_err = 1'b1;
      end
      DopSc: begin
        if (!is_ram)       imm_err = 1'b1;
        else if (sel_resv) cls = ClsWb;
        else               imm_scfail = 1'b1;
      end
      DopAmo: begin
        if (is_ram) cls = ClsAmo;
        else        imm_err = 1'b1;
      end
      DopFence: cls = ClsImm;
      default:  imm_err = 1'b1;
    endcase
  end

  // The request register can take a new beat when it is empty or its beat
  // is being taken by the slave this cycle.
  logic wb_free, accept;
  assign wb_free      = !stb_q || !wb_stall_i;
  // a context whose answer comes in this cycle may send its next request
  logic sel_answered;
  assign sel_answered = |(dresp_valid_o & tid_oh);
  assign dreq_ready_o = (|tid_oh) && (!sel_busy || sel_answered) && (amo_st_q == AmoIdle) &&
                        ((cls != ClsWb) || wb_free);
  assign accept       = dreq_valid_i && dreq_ready_o;

  // a beat accepted while the request register is empty goes out at once
  logic direct;
  assign direct = accept && (cls == ClsWb) && !stb_q;

  // ---- peripheral port -------------------------------------------------------
  assign per_req_o   = accept && (cls == ClsPer);
  assign per_we_o    = (dreq_op_i == DopStore);
  assign per_addr_o  = dreq_addr_i;
  assign per_wdata_o = dreq_wdata_i;
  assign per_be_o    = dreq_be_i;

  // ---- Wishbone completion ---------------------------------------------------
  logic            wb_done, push, plain_done, amo_done;
  logic            direct_rd;
  assign direct_rd = (dreq_op_i == DopLoad) || (dreq_op_i == DopLr);
  logic [TidW-1:0] head_tid;
  logic            head_rd;

  assign push       = (stb_q || direct) && !wb_stall_i;
  assign wb_done    = (wb_ack_i || wb_err_i) && (cnt_q != '0);
  assign head_tid   = fifo_q[TidW-1:0];
  assign head_rd    = fifo_q[TidW];
  // While the AMO owns the bus (AmoRead/AmoWrite) the FIFO holds only its beats.
  assign plain_done = wb_done && (amo_st_q != AmoRead) && (amo_st_q != AmoWrite);
  assign amo_done   = wb_done && ((amo_st_q == AmoWrite) || ((amo_st_q == AmoRead) && wb_err_i));

  logic [31:0] amo_new;
  outrider_amo_alu u_amo_alu (
    .op_i      (amo_op_q),
    .old_i     (wb_dat_i),
    .operand_i (amo_opnd_q),
    .new_o     (amo_new)
  );

  // ---- responses -------------------------------------------------------------
  always_comb begin : p_resp
    logic hit_imm, hit_wb, hit_amo;
    for (int c = 0; c < NumCtx; c++) begin
      hit_imm = imm_valid_q && (imm_tid_q == TidW'(c));
      hit_wb  = plain_done  && (head_tid  == TidW'(c));
      hit_amo = amo_done    && (amo_tid_q == TidW'(c));
      dresp_valid_o[c]         = hit_imm || hit_wb || hit_amo;
      dresp_err_o[c]           = (hit_imm && imm_err_q) || ((hit_wb || hit_amo) && wb_err_i);
      dresp_rdata_o[32*c +: 32] = 32'd0;
      if (hit_imm)                          dresp_rdata_o[32*c +: 32] = imm_per_q ? per_rdata_i : {31'd0, imm_scfail_q};
      if (hit_wb && head_rd && !wb_err_i)   dresp_rdata_o[32*c +: 32] = wb_dat_i;
      if (hit_amo && !wb_err_i)             dresp_rdata_o[32*c +: 32] = amo_old_q;
    end
  end

  // ---- next state ------------------------------------------------------------
  always_comb begin : p_next
    logic kill_others;

    // outstanding requests
    busy_d = busy_q & ~dresp_valid_o;
    if (accept) busy_d = busy_d | tid_oh;

    // next-cycle responses
    imm_valid_d  = accept && ((cls == ClsImm) || (cls == ClsPer));
    imm_tid_d    = dreq_tid_i;
    imm_err_d    = imm_err;
    imm_scfail_d = imm_scfail;
    imm_per_d    = (cls == ClsPer) && (dreq_op_i == DopLoad);

    // reservations
    resv_valid_d = resv_valid_q;
    resv_addr_d  = resv_addr_q;
    kill_others  = accept && ((dreq_op_i == DopStore) || (cls == ClsAmo) ||
                              ((dreq_op_i == DopSc) && (cls == ClsWb)));
    if (kill_others) resv_valid_d = resv_valid_d & ~(resv_match & ~tid_oh);
    if (accept && (dreq_op_i == DopSc)) resv_valid_d = resv_valid_d & ~tid_oh;
    if (accept && (dreq_op_i == DopLr) && (cls == ClsWb)) begin
      resv_valid_d = resv_valid_d | tid_oh;
      for (int c = 0; c < NumCtx; c++) begin
        if (tid_oh[c]) resv_addr_d[30*c +: 30] = req_word;
      end
    end

    // Wishbone request register: held while stalled
    stb_d      = stb_q && wb_stall_i;
    we_d       = we_q;
    adr_d      = adr_q;
    sel_d      = sel_q;
    dat_d      = dat_q;
    beat_tid_d = beat_tid_q;
    beat_rd_d  = beat_rd_q;
    if (accept && (cls == ClsWb) && (stb_q || wb_stall_i)) begin   // only when wb_free
      // behind the registered beat, or presented now and stalled: register it
      stb_d      = 1'b1;
      we_d       = (dreq_op_i == DopStore) || (dreq_op_i == DopSc);
      adr_d      = req_word;
      sel_d      = (dreq_op_i == DopStore) ? dreq_be_i : 4'hF;
      dat_d      = dreq_wdata_i;
      beat_tid_d = dreq_tid_i;
      beat_rd_d  = (dreq_op_i == DopLoad) || (dreq_op_i == DopLr);
    end

    // AMO sequencer
    amo_st_d   = amo_st_q;
    amo_tid_d  = amo_tid_q;
    amo_op_d   = amo_op_q;
    amo_adr_d  = amo_adr_q;
    amo_opnd_d = amo_opnd_q;
    amo_old_d  = amo_old_q;
    case (amo_st_q)
      AmoIdle: begin
        if (accept && (cls == ClsAmo)) begin
          amo_tid_d  = dreq_tid_i;
          amo_op_d   = dreq_amo_i;
          amo_adr_d  = req_word;
          amo_opnd_d = dreq_wdata_i;
          if (!stb_q && (cnt_q == '0)) begin
            // bus already idle: the read beat goes out next cycle
            amo_st_d   = AmoRead;
            stb_d      = 1'b1;
            we_d       = 1'b0;
            adr_d      = req_word;
            sel_d      = 4'hF;
            beat_tid_d = dreq_tid_i;
            beat_rd_d  = 1'b1;
          end else begin
            amo_st_d   = AmoDrain;
          end
        end
      end
      AmoDrain: begin
        if (!stb_q && (cnt_q == '0)) begin
          amo_st_d   = AmoRead;
          stb_d      = 1'b1;
          we_d       = 1'b0;
          adr_d      = amo_adr_q;
          sel_d      = 4'hF;
          beat_tid_d = amo_tid_q;
          beat_rd_d  = 1'b1;
        end
      end
      AmoRead: begin
        if (wb_done) begin
          if (wb_err_i) begin
            amo_st_d = AmoIdle;
          end else begin
            amo_st_d  = AmoWrite;
            amo_old_d = wb_dat_i;
            stb_d     = 1'b1;
            we_d      = 1'b1;
            adr_d     = amo_adr_q;
            sel_d     = 4'hF;
            dat_d     = amo_new;
            beat_rd_d = 1'b0;
          end
        end
      end
      AmoWrite: begin
        if (wb_done) amo_st_d = AmoIdle;
      end
      default: amo_st_d = AmoIdle;
    endcase

    // in-order FIFO of beats in flight
    fifo_d = fifo_q;
    cnt_d  = cnt_q;
    if (wb_done) begin
      fifo_d = fifo_q >> EntW;
      cnt_d  = cnt_q - 1'b1;
    end
    if (push) begin
      fifo_d[EntW*cnt_d +: EntW] = stb_q ? {beat_rd_q, beat_tid_q} : {direct_rd, dreq_tid_i};
      cnt_d = cnt_d + 1'b1;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      busy_q       <= '0;
      resv_valid_q <= '0;
      resv_addr_q  <= '0;
      imm_valid_q  <= 1'b0;
      imm_tid_q    <= '0;
      imm_err_q    <= 1'b0;
      imm_scfail_q <= 1'b0;
      imm_per_q    <= 1'b0;
      stb_q        <= 1'b0;
      we_q         <= 1'b0;
      adr_q        <= '0;
      sel_q        <= '0;
      dat_q        <= '0;
      beat_tid_q   <= '0;
      beat_rd_q    <= 1'b0;
      fifo_q       <= '0;
      cnt_q        <= '0;
      amo_st_q     <= AmoIdle;
      amo_tid_q    <= '0;
      amo_op_q     <= '0;
      amo_adr_q    <= '0;
      amo_opnd_q   <= '0;
      amo_old_q    <= '0;
    end else begin
      busy_q       <= busy_d;
      resv_valid_q <= resv_valid_d;
      resv_addr_q  <= resv_addr_d;
      imm_valid_q  <= imm_valid_d;
      imm_tid_q    <= imm_tid_d;
      imm_err_q    <= imm_err_d;
      imm_scfail_q <= imm_scfail_d;
      imm_per_q    <= imm_per_d;
      stb_q        <= stb_d;
      we_q         <= we_d;
      adr_q        <= adr_d;
      sel_q        <= sel_d;
      dat_q        <= dat_d;
      beat_tid_q   <= beat_tid_d;
      beat_rd_q    <= beat_rd_d;
      fifo_q       <= fifo_d;
      cnt_q        <= cnt_d;
      amo_st_q     <= amo_st_d;
      amo_tid_q    <= amo_tid_d;
      amo_op_q     <= amo_op_d;
      amo_adr_q    <= amo_adr_d;
      amo_opnd_q   <= amo_opnd_d;
      amo_old_q    <= amo_old_d;
    end
  end

  // ---- Wishbone outputs ------------------------------------------------------
  logic direct_we;
  assign direct_we = (dreq_op_i == DopStore) || (dreq_op_i == DopSc);
  assign wb_cyc_o  = stb_q || direct || (cnt_q != '0);
  assign wb_stb_o  = stb_q || direct;
  assign wb_we_o   = stb_q ? we_q : direct_we;
  assign wb_adr_o  = stb_q ? {adr_q, 2'b00} : {req_word, 2'b00};
  assign wb_sel_o  = stb_q ? sel_q : ((dreq_op_i == DopStore) ? dreq_be_i : 4'hF);
  assign wb_dat_o  = stb_q ? dat_q : dreq_wdata_i;
endmodule
