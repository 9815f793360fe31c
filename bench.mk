# SPDX-License-Identifier: Apache-2.0
# bench.mk - the benchmark suite (sw/bench/, scripts/bench.py,
# docs/performance.md). Included by the top Makefile (-include).
#
#   make bench        every kernel x configuration at --mem-latency 100:
#                     build/bench/results.json and build/bench/results.md
#                     and the compute-bound set (below): compute.json, compute.md
#   make bench-sweep  the same at BENCH_SWEEP_LATENCIES (25 50 100 200 400):
#                     build/bench/sweep.json, sweep.md and speedup.png (gnuplot)
#
# Per kernel K (sw/bench/K.c) four ELFs from the one source:
#   bench_K       plain (-DBENCH_PEX=0)
#   bench_K_pex   pre-executed (-DBENCH_PEX=1)
#   bench_K_2h    two copies, one per hart (-DBENCH_HARTS=2)
#   bench_K_init  builds the data and exits (-DBENCH_INIT_ONLY=1): its
#                 counters are subtracted to get the kernel's own
# and two simulators: $(BUILD)/smtsim and $(BUILD)/smtsim-pf (the same SoC
# verilated with -GDcachePrefetch=1: the data cache's next-line prefetcher).
# BENCH_JOBS (default 2) runs at most that many simulations at once.

BENCH_KERNELS ?= list tree hash em3d mcf spmv
BENCH_LATENCY ?= 100
BENCH_SWEEP_LATENCIES ?= 25 50 100 200 400
BENCH_JOBS    ?= 2
BENCH_DIR     := $(BUILD)/bench
BENCH_SMTSIM  := $(TB_SMTSIM)
BENCH_SMTSIM_PF := $(BUILD)/smtsim-pf
# make bench PARAMS="DcacheBytes=16384 ...": the suite on that model variant
# (tb/tb.mk), results in $(BUILD)/bench-<variant>/; its next-line-prefetch
# twin is the same variant plus DcachePrefetch=1.
ifneq ($(strip $(PARAMS)),)
BENCH_DIR     := $(BUILD)/bench-$(TB_PARAMS_NAME)
BENCH_SMTSIM  := $(TB_PARAMS_SMTSIM)
BENCH_SMTSIM_PF := $(BUILD)/smtsim-$(TB_PARAMS_NAME)-pf
$(eval $(call tb_variant_rule,$(TB_PARAMS_NAME)-pf,$(TB_PARAMS_GFLAGS) -GDcachePrefetch=1))
endif
BENCH_SIMS    := --smtsim $(BENCH_SMTSIM) --smtsim-pf $(BENCH_SMTSIM_PF)
BENCH_CFLAGS  ?=

$(eval $(call tb_variant_rule,pf,-GDcachePrefetch=1))
# Experiments (docs/performance.md), not part of `make bench`:
# $(BUILD)/smtsim-rr is the SoC with round-robin thread select,
# $(BUILD)/smtsim-mshr2 the one with 2 data-cache MSHRs instead of 4.
$(eval $(call tb_variant_rule,rr,-GSelectPolicy=0))
$(eval $(call tb_variant_rule,mshr2,-GDcacheMshrs=2))

# $(1) kernel: its four programs
define bench__kernel
$(call sw_prog_rule,bench_$(1),sw/bench/$(1).c,$(SW_OWN_CFLAGS) -DBENCH_PEX=0 $(BENCH_CFLAGS))
$(call sw_prog_rule,bench_$(1)_pex,sw/bench/$(1).c,$(SW_OWN_CFLAGS) -DBENCH_PEX=1 $(BENCH_CFLAGS))
$(call sw_prog_rule,bench_$(1)_2h,sw/bench/$(1).c,$(SW_OWN_CFLAGS) -DBENCH_HARTS=2 $(BENCH_CFLAGS))
$(call sw_prog_rule,bench_$(1)_init,sw/bench/$(1).c,$(SW_OWN_CFLAGS) -DBENCH_INIT_ONLY=1 $(BENCH_CFLAGS))
endef
ifneq ($(filter bench bench-sweep bench-progs bench-geom,$(MAKECMDGOALS)),)
$(foreach k,$(BENCH_KERNELS),$(if $(wildcard sw/bench/$(k).c),,$(error make bench: no kernel '$(k)' (sw/bench/$(k).c not found; kernels: $(basename $(notdir $(wildcard sw/bench/*.c)))))))
endif
$(foreach k,$(BENCH_KERNELS),$(eval $(call bench__kernel,$(k))))

# The two-chains slice (docs/preexec.md): the chase kernels' runner touches
# two items at once (BENCH_TOUCH2); `make bench-touch2` builds and measures
# them against the suite's plain and pre-executed programs at latency 100.
BENCH_TOUCH2_KERNELS := list tree hash
$(foreach k,$(BENCH_TOUCH2_KERNELS),$(eval $(call sw_prog_rule,bench_$(k)_pex2,sw/bench/$(k).c,$(SW_OWN_CFLAGS) -DBENCH_PEX=1 -DBENCH_TOUCH2=1 $(BENCH_CFLAGS))))
.PHONY: bench-touch2
bench-touch2: $(TB_SMTSIM) $(foreach k,$(BENCH_TOUCH2_KERNELS),$(foreach s,_pex _pex2,$(SW_PROG_BUILD)/bench_$(k)$(s).elf) $(SW_PROG_BUILD)/bench_$(k).elf) | deps
	python3 scripts/bench-touch2.py --smtsim $(TB_SMTSIM) --progs $(SW_PROG_BUILD) $(BENCH_TOUCH2_KERNELS)
BENCH_ELFS := $(foreach k,$(BENCH_KERNELS),$(foreach s,_pex _2h _init,$(SW_PROG_BUILD)/bench_$(k)$(s).elf) \
                $(SW_PROG_BUILD)/bench_$(k).elf)

.PHONY: bench bench-sweep bench-progs bench-deps
bench-progs: $(BENCH_ELFS)

# gnuplot (Debian gnuplot-nox) is needed only by bench-sweep.
bench-deps: deps
	@scripts/ensure-deps.sh --bench

bench: $(BENCH_SMTSIM) $(BENCH_SMTSIM_PF) $(BENCH_ELFS) | deps
	@mkdir -p $(BENCH_DIR)
	python3 scripts/bench.py --build $(BUILD) --out $(BENCH_DIR) --jobs $(BENCH_JOBS) $(BENCH_SIMS) \
	    --latencies $(BENCH_LATENCY) --kernels "$(BENCH_KERNELS)"
	python3 scripts/bench-compute.py --build $(BUILD) --out $(BENCH_DIR) --jobs $(BENCH_JOBS) \
	    --smtsim $(BENCH_SMTSIM) --latency $(BENCH_LATENCY) --kernels "$(COMPUTE_KERNELS)"

bench-sweep: $(BENCH_SMTSIM) $(BENCH_SMTSIM_PF) $(BENCH_ELFS) | bench-deps
	@mkdir -p $(BENCH_DIR)
	python3 scripts/bench.py --build $(BUILD) --out $(BENCH_DIR) --jobs $(BENCH_JOBS) $(BENCH_SIMS) \
	    --latencies "$(BENCH_SWEEP_LATENCIES)" --kernels "$(BENCH_KERNELS)" --sweep

# ---- the data-cache geometry sweep (scripts/bench-geom.py, docs/performance.md)
#   make bench-geom   every geometry in BENCH_GEOMETRIES (BYTES/WAYS/MSHRS), one
#                     simulation at a time: the suite's plain and pre-executed
#                     kernels (fast-forwarded to the timed loop, cache warmed),
#                     the perfect cache, the MLP bound, sw/examples/pex_plain
#                     (whole run, pre-execution on and off) and the data cache's
#                     area (yosys, iCE40 and ECP5): build/bench-geom/geom.md, geom.json
# Each geometry's simulator is built with `make smtsim PARAMS=...` (a few minutes each).
BENCH_GEOMETRIES ?= 4096/2/4 8192/2/4 16384/2/4 32768/2/4 4096/4/4 8192/4/4 16384/4/4 \
                    32768/4/4 16384/8/4 32768/8/4 16384/4/8 16384/4/16
BENCH_GEOM_DIR   ?= $(BUILD)/bench-geom
.PHONY: bench-geom
bench-geom: $(BENCH_ELFS) $(SW_PROG_BUILD)/pex_plain.elf | deps
	nice -n 19 python3 scripts/bench-geom.py --build $(BUILD) --out $(BENCH_GEOM_DIR) \
	    --latency $(BENCH_LATENCY) --kernels "$(BENCH_KERNELS)" --geometries "$(BENCH_GEOMETRIES)" \
	    --area --synth-srcs "$(SYNTH_SRCS_dcache)" --synth-iflags "$(RTL_IFLAGS)"

# ---- the compute-bound set (sw/bench/compute/, scripts/bench-compute.py) ----
#   make bench-compute   every compute kernel, one hart and two harts, at
#                        --mem-latency $(BENCH_LATENCY) and with --perfect-dcache:
#                        build/bench/compute.json and compute.md (part of `make bench`;
#                        with PARAMS=... on that model variant, in its BENCH_DIR)
# Per kernel K (sw/bench/compute/K.c), from the one source:
#   compute_K          one copy, full size
#   compute_K_2h       two copies at the same time, one per hart (COMPUTE_HARTS=2)
#   compute_K_small    small size (the smoke test, tests/compute.mk), and
#   compute_K_small_2h / compute_K_wrong   its two-hart and wrong-answer builds
#   compute_K_tuned    one copy, scheduled by GCC for a dual-issue in-order core
#                      (-mtune=sifive-7-series; make bench-dual BENCH_DUAL_SUFFIX=_tuned)
# (compute_K_bare, the build without runtime for other cores: tb/sim-speed.mk)
COMPUTE_KERNELS ?= crc matmul sort fsm strlist
COMPUTE_DIR     := sw/bench/compute
COMPUTE_CFLAGS  := $(SW_OWN_CFLAGS) -I$(COMPUTE_DIR)

define bench__compute
$(call sw_prog_rule,compute_$(1),$(COMPUTE_DIR)/$(1).c,$(COMPUTE_CFLAGS))
$(call sw_prog_rule,compute_$(1)_2h,$(COMPUTE_DIR)/$(1).c,$(COMPUTE_CFLAGS) -DCOMPUTE_HARTS=2)
$(call sw_prog_rule,compute_$(1)_small,$(COMPUTE_DIR)/$(1).c,$(COMPUTE_CFLAGS) -DCOMPUTE_SMALL=1)
$(call sw_prog_rule,compute_$(1)_small_2h,$(COMPUTE_DIR)/$(1).c,$(COMPUTE_CFLAGS) -DCOMPUTE_SMALL=1 -DCOMPUTE_HARTS=2)
$(call sw_prog_rule,compute_$(1)_wrong,$(COMPUTE_DIR)/$(1).c,$(COMPUTE_CFLAGS) -DCOMPUTE_SMALL=1 -DCOMPUTE_WRONG=1)
$(call sw_prog_rule,compute_$(1)_tuned,$(COMPUTE_DIR)/$(1).c,$(COMPUTE_CFLAGS) -mtune=sifive-7-series)
endef
ifneq ($(filter bench bench-compute,$(MAKECMDGOALS)),)
$(foreach k,$(COMPUTE_KERNELS),$(if $(wildcard $(COMPUTE_DIR)/$(k).c),,$(error make bench: no compute kernel '$(k)' ($(COMPUTE_DIR)/$(k).c not found))))
endif
$(foreach k,$(COMPUTE_KERNELS),$(eval $(call bench__compute,$(k))))
COMPUTE_ELFS       := $(foreach k,$(COMPUTE_KERNELS),$(SW_PROG_BUILD)/compute_$(k).elf $(SW_PROG_BUILD)/compute_$(k)_2h.elf)
COMPUTE_SMOKE_ELFS := $(foreach k,$(COMPUTE_KERNELS),$(foreach s,_small _small_2h _wrong,$(SW_PROG_BUILD)/compute_$(k)$(s).elf))

# `make bench` runs the compute set after the memory-bound suite
bench: $(COMPUTE_ELFS)

.PHONY: bench-compute compute-progs
compute-progs: $(COMPUTE_ELFS) $(COMPUTE_SMOKE_ELFS)

bench-compute: $(BENCH_SMTSIM) $(COMPUTE_ELFS) | deps
	@mkdir -p $(BENCH_DIR)
	python3 scripts/bench-compute.py --build $(BUILD) --out $(BENCH_DIR) --jobs $(BENCH_JOBS) \
	    --smtsim $(BENCH_SMTSIM) --latency $(BENCH_LATENCY) --kernels "$(COMPUTE_KERNELS)"

# ---- two instructions per cycle from one context: the model (scripts/dual-study.py) ----
#   make bench-dual   one-hart runs of the compute set with a commit log
#                     (--mem-latency $(BENCH_LATENCY)), then the trace model of
#                     docs/design/dual-issue.md in six settings (the first, "",
#                     is the default core's pipeline; --late-alu is LateAlu = 1's):
#                     $(BENCH_DIR)/dual/dual.md (about 25 minutes; the logs,
#                     ~100 MB each, are deleted at the end).
#                     BENCH_DUAL_SUFFIX=_tuned: the compute_K_tuned builds, in
#                     $(BENCH_DIR)/dual_tuned/
BENCH_DUAL_SUFFIX   ?=
BENCH_DUAL_DIR      := $(BENCH_DIR)/dual$(BENCH_DUAL_SUFFIX)
BENCH_DUAL_SETTINGS := "" "--cascade" "--fetch aligned" "--late-alu" "--load-use 1" \
                       "--load-use 1 --cascade"
BENCH_DUAL_LOGS     := $(foreach k,$(COMPUTE_KERNELS),$(BENCH_DUAL_DIR)/$(k).log:$(BENCH_DUAL_DIR)/$(k).json)
.PHONY: bench-dual
bench-dual: $(BENCH_SMTSIM) $(foreach k,$(COMPUTE_KERNELS),$(SW_PROG_BUILD)/compute_$(k)$(BENCH_DUAL_SUFFIX).elf) | deps
	@mkdir -p $(BENCH_DUAL_DIR)
	@for k in $(COMPUTE_KERNELS); do \
	  echo "bench-dual: compute_$$k$(BENCH_DUAL_SUFFIX): smtsim --commit-log"; \
	  $(BENCH_SMTSIM) --mem-latency $(BENCH_LATENCY) --commit-log $(BENCH_DUAL_DIR)/$$k.log \
	    --stats-json $(BENCH_DUAL_DIR)/$$k.json $(SW_PROG_BUILD)/compute_$$k$(BENCH_DUAL_SUFFIX).elf \
	    > $(BENCH_DUAL_DIR)/$$k.out 2>&1 || { cat $(BENCH_DUAL_DIR)/$$k.out; exit 1; }; \
	done
	@rm -f $(BENCH_DUAL_DIR)/dual.md
	@for s in $(BENCH_DUAL_SETTINGS); do \
	  echo "bench-dual: scripts/dual-study.py $$s"; \
	  python3 scripts/dual-study.py $$s $(BENCH_DUAL_LOGS) >> $(BENCH_DUAL_DIR)/dual.md || exit 1; \
	  echo >> $(BENCH_DUAL_DIR)/dual.md; \
	done
	@rm -f $(BENCH_DUAL_DIR)/*.log
	@cat $(BENCH_DUAL_DIR)/dual.md
