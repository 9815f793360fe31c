// SPDX-License-Identifier: Apache-2.0
// outrider_sc_crc.cpp - see outrider_sc_crc.h.
#include "outrider_sc_crc.h"

using namespace sc_core;

outrider_sc_crc::outrider_sc_crc(sc_module_name name, uint32_t base, const sc_time &period)
    : sc_module(name), socket("socket"), base_(base), period_(period)
{
    socket.register_b_transport(this, &outrider_sc_crc::b_transport);
}

void outrider_sc_crc::feed(uint8_t byte)
{
    state_ ^= byte;
    for (unsigned k = 0; k < 8; k++)
        state_ = (state_ >> 1) ^ (SC_CRC_POLY & (0u - (state_ & 1u)));
    count_++;
}

void outrider_sc_crc::b_transport(tlm::tlm_generic_payload &gp, sc_time &delay)
{
    const unsigned len = gp.get_data_length();
    if (len != 4 || gp.get_streaming_width() != 4 || (gp.get_address() & 3u)) {
        gp.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
        return;
    }
    const uint32_t off = static_cast<uint32_t>(gp.get_address() - base_) & 0xFFFFu;
    unsigned char *data = gp.get_data_ptr();
    const unsigned char *be = gp.get_byte_enable_ptr();
    auto enabled = [&](unsigned i) { return !be || be[i % gp.get_byte_enable_length()]; };
    unsigned cycles = 1;
    if (gp.is_write()) {
        if (off == SC_CRC_REG_CTRL && enabled(0) && (data[0] & SC_CRC_CTRL_START)) {
            state_ = 0xFFFFFFFFu;
            count_ = 0;
        } else if (off == SC_CRC_REG_DATA) {
            unsigned fed = 0;
            for (unsigned i = 0; i < 4; i++)
                if (enabled(i)) {
                    feed(data[i]);
                    fed++;
                }
            if (fed > 1)
                cycles = fed;
        }
    } else if (gp.is_read()) {
        uint32_t v = 0;
        switch (off) {
        case SC_CRC_REG_ID: v = SC_CRC_ID_VALUE; break;
        case SC_CRC_REG_RESULT: v = state_ ^ 0xFFFFFFFFu; break;
        case SC_CRC_REG_COUNT: v = count_; break;
        default: v = 0; break;
        }
        for (unsigned i = 0; i < 4; i++)
            data[i] = static_cast<unsigned char>(v >> (8 * i));
    }
    delay += period_ * static_cast<double>(cycles);
    gp.set_response_status(tlm::TLM_OK_RESPONSE);
}
