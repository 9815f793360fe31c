// SPDX-License-Identifier: Apache-2.0
// outrider_sc_platform.cpp - the platform (outrider_sc_platform.h) and the C
// API of smtsim-sc (outrider_sc.h).
#include "outrider_sc_platform.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <new>

#include "verilated.h"

extern "C" {
#include "elf_load.h"
#include "outrider_sc.h"
#include "stats_json.h"
}
#include <sha2.h>   // libmd: the ELF's SHA-256 for the statistics (as outrider_sim.c)

using namespace sc_core;

// ---- console / exit / run control ----------------------------------------
outrider_sc_simctrl::outrider_sc_simctrl(sc_module_name name, const outrider_sc_core &core,
                                         console_buf *console, console_buf *console_err,
                                         uint64_t max_cycles)
    : sc_module(name), clk_i("clk_i"), console_valid_i("console_valid_i"),
      exit_valid_i("exit_valid_i"), exit_tohost_i("exit_tohost_i"),
      console_data_i("console_data_i"), exit_value_i("exit_value_i"), core_(core),
      console_(console), console_err_(console_err), max_cycles_(max_cycles)
{
    SC_METHOD(on_posedge);
    sensitive << clk_i.pos();
    dont_initialize();
    SC_METHOD(on_negedge);
    sensitive << clk_i.neg();
    dont_initialize();
}

void outrider_sc_simctrl::on_posedge()
{
    if (exited_)
        return;
    if (console_valid_i.read()) {
        console_buf *c = core_.console_err() ? console_err_ : console_;
        if (c)
            console_buf_put(c, static_cast<uint8_t>(console_data_i.read()));
    }
    if (exit_valid_i.read()) {
        const uint32_t v = exit_value_i.read();
        // tohost: 1 = pass, (code << 1) | 1 = fail with code (docs/memory-map.md)
        exit_code_ = exit_tohost_i.read() ? (v == 1 ? 0 : static_cast<int>(v >> 1))
                                          : static_cast<int>(v);
        exited_ = true;
    }
}

void outrider_sc_simctrl::on_negedge()
{
    if (exited_) {
        sc_stop();
    } else if (max_cycles_ && core_.cycles() >= max_cycles_) {
        limit_ = true;
        sc_stop();
    }
}

// ---- the platform ----------------------------------------------------------
outrider_sc_platform::outrider_sc_platform(sc_module_name name,
                                           const outrider_sc_platform_params &p)
    : sc_module(name),
      clk("clk", p.core.period, 0.5, SC_ZERO_TIME, false),
      core("core", p.core),
      mem("mem", p.ram, p.mem_latency, p.core.period),
      crc("crc", OUTRIDER_EXT_BASE, p.core.period),
      ctrl("ctrl", core, p.console, p.console_err, p.max_cycles)
{
    core.clk_i(clk);
    core.console_valid_o(console_valid_);
    core.console_data_o(console_data_);
    core.exit_valid_o(exit_valid_);
    core.exit_tohost_o(exit_tohost_);
    core.exit_value_o(exit_value_);
    core.mem_socket.bind(mem.socket);
    core.ext_socket.bind(crc.socket);
    ctrl.clk_i(clk);
    ctrl.console_valid_i(console_valid_);
    ctrl.console_data_i(console_data_);
    ctrl.exit_valid_i(exit_valid_);
    ctrl.exit_tohost_i(exit_tohost_);
    ctrl.exit_value_i(exit_value_);
}

// ---- C API -------------------------------------------------------------------
namespace {
constexpr unsigned kErrLen = 512;
constexpr uint32_t kMaxRam = 1u << 30;
bool g_created = false;   // SystemC: one kernel per process (outrider_sc.h)
}  // namespace

struct outrider_sc {
    outrider_config cfg;
    wb_mem *ram = nullptr;
    console_buf console;
    console_buf console_err;      // the error console (MMIO console_err)
    event_log events;
    const char *status_name = nullptr;   // outrider_sc_set_status_name
    char elf_path[1024] = "";
    char elf_sha256[65] = "";
    elf_image image;
    bool loaded = false;
    outrider_sc_platform *platform = nullptr;   // owned by the kernel's lifetime
    outrider_status status = OUTRIDER_RUNNING;
    mutable outrider_stats stats;   // refreshed by outrider_sc_stats()
    char err[kErrLen];
};

static void set_err(outrider_sc *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
}

extern "C" {

void outrider_sc_config_default(outrider_config *cfg)
{
    std::memset(cfg, 0, sizeof *cfg);
    cfg->ram_size = OUTRIDER_DEFAULT_RAM;
    cfg->mem_latency = OUTRIDER_DEFAULT_LATENCY;
    cfg->mem_outstanding = 4;
    cfg->max_cycles = 100000000ull;
    cfg->console = stdout;
    cfg->console_err = stderr;
}

outrider_sc *outrider_sc_create(const outrider_config *cfg, char *err, size_t errlen)
{
    auto fail = [&](const char *why) -> outrider_sc * {
        if (err && errlen)
            std::snprintf(err, errlen, "%s", why);
        return nullptr;
    };
    if (!cfg)
        return fail("no configuration");
    if (cfg->ram_size == 0 || cfg->ram_size % 4 != 0 || cfg->ram_size > kMaxRam)
        return fail("ram_size must be a non-zero multiple of 4 bytes, at most 1 GiB");
    if (cfg->mem_outstanding == 0)
        return fail("mem_outstanding must be at least 1");
    if (g_created)
        return fail("a SystemC platform was already created in this process");
    outrider_sc *s = new (std::nothrow) outrider_sc;
    if (!s)
        return fail("out of memory");
    s->cfg = *cfg;
    s->cfg.trace_path = nullptr;
    std::memset(&s->stats, 0, sizeof s->stats);
    std::memset(&s->image, 0, sizeof s->image);
    s->err[0] = '\0';
    console_buf_init(&s->console, cfg->console);
    console_buf_init(&s->console_err, cfg->console_err);
    event_log_init(&s->events);
    s->ram = wb_mem_create(OUTRIDER_RAM_BASE, cfg->ram_size, 0, 1);
    if (!s->ram) {
        if (err && errlen)
            std::snprintf(err, errlen, "out of memory (RAM of %u bytes)",
                          static_cast<unsigned>(cfg->ram_size));
        outrider_sc_destroy(s);
        return nullptr;
    }
    g_created = true;
    // sc_stop()'s "Simulation stopped by user." and other infos would go to
    // stdout, mixed with the program's console: keep them quiet.
    sc_report_handler::set_actions(SC_INFO, SC_DO_NOTHING);
    if (cfg->trace_path)
        Verilated::traceEverOn(true);
    outrider_sc_platform_params p;
    p.core.mem_outstanding = cfg->mem_outstanding;
    p.core.perfect_dcache = cfg->perfect_dcache != 0;
    p.core.no_preexec = cfg->no_preexec != 0;
    p.core.log = cfg->event_log ? &s->events : nullptr;
    p.ram = s->ram;
    // perfect data cache: the uncached path behind a 0-latency memory (as smtsim)
    p.mem_latency = cfg->perfect_dcache ? 0 : cfg->mem_latency;
    p.max_cycles = cfg->max_cycles;
    p.console = &s->console;
    p.console_err = &s->console_err;
    try {
        s->platform = new outrider_sc_platform("outrider", p);
        sc_start(SC_ZERO_TIME);   // end of elaboration (a trace needs it)
    } catch (const std::exception &e) {
        if (err && errlen)
            std::snprintf(err, errlen, "SystemC elaboration failed: %s", e.what());
        s->platform = nullptr;
        outrider_sc_destroy(s);
        return nullptr;
    }
    if (cfg->trace_path && s->platform->core.trace_open(cfg->trace_path) != 0) {
        if (err && errlen)
            std::snprintf(err, errlen, "cannot create trace file %s", cfg->trace_path);
        outrider_sc_destroy(s);
        return nullptr;
    }
    return s;
}

void outrider_sc_destroy(outrider_sc *s)
{
    if (!s)
        return;
    if (s->cfg.console)
        std::fflush(s->cfg.console);
    if (s->platform)
        s->platform->core.trace_close();
    // The platform stays: the kernel holds pointers into it until the
    // process ends (nothing simulates after this, so the RAM can go).
    wb_mem_destroy(s->ram);
    elf_image_free(&s->image);
    console_buf_free(&s->console);
    console_buf_free(&s->console_err);
    event_log_free(&s->events);
    delete s;
}

int outrider_sc_load_elf(outrider_sc *s, const char *path)
{
    if (s->platform->core.cycles() != 0) {
        set_err(s, "%s: load the ELF before the simulation starts", path ? path : "(null)");
        return OUTRIDER_ERR_ARG;
    }
    elf_image img;
    int rc = elf_load(path, s->ram, OUTRIDER_RAM_BASE, &img, s->err, sizeof s->err);
    if (rc != OUTRIDER_OK)
        return rc;
    elf_image_free(&s->image);
    s->image = img;
    s->loaded = true;
    std::snprintf(s->elf_path, sizeof s->elf_path, "%s", path);
    if (!SHA256File(path, s->elf_sha256))
        s->elf_sha256[0] = '\0';
    uint32_t tohost = 0;
    const bool has_tohost = elf_image_lookup(&s->image, "tohost", &tohost) == 0;
    s->platform->core.set_tohost(has_tohost, tohost);
    s->err[0] = '\0';
    return OUTRIDER_OK;
}

outrider_status outrider_sc_step(outrider_sc *s, uint64_t n)
{
    if (s->status != OUTRIDER_RUNNING || n == 0)
        return s->status;
    const sc_time period = s->platform->clk.period();
    if (sc_get_status() != SC_STOPPED)
        sc_start(period * static_cast<double>(n));
    if (s->platform->ctrl.exited())
        s->status = OUTRIDER_EXITED;
    else if (s->platform->ctrl.limit_reached())
        s->status = OUTRIDER_CYCLE_LIMIT;
    if (s->status == OUTRIDER_CYCLE_LIMIT)
        set_err(s, "cycle limit %llu reached", static_cast<unsigned long long>(s->cfg.max_cycles));
    if (s->status != OUTRIDER_RUNNING && s->cfg.console)
        std::fflush(s->cfg.console);
    return s->status;
}

int outrider_sc_exit_code(const outrider_sc *s) { return s->platform->ctrl.exit_code(); }
uint64_t outrider_sc_cycles(const outrider_sc *s) { return s->platform->core.cycles(); }

const outrider_stats *outrider_sc_stats(const outrider_sc *s)
{
    s->stats = s->platform->core.stats();
    s->stats.exit_code = s->platform->ctrl.exit_code();
    return &s->stats;
}

const char *outrider_sc_status_name(const outrider_sc *s)
{
    static const char *const names[] = { "running", "exited", "cycle_limit", "stopped" };
    if (s->status_name)
        return s->status_name;
    return static_cast<unsigned>(s->status) < sizeof names / sizeof names[0] ? names[s->status]
                                                                               : "unknown";
}

void outrider_sc_set_status_name(outrider_sc *s, const char *name) { s->status_name = name; }

int outrider_sc_write_stats_json(const outrider_sc *s, FILE *out)
{
    // the same record as smtsim's (tb/lib/stats_json.h): status, configuration,
    // model parameters, ELF and its hash, version, regions of interest
    stats_json_info x = {};
    x.status = outrider_sc_status_name(s);
    x.exited = s->status == OUTRIDER_EXITED;
    x.version = outrider_sim_version();
    x.cfg = &s->cfg;
    s->platform->core.params(&x.params);
    x.elf_path = s->loaded ? s->elf_path : nullptr;
    x.elf_sha256 = s->elf_sha256;
    x.rois = s->platform->core.rois(&x.nrois);
    return stats_json_write(outrider_sc_stats(s), &x, out) == 0 ? OUTRIDER_OK : OUTRIDER_ERR_FILE;
}

const char *outrider_sc_console(const outrider_sc *s, size_t *len)
{
    return console_buf_str(&s->console, len);
}

const outrider_event *outrider_sc_events(const outrider_sc *s, size_t *count)
{
    if (count)
        *count = s->events.n;
    return s->events.n ? s->events.v : nullptr;
}

const char *outrider_sc_error(const outrider_sc *s) { return s->err; }

}  // extern "C"

// libsystemc refers to sc_main (its own main() calls it). smtsim-sc has a C
// main() of its own and drives the kernel through the API above, so this
// one only runs if a program links the platform without a main().
int sc_main(int, char **)
{
    std::fputs("outrider_sc: sc_main called; link a main() that uses outrider_sc.h\n", stderr);
    return 2;
}
