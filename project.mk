# SPDX-License-Identifier: Apache-2.0
# project.mk - the project as an open-source project: the FuseSoC core
# description (outrider.core, docs/fusesoc.md) and the checks of `make lint`
# that are not about the RTL itself.
#
#   make fusesoc-core   regenerate outrider.core from the RTL file lists
#   make lint-fusesoc   the checked-in outrider.core matches the file lists, and
#                       FuseSoC runs its targets: lint (Verilator -Wall), sim
#                       (a test program through tb/sv/outrider_soc_tb.sv, must
#                       exit 0) and synth (set-up only: the yosys project files)
#   make lint-citation  CITATION.cff is valid (cffconvert --validate)
#   make lint-docs      every relative link and repository path named in the
#                       README files and docs/ exists (scripts/check-docs.py)
#   make lint-spdx      every source file has its SPDX licence line (scripts/spdx.py)
# The tools come from PyPI into $(BUILD)/lint-venv (scripts/lint-requirements.txt).

LINT_VENV    := $(BUILD)/lint-venv
LINT_VENV_OK := $(LINT_VENV)/.ok
FUSESOC      := $(LINT_VENV)/bin/fusesoc
FUSESOC_CORE := outrider.core
FUSESOC_VLNV := outrider:outrider:soc
FUSESOC_DIR  := $(BUILD)/fusesoc
FUSESOC_TB   := tb/sv/outrider_soc_tb.sv
FUSESOC_PROG := $(SW_PROG_BUILD)/test_c_printf.elf
FUSESOC_GEN  = python3 scripts/gen-fusesoc.py $(FUSESOC_CORE) --inc "$(RTL_INCS)" \
               --core "$(RTL_CORE_SRCS)" --cache "$(RTL_CACHE_SRCS)" --soc "$(RTL_SOC_SRCS)" \
               --check "$(RTL_CHECK_SRCS)" --tb "$(FUSESOC_TB)"

.PHONY: fusesoc-core lint-fusesoc lint-citation lint-docs lint-spdx
lint: lint-fusesoc lint-citation lint-docs lint-spdx

$(LINT_VENV_OK): scripts/lint-requirements.txt | deps
	@rm -rf $(LINT_VENV)
	python3 -m venv $(LINT_VENV)
	$(LINT_VENV)/bin/pip install -q --disable-pip-version-check -r scripts/lint-requirements.txt
	@touch $@

fusesoc-core:
	@$(FUSESOC_GEN)
	@echo "wrote $(FUSESOC_CORE)"

# FUSESOC_IGNORE keeps FuseSoC's core search out of the build tree.
lint-fusesoc: $(LINT_VENV_OK) $(FUSESOC_PROG)
	@$(FUSESOC_GEN) --check-only
	@mkdir -p $(FUSESOC_DIR) && touch $(BUILD)/FUSESOC_IGNORE
	@echo "lint: fusesoc run --target=lint $(FUSESOC_VLNV)"
	@$(FUSESOC) --cores-root . run --build-root $(FUSESOC_DIR)/lint --target=lint $(FUSESOC_VLNV) \
	    > $(FUSESOC_DIR)/lint.log 2>&1 || { tail -30 $(FUSESOC_DIR)/lint.log; exit 1; }
	@$(RISCV_PREFIX)objcopy -O verilog --verilog-data-width 4 --change-addresses -0x80000000 \
	    $(FUSESOC_PROG) $(FUSESOC_DIR)/prog.hex
	@echo "lint: fusesoc run --target=sim $(FUSESOC_VLNV) --hex=$(notdir $(FUSESOC_PROG:.elf=.hex))"
	@$(FUSESOC) --cores-root . run --build-root $(FUSESOC_DIR)/sim --target=sim $(FUSESOC_VLNV) \
	    --hex=$(abspath $(FUSESOC_DIR)/prog.hex) > $(FUSESOC_DIR)/sim.log 2>&1 \
	  || { tail -30 $(FUSESOC_DIR)/sim.log; exit 1; }
	@grep -q '^outrider_soc_tb: exit 0 after' $(FUSESOC_DIR)/sim.log \
	  || { echo "lint-fusesoc: the sim target did not run the program to exit 0 ($(FUSESOC_DIR)/sim.log)"; exit 1; }
	@echo "lint: $$(grep '^outrider_soc_tb: exit' $(FUSESOC_DIR)/sim.log)"
	@$(FUSESOC) --cores-root . run --build-root $(FUSESOC_DIR)/synth --target=synth --setup $(FUSESOC_VLNV) \
	    > $(FUSESOC_DIR)/synth.log 2>&1 || { tail -30 $(FUSESOC_DIR)/synth.log; exit 1; }
	@test -n "$$(find $(FUSESOC_DIR)/synth -name '*.tcl' -o -name '*.ys' | head -1)" \
	  || { echo "lint-fusesoc: the synth target wrote no yosys script"; exit 1; }
	@echo "lint: fusesoc targets lint, sim and synth (set-up) pass"

lint-citation: $(LINT_VENV_OK)
	@$(LINT_VENV)/bin/cffconvert --validate -i CITATION.cff > /dev/null \
	  || { $(LINT_VENV)/bin/cffconvert --validate -i CITATION.cff; exit 1; }
	@echo "lint: CITATION.cff is valid"

lint-docs:
	@python3 scripts/check-docs.py

lint-spdx:
	@python3 scripts/spdx.py --check
