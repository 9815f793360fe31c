# rtl/rtl.mk - RTL sources and the lint target (Verilator -Wall, Icarus, yosys).
RTL_TOP   := outrider_soc
RTL_SRCS  := $(sort $(wildcard rtl/*.sv))
RTL_INCS  := rtl/outrider_defs.svh
