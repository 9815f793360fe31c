// SPDX-License-Identifier: Apache-2.0
// outrider_sc_core.h - the Outrider SoC as a SystemC module with TLM-2.0
// sockets (docs/systemc.md "Embedding").
//
// Inside: the SoC (rtl/soc/outrider_soc.sv) verilated with `verilator --sc`
// (the same RTL and flags as smtsim's model), and a clocked bridge that
// turns its bus ports into TLM-2.0 loosely-timed transactions:
//
//   mem_socket  (initiator) RAM. Every Wishbone beat the SoC's master
//               issues (cache line refills and write-backs as 8-beat
//               bursts, uncached single beats) is one 4-byte
//               b_transport, carried out in the cycle the beat is
//               accepted; the beat's outrider_wb_ext extension tells a
//               target whether it starts an access. The target's
//               annotated delay, rounded up to whole cycles, is when the
//               beat is acknowledged (ack/err; answers stay in order, one
//               per cycle). The number of accesses in flight is limited
//               to `mem_outstanding` (Wishbone stall), as in the C test
//               bench's memory model. Instruction fetch (a 1-cycle
//               block-RAM-like port) reads through DMI when the target
//               grants it, else with a zero-delay b_transport.
//   ext_socket  (initiator) the Ext window (0x2000_0000, 64 KiB): one
//               b_transport per device access, addressed with the full
//               address; read data is returned to the SoC in the next
//               cycle (the port's fixed timing). An annotated delay of d
//               cycles holds the SoC's io_ready_i low for d - 1 cycles,
//               so the next MMIO/Ext access waits for the device.
//   console_*/exit_* (sc_out) the SoC's simulation-control outputs (its
//               MMIO block, inside the RTL, as in smtsim): a platform
//               device samples them at the rising edge.
//   clk_i       (sc_in) the clock; rst_ni is generated here: low for the
//               first 4 rising edges, then high (as in the C test bench).
//               The SoC itself is clocked by an internal copy of clk_i one
//               delta later, so that its inputs change together with its
//               clock at the falling edge (one evaluation per edge).
//
// The CLINT is the RTL's own (inside the SoC). The module counts cycles
// (rising edges after reset) and the C test bench's statistics and event
// log (tb/lib/cycle_stats.c) from the same outputs, so a run is
// comparable with smtsim number for number.
#ifndef OUTRIDER_SC_CORE_H
#define OUTRIDER_SC_CORE_H

#include <cstdint>
#include <deque>
#include <memory>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

extern "C" {
#include "event_log.h"
#include "model_shim.h"
#include "outrider_sim.h"
#include "roi.h"
#include "wb_mem.h"
}

class Voutrider_soc;
class VerilatedFstSc;

// Wishbone cycle type of a beat on mem_socket (an ignorable extension: a
// target that does not know it sees plain 4-byte reads and writes).
struct outrider_wb_ext : tlm::tlm_extension<outrider_wb_ext> {
    bool    first = true;   // first (or only) beat of an access
    bool    last = true;    // last beat of its access
    uint8_t cti = 0;        // Wishbone CTI: 0 classic, 2 incrementing, 7 end of burst
    tlm::tlm_extension_base *clone() const override { return new outrider_wb_ext(*this); }
    void copy_from(const tlm::tlm_extension_base &e) override {
        *this = static_cast<const outrider_wb_ext &>(e);
    }
};

struct outrider_sc_core_params {
    uint32_t   mem_outstanding = 4;   // Wishbone accesses in flight, >= 1
    bool       perfect_dcache = false; // the SoC's uncached data path (perfect_dcache_i)
    bool       no_preexec = false;    // pex_enable_i low
    sc_core::sc_time period = sc_core::sc_time(10, sc_core::SC_NS);  // of clk_i
    event_log *log = nullptr;         // non-NULL: append the event log here
};

class outrider_sc_core : public sc_core::sc_module {
public:
    sc_core::sc_in<bool>      clk_i;
    sc_core::sc_out<bool>     console_valid_o;
    sc_core::sc_out<uint32_t> console_data_o;
    sc_core::sc_out<bool>     exit_valid_o;
    sc_core::sc_out<bool>     exit_tohost_o;
    sc_core::sc_out<uint32_t> exit_value_o;

    tlm_utils::simple_initiator_socket<outrider_sc_core> mem_socket;
    tlm_utils::simple_initiator_socket<outrider_sc_core> ext_socket;

    SC_HAS_PROCESS(outrider_sc_core);
    outrider_sc_core(sc_core::sc_module_name name, const outrider_sc_core_params &p);
    ~outrider_sc_core() override;

    // riscv-tests `tohost` (set before the simulation starts)
    void set_tohost(bool enable, uint32_t addr);
    // Cycles since reset (rising edges after the 4 reset cycles).
    uint64_t cycles() const { return stats_.cycles; }
    // Statistics as outrider_sim counts them (exit_code is the platform's).
    const outrider_stats &stats() const { return stats_; }
    // The SoC's parameters (its params_o port), as smtsim's stats JSON records them.
    void params(model_shim_params *p) const;
    // The roi CSR (regions of interest), read from the model's state.
    unsigned roi() const;
    // The console byte of this cycle goes to the error console (MMIO console_err).
    bool console_err() const { return console_err_.read(); }
    // Regions of interest so far (tb/lib/roi.h), the open one up to now.
    const outrider_roi *rois(size_t *count);
    // FST waveform of the whole SoC (call after elaboration); 0 or -1.
    int trace_open(const char *path);
    void trace_close();

private:
    struct pending {          // a Wishbone answer in flight
        uint64_t due;         // cycle in which ack/err is driven
        uint32_t dat;
        bool     err, last;
    };

    void on_posedge();
    void on_negedge();
    void sample(model_shim_outputs &o) const;
    int  wb_beat(const model_shim_outputs &o);   // returns the bus event (wb_mem_event)
    void fetch(unsigned port, uint32_t addr);
    void ext_access();
    void drive_inputs();
    void invalidate_dmi(sc_dt::uint64 start, sc_dt::uint64 end);
    void roi_update();

    outrider_sc_core_params p_;
    std::unique_ptr<Voutrider_soc> soc_;
    std::unique_ptr<VerilatedFstSc> fst_;
    unsigned reset_left_ = 4;
    outrider_stats stats_{};
    roi_tracker rois_{};
    unsigned roi_last_ = 0;

    // Wishbone slave state (same rules as tb/common/wb_mem.c)
    std::deque<pending> fifo_;
    bool     stall_ = false, in_burst_ = false;
    uint32_t accesses_ = 0;
    uint64_t last_due_ = 0;
    // instruction ports, one per lane of the core
    uint32_t imem_rdata_[WB_MEM_IPORTS] = {};
    bool     imem_err_[WB_MEM_IPORTS] = {};
    tlm::tlm_dmi dmi_;
    bool     dmi_valid_ = false, dmi_tried_ = false;
    // Ext window
    uint32_t ext_rdata_ = 0;
    uint64_t io_busy_until_ = 0;   // io_ready_i low while cycles() < this

    // the SoC's ports
    // the SoC's clock: set at clk_i's rising edge, cleared at its falling edge
    sc_core::sc_signal<bool, sc_core::SC_MANY_WRITERS> mclk_;
    sc_core::sc_signal<bool> rst_n_, wb_cyc_, wb_stb_, wb_we_, wb_ack_,
        wb_err_, wb_stall_, tohost_en_, pex_enable_, ext_req_, ext_we_, io_ready_, perfect_,
        acc_valid_, acc_tid_, acc_spec_, fill_valid_, fill_tid_, fill_spec_, fill_pref_,
        wbk_valid_, wbk_tid_, evict_valid_, evict_useless_, evict_spared_, dbg_hit_, dbg_dirty_any_,
        pex_dist_set_, dpf_valid_, dpf_tid_, dpf_spec_;
    sc_core::sc_signal<uint32_t> wb_sel_, wb_cti_, wb_bte_, meip_, retire_valid_, retire_rd_we_,
        trap_valid_, ctx_active_, ctx_pthread_, pex_event_, ext_be_, acc_op_, acc_cls_,
        mshr_full_, retire_rd_, ext_addr_, imem_req_, imem_err_s_, dport_lost_, wb_adr_, wb_dat_o_,
        wb_dat_i_, tohost_addr_, ext_wdata_, ext_rdata_s_, acc_addr_, fill_addr_, wbk_addr_,
        evict_addr_, dbg_addr_, dbg_data_, pipe_valid_, pipe_tid_, pipe_flags_,
        pex_dist_s_, pex_hold_, dpf_addr_, core_ev_, retire_rd_late_, late_we_, late_rd_;
    sc_core::sc_signal<bool> console_err_;
    sc_core::sc_signal<sc_dt::sc_bv<320>> params_;
    sc_core::sc_signal<sc_dt::sc_bv<320>> pipe_pc_, pipe_insn_;
    sc_core::sc_signal<uint64_t> imem_addr_, imem_rdata_s_, retire_pc_, retire_insn_, retire_rd_wdata_, retire_addr_,
        trap_cause_, trap_tval_, late_wdata_;
};

#endif
