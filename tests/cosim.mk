# SPDX-License-Identifier: Apache-2.0
# tests/cosim.mk - the co-simulation suite (test_cosim): the reference ISS,
# build/outrider-iss, the retirement port, lockstep checking, the commit log
# (docs/verification.md). Included by the top Makefile after tests/tests.mk,
# whose variables and rules it reuses; adds the suite to `make test`.
# Random programs (tests/gen/rvgen.c): a fixed set of seeds, GEN_SEEDS, is
# built into $(BUILD)/gen/rand_SEED.elf and run by test_cosim at several
# memory latencies; `make verify SEEDS=N [FIRST_SEED=S]` runs N more
# (scripts/verify.sh) and prints the summary.
# Targets: run-test_cosim, iss-speed, verify, verify-variants.
# Also the non-blocking-load suite (test_nbl, tests/suites/test_nbl.c):
# tests/programs/cosim_nbl.S in lockstep at three latencies and the
# retirement port's late writes (docs/verification.md "Non-blocking
# loads"); target run-test_nbl.

# directed regressions for mismatches co-simulation found, and directed
# programs for lockstep runs (tests/programs/cosim_*.S)
COSIM_RAW_PROGS := cosim_sb_hart cosim_posted cosim_nbl cosim_nbl_waw cosim_pexcsr
$(foreach p,$(COSIM_RAW_PROGS),$(eval $(call sw_raw_prog_rule,test_$(p),tests/programs/$(p).S)))
COSIM_TEST_ELFS := $(patsubst %,$(SW_PROG_BUILD)/test_%.elf,$(COSIM_RAW_PROGS))
# cosim_nbl_race.S as nbl_race.elf: not named test_*, so it stays out of
# test_preexec's on/off corpus (which runs every test_*.elf in lockstep)
# while co-simulation still rejects its legal outcome (test_nbl)
$(eval $(call sw_raw_prog_rule,nbl_race,tests/programs/cosim_nbl_race.S))
COSIM_TEST_ELFS += $(SW_PROG_BUILD)/nbl_race.elf

# the random program generator and the fixed seeds of make test
GEN_DIR    := $(BUILD)/gen
GEN_TOOL   := $(BUILD)/rvgen
GEN_SEEDS  := 1 2 3 4 5 6 7 8 9 10 11 12
GEN_ELFS   := $(GEN_SEEDS:%=$(GEN_DIR)/rand_%.elf)
GEN_AS     := $(SW_CC) $(SW_ISA) -Isw/include
GEN_LD     := $(SW_CC) $(SW_RAW_LDFLAGS)

$(GEN_TOOL): tests/gen/rvgen.c tests/cosim.mk sw/include/outrider/consts.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -Isw/include -o $@ $<
$(GEN_DIR)/rand_%.S: $(GEN_TOOL)
	@mkdir -p $(@D)
	$(GEN_TOOL) $* > $@
$(GEN_DIR)/rand_%.o: $(GEN_DIR)/rand_%.S | deps
	$(GEN_AS) -c $< -o $@
$(GEN_DIR)/rand_%.elf: $(GEN_DIR)/rand_%.o $(SW_LDSCRIPT)
	$(GEN_LD) -o $@ $< -lgcc
.PRECIOUS: $(GEN_DIR)/rand_%.S $(GEN_DIR)/rand_%.o

TESTS_SUITES += test_cosim
COSIM_SUITE  := $(TESTS_BUILD)/test_cosim
COSIM_CFLAGS := -DISS_PATH='"$(abspath $(TB_ISS))"' -DGEN_DIR='"$(abspath $(GEN_DIR))"' \
                -DGEN_SEEDS='"$(GEN_SEEDS)"'

$(COSIM_SUITE): $(TESTS_BUILD)/obj/test_cosim.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

$(TESTS_BUILD)/obj/test_cosim.o: tests/cosim.mk
$(TESTS_BUILD)/obj/test_cosim.o: TESTS_CFLAGS += $(COSIM_CFLAGS)

tests-build: $(COSIM_SUITE) $(TB_ISS) $(COSIM_TEST_ELFS) $(GEN_ELFS)

# test_nbl: non-blocking loads (cosim_nbl at latencies 1/23/100, the perfect
# cache, the retirement port's late writes on cosim_nbl, pex_plain_small and
# pex_list_small, nbl_race)
TESTS_SUITES += test_nbl
NBL_SUITE    := $(TESTS_BUILD)/test_nbl
$(NBL_SUITE): $(TESTS_BUILD)/obj/test_nbl.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)
$(TESTS_BUILD)/obj/test_nbl.o: tests/cosim.mk
tests-build: $(NBL_SUITE)

.PHONY: run-test_nbl
run-test_nbl: $(NBL_SUITE) $(COSIM_TEST_ELFS) $(SW_PROG_BUILD)/pex_plain_small.elf \
              $(SW_PROG_BUILD)/pex_list_small.elf $(TB_SMTSIM)
	$(NBL_SUITE)

.PHONY: run-test_cosim
run-test_cosim: $(COSIM_SUITE) $(TESTS_ELFS) $(COSIM_TEST_ELFS) $(PEX_TEST_ELFS) $(DCACHE_ELFS) $(GEN_ELFS) $(TESTS_BAD_FILES) $(TB_SMTSIM) $(TB_ISS)
	$(COSIM_SUITE)

# Instructions per second of the ISS (median of 5 runs per program).
ISS_SPEED_PROGS ?= $(SW_PROG_BUILD)/listwalk.elf $(SW_PROG_BUILD)/pex_tree.elf
.PHONY: iss-speed
iss-speed: $(TB_ISS) $(ISS_SPEED_PROGS)
	@scripts/iss-speed.sh $(TB_ISS) $(ISS_SPEED_PROGS)

# ---- make verify-variants: the models that are not the default -----------
# LoadForward = 1 (docs/core.md "Hazards and penalties"; off by default, so
# nothing in `make test` builds it): build/smtsim-lf, test_isa linked
# against it with that model's load-use rows (OUTRIDER_LOAD_FORWARD), the
# compute set (COMPUTE_ELFS, tests/compute.mk) in lockstep, and
# VARIANT_SEEDS random programs under cosim (scripts/verify.sh, SMTSIM=).
VARIANT_SEEDS ?= 40
$(eval $(call tb_variant_rule,lf,-GLoadForward=1))
TEST_ISA_LF := $(TESTS_BUILD)/test_isa_lf
$(TESTS_BUILD)/obj/test_isa_lf.o: tests/suites/test_isa.c tests/tests.mk tests/cosim.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TESTS_CFLAGS) -DOUTRIDER_LOAD_FORWARD=1 -MMD -MP -c -o $@ $<
$(TEST_ISA_LF): $(TESTS_BUILD)/obj/test_isa_lf.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(BUILD)/liboutrider_tb-lf.a
	$(CC) -o $@ $(filter %.o,$^) $(BUILD)/liboutrider_tb-lf.a $(TB_LDLIBS) -lcmocka
# LateAlu = 1 (docs/core.md "The late ALU"; off by default): build/smtsim-la,
# test_isa with that model's load-use rows (OUTRIDER_LATE_ALU), the
# compute set in lockstep, random programs
$(eval $(call tb_variant_rule,la,-GLateAlu=1))
TEST_ISA_LA := $(TESTS_BUILD)/test_isa_la
$(TESTS_BUILD)/obj/test_isa_la.o: tests/suites/test_isa.c tests/tests.mk tests/cosim.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TESTS_CFLAGS) -DOUTRIDER_LATE_ALU=1 -MMD -MP -c -o $@ $<
$(TEST_ISA_LA): $(TESTS_BUILD)/obj/test_isa_la.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(BUILD)/liboutrider_tb-la.a
	$(CC) -o $@ $(filter %.o,$^) $(BUILD)/liboutrider_tb-la.a $(TB_LDLIBS) -lcmocka
.PHONY: verify-variants
verify-variants: $(TEST_ISA_LF) $(BUILD)/smtsim-lf $(TEST_ISA_LA) $(BUILD)/smtsim-la $(TESTS_ELFS) $(GEN_TOOL) | deps
	@echo "==== verify-variants: LateAlu = 1 (build/smtsim-la)"
	@$(TEST_ISA_LA)
	@for e in $(COMPUTE_ELFS); do n=$$(basename $$e .elf); \
	  $(BUILD)/smtsim-la --cosim $$e > /dev/null 2> $(BUILD)/verify-la.log \
	    || { echo "verify-variants: $$n on smtsim-la failed:"; cat $(BUILD)/verify-la.log; exit 1; }; \
	  sed -n "s/^smtsim: cosim: /verify-variants: $$n: /p" $(BUILD)/verify-la.log; done
	@SMTSIM=$(BUILD)/smtsim-la RISCV_PREFIX=$(RISCV_PREFIX) scripts/verify.sh $(BUILD) $(VARIANT_SEEDS) 71000
	@echo "==== verify-variants: LoadForward = 1 (build/smtsim-lf)"
	@$(TEST_ISA_LF)
	@for e in $(COMPUTE_ELFS); do n=$$(basename $$e .elf); \
	  $(BUILD)/smtsim-lf --cosim $$e > /dev/null 2> $(BUILD)/verify-lf.log \
	    || { echo "verify-variants: $$n on smtsim-lf failed:"; cat $(BUILD)/verify-lf.log; exit 1; }; \
	  sed -n "s/^smtsim: cosim: /verify-variants: $$n: /p" $(BUILD)/verify-lf.log; done
	@SMTSIM=$(BUILD)/smtsim-lf RISCV_PREFIX=$(RISCV_PREFIX) scripts/verify.sh $(BUILD) $(VARIANT_SEEDS) 70000

# Many random programs under co-simulation; also the sync library's long
# stress run (verify-sync) and the pre-execution suite with the full-size
# examples (verify-preexec) when those fragments exist.
SEEDS      ?= 200
FIRST_SEED ?= 1000
.PHONY: verify
verify: $(if $(wildcard tests/sync.mk),verify-sync) $(if $(wildcard tests/preexec.mk),verify-preexec) \
        verify-variants $(TB_SMTSIM) $(GEN_TOOL) | deps
	@RISCV_PREFIX=$(RISCV_PREFIX) scripts/verify.sh $(BUILD) $(SEEDS) $(FIRST_SEED)
