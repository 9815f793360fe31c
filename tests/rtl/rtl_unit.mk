# SPDX-License-Identifier: Apache-2.0
# tests/rtl/rtl_unit.mk - unit benches for the RTL blocks around the core:
# divider, ALU, AMO ALU, CLINT, MMIO, data-side bus interface unit, misaligned-
# access splitter (Icarus), and
# the data cache (Verilator --binary --timing, several parameter sets).
#
#   make rtl-unit          compile and run every bench; fails if any check fails
#   make rtl-unit-<bench>  one bench (names in RTLU_BENCHES, RTLU_VBENCHES)
#   make rtl-unit-dcache-seeds   the cache benches again with more random
#                          streams (RTLU_DC_SEEDS, default 2..9; not in make test)
#   make rtl-unit-lint     verilator --lint-only -Wall per module (several NumCtx)
#                          and yosys synth_ice40 with check -assert and no latches
#
# Included by the top-level Makefile, or standalone:
#   make -f tests/rtl/rtl_unit.mk rtl-unit
# Build products (vvp images, logs, yosys logs) go to $(BUILD)/rtl-unit/.
# Every bench ends with "rtl-unit <name>: N passed, M failed"; a run passes
# only when that line is present with M = 0 and N > 0.

BUILD         ?= build
RTLU_DIR      := $(BUILD)/rtl-unit
RTLU_IVERILOG ?= iverilog
RTLU_VVP      ?= vvp
RTLU_IVFLAGS  := -g2012 -Wall -Wno-timescale -Irtl/include -Itests/rtl
# the RTL sources, in their rooms (rtl/core, rtl/cache, rtl/soc); rtlu_src = the file of one module
RTLU_RTL      := $(sort $(wildcard rtl/*/*.sv))
rtlu_src       = $(filter %/outrider_$(1).sv,$(RTLU_RTL))
RTLU_COMMON   := rtl/include/outrider_defs.svh tests/rtl/tb_common.svh tests/rtl/rtl_unit.mk

# bench name -> top module, parameters, sources
RTLU_BENCHES := divider alu amo_alu clint clint1 clint3 mmio dbiu dbiu1 dbiu3 \
                dside_split dside_split1 dside_split3

RTLU_divider_TOP  := tb_divider
RTLU_divider_SRCS := tests/rtl/tb_divider.sv $(call rtlu_src,divider)

RTLU_alu_TOP      := tb_alu
RTLU_alu_SRCS     := tests/rtl/tb_alu.sv $(call rtlu_src,alu)

RTLU_amo_alu_TOP  := tb_amo_alu
RTLU_amo_alu_SRCS := tests/rtl/tb_amo_alu.sv $(call rtlu_src,amo_alu)

RTLU_clint_TOP    := tb_clint
RTLU_clint_SRCS   := tests/rtl/tb_clint.sv $(call rtlu_src,clint)
RTLU_clint1_TOP   := tb_clint
RTLU_clint1_SRCS  := $(RTLU_clint_SRCS)
RTLU_clint1_PARAMS := -Ptb_clint.NC=1
RTLU_clint3_TOP   := tb_clint
RTLU_clint3_SRCS  := $(RTLU_clint_SRCS)
RTLU_clint3_PARAMS := -Ptb_clint.NC=3

RTLU_mmio_TOP     := tb_mmio
RTLU_mmio_SRCS    := tests/rtl/tb_mmio.sv $(call rtlu_src,mmio)

RTLU_dbiu_TOP     := tb_dbiu
RTLU_dbiu_SRCS    := tests/rtl/tb_dbiu.sv tests/rtl/wb_slave_model.sv \
                     $(call rtlu_src,dbiu) $(call rtlu_src,amo_alu)
RTLU_dbiu1_TOP    := tb_dbiu
RTLU_dbiu1_SRCS   := $(RTLU_dbiu_SRCS)
RTLU_dbiu1_PARAMS := -Ptb_dbiu.NC=1
RTLU_dbiu3_TOP    := tb_dbiu
RTLU_dbiu3_SRCS   := $(RTLU_dbiu_SRCS)
RTLU_dbiu3_PARAMS := -Ptb_dbiu.NC=3

RTLU_dside_split_TOP  := tb_dside_split
RTLU_dside_split_SRCS := tests/rtl/tb_dside_split.sv $(call rtlu_src,dside_split)
RTLU_dside_split1_TOP := tb_dside_split
RTLU_dside_split1_SRCS := $(RTLU_dside_split_SRCS)
RTLU_dside_split1_PARAMS := -Ptb_dside_split.NC=1
RTLU_dside_split3_TOP := tb_dside_split
RTLU_dside_split3_SRCS := $(RTLU_dside_split_SRCS)
RTLU_dside_split3_PARAMS := -Ptb_dside_split.NC=3

.PHONY: rtl-unit rtl-unit-lint

$(RTLU_DIR):
	@mkdir -p $@

define RTLU_BENCH_RULES
$(RTLU_DIR)/$(1).vvp: $$(RTLU_$(1)_SRCS) $(RTLU_COMMON) | $(RTLU_DIR)
	$(RTLU_IVERILOG) $(RTLU_IVFLAGS) $$(RTLU_$(1)_PARAMS) -s $$(RTLU_$(1)_TOP) -o $$@ $$(RTLU_$(1)_SRCS)

.PHONY: rtl-unit-$(1)
rtl-unit-$(1): $(RTLU_DIR)/$(1).vvp
	@$(RTLU_VVP) -n $$< > $(RTLU_DIR)/$(1).log 2>&1; \
	 grep -E '^(FAIL|rtl-unit )' $(RTLU_DIR)/$(1).log; \
	 grep -Eq '^rtl-unit .*: [1-9][0-9]* passed, 0 failed$$$$' $(RTLU_DIR)/$(1).log || \
	 { echo "rtl-unit-$(1): FAILED (log: $(RTLU_DIR)/$(1).log)"; exit 1; }
endef
$(foreach b,$(RTLU_BENCHES),$(eval $(call RTLU_BENCH_RULES,$(b))))

# ---- data cache bench: Verilator timing binaries, one per parameter set ---
# (tb_dcache hangs under Icarus 11: docs/dcache.md "Unit bench"). -O0 keeps
# each build to a few seconds; the bench itself is linted with -Wall (its
# monitors use blocking assignments on purpose: BLKSEQ off).
# Together the sets cover: the default (4 KiB, 2-way, 32-byte lines, 4 MSHRs,
# 2 contexts), 1 and 3 contexts, direct mapped, 4 and 8 ways, 16- and
# 64-byte lines, 1, 2 and 3 MSHRs, the next-line prefetcher (also with one
# MSHR), 1 KiB and 8 KiB; posted0 the default with PostedStores = 0
# (every other set posts store misses); nbl0 the default with NbLoads = 0
# (every other set answers load misses with dreq_nb_i as outstanding);
# p-thread misses that find too few free MSHRs are dropped (PexMissWait = 0,
# the module's default) except in pexwait (the default with PexMissWait = 1,
# PexMshrReserve = 1: the SoC's policy for 4 MSHRs) and w8_m3_wait2 (3 MSHRs, reserve 2:
# a p-thread allocates only when all three are free).
RTLU_DC_SETS := default nc1_w1_8k nc3_w4_l16_m1_pf l64_m2_pf_1k w8_m3_wait2 nc3_w1_1k posted0 nbl0 \
                pexwait
RTLU_DC_default_G          :=
RTLU_DC_nc1_w1_8k_G        := -GNC=1 -GWAYS=1 -GSIZE=8192
RTLU_DC_nc3_w4_l16_m1_pf_G := -GNC=3 -GWAYS=4 -GLINE=16 -GMSHRS=1 -GPREF=1
RTLU_DC_l64_m2_pf_1k_G     := -GLINE=64 -GMSHRS=2 -GPREF=1 -GSIZE=1024
RTLU_DC_w8_m3_wait2_G      := -GWAYS=8 -GSIZE=8192 -GMSHRS=3 -GPEXW=1 -GPEXR=2
RTLU_DC_nc3_w1_1k_G        := -GNC=3 -GWAYS=1 -GSIZE=1024
RTLU_DC_posted0_G          := -GPOSTED=0
RTLU_DC_nbl0_G             := -GNBL=0
RTLU_DC_pexwait_G          := -GPEXW=1 -GPEXR=1
# (nbl0 differs from the default only where loads would go outstanding: a
# quarter of the random traffic, +quick, keeps make test short)
RTLU_DC_nbl0_ARGS          := +quick
RTLU_DC_SRCS := tests/rtl/tb_dcache.sv tests/rtl/wb_slave_model.sv \
                $(filter-out %/outrider_dbiu.sv,$(filter rtl/cache/%,$(RTLU_RTL)))
RTLU_VERILATOR ?= verilator
# --assert -DOUTRIDER_ASSERT: the RTL's OR_ASSERT invariants run in the cache bench too
RTLU_VFLAGS := --binary --timing -Wall -Wno-BLKSEQ -Wno-SYNCASYNCNET --assert -DOUTRIDER_ASSERT \
               -Irtl/include -Itests/rtl -j 2 \
               -MAKEFLAGS "OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0"
RTLU_VBENCHES := $(addprefix dcache_,$(RTLU_DC_SETS))
RTLU_DC_SEEDS ?= 2 3 4 5 6 7 8 9

define RTLU_DC_RULES
$(RTLU_DIR)/dcache_$(1)/Vtb_dcache: $(RTLU_DC_SRCS) $(RTLU_COMMON) | $(RTLU_DIR)
	@echo "rtl-unit: verilator tb_dcache $(RTLU_DC_$(1)_G)"
	@$(RTLU_VERILATOR) $(RTLU_VFLAGS) $(RTLU_DC_$(1)_G) --top-module tb_dcache \
	   -Mdir $(RTLU_DIR)/dcache_$(1) $(RTLU_DC_SRCS) > $(RTLU_DIR)/dcache_$(1).build.log 2>&1 || \
	 { tail -30 $(RTLU_DIR)/dcache_$(1).build.log; exit 1; }

.PHONY: rtl-unit-dcache_$(1)
rtl-unit-dcache_$(1): $(RTLU_DIR)/dcache_$(1)/Vtb_dcache
	@$$< $$(RTLU_DC_ARGS) $(RTLU_DC_$(1)_ARGS) > $(RTLU_DIR)/dcache_$(1).log 2>&1; \
	 grep -E '^(FAIL|rtl-unit )' $(RTLU_DIR)/dcache_$(1).log; \
	 grep -Eq '^rtl-unit .*: [1-9][0-9]* passed, 0 failed$$$$' $(RTLU_DIR)/dcache_$(1).log || \
	 { echo "rtl-unit-dcache_$(1): FAILED (log: $(RTLU_DIR)/dcache_$(1).log)"; exit 1; }
endef
$(foreach c,$(RTLU_DC_SETS),$(eval $(call RTLU_DC_RULES,$(c))))

# NbLoads = 0 is cycle-identical to NbLoads = 1 with dreq_nb_i low: the
# nbl0 run (dreq_nb_i driven at random) and the default set run with +nb_off
# (dreq_nb_i held low, the same random streams, both +quick) must print the
# same trace hash (answers, bus and peripheral port, every cycle)
.PHONY: rtl-unit-dcache-nbl0-same
rtl-unit-dcache-nbl0-same: rtl-unit-dcache_nbl0 $(RTLU_DIR)/dcache_default/Vtb_dcache
	@$(RTLU_DIR)/dcache_default/Vtb_dcache +nb_off $(RTLU_DC_nbl0_ARGS) > $(RTLU_DIR)/dcache_default.nb_off.log 2>&1; \
	 grep -Eq '^rtl-unit .*: [1-9][0-9]* passed, 0 failed$$' $(RTLU_DIR)/dcache_default.nb_off.log || \
	 { echo "rtl-unit-dcache-nbl0-same: dcache_default +nb_off FAILED (log: $(RTLU_DIR)/dcache_default.nb_off.log)"; exit 1; }; \
	 a=$$(grep -E '^  trace:' $(RTLU_DIR)/dcache_nbl0.log); b=$$(grep -E '^  trace:' $(RTLU_DIR)/dcache_default.nb_off.log); \
	 if [ -n "$$a" ] && [ "$$a" = "$$b" ]; then echo "rtl-unit dcache NbLoads=0 same as dreq_nb_i low:$$a"; \
	 else echo "rtl-unit-dcache-nbl0-same: FAILED: NbLoads=0 '$$a', NbLoads=1 +nb_off '$$b'"; exit 1; fi

.PHONY: rtl-unit-dcache rtl-unit-dcache-seeds
rtl-unit-dcache: $(addprefix rtl-unit-,$(RTLU_VBENCHES)) rtl-unit-dcache-nbl0-same

rtl-unit-dcache-seeds: $(foreach c,$(RTLU_DC_SETS),$(RTLU_DIR)/dcache_$(c)/Vtb_dcache)
	@fail=; for c in $(RTLU_DC_SETS); do for s in $(RTLU_DC_SEEDS); do \
	   $(RTLU_DIR)/dcache_$$c/Vtb_dcache +seed=$$s > $(RTLU_DIR)/dcache_$$c.seed$$s.log 2>&1; \
	   if grep -Eq '^rtl-unit .*: [1-9][0-9]* passed, 0 failed$$' $(RTLU_DIR)/dcache_$$c.seed$$s.log; \
	   then r=ok; else r=FAILED; fail="$$fail $$c/seed$$s"; fi; \
	   echo "dcache_$$c seed $$s: $$r"; done; done; \
	 if [ -n "$$fail" ]; then echo "rtl-unit-dcache-seeds: FAILED:$$fail"; exit 1; fi

# ---- the protocol checkers (rtl/check/): a clean run passes, and each
# violation stops the run with the checker's message (tests/rtl/tb_checkers.sv)
RTLU_CHK_BIN := $(RTLU_DIR)/checkers/Vtb_checkers
RTLU_CHK_MSG := "" "a stalled request changed" "a response without an accepted request" \
  "ACK and ERR together" "STB outside CYC" "CYC dropped with responses outstanding" \
  "a response without an outstanding request" "a second request accepted" \
  "an outstanding answer for a request" "an outstanding answer for a request" \
  "a store with no byte lane enabled"
$(RTLU_CHK_BIN): tests/rtl/tb_checkers.sv $(filter rtl/check/%,$(RTLU_RTL)) rtl/include/outrider_assert.svh | $(RTLU_DIR)
	@$(RTLU_VERILATOR) $(RTLU_VFLAGS) -Mdir $(RTLU_DIR)/checkers --top-module tb_checkers $^ \
	   > $(RTLU_DIR)/checkers.build.log 2>&1 || { tail -20 $(RTLU_DIR)/checkers.build.log; exit 1; }
.PHONY: rtl-unit-checkers
rtl-unit-checkers: $(RTLU_CHK_BIN)
	@pass=0; fail=0; c=0; for m in $(RTLU_CHK_MSG); do \
	   $(RTLU_CHK_BIN) +case=$$c > $(RTLU_DIR)/checkers.$$c.log 2>&1; rc=$$?; \
	   if [ -z "$$m" ]; then \
	     if [ $$rc -eq 0 ] && grep -q "tb_checkers: clean" $(RTLU_DIR)/checkers.$$c.log; then pass=$$((pass+1)); \
	     else fail=$$((fail+1)); echo "checkers case $$c: the clean run failed:"; cat $(RTLU_DIR)/checkers.$$c.log; fi; \
	   elif [ $$rc -ne 0 ] && grep -q "Assertion failed.*$$m" $(RTLU_DIR)/checkers.$$c.log \
	        && ! grep -q "tb_checkers: clean" $(RTLU_DIR)/checkers.$$c.log; then pass=$$((pass+1)); \
	   else fail=$$((fail+1)); echo "checkers case $$c: expected '$$m':"; cat $(RTLU_DIR)/checkers.$$c.log; fi; \
	   c=$$((c+1)); done; \
	 echo "rtl-unit checkers: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

rtl-unit: $(addprefix rtl-unit-,$(RTLU_BENCHES) $(RTLU_VBENCHES)) rtl-unit-checkers rtl-unit-dcache-nbl0-same
	@echo "rtl-unit: all $(words $(RTLU_BENCHES) $(RTLU_VBENCHES) checkers) benches passed"

# ---- lint and synthesis checks of the modules owned by these benches -------
RTLU_MODS := divider amo_alu clint mmio dbiu dside_split
RTLU_dbiu_DEPS := $(call rtlu_src,amo_alu)

# Elaborate, flatten, check -assert (combinational loops, undriven or
# multiply driven nets: only visible before LUT mapping), no latch cells,
# then synth_ice40 and check -assert again.
RTLU_YOSYS_SCRIPT = read_verilog -sv -Irtl/include $(call rtlu_src,$(1)) $(RTLU_$(1)_DEPS); \
  hierarchy -check -top outrider_$(1); proc; flatten; check -assert; \
  select -assert-none t:$$$$dlatch t:$$$$adlatch t:$$$$dlatchsr; \
  synth_ice40 -top outrider_$(1); check -assert; \
  select -assert-none t:$$$$_DLATCH*; \
  tee -o $(RTLU_DIR)/synth_$(1).stat stat

define RTLU_LINT_RULES
.PHONY: rtl-unit-lint-$(1)
rtl-unit-lint-$(1): | $(RTLU_DIR)
	verilator --lint-only -Wall -Irtl/include -y rtl/core -y rtl/cache -y rtl/soc --top-module outrider_$(1) $$(call rtlu_src,$(1))
	@if grep -q 'parameter int NumCtx' $$(call rtlu_src,$(1)); then \
	   for n in 1 3 4; do \
	     verilator --lint-only -Wall -Irtl/include -y rtl/core -y rtl/cache -y rtl/soc -GNumCtx=$$$$n --top-module outrider_$(1) $$(call rtlu_src,$(1)) || exit 1; \
	   done; \
	 fi
	yosys -q -l $(RTLU_DIR)/synth_$(1).log -p '$(call RTLU_YOSYS_SCRIPT,$(1))' > /dev/null
	@echo "rtl-unit-lint $(1): verilator clean, yosys synth_ice40 ok, $$$$(grep -m1 'Number of cells' $(RTLU_DIR)/synth_$(1).stat | tr -s ' ')"
endef
$(foreach m,$(RTLU_MODS),$(eval $(call RTLU_LINT_RULES,$(m))))

# the data cache: verilator -Wall in the parameter sets of its benches (its
# yosys runs are in make synth)
RTLU_DC_LINT_G := "" "-GNumCtx=1 -GWays=1 -GSizeBytes=8192" \
  "-GNumCtx=3 -GWays=4 -GLineBytes=16 -GNumMshr=1 -GNextLinePrefetch=1" \
  "-GLineBytes=64 -GNumMshr=2 -GNextLinePrefetch=1 -GSizeBytes=1024" \
  "-GWays=8 -GSizeBytes=8192 -GNumMshr=3 -GDebugPort=1 -GPexMissWait=1 -GPexMshrReserve=2" \
  "-GNumCtx=3 -GWays=1 -GSizeBytes=1024" \
  "-GNbLoads=0" "-GNbLoads=0 -GPostedStores=0" "-GPexMissWait=1 -GPexMshrReserve=1"
.PHONY: rtl-unit-lint-dcache
rtl-unit-lint-dcache:
	@for g in $(RTLU_DC_LINT_G); do \
	   verilator --lint-only -Wall -Irtl/include -y rtl/core -y rtl/cache -y rtl/soc $$g --top-module outrider_dcache \
	     $(filter rtl/%,$(RTLU_DC_SRCS)) || exit 1; \
	 done
	@echo "rtl-unit-lint dcache: verilator clean in $(words $(RTLU_DC_SETS)) parameter sets"

rtl-unit-lint: $(addprefix rtl-unit-lint-,$(RTLU_MODS)) rtl-unit-lint-dcache
