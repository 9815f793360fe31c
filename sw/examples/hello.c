// SPDX-License-Identifier: Apache-2.0
/*
 * hello.c - the smallest Outrider program: printf through picolibc to the
 * console, the hart id and the cycles spent so far.
 */
#include <stdio.h>

#include <outrider/outrider.h>

int main(void)
{
    uint64_t start = outrider_cycles();

    printf("Hello from Outrider, hart %u!\n", outrider_mhartid());
    uint64_t end = outrider_cycles();
    printf("cycles: %llu at start of main, %llu for the first printf\n",
           (unsigned long long)start, (unsigned long long)(end - start));
    return 0;
}
