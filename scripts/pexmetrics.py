#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""pexmetrics.py: the derived pre-execution metrics, one definition.

    coverage = useful / (useful + late + main misses)
    accuracy = (useful + late) / p-thread fills
    lateness = late / (useful + late)

with useful = preexec.useful_fills, late = preexec.late_fills, main misses =
preexec.main_load_misses, p-thread fills = preexec.fills; None when the
denominator is 0. This mirrors outrider_stats_derive (tb/lib/roi.c), which
writes the same figures into smtsim's statistics JSON ("derived", whole run
and per region); scripts use derived() or the JSON's values.

Usage: scripts/pexmetrics.py --check STATS.json
  recomputes the whole-run and every region's figures from the counters in
  an smtsim --stats-json file and compares them with the file's "derived"
  objects; exit 0 if they agree (to 1e-6), 1 otherwise, 2 on bad input.
"""
import json
import sys


def ratio(num, den):
    return num / den if den else None


def derived(pre):
    """The metrics of a "preexec" object (or any dict with its counters)."""
    u, l = pre["useful_fills"], pre["late_fills"]
    return {
        "coverage": ratio(u, u + l + pre["main_load_misses"]),
        "accuracy": ratio(u + l, pre["fills"]),
        "lateness": ratio(l, u + l),
    }


def agree(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-6)


def check(path):
    try:
        with open(path) as f:
            st = json.load(f)
    except (OSError, ValueError) as e:
        print(f"pexmetrics: {path}: {e}", file=sys.stderr)
        return 2
    bad = 0
    for name, rec in [("whole run", st)] + [(f"roi[{i}]", r) for i, r in enumerate(st.get("roi", []))]:
        mine = derived(rec["preexec"])
        for k, v in mine.items():
            if not agree(v, rec["derived"][k]):
                print(f"pexmetrics: {name}: {k} = {rec['derived'][k]} in the JSON, {v} here",
                      file=sys.stderr)
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "--check":
        print("usage: pexmetrics.py --check STATS.json", file=sys.stderr)
        sys.exit(2)
    sys.exit(check(sys.argv[2]))
