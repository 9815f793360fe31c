// SPDX-License-Identifier: Apache-2.0
/*
 * preexec.S - the p-thread trampoline of pex_spawn (outrider/preexec.h).
 *
 * A p-thread spawned by pex_spawn(fn, arg) starts here with a copy of the
 * spawner's registers: a0 = fn, a1 = arg, sp = the spawner's sp. It moves
 * sp down by PEX_RED_ZONE (16-byte aligned), so fn's frame lies below
 * anything the spawner's current frame holds, calls fn(arg) and executes
 * pex.stop when fn returns. The trampoline itself stores nothing (no store
 * buffer entry is spent on it).
 *
 * Not for harts: a hart that jumps here would run fn and then treat
 * pex.stop as a no-op and spin in the wfi loop below forever.
 */
#include <outrider/preexec.h>

    .section .text.__pex_trampoline, "ax", @progbits
    .globl __pex_trampoline
    .type  __pex_trampoline, @function
    .p2align 2
__pex_trampoline:
    addi sp, sp, -PEX_RED_ZONE
    andi sp, sp, -16
    mv   t0, a0
    mv   a0, a1
    jalr t0
    PEX_STOP
1:  wfi                             /* reached only by a hart (see above) */
    j    1b
    .size __pex_trampoline, . - __pex_trampoline
