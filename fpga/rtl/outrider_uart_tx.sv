// SPDX-License-Identifier: Apache-2.0
// outrider_uart_tx: UART transmitter, 8N1, LSB first, idle high.
// One byte at a time: valid_i/ready_o handshake (ready_o high when idle;
// a byte is taken in a cycle with valid_i && ready_o). Each bit lasts
// ClkHz/Baud clock cycles (rounded to the nearest; at least 1). What it is
// not: a FIFO (outrider_fpga_fifo sits in front) or a parity/flow-control UART.
// Timing: the start bit begins the cycle after the byte is taken; ready_o
// rises again after the stop bit (10 bit times later).
module outrider_uart_tx #(
  parameter int ClkHz = 25_000_000,
  parameter int Baud  = 115200
) (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic       valid_i,
  input  logic [7:0] data_i,
  output logic       ready_o,
  output logic       tx_o
);
  localparam int Div  = ((ClkHz + Baud / 2) / Baud) < 1 ? 1 : ((ClkHz + Baud / 2) / Baud);
  localparam int DivW = $clog2(Div + 1);

  logic [DivW-1:0] cnt_q;
  logic [3:0]      bit_q;      // 0 idle; 1..10 = start, 8 data, stop
  logic [8:0]      shift_q;    // {data, start} shifted out LSB first, then stop

  assign ready_o = (bit_q == 4'd0);
  logic unused_shift;
  assign unused_shift = shift_q[0];   // the start bit, sent from tx_o directly

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      cnt_q   <= '0;
      bit_q   <= 4'd0;
      shift_q <= '1;
      tx_o    <= 1'b1;
    end else if (bit_q == 4'd0) begin
      tx_o <= 1'b1;
      if (valid_i) begin
        shift_q <= {data_i, 1'b0};
        bit_q   <= 4'd1;
        cnt_q   <= DivW'(Div - 1);
        tx_o    <= 1'b0;        // start bit
      end
    end else if (cnt_q != '0) begin
      cnt_q <= cnt_q - 1'b1;
    end else begin
      cnt_q <= DivW'(Div - 1);
      if (bit_q == 4'd10) begin
        bit_q <= 4'd0;          // stop bit done
        tx_o  <= 1'b1;
      end else begin
        bit_q   <= bit_q + 4'd1;
        shift_q <= {1'b1, shift_q[8:1]};
        tx_o    <= (bit_q == 4'd9) ? 1'b1 : shift_q[1];   // bit 9 -> stop bit next
      end
    end
  end
endmodule
