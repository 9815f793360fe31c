// SPDX-License-Identifier: Apache-2.0
/* tprog.c - see tprog.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli_num.h"
#include "cosim.h"
#include "tprog.h"

typedef struct {
    outrider_sim *sim;
} tprog_state;

int tprog_setup(void **state)
{
    tprog_state *st = calloc(1, sizeof(*st));
    if (st == NULL)
        return -1;
    *state = st;
    return 0;
}

int tprog_teardown(void **state)
{
    tprog_state *st = *state;
    int rc = 0;
    if (st != NULL) {
        if (st->sim != NULL) {
            cosim *co = cosim_of(st->sim);
            if (co && cosim_failed(co)) {
                print_error("%s", cosim_report(co));
                rc = -1;
            }
            cosim_detach(co);
            outrider_sim_destroy(st->sim);
        }
        free(st);
    }
    *state = NULL;
    return rc;
}

void tprog_path(const char *name, char *buf, size_t len)
{
    int n = snprintf(buf, len, "%s/%s.elf", PROG_DIR, name);
    if (n < 0 || (size_t)n >= len)
        fail_msg("program path too long for %s", name);
}

outrider_config tprog_config(void)
{
    outrider_config cfg;
    outrider_config_default(&cfg);
    /* $OUTRIDER_MEM_LATENCY: the memory latency of every suite (make
     * dcache-latencies); the library itself reads no environment */
    const char *lat = getenv(TPROG_LATENCY_ENV);
    if (lat) {
        uint64_t v;
        if (cli_parse_u64(lat, 0, &v) != 0 || v > UINT32_MAX)
            fail_msg("$%s = '%s': not a decimal number of cycles", TPROG_LATENCY_ENV, lat);
        cfg.mem_latency = (uint32_t)v;
    }
    cfg.max_cycles = TPROG_MAX_CYCLES;
    cfg.console = NULL;     /* captured only; printed when a run fails */
    cfg.console_err = NULL; /* the error console too */
    return cfg;
}

outrider_config tprog_config_latency(uint32_t mem_latency)
{
    outrider_config cfg = tprog_config();
    cfg.mem_latency = mem_latency;
    return cfg;
}

int tprog_cosim_enabled(void)
{
    const char *v = getenv(TPROG_COSIM_ENV);
    return !(v != NULL && strcmp(v, "0") == 0);
}

outrider_sim *tprog_load(void **state, const char *name, const outrider_config *cfg)
{
    char path[1024];
    tprog_path(name, path, sizeof(path));
    return tprog_load_path(state, path, cfg);
}

static outrider_sim *load(void **state, const char *path, const outrider_config *cfg,
                          int lockstep)
{
    tprog_state *st = *state;
    char err[256] = "";
    outrider_config def = tprog_config();

    assert_non_null(st);
    if (st->sim != NULL) {
        cosim_detach(cosim_of(st->sim));
        outrider_sim_destroy(st->sim);
        st->sim = NULL;
    }
    st->sim = outrider_sim_create(cfg != NULL ? cfg : &def, err, sizeof(err));
    if (st->sim == NULL)
        fail_msg("outrider_sim_create failed: %s", err);
    int rc = outrider_sim_load_elf(st->sim, path);
    if (rc != OUTRIDER_OK)
        fail_msg("loading %s failed (%d): %s", path, rc, outrider_sim_error(st->sim));
    if (lockstep) {
        const outrider_config *c = cfg != NULL ? cfg : &def;
        if (!cosim_attach(st->sim, c, path, NULL, err, sizeof(err)))
            fail_msg("cosim_attach failed: %s", err);
    }
    return st->sim;
}

outrider_sim *tprog_load_path(void **state, const char *path, const outrider_config *cfg)
{
    return load(state, path, cfg, tprog_cosim_enabled());
}

outrider_sim *tprog_load_lockstep_path(void **state, const char *path, const outrider_config *cfg)
{
    return load(state, path, cfg, 1);
}

outrider_sim *tprog_load_lockstep(void **state, const char *name, const outrider_config *cfg)
{
    char path[1024];
    tprog_path(name, path, sizeof(path));
    return load(state, path, cfg, 1);
}

static const char *status_name(outrider_status s)
{
    switch (s) {
    case OUTRIDER_RUNNING:     return "running";
    case OUTRIDER_EXITED:      return "exited";
    case OUTRIDER_CYCLE_LIMIT: return "cycle limit";
    case OUTRIDER_STOPPED:     return "stopped by a co-simulation mismatch";
    case OUTRIDER_TRAP_UNHANDLED: return "unhandled trap";
    case OUTRIDER_TRAP_LOOP:   return "trap loop";
    default:                   return "?";
    }
}

void tprog_run_expect(outrider_sim *sim, int code)
{
    outrider_status s = outrider_sim_run(sim);
    int exit_code = outrider_sim_exit_code(sim);
    cosim *co = cosim_of(sim);
    if (co && s != OUTRIDER_RUNNING && cosim_finish(co) != 0)
        fail_msg("%s", cosim_report(co));
    if (s == OUTRIDER_EXITED && exit_code == code)
        return;

    size_t clen = 0;
    const char *console = outrider_sim_console(sim, &clen);
    print_message("run ended: %s, exit code %d (expected %d), %llu cycles\n",
                  status_name(s), exit_code, code,
                  (unsigned long long)outrider_sim_cycles(sim));
    uint32_t bt;
    if (s == OUTRIDER_EXITED && exit_code == TPROG_EXIT_UNEXPECTED_TRAP &&
        outrider_sim_symbol(sim, "bad_trap", &bt) == 0) {
        print_message("unexpected trap: mcause 0x%08x mepc 0x%08x mtval 0x%08x\n",
                      outrider_sim_read_word(sim, bt), outrider_sim_read_word(sim, bt + 4),
                      outrider_sim_read_word(sim, bt + 8));
    }
    char report[1024];
    if (outrider_sim_trap_report(sim, "run", report, sizeof report) > 0)
        print_message("%s", report);
    if (console != NULL && clen > 0)
        print_message("console (%zu bytes):\n%.*s\n", clen, (int)(clen > 2000 ? 2000 : clen),
                      console);
    fail_msg("program did not exit with code %d", code);
}

uint32_t tprog_sym(const outrider_sim *sim, const char *name)
{
    uint32_t addr = 0;
    if (outrider_sim_symbol(sim, name, &addr) != 0)
        fail_msg("symbol %s not found in the program", name);
    return addr;
}

void tprog_read(const outrider_sim *sim, const char *sym, size_t first, uint32_t *words, size_t n)
{
    uint32_t addr = tprog_sym(sim, sym) + (uint32_t)(4 * first);
    if (outrider_sim_read_mem(sim, addr, words, 4 * n) != 0)
        fail_msg("cannot read %zu words of %s at 0x%08x", n, sym, addr);
}

void tprog_write(outrider_sim *sim, const char *sym, size_t first, const uint32_t *words, size_t n)
{
    uint32_t addr = tprog_sym(sim, sym) + (uint32_t)(4 * first);
    if (outrider_sim_write_mem(sim, addr, words, 4 * n) != 0)
        fail_msg("cannot write %zu words of %s at 0x%08x", n, sym, addr);
}

uint32_t tprog_word(const outrider_sim *sim, const char *sym, size_t index)
{
    uint32_t w = 0;
    tprog_read(sim, sym, index, &w, 1);
    return w;
}

void tprog_set_word(outrider_sim *sim, const char *sym, size_t index, uint32_t value)
{
    tprog_write(sim, sym, index, &value, 1);
}

void tprog_fill(outrider_sim *sim, const char *sym, size_t n, uint32_t value)
{
    for (size_t i = 0; i < n; i++)
        tprog_set_word(sim, sym, i, value);
}

void tprog_check(const char *what, size_t index, uint32_t got, uint32_t expected, unsigned *fails)
{
    if (got == expected)
        return;
    if (*fails < 40)
        print_message("  MISMATCH %s [%zu]: got 0x%08x, expected 0x%08x\n", what, index, got,
                      expected);
    (*fails)++;
}

void tprog_checks_done(const char *what, unsigned fails)
{
    if (fails != 0)
        fail_msg("%s: %u mismatching word(s)", what, fails);
}
