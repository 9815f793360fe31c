# SPDX-License-Identifier: Apache-2.0
# tests/compute.mk - the smoke test of the compute-bound benchmark set
# (sw/bench/compute/, bench.mk): test_compute, part of `make test`.
# Included by the top Makefile after bench.mk (whose COMPUTE_KERNELS and
# program rules it uses) and tests/tests.mk (whose variables it reuses).
# The programs are named compute_* (not test_*), so the pre-execution
# suite's on/off corpus (every test_*.elf) does not pick up the
# deliberately failing compute_K_wrong.elf.
#
#   make run-test_compute   every kernel at its small size: one hart and two
#                           harts under --cosim (exit 0, checksum ok, equal
#                           per-hart instruction counts), and the wrong-answer
#                           build (exit 1, MISMATCH)

TESTS_SUITES += test_compute
COMPUTE_SUITE := $(TESTS_BUILD)/test_compute

$(TESTS_BUILD)/obj/test_compute.o: TESTS_CFLAGS += -DCOMPUTE_KERNEL_LIST='"$(COMPUTE_KERNELS)"'
$(TESTS_BUILD)/obj/test_compute.o: tests/compute.mk bench.mk

$(COMPUTE_SUITE): $(TESTS_BUILD)/obj/test_compute.o $(TESTS_BUILD)/obj/trun.o $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

tests-build: $(COMPUTE_SUITE) $(COMPUTE_SMOKE_ELFS)

# make verify-variants (tests/cosim.mk) runs the full-size set on build/smtsim-lf
verify-variants: $(COMPUTE_ELFS)

.PHONY: run-test_compute
run-test_compute: $(COMPUTE_SUITE) $(COMPUTE_SMOKE_ELFS) $(TB_SMTSIM)
	$(COMPUTE_SUITE)
