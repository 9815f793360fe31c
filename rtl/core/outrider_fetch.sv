// SPDX-License-Identifier: Apache-2.0
// outrider_fetch: the IF stage of an issue lane (outrider_lane) and the
// IF/ID register.
//
// Each cycle it picks one eligible context (outrider_thread_select) and sends
// that context's PC (pc_q[t], kept by outrider_ctx_ctrl) to the instruction
// port. In outrider_lane the context masks are restricted to the lane's own
// context, so it fetches for that context whenever it is eligible (the
// select keeps the module usable for a shared front end). A context is eligible when it is active, not parked on a late result,
// not in wfi, not in a pause, and has no `pause` in EX or MEM (it stops
// fetching as soon as its pause reaches EX, so the slots up to the pause's
// commit go to the other context instead of to instructions MEM would
// squash). The IF/ID register holds the fetched instruction's context and
// PC; the word itself comes from the instruction port one cycle later
// (block-RAM timing), or from the hold register while ID stalls.
//
// It does not compute the next PC (outrider_ctx_ctrl does: fire_if_o and
// tid_if_o tell it which context advanced) and does not decode.
//
// The instruction port reads whenever a context could fetch (imem_req_o),
// also in a cycle in which ID stalls and IF therefore does not fire: the
// word read then is never used (the cycle after a stall ID takes its
// instruction from the hold register), so the port's enable does not wait
// for ID's decision (the instruction word -> decode -> load-use check ->
// stall path then ends at registers of the core, not at the instruction
// memory's enable).
//
// Timing: imem_addr_o/imem_req_o are combinational from the context state
// (registers only); fire_if_o also from stall_id_i; instr_id_o is
// imem_rdata_i of the cycle after the fetch, or the held word.
module outrider_fetch #(
  parameter int NumCtx       = 2,
  parameter int SelectPolicy = 1,
  parameter int TidW         = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  // context state (outrider_ctx_ctrl)
  input  logic [NumCtx-1:0]    active_i,     // running as a hart or p-thread
  input  logic [NumCtx-1:0]    wait_i,       // parked on a late result
  input  logic [NumCtx-1:0]    sleep_i,      // in wfi
  input  logic [NumCtx-1:0]    pausing_i,    // pause counter running
  input  logic [NumCtx-1:0]    pthread_i,    // runs a p-thread (fetches after the harts)
  input  logic [NumCtx*32-1:0] pc_i,         // pc_q[t]: next fetch PC per context
  // a `pause` in flight (EX, MEM)
  input  logic                 pause_ex_i,   // valid in EX and a pause
  input  logic [TidW-1:0]      tid_ex_i,
  input  logic                 pause_mem_i,  // valid in MEM and a pause
  input  logic [TidW-1:0]      tid_mem_i,

  input  logic                 stall_id_i,   // ID holds its instruction (load-use)
  input  logic [NumCtx-1:0]    kill_if_i,    // squash the context's instruction in IF
  input  logic [NumCtx-1:0]    kill_id_i,    // ... in ID

  output logic                 imem_req_o,
  output logic [31:0]          imem_addr_o,
  input  logic [31:0]          imem_rdata_i,
  input  logic                 imem_err_i,

  output logic [NumCtx-1:0]    eligible_o,   // contexts that could fetch this cycle
  output logic                 fire_if_o,    // context tid_if_o fetched this cycle
  output logic [TidW-1:0]      tid_if_o,

  // the IF/ID register: the instruction in ID
  output logic                 valid_id_o,
  output logic [TidW-1:0]      tid_id_o,
  output logic [31:0]          pc_id_o,
  output logic [31:0]          instr_id_o,
  output logic                 ierr_id_o     // fetch access fault
);
  logic [31:0]       pc_q [NumCtx];
  logic [NumCtx-1:0] pause_flight;   // a `pause` of this context is in EX or MEM
  logic [NumCtx-1:0] eligible;
  logic              valid_if;
  logic [TidW-1:0]   tid_if;

  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      pc_q[t]         = pc_i[32*t +: 32];
      pause_flight[t] = (pause_ex_i && (tid_ex_i == TidW'(t))) ||
                        (pause_mem_i && (tid_mem_i == TidW'(t)));
      eligible[t]     = active_i[t] && !wait_i[t] && !sleep_i[t] && !pausing_i[t] &&
                        !pause_flight[t];
    end
  end

  outrider_thread_select #(.NumCtx(NumCtx), .Policy(SelectPolicy)) u_select (
    .clk_i, .rst_ni,
    .eligible_i (eligible),
    .prio_i     (~pthread_i),
    .advance_i  (fire_if_o),
    .valid_o    (valid_if),
    .tid_o      (tid_if)
  );

  assign eligible_o  = eligible;
  assign fire_if_o   = valid_if && !stall_id_i;
  assign tid_if_o    = tid_if;
  assign imem_req_o  = valid_if;   // not fire_if_o: see the header
  assign imem_addr_o = pc_q[tid_if];

  // ---- IF/ID register ------------------------------------------------------
  logic            valid_id_q;
  logic [TidW-1:0] tid_id_q;
  logic [31:0]     pc_id_q;
  logic            hold_q;        // ID stalled last cycle: use the held word
  logic [31:0]     hold_insn_q;
  logic            hold_err_q;

  assign instr_id_o = hold_q ? hold_insn_q : imem_rdata_i;
  assign ierr_id_o  = hold_q ? hold_err_q  : imem_err_i;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_id_q <= 1'b0;
      hold_q     <= 1'b0;
    end else if (stall_id_i) begin
      valid_id_q <= valid_id_q && !kill_id_i[tid_id_q];
      hold_q     <= 1'b1;
    end else begin
      valid_id_q <= fire_if_o && !kill_if_i[tid_if];
      hold_q     <= 1'b0;
    end
  end

  always_ff @(posedge clk_i) begin
    if (stall_id_i) begin
      hold_insn_q <= instr_id_o;
      hold_err_q  <= ierr_id_o;
    end else if (fire_if_o) begin
      tid_id_q <= tid_if;
      pc_id_q  <= pc_q[tid_if];
    end
  end

  assign valid_id_o = valid_id_q;
  assign tid_id_o   = tid_id_q;
  assign pc_id_o    = pc_id_q;

  `include "outrider_assert.svh"
  `OR_ASSERT(!fire_if_o || eligible[tid_if], "only an eligible context fetches")
  `OR_ASSERT(!fire_if_o || !pause_flight[tid_if], "a context with a pause in EX/MEM does not fetch")
endmodule
