# SPDX-License-Identifier: Apache-2.0
# tests/dcache.mk - the data cache suite (test_dcache), its programs and the
# cache's own checks. Included by the top Makefile after tests/tests.mk
# (whose variables and rules it reuses).
#
# Programs: tests/programs/dcache_NAME.S -> $(BUILD)/prog/test_dcache_NAME.elf
# (raw), plus variants built from the same source with other -D flags.
# Targets:
#   run-test_dcache          the suite alone
#   dcache-stress-long       the randomized stress test with many seeds
#                            (DCACHE_STRESS_SEEDS, default 400)
#   dcache-latencies         every suite of `make test` at OUTRIDER_MEM_LATENCY
#                            0, 1, 100 and 300 (DCACHE_LATENCIES)
#   dcache-measure           pointer chasing at latency 100, one and two contexts
#   dcache-synth             = make synth (core and cache, iCE40 and ECP5)

DCACHE_RAW_PROGS := dcache_hitunder dcache_overlap dcache_evict dcache_mmio dcache_lrsc \
                    dcache_smc dcache_pthread dcache_stress
$(foreach p,$(DCACHE_RAW_PROGS),$(eval $(call sw_raw_prog_rule,test_$(p),tests/programs/$(p).S)))
$(eval $(call sw_raw_prog_rule,test_dcache_merge,tests/programs/dcache_overlap.S,-DSAME_LINE))
$(eval $(call sw_raw_prog_rule,test_dcache_chase1,tests/programs/dcache_chase.S,-DCHASE_HARTS=1))
$(eval $(call sw_raw_prog_rule,test_dcache_chase2,tests/programs/dcache_chase.S,-DCHASE_HARTS=2))
DCACHE_ELFS := $(patsubst %,$(SW_PROG_BUILD)/test_%.elf,$(DCACHE_RAW_PROGS) \
                 dcache_merge dcache_chase1 dcache_chase2)

TESTS_SUITES += test_dcache
DCACHE_SUITE := $(TESTS_BUILD)/test_dcache

$(DCACHE_SUITE): $(TESTS_BUILD)/obj/test_dcache.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

$(TESTS_BUILD)/obj/test_dcache.o: tests/dcache.mk tests/programs/dcache_stress_params.h

tests-build: $(DCACHE_SUITE) $(DCACHE_ELFS)

.PHONY: run-test_dcache dcache-stress-long dcache-latencies dcache-measure dcache-synth
run-test_dcache: $(DCACHE_SUITE) $(DCACHE_ELFS)
	$(DCACHE_SUITE)

DCACHE_STRESS_SEEDS ?= 400
dcache-stress-long: $(DCACHE_SUITE) $(DCACHE_ELFS)
	DCACHE_STRESS_SEEDS=$(DCACHE_STRESS_SEEDS) CMOCKA_TEST_ABORT=0 $(DCACHE_SUITE) 2>&1 | \
	  grep -E 'stress|seed|PASSED|FAILED'; exit $${PIPESTATUS[0]}

# Every suite at several memory latencies (the library default comes from
# $OUTRIDER_MEM_LATENCY; tests that pin their own latency keep it).
DCACHE_LATENCIES ?= 0 1 100 300
dcache-latencies: tests-build
	@fail=; for l in $(DCACHE_LATENCIES); do for s in $(TESTS_SUITES); do \
	  if OUTRIDER_MEM_LATENCY=$$l $(TESTS_BUILD)/$$s > $(TESTS_BUILD)/$$s.lat$$l.log 2>&1; \
	  then r=ok; else r=FAILED; fail="$$fail $$s@$$l"; fi; \
	  echo "latency $$l: $$s $$r ($$(grep -E '^\[  PASSED  \]' $(TESTS_BUILD)/$$s.lat$$l.log | tr -s ' '))"; \
	done; done; \
	if [ -n "$$fail" ]; then echo "dcache-latencies: FAILED:$$fail (logs: $(TESTS_BUILD)/*.lat*.log)"; exit 1; fi

dcache-measure: $(TB_SMTSIM) $(SW_PROG_BUILD)/test_dcache_chase1.elf $(SW_PROG_BUILD)/test_dcache_chase2.elf
	@for h in 1 2; do \
	  $(TB_SMTSIM) --quiet --mem-latency 100 --stats-json $(BUILD)/dcache_chase$$h.json \
	    $(SW_PROG_BUILD)/test_dcache_chase$$h.elf || exit 1; \
	  echo "pointer chasing, latency 100, $$h context(s): see $(BUILD)/dcache_chase$$h.json"; \
	done
	@$(MAKE) --no-print-directory run-test_dcache 2>&1 | grep 'cycles/hop'

# The cache's yosys runs live in rtl/rtl.mk (`make synth`, part of `make lint`).
dcache-synth: synth
