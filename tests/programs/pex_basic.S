// SPDX-License-Identifier: Apache-2.0
/*
 * pex_basic.S - pex.spawn / pex.stop / pex.cancel, the pre-execution CSRs
 * and what a p-thread sees and cannot do (docs/preexec.md). The program
 * enables pre-execution itself (csrsi pexctl) and observes spawn results,
 * so unlike the other programs its results differ with --no-preexec.
 *
 * Verdicts (pex_asm.h): 1 = the p-thread was still alive after the wait.
 * spawn_rd[i] is the rd of the spawn of verdict i (6, 7, 9-18, 20-32, 43-45): 1.
 * A check p-thread stays alive only if its check passed; a p-thread that
 * should end (stop, budget, exception) must give 0.
 *
 * results[] (R = rd of the spawn, V = verdict):
 *  0 R first spawn (1)            1 R second spawn while it runs (0: refused)
 *  2 pexstatus while it runs (0x00020003)
 *  3 pexstatus after cancel (0x00000001)
 *  4 spawn attempts after the cancel (>= 1)   5 R of that spawn (1)
 *  6 V pex.stop p-thread (0)
 *  7 V budget 100, endless ALU loop (0)        8 pexbudget read back (100)
 *  9 V budget 0, endless ALU loop (1: no budget, still running)
 * 10 V illegal instruction (0)    11 V misaligned load (0)
 * 12 V load outside RAM/MMIO/CLINT (0)         13 V ecall (0)
 * 14 V ebreak (0)                 15 V fetch outside RAM (0)
 * 16 V hart.exit (0)
 * 17 V mhartid == 1 (1)
 * 18 V all 31 registers equal the spawner's, rd of the spawn keeps its
 *      old value in the p-thread (1)           19 attempts of that spawn
 * 20 V registers written while context 1 was busy (mirror copy engine) (1)
 * 21 V pex.spawn in a p-thread returns 0 (1)   22 V hart.start in a p-thread returns 0 (1)
 * 23 V store then load forwards the word (1)
 * 24 V sb/sh merge with memory bytes, lb/lh/lbu/lhu of buffered bytes (1)
 * 25 V 8 distinct words stored, re-stored (merge) and reloaded (1)
 * 26 V a 9th distinct word: store-buffer overflow ends it (0)
 * 27 V AMO returns the memory word, writes nothing (1)
 * 28 V LR returns the word, SC fails (rd = 1), memory unchanged (1)
 * 29 V CSR writes have no effect (mscratch, mtvec, pexbudget) (1)
 * 30 V MMIO/CLINT loads return 0 (mtime, msip, console, exit) (1)
 * 31 V wfi, mret, fence.i, fence, ecall-free CSR reads: no effect, goes on (1)
 * 32 V negative control: a check that fails (0)
 * 33 V p-thread wrote pexctl = 0: spawns still work (R of the next spawn, 1)
 * 34 R spawn while context 1 runs as a hart (0)
 * 35 pexstatus then (0x00000003)
 * 36 R hart.start while a p-thread runs (0: refused)
 * 37 R spawn with pexctl.EN = 0 (0)            38 pexctl then (0)
 * 39 pexstatus after the refused spawn (0x00000001)
 * 40 R spawn after re-enabling (1)
 * 41 mscratch of context 0 at the end (0x0BADF00D, untouched by p-threads)
 * 42 mtvec of context 0 at the end (unexpected_trap)
 * 43 V a software interrupt pending and enabled on context 1 (left so by
 *      the hart of 34-36) is not taken by a p-thread (1)
 * 44 V after a cancel while the p-thread waited for a miss, the next
 *      p-thread's registers are the spawner's, not the late answer (1)
 * 45 V registers a p-thread wrote (x10-x27) are the spawner's again in the
 *      next p-thread, although the spawner did not write them since (1)
 * 46 V after a cancel while the p-thread's miss waited for an MSHR (the
 *      main thread's posted stores hold all 8, more than the reserve: the
 *      miss parks, docs/dcache.md section 7), the next p-thread is spawned
 *      and sees the spawner's registers (1)
 * 47 V budget 100 at the spawn, pexbudget = 0 written while the endless
 *      loop runs: the loop still stops at its 100 (0)
 * 48 V budget 0 at the spawn, pexbudget = 100 written while the endless
 *      loop runs: it runs on (1); each p-thread takes the budget in force
 *      at its spawn
 * data[] must be unchanged by every p-thread (the suite compares it with
 * the ELF's initial values); hart_flag is set by the helper hart.
 */
#include "pex_asm.h"

/* checks 44 and 46: let the p-thread issue its load, cancel it, then spawn
 * pt_check_t0 with t0 = 0x1234 (the cancelled load's late answer must not
 * reach it); the spawn's rd goes to spawn_rd[n] */
.macro CANCEL_LOAD_THEN_CHECK n
    pause                           /* the p-thread issues its load */
    PEX_CANCEL
    SETTLE
    li      t0, 0x1234
    SPAWN_RETRY t6, pt_check_t0
    la      t4, spawn_rd
    sw      t6, 4*\n(t4)
    VERDICT \n
.endm

#define NRESULTS 49
#define PT_BUDGET 100
#define P(i) (0x5A000000 + ((i) << 16) + (i) * 0x111)
#define R(i) (0xC3000000 + ((i) << 12) + (i) * 0x5)
#define Q(i) (0x3C000000 + ((i) << 12) + (i) * 0x9)

    TEST_START
    csrsi   PEX_CSR_CTL, PEX_CTL_EN
    li      t0, 0x0BADF00D
    csrw    mscratch, t0
    la      s1, results
    la      s2, data
    PAUSES  4                       /* the register mirror fills after reset */

    /* 0-5: spawn, refusal while busy, pexstatus, cancel, respawn */
    PEX_SPAWN_AT t0, pt_spin
    PEX_SPAWN_AT t1, pt_spin
    sw      t0, 0(s1)
    sw      t1, 4(s1)
    csrr    t2, PEX_CSR_STATUS
    sw      t2, 8(s1)
    PEX_CANCEL
    SETTLE
    csrr    t2, PEX_CSR_STATUS
    sw      t2, 12(s1)
    SPAWN_RETRY t0, pt_spin
    sw      t3, 16(s1)
    sw      t0, 20(s1)
    PEX_CANCEL
    SETTLE

    /* 6: pex.stop */
    CHECK   6, pt_stop
    /* 7-9: budget */
    li      t0, PT_BUDGET
    csrw    PEX_CSR_BUDGET, t0
    CHECK   7, pt_alu_loop
    csrr    t0, PEX_CSR_BUDGET
    sw      t0, 32(s1)
    csrw    PEX_CSR_BUDGET, zero
    CHECK   9, pt_alu_loop
    li      t0, PEX_DEFAULT_BUDGET
    csrw    PEX_CSR_BUDGET, t0
    /* 10-16: exceptions end a p-thread silently */
    CHECK   10, pt_illegal
    CHECK   11, pt_misaligned
    CHECK   12, pt_unmapped
    CHECK   13, pt_ecall
    CHECK   14, pt_ebreak
    CHECK   15, pt_fetch_fault
    CHECK   16, pt_hart_exit
    CHECK   17, pt_hartid

    /* 18-19: every register as of the spawn (set right before it) */
    la      t0, tries
    sw      zero, 0(t0)
1:  la      t0, tries
    lw      t1, 0(t0)
    addi    t1, t1, 1
    sw      t1, 0(t0)
    li      t2, SPAWN_TRIES
    bgtu    t1, t2, 2f
    .irp i, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29
    li      x\i, P(\i)
    .endr
    li      x30, 0x130
    li      x31, 0x131
    PEX_SPAWN_AT x8, pt_regs
    beqz    x8, 1b
2:  la      s1, results
    la      s2, data
    la      t0, spawn_rd
    sw      x8, 4*18(t0)
    la      t0, tries
    lw      t0, 0(t0)
    sw      t0, 76(s1)
    VERDICT 18

    /* 20: registers written while context 1 is busy reach its bank later */
    SPAWN_RETRY t0, pt_spin
    .irp i, 10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27
    li      x\i, R(\i)
    .endr
    PEX_CANCEL
    SETTLE
    SPAWN_RETRY t6, pt_regs_late
    la      t4, spawn_rd
    sw      t6, 4*20(t4)
    VERDICT 20
    la      s2, data

    /* 21-32: what a p-thread sees */
    CHECK   21, pt_spawn
    CHECK   22, pt_hstart
    CHECK   23, pt_fwd_word
    CHECK   24, pt_fwd_bytes
    CHECK   25, pt_fwd_eight
    CHECK   26, pt_overflow
    CHECK   27, pt_amo
    CHECK   28, pt_lrsc
    CHECK   29, pt_csr
    CHECK   30, pt_mmio
    CHECK   31, pt_noeffect
    CHECK   32, pt_control_fail
    /* 33: the p-thread of 29 wrote pexctl = 0; spawning still works */
    SPAWN_RETRY t0, pt_spin
    sw      t0, 132(s1)
    PEX_CANCEL
    SETTLE

    /* 34-36: context 1 as a hart */
    la      t1, hart_entry
    li      t0, 0
3:  HART_START t2, t1, zero         /* retried like a spawn */
    bnez    t2, 4f
    addi    t0, t0, 1
    li      t3, SPAWN_TRIES
    bltu    t0, t3, 3b
    EXIT_CODE EXIT_TIMEOUT
4:  PEX_SPAWN_AT t0, pt_spin
    sw      t0, 136(s1)
    csrr    t0, PEX_CSR_STATUS
    sw      t0, 140(s1)
    la      t0, hart_go
    li      t1, 1
    sw      t1, 0(t0)
    la      t0, hart_flag
    WAIT_NONZERO t0, t1, 100000
    SPAWN_RETRY t0, pt_spin         /* the hart exits: context 1 frees */
    la      t1, hart_entry
    HART_START t2, t1, zero
    sw      t2, 144(s1)
    PEX_CANCEL
    SETTLE

    /* 43: a software interrupt pending and enabled on context 1 is never
     * taken by a p-thread (pt_irq_taken would end it) */
    SPAWN_RETRY t6, pt_spin
    la      t4, spawn_rd
    sw      t6, 4*43(t4)
    li      t0, CLINT_MSIP1
    li      t1, 1
    sw      t1, 0(t0)
    VERDICT 43
    li      t0, CLINT_MSIP1
    sw      zero, 0(t0)

    /* 44: cancel while the p-thread waits for a miss; the late answer
     * must not reach the next p-thread's registers (t0 = 0x1234 at spawn) */
    la      s3, cold_word
    li      t0, 0x1234
    PEX_SPAWN_AT t6, pt_load_cold
    CANCEL_LOAD_THEN_CHECK 44

    /* 46: as 44, but the p-thread's miss waits for an MSHR: first a load
     * above the store lines (its refill marks them as memory, so stores
     * to them are posted), then posted store misses to 8 lines (an MSHR
     * each), then the spawn; the p-thread's load finds no MSHR above the
     * reserve and parks; cancel it there (the suite checks that context 1
     * had MSHR-full cycles) */
    la      t1, store_lines
    lw      t0, 8*32(t1)
    add     t0, t0, t0              /* wait for the value */
    .irp i, 0,1,2,3,4,5,6,7
    sw      t1, \i*32(t1)
    .endr
    la      s3, cold_word2
    li      t0, 0x1234
    SPAWN_RETRY t6, pt_load_cold
    CANCEL_LOAD_THEN_CHECK 46

    /* 45: a p-thread overwrites x10-x27; the main thread leaves them alone;
     * the next p-thread must see the main thread's values again */
    .irp i, 10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27
    li      x\i, Q(\i)
    .endr
    SPAWN_RETRY t6, pt_clobber
    PAUSES  WAIT_PAUSES
    PEX_CANCEL
    SETTLE
    SPAWN_RETRY t6, pt_regs_q
    la      t4, spawn_rd
    sw      t6, 4*45(t4)
    VERDICT 45
    la      s2, data

    /* 47-48: the budget is taken at the spawn; a later write changes it
     * only for the p-threads spawned after it */
    li      t0, PT_BUDGET
    csrw    PEX_CSR_BUDGET, t0
    SPAWN_RETRY t6, pt_alu_loop
    csrw    PEX_CSR_BUDGET, zero
    la      t4, spawn_rd
    sw      t6, 4*47(t4)
    VERDICT 47
    SPAWN_RETRY t6, pt_alu_loop
    li      t0, PT_BUDGET
    csrw    PEX_CSR_BUDGET, t0
    la      t4, spawn_rd
    sw      t6, 4*48(t4)
    VERDICT 48
    li      t0, PEX_DEFAULT_BUDGET
    csrw    PEX_CSR_BUDGET, t0

    /* 37-40: pexctl.EN = 0 refuses every spawn */
    PAUSES  8
    csrci   PEX_CSR_CTL, PEX_CTL_EN
    PEX_SPAWN_AT t0, pt_spin
    sw      t0, 148(s1)
    csrr    t0, PEX_CSR_CTL
    sw      t0, 152(s1)
    PAUSES  4
    csrr    t0, PEX_CSR_STATUS
    sw      t0, 156(s1)
    csrsi   PEX_CSR_CTL, PEX_CTL_EN
    SPAWN_RETRY t0, pt_spin
    sw      t0, 160(s1)
    PEX_CANCEL
    SETTLE

    csrr    t0, mscratch
    sw      t0, 164(s1)
    csrr    t0, mtvec
    sw      t0, 168(s1)
    EXIT_OK

/* ---- context 1 as a hart: wait for hart_go, leave its software
 * interrupt enabled (mtvec = pt_irq_taken, mie.MSIE, mstatus.MIE) for the
 * p-threads that later run on context 1, set hart_flag, exit ---- */
    .balign 4
hart_entry:
    la      t0, hart_go
    WAIT_NONZERO t0, t1, 100000
    la      t0, pt_irq_taken
    csrw    mtvec, t0
    li      t0, MIE_MSIE
    csrw    mie, t0
    csrsi   mstatus, MSTATUS_MIE
    la      t0, hart_flag
    li      t1, 1
    sw      t1, 0(t0)
    HART_EXIT

/* ---- p-threads ---- */
    .balign 4
pt_spin:
    PT_PASS

pt_irq_taken:
    PT_FAIL

pt_load_cold:
    lw      t0, 0(s3)
    PT_PASS

pt_check_t0:
    li      t1, 0x1234
    bne     t0, t1, 1f
    PT_PASS
1:  PT_FAIL

pt_stop:
    PEX_STOP
    PT_PASS                         /* not reached */

pt_alu_loop:
    addi    t0, t0, 1
    xor     t1, t1, t0
    j       pt_alu_loop

pt_illegal:
    .word   0                       /* all zero: illegal */
    PT_PASS
pt_misaligned:
    lw      t0, 2(s2)
    PT_PASS
pt_unmapped:
    li      t0, 0x40000000
    lw      t0, 0(t0)
    PT_PASS
pt_ecall:
    ecall
    PT_PASS
pt_ebreak:
    ebreak
    PT_PASS
pt_fetch_fault:
    li      t0, 0x40000000
    jr      t0
pt_hart_exit:
    HART_EXIT
    PT_PASS

pt_hartid:
    csrr    t0, mhartid
    li      t1, 1
    bne     t0, t1, 1f
    PT_PASS
1:  PT_FAIL

pt_regs:
    xori    x31, x31, 0x131
    bnez    x31, 1f
    xori    x30, x30, 0x130
    bnez    x30, 1f
    .irp i, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29
    li      x31, P(\i)
    bne     x\i, x31, 1f
    .endr
    PT_PASS
1:  PT_FAIL

pt_clobber:
    .irp i, 10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27
    li      x\i, -1
    .endr
    PT_PASS                         /* spins until the main thread cancels it */

pt_regs_q:
    .irp i, 10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27
    li      x31, Q(\i)
    bne     x\i, x31, 1f
    .endr
    PT_PASS
1:  PT_FAIL

pt_regs_late:
    .irp i, 10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27
    li      x31, R(\i)
    bne     x\i, x31, 1f
    .endr
    PT_PASS
1:  PT_FAIL

pt_spawn:
    li      t0, 0x77
    PEX_SPAWN_AT t0, pt_spin
    bnez    t0, 1f
    PT_PASS
1:  PT_FAIL

pt_hstart:
    la      t1, hart_entry
    li      t0, 0x77
    HART_START t0, t1, zero
    bnez    t0, 1f
    PT_PASS
1:  PT_FAIL

/* data[0] = 0x11223344 */
pt_fwd_word:
    li      t0, 0xCAFEBABE
    sw      t0, 0(s2)
    lw      t1, 0(s2)
    bne     t0, t1, 1f
    PT_PASS
1:  PT_FAIL

pt_fwd_bytes:
    li      t0, 0xAB
    sb      t0, 1(s2)               /* word: 0x1122AB44 */
    lw      t1, 0(s2)
    li      t2, 0x1122AB44
    bne     t1, t2, 1f
    li      t0, 0xBEEF
    sh      t0, 2(s2)               /* word: 0xBEEFAB44 */
    lw      t1, 0(s2)
    li      t2, 0xBEEFAB44
    bne     t1, t2, 1f
    lb      t1, 1(s2)               /* 0xAB sign-extended */
    li      t2, 0xFFFFFFAB
    bne     t1, t2, 1f
    lbu     t1, 1(s2)
    li      t2, 0xAB
    bne     t1, t2, 1f
    lh      t1, 2(s2)
    li      t2, 0xFFFFBEEF
    bne     t1, t2, 1f
    lhu     t1, 2(s2)
    li      t2, 0xBEEF
    bne     t1, t2, 1f
    lbu     t1, 0(s2)               /* a byte never stored: memory */
    li      t2, 0x44
    bne     t1, t2, 1f
    lw      t1, 4(s2)               /* another word: memory (0x55667788) */
    li      t2, 0x55667788
    bne     t1, t2, 1f
    PT_PASS
1:  PT_FAIL

/* eight words data[0..7] := i * 0x01010101 + 1, then the low byte of each
 * again := 0xEE (merges, no new entry), then all reloaded */
pt_fwd_eight:
    .irp i, 0,1,2,3,4,5,6,7
    li      t0, \i * 0x01010101 + 1
    sw      t0, 4*\i(s2)
    .endr
    li      t0, 0xEE
    .irp i, 0,1,2,3,4,5,6,7
    sb      t0, 4*\i(s2)
    .endr
    .irp i, 0,1,2,3,4,5,6,7
    lw      t1, 4*\i(s2)
    li      t2, ((\i * 0x01010101 + 1) & 0xFFFFFF00) | 0xEE
    bne     t1, t2, 1f
    .endr
    PT_PASS
1:  PT_FAIL

pt_overflow:
    .irp i, 0,1,2,3,4,5,6,7,8
    sw      zero, 4*\i(s2)
    .endr
    PT_PASS                         /* not reached: the ninth word overflows */

/* data[8] = 0x00000010 */
pt_amo:
    addi    t3, s2, 32
    li      t0, 5
    amoadd.w t1, t0, (t3)
    li      t2, 0x10
    bne     t1, t2, 1f
    amoswap.w t1, t0, (t3)
    bne     t1, t2, 1f
    lw      t1, 0(t3)               /* nothing written, nothing buffered */
    bne     t1, t2, 1f
    PT_PASS
1:  PT_FAIL

pt_lrsc:
    addi    t3, s2, 32
    lr.w    t1, (t3)
    li      t2, 0x10
    bne     t1, t2, 1f
    li      t0, 0x99
    sc.w    t4, t0, (t3)
    li      t2, 1
    bne     t4, t2, 1f
    lw      t1, 0(t3)
    li      t2, 0x10
    bne     t1, t2, 1f
    PT_PASS
1:  PT_FAIL

/* context 1's CSRs are at their reset values (mscratch 0); the writes
 * (and the pexctl/pexbudget ones) must change nothing */
pt_csr:
    csrr    t1, mscratch
    li      t0, 0x1234
    csrw    mscratch, t0
    csrr    t2, mscratch
    bne     t1, t2, 1f
    csrr    t1, mtvec
    la      t0, pt_spin
    csrw    mtvec, t0
    csrr    t2, mtvec
    bne     t1, t2, 1f
    csrw    PEX_CSR_BUDGET, 3       /* would end this p-thread at once */
    csrr    t2, PEX_CSR_BUDGET
    li      t1, PEX_DEFAULT_BUDGET
    bne     t1, t2, 1f
    csrci   PEX_CSR_CTL, PEX_CTL_EN
    csrr    t2, PEX_CSR_CTL
    beqz    t2, 1f
    csrsi   mstatus, MSTATUS_MIE
    csrr    t2, mstatus
    andi    t2, t2, MSTATUS_MIE
    bnez    t2, 1f
    PT_PASS
1:  PT_FAIL

pt_mmio:
    li      t0, CLINT_MTIME
    lw      t1, 0(t0)
    bnez    t1, 1f
    li      t0, CLINT_MSIP0
    lw      t1, 0(t0)
    bnez    t1, 1f
    li      t0, CONSOLE_TX_ADDR
    lw      t1, 0(t0)
    bnez    t1, 1f
    lbu     t1, 0(t0)
    bnez    t1, 1f
    li      t0, SIM_EXIT_ADDR
    lw      t1, 0(t0)
    bnez    t1, 1f
    PT_PASS
1:  PT_FAIL

pt_noeffect:
    la      t0, 2f
    csrw    mepc, t0                /* no effect either */
    wfi
    mret
    fence.i
    fence   rw, rw
    csrr    t1, mcause
    csrr    t1, mepc
    PT_PASS
2:  PT_FAIL                         /* where an mret would have gone */

pt_control_fail:
    li      t0, 1
    li      t1, 2
    beq     t0, t1, 2f
    PT_FAIL
2:  PT_PASS

    UNEXPECTED_TRAP_HANDLER

    WORDS   results, NRESULTS
    WORDS   spawn_rd, NRESULTS
    WORDS   tries, 1
    WORDS   hart_go, 1
    WORDS   hart_flag, 1
    .data
    .balign 64
    .globl  data
data:
    .word   0x11223344, 0x55667788, 0x99AABBCC, 0xDDEEFF00
    .word   0x01020304, 0x05060708, 0x090A0B0C, 0x0D0E0F10
    .word   0x00000010, 0x20212223, 0x24252627, 0x28292A2B
    .word   0x2C2D2E2F, 0x30313233, 0x34353637, 0x38393A3B
    .balign 64
cold_word:                          /* a line only the p-thread of 44 loads */
    .word   0xDEADBEEF
    .balign 64
cold_word2:                         /* a line only the p-thread of 46 loads */
    .word   0xFEEDF00D
    .balign 64
store_lines:                        /* 46: 8 lines of posted stores, then the load's line */
    .space  9*32
    .balign 64
