#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test_fpga_flow.py - the clock constraint of the FPGA flow (make run-test_fpga_flow).

Runs scripts/fpga-run.py, as fpga/fpga.mk does, on a tiny design with a
board top's shape (tests/fpga/flow_top.sv: a PLL driving a submodule's
clock; after flattening the top's `clk` may be gone), with Debian's yosys
and nextpnr-ice40 (seconds):
- --clock-mhz constrains the net the PLL drives: nextpnr times the clock
  against that target (Fmax's constraint in the summary equals it);
- a constraint file naming a clock net that does not exist in the
  synthesised design stops the run with exit 1 and a one-line message,
  before place and route (nextpnr alone only warns and times against
  another clock);
- --clock-mhz on a design without a PLL is refused with a message;
- a router that stops making progress (a stand-in for nextpnr that writes
  router1's or router2's progress lines with a constant count of overused
  wires) is stopped after --stall-minutes with exit 3, one line and status
  "route-stalled" (no Fmax); one whose count keeps falling is left to finish.
Prints cmocka-style lines; exit status 0 iff every test passed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def write_junit(results):
    """JUnit XML as cmocka writes it when make test has JUNIT_DIR set
    (CMOCKA_MESSAGE_OUTPUT=xml, CMOCKA_XML_FILE with %g for the suite)."""
    if os.environ.get("CMOCKA_MESSAGE_OUTPUT", "").lower() != "xml":
        return
    path = os.environ.get("CMOCKA_XML_FILE", "").replace("%g", "test_fpga_flow")
    if not path:
        return
    from xml.sax.saxutils import quoteattr
    failures = sum(1 for _, ok in results if not ok)
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites>\n')
        f.write(f'  <testsuite name="test_fpga_flow" tests="{len(results)}" failures="{failures}"'
                f' errors="0" skipped="0">\n')
        for name, ok in results:
            f.write(f"    <testcase name={quoteattr(name)}>")
            f.write("" if ok else '<failure message="failed"></failure>')
            f.write("</testcase>\n")
        f.write("  </testsuite>\n</testsuites>\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", required=True, help="scripts/fpga-run.py")
    ap.add_argument("--src", required=True, help="tests/fpga/flow_top.sv")
    ap.add_argument("--pcf", required=True, help="tests/fpga/flow.pcf")
    ap.add_argument("--yosys", default="yosys")
    ap.add_argument("--nextpnr", default="nextpnr-ice40")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="test_fpga_flow.")
    results = []

    def run(*cmd):
        return subprocess.run([sys.executable, args.run, *cmd], capture_output=True, text=True,
                              timeout=300)

    def synth(top):
        r = run("synth", "--yosys", args.yosys, "--family", "ice40", "--top", top,
                "--out", os.path.join(tmp, top + ".json"), "--min-luts", "8", args.src)
        if r.returncode != 0:
            raise RuntimeError(f"synthesis of {top} failed: {r.stderr.strip()}")
        return os.path.join(tmp, top + ".json")

    def pnr(netlist, tag, *extra):
        return run("pnr", "--nextpnr", args.nextpnr, "--family", "ice40",
                   "--device", "--hx8k --package ct256", "--json", netlist, "--tag", tag, *extra)

    def test(name, fn):
        print("[ RUN      ] %s" % name, flush=True)
        t0 = time.monotonic()
        try:
            msg = fn()
        except Exception as e:          # a tool failed or timed out
            msg = "exception: %r" % (e,)
        dt = time.monotonic() - t0
        if msg:
            print("[  ERROR   ] --- %s" % msg)
            print("[  FAILED  ] %s (%.1f s)" % (name, dt), flush=True)
        else:
            print("[       OK ] %s (%.1f s)" % (name, dt), flush=True)
        results.append((name, not msg))

    netlists = {}

    def netlist(top):
        if top not in netlists:
            netlists[top] = synth(top)
        return netlists[top]

    def constrained_at_target():
        r = pnr(netlist("flow_top"), "target", "--constr", args.pcf, "--clock-mhz", "37")
        if r.returncode != 0:
            return f"exit {r.returncode}: {r.stderr.strip()}"
        summary = json.load(open(os.path.join(tmp, "target.pnr.json")))
        targets = sorted(v["constraint"] for v in summary["fmax"].values())
        if targets != [37.0]:
            return f"expected one clock timed at 37 MHz, the summary has {summary['fmax']}"
        written = open(os.path.join(tmp, "target.pcf")).read()
        if "set_frequency" not in written:
            return "no set_frequency line in the constraint file handed to nextpnr"
        return None

    def missing_net_stops():
        bad = os.path.join(tmp, "missing.pcf")
        with open(bad, "w") as f:
            f.write(open(args.pcf).read() + "\nset_frequency no_such_clk 50\n")
        r = pnr(netlist("flow_top"), "missing", "--constr", bad)
        if r.returncode != 1:
            return f"expected exit 1, got {r.returncode} (stderr: {r.stderr.strip()})"
        lines = r.stderr.strip().splitlines()
        if len(lines) != 1 or "no_such_clk" not in lines[0] or "does not exist" not in lines[0]:
            return f"expected one line naming the net, got: {r.stderr.strip()!r}"
        if os.path.exists(os.path.join(tmp, "missing.pnr.json")):
            return "a summary was written: the run did not stop"
        return None

    def no_pll_refused():
        r = pnr(netlist("flow_top_nopll"), "nopll", "--constr", args.pcf, "--clock-mhz", "40")
        if r.returncode == 0:
            return "--clock-mhz without a PLL was accepted"
        if "PLL" not in r.stderr or len(r.stderr.strip().splitlines()) != 1:
            return f"expected one line about the PLL, got: {r.stderr.strip()!r}"
        return None

    # a stand-in for nextpnr that writes router progress lines only
    # (tests/fpga/fake_nextpnr.py: modes stall1, stall2, progress)
    fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_nextpnr.py")

    def fake_pnr(mode, tag, *extra):
        return run("pnr", "--nextpnr", f"{sys.executable} {fake} {mode}", "--family", "ice40",
                   "--device", "--hx8k --package ct256", "--json", os.path.join(tmp, "fake.json"),
                   "--tag", tag, "--stall-minutes", "0.05", *extra)

    def stalled_router_stops():
        for mode in ("stall1", "stall2"):
            t0 = time.monotonic()
            r = fake_pnr(mode, "stall-" + mode)
            dt = time.monotonic() - t0
            if r.returncode != 3:
                return f"{mode}: expected exit 3, got {r.returncode} (stderr: {r.stderr.strip()})"
            lines = r.stderr.strip().splitlines()
            if len(lines) != 1 or "routing stalled" not in lines[0] or "5000" not in lines[0]:
                return f"{mode}: expected one line on the stall, got: {r.stderr.strip()!r}"
            if dt > 30:
                return f"{mode}: the run took {dt:.0f} s: it was not stopped"
            summary = json.load(open(os.path.join(tmp, f"stall-{mode}.pnr.json")))
            if summary.get("status") != "route-stalled" or summary.get("fmax"):
                return f"{mode}: summary {summary}"
        r = fake_pnr("stall1", "stall-report", "--report-only")
        if r.returncode != 0 or "routing stalled" not in r.stdout:
            return f"--report-only: expected exit 0 and the message, got {r.returncode}: {r.stdout!r}"
        return None

    def progressing_router_runs():
        r = fake_pnr("progress", "progress", "--report-only")
        summary = json.load(open(os.path.join(tmp, "progress.pnr.json")))
        if r.returncode != 0 or summary.get("status") == "route-stalled":
            return f"exit {r.returncode}, summary {summary}: a router making progress was stopped"
        return None

    test("--clock-mhz times the PLL's output net at the target", constrained_at_target)
    test("a clock constraint on a missing net stops the run", missing_net_stops)
    test("--clock-mhz without a PLL is refused", no_pll_refused)
    test("a router without progress is stopped after --stall-minutes", stalled_router_stops)
    test("a router whose overused wires keep falling is not stopped", progressing_router_runs)

    failed = [n for n, ok in results if not ok]
    write_junit(results)
    print("[==========] %d test(s) run." % len(results))
    print("[  PASSED  ] %d test(s)." % (len(results) - len(failed)))
    if failed:
        print("[  FAILED  ] %d test(s), listed below:" % len(failed))
        for n in failed:
            print("[  FAILED  ] %s" % n)
        print("(work folder: %s)" % tmp)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
