// SPDX-License-Identifier: Apache-2.0
/*
 * bench_sync.c - the driver of `make bench-sync` (docs/sync.md): runs
 * bench_sync_pause.elf and bench_sync_locks.elf on the simulator with
 * their inputs written into the programs, and writes a Markdown report.
 * Usage: bench_sync PROG_DIR REPORT.md   (exit 0, or 1 with one line on
 * stderr if a run fails). Memory latency: the test bench default (100, or
 * $OUTRIDER_MEM_LATENCY).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outrider_sim.h"

#define PAUSE_ROUNDS 20
#define LOCK_ITERS   2000
#define LOCK_CS      4
#define LOCK_NCS     4

typedef struct {
    const char *dir;
    outrider_sim *sim;
    uint64_t cycles;
    uint64_t retired[2];
    uint64_t active[2];
} runner;

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench_sync: %s: %s\n", what, detail);
    exit(1);
}

static uint32_t sym(runner *r, const char *name)
{
    uint32_t a;
    if (outrider_sim_symbol(r->sim, name, &a) != 0)
        die("symbol not found", name);
    return a;
}

/* Run prog with params[] = p (n words); read n_res words of results. */
static void run(runner *r, const char *prog, const uint32_t *p, size_t n, uint32_t *res,
                size_t n_res)
{
    char path[1024], err[256] = "";
    snprintf(path, sizeof(path), "%s/%s.elf", r->dir, prog);
    outrider_config cfg;
    outrider_config_default(&cfg);
    cfg.console = NULL;
    cfg.max_cycles = 50000000;
    r->sim = outrider_sim_create(&cfg, err, sizeof(err));
    if (r->sim == NULL)
        die("cannot create the simulator", err);
    if (outrider_sim_load_elf(r->sim, path) != OUTRIDER_OK)
        die(path, outrider_sim_error(r->sim));
    if (outrider_sim_write_mem(r->sim, sym(r, "params"), p, 4 * n) != 0)
        die(prog, "cannot write params");
    if (outrider_sim_run(r->sim) != OUTRIDER_EXITED || outrider_sim_exit_code(r->sim) != 0)
        die(prog, "run did not exit with code 0");
    if (outrider_sim_read_mem(r->sim, sym(r, "results"), res, 4 * n_res) != 0)
        die(prog, "cannot read results");
    const outrider_stats *st = outrider_sim_stats(r->sim);
    r->cycles = st->cycles;
    for (int c = 0; c < 2; c++) {
        r->retired[c] = st->ctx[c].retired;
        r->active[c] = st->ctx[c].cycles_active;
    }
    outrider_sim_destroy(r->sim);
    r->sim = NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_sync PROG_DIR REPORT.md\n");
        return 2;
    }
    runner r = {argv[1], NULL, 0, {0, 0}, {0, 0}};
    FILE *out = fopen(argv[2], "w");
    if (out == NULL)
        die("cannot write", argv[2]);
    outrider_config defcfg;
    outrider_config_default(&defcfg);

    static const char *const modes[] = {
        "(a) free (not started)",
        "(b) waits in spin_lock (pause + back-off)",
        "(b') spins with one pause per read",
        "(c) spins without pause",
        "(d) sleeps in event_wait",
        "(e) spins with 8 unrolled pauses per read",
    };
    uint32_t base = 0, sum0 = 0;
    fprintf(out, "# Two harts: pause and locks (make bench-sync)\n\n");
    fprintf(out, "Memory latency %u cycles; `pause` = PauseCycles (default 32).\n\n",
            defcfg.mem_latency);
    fprintf(out, "## Compute kernel on hart 0 while hart 1 ...\n\n");
    fprintf(out, "Kernel: %u rounds over a 256-word table in the data cache "
                 "(tests/bench/bench_sync_pause.c).\n\n", PAUSE_ROUNDS);
    fprintf(out, "| hart 1 | kernel cycles | slowdown | hart 1 instructions (whole run) | "
                 "hart 1 spin iterations |\n|---|---:|---:|---:|---:|\n");
    printf("pause benchmark (kernel cycles on hart 0):\n");
    for (uint32_t m = 0; m < 6; m++) {
        /* mode m of the program; row (d) is mode 4, (e) mode 5 */
        uint32_t p[2] = {m, PAUSE_ROUNDS}, res[4];
        run(&r, "bench_sync_pause", p, 2, res, 4);
        if (m == 0) {
            base = res[0];
            sum0 = res[1];
        } else if (res[1] != sum0) {
            die("bench_sync_pause", "kernel checksum differs between modes");
        }
        double slow = 100.0 * ((double)res[0] - base) / base;
        char spins[16] = "-";
        if (m == 2 || m == 3 || m == 5)
            snprintf(spins, sizeof(spins), "%u", res[3]);
        fprintf(out, "| %s | %u | %+.1f%% | %llu | %s |\n", modes[m], res[0], slow,
                (unsigned long long)r.retired[1], spins);
        printf("  %-42s %8u cycles (%+.1f%%)\n", modes[m], res[0], slow);
    }

    static const char *const kinds[] = {"spinlock_t", "ticketlock_t", "mcslock_t"};
    fprintf(out, "\n## Lock throughput and latency\n\n");
    fprintf(out, "Each hart: %u acquisitions, critical section and outside work %u/%u "
                 "delay-loop iterations (tests/bench/bench_sync_locks.c). Latency: cycles "
                 "of the lock call (mcycle before the call to after its return).\n\n",
            LOCK_ITERS, LOCK_CS, LOCK_NCS);
    fprintf(out, "| lock | harts | acquisitions | cycles | acquisitions / 1000 cycles | "
                 "mean lock latency | longest |\n|---|---:|---:|---:|---:|---:|---:|\n");
    printf("locks:\n");
    for (uint32_t k = 0; k < 3; k++)
        for (uint32_t h = 1; h <= 2; h++) {
            uint32_t p[5] = {k, LOCK_ITERS, h, LOCK_CS, LOCK_NCS}, res[7];
            run(&r, "bench_sync_locks", p, 5, res, 7);
            uint32_t total = h * LOCK_ITERS;
            if (res[1] != total)
                die("bench_sync_locks", "counter is wrong");
            uint64_t lat_sum = (uint64_t)res[2] + (h == 2 ? res[3] : 0);
            uint32_t longest = res[4] > res[5] && h == 1 ? res[4]
                             : (res[4] > res[5] ? res[4] : res[5]);
            if (h == 1)
                longest = res[4];
            double thr = 1000.0 * total / res[0], lat = (double)lat_sum / total;
            fprintf(out, "| %s | %u | %u | %u | %.2f | %.1f | %u |\n", kinds[k], h, total,
                    res[0], thr, lat, longest);
            printf("  %-12s %u hart(s): %.2f acq/kcycle, mean latency %.1f, longest %u\n",
                   kinds[k], h, thr, lat, longest);
        }
    fclose(out);
    printf("report: %s\n", argv[2]);
    return 0;
}
