# tests/cosim.mk - the co-simulation suite (test_cosim): the reference ISS,
# build/outrider-iss, the retirement port, lockstep checking, the commit log
# (docs/verification.md). Included by the top Makefile after tests/tests.mk,
# whose variables and rules it reuses; adds the suite to `make test`.
# Targets: run-test_cosim, iss-speed.

TESTS_SUITES += test_cosim
COSIM_SUITE  := $(TESTS_BUILD)/test_cosim
COSIM_CFLAGS := -DISS_PATH='"$(abspath $(TB_ISS))"'

$(COSIM_SUITE): $(TESTS_BUILD)/obj/test_cosim.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

$(TESTS_BUILD)/obj/test_cosim.o: tests/cosim.mk
$(TESTS_BUILD)/obj/test_cosim.o: TESTS_CFLAGS += $(COSIM_CFLAGS)

tests-build: $(COSIM_SUITE) $(TB_ISS)

.PHONY: run-test_cosim
run-test_cosim: $(COSIM_SUITE) $(TESTS_ELFS) $(TESTS_BAD_FILES) $(TB_SMTSIM) $(TB_ISS)
	$(COSIM_SUITE)

# Instructions per second of the ISS (median of 5 runs per program).
ISS_SPEED_PROGS ?= $(SW_PROG_BUILD)/listwalk.elf $(SW_PROG_BUILD)/pex_tree.elf
.PHONY: iss-speed
iss-speed: $(TB_ISS) $(ISS_SPEED_PROGS)
	@scripts/iss-speed.sh $(TB_ISS) $(ISS_SPEED_PROGS)
