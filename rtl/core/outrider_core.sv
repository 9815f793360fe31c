// outrider_core: the two-context (NumCtx-context) in-order SMT pipeline.
//
// Five stages shared by all contexts: IF (thread select, fetch address),
// ID (decode, register read, JAL / backward-branch prediction, load-use
// interlock), EX (ALU, multiply, branch resolution, address generation),
// MEM (commit point: traps, interrupts, CSRs, data-side request, context
// control), WB (register write-back, retirement). Every instruction carries
// its context id (tid_*) and results are forwarded only within a context.
//
// Long operations leave the pipeline instead of stalling it: a memory access
// whose answer is not back when it reaches WB, and every divide, "parks" its
// context (its younger instructions are squashed and it stops fetching); the
// answer is later written to that context's register bank through its own
// write port and the context resumes at the next instruction. The other
// context keeps issuing meanwhile. pause and wfi likewise only remove their
// own context from thread selection.
//
// Pre-execution (docs/preexec.md): pex.spawn starts a free context as a
// speculative p-thread at a PC-relative label with a copy of the spawner's
// registers (free contexts' register banks mirror context 0's, so the copy
// costs no cycles). A p-thread never changes architectural state: its
// stores go to a private store buffer (with load forwarding), its loads to
// uncached ranges return 0 without an access, its exceptions stop it
// silently, it takes no interrupts, and CSR writes, AMOs, SC, mret, wfi and
// fence.i have no effect.
//
// What it is not: it has no caches and no memory; the instruction port is a
// 1-cycle block-RAM-like port, the data side a request/response interface
// (one outstanding request per context, answered in order per context, in
// any order across contexts) - see outrider_soc.sv and docs/core.md.
module outrider_core #(
  parameter int NumCtx      = 2,
  parameter int PauseCycles = 32,
  parameter int SelectPolicy    = 1,      // outrider_thread_select.sv
  parameter int StoreBufEntries = 8,      // p-thread store buffer, per context
  parameter int DefaultBudget   = 65536,  // pexbudget reset value
  parameter logic [31:0] BootAddr = 32'h8000_0000, // context 0's PC after reset
  parameter  int TidW       = (NumCtx > 1) ? $clog2(NumCtx) : 1
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,

  output logic                     imem_req_o,
  output logic [31:0]              imem_addr_o,
  input  logic [31:0]              imem_rdata_i,
  input  logic                     imem_err_i,

  output logic                     dreq_valid_o,
  input  logic                     dreq_ready_i,
  output logic [TidW-1:0]          dreq_tid_o,
  output logic [2:0]               dreq_op_o,
  output logic [4:0]               dreq_amo_o,
  output logic [31:0]              dreq_addr_o,
  output logic [31:0]              dreq_wdata_o,
  output logic [3:0]               dreq_be_o,
  output logic                     dreq_spec_o,     // request of a p-thread (pre-execution)
  input  logic [NumCtx-1:0]        dresp_valid_i,
  input  logic [NumCtx*32-1:0]     dresp_rdata_i,
  input  logic [NumCtx-1:0]        dresp_err_i,

  input  logic [NumCtx-1:0]        mtip_i,
  input  logic [NumCtx-1:0]        msip_i,
  input  logic [NumCtx-1:0]        meip_i,
  input  logic [63:0]              mtime_i,

  output logic [NumCtx-1:0]        retire_valid_o,
  output logic [NumCtx*32-1:0]     retire_pc_o,
  output logic [NumCtx*32-1:0]     retire_insn_o,
  output logic [NumCtx-1:0]        retire_rd_we_o,
  output logic [NumCtx*5-1:0]      retire_rd_o,
  output logic [NumCtx*32-1:0]     retire_rd_wdata_o,
  output logic [NumCtx*32-1:0]     retire_addr_o,   // data address of a retiring memory op
  // traps taken by harts (never by p-threads): the trapping instruction does
  // not retire; one per context per cycle, after that cycle's retirement
  output logic [NumCtx-1:0]        trap_valid_o,
  output logic [NumCtx*32-1:0]     trap_cause_o,
  output logic [NumCtx*32-1:0]     trap_tval_o,
  output logic [NumCtx-1:0]        ctx_active_o,
  output logic [NumCtx-1:0]        ctx_pthread_o,   // context runs a p-thread
  output logic [7:0]               pex_event_o,     // PexEv* pulses (outrider_defs.svh)
  input  logic                     pex_enable_i     // pexctl.enable after reset
);
  `include "outrider_defs.svh"
  `include "outrider_isa.svh"

  localparam int PauseW = $clog2(PauseCycles + 1);
  localparam logic [4:0]  RegA0  = 5'd10;

  // Extract a load result from the raw bus word (lanes as addressed).
  function automatic logic [31:0] load_extract(input logic [2:0]  f3,
                                               input logic [1:0]  alo,
                                               input logic [31:0] word);
    logic [15:0] shifted;
    shifted = 16'(word >> {alo, 3'b000});
    unique case (f3[1:0])
      SizeByte: load_extract = f3[2] ? {24'd0, shifted[7:0]}
                                     : {{24{shifted[7]}}, shifted[7:0]};
      SizeHalf: load_extract = f3[2] ? {16'd0, shifted[15:0]}
                                     : {{16{shifted[15]}}, shifted[15:0]};
      default:  load_extract = word;
    endcase
  endfunction

  // ===========================================================================
  // Per-context state
  // ===========================================================================
  logic [NumCtx-1:0] active_q, active_d;   // running as a hart
  logic [NumCtx-1:0] wait_q, wait_d;       // parked on a late result
  logic [NumCtx-1:0] sleep_q, sleep_d;     // in wfi
  logic [PauseW-1:0] pause_q [NumCtx];
  logic [PauseW-1:0] pause_d [NumCtx];
  logic [31:0]       pc_q [NumCtx];        // next fetch PC
  logic [31:0]       pc_d [NumCtx];

  // pre-execution state
  logic [NumCtx-1:0] pthread_q, pthread_d;  // context runs a p-thread
  logic [TidW-1:0]   spawner_q [NumCtx];    // who spawned it
  logic [31:0]       budget_cnt_q [NumCtx]; // p-thread instructions so far
  logic              pex_en_q, pex_init_q;  // pexctl.enable; load it after reset
  logic [31:0]       pex_budget_q;          // pexbudget
  logic [NumCtx-1:0] mem_busy_q;            // a data-side request is outstanding
  logic [NumCtx-1:0] div_busy;

  // the parked instruction of each context
  logic [31:0] pend_pc_q   [NumCtx];
  logic [31:0] pend_insn_q [NumCtx];
  logic [31:0] pend_addr_q [NumCtx];
  logic [4:0]  pend_rd_q   [NumCtx];
  logic [NumCtx-1:0] pend_rd_we_q, pend_div_q, pend_store_q;

  // flush requests per context, by the stage that raises them
  logic [NumCtx-1:0] flush_wb, flush_mem, flush_ex, flush_id;
  logic [NumCtx-1:0] kill_mem, kill_ex, kill_id, kill_if;
  assign kill_mem = flush_wb;
  assign kill_ex  = flush_wb | flush_mem;
  assign kill_id  = kill_ex | flush_ex;
  assign kill_if  = kill_id | flush_id;

  // per-context CSR file outputs
  logic [31:0]       csr_rdata   [NumCtx];
  logic [NumCtx-1:0] csr_illegal;
  logic [31:0]       trap_vector [NumCtx];
  logic [31:0]       csr_mepc    [NumCtx];
  logic [NumCtx-1:0] irq_pending, irq_take;
  logic [31:0]       irq_cause   [NumCtx];

  // dividers
  logic [NumCtx-1:0] div_done;
  logic [31:0]       div_result [NumCtx];

  // ===========================================================================
  // IF: thread select
  // ===========================================================================
  logic [NumCtx-1:0] eligible;
  logic [NumCtx-1:0] pause_flight;   // a `pause` of this context is in EX or MEM
  logic              ts_valid;
  logic [TidW-1:0]   ts_tid;
  logic              id_stall;
  logic              if_fire;

  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      // a context stops fetching as soon as its `pause` reaches EX, so
      // the slots up to the pause's commit in MEM go to the other context
      // instead of to instructions that MEM would squash
      eligible[t] = active_q[t] && !wait_q[t] && !sleep_q[t] && (pause_q[t] == '0) &&
                    !pause_flight[t];
    end
  end

  outrider_thread_select #(.NumCtx(NumCtx), .Policy(SelectPolicy)) u_select (
    .clk_i, .rst_ni,
    .eligible_i (eligible),
    .prio_i     (~pthread_q),
    .advance_i  (if_fire),
    .valid_o    (ts_valid),
    .tid_o      (ts_tid)
  );

  assign if_fire     = ts_valid && !id_stall;
  assign imem_req_o  = if_fire;
  assign imem_addr_o = pc_q[ts_tid];

  // ===========================================================================
  // ID
  // ===========================================================================
  logic            id_valid_q;
  logic [TidW-1:0] id_tid_q;
  logic [31:0]     id_pc_q;
  logic            id_hold_q;        // ID stalled last cycle: use the held word
  logic [31:0]     id_hold_insn_q;
  logic            id_hold_err_q;

  logic [31:0] instr_id;
  logic        ierr_id;
  assign instr_id = id_hold_q ? id_hold_insn_q : imem_rdata_i;
  assign ierr_id  = id_hold_q ? id_hold_err_q  : imem_err_i;

  logic        dec_illegal, dec_rs1_used, dec_rs2_used, dec_rd_we, dec_alu_b_imm;
  logic [4:0]  dec_rs1, dec_rs2, dec_rd, dec_amo_op;
  logic [31:0] dec_imm;
  logic [3:0]  dec_alu_op;
  logic [1:0]  dec_alu_a_sel;
  logic        dec_branch, dec_jal, dec_jalr, dec_mem, dec_late, dec_div, dec_csr;
  logic        dec_ecall, dec_ebreak, dec_mret, dec_wfi, dec_fencei, dec_pause;
  logic        dec_hstart, dec_hexit, dec_pex_spawn, dec_pex_stop, dec_pex_cancel;
  logic [2:0]  dec_f3, dec_mem_op;

  outrider_decoder u_decoder (
    .instr_i       (instr_id),
    .illegal_o     (dec_illegal),
    .rs1_o         (dec_rs1),
    .rs2_o         (dec_rs2),
    .rd_o          (dec_rd),
    .rs1_used_o    (dec_rs1_used),
    .rs2_used_o    (dec_rs2_used),
    .rd_we_o       (dec_rd_we),
    .imm_o         (dec_imm),
    .alu_op_o      (dec_alu_op),
    .alu_a_sel_o   (dec_alu_a_sel),
    .alu_b_imm_o   (dec_alu_b_imm),
    .branch_o      (dec_branch),
    .jal_o         (dec_jal),
    .jalr_o        (dec_jalr),
    .funct3_o      (dec_f3),
    .mem_o         (dec_mem),
    .mem_op_o      (dec_mem_op),
    .amo_op_o      (dec_amo_op),
    .late_result_o (dec_late),
    .div_o         (dec_div),
    .csr_o         (dec_csr),
    .ecall_o       (dec_ecall),
    .ebreak_o      (dec_ebreak),
    .mret_o        (dec_mret),
    .wfi_o         (dec_wfi),
    .fencei_o      (dec_fencei),
    .pause_o       (dec_pause),
    .hart_start_o  (dec_hstart),
    .hart_exit_o   (dec_hexit),
    .pex_spawn_o   (dec_pex_spawn),
    .pex_stop_o    (dec_pex_stop),
    .pex_cancel_o  (dec_pex_cancel)
  );

  // exceptions known at decode
  logic        exc_id;
  logic [31:0] exc_cause_id, exc_tval_id;
  always_comb begin
    exc_id       = 1'b1;
    exc_cause_id = ExcIllegal;
    exc_tval_id  = instr_id;
    if (ierr_id) begin
      exc_cause_id = ExcInstrAccess;
      exc_tval_id  = id_pc_q;
    end else if (dec_illegal) begin
      exc_cause_id = ExcIllegal;
    end else if (dec_ecall) begin
      exc_cause_id = ExcEcallM;
      exc_tval_id  = 32'd0;
    end else if (dec_ebreak) begin
      exc_cause_id = ExcBreakpoint;
      exc_tval_id  = id_pc_q;
    end else begin
      exc_id = 1'b0;
    end
  end

  // static prediction: JAL always, backward branches taken
  logic [31:0] target_id;
  logic        predict_id;
  assign target_id  = id_pc_q + dec_imm;
  assign predict_id = id_valid_q && !exc_id && !target_id[1] &&
                      (dec_jal || (dec_branch && dec_imm[31]));

  // ===========================================================================
  // ID/EX register
  // ===========================================================================
  logic            ex_valid_q;
  logic [TidW-1:0] ex_tid_q;
  logic [31:0]     ex_pc_q, ex_insn_q, ex_imm_q;
  logic [4:0]      ex_rs1_q, ex_rs2_q, ex_rd_q, ex_amo_q, ex_zimm_q;
  logic            ex_rd_we_q, ex_late_q, ex_pred_q;
  logic [3:0]      ex_alu_op_q;
  logic [1:0]      ex_alu_a_sel_q;
  logic            ex_alu_b_imm_q;
  logic            ex_branch_q, ex_jal_q, ex_jalr_q, ex_mem_q, ex_div_q, ex_csr_q;
  logic            ex_mret_q, ex_wfi_q, ex_fencei_q, ex_pause_q, ex_hstart_q, ex_hexit_q;
  logic            ex_pex_spawn_q, ex_pex_stop_q, ex_pex_cancel_q;
  logic [2:0]      ex_f3_q, ex_mem_op_q;
  logic            ex_exc_q;
  logic [31:0]     ex_exc_cause_q, ex_exc_tval_q;

  // load-use interlock: the EX instruction's result comes only after MEM
  assign id_stall = id_valid_q && ex_valid_q && (ex_tid_q == id_tid_q) && ex_late_q &&
                    ex_rd_we_q && ((dec_rs1_used && (dec_rs1 == ex_rd_q)) ||
                                   (dec_rs2_used && (dec_rs2 == ex_rd_q)));

  // ===========================================================================
  // Register file (read in ID, data in EX)
  // ===========================================================================
  logic [31:0]          rf_rdata_a, rf_rdata_b;
  logic [NumCtx-1:0]    rf_we;
  logic [NumCtx*5-1:0]  rf_waddr;
  logic [NumCtx*32-1:0] rf_wdata;
  logic [4:0]           copy_idx_q;   // mirror copy engine: register read this cycle
  logic [31:0]          copy_rdata;

  outrider_regfile #(.NumCtx(NumCtx)) u_regfile (
    .clk_i,
    .rtid_i    (id_tid_q),
    .raddr_a_i (dec_rs1),
    .raddr_b_i (dec_rs2),
    .rdata_a_o (rf_rdata_a),
    .rdata_b_o (rf_rdata_b),
    .copy_raddr_i (copy_idx_q),
    .copy_rdata_o (copy_rdata),
    .we_i      (rf_we),
    .waddr_i   (rf_waddr),
    .wdata_i   (rf_wdata)
  );

  // ===========================================================================
  // EX
  // ===========================================================================
  // MEM/WB/WB2 registers (declared here for forwarding)
  logic            mem_valid_q;
  logic [TidW-1:0] mem_tid_q;
  logic [31:0]     mem_pc_q, mem_insn_q, mem_result_q, mem_wdata_q;
  logic [3:0]      mem_be_q;
  logic [4:0]      mem_rd_q, mem_amo_q;
  logic            mem_rd_we_q, mem_late_q, mem_mem_q, mem_div_q, mem_csr_q;
  logic            mem_mret_q, mem_wfi_q, mem_fencei_q, mem_pause_q, mem_hstart_q, mem_hexit_q;
  logic            mem_pex_spawn_q, mem_pex_stop_q, mem_pex_cancel_q;
  logic [2:0]      mem_f3_q, mem_mem_op_q;
  logic            mem_exc_q;
  logic [31:0]     mem_exc_cause_q, mem_exc_tval_q;

  logic            wb_valid_q;
  logic [TidW-1:0] wb_tid_q;
  logic [31:0]     wb_pc_q, wb_insn_q, wb_result_q, wb_addr_q;
  logic [4:0]      wb_rd_q;
  logic            wb_rd_we_q, wb_wait_q, wb_div_q, wb_memop_q, wb_store_q;
  logic [2:0]      wb_f3_q;
  logic [31:0]     wb_value;

  logic            wb2_valid_q;
  logic [TidW-1:0] wb2_tid_q;
  logic [4:0]      wb2_rd_q;
  logic [31:0]     wb2_data_q;
  logic            wb_write;        // the WB stage writes the register file now

  function automatic logic [31:0] forward(input logic [4:0] rs, input logic [31:0] rf_val,
      input logic mem_hit_ok, input logic [31:0] mem_val,
      input logic wb_hit_ok, input logic [31:0] wb_val,
      input logic wb2_hit_ok, input logic [31:0] wb2_val);
    if (rs == 5'd0)      forward = 32'd0;
    else if (mem_hit_ok) forward = mem_val;
    else if (wb_hit_ok)  forward = wb_val;
    else if (wb2_hit_ok) forward = wb2_val;
    else                 forward = rf_val;
  endfunction

  logic mem_fwd_ok, wb_fwd_ok, wb2_fwd_ok;
  assign mem_fwd_ok = mem_valid_q && (mem_tid_q == ex_tid_q) && mem_rd_we_q && !mem_late_q;
  assign wb_fwd_ok  = wb_valid_q && (wb_tid_q == ex_tid_q) && wb_rd_we_q;
  assign wb2_fwd_ok = wb2_valid_q && (wb2_tid_q == ex_tid_q);

  logic [31:0] rs1_ex, rs2_ex;
  assign rs1_ex = forward(ex_rs1_q, rf_rdata_a,
                          mem_fwd_ok && (mem_rd_q == ex_rs1_q), mem_result_q,
                          wb_fwd_ok && (wb_rd_q == ex_rs1_q), wb_value,
                          wb2_fwd_ok && (wb2_rd_q == ex_rs1_q), wb2_data_q);
  assign rs2_ex = forward(ex_rs2_q, rf_rdata_b,
                          mem_fwd_ok && (mem_rd_q == ex_rs2_q), mem_result_q,
                          wb_fwd_ok && (wb_rd_q == ex_rs2_q), wb_value,
                          wb2_fwd_ok && (wb2_rd_q == ex_rs2_q), wb2_data_q);

  logic [31:0] alu_a, alu_b, alu_result;
  always_comb begin
    unique case (ex_alu_a_sel_q)
      AluAPc:   alu_a = ex_pc_q;
      AluAZero: alu_a = 32'd0;
      default:  alu_a = rs1_ex;
    endcase
  end
  assign alu_b = ex_alu_b_imm_q ? ex_imm_q : rs2_ex;

  outrider_alu u_alu (
    .op_i     (ex_alu_op_q),
    .a_i      (alu_a),
    .b_i      (alu_b),
    .result_o (alu_result)
  );

  // branch resolution
  logic eq_ex, lt_ex, ltu_ex, cond_ex, taken_ex;
  assign eq_ex  = (rs1_ex == rs2_ex);
  assign lt_ex  = $signed(rs1_ex) < $signed(rs2_ex);
  assign ltu_ex = rs1_ex < rs2_ex;
  always_comb begin
    unique case (ex_f3_q)
      F3Beq:   cond_ex = eq_ex;
      F3Bne:   cond_ex = !eq_ex;
      F3Blt:   cond_ex = lt_ex;
      F3Bge:   cond_ex = !lt_ex;
      F3Bltu:  cond_ex = ltu_ex;
      default: cond_ex = !ltu_ex;
    endcase
  end
  assign taken_ex = ex_jal_q || ex_jalr_q || (ex_branch_q && cond_ex);

  logic [31:0] target_ex, link_ex;
  assign target_ex = ex_jalr_q ? ((rs1_ex + ex_imm_q) & ~32'd1) : (ex_pc_q + ex_imm_q);
  assign link_ex   = ex_pc_q + 32'd4;

  // address generation and alignment
  logic [31:0] addr_ex;
  logic [1:0]  size_ex;
  logic        misaligned_ex, is_load_ex;
  assign addr_ex    = alu_result;
  assign size_ex    = (ex_mem_op_q == DopLoad || ex_mem_op_q == DopStore) ? ex_f3_q[1:0] : SizeWord;
  assign is_load_ex = (ex_mem_op_q == DopLoad) || (ex_mem_op_q == DopLr);
  always_comb begin
    unique case (size_ex)
      SizeByte: misaligned_ex = 1'b0;
      SizeHalf: misaligned_ex = addr_ex[0];
      default:  misaligned_ex = (addr_ex[1:0] != 2'b00);
    endcase
    if (!ex_mem_q || (ex_mem_op_q == DopFence)) misaligned_ex = 1'b0;
  end

  logic [3:0]  be_ex;
  logic [31:0] wdata_ex;
  always_comb begin
    unique case (size_ex)
      SizeByte: be_ex = 4'b0001 << addr_ex[1:0];
      SizeHalf: be_ex = 4'b0011 << addr_ex[1:0];
      default:  be_ex = 4'b1111;
    endcase
    wdata_ex = (ex_mem_op_q == DopStore) ? (rs2_ex << {addr_ex[1:0], 3'b000}) : rs2_ex;
  end

  // exceptions found in EX (only if none came from ID)
  logic        exc_ex;
  logic [31:0] exc_cause_ex, exc_tval_ex;
  always_comb begin
    exc_ex       = ex_exc_q;
    exc_cause_ex = ex_exc_cause_q;
    exc_tval_ex  = ex_exc_tval_q;
    if (!ex_exc_q) begin
      if (taken_ex && target_ex[1]) begin
        exc_ex       = 1'b1;
        exc_cause_ex = ExcInstrMisaligned;
        exc_tval_ex  = target_ex;
      end else if (misaligned_ex) begin
        exc_ex       = 1'b1;
        exc_cause_ex = is_load_ex ? ExcLoadMisaligned : ExcStoreMisaligned;
        exc_tval_ex  = addr_ex;
      end
    end
  end

  // EX result
  logic [31:0] result_ex;
  always_comb begin
    if (ex_jal_q || ex_jalr_q)      result_ex = link_ex;
    else if (ex_csr_q)              result_ex = ex_f3_q[2] ? {27'd0, ex_zimm_q} : rs1_ex;
    else if (ex_hstart_q || ex_div_q) result_ex = rs1_ex;
    else                            result_ex = alu_result;
  end

  // redirect on a wrong prediction
  always_comb begin : p_pause_flight
    for (int t = 0; t < NumCtx; t++) begin
      pause_flight[t] = (ex_valid_q && ex_pause_q && (ex_tid_q == TidW'(t))) ||
                        (mem_valid_q && mem_pause_q && (mem_tid_q == TidW'(t)));
    end
  end

  logic ex_live, redirect_ex;
  assign ex_live     = ex_valid_q && !kill_ex[ex_tid_q];
  assign redirect_ex = ex_live && !exc_ex && (taken_ex != ex_pred_q);

  // ===========================================================================
  // MEM: the commit point
  // ===========================================================================
  logic mem_live;           // valid and not squashed by an older parked/trapping op
  assign mem_live = mem_valid_q && !kill_mem[mem_tid_q];

  logic mem_pt;             // the instruction belongs to a p-thread
  assign mem_pt = pthread_q[mem_tid_q];

  // what kind of data access, and where
  logic mem_is_store, mem_is_sc, mem_is_loadlike, mem_addr_ram, mem_addr_io;
  assign mem_is_store    = mem_mem_q && (mem_mem_op_q == DopStore);
  assign mem_is_sc       = mem_mem_q && (mem_mem_op_q == DopSc);
  assign mem_is_loadlike = mem_mem_q && ((mem_mem_op_q == DopLoad) || (mem_mem_op_q == DopLr) ||
                                         (mem_mem_op_q == DopAmo));
  assign mem_addr_ram    = addr_is_ram(mem_result_q);
  assign mem_addr_io     = addr_is_io(mem_result_q);

  // global pre-execution CSRs (pexctl, pexbudget, pexstatus)
  logic [11:0] mem_csr_addr;
  logic        mem_pex_csr;
  logic [31:0] pex_csr_rdata, pex_csr_wval;
  logic [31:0] pex_status;
  assign mem_csr_addr = mem_insn_q[31:20];
  logic [NumCtx-1:0] pt_running;
  assign pt_running   = active_q & pthread_q;
  assign pex_status   = 32'(active_q) | (32'(pt_running) << 16);
  always_comb begin
    mem_pex_csr = 1'b1;
    unique case (mem_csr_addr)
      CsrPexCtl:    pex_csr_rdata = {31'd0, pex_en_q};
      CsrPexBudget: pex_csr_rdata = pex_budget_q;
      CsrPexStatus: pex_csr_rdata = pex_status;
      default: begin
        mem_pex_csr   = 1'b0;
        pex_csr_rdata = 32'd0;
      end
    endcase
    unique case (mem_f3_q[1:0])
      CsrOpRs: pex_csr_wval = pex_csr_rdata | mem_result_q;
      CsrOpRc: pex_csr_wval = pex_csr_rdata & ~mem_result_q;
      default: pex_csr_wval = mem_result_q;
    endcase
  end
  logic mem_csr_write_intent, mem_csr_illegal;
  assign mem_csr_write_intent = (mem_f3_q[1:0] == CsrOpRw) || (mem_insn_q[19:15] != 5'd0);
  assign mem_csr_illegal = mem_pex_csr ? ((mem_csr_addr == CsrPexStatus) && mem_csr_write_intent)
                                       : csr_illegal[mem_tid_q];

  // the executing context's store buffer: does this store fit?
  logic              sb_fits;
  logic [NumCtx-1:0] sb_fits_ctx;
  assign sb_fits = sb_fits_ctx[mem_tid_q];

  logic        mem_irq, mem_exc_any, mem_trap, pt_exc;
  logic [31:0] mem_trap_cause, mem_trap_tval;
  assign mem_irq     = irq_take[mem_tid_q] && !mem_pt;   // p-threads take no interrupts
  assign mem_exc_any = mem_exc_q || (mem_csr_q && mem_csr_illegal) ||
                       (mem_hexit_q && (mem_tid_q == '0));
  assign mem_trap    = mem_live && !mem_pt && (mem_irq || mem_exc_any);
  // a p-thread stops silently where a hart would trap, and also on an access
  // outside RAM/MMIO/CLINT and on a store-buffer overflow
  assign pt_exc      = mem_live && mem_pt &&
                       (mem_exc_any || (mem_is_loadlike && !mem_addr_ram && !mem_addr_io) ||
                        (mem_is_store && !sb_fits));
  always_comb begin
    if (mem_irq) begin
      mem_trap_cause = irq_cause[mem_tid_q];
      mem_trap_tval  = 32'd0;
    end else if (mem_exc_q) begin
      mem_trap_cause = mem_exc_cause_q;
      mem_trap_tval  = mem_exc_tval_q;
    end else begin
      mem_trap_cause = ExcIllegal;
      mem_trap_tval  = mem_insn_q;
    end
  end

  logic mem_go;             // the instruction executes now
  assign mem_go = mem_live && !mem_trap && !pt_exc;

  // a p-thread sends only its loads (LR and AMOs as plain loads) to RAM;
  // its stores go to the store buffer, SC fails, uncached loads read 0
  logic pt_suppressed;
  assign pt_suppressed = mem_pt && mem_is_loadlike && mem_addr_io;
  assign dreq_valid_o = mem_go && mem_mem_q &&
                        (!mem_pt || (mem_is_loadlike && mem_addr_ram));
  assign dreq_tid_o   = mem_tid_q;
  assign dreq_op_o    = mem_pt ? DopLoad : mem_mem_op_q;
  assign dreq_amo_o   = mem_amo_q;
  assign dreq_addr_o  = mem_result_q;
  assign dreq_wdata_o = mem_wdata_q;
  assign dreq_be_o    = mem_be_q;
  assign dreq_spec_o  = mem_pt;

  logic mem_replay;         // data side busy: re-execute from this instruction
  assign mem_replay = dreq_valid_o && !dreq_ready_i;

  logic mem_sleep;          // wfi with nothing pending (a p-thread never sleeps)
  assign mem_sleep = mem_wfi_q && !irq_pending[mem_tid_q] && !mem_pt;

  logic mem_retire_path;    // goes on to WB
  assign mem_retire_path = mem_go && !mem_replay;

  // p-thread ends at this instruction (after it: pex.stop, hart.exit, budget)
  logic pt_stop_norm, pt_stop_budget;
  assign pt_stop_norm   = mem_retire_path && mem_pt && (mem_pex_stop_q || mem_hexit_q);
  assign pt_stop_budget = mem_retire_path && mem_pt && !pt_stop_norm && (pex_budget_q != 32'd0) &&
                          ((budget_cnt_q[mem_tid_q] + 32'd1) >= pex_budget_q);

  // free contexts: nothing of theirs in flight or outstanding
  logic [NumCtx-1:0] ctx_free, ctx_spawnable;
  logic [NumCtx-1:0] mirror_full;
  always_comb begin
    for (int c = 0; c < NumCtx; c++) begin
      ctx_free[c] = !active_q[c] && !wait_q[c] && !(wb_valid_q && (wb_tid_q == TidW'(c))) &&
                    !mem_busy_q[c] && !div_busy[c];
      ctx_spawnable[c] = ctx_free[c] && mirror_full[c];
    end
  end

  // {found, index} of the lowest set bit
  function automatic logic [TidW:0] lowest_set(input logic [NumCtx-1:0] v);
    lowest_set = '0;
    for (int c = NumCtx - 1; c >= 0; c--) begin
      if (v[c]) lowest_set = {1'b1, TidW'(c)};
    end
  endfunction

  // hart.start: the lowest free context (a p-thread's hart.start is refused)
  logic            hs_found, hs_start;
  logic [TidW-1:0] hs_tid;
  assign {hs_found, hs_tid} = lowest_set(ctx_free);
  assign hs_start = mem_retire_path && mem_hstart_q && hs_found && !mem_pt;

  // pex.spawn: the lowest spawnable context; only context 0 (whose registers
  // the free banks mirror) spawns, only when pre-execution is enabled
  logic            sp_found, sp_start, sp_refuse;
  logic [TidW-1:0] sp_tid;
  assign {sp_found, sp_tid} = lowest_set(ctx_spawnable);
  assign sp_start  = mem_retire_path && mem_pex_spawn_q && sp_found && pex_en_q && !mem_pt &&
                     (mem_tid_q == '0);
  assign sp_refuse = mem_retire_path && mem_pex_spawn_q && !sp_start;

  // pex.cancel: the p-thread this context spawned, if it runs
  logic [NumCtx-1:0] cancel_hit;
  always_comb begin
    for (int c = 0; c < NumCtx; c++) begin
      cancel_hit[c] = mem_retire_path && mem_pex_cancel_q && !mem_pt && pthread_q[c] &&
                      active_q[c] && (spawner_q[c] == mem_tid_q);
    end
  end

  logic [31:0] result_mem;
  always_comb begin
    if (mem_csr_q)             result_mem = mem_pex_csr ? pex_csr_rdata : csr_rdata[mem_tid_q];
    else if (mem_hstart_q)     result_mem = hs_start ? 32'(hs_tid) : 32'd0;
    else if (mem_pex_spawn_q)  result_mem = sp_start ? 32'(sp_tid) : 32'd0;
    else if (mem_pt && mem_is_sc) result_mem = 32'd1;   // a p-thread's SC always fails
    else if (pt_suppressed)    result_mem = 32'd0;
    else                       result_mem = mem_result_q;
  end

  // global pre-execution CSR writes (harts only)
  logic pex_csr_write;
  assign pex_csr_write = mem_retire_path && mem_csr_q && mem_pex_csr && !mem_pt &&
                         mem_csr_write_intent;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pex_init_q   <= 1'b1;
      pex_en_q     <= 1'b1;
      pex_budget_q <= 32'(DefaultBudget);
    end else begin
      pex_init_q <= 1'b0;
      if (pex_init_q) pex_en_q <= pex_enable_i;   // --no-preexec starts disabled
      if (pex_csr_write && (mem_csr_addr == CsrPexCtl))    pex_en_q     <= pex_csr_wval[0];
      if (pex_csr_write && (mem_csr_addr == CsrPexBudget)) pex_budget_q <= pex_csr_wval;
    end
  end

  // ===========================================================================
  // WB: write-back, retirement, parking
  // ===========================================================================
  logic wb_resp_now, wb_complete, wb_err, wb_park;
  assign wb_resp_now = wb_div_q ? div_done[wb_tid_q] : dresp_valid_i[wb_tid_q];
  assign wb_complete = wb_valid_q && (!wb_wait_q || wb_resp_now);
  assign wb_err      = wb_valid_q && wb_wait_q && wb_memop_q && wb_resp_now &&
                       dresp_err_i[wb_tid_q];
  assign wb_park     = wb_valid_q && wb_wait_q && !wb_resp_now;

  // p-thread loads see their own buffered stores (store-buffer forwarding)
  logic [3:0]  sb_wb_mask   [NumCtx];
  logic [31:0] sb_wb_data   [NumCtx];
  logic [3:0]  sb_late_mask [NumCtx];
  logic [31:0] sb_late_data [NumCtx];

  function automatic logic [31:0] sb_merge(input logic [31:0] word, input logic [3:0] mask,
                                           input logic [31:0] data);
    for (int b = 0; b < 4; b++) begin
      sb_merge[8*b +: 8] = mask[b] ? data[8*b +: 8] : word[8*b +: 8];
    end
  endfunction

  always_comb begin
    if (wb_wait_q && wb_div_q) wb_value = div_result[wb_tid_q];
    else if (wb_wait_q)        wb_value = load_extract(wb_f3_q, wb_addr_q[1:0],
                                   sb_merge(dresp_rdata_i[32*wb_tid_q +: 32],
                                            sb_wb_mask[wb_tid_q], sb_wb_data[wb_tid_q]));
    else                       wb_value = wb_result_q;
  end
  assign wb_write = wb_complete && !wb_err && wb_rd_we_q;

  // late completion of parked instructions
  logic [NumCtx-1:0] late_done, late_err;
  logic [31:0]       late_value [NumCtx];
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      late_done[t]  = wait_q[t] && (pend_div_q[t] ? div_done[t] : dresp_valid_i[t]);
      late_err[t]   = late_done[t] && !pend_div_q[t] && dresp_err_i[t];
      late_value[t] = pend_div_q[t] ? div_result[t]
                    : load_extract(pend_insn_q[t][14:12], pend_addr_q[t][1:0],
                                   sb_merge(dresp_rdata_i[32*t +: 32], sb_late_mask[t],
                                            sb_late_data[t]));
    end
  end

  // ===========================================================================
  // Flushes and per-context trap requests
  // ===========================================================================
  // which context's instruction sits in each stage
  logic [NumCtx-1:0] sel_wb, sel_mem, sel_ex, sel_id;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      sel_wb[t]  = (wb_tid_q == TidW'(t));
      sel_mem[t] = (mem_tid_q == TidW'(t));
      sel_ex[t]  = (ex_tid_q == TidW'(t));
      sel_id[t]  = (id_tid_q == TidW'(t));
    end
  end

  logic [NumCtx-1:0] trap_req;
  logic [31:0]       trap_cause [NumCtx];
  logic [31:0]       trap_pc    [NumCtx];
  logic [31:0]       trap_tval  [NumCtx];
  logic [NumCtx-1:0] mret_req;
  // p-thread stops, by reason
  logic [NumCtx-1:0] stop_exc, stop_norm, stop_budget, stop_any;

  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      stop_exc[t]    = (sel_mem[t] && pt_exc) ||
                       (pthread_q[t] && ((sel_wb[t] && wb_err) || late_err[t]));
      stop_norm[t]   = sel_mem[t] && pt_stop_norm;
      stop_budget[t] = sel_mem[t] && pt_stop_budget;
      stop_any[t]    = stop_exc[t] || stop_norm[t] || stop_budget[t];

      flush_wb[t]  = (sel_wb[t] && (wb_park || wb_err)) || late_err[t];
      flush_mem[t] = (sel_mem[t] && mem_live &&
                      (mem_trap || pt_exc || mem_replay ||
                       (mem_go && ((mem_mret_q && !mem_pt) || mem_fencei_q || mem_pause_q ||
                                   mem_sleep || mem_hexit_q || pt_stop_norm ||
                                   pt_stop_budget)))) ||
                     cancel_hit[t];
      flush_ex[t]  = sel_ex[t] && redirect_ex;
      flush_id[t]  = sel_id[t] && predict_id && !kill_id[t];

      trap_req[t]   = 1'b0;
      trap_cause[t] = mem_trap_cause;
      trap_pc[t]    = mem_pc_q;
      trap_tval[t]  = mem_trap_tval;
      if (late_err[t]) begin
        trap_req[t]   = !pthread_q[t];
        trap_cause[t] = pend_store_q[t] ? ExcStoreAccess : ExcLoadAccess;
        trap_pc[t]    = pend_pc_q[t];
        trap_tval[t]  = pend_addr_q[t];
      end else if (sel_wb[t] && wb_err) begin
        trap_req[t]   = !pthread_q[t];
        trap_cause[t] = wb_store_q ? ExcStoreAccess : ExcLoadAccess;
        trap_pc[t]    = wb_pc_q;
        trap_tval[t]  = wb_addr_q;
      end else if (sel_mem[t] && mem_trap) begin
        trap_req[t] = 1'b1;
      end
      mret_req[t] = sel_mem[t] && mem_go && mem_mret_q && !mem_pt;
    end
  end

  // ===========================================================================
  // Per-context next state
  // ===========================================================================
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      active_d[t]  = active_q[t];
      pthread_d[t] = pthread_q[t];
      wait_d[t]    = wait_q[t];
      sleep_d[t]   = sleep_q[t] && !irq_pending[t];
      pause_d[t]   = (pause_q[t] != '0) ? pause_q[t] - PauseW'(1) : pause_q[t];
      pc_d[t]      = pc_q[t];

      // lowest priority first; later assignments win
      if (if_fire && (ts_tid == TidW'(t))) pc_d[t] = pc_q[t] + 32'd4;
      if (sel_id[t] && predict_id && !kill_id[t]) pc_d[t] = target_id;
      if (sel_ex[t] && redirect_ex) pc_d[t] = taken_ex ? target_ex : link_ex;
      if (sel_mem[t] && mem_live) begin
        if (mem_trap) begin
          pc_d[t] = trap_vector[t];
        end else if (mem_replay) begin
          pc_d[t] = mem_pc_q;
        end else if (mem_mret_q && !mem_pt) begin
          pc_d[t] = csr_mepc[t];
        end else if (mem_fencei_q || mem_pause_q || mem_sleep || mem_hexit_q) begin
          pc_d[t] = mem_pc_q + 32'd4;
        end
        if (mem_go && !mem_replay) begin
          if (mem_pause_q) pause_d[t]  = PauseW'(PauseCycles);
          if (mem_sleep)   sleep_d[t]  = 1'b1;
          if (mem_hexit_q) active_d[t] = 1'b0;
        end
      end
      if (sel_wb[t] && wb_err) begin
        pc_d[t] = trap_vector[t];
      end else if (sel_wb[t] && wb_park) begin
        pc_d[t]   = wb_pc_q + 32'd4;
        wait_d[t] = 1'b1;
      end
      if (late_done[t]) begin
        wait_d[t] = 1'b0;
        if (late_err[t]) pc_d[t] = trap_vector[t];
      end
      // a p-thread that stops (itself, on an exception, at its budget) or is
      // cancelled leaves nothing behind but an outstanding access, if any
      if (stop_any[t] || cancel_hit[t]) begin
        active_d[t] = 1'b0;
        sleep_d[t]  = 1'b0;
        pause_d[t]  = '0;
      end
      if (cancel_hit[t]) wait_d[t] = 1'b0;
      // hart.start / pex.spawn of this (free) context by another one
      if (hs_start && (hs_tid == TidW'(t))) begin
        active_d[t]  = 1'b1;
        pthread_d[t] = 1'b0;
        sleep_d[t]   = 1'b0;
        pause_d[t]   = '0;
        pc_d[t]      = mem_result_q;
      end
      if (sp_start && (sp_tid == TidW'(t))) begin
        active_d[t]  = 1'b1;
        pthread_d[t] = 1'b1;
        sleep_d[t]   = 1'b0;
        pause_d[t]   = '0;
        pc_d[t]      = mem_result_q;
      end
    end
  end

  // pre-execution bookkeeping
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pthread_q  <= '0;
      mem_busy_q <= '0;
      for (int t = 0; t < NumCtx; t++) begin
        spawner_q[t]    <= '0;
        budget_cnt_q[t] <= 32'd0;
      end
    end else begin
      pthread_q  <= pthread_d;
      for (int t = 0; t < NumCtx; t++) begin
        mem_busy_q[t] <= (mem_busy_q[t] && !dresp_valid_i[t]) ||
                         (dreq_valid_o && dreq_ready_i && (dreq_tid_o == TidW'(t)));
        if (sp_start && (sp_tid == TidW'(t))) begin
          spawner_q[t]    <= mem_tid_q;
          budget_cnt_q[t] <= 32'd0;
        end else if (sel_mem[t] && mem_retire_path && mem_pt) begin
          budget_cnt_q[t] <= budget_cnt_q[t] + 32'd1;
        end
      end
    end
  end

  // pre-execution events for the test bench
  always_comb begin
    pex_event_o = '0;
    pex_event_o[PexEvSpawn]          = sp_start;
    pex_event_o[PexEvRefused]        = sp_refuse;
    pex_event_o[PexEvCancel]         = |cancel_hit;
    pex_event_o[PexEvBudgetStop]     = |stop_budget;
    pex_event_o[PexEvExcStop]        = |stop_exc;
    pex_event_o[PexEvStop]           = |stop_norm;
    pex_event_o[PexEvStoreBuffered]  = mem_retire_path && mem_pt && mem_is_store;
    pex_event_o[PexEvMmioSuppressed] = mem_retire_path && pt_suppressed;
  end

  // parked-instruction records
  always_ff @(posedge clk_i) begin
    for (int t = 0; t < NumCtx; t++) begin
      if (wb_park && (wb_tid_q == TidW'(t))) begin
        pend_pc_q[t]    <= wb_pc_q;
        pend_insn_q[t]  <= wb_insn_q;
        pend_addr_q[t]  <= wb_addr_q;
        pend_rd_q[t]    <= wb_rd_q;
        pend_rd_we_q[t] <= wb_rd_we_q;
        pend_div_q[t]   <= wb_div_q;
        pend_store_q[t] <= wb_store_q;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      active_q <= {{(NumCtx-1){1'b0}}, 1'b1};   // context 0 runs, the others are free
      wait_q   <= '0;
      sleep_q  <= '0;
      for (int t = 0; t < NumCtx; t++) begin
        pause_q[t] <= '0;
        pc_q[t]    <= BootAddr;
      end
    end else begin
      active_q <= active_d;
      wait_q   <= wait_d;
      sleep_q  <= sleep_d;
      for (int t = 0; t < NumCtx; t++) begin
        pause_q[t] <= pause_d[t];
        pc_q[t]    <= pc_d[t];
      end
    end
  end

  // ===========================================================================
  // Pipeline registers
  // ===========================================================================
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      id_valid_q  <= 1'b0;
      id_hold_q   <= 1'b0;
      ex_valid_q  <= 1'b0;
      mem_valid_q <= 1'b0;
      wb_valid_q  <= 1'b0;
      wb2_valid_q <= 1'b0;
    end else begin
      // IF -> ID
      if (id_stall) begin
        id_valid_q <= id_valid_q && !kill_id[id_tid_q];
        id_hold_q  <= 1'b1;
      end else begin
        id_valid_q <= if_fire && !kill_if[ts_tid];
        id_hold_q  <= 1'b0;
      end
      // ID -> EX
      ex_valid_q  <= id_valid_q && !id_stall && !kill_id[id_tid_q];
      // EX -> MEM
      mem_valid_q <= ex_live;
      // MEM -> WB
      wb_valid_q  <= mem_retire_path;
      // WB -> WB2 (forwarding around the register file read)
      wb2_valid_q <= wb_write;
    end
  end

  always_ff @(posedge clk_i) begin
    if (id_stall) begin
      id_hold_insn_q <= instr_id;
      id_hold_err_q  <= ierr_id;
    end else if (if_fire) begin
      id_tid_q <= ts_tid;
      id_pc_q  <= pc_q[ts_tid];
    end

    if (!id_stall) begin
      ex_tid_q       <= id_tid_q;
      ex_pc_q        <= id_pc_q;
      ex_insn_q      <= instr_id;
      ex_imm_q       <= dec_imm;
      ex_rs1_q       <= dec_rs1_used ? dec_rs1 : 5'd0;
      ex_zimm_q      <= dec_rs1;   // CSR[RSC]I immediate
      ex_rs2_q       <= dec_rs2_used ? dec_rs2 : 5'd0;
      ex_rd_q        <= dec_rd;
      ex_amo_q       <= dec_amo_op;
      ex_rd_we_q     <= dec_rd_we && !exc_id;
      ex_late_q      <= dec_late;
      ex_pred_q      <= predict_id;
      ex_alu_op_q    <= dec_alu_op;
      ex_alu_a_sel_q <= dec_alu_a_sel;
      ex_alu_b_imm_q <= dec_alu_b_imm;
      ex_branch_q    <= dec_branch && !exc_id;
      ex_jal_q       <= dec_jal && !exc_id;
      ex_jalr_q      <= dec_jalr && !exc_id;
      ex_mem_q       <= dec_mem && !exc_id;
      ex_div_q       <= dec_div && !exc_id;
      ex_csr_q       <= dec_csr && !exc_id;
      ex_mret_q      <= dec_mret && !exc_id;
      ex_wfi_q       <= dec_wfi && !exc_id;
      ex_fencei_q    <= dec_fencei && !exc_id;
      ex_pause_q     <= dec_pause && !exc_id;
      ex_hstart_q    <= dec_hstart && !exc_id;
      ex_hexit_q     <= dec_hexit && !exc_id;
      ex_pex_spawn_q <= dec_pex_spawn && !exc_id;
      ex_pex_stop_q  <= dec_pex_stop && !exc_id;
      ex_pex_cancel_q<= dec_pex_cancel && !exc_id;
      ex_f3_q        <= dec_f3;
      ex_mem_op_q    <= dec_mem_op;
      ex_exc_q       <= exc_id;
      ex_exc_cause_q <= exc_cause_id;
      ex_exc_tval_q  <= exc_tval_id;
    end

    mem_tid_q       <= ex_tid_q;
    mem_pc_q        <= ex_pc_q;
    mem_insn_q      <= ex_insn_q;
    mem_result_q    <= exc_ex ? 32'd0 : result_ex;
    mem_wdata_q     <= wdata_ex;
    mem_be_q        <= be_ex;
    mem_rd_q        <= ex_rd_q;
    mem_amo_q       <= ex_amo_q;
    mem_rd_we_q     <= ex_rd_we_q && !exc_ex;
    mem_late_q      <= ex_late_q;
    mem_mem_q       <= ex_mem_q && !exc_ex;
    mem_div_q       <= ex_div_q && !exc_ex;
    mem_csr_q       <= ex_csr_q && !exc_ex;
    mem_mret_q      <= ex_mret_q && !exc_ex;
    mem_wfi_q       <= ex_wfi_q && !exc_ex;
    mem_fencei_q    <= ex_fencei_q && !exc_ex;
    mem_pause_q     <= ex_pause_q && !exc_ex;
    mem_hstart_q    <= ex_hstart_q && !exc_ex;
    mem_hexit_q     <= ex_hexit_q && !exc_ex;
    mem_pex_spawn_q <= ex_pex_spawn_q && !exc_ex;
    mem_pex_stop_q  <= ex_pex_stop_q && !exc_ex;
    mem_pex_cancel_q<= ex_pex_cancel_q && !exc_ex;
    mem_f3_q        <= ex_f3_q;
    mem_mem_op_q    <= ex_mem_op_q;
    mem_exc_q       <= exc_ex;
    mem_exc_cause_q <= exc_cause_ex;
    mem_exc_tval_q  <= exc_tval_ex;

    wb_tid_q    <= mem_tid_q;
    wb_pc_q     <= mem_pc_q;
    wb_insn_q   <= mem_insn_q;
    wb_result_q <= result_mem;
    wb_addr_q   <= mem_result_q;
    wb_rd_q     <= mem_rd_q;
    wb_rd_we_q  <= mem_rd_we_q;
    wb_wait_q   <= dreq_valid_o || mem_div_q;   // only accepted requests reach WB
    wb_div_q    <= mem_div_q;
    wb_memop_q  <= dreq_valid_o;
    wb_store_q  <= mem_mem_q && (mem_mem_op_q != DopLoad) && (mem_mem_op_q != DopLr);
    wb_f3_q     <= mem_f3_q;

    wb2_tid_q  <= wb_tid_q;
    wb2_rd_q   <= wb_rd_q;
    wb2_data_q <= wb_value;
  end

  // ===========================================================================
  // Register file write ports, retirement
  // ===========================================================================
  logic [NumCtx-1:0]    from_wb;   // context t retires from the WB stage
  logic [NumCtx-1:0]    own_we;    // a context's own register write this cycle
  logic [NumCtx*5-1:0]  own_waddr;
  logic [NumCtx*32-1:0] own_wdata;
  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      from_wb[t] = wb_complete && !wb_err && sel_wb[t];
      retire_valid_o[t]          = from_wb[t] || (late_done[t] && !late_err[t]);
      retire_pc_o[32*t +: 32]    = from_wb[t] ? wb_pc_q : pend_pc_q[t];
      retire_insn_o[32*t +: 32]  = from_wb[t] ? wb_insn_q : pend_insn_q[t];
      retire_rd_we_o[t]          = from_wb[t] ? wb_rd_we_q : pend_rd_we_q[t];
      retire_rd_o[5*t +: 5]      = from_wb[t] ? wb_rd_q : pend_rd_q[t];
      retire_rd_wdata_o[32*t +: 32] = from_wb[t] ? wb_value : late_value[t];
      retire_addr_o[32*t +: 32]  = from_wb[t] ? wb_addr_q : pend_addr_q[t];
      trap_valid_o[t]            = trap_req[t];
      trap_cause_o[32*t +: 32]   = trap_cause[t];
      trap_tval_o[32*t +: 32]    = trap_tval[t];
      own_we[t]             = retire_valid_o[t] && retire_rd_we_o[t];
      own_waddr[5*t +: 5]   = retire_rd_o[5*t +: 5];
      own_wdata[32*t +: 32] = retire_rd_wdata_o[32*t +: 32];
    end
  end

  // Register mirroring: the bank of every free context follows context 0's
  // bank (context 0's writes are written there too, and a copy engine walks
  // x1..x31 through the regfile's copy port to fill in the rest), so a
  // p-thread spawned by context 0 starts with its registers at once.
  // mirror_ok_q[c] marks the registers known equal; a context can be spawned
  // once all are (about 32 cycles after it became free).
  logic [NumCtx-1:0] mirror_en;
  logic [31:0]       mirror_ok_q [NumCtx];
  logic [4:0]        copy_reg_q;
  logic              copy_valid_q, copy_stale_q, copy_write;
  assign copy_write = copy_valid_q && !copy_stale_q && !own_we[0];
  always_comb begin
    for (int c = 0; c < NumCtx; c++) begin
      mirror_en[c]   = (c != 0) && !active_q[c] && !wait_q[c] &&
                       !(wb_valid_q && (wb_tid_q == TidW'(c)));
      mirror_full[c] = (c != 0) && (&mirror_ok_q[c]);
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      copy_idx_q   <= 5'd1;
      copy_reg_q   <= 5'd1;
      copy_valid_q <= 1'b0;
      copy_stale_q <= 1'b0;
      for (int c = 0; c < NumCtx; c++) mirror_ok_q[c] <= 32'd1;
    end else begin
      copy_idx_q   <= (copy_idx_q == 5'd31) ? 5'd1 : copy_idx_q + 5'd1;
      copy_reg_q   <= copy_idx_q;
      copy_valid_q <= 1'b1;
      // context 0 wrote the register while it was read: the copy is old
      copy_stale_q <= own_we[0] && (own_waddr[4:0] == copy_idx_q);
      for (int c = 0; c < NumCtx; c++) begin
        if (!mirror_en[c]) begin
          mirror_ok_q[c] <= 32'd1;                         // x0 is always equal
        end else if (own_we[0]) begin
          mirror_ok_q[c][own_waddr[4:0]] <= 1'b1;
        end else if (copy_write) begin
          mirror_ok_q[c][copy_reg_q] <= 1'b1;
        end
      end
    end
  end

  always_comb begin
    for (int t = 0; t < NumCtx; t++) begin
      rf_we[t]             = own_we[t];
      rf_waddr[5*t +: 5]   = own_waddr[5*t +: 5];
      rf_wdata[32*t +: 32] = own_wdata[32*t +: 32];
      if (mirror_en[t] && own_we[0]) begin
        rf_we[t]             = 1'b1;
        rf_waddr[5*t +: 5]   = own_waddr[4:0];
        rf_wdata[32*t +: 32] = own_wdata[31:0];
      end else if (mirror_en[t] && copy_write) begin
        rf_we[t]             = 1'b1;
        rf_waddr[5*t +: 5]   = copy_reg_q;
        rf_wdata[32*t +: 32] = copy_rdata;
      end
      // hart.start passes its argument in a0 of the started context
      if (hs_start && (hs_tid == TidW'(t))) begin
        rf_we[t]             = 1'b1;
        rf_waddr[5*t +: 5]   = RegA0;
        rf_wdata[32*t +: 32] = mem_wdata_q;
      end
    end
  end

  assign ctx_active_o = active_q;
  assign ctx_pthread_o = pthread_q;

  // ===========================================================================
  // Per-context CSR files and dividers
  // ===========================================================================
  logic [NumCtx-1:0] csr_we;   // a CSR instruction writes context t's CSR file
  for (genvar t = 0; t < NumCtx; t++) begin : g_ctx
    logic mine_mem;
    assign mine_mem = (mem_tid_q == TidW'(t));
    assign csr_we[t] = mine_mem && mem_go && mem_csr_q && !mem_pt && !mem_pex_csr;

    outrider_csr #(.HartId(32'(t))) u_csr (
      .clk_i, .rst_ni,
      .addr_i         (mem_insn_q[31:20]),
      .write_i        (csr_we[t]),
      .op_i           (mem_f3_q[1:0]),
      .wdata_i        (mem_result_q),
      .write_intent_i (mem_csr_q && mem_csr_write_intent),
      .rdata_o        (csr_rdata[t]),
      .illegal_o      (csr_illegal[t]),
      .trap_i         (trap_req[t]),
      .trap_cause_i   (trap_cause[t]),
      .trap_pc_i      (trap_pc[t]),
      .trap_tval_i    (trap_tval[t]),
      .trap_vector_o  (trap_vector[t]),
      .mret_i         (mret_req[t]),
      .mepc_o         (csr_mepc[t]),
      .mtip_i         (mtip_i[t]),
      .msip_i         (msip_i[t]),
      .meip_i         (meip_i[t]),
      .irq_pending_o  (irq_pending[t]),
      .irq_take_o     (irq_take[t]),
      .irq_cause_o    (irq_cause[t]),
      .mtime_i,
      .retire_i       (retire_valid_o[t]),
      .ev_mem_wait_i  (wait_q[t] && !pend_div_q[t]),
      .ev_redirect_i  (flush_ex[t]),
      .ev_idle_i      (sleep_q[t] || (pause_q[t] != '0))
    );

    // context 0 never runs a p-thread (it is never free): no store buffer
    if (t == 0) begin : g_no_sb
      assign sb_fits_ctx[t]  = 1'b0;
      assign sb_wb_mask[t]   = 4'd0;
      assign sb_wb_data[t]   = 32'd0;
      assign sb_late_mask[t] = 4'd0;
      assign sb_late_data[t] = 32'd0;
    end else begin : g_sb
      outrider_store_buffer #(.Entries(StoreBufEntries)) u_sb (
        .clk_i, .rst_ni,
        // emptied when the context starts, as a p-thread or as a hart: a
        // hart must not see a dead p-thread's stores (found by cosim)
        .clear_i         ((sp_start && (sp_tid == TidW'(t))) || (hs_start && (hs_tid == TidW'(t)))),
        .write_i         (mine_mem && mem_retire_path && mem_pt && mem_is_store),
        .addr_i          (mem_result_q),
        .wdata_i         (mem_wdata_q),
        .be_i            (mem_be_q),
        .fits_o          (sb_fits_ctx[t]),
        .lookup_a_addr_i (wb_addr_q),
        .lookup_a_mask_o (sb_wb_mask[t]),
        .lookup_a_data_o (sb_wb_data[t]),
        .lookup_b_addr_i (pend_addr_q[t]),
        .lookup_b_mask_o (sb_late_mask[t]),
        .lookup_b_data_o (sb_late_data[t])
      );
    end

    outrider_divider u_div (
      .clk_i, .rst_ni,
      .start_i  (mine_mem && mem_retire_path && mem_div_q),
      .op_i     (mem_f3_q[1:0]),
      .a_i      (mem_result_q),
      .b_i      (mem_wdata_q),
      .busy_o   (div_busy[t]),
      .done_o   (div_done[t]),
      .result_o (div_result[t])
    );
  end

  // fields of the ID/EX record not every configuration reads
  logic unused_core;
  assign unused_core = ^{ex_insn_q[6:0], pend_addr_q[0][31:2], mem_late_q};

`ifdef FORMAL
  // ===========================================================================
  // Formal properties (formal/, docs/verification.md "Formal"; read only by
  // yosys -formal). Each is a fact about the current state and inputs, so
  // k-induction closes at k = 1: they hold in every state, reachable or not.
  // ===========================================================================
  always_comb begin
    if (rst_ni) begin
      // a p-thread's data-side requests are loads, marked speculative: its
      // stores never reach the cache, memory or the bus
      if (dreq_valid_o && pthread_q[dreq_tid_o]) assert (dreq_op_o == DopLoad);
      if (dreq_valid_o) assert (dreq_spec_o == pthread_q[dreq_tid_o]);
      // a p-thread never takes a trap, never returns from one, never writes
      // a CSR (its own or the global pre-execution ones)
      for (int t = 0; t < NumCtx; t++) begin
        if (pthread_q[t]) begin
          assert (!trap_req[t]);
          assert (!mret_req[t]);
          assert (!csr_we[t]);
        end
      end
      if (pex_csr_write) assert (!mem_pt);
    end
  end
`endif
endmodule
