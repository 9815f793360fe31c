// SPDX-License-Identifier: Apache-2.0
/*
 * bootrom.c - the boot loader of the FPGA top (runs from the boot ROM at
 * 0x2000_0000). It receives a program over the UART and starts it; the
 * protocol is in docs/fpga-uart.md and bootrom.h. In short:
 *   banner text, DLE 'B'                        ready
 *   host: 28-byte header (magic "ORLD", load address, length, entry,
 *         data CRC-32, latency setting, header CRC-32)
 *   DLE 'H'                                     header accepted (RAM cleared)
 *   host: the data
 *   DLE 'K', start register <- entry            program starts on a fresh SoC
 * Any failure: "bootrom: error: ..." on the console, DLE 'E' <code>, then
 * the loader waits for the line to be quiet and sends DLE 'B' again.
 *
 * Memory: no writable data; the stack lives in the top BOOT_RESERVE bytes
 * of RAM, which a program may not load into (its stacks are there anyway,
 * and they are not loaded). Stores go through the data cache; fence.i
 * writes every dirty line back before the start register resets the SoC.
 */
#include <stdint.h>

#include "bootrom.h"

#define REG(off)   (*(volatile uint32_t *)(uintptr_t)(BOOT_EXT_REGS + (off)))
#define CONSOLE    (*(volatile uint8_t *)(uintptr_t)0x10000000u)
#define MTIME_LO   (*(volatile uint32_t *)(uintptr_t)0x0200BFF8u)

void main(void) __attribute__((noreturn));

static void put_c(char c)
{
    CONSOLE = (uint8_t)c;
}

static void put_s(const char *s)
{
    while (*s)
        put_c(*s++);
}

static void put_hex(uint32_t v)
{
    put_s("0x");
    for (int i = 28; i >= 0; i -= 4)
        put_c("0123456789abcdef"[(v >> i) & 15u]);
}

static void put_dec(uint32_t v)
{
    char b[10];
    int n = 0;
    do {
        b[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v);
    while (n)
        put_c(b[--n]);
}

static void frame(char kind)
{
    REG(BOOT_TX_RAW) = BOOT_DLE;
    REG(BOOT_TX_RAW) = (uint8_t)kind;
}

/* One byte; -1 when nothing arrived for `timeout` cycles (0: wait forever). */
static int get_b(uint32_t timeout)
{
    uint32_t t0 = MTIME_LO;
    for (;;) {
        uint32_t d = REG(BOOT_RX_DATA);
        if (d & 0x100u)
            return (int)(d & 0xFFu);
        if (timeout && MTIME_LO - t0 > timeout)
            return -1;
    }
}

static uint32_t get_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* CRC-32 (IEEE 802.3, reflected, as zlib.crc32), four bits at a time. */
static uint32_t crc32(uint32_t crc, const volatile uint8_t *p, uint32_t n, const uint32_t *tab)
{
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        crc = (crc >> 4) ^ tab[crc & 15u];
        crc = (crc >> 4) ^ tab[crc & 15u];
    }
    return ~crc;
}

static void crc_table(uint32_t *tab)
{
    for (uint32_t i = 0; i < 16; i++) {
        uint32_t c = i;
        for (int k = 0; k < 4; k++)
            c = (c & 1u) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
        tab[i] = c;
    }
}

/* Report an error, wait until the line has been quiet for `quiet` cycles
 * (the rest of a bad transfer is dropped), then be ready again. */
static void fail(int code, uint32_t quiet)
{
    put_c('\n');
    frame(BOOT_FRAME_ERROR);
    REG(BOOT_TX_RAW) = (uint32_t)code;
    while (get_b(quiet) >= 0)
        ;
    (void)REG(BOOT_STATUS);     /* clears a receive overrun */
    frame(BOOT_FRAME_READY);
}

void main(void)
{
    uint32_t tab[16];
    uint8_t h[BOOT_HDR_BYTES];
    const uint32_t ram_size = REG(BOOT_RAM_SIZE);
    const uint32_t clk = REG(BOOT_CLK_HZ);
    const uint32_t timeout = clk / 4u;              /* 250 ms without a byte */
    const uint32_t load_end = BOOT_RAM_BASE + ram_size - BOOT_RESERVE;

    crc_table(tab);
    (void)REG(BOOT_STATUS);
    put_s("outrider bootrom: ");
    put_dec(ram_size >> 10);
    put_s(" KiB RAM at 0x80000000 (load up to ");
    put_hex(load_end);
    put_s("), ");
    put_dec(clk);
    put_s(" Hz, ");
    put_dec(REG(BOOT_BAUD));
    put_s(" baud, latency ");
    put_dec(REG(BOOT_MEM_WAIT));
    put_s("\n");
    frame(BOOT_FRAME_READY);

    for (;;) {
        uint32_t i;
        int c = get_b(0);
        h[0] = (uint8_t)c;
        for (i = 1; i < BOOT_HDR_BYTES; i++) {
            c = get_b(timeout);
            if (c < 0)
                break;
            h[i] = (uint8_t)c;
        }
        if (i < BOOT_HDR_BYTES) {
            put_s("bootrom: error: timeout in the header (");
            put_dec(i);
            put_s(" of 28 bytes)");
            fail(BOOT_ERR_TIMEOUT, timeout);
            continue;
        }
        if (get_le32(h) != BOOT_MAGIC) {
            put_s("bootrom: error: bad magic ");
            put_hex(get_le32(h));
            put_s(" (expected \"ORLD\"): not a program header");
            fail(BOOT_ERR_MAGIC, timeout);
            continue;
        }
        if (crc32(0, h, 24, tab) != get_le32(h + 24)) {
            put_s("bootrom: error: bad header checksum");
            fail(BOOT_ERR_HDR_CRC, timeout);
            continue;
        }
        const uint32_t addr = get_le32(h + 4), len = get_le32(h + 8);
        const uint32_t entry = get_le32(h + 12), crc = get_le32(h + 16);
        const uint32_t wait = get_le32(h + 20);
        if (addr < BOOT_RAM_BASE || addr > load_end || len > load_end - addr ||
            entry < BOOT_RAM_BASE || entry >= load_end || (entry & 3u)) {
            put_s("bootrom: error: program does not fit: ");
            put_dec(len);
            put_s(" bytes at ");
            put_hex(addr);
            put_s(", entry ");
            put_hex(entry);
            put_s("; loadable RAM is 0x80000000..");
            put_hex(load_end);
            fail(BOOT_ERR_SIZE, timeout);
            continue;
        }
        /* a program starts on zeroed RAM, as in smtsim */
        for (volatile uint32_t *p = (volatile uint32_t *)BOOT_RAM_BASE;
             p < (volatile uint32_t *)load_end; p++)
            *p = 0;
        frame(BOOT_FRAME_HDR_OK);

        volatile uint8_t *dst = (volatile uint8_t *)addr;
        for (i = 0; i < len; i++) {
            c = get_b(timeout);
            if (c < 0)
                break;
            dst[i] = (uint8_t)c;
        }
        if (i < len) {
            put_s("bootrom: error: timeout: got ");
            put_dec(i);
            put_s(" of ");
            put_dec(len);
            put_s(" bytes (truncated transfer)");
            fail(BOOT_ERR_TIMEOUT, timeout);
            continue;
        }
        if (REG(BOOT_STATUS) & 4u) {
            put_s("bootrom: error: receive overrun (bytes lost)");
            fail(BOOT_ERR_OVERRUN, timeout);
            continue;
        }
        const uint32_t got = crc32(0, dst, len, tab);
        if (got != crc) {
            put_s("bootrom: error: bad checksum: computed ");
            put_hex(got);
            put_s(", header says ");
            put_hex(crc);
            fail(BOOT_ERR_CRC, timeout);
            continue;
        }
        frame(BOOT_FRAME_OK);
        if (wait != BOOT_KEEP_WAIT)
            REG(BOOT_MEM_WAIT) = wait;
        __asm__ __volatile__("fence.i" ::: "memory");
        REG(BOOT_GO) = entry;
        for (;;)
            __asm__ __volatile__("wfi");
    }
}
