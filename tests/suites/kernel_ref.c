// SPDX-License-Identifier: Apache-2.0
/* kernel_ref.c - see kernel_ref.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kernel_ref.h"
#include "rv_ref.h"
#include "tprog.h"

void kernel_model(const kernel_in *in, uint32_t out[4])
{
    uint32_t x = in->x, y = in->y, h = 0;
    out[3] = 0;
    for (uint32_t it = 0; it < in->iters; it++) {
        uint32_t a = x, b = y;
        for (int i = 0; i < 24; i++) {
            uint32_t c = a + b;
            a = b;
            b = c;
        }
        h ^= b;
        uint32_t m0 = x * y;
        uint32_t m1 = rv_rop_eval(RV_MULH, m0, m0);
        uint32_t m2 = m1 * m0;
        uint32_t m3 = rv_rop_eval(RV_DIVU, m2, y | 1u);
        h += rv_rop_eval(RV_REM, m3, m0);
        for (unsigned n = 0; n < KERNEL_NODES; n++)
            h = h * 31u + in->values[n];
        out[3] = h;
        h += h;
        x += h;
        y ^= h << 1;
    }
    out[0] = h;
    out[1] = x;
    out[2] = y;
}

void kernel_input(kernel_in *in, uint32_t seed, uint32_t iters)
{
    uint32_t s = seed * 2654435761u + 0x9E3779B9u;
    in->x = s;
    s = s * 1664525u + 1013904223u;
    in->y = s;
    in->iters = iters;
    for (unsigned n = 0; n < KERNEL_NODES; n++) {
        s = s * 1664525u + 1013904223u;
        in->values[n] = s;
    }
}

void kernel_setup(outrider_sim *sim, const char *blk, const char *nodes, const kernel_in *in)
{
    uint32_t base = tprog_sym(sim, nodes), words[2 * KERNEL_NODES];
    unsigned order[KERNEL_NODES];
    for (unsigned i = 0; i < KERNEL_NODES; i++)
        order[i] = (i * 5u + 3u) % KERNEL_NODES;
    for (unsigned i = 0; i < KERNEL_NODES; i++) {
        unsigned cur = order[i];
        words[2 * cur] = (i + 1 < KERNEL_NODES) ? base + 8u * order[i + 1] : 0u;
        words[2 * cur + 1] = in->values[i];
    }
    tprog_write(sim, nodes, 0, words, 2 * KERNEL_NODES);
    uint32_t b[4] = {in->x, in->y, base + 8u * order[0], in->iters};
    tprog_write(sim, blk, 0, b, 4);
}
