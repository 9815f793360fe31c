// SPDX-License-Identifier: Apache-2.0
/*
 * cosim_nbl_race.S - a load of one hart that is outstanding while the other
 * hart stores to its word. The data cache does not post a store into a
 * word an outstanding load waits for, so the load returns the value from
 * when the cache answered it (0), or the store's value if the cache took
 * the store first: both sequentially consistent, and in the order the
 * cache answered them, which lockstep co-simulation replays (test_nbl:
 * test_race_values_legal without, test_race_lockstep with co-simulation).
 * Built as nbl_race.elf (tests/cosim.mk), outside test_preexec's corpus.
 *
 * ROUNDS rounds; in round r context 0 writes r to `go` and loads word 0 of
 * line r-1 of `lines` (a miss: outstanding); context 1 waits for go = r,
 * spins 2r iterations, stores r to that word, fences and writes r to `ack`;
 * context 0 waits for the ack. The delays sweep context 1's store across
 * the cycles in which context 0's line is in flight.
 *
 * results[0] = rounds whose load returned neither 0 nor r (0)
 *        [1] = rounds whose load returned r (the other hart's store)
 *        [2] = rounds (ROUNDS)
 * Exit code: 0 when results[0] = 0, else 1; EXIT_TIMEOUT when a wait runs out.
 */
#include "test_asm.h"

#define ROUNDS 24
#define POLLS  2000000

    TEST_START
    li      t3, 1000
1:  la      t1, hart1
    li      t2, 0
    HART_START s3, t1, t2
    bnez    s3, 2f
    addi    t3, t3, -1
    bnez    t3, 1b
    EXIT_CODE EXIT_TIMEOUT
2:  la      s0, lines
    la      s1, go
    la      s2, ack
    li      s5, 1                   /* round r */
    li      s6, 0                   /* illegal values */
    li      s7, 0                   /* rounds that saw the store */
    lw      t0, 0(s2)               /* bring go/ack in, then the highest line */
    lw      t0, 0(s1)
    la      t0, top
    lw      t0, 0(t0)
    add     t0, t0, t0
3:  sw      s5, 0(s1)               /* go = r */
    addi    t0, s5, -1
    slli    t0, t0, 5
    add     t0, t0, s0
    lw      a0, 0(t0)               /* a miss: answered as outstanding */
    beqz    a0, 4f
    addi    s7, s7, 1
    beq     a0, s5, 4f
    addi    s6, s6, 1
4:  li      t3, POLLS
5:  lw      t1, 0(s2)
    beq     t1, s5, 6f
    addi    t3, t3, -1
    bnez    t3, 5b
    EXIT_CODE EXIT_TIMEOUT
6:  addi    s5, s5, 1
    li      t0, ROUNDS + 1
    bne     s5, t0, 3b
    la      t0, results
    sw      s6, 0(t0)
    sw      s7, 4(t0)
    li      t1, ROUNDS
    sw      t1, 8(t0)
    bnez    s6, 7f
    EXIT_OK
7:  EXIT_CODE 1

/* context 1 */
hart1:
    la      s0, lines
    la      s1, go
    la      s2, ack
    li      s5, 1
    li      t3, POLLS
1:  lw      t1, 0(s1)
    beq     t1, s5, 2f
    addi    t3, t3, -1
    bnez    t3, 1b
    EXIT_CODE EXIT_TIMEOUT
2:  slli    t2, s5, 1               /* 2r iterations */
3:  addi    t2, t2, -1
    bgez    t2, 3b
    addi    t0, s5, -1
    slli    t0, t0, 5
    add     t0, t0, s0
    sw      s5, 0(t0)
    fence   rw, rw
    sw      s5, 0(s2)
    addi    s5, s5, 1
    li      t0, ROUNDS + 1
    li      t3, POLLS
    bne     s5, t0, 1b
    HART_EXIT
4:  j       4b

    UNEXPECTED_TRAP_HANDLER

    .data
    .balign 32
go:      .word 0
    .balign 32
ack:     .word 0
    .balign 4
    .globl results
results: .word 0xdead0000, 0xdead0001, 0xdead0002
    .balign 32
lines:   .space 32 * ROUNDS
    .balign 32
top:     .word 0
