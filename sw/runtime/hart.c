// SPDX-License-Identifier: Apache-2.0
/*
 * hart.c - start/join of full harts on free contexts (outrider/hart.h).
 * The started context runs _hart_entry (crt0.S) with a0 = the record.
 */
#include <stddef.h>

#include <outrider/hart.h>

void _hart_entry(void);

int outrider_hart_start(outrider_hart_t *h, void (*fn)(void *), void *arg)
{
    uint32_t ctx;

    if (h == NULL || fn == NULL)
        return 0;
    h->fn = fn;
    h->arg = arg;
    h->done = 0;
    /* The record must be visible before the new hart reads it. */
    __atomic_thread_fence(__ATOMIC_RELEASE);
    __asm__ __volatile__(".insn r CUSTOM_0, 0, 0x00, %0, %1, %2"
                         : "=r"(ctx)
                         : "r"(_hart_entry), "r"(h)
                         : "memory");
    return (int)ctx;
}

int outrider_hart_start_wait(outrider_hart_t *h, void (*fn)(void *), void *arg,
                             unsigned tries)
{
    for (unsigned i = 0; i < tries; i++) {
        int ctx = outrider_hart_start(h, fn, arg);
        if (ctx != 0 || h == NULL || fn == NULL)
            return ctx;
        outrider_pause();
    }
    return 0;
}

int outrider_hart_done(const outrider_hart_t *h)
{
    return __atomic_load_n(&h->done, __ATOMIC_ACQUIRE);
}

void outrider_hart_join(outrider_hart_t *h)
{
    while (!outrider_hart_done(h))
        outrider_pause();
}

unsigned outrider_hartid(void)
{
    return outrider_mhartid();
}
