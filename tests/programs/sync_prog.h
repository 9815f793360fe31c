// SPDX-License-Identifier: Apache-2.0
/*
 * sync_prog.h - helpers shared by the sync library's test programs
 * (tests/programs/sync_*.c): a delay loop that uses no memory and the
 * mtime reader. Programs write what they observed into global arrays that
 * tests/suites/test_sync.c reads back (conventions: tests/README.md).
 */
#ifndef SYNC_PROG_H
#define SYNC_PROG_H

#include <stdint.h>

#include <outrider/sync.h>

/* n iterations of a 2-instruction loop, no memory access. */
static inline void sync_delay(uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        __asm__ __volatile__("" ::: "memory");
}

static inline uint32_t now32(void)
{
    return (uint32_t)outrider_time();
}

#endif
