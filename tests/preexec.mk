# SPDX-License-Identifier: Apache-2.0
# tests/preexec.mk - the pre-execution suite (test_preexec) and its programs.
# Included by the top Makefile after tests/tests.mk (whose variables and
# rules it reuses): adds the suite to `make test`, its programs and the
# pre-execution examples (sw/sw.mk) to `tests-build`.
#
# Programs: tests/programs/pex_NAME.S -> $(BUILD)/prog/test_pex_NAME.elf
# (raw, like the other assembly test programs), tests/programs/pex_NAME.c
# -> the same with the runtime and picolibc. The suite also runs the
# examples $(BUILD)/prog/pex_{list,hash,tree}.elf and, for the invariant
# check, every $(BUILD)/prog/test_*.elf it finds.
# Targets: run-test_preexec, verify-preexec (the full-size examples).

PEX_RAW_PROGS := pex_basic pex_notrace pex_seg pex_fwd pex_misalign
PEX_C_PROGS   := pex_capi pex_wrong
$(foreach p,$(PEX_RAW_PROGS),$(eval $(call sw_raw_prog_rule,test_$(p),tests/programs/$(p).S)))
$(foreach p,$(PEX_C_PROGS),$(eval $(call sw_prog_rule,test_$(p),tests/programs/$(p).c,$(SW_OWN_CFLAGS))))
PEX_TEST_ELFS := $(patsubst %,$(SW_PROG_BUILD)/test_%.elf,$(PEX_RAW_PROGS) $(PEX_C_PROGS))
# pex_plain with 6 lists (the distance-control test and the corpus)
$(eval $(call sw_prog_rule,pex_plain_small,sw/examples/pex_plain.c,$(SW_OWN_CFLAGS) -DLISTS=6))
# The other pre-execution examples at a smaller size (same code, the sizes
# are -D parameters of the sources), still twice the 16 KiB data cache or
# more, so that their p-threads miss and fill lines (pex_list with 32 lists
# fit in the cache: its p-threads filled nothing): 128 lists (32 KiB),
# 1024 hash entries/128 queries, 1024 tree nodes/128 queries; 0.34-0.6 M
# cycles each instead of 0.9-1.2 M. The on/off corpus, the --no-preexec
# refusal test and test_debug's fast-forward run these; the full-size
# builds are in `make verify-preexec`.
$(eval $(call sw_prog_rule,pex_list_small,sw/examples/pex_list.c,$(SW_OWN_CFLAGS) -DLIST_BITS=7))
$(eval $(call sw_prog_rule,pex_hash_small,sw/examples/pex_hash.c,$(SW_OWN_CFLAGS) -DENTRY_BITS=10 -DNBUCKETS=256 -DQUERIES=128))
$(eval $(call sw_prog_rule,pex_tree_small,sw/examples/pex_tree.c,$(SW_OWN_CFLAGS) -DNODE_BITS=10 -DQUERIES=128))
PEX_EXAMPLE_ELFS := $(patsubst %,$(SW_PROG_BUILD)/%.elf,pex_list pex_hash pex_tree pex_plain_small prefetch \
                      pex_list_small pex_hash_small pex_tree_small)

TESTS_SUITES += test_preexec
PEX_SUITE := $(TESTS_BUILD)/test_preexec

$(PEX_SUITE): $(TESTS_BUILD)/obj/test_preexec.o $(TESTS_COMMON:%=$(TESTS_BUILD)/obj/%.o) $(TB_LIB)
	$(CC) -o $@ $(filter %.o,$^) $(TESTS_LDLIBS)

$(TESTS_BUILD)/obj/test_preexec.o: tests/preexec.mk

tests-build: $(PEX_SUITE) $(PEX_TEST_ELFS) $(PEX_EXAMPLE_ELFS)

.PHONY: run-test_preexec verify-preexec
run-test_preexec: $(PEX_SUITE) $(PEX_TEST_ELFS) $(PEX_EXAMPLE_ELFS) $(TESTS_ELFS) $(TB_SMTSIM)
	$(PEX_SUITE)

# The suite with the full-size examples pex_list, pex_hash, pex_tree in the
# on/off corpus and the refusal test (PEX_FULL_EXAMPLES=1; part of `make
# verify`): a few minutes more than run-test_preexec. It needs every test
# program of the corpus, so it builds what `make test` builds.
verify-preexec: tests-build
	PEX_FULL_EXAMPLES=1 $(PEX_SUITE)
