// SPDX-License-Identifier: Apache-2.0
/*
 * iss.h - the Outrider reference instruction-set simulator (ISS).
 *
 * A functional model of what docs/core.md, docs/memory-map.md and
 * docs/preexec.md specify: RV32IMA + Zicsr + Zifencei + Zihintpause in
 * machine mode, the core's CSRs and traps, the same memory map (RAM at
 * 0x80000000, CLINT, console/exit MMIO, `tohost`), both harts (hart.start
 * starts context 1). No timing, no caches, no p-threads: architecturally
 * pex.spawn only writes rd (0 here: refused, as with pre-execution off),
 * pex.stop and pex.cancel do nothing.
 *
 * Like the test bench library, a simulator is a handle (no global mutable
 * state). Two uses:
 *  - standalone (build/outrider-iss): iss_run() interleaves the running
 *    harts one instruction each per tick; mtime and mcycle advance by one
 *    per tick, interrupts are taken from the model's own CLINT;
 *  - lockstep (tb/lib/cosim.c): the caller steps one hart at a time with
 *    iss_step() in the RTL's retirement order, injects interrupts with
 *    iss_interrupt(), and supplies every timing-dependent value through the
 *    `timing` callback (see iss_timing_kind).
 *
 * Errors: iss_create / iss_load_elf report a one-line message (no newline).
 */
#ifndef ISS_H
#define ISS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ISS_NUM_HARTS 2

typedef struct iss iss;

/* Values the model cannot know without the pipeline's timing. The callback
 * gets the model's own guess and returns the value to use. */
typedef enum {
    ISS_TIMING_CSR = 1,   /* read of mip, a counter (cycle/time/instret/hpm) or pexstatus */
    ISS_TIMING_CLINT,     /* a load from the CLINT window (mtime, msip, mtimecmp) */
    ISS_TIMING_SPAWN,     /* pex.spawn result (0 refused, else the context) */
    ISS_TIMING_HART_START,/* hart.start result (0 none free, else the context) */
    ISS_TIMING_SC         /* SC result with both harts started (0 success, 1 failure) */
} iss_timing_kind;

typedef uint32_t (*iss_timing_fn)(void *user, unsigned hart, iss_timing_kind kind,
                                  uint32_t model_value);

/* What one iss_step() did. */
typedef struct iss_commit_s {
    uint32_t pc, insn;
    uint8_t  hart;
    uint8_t  trap;         /* 1: a trap was taken instead of retiring (cause, tval) */
    uint32_t cause, tval;
    uint8_t  rd_we;        /* 1: rd (non-zero) written with rd_value */
    uint8_t  rd;
    uint32_t rd_value;
    uint8_t  mem;          /* 1: a data access (load/store/LR/SC/AMO) was performed */
    uint8_t  mem_store;    /* it wrote memory (store, successful SC, AMO) */
    uint8_t  mem_size;     /* bytes */
    uint32_t mem_addr, mem_wdata;
    uint8_t  timing;       /* rd_value came from the timing callback */
    uint8_t  started;      /* hart.start started context `rd_value` */
    uint8_t  roi_on;       /* a CSR write turned the roi CSR (0x7C2) from 0 to 1 */
    uint8_t  roi_off;      /* ... from 1 to 0 */
} iss_commit;

typedef struct {
    uint32_t      ram_size;      /* bytes of RAM at 0x80000000 */
    FILE         *console;       /* console bytes are echoed here (NULL: kept only) */
    FILE         *console_err;   /* error-console bytes (MMIO console_err) are echoed
                                    here (default stderr; NULL: kept only) */
    int           pex_enabled;   /* reset value of pexctl.EN (default 1) */
    int           lockstep;      /* non-zero: no interrupts of its own, wfi does not sleep */
    iss_timing_fn timing;        /* NULL: the model's own values */
    void         *timing_user;
    /* iss_run only: called after every executed instruction (NULL: none) */
    void        (*on_commit)(void *user, const struct iss_commit_s *c);
    void         *commit_user;
    /* iss_run only: return 2 right after the instruction that turns the roi
     * CSR on (roi_begin(), <outrider/roi.h>); iss_run may be called again */
    int           stop_at_roi;
    /* iss_run only: asked before each instruction of hart `h` (at iss_pc);
     * a non-zero answer stops iss_run before executing it, returning 2
     * (NULL: none) */
    int         (*stop_before)(void *user, const struct iss *s, unsigned h);
    void         *stop_user;
} iss_config;


void iss_config_default(iss_config *cfg);
iss *iss_create(const iss_config *cfg, char *err, size_t errlen);
void iss_destroy(iss *s);

/* Load an ELF32 RISC-V executable (tb/common/elf_load.c rules); 0 or a negative
 * outrider_err with the message in iss_error(). */
int         iss_load_elf(iss *s, const char *path);
const char *iss_error(const iss *s);
int         iss_symbol(const iss *s, const char *name, uint32_t *addr);

/* Execute one instruction of hart h (it must be running): it retires or
 * traps (out->trap). Returns 0, or -1 if the hart is not running. */
int  iss_step(iss *s, unsigned h, iss_commit *out);
/* Take interrupt `cause` (with bit 31 set) on hart h now, as the RTL did. */
void iss_interrupt(iss *s, unsigned h, uint32_t cause);

/* Standalone: run until exit, or until max_insns instructions (0: no limit)
 * have been executed. Returns 1 if the program exited, 0 at the limit, 2 if
 * cfg.stop_at_roi is set and an instruction just turned the roi CSR on, or
 * cfg.stop_before stopped it (the instruction at iss_pc not executed). */
int      iss_run(iss *s, uint64_t max_insns);

bool     iss_exited(const iss *s);
/* The roi CSR (0x7C2, shared by the harts): 1 inside a region of interest
 * (between roi_begin() and roi_end(), <outrider/roi.h>), else 0. */
int      iss_roi_active(const iss *s);
int      iss_exit_code(const iss *s);
uint64_t iss_instructions(const iss *s);          /* executed, all harts */
bool     iss_hart_running(const iss *s, unsigned h);
uint32_t iss_pc(const iss *s, unsigned h);
uint32_t iss_reg(const iss *s, unsigned h, unsigned r);
void     iss_set_reg(iss *s, unsigned h, unsigned r, uint32_t v);
/* 1 if the hart was started by hart.start and its registers other than a0
 * are still the RTL's business (cleared by iss_clear_sync). */
bool     iss_needs_sync(const iss *s, unsigned h);
void     iss_clear_sync(iss *s, unsigned h);
const char *iss_console(const iss *s, size_t *len);
const char *iss_console_err(const iss *s, size_t *len);   /* the error console so far */

/* RAM backdoor (no side effects; a write does not count as written by the
 * program): 0, or -1 outside RAM. */
int iss_read_mem(const iss *s, uint32_t addr, void *buf, size_t len);
int iss_write_mem(iss *s, uint32_t addr, const void *buf, size_t len);
/* Pages of 4 KiB written by the program: calls fn(user, page_address) for
 * each, in address order. */
void iss_for_each_written_page(const iss *s, void (*fn)(void *user, uint32_t page),
                               void *user);

/* The lowest such page: 0 and *page, or -1 if none. */
int  iss_first_written_page(const iss *s, uint32_t *page);

/* ---- architectural state export (fast-forward: tb/lib/fastfwd.c) ---- */
typedef struct {
    uint32_t mstatus, mie, mtvec, mepc, mcause, mtval, mscratch;
    uint64_t mcycle, minstret, hpm[3];   /* hpm: mhpmcounter3..5 */
} iss_csrs;
void iss_get_csrs(const iss *s, unsigned h, iss_csrs *out);
/* The CLINT: mtime, mtimecmp and msip of each hart. */
void iss_get_clint(const iss *s, uint64_t *mtime, uint64_t mtimecmp[ISS_NUM_HARTS],
                   uint32_t msip[ISS_NUM_HARTS]);
/* pexctl, pexbudget */
void iss_get_pex(const iss *s, uint32_t *ctl, uint32_t *budget);
/* The hart is in wfi, waiting for an interrupt. */
bool iss_hart_sleeping(const iss *s, unsigned h);

/* Spike --log-commits style line for a retired instruction (no newline);
 * empty for a trap. Returns the length. */
int iss_format_commit(const iss_commit *c, char *buf, size_t len);

#endif
