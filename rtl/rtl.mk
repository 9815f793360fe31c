# rtl/rtl.mk - RTL sources and the RTL checks.
#   make lint        Verilator --lint-only -Wall, Icarus -g2012, yosys 0.23
#                    synth_ice40 and synth_ecp5 (no latches, register files in BRAM)
#   make synth       the same yosys runs, reports in build/synth/
RTL_TOP   := outrider_soc
RTL_CORE  := outrider_core
RTL_SRCS  := $(sort $(wildcard rtl/*.sv))
RTL_INCS  := $(wildcard rtl/*.svh)
# the core alone (no SoC peripherals, no data side): what the FPGA numbers describe
RTL_CORE_SRCS := $(filter-out rtl/outrider_soc.sv rtl/outrider_dbiu.sv rtl/outrider_clint.sv \
                   rtl/outrider_mmio.sv rtl/outrider_amo_alu.sv,$(RTL_SRCS))

SYNTH_DIR := $(BUILD)/synth
# iCE40 UP5K-class parts have DSP blocks (SB_MAC16): use them for the multiplier
SYNTH_OPTS_ice40 := -dsp
SYNTH_OPTS_ecp5  :=

.PHONY: lint lint-verilator lint-icarus synth
lint: lint-verilator lint-icarus synth

lint-verilator: | deps
	@echo "lint: verilator --lint-only -Wall ($(RTL_TOP))"
	@verilator --lint-only -Wall -Irtl $(RTL_SRCS) --top-module $(RTL_TOP)
	@echo "lint: verilator clean"

lint-icarus: | deps
	@mkdir -p $(BUILD)
	@echo "lint: iverilog -g2012 ($(RTL_TOP))"
	@iverilog -g2012 -Irtl -s $(RTL_TOP) -o $(BUILD)/lint-icarus.vvp $(RTL_SRCS) 2> $(BUILD)/lint-icarus.log \
	  || { cat $(BUILD)/lint-icarus.log; exit 1; }
	@echo "lint: icarus accepts the design ($$(grep -c sorry $(BUILD)/lint-icarus.log) 'sorry' notes in $(BUILD)/lint-icarus.log)"

synth: $(SYNTH_DIR)/core_ice40.json $(SYNTH_DIR)/core_ecp5.json
	@scripts/synth-report.sh $(SYNTH_DIR)

$(SYNTH_DIR)/core_%.json: $(RTL_CORE_SRCS) $(RTL_INCS) scripts/synth.ys.in | deps
	@mkdir -p $(SYNTH_DIR)
	@echo "synth: yosys synth_$* ($(RTL_CORE))"
	@sed -e 's|@SRCS@|$(RTL_CORE_SRCS)|' -e 's|@TOP@|$(RTL_CORE)|' -e 's|@FAMILY@|$*|' \
	     -e 's|@OPTS@|$(SYNTH_OPTS_$*)|' \
	     -e 's|@JSON@|$@|' scripts/synth.ys.in > $(SYNTH_DIR)/core_$*.ys
	@yosys -q -l $(SYNTH_DIR)/core_$*.log $(SYNTH_DIR)/core_$*.ys > /dev/null 2>&1 \
	  || { tail -20 $(SYNTH_DIR)/core_$*.log; exit 1; }
