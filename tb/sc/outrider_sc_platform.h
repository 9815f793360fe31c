// SPDX-License-Identifier: Apache-2.0
// outrider_sc_platform.h - the virtual platform of smtsim-sc (and the
// template for one's own, docs/systemc.md):
//
//   clk (sc_clock, 10 ns, rising edges at 5 + 10k ns)
//   core  outrider_sc_core   .mem_socket -> mem   .ext_socket -> crc
//   mem   outrider_sc_mem    RAM at 0x8000_0000
//   crc   outrider_sc_crc    the example peripheral at 0x2000_0000
//   ctrl  outrider_sc_simctrl  console and exit (the SoC's MMIO outputs),
//                             run control (cycle limit)
//
// The C API over it is tb/sc/outrider_sc.h.
#ifndef OUTRIDER_SC_PLATFORM_H
#define OUTRIDER_SC_PLATFORM_H

#include <cstdint>

#include <systemc>

#include "outrider_sc_core.h"
#include "outrider_sc_crc.h"
#include "outrider_sc_mem.h"

extern "C" {
#include "console_buf.h"
}

// Console and exit device: samples the SoC's simulation-control outputs at
// the rising edge (the byte of a console store, the exit of a SIM_EXIT or
// tohost store) and stops the kernel at the following falling edge when the
// program has exited or the core has run max_cycles cycles (0: no limit) -
// the same stop rule as outrider_sim_step.
class outrider_sc_simctrl : public sc_core::sc_module {
public:
    sc_core::sc_in<bool>     clk_i, console_valid_i, exit_valid_i, exit_tohost_i;
    sc_core::sc_in<uint32_t> console_data_i, exit_value_i;

    SC_HAS_PROCESS(outrider_sc_simctrl);
    outrider_sc_simctrl(sc_core::sc_module_name name, const outrider_sc_core &core,
                        console_buf *console, console_buf *console_err, uint64_t max_cycles);

    bool exited() const { return exited_; }
    bool limit_reached() const { return limit_; }
    int  exit_code() const { return exit_code_; }

private:
    void on_posedge();
    void on_negedge();

    const outrider_sc_core &core_;
    console_buf *console_;
    console_buf *console_err_;
    uint64_t max_cycles_;
    bool exited_ = false, limit_ = false;
    int exit_code_ = 0;
};

struct outrider_sc_platform_params {
    outrider_sc_core_params core;
    wb_mem  *ram = nullptr;            // RAM storage (not owned)
    uint32_t mem_latency = 0;          // extra cycles per memory access
    uint64_t max_cycles = 0;           // 0: no limit
    console_buf *console = nullptr;
    console_buf *console_err = nullptr;   // the error console (MMIO console_err)
};

class outrider_sc_platform : public sc_core::sc_module {
public:
    sc_core::sc_clock clk;
    outrider_sc_core    core;
    outrider_sc_mem     mem;
    outrider_sc_crc     crc;
    outrider_sc_simctrl ctrl;

    outrider_sc_platform(sc_core::sc_module_name name, const outrider_sc_platform_params &p);

private:
    sc_core::sc_signal<bool>     console_valid_, exit_valid_, exit_tohost_;
    sc_core::sc_signal<uint32_t> console_data_, exit_value_;
};

#endif
