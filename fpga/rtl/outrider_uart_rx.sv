// SPDX-License-Identifier: Apache-2.0
// outrider_uart_rx: UART receiver, 8N1, LSB first. The input goes through
// a two-flop synchroniser; a falling edge starts a frame, the start bit is
// checked at its middle and every following bit is sampled at its middle
// (ClkHz/Baud clock cycles per bit, rounded). A frame whose stop bit is low
// is dropped (framing error: frame_err_o pulses) and the receiver waits for
// the line to go idle again. What it is not: a FIFO (the top has one) or an
// oversampling/majority-vote receiver.
// Timing: valid_o pulses for one cycle with data_o in the middle of the
// stop bit.
module outrider_uart_rx #(
  parameter int ClkHz = 25_000_000,
  parameter int Baud  = 115200
) (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic       rx_i,
  output logic       valid_o,
  output logic [7:0] data_o,
  output logic       frame_err_o
);
  localparam int Div  = ((ClkHz + Baud / 2) / Baud) < 1 ? 1 : ((ClkHz + Baud / 2) / Baud);
  localparam int DivW = $clog2(Div + 1);

  logic [1:0]      sync_q;
  logic            rx;
  logic [DivW-1:0] cnt_q;
  logic [3:0]      bit_q;      // 0 idle; 1 start; 2..9 data; 10 stop; 11 wait for idle
  logic [7:0]      shift_q;

  assign rx = sync_q[1];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      sync_q      <= 2'b11;
      cnt_q       <= '0;
      bit_q       <= 4'd0;
      shift_q     <= '0;
      valid_o     <= 1'b0;
      data_o      <= '0;
      frame_err_o <= 1'b0;
    end else begin
      sync_q      <= {sync_q[0], rx_i};
      valid_o     <= 1'b0;
      frame_err_o <= 1'b0;
      if (bit_q == 4'd0) begin
        if (!rx) begin
          bit_q <= 4'd1;
          cnt_q <= DivW'(Div / 2);      // to the middle of the start bit
        end
      end else if (bit_q == 4'd11) begin
        if (rx) bit_q <= 4'd0;
      end else if (cnt_q != '0) begin
        cnt_q <= cnt_q - 1'b1;
      end else begin
        cnt_q <= DivW'(Div - 1);
        if (bit_q == 4'd1) begin
          bit_q <= rx ? 4'd0 : 4'd2;    // a glitch, not a start bit: back to idle
        end else if (bit_q == 4'd10) begin
          if (rx) begin
            valid_o <= 1'b1;
            data_o  <= shift_q;
            bit_q   <= 4'd0;
          end else begin
            frame_err_o <= 1'b1;
            bit_q       <= 4'd11;
          end
        end else begin
          shift_q <= {rx, shift_q[7:1]};
          bit_q   <= bit_q + 4'd1;
        end
      end
    end
  end
endmodule
