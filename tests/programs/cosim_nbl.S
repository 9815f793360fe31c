// SPDX-License-Identifier: Apache-2.0
/*
 * cosim_nbl.S - non-blocking loads (docs/core.md "Non-blocking loads") under
 * lockstep co-simulation: a load miss the data cache answers as outstanding
 * retires at once without its value, its register is written when the
 * line's beat arrives, and everything the program can observe must be as if
 * the load had completed in order. Run by test_nbl at memory latencies 1,
 * 23 and 100, with --perfect-dcache, and through the retirement-port and
 * pipeline-view checks.
 *
 * Data: `arr` holds NWORDS words initialised by the ELF, arr[i] = F(i) =
 * i * FMUL + FADD; every section takes lines of it that nothing touched
 * before ("fresh" lines, s11 counts them), so its first access misses. The
 * program first loads the highest word it uses (`top`, the end of .bss):
 * the cache answers a load as outstanding only for a line at or below the
 * highest line refilled so far.
 *
 *  S1  12 independent load misses to 12 lines (more than the 4 entries per
 *      context: some park); results used at once and several instructions
 *      later; all 8 words of one fresh line at once (merges into one MSHR);
 *  S2  lb/lh/lw/lbu/lhu at byte offsets 0..3 of a word (in-word misaligned
 *      halves; word-crossing lh/lw, which the splitter sends as two
 *      requests, never outstanding);
 *  S3  a load, then a store to the same word (whole word, one byte) or to
 *      another word of the line: the load sees the old value;
 *  S4  a store miss (posted), then a load of the same word / another word
 *      of the line while the line is in flight: the load sees the store;
 *  S5  WAW: two loads to one register; a load, then an ALU write of its
 *      destination (checked again after the line surely arrived); a load
 *      and an increment of its destination; loads to x0;
 *  S6  a FENCE, an AMO, an LR/SC pair, console writes, a CLINT load and an
 *      ecall trap (its handler reads the outstanding register) while loads
 *      are outstanding;
 *  S7  two harts: context 1 writes ROUNDS rounds of 4 words into fresh
 *      lines of `msg`, fences, then writes the round number to `flag`;
 *      context 0 waits for the flag, fences, evicts the round's lines
 *      (loads to x0 of lines 4 KiB apart, the same cache set) and reads the
 *      4 words with outstanding loads (at latency 100 the first one parks,
 *      the evictions still hold the MSHRs; the other three are
 *      outstanding);
 *  S8  a timer interrupt while loads are outstanding: mtimecmp a few cycles
 *      ahead, then IRQ_LOOPS iterations of two misses and their checks; the
 *      handler reads an outstanding register and switches the timer off.
 * Every loaded value is compared with the value the program computes with
 * ALU instructions (F, or what it stored); loaded and expected values are
 * also summed into two checksums that must agree.
 *
 * results[0..6] = wrong values in S1..S7 (0)
 *        [7]    = values checked (NCHECKS)
 *        [8]    = checksum of the loaded values
 *        [9]    = checksum of the expected values (= [8])
 *        [10]   = ecall traps taken (1)
 *        [11]   = timer interrupts taken (1)
 *        [12]   = wrong values in S8 (0)
 * Console: "nbl\n". Exit code: 0 when all of that holds, else 1;
 * EXIT_TIMEOUT when a wait runs out; EXIT_UNEXPECTED_TRAP for any trap but
 * the one ecall.
 *
 * Registers: s0 = arr, s1 = results, s8/s9 = expected/loaded checksums,
 * s10 = wrong values of the current section, s11 = fresh lines used,
 * gp = values checked, tp = ecall traps; t5/t6 belong to the trap handlers
 * and EXIT macros. The timer interrupts are counted in memory (irq_count).
 */
#include "test_asm.h"

#define NWORDS   1024          /* arr: 4 KiB, 128 lines of 32 bytes */
#define FMUL     0x9E3779B1
#define FADD     0x7F4A7C15
#define GMUL     0x01000193    /* S7's values: G(r, j) = r * GMUL + j * GADD */
#define GADD     0x00010F01
#define ROUNDS   6
#define EVICTN   6             /* conflicting lines loaded to evict a line of a 4-way set */
#define POLLS    2000000
#define IRQ_LOOPS 8
#define NCHECKS  124           /* S1 29, S2 20, S3 7, S4 6, S5 5, S6 17, S7 4 * ROUNDS,
                                  S8 2 * IRQ_LOOPS */

/* a = F(i) = i * FMUL + FADD for i in register i (clobbers tmp) */
.macro FVAL a, i, tmp
    li      \tmp, FMUL
    mul     \a, \i, \tmp
    li      \tmp, FADD
    add     \a, \a, \tmp
.endm

/* reg = address of word `word` of the next fresh line of arr (s11++) */
.macro FRESH reg, word
    slli    \reg, s11, 5
    add     \reg, \reg, s0
    addi    \reg, \reg, 4 * (\word)
    addi    s11, s11, 1
.endm

/* compare loaded value `got` with expected `exp`: count, checksums */
.macro CHECK got, exp
    add     s8, s8, \exp
    add     s9, s9, \got
    addi    gp, gp, 1
    beq     \got, \exp, 55f
    addi    s10, s10, 1
55:
.endm

/* a0 = arr's original contents at address areg + off as access kind
 * `kind` (0 lb, 1 lh, 2 lw, 4 lbu, 5 lhu); clobbers a1, t0-t4, ra */
.macro REF areg, off, kind
    addi    a0, \areg, \off
    li      a1, \kind
    call    refld
.endm

/* check `got` against arr's original contents (REF) */
.macro CHECK_REF got, areg, off, kind
    REF     \areg, \off, \kind
    CHECK   \got, a0
.endm

/* check `got` against word `word` of the fresh line taken `back` lines ago */
.macro CHECK_LINE got, back, word
    addi    a0, s11, -(\back)
    slli    a0, a0, 5
    add     a0, a0, s0
    CHECK_REF \got, a0, 4 * (\word), 2
.endm

/* end of section n: results[n] = s10, s10 = 0 */
.macro SECTION_END n
    sw      s10, 4 * (\n)(s1)
    li      s10, 0
.endm

/* one load kind at offsets 0..3 of word 2 of four fresh lines */
.macro S2_GROUP insn, kind
    FRESH   a2, 2
    FRESH   a3, 2
    FRESH   a4, 2
    FRESH   a5, 2
    \insn   a6, 0(a2)
    \insn   a7, 1(a3)
    \insn   s2, 2(a4)
    \insn   s3, 3(a5)
    CHECK_REF a6, a2, 0, \kind
    CHECK_REF a7, a3, 1, \kind
    CHECK_REF s2, a4, 2, \kind
    CHECK_REF s3, a5, 3, \kind
.endm

/* an outstanding load, then the console byte `ch` */
.macro CONSOLE_AFTER_LOAD ch
    FRESH   a2, 0
    lw      a4, 0(a2)
    li      a5, CONSOLE_TX_ADDR
    li      a6, \ch
    sw      a6, 0(a5)
    CHECK_REF a4, a2, 0, 2
.endm

    TEST_START
    la      t0, traps
    csrw    mtvec, t0
    la      s0, arr
    la      s1, results
    li      s8, 0
    li      s9, 0
    li      s10, 0
    li      s11, 0
    li      gp, 0
    li      tp, 0
    la      t0, top
    lw      t1, 0(t0)               /* refill the highest line first */
    add     t1, t1, t1

    /* ================= S1 ================================================ */
    /* 12 misses to 12 lines, nothing waits for them */
    FRESH   a2, 0
    FRESH   a3, 1
    FRESH   a4, 2
    FRESH   a5, 3
    FRESH   a6, 4
    FRESH   a7, 5
    FRESH   s2, 6
    FRESH   s3, 7
    FRESH   s4, 0
    FRESH   s5, 1
    FRESH   s6, 2
    FRESH   s7, 3
    lw      a2, 0(a2)
    lw      a3, 0(a3)
    lw      a4, 0(a4)
    lw      a5, 0(a5)
    lw      a6, 0(a6)
    lw      a7, 0(a7)
    lw      s2, 0(s2)
    lw      s3, 0(s3)
    lw      s4, 0(s4)
    lw      s5, 0(s5)
    lw      s6, 0(s6)
    lw      s7, 0(s7)
    CHECK_LINE a2, 12, 0
    CHECK_LINE a3, 11, 1
    CHECK_LINE a4, 10, 2
    CHECK_LINE a5, 9, 3
    CHECK_LINE a6, 8, 4
    CHECK_LINE a7, 7, 5
    CHECK_LINE s2, 6, 6
    CHECK_LINE s3, 5, 7
    CHECK_LINE s4, 4, 0
    CHECK_LINE s5, 3, 1
    CHECK_LINE s6, 2, 2
    CHECK_LINE s7, 1, 3
    /* used at once (4 times: value and value ^ 0x55) */
    .rept 4
    FRESH   a2, 3
    lw      a3, 0(a2)
    xori    a4, a3, 0x55
    CHECK_REF a3, a2, 0, 2
    xori    a0, a0, 0x55
    CHECK   a4, a0
    .endr
    /* used several instructions later */
    FRESH   a2, 6
    lw      a3, 0(a2)
    li      t0, 3
    li      t1, 5
    mul     t2, t0, t1
    add     t3, t2, t0
    sub     t4, t3, t1
    slli    t4, t4, 2
    add     a4, a3, t4              /* t4 = 52 */
    addi    a4, a4, -52
    CHECK_REF a4, a2, 0, 2
    /* all 8 words of one line */
    FRESH   t0, 0
    lw      a2, 0(t0)
    lw      a3, 4(t0)
    lw      a4, 8(t0)
    lw      a5, 12(t0)
    lw      a6, 16(t0)
    lw      a7, 20(t0)
    lw      s2, 24(t0)
    lw      s3, 28(t0)
    CHECK_LINE a2, 1, 0
    CHECK_LINE a3, 1, 1
    CHECK_LINE a4, 1, 2
    CHECK_LINE a5, 1, 3
    CHECK_LINE a6, 1, 4
    CHECK_LINE a7, 1, 5
    CHECK_LINE s2, 1, 6
    CHECK_LINE s3, 1, 7
    SECTION_END 0

    /* ================= S2 ================================================ */
    S2_GROUP lb, 0
    S2_GROUP lh, 1
    S2_GROUP lw, 2
    S2_GROUP lbu, 4
    S2_GROUP lhu, 5
    SECTION_END 1

    /* ================= S3: load, then store ============================== */
    li      a4, 0x5A5A1234
    FRESH   a2, 0                   /* same word */
    lw      a3, 0(a2)
    sw      a4, 0(a2)
    lw      a5, 0(a2)
    CHECK_REF a3, a2, 0, 2
    CHECK   a5, a4
    FRESH   a2, 0                   /* another word of the line */
    lw      a3, 0(a2)
    sw      a4, 4(a2)
    lw      a5, 4(a2)
    lw      a6, 0(a2)
    CHECK_REF a3, a2, 0, 2
    CHECK   a5, a4
    CHECK_REF a6, a2, 0, 2
    FRESH   a2, 3                   /* one byte of the same word */
    lw      a3, 0(a2)
    sb      a4, 1(a2)
    lw      a5, 0(a2)
    CHECK_REF a3, a2, 0, 2
    REF     a2, 0, 2
    li      t0, -0xff01             /* ~0xff00 */
    and     a0, a0, t0
    andi    t1, a4, 0xff
    slli    t1, t1, 8
    or      a0, a0, t1
    CHECK   a5, a0
    SECTION_END 2

    /* ================= S4: store, then load while the line is in flight == */
    li      a4, 0x13579BDF
    FRESH   a2, 5                   /* same word */
    sw      a4, 0(a2)
    lw      a3, 0(a2)
    CHECK   a3, a4
    FRESH   a2, 6                   /* a byte of the word, then the word */
    sb      a4, 2(a2)
    lw      a3, 0(a2)
    lbu     a5, 2(a2)
    lw      a6, 4(a2)
    REF     a2, 0, 2
    li      t0, 0xff00ffff
    and     a0, a0, t0
    andi    t1, a4, 0xff
    slli    t1, t1, 16
    or      a0, a0, t1
    CHECK   a3, a0
    andi    a0, a4, 0xff
    CHECK   a5, a0
    CHECK_REF a6, a2, 4, 2
    FRESH   a2, 1                   /* a half of the word, another word */
    sh      a4, 2(a2)
    lh      a3, 2(a2)
    lw      a5, -4(a2)
    slli    a0, a4, 16
    srai    a0, a0, 16
    CHECK   a3, a0
    CHECK_REF a5, a2, -4, 2
    SECTION_END 3

    /* ================= S5: WAW =========================================== */
    FRESH   a2, 0                   /* two loads to one register */
    FRESH   a3, 0
    lw      a4, 0(a2)
    lw      a4, 0(a3)
    CHECK_REF a4, a3, 0, 2
    FRESH   a2, 0                   /* a load, then an ALU write */
    lw      a4, 0(a2)
    li      a4, 77
    li      t0, 400
1:  addi    t0, t0, -1
    bnez    t0, 1b
    li      t0, 77
    CHECK   a4, t0
    FRESH   a2, 4                   /* a load and an increment */
    lw      a4, 0(a2)
    addi    a4, a4, 1
    REF     a2, 0, 2
    addi    a0, a0, 1
    CHECK   a4, a0
    FRESH   a2, 0                   /* loads to x0, then their lines */
    FRESH   a3, 0
    lw      zero, 0(a2)
    lw      zero, 0(a3)
    lw      a4, 4(a2)
    lw      a5, 4(a3)
    CHECK_REF a4, a2, 4, 2
    CHECK_REF a5, a3, 4, 2
    SECTION_END 4

    /* ================= S6: what waits for outstanding loads ============== */
    FRESH   a2, 0                   /* fence */
    FRESH   a3, 1
    FRESH   a4, 2
    FRESH   a5, 3
    lw      a6, 0(a2)
    lw      a7, 0(a3)
    lw      s2, 0(a4)
    lw      s3, 0(a5)
    fence   rw, rw
    CHECK_REF a6, a2, 0, 2
    CHECK_REF a7, a3, 0, 2
    CHECK_REF s2, a4, 0, 2
    CHECK_REF s3, a5, 0, 2
    FRESH   a2, 0                   /* AMO */
    la      a3, amo_word
    li      a5, 5
    lw      a4, 0(a2)
    amoadd.w a6, a5, (a3)
    lw      a7, 0(a3)
    CHECK_REF a4, a2, 0, 2
    li      t0, 100
    CHECK   a6, t0
    li      t0, 105
    CHECK   a7, t0
    FRESH   a2, 0                   /* LR/SC */
    la      a3, lr_word
    lw      a4, 0(a2)
2:  lr.w    a5, (a3)
    addi    a6, a5, 1
    sc.w    a7, a6, (a3)
    bnez    a7, 2b
    lw      a6, 0(a3)
    CHECK_REF a4, a2, 0, 2
    li      t0, 200
    CHECK   a5, t0
    li      t0, 201
    CHECK   a6, t0
    CONSOLE_AFTER_LOAD 'n'          /* console writes */
    CONSOLE_AFTER_LOAD 'b'
    CONSOLE_AFTER_LOAD 'l'
    CONSOLE_AFTER_LOAD '\n'
    FRESH   a2, 0                   /* a CLINT load (its value is the RTL's) */
    lw      a4, 0(a2)
    li      a5, CLINT_MTIME
    lw      a6, 0(a5)
    CHECK_REF a4, a2, 0, 2
    FRESH   a2, 0                   /* ecall right behind the load */
    lw      a4, 0(a2)
    ecall
    CHECK_REF a4, a2, 0, 2
    la      t0, ecall_val
    lw      a0, 0(t0)
    CHECK   a0, a4
    SECTION_END 5

    /* ================= S7: two harts ===================================== */
    li      t3, 1000
3:  la      t1, writer
    la      t2, msg
    HART_START a2, t1, t2
    bnez    a2, 4f
    addi    t3, t3, -1
    bnez    t3, 3b
    EXIT_CODE EXIT_TIMEOUT
4:  li      s2, 1                   /* round r */
    la      s3, flag
    la      s4, msg
5:  li      t3, POLLS
6:  lw      t1, 0(s3)
    bge     t1, s2, 7f
    addi    t3, t3, -1
    bnez    t3, 6b
    EXIT_CODE EXIT_TIMEOUT
7:  fence   r, rw
    /* evict the round's 4 lines: EVICTN lines 4 KiB apart per set */
    addi    t0, s2, -1
    slli    t0, t0, 7               /* 4 lines of 32 bytes per round */
    add     s5, s4, t0              /* the round's first line */
    li      t1, 1
8:  slli    t2, t1, 12
    add     t2, t2, s5
    lw      zero, 0(t2)
    lw      zero, 32(t2)
    lw      zero, 64(t2)
    lw      zero, 96(t2)
    addi    t1, t1, 1
    li      t2, EVICTN + 1
    bne     t1, t2, 8b
    lw      a2, 0(s5)               /* word j of line j */
    lw      a3, 36(s5)
    lw      a4, 72(s5)
    lw      a5, 108(s5)
    li      t0, GMUL
    mul     s6, s2, t0              /* G(r, 0) */
    li      s7, GADD
    CHECK   a2, s6
    add     s6, s6, s7
    CHECK   a3, s6
    add     s6, s6, s7
    CHECK   a4, s6
    add     s6, s6, s7
    CHECK   a5, s6
    addi    s2, s2, 1
    li      t0, ROUNDS + 1
    bne     s2, t0, 5b
    SECTION_END 6

    /* ================= S8: a timer interrupt while loads are outstanding == */
    li      t0, CLINT_MTIME
    lw      t1, 0(t0)
    addi    t1, t1, 40
    li      t0, CLINT_MTIMECMP0
    li      t2, -1
    sw      t2, 0(t0)               /* lo = max, hi = 0, lo = mtime + 40 */
    sw      zero, 4(t0)
    sw      t1, 0(t0)
    li      t0, MIE_MTIE
    csrs    mie, t0
    IRQ_ON
    li      s2, IRQ_LOOPS
11: FRESH   a2, 0
    FRESH   a3, 5
    lw      a4, 0(a2)
    lw      a5, 0(a3)
    CHECK_REF a4, a2, 0, 2
    CHECK_REF a5, a3, 0, 2
    addi    s2, s2, -1
    bnez    s2, 11b
    IRQ_OFF
    sw      s10, 48(s1)
    li      s10, 0

    /* ================= verdict =========================================== */
    sw      gp, 28(s1)
    sw      s9, 32(s1)
    sw      s8, 36(s1)
    sw      tp, 40(s1)
    la      t0, irq_count
    lw      t3, 0(t0)
    sw      t3, 44(s1)
    lw      t0, 48(s1)
    bnez    t0, 10f
    li      t0, 1
    bne     t3, t0, 10f
    li      t0, 0
    li      t1, 0
9:  slli    t2, t1, 2
    add     t2, t2, s1
    lw      t2, 0(t2)
    or      t0, t0, t2
    addi    t1, t1, 1
    li      t2, 7
    bne     t1, t2, 9b
    bnez    t0, 10f
    bne     s8, s9, 10f
    li      t0, NCHECKS
    bne     gp, t0, 10f
    li      t0, 1
    bne     tp, t0, 10f
    EXIT_OK
10: EXIT_CODE 1

/* a0 = the value an access of kind a1 (0 lb, 1 lh, 2 lw, 4 lbu, 5 lhu) at
 * address a0 in arr reads from arr's original contents (little-endian, the
 * bytes from F of the word and the next). Clobbers t0-t4. */
refld:
    sub     t0, a0, s0
    andi    t2, t0, 3               /* byte offset */
    srli    t0, t0, 2               /* word index */
    FVAL    t3, t0, t1
    addi    t0, t0, 1
    FVAL    t4, t0, t1
    beqz    t2, 1f
    slli    t0, t2, 3
    srl     t3, t3, t0
    li      t1, 32
    sub     t1, t1, t0
    sll     t4, t4, t1
    or      t3, t3, t4
1:  andi    t0, a1, 3
    li      t1, 2
    beq     t0, t1, 9f              /* word */
    andi    t4, a1, 4               /* unsigned */
    li      t1, 1
    beq     t0, t1, 5f
    bnez    t4, 2f                  /* byte */
    slli    t3, t3, 24
    srai    t3, t3, 24
    j       9f
2:  andi    t3, t3, 0xff
    j       9f
5:  bnez    t4, 6f                  /* half */
    slli    t3, t3, 16
    srai    t3, t3, 16
    j       9f
6:  slli    t3, t3, 16
    srli    t3, t3, 16
9:  mv      a0, t3
    ret

/* context 1: ROUNDS rounds of 4 words, each round's lines fresh (a0 = msg) */
writer:
    la      t0, unexpected_trap
    csrw    mtvec, t0
    mv      s4, a0
    li      s2, 1
    la      s3, flag
1:  addi    t0, s2, -1
    slli    t0, t0, 7
    add     s5, s4, t0
    li      t0, GMUL
    mul     s6, s2, t0
    li      s7, GADD
    sw      s6, 0(s5)
    add     s6, s6, s7
    sw      s6, 36(s5)
    add     s6, s6, s7
    sw      s6, 72(s5)
    add     s6, s6, s7
    sw      s6, 108(s5)
    fence   rw, w
    sw      s2, 0(s3)
    addi    s2, s2, 1
    li      t0, ROUNDS + 1
    bne     s2, t0, 1b
    HART_EXIT
2:  j       2b

/* the trap vector of context 0: the one ecall of S6 (reads a4, the
 * outstanding load's register, into ecall_val), S8's timer interrupt (reads
 * a5 into irq_val, switches the timer off), anything else unexpected */
    .balign 4
traps:
    csrr    t6, mcause
    li      t5, 11
    beq     t6, t5, 1f
    li      t5, 0x80000007
    beq     t6, t5, 2f
    j       unexpected_trap
2:  mv      t5, a5
    la      t6, irq_val
    sw      t5, 0(t6)
    li      t6, CLINT_MTIMECMP0
    li      t5, -1
    sw      t5, 4(t6)               /* hi = max: no more timer interrupts */
    la      t6, irq_count
    lw      t5, 0(t6)
    addi    t5, t5, 1
    sw      t5, 0(t6)
    mret
1:  mv      t5, a4
    la      t6, ecall_val
    sw      t5, 0(t6)
    addi    tp, tp, 1
    csrr    t6, mepc
    addi    t6, t6, 4
    csrw    mepc, t6
    mret

    UNEXPECTED_TRAP_HANDLER

    .data
    .balign 32
amo_word:  .word 100
    .balign 32
lr_word:   .word 200
    .balign 32
flag:      .word 0
    .balign 32
ecall_val: .word 0
    .balign 32
irq_count: .word 0
irq_val:   .word 0
    .balign 4
    .globl results
results:   .word 0xdead0000, 0xdead0001, 0xdead0002, 0xdead0003, 0xdead0004, 0xdead0005
           .word 0xdead0006, 0xdead0007, 0xdead0008, 0xdead0009, 0xdead000a, 0xdead000b
           .word 0xdead000c
    .balign 32
    .globl arr
arr:
    .set    i, 0
    .rept   NWORDS
    .word   (i * FMUL + FADD) & 0xFFFFFFFF
    .set    i, i + 1
    .endr
    .bss
    .balign 4096
msg:    .space  4096 * (EVICTN + 1)    /* the rounds' lines, then the lines that evict them */
    .balign 32
top:    .space  32
