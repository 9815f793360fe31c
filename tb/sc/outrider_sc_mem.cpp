// SPDX-License-Identifier: Apache-2.0
// outrider_sc_mem.cpp - see outrider_sc_mem.h.
#include "outrider_sc_mem.h"

#include <cstring>

#include "outrider_sc_core.h"   // outrider_wb_ext

using namespace sc_core;

outrider_sc_mem::outrider_sc_mem(sc_module_name name, wb_mem *ram, uint32_t latency,
                                 const sc_time &period)
    : sc_module(name), socket("socket"), ram_(ram),
      access_time_(period * (1.0 + static_cast<double>(latency))), beat_time_(period)
{
    socket.register_b_transport(this, &outrider_sc_mem::b_transport);
    socket.register_get_direct_mem_ptr(this, &outrider_sc_mem::get_direct_mem_ptr);
    socket.register_transport_dbg(this, &outrider_sc_mem::transport_dbg);
}

// Perform gp on RAM; false (and a response status set) if it cannot be.
bool outrider_sc_mem::access(tlm::tlm_generic_payload &gp)
{
    const sc_dt::uint64 addr = gp.get_address();
    const unsigned len = gp.get_data_length();
    if (gp.get_streaming_width() != len) {
        gp.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
        return false;
    }
    if (addr > 0xFFFFFFFFull || !wb_mem_contains(ram_, static_cast<uint32_t>(addr), len)) {
        if (gp.is_read())
            std::memset(gp.get_data_ptr(), 0, len);
        gp.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return false;
    }
    uint8_t *mem = wb_mem_bytes(ram_) + (static_cast<uint32_t>(addr) - wb_mem_base(ram_));
    unsigned char *data = gp.get_data_ptr();
    const unsigned char *be = gp.get_byte_enable_ptr();
    const unsigned be_len = gp.get_byte_enable_length();
    for (unsigned i = 0; i < len; i++) {
        if (be && be_len && !be[i % be_len])
            continue;
        if (gp.is_write())
            mem[i] = data[i];
        else
            data[i] = mem[i];
    }
    gp.set_response_status(tlm::TLM_OK_RESPONSE);
    return true;
}

void outrider_sc_mem::b_transport(tlm::tlm_generic_payload &gp, sc_time &delay)
{
    if (gp.get_command() == tlm::TLM_IGNORE_COMMAND) {
        gp.set_response_status(tlm::TLM_OK_RESPONSE);
        return;
    }
    access(gp);
    const outrider_wb_ext *ext = nullptr;
    gp.get_extension(ext);
    delay += (ext && !ext->first) ? beat_time_ : access_time_;
    gp.set_dmi_allowed(true);
}

bool outrider_sc_mem::get_direct_mem_ptr(tlm::tlm_generic_payload &, tlm::tlm_dmi &dmi)
{
    dmi.set_dmi_ptr(wb_mem_bytes(ram_));
    dmi.set_start_address(wb_mem_base(ram_));
    dmi.set_end_address(static_cast<sc_dt::uint64>(wb_mem_base(ram_)) + wb_mem_size(ram_) - 1);
    dmi.allow_read_write();
    dmi.set_read_latency(access_time_);
    dmi.set_write_latency(access_time_);
    return true;
}

unsigned int outrider_sc_mem::transport_dbg(tlm::tlm_generic_payload &gp)
{
    return access(gp) ? gp.get_data_length() : 0;
}
