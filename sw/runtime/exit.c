/*
 * exit.c - picolibc's _exit for Outrider: the exit code goes to the MMIO
 * SIM_EXIT register, which ends the simulation; the hart then sleeps.
 * Returning from main, exit(), abort() and assert() all end up here.
 */
#include <outrider/outrider.h>

void _exit(int code);

__attribute__((noreturn)) void _exit(int code)
{
    outrider_exit(code);
}
