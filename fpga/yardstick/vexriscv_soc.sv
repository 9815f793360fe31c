// SPDX-License-Identifier: Apache-2.0
// vexriscv_soc: the yardstick of `make fpga-report` (fpga/fpga.mk). VexRiscv_Full
// (PyPI pythondata-cpu-vexriscv, fpga/requirements.txt) in the same shell as
// outrider_fpga: the same ports, a dual-port block RAM of RamBytes at
// 0x8000_0000 initialised from the same boot-ROM image (instruction bus on
// one port, data bus on the other, classic Wishbone, one-cycle ack), a
// memory-mapped byte register at 0x1000_0000 that goes out over a UART
// transmitter and an LED register at 0x1000_0004, so that nothing of the core
// is constant and synthesis keeps all of it. Not a usable SoC: only the area
// and Fmax of the core next to Outrider's are of interest.
module vexriscv_soc #(
  parameter int ClkHz      = 25_000_000,
  parameter int Baud       = 115200,
  parameter int RamBytes   = 65536,
  parameter     BootRomHex = "bootrom.hex"
) (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic       uart_rx_i,
  output logic       uart_tx_o,
  output logic [7:0] led_o
);
  localparam int Words = RamBytes / 4;
  localparam int AW    = $clog2(Words);
  localparam int Div   = ClkHz / Baud;

  logic [1:0] rst_sync;
  always_ff @(posedge clk_i or negedge rst_ni)
    if (!rst_ni) rst_sync <= 2'b00;
    else         rst_sync <= {rst_sync[0], 1'b1};
  logic rst;
  assign rst = !rst_sync[1];

  // the instruction bus never writes; CTI/BTE and the high address bits are not decoded
  /* verilator lint_off UNUSEDSIGNAL */
  logic        i_cyc, i_stb, i_we, d_cyc, d_stb, d_we;
  logic [29:0] i_adr, d_adr;
  logic [31:0] i_dat_w, d_dat_w;
  logic [3:0]  i_sel, d_sel;
  logic [2:0]  i_cti, d_cti;
  logic [1:0]  i_bte, d_bte;
  /* verilator lint_on UNUSEDSIGNAL */
  logic        i_ack, d_ack;
  logic [31:0] i_dat_r, d_dat_r, ram_q;

  VexRiscv u_cpu (
    .externalResetVector(32'h8000_0000), .timerInterrupt(1'b0), .softwareInterrupt(1'b0),
    .externalInterruptArray({31'b0, uart_rx_i}),
    .iBusWishbone_CYC(i_cyc), .iBusWishbone_STB(i_stb), .iBusWishbone_ACK(i_ack),
    .iBusWishbone_WE(i_we), .iBusWishbone_ADR(i_adr), .iBusWishbone_DAT_MISO(i_dat_r),
    .iBusWishbone_DAT_MOSI(i_dat_w), .iBusWishbone_SEL(i_sel), .iBusWishbone_ERR(1'b0),
    .iBusWishbone_CTI(i_cti), .iBusWishbone_BTE(i_bte),
    .dBusWishbone_CYC(d_cyc), .dBusWishbone_STB(d_stb), .dBusWishbone_ACK(d_ack),
    .dBusWishbone_WE(d_we), .dBusWishbone_ADR(d_adr), .dBusWishbone_DAT_MISO(d_dat_r),
    .dBusWishbone_DAT_MOSI(d_dat_w), .dBusWishbone_SEL(d_sel), .dBusWishbone_ERR(1'b0),
    .dBusWishbone_CTI(d_cti), .dBusWishbone_BTE(d_bte),
    .clk(clk_i), .reset(rst)
  );

  logic [31:0] mem [0:Words-1];
  initial $readmemh(BootRomHex, mem);

  // instruction port
  always_ff @(posedge clk_i) i_dat_r <= mem[i_adr[AW-1:0]];
  always_ff @(posedge clk_i)
    if (rst) i_ack <= 1'b0;
    else     i_ack <= i_cyc && i_stb && !i_ack;

  // data port: RAM at 0x8..., I/O at 0x1...
  logic d_ram, d_io;
  assign d_ram = d_adr[29:28] == 2'b10;
  assign d_io  = d_adr[29:26] == 4'b0001;
  always_ff @(posedge clk_i) begin
    if (d_cyc && d_stb && d_we && d_ram && !d_ack) begin
      if (d_sel[0]) mem[d_adr[AW-1:0]][7:0]   <= d_dat_w[7:0];
      if (d_sel[1]) mem[d_adr[AW-1:0]][15:8]  <= d_dat_w[15:8];
      if (d_sel[2]) mem[d_adr[AW-1:0]][23:16] <= d_dat_w[23:16];
      if (d_sel[3]) mem[d_adr[AW-1:0]][31:24] <= d_dat_w[31:24];
    end
    ram_q <= mem[d_adr[AW-1:0]];
  end
  logic d_io_q;
  always_ff @(posedge clk_i)
    if (rst) begin d_ack <= 1'b0; d_io_q <= 1'b0; end
    else begin d_ack <= d_cyc && d_stb && !d_ack; d_io_q <= d_io; end

  // I/O: console byte (UART transmitter), LEDs, UART busy flag
  logic [15:0] baud_cnt;
  logic [9:0]  tx_sh;
  logic [3:0]  tx_bits;
  logic [7:0]  led_q;
  always_ff @(posedge clk_i)
    if (rst) begin
      baud_cnt <= '0; tx_sh <= '1; tx_bits <= '0; led_q <= '0;
    end else begin
      if (d_cyc && d_stb && d_we && d_io && !d_ack) begin
        if (!d_adr[0] && tx_bits == 0) begin
          tx_sh <= {1'b1, d_dat_w[7:0], 1'b0}; tx_bits <= 4'd10; baud_cnt <= '0;
        end
        if (d_adr[0]) led_q <= d_dat_w[7:0];
      end else if (tx_bits != 0) begin
        if (baud_cnt == Div[15:0]) begin
          baud_cnt <= '0; tx_sh <= {1'b1, tx_sh[9:1]}; tx_bits <= tx_bits - 4'd1;
        end else baud_cnt <= baud_cnt + 16'd1;
      end
    end
  assign d_dat_r   = d_io_q ? {31'b0, tx_bits != 0} : ram_q;
  assign uart_tx_o = tx_sh[0];
  assign led_o     = led_q;
endmodule
