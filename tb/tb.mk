# SPDX-License-Identifier: Apache-2.0
# tb/tb.mk - the C test bench library and the smtsim command-line simulator.
# Included by the top Makefile (which defines BUILD, RISCV_PREFIX, `deps`)
# after rtl/rtl.mk (RTL_TOP, RTL_SRCS, RTL_INCS).
#
# Exported for other fragments:
#   TB_LIB     the static library: C test bench + model shim + Verilated
#              model + Verilator runtime. Link a C test with
#                $(CC) $(TB_CFLAGS) test.c $(TB_LIB) $(TB_LDLIBS)
#   TB_CFLAGS  C flags for code using tb/ headers (-Itb/common -Itb/iss -Itb/lib, C11, warnings)
#   TB_LDLIBS  libraries after $(TB_LIB) (gcc links the C++ runtime)
#   TB_SMTSIM  $(BUILD)/smtsim
# Targets: smtsim (phony) -> $(BUILD)/smtsim, iss (phony) -> $(BUILD)/outrider-iss,
# $(TB_LIB), tb-clean.
# The model is re-verilated when any RTL source, the list of RTL sources or
# this file changes.

VERILATOR  ?= verilator
TB_JOBS    ?= $(shell nproc 2>/dev/null || echo 2)

TB_VDIR    := $(BUILD)/verilator
TB_VPREFIX := V$(RTL_TOP)
TB_VMODEL  := $(TB_VDIR)/$(TB_VPREFIX)__ALL.a
TB_VRT     := $(TB_VDIR)/libverilated.a
TB_SHIM_O  := $(TB_VDIR)/model_shim.o
TB_RTLLIST := $(TB_VDIR)/rtl-sources.list
TB_OBJDIR  := $(BUILD)/tb

# -O3 for the model (OPT_FAST) roughly halves run time (measured on this model);
# the runtime (OPT_GLOBAL) gets -O2 instead of the default -Os.
TB_VOPT    := OPT_FAST=-O3 OPT_GLOBAL=-O2
# --assert + OUTRIDER_ASSERT: the RTL's OR_ASSERT invariants run in every simulation
# (rtl/include/outrider_assert.svh)
TB_VFLAGS  := --cc --trace-fst --assert -DOUTRIDER_ASSERT --top-module $(RTL_TOP) $(RTL_IFLAGS) -Mdir $(TB_VDIR) \
              --build -j $(TB_JOBS) -MAKEFLAGS "$(TB_VOPT)"
# The C test bench's models (smtsim and its variants, not the SystemC one)
# take the port answers through the SoC's input register: tb/lib/outrider_sim.c
# drives them one cycle early (rtl/soc/outrider_soc.sv, SimRegInputs).
TB_SOC_GFLAGS := -GSimRegInputs=1

# The test bench in rooms:
#   tb/common/  what every tool shares: ELF loader, memory image, console
#               buffer, option-number parser, error codes
#   tb/iss/     the reference ISS (no dependency on the RTL simulator: it is
#               compiled without tb/lib on its include path)
#   tb/lib/     the C library over the Verilated model (outrider_sim.h), the
#               C++ shim, statistics, event log, the lockstep harness (cosim)
#   tb/tools/   the command-line programs: smtsim, outrider-iss
TB_C_SRCS  := $(wildcard tb/common/*.c) tb/iss/iss.c $(wildcard tb/lib/*.c)
TB_C_OBJS  := $(patsubst tb/%.c,$(TB_OBJDIR)/%.o,$(TB_C_SRCS))

TB_LIB     := $(BUILD)/liboutrider_tb.a
# -Isw/include: <outrider/consts.h>, generated from spec/outrider.toml
TB_CFLAGS_BASE := -std=c11 -O2 -g -Wall -Wextra -Werror -Isw/include
TB_CFLAGS  := $(TB_CFLAGS_BASE) -Itb/common -Itb/iss -Itb/lib
# libmd: SHA-256 of the loaded ELF for the statistics JSON (Debian libmd-dev)
TB_LDLIBS  := -lelf -lz -lmd -pthread -lstdc++ -lm
TB_SMTSIM  := $(BUILD)/smtsim
# the reference ISS alone (no Verilated model): build/outrider-iss
TB_ISS     := $(BUILD)/outrider-iss
TB_ISS_OBJS := $(patsubst tb/%.c,$(TB_OBJDIR)/%.o,tb/tools/iss_main.c tb/iss/iss.c \
               $(wildcard tb/common/*.c))

.PHONY: smtsim iss tb-clean tb-force
iss: $(TB_ISS)
tb-force: ;

# The list of RTL sources: rewritten only when it changes, so adding or
# removing an RTL file also re-verilates.
ifneq ($(strip $(RTL_SRCS) $(RTL_INCS)),$(strip $(shell cat $(TB_RTLLIST) 2>/dev/null)))
$(TB_RTLLIST): tb-force
endif
$(TB_RTLLIST): | deps
	@mkdir -p $(@D)
	@echo '$(RTL_SRCS) $(RTL_INCS)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi

# verilator runs its own `make -j $(TB_JOBS)`: it gets no jobserver from us
# (MAKEFLAGS unset), which make would otherwise warn about.
$(TB_VMODEL): $(RTL_SRCS) $(RTL_INCS) $(TB_RTLLIST) tb/tb.mk | deps
	@mkdir -p $(TB_VDIR)
	env -u MAKEFLAGS -u MFLAGS $(VERILATOR) $(TB_VFLAGS) $(TB_SOC_GFLAGS) $(RTL_SRCS)
	@touch $@

# Verilator runtime + shim, compiled with the model's own flags.
$(TB_VRT) $(TB_SHIM_O) &: $(TB_VMODEL) tb/lib/model_shim.cpp tb/lib/model_shim.h tb/verilated_lib.mk
	$(MAKE) -C $(TB_VDIR) -f $(abspath tb/verilated_lib.mk) VL_TOP_MK=$(TB_VPREFIX).mk \
	    SHIM_DIR=$(abspath tb/lib) $(TB_VOPT) libverilated.a model_shim.o
	@touch $(TB_VRT) $(TB_SHIM_O)

# the ISS and the shared code see only tb/common (and tb/iss): the build
# itself shows that they do not depend on the RTL simulator's headers
$(TB_OBJDIR)/common/%.o: tb/common/%.c tb/tb.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TB_CFLAGS_BASE) -Itb/common -MMD -MP -c -o $@ $<
$(TB_OBJDIR)/iss/%.o: tb/iss/%.c tb/tb.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TB_CFLAGS_BASE) -Itb/common -Itb/iss -MMD -MP -c -o $@ $<
$(TB_OBJDIR)/tools/iss_main.o: tb/tools/iss_main.c tb/tb.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TB_CFLAGS_BASE) -Itb/common -Itb/iss -MMD -MP -c -o $@ $<
$(TB_OBJDIR)/%.o: tb/%.c tb/tb.mk | deps
	@mkdir -p $(@D)
	$(CC) $(TB_CFLAGS) -MMD -MP -c -o $@ $<

-include $(wildcard $(TB_OBJDIR)/*/*.d)

# The simulator version (outrider_sim_version, smtsim --version, the stats
# JSON): `git describe --always --dirty` of the source tree, "unknown" outside
# git. The stamp file is rewritten only when the description changes, so
# sim_version.o is rebuilt exactly then.
TB_VERSION       := $(shell git describe --always --dirty 2>/dev/null || echo unknown)
TB_VERSION_STAMP := $(TB_OBJDIR)/version.stamp
ifneq ($(TB_VERSION),$(shell cat $(TB_VERSION_STAMP) 2>/dev/null))
$(TB_VERSION_STAMP): tb-force
endif
$(TB_VERSION_STAMP):
	@mkdir -p $(@D)
	@echo '$(TB_VERSION)' > $@
$(TB_OBJDIR)/lib/sim_version.o: $(TB_VERSION_STAMP)
$(TB_OBJDIR)/lib/sim_version.o: TB_CFLAGS += -DOUTRIDER_VERSION='"$(TB_VERSION)"'

# One archive: the model and runtime archives merged (ar MRI ADDLIB), then
# the C objects and the shim.
$(TB_LIB): $(TB_C_OBJS) $(TB_SHIM_O) $(TB_VMODEL) $(TB_VRT)
	@rm -f $@
	printf 'CREATE %s\nADDLIB %s\nADDLIB %s\nSAVE\nEND\n' $@ $(TB_VMODEL) $(TB_VRT) | $(AR) -M
	$(AR) rcs $@ $(TB_C_OBJS) $(TB_SHIM_O)

$(TB_SMTSIM): $(TB_OBJDIR)/tools/smtsim.o $(TB_LIB)
	$(CC) -o $@ $< $(TB_LIB) $(TB_LDLIBS)

$(TB_ISS): $(TB_ISS_OBJS)
	$(CC) -o $@ $^ -lelf -lz

tb-clean:
	rm -rf $(TB_VDIR) $(TB_OBJDIR) $(TB_LIB) $(TB_SMTSIM) $(TB_ISS)

# ---- Model variants: the same SoC with other top-level parameters ----
#   $(eval $(call tb_variant_rule,NAME,-GParam=Value ...))
# defines $(BUILD)/smtsim-NAME: smtsim linked with a model verilated with
# those -G overrides into $(BUILD)/verilator-NAME (own runtime and shim; the
# default model and $(TB_LIB) are untouched). Used by the benchmarks
# (bench.mk: smtsim-pf = next-line prefetch on) to measure SoC parameters.
define tb_variant_rule
$(BUILD)/verilator-$(1)/$(TB_VPREFIX)__ALL.a: $(RTL_SRCS) $(RTL_INCS) $(TB_RTLLIST) tb/tb.mk | deps
	@mkdir -p $$(@D)
	env -u MAKEFLAGS -u MFLAGS $(VERILATOR) $(filter-out -Mdir $(TB_VDIR),$(TB_VFLAGS)) \
	    $(TB_SOC_GFLAGS) -Mdir $(BUILD)/verilator-$(1) $(2) $(RTL_SRCS)
	@touch $$@

$(BUILD)/verilator-$(1)/libverilated.a $(BUILD)/verilator-$(1)/model_shim.o &: \
    $(BUILD)/verilator-$(1)/$(TB_VPREFIX)__ALL.a tb/lib/model_shim.cpp tb/lib/model_shim.h tb/verilated_lib.mk
	$(MAKE) -C $(BUILD)/verilator-$(1) -f $(abspath tb/verilated_lib.mk) VL_TOP_MK=$(TB_VPREFIX).mk \
	    SHIM_DIR=$(abspath tb/lib) $(TB_VOPT) libverilated.a model_shim.o
	@touch $(BUILD)/verilator-$(1)/libverilated.a $(BUILD)/verilator-$(1)/model_shim.o

$(BUILD)/liboutrider_tb-$(1).a: $(TB_C_OBJS) $(BUILD)/verilator-$(1)/model_shim.o \
    $(BUILD)/verilator-$(1)/$(TB_VPREFIX)__ALL.a $(BUILD)/verilator-$(1)/libverilated.a
	@rm -f $$@
	printf 'CREATE %s\nADDLIB %s\nADDLIB %s\nSAVE\nEND\n' $$@ \
	    $(BUILD)/verilator-$(1)/$(TB_VPREFIX)__ALL.a $(BUILD)/verilator-$(1)/libverilated.a | $(AR) -M
	$(AR) rcs $$@ $(TB_C_OBJS) $(BUILD)/verilator-$(1)/model_shim.o

$(BUILD)/smtsim-$(1): $(TB_OBJDIR)/tools/smtsim.o $(BUILD)/liboutrider_tb-$(1).a
	$(CC) -o $$@ $$< $(BUILD)/liboutrider_tb-$(1).a $(TB_LDLIBS)
endef

# ---- PARAMS: a model variant from the command line ----
#   make smtsim PARAMS="DcacheBytes=16384 DcacheWays=4"
# builds $(BUILD)/smtsim-p-DcacheBytes16384-DcacheWays4 (kept beside the
# default smtsim; `make bench PARAMS=...` runs the benchmarks on it). Every
# NAME=VALUE must name a parameter of outrider_soc (rtl/soc/outrider_soc.sv)
# with a decimal value; anything else stops make with a message. The derived
# parameter TidW cannot be set.
PARAMS ?=
TB_SOC_PARAMS := $(shell sed -n 's/^ *parameter \(int\|logic *\[[^]]*\]\) *\([A-Za-z0-9_]*\).*/\2/p' rtl/soc/outrider_soc.sv)
ifneq ($(strip $(PARAMS)),)
tb__pname = $(word 1,$(subst =, ,$(1)))
tb__pval  = $(word 2,$(subst =, ,$(1)))
$(foreach p,$(PARAMS),\
  $(if $(and $(findstring =,$(p)),$(call tb__pname,$(p)),$(call tb__pval,$(p))),,\
    $(error PARAMS: '$(p)' is not NAME=VALUE (e.g. PARAMS="DcacheBytes=16384 DcacheWays=4")))\
  $(if $(filter-out TidW,$(filter $(call tb__pname,$(p)),$(TB_SOC_PARAMS))),,\
    $(error PARAMS: '$(call tb__pname,$(p))' is not a parameter of outrider_soc (settable: $(filter-out TidW,$(TB_SOC_PARAMS)))))\
  $(if $(shell printf '%s' '$(call tb__pval,$(p))' | grep -Ex '[0-9]+'),,\
    $(error PARAMS: $(call tb__pname,$(p)): '$(call tb__pval,$(p))' is not a decimal number)))
TB_PARAMS_NAME := p-$(subst $(eval) ,-,$(subst =,,$(strip $(PARAMS))))
TB_PARAMS_GFLAGS := $(addprefix -G,$(PARAMS))
TB_PARAMS_SMTSIM := $(BUILD)/smtsim-$(TB_PARAMS_NAME)
$(eval $(call tb_variant_rule,$(TB_PARAMS_NAME),$(TB_PARAMS_GFLAGS)))
# `make smtsim PARAMS=...` builds the variant (not the default model)
smtsim: $(TB_PARAMS_SMTSIM)
	@echo "smtsim with $(strip $(PARAMS)): $(TB_PARAMS_SMTSIM)"
else
smtsim: $(TB_SMTSIM)
endif
