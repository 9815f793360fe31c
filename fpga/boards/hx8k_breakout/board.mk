# SPDX-License-Identifier: Apache-2.0
# Lattice iCE40-HX8K Breakout Board: iCE40HX8K-CT256, 12 MHz (fpga/fpga.mk reads FPGA_*_<board>)
# The smallest configuration the RTL accepts is chosen in hx8k_breakout_top.sv
# (1 context, 64-byte direct-mapped cache, 1 MSHR, 1 store-buffer entry, 8 KiB RAM).
FPGA_FAMILY_hx8k_breakout := ice40
FPGA_DEVICE_hx8k_breakout := --hx8k --package ct256
FPGA_CONSTR_hx8k_breakout := fpga/boards/hx8k_breakout/hx8k_breakout.pcf
FPGA_DESC_hx8k_breakout   := iCE40-HX8K Breakout (iCE40HX8K-CT256)
FPGA_PROG_hx8k_breakout   := iceprog
# applied with chparam to hx8k_breakout_top (the bitstream) and to outrider_fpga (the report)
FPGA_PARAMS_hx8k_breakout := NumCtx=1 DcacheBytes=64 DcacheWays=1 DcacheMshrs=1 PexMshrReserve=0 StoreBufEntries=1 RamBytes=8192
