// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_mmio.S - CLINT and MMIO accesses bypass the cache.
 * results[]: 0, 1 two reads of mtime (low word) 40 loop iterations apart;
 *            2 mtimecmp[1] (low) read back after writing 0x12345678;
 *            3 msip[1] read back after writing 1 (then cleared again)
 * Console: "ok\n".
 */
#include "dcache_asm.h"

    TEST_START
    la      s0, results
    li      s1, CLINT_MTIME
    lw      t0, 0(s1)
    sw      t0, 0(s0)
    li      t1, 40
1:  addi    t1, t1, -1
    bnez    t1, 1b
    lw      t0, 0(s1)
    sw      t0, 4(s0)
    li      s2, CLINT_MTIMECMP1
    li      t0, -1
    sw      t0, 4(s2)
    li      t0, 0x12345678
    sw      t0, 0(s2)
    lw      t0, 0(s2)
    sw      t0, 8(s0)
    li      s3, CLINT_MSIP1
    li      t0, 1
    sw      t0, 0(s3)
    lw      t0, 0(s3)
    sw      t0, 12(s0)
    sw      zero, 0(s3)
    li      s4, CONSOLE_TX_ADDR
    li      t0, 'o'
    sw      t0, 0(s4)
    li      t0, 'k'
    sw      t0, 0(s4)
    li      t0, '\n'
    sw      t0, 0(s4)
    EXIT_OK

    UNEXPECTED_TRAP_HANDLER
    WORDS results, 4
