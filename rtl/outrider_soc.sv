// outrider_soc: the simulation/SoC top. The two-context core, its data side
// (today an uncached bus interface; the data cache replaces it), the CLINT
// and the MMIO block (console, simulation control).
//
// What it is not: it holds no RAM. Instruction fetch and the Wishbone data
// port go out of this module; the test bench (tb/) or an FPGA top
// (fpga/) supplies the memory behind them.
//
// Instruction port contract: when imem_req_o is high in cycle N, imem_rdata_i
// and imem_err_i in cycle N+1 hold the word at imem_addr_o of cycle N (what a
// block RAM with a registered read gives).
module outrider_soc #(
  parameter int NumCtx      = 2,
  parameter int PauseCycles = 32,   // issue slots a `pause` gives up
  parameter int SelectPolicy = 1,     // thread select: 0 round-robin, 1 harts before
                                      // p-threads (main-thread-first), 2 context 0 first
  parameter int StoreBufEntries = 8,  // p-thread store buffer entries (per context)
  parameter int DefaultBudget = 65536 // reset value of the pexbudget CSR
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,

  // instruction fetch (block-RAM-like, 1-cycle)
  output logic                     imem_req_o,
  output logic [31:0]              imem_addr_o,
  input  logic [31:0]              imem_rdata_i,
  input  logic                     imem_err_i,

  // Wishbone B4 pipelined master: RAM (byte addresses, 32-bit data)
  output logic                     wb_cyc_o,
  output logic                     wb_stb_o,
  output logic                     wb_we_o,
  output logic [31:0]              wb_adr_o,
  output logic [3:0]               wb_sel_o,
  output logic [31:0]              wb_dat_o,
  input  logic [31:0]              wb_dat_i,
  input  logic                     wb_ack_i,
  input  logic                     wb_err_i,
  input  logic                     wb_stall_i,

  // external interrupts (one per context)
  input  logic [NumCtx-1:0]        meip_i,

  // riscv-tests `tohost` (from the ELF symbol table)
  input  logic                     tohost_en_i,
  input  logic [31:0]              tohost_addr_i,

  // simulation control
  output logic                     console_valid_o,
  output logic [7:0]               console_data_o,
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
  output logic [NumCtx-1:0]        ctx_active_o,
  output logic [NumCtx-1:0]        ctx_pthread_o,
  output logic [7:0]               pex_event_o,     // PexEv* pulses (outrider_defs.svh)
  input  logic                     pex_enable_i     // pre-execution enabled after reset
);
  `include "outrider_defs.svh"

  localparam int TidW = (NumCtx > 1) ? $clog2(NumCtx) : 1;

  // core <-> data side
  logic                 dreq_valid, dreq_ready;
  logic [TidW-1:0]      dreq_tid;
  logic [2:0]           dreq_op;
  logic [4:0]           dreq_amo;
  logic [31:0]          dreq_addr, dreq_wdata;
  logic [3:0]           dreq_be;
  logic                 dreq_spec;     // p-thread request (for the data cache)
  logic [NumCtx-1:0]    dresp_valid, dresp_err;
  logic [NumCtx*32-1:0] dresp_rdata;

  // data side <-> peripherals
  logic                 per_req, per_we;
  logic [31:0]          per_addr, per_wdata;
  logic [3:0]           per_be;
  logic [31:0]          clint_rdata, mmio_rdata;
  logic                 clint_sel_q;

  logic [NumCtx-1:0]    mtip, msip;
  logic [63:0]          mtime;
  logic                 mmio_exit_valid;
  logic [31:0]          mmio_exit_value;

  outrider_core #(
    .NumCtx      (NumCtx),
    .PauseCycles (PauseCycles),
    .SelectPolicy    (SelectPolicy),
    .StoreBufEntries (StoreBufEntries),
    .DefaultBudget   (DefaultBudget)
  ) u_core (
    .clk_i, .rst_ni,
    .imem_req_o, .imem_addr_o, .imem_rdata_i, .imem_err_i,
    .dreq_valid_o (dreq_valid), .dreq_ready_i (dreq_ready), .dreq_tid_o (dreq_tid),
    .dreq_op_o    (dreq_op),    .dreq_amo_o   (dreq_amo),   .dreq_addr_o (dreq_addr),
    .dreq_wdata_o (dreq_wdata), .dreq_be_o    (dreq_be),    .dreq_spec_o (dreq_spec),
    .dresp_valid_i(dresp_valid), .dresp_rdata_i(dresp_rdata), .dresp_err_i(dresp_err),
    .mtip_i (mtip), .msip_i (msip), .meip_i, .mtime_i (mtime),
    .retire_valid_o, .retire_pc_o, .retire_insn_o, .retire_rd_we_o, .retire_rd_o,
    .retire_rd_wdata_o, .ctx_active_o, .ctx_pthread_o, .pex_event_o, .pex_enable_i
  );

  outrider_dbiu #(.NumCtx(NumCtx)) u_dbiu (
    .clk_i, .rst_ni,
    .dreq_valid_i (dreq_valid), .dreq_ready_o (dreq_ready), .dreq_tid_i (dreq_tid),
    .dreq_op_i    (dreq_op),    .dreq_amo_i   (dreq_amo),   .dreq_addr_i (dreq_addr),
    .dreq_wdata_i (dreq_wdata), .dreq_be_i    (dreq_be),
    .dresp_valid_o(dresp_valid), .dresp_rdata_o(dresp_rdata), .dresp_err_o(dresp_err),
    .wb_cyc_o, .wb_stb_o, .wb_we_o, .wb_adr_o, .wb_sel_o, .wb_dat_o,
    .wb_dat_i, .wb_ack_i, .wb_err_i, .wb_stall_i,
    .per_req_o (per_req), .per_we_o (per_we), .per_addr_o (per_addr),
    .per_wdata_o (per_wdata), .per_be_o (per_be),
    .per_rdata_i (clint_sel_q ? clint_rdata : mmio_rdata)
  );

  // Peripheral select: CLINT or MMIO (the data side only forwards those two
  // windows on the peripheral port). Reads answer one cycle after the request.
  logic clint_sel;
  assign clint_sel = ((per_addr & ClintMask) == ClintBase);
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) clint_sel_q <= 1'b0;
    else if (per_req) clint_sel_q <= clint_sel;
  end

  outrider_clint #(.NumCtx(NumCtx)) u_clint (
    .clk_i, .rst_ni,
    .req_i (per_req & clint_sel), .we_i (per_we), .addr_i (per_addr[15:0]),
    .wdata_i (per_wdata), .be_i (per_be), .rdata_o (clint_rdata),
    .mtip_o (mtip), .msip_o (msip), .mtime_o (mtime)
  );

  outrider_mmio u_mmio (
    .clk_i, .rst_ni,
    .req_i (per_req & ~clint_sel), .we_i (per_we), .addr_i (per_addr[11:0]),
    .wdata_i (per_wdata), .be_i (per_be), .rdata_o (mmio_rdata),
    .console_valid_o, .console_data_o,
    .exit_valid_o (mmio_exit_valid), .exit_value_o (mmio_exit_value)
  );

  // riscv-tests tohost: snoop accepted word stores of a non-zero value.
  logic tohost_hit;
  assign tohost_hit = tohost_en_i && dreq_valid && dreq_ready && (dreq_op == DopStore) &&
                      (dreq_addr == tohost_addr_i) && (dreq_be == 4'hF) &&
                      (dreq_wdata != 32'd0);

  logic unused_spec;
  assign unused_spec = dreq_spec;

  assign exit_valid_o  = mmio_exit_valid | tohost_hit;
  assign exit_tohost_o = tohost_hit;
  assign exit_value_o  = tohost_hit ? dreq_wdata : mmio_exit_value;
endmodule
