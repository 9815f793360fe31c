// SPDX-License-Identifier: Apache-2.0
/* console_buf.c - captured console output (contract in console_buf.h). */
#include "console_buf.h"

#include <stdlib.h>

void console_buf_init(console_buf *c, FILE *echo)
{
    c->buf = NULL;
    c->len = c->cap = c->dropped = 0;
    c->echo = echo;
}

void console_buf_put(console_buf *c, uint8_t ch)
{
    if (c->echo)
        fputc(ch, c->echo);
    if (c->len + 1 >= c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 256;
        if (ncap > CONSOLE_BUF_MAX + 1)
            ncap = CONSOLE_BUF_MAX + 1;
        char *nbuf = ncap > c->cap ? realloc(c->buf, ncap) : NULL;
        if (!nbuf) {
            c->dropped++;
            return;
        }
        c->buf = nbuf;
        c->cap = ncap;
    }
    c->buf[c->len++] = (char)ch;
    c->buf[c->len] = '\0';
}

const char *console_buf_str(const console_buf *c, size_t *len)
{
    if (len)
        *len = c->len;
    return c->buf ? c->buf : "";
}

size_t console_buf_dropped(const console_buf *c) { return c->dropped; }

void console_buf_free(console_buf *c)
{
    free(c->buf);
    console_buf_init(c, NULL);
}
