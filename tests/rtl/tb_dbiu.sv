// SPDX-License-Identifier: Apache-2.0
// tb_dbiu: unit bench for outrider_dbiu with NC contexts (parameter), a
// behavioural Wishbone slave (wb_slave_model) and a fake peripheral.
//
// Core side: one thread per context calls xact(); a driver presents the
// wanting contexts round-robin (a new request may follow a response in the
// very next cycle) and a monitor samples acceptances and responses at the
// clock edge, checking the one-response-per-request protocol.
//
// The whole suite runs under several memory configurations (latency, stall
// percentage, beats the slave allows in flight): loads/stores with byte
// enables, exact response latencies, contexts overlapping on Wishbone (with
// random traffic checked against a shadow memory), the peripheral port,
// unmapped addresses, fences, wb_err, LR/SC (success, failure, reservation
// broken by another context's store/SC/AMO), every AMO op, AMO atomicity
// against the other contexts, ready defence and ready-independence from
// valid, and reset with a beat in flight.
`timescale 1ns/1ps
module tb_dbiu;
  `include "outrider_defs.svh"
  `include "tb_common.svh"

  parameter int NC = 2;
  localparam int TidW  = (NC > 1) ? $clog2(NC) : 1;
  localparam int Words = 1024;
  localparam logic [31:0] MemEnd = RamBase + Words * 4;
  localparam logic [31:0] Junk   = 32'hBAD0_BAD0;

  logic clk = 1'b0, rst_n = 1'b0;
  always #5 clk = ~clk;

  // ---- DUT ------------------------------------------------------------------
  logic              dreq_valid = 1'b0, dreq_ready;
  logic [TidW-1:0]   dreq_tid = '0;
  logic [2:0]        dreq_op = '0;
  logic [4:0]        dreq_amo = '0;
  logic [31:0]       dreq_addr = '0, dreq_wdata = '0;
  logic [3:0]        dreq_be = '0;
  logic [NC-1:0]     dresp_valid, dresp_err;
  logic [NC*32-1:0]  dresp_rdata;

  logic              wb_cyc, wb_stb, wb_we, wb_ack, wb_err, wb_stall;
  logic [31:0]       wb_adr, wb_dat_w, wb_dat_r;
  logic [3:0]        wb_sel;

  logic              per_req, per_we;
  logic [31:0]       per_addr, per_wdata;
  logic [3:0]        per_be;
  logic [31:0]       per_rdata;

  outrider_dbiu #(.NumCtx(NC)) u_dut (
    .clk_i (clk), .rst_ni (rst_n),
    .dreq_valid_i (dreq_valid), .dreq_ready_o (dreq_ready), .dreq_tid_i (dreq_tid),
    .dreq_op_i (dreq_op), .dreq_amo_i (dreq_amo), .dreq_addr_i (dreq_addr),
    .dreq_wdata_i (dreq_wdata), .dreq_be_i (dreq_be),
    .dresp_valid_o (dresp_valid), .dresp_rdata_o (dresp_rdata), .dresp_err_o (dresp_err),
    .wb_cyc_o (wb_cyc), .wb_stb_o (wb_stb), .wb_we_o (wb_we), .wb_adr_o (wb_adr),
    .wb_sel_o (wb_sel), .wb_dat_o (wb_dat_w), .wb_dat_i (wb_dat_r),
    .wb_ack_i (wb_ack), .wb_err_i (wb_err), .wb_stall_i (wb_stall),
    .per_req_o (per_req), .per_we_o (per_we), .per_addr_o (per_addr),
    .per_wdata_o (per_wdata), .per_be_o (per_be), .per_rdata_i (per_rdata)
  );

  wb_slave_model #(.Base (RamBase), .Words (Words)) u_mem (
    .clk_i (clk), .rst_ni (rst_n), .cyc_i (wb_cyc), .stb_i (wb_stb), .we_i (wb_we),
    .adr_i (wb_adr), .sel_i (wb_sel), .dat_i (wb_dat_w), .dat_o (wb_dat_r),
    .ack_o (wb_ack), .err_o (wb_err), .stall_o (wb_stall)
  );

  // ---- fake peripheral: read data = per_fn(addr) the cycle after the read,
  // junk in every other cycle (so a wrongly timed sample is caught).
  function automatic logic [31:0] per_fn(input logic [31:0] a);
    per_fn = a ^ 32'h5A5A_0000;
  endfunction

  int          n_per = 0;
  logic        per_last_we;
  logic [31:0] per_last_addr, per_last_wdata;
  logic [3:0]  per_last_be;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      per_rdata <= Junk;
    end else begin
      per_rdata <= (per_req && !per_we) ? per_fn(per_addr) : (Junk ^ n_per);
      if (per_req) begin
        n_per++;
        per_last_we = per_we; per_last_addr = per_addr;
        per_last_wdata = per_wdata; per_last_be = per_be;
      end
    end
  end

  // ---- core-side driver and monitor ----------------------------------------
  bit [NC-1:0]  want = '0;          // context has a request to present
  logic [2:0]   rq_op    [0:NC-1];
  logic [4:0]   rq_amo   [0:NC-1];
  logic [31:0]  rq_addr  [0:NC-1];
  logic [31:0]  rq_wdata [0:NC-1];
  logic [3:0]   rq_be    [0:NC-1];

  bit [NC-1:0]  outstanding = '0;
  bit [NC-1:0]  resp_got = '0;
  logic [31:0]  resp_rdata [0:NC-1];
  logic         resp_err   [0:NC-1];
  longint       resp_lat   [0:NC-1];
  longint       acc_cyc    [0:NC-1];
  longint       cyc = 0;
  int           n_acc = 0, n_resp = 0, n_lost = 0;   // lost: dropped by a reset
  int           n_drain = 0;        // coverage: cycles an AMO waited for other beats
  int           rr = 0;
  bit           manual = 1'b0;      // the driver leaves dreq_* alone
  event         mon_ev;             // monitor finished its work for an edge

  always @(posedge clk) begin : monitor
    if (rst_n) begin
      for (int c = 0; c < NC; c++) begin
        if (dresp_valid[c]) begin
          if (!outstanding[c]) begin
            `CHECK(0, $sformatf("ctx%0d: response without an outstanding request", c))
          end else begin
            resp_rdata[c]  = dresp_rdata[32*c +: 32];
            resp_err[c]    = dresp_err[c];
            resp_lat[c]    = cyc - acc_cyc[c];
            resp_got[c]    = 1'b1;
            outstanding[c] = 1'b0;
            n_resp++;
          end
        end else if (dresp_err[c]) begin
          `CHECK(0, $sformatf("ctx%0d: dresp_err_o without dresp_valid_o", c))
        end
      end
      if (dreq_valid && dreq_ready) begin
        if (outstanding[dreq_tid]) `CHECK(0, $sformatf("ctx%0d: accepted a second request", dreq_tid))
        if (u_dut.amo_st_q != 2'd0) `CHECK(0, "request accepted while an AMO is in progress")
        outstanding[dreq_tid] = 1'b1;
        acc_cyc[dreq_tid]     = cyc;
        want[dreq_tid]        = 1'b0;
        rr                    = (dreq_tid + 1) % NC;
        n_acc++;
      end
      // White-box: while the AMO owns the bus only its own beats go out.
      if (wb_stb && !wb_stall && (u_dut.amo_st_q == 2'd2 || u_dut.amo_st_q == 2'd3) &&
          wb_adr != {u_dut.amo_adr_q, 2'b00})
        `CHECK(0, $sformatf("beat to %h interleaved with an AMO", wb_adr))
      if (u_dut.amo_st_q == 2'd1) n_drain++;
      cyc++;
    end
    -> mon_ev;
  end

  always @(posedge clk) begin : driver
    #1;
    if (!manual) begin
      bit found;
      int sel;
      found = 1'b0;
      sel   = 0;
      for (int k = 0; k < NC; k++) begin
        if (!found && want[(rr + k) % NC]) begin
          found = 1'b1;
          sel   = (rr + k) % NC;
        end
      end
      dreq_valid = found;
      if (found) begin
        dreq_tid   = sel[TidW-1:0];
        dreq_op    = rq_op[sel];
        dreq_amo   = rq_amo[sel];
        dreq_addr  = rq_addr[sel];
        dreq_wdata = rq_wdata[sel];
        dreq_be    = rq_be[sel];
      end else begin
        // idle: random junk on the other request fields
        dreq_tid = $random; dreq_op = $random; dreq_amo = $random;
        dreq_addr = $random; dreq_wdata = $random; dreq_be = $random;
      end
    end
  end

  // One request of context c; returns when its response has been sampled.
  task automatic xact(input int c, input logic [2:0] op, input logic [4:0] amo,
                      input logic [31:0] addr, input logic [31:0] wdata, input logic [3:0] be,
                      output logic [31:0] rdata, output logic err, output longint lat);
    rq_op[c] = op; rq_amo[c] = amo; rq_addr[c] = addr; rq_wdata[c] = wdata; rq_be[c] = be;
    resp_got[c] = 1'b0;
    want[c] = 1'b1;
    while (!resp_got[c]) @(mon_ev);
    rdata = resp_rdata[c];
    err   = resp_err[c];
    lat   = resp_lat[c];
  endtask

  // ---- helpers ---------------------------------------------------------------
  int cfg_lat, cfg_stall, cfg_maxout;   // current memory configuration
  bit exact_timing;                     // no stalls: latencies are exact

  function automatic int widx(input logic [31:0] a);
    widx = (a - RamBase) >> 2;
  endfunction

  // Byte-lane helpers: a store of `size` bytes at byte address a.
  function automatic logic [3:0] be_of(input logic [31:0] a, input int size);
    be_of = (size == 1) ? (4'b0001 << a[1:0]) : (size == 2) ? (4'b0011 << a[1:0]) : 4'b1111;
  endfunction

  function automatic logic [31:0] lanes(input logic [31:0] a, input logic [31:0] v);
    lanes = v << (8 * a[1:0]);
  endfunction

  function automatic logic [31:0] merge(input logic [31:0] o, input logic [31:0] n,
                                        input logic [3:0] be);
    logic [31:0] m;
    m = o;
    for (int b = 0; b < 4; b++) if (be[b]) m[8*b +: 8] = n[8*b +: 8];
    merge = m;
  endfunction

  function automatic logic [31:0] ref_amo(input logic [4:0] o, input logic [31:0] m,
                                          input logic [31:0] r);
    integer sm, sr;
    sm = m; sr = r;
    case (o)
      AmoAdd:  ref_amo = m + r;
      AmoSwap: ref_amo = r;
      AmoXor:  ref_amo = m ^ r;
      AmoOr:   ref_amo = m | r;
      AmoAnd:  ref_amo = m & r;
      AmoMin:  ref_amo = (sm < sr) ? m : r;
      AmoMax:  ref_amo = (sm > sr) ? m : r;
      AmoMinu: ref_amo = (m < r) ? m : r;
      default: ref_amo = (m > r) ? m : r;   // AmoMaxu
    endcase
  endfunction

  task automatic load(input int c, input logic [31:0] a, output logic [31:0] d);
    logic e; longint l;
    xact(c, DopLoad, 5'd0, a, 32'd0, 4'hF, d, e, l);
    `CHECK(!e, $sformatf("ctx%0d load %h: unexpected error", c, a))
  endtask

  task automatic store(input int c, input logic [31:0] a, input logic [31:0] v, input int size);
    logic [31:0] d; logic e; longint l;
    xact(c, DopStore, 5'd0, a, lanes(a, v), be_of(a, size), d, e, l);
    `CHECK(!e && d == 32'd0, $sformatf("ctx%0d store %h: err=%b rdata=%h", c, a, e, d))
  endtask

  task automatic expect_word(input int c, input logic [31:0] a, input logic [31:0] exp,
                             input string what);
    logic [31:0] d;
    load(c, a, d);
    `CHECK(d == exp, $sformatf("%s: ctx%0d load %h = %h, expected %h", what, c, a, d, exp))
    `CHECK(u_mem.mem[widx(a)] == exp, $sformatf("%s: memory[%h] = %h, expected %h", what, a,
                                                u_mem.mem[widx(a)], exp))
  endtask

  task automatic idle(input int n);
    repeat (n) @(mon_ev);
  endtask

  // ---- per-context workers: run_all() starts the same job on every context
  // and waits for all of them (Icarus 11 cannot fork/join_none task calls).
  localparam int JobRandom = 1, JobLrsc = 2, JobAmo = 3;
  int          job_kind, job_n;
  logic [31:0] job_addr;
  bit [NC-1:0] job_go = '0;

  for (genvar g = 0; g < NC; g++) begin : g_worker
    initial begin
      forever begin
        wait (job_go[g]);
        case (job_kind)
          JobRandom: t_random(g, job_n);
          JobLrsc:   lrsc_incr(g, job_addr, job_n);
          default:   amo_mix(g, job_addr, job_n);
        endcase
        job_go[g] = 1'b0;
      end
    end
  end

  task automatic run_all(input int kind, input int n, input logic [31:0] a);
    job_kind = kind; job_n = n; job_addr = a;
    job_go   = '1;
    wait (job_go == '0);
  endtask

  // ---- tests -------------------------------------------------------------------
  // Word/halfword/byte stores and loads; beat fields; exact latency.
  task automatic t_loadstore(input int c);
    logic [31:0] a, d; logic e; longint l;
    int lg;
    a = RamBase + 32'h100 + 32'(64 * c);
    store(c, a, 32'h1122_3344, 4);
    expect_word(c, a, 32'h1122_3344, "word store");
    store(c, a + 1, 32'hAA, 1);
    lg = (u_mem.n_log - 1) % 256;
    `CHECK(u_mem.log_we[lg] && u_mem.log_sel[lg] == 4'b0010 &&
           u_mem.log_adr[lg] == a && u_mem.log_dat[lg][15:8] == 8'hAA,
           "byte store beat: we, sel 0010, word address, data in lane 1")
    `CHECK(!u_mem.log_we[(lg + 255) % 256] && u_mem.log_sel[(lg + 255) % 256] == 4'hF,
           "load beat reads the whole word")
    expect_word(c, a, 32'h1122_AA44, "byte store lane 1");
    store(c, a + 2, 32'hBEEF, 2);
    expect_word(c, a, 32'hBEEF_AA44, "halfword store upper");
    store(c, a + 3, 32'h01, 1);
    store(c, a, 32'h5566, 2);
    expect_word(c, a, 32'h01EF_5566, "byte lane 3 and halfword lower");
    // A load of a sub-word address returns the raw word.
    xact(c, DopLoad, 5'd0, a + 3, 32'd0, 4'b1000, d, e, l);
    `CHECK(!e && d == 32'h01EF_5566, $sformatf("load at +3 returns the raw word: %h", d))
    lg = (u_mem.n_log - 1) % 256;
    `CHECK(!u_mem.log_we[lg] && u_mem.log_sel[lg] == 4'hF && u_mem.log_adr[lg] == a,
           "sub-word load: word-aligned beat reading all lanes")
    if (exact_timing) begin
      // the beat goes out in the acceptance cycle (combinational strobe), the
      // answer comes cfg_lat cycles later, combinationally from the ack
      `CHECK(l == cfg_lat, $sformatf("load latency %0d cycles, expected %0d", l, cfg_lat))
      xact(c, DopStore, 5'd0, a, 32'h0, 4'hF, d, e, l);
      `CHECK(l == cfg_lat, $sformatf("store latency %0d cycles, expected %0d", l, cfg_lat))
    end
  endtask

  // Random loads/stores of every context at once, each on its own words,
  // plus peripheral loads; checked against a shadow copy.
  task automatic t_random(input int c, input int n);
    logic [31:0] shadow [0:15];
    logic [31:0] base, a, d, v;
    int size, w, kind;
    base = RamBase + 32'h800 + 32'(64 * c);
    for (int i = 0; i < 16; i++) shadow[i] = u_mem.mem[widx(base) + i];
    for (int k = 0; k < n; k++) begin
      kind = $unsigned($random) % 8;
      w    = $unsigned($random) % 16;
      if (kind < 3) begin
        load(c, base + 32'(4 * w), d);
        `CHECK(d == shadow[w], $sformatf("ctx%0d random load word %0d = %h, expected %h", c, w, d, shadow[w]))
      end else if (kind < 7) begin
        size = 1 << ($unsigned($random) % 3);
        a    = base + 32'(4 * w) + ((size == 4) ? 0 : (size == 2) ? 32'(2 * ($unsigned($random) % 2))
                                                                  : 32'($unsigned($random) % 4));
        v    = $random;
        store(c, a, v, size);
        shadow[w] = merge(shadow[w], lanes(a, v), be_of(a, size));
      end else begin
        a = ClintBase + 32'h4000 + 32'(8 * c) + 32'(4 * ($unsigned($random) % 2));
        load(c, a, d);
        `CHECK(d == per_fn(a), $sformatf("ctx%0d peripheral load %h = %h", c, a, d))
      end
    end
    for (int i = 0; i < 16; i++)
      `CHECK(u_mem.mem[widx(base) + i] == shadow[i], $sformatf("ctx%0d random final word %0d", c, i))
  endtask

  task automatic t_overlap;
    u_mem.max_inflight = 0;
    run_all(JobRandom, 40, 32'd0);
    if (NC > 1 && cfg_lat >= 2 && cfg_maxout >= 2)
      `CHECK(u_mem.max_inflight >= 2, $sformatf("contexts' beats overlap on Wishbone (max in flight %0d)",
                                                u_mem.max_inflight))
    `CHECK(u_mem.max_inflight <= NC, $sformatf("at most NumCtx beats in flight (saw %0d)", u_mem.max_inflight))
  endtask

  // Peripheral port: pulse, fields, read data one cycle after the request.
  task automatic t_peripheral(input int c);
    logic [31:0] d; logic e; longint l;
    int p0, r0, w0;
    p0 = n_per; r0 = u_mem.n_reads; w0 = u_mem.n_writes;
    xact(c, DopLoad, 5'd0, ClintBase + {16'd0, ClintMtime}, 32'd0, 4'hF, d, e, l);
    `CHECK(!e && d == per_fn(ClintBase + {16'd0, ClintMtime}) && l == 1,
           $sformatf("CLINT load: err=%b data=%h lat=%0d", e, d, l))
    `CHECK(n_per == p0 + 1 && !per_last_we, "CLINT load: one per_req_o pulse, read")
    xact(c, DopStore, 5'd0, MmioBase + 32'h1, 32'h0000_4100, 4'b0010, d, e, l);
    `CHECK(!e && d == 32'd0 && l == 1, $sformatf("MMIO store: err=%b data=%h lat=%0d", e, d, l))
    `CHECK(n_per == p0 + 2 && per_last_we && per_last_addr == MmioBase + 32'h1 &&
           per_last_wdata == 32'h0000_4100 && per_last_be == 4'b0010,
           "MMIO store: per_we_o/addr/wdata/be passed through")
    xact(c, DopLoad, 5'd0, MmioBase + 32'hFFC, 32'd0, 4'hF, d, e, l);
    `CHECK(!e && d == per_fn(MmioBase + 32'hFFC) && l == 1, "MMIO load at the window's last word")
    xact(c, DopStore, 5'd0, ClintBase + 32'hFFFC, 32'h1, 4'hF, d, e, l);
    `CHECK(!e && d == 32'd0 && per_last_addr == ClintBase + 32'hFFFC, "CLINT store at the window's last word")
    `CHECK(u_mem.n_reads == r0 && u_mem.n_writes == w0, "peripheral accesses make no Wishbone beats")
  endtask

  // Unmapped addresses, atomics outside RAM, reserved op codes, fence.
  task automatic t_unmapped(input int c);
    logic [31:0] d; logic e; longint l;
    int p0, r0, w0;
    p0 = n_per; r0 = u_mem.n_reads; w0 = u_mem.n_writes;
    for (int k = 0; k < 11; k++) begin
      logic [2:0] op; logic [31:0] a;
      case (k)
        0:  begin op = DopLoad;  a = 32'h0000_0000; end
        1:  begin op = DopStore; a = 32'h4000_0000; end
        2:  begin op = DopLoad;  a = ClintBase + 32'h1_0000; end   // just past the CLINT
        3:  begin op = DopStore; a = MmioBase + 32'h1000; end      // just past the MMIO window
        4:  begin op = DopLoad;  a = 32'h7FFF_FFFC; end
        5:  begin op = DopLr;    a = ClintBase; end                // atomics outside RAM
        6:  begin op = DopSc;    a = MmioBase; end
        7:  begin op = DopAmo;   a = ClintBase + 32'hBFF8; end
        8:  begin op = DopAmo;   a = 32'h0000_1000; end
        9:  begin op = 3'd6;     a = RamBase; end                  // reserved op codes
        default: begin op = 3'd7; a = RamBase; end
      endcase
      xact(c, op, AmoAdd, a, 32'hFFFF_FFFF, 4'hF, d, e, l);
      `CHECK(e && d == 32'd0 && l == 1, $sformatf("op %0d at %h: err=%b rdata=%h lat=%0d", op, a, e, d, l))
    end
    xact(c, DopFence, 5'd0, 32'h0, 32'h0, 4'h0, d, e, l);
    `CHECK(!e && d == 32'd0 && l == 1, $sformatf("fence: err=%b rdata=%h lat=%0d", e, d, l))
    xact(c, DopFence, 5'd0, RamBase, 32'hFFFF_FFFF, 4'hF, d, e, l);
    `CHECK(!e && d == 32'd0 && l == 1, "fence with a RAM address")
    `CHECK(n_per == p0 && u_mem.n_reads == r0 && u_mem.n_writes == w0,
           "errors and fences touch neither bus")
  endtask

  // Wishbone errors (beyond the memory model's size).
  task automatic t_wberr(input int c);
    logic [31:0] d; logic e; longint l;
    int w0;
    xact(c, DopLoad, 5'd0, MemEnd, 32'd0, 4'hF, d, e, l);
    `CHECK(e && d == 32'd0, "load beyond memory: wb_err -> access fault")
    if (exact_timing) `CHECK(l == cfg_lat, "wb_err response in the err cycle")
    xact(c, DopStore, 5'd0, MemEnd + 32'h40, 32'h1, 4'hF, d, e, l);
    `CHECK(e && d == 32'd0, "store beyond memory: access fault")
    w0 = u_mem.n_writes;
    xact(c, DopAmo, AmoAdd, MemEnd + 32'h8, 32'h1, 4'hF, d, e, l);
    `CHECK(e && d == 32'd0 && u_mem.n_writes == w0, "AMO beyond memory: fault on the read, no write beat")
    xact(c, DopLr, 5'd0, MemEnd + 32'h10, 32'h0, 4'hF, d, e, l);
    `CHECK(e, "LR beyond memory: access fault")
    xact(c, DopSc, 5'd0, MemEnd + 32'h10, 32'h0, 4'hF, d, e, l);
    `CHECK(e && d == 32'd0, "SC beyond memory (reservation held): write beat faults")
    expect_word(c, RamBase + 32'h100 + 32'(64 * c), u_mem.mem[widx(RamBase + 32'h100 + 32'(64 * c))],
                "normal load after errors");
  endtask

  task automatic lr(input int c, input logic [31:0] a, output logic [31:0] d);
    logic e; longint l;
    xact(c, DopLr, 5'd0, a, 32'd0, 4'hF, d, e, l);
    `CHECK(!e, "LR error")
  endtask

  task automatic sc(input int c, input logic [31:0] a, input logic [31:0] v,
                    input logic exp_fail, input string what);
    logic [31:0] d; logic e; longint l;
    int w0;
    w0 = u_mem.n_writes;
    xact(c, DopSc, 5'd0, a, v, 4'hF, d, e, l);
    `CHECK(!e && d == {31'd0, exp_fail}, $sformatf("%s: SC returned %0d, expected %0d", what, d, exp_fail))
    if (exp_fail) begin
      `CHECK(u_mem.n_writes == w0 && l == 1, $sformatf("%s: failed SC makes no bus access, answers next cycle", what))
    end else begin
      `CHECK(u_mem.n_writes == w0 + 1 && u_mem.mem[widx(a)] == v, $sformatf("%s: successful SC writes", what))
    end
  endtask

  task automatic t_lrsc;
    logic [31:0] a, b, d, o;
    a = RamBase + 32'h400;
    b = RamBase + 32'h404;
    u_mem.mem[widx(a)] = 32'h0000_0010;
    u_mem.mem[widx(b)] = 32'h0000_0020;
    lr(0, a, d);
    `CHECK(d == 32'h10, "LR returns the word")
    sc(0, a, 32'h11, 1'b0, "LR/SC pair");
    sc(0, a, 32'h12, 1'b1, "second SC without LR");
    sc(1, a, 32'h13, 1'b1, "SC never reserved");
    // Another context's store (byte, same word) breaks the reservation.
    lr(0, a, d);
    store(1, a + 2, 32'h77, 1);
    sc(0, a, 32'h14, 1'b1, "reservation broken by the other context's byte store");
    expect_word(0, a, 32'h0077_0011, "memory keeps the other context's store");
    // A store to another word does not.
    lr(0, a, d);
    store(1, b, 32'h21, 4);
    sc(0, a, 32'h15, 1'b0, "store to another word keeps the reservation");
    // A context's own store does not break its reservation.
    lr(0, a, d);
    store(0, a, 32'h16, 4);
    sc(0, a, 32'h17, 1'b0, "own store keeps the reservation");
    // Both reserve; the first SC wins and breaks the other.
    lr(0, a, d);
    lr(1, a, d);
    sc(1, a, 32'h18, 1'b0, "first of two competing SCs");
    sc(0, a, 32'h19, 1'b1, "second of two competing SCs");
    // A failed SC of the other context does not break it.
    lr(0, a, d);
    sc(1, a, 32'h1A, 1'b1, "other context's SC without reservation");
    sc(0, a, 32'h1B, 1'b0, "reservation survives the other's failed SC");
    // AMO of the other context breaks it.
    lr(0, a, d);
    begin
      logic e; longint l;
      xact(1, DopAmo, AmoAdd, a, 32'h1, 4'hF, o, e, l);
    end
    sc(0, a, 32'h1C, 1'b1, "reservation broken by the other context's AMO");
    // SC to a different word fails and clears the reservation.
    lr(0, a, d);
    sc(0, b, 32'h1D, 1'b1, "SC to another word than reserved");
    sc(0, a, 32'h1E, 1'b1, "reservation cleared by the failed SC");
    // A newer LR moves the reservation.
    lr(0, a, d);
    lr(0, b, d);
    sc(0, a, 32'h1F, 1'b1, "LR to another word moves the reservation");
    lr(0, b, d);
    sc(0, b, 32'h20, 1'b0, "SC on the newest reservation");
    // Concurrent LR/SC increments by every context: each retries until its SC
    // succeeds; the final count is exact.
    u_mem.mem[widx(a)] = 32'd0;
    run_all(JobLrsc, 15, a);
    expect_word(0, a, 32'(15 * NC), "LR/SC counter incremented by all contexts");
  endtask

  task automatic lrsc_incr(input int c, input logic [31:0] a, input int n);
    logic [31:0] d, r; logic e; longint l;
    for (int k = 0; k < n; k++) begin
      r = 32'd1;
      while (r != 32'd0) begin
        xact(c, DopLr, 5'd0, a, 32'd0, 4'hF, d, e, l);
        xact(c, DopSc, 5'd0, a, d + 32'd1, 4'hF, r, e, l);
        `CHECK(!e && (r == 32'd0 || r == 32'd1), "SC result 0/1")
      end
    end
  endtask

  task automatic t_amo(input int c);
    logic [4:0] ops [0:8];
    logic [31:0] vals [0:5];
    logic [31:0] a, m, r, d, exp; logic e; longint l;
    int lg;
    ops[0] = AmoAdd; ops[1] = AmoSwap; ops[2] = AmoXor; ops[3] = AmoOr; ops[4] = AmoAnd;
    ops[5] = AmoMin; ops[6] = AmoMax; ops[7] = AmoMinu; ops[8] = AmoMaxu;
    vals[0] = 32'd5; vals[1] = 32'hFFFF_FFFB; vals[2] = 32'h8000_0000; vals[3] = 32'h7FFF_FFFF;
    vals[4] = 32'd0; vals[5] = 32'h1234_5678;
    a = RamBase + 32'h600 + 32'(16 * c);
    for (int k = 0; k < 9; k++) begin
      for (int i = 0; i < 3; i++) begin
        m = vals[(k + i) % 6];
        r = vals[(k + 2 * i + 1) % 6];
        u_mem.mem[widx(a)] = m;
        exp = ref_amo(ops[k], m, r);
        xact(c, DopAmo, ops[k], a, r, 4'hF, d, e, l);
        `CHECK(!e && d == m, $sformatf("AMO %b old %h operand %h: returned %h err=%b", ops[k], m, r, d, e))
        if (exact_timing)
          `CHECK(l == 2 * cfg_lat + 2, $sformatf("AMO latency %0d, expected %0d", l, 2 * cfg_lat + 2))
        `CHECK(u_mem.mem[widx(a)] == exp, $sformatf("AMO %b old %h operand %h: memory %h, expected %h",
                                                   ops[k], m, r, u_mem.mem[widx(a)], exp))
        lg = (u_mem.n_log - 1) % 256;
        `CHECK(u_mem.log_we[lg] && u_mem.log_adr[lg] == a && u_mem.log_sel[lg] == 4'hF &&
               !u_mem.log_we[(lg + 255) % 256] && u_mem.log_adr[(lg + 255) % 256] == a,
               "AMO = read beat then write beat of the same word")
      end
    end
  endtask

  // AMO adds of every context (context c adds c+1), each followed by a
  // random load/store/peripheral access of the same context, all at once.
  task automatic t_amo_atomic;
    logic [31:0] x;
    x = RamBase + 32'h700;
    u_mem.mem[widx(x)] = 32'h0;
    run_all(JobAmo, 25, x);
    expect_word(0, x, 32'(25 * NC * (NC + 1) / 2), "concurrent AMO adds are atomic");
  endtask

  task automatic amo_mix(input int c, input logic [31:0] x, input int n);
    logic [31:0] d, prev; logic e; longint l;
    prev = 32'd0;
    for (int k = 0; k < n; k++) begin
      xact(c, DopAmo, AmoAdd, x, 32'(c + 1), 4'hF, d, e, l);
      `CHECK(!e && (k == 0 || d != prev), "AMO add returns a fresh old value")
      prev = d;
      t_random(c, 1);
    end
  endtask

  // Ready defence and ready independent of valid (manual driving).
  task automatic t_ready;
    logic [31:0] a;
    logic r0, r1;
    a = RamBase + 32'h200;
    idle(2);
    manual = 1'b1;
    @(posedge clk); #1;
    dreq_valid = 1'b1; dreq_tid = '0; dreq_op = DopLoad; dreq_addr = a; dreq_be = 4'hF;
    #1 `CHECK(dreq_ready, "idle dbiu is ready")
    @(posedge clk); #1;                         // accepted at this edge
    dreq_valid = 1'b0;
    #1 r0 = dreq_ready;
    dreq_valid = 1'b1;
    #1 r1 = dreq_ready;
    // (with a 1-cycle memory the answer, and so ready again, is already due)
    if (cfg_lat > 1) `CHECK(!r0 && !r1, "ready low for a context with a request outstanding")
    if (NC > 1) begin
      dreq_tid = 1; dreq_op = DopFence;
      #1 r1 = dreq_ready;
      dreq_valid = 1'b0;
      #1 r0 = dreq_ready;
      `CHECK(r0 && r1, "another context's fence is ready meanwhile")
      // Wishbone-bound request of another context while the request register is full.
      dreq_op = DopLoad; dreq_addr = a + 4;
      #1 r0 = dreq_ready;
      dreq_valid = 1'b1;
      #1 r1 = dreq_ready;
      `CHECK(r0 == r1, "ready does not depend on valid (Wishbone request)")
    end
    dreq_valid = 1'b0;
    while (outstanding[0]) @(mon_ev);
    // During an AMO nothing is ready, independent of valid.
    @(posedge clk); #1;
    dreq_valid = 1'b1; dreq_tid = '0; dreq_op = DopAmo; dreq_amo = AmoAdd; dreq_addr = a; dreq_wdata = 32'd1;
    @(posedge clk); #1;
    dreq_valid = 1'b0;
    for (int k = 0; k < 4; k++) begin
      dreq_tid = (NC > 1) ? TidW'(1) : '0; dreq_op = DopFence;
      #1 r0 = dreq_ready;
      dreq_valid = 1'b1;
      #1 r1 = dreq_ready;
      dreq_valid = 1'b0;
      `CHECK(!r0 && !r1, "nothing accepted while an AMO is in progress")
      @(posedge clk); #1;
    end
    while (outstanding[0]) @(mon_ev);
    manual = 1'b0;
    idle(1);
  endtask

  // Reset with a beat in flight: nothing survives, no response afterwards.
  task automatic t_reset;
    int r0;
    u_mem.latency = 6;
    manual = 1'b1;
    @(posedge clk); #1;
    dreq_valid = 1'b1; dreq_tid = '0; dreq_op = DopLoad; dreq_addr = RamBase; dreq_be = 4'hF;
    @(posedge clk); #1;
    dreq_valid = 1'b0;
    repeat (2) @(posedge clk);
    #1 `CHECK(wb_cyc, "beat in flight before reset")
    rst_n = 1'b0;
    #1 `CHECK(!wb_cyc && !wb_stb && dresp_valid == '0 && !per_req, "reset: nothing in flight")
    n_lost = n_lost + $countones(outstanding);
    outstanding = '0;
    r0 = n_resp;
    #3 rst_n = 1'b1;
    repeat (10) @(posedge clk);
    #1 `CHECK(n_resp == r0 && !wb_cyc, "no response after reset")
    dreq_tid = '0; dreq_op = DopLoad; dreq_addr = RamBase;
    #1 `CHECK(dreq_ready, "ready after reset")
    manual = 1'b0;
  endtask

  task automatic run_suite(input int lat, input int stall, input int maxout);
    while (wb_cyc || outstanding != '0) @(mon_ev);
    cfg_lat = lat; cfg_stall = stall; cfg_maxout = maxout;
    exact_timing = (stall == 0) && (maxout >= NC);
    u_mem.latency = lat; u_mem.stall_pct = stall; u_mem.max_out = maxout;
    $display("  config: latency %0d, stall %0d%%, max in flight %0d", lat, stall, maxout);
    for (int c = 0; c < NC; c++) begin
      t_loadstore(c);
      t_peripheral(c);
      t_unmapped(c);
      t_wberr(c);
      t_amo(c);
    end
    t_overlap();
    if (NC > 1) t_lrsc();
    t_amo_atomic();
    t_ready();
  endtask

  initial watchdog("dbiu", 64'd20_000_000);

  initial begin
    repeat (3) @(posedge clk);
    #1;
    `CHECK(!wb_cyc && !wb_stb && dresp_valid == '0 && !per_req, "quiet in reset")
    rst_n = 1'b1;
    idle(2);
    run_suite(1, 0, 64);
    run_suite(4, 0, 64);
    run_suite(2, 30, 64);
    run_suite(5, 50, 2);
    run_suite(3, 25, 1);
    t_reset();
    idle(5);
    if (NC > 1) `CHECK(n_drain > 0, "coverage: an AMO waited for other contexts' beats to drain")
    `CHECK(u_mem.proto_errors == 0, $sformatf("%0d Wishbone protocol errors", u_mem.proto_errors))
    `CHECK(n_acc == n_resp + n_lost, $sformatf("one response per request (%0d accepted, %0d answered, %0d reset)",
                                               n_acc, n_resp, n_lost))
    finish($sformatf("dbiu(NumCtx=%0d)", NC));
  end
endmodule
