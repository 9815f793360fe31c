// SPDX-License-Identifier: Apache-2.0
/*
 * vex_shim.h - a C interface to the Verilated VexRiscv_Full model (top
 * module VexRiscv), for the harness vexsim.c (tb/sim-speed.mk).
 *
 * A vex_shim is an opaque handle owning one VVexRiscv and its own
 * VerilatedContext. What it does: create/destroy, eval, the clock and
 * reset, and the two Wishbone buses as plain structs (outputs read, inputs
 * written) - nothing else: memory, bus timing and the console are the
 * caller's. The model is built with FST tracing compiled in; the shim
 * never opens a trace (tracing off, as in smtsim by default).
 */
#ifndef VEX_SHIM_H
#define VEX_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vex_shim vex_shim;

/* master outputs of one Wishbone bus (classic, word addresses) */
typedef struct {
    uint8_t  cyc, stb, we, sel, cti;
    uint32_t adr;    /* word address (byte address >> 2) */
    uint32_t dat;    /* write data */
} vex_wb_out;

vex_shim *vex_shim_create(uint32_t reset_vector);  /* NULL if out of memory */
void vex_shim_destroy(vex_shim *s);                  /* NULL-safe */
void vex_shim_set_clk(vex_shim *s, int clk);
void vex_shim_set_reset(vex_shim *s, int reset);
void vex_shim_eval(vex_shim *s);
void vex_shim_ibus(const vex_shim *s, vex_wb_out *o);
void vex_shim_dbus(const vex_shim *s, vex_wb_out *o);
void vex_shim_ibus_resp(vex_shim *s, int ack, int err, uint32_t dat);
void vex_shim_dbus_resp(vex_shim *s, int ack, int err, uint32_t dat);

#ifdef __cplusplus
}
#endif
#endif
