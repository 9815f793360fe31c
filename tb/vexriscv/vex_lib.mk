# SPDX-License-Identifier: Apache-2.0
# tb/vexriscv/vex_lib.mk - run by tb/sim-speed.mk inside the VexRiscv model's
# Verilator folder after `verilator --build` (the same scheme as
# tb/verilated_lib.mk for the Outrider model): the Verilator runtime objects
# this model needs (VK_GLOBAL_OBJS) into libverilated.a, and the shim
# compiled with the model's own flags (-DVM_TRACE* from the generated .mk).
#   make -C DIR -f tb/vexriscv/vex_lib.mk VL_TOP_MK=VVexRiscv.mk SHIM_DIR=<abs tb/vexriscv> \
#        OPT_FAST=-O3 OPT_GLOBAL=-O2 libverilated.a vex_shim.o
ifeq ($(VL_TOP_MK),)
$(error VL_TOP_MK (the generated V<top>.mk) is not set)
endif
include $(VL_TOP_MK)

libverilated.a: $(VK_GLOBAL_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

vex_shim.o: $(SHIM_DIR)/vex_shim.cpp $(SHIM_DIR)/vex_shim.h $(VM_PREFIX).h
	$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(OPT_FAST) -Wall -Wextra -Werror -I$(SHIM_DIR) -c -o $@ $<
