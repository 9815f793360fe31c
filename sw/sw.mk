# SPDX-License-Identifier: Apache-2.0
# sw/sw.mk - the bare-metal software kit: runtime objects and program rules.
# Included by the top Makefile (which defines BUILD, RISCV_PREFIX and `deps`).
#
# User targets:
#   make prog SRC=path/to/prog.c       -> $(BUILD)/prog/prog.elf (+ .dis, .map)
#        SRC may list several .c/.S files (NAME = basename of the first, or
#        NAME=...); paths are relative to the top directory or absolute.
#        RAW=1 links a raw program (see sw_raw_prog_rule). PROG_CFLAGS and
#        PROG_LDFLAGS add flags, e.g. PROG_LDFLAGS=-Wl,--defsym=__ram_size=0x400000.
#   make sw-examples                   -> hello, listwalk, twoharts, cpi, pex_list, pex_hash, pex_tree, pex_plain, prefetch, searchtree,
#                                         prodcons, heartbeat
#   make sw-runtime                    -> the runtime objects only
#
# For other fragments (e.g. tests/tests.mk):
#   $(eval $(call sw_prog_rule,NAME,SOURCES[,EXTRA_CFLAGS[,EXTRA_LDFLAGS]]))
#       $(BUILD)/prog/NAME.elf from .c/.S sources anywhere, linked with the
#       runtime (crt0: _start -> main) and picolibc; $(BUILD)/prog/NAME.dis
#       (objdump -d) is a separate target; NAME.map is written with the ELF.
#   $(eval $(call sw_raw_prog_rule,NAME,SOURCES[,EXTRA_CFLAGS[,EXTRA_LDFLAGS]]))
#       same, but no runtime and no libc (only libgcc): the program defines
#       _start itself, in section .text.init.enter (or first in .text of the
#       first source) so that it lands at 0x80000000 (the link checks this).
#       Raw programs get no stack, gp, tp, trap vector or .bss zeroing.
#   Defining the same NAME twice with the same sources and kind is a no-op;
#   with different ones it is an error.
#   Variables: SW_CC SW_OBJDUMP SW_READELF SW_CFLAGS SW_ASFLAGS SW_LDFLAGS
#   SW_RAW_CFLAGS SW_RAW_LDFLAGS SW_RUNTIME_OBJS SW_LDSCRIPT SW_PROG_BUILD
#   SW_PROGS (names defined so far) SW_OWN_CFLAGS (-Werror etc. for our code).

SW_CC        := $(RISCV_PREFIX)gcc
SW_OBJDUMP   := $(RISCV_PREFIX)objdump
SW_READELF   := $(RISCV_PREFIX)readelf
SW_BUILD     := $(BUILD)/sw
SW_PROG_BUILD := $(BUILD)/prog
SW_LDSCRIPT  := sw/runtime/outrider.ld

# gcc picks its multilib from the exact -march string: compile with the full
# ISA, link with rv32im (picolibc/libgcc without compressed instructions).
SW_ISA       := -march=rv32ima_zicsr_zifencei_zihintpause -mabi=ilp32
SW_LINK_ISA  := -march=rv32im -mabi=ilp32

SW_CFLAGS    := $(SW_ISA) --specs=picolibc.specs --picolibc-buildtype=release -O2 -g -Isw/include \
                -ffunction-sections -fdata-sections -Wall -Wextra -MMD -MP
SW_ASFLAGS   := $(SW_ISA) --specs=picolibc.specs --picolibc-buildtype=release -g -Isw/include -MMD -MP
SW_LDFLAGS   := $(SW_LINK_ISA) --specs=picolibc.specs --picolibc-buildtype=release -nostartfiles \
                -T $(SW_LDSCRIPT) -Wl,--gc-sections
SW_RAW_CFLAGS  := -ffreestanding
SW_RAW_LDFLAGS := $(SW_LINK_ISA) -nostdlib -nostartfiles \
                  -T $(SW_LDSCRIPT) -Wl,--gc-sections
SW_OWN_CFLAGS  := -std=c11 -Wpedantic -Werror

SW_RUNTIME_NAMES := crt0 trap console exit hart locks preexec \
                    sync_hart sync_lock sync_event sync_lockdep sync_trap
SW_RUNTIME_OBJS  := $(SW_RUNTIME_NAMES:%=$(SW_BUILD)/%.o)
SW_PROGS :=

.PHONY: prog sw-examples sw-runtime sw--force
sw--force:
sw-runtime: $(SW_RUNTIME_OBJS)

$(SW_BUILD)/%.o: sw/runtime/%.c sw/sw.mk | deps
	@mkdir -p $(@D)
	$(SW_CC) $(SW_CFLAGS) $(SW_OWN_CFLAGS) -c $< -o $@

$(SW_BUILD)/%.o: sw/runtime/%.S sw/sw.mk | deps
	@mkdir -p $(@D)
	$(SW_CC) $(SW_ASFLAGS) -Werror -c $< -o $@

-include $(SW_RUNTIME_OBJS:.o=.d)

# Object path of source $(2) of program $(1): the source's path relative to
# the top directory, or under abs/ for sources outside it.
sw__rel = $(patsubst $(CURDIR)/%,%,$(abspath $(1)))
sw__obj = $(SW_PROG_BUILD)/obj/$(1)/$(patsubst /%,abs/%,$(call sw__rel,$(2))).o

sw__flags = $(SW_PROG_BUILD)/obj/$(1)/flags

# $(1) name, $(2) source, $(3) extra cflags
define sw__obj_rule
$(call sw__obj,$(1),$(2)): $(2) sw/sw.mk $(call sw__flags,$(1)) | deps
	@mkdir -p $$(@D)
	$$(SW_CC) $(if $(filter %.c,$(2)),$$(SW_CFLAGS),$$(SW_ASFLAGS)) $(3) -c $$< -o $$@
-include $(patsubst %.o,%.d,$(call sw__obj,$(1),$(2)))
endef

# $(1) name, $(2) sources, $(3) extra cflags, $(4) extra ldflags,
# $(5) kind (full|raw), $(6) runtime objects, $(7) ldflags, $(8) libs
define sw__prog
$(if $(strip $(1)),,$$(error sw.mk: program with sources '$(2)' has no name))
$(if $(strip $(2)),,$$(error sw.mk: program '$(1)' has no sources))
$(foreach s,$(2),$(if $(filter %.c %.S %.s,$(s)),,$$(error sw.mk: program '$(1)': '$(s)' is not a .c, .S or .s file)))
ifeq ($$(origin SW_PROG_KEY_$(1)),undefined)
SW_PROG_KEY_$(1) := $(5) $(foreach s,$(2),$(abspath $(s)))
SW_PROGS += $(1)
# Rewritten only when the program's extra flags change, so that changing
# them (e.g. PROG_CFLAGS) rebuilds the program.
$(call sw__flags,$(1)): sw--force
	@mkdir -p $$(@D)
	@echo '$(strip $(3)) | $(strip $(4))' | cmp -s - $$@ || echo '$(strip $(3)) | $(strip $(4))' > $$@
$(foreach s,$(2),$(call sw__obj_rule,$(1),$(s),$(3))
)
$(SW_PROG_BUILD)/$(1).elf: $(foreach s,$(2),$(call sw__obj,$(1),$(s))) $(6) $$(SW_LDSCRIPT) $(call sw__flags,$(1)) | deps
	@mkdir -p $$(@D)
	$$(SW_CC) $(7) $(4) -Wl,-Map=$(SW_PROG_BUILD)/$(1).map -o $$@ $(6) $(foreach s,$(2),$(call sw__obj,$(1),$(s))) $(8)
	@if $$(SW_READELF) -h $$@ | grep -q RVC; then \
	  echo "sw.mk: $$@ contains compressed (RVC) code; Outrider has no C extension" >&2; \
	  rm -f $$@; exit 1; fi

$(SW_PROG_BUILD)/$(1).dis: $(SW_PROG_BUILD)/$(1).elf
	$$(SW_OBJDUMP) -d $$< > $$@
else ifneq ($$(SW_PROG_KEY_$(1)),$(5) $(foreach s,$(2),$(abspath $(s))))
$$(error sw.mk: program '$(1)' defined twice: [$$(SW_PROG_KEY_$(1))] and [$(5) $(2)])
endif
endef

sw_prog_rule     = $(call sw__prog,$(1),$(2),$(3),$(4),full,$(SW_RUNTIME_OBJS),$(SW_LDFLAGS),)
sw_raw_prog_rule = $(call sw__prog,$(1),$(2),$(SW_RAW_CFLAGS) $(3),$(4),raw,,$(SW_RAW_LDFLAGS),-lgcc)

# ---- Examples ----
SW_EXAMPLES := hello listwalk twoharts cpi pex_list pex_hash pex_tree pex_plain prefetch prodcons heartbeat searchtree
$(foreach e,$(SW_EXAMPLES),$(eval $(call sw_prog_rule,$(e),sw/examples/$(e).c,$(SW_OWN_CFLAGS))))
sw-examples: $(SW_EXAMPLES:%=$(SW_PROG_BUILD)/%.elf) $(SW_EXAMPLES:%=$(SW_PROG_BUILD)/%.dis)

# ---- make prog SRC=... [NAME=...] [RAW=1] ----
ifneq ($(strip $(SRC)),)
SW_SRC_NAME := $(if $(strip $(NAME)),$(strip $(NAME)),$(basename $(notdir $(firstword $(SRC)))))
ifneq ($(filter prog,$(MAKECMDGOALS)),)
$(foreach s,$(SRC),$(if $(wildcard $(s)),,$(error make prog: source file '$(s)' not found (paths are relative to $(CURDIR) or absolute))))
endif
ifeq ($(strip $(RAW)),1)
$(eval $(call sw_raw_prog_rule,$(SW_SRC_NAME),$(SRC),$(PROG_CFLAGS),$(PROG_LDFLAGS)))
else
$(eval $(call sw_prog_rule,$(SW_SRC_NAME),$(SRC),$(PROG_CFLAGS),$(PROG_LDFLAGS)))
endif
prog: $(SW_PROG_BUILD)/$(SW_SRC_NAME).elf $(SW_PROG_BUILD)/$(SW_SRC_NAME).dis
	@echo "built $(SW_PROG_BUILD)/$(SW_SRC_NAME).elf (disassembly: $(SW_PROG_BUILD)/$(SW_SRC_NAME).dis)"
else
prog:
	@echo "usage: make prog SRC=path/to/prog.c [more .c/.S files] [NAME=name] [RAW=1] [PROG_CFLAGS=...] [PROG_LDFLAGS=...]" >&2; exit 1
endif
