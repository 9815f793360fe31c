// SPDX-License-Identifier: Apache-2.0
/*
 * c_sort_params.h - parameters of c_sort.c, shared with tests/suites/test_c.c
 * (which generates the same input, sorts it with the host's qsort and
 * computes the CRC-32 itself).
 */
#ifndef C_SORT_PARAMS_H
#define C_SORT_PARAMS_H

#define C_SORT_N     200
#define C_SORT_SEED  12345u
/* input[i] = state after i+1 steps of state = state * 1664525 + 1013904223 */
#define C_SORT_LCG_A 1664525u
#define C_SORT_LCG_C 1013904223u

#endif
