/* SPDX-License-Identifier: Apache-2.0 */
/* sim_cli.c - the options smtsim and smtsim-sc share (sim_cli.h). */
#include "sim_cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli_num.h"

#define MIN_RAM (64u * 1024u)
#define MAX_RAM (1024u * 1024u * 1024u)

int sim_cli_u32(const char *name, const char *arg, uint32_t min, uint32_t *out,
                char *err, size_t len)
{
    uint64_t v;
    if (cli_parse_u64(arg, 0, &v) != 0 || v > UINT32_MAX || v < min) {
        snprintf(err, len, "--%s: bad value '%s' (want an integer from %u to %u)", name, arg,
                 (unsigned)min, (unsigned)UINT32_MAX);
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

int sim_cli_env(outrider_config *cfg, char *err, size_t len)
{
    /* $OUTRIDER_MEM_LATENCY sets the default of --mem-latency (the option wins) */
    const char *lat = getenv("OUTRIDER_MEM_LATENCY");
    return lat ? sim_cli_u32("mem-latency (from $OUTRIDER_MEM_LATENCY)", lat, 0,
                             &cfg->mem_latency, err, len)
               : 0;
}

int sim_cli_apply(int code, const char *arg, outrider_config *cfg, char *err, size_t len)
{
    uint64_t v;
    switch (code) {
    case SIM_OPT_MAX_CYCLES:
        if (cli_parse_u64(arg, 0, &v) != 0) {
            snprintf(err, len, "--max-cycles: bad value '%s' (want a non-negative integer)", arg);
            return -1;
        }
        cfg->max_cycles = v;
        return 1;
    case SIM_OPT_MEM_LAT:
        return sim_cli_u32("mem-latency", arg, 0, &cfg->mem_latency, err, len) ? -1 : 1;
    case SIM_OPT_MEM_OUT:
        return sim_cli_u32("mem-outstanding", arg, 1, &cfg->mem_outstanding, err, len) ? -1 : 1;
    case SIM_OPT_RAM:
        if (cli_parse_u64(arg, 1, &v) != 0 || v < MIN_RAM || v > MAX_RAM || (v & (v - 1))) {
            snprintf(err, len, "--ram-size: bad value '%s' (want a power of two from 64K to 1G)",
                     arg);
            return -1;
        }
        cfg->ram_size = (uint32_t)v;
        return 1;
    case SIM_OPT_TRACE:
        if (!*arg) {
            snprintf(err, len, "--trace: empty file name");
            return -1;
        }
        cfg->trace_path = arg;
        return 1;
    case SIM_OPT_PERFECT:
        cfg->perfect_dcache = 1;
        return 1;
    case SIM_OPT_NO_PEX:
        cfg->no_preexec = 1;
        return 1;
    default:
        return 0;
    }
}
