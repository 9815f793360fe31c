#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# tests/sim-speed-test.sh - `make sim-speed-test` (tb/sim-speed.mk): the
# VexRiscv harness runs a program correctly and scripts/sim-speed.py checks
# its arguments. Not part of `make test` (it needs the VexRiscv venv and
# model).
#   tests/sim-speed-test.sh SMTSIM VEXSIM PROG_DIR VEX_DIR KERNEL...
# (PROG_DIR/compute_K_small.elf: the Outrider builds; VEX_DIR/compute_K_bare_small.elf
# and VEX_DIR/compute_K_bare_wrong.elf: the bare builds, tb/sim-speed.mk)
# Checks:
#   - for every KERNEL, vexsim runs its bare small build: exit 0,
#     "checksum ... ok", the same checksum as smtsim on the Outrider build
#     of the same kernel, and a non-zero cycle count
#   - the first kernel's bare build with a wrong expected value: exit 1,
#     MISMATCH
#   - vexsim rejects bad usage with exit 2 and one line: no program, an
#     unknown option, a missing file, a bad --max-cycles, an Outrider ELF
#     (entry 0x8000_0000, not the harness's reset vector)
#   - a cycle limit below the run's length: exit 124
#   - sim-speed.py rejects --runs 0, --runs x and a missing program (exit 2)
#     and completes one round on the small programs (exit 0, a JSON file
#     with a positive ratio)
set -u
if [ $# -lt 5 ]; then
    echo "usage: tests/sim-speed-test.sh SMTSIM VEXSIM PROG_DIR VEX_DIR KERNEL..." >&2
    exit 2
fi
SMTSIM=$1 VEXSIM=$2 PROG_DIR=$3 VEX_DIR=$4
shift 4
FIRST=$1
OR_ELF=$PROG_DIR/compute_${FIRST}_small.elf
VEX_ELF=$VEX_DIR/compute_${FIRST}_bare_small.elf
VEX_WRONG=$VEX_DIR/compute_${FIRST}_bare_wrong.elf
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
check() {  # check NAME CONDITION-RESULT(0 ok)
    if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; fails=$((fails + 1)); fi
}
expect_status() {  # expect_status NAME WANT CMD...
    name=$1 want=$2; shift 2
    "$@" > "$T/out" 2> "$T/err"; got=$?
    lines=$(wc -l < "$T/err")
    [ "$got" -eq "$want" ] && { [ "$want" -ne 2 ] || [ "$lines" -eq 1 ]; }
    check "$name (exit $got, want $want; stderr: $(head -c 200 "$T/err" | tr '\n' ' '))" $?
}

for k in "$@"; do
    or_elf=$PROG_DIR/compute_${k}_small.elf vex_elf=$VEX_DIR/compute_${k}_bare_small.elf
    "$SMTSIM" --quiet "$or_elf" > "$T/or.out"; st=$?
    want=$(sed -n 's/.*checksum \(0x[0-9a-f]*\) ok.*/\1/p' "$T/or.out")
    check "smtsim runs $(basename "$or_elf") (exit $st, checksum $want)" \
        $([ $st -eq 0 ] && [ -n "$want" ]; echo $?)
    "$VEXSIM" "$vex_elf" > "$T/v.out" 2> "$T/v.err"; st=$?
    got=$(sed -n 's/.*checksum \(0x[0-9a-f]*\) ok.*/\1/p' "$T/v.out")
    cyc=$(sed -n 's/^vexsim: cycles \([0-9]*\),.*/\1/p' "$T/v.err")
    check "vexsim runs $(basename "$vex_elf") (exit $st, checksum $got, cycles $cyc)" \
        $([ $st -eq 0 ] && [ -n "$got" ] && [ "$got" = "$want" ] && [ "${cyc:-0}" -gt 0 ]; echo $?)
done

"$VEXSIM" "$VEX_WRONG" > "$T/w.out" 2> /dev/null; st=$?
check "vexsim: the wrong-answer build fails (exit $st)" \
    $([ $st -eq 1 ] && grep -q MISMATCH "$T/w.out"; echo $?)

expect_status "vexsim: no program" 2 "$VEXSIM"
expect_status "vexsim: unknown option" 2 "$VEXSIM" --bogus "$VEX_ELF"
expect_status "vexsim: missing file" 2 "$VEXSIM" "$T/none.elf"
expect_status "vexsim: bad --max-cycles" 2 "$VEXSIM" --max-cycles 12x "$VEX_ELF"
expect_status "vexsim: an Outrider ELF" 2 "$VEXSIM" "$OR_ELF"
expect_status "vexsim: cycle limit" 124 "$VEXSIM" --max-cycles 1000 "$VEX_ELF"

SP="python3 scripts/sim-speed.py --smtsim $SMTSIM --vexsim $VEXSIM --smtsim-progs $OR_ELF --vex-prog $VEX_ELF"
expect_status "sim-speed.py: --runs 0" 2 $SP --runs 0
expect_status "sim-speed.py: --runs x" 2 $SP --runs x
expect_status "sim-speed.py: missing program" 2 python3 scripts/sim-speed.py --smtsim "$SMTSIM" \
    --vexsim "$VEXSIM" --smtsim-progs "$T/none.elf" --vex-prog "$VEX_ELF"
$SP --runs 1 --out "$T/s.json" > "$T/s.out" 2> "$T/s.err"; st=$?
ratio=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ratio_smtsim_to_vexriscv"])' "$T/s.json" 2>/dev/null)
check "sim-speed.py: one round on the small programs (exit $st, ratio $ratio)" \
    $([ $st -eq 0 ] && python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > 0 else 1)' "$ratio" 2>/dev/null; echo $?)

if [ $fails -ne 0 ]; then echo "sim-speed-test: $fails check(s) FAILED"; exit 1; fi
echo "sim-speed-test: all checks passed"
