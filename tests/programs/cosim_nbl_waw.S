// SPDX-License-Identifier: Apache-2.0
/*
 * cosim_nbl_waw.S - outstanding loads and younger writes of their register
 * (docs/core.md "Non-blocking loads": a younger write does not wait; its
 * retirement drops the older load's register write).
 *
 * G  a gather loop as a compiler writes it: NLINES loads, each a miss to a
 *    fresh line, all into t1, nothing reads t1 in the loop; a `fence rw,rw`
 *    after it waits for every outstanding load. The loop's cycles (mcycle,
 *    from before the first load to after the fence) go to results[1]: with
 *    the misses overlapped they are a fraction of NLINES times the memory
 *    latency (test_nbl asserts the bound). Then t1 must hold the last
 *    line's value, and a second pass over the same lines (now hits)
 *    checks every value.
 * W1 a miss into t1, then `li t1` and an instruction that reads t1 at once
 *    (it must get the younger value by forwarding), then, after the line
 *    surely arrived, t1 must still hold the younger value;
 * W2 a miss into t1, then a hit into t1 and its reader: the hit's value;
 * W3 two misses into t1 from two lines, then a reader: the second line's;
 * W4 a miss into t1 and a younger miss into t2 whose address is computed
 *    from a register the first miss does not write; the reader of t1 waits
 *    for it (the scoreboard), both values right.
 *
 * results[0] = wrong values (0), [1] = cycles of loop G, [2] = values
 * checked (NCHECKS). Exit code 0 when every value was right, else 1.
 */
#include "test_asm.h"

#define NLINES   16
#define NCHECKS  (NLINES + 1 + 2 + 1 + 1 + 2)   /* G, W1, W2, W3, W4 */

/* count one check: got == exp (s10 = wrong values, s9 = checks) */
.macro CHECK got, exp
    addi    s9, s9, 1
    beq     \got, \exp, 55f
    addi    s10, s10, 1
55:
.endm

/* a delay longer than a miss at any latency the tests use */
.macro DELAY n
    li      t0, \n
56: addi    t0, t0, -1
    bnez    t0, 56b
.endm

    TEST_START
    li      s9, 0
    li      s10, 0
    /* the cache answers a miss as outstanding only below the highest line
     * it has refilled (docs/dcache.md section 18): bring in the line above
     * all of this program's data first (a C program's stack, at the top
     * of RAM, does that in its first call) */
    la      t0, top
    lw      t0, 0(t0)
    fence   rw, rw

    /* ---- G: the gather loop ---- */
    la      a0, glines
    li      t2, NLINES
    fence   rw, rw
    csrr    s1, mcycle
1:  lw      t1, 0(a0)
    addi    a0, a0, 32
    addi    t2, t2, -1
    bnez    t2, 1b
    fence   rw, rw
    csrr    s2, mcycle
    sub     s2, s2, s1
    li      t3, NLINES              /* line i holds i + 1 */
    CHECK   t1, t3
    la      a0, glines
    li      t2, 1
2:  lw      t1, 0(a0)
    CHECK   t1, t2
    addi    a0, a0, 32
    addi    t2, t2, 1
    li      t3, NLINES + 1
    bne     t2, t3, 2b

    /* ---- W1: a miss, then an ALU write and its reader at once ---- */
    la      a0, wlines
    lw      t1, 0(a0)               /* line 0: 101 */
    li      t1, 7
    addi    t4, t1, 1
    li      t3, 8
    CHECK   t4, t3
    DELAY   1000
    li      t3, 7
    CHECK   t1, t3

    /* ---- W2: a miss, then a hit into the same register ---- */
    la      a1, hitword
    lw      t1, 0(a1)               /* bring the hit's line in */
    fence   rw, rw
    lw      t1, 32(a0)              /* line 1: 102, a miss */
    lw      t1, 0(a1)               /* a hit: 0x5a5a */
    add     t4, t1, t1
    li      t3, 0x5a5a * 2
    CHECK   t4, t3

    /* ---- W3: two misses into one register ---- */
    lw      t1, 64(a0)              /* line 2: 103 */
    lw      t1, 96(a0)              /* line 3: 104 */
    addi    t4, t1, 0
    li      t3, 104
    CHECK   t4, t3

    /* ---- W4: two misses, the reader of the first waits for it ---- */
    lw      t1, 128(a0)             /* line 4: 105 */
    lw      t2, 160(a0)             /* line 5: 106 */
    add     t4, t1, t2
    li      t3, 105 + 106
    CHECK   t4, t3
    DELAY   1000
    li      t3, 106
    CHECK   t2, t3

    la      t0, results
    sw      s10, 0(t0)
    sw      s2, 4(t0)
    sw      s9, 8(t0)
    li      t1, NCHECKS
    bne     s9, t1, 9f
    bnez    s10, 9f
    EXIT_OK
9:  EXIT_CODE 1

    UNEXPECTED_TRAP_HANDLER

    .data
    .balign 4
    .globl results
results: .word 0xdead0000, 0xdead0001, 0xdead0002
    .balign 32
hitword: .word 0x5a5a
    .balign 32
glines:
    .set i, 1
    .rept NLINES
    .word i, 0, 0, 0, 0, 0, 0, 0
    .set i, i + 1
    .endr
wlines:
    .set i, 101
    .rept 6
    .word i, 0, 0, 0, 0, 0, 0, 0
    .set i, i + 1
    .endr
    .balign 32
top:     .word 0
