// SPDX-License-Identifier: Apache-2.0
// outrider_soc_tb: a self-contained SystemVerilog test bench for the SoC, for
// simulators driven by FuseSoC/edalize (Icarus; the `sim` target of
// outrider.core). Not the project's main test bench: that is the C library on
// the Verilator model (tb/lib, docs/testbench.md), which this does not replace.
//
// What it does: loads a program image (+hex=FILE: `objcopy -O verilog
// --verilog-data-width 4 --change-addresses -0x80000000`, i.e. word-addressed
// from the RAM base), runs the SoC from reset, prints the console bytes, and
// on the program's exit prints "outrider_soc_tb: exit N after C cycles" and
// finishes ($fatal with status 1 if the exit code is not 0, or after
// +max_cycles=N cycles, default 2000000).
//
// The memory: RamWords 32-bit words at the RAM base, mirrored over the SoC's
// RAM window (addresses wrap), so the image and the stack of a small program
// fit. Instruction port: 1-cycle block RAM (data in the cycle after the
// request), no errors inside RAM. Wishbone: a pipelined slave that accepts a
// beat in every cycle (never stalls) and acknowledges it in the next one.
// The Ext window reads 0; no interrupts, pre-execution enabled at reset.
`timescale 1ns/1ps
module outrider_soc_tb #(
  parameter int RamWords = 65536   // 256 KiB
);
  localparam int AW = $clog2(RamWords);

  logic clk = 1'b0, rst_n = 1'b0;
  always #5 clk = ~clk;

  logic [31:0] mem [RamWords];

  // instruction ports, one per issue lane (two contexts)
  logic [1:0]  imem_req;
  logic [63:0] imem_addr, imem_rdata;
  always_ff @(posedge clk) begin
    if (imem_req[0]) imem_rdata[31:0]  <= mem[imem_addr[AW+1:2]];
    if (imem_req[1]) imem_rdata[63:32] <= mem[imem_addr[32+AW+1:34]];
  end

  // Wishbone
  logic        wb_cyc, wb_stb, wb_we, wb_ack;
  logic [31:0] wb_adr, wb_dat_w, wb_dat_r;
  logic [3:0]  wb_sel;
  logic [2:0]  wb_cti;
  logic [1:0]  wb_bte;
  always_ff @(posedge clk) begin
    wb_ack <= 1'b0;
    if (rst_n && wb_cyc && wb_stb) begin
      wb_ack <= 1'b1;
      if (wb_we) begin
        for (int b = 0; b < 4; b++)
          if (wb_sel[b]) mem[wb_adr[AW+1:2]][8*b +: 8] <= wb_dat_w[8*b +: 8];
      end else begin
        wb_dat_r <= mem[wb_adr[AW+1:2]];
      end
    end
  end

  logic        console_valid, exit_valid, exit_tohost;
  logic [7:0]  console_data;
  logic [31:0] exit_value;

  outrider_soc u_soc (
    .clk_i (clk), .rst_ni (rst_n),
    .imem_req_o (imem_req), .imem_addr_o (imem_addr),
    .imem_rdata_i (imem_rdata), .imem_err_i (2'b00),
    .wb_cyc_o (wb_cyc), .wb_stb_o (wb_stb), .wb_we_o (wb_we), .wb_adr_o (wb_adr),
    .wb_sel_o (wb_sel), .wb_dat_o (wb_dat_w), .wb_cti_o (wb_cti), .wb_bte_o (wb_bte),
    .wb_dat_i (wb_dat_r), .wb_ack_i (wb_ack), .wb_err_i (1'b0), .wb_stall_i (1'b0),
    .meip_i ('0), .tohost_en_i (1'b0), .tohost_addr_i (32'd0),
    .console_valid_o (console_valid), .console_data_o (console_data),
    .exit_valid_o (exit_valid), .exit_tohost_o (exit_tohost), .exit_value_o (exit_value),
    .retire_valid_o (), .retire_pc_o (), .retire_insn_o (), .retire_rd_we_o (),
    .retire_rd_o (), .retire_rd_wdata_o (), .retire_addr_o (),
    .retire_rd_late_o (), .late_we_o (), .late_rd_o (), .late_wdata_o (),
    .trap_valid_o (), .trap_cause_o (), .trap_tval_o (),
    .ctx_active_o (), .ctx_pthread_o (), .pex_event_o (), .pex_enable_i (1'b1),
    .pex_dist_set_i (1'b0), .pex_dist_i (16'd0), .pex_hold_o (), .core_ev_o (), .dpf_valid_o (), .dpf_tid_o (),
    .dpf_spec_o (), .dpf_addr_o (),
    .ext_req_o (), .ext_we_o (), .ext_addr_o (), .ext_wdata_o (), .ext_be_o (),
    .ext_rdata_i (32'd0), .io_ready_i (1'b1), .perfect_dcache_i (1'b0),
    .dc_ev_acc_valid_o (), .dc_ev_acc_tid_o (), .dc_ev_acc_spec_o (), .dc_ev_acc_op_o (),
    .dc_ev_acc_cls_o (), .dc_ev_acc_addr_o (), .dc_ev_fill_valid_o (), .dc_ev_fill_tid_o (),
    .dc_ev_fill_spec_o (), .dc_ev_fill_pref_o (), .dc_ev_fill_addr_o (), .dc_ev_wb_valid_o (),
    .dc_ev_wb_tid_o (), .dc_ev_wb_addr_o (), .dc_ev_evict_valid_o (), .dc_ev_evict_useless_o (), .dc_ev_evict_spared_o (),
    .dc_ev_evict_addr_o (), .dc_ev_mshr_full_o (),
    .dbg_addr_i (32'd0), .dbg_hit_o (), .dbg_data_o (), .dbg_dirty_any_o ()
  );

  string   hex;
  longint  max_cycles, cycles;
  initial begin
    for (int i = 0; i < RamWords; i++) mem[i] = 32'd0;
    if (!$value$plusargs("hex=%s", hex)) $fatal(1, "outrider_soc_tb: no program (+hex=FILE)");
    if (!$value$plusargs("max_cycles=%d", max_cycles)) max_cycles = 2000000;
    $readmemh(hex, mem);
    cycles = 0;
    repeat (4) @(posedge clk);
    rst_n = 1'b1;
  end

  always @(posedge clk) if (rst_n) begin
    cycles <= cycles + 1;
    if (console_valid) $write("%c", console_data);
    if (exit_valid) begin
      $display("outrider_soc_tb: exit %0d after %0d cycles", exit_value, cycles);
      if (exit_value != 0) $fatal(1, "outrider_soc_tb: the program failed");
      $finish;
    end
    if (cycles >= max_cycles) $fatal(1, "outrider_soc_tb: no exit after %0d cycles", cycles);
  end
endmodule
