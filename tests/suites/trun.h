// SPDX-License-Identifier: Apache-2.0
/*
 * trun.h - running a command-line tool (smtsim, outrider-iss) from a
 * cmocka test: the way the bad-input and co-simulation suites check exit
 * statuses and error messages.
 *
 * What it is not: a shell. No PATH search, no quoting; argv is passed as
 * given.
 */
#ifndef TRUN_H
#define TRUN_H

#include <stddef.h>

/* Run exe with args (argv[0] is exe; at most 30 arguments). stdin is
 * /dev/null, stdout goes to out_path (created/truncated; NULL: /dev/null),
 * stderr is captured into err (NUL-terminated, at most errlen - 1 bytes).
 * Returns the exit status; fails the current test if the tool cannot be
 * started or is killed by a signal. */
int trun(const char *exe, const char **args, size_t nargs, const char *out_path, char *err,
         size_t errlen);

#endif
