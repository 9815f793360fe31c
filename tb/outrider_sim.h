/*
 * outrider_sim.h - the Outrider test bench library.
 *
 * A simulator is a handle: create it from a configuration, load an ELF,
 * run it until the program exits or a cycle limit is reached, read its
 * statistics and memory, destroy it. Two handles can coexist (no global
 * mutable state). Nothing in this API is C++; the Verilated model sits
 * behind tb/model_shim.h.
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

#define OUTRIDER_RAM_BASE        0x80000000u
#define OUTRIDER_DEFAULT_RAM     (16u * 1024u * 1024u)
#define OUTRIDER_MAX_CTX         2

typedef struct outrider_sim outrider_sim;

typedef struct {
    uint32_t    ram_size;        /* bytes of RAM at OUTRIDER_RAM_BASE (default 16 MiB) */
    uint32_t    mem_latency;     /* extra cycles per Wishbone access: ack comes
                                    1 + mem_latency cycles after acceptance */
    uint32_t    mem_outstanding; /* max Wishbone requests in flight (>= 1) */
    uint64_t    max_cycles;      /* 0: no limit */
    const char *trace_path;      /* FST waveform file, NULL: no tracing */
    FILE       *console;         /* program console output also goes here
                                    (NULL: only captured in memory) */
    int         progress;        /* non-zero: progress lines on stderr */
} outrider_config;

typedef enum {
    OUTRIDER_OK          = 0,
    OUTRIDER_ERR_ARG     = -1,   /* bad configuration or argument */
    OUTRIDER_ERR_FILE    = -2,   /* cannot open/read the ELF */
    OUTRIDER_ERR_ELF     = -3,   /* not an ELF, truncated, wrong class/machine */
    OUTRIDER_ERR_SEGMENT = -4,   /* a loadable segment lies outside RAM */
    OUTRIDER_ERR_NOMEM   = -5
} outrider_err;

typedef enum {
    OUTRIDER_RUNNING     = 0,    /* step: still running */
    OUTRIDER_EXITED      = 1,    /* program wrote SIM_EXIT or tohost */
    OUTRIDER_CYCLE_LIMIT = 2     /* max_cycles reached */
} outrider_status;

typedef struct {
    uint64_t retired;            /* instructions retired by this context */
    uint64_t cycles_active;      /* cycles this context was running */
} outrider_ctx_stats;

typedef struct {
    uint64_t           cycles;
    int                exit_code;       /* valid once exited */
    unsigned           num_ctx;
    outrider_ctx_stats ctx[OUTRIDER_MAX_CTX];
    uint64_t           wb_reads;        /* Wishbone read beats */
    uint64_t           wb_writes;       /* Wishbone write beats */
} outrider_stats;

/* Fill a configuration with the defaults. */
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

/* Symbol lookup in the loaded ELF; returns 0 and sets *addr if found. */
int outrider_sim_symbol(const outrider_sim *sim, const char *name, uint32_t *addr);

/* Backdoor access to RAM (what memory holds; bypasses any future cache, so
 * tests read it after the program has exited or flushed). 0 on success,
 * -1 if [addr, addr+len) is not inside RAM. */
int outrider_sim_read_mem(const outrider_sim *sim, uint32_t addr, void *buf, size_t len);
int outrider_sim_write_mem(outrider_sim *sim, uint32_t addr, const void *buf, size_t len);
uint32_t outrider_sim_read_word(const outrider_sim *sim, uint32_t addr); /* 0 if outside */

/* Last error message of this handle ("" if none). */
const char *outrider_sim_error(const outrider_sim *sim);

#ifdef __cplusplus
}
#endif
#endif
