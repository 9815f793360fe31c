// SPDX-License-Identifier: Apache-2.0
/*
 * exit.c - process termination for picolibc on Outrider.
 *
 * _exit(code) writes code to the MMIO SIM_EXIT register, which ends the
 * simulation; the hart then sleeps. Returning from main and exit() end up
 * here. abort() (and a failed assert()) raises SIGABRT, whose default
 * action calls kill(getpid(), SIGABRT): kill prints
 * "outrider: killed by signal N" and exits with code 128 + N (134 for
 * SIGABRT), as a POSIX shell reports it. There is one process: getpid()
 * is 1 and kill() of any other pid fails with ESRCH.
 */
#include <errno.h>
#include <signal.h>
#include <sys/types.h>

#include <outrider/outrider.h>

#define OUTRIDER_PID 1

void _exit(int code);
pid_t getpid(void);
int kill(pid_t pid, int sig);

__attribute__((noreturn)) void _exit(int code)
{
    outrider_exit(code);
}

pid_t getpid(void)
{
    return OUTRIDER_PID;
}

int kill(pid_t pid, int sig)
{
    if (pid != OUTRIDER_PID) {
        errno = ESRCH;
        return -1;
    }
    if (sig < 0 || sig >= NSIG) {
        errno = EINVAL;
        return -1;
    }
    if (sig == 0)
        return 0;
    outrider_puts("outrider: killed by signal ");
    if (sig >= 10)
        outrider_putc((char)('0' + sig / 10));
    outrider_putc((char)('0' + sig % 10));
    outrider_putc('\n');
    _exit(128 + sig);
}
