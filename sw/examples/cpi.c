// SPDX-License-Identifier: Apache-2.0
/*
 * cpi.c - cycles per instruction of a compiled C kernel, with one context
 * running and with both contexts running a copy each.
 *
 * The kernel is a CRC-like loop over a 8 KB buffer (loads, stores, shifts,
 * multiplies, branches): compute-bound with a few cache misses. It runs
 * once alone on context 0, then twice at the same time: on context 1 as a
 * hart (outrider/hart.h) and on context 0. The three runs start from equal
 * (zeroed) buffers, so they must end with the same CRC; the program checks
 * that and exits 1 otherwise.
 *
 *   make prog SRC=sw/examples/cpi.c && build/smtsim build/prog/cpi.elf
 *   build/smtsim --perfect-dcache build/prog/cpi.elf    (no cache misses)
 *
 * "together" CPI is the aggregate: cycles of the pair divided by the
 * instructions both contexts retired in the kernels (docs/core.md).
 */
#include <stdint.h>
#include <stdio.h>
#include <outrider/outrider.h>
#include <outrider/hart.h>

#define WORDS  2000
#define ROUNDS 4

static uint32_t buf[3][WORDS];
static uint32_t crc_of[3];
static uint64_t instret_hart;

static void kernel(unsigned which)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (int r = 0; r < ROUNDS; r++)
        for (int i = 0; i < WORDS; i++) {
            uint32_t x = buf[which][i] ^ crc;
            for (int b = 0; b < 8; b++)
                x = (x >> 1) ^ (0xEDB88320u & -(x & 1u));
            crc = x * 2654435761u + (uint32_t)i;
            buf[which][i] = crc;
        }
    crc_of[which] = crc;
}

static void hart_body(void *arg)
{
    uint64_t i0 = outrider_instret();
    kernel((unsigned)(uintptr_t)arg);
    instret_hart = outrider_instret() - i0;
}

int main(void)
{
    uint64_t c0 = outrider_cycles(), i0 = outrider_instret();
    kernel(0);
    uint64_t c1 = outrider_cycles(), i1 = outrider_instret();
    printf("alone:    %llu cycles, %llu instructions: CPI %.3f\n",
           (unsigned long long)(c1 - c0), (unsigned long long)(i1 - i0),
           (double)(c1 - c0) / (double)(i1 - i0));

    outrider_hart_t h;
    uint64_t c2 = outrider_cycles(), i2 = outrider_instret();
    if (!outrider_hart_start(&h, hart_body, (void *)(uintptr_t)1)) {
        printf("cpi: context 1 is not free\n");
        return 1;
    }
    kernel(2);
    outrider_hart_join(&h);
    uint64_t c3 = outrider_cycles(), i3 = outrider_instret();
    uint64_t both = (i3 - i2) + instret_hart;
    printf("together: %llu cycles, %llu instructions (context 0 %llu incl. start/join, "
           "context 1 %llu): CPI %.3f\n",
           (unsigned long long)(c3 - c2), (unsigned long long)both,
           (unsigned long long)(i3 - i2), (unsigned long long)instret_hart,
           (double)(c3 - c2) / (double)both);

    if (crc_of[0] != crc_of[1] || crc_of[0] != crc_of[2]) {
        printf("cpi: CRC mismatch 0x%08lx 0x%08lx 0x%08lx\n", (unsigned long)crc_of[0],
               (unsigned long)crc_of[1], (unsigned long)crc_of[2]);
        return 1;
    }
    printf("cpi: CRC 0x%08lx on all three runs (ok)\n", (unsigned long)crc_of[0]);
    return 0;
}
