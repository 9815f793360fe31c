// SPDX-License-Identifier: Apache-2.0
// outrider_sc_core.cpp - see outrider_sc_core.h for the contract.
//
// The SoC's clock is an internal signal that follows clk_i one delta
// later, so that its inputs can change together with its clock at the
// falling edge (one model evaluation per edge, like the C test bench).
// One clock cycle, seen from the rising edge of clk_i that ends cycle N
// (the SoC's outputs read here are cycle N's settled values; the SoC's own
// rising edge follows in the next delta):
//   1. the Wishbone beat accepted in cycle N (cyc && stb && !stall) becomes
//      a b_transport on mem_socket; its answer is queued for the cycle the
//      annotated delay gives; cyc low aborts every answer in flight;
//   2. the instruction fetch of cycle N reads RAM (after that beat);
//   3. a device access of cycle N becomes a b_transport on ext_socket;
//   4. statistics and events of cycle N (tb/lib/cycle_stats.c);
//   5. at the falling edge, the inputs of cycle N+1 are written with the
//      SoC's clock going low (ack/err/data due then, stall, fetch data,
//      Ext read data, io_ready).
// This is the C test bench's cycle (tb/lib/outrider_sim.c) with its
// memory model's rules (tb/common/wb_mem.c), so the cycle counts agree.
#include "outrider_sc_core.h"

#include <cstdio>
#include <cstring>

#include "Voutrider_soc.h"
#include "Voutrider_soc___024root.h"   // the roi CSR (as tb/lib/model_shim.cpp reads it)
#include "verilated.h"
#include "verilated_fst_sc.h"

extern "C" {
#include "cycle_stats.h"
#include "wb_mem.h"
}

using namespace sc_core;

namespace {
constexpr uint8_t kCtiConst = 1, kCtiIncr = 2;

uint64_t cycles_of(const sc_time &delay, const sc_time &period)
{
    if (delay <= SC_ZERO_TIME)
        return 0;
    const double n = delay / period;
    uint64_t c = static_cast<uint64_t>(n);
    return (static_cast<double>(c) < n) ? c + 1 : c;   // round up
}
}  // namespace

outrider_sc_core::outrider_sc_core(sc_module_name name, const outrider_sc_core_params &p)
    : sc_module(name), clk_i("clk_i"), console_valid_o("console_valid_o"),
      console_data_o("console_data_o"), exit_valid_o("exit_valid_o"),
      exit_tohost_o("exit_tohost_o"), exit_value_o("exit_value_o"), mem_socket("mem_socket"),
      ext_socket("ext_socket"), p_(p)
{
    if (p_.mem_outstanding == 0)
        p_.mem_outstanding = 1;
    Verilated::randReset(0);   // deterministic: uninitialised state is 0, as in smtsim
    soc_.reset(new Voutrider_soc("soc"));
    Voutrider_soc &s = *soc_;
    s.clk_i(mclk_);
    s.rst_ni(rst_n_);
    s.imem_req_o(imem_req_);
    s.imem_addr_o(imem_addr_);
    s.imem_rdata_i(imem_rdata_s_);
    s.imem_err_i(imem_err_s_);
    s.wb_cyc_o(wb_cyc_);
    s.wb_stb_o(wb_stb_);
    s.wb_we_o(wb_we_);
    s.wb_adr_o(wb_adr_);
    s.wb_sel_o(wb_sel_);
    s.wb_dat_o(wb_dat_o_);
    s.wb_cti_o(wb_cti_);
    s.wb_bte_o(wb_bte_);
    s.wb_dat_i(wb_dat_i_);
    s.wb_ack_i(wb_ack_);
    s.wb_err_i(wb_err_);
    s.wb_stall_i(wb_stall_);
    s.meip_i(meip_);
    s.tohost_en_i(tohost_en_);
    s.tohost_addr_i(tohost_addr_);
    s.console_valid_o(console_valid_o);
    s.console_data_o(console_data_o);
    s.exit_valid_o(exit_valid_o);
    s.exit_tohost_o(exit_tohost_o);
    s.exit_value_o(exit_value_o);
    s.retire_valid_o(retire_valid_);
    s.retire_pc_o(retire_pc_);
    s.retire_insn_o(retire_insn_);
    s.retire_rd_we_o(retire_rd_we_);
    s.retire_rd_o(retire_rd_);
    s.retire_rd_wdata_o(retire_rd_wdata_);
    s.retire_addr_o(retire_addr_);
    s.retire_rd_late_o(retire_rd_late_);
    s.late_we_o(late_we_);
    s.late_rd_o(late_rd_);
    s.late_wdata_o(late_wdata_);
    s.trap_valid_o(trap_valid_);
    s.trap_cause_o(trap_cause_);
    s.trap_tval_o(trap_tval_);
    s.ctx_active_o(ctx_active_);
    s.ctx_pthread_o(ctx_pthread_);
    s.pex_event_o(pex_event_);
    s.pex_enable_i(pex_enable_);
    s.pex_dist_set_i(pex_dist_set_);   // pexdist: the SoC's default (low)
    s.pex_dist_i(pex_dist_s_);
    s.pex_hold_o(pex_hold_);
    s.core_ev_o(core_ev_);
    s.dpf_valid_o(dpf_valid_);
    s.dpf_tid_o(dpf_tid_);
    s.dpf_spec_o(dpf_spec_);
    s.dpf_addr_o(dpf_addr_);
    s.ext_req_o(ext_req_);
    s.ext_we_o(ext_we_);
    s.ext_addr_o(ext_addr_);
    s.ext_wdata_o(ext_wdata_);
    s.ext_be_o(ext_be_);
    s.ext_rdata_i(ext_rdata_s_);
    s.io_ready_i(io_ready_);
    s.perfect_dcache_i(perfect_);
    s.dc_ev_acc_valid_o(acc_valid_);
    s.dc_ev_acc_tid_o(acc_tid_);
    s.dc_ev_acc_spec_o(acc_spec_);
    s.dc_ev_acc_op_o(acc_op_);
    s.dc_ev_acc_cls_o(acc_cls_);
    s.dc_ev_acc_addr_o(acc_addr_);
    s.dc_ev_fill_valid_o(fill_valid_);
    s.dc_ev_fill_tid_o(fill_tid_);
    s.dc_ev_fill_spec_o(fill_spec_);
    s.dc_ev_fill_pref_o(fill_pref_);
    s.dc_ev_fill_addr_o(fill_addr_);
    s.dc_ev_wb_valid_o(wbk_valid_);
    s.dc_ev_wb_tid_o(wbk_tid_);
    s.dc_ev_wb_addr_o(wbk_addr_);
    s.dc_ev_evict_valid_o(evict_valid_);
    s.dc_ev_evict_useless_o(evict_useless_);
    s.dc_ev_evict_spared_o(evict_spared_);
    s.dc_ev_evict_addr_o(evict_addr_);
    s.dc_ev_mshr_full_o(mshr_full_);
    s.dbg_addr_i(dbg_addr_);
    s.dbg_hit_o(dbg_hit_);
    s.dbg_data_o(dbg_data_);
    s.dbg_dirty_any_o(dbg_dirty_any_);
    s.console_err_o(console_err_);
    s.params_o(params_);
    s.dbg_pipe_valid_o(pipe_valid_);
    s.dbg_pipe_tid_o(pipe_tid_);
    s.dbg_pipe_pc_o(pipe_pc_);
    s.dbg_pipe_insn_o(pipe_insn_);
    s.dbg_pipe_flags_o(pipe_flags_);
    s.dport_lost_o(dport_lost_);
    roi_tracker_init(&rois_);

    // constant inputs (values of the C shim: model_shim_create)
    pex_enable_.write(!p_.no_preexec);
    perfect_.write(p_.perfect_dcache);
    io_ready_.write(true);

    stats_.num_ctx = MODEL_SHIM_NUM_CTX;
    mem_socket.register_invalidate_direct_mem_ptr(this, &outrider_sc_core::invalidate_dmi);

    SC_METHOD(on_posedge);
    sensitive << clk_i.pos();
    dont_initialize();
    SC_METHOD(on_negedge);
    sensitive << clk_i.neg();
    dont_initialize();
}

outrider_sc_core::~outrider_sc_core()
{
    trace_close();
    if (soc_)
        soc_->final();
    roi_tracker_free(&rois_);
}

void outrider_sc_core::set_tohost(bool enable, uint32_t addr)
{
    tohost_en_.write(enable);
    tohost_addr_.write(enable ? addr : 0);
}

int outrider_sc_core::trace_open(const char *path)
{
    if (fst_ || !path)
        return -1;
    std::FILE *probe = std::fopen(path, "wb");   // the writer does not report this
    if (!probe)
        return -1;
    std::fclose(probe);
    try {
        fst_.reset(new VerilatedFstSc);
        soc_->trace(fst_.get(), 99);
        fst_->open(path);
    } catch (...) {
        fst_.reset();
        return -1;
    }
    if (!fst_->isOpen()) {
        fst_.reset();
        return -1;
    }
    return 0;
}

void outrider_sc_core::trace_close()
{
    if (!fst_)
        return;
    fst_->flush();
    fst_->close();
    // The kernel keeps a pointer to every trace file it was given, so the
    // writer lives as long as the kernel does (one platform per process).
    fst_.release();
}

void outrider_sc_core::invalidate_dmi(sc_dt::uint64, sc_dt::uint64)
{
    dmi_valid_ = false;
    dmi_tried_ = false;
}

void outrider_sc_core::sample(model_shim_outputs &o) const
{
    o.imem_req = imem_req_.read();
    for (unsigned l = 0; l < WB_MEM_IPORTS; l++)
        o.imem_addr[l] = static_cast<uint32_t>(imem_addr_.read() >> (32 * l));
    o.dport_lost = dport_lost_.read();
    o.wb_cyc = wb_cyc_.read();
    o.wb_stb = wb_stb_.read();
    o.wb_we = wb_we_.read();
    o.wb_sel = static_cast<uint8_t>(wb_sel_.read());
    o.wb_cti = static_cast<uint8_t>(wb_cti_.read());
    o.wb_bte = static_cast<uint8_t>(wb_bte_.read());
    o.wb_adr = wb_adr_.read();
    o.wb_dat = wb_dat_o_.read();
    o.console_valid = console_valid_o.read();
    o.console_data = static_cast<uint8_t>(console_data_o.read());
    o.exit_valid = exit_valid_o.read();
    o.exit_tohost = exit_tohost_o.read();
    o.exit_value = exit_value_o.read();
    o.retire_valid = retire_valid_.read();
    o.retire_late = retire_rd_late_.read();
    o.late_we = late_we_.read();
    o.pipe_valid = pipe_valid_.read();
    for (unsigned l = 0; l < MODEL_SHIM_NUM_CTX; l++)
        o.pipe_flags[l] = (pipe_flags_.read() >> (16 * l)) & 0xFFFFu;
    o.ctx_active = ctx_active_.read();
    o.ctx_pthread = ctx_pthread_.read();
    o.pex_event = static_cast<uint8_t>(pex_event_.read());
    o.pex_hold = pex_hold_.read();
    o.core_ev = core_ev_.read();
    o.pf_valid = dpf_valid_.read() ? 1 : 0;
    o.pf_tid = dpf_tid_.read() ? 1 : 0;
    o.pf_spec = dpf_spec_.read() ? 1 : 0;
    o.pf_addr = dpf_addr_.read();
    o.dc_acc_valid = acc_valid_.read();
    o.dc_acc_tid = acc_tid_.read();
    o.dc_acc_spec = acc_spec_.read();
    o.dc_acc_op = static_cast<uint8_t>(acc_op_.read());
    o.dc_acc_cls = static_cast<uint8_t>(acc_cls_.read());
    o.dc_acc_addr = acc_addr_.read();
    o.dc_fill_valid = fill_valid_.read();
    o.dc_fill_tid = fill_tid_.read();
    o.dc_fill_spec = fill_spec_.read();
    o.dc_fill_pref = fill_pref_.read();
    o.dc_fill_addr = fill_addr_.read();
    o.dc_wb_valid = wbk_valid_.read();
    o.dc_wb_tid = wbk_tid_.read();
    o.dc_wb_addr = wbk_addr_.read();
    o.dc_evict_valid = evict_valid_.read();
    o.dc_evict_useless = evict_useless_.read();
    o.dc_evict_spared = evict_spared_.read();
    o.dc_evict_addr = evict_addr_.read();
    o.dc_mshr_full = mshr_full_.read();
    o.trap_valid = trap_valid_.read();
}

// One accepted beat -> one b_transport (wb_mem.c accept()).
int outrider_sc_core::wb_beat(const model_shim_outputs &o)
{
    const uint64_t now = stats_.cycles;
    const bool first = !in_burst_;
    const bool more = o.wb_cti == kCtiIncr || o.wb_cti == kCtiConst;

    uint8_t data[4], be[4];
    for (unsigned b = 0; b < 4; b++) {
        data[b] = static_cast<uint8_t>(o.wb_dat >> (8 * b));
        be[b] = (o.wb_sel >> b) & 1u ? 0xFF : 0x00;
    }
    outrider_wb_ext ext;
    ext.first = first;
    ext.last = !more;
    ext.cti = o.wb_cti;
    tlm::tlm_generic_payload gp;
    gp.set_command(o.wb_we ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    gp.set_address(o.wb_adr & ~3u);
    gp.set_data_ptr(data);
    gp.set_data_length(4);
    gp.set_streaming_width(4);
    gp.set_byte_enable_ptr(o.wb_we ? be : nullptr);
    gp.set_byte_enable_length(o.wb_we ? 4 : 0);
    gp.set_dmi_allowed(false);
    gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    gp.set_extension(&ext);
    sc_time delay = SC_ZERO_TIME;
    mem_socket->b_transport(gp, delay);
    gp.clear_extension(&ext);

    pending a;
    a.err = !gp.is_response_ok();
    a.dat = a.err || o.wb_we ? 0
          : static_cast<uint32_t>(data[0]) | static_cast<uint32_t>(data[1]) << 8 |
            static_cast<uint32_t>(data[2]) << 16 | static_cast<uint32_t>(data[3]) << 24;
    a.last = !more;
    uint64_t due = now + cycles_of(delay, p_.period);
    if (due <= now)
        due = now + 1;                       // answered in a later cycle at the earliest
    if (!fifo_.empty() && due <= last_due_)
        due = last_due_ + 1;                 // in order, one answer per cycle
    a.due = due;
    last_due_ = due;
    fifo_.push_back(a);
    if (o.wb_we) {
        stats_.wb_writes++;
        stats_.wb_write_accesses += first;
    } else {
        stats_.wb_reads++;
        stats_.wb_read_accesses += first;
    }
    if (first)
        accesses_++;
    in_burst_ = more;
    return first ? WB_MEM_ACCESS : WB_MEM_BEAT;
}

// Instruction port `port`: the word at addr as RAM holds it now.
void outrider_sc_core::fetch(unsigned port, uint32_t addr)
{
    addr &= ~3u;
    if (!dmi_valid_ && !dmi_tried_) {
        tlm::tlm_generic_payload gp;
        gp.set_command(tlm::TLM_READ_COMMAND);
        gp.set_address(addr);
        dmi_tried_ = true;
        dmi_valid_ = mem_socket->get_direct_mem_ptr(gp, dmi_) && dmi_.is_read_allowed();
    }
    if (dmi_valid_ && addr >= dmi_.get_start_address() && addr + 3ull <= dmi_.get_end_address()) {
        const unsigned char *p = dmi_.get_dmi_ptr() + (addr - dmi_.get_start_address());
        imem_rdata_[port] = static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
                            static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
        imem_err_[port] = false;
        return;
    }
    uint8_t data[4] = {0, 0, 0, 0};
    tlm::tlm_generic_payload gp;
    gp.set_command(tlm::TLM_READ_COMMAND);
    gp.set_address(addr);
    gp.set_data_ptr(data);
    gp.set_data_length(4);
    gp.set_streaming_width(4);
    gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_time delay = SC_ZERO_TIME;   // the port's timing is fixed: the delay is ignored
    mem_socket->b_transport(gp, delay);
    imem_err_[port] = !gp.is_response_ok();
    imem_rdata_[port] = imem_err_[port] ? 0
                : static_cast<uint32_t>(data[0]) | static_cast<uint32_t>(data[1]) << 8 |
                  static_cast<uint32_t>(data[2]) << 16 | static_cast<uint32_t>(data[3]) << 24;
}

void outrider_sc_core::ext_access()
{
    const bool we = ext_we_.read();
    const uint32_t wdata = ext_wdata_.read(), sel = ext_be_.read();
    uint8_t data[4], be[4];
    for (unsigned b = 0; b < 4; b++) {
        data[b] = we ? static_cast<uint8_t>(wdata >> (8 * b)) : 0;
        be[b] = (sel >> b) & 1u ? 0xFF : 0x00;
    }
    tlm::tlm_generic_payload gp;
    gp.set_command(we ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    gp.set_address(OUTRIDER_EXT_BASE | (ext_addr_.read() & 0xFFFCu));
    gp.set_data_ptr(data);
    gp.set_data_length(4);
    gp.set_streaming_width(4);
    gp.set_byte_enable_ptr(be);
    gp.set_byte_enable_length(4);
    gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_time delay = SC_ZERO_TIME;
    ext_socket->b_transport(gp, delay);
    if (!we)
        ext_rdata_ = gp.is_response_ok()
                   ? static_cast<uint32_t>(data[0]) | static_cast<uint32_t>(data[1]) << 8 |
                     static_cast<uint32_t>(data[2]) << 16 | static_cast<uint32_t>(data[3]) << 24
                   : 0;
    // Devices have no error path in the SoC: an error response reads 0.
    const uint64_t busy = cycles_of(delay, p_.period);
    if (busy > 1)
        io_busy_until_ = stats_.cycles + busy;   // cycles N+1 .. N+busy-1 wait
}

// wb_mem_drive(): the slave's outputs for the cycle about to start.
void outrider_sc_core::drive_inputs()
{
    const uint64_t now = stats_.cycles;
    bool ack = false, err = false;
    uint32_t dat = 0;
    if (!fifo_.empty() && fifo_.front().due == now) {
        const pending &a = fifo_.front();
        ack = !a.err;
        err = a.err;
        dat = a.err ? 0 : a.dat;
        if (a.last)
            accesses_--;
        fifo_.pop_front();
    }
    stall_ = !in_burst_ && accesses_ >= p_.mem_outstanding;
    wb_ack_.write(ack);
    wb_err_.write(err);
    wb_dat_i_.write(dat);
    wb_stall_.write(stall_);
    uint64_t rdata = 0;
    uint32_t ierr = 0;
    for (unsigned l = 0; l < WB_MEM_IPORTS; l++) {
        rdata |= static_cast<uint64_t>(imem_rdata_[l]) << (32 * l);
        ierr |= imem_err_[l] ? 1u << l : 0u;
    }
    imem_rdata_s_.write(rdata);
    imem_err_s_.write(ierr);
    ext_rdata_s_.write(ext_rdata_);
    io_ready_.write(now >= io_busy_until_);
}

void outrider_sc_core::on_posedge()
{
    mclk_.write(true);       // the SoC's rising edge, one delta later
    if (reset_left_ > 0) {   // rst_ni low for 4 rising edges, not counted
        reset_left_--;
        return;
    }
    roi_update();            // the roi CSR after the previous edge (as smtsim)
    model_shim_outputs o;
    sample(o);
    int bus = WB_MEM_IDLE;
    wb_mem_req req = {};
    req.cyc = o.wb_cyc;
    req.stb = o.wb_stb;
    req.we = o.wb_we;
    req.adr = o.wb_adr;
    req.sel = o.wb_sel;
    req.cti = o.wb_cti;
    req.dat = o.wb_dat;
    for (unsigned l = 0; l < WB_MEM_IPORTS; l++) {
        req.imem_req[l] = (o.imem_req >> l) & 1u;
        req.imem_addr[l] = o.imem_addr[l];
    }
    if (!o.wb_cyc) {   // B4: cyc low aborts every request in flight
        fifo_.clear();
        accesses_ = 0;
        in_burst_ = false;
    } else if (o.wb_stb && !stall_) {
        bus = wb_beat(o);
    }
    for (unsigned l = 0; l < WB_MEM_IPORTS; l++)
        if ((o.imem_req >> l) & 1u)
            fetch(l, o.imem_addr[l]);
    if (ext_req_.read())
        ext_access();
    cycle_stats_sample(&stats_, &o, stats_.cycles, static_cast<wb_mem_event>(bus), &req, p_.log);
    stats_.cycles++;
}

void outrider_sc_core::params(model_shim_params *p) const
{
    const sc_dt::sc_bv<320> w = params_.read();   // ten 32-bit words, word 0 = NumCtx
    auto word = [&](int i) { return static_cast<unsigned>(w.range(32 * i + 31, 32 * i).to_uint()); };
    p->num_ctx = word(0);
    p->pause_cycles = word(1);
    p->select_policy = word(2);
    p->store_buf_entries = word(3);
    p->default_budget = word(4);
    p->dcache_bytes = word(5);
    p->dcache_ways = word(6);
    p->dcache_line = word(7);
    p->dcache_mshrs = word(8);
    // word 9: DcachePrefetch | NbLoads << 8 | DcachePosted << 16 |
    // PexMissWait << 20 | PexMshrReserve << 24 (as tb/lib/model_shim.cpp)
    p->dcache_prefetch = word(9) & 0xFFu;
    p->nb_loads = (word(9) >> 8) & 0xFFu;
    p->dcache_posted = (word(9) >> 16) & 0xFu;
    p->pex_miss_wait = (word(9) >> 20) & 0xFu;
    p->pex_mshr_reserve = word(9) >> 24;
}

unsigned outrider_sc_core::roi() const
{
    return soc_->rootp->outrider_soc__DOT__u_core__DOT__u_csr_file__DOT__roi_q & 1u;
}

void outrider_sc_core::roi_update()
{
    const unsigned r = roi();
    if (r != roi_last_) {
        roi_last_ = r;
        roi_tracker_cycle(&rois_, r, &stats_);
    }
}

const outrider_roi *outrider_sc_core::rois(size_t *count)
{
    if (reset_left_ == 0)
        roi_update();        // the state after the last edge
    return roi_tracker_list(&rois_, &stats_, count);
}

// The falling edge starts the next cycle: its inputs change together with
// the SoC's clock, so the model evaluates once (as in the C test bench).
void outrider_sc_core::on_negedge()
{
    mclk_.write(false);
    if (reset_left_ > 0)
        return;
    rst_n_.write(true);      // after the 4th reset edge (a no-op later)
    drive_inputs();
}
