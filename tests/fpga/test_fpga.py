#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""test_fpga.py - the board-level test of the FPGA top (make run-test_fpga).

Starts the board simulator (tests/fpga/fpga_sim.cpp: the Verilated
fpga/rtl/outrider_fpga.sv with the real boot ROM, its UART on a
pseudo-terminal) and drives it with the real host tool,
scripts/fpga-load.py, as a user drives a board:
- programs: the console output and the exit code equal smtsim's for the
  same ELF (same RAM size, --mem-latency equal to the latency register),
  cycle counts printed by the programs included;
- bad transfers (garbage, wrong checksum, truncated, too large for the
  RAM): the host reports the board's error, and the next good transfer
  works; the host's own check of segments outside RAM.
Prints cmocka-style lines; exit status 0 iff every test passed.
"""
import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--smtsim", required=True)
    ap.add_argument("--loader", required=True)
    ap.add_argument("--ram-size", required=True)
    ap.add_argument("--elf-dir", required=True)
    ap.add_argument("--bad-dir", required=True)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="test_fpga.")
    sim_log = open(os.path.join(tmp, "fpga-sim.log"), "w")
    sim = subprocess.Popen([args.sim], stdout=subprocess.PIPE, stderr=sim_log, text=True)
    pty = sim.stdout.readline().strip()
    if not pty:
        print("test_fpga: the board simulator did not start (see %s)" % sim_log.name)
        return 1

    def elf(name):
        return os.path.join(args.elf_dir, name + ".elf")

    def board(path, *extra):
        cmd = [sys.executable, args.loader, "--port", pty, "--timeout", "120",
               "--run-timeout", "300", *extra, path]
        r = subprocess.run(cmd, capture_output=True, timeout=900)
        return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")

    def reference(path, latency):
        r = subprocess.run([args.smtsim, "--quiet", "--ram-size", args.ram_size,
                            "--mem-latency", str(latency), path], capture_output=True, timeout=300)
        return r.returncode, r.stdout

    results = []

    def test(name, fn):
        print("[ RUN      ] %s" % name, flush=True)
        t0 = time.monotonic()
        try:
            msg = fn()
        except Exception as e:          # a timeout or a crash of a tool
            msg = "exception: %r" % (e,)
        dt = time.monotonic() - t0
        if msg:
            print("[  ERROR   ] --- %s" % msg)
            print("[  FAILED  ] %s (%.1f s)" % (name, dt), flush=True)
        else:
            print("[       OK ] %s (%.1f s)" % (name, dt), flush=True)
        results.append((name, not msg))

    def same_as_smtsim(prog, latency):
        def fn():
            rc, out, err = board(elf(prog), "--mem-latency", str(latency))
            erc, eout = reference(elf(prog), latency)
            if args.verbose:
                sys.stdout.write(out.decode("utf-8", "replace"))
            if (rc, out) != (erc, eout):
                return ("%s at latency %d: board exit %d, smtsim exit %d\n--- board:\n%s%s--- smtsim:\n%s"
                        % (prog, latency, rc, erc, out.decode("utf-8", "replace"), err,
                           eout.decode("utf-8", "replace")))
            return None
        return fn

    def refused_then_ok(path, extra, expect):
        def fn():
            rc, out, err = board(path, *extra)
            if rc != 3 or expect not in err:
                return "expected exit 3 and '%s', got exit %d: %s" % (expect, rc, err.strip())
            if args.verbose:
                print(err.strip())
            return same_as_smtsim("fpga_counters", 0)()
        return fn

    def host_check():
        rc, out, err = board(os.path.join(args.bad_dir, "far.elf"), "--ram-size", args.ram_size)
        if rc != 2 or "outside RAM" not in err:
            return "expected exit 2 and 'outside RAM', got exit %d: %s" % (rc, err.strip())
        return None

    test("counters at program start (fpga_counters)", same_as_smtsim("fpga_counters", 0))
    test("plain C program (fpga_hello)", same_as_smtsim("fpga_hello", 0))
    test("two harts (fpga_twoharts)", same_as_smtsim("fpga_twoharts", 0))
    test("pre-execution (fpga_pex_list)", same_as_smtsim("fpga_pex_list", 0))
    test("pre-execution at latency 100 (fpga_pex_list)", same_as_smtsim("fpga_pex_list", 100))
    test("garbage, then a good transfer",
         refused_then_ok(elf("fpga_counters"), ["--inject", "garbage"], "bad magic"))
    test("wrong checksum, then a good transfer",
         refused_then_ok(elf("fpga_counters"), ["--inject", "bad-crc"], "bad data checksum"))
    test("truncated, then a good transfer",
         refused_then_ok(elf("fpga_hello"), ["--inject", "truncate"], "truncated"))
    test("larger than the RAM, then a good transfer",
         refused_then_ok(os.path.join(args.bad_dir, "far.elf"), [], "does not fit"))
    test("host check: segment outside RAM", host_check)

    sim.send_signal(signal.SIGTERM)
    try:
        sim.wait(timeout=30)
    except subprocess.TimeoutExpired:
        sim.kill()
    sim_log.close()
    failed = [n for n, ok in results if not ok]
    print("[==========] %d test(s) run." % len(results))
    print("[  PASSED  ] %d test(s)." % (len(results) - len(failed)))
    if failed:
        print("[  FAILED  ] %d test(s), listed below:" % len(failed))
        for n in failed:
            print("[  FAILED  ] %s" % n)
        print("(board simulator log: %s)" % os.path.join(tmp, "fpga-sim.log"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
