// SPDX-License-Identifier: Apache-2.0
// outrider_csr_file: all CSRs of outrider_core: one outrider_csr per context
// (machine-mode CSRs, trap state, counters) and the pre-execution CSRs shared
// by all contexts (docs/preexec.md, section 3):
//   pexctl    (0x7C0, RW) bit 0 EN: 0 = every spawn is refused; loaded from
//             pex_enable_i in the first cycle after reset;
//   pexbudget (0x7C1, RW) a p-thread stops after this many instructions
//             (0 = no budget); reset DefaultBudget;
//   pexdist   (CsrPexDist, RW) bits [15:0]: the p-thread distance limit in
//             lines (docs/preexec.md 4.5), 0 = no limit; reset
//             DefaultPexDist, or pex_dist_i when pex_dist_set_i (loaded in
//             the first cycle after reset, like pexctl.EN);
//   pexstatus (0xFC0, RO) bits [NumCtx-1:0] context active, bits
//             [16+NumCtx-1:16] context runs a p-thread;
// and the region-of-interest marker, also shared (docs/testbench.md):
//   roi       (0x7C2, RW) bit 0 = inside a region of interest (roi_begin /
//             roi_end, sw/include/outrider/roi.h); reset 0; no effect on
//             execution. It has no port: the test bench reads the register
//             roi_q (outrider_soc.u_core.u_csr_file.roi_q) through the
//             Verilated model, as it reads the register file.
// Each issue lane's commit point has its own access port (lane t = context
// t: addr_i[12*t +: 12], ...) for the instruction in its MEM stage: the read
// and the illegal check are combinational; a write happens at the clock edge
// when write_i[t] (the context's CSRs) or write_pex_i[t] (the shared CSRs)
// is set, which outrider_commit only does for a hart's committing CSR
// instruction. The shared CSRs take at most one write per cycle: the core
// replays a lane's write when a lower lane writes one of them in the same
// cycle (pex_csr_o tells it which accesses are to shared CSRs); should two
// writes still arrive, the lowest lane's is taken.
//
// It does not decide when a trap happens (trap_i/mret_i come from
// outrider_ctx_ctrl) and does not act on pexctl/pexbudget itself
// (outrider_preexec reads pex_en_o/pex_budget_o).
//
// Timing: rdata_o/illegal_o combinational from addr_i and the CSR
// state; irq_*_o from the interrupt lines and mie/mstatus.
module outrider_csr_file #(
  parameter int NumCtx        = 2,
  parameter int DefaultBudget = 65536,
  parameter int DefaultPexDist = 64
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // the CSR instruction in each lane's MEM stage
  input  logic [NumCtx*12-1:0] addr_i,
  input  logic [NumCtx*2-1:0]  op_i,           // CsrOpRw/Rs/Rc
  input  logic [NumCtx*32-1:0] wdata_i,        // rs1 value or zero-extended immediate
  input  logic [NumCtx-1:0]    write_intent_i, // a CSR instruction that would write
  input  logic [NumCtx-1:0]    write_i,        // it executes now (a hart's)
  input  logic [NumCtx-1:0]    write_pex_i,    // ... and goes on to WB
  output logic [NumCtx*32-1:0] rdata_o,
  output logic [NumCtx-1:0]    illegal_o,
  output logic [NumCtx-1:0]    pex_csr_o,      // the address is a shared CSR

  // per context: traps, returns, interrupts, counter events
  input  logic [NumCtx-1:0]    trap_i,
  input  logic [NumCtx*32-1:0] trap_cause_i,
  input  logic [NumCtx*32-1:0] trap_pc_i,
  input  logic [NumCtx*32-1:0] trap_tval_i,
  input  logic [NumCtx*32-1:0] vec_cause_i,   // MEM's trap cause: trap_vector_o is its vector
  output logic [NumCtx*32-1:0] trap_vector_o,
  output logic [NumCtx*32-1:0] exc_vector_o,  // every exception's (mtvec's base)
  input  logic [NumCtx-1:0]    mret_i,
  output logic [NumCtx*32-1:0] mepc_o,
  input  logic [NumCtx-1:0]    mtip_i,
  input  logic [NumCtx-1:0]    msip_i,
  input  logic [NumCtx-1:0]    meip_i,
  input  logic [63:0]          mtime_i,
  output logic [NumCtx-1:0]    irq_pending_o,
  output logic [NumCtx-1:0]    irq_take_o,
  output logic [NumCtx*32-1:0] irq_cause_o,
  input  logic [NumCtx-1:0]    retire_i,
  input  logic [NumCtx-1:0]    retire_rd_i,   // ... as a CSR read in MEM sees it (outrider_csr)
  input  logic [NumCtx-1:0]    ev_mem_wait_i,  // hpm3
  input  logic [NumCtx-1:0]    ev_redirect_i,  // hpm4
  input  logic [NumCtx-1:0]    ev_idle_i,      // hpm5
  input  logic [NumCtx-1:0]    ev_dc_miss_i,   // hpm6
  input  logic [NumCtx-1:0]    ev_dc_useful_i, // hpm7
  input  logic [7:0]           pex_event_i,    // PexEv* pulses: spawn -> hpm8, refused -> hpm9 (every context)

  // pre-execution CSRs
  input  logic [NumCtx-1:0]    active_i,       // for pexstatus
  input  logic [NumCtx-1:0]    pthread_i,
  input  logic                 pex_enable_i,   // pexctl.EN after reset
  output logic                 pex_en_o,
  output logic [31:0]          pex_budget_o,
  input  logic                 pex_dist_set_i, // pexdist after reset: pex_dist_i ...
  input  logic [15:0]          pex_dist_i,     // ... instead of DefaultPexDist
  output logic [15:0]          pex_dist_o
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"

  // ---- the contexts' CSRs ----------------------------------------------------------
  logic [31:0]       ctx_rdata [NumCtx];
  logic [NumCtx-1:0] ctx_illegal;
  logic [NumCtx-1:0] csr_we;   // a CSR instruction writes context t's CSRs
  logic [NumCtx-1:0] pex_csr;  // lane t's address is a shared CSR

  for (genvar t = 0; t < NumCtx; t++) begin : g_ctx
    assign csr_we[t] = write_i[t] && !pex_csr[t];

    outrider_csr #(.HartId(32'(t))) u_csr (
      .clk_i, .rst_ni,
      .addr_i         (addr_i[12*t +: 12]),
      .write_i        (csr_we[t]),
      .op_i           (op_i[2*t +: 2]),
      .wdata_i        (wdata_i[32*t +: 32]),
      .write_intent_i (write_intent_i[t]),
      .rdata_o        (ctx_rdata[t]),
      .illegal_o      (ctx_illegal[t]),
      .trap_i         (trap_i[t]),
      .trap_cause_i   (trap_cause_i[32*t +: 32]),
      .trap_pc_i      (trap_pc_i[32*t +: 32]),
      .trap_tval_i    (trap_tval_i[32*t +: 32]),
      .vec_cause_i    (vec_cause_i[32*t +: 32]),
      .trap_vector_o  (trap_vector_o[32*t +: 32]),
      .exc_vector_o   (exc_vector_o[32*t +: 32]),
      .mret_i         (mret_i[t]),
      .mepc_o         (mepc_o[32*t +: 32]),
      .mtip_i         (mtip_i[t]),
      .msip_i         (msip_i[t]),
      .meip_i         (meip_i[t]),
      .irq_pending_o  (irq_pending_o[t]),
      .irq_take_o     (irq_take_o[t]),
      .irq_cause_o    (irq_cause_o[32*t +: 32]),
      .mtime_i,
      .retire_i       (retire_i[t]),
      .retire_rd_i    (retire_rd_i[t]),
      .ev_mem_wait_i  (ev_mem_wait_i[t]),
      .ev_redirect_i  (ev_redirect_i[t]),
      .ev_idle_i      (ev_idle_i[t]),
      .ev_dc_miss_i   (ev_dc_miss_i[t]),
      .ev_dc_useful_i (ev_dc_useful_i[t]),
      .ev_spawn_i     (pex_event_i[PexEvSpawn]),
      .ev_refused_i   (pex_event_i[PexEvRefused])
    );
  end

  // ---- pre-execution CSRs -----------------------------------------------------------
  logic        pex_en_q, pex_init_q;   // pexctl.EN; load it from pex_enable_i after reset
  logic [31:0] pex_budget_q;           // pexbudget
  logic [15:0] pex_dist_q;             // pexdist
  logic        roi_q;                  // roi
  logic [31:0] pex_status;
  logic [NumCtx-1:0] pt_running;
  logic [31:0] pex_rdata [NumCtx];
  logic [31:0] pex_wval  [NumCtx];
  logic [NumCtx-1:0] pex_write;   // lane t writes a shared CSR now

  assign pt_running = active_i & pthread_i;
  assign pex_status = 32'(active_i) | (32'(pt_running) << 16);

  for (genvar t = 0; t < NumCtx; t++) begin : g_lane
    logic [11:0] addr;
    logic [31:0] wdata;
    assign addr  = addr_i[12*t +: 12];
    assign wdata = wdata_i[32*t +: 32];
    always_comb begin
      pex_csr[t] = 1'b1;
      unique case (addr)
        CsrPexCtl:    pex_rdata[t] = {31'd0, pex_en_q};
        CsrPexBudget: pex_rdata[t] = pex_budget_q;
        CsrPexDist:   pex_rdata[t] = {16'd0, pex_dist_q};
        CsrPexStatus: pex_rdata[t] = pex_status;
        CsrRoi:       pex_rdata[t] = {31'd0, roi_q};
        default: begin
          pex_csr[t]   = 1'b0;
          pex_rdata[t] = 32'd0;
        end
      endcase
      unique case (op_i[2*t +: 2])
        CsrOpRs: pex_wval[t] = pex_rdata[t] | wdata;
        CsrOpRc: pex_wval[t] = pex_rdata[t] & ~wdata;
        default: pex_wval[t] = wdata;
      endcase
    end
    assign rdata_o[32*t +: 32] = pex_csr[t] ? pex_rdata[t] : ctx_rdata[t];
    assign illegal_o[t] = pex_csr[t] ? ((addr == CsrPexStatus) && write_intent_i[t])
                                     : ctx_illegal[t];
    // global pre-execution CSR writes (harts only)
    assign pex_write[t] = write_pex_i[t] && pex_csr[t] && write_intent_i[t];
  end
  assign pex_csr_o = pex_csr;

  // the one write of this cycle: the lowest lane's
  logic        wr_any;
  logic [11:0] wr_addr;
  logic [31:0] wr_val;
  always_comb begin
    wr_any  = 1'b0;
    wr_addr = 12'd0;
    wr_val  = 32'd0;
    for (int t = NumCtx - 1; t >= 0; t--) begin
      if (pex_write[t]) begin
        wr_any  = 1'b1;
        wr_addr = addr_i[12*t +: 12];
        wr_val  = pex_wval[t];
      end
    end
  end

  logic wr_multi;   // more than one lane writes (the core replays all but one)
  always_comb begin
    wr_multi = 1'b0;
    for (int t = 1; t < NumCtx; t++) begin
      for (int u = 0; u < NumCtx; u++) if ((u < t) && pex_write[t] && pex_write[u]) wr_multi = 1'b1;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pex_init_q   <= 1'b1;
      pex_en_q     <= 1'b1;
      pex_budget_q <= 32'(DefaultBudget);
      pex_dist_q   <= 16'(DefaultPexDist);
      roi_q        <= 1'b0;
    end else begin
      pex_init_q <= 1'b0;
      if (pex_init_q) pex_en_q <= pex_enable_i;   // --no-preexec starts disabled
      if (pex_init_q && pex_dist_set_i) pex_dist_q <= pex_dist_i;   // smtsim --pexdist
      if (wr_any && (wr_addr == CsrPexCtl))    pex_en_q     <= wr_val[0];
      if (wr_any && (wr_addr == CsrPexBudget)) pex_budget_q <= wr_val;
      if (wr_any && (wr_addr == CsrPexDist))   pex_dist_q   <= wr_val[15:0];
      if (wr_any && (wr_addr == CsrRoi))       roi_q        <= wr_val[0];
    end
  end

  logic unused_csrf;
  assign unused_csrf = wr_multi;   // read by the assertion below only

  assign pex_en_o     = pex_en_q;
  assign pex_budget_o = pex_budget_q;
  assign pex_dist_o   = pex_dist_q;

  `include "outrider_assert.svh"
  for (genvar t = 0; t < NumCtx; t++) begin : g_assert
    `OR_ASSERT(!(csr_we[t] && pthread_i[t]), "a p-thread never writes its CSRs")
  end
  `OR_ASSERT((pex_write & pthread_i) == '0, "a p-thread never writes pexctl/pexbudget/roi")
  `OR_ASSERT(!wr_multi, "at most one lane writes a shared CSR per cycle")
endmodule
