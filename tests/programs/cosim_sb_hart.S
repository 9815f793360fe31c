// SPDX-License-Identifier: Apache-2.0
/*
 * cosim_sb_hart.S - regression for a bug found by lockstep co-simulation of
 * random programs (docs/verification.md, "Mismatches found"): a p-thread on
 * context 1 stores to a word (its private store buffer), ends; then context 1
 * is started as a hart (hart.start) and loads that word. The hart must read
 * memory, not the dead p-thread's buffered bytes (the store buffer used to
 * be cleared only at pex.spawn, and forwarded to any context's loads).
 *
 * results[0] = the spawn's rd (1), [1] = hart.start's rd (1),
 * [2] = what the hart loaded from `word` (0x11223344, its memory value),
 * [3] = its lbu of the console register (0: MMIO reads 0; the p-thread had
 *       stored 0x5A there, into its buffer)
 */
#include "pex_asm.h"

    .text
    .globl _start
_start:
    la      s1, results
    SPAWN_RETRY s2, pthread
    sw      s2, 0(s1)
    SETTLE                          /* the p-thread has stopped by itself */
    li      t3, 0
1:  la      t0, hart1               /* hart.start until the context is free */
    la      t1, results
    HART_START s3, t0, t1
    bnez    s3, 2f
    addi    t3, t3, 1
    li      t4, 1000
    bltu    t3, t4, 1b
2:  sw      s3, 4(s1)
    beqz    s3, 4f
    la      t0, done
3:  lw      t1, 0(t0)               /* wait for the hart */
    pause
    beqz    t1, 3b
4:  EXIT_OK

pthread:
    la      t0, word
    li      t1, 0x55667788
    sw      t1, 0(t0)               /* buffered, never visible */
    li      t0, CONSOLE_TX_ADDR
    li      t1, 0x5A
    sb      t1, 0(t0)               /* buffered too */
    PEX_STOP
5:  j       5b

hart1:                              /* a0 = results */
    la      t0, word
    lw      t1, 0(t0)
    sw      t1, 8(a0)
    li      t0, CONSOLE_TX_ADDR
    lbu     t1, 0(t0)
    sw      t1, 12(a0)
    la      t0, done
    li      t1, 1
    sw      t1, 0(t0)
    HART_EXIT
6:  j       6b

    .data
    .balign 4
word:    .word 0x11223344
done:    .word 0
    .globl results, pex_observes_preexec
pex_observes_preexec:               /* it depends on the spawn: not in the invariant corpus */
results: .word 0xdead0000, 0xdead0001, 0xdead0002, 0xdead0003
