// SPDX-License-Identifier: Apache-2.0
/*
 * crc.c - CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) over a
 * 512-byte message with a 256-entry table, the message changing by one
 * byte between passes: table loads, shifts, xors, a tight byte loop.
 *
 * Timed: K_REPS passes; pass r folds the whole message into the running
 * CRC, then flips byte r mod 512 with the CRC's low byte. Checksum: the
 * final CRC.
 * Reference: the same passes with a 16-entry (nibble) table built bit by
 * bit inside the reference, after both tables pass the known answer
 * CRC-32("123456789") = 0xCBF43926.
 * Data per copy: 1 KiB table + 512-byte message.
 */
#include "compute.h"

#define K_NAME       "crc"
#define K_REPS_FULL  128u
#define K_REPS_SMALL 4u
#define MSG_BYTES    512u
#define CRC_POLY     0xEDB88320u

typedef struct kdata {
    uint32_t table[256];
    uint8_t  msg[MSG_BYTES];
} kdata;

static void k_setup(kdata *d)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int b = 0; b < 8; b++)
            c = (c & 1u) ? (c >> 1) ^ CRC_POLY : c >> 1;
        d->table[i] = c;
    }
    uint32_t seed = 0x1234567u;
    for (uint32_t i = 0; i < MSG_BYTES; i++)
        d->msg[i] = (uint8_t)(c_rand(&seed) >> 11);
}

static uint32_t crc_table(const uint32_t *table, const uint8_t *p, uint32_t n, uint32_t crc)
{
    for (uint32_t i = 0; i < n; i++)
        crc = table[(crc ^ p[i]) & 0xFFu] ^ (crc >> 8);
    return crc;
}

static __attribute__((noinline)) uint32_t k_run(kdata *d, uint32_t reps)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t r = 0; r < reps; r++) {
        crc = crc_table(d->table, d->msg, MSG_BYTES, crc);
        d->msg[r % MSG_BYTES] ^= (uint8_t)crc;
    }
    return crc ^ 0xFFFFFFFFu;
}

/* Reference: four bits at a time. */
static uint32_t crc_nibble(const uint32_t *t16, const uint8_t *p, uint32_t n, uint32_t crc)
{
    for (uint32_t i = 0; i < n; i++) {
        crc ^= p[i];
        crc = t16[crc & 15u] ^ (crc >> 4);
        crc = t16[crc & 15u] ^ (crc >> 4);
    }
    return crc;
}

static uint32_t k_ref(kdata *d, uint32_t reps)
{
    uint32_t t16[16];
    for (uint32_t i = 0; i < 16; i++) {
        uint32_t c = i;
        for (int b = 0; b < 4; b++)
            c = (c >> 1) ^ (CRC_POLY & (0u - (c & 1u)));
        t16[i] = c;
    }
    static const uint8_t kat[9] = { '1', '2', '3', '4', '5', '6', '7', '8', '9' };
    if ((crc_nibble(t16, kat, 9, 0xFFFFFFFFu) ^ 0xFFFFFFFFu) != 0xCBF43926u ||
        (crc_table(d->table, kat, 9, 0xFFFFFFFFu) ^ 0xFFFFFFFFu) != 0xCBF43926u)
        return 0;
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t r = 0; r < reps; r++) {
        crc = crc_nibble(t16, d->msg, MSG_BYTES, crc);
        d->msg[r % MSG_BYTES] ^= (uint8_t)crc;
    }
    return crc ^ 0xFFFFFFFFu;
}

#include "compute_main.h"
