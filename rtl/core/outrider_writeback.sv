// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_writeback: the WB stage of outrider_core: register write-back,
// retirement, parking and late completion, and the per-context dividers.
//
// An instruction in WB completes if it waits for nothing or its answer (data
// side or divider) arrives now; it then writes its context's register bank
// and retires. A memory operation whose answer is not back, and every
// divide still running, parks: wb_park_o (outrider_ctx_ctrl squashes the
// context's younger instructions and stops its fetch) and the instruction is
// kept in the context's parked-instruction record (pend_*). When the answer
// comes (late_done_o) the record retires through the context's own register
// write port, never colliding with another context's write-back. An access
// fault in the answer (wb_err_o, late_err_o) does not retire: the context
// traps (outrider_ctx_ctrl) or, a p-thread, stops (outrider_preexec). Loads
// of a p-thread see its own buffered stores (the store-buffer lookups come
// from outrider_preexec). The register-file write ports are driven here. A
// context's own retirement writes its register a cycle later, from the WB2
// register (retirement decided in cycle N, register written at the end of
// N+1: the register file forwards that write to a read in the same cycle,
// outrider_regfile, and EX forwards from WB2), so nothing that reaches the
// register file waits for the data side's answer. The other writes, in
// their cycle: an outstanding load's late write when WB2 leaves the port
// free, a register-mirror write (outrider_preexec); and a cycle after
// hart.start commits, its argument into a0 of the started context (the
// started context fetches its first instruction in that cycle, so the
// write comes before any read; the decision to commit depends on the data
// port's grant, and taken straight to the bank's write enable it was the
// routed critical path, 38.5 ns).
// A load the data cache answered as outstanding (dresp_nbl_i) retires here
// without its value (retire_rd_late_o) and goes to the outstanding-load
// table (outrider_nbl, NbLoads entries per context), which writes the
// register later through the same write port when WB leaves it free
// (late_we_o: also the retirement port's late write).
//
// Each issue lane has its own WB stage (lane t holds only context t's
// instructions): the inputs of the instruction in WB and WB2 come per lane
// (valid_wb_i[t], the record at wb_i[W*t +: W], ...), the outputs per lane.
//
// An instruction squashed in WB (kill_wb_i: a younger one that went on while
// the one before it parked, outrider_ctx_ctrl) does nothing here.
//
// With LateAlu = 1 each lane has a second ALU here, the late ALU (an ALU
// instruction that followed a load right behind it computes in WB with the
// loaded value from WB2: docs/core.md "The late ALU"); with LateAlu = 0 it
// is not built.
//
// It does not decide whether an instruction commits (outrider_commit) and
// owns no context state but the parked records.
//
// Timing: the retirement ports are combinational from the MEM/WB register,
// the parked records and this cycle's data-side answer (dresp_*_i; the
// answer is the last select of the value written, everything else is chosen
// before it); the register-file write ports from registers (WB2, the outstanding-load
// table, the mirror's inputs, the registered hart.start); divides take 2 to 33 cycles (outrider_divider).
module outrider_writeback #(
  parameter int NumCtx = 2,
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1,
  parameter int WbW    = `OR_MEMWB_W,
  parameter int NbLoads = 4,      // outstanding loads per context (outrider_nbl); 0: none
  parameter int LateAlu = 0,      // 1: the late ALU per lane (outrider_decode); 0: none built
  parameter int FillW  = 5
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  input  logic [NumCtx-1:0]    valid_wb_i,    // per lane: the MEM/WB register
  input  logic [NumCtx-1:0]    kill_wb_i,     // per lane: squashed (the squash after WB)
  input  logic [NumCtx*WbW-1:0] wb_i,
  input  logic [NumCtx-1:0]    wait_i,        // wait_q[t]: context parked (outrider_ctx_ctrl)

  input  logic [NumCtx-1:0]    dresp_valid_i,
  input  logic [NumCtx*32-1:0] dresp_rdata_i,
  input  logic [NumCtx-1:0]    dresp_err_i,
  input  logic [NumCtx-1:0]    dresp_nbl_i,   // the load's answer: outstanding (rdata = refill slot)

  // non-blocking loads (outrider_nbl): the cache's fill port, per-context
  // state for ID (scoreboard) and MEM (ordering), and drops
  input  logic                 fill_valid_i,
  input  logic [FillW-1:0]     fill_slot_i,
  input  logic [31:0]          fill_data_i,
  input  logic [NumCtx-1:0]    nbl_clear_i,
  input  logic [NumCtx*32-1:0] nbl_st_addr_i,
  output logic [NumCtx-1:0]    nbl_st_hit_o,
  output logic [NumCtx-1:0]    nbl_free_o,
  output logic [NumCtx-1:0]    nbl_any_o,
  output logic [NumCtx*32-1:0] nbl_busy_o,
  input  logic [NumCtx-1:0]    wb_dep_i,      // lane t: a younger instruction uses WB's rd
  output logic [NumCtx-1:0]    wb_nbl_o,      // the load in WB is outstanding: squash younger
  output logic [NumCtx-1:0]    late_we_o,     // an outstanding load writes its register now
  output logic [NumCtx*5-1:0]  late_rd_o,
  output logic [NumCtx*32-1:0] late_wdata_o,
  output logic [NumCtx-1:0]    retire_rd_late_o, // the retiring load's value comes on late_*

  // divide started at the commit point of lane t (outrider_commit)
  input  logic [NumCtx-1:0]    div_start_i,
  input  logic [NumCtx*2-1:0]  div_op_i,
  input  logic [NumCtx*32-1:0] div_a_i,
  input  logic [NumCtx*32-1:0] div_b_i,
  output logic [NumCtx-1:0]    div_busy_o,

  // store-buffer forwarding (outrider_preexec): bytes buffered for the word
  // in WB and for each context's parked load
  input  logic [NumCtx*4-1:0]  sb_wb_mask_i,
  input  logic [NumCtx*32-1:0] sb_wb_data_i,
  input  logic [NumCtx*4-1:0]  sb_late_mask_i,
  input  logic [NumCtx*32-1:0] sb_late_data_i,

  // other register writes: mirror (outrider_preexec), hart.start's a0
  input  logic [NumCtx-1:0]    mirror_we_i,
  input  logic [NumCtx*5-1:0]  mirror_waddr_i,
  input  logic [NumCtx*32-1:0] mirror_wdata_i,
  input  logic                 hs_start_i,
  input  logic [TidW-1:0]      hs_tid_i,
  input  logic [31:0]          hs_arg_i,

  output logic [NumCtx-1:0]    wb_err_o,      // per lane: the answer in WB is an access fault
  output logic [NumCtx-1:0]    wb_park_o,     // the instruction in WB parks its context
  output logic [NumCtx-1:0]    late_done_o,   // a parked instruction completes now
  output logic [NumCtx-1:0]    late_err_o,    // ... with an access fault
  output logic [NumCtx*32-1:0] pend_pc_o,     // parked records (traps, counters, lookups)
  output logic [NumCtx*32-1:0] pend_addr_o,
  output logic [NumCtx-1:0]    pend_store_o,
  output logic [NumCtx-1:0]    pend_div_o,

  // WB2 per lane: the register write of the retirement of the cycle
  // before, done now (forwarding; valid_wb2_o is also the port's use)
  output logic [NumCtx-1:0]    valid_wb2_o,
  output logic [NumCtx*5-1:0]  rd_wb2_o,
  output logic [NumCtx*32-1:0] data_wb2_o,

  // register-file write ports
  output logic [NumCtx-1:0]    rf_we_o,
  output logic [NumCtx*5-1:0]  rf_waddr_o,
  output logic [NumCtx*32-1:0] rf_wdata_o,
  output logic [NumCtx-1:0]    own_we_o,      // a context's own register write
  output logic [NumCtx*5-1:0]  own_waddr_o,
  output logic [NumCtx*32-1:0] own_wdata_o,

  output logic [NumCtx-1:0]    retire_valid_o,
  output logic [NumCtx*32-1:0] retire_pc_o,
  output logic [NumCtx*32-1:0] retire_insn_o,
  output logic [NumCtx-1:0]    retire_rd_we_o,
  output logic [NumCtx*5-1:0]  retire_rd_o,
  output logic [NumCtx*32-1:0] retire_rd_wdata_o,
  output logic [NumCtx*32-1:0] retire_addr_o
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"
  `include "outrider_core_funcs.svh"

  localparam logic [4:0] RegA0 = 5'd10;

  logic [NumCtx-1:0] div_done;
  logic [31:0]       div_result [NumCtx];

  // ---- the instruction in each lane's WB ----------------------------------------
  // lane t's record, field by field (Icarus cannot select a member of an
  // element of an array of structs)
  logic [31:0] wb_pc [NumCtx];
  logic [31:0] wb_insn [NumCtx];
  logic [31:0] wb_result [NumCtx];
  logic [31:0] wb_addr [NumCtx];
  logic [4:0]  wb_rd [NumCtx];
  logic [2:0]  wb_f3 [NumCtx];
  logic [NumCtx-1:0] wb_rd_we, wb_wait, wb_div, wb_memop, wb_store;
  logic [NumCtx-1:0] wb_lalu, wb_lalu_a, wb_lalu_b;
  logic [3:0]  wb_alu_op [NumCtx];
  logic [NumCtx-1:0] wb_v;   // valid and not squashed
  assign wb_v = valid_wb_i & ~kill_wb_i;
  outrider_memwb_t rec;   // a temporary: lane t's record inside the loop
  always_comb begin
    rec = '0;
    for (int t = 0; t < NumCtx; t++) begin
      rec          = wb_i[WbW*t +: WbW];
      wb_pc[t]     = rec.pc;
      wb_insn[t]   = rec.insn;
      wb_result[t] = rec.result;
      wb_addr[t]   = rec.addr;
      wb_rd[t]     = rec.rd;
      wb_f3[t]     = rec.f3;
      wb_rd_we[t]  = rec.rd_we;
      wb_wait[t]   = rec.wait_resp;
      wb_div[t]    = rec.div;
      wb_memop[t]  = rec.memop;
      wb_store[t]  = rec.store;
      wb_lalu[t]   = rec.lalu;
      wb_lalu_a[t] = rec.lalu_a;
      wb_lalu_b[t] = rec.lalu_b;
      wb_alu_op[t] = rec.alu_op;
    end
  end

  // ---- the late ALU (outrider_decode, LateAlu) -------------------------------------
  // An ALU instruction that followed a load (or another late one) right
  // behind computes here: the operand it read from that instruction is the
  // value WB2 holds now (the instruction before it retired from WB in the
  // cycle before, with a register write: anything else squashes this one),
  // the other one EX's (result: a, addr: b). Inputs from registers only.
  // (built only with LateAlu = 1: the ALU's kept nets would otherwise keep
  // an unused copy in the netlist)
  logic [31:0] lalu_res [NumCtx];
  for (genvar gl = 0; gl < NumCtx; gl++) begin : g_lalu
    if (LateAlu != 0) begin : g_on
      logic [31:0] a, b;
      assign a = wb_lalu_a[gl] ? data_wb2_o[32*gl +: 32] : wb_result[gl];
      assign b = wb_lalu_b[gl] ? data_wb2_o[32*gl +: 32] : wb_addr[gl];
      outrider_alu u_alu (
        .op_i     (wb_alu_op[gl]),
        .a_i      (a),
        .b_i      (b),
        .shamt_i  (b[4:0]),
        .result_o (lalu_res[gl])
      );
    end else begin : g_off
      assign lalu_res[gl] = 32'd0;
      logic unused_lalu;
      assign unused_lalu = ^{wb_alu_op[gl], wb_lalu[gl], wb_lalu_a[gl], wb_lalu_b[gl]};
    end
  end

  logic [NumCtx-1:0] resp_now_wb, complete_wb, err_wb, park_wb;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      resp_now_wb[t] = wb_div[t] ? div_done[t] : dresp_valid_i[t];
      complete_wb[t] = wb_v[t] && (!wb_wait[t] || resp_now_wb[t]);
      err_wb[t]      = wb_v[t] && wb_wait[t] && wb_memop[t] && resp_now_wb[t] &&
                       dresp_err_i[t];
      park_wb[t]     = wb_v[t] && wb_wait[t] && !resp_now_wb[t];
    end
  end

  assign wb_err_o  = err_wb;
  assign wb_park_o = park_wb;

  // ---- non-blocking loads ----------------------------------------------------------
  // a load answered as outstanding retires now without its value; one with
  // a destination register takes an outstanding-load entry, and if a younger
  // instruction of its context in ID or EX reads that register (it may
  // have read the register before the scoreboard knew of it) the younger
  // instructions are squashed and re-fetched (a younger write of it simply
  // drops the entry when it retires: nbl_kill below)
  // wb_load: the instruction in WB is a load into a register (rd_we never
  // names x0) that may be answered outstanding now; a load into x0 answered
  // outstanding simply retires (nothing writes, nothing waits)
  logic [NumCtx-1:0] wb_load, nbl_new;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      wb_load[t] = wb_v[t] && wb_wait[t] && wb_memop[t] && !wb_div[t] && !wb_store[t] &&
                   wb_rd_we[t];
      nbl_new[t] = wb_load[t] && dresp_valid_i[t] && dresp_nbl_i[t];
    end
  end
  assign wb_nbl_o         = nbl_new & wb_dep_i;

  // ---- parked-instruction records -------------------------------------------
  logic [31:0] pend_pc_q   [NumCtx];
  logic [31:0] pend_insn_q [NumCtx];
  logic [31:0] pend_addr_q [NumCtx];
  logic [4:0]  pend_rd_q   [NumCtx];
  logic [NumCtx-1:0] pend_rd_we_q, pend_div_q, pend_store_q;

  always_ff @(posedge clk_i) begin
    for (int t = 0; t < NumCtx; t++) begin
      if (park_wb[t]) begin
        pend_pc_q[t]    <= wb_pc[t];
        pend_insn_q[t]  <= wb_insn[t];
        pend_addr_q[t]  <= wb_addr[t];
        pend_rd_q[t]    <= wb_rd[t];
        pend_rd_we_q[t] <= wb_rd_we[t];
        pend_div_q[t]   <= wb_div[t];
        pend_store_q[t] <= wb_store[t];
      end
    end
  end

  // late completion of parked instructions
  logic [NumCtx-1:0] late_done, late_err;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      late_done[t]  = wait_i[t] && (pend_div_q[t] ? div_done[t] : dresp_valid_i[t]);
      late_err[t]   = late_done[t] && !pend_div_q[t] && dresp_err_i[t];
      pend_pc_o[32*t +: 32]   = pend_pc_q[t];
      pend_addr_o[32*t +: 32] = pend_addr_q[t];
    end
  end
  assign late_done_o  = late_done;
  assign late_err_o   = late_err;
  assign pend_store_o = pend_store_q;
  assign pend_div_o   = pend_div_q;

  // ---- retirement and register writes ------------------------------------------
  // A parked context has nothing in WB (its younger instructions were
  // squashed and it fetches nothing until the parked one completes), so
  // what retires is chosen by wait_i, a register: the parked record while
  // the context waits, WB's instruction otherwise. Whether it retires now
  // depends on this cycle's answer; which register it writes does not.
  logic [NumCtx-1:0] from_wb;   // context t retires from its lane's WB stage
  logic [NumCtx-1:0] ret_we;    // ... and writes its register now

  // The value written: the data side's answer, extracted once, is the last
  // select. The answer's word arrives late in the cycle (the cache's hit
  // compare and way select, the splitter); what it is extracted with (the
  // byte offset, the width, the store buffer's bytes) and every other value
  // (the divider's, the late ALU's, EX's result) is chosen first, from
  // registers, by whether the context waits (the parked record) or not
  // (WB's). keep: synthesis would otherwise fold the other values' choice
  // into the answer's multiplexer (the late ALU's result had put a level
  // of logic behind the answer: docs/fpga.md "The late ALU").
  logic [NumCtx-1:0] use_ans;
  logic [2:0]        ans_f3 [NumCtx];
  logic [1:0]        ans_off [NumCtx];
  logic [3:0]        ans_mask [NumCtx];
  logic [31:0]       ans_sb [NumCtx];
  logic [31:0]       ans_value [NumCtx];
  (* keep *) logic [31:0] other_value [NumCtx];
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      use_ans[t]     = wait_i[t] ? !pend_div_q[t] : (wb_wait[t] && !wb_div[t]);
      ans_f3[t]      = wait_i[t] ? pend_insn_q[t][14:12] : wb_f3[t];
      ans_off[t]     = wait_i[t] ? pend_addr_q[t][1:0] : wb_addr[t][1:0];
      ans_mask[t]    = wait_i[t] ? sb_late_mask_i[4*t +: 4] : sb_wb_mask_i[4*t +: 4];
      ans_sb[t]      = wait_i[t] ? sb_late_data_i[32*t +: 32] : sb_wb_data_i[32*t +: 32];
      ans_value[t]   = load_extract(ans_f3[t], ans_off[t],
                                    sb_merge(dresp_rdata_i[32*t +: 32], ans_mask[t], ans_sb[t]));
      if (wait_i[t] || wb_wait[t]) other_value[t] = div_result[t];
      else if (wb_lalu[t])         other_value[t] = lalu_res[t];
      else                         other_value[t] = wb_result[t];
    end
  end

  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      from_wb[t] = complete_wb[t] && !err_wb[t];
      retire_valid_o[t]             = from_wb[t] || (late_done[t] && !late_err[t]);
      retire_pc_o[32*t +: 32]       = wait_i[t] ? pend_pc_q[t] : wb_pc[t];
      retire_insn_o[32*t +: 32]     = wait_i[t] ? pend_insn_q[t] : wb_insn[t];
      retire_rd_we_o[t]             = wait_i[t] ? pend_rd_we_q[t] : wb_rd_we[t];
      retire_rd_o[5*t +: 5]         = wait_i[t] ? pend_rd_q[t] : wb_rd[t];
      retire_rd_wdata_o[32*t +: 32] = use_ans[t] ? ans_value[t] : other_value[t];
      retire_addr_o[32*t +: 32]     = wait_i[t] ? pend_addr_q[t] : wb_addr[t];
      retire_rd_late_o[t]           = from_wb[t] && nbl_new[t];
      ret_we[t]                     = retire_valid_o[t] && retire_rd_we_o[t] && !(from_wb[t] && nbl_new[t]);
    end
  end

  // the outstanding-load table writes a register when the bank's port is
  // free: WB2 writes no register now (registers only), no hart.start (its a0
  // and mirror writes go only to free contexts, which have no outstanding
  // loads and nothing in WB2: the term is redundant)
  logic [NumCtx-1:0] valid_wb2_q;
  logic [NumCtx-1:0] port_free;
  // hart.start's a0 write, a cycle after it commits (see the header)
  logic              hs_wr_q;
  logic [TidW-1:0]   hs_wr_tid_q;
  logic [31:0]       hs_arg_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) hs_wr_q <= 1'b0;
    else         hs_wr_q <= hs_start_i;
  end
  always_ff @(posedge clk_i) begin
    hs_wr_tid_q <= hs_tid_i;
    hs_arg_q    <= hs_arg_i;
  end
  always_comb begin
    for (int t = 0; t < NumCtx; t++)
      port_free[t] = !valid_wb2_q[t] && !(hs_wr_q && (hs_wr_tid_q == TidW'(t)));
  end

  // a retiring write (also a younger outstanding load) drops older
  // outstanding loads of the same register (outrider_nbl)
  logic [NumCtx-1:0] nbl_kill;
  assign nbl_kill = retire_valid_o & retire_rd_we_o;

  if (NbLoads > 0) begin : g_nbl
    logic [NumCtx*4-1:0]  nbl_sbm;
    logic [NumCtx*32-1:0] nbl_addr, nbl_sbd;
    logic [NumCtx*5-1:0]  nbl_rd;
    logic [NumCtx*3-1:0]  nbl_f3;
    logic [NumCtx*FillW-1:0] nbl_slot;
    always_comb begin
      for (int t = 0; t < NumCtx; t++) begin
        nbl_addr[32*t +: 32]       = wb_addr[t];
        nbl_rd[5*t +: 5]           = wb_rd[t];
        nbl_f3[3*t +: 3]           = wb_f3[t];
        nbl_slot[FillW*t +: FillW] = dresp_rdata_i[32*t +: FillW];
      end
    end
    assign nbl_sbm = sb_wb_mask_i;
    assign nbl_sbd = sb_wb_data_i;
    outrider_nbl #(.NumCtx (NumCtx), .Entries (NbLoads), .FillW (FillW)) u_nbl (
      .clk_i, .rst_ni,
      .new_i (nbl_new), .new_slot_i (nbl_slot), .new_rd_i (nbl_rd), .new_f3_i (nbl_f3),
      .new_addr_i (nbl_addr), .new_sb_mask_i (nbl_sbm), .new_sb_data_i (nbl_sbd),
      .fill_valid_i, .fill_slot_i, .fill_data_i,
      .clear_i (nbl_clear_i), .kill_i (nbl_kill), .kill_rd_i (retire_rd_o),
      .wb_load_i (wb_load), .port_free_i (port_free),
      .we_o (late_we_o), .waddr_o (late_rd_o), .wdata_o (late_wdata_o),
      .free_o (nbl_free_o), .any_o (nbl_any_o), .busy_o (nbl_busy_o),
      .st_addr_i (nbl_st_addr_i), .st_hit_o (nbl_st_hit_o)
    );
  end else begin : g_no_nbl
    assign late_we_o    = '0;
    assign late_rd_o    = '0;
    assign late_wdata_o = '0;
    assign nbl_free_o   = '0;
    assign nbl_any_o    = '0;
    assign nbl_busy_o   = '0;
    assign nbl_st_hit_o = '0;
    logic unused_fill;
    assign unused_fill = ^{fill_valid_i, fill_slot_i, fill_data_i, nbl_clear_i, nbl_st_addr_i,
                           port_free, nbl_kill};
  end

  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      own_we_o[t]             = valid_wb2_q[t] || late_we_o[t];
      own_waddr_o[5*t +: 5]   = valid_wb2_q[t] ? rd_wb2_o[5*t +: 5] : late_rd_o[5*t +: 5];
      own_wdata_o[32*t +: 32] = valid_wb2_q[t] ? data_wb2_o[32*t +: 32]
                                               : late_wdata_o[32*t +: 32];
    end
  end

  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      rf_we_o[t]             = own_we_o[t];
      rf_waddr_o[5*t +: 5]   = own_waddr_o[5*t +: 5];
      rf_wdata_o[32*t +: 32] = own_wdata_o[32*t +: 32];
      if (mirror_we_i[t]) begin
        rf_we_o[t]             = 1'b1;
        rf_waddr_o[5*t +: 5]   = mirror_waddr_i[5*t +: 5];
        rf_wdata_o[32*t +: 32] = mirror_wdata_i[32*t +: 32];
      end
      // hart.start passes its argument in a0 of the started context
      if (hs_wr_q && (hs_wr_tid_q == TidW'(t))) begin
        rf_we_o[t]             = 1'b1;
        rf_waddr_o[5*t +: 5]   = RegA0;
        rf_wdata_o[32*t +: 32] = hs_arg_q;
      end
    end
  end

  // ---- WB2, per lane: the retirement's register write, a cycle later ---------------
  // (WB's instruction or the parked one's late completion: a parked context
  // has nothing younger in flight, so its write is forwarded to nobody)
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) valid_wb2_q <= '0;
    else         valid_wb2_q <= ret_we;
  end

  always_ff @(posedge clk_i) begin
    for (int t = 0; t < NumCtx; t++) begin
      rd_wb2_o[5*t +: 5]     <= retire_rd_o[5*t +: 5];
      data_wb2_o[32*t +: 32] <= retire_rd_wdata_o[32*t +: 32];
    end
  end

  assign valid_wb2_o = valid_wb2_q;

  // ---- dividers, one per context ---------------------------------------------------
  for (genvar t = 0; t < NumCtx; t++) begin : g_div
    outrider_divider u_div (
      .clk_i, .rst_ni,
      .start_i  (div_start_i[t]),
      .op_i     (div_op_i[2*t +: 2]),
      .a_i      (div_a_i[32*t +: 32]),
      .b_i      (div_b_i[32*t +: 32]),
      .busy_o   (div_busy_o[t]),
      .done_o   (div_done[t]),
      .result_o (div_result[t])
    );
  end

  `include "outrider_assert.svh"
  `OR_ASSERT((wb_err_o & wb_park_o) == '0, "an instruction in WB either parks or gets its answer")
  `OR_ASSERT((valid_wb2_q & late_we_o) == '0, "WB2's write finds the port taken, not free")
  // a parked context has nothing in WB, and the mirror writes only banks that
  // were free a cycle ago (no outstanding loads); hart.start's a0 write, a
  // cycle after the start, goes to a context that was free then (nothing in
  // WB2, no outstanding loads) and is now running (no mirror write):
  // properties of the reachable states, so checked in simulation only (the
  // core's formal check proves its assertions from every state)
`ifdef OUTRIDER_ASSERT
  `OR_ASSERT(!(hs_wr_q && own_we_o[hs_wr_tid_q]), "hart.start's a0 write meets no own write")
  `OR_ASSERT(!(hs_wr_q && mirror_we_i[hs_wr_tid_q]), "hart.start's a0 write meets no mirror write")
  `OR_ASSERT((late_we_o & mirror_we_i) == '0, "no mirror write to a context with outstanding loads")
  `OR_ASSERT((wait_i & wb_v) == '0, "a parked context has no instruction in WB")
`ifndef FORMAL
  // (a state invariant, from reset on: formal/core.ys's induction starts
  // anywhere, docs/verification.md)
  for (genvar gl = 0; gl < NumCtx; gl++) begin : g_lalu_chk
    logic [31:0] insn;
    logic [4:0]  rs1, rs2, rd2;
    logic        ok;
    assign insn = wb_insn[gl];
    assign rs1  = insn[19:15];
    assign rs2  = insn[24:20];
    assign rd2  = rd_wb2_o[5*gl +: 5];
    assign ok   = valid_wb2_q[gl] && (!wb_lalu_a[gl] || (rd2 == rs1)) &&
                  (!wb_lalu_b[gl] || (rd2 == rs2));
    logic unused_insn;
    assign unused_insn = ^{insn[31:25], insn[14:0]};
    `OR_ASSERT(!(from_wb[gl] && wb_lalu[gl]) || ok,
               "a late ALU instruction retires with the value it reads in WB2")
  end
`endif
`endif
endmodule
