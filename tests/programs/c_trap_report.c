// SPDX-License-Identifier: Apache-2.0
/*
 * c_trap_report.c - a C program (runtime + picolibc) that executes an
 * illegal instruction after printing a line: the runtime's default trap
 * vector reports it by name on the error console (stderr under smtsim) and
 * exits with 99 (test_roi).
 */
#include <stdio.h>

int main(void)
{
    printf("before the trap\n");
    fflush(stdout);
    __asm__ __volatile__(".word 0x00000000");
    printf("not reached\n");
    return 0;
}
