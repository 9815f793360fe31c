# SPDX-License-Identifier: Apache-2.0
# tb/sc/sc_objs.mk - run by tb/sc/sc.mk inside $(BUILD)/verilator-sc: the
# platform's C++ (tb/sc/*.cpp -> sc_*.o) compiled with the flags of the
# SystemC model (CPPFLAGS of the generated V<top>.mk: Verilator's include
# folders, -DVM_SC=1, -DVM_TRACE*), so every object agrees with the model.
#   make -C $(BUILD)/verilator-sc -f tb/sc/sc_objs.mk VL_TOP_MK=V<top>.mk TOP_DIR=<repo> sc_X.o
ifeq ($(VL_TOP_MK),)
$(error VL_TOP_MK (the generated V<top>.mk) is not set)
endif
include $(VL_TOP_MK)

SC_INCS := -I$(TOP_DIR)/tb/sc -I$(TOP_DIR)/tb/lib -I$(TOP_DIR)/tb/common -I$(TOP_DIR)/sw/include

sc_%.o: $(TOP_DIR)/tb/sc/%.cpp $(VM_PREFIX).h
	$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(OPT_FAST) -Wall -Wextra -Werror $(SC_INCS) -c -o $@ $<
