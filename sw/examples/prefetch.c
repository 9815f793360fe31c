// SPDX-License-Identifier: Apache-2.0
/*
 * prefetch.c - the Zicbop prefetch hints (outrider/prefetch.h) on an array
 * walk: the main thread sums the values of N scattered 32-byte records in
 * a fixed order and, with `prefetch_on` = 1, hints the record DIST steps
 * ahead with prefetch_r (and once per record a prefetch_w of a record it
 * will update). It also hints an MMIO word, a CLINT word and an unmapped
 * address: those must be dropped (no trap, no device access).
 *
 * The result (checksum printed, exit 0 when it matches the reference) is
 * the same with prefetch_on = 0 or 1: hints change only timing. A test
 * writes prefetch_on before the run (tests/suites/test_preexec.c).
 */
#include <stdint.h>
#include <stdio.h>

#include <outrider/outrider.h>
#include <outrider/prefetch.h>

#define N     2048                 /* records: 64 KiB, 4 times the (16 KiB) data cache */
#define DIST  4

typedef struct {
    uint32_t value;
    uint32_t pad[7];
} rec_t;

static rec_t recs[N];
volatile uint32_t prefetch_on = 1;

static uint32_t order(uint32_t i) { return (i * 389u + 17u) % N; }   /* 389 is odd: a permutation */

int main(void)
{
    uint32_t expect = 0;
    for (uint32_t i = 0; i < N; i++) {
        recs[i].value = i * 2654435761u;
    }
    for (uint32_t i = 0; i < N; i++)
        expect = expect * 31u + recs[order(i)].value;

    int on = prefetch_on != 0;
    if (on) {
        prefetch_r((const void *)0x10000000u);   /* MMIO console: dropped */
        prefetch_w((const void *)0x02000000u);   /* CLINT msip: dropped */
        prefetch_r((const void *)0x40000000u);   /* unmapped: dropped */
    }
    uint32_t sum = 0;
    for (uint32_t i = 0; i < N; i++) {
        if (on && i + DIST < N) {
            prefetch_r(&recs[order(i + DIST)]);
            prefetch_w(&recs[order(i + DIST)].pad[0]);
        }
        uint32_t v = recs[order(i)].value;
        for (int k = 0; k < 8; k++)
            v = v * 33u + (v >> 5);      /* some work per record */
        sum = sum * 31u + recs[order(i)].value;
        recs[order(i)].pad[0] = v;
    }
    printf("prefetch: checksum %08x\n", (unsigned)sum);
    return sum == expect ? 0 : 1;
}
