# SPDX-License-Identifier: Apache-2.0
# tests/debug.mk - the debug-view and fast-forward suite (test_debug,
# docs/debugging.md): smtsim --fast-forward/--warm-cache, --pipeview,
# --trace-from/--trace-to and the GTKWave save files in docs/gtkwave/.
# Included by the top Makefile after tests/tests.mk (whose variables and
# rules it reuses); adds the suite to `make test`.
#
# FST files are read back with the FST reader Verilator ships
# (include/gtkwave/fstapi.h): its code is already in the Verilator runtime of
# $(TB_LIB) (verilated_fst_c.cpp compiles fstapi.c, reader included).
# Targets: run-test_debug.

DBG_RAW_PROGS :=
DBG_C_PROGS   := ff_tree
$(foreach p,$(DBG_C_PROGS),$(eval $(call sw_prog_rule,test_$(p),tests/programs/$(p).c,$(SW_OWN_CFLAGS))))
# pex_list_small: sw/examples/pex_list.c with 128 lists (rule in tests/preexec.mk)
DBG_TEST_ELFS := $(patsubst %,$(SW_PROG_BUILD)/test_%.elf,$(DBG_C_PROGS)) \
                 $(SW_PROG_BUILD)/pex_list_small.elf

DBG_FST_DIR   := $(shell $(VERILATOR) --getenv VERILATOR_ROOT 2>/dev/null)/include/gtkwave

TESTS_SUITES += test_debug
DBG_SUITE := $(TESTS_BUILD)/test_debug
$(TESTS_BUILD)/obj/test_debug.o: TESTS_CFLAGS += -isystem $(DBG_FST_DIR) \
    -DGTKW_DIR='"$(abspath docs/gtkwave)"'
$(TESTS_BUILD)/obj/test_debug.o: tests/debug.mk

$(DBG_SUITE): $(TESTS_BUILD)/obj/test_debug.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

tests-build: $(DBG_SUITE) $(DBG_TEST_ELFS)

.PHONY: run-test_debug
run-test_debug: $(DBG_SUITE) $(DBG_TEST_ELFS) $(TESTS_ELFS) $(PEX_TEST_ELFS) $(COSIM_TEST_ELFS) $(TB_SMTSIM)
	$(DBG_SUITE)
