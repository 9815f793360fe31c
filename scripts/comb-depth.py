#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/comb-depth.py - the longest register-to-register paths of an ECP5
netlist, in minutes instead of place-and-route's hours.

Reads the JSON that yosys `synth_ecp5 ... -json F` writes (flattened: the
top module holds every cell) and times every path from a clocked output
(flip-flop Q, block-RAM data out, a top-level input) to a clocked input
(flip-flop D/CE/LSR, block-RAM address/data/enable, distributed-RAM write
side, a top-level output) with a fixed delay per cell and per net.

What it is: a *structural* estimate to find and compare long paths before
and after an RTL change. What it is not: nextpnr's timing. It knows
nothing of placement, so every net costs the same routing delay (more
with fanout); the delays below are round numbers of the size nextpnr's
ECP5 (-6) model reports for these cells, not the model itself. Use the
place-and-route report (`make fpga-report`) for an Fmax to quote.

Usage:
  scripts/comb-depth.py --self-test        (the arithmetic on hand-made netlists)
  scripts/comb-depth.py NETLIST.json [--top N] [--from REGEX] [--to REGEX]
                        [--through REGEX] [--per-start] [--json OUT]
Prints the worst N endpoints (default 10): estimated delay, LUT levels, and
the named nets along the path. --from/--to/--through keep only paths whose
start / end / some net name matches (Python regex on the net names);
--per-start shows at most one endpoint per start register.
Exit 1 with one line on a file that is not a flattened yosys JSON netlist.
"""
import argparse
import json
import math
import re
import sys

# ns; a LUT input to output, and so on (see the module docstring)
ROUTE_NS = 0.75          # one net from a cell output to a cell input
ROUTE_FANOUT_NS = 0.12   # plus this per doubling of the net's fanout
CLK_Q_NS = {"TRELLIS_FF": 0.5, "DP16KD": 4.3, "MULT18X18D": 0.0}
SETUP_NS = 0.2
DPR_READ_NS = 0.5        # TRELLIS_DPR16X4 read address -> data out
MULT_NS = 4.8            # MULT18X18D without its registers, A/B -> P
LUT_NS = 0.35
MUX_NS = 0.2             # PFUMX, L6MUX21


def comb_delay(ctype, ipin, opin):
    """Delay of a combinational arc, or None when the arc does not exist."""
    if ctype == "LUT4":
        return LUT_NS
    if ctype in ("PFUMX", "L6MUX21"):
        return MUX_NS
    if ctype == "CCU2C":
        if ipin == "CIN":
            return 0.06 if opin == "COUT" else 0.3
        return 0.5 if opin == "COUT" else 0.55
    if ctype == "TRELLIS_DPR16X4":
        return DPR_READ_NS if ipin.startswith("RAD") else None
    if ctype == "MULT18X18D":
        if ipin.startswith(("A", "B")) and opin.startswith("P"):
            return MULT_NS
        return None
    if ctype in ("INV",):
        return LUT_NS
    return None


def dedicated(ctype, ipin):
    """Inputs fed by dedicated wiring inside a slice (no routing delay)."""
    if ipin == "CIN":
        return True
    if ctype == "PFUMX" and ipin in ("ALUT", "BLUT"):
        return True
    if ctype == "L6MUX21" and ipin in ("D0", "D1"):
        return True
    return False


SEQ = {"TRELLIS_FF", "DP16KD"}
# sequential outputs (start points) and the combinational cells we model
COMB = {"LUT4", "PFUMX", "L6MUX21", "CCU2C", "TRELLIS_DPR16X4", "MULT18X18D", "INV"}


def die(msg):
    print(f"comb-depth: {msg}", file=sys.stderr)
    sys.exit(1)


def load(path):
    try:
        with open(path) as f:
            d = json.load(f)
    except (OSError, ValueError) as e:
        die(f"cannot read {path}: {e}")
    mods = d.get("modules")
    if not isinstance(mods, dict) or not mods:
        die(f"{path}: not a yosys JSON netlist (no modules)")
    tops = [n for n, m in mods.items() if m.get("attributes", {}).get("top")]
    if len(tops) != 1:
        # yosys marks the top with attribute top=1 (as a bit string)
        tops = [n for n, m in mods.items()
                if str(m.get("attributes", {}).get("top", "0")).strip("0") != ""]
    if len(tops) != 1:
        die(f"{path}: cannot tell the top module ({len(tops)} candidates)")
    top = mods[tops[0]]
    for c in top.get("cells", {}).values():
        if c["type"] in mods and c["type"] not in SEQ | COMB \
                and not mods[c["type"]].get("attributes", {}).get("blackbox"):
            die(f"{path}: not flattened (cell of module {c['type']})")
    return tops[0], top


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("netlist")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--from", dest="frm")
    ap.add_argument("--to")
    ap.add_argument("--through")
    ap.add_argument("--per-start", action="store_true",
                    help="at most one path per start register (its name without the bit "
                         "index): the worst paths of a design often all start at one counter")
    ap.add_argument("--json")
    ap.add_argument("--verbose", action="store_true",
                    help="every net of each path with its delay so far, driver and aliases")
    ap.add_argument("--input-ns", action="append", default=[], metavar="REGEX=NS",
                    help="top-level inputs whose name matches arrive NS after the clock "
                         "(e.g. a unit's outputs when the unit is synthesised alone)")
    ap.add_argument("--cut", action="append", default=[], metavar="REGEX",
                    help="what if the nets named so (any of their names) came from a "
                         "register: they start paths, and paths into them end there")
    ap.add_argument("--outputs-json", metavar="F",
                    help="write the latest arrival at each top-level output port (ns)")
    ap.add_argument("--inputs-from", metavar="F",
                    help="an --outputs-json file of the unit that drives this one's "
                         "inputs: input X_i arrives when that unit's X_o does")
    a = ap.parse_args(argv)
    input_ns = []
    for spec in a.input_ns:
        rx, _, ns = spec.rpartition("=")
        try:
            input_ns.append((re.compile(rx), float(ns)))
        except (re.error, ValueError):
            die(f"--input-ns {spec!r}: expected REGEX=NS")
    if a.inputs_from:
        try:
            with open(a.inputs_from) as f:
                outs = json.load(f)["outputs"]
        except (OSError, ValueError, KeyError) as e:
            die(f"--inputs-from {a.inputs_from}: {e}")
        for port, ns in outs.items():
            if port.endswith("_o"):
                input_ns.append((re.compile("^" + re.escape(port[:-2] + "_i") + "$"), float(ns)))
    topname, top = load(a.netlist)

    # best name per bit: public (no $), fewest dots, shortest
    name = {}
    aliases = {}
    derived = re.compile(r"_(LUT4|PFUMX|L6MUX21|CCU2C|TRELLIS_[A-Z0-9]+|DP16KD|MULT18X18D)_")
    for n, nn in top.get("netnames", {}).items():
        if nn.get("hide_name") or derived.search(n):
            # yosys's names made from a cell's type and pin say nothing new
            continue
        for i, b in enumerate(nn["bits"]):
            if isinstance(b, str):
                continue
            label = n if len(nn["bits"]) == 1 else f"{n}[{i}]"
            aliases.setdefault(b, []).append(label)
            old = name.get(b)
            if old is None or (old.count("."), len(old)) > (label.count("."), len(label)):
                name[b] = label

    cut = set()
    if a.cut:
        rxs = [re.compile(x) for x in a.cut]
        for n, nn in top.get("netnames", {}).items():
            if any(rx.search(n) for rx in rxs):
                cut.update(b for b in nn["bits"] if not isinstance(b, str))

    driver = {}      # bit -> (cell name, output pin)
    sinks = {}       # bit -> list of (cell name, input pin)
    cin = {}         # cell -> list of (input pin, bit)
    cells = top.get("cells", {})
    unknown = set()
    for cn, c in cells.items():
        t = c["type"]
        if t not in SEQ and t not in COMB:
            unknown.add(t)
        dirs = c.get("port_directions", {})
        cin[cn] = []
        for p, bits in c.get("connections", {}).items():
            for b in bits:
                if isinstance(b, str):
                    continue
                if dirs.get(p) == "output":
                    driver[b] = (cn, p)
                else:
                    sinks.setdefault(b, []).append((cn, p))
                    cin[cn].append((p, b))
    for p, port in top.get("ports", {}).items():
        for b in port["bits"]:
            if isinstance(b, str):
                continue
            if port["direction"] == "input":
                driver[b] = ("<input>", p)
            else:
                sinks.setdefault(b, []).append(("<output>", p))

    fanout = {b: len(s) for b, s in sinks.items()}

    def route(b, ctype, ipin):
        if dedicated(ctype, ipin):
            return 0.0
        return ROUTE_NS + ROUTE_FANOUT_NS * math.log2(1 + fanout.get(b, 1))


    arr = {}         # bit -> arrival ns at the driver's output
    lev = {}         # bit -> LUT levels
    pred = {}        # bit -> predecessor bit (None at a start point)

    def start_of(b):
        if b in cut:
            return CLK_Q_NS["TRELLIS_FF"]
        cn, p = driver.get(b, (None, None))
        if cn is None:
            return 0.0          # undriven / constant
        if cn == "<input>":
            for rx, ns in input_ns:
                if rx.search(p):
                    return ns
            return 0.0
        t = cells[cn]["type"]
        if t in SEQ:
            return CLK_Q_NS.get(t, 0.5)
        if t == "TRELLIS_DPR16X4" or t == "MULT18X18D" or t in COMB:
            return None         # combinational: computed
        return 0.5              # unknown cell: treated as a start point

    # iterative depth-first search over bits (grey = on the current path)
    grey = set()
    for b0 in list(driver.keys()):
        if b0 in arr:
            continue
        stack = [(b0, False)]
        while stack:
            b, expanded = stack.pop()
            if b in arr:
                continue
            s = start_of(b)
            if s is not None:
                arr[b], lev[b], pred[b] = s, 0, None
                continue
            cn, opin = driver[b]
            t = cells[cn]["type"]
            arcs = [(ip, ib, comb_delay(t, ip, opin)) for ip, ib in cin[cn]]
            arcs = [x for x in arcs if x[2] is not None]
            if not expanded:
                grey.add(b)
                stack.append((b, True))
                for ip, ib, d in arcs:
                    if ib in arr:
                        continue
                    if ib in grey:
                        die(f"combinational loop through {name.get(ib, ib)}")
                    stack.append((ib, False))
                continue
            grey.discard(b)
            best, bl, bp = 0.0, 0, None
            for ip, ib, d in arcs:
                v = arr[ib] + route(ib, t, ip) + d
                if bp is None or v > best:
                    best, bl, bp = v, lev[ib] + (1 if t in ("LUT4", "CCU2C", "INV") else 0), ib
            arr[b], lev[b], pred[b] = best, bl, bp

    # endpoints: inputs of sequential cells and the DPR's write side, outputs
    ends = []
    for cn, c in cells.items():
        t = c["type"]
        if t in SEQ or t == "TRELLIS_DPR16X4" or t not in COMB:
            for ip, ib in cin[cn]:
                if t == "TRELLIS_DPR16X4" and ip.startswith("RAD"):
                    continue
                if ib not in arr:
                    continue
                ends.append((arr[ib] + route(ib, t, ip) + SETUP_NS, ib, f"{cn}.{ip}"))
    for p, port in top.get("ports", {}).items():
        if port["direction"] != "input":
            for b in port["bits"]:
                if not isinstance(b, str) and b in arr:
                    ends.append((arr[b], b, f"<output {p}>"))
    # a cut net ends the paths into it (computed as if it were not cut)
    for b in cut:
        if b not in driver or driver[b][0] == "<input>":
            continue
        cn, opin = driver[b]
        t = cells[cn]["type"]
        if t not in COMB:
            continue
        best, bp = None, None
        for ip, ib in cin[cn]:
            d = comb_delay(t, ip, opin)
            if d is None or ib not in arr:
                continue
            v = arr[ib] + route(ib, t, ip) + d + SETUP_NS
            if best is None or v > best:
                best, bp = v, ib
        if bp is not None:
            ends.append((best, bp, f"<cut {name.get(b, b)}>"))

    def path(b):
        out = []
        while b is not None:
            out.append(b)
            b = pred.get(b)
        return list(reversed(out))

    def label(b):
        return name.get(b, f"${b}")

    def start_label(b):
        cn, p = driver.get(b, (None, None))
        if cn is None:
            return label(b)
        if cn == "<input>":
            return f"<input {p}>"
        return re.sub(r"_(TRELLIS_FF|DP16KD|TRELLIS_DPR16X4)_\w*$", "", cn) + "." + p

    rf = re.compile(a.frm) if a.frm else None
    rt = re.compile(a.to) if a.to else None
    rth = re.compile(a.through) if a.through else None
    ends.sort(key=lambda e: -e[0])
    shown, seen, seen_start = [], set(), set()
    for t_ns, b, ep in ends:
        p = path(b)
        names = [label(x) for x in p]
        names[0] = start_label(p[0])
        if rf and not rf.search(names[0]):
            continue
        if rt and not (rt.search(ep) or rt.search(names[-1])):
            continue
        if rth and not any(rth.search(n) for n in names):
            continue
        key = re.sub(r"_(TRELLIS_FF|DP16KD|TRELLIS_DPR16X4)_\w*$", "", ep.split(".")[0] if ep[0] != "<" else ep)
        key = re.sub(r"\[\d+\]", "", key)
        if key in seen:
            continue
        skey = re.sub(r"\[\d+\]", "", names[0])
        if a.per_start and skey in seen_start:
            continue
        seen.add(key)
        seen_start.add(skey)
        # compress: keep the named nets, drop consecutive duplicates of a base name
        chain = []
        for n in names:
            base = re.sub(r"\[\d+\]$", "", n)
            if n.startswith("$"):
                continue
            if chain and re.sub(r"\[\d+\]$", "", chain[-1]) == base:
                continue
            chain.append(n)
        if a.verbose:
            for x in p:
                al = sorted(aliases.get(x, []), key=lambda n: (n.count("."), len(n)))[:3]
                cn = driver.get(x, ("?", "?"))
                ct = cells[cn[0]]["type"] if cn[0] in cells else cn[0]
                print(f"    {arr[x]:6.2f} {ct:16s} {', '.join(al)}")
        shown.append({"ns": round(t_ns, 2), "mhz": round(1000.0 / t_ns, 1),
                      "levels": lev[b], "end": ep, "start": names[0], "nets": chain})
        if len(shown) >= a.top:
            break
    print(f"comb-depth: {a.netlist} (top {topname}, {len(cells)} cells"
          + (f"; not modelled, treated as registers: {', '.join(sorted(unknown))}" if unknown else "")
          + ")")
    for i, s in enumerate(shown):
        print(f"{i + 1:2d}. {s['ns']:6.2f} ns ({s['mhz']:5.1f} MHz) {s['levels']:2d} LUT levels  "
              f"{s['start']} -> {s['end']}")
        print("      " + " -> ".join(s["nets"]))
    if a.outputs_json:
        outs = {}
        for p, port in top.get("ports", {}).items():
            if port["direction"] != "input":
                ts = [arr[b] for b in port["bits"] if not isinstance(b, str) and b in arr]
                if ts:
                    outs[p] = round(max(ts), 2)
        with open(a.outputs_json, "w") as f:
            json.dump({"netlist": a.netlist, "outputs": outs}, f, indent=1, sort_keys=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"netlist": a.netlist, "paths": shown}, f, indent=1)
    return 0


def self_test():
    """The arithmetic on hand-made netlists (make test runs this)."""
    import contextlib
    import io
    import os
    import subprocess
    import tempfile

    def cell(t, conns, dirs):
        return {"type": t, "port_directions": dirs, "connections": conns}

    def lut(a, z):
        return cell("LUT4", {"A": [a], "Z": [z]}, {"A": "input", "Z": "output"})

    def ff(d, q):
        return cell("TRELLIS_FF", {"DI": [d], "Q": [q]}, {"DI": "input", "Q": "output"})

    def netlist(cells, ports):
        names = {"q1": {"bits": [2]}, "mid": {"bits": [3]}, "d2": {"bits": [4]}}
        return {"modules": {"t": {"attributes": {"top": "00000000000000000000000000000001"},
                                  "ports": ports, "cells": cells, "netnames": names}}}

    one = 0.75 + 0.12 * math.log2(2)           # a net with one sink
    good = netlist({"ff1": ff(10, 2), "l1": lut(2, 3), "l2": lut(3, 4), "ff2": ff(4, 5),
                    "l3": lut(6, 7)},
                   {"in_i": {"direction": "input", "bits": [6]},
                    "out_o": {"direction": "output", "bits": [7]}})
    loop = netlist({"a": lut(9, 8), "b": lut(8, 9)}, {})
    fails = []
    with tempfile.TemporaryDirectory() as d:
        def w(name, obj):
            f = os.path.join(d, name)
            with open(f, "w") as fh:
                fh.write(obj if isinstance(obj, str) else json.dumps(obj))
            return f
        g, rep, outs = w("good.json", good), os.path.join(d, "r.json"), os.path.join(d, "o.json")
        quiet = contextlib.redirect_stdout(io.StringIO())
        with quiet:
            main([g, "--json", rep, "--outputs-json", outs])
        paths = json.load(open(rep))["paths"]
        want = CLK_Q_NS["TRELLIS_FF"] + 3 * one + 2 * LUT_NS + SETUP_NS
        if abs(paths[0]["ns"] - round(want, 2)) > 0.011 or paths[0]["levels"] != 2 \
                or not paths[0]["end"].startswith("ff2."):
            fails.append(f"register path: got {paths[0]}, want {want:.2f} ns, 2 levels, to ff2")
        o = json.load(open(outs))["outputs"]
        if abs(o.get("out_o", -1) - round(one + LUT_NS, 2)) > 0.011:
            fails.append(f"output arrival: got {o}, want out_o {one + LUT_NS:.2f}")
        with contextlib.redirect_stdout(io.StringIO()):
            main([g, "--json", rep, "--input-ns", "in_i=10"])
        top1 = json.load(open(rep))["paths"][0]
        if top1["end"] != "<output out_o>" or abs(top1["ns"] - round(10 + one + LUT_NS, 2)) > 0.011:
            fails.append(f"--input-ns: got {top1}")
        src = w("src.json", {"outputs": {"in_o": 7.0}})
        with contextlib.redirect_stdout(io.StringIO()):
            main([g, "--json", rep, "--inputs-from", src])
        if abs(json.load(open(rep))["paths"][0]["ns"] - round(7 + one + LUT_NS, 2)) > 0.011:
            fails.append("--inputs-from: in_i did not arrive at 7 ns")
        with contextlib.redirect_stdout(io.StringIO()):
            main([g, "--json", rep, "--cut", "^mid$"])
        top1 = json.load(open(rep))["paths"][0]
        if top1["levels"] != 1:
            fails.append(f"--cut: the path through 'mid' should be cut in two, got {top1}")
        # two ends behind one start register, and a shorter path from another
        two = netlist({"ff1": ff(10, 2), "l1": lut(2, 3), "l2": lut(3, 4), "ff2": ff(4, 5),
                       "l4": lut(3, 11), "ff3": ff(11, 12),
                       "ff4": ff(20, 14), "l5": lut(14, 15), "ff5": ff(15, 16)}, {})
        tj = w("two.json", two)
        with contextlib.redirect_stdout(io.StringIO()):
            main([tj, "--json", rep, "--top", "2"])
        starts = [x["start"] for x in json.load(open(rep))["paths"]]
        if starts != ["ff1.Q", "ff1.Q"]:
            fails.append(f"two ends of ff1 first: got {starts}")
        with contextlib.redirect_stdout(io.StringIO()):
            main([tj, "--json", rep, "--top", "2", "--per-start"])
        starts = [x["start"] for x in json.load(open(rep))["paths"]]
        if starts != ["ff1.Q", "ff4.Q"]:
            fails.append(f"--per-start: got {starts}, want ff1.Q then ff4.Q")
        for bad, what in ((w("loop.json", loop), "combinational loop"),
                          (w("text.json", "not json"), "cannot read"),
                          (w("empty.json", {"modules": {}}), "not a yosys JSON netlist")):
            r = subprocess.run([sys.executable, os.path.abspath(__file__), bad],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if r.returncode != 1 or what not in r.stderr:
                fails.append(f"{what}: exit {r.returncode}, stderr {r.stderr.strip()!r}")
    for f in fails:
        print(f"comb-depth self-test: FAIL: {f}", file=sys.stderr)
    if not fails:
        print("comb-depth self-test: 10 checks passed")
    return 1 if fails else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    sys.exit(main())
