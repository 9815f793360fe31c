// SPDX-License-Identifier: Apache-2.0
// vex_shim.cpp - see vex_shim.h. The only C++ of the VexRiscv harness.
#include "vex_shim.h"

#include <new>

#include "VVexRiscv.h"
#include "verilated.h"

struct vex_shim {
    VerilatedContext *ctx;
    VVexRiscv *top;
};

extern "C" vex_shim *vex_shim_create(uint32_t reset_vector)
{
    vex_shim *s = new (std::nothrow) vex_shim;
    if (s == nullptr)
        return nullptr;
    s->ctx = new (std::nothrow) VerilatedContext;
    s->top = s->ctx ? new (std::nothrow) VVexRiscv(s->ctx, "vex") : nullptr;
    if (s->top == nullptr) {
        delete s->ctx;
        delete s;
        return nullptr;
    }
    VVexRiscv *t = s->top;
    t->externalResetVector = reset_vector;
    t->timerInterrupt = 0;
    t->softwareInterrupt = 0;
    t->externalInterruptArray = 0;
    t->iBusWishbone_ACK = 0;
    t->iBusWishbone_ERR = 0;
    t->iBusWishbone_DAT_MISO = 0;
    t->dBusWishbone_ACK = 0;
    t->dBusWishbone_ERR = 0;
    t->dBusWishbone_DAT_MISO = 0;
    t->clk = 0;
    t->reset = 1;
    return s;
}

extern "C" void vex_shim_destroy(vex_shim *s)
{
    if (s == nullptr)
        return;
    s->top->final();
    delete s->top;
    delete s->ctx;
    delete s;
}

extern "C" void vex_shim_set_clk(vex_shim *s, int clk) { s->top->clk = clk != 0; }
extern "C" void vex_shim_set_reset(vex_shim *s, int reset) { s->top->reset = reset != 0; }
extern "C" void vex_shim_eval(vex_shim *s) { s->top->eval(); }

extern "C" void vex_shim_ibus(const vex_shim *s, vex_wb_out *o)
{
    const VVexRiscv *t = s->top;
    o->cyc = t->iBusWishbone_CYC;
    o->stb = t->iBusWishbone_STB;
    o->we = t->iBusWishbone_WE;
    o->sel = t->iBusWishbone_SEL;
    o->cti = t->iBusWishbone_CTI;
    o->adr = t->iBusWishbone_ADR;
    o->dat = t->iBusWishbone_DAT_MOSI;
}

extern "C" void vex_shim_dbus(const vex_shim *s, vex_wb_out *o)
{
    const VVexRiscv *t = s->top;
    o->cyc = t->dBusWishbone_CYC;
    o->stb = t->dBusWishbone_STB;
    o->we = t->dBusWishbone_WE;
    o->sel = t->dBusWishbone_SEL;
    o->cti = t->dBusWishbone_CTI;
    o->adr = t->dBusWishbone_ADR;
    o->dat = t->dBusWishbone_DAT_MOSI;
}

extern "C" void vex_shim_ibus_resp(vex_shim *s, int ack, int err, uint32_t dat)
{
    s->top->iBusWishbone_ACK = ack != 0;
    s->top->iBusWishbone_ERR = err != 0;
    s->top->iBusWishbone_DAT_MISO = dat;
}

extern "C" void vex_shim_dbus_resp(vex_shim *s, int ack, int err, uint32_t dat)
{
    s->top->dBusWishbone_ACK = ack != 0;
    s->top->dBusWishbone_ERR = err != 0;
    s->top->dBusWishbone_DAT_MISO = dat;
}
