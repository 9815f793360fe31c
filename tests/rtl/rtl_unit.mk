# tests/rtl/rtl_unit.mk - unit benches (Icarus) for the RTL blocks around the
# core: divider, AMO ALU, CLINT, MMIO, data-side bus interface unit.
#
#   make rtl-unit          compile and run every bench; fails if any check fails
#   make rtl-unit-<bench>  one bench (names in RTLU_BENCHES)
#   make rtl-unit-lint     verilator --lint-only -Wall per module (several NumCtx)
#                          and yosys synth_ice40 with check -assert and no latches
#
# Included by the top-level Makefile, or standalone:
#   make -f tests/rtl/rtl_unit.mk rtl-unit
# Build products (vvp images, logs, yosys logs) go to $(BUILD)/rtl-unit/.
# Every bench ends with "rtl-unit <name>: N passed, M failed"; a run passes
# only when that line is present with M = 0 and N > 0.

BUILD         ?= build
RTLU_DIR      := $(BUILD)/rtl-unit
RTLU_IVERILOG ?= iverilog
RTLU_VVP      ?= vvp
RTLU_IVFLAGS  := -g2012 -Wall -Wno-timescale -Irtl -Itests/rtl
RTLU_COMMON   := rtl/outrider_defs.svh tests/rtl/tb_common.svh tests/rtl/rtl_unit.mk

# bench name -> top module, parameters, sources
RTLU_BENCHES := divider amo_alu clint clint1 clint3 mmio dbiu dbiu1 dbiu3

RTLU_divider_TOP  := tb_divider
RTLU_divider_SRCS := tests/rtl/tb_divider.sv rtl/outrider_divider.sv

RTLU_amo_alu_TOP  := tb_amo_alu
RTLU_amo_alu_SRCS := tests/rtl/tb_amo_alu.sv rtl/outrider_amo_alu.sv

RTLU_clint_TOP    := tb_clint
RTLU_clint_SRCS   := tests/rtl/tb_clint.sv rtl/outrider_clint.sv
RTLU_clint1_TOP   := tb_clint
RTLU_clint1_SRCS  := $(RTLU_clint_SRCS)
RTLU_clint1_PARAMS := -Ptb_clint.NC=1
RTLU_clint3_TOP   := tb_clint
RTLU_clint3_SRCS  := $(RTLU_clint_SRCS)
RTLU_clint3_PARAMS := -Ptb_clint.NC=3

RTLU_mmio_TOP     := tb_mmio
RTLU_mmio_SRCS    := tests/rtl/tb_mmio.sv rtl/outrider_mmio.sv

RTLU_dbiu_TOP     := tb_dbiu
RTLU_dbiu_SRCS    := tests/rtl/tb_dbiu.sv tests/rtl/wb_slave_model.sv \
                     rtl/outrider_dbiu.sv rtl/outrider_amo_alu.sv
RTLU_dbiu1_TOP    := tb_dbiu
RTLU_dbiu1_SRCS   := $(RTLU_dbiu_SRCS)
RTLU_dbiu1_PARAMS := -Ptb_dbiu.NC=1
RTLU_dbiu3_TOP    := tb_dbiu
RTLU_dbiu3_SRCS   := $(RTLU_dbiu_SRCS)
RTLU_dbiu3_PARAMS := -Ptb_dbiu.NC=3

.PHONY: rtl-unit rtl-unit-lint

$(RTLU_DIR):
	@mkdir -p $@

define RTLU_BENCH_RULES
$(RTLU_DIR)/$(1).vvp: $$(RTLU_$(1)_SRCS) $(RTLU_COMMON) | $(RTLU_DIR)
	$(RTLU_IVERILOG) $(RTLU_IVFLAGS) $$(RTLU_$(1)_PARAMS) -s $$(RTLU_$(1)_TOP) -o $$@ $$(RTLU_$(1)_SRCS)

.PHONY: rtl-unit-$(1)
rtl-unit-$(1): $(RTLU_DIR)/$(1).vvp
	@$(RTLU_VVP) -n $$< > $(RTLU_DIR)/$(1).log 2>&1; \
	 grep -E '^(FAIL|rtl-unit )' $(RTLU_DIR)/$(1).log; \
	 grep -Eq '^rtl-unit .*: [1-9][0-9]* passed, 0 failed$$$$' $(RTLU_DIR)/$(1).log || \
	 { echo "rtl-unit-$(1): FAILED (log: $(RTLU_DIR)/$(1).log)"; exit 1; }
endef
$(foreach b,$(RTLU_BENCHES),$(eval $(call RTLU_BENCH_RULES,$(b))))

rtl-unit: $(addprefix rtl-unit-,$(RTLU_BENCHES))
	@echo "rtl-unit: all $(words $(RTLU_BENCHES)) benches passed"

# ---- lint and synthesis checks of the modules owned by these benches -------
RTLU_MODS := divider amo_alu clint mmio dbiu
RTLU_dbiu_DEPS := rtl/outrider_amo_alu.sv

# Elaborate, flatten, check -assert (combinational loops, undriven or
# multiply driven nets: only visible before LUT mapping), no latch cells,
# then synth_ice40 and check -assert again.
RTLU_YOSYS_SCRIPT = read_verilog -sv -Irtl rtl/outrider_$(1).sv $(RTLU_$(1)_DEPS); \
  hierarchy -check -top outrider_$(1); proc; flatten; check -assert; \
  select -assert-none t:$$$$dlatch t:$$$$adlatch t:$$$$dlatchsr; \
  synth_ice40 -top outrider_$(1); check -assert; \
  select -assert-none t:$$$$_DLATCH*; \
  tee -o $(RTLU_DIR)/synth_$(1).stat stat

define RTLU_LINT_RULES
.PHONY: rtl-unit-lint-$(1)
rtl-unit-lint-$(1): | $(RTLU_DIR)
	verilator --lint-only -Wall -Irtl --top-module outrider_$(1) rtl/outrider_$(1).sv
	@if grep -q 'parameter int NumCtx' rtl/outrider_$(1).sv; then \
	   for n in 1 3 4; do \
	     verilator --lint-only -Wall -Irtl -GNumCtx=$$$$n --top-module outrider_$(1) rtl/outrider_$(1).sv || exit 1; \
	   done; \
	 fi
	yosys -q -l $(RTLU_DIR)/synth_$(1).log -p '$(call RTLU_YOSYS_SCRIPT,$(1))' > /dev/null
	@echo "rtl-unit-lint $(1): verilator clean, yosys synth_ice40 ok, $$$$(grep -m1 'Number of cells' $(RTLU_DIR)/synth_$(1).stat | tr -s ' ')"
endef
$(foreach m,$(RTLU_MODS),$(eval $(call RTLU_LINT_RULES,$(m))))

rtl-unit-lint: $(addprefix rtl-unit-lint-,$(RTLU_MODS))
