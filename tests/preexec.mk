# SPDX-License-Identifier: Apache-2.0
# tests/preexec.mk - the pre-execution suite (test_preexec) and its programs.
# Included by the top Makefile after tests/tests.mk (whose variables and
# rules it reuses): adds the suite to `make test`, its programs and the
# pre-execution examples (sw/sw.mk) to `tests-build`.
#
# Programs: tests/programs/pex_NAME.S -> $(BUILD)/prog/test_pex_NAME.elf
# (raw, like the other assembly test programs), tests/programs/pex_NAME.c
# -> the same with the runtime and picolibc. The suite also runs the
# examples $(BUILD)/prog/pex_{list,hash,tree}.elf and, for the invariant
# check, every $(BUILD)/prog/test_*.elf it finds.
# Targets: run-test_preexec.

PEX_RAW_PROGS := pex_basic pex_notrace pex_seg pex_fwd pex_misalign
PEX_C_PROGS   := pex_capi
$(foreach p,$(PEX_RAW_PROGS),$(eval $(call sw_raw_prog_rule,test_$(p),tests/programs/$(p).S)))
$(foreach p,$(PEX_C_PROGS),$(eval $(call sw_prog_rule,test_$(p),tests/programs/$(p).c,$(SW_OWN_CFLAGS))))
PEX_TEST_ELFS := $(patsubst %,$(SW_PROG_BUILD)/test_%.elf,$(PEX_RAW_PROGS) $(PEX_C_PROGS))
# pex_plain with 6 lists (the distance-control test and the corpus)
$(eval $(call sw_prog_rule,pex_plain_small,sw/examples/pex_plain.c,$(SW_OWN_CFLAGS) -DLISTS=6))
PEX_EXAMPLE_ELFS := $(patsubst %,$(SW_PROG_BUILD)/%.elf,pex_list pex_hash pex_tree pex_plain_small prefetch)

TESTS_SUITES += test_preexec
PEX_SUITE := $(TESTS_BUILD)/test_preexec

$(PEX_SUITE): $(TESTS_BUILD)/obj/test_preexec.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

$(TESTS_BUILD)/obj/test_preexec.o: tests/preexec.mk

tests-build: $(PEX_SUITE) $(PEX_TEST_ELFS) $(PEX_EXAMPLE_ELFS)

.PHONY: run-test_preexec
run-test_preexec: $(PEX_SUITE) $(PEX_TEST_ELFS) $(PEX_EXAMPLE_ELFS) $(TESTS_ELFS) $(TB_SMTSIM)
	$(PEX_SUITE)
