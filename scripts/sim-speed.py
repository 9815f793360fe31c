#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/sim-speed.py - simulated cycles per CPU second: smtsim against a Verilated VexRiscv_Full.

usage: scripts/sim-speed.py --smtsim PATH --vexsim PATH --smtsim-progs "A.elf B.elf"
                            --vex-prog V.elf [--runs N] [--out FILE.json]

Runs, N times (default 5) in interleaved rounds (A B ... V, A B ... V, ...):
  smtsim --quiet --stats-json TMP PROG   for every PROG of --smtsim-progs
  vexsim PROG                            the --vex-prog (tb/vexriscv/vexsim.c)
one at a time. CPU time of a run = user + system time of that child alone
(os.wait4's rusage). Simulated cycles: smtsim's --stats-json "cycles"; vexsim's
"vexsim: cycles N" line. Every run must exit 0 and print a
"checksum 0x... ok" line (the programs check themselves); the simulated
cycles of a program must be the same in every round (the simulators are
deterministic). Per program: the median CPU seconds and cycles per CPU
second (cycles / median); the ratio of each smtsim program's speed to
VexRiscv's, and of their geometric mean. Table on stdout, JSON to --out.

Exit status: 0 ok, 1 a run failed or was inconsistent, 2 bad usage or
missing files.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile


def die(msg, code=2):
    print(f"sim-speed.py: {msg}", file=sys.stderr)
    sys.exit(code)


def run_timed(cmd):
    """Run cmd; return (exit status, stdout, stderr, CPU seconds of the child)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (p.returncode, out.read().decode(errors="replace"),
                err.read().decode(errors="replace"), ru.ru_utime + ru.ru_stime)


class RunError(Exception):
    pass


def run_smtsim(smtsim, prog):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tf:
        stats = tf.name
    try:
        cmd = [smtsim, "--quiet", "--stats-json", stats, prog]
        rc, out, err, cpu = run_timed(cmd)
        if rc != 0:
            raise RunError(f"{' '.join(cmd)} exited with {rc}:\n{out}{err}")
        with open(stats) as f:
            cycles = json.load(f)["cycles"]
    finally:
        os.unlink(stats)
    m = re.search(r"checksum (0x[0-9a-f]{8}) ok", out)
    if m is None:
        raise RunError(f"{prog}: no 'checksum ... ok' line in its output:\n{out}")
    return cycles, cpu, m.group(1)


def run_vexsim(vexsim, prog):
    cmd = [vexsim, prog]
    rc, out, err, cpu = run_timed(cmd)
    if rc != 0:
        raise RunError(f"{' '.join(cmd)} exited with {rc}:\n{out}{err}")
    m = re.search(r"checksum (0x[0-9a-f]{8}) ok", out)
    c = re.search(r"vexsim: cycles (\d+)", err)
    if m is None or c is None:
        raise RunError(f"{prog}: no 'checksum ... ok' line or no cycle count:\n{out}{err}")
    return int(c.group(1)), cpu, m.group(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--smtsim", required=True)
    ap.add_argument("--vexsim", required=True)
    ap.add_argument("--smtsim-progs", required=True)
    ap.add_argument("--vex-prog", required=True)
    ap.add_argument("--runs", default="5")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    try:
        runs = int(a.runs)
    except ValueError:
        die(f"bad --runs '{a.runs}' (want an integer >= 1)")
    if runs < 1:
        die(f"bad --runs '{a.runs}' (want an integer >= 1)")
    for exe in (a.smtsim, a.vexsim):
        if not os.access(exe, os.X_OK):
            die(f"{exe} not found or not executable (make sim-speed builds it)")
    progs = a.smtsim_progs.split()
    if not progs:
        die("--smtsim-progs is empty")
    for p in progs + [a.vex_prog]:
        if not os.path.isfile(p):
            die(f"{p} not found (make sim-speed builds it)")

    entries = [("smtsim", p) for p in progs] + [("vexriscv", a.vex_prog)]
    samples = {e: [] for e in entries}
    cycles, sums, errors = {}, {}, []
    for r in range(runs):
        for e in entries:
            sim, prog = e
            try:
                cyc, cpu, csum = (run_smtsim(a.smtsim, prog) if sim == "smtsim"
                                  else run_vexsim(a.vexsim, prog))
            except RunError as ex:
                die(str(ex), 1)
            if cycles.setdefault(e, cyc) != cyc:
                errors.append(f"{sim} {prog}: {cyc} cycles in round {r + 1}, {cycles[e]} before")
            sums[e] = csum
            samples[e].append(cpu)
            print(f"[round {r + 1}/{runs}] {sim:8} {os.path.basename(prog)}: {cyc} cycles, "
                  f"{cpu:.3f} CPU s", file=sys.stderr)

    rows = []
    for e in entries:
        med = statistics.median(samples[e])
        if med <= 0:
            die(f"{e[0]} {e[1]}: median CPU time 0 s (too short to time: use a longer program)", 1)
        rows.append({"simulator": e[0], "program": e[1], "cycles": cycles[e],
                     "cpu_seconds": samples[e], "median_cpu_seconds": med,
                     "cycles_per_cpu_second": cycles[e] / med if med > 0 else None,
                     "checksum": sums[e]})
    vex = rows[-1]["cycles_per_cpu_second"]
    smt = [r["cycles_per_cpu_second"] for r in rows[:-1]]
    for r in rows[:-1]:
        r["ratio_to_vexriscv"] = r["cycles_per_cpu_second"] / vex if vex else None
    gm = math.exp(sum(math.log(x) for x in smt) / len(smt)) if all(smt) else None
    result = {"runs": runs, "rows": rows, "smtsim_geomean_cycles_per_cpu_second": gm,
              "vexriscv_cycles_per_cpu_second": vex,
              "ratio_smtsim_to_vexriscv": gm / vex if gm and vex else None}

    print(f"| simulator | program | simulated cycles | median CPU s ({runs} runs) "
          f"| M cycles / CPU s | smtsim / VexRiscv |")
    print("|---|---|---:|---:|---:|---:|")
    for r in rows:
        ratio = r.get("ratio_to_vexriscv")
        print(f"| {r['simulator']} | {os.path.basename(r['program'])} | {r['cycles']} | "
              f"{r['median_cpu_seconds']:.3f} | {r['cycles_per_cpu_second'] / 1e6:.3f} | "
              f"{'' if ratio is None else f'{ratio:.2f}x'} |")
    if result["ratio_smtsim_to_vexriscv"] is not None:
        print(f"| **smtsim (geomean)** | | | | {gm / 1e6:.3f} | "
              f"**{result['ratio_smtsim_to_vexriscv']:.2f}x** |")
    if a.out:
        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        with open(a.out, "w") as f:
            json.dump(result, f, indent=1)
            f.write("\n")
        print(f"sim-speed.py: wrote {a.out}", file=sys.stderr)
    for e in errors:
        print(f"sim-speed.py: {e}", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
