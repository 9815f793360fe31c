// SPDX-License-Identifier: Apache-2.0
// wb_slave_model: behavioural Wishbone B4 pipelined slave (32-bit, byte
// addresses) for the rtl-unit benches. Not synthesizable.
//
// - Memory of Words words at Base; an access outside it (or misaligned) is
//   answered with err instead of ack and has no effect.
// - A beat is accepted in a cycle with cyc && stb && !stall; it is performed
//   at acceptance (so accepted order is memory order) and answered `latency`
//   cycles later (latency >= 1: the earliest answer is the cycle after
//   acceptance), in order, at most one answer per cycle.
// - stall is a registered pseudo-random signal (stall_pct percent of the
//   cycles, xorshift32 on `seed`) ORed with "max_out beats already in flight".
// - Run-time knobs latency, stall_pct, max_out, seed: change them only while
//   the bus is idle. Statistics: n_reads, n_writes, max_inflight, and a log
//   of accepted beats (log_*[0 .. n_log-1], wrapping at LogDepth).
// - Protocol checks counted in proto_errors (each also printed): stb without
//   cyc; a stalled request not held stable; cyc dropped while a beat is
//   unanswered.
// All outputs change only through nonblocking assignments at the clock edge.
`timescale 1ns/1ps
module wb_slave_model #(
  parameter logic [31:0] Base  = 32'h8000_0000,
  parameter int          Words = 1024
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        cyc_i,
  input  logic        stb_i,
  input  logic        we_i,
  input  logic [31:0] adr_i,
  input  logic [3:0]  sel_i,
  input  logic [31:0] dat_i,
  output logic [31:0] dat_o,
  output logic        ack_o,
  output logic        err_o,
  output logic        stall_o
);
  localparam int QDepth   = 64;
  localparam int LogDepth = 256;
  localparam logic [31:0] Junk = 32'hBAAD_F00D;   // dat_o when nothing is answered

  // knobs
  int     latency   = 1;
  int     stall_pct = 0;
  int     max_out   = QDepth;
  integer seed      = 1;

  logic [31:0] mem [0:Words-1];

  // statistics
  int n_reads = 0, n_writes = 0, max_inflight = 0, proto_errors = 0;
  /* verilator lint_off UNUSEDSIGNAL */          // read by some benches only
  logic [31:0] log_adr [0:LogDepth-1];
  logic        log_we  [0:LogDepth-1];
  logic [3:0]  log_sel [0:LogDepth-1];
  logic [31:0] log_dat [0:LogDepth-1];
  /* verilator lint_on UNUSEDSIGNAL */
  int          n_log = 0;

  // answer queue
  logic [31:0] q_dat [0:QDepth-1];
  logic        q_err [0:QDepth-1];
  longint      q_due [0:QDepth-1];
  int          q_head = 0, q_count = 0;
  longint      now = 0;

  // request held under stall
  logic        held = 1'b0;
  logic        held_we;
  logic [31:0] held_adr, held_dat;
  logic [3:0]  held_sel;

  initial begin
    for (int i = 0; i < Words; i++) mem[i] = 32'd0;
  end

  task automatic proto_error(input string what);
    proto_errors++;
    $display("FAIL wishbone protocol at %0t: %s", $time, what);
  endtask

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      q_head  = 0;
      q_count = 0;
      held    = 1'b0;
      ack_o   <= 1'b0;
      err_o   <= 1'b0;
      dat_o   <= Junk;
      stall_o <= 1'b0;
    end else begin : edge_work
      /* verilator lint_off UNUSEDSIGNAL */
      int          idx, tail;                      // only their low bits index
      /* verilator lint_on UNUSEDSIGNAL */
      int          inflight;
      logic        bad;
      logic [31:0] rdat;
      now++;

      // protocol checks on the cycle that just ended
      if (stb_i && !cyc_i) proto_error("stb without cyc");
      if ((ack_o || err_o || q_count > 0) && !cyc_i) proto_error("cyc dropped with a beat unanswered");
      if (held && !(stb_i && we_i == held_we && adr_i == held_adr && sel_i == held_sel &&
                    (!we_i || dat_i == held_dat)))
        proto_error("stalled request not held");
      held = cyc_i && stb_i && stall_o;
      held_we = we_i; held_adr = adr_i; held_sel = sel_i; held_dat = dat_i;

      // accept
      if (cyc_i && stb_i && !stall_o) begin
        idx  = (adr_i - Base) >> 2;
        bad  = (adr_i < Base) || (adr_i - Base >= Words * 4) || (adr_i[1:0] != 2'b00);
        rdat = Junk;
        if (!bad) begin
          if (we_i) begin
            for (int b = 0; b < 4; b++)
              if (sel_i[b]) mem[idx][8*b +: 8] = dat_i[8*b +: 8];
          end else begin
            rdat = mem[idx];
          end
        end
        if (we_i) n_writes++; else n_reads++;
        log_adr[n_log % LogDepth] = adr_i;
        log_we [n_log % LogDepth] = we_i;
        log_sel[n_log % LogDepth] = sel_i;
        log_dat[n_log % LogDepth] = dat_i;
        n_log++;
        if (q_count == QDepth) begin
          proto_error("model queue overflow");
        end else begin
          tail = (q_head + q_count) % QDepth;
          q_dat[tail] = rdat;
          q_err[tail] = bad;
          q_due[tail] = now + longint'(latency) - 1;
          q_count++;
        end
      end
      inflight = q_count;
      if (inflight > max_inflight) max_inflight = inflight;

      // answer
      ack_o <= 1'b0;
      err_o <= 1'b0;
      dat_o <= Junk ^ now[31:0];
      if (q_count > 0 && q_due[q_head] <= now) begin
        ack_o  <= !q_err[q_head];
        err_o  <=  q_err[q_head];
        dat_o  <= q_err[q_head] ? Junk : q_dat[q_head];
        q_head = (q_head + 1) % QDepth;
        q_count--;
      end

      // xorshift32 on seed (Verilator's $random(seed) chains cycle quickly)
      if (seed == 0) seed = 1;
      seed = seed ^ (seed << 13);
      seed = seed ^ int'($unsigned(seed) >> 17);
      seed = seed ^ (seed << 5);
      stall_o <= (stall_pct > 0 && ($unsigned(seed) % 100) < stall_pct) ||
                 (q_count >= max_out);
    end
  end
endmodule
