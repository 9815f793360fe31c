// SPDX-License-Identifier: Apache-2.0
// outrider_core_pipe.svh: the pipeline records of outrider_core, one packed
// struct per pipeline register (docs/core.md "Structure").
//
// Included at FILE scope (before `module`) by the core and its stage modules:
// the records are the types of their ports. Packed structs at file scope are
// accepted by all three tools the build uses (Verilator 5.006, Icarus 11
// -g2012, yosys 0.23); the include guard makes the typedefs appear once per
// compilation unit. What a record does not hold: the valid bit and the
// context id of the instruction (valid_ex/tid_ex, valid_mem/tid_mem, ...),
// which travel beside it (the id's width depends on NumCtx; a file-scope type
// cannot). Encodings of the fields are the localparams of outrider_defs.svh
// and outrider_isa.svh.
`ifndef OUTRIDER_CORE_PIPE_SVH
`define OUTRIDER_CORE_PIPE_SVH

// ID/EX: the decoded instruction, as outrider_decode hands it to EX. Every
// control bit is already cleared when decode found an exception (exc).
typedef struct packed {
  logic [4:0]  rs1;         // 0 when rs1 is not read (no forwarding match)
  logic [4:0]  rs2;         // 0 when rs2 is not read
  logic [4:0]  rd;
  logic [4:0]  amo;         // AMO funct5
  logic [4:0]  zimm;        // CSR[RSC]I immediate (the rs1 field)
  logic        rd_we;
  logic        late;        // result known only after MEM (load-use interlock)
  logic        lalu;        // computed by the late ALU in WB (LateAlu, outrider_decode)
  logic        lalu_a;      // ... its first operand is the value WB2 holds then
  logic        lalu_b;      // ... its second operand is the value WB2 holds then
  logic        pred;        // ID predicted this instruction taken
  logic [3:0]  alu_op;
  logic [1:0]  alu_a_sel;
  logic        alu_b_imm;
  logic        branch;
  logic        jal;
  logic        jalr;
  logic        mem;         // goes to the data side
  logic        div;
  logic        csr;
  logic        mret;
  logic        wfi;
  logic        fencei;
  logic        pause;
  logic        hstart;      // hart.start
  logic        hexit;       // hart.exit
  logic        pex_spawn;
  logic        pex_stop;
  logic        pex_cancel;
  logic [2:0]  f3;
  logic [2:0]  mem_op;      // Dop*
  logic        exc;         // an exception found in ID
  logic [31:0] pc;
  logic [31:0] insn;
  logic [31:0] imm;
  logic [31:0] exc_cause;
  logic [31:0] exc_tval;
} outrider_idex_t;

// EX/MEM: the executed instruction at the commit point. result is the ALU
// result, the link address, the CSR operand or the data address of a memory
// operation; wdata the store data in its byte lanes (or rs2). Control bits
// are cleared when EX or ID found an exception.
typedef struct packed {
  logic [3:0]  be;
  logic [4:0]  rd;
  logic [4:0]  amo;
  logic        rd_we;
  logic        late;
  logic        lalu;        // late ALU (see outrider_idex_t): result = operand a, wdata = operand b
  logic        lalu_a;
  logic        lalu_b;
  logic [3:0]  alu_op;      // the late ALU's operation
  logic        mem;
  logic        div;
  logic        csr;
  logic        mret;
  logic        wfi;
  logic        fencei;
  logic        pause;
  logic        hstart;
  logic        hexit;
  logic        pex_spawn;
  logic        pex_stop;
  logic        pex_cancel;
  logic [2:0]  f3;
  logic [2:0]  mem_op;
  logic        exc;
  logic [31:0] pc;
  logic [31:0] insn;
  logic [31:0] result;
  logic [31:0] wdata;
  logic [31:0] exc_cause;
  logic [31:0] exc_tval;
} outrider_exmem_t;

// MEM/WB: the committed instruction on its way to write-back / retirement.
typedef struct packed {
  logic [4:0]  rd;
  logic        rd_we;
  logic        wait_resp;   // the value comes from the data side or the divider
  logic        div;
  logic        memop;       // a data-side request was sent
  logic        store;       // a store, SC or AMO (access faults report as store faults)
  logic [2:0]  f3;
  logic        lalu;        // late ALU: rd value = alu_op(result, addr), either operand
  logic        lalu_a;      // ... (lalu_a: result, lalu_b: addr) replaced by WB2's value
  logic        lalu_b;
  logic [3:0]  alu_op;
  logic [31:0] pc;
  logic [31:0] insn;
  logic [31:0] result;      // rd value unless it waits (wait) or is late (lalu: operand a)
  logic [31:0] addr;        // data address (retire_addr_o); a late ALU's operand b
} outrider_memwb_t;

// Field order: the narrow fields first (high bits), the 32-bit ones last, so
// each 32-bit field sits in whole words of the record (bit 0 up): the same
// logic for synthesis, but the Verilated model reads a field as one word
// instead of shifting two (measured: the model about 9% faster, the
// synthesised core identical; docs/performance.md "Simulation speed").
//
// Widths of the records, for ports that carry one record per lane as a flat
// vector (lane t at [W*t +: W]): yosys 0.23 has no $bits of a type, and
// Icarus 11 cannot select a member of an element of an array of structs.
// The width check of make lint (verilator -Wall) catches a wrong number here.
`define OR_EXMEM_W 234
`define OR_MEMWB_W 148

`endif
