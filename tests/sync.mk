# SPDX-License-Identifier: Apache-2.0
# tests/sync.mk - the synchronisation library (outrider/sync.h): its cmocka
# suite, test programs, the long stress run and the benchmark.
# Included by the top Makefile after tests/tests.mk (whose variables and
# rules it reuses).
#
# Programs: tests/programs/sync_NAME.c -> $(BUILD)/prog/test_sync_NAME.elf
# (runtime + picolibc; they are also part of test_preexec's on/off
# invariant corpus, which runs every test_*.elf with its default inputs);
# tests/bench/bench_sync_*.c -> $(BUILD)/prog/bench_sync_*.elf.
# Targets:
#   run-test_sync   the suite (part of `make test`): 10^4 acquisitions per
#                   lock kind, FIFO order, trylock, irqsave, events, timers,
#                   lock-order checker
#   verify-sync     the same stress tests with 10^5 acquisitions per lock
#                   kind (SYNC_STRESS_ITERS=100000 in the environment)
#   bench-sync      the pause benchmark and the lock throughput/latency
#                   measurements -> $(BUILD)/bench/sync.md (docs/sync.md)

SYNC_C_PROGS := sync_locks sync_events sync_timers sync_lockdep sync_hart
$(foreach p,$(SYNC_C_PROGS),$(eval $(call sw_prog_rule,test_$(p),tests/programs/$(p).c,$(SW_OWN_CFLAGS))))
SYNC_TEST_ELFS := $(patsubst %,$(SW_PROG_BUILD)/test_%.elf,$(SYNC_C_PROGS))

SYNC_BENCH_PROGS := bench_sync_pause bench_sync_locks
$(foreach p,$(SYNC_BENCH_PROGS),$(eval $(call sw_prog_rule,$(p),tests/bench/$(p).c,$(SW_OWN_CFLAGS) -Itests/programs)))
SYNC_BENCH_ELFS := $(SYNC_BENCH_PROGS:%=$(SW_PROG_BUILD)/%.elf)

TESTS_SUITES += test_sync
SYNC_SUITE := $(TESTS_BUILD)/test_sync

$(SYNC_SUITE): $(TESTS_BUILD)/obj/test_sync.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

$(TESTS_BUILD)/obj/test_sync.o: tests/sync.mk

# the suite also runs the examples prodcons and heartbeat (sw/sw.mk)
SYNC_EXAMPLE_ELFS := $(SW_PROG_BUILD)/prodcons.elf $(SW_PROG_BUILD)/heartbeat.elf
tests-build: $(SYNC_SUITE) $(SYNC_TEST_ELFS) $(SYNC_EXAMPLE_ELFS)

.PHONY: run-test_sync verify-sync bench-sync
run-test_sync: $(SYNC_SUITE) $(SYNC_TEST_ELFS) $(SYNC_EXAMPLE_ELFS) $(TB_SMTSIM)
	$(SYNC_SUITE)

verify-sync: $(SYNC_SUITE) $(SYNC_TEST_ELFS) $(SYNC_EXAMPLE_ELFS) $(TB_SMTSIM)
	SYNC_STRESS_ITERS=100000 $(SYNC_SUITE)

# ---- benchmark ------------------------------------------------------------
SYNC_BENCH_DRIVER := $(TESTS_BUILD)/bench_sync
SYNC_BENCH_REPORT := $(BUILD)/bench/sync.md

$(TESTS_BUILD)/obj/bench_sync.o: tests/bench/bench_sync.c tests/sync.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TESTS_CFLAGS) -MMD -MP -c -o $@ $<

$(SYNC_BENCH_DRIVER): $(TESTS_BUILD)/obj/bench_sync.o $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TB_LIB) $(TB_LDLIBS)

bench-sync: $(SYNC_BENCH_DRIVER) $(SYNC_BENCH_ELFS)
	@mkdir -p $(dir $(SYNC_BENCH_REPORT))
	$(SYNC_BENCH_DRIVER) $(SW_PROG_BUILD) $(SYNC_BENCH_REPORT)
