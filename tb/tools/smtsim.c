// SPDX-License-Identifier: Apache-2.0
/* smtsim.c - command-line simulator: run one RV32 ELF on the Verilated
 * Outrider SoC, optionally in lockstep with the reference ISS (--cosim,
 * tb/lib/cosim.h).
 *
 * Exit status: the program's exit code (& 0xFF), 124 when the cycle limit
 * is reached, 2 for any bad input (one "smtsim: ..." line on stderr), 3 for
 * a co-simulation mismatch (the report on stderr), 4 when a hart trapped
 * with no handler installed or is stuck in a trap loop (the report on
 * stderr: docs/testbench.md "Failure reports"), 130
 * when interrupted (SIGINT/SIGTERM: the trace and statistics are still
 * written).
 * Program console output goes to stdout; simulator messages to stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_num.h"
#include "cosim.h"
#include "fastfwd.h"
#include "outrider_sim.h"
#include "sim_cli.h"

#define EXIT_BAD_INPUT   2
#define EXIT_MISMATCH    3
#define EXIT_TRAP        4
#define EXIT_CYCLE_LIMIT 124
#define EXIT_INTERRUPTED 130
#define RUN_CHUNK        (1u << 16)   /* cycles between interrupt checks */

/* Set by SIGINT/SIGTERM: the run stops cleanly (trace closed, stats written). */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

typedef struct {
    outrider_config cfg;
    const char     *program;
    const char     *stats_path;
    const char     *events_path;
    const char     *commit_log_path;
    int             cosim;
    int             quiet;
    /* debug views (docs/debugging.md) */
    uint64_t        trace_from, trace_to;   /* trace_to 0: to the end */
    int             window;                 /* --trace-from/--trace-to given */
    int             trace_roi;              /* --trace-roi */
    const char     *pipeview_path;
    /* fast-forward (tb/lib/fastfwd.h) */
    int             ff;                     /* --fast-forward given */
    ff_options      ffo;
} options;

static void usage(FILE *out)
{
    fputs("usage: smtsim [options] PROGRAM.elf\n"
          "Run an RV32 ELF (linked at 0x80000000) on the Verilated Outrider SoC.\n"
          "Program console output goes to stdout; the exit status is the program's\n"
          "exit code (& 0xFF), 124 if the cycle limit is reached, 2 on bad input,\n"
          "3 on a co-simulation mismatch, 4 on a trap with no handler installed or a\n"
          "trap loop (report on stderr), 130 if interrupted (the trace and statistics\n"
          "are still written).\n"
          "\n"
          "options:\n"
          "  --max-cycles N       stop after N cycles (0 = no limit; default 100000000)\n"
          "  --mem-latency N      extra cycles per memory (Wishbone) access, a single\n"
          "                       beat or a whole line burst (default 100, or\n"
          "                       $OUTRIDER_MEM_LATENCY)\n"
          "  --mem-outstanding N  max memory accesses in flight, >= 1 (default 4)\n"
          "  --perfect-dcache     every data access behaves as a cache hit (uncached\n"
          "                       path, 0-latency memory; --mem-latency is ignored)\n"
          "  --no-preexec         pre-execution disabled at reset (every spawn refused)\n"
          "  --pexdist N          pexdist CSR after reset: p-thread distance limit in\n"
          "                       cache lines, 0 = off (default: half the cache's lines)\n"
          "  --ram-size N         RAM bytes, K/M/G suffixes allowed; a power of two\n"
          "                       from 64K to 1G (default 16M)\n"
          "  --trace FILE.fst     write an FST waveform (slow)\n"
          "  --trace-from C       trace (FST and --pipeview) from cycle C on (default 0)\n"
          "  --trace-to C         ... up to cycle C, exclusive (default: the end)\n"
          "  --trace-roi          trace (FST and --pipeview) only inside regions of\n"
          "                       interest (roi_begin .. roi_end)\n"
          "  --pipeview FILE      write a Konata pipeline log (Kanata 0004) of both\n"
          "                       contexts (docs/debugging.md)\n"
          "  --fast-forward [N]   run the reference ISS up to roi_begin (or N instructions),\n"
          "                       then move the state into the RTL and go on cycle by cycle\n"
          "  --warm-cache N       with --fast-forward: load the N data-cache lines the ISS\n"
          "                       used last before the switch (default 0: a cold cache)\n"
          "  --stats-json FILE    write statistics as JSON at the end\n"
          "  --events FILE        write the data cache / pre-execution event log\n"
          "                       (one line per event: cycle kind ctx spec addr op class)\n"
          "  --events-roi         record events only inside regions of interest\n"
          "                       (roi_begin()..roi_end(), <outrider/roi.h>)\n"
          "  --cosim              check every retired instruction against the reference\n"
          "                       ISS (lockstep); the first mismatch stops the run with\n"
          "                       a report on stderr and exit status 3\n"
          "  --commit-log FILE    write every retired instruction of the harts in Spike's\n"
          "                       --log-commits format (implies --cosim)\n"
          "  --quiet              no summary or progress on stderr (errors still)\n"
          "  --version            the simulator version\n"
          "  --help               this text\n",
          out);
}

static int bad(const char *fmt, ...)
{
    va_list ap;
    fputs("smtsim: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_BAD_INPUT;
}

static int parse_u32_opt(const char *name, const char *arg, uint32_t min, uint32_t *out)
{
    char msg[256];
    return sim_cli_u32(name, arg, min, out, msg, sizeof msg) ? bad("%s", msg) : 0;
}

/* 0: run; EXIT_SUCCESS + 256: --help done; otherwise the exit status. */
#define PARSE_HELP 256
static int parse_args(int argc, char **argv, options *o)
{
    enum { O_STATS = SIM_OPT_OWN, O_QUIET, O_HELP, O_PEXDIST, O_EVENTS, O_COSIM, O_COMMIT_LOG, O_EVENTS_ROI, O_VERSION,
           O_TRACE_FROM, O_TRACE_TO, O_PIPEVIEW, O_FF, O_WARM, O_TRACE_ROI };
    static const struct option longopts[] = {
        SIM_CLI_LONGOPTS,
        { "trace-from", required_argument, NULL, O_TRACE_FROM },
        { "trace-to", required_argument, NULL, O_TRACE_TO },
        { "pipeview", required_argument, NULL, O_PIPEVIEW },
        { "trace-roi", no_argument, NULL, O_TRACE_ROI },
        { "fast-forward", optional_argument, NULL, O_FF },
        { "warm-cache", required_argument, NULL, O_WARM },
        { "stats-json", required_argument, NULL, O_STATS },
        { "events", required_argument, NULL, O_EVENTS },
        { "pexdist", required_argument, NULL, O_PEXDIST },
        { "cosim", no_argument, NULL, O_COSIM },
        { "commit-log", required_argument, NULL, O_COMMIT_LOG },
        { "quiet", no_argument, NULL, O_QUIET },
        { "help", no_argument, NULL, O_HELP },
        { "events-roi", no_argument, NULL, O_EVENTS_ROI },
        { "version", no_argument, NULL, O_VERSION },
        { NULL, 0, NULL, 0 },
    };
    int c, rc;
    outrider_config_default(&o->cfg);
    char msg[256];
    if (sim_cli_env(&o->cfg, msg, sizeof msg) != 0)
        return bad("%s", msg);
    o->program = o->stats_path = o->events_path = o->commit_log_path = NULL;
    o->quiet = o->cosim = 0;
    o->trace_from = o->trace_to = 0;
    o->window = o->trace_roi = 0;
    o->pipeview_path = NULL;
    o->ff = 0;
    memset(&o->ffo, 0, sizeof o->ffo);
    int warm_given = 0;
    opterr = 0;
    uint64_t v;
    while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        int shared = sim_cli_apply(c, optarg, &o->cfg, msg, sizeof msg);
        if (shared < 0)
            return bad("%s", msg);
        if (shared > 0)
            continue;
        switch (c) {
        case O_TRACE_FROM:
        case O_TRACE_TO:
            if (cli_parse_u64(optarg, 0, &v) != 0)
                return bad("--%s: bad value '%s' (want a cycle number)",
                           c == O_TRACE_FROM ? "trace-from" : "trace-to", optarg);
            *(c == O_TRACE_FROM ? &o->trace_from : &o->trace_to) = v;
            o->window = 1;
            break;
        case O_FF: {
            /* --fast-forward, --fast-forward=N, or --fast-forward N (a number
             * followed by more arguments) */
            const char *n = optarg;
            if (!n && optind < argc - 1 && cli_parse_u64(argv[optind], 0, &v) == 0)
                n = argv[optind++];
            o->ff = 1;
            if (!n) {
                o->ffo.to_roi = 1;
            } else if (cli_parse_u64(n, 1, &v) != 0 || v == 0) {
                return bad("--fast-forward: bad value '%s' (want a positive instruction count)", n);
            } else {
                o->ffo.insns = v;
            }
            break;
        }
        case O_WARM:
            if (cli_parse_u64(optarg, 0, &v) != 0 || v > 4096)
                return bad("--warm-cache: bad value '%s' (want a line count from 0 to 4096)",
                           optarg);
            o->ffo.warm_lines = (unsigned)v;
            warm_given = 1;
            break;
        case O_TRACE_ROI:
            o->trace_roi = 1;
            break;
        case O_PIPEVIEW:
            if (!*optarg)
                return bad("--pipeview: empty file name");
            o->pipeview_path = optarg;
            break;
        case O_STATS:
            if (!*optarg)
                return bad("--stats-json: empty file name");
            o->stats_path = optarg;
            break;
        case O_EVENTS:
            if (!*optarg)
                return bad("--events: empty file name");
            o->events_path = optarg;
            o->cfg.event_log = 1;
            break;
        case O_COSIM:
            o->cosim = 1;
            break;
        case O_COMMIT_LOG:
            if (!*optarg)
                return bad("--commit-log: empty file name");
            o->commit_log_path = optarg;
            o->cosim = 1;
            break;
        case O_PEXDIST:
            if ((rc = parse_u32_opt("pexdist", optarg, 0, &o->cfg.pex_dist)) != 0)
                return rc;
            if (o->cfg.pex_dist > 0xFFFFu)
                return bad("--pexdist: bad value '%s' (want an integer from 0 to 65535)", optarg);
            o->cfg.pex_dist_set = 1;
            break;
        case O_QUIET:
            o->quiet = 1;
            break;
        case O_HELP:
            usage(stdout);
            return PARSE_HELP;
        case O_VERSION:
            printf("smtsim (Outrider) %s\n", outrider_sim_version());
            return PARSE_HELP;
        case O_EVENTS_ROI:
            o->cfg.event_log_roi = 1;
            break;
        case ':':
            return bad("option '%s' needs a value (try --help)", argv[optind - 1]);
        default:
            if (optopt >= SIM_OPT_MAX_CYCLES)   /* a known flag given a value */
                return bad("option '%s' takes no value (try --help)", argv[optind - 1]);
            return bad("unknown option '%s' (try --help)", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return bad("no program given (usage: smtsim [options] PROGRAM.elf; try --help)");
    if (argc - optind > 1)
        return bad("one program expected, got %d arguments starting at '%s'",
                   argc - optind, argv[optind]);
    o->program = argv[optind];
    if (warm_given && !o->ff)
        return bad("--warm-cache needs --fast-forward");
    if (o->ff && o->cosim)
        return bad("--fast-forward cannot be combined with --cosim/--commit-log (the ISS "
                   "part is not compared)");
    if ((o->window || o->trace_roi) && !o->cfg.trace_path && !o->pipeview_path)
        return bad("--trace-from/--trace-to/--trace-roi need --trace or --pipeview");
    if (o->window && o->trace_to && o->trace_to <= o->trace_from)
        return bad("--trace-to %" PRIu64 " must be greater than --trace-from %" PRIu64,
                   o->trace_to, o->trace_from);
    o->cfg.console = stdout;
    o->cfg.progress = !o->quiet && isatty(STDERR_FILENO);
    return 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One line: "smtsim: exit 0 after N cycles; retired ctx0 A, ctx1 B; IPC x; y Mcycles/s". */
static void summary(const outrider_sim *sim, outrider_status st, double secs)
{
    const outrider_stats *s = outrider_sim_stats(sim);
    uint64_t total = 0;
    if (st == OUTRIDER_EXITED)
        fprintf(stderr, "smtsim: exit %d after %" PRIu64 " cycles; retired",
                outrider_sim_exit_code(sim), s->cycles);
    else
        fprintf(stderr, "smtsim: stopped after %" PRIu64 " cycles; retired", s->cycles);
    for (unsigned c = 0; c < s->num_ctx; c++) {
        fprintf(stderr, "%s ctx%u %" PRIu64, c ? "," : "", c, s->ctx[c].retired);
        total += s->ctx[c].retired;
    }
    fprintf(stderr, "; IPC %.3f; %.2f Mcycles/s\n",
            s->cycles ? (double)total / (double)s->cycles : 0.0,
            secs > 0 ? (double)s->cycles / secs * 1e-6 : 0.0);
}

/* The event log as text, one event per line. 0 on success. */
static int write_events(const outrider_sim *sim, FILE *out)
{
    size_t n = 0;
    const outrider_event *ev = outrider_sim_events(sim, &n);
    fputs("# cycle kind ctx spec addr op class flags\n", out);
    for (size_t i = 0; i < n; i++) {
        const outrider_event *e = &ev[i];
        int access = e->kind == OUTRIDER_EV_LOAD || e->kind == OUTRIDER_EV_STORE;
        const char *cls = access ? outrider_access_class_name(e->cls)
                        : e->kind == OUTRIDER_EV_PEX ? outrider_pex_event_name(e->cls) : "-";
        fprintf(out, "%" PRIu64 " %s %u %u 0x%08" PRIx32 " %u %s %u\n", e->cycle,
                outrider_event_kind_name(e->kind), e->ctx, e->spec, e->addr, e->op, cls,
                e->flags);
    }
    return ferror(out) ? -1 : 0;
}

/* --trace-from/--trace-to, --pipeview; 0 or -1 (message printed). */
static int setup_debug_views(outrider_sim *sim, const options *o)
{
    if (o->window &&
        outrider_sim_set_trace_window(sim, o->trace_from,
                                      o->trace_to ? o->trace_to : UINT64_MAX) != OUTRIDER_OK)
        return bad("%s", outrider_sim_error(sim)), -1;
    if (o->pipeview_path && outrider_sim_pipeview_open(sim, o->pipeview_path) != OUTRIDER_OK)
        return bad("%s", outrider_sim_error(sim)), -1;
    outrider_sim_set_trace_roi(sim, o->trace_roi);
    return 0;
}

/* The exit status, the status the statistics record, and the stderr
 * message of how the run ended. */
static int end_status(outrider_sim *sim, outrider_status st, cosim *co, const options *o)
{
    if (st == OUTRIDER_CYCLE_LIMIT) {
        outrider_config def;
        outrider_config_default(&def);
        fprintf(stderr, "smtsim: cycle limit %" PRIu64 " reached%s\n", o->cfg.max_cycles,
                o->cfg.max_cycles == def.max_cycles ? " (use --max-cycles to run longer)" : "");
    }
    if (st == OUTRIDER_TRAP_UNHANDLED || st == OUTRIDER_TRAP_LOOP) {
        char rep[1024];
        outrider_sim_trap_report(sim, "smtsim", rep, sizeof rep);
        fputs(rep, stderr);
    }
    if (co && cosim_failed(co)) {
        outrider_sim_set_status_name(sim, "cosim_mismatch");
        return EXIT_MISMATCH;
    }
    switch (st) {
    case OUTRIDER_EXITED: return outrider_sim_exit_code(sim) & 0xFF;
    case OUTRIDER_CYCLE_LIMIT: return EXIT_CYCLE_LIMIT;
    case OUTRIDER_TRAP_UNHANDLED:
    case OUTRIDER_TRAP_LOOP: return EXIT_TRAP;
    default:
        outrider_sim_set_status_name(sim, "interrupted");
        return EXIT_INTERRUPTED;
    }
}

int main(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc == PARSE_HELP)
        return EXIT_SUCCESS;
    if (rc != 0)
        return rc;

    char err[512];
    outrider_sim *sim = outrider_sim_create(&o.cfg, err, sizeof err);
    if (!sim)
        return bad("%s", err);
    if (outrider_sim_load_elf(sim, o.program) != OUTRIDER_OK) {
        rc = bad("%s", outrider_sim_error(sim));
        outrider_sim_destroy(sim);
        return rc;
    }
    if (setup_debug_views(sim, &o) != 0) {
        outrider_sim_destroy(sim);
        return EXIT_BAD_INPUT;
    }
    ff_state *ff = NULL;
    if (o.ff) {
        ff_result fr;
        double f0 = now_s();
        o.ffo.console = stdout;
        ff = ff_prepare(sim, &o.cfg, o.program, &o.ffo, &fr, err, sizeof err);
        if (!ff) {
            outrider_sim_destroy(sim);
            return bad("%s", err);
        }
        if (fr.exited) {
            fflush(stdout);
            if (!o.quiet)
                fprintf(stderr, "smtsim: the program ended during fast-forward%s (exit %d after "
                        "%" PRIu64 " ISS instructions)\n",
                        o.ffo.to_roi ? ", before any roi_begin" : "", fr.exit_code, fr.iss_insns);
            ff_destroy(ff);
            outrider_sim_destroy(sim);
            return fr.exit_code & 0xFF;
        }
        if (!o.quiet)
            fprintf(stderr, "smtsim: fast-forward: %" PRIu64 " ISS instructions in %.2f s; "
                    "switch at pc 0x%08" PRIx32 " (stub of %u instructions at 0x%08" PRIx32
                    ", %u lines warmed)\n", fr.iss_insns, now_s() - f0, fr.target_pc,
                    fr.stub_insns, fr.stub_base, fr.warmed);
    }
    /* Created only for a run that starts, but before it (fail early). */
    FILE *stats = NULL, *events = NULL;
    if (o.stats_path && !(stats = fopen(o.stats_path, "w"))) {
        rc = bad("cannot create %s: %s", o.stats_path, strerror(errno));
        outrider_sim_destroy(sim);
        return rc;
    }
    if (o.events_path && !(events = fopen(o.events_path, "w"))) {
        rc = bad("cannot create %s: %s", o.events_path, strerror(errno));
        if (stats)
            fclose(stats);
        outrider_sim_destroy(sim);
        return rc;
    }
    FILE *commit_log = NULL;
    cosim *co = NULL;
    if (o.commit_log_path && !(commit_log = fopen(o.commit_log_path, "w"))) {
        rc = bad("cannot create %s: %s", o.commit_log_path, strerror(errno));
        goto early_out;
    }
    if (o.cosim && !(co = cosim_attach(sim, &o.cfg, o.program, commit_log, err,
                                       sizeof err))) {
        rc = bad("%s", err);
        goto early_out;
    }

    /* A terminal sees the program's output as it is printed; a file or a
     * pipe gets it buffered (flushed at exit). */
    if (isatty(STDOUT_FILENO))
        setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    double t0 = now_s();
    outrider_status st;
    do
        st = outrider_sim_step(sim, RUN_CHUNK);
    while (st == OUTRIDER_RUNNING && !interrupted);
    double secs = now_s() - t0;
    fflush(stdout);
    /* On a shared terminal, start our messages on a fresh line. */
    size_t con_len = 0;
    const char *con = outrider_sim_console(sim, &con_len);
    if (con_len && con[con_len - 1] != '\n' && isatty(STDOUT_FILENO) && isatty(STDERR_FILENO))
        fputc('\n', stderr);

    if (co && st != OUTRIDER_RUNNING)
        cosim_finish(co);
    rc = end_status(sim, st, co, &o);
    if (st == OUTRIDER_RUNNING)
        fprintf(stderr, "%ssmtsim: interrupted after %" PRIu64 " cycles\n",
                o.cfg.progress ? "\n" : "", outrider_sim_cycles(sim));
    if (co && cosim_failed(co))
        fputs(cosim_report(co), stderr);
    if (!o.quiet)
        summary(sim, st, secs);
    if (co && !cosim_failed(co) && !o.quiet)
        fprintf(stderr, "smtsim: cosim: %" PRIu64 " instructions and traps compared, no mismatch\n",
                cosim_compared(co));
    cosim_detach(co);
    if (commit_log && fclose(commit_log) != 0) {
        fprintf(stderr, "smtsim: cannot write %s\n", o.commit_log_path);
        rc = EXIT_BAD_INPUT;
    }
    if (stats) {
        int werr = outrider_sim_write_stats_json(sim, stats);
        if (fclose(stats) != 0 || werr != OUTRIDER_OK) {
            fprintf(stderr, "smtsim: cannot write %s\n", o.stats_path);
            rc = EXIT_BAD_INPUT;
        }
    }
    if (o.pipeview_path && outrider_sim_pipeview_close(sim) != OUTRIDER_OK) {
        fprintf(stderr, "smtsim: cannot write %s\n", o.pipeview_path);
        rc = EXIT_BAD_INPUT;
    }
    if (events) {
        int werr = write_events(sim, events);
        if (fclose(events) != 0 || werr != 0) {
            fprintf(stderr, "smtsim: cannot write %s\n", o.events_path);
            rc = EXIT_BAD_INPUT;
        }
    }
    ff_destroy(ff);
    outrider_sim_destroy(sim);
    return rc;

early_out:
    ff_destroy(ff);
    if (stats)
        fclose(stats);
    if (events)
        fclose(events);
    if (commit_log)
        fclose(commit_log);
    outrider_sim_destroy(sim);
    return rc;
}
