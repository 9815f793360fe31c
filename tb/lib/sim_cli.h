/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sim_cli.h - the command-line options that smtsim and smtsim-sc share:
 * --max-cycles, --mem-latency, --mem-outstanding, --ram-size, --trace,
 * --perfect-dcache, --no-preexec, and $OUTRIDER_MEM_LATENCY as the default
 * of --mem-latency. One definition of their names, ranges and messages, so
 * that both tools accept and reject the same values with the same words.
 *
 * Use: put SIM_CLI_LONGOPTS into the tool's getopt_long table, give the
 * tool's own options codes from SIM_OPT_OWN on, and pass every code
 * getopt_long returns to sim_cli_apply() before the tool's own switch.
 * Messages carry no program prefix: the tool prints "tool: " + message.
 * What it does not do: print, exit, or parse the tool's own options.
 */
#ifndef SIM_CLI_H
#define SIM_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "outrider_sim.h"

enum {
    SIM_OPT_MAX_CYCLES = 1000, SIM_OPT_MEM_LAT, SIM_OPT_MEM_OUT, SIM_OPT_RAM, SIM_OPT_TRACE,
    SIM_OPT_PERFECT, SIM_OPT_NO_PEX,
    SIM_OPT_OWN   /* the first code of a tool's own options */
};

#define SIM_CLI_LONGOPTS                                                 \
    { "max-cycles", required_argument, NULL, SIM_OPT_MAX_CYCLES },      \
    { "mem-latency", required_argument, NULL, SIM_OPT_MEM_LAT },        \
    { "mem-outstanding", required_argument, NULL, SIM_OPT_MEM_OUT },    \
    { "ram-size", required_argument, NULL, SIM_OPT_RAM },               \
    { "trace", required_argument, NULL, SIM_OPT_TRACE },                \
    { "perfect-dcache", no_argument, NULL, SIM_OPT_PERFECT },           \
    { "no-preexec", no_argument, NULL, SIM_OPT_NO_PEX }

/* Apply getopt_long's code with its argument to cfg: 1 if it is a shared
 * option (applied), 0 if it is not one, -1 on a bad value (err = message). */
int sim_cli_apply(int code, const char *arg, outrider_config *cfg, char *err, size_t len);

/* $OUTRIDER_MEM_LATENCY, if set, as cfg's memory latency: 0, or -1 (err). */
int sim_cli_env(outrider_config *cfg, char *err, size_t len);

/* An integer option from min to UINT32_MAX: 0, or -1 with
 * "--NAME: bad value 'ARG' (want an integer from MIN to 4294967295)". */
int sim_cli_u32(const char *name, const char *arg, uint32_t min, uint32_t *out,
                char *err, size_t len);

#endif
