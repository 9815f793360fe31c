# SPDX-License-Identifier: Apache-2.0
# formal/formal.mk - formal checks of the p-thread guarantees and the data
# cache (docs/verification.md "Formal"). Included by the top Makefile.
#
#   make formal          every check below (most of an hour: formal-dcache-mshr)
#   make formal-fast     the induction proofs only (seconds; also in make test)
#
# The properties are the OR_ASSERT invariants of the core's and the cache's
# modules (rtl/include/outrider_assert.svh; the same lines run in every
# simulation), the remaining `ifdef FORMAL` blocks of the cache, and the
# environment formal/dcache_formal.sv. The
# proofs use yosys's SAT solver (`sat -tempinduct`); see verification.md for
# why not yosys-smtbmc with z3.

FORMAL_DIR       := $(BUILD)/formal
FORMAL_DEPTH     ?= 24      # bounded checks: steps from reset
FORMAL_BOUND     ?= 14      # cycles within which a request must be answered
FORMAL_ONECTX    ?= 1       # 1: only context 0 sends requests (0: both; slow, see verification.md)
FORMAL_DCACHE    := $(filter rtl/cache/outrider_dcache%,$(RTL_CACHE_SRCS)) rtl/cache/outrider_amo_alu.sv formal/dcache_formal.sv
FORMAL_BMC_TAIL  := prep -top dcache_formal; flatten; memory_map; opt -fast; async2sync; dffunmap; \
                    sat -tempinduct-baseonly -prove-asserts -set-assumes -set-init f_init_q 1 -verify \
                    -maxsteps $(strip $(FORMAL_DEPTH))

.PHONY: formal formal-fast formal-core formal-dcache-induct formal-dcache-mshr formal-dcache-resp
formal: formal-core formal-dcache-induct formal-dcache-mshr formal-dcache-resp
	@echo "formal: all checks passed"
formal-fast: formal-core formal-dcache-induct

# (1) p-thread requests are loads, marked speculative; (2) a p-thread never
# traps, returns from a trap or writes a CSR: every state, induction k = 1
formal-core: | deps
	@mkdir -p $(FORMAL_DIR)
	@echo "formal: outrider_core p-thread properties (temporal induction)"
	@yosys -l $(FORMAL_DIR)/core.log -q formal/core.ys >/dev/null 2>&1 || \
	  { tail -20 $(FORMAL_DIR)/core.log; echo "formal: core: FAILED"; exit 1; }
	@grep -q "Induction step proven: SUCCESS" $(FORMAL_DIR)/core.log
	@echo "formal: core: proven by induction"

# (5) reservations broken by the other context's store; (1') a p-thread
# request never writes the cache's data array: induction
formal-dcache-induct: | deps
	@mkdir -p $(FORMAL_DIR)
	@echo "formal: outrider_dcache reservation and p-thread properties (temporal induction)"
	@yosys -l $(FORMAL_DIR)/dcache_induct.log -q formal/dcache_induct.ys >/dev/null 2>&1 || \
	  { tail -20 $(FORMAL_DIR)/dcache_induct.log; echo "formal: dcache induct: FAILED"; exit 1; }
	@grep -q "Induction step proven: SUCCESS" $(FORMAL_DIR)/dcache_induct.log
	@sed 's/^read_verilog -formal /read_verilog -formal -DFORMAL_PEX_WAIT /' formal/dcache_induct.ys \
	  > $(FORMAL_DIR)/dcache_induct_wait.ys
	@yosys -l $(FORMAL_DIR)/dcache_induct_wait.log -q $(FORMAL_DIR)/dcache_induct_wait.ys >/dev/null 2>&1 || \
	  { tail -20 $(FORMAL_DIR)/dcache_induct_wait.log; echo "formal: dcache induct (p-thread misses wait): FAILED"; exit 1; }
	@grep -q "Induction step proven: SUCCESS" $(FORMAL_DIR)/dcache_induct_wait.log
	@echo "formal: dcache reservations, p-thread writes: proven by induction (p-thread misses dropped, and waiting above a reserve)"

# (3) no two MSHRs for one line, (6) an uncached access, LR, SC or AMO is not
# answered while its context has posted stores in an MSHR (and the cache's
# other live OR_ASSERTs): bounded
formal-dcache-mshr: | deps
	@mkdir -p $(FORMAL_DIR)
	@echo "formal: outrider_dcache MSHR uniqueness, posted-store ordering (bounded, $(strip $(FORMAL_DEPTH)) steps)"
	@yosys -l $(FORMAL_DIR)/dcache_mshr.log -q -p "script formal/dcache_mshr.ys; \
	  sat -tempinduct-baseonly -prove-asserts -set-assumes -set-init f_init_q 1 -verify \
	  -maxsteps $(strip $(FORMAL_DEPTH))" >/dev/null 2>&1 || \
	  { tail -20 $(FORMAL_DIR)/dcache_mshr.log; echo "formal: dcache MSHR: FAILED"; exit 1; }
	@echo "formal: dcache MSHR uniqueness, posted-store ordering: hold for $(strip $(FORMAL_DEPTH)) steps from reset"

# (4) every accepted request answered once, within FORMAL_BOUND cycles (one
# context, no fences: with both contexts a request can wait behind the
# other's misses, see verification.md): bounded
formal-dcache-resp: | deps
	@mkdir -p $(FORMAL_DIR)
	@echo "formal: outrider_dcache answers (OneCtx=$(strip $(FORMAL_ONECTX)), bound $(strip $(FORMAL_BOUND)) cycles, $(strip $(FORMAL_DEPTH)) steps)"
	@yosys -l $(FORMAL_DIR)/dcache_resp.log -q -p "script formal/dcache_resp.ys; \
	  chparam -set Bound $(strip $(FORMAL_BOUND)) -set NoFence 1 -set OneCtx $(strip $(FORMAL_ONECTX)) dcache_formal; $(FORMAL_BMC_TAIL)" \
	  >/dev/null 2>&1 || \
	  { tail -20 $(FORMAL_DIR)/dcache_resp.log; echo "formal: dcache answers: FAILED"; exit 1; }
	@echo "formal: dcache answers every request within $(strip $(FORMAL_BOUND)) cycles: holds for $(strip $(FORMAL_DEPTH)) steps"

# make test: the induction proofs as a "suite" (prints a closing line).
# FORMAL_SUBMAKE, not $(MAKE) itself, in the recipe: make runs a line that
# names $(MAKE) even under `make -n`, which would write the script there.
FORMAL_SUBMAKE = $(MAKE)
$(TESTS_BUILD)/formal_fast: formal/formal.mk
	@mkdir -p $(@D)
	@printf '#!/bin/sh\n# generated by formal/formal.mk\ncd "%s" || exit 1\nif $(FORMAL_SUBMAKE) --no-print-directory BUILD=%s formal-fast; then echo "formal: 2 passed, 0 failed"; else echo "formal: 0 passed, 1 failed"; exit 1; fi\n' \
	  "$(CURDIR)" "$(BUILD)" > $@.tmp && chmod +x $@.tmp && mv -f $@.tmp $@
TESTS_SUITES += formal_fast
tests-build: $(TESTS_BUILD)/formal_fast
