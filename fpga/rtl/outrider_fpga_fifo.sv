// SPDX-License-Identifier: Apache-2.0
// outrider_fpga_fifo: a small synchronous FIFO (first-word fall-through)
// for the FPGA top's UART queues. Depth a power of two; rdata_o is the head
// (valid while !empty_o), pop_i removes it; push_i while full_o is ignored
// (callers check free_o first). free_o counts free entries. Storage is a
// plain array read combinationally (LUT RAM or flip-flops).
// Timing: a push is visible at the head the cycle after it.
module outrider_fpga_fifo #(
  parameter int Width = 8,
  parameter int Depth = 16,
  // derived: do not override
  parameter int PtrW  = $clog2(Depth)
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  input  logic             push_i,
  input  logic [Width-1:0] wdata_i,
  input  logic             pop_i,
  output logic [Width-1:0] rdata_o,
  output logic             empty_o,
  output logic             full_o,
  output logic [PtrW:0]    free_o
);
  logic [Width-1:0] mem_q [Depth];
  logic [PtrW-1:0]  head_q, tail_q;
  logic [PtrW:0]    count_q;
  logic             do_push, do_pop;

  assign empty_o = (count_q == '0);
  assign full_o  = (count_q == (PtrW+1)'(Depth));
  assign free_o  = (PtrW+1)'(Depth) - count_q;
  assign do_push = push_i && !full_o;
  assign do_pop  = pop_i && !empty_o;
  assign rdata_o = mem_q[head_q];

  always_ff @(posedge clk_i) begin
    if (do_push) mem_q[tail_q] <= wdata_i;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      head_q  <= '0;
      tail_q  <= '0;
      count_q <= '0;
    end else begin
      if (do_push) tail_q <= tail_q + 1'b1;
      if (do_pop)  head_q <= head_q + 1'b1;
      count_q <= count_q + (PtrW+1)'(do_push) - (PtrW+1)'(do_pop);
    end
  end
endmodule
