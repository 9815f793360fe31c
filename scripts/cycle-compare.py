#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""cycle-compare.py: the same programs on two smtsim builds, outputs compared.

Usage: scripts/cycle-compare.py [-j N] [--max-cycles N] [--extra="OPTS"] BASE_SMTSIM NEW_SMTSIM ELF...

Runs every ELF on both simulators with --stats-json (default options, and
once more with each --extra option set) and compares the console output, the
exit status and the whole statistics JSON. Prints one line per difference
and a summary (programs, runs, total cycles). Every run gets --max-cycles
(default 20000000: programs that never halt, such as the bad-input test
programs, are compared up to that cycle); exit status 1 if anything
differs, 2 on bad usage. Used to show that a restructuring of the RTL changes
no cycle count (docs/architecture.md).
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile


MAX_CYCLES = "20000000"


def run(sim, elf, opts, tmp, max_cycles):
    stats = os.path.join(tmp, "%d.json" % abs(hash((sim, elf, opts))))
    cmd = [sim, "--quiet", "--max-cycles", max_cycles, "--stats-json", stats] + opts.split() + [elf]
    p = subprocess.run(cmd, capture_output=True, timeout=3600)
    try:
        with open(stats) as f:
            js = json.load(f)
    except (OSError, ValueError):
        js = None
    return p.returncode, p.stdout, js


def compare(base, new, elf, opts, tmp, max_cycles):
    a = run(base, elf, opts, tmp, max_cycles)
    b = run(new, elf, opts, tmp, max_cycles)
    diffs = []
    if a[0] != b[0]:
        diffs.append("exit status %d -> %d" % (a[0], b[0]))
    if a[1] != b[1]:
        diffs.append("console output differs")
    if a[2] != b[2]:
        if a[2] is None or b[2] is None:
            diffs.append("stats JSON missing")
        else:
            keys = sorted(k for k in set(a[2]) | set(b[2]) if a[2].get(k) != b[2].get(k))
            diffs.append("stats differ in %s (cycles %s -> %s)" %
                         (",".join(keys), a[2].get("cycles"), b[2].get("cycles")))
    cycles = a[2].get("cycles", 0) if a[2] else 0
    return elf, opts, diffs, cycles


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--max-cycles", default=MAX_CYCLES, help="cycle limit of every run")
    ap.add_argument("--extra", action="append", default=[],
                    help="another option set to run every ELF with (repeatable)")
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("elfs", nargs="+")
    args = ap.parse_args()
    for f in [args.base, args.new] + args.elfs:
        if not os.path.isfile(f):
            print("cycle-compare: no such file: %s" % f, file=sys.stderr)
            return 2
    optsets = [""] + args.extra
    bad = 0
    total = 0
    runs = 0
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as ex:
        futs = [ex.submit(compare, args.base, args.new, e, o, tmp, str(args.max_cycles))
                for e in args.elfs for o in optsets]
        for fu in concurrent.futures.as_completed(futs):
            elf, opts, diffs, cycles = fu.result()
            runs += 1
            total += cycles
            for d in diffs:
                bad += 1
                print("DIFF %s %s: %s" % (os.path.basename(elf), opts or "(default)", d))
    print("cycle-compare: %d programs, %d runs, %d simulated cycles, %d differences"
          % (len(args.elfs), runs, total, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
