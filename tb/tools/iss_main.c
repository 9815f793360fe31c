// SPDX-License-Identifier: Apache-2.0
/* iss_main.c - build/outrider-iss: run one RV32 ELF on the reference ISS
 * (tb/iss/iss.h). Same conventions as smtsim: the program's console output on
 * stdout, its exit code (& 0xFF) as the exit status, 124 at the
 * instruction limit, 2 for bad input (one "outrider-iss: ..." line on
 * stderr). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_num.h"
#include "iss.h"

#define EXIT_BAD_INPUT 2
#define EXIT_LIMIT     124

static int bad(const char *fmt, ...)
{
    va_list ap;
    fputs("outrider-iss: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_BAD_INPUT;
}

static void usage(FILE *out)
{
    fputs("usage: outrider-iss [options] PROGRAM.elf\n"
          "Run an RV32 ELF (linked at 0x80000000) on the Outrider reference ISS\n"
          "(functional, no timing; pex.spawn is always refused). Console output on\n"
          "stdout; exit status = the program's exit code (& 0xFF), 124 at the\n"
          "instruction limit, 2 on bad input.\n"
          "\n"
          "options:\n"
          "  --max-insns N      stop after N instructions (0 = no limit; default 1000000000)\n"
          "  --ram-size N       RAM bytes, K/M/G suffixes allowed; a power of two\n"
          "                     from 64K to 1G (default 16M)\n"
          "  --commit-log FILE  one line per retired instruction, Spike --log-commits style\n"
          "  --quiet            no summary on stderr\n"
          "  --help             this text\n",
          out);
}

static void log_commit(void *user, const iss_commit *c)
{
    char line[160];
    if (iss_format_commit(c, line, sizeof line) > 0)
        fprintf((FILE *)user, "%s\n", line);
}

int main(int argc, char **argv)
{
    enum { O_MAX = 1000, O_RAM, O_LOG, O_QUIET, O_HELP };
    static const struct option longopts[] = {
        { "max-insns", required_argument, NULL, O_MAX },
        { "ram-size", required_argument, NULL, O_RAM },
        { "commit-log", required_argument, NULL, O_LOG },
        { "quiet", no_argument, NULL, O_QUIET },
        { "help", no_argument, NULL, O_HELP },
        { NULL, 0, NULL, 0 },
    };
    iss_config cfg;
    iss_config_default(&cfg);
    uint64_t max_insns = 1000000000ull, v;
    const char *log_path = NULL;
    int quiet = 0, c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (c) {
        case O_MAX:
            if (cli_parse_u64(optarg, 0, &v) != 0)
                return bad("--max-insns: bad value '%s' (want a non-negative integer)", optarg);
            max_insns = v;
            break;
        case O_RAM:
            if (cli_parse_u64(optarg, 1, &v) != 0 || v < (64u << 10) || v > (1u << 30) || (v & (v - 1)))
                return bad("--ram-size: bad value '%s' (want a power of two from 64K to 1G)",
                           optarg);
            cfg.ram_size = (uint32_t)v;
            break;
        case O_LOG:
            if (!*optarg)
                return bad("--commit-log: empty file name");
            log_path = optarg;
            break;
        case O_QUIET:
            quiet = 1;
            break;
        case O_HELP:
            usage(stdout);
            return EXIT_SUCCESS;
        case ':':
            return bad("option '%s' needs a value (try --help)", argv[optind - 1]);
        default:
            if (optopt >= O_MAX)
                return bad("option '%s' takes no value (try --help)", argv[optind - 1]);
            return bad("unknown option '%s' (try --help)", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return bad("no program given (usage: outrider-iss [options] PROGRAM.elf; try --help)");
    if (argc - optind > 1)
        return bad("one program expected, got %d arguments starting at '%s'", argc - optind,
                   argv[optind]);

    char err[512];
    iss *s = iss_create(&cfg, err, sizeof err);
    if (!s)
        return bad("%s", err);
    if (iss_load_elf(s, argv[optind]) != 0) {
        int rc = bad("%s", iss_error(s));
        iss_destroy(s);
        return rc;
    }
    FILE *log = NULL;
    if (log_path) {
        if (!(log = fopen(log_path, "w"))) {
            int rc = bad("cannot create %s: %s", log_path, strerror(errno));
            iss_destroy(s);
            return rc;
        }
        /* the callback is part of the configuration: recreate with it */
        iss_destroy(s);
        cfg.on_commit = log_commit;
        cfg.commit_user = log;
        s = iss_create(&cfg, err, sizeof err);
        if (!s || iss_load_elf(s, argv[optind]) != 0) {
            fclose(log);
            iss_destroy(s);
            return bad("cannot reload %s", argv[optind]);
        }
    }
    if (isatty(STDOUT_FILENO))
        setvbuf(stdout, NULL, _IONBF, 0);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int exited = iss_run(s, max_insns);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fflush(stdout);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    int rc;
    if (exited) {
        rc = iss_exit_code(s) & 0xFF;
    } else {
        rc = EXIT_LIMIT;
        if (iss_hart_running(s, 0) || iss_hart_running(s, 1))
            fprintf(stderr, "outrider-iss: instruction limit %" PRIu64 " reached (use --max-insns)\n",
                    max_insns);
        else
            fprintf(stderr, "outrider-iss: no hart left running\n");
    }
    if (!quiet)
        fprintf(stderr, "outrider-iss: %s %d after %" PRIu64 " instructions; %.1f MIPS\n",
                exited ? "exit" : "stopped; status", rc, iss_instructions(s),
                secs > 0 ? (double)iss_instructions(s) / secs * 1e-6 : 0.0);
    if (log && fclose(log) != 0) {
        fprintf(stderr, "outrider-iss: cannot write %s\n", log_path);
        rc = EXIT_BAD_INPUT;
    }
    iss_destroy(s);
    return rc;
}
