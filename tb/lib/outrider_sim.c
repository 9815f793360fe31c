// SPDX-License-Identifier: Apache-2.0
/* outrider_sim.c - the simulator handle: model + RAM + ELF image, the
 * per-cycle protocol, console capture, exit detection, statistics and the
 * event log (API contract in outrider_sim.h; counters in tb/lib/cycle_stats.c).
 *
 * One clock cycle:
 *   1. drive the inputs of this cycle: instruction data for last cycle's
 *      fetch, the Wishbone answer due now, stall;
 *   2. clk = 0, eval; sample the outputs (console byte, exit, retirement,
 *      context activity, the fetch and the Wishbone request of this cycle);
 *   3. clk = 1, eval (the rising edge).
 * Trace time: 10 ns per cycle (1 ps units), falling phase at 10c ns, rising
 * edge at 10c + 5 ns, counted from the start of reset.
 */
#include "outrider_sim.h"

#include <sha2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "console_buf.h"
#include "cycle_stats.h"
#include "elf_load.h"
#include "event_log.h"
#include "model_shim.h"
#include "pipeview.h"
#include "progress.h"
#include "roi.h"
#include "stats_json.h"
#include "trap_watch.h"
#include "wb_mem.h"

#define RESET_CYCLES   4u             /* rst_ni low at create, not counted */
#define HALF_PERIOD_PS 5000u
#define RESET_PC       OUTRIDER_RAM_BASE
#define MAX_RAM_SIZE   (1u << 30)
#define ERR_LEN        512

struct outrider_sim {
    outrider_config cfg;
    model_shim     *model;
    wb_mem         *mem;
    elf_image       image;
    bool            loaded;
    uint32_t        tohost_addr;    /* valid when the ELF has `tohost` */
    console_buf     console;
    progress        prog;
    bool            prog_started;
    outrider_status status;
    outrider_stats  stats;
    event_log       events;
    uint64_t        trace_time;
    outrider_retire_fn retire_fn;
    void           *retire_user;
    /* debug views (outrider_sim_set_trace_window, outrider_sim_pipeview_open) */
    uint64_t        trace_from, trace_to;   /* cycles [from, to) are traced */
    bool            trace_roi;              /* ... and only inside regions of interest */
    pipeview       *pv;
    FILE           *pv_file;
    char            err[ERR_LEN];
    /* regions of interest, failure reports, what the statistics JSON records */
    roi_tracker     rois;
    unsigned        roi;            /* the roi CSR after the last cycle */
    trap_watch      traps;
    outrider_trap_info trap;        /* valid when status is OUTRIDER_TRAP_* */
    const char     *status_name;    /* set by the tool, or NULL */
    char           *elf_path;       /* copy of the loaded ELF's path */
    char            elf_sha256[65]; /* its SHA-256 in hex ("" if unknown) */
    console_buf     console_err;    /* the error console (MMIO console_err) */
};

static void set_err(outrider_sim *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
}

void outrider_config_default(outrider_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->ram_size = OUTRIDER_DEFAULT_RAM;
    cfg->mem_latency = OUTRIDER_DEFAULT_LATENCY;
    cfg->mem_outstanding = 4;
    cfg->max_cycles = 100000000ull;
    cfg->trace_path = NULL;
    cfg->console = stdout;
    cfg->progress = 0;
    cfg->trap_stop = 1;
    cfg->console_err = stderr;
}

static const char *check_config(const outrider_config *cfg)
{
    if (cfg->ram_size == 0 || cfg->ram_size % 4 != 0 || cfg->ram_size > MAX_RAM_SIZE)
        return "ram_size must be a non-zero multiple of 4 bytes, at most 1 GiB";
    if (cfg->mem_outstanding == 0)
        return "mem_outstanding must be at least 1";
    return NULL;
}

/* Half cycles: set clk, evaluate, record the trace. */
static inline void half_cycle(outrider_sim *s, unsigned clk)
{
    model_shim_set_clk_i(s->model, clk);
    model_shim_eval(s->model);
    if (s->stats.cycles >= s->trace_from && s->stats.cycles < s->trace_to &&
        (!s->trace_roi || s->roi))
        model_shim_trace_dump(s->model, s->trace_time);
    s->trace_time += HALF_PERIOD_PS;
}

/* The model is built with SimRegInputs = 1 (tb/tb.mk): its port answers
 * pass a flip-flop, so the answers of cycle N+1 are driven before the
 * rising edge that ends cycle N (the memory model's answers depend only on
 * the requests it sampled up to cycle N). */
static void drive_next(outrider_sim *s)
{
    model_shim *m = s->model;
    wb_mem_resp in;
    wb_mem_drive(s->mem, &in);
    for (unsigned l = 0; l < WB_MEM_IPORTS; l++) {
        model_shim_set_imem_rdata_i(m, l, in.imem_rdata[l]);
        model_shim_set_imem_err_i(m, l, in.imem_err[l]);
    }
    model_shim_set_wb_dat_i(m, in.dat);
    model_shim_set_wb_ack_i(m, in.ack);
    model_shim_set_wb_err_i(m, in.err);
    model_shim_set_wb_stall_i(m, in.stall);
}

static void reset_model(outrider_sim *s)
{
    drive_next(s);      /* cycle 0's answers, loaded by every reset edge */
    model_shim_set_rst_ni(s->model, 0);
    for (unsigned i = 0; i < RESET_CYCLES; i++) {
        half_cycle(s, 0);
        half_cycle(s, 1);
    }
    model_shim_set_rst_ni(s->model, 1);
}

outrider_sim *outrider_sim_create(const outrider_config *cfg_in, char *err, size_t errlen)
{
    outrider_config defaults;
    if (!cfg_in) {
        outrider_config_default(&defaults);
        cfg_in = &defaults;
    }
    const char *why = check_config(cfg_in);
    if (why) {
        if (err && errlen)
            snprintf(err, errlen, "%s", why);
        return NULL;
    }
    outrider_sim *s = calloc(1, sizeof *s);
    if (!s) {
        if (err && errlen)
            snprintf(err, errlen, "out of memory");
        return NULL;
    }
    s->cfg = *cfg_in;
    s->cfg.trace_path = NULL;   /* not kept: the caller owns the string */
    console_buf_init(&s->console, s->cfg.console);
    console_buf_init(&s->console_err, s->cfg.console_err);
    roi_tracker_init(&s->rois);
    trap_watch_init(&s->traps);
    progress_init(&s->prog, s->cfg.progress ? stderr : NULL);
    event_log_init(&s->events);
    /* perfect data cache: the uncached path behind a 0-latency memory */
    s->mem = wb_mem_create(OUTRIDER_RAM_BASE, cfg_in->ram_size,
                           cfg_in->perfect_dcache ? 0 : cfg_in->mem_latency,
                           cfg_in->mem_outstanding);
    s->model = model_shim_create();
    if (!s->mem || !s->model) {
        if (err && errlen)
            snprintf(err, errlen, "out of memory (RAM of %u bytes and the model)",
                     (unsigned)cfg_in->ram_size);
        outrider_sim_destroy(s);
        return NULL;
    }
    if (cfg_in->trace_path && model_shim_trace_open(s->model, cfg_in->trace_path) != 0) {
        if (err && errlen)
            snprintf(err, errlen, "cannot create trace file %s", cfg_in->trace_path);
        outrider_sim_destroy(s);
        return NULL;
    }
    s->stats.num_ctx = model_shim_num_ctx(s->model);
    if (s->stats.num_ctx > OUTRIDER_MAX_CTX)
        s->stats.num_ctx = OUTRIDER_MAX_CTX;
    s->status = OUTRIDER_RUNNING;
    s->trace_to = UINT64_MAX;
    model_shim_set_pex_enable_i(s->model, cfg_in->no_preexec ? 0 : 1);
    model_shim_set_pex_dist_i(s->model, cfg_in->pex_dist_set ? 1 : 0, cfg_in->pex_dist);
    model_shim_set_perfect_dcache_i(s->model, cfg_in->perfect_dcache ? 1 : 0);
    reset_model(s);
    return s;
}

void outrider_sim_destroy(outrider_sim *s)
{
    if (!s)
        return;
    if (s->cfg.console)
        fflush(s->cfg.console);
    outrider_sim_pipeview_close(s);
    if (s->cfg.console_err)
        fflush(s->cfg.console_err);
    model_shim_destroy(s->model);
    wb_mem_destroy(s->mem);
    elf_image_free(&s->image);
    console_buf_free(&s->console);
    console_buf_free(&s->console_err);
    event_log_free(&s->events);
    roi_tracker_free(&s->rois);
    free(s->elf_path);
    free(s);
}

/* Keep the ELF's path and SHA-256 for the statistics JSON. */
static void sim_note_elf(outrider_sim *s, const char *path)
{
    free(s->elf_path);
    size_t n = strlen(path) + 1;
    s->elf_path = malloc(n);
    if (s->elf_path)
        memcpy(s->elf_path, path, n);
    if (!SHA256File(path, s->elf_sha256))
        s->elf_sha256[0] = '\0';
}

int outrider_sim_load_elf(outrider_sim *s, const char *path)
{
    if (s->stats.cycles != 0) {
        set_err(s, "%s: load the ELF before the simulation starts", path ? path : "(null)");
        return OUTRIDER_ERR_ARG;
    }
    elf_image img;
    int rc = elf_load(path, s->mem, RESET_PC, &img, s->err, sizeof s->err);
    if (rc != OUTRIDER_OK)
        return rc;
    elf_image_free(&s->image);
    s->image = img;
    s->loaded = true;
    uint32_t tohost = 0;
    bool has_tohost = elf_image_lookup(&s->image, "tohost", &tohost) == 0;
    model_shim_set_tohost_en_i(s->model, has_tohost);
    model_shim_set_tohost_addr_i(s->model, has_tohost ? tohost : 0);
    s->tohost_addr = has_tohost ? tohost : 0;
    sim_note_elf(s, path);
    s->err[0] = '\0';
    return OUTRIDER_OK;
}

static void deliver_retire(outrider_sim *s, uint32_t mask)
{
    outrider_retire rec[OUTRIDER_MAX_CTX];
    unsigned n = 0;
    for (unsigned c = 0; c < s->stats.num_ctx; c++) {
        if (!(mask & (1u << c)))
            continue;
        model_shim_retire r;
        model_shim_get_retire(s->model, c, &r);
        rec[n++] = (outrider_retire){
            .cycle = s->stats.cycles, .ctx = (uint8_t)c, .retire = r.retire,
            .pthread = r.pthread, .rd_we = r.rd_we, .rd = r.rd, .pc = r.pc, .insn = r.insn,
            .rd_wdata = r.rd_wdata, .rd_late = r.rd_late, .late_we = r.late_we,
            .late_rd = r.late_rd, .late_wdata = r.late_wdata, .addr = r.addr, .trap = r.trap,
            .trap_cause = r.trap_cause, .trap_tval = r.trap_tval,
        };
    }
    if (n && s->retire_fn(s->retire_user, rec, n) != 0 && s->status == OUTRIDER_RUNNING)
        s->status = OUTRIDER_STOPPED;
}

void outrider_sim_set_retire_hook(outrider_sim *s, outrider_retire_fn fn, void *user)
{
    s->retire_fn = fn;
    s->retire_user = user;
}

void outrider_sim_get_retire_hook(const outrider_sim *s, outrider_retire_fn *fn, void **user)
{
    *fn = s->retire_fn;
    *user = s->retire_user;
}

uint32_t outrider_sim_read_reg(const outrider_sim *s, unsigned ctx, unsigned reg)
{
    return ctx < s->stats.num_ctx ? model_shim_read_reg(s->model, ctx, reg) : 0;
}

/* The end of the trace window: close the FST (no more tracing cost) and
 * finish the pipeline view. */
static void end_debug_views(outrider_sim *s)
{
    model_shim_trace_close(s->model);
    if (s->pv)
        pipeview_finish(s->pv, s->stats.cycles);
}

/* The Wishbone counters live in the memory model: copy them into stats. */
static void sync_bus_stats(outrider_sim *s)
{
    s->stats.wb_reads = wb_mem_reads(s->mem);
    s->stats.wb_writes = wb_mem_writes(s->mem);
    s->stats.wb_read_accesses = wb_mem_read_accesses(s->mem);
    s->stats.wb_write_accesses = wb_mem_write_accesses(s->mem);
}

/* After the clock edge: the roi CSR (regions of interest) and the trap
 * watch (failure reports). */
static void sim_after_edge(outrider_sim *s)
{
    unsigned roi = model_shim_roi(s->model);
    if (roi != s->roi) {
        s->roi = roi;
        sync_bus_stats(s);
        roi_tracker_cycle(&s->rois, roi, &s->stats);
    }
    if (s->traps.pend_mask && s->status == OUTRIDER_RUNNING) {
        outrider_status st = trap_watch_check(&s->traps, s->model, &s->image,
                                              s->stats.cycles - 1, &s->trap);
        if (st != OUTRIDER_RUNNING)
            s->status = st;
    }
}

_Static_assert(WB_MEM_IPORTS == MODEL_SHIM_NUM_CTX, "one instruction port per lane");

static void one_cycle(outrider_sim *s)
{
    model_shim *m = s->model;
    half_cycle(s, 0);

    model_shim_outputs o;
    model_shim_get_outputs(m, &o);
    if (o.console_valid) {
        progress_clear(&s->prog);   /* stdout and stderr may share a terminal */
        console_buf_put(o.console_err ? &s->console_err : &s->console, o.console_data);
    }
    if (o.exit_valid) {
        if (o.exit_tohost) {
            s->stats.exit_code = o.exit_value == 1 ? 0 : (int)(o.exit_value >> 1);
            /* The run ends before the store reaches the bus: perform it
             * here so that memory holds W (docs/memory-map.md). */
            uint8_t w[4] = { (uint8_t)o.exit_value, (uint8_t)(o.exit_value >> 8),
                             (uint8_t)(o.exit_value >> 16), (uint8_t)(o.exit_value >> 24) };
            wb_mem_write(s->mem, s->tohost_addr, w, sizeof w);
        } else {
            s->stats.exit_code = (int)o.exit_value;
        }
        s->status = OUTRIDER_EXITED;
    }
    if (s->pv && s->stats.cycles >= s->trace_from && s->stats.cycles < s->trace_to &&
        (!s->trace_roi || s->roi))
        pipeview_cycle(s->pv, m, s->stats.cycles);
    if (s->retire_fn && (o.retire_valid | o.trap_valid | o.late_we))
        deliver_retire(s, o.retire_valid | o.trap_valid | o.late_we);
    wb_mem_req req = {
        .cyc = o.wb_cyc, .stb = o.wb_stb, .we = o.wb_we, .adr = o.wb_adr,
        .sel = o.wb_sel, .cti = o.wb_cti, .dat = o.wb_dat,
    };
    for (unsigned l = 0; l < WB_MEM_IPORTS; l++) {
        req.imem_req[l] = (o.imem_req >> l) & 1u;
        req.imem_addr[l] = o.imem_addr[l];
    }
    wb_mem_event bev = wb_mem_sample(s->mem, &req);
    if (s->cfg.trap_stop && (o.trap_valid | o.retire_valid))
        trap_watch_sample(&s->traps, m, &o, s->stats.num_ctx);
    cycle_stats_sample(&s->stats, &o, s->stats.cycles, bev, &req,
                       s->cfg.event_log && (s->roi || !s->cfg.event_log_roi) ? &s->events : NULL);

    drive_next(s);
    half_cycle(s, 1);
    s->stats.cycles++;
    sim_after_edge(s);
    if (s->stats.cycles == s->trace_to)
        end_debug_views(s);
}

outrider_status outrider_sim_step(outrider_sim *s, uint64_t n)
{
    if (s->status != OUTRIDER_RUNNING)
        return s->status;
    const uint64_t limit = s->cfg.max_cycles;
    if (!s->prog_started) {
        progress_begin(&s->prog, s->stats.cycles);
        s->prog_started = true;
    }
    for (uint64_t i = 0; i < n && s->status == OUTRIDER_RUNNING; i++) {
        if (limit && s->stats.cycles >= limit) {
            s->status = OUTRIDER_CYCLE_LIMIT;
            break;
        }
        one_cycle(s);
        progress_tick(&s->prog, s->stats.cycles);
    }
    if (s->status == OUTRIDER_RUNNING && limit && s->stats.cycles >= limit)
        s->status = OUTRIDER_CYCLE_LIMIT;
    if (s->status != OUTRIDER_RUNNING)
        progress_finish(&s->prog);
    sync_bus_stats(s);
    if (s->status == OUTRIDER_CYCLE_LIMIT)
        set_err(s, "cycle limit %llu reached", (unsigned long long)limit);
    if (s->status != OUTRIDER_RUNNING && s->cfg.console)
        fflush(s->cfg.console);
    if (s->status == OUTRIDER_TRAP_UNHANDLED || s->status == OUTRIDER_TRAP_LOOP)
        set_err(s, "%s at pc 0x%08x (%s)",
                s->status == OUTRIDER_TRAP_LOOP ? "trap loop" : "unhandled trap",
                (unsigned)s->trap.pc, outrider_trap_cause_name(s->trap.cause));
    return s->status;
}

outrider_status outrider_sim_run(outrider_sim *s)
{
    return outrider_sim_step(s, UINT64_MAX);
}

int outrider_sim_exit_code(const outrider_sim *s) { return s->stats.exit_code; }
uint64_t outrider_sim_cycles(const outrider_sim *s) { return s->stats.cycles; }
const outrider_stats *outrider_sim_stats(const outrider_sim *s) { return &s->stats; }

int outrider_sim_write_stats_json(const outrider_sim *s, FILE *out)
{
    stats_json_info x = {
        .status = outrider_sim_status_name(s),
        .exited = s->status == OUTRIDER_EXITED,
        .version = outrider_sim_version(),
        .cfg = &s->cfg,
        .elf_path = s->elf_path,
        .elf_sha256 = s->elf_sha256,
    };
    model_shim_get_params(s->model, &x.params);
    x.rois = outrider_sim_rois(s, &x.nrois);
    return stats_json_write(&s->stats, &x, out) == 0 ? OUTRIDER_OK : OUTRIDER_ERR_FILE;
}

const outrider_roi *outrider_sim_rois(const outrider_sim *s, size_t *count)
{
    /* the tracker appends the open region on demand: not a visible change */
    return roi_tracker_list((roi_tracker *)&s->rois, &s->stats, count);
}

const char *outrider_sim_status_name(const outrider_sim *s)
{
    static const char *const names[] = {
        "running", "exited", "cycle_limit", "stopped", "trap_unhandled", "trap_loop",
    };
    if (s->status_name)
        return s->status_name;
    return (unsigned)s->status < sizeof names / sizeof names[0] ? names[s->status] : "unknown";
}

void outrider_sim_set_status_name(outrider_sim *s, const char *name) { s->status_name = name; }

int outrider_sim_trap(const outrider_sim *s, outrider_trap_info *t)
{
    if (s->status != OUTRIDER_TRAP_UNHANDLED && s->status != OUTRIDER_TRAP_LOOP)
        return -1;
    *t = s->trap;
    return 0;
}

int outrider_sim_trap_report(const outrider_sim *s, const char *prefix, char *buf, size_t len)
{
    if (s->status != OUTRIDER_TRAP_UNHANDLED && s->status != OUTRIDER_TRAP_LOOP) {
        if (len)
            buf[0] = '\0';
        return 0;
    }
    return trap_watch_report(s->status, &s->trap, &s->image, prefix, buf, len);
}

const char *outrider_sim_console(const outrider_sim *s, size_t *len)
{
    return console_buf_str(&s->console, len);
}

const char *outrider_sim_console_err(const outrider_sim *s, size_t *len)
{
    return console_buf_str(&s->console_err, len);
}

int outrider_sim_symbol(const outrider_sim *s, const char *name, uint32_t *addr)
{
    if (!s->loaded)
        return -1;
    return elf_image_lookup(&s->image, name, addr);
}

int outrider_sim_read_ram(const outrider_sim *s, uint32_t addr, void *buf, size_t len)
{
    return wb_mem_read(s->mem, addr, buf, len);
}

/* RAM overlaid with the dirty data of the cache (SoC debug port). The model
 * is only evaluated (no clock edge), so its state does not change. */
int outrider_sim_read_mem(const outrider_sim *s, uint32_t addr, void *buf, size_t len)
{
    if (wb_mem_read(s->mem, addr, buf, len) != 0)
        return -1;
    if (len == 0 || s->cfg.perfect_dcache || !model_shim_dbg_dirty_any(s->model))
        return 0;
    uint8_t *out = buf;
    uint64_t end = (uint64_t)addr + len;
    for (uint64_t w = addr & ~3u; w < end; w += 4) {
        uint32_t data;
        int lanes = model_shim_dbg_read(s->model, (uint32_t)w, &data);
        if (!lanes)
            continue;
        for (unsigned b = 0; b < 4; b++) {
            uint64_t a = w + b;
            if (((unsigned)lanes >> b & 1u) && a >= addr && a < end)
                out[a - addr] = (uint8_t)(data >> (8 * b));
        }
    }
    return 0;
}

int outrider_sim_write_mem(outrider_sim *s, uint32_t addr, const void *buf, size_t len)
{
    return wb_mem_write(s->mem, addr, buf, len);
}

uint32_t outrider_sim_read_word(const outrider_sim *s, uint32_t addr)
{
    uint8_t b[4];
    if (outrider_sim_read_mem(s, addr, b, sizeof b) != 0)
        return 0;
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

const char *outrider_sim_error(const outrider_sim *s) { return s->err; }

const outrider_event *outrider_sim_events(const outrider_sim *s, size_t *count)
{
    if (count)
        *count = s->events.n;
    return s->events.n ? s->events.v : NULL;
}

void outrider_sim_clear_events(outrider_sim *s) { event_log_clear(&s->events); }

const char *outrider_event_kind_name(unsigned kind)
{
    static const char *const names[] = {
        "?", "load", "store", "fill", "writeback", "evict", "mshr_full", "bus", "pex", "prefetch",
    };
    return kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

const char *outrider_access_class_name(unsigned cls)
{
    static const char *const names[] = {
        "hit", "miss", "merge", "late", "useful", "dropped", "uncached",
    };
    return cls < sizeof names / sizeof names[0] ? names[cls] : "?";
}

const char *outrider_pex_event_name(unsigned ev)
{
    static const char *const names[OUTRIDER_PEX_EVENTS] = {
        "spawn", "refused", "cancel", "budget_stop", "exc_stop", "stop",
        "store_buffered", "mmio_suppressed",
    };
    if (ev == OUTRIDER_PEX_HOLD)
        return "hold";
    if (ev == OUTRIDER_PEX_RELEASE)
        return "release";
    return ev < OUTRIDER_PEX_EVENTS ? names[ev] : "?";
}

/* ---- debug views: trace window, pipeline view (docs/debugging.md) -------- */

int outrider_sim_set_trace_window(outrider_sim *s, uint64_t from, uint64_t to)
{
    if (s->stats.cycles != 0) {
        set_err(s, "the trace window must be set before the simulation starts");
        return OUTRIDER_ERR_ARG;
    }
    if (to <= from) {
        set_err(s, "empty trace window: from cycle %llu to cycle %llu",
                (unsigned long long)from, (unsigned long long)to);
        return OUTRIDER_ERR_ARG;
    }
    s->trace_from = from;
    s->trace_to = to;
    return OUTRIDER_OK;
}

void outrider_sim_set_trace_roi(outrider_sim *s, int on) { s->trace_roi = on != 0; }

int outrider_sim_pipeview_open(outrider_sim *s, const char *path)
{
    if (s->pv) {
        set_err(s, "a pipeline view is already open");
        return OUTRIDER_ERR_ARG;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        set_err(s, "cannot create %s", path);
        return OUTRIDER_ERR_FILE;
    }
    s->pv = pipeview_create(f);
    if (!s->pv) {
        fclose(f);
        set_err(s, "out of memory");
        return OUTRIDER_ERR_NOMEM;
    }
    s->pv_file = f;
    return OUTRIDER_OK;
}

int outrider_sim_pipeview_close(outrider_sim *s)
{
    if (!s->pv)
        return OUTRIDER_OK;
    int rc = pipeview_finish(s->pv, s->stats.cycles);
    if (fclose(s->pv_file) != 0)
        rc = -1;
    pipeview_destroy(s->pv);
    s->pv = NULL;
    s->pv_file = NULL;
    if (rc != 0) {
        set_err(s, "cannot write the pipeline view");
        return OUTRIDER_ERR_FILE;
    }
    return OUTRIDER_OK;
}

uint64_t outrider_sim_pipeview_mismatches(const outrider_sim *s)
{
    return s->pv ? pipeview_mismatches(s->pv) : 0;
}
