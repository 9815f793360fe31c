// SPDX-License-Identifier: Apache-2.0
// tb_dside_split: unit bench for outrider_dside_split with NC contexts
// (parameter) in front of a behavioural data side.
//
// Data side model: a byte memory of Bytes bytes at RamBase (beyond it every
// access errs), one request per context outstanding, ready
// at random and never for a context with an answer pending, answers after
// 1..4 cycles with the raw word (stores write their enabled lanes at
// acceptance). Core model: each cycle, a random context without a request
// outstanding presents a random load or store (lb..lw, sb..sw at any offset,
// lanes rotated as outrider_execute sends them) in its own address window,
// sometimes across the end of memory; valid may drop again without
// acceptance (the core replays). Every cycle the bench checks that ready
// does not change with valid. At each answer it checks the value against a
// per-context reference memory (the rotation back as load_extract does),
// the error flag, no answer without an accepted request (the SoC's
// outrider_dside_checker covers the rest of the protocol). At the end: every context's window equals its reference, and the
// interesting cases were hit (splits, splits with an error in the first and
// in the second word, two contexts split at once).
`timescale 1ns/1ps
module tb_dside_split;
  `include "outrider_defs.svh"
  `include "tb_common.svh"

  parameter int NC = 2;
  localparam int TidW   = (NC > 1) ? $clog2(NC) : 1;
  localparam int Win    = 64;               // bytes per context window
  localparam int Bytes  = Win * NC;         // memory size: beyond it, errors
  localparam int NReq   = 6000;

  logic clk = 1'b0, rst_n = 1'b0;
  always #5 clk = ~clk;

  // ---- DUT -------------------------------------------------------------------
  logic              c_valid, c_ready;
  logic [TidW-1:0]   c_tid;
  logic [2:0]        c_op;
  logic [31:0]       c_addr, c_wdata;
  logic [3:0]        c_be;
  logic [NC-1:0]     c_rvalid, c_rerr;
  logic [NC*32-1:0]  c_rdata;
  logic              d_valid, d_ready, d_spec, d_nb;
  logic [NC-1:0]     c_rnbl;
  logic [TidW-1:0]   d_tid;
  logic [2:0]        d_op;
  logic [4:0]        d_amo;
  logic [31:0]       d_addr, d_wdata;
  logic [3:0]        d_be;
  logic [NC-1:0]     d_rvalid, d_rerr;
  logic [NC*32-1:0]  d_rdata;

  outrider_dside_split #(.NumCtx(NC)) u_dut (
    .clk_i (clk), .rst_ni (rst_n),
    .c_valid_i (c_valid), .c_ready_o (c_ready), .c_tid_i (c_tid), .c_op_i (c_op),
    .c_amo_i (5'd0), .c_addr_i (c_addr), .c_wdata_i (c_wdata), .c_be_i (c_be),
    .c_spec_i (1'b0), .c_resp_valid_o (c_rvalid), .c_resp_rdata_o (c_rdata),
    .c_resp_err_o (c_rerr), .c_nb_i (1'b1), .c_resp_nbl_o (c_rnbl), .d_nb_o (d_nb),
    .d_resp_nbl_i ({NC{1'b0}}),
    .d_valid_o (d_valid), .d_ready_i (d_ready), .d_tid_o (d_tid), .d_op_o (d_op),
    .d_amo_o (d_amo), .d_addr_o (d_addr), .d_wdata_o (d_wdata), .d_be_o (d_be),
    .d_spec_o (d_spec), .d_resp_valid_i (d_rvalid), .d_resp_rdata_i (d_rdata),
    .d_resp_err_i (d_rerr)
  );

  // ---- data side model ----------------------------------------------------------
  logic [7:0]  mem [Bytes];
  logic [7:0]  ref_mem [Bytes];
  integer      d_cnt   [NC];     // cycles until the answer; -1: none outstanding
  logic [31:0] d_word  [NC];
  logic        d_e     [NC];
  logic        d_rdy_rand;

  function automatic logic in_mem(input logic [31:0] a);
    in_mem = (a >= RamBase) && (a < RamBase + Bytes);
  endfunction

  // answers: combinational from the model's registers
  always_comb begin
    for (int t = 0; t < NC; t++) begin
      d_rvalid[t]          = (d_cnt[t] == 0);
      d_rerr[t]            = (d_cnt[t] == 0) && d_e[t];
      d_rdata[32*t +: 32]  = (d_cnt[t] == 0) ? d_word[t] : 32'hDEAD_BEEF;
    end
  end
  // ready: random, never for a context with an answer pending (unless it
  // is answered now), never depends on valid
  assign d_ready = d_rdy_rand && ((d_cnt[d_tid] == -1) || (d_cnt[d_tid] == 0));

  integer n_dacc = 0;
  // every core request asks for a non-blocking answer (c_nb_i = 1): only an
  // access passed through unchanged may carry it, never a half of a split
  // one (checked mid-cycle, when the bench's inputs are stable)
  always @(negedge clk) begin
    if (rst_n && d_valid)
      `CHECK(!d_nb || (c_valid && (d_tid == c_tid) && (d_addr == c_addr) && (d_be == c_be)),
             "no half of a split access may be answered outstanding")
  end

  always @(posedge clk) begin
    if (rst_n) begin
      for (int t = 0; t < NC; t++) if (d_cnt[t] > 0) d_cnt[t] <= d_cnt[t] - 1;
                                   else if (d_cnt[t] == 0) d_cnt[t] <= -1;
      if (d_valid && d_ready) begin
        n_dacc = n_dacc + 1;
        `CHECK(d_addr[1:0] == 2'b00 || !((d_be & ~(4'hF << d_addr[1:0])) != 4'd0),
               "the data side sees no word-crossing request")
        `CHECK(d_spec == 1'b0 && d_amo == 5'd0, "spec/amo pass through (0 here)")
        d_e[d_tid] <= !in_mem({d_addr[31:2], 2'b00});
        for (int b = 0; b < 4; b++) begin : lane
          logic [31:0] a;
          a = {d_addr[31:2], 2'b00} + b;
          d_word[d_tid][8*b +: 8] <= in_mem(a) ? mem[a - RamBase] : 8'hEE;
          if (d_op == DopStore && d_be[b] && in_mem(a)) mem[a - RamBase] = d_wdata[8*b +: 8];
        end
        d_cnt[d_tid] <= 1 + $urandom % 4;
      end
      d_rdy_rand <= ($urandom % 4) != 0;
    end
  end

  // ---- core model -----------------------------------------------------------------
  logic [NC-1:0] busy;          // accepted, not answered
  logic [31:0]   q_addr [NC];
  logic [2:0]    q_f3   [NC];
  logic          q_store[NC];
  logic [31:0]   q_val  [NC];   // expected load value
  logic          q_err  [NC];
  integer        cyc = 0, n_acc = 0, n_resp = 0, n_split = 0, n_err1 = 0, n_err2 = 0, n_both = 0;
  integer        n_ind = 0;

  // a random request of context t: f3 = size (0 b, 1 h, 2 w) and unsigned bit
  task automatic make_req(input int t, output logic [2:0] op, output logic [31:0] addr,
                          output logic [31:0] wdata, output logic [3:0] be,
                          output logic [2:0] f3, output logic [31:0] rs2);
    int sz, off;
    op  = ($urandom % 2) ? DopStore : DopLoad;
    sz  = $urandom % 3;
    f3  = {(op == DopLoad) && (sz != 2) && ($urandom % 2 == 1), 2'(sz)};
    // own window; the last context sometimes at the end of memory: across
    // it (the second word errs) or beyond it (the first word errs)
    if (t == NC - 1 && ($urandom % 8) == 0) off = Win - 4 + ($urandom % 7);
    else                                    off = $urandom % (Win - 4);
    addr  = RamBase + Win * t + off;
    rs2   = $urandom;
    // what outrider_execute sends: lanes rotated by addr[1:0]
    case (sz)
      0: be = 4'b0001 << addr[1:0];
      1: be = (4'b0011 << addr[1:0]) | (4'b0011 >> (3'd4 - {1'b0, addr[1:0]}));
      default: be = 4'b1111;
    endcase
    wdata = (op == DopStore) ? 32'({rs2, rs2} >> (6'd32 - {addr[1:0], 3'b000})) : rs2;
  endtask

  // the reference: sequential semantics per context (windows are disjoint)
  task automatic ref_access(input logic store, input logic [31:0] addr, input logic [2:0] f3,
                            input logic [31:0] rs2, output logic [31:0] val, output logic err);
    int n;
    logic [31:0] v, a;
    n = 1 << f3[1:0];
    err = 1'b0;
    v = 32'd0;
    // the bytes in address order: an error in the first word stops it all;
    // in the second, a store has written the first word's bytes
    for (int i = 0; i < n; i++) begin
      a = addr + i;
      if (!in_mem({a[31:2], 2'b00})) err = 1'b1;
      if (store && !err) ref_mem[a - RamBase] = rs2[8*i +: 8];
      if (!store && !err) v[8*i +: 8] = ref_mem[a - RamBase];
    end
    if (!store) begin
      case (f3)
        3'b000: v = {{24{v[7]}}, v[7:0]};
        3'b001: v = {{16{v[15]}}, v[15:0]};
        default: ;
      endcase
    end
    val = v;
  endtask

  function automatic logic [31:0] extract(input logic [2:0] f3, input logic [1:0] alo,
                                          input logic [31:0] word);
    logic [31:0] r;
    r = 32'({word, word} >> {alo, 3'b000});
    case (f3[1:0])
      2'd0: extract = f3[2] ? {24'd0, r[7:0]} : {{24{r[7]}}, r[7:0]};
      2'd1: extract = f3[2] ? {16'd0, r[15:0]} : {{16{r[15]}}, r[15:0]};
      default: extract = r;
    endcase
  endfunction

  initial watchdog("dside_split", 64'd10_000_000);

  initial begin : main
    logic [2:0]  op, f3;
    logic [31:0] addr, wdata, rs2, val;
    logic [3:0]  be;
    logic        err;
    int          t;
    for (int i = 0; i < Bytes; i++) begin
      mem[i] = 8'($urandom);
      ref_mem[i] = mem[i];
    end
    for (int c = 0; c < NC; c++) begin
      d_cnt[c] = -1;
      busy[c] = 1'b0;
    end
    d_rdy_rand = 1'b0;
    c_valid = 1'b0; c_tid = '0; c_op = DopLoad; c_addr = RamBase; c_wdata = '0; c_be = 4'hF;
    repeat (3) @(posedge clk);
    #1 rst_n = 1'b1;
    while (n_resp < NReq) begin
      @(negedge clk);
      // answers of this cycle (sampled before the edge)
      for (int c = 0; c < NC; c++) begin
        if (c_rvalid[c]) begin
          n_resp = n_resp + 1;
          `CHECK(busy[c], "an answer without an accepted request")
          `CHECK(c_rerr[c] == q_err[c], "the error flag")
          `CHECK(c_rnbl[c] == 1'b0, "no outstanding answer without one from the data side")
          if (!q_store[c] && !q_err[c] && busy[c]) begin
            `CHECK(extract(q_f3[c], q_addr[c][1:0], c_rdata[32*c +: 32]) == q_val[c],
                   $sformatf("load value: ctx %0d addr %h f3 %0d got %h exp %h", c, q_addr[c],
                             q_f3[c], extract(q_f3[c], q_addr[c][1:0], c_rdata[32*c +: 32]),
                             q_val[c]))
          end
          busy[c] = 1'b0;
        end
      end
      // a new request of a random idle context (or none)
      t = $urandom % NC;
      c_valid = 1'b0;
      c_tid = TidW'(t);
      make_req(t, op, addr, wdata, be, f3, rs2);
      c_op = op; c_addr = addr; c_wdata = wdata; c_be = be;
      #1;
      begin : indep
        logic r0;
        r0 = c_ready;
        c_valid = !busy[t] && ($urandom % 4 != 0);
        #1;
        n_ind = n_ind + 1;
        `CHECK(c_ready == r0, "ready does not depend on valid")
      end
      if (c_valid && c_ready) begin
        n_acc = n_acc + 1;
        busy[t] = 1'b1;
        q_addr[t] = addr; q_f3[t] = f3; q_store[t] = (op == DopStore);
        ref_access(op == DopStore, addr, f3, rs2, val, err);
        q_val[t] = val; q_err[t] = err;
        if ((be & ~(4'hF << addr[1:0])) != 4'd0) begin
          n_split = n_split + 1;
          if (err && !in_mem({addr[31:2], 2'b00})) n_err1 = n_err1 + 1;
          else if (err) n_err2 = n_err2 + 1;
          for (int c = 0; c < NC; c++) if (c != t && (u_dut.w1_q[c] || u_dut.p2_q[c] || u_dut.w2_q[c]))
            n_both = n_both + 1;
        end
      end
      @(posedge clk);
      cyc = cyc + 1;
    end
    // drain
    c_valid = 1'b0;
    repeat (20) @(posedge clk);
    for (int i = 0; i < Bytes; i++) begin
      `CHECK(mem[i] == ref_mem[i], $sformatf("memory byte %0d: %h, expected %h", i, mem[i], ref_mem[i]))
    end
    `CHECK(n_split > NReq / 8, $sformatf("word-crossing requests: %0d", n_split))
    `CHECK(n_err2 > 0, "a split whose second word errs")
    `CHECK(n_err1 > 0, "a split whose first word errs")
    if (NC > 1) begin
      `CHECK(n_both > 0, "two contexts splitting at once")
    end
    `CHECK(n_dacc > n_acc, "the data side saw more requests than the core sent")
    $display("tb_dside_split: %0d requests, %0d answers, %0d split (%0d first-word errors, %0d second-word errors, %0d overlapping), %0d data-side requests",
             n_acc, n_resp, n_split, n_err1, n_err2, n_both, n_dacc);
    finish("dside_split");
  end
endmodule
