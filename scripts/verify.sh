#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# verify.sh - many random programs (tests/gen/rvgen.c) under lockstep
# co-simulation (smtsim --cosim), each with a configuration drawn from its
# seed (memory latency, outstanding accesses, perfect data cache, pre-
# execution on/off, program length). Prints one line per mismatch and a
# summary: programs, instructions compared, mismatches. Exit 1 if any.
#
#   scripts/verify.sh BUILD SEEDS [FIRST_SEED]
#
# BUILD holds rvgen, smtsim, outrider-iss; programs and reports go to
# BUILD/verify/ (a failing seed keeps its .S, .elf and report there).
# SMTSIM=PATH runs another model (a variant, e.g. build/smtsim-lf).
set -eu
build=$1; seeds=$2; first=${3:-1000}
smtsim=${SMTSIM:-$build/smtsim}
dir=$build/verify
mkdir -p "$dir"
CC=${RISCV_PREFIX:-riscv64-unknown-elf-}gcc
progs=0; insns=0; bad=0; cycles=0
i=0
while [ "$i" -lt "$seeds" ]; do
    seed=$((first + i)); i=$((i + 1))
    base=$dir/rand_$seed
    # the configuration, from the seed
    lats="0 1 2 5 10 23 50 100 200"
    n=$(( (seed * 7) % 9 + 1 )); lat=$(echo $lats | cut -d' ' -f$n)
    out=$(( (seed / 3) % 4 + 1 ))
    extra=""
    [ $((seed % 11)) -eq 0 ] && extra="$extra --perfect-dcache"
    [ $((seed % 7)) -eq 3 ] && extra="$extra --no-preexec"
    items=$(( 80 + (seed * 37) % 400 ))
    "$build/rvgen" "$seed" --items "$items" > "$base.S"
    $CC -march=rv32ima_zicsr_zifencei_zihintpause -mabi=ilp32 -Isw/include -c "$base.S" -o "$base.o"
    $CC -march=rv32im -mabi=ilp32 -nostdlib -nostartfiles -T sw/runtime/outrider.ld \
        -Wl,--gc-sections -o "$base.elf" "$base.o" -lgcc
    set +e
    # shellcheck disable=SC2086
    "$smtsim" --cosim --max-cycles 5000000 --mem-latency "$lat" --mem-outstanding "$out" \
        $extra "$base.elf" > /dev/null 2> "$base.log"
    rc=$?
    set -e
    progs=$((progs + 1))
    n=$(sed -n 's/^smtsim: cosim: \([0-9]*\) instructions.*/\1/p' "$base.log")
    c=$(sed -n 's/^smtsim: exit [0-9]* after \([0-9]*\) cycles.*/\1/p' "$base.log")
    insns=$((insns + ${n:-0})); cycles=$((cycles + ${c:-0}))
    if [ "$rc" -ne 0 ]; then
        bad=$((bad + 1))
        echo "verify: seed $seed (latency $lat, outstanding $out$extra, $items items): exit $rc"
        sed -n '1,4p' "$base.log" | sed 's/^/    /'
    else
        rm -f "$base.S" "$base.o" "$base.elf" "$base.log"
    fi
done
echo "verify: $progs random programs, $insns instructions and traps compared," \
     "$cycles cycles, $bad mismatches (seeds $first..$((first + seeds - 1)))"
[ "$bad" -eq 0 ]
