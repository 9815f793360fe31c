// SPDX-License-Identifier: Apache-2.0
/*
 * pex_notrace.S - everything a p-thread does leaves no trace. The main
 * thread spawns three p-threads, one after the other, that store to its
 * data, its results and its code, run AMOs and LR/SC on its data, write
 * CSRs (its trap vector, interrupt enables, pexctl, pexbudget, the
 * counters), store to the console and the exit register, arm the CLINT
 * (msip and mtimecmp of hart 0), load from every MMIO/CLINT register,
 * execute fence.i, wfi and mret, and end by ecall, by a store-buffer
 * overflow and by pex.stop respectively. Meanwhile the main thread reads
 * its data (it must see its own values). The suite checks the statistics:
 * 3 spawned, 2 exception stops, 1 stop, 22 stores buffered (9 + 8 + 5),
 * 7 MMIO/CLINT loads suppressed, and the p-thread instruction count.
 *
 * The main thread never looks at a spawn result or at pexstatus and waits
 * fixed numbers of `pause`s, so with pre-execution on and off it retires
 * the same instructions and must end with the same registers, memory,
 * console output ("notrace: ok\n") and exit code (0). The suite compares
 * both runs and checks in the statistics that all three p-threads ran.
 *
 * results[]: 0-3 data[0..3] read by the main thread while p-thread 1
 * runs; 4 mscratch, 5 mtvec, 6 mie, 7 mip, 8 mstatus of context 0 at the
 * end; 9 the value computed by `patched` (0x600D: the p-thread tried to
 * overwrite that instruction); 10 pexbudget, 11 mcycle>0 check (1)
 */
#include "pex_asm.h"

#define NRESULTS    12
#define PT_WAIT     256             /* pauses: ~8000 cycles per p-thread */

    TEST_START
    li      t0, 0x0BADF00D
    csrw    mscratch, t0
    la      s1, results
    la      s2, data
    PAUSES  4

    PEX_SPAWN_AT s0, pt_one
    .irp i, 0,1,2,3
    lw      t0, 4*\i(s2)
    sw      t0, 4*\i(s1)
    .endr
    PAUSES  PT_WAIT
    PEX_SPAWN_AT s0, pt_two
    PAUSES  PT_WAIT
    PEX_SPAWN_AT s0, pt_three
    PAUSES  PT_WAIT

    csrr    t0, mscratch
    sw      t0, 16(s1)
    csrr    t0, mtvec
    sw      t0, 20(s1)
    csrr    t0, mie
    sw      t0, 24(s1)
    csrr    t0, mip
    sw      t0, 28(s1)
    csrr    t0, mstatus
    sw      t0, 32(s1)
patched:
    li      t0, 0x600D
    sw      t0, 36(s1)
    csrr    t0, PEX_CSR_BUDGET
    sw      t0, 40(s1)
    csrr    t0, mcycle
    snez    t0, t0
    sw      t0, 44(s1)

    la      t1, message
    li      t2, CONSOLE_TX_ADDR
1:  lbu     t0, 0(t1)
    beqz    t0, 2f
    sb      t0, 0(t2)
    addi    t1, t1, 1
    j       1b
2:  EXIT_OK

/* ---- p-threads ----
 * Each runs straight-line code: the suite expects exactly
 * (pt_X_end - pt_X) / 4 p-thread instructions from each (the instruction
 * at pt_one_end / pt_two_end excepts and does not retire; PEX_STOP, the
 * last before pt_three_end, does). pt_one and pt_three stay within the
 * store buffer's 8 words. */
    .balign 4
    .globl  pt_one, pt_two, pt_three
pt_one:
    li      t0, 0xDEADBEEF
    sw      t0, 0(s2)               /* data */
    sh      t0, 6(s2)
    sb      t0, 11(s2)
    sw      t0, 0(s1)               /* results */
    la      t1, patched             /* code: li t0, 0xBAD */
    li      t2, 0x000BA2B7          /* lui t0, 0xBA */
    sw      t2, 0(t1)
    fence.i
    addi    t3, s2, 16
    li      t0, 0x0F0F
    amoadd.w t1, t0, (t3)
    amoswap.w t1, t0, (t3)
    amoor.w t1, t0, (t3)
    amomax.w t1, t0, (t3)
    lr.w    t1, (t3)
    sc.w    t1, t0, (t3)
    csrw    mscratch, t0
    la      t1, pt_one
    csrw    mtvec, t1
    li      t1, MIE_MSIE | MIE_MTIE
    csrw    mie, t1
    csrsi   mstatus, MSTATUS_MIE
    csrw    mepc, t1
    csrw    mcycle, zero
    csrw    minstret, zero
    csrci   PEX_CSR_CTL, PEX_CTL_EN
    csrwi   PEX_CSR_BUDGET, 1
    li      t1, CONSOLE_TX_ADDR
    li      t0, 'X'
    sb      t0, 0(t1)
    sw      t0, 0(t1)
    li      t1, SIM_EXIT_ADDR
    li      t0, 77
    sw      t0, 0(t1)
    li      t1, CLINT_MSIP0
    li      t0, 1
    sw      t0, 0(t1)
    li      t1, CONSOLE_TX_ADDR
    lw      t0, 0(t1)
    lbu     t0, 0(t1)
    li      t1, SIM_EXIT_ADDR
    lw      t0, 0(t1)
    li      t1, CLINT_MTIME
    lw      t0, 0(t1)
    lw      t0, 4(t1)
    li      t1, CLINT_MSIP0
    lw      t0, 0(t1)
    li      t1, CLINT_MTIMECMP0
    lw      t0, 0(t1)
    wfi
    mret
    fence   rw, rw
    .globl  pt_one_end
pt_one_end:
    ecall                           /* ends it (exception stop) */
    PT_PASS

/* stores to nine distinct words: the ninth overflows the store buffer */
pt_two:
    li      t0, 0x5EEDF00D
    .irp i, 0,1,2,3,4,5,6,7
    sw      t0, 4*\i(s1)
    .endr
    .globl  pt_two_end
pt_two_end:
    sw      t0, 32(s1)              /* ends it (overflow: exception stop) */
    PT_PASS

pt_three:
    li      t1, CONSOLE_TX_ADDR
    li      t0, 'Y'
    sb      t0, 0(t1)
    li      t1, SIM_EXIT_ADDR
    li      t0, 78
    sw      t0, 0(t1)
    sw      t0, 0(s2)
    li      t1, CLINT_MTIMECMP0
    sw      zero, 0(t1)
    sw      zero, 4(t1)
    PEX_STOP                        /* ends it (stop) */
    .globl  pt_three_end
pt_three_end:
    PT_PASS

    UNEXPECTED_TRAP_HANDLER

    .section .rodata
message:
    .asciz  "notrace: ok\n"

    WORDS   results, NRESULTS
    .data
    .balign 64
    .globl  data
data:
    .word   0x11223344, 0x55667788, 0x99AABBCC, 0xDDEEFF00
    .word   0x00000010, 0x20212223, 0x24252627, 0x28292A2B
