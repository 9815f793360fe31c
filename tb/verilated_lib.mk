# SPDX-License-Identifier: Apache-2.0
# tb/verilated_lib.mk - run by tb/tb.mk inside the Verilator output folder
# ($(BUILD)/verilator) after `verilator --build`, which builds the model
# archive but not the Verilator runtime. Including the generated V<top>.mk
# gives VK_GLOBAL_OBJS (the runtime objects this model needs) and CPPFLAGS
# with the -DVM_TRACE* values the model was generated with, so the runtime
# and the shim are compiled exactly like the model.
#   make -C $(BUILD)/verilator -f tb/verilated_lib.mk VL_TOP_MK=V<top>.mk \
#        SHIM_DIR=<abs path of tb> libverilated.a model_shim.o
ifeq ($(VL_TOP_MK),)
$(error VL_TOP_MK (the generated V<top>.mk) is not set)
endif
include $(VL_TOP_MK)

libverilated.a: $(VK_GLOBAL_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

model_shim.o: $(SHIM_DIR)/model_shim.cpp $(SHIM_DIR)/model_shim.h $(VM_PREFIX).h
	$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(OPT_FAST) -Wall -Wextra -Werror -I$(SHIM_DIR) -c -o $@ $<
