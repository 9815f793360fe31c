// SPDX-License-Identifier: Apache-2.0
/*
 * c_sort.c - compiled C on the core: qsort (picolibc) of C_SORT_N pseudo-
 * random signed words, then a bitwise CRC-32 (reflected, poly 0xEDB88320)
 * over the sorted words' bytes in little-endian order.
 * Globals read by the test: `sorted` (the sorted array), `results` =
 * {crc, 1 if the program found the array ascending, number of elements}.
 * Also prints "crc32 = %08lx".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "c_sort_params.h"

int32_t sorted[C_SORT_N];
uint32_t results[3];

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static uint32_t crc32_words(const int32_t *w, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = (uint32_t)w[i];
        for (int byte = 0; byte < 4; byte++) {
            crc ^= (v >> (8 * byte)) & 0xFFu;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return ~crc;
}

int main(void)
{
    uint32_t state = C_SORT_SEED;
    for (size_t i = 0; i < C_SORT_N; i++) {
        state = state * C_SORT_LCG_A + C_SORT_LCG_C;
        sorted[i] = (int32_t)state;
    }
    qsort(sorted, C_SORT_N, sizeof(sorted[0]), cmp_i32);

    uint32_t ascending = 1;
    for (size_t i = 1; i < C_SORT_N; i++)
        if (sorted[i - 1] > sorted[i])
            ascending = 0;
    results[0] = crc32_words(sorted, C_SORT_N);
    results[1] = ascending;
    results[2] = C_SORT_N;
    printf("crc32 = %08lx\n", (unsigned long)results[0]);
    return 0;
}
