# SPDX-License-Identifier: Apache-2.0
# ULX3S: ECP5 LFE5U-85F, CABGA381, 25 MHz (fpga/fpga.mk reads FPGA_*_<board>)
FPGA_FAMILY_ulx3s  := ecp5
FPGA_DEVICE_ulx3s  := --85k --package CABGA381 --speed 6
FPGA_CONSTR_ulx3s  := fpga/boards/ulx3s/ulx3s.lpf
FPGA_DESC_ulx3s    := ULX3S (LFE5U-85F-6BG381C)
# programming: openFPGALoader (docs/fpga.md)
FPGA_PROG_ulx3s    := openFPGALoader --board ulx3s
# the SoC's default data cache (16 KiB, 4 ways, 8 MSHRs: docs/performance.md "Choosing the
# cache geometry") and p-thread miss policy (wait, 2 MSHRs kept for the harts:
# docs/performance.md "Several misses per p-thread"); the board top's own defaults
# (4 KiB, 2 ways, 4 MSHRs, reserve 1) stay for the Colorlight i5's 25F
FPGA_PARAMS_ulx3s  := DcacheBytes=16384 DcacheWays=4 DcacheMshrs=8 PexMshrReserve=2 PexMissWait=1
