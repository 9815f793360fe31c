// SPDX-License-Identifier: Apache-2.0
/*
 * kernel_ref.h - the host model of the kernel in tests/programs/kernel_asm.h
 * (used by harts_kernel.S and irq_precise.S), and the helper that writes its
 * input block and linked list into a loaded program.
 *
 * What it is not: it does not run anything; the suites compare the model's
 * output with what the program stored.
 */
#ifndef KERNEL_REF_H
#define KERNEL_REF_H

#include <stdint.h>
#include "outrider_sim.h"

#define KERNEL_NODES 16   /* list length (the programs reserve 16 nodes) */

typedef struct {
    uint32_t x, y, iters;
    uint32_t values[KERNEL_NODES];   /* node values in visit order */
} kernel_in;

/* out = {h, x, y, scratch} as the kernel leaves them. */
void kernel_model(const kernel_in *in, uint32_t out[4]);

/* Fill *in from a seed (deterministic, distinct per seed). */
void kernel_input(kernel_in *in, uint32_t seed, uint32_t iters);

/* Write the input block `blk` = {x, y, head, iters} and the list into the
 * node array `nodes` (visit order: a stride-5 permutation of the slots). */
void kernel_setup(outrider_sim *sim, const char *blk, const char *nodes, const kernel_in *in);

#endif
