# rtl/rtl.mk - RTL sources and the RTL checks.
#   make lint        Verilator --lint-only -Wall, Icarus -g2012, yosys 0.23
#                    synth_ice40 and synth_ecp5 (no latches, register files in BRAM)
#   make synth       the same yosys runs, reports in build/synth/
# The RTL lives in rooms (docs/architecture.md):
#   rtl/include/  the shared encodings and the address decode (included in module bodies)
#   rtl/core/     the two-context pipeline and its units
#   rtl/cache/    the data side: the data cache and its engines, the uncached dbiu, the AMO ALU
#   rtl/soc/      the SoC top and its peripherals (CLINT, MMIO)
RTL_TOP   := outrider_soc
RTL_CORE  := outrider_core
RTL_INCDIRS := rtl/include
RTL_IFLAGS  := $(addprefix -I,$(RTL_INCDIRS))
RTL_CORE_SRCS  := $(sort $(wildcard rtl/core/*.sv))
RTL_CACHE_SRCS := $(sort $(wildcard rtl/cache/*.sv))
RTL_SOC_SRCS   := $(sort $(wildcard rtl/soc/*.sv))
RTL_SRCS  := $(RTL_CORE_SRCS) $(RTL_CACHE_SRCS) $(RTL_SOC_SRCS)
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
