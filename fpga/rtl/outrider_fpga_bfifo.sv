// SPDX-License-Identifier: Apache-2.0
// outrider_fpga_bfifo: a synchronous FIFO in block RAM (registered read)
// for the FPGA top's console buffer, first-word fall-through through an
// output register: rdata_o/valid_o are the head, pop_i (with valid_o)
// removes it. Depth entries in the RAM plus the output register. push_i
// while the RAM is full is ignored (callers check free_o: free entries of
// the RAM, not counting the output register). Depth a power of two.
// What it is not: a dual-clock FIFO.
// Timing: a push into an empty FIFO reaches the head two cycles later.
module outrider_fpga_bfifo #(
  parameter int Width = 9,
  parameter int Depth = 2048,
  // derived: do not override
  parameter int PtrW  = $clog2(Depth)
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  input  logic             push_i,
  input  logic [Width-1:0] wdata_i,
  input  logic             pop_i,
  output logic [Width-1:0] rdata_o,
  output logic             valid_o,
  output logic [PtrW:0]    free_o
);
  logic [Width-1:0] mem_q [Depth];
  logic [PtrW-1:0]  rd_q, wr_q;
  logic [PtrW:0]    count_q;      // entries in the RAM
  logic             do_push, load;

  assign do_push = push_i && (count_q != (PtrW+1)'(Depth));
  assign load    = (count_q != '0) && (!valid_o || pop_i);
  assign free_o  = (PtrW+1)'(Depth) - count_q;

  always_ff @(posedge clk_i) begin
    if (do_push) mem_q[wr_q] <= wdata_i;
    if (load)    rdata_o <= mem_q[rd_q];
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rd_q    <= '0;
      wr_q    <= '0;
      count_q <= '0;
      valid_o <= 1'b0;
    end else begin
      if (do_push) wr_q <= wr_q + 1'b1;
      if (load)    rd_q <= rd_q + 1'b1;
      count_q <= count_q + (PtrW+1)'(do_push) - (PtrW+1)'(load);
      if (load)       valid_o <= 1'b1;
      else if (pop_i) valid_o <= 1'b0;
    end
  end
endmodule
