# Colorlight i5 v7.0: ECP5 LFE5U-25F, CABGA381, 25 MHz (fpga/fpga.mk reads FPGA_*_<board>)
FPGA_FAMILY_colorlight_i5 := ecp5
FPGA_DEVICE_colorlight_i5 := --25k --package CABGA381 --speed 6
FPGA_CONSTR_colorlight_i5 := fpga/boards/colorlight_i5/colorlight_i5.lpf
FPGA_DESC_colorlight_i5   := Colorlight i5 v7.0 (LFE5U-25F-6BG381C)
FPGA_PROG_colorlight_i5   := openFPGALoader --cable cmsisdap
# 32 KiB of RAM: 64 KiB maps to 64 DP16KD and the 25F has 56 (docs/fpga.md)
FPGA_PARAMS_colorlight_i5 := RamBytes=32768
