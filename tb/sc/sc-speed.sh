#!/bin/sh
# sc-speed.sh - simulation speed of smtsim-sc against smtsim on the same
# program: RUNS alternating runs of each (so both see the same machine
# load), the median of each one's "Mcycles/s" (their summary line) and the
# ratio. Usage: tb/sc/sc-speed.sh BUILD_DIR PROGRAM.elf [RUNS] [options...]
# (options go to both simulators, e.g. --max-cycles 300000).
set -eu
build=$1; prog=$2; runs=${3:-5}
shift 2; [ $# -gt 0 ] && shift
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
rate() { sed -n 's/.*; \([0-9.]*\) Mcycles\/s$/\1/p'; }
a=""; b=""
for i in $(seq "$runs"); do
    a="$a $("$build/smtsim" "$@" "$prog" 2>&1 >/dev/null | rate)"
    b="$b $("$build/smtsim-sc" "$@" "$prog" 2>&1 >/dev/null | rate)"
done
ma=$(echo $a | tr ' ' '\n' | median); mb=$(echo $b | tr ' ' '\n' | median)
echo "program $(basename "$prog"), $runs runs each, options: ${*:-none}"
echo "smtsim    Mcycles/s:$a  median $ma"
echo "smtsim-sc Mcycles/s:$b  median $mb"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "smtsim-sc runs at %.2f x the speed of smtsim\n", b / a }'
