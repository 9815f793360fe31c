# SPDX-License-Identifier: Apache-2.0
# tests/systemc.mk - the SystemC suite (test_systemc): smtsim-sc against
# smtsim, and the example CRC-32 device (docs/systemc.md). Included by the
# top Makefile after tests/tests.mk and tb/sc/sc.mk, whose variables and
# rules it reuses; adds the suite to `make test`.
#
# The suite (tests/suites/test_systemc.c) runs both simulators as
# subprocesses on the corpus - the test programs, the pre-execution
# examples, the two-hart programs, the benchmark kernels (the first
# cycles of each: the kernels have no small-size build) - and checks that
# stdout, the exit status and the statistics JSON (cycles, retired
# instructions, Wishbone, cache and pre-execution counters) are identical.
# It also runs sw/examples/sc_crc.c on smtsim-sc (checked on the core and
# against zlib's crc32 here), bad input, --trace and an interrupted run.
# Targets: run-test_systemc.

$(eval $(call sw_prog_rule,sc_crc,sw/examples/sc_crc.c,$(SW_OWN_CFLAGS) -Itb/sc))
SC_TEST_ELFS := $(SW_PROG_BUILD)/sc_crc.elf \
                $(patsubst %,$(SW_PROG_BUILD)/%.elf,hello listwalk twoharts cpi pex_list pex_hash \
                  pex_tree prodcons heartbeat) \
                $(patsubst %,$(SW_PROG_BUILD)/bench_%_pex.elf,list tree hash em3d mcf spmv) \
                $(SW_PROG_BUILD)/bench_hash_2h.elf $(SW_PROG_BUILD)/bench_mcf_2h.elf \
                $(SW_PROG_BUILD)/test_roi_counters.elf $(SW_PROG_BUILD)/test_c_trap_report.elf

TESTS_SUITES += test_systemc
SC_SUITE := $(TESTS_BUILD)/test_systemc

$(SC_SUITE): $(TESTS_BUILD)/obj/test_systemc.o $(TESTS_BUILD)/obj/trun.o
	$(CC) -o $@ $(filter %.o,$^) -lcmocka -lz

$(TESTS_BUILD)/obj/test_systemc.o: tests/systemc.mk
$(TESTS_BUILD)/obj/test_systemc.o: TESTS_CFLAGS += -DSMTSIM_SC_PATH='"$(abspath $(SC_SMTSIM))"' \
    -DSC_TEST_PROGS='"$(TESTS_RAW_PROGS) $(TESTS_C_PROGS)"'

tests-build: $(SC_SUITE) $(SC_SMTSIM) $(SC_TEST_ELFS)

.PHONY: run-test_systemc
run-test_systemc: $(SC_SUITE) $(SC_SMTSIM) $(SC_TEST_ELFS) $(TESTS_ELFS) $(TESTS_BAD_FILES) $(TB_SMTSIM)
	$(SC_SUITE)
