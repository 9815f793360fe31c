# SPDX-License-Identifier: Apache-2.0
# Outrider top-level Makefile: everything is driven from here.
#   make demo   - install missing Debian packages, build, run the demo
#   make test   - the whole test suite (cmocka summaries at the end)
#   make lint   - Verilator -Wall, Icarus, yosys (iCE40 + ECP5) checks
#   make prog SRC=path/to/prog.c  - build build/prog/<name>.elf
# Sub-makefiles (rtl/rtl.mk, tb/tb.mk, sw/sw.mk, tests/tests.mk) hold the rules.

BUILD        ?= build
RISCV_PREFIX ?= riscv64-unknown-elf-
DEPS_STAMP   := $(BUILD)/.deps-ok

.PHONY: all deps demo test lint clean help
all: smtsim

help:
	@sed -n '3,8p' Makefile

# Install missing Debian packages once per build tree.
deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/ensure-deps.sh
	@mkdir -p $(BUILD)
	@scripts/ensure-deps.sh
	@touch $@

include rtl/rtl.mk
include tb/tb.mk
include sw/sw.mk
include tests/tests.mk
# suites of later issues (data cache, pre-execution) add themselves
-include tests/dcache.mk
-include tests/preexec.mk
-include tests/sync.mk
-include tests/cosim.mk
-include tests/debug.mk
-include tests/roi.mk
-include formal/formal.mk
-include fpga/sim.mk
# the FuseSoC core description and the project checks of make lint (project.mk)
-include project.mk
# the SystemC/TLM-2.0 platform, smtsim-sc and its suite (docs/systemc.md)
-include tb/sc/sc.mk tests/systemc.mk

# The demo: the pointer-chasing kernel (sw/examples/pex_list.c) with and
# without pre-execution, side by side (scripts/demo.sh). Always at
# --mem-latency 100; `make demo DEMO_LATENCY="50 200"` adds more latencies.
DEMO_LATENCY ?=
demo: smtsim sw-examples
	@scripts/demo.sh $(DEMO_LATENCY)

clean:
	rm -rf $(BUILD)

# the benchmark suite: make bench, make bench-sweep (bench.mk, docs/performance.md)
-include bench.mk
# its compute-bound set's smoke test (part of make test) and make sim-speed
-include tests/compute.mk
-include tb/sim-speed.mk

# the FPGA flow: make fpga BOARD=..., make fpga-report (fpga/fpga.mk, docs/fpga.md)
-include fpga/fpga.mk
