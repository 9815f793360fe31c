// SPDX-License-Identifier: Apache-2.0
// outrider_mmio: the simulation-control MMIO block (docs/memory-map.md):
// console output (two channels: normal and error) and simulation exit.
//
// Registers (offsets in the 4 KiB window, decoded on addr_i[11:2]):
//   MmioConsoleTx  store of any width: console_valid_o pulses with the byte
//                  of the lowest-numbered enabled lane (be_i; the data is
//                  already in its byte lanes, so "sb" to offset 0 and "sw"
//                  both print wdata_i[7:0]; "sb" to offset 1 prints lane 1).
//   MmioConsoleErr store of any width: the same, with console_err_o high
//                  (the error console: smtsim and the ISS write it to
//                  stderr; an FPGA top may send both channels to its UART).
//   MmioSimExit    word store (be_i == 4'hF): exit_valid_o pulses with
//                  exit_value_o = the stored word. A narrower store is
//                  ignored (the contract says word store).
// console_* and exit_* are one-cycle pulses registered from the request:
// a store in cycle N pulses in cycle N+1. console_data_o/exit_value_o hold
// their last value between pulses.
//
// Reads: rdata_o is valid the cycle after req_i (like the CLINT's) and is
// always 0 today. Other offsets read 0 and ignore writes. No bus errors.
module outrider_mmio (
  input  logic        clk_i,
  input  logic        rst_ni,

  input  logic        req_i,
  input  logic        we_i,
  input  logic [11:0] addr_i,
  input  logic [31:0] wdata_i,
  input  logic [3:0]  be_i,
  output logic [31:0] rdata_o,

  output logic        console_valid_o,
  output logic [7:0]  console_data_o,
  output logic        console_err_o,   // with console_valid_o: the byte is for the error console
  output logic        exit_valid_o,
  output logic [31:0] exit_value_o
);
  `include "outrider_defs.svh"

  logic       wr_console, wr_err, wr_exit;
  logic [7:0] tx_byte;
  logic       unused_addr;
  assign unused_addr = ^addr_i[1:0];   // registers are word-decoded

  assign wr_console = req_i && we_i && (addr_i[11:2] == MmioConsoleTx[11:2]) && (be_i != 4'h0);
  assign wr_err     = req_i && we_i && (addr_i[11:2] == MmioConsoleErr[11:2]) && (be_i != 4'h0);
  assign wr_exit    = req_i && we_i && (addr_i[11:2] == MmioSimExit[11:2]) && (be_i == 4'hF);

  // Lowest-numbered enabled byte lane.
  assign tx_byte = be_i[0] ? wdata_i[7:0]   :
                   be_i[1] ? wdata_i[15:8]  :
                   be_i[2] ? wdata_i[23:16] : wdata_i[31:24];

  logic        console_valid_q, console_err_q, exit_valid_q;
  logic [7:0]  console_data_q;
  logic [31:0] exit_value_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      console_valid_q <= 1'b0;
      console_data_q  <= '0;
      console_err_q   <= 1'b0;
      exit_valid_q    <= 1'b0;
      exit_value_q    <= '0;
    end else begin
      console_valid_q <= wr_console || wr_err;
      exit_valid_q    <= wr_exit;
      if (wr_console || wr_err) begin
        console_data_q <= tx_byte;
        console_err_q  <= wr_err;
      end
      if (wr_exit)    exit_value_q   <= wdata_i;
    end
  end

  // Every register reads 0: a constant trivially meets the "valid the cycle
  // after req_i" read timing of the peripheral port.
  assign rdata_o         = 32'd0;
  assign console_valid_o = console_valid_q;
  assign console_data_o  = console_data_q;
  assign console_err_o   = console_err_q;
  assign exit_valid_o    = exit_valid_q;
  assign exit_value_o    = exit_value_q;
endmodule
