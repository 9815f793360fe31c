// SPDX-License-Identifier: Apache-2.0
/*
 * cosim_pexcsr.S - one hart reads the shared pre-execution CSRs (pexctl,
 * pexbudget; docs/preexec.md section 3) while the other hart writes them,
 * under lockstep co-simulation (docs/verification.md "Lockstep
 * co-simulation").
 *
 * Context 0 sets pexctl = 1 and pexbudget = BUDGET_A, starts context 1 as a
 * hart, then writes pexctl (0, 1) and pexbudget (BUDGET_B, BUDGET_A) in a
 * tight loop until context 1 says it is done. Context 1 reads both CSRs
 * READS times in every read form (csrr = csrrs rd, csr, x0; csrrc rd, csr,
 * x0; csrrsi/csrrci rd, csr, 0: none of them writes), so that in many
 * cycles its read is in MEM in the same cycle as context 0's write. Every
 * value must be one a write put there: pexctl 0 or 1, pexbudget BUDGET_A or
 * BUDGET_B.
 *
 * results[0] = reads with a value nobody wrote (0)
 *        [1] = pexctl reads that saw 1 (0 < [1] < READS)
 *        [2] = pexbudget reads that saw BUDGET_B (0 < [2] < READS)
 *        [3] = reads of each CSR (READS)
 * Exit code: 0 when results[0] is 0, else 1; EXIT_TIMEOUT when a wait runs
 * out. The counts in [1] and [2] depend on timing; the suite requires both
 * values to have been seen (test_cosim: test_regress_pexcsr_race).
 */
#include "test_asm.h"

#define BUDGET_A 0x1234
#define BUDGET_B 0x5678
#define ROUNDS   128            /* context 1: ROUNDS x 4 reads of each CSR */
#define READS    (ROUNDS * 4)
#define POLLS    200000

    TEST_START
    la      s1, results
    csrwi   OUTRIDER_CSR_PEX_CTL, 1
    li      s2, BUDGET_A
    li      s3, BUDGET_B
    csrw    OUTRIDER_CSR_PEX_BUDGET, s2
    li      t3, 1000
1:  la      t1, reader
    mv      t2, s1
    HART_START s4, t1, t2
    bnez    s4, 2f
    addi    t3, t3, -1
    bnez    t3, 1b
    EXIT_CODE EXIT_TIMEOUT

    /* ---- context 0: the writer ---- */
2:  la      s5, done
    li      t3, POLLS
3:  csrwi   OUTRIDER_CSR_PEX_CTL, 0
    csrw    OUTRIDER_CSR_PEX_BUDGET, s3
    csrwi   OUTRIDER_CSR_PEX_CTL, 1
    csrw    OUTRIDER_CSR_PEX_BUDGET, s2
    csrci   OUTRIDER_CSR_PEX_CTL, 1
    csrs    OUTRIDER_CSR_PEX_BUDGET, s3      /* BUDGET_A | BUDGET_B: see below */
    csrsi   OUTRIDER_CSR_PEX_CTL, 1
    csrw    OUTRIDER_CSR_PEX_BUDGET, s2
    andi    t4, t3, 7                        /* 0..7 more cycles: the two loops */
10: beqz    t4, 11f                          /* must not stay in phase (a core */
    addi    t4, t4, -1                       /* change of one cycle could lock */
    j       10b                              /* them so one value is never read) */
11: lw      t0, 0(s5)
    bnez    t0, 4f
    addi    t3, t3, -1
    bnez    t3, 3b
    EXIT_CODE EXIT_TIMEOUT
4:  lw      t0, 0(s1)
    bnez    t0, 5f
    EXIT_OK
5:  EXIT_CODE 1

    /* ---- context 1: the reader (a0 = results) ---- */
/* One read of pexctl with `op` and one of pexbudget with `opb`, then
 * their checks: s6 counts wrong values, s7 pexctl = 1, s8 pexbudget =
 * BUDGET_B. Clobbers t0, t1. */
.macro READ_PAIR op, opb
    \op     t0, OUTRIDER_CSR_PEX_CTL, \opb
    \op     t1, OUTRIDER_CSR_PEX_BUDGET, \opb
    sltiu   t2, t0, 2
    xori    t2, t2, 1
    add     s6, s6, t2                       /* pexctl > 1: wrong */
    add     s7, s7, t0
    call    check_budget
.endm

reader:
    mv      s1, a0
    li      s2, BUDGET_A
    li      s3, BUDGET_B
    li      s4, BUDGET_A | BUDGET_B
    li      s5, ROUNDS
    li      s6, 0
    li      s7, 0
    li      s8, 0
6:  READ_PAIR csrrs, x0
    READ_PAIR csrrc, x0
    READ_PAIR csrrsi, 0
    READ_PAIR csrrci, 0
    addi    s5, s5, -1
    bnez    s5, 6b
    sw      s6, 0(s1)
    sw      s7, 4(s1)
    sw      s8, 8(s1)
    li      t0, READS
    sw      t0, 12(s1)
    la      t0, done
    li      t1, 1
    sw      t1, 0(t0)
    HART_EXIT
7:  j       7b

/* t1 (a pexbudget value) must be BUDGET_A, BUDGET_B or BUDGET_A | BUDGET_B
 * (context 0's csrs); s8 += (t1 == BUDGET_B), s6 += wrong. */
check_budget:
    beq     t1, s2, 8f
    beq     t1, s4, 8f
    beq     t1, s3, 9f
    addi    s6, s6, 1
8:  ret
9:  addi    s8, s8, 1
    ret

    UNEXPECTED_TRAP_HANDLER

    .data
    .balign 32
done:    .word 0
    .balign 4
    .globl results
results: .word 0xdead0000, 0xdead0001, 0xdead0002, 0xdead0003
