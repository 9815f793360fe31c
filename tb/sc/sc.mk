# SPDX-License-Identifier: Apache-2.0
# tb/sc/sc.mk - the SystemC/TLM-2.0 virtual platform and smtsim-sc
# (docs/systemc.md). Included by the top Makefile after tb/tb.mk, whose
# variables it reuses (RTL_*, TB_VFLAGS, TB_VOPT, TB_OBJDIR, TB_CFLAGS).
#
#   make smtsim-sc   -> $(BUILD)/smtsim-sc
#   make sc-speed    speed of smtsim-sc against smtsim (tb/sc/sc-speed.sh)
#   make sc-compare-long  whole benchmark kernels and examples on both (tb/sc/sc-compare.sh)
#
# The SoC is verilated with the flags of smtsim's model (TB_VFLAGS: same RTL,
# --assert -DOUTRIDER_ASSERT, FST tracing, -O3) but --sc instead of --cc,
# into its own folder $(BUILD)/verilator-sc. SystemC is Debian's
# libsystemc-dev (pkg-config systemc; scripts/ensure-deps.sh installs it).
# The C++ of the platform (tb/sc/*.cpp) is compiled inside that folder with
# the model's own flags (tb/sc/sc_objs.mk); the command line (smtsim_sc.c)
# and the shared C code (tb/common, stats, event log, progress) are C.

SC_VDIR    := $(BUILD)/verilator-sc
SC_VMODEL  := $(SC_VDIR)/$(TB_VPREFIX)__ALL.a
SC_VRT     := $(SC_VDIR)/libverilated.a
SC_CXX_SRCS := $(wildcard tb/sc/*.cpp)
SC_CXX_OBJS := $(patsubst tb/sc/%.cpp,$(SC_VDIR)/sc_%.o,$(SC_CXX_SRCS))
SC_HDRS    := $(wildcard tb/sc/*.h)
SC_VFLAGS  := $(filter-out --cc,$(subst -Mdir $(TB_VDIR),-Mdir $(SC_VDIR),$(TB_VFLAGS))) --sc
SC_SMTSIM  := $(BUILD)/smtsim-sc
SC_C_OBJS  := $(TB_OBJDIR)/sc/smtsim_sc.o \
              $(patsubst tb/%.c,$(TB_OBJDIR)/%.o,$(wildcard tb/common/*.c)) \
              $(TB_OBJDIR)/lib/cycle_stats.o $(TB_OBJDIR)/lib/stats_json.o \
              $(TB_OBJDIR)/lib/event_log.o $(TB_OBJDIR)/lib/progress.o \
              $(TB_OBJDIR)/lib/roi.o $(TB_OBJDIR)/lib/sim_version.o $(TB_OBJDIR)/lib/sim_cli.o
SC_LDLIBS  := $(shell pkg-config --libs systemc 2>/dev/null || echo -lsystemc) -lelf -lz -lmd -pthread -lm

.PHONY: smtsim-sc sc-clean
smtsim-sc: $(SC_SMTSIM)

$(SC_VMODEL): $(RTL_SRCS) $(RTL_INCS) $(TB_RTLLIST) tb/tb.mk tb/sc/sc.mk | deps
	@mkdir -p $(SC_VDIR)
	env -u MAKEFLAGS -u MFLAGS $(VERILATOR) $(SC_VFLAGS) $(RTL_SRCS)
	@touch $@

$(SC_VRT): $(SC_VMODEL) tb/verilated_lib.mk
	$(MAKE) -C $(SC_VDIR) -f $(abspath tb/verilated_lib.mk) VL_TOP_MK=$(TB_VPREFIX).mk \
	    $(TB_VOPT) libverilated.a
	@touch $@

$(SC_CXX_OBJS) &: $(SC_CXX_SRCS) $(SC_HDRS) $(SC_VMODEL) tb/sc/sc_objs.mk tb/lib/model_shim.h \
    tb/lib/cycle_stats.h tb/lib/outrider_sim.h tb/lib/roi.h tb/lib/stats_json.h tb/common/wb_mem.h
	$(MAKE) -C $(SC_VDIR) -f $(abspath tb/sc/sc_objs.mk) VL_TOP_MK=$(TB_VPREFIX).mk \
	    TOP_DIR=$(CURDIR) $(TB_VOPT) $(notdir $(SC_CXX_OBJS))
	@touch $(SC_CXX_OBJS)

$(TB_OBJDIR)/sc/smtsim_sc.o: tb/sc/smtsim_sc.c tb/sc/outrider_sc.h tb/sc/sc.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TB_CFLAGS) -Itb/sc -MMD -MP -c -o $@ $<

$(SC_SMTSIM): $(SC_C_OBJS) $(SC_CXX_OBJS) $(SC_VMODEL) $(SC_VRT)
	$(CXX) -o $@ $(SC_C_OBJS) $(SC_CXX_OBJS) $(SC_VMODEL) $(SC_VRT) $(SC_LDLIBS)

sc-clean:
	rm -rf $(SC_VDIR) $(TB_OBJDIR)/sc $(SC_SMTSIM)

# Speed of smtsim-sc against smtsim (docs/systemc.md "Speed"):
#   make sc-speed [SC_SPEED_PROG=...] [SC_SPEED_RUNS=5] [SC_SPEED_OPTS=...]
SC_SPEED_PROG ?= $(SW_PROG_BUILD)/prodcons.elf
SC_SPEED_RUNS ?= 5
SC_SPEED_OPTS ?=
.PHONY: sc-speed
sc-speed: $(SC_SMTSIM) $(TB_SMTSIM) $(SC_SPEED_PROG)
	@tb/sc/sc-speed.sh $(BUILD) $(SC_SPEED_PROG) $(SC_SPEED_RUNS) $(SC_SPEED_OPTS)

# Whole-program comparison with smtsim (docs/systemc.md): the benchmark
# kernels and the pre-execution examples to the end (about 20 M cycles on
# each simulator: many minutes). SC_COMPARE_OPTS go to both.
SC_COMPARE_PROGS ?= $(patsubst %,$(SW_PROG_BUILD)/bench_%_pex.elf,list tree hash em3d mcf spmv) \
                    $(SW_PROG_BUILD)/bench_hash_2h.elf \
                    $(patsubst %,$(SW_PROG_BUILD)/%.elf,pex_list pex_hash pex_tree)
SC_COMPARE_OPTS ?=
.PHONY: sc-compare-long
sc-compare-long: $(SC_SMTSIM) $(TB_SMTSIM) $(SC_COMPARE_PROGS)
	@tb/sc/sc-compare.sh $(BUILD) $(SC_COMPARE_PROGS) -- $(SC_COMPARE_OPTS)
