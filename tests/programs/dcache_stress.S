// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_stress.S - both contexts run an op list written by the test
 * (tests/programs/dcache_stress_params.h) against `arena`, logging every
 * value they read. Context 0 starts context 1, runs its own list, waits
 * for context 1, executes fence.i if `final_fence` is non-zero, exits.
 * Inputs (written by the test before the run): ops, vals, nops[2],
 * final_fence, arena contents. Outputs: logs, arena.
 */
#include "dcache_asm.h"
#include "dcache_stress_params.h"

#define OPS_BYTES (4 * STRESS_MAX_OPS)
#define LOG_BYTES (8 * STRESS_MAX_OPS)

    TEST_START
    HART1_START worker1
    li      a0, 0
    jal     ra, run_ops
    WAIT_FLAG done1
    la      t0, final_fence
    lw      t0, 0(t0)
    beqz    t0, 1f
    fence.i
1:  EXIT_OK

worker1:
    HART1_PROLOGUE
    li      a0, 1
    jal     ra, run_ops
    la      t0, done1
    li      t1, 1
    amoswap.w zero, t1, (t0)
    HART_EXIT

/* run_ops(a0 = context): s0 ops, s1 vals, s2 log, s3 count, s4 arena,
 * s5 counter increment */
run_ops:
    li      t0, OPS_BYTES
    mul     t1, a0, t0
    la      s0, ops
    add     s0, s0, t1
    la      s1, vals
    add     s1, s1, t1
    li      t0, LOG_BYTES
    mul     t1, a0, t0
    la      s2, logs
    add     s2, s2, t1
    la      t0, nops
    slli    t1, a0, 2
    add     t0, t0, t1
    lw      s3, 0(t0)
    la      s4, arena
    slli    t0, a0, 4
    li      s5, 1
    sll     s5, s5, t0
    la      s6, jtab
2:  beqz    s3, 9f
    lw      t0, 0(s0)
    lw      t1, 0(s1)
    andi    t2, t0, 0xff
    srli    t3, t0, 8
    add     t3, t3, s4
    li      a2, 0
    li      t4, SOP_COUNT
    bgeu    t2, t4, bad_op
    slli    t2, t2, 2
    add     t4, s6, t2
    lw      t4, 0(t4)
    jr      t4
op_lw:      lw      a1, 0(t3)
            j       8f
op_lh:      lh      a1, 0(t3)
            j       8f
op_lhu:     lhu     a1, 0(t3)
            j       8f
op_lb:      lb      a1, 0(t3)
            j       8f
op_lbu:     lbu     a1, 0(t3)
            j       8f
op_sw:      sw      t1, 0(t3)
            li      a1, 0
            j       8f
op_sh:      sh      t1, 0(t3)
            li      a1, 0
            j       8f
op_sb:      sb      t1, 0(t3)
            li      a1, 0
            j       8f
op_amoadd:  amoadd.w  a1, t1, (t3)
            j       8f
op_amoswap: amoswap.w a1, t1, (t3)
            j       8f
op_amoxor:  amoxor.w  a1, t1, (t3)
            j       8f
op_amoor:   amoor.w   a1, t1, (t3)
            j       8f
op_amoand:  amoand.w  a1, t1, (t3)
            j       8f
op_amomin:  amomin.w  a1, t1, (t3)
            j       8f
op_amomax:  amomax.w  a1, t1, (t3)
            j       8f
op_amominu: amominu.w a1, t1, (t3)
            j       8f
op_amomaxu: amomaxu.w a1, t1, (t3)
            j       8f
op_lrsc:    lr.w    a1, (t3)
            sc.w    a2, t1, (t3)
            j       8f
op_cntadd:  amoadd.w a1, s5, (t3)
            j       8f
op_cntload: lw      a1, 0(t3)
            j       8f
op_fencei:  fence.i
            li      a1, 0
            j       8f
op_delay:   li      a1, 0
            beqz    t1, 8f
7:          addi    t1, t1, -1
            bnez    t1, 7b
8:  sw      a1, 0(s2)
    sw      a2, 4(s2)
    addi    s0, s0, 4
    addi    s1, s1, 4
    addi    s2, s2, 8
    addi    s3, s3, -1
    j       2b
9:  ret

bad_op:
    EXIT_CODE EXIT_BAD_ARG

    UNEXPECTED_TRAP_HANDLER
    WORDS done1, 1
    .data
    .balign 4
jtab:
    .word   op_lw, op_lh, op_lhu, op_lb, op_lbu, op_sw, op_sh, op_sb
    .word   op_amoadd, op_amoswap, op_amoxor, op_amoor, op_amoand
    .word   op_amomin, op_amomax, op_amominu, op_amomaxu
    .word   op_lrsc, op_cntadd, op_cntload, op_fencei, op_delay
    .globl  nops, final_fence, ops, vals, logs
nops:        .word 0, 0
final_fence: .word 0
ops:         .space 2 * OPS_BYTES
vals:        .space 2 * OPS_BYTES
logs:        .space 2 * LOG_BYTES
    .section .data.arena, "aw"
    .balign 4096
    .globl  arena
arena:       .space STRESS_ARENA_BYTES
