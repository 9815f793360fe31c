// SPDX-License-Identifier: Apache-2.0
/*
 * c_exit.c - the return value of main becomes the exit code, after the
 * atexit handlers ran. main returns 1 + 2 + ... + 9 - 3 = 42 (computed at
 * run time from a volatile bound so the compiler cannot fold it).
 */
#include <stdio.h>
#include <stdlib.h>

static volatile int bound = 9;

static void at_exit_handler(void)
{
    printf("atexit handler ran\n");
}

int main(void)
{
    int sum = 0;
    if (atexit(at_exit_handler) != 0)
        return 1;
    for (int i = 1; i <= bound; i++)
        sum += i;
    printf("main returns %d\n", sum - 3);
    return sum - 3;
}
