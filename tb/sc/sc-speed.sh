#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# sc-speed.sh - simulation speed of smtsim-sc against smtsim on the same
# program: RUNS alternating runs of each (so both see the same machine
# load); per run, cycles (from the summary line) / wall-clock seconds of the
# whole process (start-up and ELF loading included); the median of each and
# the ratio. Usage: tb/sc/sc-speed.sh BUILD_DIR PROGRAM.elf [RUNS [options...]]
# (options go to both simulators, e.g. --max-cycles 300000).
set -eu
build=$1; prog=$2; runs=${3:-5}
shift 2; [ $# -gt 0 ] && shift
median() { tr ' ' '\n' | grep . | sort -g |
           awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# one run: prints Mcycles/s
rate() {
    t0=$(date +%s%N)
    cyc=$("$@" 2>&1 >/dev/null | sed -n 's/.* after \([0-9]*\) cycles.*/\1/p')
    t1=$(date +%s%N)
    [ -n "$cyc" ] || { echo "sc-speed: no summary from $1" >&2; exit 1; }
    awk -v c="$cyc" -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f", c / (ns / 1e9) / 1e6 }'
}
a=""; b=""
for i in $(seq "$runs"); do
    a="$a $(rate "$build/smtsim" "$@" "$prog")"
    b="$b $(rate "$build/smtsim-sc" "$@" "$prog")"
done
ma=$(echo $a | median); mb=$(echo $b | median)
echo "program $(basename "$prog"), $runs alternating runs each, options: ${*:-none}"
echo "smtsim    Mcycles/s:$a  median $ma"
echo "smtsim-sc Mcycles/s:$b  median $mb"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "smtsim-sc runs at %.2f x the speed of smtsim\n", b / a }'
