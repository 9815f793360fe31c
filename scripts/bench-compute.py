#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/bench-compute.py - run the compute-bound set (sw/bench/compute/) and report IPC.

usage: scripts/bench-compute.py [--build DIR] [--out DIR] [--jobs N]
                                [--latency L] [--kernels "crc matmul ..."]
                                [--no-perfect] [--smtsim PATH]

For every kernel K runs, on $BUILD/smtsim (or --smtsim: `make bench PARAMS=...`
passes a model variant):
  1h           --mem-latency L   compute_K.elf     (one copy on hart 0)
  2h           --mem-latency L   compute_K_2h.elf  (two copies, one per hart)
  1h_perfect   --perfect-dcache  compute_K.elf     (unless --no-perfect)
  2h_perfect   --perfect-dcache  compute_K_2h.elf
Each program measures its own timed region (mcycle and each hart's
minstret around the kernel only; set-up and the reference computation are
outside it) and prints it; see sw/bench/compute/compute.h.
Derived per kernel: IPC (one hart) = instret / cycles; aggregate IPC (two
harts) = instructions both harts retired in their kernels / cycles of the
pair; throughput ratio = 2 x cycles(1h) / cycles(2h) (two copies' work
against one copy's); geometric means over the kernels.

Each run's record also has the whole run's cycles and data-cache load and
store misses (set-up and reference included: an upper bound on the
kernel's own), from smtsim --stats-json.

Every run must exit 0 (the program compares its checksum with a reference
computed by a second implementation) and print the same checksum in every
configuration; otherwise this script fails (exit 1) after writing what it has.
Writes --out/compute.json and --out/compute.md and prints the table.
Exit status: 0 ok, 1 a run failed or checksums differ, 2 bad usage or
missing files.
"""
import argparse
import concurrent.futures
import json
import math
import os
import re
import subprocess
import sys
import tempfile

MAX_CYCLES = 50_000_000


def die(msg, code=2):
    print(f"bench-compute.py: {msg}", file=sys.stderr)
    sys.exit(code)


def run_one(job):
    """Run one simulation; return (job, result dict or error string)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tf:
        stats_path = tf.name
    try:
        cmd = ([job["sim"], "--quiet", "--max-cycles", str(MAX_CYCLES), "--stats-json", stats_path]
               + job["extra"] + [job["elf"]])
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            return job, f"{' '.join(cmd)} exited with {p.returncode}:\n{p.stdout}{p.stderr}"
        with open(stats_path) as f:
            stats = json.load(f)
    finally:
        os.unlink(stats_path)
    dc = stats.get("dcache", {}).get("threads", [])
    m_sum = re.search(r"checksum (0x[0-9a-f]{8}) ok", p.stdout)
    m_cyc = re.search(r"cycles (\d+)", p.stdout)
    m_ins = re.search(r"instret (\d+)", p.stdout)
    m_per = re.search(r"instret0 (\d+) instret1 (\d+)", p.stdout)
    if m_sum is None or m_cyc is None or m_ins is None or (job["harts"] == 2 and m_per is None):
        return job, f"{job['elf']}: no checksum/cycles/instret lines in its output:\n{p.stdout}"
    cycles, instret = int(m_cyc.group(1)), int(m_ins.group(1))
    if cycles == 0:
        return job, f"{job['elf']}: zero cycles reported"
    # where each context's cycles went in the timed region (the program's
    # region of interest; docs/testbench.md "Where the cycles go")
    roi = (stats.get("roi") or [{}])[0]
    classes = [dict({k: t.get(k + "_cycles", 0) for k in CLASSES}, retired=t.get("retired", 0))
               for t in roi.get("threads", [])]
    return job, {
        "checksum": m_sum.group(1),
        "roi_cycles": roi.get("cycles"),
        "cycle_classes": classes,
        "cycles": cycles,
        "instret": instret,
        "instret_per_hart": [int(m_per.group(1)), int(m_per.group(2))] if m_per else [instret],
        "ipc": instret / cycles,
        # whole run (set-up and reference included), from --stats-json
        "run_cycles": stats.get("cycles"),
        "run_load_misses": sum(t.get("load_misses", 0) for t in dc),
        "run_store_misses": sum(t.get("store_misses", 0) for t in dc),
        "command": " ".join(cmd),
    }


CLASSES = ["issue", "id_stall", "hold", "frontend", "wait"]


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def f2(v, suffix=""):
    return "-" if v is None else f"{v:.2f}{suffix}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--out", default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--latency", default="100")
    ap.add_argument("--kernels", default="crc matmul sort fsm strlist")
    ap.add_argument("--no-perfect", action="store_true")
    ap.add_argument("--smtsim", default=None,
                    help="simulator (default BUILD/smtsim; make bench PARAMS=... passes a variant)")
    a = ap.parse_args()
    out = a.out or os.path.join(a.build, "bench")
    try:
        lat = int(a.latency)
    except ValueError:
        die(f"bad --latency '{a.latency}' (want a non-negative integer)")
    if lat < 0:
        die(f"bad --latency '{a.latency}' (want a non-negative integer)")
    kernels = a.kernels.split()
    if not kernels:
        die("need at least one kernel (--kernels)")
    if a.jobs < 1:
        die(f"bad --jobs {a.jobs} (want >= 1)")
    sim = a.smtsim or os.path.join(a.build, "smtsim")
    prog = os.path.join(a.build, "prog")
    if not os.access(sim, os.X_OK):
        die(f"{sim} not found (run 'make bench-compute', which builds it)")
    elf = lambda k, s="": os.path.join(prog, f"compute_{k}{s}.elf")
    for k in kernels:
        for s in ("", "_2h"):
            if not os.path.isfile(elf(k, s)):
                die(f"{elf(k, s)} not found (run 'make bench-compute', which builds it)")

    configs = [("1h", "", 1, ["--mem-latency", str(lat)]),
               ("2h", "_2h", 2, ["--mem-latency", str(lat)])]
    if not a.no_perfect:
        configs += [("1h_perfect", "", 1, ["--perfect-dcache"]),
                    ("2h_perfect", "_2h", 2, ["--perfect-dcache"])]
    jobs = [dict(kernel=k, config=c, harts=h, sim=sim, elf=elf(k, s), extra=x)
            for k in kernels for (c, s, h, x) in configs]

    results, errors = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for n, (job, res) in enumerate(ex.map(run_one, jobs), 1):
            tag = f"[{n}/{len(jobs)}] {job['kernel']} {job['config']}"
            if isinstance(res, str):
                errors.append(res)
                print(f"{tag}: FAILED", file=sys.stderr)
            else:
                results[(job["kernel"], job["config"])] = res
                print(f"{tag}: {res['cycles']} cycles, IPC {res['ipc']:.3f}", file=sys.stderr)

    for k in kernels:
        sums = {r["checksum"] for (kk, _), r in results.items() if kk == k}
        if len(sums) > 1:
            errors.append(f"{k}: checksums differ between configurations: {sorted(sums)}")

    modes = [("latency", "1h", "2h")] + ([] if a.no_perfect else [("perfect", "1h_perfect", "2h_perfect")])
    rows, summary = [], {}
    for mode, c1, c2 in modes:
        ipc1, ipc2, tput = [], [], []
        for k in kernels:
            r1, r2 = results.get((k, c1)), results.get((k, c2))
            row = {"kernel": k, "mode": mode,
                   "mem_latency": lat if mode == "latency" else None,
                   "perfect_dcache": mode == "perfect",
                   "one_hart": r1, "two_harts": r2,
                   "ipc_1h": r1["ipc"] if r1 else None,
                   "ipc_2h_aggregate": r2["ipc"] if r2 else None,
                   "throughput_ratio": 2 * r1["cycles"] / r2["cycles"] if r1 and r2 else None}
            rows.append(row)
            ipc1.append(row["ipc_1h"])
            ipc2.append(row["ipc_2h_aggregate"])
            tput.append(row["throughput_ratio"])
        summary[mode] = {"geomean_ipc_1h": geomean(ipc1),
                         "geomean_ipc_2h_aggregate": geomean(ipc2),
                         "geomean_throughput_ratio": geomean(tput)}

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "compute.json"), "w") as f:
        json.dump({"mem_latency": lat, "kernels": kernels, "rows": rows, "summary": summary},
                  f, indent=1)
        f.write("\n")
    md = []
    for mode, _, _ in modes:
        title = f"--mem-latency {lat}" if mode == "latency" else "--perfect-dcache"
        md.append(f"### Compute set, {title}\n")
        md.append("| kernel | cycles (1 hart) | instret | IPC (1 hart) | cycles (2 harts) "
                  "| instret (both) | aggregate IPC (2 harts) | throughput 2h/1h |")
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows:
            if row["mode"] != mode:
                continue
            r1, r2 = row["one_hart"], row["two_harts"]
            md.append(f"| {row['kernel']} | {r1['cycles'] if r1 else '-'} | "
                      f"{r1['instret'] if r1 else '-'} | {f2(row['ipc_1h'])} | "
                      f"{r2['cycles'] if r2 else '-'} | {r2['instret'] if r2 else '-'} | "
                      f"{f2(row['ipc_2h_aggregate'])} | {f2(row['throughput_ratio'], 'x')} |")
        s = summary[mode]
        md.append(f"| **geomean** | | | **{f2(s['geomean_ipc_1h'])}** | | | "
                  f"**{f2(s['geomean_ipc_2h_aggregate'])}** | "
                  f"**{f2(s['geomean_throughput_ratio'], 'x')}** |\n")
    if results:
        md.append(f"### Where one hart's cycles go (timed region, --mem-latency {lat})\n")
        md.append("| kernel | issue | ID stall | lane hold | front end | wait | issued, not retired |")
        md.append("|---|---:|---:|---:|---:|---:|---:|")
        for k in kernels:
            r1 = results.get((k, "1h"))
            if not r1 or not r1["cycle_classes"] or not r1["roi_cycles"]:
                continue
            c0, tot = r1["cycle_classes"][0], r1["roi_cycles"]
            pct = " | ".join(f"{100 * c0[c] / tot:.1f}%" for c in CLASSES)
            md.append(f"| {k} | {pct} | {c0['issue'] - c0['retired']} |")
        md.append("")
    text = "\n".join(md)
    with open(os.path.join(out, "compute.md"), "w") as f:
        f.write(text)
    print(text)
    for e in errors:
        print(f"bench-compute.py: {e}", file=sys.stderr)
    print(f"bench-compute.py: wrote {out}/compute.json and {out}/compute.md", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
