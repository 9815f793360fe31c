# SPDX-License-Identifier: Apache-2.0
# rtl/rtl.mk - RTL sources and the RTL checks.
#   make lint        Verilator --lint-only -Wall, Icarus -g2012, yosys 0.23
#                    synth_ice40 and synth_ecp5 (no latches, register files in BRAM)
#   make synth       the same yosys runs, reports in build/synth/
#   make timing      the longest paths of the cache and the core (scripts/comb-depth.py)
#   make timing-soc  the same on the whole SoC as one netlist (about 10 minutes)
# The RTL lives in rooms (docs/architecture.md):
#   rtl/include/  the shared encodings and the address decode (included in module bodies)
#   rtl/core/     the two-context pipeline and its units
#   rtl/cache/    the data side: the data cache and its engines, the uncached dbiu, the AMO ALU
#   rtl/soc/      the SoC top and its peripherals (CLINT, MMIO)
#   rtl/check/    protocol checkers bound in simulation (core <-> data side, Wishbone)
RTL_TOP   := outrider_soc
RTL_CORE  := outrider_core
RTL_INCDIRS := rtl/include
RTL_IFLAGS  := $(addprefix -I,$(RTL_INCDIRS))
RTL_CORE_SRCS  := $(sort $(wildcard rtl/core/*.sv))
RTL_CACHE_SRCS := $(sort $(wildcard rtl/cache/*.sv))
RTL_SOC_SRCS   := $(sort $(wildcard rtl/soc/*.sv))
# protocol checkers: instantiated only in simulation (OUTRIDER_ASSERT)
RTL_CHECK_SRCS := $(sort $(wildcard rtl/check/*.sv))
RTL_SRCS  := $(RTL_CORE_SRCS) $(RTL_CACHE_SRCS) $(RTL_SOC_SRCS) $(RTL_CHECK_SRCS)
RTL_INCS  := $(wildcard $(addsuffix /*.svh,$(RTL_INCDIRS)))
# the core alone (no SoC peripherals, no data side): what the FPGA numbers describe

SYNTH_DIR := $(BUILD)/synth
# iCE40 UP5K-class parts have DSP blocks (SB_MAC16): use them for the multiplier
SYNTH_OPTS_ice40 := -dsp
SYNTH_OPTS_ecp5  :=

.PHONY: lint lint-verilator lint-icarus synth
lint: lint-verilator lint-icarus synth

# the second run lints the OR_ASSERT form (an assertion samples rst_ni synchronously
# by design: SYNCASYNCNET is expected there and checked by the first run)
lint-verilator: | deps
	@echo "lint: verilator --lint-only -Wall ($(RTL_TOP))"
	@verilator --lint-only -Wall $(RTL_IFLAGS) $(RTL_SRCS) --top-module $(RTL_TOP)
	@verilator --lint-only -Wall -Wno-SYNCASYNCNET --assert -DOUTRIDER_ASSERT $(RTL_IFLAGS) $(RTL_SRCS) --top-module $(RTL_TOP)
	@echo "lint: verilator clean"

lint-icarus: | deps
	@mkdir -p $(BUILD)
	@echo "lint: iverilog -g2012 ($(RTL_TOP))"
	@iverilog -g2012 $(RTL_IFLAGS) -s $(RTL_TOP) -o $(BUILD)/lint-icarus.vvp $(RTL_SRCS) 2> $(BUILD)/lint-icarus.log \
	  || { cat $(BUILD)/lint-icarus.log; exit 1; }
	@echo "lint: icarus accepts the design ($$(grep -c sorry $(BUILD)/lint-icarus.log) 'sorry' notes in $(BUILD)/lint-icarus.log)"

synth: $(foreach u,core dcache,$(foreach f,ice40 ecp5,$(SYNTH_DIR)/$(u)_$(f).json))
	@scripts/synth-report.sh $(SYNTH_DIR)

# one yosys run per unit and family: UNIT_TOP, UNIT_SRCS
SYNTH_TOP_core    := $(RTL_CORE)
SYNTH_SRCS_core   := $(RTL_CORE_SRCS)
SYNTH_TOP_dcache  := outrider_dcache
SYNTH_SRCS_dcache := $(filter-out %/outrider_dbiu.sv,$(RTL_CACHE_SRCS))

define synth_rule
$$(SYNTH_DIR)/$(1)_$(2).json: $$(SYNTH_SRCS_$(1)) $$(RTL_INCS) scripts/synth.ys.in | deps
	@mkdir -p $$(SYNTH_DIR)
	@echo "synth: yosys synth_$(2) ($$(SYNTH_TOP_$(1)))"
	@sed -e 's|@SRCS@|$$(SYNTH_SRCS_$(1))|' -e 's|@TOP@|$$(SYNTH_TOP_$(1))|' -e 's|@FAMILY@|$(2)|' \
	     -e 's|@OPTS@|$$(SYNTH_OPTS_$(2))|' -e 's|@IFLAGS@|$$(RTL_IFLAGS)|' \
	     -e 's|@JSON@|$$@|' scripts/synth.ys.in > $$(SYNTH_DIR)/$(1)_$(2).ys
	@yosys -q -l $$(SYNTH_DIR)/$(1)_$(2).log $$(SYNTH_DIR)/$(1)_$(2).ys > /dev/null 2>&1 \
	  || { tail -20 $$(SYNTH_DIR)/$(1)_$(2).log; exit 1; }
endef
$(foreach u,core dcache,$(foreach f,ice40 ecp5,$(eval $(call synth_rule,$(u),$(f)))))

# ---- make timing: the longest register-to-register paths in minutes -----------
# scripts/comb-depth.py on ECP5 netlists (Debian's yosys 0.23, as make synth):
# the data cache with the SoC's geometry (TIMING_DCACHE_PARAMS, the defaults of
# outrider_soc), then the core, whose data-side inputs (dresp_*_i, fill_*_i,
# dreq_ready_i) arrive when the cache's outputs of the same names do. A
# structural estimate (fixed delays per cell and net, no placement), for
# finding long paths and comparing RTL versions; make fpga-report's place and
# route gives the Fmax to quote (docs/fpga.md, "A fast estimate").
TIMING_DCACHE_PARAMS ?= SizeBytes=16384 Ways=4 NumMshr=8 PexMshrReserve=2 PexMissWait=1
TIMING_TOP ?= 10
.PHONY: timing
timing: $(SYNTH_DIR)/core_ecp5.json $(SYNTH_DIR)/dcache_soc_ecp5.json
	@python3 scripts/comb-depth.py $(SYNTH_DIR)/dcache_soc_ecp5.json --top $(TIMING_TOP) \
	  --outputs-json $(SYNTH_DIR)/dcache_soc_ecp5.out.json | tee $(SYNTH_DIR)/timing-dcache.txt
	@python3 scripts/comb-depth.py $(SYNTH_DIR)/core_ecp5.json --top $(TIMING_TOP) \
	  --inputs-from $(SYNTH_DIR)/dcache_soc_ecp5.out.json | tee $(SYNTH_DIR)/timing-core.txt

# make timing-soc: the same estimate on the whole SoC as one netlist (core,
# misaligned-access splitter, cache, peripherals), with the ULX3S's cache
# parameters (TIMING_SOC_PARAMS) and the perfect-cache mode tied off as in
# the FPGA top. It sees the paths that cross the units (the core's commit
# decision -> its data-port arbitration -> the splitter -> the cache's
# array read address), which make timing, timing each unit alone, cannot.
# Yosys 0.23 maps the cache's arrays to distributed RAM where the FPGA
# flow's yosys maps them to block RAM: TIMING_SOC_CUT makes their ports
# path ends, as a block RAM's registered ports are. Paths to top-level
# outputs (<output ...>) end at the simulation's debug ports, which the
# FPGA top leaves open: read them as informative. About 10 minutes.
TIMING_SOC_PARAMS ?= DcacheBytes=16384 DcacheWays=4 DcacheMshrs=8 PexMshrReserve=2 PexMissWait=1
TIMING_SOC_CUT    ?= u_arrays.*mem_q
.PHONY: timing-soc
timing-soc: $(SYNTH_DIR)/soc_ecp5.json
	@python3 scripts/comb-depth.py $< --top $(TIMING_TOP) --cut '$(TIMING_SOC_CUT)' \
	  | tee $(SYNTH_DIR)/timing-soc.txt

$(SYNTH_DIR)/soc_ecp5.json: $(RTL_CORE_SRCS) $(RTL_CACHE_SRCS) $(RTL_SOC_SRCS) $(RTL_INCS) rtl/rtl.mk | deps
	@mkdir -p $(SYNTH_DIR)
	@echo "synth: yosys synth_ecp5 (outrider_soc, $(TIMING_SOC_PARAMS))"
	@{ echo "read_verilog -sv $(RTL_IFLAGS) $(RTL_CORE_SRCS) $(RTL_CACHE_SRCS) $(RTL_SOC_SRCS)"; \
	   echo "chparam $(foreach p,$(TIMING_SOC_PARAMS),-set $(subst =, ,$(p))) outrider_soc"; \
	   echo "hierarchy -top outrider_soc"; echo "proc"; echo "cd outrider_soc"; \
	   echo "connect -set perfect_dcache_i 1'b0"; echo "cd"; \
	   echo "delete -port outrider_soc/perfect_dcache_i"; \
	   echo "synth_ecp5 -top outrider_soc -json $@"; } > $(SYNTH_DIR)/soc_ecp5.ys
	@yosys -q -l $(SYNTH_DIR)/soc_ecp5.log $(SYNTH_DIR)/soc_ecp5.ys > /dev/null 2>&1 \
	  || { tail -20 $(SYNTH_DIR)/soc_ecp5.log; exit 1; }

$(SYNTH_DIR)/dcache_soc_ecp5.json: $(SYNTH_SRCS_dcache) $(RTL_INCS) rtl/rtl.mk | deps
	@mkdir -p $(SYNTH_DIR)
	@echo "synth: yosys synth_ecp5 (outrider_dcache, $(TIMING_DCACHE_PARAMS))"
	@{ echo "read_verilog -sv $(RTL_IFLAGS) $(SYNTH_SRCS_dcache)"; \
	   echo "chparam $(foreach p,$(TIMING_DCACHE_PARAMS),-set $(subst =, ,$(p))) outrider_dcache"; \
	   echo "synth_ecp5 -top outrider_dcache -json $@"; } > $(SYNTH_DIR)/dcache_soc_ecp5.ys
	@yosys -q -l $(SYNTH_DIR)/dcache_soc_ecp5.log $(SYNTH_DIR)/dcache_soc_ecp5.ys > /dev/null 2>&1 \
	  || { tail -20 $(SYNTH_DIR)/dcache_soc_ecp5.log; exit 1; }

# ---- the shared constants (spec/outrider.toml -> SystemVerilog include + C header)
# The outputs are checked in (a fresh clone builds without regenerating) and
# regenerated whenever the spec or the generator changes; `make lint` fails
# when a checked-in output is stale.
CONST_SPEC := spec/outrider.toml
CONST_SVH  := rtl/include/outrider_consts.svh
CONST_H    := sw/include/outrider/consts.h
.PHONY: constants lint-constants
constants: $(CONST_SVH) $(CONST_H)
$(CONST_SVH) $(CONST_H) &: $(CONST_SPEC) scripts/gen-constants.py
	python3 scripts/gen-constants.py $(CONST_SPEC) $(CONST_SVH) $(CONST_H)
lint-constants:
	@python3 scripts/gen-constants.py --check $(CONST_SPEC) $(CONST_SVH) $(CONST_H)
	@echo "lint: $(CONST_SVH) and $(CONST_H) match $(CONST_SPEC)"
lint: lint-constants

# ---- the block diagram of docs/architecture.md, generated from the RTL
# (yosys hierarchy of the SoC -> scripts/arch-diagram.py -> graphviz dot)
ARCH_PNG := docs/architecture.png
.PHONY: arch-diagram
arch-diagram: $(ARCH_PNG)
$(ARCH_PNG): $(RTL_CORE_SRCS) $(RTL_CACHE_SRCS) $(RTL_SOC_SRCS) $(RTL_INCS) scripts/arch-diagram.py | deps
	@mkdir -p $(BUILD)/arch
	@command -v dot > /dev/null || scripts/ensure-deps.sh graphviz
	yosys -q -l $(BUILD)/arch/yosys.log -p "read_verilog -sv $(RTL_IFLAGS) $(RTL_CORE_SRCS) $(RTL_CACHE_SRCS) $(RTL_SOC_SRCS); \
	  hierarchy -top $(RTL_TOP); proc; opt_clean; write_json $(BUILD)/arch/soc.json" > /dev/null
	python3 scripts/arch-diagram.py $(BUILD)/arch/soc.json $(BUILD)/arch/soc.dot
	dot -Tpng -Gdpi=80 $(BUILD)/arch/soc.dot -o $@
