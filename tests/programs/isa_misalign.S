// SPDX-License-Identifier: Apache-2.0
/*
 * isa_misalign.S - misaligned loads and stores in RAM complete in hardware
 * (docs/core.md "Misaligned loads and stores"), on two harts at once.
 * The test writes `lbuf` (64 bytes, line-aligned), `sbuf` (128 bytes of
 * fill), `cbuf` (64 bytes of fill), `svalue` and `ramend` (the first address
 * after RAM) before the run.
 * results[]:
 *   0..11   base lbuf+4,  offset o = 0..3: lh, lhu, lw at [3*o + 0..2]
 *  12..23   base lbuf+28 (offsets 1..3 cross the line at lbuf+32), the same
 *  24..27   lw back after sw svalue at sbuf+0, +9, +18, +27 (offsets 0..3)
 *  28..31   lh back after sh svalue at sbuf+32, +37, +42, +47 (offsets 0..3)
 *  32       lw back after sw svalue at sbuf+62 (crosses the line at +64)
 *  33       lhu back after sh svalue at sbuf+95 (crosses the line at +96)
 *  34       checksum c = c*31 + lw(lbuf + 1 + 3i), i = 0..15
 *  35       hart 1: checksum c = c*31 + lh(h1buf + 1 + 2i), i = 0..15, after
 *           sh (0x8001 + 0x0101*i) to h1buf + 1 + 2i, i = 0..15
 *  36, 37   lw at ramend-2 (second word outside RAM): mcause, mtval
 *  38       its destination register (preset 0x5A5A5A5A: unchanged)
 *  39, 40   sw svalue at ramend-3: mcause, mtval
 *  41       lw of the word at ramend-4 after it (zeroed before)
 *  42, 43   lr.w at mis+1: mcause, mtval
 *  44, 45   sc.w at mis+2: mcause, mtval
 *  46, 47   lw at ramend+2 (first word outside RAM): mcause, mtval
 * cbuf after the run: cbuf+3+4i = lw(lbuf + 1 + 4i), i = 0..14.
 */
#include "test_asm.h"

#define NRES 48

    TEST_START
    la      s0, lbuf
    la      s1, results
    la      s2, sbuf
    la      s3, cbuf
    la      t0, svalue
    lw      a1, 0(t0)

    /* hart 1: its own loop, at the same time */
    la      t1, hart1
    li      t2, 0
    HART_START t3, t1, t2
    bnez    t3, 1f
    EXIT_CODE 0x60              /* no free context */
1:

    /* loads at every offset, within a line and across a line */
    addi    t1, s0, 4
    mv      t2, s1
    li      t4, 2
2:  lh      t0, 0(t1)
    sw      t0, 0(t2)
    lhu     t0, 0(t1)
    sw      t0, 4(t2)
    lw      t0, 0(t1)
    sw      t0, 8(t2)
    lh      t0, 1(t1)
    sw      t0, 12(t2)
    lhu     t0, 1(t1)
    sw      t0, 16(t2)
    lw      t0, 1(t1)
    sw      t0, 20(t2)
    lh      t0, 2(t1)
    sw      t0, 24(t2)
    lhu     t0, 2(t1)
    sw      t0, 28(t2)
    lw      t0, 2(t1)
    sw      t0, 32(t2)
    lh      t0, 3(t1)
    sw      t0, 36(t2)
    lhu     t0, 3(t1)
    sw      t0, 40(t2)
    lw      t0, 3(t1)
    sw      t0, 44(t2)
    addi    t1, s0, 28
    addi    t2, s1, 48
    addi    t4, t4, -1
    bnez    t4, 2b

    /* stores at every offset, each read back at once */
    sw      a1, 0(s2)
    lw      t0, 0(s2)
    sw      t0, 96(s1)
    sw      a1, 9(s2)
    lw      t0, 9(s2)
    sw      t0, 100(s1)
    sw      a1, 18(s2)
    lw      t0, 18(s2)
    sw      t0, 104(s1)
    sw      a1, 27(s2)
    lw      t0, 27(s2)
    sw      t0, 108(s1)
    sh      a1, 32(s2)
    lh      t0, 32(s2)
    sw      t0, 112(s1)
    sh      a1, 37(s2)
    lh      t0, 37(s2)
    sw      t0, 116(s1)
    sh      a1, 42(s2)
    lh      t0, 42(s2)
    sw      t0, 120(s1)
    sh      a1, 47(s2)
    lh      t0, 47(s2)
    sw      t0, 124(s1)
    sw      a1, 62(s2)
    lw      t0, 62(s2)
    sw      t0, 128(s1)
    sh      a1, 95(s2)
    lhu     t0, 95(s2)
    sw      t0, 132(s1)

    /* a loop over a buffer: strided misaligned loads, a misaligned copy */
    addi    t1, s0, 1
    li      t4, 16
    li      t2, 0
    li      t3, 31
3:  lw      t0, 0(t1)
    mul     t2, t2, t3
    add     t2, t2, t0
    addi    t1, t1, 3
    addi    t4, t4, -1
    bnez    t4, 3b
    sw      t2, 136(s1)
    addi    t1, s0, 1
    addi    t2, s3, 3
    li      t4, 15
4:  lw      t0, 0(t1)
    sw      t0, 0(t2)
    addi    t1, t1, 4
    addi    t2, t2, 4
    addi    t4, t4, -1
    bnez    t4, 4b

    la      t0, h1done
    WAIT_NONZERO t0, t3, 200000
    fence   rw, rw

    /* faults: the end of RAM, misaligned LR/SC */
    la      t0, fault_trap
    csrw    mtvec, t0
    la      t0, ramend
    lw      s5, 0(t0)
    addi    s4, s1, 144         /* results[36]: the handler logs there */
    li      t0, 0x5A5A5A5A
    lw      t0, -2(s5)
    sw      t0, 152(s1)
    addi    s4, s1, 156         /* results[39] */
    sw      zero, -4(s5)
    sw      a1, -3(s5)
    lw      t0, -4(s5)
    sw      t0, 164(s1)
    la      s6, mis
    addi    s4, s1, 168         /* results[42] */
    addi    t1, s6, 1
    lr.w    t0, (t1)
    addi    s4, s1, 176         /* results[44] */
    addi    t1, s6, 2
    sc.w    t0, a1, (t1)
    addi    s4, s1, 184         /* results[46] */
    lw      t0, 2(s5)
    EXIT_OK

/* Hart 1: misaligned halfword stores and loads in its own buffer. */
    .balign 4
hart1:
    la      t0, unexpected_trap
    csrw    mtvec, t0
    la      t1, h1buf
    addi    t1, t1, 1
    li      t2, 0x8001
    li      t3, 0x0101
    li      t4, 16
5:  sh      t2, 0(t1)
    add     t2, t2, t3
    addi    t1, t1, 2
    addi    t4, t4, -1
    bnez    t4, 5b
    la      t1, h1buf
    addi    t1, t1, 1
    li      t4, 16
    li      t2, 0
    li      t3, 31
6:  lh      t0, 0(t1)
    mul     t2, t2, t3
    add     t2, t2, t0
    addi    t1, t1, 2
    addi    t4, t4, -1
    bnez    t4, 6b
    la      t0, results
    sw      t2, 140(t0)
    fence   rw, rw
    la      t0, h1done
    li      t1, 1
    sw      t1, 0(t0)
    HART_EXIT

/* Expected traps: log mcause and mtval at s4, skip the instruction. */
    .balign 4
fault_trap:
    csrr    t5, mcause
    sw      t5, 0(s4)
    csrr    t5, mtval
    sw      t5, 4(s4)
    csrr    t5, mepc
    addi    t5, t5, 4
    csrw    mepc, t5
    mret

    UNEXPECTED_TRAP_HANDLER

    .data
    .balign 32
    .globl  lbuf, sbuf, cbuf, h1buf
lbuf:
    .space  64
sbuf:
    .space  128
cbuf:
    .space  64
h1buf:
    .space  64
    .balign 4
    .globl  mis
mis:
    .word   0x11223344, 0x55667788
    WORDS svalue, 1
    WORDS ramend, 1
    WORDS h1done, 1
    WORDS results, NRES
