// SPDX-License-Identifier: Apache-2.0
/* event_log.c - see event_log.h. */
#include "event_log.h"

#include <stdlib.h>

#define EVENT_LOG_INIT 1024u

void event_log_init(event_log *l)
{
    l->v = NULL;
    l->n = l->cap = 0;
    l->lost = 0;
}

void event_log_free(event_log *l)
{
    free(l->v);
    event_log_init(l);
}

void event_log_clear(event_log *l)
{
    l->n = 0;
    l->lost = 0;
}

void event_log_push(event_log *l, const outrider_event *e)
{
    if (l->n == l->cap) {
        size_t ncap = l->cap ? 2 * l->cap : EVENT_LOG_INIT;
        outrider_event *nv = realloc(l->v, ncap * sizeof *nv);
        if (!nv) {
            l->lost++;
            return;
        }
        l->v = nv;
        l->cap = ncap;
    }
    l->v[l->n++] = *e;
}
