// SPDX-License-Identifier: Apache-2.0
/*
 * cli_num.h - parsing the numbers of command-line options (smtsim,
 * outrider-iss): one function, so both tools accept and reject the same
 * spellings.
 */
#ifndef CLI_NUM_H
#define CLI_NUM_H

#include <stdint.h>

/* Parse a decimal (or 0x hex) unsigned number, with an optional K/M/G
 * suffix (x 2^10, 2^20, 2^30) when allow_suffix is non-zero. Rejects NULL,
 * empty strings, signs, leading blanks, trailing characters and overflow.
 * Returns 0 and sets *out on success, -1 otherwise (*out unchanged). */
int cli_parse_u64(const char *s, int allow_suffix, uint64_t *out);

#endif
