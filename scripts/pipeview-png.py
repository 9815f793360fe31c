#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""pipeview-png.py - draw part of a Konata pipeline log (Kanata 0004, as
written by `smtsim --pipeview`) as a PNG with gnuplot, so that a document can
show a pipeline picture without the Konata viewer.

One row per instruction (in fetch order), one coloured box per stage and
cycle: F D X M W, Wp (parked in WB, waiting for memory or a divide);
squashed instructions are drawn pale with an "x" after their last stage
(an instruction still in flight where the log ends gets "..." instead);
p-thread instructions are the rows labelled "P ...". The row label is the
log's own label: [P] context, pc, instruction word.

usage: scripts/pipeview-png.py LOG OUT.png [--first-cycle C] [--count N]
       [--ctx N] [--title TEXT]
  --first-cycle C  start at the first instruction fetched at or after cycle C
                   (default: the first in the log)
  --count N        instructions to draw (default 40)
  --ctx N          only instructions of context N (default: both)
Needs gnuplot (Debian gnuplot-nox; scripts/ensure-deps.sh --bench installs it).
"""
import argparse
import shutil
import subprocess
import sys

STAGES = ["F", "D", "X", "M", "W", "Wp"]
COLOURS = {"F": "#9ecae1", "D": "#6baed6", "X": "#fd8d3c", "M": "#74c476",
           "W": "#9e9ac8", "Wp": "#fdd0a2"}


def parse(path):
    """Instructions in fetch order: dict(id, ctx, label, pthread, stages=[(name, start)],
    end, squashed, why)."""
    insns, by_id = [], {}
    cycle = 0
    with open(path) as f:
        head = f.readline().rstrip("\n")
        if head != "Kanata\t0004":
            sys.exit(f"pipeview-png: {path}: not a Kanata 0004 log (first line {head!r})")
        for ln, line in enumerate(f, 2):
            p = line.rstrip("\n").split("\t")
            try:
                if p[0] == "C=":
                    cycle = int(p[1])
                elif p[0] == "C":
                    cycle += int(p[1])
                elif p[0] == "I":
                    r = {"id": int(p[1]), "ctx": int(p[3]), "label": "", "pthread": False,
                         "stages": [], "end": None, "squashed": False, "why": "",
                         "cut": False}
                    by_id[r["id"]] = r
                    insns.append(r)
                elif p[0] == "L":
                    r = by_id[int(p[1])]
                    if p[2] == "0":
                        text = p[3].strip()
                        if text.startswith("P "):
                            r["pthread"] = True
                        r["label"] = (r["label"] + " " + text).strip()
                    elif p[2] == "1":
                        r["why"] = p[3]
                elif p[0] == "S" and p[2] == "0":
                    by_id[int(p[1])]["stages"].append((p[3], cycle))
                elif p[0] == "R":
                    r = by_id[int(p[1])]
                    r["end"] = cycle
                    r["squashed"] = p[3] == "1"
                    if "end of the log" in r["why"]:   # not squashed: cut off
                        r["squashed"], r["cut"] = False, True
            except (IndexError, KeyError, ValueError):
                sys.exit(f"pipeview-png: {path}:{ln}: malformed line {line.strip()!r}")
    return insns


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("log")
    ap.add_argument("out")
    ap.add_argument("--first-cycle", type=int, default=None)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--ctx", type=int, default=None)
    ap.add_argument("--title", default=None)
    a = ap.parse_args()
    if a.count < 1 or a.count > 400:
        sys.exit("pipeview-png: --count must be 1..400")
    if not shutil.which("gnuplot"):
        sys.exit("pipeview-png: gnuplot not found (scripts/ensure-deps.sh --bench installs it)")
    insns = [r for r in parse(a.log) if r["stages"]]
    if a.ctx is not None:
        insns = [r for r in insns if r["ctx"] == a.ctx]
    if a.first_cycle is not None:
        insns = [r for r in insns if r["stages"][0][1] >= a.first_cycle]
    insns = insns[:a.count]
    if not insns:
        sys.exit("pipeview-png: no instructions to draw (check --first-cycle/--ctx)")
    c0 = insns[0]["stages"][0][1]
    c1 = max((r["end"] if r["end"] is not None else r["stages"][-1][1] + 1) for r in insns)
    c1 = max(c1, c0 + 1)
    n = len(insns)
    px = max(2.0, min(18.0, 1500.0 / (c1 - c0)))   # pixels per cycle
    cmds = [
        f"set terminal pngcairo size {int(360 + px * (c1 - c0))},{120 + 18 * n} "
        "font 'DejaVu Sans Mono,9'",
        "set output '" + a.out.replace("'", "''") + "'",
        "unset key", "set border 0", "set tics scale 0", "set termoption noenhanced",
        "set format x '%.0f'",
        f"set xrange [{c0}:{c1}]", f"set yrange [{n}:0]",
        "set xlabel 'cycle'", "set grid xtics lc rgb '#dddddd'",
        "set xtics out nomirror rotate by -30 " + str(max(1, int(90 / px) // 5 * 5 or 1)),
        "set lmargin 44",
    ]
    if a.title:
        cmds.append("set title '" + a.title.replace("'", "''") + "'")
    ytics = []
    obj = 1
    for row, r in enumerate(insns):
        label = r["label"].replace("'", "''")
        ytics.append(f"'{label}' {row + 0.5}")
        end = r["end"] if r["end"] is not None else r["stages"][-1][1] + 1
        for k, (name, start) in enumerate(r["stages"]):
            stop = r["stages"][k + 1][1] if k + 1 < len(r["stages"]) else max(end, start + 1)
            colour = COLOURS.get(name, "#cccccc")
            alpha = "0.35" if r["squashed"] else "1.0"
            cmds.append(f"set object {obj} rect from {start},{row + 0.1} to {stop},{row + 0.9} "
                        f"fc rgb '{colour}' fs transparent solid {alpha} noborder")
            obj += 1
            if (stop - start) * px >= 9:
                cmds.append(f"set label '{name}' at {(start + stop) / 2},{row + 0.55} center")
        if r["squashed"]:
            cmds.append(f"set label 'x' at {end + 0.3},{row + 0.55} tc rgb '#cc0000'")
        elif r["cut"]:
            cmds.append(f"set label '...' at {end + 0.3},{row + 0.55}")
    cmds.append("set ytics (" + ", ".join(ytics) + ")")
    cmds.append("plot NaN")
    res = subprocess.run(["gnuplot"], input="\n".join(cmds) + "\n", text=True,
                         capture_output=True)
    if res.returncode != 0:
        sys.exit("pipeview-png: gnuplot failed: " + res.stderr.strip().splitlines()[-1]
                 if res.stderr.strip() else "pipeview-png: gnuplot failed")
    print(f"pipeview-png: {n} instructions, cycles {c0}..{c1} -> {a.out}")


if __name__ == "__main__":
    main()
