# SPDX-License-Identifier: Apache-2.0
# tests/roi.mk - regions of interest, statistics status/configuration/
# version, the cache and pre-execution performance counters, minstret write
# suppression and the failure reports (test_roi). Included by the top
# Makefile after tests/tests.mk, whose variables and rules it reuses; adds
# the suite to `make test`.
# Programs: tests/programs/roi_*.S (raw), c_trap_report.c (runtime).
# Targets: run-test_roi.

ROI_RAW_PROGS := roi_counters roi_early_trap roi_trap_loop roi_cycles
ROI_C_PROGS   := c_trap_report
$(foreach p,$(ROI_RAW_PROGS),$(eval $(call sw_raw_prog_rule,test_$(p),tests/programs/$(p).S)))
$(foreach p,$(ROI_C_PROGS),$(eval $(call sw_prog_rule,test_$(p),tests/programs/$(p).c,$(SW_OWN_CFLAGS))))
ROI_TEST_ELFS := $(patsubst %,$(SW_PROG_BUILD)/test_%.elf,$(ROI_RAW_PROGS) $(ROI_C_PROGS))

TESTS_SUITES += test_roi
ROI_SUITE := $(TESTS_BUILD)/test_roi

$(ROI_SUITE): $(TESTS_BUILD)/obj/test_roi.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

$(TESTS_BUILD)/obj/test_roi.o: tests/roi.mk
$(TESTS_BUILD)/obj/test_roi.o: TESTS_CFLAGS += -DISS_PATH='"$(abspath $(TB_ISS))"' \
    -DSRC_DIR='"$(abspath .)"'

tests-build: $(ROI_SUITE) $(ROI_TEST_ELFS) $(TB_ISS)

.PHONY: run-test_roi
run-test_roi: $(ROI_SUITE) $(TESTS_ELFS) $(ROI_TEST_ELFS) $(TESTS_BAD_FILES) $(TB_SMTSIM) $(TB_ISS)
	$(ROI_SUITE)
