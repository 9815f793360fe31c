// SPDX-License-Identifier: Apache-2.0
/*
 * console.c - picolibc's stdin/stdout/stderr for Outrider.
 *
 * One unbuffered FDEV stream shared by stdin, stdout and stderr: every
 * byte written goes straight to the MMIO CONSOLE_TX register (the
 * simulator's stdout). There is no console input: reads return EOF.
 * No locking: printf from two harts may interleave characters.
 */
#include <stdio.h>

#include <outrider/outrider.h>

static int console_put(char c, FILE *f)
{
    (void)f;
    outrider_putc(c);
    return (unsigned char)c;
}

static int console_get(FILE *f)
{
    (void)f;
    return EOF;
}

static FILE console_stream = FDEV_SETUP_STREAM(console_put, console_get, NULL,
                                               _FDEV_SETUP_RW);

FILE *const stdin  = &console_stream;
FILE *const stdout = &console_stream;
FILE *const stderr = &console_stream;
