#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# synth-report.sh DIR: one summary line per family from the yosys `stat` output.
set -eu
dir=$1
for unit in core dcache; do
for fam in ice40 ecp5; do
    stat=$dir/${unit}_$fam.json.stat
    [ -f "$stat" ] || { echo "synth-report: missing $stat" >&2; exit 1; }
    cells=$(awk '/Number of cells:/ {n=$4} END {print n}' "$stat")
    if [ "$fam" = ice40 ]; then
        luts=$(awk '/SB_LUT4/ {s+=$2} END {print s+0}' "$stat")
        ffs=$(awk '/SB_DFF/ {s+=$2} END {print s+0}' "$stat")
        bram=$(awk '/SB_RAM40_4K/ {s+=$2} END {print s+0}' "$stat")
        dsp=$(awk '/SB_MAC16/ {s+=$2} END {print s+0}' "$stat")
    else
        luts=$(awk '/LUT4/ {s+=$2} END {print s+0}' "$stat")
        ffs=$(awk '/TRELLIS_FF/ {s+=$2} END {print s+0}' "$stat")
        bram=$(awk '/DP16KD|PDPW16KD/ {s+=$2} END {print s+0}' "$stat")
        dsp=$(awk '/MULT18X18D/ {s+=$2} END {print s+0}' "$stat")
    fi
    echo "synth $unit $fam: cells=$cells LUT4=$luts FF=$ffs BRAM=$bram DSP=$dsp (details: $stat)"
done
done
