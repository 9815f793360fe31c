// SPDX-License-Identifier: Apache-2.0
// outrider_assert.svh: the one assertion macro of the RTL.
//
//   `OR_ASSERT(cond, "message")
//
// states an invariant that must hold in every clock cycle out of reset. Use it
// inside a module that has clk_i and rst_ni (include this file in the module
// body, after outrider_defs.svh). What it becomes:
//   - yosys -formal (FORMAL defined): an immediate assert in an always_comb
//     block, proven by the checks in formal/ (docs/verification.md);
//   - Verilator simulation with --assert and OUTRIDER_ASSERT defined (every
//     model the test bench builds, tb/tb.mk): checked at every rising clock
//     edge, a failure prints "%Error: ... Assertion failed ... <message>" and
//     stops the simulation;
//   - anything else (synthesis, Icarus lint): nothing.
// Keep cond a pure combinational expression of the module's current state and
// inputs (no $past): that is what lets the same line serve both uses.
`ifndef OUTRIDER_ASSERT_SVH
`define OUTRIDER_ASSERT_SVH
`ifdef FORMAL
`define OR_ASSERT(cond, msg) always_comb if (rst_ni) assert (cond);
`elsif OUTRIDER_ASSERT
`define OR_ASSERT(cond, msg) assert property (@(posedge clk_i) disable iff (!rst_ni) (cond)) else $error("%s", msg);
`else
`define OR_ASSERT(cond, msg)
`endif
`endif
