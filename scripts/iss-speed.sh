#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# iss-speed.sh - instructions per second of build/outrider-iss: for each
# program given, N runs (default 5), the median of the MIPS figure the ISS
# prints on stderr. Usage: scripts/iss-speed.sh [-n N] ISS PROGRAM.elf...
set -eu
runs=5
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
iss=$1; shift
for prog in "$@"; do
    i=0; list=""
    while [ $i -lt "$runs" ]; do
        line=$("$iss" "$prog" 2>&1 >/dev/null | tail -n 1)
        mips=$(printf '%s\n' "$line" | sed -n 's/.* after \([0-9]*\) instructions; \([0-9.]*\) MIPS$/\2/p')
        insns=$(printf '%s\n' "$line" | sed -n 's/.* after \([0-9]*\) instructions;.*/\1/p')
        [ -n "$mips" ] || { echo "iss-speed: no MIPS figure from $iss $prog: $line" >&2; exit 1; }
        list="$list $mips"
        i=$((i + 1))
    done
    median=$(printf '%s\n' $list | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    printf '%-24s %10s instructions  median %6s MIPS  (runs:%s)\n' "$(basename "$prog")" "$insns" "$median" "$list"
done
