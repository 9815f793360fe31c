// SPDX-License-Identifier: Apache-2.0
/*
 * crt.S - entry point of the bare programs (COMPUTE_BARE, sw/bench/compute/)
 * that run on cores other than Outrider (the VexRiscv harness of
 * tb/sim-speed.mk): RV32I only, no CSR, no custom instruction.
 *
 * _start (section .text.init.enter, first in RAM: linked with
 * tb/vexriscv/bare.ld at 0x4000_0000): gp, sp = __stack_top, zero .bss,
 * a0 = main(), then a word store of a0 to the simulation exit register
 * (OUTRIDER_SIM_EXIT: the harness ends the run with that exit code);
 * spins if the store does not end the run.
 */
#include <outrider/consts.h>

    .section .text.init.enter, "ax", @progbits
    .globl _start
    .type  _start, @function
_start:
    .option push
    .option norelax
    la   gp, __global_pointer$
    .option pop
    lui  sp, %hi(__stack_top)
    addi sp, sp, %lo(__stack_top)
    la   t0, __bss_start
    la   t1, __bss_end
1:  bgeu t0, t1, 2f
    sw   zero, 0(t0)
    addi t0, t0, 4
    j    1b
2:  call main
    li   t0, OUTRIDER_MMIO_BASE + OUTRIDER_MMIO_OFF_SIM_EXIT
    sw   a0, 0(t0)
3:  j    3b
    .size _start, . - _start
