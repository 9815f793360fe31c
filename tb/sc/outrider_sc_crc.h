// SPDX-License-Identifier: Apache-2.0
// outrider_sc_crc.h - the example of a user's own TLM peripheral: a CRC-32
// accelerator (the IEEE 802.3 / zlib CRC, reflected polynomial 0xEDB88320)
// in the Ext window. docs/systemc.md "A peripheral of your own";
// driven by sw/examples/sc_crc.c.
//
// Registers (32-bit, offsets from the window's base 0x2000_0000; the
// numbers are in tb/sc/sc_crc_regs.h, shared with the C program):
//   0x00 ID      read: 0x43524331 ("CRC1")
//   0x04 CTRL    write bit 0 = 1: start a new CRC (state 0xFFFFFFFF,
//                byte count 0)
//   0x08 DATA    write: feed the enabled bytes, lowest address first
//                (a `sb` feeds one byte, a `sw` four)
//   0x0C RESULT  read: the CRC of the bytes fed since the last start
//                (state ^ 0xFFFFFFFF)
//   0x10 COUNT   read: bytes fed since the last start
// Other offsets of the window read 0 and ignore writes (what the rest of
// the window does in smtsim). Timing: a DATA write takes one cycle per
// byte fed (annotated delay), anything else one cycle.
#ifndef OUTRIDER_SC_CRC_H
#define OUTRIDER_SC_CRC_H

#include <cstdint>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

extern "C" {
#include "sc_crc_regs.h"
}

class outrider_sc_crc : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<outrider_sc_crc> socket;

    // base: the bus address of register 0 (offsets are taken modulo 64 KiB
    // from it); period: one device cycle.
    outrider_sc_crc(sc_core::sc_module_name name, uint32_t base, const sc_core::sc_time &period);

private:
    void b_transport(tlm::tlm_generic_payload &gp, sc_core::sc_time &delay);
    void feed(uint8_t byte);

    uint32_t base_;
    sc_core::sc_time period_;
    uint32_t state_ = 0xFFFFFFFFu, count_ = 0;
};

#endif
