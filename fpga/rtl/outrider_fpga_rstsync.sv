// SPDX-License-Identifier: Apache-2.0
// outrider_fpga_rstsync: reset synchroniser of the FPGA top. Asserts
// rst_no asynchronously when rst_ni falls (board button or PLL not locked)
// and releases it synchronously, Stages clock edges after rst_ni rises.
// What it is not: a debouncer (a bouncing button gives a few resets, which
// is harmless) or a power-on-reset generator (the PLL's lock does that).
module outrider_fpga_rstsync #(
  parameter int Stages = 3
) (
  input  logic clk_i,
  input  logic rst_ni,   // asynchronous, active low
  output logic rst_no    // asynchronous assertion, synchronous release
);
  logic [Stages-1:0] sync_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) sync_q <= '0;
    else         sync_q <= {sync_q[Stages-2:0], 1'b1};
  end
  assign rst_no = sync_q[Stages-1];
endmodule
