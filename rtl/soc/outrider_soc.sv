// SPDX-License-Identifier: Apache-2.0
// outrider_soc: the simulation/SoC top. The two-context core, its data side,
// the CLINT and the MMIO block (console, simulation control).
//
// Data side: misaligned plain loads and stores that cross a word are split
// into two aligned requests by outrider_dside_split (between the core and
// the rest of the data side). Then the shared non-blocking data cache (outrider_dcache,
// docs/dcache.md), or, when perfect_dcache_i is high, the uncached bus
// interface outrider_dbiu: behind a memory that answers a beat in the cycle
// after accepting it, every load and store then completes like a cache hit
// (the "perfect cache" the benchmarks compare against; AMOs take two beats).
// The perfect mode exists only in simulation builds (SimDebug = 1): there
// perfect_dcache_i is sampled into a register at the first clock edge after
// reset and selects the data side until the next reset (before that edge
// the cache is selected; no data request can reach the data side that
// early: the first instruction is still being fetched), so no
// combinational path leads from the input into the data side. With SimDebug = 0 (an FPGA top) the input is ignored, the
// select is the constant 0, and synthesis removes the dbiu and every mux
// behind the select. Both share the Wishbone port (the cache issues line
// bursts with CTI/BTE, the dbiu single beats with CTI 3'b000) and the
// peripheral port.
//
// Interrupt inputs: meip_i is asynchronous on a board; it passes a two-flop
// synchroniser before the core sees it (two cycles of latency). mtip and
// msip come from the CLINT's registers.
//
// Test bench observability (not needed on an FPGA): the cache's event
// pulses (dc_ev_*, docs/dcache.md "Events"; in perfect mode every RAM access
// is reported as a hit), and, with SimDebug = 1, the dbg_* backdoor that
// returns the newest copy of a word the cache holds dirty.
//
// What it is not: it holds no RAM. Instruction fetch and the Wishbone data
// port go out of this module; the test bench (tb/) or an FPGA top
// (fpga/) supplies the memory behind them.
//
// Instruction port contract: one port per issue lane (lane t = context t, its
// signals at imem_req_o[t], imem_addr_o[32*t +: 32], ...); on each port, when
// imem_req_o[t] is high in cycle N, imem_rdata_i[32*t +: 32] and imem_err_i[t]
// in cycle N+1 hold the word at imem_addr_o[32*t +: 32] of cycle N (what a
// block RAM with a registered read gives; with SimRegInputs = 1 the driver sets
// them before the rising edge that ends cycle N: "input register" below).
module outrider_soc #(
  parameter int NumCtx      = 2,
  // derived from NumCtx: do not override
  parameter int TidW        = (NumCtx > 1) ? $clog2(NumCtx) : 1,
  parameter int PauseCycles = 32,   // issue slots a `pause` gives up
  parameter int SelectPolicy = 1,     // data-port arbitration between the lanes: 0 round-robin,
                                      // 1 harts before p-threads, 2 lowest context first,
                                      // 3 as 0 (round-robin)
  parameter int StoreBufEntries = 8,  // p-thread store buffer entries (per context)
  parameter int DefaultBudget = 65536, // reset value of the pexbudget CSR
  // branch prediction (docs/core.md "Branch prediction")
  parameter int BranchPredict = 1,    // 1: BTB + bimodal + RAS at IF; 0: static at ID only
  parameter int BtbEntries    = 32,   // branch target buffer entries (power of two)
  parameter int BhtEntries    = 128,  // 2-bit counters (power of two, >= BtbEntries)
  parameter int RasDepth      = 4,    // return-address stack entries per context (power of two)
  // 1: a hart's aligned lw reaches an ALU reader a cycle sooner (docs/core.md
  // "Hazards and penalties"; off by default: it costs routed Fmax)
  parameter int LoadForward   = 0,
  // 1: an ALU instruction right behind a load (or another such) takes the
  // loaded value in WB, in a second ALU fed from registers (docs/core.md
  // "The late ALU"; off by default: it cost routed Fmax); 0: it waits two
  // cycles, as every other reader
  parameter int LateAlu       = 0,
  // data cache (docs/dcache.md; geometry chosen by `make bench-geom`, docs/performance.md)
  parameter int DcacheBytes    = 16384,
  parameter int DcacheWays     = 4,
  parameter int DcacheLine     = 32,
  parameter int DcacheMshrs    = 8,
  parameter int DcachePrefetch = 0,     // 1: next-line prefetch on demand misses
  parameter int DcachePosted   = 1,     // 1: store misses answered at once (posted stores)
  parameter int NbLoads        = 4,     // outstanding (non-blocking) loads per context; 0: loads block
  // p-thread misses (docs/dcache.md section 7): a p-thread's missing load
  // allocates an MSHR only while more than PexMshrReserve are free (below
  // DcacheMshrs; default a quarter of them: 2 of 8, 1 of 4, 0 of 1..3);
  // otherwise PexMissWait = 1 parks it, 0 drops it (chosen by measurement:
  // docs/performance.md "Several misses per p-thread")
  parameter int PexMshrReserve = DcacheMshrs / 4,
  parameter int PexMissWait    = 1,
  parameter int SimDebug       = 1,     // 1: dbg_* backdoor ports work (0 on an FPGA)
  // 1: the answers of the instruction port, the Wishbone port and the I/O
  // window enter through flip-flops; the driver sets them one cycle early
  // (the C test bench's model: "Input register" below; 0 everywhere else)
  parameter int SimRegInputs   = 0,
  parameter logic [31:0] BootAddr = 32'h8000_0000  // context 0's PC after reset (an FPGA top: its boot ROM)
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,

  // instruction fetch, one port per lane (block-RAM-like, 1-cycle)
  output logic [NumCtx-1:0]        imem_req_o,
  output logic [NumCtx*32-1:0]     imem_addr_o,
  input  logic [NumCtx*32-1:0]     imem_rdata_i,
  input  logic [NumCtx-1:0]        imem_err_i,

  // Wishbone B4 pipelined master: RAM (byte addresses, 32-bit data)
  output logic                     wb_cyc_o,
  output logic                     wb_stb_o,
  output logic                     wb_we_o,
  output logic [31:0]              wb_adr_o,
  output logic [3:0]               wb_sel_o,
  output logic [31:0]              wb_dat_o,
  output logic [2:0]               wb_cti_o,        // 3'b010 burst beat, 3'b111 last, 3'b000 single
  output logic [1:0]               wb_bte_o,        // 2'b00 linear
  input  logic [31:0]              wb_dat_i,
  input  logic                     wb_ack_i,
  input  logic                     wb_err_i,
  input  logic                     wb_stall_i,

  // external interrupts (one per context; asynchronous: synchronised here,
  // the core sees a change two clock edges later)
  input  logic [NumCtx-1:0]        meip_i,

  // riscv-tests `tohost` (from the ELF symbol table)
  input  logic                     tohost_en_i,
  input  logic [31:0]              tohost_addr_i,

  // simulation control
  output logic                     console_valid_o,
  output logic [7:0]               console_data_o,
  output logic                     console_err_o,   // with console_valid_o: error console (stderr)
  output logic                     exit_valid_o,
  output logic                     exit_tohost_o,   // 1: value written to tohost
  output logic [31:0]              exit_value_o,

  // retirement (one record per context per cycle)
  output logic [NumCtx-1:0]        retire_valid_o,
  output logic [NumCtx*32-1:0]     retire_pc_o,
  output logic [NumCtx*32-1:0]     retire_insn_o,
  output logic [NumCtx-1:0]        retire_rd_we_o,
  output logic [NumCtx*5-1:0]      retire_rd_o,
  output logic [NumCtx*32-1:0]     retire_rd_wdata_o,
  output logic [NumCtx*32-1:0]     retire_addr_o,   // data address of a memory op
  // non-blocking loads: the retiring load's value comes later, on late_*
  output logic [NumCtx-1:0]        retire_rd_late_o,
  output logic [NumCtx-1:0]        late_we_o,
  output logic [NumCtx*5-1:0]      late_rd_o,
  output logic [NumCtx*32-1:0]     late_wdata_o,
  // traps taken by harts (the trapping instruction does not retire)
  output logic [NumCtx-1:0]        trap_valid_o,
  output logic [NumCtx*32-1:0]     trap_cause_o,
  output logic [NumCtx*32-1:0]     trap_tval_o,
  output logic [NumCtx-1:0]        ctx_active_o,
  output logic [NumCtx-1:0]        ctx_pthread_o,
  output logic [7:0]               pex_event_o,     // PexEv* pulses (outrider_defs.svh)
  input  logic                     pex_enable_i,    // pre-execution enabled after reset
  input  logic                     pex_dist_set_i,  // 1: pexdist after reset = pex_dist_i
  input  logic [15:0]              pex_dist_i,      //    (0: half the cache's lines)
  output logic [NumCtx-1:0]        pex_hold_o,      // p-thread held by distance control
  output logic [4*NumCtx-1:0]      core_ev_o,       // issue/branch events (outrider_core)
  output logic                     dpf_valid_o,     // a prefetch hint committed (Zicbop)
  output logic [TidW-1:0]          dpf_tid_o,
  output logic                     dpf_spec_o,
  output logic [31:0]              dpf_addr_o,

  // External peripheral port: the Ext window (ExtBase, 64 KiB; an FPGA top's
  // board devices, docs/fpga-uart.md). Same timing as the CLINT and MMIO:
  // ext_req_o pulses in the acceptance cycle, ext_rdata_i is read in the
  // next cycle. The simulation top leaves it unconnected (rdata 0: loads
  // there read 0, stores are ignored).
  output logic                     ext_req_o,
  output logic                     ext_we_o,
  output logic [15:0]              ext_addr_o,
  output logic [31:0]              ext_wdata_o,
  output logic [3:0]               ext_be_o,
  input  logic [31:0]              ext_rdata_i,
  // Back-pressure of the uncached device windows: while low, a (non-p-thread)
  // request to the MMIO or Ext window is not accepted (the core waits), e.g.
  // while an FPGA top's UART cannot take another console byte. Tie to 1
  // (the simulation top does): the logic then is exactly as without it.
  input  logic                     io_ready_i,

  // data side selection: 1 = uncached dbiu ("perfect cache" behind a
  // 0-latency memory); sampled at the first clock edge after reset, and only
  // with SimDebug = 1
  input  logic                     perfect_dcache_i,

  // data cache events (one-cycle pulses, docs/dcache.md "Events")
  output logic                     dc_ev_acc_valid_o,
  output logic [TidW-1:0]          dc_ev_acc_tid_o,
  output logic                     dc_ev_acc_spec_o,
  output logic [2:0]               dc_ev_acc_op_o,
  output logic [2:0]               dc_ev_acc_cls_o,
  output logic [31:0]              dc_ev_acc_addr_o,
  output logic                     dc_ev_fill_valid_o,
  output logic [TidW-1:0]          dc_ev_fill_tid_o,
  output logic                     dc_ev_fill_spec_o,
  output logic                     dc_ev_fill_pref_o,
  output logic [31:0]              dc_ev_fill_addr_o,
  output logic                     dc_ev_wb_valid_o,
  output logic [TidW-1:0]          dc_ev_wb_tid_o,
  output logic [31:0]              dc_ev_wb_addr_o,
  output logic                     dc_ev_evict_valid_o,
  output logic                     dc_ev_evict_useless_o,
  output logic                     dc_ev_evict_spared_o,
  output logic [31:0]              dc_ev_evict_addr_o,
  output logic [NumCtx-1:0]        dc_ev_mshr_full_o,

  // backdoor (SimDebug = 1): combinational lookup of dirty data in the cache
  input  logic [31:0]              dbg_addr_i,
  output logic                     dbg_hit_o,
  output logic [31:0]              dbg_data_o,
  output logic                     dbg_dirty_any_o, // the cache holds any dirty data

  // pipeline debug record (SimDebug = 1, else 0): what each stage of each
  // lane (slot 5*t + s: lane t, stage 0 IF, 1 ID, 2 EX, 3 MEM, 4 WB) holds
  // this cycle; the fields and flags are described at outrider_core's ports
  // (smtsim --pipeview reads them)
  output logic [5*NumCtx-1:0]      dbg_pipe_valid_o,
  output logic [5*NumCtx*TidW-1:0] dbg_pipe_tid_o,
  output logic [5*NumCtx*32-1:0]   dbg_pipe_pc_o,
  output logic [5*NumCtx*32-1:0]   dbg_pipe_insn_o,
  output logic [16*NumCtx-1:0]     dbg_pipe_flags_o,
  // per context: its lane's committing memory request lost the data-port
  // arbitration this cycle and replays (statistics)
  output logic [NumCtx-1:0]        dport_lost_o,

  // The configuration, constant: ten 32-bit words, word i in bits
  // [32i+31:32i]: 0 NumCtx, 1 PauseCycles, 2 SelectPolicy, 3 StoreBufEntries,
  // 4 DefaultBudget, 5 DcacheBytes, 6 DcacheWays, 7 DcacheLine, 8 DcacheMshrs,
  // 9 DcachePrefetch (bits 15:0) and DcachePosted (bits 31:16). The test bench records them in its statistics (read from
  // the Verilated model, so they are those it was built with); an FPGA top
  // leaves it unused (synthesis removes it).
  output logic [10*32-1:0]         params_o
);
  `include "outrider_defs.svh"


  // pipeline debug record of the core (dbg_pipe_* ports)
  logic [5*NumCtx-1:0]      core_pipe_valid;
  logic [5*NumCtx*TidW-1:0] core_pipe_tid;
  logic [5*NumCtx*32-1:0]   core_pipe_pc, core_pipe_insn;
  logic [16*NumCtx-1:0]     core_pipe_flags;

  // core <-> data side
  logic                 dreq_valid, dreq_ready;
  logic [TidW-1:0]      dreq_tid;
  logic [2:0]           dreq_op;
  logic [4:0]           dreq_amo;
  logic [31:0]          dreq_addr, dreq_wdata;
  logic [3:0]           dreq_be;
  logic                 dreq_spec;     // p-thread request (for the data cache)
  logic [NumCtx-1:0]    dresp_valid, dresp_err, dresp_nbl;
  logic [NumCtx*32-1:0] dresp_rdata;
  logic                 dreq_nb, core_dreq_nb;
  logic [NumCtx-1:0]    core_dresp_nbl, dc_resp_nbl;
  // the data cache's refill slot {MSHR, word}: names the beat an outstanding load waits for
  localparam int FillW = ((DcacheMshrs > 1) ? $clog2(DcacheMshrs) : 1) + $clog2(DcacheLine / 4);
  logic                 dc_fill_valid;
  logic [FillW-1:0]     dc_fill_slot;
  logic [31:0]          dc_fill_data;
  // the core's side of the misaligned-access splitter (outrider_dside_split)
  logic                 core_dreq_valid, core_dreq_ready;
  logic [TidW-1:0]      core_dreq_tid;
  logic [2:0]           core_dreq_op;
  logic [4:0]           core_dreq_amo;
  logic [31:0]          core_dreq_addr, core_dreq_wdata;
  logic [3:0]           core_dreq_be;
  logic                 core_dreq_spec;
  logic [NumCtx-1:0]    core_dresp_valid, core_dresp_err;
  logic [NumCtx*32-1:0] core_dresp_rdata;

  // data side <-> peripherals
  logic                 per_req, per_we;
  logic [31:0]          per_addr, per_wdata;
  logic [3:0]           per_be;
  logic [31:0]          clint_rdata, mmio_rdata;
  logic                 clint_sel_q, ext_sel_q;

  logic [NumCtx-1:0]    mtip, msip;
  logic [NumCtx-1:0]    hpm_dc_miss, hpm_dc_useful;
  logic [63:0]          mtime;
  logic                 mmio_exit_valid;
  logic [31:0]          mmio_exit_value;

  logic [15:0]          dc_pfill_cnt;   // p-thread lines not yet used (distance control)
  logic                 core_pex_keep;  // the cache spares them while a p-thread runs

  // ---- input register (SimRegInputs = 1: the C test bench's model) -----------
  // The answers of the instruction port (imem_rdata_i, imem_err_i), the
  // Wishbone port (wb_dat_i, wb_ack_i, wb_err_i, wb_stall_i) and the I/O
  // window (ext_rdata_i, io_ready_i) pass a flip-flop; the driver sets,
  // before a rising edge, what the port must show in the cycle after it
  // (for a memory model whose answers depend only on the requests of earlier
  // cycles, that is known before the edge). Cycle for cycle the SoC then
  // behaves as with SimRegInputs = 0 and the values driven after the edge,
  // but no combinational logic reads an input: Verilator evaluates every
  // input-dependent process again after each input change, which was a
  // third of the model's time. Never on an FPGA (the block RAM's output
  // register is the instruction port's flip-flop there).
  logic [NumCtx*32-1:0] imem_rdata_in;
  logic [NumCtx-1:0]    imem_err_in;
  logic [31:0]          wb_dat_in, ext_rdata_in;
  logic                 wb_ack_in, wb_err_in, wb_stall_in, io_ready_in;
  if (SimRegInputs != 0) begin : g_in_reg
    always_ff @(posedge clk_i) begin
      imem_rdata_in <= imem_rdata_i;
      imem_err_in   <= imem_err_i;
      wb_dat_in     <= wb_dat_i;
      wb_ack_in     <= wb_ack_i;
      wb_err_in     <= wb_err_i;
      wb_stall_in   <= wb_stall_i;
      ext_rdata_in  <= ext_rdata_i;
      io_ready_in   <= io_ready_i;
    end
  end else begin : g_in_direct
    assign imem_rdata_in = imem_rdata_i;
    assign imem_err_in   = imem_err_i;
    assign wb_dat_in     = wb_dat_i;
    assign wb_ack_in     = wb_ack_i;
    assign wb_err_in     = wb_err_i;
    assign wb_stall_in   = wb_stall_i;
    assign ext_rdata_in  = ext_rdata_i;
    assign io_ready_in   = io_ready_i;
  end

  // meip_i: two-flop synchroniser (the input is asynchronous on a board)
  (* ASYNC_REG = "TRUE" *) logic [NumCtx-1:0] meip_meta_q;
  logic [NumCtx-1:0]    meip_sync;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      meip_meta_q <= '0;
      meip_sync   <= '0;
    end else begin
      meip_meta_q <= meip_i;
      meip_sync   <= meip_meta_q;
    end
  end
  logic perfect;   // the perfect-cache stand-in serves the data side (below)
  outrider_core #(
    .NumCtx      (NumCtx),
    .PauseCycles (PauseCycles),
    .SelectPolicy    (SelectPolicy),
    .StoreBufEntries (StoreBufEntries),
    .DefaultBudget   (DefaultBudget),
    .DefaultPexDist  (DcacheBytes / DcacheLine / 2),
    .BranchPredict   (BranchPredict),
    .LoadForward     (LoadForward),
    .LateAlu         (LateAlu),
    .BtbEntries      (BtbEntries),
    .BhtEntries      (BhtEntries),
    .RasDepth        (RasDepth),
    .NbLoads         (NbLoads),
    .FillW           (FillW),
    .BootAddr        (BootAddr)
  ) u_core (
    .clk_i, .rst_ni,
    .dreq_d2_i (!perfect),   // the cache takes a load in its previous answer's cycle; the dbiu not
    .imem_req_o, .imem_addr_o, .imem_rdata_i (imem_rdata_in), .imem_err_i (imem_err_in),
    .dreq_valid_o (core_dreq_valid), .dreq_ready_i (core_dreq_ready), .dreq_tid_o (core_dreq_tid),
    .dreq_op_o    (core_dreq_op),    .dreq_amo_o   (core_dreq_amo),   .dreq_addr_o (core_dreq_addr),
    .dreq_wdata_o (core_dreq_wdata), .dreq_be_o    (core_dreq_be),    .dreq_spec_o (core_dreq_spec),
    .dresp_valid_i(core_dresp_valid), .dresp_rdata_i(core_dresp_rdata), .dresp_err_i(core_dresp_err),
    .dreq_nb_o (core_dreq_nb), .dresp_nbl_i (core_dresp_nbl),
    .fill_valid_i (dc_fill_valid && !perfect), .fill_slot_i (dc_fill_slot), .fill_data_i (dc_fill_data),
    .retire_rd_late_o, .late_we_o, .late_rd_o, .late_wdata_o,
    .mtip_i (mtip), .msip_i (msip), .meip_i (meip_sync), .mtime_i (mtime),
    .retire_valid_o, .retire_pc_o, .retire_insn_o, .retire_rd_we_o, .retire_rd_o,
    .retire_rd_wdata_o, .retire_addr_o, .trap_valid_o, .trap_cause_o, .trap_tval_o,
    .ctx_active_o, .ctx_pthread_o, .pex_event_o, .pex_enable_i,
    .pex_dist_set_i, .pex_dist_i, .pex_hold_o, .pex_keep_o (core_pex_keep),
    .dpf_valid_o, .dpf_addr_o, .dpf_tid_o, .dpf_spec_o,
    .pfill_cnt_i (dc_pfill_cnt), .evict_useless_i (dc_ev_evict_valid_o && dc_ev_evict_useless_o),
    .dbg_pipe_valid_o (core_pipe_valid), .dbg_pipe_tid_o (core_pipe_tid),
    .dbg_pipe_pc_o (core_pipe_pc), .dbg_pipe_insn_o (core_pipe_insn),
    .dbg_pipe_flags_o (core_pipe_flags), .dport_lost_o,
    .hpm_dc_miss_i (hpm_dc_miss), .hpm_dc_useful_i (hpm_dc_useful),
    .core_ev_o
  );

  // (an elaboration error in Verilator and yosys; Icarus 11 cannot parse it)
`ifndef __ICARUS__
  if ((NbLoads < 0) || (NbLoads > 255)) begin : g_bad_nbloads
    $error("outrider_soc: NbLoads must be 0 (loads block) to 255");
  end
`endif

  // the pipeline debug record leaves the SoC only in simulation builds
  assign dbg_pipe_valid_o = (SimDebug != 0) ? core_pipe_valid : '0;
  assign dbg_pipe_tid_o   = (SimDebug != 0) ? core_pipe_tid   : '0;
  assign dbg_pipe_pc_o    = (SimDebug != 0) ? core_pipe_pc    : '0;
  assign dbg_pipe_insn_o  = (SimDebug != 0) ? core_pipe_insn  : '0;
  assign dbg_pipe_flags_o = (SimDebug != 0) ? core_pipe_flags : '0;

  assign params_o = {8'(PexMshrReserve), 4'(PexMissWait), 4'(DcachePosted), 8'(NbLoads), 8'(DcachePrefetch), 32'(DcacheMshrs), 32'(DcacheLine), 32'(DcacheWays),
                     32'(DcacheBytes), 32'(DefaultBudget), 32'(StoreBufEntries),
                     32'(SelectPolicy), 32'(PauseCycles), 32'(NumCtx)};

  // ---- misaligned loads and stores: a word-crossing access becomes two
  // aligned requests of the same context (outrider_dside_split); everything
  // below sees only aligned words (dreq_*, dresp_*)
  outrider_dside_split #(.NumCtx(NumCtx)) u_dsplit (
    .clk_i, .rst_ni,
    .c_valid_i (core_dreq_valid), .c_ready_o (core_dreq_ready), .c_tid_i (core_dreq_tid),
    .c_op_i    (core_dreq_op),    .c_amo_i   (core_dreq_amo),   .c_addr_i (core_dreq_addr),
    .c_wdata_i (core_dreq_wdata), .c_be_i    (core_dreq_be),    .c_spec_i (core_dreq_spec),
    .c_resp_valid_o (core_dresp_valid), .c_resp_rdata_o (core_dresp_rdata),
    .c_resp_err_o   (core_dresp_err), .c_nb_i (core_dreq_nb), .c_resp_nbl_o (core_dresp_nbl),
    .d_nb_o (dreq_nb), .d_resp_nbl_i (dresp_nbl),
    .d_valid_o (dreq_valid), .d_ready_i (dreq_ready), .d_tid_o (dreq_tid),
    .d_op_o    (dreq_op),    .d_amo_o   (dreq_amo),   .d_addr_o (dreq_addr),
    .d_wdata_o (dreq_wdata), .d_be_o    (dreq_be),    .d_spec_o (dreq_spec),
    .d_resp_valid_i (dresp_valid), .d_resp_rdata_i (dresp_rdata), .d_resp_err_i (dresp_err)
  );

  // ---- data side: the cache, or the uncached dbiu in perfect mode ----------
  // perfect: a register in simulation builds (loaded at the first edge
  // after reset), the constant 0 otherwise (declared before the core)
  if (SimDebug != 0) begin : g_perfect_sel
    logic perfect_q, perfect_load_q;
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        perfect_q      <= 1'b0;
        perfect_load_q <= 1'b1;
      end else if (perfect_load_q) begin
        perfect_q      <= perfect_dcache_i;
        perfect_load_q <= 1'b0;
      end
    end
    assign perfect = perfect_q;
  end else begin : g_perfect_off
    logic unused_perfect;
    assign unused_perfect = perfect_dcache_i;
    assign perfect        = 1'b0;
  end

  // io_ready_i low holds a request to the MMIO or Ext window before the data
  // side sees it (valid and ready both gated; nothing else changes)
  logic                 io_hold, dreq_valid_ds;
  assign io_hold       = !io_ready_in && !dreq_spec &&
                         ((addr_region(dreq_addr) == RegionMmio) ||
                          (addr_region(dreq_addr) == RegionExt));
  assign dreq_valid_ds = dreq_valid && !io_hold;

  logic [31:0]          per_rdata;
  assign per_rdata = clint_sel_q ? clint_rdata : (ext_sel_q ? ext_rdata_in : mmio_rdata);

  // the data cache
  logic                 dc_ready;
  logic [NumCtx-1:0]    dc_resp_valid, dc_resp_err;
  logic [NumCtx*32-1:0] dc_resp_rdata;
  logic                 dc_cyc, dc_stb, dc_we;
  logic [31:0]          dc_adr, dc_dat;
  logic [3:0]           dc_sel;
  logic [2:0]           dc_cti;
  logic [1:0]           dc_bte;
  logic                 dc_per_req, dc_per_we;
  logic [31:0]          dc_per_addr, dc_per_wdata;
  logic [3:0]           dc_per_be;
  logic                 dc_acc_valid, dc_acc_spec;
  logic [TidW-1:0]      dc_acc_tid;
  logic [2:0]           dc_acc_op, dc_acc_cls;
  logic [31:0]          dc_acc_addr;

  outrider_dcache #(
    .NumCtx (NumCtx), .SizeBytes (DcacheBytes), .Ways (DcacheWays), .LineBytes (DcacheLine),
    .NumMshr (DcacheMshrs), .NextLinePrefetch (DcachePrefetch), .DebugPort (SimDebug),
    .PostedStores (DcachePosted), .NbLoads ((NbLoads > 0) ? 1 : 0),
    .PexMshrReserve (PexMshrReserve), .PexMissWait (PexMissWait)
  ) u_dcache (
    .clk_i, .rst_ni,
    .dreq_valid_i (dreq_valid_ds && !perfect), .dreq_ready_o (dc_ready), .dreq_tid_i (dreq_tid),
    .dreq_op_i    (dreq_op),    .dreq_amo_i   (dreq_amo),   .dreq_addr_i (dreq_addr),
    .dreq_wdata_i (dreq_wdata), .dreq_be_i    (dreq_be),    .dreq_spec_i (dreq_spec),
    .dresp_valid_o(dc_resp_valid), .dresp_rdata_o(dc_resp_rdata), .dresp_err_o(dc_resp_err),
    .dreq_nb_i (dreq_nb), .dresp_nbl_o (dc_resp_nbl), .fill_valid_o (dc_fill_valid),
    .fill_slot_o (dc_fill_slot), .fill_data_o (dc_fill_data),
    .wb_cyc_o (dc_cyc), .wb_stb_o (dc_stb), .wb_we_o (dc_we), .wb_adr_o (dc_adr),
    .wb_sel_o (dc_sel), .wb_dat_o (dc_dat), .wb_cti_o (dc_cti), .wb_bte_o (dc_bte),
    .wb_dat_i (wb_dat_in), .wb_ack_i (wb_ack_in && !perfect), .wb_err_i (wb_err_in && !perfect),
    .wb_stall_i (wb_stall_in),
    .per_req_o (dc_per_req), .per_we_o (dc_per_we), .per_addr_o (dc_per_addr),
    .per_wdata_o (dc_per_wdata), .per_be_o (dc_per_be), .per_rdata_i (per_rdata),
    .ev_acc_valid_o (dc_acc_valid), .ev_acc_tid_o (dc_acc_tid),
    .ev_acc_spec_o (dc_acc_spec), .ev_acc_op_o (dc_acc_op),
    .ev_acc_cls_o (dc_acc_cls), .ev_acc_addr_o (dc_acc_addr),
    .ev_fill_valid_o (dc_ev_fill_valid_o), .ev_fill_tid_o (dc_ev_fill_tid_o),
    .ev_fill_spec_o (dc_ev_fill_spec_o), .ev_fill_pref_o (dc_ev_fill_pref_o),
    .ev_fill_addr_o (dc_ev_fill_addr_o),
    .ev_wb_valid_o (dc_ev_wb_valid_o), .ev_wb_tid_o (dc_ev_wb_tid_o), .ev_wb_addr_o (dc_ev_wb_addr_o),
    .ev_evict_valid_o (dc_ev_evict_valid_o), .ev_evict_useless_o (dc_ev_evict_useless_o),
    .ev_evict_spared_o (dc_ev_evict_spared_o),
    .ev_evict_addr_o (dc_ev_evict_addr_o), .ev_mshr_full_o (dc_ev_mshr_full_o),
    .pf_valid_i (dpf_valid_o && !perfect), .pf_addr_i (dpf_addr_o), .pf_tid_i (dpf_tid_o),
    .pf_spec_i (dpf_spec_o), .pfill_cnt_o (dc_pfill_cnt), .pex_keep_i (core_pex_keep),
    .dbg_addr_i, .dbg_hit_o, .dbg_data_o, .dbg_dirty_any_o
  );

  // the uncached path ("perfect cache")
  logic                 pf_ready;
  logic [NumCtx-1:0]    pf_resp_valid, pf_resp_err;
  logic [NumCtx*32-1:0] pf_resp_rdata;
  logic                 pf_cyc, pf_stb, pf_we;
  logic [31:0]          pf_adr, pf_dat;
  logic [3:0]           pf_sel;
  logic                 pf_per_req, pf_per_we;
  logic [31:0]          pf_per_addr, pf_per_wdata;
  logic [3:0]           pf_per_be;

  outrider_dbiu #(.NumCtx(NumCtx)) u_dbiu (
    .clk_i, .rst_ni,
    .dreq_valid_i (dreq_valid_ds && perfect), .dreq_ready_o (pf_ready), .dreq_tid_i (dreq_tid),
    .dreq_op_i    (dreq_op),    .dreq_amo_i   (dreq_amo),   .dreq_addr_i (dreq_addr),
    .dreq_wdata_i (dreq_wdata), .dreq_be_i    (dreq_be),
    .dresp_valid_o(pf_resp_valid), .dresp_rdata_o(pf_resp_rdata), .dresp_err_o(pf_resp_err),
    .wb_cyc_o (pf_cyc), .wb_stb_o (pf_stb), .wb_we_o (pf_we), .wb_adr_o (pf_adr),
    .wb_sel_o (pf_sel), .wb_dat_o (pf_dat),
    .wb_dat_i (wb_dat_in), .wb_ack_i (wb_ack_in && perfect), .wb_err_i (wb_err_in && perfect),
    .wb_stall_i (wb_stall_in),
    .per_req_o (pf_per_req), .per_we_o (pf_per_we), .per_addr_o (pf_per_addr),
    .per_wdata_o (pf_per_wdata), .per_be_o (pf_per_be),
    .per_rdata_i (per_rdata)
  );

  assign dreq_ready  = (perfect ? pf_ready : dc_ready) && !io_hold;
  assign dresp_valid = perfect ? pf_resp_valid : dc_resp_valid;
  assign dresp_rdata = perfect ? pf_resp_rdata : dc_resp_rdata;
  assign dresp_err   = perfect ? pf_resp_err   : dc_resp_err;
  assign dresp_nbl   = perfect ? '0            : dc_resp_nbl;

  assign wb_cyc_o = perfect ? pf_cyc : dc_cyc;
  assign wb_stb_o = perfect ? pf_stb : dc_stb;
  assign wb_we_o  = perfect ? pf_we  : dc_we;
  assign wb_adr_o = perfect ? pf_adr : dc_adr;
  assign wb_sel_o = perfect ? pf_sel : dc_sel;
  assign wb_dat_o = perfect ? pf_dat : dc_dat;
  assign wb_cti_o = perfect ? 3'b000 : dc_cti;
  assign wb_bte_o = perfect ? 2'b00  : dc_bte;

  assign per_req   = perfect ? pf_per_req   : dc_per_req;
  assign per_we    = perfect ? pf_per_we    : dc_per_we;
  assign per_addr  = perfect ? pf_per_addr  : dc_per_addr;
  assign per_wdata = perfect ? pf_per_wdata : dc_per_wdata;
  assign per_be    = perfect ? pf_per_be    : dc_per_be;

  // In perfect mode every accepted RAM load/store/LR/SC/AMO is reported as
  // a hit in the acceptance cycle (the cache reports its accesses in stage 1).
  logic pf_acc;
  assign pf_acc = perfect && dreq_valid && dreq_ready && (dreq_op <= DopAmo) &&
                  addr_is_ram(dreq_addr);
  assign dc_ev_acc_valid_o = perfect ? pf_acc     : dc_acc_valid;
  assign dc_ev_acc_tid_o   = perfect ? dreq_tid   : dc_acc_tid;
  assign dc_ev_acc_spec_o  = perfect ? dreq_spec  : dc_acc_spec;
  assign dc_ev_acc_op_o    = perfect ? dreq_op    : dc_acc_op;
  assign dc_ev_acc_cls_o   = perfect ? 3'd0       : dc_acc_cls;
  assign dc_ev_acc_addr_o  = perfect ? dreq_addr  : dc_acc_addr;

  // the core's performance counters (mhpmcounter6/7, docs/core.md): a
  // hart's own access that allocated an MSHR, or was the first hit on a
  // p-thread-filled line (never in perfect mode: everything hits there)
  for (genvar t = 0; t < NumCtx; t++) begin : g_hpm_ev
    logic own;
    assign own = !perfect && dc_acc_valid && !dc_acc_spec && (dc_acc_tid == TidW'(t));
    assign hpm_dc_miss[t]   = own && (dc_acc_cls == DcClsMiss);
    assign hpm_dc_useful[t] = own && (dc_acc_cls == DcClsUseful);
  end

  // Peripheral select: CLINT, MMIO or Ext (the data side only forwards
  // those windows on the peripheral port). Reads answer one cycle after the
  // request.
  logic clint_sel, mmio_sel, ext_sel;
  assign clint_sel = (addr_region(per_addr) == RegionClint);
  assign mmio_sel  = (addr_region(per_addr) == RegionMmio);
  assign ext_sel   = (addr_region(per_addr) == RegionExt);
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      clint_sel_q <= 1'b0;
      ext_sel_q   <= 1'b0;
    end else if (per_req) begin
      clint_sel_q <= clint_sel;
      ext_sel_q   <= ext_sel;
    end
  end

  assign ext_req_o   = per_req & ext_sel;
  assign ext_we_o    = per_we;
  assign ext_addr_o  = per_addr[15:0];
  assign ext_wdata_o = per_wdata;
  assign ext_be_o    = per_be;

  outrider_clint #(.NumCtx(NumCtx)) u_clint (
    .clk_i, .rst_ni,
    .req_i (per_req & clint_sel), .we_i (per_we), .addr_i (per_addr[15:0]),
    .wdata_i (per_wdata), .be_i (per_be), .rdata_o (clint_rdata),
    .mtip_o (mtip), .msip_o (msip), .mtime_o (mtime)
  );

  outrider_mmio u_mmio (
    .clk_i, .rst_ni,
    .req_i (per_req & mmio_sel), .we_i (per_we), .addr_i (per_addr[11:0]),
    .wdata_i (per_wdata), .be_i (per_be), .rdata_o (mmio_rdata),
    .console_valid_o, .console_data_o, .console_err_o,
    .exit_valid_o (mmio_exit_valid), .exit_value_o (mmio_exit_value)
  );

  // riscv-tests tohost: snoop accepted word stores of a non-zero value.
  logic tohost_hit;
  assign tohost_hit = tohost_en_i && dreq_valid && dreq_ready && (dreq_op == DopStore) &&
                      (dreq_addr == tohost_addr_i) && (dreq_be == 4'hF) &&
                      (dreq_wdata != 32'd0);


  assign exit_valid_o  = mmio_exit_valid | tohost_hit;
  assign exit_tohost_o = tohost_hit;
  assign exit_value_o  = tohost_hit ? dreq_wdata : mmio_exit_value;
  // ---- protocol checkers (rtl/check/): bound in every simulation the test
  // bench builds (OUTRIDER_ASSERT), absent from synthesis
`ifdef OUTRIDER_ASSERT
  // both sides of the splitter: the core's port and the data side's
  outrider_dside_checker #(.NumCtx(NumCtx)) u_dside_chk (
    .clk_i, .rst_ni,
    .dreq_valid_i (dreq_valid), .dreq_ready_i (dreq_ready), .dreq_tid_i (dreq_tid),
    .dreq_op_i (dreq_op), .dreq_be_i (dreq_be), .dreq_nb_i (dreq_nb), .dresp_valid_i (dresp_valid),
    .dresp_err_i (dresp_err), .dresp_nbl_i (dresp_nbl)
  );
  outrider_dside_checker #(.NumCtx(NumCtx)) u_dside_core_chk (
    .clk_i, .rst_ni,
    .dreq_valid_i (core_dreq_valid), .dreq_ready_i (core_dreq_ready), .dreq_tid_i (core_dreq_tid),
    .dreq_op_i (core_dreq_op), .dreq_be_i (core_dreq_be), .dreq_nb_i (core_dreq_nb),
    .dresp_valid_i (core_dresp_valid),
    .dresp_err_i (core_dresp_err), .dresp_nbl_i (core_dresp_nbl)
  );
  outrider_wb_checker u_wb_chk (
    .clk_i, .rst_ni,
    .cyc_i (wb_cyc_o), .stb_i (wb_stb_o), .we_i (wb_we_o), .adr_i (wb_adr_o),
    .sel_i (wb_sel_o), .dat_i (wb_dat_o), .cti_i (wb_cti_o),
    .ack_i (wb_ack_in), .err_i (wb_err_in), .stall_i (wb_stall_in)
  );
`endif
endmodule
