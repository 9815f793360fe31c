// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_preexec: the pre-execution unit of outrider_core (docs/preexec.md).
//
// Owns everything that makes a context a p-thread and keeps it harmless:
//   - spawn: pex.spawn of context 0 starts the lowest free context whose
//     register mirror is complete, when pexctl.EN is set (sp_start_o);
//   - cancel: pex.cancel of a hart kills the running p-thread it spawned
//     (spawner_q[t]);
//   - budget: each p-thread takes pexbudget's value when it is spawned
//     (budget_rem_q[t], the instructions it may still commit; budget_on_q[t]:
//     that value was not 0), counts down at each commit (one squashed in WB
//     a cycle after it committed, because the one before it parked, is
//     given back: kill_wb_i) and stops at 0; its last instruction within the
//     budget waits in MEM behind a WB that waits (pt_last_o, outrider_commit)
//     so a stop never passes a squash. pt_last_o comes from a register
//     (budget_last_q[t] = remaining <= 1, chosen at the clock edge among the
//     next count's candidates, each compared from registers): no adder or
//     compare stands before the commit decision;
//   - stops: pex.stop / hart.exit, exceptions (where a hart would trap, an
//     access outside RAM/MMIO/CLINT, a store-buffer overflow, an access fault
//     in an answer) end the p-thread silently (pt_end_o);
//   - the p-thread gating of data-side requests: only a p-thread's loads to
//     RAM go out (LR and AMOs as plain loads, dreq_op_o = DopLoad, marked
//     dreq_spec_o); its stores go to its store buffer, its SC fails, its
//     loads to the CLINT/MMIO read 0 without an access;
//   - the store buffers (one outrider_store_buffer per context but 0, which
//     never runs a p-thread), with load forwarding for WB and late completion;
//   - the register mirror: every free context's bank follows context 0's
//     (context 0's writes are written there too, and a copy engine reads,
//     through the register file's copy port, the lowest register a free
//     bank still lacks and writes it in every cycle context 0 writes no
//     register; context 0's writes come from registers, WB2 and the
//     outstanding-load table, so the data side's answer reaches neither;
//     the write of the cycle after a spawn is an older instruction's and
//     is mirrored into the new p-thread's bank too); mirror_ok_q[t] marks
//     the registers known equal, a context can be spawned once all are.
//     While a p-thread runs, only the registers it writes or context 0
//     writes lose their mark, so after it ends
//     only those are copied (a few cycles for a short p-thread); after a
//     hart ran on the context, all 31 are (~32 cycles when context 0
//     writes rarely, longer when it writes in most cycles);
//   - distance control (docs/preexec.md 4.5): while the data cache holds at
//     least pexdist lines that p-threads filled and no hart has used yet
//     (pfill_cnt_i), or after such a line was evicted unused while at least
//     pexdist/2 remain, the running p-threads are held (hold_o: not eligible
//     for fetch, not killed) until the count drops below pexdist/2;
//     pexdist = 0 turns it off; keep_o asks the data cache to spare the
//     unused p-thread fills when it replaces lines while a p-thread runs
//     and is not held (docs/preexec.md 4.6);
//   - the pre-execution events for the test bench (pex_event_o).
//
// Each issue lane has its own commit point (lane t holds only context t's
// instructions): the MEM and WB inputs come per lane, the request gating is
// per lane (the core then arbitrates the lanes' requests for the one data
// port), spawns come only from lane 0 (context 0), cancels from any hart's
// lane, store buffer t is written by lane t, and the events are OR-ed over
// the lanes.
//
// It is not the CSR file (pexctl/pexbudget/pexstatus live in
// outrider_csr_file; their values come in as pex_en_i/pex_budget_i) and does
// not change a context's state itself: outrider_ctx_ctrl applies sp_start_o
// and pt_end_o.
//
// Timing: all outputs are combinational from the MEM stage's decision, the
// WB stage and the registers here; the request gating sits between the
// commit point and dreq_valid_o, and dreq_ready_i comes back through
// outrider_commit (replay) in the same cycle.
module outrider_preexec #(
  parameter int NumCtx          = 2,
  parameter int StoreBufEntries = 8,
  parameter int TidW            = (NumCtx > 1) ? $clog2(NumCtx) : 1,
  parameter int ExW             = `OR_EXMEM_W,
  parameter int WbW             = `OR_MEMWB_W
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // context state (outrider_ctx_ctrl)
  input  logic [NumCtx-1:0]    active_i,
  input  logic [NumCtx-1:0]    pthread_i,
  input  logic [NumCtx-1:0]    wait_i,
  input  logic [NumCtx-1:0]    free_i,
  input  logic                 hs_start_i,     // hart.start starts context hs_tid_i
  input  logic [TidW-1:0]      hs_tid_i,

  // pre-execution CSRs (outrider_csr_file)
  input  logic                 pex_en_i,
  input  logic [31:0]          pex_budget_i,
  input  logic [15:0]          pex_dist_i,     // pexdist: 0 = no distance control

  // distance control: the data cache's count of p-thread-filled lines not
  // yet used by a hart, and its "a p-thread fill was evicted unused" pulse
  input  logic [15:0]          pfill_cnt_i,
  input  logic                 evict_useless_i,
  output logic [NumCtx-1:0]    hold_o,         // p-thread context held (no fetch)
  output logic                 keep_o,         // the cache spares unused p-thread fills

  // each lane's commit point (outrider_commit), lane t = context t
  input  logic [NumCtx*ExW-1:0] mem_i,
  input  logic [NumCtx-1:0]    live_mem_i,
  input  logic [NumCtx-1:0]    pt_mem_i,
  input  logic [NumCtx-1:0]    exc_any_mem_i,  // a hart would trap
  input  logic [NumCtx-1:0]    req_mem_i,      // the request the commit point sends
  input  logic [NumCtx-1:0]    retire_mem_i,   // the instruction goes on to WB
  output logic [NumCtx-1:0]    pt_exc_mem_o,   // the p-thread stops instead of committing
  output logic [NumCtx-1:0]    pt_stop_mem_o,  // ... after this instruction (stop, budget)
  output logic [NumCtx-1:0]    pt_last_o,      // the p-thread's next commit reaches its budget
  output logic [NumCtx-1:0]    pt_sc_mem_o,    // its SC: fails, no access
  output logic [NumCtx-1:0]    pt_suppressed_mem_o, // its load to CLINT/MMIO: 0, no access
  output logic                 sp_start_o,     // lane 0's pex.spawn starts context sp_tid_o
  output logic [TidW-1:0]      sp_tid_o,

  // the gated request of each lane (the other dreq_* fields come from
  // outrider_commit; the core arbitrates the lanes)
  output logic [NumCtx-1:0]    dreq_valid_o,
  output logic [NumCtx-1:0]    pt_gate_ok_o,   // MEM's memory operation passes the p-thread gating (from registers)
  output logic [NumCtx*3-1:0]  dreq_op_o,
  output logic [NumCtx-1:0]    dreq_spec_o,

  // each lane's WB (outrider_commit's MEM/WB register, outrider_writeback)
  input  logic [NumCtx-1:0]    valid_wb_i,
  input  logic [NumCtx-1:0]    kill_wb_i,      // the squash after WB (outrider_ctx_ctrl)
  input  logic [NumCtx*WbW-1:0] wb_i,
  input  logic [NumCtx-1:0]    wb_err_i,
  input  logic [NumCtx-1:0]    late_err_i,
  input  logic [NumCtx*32-1:0] pend_addr_i,
  output logic [NumCtx*4-1:0]  sb_wb_mask_o,   // store-buffer forwarding
  output logic [NumCtx*32-1:0] sb_wb_data_o,
  output logic [NumCtx*4-1:0]  sb_late_mask_o,
  output logic [NumCtx*32-1:0] sb_late_data_o,

  // register mirror: context 0's writes, the copy port, the mirror writes
  input  logic [NumCtx-1:0]    own_we_i,
  input  logic [NumCtx*5-1:0]  own_waddr_i,
  input  logic [NumCtx*32-1:0] own_wdata_i,
  // (a context's own writes are its retirement's, from WB2, and its
  // outstanding loads' late writes: from registers, outrider_writeback)
  input  logic [NumCtx-1:0]    valid_wb2_i,    // WB2 writes the context's register now
  output logic [4:0]           copy_raddr_o,
  input  logic [31:0]          copy_rdata_i,
  output logic [NumCtx-1:0]    mirror_we_o,
  output logic [NumCtx*5-1:0]  mirror_waddr_o,
  output logic [NumCtx*32-1:0] mirror_wdata_o,

  output logic [NumCtx-1:0]    pt_end_o,       // the p-thread ends (stop or cancel)
  output logic [NumCtx-1:0]    pt_cancel_o,    // ... cancelled
  output logic [7:0]           pex_event_o     // PexEv* pulses (outrider_defs.svh)
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"
  `include "outrider_core_funcs.svh"

  logic [TidW-1:0]   spawner_q    [NumCtx];  // who spawned the p-thread
  logic [31:0]       budget_rem_q [NumCtx];  // instructions it may still commit
  logic [NumCtx-1:0] budget_on_q;            // pexbudget was not 0 at its spawn
  logic [NumCtx-1:0] budget_last_q;          // budget_rem_q[t] <= 1

  // lane t's records, field by field (Icarus cannot select a member of an
  // element of an array of structs)
  logic [31:0]       m_result [NumCtx];
  logic [31:0]       m_wdata  [NumCtx];
  logic [3:0]        m_be     [NumCtx];
  logic [2:0]        m_op     [NumCtx];
  logic [31:0]       w_addr   [NumCtx];
  logic [NumCtx-1:0] m_mem, m_spawn, m_stop, m_hexit, m_cancel;
  outrider_exmem_t   mrec;   // temporaries inside the loop
  outrider_memwb_t   wrec;
  always_comb begin
    mrec = '0;
    wrec = '0;
    for (int t = 0; t < NumCtx; t++) begin
      mrec        = mem_i[ExW*t +: ExW];
      wrec        = wb_i[WbW*t +: WbW];
      m_result[t] = mrec.result;
      m_wdata[t]  = mrec.wdata;
      m_be[t]     = mrec.be;
      m_op[t]     = mrec.mem_op;
      m_mem[t]    = mrec.mem;
      m_spawn[t]  = mrec.pex_spawn;
      m_stop[t]   = mrec.pex_stop;
      m_hexit[t]  = mrec.hexit;
      m_cancel[t] = mrec.pex_cancel;
      w_addr[t]   = wrec.addr;
    end
  end

  // ---- what the p-thread in each lane's MEM may do ----------------------------------
  logic [NumCtx-1:0] is_store_mem, is_sc_mem, loadlike_mem, ram_mem, io_mem;
  logic [NumCtx-1:0] sb_fits;   // the store fits the context's store buffer
  logic [NumCtx-1:0] stop_norm_mem, stop_budget_mem;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      is_store_mem[t] = m_mem[t] && (m_op[t] == DopStore);
      is_sc_mem[t]    = m_mem[t] && (m_op[t] == DopSc);
      loadlike_mem[t] = m_mem[t] && ((m_op[t] == DopLoad) || (m_op[t] == DopLr) ||
                                     (m_op[t] == DopAmo));
      ram_mem[t]      = addr_is_ram(m_result[t]);
      io_mem[t]       = addr_is_io(m_result[t]);
      // a p-thread stops silently where a hart would trap, and also on an
      // access outside RAM/MMIO/CLINT, on a store-buffer overflow and on an
      // access that crosses a word (misaligned: its store buffer holds
      // single words)
      pt_exc_mem_o[t] = live_mem_i[t] && pt_mem_i[t] &&
                        (exc_any_mem_i[t] || (loadlike_mem[t] && !ram_mem[t] && !io_mem[t]) ||
                         (is_store_mem[t] && !sb_fits[t]) ||
                         ((is_store_mem[t] || loadlike_mem[t]) &&
                          ((m_be[t] & ~(4'hF << m_result[t][1:0])) != 4'd0)));
      pt_suppressed_mem_o[t] = pt_mem_i[t] && loadlike_mem[t] && io_mem[t];
      pt_sc_mem_o[t]         = pt_mem_i[t] && is_sc_mem[t];
    end
  end
  // (a block of its own: the commit decision depends on pt_exc_mem_o above,
  // the request below on the commit decision)
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      // the gating: only a p-thread's loads (LR, AMO as loads) to RAM go out
      pt_gate_ok_o[t]    = !pt_mem_i[t] || (loadlike_mem[t] && ram_mem[t]);
      dreq_valid_o[t]    = req_mem_i[t] && pt_gate_ok_o[t];
      dreq_op_o[3*t +: 3] = pt_mem_i[t] ? DopLoad : m_op[t];
      dreq_spec_o[t]     = pt_mem_i[t];
      // p-thread ends at this instruction (after it: pex.stop, hart.exit, budget)
      stop_norm_mem[t]   = retire_mem_i[t] && pt_mem_i[t] && (m_stop[t] || m_hexit[t]);
      stop_budget_mem[t] = retire_mem_i[t] && pt_mem_i[t] && !stop_norm_mem[t] && pt_last_o[t];
    end
  end
  assign pt_stop_mem_o = stop_norm_mem | stop_budget_mem;
  always_comb begin
    for (int t = 0; t < NumCtx; t++)
      pt_last_o[t] = pthread_i[t] && budget_on_q[t] && budget_last_q[t];
  end

  // ---- spawn and cancel ----------------------------------------------------------------
  logic [NumCtx-1:0] mirror_full;
  logic              sp_found, sp_refuse;
  // the lowest free context with a complete mirror; only context 0 (lane 0,
  // whose registers the free banks mirror) spawns, only when pre-execution is on
  assign {sp_found, sp_tid_o} = lowest_set(free_i & mirror_full);
  assign sp_start_o = retire_mem_i[0] && m_spawn[0] && sp_found && pex_en_i && !pt_mem_i[0];
  // a pex.spawn anywhere else is refused (a started hart's: it has no mirror)
  logic [NumCtx-1:0] spawn_try;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) spawn_try[t] = retire_mem_i[t] && m_spawn[t];
  end
  assign sp_refuse = (spawn_try != '0) && !sp_start_o;

  // pex.cancel: the p-thread the cancelling hart's context spawned, if it runs
  logic [NumCtx-1:0] cancel_hit;
  always_comb begin
    for (int c = 0; c < NumCtx; c++) begin
      cancel_hit[c] = 1'b0;
      for (int t = 0; t < NumCtx; t++) begin
        if (retire_mem_i[t] && m_cancel[t] && !pt_mem_i[t] && pthread_i[c] && active_i[c] &&
            (spawner_q[c] == TidW'(t)))
          cancel_hit[c] = 1'b1;
      end
    end
  end

  // p-thread stops, by reason
  logic [NumCtx-1:0] stop_exc;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      stop_exc[t] = pt_exc_mem_o[t] || (pthread_i[t] && (wb_err_i[t] || late_err_i[t]));
    end
  end
  assign pt_end_o    = stop_exc | stop_norm_mem | stop_budget_mem | cancel_hit;
  assign pt_cancel_o = cancel_hit;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      for (int t = 0; t < NumCtx; t++) begin
        spawner_q[t]     <= '0;
        budget_rem_q[t]  <= 32'd0;
        budget_on_q[t]   <= 1'b0;
        budget_last_q[t] <= 1'b1;
      end
    end else begin
      for (int t = 0; t < NumCtx; t++) begin
        // budget_last_q follows budget_rem_q <= 1 (asserted below); each
        // candidate is compared from registers, the commit decision only
        // chooses among them
        if (sp_start_o && (sp_tid_o == TidW'(t))) begin
          spawner_q[t]     <= '0;   // only context 0 spawns
          budget_rem_q[t]  <= pex_budget_i;
          budget_on_q[t]   <= (pex_budget_i != 32'd0);
          budget_last_q[t] <= (pex_budget_i[31:1] == 31'd0);
        end else if (retire_mem_i[t] && pt_mem_i[t]) begin
          budget_rem_q[t]  <= budget_rem_q[t] - 32'd1;
          budget_last_q[t] <= (budget_rem_q[t] == 32'd1) || (budget_rem_q[t] == 32'd2);
        end else if (valid_wb_i[t] && kill_wb_i[t] && pthread_i[t]) begin
          budget_rem_q[t]  <= budget_rem_q[t] + 32'd1;   // committed, then squashed in WB
          budget_last_q[t] <= (budget_rem_q[t] == 32'd0) || (budget_rem_q[t] == 32'hFFFF_FFFF);
        end
      end
    end
  end

  // ---- distance control -----------------------------------------------------------------
  // set at pexdist, or on an unused eviction at pexdist/2 or more; cleared
  // below pexdist/2 (hysteresis: a held p-thread resumes with room to run)
  logic        hold_q, hold_set, hold_clr;
  logic [15:0] dist_lo;
  assign dist_lo  = pex_dist_i >> 1;
  assign hold_set = (pex_dist_i != 16'd0) &&
                    ((pfill_cnt_i >= pex_dist_i) || (evict_useless_i && (pfill_cnt_i >= dist_lo)));
  assign hold_clr = (pex_dist_i == 16'd0) || (pfill_cnt_i < dist_lo);
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)       hold_q <= 1'b0;
    else if (hold_set) hold_q <= 1'b1;
    else if (hold_clr) hold_q <= 1'b0;
  end
  assign hold_o = hold_q ? (pthread_i & active_i) : '0;
  // the cache spares the lines p-threads filled and no hart has used yet
  // while a p-thread runs and distance control is on and not holding it:
  // the hold bounds what they can take from the harts (docs/preexec.md 4.6).
  // All registers (no path from the cache's answers).
  assign keep_o = (pex_dist_i != 16'd0) && !hold_q && |(pthread_i & active_i);

  // pre-execution events for the test bench
  always_comb begin
    pex_event_o = '0;
    pex_event_o[PexEvSpawn]          = sp_start_o;
    pex_event_o[PexEvRefused]        = sp_refuse;
    pex_event_o[PexEvCancel]         = |cancel_hit;
    pex_event_o[PexEvBudgetStop]     = |stop_budget_mem;
    pex_event_o[PexEvExcStop]        = |stop_exc;
    pex_event_o[PexEvStop]           = |stop_norm_mem;
    pex_event_o[PexEvStoreBuffered]  = |(retire_mem_i & pt_mem_i & is_store_mem);
    pex_event_o[PexEvMmioSuppressed] = |(retire_mem_i & pt_suppressed_mem_o);
  end

  // ---- store buffers ------------------------------------------------------------------
  for (genvar t = 0; t < NumCtx; t++) begin : g_sb_ctx
    // context 0 never runs a p-thread (it is never free): no store buffer
    if (t == 0) begin : g_no_sb
      assign sb_fits[t]                = 1'b0;
      assign sb_wb_mask_o[4*t +: 4]    = 4'd0;
      assign sb_wb_data_o[32*t +: 32]  = 32'd0;
      assign sb_late_mask_o[4*t +: 4]  = 4'd0;
      assign sb_late_data_o[32*t +: 32] = 32'd0;
    end else begin : g_sb
      outrider_store_buffer #(.Entries(StoreBufEntries)) u_sb (
        .clk_i, .rst_ni,
        // emptied when the context starts, as a p-thread or as a hart: a
        // hart must not see a dead p-thread's stores (found by cosim)
        .clear_i         ((sp_start_o && (sp_tid_o == TidW'(t))) ||
                          (hs_start_i && (hs_tid_i == TidW'(t)))),
        .write_i         (retire_mem_i[t] && pt_mem_i[t] && is_store_mem[t]),
        .addr_i          (m_result[t]),
        .wdata_i         (m_wdata[t]),
        .be_i            (m_be[t]),
        .fits_o          (sb_fits[t]),
        .lookup_a_addr_i (w_addr[t]),
        .lookup_a_mask_o (sb_wb_mask_o[4*t +: 4]),
        .lookup_a_data_o (sb_wb_data_o[32*t +: 32]),
        .lookup_b_addr_i (pend_addr_i[32*t +: 32]),
        .lookup_b_mask_o (sb_late_mask_o[4*t +: 4]),
        .lookup_b_data_o (sb_late_data_o[32*t +: 32])
      );
    end
  end

  // ---- register mirror ------------------------------------------------------------------
  logic [NumCtx-1:0] mirror_en;
  logic [31:0]       mirror_ok_q [NumCtx];
  logic [4:0]        copy_idx_q;   // copy engine: register read this cycle
  logic [4:0]        copy_reg_q;   // ... and the one whose value arrives now
  logic              copy_valid_q, copy_stale_q, copy_write;
  logic [31:0]       copy_need;    // registers some free bank still lacks
  logic [31:0]       copy_cand;    // ... not already being read or written
  logic [4:0]        copy_next;    // the register read in the next cycle
  logic              own_we0;
  logic [4:0]        own_waddr0;
  // context 0's register write now (its retirement's from WB2, or an
  // outstanding load's late write): from registers, so the data side's
  // answer reaches neither the mirror nor the copy engine
  assign own_we0    = own_we_i[0];
  assign own_waddr0 = own_waddr_i[4:0];
  // the registers written now, as masks (one decoder each, applied to whole
  // vectors below: no per-bit index logic on the late write's address)
  logic [31:0] own_mask0, copy_mask;
  logic [31:0] own_mask [NumCtx];
  assign own_mask0 = own_we0 ? (32'd1 << own_waddr0) : 32'd0;
  assign copy_mask = 32'd1 << copy_reg_q;
  always_comb begin
    for (int c = 0; c < NumCtx; c++)
      own_mask[c] = own_we_i[c] ? (32'd1 << own_waddr_i[5*c +: 5]) : 32'd0;
  end
  // the copy is written unless context 0 writes a register now (a skipped
  // copy is read again)
  assign copy_write = copy_valid_q && !copy_stale_q && !own_we0;
  assign copy_raddr_o = copy_idx_q;

  // a p-thread spawned in the cycle before: context 0's write now belongs to
  // an instruction older than the spawn (it retired while the spawn was in
  // MEM), so it is mirrored into the new p-thread's bank too
  logic [NumCtx-1:0] sp_late_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) sp_late_q <= '0;
    else begin
      for (int c = 0; c < NumCtx; c++)
        sp_late_q[c] <= sp_start_o && (sp_tid_o == TidW'(c));
    end
  end

  // The copy engine reads the lowest register some free bank still lacks,
  // skipping the one read this cycle and the one written now (a copy that
  // context 0's own write displaced is read again, not skipped for a round)
  always_comb begin
    copy_need = '0;
    for (int c = 1; c < NumCtx; c++)
      if (mirror_en[c]) copy_need = copy_need | ~mirror_ok_q[c];
    copy_cand = copy_need;
    copy_cand[copy_idx_q] = 1'b0;
    if (copy_write) copy_cand[copy_reg_q] = 1'b0;
    copy_next = 5'd0;              // x0: nothing to read (idle)
    for (int r = 31; r >= 1; r--)
      if (copy_cand[r]) copy_next = 5'(r);
  end

  always_comb begin
    for (int c = 0; c < NumCtx; c++) begin
      mirror_en[c]   = (c != 0) && !active_i[c] && !wait_i[c] && !valid_wb_i[c] &&
                       !valid_wb2_i[c];
      mirror_full[c] = (c != 0) && (&mirror_ok_q[c]);
      mirror_we_o[c] = (mirror_en[c] && (own_we0 || copy_write)) ||
                       ((c != 0) && sp_late_q[c] && own_we0);
      mirror_waddr_o[5*c +: 5]   = own_we0 ? own_waddr0 : copy_reg_q;
      mirror_wdata_o[32*c +: 32] = own_we0 ? own_wdata_i[31:0] : copy_rdata_i;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      copy_idx_q   <= 5'd0;
      copy_reg_q   <= 5'd0;
      copy_valid_q <= 1'b0;
      copy_stale_q <= 1'b0;
      for (int c = 0; c < NumCtx; c++) mirror_ok_q[c] <= 32'd1;
    end else begin
      copy_idx_q   <= copy_next;
      copy_reg_q   <= copy_idx_q;
      copy_valid_q <= copy_idx_q != 5'd0;
      // context 0 wrote the register while it was read: the copy is old
      copy_stale_q <= own_we0 && (own_waddr0 == copy_idx_q);
      for (int c = 0; c < NumCtx; c++) begin
        if (active_i[c] && !pthread_i[c]) begin
          mirror_ok_q[c] <= 32'd1;                         // a hart: nothing is equal but x0
        end else if (!mirror_en[c]) begin
          // a p-thread runs (or its last instruction drains): a register
          // either context writes is no longer known equal; the rest stay
          // equal, so only these are copied once the context is free again
          // (also the write mirrored just after a spawn: copied again later);
          // x0 is always equal
          mirror_ok_q[c] <= (mirror_ok_q[c] & ~own_mask0 & ~own_mask[c]) | 32'd1;
        end else if (own_we0) begin
          mirror_ok_q[c] <= mirror_ok_q[c] | own_mask0;    // written to the mirror too
        end else if (copy_write) begin
          mirror_ok_q[c] <= mirror_ok_q[c] | copy_mask;
        end
      end
    end
  end

  logic [NumCtx-1:0] budget_le1;   // (assertions only)
  always_comb begin
    for (int t = 0; t < NumCtx; t++) budget_le1[t] = (budget_rem_q[t] <= 32'd1);
  end

  // only context 0's write port feeds the mirror; the store buffer of context
  // 0 does not exist, so its parked load address needs no lookup; fields of
  // the records this unit does not read
  logic unused_pex;
  assign unused_pex = ^{own_wdata_i, budget_le1, pend_addr_i[31:0], mem_i, wb_i,
                        hs_start_i, hs_tid_i, mrec, wrec, m_result[0], m_wdata[0], m_be[0],
                        w_addr[0]};   // (NumCtx = 1: no store buffer)

  `include "outrider_assert.svh"
  for (genvar t = 0; t < NumCtx; t++) begin : g_assert
    `OR_ASSERT(!dreq_valid_o[t] || !pthread_i[t] || (dreq_op_o[3*t +: 3] == DopLoad),
               "a p-thread's data-side requests are loads")
    `OR_ASSERT(!dreq_valid_o[t] || (dreq_spec_o[t] == pthread_i[t]),
               "exactly the p-threads' requests are marked speculative")
    `OR_ASSERT(!(dreq_valid_o[t] && pt_mem_i[t] && !(loadlike_mem[t] && ram_mem[t])),
               "a p-thread never sends a store, SC or uncached access to the data side")
    `OR_ASSERT(!(stop_norm_mem[t] && stop_budget_mem[t]), "a p-thread stops for one reason")
`ifndef FORMAL
    // (from reset on, not in every state: the core's 1-step induction in
    // formal/ starts from any state)
    `OR_ASSERT(budget_last_q[t] == budget_le1[t], "budget_last_q follows the remaining budget")
`endif
  end
  `OR_ASSERT(!sp_start_o || (mirror_full[sp_tid_o] && free_i[sp_tid_o]),
             "a spawn starts a free context whose register mirror is complete")
  `OR_ASSERT(!sp_start_o || (sp_tid_o != '0), "context 0 is never spawned")
  `OR_ASSERT(!mirror_we_o[0], "context 0's bank is never a mirror")
  `OR_ASSERT((mirror_we_o & active_i & ~sp_late_q) == '0,
             "the mirror writes a running context's bank only in the cycle after its spawn")
  `OR_ASSERT((pt_end_o & ~pthread_i) == '0, "only p-threads stop or are cancelled")
endmodule
