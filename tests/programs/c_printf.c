// SPDX-License-Identifier: Apache-2.0
/*
 * c_printf.c - console output through picolibc printf, puts and putchar.
 * The calls are listed in c_printf_cases.h (the test formats the same list
 * on the host); then puts("puts line") and putchar('!'), putchar('\n').
 */
#include <stdio.h>

#include "c_printf_cases.h"

#define CALL_PRINTF(...) printf(__VA_ARGS__);

int main(void)
{
    C_PRINTF_CASES(CALL_PRINTF)
    puts("puts line");
    putchar('!');
    putchar('\n');
    return 0;
}
