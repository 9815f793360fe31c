// SPDX-License-Identifier: Apache-2.0
/*
 * pex_wrong.c - a p-thread that prefetches the wrong data: before each pass
 * over a 12 KiB working set (it fits the 16 KiB data cache), the main thread
 * spawns a p-thread that loads 128 lines of a 256 KiB area the main thread
 * never reads. Its fills can only evict the main thread's lines; the data
 * cache must not protect them (docs/dcache.md section 2: sparing needs the
 * recent p-thread fills to have been used). test_preexec `spare_fills`
 * checks that no eviction spared one and that the checksum is the one
 * without pre-execution. Exit code 0 iff the checksum is right.
 */
#define _DEFAULT_SOURCE 1     /* sbrk() under -std=c11 */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>
#include <outrider/outrider.h>
#include <outrider/preexec.h>

#define WS_WORDS   (12u * 1024u / 4u)   /* working set: 12 KiB */
#define GARBAGE    (256u * 1024u)       /* the area the p-threads load from */
#define LINE_WORDS 8u
#define PASSES     8u
#define WRONG      128u                 /* lines per p-thread */

static uint32_t ws[WS_WORDS] __attribute__((aligned(32)));
static const volatile uint32_t *garbage;   /* from sbrk: RAM starts zeroed, nothing to clear */

/* the p-thread: 128 lines of the garbage area, a different stretch per pass */
static void wrong(void *arg)
{
    uint32_t pass = (uint32_t)(uintptr_t)arg;
    const uint32_t lines = GARBAGE / (4u * LINE_WORDS);
    for (uint32_t k = 0; k < WRONG; k++) {
        uint32_t line = ((pass * WRONG + k) * 37u) % lines;   /* 37 is odd: all lines */
        __asm__ __volatile__("" : : "r"(garbage[line * LINE_WORDS]));
    }
}

static uint32_t pass_sum(uint32_t pass)
{
    uint32_t sum = 0;
    for (uint32_t i = 0; i < WS_WORDS; i += LINE_WORDS) {
        uint32_t v = ws[i];
        for (int k = 0; k < 16; k++)
            v = v * 33u ^ (v >> 5);
        sum += v ^ pass;
    }
    return sum;
}

int main(void)
{
    uint8_t *g = sbrk((ptrdiff_t)(GARBAGE + 32u));
    if (g == (void *)-1)
        return 2;
    garbage = (const volatile uint32_t *)(((uintptr_t)g + 31u) & ~(uintptr_t)31u);
    for (uint32_t i = 0; i < WS_WORDS; i++)
        ws[i] = i * 2654435761u;
    uint32_t expect = 0;
    for (uint32_t p = 0; p < PASSES; p++)
        expect = expect * 31u + pass_sum(p);
    uint32_t sum = 0;
    for (uint32_t p = 0; p < PASSES; p++) {
        (void)pex_spawn(wrong, (void *)(uintptr_t)p);
        sum = sum * 31u + pass_sum(p);
    }
    outrider_puts(sum == expect ? "pex_wrong: ok\n" : "pex_wrong: MISMATCH\n");
    return sum == expect ? 0 : 1;
}
