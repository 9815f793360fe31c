# SPDX-License-Identifier: Apache-2.0
# fpga/sim.mk - the FPGA top's boot ROM and its board-level simulation.
# Included by the top Makefile after rtl/rtl.mk, tb/tb.mk, sw/sw.mk and
# tests/tests.mk (it adds the suite test_fpga to `make test`).
#
# For the FPGA flow (fpga/fpga.mk):
#   FPGA_RTL_SRCS     the FPGA top and its leaf modules (fpga/rtl/*.sv);
#                     with $(RTL_SRCS) and -I$(RTL_INCDIRS) the whole design
#   FPGA_BOOTROM_HEX  the boot ROM image for BootRomHex ($readmemh, words)
# Targets:
#   fpga-bootrom      build $(FPGA_BOOTROM_HEX) (sw/boot/, 4 KiB at most)
#   fpga-sim          the board simulator $(FPGA_SIM) (Verilated outrider_fpga
#                     with its UART on a pseudo-terminal, tests/fpga/fpga_sim.cpp)
#   run-test_fpga     the board-level test: programs and bad transfers sent
#                     through scripts/fpga-load.py, compared with smtsim
#   fpga-load         make fpga-load PROG=x.elf [PORT=/dev/ttyUSB0]
#                     [FPGA_LATENCY=N] [BOARD=...]: run a program on a board

RTL_INCDIRS   ?= rtl
FPGA_RTL_SRCS := $(sort $(wildcard fpga/rtl/*.sv))
FPGA_BUILD    := $(BUILD)/fpga

# ---- boot ROM -------------------------------------------------------------
FPGA_BOOT_DIR     := $(FPGA_BUILD)/boot
FPGA_BOOTROM_ELF  := $(FPGA_BUILD)/bootrom.elf
FPGA_BOOTROM_HEX  := $(FPGA_BUILD)/bootrom.hex
FPGA_BOOTROM_BYTES := 4096
# cycles/instructions of the start prologue (sw/boot/start.S), measured with
# the board simulation so that a program's counters read as in smtsim
# (BOOT_GO_INSNS: the instructions after its `csrw minstret`, which itself
# does not count: a write to minstret replaces that instruction's increment)
FPGA_BOOT_GO      := -DBOOT_GO_CYCLES=9 -DBOOT_GO_INSNS=9 -DBOOT_GO_MTIME=13
FPGA_BOOT_CFLAGS  := $(SW_ISA) -Os -g -std=c11 -ffreestanding -fno-builtin \
                     -fno-tree-loop-distribute-patterns -Wall -Wextra -Werror -Isw/boot
FPGA_BOOT_OBJS    := $(FPGA_BOOT_DIR)/start.o $(FPGA_BOOT_DIR)/bootrom.o

$(FPGA_BOOT_DIR)/bootrom.o: sw/boot/bootrom.c sw/boot/bootrom.h fpga/sim.mk | deps
	@mkdir -p $(@D)
	$(SW_CC) $(FPGA_BOOT_CFLAGS) -c $< -o $@
$(FPGA_BOOT_DIR)/start.o: sw/boot/start.S sw/boot/bootrom.h fpga/sim.mk | deps
	@mkdir -p $(@D)
	$(SW_CC) $(SW_ISA) $(FPGA_BOOT_GO) -Isw/boot -c $< -o $@
$(FPGA_BOOTROM_ELF): $(FPGA_BOOT_OBJS) sw/boot/bootrom.ld
	$(SW_CC) $(SW_LINK_ISA) -nostdlib -nostartfiles -T sw/boot/bootrom.ld -Wl,--gc-sections \
	    -o $@ $(FPGA_BOOT_OBJS) -lgcc
# word-addressed hex from address 0 of the ROM
$(FPGA_BOOTROM_HEX): $(FPGA_BOOTROM_ELF)
	$(RISCV_PREFIX)objcopy -O verilog --verilog-data-width 4 --change-addresses -0x20000000 $< $@
	@echo "fpga: boot ROM $$($(RISCV_PREFIX)size $< | awk 'NR == 2 {print $$1}') of $(FPGA_BOOTROM_BYTES) bytes"

.PHONY: fpga-bootrom
fpga-bootrom: $(FPGA_BOOTROM_HEX)

# ---- board simulation -----------------------------------------------------
# A fast UART (6 clock cycles per bit: 691200 Hz, 115200 baud; the boot
# loader takes about 30 cycles per byte) and 64 KiB of RAM keep it quick.
FPGA_SIM_CLKHZ := 691200
FPGA_SIM_BAUD  := 115200
FPGA_SIM_RAM   := 65536
FPGA_SIM_DIR   := $(BUILD)/verilator-fpga
FPGA_SIM       := $(FPGA_SIM_DIR)/fpga-sim
FPGA_SIM_GFLAGS := -GClkHz=$(FPGA_SIM_CLKHZ) -GBaud=$(FPGA_SIM_BAUD) -GRamBytes=$(FPGA_SIM_RAM) \
                   -GBootRomBytes=$(FPGA_BOOTROM_BYTES) -GBootRomHex='"$(abspath $(FPGA_BOOTROM_HEX))"'
FPGA_SIM_DIV   := $(shell echo $$(( ($(FPGA_SIM_CLKHZ) + $(FPGA_SIM_BAUD) / 2) / $(FPGA_SIM_BAUD) )))

$(FPGA_SIM): $(RTL_SRCS) $(RTL_INCS) $(FPGA_RTL_SRCS) tests/fpga/fpga_sim.cpp fpga/sim.mk | deps
	@mkdir -p $(FPGA_SIM_DIR)
	env -u MAKEFLAGS -u MFLAGS $(VERILATOR) --cc --exe --build -j $(TB_JOBS) --trace-fst \
	    --assert -DOUTRIDER_ASSERT \
	    --top-module outrider_fpga $(addprefix -I,$(RTL_INCDIRS)) -Mdir $(FPGA_SIM_DIR) -o fpga-sim \
	    $(FPGA_SIM_GFLAGS) -CFLAGS -DFPGA_SIM_DIV=$(FPGA_SIM_DIV) -MAKEFLAGS "$(TB_VOPT)" \
	    $(RTL_SRCS) $(FPGA_RTL_SRCS) $(abspath tests/fpga/fpga_sim.cpp)
	@touch $@

.PHONY: fpga-sim
fpga-sim: $(FPGA_SIM) $(FPGA_BOOTROM_HEX)

# ---- programs of the board test: linked for the board's 64 KiB ------------
FPGA_PROG_LDFLAGS := -Wl,--defsym=__ram_size=$(FPGA_SIM_RAM) -Wl,--defsym=__stack_size=0x1000
$(eval $(call sw_prog_rule,fpga_hello,sw/examples/hello.c,$(SW_OWN_CFLAGS),$(FPGA_PROG_LDFLAGS)))
$(eval $(call sw_prog_rule,fpga_twoharts,sw/examples/twoharts.c,$(SW_OWN_CFLAGS),$(FPGA_PROG_LDFLAGS)))
$(eval $(call sw_prog_rule,fpga_pex_list,sw/examples/pex_list.c,$(SW_OWN_CFLAGS) -DLIST_BITS=4,$(FPGA_PROG_LDFLAGS)))
$(eval $(call sw_raw_prog_rule,fpga_counters,tests/fpga/counters.S,,$(FPGA_PROG_LDFLAGS)))
FPGA_TEST_PROGS := fpga_hello fpga_twoharts fpga_pex_list fpga_counters
FPGA_TEST_ELFS  := $(FPGA_TEST_PROGS:%=$(SW_PROG_BUILD)/%.elf)

# ---- the suite ------------------------------------------------------------
# $(TESTS_BUILD)/test_fpga is a small script (the suites are executables)
FPGA_TEST := $(TESTS_BUILD)/test_fpga
$(FPGA_TEST): tests/fpga/test_fpga.py fpga/sim.mk
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec python3 %s --sim %s --smtsim %s --loader %s --ram-size %s --elf-dir %s --bad-dir %s "$$@"\n' \
	    '$(abspath tests/fpga/test_fpga.py)' '$(abspath $(FPGA_SIM))' '$(abspath $(TB_SMTSIM))' \
	    '$(abspath scripts/fpga-load.py)' '$(FPGA_SIM_RAM)' '$(abspath $(SW_PROG_BUILD))' \
	    '$(abspath $(TESTS_BAD))' > $@
	@chmod +x $@

TESTS_SUITES += test_fpga
tests-build: $(FPGA_TEST) $(FPGA_SIM) $(FPGA_BOOTROM_HEX) $(FPGA_TEST_ELFS)

.PHONY: run-test_fpga
run-test_fpga: $(FPGA_TEST) $(FPGA_SIM) $(FPGA_BOOTROM_HEX) $(FPGA_TEST_ELFS) $(TB_SMTSIM) $(TESTS_BAD)/far.elf
	$(FPGA_TEST)

# ---- a real board ---------------------------------------------------------
# make fpga-load PROG=x.elf [PORT=/dev/ttyUSB0] [FPGA_LATENCY=N]
FPGA_PY      ?= python3
PORT         ?= /dev/ttyUSB0
FPGA_LATENCY ?=
.PHONY: fpga-load
fpga-load:
	@test -n "$(PROG)" || { echo "usage: make fpga-load BOARD=... PROG=x.elf [PORT=/dev/ttyUSB0] [FPGA_LATENCY=N]" >&2; exit 2; }
	$(FPGA_PY) scripts/fpga-load.py --port $(PORT) $(if $(FPGA_LATENCY),--mem-latency $(FPGA_LATENCY)) $(PROG)
