// SPDX-License-Identifier: Apache-2.0
/*
 * c_printf_cases.h - the printf calls of c_printf.c, as an X-macro list
 * shared with tests/suites/test_c.c, which formats the same calls with the
 * host's snprintf to compute the console text the program must print.
 * Only conversions whose output C11 defines exactly (no %p, no floats).
 */
#ifndef C_PRINTF_CASES_H
#define C_PRINTF_CASES_H

#define C_PRINTF_CASES(X)                                                          \
    X("hello, outrider\n")                                                         \
    X("%d %d %d\n", 0, -42, 2147483647)                                            \
    X("%u %x %X %o\n", 4000000000u, 0xbeefu, 0xcafeu, 0755u)                       \
    X("[%5d|%-5d|%05d|%+d]\n", 42, 42, 42, 42)                                     \
    X("%s|%10s|%-6s|%.3s\n", "str", "right", "left", "truncate")                   \
    X("%c%c%c %%\n", 'R', 'V', '!')                                                \
    X("%ld %lu\n", -123456789L, 3000000000UL)                                      \
    X("%lld %llx\n", -9876543210LL, 0x123456789abcdefULL)                          \
    X("%#x %#o %8.3d\n", 255u, 8u, 7)

#endif
