/*
 * stats_json.h - write outrider_stats as one JSON object:
 *   {"cycles":N,"exit_code":N,"threads":[{"retired":N,"cycles_active":N},...],
 *    "wishbone":{"reads":N,"writes":N}}
 * (one line, no spaces, a trailing newline; one "threads" entry per context).
 * What it does not do: parse JSON or add keys of its own.
 */
#ifndef STATS_JSON_H
#define STATS_JSON_H

#include <stdio.h>

#include "outrider_sim.h"

/* 0 on success, -1 if writing to out failed. */
int stats_json_write(const outrider_stats *st, FILE *out);

#endif
