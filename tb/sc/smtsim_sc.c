// SPDX-License-Identifier: Apache-2.0
/* smtsim_sc.c - smtsim-sc: run one RV32 ELF on the SystemC/TLM-2.0 virtual
 * platform of the Outrider SoC (tb/sc/outrider_sc.h, docs/systemc.md).
 *
 * The command line of smtsim (tb/tools/smtsim.c) without --cosim and
 * --commit-log (they need the C library's retirement hook) and --events. Same
 * console output, exit status and cycle count as smtsim for the same
 * program and options (checked by tests/suites/test_systemc.c).
 *
 * Exit status: the program's exit code (& 0xFF), 124 when the cycle limit
 * is reached, 2 for any bad input (one "smtsim-sc: ..." line on stderr),
 * 130 when interrupted (SIGINT/SIGTERM: the trace and statistics are still
 * written). Program console output goes to stdout; messages to stderr.
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

#include "outrider_sc.h"
#include "sim_cli.h"
#include "progress.h"

#define EXIT_BAD_INPUT   2
#define EXIT_CYCLE_LIMIT 124
#define EXIT_INTERRUPTED 130
#define RUN_CHUNK        (1u << 16)   /* cycles between interrupt checks */

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
    int             quiet;
} options;

static void usage(FILE *out)
{
    fputs("usage: smtsim-sc [options] PROGRAM.elf\n"
          "Run an RV32 ELF (linked at 0x80000000) on the SystemC/TLM-2.0 virtual platform\n"
          "of the Outrider SoC (docs/systemc.md): the same RTL as smtsim, verilated for\n"
          "SystemC, with a TLM memory and the example CRC-32 device at 0x20000000.\n"
          "Program console output goes to stdout; the exit status is the program's\n"
          "exit code (& 0xFF), 124 if the cycle limit is reached, 2 on bad input,\n"
          "130 if interrupted (the trace and statistics are still written).\n"
          "\n"
          "options:\n"
          "  --max-cycles N       stop after N cycles (0 = no limit; default 100000000)\n"
          "  --mem-latency N      extra cycles per memory access, a single beat or a\n"
          "                       whole line burst (default 100, or $OUTRIDER_MEM_LATENCY)\n"
          "  --mem-outstanding N  max memory accesses in flight, >= 1 (default 4)\n"
          "  --perfect-dcache     every data access behaves as a cache hit (uncached\n"
          "                       path, 0-latency memory; --mem-latency is ignored)\n"
          "  --no-preexec         pre-execution disabled at reset (every spawn refused)\n"
          "  --ram-size N         RAM bytes, K/M/G suffixes allowed; a power of two\n"
          "                       from 64K to 1G (default 16M)\n"
          "  --trace FILE.fst     write an FST waveform of the SoC (slow)\n"
          "  --stats-json FILE    write statistics as JSON at the end (smtsim's format)\n"
          "  --quiet              no summary or progress on stderr (errors still)\n"
          "  --help               this text\n",
          out);
}

static int bad(const char *fmt, ...)
{
    va_list ap;
    fputs("smtsim-sc: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_BAD_INPUT;
}


#define PARSE_HELP 256
static int parse_args(int argc, char **argv, options *o)
{
    enum { O_STATS = SIM_OPT_OWN, O_QUIET, O_HELP };
    static const struct option longopts[] = {
        SIM_CLI_LONGOPTS,
        { "stats-json", required_argument, NULL, O_STATS },
        { "quiet", no_argument, NULL, O_QUIET },
        { "help", no_argument, NULL, O_HELP },
        { NULL, 0, NULL, 0 },
    };
    int c;
    outrider_sc_config_default(&o->cfg);
    char msg[256];
    if (sim_cli_env(&o->cfg, msg, sizeof msg) != 0)
        return bad("%s", msg);
    o->program = o->stats_path = NULL;
    o->quiet = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        int shared = sim_cli_apply(c, optarg, &o->cfg, msg, sizeof msg);
        if (shared < 0)
            return bad("%s", msg);
        if (shared > 0)
            continue;
        switch (c) {
        case O_STATS:
            if (!*optarg)
                return bad("--stats-json: empty file name");
            o->stats_path = optarg;
            break;
        case O_QUIET:
            o->quiet = 1;
            break;
        case O_HELP:
            usage(stdout);
            return PARSE_HELP;
        case ':':
            return bad("option '%s' needs a value (try --help)", argv[optind - 1]);
        default:
            if (optopt >= SIM_OPT_MAX_CYCLES)
                return bad("option '%s' takes no value (try --help)", argv[optind - 1]);
            return bad("unknown option '%s' (try --help)", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return bad("no program given (usage: smtsim-sc [options] PROGRAM.elf; try --help)");
    if (argc - optind > 1)
        return bad("one program expected, got %d arguments starting at '%s'",
                   argc - optind, argv[optind]);
    o->program = argv[optind];
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

static void summary(const outrider_sc *sc, outrider_status st, double secs)
{
    const outrider_stats *s = outrider_sc_stats(sc);
    uint64_t total = 0;
    if (st == OUTRIDER_EXITED)
        fprintf(stderr, "smtsim-sc: exit %d after %" PRIu64 " cycles; retired",
                outrider_sc_exit_code(sc), s->cycles);
    else
        fprintf(stderr, "smtsim-sc: stopped after %" PRIu64 " cycles; retired", s->cycles);
    for (unsigned c = 0; c < s->num_ctx; c++) {
        fprintf(stderr, "%s ctx%u %" PRIu64, c ? "," : "", c, s->ctx[c].retired);
        total += s->ctx[c].retired;
    }
    fprintf(stderr, "; IPC %.3f; %.2f Mcycles/s\n",
            s->cycles ? (double)total / (double)s->cycles : 0.0,
            secs > 0 ? (double)s->cycles / secs * 1e-6 : 0.0);
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
    outrider_sc *sc = outrider_sc_create(&o.cfg, err, sizeof err);
    if (!sc)
        return bad("%s", err);
    if (outrider_sc_load_elf(sc, o.program) != OUTRIDER_OK) {
        rc = bad("%s", outrider_sc_error(sc));
        outrider_sc_destroy(sc);
        return rc;
    }
    FILE *stats = NULL;
    if (o.stats_path && !(stats = fopen(o.stats_path, "w"))) {
        rc = bad("cannot create %s: %s", o.stats_path, strerror(errno));
        outrider_sc_destroy(sc);
        return rc;
    }

    if (isatty(STDOUT_FILENO))
        setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    progress prog;
    progress_init(&prog, o.cfg.progress ? stderr : NULL);
    progress_begin(&prog, 0);
    double t0 = now_s();
    outrider_status st;
    do {
        st = outrider_sc_step(sc, RUN_CHUNK);
        progress_tick(&prog, outrider_sc_cycles(sc));
    } while (st == OUTRIDER_RUNNING && !interrupted);
    progress_finish(&prog);
    double secs = now_s() - t0;
    fflush(stdout);
    size_t con_len = 0;
    const char *con = outrider_sc_console(sc, &con_len);
    if (con_len && con[con_len - 1] != '\n' && isatty(STDOUT_FILENO) && isatty(STDERR_FILENO))
        fputc('\n', stderr);

    if (st == OUTRIDER_EXITED)
        rc = outrider_sc_exit_code(sc) & 0xFF;
    else if (st == OUTRIDER_CYCLE_LIMIT)
        rc = EXIT_CYCLE_LIMIT;
    else
        rc = EXIT_INTERRUPTED;
    if (st == OUTRIDER_CYCLE_LIMIT) {
        outrider_config def;
        outrider_sc_config_default(&def);
        fprintf(stderr, "smtsim-sc: cycle limit %" PRIu64 " reached%s\n", o.cfg.max_cycles,
                o.cfg.max_cycles == def.max_cycles ? " (use --max-cycles to run longer)" : "");
    }
    if (st == OUTRIDER_RUNNING) {
        outrider_sc_set_status_name(sc, "interrupted");
        fprintf(stderr, "%ssmtsim-sc: interrupted after %" PRIu64 " cycles\n",
                o.cfg.progress ? "\n" : "", outrider_sc_cycles(sc));
    }
    if (!o.quiet)
        summary(sc, st, secs);
    if (stats) {
        int werr = outrider_sc_write_stats_json(sc, stats);
        if (fclose(stats) != 0 || werr != OUTRIDER_OK) {
            fprintf(stderr, "smtsim-sc: cannot write %s\n", o.stats_path);
            rc = EXIT_BAD_INPUT;
        }
    }
    outrider_sc_destroy(sc);
    return rc;
}
