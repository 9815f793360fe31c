// SPDX-License-Identifier: Apache-2.0
/*
 * bootrom.h - the boot loader's view of the FPGA top's board devices
 * (fpga/rtl/outrider_fpga.sv) and of its download protocol
 * (docs/fpga-uart.md). Shared by start.S and bootrom.c.
 */
#ifndef OUTRIDER_BOOTROM_H
#define OUTRIDER_BOOTROM_H

#define BOOT_EXT_REGS     0x20008000u  /* Ext window + 0x8000 */
#define BOOT_RX_DATA      0x00u        /* read: bit 8 valid, [7:0] byte (pops) */
#define BOOT_STATUS       0x04u        /* bit 0 rx data, bit 1 tx room, bit 2 rx overrun */
#define BOOT_TX_RAW       0x08u        /* write: byte sent unescaped (frames) */
#define BOOT_MEM_WAIT     0x0Cu        /* latency register: extra wait states */
#define BOOT_MEM_OUT      0x10u        /* outstanding-access limit */
#define BOOT_LED          0x14u
#define BOOT_CLK_HZ       0x18u
#define BOOT_RAM_SIZE     0x1Cu
#define BOOT_BAUD         0x20u
#define BOOT_GO           0x24u        /* write entry: SoC reset, then start there */

#define BOOT_RAM_BASE     0x80000000u
#define BOOT_RESERVE      1024u        /* top of RAM: the loader's stack */

#define BOOT_DLE          0x10u
#define BOOT_MAGIC        0x444C524Fu  /* "ORLD" little endian */
#define BOOT_HDR_BYTES    28u
#define BOOT_KEEP_WAIT    0xFFFFFFFFu  /* header mem_wait: leave the register alone */

/* frames (after DLE), board -> host */
#define BOOT_FRAME_READY  'B'
#define BOOT_FRAME_HDR_OK 'H'
#define BOOT_FRAME_OK     'K'
#define BOOT_FRAME_ERROR  'E'          /* followed by one code byte */
#define BOOT_FRAME_EXIT   'X'          /* sent by hardware, 4 bytes of exit value */

/* error codes */
#define BOOT_ERR_MAGIC    1
#define BOOT_ERR_HDR_CRC  2
#define BOOT_ERR_SIZE     3
#define BOOT_ERR_TIMEOUT  4
#define BOOT_ERR_CRC      5
#define BOOT_ERR_OVERRUN  6

#endif
