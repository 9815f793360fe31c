#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/bench-touch2.py - the "two chains interleaved" p-thread slice
against the suite's one-chain slice (make bench-touch2).

For each chase kernel K it runs build/prog/bench_K.elf (plain),
bench_K_pex.elf (the suite's runner: one item at a time) and
bench_K_pex2.elf (the runner touching two items at once, BENCH_TOUCH2) on
smtsim at --mem-latency 100 and prints the timed loop's cycles
(roi[0].cycles), the speedups over plain and the p-thread's coverage and
accuracy (roi[0].derived). Every program checks its own result: a run that
does not exit 0 stops the script with exit 1.

Usage: scripts/bench-touch2.py [--smtsim S] [--progs DIR] [--latency N] KERNEL...
"""
import argparse
import concurrent.futures as cf
import json
import os
import subprocess
import sys
import tempfile


def run(smtsim, elf, latency):
    if not os.path.exists(elf):
        raise RuntimeError(f"{elf} not found (make bench-touch2 builds it)")
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "stats.json")
        p = subprocess.run([smtsim, "--quiet", "--mem-latency", str(latency),
                            "--stats-json", out, elf],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            raise RuntimeError(f"{smtsim} {elf} exited with {p.returncode}:\n{p.stdout[-2000:]}")
        with open(out) as f:
            return json.load(f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smtsim", default="build/smtsim")
    ap.add_argument("--progs", default="build/prog")
    ap.add_argument("--latency", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("kernels", nargs="+")
    a = ap.parse_args()
    variants = ["", "_pex", "_pex2"]
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        futs = {(k, v): ex.submit(run, a.smtsim, os.path.join(a.progs, f"bench_{k}{v}.elf"),
                                  a.latency)
                for k in a.kernels for v in variants}
        try:
            res = {kv: f.result() for kv, f in futs.items()}
        except RuntimeError as e:
            print(f"bench-touch2: {e}", file=sys.stderr)
            return 1
    print(f"### Two chains interleaved (--mem-latency {a.latency}, timed loop cycles)\n")
    print("| kernel | plain | one chain (suite) | two chains | speedup one / two | "
          "coverage one / two | accuracy one / two |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for k in a.kernels:
        c = {v: res[(k, v)]["roi"][0]["cycles"] for v in variants}
        d = {v: res[(k, v)]["roi"][0].get("derived", {}) for v in variants[1:]}
        print(f"| {k} | {c['']:,} | {c['_pex']:,} | {c['_pex2']:,} | "
              f"{c[''] / c['_pex']:.2f}x / {c[''] / c['_pex2']:.2f}x | "
              f"{d['_pex'].get('coverage', 0):.2f} / {d['_pex2'].get('coverage', 0):.2f} | "
              f"{d['_pex'].get('accuracy', 0):.2f} / {d['_pex2'].get('accuracy', 0):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
