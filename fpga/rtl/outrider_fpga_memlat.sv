// SPDX-License-Identifier: Apache-2.0
// outrider_fpga_memlat: the memory-latency stage of the FPGA top, a
// Wishbone B4 pipelined slave in front of port B of the block RAM
// (outrider_fpga_ram) with programmable extra wait states. It answers
// exactly like the test bench's memory model (tb/wb_mem.c) with
// --mem-latency wait_i and --mem-outstanding outstanding_i:
// - every beat is performed on the RAM in the cycle it is accepted
//   (stb && !stall), reads return the RAM word, writes return 0;
// - the first beat of an access (a single beat, or the first beat of a
//   burst: CTI 3'b010/3'b001 says more beats follow, 3'b111/3'b000 ends it)
//   is answered 1 + wait_i cycles after acceptance, every further beat one
//   cycle after the previous answer at the earliest (answers in order);
// - at most outstanding_i accesses (a burst counts once) are in flight: the
//   first beat of another one is stalled; also stalled when the answer
//   queue (QueueDepth beats) is full;
// - a beat outside the RAM (Bytes) is answered with err, writes nothing;
// - cyc falling drops everything in flight (B4 abort).
// What it is not: a cache or a DRAM model with pages; wait_i applies to
// every access alike. Changing wait_i affects accesses accepted afterwards.
// Timing: stall is a function of registers only; ack/err/dat are driven
// from the answer queue (and, for an answer due in the cycle right after
// acceptance, from the RAM's output register).
module outrider_fpga_memlat #(
  parameter int Bytes      = 65536,
  parameter int QueueDepth = 32,
  parameter int WaitW      = 16,
  // derived: do not override
  parameter int AddrW      = $clog2(Bytes / 4),
  parameter int QPtrW      = $clog2(QueueDepth)
) (
  input  logic             clk_i,
  input  logic             rst_ni,
  // Wishbone B4 pipelined slave (byte addresses, 32-bit data)
  input  logic             wb_cyc_i,
  input  logic             wb_stb_i,
  input  logic             wb_we_i,
  input  logic [31:0]      wb_adr_i,
  input  logic [3:0]       wb_sel_i,
  input  logic [31:0]      wb_dat_i,
  input  logic [2:0]       wb_cti_i,
  output logic [31:0]      wb_dat_o,
  output logic             wb_ack_o,
  output logic             wb_err_o,
  output logic             wb_stall_o,
  // settings (the latency register and the outstanding limit)
  input  logic [WaitW-1:0] wait_i,
  input  logic [7:0]       outstanding_i,
  // the RAM's port B
  output logic             ram_en_o,
  output logic [3:0]       ram_we_o,
  output logic [AddrW-1:0] ram_addr_o,
  output logic [31:0]      ram_wdata_o,
  input  logic [31:0]      ram_rdata_i
);
  localparam int TsW = WaitW + 2;   // answer times: at most 1 + wait + QueueDepth ahead

  logic [TsW-1:0]   now_q, last_due_q;
  logic             in_burst_q;
  logic [7:0]       acc_q;          // accesses in flight
  logic [QPtrW:0]   count_q;
  logic [QPtrW-1:0] head_q, tail_q;
  // the answer queue: time, error, last beat of its access, data
  logic [TsW-1:0]   q_due_q  [QueueDepth];
  logic             q_err_q  [QueueDepth];
  logic             q_last_q [QueueDepth];
  logic [31:0]      q_dat_q  [QueueDepth];
  // the RAM word read in the previous cycle goes into entry pd_idx_q
  logic             pd_v_q, pd_rd_q;
  logic [QPtrW-1:0] pd_idx_q;

  logic             head_ack, head_last, accept, first, more, in_ram;
  logic [QPtrW:0]   count_after;
  logic [7:0]       acc_after;
  logic [TsW-1:0]   due_n, due_min;
  logic [31:0]      head_dat;
  logic             due_min_later;
  logic [TsW-1:0]   due_diff;

  assign head_ack    = (count_q != '0) && (q_due_q[head_q] == now_q);
  assign head_last   = q_last_q[head_q];
  assign count_after = count_q - (QPtrW+1)'(head_ack);
  assign acc_after   = acc_q - 8'(head_ack && head_last);
  assign wb_stall_o  = (!in_burst_q && (acc_after >= outstanding_i)) ||
                       (count_after == (QPtrW+1)'(QueueDepth));
  assign accept      = wb_cyc_i && wb_stb_i && !wb_stall_o;
  assign first       = !in_burst_q;
  assign more        = (wb_cti_i == 3'b010) || (wb_cti_i == 3'b001);
  /* the address is inside the RAM when no bit above the RAM's is set */
  assign in_ram      = ((wb_adr_i - 32'h8000_0000) < 32'(Bytes));

  assign due_min = first ? (now_q + TsW'(1) + TsW'(wait_i)) : (now_q + TsW'(1));
  // in order: never before the previous answer (wrap-safe comparison)
  assign due_n   = ((count_after != '0) && !due_min_later) ? (last_due_q + TsW'(1)) : due_min;
  assign due_diff      = due_min - last_due_q;
  assign due_min_later = (due_diff != '0) && !due_diff[TsW-1];

  assign ram_en_o    = accept && in_ram;
  assign ram_we_o    = wb_we_i ? wb_sel_i : 4'h0;
  assign ram_addr_o  = wb_adr_i[2 +: AddrW];
  assign ram_wdata_o = wb_dat_i;

  assign head_dat = (pd_v_q && (pd_idx_q == head_q)) ? (pd_rd_q ? ram_rdata_i : 32'd0)
                                                      : q_dat_q[head_q];
  assign wb_ack_o = head_ack && !q_err_q[head_q];
  assign wb_err_o = head_ack && q_err_q[head_q];
  assign wb_dat_o = wb_ack_o ? head_dat : 32'd0;

  always_ff @(posedge clk_i) begin
    if (accept) begin
      q_due_q[tail_q]  <= due_n;
      q_err_q[tail_q]  <= !in_ram;
      q_last_q[tail_q] <= !more;
    end
    if (pd_v_q) q_dat_q[pd_idx_q] <= pd_rd_q ? ram_rdata_i : 32'd0;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      now_q      <= '0;
      last_due_q <= '0;
      in_burst_q <= 1'b0;
      acc_q      <= '0;
      count_q    <= '0;
      head_q     <= '0;
      tail_q     <= '0;
      pd_v_q     <= 1'b0;
      pd_rd_q    <= 1'b0;
      pd_idx_q   <= '0;
    end else begin
      now_q    <= now_q + TsW'(1);
      pd_v_q   <= accept;
      pd_rd_q  <= accept && in_ram && !wb_we_i;
      pd_idx_q <= tail_q;
      if (head_ack) head_q <= head_q + 1'b1;
      if (!wb_cyc_i) begin
        // abort: drop what is in flight (the head answered this cycle still went out)
        count_q    <= '0;
        acc_q      <= '0;
        in_burst_q <= 1'b0;
        head_q     <= '0;
        tail_q     <= '0;
        pd_v_q     <= 1'b0;
      end else begin
        count_q <= count_after + (QPtrW+1)'(accept);
        acc_q   <= acc_after + 8'(accept && first);
        if (accept) begin
          tail_q     <= tail_q + 1'b1;
          in_burst_q <= more;
          last_due_q <= due_n;
        end
      end
    end
  end
endmodule
