// SPDX-License-Identifier: Apache-2.0
/*
 * console_buf.h - the program's console: every byte is appended to an
 * in-memory, NUL-terminated buffer and, if an echo stream is set, written
 * to it as well (unbuffered use is up to the stream's owner).
 * The buffer keeps the first CONSOLE_BUF_MAX bytes; later bytes are still
 * echoed but not kept (console_buf_dropped() counts them), so a program
 * that prints forever cannot exhaust host memory.
 * What it does not do: interpret escape sequences or line endings.
 */
#ifndef CONSOLE_BUF_H
#define CONSOLE_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CONSOLE_BUF_MAX ((size_t)64 << 20)

typedef struct {
    char   *buf;
    size_t  len, cap;
    size_t  dropped;   /* bytes not kept (over the limit or out of memory) */
    FILE   *echo;      /* NULL: no echo */
} console_buf;

void        console_buf_init(console_buf *c, FILE *echo);
void        console_buf_put(console_buf *c, uint8_t ch);
/* Never NULL: "" when nothing was printed. */
const char *console_buf_str(const console_buf *c, size_t *len);
size_t      console_buf_dropped(const console_buf *c);
void        console_buf_free(console_buf *c);

#endif
