// SPDX-License-Identifier: Apache-2.0
// outrider_dcache_defs.svh: the encodings and the request record the data
// cache's engines share (rtl/cache/outrider_dcache*.sv, docs/dcache.md
// "Structure"). Included inside module bodies, after outrider_defs.svh (no
// packages: yosys 0.23 rejects `import`). Records cross module boundaries as
// flat vectors of the record's width; a module that reads fields declares a
// signal of the record type and assigns the vector to it.
/* verilator lint_off UNUSEDPARAM */

// ---- access classes of ev_acc_cls_o: DcCls* in outrider_consts.svh (spec/outrider.toml)

// ---- request record: a core request as stage 0 accepted it -----------------
// (stage-1 register, parked-request table; op in the top bits). addr and
// wdata sit in bits 31:0 and 63:32, whole 32-bit words of the vector: the
// Verilated model keeps a record this wide in 32-bit words and reads such
// a field with one load instead of two shifts and an OR (docs/performance.md
// "Simulation speed"); the field order is only wiring in synthesis.
typedef struct packed {
  logic [2:0]  op;
  logic [4:0]  amo;
  logic [3:0]  be;
  logic        spec;
  logic [31:0] wdata;
  logic [31:0] addr;
} req_t;
localparam int ReqW = 3 + 5 + 4 + 1 + 32 + 32;   // width of req_t (yosys 0.23 lacks $bits(type))
// bit offsets of the fields read by part-select (a struct member cannot be
// taken of a signal declared inside a generate block in yosys 0.23)
localparam int ReqOpLsb    = ReqW - 3;
localparam int ReqBeLsb    = 32 + 32 + 1;
localparam int ReqSpecLsb  = 32 + 32;
localparam int ReqWdataLsb = 32;
localparam int ReqAddrLsb  = 0;

// ---- where a request goes (decided in stage 0, acted on in stage 1) -------
localparam int RouteW = 3;
localparam logic [2:0] RtRam   = 3'd0;  // cacheable
localparam logic [2:0] RtPer   = 3'd1;  // peripheral port
localparam logic [2:0] RtErr   = 3'd2;  // access fault, answered in stage 1
localparam logic [2:0] RtNop   = 3'd3;  // answered in stage 1 with 0, no effect (p-thread non-loads)
localparam logic [2:0] RtFence = 3'd4;  // parks until the flush engine is done
localparam logic [2:0] RtWait  = 3'd5;  // ordered after posted stores: parks, looks again

// ---- what occupies stage 1 ------------------------------------------------
localparam logic [1:0] SrcReq    = 2'd0;  // a new core request
localparam logic [1:0] SrcReplay = 2'd1;  // a parked request again
localparam logic [1:0] SrcProbe  = 2'd2;  // next-line prefetch probe
localparam logic [1:0] SrcVr     = 2'd3;  // victim reader: one word of a line to write back

// ---- what a parked request waits for --------------------------------------
localparam logic [1:0] WaitMshr  = 2'd0;  // for MSHR pend_id to complete
localparam logic [1:0] WaitAny   = 2'd1;  // for any MSHR to complete (none free / no way)
localparam logic [1:0] WaitFence = 2'd2;  // for the flush engine

/* verilator lint_on UNUSEDPARAM */
