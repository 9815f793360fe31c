#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/sim-identity.py - is a changed smtsim cycle-identical to a reference?

usage: scripts/sim-identity.py --smtsim PATH --record DIR [--prog-dir D] [--case NAME]...
       scripts/sim-identity.py --smtsim PATH --check DIR  [--prog-dir D] [--case NAME]...
       scripts/sim-identity.py --list

For model changes that must not change any simulated cycle (simulation
speed work, docs/performance.md "Simulation speed"). Runs every case (a
program from --prog-dir, default build/prog, with its smtsim options):

  smtsim --stats-json S --events E [options] PROG.elf

and keeps, per case, the exit status, stdout, stderr without the host speed
("N.NN Mcycles/s"), the statistics JSON without "version" (the git
description), and the SHA-256 and line count of the event log (and of the
commit log for the cases that write one). --record writes them to
DIR/<case>.json (made from the reference binary, e.g. before a change);
--check runs the cases again and compares field by field: a difference is
printed as one line per field and the exit status is 1.

Exit status: 0 identical (or recorded), 1 a difference or a missing
record, 2 bad usage or a missing file.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

# name -> (program, extra smtsim options). Single- and two-hart compute,
# a pre-executed kernel with pre-execution on and off, a plain memory-bound
# kernel, the long pointer-chasing example and the non-blocking-load
# directed test (with its retirement stream).
CASES = {
    "compute_crc": ("compute_crc.elf", []),
    "compute_sort_2h": ("compute_sort_2h.elf", []),
    "pex_plain": ("pex_plain.elf", []),
    "bench_mcf_pex": ("bench_mcf_pex.elf", []),
    "bench_mcf_pex_nopex": ("bench_mcf_pex.elf", ["--no-preexec"]),
    "bench_spmv": ("bench_spmv.elf", []),
    "cosim_nbl": ("test_cosim_nbl.elf", ["--commit-log", "@COMMITLOG@"]),
}

SPEED_RE = re.compile(r"[0-9.]+ Mcycles/s")


def die(msg, code=2):
    print(f"sim-identity.py: {msg}", file=sys.stderr)
    sys.exit(code)


def digest(path):
    """(sha256 hex, line count) of a file, or None if it does not exist."""
    if not os.path.exists(path):
        return None
    h = hashlib.sha256()
    lines = 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
            lines += chunk.count(b"\n")
    return {"sha256": h.hexdigest(), "lines": lines}


def run_case(smtsim, prog_dir, name):
    prog, extra = CASES[name]
    elf = os.path.join(prog_dir, prog)
    if not os.path.exists(elf):
        die(f"{elf}: no such file (build it first, e.g. make {elf})")
    with tempfile.TemporaryDirectory(prefix="sim-identity-") as tmp:
        stats = os.path.join(tmp, "stats.json")
        events = os.path.join(tmp, "events.log")
        commits = os.path.join(tmp, "commit.log")
        args = [a.replace("@COMMITLOG@", commits) for a in extra]
        cmd = [smtsim, "--stats-json", stats, "--events", events] + args + [elf]
        p = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL)
        try:
            with open(stats) as f:
                st = json.load(f)
        except (OSError, ValueError) as e:
            die(f"{name}: no statistics JSON from {' '.join(cmd)} (exit {p.returncode}): {e}", 1)
        st.pop("version", None)
        return {
            "command": " ".join([os.path.basename(smtsim)] + extra + [prog]),
            "exit": p.returncode,
            "stdout": p.stdout.decode(errors="replace"),
            "stderr": SPEED_RE.sub("(speed)", p.stderr.decode(errors="replace")),
            "stats": st,
            "events": digest(events),
            "commit_log": digest(commits),
        }


def diff(name, ref, new):
    """One line per differing field; [] if identical."""
    out = []
    for key in sorted(set(ref) | set(new)):
        if key == "command":
            continue
        a, b = ref.get(key), new.get(key)
        if a == b:
            continue
        if key == "stats" and isinstance(a, dict) and isinstance(b, dict):
            flat_a, flat_b = flatten(a), flatten(b)
            for k in sorted(set(flat_a) | set(flat_b)):
                if flat_a.get(k) != flat_b.get(k):
                    out.append(f"{name}: stats.{k}: {flat_a.get(k)!r} -> {flat_b.get(k)!r}")
        else:
            sa, sb = json.dumps(a), json.dumps(b)
            out.append(f"{name}: {key}: {sa[:200]} -> {sb[:200]}")
    return out


def flatten(d, prefix=""):
    out = {}
    items = d.items() if isinstance(d, dict) else enumerate(d)
    for k, v in items:
        key = f"{prefix}{k}"
        if isinstance(v, (dict, list)):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out


class Parser(argparse.ArgumentParser):
    def error(self, message):   # one line, exit 2
        die(message)


def main():
    ap = Parser(description="cycle identity of smtsim against a recorded reference")
    ap.add_argument("--smtsim")
    ap.add_argument("--prog-dir", default="build/prog")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--record", metavar="DIR")
    mode.add_argument("--check", metavar="DIR")
    mode.add_argument("--list", action="store_true")
    ap.add_argument("--case", action="append", default=[], help="only this case (repeatable)")
    a = ap.parse_args()
    if a.list:
        for n, (prog, extra) in CASES.items():
            opts = " ".join(extra).replace("@COMMITLOG@", "FILE")
            print(f"{n}: smtsim {opts} {prog}".replace("  ", " "))
        return 0
    if not a.smtsim:
        die("--smtsim PATH is required with --record/--check")
    if not (os.path.isfile(a.smtsim) and os.access(a.smtsim, os.X_OK)):
        die(f"{a.smtsim}: not an executable file")
    for c in a.case:
        if c not in CASES:
            die(f"unknown case '{c}' (cases: {', '.join(CASES)})")
    names = a.case or list(CASES)
    d = a.record or a.check
    if a.record:
        os.makedirs(d, exist_ok=True)
    elif not os.path.isdir(d):
        die(f"{d}: no such directory (make one with --record)")
    bad = 0
    for n in names:
        r = run_case(a.smtsim, a.prog_dir, n)
        path = os.path.join(d, f"{n}.json")
        if a.record:
            with open(path, "w") as f:
                json.dump(r, f, indent=1, sort_keys=True)
            print(f"{n}: recorded ({r['stats'].get('cycles')} cycles, exit {r['exit']})")
            continue
        try:
            with open(path) as f:
                ref = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{n}: no usable record {path}: {e}")
            bad += 1
            continue
        lines = diff(n, ref, r)
        if lines:
            bad += 1
            print("\n".join(lines))
        else:
            print(f"{n}: identical ({r['stats'].get('cycles')} cycles)")
    if a.check:
        print(f"sim-identity: {len(names) - bad} of {len(names)} cases identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
