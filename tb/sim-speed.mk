# SPDX-License-Identifier: Apache-2.0
# tb/sim-speed.mk - `make sim-speed`: simulated cycles per CPU second of
# smtsim (the Verilated Outrider SoC) against a Verilated VexRiscv_Full built
# with the same Verilator flags, runs interleaved (scripts/sim-speed.py,
# docs/performance.md "Simulation speed"). Included by the top Makefile after
# bench.mk (the compute programs). Not part of `make test`.
#
#   make sim-speed        SIMSPEED_RUNS (5) interleaved rounds; table on
#                         stdout, $(BUILD)/sim-speed.json
#   make sim-speed-test   the harness and the script on small inputs: the
#                         VexRiscv harness runs every compute kernel correctly
#                         (checksum ok, the same as Outrider's), a wrong answer
#                         and bad arguments are caught (tests/sim-speed-test.sh)
#   make vexsim           $(BUILD)/vexsim alone
#
# VexRiscv_Full.v comes from PyPI pythondata-cpu-vexriscv (pinned in
# tb/vexriscv/requirements.txt, the same version as the FPGA report's), in
# a venv of its own ($(BUILD)/vex-venv). Its model is verilated with the
# flags of the Outrider model (tb/tb.mk TB_VFLAGS/TB_VOPT): --cc
# --trace-fst (compiled in, never opened) --assert --build, OPT_FAST=-O3
# OPT_GLOBAL=-O2; plus -Wno-fatal (the generated VexRiscv code has width
# warnings; warnings only, no effect on the model). The Outrider-only
# -DOUTRIDER_ASSERT has no meaning for it.

SIMSPEED_RUNS        ?= 5
# the programs: on smtsim one hart and two harts; on VexRiscv the bare
# build of the first one's kernel (the same checksum must come out)
SIMSPEED_KERNEL      ?= crc
SIMSPEED_SMTSIM_PROGS ?= $(SW_PROG_BUILD)/compute_$(SIMSPEED_KERNEL).elf $(SW_PROG_BUILD)/compute_sort_2h.elf
SIMSPEED_JSON        := $(BUILD)/sim-speed.json

VEX_VENV   := $(BUILD)/vex-venv
VEX_REQ    := tb/vexriscv/requirements.txt
VEX_DIR    := $(BUILD)/vexriscv
VEX_SRC    := $(VEX_DIR)/VexRiscv_Full.v
VEX_VDIR   := $(BUILD)/verilator-vex
VEX_MODEL  := $(VEX_VDIR)/VVexRiscv__ALL.a
VEXSIM     := $(BUILD)/vexsim
VEX_VFLAGS := --cc --trace-fst --assert -Wno-fatal --top-module VexRiscv -Mdir $(VEX_VDIR) \
              --build -j $(TB_JOBS) -MAKEFLAGS "$(TB_VOPT)"

$(VEX_VENV)/.requirements: $(VEX_REQ) | deps
	@[ -x $(VEX_VENV)/bin/python ] || python3 -m venv $(VEX_VENV) || \
	  { scripts/ensure-deps.sh python3-venv && python3 -m venv $(VEX_VENV); }
	$(VEX_VENV)/bin/python -m pip install -q --disable-pip-version-check -r $(VEX_REQ)
	cp $(VEX_REQ) $@

$(VEX_SRC): $(VEX_VENV)/.requirements
	@mkdir -p $(@D)
	cp "$$($(VEX_VENV)/bin/python -c 'import pythondata_cpu_vexriscv as p; print(p.data_location)')/VexRiscv_Full.v" $@

$(VEX_MODEL): $(VEX_SRC) tb/sim-speed.mk tb/tb.mk
	@mkdir -p $(VEX_VDIR)
	env -u MAKEFLAGS -u MFLAGS $(VERILATOR) $(VEX_VFLAGS) $(abspath $(VEX_SRC))
	@touch $@

$(VEX_VDIR)/libverilated.a $(VEX_VDIR)/vex_shim.o &: $(VEX_MODEL) tb/vexriscv/vex_shim.cpp \
    tb/vexriscv/vex_shim.h tb/vexriscv/vex_lib.mk
	$(MAKE) -C $(VEX_VDIR) -f $(abspath tb/vexriscv/vex_lib.mk) VL_TOP_MK=VVexRiscv.mk \
	    SHIM_DIR=$(abspath tb/vexriscv) $(TB_VOPT) libverilated.a vex_shim.o
	@touch $(VEX_VDIR)/libverilated.a $(VEX_VDIR)/vex_shim.o

$(VEX_DIR)/vexsim.o: tb/vexriscv/vexsim.c tb/vexriscv/vex_shim.h tb/sim-speed.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TB_CFLAGS_BASE) -Itb/common -Itb/vexriscv -MMD -MP -c -o $@ $<
-include $(VEX_DIR)/vexsim.d

VEX_COMMON_OBJS := $(TB_OBJDIR)/common/elf_load.o $(TB_OBJDIR)/common/wb_mem.o $(TB_OBJDIR)/common/cli_num.o
$(VEXSIM): $(VEX_DIR)/vexsim.o $(VEX_COMMON_OBJS) $(VEX_VDIR)/vex_shim.o $(VEX_MODEL) $(VEX_VDIR)/libverilated.a
	$(CC) -o $@ $(VEX_DIR)/vexsim.o $(VEX_COMMON_OBJS) $(VEX_VDIR)/vex_shim.o $(VEX_MODEL) \
	    $(VEX_VDIR)/libverilated.a -lelf -lz -pthread -lstdc++ -lm

# ---- bare programs (no runtime, no libc, rv32im, RAM at 0x4000_0000) ----
# $(VEX_DIR)/compute_K_bare[_small|_wrong].elf from sw/bench/compute/K.c
VEX_BARE_CFLAGS := -march=rv32im -mabi=ilp32 -O2 -g -ffreestanding -Isw/include \
                   -Isw/bench/compute -ffunction-sections -fdata-sections -Wall -Wextra \
                   $(SW_OWN_CFLAGS) -DCOMPUTE_BARE=1
VEX_BARE_LDFLAGS := -march=rv32im -mabi=ilp32 -nostdlib -nostartfiles -T tb/vexriscv/bare.ld \
                    -Wl,--gc-sections -Wl,--no-warn-rwx-segments
$(VEX_DIR)/crt.o: tb/vexriscv/crt.S | deps
	@mkdir -p $(@D)
	$(SW_CC) -march=rv32im -mabi=ilp32 -Isw/include -Werror -c -o $@ $<
# $(1) suffix, $(2) extra cflags
define vex__bare
$(VEX_DIR)/compute_%_bare$(1).o: sw/bench/compute/%.c sw/bench/compute/compute.h \
    sw/bench/compute/compute_main.h tb/sim-speed.mk | deps
	@mkdir -p $$(@D)
	$(SW_CC) $(VEX_BARE_CFLAGS) $(2) -c -o $$@ $$<
$(VEX_DIR)/compute_%_bare$(1).elf: $(VEX_DIR)/crt.o $(VEX_DIR)/compute_%_bare$(1).o tb/vexriscv/bare.ld
	$(SW_CC) $(VEX_BARE_LDFLAGS) -o $$@ $(VEX_DIR)/crt.o $(VEX_DIR)/compute_$$*_bare$(1).o -lgcc
endef
$(eval $(call vex__bare,,))
$(eval $(call vex__bare,_small,-DCOMPUTE_SMALL=1))
$(eval $(call vex__bare,_wrong,-DCOMPUTE_SMALL=1 -DCOMPUTE_WRONG=1))
.SECONDARY: $(foreach s,bare bare_small bare_wrong,$(patsubst %,$(VEX_DIR)/compute_%_$(s).o,$(COMPUTE_KERNELS)))

.PHONY: vexsim sim-speed sim-speed-test
vexsim: $(VEXSIM)

sim-speed: $(TB_SMTSIM) $(VEXSIM) $(SIMSPEED_SMTSIM_PROGS) $(VEX_DIR)/compute_$(SIMSPEED_KERNEL)_bare.elf
	python3 scripts/sim-speed.py --smtsim $(TB_SMTSIM) --vexsim $(VEXSIM) --runs $(SIMSPEED_RUNS) \
	    --smtsim-progs "$(SIMSPEED_SMTSIM_PROGS)" \
	    --vex-prog $(VEX_DIR)/compute_$(SIMSPEED_KERNEL)_bare.elf --out $(SIMSPEED_JSON)

SIMSPEED_TEST_ELFS := $(foreach k,$(COMPUTE_KERNELS),$(SW_PROG_BUILD)/compute_$(k)_small.elf \
                        $(VEX_DIR)/compute_$(k)_bare_small.elf) \
                      $(VEX_DIR)/compute_$(firstword $(COMPUTE_KERNELS))_bare_wrong.elf
sim-speed-test: $(TB_SMTSIM) $(VEXSIM) $(SIMSPEED_TEST_ELFS)
	tests/sim-speed-test.sh $(TB_SMTSIM) $(VEXSIM) $(SW_PROG_BUILD) $(VEX_DIR) $(COMPUTE_KERNELS)
