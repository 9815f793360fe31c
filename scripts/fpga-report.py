#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""fpga-report.py: the table of `make fpga-report` (fpga/fpga.mk, docs/fpga.md).

Reads, per board, what scripts/fpga-run.py left in BUILD/fpga/<board>/
(<design>.synth.json from synthesis of the board top with outrider_fpga or the
yardstick, report-<design>-s<seed>.pnr.json per place and route) and, when a
bitstream was built, <board>.pnr.json;
writes BUILD/fpga/report.md and report.json and prints the Markdown.
"""
import argparse
import json
import os
import re
import statistics
import sys

DESIGNS = [("outrider", "Outrider"), ("vexriscv", "VexRiscv_Full")]
LOGIC_BEL = {"ecp5": "TRELLIS_COMB", "ice40": "ICESTORM_LC"}


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def fmax_of(run):
    """The slowest clock's achieved Fmax of one run (None when not routed)."""
    f = run.get("fmax") or {}
    if not f:
        return None
    return min(v["achieved"] for v in f.values())


MARKERS = ("_TRELLIS_", "_LUT4", "_CCU2C", "_PFUMX", "_L6MUX21", "_MULT18X18D", "_DP16KD",
           "_SB_", "$", ".0.", "_DI_", "_DIB", "_DOB")


def short(cell):
    """A readable name for a nextpnr cell: the flattening prefixes dropped, and
    the suffixes yosys appends when it names a mapped cell after its net
    (u_core.wb_result_q_TRELLIS_FF_Q_23_DI_LUT4_Z... -> u_core.wb_result_q)."""
    c = (cell or "?").replace("u_fpga.", "").replace("u_soc.", "")
    port = ""
    if re.fullmatch(r"[A-Z][A-Z0-9]{0,7}", c.rsplit(".", 1)[-1]) and "." in c:
        c, port = c.rsplit(".", 1)
    head, _, tail = c.rpartition(".")
    cut = min([tail.find(m) for m in MARKERS if tail.find(m) > 0] + [len(tail)])
    name = (head + "." if head else "") + tail[:cut]
    return name + ("." + port if port else "")


def through(cells):
    """The distinct signals a path passes, in order (consecutive repeats merged)."""
    out = []
    for c in cells:
        n = short(c)
        if not out or out[-1] != n:
            out.append(n)
    return out


def design_row(rdir, design, seeds, fam):
    syn = load(os.path.join(rdir, design + ".synth.json"))
    runs = []
    for s in seeds:
        r = load(os.path.join(rdir, f"report-{design}-s{s}.pnr.json"))
        if r:
            runs.append(r)
    row = {"design": design, "synth": syn, "runs": runs}
    if not syn:
        return row
    row.update({k: syn.get(k) for k in ("lut4", "ff", "bram", "dsp", "lutram", "carry")})
    row["synth_seconds"] = syn.get("synth_seconds")
    row["pnr_seconds"] = [r.get("pnr_seconds") for r in runs]
    bel = LOGIC_BEL[fam]
    util = next((r["util"].get(bel) for r in runs if r.get("util", {}).get(bel)), None)
    row["logic_util"] = util
    row["status"] = sorted({r.get("status") for r in runs})
    fm = [(fmax_of(r), r) for r in runs if fmax_of(r) is not None and r.get("status") != "no-fit"]
    if fm:
        vals = sorted(v for v, _ in fm)
        row["fmax"] = {"min": vals[0], "median": statistics.median(vals), "max": vals[-1],
                       "seeds": {r["seed"]: v for v, r in fm}}
        worst = min(fm, key=lambda x: x[0])[1]
        row["critical_path"] = worst.get("critical_path")
        row["critical_seed"] = worst.get("seed")
    return row


def fmt_util(u):
    if not u:
        return "-"
    return f"{u[0]}/{u[1]} ({100.0 * u[0] / u[1]:.0f}%)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--boards", required=True)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--mhz", required=True)
    ap.add_argument("--desc", action="append", default=[])
    ap.add_argument("--router", default="router1", help="the router the runs used (for the text)")
    a = ap.parse_args()
    desc = dict(d.split("=", 1) for d in a.desc)
    seeds = a.seeds.split()
    out = {"target_mhz": float(a.mhz), "seeds": seeds, "boards": {}}
    md = ["# FPGA report (make fpga-report)", "",
          f"Each board's top (PLL, pins) around `outrider_fpga` with the board's parameters, "
          f"and around `vexriscv_soc` (VexRiscv_Full in the same shell) as the yardstick, "
          f"placed and routed with the board's constraints and a {a.mhz} MHz target on the "
          f"core clock, seeds {', '.join(seeds)}, nextpnr's {a.router} (a run whose router "
          f"stopped making progress is marked stalled). LUT4/FF/BRAM/DSP from synthesis "
          f"(yosys `stat`); logic cells used and Fmax (the core clock's) from nextpnr.", ""]
    for b in a.boards.split():
        rdir = os.path.join(a.dir, b)
        rows = []
        fam = None
        for d, _ in DESIGNS:
            syn = load(os.path.join(rdir, d + ".synth.json"))
            if syn:
                fam = syn["family"]
        if fam is None:
            md += [f"## {desc.get(b, b)}", "", "(no results: run `make fpga-report`)", ""]
            continue
        for d, _ in DESIGNS:
            rows.append(design_row(rdir, d, seeds, fam))
        board = {"desc": desc.get(b, b), "family": fam, "designs": rows}
        bb = load(os.path.join(a.dir, b, b + ".pnr.json"))
        if bb:
            board["bitstream_build"] = bb
        out["boards"][b] = board
        md += [f"## {desc.get(b, b)}", "",
               "| Design | LUT4 | FF | BRAM | DSP | Logic cells used | Fmax MHz min / median / max "
               "| Synthesis s | Place & route s per seed |",
               "|---|---:|---:|---:|---:|---:|---|---:|---|"]
        for (d, name), r in zip(DESIGNS, rows):
            if not r.get("synth"):
                md.append(f"| {name} | - | - | - | - | - | not run | - | - |")
                continue
            if "fmax" in r:
                f = r["fmax"]
                fm = f"{f['min']:.1f} / {f['median']:.1f} / {f['max']:.1f}"
                if len(f["seeds"]) < len(seeds):
                    fm += f" ({len(f['seeds'])} of {len(seeds)} seeds: " + \
                          ", ".join(f"s{k} {v:.1f}" for k, v in sorted(f["seeds"].items())) + ")"
                stalled = [x["seed"] for x in r["runs"] if x.get("status") == "route-stalled"]
                if stalled:
                    fm += "; routing stalled: " + ", ".join(f"s{k}" for k in sorted(stalled))
            elif "no-fit" in r.get("status", []):
                fm = "does not fit"
            elif r["runs"]:
                fm = "failed: " + ", ".join(r["status"])
            else:
                fm = "not routed"
            pnr = ", ".join(f"{s:.0f}" for s in r["pnr_seconds"] if s is not None) or "-"
            md.append(f"| {name} | {r['lut4']} | {r['ff']} | {r['bram']} | {r['dsp']} | "
                      f"{fmt_util(r['logic_util'])} | {fm} | {r['synth_seconds']:.0f} | {pnr} |")
        md.append("")
        for (d, name), r in zip(DESIGNS, rows):
            cp = r.get("critical_path")
            if cp:
                md.append(f"- {name} critical path (seed {r['critical_seed']}, {cp['ns']:.1f} ns: "
                          f"{cp['logic_ns']:.1f} ns logic, {cp['routing_ns']:.1f} ns routing): "
                          f"from `{short(cp['from'])}` to `{short(cp['to'])}`, through "
                          + " -> ".join(f"`{t}`" for t in through(cp.get("cells", []))))
            elif r.get("logic_util") and "no-fit" in r.get("status", []):
                u = r["logic_util"]
                over = next((x.get("over") for x in r["runs"] if x.get("over")), {})
                more = "".join(f"; {k} {v[0]}/{v[1]}" for k, v in over.items()
                               if k != LOGIC_BEL[fam])
                md.append(f"- {name} does not fit: {u[0]} logic cells needed, {u[1]} available "
                          f"({100.0 * u[0] / u[1]:.0f}%, {u[0] - u[1]} over){more}")
        if bb:
            f = bb.get("fmax") or {}
            if f:
                k, v = min(f.items(), key=lambda kv: kv[1]["achieved"])
                met = "met" if v["achieved"] >= v["constraint"] else "MISSED"
                md.append(f"- Bitstream build ({b}_top, seed {bb.get('seed')}): clock `{k}` "
                          f"target {v['constraint']:.2f} MHz (the PLL), achieved {v['achieved']:.2f} MHz "
                          f"({met}); place and route {bb.get('pnr_seconds', 0):.0f} s")
                cp = bb.get("critical_path")
                if cp:
                    md.append(f"  critical path {cp['ns']:.1f} ns ({cp['logic_ns']:.1f} ns logic, "
                              f"{cp['routing_ns']:.1f} ns routing) from `{short(cp['from'])}` to "
                              f"`{short(cp['to'])}`, through "
                              + " -> ".join(f"`{t}`" for t in through(cp.get("cells", []))))
            elif bb.get("status") == "no-fit":
                md.append(f"- Bitstream build ({b}_top): does not fit: "
                          + ", ".join(f"{k} {u}/{n}" for k, (u, n) in (bb.get("over") or {}).items()))
        md.append("")
    text = "\n".join(md)
    with open(os.path.join(a.dir, "report.md"), "w") as f:
        f.write(text + "\n")
    with open(os.path.join(a.dir, "report.json"), "w") as f:
        json.dump(out, f, indent=1)
    print(text)
    print(f"(written to {os.path.join(a.dir, 'report.md')} and report.json)", file=sys.stderr)


if __name__ == "__main__":
    main()
