// SPDX-License-Identifier: Apache-2.0
/*
 * dcache_stress_params.h - the op encoding shared by dcache_stress.S and
 * tests/suites/test_dcache.c (which generates the ops and checks the logs).
 *
 * ops[c][i]  = op code | (byte offset into `arena`) << 8
 * vals[c][i] = the operand (store value, AMO operand, SC value, delay)
 * logs[c][2i], logs[c][2i+1] = what the op returned (see below)
 */
#ifndef DCACHE_STRESS_PARAMS_H
#define DCACHE_STRESS_PARAMS_H

#define STRESS_MAX_OPS     1024          /* per context */
#define STRESS_REGIONS     5             /* arena regions that alias in the cache */
#define STRESS_REGION_SIZE 4096          /* = set stride of the default cache (16 KiB, 4 ways) */
#define STRESS_LINES       3             /* lines used per region */
#define STRESS_ARENA_BYTES (STRESS_REGIONS * STRESS_REGION_SIZE)

/* op codes; log[2i] = loaded value / AMO or LR old value / 0, log[2i+1] =
 * SC result (LRSC) or 0 */
#define SOP_LW       0
#define SOP_LH       1
#define SOP_LHU      2
#define SOP_LB       3
#define SOP_LBU      4
#define SOP_SW       5
#define SOP_SH       6
#define SOP_SB       7
#define SOP_AMOADD   8
#define SOP_AMOSWAP  9
#define SOP_AMOXOR   10
#define SOP_AMOOR    11
#define SOP_AMOAND   12
#define SOP_AMOMIN   13
#define SOP_AMOMAX   14
#define SOP_AMOMINU  15
#define SOP_AMOMAXU  16
#define SOP_LRSC     17   /* lr.w then sc.w of the value */
#define SOP_CNT_ADD  18   /* amoadd.w of 1 << (16 * context) on a shared counter */
#define SOP_CNT_LOAD 19   /* lw of a shared counter */
#define SOP_FENCEI   20
#define SOP_DELAY    21   /* spin `value` iterations */
#define SOP_COUNT    22

#endif
