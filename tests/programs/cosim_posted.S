// SPDX-License-Identifier: Apache-2.0
/*
 * cosim_posted.S - posted stores of the data cache (docs/dcache.md "Posted
 * stores") seen by another hart, under lockstep co-simulation: a store miss
 * is answered at once and its bytes wait in an MSHR; another hart must
 * never read the old bytes after the store retired.
 *
 * Context 0 (producer) starts context 1 (consumer) as a hart, then
 *  1. scatters stores over `big` (NLINES lines, twice the default 16 KiB
 *     cache): per line a word store, a byte store into the same word (it
 *     merges into the MSHR of the word store's line) and a halfword store
 *     into the next word; then sets `flag`;
 *  2. hands ROUNDS values to the consumer through one line (`box`: data,
 *     then sequence number), scattering EVICT stores over `big` between
 *     rounds so that `box` and the lines around it keep missing; it waits
 *     for the consumer's acknowledgement (`ack`, another line) each round.
 * The consumer waits for `flag`, checks every line of phase 1, then checks
 * each round's data after its sequence number.
 *
 * results[0] = words of phase 1 the consumer found wrong (0)
 *        [1] = rounds of phase 2 whose data was wrong (0)
 *        [2] = words the consumer checked (2 * NLINES)
 *        [3] = rounds the consumer saw (ROUNDS)
 * Exit code: 0 when all of that holds, else 1; EXIT_TIMEOUT when a wait
 * runs out.
 */
#include "test_asm.h"

#define NLINES   1024          /* 32-byte lines: 32 KiB */
#define ROUNDS   24
#define EVICT    48            /* scattered stores between rounds */
#define POLLS    2000000

    TEST_START
    la      s1, results
    li      t3, 1000
1:  la      t1, consumer
    mv      t2, s1
    HART_START s3, t1, t2
    bnez    s3, 2f
    addi    t3, t3, -1
    bnez    t3, 1b
    EXIT_CODE EXIT_TIMEOUT

    /* ---- phase 1: scattered stores, then the flag ---- */
2:  la      s2, big
    li      s4, 0                   /* i */
    li      s5, NLINES
3:  mv      a0, s4
    call    slot                    /* a1 = &big[line(i)] + 4 * (i % 4) */
    slli    t0, s4, 16
    or      t0, t0, s4              /* (i << 16) | i */
    sw      t0, 0(a1)
    sb      s4, 1(a1)               /* byte 1 = i & 0xff */
    sh      s4, 6(a1)               /* upper half of the next word = i */
    addi    s4, s4, 1
    bne     s4, s5, 3b
    la      t0, flag
    li      t1, 1
    sw      t1, 0(t0)

    /* ---- phase 2: one value per round through `box` ---- */
    li      s6, 1                   /* round r */
    li      s7, ROUNDS + 1
    li      s8, 0                   /* running index into big for the evictions */
4:  li      s9, EVICT
5:  mv      a0, s8
    call    slot
    andi    a1, a1, -32
    sw      s8, 28(a1)              /* last word of the line (the consumer checks words 0-4) */
    addi    s8, s8, 37
    addi    s9, s9, -1
    bnez    s9, 5b
    la      t0, box
    li      t1, 0x01234567
    mul     t1, t1, s6
    sw      t1, 0(t0)               /* data, then ... */
    sw      s6, 4(t0)               /* ... its sequence number */
    la      t0, ack
    li      t3, POLLS
6:  lw      t1, 0(t0)
    beq     t1, s6, 7f
    addi    t3, t3, -1
    bnez    t3, 6b
    EXIT_CODE EXIT_TIMEOUT
7:  addi    s6, s6, 1
    bne     s6, s7, 4b

    /* ---- verdict ---- */
    la      t0, done
    WAIT_NONZERO t0, t1, POLLS
    lw      t0, 0(s1)
    lw      t1, 4(s1)
    or      t0, t0, t1
    bnez    t0, 8f
    lw      t0, 8(s1)
    li      t1, 2 * NLINES
    bne     t0, t1, 8f
    lw      t0, 12(s1)
    li      t1, ROUNDS
    bne     t0, t1, 8f
    EXIT_OK
8:  EXIT_CODE 1

/* a1 = &big[line(a0)] + 4 * (a0 % 4), line(i) = (i * 97) mod NLINES (a
 * permutation: consecutive i land on lines far apart). Clobbers t0. */
slot:
    li      t0, 97
    mul     t0, a0, t0
    andi    t0, t0, NLINES - 1
    slli    t0, t0, 5
    la      a1, big
    add     a1, a1, t0
    andi    t0, a0, 3
    slli    t0, t0, 2
    add     a1, a1, t0
    ret

    /* ---- context 1: the consumer (a0 = results) ---- */
consumer:
    mv      s1, a0
    la      t0, flag
    WAIT_NONZERO t0, t1, POLLS
    li      s4, 0                   /* i */
    li      s5, NLINES
    li      s6, 0                   /* wrong words */
    li      s7, 0                   /* checked words */
10: mv      a0, s4
    call    slot
    lw      t1, 0(a1)               /* expect ((i << 16) | i) with byte 1 = i & 0xff */
    slli    t2, s4, 16
    or      t2, t2, s4
    li      t3, -0xff01             /* ~0xff00 */
    and     t2, t2, t3
    andi    t3, s4, 0xff
    slli    t3, t3, 8
    or      t2, t2, t3
    beq     t1, t2, 11f
    addi    s6, s6, 1
11: lhu     t1, 6(a1)
    li      t3, 0xffff
    and     t2, s4, t3
    beq     t1, t2, 12f
    addi    s6, s6, 1
12: addi    s7, s7, 2
    addi    s4, s4, 1
    bne     s4, s5, 10b
    sw      s6, 0(s1)
    sw      s7, 8(s1)

    li      s4, 1                   /* round */
    li      s5, ROUNDS + 1
    li      s6, 0                   /* wrong rounds */
13: la      t0, box
    li      t3, POLLS
14: lw      t1, 4(t0)               /* wait for the sequence number ... */
    beq     t1, s4, 15f
    addi    t3, t3, -1
    bnez    t3, 14b
    EXIT_CODE EXIT_TIMEOUT
15: lw      t1, 0(t0)               /* ... then the data must be this round's */
    li      t2, 0x01234567
    mul     t2, t2, s4
    beq     t1, t2, 16f
    addi    s6, s6, 1
16: la      t0, ack
    sw      s4, 0(t0)
    addi    s4, s4, 1
    bne     s4, s5, 13b
    sw      s6, 4(s1)
    li      t0, ROUNDS
    sw      t0, 12(s1)
    la      t0, done
    li      t1, 1
    sw      t1, 0(t0)
    HART_EXIT
17: j       17b

    UNEXPECTED_TRAP_HANDLER

    .data
    .balign 32
flag:    .word 0
    .balign 32
box:     .word 0, 0
    .balign 32
ack:     .word 0
    .balign 32
done:    .word 0
    .balign 4
    .globl results
results: .word 0xdead0000, 0xdead0001, 0xdead0002, 0xdead0003
    .bss
    .balign 32
big:     .space 32 * NLINES
