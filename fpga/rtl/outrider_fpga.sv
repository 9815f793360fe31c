// SPDX-License-Identifier: Apache-2.0
// outrider_fpga: the board-independent FPGA top of Outrider. Around the SoC
// (outrider_soc, data cache on, pre-execution enabled, no simulation
// backdoor) it holds:
// - the on-chip RAM at RamBase (RamBytes, code and data): one dual-port
//   block RAM, port A for instruction fetch, port B behind the
//   memory-latency stage (outrider_fpga_memlat) on the SoC's Wishbone port;
// - the boot ROM at ExtBase (BootRomBytes, image BootRomHex): fetched
//   through the instruction port, readable as data through the SoC's
//   external peripheral port; context 0 starts there (BootAddr);
// - the board devices in the Ext window (ExtBase + 0x8000): UART receive
//   data and status, raw transmit, the latency register (build-time default
//   MemWaitStates), the outstanding-access limit, LEDs and read-only
//   build facts (clock, RAM size, baud rate), and the start register
//   (RegGo: a word store resets the SoC, and the boot ROM's first
//   instructions then jump to the stored address, so a loaded program
//   starts from a fresh SoC like after reset in smtsim); docs/fpga-uart.md;
// - a UART (8N1, Baud) carrying the console (the MMIO console register) to
//   the host, with DLE (0x10) escaping so the host can tell frames from
//   text, and the boot loader's program download from the host;
// - program exit: a store to the MMIO exit register sends the frame
//   DLE 'X' and the 32-bit exit value (little endian) after every console
//   byte before it, shows the value's low 7 bits on the LEDs and resets the
//   SoC, which starts the boot loader again;
// - a reset synchroniser (rst_ni: board button AND PLL locked) and a
//   heartbeat LED (led_o[7], toggles every half second).
// Console back-pressure: the console buffer holds TxBufBytes bytes (block
// RAM); while it has fewer than two free entries the SoC holds every
// request to the MMIO and Ext windows (io_ready_i), so no byte is ever
// dropped.
// What it is not: a clock generator (the board wrapper's PLL gives clk_i)
// or board-specific (pins and clocks live in fpga/boards/).
// Timing: one clock domain (clk_i); uart_rx_i is synchronised inside.
module outrider_fpga #(
  parameter int ClkHz           = 25_000_000, // core clock after the PLL
  parameter int Baud            = 115200,
  parameter int RamBytes        = 65536,      // on-chip RAM at 0x8000_0000 (code + data)
  parameter int NumCtx          = 2,
  parameter int DcacheBytes     = 16384,      // the SoC default (board tops may pass less)
  parameter int DcacheWays      = 4,
  parameter int DcacheMshrs     = 8,
  parameter int PexMshrReserve  = DcacheMshrs / 4, // p-thread misses: MSHRs kept for the harts (docs/dcache.md 7)
  parameter int PexMissWait     = 1,          // 1: a p-thread miss without an MSHR waits, 0: dropped
  parameter int StoreBufEntries = 8,
  parameter int MemWaitStates   = 0,          // build-time default of the latency register
  parameter     BootRomHex      = "bootrom.hex", // $readmemh file of the boot ROM
  parameter int BootRomBytes    = 4096,       // boot ROM size (power of two, at most 32 KiB)
  parameter int MemOutstanding  = 4,          // reset value of the outstanding-access limit
  parameter int TxBufBytes      = 2048        // console buffer (block RAM, power of two)
) (
  input  logic       clk_i,      // core clock (PLL output)
  input  logic       rst_ni,     // asynchronous active-low (board button AND pll locked); synchronised inside
  input  logic       uart_rx_i,
  output logic       uart_tx_o,
  output logic [7:0] led_o       // [7] heartbeat, [6:0] LED register (last exit value's low 7 bits)
);
  `include "outrider_defs.svh"

  localparam int TidW    = (NumCtx > 1) ? $clog2(NumCtx) : 1;
  localparam int RamAW   = $clog2(RamBytes / 4);
  localparam int RomAW   = $clog2(BootRomBytes / 4);
  localparam int WaitW   = 16;
  localparam logic [7:0] Dle = 8'h10;

  // Ext window register offsets (docs/fpga-uart.md)
  localparam logic [15:0] RegRxData  = 16'h8000;
  localparam logic [15:0] RegStatus  = 16'h8004;
  localparam logic [15:0] RegTxRaw   = 16'h8008;
  localparam logic [15:0] RegMemWait = 16'h800C;
  localparam logic [15:0] RegMemOut  = 16'h8010;
  localparam logic [15:0] RegLed     = 16'h8014;
  localparam logic [15:0] RegClkHz   = 16'h8018;
  localparam logic [15:0] RegRamSize = 16'h801C;
  localparam logic [15:0] RegBaud    = 16'h8020;
  localparam logic [15:0] RegGo      = 16'h8024;

  // ---- resets -------------------------------------------------------------------
  logic sys_rst_n;     // the top's own registers
  logic soc_rst_nq;    // the SoC: also low while an exit frame goes out
  outrider_fpga_rstsync u_rstsync (.clk_i, .rst_ni, .rst_no (sys_rst_n));

  // ---- the SoC --------------------------------------------------------------------
  logic [NumCtx-1:0]    imem_req, imem_err;     // one instruction port per lane
  logic [NumCtx*32-1:0] imem_addr, imem_rdata;
  logic              wb_cyc, wb_stb, wb_we, wb_ack, wb_err, wb_stall;
  logic [31:0]       wb_adr, wb_dat_w, wb_dat_r;
  logic [3:0]        wb_sel;
  logic [2:0]        wb_cti;
  logic [1:0]        wb_bte;
  logic              console_valid, exit_valid, exit_tohost;
  logic [7:0]        console_data;
  logic [31:0]       exit_value;
  logic              ext_req, ext_we, io_ready;
  logic [15:0]       ext_addr;
  logic [31:0]       ext_wdata, ext_rdata;
  logic [3:0]        ext_be;

  /* verilator lint_off UNUSEDSIGNAL */
  // observability outputs the board does not use
  logic [NumCtx-1:0]    retire_valid, retire_rd_we, trap_valid, ctx_active, ctx_pthread, ev_mshr_full;
  logic [NumCtx*32-1:0] retire_pc, retire_insn, retire_rd_wdata, retire_addr, trap_cause, trap_tval;
  logic [NumCtx*5-1:0]  retire_rd, late_rd;
  logic [NumCtx-1:0]    retire_rd_late, late_we;
  logic [NumCtx*32-1:0] late_wdata;
  logic [7:0]           pex_event;
  logic                 ev_acc_valid, ev_acc_spec, ev_fill_valid, ev_fill_spec, ev_fill_pref;
  logic                 ev_wb_valid, ev_evict_valid, ev_evict_useless, ev_evict_spared;
  logic [TidW-1:0]      ev_acc_tid, ev_fill_tid, ev_wb_tid;
  logic [2:0]           ev_acc_op, ev_acc_cls;
  logic [31:0]          ev_acc_addr, ev_fill_addr, ev_wb_addr, ev_evict_addr;
  logic                 dbg_hit, dbg_dirty_any;
  logic                 console_err;   // error-console byte: the UART prints both channels
  logic [10*32-1:0]     soc_params;    // the SoC's parameters (for a test bench)
  logic [31:0]          dbg_data;
  logic [5*NumCtx-1:0]  pipe_valid;      // pipeline debug record: 0 here (SimDebug = 0)
  logic [5*NumCtx*TidW-1:0] pipe_tid;
  logic [5*NumCtx*32-1:0] pipe_pc, pipe_insn;
  logic [16*NumCtx-1:0] pipe_flags;
  logic [NumCtx-1:0]    dport_lost, pex_hold;
  logic                 dpf_valid, dpf_spec;   // prefetch hints (the cache takes them inside the SoC)
  logic [4*NumCtx-1:0]  core_ev;         // issue/branch events (statistics)
  logic [TidW-1:0]      dpf_tid;
  logic [31:0]          dpf_addr;
  /* verilator lint_on UNUSEDSIGNAL */

  outrider_soc #(
    .NumCtx          (NumCtx),
    .StoreBufEntries (StoreBufEntries),
    .DcacheBytes     (DcacheBytes),
    .DcacheWays      (DcacheWays),
    .DcacheMshrs     (DcacheMshrs),
    .PexMshrReserve  (PexMshrReserve),
    .PexMissWait     (PexMissWait),
    .SimDebug        (0),
    .BootAddr        (ExtBase)
  ) u_soc (
    .clk_i,
    .rst_ni            (soc_rst_nq),
    .imem_req_o        (imem_req),
    .imem_addr_o       (imem_addr),
    .imem_rdata_i      (imem_rdata),
    .imem_err_i        (imem_err),
    .wb_cyc_o          (wb_cyc),
    .wb_stb_o          (wb_stb),
    .wb_we_o           (wb_we),
    .wb_adr_o          (wb_adr),
    .wb_sel_o          (wb_sel),
    .wb_dat_o          (wb_dat_w),
    .wb_cti_o          (wb_cti),
    .wb_bte_o          (wb_bte),
    .wb_dat_i          (wb_dat_r),
    .wb_ack_i          (wb_ack),
    .wb_err_i          (wb_err),
    .wb_stall_i        (wb_stall),
    .meip_i            ({NumCtx{1'b0}}),
    .tohost_en_i       (1'b0),
    .tohost_addr_i     (32'd0),
    .console_valid_o   (console_valid),
    .console_data_o    (console_data),
    .console_err_o     (console_err),
    .exit_valid_o      (exit_valid),
    .exit_tohost_o     (exit_tohost),
    .exit_value_o      (exit_value),
    .retire_valid_o    (retire_valid),
    .retire_pc_o       (retire_pc),
    .retire_insn_o     (retire_insn),
    .retire_rd_we_o    (retire_rd_we),
    .retire_rd_o       (retire_rd),
    .retire_rd_wdata_o (retire_rd_wdata),
    .retire_addr_o     (retire_addr),
    .retire_rd_late_o  (retire_rd_late),
    .late_we_o         (late_we),
    .late_rd_o         (late_rd),
    .late_wdata_o      (late_wdata),
    .trap_valid_o      (trap_valid),
    .trap_cause_o      (trap_cause),
    .trap_tval_o       (trap_tval),
    .ctx_active_o      (ctx_active),
    .ctx_pthread_o     (ctx_pthread),
    .pex_event_o       (pex_event),
    .pex_enable_i      (1'b1),
    .pex_dist_set_i    (1'b0),      // pexdist: the SoC default
    .pex_dist_i        (16'd0),
    .pex_hold_o        (pex_hold),
    .core_ev_o         (core_ev),
    .dpf_valid_o       (dpf_valid),
    .dpf_tid_o         (dpf_tid),
    .dpf_spec_o        (dpf_spec),
    .dpf_addr_o        (dpf_addr),
    .ext_req_o         (ext_req),
    .ext_we_o          (ext_we),
    .ext_addr_o        (ext_addr),
    .ext_wdata_o       (ext_wdata),
    .ext_be_o          (ext_be),
    .ext_rdata_i       (ext_rdata),
    .io_ready_i        (io_ready),
    .perfect_dcache_i  (1'b0),
    .dc_ev_acc_valid_o     (ev_acc_valid),
    .dc_ev_acc_tid_o       (ev_acc_tid),
    .dc_ev_acc_spec_o      (ev_acc_spec),
    .dc_ev_acc_op_o        (ev_acc_op),
    .dc_ev_acc_cls_o       (ev_acc_cls),
    .dc_ev_acc_addr_o      (ev_acc_addr),
    .dc_ev_fill_valid_o    (ev_fill_valid),
    .dc_ev_fill_tid_o      (ev_fill_tid),
    .dc_ev_fill_spec_o     (ev_fill_spec),
    .dc_ev_fill_pref_o     (ev_fill_pref),
    .dc_ev_fill_addr_o     (ev_fill_addr),
    .dc_ev_wb_valid_o      (ev_wb_valid),
    .dc_ev_wb_tid_o        (ev_wb_tid),
    .dc_ev_wb_addr_o       (ev_wb_addr),
    .dc_ev_evict_valid_o   (ev_evict_valid),
    .dc_ev_evict_useless_o (ev_evict_useless),
    .dc_ev_evict_spared_o  (ev_evict_spared),
    .dc_ev_evict_addr_o    (ev_evict_addr),
    .dc_ev_mshr_full_o     (ev_mshr_full),
    .dbg_addr_i        (32'd0),
    .dbg_hit_o         (dbg_hit),
    .dbg_data_o        (dbg_data),
    .dbg_dirty_any_o   (dbg_dirty_any),
    .dbg_pipe_valid_o  (pipe_valid),
    .dbg_pipe_tid_o    (pipe_tid),
    .dbg_pipe_pc_o     (pipe_pc),
    .dbg_pipe_insn_o   (pipe_insn),
    .dbg_pipe_flags_o  (pipe_flags),
    .dport_lost_o      (dport_lost),
    .params_o          (soc_params)
  );

  // ---- instruction fetch: RAM or boot ROM, one port per lane ----------------------
  // Each lane has its own instruction port. The RAM and the boot ROM are
  // block RAMs with two ports each (port a: instruction fetch, port b: the
  // Wishbone side / the Ext window), so lane t > 0 reads its own copy of
  // each: a RAM copy whose port b takes the same Wishbone writes as lane 0's
  // (its read data unused), and a ROM copy with port b idle. Cost: NumCtx
  // times the RAM's and the ROM's block RAM.
  logic [NumCtx-1:0]    i_ram, i_rom, i_rom_q, i_err_q;
  logic [NumCtx*32-1:0] i_ram_off, i_rom_off, ram_a_rdata, rom_a_rdata;
  for (genvar gi = 0; gi < NumCtx; gi++) begin : g_iport
    assign i_ram_off[32*gi +: 32] = imem_addr[32*gi +: 32] - RamBase;
    assign i_rom_off[32*gi +: 32] = imem_addr[32*gi +: 32] - ExtBase;
    assign i_ram[gi] = i_ram_off[32*gi +: 32] < 32'(RamBytes);
    assign i_rom[gi] = i_rom_off[32*gi +: 32] < 32'(BootRomBytes);
    always_ff @(posedge clk_i or negedge sys_rst_n) begin
      if (!sys_rst_n) begin
        i_rom_q[gi] <= 1'b0;
        i_err_q[gi] <= 1'b0;
      end else if (imem_req[gi]) begin
        i_rom_q[gi] <= i_rom[gi];
        i_err_q[gi] <= !i_ram[gi] && !i_rom[gi];
      end
    end
    assign imem_rdata[32*gi +: 32] = i_rom_q[gi] ? rom_a_rdata[32*gi +: 32]
                                                 : ram_a_rdata[32*gi +: 32];
    assign imem_err[gi]   = i_err_q[gi];
  end

  // ---- RAM behind the latency stage --------------------------------------------
  logic [WaitW-1:0]  mem_wait_q;
  logic [7:0]        mem_out_q;
  logic              ram_b_en;
  logic [3:0]        ram_b_we;
  logic [RamAW-1:0]  ram_b_addr;
  logic [31:0]       ram_b_wdata, ram_b_rdata;

  outrider_fpga_memlat #(.Bytes (RamBytes), .WaitW (WaitW)) u_memlat (
    .clk_i, .rst_ni (soc_rst_nq),
    .wb_cyc_i (wb_cyc), .wb_stb_i (wb_stb), .wb_we_i (wb_we), .wb_adr_i (wb_adr),
    .wb_sel_i (wb_sel), .wb_dat_i (wb_dat_w), .wb_cti_i (wb_cti),
    .wb_dat_o (wb_dat_r), .wb_ack_o (wb_ack), .wb_err_o (wb_err), .wb_stall_o (wb_stall),
    .wait_i (mem_wait_q), .outstanding_i (mem_out_q),
    .ram_en_o (ram_b_en), .ram_we_o (ram_b_we), .ram_addr_o (ram_b_addr),
    .ram_wdata_o (ram_b_wdata), .ram_rdata_i (ram_b_rdata)
  );

  outrider_fpga_ram #(.Bytes (RamBytes)) u_ram (
    .clk_i,
    .a_en_i (imem_req[0] && i_ram[0]), .a_addr_i (i_ram_off[2 +: RamAW]),
    .a_rdata_o (ram_a_rdata[31:0]),
    .b_en_i (ram_b_en), .b_we_i (ram_b_we), .b_addr_i (ram_b_addr),
    .b_wdata_i (ram_b_wdata), .b_rdata_o (ram_b_rdata)
  );
  // the other lanes' copies: same writes, reads only on port a
  for (genvar gi = 1; gi < NumCtx; gi++) begin : g_ram_copy
    /* verilator lint_off UNUSEDSIGNAL */
    logic [31:0] copy_b_rdata;
    /* verilator lint_on UNUSEDSIGNAL */
    outrider_fpga_ram #(.Bytes (RamBytes)) u_ram_copy (
      .clk_i,
      .a_en_i (imem_req[gi] && i_ram[gi]), .a_addr_i (i_ram_off[32*gi + 2 +: RamAW]),
      .a_rdata_o (ram_a_rdata[32*gi +: 32]),
      .b_en_i (ram_b_en), .b_we_i (ram_b_we), .b_addr_i (ram_b_addr),
      .b_wdata_i (ram_b_wdata), .b_rdata_o (copy_b_rdata)
    );
  end

  // ---- boot ROM -------------------------------------------------------------------
  logic        e_rom;
  logic [31:0] rom_b_rdata;
  assign e_rom = !ext_addr[15];
  outrider_fpga_rom #(.Bytes (BootRomBytes), .InitHex (BootRomHex)) u_rom (
    .clk_i,
    .a_en_i (imem_req[0] && i_rom[0]), .a_addr_i (i_rom_off[2 +: RomAW]),
    .a_rdata_o (rom_a_rdata[31:0]),
    .b_en_i (ext_req && e_rom), .b_addr_i (ext_addr[2 +: RomAW]), .b_rdata_o (rom_b_rdata)
  );
  for (genvar gi = 1; gi < NumCtx; gi++) begin : g_rom_copy
    /* verilator lint_off UNUSEDSIGNAL */
    logic [31:0] copy_b_rdata;
    /* verilator lint_on UNUSEDSIGNAL */
    outrider_fpga_rom #(.Bytes (BootRomBytes), .InitHex (BootRomHex)) u_rom_copy (
      .clk_i,
      .a_en_i (imem_req[gi] && i_rom[gi]), .a_addr_i (i_rom_off[32*gi + 2 +: RomAW]),
      .a_rdata_o (rom_a_rdata[32*gi +: 32]),
      .b_en_i (1'b0), .b_addr_i ('0), .b_rdata_o (copy_b_rdata)
    );
  end

  // ---- UART -----------------------------------------------------------------------
  // receive: uart_rx -> queue -> RegRxData
  logic       rx_valid, rx_frame_err, rx_empty, rx_full, rx_pop;
  logic [7:0] rx_data, rx_head;
  logic [5:0] rx_free;
  outrider_uart_rx #(.ClkHz (ClkHz), .Baud (Baud)) u_uart_rx (
    .clk_i, .rst_ni (sys_rst_n), .rx_i (uart_rx_i),
    .valid_o (rx_valid), .data_o (rx_data), .frame_err_o (rx_frame_err)
  );
  outrider_fpga_fifo #(.Width (8), .Depth (32)) u_rx_fifo (
    .clk_i, .rst_ni (sys_rst_n),
    .push_i (rx_valid), .wdata_i (rx_data), .pop_i (rx_pop),
    .rdata_o (rx_head), .empty_o (rx_empty), .full_o (rx_full), .free_o (rx_free)
  );

  // transmit: {raw, byte} entries -> DLE escaping -> uart_tx
  // (a console buffer of TxBufBytes: a program that prints less than that
  // at a time never waits for the UART, and runs as in smtsim)
  localparam int TxPtrW = $clog2(TxBufBytes);
  logic              tx_push, tx_empty, tx_full, tx_pop, tx_ready, tx_dup_q, tx_send, tx_valid;
  logic [8:0]        tx_wdata, tx_head;
  logic [TxPtrW:0]   tx_free;
  outrider_fpga_bfifo #(.Width (9), .Depth (TxBufBytes)) u_tx_fifo (
    .clk_i, .rst_ni (sys_rst_n),
    .push_i (tx_push), .wdata_i (tx_wdata), .pop_i (tx_pop),
    .rdata_o (tx_head), .valid_o (tx_valid), .free_o (tx_free)
  );
  assign tx_empty = !tx_valid;
  assign tx_full  = (tx_free == '0);
  // a console byte equal to DLE goes out twice; raw bytes (frames) once
  logic tx_needs_dup;
  assign tx_needs_dup = !tx_head[8] && (tx_head[7:0] == Dle);
  assign tx_send      = !tx_empty && tx_ready;
  assign tx_pop       = tx_send && (!tx_needs_dup || tx_dup_q);
  always_ff @(posedge clk_i or negedge sys_rst_n) begin
    if (!sys_rst_n)   tx_dup_q <= 1'b0;
    else if (tx_send) tx_dup_q <= tx_needs_dup && !tx_dup_q;
  end
  outrider_uart_tx #(.ClkHz (ClkHz), .Baud (Baud)) u_uart_tx (
    .clk_i, .rst_ni (sys_rst_n),
    .valid_i (!tx_empty), .data_i (tx_head[7:0]), .ready_o (tx_ready), .tx_o (uart_tx_o)
  );

  // ---- program exit: frame, LEDs, SoC reset ------------------------------------
  logic        exit_busy_q, exit_start;
  logic [2:0]  exit_idx_q;
  logic [31:0] exit_val_q;
  logic [7:0]  exit_byte;
  logic        unused_exit;
  assign unused_exit = exit_tohost;     // tohost is not used on the board
  assign exit_start  = exit_valid && !exit_busy_q;
  always_comb begin
    case (exit_idx_q)
      3'd0:    exit_byte = Dle;
      3'd1:    exit_byte = 8'h58;         // 'X'
      3'd2:    exit_byte = exit_val_q[7:0];
      3'd3:    exit_byte = exit_val_q[15:8];
      3'd4:    exit_byte = exit_val_q[23:16];
      default: exit_byte = exit_val_q[31:24];
    endcase
  end

  // ---- Ext window: registers ------------------------------------------------------
  logic        raw_push_q, overrun_q, e_rom_q, hb_q, go_start;
  logic [1:0]  go_rst_q;      // SoC reset cycles left after a start-register store
  logic [31:0] go_addr_q;
  logic [7:0]  raw_byte_q;
  logic [6:0]  led_q;
  logic [31:0] e_rdata_q;
  logic [31:0] hb_cnt_q;
  logic        e_rd, e_wr, e_word;
  assign e_rd   = ext_req && !ext_we && !e_rom;
  assign e_wr   = ext_req && ext_we && !e_rom;
  assign e_word = (ext_be == 4'hF);
  assign rx_pop = e_rd && (ext_addr == RegRxData) && !rx_empty;
  assign go_start = e_wr && e_word && (ext_addr == RegGo) && (ext_wdata != 32'd0);

  // transmit queue pushes: a console byte (MMIO, the cycle after its store),
  // a raw byte (the cycle after its store), or the exit frame (while the SoC
  // is held in reset); at most one per cycle
  always_comb begin
    tx_push  = 1'b0;
    tx_wdata = {1'b0, console_data};
    if (exit_busy_q) begin
      tx_push  = !tx_full;
      tx_wdata = {1'b1, exit_byte};
    end else if (console_valid) begin
      tx_push  = 1'b1;
      tx_wdata = {1'b0, console_data};
    end else if (raw_push_q) begin
      tx_push  = 1'b1;
      tx_wdata = {1'b1, raw_byte_q};
    end
  end
  // two free entries: one for a byte whose store was accepted last cycle,
  // one for a store accepted now
  assign io_ready = (tx_free >= (TxPtrW+1)'(2)) && !exit_busy_q && (go_rst_q == 2'd0);

  always_ff @(posedge clk_i or negedge sys_rst_n) begin
    if (!sys_rst_n) begin
      soc_rst_nq  <= 1'b0;
      go_rst_q    <= 2'd0;
      go_addr_q   <= '0;
      exit_busy_q <= 1'b0;
      exit_idx_q  <= 3'd0;
      exit_val_q  <= '0;
      raw_push_q  <= 1'b0;
      raw_byte_q  <= '0;
      overrun_q   <= 1'b0;
      led_q       <= '0;
      mem_wait_q  <= WaitW'(MemWaitStates);
      mem_out_q   <= 8'(MemOutstanding);
      e_rom_q     <= 1'b0;
      e_rdata_q   <= '0;
      hb_cnt_q    <= '0;
      hb_q        <= 1'b0;
    end else begin
      soc_rst_nq <= !(exit_busy_q || exit_start || go_start || (go_rst_q != 2'd0));
      // start register: two cycles of SoC reset after a non-zero word store
      if (go_start)              go_rst_q <= 2'd2;
      else if (go_rst_q != 2'd0) go_rst_q <= go_rst_q - 2'd1;
      // exit frame
      if (exit_start) begin
        exit_busy_q <= 1'b1;
        exit_idx_q  <= 3'd0;
        exit_val_q  <= exit_value;
        led_q       <= exit_value[6:0];
      end else if (exit_busy_q && !tx_full) begin
        exit_idx_q <= exit_idx_q + 3'd1;
        if (exit_idx_q == 3'd5) exit_busy_q <= 1'b0;
      end
      // raw transmit
      raw_push_q <= e_wr && (ext_addr == RegTxRaw) && !exit_busy_q;
      if (e_wr && (ext_addr == RegTxRaw)) raw_byte_q <= ext_wdata[7:0];
      // receive overrun: sticky until the status register is read
      if (rx_valid && rx_full) overrun_q <= 1'b1;
      else if (e_rd && (ext_addr == RegStatus)) overrun_q <= 1'b0;
      // register writes (word stores)
      if (e_wr && e_word) begin
        case (ext_addr)
          RegMemWait: mem_wait_q <= ext_wdata[WaitW-1:0];
          RegMemOut:  mem_out_q  <= (ext_wdata[7:0] == 8'd0) ? 8'd1 : ext_wdata[7:0];
          RegLed:     led_q      <= ext_wdata[6:0];
          RegGo:      go_addr_q  <= ext_wdata;
          default: ;
        endcase
      end
      // register reads: data the cycle after the request
      if (ext_req) e_rom_q <= e_rom;
      if (e_rd) begin
        case (ext_addr)
          RegRxData:  e_rdata_q <= {23'd0, !rx_empty, rx_empty ? 8'd0 : rx_head};
          RegStatus:  e_rdata_q <= {29'd0, overrun_q || (rx_valid && rx_full),
                                    io_ready, !rx_empty};
          RegMemWait: e_rdata_q <= 32'(mem_wait_q);
          RegMemOut:  e_rdata_q <= 32'(mem_out_q);
          RegLed:     e_rdata_q <= {25'd0, led_q};
          RegClkHz:   e_rdata_q <= 32'(ClkHz);
          RegRamSize: e_rdata_q <= 32'(RamBytes);
          RegBaud:    e_rdata_q <= 32'(Baud);
          RegGo:      e_rdata_q <= go_addr_q;
          default:    e_rdata_q <= 32'd0;
        endcase
      end
      // heartbeat: toggles every ClkHz/2 cycles (1 Hz blink)
      if (hb_cnt_q >= 32'(ClkHz / 2 - 1)) begin
        hb_cnt_q <= '0;
        hb_q     <= !hb_q;
      end else begin
        hb_cnt_q <= hb_cnt_q + 32'd1;
      end
    end
  end
  assign ext_rdata = e_rom_q ? rom_b_rdata : e_rdata_q;
  assign led_o     = {hb_q, led_q};

  logic unused_fpga;
  assign unused_fpga = ^{wb_bte, rx_frame_err, rx_free, ext_be[0], ext_wdata[31:16]};
endmodule
