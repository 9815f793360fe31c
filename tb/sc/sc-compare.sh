#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# sc-compare.sh - smtsim-sc against smtsim on whole programs, outside
# `make test` (the suite runs the long ones for their first cycles only):
# per program, both with --quiet --stats-json; "same" when stdout, exit
# status and the statistics JSON are identical. Exit status 1 if any differ.
# Usage: tb/sc/sc-compare.sh BUILD_DIR PROGRAM.elf... [-- options for both]
set -eu
build=$1; shift
progs=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do progs="$progs $1"; shift; done
[ $# -gt 0 ] && shift
tmp=$(mktemp -d /tmp/outrider-sc-compare-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
bad=0
for p in $progs; do
    set +e
    "$build/smtsim" --quiet --stats-json "$tmp/a.json" "$@" "$p" > "$tmp/a.out" 2>&1; ra=$?
    "$build/smtsim-sc" --quiet --stats-json "$tmp/b.json" "$@" "$p" > "$tmp/b.out" 2>&1; rb=$?
    set -e
    s=same
    if [ $ra -ne $rb ] || ! cmp -s "$tmp/a.out" "$tmp/b.out" || ! cmp -s "$tmp/a.json" "$tmp/b.json"; then
        s=DIFFERENT; bad=1
    fi
    printf '%-22s exit %3d/%3d  %s  %s\n' "$(basename "$p" .elf)" $ra $rb \
        "$(grep -o '"cycles":[0-9]*' "$tmp/a.json" | cut -d: -f2) cycles" $s
done
exit $bad
