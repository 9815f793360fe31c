#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""scripts/bench.py - run the benchmark suite (sw/bench/) and write the report.

usage: scripts/bench.py [--build DIR] [--out DIR] [--jobs N]
                        [--latencies "100 ..."] [--kernels "list tree ..."]
                        [--sweep]

Runs, for every kernel K and memory latency L (smtsim --mem-latency L):
  plain     $BUILD/smtsim          bench_K.elf       (no pre-execution code)
  pex       $BUILD/smtsim          bench_K_pex.elf   (pre-executed version)
  nextline  $BUILD/smtsim-pf       bench_K.elf       (cache next-line prefetcher)
  perfect   $BUILD/smtsim --perfect-dcache bench_K.elf   (the limit)
and, without --sweep, also
  pex_nextline  $BUILD/smtsim-pf   bench_K_pex.elf   (both together)
  pex_off   $BUILD/smtsim --no-preexec bench_K_pex.elf  (every spawn refused:
            the idiom's own cost; the p-thread invariant requires the same
            checksum and the same kernel-loop instret (minstret) as pex)
  twohart   $BUILD/smtsim          bench_K_2h.elf    (two copies, one per hart)
  init runs bench_K_init.elf on smtsim and smtsim-pf: the data-building
            phase alone, whose main-thread load counters are subtracted so
            that coverage counts the kernel's own misses.
Every run must exit 0 (the program checks its checksum against its
reference) and every run of a kernel must print the same checksum;
otherwise this script fails (exit 1) after writing what it has.

Writes to --out:
  without --sweep: results.json (records), results.md (the table)
  with --sweep:    sweep.json, sweep.md, speedup.dat, speedup.gp and
                   speedup.png (gnuplot must be installed)
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pexmetrics import derived  # noqa: E402  (the one formula, = tb/lib/roi.c)
from mlpbound import bound as mlp_bound  # noqa: E402  (the MLP bound, one definition)

CONFIGS = ("plain", "pex", "nextline", "pex_nextline", "perfect")
PEX_KEYS = ("spawned", "refused", "cancelled", "budget_stops", "exception_stops", "stops",
            "stores_buffered", "mmio_loads_suppressed", "instructions", "fills",
            "useful_fills", "late_fills", "useless_fills", "main_loads", "main_load_misses")
MAX_CYCLES = 400_000_000


def die(msg, code=2):
    print(f"bench.py: {msg}", file=sys.stderr)
    sys.exit(code)


def run_one(job):
    """Run one simulation; return (job, result dict or error string)."""
    sim, elf, lat, extra = job["sim"], job["elf"], job["lat"], job["extra"]
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tf:
        stats_path = tf.name
    try:
        cmd = [sim, "--quiet", "--max-cycles", str(MAX_CYCLES), "--mem-latency", str(lat),
               "--stats-json", stats_path] + extra + [elf]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            return job, (f"{' '.join(cmd)} exited with {p.returncode}:\n"
                         f"{p.stdout}{p.stderr}")
        with open(stats_path) as f:
            stats = json.load(f)
    finally:
        os.unlink(stats_path)
    m_sum = re.search(r"checksum (0x[0-9a-f]{8}) ok", p.stdout)
    m_cyc = re.search(r"cycles (\d+)", p.stdout)
    m_ins = re.search(r"instret (\d+)", p.stdout)
    if job["kind"] != "init" and (m_sum is None or m_cyc is None or m_ins is None):
        return job, f"{elf}: no checksum/cycles line in its output:\n{p.stdout}"
    return job, {
        "stats": stats,
        "checksum": m_sum.group(1) if m_sum else None,
        "cycles": int(m_cyc.group(1)) if m_cyc else None,
        "loop_retired": int(m_ins.group(1)) if m_ins else None,
        "cmd": " ".join(cmd),
    }


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def captured(s, s_perfect):
    """Fraction of the perfect cache's speedup captured: (s-1)/(sp-1)."""
    if s is None or s_perfect is None or s_perfect <= 1.0:
        return None
    return (s - 1.0) / (s_perfect - 1.0)


def make_record(kernel, config, lat, res, init):
    st = res["stats"]
    pre = st.get("preexec", {})
    rec = {
        "kernel": kernel,
        "config": config,
        "mem_latency": lat,
        "cycles": res["cycles"],
        "run_cycles": st["cycles"],
        "main_retired": st["threads"][0]["retired"],
        "loop_retired": res["loop_retired"],
        "checksum": res["checksum"],
        "preexec": {k: pre.get(k) for k in PEX_KEYS},
        "prefetch_fills": st.get("dcache", {}).get("prefetch_fills"),
        "mshr_full_stall_cycles": st.get("dcache", {}).get("mshr_full_stall_cycles"),
        "command": res["cmd"],
    }
    # the timed loop's own memory traffic: its region of interest (bench_main.h)
    roi = st["roi"][0] if st.get("roi") else None
    rec["roi_read_accesses"] = roi["wishbone"]["read_accesses"] if roi else None
    rec["roi_write_accesses"] = roi["wishbone"]["write_accesses"] if roi else None
    cfgj = st.get("config", {})
    rec["memory"] = {"mem_latency": cfgj.get("mem_latency"),
                     "mem_outstanding": cfgj.get("mem_outstanding"),
                     "line": cfgj.get("model", {}).get("DcacheLine"),
                     "mshrs": cfgj.get("model", {}).get("DcacheMshrs")}
    if init is not None:
        ipre = init["stats"].get("preexec", {})
        rec["kernel_main_loads"] = pre["main_loads"] - ipre["main_loads"]
        rec["kernel_main_load_misses"] = pre["main_load_misses"] - ipre["main_load_misses"]
    else:
        rec["kernel_main_loads"] = rec["kernel_main_load_misses"] = None
    cov = acc = late = None
    if config in ("pex", "pex_nextline"):
        # the kernel's own main-thread misses (the init-only run subtracted)
        m = rec["kernel_main_load_misses"]
        d = derived(dict(pre, main_load_misses=pre["main_load_misses"] if m is None else m))
        cov, acc, late = d["coverage"], d["accuracy"], d["lateness"]
    rec["coverage"], rec["accuracy"], rec["lateness"] = cov, acc, late
    return rec


def fmt(v, kind="f"):
    if v is None:
        return "-"
    if kind == "x":
        return f"{v:.2f}x"
    if kind == "%":
        return f"{round(100 * v)}%"
    return str(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--out", default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--latencies", default="100")
    ap.add_argument("--kernels", default="list tree hash em3d mcf spmv")
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--smtsim", default=None,
                    help="simulator (default BUILD/smtsim; make bench PARAMS=... passes a variant)")
    ap.add_argument("--smtsim-pf", default=None,
                    help="the same with the next-line prefetcher (default BUILD/smtsim-pf)")
    a = ap.parse_args()
    out = a.out or os.path.join(a.build, "bench")
    try:
        lats = [int(x) for x in a.latencies.split()]
    except ValueError:
        die(f"bad --latencies '{a.latencies}' (want integers)")
    if not lats or any(x < 0 for x in lats):
        die(f"bad --latencies '{a.latencies}'")
    kernels = a.kernels.split()
    if not kernels or a.jobs < 1:
        die("need at least one kernel and --jobs >= 1")
    sim = a.smtsim or os.path.join(a.build, "smtsim")
    sim_pf = a.smtsim_pf or os.path.join(a.build, "smtsim-pf")
    prog = os.path.join(a.build, "prog")
    for f in (sim, sim_pf):
        if not os.access(f, os.X_OK):
            die(f"{f} not found (run 'make bench', which builds it)")
    suffixes = ["", "_pex"] + ([] if a.sweep else ["_2h", "_init"])
    for k in kernels:
        for s in suffixes:
            if not os.path.isfile(os.path.join(prog, f"bench_{k}{s}.elf")):
                die(f"{prog}/bench_{k}{s}.elf not found (run 'make bench', which builds it)")
    if a.sweep:
        os.makedirs(out, exist_ok=True)

    elf = lambda k, s="": os.path.join(prog, f"bench_{k}{s}.elf")
    jobs = []
    for lat in lats:
        for k in kernels:
            base = dict(kernel=k, lat=lat)
            jobs.append(dict(base, kind="plain", sim=sim, elf=elf(k), extra=[]))
            jobs.append(dict(base, kind="pex", sim=sim, elf=elf(k, "_pex"), extra=[]))
            jobs.append(dict(base, kind="nextline", sim=sim_pf, elf=elf(k), extra=[]))
            jobs.append(dict(base, kind="perfect", sim=sim, elf=elf(k), extra=["--perfect-dcache"]))
            if not a.sweep:
                jobs.append(dict(base, kind="pex_nextline", sim=sim_pf, elf=elf(k, "_pex"), extra=[]))
                jobs.append(dict(base, kind="pex_off", sim=sim, elf=elf(k, "_pex"),
                                 extra=["--no-preexec"]))
                jobs.append(dict(base, kind="twohart", sim=sim, elf=elf(k, "_2h"), extra=[]))
                jobs.append(dict(base, kind="init", cfg="plain", sim=sim, elf=elf(k, "_init"), extra=[]))
                jobs.append(dict(base, kind="init", cfg="nextline", sim=sim_pf, elf=elf(k, "_init"), extra=[]))

    results, errors = {}, []
    done = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for job, res in ex.map(run_one, jobs):
            done += 1
            key = (job["kernel"], job["lat"], job["kind"], job.get("cfg"))
            if isinstance(res, str):
                errors.append(res)
                print(f"[{done}/{len(jobs)}] {job['kernel']} {job['kind']} @{job['lat']}: FAILED",
                      file=sys.stderr)
            else:
                results[key] = res
                print(f"[{done}/{len(jobs)}] {job['kernel']} {job['kind']} @{job['lat']}: "
                      f"{res['cycles'] if res['cycles'] is not None else res['stats']['cycles']} cycles",
                      file=sys.stderr)

    records = []
    for lat in lats:
        for k in kernels:
            for cfg in CONFIGS + (() if a.sweep else ("pex_off", "twohart")):
                res = results.get((k, lat, cfg, None))
                if res is None:
                    continue
                init_cfg = {"plain": "plain", "pex": "plain", "nextline": "nextline",
                            "pex_nextline": "nextline", "pex_off": "plain"}.get(cfg)
                init = results.get((k, lat, "init", init_cfg)) if init_cfg else None
                records.append(make_record(k, cfg, lat, res, init))

    # Checksums: one per kernel across every configuration and latency.
    for k in kernels:
        sums = {r["checksum"] for r in records if r["kernel"] == k}
        if len(sums) > 1:
            errors.append(f"{k}: checksums differ between configurations: {sorted(sums)}")

    # Derived per (kernel, latency): speedups over plain.
    by = {(r["kernel"], r["mem_latency"], r["config"]): r for r in records}
    # The p-thread invariant: pre-execution on or off, the main thread
    # retires the same instructions in the kernel loop (minstret; the whole
    # run differs by the printing of the cycle count) and the same checksum.
    for (k, lat, cfg), r in by.items():
        off = by.get((k, lat, "pex_off"))
        if cfg == "pex" and off is not None and off["loop_retired"] != r["loop_retired"]:
            errors.append(f"{k} @{lat}: the kernel loop retired {r['loop_retired']} main-thread "
                          f"instructions with pre-execution, {off['loop_retired']} without "
                          f"(the p-thread invariant is broken)")
    for r in records:
        plain = by.get((r["kernel"], r["mem_latency"], "plain"))
        perf = by.get((r["kernel"], r["mem_latency"], "perfect"))
        if r["config"] == "twohart":
            # two copies' work in r["cycles"] against one copy's in plain
            r["speedup"] = None
            r["throughput_ratio"] = ratio(2 * plain["cycles"], r["cycles"]) if plain else None
            r["captured"] = None
            continue
        r["speedup"] = ratio(plain["cycles"], r["cycles"]) if plain else None
        sp = ratio(plain["cycles"], perf["cycles"]) if plain and perf else None
        r["captured"] = captured(r["speedup"], sp) if r["config"] != "perfect" else None
        # the MLP bound of the kernel (scripts/mlpbound.py): the perfect cache's
        # cycles plus the plain run's line accesses, overlapped as far as the
        # MSHRs and the memory allow; the same bound for every configuration
        r["mlp_bound"] = r["of_mlp"] = r["of_perfect"] = None
        if plain and perf and plain["roi_read_accesses"] is not None:
            m = plain["memory"]
            b = mlp_bound(perf["cycles"], plain["roi_read_accesses"] + plain["roi_write_accesses"],
                          m["mem_latency"], m["line"], m["mshrs"], m["mem_outstanding"])
            r["mlp_bound"] = b["cycles"]
            r["mlp_overlap"] = b["overlap"]
            if r["config"] != "perfect":
                r["of_mlp"] = ratio(b["cycles"], r["cycles"])
                r["of_perfect"] = ratio(perf["cycles"], r["cycles"])

    os.makedirs(out, exist_ok=True)
    summary = {}
    for lat in lats:
        gm = {cfg: geomean([by[(k, lat, cfg)]["speedup"] for k in kernels if (k, lat, cfg) in by])
              for cfg in CONFIGS}
        over_nl = geomean([ratio(by[(k, lat, "nextline")]["cycles"], by[(k, lat, "pex")]["cycles"])
                           for k in kernels if (k, lat, "nextline") in by and (k, lat, "pex") in by])
        tput = geomean([by[(k, lat, "twohart")]["throughput_ratio"] for k in kernels
                        if (k, lat, "twohart") in by])
        summary[str(lat)] = {
            "geomean_speedup": gm,
            "geomean_pex_over_nextline": over_nl,
            "captured_of_geomeans": {c: captured(gm[c], gm["perfect"])
                                     for c in ("pex", "nextline", "pex_nextline")},
            "geomean_twohart_throughput": tput,
            "geomean_of_perfect": {c: geomean([by[(k, lat, c)]["of_perfect"] for k in kernels
                                               if (k, lat, c) in by])
                                   for c in ("plain", "pex", "nextline", "pex_nextline")},
            "geomean_of_mlp": {c: geomean([by[(k, lat, c)]["of_mlp"] for k in kernels
                                           if (k, lat, c) in by])
                               for c in ("plain", "pex", "nextline", "pex_nextline")},
        }

    name = "sweep" if a.sweep else "results"
    with open(os.path.join(out, f"{name}.json"), "w") as f:
        json.dump({"mem_latencies": lats, "kernels": kernels, "records": records,
                   "summary": summary}, f, indent=1)
        f.write("\n")
    with open(os.path.join(out, f"{name}.md"), "w") as f:
        write_md(f, lats, kernels, by, summary, a.sweep)
    if a.sweep:
        if not plot(out, lats, summary):
            errors.append("gnuplot failed (is gnuplot-nox installed? make bench-deps)")

    for lat in lats:
        sm = summary[str(lat)]
        gm = sm["geomean_speedup"]
        line = (f"--mem-latency {lat}: geometric-mean speedup over plain: pre-execution "
                f"{fmt(gm['pex'], 'x')}, next-line {fmt(gm['nextline'], 'x')}, perfect cache "
                f"{fmt(gm['perfect'], 'x')}; pre-execution over next-line "
                f"{fmt(sm['geomean_pex_over_nextline'], 'x')}, captures "
                f"{fmt(sm['captured_of_geomeans']['pex'], '%')} of the perfect cache's speedup")
        if sm["geomean_of_mlp"]["pex"] is not None:
            line += (f"; of the MLP bound: plain {fmt(sm['geomean_of_mlp']['plain'], '%')}, "
                     f"pre-execution {fmt(sm['geomean_of_mlp']['pex'], '%')}")
        if sm["geomean_twohart_throughput"] is not None:
            line += f"; two-hart throughput {fmt(sm['geomean_twohart_throughput'], 'x')}"
        print(line)
    for e in errors:
        print(f"bench.py: {e}", file=sys.stderr)
    print(f"bench.py: wrote {out}/{name}.json and {out}/{name}.md"
          + (f" and {out}/speedup.png" if a.sweep else ""), file=sys.stderr)
    sys.exit(1 if errors else 0)


def write_md(f, lats, kernels, by, summary, sweep):
    for lat in lats:
        f.write(f"### --mem-latency {lat}\n\n")
        f.write("| kernel | config | cycles | speedup | captured | of perfect | of MLP bound "
                "| coverage | accuracy | lateness "
                "| main misses | p-thread fills (useful/late/useless) |\n")
        f.write("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
        for k in kernels:
            for cfg in CONFIGS + ("pex_off",):
                r = by.get((k, lat, cfg))
                if r is None:
                    continue
                pre = r["preexec"]
                fills = (f"{pre['fills']} ({pre['useful_fills']}/{pre['late_fills']}/"
                         f"{pre['useless_fills']})" if cfg.startswith("pex") else "")
                of_mlp = (f"{fmt(r['of_mlp'], '%')}" if cfg != "perfect" else
                          (f"bound {round(r['mlp_bound'])}" if r.get("mlp_bound") else "-"))
                f.write(f"| {k} | {cfg} | {r['cycles']} | {fmt(r['speedup'], 'x')} "
                        f"| {fmt(r['captured'], '%')} | {fmt(r.get('of_perfect'), '%')} | {of_mlp} "
                        f"| {fmt(r['coverage'], '%')} "
                        f"| {fmt(r['accuracy'], '%')} | {fmt(r['lateness'], '%')} "
                        f"| {fmt(r['kernel_main_load_misses'])} | {fills} |\n")
        s = summary[str(lat)]
        gm = s["geomean_speedup"]
        for cfg in CONFIGS[1:]:
            if gm.get(cfg) is None:
                continue
            bold = "**" if cfg == "pex" else ""
            f.write(f"| **geomean** | {cfg} | | {bold}{fmt(gm[cfg], 'x')}{bold} "
                    f"| {fmt(s['captured_of_geomeans'].get(cfg), '%')} "
                    f"| {fmt(s['geomean_of_perfect'].get(cfg), '%')} "
                    f"| {fmt(s['geomean_of_mlp'].get(cfg), '%')} | | | | | |\n")
        f.write(f"| **geomean** | plain | | | | {fmt(s['geomean_of_perfect']['plain'], '%')} "
                f"| {fmt(s['geomean_of_mlp']['plain'], '%')} | | | | | |\n")
        f.write("\n")
        f.write(f"Geometric means at --mem-latency {lat}: pre-execution "
                f"{fmt(gm['pex'], 'x')} over plain, {fmt(s['geomean_pex_over_nextline'], 'x')} "
                f"over next-line prefetching; perfect cache {fmt(gm['perfect'], 'x')}; "
                f"pre-execution captures {fmt(s['captured_of_geomeans']['pex'], '%')} of the "
                f"perfect cache's speedup (next-line prefetching "
                f"{fmt(s['captured_of_geomeans']['nextline'], '%')}).\n\n")
        if not sweep:
            f.write("Two-hart throughput (two copies of a kernel, one per hart, against one "
                    "copy alone: 2 x one-copy cycles / two-copy cycles):\n\n")
            f.write("| kernel | one copy | two copies | throughput ratio |\n|---|---:|---:|---:|\n")
            for k in kernels:
                r, p = by.get((k, lat, "twohart")), by.get((k, lat, "plain"))
                if r and p:
                    f.write(f"| {k} | {p['cycles']} | {r['cycles']} "
                            f"| {fmt(r['throughput_ratio'], 'x')} |\n")
            f.write(f"| **geomean** | | | **{fmt(s['geomean_twohart_throughput'], 'x')}** |\n\n")
    f.write("speedup = plain cycles / config cycles (the timed kernel loop, mcycle); "
            "captured = (speedup - 1) / (perfect speedup - 1); coverage = useful / "
            "(useful + late + main misses), accuracy = (useful + late) / p-thread fills, "
            "lateness = late / (useful + late); main misses = main-thread load misses of the "
            "kernel (the data-building phase subtracted); of perfect = perfect-cache cycles / "
            "cycles; of MLP bound = MLP-bound cycles / cycles, the bound (perfect row) = "
            "perfect-cache cycles + the plain run's line accesses x (1 + latency + beats - 1) / "
            "min(MSHRs, --mem-outstanding, (1 + latency + beats - 1) / beats) "
            "(scripts/mlpbound.py, docs/performance.md).\n")


def plot(out, lats, summary):
    dat = os.path.join(out, "speedup.dat")
    with open(dat, "w") as f:
        f.write("# mem_latency pex nextline perfect (geometric-mean speedup over plain)\n")
        for lat in lats:
            gm = summary[str(lat)]["geomean_speedup"]
            vals = " ".join("NaN" if gm[c] is None else f"{gm[c]:.4f}"
                            for c in ("pex", "nextline", "perfect"))
            f.write(f"{lat} {vals}\n")
    gp = os.path.join(out, "speedup.gp")
    with open(gp, "w") as f:
        f.write(f"""set terminal pngcairo size 800,500 font ",11" noenhanced
set output "{os.path.join(out, 'speedup.png')}"
set title "Outrider: geometric-mean speedup over plain, 6 memory-bound kernels"
set xlabel "main-memory latency (cycles, smtsim --mem-latency)"
set ylabel "speedup over plain (log scale)"
set logscale x 2
set logscale y 2
set yrange [0.8:*]
set xtics ({', '.join(str(l) for l in lats)})
set key top left
set grid
plot "{dat}" using 1:4 with linespoints lw 2 pt 7 title "perfect data cache", \\
     "{dat}" using 1:2 with linespoints lw 2 pt 5 title "pre-execution", \\
     "{dat}" using 1:3 with linespoints lw 2 pt 9 title "next-line prefetcher", \\
     1 with lines lc rgb "gray" dt 2 title "plain"
""")
    try:
        p = subprocess.run(["gnuplot", gp], capture_output=True, text=True)
    except OSError:
        return False
    if p.returncode != 0:
        print(p.stderr, file=sys.stderr)
    return p.returncode == 0


if __name__ == "__main__":
    main()
