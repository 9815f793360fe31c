// SPDX-License-Identifier: Apache-2.0
`include "outrider_core_pipe.svh"
// outrider_commit: the MEM stage of outrider_core, its commit point, and the
// MEM/WB register.
//
// Here an instruction either commits or does not: it decides whether the
// instruction in MEM traps (exceptions recorded by ID/EX, an illegal CSR
// access, hart.exit on context 0, or an interrupt the CSR file says to take;
// harts only), executes (go_mem_o), or is replayed because the data side did
// not accept its request, or another issue lane holds a shared resource it
// needs this cycle (replay_mem_o: the context re-fetches from it). It
// forms the data-side request of a committing memory operation (req_mem_o;
// outrider_preexec gates it for p-threads and drives dreq_valid_o/op/spec),
// reads and writes CSRs through outrider_csr_file, starts divides
// (div_start_o, run by outrider_writeback), and picks the value the
// instruction carries to WB: the CSR value, hart.start's / pex.spawn's
// context number, a p-thread SC's failure, a suppressed p-thread load's 0,
// or EX's result. The MEM/WB register (wb_o: outrider_memwb_t, valid_wb_o,
// tid_wb_o) is loaded every cycle.
//
// Behind an instruction in WB that waits for its answer (a data-side
// request or a divide: wb_wait_i, from the MEM/WB register) only a plain
// instruction may go on (ALU, branch, jump, multiply: nothing that changes
// state outside the pipeline registers), because whether WB completes,
// parks, traps or leaves its load outstanding is known only from this
// cycle's answer, and the squash of the younger instructions that follows
// comes a cycle later, from a register (outrider_ctx_ctrl: kill_wb). Any
// other instruction (a memory operation, CSR access, divide, exception,
// fence, system or pre-execution instruction, a prefetch hint, a
// p-thread's last instruction within its budget: pt_last_i) waits in MEM
// for that cycle (wb_hold_o: the lane holds as when the data port is
// lost), and no interrupt is taken. So the answer reaches nothing here.
// Except a hart's plain aligned load to RAM behind a data-side request
// that was not split (d2_mem, with d2_en_i: the data cache takes it in the
// answer's cycle and drops it if that answer does not come; a load changes
// no state but the cache's, so the squash a cycle later may still take it).
//
// It does not decide what happens to the context (new PC, parking, pause,
// sleep, start/stop: outrider_ctx_ctrl), nor what a p-thread may do
// (outrider_preexec says when a p-thread stops instead of committing,
// pt_exc_mem_i, and whether its request may go out).
//
// Timing: combinational from the EX/MEM register, the CSR file's read port,
// the context state and dreq_ready_i (replay); the MEM/WB register is the
// only state. Nothing here depends on the data side's answer (dresp_*).
module outrider_commit #(
  parameter int NumCtx = 2,
  parameter int TidW   = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,

  input  logic                 valid_mem_i,
  input  logic [TidW-1:0]      tid_mem_i,
  input  outrider_exmem_t      mem_i,
  input  logic [NumCtx-1:0]    kill_mem_i,    // squash the context's instruction in MEM
  input  logic [NumCtx-1:0]    pthread_i,     // context runs a p-thread

  // CSR file (outrider_csr_file): access of the instruction in MEM
  output logic [11:0]          csr_addr_o,
  output logic [1:0]           csr_op_o,
  output logic [31:0]          csr_wdata_o,
  output logic                 csr_write_intent_o,
  output logic                 csr_write_o,     // a hart's CSR instruction executes now
  output logic                 csr_write_pex_o, // ... and goes on to WB (pexctl/pexbudget)
  input  logic [31:0]          csr_rdata_i,
  input  logic                 csr_illegal_i,
  input  logic [NumCtx-1:0]    irq_take_i,      // per context: take an interrupt now
  input  logic [NumCtx-1:0]    irq_pending_i,   // per context: wakes wfi
  input  logic [NumCtx*32-1:0] irq_cause_i,

  // pre-execution (outrider_preexec)
  output logic                 pt_mem_o,        // the instruction belongs to a p-thread
  output logic                 exc_any_mem_o,   // it would trap in a hart
  input  logic                 pt_exc_mem_i,    // the p-thread stops instead of committing
  input  logic                 pt_sc_mem_i,     // a p-thread's SC: fails without access
  input  logic                 pt_suppressed_mem_i, // a p-thread's uncached load: reads 0
  input  logic                 sp_start_i,      // pex.spawn started context sp_tid_i
  input  logic [TidW-1:0]      sp_tid_i,
  input  logic                 hs_start_i,      // hart.start started context hs_tid_i
  input  logic [TidW-1:0]      hs_tid_i,

  // the data-side request (dreq_valid_o after outrider_preexec's gating)
  output logic                 req_mem_o,
  output logic [TidW-1:0]      dreq_tid_o,
  output logic [4:0]           dreq_amo_o,
  output logic [31:0]          dreq_addr_o,
  output logic [31:0]          dreq_wdata_o,
  output logic [3:0]           dreq_be_o,
  input  logic                 dreq_valid_i,
  input  logic                 dreq_ready_i,    // this lane's request is accepted
  // another lane uses a shared resource this instruction needs in the same
  // cycle (a write to a shared pre-execution CSR, hart.start): replay it
  input  logic                 conflict_i,
  // this lane's request lost the data-port arbitration to another lane: the
  // instruction stays in MEM (the whole lane holds) and asks again next cycle
  input  logic                 hold_i,
  // the instruction in this lane's WB waits for its answer (valid, wait_resp
  // of the MEM/WB register), and the p-thread's next instruction is its last
  // within the budget (outrider_preexec): what MEM may do behind it
  input  logic                 wb_wait_i,
  // ... and that instruction is a data-side request (not a divide) of that
  // size at that address (not split in two if whole()), and the data side
  // takes a plain load in the cycle that answers the one before (the data
  // cache does; the perfect-cache stand-in does not): a hart's plain
  // aligned load to RAM goes on behind it
  input  logic                 wb_d2_i,
  input  logic [1:0]           wb_size_i,       // its access size (f3[1:0]) and address bits 1:0
  input  logic [1:0]           wb_alo_i,
  input  logic                 d2_en_i,
  input  logic                 pt_last_i,
  output logic                 wb_hold_o,       // MEM waits behind WB: the lane holds
  // a prefetch hint (Zicbop prefetch.r/.w, an ORI to x0 for the ISA) that
  // commits now: the data cache fetches the line of pf_addr_o, nobody waits
  output logic                 pf_valid_o,
  output logic [31:0]          pf_addr_o,

  // the commit decision (outrider_ctx_ctrl, outrider_preexec)
  output logic                 live_mem_o,      // valid and not squashed
  // a memory operation that may ask for the data port this cycle, from
  // registers only (valid, not squashed, not waiting behind WB): the port's
  // arbitration chooses among these (outrider_core), so the request's
  // address does not wait for the commit decision
  output logic                 mem_cand_o,
  output logic                 trap_mem_o,      // a hart's instruction traps
  output logic [31:0]          trap_cause_mem_o,
  output logic [31:0]          trap_tval_mem_o,
  output logic                 go_mem_o,        // executes now (and is not held)
  output logic                 replay_mem_o,    // request not accepted: re-fetch it
  output logic                 sleep_mem_o,     // wfi with no interrupt pending (harts)
  output logic                 retire_mem_o,    // goes on to WB

  // divides (outrider_writeback)
  output logic                 div_start_o,

  // the MEM/WB register
  output logic                 valid_wb_o,
  output logic [TidW-1:0]      tid_wb_o,
  output outrider_memwb_t      wb_o
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"

  logic [31:0] irq_cause [NumCtx];
  always_comb begin
    for (int t = 0; t < NumCtx; t++) irq_cause[t] = irq_cause_i[32*t +: 32];
  end

  logic live_mem, pt_mem, plain_mem, wb_hold;
  assign pt_mem    = pthread_i[tid_mem_i];
  // plain: going on to WB changes nothing but the pipeline registers, so a
  // squash a cycle later undoes it (see the header)
  logic other_mem;   // anything but a memory operation that is not plain
  assign other_mem = mem_i.div || mem_i.csr || mem_i.exc || mem_i.mret ||
                     mem_i.wfi || mem_i.fencei || mem_i.pause || mem_i.hstart || mem_i.hexit ||
                     mem_i.pex_spawn || mem_i.pex_stop || mem_i.pex_cancel ||
                     is_prefetch_rw(mem_i.insn) || (pt_mem && pt_last_i);
  assign plain_mem = !mem_i.mem && !other_mem;
  // a load that may go on behind a data-side request in WB (docs/core.md
  // "The squash after WB"): if that request is not answered now (it parks),
  // the data cache drops this one and the squash a cycle later takes it;
  // otherwise it is answered in the next cycle like any other (and ignored
  // if the squash takes it for another reason: a load changes no state
  // but the cache's). Only a hart's plain aligned load to RAM: no store, no
  // peripheral access (performed when the cache takes it), no split.
  // an access of that size at that address goes to the data side whole
  // (outrider_dside_split does not split it)
  function automatic logic whole(input logic [1:0] size, input logic [1:0] alo);
    unique case (size)
      2'b00:   whole = 1'b1;
      2'b01:   whole = !alo[0];
      default: whole = (alo == 2'b00);
    endcase
  endfunction
  logic d2_mem;
  assign d2_mem    = d2_en_i && wb_d2_i && whole(wb_size_i, wb_alo_i) &&
                     mem_i.mem && (mem_i.mem_op == DopLoad) && !other_mem && !pt_mem &&
                     whole(mem_i.f3[1:0], mem_i.result[1:0]) && addr_is_ram(mem_i.result);
  assign wb_hold   = valid_mem_i && wb_wait_i && !plain_mem && !d2_mem;
  assign wb_hold_o = wb_hold;
  assign live_mem  = valid_mem_i && !kill_mem_i[tid_mem_i] && !wb_hold;
  // (for a memory operation wb_hold is wb_wait_i && !d2_mem: plain_mem is 0)
  assign mem_cand_o = valid_mem_i && mem_i.mem && !kill_mem_i[tid_mem_i] && !(wb_wait_i && !d2_mem);

  // CSR access
  assign csr_addr_o         = mem_i.insn[31:20];
  assign csr_op_o           = mem_i.f3[1:0];
  assign csr_wdata_o        = mem_i.result;
  assign csr_write_intent_o = mem_i.csr &&
                              ((mem_i.f3[1:0] == CsrOpRw) || (mem_i.insn[19:15] != 5'd0));

  // traps (harts only: a p-thread stops instead, see outrider_preexec)
  logic        irq_mem, exc_any_mem, trap_mem, go_mem;
  // p-threads take no interrupts; none is taken behind a WB that waits
  assign irq_mem     = irq_take_i[tid_mem_i] && !pt_mem && !wb_wait_i;
  assign exc_any_mem = mem_i.exc || (mem_i.csr && csr_illegal_i) ||
                       (mem_i.hexit && (tid_mem_i == '0));
  assign trap_mem    = live_mem && !pt_mem && (irq_mem || exc_any_mem);
  always_comb begin
    if (irq_mem) begin
      trap_cause_mem_o = irq_cause[tid_mem_i];
      trap_tval_mem_o  = 32'd0;
    end else if (mem_i.exc) begin
      trap_cause_mem_o = mem_i.exc_cause;
      trap_tval_mem_o  = mem_i.exc_tval;
    end else begin
      trap_cause_mem_o = ExcIllegal;
      trap_tval_mem_o  = mem_i.insn;
    end
  end

  assign go_mem = live_mem && !trap_mem && !pt_exc_mem_i;

  // the data-side request; the fields go out as they are, valid and op
  // through outrider_preexec
  assign req_mem_o    = go_mem && mem_i.mem && !conflict_i;   // a conflict replays it unsent
  assign dreq_tid_o   = tid_mem_i;
  assign dreq_amo_o   = mem_i.amo;
  assign dreq_addr_o  = mem_i.result;
  assign dreq_wdata_o = mem_i.wdata;
  assign dreq_be_o    = mem_i.be;

  logic replay_mem, retire_mem;
  assign replay_mem = (dreq_valid_i && !dreq_ready_i && !hold_i) || (go_mem && conflict_i);
  assign retire_mem = go_mem && !replay_mem && !hold_i;

  assign csr_write_o     = go_mem && mem_i.csr && !pt_mem && !conflict_i;
  assign csr_write_pex_o = retire_mem && mem_i.csr && !pt_mem;
  assign div_start_o     = retire_mem && mem_i.div;

  assign pt_mem_o         = pt_mem;
  assign exc_any_mem_o    = exc_any_mem;
  assign live_mem_o       = live_mem;
  assign trap_mem_o       = trap_mem;
  assign go_mem_o         = go_mem && !hold_i;   // executes now (not held)
  assign replay_mem_o     = replay_mem;
  assign sleep_mem_o      = mem_i.wfi && !irq_pending_i[tid_mem_i] && !pt_mem;
  assign retire_mem_o     = retire_mem;
  assign pf_valid_o       = retire_mem && is_prefetch_rw(mem_i.insn);
  assign pf_addr_o        = mem_i.result;   // rs1 + imm[11:5] << 5 (outrider_decoder)

  logic [31:0] result_mem;
  always_comb begin
    if (mem_i.csr)                result_mem = csr_rdata_i;
    else if (mem_i.hstart)        result_mem = hs_start_i ? 32'(hs_tid_i) : 32'd0;
    else if (mem_i.pex_spawn)     result_mem = sp_start_i ? 32'(sp_tid_i) : 32'd0;
    else if (pt_sc_mem_i)         result_mem = 32'd1;   // a p-thread's SC always fails
    else if (pt_suppressed_mem_i) result_mem = 32'd0;
    else                          result_mem = mem_i.result;
  end

  // ---- MEM/WB register -------------------------------------------------------
  logic            valid_wb_q;
  logic [TidW-1:0] tid_wb_q;
  outrider_memwb_t wb_q, wb_d;

  always_comb begin
    wb_d.pc        = mem_i.pc;
    wb_d.insn      = mem_i.insn;
    wb_d.result    = result_mem;
    wb_d.addr      = mem_i.lalu ? mem_i.wdata : mem_i.result;   // a late ALU's operand b
    wb_d.lalu      = mem_i.lalu;
    wb_d.lalu_a    = mem_i.lalu_a;
    wb_d.lalu_b    = mem_i.lalu_b;
    wb_d.alu_op    = mem_i.alu_op;
    wb_d.rd        = mem_i.rd;
    wb_d.rd_we     = mem_i.rd_we;
    wb_d.wait_resp = dreq_valid_i || mem_i.div;   // only accepted requests reach WB
    wb_d.div       = mem_i.div;
    wb_d.memop     = dreq_valid_i;
    wb_d.store     = mem_i.mem && (mem_i.mem_op != DopLoad) && (mem_i.mem_op != DopLr);
    wb_d.f3        = mem_i.f3;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) valid_wb_q <= 1'b0;
    else         valid_wb_q <= retire_mem;
  end

  always_ff @(posedge clk_i) begin
    tid_wb_q <= tid_mem_i;
    wb_q     <= wb_d;
  end

  assign valid_wb_o = valid_wb_q;
  assign tid_wb_o   = tid_wb_q;
  assign wb_o       = wb_q;

  // fields of the EX/MEM record the commit point does not read (late: EX's
  // forwarding; pex_stop/pex_cancel/mret/...: outrider_ctx_ctrl, outrider_preexec)
  logic unused_mem;
  assign unused_mem = ^{mem_i.late, mem_i.mret, mem_i.fencei, mem_i.pause, mem_i.pex_stop,
                        mem_i.pex_cancel};

  `include "outrider_assert.svh"
  `OR_ASSERT(!(trap_mem && go_mem), "an instruction either traps or executes")
`ifndef FORMAL
  // (from reset on: a late ALU instruction is a hart's plain instruction,
  // outrider_decode; it moves on with the load it reads, whose value it
  // takes from WB2 in the next cycle)
  `OR_ASSERT(!(valid_mem_i && mem_i.lalu && wb_hold), "a late ALU instruction never waits in MEM")
`endif
  `OR_ASSERT(!hold_i || (go_mem && dreq_valid_i && !dreq_ready_i),
             "only a committing request that was not accepted holds MEM")
  `OR_ASSERT(!(trap_mem && pt_mem), "a p-thread never traps")
  `OR_ASSERT(!(csr_write_o && pt_mem), "a p-thread never writes a CSR")
  `OR_ASSERT(!(wb_wait_i && live_mem) || ((plain_mem || d2_mem) && !trap_mem),
             "behind a WB that waits only a plain instruction or a plain load goes on")
  // so an instruction the squash after WB takes from WB never waits for an
  // answer, but such a load (which the data cache drops, or answers)
  `OR_ASSERT(!(wb_wait_i && retire_mem && (dreq_valid_i || mem_i.div)) || d2_mem,
             "behind a WB that waits nothing goes on that would wait for an answer")
  `OR_ASSERT(!req_mem_o || mem_cand_o, "a lane that asks for the data port is a candidate")
endmodule
