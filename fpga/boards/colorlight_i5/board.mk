# SPDX-License-Identifier: Apache-2.0
# Colorlight i5 v7.0: ECP5 LFE5U-25F, CABGA381, 25 MHz (fpga/fpga.mk reads FPGA_*_<board>)
FPGA_FAMILY_colorlight_i5 := ecp5
FPGA_DEVICE_colorlight_i5 := --25k --package CABGA381 --speed 6
FPGA_CONSTR_colorlight_i5 := fpga/boards/colorlight_i5/colorlight_i5.lpf
FPGA_DESC_colorlight_i5   := Colorlight i5 v7.0 (LFE5U-25F-6BG381C)
FPGA_PROG_colorlight_i5   := openFPGALoader --cable cmsisdap
# 32 KiB of RAM: when measured (fpga-rtl a633f1d) 64 KiB took 64 DP16KD and the 25F has
# 56. Since ef58df9 (no_rw_check) 64 KiB takes 32: RamBytes=65536 should now fit (not yet
# placed and routed on the 25F, whose logic is 82 % full)
# The data cache stays at the board top's 4 KiB 2-way (not the SoC's 16 KiB 4-way default:
# the cache's valid/dirty/p-thread bits and pseudo-LRU state are flip-flops, about 1500 more
# with 16 KiB, and the 25F's logic is 82 % full)
FPGA_PARAMS_colorlight_i5 := RamBytes=32768
