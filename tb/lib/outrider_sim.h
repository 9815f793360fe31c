// SPDX-License-Identifier: Apache-2.0
/*
 * outrider_sim.h - the Outrider test bench library.
 *
 * A simulator is a handle: create it from a configuration, load an ELF,
 * run it until the program exits or a cycle limit is reached, read its
 * statistics and memory, destroy it. Two handles can coexist (no global
 * mutable state). Nothing in this API is C++; the Verilated model sits
 * behind tb/lib/model_shim.h.
 *
 * Errors: functions that can fail return OUTRIDER_OK (0) or a negative
 * outrider_err and write a one-line, human-readable message (no trailing
 * newline) into the handle, readable with outrider_sim_error().
 */
#ifndef OUTRIDER_SIM_H
#define OUTRIDER_SIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* memory map, data-side ops, access classes, pre-execution events: generated
 * from spec/outrider.toml (OUTRIDER_RAM_BASE, OUTRIDER_OP_*, OUTRIDER_CLS_*,
 * OUTRIDER_PEX_*) */
#include <outrider/consts.h>
#include "outrider_err.h"

#define OUTRIDER_DEFAULT_RAM     ((uint32_t)OUTRIDER_RAM_DEFAULT_SIZE)
#define OUTRIDER_MAX_CTX         2
/* Default memory latency (cycles added to every Wishbone access). The
 * library reads no environment variables: a tool that wants one maps it to a
 * configuration field itself (smtsim: $OUTRIDER_MEM_LATENCY, see its --help;
 * the test suites: tests/suites/tprog.c). */
#define OUTRIDER_DEFAULT_LATENCY 100u

typedef struct outrider_sim outrider_sim;

typedef struct {
    uint32_t    ram_size;        /* bytes of RAM at OUTRIDER_RAM_BASE (default 16 MiB) */
    uint32_t    mem_latency;     /* extra cycles per Wishbone access (a single beat
                                    or a whole burst): the first beat's ack comes
                                    1 + mem_latency cycles after acceptance, the
                                    further beats of a burst one per cycle */
    uint32_t    mem_outstanding; /* max Wishbone accesses in flight (>= 1) */
    uint64_t    max_cycles;      /* 0: no limit */
    const char *trace_path;      /* FST waveform file, NULL: no tracing */
    FILE       *console;         /* program console output also goes here
                                    (NULL: only captured in memory) */
    int         progress;        /* non-zero: progress lines on stderr */
    /* --- added with the data cache (docs/testbench.md) --- */
    int         perfect_dcache;  /* non-zero: the uncached data path behind a
                                    0-latency memory (every access behaves as a
                                    hit); mem_latency is then ignored */
    int         no_preexec;      /* non-zero: pre-execution disabled at reset
                                    (pex_enable_i = 0: every spawn is refused) */
    int         event_log;       /* non-zero: record events (outrider_sim_events) */
    int         pex_dist_set;    /* non-zero: pexdist after reset = pex_dist (0 =
                                    distance control off); zero: the RTL default,
                                    half the data cache's lines */
    uint32_t    pex_dist;        /* 0..65535 */
    /* --- added with regions of interest and failure reports --- */
    int         event_log_roi;   /* non-zero: record events only inside regions of
                                    interest (the roi CSR is 1) */
    int         trap_stop;       /* non-zero (default): a trap with no handler or a
                                    trap loop stops the run (OUTRIDER_TRAP_*) */
    FILE       *console_err;     /* the program's error-console output (MMIO
                                    console_err) also goes here (default stderr;
                                    NULL: only captured in memory) */
} outrider_config;

/* outrider_err (OUTRIDER_OK, OUTRIDER_ERR_*): outrider_err.h */

typedef enum {
    OUTRIDER_RUNNING     = 0,    /* step: still running */
    OUTRIDER_EXITED      = 1,    /* program wrote SIM_EXIT or tohost */
    OUTRIDER_CYCLE_LIMIT = 2,    /* max_cycles reached */
    OUTRIDER_STOPPED     = 3,    /* the retirement hook asked to stop */
    OUTRIDER_TRAP_UNHANDLED = 4, /* a hart trapped with no handler installed:
                                    mtvec's base is not inside an executable
                                    segment of the loaded ELF (at reset mtvec = 0) */
    OUTRIDER_TRAP_LOOP   = 5     /* a hart took OUTRIDER_TRAP_LOOP_COUNT exceptions
                                    in a row with the same cause and pc, each right
                                    after an mret (its handler returns to the
                                    trapping instruction); interrupts never count */
} outrider_status;
#define OUTRIDER_TRAP_LOOP_COUNT 16

typedef struct {
    uint64_t retired;            /* instructions retired by this context while
                                    it was not a p-thread (p-thread instructions
                                    count in preexec.instructions) */
    uint64_t cycles_active;      /* cycles this context was running */
    uint64_t nb_loads;           /* loads retired as outstanding (non-blocking: their
                                    register is written when the line arrives) */
    uint64_t dport_lost;         /* cycles its lane's committing memory request lost the
                                    data-port arbitration to another lane (held) */
    /* issue and branches (as retired: not while a p-thread) */
    uint64_t ready_cycles;       /* cycles it could fetch (its lane's IF was eligible) */
    uint64_t slot_lost_cycles;   /* ... in which it did not (an ID stall or a data-port
                                    hold kept the lane) */
    uint64_t branches;           /* branches, JAL and JALR retired */
    uint64_t mispredicts;        /* EX redirects: a branch or jump whose direction or
                                    target was predicted wrong (an instruction squashed
                                    after it redirected and executed again counts again) */
    /* where the context's cycles go (docs/testbench.md "Where the cycles go"): each
       cycle it runs (hart or p-thread) counts in exactly one of these, by what its
       lane's ID stage does; they add up to cycles_active */
    uint64_t issue_cycles;       /* ID passes an instruction to EX (also one squashed later) */
    uint64_t id_stall_cycles;    /* ID holds its instruction: an interlock (a value not
                                    forwarded yet, an outstanding load's register, ...) */
    uint64_t hold_cycles;        /* the lane holds: MEM lost the data port (dport_lost) or
                                    waits behind a WB that waits for its answer */
    uint64_t frontend_cycles;    /* ID has nothing, though the context could fetch the
                                    cycle before: refetch after a redirect or squash */
    uint64_t wait_cycles;        /* ID has nothing and the context could not fetch the
                                    cycle before: parked on a miss or divide, pause, wfi,
                                    held by distance control, just started */
} outrider_ctx_stats;

/* Data cache counters of one context (docs/dcache.md "Counters"). */
typedef struct {
    uint64_t loads;              /* cacheable loads and LR */
    uint64_t stores;             /* cacheable stores, SC (when performed) and AMOs */
    uint64_t load_misses;        /* loads that allocated an MSHR, or were dropped */
    uint64_t store_misses;       /* stores that allocated an MSHR */
    uint64_t posted_stores;      /* stores answered at once, their bytes in an MSHR (posted) */
    uint64_t mshr_merges;        /* accesses merged into a line in flight */
    uint64_t writebacks;         /* dirty lines written back on behalf of it */
    uint64_t mshr_full_stall_cycles; /* cycles parked because no MSHR was free */
    uint64_t uncached;           /* CLINT/MMIO loads and stores */
} outrider_dcache_ctx_stats;

typedef struct {
    outrider_dcache_ctx_stats ctx[OUTRIDER_MAX_CTX];
    uint64_t fills;              /* lines installed */
    uint64_t prefetch_fills;     /* of which by a prefetch hint or the next-line prefetcher */
    uint64_t prefetch_hints;     /* Zicbop prefetch.r/.w committed (any address, any thread) */
    uint64_t evictions;          /* valid lines replaced */
    uint64_t writebacks;         /* all contexts */
    uint64_t mshr_full_stall_cycles; /* cycles in which any context was parked for an MSHR */
} outrider_dcache_stats;

/* Pre-execution counters (docs/preexec.md section 6). */
typedef struct {
    uint64_t spawned, refused, cancelled, budget_stops, exception_stops, stops;
    uint64_t stores_buffered, mmio_loads_suppressed;
    uint64_t instructions;       /* retired by p-threads */
    uint64_t fills;              /* lines filled by p-thread misses */
    uint64_t useful_fills;       /* first main-thread hits on a p-thread-filled line */
    uint64_t late_fills;         /* main-thread accesses merged into a p-thread fill in flight */
    uint64_t useless_fills;      /* p-thread-filled lines evicted before any main-thread use */
    uint64_t spared_fills;       /* evictions that passed over the pseudo-LRU way because it held
                                    an unused p-thread fill (docs/dcache.md section 2) */
    uint64_t throttled_cycles;   /* cycles a p-thread was held by distance control */
    uint64_t holds;              /* times distance control started holding */
    uint64_t main_loads;         /* cacheable loads/LR of non-p-threads */
    uint64_t main_load_misses;   /* of which allocated an MSHR */
    uint64_t no_slot_cycles;     /* cycles a p-thread had an instruction ready but got no
                                    slot: with one issue lane per context only the data
                                    port can refuse it (its request lost the arbitration) */
    uint64_t nb_loads;           /* p-thread loads retired as outstanding */
    uint64_t ready_cycles;       /* cycles a p-thread could fetch */
    uint64_t slot_lost_cycles;   /* ... in which it did not fetch (ID stall, data-port hold) */
} outrider_preexec_stats;

typedef struct {
    uint64_t           cycles;
    int                exit_code;       /* valid once exited */
    unsigned           num_ctx;
    outrider_ctx_stats ctx[OUTRIDER_MAX_CTX];
    uint64_t           wb_reads;        /* Wishbone read beats */
    uint64_t           wb_writes;       /* Wishbone write beats */
    /* --- added with the data cache --- */
    uint64_t           wb_read_accesses;  /* read accesses (a burst counts once) */
    uint64_t           wb_write_accesses;
    outrider_dcache_stats  dcache;
    outrider_preexec_stats preexec;
    uint32_t           pex_hold_prev;   /* internal: last cycle's hold mask (hold/release events) */
    uint32_t           ready_prev;      /* internal: last cycle's fetch-eligible mask */
} outrider_stats;

/* ---- regions of interest (docs/testbench.md) -------------------------------
 * A region starts in the cycle after the one in which the roi CSR turned
 * from 0 to 1 (roi_begin(), <outrider/roi.h>) and ends with the cycle in
 * which it turned back to 0, or with the run. Its stats hold the counts of
 * those cycles only (every counter of outrider_stats; exit_code 0). */
typedef struct {
    uint64_t       begin_cycle;  /* first cycle of the region */
    int            ended;        /* 1: roi_end() ended it, 0: the run did */
    outrider_stats stats;
} outrider_roi;

/* The regions so far, in order (NULL and *count = 0 when none). Valid until
 * the next step/run/destroy. A region still open is included (ended = 0). */
const outrider_roi *outrider_sim_rois(const outrider_sim *sim, size_t *count);

/* ---- derived pre-execution metrics: the one definition ---------------------
 * coverage = useful / (useful + late + main misses)
 * accuracy = (useful + late) / p-thread fills
 * lateness = late / (useful + late)
 * with useful = preexec.useful_fills, late = preexec.late_fills, main misses
 * = preexec.main_load_misses, p-thread fills = preexec.fills. A ratio whose
 * denominator is 0 is undefined (valid = 0; JSON null). */
typedef struct {
    double coverage, accuracy, lateness;
    int    coverage_valid, accuracy_valid, lateness_valid;
} outrider_derived;
void outrider_stats_derive(const outrider_stats *st, outrider_derived *d);

/* ---- run status, failure reports ---------------------------------------- */
/* The status as the statistics JSON names it: "running", "exited",
 * "cycle_limit", "stopped", "trap_unhandled", "trap_loop", or what the tool
 * set with outrider_sim_set_status_name ("interrupted", "cosim_mismatch"). */
const char *outrider_sim_status_name(const outrider_sim *sim);
/* Override the status name (a static string), e.g. "interrupted". */
void        outrider_sim_set_status_name(outrider_sim *sim, const char *name);

/* The trap that stopped the run (status OUTRIDER_TRAP_*). */
typedef struct {
    unsigned ctx;
    uint32_t cause, pc, tval, mtvec;
    uint64_t cycle;
} outrider_trap_info;
/* 0 and *t if the run stopped on a trap, -1 otherwise. */
int outrider_sim_trap(const outrider_sim *sim, outrider_trap_info *t);
/* The report of that trap: lines ending in '\n' ("" if none), e.g.
 *   smtsim: unhandled trap (no trap handler installed: mtvec 0x00000000)
 *     cause   2 (illegal instruction)
 *     pc      0x80000010 <main+0x8>
 *     mtval   0xffffffff
 *     context 0 (hart), cycle 57
 * prefix starts the first line ("smtsim" above). */
int outrider_sim_trap_report(const outrider_sim *sim, const char *prefix, char *buf, size_t len);
/* "illegal instruction", "machine timer interrupt", ...; "unknown" otherwise. */
const char *outrider_trap_cause_name(uint32_t cause);

/* ---- configuration and version (for the statistics JSON) ------------------ */
/* The simulator version: `git describe --always --dirty` at build time, or
 * "unknown" when it was built outside a git checkout. */
const char *outrider_sim_version(void);

/* ---- event log (config.event_log; docs/testbench.md) ---------------------
 * One record per event, in cycle order; `cycle` is the cycle number as in
 * outrider_sim_cycles() while that cycle runs (0 = first cycle after reset). */
typedef enum {
    OUTRIDER_EV_LOAD = 1,    /* a load/LR classified by the cache: ctx, spec, addr, op, cls */
    OUTRIDER_EV_STORE,       /* a store/SC/AMO classified by the cache: same fields */
    OUTRIDER_EV_FILL,        /* a line installed: ctx, spec (p-thread fill), addr = line,
                                flags bit 0: by the next-line prefetcher */
    OUTRIDER_EV_WRITEBACK,   /* a dirty line copied out for write-back: ctx, addr = line */
    OUTRIDER_EV_EVICT,       /* a valid line replaced: addr = line,
                                flags bit 0: useless (p-thread fill never used) */
    OUTRIDER_EV_MSHR_FULL,   /* ctx parked this cycle because no MSHR was free */
    OUTRIDER_EV_BUS,         /* memory accepted the first beat of an access:
                                addr, op 0 read / 1 write, flags bit 0: a burst */
    OUTRIDER_EV_PEX,         /* pre-execution event: cls = PexEv* bit number, or
                                OUTRIDER_PEX_HOLD / OUTRIDER_PEX_RELEASE (ctx) */
    OUTRIDER_EV_PREFETCH     /* a prefetch hint committed: ctx, spec, addr (the
                                line's address as computed; dropped by the cache
                                if not in RAM) */
} outrider_event_kind;

/* op of LOAD/STORE records: OUTRIDER_OP_* (the core's data-side operation
 * codes); cls of LOAD/STORE records: OUTRIDER_CLS_* (the cache's access
 * classes); cls of PEX records: OUTRIDER_PEX_* (the pre-execution event bit
 * numbers, OUTRIDER_PEX_EVENTS of them). All from <outrider/consts.h>. */

#define OUTRIDER_EVF_PREFETCH 1u   /* FILL: prefetch hint or next-line prefetch */
#define OUTRIDER_EVF_USELESS  1u   /* EVICT: p-thread fill never used */
#define OUTRIDER_EVF_SPARED   2u   /* EVICT: chosen instead of the pseudo-LRU way's unused
                                      p-thread fill */
#define OUTRIDER_EVF_BURST    1u   /* BUS: a burst (CTI incrementing) */

typedef struct {
    uint64_t cycle;
    uint32_t addr;
    uint8_t  kind;           /* outrider_event_kind */
    uint8_t  ctx;
    uint8_t  spec;           /* 1: a p-thread's access / fill */
    uint8_t  op;             /* LOAD/STORE: OUTRIDER_OP_*; BUS: 0 read, 1 write */
    uint8_t  cls;            /* LOAD/STORE: outrider_access_class; PEX: bit number */
    uint8_t  flags;          /* OUTRIDER_EVF_* */
} outrider_event;

/* Fill a configuration with the defaults: 16 MiB RAM, mem_latency
 * OUTRIDER_DEFAULT_LATENCY or the value of $OUTRIDER_MEM_LATENCY when that is
 * a valid decimal number (so every suite can be run at another latency), 4
 * accesses in flight, 100M-cycle limit, console to stdout, the cache (not
 * perfect), pre-execution enabled, no event log. */
void outrider_config_default(outrider_config *cfg);

/* Create a simulator (model in reset, RAM zeroed). NULL on failure; the
 * reason is written to err (if non-NULL, errlen bytes). */
outrider_sim *outrider_sim_create(const outrider_config *cfg, char *err, size_t errlen);
void          outrider_sim_destroy(outrider_sim *sim);

/* Load an ELF32 RISC-V executable into RAM (libelf), note `tohost` if the
 * symbol exists. Returns OUTRIDER_OK or a negative outrider_err. */
int outrider_sim_load_elf(outrider_sim *sim, const char *path);

/* Advance n cycles or until the program exits / the limit is reached. */
outrider_status outrider_sim_step(outrider_sim *sim, uint64_t n);
/* Run until exit or cfg.max_cycles. */
outrider_status outrider_sim_run(outrider_sim *sim);

int                   outrider_sim_exit_code(const outrider_sim *sim);
uint64_t              outrider_sim_cycles(const outrider_sim *sim);
const outrider_stats *outrider_sim_stats(const outrider_sim *sim);
/* Write the statistics as JSON ({"cycles":..,"exit_code":..,"threads":[..],..}). */
int                   outrider_sim_write_stats_json(const outrider_sim *sim, FILE *out);

/* Console output of the program so far (NUL-terminated) and its length. */
const char *outrider_sim_console(const outrider_sim *sim, size_t *len);
/* The same for the error console (MMIO console_err). */
const char *outrider_sim_console_err(const outrider_sim *sim, size_t *len);

/* Symbol lookup in the loaded ELF; returns 0 and sets *addr if found. */
int outrider_sim_symbol(const outrider_sim *sim, const char *name, uint32_t *addr);

/* Backdoor access to RAM. 0 on success, -1 if [addr, addr+len) is not
 * inside RAM.
 * - outrider_sim_read_mem / _read_word return what the PROGRAM sees: RAM
 *   overlaid with the data the cache holds dirty (lines and the write-back
 *   buffer), looked up through the SoC's debug port between cycles. So a
 *   test reads a program's results after the run without any flush.
 * - outrider_sim_read_ram reads RAM itself (what has been written back).
 * - outrider_sim_write_mem writes RAM itself: use it before the run (or for
 *   lines the cache does not hold); a cached copy is not updated. */
int outrider_sim_read_mem(const outrider_sim *sim, uint32_t addr, void *buf, size_t len);
int outrider_sim_read_ram(const outrider_sim *sim, uint32_t addr, void *buf, size_t len);
int outrider_sim_write_mem(outrider_sim *sim, uint32_t addr, const void *buf, size_t len);
uint32_t outrider_sim_read_word(const outrider_sim *sim, uint32_t addr); /* 0 if outside */

/* The event log so far (config.event_log; NULL and *count = 0 otherwise).
 * The pointer is valid until the next step/run/clear/destroy. */
const outrider_event *outrider_sim_events(const outrider_sim *sim, size_t *count);
void                  outrider_sim_clear_events(outrider_sim *sim);
/* Short names for printing: "load", "fill", ...; "hit", "miss", ... */
const char *outrider_event_kind_name(unsigned kind);
const char *outrider_access_class_name(unsigned cls);
/* "spawn", "refused", "cancel", "budget_stop", ... for PEX records' cls */
const char *outrider_pex_event_name(unsigned ev);

/* ---- retirement port (docs/verification.md) -------------------------------
 * One record per context per cycle in which that context retired an
 * instruction, took a trap or had an outstanding load write its register:
 * a retirement and a trap can happen in one cycle (an older instruction
 * retires, a younger one traps), and then the record has both and the
 * retirement comes first. A load answered as outstanding (non-blocking,
 * docs/core.md) retires with rd_late = 1 and no value; its register is
 * written in a later cycle, reported by late_we/late_rd/late_wdata (an
 * older load's write, so it comes before this record's retirement).
 * Records of a context running a p-thread (pthread = 1) retire nothing
 * architectural. */
typedef struct {
    uint64_t cycle;          /* as outrider_sim_cycles() while that cycle runs */
    uint8_t  ctx;
    uint8_t  retire;         /* an instruction retired: pc .. addr valid */
    uint8_t  pthread;
    uint8_t  rd_we, rd;      /* rd_we: a register (rd != 0) was written */
    uint32_t pc, insn;
    uint32_t rd_wdata;       /* the result (also valid when rd is x0; not with rd_late) */
    uint8_t  rd_late;        /* a load whose value comes in a later late write */
    uint8_t  late_we, late_rd;   /* an earlier outstanding load writes x[late_rd] now */
    uint32_t late_wdata;
    uint32_t addr;           /* data address of a load/store/LR/SC/AMO */
    uint8_t  trap;           /* a trap was taken (the trapping instruction did not retire) */
    uint32_t trap_cause, trap_tval;
} outrider_retire;

/* Called once per cycle that has records, with the n (1..OUTRIDER_MAX_CTX)
 * records of that cycle in context order; a non-zero return stops the run
 * (status OUTRIDER_STOPPED). NULL removes the hook. Without a hook the port
 * costs one test per cycle. */
typedef int (*outrider_retire_fn)(void *user, const outrider_retire *recs, unsigned n);
void outrider_sim_set_retire_hook(outrider_sim *sim, outrider_retire_fn fn, void *user);
/* The hook and its user pointer (NULL, NULL when none is set). */
void outrider_sim_get_retire_hook(const outrider_sim *sim, outrider_retire_fn *fn, void **user);

/* Register x[reg] of context ctx as the core's register file holds it
 * between cycles (x0 reads 0). */
uint32_t outrider_sim_read_reg(const outrider_sim *sim, unsigned ctx, unsigned reg);

/* ---- debug views (docs/debugging.md) -------------------------------------
 * Trace window: only cycles [from, to) are written to the FST (config
 * trace_path) and to the pipeline view; at cycle `to` the FST is closed (the
 * run goes on at full speed). Set it before the first step; to > from. The
 * default is the whole run (0, UINT64_MAX). */
int outrider_sim_set_trace_window(outrider_sim *sim, uint64_t from, uint64_t to);
/* Trace (FST and pipeline view) only while the roi CSR is 1 (inside regions
 * of interest), within the window. Off by default. */
void outrider_sim_set_trace_roi(outrider_sim *sim, int on);
/* Pipeline view: a Konata log (Kanata 0004) of every instruction of both
 * contexts through IF/ID/EX/MEM/WB (tb/lib/pipeview.h has the format). Open
 * before the run; closed (in-flight instructions shown as squashed) by
 * outrider_sim_pipeview_close or outrider_sim_destroy. */
int      outrider_sim_pipeview_open(outrider_sim *sim, const char *path);
int      outrider_sim_pipeview_close(outrider_sim *sim);
/* Stages whose content the view could not follow (0 when the record and the
 * view agree; the tests assert it). */
uint64_t outrider_sim_pipeview_mismatches(const outrider_sim *sim);

/* Last error message of this handle ("" if none). */
const char *outrider_sim_error(const outrider_sim *sim);

#ifdef __cplusplus
}
#endif
#endif
