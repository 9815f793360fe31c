// SPDX-License-Identifier: Apache-2.0
/*
 * sc_crc_regs.h - the register map of the example CRC-32 device of the
 * SystemC platform (tb/sc/outrider_sc_crc.h), shared by the device model
 * (C++) and the program that drives it (sw/examples/sc_crc.c, C), so the
 * numbers exist once. Plain C, no dependencies.
 *
 * The device sits at the base of the SoC's Ext window (OUTRIDER_EXT_BASE,
 * <outrider/consts.h>). CRC: IEEE 802.3 / zlib (reflected polynomial
 * 0xEDB88320, initial value and final xor 0xFFFFFFFF).
 */
#ifndef SC_CRC_REGS_H
#define SC_CRC_REGS_H

#define SC_CRC_ID_VALUE   0x43524331u   /* "CRC1" */
#define SC_CRC_POLY       0xEDB88320u   /* reflected */
#define SC_CRC_REG_ID     0x00u   /* read: SC_CRC_ID_VALUE */
#define SC_CRC_REG_CTRL   0x04u   /* write bit 0 = 1: start a new CRC */
#define SC_CRC_REG_DATA   0x08u   /* write: feed the enabled bytes, lowest address first */
#define SC_CRC_REG_RESULT 0x0Cu   /* read: CRC of the bytes fed since the start */
#define SC_CRC_REG_COUNT  0x10u   /* read: bytes fed since the start */
#define SC_CRC_CTRL_START 0x1u

#endif
