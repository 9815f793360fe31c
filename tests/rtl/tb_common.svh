// SPDX-License-Identifier: Apache-2.0
// tb_common.svh: pass/fail bookkeeping shared by the rtl-unit benches.
// Include inside a bench module body. Every `CHECK counts one passed or
// one failed check; finish() prints the summary line the makefile greps:
//   rtl-unit <name>: <N> passed, <M> failed
// A bench that never reaches finish() is stopped by its watchdog (start it
// from its own `initial watchdog(...)`: Icarus 11 does not return from
// fork/join_none around a task call), which reports a failure through the
// same line.
`ifndef TB_COMMON_SVH
`define TB_COMMON_SVH
`define CHECK(cond, msg) \
  if (cond) n_pass = n_pass + 1; \
  else begin n_fail = n_fail + 1; $display("FAIL %s:%0d: %s", `__FILE__, `__LINE__, msg); end
`endif

integer n_pass = 0;
integer n_fail = 0;

task automatic finish(input string name);
  $display("rtl-unit %s: %0d passed, %0d failed", name, n_pass, n_fail);
  $finish;
endtask

task automatic watchdog(input string name, input longint unsigned limit);
  #(limit);
  $display("FAIL %s: watchdog expired after %0d time units", name, limit);
  n_fail = n_fail + 1;
  finish(name);
endtask
