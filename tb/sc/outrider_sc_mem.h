// SPDX-License-Identifier: Apache-2.0
// outrider_sc_mem.h - RAM as a TLM-2.0 loosely-timed target (docs/systemc.md).
//
// The bytes live in a wb_mem (tb/common/wb_mem.h), so the C ELF loader
// (tb/common/elf_load.c) fills it exactly as it fills smtsim's RAM; this
// module only adds the socket.
//
// b_transport: reads and writes inside RAM (byte enables honoured,
// streaming width = data length), TLM_ADDRESS_ERROR_RESPONSE outside it (a
// read then returns zeros, a write changes nothing),
// TLM_BURST_ERROR_RESPONSE for a streaming width other than the length.
// Timing (the C memory model's "DRAM page" rule, tb/common/wb_mem.h): the
// annotated delay grows by (1 + latency) cycles for a transaction that
// starts an access, by 1 cycle for a further beat of a burst
// (outrider_wb_ext.first == false). Without the extension every
// transaction is an access of its own.
// DMI: the whole RAM, read and write, to any initiator that asks.
// transport_dbg: reads and writes without timing.
#ifndef OUTRIDER_SC_MEM_H
#define OUTRIDER_SC_MEM_H

#include <cstdint>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

extern "C" {
#include "wb_mem.h"
}

class outrider_sc_mem : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<outrider_sc_mem> socket;

    // ram: the storage (not owned); latency: extra cycles per access.
    outrider_sc_mem(sc_core::sc_module_name name, wb_mem *ram, uint32_t latency,
                    const sc_core::sc_time &period);

private:
    void b_transport(tlm::tlm_generic_payload &gp, sc_core::sc_time &delay);
    bool get_direct_mem_ptr(tlm::tlm_generic_payload &gp, tlm::tlm_dmi &dmi);
    unsigned int transport_dbg(tlm::tlm_generic_payload &gp);
    bool access(tlm::tlm_generic_payload &gp);

    wb_mem *ram_;
    sc_core::sc_time access_time_, beat_time_;
};

#endif
