# SPDX-License-Identifier: Apache-2.0
# tests/tests.mk - the cmocka test suites and the programs they run.
# Included by the top Makefile after rtl/rtl.mk, tb/tb.mk and sw/sw.mk.
#
# Targets:
#   test             build everything, run every suite (each prints its cmocka
#                    summary) and the RTL unit tests (tests/rtl/rtl_unit.mk, if
#                    present); fails if any of them fails
#   tests-build      build the suites, their programs and the bad-input files
#   run-SUITE        build and run one suite, e.g. `make run-test_isa`
#
# Layout: tests/programs/*.S|*.c -> $(BUILD)/prog/test_<name>.elf (sw.mk rules),
# tests/suites/<suite>.c + tprog.c + rv_ref.c -> $(BUILD)/tests/<suite>,
# generated bad inputs -> $(BUILD)/tests/bad/ (never committed).

TESTS_BUILD    := $(BUILD)/tests
TESTS_BAD      := $(TESTS_BUILD)/bad
TESTS_PROG_DIR := $(abspath $(SW_PROG_BUILD))

# ---- test programs --------------------------------------------------------
# Raw assembly programs (tests/programs/NAME.S -> test_NAME.elf).
TESTS_RAW_PROGS := isa_alu isa_imm isa_misc isa_branch isa_jump isa_mem isa_fwd isa_amo isa_bpred isa_loaduse isa_misalign isa_stale_btb \
                   traps_exc traps_csr traps_vec \
                   irq_timer irq_soft irq_wfi irq_masked irq_precise \
                   harts_basic harts_count harts_pause harts_smc harts_irq harts_kernel \
                   bad_spin bad_tiny
# C programs with the runtime and picolibc (tests/programs/NAME.c).
TESTS_C_PROGS   := c_printf c_sort c_exit c_harts

$(foreach p,$(TESTS_RAW_PROGS),$(eval $(call sw_raw_prog_rule,test_$(p),tests/programs/$(p).S)))
$(foreach p,$(TESTS_C_PROGS),$(eval $(call sw_prog_rule,test_$(p),tests/programs/$(p).c,$(SW_OWN_CFLAGS))))
TESTS_ELFS := $(patsubst %,$(SW_PROG_BUILD)/test_%.elf,$(TESTS_RAW_PROGS) $(TESTS_C_PROGS))

# ---- bad inputs for test_badinput -----------------------------------------
TESTS_BAD_FILES := $(addprefix $(TESTS_BAD)/,empty.elf notelf.elf trunc100.elf truncseg.elf \
                   truncseg_nosh.elf rv64.elf host.o machine.elf reloc.o entry.elf \
                   outside.elf far.elf beyond.elf rvc.elf rve.elf float.elf)
TESTS_BAD_CC    := $(RISCV_PREFIX)gcc -nostdlib -nostartfiles -Wl,--no-warn-rwx-segments
TESTS_TINY      := tests/programs/bad_tiny.S
TESTS_GOOD_ELF  := $(SW_PROG_BUILD)/test_isa_alu.elf
$(TESTS_BAD_FILES): tests/tests.mk

$(TESTS_BAD)/empty.elf: tests/tests.mk
	@mkdir -p $(@D)
	: > $@
$(TESTS_BAD)/notelf.elf: tests/tests.mk
	@mkdir -p $(@D)
	printf 'This is a text file, not an ELF executable.\n' > $@
# The ELF header and part of the program headers only.
$(TESTS_BAD)/trunc100.elf: $(TESTS_GOOD_ELF)
	@mkdir -p $(@D)
	head -c 100 $< > $@
# Headers intact, cut in the middle of the first loadable segment's data.
$(TESTS_BAD)/truncseg.elf: $(TESTS_GOOD_ELF)
	@mkdir -p $(@D)
	@set -e; set -- $$($(SW_READELF) -lW $< | awk '$$1 == "LOAD" && $$5 !~ /^0x0+$$/ { print $$2, $$5; exit }'); \
	test $$# -eq 2; cut=$$(( $$1 + $$2 / 2 )); \
	echo "head -c $$cut $< > $@"; head -c $$cut $< > $@
# The same cut, with no section headers at all (e_shoff = e_shnum = 0), so
# only the segment data itself is missing.
$(TESTS_BAD)/truncseg_nosh.elf: $(TESTS_BAD)/truncseg.elf
	cp $< $@.tmp
	printf '\000\000\000\000' | dd of=$@.tmp bs=1 seek=32 conv=notrunc status=none
	printf '\000\000\000\000' | dd of=$@.tmp bs=1 seek=48 conv=notrunc status=none
	mv $@.tmp $@
$(TESTS_BAD)/rv64.elf: $(TESTS_TINY) | deps
	@mkdir -p $(@D)
	$(TESTS_BAD_CC) -march=rv64i -mabi=lp64 -Ttext=0x80000000 $< -o $@
# A host object (x86-64 or whatever the build machine is).
$(TESTS_BAD)/host.o: tests/tests.mk
	@mkdir -p $(@D)
	printf 'int outrider_not_riscv(void) { return 0; }\n' | $(CC) -x c -c - -o $@
# An ELF32 RISC-V executable whose e_machine says x86 (EM_386 = 3).
$(TESTS_BAD)/machine.elf: $(TESTS_GOOD_ELF)
	@mkdir -p $(@D)
	cp $< $@.tmp
	printf '\003\000' | dd of=$@.tmp bs=1 seek=18 conv=notrunc status=none
	mv $@.tmp $@
# A RISC-V relocatable object (not an executable: no program headers).
$(TESTS_BAD)/reloc.o: $(TESTS_TINY) | deps
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc -march=rv32i -mabi=ilp32 -c $< -o $@
# -N: no segment for the ELF headers (it would sit below 0x80000000).
# Entry point and code at 0x40000000.
$(TESTS_BAD)/entry.elf: $(TESTS_TINY) | deps
	@mkdir -p $(@D)
	$(TESTS_BAD_CC) -march=rv32i -mabi=ilp32 -Wl,-N -Ttext=0x40000000 $< -o $@
# Code at 0x80000000, a data segment (.far) at 0x40000000: outside RAM.
$(TESTS_BAD)/outside.elf: $(TESTS_TINY) | deps
	@mkdir -p $(@D)
	$(TESTS_BAD_CC) -march=rv32i -mabi=ilp32 -Wl,-N -Ttext=0x80000000 \
	    -Wl,--section-start=.far=0x40000000 $< -o $@
# .far at 0x80100000: fine with 16 MiB of RAM, outside with 64 KiB.
$(TESTS_BAD)/far.elf: $(TESTS_TINY) | deps
	@mkdir -p $(@D)
	$(TESTS_BAD_CC) -march=rv32i -mabi=ilp32 -Wl,-N -Ttext=0x80000000 \
	    -Wl,--section-start=.far=0x80100000 $< -o $@
# .far at 0x90000000: beyond the default 16 MiB RAM.
$(TESTS_BAD)/beyond.elf: $(TESTS_TINY) | deps
	@mkdir -p $(@D)
	$(TESTS_BAD_CC) -march=rv32i -mabi=ilp32 -Wl,-N -Ttext=0x80000000 \
	    -Wl,--section-start=.far=0x90000000 $< -o $@

# ELF flags the core cannot run (tb/common/elf_load.c): compressed
# instructions (assembled for rv32imac: EF_RISCV_RVC set by the assembler),
# and e_flags (offset 36) patched to EF_RISCV_RVE (0x8) / the double-float
# ABI (0x4) in a good executable.
$(TESTS_BAD)/rvc.elf: $(TESTS_TINY) | deps
	@mkdir -p $(@D)
	$(TESTS_BAD_CC) -march=rv32imac -mabi=ilp32 -Wl,-N -Ttext=0x80000000 $< -o $@
$(TESTS_BAD)/rve.elf: $(TESTS_GOOD_ELF)
	@mkdir -p $(@D)
	cp $< $@.tmp
	printf '\010\000\000\000' | dd of=$@.tmp bs=1 seek=36 conv=notrunc status=none
	mv $@.tmp $@
$(TESTS_BAD)/float.elf: $(TESTS_GOOD_ELF)
	@mkdir -p $(@D)
	cp $< $@.tmp
	printf '\004\000\000\000' | dd of=$@.tmp bs=1 seek=36 conv=notrunc status=none
	mv $@.tmp $@

# ---- suites ---------------------------------------------------------------
TESTS_SUITES  := test_isa test_traps test_irq test_harts test_c test_badinput
TESTS_BINS    := $(TESTS_SUITES:%=$(TESTS_BUILD)/%)
TESTS_COMMON  := tprog trun rv_ref kernel_ref
TESTS_CFLAGS  := -std=c11 -Wall -Wextra -Werror $(TB_CFLAGS) -Itests/suites \
                 -DPROG_DIR='"$(TESTS_PROG_DIR)"' \
                 -DSMTSIM_PATH='"$(abspath $(TB_SMTSIM))"' \
                 -DBAD_DIR='"$(abspath $(TESTS_BAD))"'
TESTS_LDLIBS  := $(TB_LIB) $(TB_LDLIBS) -lcmocka

$(TESTS_BUILD)/obj/%.o: tests/suites/%.c tests/tests.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TESTS_CFLAGS) -MMD -MP -c -o $@ $<
-include $(wildcard $(TESTS_BUILD)/obj/*.d)

$(TESTS_BINS): $(TESTS_BUILD)/%: $(TESTS_BUILD)/obj/%.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

# ---- running --------------------------------------------------------------
-include tests/rtl/rtl_unit.mk
TESTS_RTL_UNIT := $(if $(wildcard tests/rtl/rtl_unit.mk),rtl-unit)

.PHONY: test tests-build $(TESTS_SUITES:%=run-%)
tests-build: $(TESTS_BINS) $(TESTS_ELFS) $(TESTS_BAD_FILES) $(TB_SMTSIM)

# Every suite runs even if an earlier one failed; the names of failed ones
# collect in $(TESTS_FAILED), the summary lists them and the exit status is
# non-zero if any failed.
#
# Two phases, each a recursive make with TESTS_JOBS jobs (default: the
# number of CPUs, as for the model builds; `make test TESTS_JOBS=1` runs
# everything one after the other): first `tests-build` (the three Verilator
# models, the suites, the programs), then the suites and rtl-unit side by
# side, the longest first (TESTS_LONG_FIRST). Each suite's output is held
# back and printed whole when that suite ends (make --output-sync), so the
# blocks come in the order the suites finish. A `make -jN test` of its own
# keeps its jobserver (no -j is added then). `make -n test` runs nothing:
# the sub-makes inherit -n.
#
# JUnit XML for CI systems: `make test JUNIT_DIR=DIR` writes DIR/<suite>.xml
# for every cmocka suite (cmocka's XML output, CMOCKA_MESSAGE_OUTPUT=xml; the
# console then shows the suites' own messages without the cmocka summaries).
# The rtl-unit benches are not cmocka suites and write no XML.
JUNIT_DIR ?=
TESTS_JUNIT_ENV = $(if $(JUNIT_DIR),CMOCKA_MESSAGE_OUTPUT=xml CMOCKA_XML_FILE=$(abspath $(JUNIT_DIR))/%g.xml)
TESTS_FAILED := $(TESTS_BUILD)/failed-suites
TESTS_JOBS ?= $(TB_JOBS)
TESTS_PAR   = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(TESTS_JOBS))
# longest first (measured; the rest follow in TESTS_SUITES order): rtl-unit
# is seven Verilator builds and 19 benches, a sub-make whose jobs fill the
# gaps between the others
TESTS_LONG_FIRST := rtl-unit test_preexec test_debug test_systemc test_fpga formal_fast test_sync \
                    test_dcache test_compute test_cosim
TESTS_RUN_ORDER   = $(filter $(TESTS_SUITES) $(TESTS_RTL_UNIT),$(TESTS_LONG_FIRST)) \
                    $(filter-out $(TESTS_LONG_FIRST),$(TESTS_SUITES) $(TESTS_RTL_UNIT))
# Wall and CPU time of a step (the shell's `times`: the user and system time
# of its children), printed after it: "==== NAME: 12 s wall, 20.1 s user, 1.0 s sys".
TESTS_T0    = t0=$$(date +%s)
TESTS_TIMES = times > $(TESTS_BUILD)/.times-$(1); \
	echo "==== $(1): $$(( $$(date +%s) - t0 )) s wall, $$(awk 'END { split($$1, u, "m"); \
	  split($$2, s, "m"); printf "%.1f s user, %.1f s sys", u[1] * 60 + u[2], s[1] * 60 + s[2] }' \
	  $(TESTS_BUILD)/.times-$(1))"; rm -f $(TESTS_BUILD)/.times-$(1)
test:
	@mkdir -p $(TESTS_BUILD); $(TESTS_T0); \
	$(MAKE) --no-print-directory $(TESTS_PAR) tests-build; rc=$$?; \
	$(call TESTS_TIMES,tests-build); exit $$rc
	@: > $(TESTS_FAILED); \
	$(if $(JUNIT_DIR),mkdir -p $(JUNIT_DIR) && rm -f $(JUNIT_DIR)/*.xml;) \
	echo "==== running $(words $(TESTS_RUN_ORDER)) suites, $(if $(TESTS_PAR),$(TESTS_JOBS),make's -j) at a time (each suite's output appears when it ends)"
	@$(MAKE) --no-print-directory $(TESTS_PAR) --output-sync=recurse $(TESTS_RUN_ORDER:%=tests-run-%)
	$(if $(JUNIT_DIR),@python3 scripts/junit-check.py $(JUNIT_DIR) $(TESTS_SUITES) || echo junit >> $(TESTS_FAILED))
	@echo "==== junit (cmocka XML of test_badinput, scripts/junit-check.py)"
	@rm -rf $(TESTS_BUILD)/junit-check && mkdir -p $(TESTS_BUILD)/junit-check && \
	  CMOCKA_MESSAGE_OUTPUT=xml CMOCKA_XML_FILE=$(abspath $(TESTS_BUILD))/junit-check/%g.xml \
	    $(TESTS_BUILD)/test_badinput > /dev/null 2>&1; \
	  python3 scripts/junit-check.py $(TESTS_BUILD)/junit-check test_badinput || echo junit >> $(TESTS_FAILED)
	@echo "==== params (make smtsim PARAMS=..., tests/params-check.sh)"
	@tests/params-check.sh || echo params >> $(TESTS_FAILED)
	@echo "==== mlp bound (scripts/mlpbound.py --self-test: the arithmetic of make bench's MLP bound)"
	@python3 scripts/mlpbound.py --self-test || echo mlpbound >> $(TESTS_FAILED)
	@echo "==== comb-depth (scripts/comb-depth.py --self-test: the path arithmetic of make timing)"
	@python3 scripts/comb-depth.py --self-test || echo comb-depth >> $(TESTS_FAILED)
	@echo "==== bp-study (scripts/bp-study.py --self-test: the branch stream and the predictor models)"
	@python3 scripts/bp-study.py --self-test || echo bp-study >> $(TESTS_FAILED)
	@echo "==== dual-study (scripts/dual-study.py --self-test: the single- and dual-issue timing model)"
	@python3 scripts/dual-study.py --self-test || echo dual-study >> $(TESTS_FAILED)
	@echo "===="; \
	if [ -s $(TESTS_FAILED) ]; then echo "make test: FAILED:" $$(cat $(TESTS_FAILED)); exit 1; fi; \
	echo "make test: all suites passed"

# One suite of `make test` (run by its second phase, after tests-build): a
# failure is recorded in $(TESTS_FAILED), not passed on, so every suite runs.
# A suite that runs make itself (formal_fast) gets no MAKEFLAGS: this make's
# jobserver is not passed to a script (it would say "jobserver unavailable").
tests-run-%:
	@echo "==== $*"; $(TESTS_T0); \
	env -u MAKEFLAGS -u MFLAGS $(TESTS_JUNIT_ENV) $(TESTS_BUILD)/$* || echo "$*" >> $(TESTS_FAILED); \
	$(call TESTS_TIMES,$*)
tests-run-rtl-unit:
	@echo "==== rtl-unit"; $(TESTS_T0); \
	$(MAKE) --no-print-directory rtl-unit || echo rtl-unit >> $(TESTS_FAILED); \
	$(call TESTS_TIMES,rtl-unit)

$(TESTS_SUITES:%=run-%): run-%: $(TESTS_BUILD)/% $(TESTS_ELFS) $(TESTS_BAD_FILES) $(TB_SMTSIM)
	$(if $(JUNIT_DIR),@mkdir -p $(JUNIT_DIR) && rm -f $(JUNIT_DIR)/$*.xml)
	$(TESTS_JUNIT_ENV) $(TESTS_BUILD)/$*
