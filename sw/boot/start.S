// SPDX-License-Identifier: Apache-2.0
/*
 * start.S - first instructions of the boot ROM (0x2000_0000, context 0's
 * reset PC on the FPGA top). Two ways in:
 * - the start register (BOOT_GO) holds a program's entry: the loader has
 *   just written it, which reset the SoC. Clear it, set the counters so
 *   that the program sees them as it would right after reset in smtsim
 *   (mcycle, minstret, mtime as if the program had started at cycle 0;
 *   the constants are measured, docs/fpga-uart.md), jump to the entry;
 * - otherwise: the loader. Stack at the top of RAM (BOOT_RESERVE bytes
 *   reserved there), a trap restarts the ROM, main() never returns.
 */
#include "bootrom.h"

/* cycles from the start of this code to the program's first fetch, and
 * the instructions retired before it (measured with the board simulation) */
#ifndef BOOT_GO_CYCLES
#define BOOT_GO_CYCLES   0
#endif
#ifndef BOOT_GO_INSNS
#define BOOT_GO_INSNS    0
#endif
#ifndef BOOT_GO_MTIME
#define BOOT_GO_MTIME    0
#endif

    .section .text.init.enter, "ax"
    .globl _start
_start:
    lui     t0, %hi(BOOT_EXT_REGS)
    lw      t1, BOOT_GO(t0)
    bnez    t1, go
    la      t2, _start
    csrw    mtvec, t2
    lw      t2, BOOT_RAM_SIZE(t0)
    li      sp, BOOT_RAM_BASE
    add     sp, sp, t2
    call    main
    j       _start

go:
    sw      zero, BOOT_GO(t0)
    /* 64-bit values -N: low word -N, high word -1 unless N is 0 */
    li      t3, -BOOT_GO_CYCLES
    snez    t2, t3
    neg     t2, t2
    li      t4, -BOOT_GO_INSNS
    snez    t6, t4
    neg     t6, t6
    li      a0, -BOOT_GO_MTIME
    snez    a1, a0
    neg     a1, a1
    lui     t5, %hi(0x0200BFF8)
    sw      a1, %lo(0x0200BFFC)(t5)
    sw      a0, %lo(0x0200BFF8)(t5)
    csrw    minstreth, t6
    csrw    mcycleh, t2
    csrw    mcycle, t3
    csrw    minstret, t4
    /* registers as after reset, but t1 (the entry) */
    li      t0, 0
    li      t2, 0
    li      t3, 0
    li      t4, 0
    li      t5, 0
    li      t6, 0
    li      a0, 0
    li      a1, 0
    jr      t1
