// SPDX-License-Identifier: Apache-2.0
/*
 * sc_crc.c - drive the example CRC-32 device of the SystemC platform
 * (smtsim-sc; the device is tb/sc/outrider_sc_crc.h, docs/systemc.md) and
 * check it against a software CRC computed on the core.
 *
 * For a few buffer lengths and alignments (so that both word stores and
 * single-byte stores feed the device): start the device, feed the buffer,
 * read the result and the byte count, compute the same CRC in software,
 * compare. Prints one line per case and the cycles each way, then
 * "sc_crc: all N cases ok".
 *
 * Exit status: 0 if every case matches; 1 on a mismatch; 3 if there is no
 * CRC device in the Ext window (under smtsim the window reads 0).
 * Build: make build/prog/sc_crc.elf (tests/systemc.mk).
 */
#include <stdint.h>
#include <stdio.h>

#include <outrider/outrider.h>

#include "sc_crc_regs.h"

#define BUF_LEN 512u

static uint8_t buf[BUF_LEN + 8];

static inline void reg_write(uint32_t off, uint32_t v)
{
    *(volatile uint32_t *)(OUTRIDER_EXT_BASE + off) = v;
}

static inline uint32_t reg_read(uint32_t off)
{
    return *(volatile uint32_t *)(OUTRIDER_EXT_BASE + off);
}

/* The device's CRC of buf[0..len): word stores for the aligned middle,
 * byte stores (to the DATA register's byte lanes) for the head and tail. */
static uint32_t crc_device(const uint8_t *p, uint32_t len, uint32_t *count)
{
    volatile uint8_t *data8 = (volatile uint8_t *)(OUTRIDER_EXT_BASE + SC_CRC_REG_DATA);
    reg_write(SC_CRC_REG_CTRL, SC_CRC_CTRL_START);
    while (len && ((uintptr_t)p & 3u)) {
        *data8 = *p++;
        len--;
    }
    for (; len >= 4; len -= 4, p += 4)
        reg_write(SC_CRC_REG_DATA, *(const uint32_t *)p);
    while (len--)
        *data8 = *p++;
    *count = reg_read(SC_CRC_REG_COUNT);
    return reg_read(SC_CRC_REG_RESULT);
}

/* The same CRC in software, bit by bit (what the device replaces). */
static uint32_t crc_software(const uint8_t *p, uint32_t len)
{
    uint32_t crc = 0xFFFFFFFFu;
    while (len--) {
        crc ^= *p++;
        for (unsigned k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (SC_CRC_POLY & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

int main(void)
{
    if (reg_read(SC_CRC_REG_ID) != SC_CRC_ID_VALUE) {
        printf("sc_crc: no CRC device at 0x%08x (run me on smtsim-sc)\n",
               (unsigned)OUTRIDER_EXT_BASE);
        return 3;
    }
    /* fixed pseudo-random contents (an LCG), the same on every run */
    uint32_t x = 12345u;
    for (uint32_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (uint8_t)(x >> 16);
    }
    static const struct { uint32_t off, len; } cases[] = {
        { 0, 0 }, { 0, 1 }, { 0, 9 }, { 3, 1 }, { 1, 30 }, { 2, 255 }, { 0, BUF_LEN }, { 5, BUF_LEN },
    };
    const unsigned n = sizeof cases / sizeof cases[0];
    unsigned bad = 0;
    for (unsigned c = 0; c < n; c++) {
        const uint8_t *p = buf + cases[c].off;
        const uint32_t len = cases[c].len;
        uint32_t count = 0;
        uint64_t t0 = outrider_cycles();
        uint32_t dev = crc_device(p, len, &count);
        uint64_t t1 = outrider_cycles();
        uint32_t sw = crc_software(p, len);
        uint64_t t2 = outrider_cycles();
        int ok = dev == sw && count == len;
        bad += !ok;
        printf("sc_crc: %4lu bytes at +%lu: device 0x%08lx (%lu bytes, %llu cycles), "
               "software 0x%08lx (%llu cycles) %s\n",
               (unsigned long)len, (unsigned long)cases[c].off, (unsigned long)dev,
               (unsigned long)count, (unsigned long long)(t1 - t0), (unsigned long)sw,
               (unsigned long long)(t2 - t1), ok ? "ok" : "MISMATCH");
    }
    if (bad) {
        printf("sc_crc: %u of %u cases failed\n", bad, n);
        return 1;
    }
    printf("sc_crc: all %u cases ok\n", n);
    return 0;
}
